// summarize's side of the grid: the `platforms` input (the plan's output; malformed → an error naming it), the
// `failed` output over every cell, and the report files read in a fixed order.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLegs, loadReports, parsePlatforms } from '../../src/fleet/summarize.js';
import { gridInput, gridPlatforms } from '../support/grid.js';
import { summarizeGridStep, useStepSandbox } from '../support/summarize-step.js';

const sandbox = useStepSandbox('summarize-platforms-');

describe('parsePlatforms (the platforms input)', () => {
  it("reads the plan's output; empty or [] is the one-platform form", () => {
    expect(parsePlatforms(JSON.stringify(gridPlatforms()))).toEqual(gridPlatforms());
    expect(parsePlatforms('')).toEqual([]);
    expect(parsePlatforms('  \n')).toEqual([]);
    expect(parsePlatforms('[]')).toEqual([]);
  });

  it('refuses anything else, naming the input, the value and what it takes', () => {
    const cases: [string, string][] = [
      ['jp6-orin: [self-hosted, orin]', 'not JSON'],
      ['{"jp6-orin": ["self-hosted"]}', 'not a JSON array'],
      ['[{"labels": ["orin"]}]', 'entry 0 has no name'],
      ['[{"name": "jp6-orin", "labels": "orin"}]', 'the labels of "jp6-orin" are not a list of strings'],
      ['[{"name": "a", "labels": []}, {"name": "a", "labels": []}]', 'the platform "a" is listed twice'],
    ];
    for (const [value, why] of cases) {
      expect(() => parsePlatforms(value), value).toThrow(
        `Input 'platforms' is ${JSON.stringify(value)}: ${why}. Pass the plan's platforms output (\${{ needs.plan.outputs.platforms }}), a JSON array of {"name": "jp6-orin", "labels": ["self-hosted", "orin"]}, or leave it empty for one platform.`,
      );
    }
  });
});

/** Runs summarize over the 10 × 3 grid's reports and leg records, one artifact folder each; its outputs. */
async function summarizeGrid(platforms: string): Promise<Record<string, string>> {
  const input = gridInput();
  return (await summarizeGridStep(sandbox.dir, input.reports, input.legs ?? [], platforms)).out;
}

describe('summarize over a grid', () => {
  it('the failed output lists every failed or unreported cell with its platform', async () => {
    const out = await summarizeGrid(JSON.stringify(gridPlatforms()));
    expect(out['status']).toBe('failure');
    const failed = JSON.parse(out['failed'] as string) as unknown[];
    expect(failed).toHaveLength(6);
    expect(failed).toEqual(
      expect.arrayContaining([
        { package: 'pytorch:2.8', platform: 'x86-desktop' },
        { package: 'torchvision', platform: 'jp5-xavier' },
        { package: 'opencv', platform: 'x86-desktop' },
        { package: 'onnxruntime', platform: 'jp5-xavier' },
        { package: 'tensorrt', platform: 'x86-desktop' },
        { package: 'l4t-ml', platform: 'jp6-orin' },
      ]),
    );
    // The names stay distinct, as in version 1.
    expect(JSON.parse(out['failed-packages'] as string)).toHaveLength(6);
    const report = JSON.parse(readFileSync(out['report-file'] as string, 'utf8')) as {
      platforms: { name: string }[];
      totals: { cells: number; packages: number };
    };
    expect(report.platforms.map((p) => p.name)).toEqual(['jp6-orin', 'jp5-xavier', 'x86-desktop']);
    expect(report.totals).toMatchObject({ cells: 30, packages: 10 });
  });

  it('a malformed platforms input fails the step naming it, before anything is sent or written', async () => {
    await expect(summarizeGrid('jp6-orin')).rejects.toThrow(/^Input 'platforms' is "jp6-orin": not JSON\./);
    expect(readFileSync(path.join(sandbox.dir, 'output'), 'utf8')).toBe('');
  });
});

describe('reading the report files', () => {
  it('loads 60 reports and leg records in file order, warning about the bad ones in file order too', async () => {
    const input = gridInput();
    const files: string[] = [];
    const legFiles: string[] = [];
    for (let i = 0; i < 60; i++) {
      const file = path.join(sandbox.dir, `r${String(i).padStart(2, '0')}.json`);
      const report = input.reports[i % input.reports.length];
      writeFileSync(file, i % 20 === 7 ? '{ not json' : JSON.stringify({ ...report, durationSeconds: i }));
      files.push(file);
      const legFile = path.join(sandbox.dir, `l${String(i).padStart(2, '0')}.json`);
      writeFileSync(legFile, JSON.stringify({ leg: `leg-${i}`, packages: 'numpy', platform: 'jp6-orin' }));
      legFiles.push(legFile);
    }
    const warned: string[] = [];
    const reports = await loadReports(files, (m) => warned.push(m));
    expect(reports.map((r) => r.durationSeconds)).toEqual(
      Array.from({ length: 60 }, (_, i) => i).filter((i) => i % 20 !== 7),
    );
    expect(warned.map((w) => path.basename(w.split(' ')[0] as string))).toEqual([
      'r07.json',
      'r27.json',
      'r47.json',
    ]);
    const legs = await loadLegs(legFiles, () => undefined);
    expect(legs.map((l) => l.leg)).toEqual(Array.from({ length: 60 }, (_, i) => `leg-${i}`));
  });
});
