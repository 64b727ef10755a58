// Pins parser behaviour that mutation testing found unpinned: line gating across chunk ends (every chunking,
// 1-byte chunks included), colour and noisy-bracket needle choices, the rolling tail, text caps and the
// `Namespace(...)` reader. Every case asserts what a user of the result would see.
import { describe, expect, it } from 'vitest';
import { BuildStreamParser, parseNamespace, type ParseResult } from '../../src/jetson/parse/index.js';

const T0 = Date.UTC(2026, 0, 1, 12, 0, 0);

/** A clock that advances 2 s per call, so stage and chain durations are exact numbers. */
function clock(): () => Date {
  let t = T0;
  return () => {
    const d = new Date(t);
    t += 2000;
    return d;
  };
}

function parseChunks(data: string | Buffer, size: number, requested?: string[]): ParseResult {
  const p = new BuildStreamParser({ now: clock(), ...(requested ? { requested } : {}) });
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  for (let pos = 0; pos < bytes.length; pos += size) p.write(bytes.subarray(pos, pos + size));
  p.end();
  return p.result();
}

/** Chunk sizes: 1-byte chunks, small odd sizes, and the whole stream at once. */
const SIZES = [1, 2, 3, 5, 7, 11, 16, 17, 64, 1 << 20];

/** The same text in every chunking gives the same result, and that result is `check`ed. */
function everyChunking(
  data: string | Buffer,
  check: (r: ParseResult) => void,
  sizes: readonly number[] = SIZES,
): ParseResult {
  const whole = parseChunks(data, 1 << 30);
  check(whole);
  for (const size of sizes) {
    const r = parseChunks(data, size);
    check(r);
    expect({ size, r }).toEqual({ size, r: whole });
  }
  return whole;
}

const HEADER = "Namespace(packages=['pytorch'], name=None, multiple=False, skip_tests='')\n";

describe('an empty stream', () => {
  it('leaves an empty result, with an empty tail', () => {
    const p = new BuildStreamParser({ now: clock() });
    expect(p.write(Buffer.alloc(0))).toEqual([]);
    expect(p.end()).toEqual([]);
    const r = p.result();
    expect(r.tail).toEqual([]);
    expect(r.bytes).toBe(0);
    expect(r.colors).toBeNull();
    expect(r.chains).toEqual([]);
    expect(r.failures).toEqual([]);
  });
});

