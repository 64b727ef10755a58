// The live status message against the loopback Discord double: one message per target, throttled edits that
// never queue, 429 and 404 handling, and finish() that lets nothing land after it.
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('@actions/core', () => ({ setSecret: () => {} }));

import { closeDiscordApi } from '../../src/notify/discord-api.js';
import { LiveStatus, liveTargets, type LiveStatusOptions } from '../../src/notify/live.js';
import { resolveNotifySettings } from '../../src/notify/targets.js';
import type { NotifySettings } from '../../src/notify/types.js';
import { resetSecretsForTest } from '../../src/runner/secrets.js';
import { startDiscordDouble, type DiscordDouble } from '../support/discord-double.js';
import { expectValidDiscordBody } from '../support/discord-spec.js';

let discord: DiscordDouble;
beforeEach(async () => {
  resetSecretsForTest();
  discord = await startDiscordDouble({ maxHangMs: 5000 });
});
afterEach(async () => {
  await discord.close();
});
afterAll(async () => {
  await closeDiscordApi();
});

function settingsFor(inputs: Record<string, string>): NotifySettings {
  return resolveNotifySettings((name) => inputs[name] ?? '', {});
}

const stage = (index: number, total = 15, name = `pkg-${index}`) => ({
  target: 'l4t-pytorch',
  name,
  index,
  total,
  phase: 'build' as const,
});

