export const id = 994;
export const ids = [994];
export const modules = {

/***/ 57994:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hn: () => (/* binding */ cell),
/* harmony export */   Kx: () => (/* binding */ PACKAGE_EMOJI),
/* harmony export */   OF: () => (/* binding */ fenced),
/* harmony export */   Qq: () => (/* binding */ text),
/* harmony export */   SS: () => (/* binding */ codeSpan),
/* harmony export */   TN: () => (/* binding */ oneLine),
/* harmony export */   Yk: () => (/* binding */ failedFirst),
/* harmony export */   _M: () => (/* binding */ where),
/* harmony export */   nf: () => (/* binding */ link),
/* harmony export */   renderAnnotations: () => (/* binding */ renderAnnotations),
/* harmony export */   renderJobSummary: () => (/* binding */ renderJobSummary)
/* harmony export */ });
/* unused harmony exports SUMMARY_LIMIT_BYTES, SUMMARY_TARGET_BYTES, MAX_ANNOTATIONS, imagesTable */
/* harmony import */ var _notify_render_limits_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(87284);
/* harmony import */ var _image_facts_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(80613);
/* harmony import */ var _size_change_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(89678);



/** GitHub's hard limit for one step's summary. */
const SUMMARY_LIMIT_BYTES = (/* unused pure expression or super */ null && (1024 * 1024));
/** What the renderer aims for, leaving room for anything the caller adds. */
const SUMMARY_TARGET_BYTES = 900 * 1024;
/** GitHub shows at most 10 error annotations per step. */
const MAX_ANNOTATIONS = 10;
const HEADINGS = {
    success: '✅ Jetson Containers Build Success',
    failure: '❌ Jetson Containers Build Failure',
    cancelled: '⏹ Jetson Containers Build Cancelled',
};
const PACKAGE_EMOJI = {
    success: '✅',
    failure: '❌',
    cancelled: '⏹',
    'not-built': '⏭',
};
const bytes = (s) => Buffer.byteLength(s, 'utf8');
function oneLine(s) {
    return s.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
/** Plain text that renders as itself: markdown and HTML characters escaped, on one line. */
function text(s, max) {
    return (0,_notify_render_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(oneLine(s), max).replace(/[\\`*_[\]<>|#~&]/g, '\\$&');
}
/** Text for a table cell: one line, `|` escaped (also inside code spans, as GFM requires). */
function cell(s, max) {
    return text(s, max) || ' ';
}
/** An inline code span that no backtick inside can close; safe in a table cell. */
function codeSpan(s, max) {
    const body = (0,_notify_render_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(oneLine(s), max);
    if (body === '')
        return ' ';
    const fence = '`'.repeat((0,_notify_render_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .longestBacktickRun */ .Az)(body) + 1);
    const pad = body.startsWith('`') || body.endsWith('`') ? ' ' : '';
    return fence + pad + body.replace(/\|/g, '\\|') + pad + fence;
}
/** A fenced block whose fence is longer than any backtick run in its lines. */
function fenced(lines, lang = '') {
    const body = lines.join('\n');
    const fence = (0,_notify_render_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .fenceFor */ .Lt)(body);
    return `${fence}${lang}\n${body}\n${fence}`;
}
function where(f) {
    if (f.stage === null)
        return f.phase;
    const pos = f.stageIndex !== null && f.stageCount !== null ? `${f.stageIndex}/${f.stageCount}, ` : '';
    return `${f.stage} (${pos}${f.phase})`;
}
function link(label, url) {
    if (!url || !/^https?:\/\//i.test(url) || url.length > 2000)
        return null;
    return `[${label}](${url.replace(/[()\s]/g, encodeURIComponent)})`;
}
function packageRow(p) {
    const failure = p.failure
        ? `${cell(where(p.failure), 200)}${p.failure.error ? `: ${cell(p.failure.error, 300)}` : ''}`
        : p.status === 'not-built'
            ? 'not built'
            : ' ';
    const image = p.pushedImage ?? p.image;
    return `| ${PACKAGE_EMOJI[p.status]} ${p.status} | ${cell(p.name, 200)} | ${image ? codeSpan(image, 300) : ' '} | ${(0,_notify_render_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(p.durationSeconds)} | ${failure} |`;
}
/** Failed, then cancelled, then the rest, each in report order. */
function failedFirst(packages) {
    const rank = (p) => (p.status === 'failure' ? 0 : p.status === 'cancelled' ? 1 : 2);
    return packages
        .map((p, i) => ({ p, i }))
        .sort((a, b) => rank(a.p) - rank(b.p) || a.i - b.i)
        .map((x) => x.p);
}
function packagesTable(report, budget) {
    if (report.packages.length === 0)
        return '';
    const head = '| Status | Package | Image | Duration | Failure point |\n| --- | --- | --- | --- | --- |';
    const rows = [];
    let used = bytes(head) + 200;
    const ordered = report.packages.length > 1 ? failedFirst(report.packages) : report.packages;
    let shown = 0;
    for (const p of ordered) {
        const row = packageRow(p);
        const cost = bytes(row) + 1;
        if (used + cost > budget)
            break;
        rows.push(row);
        used += cost;
        shown++;
    }
    let out = `${head}\n${rows.join('\n')}`;
    const hidden = ordered.slice(shown);
    if (hidden.length) {
        const failed = hidden.filter((p) => p.status === 'failure').length;
        out += `\n\n_… and ${hidden.length} more packages (${failed} failed) not shown; see report.json in the logs._`;
    }
    return out;
}
/**
 * The size, and with compare-size its change linked to the run it is measured against:
 * `8.2 GB · ⚠ [+340 MB (+4.3 %)](…/runs/4241)`.
 */
function sizeCell(f) {
    if (f.sizeBytes === null)
        return ' ';
    const change = (0,_size_change_js__WEBPACK_IMPORTED_MODULE_1__/* .changeOf */ .C2)(f);
    if (change === null)
        return (0,_image_facts_js__WEBPACK_IMPORTED_MODULE_2__/* .formatBytes */ .z3)(f.sizeBytes);
    const note = (0,_size_change_js__WEBPACK_IMPORTED_MODULE_1__/* .sizeChangeNote */ .E3)(change);
    const flag = change.flagged ? '⚠ ' : '';
    const linked = link(note.slice(flag.length), change.previousRunUrl);
    return `${(0,_image_facts_js__WEBPACK_IMPORTED_MODULE_2__/* .formatBytes */ .z3)(f.sizeBytes)} · ${linked ? flag + linked : note}`;
}
/** Rows of the images table at most: the rest are in report.json and the outputs. */
const MAX_IMAGE_ROWS = 50;
/** What docker said of each built image: size, layers, architecture, digest (empty when none was inspected). */
function imagesTable(report) {
    const rows = [];
    const seen = new Set();
    let more = 0;
    for (const p of report.packages) {
        const f = p.status === 'success' ? (0,_image_facts_js__WEBPACK_IMPORTED_MODULE_2__.factsOf)(p) : null;
        if (f === null || seen.has(f.image))
            continue;
        seen.add(f.image);
        if (rows.length >= MAX_IMAGE_ROWS) {
            more++;
            continue;
        }
        const digest = (0,_image_facts_js__WEBPACK_IMPORTED_MODULE_2__/* .digestOnly */ .Jp)(f.digest);
        rows.push(`| ${codeSpan(f.image, 300)} | ${sizeCell(f)} | ` +
            `${f.layers ?? ' '} | ${f.architecture ? cell(f.architecture, 60) : ' '} | ` +
            `${digest ? codeSpan(digest, 80) : ' '} |`);
    }
    if (rows.length === 0)
        return '';
    const head = '| Image | Size | Layers | Architecture | Digest |\n| --- | --- | --- | --- | --- |';
    const tail = more > 0 ? `\n\n_… and ${more} more images; see report.json or the \`image-sizes\` output._` : '';
    return `${head}\n${rows.join('\n')}${tail}`;
}
function failureSection(title, f, budget) {
    const parts = [`#### ${text(title, 200)} — ${text(where(f), 300)}`];
    if (f.error)
        parts.push(`**Error:** ${text(f.error, 2000)}`);
    if (f.logFile)
        parts.push(`Stage log: ${codeSpan(f.logFile, 400)}`);
    const lines = f.excerpt.slice(-60).map((l) => (0,_notify_render_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(l, 1000));
    if (lines.length) {
        // Drop leading lines until the block fits: the end of a log matters most.
        let block = fenced(lines, 'text');
        while (bytes(block) > budget && lines.length > 1) {
            lines.shift();
            block = fenced(['…', ...lines], 'text');
        }
        parts.push(block);
    }
    return parts.join('\n\n');
}
/** The step summary markdown for a report; always under 1 MiB (aims for 900 KiB). */
function renderJobSummary(report) {
    const sections = [];
    sections.push(`## ${HEADINGS[report.status] ?? HEADINGS.failure}`);
    sections.push(text(report.message, 2000));
    const facts = [
        `**Duration:** ${(0,_notify_render_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(report.durationSeconds)}`,
        report.exitCode !== null ? `**Exit code:** ${report.exitCode}` : null,
        report.signal ? `**Signal:** ${text(report.signal, 40)}` : null,
        report.runner.name ? `**Runner:** ${text(report.runner.name, 200)}` : null,
    ].filter((x) => x !== null);
    sections.push(facts.join(' · '));
    const links = [
        report.run.jobUrl !== report.run.runUrl ? link('Job', report.run.jobUrl ?? null) : null,
        link('Workflow run', report.run.runUrl),
        link('Logs artifact', report.logs.artifactUrl),
    ].filter((x) => x !== null);
    const logLine = [links.join(' · '), `Console log on the runner: ${codeSpan(report.logs.consoleLog, 500)}`]
        .filter(Boolean)
        .join(' — ');
    sections.push(report.logs.uploadError && !report.logs.artifactUrl
        ? `${logLine}\n\n> Log upload failed: ${text(report.logs.uploadError, 500)}`
        : logLine);
    // Everything but the table first, so the table gets exactly what is left.
    const tail = [];
    const failures = [];
    for (const p of report.packages)
        if (p.failure && p.status === 'failure')
            failures.push([p.name, p.failure]);
    if (failures.length === 0 && report.failure && report.status !== 'success') {
        failures.push([report.status === 'cancelled' ? 'Cancelled' : 'Failure', report.failure]);
    }
    if (failures.length) {
        tail.push(report.status === 'cancelled' ? '### Cancelled' : '### Failures');
        const shown = failures.slice(0, 10);
        for (const [name, f] of shown)
            tail.push(failureSection(name, f, 24 * 1024));
        if (failures.length > shown.length) {
            tail.push(`_… and ${failures.length - shown.length} more failed packages; see the package table._`);
        }
    }
    const env = Object.entries(report.environment).filter((e) => e[0] !== 'source' && typeof e[1] === 'string' && e[1] !== '');
    const images = imagesTable(report);
    if (images)
        tail.push('### Images', images);
    tail.push('### Environment');
    tail.push(env.length
        ? `| Variable | Value |\n| --- | --- |\n${env.map(([k, v]) => `| ${cell(k, 100)} | ${cell(v, 300)} |`).join('\n')}`
        : '_Not detected._');
    tail.push('### Command');
    tail.push(fenced([(0,_notify_render_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(oneLine(report.command.display), 8000)], 'bash'));
    const before = sections.join('\n\n');
    const after = tail.join('\n\n');
    const left = SUMMARY_TARGET_BYTES - bytes(before) - bytes(after) - 200;
    const table = packagesTable(report, Math.max(0, left));
    const out = [before, table ? `### Packages\n\n${table}` : '', after].filter(Boolean).join('\n\n') + '\n';
    return out;
}
/** One error annotation per failed package (at most 10; the tenth names the rest when there are more). */
function renderAnnotations(report) {
    const failed = report.packages.filter((p) => p.status === 'failure');
    const one = (name, f) => {
        const at = f ? where(f) : 'unknown';
        const error = f?.error ?? report.message;
        return {
            title: (0,_notify_render_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(oneLine(`Build failed: ${name}`), 200),
            message: (0,_notify_render_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(`${at}: ${error}`, 4000),
        };
    };
    if (failed.length === 0) {
        return report.status === 'failure'
            ? [one(report.requestedPackages.join(' ') || 'jetson-containers', report.failure)]
            : [];
    }
    if (failed.length <= MAX_ANNOTATIONS)
        return failed.map((p) => one(p.name, p.failure));
    const out = failed.slice(0, MAX_ANNOTATIONS - 1).map((p) => one(p.name, p.failure));
    const rest = failed.slice(MAX_ANNOTATIONS - 1);
    out.push({
        title: `${rest.length} more packages failed`,
        message: (0,_notify_render_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(rest.map((p) => p.name).join(', '), 4000),
    });
    return out;
}


/***/ })

};
