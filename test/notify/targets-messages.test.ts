// The exact messages a user gets for bad notification inputs (the input or `webhooks[i].key` named, the value
// shown or masked, what is accepted), the boundaries of every range, and the defaults each key falls back to.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const masked = vi.hoisted(() => [] as string[]);
vi.mock('@actions/core', () => ({ setSecret: (s: string) => masked.push(s) }));

import { InputError } from '../../src/runner/errors.js';
import { resetSecretsForTest } from '../../src/runner/secrets.js';
import { resolveNotifySettings } from '../../src/notify/targets.js';
import type { NotifySettings, Target } from '../../src/notify/types.js';
import { NO_TEMPLATES } from '../support/targets.js';

const ID = '112233445566778899';
const TOKEN = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-tokenvalue';
const DISCORD = `https://discord.com/api/webhooks/${ID}/${TOKEN}`;
const NORMAL = `https://discord.com/api/v10/webhooks/${ID}/${TOKEN}?wait=true`;
const KEYS =
  'url, format, on, notify-on, method, headers, basic-auth, timeout, retries, secret, signature, message-template, payload-template, payload-template-file';

function settings(
  inputs: Record<string, string> = {},
  env: Record<string, string | undefined> = {},
): NotifySettings {
  return resolveNotifySettings((name) => inputs[name] ?? '', env);
}

function message(inputs: Record<string, string>, env: Record<string, string> = {}): string {
  try {
    settings(inputs, env);
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return (err as Error).message;
  }
  throw new Error('expected an InputError');
}

/** The one target of a `webhooks` list holding `yaml`. */
function entry(yaml: string, inputs: Record<string, string> = {}): Target {
  const { targets } = settings({ webhooks: yaml, ...inputs });
  expect(targets).toHaveLength(1);
  return targets[0] as Target;
}

const entryMessage = (yaml: string): string => message({ webhooks: yaml });

beforeEach(() => {
  resetSecretsForTest();
  masked.length = 0;
});

