export const id = 110;
export const ids = [110,59];
export const modules = {

/***/ 8059:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ES: () => (/* binding */ wellFormed),
/* harmony export */   J1: () => (/* binding */ slackLink),
/* harmony export */   RV: () => (/* binding */ fitLines),
/* harmony export */   TN: () => (/* binding */ oneLine),
/* harmony export */   checkSlackLimits: () => (/* binding */ checkSlackLimits),
/* harmony export */   kJ: () => (/* binding */ mrkdwn),
/* harmony export */   ny: () => (/* binding */ SLACK_COLOR),
/* harmony export */   pj: () => (/* binding */ plain),
/* harmony export */   sl: () => (/* binding */ clampSlack),
/* harmony export */   tJ: () => (/* binding */ inert),
/* harmony export */   ti: () => (/* binding */ inlineCode),
/* harmony export */   u2: () => (/* binding */ SLACK_LIMITS),
/* harmony export */   wh: () => (/* binding */ plainText),
/* harmony export */   zo: () => (/* binding */ codeLines),
/* harmony export */   zp: () => (/* binding */ templateLine)
/* harmony export */ });
/* unused harmony exports slackEscape, defuseMentions */
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(87284);

/**
 * Slack's documented Block Kit limits (characters), plus two bounds of this action: `text` (the notification
 * line: Slack truncates at 40 000, a person reads one line) and `totalText` (all visible text together).
 */
