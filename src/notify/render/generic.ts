// The generic webhook body: a documented, versioned JSON object (schema/generic-payload.schema.json) that
// keeps every field of jetson-containers' own generic webhook, with its meaning, and adds the rest of the
// BuildReport in snake_case. Sizes are bounded so a hostile report cannot produce a multi-megabyte body.
import {
  ENVIRONMENT_KEYS,
  type BuildReport,
  type FailurePoint,
  type PackageResult,
  type RunContext,
  type RunnerInfo,
} from '../../report/build-report.js';
import type { NotifyContext, NotifyEvent, RenderedMessage } from '../types.js';
import { isoSeconds, truncate } from './limits.js';
import { factsOf } from '../../report/image-facts.js';
import { buildTemplateView } from '../template-fields.js';
import { renderPayloadTemplate } from '../templates.js';

/** Bumped on any incompatible change to the payload. */
export const GENERIC_PAYLOAD_VERSION = 1 as const;
/** The `event` of a build's result. */
export const GENERIC_EVENT = 'jetson.build.finished' as const;
/** The `event` of each kind of notification: receivers route on it. */
export const GENERIC_EVENTS = {
  finished: GENERIC_EVENT,
  started: 'jetson.build.started',
  test: 'jetson.test',
} as const satisfies Record<NotifyEvent, string>;
export type GenericEvent = (typeof GENERIC_EVENTS)[NotifyEvent];

/** The body stays under this many UTF-8 bytes whatever the report holds. */
export const GENERIC_MAX_BYTES = 512 * 1024;

export interface GenericFailure {
  stage: string | null;
  stage_index: number | null;
  stage_count: number | null;
  phase: FailurePoint['phase'];
  error: string | null;
  excerpt: string[];
  log_file: string | null;
}

export interface GenericImageFacts {
  image: string;
  id: string | null;
  size_bytes: number | null;
  layers: number | null;
  created: string | null;
  architecture: string | null;
  digest: string | null;
  size_change?: {
    previous_bytes: number;
    delta_bytes: number;
    percent: number;
    flagged: boolean;
    previous_run_url: string | null;
  };
}

export interface GenericResult {
  name: string;
  status: PackageResult['status'];
  image: string | null;
  pushed_image: string | null;
  duration_seconds: number | null;
  failure: GenericFailure | null;
  /** What docker said of the final image; absent when it was not inspected (additive: payload_version 1). */
  image_facts?: GenericImageFacts;
}

export interface GenericPayload {
  payload_version: typeof GENERIC_PAYLOAD_VERSION;
  /** `jetson.build.finished`, or `jetson.test` for a test-notification sample. */
  event: typeof GENERIC_EVENT | typeof GENERIC_EVENTS.test;
  // The upstream (jetson-containers) fields, same names and meaning.
  status: BuildReport['status'];
  end_time: string;
  packages: string[];
  build_command: string;
  environment: Record<string, string>;
  message: string;
  details: string;
  log_file: string;
  // Added by this action.
  log_url: string | null;
  artifact_url: string | null;
  artifact_name: string | null;
  log_upload_error: string | null;
  run_url: string | null;
  /** The job's own page, when its check run id is known. */
  job_url: string | null;
  /** Against the previous completed run on this branch: `fixed`, `broken`, or null (same, first or not known). */
  change: 'fixed' | 'broken' | null;
  start_time: string;
  duration_seconds: number;
  tool_build_seconds: number | null;
  exit_code: number | null;
  signal: string | null;
  images: string[];
  failed_packages: string[];
  results: GenericResult[];
  results_total: number;
  failure: GenericFailure | null;
  command_argv: string[];
  environment_source: BuildReport['environment']['source'];
  options: { multiple: boolean; skip_errors: boolean; name: string | null; push: string | null };
  runner: { name: string | null; os: string | null; arch: string | null; labels: string[] };
  server_url: string;
  repository: string | null;
  ref: string | null;
  sha: string | null;
  workflow: string | null;
  job: string | null;
  run_id: string | null;
  run_attempt: string | null;
  matrix: string | null;
  /** True when any list or text was shortened to keep the body bounded. */
  truncated: boolean;
}

interface Caps {
  items: number;
  text: number;
  error: number;
  excerptLines: number;
  excerptLine: number;
  /** How many per-package failures keep their excerpt. */
  excerpts: number;
}

const NORMAL: Caps = { items: 500, text: 512, error: 2000, excerptLines: 40, excerptLine: 500, excerpts: 10 };
const COMPACT: Caps = { items: 200, text: 160, error: 300, excerptLines: 40, excerptLine: 200, excerpts: 0 };

const ENV_KEYS = ENVIRONMENT_KEYS;

class Clipper {
  truncated = false;
  constructor(readonly caps: Caps) {}

  text(s: string, max = this.caps.text): string {
    if (s.length > max) this.truncated = true;
    return truncate(s, max);
  }

