// `notify-on: change` per cell of the grid: each package × platform of this run against the same cell of the
// previous run of the workflow on the branch, read from that run's run-report.json (schema 1 or 2). A run
// that was already failing can still break a cell that built before: the run as a whole would say `same`.
// Pure: the previous report is handed in as parsed JSON (it comes from an artifact, so every field is checked).
import type { ChangeState } from '../notify/types.js';
import type { RunReport, RunRow } from './run-report.js';

/** A cell's result as a change compares it: `cancelled` (and anything unknown) says nothing. */
type CellResult = 'success' | 'failure' | null;

/** The cell of a package on a platform (null: the one-platform form, as schema 1 rows all are). */
export function cellKey(pkg: string, platform: string | null): string {
  return JSON.stringify([pkg, platform]);
}

function resultOf(status: unknown): CellResult {
  if (status === 'success') return 'success';
  // A cell no leg reported failed the run, as it does now.
  if (status === 'failure' || status === 'missing') return 'failure';
  return null;
}

/**
 * The cells of a previous run's report, key → result; null when `report` is not a RunReport. Rows without a
 * platform (schema 1, or a one-platform run) are the one-platform cells.
 */
export function previousCells(report: unknown): Map<string, CellResult> | null {
  if (typeof report !== 'object' || report === null || Array.isArray(report)) return null;
  const r = report as { schema_version?: unknown; runs?: unknown };
  if (typeof r.schema_version !== 'number' || r.schema_version < 1 || !Array.isArray(r.runs)) return null;
  const cells = new Map<string, CellResult>();
  for (const row of r.runs as unknown[]) {
    if (typeof row !== 'object' || row === null) continue;
    const { name, platform, status } = row as { name?: unknown; platform?: unknown; status?: unknown };
    if (typeof name !== 'string' || name === '') continue;
    const column = typeof platform === 'string' && platform !== '' ? platform : null;
    cells.set(cellKey(name, column), resultOf(status));
  }
  return cells;
}

/** One cell against its previous result: null when the cell is new or its previous result says nothing. */
function rowChange(row: RunRow, previous: CellResult | undefined): RunRow['change'] {
  if (previous === undefined) return null;
  // A cancel is not a change of state (as for the run as a whole).
  if (row.status === 'cancelled') return 'same';
  if (previous === null) return null;
  const now = resultOf(row.status);
  if (now === previous) return 'same';
  return now === 'success' ? 'fixed' : 'broken';
}

export interface CellChanges {
  /** `current` with every row's `change` set. */
  run: RunReport;
  /**
   * The run's change: `broken` when any cell broke, else `fixed` when any was fixed, else `first` when a
   * failing cell has no earlier result (news as much as a break) or no cell had one, else `same`. `unknown`
   * when `previous` is not a run report or this run has no cell: then the run as a whole is compared.
   */
  change: ChangeState;
  /** Cells compared with an earlier result. */
  compared: number;
}

/** Sets each row's `change` against `previous` (a parsed run-report.json) and says what changed overall. */
export function applyCellChanges(previous: unknown, current: RunReport): CellChanges {
  const cells = previousCells(previous);
  if (cells === null || current.runs.length === 0) return { run: current, change: 'unknown', compared: 0 };
  let broken = false;
  let fixed = false;
  let newFailure = false;
  let compared = 0;
  const runs = current.runs.map((row) => {
    const change = rowChange(row, cells.get(cellKey(row.name, row.platform)));
    if (change === 'broken') broken = true;
    if (change === 'fixed') fixed = true;
    if (change !== null) compared++;
    else if (resultOf(row.status) === 'failure') newFailure = true;
    return { ...row, change };
  });
  const change: ChangeState = broken
    ? 'broken'
    : fixed
      ? 'fixed'
      : newFailure || compared === 0
        ? 'first'
        : 'same';
  return { run: { ...current, runs }, change, compared };
}

/** How many of `cells` a previous report has: with several run reports in one run, the best match is read. */
export function sharedCells(
  previous: unknown,
  cells: readonly { package: string; platform: string | null }[],
): number {
  const known = previousCells(previous);
  if (known === null) return -1;
  return cells.filter((c) => known.has(cellKey(c.package, c.platform))).length;
}
