// Pins the status rules a user reads in every notification: the exact sentence, the status of each package,
// the failure point and the images, for the cases the main table (outcome.test.ts) leaves open.
import { describe, expect, it } from 'vitest';
import { image, parse, chain, running, failure, ok, failed, decide, statuses } from '../support/outcome.js';

describe('a single chain', () => {
  it('a wildcard that matched nothing in a built chain is no success (numpy ros:foo*)', () => {
    const out = decide({
      requested: ['numpy', 'ros:foo*'],
      parse: parse({ chains: [chain('numpy', 'success')] }),
    });
    expect(out.status).toBe('failure');
    expect(statuses(out)).toEqual(['numpy:success', 'ros:foo*:failure']);
    expect(out.message).toBe(
      'ros:foo* failed while resolving packages: the pattern ros:foo* matched no package that was built; jetson-containers itself exited 0.',
    );
    expect(out.failure).toMatchObject({ phase: 'resolve', stage: null, excerpt: [] });
    expect(out.images).toEqual([image('numpy')]);
  });

  it('a wildcard in a failed chain shares the chain’s failure', () => {
    const out = decide({
      requested: ['ros:foo*'],
      exitCode: 1,
      parse: parse({ chains: [chain('numpy', 'failure', { failure: 0 })], failures: [failure()] }),
    });
    expect(statuses(out)).toEqual(['ros:foo*:failure']);
    expect(out.message).toBe('ros:foo* failed in stage python (build 2/3): E: Unable to locate package foo.');
  });

  it('a name and a wildcard matching the same package list it once', () => {
    const out = decide({
      requested: ['numpy', 'n*', 'build-*'],
      parse: parse({ chains: [chain('numpy', 'success')] }),
    });
    expect(statuses(out)).toEqual(['numpy:success', 'build-essential:success']);
    expect(out.message).toBe(`Built numpy, build-essential into ${image('numpy')}.`);
  });

  it('another tag of the package is not the package asked for', () => {
    const out = decide({
      requested: ['pytorch:2.7'],
      parse: parse({ chains: [chain('pytorch:2.8', 'success')] }),
    });
    expect(out.status).toBe('failure');
    expect(out.message).toBe(
      'pytorch:2.7 failed: jetson-containers never reported pytorch:2.7 done; it built pytorch:2.8, which no requested name matches; jetson-containers itself exited 0.',
    );
    expect(out.failure).toMatchObject({ phase: 'unknown', excerpt: ['#9 the last line'] });
  });

  it.each([
    ['py', ['build-essential', 'pytorch:2.8'], null, 'failure'],
    ['pytorch', ['build-essential', 'pytorch:2.8'], null, 'success'],
    ['pytorch', ['build-essential', 'pytorch-extra'], null, 'failure'],
    ['torch', ['build-essential', 'torch-base'], 'torch', 'success'],
    ['torch', ['build-essential', 'torch-base'], 'torch:2.8', 'success'],
    ['torch', ['build-essential', 'torch-base'], 'my-image', 'failure'],
    ['ros:humble', ['ros:humble:x'], null, 'failure'],
  ])('%s in a chain of %j built as %s: %s', (name, packages, builtName, status) => {
    const out = decide({
      requested: [name],
      parse: parse({ chains: [{ ...chain('x', 'success'), packages, builtName }] }),
    });
    expect(out.status).toBe(status);
  });

  it('a chain whose failure has no record still names the running stage', () => {
    const out = decide({
      exitCode: 1,
      parse: parse({ chains: [chain('numpy', 'failure')], stages: [running('numpy', 'numpy', 'test')] }),
    });
    expect(out.message).toBe('numpy failed in stage numpy (test 2/3): jetson-containers reported a failure.');
    expect(out.failure).toMatchObject({
      stage: 'numpy',
      stageIndex: 2,
      stageCount: 3,
      excerpt: ['#9 the last line'],
    });
  });

  it('a chain cut off with exit 1', () => {
    const out = decide({ exitCode: 1, parse: parse({ chains: [chain('numpy', 'running')] }) });
    expect(out.message).toBe(
      'numpy failed: jetson-containers stopped (exit 1) without reporting it done or failed.',
    );
    expect(out.failure).toMatchObject({ stage: null, phase: 'unknown', logFile: null });
  });

  it('a chain cut off without any exit code', () => {
    const out = decide({ exitCode: null, parse: parse({ chains: [chain('numpy', 'running')] }) });
    expect(out.message).toBe(
      'numpy failed: jetson-containers stopped (no exit code) without reporting it done or failed.',
    );
  });

  it('nothing requested and nothing named: "the build failed"', () => {
    const out = decide({ requested: [], exitCode: 1, parse: parse() });
    expect(out.status).toBe('failure');
    expect(out.packages).toEqual([]);
    expect(out.message).toBe('the build failed.');
    expect(out.failure).toMatchObject({ stage: null, phase: 'unknown', error: 'the build failed' });
  });

  it('names at most five failed packages, then counts the rest', () => {
    const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const out = decide({
      requested: names,
      exitCode: 1,
      parse: parse({
        chains: [{ ...chain('g', 'failure', { failure: 0 }), packages: names }],
        failures: [failure({ error: null })],
      }),
    });
    expect(out.message).toBe('a, b, c, d, e and 2 more failed in stage python (build 2/3).');
    expect(out.failedPackages).toEqual(names);
  });

  it('five failed packages are all named', () => {
    const names = ['a', 'b', 'c', 'd', 'e'];
    const out = decide({
      requested: names,
      exitCode: 1,
      parse: parse({
        chains: [{ ...chain('e', 'failure', { failure: 0 }), packages: names }],
        failures: [failure({ error: null, stage: null, phase: 'build' })],
      }),
    });
    expect(out.message).toBe('a, b, c, d, e failed in build.');
  });
});