  maybe(s: string | null, max = this.caps.text): string | null {
    return s === null ? null : this.text(s, max);
  }

  list(items: string[], max = this.caps.items): string[] {
    if (items.length > max) this.truncated = true;
    return items.slice(0, max).map((s) => this.text(s));
  }

  failure(f: FailurePoint | null, withExcerpt: boolean): GenericFailure | null {
    if (!f) return null;
    let excerpt: string[] = [];
    if (withExcerpt) {
      const n = this.caps.excerptLines;
      if (f.excerpt.length > n) this.truncated = true;
      excerpt = f.excerpt.slice(-n).map((l) => this.text(l, this.caps.excerptLine));
    } else if (f.excerpt.length > 0) {
      this.truncated = true;
    }
    return {
      stage: this.maybe(f.stage),
      stage_index: f.stageIndex,
      stage_count: f.stageCount,
      phase: f.phase,
      error: this.maybe(f.error, this.caps.error),
      excerpt,
      log_file: this.maybe(f.logFile),
    };
  }
}

function details(report: BuildReport): string {
  const f = report.failure;
  if (report.status === 'success' || !f) return report.message;
  const where = f.stage
    ? `stage ${f.stage}${f.stageIndex !== null && f.stageCount !== null ? ` (${f.stageIndex}/${f.stageCount})` : ''}, ${f.phase}`
    : f.phase;
  return f.error ? `${f.error} [${where}]` : `${report.message} [${where}]`;
}

/** At most `max` packages in their original order; failed ones are kept first when some must go. */
function keepFailed(packages: PackageResult[], max: number): PackageResult[] {
  if (packages.length <= max) return packages;
  const failed = packages.filter((p) => p.status === 'failure').slice(0, max);
  const keep = new Set<PackageResult>(failed);
  for (const p of packages) {
    if (keep.size >= max) break;
    keep.add(p);
  }
  return packages.filter((p) => keep.has(p));
}

/** `image_facts` in snake_case, only when docker told them (older receivers see no new key otherwise). */
function imageFactsOf(p: PackageResult, c: Clipper): { image_facts?: GenericImageFacts } {
  const f = factsOf(p);
  if (f === null) return {};
  const out: GenericImageFacts = {
    image: c.text(f.image),
    id: f.id,
    size_bytes: f.sizeBytes,
    layers: f.layers,
    created: f.created,
    architecture: f.architecture,
    digest: c.maybe(f.digest),
  };
  const s = f.sizeChange;
  if (s) {
    out.size_change = {
      previous_bytes: s.previousBytes,
      delta_bytes: s.deltaBytes,
      percent: s.percent,
      flagged: s.flagged,
      previous_run_url: s.previousRunUrl,
    };
  }
  return { image_facts: out };
}

function build(report: BuildReport, caps: Caps, ctx: NotifyContext): GenericPayload {
  const c = new Clipper(caps);
  const environment: Record<string, string> = {};
  for (const key of ENV_KEYS) {
    const v = report.environment[key];
    if (v !== undefined && v !== '') environment[key] = c.text(v);
  }
  let excerptsLeft = caps.excerpts;
  const results = keepFailed(report.packages, caps.items).map((p): GenericResult => {
    const withExcerpt = p.failure !== null && excerptsLeft > 0;
    if (withExcerpt) excerptsLeft--;
    return {
      name: c.text(p.name),
      status: p.status,
      image: c.maybe(p.image),
      pushed_image: c.maybe(p.pushedImage),
      duration_seconds: p.durationSeconds,
      failure: c.failure(p.failure, withExcerpt),
      ...imageFactsOf(p, c),
    };
  });
  if (results.length < report.packages.length) c.truncated = true;
  const run = report.run;
  return {
    payload_version: GENERIC_PAYLOAD_VERSION,
    event: ctx.event === 'test' ? GENERIC_EVENTS.test : GENERIC_EVENT,
    status: report.status,
    end_time: isoSeconds(report.endTime),
    packages: c.list(report.requestedPackages),
    build_command: c.text(report.command.display, caps.error),
    environment,
    message: c.text(report.message, caps.error),
    details: c.text(details(report), caps.error),
    log_file: c.text(report.logs.consoleLog),
    log_url: report.logs.url ?? report.logs.artifactUrl ?? run.runUrl,
    artifact_url: report.logs.artifactUrl,
    artifact_name: c.maybe(report.logs.artifactName),
    log_upload_error: c.maybe(report.logs.uploadError),
    run_url: run.runUrl,
    job_url: run.jobUrl ?? null,
    change: ctx.change === 'fixed' || ctx.change === 'broken' ? ctx.change : null,
    start_time: isoSeconds(report.startTime),
    duration_seconds: report.durationSeconds,
    tool_build_seconds: report.toolBuildSeconds,
    exit_code: report.exitCode,
    signal: report.signal,
    images: c.list(report.images),
    failed_packages: c.list(report.failedPackages),
    results,
    results_total: report.packages.length,
    failure: c.failure(report.failure, true),
    command_argv: c.list(report.command.argv),
    environment_source: report.environment.source,
    options: {
      multiple: report.options.multiple,
      skip_errors: report.options.skipErrors,
      name: c.maybe(report.options.name),
      push: c.maybe(report.options.push),
    },
    runner: {
      name: c.maybe(report.runner.name),
      os: report.runner.os,
      arch: report.runner.arch,
      labels: c.list(report.runner.labels, 50),
    },
    server_url: run.serverUrl,
    repository: run.repository,
    ref: c.maybe(run.ref),
    sha: run.sha,
    workflow: c.maybe(run.workflow),
    job: c.maybe(run.job),
    run_id: run.runId,
    run_attempt: run.runAttempt,
    matrix: c.maybe(run.matrix, caps.error),
    truncated: c.truncated,
  };
}

