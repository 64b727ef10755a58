// What a user should hear about the notification setup before anything is sent: that nothing will be sent
// at all, that a URL belongs to a platform whose format this action does not speak, that `notify-on: change`
// has no token. Pure: it returns the messages; the actions print them (core.notice / core.warning).
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
  'No notification will be sent: no notification target is set. discord-webhook-url, webhook-url, ' +
  'success-webhook-url, failure-webhook-url and webhooks are empty, and so are the WEBHOOK_URL, ' +
  'JC_BUILD_SUCCESS_WEBHOOK_URL and JC_BUILD_FAILURE_WEBHOOK_URL variables. A secret the run cannot read ' +
  '(e.g. on a pull request from a fork, or a typo in its name) is empty too.';

interface Platform {
  name: string;
  matches: (host: string, pathname: string) => boolean;
  /** What the platform wants instead, and what to do about it. */
  instead: string;
}

const hostIs = (host: string, ...domains: string[]): boolean =>
  domains.some((d) => host === d || host.endsWith(`.${d}`));

/** Platforms people paste webhook URLs of, whose message formats this action does not send. */
const PLATFORMS: Platform[] = [
  {
    name: 'Slack',
    matches: (host) => hostIs(host, 'hooks.slack.com'),
    instead:
      'which Slack rejects (its incoming webhooks take Slack messages only). Send to a relay that turns the ' +
      'generic payload into a Slack message, or use a Discord webhook',
  },
  {
    name: 'Microsoft Teams',
    matches: (host, pathname) =>
      hostIs(host, 'webhook.office.com') ||
      (hostIs(host, 'outlook.office.com') && pathname.startsWith('/webhook')),
    instead:
      'which a Teams connector rejects (it takes message cards only). Send to a relay that turns the generic ' +
      'payload into a card, or use a Discord webhook',
  },
  {
    name: 'Power Automate / Teams Workflows',
    matches: (host) => hostIs(host, 'logic.azure.com', 'environment.api.powerplatform.com'),
    instead:
      'which the Teams "post to a channel when a webhook request is received" flow rejects (it takes Adaptive ' +
      'Cards only); a flow of your own that reads the generic payload works',
  },
];

function platformOf(target: Target): Platform | null {
  let u: URL;
  try {
    u = new URL(target.url);
  } catch {
    return null;
  }
  // The URL parser lower-cases the host; a trailing dot names the same host.
  const host = u.hostname.replace(/\.$/, '');
  return PLATFORMS.find((p) => p.matches(host, u.pathname)) ?? null;
}

/** A target whose URL looks like another platform's webhook: what it will get and what that platform does. */
export function foreignPlatformWarning(target: Target): string | null {
  const platform = platformOf(target);
  if (platform === null) return null;
  const body = target.format === 'discord' ? 'a Discord message body' : "this action's generic JSON body";
  return (
    `${target.source} looks like a ${platform.name} webhook (${maskUrl(target.url)}); this action has no ` +
    `${platform.name} format, so it will get ${body}, ${platform.instead}.`
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
    const warning = foreignPlatformWarning(target);
    if (warning !== null) out.warnings.push(warning);
  }
  if (wantsChange(settings.targets) && !settings.githubToken) out.warnings.push(NO_TOKEN_WARNING);
  return out;
}
