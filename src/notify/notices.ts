// What a user should hear about the notification setup before anything is sent: that nothing will be sent
// at all, that a Discord, Slack or Teams URL will get a body its platform rejects, that a global template is
// used by no target, that `notify-on: change` has no token. Pure: it returns the messages; the actions print them (core.notice / core.warning).
import { maskUrl } from '../runner/secrets.js';
import { NO_TOKEN_WARNING, wantsChange } from './change.js';
import { isDiscordHost, isSlackHost, isTeamsUrl } from './hosts.js';
import type { NotifySettings, Target, TargetFormat } from './types.js';

export interface SetupNotices {
  /** core.notice: information, not a problem. */
  notices: string[];
  /** core.warning: something the user most likely wants to fix. */
  warnings: string[];
}

export const NO_TARGET_NOTICE =
  'No notification will be sent: no notification target is set. discord-webhook-url, slack-webhook-url, ' +
  'teams-webhook-url, webhook-url, success-webhook-url, failure-webhook-url and webhooks are empty, and so are the WEBHOOK_URL, ' +
  'JC_BUILD_SUCCESS_WEBHOOK_URL and JC_BUILD_FAILURE_WEBHOOK_URL variables. A secret the run cannot read ' +
  '(e.g. on a pull request from a fork, or a typo in its name) is empty too.';

const hostIs = (host: string, ...domains: string[]): boolean =>
  domains.some((d) => host === d || host.endsWith(`.${d}`));

type Platform = 'discord' | 'slack' | 'teams';

const PLATFORM_NAME: Record<Platform, string> = {
  discord: 'Discord',
  slack: 'Slack',
  teams: 'Microsoft Teams',
};
const REJECTS: Record<Platform, string> = {
  discord: 'which Discord rejects',
  slack: 'which Slack rejects (its incoming webhooks take Slack messages only)',
  teams: 'which Teams rejects (it takes Adaptive Cards)',
};
const BODY: Record<TargetFormat, string> = {
  discord: 'a Discord message body',
  slack: 'a Slack message',
  teams: 'an Adaptive Card',
  generic: "this action's generic JSON body",
};

/**
 * The platform a URL belongs to, and whether it also takes the generic body: a Power Automate flow of one's
 * own and a Slack workflow trigger (`/triggers/…`) read any JSON; a legacy connector takes cards only.
 */
function platformOf(url: string): { platform: Platform; takesGeneric: boolean } | null {
  if (!URL.canParse(url)) return null;
  const u = new URL(url);
  if (isDiscordHost(u.hostname)) return { platform: 'discord', takesGeneric: false };
  if (isSlackHost(u.hostname))
    return { platform: 'slack', takesGeneric: u.pathname.startsWith('/triggers/') };
  if (!isTeamsUrl(u)) return null;
  const host = u.hostname.toLowerCase().replace(/\.$/, '');
  return {
    platform: 'teams',
    takesGeneric: hostIs(host, 'logic.azure.com', 'environment.api.powerplatform.com'),
  };
}

/**
 * A Discord, Slack or Teams URL that will get another platform's body (a platform input holding another's
 * URL, a `webhooks` entry's `format`): what it will get, and the fix.
 */
export function formatWarning(target: Target): string | null {
  const found = platformOf(target.url);
  if (found === null || found.platform === target.format) return null;
  if (target.format === 'generic' && found.takesGeneric) return null;
  const { platform } = found;
  const what = `${target.source} is a ${PLATFORM_NAME[platform]} webhook (${maskUrl(target.url)})`;
  const body = `${BODY[target.format]}, ${REJECTS[platform]}`;
  if (target.source.startsWith('webhooks[')) {
    return (
      `${what} set to format: ${target.format}, so it will get ${body}. Leave format out or set format: ` +
      `${platform}.`
    );
  }
  return (
    `${what} but will get the ${target.format} format there: ${body}. Put it in ${platform}-webhook-url ` +
    'instead.'
  );
}

/** The global template inputs as given (empty: not set). */
export interface TemplateInputs {
  'message-template'?: string;
  'payload-template'?: string;
  'payload-template-file'?: string;
}

