// The GitHub run context through @actions/github, and `notify-on: change` against a loopback double of the
// GitHub REST API (the real Octokit client, real HTTP).
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { context } from '@actions/github';
import { afterEach, describe, expect, it } from 'vitest';
import { previousRunChange, readGitHubRun } from '../../src/runner/github.js';
import {
  apiRun,
  forbidden,
  startGitHubApi,
  type ApiRun,
  type GitHubApiDouble,
} from '../support/github-api-double.js';
import { NO_TOKEN_WARNING } from '../../src/notify/change.js';

type Ctx = typeof context;
const GITHUB_VARS = Object.keys(process.env).filter((k) => k.startsWith('GITHUB_'));

/** Runs `fn` with exactly these GITHUB_* variables, and a Context made from them (as the action's would be). */
function withEnv<T>(env: Record<string, string>, fn: (ctx: Ctx) => T): T {
  const saved = { ...process.env };
  for (const k of GITHUB_VARS) delete process.env[k];
  Object.assign(process.env, env);
  try {
    return fn(new (context.constructor as new () => Ctx)());
  } finally {
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
  }
}

const TOKEN = 'ghs_0123456789abcdefTESTTOKEN';
let api: GitHubApiDouble | null = null;

afterEach(async () => {
  await api?.close();
  api = null;
});

async function compare(
  runs: ApiRun[],
  status: 'success' | 'failure' | 'cancelled',
  opts: {
    token?: string | null;
    runId?: string;
    timeoutMs?: number;
    fail?: ReturnType<typeof forbidden>;
  } = {},
): Promise<Awaited<ReturnType<typeof previousRunChange>>> {
  api = await startGitHubApi({ runs, token: TOKEN, fail: opts.fail });
  const env = {
    GITHUB_REPOSITORY: 'octo-org/jetson-images',
    GITHUB_RUN_ID: opts.runId ?? '42',
    GITHUB_API_URL: api.url,
  };
  const pending = withEnv(env, (ctx) =>
    previousRunChange(status, opts.token === undefined ? TOKEN : opts.token, {
      ctx,
      timeoutMs: opts.timeoutMs,
    }),
  );
  return pending;
}

const listCalls = (): Record<string, string>[] =>
  (api?.requests ?? [])
    .filter((r) => r.path.endsWith('/runs') && r.path.includes('/workflows/'))
    .map((r) => r.query);

describe('readGitHubRun', () => {
  it('reads repository, run, attempt, sha, ref, event, pull request and API URL from the runner', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'jba-gh-'));
    const event = path.join(dir, 'event.json');
    writeFileSync(
      event,
      JSON.stringify({
        pull_request: {
          number: 17,
          head: {
            sha: 'fedcba9876543210fedcba9876543210fedcba98',
            repo: { full_name: 'someone/jetson-images' },
          },
          base: { repo: { full_name: 'octo-org/jetson-images' } },
        },
        number: 17,
      }),
    );
    const run = withEnv(
      {
        GITHUB_REPOSITORY: 'octo-org/jetson-images',
        GITHUB_RUN_ID: '4242',
        GITHUB_RUN_ATTEMPT: '2',
        GITHUB_SHA: 'abc123',
        GITHUB_REF: 'refs/pull/17/merge',
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: event,
        GITHUB_API_URL: 'https://ghe.example.com/api/v3',
        GITHUB_SERVER_URL: 'https://ghe.example.com/',
        GITHUB_ACTION: '__jetson-org_jetson-build-action_2',
        GITHUB_WORKFLOW: 'Jetson images',
        GITHUB_JOB: 'build',
        GITHUB_WORKFLOW_REF: 'octo-org/jetson-images/.github/workflows/jetson.yml@refs/pull/17/merge',
      },
      readGitHubRun,
    );
    expect(run).toEqual({
      owner: 'octo-org',
      repo: 'jetson-images',
      runId: 4242,
      runAttempt: 2,
      sha: 'abc123',
      ref: 'refs/pull/17/merge',
      eventName: 'pull_request',
      prNumber: 17,
      prHeadSha: 'fedcba9876543210fedcba9876543210fedcba98',
      prFromFork: true,
      workflow: 'Jetson images',
      job: 'build',
      workflowPath: '.github/workflows/jetson.yml',
      step: '__jetson-org_jetson-build-action_2',
      serverUrl: 'https://ghe.example.com',
      apiUrl: 'https://ghe.example.com/api/v3',
    });
  });

  it('outside Actions: nulls (never NaN) and the public API', () => {
    expect(withEnv({}, readGitHubRun)).toEqual({
      owner: null,
      repo: null,
      runId: null,
      runAttempt: null,
      sha: null,
      ref: null,
      eventName: null,
      prNumber: null,
      prHeadSha: null,
      prFromFork: null,
      workflow: null,
      job: null,
      workflowPath: null,
      step: null,
      serverUrl: 'https://github.com',
      apiUrl: 'https://api.github.com',
    });
  });
});

