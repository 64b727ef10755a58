export const id = 110;
export const ids = [110];
export const modules = {

/***/ 47110:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   renderSlack: () => (/* binding */ renderSlack)
/* harmony export */ });
/* unused harmony exports SLACK_TEST_MARKER, slackHeadline, slackPackageLines, renderStartSlack */
/* harmony import */ var _report_image_facts_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(80613);
/* harmony import */ var _report_size_change_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(89678);
/* harmony import */ var _template_fields_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(28236);
/* harmony import */ var _templates_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(67858);
/* harmony import */ var _discord_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(88225);
/* harmony import */ var _discord_common_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2470);
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(87284);
/* harmony import */ var _slack_limits_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8059);









/** Package lines shown at most (the fold line included). */
const MAX_PACKAGE_LINES = 15;
const EXCERPT_LINES = 15;
const EXCERPT_LINE_MAX = 200;
const EXCERPT_MAX = 2000;
const CAUSE_MAX = 500;
const FIELD_MAX = 600;
const LINK_MAX = 1000;
const STATUS_WORD = {
    success: '✅ Succeeded',
    failure: '❌ Failed',
    cancelled: '⏹ Cancelled',
};
/** Discord-escaped text (backslash before each mark) back to what it says: md() only ever adds `\`. */
function unescapeDiscord(s) {
    return s.replace(/\\(.)/gsu, '$1');
}
/** What a `test-notification` sample says first, in the text line (the notification a phone shows). */
const SLACK_TEST_MARKER = '🧪 Test notification from jetson-build-action — not a real build';
/**
 * `❌ torchvision failed at build 9/9`, `✅ Fixed: 3 packages built in 1h 12m` (the compact Discord title);
 * a test sample's starts with `🧪 Test: `.
 */
