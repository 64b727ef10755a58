// The follow-up with the mentions, at its edges: a live message that was deleted gets the result as a new
// message, which pings by itself (no follow-up); a follow-up main may have sent before it was killed is not
// sent again, and post says it may be lost; main records the follow-up's fate for post.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('@actions/core', () => ({ setSecret: () => {} }));

import { createMessage } from '../../src/notify/discord-api.js';
import { notify } from '../../src/notify/index.js';
import { resolveNotifySettings } from '../../src/notify/targets.js';
import type { FateRecord, NotifySettings, RenderedMessage, Target } from '../../src/notify/types.js';
import { resetSecretsForTest } from '../../src/runner/secrets.js';
import { startDiscordDouble, type DiscordDouble } from '../support/discord-double.js';

const USER = '333333333333333333';
const JOB = 'https://github.com/octo-org/jetson-images/actions/runs/4242/job/9001';

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

const failure: RenderedMessage = {
  body: {
    content: `<@${USER}>`,
    embeds: [{ title: '❌ nano_llm failed at build 3/9', url: JOB, color: 16711680 }],
    allowed_mentions: { parse: [], users: [USER] },
  },
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

describe('mention follow-ups at their edges', () => {
  it('the live message was deleted: the result is posted as a new message with its mentions, and no follow-up', async () => {
    const settings = settingsFor({ 'discord-webhook-url': discord.webhookUrl() });
    const id = await liveMessage(settings);
    discord.deleteMessage(id);
    const outcome = await notify({ status: 'failure' }, settings, () => failure, {
      edit: { 'discord-webhook-url': id },
    });
    expect(discord.requests.map((r) => `${r.kind} ${r.status}`)).toEqual([
      'create 200',
      'edit 404',
      'create 200',
    ]);
    const posted = discord.requestsOf('create')[1]?.body as { content: string; allowed_mentions: unknown };
    expect(posted.content).toBe(`<@${USER}>`);
    expect(posted.allowed_mentions).toEqual({ parse: [], users: [USER] });
    expect(outcome.results).toMatchObject([{ delivered: true }]);
  });

  it("main records the follow-up's fate under its own key", async () => {
    const settings = settingsFor({ 'discord-webhook-url': discord.webhookUrl() });
    const id = await liveMessage(settings);
    const fates: Record<string, FateRecord> = {};
    await notify({ status: 'failure' }, settings, () => failure, {
      edit: { 'discord-webhook-url': id },
      onFate: (target, record) => (fates[target.source] = record),
    });
    expect(fates['discord-webhook-url']?.fate).toBe('delivered');
    expect(fates['discord-webhook-url (mentions)']?.fate).toBe('delivered');
  });

  it('post: an edit main delivered whose follow-up was in flight is kept, with a warning that the ping may be lost', async () => {
    const settings = settingsFor({ 'discord-webhook-url': discord.webhookUrl() });
    const warnings: string[] = [];
    const outcome = await notify({ status: 'failure' }, settings, () => failure, {
      edit: { 'discord-webhook-url': '1300000000000000001' },
      previous: {
        'discord-webhook-url': {
          fate: 'delivered',
          attempts: 1,
          httpStatus: 200,
          messageId: '1300000000000000001',
        },
        'discord-webhook-url (mentions)': { fate: 'sending', attempts: 1, httpStatus: null, messageId: null },
      },
      warn: (m) => warnings.push(m),
    });
    expect(discord.requests).toEqual([]);
    expect(outcome.results).toMatchObject([{ delivered: true }]);
    expect(warnings).toEqual([
      'discord-webhook-url: the result was delivered as an edit, but the main step was stopped while posting the ' +
        'message with its mentions: it may not have been posted, and is not sent again (Discord cannot drop a ' +
        'duplicate); check the channel.',
    ]);
  });

  it('post: a follow-up main never started is said to be not posted', async () => {
    const settings = settingsFor({ 'discord-webhook-url': discord.webhookUrl() });
    const warnings: string[] = [];
    await notify({ status: 'failure' }, settings, () => failure, {
      edit: { 'discord-webhook-url': '1300000000000000001' },
      previous: {
        'discord-webhook-url': {
          fate: 'delivered',
          attempts: 1,
          httpStatus: 200,
          messageId: '1300000000000000001',
        },
        'discord-webhook-url (mentions)': {
          fate: 'retry-wait',
          attempts: 0,
          httpStatus: null,
          messageId: null,
        },
      },
      warn: (m) => warnings.push(m),
    });
    expect(warnings).toEqual([
      'discord-webhook-url: the result was delivered as an edit, but the main step was stopped before the ' +
        'message with its mentions was posted: no one was pinged.',
    ]);
  });
});
