// `dry-run: true`: build nothing, send nothing, write nothing to the log folder. Every payload a real delivery
// would send for a report (the sample, or `report-file`) is rendered through the same path, scrubbed, checked
// against its platform's limits and shown in the job summary (collapsed) and the `notifications` output.
import * as core from '@actions/core';
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { normalizeMatrix, parseLabels, readRunContext, readRunnerInfo } from '../runner/context.js';
import { errorMessage, InputError } from '../runner/errors.js';
import { maskUrl, scrub, scrubDeep } from '../runner/secrets.js';
import { REPORT_SCHEMA_VERSION, type BuildReport } from '../report/build-report.js';
import { sampleReport } from '../report/sample.js';
import { selectTargets } from '../notify/targets.js';
import type { NotifySettings, RenderedMessage, Target, TargetFormat } from '../notify/types.js';
import { errnoWords, messageRenderer } from './finish.js';
import type { Settings } from './settings.js';

/** One target in the `notifications` output of a dry run. */
export interface DryRunEntry {
  source: string;
  /** Masked: scheme and host only. */
  url: string;
  format: TargetFormat;
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
      ...readRunContext(process.env, core.getInput('job-check-run-id')),
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
  if (r.schemaVersion !== REPORT_SCHEMA_VERSION) {
    return [`schemaVersion is ${JSON.stringify(r.schemaVersion) ?? 'missing'}, this action reads 1`];
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
  opts: { logTail: boolean },
): Promise<DryRunEntry[]> {
  const firing = new Set(selectTargets(settings.targets, report.status, 'unknown'));
  const render = messageRenderer(report, settings, { logTail: opts.logTail });
  const entries: DryRunEntry[] = [];
  for (const target of settings.targets) {
    const entry: DryRunEntry = {
      source: target.source,
      url: maskUrl(target.url),
      format: target.format,
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
  return entries;
}

/**
 * Text that renders as itself in markdown and in HTML (a `<summary>`): every character either language acts
 * on becomes a numeric entity, which both read literally. One line.
 */
export function literal(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').replace(/[&<>"'`*_[\]|#~\\!]/g, (c) => `&#${c.charCodeAt(0)};`);
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

function entryDetails(e: DryRunEntry): string {
  const verdict = !e.wouldSend
    ? `not sent (${e.reason ?? ''})`
    : e.problems.length > 0
      ? `❌ ${e.problems.length} limit problem(s)`
      : 'fits';
  const lines = [
    `<details><summary>${e.wouldSend && e.problems.length === 0 ? '✅' : e.wouldSend ? '❌' : '⏭'} ${literal(e.source)} · ${literal(e.url)} · ${e.format}: ${literal(verdict)}</summary>`,
    '',
    `- Source: ${literal(e.source)}`,
    `- URL: ${literal(e.url)}`,
    `- Format: ${e.format}`,
    `- Would send: ${e.wouldSend ? 'yes' : `no: ${literal(e.reason ?? '')}`}`,
  ];
  if (e.wouldSend) {
    lines.push(
      e.problems.length === 0
        ? `- Limits: fits ${e.format === 'discord' ? "Discord's" : 'the generic payload'} limits`
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
  return `dry-run: ${e.source} (${e.url}): ${what}`;
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
    notifySettings === null ? [] : await renderDryRun(report, notifySettings, { logTail: file !== null });
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
