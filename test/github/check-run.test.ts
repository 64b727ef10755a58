// `check-run: true` against a loopback double of the GitHub REST API (the real Octokit client, real HTTP):
// created in progress, completed with the result, annotations 50 a request, refusals and hangs bounded.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  completeCheckRun,
  createCheckRun,
  NO_TOKEN_WARNING,
  type CompleteRequest,
  type CreateRequest,
} from '../../src/github/check-run.js';
import type { GitHubRun } from '../../src/runner/github.js';
import { registerSecret, resetSecretsForTest } from '../../src/runner/secrets.js';
import {
  forbidden,
  notFound,
  startChecksDouble,
  type ChecksDouble,
  type ChecksDoubleOptions,
} from '../support/github-checks-double.js';
import { octoRun, useNoProxyForLoopback } from '../support/github-run.js';
import { manyPackages, multipleSkipErrorsMixed, stageFailure } from '../support/reports.js';

const TOKEN = 'ghs_checkRunToken0123456789ab';
const SHA = '0123456789abcdef0123456789abcdef01234567';
const HEAD = 'fedcba9876543210fedcba9876543210fedcba98';
const JOB_URL = 'https://github.com/octo-org/jetson-images/actions/runs/4242/job/88001';
let api: ChecksDouble | null = null;
useNoProxyForLoopback();
beforeEach(() => resetSecretsForTest());
afterEach(async () => {
  await api?.close();
  api = null;
});

function ghRun(extra: Partial<GitHubRun> = {}): GitHubRun {
  return octoRun(api?.url, extra);
}

async function create(
  options: ChecksDoubleOptions = {},
  extra: Partial<CreateRequest> = {},
): ReturnType<typeof createCheckRun> {
  api ??= await startChecksDouble({ token: TOKEN, ...options });
  return createCheckRun({
    token: TOKEN,
    run: ghRun(),
    packages: ['pytorch:2.8', 'torchvision'],
    runnerName: 'orin-agx-01',
    detailsUrl: JOB_URL,
    startedAt: new Date('2026-03-14T17:38:50.000Z'),
    ...extra,
  });
}

function complete(id: number, extra: Partial<CompleteRequest>): ReturnType<typeof completeCheckRun> {
  return completeCheckRun({ token: TOKEN, run: ghRun(), id, report: stageFailure(), ...extra });
}

describe('createCheckRun', () => {
  it('creates `jetson / <packages>` in progress on the pushed commit, Details leading to the job', async () => {
    const answer = await create();
    expect(answer).toEqual({ id: 5_000_000_001, warning: null });
    const [req] = api?.calls('create') ?? [];
    expect(req?.path).toBe('/repos/octo-org/jetson-images/check-runs');
    expect(req?.headers.authorization).toBe(`token ${TOKEN}`);
    expect(req?.json).toEqual({
      name: 'jetson / pytorch:2.8 torchvision',
      head_sha: SHA,
      status: 'in_progress',
      started_at: '2026-03-14T17:38:50.000Z',
      details_url: JOB_URL,
      output: {
        title: 'Building pytorch:2.8 torchvision',
        summary: 'Building 2 packages on runner `orin-agx-01`: pytorch:2.8 torchvision',
      },
    });
  });

  it('a secret with markdown characters in a package or runner name is masked before it is escaped', async () => {
    registerSecret('sekrit_b*c_value');
    await create({}, { packages: ['pkg-sekrit_b*c_value'], runnerName: 'runner-sekrit_b*c_value' });
    const sent = JSON.stringify(api?.calls('create')[0]?.json);
    expect(sent).not.toContain('sekrit');
    expect((api?.calls('create')[0]?.json as { output: { summary: string } }).output.summary).toBe(
      'Building 1 package on runner `runner-***`: pkg-\\*\\*\\*',
    );
  });

  it('on a pull request: the head commit of the pull request, not the merge commit', async () => {
    api = await startChecksDouble({ token: TOKEN });
    await createCheckRun({
      token: TOKEN,
      run: ghRun({ eventName: 'pull_request', sha: SHA, prHeadSha: HEAD, prNumber: 17 }),
      packages: ['numpy'],
      runnerName: null,
      detailsUrl: null,
      startedAt: new Date('2026-03-14T17:38:50.000Z'),
    });
    const body = api.calls('create')[0]?.json as Record<string, unknown>;
    expect(body.head_sha).toBe(HEAD);
    expect(body).not.toHaveProperty('details_url');
  });

  it('403: one warning naming `checks: write` (and the fork when the PR comes from one), no id', async () => {
    expect(await create({ fail: { create: forbidden() } })).toEqual({
      id: null,
      warning:
        'check-run: the token cannot create check runs (HTTP 403: Resource not accessible by integration): give the job `permissions: checks: write`.',
    });
    await api?.close();
    api = await startChecksDouble({ token: TOKEN, fail: { create: forbidden() } });
    const fork = await create(
      { fail: { create: forbidden() } },
      { run: ghRun({ prFromFork: true, prHeadSha: HEAD }) },
    );
    expect(fork.warning).toBe(
      'check-run: the token cannot create check runs (HTTP 403: Resource not accessible by integration) (a pull request from a fork gets a read-only token): give the job `permissions: checks: write`.',
    );
  });

  it('404: the repository cannot be seen', async () => {
    expect((await create({ fail: { create: notFound() } })).warning).toBe(
      'check-run: could not create the check run (HTTP 404: Not Found) — the token cannot see octo-org/jetson-images, or it has no `checks: write`.',
    );
  });

  it('an API that never answers holds the build back no longer than the timeout', async () => {
    const answer = await create({ fail: { create: { hang: true } } }, { timeoutMs: 300 });
    expect(answer).toEqual({
      id: null,
      warning: `check-run: could not create the check run (no answer from ${api?.url} within 0.3 s).`,
    });
  });

  it('no token, or not a run: one warning, nothing asked', async () => {
    expect(await create({}, { token: null })).toEqual({ id: null, warning: NO_TOKEN_WARNING });
    expect(await create({}, { run: ghRun({ sha: null, prHeadSha: null }) })).toEqual({
      id: null,
      warning: 'check-run: not a GitHub Actions run (no repository or commit); no check run.',
    });
    expect(api?.requests).toHaveLength(0);
  });
});

