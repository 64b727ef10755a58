// End to end: a cancel while a notification is in flight. dist/ main and post run as the runner runs them
// (SIGINT, SIGTERM 7.5 s later, SIGKILL 2.5 s after that) against loopback doubles that answer slowly or
// never. Discord cannot drop a duplicate, so it gets a message at most once; a generic receiver gets it at
// least once, always with the same webhook-id.
import { afterEach, describe, expect, it } from 'vitest';
import { runAction } from '../support/action-runner.js';
import { startReceiver, type Receiver } from '../support/receiver.js';
import { validateGenericPayload } from '../support/schema.js';

const TOKEN = 'e2eTokenExactlyOnce0123456789AbCdEfGhIjKlMn';
const DISCORD_PATH = `/api/v10/webhooks/111/${TOKEN}`;
const MESSAGE_ID = '1300000000000000042';

let receiver: Receiver | null = null;
afterEach(async () => {
  await receiver?.close();
  receiver = null;
});

/** Resolves once `count` requests have arrived (the callbacks are called from the receiver's script). */
function arrivals(count: number): { arrived: () => void; all: Promise<void> } {
  let seen = 0;
  let done: () => void = () => undefined;
  const all = new Promise<void>((resolve) => (done = resolve));
  return {
    arrived: () => {
      seen += 1;
      if (seen === count) done();
    },
    all,
  };
}

interface Notification {
  source: string;
  delivered: boolean;
  messageId: string | null;
}

describe('e2e: exactly once on cancel', () => {
  it('a slow Discord answer (4 s) that outlives the old 2.5 s grace is waited for: one message, its id in the outputs', async () => {
    const { arrived, all } = arrivals(1);
    receiver = await startReceiver({
      paths: {
        [DISCORD_PATH]: () => {
          arrived();
          return { delayMs: 4000, status: 200, body: { id: MESSAGE_ID } };
        },
      },
    });
    const run = await runAction({
      inputs: {
        packages: 'numpy',
        'discord-webhook-url': `${receiver.url}/api/webhooks/111/${TOKEN}`,
        'upload-logs': 'false',
      },
      cancelOn: all,
      timeoutMs: 20_000,
    });
    // Main saw the answer before the runner would have killed it, and post had nothing left to send.
    expect(run.main.signal).toBeNull();
    expect(receiver.requestsTo(DISCORD_PATH)).toHaveLength(1);
    expect(run.main.outputs['message-id']).toBe(MESSAGE_ID);
    const notifications = JSON.parse(run.main.outputs.notifications ?? '[]') as Notification[];
    expect(notifications).toMatchObject([
      { source: 'discord-webhook-url', delivered: true, messageId: MESSAGE_ID },
    ]);
    expect(run.state.phase).toBe('done');
    expect(run.post.stdout).not.toMatch(/Notifications: /);
  });

  it('requests that never answer: main hands off before SIGKILL; post skips Discord with a warning and re-sends the generic one with the same webhook-id', async () => {
    const { arrived, all } = arrivals(2);
    receiver = await startReceiver(
      {
        paths: {
          [DISCORD_PATH]: [
            () => {
              arrived();
              return { hang: true };
            },
            // A second message would be answered (and counted): Discord posts every request it gets.
            { status: 200, body: { id: MESSAGE_ID } },
          ],
          '/generic': [
            () => {
              arrived();
              return { hang: true };
            },
            { status: 200, body: 'ok' },
          ],
        },
      },
      { maxHangMs: 20_000 },
    );
    const run = await runAction({
      inputs: {
        packages: 'numpy',
        'discord-webhook-url': `${receiver.url}/api/webhooks/111/${TOKEN}`,
        'webhook-url': `${receiver.url}/generic`,
        'webhook-timeout': '30',
        'upload-logs': 'false',
      },
      cancelOn: all,
      timeoutMs: 20_000,
    });
    // Main used the runner's time but left on its own, before SIGKILL, with both requests still open.
    expect(run.main.signal).toBeNull();
    expect(run.main.code).toBe(1);
    expect(run.state.phase).toBe('reported');
    expect(run.main.stdout).toMatch(/post step finishes what is left/);

    expect(receiver.requestsTo(DISCORD_PATH)).toHaveLength(1);
    expect(run.post.stdout).toMatch(
      /::warning[^\n]*discord-webhook-url[^\n]*may not have been delivered[^\n]*not sent again/,
    );
    const generic = receiver.requestsTo('/generic');
    expect(generic).toHaveLength(2);
    expect(generic[1]?.headers['webhook-id']).toBe(generic[0]?.headers['webhook-id']);
    expect(validateGenericPayload(generic[1]?.json).status).toBe('success');
    const notifications = JSON.parse(run.post.outputs.notifications ?? '[]') as Notification[];
    expect(notifications).toMatchObject([
      { source: 'discord-webhook-url', delivered: false },
      { source: 'webhook-url', delivered: true },
    ]);
    // `::add-mask::` lines hand the secret to the runner, which consumes them; nothing else shows it.
    const shown = run.post.stdout
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n');
    expect(shown).not.toContain(TOKEN);
  });

  it('a Discord message waiting to retry (429) when the cancel comes is not in flight: post sends it', async () => {
    const { arrived, all } = arrivals(1);
    receiver = await startReceiver({
      paths: {
        [DISCORD_PATH]: [
          () => {
            arrived();
            return { status: 429, body: { message: 'You are being rate limited.', retry_after: 20 } };
          },
          { status: 200, body: { id: MESSAGE_ID } },
        ],
      },
    });
    const run = await runAction({
      inputs: {
        packages: 'numpy',
        'discord-webhook-url': `${receiver.url}/api/webhooks/111/${TOKEN}`,
        'upload-logs': 'false',
      },
      cancelOn: all,
      timeoutMs: 20_000,
    });
    expect(run.main.signal).toBeNull();
    expect(run.state.phase).toBe('reported');
    expect(run.main.stdout).not.toMatch(/not answered in time/);
    expect(run.post.stdout).not.toMatch(/possibly lost|may not have been delivered/);
    expect(receiver.requestsTo(DISCORD_PATH)).toHaveLength(2);
    expect(run.post.outputs['message-id']).toBe(MESSAGE_ID);
  });

  it('main SIGKILLed mid-request: the same choice per target, from what main recorded', async () => {
    const { arrived, all } = arrivals(2);
    receiver = await startReceiver(
      {
        paths: {
          [DISCORD_PATH]: [
            () => {
              arrived();
              return { hang: true };
            },
            // A second message would be answered (and counted): Discord posts every request it gets.
            { status: 200, body: { id: MESSAGE_ID } },
          ],
          '/generic': [
            () => {
              arrived();
              return { hang: true };
            },
            { status: 204 },
          ],
        },
      },
      { maxHangMs: 20_000 },
    );
    const run = await runAction({
      inputs: {
        packages: 'numpy',
        'discord-webhook-url': `${receiver.url}/api/webhooks/111/${TOKEN}`,
        'webhook-url': `${receiver.url}/generic`,
        'upload-logs': 'false',
      },
      killOn: all,
      timeoutMs: 20_000,
    });
    expect(run.main.signal).toBe('SIGKILL');
    expect(run.state.phase).toBe('finishing');
    expect(receiver.requestsTo(DISCORD_PATH)).toHaveLength(1);
    expect(run.post.stdout).toMatch(/::warning[^\n]*discord-webhook-url[^\n]*not sent again/);
    const generic = receiver.requestsTo('/generic');
    expect(generic).toHaveLength(2);
    expect(generic[1]?.headers['webhook-id']).toBe(generic[0]?.headers['webhook-id']);
  });
});
