// The job summary of the summarize step: the whole RunReport as a markdown table (every row, failures
// first), with the failing excerpts folded underneath. Kept under the runner's 1 MiB step-summary limit.
import type { RunReport, RunRow } from './run-report.js';
import { STATUS_ICON, orderRows } from '../notify/render/run-discord.js';
import { formatDuration, truncate } from '../notify/render/limits.js';
import {
  GRID_LEGEND,
  cellWhere,
  failedCells,
  gridColumns,
  gridPackages,
  gridShape,
  gridTable,
  isGrid,
  mismatchNotes,
} from '../notify/render/run-grid.js';

/** The runner refuses step summaries over 1 MiB; stay well below it. */
export const SUMMARY_MAX_BYTES = 1024 * 1024 - 16 * 1024;

/** A table cell: one line, no pipe or HTML, bounded. */
function cell(text: string | null | undefined, max = 200): string {
  if (!text) return '';
  return truncate(text.replace(/[\r\n]+/g, ' '), max)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/@/g, '@\u200b');
}

function link(text: string, url: string | null): string {
  return url && /^https?:\/\//.test(url) ? `[${text}](${url})` : text;
}

function row(r: RunRow): string {
  const failure = r.failure
    ? [r.failure.phase !== 'unknown' ? r.failure.phase : '', r.failure.stage ?? '', r.failure.error ?? '']
        .filter((x) => x)
        .join(' · ')
    : (r.reason ?? '');
  return [
    `${STATUS_ICON[r.status]} ${r.status}`,
    `\`${cell(r.name, 120).replace(/`/g, '')}\``,
    r.image ? `\`${cell(r.image, 160).replace(/`/g, '')}\`` : '',
    formatDuration(r.duration_seconds),
    cell(r.host_tag, 60),
    cell(failure, 240),
    [link('job', r.web_url), r.log_url && r.log_url !== r.web_url ? link('logs', r.log_url) : '']
      .filter((x) => x)
      .join(' · '),
  ].join(' | ');
}

function excerptBlock(r: RunRow): string {
  const lines = (r.failure?.excerpt ?? []).map((l) => truncate(l, 300));
  if (lines.length === 0) return '';
  const body = lines.join('\n');
  let fence = '```';
  while (body.includes(fence)) fence += '`';
  const name = cell(r.name, 120);
  return `<details><summary>❌ ${name}: last lines</summary>\n\n${fence}text\n${body}\n${fence}\n\n</details>\n`;
}

