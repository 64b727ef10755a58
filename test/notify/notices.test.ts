// The notices about the notification setup: nothing will be sent, a Teams URL, a Slack URL set to another
// format, change without token.
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
    'No notification will be sent: no notification target is set. discord-webhook-url, slack-webhook-url, ' +
    'teams-webhook-url, webhook-url, success-webhook-url, failure-webhook-url and webhooks are empty, and so ' +
    'are the WEBHOOK_URL, ' +
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
  it('a Slack URL anywhere gets the Slack format: no warning (slack-webhook-url, webhook-url, a variable)', async () => {
    expect(await notices({ 'slack-webhook-url': SLACK })).toEqual({ notices: [], warnings: [] });
    expect(await notices({ 'webhook-url': SLACK })).toEqual({ notices: [], warnings: [] });
    expect(await notices({}, { JC_BUILD_FAILURE_WEBHOOK_URL: SLACK })).toEqual({ notices: [], warnings: [] });
    expect(await notices({ webhooks: `- url: ${SLACK}\n  format: slack` })).toEqual({
      notices: [],
      warnings: [],
    });
  });

  it('a Teams or Power Automate URL anywhere gets the Teams format: no warning', async () => {
    expect(await notices({ 'teams-webhook-url': FLOW })).toEqual({ notices: [], warnings: [] });
    expect(await notices({ 'webhook-url': TEAMS })).toEqual({ notices: [], warnings: [] });
    expect(await notices({}, { JC_BUILD_FAILURE_WEBHOOK_URL: PP })).toEqual({ notices: [], warnings: [] });
    expect(
      await notices(
        { webhooks: `- url: ${TEAMS}\n- url: "${FLOW}"\n- url: "${PP}"` },
        { JC_BUILD_SUCCESS_WEBHOOK_URL: SLACK },
      ),
    ).toEqual({ notices: [], warnings: [] });
  });

  it('a Teams URL set to another format: what it will get and the fix; a flow of your own may take generic', async () => {
    const { warnings } = await notices({
      webhooks: [
        `- url: ${TEAMS}\n  format: generic`,
        `- url: "${FLOW}"\n  format: discord`,
        `- url: "${PP}"\n  format: generic`,
      ].join('\n'),
    });
    expect(warnings).toEqual([
      'webhooks[0] is a Microsoft Teams webhook (https://contoso.webhook.office.com/***) set to format: generic, ' +
        "so it will get this action's generic JSON body, which Teams rejects (it takes Adaptive Cards). Leave " +
        'format out or set format: teams.',
      'webhooks[1] is a Microsoft Teams webhook (https://prod-42.westus.logic.azure.com/***) set to format: ' +
        'discord, so it will get a Discord message body, which Teams rejects (it takes Adaptive Cards). Leave ' +
        'format out or set format: teams.',
    ]);
    for (const secret of ['secretpart', 'SIGsecret', 'PPsecret', 'webhookb2']) {
      expect(warnings.join('\n')).not.toContain(secret);
    }
  });

  it('a Slack URL set to the discord or generic format: what it will get, and the fix', async () => {
    const { warnings } = await notices({
      webhooks: `- url: ${SLACK}\n  format: discord\n- url: ${SLACK}\n  format: generic`,
    });
    expect(warnings).toEqual([
      'webhooks[0] is a Slack webhook (https://hooks.slack.com/***) set to format: discord, so it will get a ' +
        'Discord message body, which Slack rejects (its incoming webhooks take Slack messages only). Leave ' +
        'format out or set format: slack.',
      'webhooks[1] is a Slack webhook (https://hooks.slack.com/***) set to format: generic, so it will get ' +
        "this action's generic JSON body, which Slack rejects (its incoming webhooks take Slack messages " +
        'only). Leave format out or set format: slack.',
    ]);
    expect(warnings.join('\n')).not.toContain('XXXXsecretXXXX');
  });

  it('a Slack workflow trigger (hooks.slack.com/triggers/…) takes any JSON: format generic is not warned about', async () => {
    const trigger = 'https://hooks.slack.com/triggers/T000/123/abcsecret';
    expect(await notices({ webhooks: `- url: ${trigger}\n  format: generic` })).toEqual({
      notices: [],
      warnings: [],
    });
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
