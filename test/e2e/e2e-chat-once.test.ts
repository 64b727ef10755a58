// End to end from dist/: Slack and Teams post every request they get, so a notification main sent and never
// saw answered is not sent again by post (a warning says it may be lost), and a timed-out request is not
// retried within the step either.
import { afterEach, describe, expect, it } from 'vitest';
import { runAction } from '../support/action-runner.js';
import { startReceiver, type Receiver } from '../support/receiver.js';

const SLACK = '/services/T0ACME0001/B0JETSON01/xoxbFakeTokenAbCdEfGhIjKl';
const TEAMS = '/workflows/0a1b2c3d/triggers/manual/paths/invoke';

let receiver: Receiver | null = null;
afterEach(async () => {
  await receiver?.close();
  receiver = null;
});

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

describe('e2e: Slack and Teams get a message at most once', () => {
  it('main SIGKILLed while both requests hang: post sends neither again and warns for each', async () => {
    const { arrived, all } = arrivals(2);
    receiver = await startReceiver(
      {
        paths: {
          [SLACK]: [
            () => {
              arrived();
              return { hang: true };
            },
            { status: 200, body: 'ok' },
          ],
          [TEAMS]: [
            () => {
              arrived();
              return { hang: true };
            },
            { status: 202, body: '' },
          ],
        },
      },
      { maxHangMs: 20_000 },
    );
    const run = await runAction({
      inputs: {
        packages: 'numpy',
        'slack-webhook-url': `${receiver.url}${SLACK}`,
        'teams-webhook-url': `${receiver.url}${TEAMS}?sig=SIGsecretSIGsecret`,
        'upload-logs': 'false',
      },
      killOn: all,
      timeoutMs: 30_000,
    });
    expect(run.main.signal).toBe('SIGKILL');
    expect(receiver.requestsTo(SLACK)).toHaveLength(1);
    expect(receiver.requestsTo(TEAMS)).toHaveLength(1);
    const warnings = run.post.stdout.split('\n').filter((l) => l.startsWith('::warning'));
    expect(warnings.filter((l) => /Notification possibly lost/.test(l))).toHaveLength(2);
    expect(run.post.stdout).toMatch(
      /::warning[^\n]*slack-webhook-url\) may not have been delivered[^\n]*Slack cannot drop a duplicate/,
    );
    expect(run.post.stdout).toMatch(
      /::warning[^\n]*teams-webhook-url\) may not have been delivered[^\n]*Microsoft Teams cannot drop a duplicate/,
    );
    const notifications = JSON.parse(run.post.outputs.notifications ?? '[]') as {
      source: string;
      delivered: boolean;
    }[];
    expect(notifications.map((n) => [n.source, n.delivered])).toEqual([
      ['slack-webhook-url', false],
      ['teams-webhook-url', false],
    ]);
  });

  it('a Slack request that timed out is not retried, though retries are set', async () => {
    receiver = await startReceiver(
      { paths: { [SLACK]: [{ hang: true }, { status: 200, body: 'ok' }] } },
      { maxHangMs: 20_000 },
    );
    const run = await runAction({
      inputs: {
        packages: 'numpy',
        webhooks: `- url: ${receiver.url}${SLACK}\n  format: slack\n  timeout: 2\n  retries: 2`,
        'upload-logs': 'false',
      },
      timeoutMs: 40_000,
    });
    expect(receiver.requestsTo(SLACK)).toHaveLength(1);
    expect(run.main.stdout).toMatch(
      /::warning[^\n]*webhooks\[0\]\) was not delivered: timed out after 2 s; not retried: the request was sent and may have been delivered \(Slack cannot drop a repeated message\)/,
    );
  });
});
