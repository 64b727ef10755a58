// The check run of a build (`check-run: true`): its name, what it says while the build runs, and the result
// — the headline as its title, a compact markdown summary, the details, and one annotation per failed
// package. Pure: src/github/check-run.ts sends it. GitHub takes at most 65 535 characters for the summary and
// the text, and 50 annotations per request.
import type { BuildReport, BuildStatus, FailurePoint, PackageResult } from './build-report.js';
import { formatDuration, truncate, truncateMarkdown } from '../notify/render/limits.js';
import {
  cell,
  codeSpan,
  failedFirst,
  fenced,
  link,
  oneLine,
  PACKAGE_EMOJI,
  text as mdText,
  where,
} from './summary.js';

/** The check run's name: long enough to tell builds apart in the checks list, short enough to read. */
export const CHECK_NAME_MAX = 100;
/** GitHub's limit for `output.summary` and `output.text`, in characters. */
export const OUTPUT_MAX = 65_535;
/** GitHub's limit per create or update request. */
export const ANNOTATIONS_PER_REQUEST = 50;
/** Annotations in all (five update requests): the rest are named by the last one. */
export const MAX_ANNOTATIONS = 250;
/** GitHub's limits for an annotation's title and its message / raw details. */
const ANNOTATION_TITLE_MAX = 255;
const ANNOTATION_MESSAGE_MAX = 4000;
const RAW_DETAILS_MAX = 8000;
const TITLE_MAX = 255;

export type CheckConclusion = 'success' | 'failure' | 'cancelled';

export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: 'failure' | 'warning' | 'notice';
  title: string;
  message: string;
  raw_details?: string;
}

export interface CheckOutput {
  title: string;
  summary: string;
  text?: string;
}

/**
 * `jetson / pytorch:2.8 torchvision`, on one line, cut to CHECK_NAME_MAX with '…'. A leg of a platform grid
 * names its platform (`jetson / jp5-xavier · torchvision`): the same package on two platforms is two checks,
 * and branch protection can require each.
 */
export function checkRunName(packages: readonly string[], platform: string | null = null): string {
  const names = oneLine(packages.join(' ')) || 'build';
  const on = platform ? `${oneLine(platform)} · ` : '';
  return truncate(`jetson / ${on}${names}`, CHECK_NAME_MAX);
}

/** What the check run says while the build runs. */
export function startedOutput(packages: readonly string[], runner: string | null): CheckOutput {
  const names = oneLine(packages.join(' '));
  const on = runner ? ` on runner ${codeSpan(runner, 200)}` : '';
  return {
    title: truncate(`Building ${names || 'packages'}`, TITLE_MAX),
    summary: truncate(
      `Building ${packages.length} package${packages.length === 1 ? '' : 's'}${on}: ${mdText(names, 4000)}`,
      OUTPUT_MAX,
    ),
  };
}

export function checkConclusion(status: BuildStatus): CheckConclusion {
  return status === 'success' ? 'success' : status === 'cancelled' ? 'cancelled' : 'failure';
}

const FALLBACK_TITLE: Record<BuildStatus, string> = {
  success: 'Build succeeded',
  failure: 'Build failed',
  cancelled: 'Build cancelled',
};

/** The result: title (the report's headline), summary and text, each within GitHub's limits. */
export function renderCheckOutput(report: BuildReport): Required<CheckOutput> {
  const title = truncate(oneLine(report.message), TITLE_MAX) || FALLBACK_TITLE[report.status] || 'Build';
  return { title, summary: renderSummary(report), text: renderDetails(report) };
}

function countsLine(report: BuildReport): string {
  const n = report.packages.length;
  const failed = report.packages.filter((p) => p.status === 'failure').length;
  const built = report.packages.filter((p) => p.status === 'success').length;
  const parts = [
    `**${PACKAGE_EMOJI[report.status]} ${report.status}**`,
    n > 0 ? `${built} of ${n} built${failed > 0 ? `, ${failed} failed` : ''}` : null,
    formatDuration(report.durationSeconds),
    report.exitCode !== null ? `exit code ${report.exitCode}` : null,
    report.runner.name ? `runner ${codeSpan(report.runner.name, 200)}` : null,
  ];
  return parts.filter((p): p is string => p !== null).join(' · ');
}

function linksLine(report: BuildReport): string {
  const jobUrl = report.run.jobUrl ?? null;
  return [
    jobUrl !== report.run.runUrl ? link('Job', jobUrl) : null,
    link('Workflow run', report.run.runUrl),
    link('Logs artifact', report.logs.artifactUrl),
  ]
    .filter((x): x is string => x !== null)
    .join(' · ');
}

function row(p: PackageResult): string {
  const failure = p.failure
    ? `${cell(where(p.failure), 120)}${p.failure.error ? `: ${cell(p.failure.error, 200)}` : ''}`
    : p.status === 'not-built'
      ? 'not built'
      : ' ';
  const image = p.pushedImage ?? p.image;
  return `| ${PACKAGE_EMOJI[p.status]} | ${cell(p.name, 200)} | ${image ? codeSpan(image, 200) : ' '} | ${formatDuration(p.durationSeconds)} | ${failure} |`;
}

