// compare-size's look-up against a loopback GitHub API: the real Octokit client and the real @actions/artifact
// download (API 302 → blob zip → unpacked), nothing mocked.
import { mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreviousSizeRequest } from '../../src/github/previous-size.js';
import {
  apiRun,
  forbidden,
  reportWithSizes,
  startGitHubArtifacts,
  type ApiArtifact,
  type GitHubArtifactsDouble,
  type GitHubArtifactsDoubleOptions,
} from '../support/github-artifacts-double.js';

const GB = 1_000_000_000;
let double: GitHubArtifactsDouble;
let mod: typeof import('../../src/github/previous-size.js');
let readGitHubRun: typeof import('../../src/runner/github.js').readGitHubRun;
const savedApiUrl = process.env.GITHUB_API_URL;

beforeAll(async () => {
  double = await startGitHubArtifacts({ runs: [], maxHangMs: 5000 });
  // @actions/artifact's download builds its client from GITHUB_API_URL as @actions/github read it when it was
  // loaded, as on a runner: so the double is up and named before the code is loaded.
  process.env.GITHUB_API_URL = double.url;
  mod = await import('../../src/github/previous-size.js');
  ({ readGitHubRun } = await import('../../src/runner/github.js'));
});
afterAll(async () => {
  await double.close();
  if (savedApiUrl === undefined) delete process.env.GITHUB_API_URL;
  else process.env.GITHUB_API_URL = savedApiUrl;
});

function start(opts: GitHubArtifactsDoubleOptions): GitHubArtifactsDouble {
  double.serve({ token: 'ghs_compare_size_token', ...opts });
  return double;
}

const findPreviousSizes = (req: PreviousSizeRequest): ReturnType<typeof mod.findPreviousSizes> =>
  mod.findPreviousSizes(req);

function request(d: GitHubArtifactsDouble, extra: Partial<PreviousSizeRequest> = {}): PreviousSizeRequest {
  return {
    token: 'ghs_compare_size_token',
    run: readGitHubRun({
      GITHUB_REPOSITORY: 'octo-org/jetson-images',
      GITHUB_RUN_ID: '130',
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_API_URL: d.url,
    }),
    packages: ['pytorch:2.8'],
    artifactName: 'jetson-build-logs-build-attempt1',
    tempDir: mkdtempSync(path.join(os.tmpdir(), 'previous-size-')),
    ...extra,
  };
}

const logsArtifact = (id: number, runId: number, sizes: Record<string, number | null>): ApiArtifact => ({
  id,
  runId,
  name: 'jetson-build-logs-build-attempt1',
  files: { 'report.json': reportWithSizes(sizes), 'console.log': 'built\n', 'build/pytorch.txt': 'log\n' },
});

