export const id = 548;
export const ids = [548];
export const modules = {

/***/ 4548:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   splitMentions: () => (/* binding */ splitMentions)
/* harmony export */ });
/* harmony import */ var _discord_common_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2470);
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7284);


function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function ids(value) {
    return Array.isArray(value)
        ? value.filter((v) => typeof v === 'string' && /^\d+$/.test(v))
        : [];
}
/** `message` split into an edit without mentions and the follow-up that pings; null when it pings nobody. */
function splitMentions(message) {
    const body = message.body;
    if (!isRecord(body) || !isRecord(body['allowed_mentions']))
        return null;
    const users = ids(body['allowed_mentions']['users']);
    const roles = ids(body['allowed_mentions']['roles']);
    if (users.length + roles.length === 0)
        return null;
    const line = [...users.map((id) => `<@${id}>`), ...roles.map((id) => `<@&${id}>`)].join(' ');
    const content = typeof body['content'] === 'string' ? body['content'] : '';
    const edit = {
        ...body,
        content: withoutMentions(content, line, [...users, ...roles]),
        allowed_mentions: { parse: [] },
    };
    const embed = Array.isArray(body['embeds']) && isRecord(body['embeds'][0]) ? body['embeds'][0] : {};
    const title = typeof embed['title'] === 'string' && embed['title'].trim() !== ''
        ? embed['title']
        : 'Jetson build failed';
    const url = typeof embed['url'] === 'string' ? (0,_discord_common_js__WEBPACK_IMPORTED_MODULE_0__/* .safeUrl */ .Pl)(embed['url']) : null;
    const label = url && /\/job\/\d+/.test(url) ? 'Job' : 'Run';
    const link = url ? ` · [${label}](<${url}>)` : '';
    const allowed = { parse: [] };
    if (users.length)
        allowed['users'] = users;
    if (roles.length)
        allowed['roles'] = roles;
    const followUp = {
        content: (0,_limits_js__WEBPACK_IMPORTED_MODULE_1__/* .truncate */ .xv)(`🔔 ${line} ${(0,_discord_common_js__WEBPACK_IMPORTED_MODULE_0__.md)(title, _limits_js__WEBPACK_IMPORTED_MODULE_1__/* .DISCORD_LIMITS */ .YT.title)}${link}`, _limits_js__WEBPACK_IMPORTED_MODULE_1__/* .DISCORD_LIMITS */ .YT.content),
        allowed_mentions: allowed,
    };
    // The same sender as the result; a thread is the caller's to pick (the one the edited message lives in).
    for (const key of ['username', 'avatar_url'])
        if (body[key] !== undefined)
            followUp[key] = body[key];
    return { edit: { body: edit, files: message.files }, followUp: { body: followUp, files: [] } };
}
/** The content without the mention line the renderer put first (or, wherever they stand, those mentions). */
function withoutMentions(content, line, allowed) {
    if (content === line)
        return '';
    if (content.startsWith(`${line}\n`))
        return content.slice(line.length + 1);
    return content
        .replace(/<@[!&]?(\d+)>/g, (m, id) => (allowed.includes(id) ? '' : m))
        .replace(/^[ \t]+|[ \t]+$/gm, '')
        .replace(/^\n+/, '');
}


/***/ })

};
