// notify-on: change per cell of the grid (report/cell-change.ts): this run's RunReport - the 10 × 3 grid of
// test/support/grid.ts, and the one-platform fixtures - against a previous run's run-report.json as it comes
// out of an artifact (schema 1 or 2, untrusted JSON).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BuildReport } from '../../src/report/build-report.js';
import { applyCellChanges, sharedCells } from '../../src/report/cell-change.js';
import { buildRunReport, checkBuildReport, type RunReport } from '../../src/report/run-report.js';
import { gridInput } from '../support/grid.js';

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'reports');

const grid = (): RunReport => buildRunReport(gridInput());

/** This run as the previous one wrote it, with some cells' statuses changed (`package@platform` → status). */
function previousOf(run: RunReport, statuses: Record<string, string> = {}): unknown {
  const copy = JSON.parse(JSON.stringify(run)) as {
    runs: { name: string; platform: string; status: string }[];
  };
  for (const row of copy.runs) row.status = statuses[`${row.name}@${row.platform}`] ?? row.status;
  return copy;
}

const changeOf = (run: RunReport, cell: string): string | null | undefined =>
  run.runs.find((r) => `${r.name}@${r.platform ?? ''}` === cell)?.change;

function fixture(name: string): BuildReport {
  const checked = checkBuildReport(
    JSON.parse(readFileSync(path.join(FIXTURES, name, 'report.json'), 'utf8')),
  );
  if (!checked.ok) throw new Error(checked.reason);
  return checked.report;
}

/** One platform: pytorch:2.8 built, torchvision failed. */
function onePlatform(): RunReport {
  return buildRunReport({
    reports: [fixture('success-pytorch'), fixture('failure-torchvision')],
    planned: ['pytorch:2.8', 'torchvision'],
    needs: { plan: { result: 'success' }, build: { result: 'failure' } },
    context: gridInput().context,
    now: new Date('2026-11-20T14:00:00.000Z'),
  });
}

