// The final result never stays lost behind a live message: an edit Discord refuses for good with an HTTP
// answer (429 until the retries run out, a 5xx) is posted as a new message instead, once; an edit that may have
// landed (no answer) or a webhook that is gone is not.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('@actions/core', () => ({ setSecret: () => {} }));

import { createMessage } from '../../src/notify/discord-api.js';
import { notify } from '../../src/notify/index.js';
import { resolveNotifySettings } from '../../src/notify/targets.js';
import type { NotifySettings, RenderedMessage, Target } from '../../src/notify/types.js';
import { resetSecretsForTest } from '../../src/runner/secrets.js';
import { startDiscordDouble, type DiscordDouble } from '../support/discord-double.js';

let discord: DiscordDouble;
beforeEach(async () => {
  resetSecretsForTest();
  discord = await startDiscordDouble({ maxHangMs: 3000 });
});
afterEach(async () => {
  await discord.close();
});

function settingsFor(inputs: Record<string, string>): NotifySettings {
  return resolveNotifySettings((name) => inputs[name] ?? '', { JETSON_BUILD_NOTIFY_DEADLINE_SECONDS: '10' });
}

const result: RenderedMessage = {
  body: { embeds: [{ title: '✅ numpy built in 1m 05s' }], allowed_mentions: { parse: [] } },
  files: [],
};

async function liveMessage(settings: NotifySettings): Promise<string> {
  const created = await createMessage(settings.targets[0] as Target, {
    body: { content: 'building…' },
    files: [],
  });
  if (!created.ok) throw new Error('no live message');
  return created.message.id;
}

describe('the final edit fails for good', () => {
  it('429 on every edit until the retries run out: the result is posted as a new message', async () => {
    const settings = settingsFor({ 'discord-webhook-url': discord.webhookUrl(), 'webhook-retries': '1' });
    const id = await liveMessage(settings);
    discord.fault({ method: 'PATCH', times: Infinity, fault: { rateLimit: 0 } });
    const log: string[] = [];
    const outcome = await notify({ status: 'success' }, settings, () => result, {
      edit: { 'discord-webhook-url': id },
      log: (m) => log.push(m),
    });
    expect(discord.requests.map((r) => `${r.kind} ${r.status}`)).toEqual([
      'create 200',
      'edit 429',
      'edit 429',
      'create 200',
    ]);
    const fresh = discord.messages()[1];
    expect(outcome.results).toMatchObject([{ delivered: true, messageId: fresh?.id, attempts: 3 }]);
    expect(fresh?.embeds).toEqual([{ title: '✅ numpy built in 1m 05s' }]);
    expect(log.at(-1)).toBe(
      `discord-webhook-url: the message to edit (${id}) could not be edited (HTTP 429: You are being rate limited. (2 attempts)); posting the result as a new message`,
    );
  });

  it('a 503 whose new message fails too: one attempt at it, then the failure', async () => {
    const settings = settingsFor({ 'discord-webhook-url': discord.webhookUrl(), 'webhook-retries': '0' });
    const id = await liveMessage(settings);
    discord.fault({ method: 'PATCH', times: 1, fault: { status: 503 } });
    discord.fault({ method: 'POST', times: Infinity, fault: { status: 503 } });
    const outcome = await notify({ status: 'success' }, settings, () => result, {
      edit: { 'discord-webhook-url': id },
    });
    expect(discord.requests.slice(1).map((r) => `${r.kind} ${r.status}`)).toEqual(['edit 503', 'create 503']);
    expect(outcome.results).toMatchObject([{ delivered: false, attempts: 2 }]);
  });

  it('the webhook is gone (401): no new message is tried', async () => {
    const settings = settingsFor({ 'discord-webhook-url': discord.webhookUrl(), 'webhook-retries': '0' });
    const id = await liveMessage(settings);
    discord.fault({
      method: 'PATCH',
      times: 1,
      fault: { status: 401, body: { message: '401: Unauthorized', code: 0 } },
    });
    const outcome = await notify({ status: 'success' }, settings, () => result, {
      edit: { 'discord-webhook-url': id },
    });
    expect(discord.requests.slice(1).map((r) => r.kind)).toEqual(['edit']);
    expect(outcome.results).toMatchObject([{ delivered: false }]);
  });

  it('no answer to the edit (it may have landed): no new message is tried', async () => {
    const settings = settingsFor({
      'discord-webhook-url': discord.webhookUrl(),
      'webhook-retries': '0',
      'webhook-timeout': '1',
    });
    const id = await liveMessage(settings);
    discord.fault({ method: 'PATCH', times: 1, fault: { hang: true } });
    const outcome = await notify({ status: 'success' }, settings, () => result, {
      edit: { 'discord-webhook-url': id },
    });
    expect(discord.requests.slice(1).map((r) => r.kind)).toEqual(['edit']);
    expect(outcome.results).toMatchObject([{ delivered: false }]);
  });
});
