export const id = 626;
export const ids = [626,994];
export const modules = {

/***/ 80626:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  completeCheckRun: () => (/* binding */ completeCheckRun),
  createCheckRun: () => (/* binding */ createCheckRun)
});

// UNUSED EXPORTS: COMPLETE_TIMEOUT_MS, CREATE_TIMEOUT_MS, NO_TOKEN_WARNING, checkRunSha

// EXTERNAL MODULE: ./src/notify/render/limits.ts
var limits = __webpack_require__(87284);
// EXTERNAL MODULE: ./src/report/summary.ts
var summary = __webpack_require__(57994);
;// CONCATENATED MODULE: ./src/report/check-run.ts


/** The check run's name: long enough to tell builds apart in the checks list, short enough to read. */
const CHECK_NAME_MAX = 100;
/** GitHub's limit for `output.summary` and `output.text`, in characters. */
const OUTPUT_MAX = 65_535;
/** GitHub's limit per create or update request. */
const ANNOTATIONS_PER_REQUEST = 50;
/** Annotations in all (five update requests): the rest are named by the last one. */
const MAX_ANNOTATIONS = 250;
/** GitHub's limits for an annotation's title and its message / raw details. */
const ANNOTATION_TITLE_MAX = 255;
const ANNOTATION_MESSAGE_MAX = 4000;
const RAW_DETAILS_MAX = 8000;
const TITLE_MAX = 255;
/** `jetson / pytorch:2.8 torchvision`, on one line, cut to CHECK_NAME_MAX with '…'. */
function checkRunName(packages) {
    const names = (0,summary/* oneLine */.TN)(packages.join(' ')) || 'build';
    return (0,limits/* truncate */.xv)(`jetson / ${names}`, CHECK_NAME_MAX);
}
/** What the check run says while the build runs. */
function startedOutput(packages, runner) {
    const names = (0,summary/* oneLine */.TN)(packages.join(' '));
    const on = runner ? ` on runner ${(0,summary/* codeSpan */.SS)(runner, 200)}` : '';
    return {
        title: (0,limits/* truncate */.xv)(`Building ${names || 'packages'}`, TITLE_MAX),
        summary: (0,limits/* truncate */.xv)(`Building ${packages.length} package${packages.length === 1 ? '' : 's'}${on}: ${(0,summary/* text */.Qq)(names, 4000)}`, OUTPUT_MAX),
    };
}
function checkConclusion(status) {
    return status === 'success' ? 'success' : status === 'cancelled' ? 'cancelled' : 'failure';
}
const FALLBACK_TITLE = {
    success: 'Build succeeded',
    failure: 'Build failed',
    cancelled: 'Build cancelled',
};
/** The result: title (the report's headline), summary and text, each within GitHub's limits. */
function renderCheckOutput(report) {
    const title = (0,limits/* truncate */.xv)((0,summary/* oneLine */.TN)(report.message), TITLE_MAX) || FALLBACK_TITLE[report.status] || 'Build';
    return { title, summary: renderSummary(report), text: renderDetails(report) };
}
function countsLine(report) {
    const n = report.packages.length;
    const failed = report.packages.filter((p) => p.status === 'failure').length;
    const built = report.packages.filter((p) => p.status === 'success').length;
    const parts = [
        `**${summary/* PACKAGE_EMOJI */.Kx[report.status]} ${report.status}**`,
        n > 0 ? `${built} of ${n} built${failed > 0 ? `, ${failed} failed` : ''}` : null,
        (0,limits/* formatDuration */.a3)(report.durationSeconds),
        report.exitCode !== null ? `exit code ${report.exitCode}` : null,
        report.runner.name ? `runner ${(0,summary/* codeSpan */.SS)(report.runner.name, 200)}` : null,
    ];
    return parts.filter((p) => p !== null).join(' · ');
}
function linksLine(report) {
    const jobUrl = report.run.jobUrl ?? null;
    return [
        jobUrl !== report.run.runUrl ? (0,summary/* link */.nf)('Job', jobUrl) : null,
        (0,summary/* link */.nf)('Workflow run', report.run.runUrl),
        (0,summary/* link */.nf)('Logs artifact', report.logs.artifactUrl),
    ]
        .filter((x) => x !== null)
        .join(' · ');
}
function row(p) {
    const failure = p.failure
        ? `${(0,summary/* cell */.Hn)((0,summary/* where */._M)(p.failure), 120)}${p.failure.error ? `: ${(0,summary/* cell */.Hn)(p.failure.error, 200)}` : ''}`
        : p.status === 'not-built'
            ? 'not built'
            : ' ';
    const image = p.pushedImage ?? p.image;
    return `| ${summary/* PACKAGE_EMOJI */.Kx[p.status]} | ${(0,summary/* cell */.Hn)(p.name, 200)} | ${image ? (0,summary/* codeSpan */.SS)(image, 200) : ' '} | ${(0,limits/* formatDuration */.a3)(p.durationSeconds)} | ${failure} |`;
}
/** Headline facts, links and the package table (failed first), the table cut to what fits. */
function renderSummary(report) {
    // The headline is the title, shown right above: not repeated.
    const head = [countsLine(report), linksLine(report)].filter(Boolean);
    if (report.logs.uploadError && !report.logs.artifactUrl) {
        head.push(`> Log upload failed: ${(0,summary/* text */.Qq)(report.logs.uploadError, 500)}`);
    }
    const before = head.join('\n\n');
    if (report.packages.length === 0)
        return (0,limits/* truncate */.xv)(before, OUTPUT_MAX) + '\n';
    const tableHead = '| | Package | Image | Duration | Failure point |\n| --- | --- | --- | --- | --- |';
    const ordered = (0,summary/* failedFirst */.Yk)(report.packages);
    // Room for the note on hidden rows, whatever their count.
    let left = OUTPUT_MAX - before.length - tableHead.length - 200;
    const rows = [];
    for (const p of ordered) {
        const r = row(p);
        if (r.length + 1 > left)
            break;
        rows.push(r);
        left -= r.length + 1;
    }
    const hidden = ordered.slice(rows.length);
    const note = hidden.length
        ? `\n\n_… and ${hidden.length} more packages (${hidden.filter((p) => p.status === 'failure').length} failed) not shown; see report.json in the logs._`
        : '';
    return `${before}\n\n${tableHead}\n${rows.join('\n')}${note}\n`;
}
function failureBlock(name, f, budget) {
    const parts = [`### ${(0,summary/* text */.Qq)(name, 200)} — ${(0,summary/* text */.Qq)((0,summary/* where */._M)(f), 300)}`];
    if (f.error)
        parts.push(`**Error:** ${(0,summary/* text */.Qq)(f.error, 2000)}`);
    if (f.logFile)
        parts.push(`Stage log on the runner: ${(0,summary/* codeSpan */.SS)(f.logFile, 400)}`);
    const lines = f.excerpt.slice(-40).map((l) => (0,limits/* truncate */.xv)(l, 500));
    let block = lines.length ? (0,summary/* fenced */.OF)(lines, 'text') : '';
    // The end of a log matters most: leading lines go first until the block fits.
    while (block.length > budget && lines.length > 1) {
        lines.shift();
        block = (0,summary/* fenced */.OF)(['…', ...lines], 'text');
    }
    if (block && block.length <= budget)
        parts.push(block);
    return parts.join('\n\n');
}
/** The details: each failure with its excerpt (as many as fit), the environment and the command. */
function renderDetails(report) {
    const env = Object.entries(report.environment).filter((e) => e[0] !== 'source' && typeof e[1] === 'string' && e[1] !== '');
    const tail = [
        '## Environment',
        env.length
            ? `| Variable | Value |\n| --- | --- |\n${env.map(([k, v]) => `| ${(0,summary/* cell */.Hn)(k, 100)} | ${(0,summary/* cell */.Hn)(v, 300)} |`).join('\n')}`
            : '_Not detected._',
        '## Command',
        (0,summary/* fenced */.OF)([(0,limits/* truncate */.xv)((0,summary/* oneLine */.TN)(report.command.display), 4000)], 'bash'),
    ].join('\n\n');
    const failures = failuresOf(report);
    const blocks = [];
    let left = OUTPUT_MAX - tail.length - 300;
    for (const [name, f] of failures) {
        const block = failureBlock(name, f, Math.min(12_000, left - 400));
        if (block.length + 2 > left)
            break;
        blocks.push(block);
        left -= block.length + 2;
    }
    if (failures.length > blocks.length) {
        blocks.push(`_… and ${failures.length - blocks.length} more failures; see the summary's table and report.json._`);
    }
    const head = failures.length
        ? [report.status === 'cancelled' ? '## Cancelled' : '## Failures', ...blocks]
        : [];
    return (0,limits/* truncateMarkdown */.o4)([...head, tail].join('\n\n') + '\n', OUTPUT_MAX);
}
/** Each failed package with its failure point; else the build's own failure (nothing could be blamed). */
function failuresOf(report) {
    const out = [];
    for (const p of report.packages)
        if (p.failure && p.status === 'failure')
            out.push([p.name, p.failure]);
    if (out.length === 0 && report.failure && report.status !== 'success') {
        out.push([report.status === 'cancelled' ? 'Cancelled' : 'Failure', report.failure]);
    }
    return out;
}
/**
 * One failure annotation per failed package, on line 1 of `path` (the workflow file: a package has no file in
 * the repository), at most MAX_ANNOTATIONS (the last then names the rest). A failure no package can be
 * blamed for gets one annotation for the build. Plain text: GitHub shows annotations as they are.
 */
