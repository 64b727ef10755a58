// End to end on dist/summarize.js: when a report artifact cannot be downloaded, @actions/artifact keeps retrying
// the download it was told to abandon; the step must end when its work is done, not ~25 s later with the
// library still fetching.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BuildReport } from '../../src/report/build-report.js';
import { runAction } from '../support/action-runner.js';
import {
  apiRun,
  startGitHubArtifacts,
  type GitHubArtifactsDouble,
} from '../support/github-artifacts-double.js';
import { successChainWithPush } from '../support/reports.js';

const TOKEN = 'ghs_summarize_exit_token';
const KEY = 'a1b2c3d4e5f6';
const RUN_ID = 4242;
let api: GitHubArtifactsDouble;
let dir: string;

beforeAll(async () => {
  api = await startGitHubArtifacts({ runs: [], maxHangMs: 5000 });
  dir = mkdtempSync(path.join(os.tmpdir(), 'e2e-summarize-exit-'));
});
afterAll(async () => {
  await api.close();
  rmSync(dir, { recursive: true, force: true });
});

function report(name: string): BuildReport {
  const r = structuredClone(successChainWithPush());
  r.requestedPackages = [name];
  r.packages = r.packages.slice(0, 1).map((p) => ({ ...p, name }));
  r.run.runAttempt = '1';
  r.run.runId = String(RUN_ID);
  return r;
}

it('a report artifact that cannot be downloaded: the step ends, nothing keeps fetching it', async () => {
  api.serve({
    runs: [apiRun(RUN_ID, null)],
    artifacts: ['numpy', 'torchvision'].map((name, i) => ({
      id: 11 + i,
      runId: RUN_ID,
      name: `jetson-report-${KEY}-${name}-1`,
      files: { 'report.json': report(name) },
    })),
    token: TOKEN,
    answer: (req) => (req.path === '/blob/12.zip' ? { status: 503, body: 'ServerBusy' } : undefined),
  });
  const reports = path.join(dir, 'jetson-reports');
  mkdirSync(reports);
  const run = await runAction({
    entry: 'summarize.js',
    skipPost: true,
    // The step's own work takes a second or two; the library's abandoned retries held it ~25 s. Killed at 15 s
    // (a bound on a hang, not a measurement), the old step shows up as a signal instead of an exit code.
    timeoutMs: 15_000,
    inputs: {
      reports,
      'report-artifacts': `jetson-report-${KEY}-*`,
      needs: JSON.stringify({ plan: { result: 'success' }, build: { result: 'success' } }),
      packages: JSON.stringify(['numpy', 'torchvision']),
      'fail-on-build-error': 'true',
      'github-token': TOKEN,
    },
    env: {
      GITHUB_API_URL: api.url,
      GITHUB_REPOSITORY: 'octo-org/jetson-images',
      GITHUB_RUN_ID: String(RUN_ID),
      GITHUB_RUN_ATTEMPT: '1',
      NO_PROXY: '127.0.0.1',
      no_proxy: '127.0.0.1',
    },
  });
  expect(run.main.signal).toBeNull();
  // fail-on-build-error: the missing torchvision fails the step, and that exit code survives the early exit.
  expect(run.main.code).toBe(1);
  expect(JSON.parse(run.main.outputs['missing-packages'] as string)).toEqual(['torchvision']);
  // Tried twice by summarize, then given up.
  expect(api.paths().filter((p) => p === '/blob/12.zip')).toHaveLength(2);
}, 60_000);
