// Pins the failure records a user reads: the exact one-line error for each kind of failure, the phase, the stage
// log file, the exit status, docker's own error lines and the excerpt with its caps (40 lines of 300 characters).
import { describe, expect, it } from 'vitest';
import { BuildStreamParser, unwrapRunCommand, type ParseResult } from '../../src/jetson/parse/index.js';

const CCACHE =
  'if command -v ccache >/dev/null 2>&1; then export CMAKE_C_COMPILER_LAUNCHER=ccache CMAKE_CXX_COMPILER_LAUNCHER=ccache ' +
  'CMAKE_CUDA_COMPILER_LAUNCHER=ccache; ccache --set-config=max_size="${CCACHE_MAXSIZE:-20G}" || true; fi; ';
const SEP = '[10:00:01] warn ' + '='.repeat(40);
const BOMB = '[10:00:01] warn 💣 `jetson-containers build` failed after 1.0 seconds (0.0 minutes)';

function parse(text: string, split = 0): ParseResult {
  const p = new BuildStreamParser({ now: () => new Date(0) });
  const bytes = Buffer.from(text);
  const size = split || bytes.length;
  for (let pos = 0; pos < bytes.length; pos += size) p.write(bytes.subarray(pos, pos + size));
  p.end();
  return p.result();
}

interface Failing {
  /** The stage that fails: `Building` or `Testing`. */
  verb?: 'Building' | 'Testing';
  /** Lines printed while the stage ran. */
  output: string[];
  /** The text after `Error: ` in the 💣 block, or null for a block without an `Error:` line. */
  error: string | null;
  /** Lines after `Failed building:` (upstream's traceback). */
  after?: string[];
}

/** One chain `x` whose stage 2/2 fails, printed as upstream does. */
function failing(o: Failing): ParseResult {
  const lines = [
    "[10:00:00] BUILDING ['dep', 'x']",
    '[10:00:00] [#########---------] 1/2 Building dep (x:r36-dep) 0 stages completed in 00m00s at 10:00:00',
    '#8 DONE 0.4s',
    `[10:00:00] [##################] 2/2 ${o.verb ?? 'Building'} x (x:r36-x) 1 stages completed in 00m00s at 10:00:00`,
    ...o.output,
    SEP,
    SEP,
    BOMB,
    ...(o.error !== null ? [`[10:00:01] warn Error: ${o.error}`] : []),
    SEP,
    SEP,
    '[10:00:01] error Failed building:  x',
    ...(o.after ?? []),
  ];
  return parse(lines.join('\n') + '\n');
}

const buildCmd = (tail = '2>&1 | tee /l/build/02o2_x.txt; exit ${PIPESTATUS[0]}') =>
  `Command 'DOCKER_BUILDKIT=1 docker buildx build --tag x:r36-x --file /l/build/02o2_x.Dockerfile . ${tail}' returned non-zero exit status 1.`;
const testCmd = (script = 'python3 /test/test.py') =>
  `Command 'docker run -t --rm x:r36-x /bin/bash -c '${script}' 2>&1 | tee /l/test/02-1_x_test.py.txt; exit \${PIPESTATUS[0]}' returned non-zero exit status 1.`;