describe('completeCheckRun', () => {
  it('103 failed packages: 3 updates of 50 + 50 + 3 annotations, the first one completing the run', async () => {
    const { id } = await create();
    const report = manyPackages(721);
    expect(report.failedPackages).toHaveLength(103);
    const answer = await complete(id as number, { report, detailsUrl: JOB_URL });
    expect(answer).toEqual({ completed: true, updates: 3, warning: null });
    const updates = api?.calls('update') ?? [];
    expect(updates.map((u) => u.path)).toEqual(
      Array(3).fill(`/repos/octo-org/jetson-images/check-runs/${id}`),
    );
    const bodies = updates.map(
      (u) => u.json as { output: { annotations: unknown[] } } & Record<string, unknown>,
    );
    expect(bodies.map((b) => b.output.annotations.length)).toEqual([50, 50, 3]);
    expect(bodies[0]).toMatchObject({
      status: 'completed',
      conclusion: 'failure',
      completed_at: report.endTime,
      details_url: JOB_URL,
      output: { title: '103 of 721 packages failed.' },
    });
    expect(bodies[1]).not.toHaveProperty('conclusion');
    const stored = api?.checkRuns.get(id as number);
    expect(stored?.conclusion).toBe('failure');
    expect(stored?.annotations).toHaveLength(103);
    expect(stored?.annotations[0]).toMatchObject({
      path: '.github/workflows/jetson.yml',
      start_line: 1,
      end_line: 1,
      annotation_level: 'failure',
      title: 'pkg-003:1.3',
    });
    expect(stored?.annotations[102]).toMatchObject({ title: 'pkg-717:1.717' });
  });

  it('a success: one update, conclusion success, no annotations', async () => {
    const { id } = await create();
    const report = multipleSkipErrorsMixed();
    report.status = 'success';
    report.packages = report.packages.filter((p) => p.status === 'success');
    expect(await complete(id as number, { report })).toEqual({ completed: true, updates: 1, warning: null });
    const body = api?.calls('update')[0]?.json as { conclusion: string; output: Record<string, unknown> };
    expect(body.conclusion).toBe('success');
    expect(body.output).not.toHaveProperty('annotations');
  });

  it('a refused annotation batch: the run is complete, the warning counts what was not added', async () => {
    api = await startChecksDouble({
      token: TOKEN,
      fail: { update: [{ status: 200, body: { id: 1 } }, forbidden()] },
    });
    const answer = await complete(77, { report: manyPackages(721) });
    expect(answer).toEqual({
      completed: true,
      updates: 1,
      warning:
        'check-run: the token cannot annotate check runs (HTTP 403: Resource not accessible by integration): give the job `permissions: checks: write`; the check run is complete, but 53 of its 103 annotations were not added.',
    });
    expect(api.calls('update')).toHaveLength(2);
  });

  it('403 on completing: not completed, one warning; a hang is bounded', async () => {
    api = await startChecksDouble({ token: TOKEN, fail: { update: forbidden() } });
    expect(await complete(77, {})).toEqual({
      completed: false,
      updates: 0,
      warning:
        'check-run: the token cannot complete check runs (HTTP 403: Resource not accessible by integration): give the job `permissions: checks: write`.',
    });
    await api.close();
    api = await startChecksDouble({ token: TOKEN, fail: { update: { hang: true } } });
    const hung = await complete(77, { timeoutMs: 300 });
    expect(hung.completed).toBe(false);
    expect(hung.warning).toBe(
      `check-run: could not complete the check run (no answer from ${api.url} within 0.3 s).`,
    );
  });

  it('nothing the build printed that is a secret leaves in the output or the annotations', async () => {
    const secret = 'hunter2-s3cr3t-VALUE';
    registerSecret(secret);
    const { id } = await create();
    const report = stageFailure();
    const f = report.packages[0]!.failure!;
    f.error = `pip: 401 for https://user:${secret}@pypi.example.com/simple`;
    f.excerpt.push(`token=${secret}`);
    report.message = `numpy failed (${secret})`;
    await complete(id as number, { report });
    const raw = api?.calls('update')[0]?.body.toString('utf8') ?? '';
    expect(raw).toContain('***');
    expect(raw).not.toContain(secret);
  });

  it('without the workflow file path: the result without annotations', async () => {
    const { id } = await create();
    await complete(id as number, { run: ghRun({ workflowPath: null }) });
    const body = api?.calls('update')[0]?.json as { output: Record<string, unknown> };
    expect(body.output).not.toHaveProperty('annotations');
  });
});
