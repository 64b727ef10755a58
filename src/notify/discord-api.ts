// A small client for one Discord webhook's messages: create (execute with ?wait=true), edit, get.
//
// Contract:
// - One request per call: no retries and no waiting. A 429 comes back with the delay Discord asked for
//   (`retryAfterMs`, the larger of Retry-After, `retry_after` and X-RateLimit-Reset-After); the caller decides
//   whether to skip, postpone or give up. The live status skips; it never queues requests up.
// - Never throws and never rejects: every outcome is a value (`ok` with the message's id and channel, an HTTP
//   status, or a network error), each call bounded by its own timeout (`timeoutMs`, default the target's).
// - Every byte sent goes through delivery's own encoder (`encodeBody`), so the secret scrubber sees it exactly
//   as it sees a notification; an edit's body is cut down to what Discord's edit endpoint accepts.
// - The same dispatcher choice as delivery: an injected one (never closed here), else one shared
//   EnvHttpProxyAgent (HTTPS_PROXY / NO_PROXY honoured), closed with `closeDiscordApi()`.
// - `webhookUrl` is a normalised execute URL (`…/api/v10/webhooks/{id}/{token}?wait=true[&thread_id=…]`).
import { EnvHttpProxyAgent, request, type Dispatcher } from './http-client.js';
import {
  editRequestBody,
  discordMessageUrl,
  encodeBody,
  formatMessageRef,
  parseMessageRef,
  parseRetryAfter,
  userAgents,
  type Payload,
} from './deliver.js';
import { scrub } from '../runner/secrets.js';
import type { HttpMethod, RenderedMessage, Target } from './types.js';

export { discordMessageUrl as messageUrl, editRequestBody as editBody, formatMessageRef, parseMessageRef };

/** A Discord target as far as this client needs one (a full Target fits). */
export type DiscordEndpoint = Pick<Target, 'url'> &
  Partial<Pick<Target, 'headers' | 'basicAuth' | 'timeoutMs'>>;

/** What Discord answered about a message. */
export interface DiscordMessageInfo {
  id: string;
  /** The channel or thread the message is in. */
  channelId: string | null;
}

export type DiscordCallResult =
  | {
      ok: true;
      status: number;
      message: DiscordMessageInfo;
      /** The message as Discord answered it (a GET's embeds, for a read-modify-write such as the run line). */
      body: Record<string, unknown>;
    }
  | {
      ok: false;
      kind: 'http';
      status: number;
      /** The delay Discord asked for (on 429, and on any answer that carries Retry-After). */
      retryAfterMs: number | null;
      /** Discord's JSON error code (10008 Unknown Message, 10015 Unknown Webhook …), when it sent one. */
      code: number | null;
      detail: string;
    }
  | { ok: false; kind: 'network'; detail: string; timedOut: boolean };

