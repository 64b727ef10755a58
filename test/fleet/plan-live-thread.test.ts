// Issue 16: the fleet's Discord settings reach the live run message too. Posted into the workflow's
// discord-thread-id, as its username and avatar, with an id that names the thread, so that every leg's edit
// and the summary's (which only edit, and Discord finds a thread's message only through its thread) land.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { planMatrix } from '../../src/fleet/plan.js';
import { announceRun } from '../../src/fleet/plan-main.js';
import { getMessage } from '../../src/notify/discord-api.js';
import { normalizeDiscordUrl } from '../../src/notify/targets.js';
import { captureStdout, inputs, outputs, useLiveDiscord, useOutputFile } from '../support/plan-run.js';

const ENV = { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/app', GITHUB_RUN_ID: '42' };
const discord = useLiveDiscord(8);
useOutputFile('jba-live-thread-');
afterEach(() => vi.restoreAllMocks());

describe('the live run message with the workflow’s Discord settings', () => {
  it('is posted into the thread as the username and avatar, and its id names the thread', async () => {
    const id = await announceRun(
      planMatrix(['numpy', 'torchvision']),
      inputs({
        'discord-live': 'true',
        'discord-webhook-url': discord.double.webhookUrl(),
        'discord-thread-id': '555000000000000001',
        'discord-username': 'Jetson fleet',
        'discord-avatar-url': 'https://example.com/jetson.png',
      }),
      { env: ENV, dispatcher: discord.dispatcher },
    );
    const [create] = discord.double.requestsOf('create').slice(-1);
    expect(create?.query['thread_id']).toBe('555000000000000001');
    expect(create?.body).toMatchObject({
      username: 'Jetson fleet',
      avatar_url: 'https://example.com/jetson.png',
    });
    const messageId = discord.double.messages().at(-1)?.id as string;
    expect(id).toBe(`${messageId}:555000000000000001`);
    expect(outputs()['discord-message-id']).toBe(id);
    // What a leg and the summary do with that id: found in its thread.
    const target = { url: normalizeDiscordUrl(discord.double.webhookUrl()), timeoutMs: 5000 };
    expect((await getMessage(target, id, { dispatcher: discord.dispatcher })).ok).toBe(true);
    expect((await getMessage(target, messageId, { dispatcher: discord.dispatcher })).ok).toBe(false);
  });

  it('a thread id that is not one: a warning naming the input, and no live message', async () => {
    const warned = captureStdout();
    const before = discord.double.requests.length;
    const id = await announceRun(
      planMatrix(['numpy']),
      inputs({
        'discord-live': 'true',
        'discord-webhook-url': discord.double.webhookUrl(),
        'discord-thread-id': 'general',
      }),
      { env: ENV, dispatcher: discord.dispatcher },
    );
    expect(id).toBe('');
    expect(discord.double.requests.length).toBe(before);
    expect(warned.join('')).toContain(
      `::warning::Input 'discord-thread-id' is "general": expected a numeric Discord thread id; no live run message is posted.`,
    );
  });
});
