export const id = 188;
export const ids = [188];
export const modules = {

/***/ 1188:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   loadNotifySettings: () => (/* binding */ loadNotifySettings),
/* harmony export */   wantsNotifications: () => (/* binding */ wantsNotifications)
/* harmony export */ });
const URL_INPUTS = [
    'discord-webhook-url',
    'slack-webhook-url',
    'teams-webhook-url',
    'webhook-url',
    'success-webhook-url',
    'failure-webhook-url',
    'webhooks',
];
const URL_ENV = ['JC_BUILD_SUCCESS_WEBHOOK_URL', 'JC_BUILD_FAILURE_WEBHOOK_URL', 'WEBHOOK_URL'];
function wantsNotifications(getInput, env) {
    return (URL_INPUTS.some((n) => getInput(n).trim() !== '') || URL_ENV.some((n) => (env[n] ?? '').trim() !== ''));
}
async function loadNotifySettings(getInput, env) {
    if (!wantsNotifications(getInput, env))
        return null;
    const { resolveNotifySettings } = await Promise.all(/* import() */[__webpack_require__.e(562), __webpack_require__.e(815), __webpack_require__.e(858), __webpack_require__.e(215)]).then(__webpack_require__.bind(__webpack_require__, 8215));
    return resolveNotifySettings(getInput, env);
}


/***/ })

};
