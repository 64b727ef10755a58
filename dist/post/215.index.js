export const id = 215;
export const ids = [215];
export const modules = {

/***/ 83576:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E_: () => (/* binding */ signHeaders),
/* harmony export */   Q2: () => (/* binding */ isBase64)
/* harmony export */ });
/* unused harmony export standardSigningKey */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
// Signs a delivery so the receiver can authenticate it: Standard Webhooks, GitHub or Foundries JobServ style.

const STANDARD_PREFIX = 'whsec_';
/**
 * The Standard Webhooks HMAC key: a `whsec_<base64>` secret decodes to its bytes, anything else is used as
 * its UTF-8 bytes. (GitHub and JobServ receivers always key with the secret's UTF-8 bytes.)
 */
function standardSigningKey(secret) {
    if (secret.startsWith(STANDARD_PREFIX)) {
        const encoded = secret.slice(STANDARD_PREFIX.length);
        const key = Buffer.from(encoded, 'base64');
        if (key.length > 0 && isBase64(encoded))
            return key;
    }
    return Buffer.from(secret, 'utf8');
}
/** Whether `text` is canonical padded base64 (what a `whsec_` secret must hold). */
function isBase64(text) {
    return /^[A-Za-z0-9+/]+={0,2}$/.test(text) && text.length % 4 === 0;
}
function hmac(key, ...parts) {
    const mac = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHmac)('sha256', key);
    for (const part of parts)
        mac.update(part);
    return mac.digest();
}
/** The headers that sign `input.body` with `secret` under `scheme`. */
function signHeaders(scheme, secret, input) {
    switch (scheme) {
        case 'standard': {
            const key = standardSigningKey(secret);
            const timestamp = String(Math.floor(input.timestamp));
            const mac = hmac(key, `${input.id}.${timestamp}.`, input.body);
            return {
                'webhook-id': input.id,
                'webhook-timestamp': timestamp,
                'webhook-signature': `v1,${mac.toString('base64')}`,
            };
        }
        case 'github':
            return {
                'x-hub-signature-256': `sha256=${hmac(Buffer.from(secret, 'utf8'), input.body).toString('hex')}`,
            };
        case 'jobserv':
            return { 'x-jobserv-sig': `sha256:${hmac(Buffer.from(secret, 'utf8'), input.body).toString('hex')}` };
    }
}


/***/ }),

/***/ 8215:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dv: () => (/* binding */ selectTargets),
/* harmony export */   resolveNotifySettings: () => (/* binding */ resolveNotifySettings)
/* harmony export */ });
/* unused harmony exports NOTIFY_DEFAULTS, DEADLINE_ENV, LIVE_INTERVAL, isDiscordHost, normalizeDiscordUrl, isSlackHost, isTeamsUrl, readMentions */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _runner_inputs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(39205);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(38815);
/* harmony import */ var _runner_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(85507);
/* harmony import */ var _runner_secrets_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(72995);
/* harmony import */ var _render_limits_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(87284);
/* harmony import */ var _sign_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(83576);
/* harmony import */ var _templates_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(67858);
// Notification routing: action inputs and env fallbacks → the validated list of targets and delivery settings.
// Every URL, secret, header value and password is registered as a secret before anything is validated, so no
// error message or later log line can show one.









const NOTIFY_DEFAULTS = {
    timeoutMs: 10_000,
    retries: 3,
    deadlineMs: 5 * 60_000,
    signature: 'standard',
};
const DEADLINE_ENV = 'JETSON_BUILD_NOTIFY_DEADLINE_SECONDS';
const FORMATS = ['discord', 'generic', 'slack', 'teams'];
const ONS = ['always', 'success', 'failure', 'cancelled', 'change', 'never'];
const STYLES = ['compact', 'upstream'];
/** `discord-live-interval` in seconds: the default, and the fastest Discord's edit rate limit comfortably allows. */
const LIVE_INTERVAL = { defaultSeconds: 10, minSeconds: 2, maxSeconds: 3600 };
const METHODS = ['POST', 'PUT', 'PATCH', 'GET', 'DELETE'];
const SCHEMES = ['standard', 'github', 'jobserv'];
const ATTACH_LOG = ['failure', 'always', 'never'];
const ENTRY_KEYS = [
    'url',
    'format',
    'on',
    'notify-on',
    'method',
    'headers',
    'basic-auth',
    'timeout',
    'retries',
    'secret',
    'signature',
    'message-template',
    'payload-template',
    'payload-template-file',
];
/** Headers that frame the HTTP message itself: the client sets them, a user value would corrupt the request. */
const RESERVED_HEADERS = new Set([
    'host',
    'content-length',
    'transfer-encoding',
    'connection',
    'keep-alive',
    'upgrade',
    'te',
    'trailer',
    'expect',
    'proxy-connection',
]);
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const DISCORD_HOSTS = new Set(['discord.com', 'discordapp.com'].flatMap((h) => [h, `www.${h}`, `ptb.${h}`, `canary.${h}`]));
/** `/api[/vN]/webhooks/{id}/{token}[/slack|/github][/]` */
const DISCORD_WEBHOOK_PATH = /^\/api(?:\/v\d+)?\/webhooks\/(\d+)\/([^/]+)(?:\/(?:slack|github))?\/?$/;
/** Whether `hostname` is one of Discord's own hosts (discord.com, discordapp.com, their ptb./canary. variants). */
function isDiscordHost(hostname) {
    return DISCORD_HOSTS.has(hostname.toLowerCase().replace(/\.$/, ''));
}
/**
 * The execute-webhook URL Discord expects: `https://<host as given>/api/v10/webhooks/{id}/{token}?wait=true`
 * (plus `thread_id`). A `/slack` or `/github` suffix is dropped on purpose: those endpoints parse Slack- or
 * GitHub-shaped payloads, and this action always sends Discord's own. Other query parameters are kept;
 * `threadId`, when given, replaces a `thread_id` already in the URL. A host that is not Discord's (a proxy or
 * a test double speaking Discord's API) keeps its host; its path is versioned the same way when it is a
 * webhook path, and `wait=true` and `thread_id` are added.
 * Throws an Error for a Discord host whose path is not a webhook path.
 */
