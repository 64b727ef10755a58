// Slack and Teams, like Discord, post every request they get: a request that went out and was never answered
// may have posted the message, so it is neither retried nor sent again by the post step. Only a generic
// receiver (same webhook-id) can drop a duplicate.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('@actions/core', () => ({ setSecret: () => {} }));

import { deliverAll } from '../../src/notify/deliver.js';
import { notify, resumeAction } from '../../src/notify/index.js';
import { resetSecretsForTest } from '../../src/runner/secrets.js';
import type { FateRecord, NotifySettings, Target, TargetFormat } from '../../src/notify/types.js';
import { startReceiver, type Receiver } from '../support/receiver.js';
import { NO_TEMPLATES } from '../support/targets.js';

let receiver: Receiver | null = null;
beforeEach(() => resetSecretsForTest());
afterEach(async () => {
  await receiver?.close();
  receiver = null;
});

function target(format: TargetFormat, url: string, over: Partial<Target> = {}): Target {
  return {
    source: `${format}-target`,
    url,
    format,
    on: 'always',
    method: 'POST',
    headers: {},
    basicAuth: null,
    timeoutMs: 300,
    retries: 2,
    secret: null,
    signature: 'standard',
    templates: NO_TEMPLATES,
    ...over,
  };
}

const sending: FateRecord = { fate: 'sending', attempts: 1, httpStatus: null, messageId: null };
const unknown: FateRecord = { fate: 'unknown', attempts: 1, httpStatus: null, messageId: null };

describe('an unanswered request is sent at most once to a chat platform', () => {
  it('resumeAction withholds an unknown outcome from Discord, Slack and Teams, and re-sends it to generic', () => {
    for (const format of ['discord', 'slack', 'teams'] as const) {
      expect(resumeAction(target(format, 'https://x.example/h'), sending), format).toBe('withhold');
      expect(resumeAction(target(format, 'https://x.example/h'), unknown), format).toBe('withhold');
    }
    expect(resumeAction(target('generic', 'https://x.example/h'), sending)).toBe('send');
    expect(resumeAction(target('generic', 'https://x.example/h'), unknown)).toBe('send');
    // A Discord edit is idempotent: sent again.
    expect(resumeAction(target('discord', 'https://x.example/h'), sending, true)).toBe('send');
  });

  it('a Slack or Teams request that timed out is not retried: one request, and why', async () => {
    receiver = await startReceiver(
      {
        paths: {
          '/slack': [{ hang: true }, { status: 200, body: 'ok' }],
          '/teams': [{ hang: true }, { status: 202 }],
        },
      },
      { maxHangMs: 5000 },
    );
    const log: string[] = [];
    const results = await deliverAll(
      [
        { target: target('slack', receiver.urlFor('/slack')), message: { body: { text: 'x' }, files: [] } },
        {
          target: target('teams', receiver.urlFor('/teams')),
          message: { body: { type: 'message' }, files: [] },
        },
      ],
      { deadlineMs: 10_000, backoffBaseMs: 5, random: () => 0.5, log: (m) => log.push(m) },
    );
    expect(receiver.requestsTo('/slack')).toHaveLength(1);
    expect(receiver.requestsTo('/teams')).toHaveLength(1);
    expect(results.map((r) => [r.delivered, r.attempts, r.error])).toEqual([
      [
        false,
        1,
        'timed out after 0.3 s; not retried: the request was sent and may have been delivered (Slack cannot drop a repeated message) (1 attempt)',
      ],
      [
        false,
        1,
        'timed out after 0.3 s; not retried: the request was sent and may have been delivered (Microsoft Teams cannot drop a repeated message) (1 attempt)',
      ],
    ]);
    expect(log.join('\n')).not.toMatch(/retrying/);
  });

  it('a generic request that timed out is retried with the same webhook-id', async () => {
    receiver = await startReceiver(
      { paths: { '/g': [{ hang: true }, { status: 204 }] } },
      { maxHangMs: 5000 },
    );
    const [result] = await deliverAll(
      [{ target: target('generic', receiver.urlFor('/g')), message: { body: {}, files: [] } }],
      { deadlineMs: 10_000, backoffBaseMs: 5, random: () => 0.5 },
    );
    expect(result).toMatchObject({ delivered: true, attempts: 2 });
    const [a, b] = receiver.requestsTo('/g');
    expect(b?.headers['webhook-id']).toBe(a?.headers['webhook-id']);
  });

  it('notify() withholds a Slack and a Teams target main left unanswered, with the platform named', async () => {
    receiver = await startReceiver({ fallback: { status: 200, body: 'ok' } });
    const settings = {
      targets: [
        target('slack', receiver.urlFor('/slack'), { source: 'slack-webhook-url' }),
        target('teams', receiver.urlFor('/teams'), { source: 'teams-webhook-url' }),
      ],
      deadlineMs: 5000,
    } as unknown as NotifySettings;
    const outcome = await notify(
      { status: 'failure' },
      settings,
      () => ({ body: { text: 'x' }, files: [] }),
      {
        previous: { 'slack-webhook-url': sending, 'teams-webhook-url': unknown },
      },
    );
    expect(receiver.requests).toHaveLength(0);
    expect(outcome.withheld.map((r) => [r.source, r.error])).toEqual([
      [
        'slack-webhook-url',
        'outcome unknown: the main step was stopped while sending it; not sent again (Slack cannot drop a duplicate)',
      ],
      [
        'teams-webhook-url',
        'outcome unknown: the main step was stopped while sending it; not sent again (Microsoft Teams cannot drop a duplicate)',
      ],
    ]);
    expect(outcome.failed).toEqual([]);
  });
});

describe("Slack's 200 that is not `ok`", () => {
  it('is delivered, and says so in the result note and the log', async () => {
    receiver = await startReceiver({ paths: { '/slack': { status: 200, body: 'invalid_payload' } } });
    const log: string[] = [];
    const [result] = await deliverAll(
      [{ target: target('slack', receiver.urlFor('/slack')), message: { body: { text: 'x' }, files: [] } }],
      { deadlineMs: 5000, log: (m) => log.push(m) },
    );
    const note =
      'HTTP 200 but the answer was not `ok` (invalid_payload); counted as delivered, as Slack documents any 200';
    expect(result).toMatchObject({ delivered: true, confirmed: true, note });
    expect(log).toEqual([`slack-target: ${note}`]);
  });
});
