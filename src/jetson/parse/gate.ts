// Line gating: which bytes reach JavaScript as lines at all. The header is read line by line; after it only
// lines a native `Buffer.indexOf` needle scan finds, and that then look like `[HH:MM:SS]`, are decoded. A
// line cut by a chunk end is carried over (capped), the rest of the stream only feeds the rolling tail.

import { handleHeaderLine } from './header.js';
import { inertLogLine, MarkerScan, passInertLine } from './inert.js';
import type { ParseState } from './state.js';
import { NL, stripAnsi, TIMESTAMP_RE } from './text.js';
import { LIMITS, type StreamEvent } from './types.js';

const ESC = 0x1b;
const LBRACKET = 0x5b;
const NEEDLE_PLAIN = Buffer.from('\n[');
const NEEDLE_COLOR = Buffer.from('\n\x1b');
// Hours are 00-23: for output where many lines start with `[` (cmake's `[ 45%]` without BuildKit's `#N`
// prefix) these three find only timestamps, and each scan stays in native code.
const NEEDLES_HOUR = ['\n[0', '\n[1', '\n[2'].map((s) => Buffer.from(s));
/** False `\n[` hits per chunk above which the hour needles are cheaper. */
const BRACKET_NOISE = 64;
/** Chunks to stay on the hour needles before measuring the plain needle again. */
const HOUR_NEEDLE_CHUNKS = 256;

type LineState = 'start' | 'skip' | 'capture';

/** Where a `[HH:MM:SS]` log line goes; `level` is undefined for plain (info) lines. */
export type LogLineHandler = (
  s: ParseState,
  level: string | undefined,
  rawMessage: string,
  offset: number,
  events: StreamEvent[],
) => void;

export class LineGate {
  private readonly s: ParseState;
  // A plain function, not a bound method or closure: one call per log line, nothing allocated.
  private readonly onLogLine: LogLineHandler;

  private lineState: LineState = 'start';
  private partial: Buffer[] = [];
  private partialBytes = 0;
  private partialTruncated = false;

  private header = true;
  private headerBytes = 0;
  private needles: Buffer[] = [NEEDLE_PLAIN, NEEDLE_COLOR];
  /** Only without colour: whether `\n[` is noisy enough to scan for `\n[0..2` instead, and for how long. */
  private hourNeedleChunks = 0;
  private falseHits = 0;
  /** How much of the current chunk the tail has. */
  private tailFed = 0;
  private readonly markers = new MarkerScan();

  constructor(s: ParseState, onLogLine: LogLineHandler) {
    this.s = s;
    this.onLogLine = onLogLine;
  }

  /** Gates one chunk; the lines it lets through go to the header or to `onLogLine`. */
  write(chunk: Buffer, events: StreamEvent[]): void {
    const s = this.s;
    s.chunk = chunk;
    s.chunkSeq++;
    this.tailFed = 0;
    this.markers.reset(chunk);
    s.minBoxPos = 0;
    s.r.bytes += chunk.length;
    const len = chunk.length;
    let pos = 0;
    if (this.lineState === 'capture') {
      pos = this.finishCapture(chunk, events);
      if (pos < 0) return;
    }
    pos = this.readHeader(chunk, pos, events);
    if (!this.header && pos < len) this.scanChunk(chunk, pos, events);
    if ((this.lineState as LineState) !== 'capture')
      this.lineState = chunk[len - 1] === NL ? 'start' : 'skip';
    this.feedTail(len);
  }

  /** At the stream's end: a last line without a newline is still a line. */
  flush(events: StreamEvent[]): void {
    this.s.chunk = Buffer.alloc(0);
    this.s.chunkSeq++;
    this.tailFed = 0;
    this.s.minBoxPos = 0;
    if (this.lineState === 'capture') {
      this.handleLine(this.takePartial(), 0, events);
      this.lineState = 'start';
    }
  }

