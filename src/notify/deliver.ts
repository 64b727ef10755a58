// Delivery: one undici client (through EnvHttpProxyAgent) that sends every rendered message to its target,
// concurrently, with per-attempt timeouts, an overall deadline, retries with full-jitter backoff, Retry-After,
// signing, and one clear outcome per target. Imported lazily (only when there is a target); it never throws.
import { dropsDuplicates, platformName } from './duplicates.js';
import { undeliveredResult } from './result.js';
import { randomBytes, randomUUID } from 'node:crypto';
import { STATUS_CODES, type IncomingHttpHeaders } from 'node:http';
import type { Duplex } from 'node:stream';
import { EnvHttpProxyAgent, request, type Dispatcher } from './http-client.js';
import { scrub, scrubBytes, scrubDeep } from '../runner/secrets.js';
import { signHeaders } from './sign.js';
import { slackErrorCode, slackErrorText, slackOddSuccess } from './slack-errors.js';
import { ACCEPTED_NOTE, teamsOutcome } from './teams-answer.js';
import type { DeliveryFate, DeliveryResult, FateRecord, RenderedMessage, Target } from './types.js';

export interface DeliveryJob {
  target: Target;
  message: RenderedMessage;
  /** A Discord message to edit in place (PATCH …/messages/{id}) instead of posting a new one. */
  editMessageId?: string | null;
  /** What to post when the edit fails for good, if not `message` (the result with the mentions its edit lost). */
  postMessage?: RenderedMessage;
}

export interface DeliverOptions {
  /** Overall bound for all deliveries together, from the call. */
  deadlineMs: number;
  /** User-Agent for generic targets (default `jetson-build-action/<version> (+<home>)`). */
  userAgent?: string;
  /** User-Agent for Discord targets (default `DiscordBot (<home>, <version>)`). */
  discordUserAgent?: string;
  /** `owner/name` of the action, for the default User-Agents (default env GITHUB_ACTION_REPOSITORY). */
  actionRepository?: string;
  /** Version for the default User-Agents (default env GITHUB_ACTION_REF, else ACTION_VERSION). */
  version?: string;
  log?: (msg: string) => void;
  /** For tests: the wait between attempts. */
  sleep?: (ms: number) => Promise<void>;
  /** For tests: jitter source in [0, 1). */
  random?: () => number;
  /** First backoff ceiling (default 1 s), doubled per attempt up to `backoffCapMs` (default 30 s). */
  backoffBaseMs?: number;
  backoffCapMs?: number;
  /** A dispatcher to use instead of a fresh EnvHttpProxyAgent (not closed by deliverAll). */
  dispatcher?: Dispatcher;
  /** Response bytes read at most (default 64 KiB); the rest is discarded. */
  maxResponseBytes?: number;
  /**
   * The delivery id (`webhook-id`) of a target, the same on every attempt. Callers pass a deterministic one
   * so a re-send by the post step carries the same id and receivers can de-duplicate it.
   */
  newId?: (target: Target) => string;
  /** Called as each target finishes (delivered or not), before deliverAll resolves. */
  onResult?: (result: DeliveryResult) => void;
  /**
   * Called each time a target's fate changes (see DeliveryFate), synchronously: `sending` is reported before the
   * first byte of an attempt is written, so a caller that records it can never under-report what went out.
   */
  onFate?: (target: Target, record: FateRecord) => void;
  /**
   * Once aborted, no new attempt or retry starts (a retry-wait ends at once); attempts already on the wire
   * run to their answer or their own timeout, and are recorded.
   */
  stop?: AbortSignal;
}

export const ACTION_NAME = 'jetson-build-action';
export const ACTION_VERSION = '1';
const DEFAULT_REPOSITORY = `${ACTION_NAME}/${ACTION_NAME}`;
const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504]);
const DISCORD_GONE_STATUS = new Set([401, 403, 404]);
/** Network failures that a retry cannot fix: bad certificates, bad arguments. */
const PERMANENT_NETWORK =
  /^(CERT_|ERR_TLS_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|UND_ERR_INVALID_ARG|ERR_INVALID)/;

