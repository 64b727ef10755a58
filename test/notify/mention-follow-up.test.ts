// A result delivered as an edit pings through a follow-up message (Discord notifies nobody for a mention an
// edit adds): in the live message's own thread, with the sender of the result, only after the edit landed;
// the edit names and allows nobody.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('@actions/core', () => ({ setSecret: () => {} }));

import { createMessage } from '../../src/notify/discord-api.js';
import { notify } from '../../src/notify/index.js';
import { splitMentions } from '../../src/notify/render/mention-follow-up.js';
import { resolveNotifySettings } from '../../src/notify/targets.js';
import type { NotifySettings, RenderedMessage, Target } from '../../src/notify/types.js';
import { resetSecretsForTest } from '../../src/runner/secrets.js';
import { startDiscordDouble, type DiscordDouble } from '../support/discord-double.js';
import { expectValidDiscordBody } from '../support/discord-spec.js';

const USER = '333333333333333333';
const ROLE = '444444444444444444';
const JOB = 'https://github.com/octo-org/jetson-images/actions/runs/4242/job/9001';

let discord: DiscordDouble;
beforeEach(async () => {
  resetSecretsForTest();
  discord = await startDiscordDouble();
});
afterEach(async () => {
  await discord.close();
});

function settingsFor(inputs: Record<string, string>): NotifySettings {
  return resolveNotifySettings((name) => inputs[name] ?? '', { JETSON_BUILD_NOTIFY_DEADLINE_SECONDS: '10' });
}

/** A failure as the renderers make it with discord-mention-on-failure: the mention line first in content. */
const failure: RenderedMessage = {
  body: {
    username: 'Jetson CI',
    content: `<@${USER}> <@&${ROLE}>`,
    embeds: [{ title: '❌ nano_llm failed at build 3/9', url: JOB, color: 16711680 }],
    allowed_mentions: { parse: [], users: [USER], roles: [ROLE] },
  },
  files: [],
};

describe('splitMentions', () => {
  it('an edit without mentions, and a follow-up with exactly them, the headline and the job link', () => {
    const split = splitMentions(failure);
    expect(split?.edit.body).toEqual({
      username: 'Jetson CI',
      content: '',
      embeds: [{ title: '❌ nano_llm failed at build 3/9', url: JOB, color: 16711680 }],
      allowed_mentions: { parse: [] },
    });
    expect(split?.followUp.body).toEqual({
      content: `🔔 <@${USER}> <@&${ROLE}> ❌ nano\\_llm failed at build 3/9 · [Job](<${JOB}>)`,
      allowed_mentions: { parse: [], users: [USER], roles: [ROLE] },
      username: 'Jetson CI',
    });
    expectValidDiscordBody(split?.followUp.body, 'create');
  });

  it('keeps the rest of the content (upstream layout) without the mention line', () => {
    const body = { ...(failure.body as object), content: `<@${USER}> <@&${ROLE}>\n**Build failed**` };
    expect((splitMentions({ body, files: [] })?.edit.body as { content: string }).content).toBe(
      '**Build failed**',
    );
  });

  it('nothing to split for a message that pings nobody', () => {
    expect(splitMentions({ body: { embeds: [], allowed_mentions: { parse: [] } }, files: [] })).toBeNull();
  });
});

describe('notify() editing a message', () => {
  it('posts the follow-up in the thread the edited message lives in, after the edit', async () => {
    // A forum post made with thread_name: its message is found only through its own thread.
    const settings = settingsFor({
      'discord-webhook-url': discord.webhookUrl(),
      'discord-thread-name': 'builds',
    });
    const target = settings.targets[0] as Target;
    const created = await createMessage(target, {
      body: {
        thread_name: 'builds',
        embeds: [{ title: '🔨 Building nano_llm' }],
        allowed_mentions: { parse: [] },
      },
      files: [],
    });
    if (!created.ok) throw new Error('no live message');
    const ref = `${created.message.id}:${created.message.channelId}`;
    const outcome = await notify({ status: 'failure' }, settings, () => failure, {
      edit: { 'discord-webhook-url': ref },
    });
    expect(outcome.results).toMatchObject([{ delivered: true, messageId: created.message.id }]);
    const [edit] = discord.requestsOf('edit');
    expect((edit?.body as { allowed_mentions: unknown }).allowed_mentions).toEqual({ parse: [] });
    const ping = discord.requestsOf('create')[1];
    expect(ping?.index).toBeGreaterThan(edit?.index ?? Infinity);
    expect(ping?.query.thread_id).toBe(created.message.channelId);
    expect(discord.messages().map((m) => m.threadId)).toEqual([
      created.message.channelId,
      created.message.channelId,
    ]);
  });

  it('a follow-up that fails: one warning, and the result stays delivered', async () => {
    const settings = settingsFor({ 'discord-webhook-url': discord.webhookUrl(), 'webhook-retries': '0' });
    const target = settings.targets[0] as Target;
    const created = await createMessage(target, { body: { content: 'building…' }, files: [] });
    if (!created.ok) throw new Error('no live message');
    discord.fault({ method: 'POST', times: 1, fault: { status: 500 } });
    const warnings: string[] = [];
    const outcome = await notify({ status: 'failure' }, settings, () => failure, {
      edit: { 'discord-webhook-url': created.message.id },
      warn: (m) => warnings.push(m),
    });
    expect(outcome.results).toMatchObject([{ delivered: true }]);
    expect(warnings).toEqual([
      'discord-webhook-url: the result was delivered as an edit, but the message with its mentions was not posted: HTTP 500: error 500 (code 0) (1 attempt)',
    ]);
  });
});
