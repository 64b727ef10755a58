// A loopback double of a Microsoft Teams webhook, built on the recording receiver. Two kinds, by path:
// - a Teams Workflows (Power Automate) trigger, `/workflows/{id}/triggers/manual/paths/invoke`: a message
//   with one Adaptive Card attachment is queued and answered 202 Accepted with an empty body; anything else is
//   400 with Power Automate's JSON error (`{"error":{"code":…,"message":…}}`);
// - a legacy Office 365 connector, `/webhookb2/{id}/IncomingWebhook/{token}`: answered 200 `1`; a bad body
//   is 400 with the connector's plain-text error.
// Either answers 413 above 28 000 bytes (the connector as its text, the flow as JSON). Faults can be scripted
// for the next N requests: 429 with Retry-After, any 5xx, a hang.
import { startReceiver, type Receiver, type RecordedRequest, type Reply } from './receiver.js';

export const WORKFLOWS_PATH = '/workflows/0a1b2c3d/triggers/manual/paths/invoke';
export const CONNECTOR_PATH = '/webhookb2/0a1b2c3d@tenant/IncomingWebhook/0123abcd/secretpart';
export const TEAMS_LIMIT_BYTES = 28_000;

export type TeamsFault = { rateLimit: number } | { status: number; body?: string } | { hang: true };

export interface TeamsDouble {
  receiver: Receiver;
  /** The Workflows trigger URL (with the `sig` query a real one carries). */
  workflowsUrl: string;
  connectorUrl: string;
  /** Every card accepted (the `content` of the attachment), in order. */
  cards: unknown[];
  /** What the double answered, per request. */
  answers: { path: string; status: number }[];
  /** The next `times` requests get `fault` instead of the normal answer. */
  fail(fault: TeamsFault, times?: number): void;
  close(): Promise<void>;
}

function cardOf(json: unknown): unknown {
  const m = json as { type?: unknown; attachments?: { contentType?: unknown; content?: unknown }[] } | null;
  if (!m || m.type !== 'message' || !Array.isArray(m.attachments) || m.attachments.length !== 1) return null;
  const a = m.attachments[0];
  if (a?.contentType !== 'application/vnd.microsoft.card.adaptive') return null;
  const c = a.content as { type?: unknown } | undefined;
  return c?.type === 'AdaptiveCard' ? c : null;
}

function flowError(status: number, code: string, message: string): Reply {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: { error: { code, message } },
  };
}

export async function startTeamsDouble(): Promise<TeamsDouble> {
  const faults: TeamsFault[] = [];
  const cards: unknown[] = [];
  const answers: { path: string; status: number }[] = [];

  const answer = (req: RecordedRequest): Reply => {
    const connector = req.path.startsWith('/webhookb2/');
    const fault = faults.shift();
    if (fault) {
      if ('hang' in fault) return { hang: true };
      if ('rateLimit' in fault) {
        return connector
          ? { status: 429, headers: { 'retry-after': String(fault.rateLimit) }, body: 'Too many requests' }
          : {
              ...flowError(429, 'WorkflowTriggeredTooManyTimes', 'Rate limit is exceeded. Try again later.'),
              headers: { 'retry-after': String(fault.rateLimit), 'content-type': 'application/json' },
            };
      }
      return { status: fault.status, body: fault.body ?? '' };
    }
    if (!connector && req.path !== WORKFLOWS_PATH) {
      return flowError(404, 'WorkflowNotFound', "The workflow '0a1b2c3d' could not be found.");
    }
    if (req.body.length > TEAMS_LIMIT_BYTES) {
      return connector
        ? {
            status: 413,
            body: 'Webhook message delivery failed with error: Microsoft Teams endpoint returned HTTP error 413 with ContextId tci=0.',
          }
        : flowError(413, 'MessageSizeLimitExceeded', 'The request content size exceeds the limit of 28 KB.');
    }
    const card = cardOf(req.json);
    if (card === null) {
      return connector
        ? { status: 400, body: 'Summary or Text is required.' }
        : flowError(
            400,
            'TriggerInputSchemaMismatch',
            "The input body for trigger 'manual' of type 'Request' did not match its schema definition.",
          );
    }
    cards.push(card);
    return connector ? { status: 200, body: '1' } : { status: 202, body: '' };
  };

  const receiver = await startReceiver({
    fallback: (req) => {
      const reply = answer(req);
      if (reply.status !== undefined) answers.push({ path: req.path, status: reply.status });
      return reply;
    },
  });
  return {
    receiver,
    workflowsUrl: `${receiver.urlFor(WORKFLOWS_PATH)}?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=SIGsecret`,
    connectorUrl: receiver.urlFor(CONNECTOR_PATH),
    cards,
    answers,
    fail(fault, times = 1) {
      for (let i = 0; i < times; i++) faults.push(fault);
    },
    close: () => receiver.close(),
  };
}
