export const id = 862;
export const ids = [862,591];
export const modules = {

/***/ 59591:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DISCORD_MAX_FILE_BYTES: () => (/* binding */ DISCORD_MAX_FILE_BYTES),
/* harmony export */   dryRunSummary: () => (/* binding */ dryRunSummary),
/* harmony export */   literal: () => (/* binding */ literal),
/* harmony export */   payloadProblems: () => (/* binding */ payloadProblems),
/* harmony export */   readReportFile: () => (/* binding */ readReportFile),
/* harmony export */   renderDryRun: () => (/* binding */ renderDryRun),
/* harmony export */   reportProblems: () => (/* binding */ reportProblems),
/* harmony export */   runDryRun: () => (/* binding */ runDryRun),
/* harmony export */   runSample: () => (/* binding */ runSample)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(33838);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _runner_context_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(21953);
/* harmony import */ var _runner_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(85507);
/* harmony import */ var _runner_secrets_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(72995);
/* harmony import */ var _report_build_report_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(64417);
/* harmony import */ var _report_sample_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(92142);
/* harmony import */ var _notify_targets_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8215);
/* harmony import */ var _finish_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(83699);
// `dry-run: true`: build nothing, send nothing, write nothing to the log folder. Every payload a real delivery
// would send for a report (the sample, or `report-file`) is rendered through the same path, scrubbed, checked
// against its platform's limits and shown in the job summary (collapsed) and the `notifications` output.