describe('lines cut by chunk ends', () => {
  it('a timestamp inside a non-log line is never a log line, however the line is cut', () => {
    const text =
      HEADER +
      "[12:00:00] BUILDING ['pytorch']\n" +
      "#5 0.1 echo [12:00:01] BUILDING ['evil']\n" +
      'Step 3/9 : RUN x [12:00:02] done ✅ `jetson-containers build evil` (evil:r36)\n' +
      '[12:00:03] done ✅ `jetson-containers build pytorch` (pytorch:r36.4)\n';
    const bytes = Buffer.from(text);
    // Every cut position of the stream, as two chunks.
    for (let cut = 1; cut < bytes.length; cut++) {
      const p = new BuildStreamParser({ now: clock() });
      p.write(bytes.subarray(0, cut));
      p.write(bytes.subarray(cut));
      p.end();
      const r = p.result();
      expect({ cut, chains: r.chains.map((c) => c.target) }).toEqual({ cut, chains: ['pytorch'] });
      expect({ cut, done: r.done }).toEqual({ cut, done: [{ name: 'pytorch', image: 'pytorch:r36.4' }] });
    }
    everyChunking(
      text,
      (r) => {
        expect(r.chains).toEqual([
          {
            packages: ['pytorch'],
            target: 'pytorch',
            status: 'success',
            image: 'pytorch:r36.4',
            pushedImage: null,
            builtName: 'pytorch',
            failure: null,
            startTime: new Date(T0).toISOString(),
            durationSeconds: 2,
          },
        ]);
      }, // Every size: a chunk of under 16 bytes without a newline, in the middle of a line, once read as a line start.
    );
  });

  it('a last log line without a newline is still read at the end', () => {
    const text =
      HEADER + "[12:00:00] BUILDING ['a', 'b']\n[12:00:01] done ✅ `jetson-containers build b` (b:r36)";
    everyChunking(text, (r) => {
      expect(r.done).toEqual([{ name: 'b', image: 'b:r36' }]);
      expect(r.chains.map((c) => [c.target, c.status, c.builtName])).toEqual([['b', 'success', 'b']]);
    });
  });

  it('a whole build with a failure block reads the same in every chunking', () => {
    const text =
      HEADER +
      '┌──────────────────────────┐\n' +
      '│ L4T_VERSION   36.4.0     │\n' +
      '│ CUDA_VERSION  12.6       │\n' +
      '└──────────────────────────┘\n' +
      '$ jetson-containers build pytorch\n' +
      "[12:00:00] BUILDING ['python', 'pytorch']\n" +
      '[12:00:01] [1/2] Building python (python:r36)\n' +
      'noise [ 10%] more noise\n' +
      '[ 45%] Building CXX object\n' +
      '[12:00:02] [2/2] Building pytorch (pytorch:r36)\n' +
      '#7 ERROR: process "/bin/sh -c make" did not complete successfully: exit code: 2\n' +
      '[12:00:03] warn ====================\n' +
      '[12:00:03] warn 💣 `jetson-containers build` failed after 3.0 seconds (0.1 minutes)\n' +
      "[12:00:03] warn Error: Command 'docker build -t pytorch:r36 . 2>&1 | tee /logs/pytorch.txt' returned non-zero exit status 1.\n" +
      '[12:00:03] warn ====================\n' +
      '[12:00:04] error Failed building:  pytorch\n';
    everyChunking(text, (r) => {
      expect(r.environment).toEqual({ L4T_VERSION: '36.4.0', CUDA_VERSION: '12.6' });
      expect(r.commandLine).toBe('jetson-containers build pytorch');
      expect(r.args?.packages).toEqual(['pytorch']);
      expect(r.args?.skipTests).toEqual([]);
      expect(r.colors).toBe(false);
      expect(r.stages.map((s) => [s.name, s.index, s.status, s.durationSeconds])).toEqual([
        ['python', 1, 'success', 2],
        ['pytorch', 2, 'failure', 2],
      ]);
      expect(r.failedBuilding).toEqual(['pytorch']);
      expect(r.failures).toHaveLength(1);
      expect(r.failures[0]).toMatchObject({
        stage: 'pytorch',
        phase: 'build',
        target: 'pytorch',
        logFile: '/logs/pytorch.txt',
        exitStatus: 1,
        error: 'RUN make failed (exit code: 2)',
        dockerErrors: ['#7 ERROR: process "/bin/sh -c make" did not complete successfully: exit code: 2'],
      });
      expect(r.bytes).toBe(Buffer.byteLength(text));
    });
  });
});

describe('colour output', () => {
  const c = (ts: string, msg: string) => `\x1b[90m[${ts}]\x1b[39m ${msg}\n`;

  it('a coloured log line before a plain one in the same chunk is read', () => {
    const text =
      HEADER +
      c('12:00:00', "BUILDING ['a']") +
      'plain noise\n' +
      c('12:00:01', 'done ✅ `jetson-containers build a` (a:r36)') +
      "[12:00:02] BUILDING ['b']\n" +
      '[12:00:03] done ✅ `jetson-containers build b` (b:r36)\n';
    everyChunking(text, (r) => {
      expect(r.colors).toBe(true);
      expect(r.done).toEqual([
        { name: 'a', image: 'a:r36' },
        { name: 'b', image: 'b:r36' },
      ]);
      expect(r.chains.map((x) => [x.target, x.status])).toEqual([
        ['a', 'success'],
        ['b', 'success'],
      ]);
    });
  });

  it('after a chunk full of `[ 45%]` lines, coloured log lines are still read', () => {
    const noisy = Array.from({ length: 100 }, (_, i) => `[ ${i % 100}%] Building CXX object x${i}.o\n`).join(
      '',
    );
    const head = HEADER + c('12:00:00', "BUILDING ['a']") + noisy;
    const rest =
      c('12:00:01', 'done ✅ `jetson-containers build a` (a:r36)') + c('12:00:02', "BUILDING ['b']");
    const p = new BuildStreamParser({ now: clock() });
    p.write(Buffer.from(head));
    p.write(Buffer.from(rest));
    p.end();
    const r = p.result();
    expect(r.done).toEqual([{ name: 'a', image: 'a:r36' }]);
    expect(r.chains.map((x) => [x.target, x.status])).toEqual([
      ['a', 'success'],
      ['b', 'running'],
    ]);
  });
  it('a coloured line is read as its decoded text reads: colour inside the message, odd codes, a CR', () => {
    const text =
      HEADER +
      c('12:00:00', "BUILDING ['a']") +
      // The failed-after words are split by a colour code: only the decoded line holds them.
      c('12:00:01', '\x1b[33mwarn\x1b[39m `jetson-containers build`\x1b[0m failed after 3 seconds') +
      // A code stripAnsi does not remove (an intermediate before a parameter) hides the stamp: not a log line.
      "\x1b[ 1m[12:00:02]\x1b[39m BUILDING ['x']\n" +
      // A code with a colon parameter is removed, so this is a log line.
      "\x1b[38:5:9m[12:00:03]\x1b[39m BUILDING ['b']\n" +
      // Text then a carriage return: the decoded message ends at it, so nothing here starts a chain.
      "\x1b[90m[12:00:04]\x1b[39m status redraw\rBUILDING ['y']\n";
    everyChunking(text, (r) => {
      expect(r.failures).toHaveLength(1);
      expect(r.chains.map((x) => [x.target, x.status])).toEqual([
        ['a', 'failure'],
        ['b', 'running'],
      ]);
    });
  });
  it('a coloured line that is no log line once decoded does not end a 💣 block', () => {
    const text =
      HEADER +
      c('12:00:00', "BUILDING ['a']") +
      c('12:00:01', 'warn 💣 `jetson-containers build` failed after 1.0 seconds') +
      // The stamp hides behind a code stripAnsi keeps; a carriage return mid-line fails the stamp pattern.
      '\x1b[ 1m[12:00:02]\x1b[39m status not a log line\n' +
      c('12:00:02', 'status half\rredrawn') +
      c('12:00:03', 'warn Error: boom');
    everyChunking(text, (r) => {
      expect(r.failures.map((f) => f.error)).toEqual(['boom']);
    });
  });
});

