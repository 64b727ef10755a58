// The Discord execute-webhook body for a BuildReport. `discord-style: compact` (the default) is read in five
// seconds, like the fleet message: a headline that says what broke and where, the links, the cause in the
// error's own words once, the excerpt on failure, one line per package (failures first) and the environment
// in the footer. Nothing runner-local (log folder, stage log paths) is shown: it means nothing off the runner,
// and the job summary keeps it. `discord-style: upstream` keeps the upstream-compatible layout
// (discord-upstream.ts). Every Discord limit holds for any report, and only `discord-mention-on-failure` ids
// can ping.
import type { BuildReport, FailurePoint, PackageResult } from '../../report/build-report.js';
import type { ChangeState, NotifyContext, RenderedMessage } from '../types.js';
import { atPhrase as sharedAtPhrase, headline, stopPoint } from './headline.js';
import { factsOf } from '../../report/image-facts.js';
import { sizeFactsText } from '../../report/size-change.js';
import {
  code,
  environmentPairs,
  failuresFirst,
  finishBody,
  mapStrings,
  md,
  mentionsFor,
  oneLine,
  PACKAGE_EMOJI,
  safeUrl,
  STATUS_COLOR,
  type DiscordBody,
  type DiscordEmbed,
  type DiscordRenderOptions,
} from './discord-common.js';
import { renderUpstream, templateLine } from './discord-upstream.js';
import {
  codeBlock,
  DISCORD_LIMITS,
  ELLIPSIS,
  formatDuration,
  neutraliseMentions,
  truncate,
} from './limits.js';

export { DISCORD_LIMITS };
export {
  checkDiscordLimits,
  COLOR_CANCELLED,
  COLOR_FAILURE,
  COLOR_SUCCESS,
  discordTextLength,
  PACKAGE_EMOJI,
  type DiscordAllowedMentions,
  type DiscordAttachment,
  type DiscordBody,
  type DiscordEmbed,
  type DiscordField,
  type DiscordRenderOptions,
} from './discord-common.js';

/** What a person reads at a glance; the package list gets whatever the rest leaves of it. */
const MAX_VISIBLE_LINES = 25;
/** Package lines shown even when the rest of the message is long (the fold line included). */
const MIN_PACKAGE_LINES = 3;
const EXCERPT_LINES = 15;
const EXCERPT_LINE_MAX = 200;
const EXCERPT_MAX = 1600;
const CAUSE_MAX = 300;
const LINK_MAX = 1000;
const NAME_LINK_MAX = 300;

// ---- headline ----

/** Where a failure happened, as a phrase after "failed" (see headline.ts), with Discord's escaping. */
export function atPhrase(f: FailurePoint | null, name: string | null): string {
  return sharedAtPhrase(f, name, md);
}

export { stopPoint };

/** `❌ torchvision failed at build 9/9`, `✅ Fixed: 3 packages built in 1h 12m`. */
export function compactHeadline(report: BuildReport, change: ChangeState = 'unknown'): string {
  return truncate(oneLine(headline(report, change, md)), DISCORD_LIMITS.title);
}

// ---- description ----

function linksLine(report: BuildReport): string {
  const { runUrl, jobUrl } = report.run;
  const logs = report.logs.artifactUrl ?? (report.logs.url !== runUrl ? report.logs.url : null);
  const parts: string[] = [];
  const logsUrl = safeUrl(logs, LINK_MAX);
  if (logsUrl) parts.push(`[Logs](${logsUrl})`);
  else if (report.logs.uploadError) parts.push('Logs not uploaded');
  const run = safeUrl(runUrl, LINK_MAX);
  if (run) parts.push(`[Run](${run})`);
  const job = safeUrl(jobUrl, LINK_MAX);
  if (job && job !== run) parts.push(`[Job](${job})`);
  return parts.join(' · ');
}