describe('messages for bad simple inputs', () => {
  it.each([
    [
      { 'webhook-timeout': '0.4' },
      `Input 'webhook-timeout' has an invalid value "0.4": seconds from 0.5 to 120`,
    ],
    [
      { 'webhook-timeout': '120.5' },
      `Input 'webhook-timeout' has an invalid value "120.5": seconds from 0.5 to 120`,
    ],
    [
      { 'webhook-timeout': '-1' },
      `Input 'webhook-timeout' has an invalid value "-1": seconds from 0.5 to 120`,
    ],
    [
      { 'webhook-timeout': '1e3' },
      `Input 'webhook-timeout' has an invalid value "1e3": seconds from 0.5 to 120`,
    ],
    [
      { 'webhook-timeout': '5s' },
      `Input 'webhook-timeout' has an invalid value "5s": seconds from 0.5 to 120`,
    ],
    [
      { 'webhook-timeout': 'x5' },
      `Input 'webhook-timeout' has an invalid value "x5": seconds from 0.5 to 120`,
    ],
    [
      { 'webhook-timeout': '1.' },
      `Input 'webhook-timeout' has an invalid value "1.": seconds from 0.5 to 120`,
    ],
    [
      { 'webhook-retries': '-1' },
      `Input 'webhook-retries' has an invalid value "-1": a whole number from 0 to 10`,
    ],
    [
      { 'webhook-retries': '11' },
      `Input 'webhook-retries' has an invalid value "11": a whole number from 0 to 10`,
    ],
    [
      { 'webhook-retries': '2.5' },
      `Input 'webhook-retries' has an invalid value "2.5": a whole number from 0 to 10`,
    ],
    [
      { signature: 'sha1' },
      `Input 'signature' has an invalid value "sha1": one of standard, github, jobserv`,
    ],
    [
      { signature: 'GitHub' },
      `Input 'signature' has an invalid value "GitHub": one of standard, github, jobserv`,
    ],
    [
      { 'discord-attach-log': 'sometimes' },
      `Input 'discord-attach-log' has an invalid value "sometimes": one of failure, always, never`,
    ],
    [
      { 'discord-username': 'x'.repeat(81) },
      `Input 'discord-username' has an invalid value "${'x'.repeat(81)}": 1 to 80 characters`,
    ],
    [
      { 'discord-username': 'Clyde Jr' },
      `Input 'discord-username' has an invalid value "Clyde Jr": a name without "clyde" or "discord" (Discord rejects those)`,
    ],
    [
      { 'discord-username': 'my DISCORD bot' },
      `Input 'discord-username' has an invalid value "my DISCORD bot": a name without "clyde" or "discord" (Discord rejects those)`,
    ],
    [
      { 'discord-thread-id': '1'.repeat(21) },
      `Input 'discord-thread-id' has an invalid value "${'1'.repeat(21)}": a numeric Discord thread id (snowflake)`,
    ],
    [
      { 'discord-thread-id': '12a' },
      `Input 'discord-thread-id' has an invalid value "12a": a numeric Discord thread id (snowflake)`,
    ],
    [
      { 'discord-thread-id': 'a12' },
      `Input 'discord-thread-id' has an invalid value "a12": a numeric Discord thread id (snowflake)`,
    ],
    [
      { 'discord-thread-name': 'n'.repeat(101) },
      `Input 'discord-thread-name' has an invalid value "${'n'.repeat(101)}": 1 to 100 characters`,
    ],
    [
      { 'discord-avatar-url': 'not a url' },
      `Input 'discord-avatar-url' has an invalid value ***: an http:// or https:// URL`,
    ],
    [
      { 'discord-avatar-url': 'ftp://example.com/a.png' },
      `Input 'discord-avatar-url' has an invalid value ***: an http:// or https:// URL, not ftp://`,
    ],
    [
      { 'webhook-url': 'file:///etc/passwd' },
      `Input 'webhook-url' has an invalid value ***: an http:// or https:// URL, not file://`,
    ],
    [
      { 'discord-webhook-url': 'https://discord.com/channels/1/2' },
      `Input 'discord-webhook-url' has an invalid value ***: not a Discord webhook URL (expected https://discord.com/api/webhooks/<id>/<token>)`,
    ],
    [
      { 'webhook-secret': 'whsec_abc' },
      `Input 'webhook-secret' has an invalid value ***: a whsec_ secret must be base64 after the prefix (or use a raw secret)`,
    ],
    [
      { 'webhook-headers': '- a' },
      `Input 'webhook-headers' has an invalid value "(a list)": a map of header names to values, e.g. {Authorization: "Bearer …"}`,
    ],
    [
      { 'webhook-headers': '"X Bad": v' },
      `Input 'webhook-headers.X Bad' has an invalid value "X Bad": a valid HTTP header name`,
    ],
    [
      { 'webhook-headers': 'Host: example.com' },
      `Input 'webhook-headers.Host' has an invalid value "Host": a header the HTTP client does not set itself (host, content-length and the like are not allowed)`,
    ],
    [
      { 'webhook-headers': 'X-List: [a, b]' },
      `Input 'webhook-headers.X-List' has an invalid value ***: a string value`,
    ],
    [
      { 'webhook-headers': 'X-Multi: "a\\nb"' },
      `Input 'webhook-headers.X-Multi' has an invalid value ***: a single-line value`,
    ],
    [
      { webhooks: '5' },
      `Input 'webhooks' has an invalid value "(a number)": a YAML or JSON list of targets (- url: …)`,
    ],
    [
      { webhooks: 'true' },
      `Input 'webhooks' has an invalid value "(a boolean)": a YAML or JSON list of targets (- url: …)`,
    ],
    [
      { 'fail-on-notify-error': 'yes' },
      `Input 'fail-on-notify-error' has an invalid value "yes": use true or false`,
    ],
  ])('%j', (inputs, expected) => {
    expect(message(inputs)).toBe(expected);
  });

  it('names the env variable of a bad deadline and says what is accepted', () => {
    for (const value of ['0', '0.0', '3600.5', '3601', '-5', '1e2', 'soon', '.5', '5.']) {
      expect(message({}, { JETSON_BUILD_NOTIFY_DEADLINE_SECONDS: value }), value).toBe(
        `Input 'env JETSON_BUILD_NOTIFY_DEADLINE_SECONDS' has an invalid value "${value}": seconds, more than 0 and at most 3600`,
      );
    }
  });

  it('shows the position of a YAML or JSON syntax error, never the source', () => {
    expect(message({ webhooks: '- url: https://a.example.com/tok-secretvalue123\n  on: [failure\n' })).toBe(
      `Input 'webhooks' has an invalid value ***: a YAML or JSON list; it does not parse at line 2, column 15: Flow sequence in block collection must be sufficiently indented and end with a ]`,
    );
    expect(message({ 'webhook-headers': '{"X-Key": "abc"' })).toBe(
      `Input 'webhook-headers' has an invalid value ***: a YAML or JSON map; it does not parse at line 1, column 16: Flow map must end with a }`,
    );
    expect(message({ webhooks: '- url: https://a.example.com\n  url: https://b.example.com' })).toBe(
      `Input 'webhooks' has an invalid value ***: a YAML or JSON list; it does not parse at line 2, column 3: Map keys must be unique`,
    );
  });

  it('rejects a YAML warning (an unknown tag) too', () => {
    expect(message({ webhooks: '!custom\n- url: https://a.example.com' })).toBe(
      `Input 'webhooks' has an invalid value ***: a YAML or JSON list; it does not parse at line 1, column 1: Unresolved tag: !custom`,
    );
  });
});

