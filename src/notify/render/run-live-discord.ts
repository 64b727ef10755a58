// The reusable workflow's live run message: posted by the plan with every leg pending, edited by each leg as it
// finishes (its own line), replaced by summarize's final RunReport message.
//
// Legs finish concurrently and each edit is a read-modify-write of the whole message, so the message carries
// its own state: a compact code in the footer with one status per leg index (`state 10.Ab3`). The visible lines
// are a view of it, folded into counts when they do not fit; the code never folds. A leg checks that its slot in
// the code holds its status to know its edit survived another leg's, which a folded line could not tell it.
// Pure: no I/O.
import type { DiscordOptions, RenderedMessage } from '../types.js';
import { code } from './discord-common.js';
import { DISCORD_LIMITS, formatDuration, truncate } from './limits.js';
import { escapeMarkdown } from './run-discord.js';

export type LegStatus = 'pending' | 'success' | 'failure' | 'cancelled';
/** GitHub's limit of jobs per matrix: the most legs one run message tracks. */
export const MAX_LIVE_LEGS = 256;

/** One leg's visible line, keyed by the leg's name. */
export interface LiveLine {
  key: string;
  status: LegStatus;
  text: string;
}

export interface LiveRun {
  /** The status of every leg, by its matrix index. */
  states: LegStatus[];
  /** The visible lines, in the order they were first written. Legs whose line was folded have none. */
  lines: LiveLine[];
  /** The run's page. */
  url: string | null;
  /** The footer's own text (repository, run), without the state code. */
  footer: string;
}

const ICON: Record<LegStatus, string> = { failure: '❌', cancelled: '⏹', success: '✅', pending: '⏳' };
const LABEL: Record<LegStatus, string> = {
  failure: 'failed',
  cancelled: 'cancelled',
  success: 'done',
  pending: 'to go',
};
/** Failures first: what needs attention is never folded to make room for a success. */
const GROUP_ORDER: readonly LegStatus[] = ['failure', 'cancelled', 'success', 'pending'];
const STATUS_CODE: readonly LegStatus[] = ['pending', 'success', 'failure', 'cancelled'];
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const STATE_MARK = ' · state ';
const STATE_RE = /(?:^| · )state (\d{1,3})\.([A-Za-z0-9_-]*)$/;
/** A leg's line: its icon, then its name in a code span (linked or not). Nothing else starts that way. */
const LINE_RE = /^(❌|⏹|✅|⏳) \[?`([A-Za-z0-9._-]{1,60})`/u;
const LINE_MAX = 320;
const FOOTER_MAX = 200;
const COLOR = { building: 0xf1c40f, failing: 0xe67e22 } as const;

/**
 * A leg name as a line key: the plan's names (`pytorch-2.8`, `chunk-2-of-3`) as they are; anything else made
 * safe for a code span and the parser (no backticks, markdown or mentions can come through).
 */
export function legKey(name: string): string {
  const key = name
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 60);
  return key === '' ? 'leg' : key;
}

/** A link target safe inside `[text](url)`: http(s) only, no parenthesis or space to end the link early. */
function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
    return u.href.replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/\s/g, '%20');
  } catch {
    return null;
  }
}

function keyLabel(key: string, url: string | null | undefined): string {
  const link = safeUrl(url);
  // A link too long for the line would be cut open by the line's limit: the name alone then.
  return link && link.length <= 120 ? `[\`${key}\`](${link})` : `\`${key}\``;
}

/** A planned leg, as the plan's matrix has it. */
export interface PlannedLeg {
  leg: string;
  packages: string;
  index: number;
  /** The job's name (`jp6-orin · torchvision`); shown for a leg of a grid. */
  title?: string;
  /** The leg's platform; '' (or absent) in the one-platform form. */
  platform?: string;
}

/** What a grid leg's line names after its key: its title (`jp6-orin · torchvision`); nothing otherwise. */
function gridTitle(leg: { title?: string | null; platform?: string | null }): string | null {
  const title = leg.title?.trim() ?? '';
  return leg.platform && title !== '' ? title : null;
}

export function pendingLine(leg: PlannedLeg): LiveLine {
  const key = legKey(leg.leg);
  const packages = leg.packages.trim();
  const title = gridTitle(leg);
  const what =
    title !== null
      ? ' ' + escapeMarkdown(truncate(title, 120))
      : packages !== '' && packages !== leg.leg
        ? ' ' + escapeMarkdown(truncate(packages, 80))
        : '';
  return { key, status: 'pending', text: truncate(`${ICON.pending} \`${key}\`${what}`, LINE_MAX) };
}

