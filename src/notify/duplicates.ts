// Which receivers can drop a repeated request. Discord's execute-webhook, Slack's incoming webhooks and Teams
// (connectors and Workflows alike) have no idempotency key: every request they get is a message. A request
// that went out and was never answered may have posted it, so those formats get a message at most once. A
// generic receiver gets the same `webhook-id` on every attempt and from the post step, and can drop a repeat.
import type { TargetFormat } from './types.js';

const PLATFORM: Record<TargetFormat, string> = {
  discord: 'Discord',
  slack: 'Slack',
  teams: 'Microsoft Teams',
  generic: 'the receiver',
};

/** Whether a receiver of this format can drop a repeated request (it sees the same `webhook-id`). */
export function dropsDuplicates(format: TargetFormat): boolean {
  return format === 'generic';
}

/** `Discord`, `Slack`, `Microsoft Teams`: who cannot drop a duplicate, for messages. */
export function platformName(format: TargetFormat): string {
  return PLATFORM[format];
}
