// The RunReport: what the aggregate `summarize` step knows about a whole matrix run, built from each leg's
// BuildReport, the planned package list and the `needs` context. Shaped like the Foundries CI webhook
// (build_id, url, status, runs[] with name/status/log_url/web_url/created/completed/host_tag, trigger_name).
// Pure: the entry point (src/summarize.ts) reads files and env and hands plain data in.
// schema/run-report.schema.json describes it.
import { isWildcard } from './build/packages.js';
import type { BuildReport, PackageResult, RunContext } from './report.js';

export const RUN_REPORT_SCHEMA_VERSION = 1 as const;
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
}

export interface RunTotals {
  packages: number;
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
  /** Every row that failed the run: `failure` and `missing` (never reported) alike. */
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
}

export interface RunReportInput {
  reports: BuildReport[];
  /** The planned package list (the plan job's `packages`), wildcards as typed. */
  planned: string[];
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
  };
}

/** The leg record of `packages`: of run attempt `attempt` when there is one, else the latest attempt. */
function findLeg(legs: LegRecord[], packages: string[], attempt: string | null = null): LegRecord | null {
  let best: LegRecord | null = null;
  for (const leg of legs) {
    if (!packages.some((p) => leg.packages.includes(p))) continue;
    if (attempt !== null && leg.runAttempt === attempt) return leg;
    if (!best || Number(leg.runAttempt ?? 0) >= Number(best.runAttempt ?? 0)) best = leg;
  }
  return best;
}

export interface PlannedSelection {
  reports: BuildReport[];
  legs: LegRecord[];
  /** What was left out, one line each (`pytorch:2.8 (attempt 1)`), for a notice. */
  ignored: string[];
}

/**
 * Keeps the reports and leg records of this plan: those whose requested packages were all planned. Another
 * call of the workflow in the same run (its artifacts matched by a too-wide pattern) must not add rows.
 * With no planned list everything is kept.
 */
export function selectPlanned(
  reports: BuildReport[],
  legs: LegRecord[],
  planned: string[],
): PlannedSelection {
  const set = new Set(planned.map((p) => p.trim()).filter((p) => p !== ''));
  if (set.size === 0) return { reports, legs, ignored: [] };
  const ours = (names: string[]): boolean => names.length > 0 && names.every((n) => set.has(n));
  const ignored: string[] = [];
  const keptReports = reports.filter((r) => {
    const requested = r.requestedPackages ?? [];
    if (ours(requested)) return true;
    const attempt = r.run?.runAttempt ? ` (attempt ${r.run.runAttempt})` : '';
    ignored.push(`report of ${requested.join(' ') || '(no packages)'}${attempt}`);
    return false;
  });
  const keptLegs = legs.filter((l) => {
    if (ours(l.packages)) return true;
    ignored.push(`leg record ${l.leg} (${l.packages.join(' ')})`);
    return false;
  });
  return { reports: keptReports, legs: keptLegs, ignored };
}

const TIMED_OUT_REASON = 'timed out: the build step reached timeout-minutes';

interface Keyed {
  row: RunRow;
  order: number;
}

