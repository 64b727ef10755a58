export const id = 858;
export const ids = [858];
export const modules = {

/***/ 2470:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Oi: () => (/* binding */ applyMentions),
/* harmony export */   Pl: () => (/* binding */ safeUrl),
/* harmony export */   WE: () => (/* binding */ COLOR_CANCELLED),
/* harmony export */   md: () => (/* binding */ md),
/* harmony export */   nb: () => (/* binding */ mentionsFor),
/* harmony export */   t: () => (/* binding */ COLOR_FAILURE),
/* harmony export */   w$: () => (/* binding */ COLOR_SUCCESS)
/* harmony export */ });
/* unused harmony exports STATUS_COLOR, PACKAGE_EMOJI, oneLine, code, link, mapStrings, environmentPairs, failuresFirst, wherePhrase, discordTextLength, checkDiscordLimits, finishBody */
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7284);

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
/** One line of printable text (see printableText): line breaks, NEL and U+2028/9 included, become a space. */
function oneLine(s) {
    return (0,_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .printableText */ .XU)(s)
        .replace(/\s*[\r\n\u0085\u2028\u2029]+\s*/g, ' ')
        .trim();
}
/** Plain text made inert for Discord markdown (no formatting, links, mentions or fences). */
function md(s, max) {
    const cut = (0,_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(oneLine(s), max);
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
function link(label, url, max = 600) {
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
/** The report's packages as a message lists them: failed first, then cancelled, then the rest, each in order. */
function failuresFirst(packages) {
    const rank = (p) => (p.status === 'failure' ? 0 : p.status === 'cancelled' ? 1 : 2);
    return packages
        .map((p, i) => ({ p, i }))
        .sort((a, b) => rank(a.p) - rank(b.p) || a.i - b.i)
        .map((x) => x.p);
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
        if (length + cost > _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .MENTION_LINE_MAX */ .nl)
            break;
        shown.push(t);
        length += cost;
    }
    const line = shown.map((t) => t.text).join(' ');
    const rest = body.content ? (0,_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .truncateMarkdown */ .o4)(body.content, _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .DISCORD_LIMITS */ .YT.content - line.length - 1) : '';
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


/***/ }),

/***/ 7284:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Az: () => (/* binding */ longestBacktickRun),
/* harmony export */   Gr: () => (/* binding */ ELLIPSIS),
/* harmony export */   Lt: () => (/* binding */ fenceFor),
/* harmony export */   XU: () => (/* binding */ printableText),
/* harmony export */   YT: () => (/* binding */ DISCORD_LIMITS),
/* harmony export */   a3: () => (/* binding */ formatDuration),
/* harmony export */   nl: () => (/* binding */ MENTION_LINE_MAX),
/* harmony export */   o4: () => (/* binding */ truncateMarkdown),
/* harmony export */   xv: () => (/* binding */ truncate),
/* harmony export */   yY: () => (/* binding */ neutraliseMentions)
/* harmony export */ });
/* unused harmony exports escapeFence, codeBlock, tail, hasMassMention, formatShortDuration, isoSeconds */
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
/**
 * The most the mention line of a failure may take (`discord-mention-on-failure`, ids separated by spaces):
 * ~45 ids, far more than a team pings, and the message keeps its own room. More ids are refused as input.
 */
const MENTION_LINE_MAX = 1000;
/* eslint-disable no-control-regex -- matching control characters is the point */
/** An ANSI escape sequence (CSI `ESC [ … m`, OSC `ESC ] … BEL`, or a two-character one). */
const ANSI = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[@-Z\\-_])/g;
/** Control characters with no place in a chat message: C0 but TAB and line breaks, DEL, C1 but NEL. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f]/g;
/* eslint-enable no-control-regex */
/**
 * Text from the build made printable for a chat message: colour and other ANSI sequences dropped, any other
 * control character (NUL, BEL, a lone ESC …) shown as `�`. TAB and line breaks stay (callers decide on lines).
 */
function printableText(text) {
    return text.replace(ANSI, '').replace(CONTROL, '\ufffd');
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
    const safe = lines.map((l) => escapeFence(printableText(l)));
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

/***/ 8059:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J1: () => (/* binding */ slackLink),
/* harmony export */   Pv: () => (/* binding */ slackInert),
/* harmony export */   RV: () => (/* binding */ fitLines),
/* harmony export */   kJ: () => (/* binding */ mrkdwn),
/* harmony export */   ny: () => (/* binding */ SLACK_COLOR),
/* harmony export */   pj: () => (/* binding */ plain),
/* harmony export */   sl: () => (/* binding */ clampSlack),
/* harmony export */   tJ: () => (/* binding */ inert),
/* harmony export */   ti: () => (/* binding */ inlineCode),
/* harmony export */   u2: () => (/* binding */ SLACK_LIMITS),
/* harmony export */   wh: () => (/* binding */ plainText),
/* harmony export */   zp: () => (/* binding */ templateLine)
/* harmony export */ });
/* unused harmony exports wellFormed, oneLine, slackEscape, defuseMentions, codeLines, checkSlackLimits */
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7284);

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
/**
 * Text as inert mrkdwn: formatting marks as look-alikes, mentions defused, entities escaped. The one escaping of
 * report text for Slack, the built-in message's and a `message-template`'s values alike.
 */
