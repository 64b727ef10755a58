// The Discord execute-webhook body for a BuildReport: the message jetson-containers users know (bold status
// line with 📦 ⏰ 💻 🔧 in `content`, one embed with Status / Package Count / Build Command / Environment /
// Details) plus per-package lines, duration, runner, links and the failure excerpt. Every Discord limit holds
// for any report: text is cut with a visible '…', never inside an open code fence, and failed packages are
// listed before anything else so a cut never hides a failure behind successes.
import type {
  BuildReport,
  BuildStatus,
  FailurePoint,
  PackageResult,
  PackageStatus,
} from '../../report/build-report.js';
import type { DiscordOptions, OutgoingFile, RenderedMessage } from '../types.js';
import {
  codeBlock,
  DISCORD_LIMITS,
  ELLIPSIS,
  escapeFence,
  formatDuration,
  hasMassMention,
  isoSeconds,
  neutraliseMentions,
  truncate,
  truncateMarkdown,
} from './limits.js';

export { DISCORD_LIMITS };

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
  id: number;
  filename: string;
  description?: string;
}

export interface DiscordBody {
  content?: string;
  username?: string;
  avatar_url?: string;
  thread_name?: string;
  embeds?: DiscordEmbed[];
  allowed_mentions: { parse: string[] };
  attachments?: DiscordAttachment[];
}

export type DiscordRenderOptions = DiscordOptions & { attachment?: OutgoingFile | null };

export const COLOR_SUCCESS = 65280;
export const COLOR_FAILURE = 16711680;
/** Discord's own grey: a cancelled build is neither green nor red. */
export const COLOR_CANCELLED = 9807270;

interface Look {
  emoji: string;
  headline: string;
  title: string;
  color: number;
}

const LOOKS: Record<BuildStatus, Look> = {
  success: {
    emoji: '✅',
    headline: 'Build Successful',
    title: 'Jetson Containers Build Success',
    color: COLOR_SUCCESS,
  },
  failure: {
    emoji: '❌',
    headline: 'Build Failed',
    title: 'Jetson Containers Build Failure',
    color: COLOR_FAILURE,
  },
  cancelled: {
    emoji: '⏹',
    headline: 'Build Cancelled',
    title: 'Jetson Containers Build Cancelled',
    color: COLOR_CANCELLED,
  },
};

export const PACKAGE_EMOJI: Record<PackageStatus, string> = {
  success: '✅',
  failure: '❌',
  cancelled: '⏹',
  'not-built': '⏭',
};

// ---- text helpers ----

