export const id = 701;
export const ids = [701,279,637];
export const modules = {

/***/ 55279:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ dropsDuplicates),
/* harmony export */   platformName: () => (/* binding */ platformName)
/* harmony export */ });
const PLATFORM = {
    discord: 'Discord',
    slack: 'Slack',
    teams: 'Microsoft Teams',
    generic: 'the receiver',
};
/** Whether a receiver of this format can drop a repeated request (it sees the same `webhook-id`). */
function dropsDuplicates(format) {
    return format === 'generic';
}
/** `Discord`, `Slack`, `Microsoft Teams`: who cannot drop a duplicate, for messages. */
function platformName(format) {
    return PLATFORM[format];
}


/***/ }),

/***/ 58701:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   notificationOutputs: () => (/* binding */ notificationOutputs),
/* harmony export */   notify: () => (/* binding */ notify),
/* harmony export */   resumeAction: () => (/* binding */ resumeAction)
/* harmony export */ });
/* unused harmony exports withheldError, followUpKey, summarizeResults */
/* harmony import */ var _runner_secrets_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(72995);
/* harmony import */ var _duplicates_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(55279);
/* harmony import */ var _result_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8048);
/* harmony import */ var _teams_answer_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(85346);
/* harmony import */ var _targets_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8215);
// Notification orchestrator: pick the targets for an outcome, render a message per target (the caller's
// renderer), deliver them all, report per target. It knows nothing of what is reported, and loads the HTTP
// client only when there is somewhere to send to.






/** Why a target main left unanswered is not sent again. */
function withheldError(target) {
    return `outcome unknown: the main step was stopped while sending it; not sent again (${(0,_duplicates_js__WEBPACK_IMPORTED_MODULE_1__.platformName)(target.format)} cannot drop a duplicate)`;
}
/**
 * What to do with one target given its earlier fate. `editing`: this delivery edits a Discord message in
 * place (a live status message), as the interrupted one did.
 */
function resumeAction(target, previous, editing = false) {
    switch (previous?.fate) {
        case 'delivered':
            return 'keep';
        case 'sending':
        case 'unknown':
            // Discord, Slack and Teams have no idempotency key: a second request is a second message. An edit of
            // one message is idempotent: sending it again leaves the same message with the same content.
            return !(0,_duplicates_js__WEBPACK_IMPORTED_MODULE_1__/* .dropsDuplicates */ .F)(target.format) && !editing ? 'withhold' : 'send';
        default:
            return 'send';
    }
}
/**
 * Sends `subject`'s notification to every target that fires for its status. A render error fails that
 * target only; nothing here throws for a delivery problem. Results are in target order.
 */
