// summarize with notify-on: change per cell, in process, against a loopback GitHub API that serves the previous
// run and its jetson-run-report artifact (the real Octokit listing and @actions/artifact download), and a
// loopback receiver for the notification.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunReport } from '../../src/report/run-report.js';
import {
  apiRun,
  forbidden,
  startGitHubArtifacts,
  type ApiArtifact,
  type GitHubArtifactsDouble,
} from '../support/github-artifacts-double.js';
import { startReceiver, type Receiver } from '../support/receiver.js';
import { useStepSandbox } from '../support/summarize-step.js';

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'reports');
const TOKEN = 'ghs_summarizeCellChangeToken0123';
const RUN_ID = 5150;

let receiver: Receiver;
let github: GitHubArtifactsDouble;
let runSummarize: typeof import('../../src/fleet/summarize.js').runSummarize;
// @actions/core keeps the first job summary file it is given: one for the whole file.
const summaryFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'summarize-change-summary-')), 'summary');
const sandbox = useStepSandbox('summarize-change-');

beforeAll(async () => {
  receiver = await startReceiver();
  github = await startGitHubArtifacts({ runs: [], token: TOKEN });
  // @actions/artifact builds its client from GITHUB_API_URL as @actions/github read it when loaded.
  process.env.GITHUB_API_URL = github.url;
  ({ runSummarize } = await import('../../src/fleet/summarize.js'));
});
afterAll(async () => {
  await receiver.close();
  await github.close();
  rmSync(path.dirname(summaryFile), { recursive: true, force: true });
});
beforeEach(() => {
  receiver.clear();
});

/** The previous run's run report: torchvision built, pytorch:2.8 failed (the run failed). */
const PREVIOUS_REPORT: ApiArtifact = {
  id: 7001,
  runId: RUN_ID - 1,
  name: 'jetson-run-report-5d41402abc4b-1',
  files: {
    'run-report.json': {
      schema_version: 2,
      event: 'jetson.run.finished',
      status: 'failure',
      runs: [
        { name: 'pytorch:2.8', platform: null, status: 'failure' },
        { name: 'torchvision', platform: null, status: 'success' },
      ],
    },
  },
};

/**
 * This run: torchvision fails (its leg's report), pytorch:2.8 never reported - the run fails, as the previous
 * one did. The only target fires on change. Returns the run, its stdout and its run-report.json.
 */
async function summarize(): Promise<{ run: RunReport; out: string; file: RunReport }> {
  const reports = path.join(sandbox.dir, 'jetson-reports', 'jetson-report-torchvision-1');
  mkdirSync(reports, { recursive: true });
  cpSync(path.join(FIXTURES, 'failure-torchvision'), reports, { recursive: true });
  writeFileSync(path.join(sandbox.dir, 'output'), '');
  writeFileSync(summaryFile, '');
  Object.assign(process.env, {
    GITHUB_OUTPUT: path.join(sandbox.dir, 'output'),
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_REPOSITORY: 'octo-org/jetson-images',
    GITHUB_RUN_ID: String(RUN_ID),
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: github.url,
    GITHUB_WORKSPACE: sandbox.dir,
    RUNNER_TEMP: sandbox.dir,
    NO_PROXY: '127.0.0.1,localhost',
    no_proxy: '127.0.0.1,localhost',
    INPUT_REPORTS: 'jetson-reports',
    INPUT_NEEDS: JSON.stringify({ plan: { result: 'success' }, build: { result: 'failure' } }),
    INPUT_PACKAGES: JSON.stringify(['pytorch:2.8', 'torchvision']),
    'INPUT_FAIL-ON-BUILD-ERROR': 'false',
    INPUT_WEBHOOKS: `- url: ${receiver.urlFor('/hook')}\n  on: change`,
    'INPUT_GITHUB-TOKEN': TOKEN,
  });
  const writes: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    writes.push(String(chunk));
    return true;
  });
  let run: RunReport;
  try {
    run = await runSummarize(process.env);
  } finally {
    spy.mockRestore();
  }
  const file = JSON.parse(
    readFileSync(path.join(sandbox.dir, 'jetson-build-summary', 'run-report.json'), 'utf8'),
  ) as RunReport;
  return { run, out: writes.join(''), file };
}

