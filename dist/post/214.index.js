export const id = 214;
export const ids = [214];
export const modules = {

/***/ 57214:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   renderDiscord: () => (/* binding */ renderDiscord)
/* harmony export */ });
/* unused harmony exports COLOR_SUCCESS, COLOR_FAILURE, COLOR_CANCELLED, PACKAGE_EMOJI, discordTextLength, checkDiscordLimits */
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(87284);


const COLOR_SUCCESS = 65280;
const COLOR_FAILURE = 16711680;
/** Discord's own grey: a cancelled build is neither green nor red. */
const COLOR_CANCELLED = 9807270;
const LOOKS = {
    success: {
        emoji: '✅',
        headline: 'Build Successful',
        title: 'Jetson Containers Build Success',
        color: COLOR_SUCCESS,
    },
    failure: {
        emoji: '❌',
        headline: 'Build Failed',
        title: 'Jetson Containers Build Failure',
        color: COLOR_FAILURE,
    },
    cancelled: {
        emoji: '⏹',
        headline: 'Build Cancelled',
        title: 'Jetson Containers Build Cancelled',
        color: COLOR_CANCELLED,
    },
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
    const cut = (0,_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(oneLine(s), max);
    return cut.replace(/[\\`*_~|[\]<>]/g, '\\$&').replace(/^([#>+-])/, '\\$1');
}
/** Inline code; backticks become a look-alike so the span can never be closed early. */
function code(s, max) {
    const cut = (0,_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(oneLine(s).replace(/`/g, 'ˋ'), max);
    return cut === '' ? '—' : '`' + cut + '`';
}
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
/** `python (3/4, build)`, or just the phase when no stage ran. */
function wherePhrase(f) {
    if (f.stage === null)
        return f.phase;
    const pos = f.stageIndex !== null && f.stageCount !== null ? `${f.stageIndex}/${f.stageCount}, ` : '';
    return `${f.stage} (${pos}${f.phase})`;
}
/** A comma list of at most `max` characters that says how many names it left out. */
function nameList(names, max) {
    if (names.length === 0)
        return '—';
    let out = '';
    for (let i = 0; i < names.length; i++) {
        const item = md(names[i] ?? '', 120);
        const rest = names.length - i - 1;
        const more = rest > 0 ? `, ${_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .ELLIPSIS */ .Gr} and ${rest} more` : '';
        const next = out === '' ? item : `${out}, ${item}`;
        if (next.length + more.length > max) {
            return `${out || _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .ELLIPSIS */ .Gr} ${_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .ELLIPSIS */ .Gr} and ${names.length - i} more`.trim();
        }
        out = next;
    }
    return out;
}
// ---- the message ----
function packageLine(p) {
    const parts = [`${PACKAGE_EMOJI[p.status]} **${md(p.name, 100)}**`];
    if (p.pushedImage)
        parts.push(code(p.pushedImage, 140));
    else if (p.image)
        parts.push(code(p.image, 140));
    if (p.durationSeconds !== null)
        parts.push((0,_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(p.durationSeconds));
    if (p.status === 'not-built')
        parts.push('not built');
    if (p.failure) {
        const verb = p.status === 'cancelled' ? 'cancelled in' : 'failed at';
        let text = `${verb} ${md(wherePhrase(p.failure), 80)}`;
        if (p.failure.error && p.status === 'failure')
            text += `: ${md(p.failure.error, 100)}`;
        parts.push(text);
    }
    return (0,_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .truncateMarkdown */ .o4)(parts.join(' · '), 360);
}
/** Package lines, failed first, then the rest in order, within `budget` characters. */
function packageLines(report, budget) {
    const rank = (p) => (p.status === 'failure' ? 0 : p.status === 'cancelled' ? 1 : 2);
    const ordered = report.packages
        .map((p, i) => ({ p, i }))
        .sort((a, b) => rank(a.p) - rank(b.p) || a.i - b.i)
        .map((x) => x.p);
    const lines = [];
    let used = 0;
    for (let i = 0; i < ordered.length; i++) {
        const line = packageLine(ordered[i]);
        const hidden = ordered.slice(i + 1);
        const reserve = hidden.length ? moreLine(hidden).length + 1 : 0;
        if (used + line.length + 1 + reserve > budget) {
            const rest = ordered.slice(i);
            const more = moreLine(rest);
            if (used + more.length <= budget)
                lines.push(more);
            break;
        }
        lines.push(line);
        used += line.length + 1;
    }
    return lines.join('\n');
}
function moreLine(hidden) {
    const failed = hidden.filter((p) => p.status === 'failure').length;
    return `${_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .ELLIPSIS */ .Gr} and ${hidden.length} more (${failed} failed)`;
}
function contentText(report, look) {
    const lines = [
        `${look.emoji} **${look.headline}**`,
        `📦 **Packages:** ${nameList(report.requestedPackages, 400)}`,
        `⏰ **Time:** ${(0,_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .isoSeconds */ .nE)(report.endTime)}`,
        `⏱️ **Duration:** ${(0,_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(report.durationSeconds)}`,
        `💻 **Command:** ${code(report.command.display, 400)}`,
    ];
    const env = environmentPairs(report);
    if (env.length)
        lines.push(`🔧 **Environment:** ${md(env.map(([k, v]) => `${k}=${v}`).join(', '), 300)}`);
    if (report.runner.name)
        lines.push(`🖥️ **Runner:** ${md(report.runner.name, 100)}`);
    lines.push(`📝 **Details:** ${md(report.message, 400)}`);
    return (0,_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .truncateMarkdown */ .o4)(lines.join('\n'), _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .DISCORD_LIMITS */ .YT.content);
}
function countText(report) {
    const n = report.packages.length || report.requestedPackages.length;
    const failed = report.packages.filter((p) => p.status === 'failure').length;
    const notBuilt = report.packages.filter((p) => p.status === 'not-built').length;
    const extra = [failed ? `${failed} failed` : '', notBuilt ? `${notBuilt} not built` : ''].filter(Boolean);
    return extra.length ? `${n} (${extra.join(', ')})` : String(n);
}
function statusText(report, look) {
    const how = report.signal
        ? `signal ${report.signal}`
        : report.exitCode !== null
            ? `exit ${report.exitCode}`
            : '';
    return how ? `${look.headline} (${md(how, 40)})` : look.headline;
}
function detailsBlock(report, max) {
    const f = report.failure;
    let lines;
    if (report.status === 'success' || !f)
        lines = [report.message];
    else if (f.excerpt.length)
        lines = f.excerpt.slice(-60);
    else
        lines = [f.error ?? report.message];
    return (0,_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .codeBlock */ .DV)(lines.map((l) => (0,_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(l, 300)), max);
}
function logsText(report, attachment) {
    const links = [link('Workflow run', report.run.runUrl)];
    if (report.logs.artifactUrl && report.logs.artifactUrl !== report.run.runUrl) {
        links.push(link('Logs artifact', report.logs.artifactUrl));
    }
    else if (report.logs.url && report.logs.url !== report.run.runUrl) {
        links.push(link('Logs', report.logs.url));
    }
    const lines = [];
    const shown = links.filter((l) => l !== null);
    if (shown.length)
        lines.push(shown.join(' · '));
    if (attachment)
        lines.push(`📎 ${code(attachment.name, 100)} attached`);
    if (!report.logs.artifactUrl && report.logs.uploadError) {
        lines.push(`Log upload failed: ${md(report.logs.uploadError, 200)}`);
    }
    lines.push(`Log: ${code(report.logs.consoleLog, 200)}`);
    return lines.join('\n');
}
function footerText(report) {
    const r = report.run;
    const parts = ['jetson-build-action'];
    if (r.repository)
        parts.push(r.repository);
    if (r.ref)
        parts.push(r.ref.replace(/^refs\/(heads|tags)\//, ''));
    if (r.sha)
        parts.push(r.sha.slice(0, 7));
    if (r.runId)
        parts.push(`run ${r.runId}${r.runAttempt && r.runAttempt !== '1' ? ` #${r.runAttempt}` : ''}`);
    if (r.workflow)
        parts.push(r.workflow);
    return (0,_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(oneLine(parts.join(' · ')), 300);
}
function embedFor(report, look, attachment) {
    const fields = [
        { name: 'Status', value: statusText(report, look), inline: true },
        { name: 'Package Count', value: countText(report), inline: true },
        { name: 'Duration', value: (0,_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(report.durationSeconds), inline: true },
    ];
    if (report.runner.name)
        fields.push({ name: 'Runner', value: md(report.runner.name, 100), inline: true });
    const f = report.failure;
    if (f && report.status !== 'success') {
        let where = `**${md(wherePhrase(f), 200)}**`;
        if (f.error)
            where += '\n' + (0,_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .codeBlock */ .DV)([(0,_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(oneLine(f.error), 400)], 460);
        if (f.logFile)
            where += `\nStage log: ${code(f.logFile, 200)}`;
        fields.push({ name: report.status === 'cancelled' ? 'Cancelled At' : 'Failed At', value: where });
    }
    fields.push({
        name: 'Build Command',
        value: (0,_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .codeBlock */ .DV)([(0,_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(oneLine(report.command.display), 560)], 600, 'bash'),
    });
    const env = environmentPairs(report);
    fields.push({
        name: 'Environment',
        value: env.length
            ? (0,_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .truncateMarkdown */ .o4)(env.map(([k, v]) => `${k}: ${md(v, 60)}`).join('\n'), 400)
            : 'not detected',
        inline: true,
    });
    fields.push({ name: 'Details', value: detailsBlock(report, _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .DISCORD_LIMITS */ .YT.fieldValue) });
    fields.push({
        name: 'Logs',
        value: (0,_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .truncateMarkdown */ .o4)(logsText(report, attachment), _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .DISCORD_LIMITS */ .YT.fieldValue),
    });
    const embed = { title: look.title, color: look.color };
    const runLink = report.run.runUrl;
    if (runLink && /^https?:\/\//i.test(runLink) && runLink.length <= 2000)
        embed.url = runLink;
    const t = Date.parse(report.endTime);
    if (!Number.isNaN(t))
        embed.timestamp = new Date(t).toISOString();
    embed.fields = fields;
    embed.footer = { text: footerText(report) };
    // The description takes what the 6000-character total leaves, up to its own limit.
    const left = _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .DISCORD_LIMITS */ .YT.embedTotal - discordTextLength(embed) - 50;
    const budget = Math.min(_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .DISCORD_LIMITS */ .YT.description, Math.max(0, left));
    const head = md(report.message, Math.min(400, Math.max(0, budget - 2)));
    const pkgs = packageLines(report, budget - head.length - 2);
    const description = pkgs ? `${head}\n\n${pkgs}` : head;
    if (description)
        embed.description = (0,_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .truncateMarkdown */ .o4)(description, budget);
    return embed;
}
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
/** The final guard: clamps every limited text, whatever the builders above produced. */
function clamp(body) {
    const L = _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .DISCORD_LIMITS */ .YT;
    if (body.content !== undefined)
        body.content = (0,_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .truncateMarkdown */ .o4)(body.content, L.content);
    for (const e of body.embeds ?? []) {
        if (e.title !== undefined)
            e.title = (0,_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(e.title, L.title);
        if (e.footer)
            e.footer.text = (0,_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(e.footer.text, L.footer);
        if (e.author)
            e.author.name = (0,_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(e.author.name, L.authorName);
        e.fields = (e.fields ?? []).slice(0, L.fields).map((f) => ({
            ...f,
            name: (0,_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(f.name, L.fieldName) || '—',
            value: (0,_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .truncateMarkdown */ .o4)(f.value, L.fieldValue) || '—',
        }));
        if (e.description !== undefined)
            e.description = (0,_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .truncateMarkdown */ .o4)(e.description, L.description);
        const overflow = discordTextLength(e) - L.embedTotal;
        if (overflow > 0 && e.description) {
            e.description = (0,_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .truncateMarkdown */ .o4)(e.description, Math.max(0, e.description.length - overflow));
            if (!e.description)
                delete e.description;
        }
        while (discordTextLength(e) > L.embedTotal && e.fields.length > 0)
            e.fields.pop();
    }
    return body;
}
/** Renders the Discord webhook body for a report (and the log file to attach, when given). */
function renderDiscord(report, opts) {
    // Defuse mentions at the source: every text taken from the report is inert from here on.
    const safe = mapStrings(report, _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .neutraliseMentions */ .yY);
    const look = LOOKS[safe.status] ?? LOOKS.failure;
    const attachment = opts.attachment ?? null;
    const body = {
        content: contentText(safe, look),
        embeds: [embedFor(safe, look, attachment)],
        allowed_mentions: { parse: [] },
    };
    const username = opts.username ? (0,_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(opts.username.trim(), _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .DISCORD_LIMITS */ .YT.usernameMax) : '';
    if (username)
        body.username = username;
    if (opts.avatarUrl)
        body.avatar_url = opts.avatarUrl;
    const threadName = opts.threadName
        ? (0,_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)((0,_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .neutraliseMentions */ .yY)(oneLine(opts.threadName)), _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .DISCORD_LIMITS */ .YT.threadName)
        : '';
    if (threadName)
        body.thread_name = threadName;
    if (attachment) {
        const where = safe.failure?.stage ? ` of stage ${(0,_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeFence */ .$S)(oneLine(safe.failure.stage))}` : '';
        body.attachments = [
            {
                id: 0,
                filename: attachment.name,
                description: (0,_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(`Build log${where} (${safe.status})`, _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .DISCORD_LIMITS */ .YT.attachmentDescription),
            },
        ];
    }
    // Defence in depth: whatever assembled text still looks like a mass mention is defused, then re-clamped.
    const final = (0,_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .hasMassMention */ .Rp)(JSON.stringify(body)) ? mapStrings(body, _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .neutraliseMentions */ .yY) : body;
    return { body: clamp(final), files: attachment ? [attachment] : [] };
}


/***/ }),

/***/ 87284:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $S: () => (/* binding */ escapeFence),
/* harmony export */   Az: () => (/* binding */ longestBacktickRun),
/* harmony export */   DV: () => (/* binding */ codeBlock),
/* harmony export */   Gr: () => (/* binding */ ELLIPSIS),
/* harmony export */   Lt: () => (/* binding */ fenceFor),
/* harmony export */   Rp: () => (/* binding */ hasMassMention),
/* harmony export */   YT: () => (/* binding */ DISCORD_LIMITS),
/* harmony export */   a3: () => (/* binding */ formatDuration),
/* harmony export */   nE: () => (/* binding */ isoSeconds),
/* harmony export */   o4: () => (/* binding */ truncateMarkdown),
/* harmony export */   xv: () => (/* binding */ truncate),
/* harmony export */   yY: () => (/* binding */ neutraliseMentions)
/* harmony export */ });
/* unused harmony export tail */
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


/***/ })

};
