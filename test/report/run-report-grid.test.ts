// The RunReport of a packages × platforms run: one row per cell, in plan order then platform order.
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import type { BuildReport } from '../../src/report/build-report.js';
import {
  buildRunReport,
  selectPlanned,
  type LegRecord,
  type RunReport,
  type RunReportInput,
} from '../../src/report/run-report.js';
import { GRID_RUN_URL, gridInput, scaledGridInput } from '../support/grid.js';
import { validateReport } from '../support/schema.js';

const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as unknown as (ajv: Ajv2020) => Ajv2020;
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
addFormats(ajv);
const validateRun = ajv.compile(
  JSON.parse(readFileSync(new URL('../../schema/run-report.schema.json', import.meta.url), 'utf8')) as object,
);
function expectValidRun(run: RunReport): void {
  validateRun(run);
  expect(validateRun.errors ?? []).toEqual([]);
}

const JOB = `${GRID_RUN_URL}/job`;
const JP6 = { l4t: '36.4.4', jetpack: '6.2.1', cuda: '12.6', arch: 'aarch64' };
const JP5 = { l4t: '35.4.1', jetpack: '5.1.2', cuda: '11.4', arch: 'aarch64' };
const X86 = { l4t: null, jetpack: null, cuda: '12.8', arch: 'x86_64' };
const JP61_ON_JP5 = { l4t: '36.4.0', jetpack: '6.1', cuda: '12.6', arch: 'aarch64' };
const MISMATCH = 'jp5-xavier promises JetPack 5 (L4T R35), but the runner has L4T 36.4.0 (JetPack 6.1)';
const NO_REPORT = 'no report: the runner was lost, the job timed out, or the report could not be uploaded';

/** Each row as [package, platform, status, reason, failure phase/stage, leg]. */
const cells = (run: RunReport) =>
  run.runs.map((r) => [
    r.name,
    r.platform,
    r.status,
    r.reason,
    r.failure ? `${r.failure.phase}/${r.failure.stage ?? '-'}` : null,
    r.leg,
  ]);

const EXPECTED_CELLS = [
  ['numpy', 'jp6-orin', 'success', null, null, 'jp6-orin--numpy'],
  ['numpy', 'jp5-xavier', 'success', null, null, 'jp5-xavier--numpy'],
  ['numpy', 'x86-desktop', 'success', null, null, 'x86-desktop--numpy'],
  ['pytorch:2.8', 'jp6-orin', 'success', null, null, 'jp6-orin--pytorch-2.8'],
  ['pytorch:2.8', 'jp5-xavier', 'success', null, null, 'jp5-xavier--pytorch-2.8'],
  ['pytorch:2.8', 'x86-desktop', 'failure', null, 'test/pytorch:2.8', 'x86-desktop--pytorch-2.8'],
  ['torchvision', 'jp6-orin', 'success', null, null, 'jp6-orin--torchvision'],
  ['torchvision', 'jp5-xavier', 'failure', null, 'build/torchvision', 'jp5-xavier--torchvision'],
  ['torchvision', 'x86-desktop', 'success', null, null, 'x86-desktop--torchvision'],
  ['ros:humble-desktop', 'jp6-orin', 'success', null, null, 'jp6-orin--ros-humble-desktop'],
  ['ros:humble-desktop', 'jp5-xavier', 'cancelled', null, 'build/cudnn', 'jp5-xavier--ros-humble-desktop'],
  ['ros:humble-desktop', 'x86-desktop', 'success', null, null, 'x86-desktop--ros-humble-desktop'],
  ['opencv', 'jp6-orin', 'success', null, null, 'jp6-orin--opencv-cmake'],
  ['opencv', 'jp5-xavier', 'success', null, null, 'jp5-xavier--opencv-cmake'],
  ['opencv', 'x86-desktop', 'failure', null, 'build/opencv', 'x86-desktop--opencv-cmake'],
  ['cmake', 'jp6-orin', 'success', null, null, 'jp6-orin--opencv-cmake'],
  ['cmake', 'jp5-xavier', 'success', null, null, 'jp5-xavier--opencv-cmake'],
  [
    'cmake',
    'x86-desktop',
    'cancelled',
    'not built: the leg stopped before reaching it',
    null,
    'x86-desktop--opencv-cmake',
  ],
  ['onnxruntime', 'jp6-orin', 'success', null, null, 'jp6-orin--onnxruntime'],
  ['onnxruntime', 'jp5-xavier', 'missing', NO_REPORT, null, null],
  ['onnxruntime', 'x86-desktop', 'success', null, null, 'x86-desktop--onnxruntime'],
  ['tensorrt', 'jp6-orin', 'success', null, null, 'jp6-orin--tensorrt'],
  ['tensorrt', 'jp5-xavier', 'success', null, null, 'jp5-xavier--tensorrt'],
  [
    'tensorrt',
    'x86-desktop',
    'failure',
    'the setup step failed before the build started',
    'setup/-',
    'x86-desktop--tensorrt',
  ],
  [
    'l4t-ml',
    'jp6-orin',
    'failure',
    'timed out: the build step reached timeout-minutes',
    'build/cudnn',
    'jp6-orin--l4t-ml',
  ],
  ['l4t-ml', 'jp5-xavier', 'success', null, null, 'jp5-xavier--l4t-ml'],
  ['l4t-ml', 'x86-desktop', 'success', null, null, 'x86-desktop--l4t-ml'],
  ['transformers', 'jp6-orin', 'success', null, null, 'jp6-orin--transformers'],
  ['transformers', 'jp5-xavier', 'success', null, null, 'jp5-xavier--transformers'],
  ['transformers', 'x86-desktop', 'success', null, null, 'x86-desktop--transformers'],
];

