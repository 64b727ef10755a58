export const id = 918;
export const ids = [918];
export const modules = {

/***/ 90918:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   findPreviousSizes: () => (/* binding */ findPreviousSizes)
/* harmony export */ });
/* unused harmony exports PREVIOUS_SIZE_TIMEOUT_MS, MAX_ARTIFACT_BYTES, MAX_UNPACKED_BYTES, NO_TOKEN_WARNING, pickArtifacts, packageSize */
/* harmony import */ var node_async_hooks__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(16698);
/* harmony import */ var node_async_hooks__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_async_hooks__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_diagnostics_channel__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(53053);
/* harmony import */ var node_diagnostics_channel__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_diagnostics_channel__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _runner_github_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(99863);
/* harmony import */ var _notify_change_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(33193);
/* harmony import */ var _request_error_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(17409);
// `compare-size`: the size each package's image had in the previous successful run of this workflow on this
// branch, read from that run's report.json (in its logs artifact, or the fleet's `jetson-report-…` artifact).
// The run listing is the one `notify-on: change` uses (runner/github.ts); the download is @actions/artifact's.
// Bounded as a whole (it runs before the report is written and notified), never throws, never logs: the
// caller prints the one warning it returns, and only for what a person can fix.







/** Everything together (listing, downloads, reading) gives up after this long. */
const PREVIOUS_SIZE_TIMEOUT_MS = 20_000;
/** Larger artifacts are not downloaded: a logs artifact that big holds far more than the report. */
const MAX_ARTIFACT_BYTES = 32 * 1024 * 1024;
/** Successful runs looked at (a run may not have built the package, or its artifacts may have expired). */
const MAX_RUNS = 3;
/** Artifacts downloaded, over all runs. */
const MAX_DOWNLOADS = 4;
/** Completed runs listed to find the successful ones, as notify-on change pages them. */
const PER_PAGE = 20;
const MAX_PAGES = 2;
const MAX_REPORT_BYTES = 16 * 1024 * 1024;
/**
 * What an artifact may unpack to before anything in it is read. @actions/artifact unpacks as it downloads
 * with no bound of its own, so this is checked afterwards; what it unpacks is bounded in practice because
 * artifacts come only from this repository's own runs (see ownRun) and their listed size is checked first.
 */
const MAX_UNPACKED_BYTES = 8 * MAX_ARTIFACT_BYTES;
/** Entries walked when totalling an unpacked artifact; more counts as too large. */
const MAX_UNPACKED_ENTRIES = 10_000;
const PREFIX = 'compare-size: could not read the previous image sizes';
const NO_TOKEN_WARNING = `${PREFIX} (github-token is empty) — leave \`github-token\` at its default (\`\${{ github.token }}\`) ` +
    'and give the workflow `permissions: actions: read`.';
