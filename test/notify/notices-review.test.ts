// Setup warnings for a URL in the input of another platform (what format it will get, and where it belongs),
// and for a global template that no target uses.
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('@actions/core', () => ({ setSecret: () => undefined }));

import { resetSecretsForTest } from '../../src/runner/secrets.js';
import { loadNotifySettings } from '../../src/notify/settings.js';
import { setupNotices } from '../../src/notify/notices.js';

const SLACK = 'https://hooks.slack.com/services/T000/B000/XXXXsecretXXXX';
const DISCORD = 'https://discord.com/api/webhooks/112233445566778899/AbCdEfGhIjKlMnOpQrStUvWxYz012345';
const FLOW =
  'https://prod-42.westus.logic.azure.com:443/workflows/abcd/triggers/manual/paths/invoke?api-version=2016-06-01&sig=SIGsecret';
const GENERIC = 'https://hooks.example.com/jetson';

async function warnings(inputs: Record<string, string>): Promise<string[]> {
  const settings = await loadNotifySettings((name) => inputs[name] ?? '', {});
  return setupNotices(settings, inputs['notify-on'], {
    'message-template': inputs['message-template'] ?? '',
    'payload-template': inputs['payload-template'] ?? '',
    'payload-template-file': inputs['payload-template-file'] ?? '',
  }).warnings;
}

beforeEach(() => resetSecretsForTest());

describe('a URL in the input of another platform', () => {
  it('a Discord URL in slack-webhook-url or teams-webhook-url', async () => {
    expect(await warnings({ 'slack-webhook-url': DISCORD })).toEqual([
      'slack-webhook-url is a Discord webhook (https://discord.com/***) but will get the slack format there: ' +
        'a Slack message, which Discord rejects. Put it in discord-webhook-url instead.',
    ]);
    expect(await warnings({ 'teams-webhook-url': DISCORD })).toEqual([
      'teams-webhook-url is a Discord webhook (https://discord.com/***) but will get the teams format there: ' +
        'an Adaptive Card, which Discord rejects. Put it in discord-webhook-url instead.',
    ]);
  });

  it('a Teams URL in slack-webhook-url, a Slack URL in teams-webhook-url or discord-webhook-url', async () => {
    expect(await warnings({ 'slack-webhook-url': FLOW })).toEqual([
      'slack-webhook-url is a Microsoft Teams webhook (https://prod-42.westus.logic.azure.com/***) but will get ' +
        'the slack format there: a Slack message, which Teams rejects (it takes Adaptive Cards). Put it in ' +
        'teams-webhook-url instead.',
    ]);
    expect(await warnings({ 'teams-webhook-url': SLACK })).toEqual([
      'teams-webhook-url is a Slack webhook (https://hooks.slack.com/***) but will get the teams format there: ' +
        'an Adaptive Card, which Slack rejects (its incoming webhooks take Slack messages only). Put it in ' +
        'slack-webhook-url instead.',
    ]);
    expect(await warnings({ 'discord-webhook-url': SLACK })).toEqual([
      'discord-webhook-url is a Slack webhook (https://hooks.slack.com/***) but will get the discord format ' +
        'there: a Discord message body, which Slack rejects (its incoming webhooks take Slack messages only). ' +
        'Put it in slack-webhook-url instead.',
    ]);
  });

  it('each URL in its own input: no warning', async () => {
    expect(
      await warnings({
        'discord-webhook-url': DISCORD,
        'slack-webhook-url': SLACK,
        'teams-webhook-url': FLOW,
      }),
    ).toEqual([]);
  });
});

describe('a global template no target uses', () => {
  it('payload-template with no generic target', async () => {
    expect(await warnings({ 'slack-webhook-url': SLACK, 'payload-template': '{"a": "{{status}}"}' })).toEqual(
      [
        'payload-template is set, but no generic target uses it (Discord, Slack and Teams targets take ' +
          'message-template): it is ignored.',
      ],
    );
  });

  it('message-template with no Discord, Slack or Teams target', async () => {
    expect(await warnings({ 'webhook-url': GENERIC, 'message-template': '{{status}}' })).toEqual([
      'message-template is set, but no Discord, Slack or Teams target uses it (generic targets take ' +
        'payload-template): it is ignored.',
    ]);
  });

  it('a global template overridden by every target that could use it is unused too; one that is used: silent', async () => {
    expect(
      await warnings({
        'message-template': '{{status}}',
        webhooks: `- url: ${SLACK}\n  message-template: '{{emoji}}'`,
      }),
    ).toHaveLength(1);
    expect(
      await warnings({
        'message-template': '{{status}}',
        'payload-template': '{}',
        'webhook-url': GENERIC,
        'slack-webhook-url': SLACK,
      }),
    ).toEqual([]);
  });
});
