// Discord message for a whole matrix run: one embed with a row per package, within every Discord limit
// however many packages there are. Rows are ordered failed → missing (no report) → cancelled → built, and when
// they do not all fit the later ones fold into "… and N more" lines, so a failure is never dropped to make room
// for a success. When rows were folded the full list rides along as a text attachment.
import type { RunReport, RunRow, RunRowStatus } from '../../report/run-report.js';
import type { ChangeState, DiscordOptions, NotifyContext, OutgoingFile, RenderedMessage } from '../types.js';
import { applyMentions, mentionsFor, type DiscordAllowedMentions } from './discord-common.js';
import { DISCORD_LIMITS, formatDuration, neutraliseMentions, truncate } from './limits.js';
import { runTemplateView } from '../template-fields.js';
import { renderMessageTemplate } from '../templates.js';
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

export { DISCORD_LIMITS };

/** Discord's limits (a 400 when exceeded). */

export const STATUS_ICON: Record<RunRowStatus, string> = {
  failure: '❌',
  cancelled: '⏹',
  missing: '❔',
  success: '✅',
};

const COLOR = { success: 0x2ecc71, failure: 0xe74c3c, cancelled: 0x95a5a6 } as const;

/** The order rows are shown in: what needs attention first. */
const PRIORITY: Record<RunRowStatus, number> = { failure: 0, missing: 1, cancelled: 2, success: 3 };

export function orderRows(rows: RunRow[]): RunRow[] {
  return rows
    .map((row, i) => ({ row, i }))
    .sort((a, b) => PRIORITY[a.row.status] - PRIORITY[b.row.status] || a.i - b.i)
    .map((x) => x.row);
}

/** Text safe inside Discord markdown: no formatting, links, code or mentions from user data. */
export function escapeMarkdown(text: string): string {
  return neutraliseMentions(text.replace(/[\r\n]+/g, ' ').replace(/([\\*_~|`>[\]()<])/g, '\\$1'));
}

function rowLine(row: RunRow): string {
  const icon = STATUS_ICON[row.status];
  const name = escapeMarkdown(row.name);
  const label = row.status !== 'success' && row.web_url ? `[${name}](${row.web_url})` : `**${name}**`;
  if (row.status === 'success') {
    const d = row.duration_seconds !== null ? ` · ${formatDuration(row.duration_seconds)}` : '';
    return `${icon} ${label}${d}`;
  }
  if (row.status === 'failure') {
    const f = row.failure;
    const where = f
      ? [f.phase, f.stage].filter((x): x is string => !!x && x !== 'unknown' && x !== row.name).join(' · ')
      : '';
    const error = f?.error ? truncate(f.error, 140) : (row.reason ?? '');
    const detail = [where ? `\`${escapeMarkdown(where).replace(/`/g, '')}\`` : '', escapeMarkdown(error)]
      .filter((x) => x !== '')
      .join(' ');
    return `${icon} ${label}${detail ? ' — ' + detail : ''}`;
  }
  const reason = row.reason ? ' — ' + escapeMarkdown(truncate(row.reason, 100)) : '';
  return `${icon} ${label}${reason}`;
}

const GROUP_TITLE: Record<RunRowStatus, string> = {
  failure: 'failed',
  missing: 'without a report',
  cancelled: 'cancelled',
  success: 'built',
};

/**
 * The row list within `budget` characters. Lines are taken in priority order; room is always kept for one
 * "… and N more <group>" line per group still to come, so every group shows at least its count.
 * Returns the text and how many rows were folded.
 */
export function fitRows(rows: RunRow[], budget: number): { text: string; folded: number } {
  const groups: { status: RunRowStatus; rows: RunRow[] }[] = [];
  for (const status of ['failure', 'missing', 'cancelled', 'success'] as const) {
    const g = rows.filter((r) => r.status === status);
    if (g.length > 0) groups.push({ status, rows: g });
  }
  const more = (n: number, status: RunRowStatus): string => `… and ${n} more ${GROUP_TITLE[status]}`;
  // Worst-case length of a fold line, for the reservation.
  const foldCost = (status: RunRowStatus): number => more(99999, status).length + 1;

  const lines: string[] = [];
  let used = 0;
  let folded = 0;
  let exhausted = false;
  groups.forEach((group, gi) => {
    const reserveLater = groups.slice(gi + 1).reduce((s, g) => s + foldCost(g.status), 0);
    let shown = 0;
    if (!exhausted) {
      for (const row of group.rows) {
        const line = truncate(rowLine(row), 400);
        const cost = line.length + 1;
        const remainingAfter = group.rows.length - shown - 1;
        const reserveHere = remainingAfter > 0 ? foldCost(group.status) : 0;
        if (used + cost + reserveHere + reserveLater > budget) break;
        lines.push(line);
        used += cost;
        shown += 1;
      }
    }
    const hidden = group.rows.length - shown;
    if (hidden > 0) {
      exhausted = true;
      const line =
        shown === 0
          ? `${STATUS_ICON[group.status]} ${hidden} ${GROUP_TITLE[group.status]}`
          : more(hidden, group.status);
      if (used + line.length + 1 <= budget) {
        lines.push(line);
        used += line.length + 1;
      }
      folded += hidden;
    }
  });
  return { text: lines.join('\n'), folded };
}

