// The inert-line fast path (parse/inert.ts, parse/gate.ts) against the full path, on random tool lines: a stream
// parsed whole lets the byte test skip lines it calls inert; parsed one byte at a time, every line is finished
// as a partial line and decoded (stripAnsi, the timestamp pattern, the router). Both must give the same result.
// The lines mix what the byte test must get right: colour codes before the stamp, after it, inside the level
// word and the message (including codes stripAnsi does not remove), carriage returns, U+2028, markers (✅ 💣
// `failed after`, `Total build time:`), the prefixes that matter, and `Error:` right after a 💣 line. (Written
// after a review's differential fuzzer of 60 000 streams; this keeps a deterministic 400 of its kind.)
import { describe, expect, it } from 'vitest';
import { BuildStreamParser, type ParseResult } from '../../src/jetson/parse/index.js';

/** A small seeded generator (mulberry32), so every run checks the same streams. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// SGR codes as termcolor prints them, and CSI codes stripAnsi does not remove (an intermediate byte before a
// parameter): a stamp behind one of those is no stamp. (Lone escapes, OSC strings and codes cut short are left
// out: where chunks end decides how the gate reads those, on either path, and upstream prints none.)
const CODES = [
  '\x1b[90m',
  '\x1b[39m',
  '\x1b[0m',
  '\x1b[m',
  '\x1b[1;31m',
  '\x1b[38:5:9m',
  '\x1b[2K',
  '\x1b[ 1m',
  '\x1b[0;/m',
];
const STAMPS = ['[12:34:56]', '[09:30:00]', '[23:59:59]', '[1:23:45]', '[12:34:5]', '[12-34-56]'];
const LEVELS = ['status', 'done', 'warn', 'error', 'debug', 'verbose', 'info', 'Done'];
const MESSAGES = [
  'Loading package config /opt/jetson-containers/packages/numpy/config.py',
  '-- Checking if numpy:r36 exists locally',
  'done ✅ `jetson-containers build numpy` (numpy:r36)',
  '💣 `jetson-containers build` failed after 12.0 seconds',
  '`jetson-containers build` failed after 5 seconds',
  "BUILDING ['numpy', 'torch']",
  'Build logs at: /tmp/logs',
  'Error: docker build failed',
  'Failed building: torch',
  'Pushing numpy:r36',
  '====================',
  '[#########---------] 1/2 Building numpy (numpy:r36) 0 stages completed in 00m00s at 12:00:00',
  'Total build time: 12.5 seconds',
  '  * numpy (numpy:r36) SUCCESS',
  '* torch () FAILED (boom)',
  'line\u2028separator',
  '\u00a0no-break space',
  'half\rredrawn',
  'plain words',
];
const OTHER = [
  '#12 3.4 compiling foo.c',
  '[ 45%] Building CXX object x.o',
  'Traceback (most recent call last):',
  '',
];

function stream(random: () => number): Buffer {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const chance = (p: number): boolean => random() < p;
  const codes = (p: number): string => (chance(p) ? pick(CODES) + (chance(0.3) ? pick(CODES) : '') : '');
  const splice = (text: string): string => {
    if (!chance(0.25)) return text;
    const at = Math.floor(random() * (text.length + 1));
    return text.slice(0, at) + pick(CODES) + text.slice(at);
  };
  const toolLine = (colored: boolean): string => {
    // Without colour no log line starts with a code (upstream decides colour once per process).
    let line =
      (colored ? pick(CODES) + codes(0.3) : '') + (chance(0.9) ? pick(STAMPS.slice(0, 3)) : pick(STAMPS));
    line += codes(colored ? 0.8 : 0.05) + (chance(0.9) ? ' ' : '');
    if (chance(0.6))
      line += codes(colored ? 0.8 : 0.05) + splice(pick(LEVELS)) + codes(colored ? 0.8 : 0.05) + ' ';
    return line + splice(pick(MESSAGES)) + codes(0.1);
  };
  const colored = chance(0.6);
  // The first log line decides whether the run is coloured, as upstream's first line does.
  const first = colored ? '\x1b[90m[12:00:00]\x1b[39m status start' : '[12:00:00] status start';
  const lines = ["Namespace(packages=['numpy', 'torch'], multiple=False)", '', first, toolLine(colored)];
  const count = 5 + Math.floor(random() * 30);
  for (let i = 0; i < count; i++) {
    const kind = random();
    if (kind < 0.7) lines.push(toolLine(colored && chance(0.9)));
    else if (kind < 0.85) lines.push(pick(OTHER));
    else {
      // A 💣 block: what comes between it and its `Error:` line decides whether the error is kept.
      lines.push(toolLine(colored).replace(/[^\]]*$/, ' warn 💣 `jetson-containers build` failed after 3s'));
      if (chance(0.6)) lines.push(toolLine(colored));
      lines.push(`${colored ? '\x1b[90m[12:00:00]\x1b[39m' : '[12:00:00]'} warn Error: the cause`);
    }
  }
  return Buffer.from(lines.map((l) => l + (chance(0.1) ? '\r\n' : '\n')).join(''));
}

function parse(bytes: Buffer, chunk: number): ParseResult {
  const p = new BuildStreamParser({ now: () => new Date(0) });
  for (let pos = 0; pos < bytes.length; pos += chunk) p.write(bytes.subarray(pos, pos + chunk));
  p.end();
  return p.result();
}

describe('the inert-line fast path', () => {
  it('reads 400 random streams of tool lines exactly as the full path does', () => {
    let checked = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const bytes = stream(generator(seed));
      const whole = parse(bytes, bytes.length);
      const byteByByte = parse(bytes, 1);
      expect({ seed, result: whole }).toEqual({ seed, result: byteByByte });
      checked++;
    }
    expect(checked).toBe(400);
  });
});
