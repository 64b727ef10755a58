// The pull-request comment of `pr-comment: true`: markdown for one build (a job or matrix leg) or for a whole
// run (the summarize action), found again on the next run by the hidden marker it starts with. Pure:
// src/github/pr-comment.ts finds, creates or updates it. GitHub refuses a body over 65 536 characters and
// notifies everyone a comment @-mentions, so the body stays well under the limit for any report (the table
// folds), and no text from the build can mention, reference, format, link or inject HTML.
import { createHash } from 'node:crypto';
import type { BuildReport, FailurePoint, PackageResult } from './build-report.js';
import type { RunReport, RunRow } from './run-report.js';
import { compactHeadline } from '../notify/render/discord.js';
import { failuresFirst, PACKAGE_EMOJI, wherePhrase } from '../notify/render/discord-common.js';
import { orderRows, STATUS_ICON, title as runTitle } from '../notify/render/run-discord.js';
import {
  fenceFor,
  formatDuration,
  longestBacktickRun,
  printableText,
  truncate,
} from '../notify/render/limits.js';
import type { ChangeState } from '../notify/types.js';
import { canonicalJson } from './canonical-json.js';
import {
  GRID_LEGEND,
  gridColumns,
  gridPackages,
  gridShape,
  gridTable,
  isGrid,
  mismatchNotes,
} from '../notify/render/run-grid.js';

/** GitHub's limit for an issue or pull-request comment body. */
export const COMMENT_MAX_CHARS = 65_536;
/** What a body aims for, in UTF-8 bytes: under the limit however GitHub counts characters. */
export const COMMENT_TARGET_BYTES = 60_000;
const MARKER_TAG = 'jetson-build-action:v1';
const EXCERPT_LINES = 20;
const EXCERPT_LINE_MAX = 300;
const CAUSE_MAX = 1000;
const ZWSP = '\u200b';

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

// ---- the marker ----

/** The matrix input canonically: parsed JSON with sorted keys, or its text when it is not JSON. */
function canonicalMatrix(matrix: string | null): string {
  const text = (matrix ?? '').trim();
  try {
    return canonicalJson(JSON.parse(text === '' ? 'null' : text));
  } catch {
    return JSON.stringify(text);
  }
}

/**
 * `<!-- jetson-build-action:v1 id=<16 hex> -->`: a hash of the comment's identity. It holds no text a user
 * wrote (a workflow or matrix value cannot break the HTML comment, and a secret registered with the same
 * text as a workflow's name cannot mask it), and identities that only look alike do not collide.
 */
function idMarker(identity: unknown): string {
  const id = createHash('sha256').update(canonicalJson(identity)).digest('hex').slice(0, 16);
  return `<!-- ${MARKER_TAG} id=${id} -->`;
}

/**
 * The matrix leg as GitHub names it in a job's title: the values of the `matrix` input's JSON object, in
 * order, joined by `, ` (`pytorch, orin`). Empty outside a matrix.
 */
export function matrixLeg(matrix: string | null | undefined): string {
  const text = (matrix ?? '').trim();
  if (text === '' || text === 'null' || text === '{}') return '';
  try {
    const value: unknown = JSON.parse(text);
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      return Object.values(value)
        .map((v) => (typeof v === 'string' ? v : JSON.stringify(v)))
        .join(', ');
    }
  } catch {
    // Not JSON: the text itself names the leg.
  }
  return text;
}

/**
 * The marker of one build's comment: the workflow (its file, else its name), the job's id, the matrix leg
 * (canonical JSON, not the joined values: two legs that read alike stay apart), the step (GITHUB_ACTION,
 * unique per step in a job: the action used twice in one job writes two comments) and the requested packages
 * in any order (inside a reusable workflow the workflow ref is the caller's and job and step are the same in
 * every call: two calls for other packages keep two comments).
 */
export function buildMarker(run: {
  workflow: string | null;
  job: string | null;
  matrix: string | null;
  step: string | null;
  packages: readonly string[];
}): string {
  return idMarker({
    kind: 'build',
    workflow: run.workflow,
    job: run.job,
    matrix: canonicalMatrix(run.matrix),
    step: run.step,
    packages: [...new Set(run.packages)].sort(),
  });
}

/**
 * The marker of the summarize action's one comment for the run: the workflow, the job and the planned
 * packages in order (a reusable workflow called twice by one caller builds other packages each time; two
 * calls that plan the very same packages share one comment).
 */
