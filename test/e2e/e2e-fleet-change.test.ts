// End to end on dist/summarize.js: notify-on change per cell of the grid. A loopback GitHub API serves the
// previous run and its jetson-run-report artifact (through the API's redirect to the blob, unpacked by the
// bundled @actions/artifact); a torchvision cell that built on jp5-xavier then and fails now notifies, though
// the run was failing both times.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRunReport, type RunReport } from '../../src/report/run-report.js';
import { runAction } from '../support/action-runner.js';
import {
  apiRun,
  startGitHubArtifacts,
  type GitHubArtifactsDouble,
} from '../support/github-artifacts-double.js';
import { GRID_PACKAGES, gridInput, gridPlatforms } from '../support/grid.js';
import { startReceiver, type Receiver } from '../support/receiver.js';

const TOKEN = 'ghs_e2eFleetChangeToken0123456789';
let github: GitHubArtifactsDouble;
let receiver: Receiver;
let reports: string;

beforeAll(async () => {
  receiver = await startReceiver();
  // The 10 × 3 grid's leg artifacts as download-artifact leaves them: one folder each.
  reports = mkdtempSync(path.join(os.tmpdir(), 'e2e-fleet-change-'));
  const input = gridInput();
  input.reports.forEach((r, i) => {
    mkdirSync(path.join(reports, `report-${i}`));
    writeFileSync(path.join(reports, `report-${i}`, 'report.json'), JSON.stringify(r));
  });
  (input.legs ?? []).forEach((l, i) => {
    mkdirSync(path.join(reports, `leg-${i}`));
    writeFileSync(
      path.join(reports, `leg-${i}`, 'jetson-leg.json'),
      JSON.stringify({ ...l, packages: l.packages.join(' ') }),
    );
  });
  // The previous run: the same grid (failing as well), but torchvision built on jp5-xavier.
  const previous = JSON.parse(JSON.stringify(buildRunReport(gridInput()))) as RunReport;
  for (const row of previous.runs) {
    if (row.name === 'torchvision' && row.platform === 'jp5-xavier') row.status = 'success';
  }
  github = await startGitHubArtifacts({
    token: TOKEN,
    runs: [apiRun(4242, null), apiRun(4241, 'failure')],
    artifacts: [
      {
        id: 88,
        runId: 4241,
        name: 'jetson-run-report-0123456789ab-1',
        files: { 'run-report.json': previous },
      },
    ],
  });
});
afterAll(async () => {
  await github.close();
  await receiver.close();
  rmSync(reports, { recursive: true, force: true });
});

describe('e2e: dist/summarize.js, notify-on change per cell', () => {
  it('a cell broken in a run that was failing already notifies; each row says how it changed', async () => {
    const run = await runAction({
      entry: 'summarize.js',
      skipPost: true,
      timeoutMs: 60_000,
      inputs: {
        reports,
        packages: JSON.stringify(GRID_PACKAGES),
        platforms: JSON.stringify(gridPlatforms()),
        needs: JSON.stringify({ plan: { result: 'success' }, build: { result: 'failure' } }),
        'webhook-url': receiver.urlFor('/run'),
        'webhook-retries': '0',
        'notify-on': 'change',
        'github-token': TOKEN,
        'fail-on-build-error': 'false',
      },
      env: { GITHUB_API_URL: github.url, NO_PROXY: '127.0.0.1', no_proxy: '127.0.0.1' },
    });
    expect(run.main.code, run.main.stdout).toBe(0);
    expect(run.main.stdout).toContain(
      'notify-on change: broken, 30 cell(s) against jetson-run-report-0123456789ab-1 of run 4241.',
    );
    const posts = receiver.requestsTo('/run');
    expect(posts).toHaveLength(1);
    const body = posts[0]?.json as RunReport;
    expect(body.status).toBe('failure');
    // Every other cell - failing, cancelled or built - is as it was.
    expect(body.runs.filter((r) => r.change !== 'same').map((r) => [r.name, r.platform, r.change])).toEqual([
      ['torchvision', 'jp5-xavier', 'broken'],
    ]);
    expect(JSON.parse(run.main.outputs['failed'] as string)).toContainEqual({
      package: 'torchvision',
      platform: 'jp5-xavier',
    });
    const file = JSON.parse(readFileSync(run.main.outputs['report-file'] as string, 'utf8')) as RunReport;
    expect(file.runs.find((r) => r.name === 'torchvision' && r.platform === 'jp5-xavier')?.change).toBe(
      'broken',
    );
  }, 90_000);
});