/** Discord refuses a message whose files total more than this (the default upload limit). */
const DISCORD_MAX_FILE_BYTES = 10 * 1024 * 1024;
/** report.json files larger than this are not read (real ones are a few hundred KiB at most). */
const MAX_REPORT_FILE_BYTES = 64 * 1024 * 1024;
/** How much of one body the job summary shows (the summary holds 1 MiB per step; the output has it whole). */
const SUMMARY_BODY_CHARS = 64 * 1024;
/** The sample report for this run: the configured packages, this run's context, a Jetson Orin environment. */
function runSample(settings, headline) {
    return (0,_report_sample_js__WEBPACK_IMPORTED_MODULE_8__/* .sampleReport */ .lW)({
        packages: settings.build.packages,
        run: {
            ...(0,_runner_context_js__WEBPACK_IMPORTED_MODULE_3__/* .readRunContext */ .$p)(_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getInput */ .V4('job-check-run-id')),
            matrix: (0,_runner_context_js__WEBPACK_IMPORTED_MODULE_3__/* .normalizeMatrix */ .T7)(_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getInput */ .V4('matrix')),
        },
        runner: (0,_runner_context_js__WEBPACK_IMPORTED_MODULE_3__/* .readRunnerInfo */ .l7)(process.env, (0,_runner_context_js__WEBPACK_IMPORTED_MODULE_3__/* .parseLabels */ .Xy)(_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getInput */ .V4('runner-labels'))),
        end: new Date(),
        logDir: settings.build.logDir,
        ...(headline === undefined ? {} : { headline }),
    });
}
const STATUSES = new Set(['success', 'failure', 'cancelled']);
const PACKAGE_STATUSES = new Set(['success', 'failure', 'cancelled', 'not-built']);
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringArray = (v) => Array.isArray(v) && v.every((s) => typeof s === 'string');
/** What keeps `value` from being a BuildReport the renderers can read; empty when nothing does. */
function reportProblems(value) {
    if (!isObject(value))
        return ['it is not a JSON object'];
    const r = value;
    if (!(0,_report_build_report_js__WEBPACK_IMPORTED_MODULE_9__/* .isReadableReportVersion */ .tQ)(r.schemaVersion)) {
        const reads = _report_build_report_js__WEBPACK_IMPORTED_MODULE_9__/* .READABLE_REPORT_VERSIONS */ ._6.join(' and ');
        return [`schemaVersion is ${JSON.stringify(r.schemaVersion) ?? 'missing'}, this action reads ${reads}`];
    }
    const p = [];
    const need = (ok, what) => {
        if (!ok)
            p.push(what);
    };
    need(typeof r.status === 'string' && STATUSES.has(r.status), 'status is not success, failure or cancelled');
    need(typeof r.message === 'string', 'message is not a string');
    for (const k of ['requestedPackages', 'failedPackages', 'images'])
        need(isStringArray(r[k]), `${k} is not a list of strings`);
    const packagesOk = Array.isArray(r.packages) &&
        r.packages.every((x) => isObject(x) &&
            typeof x.name === 'string' &&
            typeof x.status === 'string' &&
            PACKAGE_STATUSES.has(x.status));
    need(packagesOk, 'packages is not a list of {name, status}');
    need(Array.isArray(r.stages), 'stages is not a list');
    for (const k of ['environment', 'runner', 'options'])
        need(isObject(r[k]), `${k} is not an object`);
    need(isObject(r.command) && isStringArray(r.command.argv), 'command.argv is not a list of strings');
    need(isObject(r.command) && typeof r.command.display === 'string', 'command.display is not a string');
    for (const k of ['startTime', 'endTime'])
        need(typeof r[k] === 'string', `${k} is not a string`);
    need(typeof r.durationSeconds === 'number', 'durationSeconds is not a number');
    need(r.failure === null || isObject(r.failure), 'failure is neither null nor an object');
    need(isObject(r.run) && typeof r.run.serverUrl === 'string', 'run.serverUrl is not a string');
    const logs = r.logs;
    const logsOk = isObject(logs) && ['dir', 'consoleLog', 'reportFile'].every((k) => typeof logs[k] === 'string');
    need(logsOk, 'logs.dir, logs.consoleLog or logs.reportFile is not a string');
    return p;
}
/** Reads and checks `report-file`; an InputError naming the input when it is not a readable BuildReport. */
async function readReportFile(file) {
    const bad = (why) => new _runner_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('report-file', file, `${why}; name the report.json of an earlier run of this action`);
    let text;
    try {
        const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.open)(file, node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_RDONLY | node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_NONBLOCK);
        try {
            const st = await handle.stat();
            if (!st.isFile())
                throw bad('it is not a regular file');
            if (st.size > MAX_REPORT_FILE_BYTES)
                throw bad(`it is ${st.size} bytes, more than any report.json`);
            text = await handle.readFile('utf8');
        }
        finally {
            await handle.close();
        }
    }
    catch (err) {
        if (err instanceof _runner_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz)
            throw err;
        const missing = err?.code === 'ENOENT';
        throw bad(missing ? 'there is no such file' : `it cannot be read: ${(0,_finish_js__WEBPACK_IMPORTED_MODULE_7__/* .errnoWords */ .st)(err)}`);
    }
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (err) {
        throw bad(`it is not JSON (${(0,_runner_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .gJ)(err)})`);
    }
    const problems = reportProblems(value);
    if (problems.length > 0)
        throw bad(`it is not a BuildReport: ${problems.slice(0, 5).join('; ')}`);
    return value;
}
/** Every way a rendered message breaks its platform's limits, in words; empty when it fits. */
async function payloadProblems(format, message) {
    if (format === 'discord') {
        const { checkDiscordLimits } = await __webpack_require__.e(/* import() */ 225).then(__webpack_require__.bind(__webpack_require__, 88225));
        const problems = checkDiscordLimits(message.body);
        const fileBytes = message.files.reduce((n, f) => n + f.data.length, 0);
        if (fileBytes > DISCORD_MAX_FILE_BYTES) {
            problems.push(`attachments total ${fileBytes} bytes (max ${DISCORD_MAX_FILE_BYTES})`);
        }
        return problems;
    }
    if (format === 'slack') {
        const { checkSlackLimits } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 8059));
        return checkSlackLimits(message.body);
    }
    if (format === 'teams') {
        const { checkTeamsLimits } = await __webpack_require__.e(/* import() */ 137).then(__webpack_require__.bind(__webpack_require__, 28137));
        return checkTeamsLimits(message.body);
    }
    const { GENERIC_MAX_BYTES } = await __webpack_require__.e(/* import() */ 131).then(__webpack_require__.bind(__webpack_require__, 95131));
    const text = JSON.stringify(message.body);
    if (text === undefined || !isObject(JSON.parse(text)))
        return ['body is not a JSON object'];
    const bytes = Buffer.byteLength(text, 'utf8');
    return bytes > GENERIC_MAX_BYTES ? [`body is ${bytes} bytes of JSON (max ${GENERIC_MAX_BYTES})`] : [];
}
/** Why a target's rule does not fire for `status`. */
function notFiring(target, status) {
    if (target.on === 'never')
        return 'on: never';
    return `on: ${target.on}, and the report's status is ${status}`;
}
/**
 * Renders what every configured target would be sent for `report`, as a real delivery would (a `change`
 * target fires: without a run to compare with, the outcome is unknown), and checks each against its limits.
 */