/** A link target safe inside `[text](url)`: http(s), nothing that ends the link early. */
function linkTarget(url: string | null): string | null {
  return url && /^https?:\/\/[^\s()<>]+$/.test(url) && url.length <= 500 ? url : null;
}

/** The longest package line of a grid: Discord shows the rest of a wide grid in the attachment. */
const GRID_LINE_MAX = 1000;

/**
 * `**torchvision** — [❌ jp5-xavier build](job) · ✅ jp6-orin`: a package of a grid on one line, within
 * GRID_LINE_MAX; `counted` cells did not fit and were counted instead of listed.
 */
export function gridLine(
  pkg: GridPackage,
  columns: string[],
  mode: LinkMode,
): { text: string; counted: number } {
  const esc = (text: string, max: number): string => escapeMarkdown(truncate(text, max));
  const link =
    mode === 'none'
      ? null
      : (text: string, row: RunRow): string => {
          const url = mode === 'all' || row.status !== 'success' ? linkTarget(row.web_url) : null;
          return url ? `[${text}](${url})` : text;
        };
  const head = `**${esc(pkg.name, 120)}** — `;
  const cells = fitCells(pkg, columns, esc, link, GRID_LINE_MAX - head.length);
  return { text: head + cells.text, counted: cells.counted };
}

/**
 * The grid's package lines within `budget`, failures first, folded into counts when they do not fit;
 * `folded` also counts a line that counted cells instead of listing them (the attachment has those).
 */
function fitGridLines(run: RunReport, budget: number): { text: string; folded: number } {
  const columns = gridColumns(run);
  const counted = new Map<string, number>();
  const { lines, folded } = fitPackageLines(gridPackages(run, columns), budget, (pkg, mode) => {
    const line = gridLine(pkg, columns, mode);
    if (line.counted > 0) counted.set(line.text, line.counted);
    return line.text;
  });
  const cut = lines.reduce((n, l) => n + (counted.has(l) ? 1 : 0), 0);
  return { text: lines.join('\n'), folded: folded + cut };
}

/** The failed packages, or in a grid the failed cells: `torchvision (jp5-xavier), numpy (jp6-orin, x86)`. */
function failedList(run: RunReport): string {
  if (!isGrid(run)) return run.failed_packages.slice(0, 10).join(', ');
  const byName = new Map<string, string[]>();
  for (const f of run.failed) byName.set(f.package, [...(byName.get(f.package) ?? []), f.platform ?? '—']);
  return [...byName.entries()]
    .slice(0, 10)
    .map(([name, platforms]) => `${name} (${platforms.join(', ')})`)
    .join(', ');
}

/** `❌ Jetson build failed: 1 of 3 failed` (the pull-request comment of a run uses it too). */
export function title(run: RunReport, change: ChangeState): string {
  if (isGrid(run)) return truncate(gridHeadline(run, change), DISCORD_LIMITS.title);
  const t = run.totals;
  // A change against the last run replaces the plain verb: "fixed" after a failure, "broken" after a success.
  const fixed = change === 'fixed' && run.status === 'success';
  const broken = change === 'broken' && run.status === 'failure';
  const head =
    run.status === 'success'
      ? `✅ Jetson build${fixed ? ' fixed' : ''}: ${t.success}/${t.packages} packages built`
      : run.status === 'cancelled'
        ? `⏹ Jetson build cancelled: ${t.success}/${t.packages} built`
        : t.missing > 0
          ? `❌ Jetson build ${broken ? 'broken' : 'failed'}: ${t.failure} failed, ${t.missing} without a report (of ${t.packages})`
          : `❌ Jetson build ${broken ? 'broken' : 'failed'}: ${t.failure} of ${t.packages} failed`;
  return truncate(head, DISCORD_LIMITS.title);
}

/** A plain-text list of every row, attached when the embed had to fold rows. */
export function rowsAsText(run: RunReport): string {
  const lines = [`${run.status.toUpperCase()}  ${run.message}`, run.web_url ?? '', ''];
  for (const r of orderRows(run.runs)) {
    const extra = [
      r.image ?? '',
      formatDuration(r.duration_seconds),
      r.host_tag ?? '',
      r.failure?.error ?? r.reason ?? '',
      r.web_url ?? '',
    ];
    const on = r.platform ? ` on ${r.platform}` : '';
    lines.push(
      `${r.status.padEnd(9)} ${r.name}${on}  ${extra.filter((x) => x !== '' && x !== '—').join('  ')}`,
    );
  }
  return lines.join('\n') + '\n';
}

