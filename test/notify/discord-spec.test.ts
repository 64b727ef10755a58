// Every Discord body the action can send, checked against Discord's published request schemas
// (discord/discord-api-spec): execute-webhook (create) and edit-webhook-message (edit), for both single-build
// styles over every fixture and hostile report, the fleet run message, and the multipart payload_json exactly
// as delivery puts it on the wire.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('@actions/core', () => ({ setSecret: () => {} }));

import { IncomingWebhookUpdateRequestPartialSchema } from 'discord-api-spec/zod';
import { deliverAll, editRequestBody } from '../../src/notify/deliver.js';
import { renderDiscord, type DiscordRenderOptions } from '../../src/notify/render/discord.js';
import { renderRunDiscord } from '../../src/notify/render/run-discord.js';
import type { RunReport, RunRow } from '../../src/report/run-report.js';
import type {
  ChangeState,
  DiscordStyle,
  NotifyContext,
  OutgoingFile,
  Target,
} from '../../src/notify/types.js';
import { resetSecretsForTest } from '../../src/runner/secrets.js';
import { discordSpecProblems, expectValidDiscordBody } from '../support/discord-spec.js';
import { startReceiver, type Receiver } from '../support/receiver.js';
import * as F from '../support/reports.js';
import { NO_TEMPLATES } from '../support/targets.js';

const USER = '123456789012345678';
const ROLE = '987654321098765432';

function opts(style: DiscordStyle, over: Partial<DiscordRenderOptions> = {}): DiscordRenderOptions {
  return {
    username: 'Jetson CI',
    avatarUrl: 'https://example.com/avatar.png',
    threadId: null,
    threadName: 'nightly builds',
    attachLog: 'failure',
    style,
    mentionOnFailure: { users: [USER], roles: [ROLE] },
    live: false,
    liveIntervalMs: 10_000,
    ...over,
  };
}

const LOG: OutgoingFile = {
  name: 'python.log',
  contentType: 'text/plain; charset=utf-8',
  data: Buffer.from('#5 ERROR: exit code: 100\n'),
};

const ctx = (change: ChangeState = 'unknown'): NotifyContext => ({ event: 'finished', change });

/** The keys an edit request may carry, from the published schema (zod objects strip unknown keys silently). */
const EDIT_KEYS = Object.keys(IncomingWebhookUpdateRequestPartialSchema.shape).sort();

function expectValidEdit(body: unknown): void {
  const edit = editRequestBody(body);
  expectValidDiscordBody(edit, 'edit');
  for (const key of Object.keys(edit as object)) expect(EDIT_KEYS, `edit body key ${key}`).toContain(key);
}

function runRow(name: string, status: RunRow['status'], i: number): RunRow {
  const url = 'https://github.com/acme/jetson-images/actions/runs/987654321';
  return {
    name,
    status,
    requested: name,
    reason: status === 'missing' ? 'no report: the runner was lost' : null,
    image: status === 'success' ? `${name}:r36.4.tegra-aarch64-cu126-22.04` : null,
    pushed_image: null,
    duration_seconds: 100 + i,
    failure:
      status === 'failure'
        ? { stage: name, phase: 'build', error: `ERROR: ${name} \`\`\` @everyone <@1>`, excerpt: ['x'] }
        : null,
    log_url: `${url}/artifacts/${1000 + i}`,
    web_url: `${url}/job/${50000000000 + i}`,
    created: '2026-11-20T10:00:00.000Z',
    completed: '2026-11-20T11:00:00.000Z',
    host_tag: `jetson-orin-agx-${i % 16}`,
    leg: name,
    platform: null,
    environment: null,
    platform_mismatch: null,
    change: null,
  };
}

function fleetRun(count: number, failures: number): RunReport {
  const runs: RunRow[] = [];
  for (let i = 0; i < count; i++) {
    runs.push(runRow(`l4t-package-${String(i).padStart(4, '0')}`, i < failures ? 'failure' : 'success', i));
  }
  const totals = {
    packages: count,
    cells: count,
    success: count - failures,
    failure: failures,
    cancelled: 0,
    missing: 0,
  };
  return {
    schema_version: 2,
    event: 'jetson.run.finished',
    build_id: '987654321',
    url: 'https://github.com/acme/jetson-images/actions/runs/987654321',
    web_url: 'https://github.com/acme/jetson-images/actions/runs/987654321',
    status: failures > 0 ? 'failure' : 'success',
    message: failures > 0 ? `${failures} of ${count} packages failed.` : `${count} packages built.`,
    trigger_name: 'Build on the Jetson fleet',
    repository: 'acme/jetson-images',
    ref: 'refs/heads/main',
    sha: '0123456789abcdef0123456789abcdef01234567',
    run_attempt: '1',
    created: '2026-11-20T10:00:00.000Z',
    completed: '2026-11-20T11:00:00.000Z',
    wall_seconds: 3600,
    build_seconds_sum: 100 * count,
    totals,
    platforms: [],
    failed: [],
    failed_packages: runs.filter((r) => r.status === 'failure').map((r) => r.name),
    missing_packages: [],
    images: [],
    jobs: { plan: 'success', build: failures > 0 ? 'failure' : 'success' },
    runs,
  };
}