/** What a finished leg says about itself. */
export interface LegResult {
  leg: string;
  status: Exclude<LegStatus, 'pending'>;
  /** The leg's job page (or the run's). */
  url: string | null;
  durationSeconds: number | null;
  /** Packages built of those in the leg, when it built several. */
  built?: { done: number; of: number } | null;
  /** On failure: where (`build 3/9`) and the error's own words. */
  where?: string | null;
  cause?: string | null;
  /** A grid leg's job name (`jp6-orin · torchvision`), shown after its key; with `platform` only. */
  title?: string | null;
  platform?: string | null;
}

export function legLine(result: LegResult): LiveLine {
  const key = legKey(result.leg);
  const title = gridTitle(result);
  const named = title !== null ? ` ${escapeMarkdown(truncate(title, 120))}` : '';
  const parts = [`${ICON[result.status]} ${keyLabel(key, result.url)}${named}`];
  if (result.built && result.built.of > 1) parts.push(`${result.built.done}/${result.built.of} built`);
  if (result.durationSeconds !== null) parts.push(formatDuration(result.durationSeconds));
  let text = parts.join(' · ');
  if (result.status === 'failure') {
    // A code span shows its text as it is: no markdown escape inside (it would show as a backslash).
    const where = result.where ? code(result.where, 120) : '';
    const cause = result.cause ? escapeMarkdown(truncate(result.cause, 160)) : '';
    const detail = [where, cause].filter((x) => x !== '').join(' ');
    if (detail) text += ` — ${detail}`;
  } else if (result.status === 'cancelled') {
    text += ' — cancelled';
  }
  return { key, status: result.status, text: truncate(text, LINE_MAX) };
}

/** The run message as the plan posts it: every leg pending. */
export function planLiveRun(legs: readonly PlannedLeg[], url: string | null, footer: string): LiveRun {
  if (legs.length === 0 || legs.length > MAX_LIVE_LEGS) {
    throw new Error(`a live run message tracks 1 to ${MAX_LIVE_LEGS} legs, not ${legs.length}`);
  }
  const ordered = [...legs].sort((a, b) => a.index - b.index);
  return {
    states: ordered.map(() => 'pending'),
    lines: ordered.map(pendingLine),
    url: safeUrl(url),
    footer: truncate(footer.replace(/[\r\n]+/g, ' '), FOOTER_MAX),
  };
}

/**
 * The run with one leg's result written in: its slot in the state set, its line replaced (or added).
 * Every other leg's state and line is kept as it was. Null when the index is not one of the run's legs.
 */
export function mergeLegLine(run: LiveRun, index: number, line: LiveLine): LiveRun | null {
  if (!Number.isInteger(index) || index < 0 || index >= run.states.length) return null;
  const states = [...run.states];
  states[index] = line.status;
  const at = run.lines.findIndex((l) => l.key === line.key);
  const lines = at >= 0 ? run.lines.map((l, i) => (i === at ? line : l)) : [...run.lines, line];
  return { ...run, states, lines };
}

/** Whether the message holds this leg's result: its slot has the status, and no stale line of it is shown. */
export function hasLegLine(run: LiveRun, index: number, line: LiveLine): boolean {
  if (run.states[index] !== line.status) return false;
  const shown = run.lines.find((l) => l.key === line.key);
  return shown === undefined || shown.status === line.status;
}

export function countStates(states: readonly LegStatus[]): Record<LegStatus, number> {
  const counts: Record<LegStatus, number> = { pending: 0, success: 0, failure: 0, cancelled: 0 };
  for (const s of states) counts[s] += 1;
  return counts;
}

/** The state code: one base-4 digit per leg, three to a character. */
export function encodeStates(states: readonly LegStatus[]): string {
  let out = '';
  for (let i = 0; i < states.length; i += 3) {
    let n = 0;
    for (let j = 0; j < 3; j++) n = n * 4 + STATUS_CODE.indexOf(states[i + j] ?? 'pending');
    out += ALPHABET[n];
  }
  return `${states.length}.${out}`;
}

export function decodeStates(total: number, code: string): LegStatus[] | null {
  if (!Number.isInteger(total) || total < 1 || total > MAX_LIVE_LEGS) return null;
  if (code.length !== Math.ceil(total / 3)) return null;
  const states: LegStatus[] = [];
  for (const ch of code) {
    const n = ALPHABET.indexOf(ch);
    if (n < 0) return null;
    for (const shift of [16, 4, 1]) states.push(STATUS_CODE[Math.floor(n / shift) % 4] as LegStatus);
  }
  return states.slice(0, total);
}

/**
 * The visible lines within `budget` characters, in group order. Each group shows what fits, and its other
 * legs as "… and N more <label>" (N from the state, so a leg whose line was folded earlier is still counted).
 * Room is kept for one such line per group, so every group shows at least its count.
 */
