export const id = 884;
export const ids = [884];
export const modules = {

/***/ 6884:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   setupNotices: () => (/* binding */ setupNotices)
/* harmony export */ });
/* unused harmony exports NO_TARGET_NOTICE, formatWarning, startInputWarnings */
/* harmony import */ var _runner_secrets_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2995);
/* harmony import */ var _change_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5574);
/* harmony import */ var _targets_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8215);
// What a user should hear about the notification setup before anything is sent: that nothing will be sent
// at all, that a Discord, Slack or Teams URL will get a body its platform rejects, that a global template is
// used by no target, that `notify-on: change` has no token. Pure: it returns the messages; the actions print them (core.notice / core.warning).



const NO_TARGET_NOTICE = 'No notification will be sent: no notification target is set. discord-webhook-url, slack-webhook-url, ' +
    'teams-webhook-url, webhook-url, success-webhook-url, failure-webhook-url and webhooks are empty, and so are the WEBHOOK_URL, ' +
    'JC_BUILD_SUCCESS_WEBHOOK_URL and JC_BUILD_FAILURE_WEBHOOK_URL variables. A secret the run cannot read ' +
    '(e.g. on a pull request from a fork, or a typo in its name) is empty too.';
const hostIs = (host, ...domains) => domains.some((d) => host === d || host.endsWith(`.${d}`));
const PLATFORM_NAME = {
    discord: 'Discord',
    slack: 'Slack',
    teams: 'Microsoft Teams',
};
const REJECTS = {
    discord: 'which Discord rejects',
    slack: 'which Slack rejects (its incoming webhooks take Slack messages only)',
    teams: 'which Teams rejects (it takes Adaptive Cards)',
};
const BODY = {
    discord: 'a Discord message body',
    slack: 'a Slack message',
    teams: 'an Adaptive Card',
    generic: "this action's generic JSON body",
};
/**
 * The platform a URL belongs to, and whether it also takes the generic body: a Power Automate flow of one's
 * own and a Slack workflow trigger (`/triggers/…`) read any JSON; a legacy connector takes cards only.
 */
function platformOf(url) {
    if (!URL.canParse(url))
        return null;
    const u = new URL(url);
    if ((0,_targets_js__WEBPACK_IMPORTED_MODULE_2__/* .isDiscordHost */ .zt)(u.hostname))
        return { platform: 'discord', takesGeneric: false };
    if ((0,_targets_js__WEBPACK_IMPORTED_MODULE_2__/* .isSlackHost */ .Ln)(u.hostname))
        return { platform: 'slack', takesGeneric: u.pathname.startsWith('/triggers/') };
    if (!(0,_targets_js__WEBPACK_IMPORTED_MODULE_2__/* .isTeamsUrl */ .al)(u))
        return null;
    const host = u.hostname.toLowerCase().replace(/\.$/, '');
    return {
        platform: 'teams',
        takesGeneric: hostIs(host, 'logic.azure.com', 'environment.api.powerplatform.com'),
    };
}
/**
 * A Discord, Slack or Teams URL that will get another platform's body (a platform input holding another's
 * URL, a `webhooks` entry's `format`): what it will get, and the fix.
 */
