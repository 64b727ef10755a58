// The Microsoft Teams message for a whole matrix run (the fleet RunReport): an Adaptive Card with the totals,
// one fact per package row (failed → without a report → cancelled → built, so a failure is never folded away
// to make room for a success), a count of the rows that did not fit, and a button to the run. Fitted under
// Teams' size limit for any number of rows. Pure.
import type { RunReport, RunRow, RunRowStatus } from '../../report/run-report.js';
import { runTemplateView } from '../template-fields.js';
import { renderMessageTemplate } from '../templates.js';
import type { ChangeState, NotifyContext, RenderedMessage } from '../types.js';
import { formatDuration } from './limits.js';
import { orderRows, STATUS_ICON } from './run-discord.js';
import {
  compactCells,
  GRID_ICON,
  gridColumns,
  gridHeadline,
  gridPackages,
  gridShape,
  isGrid,
} from './run-grid.js';
import type { TeamsRenderOptions } from './teams.js';
import {
  fitCard,
  httpsUrl,
  inert,
  plainTitle,
  teamsMessage,
  wellFormed,
  type TeamsColor,
  type TeamsElement,
  type TeamsFact,
  type TeamsOpenUrl,
} from './teams-limits.js';

const COLOR: Record<RunReport['status'], TeamsColor> = {
  success: 'Good',
  failure: 'Attention',
  cancelled: 'Warning',
};

const GROUP_WORD: Record<RunRowStatus, string> = {
  failure: 'failed',
  missing: 'without a report',
  cancelled: 'cancelled',
  success: 'built',
};

/** How many rows a card lists, and how long a row's detail may be; fitting walks down the list. */
const LEVELS: readonly { rows: number; detailMax: number }[] = [
  { rows: 30, detailMax: 140 },
  { rows: 15, detailMax: 100 },
  { rows: 8, detailMax: 60 },
  { rows: 3, detailMax: 40 },
];

/** `❌ Jetson build failed: 2 of 256 failed`, `✅ Jetson build fixed: 3/3 packages built`. */
export function runHeadline(run: RunReport, change: ChangeState = 'unknown'): string {
  if (isGrid(run)) return gridHeadline(run, change);
  const t = run.totals;
  const fixed = change === 'fixed' && run.status === 'success';
  const broken = change === 'broken' && run.status === 'failure';
  if (run.status === 'success') {
    return `✅ Jetson build${fixed ? ' fixed' : ''}: ${t.success}/${t.packages} packages built`;
  }
  if (run.status === 'cancelled') return `⏹ Jetson build cancelled: ${t.success}/${t.packages} built`;
  const verb = broken ? 'broken' : 'failed';
  return t.missing > 0
    ? `❌ Jetson build ${verb}: ${t.failure} failed, ${t.missing} without a report (of ${t.packages})`
    : `❌ Jetson build ${verb}: ${t.failure} of ${t.packages} failed`;
}

function rowDetail(row: RunRow, max: number): string {
  if (row.status === 'success') {
    return [
      (row.pushed_image ?? row.image) ? inert(row.pushed_image ?? row.image ?? '', max) : '',
      duration(row),
    ]
      .filter(Boolean)
      .join(' · ');
  }
  if (row.status === 'failure') {
    const f = row.failure;
    const where = f
      ? [f.phase, f.stage].filter((x): x is string => !!x && x !== 'unknown' && x !== row.name).join(' · ')
      : '';
    const error = f?.error ?? row.reason ?? '';
    return (
      [where ? inert(where, 80) : '', error ? inert(error, max) : ''].filter(Boolean).join(' — ') || 'failed'
    );
  }
  return row.reason ? inert(row.reason, max) : GROUP_WORD[row.status];
}

function duration(row: RunRow): string {
  const d = formatDuration(row.duration_seconds);
  return d === '—' ? '' : d;
}

/** One fact per row in priority order; the rest in a last fact that counts them by status. */
function rowFacts(run: RunReport, limit: number, detailMax: number): TeamsFact[] {
  const ordered = orderRows(run.runs);
  const shown = ordered.slice(0, limit);
  const facts = shown.map((row) => ({
    title: `${STATUS_ICON[row.status]} ${inert(row.name, 80)}`,
    value: rowDetail(row, detailMax),
  }));
  const hidden = ordered.slice(shown.length);
  if (hidden.length > 0) {
    const counts = (['failure', 'missing', 'cancelled', 'success'] as const)
      .map((s) => [s, hidden.filter((r) => r.status === s).length] as const)
      .filter(([, n]) => n > 0)
      .map(([s, n]) => `${n} ${GROUP_WORD[s]}`);
    facts.push({ title: `… and ${hidden.length} more`, value: counts.join(', ') });
  }
  return facts;
}

/**
 * One fact per package of a grid (failures first): `❌ torchvision` → `✅ jp6-orin · ❌ jp5-xavier build`;
 * the rest in a last fact that counts them by their worst cell.
 */
