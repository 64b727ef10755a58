// Notification orchestrator: pick the targets for an outcome, render a message per target (the caller's
// renderer), deliver them all, report per target. It knows nothing of what is reported, and loads the HTTP
// client only when there is somewhere to send to.
import { maskUrl, scrub, scrubDeep } from '../runner/secrets.js';
import { dropsDuplicates, platformName } from './duplicates.js';
import { undeliveredResult } from './result.js';
import { ACCEPTED_NOTE, TEAMS_ACCEPTED_NOTE } from './teams-answer.js';
import type { DeliverOptions } from './deliver.js';
import { selectTargets, type BuildStatus } from './targets.js';
import type {
  ChangeState,
  DeliveryResult,
  FateRecord,
  NotifyContext,
  NotifySettings,
  RenderedMessage,
  Target,
} from './types.js';

export { selectTargets, resolveNotifySettings, normalizeDiscordUrl } from './targets.js';

export type RenderFn = (target: Target, ctx: NotifyContext) => RenderedMessage | Promise<RenderedMessage>;
/** Delivery options; `deadlineMs` defaults to the settings' deadline. */
export type NotifyOptions = Partial<DeliverOptions> & {
  /**
   * What an earlier, interrupted delivery of this same notification recorded per target source (the main
   * step's fates, for post). `delivered` is not sent again; an unknown outcome is not sent again to Discord,
   * Slack or Teams, which cannot drop a duplicate, and is sent again to a generic receiver (same webhook-id:
   * it can). Anything else (never started, retry-wait, failed) is sent.
   */
  previous?: Readonly<Record<string, FateRecord>>;
  /** What is announced (default `finished`). */
  event?: NotifyContext['event'];
  /** The outcome against the previous run, for `change` targets and the renderers (default `unknown`). */
  change?: ChangeState;
  /**
   * Discord message ids per target source to edit in place (a live status message) instead of posting a new
   * message. An edit is idempotent, so an interrupted one is sent again.
   */
  edit?: Readonly<Record<string, string>>;
  /** A problem worth a warning that is no target's failure (a follow-up with mentions that was not posted). */
  warn?: (message: string) => void;
};

export interface NotifyOutcome {
  /** Every target for the outcome, in target order: sent now, delivered before, or withheld. */
  results: DeliveryResult[];
  /** Not delivered, and not withheld. */
  failed: DeliveryResult[];
  /** Not sent again because an earlier attempt may have landed and the target cannot de-duplicate. */
  withheld: DeliveryResult[];
}

/** Why a target main left unanswered is not sent again. */
export function withheldError(target: Pick<Target, 'format'>): string {
  return `outcome unknown: the main step was stopped while sending it; not sent again (${platformName(target.format)} cannot drop a duplicate)`;
}

/**
 * What to do with one target given its earlier fate. `editing`: this delivery edits a Discord message in
 * place (a live status message), as the interrupted one did.
 */
export function resumeAction(
  target: Target,
  previous: FateRecord | undefined,
  editing = false,
): 'send' | 'keep' | 'withhold' {
  switch (previous?.fate) {
    case 'delivered':
      return 'keep';
    case 'sending':
    case 'unknown':
      // Discord, Slack and Teams have no idempotency key: a second request is a second message. An edit of
      // one message is idempotent: sending it again leaves the same message with the same content.
      return !dropsDuplicates(target.format) && !editing ? 'withhold' : 'send';
    default:
      return 'send';
  }
}

/**
 * Sends `subject`'s notification to every target that fires for its status. A render error fails that
 * target only; nothing here throws for a delivery problem. Results are in target order.
 */
