export const id = 239;
export const ids = [239,279,692,243,637];
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

/***/ 47755:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LiveStatus: () => (/* binding */ LiveStatus),
/* harmony export */   liveTargets: () => (/* binding */ liveTargets)
/* harmony export */ });
/* harmony import */ var _runner_secrets_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(72995);
/* harmony import */ var _discord_api_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(68788);
/* harmony import */ var _render_live_discord_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(61243);



/** Tries to post the live message at all when Discord answers 429 at the start. */
const CREATE_TRIES = 3;
const MAX_REQUEST_MS = 10_000;
/**
 * The create is off the build's critical path (start() is not awaited), so it is given long: a create that
 * Discord answers after the client gave up has posted a message nobody edits, and the result becomes a second
 * one. Its timeout is the larger of this and webhook-timeout; finish() waits for it as long.
 */
const MIN_CREATE_MS = 30_000;
/** The targets that get a live message: Discord ones that can fire at all, when `discord-live` is on. */
function liveTargets(settings) {
    if (!settings?.discord.live)
        return [];
    return settings.targets.filter((t) => t.format === 'discord' && t.on !== 'never');
}
class LiveTarget {
    target;
    ref = null;
    state = 'starting';
    /** A newer stage than the message shows. */
    dirty = false;
    inFlight = null;
    timer = null;
    /** No request before this (the interval, or a 429's delay). */
    nextAt = 0;
    creates = 0;
    constructor(target) {
        this.target = target;
    }
}
class LiveStatus {
    opts;
    live;
    intervalMs;
    stage = null;
    finished = false;
    constructor(opts) {
        this.opts = opts;
        this.live = liveTargets(opts.settings).map((t) => new LiveTarget(t));
        this.intervalMs = opts.intervalMs ?? opts.settings.discord.liveIntervalMs;
    }
    get active() {
        return this.live.length > 0;
    }
    /** Posts the "building" message to every live target (in the background). */
    start() {
        for (const t of this.live)
            this.create(t);
    }
    /** A stage started: the message shows it at the next allowed moment. */
    update(stage) {
        if (this.finished)
            return;
        const { target, name, index, total, phase } = stage;
        this.stage = { target, name, index, total, phase };
        for (const t of this.live) {
            t.dirty = true;
            this.pump(t);
        }
    }
    /** `parser`, passing every stage event it reports on to update(). */
    watch(parser) {
        const see = (events) => {
            let last;
            for (const ev of events)
                if (ev.kind === 'stage' && ev.stage)
                    last = ev.stage;
            if (last)
                this.update(last);
            return events;
        };
        return { write: (chunk) => see(parser.write(chunk)), end: () => see(parser.end()) };
    }
    /**
     * Stops live updates: drops what is pending, awaits the request in flight (up to `maxWaitMs`), and returns
     * the live message per target source, for the final notification to edit.
     */
    async finish(maxWaitMs) {
        this.finished = true;
        for (const t of this.live) {
            if (t.timer)
                clearTimeout(t.timer);
            t.timer = null;
            t.dirty = false;
        }
        const busy = this.live.filter((t) => t.inFlight !== null);
        const inFlight = busy.map((t) => t.inFlight);
        if (inFlight.length > 0) {
            // A create still on the wire is waited for to its own timeout: its message is the one to edit.
            const waitMs = maxWaitMs ?? Math.max(...busy.map((t) => this.requestOptions(t).timeoutMs));
            let timer;
            const cap = new Promise((resolve) => (timer = setTimeout(resolve, waitMs)));
            await Promise.race([Promise.allSettled(inFlight), cap]);
            clearTimeout(timer);
        }
        // Its idle keep-alive sockets would hold the process open; a request still on the wire may finish.
        if (!this.opts.dispatcher)
            void (0,_discord_api_js__WEBPACK_IMPORTED_MODULE_1__/* .closeDiscordApi */ .n2)();
        return this.refs();
    }
    refs() {
        const refs = {};
        for (const t of this.live)
            if (t.ref !== null)
                refs[t.target.source] = t.ref;
        return refs;
    }
    /**
     * Scrubbed here, before rendering: stage names come from the build's output, and markdown escaping (`_` →
     * `\_`) would hide a secret in one from the encoder's scrub of the rendered text.
     */
    progress() {
        const { packages, runner, link, startTime } = this.opts;
        return (0,_runner_secrets_js__WEBPACK_IMPORTED_MODULE_0__/* .scrubDeep */ .wE)({
            packages,
            runner,
            link,
            stage: this.stage,
            startTime: startTime.toISOString(),
            elapsedMs: Math.max(0, Date.now() - startTime.getTime()),
        });
    }
    requestOptions(t) {
        const timeoutMs = this.opts.timeoutMs ??
            (t.state === 'starting'
                ? Math.max(t.target.timeoutMs, MIN_CREATE_MS)
                : Math.min(t.target.timeoutMs, MAX_REQUEST_MS));
        return this.opts.dispatcher ? { timeoutMs, dispatcher: this.opts.dispatcher } : { timeoutMs };
    }
    create(t) {
        t.creates += 1;
        const { discord } = this.opts.settings;
        t.inFlight = (async () => {
            const message = (0,_render_live_discord_js__WEBPACK_IMPORTED_MODULE_2__.renderLiveDiscord)(this.progress(), discord);
            const result = await (0,_discord_api_js__WEBPACK_IMPORTED_MODULE_1__/* .createMessage */ .oH)(t.target, message, this.requestOptions(t));
            if (result.ok) {
                // A forum post opens a thread of its own, where Discord finds the message only through that thread.
                const url = new URL(t.target.url);
                const ownThread = discord.threadName && !url.searchParams.has('thread_id');
                t.ref = (0,_discord_api_js__WEBPACK_IMPORTED_MODULE_1__/* .formatMessageRef */ ._z)(result.message.id, ownThread ? result.message.channelId : null);
                t.state = 'live';
                t.nextAt = Date.now() + this.intervalMs;
                this.saveRefs();
            }
            else if (result.kind === 'http' && result.status === 429 && t.creates < CREATE_TRIES) {
                this.later(t, result.retryAfterMs ?? this.intervalMs, () => this.create(t));
            }
            else {
                this.stop(t, `could not post the live status message (${describe(result)})`);
            }
        })()
            .catch((err) => this.stop(t, `live status failed: ${String(err)}`))
            .finally(() => {
            t.inFlight = null;
            this.pump(t);
        });
    }
    /** Sends the newest stage if one is waiting, nothing is in flight and the interval has passed. */
    pump(t) {
        if (this.finished || t.state !== 'live' || !t.dirty || t.inFlight || t.timer)
            return;
        const wait = t.nextAt - Date.now();
        if (wait > 0) {
            this.later(t, wait, () => this.pump(t));
            return;
        }
        t.dirty = false;
        t.inFlight = this.edit(t)
            .catch((err) => this.stop(t, `live status failed: ${String(err)}`))
            .finally(() => {
            t.inFlight = null;
            this.pump(t);
        });
    }
    async edit(t) {
        const message = (0,_render_live_discord_js__WEBPACK_IMPORTED_MODULE_2__.renderLiveDiscord)(this.progress(), this.opts.settings.discord);
        const result = await (0,_discord_api_js__WEBPACK_IMPORTED_MODULE_1__.editMessage)(t.target, t.ref, message, this.requestOptions(t));
        if (result.ok) {
            t.nextAt = Date.now() + this.intervalMs;
        }
        else if (result.kind === 'http' && result.status === 429) {
            // Postponed, not queued: the newest stage goes out once Discord allows it.
            t.nextAt = Date.now() + Math.max(this.intervalMs, result.retryAfterMs ?? 0);
            t.dirty = true;
        }
        else if (result.kind === 'http' && result.status === 404) {
            t.ref = null;
            this.saveRefs();
            this.stop(t, 'the live status message was deleted (HTTP 404); the result is posted as a new message');
        }
        else {
            this.stop(t, `could not edit the live status message (${describe(result)})`);
        }
    }
    later(t, ms, fn) {
        if (this.finished)
            return;
        t.timer = setTimeout(() => {
            t.timer = null;
            if (!this.finished)
                fn();
        }, ms);
        // A pending live edit never keeps the process alive.
        t.timer.unref();
    }
    /** Live updates end for this target, with one warning. */
    stop(t, why) {
        if (t.state === 'stopped')
            return;
        t.state = 'stopped';
        t.dirty = false;
        try {
            this.opts.warn((0,_runner_secrets_js__WEBPACK_IMPORTED_MODULE_0__/* .scrub */ ._I)(`Live status for ${(0,_runner_secrets_js__WEBPACK_IMPORTED_MODULE_0__/* .maskUrl */ .yP)(t.target.url)} (${t.target.source}): ${why}; live updates stop.`));
        }
        catch {
            // A log sink must not break the build.
        }
    }
    saveRefs() {
        try {
            this.opts.onRefs?.(this.refs());
        }
        catch {
            // Saving for post is best effort: main edits the message itself when it is not killed.
        }
    }
}
function describe(result) {
    return result.kind === 'http' ? `HTTP ${result.status}: ${result.detail}` : result.detail;
}