describe('the one-line error of a failed build step', () => {
  it('names the step’s last cause line, the command without its wrappers and the exit code', () => {
    const proc = `process "/bin/sh -c ${CCACHE}set -ex && make -j8" did not complete successfully: exit code: 2`;
    const r = failing({
      output: [
        `#7 [3/3] RUN ${CCACHE}set -ex && make -j8`,
        '#7 0.100 + make -j8',
        '#7 5.000 foo.c:3:10: fatal error: bar.h: No such file or directory',
        '#7 5.001 compilation terminated.',
        '#7 5.002 make: *** [Makefile:2: foo.o] Error 1',
        '#7 5.003 ',
        `#7 ERROR: ${proc}`,
        '------',
        `ERROR: failed to solve: ${proc}`,
      ],
      error: buildCmd(),
    });
    const f = r.failures[0]!;
    expect(f.error).toBe('make: *** [Makefile:2: foo.o] Error 1 (RUN make -j8, exit code: 2)');
    expect(f).toMatchObject({
      phase: 'build',
      stage: 'x',
      stageIndex: 2,
      stageCount: 2,
      chain: 0,
      target: 'x',
      exitStatus: 1,
      logFile: '/l/build/02o2_x.txt',
    });
    expect(f.dockerErrors).toEqual([`#7 ERROR: ${proc}`, `ERROR: failed to solve: ${proc}`]);
  });

  it('without a cause line: the step’s last output line', () => {
    const r = failing({
      output: [
        '#7 [3/3] RUN /bin/bash /tmp/install.sh',
        '#7 1.0 downloading',
        '#7 2.0 + rm -rf /tmp/x',
        '#7 3.0 checksum mismatch',
        '#7 4.0 + exit 3',
        '#7 ERROR: process "/bin/sh -c /bin/bash /tmp/install.sh" did not complete successfully: exit code: 3',
      ],
      error: buildCmd(),
    });
    expect(r.failures[0]?.error).toBe('checksum mismatch (RUN /bin/bash /tmp/install.sh, exit code: 3)');
  });

  it('only the failing step’s lines count, back to its `#N [` header', () => {
    const r = failing({
      output: [
        '#6 [2/3] RUN earlier',
        '#6 0.5 E: an error of an earlier step',
        '#7 [3/3] RUN ./build.sh',
        '#7 0.5 Error: the real cause',
        '#6 0.6 ERROR parallel step noise',
        '#7 0.6 done waiting',
        '#7 ERROR: process "/bin/sh -c ./build.sh" did not complete successfully: exit code: 1',
      ],
      error: buildCmd(),
    });
    expect(r.failures[0]?.error).toBe('Error: the real cause (RUN ./build.sh, exit code: 1)');
  });

  it('looks at most 20 output lines back for the cause', () => {
    const tail = Array.from({ length: 20 }, (_, i) => `#7 ${i + 1}.0 line ${i + 1}`);
    const r = failing({
      output: [
        '#7 [3/3] RUN ./build.sh',
        '#7 0.5 E: too early to be seen',
        ...tail,
        '#7 ERROR: process "/bin/sh -c ./build.sh" did not complete successfully: exit code: 1',
      ],
      error: buildCmd(),
    });
    expect(r.failures[0]?.error).toBe('line 20 (RUN ./build.sh, exit code: 1)');
  });

  it.each([
    'E: broken packages',
    'ERROR x',
    'Error x',
    'error x',
    'fatal x',
    'FATAL x',
    'FAILED x',
    'CMake Error at CMakeLists.txt:3',
    'ninja: build stopped: subcommand failed.',
    'make: *** [all] 2',
    'make[12]: *** [all] 2',
    'cc1: some error: x',
    'x: No such file or directory',
    'sh: foo: command not found',
    'x Permission denied',
    'x Could not find y',
    'x Unable to y',
    'x No matching distribution for y',
    'x not found',
    'KeyboardInterrupt',
    'SystemExit: 2',
    'mod.sub._Private9Exception: why',
  ])('a cause line: %s', (cause) => {
    const r = failing({
      output: [
        '#7 [3/3] RUN ./build.sh',
        `#7 1.0 ${cause}`,
        '#7 1.1 a plain line printed after it',
        '#7 ERROR: process "/bin/sh -c ./build.sh" did not complete successfully: exit code: 1',
      ],
      error: buildCmd(),
    });
    expect(r.failures[0]?.error).toBe(`${cause} (RUN ./build.sh, exit code: 1)`);
  });

  it('the last failed step wins; its indented and double-spaced lines are read', () => {
    const r = failing({
      output: [
        '#7 [3/3] RUN ./second.sh',
        '#7 0.2 E: from an earlier build that also had a step 7',
        '#5 [2/3] RUN ./first.sh',
        '#5 0.5 E: first step',
        '#5 ERROR: process "/bin/sh -c ./first.sh" did not complete successfully: exit code: 4',
        '#7 [3/3] RUN ./second.sh',
        '#7 1.0   ValueError: spaced',
        '#7 1.1 result: 1 + 1',
        '   #7 ERROR: process "/bin/sh -c ./second.sh" did not complete successfully: exit code: 5',
      ],
      error: buildCmd(),
    });
    expect(r.failures[0]?.error).toBe('ValueError: spaced (RUN ./second.sh, exit code: 5)');
    const plus = failing({
      output: [
        '#7 [3/3] RUN ./b.sh',
        '#7 1.0 checksum mismatch',
        '#7 1.1 result: 1 + 1',
        '#7 ERROR: process "/bin/sh -c ./b.sh" did not complete successfully: exit code: 5',
      ],
      error: buildCmd(),
    });
    expect(plus.failures[0]?.error).toBe('result: 1 + 1 (RUN ./b.sh, exit code: 5)');
  });

  it('a step whose header scrolled away: its lines back to the window’s start', () => {
    // No stage: the excerpt window is the last 40 lines, starting at the step's first output line.
    const fill = Array.from({ length: 34 }, (_, i) => `#8 0.${i} noise`);
    const text = [
      "[10:00:00] BUILDING ['x']",
      '#7 1.0 E: the cause, first in the window',
      '#7 1.1 more',
      '#7 ERROR: process "/bin/sh -c ./b.sh" did not complete successfully: exit code: 3',
      ...fill,
      BOMB,
      `[10:00:01] warn Error: ${buildCmd()}`,
      '[10:00:01] error Failed building:  x',
    ];
    const r = parse(text.join('\n') + '\n');
    expect(r.failures[0]?.excerpt).toHaveLength(40);
    expect(r.failures[0]?.excerpt[0]).toBe('#7 1.0 E: the cause, first in the window');
    expect(r.failures[0]?.error).toBe('E: the cause, first in the window (RUN ./b.sh, exit code: 3)');

    // The failed step's own line first in the window: only its command and exit code are left.
    const r2 = parse(
      [...text.slice(0, 4), '#8 0.x noise', '#8 0.y noise', ...text.slice(4)].join('\n') + '\n',
    );
    expect(r2.failures[0]?.excerpt[0]).toBe(text[3]);
    expect(r2.failures[0]?.error).toBe('RUN ./b.sh failed (exit code: 3)');
  });

  it('the legacy builder: back to its `Step N/M` line', () => {
    const r = failing({
      output: [
        'Step 4/6 : RUN apt-get install -y nothing',
        'E: an earlier step',
        'Step 5/6 : RUN /bin/sh -c ./build.sh',
        ' ---> Running in 0123456789ab',
        'compiling',
        'Permission denied while writing /opt/x',
        'cleanup',
        "The command '/bin/sh -c ./build.sh' returned a non-zero code: 126",
      ],
      error: `Command 'docker build --tag x:r36-x . 2>&1 | tee /l/build/02o2_x.txt' returned non-zero exit status 1.`,
    });
    expect(r.failures[0]?.error).toBe(
      'Permission denied while writing /opt/x (RUN ./build.sh, exit code: 126)',
    );
  });

  /** A failed BuildKit step `#7` that ran `cmd` and printed `cause`. */
  const step = (cmd: string, cause: string) =>
    failing({
      output: [
        `#7 [3/3] RUN ${cmd}`,
        `#7 1.0 ${cause}`,
        `#7 ERROR: process "/bin/sh -c ${cmd}" did not complete successfully: exit code: 2`,
      ],
      error: buildCmd(),
    }).failures[0]?.error;

  it('the legacy builder: an earlier step’s lines never count', () => {
    const legacy = (head: string[]) =>
      failing({
        output: [
          'Step 11/14 : RUN ./a.sh',
          'ValueError: an earlier step',
          ...head,
          'copying a ---> b',
          'Unable to write',
          'cleanup',
          "  The command '/bin/sh -c ./build.sh' returned a non-zero code: 2",
        ],
        error: buildCmd(),
      }).failures[0]?.error;
    expect(legacy(['Step 12/14 : RUN ./build.sh'])).toBe('Unable to write (RUN ./build.sh, exit code: 2)');
    expect(legacy([' ---> Running in 0123456789ab'])).toBe('Unable to write (RUN ./build.sh, exit code: 2)');
  });

  it('caps the cause at 200 and the command at 80 characters, the whole line at 300', () => {
    const cause = 'E: ' + 'c'.repeat(300);
    const cmd = 'make ' + 'x'.repeat(200);
    expect(step('make', cause)).toBe(`${cause.slice(0, 199)}… (RUN make, exit code: 2)`);
    expect(step(cmd, 'E: short')).toBe(`E: short (RUN ${cmd.slice(0, 79)}…, exit code: 2)`);
    expect(step(cmd, cause)).toBe(`${cause.slice(0, 199)}… (RUN ${cmd.slice(0, 79)}…, exit code: …`);
    expect(step(cmd, cause)).toHaveLength(300);
  });

  it('only `failed to solve` left: the command (up to 120 characters) and the exit code', () => {
    const cmd = 'pip3 install ' + 'p'.repeat(150);
    const r = failing({
      output: [
        `  ERROR: failed to solve: process "/bin/sh -c ${CCACHE}${cmd}" did not complete successfully: exit code: 1`,
        'a plain line after it',
      ],
      error: buildCmd(),
    });
    expect(r.failures[0]?.error).toBe(`RUN ${cmd.slice(0, 119)}… failed (exit code: 1)`);
  });

  it('docker errors of no RUN step: the last one, without its step number', () => {
    const r = failing({
      output: [
        '#3 [1/3] FROM docker.io/library/base',
        '#3 ERROR: pull access denied for base',
        '#4 ERROR: failed to fetch the manifest',
      ],
      error: buildCmd(),
    });
    expect(r.failures[0]?.error).toBe('ERROR: failed to fetch the manifest');
    expect(r.failures[0]?.dockerErrors).toEqual([
      '#3 ERROR: pull access denied for base',
      '#4 ERROR: failed to fetch the manifest',
    ]);
  });

  it('docker errors: the last `failed to solve` one first, a step number only stripped at the start', () => {
    const err = (output: string[]) => failing({ output, error: buildCmd() }).failures[0]?.error;
    expect(
      err(['ERROR: failed to solve: first thing', 'ERROR: failed to solve: second thing', '#9 ERROR: later']),
    ).toBe('ERROR: failed to solve: second thing');
    expect(err(['#12  ERROR: two digits'])).toBe('ERROR: two digits');
    expect(err(['ERROR: see #5 details'])).toBe('ERROR: see #5 details');
  });

  it('docker’s error lines: only those before the 💣 line, the last 10, each up to 1000 characters', () => {
    const errs = Array.from({ length: 15 }, (_, i) => `#4 0.${i} ERROR: e${i + 1}`);
    const long = 'ERROR: ' + 'l'.repeat(2000);
    const r = failing({
      output: [...errs, 'error: lowercase tool error', long],
      error: buildCmd(),
      after: ['ERROR: printed after the block'],
    });
    const d = r.failures[0]!.dockerErrors;
    expect(d).toHaveLength(10);
    expect(d.slice(0, 8)).toEqual(errs.slice(7));
    expect(d[8]).toBe('error: lowercase tool error');
    expect(d[9]).toBe(long.slice(0, 999) + '…');
    expect(r.failures[0]?.error).toBe(long.slice(0, 299) + '…');
  });

  it('docker error lines: step and tool errors, indented or not; not lines that only mention one', () => {
    const r = failing({
      output: [
        '#7 12.345  ERROR: pip failed',
        '#7 3 ERROR: integer time',
        '  ERROR: indented',
        'see #5 ERROR in the log',
        'pip: ERROR: not at the start',
        '#7 1.0 a line',
      ],
      error: buildCmd(),
    });
    expect(r.failures[0]?.dockerErrors).toEqual([
      '#7 12.345  ERROR: pip failed',
      '#7 3 ERROR: integer time',
      '  ERROR: indented',
    ]);
  });

  it('docker errors found at the 💣 line stay when later lines push them out of the excerpt', () => {
    const fill = Array.from({ length: 37 }, (_, i) => `#8 0.${i} noise`);
    const r = failing({ output: ['#7 ERROR: early', ...fill], error: buildCmd() });
    expect(r.failures[0]?.excerpt).not.toContain('#7 ERROR: early');
    expect(r.failures[0]?.dockerErrors).toEqual(['#7 ERROR: early']);
  });

  it('no docker error at all: `docker build failed` with the exit status, if any', () => {
    expect(failing({ output: ['#7 1.0 Killed'], error: buildCmd() }).failures[0]?.error).toBe(
      'docker build failed (exit status 1)',
    );
    const r = failing({ output: ['#7 1.0 Killed'], error: "Command 'docker build --tag x .' died." });
    expect(r.failures[0]).toMatchObject({ error: 'docker build failed', exitStatus: null, phase: 'build' });
  });
});

