// `discord-mention-on-failure` and change wording in every Discord message: the configured ids are pinged on
// a failure (and on `broken`), `allowed_mentions` lists exactly them, and nothing else in a payload can ping.
import { describe, expect, it } from 'vitest';
import {
  renderDiscord,
  type DiscordBody,
  type DiscordRenderOptions,
} from '../../src/notify/render/discord.js';
import { renderRunDiscord } from '../../src/notify/render/run-discord.js';
import type { RunReport } from '../../src/report/run-report.js';
import type { ChangeState, DiscordStyle, NotifyContext, NotifyEvent } from '../../src/notify/types.js';
import { stringsIn } from '../support/markdown.js';
import * as F from '../support/reports.js';

const USER = '80351110224678912';
const USER2 = '123456789012345678';
const ROLE = '165511591545143296';

function opts(style: DiscordStyle, users = [USER, USER2], roles = [ROLE]): DiscordRenderOptions {
  return {
    username: null,
    avatarUrl: null,
    threadId: null,
    threadName: null,
    attachLog: 'failure',
    style,
    mentionOnFailure: { users, roles },
    live: false,
    liveIntervalMs: 10_000,
  };
}

const ctx = (change: ChangeState = 'unknown', event: NotifyEvent = 'finished'): NotifyContext => ({
  event,
  change,
});

/** Every `<@…>` token anywhere in the body. */
function pingTokens(body: unknown): string[] {
  return stringsIn(body).flatMap(([, s]) => [...s.matchAll(/<@[!&]?\d+>/g)].map((m) => m[0]));
}

function fleet(status: RunReport['status']): RunReport {
  const failed = status === 'failure' ? 1 : 0;
  return {
    schema_version: 2,
    event: 'jetson.run.finished',
    build_id: '987654321',
    url: 'https://github.com/acme/jetson-images/actions/runs/987654321',
    web_url: 'https://github.com/acme/jetson-images/actions/runs/987654321',
    status,
    message: '@everyone <@42> look',
    trigger_name: 'Build on the Jetson fleet',
    repository: 'acme/jetson-images',
    ref: 'refs/heads/main',
    sha: '0123456789abcdef0123456789abcdef01234567',
    run_attempt: '1',
    created: '2026-11-20T10:00:00.000Z',
    completed: '2026-11-20T11:00:00.000Z',
    wall_seconds: 3600,
    build_seconds_sum: 7200,
    totals: { packages: 2, cells: 2, success: 2 - failed, failure: failed, cancelled: 0, missing: 0 },
    platforms: [],
    failed: [],
    failed_packages: failed ? ['<@&99>'] : [],
    missing_packages: [],
    images: [],
    jobs: {},
    runs: [],
  };
}

