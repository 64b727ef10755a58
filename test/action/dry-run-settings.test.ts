// The trial modes' settings (dry-run, test-notification, report-file) and how a test notification is marked,
// routed and reported.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('@actions/core', async (original) => ({
  ...(await original<typeof import('@actions/core')>()),
  setSecret: () => {},
}));

import { readSettings } from '../../src/action/settings.js';
import { markAsTest, resultLine, testSettings } from '../../src/action/test-notification.js';
import { resolveNotifySettings } from '../../src/notify/targets.js';
import type { DeliveryResult } from '../../src/notify/types.js';

const ws = mkdtempSync(path.join(os.tmpdir(), 'jba-trial-'));
const env = { GITHUB_WORKSPACE: ws, RUNNER_TEMP: ws, GITHUB_JOB: 'build' };
const inputs = (values: Record<string, string>) => (name: string) => values[name] ?? '';

describe('trial settings', () => {
  it('a build has no trial, and still needs packages', () => {
    expect(readSettings(inputs({ packages: 'numpy' }), env).trial).toBeNull();
    expect(() => readSettings(inputs({}), env)).toThrow(
      `Input 'packages' has an invalid value "": name at least one package`,
    );
  });

  it('dry-run and test-notification need no packages', () => {
    const dry = readSettings(inputs({ 'dry-run': 'true' }), env);
    expect(dry.trial).toEqual({ mode: 'dry-run', reportFile: null });
    expect(dry.build.packages).toEqual([]);
    const test = readSettings(inputs({ 'test-notification': 'true', packages: 'l4t-ml' }), env);
    expect(test.trial).toEqual({ mode: 'test-notification', reportFile: null });
    expect(test.build.packages).toEqual(['l4t-ml']);
  });

  it('keeps every other check in a trial', () => {
    expect(() => readSettings(inputs({ 'dry-run': 'true', packages: 'bad;name' }), env)).toThrow(
      /Input 'packages'/,
    );
    expect(() => readSettings(inputs({ 'dry-run': 'yes' }), env)).toThrow(
      `Input 'dry-run' has an invalid value "yes": use true or false`,
    );
    expect(() => readSettings(inputs({ 'dry-run': 'true', 'upload-timeout': '0' }), env)).toThrow(
      /Input 'upload-timeout'/,
    );
  });

  it('dry-run and test-notification cannot both be true', () => {
    expect(() => readSettings(inputs({ 'dry-run': 'true', 'test-notification': 'true' }), env)).toThrow(
      'Input \'test-notification\' has an invalid value "true": dry-run and test-notification cannot both be true',
    );
  });

  it('report-file is resolved against working-directory, and only read by a dry run', () => {
    const s = readSettings(inputs({ 'dry-run': 'true', 'report-file': 'out/report.json' }), env);
    expect(s.trial?.reportFile).toBe(path.join(ws, 'out', 'report.json'));
    expect(() => readSettings(inputs({ packages: 'numpy', 'report-file': 'report.json' }), env)).toThrow(
      `Input 'report-file' has an invalid value "report.json": report-file is only read with dry-run: true`,
    );
  });
});

describe('test notification', () => {
  const settings = resolveNotifySettings(
    inputs({
      'failure-webhook-url': 'https://hooks.example.com/failures',
      'success-webhook-url': 'https://hooks.example.com/successes',
      webhooks: '- url: https://hooks.example.com/off\n  on: never',
      'discord-mention-on-failure': '<@&123456789012345678>',
    }),
    {},
  );

  it('reaches every target whatever its rule but on: never, and pings no one', () => {
    expect(settings.discord.mentionOnFailure.roles).toEqual(['123456789012345678']);
    const test = testSettings(settings);
    expect(test.targets.map((t) => [t.source, t.on])).toEqual([
      ['success-webhook-url', 'always'],
      ['failure-webhook-url', 'always'],
    ]);
    expect(test.discord.mentionOnFailure).toEqual({ users: [], roles: [] });
  });

  it('opens a Discord message with the marker', () => {
    const discord = markAsTest('discord', { body: { content: '❌ **torchvision failed**' }, files: [] });
    expect((discord.body as { content: string }).content).toBe(
      '**🧪 Test notification from jetson-build-action — not a real build**\n❌ **torchvision failed**',
    );
    // Marked once: a renderer that already says so is left as it is.
    const already = { body: { content: '🧪 Test notification from jetson-build-action' }, files: [] };
    expect(markAsTest('discord', already)).toBe(already);
  });

  it('says per target whether it was accepted, in one line', () => {
    const base: DeliveryResult = {
      source: 'discord-webhook-url',
      url: 'https://discord.com/***',
      format: 'discord',
      delivered: true,
      httpStatus: 200,
      attempts: 1,
      error: null,
      messageId: '1300000000000000001',
      durationMs: 80,
    };
    expect(resultLine(base)).toBe(
      'discord-webhook-url (https://discord.com/***): delivered, HTTP 200, message 1300000000000000001',
    );
    expect(
      resultLine({
        ...base,
        delivered: false,
        httpStatus: 404,
        messageId: null,
        error: 'HTTP 404: webhook is invalid or was deleted',
      }),
    ).toBe(
      'discord-webhook-url (https://discord.com/***): failed: HTTP 404: webhook is invalid or was deleted',
    );
  });
});