/** The environment (and mismatch) of every row: the platform's, but none for a cell with no report. */
function expectEnvironments(run: RunReport): void {
  const byPlatform: Record<string, unknown> = { 'jp6-orin': JP6, 'jp5-xavier': JP5, 'x86-desktop': X86 };
  for (const r of run.runs) {
    const cell = `${r.name}@${r.platform}`;
    if (cell === 'onnxruntime@jp5-xavier' || cell === 'tensorrt@x86-desktop') {
      expect(r.environment, cell).toBe(null);
      expect(r.platform_mismatch, cell).toBe(null);
    } else if (cell === 'transformers@jp5-xavier') {
      expect(r.environment, cell).toEqual(JP61_ON_JP5);
      expect(r.platform_mismatch, cell).toBe(MISMATCH);
    } else {
      expect(r.environment, cell).toEqual(byPlatform[r.platform as string]);
      expect(r.platform_mismatch, cell).toBe(null);
    }
    expect(r.change, cell).toBe(null);
  }
}

describe('a 10 packages × 3 platforms run', () => {
  const run = buildRunReport(gridInput());

  it('has a row per cell, packages in plan order and platforms in plan order within each', () => {
    expectValidRun(run);
    expect(cells(run)).toEqual(EXPECTED_CELLS);
    expectEnvironments(run);
  });

  it('links each cell to its own job and its own log artifact', () => {
    const row = (name: string, platform: string) =>
      run.runs.find((r) => r.name === name && r.platform === platform)!;
    expect(row('torchvision', 'jp5-xavier')).toMatchObject({
      web_url: `${JOB}/jp5-xavier--torchvision`,
      host_tag: 'xavier-nx-02',
      image: null,
    });
    expect(row('torchvision', 'jp5-xavier').log_url).toMatch(/\/artifacts\/\d+$/);
    expect(row('torchvision', 'jp6-orin')).toMatchObject({
      web_url: `${JOB}/jp6-orin--torchvision`,
      host_tag: 'orin-agx-01',
      image: 'torchvision:r36.4.tegra-aarch64-cu126-22.04',
    });
    expect(row('torchvision', 'jp6-orin').log_url).not.toBe(row('torchvision', 'jp5-xavier').log_url);
    // The setup failure has no report: its job page, the run's logs.
    expect(row('tensorrt', 'x86-desktop')).toMatchObject({
      web_url: `${JOB}/x86-desktop--tensorrt`,
      log_url: GRID_RUN_URL,
      host_tag: 'desktop-4090',
    });
    expect(row('onnxruntime', 'jp5-xavier')).toMatchObject({ web_url: GRID_RUN_URL, host_tag: null });
  });

  it('counts cells and distinct packages, and lists failed cells with their platform', () => {
    expect(run.status).toBe('failure');
    expect(run.totals).toEqual({
      packages: 10,
      cells: 30,
      success: 22,
      failure: 5,
      cancelled: 2,
      missing: 1,
    });
    expect(run.failed).toEqual([
      { package: 'pytorch:2.8', platform: 'x86-desktop' },
      { package: 'torchvision', platform: 'jp5-xavier' },
      { package: 'opencv', platform: 'x86-desktop' },
      { package: 'onnxruntime', platform: 'jp5-xavier' },
      { package: 'tensorrt', platform: 'x86-desktop' },
      { package: 'l4t-ml', platform: 'jp6-orin' },
    ]);
    expect(run.failed_packages).toEqual([
      'pytorch:2.8',
      'torchvision',
      'opencv',
      'onnxruntime',
      'tensorrt',
      'l4t-ml',
    ]);
    expect(run.missing_packages).toEqual(['onnxruntime']);
    expect(run.message).toBe(
      '22 of 30 builds succeeded on 3 platforms; ' +
        'failed: pytorch:2.8 on x86-desktop, torchvision on jp5-xavier, opencv on x86-desktop, tensorrt on x86-desktop, l4t-ml on jp6-orin; ' +
        'no report: onnxruntime on jp5-xavier; ' +
        'cancelled: ros:humble-desktop on jp5-xavier, cmake on x86-desktop.',
    );
  });

  it('has a column per planned platform with the environment its runners reported', () => {
    // jp5-xavier's column shows its JetPack 5 runners, not the mismatched JetPack 6.1 one.
    expect(run.platforms).toEqual([
      { name: 'jp6-orin', labels: ['self-hosted', 'jetson', 'orin', 'jp6'], environment: JP6 },
      { name: 'jp5-xavier', labels: ['self-hosted', 'jetson', 'xavier', 'jp5'], environment: JP5 },
      { name: 'x86-desktop', labels: ['self-hosted', 'linux', 'x64', 'cuda'], environment: X86 },
    ]);
  });

  it('its reports are BuildReports by the shipped schema, platform included', () => {
    const input = gridInput();
    for (const r of input.reports) expect(() => validateReport(JSON.parse(JSON.stringify(r)))).not.toThrow();
    expect(input.reports.find((r) => r.platform?.mismatch)?.platform).toEqual({
      name: 'jp5-xavier',
      expected: { jetpack: '5', l4t: '35', arch: 'aarch64' },
      mismatch: MISMATCH,
    });
  });

  it('reports that do not name their platform (earlier action versions) take their leg record’s', () => {
    const old = buildRunReport(gridInput({ platformFacts: false }));
    expect(cells(old)).toEqual(EXPECTED_CELLS);
    // The mismatch is worked out from the leg's platform and the report's environment.
    expectEnvironments(old);
  });

  it('a report without a platform is placed by its job page, then by its runner, among several legs', () => {
    const input = gridInput({ platformFacts: false });
    // The leg records agree on packages and attempt: only the job page or the runner tells them apart.
    const byJob = input.reports.find((r) => r.run.jobUrl === `${JOB}/jp5-xavier--torchvision`)!;
    byJob.runner = { ...byJob.runner, name: 'orin-agx-01' }; // misleading: the job page wins
    const byRunner = input.reports.find((r) => r.run.jobUrl === `${JOB}/x86-desktop--pytorch-2.8`)!;
    byRunner.run = { ...byRunner.run, jobUrl: null };
    const out = buildRunReport(input);
    expect(cells(out)).toEqual(EXPECTED_CELLS);
  });
});