function normalizeDiscordUrl(url, threadId) {
    const u = new URL(url);
    const m = DISCORD_WEBHOOK_PATH.exec(u.pathname);
    if (isDiscordHost(u.hostname)) {
        if (!m)
            throw new Error('not a Discord webhook URL (expected https://discord.com/api/webhooks/<id>/<token>)');
        u.protocol = 'https:';
        u.port = '';
    }
    // Any host speaking Discord's webhook API (a proxy, a test double) gets the same versioned path.
    if (m)
        u.pathname = `/api/v10/webhooks/${m[1]}/${m[2]}`;
    u.hash = '';
    u.searchParams.set('wait', 'true');
    if (threadId)
        u.searchParams.set('thread_id', threadId);
    return u.toString();
}
/** The targets that fire for a build that ended with `status`. */
/**
 * The targets that fire for `status`. A `change` target fires unless the outcome is known to be the same as
 * the previous run's (`unknown` means no comparison could be made: it then fires as `always`).
 */
function selectTargets(targets, status, change = 'unknown') {
    return targets.filter((t) => {
        switch (t.on) {
            case 'always':
                return true;
            case 'never':
                return false;
            case 'change':
                return change !== 'same';
            default:
                return t.on === status;
        }
    });
}
/**
 * Reads every notification input (and the env fallbacks) into validated settings. Throws InputError naming
 * the input (or `webhooks[i].key`), never showing a secret value. No URL anywhere → no targets.
 */