/** The cause in the error's own words (else the report's sentence), once. */
function causeOf(report: BuildReport): string {
  const error = report.status !== 'success' ? report.failure?.error : null;
  return oneLine(error || report.message);
}

/** The excerpt's last lines, without the cause itself (it is shown once, above) or blank lines. */
function excerptBlock(report: BuildReport, cause: string, max: number): string {
  if (report.status !== 'failure' || !report.failure) return '';
  const repeats = (line: string): boolean =>
    cause.length >= 20 ? line.includes(cause) : line.trim() === cause;
  const lines = report.failure.excerpt
    .map((l) => l.replace(/\s+$/, ''))
    .filter((l) => l.trim() !== '' && !repeats(l))
    .slice(-EXCERPT_LINES)
    .map((l) => truncate(l, EXCERPT_LINE_MAX));
  return lines.length ? codeBlock(lines, Math.min(EXCERPT_MAX, max)) : '';
}

function packageLine(p: PackageResult, report: BuildReport): string {
  const name = md(p.name, 100);
  const url = p.status === 'failure' ? safeUrl(report.run.jobUrl ?? report.run.runUrl, NAME_LINK_MAX) : null;
  const parts = [`${PACKAGE_EMOJI[p.status]} ${url ? `[${name}](${url})` : `**${name}**`}`];
  if (p.status === 'failure') parts.push(`failed${atPhrase(p.failure, p.name)}`);
  else if (p.status === 'cancelled') parts.push(`cancelled${atPhrase(stopPoint(report, p), p.name)}`);
  else if (p.status === 'not-built') parts.push('not built');
  else if (p.pushedImage ?? p.image) parts.push(code(p.pushedImage ?? p.image ?? '', 140));
  // `Size 8.1 GB · 42 layers` (and with compare-size `· +340 MB (+4.3 %)`): numbers only, nothing to escape.
  const facts = p.status === 'success' ? sizeFactsText(factsOf(p)) : null;
  if (facts) parts.push(facts);
  if (p.durationSeconds !== null && p.status !== 'not-built') parts.push(formatDuration(p.durationSeconds));
  return parts.join(' · ');
}

function moreLine(hidden: PackageResult[]): string {
  const failed = hidden.filter((p) => p.status === 'failure').length;
  return `${ELLIPSIS} and ${hidden.length} more (${failed} failed)`;
}

/** Package lines, failed first, within `maxLines` lines and `budget` characters; the rest folds into a count. */
function packageLines(report: BuildReport, maxLines: number, budget: number): string[] {
  const ordered = failuresFirst(report.packages);
  const lines: string[] = [];
  let used = 0;
  for (let i = 0; i < ordered.length; i++) {
    const line = packageLine(ordered[i]!, report);
    const hidden = ordered.slice(i + 1);
    const reserve = hidden.length ? moreLine(hidden).length + 1 : 0;
    const tooMany = lines.length + 1 + (hidden.length ? 1 : 0) > maxLines;
    if (tooMany || used + line.length + 1 + reserve > budget) {
      const more = moreLine(ordered.slice(i));
      if (used + more.length <= budget) lines.push(more);
      break;
    }
    lines.push(line);
    used += line.length + 1;
  }
  return lines;
}

/** Lines Discord shows for `text` (fence lines counted too: a conservative count). */
function lineCount(text: string): number {
  return text === '' ? 0 : text.split('\n').length;
}

function description(report: BuildReport, fixedLines: number): string {
  const L = DISCORD_LIMITS.description;
  const head: string[] = [];
  const links = linksLine(report);
  if (links) head.push(links);
  const cause = causeOf(report);
  if (cause) head.push(md(cause, CAUSE_MAX));
  const used = (): number => head.join('\n').length;
  const excerpt = excerptBlock(report, cause, L - used() - 400);
  if (excerpt) head.push(excerpt);
  const linesLeft = MAX_VISIBLE_LINES - fixedLines - lineCount(head.join('\n'));
  const pkgs = packageLines(report, Math.max(MIN_PACKAGE_LINES, linesLeft), L - used() - 2);
  return [...head, ...pkgs].join('\n');
}