function oneLine(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/** Plain text made inert for Discord markdown (no formatting, links, mentions or fences). */
function md(s: string, max: number): string {
  const cut = truncate(oneLine(s), max);
  return cut.replace(/[\\`*_~|[\]<>]/g, '\\$&').replace(/^([#>+-])/, '\\$1');
}

/** Inline code; backticks become a look-alike so the span can never be closed early. */
function code(s: string, max: number): string {
  const cut = truncate(oneLine(s).replace(/`/g, 'ˋ'), max);
  return cut === '' ? '—' : '`' + cut + '`';
}

function link(label: string, url: string | null, max = 600): string | null {
  if (!url || !/^https?:\/\//i.test(url) || url.length > max || /[\s<>]/.test(url)) return null;
  // The angle brackets keep Discord from unfurling the link into an extra embed.
  return `[${label}](<${url}>)`;
}

/** Applies `f` to every string in a JSON-like value. */
function mapStrings<T>(value: T, f: (s: string) => string): T {
  if (typeof value === 'string') return f(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => mapStrings(v, f)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = mapStrings(v, f);
    return out as T;
  }
  return value;
}

function environmentPairs(report: BuildReport): [string, string][] {
  const { source: _source, ...vars } = report.environment;
  return Object.entries(vars).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '');
}

/** `python (3/4, build)`, or just the phase when no stage ran. */
function wherePhrase(f: FailurePoint): string {
  if (f.stage === null) return f.phase;
  const pos = f.stageIndex !== null && f.stageCount !== null ? `${f.stageIndex}/${f.stageCount}, ` : '';
  return `${f.stage} (${pos}${f.phase})`;
}

/** A comma list of at most `max` characters that says how many names it left out. */
function nameList(names: string[], max: number): string {
  if (names.length === 0) return '—';
  let out = '';
  for (let i = 0; i < names.length; i++) {
    const item = md(names[i] ?? '', 120);
    const rest = names.length - i - 1;
    const more = rest > 0 ? `, ${ELLIPSIS} and ${rest} more` : '';
    const next = out === '' ? item : `${out}, ${item}`;
    if (next.length + more.length > max) {
      return `${out || ELLIPSIS} ${ELLIPSIS} and ${names.length - i} more`.trim();
    }
    out = next;
  }
  return out;
}

// ---- the message ----

function packageLine(p: PackageResult): string {
  const parts = [`${PACKAGE_EMOJI[p.status]} **${md(p.name, 100)}**`];
  if (p.pushedImage) parts.push(code(p.pushedImage, 140));
  else if (p.image) parts.push(code(p.image, 140));
  if (p.durationSeconds !== null) parts.push(formatDuration(p.durationSeconds));
  if (p.status === 'not-built') parts.push('not built');
  if (p.failure) {
    const verb = p.status === 'cancelled' ? 'cancelled in' : 'failed at';
    let text = `${verb} ${md(wherePhrase(p.failure), 80)}`;
    if (p.failure.error && p.status === 'failure') text += `: ${md(p.failure.error, 100)}`;
    parts.push(text);
  }
  return truncateMarkdown(parts.join(' · '), 360);
}

/** Package lines, failed first, then the rest in order, within `budget` characters. */
function packageLines(report: BuildReport, budget: number): string {
  const rank = (p: PackageResult): number => (p.status === 'failure' ? 0 : p.status === 'cancelled' ? 1 : 2);
  const ordered = report.packages
    .map((p, i) => ({ p, i }))
    .sort((a, b) => rank(a.p) - rank(b.p) || a.i - b.i)
    .map((x) => x.p);
  const lines: string[] = [];
  let used = 0;
  for (let i = 0; i < ordered.length; i++) {
    const line = packageLine(ordered[i]!);
    const hidden = ordered.slice(i + 1);
    const reserve = hidden.length ? moreLine(hidden).length + 1 : 0;
    if (used + line.length + 1 + reserve > budget) {
      const rest = ordered.slice(i);
      const more = moreLine(rest);
      if (used + more.length <= budget) lines.push(more);
      break;
    }
    lines.push(line);
    used += line.length + 1;
  }
  return lines.join('\n');
}

function moreLine(hidden: PackageResult[]): string {
  const failed = hidden.filter((p) => p.status === 'failure').length;
  return `${ELLIPSIS} and ${hidden.length} more (${failed} failed)`;
}

function contentText(report: BuildReport, look: Look): string {
  const lines = [
    `${look.emoji} **${look.headline}**`,
    `📦 **Packages:** ${nameList(report.requestedPackages, 400)}`,
    `⏰ **Time:** ${isoSeconds(report.endTime)}`,
    `⏱️ **Duration:** ${formatDuration(report.durationSeconds)}`,
    `💻 **Command:** ${code(report.command.display, 400)}`,
  ];
  const env = environmentPairs(report);
  if (env.length) lines.push(`🔧 **Environment:** ${md(env.map(([k, v]) => `${k}=${v}`).join(', '), 300)}`);
  if (report.runner.name) lines.push(`🖥️ **Runner:** ${md(report.runner.name, 100)}`);
  lines.push(`📝 **Details:** ${md(report.message, 400)}`);
  return truncateMarkdown(lines.join('\n'), DISCORD_LIMITS.content);
}

function countText(report: BuildReport): string {
  const n = report.packages.length || report.requestedPackages.length;
  const failed = report.packages.filter((p) => p.status === 'failure').length;
  const notBuilt = report.packages.filter((p) => p.status === 'not-built').length;
  const extra = [failed ? `${failed} failed` : '', notBuilt ? `${notBuilt} not built` : ''].filter(Boolean);
  return extra.length ? `${n} (${extra.join(', ')})` : String(n);
}

function statusText(report: BuildReport, look: Look): string {
  const how = report.signal
    ? `signal ${report.signal}`
    : report.exitCode !== null
      ? `exit ${report.exitCode}`
      : '';
  return how ? `${look.headline} (${md(how, 40)})` : look.headline;
}

function detailsBlock(report: BuildReport, max: number): string {
  const f = report.failure;
  let lines: string[];
  if (report.status === 'success' || !f) lines = [report.message];
  else if (f.excerpt.length) lines = f.excerpt.slice(-60);
  else lines = [f.error ?? report.message];
  return codeBlock(
    lines.map((l) => truncate(l, 300)),
    max,
  );
}

function logsText(report: BuildReport, attachment: OutgoingFile | null): string {
  const links = [link('Workflow run', report.run.runUrl)];
  if (report.logs.artifactUrl && report.logs.artifactUrl !== report.run.runUrl) {
    links.push(link('Logs artifact', report.logs.artifactUrl));
  } else if (report.logs.url && report.logs.url !== report.run.runUrl) {
    links.push(link('Logs', report.logs.url));
  }
  const lines: string[] = [];
  const shown = links.filter((l): l is string => l !== null);
  if (shown.length) lines.push(shown.join(' · '));
  if (attachment) lines.push(`📎 ${code(attachment.name, 100)} attached`);
  if (!report.logs.artifactUrl && report.logs.uploadError) {
    lines.push(`Log upload failed: ${md(report.logs.uploadError, 200)}`);
  }
  lines.push(`Log: ${code(report.logs.consoleLog, 200)}`);
  return lines.join('\n');
}

function footerText(report: BuildReport): string {
  const r = report.run;
  const parts = ['jetson-build-action'];
  if (r.repository) parts.push(r.repository);
  if (r.ref) parts.push(r.ref.replace(/^refs\/(heads|tags)\//, ''));
  if (r.sha) parts.push(r.sha.slice(0, 7));
  if (r.runId) parts.push(`run ${r.runId}${r.runAttempt && r.runAttempt !== '1' ? ` #${r.runAttempt}` : ''}`);
  if (r.workflow) parts.push(r.workflow);
  return truncate(oneLine(parts.join(' · ')), 300);
}

function embedFor(report: BuildReport, look: Look, attachment: OutgoingFile | null): DiscordEmbed {
  const fields: DiscordField[] = [
    { name: 'Status', value: statusText(report, look), inline: true },
    { name: 'Package Count', value: countText(report), inline: true },
    { name: 'Duration', value: formatDuration(report.durationSeconds), inline: true },
  ];
  if (report.runner.name) fields.push({ name: 'Runner', value: md(report.runner.name, 100), inline: true });
  const f = report.failure;
  if (f && report.status !== 'success') {
    let where = `**${md(wherePhrase(f), 200)}**`;
    if (f.error) where += '\n' + codeBlock([truncate(oneLine(f.error), 400)], 460);
    if (f.logFile) where += `\nStage log: ${code(f.logFile, 200)}`;
    fields.push({ name: report.status === 'cancelled' ? 'Cancelled At' : 'Failed At', value: where });
  }
  fields.push({
    name: 'Build Command',
    value: codeBlock([truncate(oneLine(report.command.display), 560)], 600, 'bash'),
  });
  const env = environmentPairs(report);
  fields.push({
    name: 'Environment',
    value: env.length
      ? truncateMarkdown(env.map(([k, v]) => `${k}: ${md(v, 60)}`).join('\n'), 400)
      : 'not detected',
    inline: true,
  });
  fields.push({ name: 'Details', value: detailsBlock(report, DISCORD_LIMITS.fieldValue) });
  fields.push({
    name: 'Logs',
    value: truncateMarkdown(logsText(report, attachment), DISCORD_LIMITS.fieldValue),
  });

  const embed: DiscordEmbed = { title: look.title, color: look.color };
  const runLink = report.run.runUrl;
  if (runLink && /^https?:\/\//i.test(runLink) && runLink.length <= 2000) embed.url = runLink;
  const t = Date.parse(report.endTime);
  if (!Number.isNaN(t)) embed.timestamp = new Date(t).toISOString();
  embed.fields = fields;
  embed.footer = { text: footerText(report) };

  // The description takes what the 6000-character total leaves, up to its own limit.
  const left = DISCORD_LIMITS.embedTotal - discordTextLength(embed) - 50;
  const budget = Math.min(DISCORD_LIMITS.description, Math.max(0, left));
  const head = md(report.message, Math.min(400, Math.max(0, budget - 2)));
  const pkgs = packageLines(report, budget - head.length - 2);
  const description = pkgs ? `${head}\n\n${pkgs}` : head;
  if (description) embed.description = truncateMarkdown(description, budget);
  return embed;
}

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

/** The final guard: clamps every limited text, whatever the builders above produced. */
function clamp(body: DiscordBody): DiscordBody {
  const L = DISCORD_LIMITS;
  if (body.content !== undefined) body.content = truncateMarkdown(body.content, L.content);
  for (const e of body.embeds ?? []) {
    if (e.title !== undefined) e.title = truncate(e.title, L.title);
    if (e.footer) e.footer.text = truncate(e.footer.text, L.footer);
    if (e.author) e.author.name = truncate(e.author.name, L.authorName);
    e.fields = (e.fields ?? []).slice(0, L.fields).map((f) => ({
      ...f,
      name: truncate(f.name, L.fieldName) || '—',
      value: truncateMarkdown(f.value, L.fieldValue) || '—',
    }));
    if (e.description !== undefined) e.description = truncateMarkdown(e.description, L.description);
    const overflow = discordTextLength(e) - L.embedTotal;
    if (overflow > 0 && e.description) {
      e.description = truncateMarkdown(e.description, Math.max(0, e.description.length - overflow));
      if (!e.description) delete e.description;
    }
    while (discordTextLength(e) > L.embedTotal && e.fields.length > 0) e.fields.pop();
  }
  return body;
}

/** Renders the Discord webhook body for a report (and the log file to attach, when given). */
export function renderDiscord(report: BuildReport, opts: DiscordRenderOptions): RenderedMessage {
  // Defuse mentions at the source: every text taken from the report is inert from here on.
  const safe = mapStrings(report, neutraliseMentions);
  const look = LOOKS[safe.status] ?? LOOKS.failure;
  const attachment = opts.attachment ?? null;
  const body: DiscordBody = {
    content: contentText(safe, look),
    embeds: [embedFor(safe, look, attachment)],
    allowed_mentions: { parse: [] },
  };
  const username = opts.username ? truncate(opts.username.trim(), DISCORD_LIMITS.usernameMax) : '';
  if (username) body.username = username;
  if (opts.avatarUrl) body.avatar_url = opts.avatarUrl;
  const threadName = opts.threadName
    ? truncate(neutraliseMentions(oneLine(opts.threadName)), DISCORD_LIMITS.threadName)
    : '';
  if (threadName) body.thread_name = threadName;
  if (attachment) {
    const where = safe.failure?.stage ? ` of stage ${escapeFence(oneLine(safe.failure.stage))}` : '';
    body.attachments = [
      {
        id: 0,
        filename: attachment.name,
        description: truncate(`Build log${where} (${safe.status})`, DISCORD_LIMITS.attachmentDescription),
      },
    ];
  }
  // Defence in depth: whatever assembled text still looks like a mass mention is defused, then re-clamped.
  const final = hasMassMention(JSON.stringify(body)) ? mapStrings(body, neutraliseMentions) : body;
  return { body: clamp(final), files: attachment ? [attachment] : [] };
}