/** The default User-Agents: Discord asks for `DiscordBot (<url>, <version>)`. */
export function userAgents(opts: { actionRepository?: string; version?: string } = {}): {
  generic: string;
  discord: string;
} {
  const repo = opts.actionRepository || process.env.GITHUB_ACTION_REPOSITORY || DEFAULT_REPOSITORY;
  const version = opts.version || process.env.GITHUB_ACTION_REF || ACTION_VERSION;
  const home = `https://github.com/${repo}`;
  return { generic: `${ACTION_NAME}/${version} (+${home})`, discord: `DiscordBot (${home}, ${version})` };
}

/** Delivers every job concurrently and reports one result per job, in order. Never throws. */
export async function deliverAll(
  jobs: readonly DeliveryJob[],
  opts: DeliverOptions,
): Promise<DeliveryResult[]> {
  const defaults = userAgents(opts);
  const ownDispatcher = opts.dispatcher ? null : new EnvHttpProxyAgent();
  const stop = opts.stop ?? new AbortController().signal;
  const sleep = opts.sleep;
  const ctx: Context = {
    deadlineAt: Date.now() + opts.deadlineMs,
    deadlineMs: opts.deadlineMs,
    dispatcher: opts.dispatcher ?? (ownDispatcher as Dispatcher),
    userAgent: opts.userAgent ?? defaults.generic,
    discordUserAgent: opts.discordUserAgent ?? defaults.discord,
    log: opts.log ?? (() => {}),
    sleep: sleep ? (ms) => raceStop(sleep(ms), stop) : (ms) => defaultSleep(ms, stop),
    random: opts.random ?? Math.random,
    backoffBaseMs: opts.backoffBaseMs ?? 1000,
    backoffCapMs: opts.backoffCapMs ?? 30_000,
    maxResponseBytes: opts.maxResponseBytes ?? 64 * 1024,
    newId: opts.newId ?? (() => `msg_${randomUUID().replaceAll('-', '')}`),
    onFate: (target, record) => {
      try {
        opts.onFate?.(target, record);
      } catch {
        // A reporting hook must not change the outcome.
      }
    },
    stop,
  };
  try {
    return await Promise.all(
      jobs.map(async (job) => {
        const result = await deliverOne(job, ctx);
        try {
          opts.onResult?.(result);
        } catch {
          // A reporting hook must not change the outcome.
        }
        return result;
      }),
    );
  } finally {
    await closeQuietly(ownDispatcher);
  }
}

interface Context {
  deadlineAt: number;
  deadlineMs: number;
  dispatcher: Dispatcher;
  userAgent: string;
  discordUserAgent: string;
  log: (msg: string) => void;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  backoffBaseMs: number;
  backoffCapMs: number;
  maxResponseBytes: number;
  newId: (target: Target) => string;
  onFate: (target: Target, record: FateRecord) => void;
  stop: AbortSignal;
}

/** What one attempt came to. */
type Outcome =
  | {
      kind: 'delivered';
      status: number;
      messageId: string | null;
      /** Something worth a log line about an accepted answer (a Slack 200 that did not say `ok`). */
      note?: string;
      /** Only accepted (HTTP 202), not confirmed: what that means, for the result's `note`. */
      accepted?: string;
    }
  | {
      kind: 'http';
      status: number;
      retry: boolean;
      detail: string;
      serverDelayMs: number | null;
      /** A Discord edit answered 404 Unknown Message: the message was deleted (not the webhook). */
      messageGone?: boolean;
      /** Slack's error code (`channel_not_found`), shown after the status. */
      slackCode?: string;
    }
  | { kind: 'network'; retry: boolean; detail: string; timedOut: boolean };

async function deliverOne(job: DeliveryJob, ctx: Context): Promise<DeliveryResult> {
  return new Delivery(job, ctx).run();
}

/** A failed attempt's outcome. */
type Failed = Exclude<Outcome, { kind: 'delivered' }>;

/** One target's story: its attempts, the fates reported on the way, and its result. */
class Delivery {
  private readonly target: Target;
  private readonly started: number;
  private readonly result: DeliveryResult;
  // Whether the last attempt may have delivered without us seeing the answer: it started writing the request
  // and then got no answer at all. An HTTP answer, or a failure before the request started, cannot have.
  private lastMaybeLanded = false;
  private lastFailure: string | null = null;
  /** What goes on the wire: the target itself, or its message URL and PATCH while editing a message in place. */
  private wire: Target;
  private editing = false;
  /** The edit failed for good and the result went out as a new message instead (at most once). */
  private postedInstead = false;

  constructor(
    private readonly job: DeliveryJob,
    private readonly ctx: Context,
  ) {
    this.target = job.target;
    this.wire = job.target;
    this.started = Date.now();
    this.result = undeliveredResult(job.target);
  }

