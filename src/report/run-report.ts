// The RunReport: what the aggregate `summarize` step knows about a whole matrix run, built from each leg's
// BuildReport, the planned package list and the `needs` context. Shaped like the Foundries CI webhook
// (build_id, url, status, runs[] with name/status/log_url/web_url/created/completed/host_tag, trigger_name).
// Pure: the entry point (src/fleet/summarize.ts) reads files and env and hands plain data in.
// schema/run-report.schema.json describes it.
import { isWildcard } from '../jetson/packages.js';
import {
  isReadableReportVersion,
  type BuildReport,
  type EnvironmentInfo,
  type PackageResult,
  type RunContext,
} from './build-report.js';
import { platformFacts } from './platform.js';

/**
 * 2 added the platform dimension (`platforms`, `failed`, and per row `platform`, `environment`,
 * `platform_mismatch`, `change`); a one-platform run reads as version 1 did (its rows have `platform: null`).
 */
export const RUN_REPORT_SCHEMA_VERSION = 2 as const;
export const RUN_REPORT_EVENT = 'jetson.run.finished' as const;

/** Overall outcome of the run: failure > cancelled > success. */
export type RunStatus = 'success' | 'failure' | 'cancelled';

/**
 * Outcome of one package row.
 * - `failure`: the build, test or push failed, the setup script failed, or the build step hit its
 *   `timeout-minutes` (the action reports that as cancelled - the runner sends the same SIGINT as for a
 *   cancellation - and the leg record's failed build step tells them apart).
 * - `cancelled`: stopped (run cancelled, fail-fast) or never reached (`not-built` within a chunk).
 * - `missing`: planned, but no leg reported it: the runner was lost, the job timed out before writing
 *   report.json, or the report could not be uploaded. Counts as a failure of the run.
 */
export type RunRowStatus = 'success' | 'failure' | 'cancelled' | 'missing';

export interface RunFailure {
  stage: string | null;
  /** `build`, `test`, `push`, `resolve`, `start`, `setup`, `timeout` or `unknown`. */
  phase: string;
  error: string | null;
  excerpt: string[];
  /** `n` and `m` of the failing stage's `n/m` progress line, when the build printed one (schema 2). */
  stage_index?: number | null;
  stage_count?: number | null;
}

export interface RunRow {
  /** The package (for a wildcard leg: each package it expanded to). */
  name: string;
  status: RunRowStatus;
  /** The planned entry this row answers (the wildcard as typed, or the name itself). */
  requested: string | null;
  /** Why a row is cancelled or missing, in a sentence. */
  reason: string | null;
  image: string | null;
  pushed_image: string | null;
  duration_seconds: number | null;
  failure: RunFailure | null;
  /** The leg's logs (the log artifact when uploaded, else the run). */
  log_url: string | null;
  /** The leg's job page when known, else the run page. */
  web_url: string | null;
  created: string | null;
  completed: string | null;
  /** The runner that built it. */
  host_tag: string | null;
  /** The matrix leg that built it, when known. */
  leg: string | null;
  /** The platform (column of the grid) this row was built on; null in a one-platform run. */
  platform: string | null;
  /** The environment the leg really ran on (from its report), when it reported one. */
  environment: RowEnvironment | null;
  /** Set when the runner's L4T/JetPack/arch contradicts what the platform's name promises. */
  platform_mismatch: string | null;
  /**
   * Against the same cell of the previous run of the workflow on the branch (`notify-on: change`): `fixed`
   * (failed then, succeeds now), `broken` (succeeded then, fails now), `same`, or null when unknown.
   */
  change: 'fixed' | 'broken' | 'same' | null;
}

/** The versions a leg's build printed (or the runner showed), as the report has them. */
export interface RowEnvironment {
  l4t: string | null;
  jetpack: string | null;
  cuda: string | null;
  arch: string | null;
}

/** One column of the grid: a platform of the `platforms` input. */
export interface RunPlatform {
  /** As named in `platforms` (`jp6-orin`). */
  name: string;
  /** Its runner labels, as planned. */
  labels: string[];
  /** The environment its legs reported (the first that did), for the column header. */
  environment: RowEnvironment | null;
}

/** A failed cell of the grid: `failed` output and RunReport field. */
export interface FailedCell {
  package: string;
  /** null in a one-platform run. */
  platform: string | null;
}

export interface RunTotals {
  /** Distinct packages (grid rows). In a one-platform run equal to `cells`. */
  packages: number;
  /** Package × platform results (every row of `runs`); success/failure/cancelled/missing count these. */
  cells: number;
  success: number;
  failure: number;
  cancelled: number;
  missing: number;
}