const SLACK_LIMITS = {
    blocks: 50,
    attachments: 100,
    headerText: 150,
    sectionText: 3000,
    fields: 10,
    fieldText: 2000,
    contextElements: 10,
    contextText: 3000,
    text: 3000,
    totalText: 12_000,
};
const SLACK_COLOR = {
    success: '#2EB67D',
    failure: '#E01E5A',
    cancelled: '#868686',
    /** A build that has started (notify-start). */
    building: '#439FE0',
};
// ---- inert text ----
const ZWSP = '\u200b';
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Half a surrogate pair on its own becomes U+FFFD: it is not valid UTF-8 and some parsers refuse it. */
function wellFormed(s) {
    return s.replace(LONE_SURROGATE, '\uFFFD');
}
function oneLine(s) {
    return s.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
/** Slack's three entities, the only escaping mrkdwn knows. */
function slackEscape(s) {
    return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
/** `@here`, `@channel`, `@everyone` and `<!…>`/`<@…>`/`<#…>` lose their meaning (a zero-width space). */
function defuseMentions(s) {
    return s.replace(/@(here|channel|everyone)/gi, `@${ZWSP}$1`).replace(/<([!@#])/g, `<${ZWSP}$1`);
}
/**
 * Marks that would format text become look-alikes: `*` `~` and backticks always, `_` only where it could
 * open or close italics (at a word's edge), so `pip_cache` stays as it is written.
 */
function defuseFormatting(s) {
    return s
        .replace(/\*/g, '∗')
        .replace(/~/g, '∼')
        .replace(/`/g, 'ˋ')
        .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, 'ˍ');
}
/** One line of report text as inert mrkdwn of at most `max` characters (cut before escaping: no half entity). */
function inert(s, max) {
    return fitEscaped(s, max, (raw) => slackEscape(defuseMentions(defuseFormatting(raw))));
}
/** `s` made one line and passed through `escape`, at most `max` characters, cut before escaping. */
function fitEscaped(s, max, escape) {
    const raw = wellFormed(oneLine(s));
    let room = max;
    let out = escape((0,_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(raw, room));
    // Each pass removes at least the overshoot, so this ends within a few passes.
    while (out.length > max && room > 0) {
        room -= out.length - max;
        out = escape((0,_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(raw, room));
    }
    return out.length > max ? '' : out;
}
/** Report text for a plain_text object: no markup is read there, so only mentions are defused. */
function plain(s, max) {
    return (0,_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(defuseMentions(wellFormed(oneLine(s))), max);
}
/** Inline code (no formatting inside): backticks become a look-alike so the span cannot be closed early. */
function inlineCode(s, max) {
    const text = fitEscaped(s, max - 2, (raw) => slackEscape(defuseMentions(raw.replace(/`/g, 'ˋ'))));
    return text === '' ? '—' : '`' + text + '`';
}
/** Lines for a ``` block: entities escaped, mentions defused, no run of three backticks left to close it. */
function codeLines(lines) {
    return lines.map((l) => slackEscape(defuseMentions(wellFormed(l))).replace(/`{3,}/g, (m) => m.split('').join(ZWSP)));
}
/** A `message-template` line: escaped by the template already, so only mentions are defused here. */
function templateLine(text) {
    return (0,_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(defuseMentions(wellFormed(text)), SLACK_LIMITS.text);
}
/** `<url|label>` for an absolute http(s) URL mrkdwn cannot be broken out of; null when unusable. */
function slackLink(url, label, max = 2048) {
    if (!url || url.length > max || !/^https?:\/\/[^\s<>"`]+$/i.test(url) || !URL.canParse(url))
        return null;
    // `&` is escaped inside links too, and a `|` would end the URL early.
    return `<${url.replace(/&/g, '&amp;').replace(/\|/g, '%7C')}|${label}>`;
}
/**
 * Multi-line mrkdwn within `max`: whole lines are dropped from the end behind a `…` line (a cut line could
 * leave a link or an entity half open); a single line too long is cut, fences closed again.
 */
function fitLines(text, max) {
    if (text.length <= max)
        return text;
    const lines = text.split('\n');
    while (lines.length > 1) {
        lines.pop();
        const kept = [...lines, _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .ELLIPSIS */ .Gr].join('\n');
        if (kept.length <= max && fencesClosed(kept))
            return kept;
    }
    return (0,_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .truncateMarkdown */ .o4)(lines[0] ?? '', max);
}
function fencesClosed(text) {
    return (text.match(/```/g) ?? []).length % 2 === 0;
}
function mrkdwn(text) {
    return { type: 'mrkdwn', text, verbatim: true };
}
function plainText(text) {
    return { type: 'plain_text', text, emoji: true };
}
// ---- the final guard ----
/** Clamps every limited text and the block count, whatever the builders produced. */
function clampSlack(body) {
    const L = SLACK_LIMITS;
    body.text = (0,_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(body.text, L.text) || _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .ELLIPSIS */ .Gr;
    for (const a of body.attachments) {
        a.blocks = a.blocks.slice(0, L.blocks).map((b) => clampBlock(b));
    }
    return body;
}
function clampText(t, max) {
    const text = t.type === 'mrkdwn' ? fitLines(t.text, max) : (0,_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(t.text, max);
    return { ...t, text: text || _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .ELLIPSIS */ .Gr };
}
function clampBlock(b) {
    const L = SLACK_LIMITS;
    if (b.type === 'header')
        return { ...b, text: clampText(b.text, L.headerText) };
    if (b.type === 'section') {
        const out = { ...b };
        if (b.text)
            out.text = clampText(b.text, L.sectionText);
        if (b.fields)
            out.fields = b.fields.slice(0, L.fields).map((f) => clampText(f, L.fieldText));
        return out;
    }
    if (b.type === 'context') {
        const elements = b.elements
            .slice(0, L.contextElements)
            .map((e) => (e.type === 'mrkdwn' || e.type === 'plain_text' ? clampText(e, L.contextText) : e));
        return { ...b, elements };
    }
    return b;
}
// ---- the check ----
const LIVE_MENTION = /<[!@#]|@(here|channel|everyone)\b/i;
/** Every way `body` breaks a Slack limit (or could ping), as readable sentences; empty when it fits. */
function checkSlackLimits(body) {
    const L = SLACK_LIMITS;
    const v = [];
    if (body === null || typeof body !== 'object')
        return ['body is not an object'];
    const b = body;
    const counter = { chars: 0 };
    const text = (what, t, max, kind) => checkText(v, counter, what, t, max, kind);
    if (typeof b.text !== 'string' || b.text.trim() === '')
        v.push('text is missing (Slack answers no_text)');
    else {
        if (b.text.length > L.text)
            v.push(`text has ${b.text.length} characters (max ${L.text})`);
        checkInert(v, 'text', b.text);
        counter.chars += b.text.length;
    }
    const attachments = Array.isArray(b.attachments) ? b.attachments : [];
    if (b.attachments !== undefined && !Array.isArray(b.attachments))
        v.push('attachments is not a list');
    if (attachments.length > L.attachments) {
        v.push(`${attachments.length} attachments (max ${L.attachments}: Slack answers too_many_attachments)`);
    }
    const blocks = [];
    if (Array.isArray(b.blocks))
        b.blocks.forEach((x, i) => blocks.push([`blocks[${i}]`, x]));
    attachments.forEach((a, i) => {
        if (!Array.isArray(a?.blocks))
            return;
        a.blocks.forEach((x, j) => blocks.push([`attachments[${i}].blocks[${j}]`, x]));
    });
    if (blocks.length > L.blocks)
        v.push(`${blocks.length} blocks (max ${L.blocks})`);
    for (const [at, block] of blocks)
        checkBlock(at, block, text, v);
    if (counter.chars > L.totalText)
        v.push(`the message shows ${counter.chars} characters (max ${L.totalText})`);
    return v;
}
function checkBlock(at, block, text, v) {
    const L = SLACK_LIMITS;
    const blk = block;
    if (blk?.type === 'header')
        text(`${at}.text`, blk.text, L.headerText, 'plain_text');
    else if (blk?.type === 'section') {
        if (blk.text === undefined && blk.fields === undefined)
            v.push(`${at} has neither text nor fields`);
        if (blk.text !== undefined)
            text(`${at}.text`, blk.text, L.sectionText);
        if (blk.fields !== undefined) {
            const fields = Array.isArray(blk.fields) ? blk.fields : [];
            if (fields.length > L.fields)
                v.push(`${at} has ${fields.length} fields (max ${L.fields})`);
            fields.forEach((f, k) => text(`${at}.fields[${k}]`, f, L.fieldText));
        }
    }
    else if (blk?.type === 'context') {
        const elements = Array.isArray(blk.elements) ? blk.elements : [];
        if (elements.length === 0 || elements.length > L.contextElements) {
            v.push(`${at} has ${elements.length} elements (1 to ${L.contextElements})`);
        }
        elements.forEach((e, k) => text(`${at}.elements[${k}]`, e, L.contextText));
    }
    else if (blk?.type !== 'divider')
        v.push(`${at} has type ${String(blk?.type)}, which is not checked`);
}
function checkText(v, counter, what, t, max, kind) {
    const o = t;
    if (o?.type !== 'plain_text' && o?.type !== 'mrkdwn')
        return void v.push(`${what} is not a text object`);
    if (kind && o.type !== kind)
        v.push(`${what} must be ${kind}`);
    if (typeof o.text !== 'string' || o.text.length === 0)
        return void v.push(`${what} is empty`);
    if (o.text.length > max)
        v.push(`${what} has ${o.text.length} characters (max ${max})`);
    counter.chars += o.text.length;
    checkInert(v, what, o.text);
    if (o.type === 'mrkdwn' && !fencesClosed(o.text))
        v.push(`${what} leaves a code block open`);
}
function checkInert(v, what, text) {
    if (LIVE_MENTION.test(text))
        v.push(`${what} holds a live mention`);
    if (new RegExp(LONE_SURROGATE.source).test(text))
        v.push(`${what} holds a lone surrogate`);
}


/***/ }),

/***/ 47110:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SLACK_COLOR: () => (/* reexport safe */ _slack_limits_js__WEBPACK_IMPORTED_MODULE_3__.ny),
/* harmony export */   SLACK_LIMITS: () => (/* reexport safe */ _slack_limits_js__WEBPACK_IMPORTED_MODULE_3__.u2),
/* harmony export */   checkSlackLimits: () => (/* reexport safe */ _slack_limits_js__WEBPACK_IMPORTED_MODULE_3__.checkSlackLimits),
/* harmony export */   renderSlack: () => (/* binding */ renderSlack),
/* harmony export */   renderStartSlack: () => (/* binding */ renderStartSlack),
/* harmony export */   slackHeadline: () => (/* binding */ slackHeadline),
/* harmony export */   slackPackageLines: () => (/* binding */ slackPackageLines)
/* harmony export */ });
/* harmony import */ var _discord_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(88225);
/* harmony import */ var _discord_common_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2470);
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(87284);
/* harmony import */ var _slack_limits_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8059);





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
/** `❌ torchvision failed at build 9/9`, `✅ Fixed: 3 packages built in 1h 12m` (the compact Discord title). */
function slackHeadline(report, ctx) {
    return (0,_slack_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .plain */ .pj)(unescapeDiscord((0,_discord_js__WEBPACK_IMPORTED_MODULE_0__/* .compactHeadline */ .mJ)(report, ctx?.change ?? 'unknown')), _slack_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .SLACK_LIMITS */ .u2.headerText);
}
/** The built-in text line: the headline and where it ran (the notification a phone shows). */
function textLine(report, ctx) {
    const headline = unescapeDiscord((0,_discord_js__WEBPACK_IMPORTED_MODULE_0__/* .compactHeadline */ .mJ)(report, ctx?.change ?? 'unknown'));
    const where = [report.run.repository, report.run.workflow].filter((s) => !!s).join(' · ');
    return (0,_slack_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .inert */ .tJ)(where ? `${headline} · ${where}` : headline, 300);
}
function refLine(report) {
    const { ref, sha, serverUrl, repository } = report.run;
    const name = ref ? (0,_slack_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .inert */ .tJ)(ref.replace(/^refs\/(heads\/|tags\/)?/, ''), 100) : '';
    const short = sha ? sha.slice(0, 7) : '';
    const commit = sha && repository && /^[0-9a-f]{7,64}$/i.test(sha)
        ? (0,_slack_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .slackLink */ .J1)(`${serverUrl}/${repository}/commit/${sha}`, (0,_slack_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .inlineCode */ .ti)(short, 20))
        : null;
    const at = commit ?? (short ? (0,_slack_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .inlineCode */ .ti)(short, 20) : '');
    return [name, at].filter(Boolean).join(' @ ');
}
/** `L4T 36.4.4 · JetPack 6.2.1 · CUDA 12.6 · Python 3.10`. */
function environmentLine(report) {
    const env = Object.fromEntries((0,_discord_common_js__WEBPACK_IMPORTED_MODULE_1__/* .environmentPairs */ .tf)(report));
    const label = [
        ['L4T_VERSION', 'L4T'],
        ['JETPACK_VERSION', 'JetPack'],
        ['CUDA_VERSION', 'CUDA'],
        ['PYTHON_VERSION', 'Python'],
    ];
    return label
        .filter(([k]) => env[k])
        .map(([k, name]) => `${name} ${(0,_slack_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .inert */ .tJ)(env[k] ?? '', 60)}`)
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
        ['Duration', (0,_limits_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(report.durationSeconds)],
    ];
    if (report.packages.length > 1)
        facts.push(['Packages', packageCounts(report)]);
    if (report.runner.name)
        facts.push(['Runner', (0,_slack_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .inert */ .tJ)(report.runner.name, 100)]);
    const env = environmentLine(report);
    if (env)
        facts.push(['Environment', env]);
    const ref = refLine(report);
    if (ref)
        facts.push(['Ref', ref]);
    return {
        type: 'section',
        fields: facts.map(([name, value]) => (0,_slack_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .mrkdwn */ .kJ)((0,_slack_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .fitLines */ .RV)(`*${name}*\n${value}`, FIELD_MAX))),
    };
}
/** The cause in the error's own words (else the report's sentence), once. */
function causeOf(report) {
    const error = report.status !== 'success' ? report.failure?.error : null;
    return (0,_slack_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .oneLine */ .TN)(error || report.message);
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
        .map((l) => (0,_limits_js__WEBPACK_IMPORTED_MODULE_2__/* .truncate */ .xv)(l, EXCERPT_LINE_MAX));
    return lines.length ? (0,_limits_js__WEBPACK_IMPORTED_MODULE_2__/* .codeBlock */ .DV)((0,_slack_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .codeLines */ .zo)(lines), EXCERPT_MAX) : '';
}
function packageLine(p, report) {
    const name = (0,_slack_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .inert */ .tJ)(p.name, 100);
    const url = p.status === 'failure' ? (report.run.jobUrl ?? report.run.runUrl) : null;
    const label = (url ? (0,_slack_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .slackLink */ .J1)(url, name, 500) : null) ?? `*${name}*`;
    const parts = [`${_discord_common_js__WEBPACK_IMPORTED_MODULE_1__/* .PACKAGE_EMOJI */ .Kx[p.status]} ${label}`];
    const at = (f) => {
        const phrase = unescapeDiscord((0,_discord_js__WEBPACK_IMPORTED_MODULE_0__/* .atPhrase */ .$F)(f, p.name));
        return phrase ? ` ${(0,_slack_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .inert */ .tJ)(phrase, 200)}` : '';
    };
    if (p.status === 'failure')
        parts.push(`failed${at(p.failure)}`);
    else if (p.status === 'cancelled')
        parts.push(`cancelled${at((0,_discord_js__WEBPACK_IMPORTED_MODULE_0__/* .stopPoint */ .Tz)(report, p))}`);
    else if (p.status === 'not-built')
        parts.push('not built');
    else if (p.pushedImage ?? p.image)
        parts.push((0,_slack_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .inlineCode */ .ti)(p.pushedImage ?? p.image ?? '', 140));
    if (p.durationSeconds !== null && p.status !== 'not-built')
        parts.push((0,_limits_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(p.durationSeconds));
    return parts.join(' · ');
}
function moreLine(hidden) {
    const failed = hidden.filter((p) => p.status === 'failure').length;
    return `${_limits_js__WEBPACK_IMPORTED_MODULE_2__/* .ELLIPSIS */ .Gr} and ${hidden.length} more (${failed} failed)`;
}
/** Package lines, failed first, within MAX_PACKAGE_LINES and a section's text; the rest folds into a count. */
function slackPackageLines(report, budget = _slack_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .SLACK_LIMITS */ .u2.sectionText) {
    const ordered = (0,_discord_common_js__WEBPACK_IMPORTED_MODULE_1__/* .failuresFirst */ .Cq)(report.packages);
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
    const logsLink = (0,_slack_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .slackLink */ .J1)(logs, 'Logs artifact', LINK_MAX);
    if (logsLink)
        links.push(logsLink);
    else if (report.logs.uploadError)
        links.push('Logs not uploaded');
    const run = (0,_slack_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .slackLink */ .J1)(runUrl, 'Run', LINK_MAX);
    if (run)
        links.push(run);
    const job = jobUrl && jobUrl !== runUrl ? (0,_slack_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .slackLink */ .J1)(jobUrl, 'Job', LINK_MAX) : null;
    if (job)
        links.push(job);
    const where = [report.run.repository, report.run.workflow, report.run.job]
        .filter((s) => !!s)
        .map((s) => (0,_slack_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .inert */ .tJ)(s, 200));
    const elements = [links.join(' · '), where.join(' · ')].filter((t) => t !== '').map(_slack_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .mrkdwn */ .kJ);
    return elements.length ? { type: 'context', elements } : null;
}
function section(text) {
    return { type: 'section', text: (0,_slack_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .mrkdwn */ .kJ)((0,_slack_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .fitLines */ .RV)(text, _slack_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .SLACK_LIMITS */ .u2.sectionText)) };
}
function blocksFor(report, ctx) {
    const header = { type: 'header', text: (0,_slack_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .plainText */ .wh)(slackHeadline(report, ctx)) };
    const blocks = [header, factsBlock(report)];
    const cause = causeOf(report);
    if (cause)
        blocks.push(section((0,_slack_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .inert */ .tJ)(cause, CAUSE_MAX)));
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
    return (0,_discord_common_js__WEBPACK_IMPORTED_MODULE_1__/* .mapStrings */ .to)(report, (s) => s.replaceAll(`${dir}/`, 'logs/'));
}
/**
 * Renders the Slack incoming-webhook body for a report. `ctx` says why it is sent: a change against the last
 * run is worded (`Fixed:`, `Broken:`). Nothing in it can ping: Slack mentions are not offered by this action.
 */
function renderSlack(report, opts = {}, ctx) {
    const safe = withoutLogDir((0,_discord_common_js__WEBPACK_IMPORTED_MODULE_1__/* .mapStrings */ .to)(report, (s) => (0,_limits_js__WEBPACK_IMPORTED_MODULE_2__/* .neutraliseMentions */ .yY)((0,_slack_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .wellFormed */ .ES)(s))));
    const given = opts.text ? (0,_slack_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .templateLine */ .zp)(opts.text) : '';
    const body = {
        text: given || textLine(safe, ctx),
        attachments: [{ color: _slack_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .SLACK_COLOR */ .ny[safe.status] ?? _slack_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .SLACK_COLOR */ .ny.failure, blocks: blocksFor(safe, ctx) }],
        unfurl_links: false,
        unfurl_media: false,
    };
    return { body: (0,_slack_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .clampSlack */ .sl)(body), files: [] };
}
/**
 * The `notify-start` message: `🔨 Building torchvision` on which runner, the packages, and where to watch it.
 * Pure, and it pings no one.
 */
function renderStartSlack(start, opts = {}) {
    const info = (0,_discord_common_js__WEBPACK_IMPORTED_MODULE_1__/* .mapStrings */ .to)(start, (s) => (0,_slack_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .wellFormed */ .ES)(s));
    const { packages, run } = info;
    const title = packages.length === 1 ? `🔨 Building ${packages[0] ?? ''}` : `🔨 Building ${packages.length} packages`;
    const lines = [info.runner.name ? `Started on ${(0,_slack_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .inert */ .tJ)(info.runner.name, 100)}` : 'Started'];
    if (packages.length > 1)
        lines.push(`Packages: ${(0,_slack_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .inert */ .tJ)(packages.join(', '), 1500)}`);
    const watch = (0,_slack_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .slackLink */ .J1)(run.jobUrl, 'Job', LINK_MAX) ?? (0,_slack_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .slackLink */ .J1)(run.runUrl, 'Run', LINK_MAX);
    const where = [
        run.repository,
        run.ref?.replace(/^refs\/(heads|tags)\//, '') ?? null,
        run.sha?.slice(0, 7) ?? null,
    ]
        .filter((s) => !!s)
        .map((s) => (0,_slack_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .inert */ .tJ)(s, 200));
    const context = [watch ?? '', where.join(' · ')].filter((t) => t !== '').map(_slack_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .mrkdwn */ .kJ);
    const blocks = [
        { type: 'header', text: (0,_slack_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .plainText */ .wh)((0,_slack_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .plain */ .pj)(title, _slack_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .SLACK_LIMITS */ .u2.headerText)) },
        section(lines.join('\n')),
    ];
    if (context.length)
        blocks.push({ type: 'context', elements: context });
    const body = {
        text: (opts.text ? (0,_slack_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .templateLine */ .zp)(opts.text) : '') ||
            (0,_slack_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .inert */ .tJ)(run.repository ? `${title} · ${run.repository}` : title, 300),
        attachments: [{ color: _slack_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .SLACK_COLOR */ .ny.building, blocks }],
        unfurl_links: false,
        unfurl_media: false,
    };
    return { body: (0,_slack_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .clampSlack */ .sl)(body), files: [] };
}


/***/ })

};
