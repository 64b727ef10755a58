// The Microsoft Teams message for a BuildReport: an Adaptive Card (1.5) in the `message` envelope a Teams
// Workflows (Power Automate) or legacy connector webhook takes. Read in five seconds like the Discord message:
// a headline that says what broke and where, the cause in the error's own words, the excerpt on failure, a
// FactSet per package (failures first, the rest folded into a count), the environment, and buttons to the job,
// the run and the logs. Every text taken from the report is inert (no markdown, links or mentions), and the
// card is fitted under Teams' size limit whatever the report: fitted, never rejected. Pure.
import type { BuildReport, BuildStatus, FailurePoint, PackageResult } from '../../report/build-report.js';
import { buildTemplateView } from '../template-fields.js';
import { renderMessageTemplate } from '../templates.js';
import type { ChangeState, NotifyContext, RenderedMessage } from '../types.js';
import { atPhrase as sharedAtPhrase, headline, stopPoint } from './headline.js';
import { digestOnly, factsOf, shortDigest } from '../../report/image-facts.js';
import { sizeFactsText } from '../../report/size-change.js';
import { environmentPairs, failuresFirst, mapStrings, PACKAGE_EMOJI } from './discord-common.js';
import type { BuildStart } from './generic.js';
import { formatDuration, truncate } from './limits.js';
import {
  fitCard,
  httpsUrl,
  inert,
  oneLine,
  teamsMessage,
  wellFormed,
  type TeamsColor,
  type TeamsElement,
  type TeamsFact,
  type TeamsOpenUrl,
  type TeamsTextBlock,
} from './teams-limits.js';

export { checkTeamsLimits, TEAMS_LIMITS } from './teams-limits.js';

export interface TeamsRenderOptions {
  /** The target's `message-template` (mustache source): its line is shown first, above the headline. */
  messageTemplate?: string | null;
}

export const STATUS_COLOR: Record<BuildStatus, TeamsColor> = {
  success: 'Good',
  failure: 'Attention',
  cancelled: 'Warning',
};
const TEST_MARKER = '🧪 Test notification from jetson-build-action — not a real build';
const HEADLINE_MAX = 200;
const LINK_MAX = 1000;
const ENV_PART_MAX = 60;

/** How much of the report a card shows; fitting walks down the list until the card fits. */
interface Level {
  packages: number;
  excerptLines: number;
  lineMax: number;
  causeMax: number;
  valueMax: number;
}

const LEVELS: readonly Level[] = [
  { packages: 10, excerptLines: 15, lineMax: 200, causeMax: 300, valueMax: 140 },
  { packages: 6, excerptLines: 10, lineMax: 150, causeMax: 300, valueMax: 100 },
  { packages: 3, excerptLines: 5, lineMax: 120, causeMax: 200, valueMax: 80 },
  { packages: 1, excerptLines: 0, lineMax: 0, causeMax: 200, valueMax: 60 },
];

// ---- headline ----

/** Where a failure happened, after "failed" (see headline.ts), with Teams' escaping. */
function atPhrase(f: FailurePoint | null, name: string | null): string {
  return sharedAtPhrase(f, name, inert);
}

/** `❌ torchvision failed at build 9/9`, `✅ Fixed: 3 packages built in 1h 12m` (report text inert). */
export function teamsHeadline(report: BuildReport, change: ChangeState = 'unknown'): string {
  return truncate(headline(report, change, inert), HEADLINE_MAX);
}

// ---- body ----

/** The cause in the error's own words (else the report's sentence), once. */
function causeOf(report: BuildReport): string {
  const error = report.status !== 'success' ? report.failure?.error : null;
  return oneLine(error || report.message);
}

/** The excerpt's last lines, without the cause itself or blank lines: one monospace line each. */
function excerpt(report: BuildReport, cause: string, level: Level): TeamsElement[] {
  if (report.status !== 'failure' || !report.failure || level.excerptLines === 0) return [];
  const repeats = (line: string): boolean =>
    cause.length >= 20 ? line.includes(cause) : line.trim() === cause;
  const lines = report.failure.excerpt
    .map((l) => l.replace(/\s+$/, ''))
    .filter((l) => l.trim() !== '' && !repeats(l))
    .slice(-level.excerptLines);
  if (lines.length === 0) return [];
  return [
    {
      type: 'Container',
      style: 'emphasis',
      items: lines.map((line): TeamsTextBlock => ({
        type: 'TextBlock',
        text: inert(line, level.lineMax),
        fontType: 'Monospace',
        size: 'Small',
        spacing: 'None',
        wrap: true,
      })),
    },
  ];
}

