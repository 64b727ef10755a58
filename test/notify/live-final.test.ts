// The final result replaces the live status message in place: notify() with `edit` PATCHes it (multipart
// with the log too), falls back to a new message when it was deleted, and an interrupted edit is sent again.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('@actions/core', () => ({ setSecret: () => {} }));

import { createMessage } from '../../src/notify/discord-api.js';
import { notify, resumeAction } from '../../src/notify/index.js';
import { resolveNotifySettings } from '../../src/notify/targets.js';
import type { NotifySettings, RenderedMessage, Target } from '../../src/notify/types.js';
import { resetSecretsForTest } from '../../src/runner/secrets.js';
import { startDiscordDouble, type DiscordDouble } from '../support/discord-double.js';
import { expectValidDiscordBody } from '../support/discord-spec.js';

let discord: DiscordDouble;
beforeEach(async () => {
  resetSecretsForTest();
  discord = await startDiscordDouble({ maxHangMs: 5000 });
});
afterEach(async () => {
  await discord.close();
});

function settingsFor(inputs: Record<string, string>): NotifySettings {
  return resolveNotifySettings((name) => inputs[name] ?? '', { JETSON_BUILD_NOTIFY_DEADLINE_SECONDS: '10' });
}

const result = (text: string, files: RenderedMessage['files'] = []): RenderedMessage => ({
  body: {
    username: 'Jetson CI',
    avatar_url: 'https://example.test/a.png',
    embeds: [{ title: text, color: 65280 }],
    allowed_mentions: { parse: [] },
  },
  files,
});

async function liveMessage(settings: NotifySettings): Promise<string> {
  const target = settings.targets[0] as Target;
  const created = await createMessage(target, {
    body: { content: 'building…', embeds: [{ title: '🔨 Building numpy' }] },
    files: [],
  });
  if (!created.ok) throw new Error('could not post the live message');
  return created.message.id;
}

