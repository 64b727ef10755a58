// The packages × platforms grid of a fleet run (a RunReport with `platforms`), shared by every run renderer:
// which package rows there are and in what order (what needs attention first), what a cell says, the headline
// over cells, and a line fitter that folds whole groups into counts. Each format passes its own escaping for
// the names that come from the build. Pure.
import type { RowEnvironment, RunReport, RunRow, RunRowStatus } from '../../report/run-report.js';
import type { ChangeState } from '../types.js';

/** A cell: built, failed, cancelled or never reached (both ⏭: nothing to look at), no report. */
export const GRID_ICON: Record<RunRowStatus, string> = {
  success: '✅',
  failure: '❌',
  cancelled: '⏭',
  missing: '❔',
};

/**
 * The mark before a cell's icon when it changed against the same cell of the previous run: `🆕❌` newly
 * broken, `🔧✅` fixed. A cell that stayed the same (or has no previous run) has none.
 */
export const CHANGE_MARK = { broken: '🆕', fixed: '🔧' } as const;

/** Shown once under a grid that can show each symbol. */
export const GRID_LEGEND =
  '✅ built · ❌ failed (where) · ⏭ cancelled or not built · ❔ no report · ⚠ runner does not match the platform · 🆕 newly broken · 🔧 fixed since the last run';

const PRIORITY: Record<RunRowStatus, number> = { failure: 0, missing: 1, cancelled: 2, success: 3 };
export const GROUP_ORDER: readonly RunRowStatus[] = ['failure', 'missing', 'cancelled', 'success'];

/** Makes build text inert for one format, cut to `max` characters. */
export type Escape = (text: string, max: number) => string;

export function isGrid(run: RunReport): boolean {
  return run.platforms.length > 0;
}

/** One row of the grid: a package and its cell per column (null where the package has no row there). */
export interface GridPackage {
  name: string;
  /** The worst of its cells: failure > missing > cancelled > success. */
  status: RunRowStatus;
  cells: (RunRow | null)[];
}

/**
 * The grid's columns: the planned platforms in order, then any platform a row names that the plan did not
 * (a report of another plan is not dropped silently), then `—` for rows that name none.
 */
export function gridColumns(run: RunReport): string[] {
  const columns = run.platforms.map((p) => p.name);
  for (const r of run.runs) {
    const name = r.platform ?? '—';
    if (!columns.includes(name)) columns.push(name);
  }
  return columns;
}

/** The package rows, those with a failed cell first, then missing, cancelled, built; plan order within. */
export function gridPackages(run: RunReport, columns = gridColumns(run)): GridPackage[] {
  const byName = new Map<string, GridPackage>();
  for (const r of run.runs) {
    let pkg = byName.get(r.name);
    if (!pkg) {
      pkg = { name: r.name, status: r.status, cells: columns.map(() => null) };
      byName.set(r.name, pkg);
    }
    pkg.cells[columns.indexOf(r.platform ?? '—')] = r;
    if (PRIORITY[r.status] < PRIORITY[pkg.status]) pkg.status = r.status;
  }
  return [...byName.values()]
    .map((pkg, i) => ({ pkg, i }))
    .sort((a, b) => PRIORITY[a.pkg.status] - PRIORITY[b.pkg.status] || a.i - b.i)
    .map((x) => x.pkg);
}

/** The failed cells (failure, then no report) in grid order: the packages' order, then the columns'. */
export function failedCells(packages: GridPackage[]): RunRow[] {
  const cells = packages.flatMap((p) => p.cells.filter((c): c is RunRow => c !== null));
  return [...cells.filter((c) => c.status === 'failure'), ...cells.filter((c) => c.status === 'missing')];
}

/**
 * Where a cell stopped, unescaped: the phase (`build`, `test`, `setup`, `timeout`) and the stage when it is
 * not the package itself (`build 9/9`, `build 3/9 (cudnn)`); `no report` for a missing cell, `not built` for one never reached.
 */
export function cellWhere(row: RunRow): string {
  if (row.status === 'missing') return 'no report';
  if (row.status === 'cancelled') return row.reason?.startsWith('not built') ? 'not built' : '';
  if (row.status !== 'failure') return '';
  const f = row.failure;
  if (!f) return 'failed';
  // A step timeout keeps the failure point of the stage it cut short; the cell says it timed out.
  const timedOut = row.reason?.startsWith('timed out') === true;
  const step =
    !timedOut && f.stage_index != null && f.stage_count != null ? ` ${f.stage_index}/${f.stage_count}` : '';
  const phase = timedOut ? 'timeout' : f.phase !== 'unknown' ? `${f.phase}${step}` : '';
  const stage = f.stage && f.stage !== row.name ? f.stage : '';
  if (phase && stage) return `${phase} (${stage})`;
  return phase || stage || 'failed';
}

