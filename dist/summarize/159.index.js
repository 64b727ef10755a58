export const id = 159;
export const ids = [159];
export const modules = {

/***/ 2159:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  renderRunGeneric: () => (/* binding */ renderRunGeneric)
});

// EXTERNAL MODULE: ./src/notify/template-fields.ts + 2 modules
var template_fields = __webpack_require__(1208);
// EXTERNAL MODULE: ./src/notify/templates.ts
var templates = __webpack_require__(7858);
// EXTERNAL MODULE: ./src/notify/render/limits.ts
var limits = __webpack_require__(7284);
;// CONCATENATED MODULE: ./src/notify/render/generic.ts
// The generic webhook body: a documented, versioned JSON object (schema/generic-payload.schema.json) that
// keeps every field of jetson-containers' own generic webhook, with its meaning, and adds the rest of the
// BuildReport in snake_case. Sizes are bounded so a hostile report cannot produce a multi-megabyte body.





/** Bumped on any incompatible change to the payload. */
const GENERIC_PAYLOAD_VERSION = 1;
/** The `event` of a build's result. */
const GENERIC_EVENT = 'jetson.build.finished';
/** The `event` of each kind of notification: receivers route on it. */
const GENERIC_EVENTS = {
    finished: GENERIC_EVENT,
    started: 'jetson.build.started',
    test: 'jetson.test',
};
/** The body stays under this many UTF-8 bytes whatever the report holds. */
const GENERIC_MAX_BYTES = 512 * 1024;
const NORMAL = { items: 500, text: 512, error: 2000, excerptLines: 40, excerptLine: 500, excerpts: 10 };
const COMPACT = { items: 200, text: 160, error: 300, excerptLines: 40, excerptLine: 200, excerpts: 0 };
const ENV_KEYS = (/* unused pure expression or super */ null && (ENVIRONMENT_KEYS));
class Clipper {
    caps;
    truncated = false;
    constructor(caps) {
        this.caps = caps;
    }
    text(s, max = this.caps.text) {
        if (s.length > max)
            this.truncated = true;
        return truncate(s, max);
    }
    maybe(s, max = this.caps.text) {
        return s === null ? null : this.text(s, max);
    }
    list(items, max = this.caps.items) {
        if (items.length > max)
            this.truncated = true;
        return items.slice(0, max).map((s) => this.text(s));
    }
    failure(f, withExcerpt) {
        if (!f)
            return null;
        let excerpt = [];
        if (withExcerpt) {
            const n = this.caps.excerptLines;
            if (f.excerpt.length > n)
                this.truncated = true;
            excerpt = f.excerpt.slice(-n).map((l) => this.text(l, this.caps.excerptLine));
        }
        else if (f.excerpt.length > 0) {
            this.truncated = true;
        }
        return {
            stage: this.maybe(f.stage),
            stage_index: f.stageIndex,
            stage_count: f.stageCount,
            phase: f.phase,
            error: this.maybe(f.error, this.caps.error),
            excerpt,
            log_file: this.maybe(f.logFile),
        };
    }
}
function details(report) {
    const f = report.failure;
    if (report.status === 'success' || !f)
        return report.message;
    const where = f.stage
        ? `stage ${f.stage}${f.stageIndex !== null && f.stageCount !== null ? ` (${f.stageIndex}/${f.stageCount})` : ''}, ${f.phase}`
        : f.phase;
    return f.error ? `${f.error} [${where}]` : `${report.message} [${where}]`;
}
/** At most `max` packages in their original order; failed ones are kept first when some must go. */
function keepFailed(packages, max) {
    if (packages.length <= max)
        return packages;
    const failed = packages.filter((p) => p.status === 'failure').slice(0, max);
    const keep = new Set(failed);
    for (const p of packages) {
        if (keep.size >= max)
            break;
        keep.add(p);
    }
    return packages.filter((p) => keep.has(p));
}
/** `image_facts` in snake_case, only when docker told them (older receivers see no new key otherwise). */
function imageFactsOf(p, c) {
    const f = factsOf(p);
    if (f === null)
        return {};
    const out = {
        image: c.text(f.image),
        id: f.id,
        size_bytes: f.sizeBytes,
        layers: f.layers,
        created: f.created,
        architecture: f.architecture,
        digest: c.maybe(f.digest),
    };
    const s = f.sizeChange;
    if (s) {
        out.size_change = {
            previous_bytes: s.previousBytes,
            delta_bytes: s.deltaBytes,
            percent: s.percent,
            flagged: s.flagged,
            previous_run_url: s.previousRunUrl,
        };
    }
    return { image_facts: out };
}
function build(report, caps, ctx) {
    const c = new Clipper(caps);
    const environment = {};
    for (const key of ENV_KEYS) {
        const v = report.environment[key];
        if (v !== undefined && v !== '')
            environment[key] = c.text(v);
    }
    let excerptsLeft = caps.excerpts;
    const results = keepFailed(report.packages, caps.items).map((p) => {
        const withExcerpt = p.failure !== null && excerptsLeft > 0;
        if (withExcerpt)
            excerptsLeft--;
        return {
            name: c.text(p.name),
            status: p.status,
            image: c.maybe(p.image),
            pushed_image: c.maybe(p.pushedImage),
            duration_seconds: p.durationSeconds,
            failure: c.failure(p.failure, withExcerpt),
            ...imageFactsOf(p, c),
        };
    });
    if (results.length < report.packages.length)
        c.truncated = true;
    const run = report.run;
    return {
        payload_version: GENERIC_PAYLOAD_VERSION,
        event: ctx.event === 'test' ? GENERIC_EVENTS.test : GENERIC_EVENT,
        status: report.status,
        end_time: isoSeconds(report.endTime),
        packages: c.list(report.requestedPackages),
        build_command: c.text(report.command.display, caps.error),
        environment,
        message: c.text(report.message, caps.error),
        details: c.text(details(report), caps.error),
        log_file: c.text(report.logs.consoleLog),
        log_url: report.logs.url ?? report.logs.artifactUrl ?? run.runUrl,
        artifact_url: report.logs.artifactUrl,
        artifact_name: c.maybe(report.logs.artifactName),
        log_upload_error: c.maybe(report.logs.uploadError),
        run_url: run.runUrl,
        job_url: run.jobUrl ?? null,
        change: ctx.change === 'fixed' || ctx.change === 'broken' ? ctx.change : null,
        start_time: isoSeconds(report.startTime),
        duration_seconds: report.durationSeconds,
        tool_build_seconds: report.toolBuildSeconds,
        exit_code: report.exitCode,
        signal: report.signal,
        images: c.list(report.images),
        failed_packages: c.list(report.failedPackages),
        results,
        results_total: report.packages.length,
        failure: c.failure(report.failure, true),
        command_argv: c.list(report.command.argv),
        environment_source: report.environment.source,
        options: {
            multiple: report.options.multiple,
            skip_errors: report.options.skipErrors,
            name: c.maybe(report.options.name),
            push: c.maybe(report.options.push),
        },
        runner: {
            name: c.maybe(report.runner.name),
            os: report.runner.os,
            arch: report.runner.arch,
            labels: c.list(report.runner.labels, 50),
        },
        server_url: run.serverUrl,
        repository: run.repository,
        ref: c.maybe(run.ref),
        sha: run.sha,
        workflow: c.maybe(run.workflow),
        job: c.maybe(run.job),
        run_id: run.runId,
        run_attempt: run.runAttempt,
        matrix: c.maybe(run.matrix, caps.error),
        truncated: c.truncated,
    };
}
function bytes(payload) {
    return Buffer.byteLength(JSON.stringify(payload), 'utf8');
}
const FINISHED = { event: 'finished', change: 'unknown' };
/** The generic payload of a report, bounded to GENERIC_MAX_BYTES. */
function genericPayload(report, ctx = FINISHED) {
    const normal = build(report, NORMAL, ctx);
    if (bytes(normal) <= GENERIC_MAX_BYTES)
        return normal;
    let caps = COMPACT;
    let payload = build(report, caps, ctx);
    // Wide characters can still overflow: halve the lists until the body fits.
    while (bytes(payload) > GENERIC_MAX_BYTES && caps.items > 1) {
        caps = { ...caps, items: Math.floor(caps.items / 2), excerptLines: Math.min(caps.excerptLines, 10) };
        payload = build(report, caps, ctx);
    }
    payload.truncated = true;
    return payload;
}
/**
 * Renders the generic webhook body of a build's result (or of a test sample): JSON, no files. With the
 * target's `payload-template` the body is the template's JSON instead (throws when it renders invalid JSON or
 * more than GENERIC_MAX_BYTES even from the compact view: that target's delivery fails with the reason).
 */
