export const id = 225;
export const ids = [225];
export const modules = {

/***/ 88225:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  $F: () => (/* binding */ atPhrase),
  checkDiscordLimits: () => (/* reexport */ discord_common/* checkDiscordLimits */.Fq),
  mJ: () => (/* binding */ compactHeadline),
  renderDiscord: () => (/* binding */ renderDiscord),
  Tz: () => (/* reexport */ headline/* stopPoint */.Tz)
});

// UNUSED EXPORTS: COLOR_CANCELLED, COLOR_FAILURE, COLOR_SUCCESS, DISCORD_LIMITS, PACKAGE_EMOJI, discordTextLength

// EXTERNAL MODULE: ./src/notify/render/headline.ts
var headline = __webpack_require__(97688);
// EXTERNAL MODULE: ./src/report/image-facts.ts
var image_facts = __webpack_require__(80613);
// EXTERNAL MODULE: ./src/report/size-change.ts
var size_change = __webpack_require__(89678);
// EXTERNAL MODULE: ./src/notify/render/discord-common.ts
var discord_common = __webpack_require__(2470);
// EXTERNAL MODULE: ./src/notify/render/limits.ts
var limits = __webpack_require__(87284);
// EXTERNAL MODULE: ./src/notify/template-fields.ts
var template_fields = __webpack_require__(56589);
// EXTERNAL MODULE: ./src/notify/templates.ts + 1 modules
var templates = __webpack_require__(69969);
;// CONCATENATED MODULE: ./src/notify/render/discord-upstream.ts






