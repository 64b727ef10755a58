export const id = 603;
export const ids = [603,158];
export const modules = {

/***/ 8158:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O1: () => (/* binding */ orderRows),
/* harmony export */   renderRunDiscord: () => (/* binding */ renderRunDiscord),
/* harmony export */   tW: () => (/* binding */ STATUS_ICON)
/* harmony export */ });
/* unused harmony exports escapeMarkdown, fitRows, rowsAsText, embedTextLength */
/* harmony import */ var _discord_common_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2470);
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7284);
/* harmony import */ var _template_fields_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3820);
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

/***/ 3603:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  renderRunSlack: () => (/* binding */ renderRunSlack),
  runHeadline: () => (/* binding */ runHeadline),
  slackRows: () => (/* binding */ slackRows)
});

// EXTERNAL MODULE: ./src/notify/render/limits.ts
var limits = __webpack_require__(7284);
// EXTERNAL MODULE: ./src/notify/render/run-discord.ts
var run_discord = __webpack_require__(8158);
;// CONCATENATED MODULE: ./src/notify/render/slack-limits.ts

/**
 * Slack's documented Block Kit limits (characters), plus two bounds of this action: `text` (the notification
 * line: Slack truncates at 40 000, a person reads one line) and `totalText` (all visible text together).
 */
