// Delivery to Microsoft Teams against a loopback double of its webhooks: a Workflows flow's 202 is delivered
// but only accepted (the flow posts the card later), a connector's 200 `1` is confirmed, errors are told in
// words (Power Automate's JSON errors and the connector's text), 400 and 413 are not retried, 429 waits as
// long as asked, 5xx is retried.
import { describe, expect, it, vi } from 'vitest';

vi.mock('@actions/core', () => ({ setSecret: () => {} }));

import type { DeliverOptions } from '../../src/notify/deliver.js';
import { notificationOutputs, summarizeResults } from '../../src/notify/index.js';
import { renderTeams } from '../../src/notify/render/teams.js';
import type { RenderedMessage, Target } from '../../src/notify/types.js';
import { stageFailure } from '../support/reports.js';
import { deliverOneTo, serverPerTest, webhookTarget } from '../support/delivery.js';
import { startTeamsDouble, type TeamsDouble } from '../support/teams-double.js';

let teams: TeamsDouble;
serverPerTest(startTeamsDouble, (d) => (teams = d));

const target = (url: string, over: Partial<Target> = {}): Target =>
  webhookTarget(url, { source: 'teams-webhook-url', format: 'teams', ...over });

const card = (): RenderedMessage => renderTeams(stageFailure());

async function deliverOne(t: Target, msg: RenderedMessage = card(), opts: Partial<DeliverOptions> = {}) {
  const waits: number[] = [];
  const result = await deliverOneTo(t, msg, {
    deadlineMs: 20_000,
    backoffBaseMs: 5,
    random: () => 0.5,
    sleep: async (ms) => {
      waits.push(ms);
    },
    ...opts,
  });
  return { result, waits };
}

const ACCEPTED =
  'accepted, not confirmed: the Workflows flow queued the card (HTTP 202); whether Teams posted it shows in ' +
  "the flow's run history";

describe('deliver to Teams: success', () => {
  it('Workflows 202 Accepted: delivered, not confirmed, said so in the result and the outputs', async () => {
    const { result } = await deliverOne(target(teams.workflowsUrl));
    expect(result).toMatchObject({
      delivered: true,
      confirmed: false,
      note: ACCEPTED,
      httpStatus: 202,
      attempts: 1,
      error: null,
      format: 'teams',
    });
    expect(teams.cards).toHaveLength(1);
    expect(teams.cards[0]).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    const out = JSON.parse(notificationOutputs([result]).notifications) as Record<string, unknown>[];
    expect(out[0]).toMatchObject({ delivered: true, confirmed: false, note: ACCEPTED });
    // The URL's signature never shows.
    expect(JSON.stringify(out)).not.toContain('SIGsecret');
    expect(summarizeResults([result])).toBe(
      'notifications: 1 of 1 delivered; teams-webhook-url: accepted, not confirmed (HTTP 202)',
    );
  });

  it('the legacy connector 200 `1`: delivered and confirmed', async () => {
    const { result } = await deliverOne(target(teams.connectorUrl));
    expect(result).toMatchObject({
      delivered: true,
      confirmed: true,
      note: null,
      httpStatus: 200,
      attempts: 1,
    });
  });

  it('a connector 200 whose text says the delivery failed (throttled) is a failure, and retried as a 429', async () => {
    teams.fail(
      { status: 200, body: 'Microsoft Teams endpoint returned HTTP error 429 with ContextId tci=1.' },
      1,
    );
    const { result } = await deliverOne(target(teams.connectorUrl));
    expect(result).toMatchObject({ delivered: true, confirmed: true, attempts: 2 });
  });
});