function slackHeadline(report, ctx) {
    const headline = unescapeDiscord((0,_discord_js__WEBPACK_IMPORTED_MODULE_2__/* .compactHeadline */ .mJ)(report, ctx?.change ?? 'unknown'));
    return (0,_slack_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .plain */ .pj)(ctx?.event === 'test' ? `🧪 Test: ${headline}` : headline, _slack_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .SLACK_LIMITS */ .u2.headerText);
}
/** A test sample's text line opens with the marker, whatever else it says. */
function markTest(text, ctx) {
    return ctx?.event === 'test' ? (0,_slack_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .templateLine */ .zp)(`${SLACK_TEST_MARKER} · ${text}`) : text;
}
/** The built-in text line: the headline and where it ran (the notification a phone shows). */
function textLine(report, ctx) {
    const headline = unescapeDiscord((0,_discord_js__WEBPACK_IMPORTED_MODULE_2__/* .compactHeadline */ .mJ)(report, ctx?.change ?? 'unknown'));
    const where = [report.run.repository, report.run.workflow].filter((s) => !!s).join(' · ');
    return (0,_slack_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .inert */ .tJ)(where ? `${headline} · ${where}` : headline, 300);
}
function refLine(report) {
    const { ref, sha, serverUrl, repository } = report.run;
    const name = ref ? (0,_slack_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .inert */ .tJ)(ref.replace(/^refs\/(heads\/|tags\/)?/, ''), 100) : '';
    const short = sha ? sha.slice(0, 7) : '';
    const commit = sha && repository && /^[0-9a-f]{7,64}$/i.test(sha)
        ? (0,_slack_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .slackLink */ .J1)(`${serverUrl}/${repository}/commit/${sha}`, (0,_slack_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .inlineCode */ .ti)(short, 20))
        : null;
    const at = commit ?? (short ? (0,_slack_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .inlineCode */ .ti)(short, 20) : '');
    return [name, at].filter(Boolean).join(' @ ');
}
/** `L4T 36.4.4 · JetPack 6.2.1 · CUDA 12.6 · Python 3.10`. */
function environmentLine(report) {
    const env = Object.fromEntries((0,_discord_common_js__WEBPACK_IMPORTED_MODULE_3__/* .environmentPairs */ .tf)(report));
    const label = [
        ['L4T_VERSION', 'L4T'],
        ['JETPACK_VERSION', 'JetPack'],
        ['CUDA_VERSION', 'CUDA'],
        ['PYTHON_VERSION', 'Python'],
    ];
    return label
        .filter(([k]) => env[k])
        .map(([k, name]) => `${name} ${(0,_slack_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .inert */ .tJ)(env[k] ?? '', 60)}`)
        .join(' · ');
}
function packageCounts(report) {
    const count = (s) => report.packages.filter((p) => p.status === s).length;
    const parts = [
        [count('failure'), 'failed'],
        [count('cancelled'), 'cancelled'],
        [count('not-built'), 'not built'],
        [count('success'), 'built'],
    ];
    return parts
        .filter(([n]) => n > 0)
        .map(([n, what]) => `${n} ${what}`)
        .join(' · ');
}
function factsBlock(report) {
    const facts = [
        ['Status', STATUS_WORD[report.status] ?? STATUS_WORD.failure],
        ['Duration', (0,_limits_js__WEBPACK_IMPORTED_MODULE_4__/* .formatDuration */ .a3)(report.durationSeconds)],
    ];
    if (report.packages.length > 1)
        facts.push(['Packages', packageCounts(report)]);
    if (report.runner.name)
        facts.push(['Runner', (0,_slack_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .inert */ .tJ)(report.runner.name, 100)]);
    const env = environmentLine(report);
    if (env)
        facts.push(['Environment', env]);
    const ref = refLine(report);
    if (ref)
        facts.push(['Ref', ref]);
    return {
        type: 'section',
        fields: facts.map(([name, value]) => (0,_slack_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .mrkdwn */ .kJ)((0,_slack_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .fitLines */ .RV)(`*${name}*\n${value}`, FIELD_MAX))),
    };
}
/** The cause in the error's own words (else the report's sentence), once. */
function causeOf(report) {
    const error = report.status !== 'success' ? report.failure?.error : null;
    return (0,_slack_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .oneLine */ .TN)(error || report.message);
}
/** The excerpt's last lines, without the cause itself (shown above) or blank lines; '' when none. */
function excerptBlock(report, cause) {
    if (report.status !== 'failure' || !report.failure)
        return '';
    const repeats = (line) => cause.length >= 20 ? line.includes(cause) : line.trim() === cause;
    const lines = report.failure.excerpt
        .map((l) => l.replace(/\s+$/, ''))
        .filter((l) => l.trim() !== '' && !repeats(l))
        .slice(-EXCERPT_LINES)
        .map((l) => (0,_limits_js__WEBPACK_IMPORTED_MODULE_4__/* .truncate */ .xv)(l, EXCERPT_LINE_MAX));
    return lines.length ? (0,_limits_js__WEBPACK_IMPORTED_MODULE_4__/* .codeBlock */ .DV)((0,_slack_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .codeLines */ .zo)(lines), EXCERPT_MAX) : '';
}
function packageLine(p, report) {
    const name = (0,_slack_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .inert */ .tJ)(p.name, 100);
    const url = p.status === 'failure' ? (report.run.jobUrl ?? report.run.runUrl) : null;
    const label = (url ? (0,_slack_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .slackLink */ .J1)(url, name, 500) : null) ?? `*${name}*`;
    const parts = [`${_discord_common_js__WEBPACK_IMPORTED_MODULE_3__/* .PACKAGE_EMOJI */ .Kx[p.status]} ${label}`];
    const at = (f) => {
        const phrase = unescapeDiscord((0,_discord_js__WEBPACK_IMPORTED_MODULE_2__/* .atPhrase */ .$F)(f, p.name));
        return phrase ? ` ${(0,_slack_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .inert */ .tJ)(phrase, 200)}` : '';
    };
    if (p.status === 'failure')
        parts.push(`failed${at(p.failure)}`);
    else if (p.status === 'cancelled')
        parts.push(`cancelled${at((0,_discord_js__WEBPACK_IMPORTED_MODULE_2__/* .stopPoint */ .Tz)(report, p))}`);
    else if (p.status === 'not-built')
        parts.push('not built');
    else if (p.pushedImage ?? p.image)
        parts.push((0,_slack_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .inlineCode */ .ti)(p.pushedImage ?? p.image ?? '', 140));
    // `Size 8.1 GB · 42 layers` (and with compare-size `· +340 MB (+4.3 %)`): numbers only, nothing to escape.
    const facts = p.status === 'success' ? (0,_report_size_change_js__WEBPACK_IMPORTED_MODULE_6__/* .sizeFactsText */ .oj)((0,_report_image_facts_js__WEBPACK_IMPORTED_MODULE_7__/* .factsOf */ .xS)(p)) : null;
    if (facts)
        parts.push(facts);
    if (p.durationSeconds !== null && p.status !== 'not-built')
        parts.push((0,_limits_js__WEBPACK_IMPORTED_MODULE_4__/* .formatDuration */ .a3)(p.durationSeconds));
    return parts.join(' · ');
}
function moreLine(hidden) {
    const failed = hidden.filter((p) => p.status === 'failure').length;
    return `${_limits_js__WEBPACK_IMPORTED_MODULE_4__/* .ELLIPSIS */ .Gr} and ${hidden.length} more (${failed} failed)`;
}
/** Package lines, failed first, within MAX_PACKAGE_LINES and a section's text; the rest folds into a count. */
function slackPackageLines(report, budget = _slack_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .SLACK_LIMITS */ .u2.sectionText) {
    const ordered = (0,_discord_common_js__WEBPACK_IMPORTED_MODULE_3__/* .failuresFirst */ .Cq)(report.packages);
    const lines = [];
    let used = 0;
    for (let i = 0; i < ordered.length; i++) {
        const line = packageLine(ordered[i], report);
        const hidden = ordered.slice(i + 1);
        const reserve = hidden.length ? moreLine(hidden).length + 1 : 0;
        const tooMany = lines.length + 1 + (hidden.length ? 1 : 0) > MAX_PACKAGE_LINES;
        if (tooMany || used + line.length + 1 + reserve > budget) {
            lines.push(moreLine(ordered.slice(i)));
            break;
        }
        lines.push(line);
        used += line.length + 1;
    }
    return lines;
}
/** Logs artifact · Run · Job, and where it ran. */
function linksBlock(report) {
    const { runUrl, jobUrl } = report.run;
    const logs = report.logs.artifactUrl ?? (report.logs.url !== runUrl ? report.logs.url : null);
    const links = [];
    const logsLink = (0,_slack_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .slackLink */ .J1)(logs, 'Logs artifact', LINK_MAX);
    if (logsLink)
        links.push(logsLink);
    else if (report.logs.uploadError)
        links.push('Logs not uploaded');
    const run = (0,_slack_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .slackLink */ .J1)(runUrl, 'Run', LINK_MAX);
    if (run)
        links.push(run);
    const job = jobUrl && jobUrl !== runUrl ? (0,_slack_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .slackLink */ .J1)(jobUrl, 'Job', LINK_MAX) : null;
    if (job)
        links.push(job);
    const where = [report.run.repository, report.run.workflow, report.run.job]
        .filter((s) => !!s)
        .map((s) => (0,_slack_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .inert */ .tJ)(s, 200));
    const elements = [links.join(' · '), where.join(' · ')].filter((t) => t !== '').map(_slack_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .mrkdwn */ .kJ);
    return elements.length ? { type: 'context', elements } : null;
}
function section(text) {
    return { type: 'section', text: (0,_slack_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .mrkdwn */ .kJ)((0,_slack_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .fitLines */ .RV)(text, _slack_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .SLACK_LIMITS */ .u2.sectionText)) };
}
function blocksFor(report, ctx) {
    const header = { type: 'header', text: (0,_slack_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .plainText */ .wh)(slackHeadline(report, ctx)) };
    const blocks = [header, factsBlock(report)];
    const cause = causeOf(report);
    if (cause)
        blocks.push(section((0,_slack_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .inert */ .tJ)(cause, CAUSE_MAX)));
    const excerpt = excerptBlock(report, cause);
    if (excerpt)
        blocks.push(section(excerpt));
    const lines = slackPackageLines(report);
    if (lines.length)
        blocks.push(section(lines.join('\n')));
    const links = linksBlock(report);
    if (links)
        blocks.push(links);
    return blocks;
}
/** Runner-local log paths rewritten to their place in the logs artifact (`logs/build/…`). */
function withoutLogDir(report) {
    const dir = report.logs.dir.replace(/\/+$/, '');
    // A one-segment folder (`/tmp`) would also match the build's own paths: leave those alone.
    if (dir.split('/').filter(Boolean).length < 2)
        return report;
    return (0,_discord_common_js__WEBPACK_IMPORTED_MODULE_3__/* .mapStrings */ .to)(report, (s) => s.replaceAll(`${dir}/`, 'logs/'));
}
/**
 * Renders the Slack incoming-webhook body for a report. `ctx` says why it is sent: a change against the last
 * run is worded (`Fixed:`, `Broken:`). Nothing in it can ping: Slack mentions are not offered by this action.
 */
