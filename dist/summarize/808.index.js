export const id = 808;
export const ids = [808];
export const modules = {

/***/ 7284:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   YT: () => (/* binding */ DISCORD_LIMITS),
/* harmony export */   a3: () => (/* binding */ formatDuration),
/* harmony export */   o4: () => (/* binding */ truncateMarkdown),
/* harmony export */   xv: () => (/* binding */ truncate),
/* harmony export */   yY: () => (/* binding */ neutraliseMentions)
/* harmony export */ });
/* unused harmony exports ELLIPSIS, escapeFence, codeBlock, tail, hasMassMention, longestBacktickRun, fenceFor, formatShortDuration, isoSeconds */
// Text-fitting primitives for chat limits: truncate with a visible '…', and never cut a code fence open.
const ELLIPSIS = '…';
/** `text` cut to at most `max` characters (UTF-16 units, as Discord counts), ending in '…' when cut. */
function truncate(text, max) {
    if (max <= 0)
        return '';
    if (text.length <= max)
        return text;
    let cut = max - 1;
    // Do not split a surrogate pair.
    const code = text.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff)
        cut -= 1;
    return text.slice(0, cut) + ELLIPSIS;
}
/** Neutralises backtick runs so user text can never close (or open) a code fence. */
function escapeFence(text) {
    return text.replace(/`{3,}/g, (m) => m.split('').join('\u200b'));
}
/**
 * A fenced code block of at most `max` characters in total. When the lines do not fit, the first lines are
 * dropped (the end of a log matters most) and a `…` line marks the cut; the closing fence is always kept.
 */
function codeBlock(lines, max, lang = '') {
    const open = '```' + lang + '\n';
    const close = '\n```';
    const budget = max - open.length - close.length;
    if (budget <= 2)
        return '';
    const safe = lines.map(escapeFence);
    const body = safe.join('\n');
    if (body.length <= budget)
        return open + body + close;
    const kept = [];
    let used = 2; // the '…' line and its newline
    for (const line of [...safe].reverse()) {
        const cost = line.length + 1;
        if (used + cost > budget) {
            if (kept.length === 0)
                kept.unshift(ELLIPSIS + tail(line, budget - used - 1));
            break;
        }
        kept.unshift(line);
        used += cost;
    }
    return open + [ELLIPSIS, ...kept].join('\n') + close;
}
/** The last `max` characters of `text`, never starting on the low half of a surrogate pair. */
function tail(text, max) {
    // No room (max <= 0) needs no case of its own: the start then lies at or past the end.
    if (text.length <= max)
        return text;
    let start = text.length - max;
    const code = text.charCodeAt(start);
    if (code >= 0xdc00 && code <= 0xdfff)
        start += 1;
    return text.slice(start);
}
const ZWSP = '\u200b';
/**
 * Defuses mass and user/role mentions in text bound for chat: `@everyone`, `@here`, `<@123>`, `<@&123>`,
 * `<@!123>`. `allowed_mentions` already stops the ping; this keeps it from even looking like one.
 */
function neutraliseMentions(text) {
    return text.replace(/@(everyone|here)/gi, `@${ZWSP}$1`).replace(/<@([!&]?\d)/g, `<@${ZWSP}$1`);
}
/** True when `text` still holds a live-looking mass mention. */
function hasMassMention(text) {
    return /@(everyone|here)/i.test(text);
}
/** The longest run of consecutive backticks in `text`. */
function longestBacktickRun(text) {
    let longest = 0;
    for (const m of text.matchAll(/`+/g))
        longest = Math.max(longest, m[0].length);
    return longest;
}
/** A backtick fence that nothing in `text` can close: at least three, longer than any run inside. */
function fenceFor(text) {
    return '`'.repeat(Math.max(3, longestBacktickRun(text) + 1));
}
/**
 * `text` cut to at most `max` characters like `truncate`, but aware of ``` code fences: when the cut lands
 * inside a fenced block the block is closed again, so the rest of the message never renders as code.
 * Assumes fences are ``` runs (as `codeBlock` and `escapeFence` produce).
 */
function truncateMarkdown(text, max) {
    if (text.length <= max)
        return text;
    const close = '\n```';
    const fit = (room) => {
        // Never leave a partial fence marker just before the '…'.
        const cut = truncate(text, room).replace(/`{1,2}(?=…$)/, '');
        const open = (cut.match(/```/g) ?? []).length % 2 === 1;
        return open ? cut + close : cut;
    };
    const whole = fit(max);
    // With `close.length` less room the closed cut always fits: below 5 characters the first cut cannot hold a
    // whole ``` (the marker before the '…' is stripped), and no room at all gives ''.
    return whole.length <= max ? whole : fit(max - close.length);
}
/** A duration a person reads at a glance: `42s`, `5m 03s`, `1h 02m 13s`; `—` when unknown. */
function formatDuration(seconds) {
    const known = seconds ?? Number.NaN;
    if (!Number.isFinite(known) || known < 0)
        return '—';
    const total = Math.round(known);
    const h = Math.floor(total / 3600);
    const m = Math.floor((total % 3600) / 60);
    const s = total % 60;
    const pad = (n) => String(n).padStart(2, '0');
    if (h > 0)
        return `${h}h ${pad(m)}m ${pad(s)}s`;
    if (m > 0)
        return `${m}m ${pad(s)}s`;
    return `${s}s`;
}
/** A duration for a headline, to two units: `42s`, `42m 10s`, `1h 12m`; `—` when unknown. */
function formatShortDuration(seconds) {
    const known = seconds ?? Number.NaN;
    if (!Number.isFinite(known) || known < 0)
        return '—';
    const total = Math.round(known);
    if (total < 3600)
        return formatDuration(total);
    const h = Math.floor(total / 3600);
    const m = Math.floor((total % 3600) / 60);
    return `${h}h ${String(m).padStart(2, '0')}m`;
}
/** An ISO timestamp as `YYYY-MM-DDTHH:MM:SSZ` (the upstream webhook's `end_time` format); unchanged if unparsable. */
function isoSeconds(iso) {
    const t = Date.parse(iso);
    if (Number.isNaN(t))
        return iso;
    return new Date(t).toISOString().replace(/\.\d{3}Z/, 'Z'); // the only '.' in an ISO string
}
/** Discord's documented limits for an execute-webhook body (characters are UTF-16 units). */
const DISCORD_LIMITS = {
    content: 2000,
    embeds: 10,
    title: 256,
    description: 4096,
    fields: 25,
    fieldName: 256,
    fieldValue: 1024,
    footer: 2048,
    authorName: 256,
    embedTotal: 6000,
    usernameMin: 1,
    usernameMax: 80,
    threadName: 100,
    attachments: 10,
    attachmentDescription: 1024,
};


/***/ }),

