// End to end from dist/, for the issue 12 review: a test sample is marked in every format, Slack takes the
// message-template, delivery notes reach the job log, a Power Automate URL masks only its `sig`, a template
// file that leads outside the workspace is refused, and a deleted live message gets the result with its
// mentions (no follow-up).
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runAction } from '../support/action-runner.js';
import { startDiscordDouble, type DiscordDouble } from '../support/discord-double.js';
import { startReceiver, type Receiver } from '../support/receiver.js';

const SLACK = '/services/T0ACME0001/B0JETSON01/xoxbFakeTokenAbCdEfGhIjKl';
const TEAMS = '/workflows/0a1b2c3d/triggers/manual/paths/invoke';
const TOKEN = 'revTok_AbCdEfGhIjKlMnOpQrStUvWxYz-0123456789abcdefghijklmnopqr';
const USER = '333333333333333333';
const LOOPBACK = { NO_PROXY: '127.0.0.1', no_proxy: '127.0.0.1' };
const MARKER = '🧪 Test notification from jetson-build-action — not a real build';

let receiver: Receiver | null = null;
let discord: DiscordDouble | null = null;
afterEach(async () => {
  await receiver?.close();
  await discord?.close();
  receiver = null;
  discord = null;
});

const shown = (stdout: string): string =>
  stdout
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');

