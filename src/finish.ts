// The back half shared by main (build ended) and post (main cancelled or killed):
// upload the logs, write report.json, notify, then outputs, job summary and annotations.
import * as core from '@actions/core';
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { errorMessage } from './errors.js';
import type { BuildReport } from './report.js';
import { scrub, scrubDeep } from './secrets.js';
import type { LogSettings } from './settings.js';
import type {
  DeliveryResult,
  NotifySettings,
  OutgoingFile,
  RenderedMessage,
  Target,
} from './notify/types.js';

export interface FinishOptions {
  /** The logs were already uploaded (by main, before post took over). */
  skipUpload?: boolean;
  /** Sources of targets already delivered to: not sent again. */
  alreadyDelivered?: readonly string[];
  onUploaded?: () => void;
  /** Called as each target is delivered, so a stopped main can tell post what is left. */
  onDelivered?: (source: string) => void;
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

export interface FinishResult {
  report: BuildReport;
  notifications: DeliveryResult[];
  notifyFailed: DeliveryResult[];
}

export async function writeReport(report: BuildReport): Promise<void> {
  await mkdir(path.dirname(report.logs.reportFile), { recursive: true });
  await writeFile(report.logs.reportFile, JSON.stringify(report, null, 2) + '\n');
}

async function uploadStep(report: BuildReport, logs: LogSettings): Promise<void> {
  // Turned off is a choice, not an error: the run URL stays the link and nothing is reported as failed.
  if (!logs.upload) return;
  const { uploadLogs, defaultArtifactName, isNameConflict } = await import('./logs/artifact.js');
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

async function notifyStep(
  report: BuildReport,
  settings: NotifySettings,
  opts: FinishOptions,
): Promise<{ results: DeliveryResult[]; failed: DeliveryResult[] }> {
  const { notify } = await import('./notify/index.js');
  let attachment: Promise<OutgoingFile | null> | null = null;
  const wantsAttachment =
    settings.discord.attachLog === 'always' ||
    (settings.discord.attachLog === 'failure' && report.status !== 'success');
  const render = async (target: Target): Promise<RenderedMessage> => {
    if (target.format === 'discord') {
      const { renderDiscord } = await import('./notify/render/discord.js');
      if (wantsAttachment && attachment === null) {
        const { readLogTail } = await import('./logs/tail.js');
        attachment = readLogTail({
          failureLogFile: report.failure?.logFile ?? null,
          consoleLog: report.logs.consoleLog,
        }).catch(() => null);
      }
      const file = wantsAttachment && attachment ? await attachment : null;
      return scrubbed(renderDiscord(report, { ...settings.discord, attachment: file }));
    }
    const { renderGeneric } = await import('./notify/render/generic.js');
    return scrubbed(renderGeneric(report));
  };
  const done = new Set(opts.alreadyDelivered ?? []);
  const remaining = { ...settings, targets: settings.targets.filter((t) => !done.has(t.source)) };
  return notify({ status: report.status }, remaining, render, {
    newId: (target) => deliveryId(report, target),
    onResult: (result) => {
      if (result.delivered) opts.onDelivered?.(result.source);
    },
  });
}

/** Secrets the build printed (e.g. in an excerpt) never leave in a payload. */
function scrubbed(message: RenderedMessage): RenderedMessage {
  return { ...message, body: scrubDeep(message.body) };
}

function setOutputs(report: BuildReport, notifications: DeliveryResult[]): void {
  core.setOutput('status', report.status);
  core.setOutput('exit-code', report.exitCode === null ? '' : String(report.exitCode));
  core.setOutput('packages', JSON.stringify(report.packages));
  core.setOutput('failed-packages', JSON.stringify(report.failedPackages));
  core.setOutput('images', JSON.stringify(report.images));
  core.setOutput('duration-seconds', String(report.durationSeconds));
  core.setOutput('environment', JSON.stringify(report.environment));
  core.setOutput('report-file', report.logs.reportFile);
  core.setOutput('log-dir', report.logs.dir);
  core.setOutput('log-file', report.logs.consoleLog);
  core.setOutput('log-artifact-id', report.logs.artifactId === null ? '' : String(report.logs.artifactId));
  core.setOutput('log-artifact-url', report.logs.artifactUrl ?? '');
  core.setOutput('notifications', JSON.stringify(notifications));
  core.setOutput('message-id', notifications.find((n) => n.messageId)?.messageId ?? '');
}

async function summaryStep(report: BuildReport): Promise<void> {
  const { renderJobSummary, renderAnnotations } = await import('./summary.js');
  for (const a of renderAnnotations(report)) {
    core.error(scrub(a.message), { title: scrub(a.title), ...(a.file ? { file: a.file } : {}) });
  }
  if (process.env.GITHUB_STEP_SUMMARY) {
    await core.summary.addRaw(scrub(renderJobSummary(report)), true).write();
  }
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
  // report.json goes into the artifact, so write it before the upload, and again once the link is known.
  await writeReport(report).catch((err) => core.warning(`Could not write report.json: ${errorMessage(err)}`));
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
    } catch (err) {
      core.warning(`Notifications failed: ${scrub(errorMessage(err))}`);
    }
  }

  setOutputs(report, notifications);
  await summaryStep(report).catch((err) =>
    core.warning(`Could not write the job summary: ${errorMessage(err)}`),
  );
  return { report, notifications, notifyFailed };
}