/** Headline facts, links and the package table (failed first), the table cut to what fits. */
function renderSummary(report: BuildReport): string {
  // The headline is the title, shown right above: not repeated.
  const head = [countsLine(report), linksLine(report)].filter(Boolean);
  if (report.logs.uploadError && !report.logs.artifactUrl) {
    head.push(`> Log upload failed: ${mdText(report.logs.uploadError, 500)}`);
  }
  const before = head.join('\n\n');
  if (report.packages.length === 0) return truncate(before, OUTPUT_MAX) + '\n';
  const tableHead = '| | Package | Image | Duration | Failure point |\n| --- | --- | --- | --- | --- |';
  const ordered = failedFirst(report.packages);
  // Room for the note on hidden rows, whatever their count.
  let left = OUTPUT_MAX - before.length - tableHead.length - 200;
  const rows: string[] = [];
  for (const p of ordered) {
    const r = row(p);
    if (r.length + 1 > left) break;
    rows.push(r);
    left -= r.length + 1;
  }
  const hidden = ordered.slice(rows.length);
  const note = hidden.length
    ? `\n\n_… and ${hidden.length} more packages (${hidden.filter((p) => p.status === 'failure').length} failed) not shown; see report.json in the logs._`
    : '';
  return `${before}\n\n${tableHead}\n${rows.join('\n')}${note}\n`;
}

function failureBlock(name: string, f: FailurePoint, budget: number): string {
  const parts = [`### ${mdText(name, 200)} — ${mdText(where(f), 300)}`];
  if (f.error) parts.push(`**Error:** ${mdText(f.error, 2000)}`);
  if (f.logFile) parts.push(`Stage log on the runner: ${codeSpan(f.logFile, 400)}`);
  const lines = f.excerpt.slice(-40).map((l) => truncate(l, 500));
  let block = lines.length ? fenced(lines, 'text') : '';
  // The end of a log matters most: leading lines go first until the block fits.
  while (block.length > budget && lines.length > 1) {
    lines.shift();
    block = fenced(['…', ...lines], 'text');
  }
  if (block && block.length <= budget) parts.push(block);
  return parts.join('\n\n');
}

/** The details: each failure with its excerpt (as many as fit), the environment and the command. */
function renderDetails(report: BuildReport): string {
  const env = Object.entries(report.environment).filter(
    (e): e is [string, string] => e[0] !== 'source' && typeof e[1] === 'string' && e[1] !== '',
  );
  const tail = [
    '## Environment',
    env.length
      ? `| Variable | Value |\n| --- | --- |\n${env.map(([k, v]) => `| ${cell(k, 100)} | ${cell(v, 300)} |`).join('\n')}`
      : '_Not detected._',
    '## Command',
    fenced([truncate(oneLine(report.command.display), 4000)], 'bash'),
  ].join('\n\n');
  const failures = failuresOf(report);
  const blocks: string[] = [];
  let left = OUTPUT_MAX - tail.length - 300;
  for (const [name, f] of failures) {
    const block = failureBlock(name, f, Math.min(12_000, left - 400));
    if (block.length + 2 > left) break;
    blocks.push(block);
    left -= block.length + 2;
  }
  if (failures.length > blocks.length) {
    blocks.push(
      `_… and ${failures.length - blocks.length} more failures; see the summary's table and report.json._`,
    );
  }
  const head = failures.length
    ? [report.status === 'cancelled' ? '## Cancelled' : '## Failures', ...blocks]
    : [];
  return truncateMarkdown([...head, tail].join('\n\n') + '\n', OUTPUT_MAX);
}

/** Each failed package with its failure point; else the build's own failure (nothing could be blamed). */
function failuresOf(report: BuildReport): [string, FailurePoint][] {
  const out: [string, FailurePoint][] = [];
  for (const p of report.packages) if (p.failure && p.status === 'failure') out.push([p.name, p.failure]);
  if (out.length === 0 && report.failure && report.status !== 'success') {
    out.push([report.status === 'cancelled' ? 'Cancelled' : 'Failure', report.failure]);
  }
  return out;
}

/**
 * One failure annotation per failed package, on line 1 of `path` (the workflow file: a package has no file in
 * the repository), at most MAX_ANNOTATIONS (the last then names the rest). A failure no package can be
 * blamed for gets one annotation for the build. Plain text: GitHub shows annotations as they are.
 */
export function renderCheckAnnotations(report: BuildReport, path: string): CheckAnnotation[] {
  const one = (name: string, f: FailurePoint | null): CheckAnnotation => {
    const details = f ? f.excerpt.slice(-20).join('\n') : '';
    return {
      path,
      start_line: 1,
      end_line: 1,
      annotation_level: 'failure',
      title: truncate(oneLine(name), ANNOTATION_TITLE_MAX),
      message: truncate(
        `${f ? where(f) : 'unknown'}: ${oneLine(f?.error ?? report.message)}`,
        ANNOTATION_MESSAGE_MAX,
      ),
      ...(details ? { raw_details: truncate(details, RAW_DETAILS_MAX) } : {}),
    };
  };
  const failed = report.packages.filter((p) => p.status === 'failure');
  if (failed.length === 0) {
    return report.status === 'failure'
      ? [one(report.requestedPackages.join(' ') || 'jetson-containers', report.failure)]
      : [];
  }
  if (failed.length <= MAX_ANNOTATIONS) return failed.map((p) => one(p.name, p.failure));
  const rest = failed.slice(MAX_ANNOTATIONS - 1);
  return [
    ...failed.slice(0, MAX_ANNOTATIONS - 1).map((p) => one(p.name, p.failure)),
    {
      path,
      start_line: 1,
      end_line: 1,
      annotation_level: 'failure',
      title: `${rest.length} more packages failed`,
      message: truncate(rest.map((p) => oneLine(p.name)).join(', '), ANNOTATION_MESSAGE_MAX),
    },
  ];
}

/** The annotations in requests of at most ANNOTATIONS_PER_REQUEST, in order. */
export function annotationBatches<T>(annotations: readonly T[], size = ANNOTATIONS_PER_REQUEST): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < annotations.length; i += size) out.push(annotations.slice(i, i + size));
  return out;
}
