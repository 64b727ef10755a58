export const id = 52;
export const ids = [52,137];
export const modules = {

/***/ 97688:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $F: () => (/* binding */ atPhrase),
/* harmony export */   Pl: () => (/* binding */ headline),
/* harmony export */   Tz: () => (/* binding */ stopPoint)
/* harmony export */ });
/* unused harmony export STATUS_EMOJI */
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(87284);

const STATUS_EMOJI = { success: '✅', failure: '❌', cancelled: '⏹' };
/** Where a failure happened, as a phrase after "failed": ` at build 9/9`, ` at build 3/4 (python)`, ` to resolve`. */
function atPhrase(f, name, esc) {
    if (!f)
        return '';
    const stage = f.stage && f.stage !== name ? ` (${esc(f.stage, 80)})` : '';
    if (f.stageIndex !== null && f.stageCount !== null) {
        return ` at ${f.phase} ${f.stageIndex}/${f.stageCount}${stage}`;
    }
    if (f.phase === 'resolve' || f.phase === 'start')
        return ` to ${f.phase}${stage}`;
    if (f.phase === 'unknown')
        return f.stage ? ` in ${esc(f.stage, 80)}` : '';
    return ` at ${f.phase}${stage}`;
}
/**
 * Where a cancelled package stopped: its failure point, else the stage the parser last saw running (a cancel
 * often ends the build before the tool prints any failure).
 */
function stopPoint(report, p) {
    const known = p?.failure ?? report.failure;
    if (known)
        return known;
    const open = report.stages.filter((s) => (s.status === 'running' || s.status === 'cancelled') && (!p || !s.target || s.target === p.name));
    const s = open[open.length - 1];
    if (!s)
        return null;
    return {
        stage: s.name,
        stageIndex: s.index,
        stageCount: s.total,
        phase: s.phase,
        error: null,
        excerpt: [],
        logFile: null,
    };
}
function failureStatement(report, esc) {
    const failed = report.packages.filter((p) => p.status === 'failure');
    const first = failed[0];
    if (!first)
        return `Build failed${atPhrase(report.failure, null, esc)}`;
    const name = esc(first.name, 100);
    if (failed.length > 1)
        return `${name} and ${failed.length - 1} more failed`;
    return `${name} failed${atPhrase(first.failure ?? report.failure, first.name, esc)}`;
}
function statement(report, esc) {
    const took = (0,_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .formatShortDuration */ .A$)(report.durationSeconds);
    if (report.status === 'failure')
        return failureStatement(report, esc);
    if (report.status === 'cancelled') {
        const p = report.packages.find((x) => x.status === 'cancelled');
        const at = atPhrase(stopPoint(report, p), p?.name ?? null, esc);
        return `${p ? esc(p.name, 100) : 'Build'} cancelled${at || ` after ${took}`}`;
    }
    const built = report.packages.filter((p) => p.status === 'success');
    const names = built.length ? built.map((p) => p.name) : report.requestedPackages;
    if (names.length === 1)
        return `${esc(names[0] ?? '', 100)} built in ${took}`;
    if (names.length === 0)
        return `Build succeeded in ${took}`;
    return `${names.length} packages built in ${took}`;
}
/** The whole headline, uncut: emoji, `Fixed: `/`Broken: ` for a change, and the statement. */
function headline(report, change, esc) {
    const prefix = change === 'fixed' && report.status === 'success'
        ? 'Fixed: '
        : change === 'broken' && report.status === 'failure'
            ? 'Broken: '
            : '';
    const emoji = STATUS_EMOJI[report.status] ?? STATUS_EMOJI.failure;
    return `${emoji} ${prefix}${statement(report, esc)}`;
}


/***/ }),

/***/ 28137:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ce: () => (/* binding */ teamsMessage),
/* harmony export */   EK: () => (/* binding */ fitCard),
/* harmony export */   ES: () => (/* binding */ wellFormed),
/* harmony export */   N3: () => (/* binding */ httpsUrl),
/* harmony export */   TN: () => (/* binding */ oneLine),
/* harmony export */   checkTeamsLimits: () => (/* binding */ checkTeamsLimits),
/* harmony export */   i9: () => (/* binding */ TEAMS_LIMITS),
/* harmony export */   tJ: () => (/* binding */ inert)
/* harmony export */ });
/* unused harmony exports TEAMS_FIT_BYTES, CARD_CONTENT_TYPE, teamsBytes, plainTitle */
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(87284);
// What every Microsoft Teams message shares: the Adaptive Card types this action sends, the `message`
// envelope a Teams Workflows (Power Automate) or legacy connector webhook takes, text made inert for the
// card's markdown, the fitting of a card under Teams' size limit, and the check dry-run applies. Pure.

