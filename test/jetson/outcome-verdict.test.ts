// The verdict sentence when several things went wrong at once, the fields of packages never reached, and
// which stage a message names when stages ended out of order.
import { describe, expect, it } from 'vitest';
import { image, parse, chain, running, failure, decide, statuses } from '../support/outcome.js';
import type { StageRecord } from '../../src/report/build-report.js';

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