export interface RunReport {
  schema_version: typeof RUN_REPORT_SCHEMA_VERSION;
  event: typeof RUN_REPORT_EVENT;
  /** The workflow run id. */
  build_id: string | null;
  url: string | null;
  web_url: string | null;
  status: RunStatus;
  /** One sentence a person can read. */
  message: string;
  trigger_name: string | null;
  repository: string | null;
  ref: string | null;
  sha: string | null;
  run_attempt: string | null;
  created: string;
  completed: string;
  /** First leg start to last leg end (or to now when no leg reported). */
  wall_seconds: number;
  /** The legs' build times added up: wall_seconds / build_seconds_sum shows what the fleet saved. */
  build_seconds_sum: number;
  totals: RunTotals;
  /**
   * The platforms of the grid, in the order planned; empty in a one-platform run (the `runs-on` form).
   */
  platforms: RunPlatform[];
  /** Every failed cell (`failure` or `missing`), package and platform. */
  failed: FailedCell[];
  /** The names of the packages that failed on at least one platform: `failure` and `missing` alike. */
  failed_packages: string[];
  /** The rows no leg reported (`missing`), also in failed_packages. */
  missing_packages: string[];
  images: string[];
  /** Results of the jobs the summary depends on (`needs.<job>.result`). */
  jobs: Record<string, string>;
  runs: RunRow[];
}

/** What a matrix leg says about itself besides report.json (the workflow writes it even when the action never ran). */
export interface LegRecord {
  leg: string;
  packages: string[];
  jobUrl: string | null;
  runner: string | null;
  /** Outcome of the setup step, if there was one. */
  setupOutcome: string | null;
  /** Outcome of the build step. */
  buildOutcome: string | null;
  runAttempt: string | null;
  /** The platform the leg built for (the matrix's `platform`); null in a one-platform run. */
  platform: string | null;
}

export interface RunReportInput {
  reports: BuildReport[];
  /** The planned package list (the plan job's `packages`), wildcards as typed. */
  planned: string[];
  /**
   * The planned platforms (the plan job's `platforms` output), in order; empty or absent in a one-platform
   * run. Every planned package × platform gets a row.
   */
  platforms?: { name: string; labels: string[] }[];
  /** The `needs` input parsed: `{ plan: { result }, build: { result } }` (or all of `toJSON(needs)`). */
  needs: unknown;
  context: RunContext;
  now: Date;
  legs?: LegRecord[];
  /**
   * The matrix ran with fail-fast: a leg that never started while the build failed was cancelled by
   * GitHub after another leg failed, not lost.
   */
  failFast?: boolean;
  /**
   * Told once when reports name another platform than the leg record of the leg that uploaded them (the
   * leg record, written by the workflow from the matrix, is what counts).
   */
  warn?: (message: string) => void;
  /**
   * Cells whose leg's report artifact could not be downloaded: without a report they are `missing` for that
   * reason (the leg may well have built), never "runner lost" nor cancelled.
   */
  lostReports?: { package: string; platform: string | null; reason: string; attempt?: number }[];
}

const MAX_EXCERPT_LINES = 40;

/** `needs.<job>.result` for every job in `needs`, ignoring anything malformed. */
export function jobResults(needs: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  // A string or a number has no entries worth reading, and no `result`.
  if (!needs || Array.isArray(needs)) return out;
  for (const [job, value] of Object.entries(needs)) {
    const result = (value as { result?: unknown } | null | undefined)?.result;
    if (typeof result === 'string') out[job] = result;
  }
  return out;
}

function attemptOf(report: BuildReport): number {
  const n = Number.parseInt(String(report.run?.runAttempt), 10);
  return Number.isFinite(n) ? n : 0;
}

function timeOf(iso: string | null | undefined): number {
  const t = Date.parse(String(iso));
  return Number.isNaN(t) ? 0 : t;
}

/** Oldest first, so that later reports (re-runs) overwrite earlier rows of the same package. */
function byRecency(a: BuildReport, b: BuildReport): number {
  return attemptOf(a) - attemptOf(b) || timeOf(a.endTime) - timeOf(b.endTime);
}

function failureOf(f: PackageResult['failure'] | BuildReport['failure']): RunFailure | null {
  if (!f) return null;
  return {
    stage: f.stage ?? null,
    phase: f.phase ?? 'unknown',
    error: f.error ?? null,
    excerpt: (f.excerpt ?? []).slice(-MAX_EXCERPT_LINES),
    stage_index: f.stageIndex ?? null,
    stage_count: f.stageCount ?? null,
  };
}

/** The key of a grid cell (one row of `runs`): platform and package. */
function cellKey(platform: string | null, name: string): string {
  return `${platform ?? ''}\u0000${name}`;
}

/**
 * The leg records by platform and package, so that each report finds its leg without a scan of every leg
 * (a 256-leg matrix of re-run attempts has thousands of reports and records).
 */
class LegIndex {
  private readonly byCell = new Map<string, { leg: LegRecord; order: number }[]>();
  private readonly byPackage = new Map<string, { leg: LegRecord; order: number }[]>();
  private readonly byJobUrl = new Map<string, { leg: LegRecord; order: number }[]>();
  private readonly byLegName = new Map<string, { leg: LegRecord; order: number }[]>();

  /** Whether legs are told apart by platform (a one-platform run ignores the field). */
  private readonly grid: boolean;

  constructor(legs: LegRecord[], grid: boolean) {
    this.grid = grid;
    legs.forEach((leg, order) => {
      for (const p of new Set(leg.packages)) {
        push(this.byCell, cellKey(grid ? leg.platform : null, p), { leg, order });
        push(this.byPackage, p, { leg, order });
      }
      if (leg.jobUrl !== null) push(this.byJobUrl, leg.jobUrl, { leg, order });
      push(this.byLegName, leg.leg, { leg, order });
    });
  }

