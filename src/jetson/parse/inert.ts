// Log lines that state nothing: most `[HH:MM:SS]` lines (upstream's `--verbose` and `--debug` output, package
// listings) match no rule, and a flood of them used to cost a decode and a dozen regular expressions each. These
// tests say, exactly, when the router (index.ts) would do nothing with a line but end a pending 💣 block and a
// run of `====` lines; the line then never becomes a string. Anything they are unsure of takes the full path.
//
// A line matters when its message (after `[HH:MM:SS]`, one space, a level word) starts with `[` (progress),
// `=` (separator), `*` or whitespace (a `--multiple` summary line), `BUILDING`, `Build logs at:`, `Error:`,
// `Failed building:`, `Push`; or holds ✅, 💣, `Total build time:` or `` ` failed after`` anywhere. A line
// with ESC, CR or U+2028/U+2029 (which end `.` in the timestamp pattern) is left to the full path too.

import type { ParseState } from './state.js';

const SPACE = 0x20;
const ESC = 0x1b;
const CR = 0x0d;
const LBRACKET = 0x5b;

/**
 * Byte sequences that may make a line matter wherever they are in it, searched once per chunk, not per line.
 * Each is at most 7 bytes or starts with a rare byte, so Node searches it with memchr (longer needles switch
 * to Boyer-Moore-Horspool, several times slower on log text). `Total b` stands for `Total build time:`,
 * `` ` faile`` for `` `jetson-containers build` failed after``, `\xe2\x80` for U+2028 and U+2029.
 */
const TEXT_MARKERS = ['✅', '💣', 'Total b', '` faile']
  .map((m) => Buffer.from(m))
  .concat(Buffer.from([0xe2, 0x80]));
/** ESC and CR: in coloured output ESC is on every line, so there a line is searched for them itself. */
const CONTROL_MARKERS = [Buffer.from([ESC]), Buffer.from([CR])];

const STATUS = Buffer.from('status ');
const DONE = Buffer.from('done ');
const DEBUG = Buffer.from('debug ');
const WARN = Buffer.from('warn ');
const ERROR = Buffer.from('error ');
const VERBOSE = Buffer.from('verbose ');
const BUILDING = Buffer.from('BUILDING');
const BUILD_LOGS = Buffer.from('Build logs at:');
const ERROR_LINE = Buffer.from('Error:');
const FAILED_BUILDING = Buffer.from('Failed building:');
const PUSH = Buffer.from('Push');

function startsWith(buf: Buffer, at: number, end: number, prefix: Buffer): boolean {
  if (end - at < prefix.length) return false;
  for (let k = 0; k < prefix.length; k++) if (buf[at + k] !== prefix[k]) return false;
  return true;
}

/**
 * Past the colour codes at `i`, as `stripAnsi` removes them: CSI sequences (`ESC [ params intermediates final`).
 * -1 at any other escape, or one cut short: the full path decides those.
 */
function skipCsi(buf: Buffer, i: number, end: number): number {
  let at = i;
  while (at < end && buf[at] === ESC) {
    if (buf[at + 1] !== LBRACKET) return -1;
    let k = at + 2;
    while (k < end && (buf[k] as number) >= 0x30 && (buf[k] as number) <= 0x3f) k++;
    while (k < end && (buf[k] as number) >= 0x20 && (buf[k] as number) <= 0x2f) k++;
    if (k >= end || (buf[k] as number) < 0x40 || (buf[k] as number) > 0x7e) return -1;
    at = k + 1;
  }
  return at;
}

/**
 * Where the message starts when a level word (with its space, colour codes allowed between its letters) is at
 * `at`; `at` when none is; -1 when a colour code is not one `stripAnsi` removes.
 */
function afterLevel(buf: Buffer, at: number, end: number): number {
  let k: number;
  switch (buf[at]) {
    case 0x73 /* s */:
      k = afterWord(buf, at, end, STATUS);
      break;
    case 0x64 /* d */:
      k = afterWord(buf, at, end, DONE);
      if (k === NO_MATCH) k = afterWord(buf, at, end, DEBUG);
      break;
    case 0x77 /* w */:
      k = afterWord(buf, at, end, WARN);
      break;
    case 0x65 /* e */:
      k = afterWord(buf, at, end, ERROR);
      break;
    case 0x76 /* v */:
      k = afterWord(buf, at, end, VERBOSE);
      break;
    default:
      return at;
  }
  return k === NO_MATCH ? at : k;
}

const NO_MATCH = -2;

/** Past `word` at `at` and the colour codes after it; NO_MATCH, or -1 at an escape `stripAnsi` keeps. */
function afterWord(buf: Buffer, at: number, end: number, word: Buffer): number {
  let k = at;
  for (let j = 0; j < word.length; j++) {
    if (j > 0 && buf[k] === ESC) {
      k = skipCsi(buf, k, end);
      if (k < 0) return -1;
    }
    if (buf[k] !== word[j]) return NO_MATCH;
    k++;
  }
  return buf[k] === ESC ? skipCsi(buf, k, end) : k;
}

/** Whether a message starting at `at` with byte `c` begins like a line the router acts on. */
function prefixMatters(buf: Buffer, at: number, end: number, c: number): boolean {
  switch (c) {
    case 0x42 /* B */:
      return startsWith(buf, at, end, BUILDING) || startsWith(buf, at, end, BUILD_LOGS);
    case 0x45 /* E */:
      return startsWith(buf, at, end, ERROR_LINE);
    case 0x46 /* F */:
      return startsWith(buf, at, end, FAILED_BUILDING);
    case 0x50 /* P */:
      return startsWith(buf, at, end, PUSH);
    default:
      return false;
  }
}

