// The fields a `message-template` or `payload-template` can name, and the view objects that give them values:
// one from a BuildReport (a build's end, or a test-notification sample), one from the fleet's RunReport, one
// from what is known when a build starts. FIELDS is the one list: validation checks names against it and
// scripts/template-docs.mjs generates the README table from it, taking each description from the report's
// schema (schema/build-report.schema.json) where the field is a report value.
// Pure: no I/O. Only type imports besides limits.ts and sample.ts, so the docs script can load it on its own.
import type { BuildReport, FailurePoint, PackageResult, PackageStatus } from '../report/build-report.js';
import type { RunReport, RunRow } from '../report/run-report.js';
import { sampleReport } from '../report/sample.js';
import { formatDuration, truncate } from './render/limits.js';
import { factsOf, formatBytes } from '../report/image-facts.js';
import type { NotifyContext } from './types.js';

export type FieldType = 'string' | 'number' | 'boolean' | 'list';
/** Where a field has a value: a single build's report, the fleet's run report, a build's start. */
export type FieldScope = 'build' | 'run' | 'start';

export interface FieldSpec {
  name: string;
  type: FieldType;
  /** A JSON pointer into schema/build-report.schema.json: the description comes from there. */
  schema?: string;
  /** The description (for a field not in the schema), or what is added to the schema's (how it is shown). */
  note: string;
  /** Where it has a value (elsewhere it renders empty). */
  scope: readonly FieldScope[];
  /** A number that can be unknown (renders empty): a JSON template must quote it. */
  nullable?: boolean;
  /** The fields of each item of a list, for `{{#name}}…{{/name}}`. */
  items?: readonly FieldSpec[];
}

const ALL: readonly FieldScope[] = ['build', 'run', 'start'];
const ENDED: readonly FieldScope[] = ['build', 'run'];
const BUILD: readonly FieldScope[] = ['build'];
const BUILD_START: readonly FieldScope[] = ['build', 'start'];
const PKG = '/$defs/PackageResult/properties';
const FAIL = '/$defs/FailurePoint/properties';
const RUN = '/properties/run/properties';
const ENV = '/$defs/EnvironmentInfo/properties';
const FACTS = '/$defs/ImageFacts/properties';

const POSITION: readonly FieldSpec[] = [
  { name: 'first', type: 'boolean', note: 'true for the first item of the list.', scope: ENDED },
  {
    name: 'last',
    type: 'boolean',
    note: 'true for the last item: `{{^last}},{{/last}}` separates JSON list items.',
    scope: ENDED,
  },
];

const FAILED_ITEM: readonly FieldSpec[] = [
  { name: 'name', type: 'string', schema: `${PKG}/name`, note: '', scope: ENDED },
  { name: 'stage', type: 'string', schema: `${FAIL}/stage`, note: '', scope: ENDED },
  { name: 'phase', type: 'string', schema: `${FAIL}/phase`, note: '', scope: ENDED },
  { name: 'error', type: 'string', schema: `${FAIL}/error`, note: '', scope: ENDED },
  {
    name: 'log_url',
    type: 'string',
    note: 'Where its logs are: the logs artifact, else the run (for the fleet: its leg).',
    scope: ENDED,
  },
  ...POSITION,
];

const RESULT_ITEM: readonly FieldSpec[] = [
  { name: 'name', type: 'string', schema: `${PKG}/name`, note: '', scope: ENDED },
  {
    name: 'status',
    type: 'string',
    note: '`success`, `failure`, `cancelled`, `not-built` (never reached), or for the fleet `missing` (no report).',
    scope: ENDED,
  },
  { name: 'emoji', type: 'string', note: 'The status as ✅ ❌ ⏹ ⏭ (❔: no report).', scope: ENDED },
  { name: 'image', type: 'string', schema: `${PKG}/image`, note: '', scope: ENDED },
  { name: 'duration', type: 'string', note: 'Its build time, as `45m 12s`.', scope: ENDED },
  {
    name: 'duration_seconds',
    type: 'number',
    schema: `${PKG}/durationSeconds`,
    note: '',
    scope: ENDED,
    nullable: true,
  },
  { name: 'error', type: 'string', schema: `${FAIL}/error`, note: '', scope: ENDED },
  {
    name: 'image_size',
    type: 'string',
    note: 'Its final image size as docker prints it (decimal units: `8.1 GB`); empty when not inspected.',
    scope: BUILD,
  },
  {
    name: 'image_size_bytes',
    type: 'number',
    schema: `${FACTS}/sizeBytes`,
    note: 'Empty when not inspected.',
    scope: BUILD,
    nullable: true,
  },
  {
    name: 'image_layers',
    type: 'number',
    schema: `${FACTS}/layers`,
    note: 'Empty when not inspected.',
    scope: BUILD,
    nullable: true,
  },
  { name: 'image_digest', type: 'string', schema: `${FACTS}/digest`, note: '', scope: BUILD },
  ...POSITION,
];