function renderSlack(report, opts = {}, ctx) {
    const safe = withoutLogDir((0,_discord_common_js__WEBPACK_IMPORTED_MODULE_3__/* .mapStrings */ .to)(report, (s) => (0,_limits_js__WEBPACK_IMPORTED_MODULE_4__/* .neutraliseMentions */ .yY)((0,_slack_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .wellFormed */ .ES)(s))));
    // Rendered from the report as given (as Teams does): the template shows what the user asked for.
    const own = opts.messageTemplate
        ? (0,_templates_js__WEBPACK_IMPORTED_MODULE_1__/* .renderMessageTemplate */ .U2)(opts.messageTemplate, (0,_template_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .buildTemplateView */ .ao)(report, ctx), 'slack')
        : (opts.text ?? '');
    const given = own ? (0,_slack_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .templateLine */ .zp)(own) : '';
    const body = {
        text: markTest(given || textLine(safe, ctx), ctx),
        attachments: [{ color: _slack_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .SLACK_COLOR */ .ny[safe.status] ?? _slack_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .SLACK_COLOR */ .ny.failure, blocks: blocksFor(safe, ctx) }],
        unfurl_links: false,
        unfurl_media: false,
    };
    return { body: (0,_slack_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .clampSlack */ .sl)(body), files: [] };
}
/**
 * The `notify-start` message: `🔨 Building torchvision` on which runner, the packages, and where to watch it.
 * Pure, and it pings no one.
 */
