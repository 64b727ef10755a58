export const id = 363;
export const ids = [363];
export const modules = {

/***/ 84363:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  deliverAll: () => (/* binding */ deliverAll),
  parseMessageRef: () => (/* binding */ parseMessageRef)
});

// UNUSED EXPORTS: ACTION_NAME, ACTION_VERSION, discordMessageUrl, editRequestBody, encodeBody, formatDeadline, formatMessageRef, formatSeconds, parseRetryAfter, userAgents

// EXTERNAL MODULE: ./src/notify/duplicates.ts
var duplicates = __webpack_require__(55279);
// EXTERNAL MODULE: ./src/notify/result.ts
var result = __webpack_require__(8048);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(37067);
// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(24371);
// EXTERNAL MODULE: ./src/runner/secrets.ts
var secrets = __webpack_require__(72995);
// EXTERNAL MODULE: ./src/notify/sign.ts
var sign = __webpack_require__(83576);
;// CONCATENATED MODULE: ./src/notify/slack-errors.ts
// What Slack's incoming webhooks answer, in words a person can act on. Slack answers errors as a bare code in
// a plain-text body (`channel_not_found`), with an HTTP status; a workflow webhook answers JSON
// (`{"ok":false,"error":"…"}`). A 200 is success whatever its body says (Slack's documentation: "interpret a
// HTTP 200 response as success and any other response code as a failure").
const SLACK_ERROR_TEXT = {
    invalid_payload: 'Slack could not read the message (not valid JSON or not a Slack message)',
    user_not_found: 'Slack could not find a user the message names',
    no_text: 'the message has no text, which Slack requires',
    missing_text_or_fallback_or_attachments: 'the message has no text, which Slack requires',
    too_many_attachments: 'Slack takes at most 100 attachments in a message',
    invalid_blocks: "Slack refused the message's blocks (a Block Kit limit or shape)",
    invalid_blocks_format: "Slack refused the message's blocks (a Block Kit limit or shape)",
    invalid_attachments: "Slack refused the message's attachments",
    channel_not_found: 'the channel of this Slack webhook was deleted or the app was removed from it',
    channel_is_archived: 'the channel of this Slack webhook is archived; unarchive it or create a webhook for another channel',
    no_service: 'this Slack webhook was removed or disabled, or its URL is wrong; create a new one and update the secret',
    no_service_id: 'the Slack webhook URL is incomplete; copy it again from the app settings',
    no_team: 'the Slack workspace of this webhook was not found; check the URL',
    team_disabled: 'the Slack workspace of this webhook is disabled',
    invalid_token: 'the token in this Slack webhook URL is not valid (revoked or mistyped); create a new webhook',
    action_prohibited: 'a Slack admin restricts where this webhook may post',
    posting_to_general_channel_denied: 'only admins may post in this channel; point the webhook at another channel',
    rate_limited: 'Slack rate-limits this webhook (about one message a second)',
    rollup_error: "something went wrong on Slack's side",
};
/** The error code in Slack's answer: the plain-text body, or a workflow webhook's JSON `error`. */
function slackErrorCode(text, json) {
    const bare = text.trim();
    if (/^[a-z][a-z0-9_]{1,80}$/.test(bare))
        return bare;
    return typeof json?.error === 'string' && /^[a-z][a-z0-9_]{1,80}$/.test(json.error) ? json.error : null;
}
/** A sentence for a known code; null for one Slack has not documented. */
function slackErrorText(code) {
    return Object.hasOwn(SLACK_ERROR_TEXT, code) ? (SLACK_ERROR_TEXT[code] ?? null) : null;
}
/** A 200 that does not say `ok` (nor `{"ok":true}`): what to log about it, or null when it is plainly ok. */
function slackOddSuccess(text, json) {
    const body = text.trim();
    if (body === 'ok' || body === '' || json?.ok === true)
        return null;
    const shown = body.replace(/\s+/g, ' ');
    return shown.length > 200 ? `${shown.slice(0, 199)}…` : shown;
}