function renderCheckAnnotations(report, path) {
    const one = (name, f) => {
        const details = f ? f.excerpt.slice(-20).join('\n') : '';
        return {
            path,
            start_line: 1,
            end_line: 1,
            annotation_level: 'failure',
            title: (0,limits/* truncate */.xv)((0,summary/* oneLine */.TN)(name), ANNOTATION_TITLE_MAX),
            message: (0,limits/* truncate */.xv)(`${f ? (0,summary/* where */._M)(f) : 'unknown'}: ${(0,summary/* oneLine */.TN)(f?.error ?? report.message)}`, ANNOTATION_MESSAGE_MAX),
            ...(details ? { raw_details: (0,limits/* truncate */.xv)(details, RAW_DETAILS_MAX) } : {}),
        };
    };
    const failed = report.packages.filter((p) => p.status === 'failure');
    if (failed.length === 0) {
        return report.status === 'failure'
            ? [one(report.requestedPackages.join(' ') || 'jetson-containers', report.failure)]
            : [];
    }
    if (failed.length <= MAX_ANNOTATIONS)
        return failed.map((p) => one(p.name, p.failure));
    const rest = failed.slice(MAX_ANNOTATIONS - 1);
    return [
        ...failed.slice(0, MAX_ANNOTATIONS - 1).map((p) => one(p.name, p.failure)),
        {
            path,
            start_line: 1,
            end_line: 1,
            annotation_level: 'failure',
            title: `${rest.length} more packages failed`,
            message: (0,limits/* truncate */.xv)(rest.map((p) => (0,summary/* oneLine */.TN)(p.name)).join(', '), ANNOTATION_MESSAGE_MAX),
        },
    ];
}
/** The annotations in requests of at most ANNOTATIONS_PER_REQUEST, in order. */
function annotationBatches(annotations, size = ANNOTATIONS_PER_REQUEST) {
    const out = [];
    for (let i = 0; i < annotations.length; i += size)
        out.push(annotations.slice(i, i + size));
    return out;
}

