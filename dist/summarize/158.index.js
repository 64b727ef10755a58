export const id = 158;
export const ids = [158];
export const modules = {

/***/ 8158:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DD: () => (/* binding */ title),
/* harmony export */   O1: () => (/* binding */ orderRows),
/* harmony export */   renderRunDiscord: () => (/* binding */ renderRunDiscord),
/* harmony export */   tW: () => (/* binding */ STATUS_ICON)
/* harmony export */ });
/* unused harmony exports escapeMarkdown, fitRows, rowsAsText, embedTextLength */
/* harmony import */ var _discord_common_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2470);
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7284);
/* harmony import */ var _template_fields_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1208);
/* harmony import */ var _templates_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7858);





/** Discord's limits (a 400 when exceeded). */
const STATUS_ICON = {
    failure: '❌',
    cancelled: '⏹',
    missing: '❔',
    success: '✅',
};
const COLOR = { success: 0x2ecc71, failure: 0xe74c3c, cancelled: 0x95a5a6 };
/** The order rows are shown in: what needs attention first. */
const PRIORITY = { failure: 0, missing: 1, cancelled: 2, success: 3 };
function orderRows(rows) {
    return rows
        .map((row, i) => ({ row, i }))
        .sort((a, b) => PRIORITY[a.row.status] - PRIORITY[b.row.status] || a.i - b.i)
        .map((x) => x.row);
}
/** Text safe inside Discord markdown: no formatting, links, code or mentions from user data. */
function escapeMarkdown(text) {
    return (0,_limits_js__WEBPACK_IMPORTED_MODULE_1__/* .neutraliseMentions */ .yY)(text.replace(/[\r\n]+/g, ' ').replace(/([\\*_~|`>[\]()<])/g, '\\$1'));
}
function rowLine(row) {
    const icon = STATUS_ICON[row.status];
    const name = escapeMarkdown(row.name);
    const label = row.status !== 'success' && row.web_url ? `[${name}](${row.web_url})` : `**${name}**`;
    if (row.status === 'success') {
        const d = row.duration_seconds !== null ? ` · ${(0,_limits_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(row.duration_seconds)}` : '';
        return `${icon} ${label}${d}`;
    }
    if (row.status === 'failure') {
        const f = row.failure;
        const where = f
            ? [f.phase, f.stage].filter((x) => !!x && x !== 'unknown' && x !== row.name).join(' · ')
            : '';
        const error = f?.error ? (0,_limits_js__WEBPACK_IMPORTED_MODULE_1__/* .truncate */ .xv)(f.error, 140) : (row.reason ?? '');
        const detail = [where ? `\`${escapeMarkdown(where).replace(/`/g, '')}\`` : '', escapeMarkdown(error)]
            .filter((x) => x !== '')
            .join(' ');
        return `${icon} ${label}${detail ? ' — ' + detail : ''}`;
    }
    const reason = row.reason ? ' — ' + escapeMarkdown((0,_limits_js__WEBPACK_IMPORTED_MODULE_1__/* .truncate */ .xv)(row.reason, 100)) : '';
    return `${icon} ${label}${reason}`;
}
const GROUP_TITLE = {
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
function fitRows(rows, budget) {
    const groups = [];
    for (const status of ['failure', 'missing', 'cancelled', 'success']) {
        const g = rows.filter((r) => r.status === status);
        if (g.length > 0)
            groups.push({ status, rows: g });
    }
    const more = (n, status) => `… and ${n} more ${GROUP_TITLE[status]}`;
    // Worst-case length of a fold line, for the reservation.
    const foldCost = (status) => more(99999, status).length + 1;
    const lines = [];
    let used = 0;
    let folded = 0;
    let exhausted = false;
    groups.forEach((group, gi) => {
        const reserveLater = groups.slice(gi + 1).reduce((s, g) => s + foldCost(g.status), 0);
        let shown = 0;
        if (!exhausted) {
            for (const row of group.rows) {
                const line = (0,_limits_js__WEBPACK_IMPORTED_MODULE_1__/* .truncate */ .xv)(rowLine(row), 400);
                const cost = line.length + 1;
                const remainingAfter = group.rows.length - shown - 1;
                const reserveHere = remainingAfter > 0 ? foldCost(group.status) : 0;
                if (used + cost + reserveHere + reserveLater > budget)
                    break;
                lines.push(line);
                used += cost;
                shown += 1;
            }
        }
        const hidden = group.rows.length - shown;
        if (hidden > 0) {
            exhausted = true;
            const line = shown === 0
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
/** `❌ Jetson build failed: 1 of 3 failed` (the pull-request comment of a run uses it too). */
function title(run, change) {
    const t = run.totals;
    // A change against the last run replaces the plain verb: "fixed" after a failure, "broken" after a success.
    const fixed = change === 'fixed' && run.status === 'success';
    const broken = change === 'broken' && run.status === 'failure';
    const head = run.status === 'success'
        ? `✅ Jetson build${fixed ? ' fixed' : ''}: ${t.success}/${t.packages} packages built`
        : run.status === 'cancelled'
            ? `⏹ Jetson build cancelled: ${t.success}/${t.packages} built`
            : t.missing > 0
                ? `❌ Jetson build ${broken ? 'broken' : 'failed'}: ${t.failure} failed, ${t.missing} without a report (of ${t.packages})`
                : `❌ Jetson build ${broken ? 'broken' : 'failed'}: ${t.failure} of ${t.packages} failed`;
    return (0,_limits_js__WEBPACK_IMPORTED_MODULE_1__/* .truncate */ .xv)(head, _limits_js__WEBPACK_IMPORTED_MODULE_1__/* .DISCORD_LIMITS */ .YT.title);
}
/** A plain-text list of every row, attached when the embed had to fold rows. */
function rowsAsText(run) {
    const lines = [`${run.status.toUpperCase()}  ${run.message}`, run.web_url ?? '', ''];
    for (const r of orderRows(run.runs)) {
        const extra = [
            r.image ?? '',
            (0,_limits_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(r.duration_seconds),
            r.host_tag ?? '',
            r.failure?.error ?? r.reason ?? '',
            r.web_url ?? '',
        ];
        lines.push(`${r.status.padEnd(9)} ${r.name}  ${extra.filter((x) => x !== '' && x !== '—').join('  ')}`);
    }
    return lines.join('\n') + '\n';
}
function fieldsFor(run) {
    const t = run.totals;
    const totals = [
        `✅ ${t.success} built`,
        t.failure ? `❌ ${t.failure} failed` : '',
        t.missing ? `❔ ${t.missing} no report` : '',
        t.cancelled ? `⏹ ${t.cancelled} cancelled` : '',
    ]
        .filter((x) => x !== '')
        .join('\n');
    const fields = [
        { name: 'Packages', value: totals, inline: true },
        {
            name: 'Time',
            value: `${(0,_limits_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(run.wall_seconds)} wall\n${(0,_limits_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(run.build_seconds_sum)} of builds`,
            inline: true,
        },
    ];
    const where = [
        run.ref ? escapeMarkdown(run.ref.replace(/^refs\/(heads|tags)\//, '')) : '',
        run.sha ? `\`${run.sha.slice(0, 7)}\`` : '',
    ]
        .filter((x) => x !== '')
        .join(' @ ');
    if (where)
        fields.push({ name: 'Ref', value: where, inline: true });
    return fields.map((f) => ({
        name: (0,_limits_js__WEBPACK_IMPORTED_MODULE_1__/* .truncate */ .xv)(f.name, _limits_js__WEBPACK_IMPORTED_MODULE_1__/* .DISCORD_LIMITS */ .YT.fieldName),
        value: (0,_limits_js__WEBPACK_IMPORTED_MODULE_1__/* .truncate */ .xv)(f.value, _limits_js__WEBPACK_IMPORTED_MODULE_1__/* .DISCORD_LIMITS */ .YT.fieldValue),
        inline: f.inline,
    }));
}
/** Every character Discord counts toward the 6000 limit of an embed. */
function embedTextLength(embed) {
    return ((embed.title?.length ?? 0) +
        (embed.description?.length ?? 0) +
        (embed.fields ?? []).reduce((s, f) => s + f.name.length + f.value.length, 0) +
        (embed.footer?.text.length ?? 0) +
        (embed.author?.name.length ?? 0));
}
/**
 * The run message. `ctx` says why it is sent: a change against the last run is worded in the title, and a
 * failed run carries the `discord-mention-on-failure` mentions (the only thing in it that can ping).
 */
function renderRunDiscord(run, opts, ctx, messageTemplate = null) {
    const embedTitle = title(run, ctx?.change ?? 'unknown');
    const fields = fieldsFor(run);
    const footerText = (0,_limits_js__WEBPACK_IMPORTED_MODULE_1__/* .truncate */ .xv)([
        run.repository,
        run.trigger_name,
        run.build_id ? `run ${run.build_id}` : null,
        run.run_attempt && run.run_attempt !== '1' ? `attempt ${run.run_attempt}` : null,
    ]
        .filter((x) => !!x)
        .join(' · ') || 'jetson-build', _limits_js__WEBPACK_IMPORTED_MODULE_1__/* .DISCORD_LIMITS */ .YT.footer);
    const summary = escapeMarkdown((0,_limits_js__WEBPACK_IMPORTED_MODULE_1__/* .truncate */ .xv)(run.message, 600));
    const link = run.web_url ? `\n[Open the run](${run.web_url})` : '';
    const fixed = embedTitle.length + footerText.length + fields.reduce((s, f) => s + f.name.length + f.value.length, 0);
    // The description holds the summary, the rows and the link; 16 characters of slack for the separators.
    const descBudget = Math.min(_limits_js__WEBPACK_IMPORTED_MODULE_1__/* .DISCORD_LIMITS */ .YT.description, _limits_js__WEBPACK_IMPORTED_MODULE_1__/* .DISCORD_LIMITS */ .YT.embedTotal - fixed) -
        summary.length -
        link.length -
        16;
    const { text: rows, folded } = fitRows(orderRows(run.runs), Math.max(0, descBudget));
    const description = (0,_limits_js__WEBPACK_IMPORTED_MODULE_1__/* .truncate */ .xv)([summary, rows].filter((x) => x !== '').join('\n\n') + link, _limits_js__WEBPACK_IMPORTED_MODULE_1__/* .DISCORD_LIMITS */ .YT.description);
    const embed = {
        title: embedTitle,
        description,
        color: COLOR[run.status],
        fields,
        footer: { text: footerText },
        timestamp: run.completed,
    };
    if (run.web_url)
        embed['url'] = run.web_url;
    const own = messageTemplate
        ? (0,_templates_js__WEBPACK_IMPORTED_MODULE_3__/* .renderMessageTemplate */ .U2)(messageTemplate, (0,_template_fields_js__WEBPACK_IMPORTED_MODULE_2__/* .runTemplateView */ .x8)(run, ctx), 'discord')
        : null;
    const content = own ||
        (0,_limits_js__WEBPACK_IMPORTED_MODULE_1__/* .truncate */ .xv)((0,_limits_js__WEBPACK_IMPORTED_MODULE_1__/* .neutraliseMentions */ .yY)(run.status === 'success'
            ? `Jetson build succeeded: ${run.totals.success} package${run.totals.success === 1 ? '' : 's'}`
            : `Jetson build ${run.status === 'cancelled' ? 'cancelled' : 'failed'}: ${escapeMarkdown(run.failed_packages.slice(0, 10).join(', ') || run.message)}`), _limits_js__WEBPACK_IMPORTED_MODULE_1__/* .DISCORD_LIMITS */ .YT.content);
    const body = {
        content,
        embeds: [embed],
        allowed_mentions: { parse: [] },
    };
    if (opts.username)
        body['username'] = (0,_limits_js__WEBPACK_IMPORTED_MODULE_1__/* .truncate */ .xv)(opts.username, _limits_js__WEBPACK_IMPORTED_MODULE_1__/* .DISCORD_LIMITS */ .YT.usernameMax);
    if (opts.avatarUrl)
        body['avatar_url'] = opts.avatarUrl;
    if (opts.threadName && !opts.threadId)
        body['thread_name'] = (0,_limits_js__WEBPACK_IMPORTED_MODULE_1__/* .truncate */ .xv)(opts.threadName, 100);
    const files = [];
    if (folded > 0) {
        files.push({
            name: 'packages.txt',
            contentType: 'text/plain; charset=utf-8',
            data: Buffer.from(rowsAsText(run), 'utf8'),
        });
    }
    return { body: (0,_discord_common_js__WEBPACK_IMPORTED_MODULE_0__/* .applyMentions */ .Oi)(body, (0,_discord_common_js__WEBPACK_IMPORTED_MODULE_0__/* .mentionsFor */ .nb)(run.status, opts, ctx)), files };
}


/***/ })

};