/**
 * Teams' limits for a webhook message: Adaptive Cards up to 1.5 render in Teams (1.6 does not), and a message
 * of about 28 KB; above it the webhook answers 413 (Request Entity Too Large).
 */
const TEAMS_LIMITS = {
    version: '1.5',
    /** The whole JSON body, in UTF-8 bytes. */
    bodyBytes: 28_000,
};
/**
 * What a renderer fits a card into: below the limit, because a Workflows flow posts the card inside a message
 * of its own, and the service has been seen to count some text twice (UTF-16).
 */
const TEAMS_FIT_BYTES = 24_000;
const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
/** The `message` envelope around a card with `body` and `actions` (left out when there is none). */
function teamsMessage(body, actions) {
    const content = {
        $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
        type: 'AdaptiveCard',
        version: TEAMS_LIMITS.version,
        body,
        ...(actions.length > 0 ? { actions } : {}),
        msteams: { width: 'Full' },
    };
    return {
        type: 'message',
        attachments: [{ contentType: CARD_CONTENT_TYPE, contentUrl: null, content }],
    };
}
/** The UTF-8 bytes of `body` as JSON: what Teams measures against its limit. */
function teamsBytes(body) {
    return Buffer.byteLength(JSON.stringify(body) ?? '', 'utf8');
}
// ---- text ----
/**
 * Text a JSON body can carry and a card can show: a lone surrogate (half an emoji, cut by a log line's cap)
 * becomes U+FFFD, and control characters other than tab and newline are dropped.
 */