const PACKAGE_STATUS: Record<PackageResult['status'], string> = {
  success: 'built',
  failure: 'failed',
  cancelled: 'cancelled',
  'not-built': 'not built',
};

/**
 * `Size: 8.1 GB · 42 layers` (with compare-size `· +340 MB (+4.3 %)`) and `Digest: sha256:6f1c0c43f1a6` of a
 * built image, when docker told them.
 */
function imageFacts(p: PackageResult, level: Level): TeamsFact[] {
  const f = p.status === 'success' ? factsOf(p) : null;
  const out: TeamsFact[] = [];
  const size = sizeFactsText(f)?.replace(/^Size /, '');
  if (size) out.push({ title: 'Size', value: size });
  const digest = shortDigest(digestOnly(f?.digest ?? null));
  if (digest) out.push({ title: 'Digest', value: inert(digest, level.valueMax) });
  return out;
}

function packageFacts(p: PackageResult, report: BuildReport, level: Level): TeamsFact[] {
  const facts: TeamsFact[] = [{ title: 'Status', value: PACKAGE_STATUS[p.status] }];
  const where = (f: FailurePoint | null): string => atPhrase(f, p.name).replace(/^ (at|to|in) /, '');
  if (p.status === 'failure') {
    const at = where(p.failure ?? report.failure);
    if (at) facts.push({ title: 'Failed at', value: at });
  } else if (p.status === 'cancelled') {
    const at = where(stopPoint(report, p));
    if (at) facts.push({ title: 'Stopped at', value: at });
  } else if (p.pushedImage) {
    facts.push({ title: 'Pushed', value: inert(p.pushedImage, level.valueMax) });
  } else if (p.image) {
    facts.push({ title: 'Image', value: inert(p.image, level.valueMax) });
  }
  facts.push(...imageFacts(p, level));
  if (p.durationSeconds !== null && p.status !== 'not-built') {
    facts.push({ title: 'Duration', value: formatDuration(p.durationSeconds) });
  }
  return facts;
}

/** A name and a FactSet per package, failures first; those past `level.packages` fold into a count. */
function packages(report: BuildReport, level: Level): TeamsElement[] {
  const ordered = failuresFirst(report.packages);
  const shown = ordered.slice(0, level.packages);
  const out: TeamsElement[] = shown.map((p) => ({
    type: 'Container',
    separator: true,
    items: [
      {
        type: 'TextBlock',
        text: `${PACKAGE_EMOJI[p.status]} ${inert(p.name, 100)}`,
        weight: 'Bolder',
        wrap: true,
      },
      { type: 'FactSet', facts: packageFacts(p, report, level), spacing: 'None' },
    ],
  }));
  const hidden = ordered.slice(shown.length);
  if (hidden.length > 0) {
    const failed = hidden.filter((p) => p.status === 'failure').length;
    out.push({
      type: 'TextBlock',
      text: `… and ${hidden.length} more (${failed} failed)`,
      isSubtle: true,
      wrap: true,
    });
  }
  return out;
}

/** `L4T 36.4.4 · JetPack 6.2.1 · CUDA 12.6 · Python 3.10 · orin-agx-01 · main @ 3f5c0e9`. */
export function environmentLine(report: BuildReport): string {
  const env = Object.fromEntries(environmentPairs(report));
  const label: [string, string][] = [
    ['L4T_VERSION', 'L4T'],
    ['JETPACK_VERSION', 'JetPack'],
    ['CUDA_VERSION', 'CUDA'],
    ['PYTHON_VERSION', 'Python'],
  ];
  const short = (s: string): string => inert(s, ENV_PART_MAX);
  const parts = label.filter(([k]) => env[k]).map(([k, name]) => `${name} ${short(env[k] ?? '')}`);
  if (report.runner.name) parts.push(short(report.runner.name));
  const ref = report.run.ref ? short(report.run.ref.replace(/^refs\/(heads\/|tags\/)?/, '')) : '';
  const sha = report.run.sha ? inert(report.run.sha.slice(0, 7), 7) : '';
  if (ref || sha) parts.push([ref, sha].filter(Boolean).join(' @ '));
  return parts.join(' · ');
}

