// The notices about the notification setup: nothing will be sent, a Slack or Teams URL, change without token.
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('@actions/core', () => ({ setSecret: () => undefined }));

import { resetSecretsForTest } from '../../src/runner/secrets.js';
import { loadNotifySettings } from '../../src/notify/settings.js';
import { setupNotices } from '../../src/notify/notices.js';

const SLACK = 'https://hooks.slack.com/services/T000/B000/XXXXsecretXXXX';
const TEAMS = 'https://contoso.webhook.office.com/webhookb2/abc@def/IncomingWebhook/0123/secretpart';
const FLOW =
  'https://prod-42.westus.logic.azure.com:443/workflows/abcd/triggers/manual/paths/invoke?api-version=2016-06-01&sig=SIGsecret';
const PP =
  'https://default0123.environment.api.powerplatform.com/powerautomate/automations/direct/workflows/abc/triggers/manual/paths/invoke?sig=PPsecret';

async function notices(inputs: Record<string, string>, env: Record<string, string> = {}) {
  return setupNotices(await loadNotifySettings((name) => inputs[name] ?? '', env), inputs['notify-on']);
}

beforeEach(() => resetSecretsForTest());

describe('no target', () => {
  const NOTICE =
    'No notification will be sent: no notification target is set. discord-webhook-url, webhook-url, ' +
    'success-webhook-url, failure-webhook-url and webhooks are empty, and so are the WEBHOOK_URL, ' +
    'JC_BUILD_SUCCESS_WEBHOOK_URL and JC_BUILD_FAILURE_WEBHOOK_URL variables. A secret the run cannot read ' +
    '(e.g. on a pull request from a fork, or a typo in its name) is empty too.';

  it('says once that nothing will be sent, and why, when every input and variable is empty', async () => {
    expect(await notices({ 'notify-on': 'failure' })).toEqual({ notices: [NOTICE], warnings: [] });
  });

  it('is silent when notify-on is never: nothing was asked for (the fleet legs)', async () => {
    expect(await notices({ 'notify-on': 'never' })).toEqual({ notices: [], warnings: [] });
    expect(await notices({ 'notify-on': ' never ' })).toEqual({ notices: [], warnings: [] });
  });

  it('an empty webhooks list is no target either', async () => {
    expect(await notices({ webhooks: '[]' })).toEqual({ notices: [NOTICE], warnings: [] });
  });

  it('is silent when a target is set, by input or by variable', async () => {
    expect(await notices({ 'webhook-url': 'https://hooks.example.com/x' })).toEqual({
      notices: [],
      warnings: [],
    });
    expect(await notices({}, { JC_BUILD_FAILURE_WEBHOOK_URL: 'https://hooks.example.com/x' })).toEqual({
      notices: [],
      warnings: [],
    });
  });
});

describe('a URL of a platform this action has no format for', () => {
  it('Slack through webhook-url: names the input, the platform and the body it will get; the URL masked', async () => {
    const { warnings } = await notices({ 'webhook-url': SLACK });
    expect(warnings).toEqual([
      'webhook-url looks like a Slack webhook (https://hooks.slack.com/***); this action has no Slack format, so ' +
        "it will get this action's generic JSON body, which Slack rejects (its incoming webhooks take Slack " +
        'messages only). Send to a relay that turns the generic payload into a Slack message, or use a Discord webhook.',
    ]);
  });

  it('Teams, Power Automate and a Slack URL in a variable or a webhooks entry', async () => {
    const { warnings } = await notices(
      { webhooks: `- url: ${TEAMS}\n- url: "${FLOW}"\n- url: "${PP}"` },
      { JC_BUILD_SUCCESS_WEBHOOK_URL: SLACK },
    );
    expect(warnings.map((w) => w.slice(0, w.indexOf(';')))).toEqual([
      'env JC_BUILD_SUCCESS_WEBHOOK_URL looks like a Slack webhook (https://hooks.slack.com/***)',
      'webhooks[0] looks like a Microsoft Teams webhook (https://contoso.webhook.office.com/***)',
      'webhooks[1] looks like a Power Automate / Teams Workflows webhook (https://prod-42.westus.logic.azure.com/***)',
      'webhooks[2] looks like a Power Automate / Teams Workflows webhook (https://default0123.environment.api.powerplatform.com/***)',
    ]);
    expect(warnings[1]).toContain('which a Teams connector rejects (it takes message cards only)');
    expect(warnings[2]).toContain('a flow of your own that reads the generic payload works');
    for (const secret of ['XXXXsecretXXXX', 'secretpart', 'SIGsecret', 'PPsecret', 'webhookb2']) {
      expect(warnings.join('\n')).not.toContain(secret);
    }
  });

  it('a Slack URL given the discord format will get a Discord body', async () => {
    const { warnings } = await notices({ webhooks: `- url: ${SLACK}\n  format: discord` });
    expect(warnings[0]).toContain('so it will get a Discord message body, which Slack rejects');
  });

  it('leaves Discord, look-alike hosts and other hosts alone', async () => {
    const { warnings } = await notices({
      'discord-webhook-url': 'https://discord.com/api/webhooks/1/abc',
      webhooks: [
        '- url: https://hooks.slack.com.example.net/x',
        '- url: https://notslack.com/hooks.slack.com',
        '- url: https://outlook.office.com/mail',
        '- url: https://hooks.example.com/build',
      ].join('\n'),
    });
    expect(warnings).toEqual([]);
  });
});

describe('notify-on change without a token', () => {
  it('warns once, whatever the number of change targets', async () => {
    const { warnings } = await notices({
      'notify-on': 'change',
      'webhook-url': 'https://hooks.example.com/a',
      webhooks: '- url: https://hooks.example.com/b\n  on: change',
    });
    expect(warnings).toEqual([
      'notify-on change: could not read the previous run (github-token is empty) — leave `github-token` at its ' +
        'default (`${{ github.token }}`) and give the workflow `permissions: actions: read`; notifying as always.',
    ]);
  });

  it('is silent with a token, or with no change target', async () => {
    expect(
      (
        await notices({
          'notify-on': 'change',
          'webhook-url': 'https://h.example.com/',
          'github-token': 'ghs_x',
        })
      ).warnings,
    ).toEqual([]);
    expect(
      (await notices({ 'notify-on': 'failure', 'webhook-url': 'https://h.example.com/' })).warnings,
    ).toEqual([]);
  });
});