export interface DiscordApiOptions {
  /** Used instead of the shared EnvHttpProxyAgent (and never closed here). */
  dispatcher?: Dispatcher;
  /** Per request (default the target's `timeoutMs`, else 10 s). */
  timeoutMs?: number;
  /** Default `DiscordBot (<home>, <version>)`, as delivery sends. */
  userAgent?: string;
  /** Aborts the request (reported as a network error). */
  signal?: AbortSignal;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const MAX_RESPONSE_BYTES = 64 * 1024;
let shared: EnvHttpProxyAgent | null = null;

/** Posts a new message (`?wait=true`, so the answer carries its id). */
export function createMessage(
  target: DiscordEndpoint,
  message: RenderedMessage,
  opts: DiscordApiOptions = {},
): Promise<DiscordCallResult> {
  const url = new URL(target.url);
  url.searchParams.set('wait', 'true');
  return call(target, 'POST', url.toString(), encodeBody({ method: 'POST' }, message), opts);
}

/** Edits message `ref` (an id, or `id:thread` from formatMessageRef) in place. */
export function editMessage(
  target: DiscordEndpoint,
  ref: string,
  message: RenderedMessage,
  opts: DiscordApiOptions = {},
): Promise<DiscordCallResult> {
  const url = refUrl(target, ref);
  if (url === null) return Promise.resolve(badRef(ref));
  const body = { ...message, body: editRequestBody(message.body) };
  return call(target, 'PATCH', url, encodeBody({ method: 'PATCH' }, body), opts);
}

export function getMessage(
  target: DiscordEndpoint,
  ref: string,
  opts: DiscordApiOptions = {},
): Promise<DiscordCallResult> {
  const url = refUrl(target, ref);
  if (url === null) return Promise.resolve(badRef(ref));
  return call(target, 'GET', url, { bytes: null, contentType: null }, opts);
}

/** Closes the shared dispatcher (its idle keep-alive sockets) once no more calls are coming. */
export async function closeDiscordApi(): Promise<void> {
  const agent = shared;
  shared = null;
  await agent?.close().catch(() => undefined);
}

function refUrl(target: DiscordEndpoint, ref: string): string | null {
  const parsed = parseMessageRef(ref);
  return parsed ? discordMessageUrl(target.url, parsed.messageId, parsed.threadId) : null;
}

function badRef(ref: string): DiscordCallResult {
  return {
    ok: false,
    kind: 'http',
    status: 404,
    retryAfterMs: null,
    code: 10008,
    detail: `not a Discord message id: ${JSON.stringify(ref.slice(0, 40))}`,
  };
}

async function call(
  target: DiscordEndpoint,
  method: HttpMethod,
  url: string,
  payload: Payload,
  opts: DiscordApiOptions,
): Promise<DiscordCallResult> {
  const timeoutMs = opts.timeoutMs ?? target.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = opts.signal ? AbortSignal.any([timeout, opts.signal]) : timeout;
  try {
    const response = await request(url, {
      method,
      headers: headersFor(target, payload, opts),
      body: payload.bytes,
      dispatcher: opts.dispatcher ?? (shared ??= new EnvHttpProxyAgent()),
      signal,
    });
    const text = await readCapped(response.body);
    return interpret(response.statusCode, response.headers, text);
  } catch (err) {
    return {
      ok: false,
      kind: 'network',
      detail: networkDetail(err, timeout.aborted, timeoutMs),
      timedOut: timeout.aborted,
    };
  }
}

function headersFor(
  target: DiscordEndpoint,
  payload: Payload,
  opts: DiscordApiOptions,
): Record<string, string> {
  const headers: Record<string, string> = {
    'user-agent': opts.userAgent ?? userAgents().discord,
    accept: 'application/json',
  };
  for (const [name, value] of Object.entries(target.headers ?? {})) headers[name.toLowerCase()] = value;
  if (payload.contentType !== null) headers['content-type'] = payload.contentType;
  else delete headers['content-type'];
  if (target.basicAuth) {
    const { username, password } = target.basicAuth;
    headers.authorization = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
  }
  return headers;
}

function interpret(
  status: number,
  headers: Dispatcher.ResponseData['headers'],
  text: string,
): DiscordCallResult {
  const json = parseObject(text);
  if (status >= 200 && status < 300) {
    const id = typeof json?.id === 'string' ? json.id : null;
    if (id === null) {
      return {
        ok: false,
        kind: 'http',
        status,
        retryAfterMs: null,
        code: null,
        detail: 'the answer carries no message id',
      };
    }
    const channelId = typeof json?.channel_id === 'string' ? json.channel_id : null;
    return { ok: true, status, message: { id, channelId }, body: json ?? {} };
  }
  const delays: number[] = [];
  const header = (name: string): string | undefined => {
    const v = headers[name];
    return Array.isArray(v) ? v[0] : v;
  };
  const retryAfter = parseRetryAfter(header('retry-after'), Date.now(), header('date'));
  if (retryAfter !== null) delays.push(retryAfter);
  if (typeof json?.retry_after === 'number' && json.retry_after >= 0)
    delays.push(Math.ceil(json.retry_after * 1000));
  const resetAfter = status === 429 ? parseRetryAfter(header('x-ratelimit-reset-after'), Date.now()) : null;
  if (resetAfter !== null) delays.push(resetAfter);
  const code = typeof json?.code === 'number' ? json.code : null;
  const message = typeof json?.message === 'string' ? json.message : text;
  const detail = message.replace(/\s+/g, ' ').trim().slice(0, 200) || `HTTP ${status}`;
  return {
    ok: false,
    kind: 'http',
    status,
    retryAfterMs: delays.length ? Math.max(...delays) : null,
    code,
    detail: scrub(code === null ? detail : `${detail} (code ${code})`),
  };
}

async function readCapped(body: Dispatcher.ResponseData['body']): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    chunks.push(chunk);
    size += chunk.length;
    if (size >= MAX_RESPONSE_BYTES) break;
  }
  return Buffer.concat(chunks).subarray(0, MAX_RESPONSE_BYTES).toString('utf8');
}

function networkDetail(err: unknown, timedOut: boolean, timeoutMs: number): string {
  if (timedOut) return `timed out after ${timeoutMs / 1000} s`;
  const e = err as { code?: string; message?: string; cause?: { code?: string } } | null;
  const code = e?.code ?? e?.cause?.code ?? '';
  const message = e?.message ?? String(err);
  return scrub(code ? `network error: ${message} (${code})` : `network error: ${message}`);
}

function parseObject(text: string): Record<string, unknown> | undefined {
  if (!text.startsWith('{')) return undefined;
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}
