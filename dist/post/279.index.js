export const id = 279;
export const ids = [279];
export const modules = {

/***/ 55279:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ dropsDuplicates),
/* harmony export */   platformName: () => (/* binding */ platformName)
/* harmony export */ });
const PLATFORM = {
    discord: 'Discord',
    slack: 'Slack',
    teams: 'Microsoft Teams',
    generic: 'the receiver',
};
/** Whether a receiver of this format can drop a repeated request (it sees the same `webhook-id`). */
function dropsDuplicates(format) {
    return format === 'generic';
}
/** `Discord`, `Slack`, `Microsoft Teams`: who cannot drop a duplicate, for messages. */
function platformName(format) {
    return PLATFORM[format];
}


/***/ })

};
