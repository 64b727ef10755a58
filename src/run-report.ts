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
 * - `cancelled`: stopped (run cancelled, fail-fast) or never reached (`not-built` within a chunk).
 * - `missing`: planned, but no leg reported it: the runner was lost, the job timed out before writing
 *   report.json, or the report could not be uploaded. Counts as a failure of the run.
 */
export type RunRowStatus = 'success' | 'failure' | 'cancelled' | 'missing';

export interface RunFailure {
  stage: string | null;
  /** `build`, `test`, `push`, `resolve`, `start`, `setup` or `unknown`. */
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
  failed_packages: string[];
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
  /** `toJSON(needs)` parsed: `{ build: { result } , plan: { result } }`. */
  needs: unknown;
  context: RunContext;
  now: Date;
  legs?: LegRecord[];
}

const MAX_EXCERPT_LINES = 40;

/** `needs.<job>.result` for every job in `needs`, ignoring anything malformed. */
export function jobResults(needs: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!needs || typeof needs !== 'object' || Array.isArray(needs)) return out;
  for (const [job, value] of Object.entries(needs as Record<string, unknown>)) {
    if (value && typeof value === 'object' && 'result' in value) {
      const result = (value as { result: unknown }).result;
      if (typeof result === 'string') out[job] = result;
    }
  }
  return out;
}

function attemptOf(report: BuildReport): number {
  const n = Number.parseInt(report.run?.runAttempt ?? '', 10);
  return Number.isFinite(n) ? n : 0;
}

function timeOf(iso: string | null | undefined): number {
  const t = Date.parse(iso ?? '');
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

function findLeg(legs: LegRecord[], packages: string[]): LegRecord | null {
  let best: LegRecord | null = null;
  for (const leg of legs) {
    if (!packages.some((p) => leg.packages.includes(p))) continue;
    if (!best || Number(leg.runAttempt ?? 0) >= Number(best.runAttempt ?? 0)) best = leg;
  }
  return best;
}

interface Keyed {
  row: RunRow;
  order: number;
}

/** Builds the RunReport. Every planned entry ends up in a row: nothing silently disappears. */
export function buildRunReport(input: RunReportInput): RunReport {
  const { context, now } = input;
  const legs = input.legs ?? [];
  const planned = [...new Set(input.planned.map((p) => p.trim()).filter((p) => p !== ''))];
  const plannedIndex = new Map(planned.map((p, i) => [p, i]));
  const jobs = jobResults(input.needs);
  const reports = [...input.reports].sort(byRecency);

  const rows = new Map<string, Keyed>();
  const covered = new Set<string>();
  const contributing = new Map<BuildReport, true>();

  for (const report of reports) {
    const requested = report.requestedPackages ?? [];
    for (const r of requested) covered.add(r);
    const leg = findLeg(legs, requested);
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
    const orderOf = (req: string | null): number =>
      req !== null ? (plannedIndex.get(req) ?? planned.length) : planned.length;
    const put = (row: RunRow): void => {
      rows.set(row.name, { row, order: orderOf(row.requested) });
      contributing.set(report, true);
    };

    const results = report.packages ?? [];
    for (const p of results) {
      const notBuilt = p.status === 'not-built';
      put({
        name: p.name,
        status: p.status === 'not-built' ? 'cancelled' : p.status,
        requested: requestedFor(p.name),
        reason: notBuilt ? 'not built: the leg stopped before reaching it' : null,
        image: p.image ?? null,
        pushed_image: p.pushedImage ?? null,
        duration_seconds: p.durationSeconds ?? null,
        failure: failureOf(p.failure),
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
      const status: RunRowStatus = report.status === 'success' ? 'missing' : report.status;
      put({
        name: r,
        status,
        requested: r,
        reason:
          status === 'missing'
            ? 'the leg succeeded but its report has no result for this package'
            : status === 'cancelled'
              ? 'the leg was cancelled before this package finished'
              : null,
        image: null,
        pushed_image: null,
        duration_seconds: null,
        failure: status === 'failure' ? failureOf(report.failure) : null,
        ...base,
      });
    }
  }

  // Planned entries no report answered.
  const buildResult = jobs['build'] ?? null;
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
      order: plannedIndex.get(name) ?? planned.length,
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

  const used = [...contributing.keys()];
  const starts = used.map((r) => timeOf(r.startTime)).filter((t) => t > 0);
  const ends = used.map((r) => timeOf(r.endTime)).filter((t) => t > 0);
  const created = starts.length > 0 ? new Date(Math.min(...starts)) : now;
  const completed = ends.length > 0 ? new Date(Math.max(...ends)) : now;
  const wall = Math.max(0, (completed.getTime() - created.getTime()) / 1000);
  const buildSum = used.reduce(
    (sum, r) => sum + (Number.isFinite(r.durationSeconds) ? r.durationSeconds : 0),
    0,
  );

  const failed = runs.filter((r) => r.status === 'failure').map((r) => r.name);
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
  if (!value || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  const str = (x: unknown): string | null => (typeof x === 'string' && x !== '' ? x : null);
  const leg = str(v['leg']);
  const packages = str(v['packages']);
  if (!leg || !packages) return null;
  return {
    leg,
    packages: packages.split(/\s+/).filter((p) => p !== ''),
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
  if (typeof v['status'] !== 'string' || !BUILD_STATUSES.has(v['status'])) {
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
    if (typeof pr['status'] !== 'string' || !PACKAGE_STATUSES.has(pr['status'])) {
      return { ok: false, reason: `packages[${i}].status is invalid` };
    }
  }
  for (const key of ['startTime', 'endTime']) {
    if (typeof v[key] !== 'string') return { ok: false, reason: `${key} is missing` };
  }
  return { ok: true, report: value as unknown as BuildReport };
}