function wellFormed(text) {
    return (text
        .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
        // eslint-disable-next-line no-control-regex -- dropping control characters is the point
        .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ''));
}
function oneLine(text) {
    return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
/**
 * Plain text made inert for the markdown a TextBlock or a Fact renders: formatting, links, lists, HTML and
 * entities are backslash-escaped (CommonMark escapes, which Teams reads), `<at>` mention tags can no longer
 * match, and a bare URL is broken with a zero-width space so that Teams does not turn it into a link. One
 * line, at most `max` characters before escaping.
 */
function inert(text, max) {
    const cut = (0,_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(oneLine(wellFormed(text)), max);
    return cut
        .replace(/[\\`*_~[\]<>|]/g, '\\$&')
        .replace(/&(?=#?\w+;)/g, '\\&')
        .replace(/^([#+-])(?=\s|$)|^(-)(?=[-\s]*$)/, '\\$1$2')
        .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2')
        .replace(/:\/\//g, ':\u200b//')
        .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}\u200b.`);
}
/** A plain-text title (an action's): no markdown is rendered there, but mention tags and controls are dropped. */
function plainTitle(text, max) {
    return truncate(oneLine(wellFormed(text)).replace(/<\/?at>/gi, ''), max) || '—';
}
/** `url` when it is an absolute https URL a card may open; else null (http, javascript:, spaces, too long). */
function httpsUrl(url, max = 2048) {
    if (!url || url.length > max || !/^https:\/\/[^\s<>"`]+$/i.test(url))
        return null;
    return URL.canParse(url) ? url : null;
}
// ---- fitting ----
/**
 * The first of `levels` (most detailed first) whose card fits TEAMS_FIT_BYTES; the last level always wins
 * when none does (it is built to be small whatever the report).
 */
function fitCard(levels, build) {
    let card = null;
    for (const level of levels) {
        card = build(level);
        if (teamsBytes(card) <= TEAMS_FIT_BYTES)
            return card;
    }
    if (card === null)
        throw new Error('fitCard needs at least one level');
    return card;
}
// ---- check ----
const ELEMENT_TYPES = new Set(['TextBlock', 'FactSet', 'Container']);
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function versionAtMost(version, max) {
    if (typeof version !== 'string' || !/^\d+\.\d+$/.test(version))
        return false;
    const [a, b] = version.split('.').map(Number);
    const [x, y] = max.split('.').map(Number);
    return a < x || (a === x && b <= y);
}
function elementProblems(elements, at, out) {
    if (!Array.isArray(elements)) {
        out.push(`${at} is not a list`);
        return;
    }
    elements.forEach((e, i) => {
        const here = `${at}[${i}]`;
        if (!isRecord(e) || typeof e.type !== 'string')
            out.push(`${here} is not an element`);
        else if (!ELEMENT_TYPES.has(e.type))
            out.push(`${here} is a ${e.type}, which this action does not send`);
        else if (e.type === 'TextBlock' && typeof e.text !== 'string')
            out.push(`${here}.text is not a string`);
        else if (e.type === 'FactSet' && !Array.isArray(e.facts))
            out.push(`${here}.facts is not a list`);
        else if (e.type === 'Container')
            elementProblems(e.items, `${here}.items`, out);
    });
}
/** Every way `body` breaks what a Teams webhook takes, as readable sentences; empty when it fits. */
function checkTeamsLimits(body) {
    const out = [];
    if (!isRecord(body) || body.type !== 'message')
        return ['body is not a Teams message (type: message)'];
    const attachments = body.attachments;
    if (!Array.isArray(attachments) || attachments.length !== 1) {
        return ['the message does not carry exactly one attachment'];
    }
    const attachment = attachments[0];
    if (!isRecord(attachment) || attachment.contentType !== CARD_CONTENT_TYPE) {
        return [`the attachment is not an Adaptive Card (contentType ${CARD_CONTENT_TYPE})`];
    }
    const card = attachment.content;
    if (!isRecord(card) || card.type !== 'AdaptiveCard')
        return ['the attachment content is not an AdaptiveCard'];
    if (!versionAtMost(card.version, TEAMS_LIMITS.version)) {
        out.push(`card version ${String(card.version)} is above ${TEAMS_LIMITS.version}, the newest Teams renders`);
    }
    elementProblems(card.body, 'body', out);
    const actions = card.actions ?? [];
    if (!Array.isArray(actions))
        out.push('actions is not a list');
    else {
        actions.forEach((a, i) => {
            if (!isRecord(a) || a.type !== 'Action.OpenUrl')
                out.push(`actions[${i}] is not an Action.OpenUrl`);
            else if (typeof a.url !== 'string' || httpsUrl(a.url) === null) {
                out.push(`actions[${i}].url is not an https URL`);
            }
        });
    }
    if (isRecord(card.msteams) && card.msteams.entities !== undefined) {
        out.push('msteams.entities is set: the card would mention someone');
    }
    const bytes = teamsBytes(body);
    if (bytes > TEAMS_LIMITS.bodyBytes)
        out.push(`body is ${bytes} bytes of JSON (max ${TEAMS_LIMITS.bodyBytes})`);
    return out;
}


/***/ }),

/***/ 43052:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   STATUS_COLOR: () => (/* binding */ STATUS_COLOR),
/* harmony export */   TEAMS_LIMITS: () => (/* reexport safe */ _teams_limits_js__WEBPACK_IMPORTED_MODULE_5__.i9),
/* harmony export */   checkTeamsLimits: () => (/* reexport safe */ _teams_limits_js__WEBPACK_IMPORTED_MODULE_5__.checkTeamsLimits),
/* harmony export */   environmentLine: () => (/* binding */ environmentLine),
/* harmony export */   renderStartTeams: () => (/* binding */ renderStartTeams),
/* harmony export */   renderTeams: () => (/* binding */ renderTeams),
/* harmony export */   teamsHeadline: () => (/* binding */ teamsHeadline)
/* harmony export */ });
/* harmony import */ var _template_fields_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(56589);
/* harmony import */ var _templates_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(69969);
/* harmony import */ var _headline_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(97688);
/* harmony import */ var _report_image_facts_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(80613);
/* harmony import */ var _report_size_change_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(89678);
/* harmony import */ var _discord_common_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2470);
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(87284);
/* harmony import */ var _teams_limits_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(28137);