const LOOKS = {
    success: {
        emoji: '✅',
        headline: 'Build Successful',
        title: 'Jetson Containers Build Success',
        color: discord_common/* COLOR_SUCCESS */.w$,
    },
    failure: {
        emoji: '❌',
        headline: 'Build Failed',
        title: 'Jetson Containers Build Failure',
        color: discord_common/* COLOR_FAILURE */.t,
    },
    cancelled: {
        emoji: '⏹',
        headline: 'Build Cancelled',
        title: 'Jetson Containers Build Cancelled',
        color: discord_common/* COLOR_CANCELLED */.WE,
    },
};
// ---- the message ----
/** A comma list of at most `max` characters that says how many names it left out. */
function nameList(names, max) {
    if (names.length === 0)
        return '—';
    let out = '';
    for (let i = 0; i < names.length; i++) {
        const item = (0,discord_common.md)(names[i] ?? '', 120);
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
    const parts = [`${discord_common/* PACKAGE_EMOJI */.Kx[p.status]} **${(0,discord_common.md)(p.name, 100)}**`];
    if (p.pushedImage)
        parts.push((0,discord_common/* code */.aY)(p.pushedImage, 140));
    else if (p.image)
        parts.push((0,discord_common/* code */.aY)(p.image, 140));
    // `Size 8.1 GB · 42 layers` (and with compare-size `· +340 MB (+4.3 %)`): numbers only, nothing to escape.
    const facts = p.status === 'success' ? (0,size_change/* sizeFactsText */.oj)((0,image_facts.factsOf)(p)) : null;
    if (facts)
        parts.push(facts);
    if (p.durationSeconds !== null)
        parts.push((0,limits/* formatDuration */.a3)(p.durationSeconds));
    if (p.status === 'not-built')
        parts.push('not built');
    if (p.failure) {
        const verb = p.status === 'cancelled' ? 'cancelled in' : 'failed at';
        let text = `${verb} ${(0,discord_common.md)((0,discord_common/* wherePhrase */.Xn)(p.failure), 80)}`;
        if (p.failure.error && p.status === 'failure')
            text += `: ${(0,discord_common.md)(p.failure.error, 100)}`;
        parts.push(text);
    }
    return (0,limits/* truncateMarkdown */.o4)(parts.join(' · '), 360);
}
/** Package lines, failed first, then the rest in order, within `budget` characters. */
function packageLines(report, budget) {
    const ordered = (0,discord_common/* failuresFirst */.Cq)(report.packages);
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
        `💻 **Command:** ${(0,discord_common/* code */.aY)(report.command.display, 400)}`,
    ];
    const env = (0,discord_common/* environmentPairs */.tf)(report);
    if (env.length)
        lines.push(`🔧 **Environment:** ${(0,discord_common.md)(env.map(([k, v]) => `${k}=${v}`).join(', '), 300)}`);
    if (report.runner.name)
        lines.push(`🖥️ **Runner:** ${(0,discord_common.md)(report.runner.name, 100)}`);
    lines.push(`📝 **Details:** ${(0,discord_common.md)(report.message, 400)}`);
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
    return how ? `${look.headline} (${(0,discord_common.md)(how, 40)})` : look.headline;
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
    const links = [(0,discord_common/* link */.nf)('Workflow run', report.run.runUrl)];
    if (report.logs.artifactUrl && report.logs.artifactUrl !== report.run.runUrl) {
        links.push((0,discord_common/* link */.nf)('Logs artifact', report.logs.artifactUrl));
    }
    else if (report.logs.url && report.logs.url !== report.run.runUrl) {
        links.push((0,discord_common/* link */.nf)('Logs', report.logs.url));
    }
    const lines = [];
    const shown = links.filter((l) => l !== null);
    if (shown.length)
        lines.push(shown.join(' · '));
    if (attachment)
        lines.push(`📎 ${(0,discord_common/* code */.aY)(attachment.name, 100)} attached`);
    if (!report.logs.artifactUrl && report.logs.uploadError) {
        lines.push(`Log upload failed: ${(0,discord_common.md)(report.logs.uploadError, 200)}`);
    }
    lines.push(`Log: ${(0,discord_common/* code */.aY)(report.logs.consoleLog, 200)}`);
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
    return (0,limits/* truncate */.xv)((0,discord_common/* oneLine */.TN)(parts.join(' · ')), 300);
}
function embedFor(report, look, attachment) {
    const fields = [
        { name: 'Status', value: statusText(report, look), inline: true },
        { name: 'Package Count', value: countText(report), inline: true },
        { name: 'Duration', value: (0,limits/* formatDuration */.a3)(report.durationSeconds), inline: true },
    ];
    if (report.runner.name)
        fields.push({ name: 'Runner', value: (0,discord_common.md)(report.runner.name, 100), inline: true });
    const f = report.failure;
    if (f && report.status !== 'success') {
        let where = `**${(0,discord_common.md)((0,discord_common/* wherePhrase */.Xn)(f), 200)}**`;
        if (f.error)
            where += '\n' + (0,limits/* codeBlock */.DV)([(0,limits/* truncate */.xv)((0,discord_common/* oneLine */.TN)(f.error), 400)], 460);
        if (f.logFile)
            where += `\nStage log: ${(0,discord_common/* code */.aY)(f.logFile, 200)}`;
        fields.push({ name: report.status === 'cancelled' ? 'Cancelled At' : 'Failed At', value: where });
    }
    fields.push({
        name: 'Build Command',
        value: (0,limits/* codeBlock */.DV)([(0,limits/* truncate */.xv)((0,discord_common/* oneLine */.TN)(report.command.display), 560)], 600, 'bash'),
    });
    const env = (0,discord_common/* environmentPairs */.tf)(report);
    fields.push({
        name: 'Environment',
        value: env.length
            ? (0,limits/* truncateMarkdown */.o4)(env.map(([k, v]) => `${k}: ${(0,discord_common.md)(v, 60)}`).join('\n'), 400)
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
    const left = limits/* DISCORD_LIMITS */.YT.embedTotal - (0,discord_common/* discordTextLength */.C)(embed) - 50;
    const budget = Math.min(limits/* DISCORD_LIMITS */.YT.description, Math.max(0, left));
    const head = (0,discord_common.md)(report.message, Math.min(400, Math.max(0, budget - 2)));
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
/** The target's `message-template` rendered for Discord, or null when it has none (or it renders empty). */
function templateLine(report, opts, ctx) {
    if (!opts.messageTemplate)
        return null;
    return (0,templates/* renderMessageTemplate */.U2)(opts.messageTemplate, (0,template_fields/* buildTemplateView */.ao)(report, ctx), 'discord') || null;
}
/** The upstream-compatible body for a report that is already inert (mentions defused). */
function renderUpstream(safe, opts, ctx) {
    const look = lookFor(safe, ctx);
    const attachment = opts.attachment ?? null;
    const body = {
        // The user's line replaces the upstream content lines.
        content: templateLine(safe, opts, ctx) ?? contentText(safe, look),
        embeds: [embedFor(safe, look, attachment)],
        allowed_mentions: { parse: [] },
    };
    return { body: (0,discord_common/* finishBody */.e1)(body, safe, opts, ctx), files: attachment ? [attachment] : [] };
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
// ---- headline ----
/** Where a failure happened, as a phrase after "failed" (see headline.ts), with Discord's escaping. */
function atPhrase(f, name) {
    return (0,headline/* atPhrase */.$F)(f, name, discord_common.md);
}

/** `❌ torchvision failed at build 9/9`, `✅ Fixed: 3 packages built in 1h 12m`. */
function compactHeadline(report, change = 'unknown') {
    return (0,limits/* truncate */.xv)((0,discord_common/* oneLine */.TN)((0,headline/* headline */.Pl)(report, change, discord_common.md)), limits/* DISCORD_LIMITS */.YT.title);
}
// ---- description ----
function linksLine(report) {
    const { runUrl, jobUrl } = report.run;
    const logs = report.logs.artifactUrl ?? (report.logs.url !== runUrl ? report.logs.url : null);
    const parts = [];
    const logsUrl = (0,discord_common/* safeUrl */.Pl)(logs, LINK_MAX);
    if (logsUrl)
        parts.push(`[Logs](${logsUrl})`);
    else if (report.logs.uploadError)
        parts.push('Logs not uploaded');
    const run = (0,discord_common/* safeUrl */.Pl)(runUrl, LINK_MAX);
    if (run)
        parts.push(`[Run](${run})`);
    const job = (0,discord_common/* safeUrl */.Pl)(jobUrl, LINK_MAX);
    if (job && job !== run)
        parts.push(`[Job](${job})`);
    return parts.join(' · ');
}
/** The cause in the error's own words (else the report's sentence), once. */
function causeOf(report) {
    const error = report.status !== 'success' ? report.failure?.error : null;
    return (0,discord_common/* oneLine */.TN)(error || report.message);
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
    const name = (0,discord_common.md)(p.name, 100);
    const url = p.status === 'failure' ? (0,discord_common/* safeUrl */.Pl)(report.run.jobUrl ?? report.run.runUrl, NAME_LINK_MAX) : null;
    const parts = [`${discord_common/* PACKAGE_EMOJI */.Kx[p.status]} ${url ? `[${name}](${url})` : `**${name}**`}`];
    if (p.status === 'failure')
        parts.push(`failed${atPhrase(p.failure, p.name)}`);
    else if (p.status === 'cancelled')
        parts.push(`cancelled${atPhrase((0,headline/* stopPoint */.Tz)(report, p), p.name)}`);
    else if (p.status === 'not-built')
        parts.push('not built');
    else if (p.pushedImage ?? p.image)
        parts.push((0,discord_common/* code */.aY)(p.pushedImage ?? p.image ?? '', 140));
    // `Size 8.1 GB · 42 layers` (and with compare-size `· +340 MB (+4.3 %)`): numbers only, nothing to escape.
    const facts = p.status === 'success' ? (0,size_change/* sizeFactsText */.oj)((0,image_facts.factsOf)(p)) : null;
    if (facts)
        parts.push(facts);
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
    const ordered = (0,discord_common/* failuresFirst */.Cq)(report.packages);
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
        head.push((0,discord_common.md)(cause, CAUSE_MAX));
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
    const env = Object.fromEntries((0,discord_common/* environmentPairs */.tf)(report));
    const label = [
        ['L4T_VERSION', 'L4T'],
        ['JETPACK_VERSION', 'JetPack'],
        ['CUDA_VERSION', 'CUDA'],
        ['PYTHON_VERSION', 'Python'],
    ];
    const short = (s) => (0,limits/* truncate */.xv)((0,discord_common/* oneLine */.TN)(s), 60);
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
        color: discord_common/* STATUS_COLOR */.Nv[report.status] ?? discord_common/* STATUS_COLOR */.Nv.failure,
    };
    const url = (0,discord_common/* safeUrl */.Pl)(report.run.jobUrl) ?? (0,discord_common/* safeUrl */.Pl)(report.run.runUrl);
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
    return (0,discord_common/* mapStrings */.to)(report, (s) => s.replaceAll(`${dir}/`, 'logs/'));
}
function renderCompact(safe, opts, ctx) {
    const attachment = opts.attachment ?? null;
    const report = withoutLogDir(safe);
    const mentionLine = (0,discord_common/* mentionsFor */.nb)(report.status, opts, ctx) ? 1 : 0;
    const body = {
        embeds: [compactEmbed(report, ctx?.change ?? 'unknown', 1 + mentionLine)],
        allowed_mentions: { parse: [] },
    };
    // The compact layout has no content of its own: the user's line becomes it (mentions still go first).
    const line = templateLine(report, opts, ctx);
    if (line)
        body.content = line;
    return { body: (0,discord_common/* finishBody */.e1)(body, report, opts, ctx), files: attachment ? [attachment] : [] };
}
/**
 * Renders the Discord webhook body for a report in the configured style (and the log file to attach, when
 * given). `ctx` says why it is sent: a change against the last run is worded (`Fixed:`, `Broken:`), and a
 * failure carries the configured mentions.
 */
function renderDiscord(report, opts, ctx) {
    // Defuse mentions at the source: every text taken from the report is inert from here on.
    const safe = (0,discord_common/* mapStrings */.to)(report, limits/* neutraliseMentions */.yY);
    return opts.style === 'upstream' ? renderUpstream(safe, opts, ctx) : renderCompact(safe, opts, ctx);
}


/***/ }),

/***/ 97688:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $F: () => (/* binding */ atPhrase),
/* harmony export */   Pl: () => (/* binding */ headline),
/* harmony export */   Tz: () => (/* binding */ stopPoint)
/* harmony export */ });
/* unused harmony export STATUS_EMOJI */
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(87284);