  /** The rest of a line an earlier chunk began; -1 when this chunk does not finish it either. */
  private finishCapture(chunk: Buffer, events: StreamEvent[]): number {
    const nl = chunk.indexOf(NL);
    if (nl < 0) {
      this.appendPartial(chunk, 0, chunk.length);
      this.feedTail(chunk.length);
      return -1;
    }
    this.appendPartial(chunk, 0, nl);
    const line = this.takePartial();
    this.feedTail(nl + 1);
    this.handleLine(line, 0, events);
    this.s.minBoxPos = nl + 1;
    this.lineState = 'start';
    return nl + 1;
  }

  /** Header lines carry no timestamp, so each is read until the first log line (or the header cap). */
  private readHeader(chunk: Buffer, from: number, events: StreamEvent[]): number {
    const len = chunk.length;
    let pos = from;
    while (this.header && pos < len) {
      if (this.lineState === 'skip') {
        const nl = chunk.indexOf(NL, pos);
        if (nl < 0) {
          pos = len;
          break;
        }
        pos = nl + 1;
        this.lineState = 'start';
        continue;
      }
      const nl = chunk.indexOf(NL, pos);
      const stop = nl < 0 ? len : nl;
      this.headerBytes += stop - pos + 1;
      if (nl < 0) {
        this.startPartial(chunk, pos, len);
        pos = len;
        break;
      }
      this.feedTail(nl + 1);
      this.handleLine(chunk.subarray(pos, nl), pos, events);
      pos = nl + 1;
      this.s.minBoxPos = pos;
      if (this.header && this.headerBytes > LIMITS.headerBytes) this.leaveHeader(null);
    }
    return pos;
  }

  /** Picks the needles for this chunk: the hour needles while plain `\n[` hits are mostly not timestamps. */
  private scanChunk(chunk: Buffer, pos: number, events: StreamEvent[]): void {
    const plainOnly = this.needles.length === 1 && this.needles[0] === NEEDLE_PLAIN;
    const hours = plainOnly && this.hourNeedleChunks > 0;
    this.falseHits = 0;
    this.scanBody(chunk, pos, hours, hours ? NEEDLES_HOUR : this.needles, events);
    if (hours) this.hourNeedleChunks--;
    else if (plainOnly && this.falseHits > BRACKET_NOISE) this.hourNeedleChunks = HOUR_NEEDLE_CHUNKS;
  }

  /** The longest line kept: the header's `Namespace(...)` dump lists every requested package. */
  private lineCap(): number {
    return this.header ? LIMITS.headerBytes : LIMITS.lineBytes;
  }

  /** Hands every line a needle finds to `candidate`; scanning stays in native code between them. */
  private scanBody(
    chunk: Buffer,
    from: number,
    hours: boolean,
    needles: Buffer[],
    events: StreamEvent[],
  ): void {
    const len = chunk.length;
    let pos = from;
    // Whether the chunk's first byte starts a line: only then can a chunk without a newline hold a line start.
    const startsLine = from > 0 || this.lineState === 'start';
    // A line may begin right at the chunk start (previous chunk ended with a newline).
    if (pos === 0 && this.lineState === 'start') pos = this.candidate(chunk, 0, events);
    else if (pos > 0) pos = this.candidate(chunk, pos, events);
    const hits = needles.map(() => -2);
    const color = needles.includes(NEEDLE_COLOR);
    let guard = 0;
    while (pos < len && guard++ < len) {
      // Right after a line that was handled, a next line the needles would find is looked at directly: in a
      // run of log lines this saves a native call per line.
      const first = chunk[pos];
      if (
        chunk[pos - 1] === NL &&
        ((first === LBRACKET && (!hours || hourDigit(chunk[pos + 1]))) || (first === ESC && color))
      ) {
        pos = this.candidate(chunk, pos, events);
        continue;
      }
      let best = -1;
      for (let k = 0; k < needles.length; k++) {
        let h = hits[k] as number;
        if (h !== -1 && h < pos - 1) {
          // A line start is the byte after the newline, so the newline itself may sit at pos - 1.
          h = chunk.indexOf(needles[k] as Buffer, Math.max(0, pos - 1));
          hits[k] = h;
        }
        if (h >= 0 && (best < 0 || h < best)) best = h;
      }
      if (best < 0) break;
      // `[` not followed by a digit (cmake's `[ 45%]`, apt's `[1 kB]`...) cannot be a timestamp: skip it
      // here rather than in a call, as legacy-builder output can start every line with `[`.
      const next = chunk[best + 2];
      if (chunk[best + 1] === LBRACKET && next !== undefined && (next < 0x30 || next > 0x39)) {
        this.falseHits++;
        pos = best + 2;
        continue;
      }
      pos = this.candidate(chunk, best + 1, events);
    }
    // A needle cut by the chunk end (`\n[` | `1` with the hour needles) did not match: keep the line's start.
    if (this.lineState !== 'capture' && pos < len) {
      const lastNl = chunk.lastIndexOf(NL, len - 1);
      if ((lastNl >= 0 || startsLine) && lastNl >= pos - 1 && lastNl >= len - 16 && lastNl + 1 < len) {
        if (timestampProbe(chunk, lastNl + 1, len) !== PROBE_NO) this.startPartial(chunk, lastNl + 1, len);
      }
    }
  }

