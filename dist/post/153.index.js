export const id = 153;
export const ids = [153];
export const modules = {

/***/ 19153:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   defaultArtifactName: () => (/* binding */ defaultArtifactName),
/* harmony export */   uploadLogs: () => (/* binding */ uploadLogs)
/* harmony export */ });
/* unused harmony exports parseRetentionDays, parseArtifactName, isGhesServer, collectLogFiles, uploadsInFlight */
/* harmony import */ var node_async_hooks__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(16698);
/* harmony import */ var node_async_hooks__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_async_hooks__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_diagnostics_channel__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(53053);
/* harmony import */ var node_diagnostics_channel__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_diagnostics_channel__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_5___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_5__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(83916);
// Uploads the log folder as a workflow artifact through @actions/artifact, bounded in time, and never throws:
// every way it can fail comes back as one sentence the notifications and the job log can show.
//
// How a hung upload is ended: the library takes no abort signal and can wait for minutes (a 3 min socket
// timeout × 5 Twirp attempts, a 5 min stall timer on blob storage). Every HTTP request the library makes
// while uploading is tagged through AsyncLocalStorage (seen via the `http.client.request.start`
// diagnostics channel); when our timer fires, those requests are destroyed and any the library still
// starts is destroyed at once (with errors the library does not retry), so its promise settles within
// seconds: at most one retry sleep already under way (≤ ~15 s for Twirp, ≤ 12 s for Azure) and no socket
// keeps the process alive. The blob stall timer is also capped at our bound (ACTIONS_ARTIFACT_UPLOAD_TIMEOUT_MS).
// `uploadsInFlight()` tells an entry point whether an abandoned upload is still unwinding; the action
// should end its entry points with an explicit `process.exit()` once outputs are written, as the last
// guard against anything else left open. One upload at a time: the library reads process.env.







/** Characters the artifact service refuses in a name (it also refuses all but `\` and `/` in file paths). */
const INVALID_NAME_CHARS = /["':<>|*?\r\n\\/]/;
const INVALID_PATH_CHARS = /["':<>|*?\r\n]/;
const MAX_NAME_LENGTH = 200;
const MAX_FILES = 100_000;
const MAX_DEPTH = 32;
const DEFAULT_TIMEOUT_MS = 5 * 60_000;
/** The variables @actions/artifact reads from process.env while it uploads. */
const LIBRARY_ENV = [
    'ACTIONS_RUNTIME_TOKEN',
    'ACTIONS_RESULTS_URL',
    'GITHUB_SERVER_URL',
    'GITHUB_RETENTION_DAYS',
    'ACTIONS_ARTIFACT_UPLOAD_CONCURRENCY',
    'ACTIONS_ARTIFACT_UPLOAD_TIMEOUT_MS',
];
function slug(value) {
    return value
        .replace(/[^A-Za-z0-9._-]+/g, '_')
        .replace(/_+/g, '_')
        .replace(/^[_.-]+|[_.-]+$/g, '');
}
/** The leaf values of a matrix leg, in key order, e.g. `{"pkg":"torch:2.8","l4t":"r36"}` → torch:2.8, r36. */
function matrixValues(value, out, depth = 0) {
    if (depth > 8 || out.length > 32)
        return;
    if (value === null || value === undefined)
        return;
    if (Array.isArray(value)) {
        for (const v of value)
            matrixValues(v, out, depth + 1);
    }
    else if (typeof value === 'object') {
        for (const v of Object.values(value))
            matrixValues(v, out, depth + 1);
    }
    else {
        out.push(String(value));
    }
}
/** JSON with sorted keys, so the same leg hashes the same whatever order the keys came in. */
function canonicalJson(value) {
    if (Array.isArray(value))
        return `[${value.map(canonicalJson).join(',')}]`;
    if (value !== null && typeof value === 'object') {
        const entries = Object.entries(value).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
        return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
    }
    return JSON.stringify(value) ?? 'null';
}
/**
 * A name unique per job, matrix leg and run attempt: `jetson-build-logs-<job>[-<leg values>-<hash>]-attempt<n>`.
 * The leg part shows the matrix values for people and adds 8 hex digits of a hash of the whole leg, so two
 * legs whose values read alike after cleaning never collide. Without a run attempt (not on Actions), a UTC
 * timestamp keeps re-runs apart instead.
 */
function defaultArtifactName(ctx) {
    const job = slug(ctx.job ?? '').slice(0, 60) || 'job';
    let leg = '';
    const raw = ctx.matrix?.trim() ?? '';
    if (raw !== '' && raw !== 'null' && raw !== '{}') {
        let parsed;
        let canonical = raw;
        try {
            parsed = JSON.parse(raw);
            canonical = canonicalJson(parsed);
        }
        catch {
            parsed = raw;
        }
        const values = [];
        matrixValues(parsed, values);
        const readable = slug(values.join('-'))
            .slice(0, 80)
            .replace(/[_.-]+$/, '');
        const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.createHash)('sha256').update(canonical).digest('hex').slice(0, 8);
        leg = readable ? `-${readable}-${hash}` : `-${hash}`;
    }
    const attempt = ctx.runAttempt && /^\d+$/.test(ctx.runAttempt) ? ctx.runAttempt : null;
    const suffix = attempt
        ? `-attempt${attempt}`
        : `-${(ctx.now ?? new Date())
            .toISOString()
            .replace(/[-:]/g, '')
            .replace(/\.\d+Z$/, 'Z')}`;
    return `jetson-build-logs-${job}${leg}${suffix}`.slice(0, MAX_NAME_LENGTH);
}
/** `retention-days`: a whole number 1–90, or empty for the repository's setting. */
function parseRetentionDays(value) {
    const v = value.trim();
    if (v === '')
        return undefined;
    if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > 90) {
        throw new InputError('retention-days', value, 'a whole number of days from 1 to 90, or empty for the default');
    }
    return Number(v);
}
/** `artifact-name`: empty for the derived default, else a name the artifact service accepts. */
function parseArtifactName(value) {
    const v = value.trim();
    if (v === '')
        return undefined;
    if (INVALID_NAME_CHARS.test(v) || v.length > MAX_NAME_LENGTH) {
        throw new InputError('artifact-name', value, `at most ${MAX_NAME_LENGTH} characters, none of " ' : < > | * ? \\ / or line breaks`);
    }
    return v;
}
/** What @actions/artifact itself treats as GHES: any host but github.com, *.ghe.com and *.localhost. */
function isGhesServer(serverUrl) {
    const host = new URL(serverUrl).hostname.trimEnd().toLowerCase();
    return !(host === 'github.com' || host.endsWith('.ghe.com') || host.endsWith('.localhost'));
}
/**
 * The regular files under `dir`, recursively. Symlinks count only when they lead to a regular file
 * inside `dir`; sockets, pipes, devices and links out of the folder are skipped.
 */
