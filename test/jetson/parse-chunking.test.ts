// The parser's fast paths (log lines that state nothing passed undecoded, excerpts decoded from the end) against
// what it finds: every line shape of bench/corpus.mjs split anywhere (inside a UTF-8 character, between CR and
// LF, inside a timestamp or a marker) gives what the whole gives, and the lines one byte away from stating
// nothing still state what they state.
import { describe, expect, it } from 'vitest';
import { corpus, SHAPES } from '../../bench/corpus.mjs';
import { BuildStreamParser, type ParseResult, type StreamEvent } from '../../src/jetson/parse/index.js';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

interface Fed {
  result: ParseResult;
  /** Stage and failure titles in order (offsets depend on where chunks end, titles do not). */
  titles: string[];
}

function feed(bytes: Buffer, cuts: readonly number[]): Fed {
  const p = new BuildStreamParser({ now: () => new Date(Date.UTC(2026, 0, 1)) });
  const titles: string[] = [];
  const take = (events: StreamEvent[]) => titles.push(...events.map((e) => `${e.kind}: ${e.title}`));
  let last = 0;
  for (const at of [...cuts, bytes.length]) {
    take(p.write(bytes.subarray(last, at)));
    last = at;
  }
  take(p.end());
  return { result: p.result(), titles };
}

/** Cut points where a chunk end is most likely to matter, plus random ones; sorted, distinct. */
function awkwardCuts(bytes: Buffer, seed: number, count: number): number[] {
  const rand = rng(seed);
  const candidates: number[] = [];
  const needles = ['\n[', '\n\x1b', '\r\n', '] ', 'Total b', '` faile', '💣', '✅', '==', '\n#'];
  for (const needle of needles) {
    const n = Buffer.from(needle);
    for (let at = bytes.indexOf(n); at >= 0 && candidates.length < 200_000; at = bytes.indexOf(n, at + 1)) {
      // Every position inside the needle and a few after it (inside `[HH:MM:SS]`).
      for (let k = 1; k <= n.length + 10; k++) candidates.push(at + k);
    }
  }
  // Inside multi-byte UTF-8 characters (a continuation byte starts the next chunk).
  for (let i = 1; i < bytes.length && candidates.length < 400_000; i++) {
    if (((bytes[i] as number) & 0xc0) === 0x80) candidates.push(i);
  }
  const cuts = new Set<number>();
  for (let k = 0; k < count; k++) {
    const pick = rand() < 0.8 && candidates.length > 0;
    const at = pick
      ? (candidates[Math.floor(rand() * candidates.length)] as number)
      : Math.floor(rand() * bytes.length);
    if (at > 0 && at < bytes.length) cuts.add(at);
  }
  return [...cuts].sort((a, b) => a - b);
}

const TAG = 'r36.4.tegra-aarch64-cu126-22.04';

describe('every line shape, split anywhere, parses as it does whole', () => {
  // Small enough for a unit test; the 2000-stage console has a fixed minimum size.
  const corpora = new Map(SHAPES.map((shape) => [shape, corpus(shape, 1536 * 1024)]));

  it.each([...SHAPES])('%s', (shape) => {
    const bytes = corpora.get(shape) as Buffer;
    const whole = feed(bytes, []);
    for (const seed of [1, 2, 3]) {
      const split = feed(bytes, awkwardCuts(bytes, seed, 600));
      expect(split.result).toEqual(whole.result);
      expect(split.titles).toEqual(whole.titles);
    }
  });

  it('tool lines, colour, test output and the tail, fed one byte at a time', () => {
    for (const shape of ['tool', 'tool-ansi', 'ansi', 'test']) {
      const bytes = corpus(shape, 48 * 1024);
      const whole = feed(bytes, []);
      const bytewise = feed(
        bytes,
        Array.from({ length: bytes.length - 1 }, (_, i) => i + 1),
      );
      expect(bytewise.result).toEqual(whole.result);
      expect(bytewise.titles).toEqual(whole.titles);
    }
  });
});