describe('plain output full of `[` lines', () => {
  const noisy = Array.from({ length: 100 }, (_, i) => `[ ${i}%] Building CXX object x${i}.o\n`).join('');

  it('log lines of any hour are found, in any order, after the noise', () => {
    const head = HEADER + "[12:00:00] BUILDING ['a']\n" + noisy;
    const rest =
      '[ 99%] Linking\n' +
      '[19:00:00] done ✅ `jetson-containers build a` (a:r36)\n' +
      "[05:00:00] BUILDING ['b']\n" +
      '[23:00:00] done ✅ `jetson-containers build b` (b:r36)\n' +
      "[00:00:01] BUILDING ['c']\n";
    for (const size of [rest.length, 1, 2, 3, 7]) {
      const p = new BuildStreamParser({ now: clock() });
      p.write(Buffer.from(head));
      const bytes = Buffer.from(rest);
      for (let pos = 0; pos < bytes.length; pos += size) p.write(bytes.subarray(pos, pos + size));
      p.end();
      const r = p.result();
      expect({ size, done: r.done }).toEqual({
        size,
        done: [
          { name: 'a', image: 'a:r36' },
          { name: 'b', image: 'b:r36' },
        ],
      });
      expect(r.chains.map((x) => [x.target, x.status])).toEqual([
        ['a', 'success'],
        ['b', 'success'],
        ['c', 'running'],
      ]);
    }
  });

  it('a log line whose `\\n[` ends one chunk and whose hour starts the next is read', () => {
    const head = HEADER + "[12:00:00] BUILDING ['a']\n" + noisy + 'tail of noise\n[';
    const p = new BuildStreamParser({ now: clock() });
    p.write(Buffer.from(head));
    p.write(Buffer.from('13:00:00] done ✅ `jetson-containers build a` (a:r36)\nmore\n['));
    p.write(Buffer.from("14:00:00] BUILDING ['b']\n"));
    p.end();
    const r = p.result();
    expect(r.done).toEqual([{ name: 'a', image: 'a:r36' }]);
    expect(r.chains.map((x) => [x.target, x.status])).toEqual([
      ['a', 'success'],
      ['b', 'running'],
    ]);
  });
});

describe('the rolling tail', () => {
  it('keeps the exact last lines after wrapping, whatever the chunk size', () => {
    const lines = Array.from(
      { length: 2000 },
      (_, i) => `line ${String(i).padStart(4, '0')} ${'x'.repeat(40)}`,
    );
    const text = HEADER + lines.join('\n') + '\n';
    for (const size of [777, 4096, 65_536, 100_000]) {
      const r = parseChunks(text, size);
      expect({ size, tail: r.tail }).toEqual({ size, tail: lines.slice(-40) });
    }
  });

  it('shows what a terminal shows of carriage-return redraws', () => {
    const text = HEADER + 'downloading 10%\rdownloading 100%\n\rredrawn from column 0\nlast\n';
    everyChunking(text, (r) => {
      expect(r.tail.slice(-3)).toEqual(['downloading 100%', 'redrawn from column 0', 'last']);
    });
  });
});