describe('success messages', () => {
  it('one package without an image', () => {
    const out = decide({ parse: parse({ chains: [chain('numpy', 'success', { image: null })] }) });
    expect(out.message).toBe('Built numpy.');
    expect(out.images).toEqual([]);
  });

  it('one package pushed', () => {
    const out = decide({
      parse: parse({ chains: [chain('numpy', 'success', { pushedImage: 'me/numpy:tag' })] }),
    });
    expect(out.message).toBe(`Built numpy as ${image('numpy')} and pushed me/numpy:tag.`);
    expect(out.packages[0]).toMatchObject({ pushedImage: 'me/numpy:tag', durationSeconds: 42 });
  });

  it('several packages without images', () => {
    const out = decide({
      requested: ['numpy', 'opencv'],
      multiple: true,
      parse: parse({
        chains: [chain('numpy', 'success', { image: null }), chain('opencv', 'success', { image: null })],
      }),
    });
    expect(out.message).toBe('All 2 packages built: numpy, opencv.');
  });

  it('records past the caps are counted in a note', () => {
    const out = decide({
      parse: parse({
        chains: [chain('numpy', 'success')],
        dropped: { stages: 5, failures: 0, chains: 2, summary: 1, done: 7, failed: 0 },
      }),
    });
    expect(out.status).toBe('success');
    expect(out.message).toBe(
      `Built numpy as ${image('numpy')}. The output named more packages than were requested; 3 of their records were not kept.`,
    );
  });
});

