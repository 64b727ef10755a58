// The `discord-style: upstream` layout: the message jetson-containers users know (bold status line with
// 📦 ⏰ 💻 🔧 in `content`, one embed with Status / Package Count / Build Command / Environment / Details) plus
// per-package lines, duration, runner, links and the failure excerpt. Kept as it was for those who rely on it;
// the default is the compact layout in discord.ts. Every Discord limit holds for any report: text is cut with
// a visible '…', never inside an open code fence, and failed packages are listed before anything else so a
// cut never hides a failure behind successes.
import type { BuildReport, PackageResult } from '../../report/build-report.js';
import type { NotifyContext, OutgoingFile, RenderedMessage } from '../types.js';
import { factsOf } from '../../report/image-facts.js';
import { sizeFactsText } from '../../report/size-change.js';
import {
  COLOR_CANCELLED,
  COLOR_FAILURE,
  COLOR_SUCCESS,
  code,
  discordTextLength,
  environmentPairs,
  failuresFirst,
  finishBody,
  link,
  md,
  oneLine,
  PACKAGE_EMOJI,
  wherePhrase,
  type DiscordBody,
  type DiscordEmbed,
  type DiscordField,
  type DiscordRenderOptions,
} from './discord-common.js';
import {
  codeBlock,
  DISCORD_LIMITS,
  ELLIPSIS,
  formatDuration,
  isoSeconds,
  truncate,
  truncateMarkdown,
} from './limits.js';
import { buildTemplateView } from '../template-fields.js';
import { renderMessageTemplate } from '../templates.js';

interface Look {
  emoji: string;
  headline: string;
  title: string;
  color: number;
}

const LOOKS: Record<BuildReport['status'], Look> = {
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

// ---- the message ----

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

function packageLine(p: PackageResult): string {
  const parts = [`${PACKAGE_EMOJI[p.status]} **${md(p.name, 100)}**`];
  if (p.pushedImage) parts.push(code(p.pushedImage, 140));
  else if (p.image) parts.push(code(p.image, 140));
  // `Size 8.1 GB · 42 layers` (and with compare-size `· +340 MB (+4.3 %)`): numbers only, nothing to escape.
  const facts = p.status === 'success' ? sizeFactsText(factsOf(p)) : null;
  if (facts) parts.push(facts);
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
  const ordered = failuresFirst(report.packages);
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

/** The upstream headline and title, saying `Fixed:` or `Broken:` when the change against the last run is one. */
function lookFor(report: BuildReport, ctx: NotifyContext | undefined): Look {
  const look = LOOKS[report.status] ?? LOOKS.failure;
  const change =
    ctx?.change === 'fixed' && report.status === 'success'
      ? 'Fixed'
      : ctx?.change === 'broken' && report.status === 'failure'
        ? 'Broken'
        : null;
  if (!change) return look;
  return { ...look, headline: `${change}: ${look.headline}`, title: `${change}: ${look.title}` };
}

/** The target's `message-template` rendered for Discord, or null when it has none (or it renders empty). */
export function templateLine(
  report: BuildReport,
  opts: Pick<DiscordRenderOptions, 'messageTemplate'>,
  ctx: NotifyContext | undefined,
): string | null {
  if (!opts.messageTemplate) return null;
  return renderMessageTemplate(opts.messageTemplate, buildTemplateView(report, ctx), 'discord') || null;
}

/** The upstream-compatible body for a report that is already inert (mentions defused). */
export function renderUpstream(
  safe: BuildReport,
  opts: DiscordRenderOptions,
  ctx?: NotifyContext,
): RenderedMessage {
  const look = lookFor(safe, ctx);
  const attachment = opts.attachment ?? null;
  const body: DiscordBody = {
    // The user's line replaces the upstream content lines.
    content: templateLine(safe, opts, ctx) ?? contentText(safe, look),
    embeds: [embedFor(safe, look, attachment)],
    allowed_mentions: { parse: [] },
  };
  return { body: finishBody(body, safe, opts, ctx), files: attachment ? [attachment] : [] };
}
