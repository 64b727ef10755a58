// End to end from dist/: dry-run renders every payload and sends nothing; test-notification sends one marked
// sample per target through the real delivery and fails the step when a target does not accept it.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runAction } from '../support/action-runner.js';
import { startReceiver, type Receiver } from '../support/receiver.js';
import { sampleReport } from '../../src/report/sample.js';
import { checkDiscordLimits } from '../../src/notify/render/discord.js';
import { validateGenericPayload } from '../support/schema.js';

const TOKEN = 'dryRunTokenAbCdEfGhIjKlMnOpQrStUvWxYz0123456789';
const MARKER = '🧪 Test notification from jetson-build-action — not a real build';
const DISCORD_PATH = `/api/v10/webhooks/111/${TOKEN}`;

let receiver: Receiver | null = null;
afterEach(async () => {
  await receiver?.close();
  receiver = null;
});

async function twoTargets(genericReply?: { status: number; body: string }): Promise<{
  receiver: Receiver;
  inputs: Record<string, string>;
}> {
  const r = await startReceiver({
    paths: {
      [DISCORD_PATH]: { status: 200, body: { id: '1300000000000000001' } },
      ...(genericReply ? { '/hooks/jetson': genericReply } : {}),
    },
    fallback: { status: 204 },
  });
  receiver = r;
  return {
    receiver: r,
    inputs: {
      'discord-webhook-url': `${r.url}/api/webhooks/111/${TOKEN}`,
      // A success-only target: a dry run of the failed sample skips it, a test reaches it anyway.
      webhooks: `- url: ${r.url}/hooks/jetson?key=${TOKEN}\n  on: success`,
      'webhook-url': `${r.url}/hooks/always?key=${TOKEN}`,
    },
  };
}

/** A marker file the fake jetson-containers writes when it runs at all (when it exits). */
function buildMarker(): { env: Record<string, string>; file: string } {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'jba-marker-')), 'ran');
  return { env: { FAKE_JC_END_FILE: file }, file };
}

interface Entry {
  source: string;
  url: string;
  format: string;
  dryRun: boolean;
  wouldSend: boolean;
  reason: string | null;
  problems: string[];
  body: Record<string, unknown> | null;
}

describe('e2e: dist/ dry-run', () => {
  it('renders every payload into the summary and the output; nothing is built, sent or written', async () => {
    const { receiver: r, inputs } = await twoTargets();
    const marker = buildMarker();
    const run = await runAction({ inputs: { ...inputs, 'dry-run': 'true' }, env: marker.env });
    expect(run.main.code, run.main.stdout).toBe(0);
    expect(r.requests).toHaveLength(0);
    expect(existsSync(marker.file)).toBe(false);
    // No log folder was created (the default one lives under RUNNER_TEMP).
    expect(existsSync(path.join(run.dir, 'runner-temp', 'jetson-build-logs'))).toBe(false);
    expect(run.main.outputs.status).toBe('failure');
    expect(run.main.outputs['report-file']).toBeUndefined();

    const entries = JSON.parse(run.main.outputs.notifications ?? '') as Entry[];
    const port = new URL(r.url).port;
    expect(entries.map((e) => [e.source, e.url, e.format, e.dryRun, e.wouldSend, e.problems])).toEqual([
      ['discord-webhook-url', `http://127.0.0.1:${port}/***`, 'discord', true, true, []],
      ['webhook-url', `http://127.0.0.1:${port}/***`, 'generic', true, true, []],
      ['webhooks[0]', `http://127.0.0.1:${port}/***`, 'generic', true, false, []],
    ]);
    expect(entries[2]?.reason).toBe("on: success, and the report's status is failure");
    expect(entries[1]?.body?.failed_packages).toEqual(['torchvision']);
    expect(entries[1]?.body?.repository).toBe('octo-org/jetson-images');
    expect(JSON.stringify(entries[0]?.body)).toContain('torchvision');

    expect(run.summary).toContain('## 🧪 Dry run: the notifications this report would send');
    expect(run.summary.match(/<details>/g)).toHaveLength(3);
    expect(run.summary).toContain('"failed_packages": [\n    "torchvision"\n  ]');
    expect(run.summary).toContain('"embeds": [');
    // `::add-mask::` lines hand the secrets to the runner, which consumes them; nothing else holds one.
    const log = run.main.stdout
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n');
    for (const text of [run.summary, log, JSON.stringify(run.main.outputs)]) {
      expect(text).not.toContain(TOKEN);
    }
    expect(run.main.stdout).toContain(
      `dry-run: webhook-url (http://127.0.0.1:${port}/***): would send; fits its limits`,
    );
    expect(run.post.code).toBe(0);
    expect(r.requests).toHaveLength(0);
  });

  it('fails naming the target and the limit a report-file breaks; still sends nothing', async () => {
    const { receiver: r, inputs } = await twoTargets();
    const report = sampleReport({
      packages: ['numpy'],
      run: {
        serverUrl: 'https://github.com',
        repository: 'octo-org/jetson-images',
        ref: 'refs/heads/main',
        sha: 'f'.repeat(600_000),
        workflow: 'w',
        job: 'build',
        runId: '1',
        runAttempt: '1',
        runUrl: null,
        matrix: null,
      },
      runner: { name: 'orin', os: 'Linux', arch: 'ARM64', labels: [] },
      end: new Date('2026-03-01T12:00:00Z'),
      logDir: '/nonexistent/logs',
    });
    const dir = mkdtempSync(path.join(os.tmpdir(), 'jba-report-file-'));
    writeFileSync(path.join(dir, 'report.json'), JSON.stringify(report));
    const run = await runAction({
      inputs: { ...inputs, 'dry-run': 'true', 'report-file': path.join(dir, 'report.json') },
    });
    expect(run.main.code).toBe(1);
    const port = new URL(r.url).port;
    expect(run.main.stdout).toMatch(
      new RegExp(
        `::error::Dry run: the payload for webhook-url \\(http://127\\.0\\.0\\.1:${port}/\\*\\*\\*\\) breaks its limits: body is 6\\d{5} bytes of JSON \\(max 524288\\)`,
      ),
    );
    expect(run.main.outputs.status).toBe('failure');
    expect(r.requests).toHaveLength(0);
  });

  it('a report-file that is not a report fails the step, naming the input', async () => {
    const run = await runAction({
      inputs: { 'dry-run': 'true', 'report-file': 'missing/report.json' },
      skipPost: true,
    });
    expect(run.main.code).toBe(1);
    expect(run.main.stdout).toContain(`::error::Input 'report-file' has an invalid value "`);
    expect(run.main.stdout).toContain('missing/report.json": there is no such file');
    expect(run.main.stdout).not.toMatch(/\n\s+at /);
  });

  it('dry-run and test-notification together is an input error', async () => {
    const { receiver: r, inputs } = await twoTargets();
    const run = await runAction({
      inputs: { ...inputs, 'dry-run': 'true', 'test-notification': 'true' },
      skipPost: true,
    });
    expect(run.main.code).toBe(1);
    expect(run.main.stdout).toContain('dry-run and test-notification cannot both be true');
    expect(r.requests).toHaveLength(0);
  });
});