describe('killed by someone else', () => {
  it('exit 137 is SIGKILL', () => {
    const out = decide({
      exitCode: 137,
      parse: parse({ chains: [chain('numpy', 'running')], stages: [running('numpy')] }),
    });
    expect(out.message).toBe(
      'jetson-containers was killed by SIGKILL (exit 137) while building numpy in stage python (build 2/3).',
    );
    expect(out.packages[0]?.failure?.error).toBe('jetson-containers was killed by SIGKILL');
    expect(out.stages[0]?.status).toBe('failure');
  });

  it.each([
    [129, 'SIGHUP'],
    [130, 'SIGINT'],
    [143, 'SIGTERM'],
  ])('exit %i is %s', (code, name) => {
    const out = decide({ exitCode: code, parse: parse({ chains: [chain('numpy', 'running')] }) });
    expect(out.message).toBe(`jetson-containers was killed by ${name} (exit ${code}) while building numpy.`);
  });

  it('exit 1 and exit 131 are no kill', () => {
    for (const code of [1, 131]) {
      const out = decide({ exitCode: code, parse: parse({ chains: [chain('numpy', 'running')] }) });
      expect(out.message).toBe(
        `numpy failed: jetson-containers stopped (exit ${code}) without reporting it done or failed.`,
      );
    }
  });

  it('SIGKILL under --multiple: what was done stays done, the one running failed, the rest not built', () => {
    const out = decide({
      requested: ['numpy', 'opencv', 'torch'],
      multiple: true,
      exitCode: null,
      signal: 'SIGKILL',
      parse: parse({
        chains: [chain('numpy', 'success'), chain('opencv', 'running')],
        stages: [running('opencv')],
      }),
    });
    expect(statuses(out)).toEqual(['numpy:success', 'opencv:failure', 'torch:not-built']);
    expect(out.message).toBe(
      'jetson-containers was killed by SIGKILL while building opencv in stage python (build 2/3).',
    );
    expect(out.images).toEqual([image('numpy')]);
    expect(out.failure).toMatchObject({
      stage: 'python',
      phase: 'build',
      error: 'jetson-containers was killed by SIGKILL',
    });
  });

  it('killed before any chain: nothing is blamed on a package', () => {
    const out = decide({ requested: ['numpy', 'opencv'], multiple: true, exitCode: 143, parse: parse() });
    expect(statuses(out)).toEqual(['numpy:not-built', 'opencv:not-built']);
    expect(out.message).toBe('jetson-containers was killed by SIGTERM (exit 143).');
    expect(out.failure).toMatchObject({
      stage: null,
      phase: 'unknown',
      error: 'jetson-containers was killed by SIGTERM (exit 143)',
      excerpt: ['#9 the last line'],
    });
  });

  it('exit 0 after a kill signal does not add "itself exited 0"', () => {
    const out = decide({
      exitCode: 0,
      signal: 'SIGTERM',
      parse: parse({ chains: [chain('numpy', 'running')] }),
    });
    expect(out.message).toBe('jetson-containers was killed by SIGTERM while building numpy.');
  });

  it('a kill after every package was done is still a failure', () => {
    const out = decide({ exitCode: 137, parse: parse({ chains: [chain('numpy', 'success')] }) });
    expect(out.status).toBe('failure');
    expect(out.message).toBe('jetson-containers was killed by SIGKILL (exit 137).');
  });
});

describe('cancelled', () => {
  it('a cancel wins over exit codes that look like a kill, and is not blamed on anyone', () => {
    const out = decide({
      cancelled: true,
      exitCode: 143,
      parse: parse({ chains: [chain('numpy', 'running')], stages: [running('numpy')] }),
    });
    expect(out.status).toBe('cancelled');
    expect(out.packages[0]).toMatchObject({ status: 'cancelled', failure: null });
    expect(out.failure).toBeNull();
    expect(out.stages[0]?.status).toBe('cancelled');
  });

  it('a cancel before any chain: every package cancelled', () => {
    const out = decide({ requested: ['numpy', 'opencv'], cancelled: true, exitCode: 2, parse: parse() });
    expect(out.status).toBe('cancelled');
    expect(statuses(out)).toEqual(['numpy:cancelled', 'opencv:cancelled']);
    expect(out.message).toBe('Build cancelled while building numpy; 0 of 2 packages built.');
  });

  it('a cancel under --multiple before any chain: every package cancelled', () => {
    const out = decide({ requested: ['numpy', 'opencv'], multiple: true, cancelled: true, parse: parse() });
    expect(statuses(out)).toEqual(['numpy:cancelled', 'opencv:cancelled']);
  });

  it('a cancel after the last chain was done', () => {
    const out = decide({
      cancelled: true,
      exitCode: 130,
      parse: parse({ chains: [chain('numpy', 'success')] }),
    });
    expect(out.status).toBe('cancelled');
    expect(out.message).toBe('Build cancelled.');
  });

  it('a cancel during a failure still reports cancelled, with the failure point', () => {
    const out = decide({
      cancelled: true,
      exitCode: 130,
      parse: parse({ chains: [chain('numpy', 'failure', { failure: 0 })], failures: [failure()] }),
    });
    expect(out.status).toBe('cancelled');
    expect(out.message).toBe('Build cancelled.');
    expect(out.failure).toMatchObject({ stage: 'python', error: 'E: Unable to locate package foo' });
  });
});

