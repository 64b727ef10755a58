// The Slack message for a whole matrix run: the text line, then one attachment (colour bar = the run's
// status) with a header, the totals as fields, the run's sentence, a line per package — failed → missing →
// cancelled → built — and the links. However many packages there are, it stays within Slack's limits: rows
// that do not fit fold into "… and N more <group>" lines (a failure is never dropped to make room for a
// success), and the run's page has the rest. Every value from the run is inert (slack-limits.ts).
import type { ContextBlock, KnownBlock, SectionBlock } from '@slack/types';
import type { RunReport, RunRow, RunRowStatus } from '../../report/run-report.js';
import type { ChangeState, NotifyContext, RenderedMessage } from '../types.js';
import { formatDuration } from './limits.js';
import { runTemplateView } from '../template-fields.js';
import { renderMessageTemplate } from '../templates.js';
import { orderRows, STATUS_ICON } from './run-discord.js';
import {
  fitCells,
  GRID_ICON,
  fitPackageLines,
  gridColumns,
  gridHeadline,
  gridPackages,
  gridShape,
  isGrid,
  type GridPackage,
  type LinkMode,
} from './run-grid.js';
import {
  clampSlack,
  fitLines,
  inert,
  inlineCode,
  mrkdwn,
  plain,
  plainText,
  SLACK_COLOR,
  SLACK_LIMITS,
  slackLink,
  templateLine,
  type SlackBody,
  type SlackRenderOptions,
} from './slack-limits.js';

const GROUP_TITLE: Record<RunRowStatus, string> = {
  failure: 'failed',
  missing: 'without a report',
  cancelled: 'cancelled',
  success: 'built',
};
const ROW_MAX = 400;
const LINK_MAX = 1000;

/** `❌ Jetson build failed: 2 of 5 failed`, `✅ Jetson build fixed: 5/5 packages built`. */
export function runHeadline(run: RunReport, change: ChangeState = 'unknown'): string {
  if (isGrid(run)) return gridHeadline(run, change);
  const t = run.totals;
  const fixed = change === 'fixed' && run.status === 'success';
  const failed = change === 'broken' && run.status === 'failure' ? 'broken' : 'failed';
  if (run.status === 'success') {
    return `✅ Jetson build${fixed ? ' fixed' : ''}: ${t.success}/${t.packages} packages built`;
  }
  if (run.status === 'cancelled') return `⏹ Jetson build cancelled: ${t.success}/${t.packages} built`;
  if (t.missing > 0) {
    return `❌ Jetson build ${failed}: ${t.failure} failed, ${t.missing} without a report (of ${t.packages})`;
  }
  return `❌ Jetson build ${failed}: ${t.failure} of ${t.packages} failed`;
}

function rowLine(row: RunRow): string {
  const name = inert(row.name, 150);
  const link = row.status !== 'success' ? slackLink(row.web_url, name, LINK_MAX) : null;
  const label = link ?? `*${name}*`;
  const icon = STATUS_ICON[row.status];
  if (row.status === 'success') {
    const d = row.duration_seconds !== null ? ` · ${formatDuration(row.duration_seconds)}` : '';
    return `${icon} ${label}${d}`;
  }
  if (row.status === 'failure') {
    const f = row.failure;
    const where = f
      ? [f.phase, f.stage].filter((x): x is string => !!x && x !== 'unknown' && x !== row.name).join(' · ')
      : '';
    const error = f?.error ? inert(f.error, 140) : row.reason ? inert(row.reason, 140) : '';
    const detail = [where ? inlineCode(where, 80) : '', error].filter((x) => x !== '').join(' ');
    return `${icon} ${label}${detail ? ` — ${detail}` : ''}`;
  }
  return `${icon} ${label}${row.reason ? ` — ${inert(row.reason, 100)}` : ''}`;
}

/**
 * The rows within `budget` characters, in priority order, keeping room for one fold line per group still to
 * come so that every group shows at least its count. Returns the lines and how many rows were folded.
 */
export function slackRows(rows: RunRow[], budget: number): { lines: string[]; folded: number } {
  const groups = (['failure', 'missing', 'cancelled', 'success'] as const)
    .map((status) => ({ status, rows: rows.filter((r) => r.status === status) }))
    .filter((g) => g.rows.length > 0);
  const more = (n: number, status: RunRowStatus): string => `… and ${n} more ${GROUP_TITLE[status]}`;
  const foldCost = (status: RunRowStatus): number => more(99999, status).length + 1;
  const lines: string[] = [];
  let used = 0;
  let folded = 0;
  let full = false;
  groups.forEach((group, gi) => {
    const later = groups.slice(gi + 1).reduce((s, g) => s + foldCost(g.status), 0);
    let shown = 0;
    for (const row of full ? [] : group.rows) {
      const line = fitLines(rowLine(row), ROW_MAX);
      const reserve = group.rows.length - shown - 1 > 0 ? foldCost(group.status) : 0;
      if (used + line.length + 1 + reserve + later > budget) break;
      lines.push(line);
      used += line.length + 1;
      shown += 1;
    }
    const hidden = group.rows.length - shown;
    if (hidden === 0) return;
    full = true;
    folded += hidden;
    const line =
      shown === 0
        ? `${STATUS_ICON[group.status]} ${hidden} ${GROUP_TITLE[group.status]}`
        : more(hidden, group.status);
    if (used + line.length + 1 <= budget) {
      lines.push(line);
      used += line.length + 1;
    }
  });
  return { lines, folded };
}

