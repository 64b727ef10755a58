// End to end: a failing build prints every form of every configured secret; dist/ must mask each form in the
// job log before the build runs, and no raw form may leave the runner: not in any byte a webhook receiver gets
// (every multipart part, the attached log tail included), nor in report.json, the outputs or the job summary.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { runAction } from '../support/action-runner.js';
import { startReceiver, type Receiver } from '../support/receiver.js';

const DISCORD_TOKEN = 'e2eDiscordTok_AbCdEfGhIjKlMnOpQrStUvWxYz-0123456789abcdefghijklmnop';
const SIGNING_KEY = 'secret-key-for-e2e-tests!';
const SIGNING_B64 = Buffer.from(SIGNING_KEY).toString('base64');
const SIGNING = `whsec_${SIGNING_B64}`;
const HEADER_TOKEN = 'hdrTok-9f8e7d6c5b4a3210';
const USER = 'ci-bot';
const PASSWORD = 'p@ss/E2e-w0rd';
const PASSWORD_ENCODED = encodeURIComponent(PASSWORD);
const BASIC_TOKEN = Buffer.from(`${USER}:${PASSWORD}`).toString('base64');

let receiver: Receiver | null = null;
afterEach(async () => {
  await receiver?.close();
  receiver = null;
});

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/** How @actions/core writes a value into a workflow command (the runner decodes it back). */
function commandData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

describe('e2e: dist/ keeps every form of a secret out of what leaves the runner', () => {
  it('masks and scrubs a whsec_ secret, a header token, a basic-auth password and the Discord URL', async () => {
    receiver = await startReceiver({
      paths: {
        [`/api/v10/webhooks/111/${DISCORD_TOKEN}`]: { status: 200, body: { id: '1300000000000000009' } },
      },
      fallback: { status: 204 },
    });
    const discordUrl = `${receiver.url}/api/webhooks/111/${DISCORD_TOKEN}`;
    const genericUrl = `http://${USER}:${PASSWORD_ENCODED}@127.0.0.1:${receiver.port}/hooks/jetson`;
    const forms = {
      'whole whsec_ secret': SIGNING,
      'whsec_ key material': SIGNING_B64,
      'decoded signing key': SIGNING_KEY,
      'header value': `Bearer ${HEADER_TOKEN}`,
      'header token': HEADER_TOKEN,
      'basic-auth password': PASSWORD,
      'basic-auth password, URL-encoded': PASSWORD_ENCODED,
      'basic-auth user:password': `${USER}:${PASSWORD}`,
      'basic-auth header token': BASIC_TOKEN,
      'Discord URL': discordUrl,
      'Discord token': DISCORD_TOKEN,
      'generic URL with credentials': genericUrl,
    };
    const echo = Object.entries(forms).map(([what, value]) => `LEAK ${what}: ${value}`);
    const run = await runAction({
      inputs: {
        packages: 'numpy',
        'discord-webhook-url': discordUrl,
        'discord-attach-log': 'failure',
        'webhook-url': genericUrl,
        'webhook-secret': SIGNING,
        'webhook-headers': JSON.stringify({ Authorization: `Bearer ${HEADER_TOKEN}` }),
        'upload-logs': 'false',
      },
      // The first stage prints every form, then fails: its log is the attached tail and the excerpt. Its
      // last error line, holding the Discord token (`_` is escaped as `\_` in markdown), becomes the report's
      // error, which the job summary and the Discord message show.
      env: {
        FAKE_JC_ECHO: echo.join('\n'),
        FAKE_JC_FAIL_STAGE: 'build-essential',
        FAKE_JC_FAIL_ECHO: `error: webhook token ${DISCORD_TOKEN} was rejected`,
      },
    });
    expect(run.main.code).toBe(1);
    expect(run.main.outputs.status).toBe('failure');
    expect(receiver.requests.length).toBe(2);

    // The job log: every form is masked, before the build prints it.
    const stdout = run.main.stdout;
    const firstLeak = stdout.indexOf('LEAK ');
    expect(firstLeak).toBeGreaterThan(0);
    const unmasked: string[] = [];
    for (const [what, value] of Object.entries(forms)) {
      const mask = stdout.indexOf(`::add-mask::${commandData(value)}\n`);
      if (mask < 0) unmasked.push(`${what}: not masked`);
      else if (mask > firstLeak) unmasked.push(`${what}: masked only after the build printed it`);
    }

    // Every byte the receiver got, every multipart part included.
    const discord = receiver.requests.find((r) => r.path.startsWith('/api/v10/webhooks/'));
    const file = discord?.multipart?.files[0];
    expect(file?.filename).toMatch(/-tail\.txt$/);
    const tail = file?.data.toString('utf8') ?? '';

    const report = readFileSync(run.main.outputs['report-file'] ?? '', 'utf8');
    expect(report).toContain('"status": "failure"');
    expect(report).toContain('error: webhook token *** was rejected');
    const places: Record<string, string> = {
      'report.json': report,
      'job summary': run.summary,
      // Markdown escaping (`\_`) must not let a secret through in another spelling.
      'job summary, unescaped': run.summary.replace(/\\(.)/g, '$1'),
    };
    for (const req of receiver.requests) {
      const to = req.path.startsWith('/api/v10/webhooks/') ? 'discord' : 'generic';
      places[`${to} request body`] = req.body.toString('latin1');
      for (const part of req.multipart?.parts ?? []) {
        places[`${to} part ${part.name}`] = part.data.toString('latin1');
      }
      // Markdown escaping in a rendered message must not let a secret through in another spelling either.
      places[`${to} message text, unescaped`] = strings(req.json ?? req.multipart?.payloadJson)
        .join('\n')
        .replace(/\\(.)/g, '$1');
    }
    for (const [step, result] of [
      ['main', run.main],
      ['post', run.post],
    ] as const) {
      for (const [name, value] of Object.entries(result.outputs)) places[`${step} output ${name}`] = value;
    }
    expect(Object.keys(places)).toContain('discord part files[0]');
    expect(Object.keys(places)).toContain('main output packages');
    const leaks: string[] = [];
    for (const [where, text] of Object.entries(places)) {
      for (const [what, value] of Object.entries(forms)) {
        if (text.includes(value)) leaks.push(`${what} in ${where}`);
      }
    }
    expect({ unmasked, leaks }).toEqual({ unmasked: [], leaks: [] });
    // The tail really carries the printed lines, scrubbed.
    expect(tail).toContain('LEAK whole whsec_ secret: ***\n');
    expect(tail).toContain('LEAK basic-auth password, URL-encoded: ***\n');
    expect(tail).toContain('LEAK Discord URL: ***\n');
  });
});