function resolveNotifySettings(getInput, env) {
    try {
        const settings = resolve(getInput, env);
        // A template that does not parse, names an unknown field or renders invalid JSON stops the step here,
        // before the build runs.
        for (const t of settings.targets)
            (0,_templates_js__WEBPACK_IMPORTED_MODULE_8__/* .validateTemplates */ .s0)(t.templates);
        return settings;
    }
    catch (err) {
        // Belt and braces: nothing registered may leak through a message built from a value.
        if (err instanceof Error)
            err.message = (0,_runner_secrets_js__WEBPACK_IMPORTED_MODULE_5__/* .scrub */ ._I)(err.message);
        throw err;
    }
}
/** The URL inputs that may carry a webhook, and the upstream tool's variables read when they are empty. */
const URL_INPUT_NAMES = [
    'discord-webhook-url',
    'slack-webhook-url',
    'teams-webhook-url',
    'webhook-url',
    'success-webhook-url',
    'failure-webhook-url',
];
const URL_ENV_NAMES = ['JC_BUILD_SUCCESS_WEBHOOK_URL', 'JC_BUILD_FAILURE_WEBHOOK_URL', 'WEBHOOK_URL'];
function resolve(getInput, env) {
    const input = (name) => getInput(name).trim();
    const envValue = (name) => (env[name] ?? '').trim();
    // 1. Register every secret before validating anything.
    for (const name of URL_INPUT_NAMES)
        registerTargetUrl(input(name), name === 'teams-webhook-url');
    for (const name of URL_ENV_NAMES)
        registerTargetUrl(envValue(name), false);
    (0,_runner_secrets_js__WEBPACK_IMPORTED_MODULE_5__/* .registerCredential */ .J4)(input('webhook-secret'));
    (0,_runner_secrets_js__WEBPACK_IMPORTED_MODULE_5__/* .registerSecret */ .cl)(input('github-token'));
    const headersText = input('webhook-headers');
    const webhooksText = input('webhooks');
    const parsedHeaders = headersText
        ? parseStructured('webhook-headers', headersText, 'a YAML or JSON map')
        : null;
    const parsedWebhooks = webhooksText
        ? parseStructured('webhooks', webhooksText, 'a YAML or JSON list')
        : null;
    registerHeaderValues(parsedHeaders);
    // A list, or a single target written as a map (anything else is rejected below, and holds no secret).
    for (const entry of Array.isArray(parsedWebhooks) ? parsedWebhooks : [parsedWebhooks]) {
        registerEntrySecrets(entry);
    }
    // 2. Validate.
    const discord = readDiscordOptions(input);
    const globals = readGlobals(input, env, parsedHeaders);
    const targets = [
        ...simpleTargets(input, envValue, globals, discord),
        ...listTargets(parsedWebhooks, globals, discord),
    ];
    return {
        targets: dedupe(targets),
        deadlineMs: readDeadline(envValue(DEADLINE_ENV)),
        failOnError: boolean('fail-on-notify-error', input('fail-on-notify-error'), false),
        discord,
        notifyOn: globals.notifyOn,
        notifyStart: boolean('notify-start', input('notify-start'), false),
        githubToken: input('github-token') || null,
    };
}
/** The settings every target starts from. */
function readGlobals(input, env, parsedHeaders) {
    return {
        secret: readSecret('webhook-secret', input('webhook-secret')),
        signature: oneOf('signature', input('signature') || NOTIFY_DEFAULTS.signature, SCHEMES),
        timeoutMs: input('webhook-timeout')
            ? seconds('webhook-timeout', input('webhook-timeout'))
            : NOTIFY_DEFAULTS.timeoutMs,
        retries: input('webhook-retries')
            ? retries('webhook-retries', input('webhook-retries'))
            : NOTIFY_DEFAULTS.retries,
        headers: parsedHeaders === null ? {} : readHeaders('webhook-headers', parsedHeaders),
        notifyOn: input('notify-on') ? oneOf('notify-on', input('notify-on'), ONS) : 'always',
        templates: readGlobalTemplates(input, env),
        workspace: workspaceOf(env),
    };
}
/** One target per URL input (or, when an input is empty, per upstream variable). */
function simpleTargets(input, envValue, globals, discord) {
    const targets = [];
    const simple = (source, url, format, on) => {
        if (url)
            targets.push(simpleTarget(source, url, format, on, globals, discord));
    };
    /** The input, or when it is empty the upstream variable of the same meaning. */
    const inputOrEnv = (name, variable, format, on) => {
        if (input(name))
            simple(name, input(name), format, on);
        else
            simple(`env ${variable}`, envValue(variable), 'detect', on);
    };
    simple('discord-webhook-url', input('discord-webhook-url'), 'discord', globals.notifyOn);
    simple('slack-webhook-url', input('slack-webhook-url'), 'slack', globals.notifyOn);
    simple('teams-webhook-url', input('teams-webhook-url'), 'teams', globals.notifyOn);
    inputOrEnv('webhook-url', 'WEBHOOK_URL', 'generic', globals.notifyOn);
    inputOrEnv('success-webhook-url', 'JC_BUILD_SUCCESS_WEBHOOK_URL', 'detect', 'success');
    inputOrEnv('failure-webhook-url', 'JC_BUILD_FAILURE_WEBHOOK_URL', 'detect', 'failure');
    return targets;
}
/** The `webhooks` list; a single target written as a map (no leading '-') is a list of one. */
function listTargets(parsed, globals, discord) {
    if (parsed === null)
        return [];
    const list = typeof parsed === 'object' && !Array.isArray(parsed) ? [parsed] : parsed;
    if (!Array.isArray(list)) {
        throw new _runner_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('webhooks', kindOf(parsed), 'a YAML or JSON list of targets (- url: …)');
    }
    return list.map((entry, i) => listTarget(`webhooks[${i}]`, entry, globals, discord));
}
// ---------------------------------------------------------------------------------------------- secrets first
function registerHeaderValues(headers) {
    if (!isPlainObject(headers))
        return;
    for (const v of Object.values(headers))
        if (isScalar(v))
            (0,_runner_secrets_js__WEBPACK_IMPORTED_MODULE_5__/* .registerSecret */ .cl)(String(v));
}
/**
 * A webhook URL and its secret parts. A Teams URL's (a Teams host's, or one given as Teams) only credential in
 * its query is `sig` (Power Automate); its other values (api-version=2016-06-01, sp=/triggers/manual/run) are
 * the same for every flow and stay readable. Its path is masked by the general rule (a legacy connector's
 * secret is there).
 */
