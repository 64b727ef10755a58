export const id = 692;
export const ids = [692,279,637];
export const modules = {

/***/ 68788:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _z: () => (/* reexport safe */ _deliver_js__WEBPACK_IMPORTED_MODULE_1__._z),
/* harmony export */   editMessage: () => (/* binding */ editMessage),
/* harmony export */   getMessage: () => (/* binding */ getMessage),
/* harmony export */   n2: () => (/* binding */ closeDiscordApi),
/* harmony export */   oH: () => (/* binding */ createMessage),
/* harmony export */   parseMessageRef: () => (/* reexport safe */ _deliver_js__WEBPACK_IMPORTED_MODULE_1__.parseMessageRef)
/* harmony export */ });
/* harmony import */ var undici__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(24371);
/* harmony import */ var _deliver_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(84363);
/* harmony import */ var _runner_secrets_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(72995);
// A small client for one Discord webhook's messages: create (execute with ?wait=true), edit, get.
//
// Contract:
// - One request per call: no retries and no waiting. A 429 comes back with the delay Discord asked for
//   (`retryAfterMs`, the larger of Retry-After, `retry_after` and X-RateLimit-Reset-After); the caller decides
//   whether to skip, postpone or give up. The live status skips; it never queues requests up.
// - Never throws and never rejects: every outcome is a value (`ok` with the message's id and channel, an HTTP
//   status, or a network error), each call bounded by its own timeout (`timeoutMs`, default the target's).
// - Every byte sent goes through delivery's own encoder (`encodeBody`), so the secret scrubber sees it exactly
//   as it sees a notification; an edit's body is cut down to what Discord's edit endpoint accepts.
// - The same dispatcher choice as delivery: an injected one (never closed here), else one shared
//   EnvHttpProxyAgent (HTTPS_PROXY / NO_PROXY honoured), closed with `closeDiscordApi()`.
// - `webhookUrl` is a normalised execute URL (`…/api/v10/webhooks/{id}/{token}?wait=true[&thread_id=…]`).