  /**
   * Looks at the line starting at `start`: keeps it when it is (or may be) a log line, else skips it.
   * Returns where scanning goes on.
   */
  private candidate(chunk: Buffer, start: number, events: StreamEvent[]): number {
    const len = chunk.length;
    const stamp = timestampProbe(chunk, start, len);
    if (stamp === PROBE_NO) {
      return start + 1;
    }
    const nl = chunk.indexOf(NL, start);
    if (nl < 0) {
      this.startPartial(chunk, start, len);
      return len;
    }
    // Most log lines state nothing: those are passed without being decoded (and the tail catches up later).
    if (
      !this.header &&
      nl - start <= LIMITS.lineBytes &&
      // (PROBE_MAYBE only when the chunk ends before a newline: such a line was not found whole here.)
      inertLogLine(chunk, start, stamp, probeCodesStrict, nl, this.markers)
    ) {
      passInertLine(this.s, nl);
      return nl + 1;
    }
    this.feedTail(nl + 1);
    this.handleLine(chunk.subarray(start, nl), start, events);
    this.s.minBoxPos = nl + 1;
    return nl + 1;
  }

  private startPartial(chunk: Buffer, start: number, stop: number): void {
    this.partial = [];
    this.partialBytes = 0;
    this.partialTruncated = false;
    this.lineState = 'capture';
    this.appendPartial(chunk, start, stop);
  }

  private appendPartial(chunk: Buffer, start: number, stop: number): void {
    const room = this.lineCap() - this.partialBytes;
    if (room <= 0) {
      this.partialTruncated = true;
      return;
    }
    const n = Math.min(room, stop - start);
    if (n > 0) {
      this.partial.push(Buffer.from(chunk.subarray(start, start + n)));
      this.partialBytes += n;
    }
    if (n < stop - start) this.partialTruncated = true;
  }

  private takePartial(): Buffer {
    const line = this.partial.length === 1 ? (this.partial[0] as Buffer) : Buffer.concat(this.partial);
    this.partial = [];
    this.partialBytes = 0;
    this.partialTruncated = false;
    return line;
  }

  private feedTail(upto: number): void {
    if (upto > this.tailFed) {
      this.s.tail.push(this.s.chunk, this.tailFed, upto);
      this.tailFed = upto;
    }
  }

  private leaveHeader(colors: boolean | null): void {
    this.header = false;
    this.s.inTraceback = false;
    // Upstream decides colour once per process, so without colour no log line starts with ESC. With colour
    // every one does, but the plain needle stays as a safety net: colour is the rarer, slower path anyway.
    if (colors === false) this.needles = [NEEDLE_PLAIN];
  }