// EXTERNAL MODULE: ./src/notify/teams-answer.ts
var teams_answer = __webpack_require__(85346);
;// CONCATENATED MODULE: ./src/notify/deliver.ts
// Delivery: one undici client (through EnvHttpProxyAgent) that sends every rendered message to its target,
// concurrently, with per-attempt timeouts, an overall deadline, retries with full-jitter backoff, Retry-After,
// signing, and one clear outcome per target. Imported lazily (only when there is a target); it never throws.









const ACTION_NAME = 'jetson-build-action';
const ACTION_VERSION = '1';
const DEFAULT_REPOSITORY = `${ACTION_NAME}/${ACTION_NAME}`;
const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504]);
const DISCORD_GONE_STATUS = new Set([401, 403, 404]);
/** Network failures that a retry cannot fix: bad certificates, bad arguments. */
const PERMANENT_NETWORK = /^(CERT_|ERR_TLS_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|UND_ERR_INVALID_ARG|ERR_INVALID)/;
/** The default User-Agents: Discord asks for `DiscordBot (<url>, <version>)`. */
function userAgents(opts = {}) {
    const repo = opts.actionRepository || process.env.GITHUB_ACTION_REPOSITORY || DEFAULT_REPOSITORY;
    const version = opts.version || process.env.GITHUB_ACTION_REF || ACTION_VERSION;
    const home = `https://github.com/${repo}`;
    return { generic: `${ACTION_NAME}/${version} (+${home})`, discord: `DiscordBot (${home}, ${version})` };
}
/** Delivers every job concurrently and reports one result per job, in order. Never throws. */
async function deliverAll(jobs, opts) {
    const defaults = userAgents(opts);
    const ownDispatcher = opts.dispatcher ? null : new undici/* EnvHttpProxyAgent */.J2();
    const stop = opts.stop ?? new AbortController().signal;
    const sleep = opts.sleep;
    const ctx = {
        deadlineAt: Date.now() + opts.deadlineMs,
        deadlineMs: opts.deadlineMs,
        dispatcher: opts.dispatcher ?? ownDispatcher,
        userAgent: opts.userAgent ?? defaults.generic,
        discordUserAgent: opts.discordUserAgent ?? defaults.discord,
        log: opts.log ?? (() => { }),
        sleep: sleep ? (ms) => raceStop(sleep(ms), stop) : (ms) => defaultSleep(ms, stop),
        random: opts.random ?? Math.random,
        backoffBaseMs: opts.backoffBaseMs ?? 1000,
        backoffCapMs: opts.backoffCapMs ?? 30_000,
        maxResponseBytes: opts.maxResponseBytes ?? 64 * 1024,
        newId: opts.newId ?? (() => `msg_${(0,external_node_crypto_.randomUUID)().replaceAll('-', '')}`),
        onFate: (target, record) => {
            try {
                opts.onFate?.(target, record);
            }
            catch {
                // A reporting hook must not change the outcome.
            }
        },
        stop,
    };
    try {
        return await Promise.all(jobs.map(async (job) => {
            const result = await deliverOne(job, ctx);
            try {
                opts.onResult?.(result);
            }
            catch {
                // A reporting hook must not change the outcome.
            }
            return result;
        }));
    }
    finally {
        await closeQuietly(ownDispatcher);
    }
}
async function deliverOne(job, ctx) {
    return new Delivery(job, ctx).run();
}
/** One target's story: its attempts, the fates reported on the way, and its result. */
class Delivery {
    job;
    ctx;
    target;
    started;
    result;
    // Whether the last attempt may have delivered without us seeing the answer: it started writing the request
    // and then got no answer at all. An HTTP answer, or a failure before the request started, cannot have.
    lastMaybeLanded = false;
    lastFailure = null;
    /** What goes on the wire: the target itself, or its message URL and PATCH while editing a message in place. */
    wire;
    editing = false;
    /** The edit failed for good and the result went out as a new message instead (at most once). */
    postedInstead = false;
    constructor(job, ctx) {
        this.job = job;
        this.ctx = ctx;
        this.target = job.target;
        this.wire = job.target;
        this.started = Date.now();
        this.result = (0,result/* undeliveredResult */.B)(job.target);
    }
    /** The bytes to send: an edit of the job's Discord message when it names one, else a new message. */
    encode() {
        const { target, job } = this;
        const ref = target.format === 'discord' && job.editMessageId ? parseMessageRef(job.editMessageId) : null;
        if (ref === null)
            return encodeBody(target, job.message);
        this.editing = true;
        this.wire = {
            ...target,
            method: 'PATCH',
            url: discordMessageUrl(target.url, ref.messageId, ref.threadId),
        };
        return encodeBody(this.wire, { ...job.message, body: editRequestBody(job.message.body) });
    }
    /**
     * The message to edit was deleted, or the edit failed for good: the result goes out as a new message
     * instead, in this same delivery, so it is never lost (the live message then stays behind).
     */
    postInstead(why = 'was deleted (HTTP 404 Unknown Message)') {
        this.editing = false;
        this.postedInstead = true;
        this.wire = this.target;
        this.ctx.log(`${this.target.source}: the message to edit (${this.job.editMessageId ?? ''}) ${why}; posting the result as a new message`);
        return encodeBody(this.target, this.job.postMessage ?? this.job.message);
    }
    /**
     * An edit Discord refused for good with an HTTP answer (429 until the retries ran out, a 5xx …): one
     * attempt at a new message instead. Not after a network failure (the edit may have landed) nor when the
     * webhook itself is gone (a new message would fail the same way).
     */
    canPostInstead(outcome) {
        return (this.editing &&
            !this.postedInstead &&
            outcome.kind === 'http' &&
            !DISCORD_GONE_STATUS.has(outcome.status));
    }
    async run() {
        const { target, result, ctx } = this;
        try {
            let payload = this.encode();
            const id = ctx.newId(target);
            while (true) {
                if (ctx.stop.aborted) {
                    // The fate stays what it was (nothing, or retry-wait): the caller may safely send it again.
                    return this.finish(this.lastFailure === null
                        ? 'not sent: the step is being cancelled'
                        : `not retried: the step is being cancelled (last: ${this.lastFailure})`);
                }
                const remaining = ctx.deadlineAt - Date.now();
                if (remaining <= 0) {
                    return this.fail(`gave up: the ${formatDeadline(ctx.deadlineMs)} deadline was reached${after(result)}`);
                }
                const timeoutMs = Math.min(target.timeoutMs, remaining);
                const outcome = await this.send(payload, id, timeoutMs);
                if (outcome.kind === 'delivered') {
                    if (outcome.note)
                        ctx.log(`${target.source}: ${(0,secrets/* scrub */._I)(outcome.note)}`);
                    result.messageId = outcome.messageId;
                    result.confirmed = outcome.accepted === undefined;
                    // A remark on an accepted answer (a 202, a Slack 200 that is not `ok`) shows in the outputs too.
                    result.note = outcome.accepted ?? (outcome.note ? (0,secrets/* scrub */._I)(outcome.note) : null);
                    this.record('delivered');
                    return this.finish(null);
                }
                if (outcome.kind === 'network' && outcome.timedOut && timeoutMs < target.timeoutMs) {
                    // The attempt was cut short by the overall deadline, not by its own timeout.
                    return this.fail(`gave up: the ${formatDeadline(ctx.deadlineMs)} deadline was reached during attempt ${result.attempts}`);
                }
                if (outcome.kind === 'http' && outcome.messageGone && this.editing) {
                    payload = this.postInstead();
                    continue;
                }
                const failure = failureText(outcome, target);
                this.lastFailure = failure;
                const next = this.nextStep(outcome, failure);
                if ('giveUp' in next) {
                    if (!this.canPostInstead(outcome))
                        return this.fail(next.giveUp);
                    payload = this.postInstead(`could not be edited (${next.giveUp})`);
                    continue;
                }
                // Not in flight: a stop now ends the wait, and whoever resumes may send it again.
                this.record('retry-wait');
                ctx.log(`${target.source}: attempt ${result.attempts} failed (${(0,secrets/* scrub */._I)(failure)}); retrying in ${formatSeconds(next.waitMs)}`);
                await ctx.sleep(next.waitMs);
            }
        }
        catch (err) {
            // Anything unexpected (an unserialisable message, a bug): a failed target, never a thrown notify.
            return this.finish(`could not deliver: ${err instanceof Error ? err.message : String(err)}`);
        }
    }
    /** One attempt, counted, with `sending` reported before its first byte goes out. */
    async send(payload, id, timeoutMs) {
        this.result.attempts += 1;
        let started = false;
        const outcome = await attempt(this.wire, payload, id, timeoutMs, this.ctx, () => {
            started = true;
            this.record('sending');
        });
        this.lastMaybeLanded = started && outcome.kind === 'network';
        if (outcome.kind !== 'network')
            this.result.httpStatus = outcome.status;
        return outcome;
    }
    /**
     * After a failed attempt: the wait before the next one, or why there is none. `failure` describes the
     * attempt; the counts are added here, where the story ends.
     */
    nextStep(outcome, failure) {
        const { target, result, ctx } = this;
        const attemptsNote = `(${plural(result.attempts, 'attempt')})`;
        if (!outcome.retry)
            return { giveUp: failure };
        // An edit is idempotent: sending it again cannot post a second message.
        if (this.lastMaybeLanded && !(0,duplicates/* dropsDuplicates */.F)(target.format) && !this.editing) {
            // Discord, Slack and Teams have no idempotency key: a request that went out and was never answered may
            // have posted the message, and sending it again could post it twice. At most once, said plainly.
            return {
                giveUp: `${failure}; not retried: the request was sent and may have been delivered (${(0,duplicates.platformName)(target.format)} cannot drop a repeated message) ${attemptsNote}`,
            };
        }
        if (result.attempts >= target.retries + 1)
            return { giveUp: `${failure} ${attemptsNote}` };
        const serverDelayMs = outcome.kind === 'http' ? outcome.serverDelayMs : null;
        const backoffMs = Math.floor(ctx.random() * Math.min(ctx.backoffCapMs, ctx.backoffBaseMs * 2 ** (result.attempts - 1)));
        // The server's delay wins over the backoff, even above the cap: retrying earlier only earns another 429.
        const waitMs = serverDelayMs ?? backoffMs;
        if (waitMs < ctx.deadlineAt - Date.now())
            return { waitMs };
        const deadline = formatDeadline(ctx.deadlineMs);
        if (serverDelayMs !== null) {
            const verb = serverDelayMs > ctx.deadlineMs ? 'exceeds' : 'would pass';
            return {
                giveUp: `gave up: Retry-After ${formatSeconds(serverDelayMs)} ${verb} the ${deadline} deadline ` +
                    `(HTTP ${result.httpStatus}, ${plural(result.attempts, 'attempt')})`,
            };
        }
        return {
            giveUp: `gave up: the ${deadline} deadline was reached after ${plural(result.attempts, 'attempt')} (last: ${failure})`,
        };
    }
    record(fate) {
        this.ctx.onFate(this.target, {
            fate,
            attempts: this.result.attempts,
            httpStatus: this.result.httpStatus,
            messageId: this.result.messageId,
        });
    }
    finish(error) {
        const { result } = this;
        result.error = error === null ? null : (0,secrets/* scrub */._I)(error);
        result.delivered = error === null;
        result.durationMs = Date.now() - this.started;
        return result;
    }
    /** The end of the story for an undelivered target: its last fate, then its result. */
    fail(error) {
        if (this.result.attempts > 0)
            this.record(this.lastMaybeLanded ? 'unknown' : 'failed');
        return this.finish(error);
    }
}
/** What a failed attempt was, in words, without the counts. */
function failureText(outcome, target) {
    if (outcome.kind === 'http') {
        return `HTTP ${outcome.status}${outcome.slackCode ? ` ${outcome.slackCode}` : ''}: ${outcome.detail}`;
    }
    if (outcome.timedOut)
        return `${outcome.detail} after ${formatSeconds(target.timeoutMs)}`;
    return outcome.detail;
}
function after(result) {
    return result.attempts === 0 ? ' before the first attempt' : ` (${plural(result.attempts, 'attempt')})`;
}
async function attempt(target, payload, id, timeoutMs, ctx, onStart) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
        const headers = buildHeaders(target, payload, id, ctx);
        let response;
        try {
            response = await (0,undici/* request */.Em)(target.url, {
                method: target.method,
                headers,
                body: payload.bytes,
                dispatcher: watchStart(ctx.dispatcher, onStart),
                signal: controller.signal,
            });
        }
        catch (err) {
            return networkOutcome(err, controller.signal.aborted);
        }
        const status = response.statusCode;
        let text = '';
        try {
            text = (await readCapped(response.body, ctx.maxResponseBytes)).toString('utf8');
        }
        catch (err) {
            // The status is in: a 2xx was accepted even if its body never finished (retrying would post twice).
            if (!isSuccess(status))
                return networkOutcome(err, controller.signal.aborted);
            ctx.log(`${target.source}: HTTP ${status}, but the response body could not be read`);
        }
        return httpOutcome(target, status, response.headers, text);
    }
    finally {
        clearTimeout(timer);
    }
}
/**
 * The dispatcher with a hook on the moment the request is handed to a connected socket, just before its first
 * byte is written (undici's onRequestStart). Errors before it (DNS, refused, connect timeout, TLS, a proxy
 * tunnel that failed) mean nothing was sent, so sending again cannot duplicate the message.
 */