describe('boundaries and defaults of simple inputs', () => {
  it('accepts the ends of each range', () => {
    const low = settings({
      'webhook-url': 'https://h.example.com/',
      'webhook-timeout': '0.5',
      'webhook-retries': '0',
    });
    expect(low.targets[0]).toMatchObject({ timeoutMs: 500, retries: 0 });
    const high = settings({
      'webhook-url': 'https://h.example.com/',
      'webhook-timeout': '120',
      'webhook-retries': '10',
    });
    expect(high.targets[0]).toMatchObject({ timeoutMs: 120_000, retries: 10 });
    expect(settings({ 'discord-username': 'u'.repeat(80) }).discord.username).toBe('u'.repeat(80));
    expect(settings({ 'discord-thread-id': '9'.repeat(20) }).discord.threadId).toBe('9'.repeat(20));
    expect(settings({ 'discord-thread-id': '7' }).discord.threadId).toBe('7');
    expect(settings({ 'discord-thread-name': 't'.repeat(100) }).discord.threadName).toBe('t'.repeat(100));
    expect(settings({}, { JETSON_BUILD_NOTIFY_DEADLINE_SECONDS: '3600' }).deadlineMs).toBe(3_600_000);
    expect(settings({}, { JETSON_BUILD_NOTIFY_DEADLINE_SECONDS: '0.001' }).deadlineMs).toBe(1);
    expect(settings({}, { JETSON_BUILD_NOTIFY_DEADLINE_SECONDS: ' 90 ' }).deadlineMs).toBe(90_000);
  });

  it('trims inputs, and reads never / false / a valid whsec_ secret', () => {
    const s = settings({
      'webhook-url': '  https://h.example.com/x  ',
      'discord-attach-log': ' never ',
      'fail-on-notify-error': 'false',
      signature: ' jobserv ',
      'webhook-secret': 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    });
    expect(s.targets[0]).toMatchObject({
      url: 'https://h.example.com/x',
      signature: 'jobserv',
      templates: NO_TEMPLATES,
      secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    });
    expect(s.discord.attachLog).toBe('never');
    expect(s.failOnError).toBe(false);
  });

  it('applies the default timeout, retries, signature and no secret to a simple generic target', () => {
    expect(settings({ 'webhook-url': 'https://h.example.com/' }).targets[0]).toEqual({
      source: 'webhook-url',
      url: 'https://h.example.com/',
      format: 'generic',
      on: 'always',
      method: 'POST',
      headers: {},
      basicAuth: null,
      timeoutMs: 10_000,
      retries: 3,
      secret: null,
      signature: 'standard',
      templates: NO_TEMPLATES,
    });
  });

  it('gives a Discord target neither the global headers nor the secret, and a generic one copies of them', () => {
    const s = settings({
      'discord-webhook-url': DISCORD,
      'webhook-url': 'https://h.example.com/',
      'webhook-headers': 'X-Team: jetson\nX-Num: 42',
      'webhook-secret': 'global-secret-1',
    });
    expect(s.targets.map((t) => [t.format, t.headers, t.secret])).toEqual([
      ['discord', {}, null],
      ['generic', { 'x-team': 'jetson', 'x-num': '42' }, 'global-secret-1'],
    ]);
  });

  it('moves a user without password, or a password without user, into basic auth', () => {
    const [user] = settings({ 'webhook-url': 'https://bob@h.example.com/x' }).targets;
    expect([user?.url, user?.basicAuth]).toEqual([
      'https://h.example.com/x',
      { username: 'bob', password: '' },
    ]);
    const [pass] = settings({ 'webhook-url': 'https://:s3cr%3At@h.example.com/x' }).targets;
    expect([pass?.url, pass?.basicAuth]).toEqual([
      'https://h.example.com/x',
      { username: '', password: 's3cr:t' },
    ]);
    expect(masked).toContain('s3cr:t');
    expect(masked).toContain(Buffer.from(':s3cr:t').toString('base64'));
  });

  it('moves basic auth out of a Discord URL too, before normalising it', () => {
    const [t] = settings({
      'discord-webhook-url': `https://u:pw-1234@discord.com/api/webhooks/${ID}/${TOKEN}`,
    }).targets;
    expect(t?.url).toBe(NORMAL);
    expect(t?.basicAuth).toEqual({ username: 'u', password: 'pw-1234' });
  });

  it('keeps targets that differ only in format or in on', () => {
    const s = settings({
      webhooks: [
        '- url: http://127.0.0.1:9/x?wait=true',
        '- url: http://127.0.0.1:9/x',
        '  format: discord',
        '- url: http://127.0.0.1:9/x?wait=true',
        '  on: failure',
        '- url: http://127.0.0.1:9/x?wait=true',
      ].join('\n'),
    });
    expect(s.targets.map((t) => [t.source, t.url, t.format, t.on])).toEqual([
      ['webhooks[0]', 'http://127.0.0.1:9/x?wait=true', 'generic', 'always'],
      ['webhooks[1]', 'http://127.0.0.1:9/x?wait=true', 'discord', 'always'],
      ['webhooks[2]', 'http://127.0.0.1:9/x?wait=true', 'generic', 'failure'],
    ]);
  });

  it('reads an empty list, and an empty value, as no extra targets', () => {
    expect(settings({ webhooks: '[]' }).targets).toEqual([]);
    expect(settings({ webhooks: '~' }).targets).toEqual([]);
    expect(settings({ webhooks: '   ' }).targets).toEqual([]);
    expect(
      settings({ 'webhook-headers': '{}', 'webhook-url': 'https://h.example.com/' }).targets[0]?.headers,
    ).toEqual({});
  });
});

