// Issue 16: the fleet's Discord settings reach the live run message too. Posted into the workflow's
// discord-thread-id, as its username and avatar, with an id that names the thread, so that every leg's edit
// and the summary's (which only edit, and Discord finds a thread's message only through its thread) land.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Agent } from 'undici';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { planMatrix } from '../../src/fleet/plan.js';
import { announceRun } from '../../src/fleet/plan-main.js';
import { getMessage } from '../../src/notify/discord-api.js';
import { normalizeDiscordUrl } from '../../src/notify/targets.js';
import { parseCommandFile } from '../support/action-runner.js';
import { startDiscordDouble, type DiscordDouble } from '../support/discord-double.js';

const ENV = { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/app', GITHUB_RUN_ID: '42' };
const inputs =
  (values: Record<string, string>) =>
  (name: string): string =>
    values[name] ?? '';

let double: DiscordDouble;
let dispatcher: Agent;
let outDir: string;
const savedOutput = process.env.GITHUB_OUTPUT;

beforeAll(async () => {
  double = await startDiscordDouble();
  dispatcher = new Agent({ connections: 8 });
});
afterAll(async () => {
  await dispatcher.close();
  await double.close();
});
beforeEach(() => {
  outDir = mkdtempSync(path.join(os.tmpdir(), 'jba-live-thread-'));
  process.env.GITHUB_OUTPUT = path.join(outDir, 'output');
  writeFileSync(process.env.GITHUB_OUTPUT, '');
});
afterEach(() => {
  if (savedOutput === undefined) delete process.env.GITHUB_OUTPUT;
  else process.env.GITHUB_OUTPUT = savedOutput;
  rmSync(outDir, { recursive: true, force: true });
  vi.restoreAllMocks();
});

describe('the live run message with the workflow’s Discord settings', () => {
  it('is posted into the thread as the username and avatar, and its id names the thread', async () => {
    const id = await announceRun(
      planMatrix(['numpy', 'torchvision']),
      inputs({
        'discord-live': 'true',
        'discord-webhook-url': double.webhookUrl(),
        'discord-thread-id': '555000000000000001',
        'discord-username': 'Jetson fleet',
        'discord-avatar-url': 'https://example.com/jetson.png',
      }),
      { env: ENV, dispatcher },
    );
    const [create] = double.requestsOf('create').slice(-1);
    expect(create?.query['thread_id']).toBe('555000000000000001');
    expect(create?.body).toMatchObject({
      username: 'Jetson fleet',
      avatar_url: 'https://example.com/jetson.png',
    });
    const messageId = double.messages().at(-1)?.id as string;
    expect(id).toBe(`${messageId}:555000000000000001`);
    expect(
      parseCommandFile(readFileSync(process.env.GITHUB_OUTPUT as string, 'utf8'))['discord-message-id'],
    ).toBe(id);
    // What a leg and the summary do with that id: found in its thread.
    const target = { url: normalizeDiscordUrl(double.webhookUrl()), timeoutMs: 5000 };
    expect((await getMessage(target, id, { dispatcher })).ok).toBe(true);
    expect((await getMessage(target, messageId, { dispatcher })).ok).toBe(false);
  });

  it('a thread id that is not one: a warning naming the input, and no live message', async () => {
    const warned: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      warned.push(String(chunk));
      return true;
    });
    const before = double.requests.length;
    const id = await announceRun(
      planMatrix(['numpy']),
      inputs({
        'discord-live': 'true',
        'discord-webhook-url': double.webhookUrl(),
        'discord-thread-id': 'general',
      }),
      { env: ENV, dispatcher },
    );
    expect(id).toBe('');
    expect(double.requests.length).toBe(before);
    expect(warned.join('')).toContain(
      `::warning::Input 'discord-thread-id' is "general": expected a numeric Discord thread id; no live run message is posted.`,
    );
  });
});
