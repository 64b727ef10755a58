import { beforeEach, describe, expect, it, vi } from 'vitest';

const masked = vi.hoisted(() => [] as string[]);
vi.mock('@actions/core', () => ({ setSecret: (s: string) => masked.push(s) }));

import { InputError } from '../../src/runner/errors.js';
import { resetSecretsForTest, scrub } from '../../src/runner/secrets.js';
import {
  isDiscordHost,
  normalizeDiscordUrl,
  resolveNotifySettings,
  selectTargets,
} from '../../src/notify/targets.js';
import type { NotifySettings } from '../../src/notify/types.js';
import { NO_TEMPLATES } from '../support/targets.js';

const ID = '112233445566778899';
const TOKEN = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-tokenvalue';
const DISCORD = `https://discord.com/api/webhooks/${ID}/${TOKEN}`;
const NORMAL = `https://discord.com/api/v10/webhooks/${ID}/${TOKEN}?wait=true`;

function settings(
  inputs: Record<string, string> = {},
  env: Record<string, string | undefined> = {},
): NotifySettings {
  return resolveNotifySettings((name) => inputs[name] ?? '', env);
}

function inputError(inputs: Record<string, string>, env: Record<string, string> = {}): InputError {
  try {
    settings(inputs, env);
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return err as InputError;
  }
  throw new Error('expected an InputError');
}

beforeEach(() => {
  resetSecretsForTest();
  masked.length = 0;
});

describe('normalizeDiscordUrl', () => {
  it.each([
    [`https://discord.com/api/webhooks/${ID}/${TOKEN}`, 'discord.com'],
    [`https://discordapp.com/api/webhooks/${ID}/${TOKEN}`, 'discordapp.com'],
    [`https://ptb.discord.com/api/v9/webhooks/${ID}/${TOKEN}/`, 'ptb.discord.com'],
    [`https://canary.discordapp.com/api/v10/webhooks/${ID}/${TOKEN}/slack`, 'canary.discordapp.com'],
    [`http://discord.com/api/v8/webhooks/${ID}/${TOKEN}/github?wait=false`, 'discord.com'],
  ])('%s → v10 on the same host', (url, host) => {
    expect(normalizeDiscordUrl(url)).toBe(`https://${host}/api/v10/webhooks/${ID}/${TOKEN}?wait=true`);
  });

  it('adds thread_id, replacing one in the URL, and keeps other parameters', () => {
    expect(normalizeDiscordUrl(`${DISCORD}?thread_id=1&foo=bar`, '42')).toBe(
      `https://discord.com/api/v10/webhooks/${ID}/${TOKEN}?thread_id=42&foo=bar&wait=true`,
    );
    expect(normalizeDiscordUrl(`${DISCORD}?thread_id=7`)).toContain('thread_id=7');
  });

  it('uses a non-Discord host as-is plus wait=true', () => {
    expect(normalizeDiscordUrl('http://127.0.0.1:8080/hooks/x?a=1')).toBe(
      'http://127.0.0.1:8080/hooks/x?a=1&wait=true',
    );
  });

  it('rejects a Discord host without a webhook path', () => {
    expect(() => normalizeDiscordUrl('https://discord.com/channels/1/2')).toThrow(
      /not a Discord webhook URL/,
    );
  });

  it('knows the Discord hosts', () => {
    for (const h of [
      'discord.com',
      'discordapp.com',
      'ptb.discord.com',
      'canary.discord.com',
      'DISCORD.COM',
    ]) {
      expect(isDiscordHost(h)).toBe(true);
    }
    for (const h of ['discord.com.evil.example', 'notdiscord.com', 'example.com'])
      expect(isDiscordHost(h)).toBe(false);
  });
});