/** A global template set where no target uses it (each format takes one kind; an entry may override it). */
function unusedTemplateWarnings(settings: NotifySettings, inputs: TemplateInputs): string[] {
  const out: string[] = [];
  const message = (inputs['message-template'] ?? '').trim() !== '';
  if (message && !settings.targets.some((t) => t.templates?.messageSource === 'message-template')) {
    out.push(
      'message-template is set, but no Discord, Slack or Teams target uses it (generic targets take ' +
        'payload-template): it is ignored.',
    );
  }
  for (const name of ['payload-template', 'payload-template-file'] as const) {
    if ((inputs[name] ?? '').trim() === '') continue;
    if (settings.targets.some((t) => t.templates?.payloadSource === name)) continue;
    out.push(
      `${name} is set, but no generic target uses it (Discord, Slack and Teams targets take ` +
        'message-template): it is ignored.',
    );
  }
  return out;
}

/**
 * The notices and warnings for these settings (null: no notification input at all). `notifyOn` is the
 * `notify-on` input as given: `never` means no notification was asked for, so its absence is not news (the
 * reusable workflow's legs, which leave the notifying to the summary).
 */
export function setupNotices(
  settings: NotifySettings | null,
  notifyOn = '',
  templates: TemplateInputs = {},
): SetupNotices {
  const out: SetupNotices = { notices: [], warnings: [] };
  if (settings === null || settings.targets.length === 0) {
    if (notifyOn.trim() !== 'never') out.notices.push(NO_TARGET_NOTICE);
    return out;
  }
  for (const target of settings.targets) {
    const warning = formatWarning(target);
    if (warning !== null) out.warnings.push(warning);
  }
  out.warnings.push(...unusedTemplateWarnings(settings, templates));
  if (wantsChange(settings.targets) && !settings.githubToken) out.warnings.push(NO_TOKEN_WARNING);
  const discordOnly = discordOptionsWarning(settings);
  if (discordOnly !== null) out.warnings.push(discordOnly);
  return out;
}

/** `discord-live` or `discord-mention-on-failure` set where no target is a Discord one: said, not ignored. */
function discordOptionsWarning(settings: NotifySettings): string | null {
  if (settings.targets.some((t) => t.format === 'discord')) return null;
  const { live, mentionOnFailure } = settings.discord;
  const set = [
    live ? 'discord-live' : null,
    mentionOnFailure.users.length + mentionOnFailure.roles.length > 0 ? 'discord-mention-on-failure' : null,
  ].filter((x): x is string => x !== null);
  if (set.length === 0) return null;
  const [verb, pronoun] = set.length > 1 ? ['are', 'they are'] : ['is', 'it is'];
  return (
    `${set.join(' and ')} ${verb} set, but no Discord target is (discord-webhook-url, or a webhooks entry with ` +
    `format: discord): ${pronoun} ignored.`
  );
}

/** The inputs of a build step that only the start can check against each other. */
export interface StartInputs {
  /** `discord-run-message-id`: the reusable workflow's run message a leg writes its line in. */
  runMessageId: string;
  /** `job-check-run-id`: links the job's own page. */
  jobCheckRunId: string;
}

/**
 * Warnings about a build step's inputs that would otherwise be ignored quietly at the end: a run message id
 * with no Discord webhook to edit it through, a check run id that is no id (the Job link is left out).
 */
export function startInputWarnings(settings: NotifySettings | null, inputs: StartInputs): string[] {
  const warnings: string[] = [];
  const hasRunWebhook = settings?.targets.some((t) => t.source === 'discord-webhook-url') ?? false;
  if (inputs.runMessageId.trim() !== '' && !hasRunWebhook) {
    warnings.push(
      "discord-run-message-id is set, but discord-webhook-url is empty: this leg's line in the run message cannot be written.",
    );
  }
  const check = inputs.jobCheckRunId.trim();
  if (check !== '' && !/^\d{1,20}$/.test(check)) {
    warnings.push(
      `job-check-run-id is ${JSON.stringify(check.slice(0, 40))}, not a check run id (digits, as \${{ job.check_run_id }} gives): messages link the run instead of the job.`,
    );
  }
  return warnings;
}