describe('single-build bodies validate against Discord’s published schema', () => {
  describe.each(['compact', 'upstream'] as const)('%s', (style) => {
    it.each(F.allReports())('%s: create and edit, with and without a log attachment', (_name, report) => {
      for (const attachment of [null, LOG]) {
        for (const change of ['unknown', 'broken', 'fixed'] as const) {
          const body = renderDiscord(report, { ...opts(style), attachment }, ctx(change)).body;
          expectValidDiscordBody(body, 'create');
          expectValidEdit(body);
        }
      }
    });
  });

  it('a declared attachment id is a snowflake string, as the schema requires', () => {
    for (const style of ['compact', 'upstream'] as const) {
      const body = renderDiscord(F.stageFailure(), { ...opts(style), attachment: LOG }).body as {
        attachments: unknown[];
      };
      expect(body.attachments).toEqual([
        { id: '0', filename: 'python.log', description: 'Build log of stage python (failure)' },
      ]);
    }
  });

  it('the edit body keeps the message and drops what only a new message may carry', () => {
    const body = renderDiscord(F.stageFailure(), { ...opts('compact'), attachment: LOG }).body as Record<
      string,
      unknown
    >;
    const edit = editRequestBody(body) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(
      expect.arrayContaining(['username', 'avatar_url', 'thread_name', 'embeds', 'attachments']),
    );
    expect(Object.keys(edit).sort()).toEqual(['allowed_mentions', 'attachments', 'content', 'embeds']);
    expect(edit['embeds']).toEqual(body['embeds']);
  });

  it('the guard is real: a numeric attachment id and an over-long title are rejected', () => {
    const problems = discordSpecProblems(
      { embeds: [{ title: 'x'.repeat(257) }], attachments: [{ id: 0, filename: 'a.log' }] },
      'create',
    );
    expect(problems.join('\n')).toMatch(/attachments\.0\.id/);
    expect(problems.join('\n')).toMatch(/embeds\.0\.title/);
  });
});

describe('fleet run bodies validate against Discord’s published schema', () => {
  it.each([
    ['all built', fleetRun(3, 0)],
    ['some failed', fleetRun(12, 4)],
    ['500 legs, folded', fleetRun(500, 60)],
  ])('%s: create and edit, every change state', (_label, run) => {
    for (const change of ['unknown', 'broken', 'fixed'] as const) {
      const body = renderRunDiscord(run, opts('compact'), ctx(change)).body;
      expectValidDiscordBody(body, 'create');
      expectValidEdit(body);
    }
  });
});

describe('the multipart payload_json as delivery sends it', () => {
  let receiver: Receiver;
  beforeEach(async () => {
    resetSecretsForTest();
    receiver = await startReceiver({ fallback: { status: 200, body: { id: '1300000000000000001' } } });
  });
  afterEach(async () => {
    await receiver.close();
  });

  function discordTarget(): Target {
    return {
      source: 'discord-webhook-url',
      url: receiver.urlFor('/api/v10/webhooks/123/tok') + '?wait=true',
      format: 'discord',
      on: 'always',
      method: 'POST',
      headers: {},
      basicAuth: null,
      timeoutMs: 5000,
      retries: 0,
      secret: null,
      signature: 'standard',
      templates: NO_TEMPLATES,
    };
  }

  async function sent(message: { body: unknown; files: OutgoingFile[] }): Promise<unknown> {
    const [result] = await deliverAll([{ target: discordTarget(), message }], { deadlineMs: 10_000 });
    expect(result?.delivered).toBe(true);
    const multipart = receiver.requests[0]?.multipart;
    expect(multipart?.files.length).toBe(message.files.length);
    return multipart?.payloadJson;
  }

  it('files without declared attachments get snowflake-string ids (the fleet message folds into packages.txt)', async () => {
    const rendered = renderRunDiscord(fleetRun(500, 60), opts('compact'));
    expect(rendered.files.map((f) => f.name)).toEqual(['packages.txt']);
    const payload = (await sent(rendered)) as { attachments: unknown[] };
    expect(payload.attachments).toEqual([{ id: '0', filename: 'packages.txt' }]);
    expectValidDiscordBody(payload, 'create');
  });

  it.each(['compact', 'upstream'] as const)('%s single build with its log tail attached', async (style) => {
    const rendered = renderDiscord(F.multipleSkipErrorsMixed(), { ...opts(style), attachment: LOG }, ctx());
    const payload = await sent(rendered);
    expectValidDiscordBody(payload, 'create');
    expectValidEdit(payload);
  });
});