async function collectLogFiles(dir) {
    const root = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.realpath)(dir);
    const files = [];
    const walk = async (current, depth) => {
        if (depth > MAX_DEPTH)
            return;
        let entries;
        try {
            entries = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.readdir)(current, { withFileTypes: true });
        }
        catch (err) {
            // An unreadable sub-folder (a root-owned docker leftover) should not cost the rest of the logs.
            if (depth === 0)
                throw err;
            return;
        }
        entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        for (const entry of entries) {
            if (files.length >= MAX_FILES)
                return;
            const full = node_path__WEBPACK_IMPORTED_MODULE_5___default().join(current, entry.name);
            if (entry.isDirectory()) {
                await walk(full, depth + 1);
            }
            else if (entry.isFile()) {
                files.push(full);
            }
            else if (entry.isSymbolicLink()) {
                try {
                    const target = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.realpath)(full);
                    if (target.startsWith(root + (node_path__WEBPACK_IMPORTED_MODULE_5___default().sep)) && (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.stat)(target)).isFile())
                        files.push(full);
                }
                catch {
                    // A dangling link: nothing to upload.
                }
            }
        }
    };
    await walk(root, 0);
    return files;
}
/**
 * When some relative path holds a character the artifact service refuses (a `:` from an image tag),
 * mirrors the folder as symlinks with cleaned names (the library zips a link's target) and returns it.
 */