  /**
   * The leg record of the leg that uploaded `report`, when something other than its platform says which:
   * its job page (unique), else its matrix leg name, else its runner with the same packages and attempt - the
   * last two only when every candidate is on one platform. Null when nothing does.
   */
  identify(report: BuildReport): LegRecord | null {
    const attempt = report.run?.runAttempt ?? null;
    const ofAttempt = (list: { leg: LegRecord; order: number }[]) => {
      const same = list.filter((c) => attempt === null || c.leg.runAttempt === attempt);
      return same.length > 0 ? same : list;
    };
    const onePlatform = (list: { leg: LegRecord; order: number }[]): LegRecord | null =>
      new Set(list.map((c) => c.leg.platform)).size === 1 ? latestLeg(list, attempt) : null;
    const jobUrl = report.run?.jobUrl ?? null;
    const byJob = jobUrl !== null ? this.byJobUrl.get(jobUrl) : undefined;
    if (byJob) return latestLeg(byJob, attempt);
    const legName = matrixOf(report)?.leg;
    const byName = typeof legName === 'string' ? this.byLegName.get(legName) : undefined;
    if (byName) return onePlatform(ofAttempt(byName));
    const runner = report.runner?.name ?? null;
    if (runner === null) return null;
    const requested = new Set(report.requestedPackages ?? []);
    const byRunner = [...requested]
      .flatMap((p) => this.byPackage.get(p) ?? [])
      .filter((c) => c.leg.runner === runner && (attempt === null || c.leg.runAttempt === attempt));
    return onePlatform(byRunner);
  }

  /** The leg record of `packages` on `platform`: of run attempt `attempt` when there is one, else the latest. */
  find(platform: string | null, packages: string[], attempt: string | null = null): LegRecord | null {
    const key = this.grid ? platform : null;
    return latestLeg(
      packages.flatMap((p) => this.byCell.get(cellKey(key, p)) ?? []),
      attempt,
    );
  }