describe('messages for a bad webhooks entry', () => {
  it.each([
    [
      '- 5',
      `Input 'webhooks[0]' has an invalid value "(a number)": a map with at least a url (keys: ${KEYS})`,
    ],
    [
      '- [a]',
      `Input 'webhooks[0]' has an invalid value "(a list)": a map with at least a url (keys: ${KEYS})`,
    ],
    [
      '- ~',
      `Input 'webhooks[0]' has an invalid value "(missing)": a map with at least a url (keys: ${KEYS})`,
    ],
    [
      '- url: https://a.example.com\n- url: https://b.example.com\n  Timeout: 5',
      `Input 'webhooks[1].Timeout' has an invalid value "Timeout": unknown key; accepted keys are ${KEYS}`,
    ],
    ['- url: 42', `Input 'webhooks[0].url' has an invalid value ***: an http:// or https:// URL (required)`],
    [
      '- url: "  "',
      `Input 'webhooks[0].url' has an invalid value ***: an http:// or https:// URL (required)`,
    ],
    ['- url: not-a-url', `Input 'webhooks[0].url' has an invalid value ***: an http:// or https:// URL`],
    [
      '- url: ws://a.example.com',
      `Input 'webhooks[0].url' has an invalid value ***: an http:// or https:// URL, not ws://`,
    ],
    [
      '- url: https://discord.com/api/webhooks/1',
      `Input 'webhooks[0].url' has an invalid value ***: not a Discord webhook URL (expected https://discord.com/api/webhooks/<id>/<token>)`,
    ],
    [
      '- url: https://a.example.com\n  format: Discord',
      `Input 'webhooks[0].format' has an invalid value "Discord": one of discord, generic, slack, teams`,
    ],
    [
      '- url: https://a.example.com\n  format: [discord]',
      `Input 'webhooks[0].format' has an invalid value "(a list)": a single value`,
    ],
    [
      '- url: https://a.example.com\n  on: {x: 1}',
      `Input 'webhooks[0].on' has an invalid value "(a map)": a single value`,
    ],
    [
      '- url: https://a.example.com\n  on: started',
      `Input 'webhooks[0].on' has an invalid value "started": one of always, success, failure, cancelled, change, never`,
    ],
    [
      '- url: https://a.example.com\n  method: head',
      `Input 'webhooks[0].method' has an invalid value "HEAD": one of POST, PUT, PATCH, GET, DELETE`,
    ],
    [
      '- url: https://a.example.com\n  method: [post]',
      `Input 'webhooks[0].method' has an invalid value "(a list)": a single value`,
    ],
    [
      `- url: ${DISCORD}\n  method: delete`,
      `Input 'webhooks[0].method' has an invalid value "DELETE": POST, PUT or PATCH for a discord target (GET and DELETE send no body)`,
    ],
    [
      `- url: https://a.example.com\n  format: discord\n  method: GET`,
      `Input 'webhooks[0].method' has an invalid value "GET": POST, PUT or PATCH for a discord target (GET and DELETE send no body)`,
    ],
    [
      '- url: https://a.example.com\n  timeout: 0.4',
      `Input 'webhooks[0].timeout' has an invalid value "0.4": seconds from 0.5 to 120`,
    ],
    [
      '- url: https://a.example.com\n  timeout: 121',
      `Input 'webhooks[0].timeout' has an invalid value "121": seconds from 0.5 to 120`,
    ],
    [
      '- url: https://a.example.com\n  timeout: .inf',
      `Input 'webhooks[0].timeout' has an invalid value "Infinity": seconds from 0.5 to 120`,
    ],
    [
      '- url: https://a.example.com\n  timeout: true',
      `Input 'webhooks[0].timeout' has an invalid value "true": seconds from 0.5 to 120`,
    ],
    [
      '- url: https://a.example.com\n  retries: -1',
      `Input 'webhooks[0].retries' has an invalid value "-1": a whole number from 0 to 10`,
    ],
    [
      '- url: https://a.example.com\n  retries: 1.5',
      `Input 'webhooks[0].retries' has an invalid value "1.5": a whole number from 0 to 10`,
    ],
    [
      '- url: https://a.example.com\n  retries: "three"',
      `Input 'webhooks[0].retries' has an invalid value "three": a whole number from 0 to 10`,
    ],
    [
      '- url: https://a.example.com\n  headers: x',
      `Input 'webhooks[0].headers' has an invalid value "(a string)": a map of header names to values, e.g. {Authorization: "Bearer …"}`,
    ],
    [
      '- url: https://a.example.com\n  headers: {Connection: close}',
      `Input 'webhooks[0].headers.Connection' has an invalid value "Connection": a header the HTTP client does not set itself (host, content-length and the like are not allowed)`,
    ],
    [
      '- url: https://a.example.com\n  headers: {X-A: {b: c}}',
      `Input 'webhooks[0].headers.X-A' has an invalid value ***: a string value`,
    ],
    [
      '- url: https://a.example.com\n  headers: {X-A: "a\\rb"}',
      `Input 'webhooks[0].headers.X-A' has an invalid value ***: a single-line value`,
    ],
    [
      '- url: https://a.example.com\n  headers: {X-A: "a\\0b"}',
      `Input 'webhooks[0].headers.X-A' has an invalid value ***: a single-line value`,
    ],
    [
      '- url: https://a.example.com\n  basic-auth: ":only-password"',
      `Input 'webhooks[0].basic-auth' has an invalid value ***: "user:password" or {username, password}`,
    ],
    [
      '- url: https://a.example.com\n  basic-auth: 5',
      `Input 'webhooks[0].basic-auth' has an invalid value "(a number)": "user:password" or {username, password}`,
    ],
    [
      '- url: https://a.example.com\n  basic-auth: [a, b]',
      `Input 'webhooks[0].basic-auth' has an invalid value "(a list)": "user:password" or {username, password}`,
    ],
    [
      '- url: https://a.example.com\n  basic-auth: {username: bob, pass: x}',
      `Input 'webhooks[0].basic-auth.pass' has an invalid value "pass": unknown key; accepted keys are username, password`,
    ],
    [
      '- url: https://a.example.com\n  basic-auth: {password: pw-123}',
      `Input 'webhooks[0].basic-auth.username' has an invalid value "(missing)": a non-empty user name`,
    ],
    [
      '- url: https://a.example.com\n  basic-auth: {username: "", password: pw-123}',
      `Input 'webhooks[0].basic-auth.username' has an invalid value "(a string)": a non-empty user name`,
    ],
    [
      '- url: https://a.example.com\n  basic-auth: {username: [a], password: pw-123}',
      `Input 'webhooks[0].basic-auth.username' has an invalid value "(a list)": a non-empty user name`,
    ],
    [
      '- url: https://a.example.com\n  basic-auth: {username: "a:b", password: pw-123}',
      `Input 'webhooks[0].basic-auth.username' has an invalid value "a:b": a user name without ":"`,
    ],
    [
      '- url: https://a.example.com\n  basic-auth: {username: bob, password: [x]}',
      `Input 'webhooks[0].basic-auth.password' has an invalid value ***: a single value`,
    ],
    [
      '- url: https://a.example.com\n  secret: [x]',
      `Input 'webhooks[0].secret' has an invalid value ***: a single value`,
    ],
    [
      '- url: https://a.example.com\n  secret: whsec_x!',
      `Input 'webhooks[0].secret' has an invalid value ***: a whsec_ secret must be base64 after the prefix (or use a raw secret)`,
    ],
    [
      '- url: https://a.example.com\n  secret: ""\n  signature: github',
      `Input 'webhooks[0].signature' has an invalid value "github": a signature needs a secret (key secret or input webhook-secret)`,
    ],
    [
      `- url: ${DISCORD}\n  signature: github`,
      `Input 'webhooks[0].signature' has an invalid value "github": a signature needs a secret (key secret or input webhook-secret)`,
    ],
    [
      '- url: https://a.example.com\n  secret: abc-123\n  signature: [github]',
      `Input 'webhooks[0].signature' has an invalid value "(a list)": a single value`,
    ],
  ])('%s', (yaml, expected) => {
    expect(entryMessage(yaml)).toBe(expected);
  });

  it('names the key in a single target written as a map', () => {
    expect(message({ webhooks: 'url: https://a.example.com\non: sometimes' })).toBe(
      `Input 'webhooks[0].on' has an invalid value "sometimes": one of always, success, failure, cancelled, change, never`,
    );
  });
});