describe('argument and start-up errors', () => {
  it('keeps the last 40 usage lines as the excerpt', () => {
    const usage = Array.from({ length: 45 }, (_, i) => `usage line ${i + 1}`);
    const out = decide({ exitCode: 2, parse: parse({ usage, usageError: 'error: bad' }) });
    expect(out.failure?.excerpt).toHaveLength(40);
    expect(out.failure?.excerpt[0]).toBe('usage line 6');
    expect(out.failure?.error).toBe('error: bad');
    expect(out.packages[0]?.failure?.phase).toBe('resolve');
  });

  it('without usage lines the excerpt is the tail', () => {
    const out = decide({ exitCode: 2, parse: parse() });
    expect(out.failure?.excerpt).toEqual(['#9 the last line']);
    expect(out.failure?.error).toBe('argument error (exit 2)');
  });

  it('exit 2 after something was built is a build failure, not an argument error', () => {
    const out = decide({ exitCode: 2, parse: parse({ chains: [chain('numpy', 'running')] }) });
    expect(out.message).toBe(
      'numpy failed: jetson-containers stopped (exit 2) without reporting it done or failed.',
    );
  });

  it('exit 2 with a failure recorded is a build failure, not an argument error', () => {
    const out = decide({
      exitCode: 2,
      parse: parse({ failures: [failure({ chain: null, error: 'boom' })] }),
    });
    expect(out.message).toBe('numpy failed in stage python (build 2/3): boom.');
  });

  it('a start-up exception after a build started is not "stopped before building"', () => {
    const out = decide({
      exitCode: 1,
      parse: parse({ startupError: 'ValueError: x', chains: [chain('numpy', 'running')] }),
    });
    expect(out.message).toBe(
      'numpy failed: jetson-containers stopped (exit 1) without reporting it done or failed.',
    );
  });

  it('a start-up exception with a failure recorded is that failure', () => {
    const out = decide({
      exitCode: 1,
      parse: parse({ startupError: 'ValueError: x', failures: [failure({ chain: null, error: 'boom' })] }),
    });
    expect(out.message).toBe('numpy failed in stage python (build 2/3): boom.');
  });

  it('a start-up exception while cancelling is a cancel', () => {
    const out = decide({ cancelled: true, exitCode: 1, parse: parse({ startupError: 'ValueError: x' }) });
    expect(out.status).toBe('cancelled');
  });

  it('a start-up exception keeps the tail as the excerpt', () => {
    const out = decide({ exitCode: 1, parse: parse({ startupError: 'ValueError: x' }) });
    expect(out.failure).toMatchObject({
      phase: 'resolve',
      error: 'ValueError: x',
      excerpt: ['#9 the last line'],
    });
  });

  it('a command that could not start: every package failed to start', () => {
    const out = decide({ requested: ['a', 'b'], exitCode: null, startError: 'EACCES', parse: parse() });
    expect(out.packages.map((p) => p.failure)).toEqual([
      {
        stage: null,
        stageIndex: null,
        stageCount: null,
        phase: 'start',
        error: 'EACCES',
        excerpt: [],
        logFile: null,
      },
      {
        stage: null,
        stageIndex: null,
        stageCount: null,
        phase: 'start',
        error: 'EACCES',
        excerpt: [],
        logFile: null,
      },
    ]);
    expect(out.packages[0]).toMatchObject({ image: null, pushedImage: null, durationSeconds: null });
  });
});

