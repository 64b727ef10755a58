// The last bytes of the stream, kept raw: excerpts and tracebacks are cut from here only when needed, so the
// bulk of the output is never decoded.

import { capText, NL, visibleLine } from './text.js';

/** A fixed-size ring of the last bytes of the stream, so excerpts never need the whole log. */
export class ByteTail {
  private readonly ring: Buffer;
  private end = 0;
  private filled = 0;

  constructor(size: number) {
    this.ring = Buffer.allocUnsafe(size);
  }

  push(chunk: Buffer, start: number, stop: number): void {
    const size = this.ring.length;
    let from = start;
    if (stop - from >= size) from = stop - size;
    while (from < stop) {
      const n = Math.min(stop - from, size - this.end);
      chunk.copy(this.ring, this.end, from, from + n);
      from += n;
      this.end = (this.end + n) % size;
      this.filled = Math.min(size, this.filled + n);
    }
  }

  /**
   * The last `max` non-blank lines, ANSI stripped, each capped. Lines are decoded one at a time from the end,
   * only as far back as needed, straight from the ring: a failure cuts an excerpt up to three times, and
   * copying and decoding all 64 KiB each time was most of the parse time of a console with thousands of stages.
   * (Splitting the bytes at `\n` first gives the same lines as decoding first: no UTF-8 sequence holds that byte.)
   */
  lines(max: number, lineChars: number, skip?: (line: string) => boolean): string[] {
    if (this.filled === 0) return [];
    const wrapped = this.filled === this.ring.length;
    const out: string[] = [];
    let stop = this.filled;
    while (out.length < max) {
      const nl = this.lastNewline(stop);
      // After the ring wrapped its first line is a fragment (unless no line ended in it at all).
      if (nl < 0 && wrapped && stop < this.filled) break;
      const line = visibleLine(this.decode(nl + 1, stop));
      if (line.trim().length > 0 && !skip?.(line)) out.push(capText(line, lineChars));
      if (nl < 0) break;
      stop = nl;
    }
    return out.reverse();
  }

  /** Where the oldest byte is in the ring, and how many bytes follow it before the ring's end. */
  private oldest(): { at: number; run: number } {
    const at = this.filled === this.ring.length ? this.end : 0;
    return { at, run: Math.min(this.filled, this.ring.length - at) };
  }

  /** The last `\n` before logical offset `stop` (0 = the oldest byte kept), or -1. */
  private lastNewline(stop: number): number {
    if (stop <= 0) return -1;
    const { at, run } = this.oldest();
    if (stop > run) {
      // In the part that wrapped to the ring's start.
      const nl = this.ring.lastIndexOf(NL, stop - run - 1);
      if (nl >= 0) return run + nl;
    }
    const nl = this.ring.lastIndexOf(NL, at + Math.min(stop, run) - 1);
    return nl >= at ? nl - at : -1;
  }

  /** The bytes at logical offsets [from, to), decoded. */
  private decode(from: number, to: number): string {
    const { at, run } = this.oldest();
    if (to <= run) return this.ring.toString('utf8', at + from, at + to);
    if (from >= run) return this.ring.toString('utf8', from - run, to - run);
    return Buffer.concat([this.ring.subarray(at + from, at + run), this.ring.subarray(0, to - run)]).toString(
      'utf8',
    );
  }
}