function bytes(payload: GenericPayload): number {
  return Buffer.byteLength(JSON.stringify(payload), 'utf8');
}

const FINISHED: NotifyContext = { event: 'finished', change: 'unknown' };

/** The generic payload of a report, bounded to GENERIC_MAX_BYTES. */
export function genericPayload(report: BuildReport, ctx: NotifyContext = FINISHED): GenericPayload {
  const normal = build(report, NORMAL, ctx);
  if (bytes(normal) <= GENERIC_MAX_BYTES) return normal;
  let caps = COMPACT;
  let payload = build(report, caps, ctx);
  // Wide characters can still overflow: halve the lists until the body fits.
  while (bytes(payload) > GENERIC_MAX_BYTES && caps.items > 1) {
    caps = { ...caps, items: Math.floor(caps.items / 2), excerptLines: Math.min(caps.excerptLines, 10) };
    payload = build(report, caps, ctx);
  }
  payload.truncated = true;
  return payload;
}

/**
 * Renders the generic webhook body of a build's result (or of a test sample): JSON, no files. With the
 * target's `payload-template` the body is the template's JSON instead (throws when it renders invalid JSON or
 * more than GENERIC_MAX_BYTES even from the compact view: that target's delivery fails with the reason).
 */
export function renderGeneric(
  report: BuildReport,
  ctx: NotifyContext = FINISHED,
  payloadTemplate: string | null = null,
): RenderedMessage {
  if (payloadTemplate !== null) {
    const body = renderPayloadTemplate(
      payloadTemplate,
      (caps) => buildTemplateView(report, ctx, caps),
      GENERIC_MAX_BYTES,
    );
    return { body, files: [] };
  }
  return { body: genericPayload(report, ctx), files: [] };
}

/** What is known when a build starts: enough to say what is being built, where, and where to watch it. */
export interface BuildStart {
  /** The packages requested. */
  packages: string[];
  command: { display: string; argv: string[] };
  runner: RunnerInfo;
  run: RunContext;
  /** ISO time the step started. */
  startTime: string;
}

/** The `jetson.build.started` body (`notify-start`): schema/generic-payload.schema.json#/$defs/started. */
export interface GenericStartedPayload {
  payload_version: typeof GENERIC_PAYLOAD_VERSION;
  event: typeof GENERIC_EVENTS.started;
  start_time: string;
  packages: string[];
  build_command: string;
  command_argv: string[];
  runner: GenericPayload['runner'];
  run_url: string | null;
  job_url: string | null;
  server_url: string;
  repository: string | null;
  ref: string | null;
  sha: string | null;
  workflow: string | null;
  job: string | null;
  run_id: string | null;
  run_attempt: string | null;
  matrix: string | null;
  truncated: boolean;
}

/** The started body. It holds only the step's own settings and the runner's facts, bounded all the same. */
export function genericStartedPayload(start: BuildStart): GenericStartedPayload {
  const c = new Clipper(NORMAL);
  const run = start.run;
  return {
    payload_version: GENERIC_PAYLOAD_VERSION,
    event: GENERIC_EVENTS.started,
    start_time: isoSeconds(start.startTime),
    packages: c.list(start.packages),
    build_command: c.text(start.command.display, NORMAL.error),
    command_argv: c.list(start.command.argv),
    runner: {
      name: c.maybe(start.runner.name),
      os: start.runner.os,
      arch: start.runner.arch,
      labels: c.list(start.runner.labels, 50),
    },
    run_url: run.runUrl,
    job_url: run.jobUrl ?? null,
    server_url: run.serverUrl,
    repository: run.repository,
    ref: c.maybe(run.ref),
    sha: run.sha,
    workflow: c.maybe(run.workflow),
    job: c.maybe(run.job),
    run_id: run.runId,
    run_attempt: run.runAttempt,
    matrix: c.maybe(run.matrix, NORMAL.error),
    truncated: c.truncated,
  };
}

/** Renders the generic `jetson.build.started` body: JSON, no files. */
export function renderGenericStarted(start: BuildStart): RenderedMessage {
  return { body: genericStartedPayload(start), files: [] };
}