/** `L4T 36.4.4 · JetPack 6.2.1 · CUDA 12.6 · Python 3.10 · orin-agx-01 · main @ 3f5c0e9`. */
function footerText(report: BuildReport): string {
  const env = Object.fromEntries(environmentPairs(report));
  const label: [string, string][] = [
    ['L4T_VERSION', 'L4T'],
    ['JETPACK_VERSION', 'JetPack'],
    ['CUDA_VERSION', 'CUDA'],
    ['PYTHON_VERSION', 'Python'],
  ];
  const short = (s: string): string => truncate(oneLine(s), 60);
  const parts = label.filter(([k]) => env[k]).map(([k, name]) => `${name} ${short(env[k] ?? '')}`);
  if (report.runner.name) parts.push(short(report.runner.name));
  const ref = report.run.ref ? short(report.run.ref.replace(/^refs\/(heads\/|tags\/)?/, '')) : '';
  const sha = report.run.sha ? report.run.sha.slice(0, 7) : '';
  if (ref || sha) parts.push([ref, sha].filter(Boolean).join(' @ '));
  return parts.join(' · ');
}

function compactEmbed(report: BuildReport, change: ChangeState, fixedLines: number): DiscordEmbed {
  const embed: DiscordEmbed = {
    title: compactHeadline(report, change),
    color: STATUS_COLOR[report.status] ?? STATUS_COLOR.failure,
  };
  const url = safeUrl(report.run.jobUrl) ?? safeUrl(report.run.runUrl);
  if (url) embed.url = url;
  const footer = footerText(report);
  const desc = description(report, fixedLines + (footer ? 1 : 0));
  if (desc) embed.description = desc;
  if (footer) embed.footer = { text: footer };
  const t = Date.parse(report.endTime);
  if (!Number.isNaN(t)) embed.timestamp = new Date(t).toISOString();
  return embed;
}

/** Runner-local log paths rewritten to their place in the logs artifact (`logs/build/…`). */
function withoutLogDir(report: BuildReport): BuildReport {
  const dir = report.logs.dir.replace(/\/+$/, '');
  // A one-segment folder (`/tmp`) would also match the build's own paths: leave those alone.
  if (dir.split('/').filter(Boolean).length < 2) return report;
  return mapStrings(report, (s) => s.replaceAll(`${dir}/`, 'logs/'));
}

function renderCompact(safe: BuildReport, opts: DiscordRenderOptions, ctx?: NotifyContext): RenderedMessage {
  const attachment = opts.attachment ?? null;
  const report = withoutLogDir(safe);
  const mentionLine = mentionsFor(report.status, opts, ctx) ? 1 : 0;
  const body: DiscordBody = {
    embeds: [compactEmbed(report, ctx?.change ?? 'unknown', 1 + mentionLine)],
    allowed_mentions: { parse: [] },
  };
  // The compact layout has no content of its own: the user's line becomes it (mentions still go first).
  const line = templateLine(report, opts, ctx);
  if (line) body.content = line;
  return { body: finishBody(body, report, opts, ctx), files: attachment ? [attachment] : [] };
}

/**
 * Renders the Discord webhook body for a report in the configured style (and the log file to attach, when
 * given). `ctx` says why it is sent: a change against the last run is worded (`Fixed:`, `Broken:`), and a
 * failure carries the configured mentions.
 */
export function renderDiscord(
  report: BuildReport,
  opts: DiscordRenderOptions,
  ctx?: NotifyContext,
): RenderedMessage {
  // Defuse mentions at the source: every text taken from the report is inert from here on.
  const safe = mapStrings(report, neutraliseMentions);
  return opts.style === 'upstream' ? renderUpstream(safe, opts, ctx) : renderCompact(safe, opts, ctx);
}
