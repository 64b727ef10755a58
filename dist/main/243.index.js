export const id = 243;
export const ids = [243];
export const modules = {

/***/ 61243:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ COLOR_BUILDING),
/* harmony export */   renderLiveDiscord: () => (/* binding */ renderLiveDiscord)
/* harmony export */ });
/* unused harmony export progressBar */
/* harmony import */ var _discord_common_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2470);
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(87284);


/** Discord's blurple: neither a success nor a failure yet. */
const COLOR_BUILDING = 5793266;
const BAR_WIDTH = 20;
/** `▓▓▓▓▓▓░░░░░░░░░░░░░░ 30%`: the share of the stages done (a stage under test counts half done). */
function progressBar(stage, width = BAR_WIDTH) {
    if (stage === null || !(stage.total > 0))
        return `${'░'.repeat(width)} 0%`;
    const done = Math.max(0, stage.index - (stage.phase === 'test' ? 0.5 : 1));
    const share = Math.min(1, done / stage.total);
    const filled = Math.round(share * width);
    return `${'▓'.repeat(filled)}${'░'.repeat(width - filled)} ${Math.floor(share * 100)}%`;
}
/** The message body (create form: the edit endpoint's client drops what an edit may not carry). */
function renderLiveDiscord(progress, opts) {
    const { stage, packages } = progress;
    const what = stage?.target ?? (packages.length === 1 ? packages[0] : null);
    const title = what !== null ? `🔨 Building ${inert(what, 200)}` : `🔨 Building ${packages.length} packages`;
    const lines = [];
    if (stage === null)
        lines.push('Starting…');
    else {
        const verb = stage.phase === 'test' ? 'testing' : 'building';
        lines.push(`**Stage ${stage.index}/${stage.total}** · ${verb} ${inert(stage.name, 200)}`);
    }
    lines.push(`\`${progressBar(stage)}\``);
    const started = Date.parse(progress.startTime);
    const since = Number.isNaN(started) ? '' : ` (started <t:${Math.floor(started / 1000)}:R>)`;
    lines.push(`⏱ ${(0,_limits_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(progress.elapsedMs / 1000)} elapsed${since}`);
    if (packages.length > 1)
        lines.push(`Packages: ${inert(packages.join(', '), 1000)}`);
    const url = progress.link ? (0,_discord_common_js__WEBPACK_IMPORTED_MODULE_0__/* .safeUrl */ .Pl)(progress.link.url) : null;
    if (url && progress.link)
        lines.push(`[${progress.link.label}](<${url}>)`);
    const footer = [
        progress.runner ? `runner ${oneLineInert(progress.runner)}` : null,
        `updated every ${Math.round(opts.liveIntervalMs / 1000)} s at most`,
    ].filter((s) => s !== null);
    const body = {
        embeds: [
            {
                title: (0,_limits_js__WEBPACK_IMPORTED_MODULE_1__/* .truncate */ .xv)(title, _limits_js__WEBPACK_IMPORTED_MODULE_1__/* .DISCORD_LIMITS */ .YT.title),
                ...(url ? { url } : {}),
                description: (0,_limits_js__WEBPACK_IMPORTED_MODULE_1__/* .truncate */ .xv)(lines.join('\n'), _limits_js__WEBPACK_IMPORTED_MODULE_1__/* .DISCORD_LIMITS */ .YT.description),
                color: COLOR_BUILDING,
                footer: { text: (0,_limits_js__WEBPACK_IMPORTED_MODULE_1__/* .truncate */ .xv)(footer.join(' · '), _limits_js__WEBPACK_IMPORTED_MODULE_1__/* .DISCORD_LIMITS */ .YT.footer) },
            },
        ],
        // Nothing in a live message may ping anyone.
        allowed_mentions: { parse: [] },
    };
    const username = opts.username ? (0,_limits_js__WEBPACK_IMPORTED_MODULE_1__/* .truncate */ .xv)(opts.username.trim(), _limits_js__WEBPACK_IMPORTED_MODULE_1__/* .DISCORD_LIMITS */ .YT.usernameMax) : '';
    if (username)
        body.username = username;
    if (opts.avatarUrl)
        body.avatar_url = opts.avatarUrl;
    const threadName = opts.threadName
        ? (0,_limits_js__WEBPACK_IMPORTED_MODULE_1__/* .truncate */ .xv)(oneLineInert(opts.threadName), _limits_js__WEBPACK_IMPORTED_MODULE_1__/* .DISCORD_LIMITS */ .YT.threadName)
        : '';
    if (threadName)
        body.thread_name = threadName;
    return { body, files: [] };
}
/** Build text as inert markdown: no formatting, links, mentions or fences. */
function inert(text, max) {
    return (0,_limits_js__WEBPACK_IMPORTED_MODULE_1__/* .neutraliseMentions */ .yY)((0,_discord_common_js__WEBPACK_IMPORTED_MODULE_0__.md)(text, max));
}
function oneLineInert(text) {
    return (0,_limits_js__WEBPACK_IMPORTED_MODULE_1__/* .neutraliseMentions */ .yY)(text.replace(/\s+/g, ' ').trim());
}


/***/ })

};
