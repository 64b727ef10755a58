// What both single-build Discord layouts share: the body types, inert-text helpers, Discord's limits (check and
// final clamp), the mentions a failure may carry, and the finishing of a body (username, thread, attachment,
// the mass-mention guard). Mentions are added last, after every guard, so that only the configured ids can
// ever ping and nothing taken from the report can.
import type {
  BuildReport,
  BuildStatus,
  FailurePoint,
  PackageResult,
  PackageStatus,
} from '../../report/build-report.js';
import type { DiscordOptions, NotifyContext, OutgoingFile } from '../types.js';
import {
  DISCORD_LIMITS,
  escapeFence,
  hasMassMention,
  MENTION_LINE_MAX,
  neutraliseMentions,
  printableText,
  truncate,
  truncateMarkdown,
} from './limits.js';

export interface DiscordField {
  name: string;
  value: string;
  inline?: boolean;
}

export interface DiscordEmbed {
  title?: string;
  description?: string;
  url?: string;
  color?: number;
  timestamp?: string;
  fields?: DiscordField[];
  footer?: { text: string; icon_url?: string };
  author?: { name: string; url?: string; icon_url?: string };
}

export interface DiscordAttachment {
  /** A snowflake string: the index of the file part (`files[0]` is `"0"`). */
  id: string;
  filename: string;
  description?: string;
}

export interface DiscordAllowedMentions {
  parse: string[];
  users?: string[];
  roles?: string[];
}

export interface DiscordBody {
  content?: string;
  username?: string;
  avatar_url?: string;
  thread_name?: string;
  embeds?: DiscordEmbed[];
  allowed_mentions: DiscordAllowedMentions;
  attachments?: DiscordAttachment[];
}

export type DiscordRenderOptions = DiscordOptions & {
  attachment?: OutgoingFile | null;
  /** The target's `message-template`: when set, its rendered line is the message's `content`. */
  messageTemplate?: string | null;
};

export const COLOR_SUCCESS = 65280;
export const COLOR_FAILURE = 16711680;
/** Discord's own grey: a cancelled build is neither green nor red. */
export const COLOR_CANCELLED = 9807270;

export const STATUS_COLOR: Record<BuildStatus, number> = {
  success: COLOR_SUCCESS,
  failure: COLOR_FAILURE,
  cancelled: COLOR_CANCELLED,
};

export const PACKAGE_EMOJI: Record<PackageStatus, string> = {
  success: '✅',
  failure: '❌',
  cancelled: '⏹',
  'not-built': '⏭',
};

// ---- text helpers ----

/** One line of printable text (see printableText): line breaks, NEL and U+2028/9 included, become a space. */
export function oneLine(s: string): string {
  return printableText(s)
    .replace(/\s*[\r\n\u0085\u2028\u2029]+\s*/g, ' ')
    .trim();
}

/** Plain text made inert for Discord markdown (no formatting, links, mentions or fences). */
export function md(s: string, max: number): string {
  const cut = truncate(oneLine(s), max);
  return cut.replace(/[\\`*_~|[\]<>]/g, '\\$&').replace(/^([#>+-])/, '\\$1');
}

/** Inline code; backticks become a look-alike so the span can never be closed early. */
export function code(s: string, max: number): string {
  const cut = truncate(oneLine(s).replace(/`/g, 'ˋ'), max);
  return cut === '' ? '—' : '`' + cut + '`';
}

