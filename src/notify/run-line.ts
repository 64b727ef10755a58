// A leg of the reusable workflow writes its own line into the run's live Discord message when its build ends.
//
// Legs finish concurrently and Discord has no conditional edit, so a read-modify-write can be overwritten by a
// leg that read the message before it: after its edit the leg waits a short random while, reads the message
// again and, when its result is missing, merges it in again (a few attempts). Then it gives up quietly: these
// are intermediate states, best effort; summarize writes the complete, authoritative message in place. Nothing
// here fails the leg, delays it beyond `deadlineMs`, or throws; any problem is one warning.
import type { Dispatcher } from 'undici';
import type { BuildReport } from '../report/build-report.js';
import { scrub, scrubDeep } from '../runner/secrets.js';
import type { DiscordCallResult, DiscordEndpoint } from './discord-api.js';
import {
  hasLegLine,
  legLine,
  mergeLegLine,
  parseLiveRun,
  renderLiveRun,
  type LegResult,
  type LiveLine,
} from './render/run-live-discord.js';
import type { NotifySettings, RenderedMessage, Target } from './types.js';

/** The two calls the line needs; the Discord client's by default (a test can order them). */
export interface RunLineApi {
  get(target: DiscordEndpoint, ref: string, signal: AbortSignal): Promise<DiscordCallResult>;
  edit(
    target: DiscordEndpoint,
    ref: string,
    message: RenderedMessage,
    signal: AbortSignal,
  ): Promise<DiscordCallResult>;
}

export interface RunLineOptions {
  /** `discord-run-message-id`: the message id (or `id:thread`) the plan posted. */
  messageRef: string;
  /** The `matrix` input: the leg's name and index (`{"leg":"pytorch-2.8","index":3,…}`). */
  matrix: string;
  report: BuildReport;
  settings: NotifySettings | null;
  warn: (message: string) => void;
  info: (message: string) => void;
  /** Stops everything (the step is being cancelled). */
  signal?: AbortSignal;
  /** Edits tried before giving up (default 4). */
  maxAttempts?: number;
  /** The most the whole update may take (default 20 s). */
  deadlineMs?: number;
  /** The wait after an edit before checking it survived (default 1–3 s, random so legs spread out). */
  settleMs?: () => number;
  /** The longest Retry-After honoured; a longer one skips this edit (default 3 s). */
  maxRetryAfterMs?: number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  api?: RunLineApi;
  dispatcher?: Dispatcher;
}

export type RunLineOutcome = 'written' | 'unverified' | 'skipped' | 'failed';

const MESSAGE_INPUT = 'discord-run-message-id';

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, Math.max(0, ms));
    signal.addEventListener('abort', done, { once: true });
  });
}

/** A leg as the `matrix` input names it; `title` and `platform` only for a leg of a grid. */
export interface MatrixLegRef {
  leg: string;
  index: number;
  title: string | null;
  platform: string | null;
}

/** The leg's name and matrix index (and, in a grid, its title and platform) from the `matrix` input, or null. */
export function readMatrixLeg(matrix: string): MatrixLegRef | null {
  try {
    const m: unknown = JSON.parse(matrix);
    if (typeof m !== 'object' || m === null) return null;
    const { leg, index, title, platform } = m as Record<string, unknown>;
    if (typeof leg !== 'string' || leg.trim() === '') return null;
    const n = typeof index === 'string' && /^\d{1,3}$/.test(index) ? Number(index) : index;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) return null;
    const grid = typeof platform === 'string' && platform.trim() !== '';
    return {
      leg,
      index: n,
      title: grid && typeof title === 'string' && title.trim() !== '' ? title : null,
      platform: grid ? platform : null,
    };
  } catch {
    return null;
  }
}

/** What the leg's line says, from its report (and, in a grid, the leg's title). */
export function legResult(
  leg: string,
  report: BuildReport,
  grid: { title: string | null; platform: string | null } = { title: null, platform: null },
): LegResult {
  const f = report.failure;
  const step = f && f.stageIndex !== null && f.stageCount !== null ? ` ${f.stageIndex}/${f.stageCount}` : '';
  const phase = f && f.phase !== 'unknown' ? `${f.phase}${step}` : '';
  const where = f ? [f.stage, phase].filter((x): x is string => !!x).join(' · ') : '';
  const of = report.packages.length;
  return {
    leg,
    status: report.status,
    url: report.run.jobUrl ?? report.run.runUrl,
    durationSeconds: report.durationSeconds,
    built: of > 1 ? { done: report.packages.filter((p) => p.status === 'success').length, of } : null,
    where: report.status === 'failure' ? where || null : null,
    cause: report.status === 'failure' ? (f?.error ?? report.message) : null,
    title: grid.title,
    platform: grid.platform,
  };
}

/** The Discord target the run message belongs to: `discord-webhook-url` (whatever its notify-on says). */
function runTarget(settings: NotifySettings | null): Target | null {
  return settings?.targets.find((t) => t.format === 'discord' && t.source === 'discord-webhook-url') ?? null;
}