async function notify(subject, settings, render, opts = {}) {
    const started = Date.now();
    const ctx = { event: opts.event ?? 'finished', change: opts.change ?? 'unknown' };
    // A live status message always ends showing the result, even where the outcome would not notify: editing
    // it pings no one, and leaving it at "building" would be wrong.
    const selected = new Set((0,_targets_js__WEBPACK_IMPORTED_MODULE_4__/* .selectTargets */ .Dv)(settings.targets, subject.status, ctx.change));
    const targets = settings.targets.filter((t) => selected.has(t) || opts.edit?.[t.source] !== undefined);
    if (targets.length === 0)
        return { results: [], failed: [], withheld: [] };
    const { previous, event: _event, change: _change, edit, warn, ...deliverOpts } = opts;
    const results = [];
    const withheld = [];
    const jobs = [];
    const rendered = await Promise.all(targets.map(async (target) => {
        const before = previous?.[target.source];
        const action = resumeAction(target, before, edit?.[target.source] !== undefined);
        if (action === 'keep' && before) {
            lostFollowUpWarning(target.source, previous, warn ?? opts.log);
            return { ok: 'done', result: keptResult(target, before) };
        }
        if (action === 'withhold' && before) {
            const result = { ...(0,_result_js__WEBPACK_IMPORTED_MODULE_2__/* .undeliveredResult */ .B)(target, withheldError(target)), attempts: before.attempts };
            result.httpStatus = before.httpStatus;
            withheld.push(result);
            return { ok: 'done', result };
        }
        try {
            return { ok: true, message: await render(target, ctx) };
        }
        catch (err) {
            return { ok: false, error: err instanceof Error ? err.message : String(err) };
        }
    }));
    rendered.forEach((r, index) => {
        const target = targets[index];
        if (r.ok === 'done') {
            results.push(r.result);
        }
        else if (r.ok) {
            jobs.push({ index, target, message: r.message, editMessageId: edit?.[target.source] ?? null });
            results.push(null);
        }
        else {
            results.push(failedResult(target, `could not render the message: ${r.error}`));
        }
    });
    if (jobs.length > 0) {
        const deadlineMs = () => Math.max(0, (opts.deadlineMs ?? settings.deadlineMs) - (Date.now() - started));
        await deliverJobs(jobs, results, deliverOpts, deadlineMs, warn);
    }
    const all = results.filter((r) => r !== null);
    return { results: all, failed: all.filter((r) => !r.delivered && !withheld.includes(r)), withheld };
}
/** Delivers the jobs into `results`, then the follow-ups with the mentions of the edits that landed. */
async function deliverJobs(jobs, results, opts, deadlineMs, warn) {
    try {
        const { deliverAll, parseMessageRef } = await Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(363)]).then(__webpack_require__.bind(__webpack_require__, 84363));
        const { splitMentions } = await __webpack_require__.e(/* import() */ 548).then(__webpack_require__.bind(__webpack_require__, 74548));
        const followUps = splitEditMentions(jobs, splitMentions, parseMessageRef);
        // Recorded before any edit goes out: a post step that finds the edit delivered then knows a ping is due.
        for (const f of followUps) {
            opts.onFate?.(followUpTarget(f.target), {
                fate: 'retry-wait',
                attempts: 0,
                httpStatus: null,
                messageId: null,
            });
        }
        const delivered = await deliverAll(jobs, { ...opts, deadlineMs: deadlineMs() });
        delivered.forEach((result, i) => {
            results[jobs[i].index] = result;
        });
        // An edit posted as a new message instead (the live message was deleted) pinged by itself: its answer
        // names another message than the one edited.
        const due = followUps.filter((f) => {
            const result = results[f.index];
            return result?.delivered && (result.messageId === null || result.messageId === f.editedId);
        });
        if (due.length > 0)
            await postFollowUps(due, deliverAll, { ...opts, deadlineMs: deadlineMs() }, warn);
    }
    catch (err) {
        // deliverAll does not throw; this guards the import itself.
        const reason = `could not deliver: ${err instanceof Error ? err.message : String(err)}`;
        for (const job of jobs)
            results[job.index] = failedResult(job.target, reason);
    }
}
/** Where main records the fate of a target's follow-up with the mentions, for post. */
function followUpKey(source) {
    return `${source} (mentions)`;
}
function followUpTarget(target) {
    return { ...target, source: followUpKey(target.source) };
}
/**
 * Post keeps an edit main delivered; the follow-up with its mentions, if main owed one and did not see it
 * posted, is not sent from here (it may have landed, and Discord cannot drop a duplicate): said instead.
 */
function lostFollowUpWarning(source, previous, warn) {
    const ping = previous?.[followUpKey(source)];
    if (!ping || ping.fate === 'delivered')
        return;
    const head = `${source}: the result was delivered as an edit, but the main step was stopped`;
    warn?.(ping.fate === 'sending' || ping.fate === 'unknown'
        ? `${head} while posting the message with its mentions: it may not have been posted, and is not sent ` +
            'again (Discord cannot drop a duplicate); check the channel.'
        : `${head} before the message with its mentions was posted: no one was pinged.`);
}
/** Posts the follow-ups with the mentions; one that is not posted is a warning (the result itself landed). */
async function postFollowUps(due, deliverAll, opts, warn) {
    // Not the target's own delivery: its result stays the edit's, and its fate is kept under its own key.
    const { onFate, onResult: _onResult, ...plain } = opts;
    const pinged = await deliverAll(due, {
        ...plain,
        onFate: (target, record) => onFate?.(followUpTarget(target), record),
    });
    for (const r of pinged) {
        if (r.delivered)
            continue;
        (warn ?? opts.log)?.((0,_runner_secrets_js__WEBPACK_IMPORTED_MODULE_0__/* .scrub */ ._I)(`${r.source}: the result was delivered as an edit, but the message with its mentions was not posted: ${r.error ?? 'unknown error'}`));
    }
}
/**
 * Discord notifies nobody for a mention an edit adds. Each result that edits a message and pings someone is
 * split (in place): the edit loses its mentions, and a follow-up message that carries them is returned, to be
 * posted once the edit is delivered, in the thread the edited message lives in.
 */
