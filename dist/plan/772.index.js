export const id = 772;
export const ids = [772];
export const modules = {

/***/ 2772:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  planLiveRun: () => (/* binding */ planLiveRun),
  renderLiveRun: () => (/* binding */ renderLiveRun)
});

// UNUSED EXPORTS: MAX_LIVE_LEGS, countStates, decodeStates, encodeStates, fitLiveLines, hasLegLine, legKey, legLine, mergeLegLine, parseLiveRun, pendingLine

// EXTERNAL MODULE: ./src/notify/render/discord-common.ts
var discord_common = __webpack_require__(2470);
// EXTERNAL MODULE: ./src/notify/render/limits.ts
var limits = __webpack_require__(7284);
// EXTERNAL MODULE: ./src/notify/template-fields.ts
var template_fields = __webpack_require__(6589);
// EXTERNAL MODULE: ./src/notify/templates.ts + 1 modules
var templates = __webpack_require__(5978);
;// CONCATENATED MODULE: ./src/notify/render/run-discord.ts





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
function run_discord_escapeMarkdown(text) {
    return (0,limits/* neutraliseMentions */.yY)(text.replace(/[\r\n]+/g, ' ').replace(/([\\*_~|`>[\]()<])/g, '\\$1'));
}
function rowLine(row) {
    const icon = STATUS_ICON[row.status];
    const name = run_discord_escapeMarkdown(row.name);
    const label = row.status !== 'success' && row.web_url ? `[${name}](${row.web_url})` : `**${name}**`;
    if (row.status === 'success') {
        const d = row.duration_seconds !== null ? ` · ${formatDuration(row.duration_seconds)}` : '';
        return `${icon} ${label}${d}`;
    }
    if (row.status === 'failure') {
        const f = row.failure;
        const where = f
            ? [f.phase, f.stage].filter((x) => !!x && x !== 'unknown' && x !== row.name).join(' · ')
            : '';
        const error = f?.error ? truncate(f.error, 140) : (row.reason ?? '');
        const detail = [where ? `\`${run_discord_escapeMarkdown(where).replace(/`/g, '')}\`` : '', run_discord_escapeMarkdown(error)]
            .filter((x) => x !== '')
            .join(' ');
        return `${icon} ${label}${detail ? ' — ' + detail : ''}`;
    }
    const reason = row.reason ? ' — ' + run_discord_escapeMarkdown(truncate(row.reason, 100)) : '';
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
                const line = truncate(rowLine(row), 400);
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
    return truncate(head, DISCORD_LIMITS.title);
}
/** A plain-text list of every row, attached when the embed had to fold rows. */
function rowsAsText(run) {
    const lines = [`${run.status.toUpperCase()}  ${run.message}`, run.web_url ?? '', ''];
    for (const r of orderRows(run.runs)) {
        const extra = [
            r.image ?? '',
            formatDuration(r.duration_seconds),
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
            value: `${formatDuration(run.wall_seconds)} wall\n${formatDuration(run.build_seconds_sum)} of builds`,
            inline: true,
        },
    ];
    const where = [
        run.ref ? run_discord_escapeMarkdown(run.ref.replace(/^refs\/(heads|tags)\//, '')) : '',
        run.sha ? `\`${run.sha.slice(0, 7)}\`` : '',
    ]
        .filter((x) => x !== '')
        .join(' @ ');
    if (where)
        fields.push({ name: 'Ref', value: where, inline: true });
    return fields.map((f) => ({
        name: truncate(f.name, DISCORD_LIMITS.fieldName),
        value: truncate(f.value, DISCORD_LIMITS.fieldValue),
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
    const footerText = truncate([
        run.repository,
        run.trigger_name,
        run.build_id ? `run ${run.build_id}` : null,
        run.run_attempt && run.run_attempt !== '1' ? `attempt ${run.run_attempt}` : null,
    ]
        .filter((x) => !!x)
        .join(' · ') || 'jetson-build', DISCORD_LIMITS.footer);
    const summary = run_discord_escapeMarkdown(truncate(run.message, 600));
    const link = run.web_url ? `\n[Open the run](${run.web_url})` : '';
    const fixed = embedTitle.length + footerText.length + fields.reduce((s, f) => s + f.name.length + f.value.length, 0);
    // The description holds the summary, the rows and the link; 16 characters of slack for the separators.
    const descBudget = Math.min(DISCORD_LIMITS.description, DISCORD_LIMITS.embedTotal - fixed) -
        summary.length -
        link.length -
        16;
    const { text: rows, folded } = fitRows(orderRows(run.runs), Math.max(0, descBudget));
    const description = truncate([summary, rows].filter((x) => x !== '').join('\n\n') + link, DISCORD_LIMITS.description);
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
        ? renderMessageTemplate(messageTemplate, runTemplateView(run, ctx), 'discord')
        : null;
    const content = own ||
        truncate(neutraliseMentions(run.status === 'success'
            ? `Jetson build succeeded: ${run.totals.success} package${run.totals.success === 1 ? '' : 's'}`
            : `Jetson build ${run.status === 'cancelled' ? 'cancelled' : 'failed'}: ${run_discord_escapeMarkdown(run.failed_packages.slice(0, 10).join(', ') || run.message)}`), DISCORD_LIMITS.content);
    const body = {
        content,
        embeds: [embed],
        allowed_mentions: { parse: [] },
    };
    if (opts.username)
        body['username'] = truncate(opts.username, DISCORD_LIMITS.usernameMax);
    if (opts.avatarUrl)
        body['avatar_url'] = opts.avatarUrl;
    if (opts.threadName && !opts.threadId)
        body['thread_name'] = truncate(opts.threadName, 100);
    const files = [];
    if (folded > 0) {
        files.push({
            name: 'packages.txt',
            contentType: 'text/plain; charset=utf-8',
            data: Buffer.from(rowsAsText(run), 'utf8'),
        });
    }
    return { body: applyMentions(body, mentionsFor(run.status, opts, ctx)), files };
}

;// CONCATENATED MODULE: ./src/notify/render/run-live-discord.ts



/** GitHub's limit of jobs per matrix: the most legs one run message tracks. */
const MAX_LIVE_LEGS = 256;
const ICON = { failure: '❌', cancelled: '⏹', success: '✅', pending: '⏳' };
const LABEL = {
    failure: 'failed',
    cancelled: 'cancelled',
    success: 'done',
    pending: 'to go',
};
/** Failures first: what needs attention is never folded to make room for a success. */
const GROUP_ORDER = ['failure', 'cancelled', 'success', 'pending'];
const STATUS_CODE = ['pending', 'success', 'failure', 'cancelled'];
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const STATE_MARK = ' · state ';
const STATE_RE = /(?:^| · )state (\d{1,3})\.([A-Za-z0-9_-]*)$/;
/** A leg's line: its icon, then its name in a code span (linked or not). Nothing else starts that way. */
const LINE_RE = /^(❌|⏹|✅|⏳) \[?`([A-Za-z0-9._-]{1,60})`/u;
const LINE_MAX = 320;
const FOOTER_MAX = 200;
const run_live_discord_COLOR = { building: 0xf1c40f, failing: 0xe67e22 };
/**
 * A leg name as a line key: the plan's names (`pytorch-2.8`, `chunk-2-of-3`) as they are; anything else made
 * safe for a code span and the parser (no backticks, markdown or mentions can come through).
 */
function legKey(name) {
    const key = name
        .replace(/[^A-Za-z0-9._-]+/g, '-')
        .replace(/^[-.]+|[-.]+$/g, '')
        .slice(0, 60);
    return key === '' ? 'leg' : key;
}
/** A link target safe inside `[text](url)`: http(s) only, no parenthesis or space to end the link early. */
function safeUrl(url) {
    if (!url)
        return null;
    try {
        const u = new URL(url);
        if (u.protocol !== 'https:' && u.protocol !== 'http:')
            return null;
        return u.href.replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/\s/g, '%20');
    }
    catch {
        return null;
    }
}
function keyLabel(key, url) {
    const link = safeUrl(url);
    // A link too long for the line would be cut open by the line's limit: the name alone then.
    return link && link.length <= 120 ? `[\`${key}\`](${link})` : `\`${key}\``;
}
function pendingLine(leg) {
    const key = legKey(leg.leg);
    const packages = leg.packages.trim();
    const what = packages !== '' && packages !== leg.leg ? ' ' + run_discord_escapeMarkdown((0,limits/* truncate */.xv)(packages, 80)) : '';
    return { key, status: 'pending', text: (0,limits/* truncate */.xv)(`${ICON.pending} \`${key}\`${what}`, LINE_MAX) };
}
function legLine(result) {
    const key = legKey(result.leg);
    const parts = [`${ICON[result.status]} ${keyLabel(key, result.url)}`];
    if (result.built && result.built.of > 1)
        parts.push(`${result.built.done}/${result.built.of} built`);
    if (result.durationSeconds !== null)
        parts.push(formatDuration(result.durationSeconds));
    let text = parts.join(' · ');
    if (result.status === 'failure') {
        // A code span shows its text as it is: no markdown escape inside (it would show as a backslash).
        const where = result.where ? code(result.where, 120) : '';
        const cause = result.cause ? escapeMarkdown(truncate(result.cause, 160)) : '';
        const detail = [where, cause].filter((x) => x !== '').join(' ');
        if (detail)
            text += ` — ${detail}`;
    }
    else if (result.status === 'cancelled') {
        text += ' — cancelled';
    }
    return { key, status: result.status, text: truncate(text, LINE_MAX) };
}
/** The run message as the plan posts it: every leg pending. */
function planLiveRun(legs, url, footer) {
    if (legs.length === 0 || legs.length > MAX_LIVE_LEGS) {
        throw new Error(`a live run message tracks 1 to ${MAX_LIVE_LEGS} legs, not ${legs.length}`);
    }
    const ordered = [...legs].sort((a, b) => a.index - b.index);
    return {
        states: ordered.map(() => 'pending'),
        lines: ordered.map(pendingLine),
        url: safeUrl(url),
        footer: (0,limits/* truncate */.xv)(footer.replace(/[\r\n]+/g, ' '), FOOTER_MAX),
    };
}
/**
 * The run with one leg's result written in: its slot in the state set, its line replaced (or added).
 * Every other leg's state and line is kept as it was. Null when the index is not one of the run's legs.
 */
function mergeLegLine(run, index, line) {
    if (!Number.isInteger(index) || index < 0 || index >= run.states.length)
        return null;
    const states = [...run.states];
    states[index] = line.status;
    const at = run.lines.findIndex((l) => l.key === line.key);
    const lines = at >= 0 ? run.lines.map((l, i) => (i === at ? line : l)) : [...run.lines, line];
    return { ...run, states, lines };
}
/** Whether the message holds this leg's result: its slot has the status, and no stale line of it is shown. */
function hasLegLine(run, index, line) {
    if (run.states[index] !== line.status)
        return false;
    const shown = run.lines.find((l) => l.key === line.key);
    return shown === undefined || shown.status === line.status;
}
function countStates(states) {
    const counts = { pending: 0, success: 0, failure: 0, cancelled: 0 };
    for (const s of states)
        counts[s] += 1;
    return counts;
}
/** The state code: one base-4 digit per leg, three to a character. */
function encodeStates(states) {
    let out = '';
    for (let i = 0; i < states.length; i += 3) {
        let n = 0;
        for (let j = 0; j < 3; j++)
            n = n * 4 + STATUS_CODE.indexOf(states[i + j] ?? 'pending');
        out += ALPHABET[n];
    }
    return `${states.length}.${out}`;
}
function decodeStates(total, code) {
    if (!Number.isInteger(total) || total < 1 || total > MAX_LIVE_LEGS)
        return null;
    if (code.length !== Math.ceil(total / 3))
        return null;
    const states = [];
    for (const ch of code) {
        const n = ALPHABET.indexOf(ch);
        if (n < 0)
            return null;
        for (const shift of [16, 4, 1])
            states.push(STATUS_CODE[Math.floor(n / shift) % 4]);
    }
    return states.slice(0, total);
}
/**
 * The visible lines within `budget` characters, in group order. Each group shows what fits, and its other
 * legs as "… and N more <label>" (N from the state, so a leg whose line was folded earlier is still counted).
 * Room is kept for one such line per group, so every group shows at least its count.
 */
function fitLiveLines(run, budget) {
    const counts = countStates(run.states);
    const foldCost = (s) => `… and 999 more ${LABEL[s]}`.length + 1;
    const groups = GROUP_ORDER.filter((s) => counts[s] > 0);
    const out = [];
    let used = 0;
    groups.forEach((status, gi) => {
        const reserveLater = groups.slice(gi + 1).reduce((sum, s) => sum + foldCost(s), 0);
        const lines = run.lines.filter((l) => l.status === status).slice(0, counts[status]);
        let shown = 0;
        for (const line of lines) {
            const more = counts[status] - shown - 1 > 0 ? foldCost(status) : 0;
            if (used + line.text.length + 1 + more + reserveLater > budget)
                break;
            out.push(line.text);
            used += line.text.length + 1;
            shown += 1;
        }
        const hidden = counts[status] - shown;
        if (hidden > 0) {
            const fold = shown === 0 ? `${ICON[status]} ${hidden} ${LABEL[status]}` : `… and ${hidden} more ${LABEL[status]}`;
            if (used + fold.length + 1 <= budget) {
                out.push(fold);
                used += fold.length + 1;
            }
        }
    });
    return out;
}
function liveTitle(counts, total) {
    const done = total - counts.pending;
    const legs = total === 1 ? 'leg' : 'legs';
    const tail = done === total ? ', summarizing' : '';
    return (0,limits/* truncate */.xv)(`⏳ Jetson build: ${done}/${total} ${legs} done${tail}`, limits/* DISCORD_LIMITS */.YT.title);
}
function countsLine(counts) {
    return GROUP_ORDER.filter((s) => counts[s] > 0)
        .map((s) => `${ICON[s]} ${counts[s]} ${LABEL[s]}`)
        .join(' · ');
}
/**
 * The message for `run`. `create` (the plan's post) may carry the webhook's username, avatar and a forum
 * thread's name; an edit carries only what Discord's edit endpoint accepts.
 */
function renderLiveRun(run, kind, opts) {
    const counts = countStates(run.states);
    const title = liveTitle(counts, run.states.length);
    const footer = `${run.footer}${run.footer ? STATE_MARK : 'state '}${encodeStates(run.states)}`;
    const head = [run.url ? `[Open the run](${run.url})` : '', countsLine(counts)].filter((x) => x !== '');
    const headText = head.join('\n') + '\n\n';
    const budget = Math.min(limits/* DISCORD_LIMITS */.YT.description, limits/* DISCORD_LIMITS */.YT.embedTotal - title.length - footer.length) -
        headText.length;
    const description = headText + fitLiveLines(run, budget).join('\n');
    const embed = {
        title,
        description: (0,limits/* truncate */.xv)(description, limits/* DISCORD_LIMITS */.YT.description),
        color: counts.failure > 0 ? run_live_discord_COLOR.failing : run_live_discord_COLOR.building,
        footer: { text: footer },
    };
    if (run.url)
        embed['url'] = run.url;
    const body = { embeds: [embed], allowed_mentions: { parse: [] } };
    if (kind === 'create' && opts) {
        if (opts.username)
            body['username'] = (0,limits/* truncate */.xv)(opts.username, limits/* DISCORD_LIMITS */.YT.usernameMax);
        if (opts.avatarUrl)
            body['avatar_url'] = opts.avatarUrl;
        if (opts.threadName && !opts.threadId)
            body['thread_name'] = (0,limits/* truncate */.xv)(opts.threadName, limits/* DISCORD_LIMITS */.YT.threadName);
    }
    if (kind === 'edit')
        body['content'] = '';
    return { body, files: [] };
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/**
 * The run a message holds (Discord's GET answer), or null when it is not a live run message: one that
 * summarize has already replaced with the final result, or any other message.
 */
function parseLiveRun(message) {
    const embed = isRecord(message) && Array.isArray(message['embeds']) ? message['embeds'][0] : undefined;
    if (!isRecord(embed))
        return null;
    const footerText = isRecord(embed['footer']) ? embed['footer']['text'] : undefined;
    if (typeof footerText !== 'string')
        return null;
    const mark = STATE_RE.exec(footerText);
    if (!mark)
        return null;
    const states = decodeStates(Number(mark[1]), mark[2]);
    if (!states)
        return null;
    const description = typeof embed['description'] === 'string' ? embed['description'] : '';
    const lines = [];
    for (const text of description.split('\n')) {
        const m = LINE_RE.exec(text);
        if (!m)
            continue;
        const status = GROUP_ORDER.find((s) => ICON[s] === m[1]);
        const key = m[2];
        if (!lines.some((l) => l.key === key))
            lines.push({ key, status, text: truncate(text, LINE_MAX) });
    }
    return {
        states,
        lines,
        url: typeof embed['url'] === 'string' ? safeUrl(embed['url']) : null,
        footer: footerText.slice(0, mark.index),
    };
}


/***/ })

};
