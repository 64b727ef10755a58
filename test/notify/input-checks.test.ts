// Issue 11 follow-ups: inputs that were accepted and then silently ignored are refused (an InputError at the
// start) or told once at the start (a warning): mention ids that are no snowflakes or do not fit the mention
// line, discord-live or mentions without a Discord target, a malformed or orphaned discord-run-message-id,
// a job-check-run-id that is no id.
import os from 'node:os';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('@actions/core', () => ({ setSecret: () => undefined }));

import { readSettings } from '../../src/action/settings.js';
import { setupNotices, startInputWarnings } from '../../src/notify/notices.js';
import { loadNotifySettings } from '../../src/notify/settings.js';
import { readMentions } from '../../src/notify/targets.js';
import { InputError } from '../../src/runner/errors.js';
import { resetSecretsForTest } from '../../src/runner/secrets.js';

const DISCORD = 'https://discord.com/api/webhooks/123456789012345678/inputCheckTokenAbCdEfGhIjKl';
const GENERIC = 'https://hooks.example.com/jetson';

beforeEach(() => resetSecretsForTest());

function thrown(f: () => unknown): InputError {
  try {
    f();
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
  throw new Error('did not throw');
}

describe('discord-mention-on-failure', () => {
  it.each(['<@&0>', '<@00012>', '<@0123456789012345678>'])('refuses %s: not a Discord id', (value) => {
    const err = thrown(() => readMentions(value));
    expect(err.input).toBe('discord-mention-on-failure');
    expect(err.message).toContain(JSON.stringify(value));
    expect(err.message).toContain('ids are Discord snowflakes: digits, not starting with 0');
  });

  it('refuses more ids than fit the mention line, saying how many fit', () => {
    const sixty = Array.from({ length: 60 }, (_, i) => `<@${100000000000000000n + BigInt(i)}>`).join(' ');
    const err = thrown(() => readMentions(sixty));
    expect(err.message).toContain(
      '60 mentions take 1319 characters, more than the 1000 of the mention line: 45 of these fit',
    );
  });

  it('keeps 45 such ids', () => {
    const ids = Array.from({ length: 45 }, (_, i) => String(100000000000000000n + BigInt(i)));
    expect(readMentions(ids.map((id) => `<@${id}>`).join(' ')).users).toEqual(ids);
  });
});

describe('Discord options without a Discord target', () => {
  const warnings = async (inputs: Record<string, string>): Promise<string[]> =>
    setupNotices(await loadNotifySettings((n) => inputs[n] ?? '', {})).warnings;

  it('discord-live with only a generic target: one warning', async () => {
    expect(await warnings({ 'webhook-url': GENERIC, 'discord-live': 'true' })).toEqual([
      'discord-live is set, but no Discord target is (discord-webhook-url, or a webhooks entry with format: discord): it is ignored.',
    ]);
  });

  it('discord-live and mentions with only a generic target: one warning naming both', async () => {
    expect(
      await warnings({
        'webhook-url': GENERIC,
        'discord-live': 'true',
        'discord-mention-on-failure': '<@111111111111111111>',
      }),
    ).toEqual([
      'discord-live and discord-mention-on-failure are set, but no Discord target is (discord-webhook-url, or a webhooks entry with format: discord): they are ignored.',
    ]);
  });

  it('with a Discord target: no warning', async () => {
    expect(await warnings({ 'discord-webhook-url': DISCORD, 'discord-live': 'true' })).toEqual([]);
  });
});

describe('discord-run-message-id and job-check-run-id', () => {
  const env = { GITHUB_WORKSPACE: os.tmpdir(), RUNNER_TEMP: os.tmpdir(), GITHUB_JOB: 'build' };

  it('a discord-run-message-id that is no message id fails the step at the start', () => {
    const inputs: Record<string, string> = { packages: 'numpy', 'discord-run-message-id': 'abc' };
    const err = thrown(() => readSettings((n) => inputs[n] ?? '', env));
    expect(err.input).toBe('discord-run-message-id');
    expect(err.message).toContain('"abc"');
    expect(err.message).toContain("a Discord message id (digits, the plan's discord-message-id output)");
  });

  it('a discord-run-message-id without discord-webhook-url: one warning', async () => {
    const settings = await loadNotifySettings((n) => ({ 'webhook-url': GENERIC })[n] ?? '', {});
    expect(startInputWarnings(settings, { runMessageId: '1300000000000000000', jobCheckRunId: '' })).toEqual([
      "discord-run-message-id is set, but discord-webhook-url is empty: this leg's line in the run message cannot be written.",
    ]);
  });

  it('a job-check-run-id that is no id: one warning, the Job link is left out', () => {
    expect(startInputWarnings(null, { runMessageId: '', jobCheckRunId: 'abc' })).toEqual([
      'job-check-run-id is "abc", not a check run id (digits, as ${{ job.check_run_id }} gives): messages link the run instead of the job.',
    ]);
    expect(startInputWarnings(null, { runMessageId: '', jobCheckRunId: ' 123 ' })).toEqual([]);
  });
});
