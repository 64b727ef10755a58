export const id = 884;
export const ids = [884,193];
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

/***/ 6884:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   setupNotices: () => (/* binding */ setupNotices)
/* harmony export */ });
/* unused harmony exports NO_TARGET_NOTICE, teamsFormatWarning, slackFormatWarning, startInputWarnings */
/* harmony import */ var _runner_secrets_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2995);
/* harmony import */ var _change_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5574);
// What a user should hear about the notification setup before anything is sent: that nothing will be sent
// at all, that a Slack or Teams URL is set to a format its platform rejects, that `notify-on: change` has no
// token. Pure: it returns the messages; the actions print them (core.notice / core.warning).


const NO_TARGET_NOTICE = 'No notification will be sent: no notification target is set. discord-webhook-url, slack-webhook-url, ' +
    'teams-webhook-url, webhook-url, success-webhook-url, failure-webhook-url and webhooks are empty, and so are the WEBHOOK_URL, ' +
    'JC_BUILD_SUCCESS_WEBHOOK_URL and JC_BUILD_FAILURE_WEBHOOK_URL variables. A secret the run cannot read ' +
    '(e.g. on a pull request from a fork, or a typo in its name) is empty too.';
const hostIs = (host, ...domains) => domains.some((d) => host === d || host.endsWith(`.${d}`));
/**
 * A Teams URL set to another format (a `webhooks` entry's `format`): what it will get. A Power Automate flow
 * of one's own may read any JSON, so the generic body is fine there; a legacy connector takes cards only.
 */
function teamsFormatWarning(target) {
    if (target.format === 'teams' || !URL.canParse(target.url))
        return null;
    const u = new URL(target.url);
    const host = u.hostname.replace(/\.$/, '');
    const flow = hostIs(host, 'logic.azure.com', 'environment.api.powerplatform.com');
    const connector = hostIs(host, 'webhook.office.com') ||
        (hostIs(host, 'outlook.office.com') && u.pathname.startsWith('/webhook'));
    if (!flow && !connector)
        return null;
    if (flow && target.format === 'generic')
        return null;
    const body = target.format === 'discord' ? 'a Discord message body' : "this action's generic JSON body";
    return (`${target.source} is a Microsoft Teams webhook (${(0,_runner_secrets_js__WEBPACK_IMPORTED_MODULE_0__/* .maskUrl */ .yP)(target.url)}) set to format: ${target.format}, ` +
        `so it will get ${body}, which Teams rejects (it takes Adaptive Cards). Leave format out or set format: teams.`);
}
/**
 * A Slack URL set to another format (a `webhooks` entry's `format`): what it will get. A workflow trigger
 * (`/triggers/…`) takes any JSON, so the generic body is fine there.
 */
function slackFormatWarning(target) {
    if (target.format === 'slack' || !URL.canParse(target.url))
        return null;
    const u = new URL(target.url);
    if (!hostIs(u.hostname.replace(/\.$/, ''), 'hooks.slack.com'))
        return null;
    if (target.format === 'generic' && u.pathname.startsWith('/triggers/'))
        return null;
    const body = target.format === 'discord' ? 'a Discord message body' : "this action's generic JSON body";
    return (`${target.source} is a Slack webhook (${(0,_runner_secrets_js__WEBPACK_IMPORTED_MODULE_0__/* .maskUrl */ .yP)(target.url)}) set to format: ${target.format}, so it will ` +
        `get ${body}, which Slack rejects (its incoming webhooks take Slack messages only). Leave format out or ` +
        'set format: slack.');
}
/**
 * The notices and warnings for these settings (null: no notification input at all). `notifyOn` is the
 * `notify-on` input as given: `never` means no notification was asked for, so its absence is not news (the
 * reusable workflow's legs, which leave the notifying to the summary).
 */
function setupNotices(settings, notifyOn = '') {
    const out = { notices: [], warnings: [] };
    if (settings === null || settings.targets.length === 0) {
        if (notifyOn.trim() !== 'never')
            out.notices.push(NO_TARGET_NOTICE);
        return out;
    }
    for (const target of settings.targets) {
        const warning = slackFormatWarning(target) ?? teamsFormatWarning(target);
        if (warning !== null)
            out.warnings.push(warning);
    }
    if ((0,_change_js__WEBPACK_IMPORTED_MODULE_1__.wantsChange)(settings.targets) && !settings.githubToken)
        out.warnings.push(_change_js__WEBPACK_IMPORTED_MODULE_1__.NO_TOKEN_WARNING);
    const discordOnly = discordOptionsWarning(settings);
    if (discordOnly !== null)
        out.warnings.push(discordOnly);
    return out;
}
/** `discord-live` or `discord-mention-on-failure` set where no target is a Discord one: said, not ignored. */
function discordOptionsWarning(settings) {
    if (settings.targets.some((t) => t.format === 'discord'))
        return null;
    const { live, mentionOnFailure } = settings.discord;
    const set = [
        live ? 'discord-live' : null,
        mentionOnFailure.users.length + mentionOnFailure.roles.length > 0 ? 'discord-mention-on-failure' : null,
    ].filter((x) => x !== null);
    if (set.length === 0)
        return null;
    const [verb, pronoun] = set.length > 1 ? ['are', 'they are'] : ['is', 'it is'];
    return (`${set.join(' and ')} ${verb} set, but no Discord target is (discord-webhook-url, or a webhooks entry with ` +
        `format: discord): ${pronoun} ignored.`);
}
/**
 * Warnings about a build step's inputs that would otherwise be ignored quietly at the end: a run message id
 * with no Discord webhook to edit it through, a check run id that is no id (the Job link is left out).
 */
function startInputWarnings(settings, inputs) {
    const warnings = [];
    const hasRunWebhook = settings?.targets.some((t) => t.source === 'discord-webhook-url') ?? false;
    if (inputs.runMessageId.trim() !== '' && !hasRunWebhook) {
        warnings.push("discord-run-message-id is set, but discord-webhook-url is empty: this leg's line in the run message cannot be written.");
    }
    const check = inputs.jobCheckRunId.trim();
    if (check !== '' && !/^\d{1,20}$/.test(check)) {
        warnings.push(`job-check-run-id is ${JSON.stringify(check.slice(0, 40))}, not a check run id (digits, as \${{ job.check_run_id }} gives): messages link the run instead of the job.`);
    }
    return warnings;
}


/***/ })

};