const DEFAULT_TIMEOUT_MS = 10_000;
const MAX_RESPONSE_BYTES = 64 * 1024;
let shared = null;
/** Posts a new message (`?wait=true`, so the answer carries its id). */
function createMessage(target, message, opts = {}) {
    const url = new URL(target.url);
    url.searchParams.set('wait', 'true');
    return call(target, 'POST', url.toString(), (0,_deliver_js__WEBPACK_IMPORTED_MODULE_1__/* .encodeBody */ .FT)({ method: 'POST' }, message), opts);
}
/** Edits message `ref` (an id, or `id:thread` from formatMessageRef) in place. */
function editMessage(target, ref, message, opts = {}) {
    const url = refUrl(target, ref);
    if (url === null)
        return Promise.resolve(badRef(ref));
    const body = { ...message, body: (0,_deliver_js__WEBPACK_IMPORTED_MODULE_1__.editRequestBody)(message.body) };
    return call(target, 'PATCH', url, (0,_deliver_js__WEBPACK_IMPORTED_MODULE_1__/* .encodeBody */ .FT)({ method: 'PATCH' }, body), opts);
}
function getMessage(target, ref, opts = {}) {
    const url = refUrl(target, ref);
    if (url === null)
        return Promise.resolve(badRef(ref));
    return call(target, 'GET', url, { bytes: null, contentType: null }, opts);
}
/** Closes the shared dispatcher (its idle keep-alive sockets) once no more calls are coming. */
async function closeDiscordApi() {
    const agent = shared;
    shared = null;
    await agent?.close().catch(() => undefined);
}
function refUrl(target, ref) {
    const parsed = (0,_deliver_js__WEBPACK_IMPORTED_MODULE_1__.parseMessageRef)(ref);
    return parsed ? (0,_deliver_js__WEBPACK_IMPORTED_MODULE_1__/* .discordMessageUrl */ .ll)(target.url, parsed.messageId, parsed.threadId) : null;
}
function badRef(ref) {
    return {
        ok: false,
        kind: 'http',
        status: 404,
        retryAfterMs: null,
        code: 10008,
        detail: `not a Discord message id: ${JSON.stringify(ref.slice(0, 40))}`,
    };
}
async function call(target, method, url, payload, opts) {
    const timeoutMs = opts.timeoutMs ?? target.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = opts.signal ? AbortSignal.any([timeout, opts.signal]) : timeout;
    try {
        const response = await (0,undici__WEBPACK_IMPORTED_MODULE_0__/* .request */ .Em)(url, {
            method,
            headers: headersFor(target, payload, opts),
            body: payload.bytes,
            dispatcher: opts.dispatcher ?? (shared ??= new undici__WEBPACK_IMPORTED_MODULE_0__/* .EnvHttpProxyAgent */ .J2()),
            signal,
        });
        const text = await readCapped(response.body);
        return interpret(response.statusCode, response.headers, text);
    }
    catch (err) {
        return {
            ok: false,
            kind: 'network',
            detail: networkDetail(err, timeout.aborted, timeoutMs),
            timedOut: timeout.aborted,
        };
    }
}
function headersFor(target, payload, opts) {
    const headers = {
        'user-agent': opts.userAgent ?? (0,_deliver_js__WEBPACK_IMPORTED_MODULE_1__/* .userAgents */ .e)().discord,
        accept: 'application/json',
    };
    for (const [name, value] of Object.entries(target.headers ?? {}))
        headers[name.toLowerCase()] = value;
    if (payload.contentType !== null)
        headers['content-type'] = payload.contentType;
    else
        delete headers['content-type'];
    if (target.basicAuth) {
        const { username, password } = target.basicAuth;
        headers.authorization = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
    }
    return headers;
}
function interpret(status, headers, text) {
    const json = parseObject(text);
    if (status >= 200 && status < 300) {
        const id = typeof json?.id === 'string' ? json.id : null;
        if (id === null) {
            return {
                ok: false,
                kind: 'http',
                status,
                retryAfterMs: null,
                code: null,
                detail: 'the answer carries no message id',
            };
        }
        const channelId = typeof json?.channel_id === 'string' ? json.channel_id : null;
        return { ok: true, status, message: { id, channelId }, body: json ?? {} };
    }
    const delays = [];
    const header = (name) => {
        const v = headers[name];
        return Array.isArray(v) ? v[0] : v;
    };
    const retryAfter = (0,_deliver_js__WEBPACK_IMPORTED_MODULE_1__/* .parseRetryAfter */ .mu)(header('retry-after'), Date.now(), header('date'));
    if (retryAfter !== null)
        delays.push(retryAfter);
    if (typeof json?.retry_after === 'number' && json.retry_after >= 0)
        delays.push(Math.ceil(json.retry_after * 1000));
    const resetAfter = status === 429 ? (0,_deliver_js__WEBPACK_IMPORTED_MODULE_1__/* .parseRetryAfter */ .mu)(header('x-ratelimit-reset-after'), Date.now()) : null;
    if (resetAfter !== null)
        delays.push(resetAfter);
    const code = typeof json?.code === 'number' ? json.code : null;
    const message = typeof json?.message === 'string' ? json.message : text;
    const detail = message.replace(/\s+/g, ' ').trim().slice(0, 200) || `HTTP ${status}`;
    return {
        ok: false,
        kind: 'http',
        status,
        retryAfterMs: delays.length ? Math.max(...delays) : null,
        code,
        detail: (0,_runner_secrets_js__WEBPACK_IMPORTED_MODULE_2__/* .scrub */ ._I)(code === null ? detail : `${detail} (code ${code})`),
    };
}
async function readCapped(body) {
    const chunks = [];
    let size = 0;
    for await (const chunk of body) {
        chunks.push(chunk);
        size += chunk.length;
        if (size >= MAX_RESPONSE_BYTES)
            break;
    }
    return Buffer.concat(chunks).subarray(0, MAX_RESPONSE_BYTES).toString('utf8');
}
function networkDetail(err, timedOut, timeoutMs) {
    if (timedOut)
        return `timed out after ${timeoutMs / 1000} s`;
    const e = err;
    const code = e?.code ?? e?.cause?.code ?? '';
    const message = e?.message ?? String(err);
    return (0,_runner_secrets_js__WEBPACK_IMPORTED_MODULE_2__/* .scrub */ ._I)(code ? `network error: ${message} (${code})` : `network error: ${message}`);
}
function parseObject(text) {
    if (!text.startsWith('{'))
        return undefined;
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}


/***/ }),

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