const STATUS_COLOR = {
    success: 'Good',
    failure: 'Attention',
    cancelled: 'Warning',
};
const TEST_MARKER = '🧪 Test notification from jetson-build-action — not a real build';
const HEADLINE_MAX = 200;
const LINK_MAX = 1000;
const ENV_PART_MAX = 60;
const LEVELS = [
    { packages: 10, excerptLines: 15, lineMax: 200, causeMax: 300, valueMax: 140 },
    { packages: 6, excerptLines: 10, lineMax: 150, causeMax: 300, valueMax: 100 },
    { packages: 3, excerptLines: 5, lineMax: 120, causeMax: 200, valueMax: 80 },
    { packages: 1, excerptLines: 0, lineMax: 0, causeMax: 200, valueMax: 60 },
];
// ---- headline ----
/** Where a failure happened, after "failed" (see headline.ts), with Teams' escaping. */
function atPhrase(f, name) {
    return (0,_headline_js__WEBPACK_IMPORTED_MODULE_2__/* .atPhrase */ .$F)(f, name, _teams_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .inert */ .tJ);
}
/** `❌ torchvision failed at build 9/9`, `✅ Fixed: 3 packages built in 1h 12m` (report text inert). */
function teamsHeadline(report, change = 'unknown') {
    return (0,_limits_js__WEBPACK_IMPORTED_MODULE_4__/* .truncate */ .xv)((0,_headline_js__WEBPACK_IMPORTED_MODULE_2__/* .headline */ .Pl)(report, change, _teams_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .inert */ .tJ), HEADLINE_MAX);
}
// ---- body ----
/** The cause in the error's own words (else the report's sentence), once. */
function causeOf(report) {
    const error = report.status !== 'success' ? report.failure?.error : null;
    return (0,_teams_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .oneLine */ .TN)(error || report.message);
}
/** The excerpt's last lines, without the cause itself or blank lines: one monospace line each. */
function excerpt(report, cause, level) {
    if (report.status !== 'failure' || !report.failure || level.excerptLines === 0)
        return [];
    const repeats = (line) => cause.length >= 20 ? line.includes(cause) : line.trim() === cause;
    const lines = report.failure.excerpt
        .map((l) => l.replace(/\s+$/, ''))
        .filter((l) => l.trim() !== '' && !repeats(l))
        .slice(-level.excerptLines);
    if (lines.length === 0)
        return [];
    return [
        {
            type: 'Container',
            style: 'emphasis',
            items: lines.map((line) => ({
                type: 'TextBlock',
                text: (0,_teams_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .inert */ .tJ)(line, level.lineMax),
                fontType: 'Monospace',
                size: 'Small',
                spacing: 'None',
                wrap: true,
            })),
        },
    ];
}
const PACKAGE_STATUS = {
    success: 'built',
    failure: 'failed',
    cancelled: 'cancelled',
    'not-built': 'not built',
};
/**
 * `Size: 8.1 GB · 42 layers` (with compare-size `· +340 MB (+4.3 %)`) and `Digest: sha256:6f1c0c43f1a6` of a
 * built image, when docker told them.
 */