// EXTERNAL MODULE: ./src/runner/github.ts
var github = __webpack_require__(99863);
// EXTERNAL MODULE: ./src/runner/secrets.ts
var secrets = __webpack_require__(72995);
// EXTERNAL MODULE: ./src/github/request-error.ts
var request_error = __webpack_require__(17409);
;// CONCATENATED MODULE: ./src/github/check-run.ts




/** Creating the check run may hold the build back this long at most. */
const CREATE_TIMEOUT_MS = 5000;
/** Completing it, every annotation batch included, takes at most this long … */
const COMPLETE_TIMEOUT_MS = 10_000;
/** … and one request of it at most this long. */
const REQUEST_TIMEOUT_MS = 5000;
const NO_TOKEN_WARNING = 'check-run: github-token is empty, so no check run is created — leave `github-token` at its default ' +
    '(`${{ github.token }}`) and give the job `permissions: checks: write`.';
/** The commit the check run belongs to: the pull request's head on PR events (GITHUB_SHA is a merge commit). */
function checkRunSha(run) {
    return run.prHeadSha ?? run.sha;
}
function clientFor(req, token) {
    return (req.client ?? ((t) => (0,github/* githubClient */.$f)(t, req.run.apiUrl)))(token);
}
/** Why the API refused or could not be reached, as the one warning. */
function warningFor(err, timedOut, req, what, timeoutMs) {
    const failure = (0,request_error/* requestFailure */.SU)(err, timedOut, req.run.apiUrl, timeoutMs);
    if (failure.status === 403) {
        const fork = req.run.prFromFork ? ' (a pull request from a fork gets a read-only token)' : '';
        return `check-run: the token cannot ${what} check runs (${failure.text})${fork}: give the job \`permissions: checks: write\`.`;
    }
    if (failure.status === 404) {
        return `check-run: could not ${what} the check run (${failure.text}) — the token cannot see ${req.run.owner}/${req.run.repo}, or it has no \`checks: write\`.`;
    }
    return `check-run: could not ${what} the check run (${failure.text}).`;
}
/** Creates the check run in progress. Never throws: no id and one warning when it cannot. */
async function createCheckRun(req) {
    const { owner, repo } = req.run;
    const sha = checkRunSha(req.run);
    if (!owner || !repo || !sha) {
        return {
            id: null,
            warning: 'check-run: not a GitHub Actions run (no repository or commit); no check run.',
        };
    }
    if (!req.token)
        return { id: null, warning: NO_TOKEN_WARNING };
    const timeoutMs = req.timeoutMs ?? CREATE_TIMEOUT_MS;
    const signal = (0,request_error/* deadline */.nl)(timeoutMs, req.signal);
    try {
        const body = (0,secrets/* scrubDeep */.wE)({
            name: checkRunName(req.packages),
            head_sha: sha,
            status: 'in_progress',
            started_at: req.startedAt.toISOString(),
            ...(req.detailsUrl ? { details_url: req.detailsUrl } : {}),
            // Scrubbed before it is rendered: escaping (`a\_b`) would hide a secret from a scrub of the text.
            output: startedOutput((0,secrets/* scrubDeep */.wE)([...req.packages]), req.runnerName === null ? null : (0,secrets/* scrub */._I)(req.runnerName)),
        });
        const { data } = await clientFor(req, req.token).rest.checks.create({
            owner,
            repo,
            ...body,
            request: { signal },
        });
        const id = data?.id;
        if (typeof id !== 'number' || !Number.isSafeInteger(id) || id <= 0) {
            return { id: null, warning: 'check-run: GitHub answered the create without a check run id.' };
        }
        return { id, warning: null };
    }
    catch (err) {
        return { id: null, warning: (0,secrets/* scrub */._I)(warningFor(err, signal.aborted, req, 'create', timeoutMs)) };
    }
}
/**
 * Completes the check run with the report: the conclusion, the output and the first 50 annotations in one
 * request (so the result is there even if a later one fails), then the rest 50 at a time (GitHub appends
 * them). Never throws.
 */
