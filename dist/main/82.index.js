export const id = 82;
export const ids = [82,701];
export const modules = {

/***/ 58701:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   notificationOutputs: () => (/* binding */ notificationOutputs),
/* harmony export */   notify: () => (/* binding */ notify),
/* harmony export */   resumeAction: () => (/* binding */ resumeAction)
/* harmony export */ });
/* unused harmony exports WITHHELD_ERROR, summarizeResults */
/* harmony import */ var _runner_secrets_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(72995);
/* harmony import */ var _result_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8048);
/* harmony import */ var _targets_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8215);
// Notification orchestrator: pick the targets for an outcome, render a message per target (the caller's
// renderer), deliver them all, report per target. It knows nothing of what is reported, and loads the HTTP
// client only when there is somewhere to send to.




const WITHHELD_ERROR = 'outcome unknown: the main step was stopped while sending it; not sent again (Discord cannot drop a duplicate)';
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
            // Discord's execute-webhook has no idempotency key: a second request is a second message. An edit of
            // one message is idempotent: sending it again leaves the same message with the same content.
            return target.format === 'discord' && !editing ? 'withhold' : 'send';
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
    const selected = new Set((0,_targets_js__WEBPACK_IMPORTED_MODULE_2__/* .selectTargets */ .Dv)(settings.targets, subject.status, ctx.change));
    const targets = settings.targets.filter((t) => selected.has(t) || opts.edit?.[t.source] !== undefined);
    if (targets.length === 0)
        return { results: [], failed: [], withheld: [] };
    const { previous, event: _event, change: _change, edit, ...deliverOpts } = opts;
    const results = [];
    const withheld = [];
    const jobs = [];
    const rendered = await Promise.all(targets.map(async (target) => {
        const before = previous?.[target.source];
        const action = resumeAction(target, before, edit?.[target.source] !== undefined);
        if (action === 'keep' && before)
            return { ok: 'done', result: keptResult(target, before) };
        if (action === 'withhold' && before) {
            const result = { ...(0,_result_js__WEBPACK_IMPORTED_MODULE_1__/* .undeliveredResult */ .B)(target, WITHHELD_ERROR), attempts: before.attempts };
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
        const deadlineMs = Math.max(0, (opts.deadlineMs ?? settings.deadlineMs) - (Date.now() - started));
        try {
            const { deliverAll } = await Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(96)]).then(__webpack_require__.bind(__webpack_require__, 73096));
            const delivered = await deliverAll(jobs, { ...deliverOpts, deadlineMs });
            delivered.forEach((result, i) => {
                results[jobs[i].index] = result;
            });
        }
        catch (err) {
            // deliverAll does not throw; this guards the import itself.
            const reason = `could not deliver: ${err instanceof Error ? err.message : String(err)}`;
            for (const job of jobs)
                results[job.index] = failedResult(job.target, reason);
        }
    }
    const all = results.filter((r) => r !== null);
    return { results: all, failed: all.filter((r) => !r.delivered && !withheld.includes(r)), withheld };
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
    };
}
function failedResult(target, error) {
    return (0,_result_js__WEBPACK_IMPORTED_MODULE_1__/* .undeliveredResult */ .B)(target, (0,_runner_secrets_js__WEBPACK_IMPORTED_MODULE_0__/* .scrub */ ._I)(error));
}
/** One log line: `notifications: 1 of 2 delivered; webhook-url failed: HTTP 404: … (1 attempt)`. */
function summarizeResults(results) {
    if (results.length === 0)
        return 'notifications: no target for this outcome';
    const ok = results.filter((r) => r.delivered).length;
    const failures = results
        .filter((r) => !r.delivered)
        .map((r) => `${r.source} (${r.url}) failed: ${r.error ?? 'unknown error'}`);
    const head = `notifications: ${ok} of ${results.length} delivered`;
    return scrub(failures.length ? `${head}; ${failures.join('; ')}` : head);
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
    };
}


/***/ })

};