function imageFacts(p, level) {
    const f = p.status === 'success' ? (0,_report_image_facts_js__WEBPACK_IMPORTED_MODULE_6__.factsOf)(p) : null;
    const out = [];
    const size = (0,_report_size_change_js__WEBPACK_IMPORTED_MODULE_7__/* .sizeFactsText */ .oj)(f)?.replace(/^Size /, '');
    if (size)
        out.push({ title: 'Size', value: size });
    const digest = (0,_report_image_facts_js__WEBPACK_IMPORTED_MODULE_6__/* .shortDigest */ .VK)((0,_report_image_facts_js__WEBPACK_IMPORTED_MODULE_6__/* .digestOnly */ .Jp)(f?.digest ?? null));
    if (digest)
        out.push({ title: 'Digest', value: (0,_teams_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .inert */ .tJ)(digest, level.valueMax) });
    return out;
}
function packageFacts(p, report, level) {
    const facts = [{ title: 'Status', value: PACKAGE_STATUS[p.status] }];
    const where = (f) => atPhrase(f, p.name).replace(/^ (at|to|in) /, '');
    if (p.status === 'failure') {
        const at = where(p.failure ?? report.failure);
        if (at)
            facts.push({ title: 'Failed at', value: at });
    }
    else if (p.status === 'cancelled') {
        const at = where((0,_headline_js__WEBPACK_IMPORTED_MODULE_2__/* .stopPoint */ .Tz)(report, p));
        if (at)
            facts.push({ title: 'Stopped at', value: at });
    }
    else if (p.pushedImage) {
        facts.push({ title: 'Pushed', value: (0,_teams_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .inert */ .tJ)(p.pushedImage, level.valueMax) });
    }
    else if (p.image) {
        facts.push({ title: 'Image', value: (0,_teams_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .inert */ .tJ)(p.image, level.valueMax) });
    }
    facts.push(...imageFacts(p, level));
    if (p.durationSeconds !== null && p.status !== 'not-built') {
        facts.push({ title: 'Duration', value: (0,_limits_js__WEBPACK_IMPORTED_MODULE_4__/* .formatDuration */ .a3)(p.durationSeconds) });
    }
    return facts;
}
/** A name and a FactSet per package, failures first; those past `level.packages` fold into a count. */
function packages(report, level) {
    const ordered = (0,_discord_common_js__WEBPACK_IMPORTED_MODULE_3__/* .failuresFirst */ .Cq)(report.packages);
    const shown = ordered.slice(0, level.packages);
    const out = shown.map((p) => ({
        type: 'Container',
        separator: true,
        items: [
            {
                type: 'TextBlock',
                text: `${_discord_common_js__WEBPACK_IMPORTED_MODULE_3__/* .PACKAGE_EMOJI */ .Kx[p.status]} ${(0,_teams_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .inert */ .tJ)(p.name, 100)}`,
                weight: 'Bolder',
                wrap: true,
            },
            { type: 'FactSet', facts: packageFacts(p, report, level), spacing: 'None' },
        ],
    }));
    const hidden = ordered.slice(shown.length);
    if (hidden.length > 0) {
        const failed = hidden.filter((p) => p.status === 'failure').length;
        out.push({
            type: 'TextBlock',
            text: `… and ${hidden.length} more (${failed} failed)`,
            isSubtle: true,
            wrap: true,
        });
    }
    return out;
}
/** `L4T 36.4.4 · JetPack 6.2.1 · CUDA 12.6 · Python 3.10 · orin-agx-01 · main @ 3f5c0e9`. */
function environmentLine(report) {
    const env = Object.fromEntries((0,_discord_common_js__WEBPACK_IMPORTED_MODULE_3__/* .environmentPairs */ .tf)(report));
    const label = [
        ['L4T_VERSION', 'L4T'],
        ['JETPACK_VERSION', 'JetPack'],
        ['CUDA_VERSION', 'CUDA'],
        ['PYTHON_VERSION', 'Python'],
    ];
    const short = (s) => (0,_teams_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .inert */ .tJ)(s, ENV_PART_MAX);
    const parts = label.filter(([k]) => env[k]).map(([k, name]) => `${name} ${short(env[k] ?? '')}`);
    if (report.runner.name)
        parts.push(short(report.runner.name));
    const ref = report.run.ref ? short(report.run.ref.replace(/^refs\/(heads\/|tags\/)?/, '')) : '';
    const sha = report.run.sha ? (0,_teams_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .inert */ .tJ)(report.run.sha.slice(0, 7), 7) : '';
    if (ref || sha)
        parts.push([ref, sha].filter(Boolean).join(' @ '));
    return parts.join(' · ');
}
/** Buttons to the job, the run and the logs artifact: only real https URLs, each once. */
function actions(report) {
    const { runUrl, jobUrl } = report.run;
    const logs = report.logs.artifactUrl ?? (report.logs.url !== runUrl ? report.logs.url : null);
    const out = [];
    const add = (title, url) => {
        const safe = (0,_teams_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .httpsUrl */ .N3)(url, LINK_MAX);
        if (safe && !out.some((a) => a.url === safe))
            out.push({ type: 'Action.OpenUrl', title, url: safe });
    };
    add('Job', jobUrl);
    add('Run', runUrl);
    add('Logs', logs);
    return out;
}
/** Runner-local log paths rewritten to their place in the logs artifact (`logs/build/…`). */
function withoutLogDir(report) {
    const dir = report.logs.dir.replace(/\/+$/, '');
    if (dir.split('/').filter(Boolean).length < 2)
        return report;
    return (0,_discord_common_js__WEBPACK_IMPORTED_MODULE_3__/* .mapStrings */ .to)(report, (s) => s.replaceAll(`${dir}/`, 'logs/'));
}
function textBlock(text, extra = {}) {
    return { type: 'TextBlock', text, wrap: true, ...extra };
}
function cardBody(report, level, text, ctx) {
    const body = [];
    if (ctx?.event === 'test')
        body.push(textBlock(TEST_MARKER, { weight: 'Bolder', color: 'Warning' }));
    if (text)
        body.push(textBlock(text));
    body.push(textBlock(teamsHeadline(report, ctx?.change ?? 'unknown'), {
        size: 'Large',
        weight: 'Bolder',
        color: STATUS_COLOR[report.status] ?? 'Attention',
    }));
    const cause = causeOf(report);
    if (cause)
        body.push(textBlock((0,_teams_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .inert */ .tJ)(cause, level.causeMax)));
    body.push(...excerpt(report, cause, level), ...packages(report, level));
    if (report.logs.uploadError)
        body.push(textBlock('Logs were not uploaded', { isSubtle: true, size: 'Small' }));
    const env = environmentLine(report);
    if (env)
        body.push(textBlock(env, { isSubtle: true, size: 'Small', separator: true }));
    return body;
}
/**
 * The Teams message for `report`. `ctx` says why it is sent: a change against the last run is worded
 * (`Fixed:`, `Broken:`) and a test is marked. Teams' webhooks cannot be told not to mention, so nothing in
 * the card can: no `msteams.entities`, and `<at>` in the report's text is escaped.
 */