describe('what is kept and what replaces what', () => {
  it('a report and leg record of a platform that was not planned are ignored, with a line each', () => {
    const input = gridInput();
    const stray = structuredClone(input.reports.find((r) => r.requestedPackages[0] === 'numpy')!);
    stray.platform = {
      name: 'jp7-thor',
      expected: { jetpack: '7', l4t: '38', arch: 'aarch64' },
      mismatch: null,
    };
    stray.packages[0]!.status = 'failure';
    // Its own job and runner, as another call's leg has: a job page or runner of ours would make it ours.
    stray.run = { ...stray.run, jobUrl: `${JOB}/jp7-thor--numpy` };
    stray.runner = { ...stray.runner, name: 'thor-01' };
    const strayLeg: LegRecord = {
      ...input.legs!.find((l) => l.leg === 'jp6-orin--numpy')!,
      leg: 'jp7-thor--numpy',
      platform: 'jp7-thor',
      jobUrl: `${JOB}/jp7-thor--numpy`,
      runner: 'thor-01',
    };
    const all = { ...input, reports: [...input.reports, stray], legs: [...input.legs!, strayLeg] };
    const selected = selectPlanned(
      all.reports,
      all.legs,
      all.planned,
      all.platforms!.map((p) => p.name),
    );
    expect(selected.ignored).toEqual([
      'report of numpy (attempt 1) on jp7-thor',
      'leg record jp7-thor--numpy (numpy) on jp7-thor',
    ]);
    expect(selected.reports).toHaveLength(input.reports.length);
    const out = buildRunReport(all);
    expect(cells(out)).toEqual(EXPECTED_CELLS);
    expect(out.platforms.map((p) => p.name)).toEqual(['jp6-orin', 'jp5-xavier', 'x86-desktop']);
  });

  it('a re-run attempt replaces its own cell only', () => {
    const input = gridInput();
    const failed = input.reports.find((r) => r.run.jobUrl === `${JOB}/jp5-xavier--torchvision`)!;
    const rerun = structuredClone(failed);
    rerun.run = { ...rerun.run, runAttempt: '2' };
    rerun.status = 'success';
    rerun.failure = null;
    rerun.packages = [
      { ...rerun.packages[0]!, status: 'success', image: 'torchvision:r35.4.tegra', failure: null },
    ];
    rerun.endTime = '2026-11-20T15:00:00.000Z';
    const leg1 = input.legs!.find((l) => l.leg === 'jp5-xavier--torchvision')!;
    const leg2: LegRecord = {
      ...leg1,
      runAttempt: '2',
      jobUrl: `${JOB}/jp5-xavier--torchvision-2`,
      buildOutcome: 'success',
    };
    const out = buildRunReport({
      ...input,
      reports: [rerun, ...input.reports],
      legs: [...input.legs!, leg2],
    });
    const torchvision = out.runs.filter((r) => r.name === 'torchvision');
    expect(torchvision.map((r) => [r.platform, r.status, r.image, r.web_url])).toEqual([
      ['jp6-orin', 'success', 'torchvision:r36.4.tegra-aarch64-cu126-22.04', `${JOB}/jp6-orin--torchvision`],
      ['jp5-xavier', 'success', 'torchvision:r35.4.tegra', `${JOB}/jp5-xavier--torchvision-2`],
      ['x86-desktop', 'success', 'torchvision:amd64-cu128-24.04', `${JOB}/x86-desktop--torchvision`],
    ]);
    expect(out.totals).toEqual({
      packages: 10,
      cells: 30,
      success: 23,
      failure: 4,
      cancelled: 2,
      missing: 1,
    });
    expect(out.failed).not.toContainEqual({ package: 'torchvision', platform: 'jp5-xavier' });
  });

  it('a leg record without a report makes that cell missing, and only that one', () => {
    const input = gridInput();
    const reports = input.reports.filter((r) => r.run.jobUrl !== `${JOB}/x86-desktop--numpy`);
    input.legs!.find((l) => l.leg === 'x86-desktop--numpy')!.buildOutcome = 'failure';
    const out = buildRunReport({ ...input, reports });
    expect(cells(out).slice(0, 3)).toEqual([
      ['numpy', 'jp6-orin', 'success', null, null, 'jp6-orin--numpy'],
      ['numpy', 'jp5-xavier', 'success', null, null, 'jp5-xavier--numpy'],
      [
        'numpy',
        'x86-desktop',
        'missing',
        'the leg ended (failure) without writing report.json',
        null,
        'x86-desktop--numpy',
      ],
    ]);
    expect(out.runs[2]!.web_url).toBe(`${JOB}/x86-desktop--numpy`);
    expect(out.missing_packages).toEqual(['numpy', 'onnxruntime']);
    expect(out.failed.filter((f) => f.package === 'numpy')).toEqual([
      { package: 'numpy', platform: 'x86-desktop' },
    ]);
  });

  it('a planned platform no leg ran on at all is a column of missing cells', () => {
    const input = gridInput();
    const out = buildRunReport({
      ...input,
      planned: ['numpy'],
      platforms: [...input.platforms!, { name: 'jp7-thor', labels: ['self-hosted', 'thor'] }],
    });
    expect(cells(out)).toEqual([
      ['numpy', 'jp6-orin', 'success', null, null, 'jp6-orin--numpy'],
      ['numpy', 'jp5-xavier', 'success', null, null, 'jp5-xavier--numpy'],
      ['numpy', 'x86-desktop', 'success', null, null, 'x86-desktop--numpy'],
      ['numpy', 'jp7-thor', 'missing', NO_REPORT, null, null],
    ]);
    expect(out.platforms[3]).toEqual({
      name: 'jp7-thor',
      labels: ['self-hosted', 'thor'],
      environment: null,
    });
    expect(out.message).toBe('3 of 4 builds succeeded on 4 platforms; no report: numpy on jp7-thor.');
  });

  it('a smaller plan over the same artifacts reads as its own grid', () => {
    const input = gridInput();
    const out = buildRunReport({
      ...input,
      planned: ['numpy', 'pytorch:2.8', 'torchvision'],
      platforms: input.platforms!.slice(0, 2),
    });
    expect(out.message).toBe('5 of 6 builds succeeded on 2 platforms; failed: torchvision on jp5-xavier.');
    expect(out.totals).toEqual({ packages: 3, cells: 6, success: 5, failure: 1, cancelled: 0, missing: 0 });
  });

  it('one platform and one package: singular words', () => {
    const input = gridInput();
    const out = buildRunReport({ ...input, planned: ['numpy'], platforms: input.platforms!.slice(0, 1) });
    expect(out.message).toBe('1 of 1 build succeeded on 1 platform.');
    expect(out.status).toBe('success');
  });
});