function formatWarning(target) {
    const found = platformOf(target.url);
    if (found === null || found.platform === target.format)
        return null;
    if (target.format === 'generic' && found.takesGeneric)
        return null;
    const { platform } = found;
    const what = `${target.source} is a ${PLATFORM_NAME[platform]} webhook (${(0,_runner_secrets_js__WEBPACK_IMPORTED_MODULE_0__/* .maskUrl */ .yP)(target.url)})`;
    const body = `${BODY[target.format]}, ${REJECTS[platform]}`;
    if (target.source.startsWith('webhooks[')) {
        return (`${what} set to format: ${target.format}, so it will get ${body}. Leave format out or set format: ` +
            `${platform}.`);
    }
    return (`${what} but will get the ${target.format} format there: ${body}. Put it in ${platform}-webhook-url ` +
        'instead.');
}
/** A global template set where no target uses it (each format takes one kind; an entry may override it). */
function unusedTemplateWarnings(settings, inputs) {
    const out = [];
    const message = (inputs['message-template'] ?? '').trim() !== '';
    if (message && !settings.targets.some((t) => t.templates?.messageSource === 'message-template')) {
        out.push('message-template is set, but no Discord, Slack or Teams target uses it (generic targets take ' +
            'payload-template): it is ignored.');
    }
    for (const name of ['payload-template', 'payload-template-file']) {
        if ((inputs[name] ?? '').trim() === '')
            continue;
        if (settings.targets.some((t) => t.templates?.payloadSource === name))
            continue;
        out.push(`${name} is set, but no generic target uses it (Discord, Slack and Teams targets take ` +
            'message-template): it is ignored.');
    }
    return out;
}
/**
 * The notices and warnings for these settings (null: no notification input at all). `notifyOn` is the
 * `notify-on` input as given: `never` means no notification was asked for, so its absence is not news (the
 * reusable workflow's legs, which leave the notifying to the summary).
 */
function setupNotices(settings, notifyOn = '', templates = {}) {
    const out = { notices: [], warnings: [] };
    if (settings === null || settings.targets.length === 0) {
        if (notifyOn.trim() !== 'never')
            out.notices.push(NO_TARGET_NOTICE);
        return out;
    }
    for (const target of settings.targets) {
        const warning = formatWarning(target);
        if (warning !== null)
            out.warnings.push(warning);
    }
    out.warnings.push(...unusedTemplateWarnings(settings, templates));
    if ((0,_change_js__WEBPACK_IMPORTED_MODULE_1__.wantsChange)(settings.targets) && !settings.githubToken)
        out.warnings.push(_change_js__WEBPACK_IMPORTED_MODULE_1__.NO_TOKEN_WARNING);
    const discordOnly = discordOptionsWarning(settings);
    if (discordOnly !== null)
        out.warnings.push(discordOnly);
    return out;
}
/** `discord-live` or `discord-mention-on-failure` set where no target is a Discord one: said, not ignored. */
function discordOptionsWarning(settings) {
    if (settings.targets.some((t) => t.format === 'discord'))
        return null;
    const { live, mentionOnFailure } = settings.discord;
    const set = [
        live ? 'discord-live' : null,
        mentionOnFailure.users.length + mentionOnFailure.roles.length > 0 ? 'discord-mention-on-failure' : null,
    ].filter((x) => x !== null);
    if (set.length === 0)
        return null;
    const [verb, pronoun] = set.length > 1 ? ['are', 'they are'] : ['is', 'it is'];
    return (`${set.join(' and ')} ${verb} set, but no Discord target is (discord-webhook-url, or a webhooks entry with ` +
        `format: discord): ${pronoun} ignored.`);
}
/**
 * Warnings about a build step's inputs that would otherwise be ignored quietly at the end: a run message id
 * with no Discord webhook to edit it through, a check run id that is no id (the Job link is left out).
 */
function startInputWarnings(settings, inputs) {
    const warnings = [];
    const hasRunWebhook = settings?.targets.some((t) => t.source === 'discord-webhook-url') ?? false;
    if (inputs.runMessageId.trim() !== '' && !hasRunWebhook) {
        warnings.push("discord-run-message-id is set, but discord-webhook-url is empty: this leg's line in the run message cannot be written.");
    }
    const check = inputs.jobCheckRunId.trim();
    if (check !== '' && !/^\d{1,20}$/.test(check)) {
        warnings.push(`job-check-run-id is ${JSON.stringify(check.slice(0, 40))}, not a check run id (digits, as \${{ job.check_run_id }} gives): messages link the run instead of the job.`);
    }
    return warnings;
}


/***/ })

};
