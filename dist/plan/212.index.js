export const id = 212;
export const ids = [212];
export const modules = {

/***/ 5212:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  planLiveRun: () => (/* binding */ planLiveRun),
  renderLiveRun: () => (/* binding */ renderLiveRun)
});

// UNUSED EXPORTS: MAX_LIVE_LEGS, countStates, decodeStates, encodeStates, fitLiveLines, hasLegLine, legKey, legLine, mergeLegLine, parseLiveRun, pendingLine

;// CONCATENATED MODULE: ./src/notify/render/limits.ts
// Text-fitting primitives for chat limits: truncate with a visible '…', and never cut a code fence open.
const ELLIPSIS = '…';
/** `text` cut to at most `max` characters (UTF-16 units, as Discord counts), ending in '…' when cut. */
function limits_truncate(text, max) {
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
function limits_escapeFence(text) {
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
    const safe = lines.map(limits_escapeFence);
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
function limits_neutraliseMentions(text) {
    return text.replace(/@(everyone|here)/gi, `@${ZWSP}$1`).replace(/<@([!&]?\d)/g, `<@${ZWSP}$1`);
}
/** True when `text` still holds a live-looking mass mention. */
function limits_hasMassMention(text) {
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
function limits_truncateMarkdown(text, max) {
    if (text.length <= max)
        return text;
    const close = '\n```';
    const fit = (room) => {
        // Never leave a partial fence marker just before the '…'.
        const cut = limits_truncate(text, room).replace(/`{1,2}(?=…$)/, '');
        const open = (cut.match(/```/g) ?? []).length % 2 === 1;
        return open ? cut + close : cut;
    };
    const whole = fit(max);
    // With `close.length` less room the closed cut always fits: below 5 characters the first cut cannot hold a
    // whole ``` (the marker before the '…' is stripped), and no room at all gives ''.
    return whole.length <= max ? whole : fit(max - close.length);
}
/** A duration a person reads at a glance: `42s`, `5m 03s`, `1h 02m 13s`; `—` when unknown. */
function limits_formatDuration(seconds) {
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
        return limits_formatDuration(total);
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
const limits_DISCORD_LIMITS = {
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
function discord_common_mentionsFor(status, opts, ctx) {
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
function discord_common_applyMentions(body, mentions) {
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
    const rest = body.content ? truncateMarkdown(body.content, DISCORD_LIMITS.content - line.length - 1) : '';
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
    return discord_common_applyMentions(clamp(final), discord_common_mentionsFor(report.status, opts, ctx));
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
function run_discord_escapeMarkdown(text) {
    return limits_neutraliseMentions(text.replace(/[\r\n]+/g, ' ').replace(/([\\*_~|`>[\]()<])/g, '\\$1'));
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
function renderRunDiscord(run, opts, ctx) {
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
    const content = truncate(neutraliseMentions(run.status === 'success'
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
function run_live_discord_safeUrl(url) {
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
    const link = run_live_discord_safeUrl(url);
    // A link too long for the line would be cut open by the line's limit: the name alone then.
    return link && link.length <= 120 ? `[\`${key}\`](${link})` : `\`${key}\``;
}
function pendingLine(leg) {
    const key = legKey(leg.leg);
    const packages = leg.packages.trim();
    const what = packages !== '' && packages !== leg.leg ? ' ' + run_discord_escapeMarkdown(limits_truncate(packages, 80)) : '';
    return { key, status: 'pending', text: limits_truncate(`${ICON.pending} \`${key}\`${what}`, LINE_MAX) };
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
        const where = result.where ? `\`${escapeMarkdown(result.where).replace(/`/g, '')}\`` : '';
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
        url: run_live_discord_safeUrl(url),
        footer: limits_truncate(footer.replace(/[\r\n]+/g, ' '), FOOTER_MAX),
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
    return limits_truncate(`⏳ Jetson build: ${done}/${total} ${legs} done${tail}`, limits_DISCORD_LIMITS.title);
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
    const budget = Math.min(limits_DISCORD_LIMITS.description, limits_DISCORD_LIMITS.embedTotal - title.length - footer.length) -
        headText.length;
    const description = headText + fitLiveLines(run, budget).join('\n');
    const embed = {
        title,
        description: limits_truncate(description, limits_DISCORD_LIMITS.description),
        color: counts.failure > 0 ? run_live_discord_COLOR.failing : run_live_discord_COLOR.building,
        footer: { text: footer },
    };
    if (run.url)
        embed['url'] = run.url;
    const body = { embeds: [embed], allowed_mentions: { parse: [] } };
    if (kind === 'create' && opts) {
        if (opts.username)
            body['username'] = limits_truncate(opts.username, limits_DISCORD_LIMITS.usernameMax);
        if (opts.avatarUrl)
            body['avatar_url'] = opts.avatarUrl;
        if (opts.threadName && !opts.threadId)
            body['thread_name'] = limits_truncate(opts.threadName, limits_DISCORD_LIMITS.threadName);
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
        url: typeof embed['url'] === 'string' ? run_live_discord_safeUrl(embed['url']) : null,
        footer: footerText.slice(0, mark.index),
    };
}


/***/ })

};
