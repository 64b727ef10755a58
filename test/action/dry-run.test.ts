// dry-run: every payload a target would be sent, rendered through the real path, scrubbed and checked
// against its platform's limits; report-file read and checked; a job summary no payload can break.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('@actions/core', async (original) => ({
  ...(await original<typeof import('@actions/core')>()),
  setSecret: () => {},
}));

import { dryRunSummary, readReportFile, renderDryRun } from '../../src/action/dry-run.js';
import { resolveNotifySettings } from '../../src/notify/targets.js';
import type { NotifySettings } from '../../src/notify/types.js';
import type { BuildReport } from '../../src/report/build-report.js';
import { sampleReport } from '../../src/report/sample.js';
import { registerSecret, resetSecretsForTest } from '../../src/runner/secrets.js';
import { commonMarkFencesBalanced } from '../support/markdown.js';
import { checkDiscordLimits } from '../../src/notify/render/discord.js';

const DISCORD = 'https://discord.com/api/webhooks/1234567890/dryRunTokenAbCdEfGhIjKlMnOpQrStUvWx';
const GENERIC = 'https://hooks.example.com/jetson?key=genericKey0123456789';
const dir = mkdtempSync(path.join(os.tmpdir(), 'jba-dry-run-'));

function settingsFor(inputs: Record<string, string>): NotifySettings {
  return resolveNotifySettings((name) => inputs[name] ?? '', {});
}

function sample(): BuildReport {
  return sampleReport({
    packages: [],
    run: {
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
    },
    runner: { name: 'orin-agx-01', os: 'Linux', arch: 'ARM64', labels: [] },
    end: new Date('2026-03-01T12:00:00.000Z'),
    logDir: path.join(dir, 'no-such-logs'),
  });
}

function writeJson(name: string, value: unknown): string {
  const file = path.join(dir, name);
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
}

beforeEach(() => resetSecretsForTest());

describe('renderDryRun', () => {
  it('renders one entry per target, Discord and generic, from the sample; both fit', async () => {
    const settings = settingsFor({ 'discord-webhook-url': DISCORD, 'webhook-url': GENERIC });
    const entries = await renderDryRun(sample(), settings, { logTail: false });
    expect(entries.map((e) => [e.source, e.url, e.format, e.dryRun, e.wouldSend, e.problems])).toEqual([
      ['discord-webhook-url', 'https://discord.com/***', 'discord', true, true, []],
      ['webhook-url', 'https://hooks.example.com/***', 'generic', true, true, []],
    ]);
    const discord = JSON.stringify(entries[0]?.body);
    expect(discord).toContain('torchvision');
    expect(discord).toContain('build 9/9');
    expect(checkDiscordLimits(entries[0]?.body)).toEqual([]);
    const generic = entries[1]?.body as Record<string, unknown>;
    expect(generic.event).toBe('jetson.build.finished');
    expect(generic.status).toBe('failure');
    expect(generic.failed_packages).toEqual(['torchvision']);
    expect(generic.packages).toEqual(['pytorch:2.8', 'torchvision']);
    expect(generic.run_url).toBe('https://github.com/octo-org/jetson-images/actions/runs/4242');
    expect(entries.every((e) => e.files.length === 0)).toBe(true);
  });

  it('names why a target would not send: its rule does not fire for the status', async () => {
    const settings = settingsFor({
      'success-webhook-url': 'https://hooks.example.com/ok',
      'failure-webhook-url': 'https://hooks.example.com/bad',
      webhooks: '- url: https://hooks.example.com/off\n  on: never',
    });
    const entries = await renderDryRun(sample(), settings, { logTail: false });
    expect(entries.map((e) => [e.source, e.wouldSend, e.reason])).toEqual([
      ['success-webhook-url', false, "on: success, and the report's status is failure"],
      ['failure-webhook-url', true, null],
      ['webhooks[0]', false, 'on: never'],
    ]);
    expect(entries[0]?.body).toBeNull();
  });

  it('names the limit a report-file breaks (a generic body over 512 KiB)', async () => {
    const big = sample();
    // The commit sha is carried into the generic body as is: 600 000 characters break the bound.
    big.run.sha = 'f'.repeat(600_000);
    const file = writeJson('big-report.json', big);
    const report = await readReportFile(file);
    const entries = await renderDryRun(report, settingsFor({ 'webhook-url': GENERIC }), { logTail: true });
    expect(entries[0]?.problems).toHaveLength(1);
    expect(entries[0]?.problems[0]).toMatch(/^body is 6\d{5} bytes of JSON \(max 524288\)$/);
  });

  it('scrubs the payloads: a secret the build printed is not in any body', async () => {
    const report = sample();
    const secret = 'hunter2-SuperSecretValue';
    registerSecret(secret);
    (report.failure as { excerpt: string[] }).excerpt.push(`token=${secret}`);
    const entries = await renderDryRun(
      report,
      settingsFor({ 'discord-webhook-url': DISCORD, 'webhook-url': GENERIC }),
      { logTail: false },
    );
    for (const e of entries) expect(JSON.stringify(e.body)).not.toContain(secret);
    expect(JSON.stringify(entries[1]?.body)).toContain('token=***');
  });
});

