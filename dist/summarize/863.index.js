export const id = 863;
export const ids = [863,193];
export const modules = {

/***/ 5574:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M7: () => (/* binding */ UnexpectedAnswer),
/* harmony export */   NO_TOKEN_WARNING: () => (/* binding */ NO_TOKEN_WARNING),
/* harmony export */   pm: () => (/* binding */ readChange),
/* harmony export */   wantsChange: () => (/* binding */ wantsChange)
/* harmony export */ });
/* unused harmony exports CHANGE_TIMEOUT_MS, previousResult, changeFrom, describeFailure */
/** The API answered, but not with what the comparison reads (a run without an id, a list without runs). */
class UnexpectedAnswer extends Error {
    name = 'UnexpectedAnswer';
}
/** The whole comparison (every request together) gives up after this long: it runs before notifying. */
const CHANGE_TIMEOUT_MS = 5000;
/** Completed runs looked at: enough to step over a few cancelled or skipped ones, bounded. */
const PER_PAGE = 20;
const MAX_PAGES = 2;
/** Whether any target fires on `change`: only then is the previous run asked for. */
function wantsChange(targets) {
    return targets.some((t) => t.on === 'change');
}
/**
 * A previous run's conclusion as a result to compare with: `success`, or `failure` (a run that timed out
 * failed too); anything else (cancelled, skipped, neutral, …) says nothing about the build and is stepped over.
 */
function previousResult(conclusion) {
    if (conclusion === 'success')
        return 'success';
    if (conclusion === 'failure' || conclusion === 'timed_out')
        return 'failure';
    return null;
}
/**
 * This build's change: failed then succeeded → `fixed`, succeeded then failed → `broken`, no earlier result →
 * `first`, else `same`. A cancelled build is `same`: a cancel is not a change of state.
 */
function changeFrom(previous, now) {
    if (now === 'cancelled')
        return 'same';
    if (previous === null)
        return 'first';
    if (previous === now)
        return 'same';
    return now === 'success' ? 'fixed' : 'broken';
}
const UNKNOWN_TAIL = '; notifying as always.';
/** The warning when there is no token (also printed at the start of the step, see notices.ts). */
const NO_TOKEN_WARNING = 'notify-on change: could not read the previous run (github-token is empty) — leave `github-token` at its ' +
    'default (`${{ github.token }}`) and give the workflow `permissions: actions: read`' +
    UNKNOWN_TAIL;
/** Compares with the previous run. Never throws: anything that goes wrong is `unknown` with a warning. */
async function readChange(req) {
    // A cancel is not a change of state: nothing to ask.
    if (req.status === 'cancelled')
        return { change: 'same', warning: null, previousRunId: null };
    if (req.token === null || req.token === '')
        return unknown(NO_TOKEN_WARNING);
    if (!req.repository || req.runId === null) {
        return unknown(couldNot('GITHUB_REPOSITORY or GITHUB_RUN_ID is not set', ' — this is not a GitHub Actions run'));
    }
    const timeoutMs = req.timeoutMs ?? CHANGE_TIMEOUT_MS;
    const signal = AbortSignal.timeout(timeoutMs);
    try {
        const api = req.api(req.token);
        const previous = await findPrevious(api, req.runId, signal);
        if (typeof previous === 'string')
            return unknown(couldNot(previous, ''));
        return {
            change: changeFrom(previous ? previousResult(previous.conclusion) : null, req.status),
            warning: null,
            previousRunId: previous?.id ?? null,
        };
    }
    catch (err) {
        return unknown(describeFailure(err, signal.aborted, req.apiUrl, timeoutMs));
    }
}
/** The most recent earlier completed run with a result, null when there is none, or why it cannot be told. */
async function findPrevious(api, runId, signal) {
    const current = await api.getRun(runId, signal);
    if (current.workflowId === null)
        return 'the run has no workflow id';
    if (!current.headBranch)
        return 'the run has no branch';
    for (let page = 1; page <= MAX_PAGES; page++) {
        const runs = await api.listCompletedRuns(current.workflowId, current.headBranch, page, PER_PAGE, signal);
        const found = runs.find((r) => r.id !== current.id &&
            !(r.runNumber !== null && current.runNumber !== null && r.runNumber >= current.runNumber) &&
            previousResult(r.conclusion) !== null);
        if (found)
            return found;
        if (runs.length < PER_PAGE)
            break;
    }
    return null;
}
function unknown(warning) {
    return { change: 'unknown', warning, previousRunId: null };
}
function couldNot(why, hint) {
    return `notify-on change: could not read the previous run (${why})${hint}${UNKNOWN_TAIL}`;
}
const HINTS = {
    401: ' — the github-token is not valid (expired, revoked or not a token)',
    403: ' — the workflow needs `permissions: actions: read`',
    404: ' — the token cannot see this repository’s runs; the workflow needs `permissions: actions: read`',
};
/** An API error in one line: the HTTP status and GitHub's own words, or what kept the answer away. */
function describeFailure(err, timedOut, apiUrl, timeoutMs) {
    if (timedOut)
        return couldNot(`no answer from ${apiUrl} within ${timeoutMs / 1000} s`, '');
    const status = err?.status;
    const message = oneLine(err instanceof Error ? err.message : String(err));
    // The server was reached and answered: what it said is the problem, not the way to it.
    if (err instanceof UnexpectedAnswer)
        return couldNot(`the answer from ${apiUrl} was not understood: ${message}`, '');
    if (typeof status === 'number' && status >= 400 && status !== 500) {
        return couldNot(`HTTP ${status}: ${message}`, HINTS[status] ?? '');
    }
    // Octokit reports a request that never got an answer (refused, reset, DNS) as status 500 with the cause.
    const response = err?.response;
    if (status === 500 && response !== undefined)
        return couldNot(`HTTP 500: ${message}`, '');
    return couldNot(`${apiUrl} could not be reached: ${message}`, '');
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


/***/ }),