describe('the one-line error of a failed test, push or other command', () => {
  it('a test: its script and the last exception it raised', () => {
    const r = failing({
      verb: 'Testing',
      output: [
        'testing (test.py) in x:r36-x',
        'ValueError: first',
        'Traceback (most recent call last):',
        '  File "/test/test.py", line 14, in <module>',
        'AssertionError: matmul mismatch',
        'exit 1',
      ],
      error: testCmd(),
    });
    expect(r.failures[0]).toMatchObject({
      phase: 'test',
      stage: 'x',
      error: "test 'python3 /test/test.py' failed: AssertionError: matmul mismatch",
      logFile: '/l/test/02-1_x_test.py.txt',
      exitStatus: 1,
    });
  });

  it('a test without an exception: its script and the exit status; a command without a script: none', () => {
    expect(
      failing({ verb: 'Testing', output: ['ok?'], error: testCmd('bash test.sh') }).failures[0]?.error,
    ).toBe("test 'bash test.sh' failed (exit status 1)");
    const r = failing({
      verb: 'Testing',
      output: ['  RuntimeError: indented but still the exception'],
      error: "Command 'docker run --rm x:r36-x' returned non-zero exit status 139.",
    });
    expect(r.failures[0]).toMatchObject({
      error: 'test failed: RuntimeError: indented but still the exception',
      exitStatus: 139,
      logFile: null,
    });
  });

  it('a test command found in a build stage makes it a test failure', () => {
    const r = failing({ verb: 'Building', output: [], error: testCmd() });
    expect(r.failures[0]).toMatchObject({ phase: 'test', stage: 'x', stageIndex: 2 });
  });

  it('a push: the registry’s refusal, not a log line that mentions an error', () => {
    const r = failing({
      verb: 'Testing',
      output: [
        '[10:00:00] Pushing x:r36-x',
        '[10:00:00] warn retrying after a registry error',
        'The push refers to repository [docker.io/me/x]',
        'denied: requested access to the resource is denied',
        'layer already exists',
      ],
      error: `Command 'docker push me/x:r36-x' returned non-zero exit status 1.`,
    });
    expect(r.failures[0]).toMatchObject({
      phase: 'push',
      stage: null,
      stageIndex: null,
      stageCount: null,
      error: 'docker push failed: denied: requested access to the resource is denied',
      exitStatus: 1,
    });
    const last = failing({
      verb: 'Testing',
      output: ['error: first', '  unauthorized: token at [12:30] expired  '],
      error: `Command 'docker push me/x:r36-x' returned non-zero exit status 1.`,
    });
    expect(last.failures[0]?.error).toBe('docker push failed: unauthorized: token at [12:30] expired');
    const quiet = failing({
      output: ['[10:00:00] warn retrying after a registry error'],
      error: `Command 'docker tag a b && docker push me/x' returned non-zero exit status 1.`,
    });
    expect(quiet.failures[0]?.error).toBe('docker push failed (exit status 1)');
  });

  it('a docker build command makes a failure outside any stage a build failure', () => {
    for (const cmd of ['docker build .', 'docker buildx build .']) {
      const lines = [
        "[10:00:00] BUILDING ['x']",
        BOMB,
        `[10:00:01] warn Error: Command '${cmd}' returned non-zero exit status 1.`,
      ];
      expect(parse(lines.join('\n') + '\n').failures[0]).toMatchObject({
        phase: 'build',
        stage: null,
        error: 'docker build failed (exit status 1)',
      });
    }
  });

  it('a push that fails while a stage still runs belongs to no stage', () => {
    const r = failing({
      verb: 'Testing',
      output: [],
      error: `Command 'docker push me/x:r36-x' returned non-zero exit status 1.`,
    });
    expect(r.failures[0]).toMatchObject({ phase: 'push', stage: null, stageIndex: null, stageCount: null });
    expect(r.stages.at(-1)?.status).toBe('failure');
  });

  it('a 💣 after the stage ended belongs to the chain, not to that stage', () => {
    const r = parse(
      ["[10:00:00] BUILDING ['x']", '[10:00:00] [1/1] Testing x (x:1)', '[10:00:01] Pushing x:1', BOMB].join(
        '\n',
      ) + '\n',
    );
    expect(r.failures[0]).toMatchObject({ phase: 'unknown', stage: null, chain: 0, target: 'x' });
    expect(r.stages[0]?.status).toBe('success');
  });

  it('`docker tag` is part of the build; any other command keeps its own text', () => {
    const tag = failing({
      verb: 'Testing',
      output: [],
      error: "Command 'docker tag a b' returned non-zero exit status 1.",
    });
    expect(tag.failures[0]).toMatchObject({ phase: 'build', error: 'docker build failed (exit status 1)' });

    const text = [
      "[10:00:00] BUILDING ['x']",
      BOMB,
      `[10:00:01] warn Error: Command 'python3 ${'y'.repeat(400)}' returned non-zero exit status -9.`,
    ].join('\n');
    const r = parse(text + '\n');
    expect(r.failures[0]).toMatchObject({ phase: 'unknown', stage: null, exitStatus: -9, logFile: null });
    expect(r.failures[0]?.error).toBe(`Command 'python3 ${'y'.repeat(400)}`.slice(0, 299) + '…');
  });

  it('an error that is no command: its text, quotes dropped and spaces collapsed, up to 300 characters', () => {
    const r = failing({ output: [], error: '"Dockerfile   not\tfound"' });
    expect(r.failures[0]).toMatchObject({
      error: 'Dockerfile not found',
      rawError: '"Dockerfile   not\tfound"',
    });
    for (const text of [
      'x "y"',
      '"y" x',
      "oops: Command 'docker build .' returned non-zero exit status 1.",
    ]) {
      expect(failing({ output: [], error: text }).failures[0]).toMatchObject({
        error: text,
        exitStatus: null,
      });
    }
    const long = failing({ output: [], error: 'x'.repeat(1500) });
    expect(long.failures[0]?.error).toBe('x'.repeat(299) + '…');
    expect(long.failures[0]?.rawError).toBe('x'.repeat(999) + '…');
  });

  it('an unknown package in the `Error:` line: a resolve failure naming it', () => {
    const r = failing({ output: [], error: `"couldn't find package:  nopkg"` });
    expect(r.failures[0]).toMatchObject({
      phase: 'resolve',
      stage: null,
      stageIndex: null,
      stageCount: null,
      unknownPackage: 'nopkg',
      error: "couldn't find package: nopkg",
    });
  });
});

