// Which platform a webhook URL belongs to, by its host: what the start-up notices (notices.ts) need, kept
// apart from targets.ts so that checking a URL does not load the target parser and its YAML reader.

const DISCORD_HOSTS = new Set(
  ['discord.com', 'discordapp.com'].flatMap((h) => [h, `www.${h}`, `ptb.${h}`, `canary.${h}`]),
);
/** Whether `hostname` is one of Discord's own hosts (discord.com, discordapp.com, their ptb./canary. variants). */
export function isDiscordHost(hostname: string): boolean {
  return DISCORD_HOSTS.has(hostname.toLowerCase().replace(/\.$/, ''));
}

const hostIs = (hostname: string, ...domains: string[]): boolean => {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return domains.some((d) => host === d || host.endsWith(`.${d}`));
};

/** Slack's incoming webhooks: `https://hooks.slack.com/services/…` (and workflow triggers on the same host). */
export function isSlackHost(hostname: string): boolean {
  return hostIs(hostname, 'hooks.slack.com');
}

/**
 * Microsoft Teams webhooks: Power Automate / Teams Workflows (`…logic.azure.com…`,
 * `…environment.api.powerplatform.com…`) and the legacy Office 365 connectors (`…webhook.office.com…`,
 * `outlook.office.com/webhook…`).
 */
export function isTeamsUrl(u: URL): boolean {
  return (
    hostIs(u.hostname, 'webhook.office.com', 'logic.azure.com', 'environment.api.powerplatform.com') ||
    (hostIs(u.hostname, 'outlook.office.com') && u.pathname.startsWith('/webhook'))
  );
}