async function stageCleanNames(root, files) {
    const rel = files.map((f) => node_path__WEBPACK_IMPORTED_MODULE_5___default().relative(root, f));
    if (!rel.some((r) => INVALID_PATH_CHARS.test(r)))
        return null;
    const stage = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.mkdtemp)(node_path__WEBPACK_IMPORTED_MODULE_5___default().join(node_os__WEBPACK_IMPORTED_MODULE_4___default().tmpdir(), 'jetson-build-logs-'));
    const used = new Set();
    const staged = [];
    for (let i = 0; i < files.length; i++) {
        const clean = rel[i]
            .split((node_path__WEBPACK_IMPORTED_MODULE_5___default().sep))
            .map((part) => part.replace(/["':<>|*?\r\n]/g, '_'))
            .join((node_path__WEBPACK_IMPORTED_MODULE_5___default().sep));
        let candidate = clean;
        for (let n = 2; used.has(candidate) && n < MAX_FILES; n++) {
            const ext = node_path__WEBPACK_IMPORTED_MODULE_5___default().extname(clean);
            candidate = `${clean.slice(0, clean.length - ext.length)}~${n}${ext}`;
        }
        used.add(candidate);
        const link = node_path__WEBPACK_IMPORTED_MODULE_5___default().join(stage, candidate);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_5___default().dirname(link), { recursive: true });
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.symlink)(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.realpath)(files[i]), link);
        staged.push(link);
    }
    return { root: stage, files: staged };
}
function firstLine(text) {
    return (text.split('\n')[0] ?? '').trim().replace(/\.+$/, '');
}
function seconds(ms) {
    const s = ms / 1000;
    return Number.isInteger(s) ? String(s) : s.toFixed(1);
}
/** What a request of the upload was for, from its path; `service` = the results service (Twirp). */
function operationOf(req) {
    const [pathname = '', query = ''] = req.path.split('?');
    const twirp = /\/twirp\/[^/]+\/(\w+)$/.exec(pathname);
    if (twirp)
        return { op: twirp[1], service: true };
    if (/(^|&)comp=blocklist(&|$)/.test(query))
        return { op: 'the block list commit', service: false };
    if (/(^|&)comp=block(&|$)/.test(query))
        return { op: 'a block upload', service: false };
    return { op: 'the blob upload', service: false };
}
function describeError(err, name, observed, stallMs) {
    const e = err;
    const errName = typeof e?.name === 'string' ? e.name : '';
    const message = (0,_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .errorMessage */ .g)(err);
    if (errName === 'GHESNotSupportedError')
        return 'artifact uploads are not supported on GitHub Enterprise Server';
    if (errName === 'UsageError')
        return 'the artifact storage quota of this account is used up';
    // The Twirp client rewraps its NetworkError as `Failed to <method>: Unable to make request: <code>`.
    const network = /Unable to make request: (\w+)/.exec(message);
    if (errName === 'NetworkError' || network) {
        const code = network?.[1] ?? String(e.code);
        return `could not reach the artifact service (${code}); a self-hosted runner needs access to GitHub's artifact endpoints`;
    }
    if (errName === 'FilesNotFoundError')
        return 'no log files were found to upload';
    const twirp = /^Failed to (\w+): .*?\((\d{3})\)[^:]*(?::\s*([\s\S]*))?$/.exec(message);
    if (twirp) {
        const [, method, status, detail] = twirp;
        if (status === '409' && method === 'CreateArtifact') {
            return `an artifact named '${name}' already exists in this run (HTTP 409 on CreateArtifact); set a different artifact-name`;
        }
        const why = detail ? `: ${firstLine(detail)}` : '';
        return `the artifact service answered HTTP ${status} on ${method}${why}`;
    }
    const notOk = /^(\w+): response from backend was not ok/.exec(message);
    if (notOk)
        return `the artifact service answered ok: false on ${notOk[1]}`;
    if (/Upload progress stalled/.test(message)) {
        return `the upload to blob storage made no progress for ${seconds(stallMs)} s`;
    }
    const call = /^Failed to (\w+): ([\s\S]*)$/.exec(message);
    if (call)
        return `the artifact service call ${call[1]} failed: ${firstLine(call[2])}`;
    if (errName === 'RestError') {
        const status = typeof e.statusCode === 'number' ? e.statusCode : observed.lastFailure?.status;
        const op = observed.lastFailure && !observed.lastFailure.service ? observed.lastFailure.op : 'the blob upload';
        if (status)
            return `blob storage answered HTTP ${status} on ${op}`;
        return `the upload to blob storage failed: ${firstLine(message)}`;
    }
    if (/artifact name is not valid/.test(message))
        return firstLine(message);
    if (observed.lastFailure) {
        const f = observed.lastFailure;
        return `${f.service ? 'the artifact service' : 'blob storage'} answered HTTP ${f.status} on ${f.op}`;
    }
    return `the artifact upload failed: ${firstLine(message)}`;
}
function describeTimeout(timeoutMs, observed) {
    const base = `upload timed out after ${seconds(timeoutMs)} s`;
    const waiting = [...observed.open.values()].pop();
    if (waiting)
        return `${base} waiting for an answer to ${waiting}`;
    const f = observed.lastFailure;
    if (f)
        return `${base}; the last answer was HTTP ${f.status} on ${f.op}`;
    return base;
}
/** Applies the library's variables from `env` to process.env; returns how to put them back. */
function applyEnv(env, timeoutMs) {
    const saved = new Map();
    const set = (key, value) => {
        if (!saved.has(key))
            saved.set(key, process.env[key]);
        if (value === undefined)
            delete process.env[key];
        else
            process.env[key] = value;
    };
    if (env !== process.env)
        for (const key of LIBRARY_ENV)
            set(key, env[key]);
    // The blob stall timer: never longer than our own bound.
    const stall = Number.parseInt(env.ACTIONS_ARTIFACT_UPLOAD_TIMEOUT_MS ?? '', 10);
    const bound = Math.max(1000, Math.ceil(timeoutMs));
    set('ACTIONS_ARTIFACT_UPLOAD_TIMEOUT_MS', String(Number.isFinite(stall) && stall > 0 ? Math.min(stall, bound) : bound));
    return () => {
        for (const [key, value] of saved) {
            if (value === undefined)
                delete process.env[key];
            else
                process.env[key] = value;
        }
    };
}
/** An error the library treats as final: ECONNRESET stops Twirp retries; an unknown code stops Azure's. */
function abandonError(service) {
    return Object.assign(new Error('artifact upload abandoned after its time limit'), {
        code: service ? 'ECONNRESET' : 'ERR_ARTIFACT_ABANDONED',
    });
}
const uploadContext = new node_async_hooks__WEBPACK_IMPORTED_MODULE_0__.AsyncLocalStorage();
let inFlight = 0;
/**
 * Library uploads not yet settled, including ones abandoned at their time limit (they settle within
 * seconds once abandoned). Lets an entry point wait briefly for them before it exits.
 */
