// Loads the notification settings only when something asks for a notification, so a build without
// webhooks never pays for the settings code and the HTTP client at start-up, and the YAML parser only when an
// input written in YAML is set.
import type { NotifySettings } from './types.js';
import { loadYamlParser } from './yaml-parser.js';

type Env = Record<string, string | undefined>;

const URL_INPUTS = [
  'discord-webhook-url',
  'slack-webhook-url',
  'teams-webhook-url',
  'webhook-url',
  'success-webhook-url',
  'failure-webhook-url',
  'webhooks',
];
const URL_ENV = ['JC_BUILD_SUCCESS_WEBHOOK_URL', 'JC_BUILD_FAILURE_WEBHOOK_URL', 'WEBHOOK_URL'];

export function wantsNotifications(getInput: (name: string) => string, env: Env): boolean {
  return (
    URL_INPUTS.some((n) => getInput(n).trim() !== '') || URL_ENV.some((n) => (env[n] ?? '').trim() !== '')
  );
}

export async function loadNotifySettings(
  getInput: (name: string) => string,
  env: Env,
): Promise<NotifySettings | null> {
  if (!wantsNotifications(getInput, env)) return null;
  const { resolveNotifySettings, YAML_INPUTS } = await import('./targets.js');
  if (YAML_INPUTS.some((n) => getInput(n).trim() !== '')) await loadYamlParser();
  return resolveNotifySettings(getInput, env);
}