describe('resolveNotifySettings: simple inputs', () => {
  it('has no targets and the defaults when nothing is set', () => {
    expect(settings()).toEqual({
      targets: [],
      deadlineMs: 300_000,
      failOnError: false,
      discord: {
        username: null,
        avatarUrl: null,
        threadId: null,
        threadName: null,
        attachLog: 'failure',
        style: 'compact',
        mentionOnFailure: { users: [], roles: [] },
        live: false,
        liveIntervalMs: 10_000,
      },
      notifyOn: 'always',
      notifyStart: false,
      githubToken: null,
    });
  });

  it('reads discord-webhook-url as an always Discord target, normalised', () => {
    const [t, ...rest] = settings({ 'discord-webhook-url': DISCORD, 'webhook-secret': 'shh-secret' }).targets;
    expect(rest).toEqual([]);
    expect(t).toEqual({
      source: 'discord-webhook-url',
      url: NORMAL,
      format: 'discord',
      on: 'always',
      method: 'POST',
      headers: {},
      basicAuth: null,
      timeoutMs: 10_000,
      retries: 3,
      secret: null, // webhook-secret signs generic deliveries only
      signature: 'standard',
      templates: NO_TEMPLATES,
    });
  });

  it('reads a single webhooks map as a list of one', () => {
    const s = settings({ webhooks: 'url: https://x.example.com/hook\non: failure' });
    expect(s.targets.map((t) => [t.source, t.url, t.on])).toEqual([
      ['webhooks[0]', 'https://x.example.com/hook', 'failure'],
    ]);
  });

  it('keeps any host given to discord-webhook-url (a proxy or a test double), versioning a webhook path', () => {
    const [t] = settings({ 'discord-webhook-url': 'http://127.0.0.1:9999/api/webhooks/1/abc' }).targets;
    expect(t?.url).toBe('http://127.0.0.1:9999/api/v10/webhooks/1/abc?wait=true');
    expect(t?.format).toBe('discord');
    const [other] = settings({ 'discord-webhook-url': 'http://127.0.0.1:9999/relay/discord' }).targets;
    expect(other?.url).toBe('http://127.0.0.1:9999/relay/discord?wait=true');
  });

  it('reads webhook-url as generic and applies the global options', () => {
    const s = settings({
      'webhook-url': 'https://discord.com/api/webhooks/1/not-detected',
      'webhook-secret': 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      signature: 'github',
      'webhook-timeout': '2.5',
      'webhook-retries': '0',
      'webhook-headers': 'Authorization: Bearer abc123\nX-Team: jetson',
      'fail-on-notify-error': 'true',
    });
    expect(s.failOnError).toBe(true);
    expect(s.targets).toEqual([
      {
        source: 'webhook-url',
        url: 'https://discord.com/api/webhooks/1/not-detected',
        format: 'generic',
        on: 'always',
        method: 'POST',
        headers: { authorization: 'Bearer abc123', 'x-team': 'jetson' },
        basicAuth: null,
        timeoutMs: 2500,
        retries: 0,
        secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
        signature: 'github',
        templates: NO_TEMPLATES,
      },
    ]);
  });

  it('detects the format of success- and failure-webhook-url from the host', () => {
    const s = settings({
      'success-webhook-url': `https://ptb.discordapp.com/api/webhooks/${ID}/${TOKEN}`,
      'failure-webhook-url': 'https://hooks.example.com/fail',
      'discord-thread-id': '998877',
    });
    expect(s.targets.map((t) => [t.source, t.format, t.on, t.url])).toEqual([
      [
        'success-webhook-url',
        'discord',
        'success',
        `https://ptb.discordapp.com/api/v10/webhooks/${ID}/${TOKEN}?wait=true&thread_id=998877`,
      ],
      ['failure-webhook-url', 'generic', 'failure', 'https://hooks.example.com/fail'],
    ]);
  });

  it('falls back to the env variables, detecting Discord URLs there too', () => {
    const s = settings(
      {},
      {
        WEBHOOK_URL: DISCORD,
        JC_BUILD_SUCCESS_WEBHOOK_URL: 'https://ok.example.com/hook',
        JC_BUILD_FAILURE_WEBHOOK_URL: 'https://fail.example.com/hook',
      },
    );
    expect(s.targets.map((t) => [t.source, t.format, t.on])).toEqual([
      ['env WEBHOOK_URL', 'discord', 'always'],
      ['env JC_BUILD_SUCCESS_WEBHOOK_URL', 'generic', 'success'],
      ['env JC_BUILD_FAILURE_WEBHOOK_URL', 'generic', 'failure'],
    ]);
    expect(s.targets[0]?.url).toBe(NORMAL);
  });

  it('prefers an input over its env fallback', () => {
    const s = settings(
      { 'webhook-url': 'https://input.example.com/', 'failure-webhook-url': 'https://f.example.com/' },
      { WEBHOOK_URL: 'https://env.example.com/', JC_BUILD_FAILURE_WEBHOOK_URL: 'https://envf.example.com/' },
    );
    expect(s.targets.map((t) => t.url)).toEqual(['https://input.example.com/', 'https://f.example.com/']);
  });

  it('moves user:password out of a URL into basic auth', () => {
    const [t] = settings({ 'webhook-url': 'https://bob:p%40ss-word@hooks.example.com/x' }).targets;
    expect(t?.url).toBe('https://hooks.example.com/x');
    expect(t?.basicAuth).toEqual({ username: 'bob', password: 'p@ss-word' });
    expect(masked).toContain('p@ss-word');
  });

  it('reads the Discord options', () => {
    const s = settings({
      'discord-username': 'Jetson Builder',
      'discord-avatar-url': 'https://example.com/a.png',
      'discord-thread-id': '123456789012345678',
      'discord-thread-name': 'nightly',
      'discord-attach-log': 'always',
    });
    expect(s.discord).toEqual({
      username: 'Jetson Builder',
      avatarUrl: 'https://example.com/a.png',
      threadId: '123456789012345678',
      threadName: 'nightly',
      attachLog: 'always',
      style: 'compact',
      mentionOnFailure: { users: [], roles: [] },
      live: false,
      liveIntervalMs: 10_000,
    });
  });

  it('takes the deadline override from env', () => {
    expect(settings({}, { JETSON_BUILD_NOTIFY_DEADLINE_SECONDS: '2.5' }).deadlineMs).toBe(2500);
    expect(inputError({}, { JETSON_BUILD_NOTIFY_DEADLINE_SECONDS: 'soon' }).message).toContain(
      'JETSON_BUILD_NOTIFY_DEADLINE_SECONDS',
    );
  });

  it('deduplicates identical url + format + on', () => {
    const s = settings(
      {
        'webhook-url': 'https://a.example.com/h',
        webhooks: '- url: https://a.example.com/h\n  format: generic',
      },
      { JC_BUILD_FAILURE_WEBHOOK_URL: 'https://a.example.com/h' },
    );
    expect(s.targets.map((t) => [t.source, t.on])).toEqual([
      ['webhook-url', 'always'],
      ['env JC_BUILD_FAILURE_WEBHOOK_URL', 'failure'],
    ]);
  });
});

