// A loopback double of Discord's webhook message API, built on the recording receiver: execute (POST
// `/api/v10/webhooks/{id}/{token}?wait=true`) stores a message and answers it with a snowflake id; GET, PATCH
// and DELETE `…/messages/{mid}` read, edit and delete it; an unknown id answers 404 `Unknown Message` (10008),
// as Discord does. Messages posted to a thread (`thread_id`) or a new forum post (`thread_name`) live in that
// thread, and are found only with the same `thread_id` (Discord answers 10008 otherwise). Faults can be
// scripted per method (429 with Retry-After, 404, 5xx, a hang) for the next N matching requests.
import { startReceiver, type Receiver, type RecordedRequest, type Reply } from './receiver.js';

export type DiscordMethod = 'POST' | 'PATCH' | 'GET' | 'DELETE';

/** A stored message, as Discord would answer it (plus what the double needs to know about it). */
export interface DiscordMessage {
  id: string;
  type: 0;
  channel_id: string;
  webhook_id: string;
  content: string;
  embeds: unknown[];
  attachments: { id: string; filename: string; size: number }[];
  flags: number;
  components: unknown[];
  allowed_mentions?: unknown;
  author: { id: string; username: string; bot: true };
  timestamp: string;
  edited_timestamp: string | null;
  /** The double's own: the thread it lives in (null: the webhook's channel), and how often it was edited. */
  threadId: string | null;
  edits: number;
}

/** One request as Discord sees it. */
export interface DiscordRequest {
  index: number;
  method: string;
  /** Path without the query. */
  path: string;
  query: Record<string, string>;
  /** `create` (execute), `edit`, `get`, `delete`, or `other` (a path the double does not know). */
  kind: 'create' | 'edit' | 'get' | 'delete' | 'other';
  webhookId: string | null;
  /** The message a GET/PATCH/DELETE names. */
  messageId: string | null;
  /** The JSON body, or the multipart `payload_json`; undefined when there is none. */
  body: unknown;
  /** Names of the uploaded files (multipart `files[n]`). */
  files: string[];
  /** What the double answered (null while pending or hung). */
  status: number | null;
  /** The raw recorded request (headers, bytes, timings). */
  raw: RecordedRequest;
}

/** What a scripted fault answers instead of the normal response. */
export type DiscordFault =
  | { rateLimit: number; global?: boolean }
  | { status: number; body?: unknown }
  | { hang: true }
  | { reset: true }
  /** The normal answer, after this long. */
  | { delayMs: number };

export interface FaultRule {
  /** Only requests of this method (default: any). */
  method?: DiscordMethod;
  /** For this many matching requests (default 1; Infinity: until cleared). */
  times?: number;
  fault: DiscordFault;
}

export interface DiscordDouble {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  /** A webhook URL as a user pastes it (`…/api/webhooks/{id}/{token}`): the action normalises it. */
  webhookUrl(id?: string, token?: string): string;
  /** Every request so far, in arrival order. */
  requests: DiscordRequest[];
  /** The requests of one kind. */
  requestsOf(kind: DiscordRequest['kind']): DiscordRequest[];
  /** Stored messages (deleted ones are gone), in creation order. */
  messages(): DiscordMessage[];
  message(id: string): DiscordMessage | undefined;
  /** Forgets a message, as a user deleting it in the channel would: edits then get 404 10008. */
  deleteMessage(id: string): void;
  /** Adds a fault for the next matching requests (rules are checked in the order added). */
  fault(rule: FaultRule): void;
  clearFaults(): void;
  /** Resolves once `predicate` holds for the recorded requests; rejects after `timeoutMs` (default 5 s). */
  waitFor(predicate: (requests: DiscordRequest[]) => boolean, timeoutMs?: number): Promise<void>;
  /** The receiver underneath (raw requests, setScript is not to be used). */
  receiver: Receiver;
  close(): Promise<void>;
}