function splitEditMentions(jobs, split, parseRef) {
    const followUps = [];
    for (const job of jobs) {
        if (job.target.format !== 'discord' || !job.editMessageId)
            continue;
        const parts = split(job.message);
        if (!parts)
            continue;
        job.postMessage = job.message;
        job.message = parts.edit;
        const ref = parseRef(job.editMessageId);
        const thread = ref?.threadId ?? null;
        const url = new URL(job.target.url);
        if (thread)
            url.searchParams.set('thread_id', thread);
        followUps.push({
            index: job.index,
            target: { ...job.target, url: url.toString() },
            message: parts.followUp,
            editedId: ref?.messageId ?? null,
        });
    }
    return followUps;
}
/** A target delivered earlier, as it was then: it appears in the outputs without being sent again. */
function keptResult(target, before) {
    return {
        source: target.source,
        url: (0,_runner_secrets_js__WEBPACK_IMPORTED_MODULE_0__/* .maskUrl */ .yP)(target.url),
        format: target.format,
        delivered: true,
        httpStatus: before.httpStatus,
        attempts: before.attempts,
        error: null,
        messageId: before.messageId,
        durationMs: 0,
        confirmed: before.httpStatus !== 202,
        note: before.httpStatus !== 202 ? null : target.format === 'teams' ? _teams_answer_js__WEBPACK_IMPORTED_MODULE_3__/* .TEAMS_ACCEPTED_NOTE */ .ee : _teams_answer_js__WEBPACK_IMPORTED_MODULE_3__/* .ACCEPTED_NOTE */ .t6,
    };
}
function failedResult(target, error) {
    return (0,_result_js__WEBPACK_IMPORTED_MODULE_2__/* .undeliveredResult */ .B)(target, (0,_runner_secrets_js__WEBPACK_IMPORTED_MODULE_0__/* .scrub */ ._I)(error));
}
/** One log line: `notifications: 1 of 2 delivered; webhook-url failed: HTTP 404: … (1 attempt)`. */
function summarizeResults(results) {
    if (results.length === 0)
        return 'notifications: no target for this outcome';
    const ok = results.filter((r) => r.delivered).length;
    const failures = results
        .filter((r) => !r.delivered)
        .map((r) => `${r.source} (${r.url}) failed: ${r.error ?? 'unknown error'}`);
    // A 202 only queued the message: said, so that a card a flow then fails to post is not a mystery.
    const accepted = results
        .filter((r) => r.delivered && r.confirmed === false)
        .map((r) => `${r.source}: accepted, not confirmed (HTTP ${r.httpStatus ?? 202})`);
    const head = `notifications: ${ok} of ${results.length} delivered`;
    return scrub([head, ...failures, ...accepted].join('; '));
}
/** The `notifications` output (JSON, no secrets) and `message-id` (the first Discord message id, or ''). */
function notificationOutputs(results) {
    const messageId = results.find((r) => r.format === 'discord' && r.messageId)?.messageId ?? '';
    return { notifications: (0,_runner_secrets_js__WEBPACK_IMPORTED_MODULE_0__/* .scrub */ ._I)(JSON.stringify((0,_runner_secrets_js__WEBPACK_IMPORTED_MODULE_0__/* .scrubDeep */ .wE)(results))), messageId: (0,_runner_secrets_js__WEBPACK_IMPORTED_MODULE_0__/* .scrub */ ._I)(messageId) };
}


/***/ }),

/***/ 8048:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ undeliveredResult)
/* harmony export */ });
/* harmony import */ var _runner_secrets_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(72995);
// The outcome record of one target before (or without) any successful attempt.

function undeliveredResult(target, error = null) {
    return {
        source: target.source,
        url: (0,_runner_secrets_js__WEBPACK_IMPORTED_MODULE_0__/* .maskUrl */ .yP)(target.url),
        format: target.format,
        delivered: false,
        httpStatus: null,
        attempts: 0,
        error,
        messageId: null,
        durationMs: 0,
        confirmed: false,
        note: null,
    };
}


