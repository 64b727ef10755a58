// The Slack incoming-webhook body for a BuildReport, read in five seconds like the compact Discord message:
// the text line on top (the notification), then one attachment (its colour bar is the status) holding the
// blocks: a header that says what broke and where, the facts as fields, the cause in its own words once, the
// excerpt on failure, one line per package (failures first, folded), and the links. Nothing runner-local is
// shown. Every value from the report is inert (slack-limits.ts) and every Slack limit holds for any report.
import type { ContextBlock, HeaderBlock, KnownBlock, SectionBlock } from '@slack/types';
import type { BuildReport, BuildStatus, PackageResult } from '../../report/build-report.js';
import type { NotifyContext, RenderedMessage } from '../types.js';
import { factsOf } from '../../report/image-facts.js';
import { sizeFactsText } from '../../report/size-change.js';
import type { BuildStart } from './generic.js';
import { buildTemplateView } from '../template-fields.js';
import { renderMessageTemplate } from '../templates.js';
import { atPhrase, compactHeadline, stopPoint } from './discord.js';
import { environmentPairs, failuresFirst, mapStrings, PACKAGE_EMOJI } from './discord-common.js';
import { codeBlock, ELLIPSIS, formatDuration, neutraliseMentions, truncate } from './limits.js';
import {
  clampSlack,
  codeLines,
  fitLines,
  inert,
  inlineCode,
  mrkdwn,
  oneLine,
  plain,
  plainText,
  SLACK_COLOR,
  SLACK_LIMITS,
  slackLink,
  wellFormed,
  templateLine,
  type SlackBody,
  type SlackRenderOptions,
} from './slack-limits.js';

export {
  checkSlackLimits,
  SLACK_COLOR,
  SLACK_LIMITS,
  type SlackBody,
  type SlackRenderOptions,
} from './slack-limits.js';

/** Package lines shown at most (the fold line included). */
const MAX_PACKAGE_LINES = 15;
const EXCERPT_LINES = 15;
const EXCERPT_LINE_MAX = 200;
const EXCERPT_MAX = 2000;
const CAUSE_MAX = 500;
const FIELD_MAX = 600;
const LINK_MAX = 1000;

const STATUS_WORD: Record<BuildStatus, string> = {
  success: '✅ Succeeded',
  failure: '❌ Failed',
  cancelled: '⏹ Cancelled',
};

/** Discord-escaped text (backslash before each mark) back to what it says: md() only ever adds `\`. */
function unescapeDiscord(s: string): string {
  return s.replace(/\\(.)/gsu, '$1');
}

/** What a `test-notification` sample says first, in the text line (the notification a phone shows). */
export const SLACK_TEST_MARKER = '🧪 Test notification from jetson-build-action — not a real build';

/**
 * `❌ torchvision failed at build 9/9`, `✅ Fixed: 3 packages built in 1h 12m` (the compact Discord title);
 * a test sample's starts with `🧪 Test: `.
 */
export function slackHeadline(report: BuildReport, ctx?: NotifyContext): string {
  const headline = unescapeDiscord(compactHeadline(report, ctx?.change ?? 'unknown'));
  return plain(ctx?.event === 'test' ? `🧪 Test: ${headline}` : headline, SLACK_LIMITS.headerText);
}

/** A test sample's text line opens with the marker, whatever else it says. */
function markTest(text: string, ctx?: NotifyContext): string {
  return ctx?.event === 'test' ? templateLine(`${SLACK_TEST_MARKER} · ${text}`) : text;
}

/** The built-in text line: the headline and where it ran (the notification a phone shows). */
function textLine(report: BuildReport, ctx?: NotifyContext): string {
  const headline = unescapeDiscord(compactHeadline(report, ctx?.change ?? 'unknown'));
  const where = [report.run.repository, report.run.workflow].filter((s): s is string => !!s).join(' · ');
  return inert(where ? `${headline} · ${where}` : headline, 300);
}

function refLine(report: BuildReport): string {
  const { ref, sha, serverUrl, repository } = report.run;
  const name = ref ? inert(ref.replace(/^refs\/(heads\/|tags\/)?/, ''), 100) : '';
  const short = sha ? sha.slice(0, 7) : '';
  const commit =
    sha && repository && /^[0-9a-f]{7,64}$/i.test(sha)
      ? slackLink(`${serverUrl}/${repository}/commit/${sha}`, inlineCode(short, 20))
      : null;
  const at = commit ?? (short ? inlineCode(short, 20) : '');
  return [name, at].filter(Boolean).join(' @ ');
}