describe('failures explained only by the traceback', () => {
  const head = "Namespace(packages=['a', 'b'], multiple=True)\n";

  it('`Failed building:` with no 💣 block: a resolve failure from the traceback’s unknown package', () => {
    const r = parse(
      head +
        '[10:00:00] error Failed building:  a, b ,, c\n' +
        'Traceback (most recent call last):\n' +
        '  File "build.py", line 1\n' +
        'KeyError: "couldn\'t find package:  zzz"\n',
    );
    expect(r.failedBuilding).toEqual(['a', 'b', 'c']);
    expect(r.tracebackError).toBe('KeyError: "couldn\'t find package:  zzz"');
    expect(r.failures).toHaveLength(1);
    expect(r.failures[0]).toMatchObject({
      phase: 'resolve',
      chain: null,
      unknownPackage: 'zzz',
      error: "couldn't find package: zzz",
      dockerErrors: [],
      rawError: null,
      exitStatus: null,
      logFile: null,
    });
  });

  it('after stages ran: an unknown-phase failure whose error and excerpt are the traceback', () => {
    const r = parse(
      head +
        "[10:00:00] BUILDING ['a']\n" +
        '[10:00:00] [2/2] Building a (a:1)\n' +
        '[10:00:01] done ✅ `jetson-containers build a` (a:1)\n' +
        `${SEP}\n` +
        '[10:00:02] error Failed building:  b\n' +
        'Traceback (most recent call last):\n' +
        '  File "build.py", line 1\n' +
        `RuntimeError: ${'r'.repeat(1200)}\n`,
    );
    expect(r.failures).toHaveLength(1);
    expect(r.failures[0]).toMatchObject({ phase: 'unknown', chain: null, unknownPackage: null });
    // The traceback is read from the output's last lines, each cut at 300 characters like the excerpt.
    expect(r.tracebackError).toBe(`RuntimeError: ${'r'.repeat(1200)}`.slice(0, 299) + '…');
    expect(r.failures[0]?.error).toBe(r.tracebackError);
    expect(r.failures[0]?.excerpt).toEqual([
      "Namespace(packages=['a', 'b'], multiple=True)",
      "[10:00:00] BUILDING ['a']",
      '[10:00:00] [2/2] Building a (a:1)',
      '[10:00:01] done ✅ `jetson-containers build a` (a:1)',
      '[10:00:02] error Failed building:  b',
      'Traceback (most recent call last):',
      '  File "build.py", line 1',
      `RuntimeError: ${'r'.repeat(1200)}`.slice(0, 299) + '…',
    ]);
  });

  it('an exception before the `Failed building:` line is not its traceback', () => {
    const r = parse(
      head +
        'ValueError: earlier\n' +
        '[10:00:00] error Failed building:  a\n' +
        'Traceback (most recent call last):\n',
    );
    expect(r.tracebackError).toBeNull();
    expect(r.failures[0]?.error).toBeNull();
  });

  it('a 💣 block with an `Error:` line keeps its own error and excerpt', () => {
    const r = failing({
      output: ['#7 1.0 Killed'],
      error: buildCmd(),
      after: ['Traceback (most recent call last):', `KeyError: "couldn't find package: q"`],
    });
    expect(r.failures[0]).toMatchObject({
      phase: 'build',
      unknownPackage: null,
      error: 'docker build failed (exit status 1)',
    });
    expect(r.tracebackError).toBe(`KeyError: "couldn't find package: q"`);
    expect(r.failures[0]?.excerpt.at(-1)).toBe('[10:00:01] error Failed building:  x');
  });

  it('a 💣 block without an `Error:` line takes the unknown package from the traceback', () => {
    const r = parse(
      [
        "[10:00:00] BUILDING ['dep', 'x']",
        '#1 resolving',
        BOMB,
        SEP,
        '[10:00:01] error Failed building:  x',
        'Traceback (most recent call last):',
        `KeyError: "couldn't find package: q"`,
      ].join('\n') + '\n',
    );
    expect(r.failures[0]).toMatchObject({ phase: 'resolve', chain: 0, target: 'x', unknownPackage: 'q' });
    expect(r.failures[0]?.error).toBe("couldn't find package: q");
    expect(r.failures[0]?.excerpt).toEqual([
      "[10:00:00] BUILDING ['dep', 'x']",
      '#1 resolving',
      BOMB,
      '[10:00:01] error Failed building:  x',
      'Traceback (most recent call last):',
      `KeyError: "couldn't find package: q"`,
    ]);
  });
});