describe('applyCellChanges', () => {
  it('a cell that breaks while the run was already failing is broken (the run as a whole is the same)', () => {
    const now = grid();
    expect(now.status).toBe('failure');
    const previous = previousOf(now, { 'torchvision@jp5-xavier': 'success' });
    const { run, change, compared } = applyCellChanges(previous, now);
    expect(change).toBe('broken');
    expect(changeOf(run, 'torchvision@jp5-xavier')).toBe('broken');
    // Failing then and now, and cancelled now: the same.
    expect(changeOf(run, 'pytorch:2.8@x86-desktop')).toBe('same');
    expect(changeOf(run, 'onnxruntime@jp5-xavier')).toBe('same');
    expect(changeOf(run, 'ros:humble-desktop@jp5-xavier')).toBe('same');
    expect(changeOf(run, 'numpy@jp6-orin')).toBe('same');
    expect(run.runs.filter((r) => r.change === 'broken')).toHaveLength(1);
    expect(compared).toBe(30);
    // The report handed in is left as it was.
    expect(now.runs.every((r) => r.change === null)).toBe(true);
  });

  it('a cell that builds again is fixed, even when others still fail; a break wins over a fix', () => {
    const now = grid();
    const fixed = applyCellChanges(previousOf(now, { 'numpy@jp6-orin': 'failure' }), now);
    expect(fixed.change).toBe('fixed');
    expect(changeOf(fixed.run, 'numpy@jp6-orin')).toBe('fixed');
    // A cell that was missing (no report) counts as failed then.
    expect(applyCellChanges(previousOf(now, { 'numpy@jp5-xavier': 'missing' }), now).change).toBe('fixed');
    const both = applyCellChanges(
      previousOf(now, { 'numpy@jp6-orin': 'failure', 'l4t-ml@jp6-orin': 'success' }),
      now,
    );
    expect(both.change).toBe('broken');
    expect(changeOf(both.run, 'l4t-ml@jp6-orin')).toBe('broken');
    expect(changeOf(both.run, 'numpy@jp6-orin')).toBe('fixed');
  });

  it('nothing changed: same', () => {
    const now = grid();
    expect(applyCellChanges(previousOf(now), now).change).toBe('same');
  });

  it('a platform added since: its cells are new (null); one of them failing is news (first)', () => {
    const now = grid();
    const previous = previousOf(now) as { runs: { platform: string }[] };
    previous.runs = previous.runs.filter((r) => r.platform !== 'x86-desktop');
    const { run, change } = applyCellChanges(previous, now);
    expect(changeOf(run, 'numpy@x86-desktop')).toBeNull();
    expect(changeOf(run, 'numpy@jp6-orin')).toBe('same');
    // pytorch:2.8 fails on the new x86-desktop column.
    expect(change).toBe('first');
    // A new column where everything builds: nothing to tell.
    const allGood = previousOf(now) as { runs: { name: string; platform: string }[] };
    allGood.runs = allGood.runs.filter((r) => !(r.platform === 'jp6-orin' && r.name === 'numpy'));
    expect(applyCellChanges(allGood, now).change).toBe('same');
  });

  it('a cell cancelled then and failing now has no earlier result: first', () => {
    const now = grid();
    const { run, change } = applyCellChanges(previousOf(now, { 'torchvision@jp5-xavier': 'cancelled' }), now);
    expect(changeOf(run, 'torchvision@jp5-xavier')).toBeNull();
    expect(change).toBe('first');
  });

  it('reads a schema 1 report of a one-platform run: rows without a platform are the one-platform cells', () => {
    const now = onePlatform();
    expect(now.runs.map((r) => [r.name, r.status, r.platform])).toEqual([
      ['pytorch:2.8', 'success', null],
      ['torchvision', 'failure', null],
    ]);
    // As version 1 wrote it: no platform, no change, no failed list.
    const v1 = {
      schema_version: 1,
      event: 'jetson.run.finished',
      status: 'success',
      runs: [
        { name: 'pytorch:2.8', status: 'success', requested: 'pytorch:2.8' },
        { name: 'torchvision', status: 'success', requested: 'torchvision' },
      ],
    };
    const { run, change } = applyCellChanges(v1, now);
    expect(change).toBe('broken');
    expect(run.runs.map((r) => [r.name, r.change])).toEqual([
      ['pytorch:2.8', 'same'],
      ['torchvision', 'broken'],
    ]);
  });

  it('a one-platform previous run against a grid: no cell to compare, first', () => {
    const now = grid();
    const v1 = { schema_version: 1, runs: [{ name: 'torchvision', status: 'success' }] };
    const { run, change, compared } = applyCellChanges(v1, now);
    expect(change).toBe('first');
    expect(compared).toBe(0);
    expect(run.runs.every((r) => r.change === null)).toBe(true);
  });

  it('what is not a run report (or a run with no cell) leaves the rows alone: unknown, compare the run', () => {
    const now = grid();
    for (const bad of [
      null,
      'x',
      [],
      {},
      { schema_version: '2', runs: [] },
      { schema_version: 2, runs: {} },
    ]) {
      const answer = applyCellChanges(bad, now);
      expect(answer.change, JSON.stringify(bad)).toBe('unknown');
      expect(answer.run).toBe(now);
    }
    const empty = { ...now, runs: [] };
    expect(applyCellChanges(previousOf(now), empty).change).toBe('unknown');
  });

  it('skips rows it cannot read (an artifact is untrusted), keeping the rest', () => {
    const now = onePlatform();
    const hostile = {
      schema_version: 2,
      runs: [
        null,
        7,
        { name: 42, status: 'failure' },
        { name: '', status: 'failure' },
        { name: 'torchvision', platform: ['x'], status: 'success' },
      ],
    };
    const { run, change } = applyCellChanges(hostile, now);
    expect(change).toBe('broken');
    expect(run.runs.map((r) => r.change)).toEqual([null, 'broken']);
  });
});

describe('sharedCells', () => {
  it('counts the cells a previous report shares with this run (-1: not a report)', () => {
    const cells = [
      { package: 'torchvision', platform: 'jp6-orin' },
      { package: 'torchvision', platform: 'jp5-xavier' },
      { package: 'numpy', platform: 'jp6-orin' },
    ];
    const previous = {
      schema_version: 2,
      runs: [
        { name: 'torchvision', platform: 'jp6-orin', status: 'success' },
        { name: 'torchvision', platform: 'jp5-xavier', status: 'failure' },
        { name: 'opencv', platform: 'jp6-orin', status: 'success' },
      ],
    };
    expect(sharedCells(previous, cells)).toBe(2);
    expect(sharedCells({ schema_version: 1, runs: [{ name: 'numpy', status: 'success' }] }, cells)).toBe(0);
    expect(sharedCells(null, cells)).toBe(-1);
  });
});
