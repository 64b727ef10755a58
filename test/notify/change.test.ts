// The rules of `notify-on: change`, without the network (the API is an object here; see
// test/runner/github.test.ts for the real client against a loopback double of GitHub's API).
import { describe, expect, it } from 'vitest';
import {
  changeFrom,
  previousResult,
  readChange,
  wantsChange,
  type RunsApi,
  type WorkflowRunInfo,
} from '../../src/notify/change.js';
import type { Target, TargetOn } from '../../src/notify/types.js';

const run = (
  id: number,
  conclusion: string | null,
  extra: Partial<WorkflowRunInfo> = {},
): WorkflowRunInfo => ({
  id,
  runNumber: id,
  workflowId: 7,
  headBranch: 'main',
  conclusion,
  headRepository: 'o/r',
  event: 'push',
  ...extra,
});

function api(current: WorkflowRunInfo, completed: WorkflowRunInfo[]): RunsApi {
  return {
    getRun: async () => current,
    listCompletedRuns: async (_w, _b, page, perPage) => completed.slice((page - 1) * perPage, page * perPage),
  };
}

const request = (over: Partial<Parameters<typeof readChange>[0]> = {}): Parameters<typeof readChange>[0] => ({
  status: 'success',
  token: 't',
  repository: 'o/r',
  runId: 50,
  apiUrl: 'https://api.github.com',
  api: () => api(run(50, null), [run(49, 'failure')]),
  ...over,
});

describe('changeFrom', () => {
  it.each([
    ['failure', 'success', 'fixed'],
    ['success', 'failure', 'broken'],
    ['success', 'success', 'same'],
    ['failure', 'failure', 'same'],
    [null, 'success', 'first'],
    [null, 'failure', 'first'],
    ['success', 'cancelled', 'same'],
    ['failure', 'cancelled', 'same'],
    [null, 'cancelled', 'same'],
  ] as const)('previous %s, now %s → %s', (previous, now, change) => {
    expect(changeFrom(previous, now)).toBe(change);
  });
});

describe('previousResult', () => {
  it.each([
    ['success', 'success'],
    ['failure', 'failure'],
    ['timed_out', 'failure'],
    ['cancelled', null],
    ['skipped', null],
    ['neutral', null],
    ['action_required', null],
    ['stale', null],
    [null, null],
  ] as const)('%s → %s', (conclusion, result) => {
    expect(previousResult(conclusion)).toBe(result);
  });
});

describe('wantsChange', () => {
  const target = (on: TargetOn): Target => ({ on }) as Target;
  it('only when some target fires on change', () => {
    expect(wantsChange([target('always'), target('failure'), target('never')])).toBe(false);
    expect(wantsChange([target('always'), target('change')])).toBe(true);
    expect(wantsChange([])).toBe(false);
  });
});

describe('readChange', () => {
  it('compares with the newest earlier run that has a result', async () => {
    const completed = [
      run(52, 'failure'),
      run(51, 'neutral'),
      run(50, 'success'),
      run(48, 'success'),
      run(47, 'failure'),
    ];
    expect(
      await readChange(request({ api: () => api(run(50, null), completed), status: 'failure' })),
    ).toEqual({
      change: 'broken',
      warning: null,
      previousRunId: 48,
    });
  });

  it('a run without a branch cannot be compared', async () => {
    const answer = await readChange(request({ api: () => api(run(50, null, { headBranch: null }), []) }));
    expect(answer).toEqual({
      change: 'unknown',
      previousRunId: null,
      warning:
        'notify-on change: could not read the previous run (the run has no branch); notifying as always.',
    });
  });

  it('an API that throws while being built, or answers nonsense, is unknown with a warning — never a throw', async () => {
    const broken = await readChange(
      request({
        api: () => {
          throw new Error('bad base URL');
        },
      }),
    );
    expect(broken.change).toBe('unknown');
    expect(broken.warning).toBe(
      'notify-on change: could not read the previous run (https://api.github.com could not be reached: bad base URL); notifying as always.',
    );
    const nonsense = await readChange(
      request({
        api: () => ({
          getRun: async () => run(50, null),
          listCompletedRuns: async () => {
            throw new Error('the list of runs has no workflow_runs');
          },
        }),
      }),
    );
    expect(nonsense.change).toBe('unknown');
  });

  it('the whole comparison is bounded: an API that waits on the signal is cut off', async () => {
    const slow: RunsApi = {
      getRun: (_id, signal) =>
        new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason))),
      listCompletedRuns: async () => [],
    };
    const answer = await readChange(request({ api: () => slow, timeoutMs: 100 }));
    expect(answer.warning).toBe(
      'notify-on change: could not read the previous run (no answer from https://api.github.com within 0.1 s); notifying as always.',
    );
  });

  it('a server message is one bounded line without its documentation link', async () => {
    const err = Object.assign(new Error(`Rate\nlimited ${'x'.repeat(300)} - https://docs.github.com/rest`), {
      status: 429,
    });
    const answer = await readChange(
      request({
        api: () => ({ getRun: () => Promise.reject(err), listCompletedRuns: async () => [] }),
      }),
    );
    expect(answer.warning).toBe(
      `notify-on change: could not read the previous run (HTTP 429: Rate limited ${'x'.repeat(187)}…); notifying as always.`,
    );
  });
});