async function completeCheckRun(req) {
    const { owner, repo } = req.run;
    if (!owner || !repo)
        return { completed: false, updates: 0, warning: null };
    if (!req.token)
        return { completed: false, updates: 0, warning: NO_TOKEN_WARNING };
    const timeoutMs = req.timeoutMs ?? COMPLETE_TIMEOUT_MS;
    const overall = (0,request_error/* deadline */.nl)(timeoutMs, req.signal);
    // Rendered from the scrubbed report: markdown escaping would hide a secret from a scrub of the text.
    const report = (0,secrets/* scrubDeep */.wE)(req.report);
    const output = renderCheckOutput(report);
    const path = req.run.workflowPath;
    const batches = path ? annotationBatches(renderCheckAnnotations(report, path)) : [];
    const client = clientFor(req, req.token);
    let updates = 0;
    for (let i = 0; i < Math.max(1, batches.length); i++) {
        const first = i === 0;
        const body = (0,secrets/* scrubDeep */.wE)({
            ...(first
                ? {
                    status: 'completed',
                    conclusion: checkConclusion(report.status),
                    completed_at: report.endTime,
                    ...(req.detailsUrl ? { details_url: req.detailsUrl } : {}),
                }
                : {}),
            output: { ...output, ...(batches[i] ? { annotations: batches[i] } : {}) },
        });
        const signal = (0,request_error/* deadline */.nl)(Math.min(REQUEST_TIMEOUT_MS, timeoutMs), overall);
        try {
            await client.rest.checks.update({ owner, repo, check_run_id: req.id, ...body, request: { signal } });
            updates++;
        }
        catch (err) {
            const why = warningFor(err, signal.aborted, req, first ? 'complete' : 'annotate', timeoutMs);
            const lost = batches.slice(i).reduce((n, b) => n + b.length, 0);
            const warning = first
                ? why
                : `${why.replace(/\.$/, '')}; the check run is complete, but ${lost} of its ${batches.flat().length} annotations were not added.`;
            return { completed: !first, updates, warning: (0,secrets/* scrub */._I)(warning) };
        }
    }
    return { completed: true, updates, warning: null };
}