describe.each(['compact', 'upstream'] as const)('mentions, %s style', (style) => {
  it('a failure pings exactly the configured ids, first in content', () => {
    const body = renderDiscord(F.stageFailure(), opts(style), ctx()).body as DiscordBody;
    expect(body.content!.split('\n')[0]).toBe(`<@${USER}> <@${USER2}> <@&${ROLE}>`);
    expect(body.allowed_mentions).toEqual({ parse: [], users: [USER, USER2], roles: [ROLE] });
    expect(pingTokens(body)).toEqual([`<@${USER}>`, `<@${USER2}>`, `<@&${ROLE}>`]);
  });

  it('a broken build pings; success, cancel and a start announcement do not', () => {
    const broken = renderDiscord(F.multipleSkipErrorsMixed(), opts(style), ctx('broken')).body as DiscordBody;
    expect(broken.allowed_mentions.users).toEqual([USER, USER2]);
    for (const [report, c] of [
      [F.successChainWithPush(), ctx('fixed')],
      [F.cancelled(), ctx()],
      [F.stageFailure(), ctx('unknown', 'started')],
    ] as const) {
      const body = renderDiscord(report, opts(style), c).body as DiscordBody;
      expect(body.allowed_mentions).toEqual({ parse: [] });
      expect(pingTokens(body)).toEqual([]);
    }
  });

  it('only one kind configured: the other list is left out', () => {
    const body = renderDiscord(F.stageFailure(), opts(style, [], [ROLE]), ctx()).body as DiscordBody;
    expect(body.allowed_mentions).toEqual({ parse: [], roles: [ROLE] });
    expect(pingTokens(body)).toEqual([`<@&${ROLE}>`]);
  });

  it('mentions smuggled into the report stay inert next to the configured ones', () => {
    const body = renderDiscord(F.mentionsHostile(), opts(style), ctx('broken')).body as DiscordBody;
    expect(pingTokens(body)).toEqual([`<@${USER}>`, `<@${USER2}>`, `<@&${ROLE}>`]);
    for (const [p, s] of stringsIn(body)) expect(s, p).not.toMatch(/@(everyone|here)/i);
  });

  it('no mentions configured: allowed_mentions stays { parse: [] } on a failure', () => {
    const body = renderDiscord(F.stageFailure(), opts(style, [], []), ctx('broken')).body as DiscordBody;
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(pingTokens(body)).toEqual([]);
  });

  it('150 ids: the line stays within content limits and allowed_mentions lists only the ones shown', () => {
    const many = Array.from({ length: 100 }, (_, i) => String(100000000000000000n + BigInt(i)));
    const body = renderDiscord(F.stageFailure(), opts(style, many, many.slice(0, 50)), ctx())
      .body as DiscordBody;
    expect(body.content!.length).toBeLessThanOrEqual(2000);
    const shown = pingTokens(body);
    const allowed = [
      ...(body.allowed_mentions.users ?? []).map((id) => `<@${id}>`),
      ...(body.allowed_mentions.roles ?? []).map((id) => `<@&${id}>`),
    ];
    expect(shown).toEqual(allowed);
    expect(shown.length).toBeGreaterThan(10);
  });
});

describe('change wording, upstream style', () => {
  it('says Fixed / Broken in the headline and the title', () => {
    const fixed = renderDiscord(F.successChainWithPush(), opts('upstream'), ctx('fixed')).body as DiscordBody;
    expect(fixed.content!.split('\n')[0]).toBe('✅ **Fixed: Build Successful**');
    expect(fixed.embeds![0]!.title).toBe('Fixed: Jetson Containers Build Success');
    const broken = renderDiscord(F.stageFailure(), opts('upstream', [], []), ctx('broken'))
      .body as DiscordBody;
    expect(broken.content!.split('\n')[0]).toBe('❌ **Broken: Build Failed**');
    expect(broken.embeds![0]!.title).toBe('Broken: Jetson Containers Build Failure');
  });
});

describe('the fleet run message', () => {
  it('a failed run pings the configured ids; its own text cannot', () => {
    const body = renderRunDiscord(fleet('failure'), opts('compact'), ctx()).body as DiscordBody;
    expect(body.content!.split('\n')[0]).toBe(`<@${USER}> <@${USER2}> <@&${ROLE}>`);
    expect(body.allowed_mentions).toEqual({ parse: [], users: [USER, USER2], roles: [ROLE] });
    expect(pingTokens(body)).toEqual([`<@${USER}>`, `<@${USER2}>`, `<@&${ROLE}>`]);
  });

  it('a successful run pings nobody', () => {
    const body = renderRunDiscord(fleet('success'), opts('compact'), ctx('fixed')).body as DiscordBody;
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(pingTokens(body)).toEqual([]);
  });

  it('words a change in the title', () => {
    const title = (status: RunReport['status'], change: ChangeState): string | undefined =>
      (renderRunDiscord(fleet(status), opts('compact', [], []), ctx(change)).body as DiscordBody).embeds![0]!
        .title;
    expect(title('success', 'fixed')).toBe('✅ Jetson build fixed: 2/2 packages built');
    expect(title('failure', 'broken')).toBe('❌ Jetson build broken: 1 of 2 failed');
    expect(title('failure', 'same')).toBe('❌ Jetson build failed: 1 of 2 failed');
    expect(title('success', 'unknown')).toBe('✅ Jetson build: 2/2 packages built');
  });
});