describe('"no failure marker appeared" decides', () => {
  it('every package done and exit 0, but a failure was recorded: failure', () => {
    const out = decide({
      parse: parse({ chains: [chain('numpy', 'success')], failures: [failure({ chain: null })] }),
    });
    expect(out.status).toBe('failure');
    expect(out.message).toBe(
      'All packages reported done but jetson-containers also reported a failure in stage python (build 2/3): E: Unable to locate package foo; jetson-containers itself exited 0.',
    );
  });

  it('a failure with no stage and no error', () => {
    const out = decide({
      parse: parse({
        chains: [chain('numpy', 'success')],
        failures: [failure({ chain: null, stage: null, phase: 'unknown', error: null })],
      }),
    });
    expect(out.message).toBe(
      'All packages reported done but jetson-containers also reported a failure; jetson-containers itself exited 0.',
    );
  });

  it('a failure with an error but no stage', () => {
    const out = decide({
      parse: parse({
        chains: [chain('numpy', 'success')],
        failures: [failure({ chain: null, stage: null, phase: 'unknown', error: 'boom' })],
      }),
    });
    expect(out.message).toBe(
      'All packages reported done but jetson-containers also reported a failure: boom; jetson-containers itself exited 0.',
    );
  });

  it('a failed summary line of a package not requested: failure', () => {
    const out = decide({
      multiple: true,
      skipErrors: true,
      parse: parse({ chains: [chain('numpy', 'success')], summary: [ok('numpy'), failed('other', 'boom')] }),
    });
    expect(out.status).toBe('failure');
    expect(out.message).toBe(
      'All packages reported done but jetson-containers also reported a failure; jetson-containers itself exited 0.',
    );
  });

  it('one failure not recorded', () => {
    const out = decide({
      parse: parse({
        chains: [chain('numpy', 'success')],
        dropped: { stages: 0, failures: 0, chains: 0, summary: 0, done: 0, failed: 1 },
      }),
    });
    expect(out.status).toBe('failure');
    expect(out.message).toBe(
      'All packages reported done but jetson-containers also reported a failure; 1 more package failed that was not recorded (the output named more packages than were requested); jetson-containers itself exited 0.',
    );
  });

  it('two failures not recorded, exit 1', () => {
    const out = decide({
      exitCode: 1,
      parse: parse({
        chains: [chain('numpy', 'success')],
        dropped: { stages: 0, failures: 0, chains: 0, summary: 0, done: 0, failed: 2 },
      }),
    });
    expect(out.message).toBe(
      'All packages reported done but jetson-containers also reported a failure; 2 more packages failed that were not recorded (the output named more packages than were requested).',
    );
  });

  it('every package done, exit 0, no marker: success', () => {
    const out = decide({ parse: parse({ chains: [chain('numpy', 'success')], summary: [ok('numpy')] }) });
    expect(out.status).toBe('success');
  });

  it('done with a signal but exit 0 is no success', () => {
    const out = decide({
      cancelled: false,
      signal: 'SIGPIPE',
      parse: parse({ chains: [chain('numpy', 'success')] }),
    });
    expect(out.status).toBe('failure');
    expect(out.message).toBe('jetson-containers was killed by SIGPIPE.');
  });
});