describe('a later 💣 block', () => {
  it('is not explained by the traceback of an earlier `Failed building:`', () => {
    const r = parse(
      [
        "[10:00:00] BUILDING ['a']",
        BOMB,
        '[10:00:01] error Failed building:  a',
        "[10:00:02] BUILDING ['b']",
        BOMB,
        'Traceback (most recent call last):',
        'RuntimeError: printed by b',
      ].join('\n') + '\n',
    );
    expect(r.tracebackError).toBeNull();
    expect(r.failures.map((f) => f.error)).toEqual([null, null]);
  });
});

describe('the excerpt', () => {
  it('is the last 40 lines, each cut at 300 characters, without the ==== separators', () => {
    const output = Array.from({ length: 100 }, (_, i) => `out ${i + 1}`);
    output[90] = 'w'.repeat(500);
    const r = failing({ output, error: '"boom"' });
    const ex = r.failures[0]!.excerpt;
    expect(ex).toHaveLength(40);
    expect(ex[0]).toBe('out 64');
    expect(ex[27]).toBe('w'.repeat(299) + '…');
    expect(ex.slice(-4)).toEqual([
      'out 100',
      BOMB,
      '[10:00:01] warn Error: "boom"',
      '[10:00:01] error Failed building:  x',
    ]);
  });

  it('starts at the failing stage’s own progress line, not at other lines that look alike', () => {
    const r = failing({
      output: ['#7 0.5 step 2/2 done', '[10:00:00] warn Building wheel for foo failed', '#7 1.0 a'],
      error: '"boom"',
    });
    expect(r.failures[0]?.excerpt[0]).toBe(
      '[10:00:00] [##################] 2/2 Building x (x:r36-x) 1 stages completed in 00m00s at 10:00:00',
    );
  });

  it('docker errors printed inside the 💣 block are not the stage’s', () => {
    const text = [
      "[10:00:00] BUILDING ['x']",
      '[10:00:00] [1/1] Building x (x:1)',
      '#7 ERROR: the real one',
      BOMB,
      `[10:00:01] warn Error: ${buildCmd()}`,
      'ERROR: printed inside the block',
      '[10:00:01] error Failed building:  x',
    ];
    const r = parse(text.join('\n') + '\n');
    expect(r.failures[0]?.dockerErrors).toEqual(['#7 ERROR: the real one']);
    expect(r.failures[0]?.error).toBe('ERROR: the real one');
  });

  it('starts at the failing stage’s progress line when that is in view', () => {
    const r = failing({ output: ['#7 1.0 a', '', '   ', '#7 2.0 b'], error: '"boom"' });
    expect(r.failures[0]?.excerpt).toEqual([
      '[10:00:00] [##################] 2/2 Building x (x:r36-x) 1 stages completed in 00m00s at 10:00:00',
      '#7 1.0 a',
      '#7 2.0 b',
      BOMB,
      '[10:00:01] warn Error: "boom"',
      '[10:00:01] error Failed building:  x',
    ]);
  });

  it('shows what a terminal shows: colours gone, carriage-return redraws at their last frame', () => {
    const r = failing({
      output: ['\x1b[31mred\x1b[0m text', 'progress 10%\rprogress 50%\rprogress 100%\r\r', 'trailing   '],
      error: '"boom"',
    });
    expect(r.failures[0]?.excerpt.slice(1, 4)).toEqual(['red text', 'progress 100%', 'trailing']);
  });
});

