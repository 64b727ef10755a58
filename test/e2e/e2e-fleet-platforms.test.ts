// End to end on dist/summarize.js, the review's cases: a 2 × 128 grid whose only failure is the last column
// (Discord shows ❌ jp6-orin-127 with every link whole and attaches packages.txt), a summarize without its
// `platforms` input (jp5-xavier's failure is not overwritten by jp6-orin's success; one notice), and a jp6-orin
// report that names jp5-xavier (its leg's platform wins, one warning naming both).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuildReport, FailurePoint } from '../../src/report/build-report.js';
import type { LegRecord } from '../../src/report/run-report.js';
import { runAction } from '../support/action-runner.js';
import { startDiscordDouble, type DiscordDouble } from '../support/discord-double.js';
import { expectValidDiscordBody } from '../support/discord-spec.js';
import { GRID_PACKAGES, GRID_RUN_URL, gridInput, scaledGridInput } from '../support/grid.js';

let discord: DiscordDouble;
const dirs: string[] = [];
beforeAll(async () => {
  discord = await startDiscordDouble();
});
afterAll(async () => {
  await discord.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** The legs' artifacts as download-artifact leaves them: one folder each. */
function artifacts(reports: BuildReport[], legs: LegRecord[]): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'e2e-fleet-platforms-'));
  dirs.push(root);
  reports.forEach((r, i) => {
    mkdirSync(path.join(root, `report-${i}`));
    writeFileSync(path.join(root, `report-${i}`, 'report.json'), JSON.stringify(r));
  });
  legs.forEach((l, i) => {
    mkdirSync(path.join(root, `leg-${i}`));
    writeFileSync(
      path.join(root, `leg-${i}`, 'jetson-leg.json'),
      JSON.stringify({ ...l, packages: l.packages.join(' ') }),
    );
  });
  return root;
}

function summarize(reports: string, inputs: Record<string, string>) {
  return runAction({
    entry: 'summarize.js',
    skipPost: true,
    timeoutMs: 120_000,
    inputs: {
      reports,
      needs: JSON.stringify({ plan: { result: 'success' }, build: { result: 'failure' } }),
      'fail-on-build-error': 'false',
      'webhook-retries': '0',
      ...inputs,
    },
    env: { NO_PROXY: '127.0.0.1', no_proxy: '127.0.0.1' },
  });
}

describe('summarize end to end', () => {
  it('2 × 128, only pkg-001 on jp6-orin-127 failed: Discord shows it, links whole, packages.txt attached', async () => {
    const input = scaledGridInput({ packages: 2, platforms: 128, failEvery: 0 });
    const report = input.reports.find(
      (r) => r.requestedPackages[0] === 'pkg-001' && r.platform?.name === 'jp6-orin-127',
    )!;
    const failure: FailurePoint = {
      stage: 'pkg-001',
      stageIndex: 9,
      stageCount: 9,
      phase: 'build',
      error: 'ERROR: pkg-001 failed',
      excerpt: ['boom'],
      logFile: null,
    };
    report.status = 'failure';
    report.packages[0] = { ...report.packages[0]!, status: 'failure', image: null, failure };
    report.failure = failure;
    const root = artifacts(input.reports, input.legs!);
    const run = await summarize(root, {
      packages: JSON.stringify(input.planned),
      platforms: JSON.stringify(input.platforms),
      'discord-webhook-url': discord.webhookUrl(),
    });
    expect(run.main.outputs['status']).toBe('failure');
    expect(JSON.parse(run.main.outputs['failed']!)).toEqual([
      { package: 'pkg-001', platform: 'jp6-orin-127' },
    ]);
    const create = discord.requestsOf('create').at(-1)!;
    expectValidDiscordBody(create.body);
    const description = (create.body as { embeds: { description: string }[] }).embeds[0]!.description;
    const line = description.split('\n').find((l) => l.startsWith('**pkg-001**'))!;
    expect(line).toMatch(/^\*\*pkg-001\*\* — \[❌ jp6-orin-127 build 9\/9\]\(https:\/\/[^\s()]+\) · /);
    expect(line).toMatch(/ · ✅ \d+ others$/);
    expect(line.replace(/\[[^\]]*\]\(https:\/\/[^\s()]+\)/g, '')).not.toMatch(/[[\]()]/);
    expect(create.files).toEqual(['packages.txt']);
  }, 180_000);

  it('no platforms input, and a jp6-orin report naming jp5-xavier: every cell its own, one notice, one warning', async () => {
    const input = gridInput();
    const misnamed = input.reports.find((r) => r.run.jobUrl === `${GRID_RUN_URL}/job/jp6-orin--torchvision`)!;
    misnamed.platform = { ...misnamed.platform!, name: 'jp5-xavier' };
    const root = artifacts(input.reports, input.legs!);
    const run = await summarize(root, { packages: JSON.stringify(GRID_PACKAGES), platforms: '' });
    expect(run.main.outputs['status']).toBe('failure');
    const failed = JSON.parse(run.main.outputs['failed']!) as unknown[];
    expect(failed).toHaveLength(6);
    expect(failed).toContainEqual({ package: 'torchvision', platform: 'jp5-xavier' });
    const report = JSON.parse(readFileSync(run.main.outputs['report-file']!, 'utf8')) as {
      totals: { cells: number };
      runs: { name: string; platform: string; status: string }[];
    };
    expect(report.totals.cells).toBe(30);
    expect(report.runs.find((r) => r.name === 'torchvision' && r.platform === 'jp6-orin')?.status).toBe(
      'success',
    );
    const lines = run.main.stdout.split('\n');
    expect(lines.filter((l) => l.startsWith('::notice title=Platforms::'))).toHaveLength(1);
    expect(lines.filter((l) => l.includes('names another platform'))).toEqual([
      '::warning::A report names another platform than the leg that uploaded it; the leg’s platform is used: report of torchvision (attempt 1) says jp5-xavier, its leg jp6-orin--torchvision ran on jp6-orin.',
    ]);
  }, 180_000);
});