/** `L4T 36.4.4 · JetPack 6.2.1 · CUDA 12.6 · Python 3.10`. */
function environmentLine(report: BuildReport): string {
  const env = Object.fromEntries(environmentPairs(report));
  const label: [string, string][] = [
    ['L4T_VERSION', 'L4T'],
    ['JETPACK_VERSION', 'JetPack'],
    ['CUDA_VERSION', 'CUDA'],
    ['PYTHON_VERSION', 'Python'],
  ];
  return label
    .filter(([k]) => env[k])
    .map(([k, name]) => `${name} ${inert(env[k] ?? '', 60)}`)
    .join(' · ');
}

function packageCounts(report: BuildReport): string {
  const count = (s: PackageResult['status']): number => report.packages.filter((p) => p.status === s).length;
  const parts: [number, string][] = [
    [count('failure'), 'failed'],
    [count('cancelled'), 'cancelled'],
    [count('not-built'), 'not built'],
    [count('success'), 'built'],
  ];
  return parts
    .filter(([n]) => n > 0)
    .map(([n, what]) => `${n} ${what}`)
    .join(' · ');
}

function factsBlock(report: BuildReport): SectionBlock {
  const facts: [string, string][] = [
    ['Status', STATUS_WORD[report.status] ?? STATUS_WORD.failure],
    ['Duration', formatDuration(report.durationSeconds)],
  ];
  if (report.packages.length > 1) facts.push(['Packages', packageCounts(report)]);
  if (report.runner.name) facts.push(['Runner', inert(report.runner.name, 100)]);
  const env = environmentLine(report);
  if (env) facts.push(['Environment', env]);
  const ref = refLine(report);
  if (ref) facts.push(['Ref', ref]);
  return {
    type: 'section',
    fields: facts.map(([name, value]) => mrkdwn(fitLines(`*${name}*\n${value}`, FIELD_MAX))),
  };
}

/** The cause in the error's own words (else the report's sentence), once. */
function causeOf(report: BuildReport): string {
  const error = report.status !== 'success' ? report.failure?.error : null;
  return oneLine(error || report.message);
}

/** The excerpt's last lines, without the cause itself (shown above) or blank lines; '' when none. */
function excerptBlock(report: BuildReport, cause: string): string {
  if (report.status !== 'failure' || !report.failure) return '';
  const repeats = (line: string): boolean =>
    cause.length >= 20 ? line.includes(cause) : line.trim() === cause;
  const lines = report.failure.excerpt
    .map((l) => l.replace(/\s+$/, ''))
    .filter((l) => l.trim() !== '' && !repeats(l))
    .slice(-EXCERPT_LINES)
    .map((l) => truncate(l, EXCERPT_LINE_MAX));
  return lines.length ? codeBlock(codeLines(lines), EXCERPT_MAX) : '';
}