function registerTargetUrl(raw, teams) {
    const u = URL.canParse(raw.trim()) ? new URL(raw.trim()) : null;
    (0,_runner_secrets_js__WEBPACK_IMPORTED_MODULE_5__/* .registerSecretUrl */ .l2)(raw, teams || (u !== null && isTeamsUrl(u)) ? { queryKeys: ['sig'] } : {});
}
function registerEntrySecrets(entry) {
    if (!isPlainObject(entry))
        return;
    if (typeof entry.url === 'string')
        registerTargetUrl(entry.url, entry.format === 'teams');
    if (isScalar(entry.secret))
        (0,_runner_secrets_js__WEBPACK_IMPORTED_MODULE_5__/* .registerCredential */ .J4)(String(entry.secret));
    registerHeaderValues(entry.headers);
    const auth = entry['basic-auth'];
    if (typeof auth === 'string') {
        (0,_runner_secrets_js__WEBPACK_IMPORTED_MODULE_5__/* .registerSecret */ .cl)(auth);
        (0,_runner_secrets_js__WEBPACK_IMPORTED_MODULE_5__/* .registerCredential */ .J4)(auth.slice(auth.indexOf(':') + 1));
    }
    else if (isPlainObject(auth) && isScalar(auth.password)) {
        (0,_runner_secrets_js__WEBPACK_IMPORTED_MODULE_5__/* .registerCredential */ .J4)(String(auth.password));
    }
}
// ---------------------------------------------------------------------------------------------- targets
function simpleTarget(source, rawUrl, format, on, globals, discord) {
    const parsed = parseUrl(source, rawUrl);
    const detected = detectFormat(parsed);
    // `webhook-url` is generic by definition, but a Slack or Teams URL would refuse the generic body: it gets
    // that platform's format, as it does anywhere a URL is accepted.
    const resolved = format === 'detect' || (format === 'generic' && (detected === 'slack' || detected === 'teams'))
        ? detected
        : format;
    const { url, basicAuth } = finishUrl(source, parsed, resolved, discord.threadId);
    const generic = resolved === 'generic';
    return {
        source,
        url,
        format: resolved,
        on,
        method: 'POST',
        headers: generic ? { ...globals.headers } : {},
        basicAuth,
        timeoutMs: globals.timeoutMs,
        retries: globals.retries,
        secret: generic ? globals.secret : null,
        signature: globals.signature,
        templates: templatesFor(resolved, globals.templates),
    };
}
function listTarget(path, entry, globals, discord) {
    if (!isPlainObject(entry)) {
        throw new _runner_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(path, kindOf(entry), 'a map with at least a url (keys: ' + ENTRY_KEYS.join(', ') + ')');
    }
    for (const key of Object.keys(entry)) {
        if (!ENTRY_KEYS.includes(key)) {
            throw new _runner_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(`${path}.${key}`, key, `unknown key; accepted keys are ${ENTRY_KEYS.join(', ')}`);
        }
    }
    const at = (key) => `${path}.${key}`;
    if (typeof entry.url !== 'string' || entry.url.trim() === '') {
        throw new _runner_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(at('url'), kindOf(entry.url), 'an http:// or https:// URL (required)', {
            secret: true,
        });
    }
    // The URL parser drops leading and trailing blanks itself.
    const parsed = parseUrl(at('url'), entry.url);
    const format = entry.format == null
        ? detectFormat(parsed)
        : oneOf(at('format'), scalarText(at('format'), entry.format), FORMATS);
    if (entry.on != null && entry['notify-on'] != null) {
        throw new _runner_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(at('notify-on'), String(entry['notify-on']), 'either on or notify-on, not both');
    }
    const onKey = entry['notify-on'] != null ? 'notify-on' : 'on';
    const onValue = entry[onKey];
    const on = onValue == null ? globals.notifyOn : oneOf(at(onKey), scalarText(at(onKey), onValue), ONS);
    const method = entryMethod(at('method'), entry.method, format);
    const { url, basicAuth: urlAuth } = finishUrl(at('url'), parsed, format, discord.threadId);
    const ownHeaders = entry.headers == null ? {} : readHeaders(at('headers'), entry.headers);
    const basicAuth = entry['basic-auth'] == null ? urlAuth : readBasicAuth(at('basic-auth'), entry['basic-auth']);
    const secret = entry.secret == null
        ? format === 'generic'
            ? globals.secret
            : null
        : readSecret(at('secret'), scalarText(at('secret'), entry.secret, true));
    if (entry.signature != null && secret === null) {
        throw new _runner_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(at('signature'), String(entry.signature), 'a signature needs a secret (key secret or input webhook-secret)');
    }
    return {
        source: path,
        url,
        format,
        on,
        method,
        headers: format === 'generic' ? { ...globals.headers, ...ownHeaders } : ownHeaders,
        basicAuth,
        timeoutMs: entry.timeout == null ? globals.timeoutMs : seconds(at('timeout'), entry.timeout),
        retries: entry.retries == null ? globals.retries : retries(at('retries'), entry.retries),
        secret,
        signature: entry.signature == null
            ? globals.signature
            : oneOf(at('signature'), scalarText(at('signature'), entry.signature), SCHEMES),
        templates: entryTemplates(path, entry, format, globals),
    };
}
/** A `webhooks` entry's method: POST by default; what each format's endpoint accepts. */
function entryMethod(name, value, format) {
    const method = value == null ? 'POST' : oneOf(name, scalarText(name, value).toUpperCase(), METHODS);
    if ((format === 'slack' || format === 'teams') && method !== 'POST') {
        throw new _runner_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(name, method, `POST for a ${format} target (its webhooks take POST only)`);
    }
    if (format === 'discord' && (method === 'GET' || method === 'DELETE')) {
        throw new _runner_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(name, method, 'POST, PUT or PATCH for a discord target (GET and DELETE send no body)');
    }
    return method;
}
// ---------------------------------------------------------------------------------------------- templates
/** A template file larger than this is refused: a template is a message, not a document. */
const MAX_TEMPLATE_BYTES = 256 * 1024;
const CHAT_FORMATS = ['discord', 'slack', 'teams'];
function readGlobalTemplates(input, env) {
    return readTemplates({
        message: input('message-template'),
        payload: input('payload-template'),
        payloadFile: input('payload-template-file'),
    }, (key) => key, workspaceOf(env));
}
function workspaceOf(env) {
    return env.GITHUB_WORKSPACE && env.GITHUB_WORKSPACE !== '' ? env.GITHUB_WORKSPACE : process.cwd();
}
/** The templates as given: `payload-template` and `payload-template-file` exclude each other. */
function readTemplates(values, nameOf, workspace) {
    if (values.payload !== '' && values.payloadFile !== '') {
        throw new _runner_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(nameOf('payload-template-file'), values.payloadFile, `either ${nameOf('payload-template')} or ${nameOf('payload-template-file')}, not both`);
    }
    let payload = values.payload === '' ? null : values.payload;
    let payloadSource = payload === null ? null : nameOf('payload-template');
    let payloadFile = null;
    if (values.payloadFile !== '') {
        payload = readTemplateFile(nameOf('payload-template-file'), values.payloadFile, workspace);
        payloadSource = nameOf('payload-template-file');
        payloadFile = values.payloadFile;
    }
    return {
        message: values.message === '' ? null : values.message,
        messageSource: values.message === '' ? null : nameOf('message-template'),
        payload,
        payloadSource,
        ...(payloadFile !== null ? { payloadFile } : {}),
    };
}
/**
 * A template file: a regular file whose real path (links resolved, in every folder on the way) is inside the
 * real workspace, at most MAX_TEMPLATE_BYTES, UTF-8 text. It is read through the one descriptor it was checked
 * on, and bounded by the bytes read: a /proc file says it has 0 bytes. Errors show the path, never the text.
 */