function watchStart(dispatcher, onStart) {
    return dispatcher.compose((dispatch) => (options, handler) => dispatch(options, new StartWatch(handler, onStart)));
}
class StartWatch {
    inner;
    onStart;
    announced = false;
    constructor(inner, onStart) {
        this.inner = inner;
        this.onStart = onStart;
    }
    onRequestStart(controller, context) {
        if (!this.announced) {
            this.announced = true;
            this.onStart();
        }
        this.inner.onRequestStart?.(controller, context);
    }
    onRequestUpgrade(controller, statusCode, headers, socket) {
        this.inner.onRequestUpgrade?.(controller, statusCode, headers, socket);
    }
    onResponseStart(controller, statusCode, headers, statusMessage) {
        this.inner.onResponseStart?.(controller, statusCode, headers, statusMessage);
    }
    onResponseData(controller, chunk) {
        this.inner.onResponseData?.(controller, chunk);
    }
    onResponseEnd(controller, trailers) {
        this.inner.onResponseEnd?.(controller, trailers);
    }
    onResponseError(controller, error) {
        this.inner.onResponseError?.(controller, error);
    }
}
function buildHeaders(target, payload, id, ctx) {
    const headers = {
        'user-agent': target.format === 'discord' ? ctx.discordUserAgent : ctx.userAgent,
        accept: 'application/json, */*;q=0.5',
    };
    for (const [name, value] of Object.entries(target.headers))
        headers[name.toLowerCase()] = value;
    if (payload.contentType === null)
        delete headers['content-type'];
    else if (payload.contentType.startsWith('multipart/') || !headers['content-type']) {
        headers['content-type'] = payload.contentType;
    }
    if (target.basicAuth) {
        const { username, password } = target.basicAuth;
        headers.authorization = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
    }
    // The receiver's idempotency key: the same on every retry, signed or not.
    headers['webhook-id'] = id;
    if (target.secret) {
        const timestamp = Math.floor(Date.now() / 1000);
        // signHeaders names its headers in lower case, like the rest here: a user header of the same name is replaced.
        Object.assign(headers, (0,sign/* signHeaders */.E_)(target.signature, target.secret, { id, timestamp, body: payload.bytes ?? '' }));
    }
    return headers;
}
async function readCapped(body, cap) {
    const chunks = [];
    let size = 0;
    // Leaving the loop, by break or by error, destroys the stream (a Readable's async iterator does): the rest is
    // never buffered, and nothing waits for a server that stalls after the cap.
    for await (const chunk of body) {
        chunks.push(chunk.subarray(0, Math.max(0, cap - size)));
        size += chunk.length;
        if (size >= cap)
            break;
    }
    return Buffer.concat(chunks);
}
function networkOutcome(err, timedOut) {
    if (timedOut)
        return { kind: 'network', retry: true, detail: 'timed out', timedOut: true };
    const e = err;
    const code = e?.code ?? e?.cause?.code ?? '';
    const detail = describeNetworkError(code, e?.message ?? String(err));
    // Everything else, undici's own header/body/connect timeouts included, may work on another try.
    return { kind: 'network', retry: !PERMANENT_NETWORK.test(code), detail, timedOut: false };
}
function describeNetworkError(code, message) {
    switch (code) {
        case 'ECONNRESET':
            return 'connection reset (ECONNRESET)';
        case 'UND_ERR_SOCKET':
            return 'connection closed by the server before it answered (UND_ERR_SOCKET)';
        case 'ECONNREFUSED':
            return 'connection refused (ECONNREFUSED)';
        case 'ENOTFOUND':
        case 'EAI_AGAIN':
            return `host name lookup failed (${code})`;
        case 'UND_ERR_CONNECT_TIMEOUT':
            return 'connect timed out (UND_ERR_CONNECT_TIMEOUT)';
        case 'UND_ERR_HEADERS_TIMEOUT':
        case 'UND_ERR_BODY_TIMEOUT':
            return `the server stopped answering (${code})`;
        default:
            return code ? `network error: ${message} (${code})` : `network error: ${message}`;
    }
}
function httpOutcome(target, status, headers, text) {
    const json = parseObject(text);
    if (target.format === 'slack')
        return slackOutcome(status, headers, text, json);
    if (target.format === 'teams')
        return (0,teams_answer/* teamsOutcome */.JL)(status, text, json, serverDelay(status, headers, json));
    if (isSuccess(status)) {
        const id = target.format === 'discord' && typeof json?.id === 'string' ? json.id : null;
        return status === 202
            ? { kind: 'delivered', status, messageId: id, accepted: teams_answer/* ACCEPTED_NOTE */.t6 }
            : { kind: 'delivered', status, messageId: id };
    }
    if (status < 400) {
        // 3xx (2xx was handled above)
        return {
            kind: 'http',
            status,
            retry: false,
            detail: 'redirects are not followed; configure the final URL',
            serverDelayMs: null,
        };
    }
    if (target.format === 'discord' && target.method === 'PATCH' && status === 404 && json?.code !== 10015) {
        return {
            kind: 'http',
            status,
            retry: false,
            detail: 'the message to edit was deleted (Unknown Message)',
            serverDelayMs: null,
            messageGone: true,
        };
    }
    if (target.format === 'discord' && DISCORD_GONE_STATUS.has(status)) {
        return {
            kind: 'http',
            status,
            retry: false,
            detail: 'webhook is invalid or was deleted',
            serverDelayMs: null,
        };
    }
    const retry = RETRYABLE_STATUS.has(status);
    return {
        kind: 'http',
        status,
        retry,
        detail: describeBody(status, json, text),
        serverDelayMs: serverDelay(status, headers, json), // only waited for when retried
    };
}
/**
 * Slack's answers: a 200 is delivered (noted when it does not say `ok`); an error code becomes a sentence;
 * 408, 429 and 5xx are retried (429 after its Retry-After), every other refusal is final.
 */