async function renderDryRun(report, settings, opts) {
    const firing = new Set((0,_notify_targets_js__WEBPACK_IMPORTED_MODULE_6__/* .selectTargets */ .Dv)(settings.targets, report.status, 'unknown'));
    const render = (0,_finish_js__WEBPACK_IMPORTED_MODULE_7__/* .messageRenderer */ .hB)(report, settings, { logTail: opts.logTail });
    const entries = [];
    for (const target of settings.targets) {
        const entry = {
            source: target.source,
            url: (0,_runner_secrets_js__WEBPACK_IMPORTED_MODULE_5__/* .maskUrl */ .yP)(target.url),
            format: target.format,
            event: 'finished',
            dryRun: true,
            wouldSend: firing.has(target),
            reason: firing.has(target) ? null : notFiring(target, report.status),
            problems: [],
            body: null,
            files: [],
        };
        if (entry.wouldSend) {
            try {
                const message = await render(target, { event: 'finished', change: 'unknown' });
                const body = (0,_runner_secrets_js__WEBPACK_IMPORTED_MODULE_5__/* .scrubDeep */ .wE)(message.body);
                entry.body = body;
                entry.files = message.files.map((f) => ({ name: (0,_runner_secrets_js__WEBPACK_IMPORTED_MODULE_5__/* .scrub */ ._I)(f.name), bytes: f.data.length }));
                entry.problems = await payloadProblems(target.format, { ...message, body });
            }
            catch (err) {
                entry.problems = [`could not render the message: ${(0,_runner_secrets_js__WEBPACK_IMPORTED_MODULE_5__/* .scrub */ ._I)((0,_runner_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .gJ)(err))}`];
            }
        }
        entries.push(entry);
    }
    if (opts.start)
        entries.push(...(await startEntries((0,_runner_secrets_js__WEBPACK_IMPORTED_MODULE_5__/* .scrubDeep */ .wE)(opts.start), settings)));
    return entries;
}
/**
 * What a build sends before its result: the `notify-start` message per start target, and with
 * `discord-live` the live message per live target, as posted and as a progress edit (one stage in).
 */