  /**
   * The platform of a report that does not name its own (the action before the `platform` input): its
   * leg's, found by packages and attempt, then by job page or runner when several platforms ran them.
   */
  platformOf(report: BuildReport): string | null {
    const requested = report.requestedPackages ?? [];
    const candidates = requested.flatMap((p) => this.byPackage.get(p) ?? []);
    const attempt = report.run?.runAttempt ?? null;
    const same = candidates.filter((c) => attempt === null || c.leg.runAttempt === attempt);
    const pool = same.length > 0 ? same : candidates;
    const platforms = new Set(pool.map((c) => c.leg.platform));
    if (platforms.size === 1) return [...platforms][0] ?? null;
    const jobUrl = report.run?.jobUrl ?? null;
    const runner = report.runner?.name ?? null;
    const match =
      (jobUrl !== null ? pool.find((c) => c.leg.jobUrl === jobUrl) : undefined) ??
      (runner !== null ? pool.find((c) => c.leg.runner === runner) : undefined);
    return match?.leg.platform ?? null;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Of the records (in file order, maybe repeated): the first of `attempt`, else the last of the latest attempt. */
function latestLeg(found: { leg: LegRecord; order: number }[], attempt: string | null): LegRecord | null {
  let best: { leg: LegRecord; order: number } | null = null;
  let exact: { leg: LegRecord; order: number } | null = null;
  for (const c of found) {
    if (attempt !== null && c.leg.runAttempt === attempt && (!exact || c.order < exact.order)) exact = c;
    const n = Number(c.leg.runAttempt ?? 0);
    const b = Number(best?.leg.runAttempt ?? 0);
    if (!best || n > b || (n === b && c.order > best.order)) best = c;
  }
  return (exact ?? best)?.leg ?? null;
}

/** The matrix leg a report's action ran in (`${{ toJSON(matrix) }}`), when it recorded one. */
function matrixOf(report: BuildReport): { leg?: unknown; index?: unknown; platform?: unknown } | null {
  const raw = report.run?.matrix;
  if (typeof raw !== 'string' || raw === '') return null;
  try {
    const value: unknown = JSON.parse(raw);
    return value && typeof value === 'object' && !Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}

function ownPlatform(report: BuildReport): string {
  return typeof report.platform?.name === 'string' ? report.platform.name.trim() : '';
}

/** A report that names another platform than the leg that uploaded it. */
interface PlatformConflict {
  report: BuildReport;
  own: string;
  leg: LegRecord;
}

/**
 * The platform a report was built on (null in a one-platform run). Its leg record's platform wins: the
 * workflow writes it from the matrix, outside the build, while the report's own word comes from the leg's
 * inputs and files. Without an identified leg: the report's own word, else the platform of the legs that ran
 * its packages.
 */
function reportPlatform(
  report: BuildReport,
  legs: LegIndex,
  grid: boolean,
  conflict?: (c: PlatformConflict) => void,
): string | null {
  if (!grid) return null;
  const own = ownPlatform(report);
  const leg = legs.identify(report);
  if (leg?.platform) {
    if (own !== '' && own !== leg.platform) conflict?.({ report, own, leg });
    return leg.platform;
  }
  return own !== '' ? own : legs.platformOf(report);
}

/** One warning for every report that names another platform than its leg. */
function conflictWarning(conflicts: PlatformConflict[]): string {
  const one = (c: PlatformConflict): string => {
    const attempt = c.report.run?.runAttempt ? ` (attempt ${c.report.run.runAttempt})` : '';
    const requested = (c.report.requestedPackages ?? []).join(' ') || '(no packages)';
    return `report of ${requested}${attempt} says ${c.own}, its leg ${c.leg.leg} ran on ${c.leg.platform ?? ''}`;
  };
  const shown = conflicts.slice(0, 10).map(one).join('; ');
  const more = conflicts.length > 10 ? ` and ${conflicts.length - 10} more` : '';
  const head =
    conflicts.length === 1
      ? 'A report names another platform than the leg that uploaded it; the leg’s platform is used'
      : `${conflicts.length} reports name another platform than the legs that uploaded them; the legs’ platforms are used`;
  return `${head}: ${shown}${more}.`;
}

/**
 * The platforms the leg records and reports name, for a summary given no `platforms` (the plan's output):
 * in the order they first appear (leg records, then reports), sorted stably by the lowest matrix leg index
 * the reports recorded for them. Fewer than two: none (one platform reads as the one-platform form).
 */
export function inferPlatforms(
  reports: BuildReport[],
  legs: LegRecord[],
): { name: string; labels: string[] }[] {
  const index = new LegIndex(legs, true);
  const seen = new Map<string, { first: number; leg: number }>();
  const see = (name: string | null | undefined, leg: number = Number.POSITIVE_INFINITY): void => {
    const n = typeof name === 'string' ? name.trim() : '';
    if (n === '') return;
    const s = seen.get(n);
    if (s) s.leg = Math.min(s.leg, leg);
    else seen.set(n, { first: seen.size, leg });
  };
  for (const leg of legs) see(leg.platform);
  for (const report of reports) {
    const matrix = matrixOf(report);
    const legIndex = typeof matrix?.index === 'number' ? matrix.index : undefined;
    const platform = reportPlatform(report, index, true);
    see(platform, legIndex);
  }
  if (seen.size < 2) return [];
  return [...seen.entries()]
    .sort(([, a], [, b]) => (a.leg === b.leg ? 0 : a.leg < b.leg ? -1 : 1) || a.first - b.first)
    .map(([name]) => ({ name, labels: [] }));
}

export interface PlannedSelection {
  reports: BuildReport[];
  legs: LegRecord[];
  /** What was left out, one line each (`pytorch:2.8 (attempt 1)`), for a notice. */
  ignored: string[];
}

/**
 * Keeps the reports and leg records of this plan: those whose requested packages were all planned, on a
 * planned platform. Another call of the workflow in the same run (its artifacts matched by a too-wide
 * pattern) must not add rows. With no planned list every package is kept; with no planned platforms
 * (a one-platform run) every platform.
 */
export function selectPlanned(
  reports: BuildReport[],
  legs: LegRecord[],
  planned: string[],
  platforms: string[] = [],
): PlannedSelection {
  const set = new Set(planned.map((p) => p.trim()).filter((p) => p !== ''));
  const columns = new Set(platforms.map((p) => p.trim()).filter((p) => p !== ''));
  if (set.size === 0 && columns.size === 0) return { reports, legs, ignored: [] };
  const ours = (names: string[]): boolean =>
    set.size === 0 || (names.length > 0 && names.every((n) => set.has(n)));
  const grid = columns.size > 0;
  const onPlatform = (p: string | null): boolean => !grid || (p !== null && columns.has(p));
  const where = (p: string | null): string =>
    !grid ? '' : p === null ? ' on no known platform' : ` on ${p}`;
  const index = new LegIndex(legs, grid);
  const ignored: string[] = [];
  const keptReports = reports.filter((r) => {
    const requested = r.requestedPackages ?? [];
    const platform = reportPlatform(r, index, grid);
    if (ours(requested) && onPlatform(platform)) return true;
    const attempt = r.run?.runAttempt ? ` (attempt ${r.run.runAttempt})` : '';
    ignored.push(`report of ${requested.join(' ') || '(no packages)'}${attempt}${where(platform)}`);
    return false;
  });
  const keptLegs = legs.filter((l) => {
    if (ours(l.packages) && onPlatform(l.platform)) return true;
    ignored.push(`leg record ${l.leg} (${l.packages.join(' ')})${where(l.platform)}`);
    return false;
  });
  return { reports: keptReports, legs: keptLegs, ignored };
}

const TIMED_OUT_REASON = 'timed out: the build step reached timeout-minutes';

/** Builds the RunReport. Every planned package × platform ends up in a row: nothing silently disappears. */
export function buildRunReport(input: RunReportInput): RunReport {
  const { context, now } = input;
  const planned = [...new Set(input.planned.map((p) => p.trim()).filter((p) => p !== ''))];
  const given = plannedPlatforms(input.platforms);
  // Without the plan's platforms, those the legs name: one platform's cells never overwrite another's.
  const platforms = given.length > 0 ? given : inferPlatforms(input.reports, input.legs ?? []);
  const jobs = jobResults(input.needs);
  const { rows: runs, contributing } = collectRows(input, planned, platforms, jobs['build'] ?? null);
  const totals = totalsOf(runs);
  const status = runStatus(totals, jobs);
  const time = timing(contributing, now);
  const failed = runs.filter((r) => r.status === 'failure' || r.status === 'missing');
  const distinct = (list: RunRow[]): string[] => [...new Set(list.map((r) => r.name))];
  return {
    schema_version: RUN_REPORT_SCHEMA_VERSION,
    event: RUN_REPORT_EVENT,
    build_id: context.runId,
    url: context.runUrl,
    web_url: context.runUrl,
    status,
    message: runMessage(status, totals, runs, jobs, platforms.length),
    trigger_name: context.workflow,
    repository: context.repository,
    ref: context.ref,
    sha: context.sha,
    run_attempt: context.runAttempt,
    ...time,
    totals,
    platforms: platformColumns(platforms, runs),
    failed: failed.map((r) => ({ package: r.name, platform: r.platform })),
    failed_packages: distinct(failed),
    missing_packages: distinct(runs.filter((r) => r.status === 'missing')),
    images: [...new Set(runs.filter((r) => r.status === 'success' && r.image).map((r) => r.image as string))],
    jobs,
    runs,
  };
}

/** The planned platforms, trimmed, blank and repeated names dropped (the first of a name wins). */
function plannedPlatforms(list: RunReportInput['platforms']): { name: string; labels: string[] }[] {
  const seen = new Set<string>();
  const out: { name: string; labels: string[] }[] = [];
  for (const p of list ?? []) {
    const name = typeof p?.name === 'string' ? p.name.trim() : '';
    if (name === '' || seen.has(name)) continue;
    seen.add(name);
    out.push({ name, labels: Array.isArray(p.labels) ? p.labels.filter((l) => typeof l === 'string') : [] });
  }
  return out;
}

/** The rows of every planned cell in grid order, and the reports that gave them (for the run's times). */
function collectRows(
  input: RunReportInput,
  planned: string[],
  platforms: { name: string }[],
  buildResult: string | null,
): { rows: RunRow[]; contributing: BuildReport[] } {
  const grid = platforms.length > 0;
  const columns = grid ? platforms.map((p) => p.name) : [null];
  const selected = selectPlanned(
    input.reports,
    input.legs ?? [],
    planned,
    platforms.map((p) => p.name),
  );
  const legs = new LegIndex(selected.legs, grid);
  const rows = new RowBook(planned, columns);
  // Requested entries (per platform) some report answered, even with no row of that name (a wildcard).
  const covered = new Set<string>();
  const conflicts: PlatformConflict[] = [];
  for (const report of [...selected.reports].sort(byRecency)) {
    const requested = report.requestedPackages ?? [];
    const platform = reportPlatform(report, legs, grid, (c) => conflicts.push(c));
    for (const r of requested) covered.add(cellKey(platform, r));
    const leg = legs.find(platform, requested, report.run?.runAttempt ?? null);
    const timedOut = timedOutLeg(report, leg, buildResult);
    const attempt = attemptOf(report);
    for (const row of reportRows(report, requested, leg, platform, timedOut, input.context)) {
      // A newer attempt's report of this cell was lost: this older result is not the cell's result.
      const lost = input.lostReports?.find(
        (l) => l.package === row.name && l.platform === platform && (l.attempt ?? 0) > attempt,
      );
      rows.put(
        lost
          ? {
              ...row,
              status: 'missing',
              failure: null,
              reason: `${lost.reason}; attempt ${attempt || '?'} had said ${row.status}`,
            }
          : row,
        report,
      );
    }
  }
  // Planned cells no report answered.
  for (const name of planned) {
    for (const platform of columns) {
      if (covered.has(cellKey(platform, name)) || rows.has(platform, name)) continue;
      const leg = legs.find(platform, [name]);
      const row = unreportedRow(name, platform, leg, buildResult, input.failFast === true, input.context);
      const lost = input.lostReports?.find((l) => l.package === name && l.platform === platform);
      rows.put(lost ? { ...row, status: 'missing', reason: lost.reason, failure: null } : row);
    }
  }
  if (conflicts.length > 0) input.warn?.(conflictWarning(conflicts));
  return { rows: rows.ordered(), contributing: [...rows.contributing] };
}

/** The grid's columns: each planned platform with the environment its legs reported (a matching one first). */
function platformColumns(platforms: { name: string; labels: string[] }[], runs: RunRow[]): RunPlatform[] {
  const kept = new Map<string, RowEnvironment>();
  const any = new Map<string, RowEnvironment>();
  for (const r of runs) {
    if (r.platform === null || r.environment === null) continue;
    if (!any.has(r.platform)) any.set(r.platform, r.environment);
    if (r.platform_mismatch === null && !kept.has(r.platform)) kept.set(r.platform, r.environment);
  }
  return platforms.map((p) => ({
    name: p.name,
    labels: [...p.labels],
    environment: kept.get(p.name) ?? any.get(p.name) ?? null,
  }));
}

/**
 * The rows as the reports are read, oldest first: a later row of a cell replaces the earlier one. Rows go in
 * plan order of the entry they answer, then in the order their package was first seen (the packages a
 * wildcard expanded to), then in platform order.
 */
class RowBook {
  /** The reports that gave a row, for the run's times; a replaced row's report still counts. */
  readonly contributing = new Set<BuildReport>();
  private readonly rows = new Map<string, { row: RunRow; order: number; column: number }>();
  private readonly firstSeen = new Map<string, number>();
  private readonly plannedIndex: Map<string | null, number>;
  private readonly columnIndex: Map<string | null, number>;
  private readonly unplanned: number;

  constructor(planned: string[], columns: (string | null)[]) {
    this.plannedIndex = new Map<string | null, number>(planned.map((p, i) => [p, i]));
    this.columnIndex = new Map<string | null, number>(columns.map((p, i) => [p, i]));
    this.unplanned = planned.length;
  }

  put(row: RunRow, from?: BuildReport): void {
    if (!this.firstSeen.has(row.name)) this.firstSeen.set(row.name, this.firstSeen.size);
    // Rows answer their planned entry in plan order; rows no entry asked for come last.
    this.rows.set(cellKey(row.platform, row.name), {
      row,
      order: this.plannedIndex.get(row.requested) ?? this.unplanned,
      column: this.columnIndex.get(row.platform) ?? this.columnIndex.size,
    });
    if (from) this.contributing.add(from);
  }

  has(platform: string | null, name: string): boolean {
    return this.rows.has(cellKey(platform, name));
  }

  ordered(): RunRow[] {
    const seen = (r: RunRow): number => this.firstSeen.get(r.name) ?? 0;
    return [...this.rows.values()]
      .sort((a, b) => a.order - b.order || seen(a.row) - seen(b.row) || a.column - b.column)
      .map((k) => k.row);
  }
}

/**
 * A step timeout sends the same SIGINT as a cancellation, so the action reports `cancelled`; the leg record's
 * build step outcome is `failure` then (a real cancellation leaves it `cancelled`).
 */
function timedOutLeg(report: BuildReport, leg: LegRecord | null, buildResult: string | null): boolean {
  return report.status === 'cancelled' && leg?.buildOutcome === 'failure' && buildResult !== 'cancelled';
}

function timeoutFailure(f: RunFailure | null): RunFailure {
  return f ?? { stage: null, phase: 'timeout', error: 'the build step timed out', excerpt: [] };
}

/** The fields every row of one report shares: where its logs are, when and where it ran. */
type LegFields = Pick<
  RunRow,
  | 'log_url'
  | 'web_url'
  | 'created'
  | 'completed'
  | 'host_tag'
  | 'leg'
  | 'platform'
  | 'environment'
  | 'platform_mismatch'
  | 'change'
>;

function legFields(
  report: BuildReport,
  leg: LegRecord | null,
  platform: string | null,
  context: RunContext,
): LegFields {
  return {
    log_url: report.logs?.artifactUrl ?? report.logs?.url ?? report.run?.runUrl ?? context.runUrl,
    web_url: leg?.jobUrl ?? report.run?.runUrl ?? context.runUrl,
    created: report.startTime ?? null,
    completed: report.endTime ?? null,
    host_tag: report.runner?.name ?? leg?.runner ?? null,
    leg: leg?.leg ?? null,
    platform,
    environment: rowEnvironment(report.environment),
    platform_mismatch: mismatchOf(report, platform),
    change: null,
  };
}

/** The versions a report's environment names; null when it names none. */
export function rowEnvironment(env: Partial<EnvironmentInfo> | null | undefined): RowEnvironment | null {
  const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
  const out: RowEnvironment = {
    l4t: str(env?.L4T_VERSION),
    jetpack: str(env?.JETPACK_VERSION),
    cuda: str(env?.CUDA_VERSION),
    arch: str(env?.SYSTEM_ARCH),
  };
  return Object.values(out).some((v) => v !== null) ? out : null;
}

/**
 * The report's own verdict on its platform (the action wrote it), else one from the platform's name and the
 * environment (reports of actions before the `platform` input, read by the leg record's platform).
 */
function mismatchOf(report: BuildReport, platform: string | null): string | null {
  // The report's verdict is about the platform it names: when its leg says another, it is worked out anew.
  if (report.platform && (platform === null || ownPlatform(report) === platform)) {
    return typeof report.platform.mismatch === 'string' ? report.platform.mismatch : null;
  }
  return platform === null ? null : platformFacts(platform, report.environment).mismatch;
}

/** One row per package result, then one per requested name the report has no result for. */
function reportRows(
  report: BuildReport,
  requested: string[],
  leg: LegRecord | null,
  platform: string | null,
  timedOut: boolean,
  context: RunContext,
): RunRow[] {
  const base = legFields(report, leg, platform, context);
  const results = report.packages ?? [];
  const rows = results.map((p) => packageRow(p, requestedFor(requested, p.name), timedOut, base));
  // Requested names the report has no row for: the build stopped before it could say (an argparse error,
  // a cancelled resolve), so they take the leg's own status and failure.
  const named = new Set(results.map((p) => p.name));
  const wildcardExpanded = results.length > 0;
  for (const r of requested) {
    if (named.has(r)) continue;
    if (isWildcard(r) && wildcardExpanded) continue;
    rows.push(unansweredRow(r, report, timedOut, base));
  }
  return rows;
}

/** The planned entry a package answers: its own name, else the wildcard it came from. */
function requestedFor(requested: string[], name: string): string | null {
  if (requested.includes(name)) return name;
  return requested.find(isWildcard) ?? requested[0] ?? null;
}

function packageRow(p: PackageResult, requested: string | null, timedOut: boolean, base: LegFields): RunRow {
  const notBuilt = p.status === 'not-built';
  const timeout = timedOut && p.status === 'cancelled';
  return {
    name: p.name,
    status: p.status === 'not-built' ? 'cancelled' : timeout ? 'failure' : p.status,
    requested,
    reason: notBuilt
      ? timedOut
        ? 'not built: the leg timed out before reaching it'
        : 'not built: the leg stopped before reaching it'
      : timeout
        ? TIMED_OUT_REASON
        : null,
    image: p.image ?? null,
    pushed_image: p.pushedImage ?? null,
    duration_seconds: p.durationSeconds ?? null,
    failure: timeout ? timeoutFailure(failureOf(p.failure)) : failureOf(p.failure),
    ...base,
  };
}

/** A requested name the report has no result for. */
function unansweredRow(name: string, report: BuildReport, timedOut: boolean, base: LegFields): RunRow {
  const status: RunRowStatus = report.status === 'success' ? 'missing' : timedOut ? 'failure' : report.status;
  return {
    name,
    status,
    requested: name,
    reason:
      status === 'missing'
        ? 'the leg succeeded but its report has no result for this package'
        : timedOut
          ? TIMED_OUT_REASON
          : status === 'cancelled'
            ? 'the leg was cancelled before this package finished'
            : null,
    image: null,
    pushed_image: null,
    duration_seconds: null,
    failure: timedOut
      ? timeoutFailure(failureOf(report.failure))
      : status === 'failure'
        ? failureOf(report.failure)
        : null,
    ...base,
  };
}

/** A planned entry no report answered. */
function unreportedRow(
  name: string,
  platform: string | null,
  leg: LegRecord | null,
  buildResult: string | null,
  failFast: boolean,
  context: RunContext,
): RunRow {
  const { status, reason, failure } = unreportedVerdict(leg, buildResult, failFast);
  return {
    name,
    status,
    requested: name,
    reason,
    image: null,
    pushed_image: null,
    duration_seconds: null,
    failure,
    log_url: context.runUrl,
    web_url: leg?.jobUrl ?? context.runUrl,
    created: null,
    completed: null,
    host_tag: leg?.runner ?? null,
    leg: leg?.leg ?? null,
    platform,
    environment: null,
    platform_mismatch: null,
    change: null,
  };
}

/** Why an entry has no report, from its leg record (if any) and the build job's result. */
function unreportedVerdict(
  leg: LegRecord | null,
  buildResult: string | null,
  failFast: boolean,
): { status: RunRowStatus; reason: string; failure: RunFailure | null } {
  const cancelled = (reason: string) => ({ status: 'cancelled' as const, reason, failure: null });
  if (leg?.setupOutcome === 'failure') {
    return {
      status: 'failure',
      reason: 'the setup step failed before the build started',
      failure: { stage: null, phase: 'setup', error: 'setup step failed', excerpt: [] },
    };
  }
  if (leg?.buildOutcome === 'cancelled' || leg?.setupOutcome === 'cancelled') {
    return cancelled('the leg was cancelled before the build reported');
  }
  if (!leg && buildResult === 'cancelled') return cancelled('the run was cancelled before this leg reported');
  if (
    failFast &&
    buildResult === 'failure' &&
    (!leg || leg.buildOutcome === null || leg.buildOutcome === 'skipped')
  ) {
    // GitHub cancels the legs still queued (no leg record) or starting (build step skipped) when one fails.
    return cancelled('stopped by fail-fast: another leg failed before this one built');
  }
  if (!leg && buildResult === 'skipped') return cancelled('the build job was skipped');
  const missing = (reason: string) => ({ status: 'missing' as const, reason, failure: null });
  if (leg) return missing(`the leg ended (${leg.buildOutcome ?? 'unknown'}) without writing report.json`);
  return missing('no report: the runner was lost, the job timed out, or the report could not be uploaded');
}

function totalsOf(runs: RunRow[]): RunTotals {
  const totals: RunTotals = {
    packages: new Set(runs.map((r) => r.name)).size,
    cells: runs.length,
    success: 0,
    failure: 0,
    cancelled: 0,
    missing: 0,
  };
  for (const r of runs) totals[r.status] += 1;
  return totals;
}

function runStatus(totals: RunTotals, jobs: Record<string, string>): RunStatus {
  // A failed plan fails the run whatever the rows say.
  if (jobs['plan'] === 'failure') return 'failure';
  if (totals.failure > 0 || totals.missing > 0) return 'failure';
  if (totals.cancelled > 0) return 'cancelled';
  if (totals.packages === 0)
    return jobs['build'] === 'cancelled' || jobs['plan'] === 'cancelled' ? 'cancelled' : 'failure';
  return 'success';
}

/** The run's span, from the reports that gave rows (now when none did), and their build times added up. */
function timing(
  used: BuildReport[],
  now: Date,
): Pick<RunReport, 'created' | 'completed' | 'wall_seconds' | 'build_seconds_sum'> {
  const starts = used.map((r) => timeOf(r.startTime)).filter((t) => t > 0);
  const ends = used.map((r) => timeOf(r.endTime)).filter((t) => t > 0);
  const created = starts.length > 0 ? new Date(Math.min(...starts)) : now;
  const completed = ends.length > 0 ? new Date(Math.max(...ends)) : now;
  const wall = Math.max(0, (completed.getTime() - created.getTime()) / 1000);
  const buildSum = used.reduce(
    (sum, r) => sum + (Number.isFinite(r.durationSeconds) ? r.durationSeconds : 0),
    0,
  );
  return {
    created: created.toISOString(),
    completed: completed.toISOString(),
    wall_seconds: Math.round(wall * 10) / 10,
    build_seconds_sum: Math.round(buildSum * 10) / 10,
  };
}

function names(rows: RunRow[], status: RunRowStatus, max = 5): string {
  const list = rows
    .filter((r) => r.status === status)
    .map((r) => (r.platform === null ? r.name : `${r.name} on ${r.platform}`));
  const shown = list.slice(0, max).join(', ');
  return list.length > max ? `${shown} and ${list.length - max} more` : shown;
}

function runMessage(
  status: RunStatus,
  t: RunTotals,
  runs: RunRow[],
  jobs: Record<string, string>,
  platforms: number,
): string {
  if (t.packages === 0) {
    if (jobs['plan'] === 'failure') return 'The plan failed: no package was built.';
    return status === 'cancelled'
      ? 'The run was cancelled before any package was built.'
      : 'No package was built.';
  }
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  const parts = [
    platforms > 0
      ? `${t.success} of ${plural(t.cells, 'build')} succeeded on ${plural(platforms, 'platform')}`
      : `${t.success} of ${plural(t.packages, 'package')} built`,
  ];
  if (t.failure > 0) parts.push(`failed: ${names(runs, 'failure')}`);
  if (t.missing > 0) parts.push(`no report: ${names(runs, 'missing')}`);
  if (t.cancelled > 0) parts.push(`cancelled: ${names(runs, 'cancelled')}`);
  return parts.join('; ') + '.';
}

/** Parses one leg record (`jetson-leg.json` written by the reusable workflow); null when it is not one. */
export function parseLegRecord(value: unknown): LegRecord | null {
  // Anything but an object has neither `leg` nor `packages`, and is refused below.
  const v = (value ?? {}) as Record<string, unknown>;
  const str = (x: unknown): string | null => (typeof x === 'string' && x !== '' ? x : null);
  const leg = str(v['leg']);
  const packages = str(v['packages']);
  if (!leg || !packages) return null;
  return {
    leg,
    packages: packages.split(/\s/).filter((p) => p !== ''),
    jobUrl: str(v['jobUrl']),
    runner: str(v['runner']),
    setupOutcome: str(v['setupOutcome']),
    buildOutcome: str(v['buildOutcome']),
    runAttempt: str(v['runAttempt']),
    platform: str(v['platform']),
  };
}

const BUILD_STATUSES = new Set(['success', 'failure', 'cancelled']);
const PACKAGE_STATUSES = new Set(['success', 'failure', 'cancelled', 'not-built']);

/**
 * Checks that a parsed report.json is a BuildReport this code can summarise; returns the reason when it
 * is not. Only what the RunReport reads is checked, so newer reports with more fields still pass.
 */
export function checkBuildReport(
  value: unknown,
): { ok: true; report: BuildReport } | { ok: false; reason: string } {
  if (!value || typeof value !== 'object' || Array.isArray(value))
    return { ok: false, reason: 'not a JSON object' };
  const v = value as Record<string, unknown>;
  if (!isReadableReportVersion(v['schemaVersion']))
    return { ok: false, reason: `unsupported schemaVersion ${JSON.stringify(v['schemaVersion'])}` };
  if (!BUILD_STATUSES.has(v['status'] as string)) {
    return { ok: false, reason: `invalid status ${JSON.stringify(v['status'])}` };
  }
  const requested = v['requestedPackages'];
  if (!Array.isArray(requested) || !requested.every((r) => typeof r === 'string')) {
    return { ok: false, reason: 'requestedPackages is not a list of names' };
  }
  const packages = v['packages'];
  if (!Array.isArray(packages)) return { ok: false, reason: 'packages is not a list' };
  for (const [i, p] of packages.entries()) {
    if (!p || typeof p !== 'object') return { ok: false, reason: `packages[${i}] is not an object` };
    const pr = p as Record<string, unknown>;
    if (typeof pr['name'] !== 'string' || pr['name'] === '')
      return { ok: false, reason: `packages[${i}].name is missing` };
    if (!PACKAGE_STATUSES.has(pr['status'] as string)) {
      return { ok: false, reason: `packages[${i}].status is invalid` };
    }
  }
  for (const key of ['startTime', 'endTime']) {
    if (typeof v[key] !== 'string') return { ok: false, reason: `${key} is missing` };
  }
  return { ok: true, report: value as unknown as BuildReport };
}