describe('findPreviousSizes', () => {
  it('finds the size in the previous successful run, stepping over failed and cancelled ones', async () => {
    const d = start({
      runs: [
        apiRun(130, null),
        apiRun(129, 'failure'),
        apiRun(128, 'cancelled'),
        apiRun(127, 'success'),
        apiRun(126, 'success'),
      ],
      artifacts: [
        logsArtifact(9127, 127, { 'pytorch:2.8': 7.9 * GB }),
        logsArtifact(9126, 126, { 'pytorch:2.8': 7 * GB }),
      ],
    });
    const info: string[] = [];
    const answer = await findPreviousSizes(request(d, { info: (m) => info.push(m) }));
    expect(answer.warning).toBeNull();
    expect(answer.sizes.get('pytorch:2.8')).toEqual({
      sizeBytes: 7_900_000_000,
      runId: 127,
      runNumber: 127,
      runUrl: 'https://github.com/octo-org/jetson-images/actions/runs/127',
    });
    // One run's artifacts listed, one artifact fetched: through the API's redirect to the blob.
    expect(d.paths().filter((p) => p.includes('/artifacts'))).toEqual([
      '/repos/octo-org/jetson-images/actions/runs/127/artifacts',
      '/repos/octo-org/jetson-images/actions/artifacts/9127/zip',
    ]);
    expect(d.paths()).toContain('/blob/9127.zip');
  });

  it('never reads a fork’s run, whose branch has the same name as this one', async () => {
    const d = start({
      runs: [
        apiRun(130, null),
        apiRun(129, 'success', {
          head_repository: { full_name: 'mallory/jetson-images' },
          event: 'pull_request',
        }),
        apiRun(128, 'success', { head_repository: null, event: 'pull_request' }),
        apiRun(127, 'success'),
      ],
      artifacts: [
        logsArtifact(9129, 129, { 'pytorch:2.8': 1 }),
        logsArtifact(9128, 128, { 'pytorch:2.8': 2 }),
        logsArtifact(9127, 127, { 'pytorch:2.8': 7.9 * GB }),
      ],
    });
    const answer = await findPreviousSizes(request(d));
    expect(answer.sizes.get('pytorch:2.8')?.runId).toBe(127);
    expect(answer.sizes.get('pytorch:2.8')?.sizeBytes).toBe(7_900_000_000);
    expect(d.paths().filter((p) => p.endsWith('/artifacts'))).toEqual([
      '/repos/octo-org/jetson-images/actions/runs/127/artifacts',
    ]);
  });

  it('reads nothing from an artifact that unpacks to more than its bound, and removes what it unpacked', async () => {
    const padded = {
      ...(reportWithSizes({ 'pytorch:2.8': 7 * GB }) as object),
      padding: 'x'.repeat(200_000),
    };
    const d = start({
      runs: [apiRun(130, null), apiRun(127, 'success')],
      artifacts: [
        { id: 9127, runId: 127, name: 'jetson-build-logs-build-attempt1', files: { 'report.json': padded } },
      ],
    });
    const tempDir = mkdtempSync(path.join(os.tmpdir(), 'previous-size-'));
    const answer = await findPreviousSizes(request(d, { tempDir, maxUnpackedBytes: 100_000 }));
    expect(answer.sizes.size).toBe(0);
    expect(answer.warning).toBe(
      "compare-size: the artifact 'jetson-build-logs-build-attempt1' of run #127 unpacks to more than 100000 bytes; it was not read.",
    );
    expect(readdirSync(tempDir)).toEqual([]);
  });

  it('says nothing when no earlier run succeeded', async () => {
    const d = start({ runs: [apiRun(130, null), apiRun(129, 'failure'), apiRun(120, 'cancelled')] });
    const info: string[] = [];
    const answer = await findPreviousSizes(request(d, { info: (m) => info.push(m) }));
    expect(answer).toEqual({ sizes: new Map(), warning: null });
    expect(d.paths().some((p) => p.endsWith('/artifacts'))).toBe(false);
    expect(info).toEqual([
      'compare-size: no earlier successful run of this workflow on this branch; nothing to compare.',
    ]);
  });

  it('warns once, naming the permission, when the token may not read runs (403)', async () => {
    const d = start({ runs: [apiRun(130, null)], answer: () => forbidden() });
    const answer = await findPreviousSizes(request(d));
    expect(answer.sizes.size).toBe(0);
    expect(answer.warning).toBe(
      'compare-size: could not read the previous image sizes (HTTP 403: Resource not accessible by integration)' +
        ' — the workflow needs `permissions: actions: read`.',
    );
  });

  it('says nothing when the previous report does not have the package (or no size for it)', async () => {
    const d = start({
      runs: [apiRun(130, null), apiRun(127, 'success')],
      artifacts: [logsArtifact(9127, 127, { torchvision: 2 * GB, 'pytorch:2.8': null })],
    });
    const answer = await findPreviousSizes(request(d));
    expect(answer).toEqual({ sizes: new Map(), warning: null });
  });

  it('reads nothing from a schema 1 report (no image facts then)', async () => {
    const d = start({
      runs: [apiRun(130, null), apiRun(127, 'success')],
      artifacts: [
        {
          id: 9127,
          runId: 127,
          name: 'jetson-build-logs-build-attempt1',
          files: { 'report.json': reportWithSizes({ 'pytorch:2.8': 7 * GB }, 1) },
        },
      ],
    });
    expect(await findPreviousSizes(request(d))).toEqual({ sizes: new Map(), warning: null });
  });

  it('warns once with the status when the download fails, without waiting out the library’s retries', async () => {
    const d = start({
      runs: [apiRun(130, null), apiRun(127, 'success')],
      artifacts: [logsArtifact(9127, 127, { 'pytorch:2.8': 7.9 * GB })],
      answer: (req) => (req.path.startsWith('/blob/') ? { status: 500, body: 'InternalError' } : undefined),
    });
    const started = Date.now();
    const answer = await findPreviousSizes(request(d));
    expect(answer.sizes.size).toBe(0);
    expect(answer.warning).toBe(
      "compare-size: could not read the previous image sizes (downloading the artifact 'jetson-build-logs-build-attempt1'" +
        ' of run #127 failed: blob storage answered HTTP 500).',
    );
    // The library would retry five times, 5 s apart: one blob request was enough to know.
    expect(d.paths().filter((p) => p.startsWith('/blob/'))).toEqual(['/blob/9127.zip']);
    expect(Date.now() - started).toBeLessThan(4000);
  });

  it('gives up at its time limit when the API does not answer', async () => {
    const d = start({ runs: [apiRun(130, null)], answer: () => ({ hang: true }) });
    const answer = await findPreviousSizes(request(d, { timeoutMs: 800 }));
    expect(answer.warning).toBe(
      `compare-size: could not read the previous image sizes (no answer within 0.8 s from ${d.url} or artifact storage).`,
    );
  });

  it('asks nothing without a token, and warns', async () => {
    const d = start({ runs: [apiRun(130, null)] });
    const answer = await findPreviousSizes(request(d, { token: '' }));
    expect(answer.warning).toBe(mod.NO_TOKEN_WARNING);
    expect(d.requests).toHaveLength(0);
  });

  it('reads the same matrix leg’s artifact first, and each package of a --multiple build from one report', async () => {
    const d = start({
      runs: [apiRun(130, null), apiRun(127, 'success')],
      artifacts: [
        {
          id: 1,
          runId: 127,
          name: 'jetson-build-logs-build-torch-aaaa1111-attempt1',
          files: { 'report.json': reportWithSizes({ torchvision: 1 * GB }) },
        },
        {
          id: 2,
          runId: 127,
          name: 'jetson-build-logs-build-cuda-bbbb2222-attempt2',
          files: { 'report.json': reportWithSizes({ 'pytorch:2.8': 7.9 * GB, 'cuda:12.6': 3 * GB }) },
          sizeBytes: 20 * 1024 * 1024,
        },
        // Expired, or too big to be worth it: never downloaded.
        { id: 3, runId: 127, name: 'jetson-build-logs-build-x-attempt1', files: {}, expired: true },
        { id: 4, runId: 127, name: 'jetson-build-logs-y-attempt1', files: {}, sizeBytes: 900 * 1024 * 1024 },
        { id: 5, runId: 127, name: 'wheels', files: { 'report.json': reportWithSizes({ 'cuda:12.6': 1 }) } },
      ],
    });
    const answer = await findPreviousSizes(
      request(d, {
        packages: ['pytorch:2.8', 'cuda:12.6'],
        artifactName: 'jetson-build-logs-build-cuda-bbbb2222-attempt1',
      }),
    );
    expect(answer.warning).toBeNull();
    expect([...answer.sizes].map(([name, s]) => [name, s.sizeBytes])).toEqual([
      ['pytorch:2.8', 7_900_000_000],
      ['cuda:12.6', 3_000_000_000],
    ]);
    expect(d.paths().filter((p) => p.endsWith('/zip'))).toEqual([
      '/repos/octo-org/jetson-images/actions/artifacts/2/zip',
    ]);
  });

  it('reads the fleet’s report artifact of the same leg before its logs', async () => {
    const d = start({
      runs: [apiRun(130, null), apiRun(127, 'success')],
      artifacts: [
        {
          id: 1,
          runId: 127,
          name: 'jetson-build-logs-k1-leg2-1',
          files: { 'report.json': reportWithSizes({ 'pytorch:2.8': 5 * GB }) },
        },
        {
          id: 2,
          runId: 127,
          name: 'jetson-report-k1-leg2-1',
          files: { 'report.json': reportWithSizes({ 'pytorch:2.8': 7.9 * GB }), 'jetson-leg.json': {} },
        },
      ],
    });
    const answer = await findPreviousSizes(request(d, { artifactName: 'jetson-build-logs-k1-leg2-3' }));
    expect(answer.sizes.get('pytorch:2.8')?.sizeBytes).toBe(7_900_000_000);
    expect(d.paths().filter((p) => p.endsWith('/zip'))).toEqual([
      '/repos/octo-org/jetson-images/actions/artifacts/2/zip',
    ]);
  });

  it('gives up at its time limit when blob storage does not answer, with one warning', async () => {
    const d = start({
      runs: [apiRun(130, null), apiRun(127, 'success')],
      artifacts: [logsArtifact(9127, 127, { 'pytorch:2.8': 7.9 * GB })],
      answer: (req) => (req.path.startsWith('/blob/') ? { hang: true } : undefined),
    });
    const answer = await findPreviousSizes(request(d, { timeoutMs: 1500 }));
    expect(answer.warning).toBe(
      `compare-size: could not read the previous image sizes (no answer within 1.5 s from ${d.url} or artifact storage).`,
    );
  });

  it('a cancel ends the look-up at once, with nothing found and nothing to warn about', async () => {
    const d = start({ runs: [apiRun(130, null)], answer: () => ({ hang: true }) });
    const stop = new AbortController();
    setTimeout(() => stop.abort(), 200);
    const started = Date.now();
    const answer = await findPreviousSizes(request(d, { stop: stop.signal }));
    expect(answer).toEqual({ sizes: new Map(), warning: null });
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