function readTemplateFile(name, file, workspace) {
    const refuse = (accepted) => new _runner_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(name, file, accepted);
    const full = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(workspace, file);
    if (!inside(workspace, full))
        throw refuse(`a file inside the workspace (${workspace})`);
    let real;
    try {
        real = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(full);
    }
    catch {
        throw refuse(`a file that exists in the workspace (${workspace})`);
    }
    let realWorkspace;
    try {
        realWorkspace = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(workspace);
    }
    catch {
        throw refuse(`a file inside the workspace (${workspace}), which does not exist`);
    }
    if (!inside(realWorkspace, real))
        throw refuse(`a file inside the workspace (${workspace}); it leads outside it`);
    let fd;
    try {
        // Non-blocking: opening a FIFO must not wait for a writer. No link is followed any more.
        fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(real, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NOFOLLOW | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NONBLOCK);
    }
    catch {
        throw refuse(`a file that can be read in the workspace (${workspace})`);
    }
    try {
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync)(fd).isFile())
            throw refuse('a file (this is not a regular file)');
        const bytes = readBounded(fd, MAX_TEMPLATE_BYTES + 1);
        if (bytes.length > MAX_TEMPLATE_BYTES) {
            throw refuse(`a file of at most ${MAX_TEMPLATE_BYTES / 1024} KiB (it has more)`);
        }
        try {
            return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        }
        catch {
            throw refuse('UTF-8 text (the file holds bytes that are not UTF-8)');
        }
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
    }
}
/** Whether `full` is below `dir` (not `dir` itself). */
function inside(dir, full) {
    const rel = node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(dir, full);
    return rel !== '' && !rel.startsWith('..') && !node_path__WEBPACK_IMPORTED_MODULE_1___default().isAbsolute(rel);
}
/** At most `max` bytes from `fd`, read until the end or the bound. */
function readBounded(fd, max) {
    const buf = Buffer.alloc(max);
    let used = 0;
    // Each read either advances or ends the loop (0 bytes: end of file).
    while (used < max) {
        const n = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readSync)(fd, buf, used, max - used, null);
        if (n === 0)
            break;
        used += n;
    }
    return buf.subarray(0, used);
}
/** What a target takes of the global templates: the message line for chat formats, the body for generic ones. */
function templatesFor(format, globals) {
    return format === 'generic'
        ? {
            message: null,
            messageSource: null,
            payload: globals.payload,
            payloadSource: globals.payloadSource,
            ...(globals.payloadFile ? { payloadFile: globals.payloadFile } : {}),
        }
        : { message: globals.message, messageSource: globals.messageSource, payload: null, payloadSource: null };
}
/** A `webhooks` entry's own templates, over the global ones; each only where its format uses it. */
function entryTemplates(at, entry, format, globals) {
    const text = (key) => (entry[key] == null ? '' : scalarText(`${at}.${key}`, entry[key]));
    const own = readTemplates({
        message: text('message-template'),
        payload: text('payload-template'),
        payloadFile: text('payload-template-file'),
    }, (key) => `${at}.${key}`, globals.workspace);
    const chat = CHAT_FORMATS.includes(format);
    if (own.payload !== null && chat) {
        throw new _runner_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(own.payloadSource, '(a template)', `a whole-body template is for generic targets; a ${format} target takes message-template`);
    }
    if (own.message !== null && !chat) {
        throw new _runner_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(own.messageSource, '(a template)', 'message-template is for discord, slack and teams targets; a generic target takes payload-template');
    }
    const inherited = templatesFor(format, globals.templates);
    const merged = {
        message: own.message ?? inherited.message,
        messageSource: own.messageSource ?? inherited.messageSource,
        payload: own.payload ?? inherited.payload,
        payloadSource: own.payloadSource ?? inherited.payloadSource,
    };
    const file = own.payload !== null ? own.payloadFile : inherited.payloadFile;
    return file ? { ...merged, payloadFile: file } : merged;
}
function parseUrl(name, raw) {
    let u;
    try {
        u = new URL(raw);
    }
    catch {
        throw new _runner_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(name, raw, 'an http:// or https:// URL', { secret: true });
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:') {
        throw new _runner_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(name, raw, `an http:// or https:// URL, not ${u.protocol}//`, { secret: true });
    }
    return u;
}
function detectFormat(u) {
    if (isDiscordHost(u.hostname))
        return 'discord';
    if (isSlackHost(u.hostname))
        return 'slack';
    if (isTeamsUrl(u))
        return 'teams';
    return 'generic';
}
const hostIs = (hostname, ...domains) => {
    const host = hostname.toLowerCase().replace(/\.$/, '');
    return domains.some((d) => host === d || host.endsWith(`.${d}`));
};
/** Slack's incoming webhooks: `https://hooks.slack.com/services/…` (and workflow triggers on the same host). */
function isSlackHost(hostname) {
    return hostIs(hostname, 'hooks.slack.com');
}
/**
 * Microsoft Teams webhooks: Power Automate / Teams Workflows (`…logic.azure.com…`,
 * `…environment.api.powerplatform.com…`) and the legacy Office 365 connectors (`…webhook.office.com…`,
 * `outlook.office.com/webhook…`).
 */