describe('deliver to Teams: errors', () => {
  it('400 from the flow: not retried, Power Automate’s code and message in words', async () => {
    const { result } = await deliverOne(target(teams.workflowsUrl), { body: { text: 'hi' }, files: [] });
    expect(result).toMatchObject({ delivered: false, confirmed: false, httpStatus: 400, attempts: 1 });
    expect(result.error).toBe(
      'HTTP 400: the flow rejected the message (TriggerInputSchemaMismatch): The input body for trigger ' +
        "'manual' of type 'Request' did not match its schema definition.",
    );
  });

  it('400 from the connector: its plain-text reason', async () => {
    const { result } = await deliverOne(target(teams.connectorUrl), { body: { text: 'hi' }, files: [] });
    expect(result.error).toBe('HTTP 400: Teams rejected the message: Summary or Text is required.');
    expect(result.attempts).toBe(1);
  });

  it('413: too large, said with the limit, not retried', async () => {
    const big: RenderedMessage = { body: { type: 'message', pad: 'x'.repeat(40_000) }, files: [] };
    const { result } = await deliverOne(target(teams.workflowsUrl), big);
    expect(result).toMatchObject({ delivered: false, httpStatus: 413, attempts: 1 });
    expect(result.error).toBe(
      'HTTP 413: the message is larger than Teams accepts (about 28 KB) (MessageSizeLimitExceeded): The ' +
        'request content size exceeds the limit of 28 KB.',
    );
    const legacy = await deliverOne(target(teams.connectorUrl), big);
    expect(legacy.result.error).toBe(
      'HTTP 413: the message is larger than Teams accepts (about 28 KB): Webhook message delivery failed with ' +
        'error: Microsoft Teams endpoint returned HTTP error 413 with ContextId tci=0.',
    );
  });

  it('404: the flow does not exist, not retried', async () => {
    const { result } = await deliverOne(
      target(teams.receiver.urlFor('/workflows/gone/triggers/manual/paths/invoke')),
    );
    expect(result).toMatchObject({ delivered: false, httpStatus: 404, attempts: 1 });
    expect(result.error).toBe(
      'HTTP 404: the flow was not found: it was deleted or turned off, or the URL is incomplete ' +
        "(WorkflowNotFound): The workflow '0a1b2c3d' could not be found.",
    );
  });

  it('401 DirectApiAuthorizationRequired: says to let anyone trigger the flow', async () => {
    teams.fail({
      status: 401,
      body: JSON.stringify({
        error: {
          code: 'DirectApiAuthorizationRequired',
          message: 'The request must be authenticated only by Shared Access scheme.',
        },
      }),
    });
    const { result } = await deliverOne(target(teams.workflowsUrl));
    expect(result.error).toBe(
      "HTTP 401: the flow does not accept anonymous requests: set its trigger's “Who can trigger the flow” to " +
        'Anyone (DirectApiAuthorizationRequired): The request must be authenticated only by Shared Access scheme.',
    );
    expect(result.attempts).toBe(1);
  });

  it('429: waits as long as Retry-After says, then delivers', async () => {
    teams.fail({ rateLimit: 3 }, 1);
    const { result, waits } = await deliverOne(target(teams.workflowsUrl));
    expect(waits).toEqual([3000]);
    expect(result).toMatchObject({ delivered: true, confirmed: false, attempts: 2, httpStatus: 202 });
  });

  it('429 every time: gives up after the retries with the reason', async () => {
    teams.fail({ rateLimit: 1 }, 4);
    const { result, waits } = await deliverOne(target(teams.workflowsUrl));
    expect(waits).toEqual([1000, 1000, 1000]);
    expect(result.error).toBe(
      'HTTP 429: Teams is rate-limiting this webhook (WorkflowTriggeredTooManyTimes): Rate limit is exceeded. ' +
        'Try again later. (4 attempts)',
    );
  });

  it('5xx: retried, then delivered', async () => {
    teams.fail({ status: 502 }, 2);
    const { result } = await deliverOne(target(teams.workflowsUrl));
    expect(result).toMatchObject({ delivered: true, attempts: 3, httpStatus: 202 });
    expect(teams.answers.map((a) => a.status)).toEqual([502, 502, 202]);
  });
});
