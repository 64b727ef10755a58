// The job's own link: from job-check-run-id, else found among the run attempt's jobs through the REST API
// (a loopback double, the real Octokit client), else the run's page with one line saying why.
import { afterEach, describe, expect, it } from 'vitest';
import { resolveJobLink } from '../../src/github/job.js';
import type { GitHubRun } from '../../src/runner/github.js';
import {
  forbidden,
  notFound,
  startChecksDouble,
  type ApiJob,
  type ChecksDouble,
  type ChecksDoubleOptions,
} from '../support/github-checks-double.js';
import { octoRun, useNoProxyForLoopback } from '../support/github-run.js';

const TOKEN = 'ghs_jobLookupToken0123456789';
const RUN_URL = 'https://github.com/octo-org/jetson-images/actions/runs/4242';
let api: ChecksDouble | null = null;
useNoProxyForLoopback();
afterEach(async () => {
  await api?.close();
  api = null;
});

function ghRun(extra: Partial<GitHubRun> = {}): GitHubRun {
  return octoRun(api?.url, extra);
}

function job(id: number, runner: string | null, status: ApiJob['status'], name = 'build'): ApiJob {
  return { id, name, status, runner_name: runner };
}

async function lookup(
  options: ChecksDoubleOptions,
  req: { runnerName?: string | null; token?: string | null; checkRunId?: string; timeoutMs?: number } = {},
  run: Partial<GitHubRun> = {},
): ReturnType<typeof resolveJobLink> {
  api = await startChecksDouble({ token: TOKEN, ...options });
  return resolveJobLink({
    checkRunId: req.checkRunId ?? '',
    token: req.token === undefined ? TOKEN : req.token,
    run: ghRun(run),
    runnerName: req.runnerName === undefined ? 'orin-agx-01' : req.runnerName,
    timeoutMs: req.timeoutMs,
  });
}

describe('resolveJobLink', () => {
  it('takes the check run id from the input without asking the API', async () => {
    const link = await lookup({ jobs: {} }, { checkRunId: ' 31415926535 ' });
    expect(link).toEqual({ url: `${RUN_URL}/job/31415926535`, how: 'input', why: null });
    expect(api?.requests).toHaveLength(0);
  });

  it('finds the job in progress on this runner, paging through the attempt’s jobs (100 a page)', async () => {
    const others = Array.from({ length: 230 }, (_, i) =>
      job(900 + i, `orin-nano-${i % 7}`, i % 3 === 0 ? 'completed' : 'in_progress', `build (leg-${i})`),
    );
    // An earlier job of this runner, finished; ours is on the third page.
    others[40] = job(777, 'orin-agx-01', 'completed');
    others.push(job(88001, 'orin-agx-01', 'in_progress', 'build (pytorch)'));
    const link = await lookup({ jobs: { '4242/2': others } }, {}, { runAttempt: 2 });
    expect(link).toEqual({ url: `${RUN_URL}/job/88001`, how: 'api', why: null });
    const calls = api?.calls('jobs') ?? [];
    expect(calls.map((c) => c.path)).toEqual(
      Array(3).fill('/repos/octo-org/jetson-images/actions/runs/4242/attempts/2/jobs'),
    );
    expect(calls.map((c) => [c.query.per_page, c.query.page])).toEqual([
      ['100', '1'],
      ['100', '2'],
      ['100', '3'],
    ]);
    expect(calls[0]?.headers.authorization).toBe(`token ${TOKEN}`);
  });

  it('stops paging at the last page', async () => {
    const jobs = Array.from({ length: 100 }, (_, i) => job(i + 1, `r${i}`, 'in_progress'));
    jobs[99] = job(100, 'orin-agx-01', 'in_progress');
    const link = await lookup({ jobs: { '4242/1': jobs } });
    expect(link.url).toBe(`${RUN_URL}/job/100`);
    expect(api?.calls('jobs')).toHaveLength(1);
  });

  it('several jobs in progress on the runner: the one named as this job (a matrix leg, a called workflow)', async () => {
    const jobs = [
      job(1, 'orin-agx-01', 'in_progress', 'lint'),
      job(2, 'orin-agx-01', 'in_progress', 'caller / build (pytorch, 36.4)'),
    ];
    expect((await lookup({ jobs: { '4242/1': jobs } })).url).toBe(`${RUN_URL}/job/2`);
  });

  it('no job of this runner, or several none of which is named as this job: the run, and why', async () => {
    const none = await lookup({
      jobs: { '4242/1': [job(1, 'orin-nano-2', 'in_progress'), job(2, 'orin-agx-01', 'completed')] },
    });
    expect(none).toEqual({
      url: null,
      how: 'none',
      why: `job link: no job in progress on runner orin-agx-01 among the 2 jobs of run 4242 attempt 1; linking the run (${RUN_URL}).`,
    });
    await api?.close();
    const two = await lookup({
      jobs: {
        '4242/1': [job(1, 'orin-agx-01', 'in_progress', 'a'), job(2, 'orin-agx-01', 'in_progress', 'b')],
      },
    });
    expect(two.url).toBeNull();
    expect(two.why).toBe(
      `job link: 2 jobs in progress on runner orin-agx-01 and none named build among the 2 jobs of run 4242 attempt 1; linking the run (${RUN_URL}).`,
    );
  });

  it('a job page on another host is not taken: the link is built from the job id', async () => {
    const j = { ...job(55, 'orin-agx-01', 'in_progress'), html_url: 'https://evil.example/phish/job/55' };
    expect((await lookup({ jobs: { '4242/1': [j] } })).url).toBe(`${RUN_URL}/job/55`);
  });

  it('403 and 404: the run, and why (the permission named)', async () => {
    const denied = await lookup({ jobs: {}, fail: { jobs: forbidden() } });
    expect(denied.url).toBeNull();
    expect(denied.why).toBe(
      `job link: the jobs of run 4242 attempt 1 could not be listed: HTTP 403: Resource not accessible by integration (needs \`actions: read\`); linking the run (${RUN_URL}).`,
    );
    await api?.close();
    const missing = await lookup({ jobs: {}, fail: { jobs: notFound() } });
    expect(missing.why).toContain('HTTP 404: Not Found (needs `actions: read`)');
  });

  it('an API that never answers is given up on in time', async () => {
    const link = await lookup({ jobs: {}, fail: { jobs: { hang: true } } }, { timeoutMs: 300 });
    expect(link.url).toBeNull();
    expect(link.why).toBe(
      `job link: the jobs of run 4242 attempt 1 could not be listed: no answer from ${api?.url} within 0.3 s; linking the run (${RUN_URL}).`,
    );
    expect(api?.calls('jobs')).toHaveLength(1);
  });

  it('without a token, a runner name or a run: nothing is asked', async () => {
    expect((await lookup({ jobs: {} }, { token: null })).why).toBe(
      `job link: job-check-run-id and github-token are both empty; linking the run (${RUN_URL}).`,
    );
    await api?.close();
    expect((await lookup({ jobs: {} }, { runnerName: null })).why).toBe(
      `job link: RUNNER_NAME is not set, so the job cannot be told apart; linking the run (${RUN_URL}).`,
    );
    await api?.close();
    expect((await lookup({ jobs: {} }, {}, { runId: null })).why).toBe(
      'job link: not a GitHub Actions run; no link.',
    );
    expect(api?.requests).toHaveLength(0);
  });
});