function isTeamsUrl(u) {
    return (hostIs(u.hostname, 'webhook.office.com', 'logic.azure.com', 'environment.api.powerplatform.com') ||
        (hostIs(u.hostname, 'outlook.office.com') && u.pathname.startsWith('/webhook')));
}
/** Moves `user:pass@` out of the URL into basic auth (undici will not send it) and applies Discord's form. */
function finishUrl(name, u, format, threadId) {
    let basicAuth = null;
    if (u.username || u.password) {
        basicAuth = { username: decodeURIComponent(u.username), password: decodeURIComponent(u.password) };
        (0,_runner_secrets_js__WEBPACK_IMPORTED_MODULE_5__/* .registerCredential */ .J4)(basicAuth.password);
        u.username = '';
        u.password = '';
    }
    let url = u.toString();
    if (format === 'discord') {
        try {
            url = normalizeDiscordUrl(url, threadId);
        }
        catch (err) {
            throw new _runner_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(name, url, err.message, { secret: true });
        }
    }
    registerTargetUrl(url, format === 'teams');
    if (basicAuth)
        (0,_runner_secrets_js__WEBPACK_IMPORTED_MODULE_5__/* .registerSecret */ .cl)(basicToken(basicAuth));
    return { url, basicAuth };
}
function basicToken(auth) {
    return Buffer.from(`${auth.username}:${auth.password}`).toString('base64');
}
function dedupe(targets) {
    const seen = new Set();
    return targets.filter((t) => {
        const key = `${t.url}\n${t.format}\n${t.on}`;
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}
// ---------------------------------------------------------------------------------------------- values
function parseStructured(name, text, accepted) {
    const lineCounter = new yaml__WEBPACK_IMPORTED_MODULE_3__/* .LineCounter */ .HN();
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_3__/* .parseDocument */ .Tp)(text, { uniqueKeys: true, prettyErrors: false, lineCounter });
    const problem = doc.errors[0] ?? doc.warnings[0];
    if (problem) {
        // Only the first line: a yaml message may continue with the offending source, which may hold a secret.
        const first = problem.message.split('\n')[0];
        const { line, col } = lineCounter.linePos(problem.pos[0]);
        throw new _runner_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(name, text, `${accepted}; it does not parse at line ${line}, column ${col}: ${(0,_runner_secrets_js__WEBPACK_IMPORTED_MODULE_5__/* .scrub */ ._I)(first)}`, { secret: true });
    }
    // yaml's default maxAliasCount (100) refuses an alias bomb.
    return doc.toJS();
}
function readHeaders(name, value) {
    if (!isPlainObject(value)) {
        throw new _runner_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(name, kindOf(value), 'a map of header names to values, e.g. {Authorization: "Bearer …"}');
    }
    const out = {};
    for (const [key, raw] of Object.entries(value)) {
        const at = `${name}.${key}`;
        if (!HEADER_NAME.test(key))
            throw new _runner_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(at, key, 'a valid HTTP header name');
        if (RESERVED_HEADERS.has(key.toLowerCase())) {
            throw new _runner_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(at, key, 'a header the HTTP client does not set itself (host, content-length and the like are not allowed)');
        }
        if (!isScalar(raw))
            throw new _runner_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(at, kindOf(raw), 'a string value', { secret: true });
        const text = String(raw);
        if (/[\r\n\0]/.test(text))
            throw new _runner_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(at, text, 'a single-line value', { secret: true });
        out[key.toLowerCase()] = text;
    }
    return out;
}
function readBasicAuth(name, value) {
    let username;
    let password;
    if (typeof value === 'string') {
        const colon = value.indexOf(':');
        if (colon <= 0)
            throw new _runner_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(name, value, '"user:password" or {username, password}', { secret: true });
        username = value.slice(0, colon);
        password = value.slice(colon + 1);
    }
    else if (isPlainObject(value)) {
        for (const key of Object.keys(value)) {
            if (key !== 'username' && key !== 'password') {
                throw new _runner_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(`${name}.${key}`, key, 'unknown key; accepted keys are username, password');
            }
        }
        if (!isScalar(value.username) || String(value.username) === '') {
            throw new _runner_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(`${name}.username`, kindOf(value.username), 'a non-empty user name');
        }
        username = String(value.username);
        password = value.password == null ? '' : scalarText(`${name}.password`, value.password, true);
    }
    else {
        throw new _runner_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(name, kindOf(value), '"user:password" or {username, password}');
    }
    if (username.includes(':'))
        throw new _runner_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(`${name}.username`, username, 'a user name without ":"');
    // The password itself was registered with the entry's other secrets (registerEntrySecrets).
    const auth = { username, password };
    (0,_runner_secrets_js__WEBPACK_IMPORTED_MODULE_5__/* .registerSecret */ .cl)(basicToken(auth));
    return auth;
}
function readSecret(name, value) {
    if (!value)
        return null;
    if (value.startsWith('whsec_') && !(0,_sign_js__WEBPACK_IMPORTED_MODULE_7__/* .isBase64 */ .Q2)(value.slice('whsec_'.length))) {
        throw new _runner_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(name, value, 'a whsec_ secret must be base64 after the prefix (or use a raw secret)', {
            secret: true,
        });
    }
    return value;
}
function readDiscordOptions(input) {
    const username = input('discord-username') || null;
    if (username !== null) {
        if (username.length > 80)
            throw new _runner_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('discord-username', username, '1 to 80 characters');
        if (/clyde|discord/i.test(username)) {
            throw new _runner_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('discord-username', username, 'a name without "clyde" or "discord" (Discord rejects those)');
        }
    }
    const avatarUrl = input('discord-avatar-url') || null;
    if (avatarUrl !== null)
        parseUrl('discord-avatar-url', avatarUrl);
    const threadId = input('discord-thread-id') || null;
    if (threadId !== null && !/^\d{1,20}$/.test(threadId)) {
        throw new _runner_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('discord-thread-id', threadId, 'a numeric Discord thread id (snowflake)');
    }
    const threadName = input('discord-thread-name') || null;
    if (threadName !== null && threadName.length > 100) {
        throw new _runner_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('discord-thread-name', threadName, '1 to 100 characters');
    }
    return {
        username,
        avatarUrl,
        threadId,
        threadName,
        attachLog: oneOf('discord-attach-log', input('discord-attach-log') || 'failure', ATTACH_LOG),
        style: oneOf('discord-style', input('discord-style') || 'compact', STYLES),
        mentionOnFailure: readMentions(input('discord-mention-on-failure')),
        live: boolean('discord-live', input('discord-live'), false),
        liveIntervalMs: readLiveInterval(input('discord-live-interval')),
    };
}
/** At most this many user and this many role ids (Discord's allowed_mentions limit per list). */
const MAX_MENTIONS = 100;
/**
 * `discord-mention-on-failure`: `<@user-id>` (or `<@!user-id>`) and `<@&role-id>`, separated by spaces, commas
 * or lines. Plain ids are refused: a user id and a role id look the same.
 */
function readMentions(text) {
    const users = [];
    const roles = [];
    for (const word of text.split(/[\s,]+/).filter((w) => w !== '')) {
        const m = /^<@(!|&)?([1-9]\d{0,19})>$/.exec(word);
        if (!m) {
            throw new _runner_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('discord-mention-on-failure', word, 'user mentions <@user-id> and role mentions <@&role-id>, separated by spaces or commas (e.g. "<@80351110224678912> <@&165511591545143296>"); ids are Discord snowflakes: digits, not starting with 0');
        }
        const list = m[1] === '&' ? roles : users;
        const id = m[2];
        if (!list.includes(id))
            list.push(id);
    }
    if (users.length > MAX_MENTIONS || roles.length > MAX_MENTIONS) {
        throw new _runner_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('discord-mention-on-failure', `${users.length} users, ${roles.length} roles`, `at most ${MAX_MENTIONS} users and ${MAX_MENTIONS} roles (Discord's limit)`);
    }
    checkMentionLine(users, roles);
    return { users, roles };
}
/** The mention line (users, then roles, as the message puts them) must fit: none is silently dropped. */
function checkMentionLine(users, roles) {
    const tokens = [...users.map((id) => `<@${id}>`), ...roles.map((id) => `<@&${id}>`)];
    const length = tokens.join(' ').length;
    if (length <= _render_limits_js__WEBPACK_IMPORTED_MODULE_6__/* .MENTION_LINE_MAX */ .nl)
        return;
    let fit = 0;
    for (let used = -1; fit < tokens.length && used + 1 + tokens[fit].length <= _render_limits_js__WEBPACK_IMPORTED_MODULE_6__/* .MENTION_LINE_MAX */ .nl; fit++) {
        used += 1 + tokens[fit].length;
    }
    throw new _runner_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('discord-mention-on-failure', `${tokens.length} mentions`, `${tokens.length} mentions take ${length} characters, more than the ${_render_limits_js__WEBPACK_IMPORTED_MODULE_6__/* .MENTION_LINE_MAX */ .nl} of the mention line: ${fit} of these fit (ping a role instead of many users)`);
}
function readLiveInterval(text) {
    if (text === '')
        return LIVE_INTERVAL.defaultSeconds * 1000;
    const n = numeric(text);
    if (!(n >= LIVE_INTERVAL.minSeconds && n <= LIVE_INTERVAL.maxSeconds)) {
        throw new _runner_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('discord-live-interval', text, `seconds from ${LIVE_INTERVAL.minSeconds} to ${LIVE_INTERVAL.maxSeconds} (default ${LIVE_INTERVAL.defaultSeconds})`);
    }
    return Math.round(n * 1000);
}
function readDeadline(value) {
    if (!value)
        return NOTIFY_DEFAULTS.deadlineMs;
    const n = Number(value);
    if (!/^\d+(\.\d+)?$/.test(value) || !(n > 0) || n > 3600) {
        throw new _runner_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(`env ${DEADLINE_ENV}`, value, 'seconds, more than 0 and at most 3600');
    }
    return Math.round(n * 1000);
}
function seconds(name, value) {
    const n = numeric(value);
    if (!(n >= 0.5 && n <= 120)) {
        throw new _runner_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(name, String(value), 'seconds from 0.5 to 120');
    }
    return Math.round(n * 1000);
}
function retries(name, value) {
    const n = numeric(value);
    if (!Number.isInteger(n) || n < 0 || n > 10) {
        throw new _runner_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(name, String(value), 'a whole number from 0 to 10');
    }
    return n;
}
/** A number given as a number or as decimal text; NaN for anything else, which every range check refuses. */
function numeric(value) {
    if (typeof value === 'number')
        return value;
    if (typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value))
        return Number(value);
    return Number.NaN;
}
function boolean(name, value, fallback) {
    return (0,_runner_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .parseBoolean */ .yG)(name, value, fallback);
}
function oneOf(name, value, allowed) {
    const v = value.trim();
    if (allowed.includes(v))
        return v;
    throw new _runner_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(name, v, `one of ${allowed.join(', ')}`);
}
function scalarText(name, value, secret = false) {
    if (!isScalar(value))
        throw new _runner_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(name, kindOf(value), 'a single value', { secret });
    return String(value);
}
function isScalar(value) {
    return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}
function isPlainObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** A short description of a wrongly-typed value, for messages (never the value itself). */
function kindOf(value) {
    if (value === null || value === undefined)
        return '(missing)';
    if (Array.isArray(value))
        return '(a list)';
    if (typeof value === 'object')
        return '(a map)';
    return `(a ${typeof value})`;
}


/***/ })

};