describe('e2e: chat formats after the issue 12 review', () => {
  it('test-notification: Slack, Teams, Discord and generic each say it is a test', async () => {
    receiver = await startReceiver({
      paths: {
        [SLACK]: { status: 200, body: 'ok' },
        [TEAMS]: { status: 202, body: '' },
        [`/api/v10/webhooks/111/${TOKEN}`]: { status: 200, body: { id: '1300000000000000042' } },
      },
      fallback: { status: 204 },
    });
    const run = await runAction({
      inputs: {
        'test-notification': 'true',
        'slack-webhook-url': `${receiver.url}${SLACK}`,
        'teams-webhook-url': `${receiver.url}${TEAMS}?sig=SIGsecretSIGsecret`,
        'discord-webhook-url': `${receiver.url}/api/webhooks/111/${TOKEN}`,
        'webhook-url': `${receiver.url}/generic`,
      },
    });
    expect(run.main.code).toBe(0);
    const slack = receiver.requestsTo(SLACK)[0]?.json as {
      text: string;
      attachments: { blocks: { text: { text: string } }[] }[];
    };
    expect(slack.text.startsWith(`${MARKER} · `)).toBe(true);
    expect(slack.attachments[0]?.blocks[0]?.text.text.startsWith('🧪 Test: ')).toBe(true);
    const teams = receiver.requestsTo(TEAMS)[0]?.json as {
      attachments: { content: { body: { text: string }[] } }[];
    };
    expect(teams.attachments[0]?.content.body[0]?.text).toBe(MARKER);
    const discordBody = receiver.requestsTo(`/api/v10/webhooks/111/${TOKEN}`)[0]?.json as { content: string };
    expect(discordBody.content.startsWith(`**${MARKER}**`)).toBe(true);
    expect((receiver.requestsTo('/generic')[0]?.json as { event: string }).event).toBe('jetson.test');
  });

  it('Slack takes message-template as its text line', async () => {
    receiver = await startReceiver({ paths: { [SLACK]: { status: 200, body: 'ok' } } });
    const run = await runAction({
      inputs: {
        packages: 'numpy',
        'slack-webhook-url': `${receiver.url}${SLACK}`,
        'message-template': 'CUSTOM {{status}} *{{packages}}*',
        'upload-logs': 'false',
      },
    });
    expect(run.main.code).toBe(0);
    expect((receiver.requestsTo(SLACK)[0]?.json as { text: string }).text).toBe('CUSTOM success *numpy*');
  });

  it("the retries and Slack's 200 that is not `ok` reach the job log and the notifications output", async () => {
    receiver = await startReceiver({
      paths: {
        [SLACK]: [
          { status: 429, headers: { 'retry-after': '1' }, body: 'rate_limited' },
          { status: 200, body: 'weird_answer' },
        ],
      },
    });
    const run = await runAction({
      inputs: { packages: 'numpy', 'slack-webhook-url': `${receiver.url}${SLACK}`, 'upload-logs': 'false' },
    });
    expect(run.main.stdout).toMatch(
      /slack-webhook-url: attempt 1 failed \(HTTP 429[^\n]*\); retrying in 1 s/,
    );
    const note =
      'HTTP 200 but the answer was not `ok` (weird_answer); counted as delivered, as Slack documents any 200';
    expect(run.main.stdout).toContain(`slack-webhook-url: ${note}`);
    const [result] = JSON.parse(run.main.outputs.notifications ?? '[]') as { note: string }[];
    expect(result?.note).toBe(note);
  });

  it('a Power Automate URL masks its sig, not api-version or sp', async () => {
    receiver = await startReceiver({ fallback: { status: 202, body: '' } });
    const sig = 'SIGzz9yy8xx7ww6vv5uu4tt3ss';
    const run = await runAction({
      inputs: {
        packages: 'numpy',
        'teams-webhook-url': `${receiver.url}${TEAMS}?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=${sig}`,
        'upload-logs': 'false',
      },
    });
    expect(run.main.code).toBe(0);
    const masks = run.main.stdout.split('\n').filter((l) => l.startsWith('::add-mask::'));
    expect(masks).toContain(`::add-mask::${sig}`);
    expect(
      masks.filter((l) => /^::add-mask::(2016-06-01|\/triggers\/manual\/run|%2Ftriggers)/.test(l)),
    ).toEqual([]);
  });

  it('payload-template-file linked to a file outside the workspace: refused before the build, nothing of it shown', async () => {
    receiver = await startReceiver({ fallback: { status: 204 } });
    const root = mkdtempSync(path.join(tmpdir(), 'e2e-tplfile-'));
    const ws = path.join(root, 'ws');
    mkdirSync(ws);
    writeFileSync(path.join(root, 'config.json'), '{"token": "outsideSecretValue42"}\n');
    symlinkSync(path.join(root, 'config.json'), path.join(ws, 'notify.json'));
    const run = await runAction({
      inputs: {
        packages: 'numpy',
        'webhook-url': `${receiver.url}/g`,
        'payload-template-file': 'notify.json',
        'upload-logs': 'false',
      },
      env: { GITHUB_WORKSPACE: ws },
    });
    expect(run.main.code).toBe(1);
    expect(receiver.requests).toHaveLength(0);
    expect(run.main.stdout).toContain(
      `Input 'payload-template-file' has an invalid value "notify.json": a file inside the workspace (${ws}); it leads outside it`,
    );
    expect(run.main.stdout + run.main.stderr).not.toContain('outsideSecretValue42');
  });

  it('the live message was deleted mid-build: the result is posted anew with its mentions, and no follow-up', async () => {
    const d = (discord = await startDiscordDouble());
    void d
      .waitFor((rs) => rs.some((r) => r.kind === 'create' && r.status === 200), 30_000)
      .then(() => {
        const id = d.messages()[0]?.id;
        if (id) d.deleteMessage(id);
      });
    const run = await runAction({
      timeoutMs: 60_000,
      inputs: {
        packages: 'synth-3',
        'skip-tests': 'all',
        'discord-webhook-url': d.webhookUrl('111', TOKEN),
        'discord-live': 'true',
        'discord-live-interval': '2',
        'discord-mention-on-failure': `<@${USER}>`,
        'upload-logs': 'false',
      },
      env: {
        ...LOOPBACK,
        FAKE_JC_SYNTH_STAGES: '3',
        FAKE_JC_STAGE_DELAY_MS: '700',
        FAKE_JC_FAIL_STAGE: 'synth-3',
      },
    });
    expect(run.main.code).toBe(1);
    const creates = d.requestsOf('create');
    // The live message, then the result as a new message: it pings by itself.
    expect(creates).toHaveLength(2);
    const result = creates[1]?.body as { content: string; allowed_mentions: { users?: string[] } };
    expect(result.content).toContain(`<@${USER}>`);
    expect(result.allowed_mentions.users).toEqual([USER]);
    expect(shown(run.main.stdout)).toMatch(/posting the result as a new message/);
  });

  it('main killed while the follow-up with the mentions is in flight: post warns that the ping may be lost', async () => {
    const d = (discord = await startDiscordDouble({ maxHangMs: 15_000 }));
    // Once the live message exists, every new message hangs: the follow-up never gets its answer.
    void d
      .waitFor((rs) => rs.some((r) => r.kind === 'create' && r.status === 200), 30_000)
      .then(() => d.fault({ method: 'POST', fault: { hang: true } }));
    const killOn = d.waitFor((rs) => rs.filter((r) => r.kind === 'create').length >= 2, 60_000);
    const run = await runAction({
      timeoutMs: 60_000,
      killOn,
      inputs: {
        packages: 'synth-3',
        'skip-tests': 'all',
        'discord-webhook-url': d.webhookUrl('111', TOKEN),
        'discord-live': 'true',
        'discord-live-interval': '2',
        'discord-mention-on-failure': `<@${USER}>`,
        'upload-logs': 'false',
      },
      env: {
        ...LOOPBACK,
        FAKE_JC_SYNTH_STAGES: '3',
        FAKE_JC_STAGE_DELAY_MS: '300',
        FAKE_JC_FAIL_STAGE: 'synth-3',
      },
    });
    expect(run.main.signal).toBe('SIGKILL');
    // Post sent nothing new: the edit was delivered, the follow-up may have been.
    expect(d.requestsOf('create')).toHaveLength(2);
    expect(run.post.stdout).toMatch(
      /::warning[^\n]*discord-webhook-url: the result was delivered as an edit, but the main step was stopped while posting the message with its mentions: it may not have been posted/,
    );
  });
});
