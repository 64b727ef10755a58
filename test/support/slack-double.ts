// A loopback double of a Slack incoming webhook, built on the recording receiver. POST to its webhook path
// (`/services/T…/B…/<token>`) answers 200 `ok` as text/plain, as Slack does; it refuses what Slack refuses with
// Slack's plain-text error codes: a body that is not JSON `invalid_payload` 400, no text/blocks/attachments
// `no_text` 400, more than 100 attachments `too_many_attachments` 400, a header over 150 characters, a section
// over 3000 or more than 50 blocks `invalid_blocks` 400, any other path `no_service` 404. Answers can be
// scripted for the next N requests: any error code (with its status), a 429 with Retry-After, or a 5xx.
import { startReceiver, type Receiver, type RecordedRequest, type Reply } from './receiver.js';

/** Slack's documented incoming-webhook errors and the status each comes with. */
export const SLACK_ERRORS = {
  invalid_payload: 400,
  user_not_found: 400,
  no_text: 400,
  too_many_attachments: 400,
  invalid_blocks: 400,
  channel_not_found: 404,
  no_service: 404,
  no_team: 404,
  action_prohibited: 403,
  posting_to_general_channel_denied: 403,
  invalid_token: 403,
  team_disabled: 403,
  channel_is_archived: 410,
  rollup_error: 500,
} as const;
export type SlackErrorCode = keyof typeof SLACK_ERRORS;

export type SlackAnswer =
  | { error: SlackErrorCode }
  | { rateLimit: number }
  | { status: number; body?: string }
  /** A 200 whose body is not `ok`. */
  | { okBody: string };

export interface SlackDouble {
  url: string;
  /** The webhook URL to configure. */
  webhookUrl: string;
  /** Every request so far. */
  requests: RecordedRequest[];
  /** The parsed JSON bodies that were answered `ok`. */
  delivered(): unknown[];
  /** Answer the next `times` requests (default 1) with `answer`, then normally again. */
  answer(answer: SlackAnswer, times?: number): void;
  receiver: Receiver;
  close(): Promise<void>;
}

const PATH = '/services/T0ACME0001/B0JETSON01/xoxbFakeTokenAbCdEfGhIjKl';

function plain(status: number, body: string, headers: Record<string, string> = {}): Reply {
  return { status, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers }, body };
}

/** What Slack would answer for this body (null: it is a message Slack takes). */
function refusal(req: RecordedRequest): SlackErrorCode | null {
  const body = req.json as Record<string, unknown> | undefined;
  if (body === undefined || body === null || typeof body !== 'object' || Array.isArray(body)) {
    return 'invalid_payload';
  }
  const attachments = Array.isArray(body.attachments) ? (body.attachments as Record<string, unknown>[]) : [];
  const blocks = [
    ...(Array.isArray(body.blocks) ? (body.blocks as unknown[]) : []),
    ...attachments.flatMap((a) => (Array.isArray(a.blocks) ? (a.blocks as unknown[]) : [])),
  ] as { type?: string; text?: { text?: string } }[];
  if (typeof body.text !== 'string' && blocks.length === 0 && attachments.length === 0) return 'no_text';
  if (attachments.length > 100) return 'too_many_attachments';
  if (blocks.length > 50) return 'invalid_blocks';
  for (const b of blocks) {
    const n = b.text?.text?.length ?? 0;
    if ((b.type === 'header' && n > 150) || (b.type === 'section' && n > 3000)) return 'invalid_blocks';
  }
  return null;
}

export async function startSlackDouble(): Promise<SlackDouble> {
  const script: SlackAnswer[] = [];
  const delivered: unknown[] = [];
  const handle = (req: RecordedRequest): Reply => {
    const next = script.shift();
    if (next) {
      if ('error' in next) return plain(SLACK_ERRORS[next.error], next.error);
      if ('rateLimit' in next) {
        return plain(429, 'rate_limited', { 'retry-after': String(next.rateLimit) });
      }
      if ('okBody' in next) return plain(200, next.okBody);
      return plain(next.status, next.body ?? 'rollup_error');
    }
    if (req.method !== 'POST' || req.path !== PATH) return plain(404, 'no_service');
    const refused = refusal(req);
    if (refused) return plain(SLACK_ERRORS[refused], refused);
    delivered.push(req.json);
    return plain(200, 'ok');
  };
  const receiver = await startReceiver({ fallback: handle });
  return {
    url: receiver.url,
    webhookUrl: receiver.urlFor(PATH),
    get requests() {
      return receiver.requests;
    },
    delivered: () => delivered.slice(),
    answer(answer, times = 1) {
      for (let i = 0; i < times; i++) script.push(answer);
    },
    receiver,
    close: () => receiver.close(),
  };
}