/** Writes this leg's line into the run message. Resolves (never rejects) with what happened. */
export async function updateRunLine(opts: RunLineOptions): Promise<RunLineOutcome> {
  const ref = opts.messageRef.trim();
  if (ref === '') return 'skipped';
  const warn = (m: string): void => opts.warn(scrub(m));
  try {
    const { parseMessageRef } = await import('./discord-api.js');
    if (!parseMessageRef(ref)) {
      warn(
        `Input '${MESSAGE_INPUT}' is ${JSON.stringify(ref.slice(0, 40))}: expected a Discord message id (digits, as the plan's discord-message-id output); the run message is not edited.`,
      );
      return 'skipped';
    }
    const target = runTarget(opts.settings);
    if (!target) {
      // Warned about at the start of the step (notices.ts): said once.
      opts.info(
        `Input '${MESSAGE_INPUT}' is set but discord-webhook-url is empty: the run message is not edited.`,
      );
      return 'skipped';
    }
    const leg = readMatrixLeg(opts.matrix);
    if (!leg) {
      warn(
        `Input '${MESSAGE_INPUT}' is set but the 'matrix' input names no leg and index (the reusable workflow's matrix has {"leg","index"}): the run message is not edited.`,
      );
      return 'skipped';
    }
    // Rendered from the scrubbed report and name: markdown escaping (`_` → `\_`) would otherwise hide a secret
    // the build printed from the encoder's scrub of the text.
    const grid = { title: leg.title === null ? null : scrub(leg.title), platform: leg.platform };
    const result = legResult(scrub(leg.leg), scrubDeep(opts.report), grid);
    return await writeLine(opts, target, ref, leg.index, legLine(result), warn);
  } catch (err) {
    warn(
      `Could not write this leg's line in the run message: ${err instanceof Error ? err.message : String(err)}`,
    );
    return 'failed';
  }
}

async function defaultApi(dispatcher: Dispatcher | undefined): Promise<RunLineApi> {
  const { editMessage, getMessage } = await import('./discord-api.js');
  const timeoutMs = 5000;
  return {
    get: (t, ref, signal) => getMessage(t, ref, { signal, dispatcher, timeoutMs }),
    edit: (t, ref, message, signal) => editMessage(t, ref, message, { signal, dispatcher, timeoutMs }),
  };
}

/** The read-merge-edit-verify loop, bounded in attempts and time. */
async function writeLine(
  opts: RunLineOptions,
  target: Target,
  ref: string,
  index: number,
  line: LiveLine,
  warn: (m: string) => void,
): Promise<RunLineOutcome> {
  const deadline = AbortSignal.timeout(opts.deadlineMs ?? 20_000);
  const signal = opts.signal ? AbortSignal.any([deadline, opts.signal]) : deadline;
  const api = opts.api ?? (await defaultApi(opts.dispatcher));
  const sleep = opts.sleep ?? abortableSleep;
  const settle = opts.settleMs ?? ((): number => 1000 + Math.floor(Math.random() * 2000));
  const maxRetryAfter = opts.maxRetryAfterMs ?? 3000;
  const maxAttempts = opts.maxAttempts ?? 4;
  // One pass: read; when checking, stop if the line is there; otherwise merge and edit.
  const pass = async (check: boolean): Promise<RunLineOutcome | 'edited'> => {
    const read = await retried(() => api.get(target, ref, signal), sleep, signal, maxRetryAfter);
    if (!read.ok) return problem(read, 'read', warn);
    const run = parseLiveRun(read.body);
    if (!run) {
      opts.info(
        'The run message is no longer a live status (the final result is in it already); not edited.',
      );
      return 'skipped';
    }
    if (check && hasLegLine(run, index, line)) return 'written';
    const merged = mergeLegLine(run, index, line);
    if (!merged) {
      warn(
        `This leg's index ${index} is not one of the run message's ${run.states.length} legs; not edited.`,
      );
      return 'skipped';
    }
    const message = renderLiveRun(merged, 'edit');
    const edited = await retried(() => api.edit(target, ref, message, signal), sleep, signal, maxRetryAfter);
    return edited.ok ? 'edited' : problem(edited, 'edit', warn);
  };
  for (let attempt = 0; attempt <= maxAttempts; attempt++) {
    if (signal.aborted) break;
    // The last pass only checks: it never edits past the attempts allowed.
    const outcome = attempt === maxAttempts ? await verifyOnly() : await pass(attempt > 0);
    if (outcome !== 'edited') return outcome;
    await sleep(settle(), signal);
  }
  opts.info(
    `This leg's line is not confirmed in the run message (${maxAttempts} edits; the summary writes the final state).`,
  );
  return 'unverified';

  async function verifyOnly(): Promise<RunLineOutcome | 'edited'> {
    const read = await retried(() => api.get(target, ref, signal), sleep, signal, maxRetryAfter);
    const run = read.ok ? parseLiveRun(read.body) : null;
    if (run && hasLegLine(run, index, line)) return 'written';
    opts.info(
      `This leg's line is not confirmed in the run message (${maxAttempts} edits; the summary writes the final state).`,
    );
    return 'unverified';
  }
}

/** One call, repeated once after a short Retry-After; a longer one is given up on. */
async function retried(
  call: () => Promise<DiscordCallResult>,
  sleep: (ms: number, signal: AbortSignal) => Promise<void>,
  signal: AbortSignal,
  maxRetryAfterMs: number,
): Promise<DiscordCallResult> {
  const first = await call();
  if (first.ok || first.kind !== 'http' || first.status !== 429) return first;
  const wait = first.retryAfterMs ?? maxRetryAfterMs;
  if (wait > maxRetryAfterMs || signal.aborted) return first;
  await sleep(wait, signal);
  return signal.aborted ? first : call();
}

function problem(
  result: DiscordCallResult,
  what: 'read' | 'edit',
  warn: (m: string) => void,
): RunLineOutcome {
  if (result.ok) return 'written';
  const detail =
    result.kind === 'network'
      ? result.detail
      : result.status === 429
        ? `rate limited for ${Math.ceil((result.retryAfterMs ?? 0) / 1000)} s: skipped (the summary writes the final state)`
        : result.status === 404
          ? 'HTTP 404: the message was deleted (the summary posts the final result as a new message)'
          : `HTTP ${result.status}: ${result.detail}`;
  warn(`Could not ${what} the run's Discord message for this leg's line: ${detail}`);
  return 'failed';
}
