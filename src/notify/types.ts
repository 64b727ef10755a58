// Types shared by target routing, the renderers and delivery.

export type TargetFormat = 'discord' | 'generic' | 'slack' | 'teams';
/**
 * When a target fires: on every outcome, on one status, when the outcome differs from the previous completed
 * run of the same workflow on the same branch (`change`), or not at all (`never`).
 */
export type TargetOn = 'always' | 'success' | 'failure' | 'cancelled' | 'change' | 'never';
/**
 * This build's outcome against the previous completed run of the same workflow on the same branch:
 * `fixed` (it failed, this succeeded), `broken` (it succeeded, this failed), `same`, `first` (no earlier run
 * with a result), or `unknown` (not asked, or no API access: a `change` target then fires as `always`).
 */
export type ChangeState = 'fixed' | 'broken' | 'same' | 'first' | 'unknown';
/** What a notification announces: a build's end, its start (`notify-start`), or a `test-notification` sample. */
export type NotifyEvent = 'finished' | 'started' | 'test';
/** The single-build Discord layout: the five-second message, or the upstream tool's own layout. */
export type DiscordStyle = 'compact' | 'upstream';
export type SignatureScheme = 'standard' | 'github' | 'jobserv';
export type HttpMethod = 'POST' | 'PUT' | 'PATCH' | 'GET' | 'DELETE';

/** One place to notify, fully resolved from inputs, env fallbacks or the `webhooks` list. */
export interface Target {
  /** Where it came from, for messages: `discord-webhook-url`, `webhooks[2]`, `env JC_BUILD_FAILURE_WEBHOOK_URL`. */
  source: string;
  /** Secret: carries a token. Masked when read; print only `maskUrl(url)`. */
  url: string;
  format: TargetFormat;
  on: TargetOn;
  method: HttpMethod;
  headers: Record<string, string>;
  basicAuth: { username: string; password: string } | null;
  timeoutMs: number;
  retries: number;
  secret: string | null;
  signature: SignatureScheme; /** The user's templates for this target (mustache source, checked when the settings are read). */
  templates: TargetTemplates;
}

/** `message-template` / `payload-template` / `payload-template-file`, globally or per `webhooks` entry. */
export interface TargetTemplates {
  /** The text line of a Discord, Slack or Teams message; null: the built-in one. */
  message: string | null;
  /** A whole generic JSON body; null: the built-in payload. */
  payload: string | null;
  /** Where each came from, for error messages: `message-template`, `webhooks[1].payload-template-file`. */
  messageSource: string | null;
  payloadSource: string | null;
  /** The workspace file `payload` was read from (`payload-template-file`): errors show it, never its text. */
  payloadFile?: string | null;
}

export interface DiscordOptions {
  username: string | null;
  avatarUrl: string | null;
  threadId: string | null;
  threadName: string | null;
  /** When to attach the failing stage's log tail as a file. */
  attachLog: 'always' | 'failure' | 'never';
  /** `discord-style`. */
  style: DiscordStyle;
  /** `discord-mention-on-failure`: the only ids a message may ping, on failure and on `broken`. */
  mentionOnFailure: { users: string[]; roles: string[] };
  /** `discord-live`: one message per build, posted at the start and edited as stages advance. */
  live: boolean;
  /** `discord-live-interval`: at most one live edit per this many milliseconds (>= 2000). */
  liveIntervalMs: number;
}

/** What a renderer is told beyond the report: why this message is sent. */
export interface NotifyContext {
  event: NotifyEvent;
  change: ChangeState;
}

export interface NotifySettings {
  targets: Target[];
  /** Overall bound for all deliveries together. */
  deadlineMs: number;
  failOnError: boolean;
  discord: DiscordOptions;
  /** `notify-on`: the default `on` of every target that does not name its own. */
  notifyOn: TargetOn;
  /** `notify-start`: also announce the build's start (event `started`). */
  notifyStart: boolean;
  /** `github-token`, for `notify-on: change` (needs `actions: read`); null when empty. */
  githubToken: string | null;
}

export interface OutgoingFile {
  name: string;
  contentType: string;
  data: Buffer;
}

/** What a renderer produces: a JSON body and optional files (Discord multipart). */
export interface RenderedMessage {
  body: unknown;
  files: OutgoingFile[];
}

/** The outcome of one target, as exposed in the `notifications` output (no secrets). */
export interface DeliveryResult {
  source: string;
  /** The URL with its secret parts masked. */
  url: string;
  format: TargetFormat;
  delivered: boolean;
  /** The last HTTP status seen, if any. */
  httpStatus: number | null;
  attempts: number;
  error: string | null;
  /** The Discord message id (`?wait=true` answer), when delivered to Discord. */
  messageId: string | null;
  durationMs: number;
  /**
   * Delivered and confirmed: the receiver said the message is posted (Discord's 200 with its id, a Teams
   * connector's 200 `1`, any 2xx but 202). False when not delivered, and when the receiver only accepted it
   * (HTTP 202: a Teams Workflows flow queues the card and posts it later). Added in #12; every result the
   * action outputs has it (optional here for results built by older code).
   */
  confirmed?: boolean;
  /**
   * A remark on a delivered target: `accepted, not confirmed: …` for a 202, what a Slack 200 said when it was
   * not `ok`; null otherwise.
   */
  note?: string | null;
}

/**
 * Where one target's delivery stands, recorded as it changes so that a step stopped mid-delivery can tell the
 * post step what is safe to send again:
 * - `sending`: an attempt has started writing the request; it may have landed, its answer is not in yet.
 * - `retry-wait`: the last attempt failed and the next one has not started; nothing is on the wire.
 * - `delivered`: a 2xx answer (with the Discord message id).
 * - `failed`: the last attempt certainly did not deliver and no retry follows — the server answered with an
 *   error, or the request never started (DNS, connection refused, connect timeout, TLS).
 * - `unknown`: the last attempt was sent but never answered (timed out, connection lost) and no retry follows.
 * No record at all: no attempt was made.
 */
export type DeliveryFate = 'sending' | 'retry-wait' | 'delivered' | 'failed' | 'unknown';

export interface FateRecord {
  fate: DeliveryFate;
  /** Attempts started so far. */
  attempts: number;
  /** The last HTTP status seen, if any. */
  httpStatus: number | null;
  /** The Discord message id, once delivered to Discord. */
  messageId: string | null;
}
