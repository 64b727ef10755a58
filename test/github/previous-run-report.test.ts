// The previous run's run-report.json for per-cell notify-on change, against a loopback GitHub API: the real
// Octokit listing and the real @actions/artifact download (API 302 → blob zip → unpacked), nothing mocked.
import { mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreviousRunReportRequest } from '../../src/github/previous-run-report.js';
import {
  apiRun,
  forbidden,
  startGitHubArtifacts,
  type ApiArtifact,
  type GitHubArtifactsDouble,
  type GitHubArtifactsDoubleOptions,
} from '../support/github-artifacts-double.js';

const TOKEN = 'ghs_previous_run_report_token';
let double: GitHubArtifactsDouble;
let mod: typeof import('../../src/github/previous-run-report.js');
let readGitHubRun: typeof import('../../src/runner/github.js').readGitHubRun;
const savedApiUrl = process.env.GITHUB_API_URL;

beforeAll(async () => {
  double = await startGitHubArtifacts({ runs: [], maxHangMs: 5000 });
  // @actions/artifact builds its client from GITHUB_API_URL as @actions/github read it when loaded.
  process.env.GITHUB_API_URL = double.url;
  mod = await import('../../src/github/previous-run-report.js');
  ({ readGitHubRun } = await import('../../src/runner/github.js'));
});
afterAll(async () => {
  await double.close();
  if (savedApiUrl === undefined) delete process.env.GITHUB_API_URL;
  else process.env.GITHUB_API_URL = savedApiUrl;
});

function start(opts: Partial<Omit<GitHubArtifactsDoubleOptions, 'token'>>): GitHubArtifactsDouble {
  double.serve({ ...opts, token: TOKEN, runs: opts.runs ?? [apiRun(130, null), apiRun(129, 'failure')] });
  return double;
}

/** A run report as summarize writes it: cells package@platform → status. */
export function runReport(cells: Record<string, string>): object {
  return {
    schema_version: 2,
    event: 'jetson.run.finished',
    status: Object.values(cells).includes('failure') ? 'failure' : 'success',
    runs: Object.entries(cells).map(([cell, status]) => {
      const [name, platform] = cell.split('@');
      return { name, platform: platform ?? null, status, change: null };
    }),
  };
}

const artifact = (id: number, name: string, cells: Record<string, string>, runId = 129): ApiArtifact => ({
  id,
  runId,
  name,
  files: { 'run-report.json': runReport(cells) },
});

const TORCHVISION_GRID = [
  { package: 'torchvision', platform: 'jp6-orin' },
  { package: 'torchvision', platform: 'jp5-xavier' },
];

function request(extra: Partial<PreviousRunReportRequest> = {}): PreviousRunReportRequest {
  return {
    token: TOKEN,
    run: readGitHubRun({
      GITHUB_REPOSITORY: 'octo-org/jetson-images',
      GITHUB_RUN_ID: '130',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_API_URL: double.url,
    }),
    previousRunId: 129,
    cells: TORCHVISION_GRID,
    tempDir: mkdtempSync(path.join(os.tmpdir(), 'previous-run-report-')),
    ...extra,
  };
}

