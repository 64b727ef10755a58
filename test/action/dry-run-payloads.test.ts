// dry-run, issue 11 follow-ups: no secret from a report-file survives the summary's escaping, and every payload
// a build would send is rendered — the started message (notify-start), the live message and a live edit
// (discord-live) — each labelled and checked against its limits.
import path from 'node:path';
import os from 'node:os';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('@actions/core', async (original) => ({
  ...(await original<typeof import('@actions/core')>()),
  setSecret: () => {},
}));

import { dryRunSummary, renderDryRun } from '../../src/action/dry-run.js';
import { resolveNotifySettings } from '../../src/notify/targets.js';
import type { BuildStart } from '../../src/notify/render/generic.js';
import type { NotifySettings } from '../../src/notify/types.js';
import type { BuildReport } from '../../src/report/build-report.js';
import { sampleReport } from '../../src/report/sample.js';
import { registerSecretUrl, resetSecretsForTest } from '../../src/runner/secrets.js';
import { discordSpecProblems } from '../support/discord-spec.js';

// The token holds `_`: escaped as `&#95;` it would no longer be found by a scrub of the escaped text.
const TOKEN = 'dryTok_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789';
const DISCORD = `https://discord.com/api/webhooks/1234567890/${TOKEN}`;
const GENERIC = 'https://hooks.example.com/jetson';

const RUN = {
  serverUrl: 'https://github.com',
  repository: 'octo-org/jetson-images',
  ref: 'refs/heads/main',
  sha: '0123456789abcdef0123456789abcdef01234567',
  workflow: 'Jetson images',
  job: 'build',
  runId: '4242',
  runAttempt: '1',
  runUrl: 'https://github.com/octo-org/jetson-images/actions/runs/4242',
  jobUrl: null,
  matrix: null,
};

function settingsFor(inputs: Record<string, string>): NotifySettings {
  return resolveNotifySettings((name) => inputs[name] ?? '', {});
}

function sample(message?: string): BuildReport {
  const r = sampleReport({
    packages: ['torchvision'],
    run: RUN,
    runner: { name: 'orin-agx-01', os: 'Linux', arch: 'ARM64', labels: [] },
    end: new Date('2026-03-01T12:00:00.000Z'),
    logDir: path.join(os.tmpdir(), 'jba-no-such-logs'),
  });
  return message === undefined ? r : { ...r, message };
}

const START: BuildStart = {
  packages: ['torchvision'],
  command: {
    display: 'jetson-containers build torchvision',
    argv: ['jetson-containers', 'build', 'torchvision'],
  },
  runner: { name: 'orin-agx-01', os: 'Linux', arch: 'ARM64', labels: [] },
  run: RUN,
  startTime: '2026-03-01T11:00:00.000Z',
};

beforeEach(() => resetSecretsForTest());

describe('dry-run summary', () => {
  it("a secret in a report-file's message leaves no trace in the summary (scrubbed before escaping)", () => {
    registerSecretUrl(DISCORD);
    const report = sample(`push failed: token ${TOKEN} rejected`);
    const summary = dryRunSummary(report, [], '/tmp/report.json');
    expect(summary).not.toContain('AbCdEfGhIjKlMnOp');
    expect(summary).toContain('push failed: token &#42;&#42;&#42; rejected');
  });
});

describe('dry-run: every payload a build would send', () => {
  it('notify-start: a started entry per start target, after the results, each checked', async () => {
    const settings = settingsFor({
      'discord-webhook-url': DISCORD,
      'webhook-url': GENERIC,
      'notify-start': 'true',
    });
    const entries = await renderDryRun(sample(), settings, { logTail: false, start: START });
    expect(entries.map((e) => [e.source, e.event, e.wouldSend, e.problems])).toEqual([
      ['discord-webhook-url', 'finished', true, []],
      ['webhook-url', 'finished', true, []],
      ['discord-webhook-url', 'started', true, []],
      ['webhook-url', 'started', true, []],
    ]);
    const discordStart = entries[2]?.body as { embeds: { title: string }[] };
    expect(discordStart.embeds[0]?.title).toBe('🔨 Building torchvision');
    expect((entries[3]?.body as { event: string }).event).toBe('jetson.build.started');
    const summary = dryRunSummary(sample(), entries, 'the sample report');
    expect(summary).toContain('discord-webhook-url · started');
  });

  it('discord-live: the live message and a sample progress edit, each valid for its endpoint', async () => {
    const settings = settingsFor({
      'discord-webhook-url': DISCORD,
      'discord-live': 'true',
      'notify-start': 'true',
    });
    const entries = await renderDryRun(sample(), settings, { logTail: false, start: START });
    // With discord-live the live message is the Discord target's start: no separate started message.
    expect(entries.map((e) => [e.source, e.event, e.problems])).toEqual([
      ['discord-webhook-url', 'finished', []],
      ['discord-webhook-url', 'live', []],
      ['discord-webhook-url', 'live-edit', []],
    ]);
    const live = entries[1]?.body as { embeds: { title: string; description: string }[] };
    expect(live.embeds[0]?.title).toBe('🔨 Building torchvision');
    expect(live.embeds[0]?.description).toMatch(/^Starting…/);
    expect(discordSpecProblems(entries[1]?.body, 'create')).toEqual([]);
    const edit = entries[2]?.body as { embeds: { description: string }[] };
    expect(edit.embeds[0]?.description).toMatch(/^\*\*Stage 1\/1\*\* · building torchvision/);
    expect(discordSpecProblems(entries[2]?.body, 'edit')).toEqual([]);
    expect(Object.keys(entries[2]?.body as object)).not.toContain('username');
  });
});