describe('resolveNotifySettings: bad simple inputs', () => {
  it.each([
    [{ 'webhook-timeout': '0.2' }, "'webhook-timeout'", 'seconds from 0.5 to 120'],
    [{ 'webhook-timeout': '121' }, "'webhook-timeout'", 'seconds from 0.5 to 120'],
    [{ 'webhook-retries': '11' }, "'webhook-retries'", 'whole number from 0 to 10'],
    [{ 'webhook-retries': '1.5' }, "'webhook-retries'", 'whole number from 0 to 10'],
    [{ signature: 'sha1' }, "'signature'", 'standard, github, jobserv'],
    [{ 'fail-on-notify-error': 'maybe' }, "'fail-on-notify-error'", 'true or false'],
    [{ 'discord-username': 'x'.repeat(81) }, "'discord-username'", '1 to 80 characters'],
    [{ 'discord-username': 'My Discord Bot' }, "'discord-username'", 'clyde'],
    [{ 'discord-thread-id': 'abc' }, "'discord-thread-id'", 'numeric'],
    [{ 'discord-attach-log': 'sometimes' }, "'discord-attach-log'", 'failure, always, never'],
    [{ 'discord-avatar-url': 'file:///x.png' }, "'discord-avatar-url'", 'http:// or https://'],
    [{ 'webhook-headers': '- a\n- b' }, "'webhook-headers'", 'map of header names'],
    [{ 'webhook-headers': 'Content-Length: 5' }, "'webhook-headers.Content-Length'", 'not allowed'],
    [{ 'webhook-headers': '"Bad Name": x' }, "'webhook-headers.Bad Name'", 'valid HTTP header name'],
    [{ webhooks: '"just a string"' }, "'webhooks'", 'list of targets'],
    [{ 'webhook-secret': 'whsec_not base64!' }, "'webhook-secret'", 'base64'],
  ])('%j', (inputs, name, accepted) => {
    const err = inputError(inputs);
    expect(err.message).toContain(`Input ${name}`);
    expect(err.message).toContain(accepted);
  });

  it.each([
    ['discord-webhook-url', 'ftp://discord.com/api/webhooks/1/secret-token-abcdef'],
    ['webhook-url', 'not a url secret-token-abcdef'],
    ['success-webhook-url', 'https://discord.com/channels/1/secret-token-abcdef'],
  ])('rejects a bad %s without showing it', (name, value) => {
    const err = inputError({ [name]: value });
    expect(err.input).toBe(name);
    expect(err.message).toContain('***');
    expect(err.message).not.toContain('secret-token-abcdef');
  });

  it('names the env variable of a bad fallback URL', () => {
    expect(inputError({}, { WEBHOOK_URL: 'mailto:x@example.com' }).input).toBe('env WEBHOOK_URL');
  });
});