describe('e2e: dist/ test-notification', () => {
  it('sends exactly one marked sample to every target, whatever its rule', async () => {
    const { receiver: r, inputs } = await twoTargets();
    const marker = buildMarker();
    const run = await runAction({ inputs: { ...inputs, 'test-notification': 'true' }, env: marker.env });
    expect(run.main.code, run.main.stdout).toBe(0);
    expect(existsSync(marker.file)).toBe(false);
    expect(r.requests).toHaveLength(3);
    const discord = r.requestsTo(DISCORD_PATH);
    expect(discord).toHaveLength(1);
    const body = (discord[0]?.json ?? discord[0]?.multipart?.payloadJson) as { content: string };
    expect(body.content).toContain(MARKER);
    expect(checkDiscordLimits(body)).toEqual([]);
    for (const p of ['/hooks/jetson', '/hooks/always']) {
      const got = r.requestsTo(p);
      expect(got).toHaveLength(1);
      const payload = got[0]?.json as { event: string; message: string; status: string };
      expect(payload.event).toBe('jetson.test');
      expect(payload.message.startsWith(MARKER)).toBe(true);
      expect(() => validateGenericPayload(got[0]?.json)).not.toThrow();
    }
    const port = new URL(r.url).port;
    expect(run.main.stdout).toContain(
      `discord-webhook-url (http://127.0.0.1:${port}/***): delivered, HTTP 200, message 1300000000000000001`,
    );
    const out = JSON.parse(run.main.outputs.notifications ?? '') as { source: string; delivered: boolean }[];
    expect(out.map((n) => [n.source, n.delivered])).toEqual([
      ['discord-webhook-url', true],
      ['webhook-url', true],
      ['webhooks[0]', true],
    ]);
    expect(run.main.outputs['message-id']).toBe('1300000000000000001');
    expect(run.post.code).toBe(0);
    expect(r.requests).toHaveLength(3);
  });

  it('fails the step when a target does not accept it, and names that target', async () => {
    const { receiver: r, inputs } = await twoTargets({ status: 404, body: 'no such hook' });
    const run = await runAction({ inputs: { ...inputs, 'test-notification': 'true' }, skipPost: true });
    expect(run.main.code).toBe(1);
    const port = new URL(r.url).port;
    expect(run.main.stdout).toContain(
      `webhooks[0] (http://127.0.0.1:${port}/***): failed: HTTP 404: no such hook`,
    );
    expect(run.main.stdout).toContain(
      `::error::test-notification: 1 of 3 target(s) did not accept the test: webhooks[0] (http://127.0.0.1:${port}/***): failed: HTTP 404`,
    );
    expect(run.main.stdout).toContain(
      `discord-webhook-url (http://127.0.0.1:${port}/***): delivered, HTTP 200`,
    );
    // 404 is final: no retry.
    expect(r.requestsTo('/hooks/jetson')).toHaveLength(1);
  });

  it('without any target, fails saying there is nothing to test', async () => {
    const run = await runAction({ inputs: { 'test-notification': 'true' }, skipPost: true });
    expect(run.main.code).toBe(1);
    expect(run.main.stdout).toContain(
      '::error::test-notification: no notification target is configured, so there is nothing to test.',
    );
  });
});