describe('--multiple', () => {
  it('a single alias (torch → pytorch:2.8) that succeeded is a success', () => {
    const out = decide({
      requested: ['torch'],
      multiple: true,
      parse: parse({ chains: [chain('pytorch:2.8', 'success')] }),
    });
    expect(out.status).toBe('success');
    expect(out.packages[0]).toMatchObject({ name: 'torch', status: 'success', image: image('pytorch:2.8') });
    expect(out.message).toBe(`Built torch as ${image('pytorch:2.8')}.`);
  });

  it('aliases pair with the leftover chains in request order', () => {
    const out = decide({
      requested: ['torch', 'numpy', 'tf', 'jax', 'opencv'],
      multiple: true,
      parse: parse({
        chains: [
          chain('pytorch:2.8', 'success'),
          chain('numpy', 'success'),
          chain('tensorflow:2.16', 'success'),
          chain('jax:0.6', 'success'),
          chain('opencv', 'success'),
        ],
      }),
    });
    expect(out.status).toBe('success');
    expect(out.packages.map((p) => `${p.name}=${p.image}`)).toEqual([
      `torch=${image('pytorch:2.8')}`,
      `numpy=${image('numpy')}`,
      `tf=${image('tensorflow:2.16')}`,
      `jax=${image('jax:0.6')}`,
      `opencv=${image('opencv')}`,
    ]);
  });

  it('an alias at the end takes the chain after its named neighbour only', () => {
    const out = decide({
      requested: ['numpy', 'torch'],
      multiple: true,
      parse: parse({ chains: [chain('pytorch:2.8', 'success'), chain('numpy', 'success')] }),
    });
    expect(statuses(out)).toEqual(['numpy:success', 'torch:failure']);
    expect(out.message).toBe(
      '1 of 2 packages built; torch failed: jetson-containers never reported torch done; it built pytorch:2.8, which no requested name matches; jetson-containers itself exited 0.',
    );
  });

  it('two aliases between named packages take the chains between them, in order', () => {
    const out = decide({
      requested: ['numpy', 'torch', 'tf', 'opencv'],
      multiple: true,
      parse: parse({
        chains: [
          chain('numpy', 'success'),
          chain('pytorch:2.8', 'success'),
          chain('tensorflow:2.16', 'failure'),
          chain('opencv', 'success'),
        ],
      }),
    });
    expect(statuses(out)).toEqual(['numpy:success', 'torch:success', 'tf:failure', 'opencv:success']);
    expect(out.packages[1]?.image).toBe(image('pytorch:2.8'));
  });

  it('an alias is not paired when a wildcard was requested', () => {
    const out = decide({
      requested: ['torch', 'ros:*'],
      multiple: true,
      parse: parse({ chains: [chain('pytorch:2.8', 'success'), chain('ros:humble', 'success')] }),
    });
    expect(statuses(out)).toEqual(['torch:failure', 'ros:humble:success']);
  });

  it('a second failure is listed after the first, and the never-built after them', () => {
    const out = decide({
      requested: ['a', 'b', 'c', 'd'],
      multiple: true,
      skipErrors: true,
      exitCode: 0,
      parse: parse({
        chains: [
          chain('a', 'failure', { failure: 0 }),
          chain('b', 'success'),
          chain('c', 'failure', { failure: 1 }),
        ],
        failures: [failure({ chain: 0, error: 'first' }), failure({ chain: 2, error: 'second' })],
        summary: [failed('a', 'x'), ok('b'), failed('c', 'y'), failed('d', 'never started')],
      }),
    });
    expect(statuses(out)).toEqual(['a:failure', 'b:success', 'c:failure', 'd:failure']);
    expect(out.message).toBe(
      '1 of 4 packages built; a failed in stage python (build 2/3): first; also failed: c, d; jetson-containers itself exited 0.',
    );
    expect(out.packages[2]?.failure?.error).toBe('second');
    expect(out.packages[3]?.failure).toEqual({
      stage: null,
      stageIndex: null,
      stageCount: null,
      phase: 'unknown',
      error: 'never started',
      excerpt: [],
      logFile: null,
    });
    expect(out.failedPackages).toEqual(['a', 'c', 'd']);
  });

  it('a failure and packages never built', () => {
    const out = decide({
      requested: ['a', 'b', 'c'],
      multiple: true,
      exitCode: 1,
      parse: parse({
        chains: [chain('a', 'failure', { failure: 0 })],
        failures: [failure({ error: 'boom' })],
      }),
    });
    expect(out.message).toBe(
      '0 of 3 packages built; a failed in stage python (build 2/3): boom; not built: b, c.',
    );
  });

  it('a package the tool never reached, exit 1: "before building it"', () => {
    const out = decide({
      requested: ['numpy', 'opencv'],
      multiple: true,
      exitCode: 1,
      parse: parse({ chains: [chain('numpy', 'success')] }),
    });
    expect(statuses(out)).toEqual(['numpy:success', 'opencv:failure']);
    expect(out.message).toBe(
      '1 of 2 packages built; opencv failed: jetson-containers stopped (exit 1) before building it.',
    );
    expect(out.failure).toMatchObject({ phase: 'unknown', excerpt: ['#9 the last line'] });
  });

  it('pushed images are kept under --multiple --skip-errors --push', () => {
    const out = decide({
      requested: ['numpy', 'opencv'],
      multiple: true,
      skipErrors: true,
      parse: parse({
        chains: [
          chain('numpy', 'success', { pushedImage: `me/${image('numpy')}` }),
          chain('opencv', 'success', { pushedImage: `me/${image('opencv')}` }),
        ],
        summary: [ok('numpy'), ok('opencv')],
      }),
    });
    expect(out.status).toBe('success');
    expect(out.packages.map((p) => p.pushedImage)).toEqual([`me/${image('numpy')}`, `me/${image('opencv')}`]);
    expect(out.packages.map((p) => p.durationSeconds)).toEqual([42, 42]);
    expect(out.images).toEqual([image('numpy'), image('opencv')]);
  });

  it('a summary line without a chain gives the image and nothing else', () => {
    const out = decide({
      requested: ['python'],
      multiple: true,
      skipErrors: true,
      parse: parse({ summary: [ok('python:3.10')] }),
    });
    expect(out.status).toBe('success');
    expect(out.packages[0]).toEqual({
      name: 'python',
      status: 'success',
      image: image('python:3.10'),
      pushedImage: null,
      durationSeconds: null,
      failure: null,
    });
  });

  it('a summary line of the exact name is preferred to a tagged one', () => {
    const out = decide({
      requested: ['python'],
      multiple: true,
      skipErrors: true,
      parse: parse({ summary: [ok('python:3.10'), ok('python', 'python:own')] }),
    });
    expect(out.packages[0]?.image).toBe('python:own');
  });

  it('a tagged chain is the package’s own (python → python:3.10), before any alias pairing', () => {
    const out = decide({
      requested: ['torch', 'python'],
      multiple: true,
      parse: parse({ chains: [chain('python:3.10', 'success'), chain('pytorch:2.8', 'success')] }),
    });
    expect(statuses(out)).toEqual(['torch:failure', 'python:success']);
  });

  it('an exact chain is preferred to a tagged one', () => {
    const out = decide({
      requested: ['python', 'python:3.10'],
      multiple: true,
      parse: parse({ chains: [chain('python:3.10', 'success'), chain('python', 'success')] }),
    });
    expect(out.packages.map((p) => `${p.name}=${p.image}`)).toEqual([
      `python=${image('python')}`,
      `python:3.10=${image('python:3.10')}`,
    ]);
  });

  it('a failed summary line takes the chain’s failure point and duration', () => {
    const out = decide({
      requested: ['numpy'],
      multiple: true,
      skipErrors: true,
      parse: parse({
        chains: [chain('numpy', 'failure', { failure: 0, image: 'half-built' })],
        failures: [failure()],
        summary: [failed('numpy', 'Command ... returned non-zero exit status 1.')],
      }),
    });
    expect(out.packages[0]).toMatchObject({ image: null, pushedImage: null, durationSeconds: 42 });
    expect(out.packages[0]?.failure).toMatchObject({
      stage: 'python',
      logFile: '/logs/build/02o3_python.txt',
    });
  });

  it('a failed summary line over a chain reported done keeps the summary’s error', () => {
    const out = decide({
      requested: ['numpy'],
      multiple: true,
      skipErrors: true,
      parse: parse({ chains: [chain('numpy', 'success')], summary: [failed('numpy', 'push failed')] }),
    });
    expect(out.status).toBe('failure');
    expect(out.packages[0]).toMatchObject({ status: 'failure', image: null, durationSeconds: 42 });
    expect(out.message).toBe('numpy failed: push failed; jetson-containers itself exited 0.');
  });

  it('names every stray chain in a count when a package was never reported', () => {
    const strays = ['s1', 's2', 's3', 's4', 's5', 's6', 's7', 's8'];
    const out = decide({
      requested: ['numpy', 'opencv'],
      multiple: true,
      parse: parse({
        chains: [
          chain('opencv', 'success'),
          ...strays.map((s) => chain(s, 'success')),
          chain('s9', 'failure'),
        ],
      }),
    });
    expect(out.packages[0]?.failure?.error).toBe(
      'jetson-containers never reported numpy done; it built s1, s2, s3, s4, s5 and 3 more, which no requested name matches',
    );
  });

  it('with exit 1 a package never reported is not blamed on a stray', () => {
    const out = decide({
      requested: ['numpy', 'opencv'],
      multiple: true,
      exitCode: 1,
      parse: parse({ chains: [chain('opencv', 'success'), chain('torch', 'success')] }),
    });
    expect(out.packages[0]?.failure?.error).toBe('jetson-containers stopped (exit 1) before building it');
  });

  it('an unknown package under --multiple fails that package only', () => {
    const out = decide({
      requested: ['nope', 'numpy'],
      multiple: true,
      skipErrors: true,
      exitCode: 1,
      parse: parse({
        failures: [
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
    expect(statuses(out)).toEqual(['nope:failure', 'numpy:not-built']);
    expect(out.message).toBe("Unknown package nope: jetson-containers couldn't find it.");
  });

  it('a failure outside any build under --multiple fails every package not reached', () => {
    const out = decide({
      requested: ['a', 'b'],
      multiple: true,
      exitCode: 1,
      parse: parse({
        failures: [failure({ chain: null, phase: 'resolve', stage: null, error: 'Traceback' })],
      }),
    });
    expect(statuses(out)).toEqual(['a:failure', 'b:failure']);
    expect(out.message).toBe(
      '0 of 2 packages built; a failed while resolving packages: Traceback; also failed: b.',
    );
  });

  it('a resolve failure that names no package is not an "unknown package"', () => {
    const out = decide({
      requested: ['a'],
      exitCode: 1,
      parse: parse({
        failures: [failure({ chain: null, phase: 'resolve', stage: null, error: 'Traceback' })],
      }),
    });
    expect(out.message).toBe('a failed while resolving packages: Traceback.');
  });

  it('a failure owned by a chain that is not kept: nothing blamed, nothing built', () => {
    const out = decide({
      requested: ['numpy'],
      multiple: true,
      parse: parse({ failures: [failure({ chain: 3 })] }),
    });
    expect(statuses(out)).toEqual(['numpy:not-built']);
    expect(out.message).toBe('the build failed; not built: numpy; jetson-containers itself exited 0.');
  });

  it('under --skip-errors a failure does not stop the run: a package not reached is a failure', () => {
    const out = decide({
      requested: ['a', 'b'],
      multiple: true,
      skipErrors: true,
      exitCode: 0,
      parse: parse({
        chains: [chain('a', 'failure', { failure: 0 })],
        failures: [failure({ error: 'boom' })],
      }),
    });
    expect(statuses(out)).toEqual(['a:failure', 'b:failure']);
    expect(out.packages[1]?.failure?.error).toBe('jetson-containers exited 0 but never built or reported it');
  });

  it('a wildcard matching a summary line only', () => {
    const out = decide({
      requested: ['numpy', 'n*'],
      multiple: true,
      skipErrors: true,
      parse: parse({ summary: [ok('numpy'), ok('nano'), ok('numpy')] }),
    });
    expect(statuses(out)).toEqual(['numpy:success', 'nano:success']);
  });

  it('a wildcard matching the same chain twice lists it once', () => {
    const out = decide({
      requested: ['ros:*'],
      multiple: true,
      parse: parse({ chains: [chain('ros:humble', 'success'), chain('ros:humble', 'success')] }),
    });
    expect(statuses(out)).toEqual(['ros:humble:success']);
  });

  it('two wildcards naming the same package list it once', () => {
    const out = decide({
      requested: ['n*', '*o'],
      multiple: true,
      skipErrors: true,
      parse: parse({ chains: [chain('nano', 'success')], summary: [ok('nano')] }),
    });
    expect(statuses(out)).toEqual(['nano:success']);
    expect(out.status).toBe('success');
  });

  // Upstream expands the patterns and names into one set (find_packages) and builds each package once.
  it.each([
    [['numpy', 'n*'], [chain('numpy', 'success')], ['numpy:success']],
    [['n*', 'numpy'], [chain('numpy', 'success')], ['numpy:success']],
    [['n*', '*o'], [chain('nano', 'success')], ['nano:success']],
    [['python', 'py*'], [chain('python:3.10', 'success')], ['python:success']],
    [
      ['ros:humble*', 'ros:humble-desktop'],
      [chain('ros:humble-desktop', 'success')],
      ['ros:humble-desktop:success'],
    ],
  ])('%j building %#: every package once, and a success', (requested, chains, expected) => {
    const out = decide({ requested, multiple: true, parse: parse({ chains }) });
    expect(statuses(out)).toEqual(expected);
    expect(out.status).toBe('success');
  });

  it('a pattern whose match failed under another name adds nothing', () => {
    const out = decide({
      requested: ['numpy', 'n*'],
      multiple: true,
      exitCode: 1,
      parse: parse({
        chains: [chain('numpy', 'failure', { failure: 0 })],
        failures: [failure({ error: 'boom' })],
      }),
    });
    expect(statuses(out)).toEqual(['numpy:failure']);
    expect(out.message).toBe('numpy failed in stage python (build 2/3): boom.');
  });

  it('a pattern matched only by a summary line of another requested name adds nothing', () => {
    const out = decide({
      requested: ['numpy', 'n*'],
      multiple: true,
      skipErrors: true,
      parse: parse({ summary: [ok('numpy')] }),
    });
    expect(statuses(out)).toEqual(['numpy:success']);
  });

  it('a wildcard the cancel cut off is not built', () => {
    const out = decide({
      requested: ['numpy', 'ros:*'],
      multiple: true,
      cancelled: true,
      parse: parse({ chains: [chain('numpy', 'running')] }),
    });
    expect(statuses(out)).toEqual(['numpy:cancelled', 'ros:*:not-built']);
  });

  it('a wildcard matching nothing with exit 1', () => {
    const out = decide({ requested: ['ros:foo*'], multiple: true, exitCode: 1, parse: parse() });
    expect(out.packages[0]?.failure).toMatchObject({
      phase: 'resolve',
      error: 'the pattern ros:foo* matched no package',
      excerpt: ['#9 the last line'],
    });
  });
});