describe('what each corpus states', () => {
  const image = `pytorch:2.5-${TAG}`;

  it('a build that fails in a long BuildKit step: the step, its cause and its log', () => {
    const r = feed(corpus('buildkit', 4 << 20), []).result;
    expect(r.stages.map((s) => `${s.index}/${s.total} ${s.phase} ${s.name} ${s.status}`)).toEqual([
      '4/4 build pytorch:2.5 failure',
    ]);
    expect(r.failures).toHaveLength(1);
    expect(r.failures[0]).toMatchObject({
      phase: 'build',
      stage: 'pytorch:2.5',
      error: 'ninja: build stopped: subcommand failed. (RUN /tmp/build.sh, exit code: 1)',
      logFile: '/home/runner/_work/jc-logs/build/04o4_pytorch_2.5.txt',
      exitStatus: 1,
    });
    expect(r.failedBuilding).toEqual(['pytorch:2.5']);
  });

  it.each(['cmake', 'test', 'ansi', 'tool', 'tool-ansi'])(
    '%s: one successful build, its image and its time',
    (shape) => {
      const r = feed(corpus(shape, 4 << 20), []).result;
      expect(r.failures).toEqual([]);
      expect(r.done).toEqual([{ name: 'pytorch:2.5', image }]);
      expect(r.toolBuildSeconds).toBe(5123.4);
      expect(r.colors).toBe(shape.includes('ansi'));
      expect(r.environment).toMatchObject({ L4T_VERSION: '36.4.0', CUDA_VERSION: '12.6' });
      expect(r.stages.every((s) => s.status === 'success')).toBe(true);
    },
  );

  it('2000 stages of 1000 packages, 100 failing their test: all kept, each with its error', () => {
    const r = feed(corpus('stages', 0), []).result;
    expect(r.stages).toHaveLength(2000);
    expect(r.chains).toHaveLength(1000);
    expect(r.failures).toHaveLength(100);
    expect(r.failures[99]).toMatchObject({
      target: 'pkg997',
      phase: 'test',
      error: "test 'python3 /test/test.py' failed: AssertionError: matmul mismatch",
    });
    expect(r.summary?.filter((e) => e.status === 'failure')).toHaveLength(100);
    expect(r.dropped).toEqual({ stages: 0, failures: 0, chains: 0, summary: 0, done: 0, failed: 0 });
  });

  it('a real-looking large build: 18 stages, then the last test fails with its traceback', () => {
    const r = feed(corpus('mix', 8 << 20), []).result;
    expect(r.stages).toHaveLength(18);
    expect(r.failures[0]).toMatchObject({
      phase: 'test',
      stage: 'pytorch:2.5',
      stageIndex: 9,
      error: "test 'python3 /test/test_cuda.py' failed: AssertionError: matmul mismatch",
    });
    expect(r.tracebackError).toBe(
      "subprocess.CalledProcessError: Command 'docker run -t --rm' returned non-zero exit status 1.",
    );
  });
});

