// `dry-run: true`: build nothing, send nothing, write nothing to the log folder. Every payload a real delivery
// would send for a report (the sample, or `report-file`) is rendered through the same path, scrubbed, checked
// against its platform's limits and shown in the job summary (collapsed) and the `notifications` output.
import * as core from '@actions/core';
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { normalizeMatrix, parseLabels, readRunContext, readRunnerInfo } from '../runner/context.js';
import { errorMessage, InputError } from '../runner/errors.js';
import { maskUrl, scrub, scrubDeep } from '../runner/secrets.js';
import {
  isReadableReportVersion,
  READABLE_REPORT_VERSIONS,
  type BuildReport,
} from '../report/build-report.js';
import { sampleReport } from '../report/sample.js';
import { selectTargets } from '../notify/targets.js';
import type { NotifySettings, RenderedMessage, Target, TargetFormat } from '../notify/types.js';
import type { BuildStart } from '../notify/render/generic.js';
import { errnoWords, messageRenderer } from './finish.js';
import type { Settings } from './settings.js';

/** One target in the `notifications` output of a dry run. */
export interface DryRunEntry {
  source: string;
  /** Masked: scheme and host only. */
  url: string;
  format: TargetFormat;
  /**
   * Which payload: the result (`finished`), the `notify-start` message (`started`), or with `discord-live`
   * the live message as posted at the start (`live`) and a sample of its progress edits (`live-edit`).
   */
  event: DryRunEvent;
  dryRun: true;
  /** Whether the target's rule (`on`) fires for the report's status. */
  wouldSend: boolean;
  /** Why not, when it would not. */
  reason: string | null;
  /** Every limit the payload breaks, in words; empty when it fits. */
  problems: string[];
  /** The scrubbed JSON body (null when the target would not send). */
  body: unknown;
  /** Files sent with it (Discord multipart): names and sizes only. */
  files: { name: string; bytes: number }[];
}

export type DryRunEvent = 'finished' | 'started' | 'live' | 'live-edit';

/** Discord refuses a message whose files total more than this (the default upload limit). */
export const DISCORD_MAX_FILE_BYTES = 10 * 1024 * 1024;
/** report.json files larger than this are not read (real ones are a few hundred KiB at most). */
const MAX_REPORT_FILE_BYTES = 64 * 1024 * 1024;
/** How much of one body the job summary shows (the summary holds 1 MiB per step; the output has it whole). */
const SUMMARY_BODY_CHARS = 64 * 1024;

/** The sample report for this run: the configured packages, this run's context, a Jetson Orin environment. */
export function runSample(settings: Settings, headline?: string): BuildReport {
  return sampleReport({
    packages: settings.build.packages,
    run: {
      ...readRunContext(core.getInput('job-check-run-id')),
      matrix: normalizeMatrix(core.getInput('matrix')),
    },
    runner: readRunnerInfo(process.env, parseLabels(core.getInput('runner-labels'))),
    end: new Date(),
    logDir: settings.build.logDir,
    ...(headline === undefined ? {} : { headline }),
  });
}

const STATUSES = new Set(['success', 'failure', 'cancelled']);
const PACKAGE_STATUSES = new Set(['success', 'failure', 'cancelled', 'not-built']);

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringArray = (v: unknown): boolean => Array.isArray(v) && v.every((s) => typeof s === 'string');

/** What keeps `value` from being a BuildReport the renderers can read; empty when nothing does. */
export function reportProblems(value: unknown): string[] {
  if (!isObject(value)) return ['it is not a JSON object'];
  const r = value;
  if (!isReadableReportVersion(r.schemaVersion)) {
    const reads = READABLE_REPORT_VERSIONS.join(' and ');
    return [`schemaVersion is ${JSON.stringify(r.schemaVersion) ?? 'missing'}, this action reads ${reads}`];
  }
  const p: string[] = [];
  const need = (ok: boolean, what: string): void => {
    if (!ok) p.push(what);
  };
  need(typeof r.status === 'string' && STATUSES.has(r.status), 'status is not success, failure or cancelled');
  need(typeof r.message === 'string', 'message is not a string');
  for (const k of ['requestedPackages', 'failedPackages', 'images'])
    need(isStringArray(r[k]), `${k} is not a list of strings`);
  const packagesOk =
    Array.isArray(r.packages) &&
    r.packages.every(
      (x) =>
        isObject(x) &&
        typeof x.name === 'string' &&
        typeof x.status === 'string' &&
        PACKAGE_STATUSES.has(x.status),
    );
  need(packagesOk, 'packages is not a list of {name, status}');
  need(Array.isArray(r.stages), 'stages is not a list');
  for (const k of ['environment', 'runner', 'options']) need(isObject(r[k]), `${k} is not an object`);
  need(isObject(r.command) && isStringArray(r.command.argv), 'command.argv is not a list of strings');
  need(isObject(r.command) && typeof r.command.display === 'string', 'command.display is not a string');
  for (const k of ['startTime', 'endTime']) need(typeof r[k] === 'string', `${k} is not a string`);
  need(typeof r.durationSeconds === 'number', 'durationSeconds is not a number');
  need(r.failure === null || isObject(r.failure), 'failure is neither null nor an object');
  need(isObject(r.run) && typeof r.run.serverUrl === 'string', 'run.serverUrl is not a string');
  const logs = r.logs;
  const logsOk =
    isObject(logs) && ['dir', 'consoleLog', 'reportFile'].every((k) => typeof logs[k] === 'string');
  need(logsOk, 'logs.dir, logs.consoleLog or logs.reportFile is not a string');
  return p;
}

