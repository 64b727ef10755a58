// End to end: dist/ notifying a loopback receiver in the Discord and generic formats — signed, retried,
// one notification per target per build (also after a cancel), and no secret anywhere it should not be.
import { readFileSync } from 'node:fs';
import { Webhook } from 'standardwebhooks';
import { verify as verifyGithub } from '@octokit/webhooks-methods';
import { afterEach, describe, expect, it } from 'vitest';
import type { BuildReport } from '../../src/report/build-report.js';
import { runAction } from '../support/action-runner.js';
import { startReceiver, type Receiver } from '../support/receiver.js';
import { validateGenericPayload, validateReport } from '../support/schema.js';
import { checkDiscordLimits } from '../../src/notify/render/discord.js';

const TOKEN = 'e2eTokenAbCdEfGhIjKlMnOpQrStUvWxYz0123456789';
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

let receiver: Receiver | null = null;
afterEach(async () => {
  await receiver?.close();
  receiver = null;
});

/** `::add-mask::` lines hand secrets to the runner, which consumes them; everything else must be clean. */
function noSecretsIn(texts: string[], secrets: string[]): void {
  for (const raw of texts) {
    const text = raw
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n');
    for (const s of secrets) expect(text.includes(s), `leaked ${s.slice(0, 6)}…`).toBe(false);
  }
}

