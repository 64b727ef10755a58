export const id = 59;
export const ids = [59];
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


/***/ })

};
