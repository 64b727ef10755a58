// End to end from dist/: the job link and `check-run: true` against a loopback double of the GitHub REST API
// (GITHUB_API_URL), for a push and a pull_request event (GITHUB_EVENT_PATH), a cancelled build (post gives the
// result) and an API that refuses everything (the step's result is unchanged).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BuildReport } from '../../src/report/build-report.js';
import { runAction, type ActionRun } from '../support/action-runner.js';
import {
  forbidden,
  startChecksDouble,
  type ChecksDouble,
  type ChecksDoubleOptions,
} from '../support/github-checks-double.js';

const TOKEN = 'ghs_e2eCheckRunToken0123456789';
const SHA = '0123456789abcdef0123456789abcdef01234567';
const HEAD = 'fedcba9876543210fedcba9876543210fedcba98';
const RUN_URL = 'https://github.com/octo-org/jetson-images/actions/runs/4242';
const WORKFLOW_REF = 'octo-org/jetson-images/.github/workflows/jetson.yml@refs/heads/main';
let api: ChecksDouble | null = null;

afterEach(async () => {
  await api?.close();
  api = null;
});

function eventFile(payload: object): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'jba-event-')), 'event.json');
  writeFileSync(file, JSON.stringify(payload));
  return file;
}

const ourJob = { id: 88001, name: 'build', status: 'in_progress' as const, runner_name: 'orin-agx-01' };

async function build(
  double: ChecksDoubleOptions,
  opts: { inputs?: Record<string, string>; env?: Record<string, string>; cancelWhen?: string } = {},
): Promise<ActionRun> {
  api = await startChecksDouble({ token: TOKEN, ...double });
  return runAction({
    inputs: { packages: 'numpy', 'check-run': 'true', 'github-token': TOKEN, ...opts.inputs },
    env: {
      GITHUB_API_URL: api.url,
      GITHUB_WORKFLOW_REF: WORKFLOW_REF,
      GITHUB_EVENT_NAME: 'push',
      GITHUB_EVENT_PATH: eventFile({ ref: 'refs/heads/main', after: SHA }),
      'INPUT_UPLOAD-LOGS': 'false',
      NO_PROXY: '127.0.0.1',
      no_proxy: '127.0.0.1',
      ...opts.env,
    },
    cancelWhen: opts.cancelWhen,
  });
}

function reportOf(run: ActionRun): BuildReport {
  return JSON.parse(readFileSync(run.main.outputs['report-file'] as string, 'utf8')) as BuildReport;
}

const lines = (out: string, prefix: string): string[] => out.split('\n').filter((l) => l.startsWith(prefix));