  /** The bytes to send: an edit of the job's Discord message when it names one, else a new message. */
  private encode(): Payload {
    const { target, job } = this;
    const ref = target.format === 'discord' && job.editMessageId ? parseMessageRef(job.editMessageId) : null;
    if (ref === null) return encodeBody(target, job.message);
    this.editing = true;
    this.wire = {
      ...target,
      method: 'PATCH',
      url: discordMessageUrl(target.url, ref.messageId, ref.threadId),
    };
    return encodeBody(this.wire, { ...job.message, body: editRequestBody(job.message.body) });
  }

  /**
   * The message to edit was deleted, or the edit failed for good: the result goes out as a new message
   * instead, in this same delivery, so it is never lost (the live message then stays behind).
   */
  private postInstead(why = 'was deleted (HTTP 404 Unknown Message)'): Payload {
    this.editing = false;
    this.postedInstead = true;
    this.wire = this.target;
    this.ctx.log(
      `${this.target.source}: the message to edit (${this.job.editMessageId ?? ''}) ${why}; posting the result as a new message`,
    );
    return encodeBody(this.target, this.job.postMessage ?? this.job.message);
  }

  /**
   * An edit Discord refused for good with an HTTP answer (429 until the retries ran out, a 5xx …): one
   * attempt at a new message instead. Not after a network failure (the edit may have landed) nor when the
   * webhook itself is gone (a new message would fail the same way).
   */
  private canPostInstead(outcome: Failed): boolean {
    return (
      this.editing &&
      !this.postedInstead &&
      outcome.kind === 'http' &&
      !DISCORD_GONE_STATUS.has(outcome.status)
    );
  }