/** The previous sizes of `req.packages`. Never throws; see PreviousSizeAnswer. */
async function findPreviousSizes(req) {
    const none = (warning = null) => ({ sizes: new Map(), warning });
    if (req.packages.length === 0)
        return none();
    if (!req.token)
        return none(NO_TOKEN_WARNING);
    const { owner, repo, runId } = req.run;
    if (!owner || !repo || runId === null) {
        req.info?.('compare-size: not a GitHub Actions run (no GITHUB_REPOSITORY or GITHUB_RUN_ID); nothing to compare.');
        return none();
    }
    const { isGhesServer } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 19153));
    if (isGhesServer(req.run.serverUrl)) {
        req.info?.('compare-size: artifact downloads are not supported on GitHub Enterprise Server; nothing to compare.');
        return none();
    }
    const timeoutMs = req.timeoutMs ?? PREVIOUS_SIZE_TIMEOUT_MS;
    const client = (0,_runner_github_js__WEBPACK_IMPORTED_MODULE_4__/* .githubClient */ .$f)(req.token, req.run.apiUrl);
    const sources = {
        runs: (0,_runner_github_js__WEBPACK_IMPORTED_MODULE_4__/* .workflowRunsApi */ ._P)(client, owner, repo),
        listArtifacts: (id, signal) => listArtifacts(client, owner, repo, id, signal),
        download: (artifactId, fromRun, dir, ms, signal) => downloadArtifact(artifactId, { token: req.token, owner, repo, runId: fromRun }, dir, ms, signal),
    };
    const sizes = new Map();
    const deadline = Date.now() + timeoutMs;
    const timeUp = AbortSignal.timeout(timeoutMs);
    const signal = req.stop ? AbortSignal.any([timeUp, req.stop]) : timeUp;
    try {
        const warning = await search(req, sources, sizes, deadline, signal);
        return { sizes, warning };
    }
    catch (err) {
        // Stopped by a cancel: nothing to warn about, the build's result is what matters now.
        if (req.stop?.aborted)
            return none();
        return { sizes, warning: describeFailure(err, timeUp.aborted, req.run.apiUrl, timeoutMs) };
    }
}
/** Walks the previous successful runs until every package has a size; returns a warning or null. */
async function search(req, sources, sizes, deadline, signal) {
    const repository = `${req.run.owner}/${req.run.repo}`;
    const runs = await successfulRuns(sources.runs, req.run.runId, repository, signal);
    if (runs.length === 0) {
        req.info?.('compare-size: no earlier successful run of this workflow on this branch; nothing to compare.');
        return null;
    }
    let downloads = 0;
    for (const run of runs) {
        const artifacts = await sources.listArtifacts(run.id, signal);
        const runUrl = `${req.run.serverUrl}/${req.run.owner}/${req.run.repo}/actions/runs/${run.id}`;
        const label = run.runNumber === null ? `run ${run.id}` : `run #${run.runNumber}`;
        const candidates = pickArtifacts(artifacts, req.artifactName, req.maxArtifactBytes ?? MAX_ARTIFACT_BYTES);
        if (candidates.length === 0)
            req.info?.(`compare-size: ${label} has no report artifact left to read.`);
        for (const artifact of candidates) {
            if (downloads >= MAX_DOWNLOADS)
                break;
            downloads++;
            const report = await fetchReport(req, sources, artifact, run.id, deadline, signal);
            if (report instanceof TooLarge) {
                return `compare-size: the artifact '${artifact.name}' of ${label} unpacks to more than ${report.limit} bytes; it was not read.`;
            }
            if (report instanceof DownloadFailure) {
                const status = report.status === null ? '' : `HTTP ${report.status}: `;
                const hint = report.status === null ? '' : (HINTS[report.status] ?? '');
                return `${PREFIX} (downloading the artifact '${artifact.name}' of ${label} failed: ${status}${report.message})${hint}.`;
            }
            for (const name of req.packages.filter((p) => !sizes.has(p))) {
                const size = packageSize(report, name);
                if (size !== null) {
                    sizes.set(name, { sizeBytes: size, runId: run.id, runNumber: run.runNumber, runUrl });
                }
            }
            if (req.packages.every((p) => sizes.has(p)))
                return null;
        }
    }
    const missing = req.packages.filter((p) => !sizes.has(p));
    req.info?.(`compare-size: no earlier size for ${missing.join(', ')} in the last successful runs.`);
    return null;
}
/** The most recent earlier successful runs (at most MAX_RUNS), newest first. */
async function successfulRuns(api, runId, repository, signal) {
    const current = await api.getRun(runId, signal);
    if (current.workflowId === null)
        throw new _notify_change_js__WEBPACK_IMPORTED_MODULE_5__/* .UnexpectedAnswer */ .M7('the run has no workflow id');
    if (!current.headBranch)
        return [];
    const found = [];
    for (let page = 1; page <= MAX_PAGES && found.length < MAX_RUNS; page++) {
        const runs = await api.listCompletedRuns(current.workflowId, current.headBranch, page, PER_PAGE, signal);
        for (const r of runs) {
            const earlier = !(r.runNumber !== null &&
                current.runNumber !== null &&
                r.runNumber >= current.runNumber);
            const counts = r.id !== current.id && earlier && r.conclusion === 'success' && (0,_notify_change_js__WEBPACK_IMPORTED_MODULE_5__/* .ownRun */ .SI)(r, repository);
            if (counts && found.length < MAX_RUNS) {
                found.push(r);
            }
        }
        if (runs.length < PER_PAGE)
            break;
    }
    return found;
}
/** The stem of an artifact name: without the run attempt that ends it (`-attempt2`, or the fleet's `-2`). */
function stem(name) {
    return name.replace(/-(?:attempt)?\d+$/, '');
}
/**
 * The artifacts that may hold this job's report, in the order to try them: the fleet's report artifact of the
 * same leg, the logs artifact of the same job and leg, then the other report and logs artifacts, smaller first.
 * Expired and oversized ones are left out.
 */