describe('readReportFile', () => {
  it('reads a report.json of an earlier run', async () => {
    const file = writeJson('ok.json', sample());
    expect((await readReportFile(file)).failedPackages).toEqual(['torchvision']);
  });

  it.each([
    ['missing', path.join(dir, 'nope.json'), 'there is no such file'],
    ['a folder', dir, 'it is not a regular file'],
    ['not JSON', 'garbage', 'it is not JSON'],
    ['an array', '[1,2]', 'it is not a BuildReport: it is not a JSON object'],
    [
      'schema 3',
      { schemaVersion: 3 },
      'it is not a BuildReport: schemaVersion is 3, this action reads 1 and 2',
    ],
    [
      'no schemaVersion',
      { status: 'failure' },
      'it is not a BuildReport: schemaVersion is missing, this action reads 1 and 2',
    ],
  ])('rejects a file that is %s with an error naming report-file', async (name, content, why) => {
    const file =
      typeof content === 'string' && content.startsWith('/') ? content : writeJson(`${name}.json`, content);
    const err = await readReportFile(file).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(err?.name).toBe('InputError');
    expect(err?.message).toContain(`Input 'report-file' has an invalid value "${file}": ${why}`);
  });

  it('names the required fields a report lacks', async () => {
    const partial: Record<string, unknown> = { ...sample() };
    delete partial.status;
    partial.packages = [{ name: 'numpy' }];
    const err = await readReportFile(writeJson('partial.json', partial)).catch((e: unknown) => e as Error);
    expect((err as Error).message).toContain(
      'it is not a BuildReport: status is not success, failure or cancelled; packages is not a list of {name, status}',
    );
  });
});

describe('dryRunSummary', () => {
  it('one collapsed block per target; a payload cannot break out of its block', async () => {
    const report = sample();
    report.message =
      'evil </details></summary> ```` <img src=x onerror=alert(1)> **bold** [x](https://e.vil)';
    (report.failure as { excerpt: string[] }).excerpt.push('`````', '</details>');
    const settings = settingsFor({ 'discord-webhook-url': DISCORD, 'webhook-url': GENERIC });
    const entries = await renderDryRun(report, settings, { logTail: false });
    const md = dryRunSummary(report, entries, 'the sample report');
    expect(commonMarkFencesBalanced(md)).toBe(true);
    // Outside the code blocks (where a payload is text), nothing of it renders as HTML or markdown.
    const outside = md.replace(/^(`{3,})json\n[\s\S]*?\n\1$/gm, '');
    expect(outside.match(/<details>/g)).toHaveLength(2);
    expect(outside.match(/<\/details>/g)).toHaveLength(2);
    expect(outside.match(/<\/summary>/g)).toHaveLength(2);
    expect(outside).not.toContain('<img');
    expect(outside).not.toContain('**bold**');
    expect(outside).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(md).toContain(
      '<summary>✅ discord-webhook-url · https://discord.com/&#42;&#42;&#42; · discord: fits</summary>',
    );
    expect(md).toContain('- Attached files: none');
  });

  it('says when there is no target', () => {
    const md = dryRunSummary(sample(), [], 'the sample report');
    expect(md).toContain('No notification target is configured, so none would be sent.');
  });
});
