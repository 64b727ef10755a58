// The front of the main step's notifications: what the user should know about the setup before hours of
// building (no target at all, a Slack or Teams URL, change without a token), and the `notify-start` message.
import * as core from '@actions/core';
import { createHash } from 'node:crypto';
import { normalizeMatrix, parseLabels, readRunContext, readRunnerInfo } from '../runner/context.js';
import { errorMessage } from '../runner/errors.js';
import { scrub, scrubDeep } from '../runner/secrets.js';
import { setupNotices, startInputWarnings, type TemplateInputs } from '../notify/notices.js';
import type { BuildStart } from '../notify/render/generic.js';
import type { NotifySettings, RenderedMessage, Target } from '../notify/types.js';
import { buildArgv, type Settings } from './settings.js';

/** The started message may hold the build back this long at most, retries included. */
export const START_DEADLINE_MS = 30_000;

/** The global template inputs, for the warning about one that no target uses. */
export function templateInputs(): TemplateInputs {
  const names = ['message-template', 'payload-template', 'payload-template-file'] as const;
  return Object.fromEntries(names.map((n) => [n, core.getInput(n)])) as TemplateInputs;
}

/** Prints the setup notices (notify/notices.ts) once, at the start of the step. */
export function printSetupNotices(notifySettings: NotifySettings | null): void {
  const { notices, warnings } = setupNotices(notifySettings, core.getInput('notify-on'), templateInputs());
  warnings.push(
    ...startInputWarnings(notifySettings, {
      runMessageId: core.getInput('discord-run-message-id'),
      jobCheckRunId: core.getInput('job-check-run-id'),
    }),
  );
  for (const n of notices) core.notice(n, { title: 'No notification target' });
  for (const w of warnings) core.warning(scrub(w), { title: 'Notification setup' });
}

/**
 * Who gets a started message: every target that can fire at all (`on` other than `never`: a start has no
 * status, so status rules do not apply to it), except Discord targets with `discord-live`, whose live message
 * is their start.
 */
export function startTargets(settings: NotifySettings): Target[] {
  return settings.targets
    .filter((t) => t.on !== 'never' && !(t.format === 'discord' && settings.discord.live))
    .map((t) => ({ ...t, on: 'always' }));
}

/** What the started message says, from the step's settings and the runner's environment. */
export function buildStart(settings: Settings, start: Date, env = process.env): BuildStart {
  const argv = buildArgv(settings.build);
  return {
    packages: settings.build.packages,
    command: { display: argv.display, argv: [argv.command, ...argv.args] },
    runner: readRunnerInfo(env, parseLabels(core.getInput('runner-labels'))),
    run: {
      ...readRunContext(core.getInput('job-check-run-id'), env),
      matrix: normalizeMatrix(core.getInput('matrix')),
    },
    startTime: start.toISOString(),
  };
}

/** One webhook-id per target per build start, so a receiver can drop a duplicate. */
function startId(info: BuildStart, target: Target): string {
  const r = info.run;
  const key = [
    r.repository,
    r.runId,
    r.runAttempt,
    r.job,
    r.matrix,
    info.startTime,
    target.source,
    'started',
  ];
  return `msg_${createHash('sha256').update(JSON.stringify(key)).digest('hex').slice(0, 32)}`;
}

/** The started message for one target (scrubbed): the one path real starts and dry runs share. */
export async function renderStart(
  target: Target,
  info: BuildStart,
  notifySettings: NotifySettings,
): Promise<RenderedMessage> {
  const message =
    target.format === 'discord'
      ? (await import('../notify/render/start-discord.js')).renderStartDiscord(info, notifySettings.discord)
      : target.format === 'slack'
        ? (await import('../notify/render/slack.js')).renderStartSlack(info)
        : target.format === 'teams'
          ? (await import('../notify/render/teams.js')).renderStartTeams(info)
          : (await import('../notify/render/generic.js')).renderGenericStarted(info);
  return { ...message, body: scrubDeep(message.body) };
}

/**
 * `notify-start: true`: announces the build to every start target before it runs (event `started`), bounded
 * by START_DEADLINE_MS. A failed delivery is a warning; nothing here fails the step or stops the build.
 */
export async function announceStart(
  settings: Settings,
  notifySettings: NotifySettings | null,
  start: Date,
): Promise<void> {
  if (!notifySettings?.notifyStart) return;
  const targets = startTargets(notifySettings);
  if (targets.length === 0) return;
  try {
    const info = scrubDeep(buildStart(settings, start));
    const { notify } = await import('../notify/index.js');
    const render = (target: Target): Promise<RenderedMessage> => renderStart(target, info, notifySettings);
    const outcome = await notify({ status: 'success' }, { ...notifySettings, targets }, render, {
      event: 'started',
      deadlineMs: Math.min(START_DEADLINE_MS, notifySettings.deadlineMs),
      newId: (target) => startId(info, target),
      log: (m) => core.info(scrub(m)),
    });
    for (const f of outcome.failed) {
      core.warning(
        scrub(
          `Started notification to ${f.url} (${f.source}) was not delivered: ${f.error ?? 'unknown error'}`,
        ),
        { title: 'Notification not delivered' },
      );
    }
    const ok = outcome.results.filter((r) => r.delivered).length;
    core.info(`notify-start: ${ok} of ${outcome.results.length} started notification(s) delivered.`);
  } catch (err) {
    core.warning(scrub(`notify-start: the started notification failed: ${errorMessage(err)}`));
  }
}