function renderTeams(source, opts = {}, ctx) {
    const report = withoutLogDir(source);
    const links = actions(report);
    // Rendered from the report as given: the template shows what the user asked for, paths included.
    const text = opts.messageTemplate
        ? (0,_teams_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .wellFormed */ .ES)((0,_templates_js__WEBPACK_IMPORTED_MODULE_1__/* .renderMessageTemplate */ .U2)(opts.messageTemplate, (0,_template_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .buildTemplateView */ .ao)(source, ctx), 'teams')).trim()
        : '';
    const body = (0,_teams_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .fitCard */ .EK)(LEVELS, (level) => (0,_teams_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .teamsMessage */ .Ce)(cardBody(report, level, text, ctx), links));
    return { body, files: [] };
}
// ---- started (notify-start) ----
/** `🔨 Building torchvision` / `🔨 Building 3 packages`, the runner, the packages, a button to the job. */
function renderStartTeams(start) {
    const { packages: names, run } = start;
    const title = names.length === 1
        ? `🔨 Building ${(0,_teams_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .inert */ .tJ)(names[0], 100)}`
        : `🔨 Building ${names.length} packages`;
    const body = [textBlock(title, { size: 'Large', weight: 'Bolder', color: 'Accent' })];
    if (start.runner.name)
        body.push(textBlock(`On ${(0,_teams_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .inert */ .tJ)(start.runner.name, 100)}`));
    if (names.length > 1)
        body.push(textBlock(`Packages: ${(0,_teams_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .inert */ .tJ)(names.join(', '), 1500)}`));
    const where = [
        run.repository ? (0,_teams_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .inert */ .tJ)(run.repository, 100) : '',
        run.ref ? (0,_teams_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .inert */ .tJ)(run.ref.replace(/^refs\/(heads|tags)\//, ''), 60) : '',
        run.sha ? (0,_teams_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .inert */ .tJ)(run.sha.slice(0, 7), 7) : '',
    ].filter(Boolean);
    if (where.length)
        body.push(textBlock(where.join(' · '), { isSubtle: true, size: 'Small' }));
    const links = [];
    const job = (0,_teams_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .httpsUrl */ .N3)(run.jobUrl, LINK_MAX);
    const runUrl = (0,_teams_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .httpsUrl */ .N3)(run.runUrl, LINK_MAX);
    if (job)
        links.push({ type: 'Action.OpenUrl', title: 'Job', url: job });
    if (runUrl && runUrl !== job)
        links.push({ type: 'Action.OpenUrl', title: 'Run', url: runUrl });
    return { body: (0,_teams_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .teamsMessage */ .Ce)(body, links), files: [] };
}


/***/ })

};
