export const id = 820;
export const ids = [820];
export const modules = {

/***/ 1820:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  renderDiscord: () => (/* binding */ renderDiscord)
});

// UNUSED EXPORTS: COLOR_CANCELLED, COLOR_FAILURE, COLOR_SUCCESS, DISCORD_LIMITS, PACKAGE_EMOJI, checkDiscordLimits, compactHeadline, discordEditBody, discordTextLength

// EXTERNAL MODULE: ./src/notify/render/limits.ts
var limits = __webpack_require__(87284);
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
    const cut = (0,limits/* truncate */.xv)(oneLine(s), max);
    return cut.replace(/[\\`*_~|[\]<>]/g, '\\$&').replace(/^([#>+-])/, '\\$1');
}
/** Inline code; backticks become a look-alike so the span can never be closed early. */
function code(s, max) {
    const cut = (0,limits/* truncate */.xv)(oneLine(s).replace(/`/g, 'ˋ'), max);
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
    const L = limits/* DISCORD_LIMITS */.YT;
    if (body.content !== undefined)
        body.content = (0,limits/* truncateMarkdown */.o4)(body.content, L.content);
    for (const e of body.embeds ?? []) {
        if (e.title !== undefined)
            e.title = (0,limits/* truncate */.xv)(e.title, L.title);
        if (e.footer)
            e.footer.text = (0,limits/* truncate */.xv)(e.footer.text, L.footer);
        if (e.author)
            e.author.name = (0,limits/* truncate */.xv)(e.author.name, L.authorName);
        if (e.fields) {
            e.fields = e.fields.slice(0, L.fields).map((f) => ({
                ...f,
                name: (0,limits/* truncate */.xv)(f.name, L.fieldName) || '—',
                value: (0,limits/* truncateMarkdown */.o4)(f.value, L.fieldValue) || '—',
            }));
        }
        if (e.description !== undefined)
            e.description = (0,limits/* truncateMarkdown */.o4)(e.description, L.description);
        const overflow = discordTextLength(e) - L.embedTotal;
        if (overflow > 0 && e.description) {
            e.description = (0,limits/* truncateMarkdown */.o4)(e.description, Math.max(0, e.description.length - overflow));
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
    const username = opts.username ? (0,limits/* truncate */.xv)(opts.username.trim(), limits/* DISCORD_LIMITS */.YT.usernameMax) : '';
    if (username)
        body.username = username;
    if (opts.avatarUrl)
        body.avatar_url = opts.avatarUrl;
    const threadName = opts.threadName
        ? (0,limits/* truncate */.xv)((0,limits/* neutraliseMentions */.yY)(oneLine(opts.threadName)), limits/* DISCORD_LIMITS */.YT.threadName)
        : '';
    if (threadName)
        body.thread_name = threadName;
    if (attachment) {
        const where = report.failure?.stage ? ` of stage ${(0,limits/* escapeFence */.$S)(oneLine(report.failure.stage))}` : '';
        body.attachments = [
            {
                id: '0',
                filename: attachment.name,
                description: (0,limits/* truncate */.xv)(`Build log${where} (${report.status})`, limits/* DISCORD_LIMITS */.YT.attachmentDescription),
            },
        ];
    }
    // Defence in depth: whatever assembled text still looks like a mass mention is defused, then re-clamped.
    const final = (0,limits/* hasMassMention */.Rp)(JSON.stringify(body)) ? mapStrings(body, limits/* neutraliseMentions */.yY) : body;
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

;// CONCATENATED MODULE: ./src/notify/render/discord-upstream.ts


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
// ---- the message ----
/** A comma list of at most `max` characters that says how many names it left out. */
function nameList(names, max) {
    if (names.length === 0)
        return '—';
    let out = '';
    for (let i = 0; i < names.length; i++) {
        const item = md(names[i] ?? '', 120);
        const rest = names.length - i - 1;
        const more = rest > 0 ? `, ${limits/* ELLIPSIS */.Gr} and ${rest} more` : '';
        const next = out === '' ? item : `${out}, ${item}`;
        if (next.length + more.length > max) {
            return `${out || limits/* ELLIPSIS */.Gr} ${limits/* ELLIPSIS */.Gr} and ${names.length - i} more`.trim();
        }
        out = next;
    }
    return out;
}
function packageLine(p) {
    const parts = [`${PACKAGE_EMOJI[p.status]} **${md(p.name, 100)}**`];
    if (p.pushedImage)
        parts.push(code(p.pushedImage, 140));
    else if (p.image)
        parts.push(code(p.image, 140));
    if (p.durationSeconds !== null)
        parts.push((0,limits/* formatDuration */.a3)(p.durationSeconds));
    if (p.status === 'not-built')
        parts.push('not built');
    if (p.failure) {
        const verb = p.status === 'cancelled' ? 'cancelled in' : 'failed at';
        let text = `${verb} ${md(wherePhrase(p.failure), 80)}`;
        if (p.failure.error && p.status === 'failure')
            text += `: ${md(p.failure.error, 100)}`;
        parts.push(text);
    }
    return (0,limits/* truncateMarkdown */.o4)(parts.join(' · '), 360);
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
    return `${limits/* ELLIPSIS */.Gr} and ${hidden.length} more (${failed} failed)`;
}
function contentText(report, look) {
    const lines = [
        `${look.emoji} **${look.headline}**`,
        `📦 **Packages:** ${nameList(report.requestedPackages, 400)}`,
        `⏰ **Time:** ${(0,limits/* isoSeconds */.nE)(report.endTime)}`,
        `⏱️ **Duration:** ${(0,limits/* formatDuration */.a3)(report.durationSeconds)}`,
        `💻 **Command:** ${code(report.command.display, 400)}`,
    ];
    const env = environmentPairs(report);
    if (env.length)
        lines.push(`🔧 **Environment:** ${md(env.map(([k, v]) => `${k}=${v}`).join(', '), 300)}`);
    if (report.runner.name)
        lines.push(`🖥️ **Runner:** ${md(report.runner.name, 100)}`);
    lines.push(`📝 **Details:** ${md(report.message, 400)}`);
    return (0,limits/* truncateMarkdown */.o4)(lines.join('\n'), limits/* DISCORD_LIMITS */.YT.content);
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
    return (0,limits/* codeBlock */.DV)(lines.map((l) => (0,limits/* truncate */.xv)(l, 300)), max);
}
function logsText(report, attachment) {
    const links = [discord_common_link('Workflow run', report.run.runUrl)];
    if (report.logs.artifactUrl && report.logs.artifactUrl !== report.run.runUrl) {
        links.push(discord_common_link('Logs artifact', report.logs.artifactUrl));
    }
    else if (report.logs.url && report.logs.url !== report.run.runUrl) {
        links.push(discord_common_link('Logs', report.logs.url));
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
    return (0,limits/* truncate */.xv)(oneLine(parts.join(' · ')), 300);
}
function embedFor(report, look, attachment) {
    const fields = [
        { name: 'Status', value: statusText(report, look), inline: true },
        { name: 'Package Count', value: countText(report), inline: true },
        { name: 'Duration', value: (0,limits/* formatDuration */.a3)(report.durationSeconds), inline: true },
    ];
    if (report.runner.name)
        fields.push({ name: 'Runner', value: md(report.runner.name, 100), inline: true });
    const f = report.failure;
    if (f && report.status !== 'success') {
        let where = `**${md(wherePhrase(f), 200)}**`;
        if (f.error)
            where += '\n' + (0,limits/* codeBlock */.DV)([(0,limits/* truncate */.xv)(oneLine(f.error), 400)], 460);
        if (f.logFile)
            where += `\nStage log: ${code(f.logFile, 200)}`;
        fields.push({ name: report.status === 'cancelled' ? 'Cancelled At' : 'Failed At', value: where });
    }
    fields.push({
        name: 'Build Command',
        value: (0,limits/* codeBlock */.DV)([(0,limits/* truncate */.xv)(oneLine(report.command.display), 560)], 600, 'bash'),
    });
    const env = environmentPairs(report);
    fields.push({
        name: 'Environment',
        value: env.length
            ? (0,limits/* truncateMarkdown */.o4)(env.map(([k, v]) => `${k}: ${md(v, 60)}`).join('\n'), 400)
            : 'not detected',
        inline: true,
    });
    fields.push({ name: 'Details', value: detailsBlock(report, limits/* DISCORD_LIMITS */.YT.fieldValue) });
    fields.push({
        name: 'Logs',
        value: (0,limits/* truncateMarkdown */.o4)(logsText(report, attachment), limits/* DISCORD_LIMITS */.YT.fieldValue),
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
    const left = limits/* DISCORD_LIMITS */.YT.embedTotal - discordTextLength(embed) - 50;
    const budget = Math.min(limits/* DISCORD_LIMITS */.YT.description, Math.max(0, left));
    const head = md(report.message, Math.min(400, Math.max(0, budget - 2)));
    const pkgs = packageLines(report, budget - head.length - 2);
    const description = pkgs ? `${head}\n\n${pkgs}` : head;
    if (description)
        embed.description = (0,limits/* truncateMarkdown */.o4)(description, budget);
    return embed;
}
/** The upstream headline and title, saying `Fixed:` or `Broken:` when the change against the last run is one. */
function lookFor(report, ctx) {
    const look = LOOKS[report.status] ?? LOOKS.failure;
    const change = ctx?.change === 'fixed' && report.status === 'success'
        ? 'Fixed'
        : ctx?.change === 'broken' && report.status === 'failure'
            ? 'Broken'
            : null;
    if (!change)
        return look;
    return { ...look, headline: `${change}: ${look.headline}`, title: `${change}: ${look.title}` };
}
/** The upstream-compatible body for a report that is already inert (mentions defused). */
function renderUpstream(safe, opts, ctx) {
    const look = lookFor(safe, ctx);
    const attachment = opts.attachment ?? null;
    const body = {
        content: contentText(safe, look),
        embeds: [embedFor(safe, look, attachment)],
        allowed_mentions: { parse: [] },
    };
    return { body: finishBody(body, safe, opts, ctx), files: attachment ? [attachment] : [] };
}

;// CONCATENATED MODULE: ./src/notify/render/discord.ts





/** What a person reads at a glance; the package list gets whatever the rest leaves of it. */
const MAX_VISIBLE_LINES = 25;
/** Package lines shown even when the rest of the message is long (the fold line included). */
const MIN_PACKAGE_LINES = 3;
const EXCERPT_LINES = 15;
const EXCERPT_LINE_MAX = 200;
const EXCERPT_MAX = 1600;
const CAUSE_MAX = 300;
const LINK_MAX = 1000;
const NAME_LINK_MAX = 300;
const STATUS_EMOJI = { success: '✅', failure: '❌', cancelled: '⏹' };
// ---- headline ----
/** Where a failure happened, as a phrase after "failed": ` at build 9/9`, ` at build 3/4 (python)`, ` to resolve`. */
function atPhrase(f, name) {
    if (!f)
        return '';
    const stage = f.stage && f.stage !== name ? ` (${md(f.stage, 80)})` : '';
    if (f.stageIndex !== null && f.stageCount !== null) {
        return ` at ${f.phase} ${f.stageIndex}/${f.stageCount}${stage}`;
    }
    if (f.phase === 'resolve' || f.phase === 'start')
        return ` to ${f.phase}${stage}`;
    if (f.phase === 'unknown')
        return f.stage ? ` in ${md(f.stage, 80)}` : '';
    return ` at ${f.phase}${stage}`;
}
/**
 * Where a cancelled package stopped: its failure point, else the stage the parser last saw running (a cancel
 * often ends the build before the tool prints any failure).
 */
function stopPoint(report, p) {
    const known = p?.failure ?? report.failure;
    if (known)
        return known;
    const open = report.stages.filter((s) => (s.status === 'running' || s.status === 'cancelled') && (!p || !s.target || s.target === p.name));
    const s = open[open.length - 1];
    if (!s)
        return null;
    return {
        stage: s.name,
        stageIndex: s.index,
        stageCount: s.total,
        phase: s.phase,
        error: null,
        excerpt: [],
        logFile: null,
    };
}
function failureStatement(report) {
    const failed = report.packages.filter((p) => p.status === 'failure');
    const first = failed[0];
    if (!first)
        return `Build failed${atPhrase(report.failure, null)}`;
    const name = md(first.name, 100);
    if (failed.length > 1)
        return `${name} and ${failed.length - 1} more failed`;
    return `${name} failed${atPhrase(first.failure ?? report.failure, first.name)}`;
}
function statement(report) {
    const took = (0,limits/* formatShortDuration */.A$)(report.durationSeconds);
    if (report.status === 'failure')
        return failureStatement(report);
    if (report.status === 'cancelled') {
        const p = report.packages.find((x) => x.status === 'cancelled');
        const at = atPhrase(stopPoint(report, p), p?.name ?? null);
        return `${p ? md(p.name, 100) : 'Build'} cancelled${at || ` after ${took}`}`;
    }
    const built = report.packages.filter((p) => p.status === 'success');
    const names = built.length ? built.map((p) => p.name) : report.requestedPackages;
    if (names.length === 1)
        return `${md(names[0] ?? '', 100)} built in ${took}`;
    if (names.length === 0)
        return `Build succeeded in ${took}`;
    return `${names.length} packages built in ${took}`;
}
/** `❌ torchvision failed at build 9/9`, `✅ Fixed: 3 packages built in 1h 12m`. */
function compactHeadline(report, change = 'unknown') {
    const prefix = change === 'fixed' && report.status === 'success'
        ? 'Fixed: '
        : change === 'broken' && report.status === 'failure'
            ? 'Broken: '
            : '';
    const emoji = STATUS_EMOJI[report.status] ?? STATUS_EMOJI.failure;
    return (0,limits/* truncate */.xv)(oneLine(`${emoji} ${prefix}${statement(report)}`), limits/* DISCORD_LIMITS */.YT.title);
}
// ---- description ----
function linksLine(report) {
    const { runUrl, jobUrl } = report.run;
    const logs = report.logs.artifactUrl ?? (report.logs.url !== runUrl ? report.logs.url : null);
    const parts = [];
    const logsUrl = safeUrl(logs, LINK_MAX);
    if (logsUrl)
        parts.push(`[Logs](${logsUrl})`);
    else if (report.logs.uploadError)
        parts.push('Logs not uploaded');
    const run = safeUrl(runUrl, LINK_MAX);
    if (run)
        parts.push(`[Run](${run})`);
    const job = safeUrl(jobUrl, LINK_MAX);
    if (job && job !== run)
        parts.push(`[Job](${job})`);
    return parts.join(' · ');
}
/** The cause in the error's own words (else the report's sentence), once. */
function causeOf(report) {
    const error = report.status !== 'success' ? report.failure?.error : null;
    return oneLine(error || report.message);
}
/** The excerpt's last lines, without the cause itself (it is shown once, above) or blank lines. */
function excerptBlock(report, cause, max) {
    if (report.status !== 'failure' || !report.failure)
        return '';
    const repeats = (line) => cause.length >= 20 ? line.includes(cause) : line.trim() === cause;
    const lines = report.failure.excerpt
        .map((l) => l.replace(/\s+$/, ''))
        .filter((l) => l.trim() !== '' && !repeats(l))
        .slice(-EXCERPT_LINES)
        .map((l) => (0,limits/* truncate */.xv)(l, EXCERPT_LINE_MAX));
    return lines.length ? (0,limits/* codeBlock */.DV)(lines, Math.min(EXCERPT_MAX, max)) : '';
}
function discord_packageLine(p, report) {
    const name = md(p.name, 100);
    const url = p.status === 'failure' ? safeUrl(report.run.jobUrl ?? report.run.runUrl, NAME_LINK_MAX) : null;
    const parts = [`${PACKAGE_EMOJI[p.status]} ${url ? `[${name}](${url})` : `**${name}**`}`];
    if (p.status === 'failure')
        parts.push(`failed${atPhrase(p.failure, p.name)}`);
    else if (p.status === 'cancelled')
        parts.push(`cancelled${atPhrase(stopPoint(report, p), p.name)}`);
    else if (p.status === 'not-built')
        parts.push('not built');
    else if (p.pushedImage ?? p.image)
        parts.push(code(p.pushedImage ?? p.image ?? '', 140));
    if (p.durationSeconds !== null && p.status !== 'not-built')
        parts.push((0,limits/* formatDuration */.a3)(p.durationSeconds));
    return parts.join(' · ');
}
function discord_moreLine(hidden) {
    const failed = hidden.filter((p) => p.status === 'failure').length;
    return `${limits/* ELLIPSIS */.Gr} and ${hidden.length} more (${failed} failed)`;
}
/** Package lines, failed first, within `maxLines` lines and `budget` characters; the rest folds into a count. */
function discord_packageLines(report, maxLines, budget) {
    const rank = (p) => (p.status === 'failure' ? 0 : p.status === 'cancelled' ? 1 : 2);
    const ordered = report.packages
        .map((p, i) => ({ p, i }))
        .sort((a, b) => rank(a.p) - rank(b.p) || a.i - b.i)
        .map((x) => x.p);
    const lines = [];
    let used = 0;
    for (let i = 0; i < ordered.length; i++) {
        const line = discord_packageLine(ordered[i], report);
        const hidden = ordered.slice(i + 1);
        const reserve = hidden.length ? discord_moreLine(hidden).length + 1 : 0;
        const tooMany = lines.length + 1 + (hidden.length ? 1 : 0) > maxLines;
        if (tooMany || used + line.length + 1 + reserve > budget) {
            const more = discord_moreLine(ordered.slice(i));
            if (used + more.length <= budget)
                lines.push(more);
            break;
        }
        lines.push(line);
        used += line.length + 1;
    }
    return lines;
}
/** Lines Discord shows for `text` (fence lines counted too: a conservative count). */
function lineCount(text) {
    return text === '' ? 0 : text.split('\n').length;
}
function description(report, fixedLines) {
    const L = limits/* DISCORD_LIMITS */.YT.description;
    const head = [];
    const links = linksLine(report);
    if (links)
        head.push(links);
    const cause = causeOf(report);
    if (cause)
        head.push(md(cause, CAUSE_MAX));
    const used = () => head.join('\n').length;
    const excerpt = excerptBlock(report, cause, L - used() - 400);
    if (excerpt)
        head.push(excerpt);
    const linesLeft = MAX_VISIBLE_LINES - fixedLines - lineCount(head.join('\n'));
    const pkgs = discord_packageLines(report, Math.max(MIN_PACKAGE_LINES, linesLeft), L - used() - 2);
    return [...head, ...pkgs].join('\n');
}
/** `L4T 36.4.4 · JetPack 6.2.1 · CUDA 12.6 · Python 3.10 · orin-agx-01 · main @ 3f5c0e9`. */
function discord_footerText(report) {
    const env = Object.fromEntries(environmentPairs(report));
    const label = [
        ['L4T_VERSION', 'L4T'],
        ['JETPACK_VERSION', 'JetPack'],
        ['CUDA_VERSION', 'CUDA'],
        ['PYTHON_VERSION', 'Python'],
    ];
    const short = (s) => (0,limits/* truncate */.xv)(oneLine(s), 60);
    const parts = label.filter(([k]) => env[k]).map(([k, name]) => `${name} ${short(env[k] ?? '')}`);
    if (report.runner.name)
        parts.push(short(report.runner.name));
    const ref = report.run.ref ? short(report.run.ref.replace(/^refs\/(heads\/|tags\/)?/, '')) : '';
    const sha = report.run.sha ? report.run.sha.slice(0, 7) : '';
    if (ref || sha)
        parts.push([ref, sha].filter(Boolean).join(' @ '));
    return parts.join(' · ');
}
function compactEmbed(report, change, fixedLines) {
    const embed = {
        title: compactHeadline(report, change),
        color: STATUS_COLOR[report.status] ?? STATUS_COLOR.failure,
    };
    const url = safeUrl(report.run.jobUrl) ?? safeUrl(report.run.runUrl);
    if (url)
        embed.url = url;
    const footer = discord_footerText(report);
    const desc = description(report, fixedLines + (footer ? 1 : 0));
    if (desc)
        embed.description = desc;
    if (footer)
        embed.footer = { text: footer };
    const t = Date.parse(report.endTime);
    if (!Number.isNaN(t))
        embed.timestamp = new Date(t).toISOString();
    return embed;
}
/** Runner-local log paths rewritten to their place in the logs artifact (`logs/build/…`). */
function withoutLogDir(report) {
    const dir = report.logs.dir.replace(/\/+$/, '');
    // A one-segment folder (`/tmp`) would also match the build's own paths: leave those alone.
    if (dir.split('/').filter(Boolean).length < 2)
        return report;
    return mapStrings(report, (s) => s.replaceAll(`${dir}/`, 'logs/'));
}
function renderCompact(safe, opts, ctx) {
    const attachment = opts.attachment ?? null;
    const report = withoutLogDir(safe);
    const mentionLine = mentionsFor(report.status, opts, ctx) ? 1 : 0;
    const body = {
        embeds: [compactEmbed(report, ctx?.change ?? 'unknown', 1 + mentionLine)],
        allowed_mentions: { parse: [] },
    };
    return { body: finishBody(body, report, opts, ctx), files: attachment ? [attachment] : [] };
}
/**
 * Renders the Discord webhook body for a report in the configured style (and the log file to attach, when
 * given). `ctx` says why it is sent: a change against the last run is worded (`Fixed:`, `Broken:`), and a
 * failure carries the configured mentions.
 */
function renderDiscord(report, opts, ctx) {
    // Defuse mentions at the source: every text taken from the report is inert from here on.
    const safe = mapStrings(report, limits/* neutraliseMentions */.yY);
    return opts.style === 'upstream' ? renderUpstream(safe, opts, ctx) : renderCompact(safe, opts, ctx);
}


/***/ }),

/***/ 87284:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $S: () => (/* binding */ escapeFence),
/* harmony export */   A$: () => (/* binding */ formatShortDuration),
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


/***/ })

};