function fieldsFor(run: RunReport): { name: string; value: string; inline: boolean }[] {
  const t = run.totals;
  const totals = [
    `✅ ${t.success} built`,
    t.failure ? `❌ ${t.failure} failed` : '',
    t.missing ? `❔ ${t.missing} no report` : '',
    t.cancelled
      ? `${isGrid(run) ? GRID_ICON.cancelled : STATUS_ICON.cancelled} ${t.cancelled} cancelled`
      : '',
  ]
    .filter((x) => x !== '')
    .join('\n');
  const fields = [
    { name: isGrid(run) ? `Builds (${gridShape(run)})` : 'Packages', value: totals, inline: true },
    {
      name: 'Time',
      value: `${formatDuration(run.wall_seconds)} wall\n${formatDuration(run.build_seconds_sum)} of builds`,
      inline: true,
    },
  ];
  const where = [
    run.ref ? escapeMarkdown(run.ref.replace(/^refs\/(heads|tags)\//, '')) : '',
    run.sha ? `\`${run.sha.slice(0, 7)}\`` : '',
  ]
    .filter((x) => x !== '')
    .join(' @ ');
  if (where) fields.push({ name: 'Ref', value: where, inline: true });
  return fields.map((f) => ({
    name: truncate(f.name, DISCORD_LIMITS.fieldName),
    value: truncate(f.value, DISCORD_LIMITS.fieldValue),
    inline: f.inline,
  }));
}

/** Every character Discord counts toward the 6000 limit of an embed. */
export function embedTextLength(embed: {
  title?: string;
  description?: string;
  fields?: { name: string; value: string }[];
  footer?: { text: string };
  author?: { name: string };
}): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.fields ?? []).reduce((s, f) => s + f.name.length + f.value.length, 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0)
  );
}

/**
 * The run message. `ctx` says why it is sent: a change against the last run is worded in the title, and a
 * failed run carries the `discord-mention-on-failure` mentions (the only thing in it that can ping).
 */
export function renderRunDiscord(
  run: RunReport,
  opts: DiscordOptions,
  ctx?: NotifyContext,
  messageTemplate: string | null = null,
): RenderedMessage {
  const embedTitle = title(run, ctx?.change ?? 'unknown');
  const fields = fieldsFor(run);
  const footerText = truncate(
    [
      run.repository,
      run.trigger_name,
      run.build_id ? `run ${run.build_id}` : null,
      run.run_attempt && run.run_attempt !== '1' ? `attempt ${run.run_attempt}` : null,
    ]
      .filter((x): x is string => !!x)
      .join(' · ') || 'jetson-build',
    DISCORD_LIMITS.footer,
  );
  const summary = escapeMarkdown(truncate(run.message, 600));
  const link = run.web_url ? `\n[Open the run](${run.web_url})` : '';
  const fixed =
    embedTitle.length + footerText.length + fields.reduce((s, f) => s + f.name.length + f.value.length, 0);
  // The description holds the summary, the rows and the link; 16 characters of slack for the separators.
  const descBudget =
    Math.min(DISCORD_LIMITS.description, DISCORD_LIMITS.embedTotal - fixed) -
    summary.length -
    link.length -
    16;
  const { text: rows, folded } = isGrid(run)
    ? fitGridLines(run, Math.max(0, descBudget))
    : fitRows(orderRows(run.runs), Math.max(0, descBudget));
  const description = truncate(
    [summary, rows].filter((x) => x !== '').join('\n\n') + link,
    DISCORD_LIMITS.description,
  );

  const embed: Record<string, unknown> = {
    title: embedTitle,
    description,
    color: COLOR[run.status],
    fields,
    footer: { text: footerText },
    timestamp: run.completed,
  };
  if (run.web_url) embed['url'] = run.web_url;

  const own = messageTemplate
    ? renderMessageTemplate(messageTemplate, runTemplateView(run, ctx), 'discord')
    : null;
  const content =
    own ||
    truncate(
      neutraliseMentions(
        run.status === 'success'
          ? `Jetson build succeeded: ${run.totals.success} package${run.totals.success === 1 ? '' : 's'}`
          : `Jetson build ${run.status === 'cancelled' ? 'cancelled' : 'failed'}: ${escapeMarkdown(failedList(run) || run.message)}`,
      ),
      DISCORD_LIMITS.content,
    );

  const body: { content: string; allowed_mentions: DiscordAllowedMentions } & Record<string, unknown> = {
    content,
    embeds: [embed],
    allowed_mentions: { parse: [] },
  };
  if (opts.username) body['username'] = truncate(opts.username, DISCORD_LIMITS.usernameMax);
  if (opts.avatarUrl) body['avatar_url'] = opts.avatarUrl;
  if (opts.threadName && !opts.threadId) body['thread_name'] = truncate(opts.threadName, 100);

  const files: OutgoingFile[] = [];
  if (folded > 0) {
    files.push({
      name: 'packages.txt',
      contentType: 'text/plain; charset=utf-8',
      data: Buffer.from(rowsAsText(run), 'utf8'),
    });
  }
  return { body: applyMentions(body, mentionsFor(run.status, opts, ctx)), files };
}