/***/ 1808:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  tW: () => (/* binding */ STATUS_ICON),
  O1: () => (/* binding */ orderRows),
  renderRunDiscord: () => (/* binding */ renderRunDiscord)
});

// UNUSED EXPORTS: DISCORD_LIMITS, embedTextLength, escapeMarkdown, fitRows, rowsAsText

// EXTERNAL MODULE: ./src/notify/render/limits.ts
var limits = __webpack_require__(7284);
;// CONCATENATED MODULE: ./src/notify/render/discord-common.ts

const COLOR_SUCCESS = 65280;
const COLOR_FAILURE = 16711680;
/** Discord's own grey: a cancelled build is neither green nor red. */
const COLOR_CANCELLED = 9807270;
const STATUS_COLOR = {
    success: COLOR_SUCCESS,
    failure: COLOR_FAILURE,
    cancelled: COLOR_CANCELLED,
};
const PACKAGE_EMOJI = {
    success: '✅',
    failure: '❌',
    cancelled: '⏹',
    'not-built': '⏭',
};
// ---- text helpers ----
function oneLine(s) {
    return s.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
/** Plain text made inert for Discord markdown (no formatting, links, mentions or fences). */
function md(s, max) {
    const cut = truncate(oneLine(s), max);
    return cut.replace(/[\\`*_~|[\]<>]/g, '\\$&').replace(/^([#>+-])/, '\\$1');
}
/** Inline code; backticks become a look-alike so the span can never be closed early. */
function code(s, max) {
    const cut = truncate(oneLine(s).replace(/`/g, 'ˋ'), max);
    return cut === '' ? '—' : '`' + cut + '`';
}
/** `url` when it is an absolute http(s) URL Discord accepts and markdown cannot be broken out of; else null. */
function safeUrl(url, max = 2048) {
    if (!url || url.length > max || !/^https?:\/\/[^\s<>()[\]`]+$/i.test(url))
        return null;
    return URL.canParse(url) ? url : null;
}
/** A masked link in angle brackets (no unfurl in content); null when the URL is unusable. */
function discord_common_link(label, url, max = 600) {
    if (!url || !/^https?:\/\//i.test(url) || url.length > max || /[\s<>]/.test(url))
        return null;
    // The angle brackets keep Discord from unfurling the link into an extra embed.
    return `[${label}](<${url}>)`;
}
/** Applies `f` to every string in a JSON-like value. */
function mapStrings(value, f) {
    if (typeof value === 'string')
        return f(value);
    if (Array.isArray(value))
        return value.map((v) => mapStrings(v, f));
    if (value !== null && typeof value === 'object') {
        const out = {};
        for (const [k, v] of Object.entries(value))
            out[k] = mapStrings(v, f);
        return out;
    }
    return value;
}
function environmentPairs(report) {
    const { source: _source, ...vars } = report.environment;
    return Object.entries(vars).filter((e) => typeof e[1] === 'string' && e[1] !== '');
}
/** `python (3/4, build)`, or just the phase when no stage ran. */
function wherePhrase(f) {
    if (f.stage === null)
        return f.phase;
    const pos = f.stageIndex !== null && f.stageCount !== null ? `${f.stageIndex}/${f.stageCount}, ` : '';
    return `${f.stage} (${pos}${f.phase})`;
}
// ---- limits ----
/** The characters Discord counts toward an embed's 6000 total. */
function discordTextLength(embed) {
    let n = (embed.title ?? '').length + (embed.description ?? '').length;
    for (const f of embed.fields ?? [])
        n += f.name.length + f.value.length;
    n += (embed.footer?.text ?? '').length + (embed.author?.name ?? '').length;
    return n;
}
/** Every way `body` breaks a Discord execute-webhook limit, as readable sentences; empty when it fits. */
function checkDiscordLimits(body) {
    const L = DISCORD_LIMITS;
    const v = [];
    if (body === null || typeof body !== 'object')
        return ['body is not an object'];
    const b = body;
    const over = (what, s, max, min = 0) => {
        if (s === undefined)
            return;
        if (typeof s !== 'string')
            v.push(`${what} is not a string`);
        else if (s.length > max)
            v.push(`${what} has ${s.length} characters (max ${max})`);
        else if (s.length < min)
            v.push(`${what} has ${s.length} characters (min ${min})`);
    };
    over('content', b.content, L.content);
    over('username', b.username, L.usernameMax, L.usernameMin);
    over('thread_name', b.thread_name, L.threadName, 1);
    const embeds = b.embeds ?? [];
    if (embeds.length > L.embeds)
        v.push(`${embeds.length} embeds (max ${L.embeds})`);
    if (!b.content && embeds.length === 0 && !(b.attachments ?? []).length)
        v.push('message is empty');
    let total = 0;
    embeds.forEach((e, i) => {
        const at = `embeds[${i}]`;
        over(`${at}.title`, e.title, L.title);
        over(`${at}.description`, e.description, L.description);
        over(`${at}.footer.text`, e.footer?.text, L.footer);
        over(`${at}.author.name`, e.author?.name, L.authorName);
        const fields = e.fields ?? [];
        if (fields.length > L.fields)
            v.push(`${at} has ${fields.length} fields (max ${L.fields})`);
        fields.forEach((f, j) => {
            over(`${at}.fields[${j}].name`, f.name, L.fieldName, 1);
            over(`${at}.fields[${j}].value`, f.value, L.fieldValue, 1);
        });
        total += discordTextLength(e);
    });
    if (total > L.embedTotal)
        v.push(`embed text totals ${total} characters (max ${L.embedTotal})`);
    const attachments = b.attachments ?? [];
    if (attachments.length > L.attachments)
        v.push(`${attachments.length} attachments (max ${L.attachments})`);
    attachments.forEach((a, i) => over(`attachments[${i}].description`, a.description, L.attachmentDescription));
    if (!b.allowed_mentions || !Array.isArray(b.allowed_mentions.parse))
        v.push('allowed_mentions.parse is missing');
    return v;
}
/** The final guard: clamps every limited text, whatever the builders produced. */
function clamp(body) {
    const L = DISCORD_LIMITS;
    if (body.content !== undefined)
        body.content = truncateMarkdown(body.content, L.content);
    for (const e of body.embeds ?? []) {
        if (e.title !== undefined)
            e.title = truncate(e.title, L.title);
        if (e.footer)
            e.footer.text = truncate(e.footer.text, L.footer);
        if (e.author)
            e.author.name = truncate(e.author.name, L.authorName);
        if (e.fields) {
            e.fields = e.fields.slice(0, L.fields).map((f) => ({
                ...f,
                name: truncate(f.name, L.fieldName) || '—',
                value: truncateMarkdown(f.value, L.fieldValue) || '—',
            }));
        }
        if (e.description !== undefined)
            e.description = truncateMarkdown(e.description, L.description);
        const overflow = discordTextLength(e) - L.embedTotal;
        if (overflow > 0 && e.description) {
            e.description = truncateMarkdown(e.description, Math.max(0, e.description.length - overflow));
            if (!e.description)
                delete e.description;
        }
        while (discordTextLength(e) > L.embedTotal && e.fields && e.fields.length > 0)
            e.fields.pop();
    }
    return body;
}
/** Room for the mention line: ~40 ids, far more than a team pings, and the message keeps its own room. */
const MENTION_LINE_MAX = 1000;
const SNOWFLAKE = /^[1-9]\d{0,19}$/;
/**
 * The ids to ping for this message: `discord-mention-on-failure` on a failure (a `broken` build is one), never
 * for a start announcement; null when nobody is to be pinged.
 */
function mentionsFor(status, opts, ctx) {
    if (ctx?.event === 'started')
        return null;
    if (status !== 'failure' && ctx?.change !== 'broken')
        return null;
    const pick = (ids) => [...new Set(ids ?? [])].filter((id) => SNOWFLAKE.test(id));
    const users = pick(opts.mentionOnFailure?.users);
    const roles = pick(opts.mentionOnFailure?.roles);
    return users.length + roles.length > 0 ? { users, roles } : null;
}
/**
 * Puts the mention line first in `content` and lists exactly its ids in `allowed_mentions` (empty lists are
 * left out). Ids that would not fit the line are neither shown nor allowed.
 */
function applyMentions(body, mentions) {
    if (!mentions)
        return body;
    const tokens = [
        ...mentions.users.map((id) => ({ kind: 'users', id, text: `<@${id}>` })),
        ...mentions.roles.map((id) => ({ kind: 'roles', id, text: `<@&${id}>` })),
    ];
    const shown = [];
    let length = 0;
    for (const t of tokens) {
        const cost = t.text.length + (shown.length ? 1 : 0);
        if (length + cost > MENTION_LINE_MAX)
            break;
        shown.push(t);
        length += cost;
    }
    const line = shown.map((t) => t.text).join(' ');
    const rest = body.content ? (0,limits/* truncateMarkdown */.o4)(body.content, limits/* DISCORD_LIMITS */.YT.content - line.length - 1) : '';
    body.content = rest ? `${line}\n${rest}` : line;
    const allowed = { parse: [] };
    const users = shown.filter((t) => t.kind === 'users').map((t) => t.id);
    const roles = shown.filter((t) => t.kind === 'roles').map((t) => t.id);
    if (users.length)
        allowed.users = users;
    if (roles.length)
        allowed.roles = roles;
    body.allowed_mentions = allowed;
    return body;
}
// ---- finishing ----
/**
 * Adds what every single-build body carries besides its text (username, avatar, forum thread name, the
 * declared attachment), defuses any mass mention the assembled text still shows, clamps every limit, and only
 * then adds the configured mentions.
 */
function finishBody(body, report, opts, ctx) {
    const attachment = opts.attachment ?? null;
    const username = opts.username ? truncate(opts.username.trim(), DISCORD_LIMITS.usernameMax) : '';
    if (username)
        body.username = username;
    if (opts.avatarUrl)
        body.avatar_url = opts.avatarUrl;
    const threadName = opts.threadName
        ? truncate(neutraliseMentions(oneLine(opts.threadName)), DISCORD_LIMITS.threadName)
        : '';
    if (threadName)
        body.thread_name = threadName;
    if (attachment) {
        const where = report.failure?.stage ? ` of stage ${escapeFence(oneLine(report.failure.stage))}` : '';
        body.attachments = [
            {
                id: '0',
                filename: attachment.name,
                description: truncate(`Build log${where} (${report.status})`, DISCORD_LIMITS.attachmentDescription),
            },
        ];
    }
    // Defence in depth: whatever assembled text still looks like a mass mention is defused, then re-clamped.
    const final = hasMassMention(JSON.stringify(body)) ? mapStrings(body, neutraliseMentions) : body;
    return applyMentions(clamp(final), mentionsFor(report.status, opts, ctx));
}
/**
 * The body of an edit (PATCH …/messages/{id}) from a create body: an edit may carry content, embeds,
 * allowed_mentions, components, attachments, poll and flags, but not the webhook's username, avatar_url or a
 * forum thread_name (those belong to the message as it was posted).
 */
function discordEditBody(body) {
    if (body === null || typeof body !== 'object' || Array.isArray(body))
        return body;
    const { username: _u, avatar_url: _a, thread_name: _t, ...edit } = body;
    return edit;
}

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
function escapeMarkdown(text) {
    return (0,limits/* neutraliseMentions */.yY)(text.replace(/[\r\n]+/g, ' ').replace(/([\\*_~|`>[\]()<])/g, '\\$1'));
}
function rowLine(row) {
    const icon = STATUS_ICON[row.status];
    const name = escapeMarkdown(row.name);
    const label = row.status !== 'success' && row.web_url ? `[${name}](${row.web_url})` : `**${name}**`;
    if (row.status === 'success') {
        const d = row.duration_seconds !== null ? ` · ${(0,limits/* formatDuration */.a3)(row.duration_seconds)}` : '';
        return `${icon} ${label}${d}`;
    }
    if (row.status === 'failure') {
        const f = row.failure;
        const where = f
            ? [f.phase, f.stage].filter((x) => !!x && x !== 'unknown' && x !== row.name).join(' · ')
            : '';
        const error = f?.error ? (0,limits/* truncate */.xv)(f.error, 140) : (row.reason ?? '');
        const detail = [where ? `\`${escapeMarkdown(where).replace(/`/g, '')}\`` : '', escapeMarkdown(error)]
            .filter((x) => x !== '')
            .join(' ');
        return `${icon} ${label}${detail ? ' — ' + detail : ''}`;
    }
    const reason = row.reason ? ' — ' + escapeMarkdown((0,limits/* truncate */.xv)(row.reason, 100)) : '';
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
                const line = (0,limits/* truncate */.xv)(rowLine(row), 400);
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
    return (0,limits/* truncate */.xv)(head, limits/* DISCORD_LIMITS */.YT.title);
}
/** A plain-text list of every row, attached when the embed had to fold rows. */
function rowsAsText(run) {
    const lines = [`${run.status.toUpperCase()}  ${run.message}`, run.web_url ?? '', ''];
    for (const r of orderRows(run.runs)) {
        const extra = [
            r.image ?? '',
            (0,limits/* formatDuration */.a3)(r.duration_seconds),
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
            value: `${(0,limits/* formatDuration */.a3)(run.wall_seconds)} wall\n${(0,limits/* formatDuration */.a3)(run.build_seconds_sum)} of builds`,
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
        name: (0,limits/* truncate */.xv)(f.name, limits/* DISCORD_LIMITS */.YT.fieldName),
        value: (0,limits/* truncate */.xv)(f.value, limits/* DISCORD_LIMITS */.YT.fieldValue),
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
function renderRunDiscord(run, opts, ctx) {
    const embedTitle = title(run, ctx?.change ?? 'unknown');
    const fields = fieldsFor(run);
    const footerText = (0,limits/* truncate */.xv)([
        run.repository,
        run.trigger_name,
        run.build_id ? `run ${run.build_id}` : null,
        run.run_attempt && run.run_attempt !== '1' ? `attempt ${run.run_attempt}` : null,
    ]
        .filter((x) => !!x)
        .join(' · ') || 'jetson-build', limits/* DISCORD_LIMITS */.YT.footer);
    const summary = escapeMarkdown((0,limits/* truncate */.xv)(run.message, 600));
    const link = run.web_url ? `\n[Open the run](${run.web_url})` : '';
    const fixed = embedTitle.length + footerText.length + fields.reduce((s, f) => s + f.name.length + f.value.length, 0);
    // The description holds the summary, the rows and the link; 16 characters of slack for the separators.
    const descBudget = Math.min(limits/* DISCORD_LIMITS */.YT.description, limits/* DISCORD_LIMITS */.YT.embedTotal - fixed) -
        summary.length -
        link.length -
        16;
    const { text: rows, folded } = fitRows(orderRows(run.runs), Math.max(0, descBudget));
    const description = (0,limits/* truncate */.xv)([summary, rows].filter((x) => x !== '').join('\n\n') + link, limits/* DISCORD_LIMITS */.YT.description);
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
    const content = (0,limits/* truncate */.xv)((0,limits/* neutraliseMentions */.yY)(run.status === 'success'
        ? `Jetson build succeeded: ${run.totals.success} package${run.totals.success === 1 ? '' : 's'}`
        : `Jetson build ${run.status === 'cancelled' ? 'cancelled' : 'failed'}: ${escapeMarkdown(run.failed_packages.slice(0, 10).join(', ') || run.message)}`), limits/* DISCORD_LIMITS */.YT.content);
    const body = {
        content,
        embeds: [embed],
        allowed_mentions: { parse: [] },
    };
    if (opts.username)
        body['username'] = (0,limits/* truncate */.xv)(opts.username, limits/* DISCORD_LIMITS */.YT.usernameMax);
    if (opts.avatarUrl)
        body['avatar_url'] = opts.avatarUrl;
    if (opts.threadName && !opts.threadId)
        body['thread_name'] = (0,limits/* truncate */.xv)(opts.threadName, 100);
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


/***/ })

};
