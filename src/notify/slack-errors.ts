// What Slack's incoming webhooks answer, in words a person can act on. Slack answers errors as a bare code in
// a plain-text body (`channel_not_found`), with an HTTP status; a workflow webhook answers JSON
// (`{"ok":false,"error":"…"}`). A 200 is success whatever its body says (Slack's documentation: "interpret a
// HTTP 200 response as success and any other response code as a failure").

const SLACK_ERROR_TEXT: Record<string, string> = {
  invalid_payload: 'Slack could not read the message (not valid JSON or not a Slack message)',
  user_not_found: 'Slack could not find a user the message names',
  no_text: 'the message has no text, which Slack requires',
  missing_text_or_fallback_or_attachments: 'the message has no text, which Slack requires',
  too_many_attachments: 'Slack takes at most 100 attachments in a message',
  invalid_blocks: "Slack refused the message's blocks (a Block Kit limit or shape)",
  invalid_blocks_format: "Slack refused the message's blocks (a Block Kit limit or shape)",
  invalid_attachments: "Slack refused the message's attachments",
  channel_not_found: 'the channel of this Slack webhook was deleted or the app was removed from it',
  channel_is_archived:
    'the channel of this Slack webhook is archived; unarchive it or create a webhook for another channel',
  no_service:
    'this Slack webhook was removed or disabled, or its URL is wrong; create a new one and update the secret',
  no_service_id: 'the Slack webhook URL is incomplete; copy it again from the app settings',
  no_team: 'the Slack workspace of this webhook was not found; check the URL',
  team_disabled: 'the Slack workspace of this webhook is disabled',
  invalid_token:
    'the token in this Slack webhook URL is not valid (revoked or mistyped); create a new webhook',
  action_prohibited: 'a Slack admin restricts where this webhook may post',
  posting_to_general_channel_denied:
    'only admins may post in this channel; point the webhook at another channel',
  rate_limited: 'Slack rate-limits this webhook (about one message a second)',
  rollup_error: "something went wrong on Slack's side",
};

/** The error code in Slack's answer: the plain-text body, or a workflow webhook's JSON `error`. */
export function slackErrorCode(text: string, json: Record<string, unknown> | undefined): string | null {
  const bare = text.trim();
  if (/^[a-z][a-z0-9_]{1,80}$/.test(bare)) return bare;
  return typeof json?.error === 'string' && /^[a-z][a-z0-9_]{1,80}$/.test(json.error) ? json.error : null;
}

/** A sentence for a known code; null for one Slack has not documented. */
export function slackErrorText(code: string): string | null {
  return Object.hasOwn(SLACK_ERROR_TEXT, code) ? (SLACK_ERROR_TEXT[code] ?? null) : null;
}

/** A 200 that does not say `ok` (nor `{"ok":true}`): what to log about it, or null when it is plainly ok. */
export function slackOddSuccess(text: string, json: Record<string, unknown> | undefined): string | null {
  const body = text.trim();
  if (body === 'ok' || body === '' || json?.ok === true) return null;
  const shown = body.replace(/\s+/g, ' ');
  return shown.length > 200 ? `${shown.slice(0, 199)}…` : shown;
}