function slackOutcome(status, headers, text, json) {
    if (isSuccess(status)) {
        const odd = slackOddSuccess(text, json);
        const note = odd
            ? `HTTP ${status} but the answer was not \`ok\` (${odd}); counted as delivered, as Slack documents any 200`
            : undefined;
        return { kind: 'delivered', status, messageId: null, ...(note ? { note } : {}) };
    }
    const code = slackErrorCode(text, json);
    const known = code ? slackErrorText(code) : null;
    const retry = RETRYABLE_STATUS.has(status) || status >= 500;
    const base = { kind: 'http', status, retry, serverDelayMs: serverDelay(status, headers, json) };
    if (code && known)
        return { ...base, detail: known, slackCode: code };
    if (status < 400) {
        return { ...base, retry: false, detail: 'redirects are not followed; configure the final URL' };
    }
    return { ...base, detail: describeBody(status, json, text) };
}
function describeBody(status, json, text) {
    let detail;
    if (typeof json?.message === 'string') {
        detail = json.message;
        if (json.code !== undefined)
            detail += ` (code ${String(json.code)})`;
        if (json.errors !== undefined)
            detail += ` ${JSON.stringify(json.errors)}`;
    }
    else {
        detail = text;
    }
    detail = detail.replace(/\s+/g, ' ').trim();
    if (detail === '')
        return external_node_http_.STATUS_CODES[status] ?? 'error';
    return detail.length > 300 ? `${detail.slice(0, 299)}…` : detail;
}
/** The longest delay the server asked for (Retry-After, Discord's retry_after, X-RateLimit-Reset-After). */
function serverDelay(status, headers, json) {
    const candidates = [];
    const retryAfter = parseRetryAfter(headerValue(headers, 'retry-after'), Date.now(), headerValue(headers, 'date'));
    if (retryAfter !== null)
        candidates.push(retryAfter);
    if (status === 429) {
        if (typeof json?.retry_after === 'number' && json.retry_after >= 0) {
            candidates.push(Math.ceil(json.retry_after * 1000));
        }
        const resetAfter = parseDelaySeconds(headerValue(headers, 'x-ratelimit-reset-after'));
        if (resetAfter !== null)
            candidates.push(resetAfter);
    }
    return candidates.length ? Math.max(...candidates) : null;
}
/**
 * A Retry-After value in milliseconds: delay-seconds (decimals allowed) or an HTTP-date. A date is measured
 * against the response's own `Date` header when there is one, so a skewed runner clock does not matter.
 */