const STATUS_EMOJI = { success: '✅', failure: '❌', cancelled: '⏹' };
/** Where a failure happened, as a phrase after "failed": ` at build 9/9`, ` at build 3/4 (python)`, ` to resolve`. */
function atPhrase(f, name, esc) {
    if (!f)
        return '';
    const stage = f.stage && f.stage !== name ? ` (${esc(f.stage, 80)})` : '';
    if (f.stageIndex !== null && f.stageCount !== null) {
        return ` at ${f.phase} ${f.stageIndex}/${f.stageCount}${stage}`;
    }
    if (f.phase === 'resolve' || f.phase === 'start')
        return ` to ${f.phase}${stage}`;
    if (f.phase === 'unknown')
        return f.stage ? ` in ${esc(f.stage, 80)}` : '';
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
function failureStatement(report, esc) {
    const failed = report.packages.filter((p) => p.status === 'failure');
    const first = failed[0];
    if (!first)
        return `Build failed${atPhrase(report.failure, null, esc)}`;
    const name = esc(first.name, 100);
    if (failed.length > 1)
        return `${name} and ${failed.length - 1} more failed`;
    return `${name} failed${atPhrase(first.failure ?? report.failure, first.name, esc)}`;
}
function statement(report, esc) {
    const took = (0,_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .formatShortDuration */ .A$)(report.durationSeconds);
    if (report.status === 'failure')
        return failureStatement(report, esc);
    if (report.status === 'cancelled') {
        const p = report.packages.find((x) => x.status === 'cancelled');
        const at = atPhrase(stopPoint(report, p), p?.name ?? null, esc);
        return `${p ? esc(p.name, 100) : 'Build'} cancelled${at || ` after ${took}`}`;
    }
    const built = report.packages.filter((p) => p.status === 'success');
    const names = built.length ? built.map((p) => p.name) : report.requestedPackages;
    if (names.length === 1)
        return `${esc(names[0] ?? '', 100)} built in ${took}`;
    if (names.length === 0)
        return `Build succeeded in ${took}`;
    return `${names.length} packages built in ${took}`;
}
/** The whole headline, uncut: emoji, `Fixed: `/`Broken: ` for a change, and the statement. */
function headline(report, change, esc) {
    const prefix = change === 'fixed' && report.status === 'success'
        ? 'Fixed: '
        : change === 'broken' && report.status === 'failure'
            ? 'Broken: '
            : '';
    const emoji = STATUS_EMOJI[report.status] ?? STATUS_EMOJI.failure;
    return `${emoji} ${prefix}${statement(report, esc)}`;
}


/***/ })

};