export function renderRunSummary(run: RunReport): string {
  if (isGrid(run)) return renderGridSummary(run);
  const t = run.totals;
  const icon = run.status === 'success' ? '✅' : run.status === 'cancelled' ? '⏹' : '❌';
  const head = [
    `## ${icon} Jetson build: ${run.status}`,
    '',
    cell(run.message, 2000),
    '',
    `**${t.packages}** packages: ✅ ${t.success} built · ❌ ${t.failure} failed · ❔ ${t.missing} without a report · ⏹ ${t.cancelled} cancelled  `,
    `Wall time ${formatDuration(run.wall_seconds)} for ${formatDuration(run.build_seconds_sum)} of builds` +
      (run.web_url ? ` · ${link('the run', run.web_url)}` : ''),
    '',
    '| Status | Package | Image | Duration | Runner | Failure | Links |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ].join('\n');

  let out = head + '\n';
  let bytes = Buffer.byteLength(out, 'utf8');
  const ordered = orderRows(run.runs);
  const reserve = 200; // for the "rows left out" line
  let shown = 0;
  for (const r of ordered) {
    const line = `| ${row(r)} |\n`;
    const cost = Buffer.byteLength(line, 'utf8');
    if (bytes + cost + reserve > SUMMARY_MAX_BYTES) break;
    out += line;
    bytes += cost;
    shown += 1;
  }
  if (shown < ordered.length) {
    out +=
      `\n_${ordered.length - shown} more rows left out to stay under the 1 MiB summary limit: every row is in ` +
      `run-report.json (the reusable workflow uploads it as the \`jetson-run-report-…\` artifact)._\n`;
    return out;
  }
  const excerpts = ordered
    .filter((r) => r.status === 'failure')
    .map(excerptBlock)
    .filter((x) => x !== '');
  if (excerpts.length > 0) {
    out += '\n### Failures\n\n';
    for (const block of excerpts) {
      const cost = Buffer.byteLength(block, 'utf8');
      if (bytes + cost + reserve > SUMMARY_MAX_BYTES) {
        out += '\n_More excerpts left out to stay under the 1 MiB summary limit._\n';
        break;
      }
      out += block;
      bytes += cost;
    }
  }
  return out;
}

// ---- a packages × platforms grid ----

/** Build text inside a table cell or a link's text: no markdown either (a stage named `*x*` shows as typed). */
function inline(text: string, max: number): string {
  return cell(text.replace(/[\\`*_~[\]]/g, '\\$&'), max);
}

const GRID_FORMAT = {
  esc: inline,
  name: (text: string) => `\`${cell(text, 120).replace(/`/g, '')}\``,
  // A URL that could end the link or the table cell early is left out: the cell's text alone then.
  link: (text: string, url: string | null) =>
    url && /^https?:\/\/[^\s<>()[\]|`"'\\]+$/.test(url) ? `[${text}](${url})` : text,
};

/** One collapsible per failed cell: `❌ torchvision on jp5-xavier: build · ERROR …`, its links and excerpt. */
function cellFailureBlock(r: RunRow): string {
  const icon = r.status === 'missing' ? '❔' : '❌';
  const where = cellWhere(r);
  const said = r.failure?.error ?? r.reason ?? '';
  const head = [where, said].filter((x) => x !== '').join(' · ');
  const summary = `${icon} ${cell(r.name, 120)} on ${cell(r.platform ?? '—', 60)}${head ? ': ' + cell(head, 240) : ''}`;
  const links = [link('job', r.web_url), r.log_url && r.log_url !== r.web_url ? link('logs', r.log_url) : '']
    .filter((x) => x)
    .join(' · ');
  const lines = (r.failure?.excerpt ?? []).map((l) => truncate(l, 300));
  let excerpt = '';
  if (lines.length > 0) {
    const body = lines.join('\n');
    let fence = '```';
    while (body.includes(fence)) fence += '`';
    excerpt = `${fence}text\n${body}\n${fence}\n\n`;
  }
  const reason = r.failure && r.reason ? `${cell(r.reason, 300)}  \n` : '';
  return `<details><summary>${summary}</summary>\n\n${reason}${links}\n\n${excerpt}</details>\n`;
}

/**
 * Appends blocks while they fit (`reserve` bytes kept free for what follows), else says how many were left
 * out. Returns the text and how many blocks it holds.
 */
function appendBounded<T>(
  out: string,
  items: readonly T[],
  render: (item: T) => string,
  what: string,
  reserve: number,
): { out: string; shown: number } {
  let bytes = Buffer.byteLength(out, 'utf8');
  // Rendered one at a time: thousands of excerpts are never built only to be left out.
  for (const [i, item] of items.entries()) {
    const block = render(item);
    const cost = Buffer.byteLength(block, 'utf8');
    if (bytes + cost + reserve > SUMMARY_MAX_BYTES) {
      const note = `\n_${items.length - i} more ${what} left out to stay under the 1 MiB summary limit._\n`;
      return { out: out + note, shown: i };
    }
    out += block;
    bytes += cost;
  }
  return { out, shown: items.length };
}

/**
 * The summary of a grid: packages as rows, platforms as columns, each cell linked to its job; below it the
 * platform mismatches, the legend, and one collapsible per failed cell. Rows that do not fit fold into a count
 * (failures come first, so they are the last to go).
 */
function renderGridSummary(run: RunReport): string {
  const t = run.totals;
  const icon = run.status === 'success' ? '✅' : run.status === 'cancelled' ? '⏹' : '❌';
  const columns = gridColumns(run);
  const packages = gridPackages(run, columns);
  const table = gridTable(run, packages, columns, GRID_FORMAT);
  let out =
    [
      `## ${icon} Jetson build: ${run.status}`,
      '',
      cell(run.message, 2000),
      '',
      `**${gridShape(run)}** = ${t.cells} builds: ✅ ${t.success} built · ❌ ${t.failure} failed · ❔ ${t.missing} without a report · ⏭ ${t.cancelled} cancelled or not built  `,
      `Wall time ${formatDuration(run.wall_seconds)} for ${formatDuration(run.build_seconds_sum)} of builds` +
        (run.web_url ? ` · ${link('the run', run.web_url)}` : ''),
      '',
      table.head,
    ].join('\n') + '\n';
  const notes = mismatchNotes(packages, inline).map((n) => `- ${n}\n`);
  const tail = `\n<sub>${GRID_LEGEND}</sub>\n\n${notes.join('')}`;
  // The legend and the mismatch notes stay whatever happens to the rows.
  const reserve = 400 + Buffer.byteLength(tail, 'utf8');
  const grid = appendBounded(out, table.rows, (r) => r + '\n', 'packages', reserve);
  out = grid.out + tail;
  if (grid.shown < table.rows.length) {
    return (
      out +
      `\nEvery row is in run-report.json (the reusable workflow uploads it as the \`jetson-run-report-…\` artifact).\n`
    );
  }
  const failed = failedCells(packages);
  if (failed.length === 0) return out;
  return appendBounded(out + '\n### Failures\n\n', failed, cellFailureBlock, 'failures', 200).out;
}
