// Live status for one build (`discord-live`): a "building" message posted to every Discord target when the
// build starts, edited in place as the parser sees stages advance, and handed to the final notification,
// which replaces it with the result (notify() with `edit`).
//
// Rules, so that it can never hurt the build or the result:
// - Nothing here blocks the build: start() and update() return at once; requests run in the background,
//   at most one in flight per target, and a newer stage replaces one not yet sent (nothing queues up).
// - At most one edit per `discord-live-interval` per target; a 429 postpones the next edit by what Discord
//   asked for (never less than the interval) and is not retried on its own.
// - A failed start or edit costs one warning, then live updates stop for that target. A 404 (the message
//   was deleted) also forgets the message, so the result is posted as a new one.
// - finish() cancels what is pending and awaits the request in flight, so no live edit can land after the
//   final one. Message ids are reported (onRefs) as soon as they are known, for the post step.
import type { Dispatcher } from 'undici';
import { maskUrl, scrub, scrubDeep } from '../runner/secrets.js';
import {
  closeDiscordApi,
  createMessage,
  editMessage,
  formatMessageRef,
  type DiscordCallResult,
} from './discord-api.js';
import { renderLiveDiscord, type LiveProgress } from './render/live-discord.js';
import type { NotifySettings, Target } from './types.js';

/** The part of a parser event the live status reads (a StreamEvent of kind `stage`). */
export interface LiveStageEvent {
  kind: string;
  stage?: { target: string | null; name: string; index: number; total: number; phase: 'build' | 'test' };
}

export interface LiveStatusOptions {
  settings: NotifySettings;
  packages: readonly string[];
  runner: string | null;
  link: LiveProgress['link'];
  startTime: Date;
  /** One line per target at most, for the job log (a warning: the step does not fail). */
  warn: (message: string) => void;
  /** Every live message known (target source → message ref), each time that changes. */
  onRefs?: (refs: Record<string, string>) => void;
  /** Default: settings.discord.liveIntervalMs. */
  intervalMs?: number;
  /** Per request (default: an edit the target's timeout, at most 10 s; the create see MIN_CREATE_MS). */
  timeoutMs?: number;
  dispatcher?: Dispatcher;
}

/** Tries to post the live message at all when Discord answers 429 at the start. */
const CREATE_TRIES = 3;
const MAX_REQUEST_MS = 10_000;
/**
 * The create is off the build's critical path (start() is not awaited), so it is given long: a create that
 * Discord answers after the client gave up has posted a message nobody edits, and the result becomes a second
 * one. Its timeout is the larger of this and webhook-timeout; finish() waits for it as long.
 */
const MIN_CREATE_MS = 30_000;

/** The targets that get a live message: Discord ones that can fire at all, when `discord-live` is on. */
export function liveTargets(settings: NotifySettings | null): Target[] {
  if (!settings?.discord.live) return [];
  return settings.targets.filter((t) => t.format === 'discord' && t.on !== 'never');
}

class LiveTarget {
  ref: string | null = null;
  state: 'starting' | 'live' | 'stopped' = 'starting';
  /** A newer stage than the message shows. */
  dirty = false;
  inFlight: Promise<void> | null = null;
  timer: NodeJS.Timeout | null = null;
  /** No request before this (the interval, or a 429's delay). */
  nextAt = 0;
  creates = 0;
  constructor(readonly target: Target) {}
}

export class LiveStatus {
  private readonly live: LiveTarget[];
  private readonly intervalMs: number;
  private stage: LiveProgress['stage'] = null;
  private finished = false;

  constructor(private readonly opts: LiveStatusOptions) {
    this.live = liveTargets(opts.settings).map((t) => new LiveTarget(t));
    this.intervalMs = opts.intervalMs ?? opts.settings.discord.liveIntervalMs;
  }

  get active(): boolean {
    return this.live.length > 0;
  }

  /** Posts the "building" message to every live target (in the background). */
  start(): void {
    for (const t of this.live) this.create(t);
  }

  /** A stage started: the message shows it at the next allowed moment. */
  update(stage: NonNullable<LiveStageEvent['stage']>): void {
    if (this.finished) return;
    const { target, name, index, total, phase } = stage;
    this.stage = { target, name, index, total, phase };
    for (const t of this.live) {
      t.dirty = true;
      this.pump(t);
    }
  }

  /** `parser`, passing every stage event it reports on to update(). */
  watch<E extends LiveStageEvent, P extends { write(chunk: Buffer): E[]; end(): E[] }>(
    parser: P,
  ): { write(chunk: Buffer): E[]; end(): E[] } {
    const see = (events: E[]): E[] => {
      let last: LiveStageEvent['stage'];
      for (const ev of events) if (ev.kind === 'stage' && ev.stage) last = ev.stage;
      if (last) this.update(last);
      return events;
    };
    return { write: (chunk) => see(parser.write(chunk)), end: () => see(parser.end()) };
  }

