// notify-on change for the whole matrix run (summarize), in process, against a loopback double of the GitHub
// REST API and a loopback receiver.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { runSummarize } from '../../src/fleet/summarize.js';
import { resetSecretsForTest } from '../../src/runner/secrets.js';
import { startReceiver, type Receiver } from '../support/receiver.js';
import { apiRun, startGitHubApi, type ApiRun, type GitHubApiDouble } from '../support/github-api-double.js';

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'reports');
const TOKEN = 'ghs_summarizeTokenAbCdEfGhIjKlMn';
const RUN_ID = 987654321;

let receiver: Receiver;
let api: GitHubApiDouble;
// The double reads this list on every request: each test sets the runs it knows.
const runs: ApiRun[] = [];
let dir: string;
const saved = { ...process.env };

beforeAll(async () => {
  receiver = await startReceiver();
  api = await startGitHubApi({ repository: 'acme/jetson-images', runs, token: TOKEN });
});
afterAll(async () => {
  await receiver.close();
  await api.close();
});
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'change-run-'));
  receiver.clear();
  api.receiver.clear();
  resetSecretsForTest();
});
afterEach(() => {
  for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
  Object.assign(process.env, saved);
  process.exitCode = 0;
  rmSync(dir, { recursive: true, force: true });
});

/** A failed run of one leg (torchvision), its only target firing on change; the step's stdout. */
async function summarizeFailedRun(): Promise<string> {
  const reports = path.join(dir, 'jetson-reports', 'jetson-report-torchvision-1');
  mkdirSync(reports, { recursive: true });
  cpSync(path.join(FIXTURES, 'failure-torchvision'), reports, { recursive: true });
  for (const f of ['output', 'summary']) writeFileSync(path.join(dir, f), '');
  Object.assign(process.env, {
    GITHUB_OUTPUT: path.join(dir, 'output'),
    GITHUB_STEP_SUMMARY: path.join(dir, 'summary'),
    GITHUB_REPOSITORY: 'acme/jetson-images',
    GITHUB_RUN_ID: String(RUN_ID),
    GITHUB_API_URL: api.url,
    GITHUB_WORKSPACE: dir,
    RUNNER_TEMP: dir,
    NO_PROXY: '127.0.0.1,localhost',
    no_proxy: '127.0.0.1,localhost',
    INPUT_REPORTS: 'jetson-reports',
    INPUT_NEEDS: JSON.stringify({ plan: { result: 'success' }, build: { result: 'failure' } }),
    INPUT_PACKAGES: JSON.stringify(['torchvision']),
    'INPUT_FAIL-ON-BUILD-ERROR': 'false',
    INPUT_WEBHOOKS: `- url: ${receiver.urlFor('/hook')}\n  on: change`,
    'INPUT_GITHUB-TOKEN': TOKEN,
  });
  const writes: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    writes.push(String(chunk));
    return true;
  });
  try {
    const run = await runSummarize(process.env);
    expect(run.status).toBe('failure');
  } finally {
    spy.mockRestore();
  }
  return writes.join('');
}

describe('summarize: notify-on change', () => {
  it('the previous run succeeded, this one failed → broken: the change target is notified', async () => {
    runs.splice(0, runs.length, apiRun(RUN_ID - 1, 'success'), apiRun(RUN_ID, null));
    const out = await summarizeFailedRun();
    expect(receiver.requests.map((r) => r.path)).toEqual(['/hook']);
    expect(api.requests.map((r) => r.path)).toEqual([
      `/repos/acme/jetson-images/actions/runs/${RUN_ID}`,
      '/repos/acme/jetson-images/actions/workflows/161335/runs',
      // Per cell first: this double has no artifacts (404), so the run as a whole is compared.
      `/repos/acme/jetson-images/actions/runs/${RUN_ID - 1}/artifacts`,
    ]);
    expect(out).not.toContain('::warning::notify-on change');
  });

  it('the previous run failed too → the same: nothing is sent', async () => {
    runs.splice(0, runs.length, apiRun(RUN_ID - 1, 'failure'), apiRun(RUN_ID, null));
    await summarizeFailedRun();
    expect(receiver.requests).toEqual([]);
    expect(api.requests.length).toBe(3);
  });
});