function renderGeneric(report, ctx = FINISHED, payloadTemplate = null) {
    if (payloadTemplate !== null) {
        const body = renderPayloadTemplate(payloadTemplate, (caps) => buildTemplateView(report, ctx, caps), GENERIC_MAX_BYTES);
        return { body, files: [] };
    }
    return { body: genericPayload(report, ctx), files: [] };
}
/** The started body. It holds only the step's own settings and the runner's facts, bounded all the same. */
function genericStartedPayload(start) {
    const c = new Clipper(NORMAL);
    const run = start.run;
    return {
        payload_version: GENERIC_PAYLOAD_VERSION,
        event: GENERIC_EVENTS.started,
        start_time: isoSeconds(start.startTime),
        packages: c.list(start.packages),
        build_command: c.text(start.command.display, NORMAL.error),
        command_argv: c.list(start.command.argv),
        runner: {
            name: c.maybe(start.runner.name),
            os: start.runner.os,
            arch: start.runner.arch,
            labels: c.list(start.runner.labels, 50),
        },
        run_url: run.runUrl,
        job_url: run.jobUrl ?? null,
        server_url: run.serverUrl,
        repository: run.repository,
        ref: c.maybe(run.ref),
        sha: run.sha,
        workflow: c.maybe(run.workflow),
        job: c.maybe(run.job),
        run_id: run.runId,
        run_attempt: run.runAttempt,
        matrix: c.maybe(run.matrix, NORMAL.error),
        truncated: c.truncated,
    };
}
/** Renders the generic `jetson.build.started` body: JSON, no files. */
function renderGenericStarted(start) {
    return { body: genericStartedPayload(start), files: [] };
}

;// CONCATENATED MODULE: ./src/notify/render/run-generic.ts



function renderRunGeneric(run, payloadTemplate = null, ctx) {
    if (payloadTemplate === null)
        return { body: run, files: [] };
    const body = (0,templates/* renderPayloadTemplate */.Pi)(payloadTemplate, (caps) => (0,template_fields/* runTemplateView */.x8)(run, ctx, caps), GENERIC_MAX_BYTES);
    return { body, files: [] };
}


/***/ })

};