describe('e2e: a secret the error line cut in half does not leave either', () => {
  it('the start of the Discord token left before the cut (…) is masked in every sink and the job log', async () => {
    receiver = await startReceiver({
      paths: {
        [`/api/v10/webhooks/111/${DISCORD_TOKEN}`]: { status: 200, body: { id: '1300000000000000010' } },
      },
      fallback: { status: 204 },
    });
    const discordUrl = `${receiver.url}/api/webhooks/111/${DISCORD_TOKEN}`;
    const run = await runAction({
      inputs: { packages: 'numpy', 'discord-webhook-url': discordUrl, 'upload-logs': 'false' },
      // 127 characters of noise put the token right across the one-line error's cut.
      env: {
        FAKE_JC_FAIL_STAGE: 'build-essential',
        FAKE_JC_FAIL_ECHO: `error: ${'A'.repeat(127)} ${DISCORD_TOKEN}`,
      },
    });
    expect(run.main.outputs.status).toBe('failure');
    const report = readFileSync(run.main.outputs['report-file'] ?? '', 'utf8');
    // The report's error still says where the cut was, with the piece masked.
    expect(report).toMatch(/AAAA \*\*\*… \(RUN \/tmp\/build\.sh, exit code: 100\)/);
    // Outside the build's own fenced output (which the runner masks whole), no 8 characters of the token.
    const piece = DISCORD_TOKEN.slice(0, 8);
    const outsideFence = run.main.stdout.replace(/::stop-commands::([0-9a-f]+)\n[\s\S]*?\n::\1::\n/g, '');
    const places: Record<string, string> = {
      'report.json': report,
      'job summary': run.summary.replace(/\\(.)/g, '$1'),
      'job log outside the fence': outsideFence.replace(/^::add-mask::.*$/gm, ''),
      'main outputs': JSON.stringify(run.main.outputs),
      'discord body': (receiver.requests[0]?.body.toString('utf8') ?? '').replace(/\\(.)/g, '$1'),
    };
    expect(receiver.requests.length).toBe(1);
    const leaks = Object.entries(places)
      .filter(([, text]) => text.includes(piece))
      .map(([where]) => where);
    expect(leaks).toEqual([]);
  });
});
