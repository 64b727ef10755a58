import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('@actions/core', () => ({ setSecret: () => {} }));

import { notificationOutputs, notify, summarizeResults } from '../../src/notify/index.js';
import { resolveNotifySettings } from '../../src/notify/targets.js';
import { resetSecretsForTest } from '../../src/runner/secrets.js';
import type { DeliveryResult, NotifySettings, Target } from '../../src/notify/types.js';
import { startReceiver, type Receiver } from '../support/receiver.js';

let receiver: Receiver;
beforeEach(async () => {
  resetSecretsForTest();
  receiver = await startReceiver({
    paths: {
      '/api/v10/webhooks/1/discord-token-abcdef': { status: 200, body: { id: '555' } },
      '/gone': { status: 404, body: 'no such hook' },
    },
  });
});
afterEach(async () => {
  await receiver.close();
});

function settingsFor(inputs: Record<string, string>): NotifySettings {
  return resolveNotifySettings((name) => inputs[name] ?? '', { JETSON_BUILD_NOTIFY_DEADLINE_SECONDS: '10' });
}

describe('notify', () => {
  it('renders per selected target, delivers, and reports in target order', async () => {
    const settings = settingsFor({
      'discord-webhook-url': receiver.urlFor('/api/webhooks/1/discord-token-abcdef'),
      'success-webhook-url': receiver.urlFor('/ok'),
      'failure-webhook-url': receiver.urlFor('/fail'),
      webhooks: `- url: ${receiver.urlFor('/gone')}\n  on: success`,
    });
    const rendered: string[] = [];
    const outcome = await notify({ status: 'success' }, settings, (target: Target) => {
      rendered.push(`${target.source}:${target.format}`);
      return { body: { for: target.source }, files: [] };
    });
    expect(rendered).toEqual([
      'discord-webhook-url:discord',
      'success-webhook-url:generic',
      'webhooks[0]:generic',
    ]);
    expect(outcome.results.map((r) => [r.source, r.delivered, r.httpStatus, r.messageId])).toEqual([
      ['discord-webhook-url', true, 200, '555'],
      ['success-webhook-url', true, 200, null],
      ['webhooks[0]', false, 404, null],
    ]);
    expect(outcome.failed.map((r) => r.source)).toEqual(['webhooks[0]']);
    expect(receiver.requestsTo('/ok')[0]!.json).toEqual({ for: 'success-webhook-url' });
    expect(receiver.requestsTo('/fail')).toHaveLength(0);
  });

  it('turns a render error into a failed result and still delivers the others', async () => {
    const s = settingsFor({
      'webhook-url': receiver.urlFor('/a'),
      webhooks: `- url: ${receiver.urlFor('/b')}`,
    });
    const outcome = await notify({ status: 'failure' }, s, async (target) => {
      if (target.source === 'webhook-url') throw new Error('template broke');
      return { body: { ok: 1 }, files: [] };
    });
    expect(outcome.results.map((r) => [r.source, r.delivered, r.attempts, r.error])).toEqual([
      ['webhook-url', false, 0, 'could not render the message: template broke'],
      ['webhooks[0]', true, 1, null],
    ]);
    expect(receiver.requests.map((r) => r.path)).toEqual(['/b']);
  });

  it('does nothing without a target for the outcome', async () => {
    const s = settingsFor({ 'success-webhook-url': receiver.urlFor('/ok') });
    const render = vi.fn();
    expect(await notify({ status: 'cancelled' }, s, render)).toEqual({
      results: [],
      failed: [],
      withheld: [],
    });
    expect(render).not.toHaveBeenCalled();
    expect(receiver.requests).toHaveLength(0);
  });

  it('passes delivery options through (a short deadline)', async () => {
    receiver.setScript({ fallback: { status: 503 } });
    const s = settingsFor({ 'webhook-url': receiver.urlFor('/x') });
    const outcome = await notify({ status: 'success' }, s, () => ({ body: {}, files: [] }), {
      deadlineMs: 300,
      backoffBaseMs: 1000,
      random: () => 0.99,
    });
    expect(outcome.failed[0]!.error).toMatch(/^gave up: the 0.3 s deadline was reached/);
  });

  it('resumes from the fates the main step recorded: at most once to Discord, at least once elsewhere', async () => {
    const hook = (path: string): string => receiver.urlFor(path);
    const s = settingsFor({
      'discord-webhook-url': hook('/api/webhooks/1/discord-token-abcdef'),
      'webhook-url': hook('/g-sending'),
      webhooks: [
        `- url: ${hook('/api/webhooks/2/discord-token-delivered')}`,
        '  format: discord',
        `- url: ${hook('/api/webhooks/3/discord-token-retrying')}`,
        '  format: discord',
        `- url: ${hook('/g-failed')}`,
        `- url: ${hook('/g-unknown')}`,
        `- url: ${hook('/g-new')}`,
      ].join('\n'),
    });
    const rendered: string[] = [];
    const outcome = await notify(
      { status: 'success' },
      s,
      (target) => {
        rendered.push(target.source);
        return { body: { for: target.source }, files: [] };
      },
      {
        previous: {
          'discord-webhook-url': { fate: 'sending', attempts: 1, httpStatus: null, messageId: null },
          'webhook-url': { fate: 'sending', attempts: 2, httpStatus: 503, messageId: null },
          'webhooks[0]': {
            fate: 'delivered',
            attempts: 1,
            httpStatus: 200,
            messageId: '1300000000000000099',
          },
          'webhooks[1]': { fate: 'retry-wait', attempts: 1, httpStatus: 429, messageId: null },
          'webhooks[2]': { fate: 'failed', attempts: 1, httpStatus: 502, messageId: null },
          'webhooks[3]': { fate: 'unknown', attempts: 4, httpStatus: null, messageId: null },
        },
      },
    );
    // Only what may be sent is rendered and sent.
    expect(rendered).toEqual(['webhook-url', 'webhooks[1]', 'webhooks[2]', 'webhooks[3]', 'webhooks[4]']);
    expect(receiver.requestsTo('/api/v10/webhooks/1/discord-token-abcdef')).toHaveLength(0);
    expect(receiver.requestsTo('/api/v10/webhooks/2/discord-token-delivered')).toHaveLength(0);
    expect(receiver.requestsTo('/api/v10/webhooks/3/discord-token-retrying')).toHaveLength(1);
    for (const path of ['/g-sending', '/g-failed', '/g-unknown', '/g-new']) {
      expect(receiver.requestsTo(path), path).toHaveLength(1);
    }
    expect(outcome.results.map((r) => [r.source, r.delivered, r.messageId])).toEqual([
      ['discord-webhook-url', false, null],
      ['webhook-url', true, null],
      ['webhooks[0]', true, '1300000000000000099'],
      ['webhooks[1]', true, null],
      ['webhooks[2]', true, null],
      ['webhooks[3]', true, null],
      ['webhooks[4]', true, null],
    ]);
    expect(outcome.withheld.map((r) => [r.source, r.error])).toEqual([
      [
        'discord-webhook-url',
        'outcome unknown: the main step was stopped while sending it; not sent again (Discord cannot drop a duplicate)',
      ],
    ]);
    expect(outcome.failed).toEqual([]);
    expect(notificationOutputs(outcome.results).messageId).toBe('1300000000000000099');
  });

  it('does not import any renderer', () => {
    const source = readFileSync(new URL('../../src/notify/index.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(/from '\.\/render\//);
    expect(source).not.toMatch(/^import \{[^}]*deliverAll/m);
  });
});

const result = (over: Partial<DeliveryResult>): DeliveryResult => ({
  source: 'webhook-url',
  url: 'https://hooks.example.com/***',
  format: 'generic',
  delivered: true,
  httpStatus: 200,
  attempts: 1,
  error: null,
  messageId: null,
  durationMs: 12,
  ...over,
});

describe('summarizeResults and notificationOutputs', () => {
  it('summarises', () => {
    expect(summarizeResults([])).toBe('notifications: no target for this outcome');
    expect(summarizeResults([result({})])).toBe('notifications: 1 of 1 delivered');
    expect(
      summarizeResults([
        result({}),
        result({
          source: 'discord-webhook-url',
          url: 'https://discord.com/***',
          delivered: false,
          error: 'HTTP 404: webhook is invalid or was deleted',
        }),
      ]),
    ).toBe(
      'notifications: 1 of 2 delivered; discord-webhook-url (https://discord.com/***) failed: HTTP 404: webhook is invalid or was deleted',
    );
  });

  it('gives the outputs: JSON per target and the first Discord message id', () => {
    const results = [
      result({}),
      result({ source: 'webhooks[0]', format: 'discord', messageId: null, delivered: false }),
      result({ source: 'discord-webhook-url', format: 'discord', messageId: '42' }),
      result({ source: 'webhooks[1]', format: 'discord', messageId: '43' }),
    ];
    const out = notificationOutputs(results);
    expect(out.messageId).toBe('42');
    expect(JSON.parse(out.notifications)).toEqual(results);
    expect(notificationOutputs([]).messageId).toBe('');
  });
});