  async run(): Promise<DeliveryResult> {
    const { target, result, ctx } = this;
    try {
      let payload = this.encode();
      const id = ctx.newId(target);
      while (true) {
        if (ctx.stop.aborted) {
          // The fate stays what it was (nothing, or retry-wait): the caller may safely send it again.
          return this.finish(
            this.lastFailure === null
              ? 'not sent: the step is being cancelled'
              : `not retried: the step is being cancelled (last: ${this.lastFailure})`,
          );
        }
        const remaining = ctx.deadlineAt - Date.now();
        if (remaining <= 0) {
          return this.fail(
            `gave up: the ${formatDeadline(ctx.deadlineMs)} deadline was reached${after(result)}`,
          );
        }
        const timeoutMs = Math.min(target.timeoutMs, remaining);
        const outcome = await this.send(payload, id, timeoutMs);
        if (outcome.kind === 'delivered') {
          if (outcome.note) ctx.log(`${target.source}: ${scrub(outcome.note)}`);
          result.messageId = outcome.messageId;
          result.confirmed = outcome.accepted === undefined;
          // A remark on an accepted answer (a 202, a Slack 200 that is not `ok`) shows in the outputs too.
          result.note = outcome.accepted ?? (outcome.note ? scrub(outcome.note) : null);
          this.record('delivered');
          return this.finish(null);
        }
        if (outcome.kind === 'network' && outcome.timedOut && timeoutMs < target.timeoutMs) {
          // The attempt was cut short by the overall deadline, not by its own timeout.
          return this.fail(
            `gave up: the ${formatDeadline(ctx.deadlineMs)} deadline was reached during attempt ${result.attempts}`,
          );
        }
        if (outcome.kind === 'http' && outcome.messageGone && this.editing) {
          payload = this.postInstead();
          continue;
        }
        const failure = failureText(outcome, target);
        this.lastFailure = failure;
        const next = this.nextStep(outcome, failure);
        if ('giveUp' in next) {
          if (!this.canPostInstead(outcome)) return this.fail(next.giveUp);
          payload = this.postInstead(`could not be edited (${next.giveUp})`);
          continue;
        }
        // Not in flight: a stop now ends the wait, and whoever resumes may send it again.
        this.record('retry-wait');
        ctx.log(
          `${target.source}: attempt ${result.attempts} failed (${scrub(failure)}); retrying in ${formatSeconds(next.waitMs)}`,
        );
        await ctx.sleep(next.waitMs);
      }
    } catch (err) {
      // Anything unexpected (an unserialisable message, a bug): a failed target, never a thrown notify.
      return this.finish(`could not deliver: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  /** One attempt, counted, with `sending` reported before its first byte goes out. */
  private async send(payload: Payload, id: string, timeoutMs: number): Promise<Outcome> {
    this.result.attempts += 1;
    let started = false;
    const outcome = await attempt(this.wire, payload, id, timeoutMs, this.ctx, () => {
      started = true;
      this.record('sending');
    });
    this.lastMaybeLanded = started && outcome.kind === 'network';
    if (outcome.kind !== 'network') this.result.httpStatus = outcome.status;
    return outcome;
  }

  /**
   * After a failed attempt: the wait before the next one, or why there is none. `failure` describes the
   * attempt; the counts are added here, where the story ends.
   */
  private nextStep(outcome: Failed, failure: string): { giveUp: string } | { waitMs: number } {
    const { target, result, ctx } = this;
    const attemptsNote = `(${plural(result.attempts, 'attempt')})`;
    if (!outcome.retry) return { giveUp: failure };
    // An edit is idempotent: sending it again cannot post a second message.
    if (this.lastMaybeLanded && !dropsDuplicates(target.format) && !this.editing) {
      // Discord, Slack and Teams have no idempotency key: a request that went out and was never answered may
      // have posted the message, and sending it again could post it twice. At most once, said plainly.
      return {
        giveUp: `${failure}; not retried: the request was sent and may have been delivered (${platformName(target.format)} cannot drop a repeated message) ${attemptsNote}`,
      };
    }
    if (result.attempts >= target.retries + 1) return { giveUp: `${failure} ${attemptsNote}` };

    const serverDelayMs = outcome.kind === 'http' ? outcome.serverDelayMs : null;
    const backoffMs = Math.floor(
      ctx.random() * Math.min(ctx.backoffCapMs, ctx.backoffBaseMs * 2 ** (result.attempts - 1)),
    );
    // The server's delay wins over the backoff, even above the cap: retrying earlier only earns another 429.
    const waitMs = serverDelayMs ?? backoffMs;
    if (waitMs < ctx.deadlineAt - Date.now()) return { waitMs };
    const deadline = formatDeadline(ctx.deadlineMs);
    if (serverDelayMs !== null) {
      const verb = serverDelayMs > ctx.deadlineMs ? 'exceeds' : 'would pass';
      return {
        giveUp:
          `gave up: Retry-After ${formatSeconds(serverDelayMs)} ${verb} the ${deadline} deadline ` +
          `(HTTP ${result.httpStatus}, ${plural(result.attempts, 'attempt')})`,
      };
    }
    return {
      giveUp: `gave up: the ${deadline} deadline was reached after ${plural(result.attempts, 'attempt')} (last: ${failure})`,
    };
  }

  private record(fate: DeliveryFate): void {
    this.ctx.onFate(this.target, {
      fate,
      attempts: this.result.attempts,
      httpStatus: this.result.httpStatus,
      messageId: this.result.messageId,
    });
  }

  private finish(error: string | null): DeliveryResult {
    const { result } = this;
    result.error = error === null ? null : scrub(error);
    result.delivered = error === null;
    result.durationMs = Date.now() - this.started;
    return result;
  }

  /** The end of the story for an undelivered target: its last fate, then its result. */
  private fail(error: string): DeliveryResult {
    if (this.result.attempts > 0) this.record(this.lastMaybeLanded ? 'unknown' : 'failed');
    return this.finish(error);
  }
}

/** What a failed attempt was, in words, without the counts. */
function failureText(outcome: Failed, target: Target): string {
  if (outcome.kind === 'http') {
    return `HTTP ${outcome.status}${outcome.slackCode ? ` ${outcome.slackCode}` : ''}: ${outcome.detail}`;
  }
  if (outcome.timedOut) return `${outcome.detail} after ${formatSeconds(target.timeoutMs)}`;
  return outcome.detail;
}

function after(result: DeliveryResult): string {
  return result.attempts === 0 ? ' before the first attempt' : ` (${plural(result.attempts, 'attempt')})`;
}

// ---------------------------------------------------------------------------------------------- one attempt

export interface Payload {
  /** null: no body (GET, DELETE). */
  bytes: Buffer | null;
  contentType: string | null;
}

async function attempt(
  target: Target,
  payload: Payload,
  id: string,
  timeoutMs: number,
  ctx: Context,
  onStart: () => void,
): Promise<Outcome> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const headers = buildHeaders(target, payload, id, ctx);
    let response: Dispatcher.ResponseData;
    try {
      response = await request(target.url, {
        method: target.method,
        headers,
        body: payload.bytes,
        dispatcher: watchStart(ctx.dispatcher, onStart),
        signal: controller.signal,
      });
    } catch (err) {
      return networkOutcome(err, controller.signal.aborted);
    }
    const status = response.statusCode;
    let text = '';
    try {
      text = (await readCapped(response.body, ctx.maxResponseBytes)).toString('utf8');
    } catch (err) {
      // The status is in: a 2xx was accepted even if its body never finished (retrying would post twice).
      if (!isSuccess(status)) return networkOutcome(err, controller.signal.aborted);
      ctx.log(`${target.source}: HTTP ${status}, but the response body could not be read`);
    }
    return httpOutcome(target, status, response.headers, text);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The dispatcher with a hook on the moment the request is handed to a connected socket, just before its first
 * byte is written (undici's onRequestStart). Errors before it (DNS, refused, connect timeout, TLS, a proxy
 * tunnel that failed) mean nothing was sent, so sending again cannot duplicate the message.
 */
function watchStart(dispatcher: Dispatcher, onStart: () => void): Dispatcher {
  return dispatcher.compose(
    (dispatch) => (options, handler) => dispatch(options, new StartWatch(handler, onStart)),
  );
}

class StartWatch implements Dispatcher.DispatchHandler {
  private announced = false;
  constructor(
    private readonly inner: Dispatcher.DispatchHandler,
    private readonly onStart: () => void,
  ) {}
  onRequestStart(controller: Dispatcher.DispatchController, context: unknown): void {
    if (!this.announced) {
      this.announced = true;
      this.onStart();
    }
    this.inner.onRequestStart?.(controller, context);
  }
  onRequestUpgrade(
    controller: Dispatcher.DispatchController,
    statusCode: number,
    headers: IncomingHttpHeaders,
    socket: Duplex,
  ): void {
    this.inner.onRequestUpgrade?.(controller, statusCode, headers, socket);
  }
  onResponseStart(
    controller: Dispatcher.DispatchController,
    statusCode: number,
    headers: IncomingHttpHeaders,
    statusMessage?: string,
  ): void {
    this.inner.onResponseStart?.(controller, statusCode, headers, statusMessage);
  }
  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.inner.onResponseData?.(controller, chunk);
  }
  onResponseEnd(controller: Dispatcher.DispatchController, trailers: IncomingHttpHeaders): void {
    this.inner.onResponseEnd?.(controller, trailers);
  }
  onResponseError(controller: Dispatcher.DispatchController, error: Error): void {
    this.inner.onResponseError?.(controller, error);
  }
}

function buildHeaders(target: Target, payload: Payload, id: string, ctx: Context): Record<string, string> {
  const headers: Record<string, string> = {
    'user-agent': target.format === 'discord' ? ctx.discordUserAgent : ctx.userAgent,
    accept: 'application/json, */*;q=0.5',
  };
  for (const [name, value] of Object.entries(target.headers)) headers[name.toLowerCase()] = value;
  if (payload.contentType === null) delete headers['content-type'];
  else if (payload.contentType.startsWith('multipart/') || !headers['content-type']) {
    headers['content-type'] = payload.contentType;
  }
  if (target.basicAuth) {
    const { username, password } = target.basicAuth;
    headers.authorization = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
  }
  // The receiver's idempotency key: the same on every retry, signed or not.
  headers['webhook-id'] = id;
  if (target.secret) {
    const timestamp = Math.floor(Date.now() / 1000);
    // signHeaders names its headers in lower case, like the rest here: a user header of the same name is replaced.
    Object.assign(
      headers,
      signHeaders(target.signature, target.secret, { id, timestamp, body: payload.bytes ?? '' }),
    );
  }
  return headers;
}

async function readCapped(body: Dispatcher.ResponseData['body'], cap: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  // Leaving the loop, by break or by error, destroys the stream (a Readable's async iterator does): the rest is
  // never buffered, and nothing waits for a server that stalls after the cap.
  for await (const chunk of body as AsyncIterable<Buffer>) {
    chunks.push(chunk.subarray(0, Math.max(0, cap - size)));
    size += chunk.length;
    if (size >= cap) break;
  }
  return Buffer.concat(chunks);
}

function networkOutcome(err: unknown, timedOut: boolean): Outcome {
  if (timedOut) return { kind: 'network', retry: true, detail: 'timed out', timedOut: true };
  const e = err as { code?: string; message?: string; cause?: { code?: string; message?: string } };
  const code = e?.code ?? e?.cause?.code ?? '';
  const detail = describeNetworkError(code, e?.message ?? String(err));
  // Everything else, undici's own header/body/connect timeouts included, may work on another try.
  return { kind: 'network', retry: !PERMANENT_NETWORK.test(code), detail, timedOut: false };
}

function describeNetworkError(code: string, message: string): string {
  switch (code) {
    case 'ECONNRESET':
      return 'connection reset (ECONNRESET)';
    case 'UND_ERR_SOCKET':
      return 'connection closed by the server before it answered (UND_ERR_SOCKET)';
    case 'ECONNREFUSED':
      return 'connection refused (ECONNREFUSED)';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `host name lookup failed (${code})`;
    case 'UND_ERR_CONNECT_TIMEOUT':
      return 'connect timed out (UND_ERR_CONNECT_TIMEOUT)';
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
      return `the server stopped answering (${code})`;
    default:
      return code ? `network error: ${message} (${code})` : `network error: ${message}`;
  }
}

function httpOutcome(
  target: Target,
  status: number,
  headers: Dispatcher.ResponseData['headers'],
  text: string,
): Outcome {
  const json = parseObject(text);
  if (target.format === 'slack') return slackOutcome(status, headers, text, json);
  if (target.format === 'teams') return teamsOutcome(status, text, json, serverDelay(status, headers, json));
  if (isSuccess(status)) {
    const id = target.format === 'discord' && typeof json?.id === 'string' ? json.id : null;
    return status === 202
      ? { kind: 'delivered', status, messageId: id, accepted: ACCEPTED_NOTE }
      : { kind: 'delivered', status, messageId: id };
  }
  if (status < 400) {
    // 3xx (2xx was handled above)
    return {
      kind: 'http',
      status,
      retry: false,
      detail: 'redirects are not followed; configure the final URL',
      serverDelayMs: null,
    };
  }
  if (target.format === 'discord' && target.method === 'PATCH' && status === 404 && json?.code !== 10015) {
    return {
      kind: 'http',
      status,
      retry: false,
      detail: 'the message to edit was deleted (Unknown Message)',
      serverDelayMs: null,
      messageGone: true,
    };
  }
  if (target.format === 'discord' && DISCORD_GONE_STATUS.has(status)) {
    return {
      kind: 'http',
      status,
      retry: false,
      detail: 'webhook is invalid or was deleted',
      serverDelayMs: null,
    };
  }
  const retry = RETRYABLE_STATUS.has(status);
  return {
    kind: 'http',
    status,
    retry,
    detail: describeBody(status, json, text),
    serverDelayMs: serverDelay(status, headers, json), // only waited for when retried
  };
}

/**
 * Slack's answers: a 200 is delivered (noted when it does not say `ok`); an error code becomes a sentence;
 * 408, 429 and 5xx are retried (429 after its Retry-After), every other refusal is final.
 */
function slackOutcome(
  status: number,
  headers: Dispatcher.ResponseData['headers'],
  text: string,
  json: JsonObject | undefined,
): Outcome {
  if (isSuccess(status)) {
    const odd = slackOddSuccess(text, json);
    const note = odd
      ? `HTTP ${status} but the answer was not \`ok\` (${odd}); counted as delivered, as Slack documents any 200`
      : undefined;
    return { kind: 'delivered', status, messageId: null, ...(note ? { note } : {}) };
  }
  const code = slackErrorCode(text, json);
  const known = code ? slackErrorText(code) : null;
  const retry = RETRYABLE_STATUS.has(status) || status >= 500;
  const base = { kind: 'http' as const, status, retry, serverDelayMs: serverDelay(status, headers, json) };
  if (code && known) return { ...base, detail: known, slackCode: code };
  if (status < 400) {
    return { ...base, retry: false, detail: 'redirects are not followed; configure the final URL' };
  }
  return { ...base, detail: describeBody(status, json, text) };
}

function describeBody(status: number, json: JsonObject | undefined, text: string): string {
  let detail: string;
  if (typeof json?.message === 'string') {
    detail = json.message;
    if (json.code !== undefined) detail += ` (code ${String(json.code)})`;
    if (json.errors !== undefined) detail += ` ${JSON.stringify(json.errors)}`;
  } else {
    detail = text;
  }
  detail = detail.replace(/\s+/g, ' ').trim();
  if (detail === '') return STATUS_CODES[status] ?? 'error';
  return detail.length > 300 ? `${detail.slice(0, 299)}…` : detail;
}

/** The longest delay the server asked for (Retry-After, Discord's retry_after, X-RateLimit-Reset-After). */
function serverDelay(
  status: number,
  headers: Dispatcher.ResponseData['headers'],
  json: JsonObject | undefined,
): number | null {
  const candidates: number[] = [];
  const retryAfter = parseRetryAfter(
    headerValue(headers, 'retry-after'),
    Date.now(),
    headerValue(headers, 'date'),
  );
  if (retryAfter !== null) candidates.push(retryAfter);
  if (status === 429) {
    if (typeof json?.retry_after === 'number' && json.retry_after >= 0) {
      candidates.push(Math.ceil(json.retry_after * 1000));
    }
    const resetAfter = parseDelaySeconds(headerValue(headers, 'x-ratelimit-reset-after'));
    if (resetAfter !== null) candidates.push(resetAfter);
  }
  return candidates.length ? Math.max(...candidates) : null;
}

/**
 * A Retry-After value in milliseconds: delay-seconds (decimals allowed) or an HTTP-date. A date is measured
 * against the response's own `Date` header when there is one, so a skewed runner clock does not matter.
 */
export function parseRetryAfter(
  value: string | undefined,
  nowMs: number,
  serverDate?: string,
): number | null {
  if (value === undefined) return null;
  const seconds = parseDelaySeconds(value);
  if (seconds !== null) return seconds;
  const at = /[A-Za-z]{3}/.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(at)) return null;
  const server = Date.parse(String(serverDate)); // NaN when there is none
  return Math.max(0, at - (Number.isNaN(server) ? nowMs : server));
}

function parseDelaySeconds(value: string | undefined): number | null {
  if (!/^\s*\d+(\.\d+)?\s*$/.test(String(value))) return null;
  return Math.ceil(Number(value) * 1000);
}

function headerValue(headers: Dispatcher.ResponseData['headers'], name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

// ---------------------------------------------------------------------------------------------- body

/**
 * The exact bytes to send (signed as they are): JSON, multipart with files, or nothing for GET/DELETE.
 * Every byte that leaves goes through the secret scrubber here, so no renderer or caller can forget it: the
 * JSON structurally (before escaping could hide a secret holding `"` or `\`), files and their names as bytes.
 */
export function encodeBody(target: Pick<Target, 'method'>, message: RenderedMessage): Payload {
  if (target.method === 'GET' || target.method === 'DELETE') return { bytes: null, contentType: null };
  if (message.files.length === 0) {
    return { bytes: Buffer.from(toJson(scrubDeep(message.body))), contentType: 'application/json' };
  }
  const files = message.files.map((f) => ({ ...f, name: scrub(f.name), data: scrubBytes(f.data) }));
  let body = scrubDeep(message.body);
  if (isRecord(body) && body.attachments === undefined) {
    body = { ...body, attachments: files.map((f, i) => ({ id: String(i), filename: f.name })) };
  }
  const parts: { headers: string; data: Buffer }[] = [
    {
      headers: 'Content-Disposition: form-data; name="payload_json"\r\nContent-Type: application/json',
      data: Buffer.from(toJson(body)),
    },
    ...files.map((file, i) => ({
      headers:
        `Content-Disposition: form-data; name="files[${i}]"; filename="${escapeFilename(file.name)}"\r\n` +
        `Content-Type: ${file.contentType.replace(/[\r\n]/g, '') || 'application/octet-stream'}`,
      data: file.data,
    })),
  ];
  let boundary = newBoundary();
  for (let i = 0; i < 5 && parts.some((p) => p.data.includes(boundary)); i++) boundary = newBoundary();
  const chunks: Buffer[] = [];
  for (const part of parts) {
    chunks.push(Buffer.from(`--${boundary}\r\n${part.headers}\r\n\r\n`), part.data, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { bytes: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

function toJson(body: unknown): string {
  const text = JSON.stringify(body ?? null);
  if (text === undefined) throw new Error('the rendered message is not JSON-serialisable');
  return text;
}

function newBoundary(): string {
  return `----${ACTION_NAME}-${randomBytes(12).toString('hex')}`;
}

function escapeFilename(name: string): string {
  return name.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

// ---------------------------------------------------------------------------------------------- Discord edits

/**
 * A message to edit, as carried in `NotifyOptions.edit` and in the state main saves for post: the message id,
 * or `<message id>:<thread id>` when the message opened a thread of its own (a forum post made with
 * `thread_name`), which Discord finds only through that thread.
 */
export function parseMessageRef(ref: string): { messageId: string; threadId: string | null } | null {
  const m = /^(\d{1,20})(?::(\d{1,20}))?$/.exec(ref.trim());
  return m ? { messageId: m[1] as string, threadId: m[2] ?? null } : null;
}

export function formatMessageRef(messageId: string, threadId: string | null): string {
  return threadId ? `${messageId}:${threadId}` : messageId;
}

/**
 * The edit URL of a message posted through a normalised execute URL:
 * `…/webhooks/{id}/{token}?wait=true[&thread_id=t]` → `…/webhooks/{id}/{token}/messages/{mid}[?thread_id=t]`.
 * `threadId` (the thread a forum post opened) replaces the URL's own.
 */
export function discordMessageUrl(webhookUrl: string, messageId: string, threadId?: string | null): string {
  const u = new URL(webhookUrl);
  const thread = threadId ?? u.searchParams.get('thread_id');
  u.pathname = `${u.pathname.replace(/\/+$/, '')}/messages/${encodeURIComponent(messageId)}`;
  u.search = '';
  if (thread) u.searchParams.set('thread_id', thread);
  return u.toString();
}

/** What Discord's edit-message body accepts; the rest (username, avatar_url, tts, thread_name …) is create-only. */
const EDIT_FIELDS: readonly string[] = [
  'content',
  'embeds',
  'allowed_mentions',
  'components',
  'attachments',
  'flags',
];
/** The only flag an edit may set (SUPPRESS_EMBEDS); SUPPRESS_NOTIFICATIONS applies to a new message only. */
const EDITABLE_FLAGS = 4;

/**
 * An execute-webhook body as an edit body: create-only fields dropped, and `content` and `embeds` always
 * given, since an edit leaves out what it does not name (a live message's text would otherwise survive).
 */
export function editRequestBody(body: unknown): unknown {
  if (!isRecord(body)) return body;
  const out: Record<string, unknown> = {};
  for (const key of EDIT_FIELDS) if (body[key] !== undefined) out[key] = body[key];
  out.content ??= '';
  out.embeds ??= [];
  if (typeof out.flags === 'number' && (out.flags & EDITABLE_FLAGS) !== 0) out.flags = EDITABLE_FLAGS;
  else delete out.flags;
  return out;
}

// ---------------------------------------------------------------------------------------------- helpers

type JsonObject = Record<string, unknown>;

/** The answer as a JSON object, if it is one: only an object carries a message, an id or a retry_after. */
function parseObject(text: string): JsonObject | undefined {
  if (!text.startsWith('{')) return undefined;
  try {
    return JSON.parse(text) as JsonObject; // text that starts with '{' and parses is an object
  } catch {
    return undefined;
  }
}

/** 2xx: undici answers 1xx itself, so a final status is never below 200. */
function isSuccess(status: number): boolean {
  return status < 300;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** 0.5 s, 10 s, 1.5 s. */
export function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}

/** 5 min, 90 s. */
export function formatDeadline(ms: number): string {
  return ms % 60_000 === 0 ? `${ms / 60_000} min` : formatSeconds(ms);
}

/** Waits `ms`, or less when `stop` is aborted (the timer is cleared: nothing keeps the process alive). */
function defaultSleep(ms: number, stop: AbortSignal): Promise<void> {
  if (stop.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      stop.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    stop.addEventListener('abort', done);
  });
}

/** An injected sleep that a stop still cuts short. */
function raceStop(wait: Promise<void>, stop: AbortSignal): Promise<void> {
  if (stop.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      stop.removeEventListener('abort', done);
      resolve();
    };
    stop.addEventListener('abort', done);
    wait.then(done, done);
  });
}

/** Every request has settled, so nothing is left to finish: the idle connections are dropped at once. */
async function closeQuietly(dispatcher: Dispatcher | null): Promise<void> {
  if (!dispatcher) return; // the caller's own: theirs to close
  const destroyed = dispatcher.destroy();
  try {
    await destroyed;
  } catch {
    // Best effort: the results are already in.
  }
}
