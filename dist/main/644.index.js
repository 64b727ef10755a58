export const id = 644;
export const ids = [644];
export const modules = {

/***/ 63644:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   resolveJobLink: () => (/* binding */ resolveJobLink)
/* harmony export */ });
/* unused harmony export JOB_LOOKUP_TIMEOUT_MS */
/* harmony import */ var _runner_github_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(99863);
/* harmony import */ var _runner_context_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(21953);
/* harmony import */ var _request_error_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(17409);
// The job's own page (`…/actions/runs/<run id>/job/<job id>`), so every message links the job rather than the
// whole run: from the job's check run id when the runner gives it (`job-check-run-id`, default
// `${{ job.check_run_id }}`), else found through the REST API among the jobs of this run attempt (the one in
// progress on this runner). Anything in the way → the run's page, with one line saying why.



/** Every request of the lookup together gives up after this long: it runs before the build starts. */
const JOB_LOOKUP_TIMEOUT_MS = 5000;
const PER_PAGE = 100;
/** 500 jobs: more than one run attempt holds in practice (a matrix has at most 256 legs), bounded anyway. */
const MAX_PAGES = 5;
/** Resolves the job's link. Never throws. */
async function resolveJobLink(req) {
    const fromInput = (0,_runner_context_js__WEBPACK_IMPORTED_MODULE_1__/* .jobUrlOf */ .kv)(req.run, req.checkRunId);
    if (fromInput !== null)
        return { url: fromInput, how: 'input', why: null };
    const { owner, repo, runId } = req.run;
    const runUrl = (0,_runner_context_js__WEBPACK_IMPORTED_MODULE_1__/* .runUrlOf */ .Qm)(req.run);
    const fallBack = (why) => ({
        url: null,
        how: 'none',
        why: `job link: ${why}; ${runUrl ? `linking the run (${runUrl})` : 'no link'}.`,
    });
    if (!owner || !repo || runId === null)
        return fallBack('not a GitHub Actions run');
    if (!req.token)
        return fallBack('job-check-run-id and github-token are both empty');
    if (!req.runnerName)
        return fallBack('RUNNER_NAME is not set, so the job cannot be told apart');
    const attempt = req.run.runAttempt ?? 1;
    const timeoutMs = req.timeoutMs ?? JOB_LOOKUP_TIMEOUT_MS;
    const signal = (0,_request_error_js__WEBPACK_IMPORTED_MODULE_2__/* .deadline */ .nl)(timeoutMs);
    let jobs;
    try {
        const client = (req.client ?? ((t) => (0,_runner_github_js__WEBPACK_IMPORTED_MODULE_0__/* .githubClient */ .$f)(t, req.run.apiUrl)))(req.token);
        jobs = await listJobs(client, { owner, repo, runId, attempt }, signal);
    }
    catch (err) {
        const failure = (0,_request_error_js__WEBPACK_IMPORTED_MODULE_2__/* .requestFailure */ .SU)(err, signal.aborted, req.run.apiUrl, timeoutMs);
        const hint = failure.status === 403 || failure.status === 404 ? ' (needs `actions: read`)' : '';
        return fallBack(`the jobs of run ${runId} attempt ${attempt} could not be listed: ${failure.text}${hint}`);
    }
    const picked = pickJob(jobs, req.runnerName, req.run.job);
    if (typeof picked === 'string')
        return fallBack(`${picked} among the ${jobs.length} jobs of run ${runId} attempt ${attempt}`);
    return { url: jobPage(picked, req.run), how: 'api', why: null };
}
/** Every job of the run attempt, page by page (bounded by MAX_PAGES and the signal). */
async function listJobs(client, at, signal) {
    const all = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
        const { data } = await client.rest.actions.listJobsForWorkflowRunAttempt({
            owner: at.owner,
            repo: at.repo,
            run_id: at.runId,
            attempt_number: at.attempt,
            per_page: PER_PAGE,
            page,
            request: { signal },
        });
        const d = (data ?? {});
        if (!Array.isArray(d.jobs))
            throw new Error('the answer has no list of jobs');
        const jobs = d.jobs.map(jobInfo).filter((j) => j !== null);
        all.push(...jobs);
        const total = typeof d.total_count === 'number' ? d.total_count : null;
        if (d.jobs.length < PER_PAGE || (total !== null && page * PER_PAGE >= total))
            break;
    }
    return all;
}
function jobInfo(raw) {
    const j = (raw ?? {});
    if (typeof j.id !== 'number' || !Number.isSafeInteger(j.id) || j.id <= 0)
        return null;
    const str = (v) => (typeof v === 'string' && v !== '' ? v : null);
    return {
        id: j.id,
        name: str(j.name) ?? '',
        status: str(j.status) ?? '',
        runnerName: str(j.runner_name),
        htmlUrl: str(j.html_url),
    };
}
/**
 * The job in progress on this runner (a runner runs one job at a time); when several claim it, the one whose
 * name is this job's (`build`, a matrix leg `build (…)`, in a reusable workflow `caller / build (…)`).
 * Else why none could be picked.
 */
function pickJob(jobs, runnerName, jobKey) {
    const here = jobs.filter((j) => j.runnerName === runnerName && j.status === 'in_progress');
    if (here.length === 1)
        return here[0];
    if (here.length === 0)
        return `no job in progress on runner ${runnerName}`;
    const named = jobKey === null ? [] : here.filter((j) => namedAs(j.name, jobKey));
    if (named.length === 1)
        return named[0];
    return `${here.length} jobs in progress on runner ${runnerName}${jobKey ? ` and ${named.length === 0 ? 'none' : named.length} named ${jobKey}` : ''}`;
}
function namedAs(name, key) {
    const own = name.includes(' / ') ? name.slice(name.lastIndexOf(' / ') + 3) : name;
    return own === key || own.startsWith(`${key} (`);
}
/**
 * The job's html_url when it is a page of this server, else built from its id: the answer comes from a
 * server, and only a link to this server's job page is put into messages.
 */
function jobPage(job, run) {
    const built = `${run.serverUrl}/${run.owner}/${run.repo}/actions/runs/${run.runId}/job/${job.id}`;
    if (job.htmlUrl === null)
        return built;
    try {
        const url = new URL(job.htmlUrl);
        const server = new URL(run.serverUrl);
        if (url.origin === server.origin && url.pathname.endsWith(`/job/${job.id}`) && !url.search && !url.hash) {
            return url.href;
        }
    }
    catch {
        // not a URL: the built one
    }
    return built;
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