/** Every field, in the order of the documentation. */
export const FIELDS: readonly FieldSpec[] = [
  {
    name: 'event',
    type: 'string',
    note: 'What the message announces: `jetson.build.finished`, `jetson.build.started` (notify-start), `jetson.test` (test-notification), `jetson.run.finished` (summarize).',
    scope: ALL,
  },
  {
    name: 'status',
    type: 'string',
    schema: '/properties/status',
    note: '`started` for a start.',
    scope: ALL,
  },
  { name: 'emoji', type: 'string', note: 'The status as ✅ ❌ ⏹ (🔨 for a start).', scope: ALL },
  {
    name: 'is_success',
    type: 'boolean',
    note: 'true when the status is success: `{{#is_success}}…{{/is_success}}`.',
    scope: ENDED,
  },
  { name: 'is_failure', type: 'boolean', note: 'true when the status is failure.', scope: ENDED },
  { name: 'is_cancelled', type: 'boolean', note: 'true when the status is cancelled.', scope: ENDED },
  { name: 'message', type: 'string', schema: '/properties/message', note: '', scope: ALL },
  {
    name: 'change',
    type: 'string',
    note: 'Against the previous run of the workflow on the branch: `fixed`, `broken`, `same`, `first`, or `unknown` (not asked: see notify-on).',
    scope: ENDED,
  },
  {
    name: 'packages',
    type: 'string',
    schema: '/properties/requestedPackages',
    note: 'Joined with `, `.',
    scope: ALL,
  },
  { name: 'package_count', type: 'number', note: 'How many packages the build reports.', scope: ALL },
  {
    name: 'failed_packages',
    type: 'string',
    schema: '/properties/failedPackages',
    note: 'Joined with `, ` (for the fleet: missing ones too).',
    scope: ENDED,
  },
  { name: 'failed_count', type: 'number', note: 'How many packages failed.', scope: ENDED },
  { name: 'success_count', type: 'number', note: 'How many packages built.', scope: ENDED },
  {
    name: 'failed',
    type: 'list',
    note: 'The failed packages, for `{{#failed}}…{{/failed}}`.',
    scope: ENDED,
    items: FAILED_ITEM,
  },
  {
    name: 'results',
    type: 'list',
    schema: '/properties/packages',
    note: 'For `{{#results}}…{{/results}}`, failures first.',
    scope: ENDED,
    items: RESULT_ITEM,
  },
  { name: 'images', type: 'string', schema: '/properties/images', note: 'Joined with `, `.', scope: ENDED },
  {
    name: 'error',
    type: 'string',
    schema: `${FAIL}/error`,
    note: 'Of the first failure.',
    scope: ENDED,
  },
  { name: 'stage', type: 'string', schema: `${FAIL}/stage`, note: 'Of the first failure.', scope: BUILD },
  { name: 'phase', type: 'string', schema: `${FAIL}/phase`, note: 'Of the first failure.', scope: ENDED },
  {
    name: 'excerpt',
    type: 'string',
    schema: `${FAIL}/excerpt`,
    note: 'Of the first failure, one line per line (a text line shows it on one line).',
    scope: BUILD,
  },
  { name: 'log_url', type: 'string', schema: '/properties/logs/properties/url', note: '', scope: ENDED },
  {
    name: 'artifact_url',
    type: 'string',
    schema: '/properties/logs/properties/artifactUrl',
    note: '',
    scope: BUILD,
  },
  { name: 'run_url', type: 'string', schema: `${RUN}/runUrl`, note: '', scope: ALL },
  { name: 'job_url', type: 'string', schema: `${RUN}/jobUrl`, note: '', scope: BUILD_START },
  {
    name: 'duration',
    type: 'string',
    note: 'Wall-clock duration of the build, as `1h 02m 13s` (for the fleet: first leg start to last leg end).',
    scope: ENDED,
  },
  {
    name: 'duration_seconds',
    type: 'number',
    schema: '/properties/durationSeconds',
    note: 'Rounded.',
    scope: ENDED,
  },
  { name: 'start_time', type: 'string', schema: '/properties/startTime', note: '', scope: ALL },
  { name: 'end_time', type: 'string', schema: '/properties/endTime', note: '', scope: ENDED },
  {
    name: 'runner',
    type: 'string',
    schema: '/properties/runner/properties/name',
    note: '(For the fleet: every runner, joined.)',
    scope: ALL,
  },
  { name: 'repository', type: 'string', schema: `${RUN}/repository`, note: '', scope: ALL },
  { name: 'ref', type: 'string', schema: `${RUN}/ref`, note: '', scope: ALL },
  { name: 'sha', type: 'string', schema: `${RUN}/sha`, note: '', scope: ALL },
  { name: 'short_sha', type: 'string', schema: `${RUN}/sha`, note: 'Its first 7 characters.', scope: ALL },
  { name: 'workflow', type: 'string', schema: `${RUN}/workflow`, note: '', scope: ALL },
  { name: 'job', type: 'string', schema: `${RUN}/job`, note: '', scope: BUILD_START },
  { name: 'run_id', type: 'string', schema: `${RUN}/runId`, note: '', scope: ALL },
  { name: 'run_attempt', type: 'string', schema: `${RUN}/runAttempt`, note: '', scope: ALL },
  { name: 'l4t', type: 'string', schema: `${ENV}/L4T_VERSION`, note: '', scope: BUILD },
  { name: 'jetpack', type: 'string', schema: `${ENV}/JETPACK_VERSION`, note: '', scope: BUILD },
  { name: 'cuda', type: 'string', schema: `${ENV}/CUDA_VERSION`, note: '', scope: BUILD },
  { name: 'python', type: 'string', schema: `${ENV}/PYTHON_VERSION`, note: '', scope: BUILD },
  { name: 'arch', type: 'string', schema: `${ENV}/SYSTEM_ARCH`, note: '', scope: BUILD },
  {
    name: 'command',
    type: 'string',
    schema: '/properties/command/properties/display',
    note: '',
    scope: BUILD_START,
  },
  {
    name: 'exit_code',
    type: 'number',
    schema: '/properties/exitCode',
    note: '',
    scope: BUILD,
    nullable: true,
  },
];

