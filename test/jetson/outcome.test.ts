// Tests the status rules: what counts as success, failure or cancelled, overall and per package.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decideOutcome, type OutcomeInput } from '../../src/jetson/outcome.js';
import {
  BuildStreamParser,
  type ChainRecord,
  type ParsedFailure,
  type ParseResult,
} from '../../src/jetson/parse/index.js';
import type { StageRecord } from '../../src/report/build-report.js';

/**
 * A transcript's parse, made when a test first reads it: the table below is built when the file loads, and a
 * parse at load time would run the parser outside every test (mutation testing could not tell which test covers
 * which line of the parser).
 */
function fromTranscript(name: string): ParseResult {
  let parsed: ParseResult | null = null;
  const parse = (): ParseResult => {
    const text = readFileSync(
      join(import.meta.dirname, '..', 'fixtures', 'transcripts', name),
      'utf8',
    ).replace(/\nrc=\d+\n?$/, '\n');
    let t = 0;
    const p = new BuildStreamParser({ now: () => new Date((t += 1000)) });
    p.write(Buffer.from(text));
    p.end();
    return p.result();
  };
  return new Proxy({} as ParseResult, {
    get: (_, key) => (parsed ??= parse())[key as keyof ParseResult],
    has: (_, key) => key in (parsed ??= parse()),
    ownKeys: () => Reflect.ownKeys((parsed ??= parse())),
    getOwnPropertyDescriptor: (_, key) => Reflect.getOwnPropertyDescriptor((parsed ??= parse()), key),
  });
}

function empty(): ParseResult {
  return {
    environment: {},
    args: null,
    commandLine: null,
    chains: [],
    stages: [],
    done: [],
    pushed: [],
    buildLogsDir: null,
    summary: null,
    failures: [],
    failedBuilding: null,
    usageError: null,
    usage: [],
    startupError: null,
    tracebackError: null,
    toolBuildSeconds: null,
    colors: false,
    tail: ['#5 the last line of output'],
    bytes: 1234,
    dropped: { stages: 0, failures: 0, chains: 0, summary: 0, done: 0, failed: 0 },
  };
}

const image = (pkg: string) => `${pkg}:r36.4.tegra-aarch64-cu126-22.04`;

function chain(target: string, status: ChainRecord['status'], failure: number | null = null): ChainRecord {
  return {
    packages: ['build-essential', 'python', target],
    target,
    status,
    image: status === 'success' ? image(target) : null,
    pushedImage: null,
    builtName: status === 'success' ? target : null,
    failure,
    startTime: '2026-06-01T12:00:00.000Z',
    durationSeconds: status === 'running' ? null : 42,
  };
}

function stage(
  target: string,
  name: string,
  phase: 'build' | 'test',
  status: StageRecord['status'],
): StageRecord {
  return {
    target,
    name,
    image: `${image(target)}-${name}`,
    index: 2,
    total: 3,
    phase,
    status,
    startTime: null,
    durationSeconds: null,
  };
}

function failure(over: Partial<ParsedFailure>): ParsedFailure {
  return {
    stage: 'python',
    stageIndex: 2,
    stageCount: 3,
    phase: 'build',
    error: 'ERROR: failed to solve: exit code: 100',
    excerpt: ['#5 ERROR: boom', '[10:00:00] warn 💣 `jetson-containers build` failed after 1.0 seconds'],
    logFile: '/logs/build/02o3_x-python.txt',
    chain: 0,
    target: null,
    rawError: "Command 'docker buildx build ...' returned non-zero exit status 1.",
    unknownPackage: null,
    dockerErrors: ['#5 ERROR: boom'],
    exitStatus: 1,
    ...over,
  };
}

function parse(over: Partial<ParseResult>): ParseResult {
  return { ...empty(), ...over };
}

const input = (over: Partial<OutcomeInput> & { parse: ParseResult }): OutcomeInput => ({
  requested: ['numpy'],
  exitCode: 0,
  signal: null,
  cancelled: false,
  startError: null,
  multiple: false,
  skipErrors: false,
  ...over,
});

interface Row {
  name: string;
  input: OutcomeInput;
  status: 'success' | 'failure' | 'cancelled';
  /** name:status per package, in order. */
  packages: string[];
  images?: string[];
  message: RegExp;
  phase?: string | null;
}

