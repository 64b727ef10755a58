export const id = 637;
export const ids = [637,279];
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