export interface DiscordDoubleOptions {
  /** Longest a `hang` lasts (default 30 s). */
  maxHangMs?: number;
  /** Answer delay for every normal answer (default 0). */
  delayMs?: number;
}

const WEBHOOK_PATH = /^\/api(?:\/v\d+)?\/webhooks\/(\d+)\/([^/]+)(?:\/messages\/([^/]+))?\/?$/;
const UNKNOWN_MESSAGE = { message: 'Unknown Message', code: 10008 };
const EDITABLE = ['content', 'embeds', 'allowed_mentions', 'components', 'flags'] as const;

/** Starts the double on 127.0.0.1 with a free port. */
export async function startDiscordDouble(options: DiscordDoubleOptions = {}): Promise<DiscordDouble> {
  const messages = new Map<string, DiscordMessage>();
  const requests: DiscordRequest[] = [];
  const rules: { method?: DiscordMethod; left: number; fault: DiscordFault }[] = [];
  let nextId = 1_300_000_000_000_000_000n;
  const snowflake = (): string => String(nextId++);
  const waiters = new Set<() => void>();

  const handle = (raw: RecordedRequest): Reply => {
    const m = WEBHOOK_PATH.exec(raw.path);
    const record: DiscordRequest = {
      index: requests.length,
      method: raw.method,
      path: raw.path,
      query: raw.query,
      kind: kindOf(raw.method, m),
      webhookId: m?.[1] ?? null,
      messageId: m?.[3] ?? null,
      body: raw.multipart ? raw.multipart.payloadJson : raw.json,
      files: raw.multipart?.files.map((f) => f.filename ?? '') ?? [],
      status: null,
      raw,
    };
    requests.push(record);
    const reply = answerFor(record);
    if (!('hang' in reply) && !('reset' in reply)) record.status = reply.status ?? 200;
    for (const wake of [...waiters]) wake();
    return options.delayMs && !reply.hang ? { ...reply, delayMs: options.delayMs } : reply;
  };

  const answerFor = (record: DiscordRequest): Reply => {
    const rule = rules.find((r) => r.left > 0 && (r.method === undefined || r.method === record.method));
    if (rule) {
      rule.left -= 1;
      if ('delayMs' in rule.fault) return { ...normal(record), delayMs: rule.fault.delayMs };
      return faultReply(rule.fault);
    }
    return normal(record);
  };

  const normal = (record: DiscordRequest): Reply => {
    const { kind, messageId, webhookId, query } = record;
    if (kind === 'other' || webhookId === null)
      return { status: 404, body: { message: '404: Not Found', code: 0 } };
    if (kind === 'create') return create(record);
    const found = messageId === null ? undefined : messages.get(messageId);
    // Discord finds a message in a thread only through that thread's id.
    if (!found || found.webhook_id !== webhookId || found.threadId !== (query.thread_id ?? null)) {
      return { status: 404, body: UNKNOWN_MESSAGE };
    }
    if (kind === 'get') return { status: 200, body: publicView(found) };
    if (kind === 'delete') {
      messages.delete(found.id);
      return { status: 204 };
    }
    applyEdit(found, record);
    return { status: 200, body: publicView(found) };
  };

  const create = (record: DiscordRequest): Reply => {
    const body = (isRecord(record.body) ? record.body : {}) as Record<string, unknown>;
    const forumPost = typeof body.thread_name === 'string' && record.query.thread_id === undefined;
    const threadId = record.query.thread_id ?? (forumPost ? snowflake() : null);
    const now = new Date().toISOString();
    const message: DiscordMessage = {
      id: snowflake(),
      type: 0,
      channel_id: threadId ?? '1100000000000000001',
      webhook_id: record.webhookId as string,
      content: typeof body.content === 'string' ? body.content : '',
      embeds: Array.isArray(body.embeds) ? body.embeds : [],
      attachments: record.files.map((filename, i) => ({
        id: snowflake(),
        filename,
        size: record.raw.multipart?.files[i]?.data.length ?? 0,
      })),
      flags: typeof body.flags === 'number' ? body.flags : 0,
      components: [],
      author: {
        id: record.webhookId as string,
        username: typeof body.username === 'string' ? body.username : 'Captain Hook',
        bot: true,
      },
      timestamp: now,
      edited_timestamp: null,
      threadId,
      edits: 0,
    };
    if (body.allowed_mentions !== undefined) message.allowed_mentions = body.allowed_mentions;
    messages.set(message.id, message);
    // Without wait=true Discord posts the message and answers 204: no id, no way to edit it.
    if (record.query.wait !== 'true') return { status: 204 };
    return { status: 200, body: publicView(message) };
  };

  const receiver = await startReceiver({ fallback: handle }, { maxHangMs: options.maxHangMs ?? 30_000 });

  return {
    url: receiver.url,
    webhookUrl: (id = '111111111111111111', token = 'double-token') =>
      `${receiver.url}/api/webhooks/${id}/${token}`,
    requests,
    requestsOf: (kind) => requests.filter((r) => r.kind === kind),
    messages: () => [...messages.values()],
    message: (id) => messages.get(id),
    deleteMessage: (id) => void messages.delete(id),
    fault: (rule) => rules.push({ method: rule.method, left: rule.times ?? 1, fault: rule.fault }),
    clearFaults: () => void (rules.length = 0),
    waitFor(predicate, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = (): boolean => {
          if (!predicate(requests)) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve();
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `discord double: condition not met after ${timeoutMs} ms (${requests.length} requests)`,
            ),
          );
        }, timeoutMs);
        if (!check()) waiters.add(check);
      });
    },
    receiver,
    close: () => receiver.close(),
  };
}

