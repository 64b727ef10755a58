export const id = 131;
export const ids = [131];
export const modules = {

/***/ 95131:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   renderGeneric: () => (/* binding */ renderGeneric)
/* harmony export */ });
/* unused harmony exports GENERIC_PAYLOAD_VERSION, GENERIC_EVENT, GENERIC_EVENTS, GENERIC_MAX_BYTES, genericPayload, genericStartedPayload, renderGenericStarted */
/* harmony import */ var _report_build_report_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(64417);
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(87284);
// The generic webhook body: a documented, versioned JSON object (schema/generic-payload.schema.json) that
// keeps every field of jetson-containers' own generic webhook, with its meaning, and adds the rest of the
// BuildReport in snake_case. Sizes are bounded so a hostile report cannot produce a multi-megabyte body.


/** Bumped on any incompatible change to the payload. */
const GENERIC_PAYLOAD_VERSION = 1;
/** The `event` of a build's result. */
const GENERIC_EVENT = 'jetson.build.finished';
/** The `event` of each kind of notification: receivers route on it. */
const GENERIC_EVENTS = {
    finished: GENERIC_EVENT,
    started: 'jetson.build.started',
    test: 'jetson.test',
};
/** The body stays under this many UTF-8 bytes whatever the report holds. */
const GENERIC_MAX_BYTES = 512 * 1024;
const NORMAL = { items: 500, text: 512, error: 2000, excerptLines: 40, excerptLine: 500, excerpts: 10 };
const COMPACT = { items: 200, text: 160, error: 300, excerptLines: 40, excerptLine: 200, excerpts: 0 };
const ENV_KEYS = _report_build_report_js__WEBPACK_IMPORTED_MODULE_1__/* .ENVIRONMENT_KEYS */ .J;
class Clipper {
    caps;
    truncated = false;
    constructor(caps) {
        this.caps = caps;
    }
    text(s, max = this.caps.text) {
        if (s.length > max)
            this.truncated = true;
        return (0,_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(s, max);
    }
    maybe(s, max = this.caps.text) {
        return s === null ? null : this.text(s, max);
    }
    list(items, max = this.caps.items) {
        if (items.length > max)
            this.truncated = true;
        return items.slice(0, max).map((s) => this.text(s));
    }
    failure(f, withExcerpt) {
        if (!f)
            return null;
        let excerpt = [];
        if (withExcerpt) {
            const n = this.caps.excerptLines;
            if (f.excerpt.length > n)
                this.truncated = true;
            excerpt = f.excerpt.slice(-n).map((l) => this.text(l, this.caps.excerptLine));
        }
        else if (f.excerpt.length > 0) {
            this.truncated = true;
        }
        return {
            stage: this.maybe(f.stage),
            stage_index: f.stageIndex,
            stage_count: f.stageCount,
            phase: f.phase,
            error: this.maybe(f.error, this.caps.error),
            excerpt,
            log_file: this.maybe(f.logFile),
        };
    }
}
function details(report) {
    const f = report.failure;
    if (report.status === 'success' || !f)
        return report.message;
    const where = f.stage
        ? `stage ${f.stage}${f.stageIndex !== null && f.stageCount !== null ? ` (${f.stageIndex}/${f.stageCount})` : ''}, ${f.phase}`
        : f.phase;
    return f.error ? `${f.error} [${where}]` : `${report.message} [${where}]`;
}
/** At most `max` packages in their original order; failed ones are kept first when some must go. */
function keepFailed(packages, max) {
    if (packages.length <= max)
        return packages;
    const failed = packages.filter((p) => p.status === 'failure').slice(0, max);
    const keep = new Set(failed);
    for (const p of packages) {
        if (keep.size >= max)
            break;
        keep.add(p);
    }
    return packages.filter((p) => keep.has(p));
}
function build(report, caps, ctx) {
    const c = new Clipper(caps);
    const environment = {};
    for (const key of ENV_KEYS) {
        const v = report.environment[key];
        if (v !== undefined && v !== '')
            environment[key] = c.text(v);
    }
    let excerptsLeft = caps.excerpts;
    const results = keepFailed(report.packages, caps.items).map((p) => {
        const withExcerpt = p.failure !== null && excerptsLeft > 0;
        if (withExcerpt)
            excerptsLeft--;
        return {
            name: c.text(p.name),
            status: p.status,
            image: c.maybe(p.image),
            pushed_image: c.maybe(p.pushedImage),
            duration_seconds: p.durationSeconds,
            failure: c.failure(p.failure, withExcerpt),
        };
    });
    if (results.length < report.packages.length)
        c.truncated = true;
    const run = report.run;
    return {
        payload_version: GENERIC_PAYLOAD_VERSION,
        event: ctx.event === 'test' ? GENERIC_EVENTS.test : GENERIC_EVENT,
        status: report.status,
        end_time: (0,_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .isoSeconds */ .nE)(report.endTime),
        packages: c.list(report.requestedPackages),
        build_command: c.text(report.command.display, caps.error),
        environment,
        message: c.text(report.message, caps.error),
        details: c.text(details(report), caps.error),
        log_file: c.text(report.logs.consoleLog),
        log_url: report.logs.url ?? report.logs.artifactUrl ?? run.runUrl,
        artifact_url: report.logs.artifactUrl,
        artifact_name: c.maybe(report.logs.artifactName),
        log_upload_error: c.maybe(report.logs.uploadError),
        run_url: run.runUrl,
        job_url: run.jobUrl ?? null,
        change: ctx.change === 'fixed' || ctx.change === 'broken' ? ctx.change : null,
        start_time: (0,_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .isoSeconds */ .nE)(report.startTime),
        duration_seconds: report.durationSeconds,
        tool_build_seconds: report.toolBuildSeconds,
        exit_code: report.exitCode,
        signal: report.signal,
        images: c.list(report.images),
        failed_packages: c.list(report.failedPackages),
        results,
        results_total: report.packages.length,
        failure: c.failure(report.failure, true),
        command_argv: c.list(report.command.argv),
        environment_source: report.environment.source,
        options: {
            multiple: report.options.multiple,
            skip_errors: report.options.skipErrors,
            name: c.maybe(report.options.name),
            push: c.maybe(report.options.push),
        },
        runner: {
            name: c.maybe(report.runner.name),
            os: report.runner.os,
            arch: report.runner.arch,
            labels: c.list(report.runner.labels, 50),
        },
        server_url: run.serverUrl,
        repository: run.repository,
        ref: c.maybe(run.ref),
        sha: run.sha,
        workflow: c.maybe(run.workflow),
        job: c.maybe(run.job),
        run_id: run.runId,
        run_attempt: run.runAttempt,
        matrix: c.maybe(run.matrix, caps.error),
        truncated: c.truncated,
    };
}
function bytes(payload) {
    return Buffer.byteLength(JSON.stringify(payload), 'utf8');
}
const FINISHED = { event: 'finished', change: 'unknown' };
/** The generic payload of a report, bounded to GENERIC_MAX_BYTES. */
function genericPayload(report, ctx = FINISHED) {
    const normal = build(report, NORMAL, ctx);
    if (bytes(normal) <= GENERIC_MAX_BYTES)
        return normal;
    let caps = COMPACT;
    let payload = build(report, caps, ctx);
    // Wide characters can still overflow: halve the lists until the body fits.
    while (bytes(payload) > GENERIC_MAX_BYTES && caps.items > 1) {
        caps = { ...caps, items: Math.floor(caps.items / 2), excerptLines: Math.min(caps.excerptLines, 10) };
        payload = build(report, caps, ctx);
    }
    payload.truncated = true;
    return payload;
}
/** Renders the generic webhook body of a build's result (or of a test sample): JSON, no files. */
function renderGeneric(report, ctx = FINISHED) {
    return { body: genericPayload(report, ctx), files: [] };
}
/** The started body. It holds only the step's own settings and the runner's facts, bounded all the same. */
function genericStartedPayload(start) {
    const c = new Clipper(NORMAL);
    const run = start.run;
    return {
        payload_version: GENERIC_PAYLOAD_VERSION,
        event: GENERIC_EVENTS.started,
        start_time: isoSeconds(start.startTime),
        packages: c.list(start.packages),
        build_command: c.text(start.command.display, NORMAL.error),
        command_argv: c.list(start.command.argv),
        runner: {
            name: c.maybe(start.runner.name),
            os: start.runner.os,
            arch: start.runner.arch,
            labels: c.list(start.runner.labels, 50),
        },
        run_url: run.runUrl,
        job_url: run.jobUrl ?? null,
        server_url: run.serverUrl,
        repository: run.repository,
        ref: c.maybe(run.ref),
        sha: run.sha,
        workflow: c.maybe(run.workflow),
        job: c.maybe(run.job),
        run_id: run.runId,
        run_attempt: run.runAttempt,
        matrix: c.maybe(run.matrix, NORMAL.error),
        truncated: c.truncated,
    };
}
/** Renders the generic `jetson.build.started` body: JSON, no files. */
function renderGenericStarted(start) {
    return { body: genericStartedPayload(start), files: [] };
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