async function startEntries(start, settings) {
    const jobs = [];
    if (settings.notifyStart) {
        const { renderStart, startTargets } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 35599));
        for (const target of startTargets(settings)) {
            jobs.push({ target, event: 'started', render: () => renderStart(target, start, settings) });
        }
    }
    const { liveTargets } = await Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(363), __webpack_require__.e(239)]).then(__webpack_require__.bind(__webpack_require__, 47755));
    const { renderLiveDiscord } = await __webpack_require__.e(/* import() */ 243).then(__webpack_require__.bind(__webpack_require__, 61243));
    const { editRequestBody } = await Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(363), __webpack_require__.e(637)]).then(__webpack_require__.bind(__webpack_require__, 84363));
    const link = start.run.jobUrl ?? start.run.runUrl;
    const progress = {
        packages: start.packages,
        runner: start.runner.name,
        link: link ? { url: link, label: start.run.jobUrl ? 'Job' : 'Run' } : null,
        startTime: start.startTime,
        elapsedMs: 0,
    };
    const first = start.packages[0] ?? 'package';
    const stage = {
        target: start.packages.at(-1) ?? first,
        name: first,
        index: 1,
        total: Math.max(1, start.packages.length),
        phase: 'build',
    };
    for (const target of liveTargets(settings)) {
        const live = (s) => renderLiveDiscord({ ...progress, stage: s }, settings.discord);
        jobs.push({ target, event: 'live', render: () => Promise.resolve(live(null)) });
        jobs.push({
            target,
            event: 'live-edit',
            render: () => {
                const edit = live(stage);
                return Promise.resolve({ ...edit, body: editRequestBody(edit.body) });
            },
        });
    }
    const entries = [];
    for (const job of jobs) {
        const entry = {
            source: job.target.source,
            url: (0,_runner_secrets_js__WEBPACK_IMPORTED_MODULE_5__/* .maskUrl */ .yP)(job.target.url),
            format: job.target.format,
            event: job.event,
            dryRun: true,
            wouldSend: true,
            reason: null,
            problems: [],
            body: null,
            files: [],
        };
        try {
            const message = await job.render();
            entry.body = (0,_runner_secrets_js__WEBPACK_IMPORTED_MODULE_5__/* .scrubDeep */ .wE)(message.body);
            entry.problems = await payloadProblems(job.target.format, { ...message, body: entry.body });
        }
        catch (err) {
            entry.problems = [`could not render the message: ${(0,_runner_secrets_js__WEBPACK_IMPORTED_MODULE_5__/* .scrub */ ._I)((0,_runner_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .gJ)(err))}`];
        }
        entries.push(entry);
    }
    return entries;
}
/**
 * Text that renders as itself in markdown and in HTML (a `<summary>`): every character either language acts
 * on becomes a numeric entity, which both read literally. One line. Scrubbed first: once `_` is `&#95;`, a
 * secret holding one can no longer be found by a scrub of the summary.
 */