function liveFor(over: Partial<LiveStatusOptions> = {}, inputs: Record<string, string> = {}) {
  const warnings: string[] = [];
  const saved: Record<string, string>[] = [];
  const settings = settingsFor({
    'discord-webhook-url': discord.webhookUrl('42', 'live-token'),
    'discord-live': 'true',
    'discord-username': 'Jetson CI',
    ...inputs,
  });
  const live = new LiveStatus({
    settings,
    packages: ['l4t-pytorch'],
    runner: 'jetson-orin-01',
    link: { url: 'https://github.com/acme/x/actions/runs/1/job/2', label: 'Job' },
    startTime: new Date(Date.now() - 65_000),
    warn: (m) => warnings.push(m),
    onRefs: (refs) => saved.push(refs),
    intervalMs: 100,
    ...over,
  });
  return { live, warnings, saved };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Every description the double stored or was sent, for text checks. */
function description(body: unknown): string {
  return ((body as { embeds?: { description?: string }[] }).embeds?.[0]?.description ?? '') as string;
}

describe('liveTargets', () => {
  it('is every Discord target that can fire, only when discord-live is on', () => {
    const url = discord.webhookUrl();
    const on = settingsFor({
      'discord-live': 'true',
      'discord-webhook-url': url,
      webhooks: `- url: ${discord.url}/generic\n- url: ${discord.webhookUrl('7', 'never')}\n  format: discord\n  on: never`,
    });
    expect(liveTargets(on).map((t) => t.source)).toEqual(['discord-webhook-url']);
    expect(liveTargets(settingsFor({ 'discord-webhook-url': url }))).toEqual([]);
    expect(liveTargets(null)).toEqual([]);
  });
});

describe('LiveStatus', () => {
  it('posts one "building" message with ?wait=true, saves its id at once, and edits that message', async () => {
    const { live, saved, warnings } = liveFor();
    live.start();
    await discord.waitFor((r) => r.some((x) => x.kind === 'create' && x.status === 200));
    await vi.waitFor(() => expect(saved).toHaveLength(1));
    const created = discord.requestsOf('create')[0];
    expect(created?.query).toEqual({ wait: 'true' });
    expectValidDiscordBody(created?.body, 'create');
    const id = discord.messages()[0]?.id as string;
    expect(saved[0]).toEqual({ 'discord-webhook-url': id });
    expect(description(created?.body)).toContain('Starting…');
    expect(description(created?.body)).toContain('1m 05s elapsed');
    expect(description(created?.body)).toContain('[Job](<https://github.com/acme/x/actions/runs/1/job/2>)');

    live.update(stage(3));
    await discord.waitFor((r) => r.some((x) => x.kind === 'edit' && x.status === 200));
    const edit = discord.requestsOf('edit')[0];
    expect(edit?.messageId).toBe(id);
    expectValidDiscordBody(edit?.body, 'edit');
    // An edit carries no username (it belongs to the message as posted).
    expect(Object.keys(edit?.body as object)).not.toContain('username');
    const shown = description(discord.message(id)?.embeds ? { embeds: discord.message(id)?.embeds } : {});
    expect(shown).toContain('**Stage 3/15** · building pkg-3');
    expect(shown).toContain('`▓▓▓░░░░░░░░░░░░░░░░░ 13%`');
    expect(await live.finish()).toEqual({ 'discord-webhook-url': id });
    expect(warnings).toEqual([]);
    expect(discord.messages()).toHaveLength(1);
  });

  it('throttles: 15 stages in a burst send at most one edit per interval, and the last one shows the newest stage', async () => {
    const { live } = liveFor({ intervalMs: 300 });
    const began = Date.now();
    live.start();
    await discord.waitFor((r) => r.some((x) => x.kind === 'create' && x.status === 200));
    for (let i = 1; i <= 15; i++) {
      live.update(stage(i));
      await sleep(40);
    }
    // Let the last pending edit go out.
    await discord.waitFor(
      (r) => r.some((x) => x.kind === 'edit' && description(x.body).includes('15/15')),
      5000,
    );
    await live.finish();
    const elapsed = Date.now() - began;
    const edits = discord.requestsOf('edit');
    // One request per 300 ms at most (plus the first), whatever the machine's speed.
    expect(edits.length).toBeLessThanOrEqual(Math.ceil(elapsed / 300) + 1);
    expect(edits.length).toBeLessThan(15);
    const times = edits.map((e) => e.raw.receivedAt);
    for (let i = 1; i < times.length; i++)
      expect((times[i] as number) - (times[i - 1] as number)).toBeGreaterThanOrEqual(290);
    expect(JSON.stringify(discord.messages()[0]?.embeds)).toContain('Stage 15/15');
  });

  it('on 429 waits what Discord asked before the next edit, sends nothing meanwhile, and still shows the newest stage', async () => {
    const { live, warnings } = liveFor({ intervalMs: 50 });
    live.start();
    await discord.waitFor((r) => r.some((x) => x.kind === 'create' && x.status === 200));
    discord.fault({ method: 'PATCH', fault: { rateLimit: 1 } });
    live.update(stage(2));
    await discord.waitFor((r) => r.some((x) => x.status === 429));
    for (let i = 3; i <= 8; i++) {
      live.update(stage(i));
      await sleep(60);
    }
    await discord.waitFor((r) => r.some((x) => x.kind === 'edit' && x.status === 200), 5000);
    const [limited, next] = discord.requestsOf('edit');
    expect(limited?.status).toBe(429);
    expect(discord.requestsOf('edit')).toHaveLength(2);
    expect((next?.raw.receivedAt ?? 0) - (limited?.raw.answeredAt ?? 0)).toBeGreaterThanOrEqual(990);
    expect(description(next?.body)).toContain('Stage 8/15');
    await live.finish();
    expect(warnings).toEqual([]);
  });

  it('on 404 (message deleted) stops for that target with one warning and forgets the message', async () => {
    const { live, warnings, saved } = liveFor();
    live.start();
    await discord.waitFor((r) => r.some((x) => x.kind === 'create' && x.status === 200));
    discord.deleteMessage(discord.messages()[0]?.id as string);
    live.update(stage(2));
    await discord.waitFor((r) => r.some((x) => x.status === 404));
    for (let i = 3; i <= 6; i++) {
      live.update(stage(i));
      await sleep(120);
    }
    expect(await live.finish()).toEqual({});
    expect(saved.at(-1)).toEqual({});
    expect(discord.requestsOf('edit')).toHaveLength(1);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('deleted (HTTP 404); the result is posted as a new message');
    expect(warnings[0]).not.toContain('live-token');
  });

  it('a failed start costs one warning and no further request; a 5xx edit stops updates but keeps the message', async () => {
    discord.fault({ method: 'POST', fault: { status: 503 } });
    const first = liveFor();
    first.live.start();
    await discord.waitFor((r) => r.length === 1);
    for (let i = 1; i <= 3; i++) {
      first.live.update(stage(i));
      await sleep(120);
    }
    expect(await first.live.finish()).toEqual({});
    expect(discord.requests).toHaveLength(1);
    expect(first.warnings).toHaveLength(1);
    expect(first.warnings[0]).toMatch(/could not post the live status message \(HTTP 503/);

    const second = liveFor();
    second.live.start();
    await discord.waitFor((r) => r.some((x) => x.kind === 'create' && x.status === 200));
    discord.fault({ method: 'PATCH', fault: { status: 500 } });
    second.live.update(stage(1));
    await discord.waitFor((r) => r.some((x) => x.status === 500));
    second.live.update(stage(2));
    await sleep(250);
    const refs = await second.live.finish();
    expect(Object.keys(refs)).toEqual(['discord-webhook-url']);
    expect(discord.requestsOf('edit')).toHaveLength(1);
    expect(second.warnings).toHaveLength(1);
  });

  it('finish() drops the pending edit and awaits the one in flight: nothing lands after it', async () => {
    const { live } = liveFor({ intervalMs: 400 });
    live.start();
    await discord.waitFor((r) => r.some((x) => x.kind === 'create' && x.status === 200));
    await sleep(450);
    discord.fault({ method: 'PATCH', fault: { delayMs: 600 } });
    live.update(stage(4));
    await discord.waitFor((r) => r.some((x) => x.kind === 'edit'));
    live.update(stage(5)); // pending behind the slow one
    await live.finish();
    const [edit] = discord.requestsOf('edit');
    expect(edit?.raw.answeredAt).not.toBeNull();
    const count = discord.requests.length;
    await sleep(600);
    expect(discord.requests).toHaveLength(count);
    expect(JSON.stringify(discord.messages()[0]?.embeds)).toContain('Stage 4/15');
  });

  it("renders the build's names inert: no markdown, links or mentions from the build output", async () => {
    const { live } = liveFor();
    live.start();
    await discord.waitFor((r) => r.some((x) => x.kind === 'create' && x.status === 200));
    live.update({ ...stage(1), target: '**x** @everyone', name: '[click](https://evil.test) <@123> `rm`' });
    await discord.waitFor((r) => r.some((x) => x.kind === 'edit'));
    await live.finish();
    const embed = (
      discord.requestsOf('edit')[0]?.body as { embeds: { title: string; description: string }[] }
    ).embeds[0];
    expect(embed?.title).toBe('🔨 Building \\*\\*x\\*\\* @\u200beveryone');
    expect(embed?.description).toContain('building \\[click\\](https://evil.test) \\<@\u200b123\\> \\`rm\\`');
    expect(discord.requestsOf('edit')[0]?.body).toMatchObject({ allowed_mentions: { parse: [] } });
  });

  it('posts a forum post through thread_name and edits it inside the thread it opened', async () => {
    const { live } = liveFor({}, { 'discord-thread-name': 'Nightly build' });
    live.start();
    await discord.waitFor((r) => r.some((x) => x.kind === 'create' && x.status === 200));
    const message = discord.messages()[0];
    expect(discord.requestsOf('create')[0]?.body).toMatchObject({ thread_name: 'Nightly build' });
    live.update(stage(2));
    await discord.waitFor((r) => r.some((x) => x.kind === 'edit'));
    const refs = await live.finish();
    expect(discord.requestsOf('edit')[0]?.query).toEqual({ thread_id: message?.channel_id });
    expect(discord.requestsOf('edit')[0]?.status).toBe(200);
    expect(refs).toEqual({ 'discord-webhook-url': `${message?.id}:${message?.channel_id}` });
  });
});