/** `🆕❌`, `🔧✅`, `⏭`: a cell's change mark and icon. */
export function cellIcon(row: RunRow): string {
  const mark =
    row.change === 'broken' && row.status !== 'success'
      ? CHANGE_MARK.broken
      : row.change === 'fixed' && row.status === 'success'
        ? CHANGE_MARK.fixed
        : '';
  return mark + GRID_ICON[row.status];
}

/** `L4T 36.4.0 · CUDA 12.6`, `CUDA 12.8 · x86_64`: what a column's runners really are, when known. */
export function environmentLabel(env: RowEnvironment | null | undefined): string {
  if (!env) return '';
  const base = env.l4t ? `L4T ${env.l4t}` : env.jetpack ? `JetPack ${env.jetpack}` : '';
  const cuda = env.cuda ? `CUDA ${env.cuda}` : '';
  // Without L4T or JetPack the architecture is what tells a desktop column apart.
  const arch = !base && env.arch ? env.arch : '';
  return [base, cuda, arch].filter((x) => x !== '').join(' · ');
}

/**
 * The compact cells of a package, one per platform it has a row on, those that need a look first (failed, no
 * report, cancelled, then built): `❌ jp5-xavier build · ✅ jp6-orin`, or `✅ all 3 platforms` when every
 * platform built it. `link` wraps a cell in a link to its job (null: none).
 */
export function compactCells(
  pkg: GridPackage,
  columns: string[],
  esc: Escape,
  link: ((text: string, row: RunRow) => string) | null,
): string {
  return fitCells(pkg, columns, esc, link, Number.POSITIVE_INFINITY).text;
}

/** Up to this many cells, a line that fits lists them in the columns' order. */
const COLUMN_ORDER_MAX = 8;

/** Cells before others of their status: a built cell that fixed something or ran on the wrong runner. */
function notable(row: RunRow): boolean {
  return row.platform_mismatch !== null || (row.status === 'success' && row.change === 'fixed');
}

/** `❌ 3 more failed`, `✅ 126 others`: the cells of a status a line had no room to list. */
function countedCells(status: RunRowStatus, n: number): string {
  if (status === 'success') return `${GRID_ICON.success} ${n} others`;
  return `${GRID_ICON[status]} ${n} more ${GROUP_WORD[status]}`;
}

/**
 * `compactCells` within `max` characters (as `length` counts them): whole cells in that order while they fit,
 * the rest counted by status (`❌ 2 more failed · ✅ 126 others`), so a cut never opens a link or code span and
 * a failed cell is never left out for a built one. `counted` is how many cells were counted, not listed.
 */
export function fitCells(
  pkg: GridPackage,
  columns: string[],
  esc: Escape,
  link: ((text: string, row: RunRow) => string) | null,
  max: number,
  length: (s: string) => number = (s) => s.length,
): { text: string; counted: number } {
  const present = pkg.cells.flatMap((row, column) => (row ? [{ row, column }] : []));
  const allBuilt =
    columns.length > 1 &&
    present.length === columns.length &&
    present.every((c) => c.row.status === 'success' && !notable(c.row));
  if (allBuilt) return { text: `${GRID_ICON.success} all ${columns.length} platforms`, counted: 0 };
  const ordered = present
    .map((c) => ({ ...c, rank: PRIORITY[c.row.status] * 2 + (notable(c.row) ? 0 : 1) }))
    .sort((a, b) => a.rank - b.rank || a.column - b.column);
  const part = ({ row, column }: { row: RunRow; column: number }): string => {
    const where = cellWhere(row);
    const text =
      `${cellIcon(row)} ${esc(columns[column] ?? '', 60)}` +
      (where ? ` ${esc(where, 60)}` : '') +
      (row.platform_mismatch ? ' ⚠' : '');
    return link ? link(text, row) : text;
  };
  const SEP = ' · ';
  // A line of a few columns that fits keeps the columns' order, so the lines read as a grid; a wide grid's line
  // puts the failed cells first (a failure in column 127 is not hidden behind 126 built ones), and a line too
  // long to list every cell counts the rest.
  if (present.length <= COLUMN_ORDER_MAX) {
    const inColumns = present.map(part).join(SEP);
    if (length(inColumns) <= max) return { text: inColumns, counted: 0 };
  }
  const parts = ordered.map(part);
  // The longest prefix of whole cells that fits with the counts of the rest behind it.
  const tail = (from: number): string[] =>
    GROUP_ORDER.map((s) => [s, ordered.slice(from).filter((c) => c.row.status === s).length] as const)
      .filter(([, n]) => n > 0)
      .map(([s, n]) => countedCells(s, n));
  let best = 0;
  let used = 0;
  for (let k = 1; k <= parts.length; k++) {
    used += length(parts[k - 1] ?? '') + (k > 1 ? SEP.length : 0);
    if (used > max) break;
    if (
      used +
        length(
          tail(k)
            .map((t) => SEP + t)
            .join(''),
        ) <=
      max
    )
      best = k;
  }
  return { text: [...parts.slice(0, best), ...tail(best)].join(SEP), counted: parts.length - best };
}