describe('log lines one byte away from stating nothing', () => {
  const head = [
    "Namespace(packages=['a'], multiple=False)",
    '$ jetson-containers a',
    "[10:00:00] BUILDING ['build-essential', 'a']",
    '[10:00:00] [##--] 1/2 Building build-essential (a:r1-build-essential)',
  ];
  const noise = (n: number) =>
    Array.from({ length: n }, (_, i) => `[10:00:0${i % 10}] debug noise line ${i}`);
  /** A console where `lines` come after a run of lines that state nothing (so the fast path is on). */
  const parseWith = (lines: string[], eol = '\n') =>
    feed(Buffer.from([...head, ...noise(50), ...lines, ...noise(3)].join(eol) + eol), []);

  it.each([
    ['a done line with text before it', '[10:00:01] status note ✅ `jetson-containers build a` (a:r1)'],
    ['a done line without the space after the stamp', '[10:00:01]done ✅ `jetson-containers build a` (a:r1)'],
  ])('%s', (_name, line) => {
    expect(parseWith([line]).result.done).toEqual([{ name: 'a', image: 'a:r1' }]);
  });

  it('the total build time anywhere in a line; not past the 16 KiB a kept line is cut at', () => {
    expect(parseWith(['[10:00:01] status took Total build time: 12.5 seconds']).result.toolBuildSeconds).toBe(
      12.5,
    );
    const tail = ' Total build time: 9 seconds';
    const line = (bytes: number) => `[10:00:01] status ${'x'.repeat(bytes - 18 - tail.length)}${tail}`;
    expect(line(16 * 1024)).toHaveLength(16 * 1024);
    expect(parseWith([line(16 * 1024)]).result.toolBuildSeconds).toBe(9);
    expect(parseWith([line(16 * 1024 + 1)]).result.toolBuildSeconds).toBeNull();
  });

  it.each([
    ['💣 alone', '[10:00:01] warn 💣 boom'],
    ['the failed-after words alone', '[10:00:01] status `jetson-containers build` failed after 3 seconds'],
  ])('a failure marker: %s', (_name, line) => {
    const r = parseWith([line]).result;
    expect(r.failures).toHaveLength(1);
    expect(r.stages[0]?.status).toBe('failure');
  });

  it.each([
    ['a no-break space', "[10:00:01] \u00a0BUILDING ['b']"],
    ['a tab', "[10:00:01] \tBUILDING ['b']"],
    ['a byte-order mark', "[10:00:01] status \ufeffBUILDING ['b']"],
    ['a CRLF line end', "[10:00:01] BUILDING ['b']\r"],
  ])('a chain after %s', (_name, line) => {
    expect(parseWith([line]).result.chains.map((c) => c.target)).toEqual(['a', 'b']);
  });

  it('pushes, the log folder, the summary and `Failed building:` behind a level word', () => {
    const r = parseWith([
      '[10:00:01] status Pushing a:r1',
      '[10:00:01] done Pushed container  me/a:r1',
      '[10:00:02] Build logs at:  /l/build',
      '[10:00:02] done    * a (a:r1) SUCCESS',
      '[10:00:02] error * b () FAILED  (no)',
      '[10:00:02] error Failed building:  b',
    ]).result;
    expect(r.pushed).toEqual(['me/a:r1']);
    expect(r.buildLogsDir).toBe('/l/build');
    expect(r.summary?.map((e) => `${e.package} ${e.status}`)).toEqual(['a success', 'b failure']);
    expect(r.failedBuilding).toEqual(['b']);
  });

  it('a line that states nothing ends a run of separators: the failure block starts at its 💣 line', () => {
    const block = (between: string[]) => {
      const lines = ['[10:00:01] warn =====', ...between, '[10:00:01] warn 💣 boom'];
      const bytes = Buffer.from([...head, ...noise(50), ...lines].join('\n') + '\n');
      const p = new BuildStreamParser({ now: () => new Date(0) });
      const failure = p.write(bytes).find((e) => e.kind === 'failure');
      return bytes
        .subarray(failure?.offset ?? 0)
        .toString()
        .split('\n')[0];
    };
    expect(block([])).toBe('[10:00:01] warn =====');
    expect(block(['[10:00:01] status unrelated'])).toBe('[10:00:01] warn 💣 boom');
    // A line redrawn with CR is no log line (the stamp pattern never matched one): the run goes on.
    expect(block(['[10:00:01] status 10%\r 50%'])).toBe('[10:00:01] warn =====');
  });

  it('a build stage’s log group opens at its box, unless a log line came between them', () => {
    const groupStart = (between: string[]) => {
      const lines = [
        '┌────────────────┐',
        '│ > BUILDING  a:r1 │',
        '└────────────────┘',
        'docker buildx build --tag a:r1 .',
        ...between,
        '[10:00:02] [####] 2/2 Building a (a:r1)',
      ];
      const bytes = Buffer.from([...head, ...noise(50), ...lines].join('\n') + '\n');
      const p = new BuildStreamParser({ now: () => new Date(0) });
      const stage = p.write(bytes).filter((e) => e.kind === 'stage')[1];
      return bytes
        .subarray(stage?.offset ?? 0)
        .toString()
        .split('\n')[0];
    };
    expect(groupStart([])).toBe('┌────────────────┐');
    expect(groupStart(['#1 building with "default" instance'])).toBe('┌────────────────┐');
    expect(groupStart(['[10:00:01] status unrelated'])).toBe('[10:00:02] [####] 2/2 Building a (a:r1)');
  });

  it('a line that states nothing ends a 💣 block: an `Error:` line after it is not the failure’s', () => {
    const error = "[10:00:01] warn Error: Command 'docker run x' returned non-zero exit status 3.";
    expect(parseWith(['[10:00:01] warn 💣 boom', error]).result.failures[0]?.exitStatus).toBe(3);
    expect(
      parseWith(['[10:00:01] warn 💣 boom', '[10:00:01] status unrelated', error]).result.failures[0]
        ?.exitStatus,
    ).toBeNull();
  });

  it('colour codes: the total build time behind grey stamps and inside bold text', () => {
    const c = (ts: string, msg: string) => `\x1b[90m[${ts}]\x1b[39m ${msg}`;
    const lines = [
      "Namespace(packages=['a'])",
      c('10:00:00', "BUILDING ['a']"),
      ...Array.from({ length: 20 }, (_, i) => c('10:00:00', `\x1b[90mdebug\x1b[39m noise ${i}`)),
      c('10:00:01', '\x1b[32mdone\x1b[39m ⏱️  Total \x1b[1mbuild\x1b[22m time: 7 seconds'),
    ];
    const r = feed(Buffer.from(lines.join('\n') + '\n'), []).result;
    expect(r.colors).toBe(true);
    expect(r.toolBuildSeconds).toBe(7);
  });

  it('colour codes: a stamp behind an escape that is not a colour code is no log line', () => {
    const c = (msg: string) => `\x1b[90m[10:00:01]\x1b[39m ${msg}`;
    const block = (between: string) => {
      const lines = [
        "Namespace(packages=['a'])",
        c("BUILDING ['a']"),
        ...Array.from({ length: 20 }, (_, i) => c(`\x1b[90mdebug\x1b[39m noise ${i}`)),
        c('\x1b[33mwarn\x1b[39m ====='),
        between,
        c('\x1b[33mwarn\x1b[39m 💣 boom'),
      ];
      const bytes = Buffer.from(lines.join('\n') + '\n');
      const p = new BuildStreamParser({ now: () => new Date(0) });
      const failure = p.write(bytes).find((e) => e.kind === 'failure');
      return bytes
        .subarray(failure?.offset ?? 0)
        .toString()
        .split('\n')[0];
    };
    expect(block(c('\x1b[34mst\x1b[1matus\x1b[39m unrelated'))).toBe(c('\x1b[33mwarn\x1b[39m 💣 boom'));
    // (ESC [ 1 DEL ends no CSI sequence: the line keeps its escape, and no stamp starts it.)
    expect(block('\x1b[1\x7f[10:00:01] status unrelated')).toBe(c('\x1b[33mwarn\x1b[39m ====='));
    expect(block(c('\x1b[34mstatus\x1b[39m 10%\r 50%'))).toBe(c('\x1b[33mwarn\x1b[39m ====='));
  });
});