describe('the final result edits the live message', () => {
  it('PATCHes the live message with an edit body (no username/avatar) and the log attached', async () => {
    const settings = settingsFor({ 'discord-webhook-url': discord.webhookUrl() });
    const id = await liveMessage(settings);
    const log = { name: 'build.log', contentType: 'text/plain', data: Buffer.from('step 9 failed\n') };
    const outcome = await notify({ status: 'failure' }, settings, () => result('❌ numpy failed', [log]), {
      edit: { 'discord-webhook-url': id },
    });
    expect(outcome.results).toMatchObject([{ delivered: true, messageId: id, httpStatus: 200 }]);
    expect(discord.requestsOf('create')).toHaveLength(1); // the live message only
    const [edit] = discord.requestsOf('edit');
    expect(edit?.method).toBe('PATCH');
    expect(edit?.messageId).toBe(id);
    expect(edit?.files).toEqual(['build.log']);
    expect(Object.keys(edit?.body as object).sort()).toEqual([
      'allowed_mentions',
      'attachments',
      'content',
      'embeds',
    ]);
    expectValidDiscordBody(edit?.body, 'edit');
    const stored = discord.message(id);
    // The live text is gone: the message is the result.
    expect(stored?.content).toBe('');
    expect(stored?.embeds).toEqual([{ title: '❌ numpy failed', color: 65280 }]);
    expect(stored?.attachments.map((a) => a.filename)).toEqual(['build.log']);
  });

  it('edits inside the thread: ?thread_id= on the PATCH', async () => {
    const settings = settingsFor({
      'discord-webhook-url': discord.webhookUrl(),
      'discord-thread-id': '4242',
    });
    const id = await liveMessage(settings);
    const outcome = await notify({ status: 'success' }, settings, () => result('✅ built'), {
      edit: { 'discord-webhook-url': id },
    });
    expect(outcome.failed).toEqual([]);
    expect(discord.requestsOf('edit')[0]?.query).toEqual({ thread_id: '4242' });
    expect(discord.message(id)?.embeds).toEqual([{ title: '✅ built', color: 65280 }]);
  });

  it('posts the result as a new message when the live message was deleted, in the same delivery, and says so', async () => {
    const settings = settingsFor({ 'discord-webhook-url': discord.webhookUrl() });
    const id = await liveMessage(settings);
    discord.deleteMessage(id);
    const logs: string[] = [];
    const outcome = await notify({ status: 'success' }, settings, () => result('✅ built'), {
      edit: { 'discord-webhook-url': id },
      log: (m) => logs.push(m),
    });
    const [created] = discord.messages();
    expect(outcome.results).toMatchObject([{ delivered: true, messageId: created?.id, attempts: 2 }]);
    expect(created?.id).not.toBe(id);
    expect(discord.requests.map((r) => `${r.kind} ${r.status}`)).toEqual([
      'create 200',
      'edit 404',
      'create 200',
    ]);
    // The new message is a full create: username and all.
    expectValidDiscordBody(discord.requestsOf('create')[1]?.body, 'create');
    expect(discord.requestsOf('create')[1]?.body).toMatchObject({ username: 'Jetson CI' });
    expect(logs.join('\n')).toContain(
      'was deleted (HTTP 404 Unknown Message); posting the result as a new message',
    );
  });

  it('edits the live message even for a target whose rule would not fire: it never stays at "building"', async () => {
    const settings = settingsFor({
      'discord-webhook-url': discord.webhookUrl(),
      'notify-on': 'failure',
    });
    const id = await liveMessage(settings);
    const quiet = await notify({ status: 'success' }, settings, () => result('✅ built'));
    expect(quiet.results).toEqual([]);
    const outcome = await notify({ status: 'success' }, settings, () => result('✅ built'), {
      edit: { 'discord-webhook-url': id },
    });
    expect(outcome.results).toMatchObject([{ delivered: true, messageId: id }]);
    expect(discord.message(id)?.embeds).toEqual([{ title: '✅ built', color: 65280 }]);
  });

  it('sends an interrupted edit again (idempotent) where an interrupted post is withheld', async () => {
    const settings = settingsFor({ 'discord-webhook-url': discord.webhookUrl() });
    const target = settings.targets[0] as Target;
    const sending = { fate: 'sending' as const, attempts: 1, httpStatus: null, messageId: null };
    expect(resumeAction(target, sending)).toBe('withhold');
    expect(resumeAction(target, sending, true)).toBe('send');
    expect(resumeAction(target, { ...sending, fate: 'delivered' }, true)).toBe('keep');

    const id = await liveMessage(settings);
    const outcome = await notify({ status: 'failure' }, settings, () => result('❌ failed'), {
      previous: { 'discord-webhook-url': sending },
      edit: { 'discord-webhook-url': id },
    });
    expect(outcome.withheld).toEqual([]);
    expect(outcome.results).toMatchObject([{ delivered: true, messageId: id }]);
    expect(discord.messages()).toHaveLength(1);
  });

  it('retries an edit whose answer never came (a timeout), unlike a post', async () => {
    const settings = settingsFor({
      webhooks: `- url: ${discord.webhookUrl()}\n  format: discord\n  timeout: 1\n  retries: 2`,
    });
    const id = await liveMessage(settings);
    discord.fault({ method: 'PATCH', fault: { hang: true } });
    const outcome = await notify({ status: 'success' }, settings, () => result('✅ built'), {
      edit: { 'webhooks[0]': id },
      backoffBaseMs: 5,
    });
    expect(outcome.results).toMatchObject([{ delivered: true, messageId: id, attempts: 2 }]);
    expect(discord.messages()).toHaveLength(1);
    expect(discord.message(id)?.embeds).toEqual([{ title: '✅ built', color: 65280 }]);
  });

  it('leaves generic targets alone: no edit, a normal POST', async () => {
    const settings = settingsFor({ webhooks: `- url: ${discord.url}/generic` });
    const outcome = await notify({ status: 'success' }, settings, () => ({ body: { ok: 1 }, files: [] }), {
      edit: { 'webhooks[0]': '1300000000000000000' },
    });
    expect(outcome.results[0]?.delivered).toBe(false); // the double answers 404 to a non-Discord path …
    expect(discord.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /generic']); // … to a POST
  });
});