/** A field's value: text, a number, a flag, or a list of items (null: unknown, renders empty). */
export type FieldValue = string | number | boolean | null | TemplateItem[];
export type TemplateItem = Record<string, FieldValue>;
/** The values a template is rendered with: one per field of FIELDS. Objects without a prototype, so no name
 * but a field's can ever resolve (not `constructor`, not `toString`). */
export type TemplateView = Record<string, FieldValue>;

/** How large each value may get: the normal view, and the compact one a payload falls back to when too big. */
export interface ViewCaps {
  text: number;
  items: number;
  excerptLines: number;
}
export const VIEW_CAPS: ViewCaps = { text: 4000, items: 1000, excerptLines: 40 };
export const COMPACT_VIEW_CAPS: ViewCaps = { text: 500, items: 20, excerptLines: 10 };

export const TEMPLATE_EVENTS = {
  finished: 'jetson.build.finished',
  started: 'jetson.build.started',
  test: 'jetson.test',
  run: 'jetson.run.finished',
} as const;

const STATUS_EMOJI: Record<string, string> = {
  success: '✅',
  failure: '❌',
  cancelled: '⏹',
  'not-built': '⏭',
  missing: '❔',
  started: '🔨',
};
const FAILED_FIRST: Record<string, number> = {
  failure: 0,
  missing: 1,
  cancelled: 2,
  'not-built': 3,
  success: 4,
};

function bare<T extends Record<string, FieldValue>>(values: T): T {
  return Object.assign(Object.create(null) as T, values);
}

/** A list's items, at most `caps.items`, with `first` and `last` set. */
function itemsOf(items: TemplateItem[], caps: ViewCaps): TemplateItem[] {
  const kept = items.slice(0, caps.items);
  return kept.map((item, i) => bare({ ...item, first: i === 0, last: i === kept.length - 1 }));
}

function text(value: string | null | undefined, caps: ViewCaps): string | null {
  return value == null ? null : truncate(value, caps.text);
}

function joined(values: readonly string[], caps: ViewCaps): string {
  return truncate(values.slice(0, caps.items).join(', '), caps.text);
}

function statusFlags(status: string): Record<string, boolean> {
  return {
    is_success: status === 'success',
    is_failure: status === 'failure',
    is_cancelled: status === 'cancelled',
  };
}

function failureOf(p: PackageResult, report: BuildReport): FailurePoint | null {
  return p.failure ?? (p.status === 'failure' ? report.failure : null);
}

