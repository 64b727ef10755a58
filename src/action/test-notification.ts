// `test-notification: true`: build nothing; send a clearly marked sample to every configured target through
// the real delivery (retries, signatures, scrubber) and say per target whether it was accepted. The step
// fails when any target did not accept it: finding that out is the point of the test.
import * as core from '@actions/core';
import { errorMessage } from '../runner/errors.js';
import { maskUrl, scrub } from '../runner/secrets.js';
import { truncateMarkdown } from '../notify/render/limits.js';
import type { RenderFn } from '../notify/index.js';
import type { DeliveryResult, NotifySettings, RenderedMessage, TargetFormat } from '../notify/types.js';
import { messageRenderer } from './finish.js';
import { runSample } from './dry-run.js';
import type { Settings } from './settings.js';

export const TEST_HEADLINE = '🧪 Test notification from jetson-build-action — not a real build';
const DISCORD_CONTENT_MAX = 2000;

/**
 * Makes sure a person can tell a Discord message is a test whatever its layout shows of the report: it opens
 * with the marker (unless the renderer already says so). The other formats mark it in their renderer from the
 * `test` event: Slack's text line and header, the Teams card's first line, the generic body's event
 * `jetson.test` (and the report's message starts with the marker).
 */
export function markAsTest(format: TargetFormat, message: RenderedMessage): RenderedMessage {
  const body = message.body;
  if (format !== 'discord' || typeof body !== 'object' || body === null) return message;
  const fields = body as Record<string, unknown>;
  if (JSON.stringify(body).includes('Test notification')) return message;
  const content = typeof fields.content === 'string' && fields.content !== '' ? `\n${fields.content}` : '';
  const marked = truncateMarkdown(`**${TEST_HEADLINE}**${content}`, DISCORD_CONTENT_MAX);
  return { ...message, body: { ...fields, content: marked } };
}

/** `discord-webhook-url (https://discord.com/***): delivered, HTTP 200, message 1300…` — one per target. */
export function resultLine(r: DeliveryResult): string {
  if (r.delivered) {
    const http = r.httpStatus === null ? '' : `, HTTP ${r.httpStatus}`;
    const id = r.messageId ? `, message ${r.messageId}` : '';
    // A 202 (a Teams Workflows flow) only queued it: whether it was posted shows in the flow's run history.
    return `${r.source} (${r.url}): delivered${http}${id}${r.note ? ` (${r.note})` : ''}`;
  }
  return `${r.source} (${r.url}): failed: ${r.error ?? 'unknown error'}`;
}

/**
 * The settings a test is sent with: every target but those turned off (`on: never`) fires whatever the
 * sample's status (a failure-only target is tested too), and no one is pinged for a sample.
 */
export function testSettings(settings: NotifySettings): NotifySettings {
  return {
    ...settings,
    targets: settings.targets.filter((t) => t.on !== 'never').map((t) => ({ ...t, on: 'always' })),
    discord: { ...settings.discord, mentionOnFailure: { users: [], roles: [] }, live: false },
  };
}

const NO_TARGET =
  'test-notification: no notification target is configured, so there is nothing to test. Set ' +
  'discord-webhook-url, slack-webhook-url, teams-webhook-url, webhook-url, success-webhook-url, ' +
  'failure-webhook-url or webhooks (a secret that ' +
  'is empty, as on a pull request from a fork, counts as not set).';

export async function runTestNotification(
  settings: Settings,
  notifySettings: NotifySettings | null,
): Promise<void> {
  const configured = notifySettings?.targets ?? [];
  if (notifySettings === null || configured.length === 0) {
    core.setFailed(NO_TARGET);
    return;
  }
  const test = testSettings(notifySettings);
  for (const t of configured.filter((t) => t.on === 'never')) {
    core.info(scrub(`${t.source} (${maskUrl(t.url)}): skipped: its rule is on: never`));
  }
  if (test.targets.length === 0) {
    core.setFailed('test-notification: every configured target has on: never, so none was sent the test.');
    return;
  }
  const report = runSample(settings, TEST_HEADLINE);
  core.info(
    `Test notification: nothing is built; sending a marked sample to ${test.targets.length} target(s).`,
  );
  const base = messageRenderer(report, test, { logTail: false });
  const render: RenderFn = async (target, ctx) => markAsTest(target.format, await base(target, ctx));
  const { notify, notificationOutputs } = await import('../notify/index.js');
  const outcome = await notify({ status: report.status }, test, render, {
    event: 'test',
    log: (m) => core.info(scrub(m)),
  });
  for (const r of outcome.results) core.info(scrub(resultLine(r)));
  try {
    const out = notificationOutputs(outcome.results);
    core.setOutput('notifications', out.notifications);
    core.setOutput('message-id', out.messageId);
  } catch (err) {
    core.warning(scrub(`Could not set the step outputs (GITHUB_OUTPUT): ${errorMessage(err)}`));
  }
  const failed = outcome.results.filter((r) => !r.delivered);
  if (failed.length > 0) {
    core.setFailed(
      scrub(
        `test-notification: ${failed.length} of ${outcome.results.length} target(s) did not accept the test: ` +
          failed.map(resultLine).join('; '),
      ),
    );
  } else {
    core.info(`Test notification: all ${outcome.results.length} target(s) accepted it.`);
  }
}