/**
 * `*torchvision* — <job|❌ jp5-xavier build> · ✅ jp6-orin`: a package of a grid on one line, within
 * ROW_MAX * 2; the cells that do not fit are counted (`✅ 126 others`), never cut.
 */
export function slackGridLine(pkg: GridPackage, columns: string[], mode: LinkMode): string {
  const link =
    mode === 'none'
      ? null
      : (text: string, row: RunRow): string =>
          mode === 'all' || row.status !== 'success'
            ? (slackLink(row.web_url, text, LINK_MAX) ?? text)
            : text;
  const head = `*${inert(pkg.name, 150)}* — `;
  return fitLines(head + fitCells(pkg, columns, inert, link, ROW_MAX * 2 - head.length).text, ROW_MAX * 2);
}

/** The grid's package lines within `budget`, failures first, folded into counts when they do not fit. */
function slackGridLines(run: RunReport, budget: number): string[] {
  const columns = gridColumns(run);
  return fitPackageLines(gridPackages(run, columns), budget, (pkg, mode) => slackGridLine(pkg, columns, mode))
    .lines;
}

function factsBlock(run: RunReport): SectionBlock {
  const t = run.totals;
  const totals = [
    `✅ ${t.success} built`,
    t.failure ? `❌ ${t.failure} failed` : '',
    t.missing ? `❔ ${t.missing} no report` : '',
    t.cancelled
      ? `${isGrid(run) ? GRID_ICON.cancelled : STATUS_ICON.cancelled} ${t.cancelled} cancelled`
      : '',
  ].filter((x) => x !== '');
  const facts: [string, string][] = [
    [isGrid(run) ? `Builds (${gridShape(run)})` : 'Packages', totals.join('\n')],
    ['Time', `${formatDuration(run.wall_seconds)} wall\n${formatDuration(run.build_seconds_sum)} of builds`],
  ];
  const ref = run.ref ? inert(run.ref.replace(/^refs\/(heads|tags)\//, ''), 100) : '';
  const sha = run.sha ? inlineCode(run.sha.slice(0, 7), 20) : '';
  if (ref || sha) facts.push(['Ref', [ref, sha].filter(Boolean).join(' @ ')]);
  return { type: 'section', fields: facts.map(([k, v]) => mrkdwn(fitLines(`*${k}*\n${v}`, 600))) };
}

function linksBlock(run: RunReport): ContextBlock {
  const open = slackLink(run.web_url, 'Open the run', LINK_MAX);
  const where = [
    run.repository,
    run.trigger_name,
    run.build_id ? `run ${run.build_id}` : null,
    run.run_attempt && run.run_attempt !== '1' ? `attempt ${run.run_attempt}` : null,
  ]
    .filter((x): x is string => !!x)
    .map((x) => inert(x, 200))
    .join(' · ');
  const elements = [open ?? '', where || 'jetson-build'].filter((x) => x !== '').map(mrkdwn);
  return { type: 'context', elements };
}

/**
 * The run message. `ctx` says why it is sent: a change against the last run is worded in the header. Nothing
 * in it can ping.
 */
export function renderRunSlack(
  run: RunReport,
  opts: SlackRenderOptions = {},
  ctx?: NotifyContext,
): RenderedMessage {
  const headline = runHeadline(run, ctx?.change ?? 'unknown');
  const blocks: KnownBlock[] = [
    { type: 'header', text: plainText(plain(headline, SLACK_LIMITS.headerText)) },
    factsBlock(run),
  ];
  const summary = inert(run.message, 600);
  if (summary) blocks.push({ type: 'section', text: mrkdwn(summary) });
  const lines = isGrid(run)
    ? slackGridLines(run, SLACK_LIMITS.sectionText)
    : slackRows(orderRows(run.runs), SLACK_LIMITS.sectionText).lines;
  if (lines.length) blocks.push({ type: 'section', text: mrkdwn(lines.join('\n')) });
  blocks.push(linksBlock(run));
  const own = opts.messageTemplate
    ? renderMessageTemplate(opts.messageTemplate, runTemplateView(run, ctx), 'slack')
    : (opts.text ?? '');
  const body: SlackBody = {
    text:
      (own ? templateLine(own) : '') ||
      inert(run.repository ? `${headline} · ${run.repository}` : headline, 300),
    attachments: [{ color: SLACK_COLOR[run.status] ?? SLACK_COLOR.failure, blocks }],
    unfurl_links: false,
    unfurl_media: false,
  };
  return { body: clampSlack(body), files: [] };
}