/** The warnings besides the run's own result line (a failed run warns with fail-on-build-error off). */
const warnings = (out: string): string[] =>
  out.split('\n').filter((l) => l.startsWith('::warning') && !l.startsWith('::warning::Run failure'));

describe('summarize: notify-on change per cell', () => {
  it('a cell that broke while the run was already failing is broken, and notifies (the run-level rule says same)', async () => {
    github.serve({
      token: TOKEN,
      runs: [apiRun(RUN_ID, null), apiRun(RUN_ID - 1, 'failure')],
      artifacts: [PREVIOUS_REPORT],
    });
    const { run, out, file } = await summarize();
    expect(run.status).toBe('failure');
    expect(receiver.requests.map((r) => r.path)).toEqual(['/hook']);
    const body = receiver.requests[0]?.json as RunReport;
    expect(body.runs.map((r) => [r.name, r.status, r.change])).toEqual([
      ['pytorch:2.8', 'missing', 'same'],
      ['torchvision', 'failure', 'broken'],
    ]);
    // run-report.json carries the same.
    expect(file.runs.map((r) => r.change)).toEqual(['same', 'broken']);
    expect(warnings(out)).toEqual([]);
    expect(out).toContain(
      'notify-on change: broken, 2 cell(s) against jetson-run-report-5d41402abc4b-1 of run 5149.',
    );
  });

  it('the previous run left no run report: the run as a whole is compared (failure then and now: nothing sent)', async () => {
    github.serve({
      token: TOKEN,
      runs: [apiRun(RUN_ID, null), apiRun(RUN_ID - 1, 'failure')],
      artifacts: [],
    });
    const { out, file } = await summarize();
    expect(receiver.requests).toEqual([]);
    expect(file.runs.map((r) => r.change)).toEqual([null, null]);
    expect(warnings(out)).toEqual([]);
    expect(out).toContain(`notify-on change: run ${RUN_ID - 1} has no run report artifact left to read.`);
  });

  it('the previous run succeeded and left no report: broken by the run-level rule, notified', async () => {
    github.serve({
      token: TOKEN,
      runs: [apiRun(RUN_ID, null), apiRun(RUN_ID - 1, 'success')],
      artifacts: [],
    });
    await summarize();
    expect(receiver.requests.map((r) => r.path)).toEqual(['/hook']);
  });

  it('without actions: read (403): one warning naming the permission, notified as always, the step unharmed', async () => {
    github.serve({ token: TOKEN, runs: [], answer: () => forbidden() });
    const { out } = await summarize();
    expect(receiver.requests.map((r) => r.path)).toEqual(['/hook']);
    const found = warnings(out);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain('HTTP 403');
    expect(found[0]).toContain('`permissions: actions: read`');
    expect(process.exitCode ?? 0).toBe(0);
  });

  it('the run listing readable but the artifacts forbidden: one warning naming actions: read, run-level answer', async () => {
    github.serve({
      token: TOKEN,
      runs: [apiRun(RUN_ID, null), apiRun(RUN_ID - 1, 'success')],
      artifacts: [PREVIOUS_REPORT],
      answer: (req) => (req.path.endsWith('/artifacts') ? forbidden() : undefined),
    });
    const { out } = await summarize();
    // success then, failure now: broken by the run as a whole.
    expect(receiver.requests.map((r) => r.path)).toEqual(['/hook']);
    expect(warnings(out)).toEqual([
      '::warning::notify-on change: could not read the previous run report (HTTP 403: Resource not accessible by integration) — the workflow needs `permissions: actions: read`; comparing the run as a whole.',
    ]);
  });
});
