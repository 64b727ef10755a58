// notify-on: the global rule, per-target rules, and which targets fire for every status × change.
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('@actions/core', () => ({ setSecret: () => undefined }));

import { InputError } from '../../src/runner/errors.js';
import { resetSecretsForTest } from '../../src/runner/secrets.js';
import { resolveNotifySettings, selectTargets } from '../../src/notify/targets.js';
import type { ChangeState, Target, TargetOn } from '../../src/notify/types.js';

const DISCORD = 'https://discord.com/api/webhooks/112233445566778899/tok-en_value';
const HOOK = 'https://hooks.example.com/build';

function targets(inputs: Record<string, string>, env: Record<string, string> = {}): Target[] {
  return resolveNotifySettings((name) => inputs[name] ?? '', env).targets;
}
const rules = (list: Target[]): Record<string, TargetOn> =>
  Object.fromEntries(list.map((t) => [t.source, t.on]));

beforeEach(() => resetSecretsForTest());

describe('notify-on (global)', () => {
  it('applies to discord-webhook-url and webhook-url; success-/failure-webhook-url keep theirs', () => {
    const list = targets({
      'notify-on': 'failure',
      'discord-webhook-url': DISCORD,
      'webhook-url': HOOK,
      'success-webhook-url': 'https://ok.example.com/',
      'failure-webhook-url': 'https://bad.example.com/',
    });
    expect(rules(list)).toEqual({
      'discord-webhook-url': 'failure',
      'webhook-url': 'failure',
      'success-webhook-url': 'success',
      'failure-webhook-url': 'failure',
    });
  });

  it('applies to env WEBHOOK_URL; the JC_BUILD_*_WEBHOOK_URL variables keep their status', () => {
    const list = targets(
      { 'notify-on': 'change' },
      {
        WEBHOOK_URL: HOOK,
        JC_BUILD_SUCCESS_WEBHOOK_URL: 'https://ok.example.com/',
        JC_BUILD_FAILURE_WEBHOOK_URL: 'https://bad.example.com/',
      },
    );
    expect(rules(list)).toEqual({
      'env WEBHOOK_URL': 'change',
      'env JC_BUILD_SUCCESS_WEBHOOK_URL': 'success',
      'env JC_BUILD_FAILURE_WEBHOOK_URL': 'failure',
    });
  });

  it('is the default of webhooks entries without on; on and notify-on of an entry win', () => {
    const list = targets({
      'notify-on': 'never',
      webhooks: [
        `- url: ${HOOK}/a`,
        `- url: ${HOOK}/b`,
        '  on: change',
        `- url: ${HOOK}/c`,
        '  notify-on: success',
        `- url: ${DISCORD}`,
        '  on: always',
      ].join('\n'),
    });
    expect(rules(list)).toEqual({
      'webhooks[0]': 'never',
      'webhooks[1]': 'change',
      'webhooks[2]': 'success',
      'webhooks[3]': 'always',
    });
  });

  it('defaults to always', () => {
    expect(rules(targets({ 'webhook-url': HOOK, webhooks: `- url: ${HOOK}/x` }))).toEqual({
      'webhook-url': 'always',
      'webhooks[0]': 'always',
    });
  });

  it('refuses a value it does not know, naming the input and the accepted values', () => {
    expect(() => targets({ 'notify-on': 'fixed', 'webhook-url': HOOK })).toThrow(
      `Input 'notify-on' has an invalid value "fixed": one of always, success, failure, cancelled, change, never`,
    );
  });

  it('refuses on and notify-on in one entry', () => {
    let error: unknown;
    try {
      targets({ webhooks: `- url: ${HOOK}\n  on: failure\n  notify-on: change` });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(
      `Input 'webhooks[0].notify-on' has an invalid value "change": either on or notify-on, not both`,
    );
  });
});

describe('selectTargets: every on × status × change', () => {
  const ONS: TargetOn[] = ['always', 'success', 'failure', 'cancelled', 'change', 'never'];
  const list = targets({
    webhooks: ONS.map((on, i) => `- url: ${HOOK}/${i}\n  on: ${on}`).join('\n'),
  });
  const fired = (status: 'success' | 'failure' | 'cancelled', change?: ChangeState): string[] =>
    selectTargets(list, status, change).map((t) => t.on);

  // Written out in full: the table a user reads in the README.
  const TABLE: [status: 'success' | 'failure' | 'cancelled', change: ChangeState, fires: TargetOn[]][] = [
    ['success', 'fixed', ['always', 'success', 'change']],
    ['success', 'same', ['always', 'success']],
    ['success', 'first', ['always', 'success', 'change']],
    ['success', 'unknown', ['always', 'success', 'change']],
    ['failure', 'broken', ['always', 'failure', 'change']],
    ['failure', 'same', ['always', 'failure']],
    ['failure', 'first', ['always', 'failure', 'change']],
    ['failure', 'unknown', ['always', 'failure', 'change']],
    ['cancelled', 'same', ['always', 'cancelled']],
    ['cancelled', 'unknown', ['always', 'cancelled', 'change']],
  ];
  it.each(TABLE)('%s, change %s → %j', (status, change, fires) => {
    expect(fired(status, change)).toEqual(fires);
  });

  it('without a change state a change target fires as always', () => {
    expect(fired('success')).toEqual(['always', 'success', 'change']);
    expect(fired('failure')).toEqual(['always', 'failure', 'change']);
  });

  it('never fires for nothing', () => {
    for (const status of ['success', 'failure', 'cancelled'] as const) {
      for (const change of ['fixed', 'broken', 'same', 'first', 'unknown'] as const) {
        expect(fired(status, change)).not.toContain('never');
      }
    }
  });
});