  /**
   * Stops live updates: drops what is pending, awaits the request in flight (up to `maxWaitMs`), and returns
   * the live message per target source, for the final notification to edit.
   */
  async finish(maxWaitMs?: number): Promise<Record<string, string>> {
    this.finished = true;
    for (const t of this.live) {
      if (t.timer) clearTimeout(t.timer);
      t.timer = null;
      t.dirty = false;
    }
    const busy = this.live.filter((t) => t.inFlight !== null);
    const inFlight = busy.map((t) => t.inFlight as Promise<void>);
    if (inFlight.length > 0) {
      // A create still on the wire is waited for to its own timeout: its message is the one to edit.
      const waitMs = maxWaitMs ?? Math.max(...busy.map((t) => this.requestOptions(t).timeoutMs));
      let timer: NodeJS.Timeout | undefined;
      const cap = new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs)));
      await Promise.race([Promise.allSettled(inFlight), cap]);
      clearTimeout(timer);
    }
    // Its idle keep-alive sockets would hold the process open; a request still on the wire may finish.
    if (!this.opts.dispatcher) void closeDiscordApi();
    return this.refs();
  }

  refs(): Record<string, string> {
    const refs: Record<string, string> = {};
    for (const t of this.live) if (t.ref !== null) refs[t.target.source] = t.ref;
    return refs;
  }

  /**
   * Scrubbed here, before rendering: stage names come from the build's output, and markdown escaping (`_` →
   * `\_`) would hide a secret in one from the encoder's scrub of the rendered text.
   */
  private progress(): LiveProgress {
    const { packages, runner, link, startTime } = this.opts;
    return scrubDeep({
      packages,
      runner,
      link,
      stage: this.stage,
      startTime: startTime.toISOString(),
      elapsedMs: Math.max(0, Date.now() - startTime.getTime()),
    });
  }

  private requestOptions(t: LiveTarget): { timeoutMs: number; dispatcher?: Dispatcher } {
    const timeoutMs =
      this.opts.timeoutMs ??
      (t.state === 'starting'
        ? Math.max(t.target.timeoutMs, MIN_CREATE_MS)
        : Math.min(t.target.timeoutMs, MAX_REQUEST_MS));
    return this.opts.dispatcher ? { timeoutMs, dispatcher: this.opts.dispatcher } : { timeoutMs };
  }

  private create(t: LiveTarget): void {
    t.creates += 1;
    const { discord } = this.opts.settings;
    t.inFlight = (async () => {
      const message = renderLiveDiscord(this.progress(), discord);
      const result = await createMessage(t.target, message, this.requestOptions(t));
      if (result.ok) {
        // A forum post opens a thread of its own, where Discord finds the message only through that thread.
        const url = new URL(t.target.url);
        const ownThread = discord.threadName && !url.searchParams.has('thread_id');
        t.ref = formatMessageRef(result.message.id, ownThread ? result.message.channelId : null);
        t.state = 'live';
        t.nextAt = Date.now() + this.intervalMs;
        this.saveRefs();
      } else if (result.kind === 'http' && result.status === 429 && t.creates < CREATE_TRIES) {
        this.later(t, result.retryAfterMs ?? this.intervalMs, () => this.create(t));
      } else {
        this.stop(t, `could not post the live status message (${describe(result)})`);
      }
    })()
      .catch((err: unknown) => this.stop(t, `live status failed: ${String(err)}`))
      .finally(() => {
        t.inFlight = null;
        this.pump(t);
      });
  }

  /** Sends the newest stage if one is waiting, nothing is in flight and the interval has passed. */
  private pump(t: LiveTarget): void {
    if (this.finished || t.state !== 'live' || !t.dirty || t.inFlight || t.timer) return;
    const wait = t.nextAt - Date.now();
    if (wait > 0) {
      this.later(t, wait, () => this.pump(t));
      return;
    }
    t.dirty = false;
    t.inFlight = this.edit(t)
      .catch((err: unknown) => this.stop(t, `live status failed: ${String(err)}`))
      .finally(() => {
        t.inFlight = null;
        this.pump(t);
      });
  }

  private async edit(t: LiveTarget): Promise<void> {
    const message = renderLiveDiscord(this.progress(), this.opts.settings.discord);
    const result = await editMessage(t.target, t.ref as string, message, this.requestOptions(t));
    if (result.ok) {
      t.nextAt = Date.now() + this.intervalMs;
    } else if (result.kind === 'http' && result.status === 429) {
      // Postponed, not queued: the newest stage goes out once Discord allows it.
      t.nextAt = Date.now() + Math.max(this.intervalMs, result.retryAfterMs ?? 0);
      t.dirty = true;
    } else if (result.kind === 'http' && result.status === 404) {
      t.ref = null;
      this.saveRefs();
      this.stop(t, 'the live status message was deleted (HTTP 404); the result is posted as a new message');
    } else {
      this.stop(t, `could not edit the live status message (${describe(result)})`);
    }
  }

  private later(t: LiveTarget, ms: number, fn: () => void): void {
    if (this.finished) return;
    t.timer = setTimeout(() => {
      t.timer = null;
      if (!this.finished) fn();
    }, ms);
    // A pending live edit never keeps the process alive.
    t.timer.unref();
  }

  /** Live updates end for this target, with one warning. */
  private stop(t: LiveTarget, why: string): void {
    if (t.state === 'stopped') return;
    t.state = 'stopped';
    t.dirty = false;
    try {
      this.opts.warn(
        scrub(`Live status for ${maskUrl(t.target.url)} (${t.target.source}): ${why}; live updates stop.`),
      );
    } catch {
      // A log sink must not break the build.
    }
  }

  private saveRefs(): void {
    try {
      this.opts.onRefs?.(this.refs());
    } catch {
      // Saving for post is best effort: main edits the message itself when it is not killed.
    }
  }
}

function describe(result: Exclude<DiscordCallResult, { ok: true }>): string {
  return result.kind === 'http' ? `HTTP ${result.status}: ${result.detail}` : result.detail;
}