describe('a webhooks entry: defaults and accepted forms', () => {
  it('applies the global settings to a bare generic entry', () => {
    const t = entry('- url: https://a.example.com/h', {
      'webhook-timeout': '7',
      'webhook-retries': '1',
      signature: 'github',
      'webhook-secret': 'global-secret-2',
      'webhook-headers': 'X-Global: g',
    });
    expect(t).toEqual({
      source: 'webhooks[0]',
      url: 'https://a.example.com/h',
      format: 'generic',
      on: 'always',
      method: 'POST',
      headers: { 'x-global': 'g' },
      basicAuth: null,
      timeoutMs: 7000,
      retries: 1,
      secret: 'global-secret-2',
      signature: 'github',
      templates: NO_TEMPLATES,
    });
  });

  it('treats an empty (null) format, on or method as not given', () => {
    const t = entry(
      `- url: ${DISCORD}\n  format: ~\n  on: ~\n  method: ~\n  headers: ~\n  basic-auth: ~\n  timeout: ~\n  retries: ~\n  secret: ~\n  signature: ~`,
    );
    expect(t).toEqual({
      source: 'webhooks[0]',
      url: NORMAL,
      format: 'discord',
      on: 'always',
      method: 'POST',
      headers: {},
      basicAuth: null,
      timeoutMs: 10_000,
      retries: 3,
      secret: null,
      signature: 'standard',
      templates: NO_TEMPLATES,
    });
  });

  it('trims the url and a chosen value, and upper-cases the method', () => {
    const t = entry(
      '- url: "  https://a.example.com/h  "\n  format: " generic "\n  on: " success "\n  method: patch',
    );
    expect([t.url, t.format, t.on, t.method]).toEqual([
      'https://a.example.com/h',
      'generic',
      'success',
      'PATCH',
    ]);
  });

  it('lets a Discord entry use PUT and PATCH, and its own headers only', () => {
    const t = entry(`- url: ${DISCORD}\n  method: put\n  headers: {X-Own: own-value}`, {
      'webhook-headers': 'X-Global: g',
    });
    expect([t.method, t.headers]).toEqual(['PUT', { 'x-own': 'own-value' }]);
  });

  it("lets an entry's header override a global one of the same name (any case)", () => {
    const t = entry('- url: https://a.example.com/h\n  headers: {x-team: mine, X-Extra: 1}', {
      'webhook-headers': 'X-Team: global\nX-Other: o',
    });
    expect(t.headers).toEqual({ 'x-team': 'mine', 'x-other': 'o', 'x-extra': '1' });
  });

  it('reads numbers and booleans as header values', () => {
    const t = entry('- url: https://a.example.com/h\n  headers: {X-Num: 12345678, X-Flag: true}');
    expect(t.headers).toEqual({ 'x-num': '12345678', 'x-flag': 'true' });
    expect(masked).toContain('12345678');
  });

  it('prefers basic-auth over user:password in the url, and takes a password-less or numeric form', () => {
    expect(
      entry('- url: https://u:urlpass1@a.example.com/h\n  basic-auth: alice:wonder:land').basicAuth,
    ).toEqual({
      username: 'alice',
      password: 'wonder:land',
    });
    expect(entry('- url: https://a.example.com/h\n  basic-auth: "bob:"').basicAuth).toEqual({
      username: 'bob',
      password: '',
    });
    expect(entry('- url: https://a.example.com/h\n  basic-auth: {username: bob}').basicAuth).toEqual({
      username: 'bob',
      password: '',
    });
    expect(
      entry('- url: https://a.example.com/h\n  basic-auth: {username: 7, password: 123456}').basicAuth,
    ).toEqual({
      username: '7',
      password: '123456',
    });
    expect(entry('- url: https://u:urlpass1@a.example.com/h').basicAuth).toEqual({
      username: 'u',
      password: 'urlpass1',
    });
  });

  it('keeps an entry secret on a Discord target and a numeric secret as text', () => {
    expect(entry(`- url: ${DISCORD}\n  secret: own-secret-9\n  signature: github`)).toMatchObject({
      secret: 'own-secret-9',
      signature: 'github',
      templates: NO_TEMPLATES,
    });
    expect(entry('- url: https://a.example.com/h\n  secret: 12345').secret).toBe('12345');
  });

  it('drops the global secret for an entry whose own secret is empty', () => {
    expect(
      entry('- url: https://a.example.com/h\n  secret: ""', { 'webhook-secret': 'global-secret-3' }).secret,
    ).toBe(null);
  });

  it('reads timeout and retries as numbers or as text', () => {
    expect(entry('- url: https://a.example.com/h\n  timeout: "2.25"\n  retries: " 4 "')).toMatchObject({
      timeoutMs: 2250,
      retries: 4,
    });
    expect(entry('- url: https://a.example.com/h\n  timeout: 120\n  retries: 10')).toMatchObject({
      timeoutMs: 120_000,
      retries: 10,
    });
    expect(entry('- url: https://a.example.com/h\n  timeout: 0.5\n  retries: 0')).toMatchObject({
      timeoutMs: 500,
      retries: 0,
    });
  });

  it('adds the thread id to a Discord entry', () => {
    expect(entry(`- url: ${DISCORD}`, { 'discord-thread-id': '4242' }).url).toBe(`${NORMAL}&thread_id=4242`);
  });
});