const rows: Row[] = [
  {
    name: 'a chain that built, was tested and pushed',
    input: input({ parse: fromTranscript('success-name-push.txt') }),
    status: 'success',
    packages: ['numpy:success'],
    images: ['runner/numpy:r36.4.tegra-aarch64-cp310-cu126-22.04'],
    message:
      /^Built numpy as runner\/numpy:r36\.4\.tegra-aarch64-cp310-cu126-22\.04 and pushed myuser\/numpy:/,
    phase: null,
  },
  {
    name: 'several packages in one chain share its image',
    input: input({ requested: ['python', 'numpy'], parse: parse({ chains: [chain('numpy', 'success')] }) }),
    status: 'success',
    packages: ['python:success', 'numpy:success'],
    images: [image('numpy')],
    message: /^Built python, numpy into numpy:r36/,
  },
  {
    name: 'a stage whose docker build failed',
    input: input({ exitCode: 1, parse: fromTranscript('chain-build-failure.txt') }),
    status: 'failure',
    packages: ['numpy:failure'],
    images: [],
    message:
      /^numpy failed in stage python \(build 3\/4\): E: Unable to locate package foo \(RUN \/tmp\/build\.sh, exit code: 100\)\.$/,
    phase: 'build',
  },
  {
    name: 'a failed test fails every package of the chain',
    input: input({
      requested: ['numpy', 'opencv'],
      exitCode: 1,
      parse: parse({
        chains: [chain('opencv', 'failure', 0)],
        stages: [stage('opencv', 'numpy', 'test', 'failure')],
        failures: [
          failure({
            stage: 'numpy',
            phase: 'test',
            error: "test 'python3 /test/test.py' failed: AssertionError: bad",
          }),
        ],
      }),
    }),
    status: 'failure',
    packages: ['numpy:failure', 'opencv:failure'],
    message:
      /^numpy, opencv failed in stage numpy \(test 2\/3\): test 'python3 \/test\/test\.py' failed: AssertionError: bad\.$/,
    phase: 'test',
  },
  {
    name: 'an unknown package',
    input: input({
      requested: ['nonexistentpkg'],
      exitCode: 1,
      parse: fromTranscript('unknown-package.txt'),
    }),
    status: 'failure',
    packages: ['nonexistentpkg:failure'],
    message: /^Unknown package nonexistentpkg: jetson-containers couldn't find it\.$/,
    phase: 'resolve',
  },
  {
    name: 'an argparse error (exit 2)',
    input: input({
      exitCode: 2,
      parse: parse({ usage: ['usage: build.py [-h]'], usageError: 'error: unrecognized arguments: --bogus' }),
    }),
    status: 'failure',
    packages: ['numpy:failure'],
    message: /^jetson-containers rejected its arguments: error: unrecognized arguments: --bogus\.$/,
    phase: 'resolve',
  },
  {
    name: 'exit 2 even when the usage text was not seen',
    input: input({ exitCode: 2, parse: parse({}) }),
    status: 'failure',
    packages: ['numpy:failure'],
    message: /^jetson-containers rejected its arguments \(exit 2\)\.$/,
    phase: 'resolve',
  },
  {
    name: 'a command that could not be started',
    input: input({
      exitCode: null,
      startError: 'spawn jetson-containers ENOENT',
      parse: parse({ tail: [] }),
    }),
    status: 'failure',
    packages: ['numpy:failure'],
    message: /^jetson-containers could not be started: spawn jetson-containers ENOENT\.$/,
    phase: 'start',
  },
  {
    name: 'an exception before any build (e.g. --skip-errors without --multiple)',
    input: input({
      exitCode: 1,
      parse: parse({ startupError: 'ValueError: --skip-errors can only be used with --multiple flag' }),
    }),
    status: 'failure',
    packages: ['numpy:failure'],
    message: /stopped before building: ValueError: --skip-errors/,
    phase: 'resolve',
  },
  {
    name: '--multiple without --skip-errors: exits 0 after a failure, later packages never built',
    input: input({
      requested: ['numpy', 'torchvision', 'opencv'],
      multiple: true,
      exitCode: 0,
      parse: parse({
        chains: [chain('numpy', 'success'), chain('torchvision', 'failure', 0)],
        failures: [failure({ chain: 1, target: 'torchvision' })],
      }),
    }),
    status: 'failure',
    packages: ['numpy:success', 'torchvision:failure', 'opencv:not-built'],
    images: [image('numpy')],
    message:
      /^1 of 3 packages built; torchvision failed in stage python \(build 2\/3\): ERROR: failed to solve: exit code: 100; not built: opencv; jetson-containers itself exited 0\.$/,
    phase: 'build',
  },
  {
    name: '--multiple --skip-errors: exits 0 with a FAILED summary line',
    input: input({
      requested: ['numpy', 'build-essential'],
      multiple: true,
      skipErrors: true,
      exitCode: 0,
      parse: parse({
        chains: [chain('numpy', 'failure', 0), chain('build-essential', 'success')],
        failures: [failure({ chain: 0, target: 'numpy' })],
        summary: [
          {
            package: 'numpy',
            image: null,
            status: 'failure',
            error: "Command '...' returned non-zero exit status 1.",
          },
          { package: 'build-essential', image: image('build-essential'), status: 'success', error: null },
        ],
      }),
    }),
    status: 'failure',
    packages: ['numpy:failure', 'build-essential:success'],
    images: [image('build-essential')],
    message: /^1 of 2 packages built; numpy failed in stage python \(build 2\/3\).*itself exited 0\.$/,
    phase: 'build',
  },
  {
    name: 'a summary FAILED line alone is enough to fail',
    input: input({
      requested: ['numpy'],
      multiple: true,
      skipErrors: true,
      parse: parse({ summary: [{ package: 'numpy', image: null, status: 'failure', error: 'boom' }] }),
    }),
    status: 'failure',
    packages: ['numpy:failure'],
    message: /^numpy failed: boom; jetson-containers itself exited 0\.$/,
  },
  {
    name: 'a wildcard counts as the packages the output names',
    input: input({
      requested: ['ros:humble*', 'numpy'],
      multiple: true,
      parse: parse({
        chains: [
          chain('ros:humble-ros-base', 'success'),
          chain('ros:humble-desktop', 'success'),
          chain('numpy', 'success'),
        ],
      }),
    }),
    status: 'success',
    packages: ['ros:humble-ros-base:success', 'ros:humble-desktop:success', 'numpy:success'],
    images: [image('ros:humble-ros-base'), image('ros:humble-desktop'), image('numpy')],
    message: /^All 3 packages built: ros:humble-ros-base, ros:humble-desktop, numpy\.$/,
  },
  {
    name: 'a wildcard that matched nothing and built nothing',
    input: input({ requested: ['ros:foo*'], multiple: true, parse: parse({}) }),
    status: 'failure',
    packages: ['ros:foo*:failure'],
    message:
      /^ros:foo\* failed while resolving packages: the pattern ros:foo\* matched no package; jetson-containers itself exited 0\.$/,
    phase: 'resolve',
  },
  {
    name: 'a wildcard the tool could not find (exit 1)',
    input: input({
      requested: ['ros:foo*', 'numpy'],
      multiple: true,
      exitCode: 1,
      parse: parse({
        failures: [
          failure({
            chain: null,
            phase: 'resolve',
            stage: null,
            unknownPackage: 'ros:foo*',
            error: "couldn't find package: ros:foo*",
          }),
        ],
      }),
    }),
    status: 'failure',
    packages: ['ros:foo*:failure', 'numpy:not-built'],
    message: /^Unknown package ros:foo\*/,
    phase: 'resolve',
  },
  {
    name: 'cancelled by the action (the tool exits 130)',
    input: input({
      cancelled: true,
      exitCode: 130,
      parse: parse({
        chains: [chain('numpy', 'running')],
        stages: [stage('numpy', 'python', 'build', 'running')],
      }),
    }),
    status: 'cancelled',
    packages: ['numpy:cancelled'],
    images: [],
    message: /^Build cancelled while building numpy \(stage python, build 2\/3\)\.$/,
  },
  {
    name: 'cancelled under --multiple: done stays done, the running one is cancelled, the rest not built',
    input: input({
      requested: ['numpy', 'opencv', 'torchvision'],
      multiple: true,
      cancelled: true,
      exitCode: null,
      signal: 'SIGINT',
      parse: parse({ chains: [chain('numpy', 'success'), chain('opencv', 'running')] }),
    }),
    status: 'cancelled',
    packages: ['numpy:success', 'opencv:cancelled', 'torchvision:not-built'],
    images: [image('numpy')],
    message: /^Build cancelled while building opencv; 1 of 3 packages built\.$/,
  },
  {
    name: 'killed by someone else (exit 143 without our cancel)',
    input: input({
      exitCode: 143,
      parse: parse({
        chains: [chain('numpy', 'running')],
        stages: [stage('numpy', 'python', 'build', 'running')],
      }),
    }),
    status: 'failure',
    packages: ['numpy:failure'],
    message:
      /^jetson-containers was killed by SIGTERM \(exit 143\) while building numpy in stage python \(build 2\/3\)\.$/,
    phase: 'build',
  },
  {
    name: 'killed by a signal with no exit code',
    input: input({
      exitCode: null,
      signal: 'SIGKILL',
      parse: parse({ chains: [chain('numpy', 'running')] }),
    }),
    status: 'failure',
    packages: ['numpy:failure'],
    message: /^jetson-containers was killed by SIGKILL while building numpy\.$/,
  },
  {
    name: 'an old version that exits 0 for a failed chain',
    input: input({ exitCode: 0, parse: fromTranscript('chain-build-failure.txt') }),
    status: 'failure',
    packages: ['numpy:failure'],
    message: /^numpy failed in stage python \(build 3\/4\): .*; jetson-containers itself exited 0\.$/,
    phase: 'build',
  },
  {
    name: 'exit 0 but a requested package was never reported done',
    input: input({
      requested: ['numpy', 'opencv'],
      multiple: true,
      parse: parse({ chains: [chain('numpy', 'success')] }),
    }),
    status: 'failure',
    packages: ['numpy:success', 'opencv:failure'],
    message:
      /^1 of 2 packages built; opencv failed: jetson-containers exited 0 but never built or reported it\.$/,
    phase: 'unknown',
  },
  {
    name: 'exit 0 while the chain never finished (output cut short)',
    input: input({
      parse: parse({
        chains: [chain('numpy', 'running')],
        stages: [stage('numpy', 'numpy', 'test', 'running')],
      }),
    }),
    status: 'failure',
    packages: ['numpy:failure'],
    message:
      /^numpy failed in stage numpy \(test 2\/3\): jetson-containers exited 0 without reporting it done\.$/,
    phase: 'test',
  },
  {
    name: 'every package done but a non-zero exit',
    input: input({ exitCode: 1, parse: parse({ chains: [chain('numpy', 'success')] }) }),
    status: 'failure',
    packages: ['numpy:success'],
    message: /^All packages reported done but jetson-containers ended with exit 1\.$/,
  },
  {
    name: 'a wildcard in a single chain names the chain elements it matched',
    input: input({
      requested: ['ros:humble*'],
      parse: parse({
        chains: [{ ...chain('ros:humble-desktop', 'success'), packages: ['python', 'ros:humble-desktop'] }],
      }),
    }),
    status: 'success',
    packages: ['ros:humble-desktop:success'],
    message: /^Built ros:humble-desktop as ros:humble-desktop:r36/,
  },
  {
    name: 'an alias resolves to the tagged package under --multiple',
    input: input({
      requested: ['pytorch'],
      multiple: true,
      parse: parse({ chains: [chain('pytorch:2.8', 'success')] }),
    }),
    status: 'success',
    packages: ['pytorch:success'],
    images: [image('pytorch:2.8')],
    message: /^Built pytorch as pytorch:2\.8:r36/,
  },
  {
    name: 'a chain that built another package is no success for the one requested',
    input: input({
      requested: ['numpy'],
      parse: parse({ chains: [{ ...chain('torch', 'success'), packages: ['build-essential', 'torch'] }] }),
    }),
    status: 'failure',
    packages: ['numpy:failure'],
    images: [],
    message:
      /^numpy failed: jetson-containers never reported numpy done; it built torch, which no requested name matches; jetson-containers itself exited 0\.$/,
  },
  {
    name: 'under --multiple a leftover chain is not taken for a requested package it does not name',
    input: input({
      requested: ['numpy', 'opencv'],
      multiple: true,
      parse: parse({ chains: [chain('opencv', 'success'), chain('torch', 'success')] }),
    }),
    status: 'failure',
    packages: ['numpy:failure', 'opencv:success'],
    images: [image('opencv')],
    message:
      /^1 of 2 packages built; numpy failed: jetson-containers never reported numpy done; it built torch, which no requested name matches; jetson-containers itself exited 0\.$/,
  },
  {
    name: 'under --multiple an alias (torch → pytorch:2.11) takes the chain built in its place in the request order',
    input: input({
      requested: ['numpy', 'torch', 'opencv'],
      multiple: true,
      parse: parse({
        chains: [chain('numpy', 'success'), chain('pytorch:2.11', 'success'), chain('opencv', 'success')],
      }),
    }),
    status: 'success',
    packages: ['numpy:success', 'torch:success', 'opencv:success'],
    images: [image('numpy'), image('pytorch:2.11'), image('opencv')],
    message: /^All 3 packages built: numpy, torch, opencv\.$/,
  },
  {
    name: 'under --multiple an alias never takes a chain from across a package the output names',
    input: input({
      requested: ['torch', 'numpy'],
      multiple: true,
      exitCode: 0,
      parse: parse({ chains: [chain('numpy', 'success'), chain('pytorch:2.11', 'success')] }),
    }),
    status: 'failure',
    packages: ['torch:failure', 'numpy:success'],
    images: [image('numpy')],
    message:
      /^1 of 2 packages built; torch failed: jetson-containers never reported torch done; it built pytorch:2\.11/,
  },
  {
    name: 'a default version resolved in the single chain (pytorch → pytorch:2.8) still counts',
    input: input({
      requested: ['pytorch', 'numpy'],
      parse: parse({
        chains: [{ ...chain('pytorch:2.8', 'success'), packages: ['python', 'numpy', 'pytorch:2.8'] }],
      }),
    }),
    status: 'success',
    packages: ['pytorch:success', 'numpy:success'],
    message: /^Built pytorch, numpy into pytorch:2\.8:r36/,
  },
  {
    name: 'with --name the done line names the image, the chain names the package',
    input: input({
      requested: ['numpy'],
      parse: parse({
        chains: [
          {
            ...chain('numpy', 'success'),
            builtName: 'my-image',
            image: 'my-image:r36.4.tegra-aarch64-cu126-22.04',
          },
        ],
      }),
    }),
    status: 'success',
    packages: ['numpy:success'],
    message: /^Built numpy as my-image:r36/,
  },
];