export async function notify(
  subject: { status: BuildStatus },
  settings: NotifySettings,
  render: RenderFn,
  opts: NotifyOptions = {},
): Promise<NotifyOutcome> {
  const started = Date.now();
  const ctx: NotifyContext = { event: opts.event ?? 'finished', change: opts.change ?? 'unknown' };
  // A live status message always ends showing the result, even where the outcome would not notify: editing
  // it pings no one, and leaving it at "building" would be wrong.
  const selected = new Set(selectTargets(settings.targets, subject.status, ctx.change));
  const targets = settings.targets.filter((t) => selected.has(t) || opts.edit?.[t.source] !== undefined);
  if (targets.length === 0) return { results: [], failed: [], withheld: [] };
  const { previous, event: _event, change: _change, edit, warn, ...deliverOpts } = opts;

  const results: (DeliveryResult | null)[] = [];
  const withheld: DeliveryResult[] = [];
  const jobs: Job[] = [];
  type Rendered =
    | { ok: true; message: RenderedMessage }
    | { ok: false; error: string }
    | { ok: 'done'; result: DeliveryResult };
  const rendered = await Promise.all(
    targets.map(async (target): Promise<Rendered> => {
      const before = previous?.[target.source];
      const action = resumeAction(target, before, edit?.[target.source] !== undefined);
      if (action === 'keep' && before) {
        lostFollowUpWarning(target.source, previous, warn ?? opts.log);
        return { ok: 'done', result: keptResult(target, before) };
      }
      if (action === 'withhold' && before) {
        const result = { ...undeliveredResult(target, withheldError(target)), attempts: before.attempts };
        result.httpStatus = before.httpStatus;
        withheld.push(result);
        return { ok: 'done', result };
      }
      try {
        return { ok: true, message: await render(target, ctx) };
      } catch (err) {
        return { ok: false, error: err instanceof Error ? err.message : String(err) };
      }
    }),
  );
  rendered.forEach((r, index) => {
    const target = targets[index] as Target;
    if (r.ok === 'done') {
      results.push(r.result);
    } else if (r.ok) {
      jobs.push({ index, target, message: r.message, editMessageId: edit?.[target.source] ?? null });
      results.push(null);
    } else {
      results.push(failedResult(target, `could not render the message: ${r.error}`));
    }
  });

  if (jobs.length > 0) {
    const deadlineMs = (): number =>
      Math.max(0, (opts.deadlineMs ?? settings.deadlineMs) - (Date.now() - started));
    await deliverJobs(jobs, results, deliverOpts, deadlineMs, warn);
  }
  const all = results.filter((r): r is DeliveryResult => r !== null);
  return { results: all, failed: all.filter((r) => !r.delivered && !withheld.includes(r)), withheld };
}

/** A rendered message to deliver, at its place in the results. */
interface Job {
  index: number;
  target: Target;
  message: RenderedMessage;
  editMessageId: string | null;
  /** The whole result, mentions included, to post should the edit fail for good (a new message pings). */
  postMessage?: RenderedMessage;
}

/** Delivers the jobs into `results`, then the follow-ups with the mentions of the edits that landed. */
async function deliverJobs(
  jobs: Job[],
  results: (DeliveryResult | null)[],
  opts: Omit<NotifyOptions, 'previous' | 'event' | 'change' | 'edit' | 'warn'>,
  deadlineMs: () => number,
  warn: ((message: string) => void) | undefined,
): Promise<void> {
  try {
    const { deliverAll, parseMessageRef } = await import('./deliver.js');
    const { splitMentions } = await import('./render/mention-follow-up.js');
    const followUps = splitEditMentions(jobs, splitMentions, parseMessageRef);
    // Recorded before any edit goes out: a post step that finds the edit delivered then knows a ping is due.
    for (const f of followUps) {
      opts.onFate?.(followUpTarget(f.target), {
        fate: 'retry-wait',
        attempts: 0,
        httpStatus: null,
        messageId: null,
      });
    }
    const delivered = await deliverAll(jobs, { ...opts, deadlineMs: deadlineMs() });
    delivered.forEach((result, i) => {
      results[(jobs[i] as Job).index] = result;
    });
    // An edit posted as a new message instead (the live message was deleted) pinged by itself: its answer
    // names another message than the one edited.
    const due = followUps.filter((f) => {
      const result = results[f.index];
      return result?.delivered && (result.messageId === null || result.messageId === f.editedId);
    });
    if (due.length > 0) await postFollowUps(due, deliverAll, { ...opts, deadlineMs: deadlineMs() }, warn);
  } catch (err) {
    // deliverAll does not throw; this guards the import itself.
    const reason = `could not deliver: ${err instanceof Error ? err.message : String(err)}`;
    for (const job of jobs) results[job.index] = failedResult(job.target, reason);
  }
}

/** Where main records the fate of a target's follow-up with the mentions, for post. */
export function followUpKey(source: string): string {
  return `${source} (mentions)`;
}

function followUpTarget(target: Target): Target {
  return { ...target, source: followUpKey(target.source) };
}

/**
 * Post keeps an edit main delivered; the follow-up with its mentions, if main owed one and did not see it
 * posted, is not sent from here (it may have landed, and Discord cannot drop a duplicate): said instead.
 */
function lostFollowUpWarning(
  source: string,
  previous: Readonly<Record<string, FateRecord>> | undefined,
  warn: ((message: string) => void) | undefined,
): void {
  const ping = previous?.[followUpKey(source)];
  if (!ping || ping.fate === 'delivered') return;
  const head = `${source}: the result was delivered as an edit, but the main step was stopped`;
  warn?.(
    ping.fate === 'sending' || ping.fate === 'unknown'
      ? `${head} while posting the message with its mentions: it may not have been posted, and is not sent ` +
          'again (Discord cannot drop a duplicate); check the channel.'
      : `${head} before the message with its mentions was posted: no one was pinged.`,
  );
}