describe('secrets are masked before anything is validated', () => {
  it('masks every URL, header value, secret and password even when another input is rejected', () => {
    const err = message(
      {
        'discord-webhook-url': `https://discord.com/api/webhooks/1/discord-input-token`,
        'webhook-url': 'https://h.example.com/?key=webhook-input-key',
        'success-webhook-url': 'https://h.example.com/?key=success-input-key',
        'failure-webhook-url': 'https://h.example.com/?key=failure-input-key',
        'webhook-secret': 'gs1',
        'webhook-headers': 'Authorization: Bearer header-token-1\nX-Num: 987654',
        webhooks: [
          '- url: https://h.example.com/?key=entry-key-1',
          '  secret: es1',
          '  headers: {X-Entry: entry-header-1}',
          '  basic-auth: alice:pw1',
          '- url: https://h.example.com/x',
          '  basic-auth: {username: bob, password: pw2}',
        ].join('\n'),
        signature: 'sha1',
      },
      {
        WEBHOOK_URL: 'https://h.example.com/?key=env-webhook-key',
        JC_BUILD_SUCCESS_WEBHOOK_URL: 'https://h.example.com/?key=env-success-key',
        JC_BUILD_FAILURE_WEBHOOK_URL: 'https://h.example.com/?key=env-failure-key',
      },
    );
    expect(err).toBe(`Input 'signature' has an invalid value "sha1": one of standard, github, jobserv`);
    for (const secret of [
      'discord-input-token',
      'webhook-input-key',
      'success-input-key',
      'failure-input-key',
      'env-webhook-key',
      'env-success-key',
      'env-failure-key',
      'gs1',
      'header-token-1',
      '987654',
      'entry-key-1',
      'es1',
      'entry-header-1',
      'pw1',
      'pw2',
    ]) {
      expect(masked, secret).toContain(secret);
    }
  });

  it('masks the secrets of a single target written as a map', () => {
    message({ webhooks: 'url: https://h.example.com/?key=map-entry-key\nsecret: ms1\non: sometimes' });
    expect(masked).toContain('map-entry-key');
    expect(masked).toContain('ms1');
  });

  it('masks the password of a basic-auth string that has a colon in the password', () => {
    message({ webhooks: '- url: https://h.example.com/\n  basic-auth: "al:p:w"\n  on: sometimes' });
    expect(masked).toContain('p:w');
  });

  it('masks the password taken from a URL and the basic token built from it', () => {
    settings({ webhooks: '- url: https://h.example.com/\n  basic-auth: {username: bob, password: pw3}' });
    expect(masked).toContain('pw3');
    expect(masked).toContain(Buffer.from('bob:pw3').toString('base64'));
  });

  it('masks a registered value shown by a message', () => {
    // The same text is both a header value (masked) and, misplaced, the value of `on`.
    expect(
      message({
        'webhook-headers': 'X-Key: sneaky-value-1',
        webhooks: '- url: https://h.example.com/\n  on: sneaky-value-1',
      }),
    ).toBe(
      `Input 'webhooks[0].on' has an invalid value "***": one of always, success, failure, cancelled, change, never`,
    );
  });
});

