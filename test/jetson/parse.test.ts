// Tests the streaming parser against real upstream transcripts, any chunking, colour, CRLF, bad bytes and hostile output.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BuildStreamParser,
  parseNamespace,
  type ParseResult,
  type StreamEvent,
} from '../../src/jetson/parse/index.js';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'transcripts');

/** A transcript without its trailing `rc=N` line (the exit code, not output). */
function transcript(name: string): { bytes: Buffer; rc: number } {
  const text = readFileSync(join(DIR, name), 'utf8');
  const m = /\nrc=(\d+)\n?$/.exec(text);
  if (!m) throw new Error(`${name} has no rc line`);
  return { bytes: Buffer.from(text.slice(0, m.index + 1)), rc: Number(m[1]) };
}

function clock(): () => Date {
  let t = Date.UTC(2026, 5, 1, 12, 0, 0);
  return () => new Date((t += 1500));
}

/** A deterministic PRNG so "random" splits are the same on every run. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

interface Parsed {
  result: ParseResult;
  /** Events with offsets made absolute in the whole stream. */
  events: Array<StreamEvent & { at: number }>;
}

function parse(bytes: Buffer, split: number | 'random' = bytes.length || 1, seed = 1): Parsed {
  const p = new BuildStreamParser({ now: clock() });
  const events: Parsed['events'] = [];
  const rand = rng(seed);
  let pos = 0;
  while (pos < bytes.length) {
    const size = split === 'random' ? 1 + Math.floor(rand() * 3000) : split;
    const chunk = bytes.subarray(pos, Math.min(bytes.length, pos + size));
    for (const e of p.write(chunk)) {
      expect(e.offset).toBeGreaterThanOrEqual(0);
      expect(e.offset).toBeLessThanOrEqual(chunk.length);
      events.push({ ...e, at: pos + e.offset });
    }
    pos += chunk.length;
  }
  for (const e of p.end()) events.push({ ...e, at: pos + e.offset });
  return { result: p.result(), events };
}