/** Posts the follow-ups with the mentions; one that is not posted is a warning (the result itself landed). */
async function postFollowUps(
  due: { target: Target; message: RenderedMessage }[],
  deliverAll: typeof import('./deliver.js').deliverAll,
  opts: DeliverOptions,
  warn: ((message: string) => void) | undefined,
): Promise<void> {
  // Not the target's own delivery: its result stays the edit's, and its fate is kept under its own key.
  const { onFate, onResult: _onResult, ...plain } = opts;
  const pinged = await deliverAll(due, {
    ...plain,
    onFate: (target, record) => onFate?.(followUpTarget(target), record),
  });
  for (const r of pinged) {
    if (r.delivered) continue;
    (warn ?? opts.log)?.(
      scrub(
        `${r.source}: the result was delivered as an edit, but the message with its mentions was not posted: ${r.error ?? 'unknown error'}`,
      ),
    );
  }
}

/**
 * Discord notifies nobody for a mention an edit adds. Each result that edits a message and pings someone is
 * split (in place): the edit loses its mentions, and a follow-up message that carries them is returned, to be
 * posted once the edit is delivered, in the thread the edited message lives in.
 */
function splitEditMentions(
  jobs: Job[],
  split: (message: RenderedMessage) => { edit: RenderedMessage; followUp: RenderedMessage } | null,
  parseRef: (ref: string) => { messageId: string; threadId: string | null } | null,
): { index: number; target: Target; message: RenderedMessage; editedId: string | null }[] {
  const followUps: { index: number; target: Target; message: RenderedMessage; editedId: string | null }[] =
    [];
  for (const job of jobs) {
    if (job.target.format !== 'discord' || !job.editMessageId) continue;
    const parts = split(job.message);
    if (!parts) continue;
    job.postMessage = job.message;
    job.message = parts.edit;
    const ref = parseRef(job.editMessageId);
    const thread = ref?.threadId ?? null;
    const url = new URL(job.target.url);
    if (thread) url.searchParams.set('thread_id', thread);
    followUps.push({
      index: job.index,
      target: { ...job.target, url: url.toString() },
      message: parts.followUp,
      editedId: ref?.messageId ?? null,
    });
  }
  return followUps;
}

/** A target delivered earlier, as it was then: it appears in the outputs without being sent again. */
function keptResult(target: Target, before: FateRecord): DeliveryResult {
  return {
    source: target.source,
    url: maskUrl(target.url),
    format: target.format,
    delivered: true,
    httpStatus: before.httpStatus,
    attempts: before.attempts,
    error: null,
    messageId: before.messageId,
    durationMs: 0,
    confirmed: before.httpStatus !== 202,
    note: before.httpStatus !== 202 ? null : target.format === 'teams' ? TEAMS_ACCEPTED_NOTE : ACCEPTED_NOTE,
  };
}

function failedResult(target: Target, error: string): DeliveryResult {
  return undeliveredResult(target, scrub(error));
}

/** One log line: `notifications: 1 of 2 delivered; webhook-url failed: HTTP 404: … (1 attempt)`. */
export function summarizeResults(results: readonly DeliveryResult[]): string {
  if (results.length === 0) return 'notifications: no target for this outcome';
  const ok = results.filter((r) => r.delivered).length;
  const failures = results
    .filter((r) => !r.delivered)
    .map((r) => `${r.source} (${r.url}) failed: ${r.error ?? 'unknown error'}`);
  // A 202 only queued the message: said, so that a card a flow then fails to post is not a mystery.
  const accepted = results
    .filter((r) => r.delivered && r.confirmed === false)
    .map((r) => `${r.source}: accepted, not confirmed (HTTP ${r.httpStatus ?? 202})`);
  const head = `notifications: ${ok} of ${results.length} delivered`;
  return scrub([head, ...failures, ...accepted].join('; '));
}

/** The `notifications` output (JSON, no secrets) and `message-id` (the first Discord message id, or ''). */
export function notificationOutputs(results: readonly DeliveryResult[]): {
  notifications: string;
  messageId: string;
} {
  const messageId = results.find((r) => r.format === 'discord' && r.messageId)?.messageId ?? '';
  return { notifications: scrub(JSON.stringify(scrubDeep(results))), messageId: scrub(messageId) };
}