function slackInert(raw) {
    return slackEscape(defuseMentions(defuseFormatting(raw)));
}
/** One line of report text as inert mrkdwn of at most `max` characters (cut before escaping: no half entity). */
function inert(s, max) {
    return fitEscaped(s, max, slackInert);
}
/** `s` made one line and passed through `escape`, at most `max` characters, cut before escaping. */
function fitEscaped(s, max, escape) {
    const raw = wellFormed(oneLine(s));
    let room = max;
    let out = escape((0,_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(raw, room));
    // Each pass removes at least the overshoot, so this ends within a few passes.
    while (out.length > max && room > 0) {
        room -= out.length - max;
        out = escape((0,_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(raw, room));
    }
    return out.length > max ? '' : out;
}
/** Report text for a plain_text object: no markup is read there, so only mentions are defused. */
function plain(s, max) {
    return (0,_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(defuseMentions(wellFormed(oneLine(s))), max);
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
    return (0,_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(defuseMentions(wellFormed(text)), SLACK_LIMITS.text);
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
        const kept = [...lines, _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .ELLIPSIS */ .Gr].join('\n');
        if (kept.length <= max && fencesClosed(kept))
            return kept;
    }
    return (0,_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .truncateMarkdown */ .o4)(lines[0] ?? '', max);
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
    body.text = (0,_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(body.text, L.text) || _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .ELLIPSIS */ .Gr;
    for (const a of body.attachments) {
        a.blocks = a.blocks.slice(0, L.blocks).map((b) => clampBlock(b));
    }
    return body;
}
function clampText(t, max) {
    const text = t.type === 'mrkdwn' ? fitLines(t.text, max) : (0,_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(t.text, max);
    return { ...t, text: text || _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .ELLIPSIS */ .Gr };
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


/***/ }),

/***/ 1208:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Ec: () => (/* binding */ COMPACT_VIEW_CAPS),
  cJ: () => (/* binding */ FIELDS),
  W8: () => (/* binding */ VIEW_CAPS),
  ao: () => (/* binding */ buildTemplateView),
  x8: () => (/* binding */ runTemplateView),
  fk: () => (/* binding */ sampleTemplateReport)
});

// UNUSED EXPORTS: TEMPLATE_EVENTS, fieldByName, startTemplateView

// EXTERNAL MODULE: ./src/report/build-report.ts
var build_report = __webpack_require__(4417);
;// CONCATENATED MODULE: ./src/report/sample.ts
// A realistic BuildReport that no build produced: what `dry-run` renders and `test-notification` sends when
// there is no report to show. It reads like a real --multiple build on a Jetson Orin (JetPack 6): every
// package but the last built, the last failed in its final stage with a short docker excerpt.

/** The packages of the sample when the workflow names none (`packages` may be empty in a trial). */
const SAMPLE_PACKAGES = ['pytorch:2.8', 'torchvision'];
/** The tag suffix jetson-containers gives images on L4T r36.4 (JetPack 6.2.1), CUDA 12.6, Ubuntu 22.04. */
const IMAGE_SUFFIX = 'r36.4.tegra-aarch64-cu126-22.04';
/** The chain every package of the sample is built on; the package itself is the last stage. */
const BASE_CHAIN = ['build-essential', 'pip_cache', 'cuda', 'cudnn', 'python', 'numpy', 'cmake', 'onnx'];
/** Build times of the packages that built, in order (then repeated): hours-long like real Jetson builds. */
const BUILT_SECONDS = [2712, 1484, 963, 2210];
const FAILED_SECONDS = 1187;
/** `pytorch:2.8` → `pytorch:2.8-r36.4…`, `numpy` → `numpy:r36.4…`: how the tool tags its images. */
function sampleImage(pkg) {
    return pkg.includes(':') ? `${pkg}-${IMAGE_SUFFIX}` : `${pkg}:${IMAGE_SUFFIX}`;
}
function stageName(pkg) {
    return pkg.split(':')[0] ?? pkg;
}
function quote(word) {
    return /^[A-Za-z0-9_./:=@%+,-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
function failurePoint(pkg, logDir) {
    const stage = stageName(pkg);
    const count = BASE_CHAIN.length + 1;
    const cmd = `process "/bin/sh -c /tmp/${stage}/install.sh" did not complete successfully: exit code: 1`;
    const error = `ERROR: failed to solve: ${cmd}`;
    return {
        stage,
        stageIndex: count,
        stageCount: count,
        phase: 'build',
        error,
        excerpt: [
            `#14 1160.2 Building wheel for ${stage} (setup.py): finished with status 'error'`,
            `#14 1187.9 error: command '/usr/local/cuda/bin/nvcc' failed with exit code 1`,
            `#14 ERROR: ${cmd}`,
            error,
        ],
        logFile: `${logDir}/build/${String(count).padStart(2, '0')}o${count}_${stage}_${IMAGE_SUFFIX}-${stage}.txt`,
    };
}
/** The failing package's chain: every base stage built, its own stage failed. */
function stagesOf(pkg, start, seconds) {
    const names = [...BASE_CHAIN, stageName(pkg)];
    const each = Math.floor(seconds / names.length);
    return names.map((name, i) => ({
        target: pkg,
        name,
        image: `${stageName(pkg)}:${IMAGE_SUFFIX}-${name}`,
        index: i + 1,
        total: names.length,
        phase: 'build',
        status: i === names.length - 1 ? 'failure' : 'success',
        startTime: new Date(start.getTime() + i * each * 1000).toISOString(),
        durationSeconds: each,
    }));
}
function packagesOf(requested, logDir) {
    const last = requested.length - 1;
    return requested.map((name, i) => i === last
        ? {
            name,
            status: 'failure',
            image: null,
            pushedImage: null,
            durationSeconds: FAILED_SECONDS,
            failure: failurePoint(name, logDir),
        }
        : {
            name,
            status: 'success',
            image: sampleImage(name),
            pushedImage: null,
            durationSeconds: BUILT_SECONDS[i % BUILT_SECONDS.length],
            failure: null,
        });
}
/** The sentence the status rules would write for this outcome (see jetson/outcome.ts). */
function sentence(packages, f) {
    const failed = packages[packages.length - 1];
    const clause = `${failed.name} failed in stage ${f.stage} (build ${f.stageIndex}/${f.stageCount}): ${f.error}`;
    if (packages.length === 1)
        return `${clause}.`;
    return `${packages.length - 1} of ${packages.length} packages built; ${clause}.`;
}
/** A failed sample build of `packages` (the last one fails), ended at `end`, with the given run context. */
function sampleReport(input) {
    const requested = input.packages.length > 0 ? [...input.packages] : [...SAMPLE_PACKAGES];
    const multiple = requested.length > 1;
    const packages = packagesOf(requested, input.logDir);
    const failed = packages[packages.length - 1];
    const failure = failed.failure;
    const seconds = packages.reduce((n, p) => n + (p.durationSeconds ?? 0), 0);
    const start = new Date(input.end.getTime() - seconds * 1000);
    const failedStart = new Date(input.end.getTime() - FAILED_SECONDS * 1000);
    const argv = [
        'jetson-containers',
        'build',
        ...(multiple ? ['--multiple', '--skip-errors'] : []),
        `--logs=${input.logDir}`,
        ...requested,
    ];
    const own = sentence(packages, failure);
    return {
        schemaVersion: build_report/* REPORT_SCHEMA_VERSION */.WI,
        status: 'failure',
        message: input.headline ? `${input.headline}. ${own}` : own,
        exitCode: 1,
        signal: null,
        requestedPackages: requested,
        packages,
        failedPackages: [failed.name],
        images: packages.flatMap((p) => (p.image ? [p.image] : [])),
        stages: stagesOf(failed.name, failedStart, FAILED_SECONDS),
        environment: {
            L4T_VERSION: '36.4.4',
            JETPACK_VERSION: '6.2.1',
            CUDA_VERSION: '12.6',
            PYTHON_VERSION: '3.10',
            SYSTEM_ARCH: 'aarch64',
            LSB_RELEASE: '22.04',
            CUDA_ARCH: 'tegra-aarch64',
            source: 'console',
        },
        command: { argv, display: argv.map(quote).join(' ') },
        startTime: start.toISOString(),
        endTime: input.end.toISOString(),
        durationSeconds: seconds,
        toolBuildSeconds: null,
        failure,
        runner: input.runner,
        run: input.run,
        logs: {
            dir: input.logDir,
            consoleLog: `${input.logDir}/console.log`,
            reportFile: `${input.logDir}/report.json`,
            artifactName: null,
            artifactId: null,
            artifactUrl: null,
            // No artifact exists for a sample: the run is the link, as when upload-logs is off.
            url: input.run.runUrl,
            uploadError: null,
        },
        options: { multiple, skipErrors: multiple, name: null, push: null },
    };
}

// EXTERNAL MODULE: ./src/notify/render/limits.ts
var limits = __webpack_require__(7284);
;// CONCATENATED MODULE: ./src/report/image-facts.ts
const UNITS = ['kB', 'MB', 'GB', 'TB', 'PB', 'EB'];
/**
 * A size in decimal units with a space, like `docker images` (which uses powers of 1000): `8.1 GB`,
 * `340 MB`, `12.3 GB`, `950 B`. One decimal below 100, none above; `8.0` reads `8`.
 */
function formatBytes(n) {
    if (!Number.isFinite(n))
        return '? B';
    if (n < 0)
        return `-${formatBytes(-n)}`;
    if (n < 1000)
        return `${Math.round(n)} B`;
    let unit = 0;
    let v = n / 1000;
    while (v >= 1000 && unit < UNITS.length - 1) {
        v /= 1000;
        unit++;
    }
    let shown = v < 100 ? Math.round(v * 10) / 10 : Math.round(v);
    // 999.96 MB rounds to 1000 MB: that is 1 GB.
    if (shown >= 1000 && unit < UNITS.length - 1) {
        unit++;
        shown = 1;
    }
    const digits = shown < 100 && !Number.isInteger(shown) ? shown.toFixed(1) : String(shown);
    return `${digits} ${UNITS[unit]}`;
}
/** A size change with its sign: `+340 MB`, `-1.2 GB`, `±0 B`. */
function formatBytesDelta(n) {
    if (n === 0)
        return '±0 B';
    return n > 0 ? `+${formatBytes(n)}` : formatBytes(n);
}
const str = (v, max = 500) => typeof v === 'string' && v.trim() !== '' && v.length <= max ? v : null;
const count = (v) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : null;
/**
 * The usable facts of a package: null when there are none or they are not facts at all (a report from a
 * file); fields of the wrong type read as null, a `sizeChange` with one as absent.
 */
function factsOf(p) {
    const f = p?.imageFacts;
    if (typeof f !== 'object' || f === null || Array.isArray(f))
        return null;
    const r = f;
    const image = str(r['image']);
    if (image === null)
        return null;
    const facts = {
        image,
        id: str(r['id'], 200),
        sizeBytes: count(r['sizeBytes']),
        layers: count(r['layers']),
        created: str(r['created'], 100),
        architecture: str(r['architecture'], 100),
        digest: str(r['digest']),
    };
    const change = sizeChangeOf(r['sizeChange']);
    if (change !== null)
        facts.sizeChange = change;
    return facts;
}
/** A `sizeChange` whose numbers are numbers, else null. */
function sizeChangeOf(v) {
    if (typeof v !== 'object' || v === null || Array.isArray(v))
        return null;
    const c = v;
    const num = (x) => typeof x === 'number' && Number.isFinite(x);
    const previous = count(c['previousBytes']);
    if (previous === null || !num(c['deltaBytes']) || !num(c['percent']) || typeof c['flagged'] !== 'boolean') {
        return null;
    }
    return {
        previousBytes: previous,
        deltaBytes: c['deltaBytes'],
        percent: c['percent'],
        flagged: c['flagged'],
        previousRunUrl: str(c['previousRunUrl'], 2000),
    };
}
/** `Size 8.1 GB · 42 layers` (either part alone when the other is unknown), or null when neither is known. */
function sizeLayersText(f) {
    if (f === null)
        return null;
    const parts = [];
    if (f.sizeBytes !== null)
        parts.push(`Size ${formatBytes(f.sizeBytes)}`);
    if (f.layers !== null)
        parts.push(`${f.layers} ${f.layers === 1 ? 'layer' : 'layers'}`);
    return parts.length ? parts.join(' · ') : null;
}
/** The `sha256:…` part of a digest reference (`repo@sha256:…`), or null. */
function digestOnly(ref) {
    if (ref === null)
        return null;
    const m = /(?:^|@)(sha256:[0-9a-f]{64})$/.exec(ref);
    return m ? m[1] : null;
}
/** `sha256:0123456789ab`: enough of a digest (or id) to tell images apart at a glance. */
function shortDigest(ref) {
    const d = digestOnly(ref) ?? (ref !== null && /^sha256:[0-9a-f]{12,}$/.test(ref) ? ref : null);
    return d ? d.slice(0, 'sha256:'.length + 12) : null;
}
/** The `digests` output: each pushed image → its registry digest (`sha256:…`). */
function digestMap(report) {
    const out = [];
    for (const p of report.packages) {
        const digest = digestOnly(factsOf(p)?.digest ?? null);
        if (digest !== null && typeof p.pushedImage === 'string' && p.pushedImage !== '') {
            out.push([p.pushedImage, digest]);
        }
    }
    // fromEntries: an image named `__proto__` is a key like any other.
    return Object.fromEntries(out);
}
/** The `image-sizes` output: each inspected image → its size in bytes. */
function imageSizeMap(report) {
    const out = [];
    for (const p of report.packages) {
        const f = factsOf(p);
        if (f !== null && f.sizeBytes !== null)
            out.push([f.image, f.sizeBytes]);
    }
    return Object.fromEntries(out);
}

;// CONCATENATED MODULE: ./src/notify/template-fields.ts



const ALL = ['build', 'run', 'start'];
const ENDED = ['build', 'run'];
const BUILD = ['build'];
const BUILD_START = ['build', 'start'];
const PKG = '/$defs/PackageResult/properties';
const FAIL = '/$defs/FailurePoint/properties';
const RUN = '/properties/run/properties';
const ENV = '/$defs/EnvironmentInfo/properties';
const FACTS = '/$defs/ImageFacts/properties';
const POSITION = [
    { name: 'first', type: 'boolean', note: 'true for the first item of the list.', scope: ENDED },
    {
        name: 'last',
        type: 'boolean',
        note: 'true for the last item: `{{^last}},{{/last}}` separates JSON list items.',
        scope: ENDED,
    },
];
const FAILED_ITEM = [
    { name: 'name', type: 'string', schema: `${PKG}/name`, note: '', scope: ENDED },
    { name: 'stage', type: 'string', schema: `${FAIL}/stage`, note: '', scope: ENDED },
    { name: 'phase', type: 'string', schema: `${FAIL}/phase`, note: '', scope: ENDED },
    { name: 'error', type: 'string', schema: `${FAIL}/error`, note: '', scope: ENDED },
    {
        name: 'log_url',
        type: 'string',
        note: 'Where its logs are: the logs artifact, else the run (for the fleet: its leg).',
        scope: ENDED,
    },
    ...POSITION,
];
const RESULT_ITEM = [
    { name: 'name', type: 'string', schema: `${PKG}/name`, note: '', scope: ENDED },
    {
        name: 'status',
        type: 'string',
        note: '`success`, `failure`, `cancelled`, `not-built` (never reached), or for the fleet `missing` (no report).',
        scope: ENDED,
    },
    { name: 'emoji', type: 'string', note: 'The status as ✅ ❌ ⏹ ⏭ (❔: no report).', scope: ENDED },
    { name: 'image', type: 'string', schema: `${PKG}/image`, note: '', scope: ENDED },
    { name: 'duration', type: 'string', note: 'Its build time, as `45m 12s`.', scope: ENDED },
    {
        name: 'duration_seconds',
        type: 'number',
        schema: `${PKG}/durationSeconds`,
        note: '',
        scope: ENDED,
        nullable: true,
    },
    { name: 'error', type: 'string', schema: `${FAIL}/error`, note: '', scope: ENDED },
    {
        name: 'image_size',
        type: 'string',
        note: 'Its final image size as docker prints it (decimal units: `8.1 GB`); empty when not inspected.',
        scope: BUILD,
    },
    {
        name: 'image_size_bytes',
        type: 'number',
        schema: `${FACTS}/sizeBytes`,
        note: 'Empty when not inspected.',
        scope: BUILD,
        nullable: true,
    },
    {
        name: 'image_layers',
        type: 'number',
        schema: `${FACTS}/layers`,
        note: 'Empty when not inspected.',
        scope: BUILD,
        nullable: true,
    },
    { name: 'image_digest', type: 'string', schema: `${FACTS}/digest`, note: '', scope: BUILD },
    ...POSITION,
];
/** Every field, in the order of the documentation. */
const FIELDS = [
    {
        name: 'event',
        type: 'string',
        note: 'What the message announces: `jetson.build.finished`, `jetson.build.started` (notify-start), `jetson.test` (test-notification), `jetson.run.finished` (summarize).',
        scope: ALL,
    },
    {
        name: 'status',
        type: 'string',
        schema: '/properties/status',
        note: '`started` for a start.',
        scope: ALL,
    },
    { name: 'emoji', type: 'string', note: 'The status as ✅ ❌ ⏹ (🔨 for a start).', scope: ALL },
    {
        name: 'is_success',
        type: 'boolean',
        note: 'true when the status is success: `{{#is_success}}…{{/is_success}}`.',
        scope: ENDED,
    },
    { name: 'is_failure', type: 'boolean', note: 'true when the status is failure.', scope: ENDED },
    { name: 'is_cancelled', type: 'boolean', note: 'true when the status is cancelled.', scope: ENDED },
    { name: 'message', type: 'string', schema: '/properties/message', note: '', scope: ALL },
    {
        name: 'change',
        type: 'string',
        note: 'Against the previous run of the workflow on the branch: `fixed`, `broken`, `same`, `first`, or `unknown` (not asked: see notify-on).',
        scope: ENDED,
    },
    {
        name: 'packages',
        type: 'string',
        schema: '/properties/requestedPackages',
        note: 'Joined with `, `.',
        scope: ALL,
    },
    { name: 'package_count', type: 'number', note: 'How many packages the build reports.', scope: ALL },
    {
        name: 'failed_packages',
        type: 'string',
        schema: '/properties/failedPackages',
        note: 'Joined with `, ` (for the fleet: missing ones too).',
        scope: ENDED,
    },
    { name: 'failed_count', type: 'number', note: 'How many packages failed.', scope: ENDED },
    { name: 'success_count', type: 'number', note: 'How many packages built.', scope: ENDED },
    {
        name: 'failed',
        type: 'list',
        note: 'The failed packages, for `{{#failed}}…{{/failed}}`.',
        scope: ENDED,
        items: FAILED_ITEM,
    },
    {
        name: 'results',
        type: 'list',
        schema: '/properties/packages',
        note: 'For `{{#results}}…{{/results}}`, failures first.',
        scope: ENDED,
        items: RESULT_ITEM,
    },
    { name: 'images', type: 'string', schema: '/properties/images', note: 'Joined with `, `.', scope: ENDED },
    {
        name: 'error',
        type: 'string',
        schema: `${FAIL}/error`,
        note: 'Of the first failure.',
        scope: ENDED,
    },
    { name: 'stage', type: 'string', schema: `${FAIL}/stage`, note: 'Of the first failure.', scope: BUILD },
    { name: 'phase', type: 'string', schema: `${FAIL}/phase`, note: 'Of the first failure.', scope: ENDED },
    {
        name: 'excerpt',
        type: 'string',
        schema: `${FAIL}/excerpt`,
        note: 'Of the first failure, one line per line (a text line shows it on one line).',
        scope: BUILD,
    },
    { name: 'log_url', type: 'string', schema: '/properties/logs/properties/url', note: '', scope: ENDED },
    {
        name: 'artifact_url',
        type: 'string',
        schema: '/properties/logs/properties/artifactUrl',
        note: '',
        scope: BUILD,
    },
    { name: 'run_url', type: 'string', schema: `${RUN}/runUrl`, note: '', scope: ALL },
    { name: 'job_url', type: 'string', schema: `${RUN}/jobUrl`, note: '', scope: BUILD_START },
    {
        name: 'duration',
        type: 'string',
        note: 'Wall-clock duration of the build, as `1h 02m 13s` (for the fleet: first leg start to last leg end).',
        scope: ENDED,
    },
    {
        name: 'duration_seconds',
        type: 'number',
        schema: '/properties/durationSeconds',
        note: 'Rounded.',
        scope: ENDED,
    },
    { name: 'start_time', type: 'string', schema: '/properties/startTime', note: '', scope: ALL },
    { name: 'end_time', type: 'string', schema: '/properties/endTime', note: '', scope: ENDED },
    {
        name: 'runner',
        type: 'string',
        schema: '/properties/runner/properties/name',
        note: '(For the fleet: every runner, joined.)',
        scope: ALL,
    },
    { name: 'repository', type: 'string', schema: `${RUN}/repository`, note: '', scope: ALL },
    { name: 'ref', type: 'string', schema: `${RUN}/ref`, note: '', scope: ALL },
    { name: 'sha', type: 'string', schema: `${RUN}/sha`, note: '', scope: ALL },
    { name: 'short_sha', type: 'string', schema: `${RUN}/sha`, note: 'Its first 7 characters.', scope: ALL },
    { name: 'workflow', type: 'string', schema: `${RUN}/workflow`, note: '', scope: ALL },
    { name: 'job', type: 'string', schema: `${RUN}/job`, note: '', scope: BUILD_START },
    { name: 'run_id', type: 'string', schema: `${RUN}/runId`, note: '', scope: ALL },
    { name: 'run_attempt', type: 'string', schema: `${RUN}/runAttempt`, note: '', scope: ALL },
    { name: 'l4t', type: 'string', schema: `${ENV}/L4T_VERSION`, note: '', scope: BUILD },
    { name: 'jetpack', type: 'string', schema: `${ENV}/JETPACK_VERSION`, note: '', scope: BUILD },
    { name: 'cuda', type: 'string', schema: `${ENV}/CUDA_VERSION`, note: '', scope: BUILD },
    { name: 'python', type: 'string', schema: `${ENV}/PYTHON_VERSION`, note: '', scope: BUILD },
    { name: 'arch', type: 'string', schema: `${ENV}/SYSTEM_ARCH`, note: '', scope: BUILD },
    {
        name: 'command',
        type: 'string',
        schema: '/properties/command/properties/display',
        note: '',
        scope: BUILD_START,
    },
    {
        name: 'exit_code',
        type: 'number',
        schema: '/properties/exitCode',
        note: '',
        scope: BUILD,
        nullable: true,
    },
];
const VIEW_CAPS = { text: 4000, items: 1000, excerptLines: 40 };
const COMPACT_VIEW_CAPS = { text: 500, items: 20, excerptLines: 10 };
const TEMPLATE_EVENTS = {
    finished: 'jetson.build.finished',
    started: 'jetson.build.started',
    test: 'jetson.test',
    run: 'jetson.run.finished',
};
const STATUS_EMOJI = {
    success: '✅',
    failure: '❌',
    cancelled: '⏹',
    'not-built': '⏭',
    missing: '❔',
    started: '🔨',
};
const FAILED_FIRST = {
    failure: 0,
    missing: 1,
    cancelled: 2,
    'not-built': 3,
    success: 4,
};
function bare(values) {
    return Object.assign(Object.create(null), values);
}
/** A list's items, at most `caps.items`, with `first` and `last` set. */
function itemsOf(items, caps) {
    const kept = items.slice(0, caps.items);
    return kept.map((item, i) => bare({ ...item, first: i === 0, last: i === kept.length - 1 }));
}
function template_fields_text(value, caps) {
    return value == null ? null : (0,limits/* truncate */.xv)(value, caps.text);
}
function joined(values, caps) {
    return (0,limits/* truncate */.xv)(values.slice(0, caps.items).join(', '), caps.text);
}
function statusFlags(status) {
    return {
        is_success: status === 'success',
        is_failure: status === 'failure',
        is_cancelled: status === 'cancelled',
    };
}
function failureOf(p, report) {
    return p.failure ?? (p.status === 'failure' ? report.failure : null);
}
function buildItems(report, caps) {
    const ordered = report.packages
        .map((p, i) => ({ p, i }))
        .sort((a, b) => (FAILED_FIRST[a.p.status] ?? 9) - (FAILED_FIRST[b.p.status] ?? 9) || a.i - b.i)
        .map((x) => x.p);
    const failed = ordered
        .filter((p) => p.status === 'failure')
        .map((p) => {
        const f = failureOf(p, report);
        return {
            name: template_fields_text(p.name, caps),
            stage: template_fields_text(f?.stage, caps),
            phase: f?.phase ?? null,
            error: template_fields_text(f?.error, caps),
            log_url: report.logs.url,
        };
    });
    const results = ordered.map((p) => {
        const facts = factsOf(p);
        const size = facts?.sizeBytes ?? null;
        return {
            name: template_fields_text(p.name, caps),
            status: p.status,
            emoji: STATUS_EMOJI[p.status] ?? '',
            image: template_fields_text(p.image, caps),
            duration: p.durationSeconds === null ? null : (0,limits/* formatDuration */.a3)(p.durationSeconds),
            duration_seconds: p.durationSeconds === null ? null : Math.round(p.durationSeconds),
            error: template_fields_text(failureOf(p, report)?.error, caps),
            image_size: size === null ? null : formatBytes(size),
            image_size_bytes: size,
            image_layers: facts?.layers ?? null,
            image_digest: template_fields_text(facts?.digest, caps),
        };
    });
    return { failed: itemsOf(failed, caps), results: itemsOf(results, caps) };
}
/** What every view says about where it ran: from a BuildReport's or a BuildStart's run context. */
function runContext(report, caps) {
    const run = report.run;
    return {
        run_url: run.runUrl,
        job_url: run.jobUrl ?? null,
        runner: template_fields_text(report.runner.name, caps),
        repository: run.repository,
        ref: template_fields_text(run.ref, caps),
        sha: run.sha,
        short_sha: run.sha === null ? null : run.sha.slice(0, 7),
        workflow: template_fields_text(run.workflow, caps),
        job: template_fields_text(run.job, caps),
        run_id: run.runId,
        run_attempt: run.runAttempt,
    };
}
const FINISHED = { event: 'finished', change: 'unknown' };
/** The view of a single build's report (its end, or a test-notification sample). */
function buildTemplateView(report, ctx = FINISHED, caps = VIEW_CAPS) {
    const { failed, results } = buildItems(report, caps);
    const f = report.failure;
    const env = report.environment;
    return bare({
        event: TEMPLATE_EVENTS[ctx.event],
        status: report.status,
        emoji: STATUS_EMOJI[report.status] ?? '',
        ...statusFlags(report.status),
        message: template_fields_text(report.message, caps),
        change: ctx.change,
        packages: joined(report.requestedPackages, caps),
        package_count: report.packages.length,
        failed_packages: joined(report.failedPackages, caps),
        failed_count: report.packages.filter((p) => p.status === 'failure').length,
        success_count: report.packages.filter((p) => p.status === 'success').length,
        failed,
        results,
        images: joined(report.images, caps),
        error: template_fields_text(f?.error, caps),
        stage: template_fields_text(f?.stage, caps),
        phase: f?.phase ?? null,
        excerpt: f ? template_fields_text(f.excerpt.slice(-caps.excerptLines).join('\n'), caps) : null,
        log_url: report.logs.url,
        artifact_url: report.logs.artifactUrl,
        duration: (0,limits/* formatDuration */.a3)(report.durationSeconds),
        duration_seconds: Math.round(report.durationSeconds),
        start_time: report.startTime,
        end_time: report.endTime,
        ...runContext(report, caps),
        l4t: env.L4T_VERSION ?? null,
        jetpack: env.JETPACK_VERSION ?? null,
        cuda: env.CUDA_VERSION ?? null,
        python: env.PYTHON_VERSION ?? null,
        arch: env.SYSTEM_ARCH ?? null,
        command: template_fields_text(report.command.display, caps),
        exit_code: report.exitCode,
    });
}
function runFailedItem(row, caps) {
    return {
        name: template_fields_text(row.name, caps),
        stage: template_fields_text(row.failure?.stage, caps),
        phase: row.failure?.phase ?? (row.status === 'missing' ? 'missing' : null),
        error: template_fields_text(row.failure?.error ?? row.reason, caps),
        log_url: row.log_url ?? row.web_url,
    };
}
/** The view of the fleet's run report (summarize). */
function runTemplateView(run, ctx = FINISHED, caps = VIEW_CAPS) {
    const ordered = run.runs
        .map((r, i) => ({ r, i }))
        .sort((a, b) => (FAILED_FIRST[a.r.status] ?? 9) - (FAILED_FIRST[b.r.status] ?? 9) || a.i - b.i)
        .map((x) => x.r);
    const failedRows = ordered.filter((r) => r.status === 'failure' || r.status === 'missing');
    const first = failedRows[0];
    const runners = [...new Set(run.runs.flatMap((r) => (r.host_tag ? [r.host_tag] : [])))];
    return bare({
        event: TEMPLATE_EVENTS.run,
        status: run.status,
        emoji: STATUS_EMOJI[run.status] ?? '',
        ...statusFlags(run.status),
        message: template_fields_text(run.message, caps),
        change: ctx.change,
        packages: joined(run.runs.map((r) => r.name), caps),
        package_count: run.totals.packages,
        failed_packages: joined(run.failed_packages, caps),
        failed_count: run.totals.failure + run.totals.missing,
        success_count: run.totals.success,
        failed: itemsOf(failedRows.map((r) => runFailedItem(r, caps)), caps),
        results: itemsOf(ordered.map((r) => ({
            name: template_fields_text(r.name, caps),
            status: r.status,
            emoji: STATUS_EMOJI[r.status] ?? '',
            image: template_fields_text(r.image, caps),
            duration: r.duration_seconds === null ? null : (0,limits/* formatDuration */.a3)(r.duration_seconds),
            duration_seconds: r.duration_seconds === null ? null : Math.round(r.duration_seconds),
            error: template_fields_text(r.failure?.error ?? r.reason, caps),
        })), caps),
        images: joined(run.images, caps),
        error: template_fields_text(first?.failure?.error ?? first?.reason, caps),
        phase: first ? (first.failure?.phase ?? (first.status === 'missing' ? 'missing' : null)) : null,
        log_url: run.url,
        run_url: run.web_url,
        duration: (0,limits/* formatDuration */.a3)(run.wall_seconds),
        duration_seconds: Math.round(run.wall_seconds),
        start_time: run.created,
        end_time: run.completed,
        runner: template_fields_text(runners.join(', '), caps),
        repository: run.repository,
        ref: template_fields_text(run.ref, caps),
        sha: run.sha,
        short_sha: run.sha === null ? null : run.sha.slice(0, 7),
        workflow: template_fields_text(run.trigger_name, caps),
        run_id: run.build_id,
        run_attempt: run.run_attempt,
    });
}
/** The view of a build's start (notify-start): what is known before it runs. */
function startTemplateView(start, caps = VIEW_CAPS) {
    return bare({
        event: TEMPLATE_EVENTS.started,
        status: 'started',
        emoji: STATUS_EMOJI.started,
        message: template_fields_text(`Building ${start.packages.join(', ')}`, caps),
        packages: joined(start.packages, caps),
        package_count: start.packages.length,
        start_time: start.startTime,
        ...runContext(start, caps),
        command: template_fields_text(start.command.display, caps),
    });
}
/**
 * The sample a template is checked with at start (and the docs' examples): the report `dry-run` shows, in a
 * fixed repository, run and runner.
 */
function sampleTemplateReport() {
    const serverUrl = 'https://github.com';
    const repository = 'octo-org/jetson-images';
    const runUrl = `${serverUrl}/${repository}/actions/runs/16234567890`;
    const report = sampleReport({
        packages: ['pytorch:2.8', 'torchvision', 'onnxruntime'],
        run: {
            serverUrl,
            repository,
            ref: 'refs/heads/main',
            sha: '3f5c0e9d1b2a4c6e8f0a1b2c3d4e5f60718293a4',
            workflow: 'Jetson images',
            job: 'build',
            runId: '16234567890',
            runAttempt: '1',
            runUrl,
            jobUrl: `${runUrl}/job/45678901234`,
            matrix: null,
        },
        runner: { name: 'orin-agx-01', os: 'Linux', arch: 'ARM64', labels: ['self-hosted', 'jetson'] },
        end: new Date('2026-03-14T09:26:53Z'),
        logDir: '/home/runner/_work/_temp/jetson-logs',
    });
    const artifactUrl = `${runUrl}/artifacts/3456789012`;
    return { ...report, logs: { ...report.logs, artifactUrl, url: artifactUrl } };
}
/** Every field's name, the list fields' item fields and every field's type: what validation checks against. */
function fieldByName(name, fields = FIELDS) {
    return fields.find((f) => f.name === name);
}


/***/ }),

/***/ 7858:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Pi: () => (/* binding */ renderPayloadTemplate),
/* harmony export */   U2: () => (/* binding */ renderMessageTemplate),
/* harmony export */   s0: () => (/* binding */ validateTemplates)
/* harmony export */ });
/* unused harmony exports MESSAGE_LIMITS, escapeText, escapeJson, lineColumn, jsonSyntaxError */
/* harmony import */ var mustache__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(562);
/* harmony import */ var _runner_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5507);
/* harmony import */ var _render_discord_common_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2470);
/* harmony import */ var _render_limits_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7284);
/* harmony import */ var _render_slack_limits_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8059);
/* harmony import */ var _template_fields_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1208);
// The user's templates: `message-template` (the text line of a Discord, Slack or Teams message) and
// `payload-template(-file)` (a whole generic JSON body). Logic-less mustache, never code. Every template is
// checked when the settings are read, before the build runs: it must parse, name only known fields, and (a
// payload) render valid JSON for the sample report and for one whose values are all empty. Values are
// escaped for where they land before mustache sees them, so `{{x}}`, `{{{x}}}` and `{{&x}}` all give the same
// escaped text: a package name or a log line can neither break a JSON body nor add markup or a mention.
// Pure: no I/O.






