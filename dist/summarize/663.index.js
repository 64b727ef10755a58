export const id = 663;
export const ids = [663,158];
export const modules = {

/***/ 2663:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  commentOnRun: () => (/* binding */ commentOnRun)
});

// UNUSED EXPORTS: PR_COMMENT_TIMEOUT_MS, commentOnBuild, upsertPrComment

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/notify/render/limits.ts
var limits = __webpack_require__(7284);
;// CONCATENATED MODULE: ./src/notify/render/headline.ts

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
function headline_stopPoint(report, p) {
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
    const took = formatShortDuration(report.durationSeconds);
    if (report.status === 'failure')
        return failureStatement(report, esc);
    if (report.status === 'cancelled') {
        const p = report.packages.find((x) => x.status === 'cancelled');
        const at = atPhrase(headline_stopPoint(report, p), p?.name ?? null, esc);
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
function headline_headline(report, change, esc) {
    const prefix = change === 'fixed' && report.status === 'success'
        ? 'Fixed: '
        : change === 'broken' && report.status === 'failure'
            ? 'Broken: '
            : '';
    const emoji = STATUS_EMOJI[report.status] ?? STATUS_EMOJI.failure;
    return `${emoji} ${prefix}${statement(report, esc)}`;
}

// EXTERNAL MODULE: ./src/notify/render/discord-common.ts
var discord_common = __webpack_require__(2470);
// EXTERNAL MODULE: ./src/notify/template-fields.ts + 2 modules
var template_fields = __webpack_require__(1208);
// EXTERNAL MODULE: ./src/notify/templates.ts
var templates = __webpack_require__(7858);
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
        const item = md(names[i] ?? '', 120);
        const rest = names.length - i - 1;
        const more = rest > 0 ? `, ${ELLIPSIS} and ${rest} more` : '';
        const next = out === '' ? item : `${out}, ${item}`;
        if (next.length + more.length > max) {
            return `${out || ELLIPSIS} ${ELLIPSIS} and ${names.length - i} more`.trim();
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
    // `Size 8.1 GB · 42 layers` (and with compare-size `· +340 MB (+4.3 %)`): numbers only, nothing to escape.
    const facts = p.status === 'success' ? sizeFactsText(factsOf(p)) : null;
    if (facts)
        parts.push(facts);
    if (p.durationSeconds !== null)
        parts.push(formatDuration(p.durationSeconds));
    if (p.status === 'not-built')
        parts.push('not built');
    if (p.failure) {
        const verb = p.status === 'cancelled' ? 'cancelled in' : 'failed at';
        let text = `${verb} ${md(wherePhrase(p.failure), 80)}`;
        if (p.failure.error && p.status === 'failure')
            text += `: ${md(p.failure.error, 100)}`;
        parts.push(text);
    }
    return truncateMarkdown(parts.join(' · '), 360);
}
/** Package lines, failed first, then the rest in order, within `budget` characters. */
function packageLines(report, budget) {
    const ordered = failuresFirst(report.packages);
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
    return `${ELLIPSIS} and ${hidden.length} more (${failed} failed)`;
}
function contentText(report, look) {
    const lines = [
        `${look.emoji} **${look.headline}**`,
        `📦 **Packages:** ${nameList(report.requestedPackages, 400)}`,
        `⏰ **Time:** ${isoSeconds(report.endTime)}`,
        `⏱️ **Duration:** ${formatDuration(report.durationSeconds)}`,
        `💻 **Command:** ${code(report.command.display, 400)}`,
    ];
    const env = environmentPairs(report);
    if (env.length)
        lines.push(`🔧 **Environment:** ${md(env.map(([k, v]) => `${k}=${v}`).join(', '), 300)}`);
    if (report.runner.name)
        lines.push(`🖥️ **Runner:** ${md(report.runner.name, 100)}`);
    lines.push(`📝 **Details:** ${md(report.message, 400)}`);
    return truncateMarkdown(lines.join('\n'), DISCORD_LIMITS.content);
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
    return codeBlock(lines.map((l) => truncate(l, 300)), max);
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
    return truncate(oneLine(parts.join(' · ')), 300);
}
function embedFor(report, look, attachment) {
    const fields = [
        { name: 'Status', value: statusText(report, look), inline: true },
        { name: 'Package Count', value: countText(report), inline: true },
        { name: 'Duration', value: formatDuration(report.durationSeconds), inline: true },
    ];
    if (report.runner.name)
        fields.push({ name: 'Runner', value: md(report.runner.name, 100), inline: true });
    const f = report.failure;
    if (f && report.status !== 'success') {
        let where = `**${md(wherePhrase(f), 200)}**`;
        if (f.error)
            where += '\n' + codeBlock([truncate(oneLine(f.error), 400)], 460);
        if (f.logFile)
            where += `\nStage log: ${code(f.logFile, 200)}`;
        fields.push({ name: report.status === 'cancelled' ? 'Cancelled At' : 'Failed At', value: where });
    }
    fields.push({
        name: 'Build Command',
        value: codeBlock([truncate(oneLine(report.command.display), 560)], 600, 'bash'),
    });
    const env = environmentPairs(report);
    fields.push({
        name: 'Environment',
        value: env.length
            ? truncateMarkdown(env.map(([k, v]) => `${k}: ${md(v, 60)}`).join('\n'), 400)
            : 'not detected',
        inline: true,
    });
    fields.push({ name: 'Details', value: detailsBlock(report, DISCORD_LIMITS.fieldValue) });
    fields.push({
        name: 'Logs',
        value: truncateMarkdown(logsText(report, attachment), DISCORD_LIMITS.fieldValue),
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
    const left = DISCORD_LIMITS.embedTotal - discordTextLength(embed) - 50;
    const budget = Math.min(DISCORD_LIMITS.description, Math.max(0, left));
    const head = md(report.message, Math.min(400, Math.max(0, budget - 2)));
    const pkgs = packageLines(report, budget - head.length - 2);
    const description = pkgs ? `${head}\n\n${pkgs}` : head;
    if (description)
        embed.description = truncateMarkdown(description, budget);
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
function discord_upstream_templateLine(report, opts, ctx) {
    if (!opts.messageTemplate)
        return null;
    return renderMessageTemplate(opts.messageTemplate, buildTemplateView(report, ctx), 'discord') || null;
}
/** The upstream-compatible body for a report that is already inert (mentions defused). */
function discord_upstream_renderUpstream(safe, opts, ctx) {
    const look = lookFor(safe, ctx);
    const attachment = opts.attachment ?? null;
    const body = {
        // The user's line replaces the upstream content lines.
        content: discord_upstream_templateLine(safe, opts, ctx) ?? contentText(safe, look),
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
// ---- headline ----
/** Where a failure happened, as a phrase after "failed" (see headline.ts), with Discord's escaping. */
function discord_atPhrase(f, name) {
    return sharedAtPhrase(f, name, md);
}

/** `❌ torchvision failed at build 9/9`, `✅ Fixed: 3 packages built in 1h 12m`. */
function discord_compactHeadline(report, change = 'unknown') {
    return truncate(oneLine(headline(report, change, md)), DISCORD_LIMITS.title);
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
        .map((l) => truncate(l, EXCERPT_LINE_MAX));
    return lines.length ? codeBlock(lines, Math.min(EXCERPT_MAX, max)) : '';
}
function discord_packageLine(p, report) {
    const name = md(p.name, 100);
    const url = p.status === 'failure' ? safeUrl(report.run.jobUrl ?? report.run.runUrl, NAME_LINK_MAX) : null;
    const parts = [`${PACKAGE_EMOJI[p.status]} ${url ? `[${name}](${url})` : `**${name}**`}`];
    if (p.status === 'failure')
        parts.push(`failed${discord_atPhrase(p.failure, p.name)}`);
    else if (p.status === 'cancelled')
        parts.push(`cancelled${discord_atPhrase(stopPoint(report, p), p.name)}`);
    else if (p.status === 'not-built')
        parts.push('not built');
    else if (p.pushedImage ?? p.image)
        parts.push(code(p.pushedImage ?? p.image ?? '', 140));
    // `Size 8.1 GB · 42 layers` (and with compare-size `· +340 MB (+4.3 %)`): numbers only, nothing to escape.
    const facts = p.status === 'success' ? sizeFactsText(factsOf(p)) : null;
    if (facts)
        parts.push(facts);
    if (p.durationSeconds !== null && p.status !== 'not-built')
        parts.push(formatDuration(p.durationSeconds));
    return parts.join(' · ');
}
function discord_moreLine(hidden) {
    const failed = hidden.filter((p) => p.status === 'failure').length;
    return `${ELLIPSIS} and ${hidden.length} more (${failed} failed)`;
}
/** Package lines, failed first, within `maxLines` lines and `budget` characters; the rest folds into a count. */
function discord_packageLines(report, maxLines, budget) {
    const ordered = failuresFirst(report.packages);
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
    const L = DISCORD_LIMITS.description;
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
    const short = (s) => truncate(oneLine(s), 60);
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
        title: discord_compactHeadline(report, change),
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
    // The compact layout has no content of its own: the user's line becomes it (mentions still go first).
    const line = templateLine(report, opts, ctx);
    if (line)
        body.content = line;
    return { body: finishBody(body, report, opts, ctx), files: attachment ? [attachment] : [] };
}
/**
 * Renders the Discord webhook body for a report in the configured style (and the log file to attach, when
 * given). `ctx` says why it is sent: a change against the last run is worded (`Fixed:`, `Broken:`), and a
 * failure carries the configured mentions.
 */
function renderDiscord(report, opts, ctx) {
    // Defuse mentions at the source: every text taken from the report is inert from here on.
    const safe = mapStrings(report, neutraliseMentions);
    return opts.style === 'upstream' ? renderUpstream(safe, opts, ctx) : renderCompact(safe, opts, ctx);
}

// EXTERNAL MODULE: ./src/notify/render/run-discord.ts
var run_discord = __webpack_require__(8158);
;// CONCATENATED MODULE: ./src/report/canonical-json.ts
// JSON with every object's keys sorted: the same value, however its keys were ordered, is the same text (for
// hashing identities such as a matrix leg).
function canonical_json_canonicalJson(value) {
    if (Array.isArray(value))
        return `[${value.map(canonical_json_canonicalJson).join(',')}]`;
    if (value !== null && typeof value === 'object') {
        const entries = Object.entries(value).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
        return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical_json_canonicalJson(v)}`).join(',')}}`;
    }
    return JSON.stringify(value) ?? 'null';
}

;// CONCATENATED MODULE: ./src/report/pr-comment.ts
// The pull-request comment of `pr-comment: true`: markdown for one build (a job or matrix leg) or for a whole
// run (the summarize action), found again on the next run by the hidden marker it starts with. Pure:
// src/github/pr-comment.ts finds, creates or updates it. GitHub refuses a body over 65 536 characters and
// notifies everyone a comment @-mentions, so the body stays well under the limit for any report (the table
// folds), and no text from the build can mention, reference, format, link or inject HTML.






/** GitHub's limit for an issue or pull-request comment body. */
const COMMENT_MAX_CHARS = 65_536;
/** What a body aims for, in UTF-8 bytes: under the limit however GitHub counts characters. */
const COMMENT_TARGET_BYTES = 60_000;
const MARKER_TAG = 'jetson-build-action:v1';
const pr_comment_EXCERPT_LINES = 20;
const pr_comment_EXCERPT_LINE_MAX = 300;
const pr_comment_CAUSE_MAX = 1000;
const ZWSP = '\u200b';
const bytes = (s) => Buffer.byteLength(s, 'utf8');
// ---- the marker ----
/** The matrix input canonically: parsed JSON with sorted keys, or its text when it is not JSON. */
function canonicalMatrix(matrix) {
    const text = (matrix ?? '').trim();
    try {
        return canonicalJson(JSON.parse(text === '' ? 'null' : text));
    }
    catch {
        return JSON.stringify(text);
    }
}
/**
 * `<!-- jetson-build-action:v1 id=<16 hex> -->`: a hash of the comment's identity. It holds no text a user
 * wrote (a workflow or matrix value cannot break the HTML comment, and a secret registered with the same
 * text as a workflow's name cannot mask it), and identities that only look alike do not collide.
 */
function idMarker(identity) {
    const id = (0,external_node_crypto_.createHash)('sha256').update(canonical_json_canonicalJson(identity)).digest('hex').slice(0, 16);
    return `<!-- ${MARKER_TAG} id=${id} -->`;
}
/**
 * The matrix leg as GitHub names it in a job's title: the values of the `matrix` input's JSON object, in
 * order, joined by `, ` (`pytorch, orin`). Empty outside a matrix.
 */
function matrixLeg(matrix) {
    const text = (matrix ?? '').trim();
    if (text === '' || text === 'null' || text === '{}')
        return '';
    try {
        const value = JSON.parse(text);
        if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
            return Object.values(value)
                .map((v) => (typeof v === 'string' ? v : JSON.stringify(v)))
                .join(', ');
        }
    }
    catch {
        // Not JSON: the text itself names the leg.
    }
    return text;
}
/**
 * The marker of one build's comment: the workflow (its file, else its name), the job's id, the matrix leg
 * (canonical JSON, not the joined values: two legs that read alike stay apart), the step (GITHUB_ACTION,
 * unique per step in a job: the action used twice in one job writes two comments) and the requested packages
 * in any order (inside a reusable workflow the workflow ref is the caller's and job and step are the same in
 * every call: two calls for other packages keep two comments).
 */
function pr_comment_buildMarker(run) {
    return idMarker({
        kind: 'build',
        workflow: run.workflow,
        job: run.job,
        matrix: canonicalMatrix(run.matrix),
        step: run.step,
        packages: [...new Set(run.packages)].sort(),
    });
}
/**
 * The marker of the summarize action's one comment for the run: the workflow, the job and the planned
 * packages in order (a reusable workflow called twice by one caller builds other packages each time; two
 * calls that plan the very same packages share one comment).
 */
function runMarker(run) {
    const packages = [...new Set(run.packages)].sort();
    return idMarker({ kind: 'run', workflow: run.workflow, job: run.job, packages });
}
// ---- text ----
/**
 * Mentions (`@user`, `@org/team`) and issue references (`#12`) made inert with a zero-width space: GitHub
 * notifies whoever a comment mentions, and a reference links (and notifies) another issue.
 */
function defuse(s) {
    return s.replace(/@(?=[\p{L}\p{N}_-])/gu, `@${ZWSP}`).replace(/#(?=\d)/g, `#${ZWSP}`);
}
/** One line of printable text. */
function pr_comment_oneLine(s) {
    return (0,limits/* printableText */.XU)(s)
        .replace(/\s*[\r\n\u0085\u2028\u2029]+\s*/g, ' ')
        .trim();
}
/**
 * Text from the build as plain text in GitHub markdown, on one line: no formatting, link, table cell break
 * or HTML (entities for `&<>`), and no block syntax at its start.
 */
function mdText(s, max) {
    const escaped = (0,limits/* truncate */.xv)(pr_comment_oneLine(s), max)
        .replace(/[\\`*_[\]|~]/g, '\\$&')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/^([#+=-])/, '\\$1')
        .replace(/^(\d+)([.)])/, '$1\\$2');
    return defuse(escaped);
}
/** Inline code no backtick inside can close; `|` escaped, as GFM requires even there in a table. */
function codeSpan(s, max) {
    const body = (0,limits/* truncate */.xv)(pr_comment_oneLine(s), max);
    if (body === '')
        return ' ';
    const fence = '`'.repeat((0,limits/* longestBacktickRun */.Az)(body) + 1);
    const pad = body.startsWith('`') || body.endsWith('`') ? ' ' : '';
    return fence + pad + body.replace(/\|/g, '\\|') + pad + fence;
}
/** `url` when it is an absolute http(s) URL nothing in markdown can break out of. */
function pr_comment_safeUrl(url) {
    if (!url || url.length > 2000 || !/^https?:\/\/[^\s<>()[\]`"'@#\\|]+$/i.test(url))
        return null;
    return URL.canParse(url) ? url : null;
}
function pr_comment_link(label, url) {
    const safe = pr_comment_safeUrl(url);
    return safe ? `[${label}](${safe})` : null;
}
/** The excerpt's last lines in a fence nothing inside can close, folded under a summary. */
function excerptDetails(excerpt, cause) {
    const repeats = (l) => (cause.length >= 20 ? l.includes(cause) : l.trim() === cause);
    const lines = excerpt
        .map((l) => (0,limits/* printableText */.XU)(l)
        .replace(/[\r\n\u0085\u2028\u2029]/g, ' ')
        .replace(/\s+$/, ''))
        .filter((l) => l.trim() !== '' && !repeats(l))
        .slice(-pr_comment_EXCERPT_LINES)
        .map((l) => (0,limits/* truncate */.xv)(l, pr_comment_EXCERPT_LINE_MAX));
    if (lines.length === 0)
        return '';
    const body = lines.join('\n');
    const fence = (0,limits/* fenceFor */.Lt)(body);
    const summary = `Last ${lines.length} line${lines.length === 1 ? '' : 's'} of the log`;
    return `<details><summary>${summary}</summary>\n\n${fence}text\n${body}\n${fence}\n\n</details>`;
}
/** `2026-03-14 17:40 UTC`. */
function utcMinute(now) {
    return now.toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}
/**
 * The table within what the rest leaves of the target: rows in the order given until the next one would not
 * fit, then one line that counts the rest.
 */
function fitTable(head, rows, budget, more) {
    let out = head;
    let used = bytes(head);
    let shown = 0;
    for (const row of rows) {
        const cost = bytes(row) + 1;
        // Room for the fold line stays free while rows remain.
        if (used + cost + 400 > budget)
            break;
        out += '\n' + row;
        used += cost;
        shown++;
    }
    return shown < rows.length ? `${out}\n\n${more(shown)}` : out;
}
/**
 * The marker, then the parts. Text was made inert where it was escaped (code spans and the excerpt need not
 * be: GitHub neither mentions nor links inside code), so the sizes counted hold. Should the whole still be
 * over the target, the headline alone.
 */
function finish(markerLine, sections) {
    const out = `${markerLine}\n${sections.filter((s) => !!s).join('\n\n')}\n`;
    if (bytes(out) <= COMMENT_TARGET_BYTES)
        return out;
    return `${markerLine}\n${sections[0] ?? ''}\n\n_Too long for a comment: see the job summary._\n`;
}
function failureCell(f, p, shownCause) {
    if (!f)
        return p.status === 'not-built' ? 'not built' : ' ';
    const error = f.error && pr_comment_oneLine(f.error) !== shownCause ? `: ${mdText(f.error, 300)}` : '';
    return mdText(wherePhrase(f), 200) + error;
}
function packageRow(p, shownCause) {
    const image = p.pushedImage ?? p.image;
    return (`| ${PACKAGE_EMOJI[p.status] ?? '❔'} ${p.status} | ${mdText(p.name, 200) || ' '} | ` +
        `${image ? codeSpan(image, 300) : ' '} | ${formatDuration(p.durationSeconds)} | ` +
        `${failureCell(p.failure, p, shownCause)} |`);
}
function buildLinks(report) {
    const parts = [pr_comment_link('Job', report.run.jobUrl), pr_comment_link('Run', report.run.runUrl)];
    const logs = pr_comment_link('Logs', report.logs.artifactUrl);
    parts.push(logs ?? (report.logs.uploadError ? `Logs not uploaded: ${mdText(report.logs.uploadError, 300)}` : null));
    const shown = parts.filter((x) => x !== null);
    return shown.length ? shown.join(' · ') : null;
}
function buildFooter(report, now) {
    const leg = matrixLeg(report.run.matrix);
    const parts = [
        report.run.workflow,
        report.run.job ? (leg ? `${report.run.job} (${leg})` : report.run.job) : null,
        report.run.runId ? `run ${report.run.runId}` : null,
        report.run.runAttempt && report.run.runAttempt !== '1' ? `attempt ${report.run.runAttempt}` : null,
        report.run.sha ? report.run.sha.slice(0, 7) : null,
    ]
        .filter((x) => !!x)
        .map((x) => mdText(x, 200));
    parts.push(`updated ${utcMinute(now)}`);
    return `<sub>${parts.join(' · ')}</sub>`;
}
/** The comment for one build: headline, cause, excerpt, the package table (failures first), links, footer. */
function pr_comment_renderBuildComment(report, opts) {
    // The Discord headline escapes markdown with backslashes; here `<>` become entities like every other text,
    // `&` too, and mentions are defused (they notify on GitHub).
    const headline = defuse(compactHeadline(report, opts.change ?? 'unknown')
        .replace(/&/g, '&amp;')
        .replace(/\\</g, '&lt;')
        .replace(/\\>/g, '&gt;'));
    const failed = report.status !== 'success';
    const causeRaw = failed ? pr_comment_oneLine(report.failure?.error || report.message) : null;
    const cause = causeRaw
        ? `**${report.status === 'cancelled' ? 'Stopped' : 'Cause'}:** ${mdText(causeRaw, pr_comment_CAUSE_MAX)}`
        : null;
    const excerpt = report.status === 'failure' && report.failure
        ? excerptDetails(report.failure.excerpt, causeRaw ?? '')
        : '';
    const links = buildLinks(report);
    const footer = buildFooter(report, opts.now);
    const fixed = [`### ${headline}`, cause, excerpt, links, footer];
    const budget = COMMENT_TARGET_BYTES - bytes(opts.marker) - fixed.reduce((n, s) => n + bytes(s ?? '') + 2, 0);
    const ordered = failuresFirst(report.packages);
    const table = ordered.length === 0
        ? null
        : fitTable('| Status | Package | Image | Duration | Failure point |\n| --- | --- | --- | --- | --- |', ordered.map((p) => packageRow(p, causeRaw)), budget, (shown) => {
            const hidden = ordered.slice(shown);
            const nFailed = hidden.filter((p) => p.status === 'failure').length;
            return `_… and ${hidden.length} more packages (${nFailed} failed) not shown: every package is in the job summary and in report.json in the logs._`;
        });
    return finish(opts.marker, [`### ${headline}`, cause, excerpt, table, links, footer]);
}
// ---- a whole run ----
function rowFailure(r, shownCause) {
    const f = r.failure;
    if (!f)
        return r.reason ? mdText(r.reason, 300) : ' ';
    const where = [f.phase, f.stage]
        .filter((x) => !!x && x !== 'unknown' && x !== r.name)
        .join(' · ');
    const error = f.error && pr_comment_oneLine(f.error) !== shownCause ? mdText(f.error, 300) : '';
    return [where ? mdText(where, 200) : '', error].filter((x) => x !== '').join(': ') || ' ';
}
function runRow(r, shownCause) {
    const links = [pr_comment_link('job', r.web_url), r.log_url !== r.web_url ? pr_comment_link('logs', r.log_url) : null].filter((x) => x !== null);
    return (`| ${run_discord/* STATUS_ICON */.tW[r.status] ?? '❔'} ${r.status} | ${mdText(r.name, 200) || ' '} | ` +
        `${r.image ? codeSpan(r.image, 300) : ' '} | ${(0,limits/* formatDuration */.a3)(r.duration_seconds)} | ` +
        `${rowFailure(r, shownCause)} | ${links.join(' · ') || ' '} |`);
}
function runFooter(run, now) {
    const parts = [
        run.trigger_name,
        run.build_id ? `run ${run.build_id}` : null,
        run.run_attempt && run.run_attempt !== '1' ? `attempt ${run.run_attempt}` : null,
        run.sha ? run.sha.slice(0, 7) : null,
    ]
        .filter((x) => !!x)
        .map((x) => mdText(x, 200));
    parts.push(`updated ${utcMinute(now)}`);
    return `<sub>${parts.join(' · ')}</sub>`;
}
/** The summarize action's comment: the run's headline, its first failure, and every row (failures first). */
function renderRunComment(run, opts) {
    const t = run.totals;
    const headline = (0,run_discord/* title */.DD)(run, opts.change ?? 'unknown');
    const totals = `**${t.packages}** packages: ✅ ${t.success} built · ❌ ${t.failure} failed · ❔ ${t.missing} without a report · ⏹ ${t.cancelled} cancelled · ${(0,limits/* formatDuration */.a3)(run.wall_seconds)} wall time`;
    const ordered = (0,run_discord/* orderRows */.O1)(run.runs);
    const first = ordered.find((r) => r.status === 'failure' && r.failure?.error);
    const causeRaw = first?.failure?.error ? pr_comment_oneLine(first.failure.error) : null;
    const cause = first && causeRaw ? `**Cause** (${mdText(first.name, 200)})**:** ${mdText(causeRaw, pr_comment_CAUSE_MAX)}` : null;
    const excerpt = first?.failure ? excerptDetails(first.failure.excerpt, causeRaw ?? '') : '';
    const links = pr_comment_link('Run', run.web_url);
    const footer = runFooter(run, opts.now);
    const fixed = [`### ${headline}`, mdText(run.message, pr_comment_CAUSE_MAX), totals, cause, excerpt, links, footer];
    const budget = COMMENT_TARGET_BYTES - bytes(opts.marker) - fixed.reduce((n, s) => n + bytes(s ?? '') + 2, 0);
    const table = ordered.length === 0
        ? null
        : fitTable('| Status | Package | Image | Duration | Failure point | Links |\n| --- | --- | --- | --- | --- | --- |', ordered.map((r) => runRow(r, causeRaw)), budget, (shown) => {
            const hidden = ordered.slice(shown);
            const nFailed = hidden.filter((r) => r.status === 'failure' || r.status === 'missing').length;
            return `_… and ${hidden.length} more packages (${nFailed} failed) not shown: every row is in the job summary and in run-report.json._`;
        });
    return finish(opts.marker, [...fixed.slice(0, 5), table, links, footer]);
}

// EXTERNAL MODULE: ./src/runner/github.ts + 23 modules
var runner_github = __webpack_require__(7133);
// EXTERNAL MODULE: ./src/runner/secrets.ts
var secrets = __webpack_require__(2995);
;// CONCATENATED MODULE: ./src/github/request-error.ts
// What went wrong with a GitHub API request, in one line for a warning or a debug line: the HTTP status
// and GitHub's own words, or what kept the answer away. Shared by the features in src/github.
/** `err` from an Octokit call; `timedOut` when the caller's own deadline cut it off. */
function requestFailure(err, timedOut, apiUrl, timeoutMs) {
    if (timedOut)
        return { status: null, text: `no answer from ${apiUrl} within ${seconds(timeoutMs)} s` };
    const status = err?.status;
    const message = request_error_oneLine(err instanceof Error ? err.message : String(err));
    // Octokit reports a request that never got an answer (refused, reset, DNS) as status 500 without a response.
    const answered = err?.response !== undefined;
    if (typeof status === 'number' && status >= 400 && (status !== 500 || answered)) {
        return { status, text: `HTTP ${status}: ${message}` };
    }
    return { status: null, text: `${apiUrl} could not be reached: ${message}` };
}
function seconds(ms) {
    return String(Math.round(ms / 100) / 10);
}
/** GitHub's message without its documentation link, on one bounded line (it comes from a server). */
function request_error_oneLine(text) {
    const line = text
        .replace(/ - https?:\/\/\S+$/, '')
        // eslint-disable-next-line no-control-regex -- control characters are what is removed
        .replace(/[\u0000-\u001f\u007f]+/g, ' ')
        .trim();
    return line.length > 200 ? `${line.slice(0, 200)}…` : line || 'no message';
}
/** Aborts when `ms` have passed, or with `outer` (a step that is being stopped). */
function deadline(ms, outer) {
    const own = AbortSignal.timeout(ms);
    return outer ? AbortSignal.any([own, outer]) : own;
}

;// CONCATENATED MODULE: ./src/github/pr-comment.ts




/** Every request of one comment together: listing, then creating or updating. */
const PR_COMMENT_TIMEOUT_MS = 10_000;
const PER_PAGE = 100;
/** Listing stops after this many pages (1000 comments): a sticky comment is written early in a PR's life. */
const MAX_PAGES = 10;
const PR_EVENTS = new Set(['pull_request', 'pull_request_target']);
/** GITHUB_TOKEN's identity: the author preferred when the token's own user is not known. */
const ACTIONS_BOT = 'github-actions[bot]';
function listed(raw) {
    const c = (raw ?? {});
    if (typeof c.id !== 'number' || typeof c.body !== 'string')
        return null;
    const login = typeof c.user?.login === 'string' ? c.user.login : null;
    const bot = c.user?.type === 'Bot' || login === ACTIONS_BOT;
    return { id: c.id, body: c.body, login, bot };
}
function restApi(client, owner, repo, issue) {
    return {
        async me(signal) {
            const { data } = await client.rest.users.getAuthenticated({ request: { signal } });
            return typeof data?.login === 'string' && data.login !== '' ? data.login : null;
        },
        async list(page, signal) {
            const { data } = await client.rest.issues.listComments({
                owner,
                repo,
                issue_number: issue,
                per_page: PER_PAGE,
                page,
                request: { signal },
            });
            return Array.isArray(data) ? data : [];
        },
        async create(body, signal) {
            const { data } = await client.rest.issues.createComment({
                owner,
                repo,
                issue_number: issue,
                body,
                request: { signal },
            });
            return data;
        },
        async update(id, body, signal) {
            const { data } = await client.rest.issues.updateComment({
                owner,
                repo,
                comment_id: id,
                body,
                request: { signal },
            });
            return data;
        },
    };
}
/**
 * The token's own login, when it is a user's token (a PAT): comments it wrote are its own. GITHUB_TOKEN and
 * an app's token are refused (403): then null, and only bots' comments are candidates.
 */
async function ownLogin(api, signal) {
    try {
        return await api.me(signal);
    }
    catch (err) {
        if (signal.aborted)
            throw err;
        return null;
    }
}
/** The most existing comments one run tries to update (each refusal costs a request) before writing anew. */
const MAX_UPDATE_TRIES = 5;
/**
 * The comments starting with `marker` that may be ours, in the order to try them, looking through at most
 * MAX_PAGES pages: with a user's token (a PAT), that user's own first, newest first; then every bot's, newest
 * first — an installation token (GITHUB_TOKEN, an app's) cannot tell which bot it is, and the newest marked
 * comment is the likeliest to be the one this identity wrote last. A person's comment quoting the marker is
 * never one, unless that person is the token's own user.
 */
async function findComments(api, marker, self, signal) {
    const own = [];
    const bots = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
        const comments = await api.list(page, signal);
        for (const c of comments.map(listed)) {
            if (c === null || !c.body.startsWith(marker))
                continue;
            if (self !== null && c.login === self)
                own.push(c.id);
            else if (c.bot)
                bots.push(c.id);
        }
        if (comments.length < PER_PAGE)
            break;
    }
    // Ids grow with time: the highest is the newest.
    const newestFirst = (ids) => [...ids].sort((a, b) => b - a);
    return [...newestFirst(own), ...newestFirst(bots)].slice(0, MAX_UPDATE_TRIES);
}
function written(action, data) {
    const d = (data ?? {});
    return {
        action,
        id: typeof d.id === 'number' ? d.id : 0,
        url: typeof d.html_url === 'string' ? d.html_url : null,
    };
}
async function write(api, req, signal) {
    const self = await ownLogin(api, signal);
    const candidates = await findComments(api, req.marker, self, signal);
    // The marker is hex and ours: only the rest is scrubbed, so no secret can mask the marker and lose the
    // comment on the next run.
    const full = req.body();
    const body = full.startsWith(req.marker)
        ? `${req.marker}${(0,secrets/* scrub */._I)(full.slice(req.marker.length))}`
        : (0,secrets/* scrub */._I)(full);
    for (const existing of candidates) {
        try {
            return written('updated', await api.update(existing, body, signal));
        }
        catch (err) {
            // Deleted between the listing and the update (404), or written by another identity that only looks
            // like ours (403: a token edits only its own comments): the next candidate, else one of our own.
            const status = err?.status;
            if (status !== 404 && status !== 403)
                throw err;
            req.log.debug(`pr-comment: comment ${existing} could not be updated (HTTP ${status}).`);
        }
    }
    return written('created', await api.create(body, signal));
}
/** Why there is no comment on this run, or null when there is one to write. */
function skipReason(run, token, log) {
    if (!run.eventName || !PR_EVENTS.has(run.eventName)) {
        log.debug(`pr-comment: a ${run.eventName ?? 'run without an'} event has no pull request to comment on.`);
        return 'not a pull request event';
    }
    if (run.prNumber === null || !run.owner || !run.repo) {
        log.debug(`pr-comment: the ${run.eventName} event names no pull request; no comment.`);
        return 'no pull request number';
    }
    // pull_request_target runs with the base repository's token, which may write.
    if (run.eventName === 'pull_request' && run.prFromFork === true) {
        log.notice(`pr-comment: pull request #${run.prNumber} comes from a fork, and a fork's pull_request run gets a read-only token: no comment (the job summary has the result).`);
        return 'fork pull request';
    }
    if (!token) {
        log.warn(`pr-comment: input 'github-token' is empty: no comment on pull request #${run.prNumber}.`);
        return 'no token';
    }
    return null;
}
function failureWarning(prNumber, status, text) {
    if (status === 403) {
        return `pr-comment: the token may not comment on pull request #${prNumber} (${text}): give the job 'permissions: pull-requests: write'. The build's result is unaffected.`;
    }
    if (status === 404) {
        return `pr-comment: pull request #${prNumber} was not found with this token (${text}); no comment.`;
    }
    return `pr-comment: could not comment on pull request #${prNumber}: ${text}.`;
}
/**
 * Creates or updates the comment that starts with `req.marker` on the run's pull request. Never throws, never
 * takes longer than the timeout (10 s) however the API behaves.
 */
async function upsertPrComment(req) {
    const run = req.run ?? (0,runner_github.readGitHubRun)();
    const skip = skipReason(run, req.token, req.log);
    if (skip !== null)
        return { action: 'skipped', reason: skip };
    const prNumber = run.prNumber;
    const timeoutMs = req.timeoutMs ?? PR_COMMENT_TIMEOUT_MS;
    const signal = deadline(timeoutMs);
    let timer;
    // The abort ends every request; this also ends a wait the client would not give up on its own.
    const late = new Promise((resolve) => {
        timer = setTimeout(() => resolve('late'), timeoutMs + 250);
    });
    try {
        const api = restApi((0,runner_github/* githubClient */.$f)(req.token, run.apiUrl), run.owner, run.repo, prNumber);
        const outcome = await Promise.race([write(api, req, signal), late]);
        if (outcome === 'late')
            throw new Error('late');
        if (outcome.action === 'created' || outcome.action === 'updated') {
            const verb = outcome.action === 'created' ? 'wrote a comment on' : 'updated its comment on';
            req.log.info(`pr-comment: ${verb} pull request #${prNumber}${outcome.url ? `: ${outcome.url}` : '.'}`);
        }
        return outcome;
    }
    catch (err) {
        const failure = requestFailure(err, signal.aborted, run.apiUrl, timeoutMs);
        req.log.warn((0,secrets/* scrub */._I)(failureWarning(prNumber, failure.status, failure.text)));
        return { action: 'failed', reason: failure.text };
    }
    finally {
        clearTimeout(timer);
    }
}
/** The action's comment for one build (job and matrix leg), rendered from the scrubbed report. */
function commentOnBuild(report, token, log, opts = {}) {
    const run = opts.run ?? readGitHubRun();
    const marker = buildMarker({
        workflow: run.workflowPath ?? run.workflow ?? report.run.workflow,
        job: run.job ?? report.run.job,
        matrix: report.run.matrix,
        step: run.step,
        packages: report.requestedPackages,
    });
    const now = opts.now ?? (() => new Date());
    return upsertPrComment({
        marker,
        body: () => renderBuildComment(scrubDeep(report), { marker, now: now() }),
        token,
        log,
        run,
    });
}
/** The summarize action's one comment for the whole run. */
function commentOnRun(run, token, log, opts = {}) {
    const github = opts.run ?? (0,runner_github.readGitHubRun)();
    const marker = runMarker({
        workflow: github.workflowPath ?? github.workflow ?? run.trigger_name,
        job: github.job,
        // The planned entries (a wildcard as typed): each row answers one.
        packages: run.runs.map((r) => r.requested ?? r.name),
    });
    const now = opts.now ?? (() => new Date());
    return upsertPrComment({
        marker,
        body: () => renderRunComment((0,secrets/* scrubDeep */.wE)(run), { marker, now: now() }),
        token,
        log,
        run: github,
    });
}


/***/ }),

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
