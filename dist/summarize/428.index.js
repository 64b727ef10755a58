export const id = 428;
export const ids = [428,158];
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


/***/ }),

/***/ 5428:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  renderRunTeams: () => (/* binding */ renderRunTeams)
});

// UNUSED EXPORTS: runHeadline

// EXTERNAL MODULE: ./src/notify/template-fields.ts + 2 modules
var template_fields = __webpack_require__(1208);
// EXTERNAL MODULE: ./src/notify/templates.ts
var templates = __webpack_require__(7858);
// EXTERNAL MODULE: ./src/notify/render/limits.ts
var limits = __webpack_require__(7284);
// EXTERNAL MODULE: ./src/notify/render/run-discord.ts
var run_discord = __webpack_require__(8158);
;// CONCATENATED MODULE: ./src/notify/render/teams-limits.ts
// What every Microsoft Teams message shares: the Adaptive Card types this action sends, the `message`
// envelope a Teams Workflows (Power Automate) or legacy connector webhook takes, text made inert for the
// card's markdown, the fitting of a card under Teams' size limit, and the check dry-run applies. Pure.

/**
 * Teams' limits for a webhook message: Adaptive Cards up to 1.5 render in Teams (1.6 does not), and a message
 * of about 28 KB; above it the webhook answers 413 (Request Entity Too Large).
 */
const TEAMS_LIMITS = {
    version: '1.5',
    /** The whole JSON body, in UTF-8 bytes. */
    bodyBytes: 28_000,
};
/**
 * What a renderer fits a card into: below the limit, because a Workflows flow posts the card inside a message
 * of its own, and the service has been seen to count some text twice (UTF-16).
 */
const TEAMS_FIT_BYTES = 24_000;
const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
/** The `message` envelope around a card with `body` and `actions` (left out when there is none). */
function teamsMessage(body, actions) {
    const content = {
        $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
        type: 'AdaptiveCard',
        version: TEAMS_LIMITS.version,
        body,
        ...(actions.length > 0 ? { actions } : {}),
        msteams: { width: 'Full' },
    };
    return {
        type: 'message',
        attachments: [{ contentType: CARD_CONTENT_TYPE, contentUrl: null, content }],
    };
}
/** The UTF-8 bytes of `body` as JSON: what Teams measures against its limit. */
function teamsBytes(body) {
    return Buffer.byteLength(JSON.stringify(body) ?? '', 'utf8');
}
// ---- text ----
/**
 * Text a JSON body can carry and a card can show: a lone surrogate (half an emoji, cut by a log line's cap)
 * becomes U+FFFD, and control characters other than tab and newline are dropped.
 */
