// The job summary (GITHUB_STEP_SUMMARY markdown) and the error annotations for a BuildReport. Pure: the
// caller writes them. GitHub drops a step summary over 1 MiB and shows at most 10 error annotations per
// step, so both are bounded here for any report.
import type { BuildReport, FailurePoint, ImageFacts, PackageResult, PackageStatus } from './build-report.js';
import { fenceFor, formatDuration, longestBacktickRun, truncate } from '../notify/render/limits.js';
import { digestOnly, factsOf, formatBytes } from './image-facts.js';
import { changeOf, sizeChangeNote } from './size-change.js';

/** GitHub's hard limit for one step's summary. */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024;
/** What the renderer aims for, leaving room for anything the caller adds. */
export const SUMMARY_TARGET_BYTES = 900 * 1024;
/** GitHub shows at most 10 error annotations per step. */
export const MAX_ANNOTATIONS = 10;

export interface Annotation {
  title: string;
  message: string;
  file?: string;
}

const HEADINGS = {
  success: '✅ Jetson Containers Build Success',
  failure: '❌ Jetson Containers Build Failure',
  cancelled: '⏹ Jetson Containers Build Cancelled',
} as const;

export const PACKAGE_EMOJI: Record<PackageStatus, string> = {
  success: '✅',
  failure: '❌',
  cancelled: '⏹',
  'not-built': '⏭',
};

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