/** Builds the RunReport. Every planned entry ends up in a row: nothing silently disappears. */
export function buildRunReport(input: RunReportInput): RunReport {
  const { context, now } = input;
  const planned = [...new Set(input.planned.map((p) => p.trim()).filter((p) => p !== ''))];
  const selected = selectPlanned(input.reports, input.legs ?? [], planned);
  const legs = selected.legs;
  const plannedIndex = new Map<string | null, number>(planned.map((p, i) => [p, i]));
  /** Rows answer their planned entry in plan order; rows no entry asked for come last. */
  const orderOf = (requested: string | null): number => plannedIndex.get(requested) ?? planned.length;
  const jobs = jobResults(input.needs);
  const buildResult = jobs['build'] ?? null;
  const reports = [...selected.reports].sort(byRecency);

  const rows = new Map<string, Keyed>();
  const covered = new Set<string>();
  const contributing = new Set<BuildReport>();

  for (const report of reports) {
    const requested = report.requestedPackages ?? [];
    for (const r of requested) covered.add(r);
    const leg = findLeg(legs, requested, report.run?.runAttempt ?? null);
    // A step timeout sends the same SIGINT as a cancellation, so the action reports `cancelled`; the leg
    // record's build step outcome is `failure` then (a real cancellation leaves it `cancelled`).
    const timedOut =
      report.status === 'cancelled' && leg?.buildOutcome === 'failure' && buildResult !== 'cancelled';
    const timeoutFailure = (f: RunFailure | null): RunFailure =>
      f ?? { stage: null, phase: 'timeout', error: 'the build step timed out', excerpt: [] };
    const base = {
      log_url: report.logs?.artifactUrl ?? report.logs?.url ?? report.run?.runUrl ?? context.runUrl,
      web_url: leg?.jobUrl ?? report.run?.runUrl ?? context.runUrl,
      created: report.startTime ?? null,
      completed: report.endTime ?? null,
      host_tag: report.runner?.name ?? leg?.runner ?? null,
      leg: leg?.leg ?? null,
    };
    const requestedFor = (name: string): string | null => {
      if (requested.includes(name)) return name;
      return requested.find(isWildcard) ?? requested[0] ?? null;
    };
    const put = (row: RunRow): void => {
      rows.set(row.name, { row, order: orderOf(row.requested) });
      contributing.add(report);
    };

    const results = report.packages ?? [];
    for (const p of results) {
      const notBuilt = p.status === 'not-built';
      const timeout = timedOut && p.status === 'cancelled';
      put({
        name: p.name,
        status: p.status === 'not-built' ? 'cancelled' : timeout ? 'failure' : p.status,
        requested: requestedFor(p.name),
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
      });
    }
    // Requested names the report has no row for: the build stopped before it could say (an argparse error,
    // a cancelled resolve), so they take the leg's own status and failure.
    const named = new Set(results.map((p) => p.name));
    const wildcardExpanded = results.length > 0;
    for (const r of requested) {
      if (named.has(r)) continue;
      const wildcard = isWildcard(r);
      if (wildcard && wildcardExpanded) continue;
      const status: RunRowStatus =
        report.status === 'success' ? 'missing' : timedOut ? 'failure' : report.status;
      put({
        name: r,
        status,
        requested: r,
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
      });
    }
  }

  // Planned entries no report answered.
  for (const name of planned) {
    if (covered.has(name) || rows.has(name)) continue;
    const leg = findLeg(legs, [name]);
    let status: RunRowStatus;
    let reason: string;
    let failure: RunFailure | null = null;
    if (leg?.setupOutcome === 'failure') {
      status = 'failure';
      reason = 'the setup step failed before the build started';
      failure = { stage: null, phase: 'setup', error: 'setup step failed', excerpt: [] };
    } else if (leg?.buildOutcome === 'cancelled' || leg?.setupOutcome === 'cancelled') {
      status = 'cancelled';
      reason = 'the leg was cancelled before the build reported';
    } else if (!leg && buildResult === 'cancelled') {
      status = 'cancelled';
      reason = 'the run was cancelled before this leg reported';
    } else if (
      input.failFast === true &&
      buildResult === 'failure' &&
      (!leg || leg.buildOutcome === null || leg.buildOutcome === 'skipped')
    ) {
      // GitHub cancels the legs still queued (no leg record) or starting (build step skipped) when one fails.
      status = 'cancelled';
      reason = 'stopped by fail-fast: another leg failed before this one built';
    } else if (!leg && buildResult === 'skipped') {
      status = 'cancelled';
      reason = 'the build job was skipped';
    } else if (leg) {
      status = 'missing';
      reason = `the leg ended (${leg.buildOutcome ?? 'unknown'}) without writing report.json`;
    } else {
      status = 'missing';
      reason = 'no report: the runner was lost, the job timed out, or the report could not be uploaded';
    }
    rows.set(name, {
      row: {
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
      },
      order: orderOf(name),
    });
  }

  const runs = [...rows.values()].sort((a, b) => a.order - b.order).map((k) => k.row);

  const totals: RunTotals = { packages: runs.length, success: 0, failure: 0, cancelled: 0, missing: 0 };
  for (const r of runs) totals[r.status] += 1;

  let status: RunStatus;
  if (totals.failure > 0 || totals.missing > 0) status = 'failure';
  else if (totals.cancelled > 0) status = 'cancelled';
  else if (runs.length === 0)
    status = buildResult === 'cancelled' || jobs['plan'] === 'cancelled' ? 'cancelled' : 'failure';
  else status = 'success';
  if (jobs['plan'] === 'failure') status = 'failure';

  const used = [...contributing];
  const starts = used.map((r) => timeOf(r.startTime)).filter((t) => t > 0);
  const ends = used.map((r) => timeOf(r.endTime)).filter((t) => t > 0);
  const created = starts.length > 0 ? new Date(Math.min(...starts)) : now;
  const completed = ends.length > 0 ? new Date(Math.max(...ends)) : now;
  const wall = Math.max(0, (completed.getTime() - created.getTime()) / 1000);
  const buildSum = used.reduce(
    (sum, r) => sum + (Number.isFinite(r.durationSeconds) ? r.durationSeconds : 0),
    0,
  );

  const failed = runs.filter((r) => r.status === 'failure' || r.status === 'missing').map((r) => r.name);
  const missing = runs.filter((r) => r.status === 'missing').map((r) => r.name);
  const images = [
    ...new Set(runs.filter((r) => r.status === 'success' && r.image).map((r) => r.image as string)),
  ];

  return {
    schema_version: RUN_REPORT_SCHEMA_VERSION,
    event: RUN_REPORT_EVENT,
    build_id: context.runId,
    url: context.runUrl,
    web_url: context.runUrl,
    status,
    message: runMessage(status, totals, runs, jobs),
    trigger_name: context.workflow,
    repository: context.repository,
    ref: context.ref,
    sha: context.sha,
    run_attempt: context.runAttempt,
    created: created.toISOString(),
    completed: completed.toISOString(),
    wall_seconds: Math.round(wall * 10) / 10,
    build_seconds_sum: Math.round(buildSum * 10) / 10,
    totals,
    failed_packages: failed,
    missing_packages: missing,
    images,
    jobs,
    runs,
  };
}

function names(rows: RunRow[], status: RunRowStatus, max = 5): string {
  const list = rows.filter((r) => r.status === status).map((r) => r.name);
  const shown = list.slice(0, max).join(', ');
  return list.length > max ? `${shown} and ${list.length - max} more` : shown;
}

function runMessage(status: RunStatus, t: RunTotals, runs: RunRow[], jobs: Record<string, string>): string {
  if (t.packages === 0) {
    if (jobs['plan'] === 'failure') return 'The plan failed: no package was built.';
    return status === 'cancelled'
      ? 'The run was cancelled before any package was built.'
      : 'No package was built.';
  }
  const parts = [`${t.success} of ${t.packages} package${t.packages === 1 ? '' : 's'} built`];
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
  if (v['schemaVersion'] !== 1)
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
