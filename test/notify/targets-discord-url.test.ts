// Which hosts count as Discord's, and exactly what a Discord webhook URL is turned into before it is called.
import { describe, expect, it } from 'vitest';
import { isDiscordHost, normalizeDiscordUrl } from '../../src/notify/targets.js';

const NOT_WEBHOOK = 'not a Discord webhook URL (expected https://discord.com/api/webhooks/<id>/<token>)';

describe('isDiscordHost', () => {
  it.each([
    'discord.com',
    'discordapp.com',
    'www.discord.com',
    'www.discordapp.com',
    'ptb.discordapp.com',
    'canary.discord.com',
    'Canary.DiscordApp.com',
    'discord.com.',
    'www.discordapp.com.',
  ])('%s is Discord', (host) => {
    expect(isDiscordHost(host)).toBe(true);
  });

  it.each([
    'api.discord.com',
    'discord.co',
    'xdiscord.com',
    'discord.com..',
    'discord.comx',
    'www.ptb.discord.com',
    'discord.gg',
    '',
  ])('%s is not', (host) => {
    expect(isDiscordHost(host)).toBe(false);
  });
});

describe('normalizeDiscordUrl', () => {
  it.each([
    ['https://discord.com/api/webhooks/1/tok', 'https://discord.com/api/v10/webhooks/1/tok?wait=true'],
    ['https://discord.com/api/v6/webhooks/1/tok/', 'https://discord.com/api/v10/webhooks/1/tok?wait=true'],
    [
      'https://discord.com/api/v10/webhooks/123/tok/github/',
      'https://discord.com/api/v10/webhooks/123/tok?wait=true',
    ],
    [
      'https://www.discord.com/api/webhooks/1/tok/slack',
      'https://www.discord.com/api/v10/webhooks/1/tok?wait=true',
    ],
    // Discord's own host is always https on the default port, without a fragment.
    [
      'http://discord.com:8443/api/webhooks/1/tok#frag',
      'https://discord.com/api/v10/webhooks/1/tok?wait=true',
    ],
    ['http://discord.com.:8080/api/webhooks/1/tok', 'https://discord.com./api/v10/webhooks/1/tok?wait=true'],
    [
      'https://discord.com/api/webhooks/1/tok?wait=false&x=1',
      'https://discord.com/api/v10/webhooks/1/tok?wait=true&x=1',
    ],
  ])('%s → %s', (url, expected) => {
    expect(normalizeDiscordUrl(url)).toBe(expected);
  });

  it.each([
    'https://discord.com/api/webhooks/abc/tok',
    'https://discord.com/api/webhooks/1/tok/extra',
    'https://discord.com/api/webhooks/1/tok/slack/x',
    'https://discord.com/api/webhooks/1/tok//',
    'https://discord.com/x/api/webhooks/1/tok',
    'https://discord.com/api/webhooks/1/',
    'https://discord.com/api/webhooks/1',
    'https://discord.com/api/vX/webhooks/1/tok',
    'https://discord.com/api/v/webhooks/1/tok',
    'https://discord.com/api/webhooks//tok',
    'https://discordapp.com/',
  ])('rejects the Discord URL %s that is no webhook', (url) => {
    expect(() => normalizeDiscordUrl(url)).toThrow(new Error(NOT_WEBHOOK));
  });

  it('versions a webhook path on any other host, keeps its scheme, port and other paths, drops the fragment', () => {
    expect(normalizeDiscordUrl('http://127.0.0.1:8080/api/v9/webhooks/5/tok/slack#f')).toBe(
      'http://127.0.0.1:8080/api/v10/webhooks/5/tok?wait=true',
    );
    expect(normalizeDiscordUrl('http://127.0.0.1:8080/prefix/api/webhooks/5/tok')).toBe(
      'http://127.0.0.1:8080/prefix/api/webhooks/5/tok?wait=true',
    );
    expect(normalizeDiscordUrl('http://127.0.0.1:8080/api/webhooks/5/tok/extra')).toBe(
      'http://127.0.0.1:8080/api/webhooks/5/tok/extra?wait=true',
    );
    expect(normalizeDiscordUrl('http://127.0.0.1:8080/relay#frag', '9')).toBe(
      'http://127.0.0.1:8080/relay?wait=true&thread_id=9',
    );
  });

  it('adds no thread_id for no or an empty thread id', () => {
    expect(normalizeDiscordUrl('https://discord.com/api/webhooks/1/tok', null)).toBe(
      'https://discord.com/api/v10/webhooks/1/tok?wait=true',
    );
    expect(normalizeDiscordUrl('https://discord.com/api/webhooks/1/tok', '')).toBe(
      'https://discord.com/api/v10/webhooks/1/tok?wait=true',
    );
    expect(normalizeDiscordUrl('https://discord.com/api/webhooks/1/tok', '77')).toBe(
      'https://discord.com/api/v10/webhooks/1/tok?wait=true&thread_id=77',
    );
  });
});