export function oneLine(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/** Plain text that renders as itself: markdown and HTML characters escaped, on one line. */
export function text(s: string, max: number): string {
  return truncate(oneLine(s), max).replace(/[\\`*_[\]<>|#~&]/g, '\\$&');
}

/** Text for a table cell: one line, `|` escaped (also inside code spans, as GFM requires). */
export function cell(s: string, max: number): string {
  return text(s, max) || ' ';
}

/** An inline code span that no backtick inside can close; safe in a table cell. */
export function codeSpan(s: string, max: number): string {
  const body = truncate(oneLine(s), max);
  if (body === '') return ' ';
  const fence = '`'.repeat(longestBacktickRun(body) + 1);
  const pad = body.startsWith('`') || body.endsWith('`') ? ' ' : '';
  return fence + pad + body.replace(/\|/g, '\\|') + pad + fence;
}

/** A fenced block whose fence is longer than any backtick run in its lines. */
export function fenced(lines: string[], lang = ''): string {
  const body = lines.join('\n');
  const fence = fenceFor(body);
  return `${fence}${lang}\n${body}\n${fence}`;
}

export function where(f: FailurePoint): string {
  if (f.stage === null) return f.phase;
  const pos = f.stageIndex !== null && f.stageCount !== null ? `${f.stageIndex}/${f.stageCount}, ` : '';
  return `${f.stage} (${pos}${f.phase})`;
}

export function link(label: string, url: string | null): string | null {
  if (!url || !/^https?:\/\//i.test(url) || url.length > 2000) return null;
  return `[${label}](${url.replace(/[()\s]/g, encodeURIComponent)})`;
}

function packageRow(p: PackageResult): string {
  const failure = p.failure
    ? `${cell(where(p.failure), 200)}${p.failure.error ? `: ${cell(p.failure.error, 300)}` : ''}`
    : p.status === 'not-built'
      ? 'not built'
      : ' ';
  const image = p.pushedImage ?? p.image;
  return `| ${PACKAGE_EMOJI[p.status]} ${p.status} | ${cell(p.name, 200)} | ${image ? codeSpan(image, 300) : ' '} | ${formatDuration(p.durationSeconds)} | ${failure} |`;
}

/** Failed, then cancelled, then the rest, each in report order. */
export function failedFirst(packages: PackageResult[]): PackageResult[] {
  const rank = (p: PackageResult): number => (p.status === 'failure' ? 0 : p.status === 'cancelled' ? 1 : 2);
  return packages
    .map((p, i) => ({ p, i }))
    .sort((a, b) => rank(a.p) - rank(b.p) || a.i - b.i)
    .map((x) => x.p);
}

function packagesTable(report: BuildReport, budget: number): string {
  if (report.packages.length === 0) return '';
  const head = '| Status | Package | Image | Duration | Failure point |\n| --- | --- | --- | --- | --- |';
  const rows: string[] = [];
  let used = bytes(head) + 200;
  const ordered = report.packages.length > 1 ? failedFirst(report.packages) : report.packages;
  let shown = 0;
  for (const p of ordered) {
    const row = packageRow(p);
    const cost = bytes(row) + 1;
    if (used + cost > budget) break;
    rows.push(row);
    used += cost;
    shown++;
  }
  let out = `${head}\n${rows.join('\n')}`;
  const hidden = ordered.slice(shown);
  if (hidden.length) {
    const failed = hidden.filter((p) => p.status === 'failure').length;
    out += `\n\n_… and ${hidden.length} more packages (${failed} failed) not shown; see report.json in the logs._`;
  }
  return out;
}

/**
 * The size, and with compare-size its change linked to the run it is measured against:
 * `8.2 GB · ⚠ [+340 MB (+4.3 %)](…/runs/4241)`.
 */
function sizeCell(f: ImageFacts): string {
  if (f.sizeBytes === null) return ' ';
  const change = changeOf(f);
  if (change === null) return formatBytes(f.sizeBytes);
  const note = sizeChangeNote(change);
  const flag = change.flagged ? '⚠ ' : '';
  const linked = link(note.slice(flag.length), change.previousRunUrl);
  return `${formatBytes(f.sizeBytes)} · ${linked ? flag + linked : note}`;
}

/** Rows of the images table at most: the rest are in report.json and the outputs. */
const MAX_IMAGE_ROWS = 50;

/** What docker said of each built image: size, layers, architecture, digest (empty when none was inspected). */
export function imagesTable(report: BuildReport): string {
  const rows: string[] = [];
  const seen = new Set<string>();
  let more = 0;
  for (const p of report.packages) {
    const f = p.status === 'success' ? factsOf(p) : null;
    if (f === null || seen.has(f.image)) continue;
    seen.add(f.image);
    if (rows.length >= MAX_IMAGE_ROWS) {
      more++;
      continue;
    }
    const digest = digestOnly(f.digest);
    rows.push(
      `| ${codeSpan(f.image, 300)} | ${sizeCell(f)} | ` +
        `${f.layers ?? ' '} | ${f.architecture ? cell(f.architecture, 60) : ' '} | ` +
        `${digest ? codeSpan(digest, 80) : ' '} |`,
    );
  }
  if (rows.length === 0) return '';
  const head = '| Image | Size | Layers | Architecture | Digest |\n| --- | --- | --- | --- | --- |';
  const tail =
    more > 0 ? `\n\n_… and ${more} more images; see report.json or the \`image-sizes\` output._` : '';
  return `${head}\n${rows.join('\n')}${tail}`;
}

function failureSection(title: string, f: FailurePoint, budget: number): string {
  const parts = [`#### ${text(title, 200)} — ${text(where(f), 300)}`];
  if (f.error) parts.push(`**Error:** ${text(f.error, 2000)}`);
  if (f.logFile) parts.push(`Stage log: ${codeSpan(f.logFile, 400)}`);
  const lines = f.excerpt.slice(-60).map((l) => truncate(l, 1000));
  if (lines.length) {
    // Drop leading lines until the block fits: the end of a log matters most.
    let block = fenced(lines, 'text');
    while (bytes(block) > budget && lines.length > 1) {
      lines.shift();
      block = fenced(['…', ...lines], 'text');
    }
    parts.push(block);
  }
  return parts.join('\n\n');
}

/** The step summary markdown for a report; always under 1 MiB (aims for 900 KiB). */
export function renderJobSummary(report: BuildReport): string {
  const sections: string[] = [];
  sections.push(`## ${HEADINGS[report.status] ?? HEADINGS.failure}`);
  sections.push(text(report.message, 2000));

  const facts = [
    `**Duration:** ${formatDuration(report.durationSeconds)}`,
    report.exitCode !== null ? `**Exit code:** ${report.exitCode}` : null,
    report.signal ? `**Signal:** ${text(report.signal, 40)}` : null,
    report.runner.name ? `**Runner:** ${text(report.runner.name, 200)}` : null,
  ].filter((x): x is string => x !== null);
  sections.push(facts.join(' · '));

  const links = [
    report.run.jobUrl !== report.run.runUrl ? link('Job', report.run.jobUrl ?? null) : null,
    link('Workflow run', report.run.runUrl),
    link('Logs artifact', report.logs.artifactUrl),
  ].filter((x): x is string => x !== null);
  const logLine = [links.join(' · '), `Console log on the runner: ${codeSpan(report.logs.consoleLog, 500)}`]
    .filter(Boolean)
    .join(' — ');
  sections.push(
    report.logs.uploadError && !report.logs.artifactUrl
      ? `${logLine}\n\n> Log upload failed: ${text(report.logs.uploadError, 500)}`
      : logLine,
  );

  // Everything but the table first, so the table gets exactly what is left.
  const tail: string[] = [];
  const failures: [string, FailurePoint][] = [];
  for (const p of report.packages)
    if (p.failure && p.status === 'failure') failures.push([p.name, p.failure]);
  if (failures.length === 0 && report.failure && report.status !== 'success') {
    failures.push([report.status === 'cancelled' ? 'Cancelled' : 'Failure', report.failure]);
  }
  if (failures.length) {
    tail.push(report.status === 'cancelled' ? '### Cancelled' : '### Failures');
    const shown = failures.slice(0, 10);
    for (const [name, f] of shown) tail.push(failureSection(name, f, 24 * 1024));
    if (failures.length > shown.length) {
      tail.push(`_… and ${failures.length - shown.length} more failed packages; see the package table._`);
    }
  }
  const env = Object.entries(report.environment).filter(
    (e): e is [string, string] => e[0] !== 'source' && typeof e[1] === 'string' && e[1] !== '',
  );
  const images = imagesTable(report);
  if (images) tail.push('### Images', images);
  tail.push('### Environment');
  tail.push(
    env.length
      ? `| Variable | Value |\n| --- | --- |\n${env.map(([k, v]) => `| ${cell(k, 100)} | ${cell(v, 300)} |`).join('\n')}`
      : '_Not detected._',
  );
  tail.push('### Command');
  tail.push(fenced([truncate(oneLine(report.command.display), 8000)], 'bash'));

  const before = sections.join('\n\n');
  const after = tail.join('\n\n');
  const left = SUMMARY_TARGET_BYTES - bytes(before) - bytes(after) - 200;
  const table = packagesTable(report, Math.max(0, left));
  const out = [before, table ? `### Packages\n\n${table}` : '', after].filter(Boolean).join('\n\n') + '\n';
  return out;
}

/** One error annotation per failed package (at most 10; the tenth names the rest when there are more). */
export function renderAnnotations(report: BuildReport): Annotation[] {
  const failed = report.packages.filter((p) => p.status === 'failure');
  const one = (name: string, f: FailurePoint | null): Annotation => {
    const at = f ? where(f) : 'unknown';
    const error = f?.error ?? report.message;
    return {
      title: truncate(oneLine(`Build failed: ${name}`), 200),
      message: truncate(`${at}: ${error}`, 4000),
    };
  };
  if (failed.length === 0) {
    return report.status === 'failure'
      ? [one(report.requestedPackages.join(' ') || 'jetson-containers', report.failure)]
      : [];
  }
  if (failed.length <= MAX_ANNOTATIONS) return failed.map((p) => one(p.name, p.failure));
  const out = failed.slice(0, MAX_ANNOTATIONS - 1).map((p) => one(p.name, p.failure));
  const rest = failed.slice(MAX_ANNOTATIONS - 1);
  out.push({
    title: `${rest.length} more packages failed`,
    message: truncate(rest.map((p) => p.name).join(', '), 4000),
  });
  return out;
}
