import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('@actions/core', () => ({ setSecret: () => {} }));

import {
  closeDiscordApi,
  createMessage,
  editMessage,
  getMessage,
  messageUrl,
} from '../../src/notify/discord-api.js';
import { normalizeDiscordUrl } from '../../src/notify/targets.js';
import { registerSecret, resetSecretsForTest } from '../../src/runner/secrets.js';
import { startDiscordDouble, type DiscordDouble } from '../support/discord-double.js';
import { expectValidDiscordBody } from '../support/discord-spec.js';

let discord: DiscordDouble;

beforeEach(async () => {
  resetSecretsForTest();
  discord = await startDiscordDouble({ maxHangMs: 3000 });
});
afterEach(async () => {
  await discord.close();
});
afterAll(async () => {
  await closeDiscordApi();
});

const webhook = (thread?: string): { url: string } => ({
  url: normalizeDiscordUrl(discord.webhookUrl('123456', 'tok'), thread),
});
const text = (content: string) => ({ body: { content }, files: [] });

describe('messageUrl', () => {
  it('turns an execute URL into the message URL, keeping only thread_id', () => {
    expect(messageUrl('https://discord.com/api/v10/webhooks/1/abc?wait=true', '99')).toBe(
      'https://discord.com/api/v10/webhooks/1/abc/messages/99',
    );
    expect(messageUrl('https://discord.com/api/v10/webhooks/1/abc?wait=true&thread_id=77', '99')).toBe(
      'https://discord.com/api/v10/webhooks/1/abc/messages/99?thread_id=77',
    );
    expect(messageUrl('https://discord.com/api/v10/webhooks/1/abc?wait=true', '99', '55')).toBe(
      'https://discord.com/api/v10/webhooks/1/abc/messages/99?thread_id=55',
    );
  });
});

describe('createMessage / editMessage / getMessage against the Discord double', () => {
  it('creates with ?wait=true, edits the same message in place, and reads it back', async () => {
    const created = await createMessage(webhook(), {
      body: { content: 'building', username: 'Jetson', avatar_url: 'https://x.test/a.png' },
      files: [],
    });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const id = created.message.id;
    expect(id).toMatch(/^\d{17,20}$/);
    expect(discord.requests[0]?.query).toEqual({ wait: 'true' });
    expect(discord.requests[0]?.raw.headers['user-agent']).toMatch(/^DiscordBot \(/);

    const edited = await editMessage(webhook(), id, {
      body: { content: 'stage 2/5', username: 'Jetson', avatar_url: 'https://x.test/a.png', flags: 4096 },
      files: [],
    });
    expect(edited).toMatchObject({ ok: true, message: { id } });
    const patch = discord.requestsOf('edit')[0];
    expect(patch?.method).toBe('PATCH');
    expect(patch?.path).toBe(`/api/v10/webhooks/123456/tok/messages/${id}`);
    // Discord's edit body has no username, avatar_url or silent flag.
    expect(patch?.body).toEqual({ content: 'stage 2/5', embeds: [] });
    expectValidDiscordBody(patch?.body, 'edit');
    expectValidDiscordBody(discord.requestsOf('create')[0]?.body, 'create');

    const read = await getMessage(webhook(), id);
    expect(read).toMatchObject({ ok: true, message: { id } });
    expect(discord.message(id)?.content).toBe('stage 2/5');
    expect(discord.messages()).toHaveLength(1);
  });

  it('edits a message in a thread through ?thread_id=, and a forum post through the thread it opened', async () => {
    const inThread = await createMessage(webhook('777'), text('a'));
    if (!inThread.ok) throw new Error('create failed');
    await editMessage(webhook('777'), inThread.message.id, text('b'));
    expect(discord.requestsOf('edit')[0]?.query).toEqual({ thread_id: '777' });
    expect(discord.message(inThread.message.id)?.content).toBe('b');

    const forum = await createMessage(webhook(), { body: { content: 'c', thread_name: 'build' }, files: [] });
    if (!forum.ok) throw new Error('create failed');
    const thread = forum.message.channelId as string;
    // Without the thread Discord does not find it …
    const lost = await editMessage(webhook(), forum.message.id, text('d'));
    expect(lost).toMatchObject({ ok: false, status: 404, code: 10008 });
    // … with it, it does.
    const found = await editMessage(webhook(), `${forum.message.id}:${thread}`, text('d'));
    expect(found.ok).toBe(true);
    expect(discord.message(forum.message.id)?.content).toBe('d');
  });

  it('returns a 429 with the delay Discord asked for, without retrying', async () => {
    const created = await createMessage(webhook(), text('a'));
    if (!created.ok) throw new Error('create failed');
    discord.fault({ method: 'PATCH', fault: { rateLimit: 2.5 } });
    const limited = await editMessage(webhook(), created.message.id, text('b'));
    expect(limited).toMatchObject({ ok: false, kind: 'http', status: 429, retryAfterMs: 3000 });
    expect(discord.requestsOf('edit')).toHaveLength(1);
    expect(discord.message(created.message.id)?.content).toBe('a');
  });

  it('returns 404 Unknown Message for a deleted message, a 5xx as it is, and a hang as a timeout', async () => {
    const created = await createMessage(webhook(), text('a'));
    if (!created.ok) throw new Error('create failed');
    discord.deleteMessage(created.message.id);
    expect(await editMessage(webhook(), created.message.id, text('b'))).toMatchObject({
      ok: false,
      status: 404,
      code: 10008,
      detail: 'Unknown Message (code 10008)',
    });
    discord.fault({ fault: { status: 502 } });
    expect(await createMessage(webhook(), text('c'))).toMatchObject({ ok: false, status: 502 });
    discord.fault({ fault: { hang: true } });
    expect(await createMessage(webhook(), text('d'), { timeoutMs: 300 })).toMatchObject({
      ok: false,
      kind: 'network',
      timedOut: true,
    });
  });

  it('scrubs secrets from every body it sends, edits included', async () => {
    registerSecret('hunter2-very-secret');
    const created = await createMessage(webhook(), text('token hunter2-very-secret'));
    if (!created.ok) throw new Error('create failed');
    await editMessage(webhook(), created.message.id, {
      body: { embeds: [{ title: 'x hunter2-very-secret' }] },
      files: [{ name: 'log.txt', contentType: 'text/plain', data: Buffer.from('hunter2-very-secret\n') }],
    });
    for (const r of discord.requests) expect(r.raw.body.toString('utf8')).not.toContain('hunter2');
    expect(discord.requestsOf('edit')[0]?.files).toEqual(['log.txt']);
    expectValidDiscordBody(discord.requestsOf('edit')[0]?.body, 'edit');
  });

  it('reports a refused connection as a network error instead of throwing', async () => {
    const url = discord.webhookUrl();
    await discord.close();
    const result = await createMessage({ url: normalizeDiscordUrl(url) }, text('a'), { timeoutMs: 2000 });
    expect(result).toMatchObject({ ok: false, kind: 'network', timedOut: false });
    discord = await startDiscordDouble();
  });
});
