// The back half shared by main (build ended) and post (main cancelled or killed):
// upload the logs, write report.json, notify, then outputs, job summary and annotations.
import * as core from '@actions/core';
import { createHash, randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { lstat, mkdir, mkdtemp, open, readlink, rename, rmdir, statfs, unlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { markLogsIncomplete, markReportUnwritable } from '../report/assemble.js';
import { errorMessage } from '../runner/errors.js';
import { isReadableReportVersion, type BuildReport } from '../report/build-report.js';
import { digestMap, imageSizeMap } from '../report/image-facts.js';
import { maskUrl, registerSecret, scrub, scrubDeep } from '../runner/secrets.js';
import type { LogSettings } from './settings.js';
import type {
  ChangeState,
  DeliveryResult,
  FateRecord,
  NotifySettings,
  OutgoingFile,
  RenderedMessage,
  Target,
} from '../notify/types.js';
import type { RenderFn } from '../notify/index.js';

export interface FinishOptions {
  /** The logs were already uploaded (by main, before post took over). */
  skipUpload?: boolean;
  /** Sources of targets already delivered to: not sent again. */
  alreadyDelivered?: readonly string[];
  onUploaded?: () => void;
  /** Called as each target is delivered, so a stopped main can tell post what is left. */
  onDelivered?: (source: string) => void;
  /**
   * The fates main recorded per target source (post): `delivered` is not sent again (and shows in the
   * outputs as main delivered it); an unknown outcome is not sent again to Discord, Slack or Teams and is sent
   * again, with the same webhook-id, to a generic receiver; everything else is sent.
   */
  previous?: Readonly<Record<string, FateRecord>>;
  /** Called synchronously each time a target's fate changes (main records them for post). */
  onFate?: (source: string, record: FateRecord) => void;
  /** Once aborted, no new delivery attempt or retry starts; requests already on the wire run to their answer. */
  stopDeliveries?: AbortSignal;
  /** Live status messages per Discord target source (message refs): the result edits them in place. */
  edit?: Readonly<Record<string, string>>;
  /** `check-run`: the check run main created, given the result here (null: none, or it has it already). */
  checkRunId?: number | null;
  /** Called once the check run has its conclusion, so post does not give it again. */
  onCheckRunDone?: () => void;
  /** `pr-comment` was already dealt with (by main): post does not write the comment again. */
  skipPrComment?: boolean;
  /** Called once `pr-comment` is dealt with (written, refused, or not wanted), so post does not redo it. */
  onPrCommentDone?: () => void;
}

/**
 * The `webhook-id` of one target for one build: the same from main and from post, so a receiver can
 * de-duplicate a notification that post sends again after main was stopped mid-delivery.
 */
export function deliveryId(report: BuildReport, target: Target): string {
  const key = [
    report.run.repository,
    report.run.runId,
    report.run.runAttempt,
    report.run.job,
    report.run.matrix,
  ];
  const hash = createHash('sha256')
    .update(JSON.stringify([...key, report.startTime, target.source]))
    .digest('hex');
  return `msg_${hash.slice(0, 32)}`;
}

/** A GitHub-side step the stop (`stopDeliveries`) kept from finishing: the post step's to do. */
export type LeftForPost = 'check-run' | 'pr-comment';

export interface FinishResult {
  report: BuildReport;
  notifications: DeliveryResult[];
  notifyFailed: DeliveryResult[];
  /** What the stop cut short besides the notifications: main must leave these to post. */
  leftForPost: LeftForPost[];
}

/** Below this much free space the log folder's disk counts as full (writes there have failed or will). */
const FULL_DISK_BYTES = 64 * 1024;

/** Create a new file, never through a link, never over an existing one (the build shares the folder). */
const CREATE_NEW = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;

const ERRNO_WORDS: Record<string, string> = {
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'read-only file system',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EEXIST: 'it exists and is not a folder',
  ENOENT: 'a folder on the path does not exist',
  ELOOP: 'a symbolic link where none is followed',
  EISDIR: 'it is a folder',
  ENAMETOOLONG: 'the path is too long',
  EIO: 'input/output error',
};

/** A file-system error in words, with its code: `read-only file system (EROFS)`. */
export function errnoWords(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  const words = code ? ERRNO_WORDS[code] : undefined;
  return words ? `${words} (${code})` : errorMessage(err);
}

/**
 * Free bytes on the disk holding `dir` for this user (root may use the blocks reserved for it), or null
 * when that cannot be told.
 */
async function freeBytes(dir: string): Promise<number | null> {
  try {
    const s = await statfs(dir);
    const blocks = process.getuid?.() === 0 ? s.bfree : s.bavail;
    return blocks * s.bsize;
  } catch {
    return null;
  }
}

/**
 * Node's recursive mkdir reports ENOENT where the file system said EROFS or EACCES: asks the first missing
 * folder on the path for the real reason (and removes it again if that works after all).
 */
async function mkdirCause(dir: string, err: unknown): Promise<unknown> {
  if ((err as NodeJS.ErrnoException | null)?.code !== 'ENOENT') return err;
  let missing = path.resolve(dir);
  // Bounded by the path's depth.
  for (;;) {
    const parent = path.dirname(missing);
    if (
      parent === missing ||
      (await lstat(parent).then(
        () => true,
        () => false,
      ))
    )
      break;
    missing = parent;
  }
  try {
    await mkdir(missing);
    await rmdir(missing).catch(() => undefined);
    return err;
  } catch (cause) {
    return cause;
  }
}

/**
 * Makes sure the log folder can take this run's files before hours of building: it exists (created if
 * not), a file can be created in it, and its disk is not full. Null when it can, else why not, in words.
 */
export async function prepareLogDir(dir: string): Promise<string | null> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (err) {
    return `the log folder ${dir} (input 'log-dir') could not be created: ${errnoWords(await mkdirCause(dir, err))}`;
  }
  const probe = path.join(dir, `.jetson-build-action-${randomBytes(6).toString('hex')}`);
  try {
    const handle = await open(probe, CREATE_NEW, 0o600);
    await handle.close();
    await unlink(probe);
  } catch (err) {
    return `the log folder ${dir} (input 'log-dir') cannot be written to: ${errnoWords(err)}`;
  }
  const free = await freeBytes(dir);
  if (free !== null && free < FULL_DISK_BYTES) {
    return `the disk holding the log folder ${dir} (input 'log-dir') is full: no space left on device (${Math.floor(free / 1024)} KiB free)`;
  }
  return null;
}

/** `a symlink to /x`, `a folder`, `a file`: what a path is, for a log line. */
async function describeEntry(file: string): Promise<string | null> {
  const st = await lstat(file).catch(() => null);
  if (st === null) return null;
  if (st.isSymbolicLink()) {
    const target = await readlink(file).catch(() => '?');
    return `a symlink to ${target}`;
  }
  if (st.isDirectory()) return 'a folder';
  return st.isFile() ? 'a file' : 'a special file';
}

/**
 * Removes a report.json an earlier run left in a reused log folder (a persistent runner), so neither the
 * artifact nor post can mistake it for this run's. A link is removed itself, never followed.
 */
export async function removeLeftoverReport(file: string): Promise<void> {
  const what = await describeEntry(file);
  if (what === null || what === 'a folder') return;
  try {
    await unlink(file);
    core.info(
      scrub(
        `${path.basename(file)} in ${path.dirname(file)} is from an earlier run (${what}): removed it; nothing is written through it.`,
      ),
    );
  } catch (err) {
    core.warning(scrub(`Could not remove the earlier run's ${file} (${what}): ${errnoWords(err)}.`));
  }
}

/**
 * Writes `text` to `file` atomically and without following links: a fresh, randomly named temp file in the
 * same folder (O_EXCL|O_NOFOLLOW), then a rename over `file`, which replaces a link itself and never its
 * target. A reader sees the old file or the whole new one, never a part; on failure the temp file is gone.
 */
async function writeFileAtomic(file: string, text: string): Promise<void> {
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.${randomBytes(8).toString('hex')}.tmp`);
  const handle = await open(tmp, CREATE_NEW, 0o644);
  try {
    try {
      await handle.writeFile(text);
      // A disk that fills up can still fail the write-back: find out now, not after the rename.
      await handle.sync();
    } finally {
      await handle.close();
    }
    const before = await describeEntry(file);
    await rename(tmp, file);
    if (before !== null && before !== 'a file') {
      core.warning(
        scrub(
          `${file} was ${before}, put there during the build: replaced it; nothing was written through it.`,
        ),
      );
    }
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
}

const fallbackDirs = new Set<string>();

/** A fresh folder of this run's own (under RUNNER_TEMP) when the log folder cannot take the action's files. */
export async function fallbackDir(): Promise<string> {
  const root = process.env.RUNNER_TEMP || os.tmpdir();
  const dir = await mkdtemp(path.join(root, 'jetson-build-report-'));
  fallbackDirs.add(dir);
  return dir;
}

/**
 * Writes report.json (scrubbed) where `report.logs.reportFile` says. When that fails, the report becomes a
 * failure that says where and why, and goes to a fresh folder under RUNNER_TEMP instead (recorded for post).
 * Rejects only when neither place takes it.
 */
export async function writeReport(report: BuildReport): Promise<void> {
  const file = report.logs.reportFile;
  const text = (): string => JSON.stringify(scrubDeep(report), null, 2) + '\n';
  try {
    await writeFileAtomic(file, text());
    return;
  } catch (err) {
    if (fallbackDirs.has(path.dirname(file))) throw err;
    const why = errnoWords(err);
    const moved = await fallbackDir().then(
      (dir) => path.join(dir, 'report.json'),
      () => null,
    );
    // Marked before anything else: even with no report.json anywhere, the outputs and notifications say so.
    markReportUnwritable(report, file, why, moved);
    if (moved === null) throw err;
    core.warning(
      scrub(`report.json could not be written to ${file}: ${why}. Writing it to ${moved} instead.`),
    );
    report.logs.reportFile = moved;
    try {
      await writeFileAtomic(moved, text());
    } catch (again) {
      report.logs.reportFile = file;
      report.message = report.message.replace(` It was written to ${moved} instead.`, '');
      throw again;
    }
    // Post looks for the report here if main is stopped; a state file that cannot be written only costs that.
    try {
      core.saveState('reportFile', moved);
    } catch {
      // reported by the outputs step, which writes to the runner's files the same way
    }
  }
}

/**
 * The report.json main wrote: where it recorded one written elsewhere (its log folder could not take it),
 * else `file`. Never read through a link; null when there is none or it is not a report.
 */
export async function readSavedReport(file: string): Promise<BuildReport | null> {
  const moved = core.getState('reportFile');
  const where = moved && path.isAbsolute(moved) ? moved : file;
  try {
    const handle = await open(where, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    try {
      if (!(await handle.stat()).isFile()) return null;
      const report = JSON.parse(await handle.readFile('utf8')) as BuildReport;
      return typeof report === 'object' && report !== null && isReadableReportVersion(report.schemaVersion)
        ? report
        : null;
    } finally {
      await handle.close();
    }
  } catch {
    return null;
  }
}

/**
 * A console.log for a run that built nothing (its log folder was unusable): the one line that says why, so
 * the `log-file` output names a real file that tells the story.
 */
export async function writeConsoleNote(file: string, text: string): Promise<void> {
  const handle = await open(file, CREATE_NEW, 0o644);
  try {
    await handle.writeFile(`[jetson-build-action] ${scrub(text)}\n`);
  } finally {
    await handle.close();
  }
}

/**
 * Whether the build's output reached console.log whole. The build writes it itself through an O_APPEND
 * descriptor, so the action never sees a failed write: when the log folder's disk has (next to) no space
 * left once the build is over, writes there have failed, and the logs are treated as cut off.
 */
export async function checkLogDisk(report: BuildReport): Promise<void> {
  const free = await freeBytes(report.logs.dir);
  if (free === null || free >= FULL_DISK_BYTES) return;
  markLogsIncomplete(report);
  core.warning(
    scrub(
      `No space left on device on the disk holding ${report.logs.dir} (${Math.floor(free / 1024)} KiB free): console.log and the stage logs are incomplete.`,
    ),
  );
}

async function uploadStep(report: BuildReport, logs: LogSettings): Promise<void> {
  // Turned off is a choice, not an error: the run URL stays the link and nothing is reported as failed.
  if (!logs.upload) return;
  const { uploadLogs, defaultArtifactName, isNameConflict } = await import('../logs/artifact.js');
  let name =
    logs.artifactName ??
    defaultArtifactName({
      job: report.run.job,
      matrix: report.run.matrix,
      runAttempt: report.run.runAttempt,
      step: process.env.GITHUB_ACTION ?? null,
    });
  const upload = (): ReturnType<typeof uploadLogs> =>
    uploadLogs({
      dir: report.logs.dir,
      name,
      retentionDays: logs.retentionDays,
      timeoutMs: logs.uploadTimeoutMs,
      serverUrl: report.run.serverUrl,
      repository: report.run.repository,
      runId: report.run.runId,
    });
  let result = await upload();
  if (!result.ok && logs.artifactName === null && isNameConflict(result.reason)) {
    // A derived name can still be taken (the same job id in two calls of a reusable workflow): keep the
    // logs under a name made unique on the spot rather than lose them. A name the user chose is kept as is.
    const runner = (report.runner.name ?? 'runner').replace(/[^A-Za-z0-9_.-]+/g, '-').slice(0, 40);
    name = `${name}-${runner}-${randomBytes(3).toString('hex')}`;
    core.info(`The artifact name was taken in this run; uploading as '${name}' instead.`);
    result = await upload();
  }
  report.logs.artifactName = name;
  if (result.ok) {
    report.logs.artifactId = result.id;
    report.logs.artifactUrl = result.url;
    report.logs.url = result.url;
    core.info(
      `Logs uploaded as artifact '${name}' (${(result.size / 1048576).toFixed(1)} MiB): ${result.url}`,
    );
  } else {
    report.logs.uploadError = result.reason;
    report.logs.artifactName = null;
    core.warning(`Build logs were not uploaded: ${result.reason}. Linking the run instead.`);
  }
}

export interface RendererOptions {
  /**
   * Attach the failing stage's log tail as a real delivery does (discord-attach-log). Off for a sample
   * report: its log files do not exist, and a folder reused from an earlier run must not leak into a test.
   */
  logTail?: boolean;
}

/**
 * How each target's message is rendered for `report`: the one path real deliveries, dry runs and test
 * notifications share, so a dry run shows exactly what would be sent.
 */
export function messageRenderer(
  report: BuildReport,
  settings: NotifySettings,
  options: RendererOptions = {},
): RenderFn {
  let attachment: Promise<OutgoingFile | null> | null = null;
  const wantsAttachment =
    options.logTail !== false &&
    (settings.discord.attachLog === 'always' ||
      (settings.discord.attachLog === 'failure' && report.status !== 'success'));
  return async (target: Target, ctx: Parameters<RenderFn>[1]): Promise<RenderedMessage> => {
    if (target.format === 'discord') {
      const { renderDiscord } = await import('../notify/render/discord.js');
      if (wantsAttachment && attachment === null) {
        const { readLogTail } = await import('../logs/tail.js');
        attachment = readLogTail({
          failureLogFile: report.failure?.logFile ?? null,
          consoleLog: report.logs.consoleLog,
          // The build names the failing stage's log in its output: only files in the log folder are read.
          within: report.logs.dir,
        }).catch(() => null);
      }
      const file = wantsAttachment && attachment ? await attachment : null;
      // Render from a scrubbed report: markdown escaping (`\_`) or truncation would hide a secret from a scrub
      // of the rendered text.
      const messageTemplate = target.templates?.message ?? null;
      return scrubbed(
        renderDiscord(scrubDeep(report), { ...settings.discord, attachment: file, messageTemplate }, ctx),
      );
    }
    if (target.format === 'slack') {
      const { renderSlack } = await import('../notify/render/slack.js');
      const messageTemplate = target.templates?.message ?? null;
      return scrubbed(renderSlack(scrubDeep(report), { messageTemplate }, ctx));
    }
    if (target.format === 'teams') {
      const { renderTeams } = await import('../notify/render/teams.js');
      const messageTemplate = target.templates?.message ?? null;
      return scrubbed(renderTeams(scrubDeep(report), { messageTemplate }, ctx));
    }
    const { renderGeneric } = await import('../notify/render/generic.js');
    return scrubbed(renderGeneric(scrubDeep(report), ctx, target.templates?.payload ?? null));
  };
}

/**
 * `notify-on: change`: this build against the previous completed run on its branch, asked of the GitHub API
 * only when some target fires on change. Anything in the way is `unknown` (those targets then fire as always)
 * with one warning; it never fails the step.
 */
async function changeStep(report: BuildReport, settings: NotifySettings): Promise<ChangeState> {
  try {
    const { wantsChange, NO_TOKEN_WARNING } = await import('../notify/change.js');
    if (!wantsChange(settings.targets)) return 'unknown';
    const { previousRunChange } = await import('../runner/github.js');
    const answer = await previousRunChange(report.status, settings.githubToken);
    // A missing token was already told at the start of the step.
    if (answer.warning !== null && answer.warning !== NO_TOKEN_WARNING) core.warning(scrub(answer.warning));
    if (answer.previousRunId !== null) {
      core.info(
        `notify-on change: ${answer.change}, compared with run ${answer.previousRunId} on this branch.`,
      );
    } else if (answer.change === 'first') {
      core.info('notify-on change: first, no earlier completed run on this branch succeeded or failed.');
    }
    return answer.change;
  } catch (err) {
    core.warning(
      scrub(
        `notify-on change: could not compare with the previous run (${errorMessage(err)}); notifying as always.`,
      ),
    );
    return 'unknown';
  }
}

async function notifyStep(
  report: BuildReport,
  settings: NotifySettings,
  opts: FinishOptions,
): Promise<{ results: DeliveryResult[]; failed: DeliveryResult[] }> {
  const { notify, resumeAction } = await import('../notify/index.js');
  const { platformName } = await import('../notify/duplicates.js');
  const render = messageRenderer(report, settings);
  const previous = opts.previous ?? {};
  // A source main listed as delivered without a fate record is simply not sent again.
  const done = new Set((opts.alreadyDelivered ?? []).filter((s) => previous[s] === undefined));
  const remaining = { ...settings, targets: settings.targets.filter((t) => !done.has(t.source)) };
  for (const target of remaining.targets) {
    const before = previous[target.source];
    if (
      (before?.fate === 'sending' || before?.fate === 'unknown') &&
      resumeAction(target, before) === 'send'
    ) {
      core.info(
        scrub(
          `Sending to ${maskUrl(target.url)} (${target.source}) again with the same webhook-id: the main step ` +
            'was stopped while sending it, so the receiver may get it twice and can drop the duplicate.',
        ),
      );
    }
  }
  const change = await changeStep(report, remaining);
  const outcome = await notify({ status: report.status }, remaining, render, {
    change,
    newId: (target) => deliveryId(report, target),
    onResult: (result) => {
      if (result.delivered) opts.onDelivered?.(result.source);
    },
    onFate: (target, record) => opts.onFate?.(target.source, record),
    stop: opts.stopDeliveries,
    previous,
    edit: opts.edit,
    warn: (m) => core.warning(scrub(m)),
    // Retries, a Slack 200 that was not `ok`, an edit posted as a new message: the job log tells the story.
    log: (m) => core.info(scrub(m)),
  });
  for (const w of outcome.withheld) {
    core.warning(
      scrub(
        `Notification to ${w.url} (${w.source}) may not have been delivered: the main step was stopped while ` +
          `sending it and never saw the answer. ${platformName(w.format)} cannot drop a duplicate, so it is ` +
          'not sent again (check the channel).',
      ),
      { title: 'Notification possibly lost' },
    );
  }
  return outcome;
}

/**
 * Secrets the build printed (e.g. in an excerpt) never leave in a payload. Delivery scrubs every outgoing byte
 * again (files included) where it encodes the body; this keeps the rendered message itself clean too.
 */
function scrubbed(message: RenderedMessage): RenderedMessage {
  return { ...message, body: scrubDeep(message.body) };
}

function setOutputs(report: BuildReport, notifications: DeliveryResult[]): void {
  // Outputs reach later steps, other jobs and logs unmasked by us: every value passes the scrubber, JSON ones
  // structurally before serialising (escaping would hide a secret holding `"` or `\`) and as text after.
  const set = (name: string, value: string): void => core.setOutput(name, scrub(value));
  const json = (name: string, value: unknown): void => set(name, JSON.stringify(scrubDeep(value)));
  set('status', report.status);
  set('exit-code', report.exitCode === null ? '' : String(report.exitCode));
  json('packages', report.packages);
  json('failed-packages', report.failedPackages);
  json('images', report.images);
  json('digests', digestMap(report));
  json('image-sizes', imageSizeMap(report));
  set('duration-seconds', String(report.durationSeconds));
  json('environment', report.environment);
  set('report-file', report.logs.reportFile);
  set('log-dir', report.logs.dir);
  set('log-file', report.logs.consoleLog);
  set('log-artifact-id', report.logs.artifactId === null ? '' : String(report.logs.artifactId));
  set('log-artifact-url', report.logs.artifactUrl ?? '');
  json('notifications', notifications);
  set('message-id', notifications.find((n) => n.messageId)?.messageId ?? '');
}

async function annotationsStep(report: BuildReport): Promise<void> {
  const { renderAnnotations } = await import('../report/summary.js');
  for (const a of renderAnnotations(scrubDeep(report))) {
    core.error(scrub(a.message), { title: scrub(a.title), ...(a.file ? { file: a.file } : {}) });
  }
}

async function summaryStep(report: BuildReport): Promise<void> {
  const { renderJobSummary } = await import('../report/summary.js');
  if (process.env.GITHUB_STEP_SUMMARY) {
    await core.summary.addRaw(scrub(renderJobSummary(scrubDeep(report))), true).write();
  }
}

/**
 * `pr-comment`: the job's sticky comment on its pull request, after every other sink (at most 10 s more;
 * a warning at worst). A bad value is a warning naming the input: the build's result stands.
 */
async function prCommentStep(report: BuildReport, opts: FinishOptions): Promise<'done' | 'left'> {
  if (opts.skipPrComment) return 'done';
  const { readBoolean } = await import('./settings.js');
  let wanted: boolean;
  try {
    wanted = readBoolean(core.getInput, 'pr-comment', false);
  } catch (err) {
    core.warning(scrub(`${errorMessage(err)}; no pull request comment.`), { title: 'Pull request comment' });
    return 'done';
  }
  if (!wanted) return 'done';
  // A step being stopped starts nothing new: post writes the comment.
  if (opts.stopDeliveries?.aborted) return 'left';
  const token = core.getInput('github-token');
  registerSecret(token);
  const { commentOnBuild } = await import('../github/pr-comment.js');
  await commentOnBuild(report, token || null, {
    debug: (m) => core.debug(m),
    info: (m) => core.info(scrub(m)),
    notice: (m) => core.notice(scrub(m), { title: 'Pull request comment' }),
    warn: (m) => core.warning(scrub(m), { title: 'Pull request comment' }),
  });
  return 'done';
}

/** `check-run`: the result, summary and annotations onto the check run (bounded; a warning when refused). */
async function checkRunStep(report: BuildReport, id: number, opts: FinishOptions): Promise<'done' | 'left'> {
  // A step being stopped starts nothing new: post gives the check run its result.
  if (opts.stopDeliveries?.aborted) return 'left';
  const { completeCheckRun } = await import('../github/check-run.js');
  const { readGitHubRun } = await import('../runner/github.js');
  const token = core.getInput('github-token');
  registerSecret(token);
  const answer = await completeCheckRun({
    token: token || null,
    run: readGitHubRun(),
    id,
    report,
    detailsUrl: report.run.jobUrl ?? report.run.runUrl,
    signal: opts.stopDeliveries,
  });
  if (answer.completed) opts.onCheckRunDone?.();
  // Cut short by the stop (not refused by GitHub): post gives it the result, with no warning from here.
  if (!answer.completed && opts.stopDeliveries?.aborted) return 'left';
  if (answer.warning !== null) core.warning(scrub(answer.warning), { title: 'Check run' });
  else core.info(`Check run ${id}: ${report.status} (${answer.updates} update(s)).`);
  return 'done';
}

/**
 * Runs every step even when an earlier one fails: an upload or notification problem is a warning,
 * never a lost build result.
 */
export async function finishBuild(
  report: BuildReport,
  logs: LogSettings,
  notifySettings: NotifySettings | null,
  opts: FinishOptions = {},
): Promise<FinishResult> {
  // Before report.json takes any of what space is left: was the build's output kept whole?
  await checkLogDisk(report);
  // report.json goes into the artifact, so write it before the upload, and again once the link is known.
  await writeReport(report).catch((err) =>
    core.warning(scrub(`Could not write report.json anywhere: ${errnoWords(err)}`)),
  );
  if (!opts.skipUpload) {
    await uploadStep(report, logs).catch((err) => {
      report.logs.uploadError = errorMessage(err);
      core.warning(`Build logs were not uploaded: ${scrub(errorMessage(err))}`);
    });
    await writeReport(report).catch(() => undefined);
    opts.onUploaded?.();
  }

  let notifications: DeliveryResult[] = [];
  let notifyFailed: DeliveryResult[] = [];
  if (notifySettings && notifySettings.targets.length > 0) {
    try {
      const res = await notifyStep(report, notifySettings, opts);
      notifications = res.results;
      notifyFailed = res.failed;
      for (const f of notifyFailed) {
        core.warning(
          scrub(`Notification to ${f.url} (${f.source}) was not delivered: ${f.error ?? 'unknown error'}`),
          {
            title: 'Notification not delivered',
          },
        );
      }
      const ok = notifications.filter((n) => n.delivered).length;
      if (notifications.length > 0) core.info(`Notifications: ${ok} of ${notifications.length} delivered.`);
      // A 202 (a Teams Workflows flow) only queued the card: a card the flow then fails to post shows only there.
      for (const n of notifications.filter((x) => x.delivered && x.confirmed === false)) {
        core.info(scrub(`${n.source} (${n.url}): ${n.note ?? 'accepted, not confirmed'}`));
      }
    } catch (err) {
      core.warning(`Notifications failed: ${scrub(errorMessage(err))}`);
    }
  }

  // Each of the runner's sinks fails alone: a bad GITHUB_OUTPUT must not cost the summary or the annotations.
  try {
    setOutputs(report, notifications);
  } catch (err) {
    core.warning(
      scrub(
        `Could not set the step outputs (GITHUB_OUTPUT=${process.env.GITHUB_OUTPUT ?? ''}): ${errnoWords(err)}`,
      ),
    );
  }
  await annotationsStep(report).catch((err) =>
    core.warning(`Could not write the annotations: ${scrub(errorMessage(err))}`),
  );
  await summaryStep(report).catch((err) =>
    core.warning(
      scrub(
        `Could not write the job summary (GITHUB_STEP_SUMMARY=${process.env.GITHUB_STEP_SUMMARY ?? ''}): ${errnoWords(err)}`,
      ),
    ),
  );
  const leftForPost = await githubSteps(report, opts);
  return { report, notifications, notifyFailed, leftForPost };
}

/** The check run's result and the pull request comment; what a stop kept from finishing is post's. */
async function githubSteps(report: BuildReport, opts: FinishOptions): Promise<LeftForPost[]> {
  const left: LeftForPost[] = [];
  if (opts.checkRunId) {
    const checkRun = await checkRunStep(report, opts.checkRunId, opts).catch((err) => {
      core.warning(scrub(`check-run: ${errorMessage(err)}`), { title: 'Check run' });
      return opts.stopDeliveries?.aborted ? ('left' as const) : ('done' as const);
    });
    if (checkRun === 'left') left.push('check-run');
  }
  const comment = await prCommentStep(report, opts).catch((err) => {
    core.warning(scrub(`pr-comment: ${errorMessage(err)}`), { title: 'Pull request comment' });
    return 'done' as const;
  });
  if (comment === 'left') left.push('pr-comment');
  else opts.onPrCommentDone?.();
  return left;
}