describe('the stage log file named by the failed command', () => {
  const logOf = (cmd: string) =>
    failing({ output: [], error: `Command '${cmd}' returned non-zero exit status 1.` }).failures[0]?.logFile;

  it('from `tee`, `script … x.txt` or `--file x.Dockerfile`, else none', () => {
    expect(logOf("docker build . 2>&1 | tee '/l/build/01o1_a.txt'; exit 1")).toBe('/l/build/01o1_a.txt');
    expect(
      logOf(
        'script -q -e -c "docker buildx build --file /l/b/01o1_a.Dockerfile ." /l/build/01o1_a.txt; exit 1',
      ),
    ).toBe('/l/build/01o1_a.txt');
    expect(
      failing({ output: [], error: `Command 'script -q -c "docker build ." /l/build/05o5_e.txt'` })
        .failures[0]?.logFile,
    ).toBe('/l/build/05o5_e.txt');
    expect(logOf("script -q -c 'docker buildx build .' '/l/build/02o2_b.txt'; exit 3")).toBe(
      '/l/build/02o2_b.txt',
    );
    expect(logOf('docker buildx build --file /l/build/03o3_c.Dockerfile /pkgs/c')).toBe(
      '/l/build/03o3_c.txt',
    );
    expect(logOf("docker buildx build --file '/l/build/04o4_d.Dockerfile' /pkgs/d")).toBe(
      '/l/build/04o4_d.txt',
    );
    expect(logOf('docker build . | tee  /l/build/07o7_g.txt')).toBe('/l/build/07o7_g.txt');
    expect(logOf('script -c "docker build ." /l/build/06o6_f.txt ; exit 1')).toBe('/l/build/06o6_f.txt');
    expect(logOf('docker buildx build --file  /l/build/08o8_h.Dockerfile /pkgs/h')).toBe(
      '/l/build/08o8_h.txt',
    );
    expect(logOf('docker buildx build --tag d /pkgs/d')).toBeNull();
  });
});

describe('unwrapRunCommand', () => {
  it('drops the shell, the ccache preamble and `set -e`, nothing else', () => {
    expect(unwrapRunCommand(`  /bin/sh -c ${CCACHE}make  `)).toBe('make');
    expect(unwrapRunCommand(`/bin/bash -c ${CCACHE.replace(/; $/, ' && ')}set -euxo && ./b.sh`)).toBe(
      './b.sh',
    );
    expect(unwrapRunCommand('/bin/sh -c set -ex; pip3 install x')).toBe('pip3 install x');
    expect(unwrapRunCommand('/bin/sh -c   make')).toBe('make');
    expect(unwrapRunCommand('if command -v ccache >/dev/null; then x;fi;make')).toBe('make');
    expect(unwrapRunCommand('set -e;make')).toBe('make');
    expect(unwrapRunCommand('make /bin/sh -c x; set -e; y')).toBe('make /bin/sh -c x; set -e; y');
    expect(unwrapRunCommand('bash -c make; if command -v ccache; then x; fi; y')).toBe(
      'bash -c make; if command -v ccache; then x; fi; y',
    );
  });
});