/** `3 packages × 2 platforms`. */
export function gridShape(run: RunReport): string {
  const p = run.totals.packages;
  const n = gridColumns(run).length;
  return `${p} package${p === 1 ? '' : 's'} × ${n} platform${n === 1 ? '' : 's'}`;
}

function failedPlatformsPhrase(run: RunReport): string {
  const all = gridColumns(run).length;
  const failed = new Set(
    run.runs.filter((r) => r.status === 'failure' || r.status === 'missing').map((r) => r.platform),
  ).size;
  if (failed === 0) return '';
  if (failed === all) return all === 1 ? ' on 1 platform' : ` on all ${all} platforms`;
  return ` on ${failed} of ${all} platforms`;
}

/**
 * The headline of a grid, over cells (builds): `❌ Jetson build failed: 2 of 6 builds failed on 1 of 2
 * platforms`, `✅ Jetson build: 6/6 built on 2 platforms`. Worded like the one-platform title.
 */
export function gridHeadline(run: RunReport, change: ChangeState): string {
  const t = run.totals;
  const n = gridColumns(run).length;
  const on = `on ${n} platform${n === 1 ? '' : 's'}`;
  if (run.status === 'success') {
    const fixed = change === 'fixed' ? ' fixed' : '';
    return `✅ Jetson build${fixed}: ${t.success}/${t.cells} built ${on}`;
  }
  if (run.status === 'cancelled') return `⏹ Jetson build cancelled: ${t.success}/${t.cells} built ${on}`;
  const verb = change === 'broken' ? 'broken' : 'failed';
  const where = failedPlatformsPhrase(run);
  return t.missing > 0
    ? `❌ Jetson build ${verb}: ${t.failure} failed, ${t.missing} without a report (of ${t.cells} builds)${where}`
    : `❌ Jetson build ${verb}: ${t.failure} of ${t.cells} builds failed${where}`;
}

export const GROUP_WORD: Record<RunRowStatus, string> = {
  failure: 'failed',
  missing: 'without a report',
  cancelled: 'cancelled',
  success: 'built',
};

export interface LineGroup {
  status: RunRowStatus;
  lines: string[];
}

/**
 * Lines within `budget` characters (newlines counted), group by group in the order given. Room is always kept
 * for one "… and N more <group>" line per group still to come, so every group shows at least its count; once
 * a group folds, the later ones show only their counts. Returns the lines and how many were folded.
 */
export function fitGroups(
  groups: LineGroup[],
  budget: number,
  length: (s: string) => number = (s) => s.length,
): { lines: string[]; folded: number } {
  const live = groups.filter((g) => g.lines.length > 0);
  const more = (n: number, s: RunRowStatus): string => `… and ${n} more ${GROUP_WORD[s]}`;
  const foldCost = (s: RunRowStatus): number => length(more(99999, s)) + 1;
  const out: string[] = [];
  let used = 0;
  let folded = 0;
  let full = false;
  live.forEach((group, gi) => {
    const later = live.slice(gi + 1).reduce((sum, g) => sum + foldCost(g.status), 0);
    let shown = 0;
    for (const line of full ? [] : group.lines) {
      const reserve = group.lines.length - shown - 1 > 0 ? foldCost(group.status) : 0;
      const cost = length(line) + 1;
      if (used + cost + reserve + later > budget) break;
      out.push(line);
      used += cost;
      shown += 1;
    }
    const hidden = group.lines.length - shown;
    if (hidden === 0) return;
    full = true;
    folded += hidden;
    const fold =
      shown === 0
        ? `${GRID_ICON[group.status]} ${hidden} ${GROUP_WORD[group.status]}`
        : more(hidden, group.status);
    if (used + length(fold) + 1 <= budget) {
      out.push(fold);
      used += length(fold) + 1;
    }
  });
  return { lines: out, folded };
}

/** How a chat line links its cells: every cell, only those that need a look, or none (to fit more rows). */
export type LinkMode = 'all' | 'failed' | 'none';