function packageLine(p: PackageResult, report: BuildReport): string {
  const name = inert(p.name, 100);
  const url = p.status === 'failure' ? (report.run.jobUrl ?? report.run.runUrl) : null;
  const label = (url ? slackLink(url, name, 500) : null) ?? `*${name}*`;
  const parts = [`${PACKAGE_EMOJI[p.status]} ${label}`];
  const at = (f: Parameters<typeof atPhrase>[0]): string => {
    const phrase = unescapeDiscord(atPhrase(f, p.name));
    return phrase ? ` ${inert(phrase, 200)}` : '';
  };
  if (p.status === 'failure') parts.push(`failed${at(p.failure)}`);
  else if (p.status === 'cancelled') parts.push(`cancelled${at(stopPoint(report, p))}`);
  else if (p.status === 'not-built') parts.push('not built');
  else if (p.pushedImage ?? p.image) parts.push(inlineCode(p.pushedImage ?? p.image ?? '', 140));
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

/** Package lines, failed first, within MAX_PACKAGE_LINES and a section's text; the rest folds into a count. */
export function slackPackageLines(report: BuildReport, budget = SLACK_LIMITS.sectionText): string[] {
  const ordered = failuresFirst(report.packages);
  const lines: string[] = [];
  let used = 0;
  for (let i = 0; i < ordered.length; i++) {
    const line = packageLine(ordered[i]!, report);
    const hidden = ordered.slice(i + 1);
    const reserve = hidden.length ? moreLine(hidden).length + 1 : 0;
    const tooMany = lines.length + 1 + (hidden.length ? 1 : 0) > MAX_PACKAGE_LINES;
    if (tooMany || used + line.length + 1 + reserve > budget) {
      lines.push(moreLine(ordered.slice(i)));
      break;
    }
    lines.push(line);
    used += line.length + 1;
  }
  return lines;
}

/** Logs artifact · Run · Job, and where it ran. */
function linksBlock(report: BuildReport): ContextBlock | null {
  const { runUrl, jobUrl } = report.run;
  const logs = report.logs.artifactUrl ?? (report.logs.url !== runUrl ? report.logs.url : null);
  const links: string[] = [];
  const logsLink = slackLink(logs, 'Logs artifact', LINK_MAX);
  if (logsLink) links.push(logsLink);
  else if (report.logs.uploadError) links.push('Logs not uploaded');
  const run = slackLink(runUrl, 'Run', LINK_MAX);
  if (run) links.push(run);
  const job = jobUrl && jobUrl !== runUrl ? slackLink(jobUrl, 'Job', LINK_MAX) : null;
  if (job) links.push(job);
  const where = [report.run.repository, report.run.workflow, report.run.job]
    .filter((s): s is string => !!s)
    .map((s) => inert(s, 200));
  const elements = [links.join(' · '), where.join(' · ')].filter((t) => t !== '').map(mrkdwn);
  return elements.length ? { type: 'context', elements } : null;
}

function section(text: string): SectionBlock {
  return { type: 'section', text: mrkdwn(fitLines(text, SLACK_LIMITS.sectionText)) };
}

function blocksFor(report: BuildReport, ctx?: NotifyContext): KnownBlock[] {
  const header: HeaderBlock = { type: 'header', text: plainText(slackHeadline(report, ctx)) };
  const blocks: KnownBlock[] = [header, factsBlock(report)];
  const cause = causeOf(report);
  if (cause) blocks.push(section(inert(cause, CAUSE_MAX)));
  const excerpt = excerptBlock(report, cause);
  if (excerpt) blocks.push(section(excerpt));
  const lines = slackPackageLines(report);
  if (lines.length) blocks.push(section(lines.join('\n')));
  const links = linksBlock(report);
  if (links) blocks.push(links);
  return blocks;
}

/** Runner-local log paths rewritten to their place in the logs artifact (`logs/build/…`). */
function withoutLogDir(report: BuildReport): BuildReport {
  const dir = report.logs.dir.replace(/\/+$/, '');
  // A one-segment folder (`/tmp`) would also match the build's own paths: leave those alone.
  if (dir.split('/').filter(Boolean).length < 2) return report;
  return mapStrings(report, (s) => s.replaceAll(`${dir}/`, 'logs/'));
}

/**
 * Renders the Slack incoming-webhook body for a report. `ctx` says why it is sent: a change against the last
 * run is worded (`Fixed:`, `Broken:`). Nothing in it can ping: Slack mentions are not offered by this action.
 */
export function renderSlack(
  report: BuildReport,
  opts: SlackRenderOptions = {},
  ctx?: NotifyContext,
): RenderedMessage {
  const safe = withoutLogDir(mapStrings(report, (s) => neutraliseMentions(wellFormed(s))));
  // Rendered from the report as given (as Teams does): the template shows what the user asked for.
  const own = opts.messageTemplate
    ? renderMessageTemplate(opts.messageTemplate, buildTemplateView(report, ctx), 'slack')
    : (opts.text ?? '');
  const given = own ? templateLine(own) : '';
  const body: SlackBody = {
    text: markTest(given || textLine(safe, ctx), ctx),
    attachments: [{ color: SLACK_COLOR[safe.status] ?? SLACK_COLOR.failure, blocks: blocksFor(safe, ctx) }],
    unfurl_links: false,
    unfurl_media: false,
  };
  return { body: clampSlack(body), files: [] };
}

/**
 * The `notify-start` message: `🔨 Building torchvision` on which runner, the packages, and where to watch it.
 * Pure, and it pings no one.
 */
export function renderStartSlack(start: BuildStart, opts: SlackRenderOptions = {}): RenderedMessage {
  const info = mapStrings(start, (s) => wellFormed(s));
  const { packages, run } = info;
  const title =
    packages.length === 1 ? `🔨 Building ${packages[0] ?? ''}` : `🔨 Building ${packages.length} packages`;
  const lines = [info.runner.name ? `Started on ${inert(info.runner.name, 100)}` : 'Started'];
  if (packages.length > 1) lines.push(`Packages: ${inert(packages.join(', '), 1500)}`);
  const watch = slackLink(run.jobUrl, 'Job', LINK_MAX) ?? slackLink(run.runUrl, 'Run', LINK_MAX);
  const where = [
    run.repository,
    run.ref?.replace(/^refs\/(heads|tags)\//, '') ?? null,
    run.sha?.slice(0, 7) ?? null,
  ]
    .filter((s): s is string => !!s)
    .map((s) => inert(s, 200));
  const context = [watch ?? '', where.join(' · ')].filter((t) => t !== '').map(mrkdwn);
  const blocks: KnownBlock[] = [
    { type: 'header', text: plainText(plain(title, SLACK_LIMITS.headerText)) },
    section(lines.join('\n')),
  ];
  if (context.length) blocks.push({ type: 'context', elements: context });
  const body: SlackBody = {
    text:
      (opts.text ? templateLine(opts.text) : '') ||
      inert(run.repository ? `${title} · ${run.repository}` : title, 300),
    attachments: [{ color: SLACK_COLOR.building, blocks }],
    unfurl_links: false,
    unfurl_media: false,
  };
  return { body: clampSlack(body), files: [] };
}