describe('e2e: the job link and check-run', () => {
  it('push, a failed stage: the job found by runner name, a check run on the commit completed with annotations', async () => {
    const run = await build(
      { jobs: { '4242/1': [{ ...ourJob, id: 7, runner_name: 'orin-nano-02' }, ourJob] } },
      {
        env: { FAKE_JC_FAIL_STAGE: 'python' },
      },
    );
    expect(run.main.code).toBe(1);
    const jobUrl = `${RUN_URL}/job/88001`;
    expect(reportOf(run).run.jobUrl).toBe(jobUrl);
    expect(run.summary).toContain(`[Job](${jobUrl}) · [Workflow run](${RUN_URL})`);
    expect(api?.calls('jobs').map((r) => r.path)).toEqual([
      '/repos/octo-org/jetson-images/actions/runs/4242/attempts/1/jobs',
    ]);

    const [create] = api?.calls('create') ?? [];
    expect(create?.json).toMatchObject({
      name: 'jetson / numpy',
      head_sha: SHA,
      status: 'in_progress',
      details_url: jobUrl,
      output: { title: 'Building numpy', summary: 'Building 1 package on runner `orin-agx-01`: numpy' },
    });
    const updates = api?.calls('update') ?? [];
    expect(updates).toHaveLength(1);
    const body = updates[0]?.json as {
      conclusion: string;
      output: { title: string; summary: string; annotations: object[] };
    };
    expect(body.conclusion).toBe('failure');
    expect(body.output.title).toBe(reportOf(run).message);
    expect(body.output.summary).toContain(`[Job](${jobUrl}) · [Workflow run](${RUN_URL})`);
    expect(body.output.annotations).toEqual([
      expect.objectContaining({
        path: '.github/workflows/jetson.yml',
        start_line: 1,
        annotation_level: 'failure',
        title: 'numpy',
      }),
    ]);
    // Main completed it: post has nothing to do.
    expect(run.state.checkRunDone).toBe('1');
    expect(run.post.stdout).not.toContain('Check run');
    expect(lines(run.main.stdout, '::debug::job link')).toEqual([]);
  });

  it('pull_request: the head commit of the PR, the job from job-check-run-id, no jobs listing', async () => {
    const event = eventFile({
      action: 'synchronize',
      number: 17,
      pull_request: {
        number: 17,
        head: { sha: HEAD, repo: { full_name: 'octo-org/jetson-images', fork: false } },
        base: { repo: { full_name: 'octo-org/jetson-images' } },
      },
    });
    const run = await build(
      { jobs: {} },
      {
        inputs: { 'job-check-run-id': '31415926535' },
        env: {
          GITHUB_EVENT_NAME: 'pull_request',
          GITHUB_EVENT_PATH: event,
          GITHUB_REF: 'refs/pull/17/merge',
        },
      },
    );
    expect(run.main.code, run.main.stdout.slice(-2000)).toBe(0);
    expect(api?.calls('jobs')).toHaveLength(0);
    const create = api?.calls('create')[0]?.json as Record<string, unknown>;
    expect(create.head_sha).toBe(HEAD);
    expect(create.details_url).toBe(`${RUN_URL}/job/31415926535`);
    const update = api?.calls('update')[0]?.json as { conclusion: string; output: Record<string, unknown> };
    expect(update.conclusion).toBe('success');
    expect(update.output).not.toHaveProperty('annotations');
    expect([...(api?.checkRuns.values() ?? [])].map((c) => [c.status, c.conclusion])).toEqual([
      ['completed', 'success'],
    ]);
  });

  it('cancelled during the build: post gives main’s check run its result', async () => {
    const run = await build(
      { jobs: { '4242/1': [ourJob] } },
      {
        env: { FAKE_JC_WAIT_SIGNAL: '1' },
        cancelWhen: 'Building pip_cache',
      },
    );
    expect(run.state.phase).toBe('reported');
    expect(run.state.checkRunDone).toBeUndefined();
    const updates = api?.calls('update') ?? [];
    expect(updates).toHaveLength(1);
    expect((updates[0]?.json as { conclusion: string }).conclusion).toBe('cancelled');
    expect(run.post.stdout).toContain(`Check run ${run.state.checkRunId}: cancelled`);
  });

  it('an API that refuses everything: one warning, one debug line, and the same step result as without', async () => {
    const refused = await build(
      { jobs: {}, fail: { jobs: forbidden(), create: forbidden(), update: forbidden() } },
      { env: { FAKE_JC_FAIL_STAGE: 'python' } },
    );
    const plain = await runAction({
      inputs: { packages: 'numpy', 'upload-logs': 'false' },
      env: { FAKE_JC_FAIL_STAGE: 'python' },
    });
    expect(refused.main.code).toBe(plain.main.code);
    for (const name of ['status', 'exit-code', 'failed-packages', 'images', 'notifications']) {
      expect(refused.main.outputs[name], name).toBe(plain.main.outputs[name]);
    }
    expect(reportOf(refused).run.jobUrl).toBeNull();
    expect(lines(refused.main.stdout, '::debug::job link')).toEqual([
      `::debug::job link: the jobs of run 4242 attempt 1 could not be listed: HTTP 403: Resource not accessible by integration (needs \`actions: read\`); linking the run (${RUN_URL}).`,
    ]);
    expect(lines(refused.main.stdout, '::warning').filter((l) => l.includes('check-run'))).toEqual([
      '::warning title=Check run::check-run: the token cannot create check runs (HTTP 403: Resource not accessible by integration): give the job `permissions: checks: write`.',
    ]);
    // Nothing was created, so nothing is completed: not by main, not by post.
    expect(api?.calls('update')).toHaveLength(0);
    expect(refused.post.stdout).not.toContain('check-run');
  });
});