/***/ 9863:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   previousRunChange: () => (/* binding */ previousRunChange)
/* harmony export */ });
/* unused harmony exports readGitHubRun, githubClient, workflowRunsApi */
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2413);
/* harmony import */ var _notify_change_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5574);
// The one place that talks to the GitHub REST API: builds the @actions/github client (it honours
// GITHUB_API_URL and the runner's proxy settings) and reads the run context through @actions/github's
// `context`. Loaded only when something needs the API, so a plain build never pays for Octokit at start-up.


/** The run context; `ctx` is @actions/github's `context` (read from the environment when it was loaded). */
function readGitHubRun(ctx = _actions_github__WEBPACK_IMPORTED_MODULE_0__/* .context */ ._) {
    let owner = null;
    let repo = null;
    try {
        // Throws when neither GITHUB_REPOSITORY nor the event payload names the repository.
        ({ owner, repo } = ctx.repo);
    }
    catch {
        // Outside Actions: no repository.
    }
    const pr = ctx.payload.pull_request?.number;
    return {
        owner: owner || null,
        repo: repo || null,
        runId: positive(ctx.runId),
        runAttempt: positive(ctx.runAttempt),
        sha: ctx.sha || null,
        ref: ctx.ref || null,
        eventName: ctx.eventName || null,
        prNumber: typeof pr === 'number' && Number.isInteger(pr) && pr > 0 ? pr : null,
        apiUrl: ctx.apiUrl,
    };
}
function positive(n) {
    return Number.isInteger(n) && n > 0 ? n : null;
}
/** Octokit for `token`, without retries of its own (every caller bounds its time) and without console noise. */
function githubClient(token, apiUrl = _actions_github__WEBPACK_IMPORTED_MODULE_0__/* .context */ ._.apiUrl) {
    const quiet = () => undefined;
    return (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(token, {
        baseUrl: apiUrl.replace(/\/+$/, ''),
        log: { debug: quiet, info: quiet, warn: quiet, error: quiet },
    });
}
/** The workflow-runs calls of the `notify-on: change` comparison, on a client. */
function workflowRunsApi(client, owner, repo) {
    return {
        async getRun(runId, signal) {
            const { data } = await client.rest.actions.getWorkflowRun({
                owner,
                repo,
                run_id: runId,
                exclude_pull_requests: true,
                request: { signal },
            });
            return runInfo(data);
        },
        async listCompletedRuns(workflowId, branch, page, perPage, signal) {
            const { data } = await client.rest.actions.listWorkflowRuns({
                owner,
                repo,
                workflow_id: workflowId,
                branch,
                status: 'completed',
                per_page: perPage,
                page,
                exclude_pull_requests: true,
                request: { signal },
            });
            const runs = data.workflow_runs;
            if (!Array.isArray(runs))
                throw new _notify_change_js__WEBPACK_IMPORTED_MODULE_1__/* .UnexpectedAnswer */ .M7('the list of runs has no workflow_runs');
            return runs.map(runInfo);
        },
    };
}
/** The fields the comparison uses, checked: the answer comes from a server. */
function runInfo(data) {
    const d = (data ?? {});
    if (typeof d.id !== 'number')
        throw new _notify_change_js__WEBPACK_IMPORTED_MODULE_1__/* .UnexpectedAnswer */ .M7('a workflow run without an id');
    const num = (v) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
    const str = (v) => (typeof v === 'string' && v !== '' ? v : null);
    return {
        id: d.id,
        runNumber: num(d.run_number),
        workflowId: num(d.workflow_id),
        headBranch: str(d.head_branch),
        conclusion: str(d.conclusion),
    };
}
/**
 * This build's outcome against the previous completed run of the same workflow on the same branch (see
 * notify/change.ts). Never throws; a warning says why when it cannot tell.
 */
async function previousRunChange(status, token, opts = {}) {
    const run = readGitHubRun(opts.ctx);
    return (0,_notify_change_js__WEBPACK_IMPORTED_MODULE_1__/* .readChange */ .pm)({
        status,
        token,
        repository: run.owner && run.repo ? `${run.owner}/${run.repo}` : null,
        runId: run.runId,
        apiUrl: run.apiUrl,
        api: (t) => workflowRunsApi(githubClient(t, run.apiUrl), run.owner, run.repo),
        timeoutMs: opts.timeoutMs,
    });
}


/***/ })

};