function gridFacts(run: RunReport, limit: number, detailMax: number): TeamsFact[] {
  const columns = gridColumns(run);
  const packages = gridPackages(run, columns);
  const esc = (text: string, max: number): string => inert(text, Math.min(max, detailMax));
  const facts = packages.slice(0, limit).map((pkg) => ({
    title: `${GRID_ICON[pkg.status]} ${inert(pkg.name, 80)}`,
    value: compactCells(pkg, columns, esc, null),
  }));
  const hidden = packages.slice(limit);
  if (hidden.length > 0) {
    const counts = (['failure', 'missing', 'cancelled', 'success'] as const)
      .map((s) => [s, hidden.filter((p) => p.status === s).length] as const)
      .filter(([, n]) => n > 0)
      .map(([s, n]) => `${n} ${GROUP_WORD[s]}`);
    facts.push({ title: `… and ${hidden.length} more packages`, value: counts.join(', ') });
  }
  return facts;
}

function totalsFacts(run: RunReport): TeamsFact[] {
  const t = run.totals;
  const packages = [
    `✅ ${t.success} built`,
    t.failure ? `❌ ${t.failure} failed` : '',
    t.missing ? `❔ ${t.missing} without a report` : '',
    t.cancelled
      ? `${isGrid(run) ? GRID_ICON.cancelled : STATUS_ICON.cancelled} ${t.cancelled} cancelled`
      : '',
  ].filter(Boolean);
  const facts: TeamsFact[] = [
    { title: isGrid(run) ? `Builds (${gridShape(run)})` : 'Packages', value: packages.join(' · ') },
    {
      title: 'Time',
      value: `${formatDuration(run.wall_seconds)} wall · ${formatDuration(run.build_seconds_sum)} of builds`,
    },
  ];
  const where = [
    run.ref ? inert(run.ref.replace(/^refs\/(heads|tags)\//, ''), 60) : '',
    run.sha ? inert(run.sha.slice(0, 7), 7) : '',
  ].filter(Boolean);
  if (where.length) facts.push({ title: 'Ref', value: where.join(' @ ') });
  return facts;
}

function footer(run: RunReport): string {
  return [
    run.repository ? inert(run.repository, 100) : null,
    run.trigger_name ? inert(run.trigger_name, 60) : null,
    run.build_id ? `run ${inert(run.build_id, 30)}` : null,
    run.run_attempt && run.run_attempt !== '1' ? `attempt ${inert(run.run_attempt, 10)}` : null,
  ]
    .filter((x): x is string => !!x)
    .join(' · ');
}

/** A button to the run, and one to the first failed job when it has its own page. */
function runActions(run: RunReport): TeamsOpenUrl[] {
  const out: TeamsOpenUrl[] = [];
  const runUrl = httpsUrl(run.web_url, 1000);
  if (runUrl) out.push({ type: 'Action.OpenUrl', title: 'Open the run', url: runUrl });
  const failed = orderRows(run.runs).find((r) => r.status === 'failure' || r.status === 'missing');
  const job = failed ? httpsUrl(failed.web_url, 1000) : null;
  if (failed && job && job !== runUrl) {
    const on = failed.platform ? ` on ${failed.platform}` : '';
    out.push({ type: 'Action.OpenUrl', title: plainTitle(`Job: ${failed.name}${on}`, 60), url: job });
  }
  return out;
}

/**
 * The run message. `ctx` says why it is sent: a change against the last run is worded in the headline, a
 * test is marked. The `message-template` line comes first when there is one.
 */
export function renderRunTeams(
  run: RunReport,
  opts: TeamsRenderOptions = {},
  ctx?: NotifyContext,
): RenderedMessage {
  const head: TeamsElement[] = [];
  if (ctx?.event === 'test') {
    head.push({
      type: 'TextBlock',
      text: '🧪 Test notification — not a real run',
      weight: 'Bolder',
      wrap: true,
    });
  }
  const text = opts.messageTemplate
    ? wellFormed(renderMessageTemplate(opts.messageTemplate, runTemplateView(run, ctx), 'teams')).trim()
    : '';
  if (text) head.push({ type: 'TextBlock', text, wrap: true });
  head.push({
    type: 'TextBlock',
    text: runHeadline(run, ctx?.change ?? 'unknown'),
    size: 'Large',
    weight: 'Bolder',
    color: COLOR[run.status] ?? 'Attention',
    wrap: true,
  });
  if (run.message) head.push({ type: 'TextBlock', text: inert(run.message, 300), wrap: true });
  head.push({ type: 'FactSet', facts: totalsFacts(run) });
  const links = runActions(run);
  const foot = footer(run);
  const body = fitCard(LEVELS, (level) => {
    const elements: TeamsElement[] = [...head];
    if (run.runs.length > 0) {
      elements.push({
        type: 'FactSet',
        facts: isGrid(run)
          ? gridFacts(run, level.rows, level.detailMax)
          : rowFacts(run, level.rows, level.detailMax),
        spacing: 'Medium',
      });
    }
    if (foot) elements.push({ type: 'TextBlock', text: foot, isSubtle: true, size: 'Small', wrap: true });
    return teamsMessage(elements, links);
  });
  return { body, files: [] };
}