function pickArtifacts(artifacts, artifactName, maxBytes = MAX_ARTIFACT_BYTES) {
    const own = artifactName ? stem(artifactName) : null;
    const ownReport = own?.startsWith('jetson-build-logs-')
        ? `jetson-report-${own.slice('jetson-build-logs-'.length)}`
        : null;
    const rank = (a) => {
        const s = stem(a.name);
        if (ownReport !== null && s === ownReport)
            return 0;
        if (own !== null && s === own)
            return 1;
        if (a.name.startsWith('jetson-report-'))
            return 2;
        if (a.name.startsWith('jetson-build-logs-'))
            return 3;
        return 4;
    };
    return artifacts
        .filter((a) => !a.expired && a.sizeBytes <= maxBytes && rank(a) < 4)
        .sort((a, b) => rank(a) - rank(b) || a.sizeBytes - b.sizeBytes || a.id - b.id);
}
/** Why an artifact could not be downloaded: an HTTP status from the API when it gave one, and its words. */
class DownloadFailure {
    status;
    message;
    constructor(status, message) {
        this.status = status;
        this.message = message;
    }
}
/** The report in one artifact, or why it could not be downloaded (a report that is not there is null). */
async function fetchReport(req, sources, artifact, runId, deadline, signal) {
    const left = deadline - Date.now();
    if (left <= 0)
        throw Object.assign(new Error('out of time'), { timedOut: true });
    signal.throwIfAborted();
    const dir = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdtemp)(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(req.tempDir, 'jetson-previous-size-'));
    try {
        try {
            await sources.download(artifact.id, runId, dir, left, signal);
        }
        catch (err) {
            if (err.timedOut === true || signal.aborted)
                throw err;
            const status = err.status;
            return new DownloadFailure(typeof status === 'number' ? status : null, (0,_request_error_js__WEBPACK_IMPORTED_MODULE_6__/* .oneLine */ .TN)(message(err)));
        }
        const limit = req.maxUnpackedBytes ?? MAX_UNPACKED_BYTES;
        if (!(await within(dir, limit)))
            return new TooLarge(limit);
        return await readReport(dir);
    }
    finally {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(dir, { recursive: true, force: true }).catch(() => undefined);
    }
}
class TooLarge {
    limit;
    constructor(limit) {
        this.limit = limit;
    }
}
/** The files under `dir` total at most `limit` bytes (links are not followed; too many entries is too much). */
async function within(dir, limit) {
    let total = 0;
    let entries = 0;
    const pending = [dir];
    for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
        for (const e of await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readdir)(next, { withFileTypes: true })) {
            if (++entries > MAX_UNPACKED_ENTRIES)
                return false;
            const full = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(next, e.name);
            if (e.isDirectory())
                pending.push(full);
            else if (e.isFile())
                total += (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.lstat)(full)).size;
            if (total > limit)
                return false;
        }
    }
    return true;
}
/** report.json in an unpacked artifact (at its top, or a folder or two down), parsed; null when absent. */
async function readReport(dir, depth = 0) {
    let entries;
    try {
        entries = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readdir)(dir, { withFileTypes: true });
    }
    catch {
        return null;
    }
    if (entries.some((e) => e.isFile() && e.name === 'report.json')) {
        const parsed = await readJson(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(dir, 'report.json'));
        if (parsed !== null)
            return parsed;
    }
    if (depth >= 2)
        return null;
    for (const e of entries.filter((x) => x.isDirectory()).sort((a, b) => (a.name < b.name ? -1 : 1))) {
        const found = await readReport(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(dir, e.name), depth + 1);
        if (found !== null)
            return found;
    }
    return null;
}
async function readJson(file) {
    try {
        const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.open)(file, node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.constants.O_RDONLY | node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.constants.O_NOFOLLOW);
        try {
            const stat = await handle.stat();
            if (!stat.isFile() || stat.size > MAX_REPORT_BYTES)
                return null;
            return JSON.parse(await handle.readFile('utf8'));
        }
        finally {
            await handle.close();
        }
    }
    catch {
        return null;
    }
}
/**
 * The image size `name` had in a report (schema 1 reports have none; later ones are read the same way), or
 * null: the report comes from an artifact, so every field is checked.
 */