function uploadsInFlight() {
    return inFlight;
}
/**
 * Watches the HTTP requests made inside one upload (tagged via AsyncLocalStorage) so they can be reported
 * on and, once the upload is abandoned, destroyed.
 */
function watchRequests(tag) {
    const observed = { lastFailure: null, open: new Map() };
    const ours = new Set();
    let abandoned = false;
    const destroy = (req, service) => {
        process.nextTick(() => {
            if (!req.destroyed)
                req.destroy(abandonError(service));
        });
    };
    const onStart = (message) => {
        if (uploadContext.getStore() !== tag)
            return;
        const req = message.request;
        const { op, service } = operationOf(req);
        if (abandoned) {
            destroy(req, service);
            return;
        }
        ours.add(req);
        observed.open.set(req, op);
        req.once('response', (res) => {
            observed.open.delete(req);
            const status = res.statusCode ?? 0;
            if (status >= 300)
                observed.lastFailure = { status, op, service };
        });
        req.once('close', () => {
            observed.open.delete(req);
            ours.delete(req);
        });
    };
    node_diagnostics_channel__WEBPACK_IMPORTED_MODULE_2___default().subscribe('http.client.request.start', onStart);
    return {
        observed,
        abandon() {
            abandoned = true;
            for (const req of ours)
                destroy(req, operationOf(req).service);
        },
        stop() {
            node_diagnostics_channel__WEBPACK_IMPORTED_MODULE_2___default().unsubscribe('http.client.request.start', onStart);
        },
    };
}
/** Pre-checks that make an upload impossible, as a reason, or null. */
function precheck(env) {
    if (!env.ACTIONS_RUNTIME_TOKEN || !env.ACTIONS_RESULTS_URL) {
        const missing = ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_RESULTS_URL'].filter((k) => !env[k]).join(' and ');
        return `${missing} ${missing.includes(' and ') ? 'are' : 'is'} not set: artifact uploads only work inside a GitHub Actions JavaScript action step`;
    }
    try {
        new URL(env.ACTIONS_RESULTS_URL);
    }
    catch {
        return `ACTIONS_RESULTS_URL is not a valid URL`;
    }
    const server = env.GITHUB_SERVER_URL || 'https://github.com';
    try {
        if (isGhesServer(server)) {
            return `artifact uploads are not supported on GitHub Enterprise Server (host ${new URL(server).hostname})`;
        }
    }
    catch {
        return `GITHUB_SERVER_URL is not a valid URL`;
    }
    return null;
}
/** Uploads the log folder. Never throws; a failure comes back as `{ ok: false, reason }`. */
async function uploadLogs(opts) {
    try {
        return await uploadLogsUnsafe(opts);
    }
    catch (err) {
        return { ok: false, reason: `the artifact upload failed: ${firstLine((0,_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .errorMessage */ .g)(err))}` };
    }
}
async function uploadLogsUnsafe(opts) {
    const env = opts.env ?? process.env;
    const impossible = precheck(env);
    if (impossible)
        return { ok: false, reason: impossible };
    if (!opts.name || INVALID_NAME_CHARS.test(opts.name)) {
        return {
            ok: false,
            reason: `the artifact name ${JSON.stringify(opts.name)} is empty or holds a character artifacts refuse`,
        };
    }
    if (opts.retentionDays !== undefined && !(opts.retentionDays >= 1 && opts.retentionDays <= 90)) {
        return { ok: false, reason: `retention days must be from 1 to 90, not ${opts.retentionDays}` };
    }
    let root;
    try {
        const st = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.lstat)(opts.dir);
        if (!st.isDirectory())
            return { ok: false, reason: `the log folder ${opts.dir} is not a folder` };
        root = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.realpath)(opts.dir);
    }
    catch {
        return { ok: false, reason: `the log folder ${opts.dir} does not exist` };
    }
    let files = await collectLogFiles(root);
    if (files.length === 0)
        return { ok: false, reason: `the log folder ${opts.dir} holds no files` };
    if (files.length >= MAX_FILES)
        return { ok: false, reason: `the log folder holds more than ${MAX_FILES} files` };
    const staged = await stageCleanNames(root, files);
    if (staged) {
        root = staged.root;
        files = staged.files;
    }
    // setTimeout fires at once for NaN or anything past 2^31-1 ms.
    const timeoutMs = Number.isFinite(opts.timeoutMs) && opts.timeoutMs > 0
        ? Math.min(opts.timeoutMs, 2 ** 31 - 1)
        : DEFAULT_TIMEOUT_MS;
    const restoreEnv = applyEnv(env, timeoutMs);
    const tag = Symbol('artifact-upload');
    const watch = watchRequests(tag);
    const cleanup = () => {
        watch.stop();
        inFlight--;
        if (staged)
            void (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.rm)(staged.root, { recursive: true, force: true }).catch(() => undefined);
    };
    const upload = uploadContext.run(tag, async () => {
        const { DefaultArtifactClient } = await __webpack_require__.e(/* import() */ 584).then(__webpack_require__.bind(__webpack_require__, 20584));
        return new DefaultArtifactClient().uploadArtifact(opts.name, files, root, opts.retentionDays === undefined ? {} : { retentionDays: opts.retentionDays });
    });
    inFlight++;
    // Settled: stop watching and drop the staging folder, whether we waited for it or not.
    upload.then(cleanup, cleanup);
    let timer;
    const timedOut = new Promise((resolve) => {
        // Not unref'd: if the library ever waited on nothing that holds the event loop, the process must not
        // end quietly in the middle of the action; this timer keeps it going until the bound.
        timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    try {
        const outcome = await Promise.race([upload, timedOut]);
        if (outcome === 'timeout') {
            const reason = describeTimeout(timeoutMs, watch.observed);
            watch.abandon();
            return { ok: false, reason };
        }
        const base = opts.serverUrl.replace(/\/+$/, '');
        const url = opts.repository && opts.runId
            ? `${base}/${opts.repository}/actions/runs/${opts.runId}/artifacts/${outcome.id}`
            : null;
        if (typeof outcome.id !== 'number' || !Number.isFinite(outcome.id)) {
            return { ok: false, reason: 'the artifact service answered FinalizeArtifact without an artifact id' };
        }
        return { ok: true, id: outcome.id, url, size: outcome.size ?? 0 };
    }
    catch (err) {
        return {
            ok: false,
            reason: describeError(err, opts.name, watch.observed, Number(process.env.ACTIONS_ARTIFACT_UPLOAD_TIMEOUT_MS)),
        };
    }
    finally {
        clearTimeout(timer);
        restoreEnv();
    }
}


/***/ })

};