describe('e2e: dist/ notifications', () => {
  it('posts a Discord message and a signed generic payload for a failed --multiple build', async () => {
    receiver = await startReceiver({
      paths: { [`/api/v10/webhooks/111/${TOKEN}`]: { status: 200, body: { id: '1300000000000000001' } } },
      fallback: { status: 204 },
    });
    const discordUrl = `${receiver.url}/api/webhooks/111/${TOKEN}`;
    const genericUrl = `${receiver.url}/hooks/jetson?key=${TOKEN}`;
    const run = await runAction({
      inputs: {
        packages: 'numpy torchvision',
        multiple: 'true',
        'skip-errors': 'true',
        'discord-webhook-url': discordUrl,
        'webhook-url': genericUrl,
        'webhook-secret': SECRET,
        'upload-logs': 'false',
      },
      env: { FAKE_JC_FAIL_STAGE: 'torchvision' },
    });
    expect(run.main.code).toBe(1);
    expect(receiver.requests.length).toBe(2);

    const discord = receiver.requests.find((r) => r.path.startsWith('/api/v10/webhooks/'));
    expect(discord?.query.wait).toBe('true');
    const body = (discord?.json ?? discord?.multipart?.payloadJson) as {
      content?: string;
      embeds: { title: string; color: number; url: string; description: string; footer: { text: string } }[];
      allowed_mentions: unknown;
    };
    // The default (compact) message: what broke and where in the title, links first, nothing runner-local.
    const embed = body.embeds[0]!;
    expect(body.content).toBeUndefined();
    expect(embed.title).toBe('❌ torchvision failed at build 9/9');
    expect(embed.url).toBe('https://github.com/octo-org/jetson-images/actions/runs/4242');
    const lines = embed.description.split('\n');
    expect(lines[0]).toBe('[Run](https://github.com/octo-org/jetson-images/actions/runs/4242)');
    expect(lines.filter((l) => /^(❌|✅) /.test(l)).map((l) => l.slice(0, 2).trim())).toEqual(['❌', '✅']);
    expect(lines.length + 2).toBeLessThanOrEqual(25);
    expect(embed.footer.text).toMatch(/^L4T 36\.4\.\d+ · JetPack/);
    const logDir = (JSON.parse(readFileSync(run.main.outputs['report-file'] ?? '', 'utf8')) as BuildReport)
      .logs.dir;
    expect(JSON.stringify(body)).not.toContain(logDir);
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(checkDiscordLimits(body)).toEqual([]);
    // A failure attaches the failing stage's log tail (discord-attach-log defaults to failure).
    expect(discord?.multipart?.files.length).toBe(1);
    expect(String(discord?.headers['user-agent'])).toMatch(/^DiscordBot \(/);

    const generic = receiver.requests.find((r) => r.path === '/hooks/jetson');
    const payload = validateGenericPayload(generic?.json);
    expect(payload.status).toBe('failure');
    expect(payload.failed_packages).toEqual(['torchvision']);
    expect(payload.run_url).toBe('https://github.com/octo-org/jetson-images/actions/runs/4242');
    // Verified by the independent Standard Webhooks implementation on the bytes received.
    const wh = new Webhook(SECRET);
    expect(() =>
      wh.verify(generic?.body.toString('utf8') ?? '', generic?.headers as Record<string, string>),
    ).not.toThrow();

    const notifications = JSON.parse(run.main.outputs.notifications ?? '[]') as {
      delivered: boolean;
      url: string;
    }[];
    expect(notifications.map((n) => n.delivered)).toEqual([true, true]);
    expect(run.main.outputs['message-id']).toBe('1300000000000000001');
    const report = validateReport(JSON.parse(readFileSync(run.main.outputs['report-file'] ?? '', 'utf8')));
    expect(report.status).toBe('failure');
    // Post sends nothing more: exactly one notification per target.
    expect(receiver.requests.length).toBe(2);

    noSecretsIn(
      [
        run.main.stdout,
        run.post.stdout,
        run.summary,
        run.main.outputs.notifications ?? '',
        JSON.stringify(payload),
      ],
      [TOKEN, SECRET],
    );
  });

  it('retries a 500, signs GitHub-style, and keeps the build green when a target is gone (404)', async () => {
    const secret = "It's a Secret to Everybody";
    receiver = await startReceiver({
      paths: {
        '/flaky': [{ status: 500 }, { status: 200, body: 'ok' }],
        '/gone': { status: 404, body: 'not found' },
      },
    });
    const run = await runAction({
      inputs: {
        packages: 'numpy',
        webhooks: JSON.stringify([
          { url: `${receiver.url}/flaky`, secret, signature: 'github', retries: 3 },
          { url: `${receiver.url}/gone` },
        ]),
        'upload-logs': 'false',
      },
    });
    expect(run.main.code).toBe(0);
    expect(run.main.outputs.status).toBe('success');
    const flaky = receiver.requestsTo('/flaky');
    expect(flaky.length).toBe(2);
    expect(flaky[0]?.headers['webhook-id']).toBe(flaky[1]?.headers['webhook-id']);
    const sig = String(flaky[1]?.headers['x-hub-signature-256']);
    expect(await verifyGithub(secret, flaky[1]?.body.toString('utf8') ?? '', sig)).toBe(true);
    expect(receiver.requestsTo('/gone').length).toBe(1);
    expect(run.main.stdout).toMatch(/::warning title=Notification not delivered::.*404/);
  });

  it('fail-on-notify-error turns an undelivered notification into a failed step', async () => {
    receiver = await startReceiver({ fallback: { status: 400, body: 'bad' } });
    const run = await runAction({
      inputs: {
        packages: 'numpy',
        'webhook-url': `${receiver.url}/x`,
        'fail-on-notify-error': 'true',
        'upload-logs': 'false',
      },
    });
    expect(run.main.outputs.status).toBe('success');
    expect(run.main.code).toBe(1);
    expect(run.main.stdout).toMatch(/not delivered \(fail-on-notify-error is true\)/);
  });

  it('a cancelled build is notified once, by post, with status cancelled', async () => {
    receiver = await startReceiver({ fallback: { status: 200, body: { id: '42' } } });
    const run = await runAction({
      inputs: {
        packages: 'numpy',
        'discord-webhook-url': `${receiver.url}/api/webhooks/1/${TOKEN}`,
        'webhook-url': `${receiver.url}/generic`,
        'upload-logs': 'false',
      },
      env: { FAKE_JC_WAIT_SIGNAL: '1' },
      cancelWhen: 'Building pip_cache',
    });
    expect(run.main.code).toBe(1);
    expect(receiver.requests.length).toBe(2);
    const generic = validateGenericPayload(receiver.requestsTo('/generic')[0]?.json);
    expect(generic.status).toBe('cancelled');
    const discord = receiver.requests.find((r) => r.path.includes('/webhooks/'));
    const body = (discord?.json ?? discord?.multipart?.payloadJson) as { embeds: { title: string }[] };
    expect(body.embeds[0]?.title).toBe('⏹ numpy cancelled at build 2/4 (pip\\_cache)');
    noSecretsIn([run.main.stdout, run.post.stdout, run.summary], [TOKEN]);
  });

  it('a cancel while notifying: main hands off in time, post sends only what was not delivered, with the same id', async () => {
    let arrived: () => void = () => undefined;
    const slowArrived = new Promise<void>((resolve) => (arrived = resolve));
    receiver = await startReceiver({
      paths: {
        '/fast': { status: 200, body: 'ok' },
        '/slow': [
          () => {
            arrived();
            return { hang: true };
          },
          { status: 200, body: 'ok' },
        ],
      },
    });
    const run = await runAction({
      inputs: {
        packages: 'numpy',
        webhooks: JSON.stringify([
          { url: `${receiver.url}/fast` },
          { url: `${receiver.url}/slow`, timeout: 60 },
        ]),
        'upload-logs': 'false',
      },
      cancelOn: slowArrived,
    });
    // Main stopped well before the runner's SIGTERM (7.5 s after SIGINT) and left the rest to post.
    expect(run.main.signal).toBeNull();
    expect(run.state.phase).toBe('reported');
    expect(JSON.parse(run.state.delivered ?? '[]')).toEqual(['webhooks[0]']);
    expect(run.main.stdout).toMatch(/post step finishes what is left/);
    expect(receiver.requestsTo('/fast').length).toBe(1);
    const slow = receiver.requestsTo('/slow');
    expect(slow.length).toBe(2);
    expect(slow[0]?.headers['webhook-id']).toBe(slow[1]?.headers['webhook-id']);
    // The build itself finished: its report is the truth, not "cancelled".
    expect(validateGenericPayload(slow[1]?.json).status).toBe('success');
  });

  it('secrets a build prints never leave in a payload', async () => {
    receiver = await startReceiver({ fallback: { status: 204 } });
    const secret = 'sk-build-secret-1234567890';
    const run = await runAction({
      inputs: {
        packages: 'numpy',
        'webhook-url': `${receiver.url}/hook`,
        'webhook-headers': JSON.stringify({ Authorization: `Bearer ${secret}` }),
        'upload-logs': 'false',
      },
      env: { FAKE_JC_FAIL_STAGE: 'build-essential', FAKE_JC_ECHO: `token ${secret}` },
    });
    expect(run.main.outputs.status).toBe('failure');
    // The secret really is in the failure excerpt the payload is made from (scrubbed in report.json too, which
    // is uploaded and read by the fleet summary)…
    const report = JSON.parse(readFileSync(run.main.outputs['report-file'] ?? '', 'utf8')) as BuildReport;
    expect(report.failure?.excerpt).toContain('token ***');
    // …and it does not leave in the notification.
    const body = receiver.requests[0]?.body.toString('utf8') ?? '';
    expect(body.length).toBeGreaterThan(100);
    expect(body).not.toContain(secret);
  });

  it('falls back to upstream JC_BUILD_FAILURE_WEBHOOK_URL and never passes it to the build', async () => {
    receiver = await startReceiver({ fallback: { status: 204 } });
    const run = await runAction({
      inputs: { packages: 'nonexistentpkg', 'upload-logs': 'false' },
      env: {
        JC_BUILD_FAILURE_WEBHOOK_URL: `${receiver.url}/failure`,
        JC_BUILD_SUCCESS_WEBHOOK_URL: `${receiver.url}/success`,
        FAKE_JC_ECHO_ENV: 'JC_BUILD_FAILURE_WEBHOOK_URL',
      },
    });
    expect(run.main.outputs.status).toBe('failure');
    expect(receiver.requests.map((r) => r.path)).toEqual(['/failure']);
    expect(run.main.stdout).toContain('JC_BUILD_FAILURE_WEBHOOK_URL=<unset>');
  });
});