export function fitLiveLines(run: LiveRun, budget: number): string[] {
  const counts = countStates(run.states);
  const foldCost = (s: LegStatus): number => `… and 999 more ${LABEL[s]}`.length + 1;
  const groups = GROUP_ORDER.filter((s) => counts[s] > 0);
  const out: string[] = [];
  let used = 0;
  groups.forEach((status, gi) => {
    const reserveLater = groups.slice(gi + 1).reduce((sum, s) => sum + foldCost(s), 0);
    const lines = run.lines.filter((l) => l.status === status).slice(0, counts[status]);
    let shown = 0;
    for (const line of lines) {
      const more = counts[status] - shown - 1 > 0 ? foldCost(status) : 0;
      if (used + line.text.length + 1 + more + reserveLater > budget) break;
      out.push(line.text);
      used += line.text.length + 1;
      shown += 1;
    }
    const hidden = counts[status] - shown;
    if (hidden > 0) {
      const fold =
        shown === 0 ? `${ICON[status]} ${hidden} ${LABEL[status]}` : `… and ${hidden} more ${LABEL[status]}`;
      if (used + fold.length + 1 <= budget) {
        out.push(fold);
        used += fold.length + 1;
      }
    }
  });
  return out;
}

function liveTitle(counts: Record<LegStatus, number>, total: number): string {
  const done = total - counts.pending;
  const legs = total === 1 ? 'leg' : 'legs';
  const tail = done === total ? ', summarizing' : '';
  return truncate(`⏳ Jetson build: ${done}/${total} ${legs} done${tail}`, DISCORD_LIMITS.title);
}

function countsLine(counts: Record<LegStatus, number>): string {
  return GROUP_ORDER.filter((s) => counts[s] > 0)
    .map((s) => `${ICON[s]} ${counts[s]} ${LABEL[s]}`)
    .join(' · ');
}

export type LiveBodyKind = 'create' | 'edit';
type PostingOptions = Pick<DiscordOptions, 'username' | 'avatarUrl' | 'threadId' | 'threadName'>;

/**
 * The message for `run`. `create` (the plan's post) may carry the webhook's username, avatar and a forum
 * thread's name; an edit carries only what Discord's edit endpoint accepts.
 */
export function renderLiveRun(run: LiveRun, kind: LiveBodyKind, opts?: PostingOptions): RenderedMessage {
  const counts = countStates(run.states);
  const title = liveTitle(counts, run.states.length);
  const footer = `${run.footer}${run.footer ? STATE_MARK : 'state '}${encodeStates(run.states)}`;
  const head = [run.url ? `[Open the run](${run.url})` : '', countsLine(counts)].filter((x) => x !== '');
  const headText = head.join('\n') + '\n\n';
  const budget =
    Math.min(DISCORD_LIMITS.description, DISCORD_LIMITS.embedTotal - title.length - footer.length) -
    headText.length;
  const description = headText + fitLiveLines(run, budget).join('\n');
  const embed: Record<string, unknown> = {
    title,
    description: truncate(description, DISCORD_LIMITS.description),
    color: counts.failure > 0 ? COLOR.failing : COLOR.building,
    footer: { text: footer },
  };
  if (run.url) embed['url'] = run.url;
  const body: Record<string, unknown> = { embeds: [embed], allowed_mentions: { parse: [] } };
  if (kind === 'create' && opts) {
    if (opts.username) body['username'] = truncate(opts.username, DISCORD_LIMITS.usernameMax);
    if (opts.avatarUrl) body['avatar_url'] = opts.avatarUrl;
    if (opts.threadName && !opts.threadId)
      body['thread_name'] = truncate(opts.threadName, DISCORD_LIMITS.threadName);
  }
  if (kind === 'edit') body['content'] = '';
  return { body, files: [] };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The run a message holds (Discord's GET answer), or null when it is not a live run message: one that
 * summarize has already replaced with the final result, or any other message.
 */
export function parseLiveRun(message: unknown): LiveRun | null {
  const embed = isRecord(message) && Array.isArray(message['embeds']) ? message['embeds'][0] : undefined;
  if (!isRecord(embed)) return null;
  const footerText = isRecord(embed['footer']) ? embed['footer']['text'] : undefined;
  if (typeof footerText !== 'string') return null;
  const mark = STATE_RE.exec(footerText);
  if (!mark) return null;
  const states = decodeStates(Number(mark[1]), mark[2] as string);
  if (!states) return null;
  const description = typeof embed['description'] === 'string' ? embed['description'] : '';
  const lines: LiveLine[] = [];
  for (const text of description.split('\n')) {
    const m = LINE_RE.exec(text);
    if (!m) continue;
    const status = GROUP_ORDER.find((s) => ICON[s] === m[1]) as LegStatus;
    const key = m[2] as string;
    if (!lines.some((l) => l.key === key)) lines.push({ key, status, text: truncate(text, LINE_MAX) });
  }
  return {
    states,
    lines,
    url: typeof embed['url'] === 'string' ? safeUrl(embed['url']) : null,
    footer: footerText.slice(0, mark.index),
  };
}