describe('headers the HTTP client sets itself', () => {
  it.each([
    'Host',
    'Content-Length',
    'Transfer-Encoding',
    'Connection',
    'Keep-Alive',
    'Upgrade',
    'TE',
    'Trailer',
    'Expect',
    'Proxy-Connection',
  ])('refuses %s', (name) => {
    expect(message({ 'webhook-headers': `${name}: x` })).toBe(
      `Input 'webhook-headers.${name}' has an invalid value "${name}": a header the HTTP client does not set itself (host, content-length and the like are not allowed)`,
    );
  });

  it('accepts ordinary headers that merely look alike', () => {
    const s = settings({
      'webhook-url': 'https://h.example.com/',
      'webhook-headers': "X-Host: a\nContent-Type: text/plain\nTE-X: b\nX_!#$%&'*+.^`|~9: c",
    });
    expect(s.targets[0]?.headers).toEqual({
      'x-host': 'a',
      'content-type': 'text/plain',
      'te-x': 'b',
      "x_!#$%&'*+.^`|~9": 'c',
    });
  });
});

describe('what is masked for a target', () => {
  it('masks a short password taken out of a URL, and the Authorization value built from it', () => {
    settings({ 'webhook-url': 'https://bob:pw9@h.example.com/x' });
    expect(masked).toContain('pw9');
    expect(masked).toContain(Buffer.from('bob:pw9').toString('base64'));
  });

  it('masks the Authorization value of a user without password', () => {
    settings({ 'webhook-url': 'https://bobby@h.example.com/x' });
    expect(masked).toContain(Buffer.from('bobby:').toString('base64'));
  });

  it('masks the normalised Discord URL that is called', () => {
    settings({ 'discord-webhook-url': DISCORD });
    expect(masked).toContain(NORMAL);
  });

  it('masks a basic-auth string whole', () => {
    settings({ webhooks: '- url: https://h.example.com/\n  basic-auth: alice:pw1' });
    expect(masked).toContain('alice:pw1');
    expect(masked).toContain('pw1');
    expect(masked).toContain(Buffer.from('alice:pw1').toString('base64'));
  });

  it('masks nothing but the URL of an entry without credentials', () => {
    settings({ webhooks: '- url: https://h.example.com/hook\n  on: failure\n  timeout: 5' });
    expect(masked.length).toBeGreaterThan(0);
    for (const m of masked) {
      // The URL, or a form of it (base64, percent-encoded, JSON-escaped).
      expect(`${m} ${Buffer.from(m, 'base64').toString()}`).toContain('h.example.com');
    }
  });
});