function parseRetryAfter(value, nowMs, serverDate) {
    if (value === undefined)
        return null;
    const seconds = parseDelaySeconds(value);
    if (seconds !== null)
        return seconds;
    const at = /[A-Za-z]{3}/.test(value) ? Date.parse(value) : Number.NaN;
    if (Number.isNaN(at))
        return null;
    const server = Date.parse(String(serverDate)); // NaN when there is none
    return Math.max(0, at - (Number.isNaN(server) ? nowMs : server));
}
function parseDelaySeconds(value) {
    if (!/^\s*\d+(\.\d+)?\s*$/.test(String(value)))
        return null;
    return Math.ceil(Number(value) * 1000);
}
function headerValue(headers, name) {
    const v = headers[name];
    return Array.isArray(v) ? v[0] : v;
}
// ---------------------------------------------------------------------------------------------- body
/**
 * The exact bytes to send (signed as they are): JSON, multipart with files, or nothing for GET/DELETE.
 * Every byte that leaves goes through the secret scrubber here, so no renderer or caller can forget it: the
 * JSON structurally (before escaping could hide a secret holding `"` or `\`), files and their names as bytes.
 */
function encodeBody(target, message) {
    if (target.method === 'GET' || target.method === 'DELETE')
        return { bytes: null, contentType: null };
    if (message.files.length === 0) {
        return { bytes: Buffer.from(toJson((0,secrets/* scrubDeep */.wE)(message.body))), contentType: 'application/json' };
    }
    const files = message.files.map((f) => ({ ...f, name: (0,secrets/* scrub */._I)(f.name), data: (0,secrets/* scrubBytes */.Jv)(f.data) }));
    let body = (0,secrets/* scrubDeep */.wE)(message.body);
    if (isRecord(body) && body.attachments === undefined) {
        body = { ...body, attachments: files.map((f, i) => ({ id: String(i), filename: f.name })) };
    }
    const parts = [
        {
            headers: 'Content-Disposition: form-data; name="payload_json"\r\nContent-Type: application/json',
            data: Buffer.from(toJson(body)),
        },
        ...files.map((file, i) => ({
            headers: `Content-Disposition: form-data; name="files[${i}]"; filename="${escapeFilename(file.name)}"\r\n` +
                `Content-Type: ${file.contentType.replace(/[\r\n]/g, '') || 'application/octet-stream'}`,
            data: file.data,
        })),
    ];
    let boundary = newBoundary();
    for (let i = 0; i < 5 && parts.some((p) => p.data.includes(boundary)); i++)
        boundary = newBoundary();
    const chunks = [];
    for (const part of parts) {
        chunks.push(Buffer.from(`--${boundary}\r\n${part.headers}\r\n\r\n`), part.data, Buffer.from('\r\n'));
    }
    chunks.push(Buffer.from(`--${boundary}--\r\n`));
    return { bytes: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}
function toJson(body) {
    const text = JSON.stringify(body ?? null);
    if (text === undefined)
        throw new Error('the rendered message is not JSON-serialisable');
    return text;
}
function newBoundary() {
    return `----${ACTION_NAME}-${(0,external_node_crypto_.randomBytes)(12).toString('hex')}`;
}
function escapeFilename(name) {
    return name.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
// ---------------------------------------------------------------------------------------------- Discord edits
/**
 * A message to edit, as carried in `NotifyOptions.edit` and in the state main saves for post: the message id,
 * or `<message id>:<thread id>` when the message opened a thread of its own (a forum post made with
 * `thread_name`), which Discord finds only through that thread.
 */
function parseMessageRef(ref) {
    const m = /^(\d{1,20})(?::(\d{1,20}))?$/.exec(ref.trim());
    return m ? { messageId: m[1], threadId: m[2] ?? null } : null;
}
function formatMessageRef(messageId, threadId) {
    return threadId ? `${messageId}:${threadId}` : messageId;
}
/**
 * The edit URL of a message posted through a normalised execute URL:
 * `…/webhooks/{id}/{token}?wait=true[&thread_id=t]` → `…/webhooks/{id}/{token}/messages/{mid}[?thread_id=t]`.
 * `threadId` (the thread a forum post opened) replaces the URL's own.
 */
function discordMessageUrl(webhookUrl, messageId, threadId) {
    const u = new URL(webhookUrl);
    const thread = threadId ?? u.searchParams.get('thread_id');
    u.pathname = `${u.pathname.replace(/\/+$/, '')}/messages/${encodeURIComponent(messageId)}`;
    u.search = '';
    if (thread)
        u.searchParams.set('thread_id', thread);
    return u.toString();
}
/** What Discord's edit-message body accepts; the rest (username, avatar_url, tts, thread_name …) is create-only. */
const EDIT_FIELDS = [
    'content',
    'embeds',
    'allowed_mentions',
    'components',
    'attachments',
    'flags',
];
/** The only flag an edit may set (SUPPRESS_EMBEDS); SUPPRESS_NOTIFICATIONS applies to a new message only. */
const EDITABLE_FLAGS = 4;
/**
 * An execute-webhook body as an edit body: create-only fields dropped, and `content` and `embeds` always
 * given, since an edit leaves out what it does not name (a live message's text would otherwise survive).
 */
function editRequestBody(body) {
    if (!isRecord(body))
        return body;
    const out = {};
    for (const key of EDIT_FIELDS)
        if (body[key] !== undefined)
            out[key] = body[key];
    out.content ??= '';
    out.embeds ??= [];
    if (typeof out.flags === 'number' && (out.flags & EDITABLE_FLAGS) !== 0)
        out.flags = EDITABLE_FLAGS;
    else
        delete out.flags;
    return out;
}
/** The answer as a JSON object, if it is one: only an object carries a message, an id or a retry_after. */
function parseObject(text) {
    if (!text.startsWith('{'))
        return undefined;
    try {
        return JSON.parse(text); // text that starts with '{' and parses is an object
    }
    catch {
        return undefined;
    }
}
/** 2xx: undici answers 1xx itself, so a final status is never below 200. */
function isSuccess(status) {
    return status < 300;
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
/** 0.5 s, 10 s, 1.5 s. */
function formatSeconds(ms) {
    return `${Number((ms / 1000).toFixed(1))} s`;
}
/** 5 min, 90 s. */
function formatDeadline(ms) {
    return ms % 60_000 === 0 ? `${ms / 60_000} min` : formatSeconds(ms);
}
/** Waits `ms`, or less when `stop` is aborted (the timer is cleared: nothing keeps the process alive). */
function defaultSleep(ms, stop) {
    if (stop.aborted)
        return Promise.resolve();
    return new Promise((resolve) => {
        const done = () => {
            clearTimeout(timer);
            stop.removeEventListener('abort', done);
            resolve();
        };
        const timer = setTimeout(done, ms);
        stop.addEventListener('abort', done);
    });
}
/** An injected sleep that a stop still cuts short. */
function raceStop(wait, stop) {
    if (stop.aborted)
        return Promise.resolve();
    return new Promise((resolve) => {
        const done = () => {
            stop.removeEventListener('abort', done);
            resolve();
        };
        stop.addEventListener('abort', done);
        wait.then(done, done);
    });
}
/** Every request has settled, so nothing is left to finish: the idle connections are dropped at once. */
async function closeQuietly(dispatcher) {
    if (!dispatcher)
        return; // the caller's own: theirs to close
    const destroyed = dispatcher.destroy();
    try {
        await destroyed;
    }
    catch {
        // Best effort: the results are already in.
    }
}


/***/ })

};
