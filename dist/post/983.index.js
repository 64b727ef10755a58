export const id = 983;
export const ids = [983];
export const modules = {

/***/ 54983:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  commentOnBuild: () => (/* binding */ commentOnBuild)
});

// UNUSED EXPORTS: PR_COMMENT_TIMEOUT_MS, commentOnRun, upsertPrComment

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./src/notify/render/discord.ts + 1 modules
var discord = __webpack_require__(88225);
// EXTERNAL MODULE: ./src/notify/render/discord-common.ts
var discord_common = __webpack_require__(2470);
// EXTERNAL MODULE: ./src/notify/render/limits.ts
var limits = __webpack_require__(87284);
// EXTERNAL MODULE: ./src/notify/template-fields.ts + 1 modules
var template_fields = __webpack_require__(28236);
// EXTERNAL MODULE: ./src/notify/templates.ts
var templates = __webpack_require__(67858);
;// CONCATENATED MODULE: ./src/notify/render/run-discord.ts





/** Discord's limits (a 400 when exceeded). */
const run_discord_STATUS_ICON = {
    failure: '❌',
    cancelled: '⏹',
    missing: '❔',
    success: '✅',
};
const COLOR = { success: 0x2ecc71, failure: 0xe74c3c, cancelled: 0x95a5a6 };
/** The order rows are shown in: what needs attention first. */
const PRIORITY = { failure: 0, missing: 1, cancelled: 2, success: 3 };
function run_discord_orderRows(rows) {
    return rows
        .map((row, i) => ({ row, i }))
        .sort((a, b) => PRIORITY[a.row.status] - PRIORITY[b.row.status] || a.i - b.i)
        .map((x) => x.row);
}
/** Text safe inside Discord markdown: no formatting, links, code or mentions from user data. */
function escapeMarkdown(text) {
    return neutraliseMentions(text.replace(/[\r\n]+/g, ' ').replace(/([\\*_~|`>[\]()<])/g, '\\$1'));
}
function rowLine(row) {
    const icon = run_discord_STATUS_ICON[row.status];
    const name = escapeMarkdown(row.name);
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
        const detail = [where ? `\`${escapeMarkdown(where).replace(/`/g, '')}\`` : '', escapeMarkdown(error)]
            .filter((x) => x !== '')
            .join(' ');
        return `${icon} ${label}${detail ? ' — ' + detail : ''}`;
    }
    const reason = row.reason ? ' — ' + escapeMarkdown(truncate(row.reason, 100)) : '';
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
                ? `${run_discord_STATUS_ICON[group.status]} ${hidden} ${GROUP_TITLE[group.status]}`
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
    for (const r of run_discord_orderRows(run.runs)) {
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
        run.ref ? escapeMarkdown(run.ref.replace(/^refs\/(heads|tags)\//, '')) : '',
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
    const summary = escapeMarkdown(truncate(run.message, 600));
    const link = run.web_url ? `\n[Open the run](${run.web_url})` : '';
    const fixed = embedTitle.length + footerText.length + fields.reduce((s, f) => s + f.name.length + f.value.length, 0);
    // The description holds the summary, the rows and the link; 16 characters of slack for the separators.
    const descBudget = Math.min(DISCORD_LIMITS.description, DISCORD_LIMITS.embedTotal - fixed) -
        summary.length -
        link.length -
        16;
    const { text: rows, folded } = fitRows(run_discord_orderRows(run.runs), Math.max(0, descBudget));
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
            : `Jetson build ${run.status === 'cancelled' ? 'cancelled' : 'failed'}: ${escapeMarkdown(run.failed_packages.slice(0, 10).join(', ') || run.message)}`), DISCORD_LIMITS.content);
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

// EXTERNAL MODULE: ./src/report/canonical-json.ts
var canonical_json = __webpack_require__(97027);
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
const EXCERPT_LINES = 20;
const EXCERPT_LINE_MAX = 300;
const CAUSE_MAX = 1000;
const ZWSP = '\u200b';
const bytes = (s) => Buffer.byteLength(s, 'utf8');
// ---- the marker ----
/** The matrix input canonically: parsed JSON with sorted keys, or its text when it is not JSON. */
function canonicalMatrix(matrix) {
    const text = (matrix ?? '').trim();
    try {
        return (0,canonical_json/* canonicalJson */.d)(JSON.parse(text === '' ? 'null' : text));
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
    const id = (0,external_node_crypto_.createHash)('sha256').update((0,canonical_json/* canonicalJson */.d)(identity)).digest('hex').slice(0, 16);
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
function buildMarker(run) {
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
function pr_comment_runMarker(run) {
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
function oneLine(s) {
    return (0,limits/* printableText */.XU)(s)
        .replace(/\s*[\r\n\u0085\u2028\u2029]+\s*/g, ' ')
        .trim();
}
/**
 * Text from the build as plain text in GitHub markdown, on one line: no formatting, link, table cell break
 * or HTML (entities for `&<>`), and no block syntax at its start.
 */
function mdText(s, max) {
    const escaped = (0,limits/* truncate */.xv)(oneLine(s), max)
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
    const body = (0,limits/* truncate */.xv)(oneLine(s), max);
    if (body === '')
        return ' ';
    const fence = '`'.repeat((0,limits/* longestBacktickRun */.Az)(body) + 1);
    const pad = body.startsWith('`') || body.endsWith('`') ? ' ' : '';
    return fence + pad + body.replace(/\|/g, '\\|') + pad + fence;
}
/** `url` when it is an absolute http(s) URL nothing in markdown can break out of. */
function safeUrl(url) {
    if (!url || url.length > 2000 || !/^https?:\/\/[^\s<>()[\]`"'@#\\|]+$/i.test(url))
        return null;
    return URL.canParse(url) ? url : null;
}
function pr_comment_link(label, url) {
    const safe = safeUrl(url);
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
        .slice(-EXCERPT_LINES)
        .map((l) => (0,limits/* truncate */.xv)(l, EXCERPT_LINE_MAX));
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
    const error = f.error && oneLine(f.error) !== shownCause ? `: ${mdText(f.error, 300)}` : '';
    return mdText((0,discord_common/* wherePhrase */.Xn)(f), 200) + error;
}
function packageRow(p, shownCause) {
    const image = p.pushedImage ?? p.image;
    return (`| ${discord_common/* PACKAGE_EMOJI */.Kx[p.status] ?? '❔'} ${p.status} | ${mdText(p.name, 200) || ' '} | ` +
        `${image ? codeSpan(image, 300) : ' '} | ${(0,limits/* formatDuration */.a3)(p.durationSeconds)} | ` +
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
function renderBuildComment(report, opts) {
    // The Discord headline escapes markdown with backslashes; here `<>` become entities like every other text,
    // `&` too, and mentions are defused (they notify on GitHub).
    const headline = defuse((0,discord/* compactHeadline */.mJ)(report, opts.change ?? 'unknown')
        .replace(/&/g, '&amp;')
        .replace(/\\</g, '&lt;')
        .replace(/\\>/g, '&gt;'));
    const failed = report.status !== 'success';
    const causeRaw = failed ? oneLine(report.failure?.error || report.message) : null;
    const cause = causeRaw
        ? `**${report.status === 'cancelled' ? 'Stopped' : 'Cause'}:** ${mdText(causeRaw, CAUSE_MAX)}`
        : null;
    const excerpt = report.status === 'failure' && report.failure
        ? excerptDetails(report.failure.excerpt, causeRaw ?? '')
        : '';
    const links = buildLinks(report);
    const footer = buildFooter(report, opts.now);
    const fixed = [`### ${headline}`, cause, excerpt, links, footer];
    const budget = COMMENT_TARGET_BYTES - bytes(opts.marker) - fixed.reduce((n, s) => n + bytes(s ?? '') + 2, 0);
    const ordered = (0,discord_common/* failuresFirst */.Cq)(report.packages);
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
    const error = f.error && oneLine(f.error) !== shownCause ? mdText(f.error, 300) : '';
    return [where ? mdText(where, 200) : '', error].filter((x) => x !== '').join(': ') || ' ';
}
function runRow(r, shownCause) {
    const links = [pr_comment_link('job', r.web_url), r.log_url !== r.web_url ? pr_comment_link('logs', r.log_url) : null].filter((x) => x !== null);
    return (`| ${STATUS_ICON[r.status] ?? '❔'} ${r.status} | ${mdText(r.name, 200) || ' '} | ` +
        `${r.image ? codeSpan(r.image, 300) : ' '} | ${formatDuration(r.duration_seconds)} | ` +
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
function pr_comment_renderRunComment(run, opts) {
    const t = run.totals;
    const headline = runTitle(run, opts.change ?? 'unknown');
    const totals = `**${t.packages}** packages: ✅ ${t.success} built · ❌ ${t.failure} failed · ❔ ${t.missing} without a report · ⏹ ${t.cancelled} cancelled · ${formatDuration(run.wall_seconds)} wall time`;
    const ordered = orderRows(run.runs);
    const first = ordered.find((r) => r.status === 'failure' && r.failure?.error);
    const causeRaw = first?.failure?.error ? oneLine(first.failure.error) : null;
    const cause = first && causeRaw ? `**Cause** (${mdText(first.name, 200)})**:** ${mdText(causeRaw, CAUSE_MAX)}` : null;
    const excerpt = first?.failure ? excerptDetails(first.failure.excerpt, causeRaw ?? '') : '';
    const links = pr_comment_link('Run', run.web_url);
    const footer = runFooter(run, opts.now);
    const fixed = [`### ${headline}`, mdText(run.message, CAUSE_MAX), totals, cause, excerpt, links, footer];
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

// EXTERNAL MODULE: ./src/runner/github.ts
var github = __webpack_require__(99863);
// EXTERNAL MODULE: ./src/runner/secrets.ts
var secrets = __webpack_require__(72995);
// EXTERNAL MODULE: ./src/github/request-error.ts
var request_error = __webpack_require__(17409);
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
    const run = req.run ?? (0,github.readGitHubRun)();
    const skip = skipReason(run, req.token, req.log);
    if (skip !== null)
        return { action: 'skipped', reason: skip };
    const prNumber = run.prNumber;
    const timeoutMs = req.timeoutMs ?? PR_COMMENT_TIMEOUT_MS;
    const signal = (0,request_error/* deadline */.nl)(timeoutMs);
    let timer;
    // The abort ends every request; this also ends a wait the client would not give up on its own.
    const late = new Promise((resolve) => {
        timer = setTimeout(() => resolve('late'), timeoutMs + 250);
    });
    try {
        const api = restApi((0,github/* githubClient */.$f)(req.token, run.apiUrl), run.owner, run.repo, prNumber);
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
        const failure = (0,request_error/* requestFailure */.SU)(err, signal.aborted, run.apiUrl, timeoutMs);
        req.log.warn((0,secrets/* scrub */._I)(failureWarning(prNumber, failure.status, failure.text)));
        return { action: 'failed', reason: failure.text };
    }
    finally {
        clearTimeout(timer);
    }
}
/** The action's comment for one build (job and matrix leg), rendered from the scrubbed report. */
function commentOnBuild(report, token, log, opts = {}) {
    const run = opts.run ?? (0,github.readGitHubRun)();
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
        body: () => renderBuildComment((0,secrets/* scrubDeep */.wE)(report), { marker, now: now() }),
        token,
        log,
        run,
    });
}
/** The summarize action's one comment for the whole run. */
function commentOnRun(run, token, log, opts = {}) {
    const github = opts.run ?? readGitHubRun();
    const marker = runMarker({
        workflow: github.workflowPath ?? github.workflow ?? run.trigger_name,
        job: github.job,
        // The planned entries (a wildcard as typed): each row answers one.
        packages: run.runs.map((r) => r.requested ?? r.name),
    });
    const now = opts.now ?? (() => new Date());
    return upsertPrComment({
        marker,
        body: () => renderRunComment(scrubDeep(run), { marker, now: now() }),
        token,
        log,
        run: github,
    });
}


/***/ }),

/***/ 17409:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SU: () => (/* binding */ requestFailure),
/* harmony export */   nl: () => (/* binding */ deadline)
/* harmony export */ });
/* unused harmony export oneLine */
// What went wrong with a GitHub API request, in one line for a warning or a debug line: the HTTP status
// and GitHub's own words, or what kept the answer away. Shared by the features in src/github.
/** `err` from an Octokit call; `timedOut` when the caller's own deadline cut it off. */
function requestFailure(err, timedOut, apiUrl, timeoutMs) {
    if (timedOut)
        return { status: null, text: `no answer from ${apiUrl} within ${seconds(timeoutMs)} s` };
    const status = err?.status;
    const message = oneLine(err instanceof Error ? err.message : String(err));
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
function oneLine(text) {
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


/***/ })

};