function packageSize(report, name) {
    if (typeof report !== 'object' || report === null)
        return null;
    const r = report;
    if (typeof r.schemaVersion !== 'number' || r.schemaVersion < 1 || !Array.isArray(r.packages))
        return null;
    for (const p of r.packages) {
        if (typeof p !== 'object' || p === null)
            continue;
        const pkg = p;
        if (pkg.name !== name || pkg.status !== 'success')
            continue;
        const size = pkg.imageFacts?.sizeBytes;
        if (typeof size === 'number' && Number.isSafeInteger(size) && size > 0)
            return size;
    }
    return null;
}
async function listArtifacts(client, owner, repo, runId, signal) {
    const { data } = await client.rest.actions.listWorkflowRunArtifacts({
        owner,
        repo,
        run_id: runId,
        per_page: 100,
        request: { signal },
    });
    const list = data.artifacts;
    if (!Array.isArray(list))
        throw new _notify_change_js__WEBPACK_IMPORTED_MODULE_5__/* .UnexpectedAnswer */ .M7('the list of artifacts has no artifacts');
    return list.flatMap((a) => {
        const x = (a ?? {});
        if (typeof x.id !== 'number' || typeof x.name !== 'string')
            return [];
        const size = typeof x.size_in_bytes === 'number' ? x.size_in_bytes : Number.POSITIVE_INFINITY;
        return [{ id: x.id, name: x.name, sizeBytes: size, expired: x.expired === true }];
    });
}
const downloadContext = new node_async_hooks__WEBPACK_IMPORTED_MODULE_0__.AsyncLocalStorage();
/**
 * Downloads and unpacks one artifact with @actions/artifact, within `timeoutMs`. The library takes no signal
 * and retries a failed blob download five times, 5 s apart: the blob request it makes (node:http, tagged
 * through AsyncLocalStorage) is watched, so a refusal ends the wait at once, with its status, and any retry
 * is cut off; an abandoned download unwinds in the background (the entry points exit once done).
 */