/***/ }),

/***/ 61243:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ COLOR_BUILDING),
/* harmony export */   renderLiveDiscord: () => (/* binding */ renderLiveDiscord)
/* harmony export */ });
/* unused harmony export progressBar */
/* harmony import */ var _discord_common_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2470);
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(87284);


/** Discord's blurple: neither a success nor a failure yet. */
const COLOR_BUILDING = 5793266;
const BAR_WIDTH = 20;
/** `▓▓▓▓▓▓░░░░░░░░░░░░░░ 30%`: the share of the stages done (a stage under test counts half done). */
function progressBar(stage, width = BAR_WIDTH) {
    if (stage === null || !(stage.total > 0))
        return `${'░'.repeat(width)} 0%`;
    const done = Math.max(0, stage.index - (stage.phase === 'test' ? 0.5 : 1));
    const share = Math.min(1, done / stage.total);
    const filled = Math.round(share * width);
    return `${'▓'.repeat(filled)}${'░'.repeat(width - filled)} ${Math.floor(share * 100)}%`;
}
/** The message body (create form: the edit endpoint's client drops what an edit may not carry). */
function renderLiveDiscord(progress, opts) {
    const { stage, packages } = progress;
    const what = stage?.target ?? (packages.length === 1 ? packages[0] : null);
    const title = what !== null ? `🔨 Building ${inert(what, 200)}` : `🔨 Building ${packages.length} packages`;
    const lines = [];
    if (stage === null)
        lines.push('Starting…');
    else {
        const verb = stage.phase === 'test' ? 'testing' : 'building';
        lines.push(`**Stage ${stage.index}/${stage.total}** · ${verb} ${inert(stage.name, 200)}`);
    }
    lines.push(`\`${progressBar(stage)}\``);
    const started = Date.parse(progress.startTime);
    const since = Number.isNaN(started) ? '' : ` (started <t:${Math.floor(started / 1000)}:R>)`;
    lines.push(`⏱ ${(0,_limits_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(progress.elapsedMs / 1000)} elapsed${since}`);
    if (packages.length > 1)
        lines.push(`Packages: ${inert(packages.join(', '), 1000)}`);
    const url = progress.link ? (0,_discord_common_js__WEBPACK_IMPORTED_MODULE_0__/* .safeUrl */ .Pl)(progress.link.url) : null;
    if (url && progress.link)
        lines.push(`[${progress.link.label}](<${url}>)`);
    const footer = [
        progress.runner ? `runner ${oneLineInert(progress.runner)}` : null,
        `updated every ${Math.round(opts.liveIntervalMs / 1000)} s at most`,
    ].filter((s) => s !== null);
    const body = {
        embeds: [
            {
                title: (0,_limits_js__WEBPACK_IMPORTED_MODULE_1__/* .truncate */ .xv)(title, _limits_js__WEBPACK_IMPORTED_MODULE_1__/* .DISCORD_LIMITS */ .YT.title),
                ...(url ? { url } : {}),
                description: (0,_limits_js__WEBPACK_IMPORTED_MODULE_1__/* .truncate */ .xv)(lines.join('\n'), _limits_js__WEBPACK_IMPORTED_MODULE_1__/* .DISCORD_LIMITS */ .YT.description),
                color: COLOR_BUILDING,
                footer: { text: (0,_limits_js__WEBPACK_IMPORTED_MODULE_1__/* .truncate */ .xv)(footer.join(' · '), _limits_js__WEBPACK_IMPORTED_MODULE_1__/* .DISCORD_LIMITS */ .YT.footer) },
            },
        ],
        // Nothing in a live message may ping anyone.
        allowed_mentions: { parse: [] },
    };
    const username = opts.username ? (0,_limits_js__WEBPACK_IMPORTED_MODULE_1__/* .truncate */ .xv)(opts.username.trim(), _limits_js__WEBPACK_IMPORTED_MODULE_1__/* .DISCORD_LIMITS */ .YT.usernameMax) : '';
    if (username)
        body.username = username;
    if (opts.avatarUrl)
        body.avatar_url = opts.avatarUrl;
    const threadName = opts.threadName
        ? (0,_limits_js__WEBPACK_IMPORTED_MODULE_1__/* .truncate */ .xv)(oneLineInert(opts.threadName), _limits_js__WEBPACK_IMPORTED_MODULE_1__/* .DISCORD_LIMITS */ .YT.threadName)
        : '';
    if (threadName)
        body.thread_name = threadName;
    return { body, files: [] };
}
/** Build text as inert markdown: no formatting, links, mentions or fences. */
function inert(text, max) {
    return (0,_limits_js__WEBPACK_IMPORTED_MODULE_1__/* .neutraliseMentions */ .yY)((0,_discord_common_js__WEBPACK_IMPORTED_MODULE_0__.md)(text, max));
}
function oneLineInert(text) {
    return (0,_limits_js__WEBPACK_IMPORTED_MODULE_1__/* .neutraliseMentions */ .yY)(text.replace(/\s+/g, ' ').trim());
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
