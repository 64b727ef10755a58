export const id = 80;
export const ids = [80];
export const modules = {

/***/ 67080:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DISCORD_MAX_FILE_BYTES: () => (/* binding */ DISCORD_MAX_FILE_BYTES),
  dryRunSummary: () => (/* binding */ dryRunSummary),
  literal: () => (/* binding */ literal),
  payloadProblems: () => (/* binding */ payloadProblems),
  readReportFile: () => (/* binding */ readReportFile),
  renderDryRun: () => (/* binding */ renderDryRun),
  reportProblems: () => (/* binding */ reportProblems),
  runDryRun: () => (/* binding */ runDryRun),
  runSample: () => (/* binding */ runSample)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var core = __webpack_require__(33838);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./src/runner/context.ts
var context = __webpack_require__(21953);
// EXTERNAL MODULE: ./src/runner/errors.ts
var errors = __webpack_require__(85507);
// EXTERNAL MODULE: ./src/runner/secrets.ts
var secrets = __webpack_require__(72995);
// EXTERNAL MODULE: ./src/report/build-report.ts
var build_report = __webpack_require__(64417);
;// CONCATENATED MODULE: ./src/report/sample.ts
// A realistic BuildReport that no build produced: what `dry-run` renders and `test-notification` sends when
// there is no report to show. It reads like a real --multiple build on a Jetson Orin (JetPack 6): every
// package but the last built, the last failed in its final stage with a short docker excerpt.

/** The packages of the sample when the workflow names none (`packages` may be empty in a trial). */
const SAMPLE_PACKAGES = ['pytorch:2.8', 'torchvision'];
/** The tag suffix jetson-containers gives images on L4T r36.4 (JetPack 6.2.1), CUDA 12.6, Ubuntu 22.04. */
const IMAGE_SUFFIX = 'r36.4.tegra-aarch64-cu126-22.04';
/** The chain every package of the sample is built on; the package itself is the last stage. */
const BASE_CHAIN = ['build-essential', 'pip_cache', 'cuda', 'cudnn', 'python', 'numpy', 'cmake', 'onnx'];
/** Build times of the packages that built, in order (then repeated): hours-long like real Jetson builds. */
const BUILT_SECONDS = [2712, 1484, 963, 2210];
const FAILED_SECONDS = 1187;
/** `pytorch:2.8` → `pytorch:2.8-r36.4…`, `numpy` → `numpy:r36.4…`: how the tool tags its images. */
function sampleImage(pkg) {
    return pkg.includes(':') ? `${pkg}-${IMAGE_SUFFIX}` : `${pkg}:${IMAGE_SUFFIX}`;
}
function stageName(pkg) {
    return pkg.split(':')[0] ?? pkg;
}
function quote(word) {
    return /^[A-Za-z0-9_./:=@%+,-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
function failurePoint(pkg, logDir) {
    const stage = stageName(pkg);
    const count = BASE_CHAIN.length + 1;
    const cmd = `process "/bin/sh -c /tmp/${stage}/install.sh" did not complete successfully: exit code: 1`;
    const error = `ERROR: failed to solve: ${cmd}`;
    return {
        stage,
        stageIndex: count,
        stageCount: count,
        phase: 'build',
        error,
        excerpt: [
            `#14 1160.2 Building wheel for ${stage} (setup.py): finished with status 'error'`,
            `#14 1187.9 error: command '/usr/local/cuda/bin/nvcc' failed with exit code 1`,
            `#14 ERROR: ${cmd}`,
            error,
        ],
        logFile: `${logDir}/build/${String(count).padStart(2, '0')}o${count}_${stage}_${IMAGE_SUFFIX}-${stage}.txt`,
    };
}
/** The failing package's chain: every base stage built, its own stage failed. */
function stagesOf(pkg, start, seconds) {
    const names = [...BASE_CHAIN, stageName(pkg)];
    const each = Math.floor(seconds / names.length);
    return names.map((name, i) => ({
        target: pkg,
        name,
        image: `${stageName(pkg)}:${IMAGE_SUFFIX}-${name}`,
        index: i + 1,
        total: names.length,
        phase: 'build',
        status: i === names.length - 1 ? 'failure' : 'success',
        startTime: new Date(start.getTime() + i * each * 1000).toISOString(),
        durationSeconds: each,
    }));
}
function packagesOf(requested, logDir) {
    const last = requested.length - 1;
    return requested.map((name, i) => i === last
        ? {
            name,
            status: 'failure',
            image: null,
            pushedImage: null,
            durationSeconds: FAILED_SECONDS,
            failure: failurePoint(name, logDir),
        }
        : {
            name,
            status: 'success',
            image: sampleImage(name),
            pushedImage: null,
            durationSeconds: BUILT_SECONDS[i % BUILT_SECONDS.length],
            failure: null,
        });
}
/** The sentence the status rules would write for this outcome (see jetson/outcome.ts). */
function sentence(packages, f) {
    const failed = packages[packages.length - 1];
    const clause = `${failed.name} failed in stage ${f.stage} (build ${f.stageIndex}/${f.stageCount}): ${f.error}`;
    if (packages.length === 1)
        return `${clause}.`;
    return `${packages.length - 1} of ${packages.length} packages built; ${clause}.`;
}
/** A failed sample build of `packages` (the last one fails), ended at `end`, with the given run context. */
function sampleReport(input) {
    const requested = input.packages.length > 0 ? [...input.packages] : [...SAMPLE_PACKAGES];
    const multiple = requested.length > 1;
    const packages = packagesOf(requested, input.logDir);
    const failed = packages[packages.length - 1];
    const failure = failed.failure;
    const seconds = packages.reduce((n, p) => n + (p.durationSeconds ?? 0), 0);
    const start = new Date(input.end.getTime() - seconds * 1000);
    const failedStart = new Date(input.end.getTime() - FAILED_SECONDS * 1000);
    const argv = [
        'jetson-containers',
        'build',
        ...(multiple ? ['--multiple', '--skip-errors'] : []),
        `--logs=${input.logDir}`,
        ...requested,
    ];
    const own = sentence(packages, failure);
    return {
        schemaVersion: build_report/* REPORT_SCHEMA_VERSION */.W,
        status: 'failure',
        message: input.headline ? `${input.headline}. ${own}` : own,
        exitCode: 1,
        signal: null,
        requestedPackages: requested,
        packages,
        failedPackages: [failed.name],
        images: packages.flatMap((p) => (p.image ? [p.image] : [])),
        stages: stagesOf(failed.name, failedStart, FAILED_SECONDS),
        environment: {
            L4T_VERSION: '36.4.4',
            JETPACK_VERSION: '6.2.1',
            CUDA_VERSION: '12.6',
            PYTHON_VERSION: '3.10',
            SYSTEM_ARCH: 'aarch64',
            LSB_RELEASE: '22.04',
            CUDA_ARCH: 'tegra-aarch64',
            source: 'console',
        },
        command: { argv, display: argv.map(quote).join(' ') },
        startTime: start.toISOString(),
        endTime: input.end.toISOString(),
        durationSeconds: seconds,
        toolBuildSeconds: null,
        failure,
        runner: input.runner,
        run: input.run,
        logs: {
            dir: input.logDir,
            consoleLog: `${input.logDir}/console.log`,
            reportFile: `${input.logDir}/report.json`,
            artifactName: null,
            artifactId: null,
            artifactUrl: null,
            // No artifact exists for a sample: the run is the link, as when upload-logs is off.
            url: input.run.runUrl,
            uploadError: null,
        },
        options: { multiple, skipErrors: multiple, name: null, push: null },
    };
}

// EXTERNAL MODULE: ./src/notify/targets.ts
var targets = __webpack_require__(8215);
// EXTERNAL MODULE: ./src/action/finish.ts
var finish = __webpack_require__(83699);
;// CONCATENATED MODULE: ./src/action/dry-run.ts
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
    return sampleReport({
        packages: settings.build.packages,
        run: {
            ...(0,context/* readRunContext */.$p)(process.env, core/* getInput */.V4('job-check-run-id')),
            matrix: (0,context/* normalizeMatrix */.T7)(core/* getInput */.V4('matrix')),
        },
        runner: (0,context/* readRunnerInfo */.l7)(process.env, (0,context/* parseLabels */.Xy)(core/* getInput */.V4('runner-labels'))),
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
    if (r.schemaVersion !== build_report/* REPORT_SCHEMA_VERSION */.W) {
        return [`schemaVersion is ${JSON.stringify(r.schemaVersion) ?? 'missing'}, this action reads 1`];
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
    const bad = (why) => new errors/* InputError */.dz('report-file', file, `${why}; name the report.json of an earlier run of this action`);
    let text;
    try {
        const handle = await (0,promises_.open)(file, external_node_fs_.constants.O_RDONLY | external_node_fs_.constants.O_NONBLOCK);
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
        if (err instanceof errors/* InputError */.dz)
            throw err;
        const missing = err?.code === 'ENOENT';
        throw bad(missing ? 'there is no such file' : `it cannot be read: ${(0,finish/* errnoWords */.st)(err)}`);
    }
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (err) {
        throw bad(`it is not JSON (${(0,errors/* errorMessage */.gJ)(err)})`);
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
    const firing = new Set((0,targets/* selectTargets */.Dv)(settings.targets, report.status, 'unknown'));
    const render = (0,finish/* messageRenderer */.hB)(report, settings, { logTail: opts.logTail });
    const entries = [];
    for (const target of settings.targets) {
        const entry = {
            source: target.source,
            url: (0,secrets/* maskUrl */.yP)(target.url),
            format: target.format,
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
                const body = (0,secrets/* scrubDeep */.wE)(message.body);
                entry.body = body;
                entry.files = message.files.map((f) => ({ name: (0,secrets/* scrub */._I)(f.name), bytes: f.data.length }));
                entry.problems = await payloadProblems(target.format, { ...message, body });
            }
            catch (err) {
                entry.problems = [`could not render the message: ${(0,secrets/* scrub */._I)((0,errors/* errorMessage */.gJ)(err))}`];
            }
        }
        entries.push(entry);
    }
    return entries;
}
/**
 * Text that renders as itself in markdown and in HTML (a `<summary>`): every character either language acts
 * on becomes a numeric entity, which both read literally. One line.
 */
function literal(text) {
    return text.replace(/\s*[\r\n]+\s*/g, ' ').replace(/[&<>"'`*_[\]|#~\\!]/g, (c) => `&#${c.charCodeAt(0)};`);
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
function entryDetails(e) {
    const verdict = !e.wouldSend
        ? `not sent (${e.reason ?? ''})`
        : e.problems.length > 0
            ? `❌ ${e.problems.length} limit problem(s)`
            : 'fits';
    const lines = [
        `<details><summary>${e.wouldSend && e.problems.length === 0 ? '✅' : e.wouldSend ? '❌' : '⏭'} ${literal(e.source)} · ${literal(e.url)} · ${e.format}: ${literal(verdict)}</summary>`,
        '',
        `- Source: ${literal(e.source)}`,
        `- URL: ${literal(e.url)}`,
        `- Format: ${e.format}`,
        `- Would send: ${e.wouldSend ? 'yes' : `no: ${literal(e.reason ?? '')}`}`,
    ];
    if (e.wouldSend) {
        lines.push(e.problems.length === 0
            ? `- Limits: fits ${e.format === 'discord' ? "Discord's" : 'the generic payload'} limits`
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
    return `dry-run: ${e.source} (${e.url}): ${what}`;
}
/** The dry run itself (see the file's head). Fails the step only when a payload that would be sent breaks a limit. */
async function runDryRun(settings, notifySettings) {
    const file = settings.trial?.reportFile ?? null;
    let report;
    try {
        report = file === null ? runSample(settings) : await readReportFile(file);
    }
    catch (err) {
        core/* setFailed */.C1((0,secrets/* scrub */._I)((0,errors/* errorMessage */.gJ)(err)));
        return;
    }
    const origin = file === null ? `the sample report (packages: ${report.requestedPackages.join(' ')})` : file;
    core/* info */.pq((0,secrets/* scrub */._I)(`Dry run: nothing is built and nothing is sent. Rendering the notifications for ${origin}.`));
    const entries = notifySettings === null ? [] : await renderDryRun(report, notifySettings, { logTail: file !== null });
    if (entries.length === 0) {
        core/* warning */.$e('Dry run: no notification target is configured, so a build would send no notification.');
    }
    for (const e of entries)
        core/* info */.pq((0,secrets/* scrub */._I)(logLine(e)));
    if (process.env.GITHUB_STEP_SUMMARY) {
        await core/* summary */.z
            .addRaw((0,secrets/* scrub */._I)(dryRunSummary(report, entries, origin)), true)
            .write()
            .catch((err) => core/* warning */.$e((0,secrets/* scrub */._I)(`Could not write the job summary: ${(0,finish/* errnoWords */.st)(err)}`)));
    }
    core/* setOutput */.uH('status', (0,secrets/* scrub */._I)(report.status));
    core/* setOutput */.uH('notifications', (0,secrets/* scrub */._I)(JSON.stringify((0,secrets/* scrubDeep */.wE)(entries))));
    const broken = entries.filter((e) => e.wouldSend && e.problems.length > 0);
    if (broken.length > 0) {
        core/* setFailed */.C1((0,secrets/* scrub */._I)(broken
            .map((e) => `Dry run: the payload for ${e.source} (${e.url}) breaks its limits: ${e.problems.join('; ')}`)
            .join('\n')));
    }
}


/***/ })

};