function literal(text) {
    return (0,_runner_secrets_js__WEBPACK_IMPORTED_MODULE_5__/* .scrub */ ._I)(text)
        .replace(/\s*[\r\n]+\s*/g, ' ')
        .replace(/[&<>"'`*_[\]|#~\\!]/g, (c) => `&#${c.charCodeAt(0)};`);
}
/** The body as a fenced JSON block no line of it can close (at most SUMMARY_BODY_CHARS shown). */
function bodyBlock(body) {
    let json = JSON.stringify(body, null, 2);
    let note = '';
    if (json.length > SUMMARY_BODY_CHARS) {
        const line = json.lastIndexOf('\n', SUMMARY_BODY_CHARS);
        const cut = line > 0 ? line : SUMMARY_BODY_CHARS;
        note = `\n_${json.length - cut} more characters not shown: the \`notifications\` output has the whole body._\n`;
        json = json.slice(0, cut);
    }
    const longest = Math.max(0, ...[...json.matchAll(/`+/g)].map((m) => m[0].length));
    const fence = '`'.repeat(Math.max(3, longest + 1));
    return `${fence}json\n${json}\n${fence}\n${note}`;
}
/** Whose limits a format's payload is checked against, for the summary. */
const LIMITS_OF = {
    discord: "Discord's",
    slack: "Slack's",
    teams: "Teams'",
};
const EVENT_LABEL = {
    finished: 'result',
    started: 'started',
    live: 'live (posted at the start)',
    'live-edit': 'live (a progress edit)',
};
function entryDetails(e) {
    const verdict = !e.wouldSend
        ? `not sent (${e.reason ?? ''})`
        : e.problems.length > 0
            ? `❌ ${e.problems.length} limit problem(s)`
            : 'fits';
    const lines = [
        `<details><summary>${e.wouldSend && e.problems.length === 0 ? '✅' : e.wouldSend ? '❌' : '⏭'} ${literal(e.source)}${e.event === 'finished' ? '' : ` · ${EVENT_LABEL[e.event]}`} · ${literal(e.url)} · ${e.format}: ${literal(verdict)}</summary>`,
        '',
        `- Source: ${literal(e.source)}`,
        `- Payload: ${EVENT_LABEL[e.event]}`,
        `- URL: ${literal(e.url)}`,
        `- Format: ${e.format}`,
        `- Would send: ${e.wouldSend ? 'yes' : `no: ${literal(e.reason ?? '')}`}`,
    ];
    if (e.wouldSend) {
        lines.push(e.problems.length === 0
            ? `- Limits: fits ${LIMITS_OF[e.format] ?? 'the generic payload'} limits`
            : `- Limits: ${e.problems.map(literal).join('; ')}`);
        const files = e.files.map((f) => `${literal(f.name)} (${f.bytes} bytes)`);
        lines.push(`- Attached files: ${files.length > 0 ? files.join(', ') : 'none'}`, '', bodyBlock(e.body));
    }
    lines.push('</details>', '');
    return lines.join('\n');
}
/** The job summary of a dry run: what was rendered from what, then one collapsed block per target. */
function dryRunSummary(report, entries, origin) {
    const head = [
        '## 🧪 Dry run: the notifications this report would send',
        '',
        `Nothing was built and nothing was sent. Report: ${literal(origin)}; status **${report.status}**: ${literal(report.message)}`,
        '',
    ];
    if (entries.length === 0) {
        head.push('No notification target is configured, so none would be sent.', '');
    }
    return [...head, ...entries.map(entryDetails)].join('\n');
}
/** One log line per target. */
function logLine(e) {
    const what = !e.wouldSend
        ? `would not send (${e.reason ?? ''})`
        : e.problems.length > 0
            ? `would send, but it breaks its limits: ${e.problems.join('; ')}`
            : `would send; fits its limits${e.files.length > 0 ? ` (${e.files.length} file(s) attached)` : ''}`;
    const event = e.event === 'finished' ? '' : ` ${EVENT_LABEL[e.event]}`;
    return `dry-run: ${e.source}${event} (${e.url}): ${what}`;
}
/** What this step would announce at a build's start (the report's packages when none are configured). */
async function sampleStart(settings, report) {
    const { buildStart } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 35599));
    const start = buildStart(settings, new Date());
    return start.packages.length > 0 ? start : { ...start, packages: report.requestedPackages };
}
/** The dry run itself (see the file's head). Fails the step only when a payload that would be sent breaks a limit. */
async function runDryRun(settings, notifySettings) {
    const file = settings.trial?.reportFile ?? null;
    let report;
    try {
        report = file === null ? runSample(settings) : await readReportFile(file);
    }
    catch (err) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setFailed */ .C1((0,_runner_secrets_js__WEBPACK_IMPORTED_MODULE_5__/* .scrub */ ._I)((0,_runner_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .gJ)(err)));
        return;
    }
    const origin = file === null ? `the sample report (packages: ${report.requestedPackages.join(' ')})` : file;
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq((0,_runner_secrets_js__WEBPACK_IMPORTED_MODULE_5__/* .scrub */ ._I)(`Dry run: nothing is built and nothing is sent. Rendering the notifications for ${origin}.`));
    const entries = notifySettings === null
        ? []
        : await renderDryRun(report, notifySettings, {
            logTail: file !== null,
            start: await sampleStart(settings, report),
        });
    if (entries.length === 0) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e('Dry run: no notification target is configured, so a build would send no notification.');
    }
    for (const e of entries)
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq((0,_runner_secrets_js__WEBPACK_IMPORTED_MODULE_5__/* .scrub */ ._I)(logLine(e)));
    if (process.env.GITHUB_STEP_SUMMARY) {
        await _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .summary */ .z
            .addRaw((0,_runner_secrets_js__WEBPACK_IMPORTED_MODULE_5__/* .scrub */ ._I)(dryRunSummary(report, entries, origin)), true)
            .write()
            .catch((err) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e((0,_runner_secrets_js__WEBPACK_IMPORTED_MODULE_5__/* .scrub */ ._I)(`Could not write the job summary: ${(0,_finish_js__WEBPACK_IMPORTED_MODULE_7__/* .errnoWords */ .st)(err)}`)));
    }
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('status', (0,_runner_secrets_js__WEBPACK_IMPORTED_MODULE_5__/* .scrub */ ._I)(report.status));
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('notifications', (0,_runner_secrets_js__WEBPACK_IMPORTED_MODULE_5__/* .scrub */ ._I)(JSON.stringify((0,_runner_secrets_js__WEBPACK_IMPORTED_MODULE_5__/* .scrubDeep */ .wE)(entries))));
    const broken = entries.filter((e) => e.wouldSend && e.problems.length > 0);
    if (broken.length > 0) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setFailed */ .C1((0,_runner_secrets_js__WEBPACK_IMPORTED_MODULE_5__/* .scrub */ ._I)(broken
            .map((e) => `Dry run: the payload for ${e.source} (${e.url}) breaks its limits: ${e.problems.join('; ')}`)
            .join('\n')));
    }
}