function renderStartSlack(start, opts = {}) {
    const info = mapStrings(start, (s) => wellFormed(s));
    const { packages, run } = info;
    const title = packages.length === 1 ? `🔨 Building ${packages[0] ?? ''}` : `🔨 Building ${packages.length} packages`;
    const lines = [info.runner.name ? `Started on ${inert(info.runner.name, 100)}` : 'Started'];
    if (packages.length > 1)
        lines.push(`Packages: ${inert(packages.join(', '), 1500)}`);
    const watch = slackLink(run.jobUrl, 'Job', LINK_MAX) ?? slackLink(run.runUrl, 'Run', LINK_MAX);
    const where = [
        run.repository,
        run.ref?.replace(/^refs\/(heads|tags)\//, '') ?? null,
        run.sha?.slice(0, 7) ?? null,
    ]
        .filter((s) => !!s)
        .map((s) => inert(s, 200));
    const context = [watch ?? '', where.join(' · ')].filter((t) => t !== '').map(mrkdwn);
    const blocks = [
        { type: 'header', text: plainText(plain(title, SLACK_LIMITS.headerText)) },
        section(lines.join('\n')),
    ];
    if (context.length)
        blocks.push({ type: 'context', elements: context });
    const body = {
        text: (opts.text ? templateLine(opts.text) : '') ||
            inert(run.repository ? `${title} · ${run.repository}` : title, 300),
        attachments: [{ color: SLACK_COLOR.building, blocks }],
        unfurl_links: false,
        unfurl_media: false,
    };
    return { body: clampSlack(body), files: [] };
}


/***/ })

};