/** What upstream prints with colours on: termcolor codes around timestamps, levels, bars and boxes. */
function colorize(bytes: Buffer): Buffer {
  const levelColor: Record<string, string> = { status: '34', done: '32', warn: '33', error: '31' };
  const lines = bytes.toString('utf8').split('\n');
  return Buffer.from(
    lines
      .map((line) => {
        const m = /^\[(\d\d:\d\d:\d\d)\] (?:(status|done|warn|error) )?(.*)$/.exec(line);
        if (m) {
          const level = m[2] ? `\x1b[${levelColor[m[2]]}m${m[2]}\x1b[39m ` : '';
          const msg = (m[3] as string)
            .replace(
              /^\[([#-]+)\] (\d+\/\d+) (\w+)/,
              '\x1b[34m\x1b[1m[$1]\x1b[22m\x1b[39m \x1b[1m$2\x1b[22m \x1b[34m\x1b[1m$3\x1b[22m\x1b[39m',
            )
            .replace(/(\d+ stages completed.*)$/, '\x1b[90m$1\x1b[39m')
            .replace(/`(jetson-containers build [^`]*)`/, '\x1b[1m`$1`\x1b[22m');
          return `\x1b[90m[${m[1]}]\x1b[39m ${level}${msg}`;
        }
        if (/^[┌│└]/.test(line))
          return `\x1b[7m\x1b[32m${line.replace(/(> \w+ {2}\S+)/, '\x1b[1m$1\x1b[22m')}\x1b[0m`;
        if (line.startsWith('$ jetson-containers')) return `\x1b[1m${line}\x1b[22m`;
        return line;
      })
      .join('\n'),
  );
}

const withoutBytes = (r: ParseResult) => ({ ...r, bytes: 0 });

describe('real transcripts', () => {
  it('chain build failure: the failing stage, its error, its log file and an excerpt', () => {
    const { bytes, rc } = transcript('chain-build-failure.txt');
    expect(rc).toBe(1);
    const { result: r, events } = parse(bytes);
    expect(r.environment).toEqual({
      L4T_VERSION: '36.4.4',
      JETPACK_VERSION: '6.2.1',
      CUDA_VERSION: '12.6',
      PYTHON_VERSION: '3.10',
      SYSTEM_ARCH: 'aarch64',
      LSB_RELEASE: '22.04',
    });
    expect(r.args).toMatchObject({
      packages: ['numpy'],
      name: '',
      multiple: false,
      skipErrors: false,
      push: '',
    });
    expect(r.args?.logDir).toBe('/home/runner/_work/jc-logs');
    expect(r.commandLine).toBe('jetson-containers --logs /home/runner/_work/jc-logs numpy');
    expect(r.colors).toBe(false);
    expect(r.chains).toHaveLength(1);
    expect(r.chains[0]).toMatchObject({
      packages: ['build-essential', 'pip_cache', 'python', 'numpy'],
      target: 'numpy',
      status: 'failure',
      image: null,
      failure: 0,
    });
    expect(r.stages.map((s) => `${s.index}/${s.total} ${s.phase} ${s.name} ${s.status}`)).toEqual([
      '1/4 build build-essential success',
      '1/4 test build-essential success',
      '2/4 build pip_cache success',
      '2/4 test pip_cache success',
      '3/4 build python failure',
    ]);
    expect(r.stages[4]?.image).toBe('numpy:r36.4.tegra-aarch64-cu126-22.04-python');
    expect(
      r.stages.every((s) => s.target === 'numpy' && s.durationSeconds !== null && s.startTime !== null),
    ).toBe(true);

    expect(r.failures).toHaveLength(1);
    const f = r.failures[0]!;
    expect(f).toMatchObject({
      stage: 'python',
      stageIndex: 3,
      stageCount: 4,
      phase: 'build',
      chain: 0,
      target: 'numpy',
      unknownPackage: null,
      exitStatus: 1,
      // The step's own cause line, the command and docker's exit code, not docker's wrapper sentence.
      error: 'E: Unable to locate package foo (RUN /tmp/build.sh, exit code: 100)',
      logFile: '/home/runner/_work/jc-logs/build/03o4_numpy_r36.4.tegra-aarch64-cu126-22.04-python.txt',
    });
    expect(f.rawError).toMatch(/^Command 'DOCKER_BUILDKIT=1 .*returned non-zero exit status 1\.$/);
    expect(f.dockerErrors).toEqual([
      '#5 ERROR: process "/bin/sh -c /tmp/build.sh" did not complete successfully: exit code: 100',
      'ERROR: failed to solve: process "/bin/sh -c /tmp/build.sh" did not complete successfully: exit code: 100',
    ]);
    // The excerpt is the failing stage's own output up to the markers, without the ==== separators.
    expect(f.excerpt[0]).toMatch(/3\/4 Building python/);
    expect(f.excerpt).toContain('#5 12.34 E: Unable to locate package foo');
    expect(f.excerpt.some((l) => l.includes('💣'))).toBe(true);
    expect(f.excerpt[f.excerpt.length - 1]).toBe('[17:38:51] error Failed building:  numpy');
    expect(f.excerpt.some((l) => /warn =+$/.test(l))).toBe(false);
    expect(f.excerpt.length).toBeLessThanOrEqual(40);
    expect(f.excerpt.every((l) => l.length <= 300)).toBe(true);

    expect(r.failedBuilding).toEqual(['numpy']);
    expect(r.done).toEqual([]);
    expect(r.tracebackError).toMatch(/^subprocess\.CalledProcessError: Command 'DOCKER_BUILDKIT=1/);
    expect(r.toolBuildSeconds).toBeNull();
    expect(r.tail[r.tail.length - 1]).toMatch(/^subprocess\.CalledProcessError/);

    expect(events.map((e) => `${e.kind}: ${e.title}`)).toEqual([
      'stage: numpy · 1/4 build build-essential',
      'stage: numpy · 1/4 test build-essential',
      'stage: numpy · 2/4 build pip_cache',
      'stage: numpy · 2/4 test pip_cache',
      'stage: numpy · 3/4 build python',
      'failure: numpy failed in build python',
    ]);
    const at = (e: Parsed['events'][number]) => bytes.subarray(e.at, e.at + 200).toString('utf8');
    // Build stages open at the top of their `> BUILDING` box, test stages at their progress line.
    for (const e of events.filter((x) => x.kind === 'stage')) {
      expect(at(e)).toMatch(e.title.includes(' build ') ? /^┌─/ : /^\[17:38:51\] \[#+-*\] \d\/4 Testing/);
    }
    // The failure opens at the first ==== line of the 💣 block, so a collapsed group cannot hide it.
    expect(at(events[5]!)).toMatch(/^\[17:38:51\] warn =====/);
  });

  it('success with --name and --push: local and pushed image, total build time, all stages', () => {
    const { bytes, rc } = transcript('success-name-push.txt');
    expect(rc).toBe(0);
    const { result: r, events } = parse(bytes);
    expect(r.args).toMatchObject({ packages: ['numpy'], name: 'runner/', push: 'myuser' });
    expect(r.commandLine).toBe(
      'jetson-containers --name=runner/ --push=myuser --logs /home/runner/_work/jc-logs numpy',
    );
    expect(r.chains).toEqual([
      expect.objectContaining({
        target: 'numpy',
        status: 'success',
        image: 'runner/numpy:r36.4.tegra-aarch64-cp310-cu126-22.04',
        pushedImage: 'myuser/numpy:r36.4.tegra-aarch64-cp310-cu126-22.04',
        builtName: 'numpy',
        failure: null,
      }),
    ]);
    expect(r.done).toEqual([{ name: 'numpy', image: 'myuser/numpy:r36.4.tegra-aarch64-cp310-cu126-22.04' }]);
    expect(r.pushed).toEqual(['myuser/numpy:r36.4.tegra-aarch64-cp310-cu126-22.04']);
    expect(r.toolBuildSeconds).toBe(68.5);
    expect(r.failures).toEqual([]);
    expect(r.failedBuilding).toBeNull();
    expect(r.stages).toHaveLength(12);
    expect(r.stages.every((s) => s.status === 'success')).toBe(true);
    expect(r.stages.slice(8).map((s) => `${s.index} ${s.phase} ${s.image}`)).toEqual(
      [1, 2, 3, 4].map((i) => `${i} test runner/numpy:r36.4.tegra-aarch64-cp310-cu126-22.04`),
    );
    expect(events.filter((e) => e.kind === 'stage')).toHaveLength(12);
    expect(events.some((e) => e.kind === 'failure')).toBe(false);
  });

  it('unknown package: a resolve failure naming the package', () => {
    const { bytes, rc } = transcript('unknown-package.txt');
    expect(rc).toBe(1);
    const { result: r, events } = parse(bytes);
    expect(r.args?.packages).toEqual(['nonexistentpkg']);
    expect(r.args?.simulate).toBe(true);
    expect(r.chains).toEqual([]);
    expect(r.stages).toEqual([]);
    expect(r.failures).toHaveLength(1);
    expect(r.failures[0]).toMatchObject({
      phase: 'resolve',
      stage: null,
      chain: null,
      unknownPackage: 'nonexistentpkg',
      error: "couldn't find package: nonexistentpkg",
      logFile: null,
    });
    expect(r.failedBuilding).toEqual(['nonexistentpkg']);
    expect(r.tracebackError).toBe('KeyError: "couldn\'t find package:  nonexistentpkg"');
    expect(events.map((e) => e.kind)).toEqual(['failure']);
  });
});

describe('the one-line error names the cause', () => {
  const CCACHE =
    'if command -v ccache >/dev/null 2>&1; then export CMAKE_C_COMPILER_LAUNCHER=ccache CMAKE_CXX_COMPILER_LAUNCHER=ccache ' +
    'CMAKE_CUDA_COMPILER_LAUNCHER=ccache; ccache --set-config=max_size="${CCACHE_MAXSIZE:-20G}" || true; fi; ';

  /** A failed docker build stage of `x` whose RUN step printed `output`, then upstream's 💣 block. */
  function failedStep(output: string[], ending: string[]): ParseResult {
    const text = [
      "[10:00:00] BUILDING ['x']",
      '[10:00:00] [##################] 1/1 Building x (x:r36.4-x) 0 stages completed in 00m00s at 10:00:00',
      ...output,
      ...ending,
      '[10:00:01] warn 💣 `jetson-containers build` failed after 1.0 seconds (0.0 minutes)',
      "[10:00:01] warn Error: Command 'docker buildx build --tag x:r36.4-x . 2>&1 | tee /l/build/01o1_x.txt; exit ${PIPESTATUS[0]}' returned non-zero exit status 1.",
      '[10:00:01] error Failed building:  x',
    ].join('\n');
    return parse(Buffer.from(text + '\n')).result;
  }

  it('upstream’s ccache preamble: the apt error and the exit code, not the wrapper', () => {
    const r = parse(transcript('upstream/b-build-fail.txt').bytes).result;
    const error = r.failures[0]?.error ?? '';
    expect(error).toBe(
      'E: Unable to locate package libfoo-dev (RUN if [ "${PYTHON_FREE_THREADING}" = "1" ]; then echo "export PYTHON_GIL=0" >> /et…, exit code: 100)',
    );
    expect(error).not.toContain('ccache');
  });

  it('a Python exception in the step wins over the lines after it', () => {
    const proc = `process "/bin/sh -c ${CCACHE}python3 setup.py install" did not complete successfully: exit code: 1`;
    const r = failedStep(
      [
        `#9 [4/4] RUN ${CCACHE}python3 setup.py install`,
        '#9 3.101 Traceback (most recent call last):',
        '#9 3.102   File "/opt/x/setup.py", line 3, in <module>',
        "#9 3.103 ModuleNotFoundError: No module named 'torch'",
        '#8 12.0 unrelated line of a parallel step',
        '#9 3.200 + cleanup done',
        `#9 ERROR: ${proc}`,
      ],
      ['------', `ERROR: failed to solve: ${proc}`],
    );
    expect(r.failures[0]?.error).toBe(
      "ModuleNotFoundError: No module named 'torch' (RUN python3 setup.py install, exit code: 1)",
    );
  });

  it('the legacy builder’s `returned a non-zero code`', () => {
    const r = failedStep(
      [
        `Step 5/6 : RUN ${CCACHE}pip3 install foo==9.9`,
        ' ---> Running in 0123456789ab',
        'Looking in indexes: https://pypi.org/simple',
        'ERROR: No matching distribution found for foo==9.9',
        '',
      ],
      [`The command '/bin/sh -c ${CCACHE}pip3 install foo==9.9' returned a non-zero code: 1`],
    );
    expect(r.failures[0]?.error).toBe(
      'ERROR: No matching distribution found for foo==9.9 (RUN pip3 install foo==9.9, exit code: 1)',
    );
  });

  it('a step that printed nothing: the command without its wrapper and the exit code', () => {
    const proc = `process "/bin/sh -c ${CCACHE}make -j8" did not complete successfully: exit code: 2`;
    const r = failedStep(
      [`#4 [2/2] RUN ${CCACHE}make -j8`, `#4 ERROR: ${proc}`],
      [`ERROR: failed to solve: ${proc}`],
    );
    expect(r.failures[0]?.error).toBe('RUN make -j8 failed (exit code: 2)');
  });

  it('a docker error that is no failed RUN step keeps docker’s own line', () => {
    const r = failedStep(
      ['#3 [1/2] COPY missing.txt /opt/'],
      ['ERROR: failed to solve: failed to compute cache key: "/missing.txt": not found'],
    );
    expect(r.failures[0]?.error).toBe(
      'ERROR: failed to solve: failed to compute cache key: "/missing.txt": not found',
    );
  });
});

describe('chunking never changes the result', () => {
  const names = ['chain-build-failure.txt', 'success-name-push.txt', 'unknown-package.txt'];
  it.each(names)('%s in 1-byte, 7-byte, 64 KiB and random chunks', (name) => {
    const { bytes } = transcript(name);
    const whole = parse(bytes);
    for (const split of [1, 7, 64 * 1024, 'random'] as const) {
      for (const seed of split === 'random' ? [1, 2, 3] : [1]) {
        const part = parse(bytes, split, seed);
        expect(part.result).toEqual(whole.result);
        expect(part.events.map((e) => e.title)).toEqual(whole.events.map((e) => e.title));
      }
    }
  });
  it('output where every line starts with `[` (cmake without BuildKit) gives the same result in any chunking', () => {
    const { bytes } = transcript('chain-build-failure.txt');
    const text = bytes.toString('utf8');
    const cmake = Array.from(
      { length: 20_000 },
      (_, i) => `[ ${String(i % 100).padStart(2)}%] Building CXX object f${i}.o\n`,
    ).join('');
    // The flood sits in stage 1, so later timestamps are found after the parser switched needles.
    const at = text.indexOf('#5 DONE 3.2s');
    const noisy = Buffer.from(text.slice(0, at) + cmake + text.slice(at));
    const whole = parse(noisy).result;
    expect(whole.failures[0]).toMatchObject({ stage: 'python', phase: 'build' });
    expect(whole.stages).toEqual(parse(bytes).result.stages);
    // Cut right after `\n[`, before the hour digit, at every later timestamp line.
    const cuts: number[] = [];
    for (let i = noisy.indexOf('\n[17:', at); i >= 0; i = noisy.indexOf('\n[17:', i + 1)) cuts.push(i + 2);
    const p = new BuildStreamParser({ now: clock() });
    let prev = 0;
    for (const cut of [...cuts, noisy.length]) {
      for (let pos = prev; pos < cut; pos += 65536) p.write(noisy.subarray(pos, Math.min(cut, pos + 65536)));
      prev = cut;
    }
    p.end();
    expect(p.result()).toEqual(whole);
    for (const split of [7, 4096, 'random'] as const) expect(parse(noisy, split).result).toEqual(whole);
  });

  it('every event offset points into its own chunk at the line that opens the stage or an earlier byte', () => {
    const { bytes } = transcript('success-name-push.txt');
    const whole = parse(bytes);
    const part = parse(bytes, 'random', 7);
    part.events.forEach((e, i) => {
      const w = whole.events[i]!;
      // A box printed in an earlier chunk makes the stage start at the chunk start: never after the line itself.
      expect(e.at).toBeGreaterThanOrEqual(w.at);
      expect(e.at).toBeLessThanOrEqual(bytes.indexOf('\n', w.at + 1) + 1 + 4096);
    });
  });
});

describe('input variants', () => {
  it('ANSI colours give the same result, only `colors` differs', () => {
    for (const name of ['chain-build-failure.txt', 'success-name-push.txt', 'unknown-package.txt']) {
      const { bytes } = transcript(name);
      const colored = colorize(bytes);
      expect(colored.includes('\x1b[90m[17:')).toBe(true);
      const plain = parse(bytes).result;
      for (const split of [colored.length, 1, 'random'] as const) {
        const r = parse(colored, split).result;
        expect(r.colors).toBe(true);
        expect(withoutBytes({ ...r, colors: false })).toEqual(withoutBytes(plain));
      }
    }
  });

  it('CRLF line ends give the same result', () => {
    for (const name of ['chain-build-failure.txt', 'success-name-push.txt']) {
      const { bytes } = transcript(name);
      const crlf = Buffer.from(bytes.toString('utf8').replace(/\n/g, '\r\n'));
      expect(withoutBytes(parse(crlf, 5).result)).toEqual(withoutBytes(parse(bytes).result));
    }
  });

  it('survives invalid UTF-8 in docker output and in log lines', () => {
    const { bytes } = transcript('chain-build-failure.txt');
    const text = bytes.toString('latin1');
    const bad = Buffer.from(
      text
        .replace('#5 12.34 E: Unable', '#5 12.34 \xff\xfe\xc3( E: Unable')
        .replace('warn All attempts', 'warn \xe2\x94 All attempts')
        .replace('[17:38:51] error Failed building:  numpy', '[17:38:51] error Failed building:  numpy\xff'),
      'latin1',
    );
    const r = parse(bad, 3).result;
    expect(r.failures[0]).toMatchObject({ stage: 'python', phase: 'build' });
    expect(r.failures[0]?.excerpt.some((l) => l.includes('\ufffd') && l.includes('E: Unable'))).toBe(true);
    expect(r.failedBuilding).toEqual(['numpy\ufffd']);
  });

  it('a 5 MB line, plain or a log line, is skipped or capped without changing what is found', () => {
    const { bytes } = transcript('chain-build-failure.txt');
    const text = bytes.toString('utf8');
    const at = text.indexOf('#5 DONE 3.2s');
    const huge = `[not a timestamp ${'x'.repeat(5 * 1024 * 1024)}]\n#5 ${'y'.repeat(5 * 1024 * 1024)}\n[17:38:51] warn ${'z'.repeat(5 * 1024 * 1024)}\n`;
    const long = Buffer.from(text.slice(0, at) + huge + text.slice(at));
    const base = parse(bytes).result;
    for (const split of [64 * 1024, 1024 * 1024 + 3]) {
      const r = parse(long, split).result;
      expect(r.stages).toEqual(base.stages);
      expect(r.failures).toEqual(base.failures);
      expect(r.chains).toEqual(base.chains);
    }
  });

  it('reads an argparse usage error (the tool then exits 2)', () => {
    const text =
      'usage: build.py [-h] [--name NAME] [--base BASE] [--multiple]\n' +
      '                [packages ...]\n' +
      'build.py: error: unrecognized arguments: --bogus\n';
    const r = parse(Buffer.from(text), 4).result;
    expect(r.usageError).toBe('error: unrecognized arguments: --bogus');
    expect(r.usage[0]).toMatch(/^usage: build\.py/);
    expect(r.chains).toEqual([]);
    expect(r.failures).toEqual([]);
  });

  it('reads a Python exception raised before any log line', () => {
    const text =
      'Traceback (most recent call last):\n' +
      '  File "/opt/jetson-containers/jetson_containers/build.py", line 85, in <module>\n' +
      '    raise ValueError("--skip-errors can only be used with --multiple flag")\n' +
      'ValueError: --skip-errors can only be used with --multiple flag\n';
    const r = parse(Buffer.from(text)).result;
    expect(r.startupError).toBe('ValueError: --skip-errors can only be used with --multiple flag');
  });

  it('reads the --multiple --skip-errors summary', () => {
    const text =
      "[10:00:00] BUILDING ['build-essential', 'pip_cache', 'python', 'numpy']\n" +
      '[10:00:01] [####--------------] 1/4 Building build-essential (numpy:r36.4.tegra-aarch64-cu126-22.04-build-essential) 0 stages completed in 00m00s at 10:00:01\n' +
      '[10:00:02] warn 💣 `jetson-containers build` failed after 1.0 seconds (0.0 minutes)\n' +
      "[10:00:02] warn Error: Command 'docker run -t --rm x /bin/bash -c 'python3 /test/test.py' 2>&1 | tee /l/test/01-1_x_test.py.txt; exit ${PIPESTATUS[0]}' returned non-zero exit status 1.\n" +
      "Command 'docker run ...' returned non-zero exit status 1.\n" +
      "[10:00:03] BUILDING ['build-essential']\n" +
      '[10:00:03] done ✅ `jetson-containers build build-essential` (build-essential:r36.4.tegra-aarch64-cu126-22.04)\n' +
      '[10:00:04] Build logs at:  /l/build\n' +
      "[10:00:04] error    * numpy () FAILED  (Command 'docker run (x)' returned non-zero exit status 1.)\n" +
      '[10:00:04] done    * build-essential (build-essential:r36.4.tegra-aarch64-cu126-22.04) SUCCESS\n';
    const r = parse(Buffer.from(text), 2).result;
    expect(r.buildLogsDir).toBe('/l/build');
    expect(r.summary).toEqual([
      {
        package: 'numpy',
        image: null,
        status: 'failure',
        error: "Command 'docker run (x)' returned non-zero exit status 1.",
      },
      {
        package: 'build-essential',
        image: 'build-essential:r36.4.tegra-aarch64-cu126-22.04',
        status: 'success',
        error: null,
      },
    ]);
    expect(r.chains.map((c) => `${c.target} ${c.status} ${c.image}`)).toEqual([
      'numpy failure null',
      'build-essential success build-essential:r36.4.tegra-aarch64-cu126-22.04',
    ]);
    // The docker command says it was a test, whatever the progress line said.
    expect(r.failures[0]).toMatchObject({
      phase: 'test',
      logFile: '/l/test/01-1_x_test.py.txt',
      exitStatus: 1,
    });
    expect(r.failures[0]?.error).toBe("test 'python3 /test/test.py' failed (exit status 1)");
  });

  it('parses the Namespace dump', () => {
    expect(
      parseNamespace(
        "Namespace(packages=['ros:humble*', \"it's\"], name='a,b', multiple=True, build_args={'k': 'v'}, skip_tests=['all'], log_dir=None, x=3)",
      ),
    ).toEqual({
      packages: ['ros:humble*', "it's"],
      name: 'a,b',
      multiple: true,
      build_args: null,
      skip_tests: ['all'],
      log_dir: null,
      x: '3',
    });
  });
});

describe('hostile output stays bounded', () => {
  it('floods of stage lines, failure markers and chains keep only the capped records', () => {
    const parts: string[] = [];
    for (let i = 0; i < 3000; i++) {
      parts.push(
        `[00:00:00] [#---] ${(i % 4) + 1}/4 ${i % 2 ? 'Testing' : 'Building'} pkg${i} (img${i}) 0 stages completed`,
      );
      if (i % 2 === 0) parts.push(`[00:00:00] BUILDING ['a${i}', 'b']`);
      if (i % 10 === 0) parts.push('[00:00:00] warn 💣 `jetson-containers build` failed after 1.0 seconds');
      if (i % 7 === 0) parts.push(`[00:00:00] done ✅ \`jetson-containers build b\` (b:${i})`);
    }
    const bytes = Buffer.from(parts.join('\n') + '\n');
    const p = new BuildStreamParser({ now: clock() });
    for (let pos = 0; pos < bytes.length; pos += 65536) p.write(bytes.subarray(pos, pos + 65536));
    p.end();
    const r = p.result();
    expect(r.stages).toHaveLength(2000);
    expect(r.dropped.stages).toBe(1000);
    // Every chain is named `b`: 1000 kept, each failure of a kept chain kept (its chain's record bounds it).
    expect(r.chains).toHaveLength(1000);
    expect(r.dropped.chains).toBe(500);
    expect(r.failures).toHaveLength(200);
    expect(r.dropped.failures).toBe(100);
    expect(r.dropped.failed).toBe(100);
    expect(r.done).toHaveLength(429);
    expect(JSON.stringify(r).length).toBeLessThan(8 * 1024 * 1024);
  });

  it('a header that never ends is read line by line only up to its cap', () => {
    const line = 'x'.repeat(100) + '\n';
    const bytes = Buffer.from(line.repeat(5000) + "[10:00:00] BUILDING ['a']\n");
    const r = parse(bytes, 4096).result;
    expect(r.chains.map((c) => c.target)).toEqual(['a']);
  });
});

describe('throughput', () => {
  it('parses docker-like output far faster than a build can print it', () => {
    const line = Buffer.from(
      '#12 345.6 [ 45%] Building CXX object src/CMakeFiles/torch_cpu.dir/aten/native/file.cpp.o\n',
    );
    const chunk = Buffer.alloc(64 * 1024 - ((64 * 1024) % line.length));
    for (let i = 0; i < chunk.length; i += line.length) line.copy(chunk, i);
    const { bytes } = transcript('success-name-push.txt');
    const p = new BuildStreamParser({ now: clock() });
    p.write(bytes.subarray(0, 2000));
    const total = 64 * 1024 * 1024;
    const t0 = performance.now();
    for (let n = 0; n < total; n += chunk.length) p.write(chunk);
    const seconds = (performance.now() - t0) / 1000;
    p.write(bytes.subarray(2000));
    p.end();
    expect(p.result().chains[0]?.status).toBe('success');
    // ~3 GB/s on a laptop; 100 MB/s would still keep up with any docker build.
    expect(total / seconds).toBeGreaterThan(100 * 1024 * 1024);
  });
});
