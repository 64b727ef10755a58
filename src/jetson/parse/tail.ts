// The last bytes of the stream, kept raw: excerpts and tracebacks are cut from here only when needed, so the
// bulk of the output is never decoded.

import { capText, visibleLine } from './text.js';

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

  /** The last `max` non-blank lines, ANSI stripped, each capped. */
  lines(max: number, lineChars: number, skip?: (line: string) => boolean): string[] {
    if (this.filled === 0) return [];
    const size = this.ring.length;
    const bytes =
      this.filled < size
        ? this.ring.subarray(0, this.filled)
        : Buffer.concat([this.ring.subarray(this.end), this.ring.subarray(0, this.end)]);
    const parts = bytes.toString('utf8').split('\n');
    // After the ring wrapped its first line is a fragment.
    if (this.filled === size && parts.length > 1) parts.shift();
    const out: string[] = [];
    for (let i = parts.length - 1; i >= 0 && out.length < max; i--) {
      const line = visibleLine(parts[i] as string);
      if (line.trim().length === 0) continue;
      if (skip?.(line)) continue;
      out.push(capText(line, lineChars));
    }
    return out.reverse();
  }
}