describe('failure excerpts', () => {
  it('drop only `====` separator lines, not lines that merely start or end with `=`', () => {
    const text =
      HEADER +
      "[12:00:00] BUILDING ['a']\n" +
      '[12:00:01] [====] 1/1 Building a (a:r36)\n' +
      '[12:00:02] ==== section ====x\n' +
      '[12:00:02] x==== section ====\n' +
      '[12:00:03] warn ====================\n' +
      '[12:00:03] warn 💣 `jetson-containers build` failed after 3.0 seconds (0.1 minutes)\n';
    everyChunking(text, (r) => {
      expect(r.failures[0]?.excerpt).toEqual([
        '[12:00:01] [====] 1/1 Building a (a:r36)',
        '[12:00:02] ==== section ====x',
        '[12:00:02] x==== section ====',
        '[12:00:03] warn 💣 `jetson-containers build` failed after 3.0 seconds (0.1 minutes)',
      ]);
    });
  });
});

describe('the traceback after `Failed building:`', () => {
  it('takes an indented exception line, and one that mentions a timestamp', () => {
    const a = parseChunks(
      HEADER +
        '[12:00:00] error Failed building:  a\n' +
        'Traceback (most recent call last):\n' +
        '  File "build.py", line 1, in <module>\n' +
        '    foo.BarError: boom\n',
      1 << 20,
    );
    expect(a.tracebackError).toBe('foo.BarError: boom');
    const b = parseChunks(
      HEADER +
        '[12:00:00] error Failed building:  a\n' +
        'Traceback (most recent call last):\n' +
        '  File "build.py", line 1, in <module>\n' +
        'ValueError: bad line [12:00:09] in log\n',
      1 << 20,
    );
    expect(b.tracebackError).toBe('ValueError: bad line [12:00:09] in log');
    expect(b.failures[0]?.error).toBe('ValueError: bad line [12:00:09] in log');
  });
});

describe('text caps', () => {
  it('a command line of exactly 1000 characters is kept whole; one more is cut with an ellipsis', () => {
    const exact = 'jetson-containers build ' + 'p'.repeat(1000 - 'jetson-containers build '.length);
    expect(exact).toHaveLength(1000);
    expect(parseChunks(`${HEADER}$ ${exact}\n`, 1 << 20).commandLine).toBe(exact);
    const over = exact + 'q';
    expect(parseChunks(`${HEADER}$ ${over}\n`, 1 << 20).commandLine).toBe(exact.slice(0, 999) + '…');
  });

  it('an `Error:` text of exactly 1000 characters is kept whole', () => {
    const err = 'E'.repeat(1000);
    const text =
      HEADER +
      '[12:00:03] warn 💣 `jetson-containers build` failed after 3.0 seconds (0.1 minutes)\n' +
      `[12:00:03] warn Error: ${err}\n`;
    expect(parseChunks(text, 1 << 20).failures[0]?.rawError).toBe(err);
  });
});

describe('dependency chains', () => {
  it('reads double-quoted package names', () => {
    const r = parseChunks(HEADER + '[12:00:00] BUILDING ["cuda", "my pkg", "it\'s"]\n', 1 << 20);
    expect(r.chains[0]?.packages).toEqual(['cuda', 'my pkg', "it's"]);
    expect(r.chains[0]?.target).toBe("it's");
  });

  it('keeps the first 1000 names of a longer chain', () => {
    const names = Array.from({ length: 1005 }, (_, i) => `p${i}`);
    const r = parseChunks(
      `${HEADER}[12:00:00] BUILDING [${names.map((n) => `'${n}'`).join(', ')}]\n`,
      1 << 20,
    );
    expect(r.chains[0]?.packages).toHaveLength(1000);
    expect(r.chains[0]?.target).toBe('p999');
  });
});

describe('the Namespace reader', () => {
  it('reads list items after spaces, keys before spaces, and stops at `)`', () => {
    expect(parseNamespace("Namespace(packages=['a', 'b',  'c'], name ='x') trailing=2")).toEqual({
      packages: ['a', 'b', 'c'],
      name: 'x',
    });
  });

  it('splits --skip-tests on separators and drops empty names', () => {
    const r = parseChunks("Namespace(packages=['a'], skip_tests='x,,y;:z')\n[12:00:00] hi\n", 1 << 20);
    expect(r.args?.skipTests).toEqual(['x', 'y', 'z']);
    const none = parseChunks("Namespace(packages=['a'], skip_tests='')\n[12:00:00] hi\n", 1 << 20);
    expect(none.args?.skipTests).toEqual([]);
  });
});