describe('without platforms (the one-platform form)', () => {
  it('reports that name a platform still make one row per package, with no platform', () => {
    const input = gridInput();
    const jp6 = input.reports.filter((r) => r.platform?.name === 'jp6-orin');
    const out = buildRunReport({
      ...input,
      reports: jp6,
      legs: input.legs!.filter((l) => l.platform === 'jp6-orin'),
      platforms: [],
    });
    expect(out.platforms).toEqual([]);
    expect(out.totals.cells).toBe(10);
    expect(out.runs.every((r) => r.platform === null)).toBe(true);
    expect(out.runs[0]).toMatchObject({ name: 'numpy', environment: JP6, leg: 'jp6-orin--numpy' });
    expect(out.message).toBe('9 of 10 packages built; failed: l4t-ml.');
  });
});

describe('a large grid', () => {
  it('1000 packages × 2 platforms (2000 reports): every cell, in order, each with its own leg', () => {
    const input: RunReportInput = scaledGridInput({ packages: 1000, platforms: 2, failEvery: 7 });
    expect(input.reports).toHaveLength(2000);
    const out = buildRunReport(input);
    expect(out.totals).toEqual({
      packages: 1000,
      cells: 2000,
      success: 1715,
      failure: 285,
      cancelled: 0,
      missing: 0,
    });
    expect(out.runs.slice(0, 4).map((r) => [r.name, r.platform, r.status, r.leg])).toEqual([
      ['pkg-000', 'jp6-orin', 'success', 'jp6-orin--pkg-000'],
      ['pkg-000', 'jp5-xavier', 'success', 'jp5-xavier--pkg-000'],
      ['pkg-001', 'jp6-orin', 'success', 'jp6-orin--pkg-001'],
      ['pkg-001', 'jp5-xavier', 'success', 'jp5-xavier--pkg-001'],
    ]);
    expect(out.runs[6]).toMatchObject({ name: 'pkg-003', platform: 'jp6-orin', status: 'failure' });
    expect(out.runs.at(-1)).toMatchObject({
      name: 'pkg-999',
      platform: 'jp5-xavier',
      leg: 'jp5-xavier--pkg-999',
    });
    expect(out.runs.every((r) => r.web_url === `${JOB}/${r.platform}--${r.name}`)).toBe(true);
    expect(out.message).toMatch(
      /^1715 of 2000 builds succeeded on 2 platforms; failed: pkg-003 on jp6-orin, /,
    );
    expect(out.message).toMatch(/ and 280 more\.$/);
  });

  it('the scaled reports are BuildReports by the shipped schema', () => {
    const input = scaledGridInput({ packages: 2, platforms: 6, failEvery: 3 });
    for (const r of input.reports as BuildReport[]) {
      expect(() => validateReport(JSON.parse(JSON.stringify(r)))).not.toThrow();
    }
    expect(buildRunReport(input).runs.every((r) => r.platform_mismatch === null)).toBe(true);
  });
});
