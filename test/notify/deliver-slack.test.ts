// Delivery to Slack against a loopback double that answers as Slack does: `ok` in plain text, or a plain-text
// error code. Each code becomes a sentence a person can act on; refusals (4xx but 408/429) are not retried,
// 429 waits for Retry-After, a 5xx is retried.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('@actions/core', () => ({ setSecret: () => {} }));

import { deliverAll, type DeliverOptions } from '../../src/notify/deliver.js';
import { renderSlack } from '../../src/notify/render/slack.js';
import { resetSecretsForTest } from '../../src/runner/secrets.js';
import type { RenderedMessage, Target } from '../../src/notify/types.js';
import { startSlackDouble, type SlackDouble, type SlackErrorCode } from '../support/slack-double.js';
import { stageFailure } from '../support/reports.js';
import { webhookTarget } from '../support/delivery.js';

let slack: SlackDouble;
beforeEach(async () => {
  resetSecretsForTest();
  slack = await startSlackDouble();
});
afterEach(async () => {
  await slack.close();
});

function target(url: string): Target {
  return webhookTarget(url, { source: 'slack-webhook-url', format: 'slack' });
}

const message = (): RenderedMessage =>
  renderSlack(stageFailure(), {}, { event: 'finished', change: 'unknown' });
const quick: DeliverOptions = { deadlineMs: 20_000, backoffBaseMs: 5, random: () => 0.5 };

async function deliver(opts: Partial<DeliverOptions> = {}, msg = message()) {
  const [result] = await deliverAll([{ target: target(slack.webhookUrl), message: msg }], {
    ...quick,
    ...opts,
  });
  if (!result) throw new Error('no result');
  return result;
}

describe('deliver to Slack', () => {
  it('delivers a rendered message once, answered `ok`', async () => {
    const result = await deliver();
    expect(result).toMatchObject({ delivered: true, attempts: 1, httpStatus: 200, error: null });
    const [body] = slack.delivered() as { text: string }[];
    expect(body?.text).toBe('❌ numpy failed at build 3/4 (python) · acme/jetson-images · Build images');
  });

  const refusals: [SlackErrorCode, number, string][] = [
    [
      'channel_not_found',
      404,
      'HTTP 404 channel_not_found: the channel of this Slack webhook was deleted or the app was removed from it',
    ],
    [
      'no_service',
      404,
      'HTTP 404 no_service: this Slack webhook was removed or disabled, or its URL is wrong; create a new one and update the secret',
    ],
    [
      'action_prohibited',
      403,
      'HTTP 403 action_prohibited: a Slack admin restricts where this webhook may post',
    ],
    [
      'posting_to_general_channel_denied',
      403,
      'HTTP 403 posting_to_general_channel_denied: only admins may post in this channel; point the webhook at another channel',
    ],
    [
      'invalid_payload',
      400,
      'HTTP 400 invalid_payload: Slack could not read the message (not valid JSON or not a Slack message)',
    ],
    [
      'too_many_attachments',
      400,
      'HTTP 400 too_many_attachments: Slack takes at most 100 attachments in a message',
    ],
    ['no_text', 400, 'HTTP 400 no_text: the message has no text, which Slack requires'],
    [
      'channel_is_archived',
      410,
      'HTTP 410 channel_is_archived: the channel of this Slack webhook is archived; unarchive it or create a webhook for another channel',
    ],
  ];
  for (const [code, status, error] of refusals) {
    it(`turns ${code} into a clear message and does not retry it`, async () => {
      slack.answer({ error: code }, 4);
      const logged: string[] = [];
      const result = await deliver({ log: (m) => logged.push(m) });
      expect(result).toMatchObject({ delivered: false, attempts: 1, httpStatus: status, error });
      expect(slack.requests).toHaveLength(1);
      expect(logged).toEqual([]);
    });
  }

  it('waits for Retry-After on 429, then delivers', async () => {
    slack.answer({ rateLimit: 2 });
    const waits: number[] = [];
    const result = await deliver({
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    expect(result).toMatchObject({ delivered: true, attempts: 2, httpStatus: 200 });
    expect(waits).toEqual([2000]);
  });

  it('retries a 500 (rollup_error), then delivers', async () => {
    slack.answer({ status: 500, body: 'rollup_error' });
    const logged: string[] = [];
    const result = await deliver({ log: (m) => logged.push(m) });
    expect(result).toMatchObject({ delivered: true, attempts: 2 });
    expect(logged).toEqual([
      "slack-webhook-url: attempt 1 failed (HTTP 500 rollup_error: something went wrong on Slack's side); retrying in 0 s",
    ]);
  });

  it('gives up on 503 after the retries, saying so', async () => {
    slack.answer({ status: 503, body: 'Service Unavailable' }, 4);
    const result = await deliver();
    expect(result).toMatchObject({ delivered: false, attempts: 4, httpStatus: 503 });
    expect(result.error).toBe('HTTP 503: Service Unavailable (4 attempts)');
  });

  it('counts a 200 with another body as delivered, as Slack documents a 200, and says what came back', async () => {
    slack.answer({ okBody: '<html>captive portal</html>' });
    const logged: string[] = [];
    const result = await deliver({ log: (m) => logged.push(m) });
    expect(result).toMatchObject({ delivered: true, attempts: 1, httpStatus: 200 });
    expect(logged).toEqual([
      'slack-webhook-url: HTTP 200 but the answer was not `ok` (<html>captive portal</html>); counted as delivered, as Slack documents any 200',
    ]);
  });
});