/** Buttons to the job, the run and the logs artifact: only real https URLs, each once. */
function actions(report: BuildReport): TeamsOpenUrl[] {
  const { runUrl, jobUrl } = report.run;
  const logs = report.logs.artifactUrl ?? (report.logs.url !== runUrl ? report.logs.url : null);
  const out: TeamsOpenUrl[] = [];
  const add = (title: string, url: string | null | undefined): void => {
    const safe = httpsUrl(url, LINK_MAX);
    if (safe && !out.some((a) => a.url === safe)) out.push({ type: 'Action.OpenUrl', title, url: safe });
  };
  add('Job', jobUrl);
  add('Run', runUrl);
  add('Logs', logs);
  return out;
}

/** Runner-local log paths rewritten to their place in the logs artifact (`logs/build/…`). */
function withoutLogDir(report: BuildReport): BuildReport {
  const dir = report.logs.dir.replace(/\/+$/, '');
  if (dir.split('/').filter(Boolean).length < 2) return report;
  return mapStrings(report, (s) => s.replaceAll(`${dir}/`, 'logs/'));
}

function textBlock(text: string, extra: Omit<TeamsTextBlock, 'type' | 'text'> = {}): TeamsTextBlock {
  return { type: 'TextBlock', text, wrap: true, ...extra };
}

function cardBody(report: BuildReport, level: Level, text: string, ctx?: NotifyContext): TeamsElement[] {
  const body: TeamsElement[] = [];
  if (ctx?.event === 'test') body.push(textBlock(TEST_MARKER, { weight: 'Bolder', color: 'Warning' }));
  if (text) body.push(textBlock(text));
  body.push(
    textBlock(teamsHeadline(report, ctx?.change ?? 'unknown'), {
      size: 'Large',
      weight: 'Bolder',
      color: STATUS_COLOR[report.status] ?? 'Attention',
    }),
  );
  const cause = causeOf(report);
  if (cause) body.push(textBlock(inert(cause, level.causeMax)));
  body.push(...excerpt(report, cause, level), ...packages(report, level));
  if (report.logs.uploadError)
    body.push(textBlock('Logs were not uploaded', { isSubtle: true, size: 'Small' }));
  const env = environmentLine(report);
  if (env) body.push(textBlock(env, { isSubtle: true, size: 'Small', separator: true }));
  return body;
}

/**
 * The Teams message for `report`. `ctx` says why it is sent: a change against the last run is worded
 * (`Fixed:`, `Broken:`) and a test is marked. Teams' webhooks cannot be told not to mention, so nothing in
 * the card can: no `msteams.entities`, and `<at>` in the report's text is escaped.
 */
export function renderTeams(
  source: BuildReport,
  opts: TeamsRenderOptions = {},
  ctx?: NotifyContext,
): RenderedMessage {
  const report = withoutLogDir(source);
  const links = actions(report);
  // Rendered from the report as given: the template shows what the user asked for, paths included.
  const text = opts.messageTemplate
    ? wellFormed(renderMessageTemplate(opts.messageTemplate, buildTemplateView(source, ctx), 'teams')).trim()
    : '';
  const body = fitCard(LEVELS, (level) => teamsMessage(cardBody(report, level, text, ctx), links));
  return { body, files: [] };
}

// ---- started (notify-start) ----

/** `🔨 Building torchvision` / `🔨 Building 3 packages`, the runner, the packages, a button to the job. */
export function renderStartTeams(start: BuildStart): RenderedMessage {
  const { packages: names, run } = start;
  const title =
    names.length === 1
      ? `🔨 Building ${inert(names[0] as string, 100)}`
      : `🔨 Building ${names.length} packages`;
  const body: TeamsElement[] = [textBlock(title, { size: 'Large', weight: 'Bolder', color: 'Accent' })];
  if (start.runner.name) body.push(textBlock(`On ${inert(start.runner.name, 100)}`));
  if (names.length > 1) body.push(textBlock(`Packages: ${inert(names.join(', '), 1500)}`));
  const where = [
    run.repository ? inert(run.repository, 100) : '',
    run.ref ? inert(run.ref.replace(/^refs\/(heads|tags)\//, ''), 60) : '',
    run.sha ? inert(run.sha.slice(0, 7), 7) : '',
  ].filter(Boolean);
  if (where.length) body.push(textBlock(where.join(' · '), { isSubtle: true, size: 'Small' }));
  const links: TeamsOpenUrl[] = [];
  const job = httpsUrl(run.jobUrl, LINK_MAX);
  const runUrl = httpsUrl(run.runUrl, LINK_MAX);
  if (job) links.push({ type: 'Action.OpenUrl', title: 'Job', url: job });
  if (runUrl && runUrl !== job) links.push({ type: 'Action.OpenUrl', title: 'Run', url: runUrl });
  return { body: teamsMessage(body, links), files: [] };
}