/**
 * The package lines of a chat message within `budget`: links on every cell when everything fits, else on the
 * failed cells only, else none: whichever shows the most packages that need attention, then the most rows.
 * Without links, the failed cells of the first packages still get theirs as far as room allows.
 */
export function fitPackageLines(
  packages: GridPackage[],
  budget: number,
  line: (pkg: GridPackage, mode: LinkMode) => string,
): { lines: string[]; folded: number } {
  const built = packages.filter((p) => p.status === 'success').length;
  const needing = packages.length - built;
  const order = new Map(packages.map((p, i) => [p, i]));
  const attempt = (modeOf: (pkg: GridPackage, i: number) => LinkMode) => {
    const groups = GROUP_ORDER.map((status) => ({
      status,
      lines: packages.filter((p) => p.status === status).map((p) => line(p, modeOf(p, order.get(p) ?? 0))),
    }));
    const fit = fitGroups(groups, budget);
    // Built packages fold last: whatever folded beyond them needed attention.
    return { ...fit, attention: needing - Math.max(0, fit.folded - built) };
  };
  const tries = (['all', 'failed', 'none'] as const).map((mode) => attempt(() => mode));
  const complete = tries.find((t) => t.folded === 0);
  if (complete) return { lines: complete.lines, folded: 0 };
  // Most packages needing attention shown, then fewest folded; the earlier (more links) on a tie.
  let pick = tries.reduce((a, b) =>
    b.attention > a.attention || (b.attention === a.attention && b.folded < a.folded) ? b : a,
  );
  if (pick === tries[2]) {
    // Packages come failures first: link the failed cells of the first k while no failure folds away for it.
    let lo = 0;
    let hi = needing;
    while (lo < hi) {
      const k = Math.ceil((lo + hi) / 2);
      if (attempt((_, i) => (i < k ? 'failed' : 'none')).attention >= pick.attention) lo = k;
      else hi = k - 1;
    }
    if (lo > 0) pick = attempt((_, i) => (i < lo ? 'failed' : 'none'));
  }
  return { lines: pick.lines, folded: pick.folded };
}

/** How a markdown table writes build text: escaping, a package name, a link (or the text when it cannot). */
export interface TableFormat {
  esc: Escape;
  name: (text: string) => string;
  link: (text: string, url: string | null) => string;
}

/**
 * The grid as a GitHub markdown table: packages as rows (failures first), platforms as columns whose header
 * says what the runners really were (`jp6-orin<br>L4T 36.4.0 · CUDA 12.6`), each cell linked to its job.
 */
export function gridTable(
  run: RunReport,
  packages: GridPackage[],
  columns: string[],
  fmt: TableFormat,
): { head: string; rows: string[] } {
  const header = columns.map((c) => {
    const env = environmentLabel(run.platforms.find((p) => p.name === c)?.environment);
    return fmt.esc(c, 60) + (env ? `<br>${fmt.esc(env, 80)}` : '');
  });
  const head = `| Package | ${header.join(' | ')} |\n| --- |${columns.map(() => ' :-: |').join('')}`;
  const rows = packages.map((pkg) => {
    const cells = pkg.cells.map((row) => {
      if (!row) return '—';
      const where = cellWhere(row);
      const text =
        cellIcon(row) + (where ? ` ${fmt.esc(where, 80)}` : '') + (row.platform_mismatch ? ' ⚠' : '');
      return fmt.link(text, row.web_url);
    });
    return `| ${fmt.name(pkg.name)} | ${cells.join(' | ')} |`;
  });
  return { head, rows };
}

/** The cells that ran on a runner not matching their platform, one line per platform and sentence. */
export function mismatchNotes(packages: GridPackage[], esc: Escape): string[] {
  const notes = new Map<string, { platform: string; sentence: string; names: string[] }>();
  for (const pkg of packages) {
    for (const row of pkg.cells) {
      if (!row?.platform_mismatch) continue;
      const key = `${row.platform ?? ''}\n${row.platform_mismatch}`;
      const note = notes.get(key) ?? {
        platform: row.platform ?? '—',
        sentence: row.platform_mismatch,
        names: [],
      };
      note.names.push(pkg.name);
      notes.set(key, note);
    }
  }
  return [...notes.values()].map((n) => {
    const shown = n.names.slice(0, 5).map((x) => esc(x, 80));
    const more = n.names.length > 5 ? ` and ${n.names.length - 5} more` : '';
    return `⚠ ${esc(n.platform, 60)}: ${esc(n.sentence, 300)} (${shown.join(', ')}${more})`;
  });
}
