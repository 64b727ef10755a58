// The verdict sentence when several things went wrong at once, the fields of packages never reached, and
// which stage a message names when stages ended out of order.
import { describe, expect, it } from 'vitest';
import { decideOutcome, type Outcome, type OutcomeInput } from '../../src/jetson/outcome.js';
import type { ChainRecord, ParsedFailure, ParseResult } from '../../src/jetson/parse/index.js';
import type { StageRecord } from '../../src/report/build-report.js';

const TAG = 'r36.4.tegra-aarch64-cu126-22.04';
const image = (pkg: string) => `${pkg}:${TAG}`;

function parse(over: Partial<ParseResult> = {}): ParseResult {
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
    tail: ['#9 the last line'],
    bytes: 100,
    dropped: { stages: 0, failures: 0, chains: 0, summary: 0, done: 0, failed: 0 },
    ...over,
  };
}

function chain(target: string, status: ChainRecord['status'], over: Partial<ChainRecord> = {}): ChainRecord {
  return {
    packages: ['build-essential', target],
    target,
    status,
    image: status === 'success' ? image(target) : null,
    pushedImage: null,
    builtName: status === 'success' ? target : null,
    failure: null,
    startTime: '2026-06-01T12:00:00.000Z',
    durationSeconds: status === 'running' ? null : 42,
    ...over,
  };
}

function running(target: string, name = 'python', phase: 'build' | 'test' = 'build'): StageRecord {
  return {
    target,
    name,
    image: `${image(target)}-${name}`,
    index: 2,
    total: 3,
    phase,
    status: 'running',
    startTime: null,
    durationSeconds: null,
  };
}

function failure(over: Partial<ParsedFailure> = {}): ParsedFailure {
  return {
    stage: 'python',
    stageIndex: 2,
    stageCount: 3,
    phase: 'build',
    error: 'E: Unable to locate package foo',
    excerpt: ['#5 E: Unable to locate package foo'],
    logFile: '/logs/build/02o3_python.txt',
    chain: 0,
    target: null,
    rawError: null,
    unknownPackage: null,
    dockerErrors: [],
    exitStatus: 1,
    ...over,
  };
}

function decide(over: Partial<OutcomeInput> & { parse: ParseResult }): Outcome {
  return decideOutcome({
    requested: ['numpy'],
    exitCode: 0,
    signal: null,
    cancelled: false,
    startError: null,
    multiple: false,
    skipErrors: false,
    ...over,
  });
}

const statuses = (o: Outcome) => o.packages.map((p) => `${p.name}:${p.status}`);

describe('when several things went wrong', () => {
  it('an unknown package after a failed build: the build failure leads', () => {
    const out = decide({
      requested: ['numpy', 'nope'],
      multiple: true,
      skipErrors: true,
      exitCode: 1,
      parse: parse({
        chains: [chain('numpy', 'failure', { failure: 0 })],
        failures: [
          failure({ error: 'boom' }),
          failure({
            chain: null,
            phase: 'resolve',
            stage: null,
            unknownPackage: 'nope',
            error: "couldn't find package: nope",
          }),
        ],
      }),
    });
    expect(statuses(out)).toEqual(['numpy:failure', 'nope:failure']);
    expect(out.message).toBe(
      '0 of 2 packages built; numpy failed in stage python (build 2/3): boom; also failed: nope.',
    );
  });

  it('an argument error is one whatever the exit code', () => {
    const out = decide({ exitCode: 1, parse: parse({ usageError: 'error: bad flag' }) });
    expect(out.message).toBe('jetson-containers rejected its arguments: error: bad flag.');
  });

  it('a chain failure without its own record is not given another failure’s record', () => {
    const out = decide({
      exitCode: 1,
      parse: parse({
        chains: [chain('numpy', 'failure')],
        failures: [failure({ chain: null, error: 'first' }), failure({ chain: null, error: 'second' })],
      }),
    });
    expect(out.packages[0]?.failure?.error).toBe('jetson-containers reported a failure');
  });

  it('killed after a failure that carries no error text: names the killed package', () => {
    const out = decide({
      requested: ['a', 'b'],
      multiple: true,
      skipErrors: true,
      signal: 'SIGKILL',
      exitCode: null,
      parse: parse({
        chains: [chain('a', 'failure', { failure: 0 }), chain('b', 'running')],
        failures: [failure({ error: null })],
      }),
    });
    expect(out.message).toBe('jetson-containers was killed by SIGKILL while building b.');
  });
});

describe('packages never reached', () => {
  it('carry no image, push or duration', () => {
    const out = decide({
      requested: ['numpy', 'opencv'],
      multiple: true,
      parse: parse({ chains: [chain('numpy', 'failure', { failure: 0 })], failures: [failure()] }),
    });
    expect(out.packages[1]).toEqual({
      name: 'opencv',
      status: 'not-built',
      image: null,
      pushedImage: null,
      durationSeconds: null,
      failure: null,
    });
  });

  it('a pattern in a single chain that never started', () => {
    const out = decide({ requested: ['ros:*'], exitCode: 1, parse: parse() });
    expect(statuses(out)).toEqual(['ros:*:failure']);
    expect(out.message).toBe('ros:* failed: jetson-containers stopped (exit 1) before building it.');
  });
});

describe('the stage still running, not the last one listed', () => {
  const stages = (): StageRecord[] => [
    running('numpy', 'numpy', 'test'),
    { ...running('numpy', 'python'), index: 3, status: 'success' },
  ];

  it('in a failure', () => {
    const out = decide({
      exitCode: 1,
      parse: parse({ chains: [chain('numpy', 'running')], stages: stages() }),
    });
    expect(out.message).toBe(
      'numpy failed in stage numpy (test 2/3): jetson-containers stopped (exit 1) without reporting it done or failed.',
    );
  });

  it('in a cancel', () => {
    const out = decide({
      cancelled: true,
      parse: parse({ chains: [chain('numpy', 'running')], stages: stages() }),
    });
    expect(out.message).toBe('Build cancelled while building numpy (stage numpy, test 2/3).');
  });
});

describe('aliases side by side under --multiple', () => {
  it('two aliases in a row take the two chains in order (torch tf → pytorch:2.8, tensorflow:2.16)', () => {
    const out = decide({
      requested: ['torch', 'tf'],
      multiple: true,
      parse: parse({ chains: [chain('pytorch:2.8', 'success'), chain('tensorflow:2.16', 'success')] }),
    });
    expect(out.status).toBe('success');
    expect(out.packages.map((p) => `${p.name}=${p.image}`)).toEqual([
      `torch=${image('pytorch:2.8')}`,
      `tf=${image('tensorflow:2.16')}`,
    ]);
  });
});