function kindOf(method: string, m: RegExpExecArray | null): DiscordRequest['kind'] {
  if (!m) return 'other';
  if (m[3] === undefined) return method === 'POST' ? 'create' : 'other';
  switch (method) {
    case 'GET':
      return 'get';
    case 'PATCH':
      return 'edit';
    case 'DELETE':
      return 'delete';
    default:
      return 'other';
  }
}

function faultReply(fault: Exclude<DiscordFault, { delayMs: number }>): Reply {
  if ('hang' in fault) return { hang: true };
  if ('reset' in fault) return { reset: true };
  if ('rateLimit' in fault) {
    const seconds = fault.rateLimit;
    return {
      status: 429,
      headers: {
        'retry-after': String(Math.ceil(seconds)),
        'x-ratelimit-limit': '5',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset-after': String(seconds),
        ...(fault.global ? { 'x-ratelimit-global': 'true' } : {}),
      },
      body: { message: 'You are being rate limited.', retry_after: seconds, global: fault.global ?? false },
    };
  }
  return { status: fault.status, body: fault.body ?? { message: `error ${fault.status}`, code: 0 } };
}

/** PATCH: the fields sent replace the stored ones; `attachments` keeps the listed ones, plus new files. */
function applyEdit(message: DiscordMessage, record: DiscordRequest): void {
  const body = isRecord(record.body) ? record.body : {};
  const target = message as unknown as Record<string, unknown>;
  for (const key of EDITABLE) if (body[key] !== undefined) target[key] = body[key];
  const kept = Array.isArray(body.attachments)
    ? message.attachments.filter((a) =>
        (body.attachments as { id?: unknown }[]).some((b) => String(b.id) === a.id),
      )
    : message.attachments;
  message.attachments = [
    ...kept,
    ...record.files.map((filename, i) => ({
      id: `${message.id}${message.edits + 1}${i}`,
      filename,
      size: record.raw.multipart?.files[i]?.data.length ?? 0,
    })),
  ];
  message.edits += 1;
  message.edited_timestamp = new Date().toISOString();
}

function publicView(message: DiscordMessage): Record<string, unknown> {
  const { threadId: _threadId, edits: _edits, ...rest } = message;
  return rest;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