/***/ }),

/***/ 17409:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SU: () => (/* binding */ requestFailure),
/* harmony export */   TN: () => (/* binding */ oneLine),
/* harmony export */   nl: () => (/* binding */ deadline)
/* harmony export */ });
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


/***/ }),

/***/ 57994:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hn: () => (/* binding */ cell),
/* harmony export */   Kx: () => (/* binding */ PACKAGE_EMOJI),
/* harmony export */   OF: () => (/* binding */ fenced),
/* harmony export */   Qq: () => (/* binding */ text),
/* harmony export */   SS: () => (/* binding */ codeSpan),
/* harmony export */   TN: () => (/* binding */ oneLine),
/* harmony export */   Yk: () => (/* binding */ failedFirst),
/* harmony export */   _M: () => (/* binding */ where),
/* harmony export */   nf: () => (/* binding */ link),
/* harmony export */   renderAnnotations: () => (/* binding */ renderAnnotations),
/* harmony export */   renderJobSummary: () => (/* binding */ renderJobSummary)
/* harmony export */ });
/* unused harmony exports SUMMARY_LIMIT_BYTES, SUMMARY_TARGET_BYTES, MAX_ANNOTATIONS, imagesTable */
/* harmony import */ var _notify_render_limits_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(87284);
/* harmony import */ var _image_facts_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(80613);
/* harmony import */ var _size_change_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(89678);