/**
 * The most a rendered text line may hold, in characters: Discord's `content` (2000), a Slack section's text
 * (3000; the top-level `text` allows 40 000, a section is the tighter place it may land), a Teams TextBlock
 * (no documented limit; the whole card must stay under ~28 KB).
 */
const MESSAGE_LIMITS = { discord: 2000, slack: 3000, teams: 4000 };
const ZWSP = '\u200b';
/** A rendered value is never longer than this before the line limit: a text line is not a log. */
const VALUE_MAX = 100_000;
// ------------------------------------------------------------------------------------------- escaping
/** A URL a value may keep as is in chat text: absolute http(s), nothing markdown or a link could break on. */
function plainUrl(value) {
    if (value.length > 2048 || !/^https?:\/\/[^\s<>()[\]`|"'\\]+$/i.test(value))
        return null;
    return URL.canParse(value) ? value : null;
}
function oneLine(value) {
    return value.replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ').trim();
}
/** `@everyone`, `@here`, `@channel` and `@all` with a zero-width space after the `@`: shown, never a ping. */
function defuseAtMentions(value) {
    return value.replace(/@(everyone|here|channel|all)\b/gi, `@${ZWSP}$1`);
}
/**
 * One plain value made inert for a platform's text, on one line:
 * - discord: markdown characters backslashed, `@everyone`/`<@id>` defused (md + neutraliseMentions);
 * - slack: as the built-in Slack message's text (slackInert): `&`, `<`, `>` as entities (so no `<!channel>`,
 *   `<@U…>`, `<#C…>` or `<url|link>`), `*` `~` backticks and edge `_` as look-alikes, `@channel` and the like
 *   defused;
 * - teams: markdown characters and `<` `>` backslashed (no `<at>` mention, no HTML), entities and list
 *   markers defused, bare URLs broken, `@` names defused.
 */
function escapeText(value, platform) {
    const text = (0,_render_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .truncate */ .xv)(value, VALUE_MAX);
    switch (platform) {
        case 'discord':
            return (0,_render_discord_common_js__WEBPACK_IMPORTED_MODULE_2__.md)((0,_render_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .neutraliseMentions */ .yY)(text), VALUE_MAX);
        case 'slack':
            return defuseAtMentions((0,_render_slack_limits_js__WEBPACK_IMPORTED_MODULE_4__/* .slackInert */ .Pv)(oneLine(text)));
        case 'teams':
            // The markdown a TextBlock renders: emphasis, links, HTML and entities, and list or heading markers at
            // the start; a bare URL in report text does not become a link either.
            return defuseAtMentions(oneLine(text)
                .replace(/[\\`*_~[\]<>|]/g, '\\$&')
                .replace(/&(?=#?\w+;)/g, '\\&')
                .replace(/^([#+-])(?=\s|$)/, '\\$1')
                .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2')
                .replace(/:\/\//g, `:${ZWSP}//`));
    }
}
/** A URL for a platform's text: kept clickable when it is a plain http(s) URL, else escaped like any text. */
function escapeUrl(value, platform) {
    const url = plainUrl(value);
    // A Slack link is `<url|label>`: a `|` from the value must not end the URL part.
    if (url === null || /@/.test(url)) {
        const text = escapeText(value, platform);
        return platform === 'slack' ? text.replace(/\|/g, '%7C') : text;
    }
    return platform === 'slack' ? url.replace(/&/g, '&amp;') : url;
}
/** A value as the inside of a JSON string: quotes, backslashes and every control character escaped. */
function escapeJson(value) {
    return JSON.stringify(value)
        .slice(1, -1)
        .replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}
function escapeValue(key, value, platform) {
    if (platform === 'json')
        return escapeJson(value);
    return key.endsWith('_url') ? escapeUrl(value, platform) : escapeText(value, platform);
}
/** The view with every text value escaped for `platform` (numbers and flags need none). */
function escapeView(view, platform) {
    const walk = (values) => {
        const out = Object.create(null);
        for (const [key, value] of Object.entries(values)) {
            if (typeof value === 'string')
                out[key] = escapeValue(key, value, platform);
            else if (Array.isArray(value))
                out[key] = value.map((item) => walk(item));
            else
                out[key] = value;
        }
        return out;
    };
    return walk(view);
}
/** Mustache with the values already escaped: its own HTML escaping is off, for this render only. */
function renderEscaped(template, view) {
    return mustache__WEBPACK_IMPORTED_MODULE_0__/* ["default"] */ .A.render(template, view, undefined, { escape: (v) => String(v) });
}
// ------------------------------------------------------------------------------------------- rendering
/**
 * The user's `message-template` rendered for one platform: every value escaped for it (see escapeText; URL
 * fields stay clickable), trailing white space dropped, cut with `…` to `max` characters (default: the
 * platform's MESSAGE_LIMITS). Never throws for a template that passed validateTemplates.
 */
function renderMessageTemplate(template, view, platform, max = MESSAGE_LIMITS[platform]) {
    const text = renderEscaped(template, escapeView(view, platform)).replace(/\s+$/, '');
    return platform === 'discord' ? (0,_render_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .truncateMarkdown */ .o4)(text, max) : (0,_render_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .truncate */ .xv)(text, max);
}
/**
 * The user's `payload-template` rendered into the JSON body it describes (parsed). `viewFor` gives the view at
 * a size cap: when the body is over `maxBytes` it is rendered again from the compact view (short texts, 20
 * list items); still over, or not JSON (a value the sample never had), it throws an Error that says why, and
 * that target's delivery fails with it.
 */
function renderPayloadTemplate(template, viewFor, maxBytes, caps = [_template_fields_js__WEBPACK_IMPORTED_MODULE_5__/* .VIEW_CAPS */ .W8, _template_fields_js__WEBPACK_IMPORTED_MODULE_5__/* .COMPACT_VIEW_CAPS */ .Ec]) {
    let size = 0;
    for (const cap of caps) {
        const view = escapeView(viewFor(cap), 'json');
        const text = renderEscaped(template, view);
        size = Buffer.byteLength(text, 'utf8');
        if (size > maxBytes)
            continue;
        const problem = jsonSyntaxError(text);
        if (problem) {
            const at = templatePosition(template, view, problem.offset);
            throw new Error(`the payload template renders invalid JSON ${at}: ${problem.reason}`);
        }
        return JSON.parse(text);
    }
    throw new Error(`the payload template renders ${size} bytes, over the ${Math.floor(maxBytes / 1024)} KiB limit, even with every list cut to ${caps[caps.length - 1]?.items} items`);
}
/** Line and column (1-based, in characters) of `offset` in `text`. */
function lineColumn(text, offset) {
    const before = text.slice(0, Math.max(0, offset));
    const line = before.split('\n').length;
    const column = [...before.slice(before.lastIndexOf('\n') + 1)].length + 1;
    return { line, column };
}
function lineAt(text, offset) {
    const start = text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
    const end = text.indexOf('\n', offset);
    return text.slice(start, end < 0 ? text.length : end);
}
/** `shown`: the value to show instead of the template's line (a file's path: its text is never shown). */
function fail(source, template, offset, what, shown) {
    const { line, column } = lineColumn(template, offset);
    const value = shown ?? lineAt(template, offset);
    throw new _runner_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(source, value, what.replace('@', `line ${line}, column ${column}`));
}
/** Where a mustache parse error is, and what it means in words. */
function parseProblem(template, message) {
    const at = Number(/ at (\d+)$/.exec(message)?.[1] ?? template.length);
    const section = /section "([^"]*)"/.exec(message)?.[1] ?? '';
    if (message.startsWith('Unclosed tag')) {
        const after = template.indexOf('{{', template.lastIndexOf('}}') + 2);
        const offset = after >= 0 ? after : Math.max(0, template.lastIndexOf('{{'));
        return { offset, what: 'a tag opened at @ is never closed (no "}}")' };
    }
    if (message.startsWith('Unopened section')) {
        return { offset: at, what: `{{/${section}}} at @ closes a section that is not open` };
    }
    if (message.startsWith('Unclosed section') && at < template.length) {
        return {
            offset: at,
            what: `section "${section}" is still open at @: close it with {{/${section}}} first`,
        };
    }
    if (message.startsWith('Unclosed section')) {
        const open = [...template.matchAll(/\{\{\s*[#^]\s*([^}]*?)\s*\}\}/g)].filter((m) => m[1] === section);
        const offset = open.length > 0 ? (open[open.length - 1]?.index ?? at) : at;
        return { offset, what: `section "${section}" opened at @ is never closed (add {{/${section}}})` };
    }
    return {
        offset: Math.max(0, template.lastIndexOf('{{=')),
        what: `the tag at @ does not parse (${message})`,
    };
}
/** Edit distance, for "did you mean". */
function distance(a, b) {
    let row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const next = [i];
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + cost);
        }
        row = next;
    }
    return row[b.length];
}
function unknownField(name, scopes) {
    const names = [...new Set(scopes.flat().map((f) => f.name))];
    const best = names
        .map((n) => ({ n, d: distance(name.toLowerCase(), n) }))
        .sort((a, b) => a.d - b.d || a.n.localeCompare(b.n))[0];
    const lists = scopes.flat().filter((f) => f.items?.some((i) => i.name === name));
    if (lists.length > 0) {
        const where = lists.map((l) => `{{#${l.name}}}…{{/${l.name}}}`).join(' or ');
        return `a template naming known fields; "${name}" at @ is a field of each list item: use it inside ${where}`;
    }
    const hint = best && best.d <= Math.max(2, Math.floor(name.length / 3))
        ? `did you mean "${best.n}"?`
        : `the fields are ${names.join(', ')}`;
    return `a template naming known fields; "${name}" at @ is not one (${hint})`;
}
/**
 * Every name the tokens use, checked against the fields in scope (a list section adds its items' fields).
 * `inList`: the list section these tokens render inside, if any. A list section inside one is refused: each
 * level multiplies what is rendered (three levels of 1000 packages are a billion items), and no message needs
 * a list per item of another.
 */
function checkNames(tokens, scopes, check, inList = null) {
    for (const [type, name, start, , children] of tokens) {
        if (type === '>')
            check(start, `a template without partials: {{>${name}}} at @ is one`);
        if (!['name', '&', '#', '^'].includes(type))
            continue;
        // Every value has a name (a list item's fields too): `{{.}}` would show `[object Object]` or the whole view.
        if (name === '.')
            check(start, 'a template naming fields: {{.}} at @ names none (write the field)');
        const field = scopes.map((s) => s.find((f) => f.name === name)).find((f) => f !== undefined);
        if (!field)
            check(start, unknownField(name, scopes));
        if (field.type === 'list' && (type === 'name' || type === '&')) {
            check(start, `a template using lists as sections; "${name}" at @ is a list: write {{#${name}}}…{{/${name}}}`);
        }
        const iterates = type === '#' && field.type === 'list';
        if (iterates && inList !== null) {
            check(start, `a template without a list inside a list; {{#${name}}} at @ is inside {{#${inList}}} (close the outer list first)`);
        }
        const inner = type === '#' && field.items ? [field.items, ...scopes] : scopes;
        checkNames(children ?? [], inner, check, iterates ? name : inList);
    }
}
/** The parsed template, or an InputError saying where it does not parse. */
function parseTemplate(source, template, shown) {
    try {
        return mustache__WEBPACK_IMPORTED_MODULE_0__/* ["default"] */ .A.parse(template);
    }
    catch (err) {
        const { offset, what } = parseProblem(template, err instanceof Error ? err.message : String(err));
        return fail(source, template, offset, `a mustache template; it does not parse: ${what}`, shown);
    }
}
const EMPTY = { string: null, number: 0, boolean: false, list: [] };
/** A view like `view` with every value empty (texts and nullable numbers null, lists empty, flags false). */
function blankView(view) {
    const out = Object.create(null);
    for (const f of _template_fields_js__WEBPACK_IMPORTED_MODULE_5__/* .FIELDS */ .cJ)
        out[f.name] = emptyValue(f, view[f.name]);
    return out;
}
/** The value an unknown field of `type` renders as: nothing (texts and numbers that can be unknown), or empty. */
function emptyValue(f, known) {
    if (f.type === 'number' && (f.nullable || typeof known !== 'number'))
        return null;
    return EMPTY[f.type];
}
/**
 * A view like `blankView`, but with one item in every list whose values are all empty too (but its position:
 * first and last): what a package that was never built looks like (no duration, no image, no error).
 */
function blankItemsView(view) {
    const out = blankView(view);
    for (const f of _template_fields_js__WEBPACK_IMPORTED_MODULE_5__/* .FIELDS */ .cJ) {
        if (f.type !== 'list' || !f.items)
            continue;
        const known = (view[f.name] ?? [])[0];
        const item = Object.create(null);
        for (const i of f.items)
            item[i.name] = emptyValue(i, known?.[i.name]);
        item.first = true;
        item.last = true;
        out[f.name] = [item];
    }
    return out;
}
/** The sample view with its one failure repeated: lists of several items, for separators between them. */
function manyFailures(view) {
    const failed = view.failed;
    const item = failed[0];
    const many = [0, 1, 2].map((i) => Object.assign(Object.create(null), { ...item, first: i === 0, last: i === 2 }));
    return Object.assign(Object.create(null), { ...view, failed: many });
}
let sample = null;
/** The views a payload template must render valid JSON for: the sample, several failures, all empty. */
function checkViews() {
    sample ??= (0,_template_fields_js__WEBPACK_IMPORTED_MODULE_5__/* .buildTemplateView */ .ao)((0,_template_fields_js__WEBPACK_IMPORTED_MODULE_5__/* .sampleTemplateReport */ .fk)());
    return [
        { label: 'for the sample report', view: sample },
        { label: 'for a report with several failures', view: manyFailures(sample) },
        { label: 'when its values are empty (unknown: put such a field in quotes)', view: blankView(sample) },
        {
            label: "when a list item's values are empty (unknown: put such a field in quotes)",
            view: blankItemsView(sample),
        },
    ];
}
function checkJson(source, template, shown) {
    for (const { label, view } of checkViews()) {
        const escaped = escapeView(view, 'json');
        const problem = jsonSyntaxError(renderEscaped(template, escaped));
        if (!problem)
            continue;
        const offset = templateOffset(template, escaped, problem.offset);
        const hint = problem.reason.includes('trailing comma')
            ? ' (separate list items with {{^last}},{{/last}})'
            : '';
        const what = `a template that renders JSON; ${label} it renders invalid JSON at @: ${problem.reason}`;
        fail(source, template, offset, what + hint, shown);
    }
}
/**
 * Checks one target's templates, as read from the settings: each must parse, name only known fields, and (a
 * payload) render valid JSON. Throws InputError naming the template's source and the line and column.
 */
function validateTemplates(templates) {
    if (templates.message !== null) {
        const source = templates.messageSource ?? 'message-template';
        const tokens = parseTemplate(source, templates.message);
        checkNames(tokens, [_template_fields_js__WEBPACK_IMPORTED_MODULE_5__/* .FIELDS */ .cJ], (offset, what) => fail(source, templates.message, offset, what));
    }
    if (templates.payload !== null) {
        const source = templates.payloadSource ?? 'payload-template';
        const file = templates.payloadFile ?? null;
        const tokens = parseTemplate(source, templates.payload, file);
        checkNames(tokens, [_template_fields_js__WEBPACK_IMPORTED_MODULE_5__/* .FIELDS */ .cJ], (offset, what) => fail(source, templates.payload, offset, what, file));
        checkJson(source, templates.payload, file);
    }
}
/** Renders `tokens` as mustache does, recording where each piece of the output came from. */
function renderMapped(tokens, context, out) {
    for (const [type, name, start, , children] of tokens) {
        if (type === 'text') {
            out.spans.push({ out: out.s.length, at: start, text: true, empty: false });
            out.s += name;
        }
        else if (type === 'name' || type === '&') {
            const value = context.lookup(name);
            const shown = value == null ? '' : String(value);
            out.spans.push({ out: out.s.length, at: start, text: false, empty: shown === '' });
            out.s += shown;
        }
        else if (type === '#' || type === '^') {
            const value = context.lookup(name);
            const empty = !value || (Array.isArray(value) && value.length === 0);
            if (type === '^') {
                if (empty)
                    renderMapped(children ?? [], context, out);
            }
            else if (Array.isArray(value)) {
                for (const item of value)
                    renderMapped(children ?? [], context.push(item), out);
            }
            else if (!empty) {
                renderMapped(children ?? [], typeof value === 'boolean' ? context : context.push(value), out);
            }
        }
    }
}
/** The template offset that produced output offset `offset` (the tag, for a value). */
function templateOffset(template, view, offset) {
    const out = { s: '', spans: [] };
    renderMapped(mustache__WEBPACK_IMPORTED_MODULE_0__/* ["default"] */ .A.parse(template), new mustache__WEBPACK_IMPORTED_MODULE_0__/* ["default"] */ .A.Context(view), out);
    // A value that rendered empty where JSON needs one is the cause: its tag, not the text after it.
    const empty = out.spans.findLast((s) => s.empty && s.out <= offset && /^\s*$/.test(out.s.slice(s.out, offset)));
    if (empty)
        return empty.at;
    let span;
    for (const s of out.spans)
        if (s.out <= offset)
            span = s;
    if (!span || offset >= out.s.length)
        return template.replace(/\s+$/, '').length;
    return span.text ? span.at + (offset - span.out) : span.at;
}
function templatePosition(template, view, offset) {
    const { line, column } = lineColumn(template, templateOffset(template, view, offset));
    return `at line ${line}, column ${column} of the template`;
}
// ------------------------------------------------------------------------------------------- JSON syntax
/**
 * The first JSON syntax error in `text` (offset and reason), or null: its own scanner, so the place and the
 * words do not depend on the JavaScript engine's messages (some name no position).
 */
function jsonSyntaxError(text) {
    let i = 0;
    const ws = () => {
        while (i < text.length && ' \t\n\r'.includes(text[i]))
            i++;
    };
    const bad = (reason) => {
        throw new JsonProblem(i, reason);
    };
    const string = () => {
        i++;
        while (i < text.length && text[i] !== '"') {
            const c = text.charCodeAt(i);
            if (c < 0x20)
                bad('a control character inside a string (write it escaped)');
            if (text[i] === '\\') {
                const e = text[i + 1] ?? '';
                if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)))
                    i += 6;
                else if ('"\\/bfnrt'.includes(e) && e !== '')
                    i += 2;
                else
                    bad('an invalid escape inside a string');
            }
            else
                i++;
        }
        if (i >= text.length)
            bad('a string that is never closed (missing ")');
        i++;
    };
    const value = () => {
        ws();
        const c = text[i];
        if (c === '{')
            return members('}', true);
        if (c === '[')
            return members(']', false);
        if (c === '"')
            return string();
        const word = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 400));
        if (!word)
            bad(i >= text.length ? 'the text ends where a value is expected' : 'a value is expected here');
        i += word[0].length;
    };
    const members = (close, object) => {
        i++;
        ws();
        if (text[i] === close) {
            i++;
            return;
        }
        for (;;) {
            ws();
            if (object) {
                if (text[i] !== '"')
                    bad('a property name in double quotes is expected here');
                string();
                ws();
                if (text[i] !== ':')
                    bad('":" is expected after a property name');
                i++;
            }
            value();
            ws();
            if (text[i] === ',') {
                i++;
                ws();
                if (text[i] === close)
                    bad(`a value is expected after "," (no trailing comma before "${close}")`);
                continue;
            }
            if (text[i] === close) {
                i++;
                return;
            }
            bad(`"," or "${close}" is expected here`);
        }
    };
    try {
        value();
        ws();
        if (i < text.length)
            bad('there is more text after the JSON value');
        return null;
    }
    catch (err) {
        if (err instanceof JsonProblem)
            return { offset: err.offset, reason: err.reason };
        // Only a stack overflow gets here: nesting deeper than any receiver takes.
        return { offset: i, reason: 'the JSON nests too deeply' };
    }
}
class JsonProblem extends Error {
    offset;
    reason;
    constructor(offset, reason) {
        super(reason);
        this.offset = offset;
        this.reason = reason;
    }
}


/***/ })

};