  /** Decodes one kept line: a log line leaves the header, a header line is read only while in it. */
  private handleLine(raw: Buffer, offset: number, events: StreamEvent[]): void {
    const cap = this.lineCap();
    const bytes = raw.subarray(0, cap);
    const colored = bytes[0] === ESC;
    let text = bytes.toString('utf8');
    if (text.endsWith('\r')) text = text.slice(0, -1);
    const line = stripAnsi(text);
    const ts = TIMESTAMP_RE.exec(line);
    if (ts) {
      if (this.header) {
        this.s.r.colors = colored;
        this.leaveHeader(colored);
      }
      this.onLogLine(this.s, ts[4], ts[5] as string, offset, events);
      return;
    }
    if (this.header) handleHeaderLine(this.s, line);
  }
}

function digit(b: number | undefined): boolean {
  return b !== undefined && b >= 0x30 && b <= 0x39;
}

/** `0`, `1` or `2`: what the hour needles find after `\n[`. */
function hourDigit(b: number | undefined): boolean {
  return b !== undefined && b >= 0x30 && b <= 0x32;
}

/** timestampProbe: not a `[HH:MM:SS]` line. */
const PROBE_NO = -1;
/** timestampProbe: the chunk ends before it can tell. */
const PROBE_MAYBE = -2;
/**
 * Whether the colour codes the last probe that found a stamp skipped are all CSI sequences as `stripAnsi`
 * removes them (parameters, then intermediates, then a final byte in @-~): only then may the inert test read the
 * line from the stamp the probe found.
 */
let probeCodesStrict = true;

/**
 * Cheap byte test of whether a line may be a `[HH:MM:SS]` log line, skipping leading ANSI codes: the stamp's
 * index when it is one, PROBE_NO, or PROBE_MAYBE when the chunk ends before it can tell.
 */
function timestampProbe(buf: Buffer, start: number, end: number): number {
  let i = start;
  let escapes = 0;
  let strict = true;
  while (i < end && buf[i] === ESC) {
    if (++escapes > 8) return PROBE_NO;
    if (i + 1 >= end) return PROBE_MAYBE;
    if (buf[i + 1] !== LBRACKET) return PROBE_NO;
    i += 2;
    while (i < end && (buf[i] as number) >= 0x30 && (buf[i] as number) <= 0x3f) i++;
    while (i < end && (buf[i] as number) >= 0x20 && (buf[i] as number) <= 0x2f) i++;
    const strictEnd = i;
    while (i < end && (buf[i] as number) >= 0x20 && (buf[i] as number) <= 0x3f) i++;
    if (i >= end) return PROBE_MAYBE;
    if (i !== strictEnd || (buf[i] as number) < 0x40 || (buf[i] as number) > 0x7e) strict = false;
    i++;
  }
  if (i >= end) return PROBE_MAYBE;
  if (buf[i] !== LBRACKET) return PROBE_NO;
  // [HH:MM:SS]: most candidates are whole in the chunk (this runs once per log line).
  if (i + 10 <= end) {
    const ok =
      digit(buf[i + 1]) &&
      digit(buf[i + 2]) &&
      buf[i + 3] === 0x3a &&
      digit(buf[i + 4]) &&
      digit(buf[i + 5]) &&
      buf[i + 6] === 0x3a &&
      digit(buf[i + 7]) &&
      digit(buf[i + 8]) &&
      buf[i + 9] === 0x5d;
    if (!ok) return PROBE_NO;
    probeCodesStrict = strict;
    return i;
  }
  const pattern = 'dd:dd:dd]';
  for (let k = 0; k < pattern.length; k++) {
    const at = i + 1 + k;
    if (at >= end) return PROBE_MAYBE;
    const b = buf[at] as number;
    const want = pattern.charCodeAt(k);
    if (want === 0x64 /* d */ ? b < 0x30 || b > 0x39 : b !== want) return PROBE_NO;
  }
  probeCodesStrict = strict;
  return i;
}