describe('decideOutcome', () => {
  it.each(rows)('$name', (row) => {
    const out = decideOutcome(row.input);
    expect(out.status).toBe(row.status);
    expect(out.packages.map((p) => `${p.name}:${p.status}`)).toEqual(row.packages);
    expect(out.message).toMatch(row.message);
    if (row.images) expect(out.images).toEqual(row.images);
    if (row.phase !== undefined) expect(out.failure?.phase ?? null).toBe(row.phase);
    expect(out.failedPackages).toEqual(out.packages.filter((p) => p.status === 'failure').map((p) => p.name));
    // Every failed package says why; nothing else carries a failure point.
    for (const p of out.packages) {
      if (p.status === 'failure') expect(p.failure).not.toBeNull();
      if (p.status === 'success') expect(p.failure).toBeNull();
    }
    if (out.status === 'success') expect(out.failure).toBeNull();
    else if (out.status === 'failure') expect(out.failure).not.toBeNull();
    // One sentence.
    expect(out.message.endsWith('.')).toBe(true);
    expect(out.message.includes('\n')).toBe(false);
  });

  it('keeps the failing stage log file and excerpt on the package', () => {
    const out = decideOutcome(input({ exitCode: 1, parse: fromTranscript('chain-build-failure.txt') }));
    expect(out.packages[0]?.failure).toMatchObject({
      stage: 'python',
      stageIndex: 3,
      stageCount: 4,
      logFile: '/home/runner/_work/jc-logs/build/03o4_numpy_r36.4.tegra-aarch64-cu126-22.04-python.txt',
    });
    expect(out.packages[0]?.failure?.excerpt).toContain('#5 12.34 E: Unable to locate package foo');
    expect(out.packages[0]?.durationSeconds).toBeGreaterThan(0);
  });

  it('closes the stage left running: cancelled on cancel, failed otherwise', () => {
    const running = parse({
      chains: [chain('numpy', 'running')],
      stages: [stage('numpy', 'python', 'build', 'running')],
    });
    expect(decideOutcome(input({ cancelled: true, exitCode: 130, parse: running })).stages[0]?.status).toBe(
      'cancelled',
    );
    expect(decideOutcome(input({ exitCode: 143, parse: running })).stages[0]?.status).toBe('failure');
    // The input is not modified.
    expect(running.stages[0]?.status).toBe('running');
  });

  it('uses the tool’s own package list when none was passed', () => {
    const out = decideOutcome(input({ requested: [], parse: fromTranscript('success-name-push.txt') }));
    expect(out.packages.map((p) => p.name)).toEqual(['numpy']);
    expect(out.status).toBe('success');
  });
});

describe('the real upstream console of an alias under --multiple', () => {
  it('`--multiple torch numpy`: upstream prints only pytorch:2.11, torch still counts as built', () => {
    const parse = fromTranscript('upstream/f-multiple-alias-simulate.txt');
    const out = decideOutcome({
      parse,
      requested: ['torch', 'numpy'],
      exitCode: 0,
      signal: null,
      cancelled: false,
      startError: null,
      multiple: true,
      skipErrors: true,
    });
    expect(out.status).toBe('success');
    expect(out.packages.map((p) => `${p.name} ${p.status} ${p.image}`)).toEqual([
      'torch success pytorch:2.11-r36.4.tegra-aarch64-cu126-22.04',
      'numpy success numpy:r36.4.tegra-aarch64-cu126-22.04',
    ]);
  });
});