/** Where the next of some needles is in the current chunk, found lazily: -2 not searched yet, -1 none. */
class NeedleScan {
  private readonly needles: Buffer[];
  private readonly next: Int32Array;
  /** The nearest of them (-1: none left in the chunk), valid while it is at or after the lines asked about. */
  private nearest = -2;
  private chunk: Buffer = Buffer.alloc(0);

  constructor(needles: Buffer[]) {
    this.needles = needles;
    this.next = new Int32Array(needles.length).fill(-2);
  }

  reset(chunk: Buffer): void {
    this.chunk = chunk;
    this.next.fill(-2);
    this.nearest = -2;
  }

  /** Whether a needle starts in [start, end). Calls must come with non-decreasing `start`. */
  within(start: number, end: number): boolean {
    if (this.nearest === -2 || (this.nearest >= 0 && this.nearest < start)) {
      let nearest = -1;
      for (let k = 0; k < this.needles.length; k++) {
        let at = this.next[k] as number;
        if (at === -2 || (at >= 0 && at < start)) {
          at = this.chunk.indexOf(this.needles[k] as Buffer, start);
          this.next[k] = at;
        }
        if (at >= 0 && (nearest < 0 || at < nearest)) nearest = at;
      }
      this.nearest = nearest;
    }
    return this.nearest >= 0 && this.nearest < end;
  }
}

/** The markers of the current chunk. */
export class MarkerScan {
  readonly text = new NeedleScan(TEXT_MARKERS);
  readonly control = new NeedleScan(CONTROL_MARKERS);
  readonly cr = new NeedleScan([Buffer.from([CR])]);

  reset(chunk: Buffer): void {
    this.text.reset(chunk);
    this.control.reset(chunk);
    this.cr.reset(chunk);
  }
}

/**
 * ESC or CR in buf[start, end), for coloured lines (ESC on every line, so no per-chunk scan finds it for them):
 * the next ESC by a native search (in a coloured stream usually the next line's first byte), CR by the chunk's
 * scan (rare).
 */
function hasControl(buf: Buffer, start: number, end: number, markers: MarkerScan): boolean {
  const esc = buf.indexOf(ESC, start);
  return (esc >= 0 && esc < end) || markers.cr.within(start, end);
}

/**
 * Whether the complete line buf[start, end), which the gate's probe took for a `[HH:MM:SS]` line with its stamp
 * at `stamp` (`codesStrict`: the colour codes before it are all CSI sequences), states nothing.
 * The stamp and the level word are read through colour codes as `stripAnsi` removes them; the message must
 * then have none (markers include ESC): markers anywhere in it are `markers`' to tell.
 */
export function inertLogLine(
  buf: Buffer,
  start: number,
  stamp: number,
  codesStrict: boolean,
  end: number,
  markers: MarkerScan,
): boolean {
  // The gate's probe has just read this very stamp, past the colour codes before it: when those are all codes
  // `stripAnsi` removes, the stamp is where the decoded line would have it.
  if (stamp < 0 || end - stamp < 10 || (stamp !== start && !codesStrict)) return false;
  // Then, as the timestamp pattern reads the stripped line: one optional space, one optional level word.
  let at = buf[stamp + 10] === ESC ? skipCsi(buf, stamp + 10, end) : stamp + 10;
  if (at >= 0 && buf[at] === SPACE) at = buf[at + 1] === ESC ? skipCsi(buf, at + 1, end) : at + 1;
  if (at >= 0) at = afterLevel(buf, at, end);
  if (at < 0 || at >= end) return false;
  const c = buf[at] as number;
  // Whitespace (trimmed away, or a summary's indent), non-ASCII (Unicode spaces), `[`, `=`, `*`.
  if (c <= SPACE || c >= 0x7f || c === LBRACKET || c === 0x3d || c === 0x2a) return false;
  if (prefixMatters(buf, at, end, c)) return false;
  // (Before `at` are only the stamp, a level word and colour codes: no marker but ESC can be there.)
  if (markers.text.within(at, end)) return false;
  return buf[start] === ESC ? !hasControl(buf, at, end, markers) : !markers.control.within(at, end);
}

/**
 * The same test on a decoded line, for those the byte test leaves (colour codes, CR): `message` is the trimmed
 * message, `rawMessage` as the timestamp pattern cut it.
 */
export function inertMessage(message: string, rawMessage: string): boolean {
  const c = message.charCodeAt(0);
  if (c === LBRACKET || message.length === 0) return false;
  const r = rawMessage.charCodeAt(0);
  if (r <= SPACE || r === 0x2a || r >= 0x7f) return false;
  if (message.startsWith('BUILDING ') || message.startsWith('Build logs at:')) return false;
  if (message.startsWith('Failed building:') || message.startsWith('Push')) return false;
  return (
    !message.includes('💣') &&
    !message.includes('✅') &&
    !message.includes('Total build time:') &&
    !message.includes('` failed after')
  );
}

/** What routing a line that states nothing does: it ends a pending 💣 block and a run of separators. */
export function passInertLine(s: ParseState, lineEnd: number): void {
  s.separatorOffset = null;
  s.openFailure = null;
  // (As for every line handled: a build box for a later progress line can only be after it.)
  s.minBoxPos = lineEnd + 1;
}