describe('previousRunChange against the API double', () => {
  it('failed before, succeeds now → fixed, stepping over a cancelled run; asks for completed runs of the branch', async () => {
    const answer = await compare(
      [apiRun(40, 'failure'), apiRun(41, 'cancelled'), apiRun(42, null)],
      'success',
    );
    expect(answer).toEqual({ change: 'fixed', warning: null, previousRunId: 40 });
    expect(api?.requests.map((r) => r.path)).toEqual([
      '/repos/octo-org/jetson-images/actions/runs/42',
      '/repos/octo-org/jetson-images/actions/workflows/161335/runs',
    ]);
    expect(listCalls()).toEqual([
      { branch: 'main', status: 'completed', per_page: '20', page: '1', exclude_pull_requests: 'true' },
    ]);
    expect(api?.requests[0]?.headers.authorization).toBe(`token ${TOKEN}`);
  });

  it('succeeded before, fails now → broken; same result → same; no earlier result → first', async () => {
    expect((await compare([apiRun(40, 'success'), apiRun(42, null)], 'failure')).change).toBe('broken');
    await api?.close();
    expect((await compare([apiRun(40, 'success'), apiRun(42, null)], 'success')).change).toBe('same');
    await api?.close();
    expect((await compare([apiRun(40, 'failure'), apiRun(42, null)], 'failure')).change).toBe('same');
    await api?.close();
    expect((await compare([apiRun(40, 'skipped'), apiRun(42, null)], 'failure')).change).toBe('first');
  });

  it('a fork’s run whose branch has the same name, or a pull_request_target run, is not the previous run', async () => {
    const fork = { full_name: 'mallory/jetson-images' };
    const answer = await compare(
      [
        apiRun(39, 'failure'),
        apiRun(40, 'success', { head_repository: fork, event: 'pull_request' }),
        apiRun(41, 'success', { event: 'pull_request_target' }),
        apiRun(42, null),
      ],
      'success',
    );
    expect(answer).toEqual({ change: 'fixed', warning: null, previousRunId: 39 });
  });

  it('a run that timed out counts as failed', async () => {
    expect((await compare([apiRun(40, 'timed_out'), apiRun(42, null)], 'success')).change).toBe('fixed');
  });

  it('ignores other branches, and runs that started after this one', async () => {
    const runs = [
      apiRun(39, 'failure'),
      apiRun(40, 'success', { head_branch: 'dev' }),
      apiRun(42, null),
      apiRun(43, 'success'),
    ];
    expect(await compare(runs, 'success')).toEqual({ change: 'fixed', warning: null, previousRunId: 39 });
  });

  it('looks at a second page, never a third', async () => {
    const cancelled = Array.from({ length: 20 }, (_, i) => apiRun(100 + i, 'cancelled'));
    expect(
      (await compare([apiRun(10, 'failure'), ...cancelled, apiRun(200, null)], 'success', { runId: '200' }))
        .change,
    ).toBe('fixed');
    expect(listCalls().map((q) => q.page)).toEqual(['1', '2']);
    await api?.close();
    const many = Array.from({ length: 45 }, (_, i) => apiRun(100 + i, 'cancelled'));
    expect(
      (await compare([apiRun(10, 'failure'), ...many, apiRun(200, null)], 'success', { runId: '200' }))
        .change,
    ).toBe('first');
    expect(listCalls().map((q) => q.page)).toEqual(['1', '2']);
  });

  it('a cancelled build is the same state, and asks nothing', async () => {
    expect(await compare([apiRun(40, 'failure'), apiRun(42, null)], 'cancelled')).toEqual({
      change: 'same',
      warning: null,
      previousRunId: null,
    });
    expect(api?.requests).toEqual([]);
  });

  it('403 (no actions: read) → unknown, with the reason and the permission to add', async () => {
    const answer = await compare([apiRun(42, null)], 'success', { fail: forbidden() });
    expect(answer).toEqual({
      change: 'unknown',
      previousRunId: null,
      warning:
        'notify-on change: could not read the previous run (HTTP 403: Resource not accessible by integration) — ' +
        'the workflow needs `permissions: actions: read`; notifying as always.',
    });
  });

  it('401 for a wrong token, 404 for a run the API does not know', async () => {
    expect((await compare([apiRun(42, null)], 'success', { token: 'ghs_wrong' })).warning).toBe(
      'notify-on change: could not read the previous run (HTTP 401: Bad credentials) — the github-token is not ' +
        'valid (expired, revoked or not a token); notifying as always.',
    );
    await api?.close();
    expect((await compare([apiRun(42, null)], 'success', { runId: '7' })).warning).toBe(
      'notify-on change: could not read the previous run (HTTP 404: Not Found) — the token cannot see this ' +
        'repository’s runs; the workflow needs `permissions: actions: read`; notifying as always.',
    );
  });

  it('a server error is said as such', async () => {
    const answer = await compare([apiRun(42, null)], 'failure', {
      fail: { status: 502, body: { message: 'Server Error' } },
    });
    expect(answer.change).toBe('unknown');
    expect(answer.warning).toBe(
      'notify-on change: could not read the previous run (HTTP 502: Server Error); notifying as always.',
    );
  });

  it('an API that never answers is given up on after the timeout', async () => {
    const answer = await compare([apiRun(42, null)], 'success', { fail: { hang: true }, timeoutMs: 300 });
    expect(answer.change).toBe('unknown');
    expect(answer.warning).toBe(
      `notify-on change: could not read the previous run (no answer from ${api?.url} within 0.3 s); notifying as always.`,
    );
  });

  it('an API that cannot be reached → unknown, saying where', async () => {
    api = await startGitHubApi({ runs: [] });
    const url = api.url;
    await api.close();
    api = null;
    const answer = await withEnv(
      { GITHUB_REPOSITORY: 'octo-org/jetson-images', GITHUB_RUN_ID: '42', GITHUB_API_URL: url },
      (ctx) => previousRunChange('success', TOKEN, { ctx }),
    );
    expect(answer.change).toBe('unknown');
    expect(answer.warning).toMatch(
      new RegExp(
        `^notify-on change: could not read the previous run \\(${url} could not be reached: .*ECONNREFUSED.*\\); notifying as always\\.$`,
      ),
    );
  });

  it('no token, or no run to look up → unknown without a request', async () => {
    expect((await compare([apiRun(42, null)], 'success', { token: null })).warning).toBe(NO_TOKEN_WARNING);
    expect(api?.requests).toEqual([]);
    const answer = await withEnv({}, (ctx) => previousRunChange('success', TOKEN, { ctx }));
    expect(answer.warning).toBe(
      'notify-on change: could not read the previous run (GITHUB_REPOSITORY or GITHUB_RUN_ID is not set) — ' +
        'this is not a GitHub Actions run; notifying as always.',
    );
  });
});