/** Reads and checks `report-file`; an InputError naming the input when it is not a readable BuildReport. */
export async function readReportFile(file: string): Promise<BuildReport> {
  const bad = (why: string): InputError =>
    new InputError('report-file', file, `${why}; name the report.json of an earlier run of this action`);
  let text: string;
  try {
    const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const st = await handle.stat();
      if (!st.isFile()) throw bad('it is not a regular file');
      if (st.size > MAX_REPORT_FILE_BYTES) throw bad(`it is ${st.size} bytes, more than any report.json`);
      text = await handle.readFile('utf8');
    } finally {
      await handle.close();
    }
  } catch (err) {
    if (err instanceof InputError) throw err;
    const missing = (err as NodeJS.ErrnoException | null)?.code === 'ENOENT';
    throw bad(missing ? 'there is no such file' : `it cannot be read: ${errnoWords(err)}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw bad(`it is not JSON (${errorMessage(err)})`);
  }
  const problems = reportProblems(value);
  if (problems.length > 0) throw bad(`it is not a BuildReport: ${problems.slice(0, 5).join('; ')}`);
  return value as BuildReport;
}

/** Every way a rendered message breaks its platform's limits, in words; empty when it fits. */
export async function payloadProblems(format: TargetFormat, message: RenderedMessage): Promise<string[]> {
  if (format === 'discord') {
    const { checkDiscordLimits } = await import('../notify/render/discord.js');
    const problems = checkDiscordLimits(message.body);
    const fileBytes = message.files.reduce((n, f) => n + f.data.length, 0);
    if (fileBytes > DISCORD_MAX_FILE_BYTES) {
      problems.push(`attachments total ${fileBytes} bytes (max ${DISCORD_MAX_FILE_BYTES})`);
    }
    return problems;
  }
  if (format === 'slack') {
    const { checkSlackLimits } = await import('../notify/render/slack-limits.js');
    return checkSlackLimits(message.body);
  }
  if (format === 'teams') {
    const { checkTeamsLimits } = await import('../notify/render/teams-limits.js');
    return checkTeamsLimits(message.body);
  }
  const { GENERIC_MAX_BYTES } = await import('../notify/render/generic.js');
  const text = JSON.stringify(message.body) as string | undefined;
  if (text === undefined || !isObject(JSON.parse(text))) return ['body is not a JSON object'];
  const bytes = Buffer.byteLength(text, 'utf8');
  return bytes > GENERIC_MAX_BYTES ? [`body is ${bytes} bytes of JSON (max ${GENERIC_MAX_BYTES})`] : [];
}

/** Why a target's rule does not fire for `status`. */
function notFiring(target: Target, status: string): string {
  if (target.on === 'never') return 'on: never';
  return `on: ${target.on}, and the report's status is ${status}`;
}

/**
 * Renders what every configured target would be sent for `report`, as a real delivery would (a `change`
 * target fires: without a run to compare with, the outcome is unknown), and checks each against its limits.
 */
export async function renderDryRun(
  report: BuildReport,
  settings: NotifySettings,
  opts: { logTail: boolean; start?: BuildStart | null },
): Promise<DryRunEntry[]> {
  const firing = new Set(selectTargets(settings.targets, report.status, 'unknown'));
  const render = messageRenderer(report, settings, { logTail: opts.logTail });
  const entries: DryRunEntry[] = [];
  for (const target of settings.targets) {
    const entry: DryRunEntry = {
      source: target.source,
      url: maskUrl(target.url),
      format: target.format,
      event: 'finished',
      dryRun: true,
      wouldSend: firing.has(target),
      reason: firing.has(target) ? null : notFiring(target, report.status),
      problems: [],
      body: null,
      files: [],
    };
    if (entry.wouldSend) {
      try {
        const message = await render(target, { event: 'finished', change: 'unknown' });
        const body = scrubDeep(message.body);
        entry.body = body;
        entry.files = message.files.map((f) => ({ name: scrub(f.name), bytes: f.data.length }));
        entry.problems = await payloadProblems(target.format, { ...message, body });
      } catch (err) {
        entry.problems = [`could not render the message: ${scrub(errorMessage(err))}`];
      }
    }
    entries.push(entry);
  }
  if (opts.start) entries.push(...(await startEntries(scrubDeep(opts.start), settings)));
  return entries;
}

/**
 * What a build sends before its result: the `notify-start` message per start target, and with
 * `discord-live` the live message per live target, as posted and as a progress edit (one stage in).
 */
async function startEntries(start: BuildStart, settings: NotifySettings): Promise<DryRunEntry[]> {
  const jobs: { target: Target; event: DryRunEvent; render: () => Promise<RenderedMessage> }[] = [];
  if (settings.notifyStart) {
    const { renderStart, startTargets } = await import('./notify-start.js');
    for (const target of startTargets(settings)) {
      jobs.push({ target, event: 'started', render: () => renderStart(target, start, settings) });
    }
  }
  const { liveTargets } = await import('../notify/live.js');
  const { renderLiveDiscord } = await import('../notify/render/live-discord.js');
  const { editRequestBody } = await import('../notify/deliver.js');
  const link = start.run.jobUrl ?? start.run.runUrl;
  const progress = {
    packages: start.packages,
    runner: start.runner.name,
    link: link ? { url: link, label: start.run.jobUrl ? ('Job' as const) : ('Run' as const) } : null,
    startTime: start.startTime,
    elapsedMs: 0,
  };
  const first = start.packages[0] ?? 'package';
  const stage = {
    target: start.packages.at(-1) ?? first,
    name: first,
    index: 1,
    total: Math.max(1, start.packages.length),
    phase: 'build' as const,
  };
  for (const target of liveTargets(settings)) {
    const live = (s: typeof stage | null): RenderedMessage =>
      renderLiveDiscord({ ...progress, stage: s }, settings.discord);
    jobs.push({ target, event: 'live', render: () => Promise.resolve(live(null)) });
    jobs.push({
      target,
      event: 'live-edit',
      render: () => {
        const edit = live(stage);
        return Promise.resolve({ ...edit, body: editRequestBody(edit.body) });
      },
    });
  }
  const entries: DryRunEntry[] = [];
  for (const job of jobs) {
    const entry: DryRunEntry = {
      source: job.target.source,
      url: maskUrl(job.target.url),
      format: job.target.format,
      event: job.event,
      dryRun: true,
      wouldSend: true,
      reason: null,
      problems: [],
      body: null,
      files: [],
    };
    try {
      const message = await job.render();
      entry.body = scrubDeep(message.body);
      entry.problems = await payloadProblems(job.target.format, { ...message, body: entry.body });
    } catch (err) {
      entry.problems = [`could not render the message: ${scrub(errorMessage(err))}`];
    }
    entries.push(entry);
  }
  return entries;
}

/**
 * Text that renders as itself in markdown and in HTML (a `<summary>`): every character either language acts
 * on becomes a numeric entity, which both read literally. One line. Scrubbed first: once `_` is `&#95;`, a
 * secret holding one can no longer be found by a scrub of the summary.
 */
export function literal(text: string): string {
  return scrub(text)
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/[&<>"'`*_[\]|#~\\!]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The body as a fenced JSON block no line of it can close (at most SUMMARY_BODY_CHARS shown). */
function bodyBlock(body: unknown): string {
  let json = JSON.stringify(body, null, 2);
  let note = '';
  if (json.length > SUMMARY_BODY_CHARS) {
    const line = json.lastIndexOf('\n', SUMMARY_BODY_CHARS);
    const cut = line > 0 ? line : SUMMARY_BODY_CHARS;
    note = `\n_${json.length - cut} more characters not shown: the \`notifications\` output has the whole body._\n`;
    json = json.slice(0, cut);
  }
  const longest = Math.max(0, ...[...json.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}json\n${json}\n${fence}\n${note}`;
}

/** Whose limits a format's payload is checked against, for the summary. */
const LIMITS_OF: Partial<Record<TargetFormat, string>> = {
  discord: "Discord's",
  slack: "Slack's",
  teams: "Teams'",
};

const EVENT_LABEL: Record<DryRunEvent, string> = {
  finished: 'result',
  started: 'started',
  live: 'live (posted at the start)',
  'live-edit': 'live (a progress edit)',
};

function entryDetails(e: DryRunEntry): string {
  const verdict = !e.wouldSend
    ? `not sent (${e.reason ?? ''})`
    : e.problems.length > 0
      ? `❌ ${e.problems.length} limit problem(s)`
      : 'fits';
  const lines = [
    `<details><summary>${e.wouldSend && e.problems.length === 0 ? '✅' : e.wouldSend ? '❌' : '⏭'} ${literal(e.source)}${e.event === 'finished' ? '' : ` · ${EVENT_LABEL[e.event]}`} · ${literal(e.url)} · ${e.format}: ${literal(verdict)}</summary>`,
    '',
    `- Source: ${literal(e.source)}`,
    `- Payload: ${EVENT_LABEL[e.event]}`,
    `- URL: ${literal(e.url)}`,
    `- Format: ${e.format}`,
    `- Would send: ${e.wouldSend ? 'yes' : `no: ${literal(e.reason ?? '')}`}`,
  ];
  if (e.wouldSend) {
    lines.push(
      e.problems.length === 0
        ? `- Limits: fits ${LIMITS_OF[e.format] ?? 'the generic payload'} limits`
        : `- Limits: ${e.problems.map(literal).join('; ')}`,
    );
    const files = e.files.map((f) => `${literal(f.name)} (${f.bytes} bytes)`);
    lines.push(`- Attached files: ${files.length > 0 ? files.join(', ') : 'none'}`, '', bodyBlock(e.body));
  }
  lines.push('</details>', '');
  return lines.join('\n');
}

/** The job summary of a dry run: what was rendered from what, then one collapsed block per target. */
export function dryRunSummary(report: BuildReport, entries: DryRunEntry[], origin: string): string {
  const head = [
    '## 🧪 Dry run: the notifications this report would send',
    '',
    `Nothing was built and nothing was sent. Report: ${literal(origin)}; status **${report.status}**: ${literal(report.message)}`,
    '',
  ];
  if (entries.length === 0) {
    head.push('No notification target is configured, so none would be sent.', '');
  }
  return [...head, ...entries.map(entryDetails)].join('\n');
}

/** One log line per target. */
function logLine(e: DryRunEntry): string {
  const what = !e.wouldSend
    ? `would not send (${e.reason ?? ''})`
    : e.problems.length > 0
      ? `would send, but it breaks its limits: ${e.problems.join('; ')}`
      : `would send; fits its limits${e.files.length > 0 ? ` (${e.files.length} file(s) attached)` : ''}`;
  const event = e.event === 'finished' ? '' : ` ${EVENT_LABEL[e.event]}`;
  return `dry-run: ${e.source}${event} (${e.url}): ${what}`;
}

/** What this step would announce at a build's start (the report's packages when none are configured). */
async function sampleStart(settings: Settings, report: BuildReport): Promise<BuildStart> {
  const { buildStart } = await import('./notify-start.js');
  const start = buildStart(settings, new Date());
  return start.packages.length > 0 ? start : { ...start, packages: report.requestedPackages };
}

/** The dry run itself (see the file's head). Fails the step only when a payload that would be sent breaks a limit. */
export async function runDryRun(settings: Settings, notifySettings: NotifySettings | null): Promise<void> {
  const file = settings.trial?.reportFile ?? null;
  let report: BuildReport;
  try {
    report = file === null ? runSample(settings) : await readReportFile(file);
  } catch (err) {
    core.setFailed(scrub(errorMessage(err)));
    return;
  }
  const origin = file === null ? `the sample report (packages: ${report.requestedPackages.join(' ')})` : file;
  core.info(
    scrub(`Dry run: nothing is built and nothing is sent. Rendering the notifications for ${origin}.`),
  );
  const entries =
    notifySettings === null
      ? []
      : await renderDryRun(report, notifySettings, {
          logTail: file !== null,
          start: await sampleStart(settings, report),
        });
  if (entries.length === 0) {
    core.warning('Dry run: no notification target is configured, so a build would send no notification.');
  }
  for (const e of entries) core.info(scrub(logLine(e)));
  if (process.env.GITHUB_STEP_SUMMARY) {
    await core.summary
      .addRaw(scrub(dryRunSummary(report, entries, origin)), true)
      .write()
      .catch((err: unknown) => core.warning(scrub(`Could not write the job summary: ${errnoWords(err)}`)));
  }
  core.setOutput('status', scrub(report.status));
  core.setOutput('notifications', scrub(JSON.stringify(scrubDeep(entries))));
  const broken = entries.filter((e) => e.wouldSend && e.problems.length > 0);
  if (broken.length > 0) {
    core.setFailed(
      scrub(
        broken
          .map(
            (e) =>
              `Dry run: the payload for ${e.source} (${e.url}) breaks its limits: ${e.problems.join('; ')}`,
          )
          .join('\n'),
      ),
    );
  }
}