/***/ }),

/***/ 5862:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   TEST_HEADLINE: () => (/* binding */ TEST_HEADLINE),
/* harmony export */   markAsTest: () => (/* binding */ markAsTest),
/* harmony export */   resultLine: () => (/* binding */ resultLine),
/* harmony export */   runTestNotification: () => (/* binding */ runTestNotification),
/* harmony export */   testSettings: () => (/* binding */ testSettings)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(33838);
/* harmony import */ var _runner_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(85507);
/* harmony import */ var _runner_secrets_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(72995);
/* harmony import */ var _notify_render_limits_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(87284);
/* harmony import */ var _finish_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(83699);
/* harmony import */ var _dry_run_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(59591);
// `test-notification: true`: build nothing; send a clearly marked sample to every configured target through
// the real delivery (retries, signatures, scrubber) and say per target whether it was accepted. The step
// fails when any target did not accept it: finding that out is the point of the test.






const TEST_HEADLINE = '🧪 Test notification from jetson-build-action — not a real build';
const DISCORD_CONTENT_MAX = 2000;
/**
 * Makes sure a person can tell a Discord message is a test whatever its layout shows of the report: it opens
 * with the marker (unless the renderer already says so). The other formats mark it in their renderer from the
 * `test` event: Slack's text line and header, the Teams card's first line, the generic body's event
 * `jetson.test` (and the report's message starts with the marker).
 */
function markAsTest(format, message) {
    const body = message.body;
    if (format !== 'discord' || typeof body !== 'object' || body === null)
        return message;
    const fields = body;
    if (JSON.stringify(body).includes('Test notification'))
        return message;
    const content = typeof fields.content === 'string' && fields.content !== '' ? `\n${fields.content}` : '';
    const marked = (0,_notify_render_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .truncateMarkdown */ .o4)(`**${TEST_HEADLINE}**${content}`, DISCORD_CONTENT_MAX);
    return { ...message, body: { ...fields, content: marked } };
}
/** `discord-webhook-url (https://discord.com/***): delivered, HTTP 200, message 1300…` — one per target. */
function resultLine(r) {
    if (r.delivered) {
        const http = r.httpStatus === null ? '' : `, HTTP ${r.httpStatus}`;
        const id = r.messageId ? `, message ${r.messageId}` : '';
        // A 202 (a Teams Workflows flow) only queued it: whether it was posted shows in the flow's run history.
        return `${r.source} (${r.url}): delivered${http}${id}${r.note ? ` (${r.note})` : ''}`;
    }
    return `${r.source} (${r.url}): failed: ${r.error ?? 'unknown error'}`;
}
/**
 * The settings a test is sent with: every target but those turned off (`on: never`) fires whatever the
 * sample's status (a failure-only target is tested too), and no one is pinged for a sample.
 */