/***/ }),

/***/ 85346:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JL: () => (/* binding */ teamsOutcome),
/* harmony export */   ee: () => (/* binding */ TEAMS_ACCEPTED_NOTE),
/* harmony export */   t6: () => (/* binding */ ACCEPTED_NOTE)
/* harmony export */ });
// What Microsoft Teams webhooks answer, in words a person can act on. A Teams Workflows (Power Automate)
// trigger answers 202 Accepted with an empty body: the flow run is queued and posts the card later, so the
// card is accepted, not confirmed (a card the flow then fails to post shows only in the flow's run history).
// Its errors are JSON: `{"error":{"code":"TriggerInputSchemaMismatch","message":"…"}}`. A legacy Office 365
// connector answers 200 `1` once posted, and its errors as plain text — sometimes inside a 200 (`Microsoft
// Teams endpoint returned HTTP error 429 …`), which is a failure. Pure.
/** The note a 202 carries in the `notifications` output. */
const TEAMS_ACCEPTED_NOTE = 'accepted, not confirmed: the Workflows flow queued the card (HTTP 202); whether Teams posted it shows in ' +
    "the flow's run history";
const ACCEPTED_NOTE = 'accepted, not confirmed: the receiver queued the message (HTTP 202) and did not say whether it was processed';
const RETRYABLE = new Set([408, 429]);
/** What each refusal means for someone looking at their Teams setup. */
function meaning(status, code) {
    if (code === 'DirectApiAuthorizationRequired' || status === 401 || status === 403) {
        return "the flow does not accept anonymous requests: set its trigger's “Who can trigger the flow” to Anyone";
    }
    if (status === 404) {
        return 'the flow was not found: it was deleted or turned off, or the URL is incomplete';
    }
    if (status === 413)
        return 'the message is larger than Teams accepts (about 28 KB)';
    if (status === 429)
        return 'Teams is rate-limiting this webhook';
    if (status >= 500)
        return "something went wrong on Teams' side";
    if (code)
        return 'the flow rejected the message';
    return 'Teams rejected the message';
}
/** Power Automate's error object, if the answer is one. */
function flowError(json) {
    const error = json?.error;
    if (typeof error !== 'object' || error === null)
        return null;
    const e = error;
    const message = typeof e.message === 'string' ? e.message : '';
    const code = typeof e.code === 'string' ? e.code : null;
    return code || message ? { code, message } : null;
}
function clean(text) {
    const one = text.replace(/\s+/g, ' ').trim();
    return one.length > 300 ? `${one.slice(0, 299)}…` : one;
}
/** The connector's error inside a 200 (`… returned HTTP error 429 …`): its status, else null. */
function connectorFailure(text) {
    if (!/^(Webhook message delivery failed|Microsoft Teams endpoint returned HTTP error)/i.test(text.trim())) {
        return null;
    }
    const m = /HTTP error (\d{3})/i.exec(text);
    return m ? Number(m[1]) : 502;
}
/**
 * One Teams answer: 2xx is delivered (202 only accepted); an error in words; 408, 429 and 5xx retried (429
 * after its Retry-After, `delayMs`), every other refusal final (400: the card; 413: the size).
 */
function teamsOutcome(httpStatus, text, json, delayMs) {
    const inner = httpStatus < 300 ? connectorFailure(text) : null;
    if (httpStatus < 300 && inner === null) {
        return httpStatus === 202
            ? { kind: 'delivered', status: httpStatus, messageId: null, accepted: TEAMS_ACCEPTED_NOTE }
            : { kind: 'delivered', status: httpStatus, messageId: null };
    }
    const status = inner ?? httpStatus;
    if (status < 400) {
        return {
            kind: 'http',
            status,
            retry: false,
            detail: 'redirects are not followed; configure the final URL',
            serverDelayMs: null,
        };
    }
    const flow = flowError(json);
    const said = flow ? clean(flow.message) : clean(text);
    const code = flow?.code ? ` (${flow.code})` : '';
    const words = meaning(status, flow?.code ?? null);
    return {
        kind: 'http',
        status: httpStatus,
        retry: RETRYABLE.has(status) || status >= 500,
        detail: said ? `${words}${code}: ${said}` : `${words}${code}`,
        serverDelayMs: delayMs,
    };
}


/***/ })

};
