// End to end: dist/ with `discord-live: true` against the loopback Discord double — one message per build,
// edited as the 15 stages advance (throttled), replaced by the result; 429 and 404 during live updates; and
// post editing the same message after main was killed or cancelled.
import { afterEach, describe, expect, it } from 'vitest';
import { runAction, type ActionRun } from '../support/action-runner.js';
import { startDiscordDouble, type DiscordDouble, type DiscordRequest } from '../support/discord-double.js';
import { expectValidDiscordBody } from '../support/discord-spec.js';

const TOKEN = 'liveE2eTokenAbCdEfGhIjKlMnOpQrStUvWxYz0123456789';
const INTERVAL_S = 2;

let discord: DiscordDouble | null = null;
afterEach(async () => {
  await discord?.close();
  discord = null;
});

async function liveBuild(
  over: { env?: Record<string, string>; during?: (d: DiscordDouble) => Promise<void> } & Partial<
    Parameters<typeof runAction>[0]
  > = {},
): Promise<{ run: ActionRun; d: DiscordDouble }> {
  const d = (discord = await startDiscordDouble({ maxHangMs: 10_000 }));
  const during = over.during?.(d).catch(() => undefined);
  const run = await runAction({
    inputs: {
      packages: 'synth-15',
      'skip-tests': 'all',
      'discord-webhook-url': d.webhookUrl('111', TOKEN),
      'discord-live': 'true',
      'discord-live-interval': String(INTERVAL_S),
      'discord-username': 'Jetson CI',
      'upload-logs': 'false',
    },
    ...over,
    env: { FAKE_JC_SYNTH_STAGES: '15', FAKE_JC_STAGE_DELAY_MS: '400', ...over.env },
    timeoutMs: 90_000,
  });
  await during;
  return { run, d };
}

type Embed = { title?: string; description?: string; color?: number };
const embedOf = (body: unknown): Embed => ((body as { embeds?: Embed[] }).embeds ?? [])[0] ?? {};

/** Every body the double received is valid for Discord's create or edit endpoint. */
function expectValidBodies(requests: DiscordRequest[]): void {
  for (const r of requests) {
    if (r.kind === 'create') expectValidDiscordBody(r.body, 'create');
    if (r.kind === 'edit') {
      expectValidDiscordBody(r.body, 'edit');
      for (const key of ['username', 'avatar_url', 'thread_name'])
        expect(Object.keys(r.body as object)).not.toContain(key);
    }
  }
}