function testSettings(settings) {
    return {
        ...settings,
        targets: settings.targets.filter((t) => t.on !== 'never').map((t) => ({ ...t, on: 'always' })),
        discord: { ...settings.discord, mentionOnFailure: { users: [], roles: [] }, live: false },
    };
}
const NO_TARGET = 'test-notification: no notification target is configured, so there is nothing to test. Set ' +
    'discord-webhook-url, slack-webhook-url, teams-webhook-url, webhook-url, success-webhook-url, ' +
    'failure-webhook-url or webhooks (a secret that ' +
    'is empty, as on a pull request from a fork, counts as not set).';
async function runTestNotification(settings, notifySettings) {
    const configured = notifySettings?.targets ?? [];
    if (notifySettings === null || configured.length === 0) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setFailed */ .C1(NO_TARGET);
        return;
    }
    const test = testSettings(notifySettings);
    for (const t of configured.filter((t) => t.on === 'never')) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq((0,_runner_secrets_js__WEBPACK_IMPORTED_MODULE_2__/* .scrub */ ._I)(`${t.source} (${(0,_runner_secrets_js__WEBPACK_IMPORTED_MODULE_2__/* .maskUrl */ .yP)(t.url)}): skipped: its rule is on: never`));
    }
    if (test.targets.length === 0) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setFailed */ .C1('test-notification: every configured target has on: never, so none was sent the test.');
        return;
    }
    const report = (0,_dry_run_js__WEBPACK_IMPORTED_MODULE_5__.runSample)(settings, TEST_HEADLINE);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Test notification: nothing is built; sending a marked sample to ${test.targets.length} target(s).`);
    const base = (0,_finish_js__WEBPACK_IMPORTED_MODULE_4__/* .messageRenderer */ .hB)(report, test, { logTail: false });
    const render = async (target, ctx) => markAsTest(target.format, await base(target, ctx));
    const { notify, notificationOutputs } = await __webpack_require__.e(/* import() */ 701).then(__webpack_require__.bind(__webpack_require__, 58701));
    const outcome = await notify({ status: report.status }, test, render, {
        event: 'test',
        log: (m) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq((0,_runner_secrets_js__WEBPACK_IMPORTED_MODULE_2__/* .scrub */ ._I)(m)),
    });
    for (const r of outcome.results)
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq((0,_runner_secrets_js__WEBPACK_IMPORTED_MODULE_2__/* .scrub */ ._I)(resultLine(r)));
    try {
        const out = notificationOutputs(outcome.results);
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('notifications', out.notifications);
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('message-id', out.messageId);
    }
    catch (err) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e((0,_runner_secrets_js__WEBPACK_IMPORTED_MODULE_2__/* .scrub */ ._I)(`Could not set the step outputs (GITHUB_OUTPUT): ${(0,_runner_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(err)}`));
    }
    const failed = outcome.results.filter((r) => !r.delivered);
    if (failed.length > 0) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setFailed */ .C1((0,_runner_secrets_js__WEBPACK_IMPORTED_MODULE_2__/* .scrub */ ._I)(`test-notification: ${failed.length} of ${outcome.results.length} target(s) did not accept the test: ` +
            failed.map(resultLine).join('; ')));
    }
    else {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Test notification: all ${outcome.results.length} target(s) accepted it.`);
    }
}


/***/ })

};