describe('resolveNotifySettings: webhooks list', () => {
  const yaml = `
- url: https://hooks.example.com/a
  on: failure
  method: put
  headers:
    X-Api-Key: key-123456
  basic-auth: alice:wonder-land
  timeout: 3
  retries: 5
  secret: raw-secret-value
  signature: jobserv
- url: ${DISCORD}
  on: success
- url: https://hooks.example.com/b
  format: generic
  method: GET
  basic-auth: { username: bob, password: builder-pw }
`;

  it('reads every key (YAML)', () => {
    const s = settings({ webhooks: yaml, 'webhook-headers': '{"X-Global": "g1"}', 'webhook-retries': '2' });
    expect(s.targets).toEqual([
      {
        source: 'webhooks[0]',
        url: 'https://hooks.example.com/a',
        format: 'generic',
        on: 'failure',
        method: 'PUT',
        headers: { 'x-global': 'g1', 'x-api-key': 'key-123456' },
        basicAuth: { username: 'alice', password: 'wonder-land' },
        timeoutMs: 3000,
        retries: 5,
        secret: 'raw-secret-value',
        signature: 'jobserv',
        templates: NO_TEMPLATES,
      },
      {
        source: 'webhooks[1]',
        url: NORMAL,
        format: 'discord',
        on: 'success',
        method: 'POST',
        headers: {},
        basicAuth: null,
        timeoutMs: 10_000,
        retries: 2,
        secret: null,
        signature: 'standard',
        templates: NO_TEMPLATES,
      },
      {
        source: 'webhooks[2]',
        url: 'https://hooks.example.com/b',
        format: 'generic',
        on: 'always',
        method: 'GET',
        headers: { 'x-global': 'g1' },
        basicAuth: { username: 'bob', password: 'builder-pw' },
        timeoutMs: 10_000,
        retries: 2,
        secret: null,
        signature: 'standard',
        templates: NO_TEMPLATES,
      },
    ]);
    for (const secret of ['key-123456', 'wonder-land', 'raw-secret-value', 'builder-pw', TOKEN]) {
      expect(masked).toContain(secret);
    }
  });

  it('reads the same list as JSON', () => {
    const json = JSON.stringify([
      {
        url: 'https://hooks.example.com/a',
        on: 'cancelled',
        timeout: 0.5,
        retries: 0,
        'basic-auth': 'u:p-word',
      },
    ]);
    const [t] = settings({ webhooks: json }).targets;
    expect(t).toMatchObject({
      on: 'cancelled',
      timeoutMs: 500,
      retries: 0,
      basicAuth: { username: 'u', password: 'p-word' },
    });
  });

  it('gives list targets the global secret only when generic', () => {
    const s = settings({
      webhooks: `- url: https://g.example.com/\n- url: ${DISCORD}\n- url: ${DISCORD}\n  on: failure\n  secret: own-secret`,
      'webhook-secret': 'global-secret',
    });
    expect(s.targets.map((t) => t.secret)).toEqual(['global-secret', null, 'own-secret']);
  });

  it.each([
    [
      '- url: https://a.example.com\n- url: https://b.example.com\n- url: https://c.example.com\n  colour: red',
      'webhooks[2].colour',
      'unknown key',
    ],
    ['- url: https://a.example.com\n  timeout: 0.1', 'webhooks[0].timeout', 'seconds from 0.5 to 120'],
    ['- url: https://a.example.com\n  timeout: soon', 'webhooks[0].timeout', 'seconds from 0.5 to 120'],
    ['- url: https://a.example.com\n  retries: 11', 'webhooks[0].retries', 'from 0 to 10'],
    [
      '- url: https://a.example.com\n  format: mattermost',
      'webhooks[0].format',
      'discord, generic, slack, teams',
    ],
    ['- url: https://a.example.com\n  on: started', 'webhooks[0].on', 'always, success, failure, cancelled'],
    ['- url: https://a.example.com\n  method: HEAD', 'webhooks[0].method', 'POST, PUT, PATCH, GET, DELETE'],
    [`- url: ${DISCORD}\n  method: GET`, 'webhooks[0].method', 'POST, PUT or PATCH for a discord target'],
    [
      '- url: https://a.example.com\n  signature: md5\n  secret: abc',
      'webhooks[0].signature',
      'standard, github, jobserv',
    ],
    ['- url: https://a.example.com\n  signature: github', 'webhooks[0].signature', 'needs a secret'],
    ['- url: https://a.example.com\n  headers: [a]', 'webhooks[0].headers', 'map of header names'],
    ['- url: https://a.example.com\n  basic-auth: nocolon', 'webhooks[0].basic-auth', '"user:password"'],
    [
      '- url: https://a.example.com\n  basic-auth: {user: x}',
      'webhooks[0].basic-auth.user',
      'username, password',
    ],
    ['- format: generic', 'webhooks[0].url', 'required'],
    ['- url: gopher://a.example.com', 'webhooks[0].url', 'http:// or https://'],
    ['- https://a.example.com', 'webhooks[0]', 'a map with at least a url'],
  ])('names the bad key: %s', (text, name, accepted) => {
    const err = inputError({ webhooks: text });
    expect(err.input).toBe(name);
    expect(err.message).toContain(`Input '${name}'`);
    expect(err.message).toContain(accepted);
  });

  it('reports a YAML syntax error by position, without the source text', () => {
    const err = inputError({ webhooks: '- url: https://a.example.com/tok-secretvalue123\n  on: [failure\n' });
    expect(err.input).toBe('webhooks');
    expect(err.message).toMatch(/does not parse/);
    expect(err.message).not.toContain('tok-secretvalue123');
  });

  it('rejects duplicate keys', () => {
    expect(inputError({ webhooks: '- url: https://a.example.com\n  url: https://b.example.com' }).input).toBe(
      'webhooks',
    );
  });

  it('never shows a registered secret, even misplaced into a shown field', () => {
    const text = '- url: https://a.example.com/x\n  secret: hunter2-secret\n  on: hunter2-secret';
    const err = inputError({ webhooks: text });
    expect(err.input).toBe('webhooks[0].on');
    expect(err.message).not.toContain('hunter2-secret');
    expect(scrub('x hunter2-secret y')).toBe('x *** y');
  });
});

describe('selectTargets', () => {
  it('picks the targets for an outcome', () => {
    const s = settings({
      'discord-webhook-url': DISCORD,
      'success-webhook-url': 'https://s.example.com/',
      'failure-webhook-url': 'https://f.example.com/',
      webhooks: '- url: https://c.example.com/\n  on: cancelled',
    });
    const sources = (status: 'success' | 'failure' | 'cancelled'): string[] =>
      selectTargets(s.targets, status).map((t) => t.source);
    expect(sources('success')).toEqual(['discord-webhook-url', 'success-webhook-url']);
    expect(sources('failure')).toEqual(['discord-webhook-url', 'failure-webhook-url']);
    expect(sources('cancelled')).toEqual(['discord-webhook-url', 'webhooks[0]']);
  });
});