describe('e2e: dist/ live status in Discord', () => {
  it('a 15-stage build: one message, a bounded number of edits, and the result as its final state', async () => {
    const { run, d } = await liveBuild();
    expect(run.main.code).toBe(0);
    expectValidBodies(d.requests);
    expect(d.requestsOf('create')).toHaveLength(1);
    expect(d.messages()).toHaveLength(1);
    const message = d.messages()[0];
    const id = message?.id as string;
    expect(run.state.liveMessages).toBe(JSON.stringify({ 'discord-webhook-url': id }));
    expect(embedOf(d.requestsOf('create')[0]?.body).title).toBe('🔨 Building synth-15');

    const edits = d.requestsOf('edit');
    expect(edits.every((e) => e.messageId === id)).toBe(true);
    // Throttle: one live edit per 2 s at most over the build, plus the final edit.
    const liveEdits = edits.slice(0, -1);
    expect(liveEdits.length).toBeLessThanOrEqual(Math.ceil(run.main.durationMs / (INTERVAL_S * 1000)) + 1);
    expect(liveEdits.length).toBeGreaterThanOrEqual(1);
    expect(liveEdits.map((e) => embedOf(e.body).description ?? '').join('\n')).toMatch(
      /\*\*Stage \d+\/15\*\* · building synth-\d+/,
    );
    // The last request is the result, and it is what the channel shows.
    expect(d.requests.at(-1)?.kind).toBe('edit');
    expect(embedOf(message).title).not.toContain('Building');
    expect(JSON.stringify(message?.embeds)).toContain('synth-15');
    expect(embedOf(message).color).toBe(65280);
    expect(run.main.outputs['message-id']).toBe(id);
    expect(run.main.stdout).not.toContain('Live status for');
  });

  it('429 during live updates: the build is not slowed, nothing queues, the result still lands in place', async () => {
    const { run, d } = await liveBuild({
      during: async (dd) => {
        await dd.waitFor((r) => r.some((x) => x.kind === 'create' && x.status === 200), 20_000);
        dd.fault({ method: 'PATCH', times: 2, fault: { rateLimit: 3 } });
      },
    });
    expect(run.main.code).toBe(0);
    expectValidBodies(d.requests);
    const limited = d.requests.filter((r) => r.status === 429);
    expect(limited.length).toBeGreaterThanOrEqual(1);
    // Nothing was sent to Discord before the 3 s it asked for had passed.
    const first = limited[0] as DiscordRequest;
    const after = d.requests.filter((r) => r.index > first.index);
    expect(after.every((r) => r.raw.receivedAt - (first.raw.answeredAt ?? 0) >= 2990)).toBe(true);
    expect(d.messages()).toHaveLength(1);
    expect(embedOf(d.messages()[0]).title).not.toContain('Building');
    expect(d.requests.at(-1)).toMatchObject({ kind: 'edit', status: 200 });
    expect(run.main.stdout).not.toContain('Live status for');
  });

  it('404 on a live edit (message deleted): live updates stop and the result is posted as a new message', async () => {
    const { run, d } = await liveBuild({
      during: async (dd) => {
        await dd.waitFor((r) => r.some((x) => x.kind === 'create' && x.status === 200), 20_000);
        dd.deleteMessage(dd.messages()[0]?.id as string);
      },
    });
    expect(run.main.code).toBe(0);
    expectValidBodies(d.requests);
    expect(d.requests.filter((r) => r.kind === 'edit').map((r) => r.status)).toEqual([404]);
    expect(d.requestsOf('create')).toHaveLength(2);
    expect(d.messages()).toHaveLength(1);
    expect(embedOf(d.messages()[0]).title).not.toContain('Building');
    expect(run.main.stdout).toContain('the live status message was deleted (HTTP 404)');
    // `::add-mask::` lines hand the secret to the runner, which consumes them; nothing else may show it.
    const shown = run.main.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::'));
    expect(shown.join('\n')).not.toContain(TOKEN);
  });

  it('main killed mid-build: post edits the same live message with the cancelled result', async () => {
    const { run, d } = await liveBuild({ killWhen: 'Building synth-6' });
    expect(run.main.signal).toBe('SIGKILL');
    expect(run.post.code).toBe(0);
    expectValidBodies(d.requests);
    expect(d.requestsOf('create')).toHaveLength(1);
    const id = d.messages()[0]?.id as string;
    expect(run.state.liveMessages).toBe(JSON.stringify({ 'discord-webhook-url': id }));
    expect(d.requests.at(-1)).toMatchObject({ kind: 'edit', messageId: id, status: 200 });
    expect(d.messages()).toHaveLength(1);
    expect(JSON.stringify(d.messages()[0]?.embeds)).toMatch(/cancel/i);
  });

  it('build cancelled (SIGINT): main hands over, post edits the same live message', async () => {
    const { run, d } = await liveBuild({ cancelWhen: 'Building synth-6', cancelScale: 0.5 });
    expect(run.main.code).toBe(1);
    expect(run.post.code).toBe(0);
    expectValidBodies(d.requests);
    expect(d.requestsOf('create')).toHaveLength(1);
    const id = d.messages()[0]?.id as string;
    expect(d.requests.at(-1)).toMatchObject({ kind: 'edit', messageId: id, status: 200 });
    expect(JSON.stringify(d.messages()[0]?.embeds)).toMatch(/cancel/i);
  });
});