/** `url` when it is an absolute http(s) URL Discord accepts and markdown cannot be broken out of; else null. */
export function safeUrl(url: string | null | undefined, max = 2048): string | null {
  if (!url || url.length > max || !/^https?:\/\/[^\s<>()[\]`]+$/i.test(url)) return null;
  return URL.canParse(url) ? url : null;
}

/** A masked link in angle brackets (no unfurl in content); null when the URL is unusable. */
export function link(label: string, url: string | null, max = 600): string | null {
  if (!url || !/^https?:\/\//i.test(url) || url.length > max || /[\s<>]/.test(url)) return null;
  // The angle brackets keep Discord from unfurling the link into an extra embed.
  return `[${label}](<${url}>)`;
}

/** Applies `f` to every string in a JSON-like value. */
export function mapStrings<T>(value: T, f: (s: string) => string): T {
  if (typeof value === 'string') return f(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => mapStrings(v, f)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = mapStrings(v, f);
    return out as T;
  }
  return value;
}

export function environmentPairs(report: BuildReport): [string, string][] {
  const { source: _source, ...vars } = report.environment;
  return Object.entries(vars).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '');
}

/** The report's packages as a message lists them: failed first, then cancelled, then the rest, each in order. */
export function failuresFirst(packages: readonly PackageResult[]): PackageResult[] {
  const rank = (p: PackageResult): number => (p.status === 'failure' ? 0 : p.status === 'cancelled' ? 1 : 2);
  return packages
    .map((p, i) => ({ p, i }))
    .sort((a, b) => rank(a.p) - rank(b.p) || a.i - b.i)
    .map((x) => x.p);
}

/** `python (3/4, build)`, or just the phase when no stage ran. */
export function wherePhrase(f: FailurePoint): string {
  if (f.stage === null) return f.phase;
  const pos = f.stageIndex !== null && f.stageCount !== null ? `${f.stageIndex}/${f.stageCount}, ` : '';
  return `${f.stage} (${pos}${f.phase})`;
}

// ---- limits ----

/** The characters Discord counts toward an embed's 6000 total. */
export function discordTextLength(embed: DiscordEmbed): number {
  let n = (embed.title ?? '').length + (embed.description ?? '').length;
  for (const f of embed.fields ?? []) n += f.name.length + f.value.length;
  n += (embed.footer?.text ?? '').length + (embed.author?.name ?? '').length;
  return n;
}

/** Every way `body` breaks a Discord execute-webhook limit, as readable sentences; empty when it fits. */
export function checkDiscordLimits(body: unknown): string[] {
  const L = DISCORD_LIMITS;
  const v: string[] = [];
  if (body === null || typeof body !== 'object') return ['body is not an object'];
  const b = body as DiscordBody;
  const over = (what: string, s: unknown, max: number, min = 0): void => {
    if (s === undefined) return;
    if (typeof s !== 'string') v.push(`${what} is not a string`);
    else if (s.length > max) v.push(`${what} has ${s.length} characters (max ${max})`);
    else if (s.length < min) v.push(`${what} has ${s.length} characters (min ${min})`);
  };
  over('content', b.content, L.content);
  over('username', b.username, L.usernameMax, L.usernameMin);
  over('thread_name', b.thread_name, L.threadName, 1);
  const embeds = b.embeds ?? [];
  if (embeds.length > L.embeds) v.push(`${embeds.length} embeds (max ${L.embeds})`);
  if (!b.content && embeds.length === 0 && !(b.attachments ?? []).length) v.push('message is empty');
  let total = 0;
  embeds.forEach((e, i) => {
    const at = `embeds[${i}]`;
    over(`${at}.title`, e.title, L.title);
    over(`${at}.description`, e.description, L.description);
    over(`${at}.footer.text`, e.footer?.text, L.footer);
    over(`${at}.author.name`, e.author?.name, L.authorName);
    const fields = e.fields ?? [];
    if (fields.length > L.fields) v.push(`${at} has ${fields.length} fields (max ${L.fields})`);
    fields.forEach((f, j) => {
      over(`${at}.fields[${j}].name`, f.name, L.fieldName, 1);
      over(`${at}.fields[${j}].value`, f.value, L.fieldValue, 1);
    });
    total += discordTextLength(e);
  });
  if (total > L.embedTotal) v.push(`embed text totals ${total} characters (max ${L.embedTotal})`);
  const attachments = b.attachments ?? [];
  if (attachments.length > L.attachments) v.push(`${attachments.length} attachments (max ${L.attachments})`);
  attachments.forEach((a, i) =>
    over(`attachments[${i}].description`, a.description, L.attachmentDescription),
  );
  if (!b.allowed_mentions || !Array.isArray(b.allowed_mentions.parse))
    v.push('allowed_mentions.parse is missing');
  return v;
}

/** The final guard: clamps every limited text, whatever the builders produced. */
function clamp(body: DiscordBody): DiscordBody {
  const L = DISCORD_LIMITS;
  if (body.content !== undefined) body.content = truncateMarkdown(body.content, L.content);
  for (const e of body.embeds ?? []) {
    if (e.title !== undefined) e.title = truncate(e.title, L.title);
    if (e.footer) e.footer.text = truncate(e.footer.text, L.footer);
    if (e.author) e.author.name = truncate(e.author.name, L.authorName);
    if (e.fields) {
      e.fields = e.fields.slice(0, L.fields).map((f) => ({
        ...f,
        name: truncate(f.name, L.fieldName) || '—',
        value: truncateMarkdown(f.value, L.fieldValue) || '—',
      }));
    }
    if (e.description !== undefined) e.description = truncateMarkdown(e.description, L.description);
    const overflow = discordTextLength(e) - L.embedTotal;
    if (overflow > 0 && e.description) {
      e.description = truncateMarkdown(e.description, Math.max(0, e.description.length - overflow));
      if (!e.description) delete e.description;
    }
    while (discordTextLength(e) > L.embedTotal && e.fields && e.fields.length > 0) e.fields.pop();
  }
  return body;
}

// ---- mentions ----

export interface Mentions {
  users: string[];
  roles: string[];
}

const SNOWFLAKE = /^[1-9]\d{0,19}$/;

/**
 * The ids to ping for this message: `discord-mention-on-failure` on a failure (a `broken` build is one), never
 * for a start announcement; null when nobody is to be pinged.
 */
export function mentionsFor(
  status: BuildStatus,
  opts: Pick<DiscordOptions, 'mentionOnFailure'>,
  ctx: NotifyContext | undefined,
): Mentions | null {
  if (ctx?.event === 'started') return null;
  if (status !== 'failure' && ctx?.change !== 'broken') return null;
  const pick = (ids: readonly string[] | undefined): string[] =>
    [...new Set(ids ?? [])].filter((id) => SNOWFLAKE.test(id));
  const users = pick(opts.mentionOnFailure?.users);
  const roles = pick(opts.mentionOnFailure?.roles);
  return users.length + roles.length > 0 ? { users, roles } : null;
}

/**
 * Puts the mention line first in `content` and lists exactly its ids in `allowed_mentions` (empty lists are
 * left out). Ids that would not fit the line are neither shown nor allowed.
 */
export function applyMentions<B extends { content?: string; allowed_mentions: DiscordAllowedMentions }>(
  body: B,
  mentions: Mentions | null,
): B {
  if (!mentions) return body;
  const tokens = [
    ...mentions.users.map((id) => ({ kind: 'users' as const, id, text: `<@${id}>` })),
    ...mentions.roles.map((id) => ({ kind: 'roles' as const, id, text: `<@&${id}>` })),
  ];
  const shown: typeof tokens = [];
  let length = 0;
  for (const t of tokens) {
    const cost = t.text.length + (shown.length ? 1 : 0);
    if (length + cost > MENTION_LINE_MAX) break;
    shown.push(t);
    length += cost;
  }
  const line = shown.map((t) => t.text).join(' ');
  const rest = body.content ? truncateMarkdown(body.content, DISCORD_LIMITS.content - line.length - 1) : '';
  body.content = rest ? `${line}\n${rest}` : line;
  const allowed: DiscordAllowedMentions = { parse: [] };
  const users = shown.filter((t) => t.kind === 'users').map((t) => t.id);
  const roles = shown.filter((t) => t.kind === 'roles').map((t) => t.id);
  if (users.length) allowed.users = users;
  if (roles.length) allowed.roles = roles;
  body.allowed_mentions = allowed;
  return body;
}

// ---- finishing ----

/**
 * Adds what every single-build body carries besides its text (username, avatar, forum thread name, the
 * declared attachment), defuses any mass mention the assembled text still shows, clamps every limit, and only
 * then adds the configured mentions.
 */
export function finishBody(
  body: DiscordBody,
  report: BuildReport,
  opts: DiscordRenderOptions,
  ctx: NotifyContext | undefined,
): DiscordBody {
  const attachment = opts.attachment ?? null;
  const username = opts.username ? truncate(opts.username.trim(), DISCORD_LIMITS.usernameMax) : '';
  if (username) body.username = username;
  if (opts.avatarUrl) body.avatar_url = opts.avatarUrl;
  const threadName = opts.threadName
    ? truncate(neutraliseMentions(oneLine(opts.threadName)), DISCORD_LIMITS.threadName)
    : '';
  if (threadName) body.thread_name = threadName;
  if (attachment) {
    const where = report.failure?.stage ? ` of stage ${escapeFence(oneLine(report.failure.stage))}` : '';
    body.attachments = [
      {
        id: '0',
        filename: attachment.name,
        description: truncate(`Build log${where} (${report.status})`, DISCORD_LIMITS.attachmentDescription),
      },
    ];
  }
  // Defence in depth: whatever assembled text still looks like a mass mention is defused, then re-clamped.
  const final = hasMassMention(JSON.stringify(body)) ? mapStrings(body, neutraliseMentions) : body;
  return applyMentions(clamp(final), mentionsFor(report.status, opts, ctx));
}