function buildItems(
  report: BuildReport,
  caps: ViewCaps,
): { failed: TemplateItem[]; results: TemplateItem[] } {
  const ordered = report.packages
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (FAILED_FIRST[a.p.status] ?? 9) - (FAILED_FIRST[b.p.status] ?? 9) || a.i - b.i)
    .map((x) => x.p);
  const failed = ordered
    .filter((p) => p.status === 'failure')
    .map((p) => {
      const f = failureOf(p, report);
      return {
        name: text(p.name, caps),
        stage: text(f?.stage, caps),
        phase: f?.phase ?? null,
        error: text(f?.error, caps),
        log_url: report.logs.url,
      };
    });
  const results = ordered.map((p) => {
    const facts = factsOf(p);
    const size = facts?.sizeBytes ?? null;
    return {
      name: text(p.name, caps),
      status: p.status as PackageStatus,
      emoji: STATUS_EMOJI[p.status] ?? '',
      image: text(p.image, caps),
      duration: p.durationSeconds === null ? null : formatDuration(p.durationSeconds),
      duration_seconds: p.durationSeconds === null ? null : Math.round(p.durationSeconds),
      error: text(failureOf(p, report)?.error, caps),
      image_size: size === null ? null : formatBytes(size),
      image_size_bytes: size,
      image_layers: facts?.layers ?? null,
      image_digest: text(facts?.digest, caps),
    };
  });
  return { failed: itemsOf(failed, caps), results: itemsOf(results, caps) };
}

/** What every view says about where it ran: from a BuildReport's or a BuildStart's run context. */
function runContext(report: Pick<BuildReport, 'run' | 'runner'>, caps: ViewCaps): TemplateView {
  const run = report.run;
  return {
    run_url: run.runUrl,
    job_url: run.jobUrl ?? null,
    runner: text(report.runner.name, caps),
    repository: run.repository,
    ref: text(run.ref, caps),
    sha: run.sha,
    short_sha: run.sha === null ? null : run.sha.slice(0, 7),
    workflow: text(run.workflow, caps),
    job: text(run.job, caps),
    run_id: run.runId,
    run_attempt: run.runAttempt,
  };
}

const FINISHED: NotifyContext = { event: 'finished', change: 'unknown' };

/** The view of a single build's report (its end, or a test-notification sample). */
export function buildTemplateView(
  report: BuildReport,
  ctx: NotifyContext = FINISHED,
  caps: ViewCaps = VIEW_CAPS,
): TemplateView {
  const { failed, results } = buildItems(report, caps);
  const f = report.failure;
  const env = report.environment;
  return bare({
    event: TEMPLATE_EVENTS[ctx.event],
    status: report.status,
    emoji: STATUS_EMOJI[report.status] ?? '',
    ...statusFlags(report.status),
    message: text(report.message, caps),
    change: ctx.change,
    packages: joined(report.requestedPackages, caps),
    package_count: report.packages.length,
    failed_packages: joined(report.failedPackages, caps),
    failed_count: report.packages.filter((p) => p.status === 'failure').length,
    success_count: report.packages.filter((p) => p.status === 'success').length,
    failed,
    results,
    images: joined(report.images, caps),
    error: text(f?.error, caps),
    stage: text(f?.stage, caps),
    phase: f?.phase ?? null,
    excerpt: f ? text(f.excerpt.slice(-caps.excerptLines).join('\n'), caps) : null,
    log_url: report.logs.url,
    artifact_url: report.logs.artifactUrl,
    duration: formatDuration(report.durationSeconds),
    duration_seconds: Math.round(report.durationSeconds),
    start_time: report.startTime,
    end_time: report.endTime,
    ...runContext(report, caps),
    l4t: env.L4T_VERSION ?? null,
    jetpack: env.JETPACK_VERSION ?? null,
    cuda: env.CUDA_VERSION ?? null,
    python: env.PYTHON_VERSION ?? null,
    arch: env.SYSTEM_ARCH ?? null,
    command: text(report.command.display, caps),
    exit_code: report.exitCode,
  });
}

function runFailedItem(row: RunRow, caps: ViewCaps): TemplateItem {
  return {
    name: text(row.name, caps),
    stage: text(row.failure?.stage, caps),
    phase: row.failure?.phase ?? (row.status === 'missing' ? 'missing' : null),
    error: text(row.failure?.error ?? row.reason, caps),
    log_url: row.log_url ?? row.web_url,
  };
}