/** GitHub's hard limit for one step's summary. */
const SUMMARY_LIMIT_BYTES = (/* unused pure expression or super */ null && (1024 * 1024));
/** What the renderer aims for, leaving room for anything the caller adds. */
const SUMMARY_TARGET_BYTES = 900 * 1024;
/** GitHub shows at most 10 error annotations per step. */
const MAX_ANNOTATIONS = 10;
const HEADINGS = {
    success: '✅ Jetson Containers Build Success',
    failure: '❌ Jetson Containers Build Failure',
    cancelled: '⏹ Jetson Containers Build Cancelled',
};
const PACKAGE_EMOJI = {
    success: '✅',
    failure: '❌',
    cancelled: '⏹',
    'not-built': '⏭',
};
const bytes = (s) => Buffer.byteLength(s, 'utf8');
function oneLine(s) {
    return s.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
/** Plain text that renders as itself: markdown and HTML characters escaped, on one line. */
function text(s, max) {
    return (0,_notify_render_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(oneLine(s), max).replace(/[\\`*_[\]<>|#~&]/g, '\\$&');
}
/** Text for a table cell: one line, `|` escaped (also inside code spans, as GFM requires). */
function cell(s, max) {
    return text(s, max) || ' ';
}
/** An inline code span that no backtick inside can close; safe in a table cell. */
function codeSpan(s, max) {
    const body = (0,_notify_render_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(oneLine(s), max);
    if (body === '')
        return ' ';
    const fence = '`'.repeat((0,_notify_render_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .longestBacktickRun */ .Az)(body) + 1);
    const pad = body.startsWith('`') || body.endsWith('`') ? ' ' : '';
    return fence + pad + body.replace(/\|/g, '\\|') + pad + fence;
}
/** A fenced block whose fence is longer than any backtick run in its lines. */
function fenced(lines, lang = '') {
    const body = lines.join('\n');
    const fence = (0,_notify_render_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .fenceFor */ .Lt)(body);
    return `${fence}${lang}\n${body}\n${fence}`;
}
function where(f) {
    if (f.stage === null)
        return f.phase;
    const pos = f.stageIndex !== null && f.stageCount !== null ? `${f.stageIndex}/${f.stageCount}, ` : '';
    return `${f.stage} (${pos}${f.phase})`;
}
function link(label, url) {
    if (!url || !/^https?:\/\//i.test(url) || url.length > 2000)
        return null;
    return `[${label}](${url.replace(/[()\s]/g, encodeURIComponent)})`;
}
function packageRow(p) {
    const failure = p.failure
        ? `${cell(where(p.failure), 200)}${p.failure.error ? `: ${cell(p.failure.error, 300)}` : ''}`
        : p.status === 'not-built'
            ? 'not built'
            : ' ';
    const image = p.pushedImage ?? p.image;
    return `| ${PACKAGE_EMOJI[p.status]} ${p.status} | ${cell(p.name, 200)} | ${image ? codeSpan(image, 300) : ' '} | ${(0,_notify_render_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(p.durationSeconds)} | ${failure} |`;
}
/** Failed, then cancelled, then the rest, each in report order. */
function failedFirst(packages) {
    const rank = (p) => (p.status === 'failure' ? 0 : p.status === 'cancelled' ? 1 : 2);
    return packages
        .map((p, i) => ({ p, i }))
        .sort((a, b) => rank(a.p) - rank(b.p) || a.i - b.i)
        .map((x) => x.p);
}
function packagesTable(report, budget) {
    if (report.packages.length === 0)
        return '';
    const head = '| Status | Package | Image | Duration | Failure point |\n| --- | --- | --- | --- | --- |';
    const rows = [];
    let used = bytes(head) + 200;
    const ordered = report.packages.length > 1 ? failedFirst(report.packages) : report.packages;
    let shown = 0;
    for (const p of ordered) {
        const row = packageRow(p);
        const cost = bytes(row) + 1;
        if (used + cost > budget)
            break;
        rows.push(row);
        used += cost;
        shown++;
    }
    let out = `${head}\n${rows.join('\n')}`;
    const hidden = ordered.slice(shown);
    if (hidden.length) {
        const failed = hidden.filter((p) => p.status === 'failure').length;
        out += `\n\n_… and ${hidden.length} more packages (${failed} failed) not shown; see report.json in the logs._`;
    }
    return out;
}
/**
 * The size, and with compare-size its change linked to the run it is measured against:
 * `8.2 GB · ⚠ [+340 MB (+4.3 %)](…/runs/4241)`.
 */
function sizeCell(f) {
    if (f.sizeBytes === null)
        return ' ';
    const change = (0,_size_change_js__WEBPACK_IMPORTED_MODULE_1__/* .changeOf */ .C2)(f);
    if (change === null)
        return (0,_image_facts_js__WEBPACK_IMPORTED_MODULE_2__/* .formatBytes */ .z3)(f.sizeBytes);
    const note = (0,_size_change_js__WEBPACK_IMPORTED_MODULE_1__/* .sizeChangeNote */ .E3)(change);
    const flag = change.flagged ? '⚠ ' : '';
    const linked = link(note.slice(flag.length), change.previousRunUrl);
    return `${(0,_image_facts_js__WEBPACK_IMPORTED_MODULE_2__/* .formatBytes */ .z3)(f.sizeBytes)} · ${linked ? flag + linked : note}`;
}
/** Rows of the images table at most: the rest are in report.json and the outputs. */
const MAX_IMAGE_ROWS = 50;
/** What docker said of each built image: size, layers, architecture, digest (empty when none was inspected). */
function imagesTable(report) {
    const rows = [];
    const seen = new Set();
    let more = 0;
    for (const p of report.packages) {
        const f = p.status === 'success' ? (0,_image_facts_js__WEBPACK_IMPORTED_MODULE_2__.factsOf)(p) : null;
        if (f === null || seen.has(f.image))
            continue;
        seen.add(f.image);
        if (rows.length >= MAX_IMAGE_ROWS) {
            more++;
            continue;
        }
        const digest = (0,_image_facts_js__WEBPACK_IMPORTED_MODULE_2__/* .digestOnly */ .Jp)(f.digest);
        rows.push(`| ${codeSpan(f.image, 300)} | ${sizeCell(f)} | ` +
            `${f.layers ?? ' '} | ${f.architecture ? cell(f.architecture, 60) : ' '} | ` +
            `${digest ? codeSpan(digest, 80) : ' '} |`);
    }
    if (rows.length === 0)
        return '';
    const head = '| Image | Size | Layers | Architecture | Digest |\n| --- | --- | --- | --- | --- |';
    const tail = more > 0 ? `\n\n_… and ${more} more images; see report.json or the \`image-sizes\` output._` : '';
    return `${head}\n${rows.join('\n')}${tail}`;
}
function failureSection(title, f, budget) {
    const parts = [`#### ${text(title, 200)} — ${text(where(f), 300)}`];
    if (f.error)
        parts.push(`**Error:** ${text(f.error, 2000)}`);
    if (f.logFile)
        parts.push(`Stage log: ${codeSpan(f.logFile, 400)}`);
    const lines = f.excerpt.slice(-60).map((l) => (0,_notify_render_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(l, 1000));
    if (lines.length) {
        // Drop leading lines until the block fits: the end of a log matters most.
        let block = fenced(lines, 'text');
        while (bytes(block) > budget && lines.length > 1) {
            lines.shift();
            block = fenced(['…', ...lines], 'text');
        }
        parts.push(block);
    }
    return parts.join('\n\n');
}
/** The step summary markdown for a report; always under 1 MiB (aims for 900 KiB). */
function renderJobSummary(report) {
    const sections = [];
    sections.push(`## ${HEADINGS[report.status] ?? HEADINGS.failure}`);
    sections.push(text(report.message, 2000));
    const facts = [
        `**Duration:** ${(0,_notify_render_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(report.durationSeconds)}`,
        report.exitCode !== null ? `**Exit code:** ${report.exitCode}` : null,
        report.signal ? `**Signal:** ${text(report.signal, 40)}` : null,
        report.runner.name ? `**Runner:** ${text(report.runner.name, 200)}` : null,
    ].filter((x) => x !== null);
    sections.push(facts.join(' · '));
    const links = [
        report.run.jobUrl !== report.run.runUrl ? link('Job', report.run.jobUrl ?? null) : null,
        link('Workflow run', report.run.runUrl),
        link('Logs artifact', report.logs.artifactUrl),
    ].filter((x) => x !== null);
    const logLine = [links.join(' · '), `Console log on the runner: ${codeSpan(report.logs.consoleLog, 500)}`]
        .filter(Boolean)
        .join(' — ');
    sections.push(report.logs.uploadError && !report.logs.artifactUrl
        ? `${logLine}\n\n> Log upload failed: ${text(report.logs.uploadError, 500)}`
        : logLine);
    // Everything but the table first, so the table gets exactly what is left.
    const tail = [];
    const failures = [];
    for (const p of report.packages)
        if (p.failure && p.status === 'failure')
            failures.push([p.name, p.failure]);
    if (failures.length === 0 && report.failure && report.status !== 'success') {
        failures.push([report.status === 'cancelled' ? 'Cancelled' : 'Failure', report.failure]);
    }
    if (failures.length) {
        tail.push(report.status === 'cancelled' ? '### Cancelled' : '### Failures');
        const shown = failures.slice(0, 10);
        for (const [name, f] of shown)
            tail.push(failureSection(name, f, 24 * 1024));
        if (failures.length > shown.length) {
            tail.push(`_… and ${failures.length - shown.length} more failed packages; see the package table._`);
        }
    }
    const env = Object.entries(report.environment).filter((e) => e[0] !== 'source' && typeof e[1] === 'string' && e[1] !== '');
    const images = imagesTable(report);
    if (images)
        tail.push('### Images', images);
    tail.push('### Environment');
    tail.push(env.length
        ? `| Variable | Value |\n| --- | --- |\n${env.map(([k, v]) => `| ${cell(k, 100)} | ${cell(v, 300)} |`).join('\n')}`
        : '_Not detected._');
    tail.push('### Command');
    tail.push(fenced([(0,_notify_render_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(oneLine(report.command.display), 8000)], 'bash'));
    const before = sections.join('\n\n');
    const after = tail.join('\n\n');
    const left = SUMMARY_TARGET_BYTES - bytes(before) - bytes(after) - 200;
    const table = packagesTable(report, Math.max(0, left));
    const out = [before, table ? `### Packages\n\n${table}` : '', after].filter(Boolean).join('\n\n') + '\n';
    return out;
}
/** One error annotation per failed package (at most 10; the tenth names the rest when there are more). */
function renderAnnotations(report) {
    const failed = report.packages.filter((p) => p.status === 'failure');
    const one = (name, f) => {
        const at = f ? where(f) : 'unknown';
        const error = f?.error ?? report.message;
        return {
            title: (0,_notify_render_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(oneLine(`Build failed: ${name}`), 200),
            message: (0,_notify_render_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(`${at}: ${error}`, 4000),
        };
    };
    if (failed.length === 0) {
        return report.status === 'failure'
            ? [one(report.requestedPackages.join(' ') || 'jetson-containers', report.failure)]
            : [];
    }
    if (failed.length <= MAX_ANNOTATIONS)
        return failed.map((p) => one(p.name, p.failure));
    const out = failed.slice(0, MAX_ANNOTATIONS - 1).map((p) => one(p.name, p.failure));
    const rest = failed.slice(MAX_ANNOTATIONS - 1);
    out.push({
        title: `${rest.length} more packages failed`,
        message: (0,_notify_render_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(rest.map((p) => p.name).join(', '), 4000),
    });
    return out;
}


/***/ })

};