export function runMarker(run: {
  workflow: string | null;
  job: string | null;
  packages: readonly string[];
  /** A grid's platforms: the same packages on other platforms are another comment. */
  platforms?: readonly string[];
}): string {
  const packages = [...new Set(run.packages)].sort();
  const platforms = [...new Set(run.platforms ?? [])].sort();
  // Without platforms the identity is the one-platform run's, as before: its existing comment is found again.
  if (platforms.length === 0)
    return idMarker({ kind: 'run', workflow: run.workflow, job: run.job, packages });
  return idMarker({ kind: 'run', workflow: run.workflow, job: run.job, packages, platforms });
}

// ---- text ----

/**
 * Mentions (`@user`, `@org/team`) and issue references (`#12`) made inert with a zero-width space: GitHub
 * notifies whoever a comment mentions, and a reference links (and notifies) another issue.
 */
export function defuse(s: string): string {
  return s.replace(/@(?=[\p{L}\p{N}_-])/gu, `@${ZWSP}`).replace(/#(?=\d)/g, `#${ZWSP}`);
}

/** One line of printable text. */
function oneLine(s: string): string {
  return printableText(s)
    .replace(/\s*[\r\n\u0085\u2028\u2029]+\s*/g, ' ')
    .trim();
}

/**
 * Text from the build as plain text in GitHub markdown, on one line: no formatting, link, table cell break
 * or HTML (entities for `&<>`), and no block syntax at its start.
 */
export function mdText(s: string, max: number): string {
  const escaped = truncate(oneLine(s), max)
    .replace(/[\\`*_[\]|~]/g, '\\$&')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/^([#+=-])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
  return defuse(escaped);
}

/** Inline code no backtick inside can close; `|` escaped, as GFM requires even there in a table. */
function codeSpan(s: string, max: number): string {
  const body = truncate(oneLine(s), max);
  if (body === '') return ' ';
  const fence = '`'.repeat(longestBacktickRun(body) + 1);
  const pad = body.startsWith('`') || body.endsWith('`') ? ' ' : '';
  return fence + pad + body.replace(/\|/g, '\\|') + pad + fence;
}

/** `url` when it is an absolute http(s) URL nothing in markdown can break out of. */
function safeUrl(url: string | null | undefined): string | null {
  if (!url || url.length > 2000 || !/^https?:\/\/[^\s<>()[\]`"'@#\\|]+$/i.test(url)) return null;
  return URL.canParse(url) ? url : null;
}

function link(label: string, url: string | null | undefined): string | null {
  const safe = safeUrl(url);
  return safe ? `[${label}](${safe})` : null;
}

/** The excerpt's last lines in a fence nothing inside can close, folded under a summary. */
function excerptDetails(excerpt: readonly string[], cause: string): string {
  const repeats = (l: string): boolean => (cause.length >= 20 ? l.includes(cause) : l.trim() === cause);
  const lines = excerpt
    .map((l) =>
      printableText(l)
        .replace(/[\r\n\u0085\u2028\u2029]/g, ' ')
        .replace(/\s+$/, ''),
    )
    .filter((l) => l.trim() !== '' && !repeats(l))
    .slice(-EXCERPT_LINES)
    .map((l) => truncate(l, EXCERPT_LINE_MAX));
  if (lines.length === 0) return '';
  const body = lines.join('\n');
  const fence = fenceFor(body);
  const summary = `Last ${lines.length} line${lines.length === 1 ? '' : 's'} of the log`;
  return `<details><summary>${summary}</summary>\n\n${fence}text\n${body}\n${fence}\n\n</details>`;
}

/** `2026-03-14 17:40 UTC`. */
function utcMinute(now: Date): string {
  return now.toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}

/**
 * The table within what the rest leaves of the target: rows in the order given until the next one would not
 * fit, then one line that counts the rest.
 */
function fitTable(head: string, rows: string[], budget: number, more: (shown: number) => string): string {
  let out = head;
  let used = bytes(head);
  let shown = 0;
  for (const row of rows) {
    const cost = bytes(row) + 1;
    // Room for the fold line stays free while rows remain.
    if (used + cost + 400 > budget) break;
    out += '\n' + row;
    used += cost;
    shown++;
  }
  return shown < rows.length ? `${out}\n\n${more(shown)}` : out;
}

/**
 * The marker, then the parts. Text was made inert where it was escaped (code spans and the excerpt need not
 * be: GitHub neither mentions nor links inside code), so the sizes counted hold. Should the whole still be
 * over the target, the headline alone.
 */
function finish(markerLine: string, sections: (string | null)[]): string {
  const out = `${markerLine}\n${sections.filter((s): s is string => !!s).join('\n\n')}\n`;
  if (bytes(out) <= COMMENT_TARGET_BYTES) return out;
  return `${markerLine}\n${sections[0] ?? ''}\n\n_Too long for a comment: see the job summary._\n`;
}

// ---- one build ----

export interface CommentOptions {
  /** buildMarker / runMarker. */
  marker: string;
  now: Date;
  change?: ChangeState;
}

function failureCell(f: FailurePoint | null, p: PackageResult, shownCause: string | null): string {
  if (!f) return p.status === 'not-built' ? 'not built' : ' ';
  const error = f.error && oneLine(f.error) !== shownCause ? `: ${mdText(f.error, 300)}` : '';
  return mdText(wherePhrase(f), 200) + error;
}

function packageRow(p: PackageResult, shownCause: string | null): string {
  const image = p.pushedImage ?? p.image;
  return (
    `| ${PACKAGE_EMOJI[p.status] ?? '❔'} ${p.status} | ${mdText(p.name, 200) || ' '} | ` +
    `${image ? codeSpan(image, 300) : ' '} | ${formatDuration(p.durationSeconds)} | ` +
    `${failureCell(p.failure, p, shownCause)} |`
  );
}

function buildLinks(report: BuildReport): string | null {
  const parts = [link('Job', report.run.jobUrl), link('Run', report.run.runUrl)];
  const logs = link('Logs', report.logs.artifactUrl);
  parts.push(
    logs ?? (report.logs.uploadError ? `Logs not uploaded: ${mdText(report.logs.uploadError, 300)}` : null),
  );
  const shown = parts.filter((x): x is string => x !== null);
  return shown.length ? shown.join(' · ') : null;
}

function buildFooter(report: BuildReport, now: Date): string {
  const leg = matrixLeg(report.run.matrix);
  const parts = [
    report.run.workflow,
    report.run.job ? (leg ? `${report.run.job} (${leg})` : report.run.job) : null,
    report.run.runId ? `run ${report.run.runId}` : null,
    report.run.runAttempt && report.run.runAttempt !== '1' ? `attempt ${report.run.runAttempt}` : null,
    report.run.sha ? report.run.sha.slice(0, 7) : null,
  ]
    .filter((x): x is string => !!x)
    .map((x) => mdText(x, 200));
  parts.push(`updated ${utcMinute(now)}`);
  return `<sub>${parts.join(' · ')}</sub>`;
}

/** The comment for one build: headline, cause, excerpt, the package table (failures first), links, footer. */
export function renderBuildComment(report: BuildReport, opts: CommentOptions): string {
  // The Discord headline escapes markdown with backslashes; here `<>` become entities like every other text,
  // `&` too, and mentions are defused (they notify on GitHub).
  const headline = defuse(
    compactHeadline(report, opts.change ?? 'unknown')
      .replace(/&/g, '&amp;')
      .replace(/\\</g, '&lt;')
      .replace(/\\>/g, '&gt;'),
  );
  const failed = report.status !== 'success';
  const causeRaw = failed ? oneLine(report.failure?.error || report.message) : null;
  const cause = causeRaw
    ? `**${report.status === 'cancelled' ? 'Stopped' : 'Cause'}:** ${mdText(causeRaw, CAUSE_MAX)}`
    : null;
  const excerpt =
    report.status === 'failure' && report.failure
      ? excerptDetails(report.failure.excerpt, causeRaw ?? '')
      : '';
  const links = buildLinks(report);
  const footer = buildFooter(report, opts.now);
  const fixed = [`### ${headline}`, cause, excerpt, links, footer];
  const budget =
    COMMENT_TARGET_BYTES - bytes(opts.marker) - fixed.reduce((n, s) => n + bytes(s ?? '') + 2, 0);
  const ordered = failuresFirst(report.packages);
  const table =
    ordered.length === 0
      ? null
      : fitTable(
          '| Status | Package | Image | Duration | Failure point |\n| --- | --- | --- | --- | --- |',
          ordered.map((p) => packageRow(p, causeRaw)),
          budget,
          (shown) => {
            const hidden = ordered.slice(shown);
            const nFailed = hidden.filter((p) => p.status === 'failure').length;
            return `_… and ${hidden.length} more packages (${nFailed} failed) not shown: every package is in the job summary and in report.json in the logs._`;
          },
        );
  return finish(opts.marker, [`### ${headline}`, cause, excerpt, table, links, footer]);
}

// ---- a whole run ----

function rowFailure(r: RunRow, shownCause: string | null): string {
  const f = r.failure;
  if (!f) return r.reason ? mdText(r.reason, 300) : ' ';
  const where = [f.phase, f.stage]
    .filter((x): x is string => !!x && x !== 'unknown' && x !== r.name)
    .join(' · ');
  const error = f.error && oneLine(f.error) !== shownCause ? mdText(f.error, 300) : '';
  return [where ? mdText(where, 200) : '', error].filter((x) => x !== '').join(': ') || ' ';
}

function runRow(r: RunRow, shownCause: string | null): string {
  const links = [link('job', r.web_url), r.log_url !== r.web_url ? link('logs', r.log_url) : null].filter(
    (x): x is string => x !== null,
  );
  return (
    `| ${STATUS_ICON[r.status] ?? '❔'} ${r.status} | ${mdText(r.name, 200) || ' '} | ` +
    `${r.image ? codeSpan(r.image, 300) : ' '} | ${formatDuration(r.duration_seconds)} | ` +
    `${rowFailure(r, shownCause)} | ${links.join(' · ') || ' '} |`
  );
}

function runFooter(run: RunReport, now: Date): string {
  const parts = [
    run.trigger_name,
    run.build_id ? `run ${run.build_id}` : null,
    run.run_attempt && run.run_attempt !== '1' ? `attempt ${run.run_attempt}` : null,
    run.sha ? run.sha.slice(0, 7) : null,
  ]
    .filter((x): x is string => !!x)
    .map((x) => mdText(x, 200));
  parts.push(`updated ${utcMinute(now)}`);
  return `<sub>${parts.join(' · ')}</sub>`;
}

/** The grid as the job summary shows it, folded to `budget` bytes; the legend and mismatches under it. */
function gridSection(run: RunReport, budget: number): string {
  const columns = gridColumns(run);
  const packages = gridPackages(run, columns);
  const table = gridTable(run, packages, columns, {
    esc: mdText,
    name: (text) => mdText(text, 200) || ' ',
    link: (text, url) => link(text, url) ?? text,
  });
  const notes = mismatchNotes(packages, mdText).map((n) => `- ${n}`);
  const tail = [`<sub>${GRID_LEGEND}</sub>`, ...(notes.length ? [notes.join('\n')] : [])].join('\n\n');
  const fitted = fitTable(table.head, table.rows, budget - bytes(tail) - 2, (shown) => {
    const hidden = packages.slice(shown);
    const nFailed = hidden.filter((p) => p.status === 'failure' || p.status === 'missing').length;
    return `_… and ${hidden.length} more packages (${nFailed} with a failed build) not shown: every cell is in the job summary and in run-report.json._`;
  });
  return `${fitted}\n\n${tail}`;
}

/** The summarize action's comment: the run's headline, its first failure, and every row (failures first). */
export function renderRunComment(run: RunReport, opts: CommentOptions): string {
  const t = run.totals;
  const headline = runTitle(run, opts.change ?? 'unknown');
  const grid = isGrid(run);
  const totals = grid
    ? `**${gridShape(run)}** = ${t.cells} builds: ✅ ${t.success} built · ❌ ${t.failure} failed · ❔ ${t.missing} without a report · ⏭ ${t.cancelled} cancelled or not built · ${formatDuration(run.wall_seconds)} wall time`
    : `**${t.packages}** packages: ✅ ${t.success} built · ❌ ${t.failure} failed · ❔ ${t.missing} without a report · ⏹ ${t.cancelled} cancelled · ${formatDuration(run.wall_seconds)} wall time`;
  const ordered = orderRows(run.runs);
  const first = ordered.find((r) => r.status === 'failure' && r.failure?.error);
  const causeRaw = first?.failure?.error ? oneLine(first.failure.error) : null;
  const where = first?.platform ? ` on ${first.platform}` : '';
  const cause =
    first && causeRaw
      ? `**Cause** (${mdText(first.name + where, 200)})**:** ${mdText(causeRaw, CAUSE_MAX)}`
      : null;
  const excerpt = first?.failure ? excerptDetails(first.failure.excerpt, causeRaw ?? '') : '';
  const links = link('Run', run.web_url);
  const footer = runFooter(run, opts.now);
  const fixed = [`### ${headline}`, mdText(run.message, CAUSE_MAX), totals, cause, excerpt, links, footer];
  const budget =
    COMMENT_TARGET_BYTES - bytes(opts.marker) - fixed.reduce((n, s) => n + bytes(s ?? '') + 2, 0);
  const table =
    ordered.length === 0
      ? null
      : grid
        ? gridSection(run, budget)
        : fitTable(
            '| Status | Package | Image | Duration | Failure point | Links |\n| --- | --- | --- | --- | --- | --- |',
            ordered.map((r) => runRow(r, causeRaw)),
            budget,
            (shown) => {
              const hidden = ordered.slice(shown);
              const nFailed = hidden.filter((r) => r.status === 'failure' || r.status === 'missing').length;
              return `_… and ${hidden.length} more packages (${nFailed} failed) not shown: every row is in the job summary and in run-report.json._`;
            },
          );
  return finish(opts.marker, [...fixed.slice(0, 5), table, links, footer]);
}
