// End to end on dist/: what a hostile review of the live status found (issue 11 follow-ups) — no secret the
// build printed reaches Discord through a leg's line or a live progress edit, mentions still ping when the
// result is delivered as an edit, a final edit that fails for good falls back to a new message, and a slow
// live create still becomes the one message of the build.
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runAction } from '../support/action-runner.js';
import { startDiscordDouble, type DiscordDouble, type DiscordRequest } from '../support/discord-double.js';
import { expectValidDiscordBody } from '../support/discord-spec.js';

// The webhook token holds `_`: markdown escaping turns it into `\_`, which a scrub of the text cannot see.
const TOKEN = 'revTok_AbCdEfGhIjKlMnOpQrStUvWxYz-0123456789abcdefghijklmnopqr';
const TOKEN_CORE = 'AbCdEfGhIjKlMnOpQrSt';
const USER = '333333333333333333';
const ROLE = '222222222222222222';
const LOOPBACK = { NO_PROXY: '127.0.0.1', no_proxy: '127.0.0.1' };

let discord: DiscordDouble | null = null;
const dirs: string[] = [];
afterEach(async () => {
  await discord?.close();
  discord = null;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Every byte Discord received, with the webhook's own URL path (where the token belongs) left out. */
function receivedBytes(d: DiscordDouble): string {
  return d.requests
    .map(
      (r) =>
        `${r.method} ${r.raw.url.replace(/\/webhooks\/111\/[^/?]+/, '/webhooks/111/<token>')}\n${r.raw.body.toString('utf8')}`,
    )
    .join('\n');
}

type Body = { content?: string; allowed_mentions?: unknown; embeds?: { title?: string; url?: string }[] };
const bodyOf = (r: DiscordRequest | undefined): Body => (r?.body ?? {}) as Body;

describe('e2e: secrets in the live paths', () => {
  it("a leg's line in the run message carries no trace of a secret the build printed", async () => {
    const d = (discord = await startDiscordDouble());
    const plan = await runAction({
      entry: 'plan.js',
      skipPost: true,
      timeoutMs: 30_000,
      inputs: {
        packages: 'numpy torchvision',
        'runs-on': '["jetson"]',
        'discord-live': 'true',
        'discord-webhook-url': d.webhookUrl('111', TOKEN),
      },
      env: LOOPBACK,
    });
    const id = plan.main.outputs['discord-message-id'] ?? '';
    expect(id).toMatch(/^\d+$/);
    const matrix = JSON.parse(plan.main.outputs['matrix'] ?? '') as { include: Record<string, unknown>[] };
    const leg = matrix.include[1] as Record<string, unknown>;
    const run = await runAction({
      timeoutMs: 60_000,
      inputs: {
        packages: String(leg['packages']),
        matrix: JSON.stringify(leg),
        'discord-webhook-url': d.webhookUrl('111', TOKEN),
        'notify-on': 'never',
        'discord-run-message-id': id,
        'upload-logs': 'false',
      },
      env: {
        ...LOOPBACK,
        FAKE_JC_FAIL_STAGE: 'torchvision',
        FAKE_JC_FAIL_ECHO: `error: webhook token ${TOKEN} was rejected`,
      },
    });
    expect(run.main.code).toBe(1);
    const edits = d.requestsOf('edit');
    expect(edits.length).toBeGreaterThanOrEqual(1);
    // The line was written (scrubbed, not dropped).
    expect(JSON.stringify(d.message(id)?.embeds)).toContain('torchvision');
    expect(receivedBytes(d)).not.toContain(TOKEN_CORE);
  });

  it('a live progress edit for a stage named with a secret carries no trace of it', async () => {
    const d = (discord = await startDiscordDouble());
    const run = await runAction({
      timeoutMs: 90_000,
      inputs: {
        packages: 'synth-4',
        'skip-tests': 'all',
        'discord-webhook-url': d.webhookUrl('111', TOKEN),
        'discord-live': 'true',
        'discord-live-interval': '2',
        'upload-logs': 'false',
      },
      env: {
        ...LOOPBACK,
        FAKE_JC_SYNTH_STAGES: '4',
        FAKE_JC_SLOW: '1',
        FAKE_JC_WAIT_STAGE: 'synth-1',
        FAKE_JC_WAIT_MAX_MS: '5000',
        FAKE_JC_ECHO: `[12:00:00] [########----] 2/4 Building ${TOKEN}_x (img)`,
      },
    });
    expect(run.main.code).toBe(0);
    // The stage was shown (with the secret masked) in a live edit.
    const shown = d.requestsOf('edit').map((r) => JSON.stringify(r.body));
    expect(
      shown.some((s) => s.includes('Stage 2/4')),
      shown.join('\n'),
    ).toBe(true);
    expect(receivedBytes(d)).not.toContain(TOKEN_CORE);
  });
});

describe('e2e: mentions when the result is an edit', () => {
  it('a failing live build: the edit pings no one, one follow-up message carries exactly the mentions', async () => {
    const d = (discord = await startDiscordDouble());
    const run = await runAction({
      timeoutMs: 60_000,
      inputs: {
        packages: 'synth-3',
        'skip-tests': 'all',
        'discord-webhook-url': d.webhookUrl('111', TOKEN),
        'discord-live': 'true',
        'discord-live-interval': '2',
        'discord-mention-on-failure': `<@${USER}> <@&${ROLE}>`,
        'upload-logs': 'false',
      },
      env: {
        ...LOOPBACK,
        FAKE_JC_SYNTH_STAGES: '3',
        FAKE_JC_STAGE_DELAY_MS: '300',
        FAKE_JC_FAIL_STAGE: 'synth-3',
      },
    });
    expect(run.main.code).toBe(1);
    const creates = d.requestsOf('create');
    expect(creates).toHaveLength(2);
    const live = creates[0] as DiscordRequest;
    const final = d.requestsOf('edit').at(-1);
    expect(final?.messageId).toBe(d.messages()[0]?.id);
    expect(bodyOf(final).embeds?.[0]?.title).toBe('❌ synth-3 failed at build 3/3');
    // The edit names nobody and allows nobody.
    expect(bodyOf(final).allowed_mentions).toEqual({ parse: [] });
    expect(JSON.stringify(final?.body)).not.toMatch(/<@&?\d+>/);
    // The follow-up: after the edit, the mentions and the headline, allowed exactly those ids.
    const ping = creates[1] as DiscordRequest;
    expect(ping.index).toBeGreaterThan((final as DiscordRequest).index);
    expect(bodyOf(ping).content).toBe(
      `🔔 <@${USER}> <@&${ROLE}> ❌ synth-3 failed at build 3/3 · [Run](<https://github.com/octo-org/jetson-images/actions/runs/4242>)`,
    );
    expect(bodyOf(ping).allowed_mentions).toEqual({ parse: [], users: [USER], roles: [ROLE] });
    expect(bodyOf(ping).embeds ?? []).toEqual([]);
    expectValidDiscordBody(ping.body, 'create');
    expectValidDiscordBody(final?.body, 'edit');
    expect(live.index).toBeLessThan(ping.index);
    expect(d.messages()).toHaveLength(2);
  });

  it('summarize replacing the run message with a failure: a follow-up carries the mentions', async () => {
    const d = (discord = await startDiscordDouble());
    const plan = await runAction({
      entry: 'plan.js',
      skipPost: true,
      timeoutMs: 30_000,
      inputs: {
        packages: 'torchvision',
        'runs-on': '["jetson"]',
        'discord-live': 'true',
        'discord-webhook-url': d.webhookUrl(),
      },
      env: LOOPBACK,
    });
    const id = plan.main.outputs['discord-message-id'] ?? '';
    expect(id).toMatch(/^\d+$/);
    const reports = mkdtempSync(path.join(os.tmpdir(), 'jba-followup-'));
    dirs.push(reports);
    mkdirSync(path.join(reports, 'torchvision'));
    cpSync(
      'test/fixtures/reports/failure-torchvision/report.json',
      path.join(reports, 'torchvision', 'report.json'),
    );
    const summary = await runAction({
      entry: 'summarize.js',
      skipPost: true,
      timeoutMs: 30_000,
      inputs: {
        reports,
        packages: plan.main.outputs['packages'] ?? '',
        'discord-webhook-url': d.webhookUrl(),
        'discord-message-id': id,
        'discord-mention-on-failure': `<@${USER}>`,
        'webhook-retries': '0',
        'fail-on-build-error': 'false',
      },
      env: LOOPBACK,
    });
    expect(summary.main.code, summary.main.stdout).toBe(0);
    const final = d.requestsOf('edit').at(-1);
    expect(final?.messageId).toBe(id);
    expect(bodyOf(final).allowed_mentions).toEqual({ parse: [] });
    const creates = d.requestsOf('create');
    expect(creates).toHaveLength(2);
    const ping = creates[1] as DiscordRequest;
    expect(bodyOf(ping).content).toMatch(new RegExp(`^🔔 <@${USER}> ❌ Jetson build failed`));
    expect(bodyOf(ping).allowed_mentions).toEqual({ parse: [], users: [USER] });
    expect(summary.main.outputs['message-id']).toBe(id);
  });
});

describe('e2e: the live message is never the last word', () => {
  it('the final edit rate-limited until its retries run out: the result is posted as a new message', async () => {
    const d = (discord = await startDiscordDouble());
    d.fault({ method: 'PATCH', times: Infinity, fault: { rateLimit: 0 } });
    const run = await runAction({
      timeoutMs: 60_000,
      inputs: {
        packages: 'synth-3',
        'skip-tests': 'all',
        'discord-webhook-url': d.webhookUrl('111', TOKEN),
        'discord-live': 'true',
        'discord-live-interval': '2',
        'webhook-retries': '1',
        'upload-logs': 'false',
      },
      env: { ...LOOPBACK, FAKE_JC_SYNTH_STAGES: '3', FAKE_JC_STAGE_DELAY_MS: '300' },
    });
    expect(run.main.code).toBe(0);
    const creates = d.requestsOf('create');
    expect(creates).toHaveLength(2);
    expect(bodyOf(creates[1]).embeds?.[0]?.title).toMatch(/^✅ synth-3 built/);
    expect(d.requests.at(-1)).toMatchObject({ kind: 'create', status: 200 });
    const out = JSON.parse(run.main.outputs['notifications'] ?? '[]') as {
      delivered: boolean;
      messageId: string;
    }[];
    expect(out[0]?.delivered).toBe(true);
    expect(out[0]?.messageId).toBe(d.messages()[1]?.id);
  });

  it('a live create answered after webhook-timeout still becomes the one message, edited with the result', async () => {
    const d = (discord = await startDiscordDouble());
    d.fault({ method: 'POST', times: 1, fault: { delayMs: 5000 } });
    const run = await runAction({
      timeoutMs: 60_000,
      inputs: {
        packages: 'synth-6',
        'skip-tests': 'all',
        'discord-webhook-url': d.webhookUrl('111', TOKEN),
        'discord-live': 'true',
        'discord-live-interval': '2',
        'webhook-timeout': '3',
        'upload-logs': 'false',
      },
      env: { ...LOOPBACK, FAKE_JC_SYNTH_STAGES: '6', FAKE_JC_STAGE_DELAY_MS: '700' },
    });
    expect(run.main.code).toBe(0);
    expect(d.requestsOf('create')).toHaveLength(1);
    expect(d.messages()).toHaveLength(1);
    expect(d.requests.at(-1)).toMatchObject({ kind: 'edit', status: 200 });
    expect(JSON.stringify(d.messages()[0]?.embeds)).not.toContain('Building');
    expect(run.main.stdout).not.toContain('Live status for');
  });
});