function wellFormed(text) {
    return (text
        .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
        // eslint-disable-next-line no-control-regex -- dropping control characters is the point
        .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ''));
}
function oneLine(text) {
    return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
/**
 * Plain text made inert for the markdown a TextBlock or a Fact renders: formatting, links, lists, HTML and
 * entities are backslash-escaped (CommonMark escapes, which Teams reads), `<at>` mention tags can no longer
 * match, and a bare URL is broken with a zero-width space so that Teams does not turn it into a link. One
 * line, at most `max` characters before escaping.
 */
function inert(text, max) {
    const cut = (0,limits/* truncate */.xv)(oneLine(wellFormed(text)), max);
    return cut
        .replace(/[\\`*_~[\]<>|]/g, '\\$&')
        .replace(/&(?=#?\w+;)/g, '\\&')
        .replace(/^([#+-])(?=\s|$)|^(-)(?=[-\s]*$)/, '\\$1$2')
        .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2')
        .replace(/:\/\//g, ':\u200b//')
        .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}\u200b.`);
}
/** A plain-text title (an action's): no markdown is rendered there, but mention tags and controls are dropped. */
function plainTitle(text, max) {
    return (0,limits/* truncate */.xv)(oneLine(wellFormed(text)).replace(/<\/?at>/gi, ''), max) || '—';
}
/** `url` when it is an absolute https URL a card may open; else null (http, javascript:, spaces, too long). */
function httpsUrl(url, max = 2048) {
    if (!url || url.length > max || !/^https:\/\/[^\s<>"`]+$/i.test(url))
        return null;
    return URL.canParse(url) ? url : null;
}
// ---- fitting ----
/**
 * The first of `levels` (most detailed first) whose card fits TEAMS_FIT_BYTES; the last level always wins
 * when none does (it is built to be small whatever the report).
 */
function fitCard(levels, build) {
    let card = null;
    for (const level of levels) {
        card = build(level);
        if (teamsBytes(card) <= TEAMS_FIT_BYTES)
            return card;
    }
    if (card === null)
        throw new Error('fitCard needs at least one level');
    return card;
}
// ---- check ----
const ELEMENT_TYPES = new Set(['TextBlock', 'FactSet', 'Container']);
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function versionAtMost(version, max) {
    if (typeof version !== 'string' || !/^\d+\.\d+$/.test(version))
        return false;
    const [a, b] = version.split('.').map(Number);
    const [x, y] = max.split('.').map(Number);
    return a < x || (a === x && b <= y);
}
function elementProblems(elements, at, out) {
    if (!Array.isArray(elements)) {
        out.push(`${at} is not a list`);
        return;
    }
    elements.forEach((e, i) => {
        const here = `${at}[${i}]`;
        if (!isRecord(e) || typeof e.type !== 'string')
            out.push(`${here} is not an element`);
        else if (!ELEMENT_TYPES.has(e.type))
            out.push(`${here} is a ${e.type}, which this action does not send`);
        else if (e.type === 'TextBlock' && typeof e.text !== 'string')
            out.push(`${here}.text is not a string`);
        else if (e.type === 'FactSet' && !Array.isArray(e.facts))
            out.push(`${here}.facts is not a list`);
        else if (e.type === 'Container')
            elementProblems(e.items, `${here}.items`, out);
    });
}
/** Every way `body` breaks what a Teams webhook takes, as readable sentences; empty when it fits. */
function checkTeamsLimits(body) {
    const out = [];
    if (!isRecord(body) || body.type !== 'message')
        return ['body is not a Teams message (type: message)'];
    const attachments = body.attachments;
    if (!Array.isArray(attachments) || attachments.length !== 1) {
        return ['the message does not carry exactly one attachment'];
    }
    const attachment = attachments[0];
    if (!isRecord(attachment) || attachment.contentType !== CARD_CONTENT_TYPE) {
        return [`the attachment is not an Adaptive Card (contentType ${CARD_CONTENT_TYPE})`];
    }
    const card = attachment.content;
    if (!isRecord(card) || card.type !== 'AdaptiveCard')
        return ['the attachment content is not an AdaptiveCard'];
    if (!versionAtMost(card.version, TEAMS_LIMITS.version)) {
        out.push(`card version ${String(card.version)} is above ${TEAMS_LIMITS.version}, the newest Teams renders`);
    }
    elementProblems(card.body, 'body', out);
    const actions = card.actions ?? [];
    if (!Array.isArray(actions))
        out.push('actions is not a list');
    else {
        actions.forEach((a, i) => {
            if (!isRecord(a) || a.type !== 'Action.OpenUrl')
                out.push(`actions[${i}] is not an Action.OpenUrl`);
            else if (typeof a.url !== 'string' || httpsUrl(a.url) === null) {
                out.push(`actions[${i}].url is not an https URL`);
            }
        });
    }
    if (isRecord(card.msteams) && card.msteams.entities !== undefined) {
        out.push('msteams.entities is set: the card would mention someone');
    }
    const bytes = teamsBytes(body);
    if (bytes > TEAMS_LIMITS.bodyBytes)
        out.push(`body is ${bytes} bytes of JSON (max ${TEAMS_LIMITS.bodyBytes})`);
    return out;
}

;// CONCATENATED MODULE: ./src/notify/render/run-teams.ts





const COLOR = {
    success: 'Good',
    failure: 'Attention',
    cancelled: 'Warning',
};
const GROUP_WORD = {
    failure: 'failed',
    missing: 'without a report',
    cancelled: 'cancelled',
    success: 'built',
};
/** How many rows a card lists, and how long a row's detail may be; fitting walks down the list. */
const LEVELS = [
    { rows: 30, detailMax: 140 },
    { rows: 15, detailMax: 100 },
    { rows: 8, detailMax: 60 },
    { rows: 3, detailMax: 40 },
];
/** `❌ Jetson build failed: 2 of 256 failed`, `✅ Jetson build fixed: 3/3 packages built`. */
function runHeadline(run, change = 'unknown') {
    const t = run.totals;
    const fixed = change === 'fixed' && run.status === 'success';
    const broken = change === 'broken' && run.status === 'failure';
    if (run.status === 'success') {
        return `✅ Jetson build${fixed ? ' fixed' : ''}: ${t.success}/${t.packages} packages built`;
    }
    if (run.status === 'cancelled')
        return `⏹ Jetson build cancelled: ${t.success}/${t.packages} built`;
    const verb = broken ? 'broken' : 'failed';
    return t.missing > 0
        ? `❌ Jetson build ${verb}: ${t.failure} failed, ${t.missing} without a report (of ${t.packages})`
        : `❌ Jetson build ${verb}: ${t.failure} of ${t.packages} failed`;
}
function rowDetail(row, max) {
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
            ? [f.phase, f.stage].filter((x) => !!x && x !== 'unknown' && x !== row.name).join(' · ')
            : '';
        const error = f?.error ?? row.reason ?? '';
        return ([where ? inert(where, 80) : '', error ? inert(error, max) : ''].filter(Boolean).join(' — ') || 'failed');
    }
    return row.reason ? inert(row.reason, max) : GROUP_WORD[row.status];
}
function duration(row) {
    const d = (0,limits/* formatDuration */.a3)(row.duration_seconds);
    return d === '—' ? '' : d;
}
/** One fact per row in priority order; the rest in a last fact that counts them by status. */
function rowFacts(run, limit, detailMax) {
    const ordered = (0,run_discord/* orderRows */.O1)(run.runs);
    const shown = ordered.slice(0, limit);
    const facts = shown.map((row) => ({
        title: `${run_discord/* STATUS_ICON */.tW[row.status]} ${inert(row.name, 80)}`,
        value: rowDetail(row, detailMax),
    }));
    const hidden = ordered.slice(shown.length);
    if (hidden.length > 0) {
        const counts = ['failure', 'missing', 'cancelled', 'success']
            .map((s) => [s, hidden.filter((r) => r.status === s).length])
            .filter(([, n]) => n > 0)
            .map(([s, n]) => `${n} ${GROUP_WORD[s]}`);
        facts.push({ title: `… and ${hidden.length} more`, value: counts.join(', ') });
    }
    return facts;
}
function totalsFacts(run) {
    const t = run.totals;
    const packages = [
        `✅ ${t.success} built`,
        t.failure ? `❌ ${t.failure} failed` : '',
        t.missing ? `❔ ${t.missing} without a report` : '',
        t.cancelled ? `⏹ ${t.cancelled} cancelled` : '',
    ].filter(Boolean);
    const facts = [
        { title: 'Packages', value: packages.join(' · ') },
        {
            title: 'Time',
            value: `${(0,limits/* formatDuration */.a3)(run.wall_seconds)} wall · ${(0,limits/* formatDuration */.a3)(run.build_seconds_sum)} of builds`,
        },
    ];
    const where = [
        run.ref ? inert(run.ref.replace(/^refs\/(heads|tags)\//, ''), 60) : '',
        run.sha ? inert(run.sha.slice(0, 7), 7) : '',
    ].filter(Boolean);
    if (where.length)
        facts.push({ title: 'Ref', value: where.join(' @ ') });
    return facts;
}
function footer(run) {
    return [
        run.repository ? inert(run.repository, 100) : null,
        run.trigger_name ? inert(run.trigger_name, 60) : null,
        run.build_id ? `run ${inert(run.build_id, 30)}` : null,
        run.run_attempt && run.run_attempt !== '1' ? `attempt ${inert(run.run_attempt, 10)}` : null,
    ]
        .filter((x) => !!x)
        .join(' · ');
}
/** A button to the run, and one to the first failed job when it has its own page. */
function runActions(run) {
    const out = [];
    const runUrl = httpsUrl(run.web_url, 1000);
    if (runUrl)
        out.push({ type: 'Action.OpenUrl', title: 'Open the run', url: runUrl });
    const failed = (0,run_discord/* orderRows */.O1)(run.runs).find((r) => r.status === 'failure' || r.status === 'missing');
    const job = failed ? httpsUrl(failed.web_url, 1000) : null;
    if (failed && job && job !== runUrl) {
        out.push({ type: 'Action.OpenUrl', title: plainTitle(`Job: ${failed.name}`, 60), url: job });
    }
    return out;
}
/**
 * The run message. `ctx` says why it is sent: a change against the last run is worded in the headline, a
 * test is marked. The `message-template` line comes first when there is one.
 */
function renderRunTeams(run, opts = {}, ctx) {
    const head = [];
    if (ctx?.event === 'test') {
        head.push({
            type: 'TextBlock',
            text: '🧪 Test notification — not a real run',
            weight: 'Bolder',
            wrap: true,
        });
    }
    const text = opts.messageTemplate
        ? wellFormed((0,templates/* renderMessageTemplate */.U2)(opts.messageTemplate, (0,template_fields/* runTemplateView */.x8)(run, ctx), 'teams')).trim()
        : '';
    if (text)
        head.push({ type: 'TextBlock', text, wrap: true });
    head.push({
        type: 'TextBlock',
        text: runHeadline(run, ctx?.change ?? 'unknown'),
        size: 'Large',
        weight: 'Bolder',
        color: COLOR[run.status] ?? 'Attention',
        wrap: true,
    });
    if (run.message)
        head.push({ type: 'TextBlock', text: inert(run.message, 300), wrap: true });
    head.push({ type: 'FactSet', facts: totalsFacts(run) });
    const links = runActions(run);
    const foot = footer(run);
    const body = fitCard(LEVELS, (level) => {
        const elements = [...head];
        if (run.runs.length > 0) {
            elements.push({
                type: 'FactSet',
                facts: rowFacts(run, level.rows, level.detailMax),
                spacing: 'Medium',
            });
        }
        if (foot)
            elements.push({ type: 'TextBlock', text: foot, isSubtle: true, size: 'Small', wrap: true });
        return teamsMessage(elements, links);
    });
    return { body, files: [] };
}


/***/ })

};