/** The view of the fleet's run report (summarize). */
export function runTemplateView(
  run: RunReport,
  ctx: NotifyContext = FINISHED,
  caps: ViewCaps = VIEW_CAPS,
): TemplateView {
  const ordered = run.runs
    .map((r, i) => ({ r, i }))
    .sort((a, b) => (FAILED_FIRST[a.r.status] ?? 9) - (FAILED_FIRST[b.r.status] ?? 9) || a.i - b.i)
    .map((x) => x.r);
  const failedRows = ordered.filter((r) => r.status === 'failure' || r.status === 'missing');
  const first = failedRows[0];
  const runners = [...new Set(run.runs.flatMap((r) => (r.host_tag ? [r.host_tag] : [])))];
  return bare({
    event: TEMPLATE_EVENTS.run,
    status: run.status,
    emoji: STATUS_EMOJI[run.status] ?? '',
    ...statusFlags(run.status),
    message: text(run.message, caps),
    change: ctx.change,
    packages: joined(
      run.runs.map((r) => r.name),
      caps,
    ),
    package_count: run.totals.packages,
    failed_packages: joined(run.failed_packages, caps),
    failed_count: run.totals.failure + run.totals.missing,
    success_count: run.totals.success,
    failed: itemsOf(
      failedRows.map((r) => runFailedItem(r, caps)),
      caps,
    ),
    results: itemsOf(
      ordered.map((r) => ({
        name: text(r.name, caps),
        status: r.status,
        emoji: STATUS_EMOJI[r.status] ?? '',
        image: text(r.image, caps),
        duration: r.duration_seconds === null ? null : formatDuration(r.duration_seconds),
        duration_seconds: r.duration_seconds === null ? null : Math.round(r.duration_seconds),
        error: text(r.failure?.error ?? r.reason, caps),
      })),
      caps,
    ),
    images: joined(run.images, caps),
    error: text(first?.failure?.error ?? first?.reason, caps),
    phase: first ? (first.failure?.phase ?? (first.status === 'missing' ? 'missing' : null)) : null,
    log_url: run.url,
    run_url: run.web_url,
    duration: formatDuration(run.wall_seconds),
    duration_seconds: Math.round(run.wall_seconds),
    start_time: run.created,
    end_time: run.completed,
    runner: text(runners.join(', '), caps),
    repository: run.repository,
    ref: text(run.ref, caps),
    sha: run.sha,
    short_sha: run.sha === null ? null : run.sha.slice(0, 7),
    workflow: text(run.trigger_name, caps),
    run_id: run.build_id,
    run_attempt: run.run_attempt,
  });
}

/** What is known when a build starts (render/generic.ts's BuildStart, named here without importing it). */
export type StartFacts = Pick<BuildReport, 'run' | 'runner' | 'command'> & {
  packages: string[];
  startTime: string;
};

/** The view of a build's start (notify-start): what is known before it runs. */
export function startTemplateView(start: StartFacts, caps: ViewCaps = VIEW_CAPS): TemplateView {
  return bare({
    event: TEMPLATE_EVENTS.started,
    status: 'started',
    emoji: STATUS_EMOJI.started as string,
    message: text(`Building ${start.packages.join(', ')}`, caps),
    packages: joined(start.packages, caps),
    package_count: start.packages.length,
    start_time: start.startTime,
    ...runContext(start, caps),
    command: text(start.command.display, caps),
  });
}

/**
 * The sample a template is checked with at start (and the docs' examples): the report `dry-run` shows, in a
 * fixed repository, run and runner.
 */
export function sampleTemplateReport(): BuildReport {
  const serverUrl = 'https://github.com';
  const repository = 'octo-org/jetson-images';
  const runUrl = `${serverUrl}/${repository}/actions/runs/16234567890`;
  const report = sampleReport({
    packages: ['pytorch:2.8', 'torchvision', 'onnxruntime'],
    run: {
      serverUrl,
      repository,
      ref: 'refs/heads/main',
      sha: '3f5c0e9d1b2a4c6e8f0a1b2c3d4e5f60718293a4',
      workflow: 'Jetson images',
      job: 'build',
      runId: '16234567890',
      runAttempt: '1',
      runUrl,
      jobUrl: `${runUrl}/job/45678901234`,
      matrix: null,
    },
    runner: { name: 'orin-agx-01', os: 'Linux', arch: 'ARM64', labels: ['self-hosted', 'jetson'] },
    end: new Date('2026-03-14T09:26:53Z'),
    logDir: '/home/runner/_work/_temp/jetson-logs',
  });
  const artifactUrl = `${runUrl}/artifacts/3456789012`;
  return { ...report, logs: { ...report.logs, artifactUrl, url: artifactUrl } };
}

/** Every field's name, the list fields' item fields and every field's type: what validation checks against. */
export function fieldByName(name: string, fields: readonly FieldSpec[] = FIELDS): FieldSpec | undefined {
  return fields.find((f) => f.name === name);
}