describe('findPreviousRunReport', () => {
  it("reads the previous run's run report through the API's redirect to the blob, and cleans up", async () => {
    const d = start({
      artifacts: [
        artifact(901, 'jetson-run-report-0a1b2c3d4e5f-1', { 'torchvision@jp5-xavier': 'success' }),
        // The legs' reports of that run: not what is read.
        {
          id: 902,
          runId: 129,
          name: 'jetson-report-0a1b2c3d4e5f-jp5-xavier--torchvision-1',
          files: { 'report.json': {} },
        },
      ],
    });
    const req = request();
    const answer = await mod.findPreviousRunReport(req);
    expect(answer.warning).toBeNull();
    expect(answer.artifact).toBe('jetson-run-report-0a1b2c3d4e5f-1');
    expect((answer.report as { runs: unknown[] }).runs).toEqual([
      { name: 'torchvision', platform: 'jp5-xavier', status: 'success', change: null },
    ]);
    expect(d.paths()).toEqual([
      '/repos/octo-org/jetson-images/actions/runs/129/artifacts',
      '/repos/octo-org/jetson-images/actions/artifacts/901/zip',
      '/blob/901.zip',
    ]);
    expect(readdirSync(req.tempDir)).toEqual([]);
  });

  it('two calls of the workflow in that run: the report sharing the most cells; of a call, its last attempt', async () => {
    const d = start({
      artifacts: [
        artifact(911, 'jetson-run-report-aaaaaaaaaaaa-1', { 'torchvision@jp6-orin': 'failure' }),
        artifact(912, 'jetson-run-report-aaaaaaaaaaaa-2', {
          'torchvision@jp6-orin': 'success',
          'torchvision@jp5-xavier': 'success',
        }),
        // Newest, but another call: its packages are not this run's.
        artifact(913, 'jetson-run-report-bbbbbbbbbbbb-1', { 'numpy@jp6-orin': 'success' }),
      ],
    });
    const answer = await mod.findPreviousRunReport(request());
    expect(answer.artifact).toBe('jetson-run-report-aaaaaaaaaaaa-2');
    // Attempt 1 of the same call is never downloaded.
    expect(d.paths().filter((p) => p.startsWith('/blob/'))).toEqual(['/blob/913.zip', '/blob/912.zip']);
  });

  it('a run without a run report (its summary never ran): nothing, no warning, a line for the log', async () => {
    const d = start({
      artifacts: [
        { id: 921, runId: 129, name: 'jetson-build-logs-x-torchvision-1', files: { 'a.log': 'x' } },
      ],
    });
    const info: string[] = [];
    const answer = await mod.findPreviousRunReport(request({ info: (m) => info.push(m) }));
    expect(answer).toEqual({ report: null, artifact: null, warning: null });
    expect(info).toEqual(['notify-on change: run 129 has no run report artifact left to read.']);
    expect(d.paths().some((p) => p.includes('/zip'))).toBe(false);
  });

  it('warns once, naming actions: read, when the token may not list artifacts (403)', async () => {
    start({ answer: () => forbidden() });
    const answer = await mod.findPreviousRunReport(request());
    expect(answer.report).toBeNull();
    expect(answer.warning).toBe(
      'notify-on change: could not read the previous run report (HTTP 403: Resource not accessible by integration)' +
        ' — the workflow needs `permissions: actions: read`; comparing the run as a whole.',
    );
  });

  it('leaves out an artifact listed over the size bound, and refuses one that unpacks past it', async () => {
    const big = 'x'.repeat(64 * 1024);
    const d = start({
      artifacts: [
        { ...artifact(931, 'jetson-run-report-cccccccccccc-1', {}), sizeBytes: 5 * 1024 * 1024 },
        {
          id: 932,
          runId: 129,
          name: 'jetson-run-report-dddddddddddd-1',
          files: { 'run-report.json': runReport({ 'torchvision@jp6-orin': 'success' }), 'padding.txt': big },
        },
      ],
    });
    const answer = await mod.findPreviousRunReport(request({ maxBytes: 32 * 1024 }));
    expect(answer.report).toBeNull();
    expect(answer.warning).toBe(
      "notify-on change: could not read the previous run report (the artifact 'jetson-run-report-dddddddddddd-1'" +
        ' unpacks to more than 32768 bytes); comparing the run as a whole.',
    );
    expect(d.paths()).not.toContain('/repos/octo-org/jetson-images/actions/artifacts/931/zip');
  });

  it('gives up within its time bound when the blob storage never answers', async () => {
    start({
      artifacts: [artifact(941, 'jetson-run-report-eeeeeeeeeeee-1', { 'torchvision@jp6-orin': 'success' })],
      answer: (req) => (req.path.startsWith('/blob/') ? { hang: true } : undefined),
    });
    const answer = await mod.findPreviousRunReport(request({ timeoutMs: 1500 }));
    expect(answer.report).toBeNull();
    expect(answer.warning).toMatch(
      /^notify-on change: could not read the previous run report \(no answer within 1\.5 s from http:\/\/127\.0\.0\.1:\d+ or artifact storage\); comparing the run as a whole\.$/,
    );
  });

  it('asks nothing without a token', async () => {
    const d = start({ artifacts: [] });
    expect(await mod.findPreviousRunReport(request({ token: '' }))).toEqual({
      report: null,
      artifact: null,
      warning: null,
    });
    expect(d.paths()).toEqual([]);
  });
});
