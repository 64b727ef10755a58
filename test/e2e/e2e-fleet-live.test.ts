// End to end on dist/: the reusable workflow's live run message as its three jobs hand it over - dist/plan.js
// posts it, each leg (dist/index.js) writes its line, dist/summarize.js replaces it with the result in place.
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseLiveRun } from '../../src/notify/render/run-live-discord.js';
import { runAction } from '../support/action-runner.js';
import { startDiscordDouble, type DiscordDouble } from '../support/discord-double.js';
import { expectValidDiscordBody } from '../support/discord-spec.js';

const LOOPBACK = { NO_PROXY: '127.0.0.1', no_proxy: '127.0.0.1' };

interface Leg {
  leg: string;
  packages: string;
  index: number;
  multiple: boolean;
}

describe('e2e: the live run message, plan → legs → summary', () => {
  let double: DiscordDouble;
  let reports: string;
  beforeAll(async () => {
    double = await startDiscordDouble();
    reports = mkdtempSync(path.join(os.tmpdir(), 'jba-fleet-live-'));
  });
  afterAll(async () => {
    await double.close();
    rmSync(reports, { recursive: true, force: true });
  });

  it('is posted once, filled in by each leg, and replaced by the result in place', async () => {
    const plan = await runAction({
      entry: 'plan.js',
      skipPost: true,
      timeoutMs: 30_000,
      inputs: {
        packages: 'numpy torchvision',
        'runs-on': '["jetson"]',
        'discord-live': 'true',
        'discord-webhook-url': double.webhookUrl(),
      },
      env: LOOPBACK,
    });
    expect(plan.main.code, plan.main.stdout).toBe(0);
    const id = plan.main.outputs['discord-message-id'] ?? '';
    expect(id).toMatch(/^\d{17,20}$/);
    expect(double.requestsOf('create')).toHaveLength(1);
    const matrix = JSON.parse(plan.main.outputs['matrix'] ?? '') as { include: Leg[] };
    expect(matrix.include.map((l) => l.leg)).toEqual(['numpy', 'torchvision']);

    // The legs, as the workflow runs them without notify-each: the URL for the line, notifications off.
    for (const leg of matrix.include) {
      const run = await runAction({
        timeoutMs: 60_000,
        inputs: {
          packages: leg.packages,
          matrix: JSON.stringify(leg),
          'discord-webhook-url': double.webhookUrl(),
          'notify-on': 'never',
          'discord-run-message-id': id,
          'upload-logs': 'false',
          'job-check-run-id': String(9000 + leg.index),
        },
        env: { ...LOOPBACK, FAKE_JC_FAIL_STAGE: 'torchvision' },
      });
      expect(run.main.stdout).not.toContain('::warning::Could not');
      expect(run.main.outputs['report-file'], run.main.stdout + run.main.stderr).toBeTruthy();
      const dir = path.join(reports, leg.leg);
      mkdirSync(dir, { recursive: true });
      cpSync(run.main.outputs['report-file'] ?? '', path.join(dir, 'report.json'));
    }
    // No leg posted a message of its own; each edited the run message.
    expect(double.requestsOf('create')).toHaveLength(1);
    const legEdits = double.requestsOf('edit');
    expect(legEdits.length).toBeGreaterThanOrEqual(2);
    for (const edit of legEdits) {
      expect(edit.messageId).toBe(id);
      expectValidDiscordBody(edit.body, 'edit');
    }
    const live = parseLiveRun({ embeds: double.message(id)?.embeds });
    expect(live?.states).toEqual(['success', 'failure']);
    const line = (key: string): string => live?.lines.find((l) => l.key === key)?.text ?? '';
    expect(line('numpy')).toMatch(
      /^✅ \[`numpy`\]\(https:\/\/github\.com\/octo-org\/jetson-images\/actions\/runs\/4242\/job\/9000\) · \d+s$/,
    );
    expect(line('torchvision')).toMatch(
      /^❌ \[`torchvision`\]\(.*\/job\/9001\) · \d+s — `torchvision · build 9\/9` E: Unable to locate package foo/,
    );
    const title = (double.message(id)?.embeds[0] as { title: string }).title;
    expect(title).toBe('⏳ Jetson build: 2/2 legs done, summarizing');

    const summary = await runAction({
      entry: 'summarize.js',
      skipPost: true,
      timeoutMs: 30_000,
      inputs: {
        reports,
        packages: plan.main.outputs['packages'] ?? '',
        'discord-webhook-url': double.webhookUrl(),
        'discord-message-id': id,
        'webhook-retries': '0',
        'fail-on-build-error': 'false',
      },
      env: LOOPBACK,
    });
    expect(summary.main.code, summary.main.stdout).toBe(0);
    expect(summary.main.outputs['message-id']).toBe(id);
    // Still one message: the result replaced the live one.
    expect(double.requestsOf('create')).toHaveLength(1);
    expect(double.messages()).toHaveLength(1);
    const final = double.requestsOf('edit').at(-1);
    expectValidDiscordBody(final?.body, 'edit');
    const embed = double.message(id)?.embeds[0] as { title: string; footer: { text: string } };
    expect(embed.title).toBe('❌ Jetson build failed: 1 of 2 failed');
    expect(embed.footer.text).not.toMatch(/state \d/);
  });

  it('summary: a run message deleted meanwhile → the result is posted as a new message', async () => {
    const plan = await runAction({
      entry: 'plan.js',
      skipPost: true,
      timeoutMs: 30_000,
      inputs: {
        packages: 'numpy torchvision',
        'runs-on': '["jetson"]',
        'discord-live': 'true',
        'discord-webhook-url': double.webhookUrl(),
      },
      env: LOOPBACK,
    });
    const id = plan.main.outputs['discord-message-id'] ?? '';
    double.deleteMessage(id);
    const creates = double.requestsOf('create').length;
    const summary = await runAction({
      entry: 'summarize.js',
      skipPost: true,
      timeoutMs: 30_000,
      inputs: {
        reports,
        packages: plan.main.outputs['packages'] ?? '',
        'discord-webhook-url': double.webhookUrl(),
        'discord-message-id': id,
        'webhook-retries': '0',
        'fail-on-build-error': 'false',
      },
      env: LOOPBACK,
    });
    expect(summary.main.code, summary.main.stdout).toBe(0);
    expect(double.requestsOf('create')).toHaveLength(creates + 1);
    const fresh = summary.main.outputs['message-id'] ?? '';
    expect(fresh).not.toBe(id);
    expect((double.message(fresh)?.embeds[0] as { title: string }).title).toBe(
      '❌ Jetson build failed: 1 of 2 failed',
    );
  });
});
