// What a user should hear about the notification setup before anything is sent: that nothing will be sent
// at all, that a Slack or Teams URL is set to a format its platform rejects, that `notify-on: change` has no
// token. Pure: it returns the messages; the actions print them (core.notice / core.warning).
import { maskUrl } from '../runner/secrets.js';
import { NO_TOKEN_WARNING, wantsChange } from './change.js';
import type { NotifySettings, Target } from './types.js';

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

/**
 * A Teams URL set to another format (a `webhooks` entry's `format`): what it will get. A Power Automate flow
 * of one's own may read any JSON, so the generic body is fine there; a legacy connector takes cards only.
 */
export function teamsFormatWarning(target: Target): string | null {
  if (target.format === 'teams' || !URL.canParse(target.url)) return null;
  const u = new URL(target.url);
  const host = u.hostname.replace(/\.$/, '');
  const flow = hostIs(host, 'logic.azure.com', 'environment.api.powerplatform.com');
  const connector =
    hostIs(host, 'webhook.office.com') ||
    (hostIs(host, 'outlook.office.com') && u.pathname.startsWith('/webhook'));
  if (!flow && !connector) return null;
  if (flow && target.format === 'generic') return null;
  const body = target.format === 'discord' ? 'a Discord message body' : "this action's generic JSON body";
  return (
    `${target.source} is a Microsoft Teams webhook (${maskUrl(target.url)}) set to format: ${target.format}, ` +
    `so it will get ${body}, which Teams rejects (it takes Adaptive Cards). Leave format out or set format: teams.`
  );
}

/**
 * A Slack URL set to another format (a `webhooks` entry's `format`): what it will get. A workflow trigger
 * (`/triggers/…`) takes any JSON, so the generic body is fine there.
 */
export function slackFormatWarning(target: Target): string | null {
  if (target.format === 'slack' || !URL.canParse(target.url)) return null;
  const u = new URL(target.url);
  if (!hostIs(u.hostname.replace(/\.$/, ''), 'hooks.slack.com')) return null;
  if (target.format === 'generic' && u.pathname.startsWith('/triggers/')) return null;
  const body = target.format === 'discord' ? 'a Discord message body' : "this action's generic JSON body";
  return (
    `${target.source} is a Slack webhook (${maskUrl(target.url)}) set to format: ${target.format}, so it will ` +
    `get ${body}, which Slack rejects (its incoming webhooks take Slack messages only). Leave format out or ` +
    'set format: slack.'
  );
}

/**
 * The notices and warnings for these settings (null: no notification input at all). `notifyOn` is the
 * `notify-on` input as given: `never` means no notification was asked for, so its absence is not news (the
 * reusable workflow's legs, which leave the notifying to the summary).
 */
export function setupNotices(settings: NotifySettings | null, notifyOn = ''): SetupNotices {
  const out: SetupNotices = { notices: [], warnings: [] };
  if (settings === null || settings.targets.length === 0) {
    if (notifyOn.trim() !== 'never') out.notices.push(NO_TARGET_NOTICE);
    return out;
  }
  for (const target of settings.targets) {
    const warning = slackFormatWarning(target) ?? teamsFormatWarning(target);
    if (warning !== null) out.warnings.push(warning);
  }
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
