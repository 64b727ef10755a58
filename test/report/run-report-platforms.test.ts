// Which platform a report belongs to when the inputs do not say it plainly: a summarize without its
// `platforms` input (the columns come from the leg records and reports, never one platform's cell over
// another's), and a report whose own platform name contradicts the leg record the workflow wrote for it
// (the leg record wins, with one warning naming both).
import { describe, expect, it } from 'vitest';
import type { BuildReport } from '../../src/report/build-report.js';
import {
  buildRunReport,
  inferPlatforms,
  selectPlanned,
  type RunReport,
  type RunReportInput,
} from '../../src/report/run-report.js';
import { GRID_PACKAGES, GRID_RUN_URL, gridInput, gridPlatforms } from '../support/grid.js';

const JOB = `${GRID_RUN_URL}/job`;

/** Each row as `package@platform status`. */
const cells = (run: RunReport): string[] => run.runs.map((r) => `${r.name}@${r.platform} ${r.status}`);

const cell = (run: RunReport, name: string, platform: string) =>
  run.runs.find((r) => r.name === name && r.platform === platform);

/** The leg index the plan gives a report's leg (package-major: 3 legs per package), as the action records it. */
function withMatrix(input: RunReportInput): RunReportInput {
  const platforms = gridPlatforms().map((p) => p.name);
  for (const r of input.reports) {
    const platform = r.platform?.name ?? '';
    const index = GRID_PACKAGES.indexOf(r.requestedPackages[0]!) * 3 + platforms.indexOf(platform);
    r.run = { ...r.run, matrix: JSON.stringify({ leg: r.run.jobUrl?.split('/').at(-1), index, platform }) };
  }
  return input;
}

describe('no platforms input, but the legs and reports name theirs', () => {
  it('takes the named platforms as the columns, in the order of the legs, and keeps every cell', () => {
    const input = withMatrix(gridInput());
    const out = buildRunReport({ ...input, platforms: [] });
    expect(out.platforms.map((p) => p.name)).toEqual(['jp6-orin', 'jp5-xavier', 'x86-desktop']);
    expect(out.totals).toMatchObject({ packages: 10, cells: 30, failure: 5, missing: 1, cancelled: 2 });
    expect(out.status).toBe('failure');
    expect(cell(out, 'torchvision', 'jp5-xavier')?.status).toBe('failure');
    expect(cell(out, 'torchvision', 'jp6-orin')?.status).toBe('success');
    expect(out.failed).toContainEqual({ package: 'torchvision', platform: 'jp5-xavier' });
    // The same rows as with the input given.
    expect(cells(out)).toEqual(cells(buildRunReport(withMatrix(gridInput()))));
  });

  it('without leg indexes, in the order the platforms first appear', () => {
    const input = gridInput();
    expect(inferPlatforms(input.reports, input.legs!).map((p) => p.name)).toEqual([
      'x86-desktop',
      'jp5-xavier',
      'jp6-orin',
    ]);
    const out = buildRunReport({ ...input, platforms: undefined });
    expect(out.totals.cells).toBe(30);
    expect(cell(out, 'torchvision', 'jp5-xavier')?.status).toBe('failure');
  });

  it('one named platform is still the one-platform form', () => {
    const input = gridInput();
    const jp6 = input.legs!.filter((l) => l.platform === 'jp6-orin');
    expect(
      inferPlatforms(
        input.reports.filter((r) => r.platform?.name === 'jp6-orin'),
        jp6,
      ),
    ).toEqual([]);
  });
});

/** The 10 × 3 grid with jp6-orin's torchvision report claiming to be jp5-xavier's. */
function misnamed(): { input: RunReportInput; report: BuildReport } {
  const input = gridInput();
  const report = input.reports.find((r) => r.run.jobUrl === `${JOB}/jp6-orin--torchvision`)!;
  report.platform = { ...report.platform!, name: 'jp5-xavier' };
  return { input, report };
}

describe("a report whose platform contradicts its leg record's", () => {
  it("is the leg record's platform's cell, with one warning naming both", () => {
    const { input } = misnamed();
    const warnings: string[] = [];
    const out = buildRunReport({ ...input, warn: (m) => warnings.push(m) });
    // jp5-xavier keeps its own failure; jp6-orin has its report, not "without writing report.json".
    expect(cell(out, 'torchvision', 'jp5-xavier')).toMatchObject({
      status: 'failure',
      leg: 'jp5-xavier--torchvision',
    });
    expect(cell(out, 'torchvision', 'jp6-orin')).toMatchObject({
      status: 'success',
      reason: null,
      leg: 'jp6-orin--torchvision',
    });
    expect(out.totals.cells).toBe(30);
    expect(warnings).toEqual([
      'A report names another platform than the leg that uploaded it; the leg’s platform is used: report of torchvision (attempt 1) says jp5-xavier, its leg jp6-orin--torchvision ran on jp6-orin.',
    ]);
  });

  it('a report claiming an unplanned platform stays in its leg’s cell, not ignored', () => {
    const input = gridInput();
    const report = input.reports.find((r) => r.run.jobUrl === `${JOB}/jp5-xavier--numpy`)!;
    report.platform = { ...report.platform!, name: 'evil' };
    report.packages[0]!.status = 'failure';
    const selected = selectPlanned(
      input.reports,
      input.legs!,
      input.planned,
      input.platforms!.map((p) => p.name),
    );
    expect(selected.ignored).toEqual([]);
    expect(cell(buildRunReport(input), 'numpy', 'jp5-xavier')?.status).toBe('failure');
  });

  it('a report with no leg record of its own keeps its own platform', () => {
    const { input } = misnamed();
    const legs = input.legs!.filter((l) => l.leg !== 'jp6-orin--torchvision');
    const warnings: string[] = [];
    const out = buildRunReport({ ...input, legs, warn: (m) => warnings.push(m) });
    expect(warnings).toEqual([]);
    // Nothing says it is not jp5-xavier's: the later report of that cell wins, as for a re-run.
    expect(cell(out, 'torchvision', 'jp6-orin')?.status).toBe('missing');
  });
});