it('refuses a YAML alias bomb', () => {
  const bomb = [
    'a: &a [x, x, x, x, x, x, x, x, x, x]',
    'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
    'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
    'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
  ].join('\n');
  expect(() => settings({ 'webhook-headers': bomb })).toThrow(/Excessive alias count/);
});

describe('odd values', () => {
  it('does not read a one-element list as a number', () => {
    expect(entryMessage('- url: https://a.example.com\n  timeout: [5]')).toBe(
      `Input 'webhooks[0].timeout' has an invalid value "5": seconds from 0.5 to 120`,
    );
    expect(entryMessage('- url: https://a.example.com\n  retries: [5]')).toBe(
      `Input 'webhooks[0].retries' has an invalid value "5": a whole number from 0 to 10`,
    );
  });

  it('masks no text made up from a header value that is not one', () => {
    expect(message({ 'webhook-headers': 'X-Obj: {key: value-long-1}' })).toBe(
      `Input 'webhook-headers.X-Obj' has an invalid value ***: a string value`,
    );
    expect(masked).not.toContain('[object Object]');
  });

  it('lets what a failing input reader throws through unchanged', () => {
    let caught: unknown;
    try {
      resolveNotifySettings(() => {
        throw 'input reader failed';
      }, {});
    } catch (err) {
      caught = err;
    }
    expect(caught).toBe('input reader failed');
  });
});
