// Types shared by target routing, the renderers and delivery.

export type TargetFormat = 'discord' | 'generic';
/** When a target fires. */
export type TargetOn = 'always' | 'success' | 'failure' | 'cancelled';
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
  signature: SignatureScheme;
}

export interface DiscordOptions {
  username: string | null;
  avatarUrl: string | null;
  threadId: string | null;
  threadName: string | null;
  /** When to attach the failing stage's log tail as a file. */
  attachLog: 'always' | 'failure' | 'never';
}

export interface NotifySettings {
  targets: Target[];
  /** Overall bound for all deliveries together. */
  deadlineMs: number;
  failOnError: boolean;
  discord: DiscordOptions;
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
}
