// summarize when the grid is not spelled out: without its `platforms` input the columns come from the leg
// records and reports (one notice says so, and no platform's cell overwrites another's); a report naming
// another platform than its leg is one warning; files of a platform this call did not plan are listed in the
// "Reports not planned" notice.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { BuildReport } from '../../src/report/build-report.js';
import type { LegRecord } from '../../src/report/run-report.js';
import { GRID_RUN_URL, gridInput, gridPlatforms } from '../support/grid.js';
import { summarizeGridStep, useStepSandbox } from '../support/summarize-step.js';

const sandbox = useStepSandbox('summarize-inferred-');

/** Runs summarize; its outputs and the workflow commands it printed (`::notice …`, `::warning …`). */
async function summarize(
  reports: BuildReport[],
  legs: LegRecord[],
  platforms: string,
): Promise<{ out: Record<string, string>; commands: string[] }> {
  const { out, printed } = await summarizeGridStep(sandbox.dir, reports, legs, platforms);
  const commands = printed.split('\n').filter((l) => /^::(notice|warning)/.test(l));
  return { out, commands };
}

describe('summarize without the platforms input', () => {
  it('makes the grid of the platforms the legs name, says so once, and keeps jp5-xavier’s failures', async () => {
    const input = gridInput();
    const { out, commands } = await summarize(input.reports, input.legs!, '');
    expect(out['status']).toBe('failure');
    const failed = JSON.parse(out['failed'] as string) as unknown[];
    expect(failed).toHaveLength(6);
    expect(failed).toContainEqual({ package: 'torchvision', platform: 'jp5-xavier' });
    expect(failed).toContainEqual({ package: 'onnxruntime', platform: 'jp5-xavier' });
    const report = JSON.parse(readFileSync(out['report-file'] as string, 'utf8')) as {
      platforms: { name: string }[];
      totals: { cells: number };
    };
    expect(report.totals.cells).toBe(30);
    expect(report.platforms.map((p) => p.name).sort()).toEqual(['jp5-xavier', 'jp6-orin', 'x86-desktop']);
    const notices = commands.filter((c) => c.includes('title=Platforms'));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(
      /^::notice title=Platforms::The platforms input is empty, but the legs ran on 3 platforms \((x86-desktop|jp5-xavier|jp6-orin), (x86-desktop|jp5-xavier|jp6-orin), (x86-desktop|jp5-xavier|jp6-orin)\): they are the grid's columns\. Pass the plan's platforms output/,
    );
  });
});

describe('summarize with platforms', () => {
  it("a report naming another platform than its leg: one warning naming both, the leg's cell", async () => {
    const input = gridInput();
    const report = input.reports.find((r) => r.run.jobUrl === `${GRID_RUN_URL}/job/jp6-orin--torchvision`)!;
    report.platform = { ...report.platform!, name: 'jp5-xavier' };
    const { out, commands } = await summarize(input.reports, input.legs!, JSON.stringify(gridPlatforms()));
    const failed = JSON.parse(out['failed'] as string) as unknown[];
    expect(failed).toContainEqual({ package: 'torchvision', platform: 'jp5-xavier' });
    expect(failed).not.toContainEqual({ package: 'torchvision', platform: 'jp6-orin' });
    const warnings = commands.filter((c) => c.includes('names another platform'));
    expect(warnings).toEqual([
      '::warning::A report names another platform than the leg that uploaded it; the leg’s platform is used: report of torchvision (attempt 1) says jp5-xavier, its leg jp6-orin--torchvision ran on jp6-orin.',
    ]);
  });

  it('files of a platform this call did not plan are listed in the Reports not planned notice', async () => {
    const input = gridInput();
    const stray = structuredClone(input.reports.find((r) => r.requestedPackages[0] === 'numpy')!);
    stray.platform = {
      name: 'jp7-thor',
      expected: { jetpack: '7', l4t: '38', arch: 'aarch64' },
      mismatch: null,
    };
    stray.run = { ...stray.run, jobUrl: `${GRID_RUN_URL}/job/jp7-thor--numpy` };
    stray.runner = { ...stray.runner, name: 'thor-01' };
    const strayLeg: LegRecord = {
      ...input.legs!.find((l) => l.leg === 'jp6-orin--numpy')!,
      leg: 'jp7-thor--numpy',
      platform: 'jp7-thor',
      jobUrl: `${GRID_RUN_URL}/job/jp7-thor--numpy`,
      runner: 'thor-01',
    };
    const { commands } = await summarize(
      [...input.reports, stray],
      [...input.legs!, strayLeg],
      JSON.stringify(gridPlatforms()),
    );
    const notices = commands.filter((c) => c.includes('title=Reports not planned'));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('report of numpy (attempt 1) on jp7-thor');
    expect(notices[0]).toContain('leg record jp7-thor--numpy (numpy) on jp7-thor');
  });
});
