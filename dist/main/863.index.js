export const id = 863;
export const ids = [863];
export const modules = {

/***/ 99863:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   previousRunChange: () => (/* binding */ previousRunChange)
/* harmony export */ });
/* unused harmony exports readGitHubRun, githubClient, workflowRunsApi */
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(61351);
/* harmony import */ var _notify_change_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(33193);
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