const SLACK_LIMITS = {
    blocks: 50,
    attachments: 100,
    headerText: 150,
    sectionText: 3000,
    fields: 10,
    fieldText: 2000,
    contextElements: 10,
    contextText: 3000,
    text: 3000,
    totalText: 12_000,
};
const SLACK_COLOR = {
    success: '#2EB67D',
    failure: '#E01E5A',
    cancelled: '#868686',
    /** A build that has started (notify-start). */
    building: '#439FE0',
};
// ---- inert text ----
const ZWSP = '\u200b';
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Half a surrogate pair on its own becomes U+FFFD: it is not valid UTF-8 and some parsers refuse it. */
function wellFormed(s) {
    return s.replace(LONE_SURROGATE, '\uFFFD');
}
function oneLine(s) {
    return s.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
/** Slack's three entities, the only escaping mrkdwn knows. */
function slackEscape(s) {
    return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
/** `@here`, `@channel`, `@everyone` and `<!…>`/`<@…>`/`<#…>` lose their meaning (a zero-width space). */
function defuseMentions(s) {
    return s.replace(/@(here|channel|everyone)/gi, `@${ZWSP}$1`).replace(/<([!@#])/g, `<${ZWSP}$1`);
}
/**
 * Marks that would format text become look-alikes: `*` `~` and backticks always, `_` only where it could
 * open or close italics (at a word's edge), so `pip_cache` stays as it is written.
 */
function defuseFormatting(s) {
    return s
        .replace(/\*/g, '∗')
        .replace(/~/g, '∼')
        .replace(/`/g, 'ˋ')
        .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, 'ˍ');
}
/** One line of report text as inert mrkdwn of at most `max` characters (cut before escaping: no half entity). */
function inert(s, max) {
    return fitEscaped(s, max, (raw) => slackEscape(defuseMentions(defuseFormatting(raw))));
}
/** `s` made one line and passed through `escape`, at most `max` characters, cut before escaping. */
function fitEscaped(s, max, escape) {
    const raw = wellFormed(oneLine(s));
    let room = max;
    let out = escape((0,limits/* truncate */.xv)(raw, room));
    // Each pass removes at least the overshoot, so this ends within a few passes.
    while (out.length > max && room > 0) {
        room -= out.length - max;
        out = escape((0,limits/* truncate */.xv)(raw, room));
    }
    return out.length > max ? '' : out;
}
/** Report text for a plain_text object: no markup is read there, so only mentions are defused. */
function plain(s, max) {
    return (0,limits/* truncate */.xv)(defuseMentions(wellFormed(oneLine(s))), max);
}
/** Inline code (no formatting inside): backticks become a look-alike so the span cannot be closed early. */
function inlineCode(s, max) {
    const text = fitEscaped(s, max - 2, (raw) => slackEscape(defuseMentions(raw.replace(/`/g, 'ˋ'))));
    return text === '' ? '—' : '`' + text + '`';
}
/** Lines for a ``` block: entities escaped, mentions defused, no run of three backticks left to close it. */
function codeLines(lines) {
    return lines.map((l) => slackEscape(defuseMentions(wellFormed(l))).replace(/`{3,}/g, (m) => m.split('').join(ZWSP)));
}
/** A `message-template` line: escaped by the template already, so only mentions are defused here. */
function templateLine(text) {
    return (0,limits/* truncate */.xv)(defuseMentions(wellFormed(text)), SLACK_LIMITS.text);
}
/** `<url|label>` for an absolute http(s) URL mrkdwn cannot be broken out of; null when unusable. */
function slackLink(url, label, max = 2048) {
    if (!url || url.length > max || !/^https?:\/\/[^\s<>"`]+$/i.test(url) || !URL.canParse(url))
        return null;
    // `&` is escaped inside links too, and a `|` would end the URL early.
    return `<${url.replace(/&/g, '&amp;').replace(/\|/g, '%7C')}|${label}>`;
}
/**
 * Multi-line mrkdwn within `max`: whole lines are dropped from the end behind a `…` line (a cut line could
 * leave a link or an entity half open); a single line too long is cut, fences closed again.
 */
function fitLines(text, max) {
    if (text.length <= max)
        return text;
    const lines = text.split('\n');
    while (lines.length > 1) {
        lines.pop();
        const kept = [...lines, limits/* ELLIPSIS */.Gr].join('\n');
        if (kept.length <= max && fencesClosed(kept))
            return kept;
    }
    return (0,limits/* truncateMarkdown */.o4)(lines[0] ?? '', max);
}
function fencesClosed(text) {
    return (text.match(/```/g) ?? []).length % 2 === 0;
}
function mrkdwn(text) {
    return { type: 'mrkdwn', text, verbatim: true };
}
function plainText(text) {
    return { type: 'plain_text', text, emoji: true };
}
// ---- the final guard ----
/** Clamps every limited text and the block count, whatever the builders produced. */
function clampSlack(body) {
    const L = SLACK_LIMITS;
    body.text = (0,limits/* truncate */.xv)(body.text, L.text) || limits/* ELLIPSIS */.Gr;
    for (const a of body.attachments) {
        a.blocks = a.blocks.slice(0, L.blocks).map((b) => clampBlock(b));
    }
    return body;
}
function clampText(t, max) {
    const text = t.type === 'mrkdwn' ? fitLines(t.text, max) : (0,limits/* truncate */.xv)(t.text, max);
    return { ...t, text: text || limits/* ELLIPSIS */.Gr };
}
function clampBlock(b) {
    const L = SLACK_LIMITS;
    if (b.type === 'header')
        return { ...b, text: clampText(b.text, L.headerText) };
    if (b.type === 'section') {
        const out = { ...b };
        if (b.text)
            out.text = clampText(b.text, L.sectionText);
        if (b.fields)
            out.fields = b.fields.slice(0, L.fields).map((f) => clampText(f, L.fieldText));
        return out;
    }
    if (b.type === 'context') {
        const elements = b.elements
            .slice(0, L.contextElements)
            .map((e) => (e.type === 'mrkdwn' || e.type === 'plain_text' ? clampText(e, L.contextText) : e));
        return { ...b, elements };
    }
    return b;
}
// ---- the check ----
const LIVE_MENTION = /<[!@#]|@(here|channel|everyone)\b/i;
/** Every way `body` breaks a Slack limit (or could ping), as readable sentences; empty when it fits. */
function checkSlackLimits(body) {
    const L = SLACK_LIMITS;
    const v = [];
    if (body === null || typeof body !== 'object')
        return ['body is not an object'];
    const b = body;
    const counter = { chars: 0 };
    const text = (what, t, max, kind) => checkText(v, counter, what, t, max, kind);
    if (typeof b.text !== 'string' || b.text.trim() === '')
        v.push('text is missing (Slack answers no_text)');
    else {
        if (b.text.length > L.text)
            v.push(`text has ${b.text.length} characters (max ${L.text})`);
        checkInert(v, 'text', b.text);
        counter.chars += b.text.length;
    }
    const attachments = Array.isArray(b.attachments) ? b.attachments : [];
    if (b.attachments !== undefined && !Array.isArray(b.attachments))
        v.push('attachments is not a list');
    if (attachments.length > L.attachments) {
        v.push(`${attachments.length} attachments (max ${L.attachments}: Slack answers too_many_attachments)`);
    }
    const blocks = [];
    if (Array.isArray(b.blocks))
        b.blocks.forEach((x, i) => blocks.push([`blocks[${i}]`, x]));
    attachments.forEach((a, i) => {
        if (!Array.isArray(a?.blocks))
            return;
        a.blocks.forEach((x, j) => blocks.push([`attachments[${i}].blocks[${j}]`, x]));
    });
    if (blocks.length > L.blocks)
        v.push(`${blocks.length} blocks (max ${L.blocks})`);
    for (const [at, block] of blocks)
        checkBlock(at, block, text, v);
    if (counter.chars > L.totalText)
        v.push(`the message shows ${counter.chars} characters (max ${L.totalText})`);
    return v;
}
function checkBlock(at, block, text, v) {
    const L = SLACK_LIMITS;
    const blk = block;
    if (blk?.type === 'header')
        text(`${at}.text`, blk.text, L.headerText, 'plain_text');
    else if (blk?.type === 'section') {
        if (blk.text === undefined && blk.fields === undefined)
            v.push(`${at} has neither text nor fields`);
        if (blk.text !== undefined)
            text(`${at}.text`, blk.text, L.sectionText);
        if (blk.fields !== undefined) {
            const fields = Array.isArray(blk.fields) ? blk.fields : [];
            if (fields.length > L.fields)
                v.push(`${at} has ${fields.length} fields (max ${L.fields})`);
            fields.forEach((f, k) => text(`${at}.fields[${k}]`, f, L.fieldText));
        }
    }
    else if (blk?.type === 'context') {
        const elements = Array.isArray(blk.elements) ? blk.elements : [];
        if (elements.length === 0 || elements.length > L.contextElements) {
            v.push(`${at} has ${elements.length} elements (1 to ${L.contextElements})`);
        }
        elements.forEach((e, k) => text(`${at}.elements[${k}]`, e, L.contextText));
    }
    else if (blk?.type !== 'divider')
        v.push(`${at} has type ${String(blk?.type)}, which is not checked`);
}
function checkText(v, counter, what, t, max, kind) {
    const o = t;
    if (o?.type !== 'plain_text' && o?.type !== 'mrkdwn')
        return void v.push(`${what} is not a text object`);
    if (kind && o.type !== kind)
        v.push(`${what} must be ${kind}`);
    if (typeof o.text !== 'string' || o.text.length === 0)
        return void v.push(`${what} is empty`);
    if (o.text.length > max)
        v.push(`${what} has ${o.text.length} characters (max ${max})`);
    counter.chars += o.text.length;
    checkInert(v, what, o.text);
    if (o.type === 'mrkdwn' && !fencesClosed(o.text))
        v.push(`${what} leaves a code block open`);
}
function checkInert(v, what, text) {
    if (LIVE_MENTION.test(text))
        v.push(`${what} holds a live mention`);
    if (new RegExp(LONE_SURROGATE.source).test(text))
        v.push(`${what} holds a lone surrogate`);
}

;// CONCATENATED MODULE: ./src/notify/render/run-slack.ts



const GROUP_TITLE = {
    failure: 'failed',
    missing: 'without a report',
    cancelled: 'cancelled',
    success: 'built',
};
const ROW_MAX = 400;
const LINK_MAX = 1000;
/** `❌ Jetson build failed: 2 of 5 failed`, `✅ Jetson build fixed: 5/5 packages built`. */
function runHeadline(run, change = 'unknown') {
    const t = run.totals;
    const fixed = change === 'fixed' && run.status === 'success';
    const failed = change === 'broken' && run.status === 'failure' ? 'broken' : 'failed';
    if (run.status === 'success') {
        return `✅ Jetson build${fixed ? ' fixed' : ''}: ${t.success}/${t.packages} packages built`;
    }
    if (run.status === 'cancelled')
        return `⏹ Jetson build cancelled: ${t.success}/${t.packages} built`;
    if (t.missing > 0) {
        return `❌ Jetson build ${failed}: ${t.failure} failed, ${t.missing} without a report (of ${t.packages})`;
    }
    return `❌ Jetson build ${failed}: ${t.failure} of ${t.packages} failed`;
}
function rowLine(row) {
    const name = inert(row.name, 150);
    const link = row.status !== 'success' ? slackLink(row.web_url, name, LINK_MAX) : null;
    const label = link ?? `*${name}*`;
    const icon = run_discord/* STATUS_ICON */.tW[row.status];
    if (row.status === 'success') {
        const d = row.duration_seconds !== null ? ` · ${(0,limits/* formatDuration */.a3)(row.duration_seconds)}` : '';
        return `${icon} ${label}${d}`;
    }
    if (row.status === 'failure') {
        const f = row.failure;
        const where = f
            ? [f.phase, f.stage].filter((x) => !!x && x !== 'unknown' && x !== row.name).join(' · ')
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
function slackRows(rows, budget) {
    const groups = ['failure', 'missing', 'cancelled', 'success']
        .map((status) => ({ status, rows: rows.filter((r) => r.status === status) }))
        .filter((g) => g.rows.length > 0);
    const more = (n, status) => `… and ${n} more ${GROUP_TITLE[status]}`;
    const foldCost = (status) => more(99999, status).length + 1;
    const lines = [];
    let used = 0;
    let folded = 0;
    let full = false;
    groups.forEach((group, gi) => {
        const later = groups.slice(gi + 1).reduce((s, g) => s + foldCost(g.status), 0);
        let shown = 0;
        for (const row of full ? [] : group.rows) {
            const line = fitLines(rowLine(row), ROW_MAX);
            const reserve = group.rows.length - shown - 1 > 0 ? foldCost(group.status) : 0;
            if (used + line.length + 1 + reserve + later > budget)
                break;
            lines.push(line);
            used += line.length + 1;
            shown += 1;
        }
        const hidden = group.rows.length - shown;
        if (hidden === 0)
            return;
        full = true;
        folded += hidden;
        const line = shown === 0
            ? `${run_discord/* STATUS_ICON */.tW[group.status]} ${hidden} ${GROUP_TITLE[group.status]}`
            : more(hidden, group.status);
        if (used + line.length + 1 <= budget) {
            lines.push(line);
            used += line.length + 1;
        }
    });
    return { lines, folded };
}
function factsBlock(run) {
    const t = run.totals;
    const totals = [
        `✅ ${t.success} built`,
        t.failure ? `❌ ${t.failure} failed` : '',
        t.missing ? `❔ ${t.missing} no report` : '',
        t.cancelled ? `⏹ ${t.cancelled} cancelled` : '',
    ].filter((x) => x !== '');
    const facts = [
        ['Packages', totals.join('\n')],
        ['Time', `${(0,limits/* formatDuration */.a3)(run.wall_seconds)} wall\n${(0,limits/* formatDuration */.a3)(run.build_seconds_sum)} of builds`],
    ];
    const ref = run.ref ? inert(run.ref.replace(/^refs\/(heads|tags)\//, ''), 100) : '';
    const sha = run.sha ? inlineCode(run.sha.slice(0, 7), 20) : '';
    if (ref || sha)
        facts.push(['Ref', [ref, sha].filter(Boolean).join(' @ ')]);
    return { type: 'section', fields: facts.map(([k, v]) => mrkdwn(fitLines(`*${k}*\n${v}`, 600))) };
}
function linksBlock(run) {
    const open = slackLink(run.web_url, 'Open the run', LINK_MAX);
    const where = [
        run.repository,
        run.trigger_name,
        run.build_id ? `run ${run.build_id}` : null,
        run.run_attempt && run.run_attempt !== '1' ? `attempt ${run.run_attempt}` : null,
    ]
        .filter((x) => !!x)
        .map((x) => inert(x, 200))
        .join(' · ');
    const elements = [open ?? '', where || 'jetson-build'].filter((x) => x !== '').map(mrkdwn);
    return { type: 'context', elements };
}
/**
 * The run message. `ctx` says why it is sent: a change against the last run is worded in the header. Nothing
 * in it can ping.
 */
function renderRunSlack(run, opts = {}, ctx) {
    const headline = runHeadline(run, ctx?.change ?? 'unknown');
    const blocks = [
        { type: 'header', text: plainText(plain(headline, SLACK_LIMITS.headerText)) },
        factsBlock(run),
    ];
    const summary = inert(run.message, 600);
    if (summary)
        blocks.push({ type: 'section', text: mrkdwn(summary) });
    const { lines } = slackRows((0,run_discord/* orderRows */.O1)(run.runs), SLACK_LIMITS.sectionText);
    if (lines.length)
        blocks.push({ type: 'section', text: mrkdwn(lines.join('\n')) });
    blocks.push(linksBlock(run));
    const body = {
        text: (opts.text ? templateLine(opts.text) : '') ||
            inert(run.repository ? `${headline} · ${run.repository}` : headline, 300),
        attachments: [{ color: SLACK_COLOR[run.status] ?? SLACK_COLOR.failure, blocks }],
        unfurl_links: false,
        unfurl_media: false,
    };
    return { body: clampSlack(body), files: [] };
}


/***/ })

};