async function downloadArtifact(artifactId, from, dir, timeoutMs, signal) {
    const { DefaultArtifactClient } = await __webpack_require__.e(/* import() */ 645).then(__webpack_require__.bind(__webpack_require__, 9645));
    const tag = Symbol('previous-size download');
    const watch = watchBlob(tag);
    let timer;
    const onAbort = () => watch.abandon(new Error('stopped'));
    const timeUp = new Promise((_, reject) => {
        timer = setTimeout(() => reject(Object.assign(new Error('out of time'), { timedOut: true })), timeoutMs);
    });
    signal.addEventListener('abort', onAbort, { once: true });
    const work = downloadContext.run(tag, () => new DefaultArtifactClient().downloadArtifact(artifactId, {
        path: dir,
        findBy: {
            token: from.token,
            workflowRunId: from.runId,
            repositoryOwner: from.owner,
            repositoryName: from.repo,
        },
    }));
    // Abandoned, it still settles later: nobody is listening then.
    work.catch(() => undefined);
    try {
        await Promise.race([work, timeUp, watch.failed]);
    }
    finally {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        watch.stop();
    }
}
/**
 * Watches the blob requests made under `tag`: `failed` rejects on the first one refused or unreachable, or
 * when the download is abandoned (then every open request is ended, and any retry as soon as it starts).
 */
function watchBlob(tag) {
    let fail = () => undefined;
    const failed = new Promise((_, reject) => (fail = reject));
    failed.catch(() => undefined);
    const open = new Set();
    let over = false;
    const end = (req) => {
        process.nextTick(() => {
            if (!req.destroyed)
                req.destroy(new Error('download abandoned'));
        });
    };
    const giveUp = (err) => {
        if (over)
            return;
        over = true;
        fail(err);
    };
    const onStart = (msg) => {
        if (downloadContext.getStore() !== tag)
            return;
        const req = msg.request;
        // A retry of a download already given up: ended before it goes out, so it cannot hold the step.
        if (over)
            return end(req);
        open.add(req);
        req.once('close', () => open.delete(req));
        req.once('response', (res) => {
            if (res.statusCode !== 200)
                giveUp(new Error(`blob storage answered HTTP ${res.statusCode ?? 0}`));
        });
        req.once('error', (err) => {
            giveUp(new Error(`blob storage could not be reached (${typeof err.code === 'string' ? err.code : err.message})`));
        });
    };
    node_diagnostics_channel__WEBPACK_IMPORTED_MODULE_1___default().subscribe('http.client.request.start', onStart);
    return {
        failed,
        abandon(err) {
            giveUp(err);
            for (const req of open)
                end(req);
        },
        stop() {
            over = true;
            for (const req of open)
                end(req);
            // Kept for retries still to come from an abandoned download, then dropped: they stop within 30 s.
            setTimeout(() => node_diagnostics_channel__WEBPACK_IMPORTED_MODULE_1___default().unsubscribe('http.client.request.start', onStart), 30_000).unref();
        },
    };
}
const HINTS = {
    401: ' — the github-token is not valid (expired, revoked or not a token)',
    403: ' — the workflow needs `permissions: actions: read`',
    404: ' — the token cannot see this repository’s runs; the workflow needs `permissions: actions: read`',
};
/** What stopped the look-up, in one warning: the API's status and words, or what kept the answer away. */
function describeFailure(err, timedOut, apiUrl, timeoutMs) {
    if (timedOut || err?.timedOut === true) {
        return `${PREFIX} (no answer within ${timeoutMs / 1000} s from ${apiUrl} or artifact storage).`;
    }
    if (err instanceof _notify_change_js__WEBPACK_IMPORTED_MODULE_5__/* .UnexpectedAnswer */ .M7) {
        return `${PREFIX} (the answer from ${apiUrl} was not understood: ${(0,_request_error_js__WEBPACK_IMPORTED_MODULE_6__/* .oneLine */ .TN)(err.message)}).`;
    }
    const failure = (0,_request_error_js__WEBPACK_IMPORTED_MODULE_6__/* .requestFailure */ .SU)(err, false, apiUrl, timeoutMs);
    return `${PREFIX} (${failure.text})${failure.status === null ? '' : (HINTS[failure.status] ?? '')}.`;
}
function message(err) {
    return err instanceof Error ? err.message : String(err);
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


/***/ })

};
