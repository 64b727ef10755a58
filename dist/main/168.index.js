export const id = 168;
export const ids = [168];
export const modules = {

/***/ 85787:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   compareSizeStep: () => (/* binding */ compareSizeStep)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(33838);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _runner_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(85507);
/* harmony import */ var _runner_secrets_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(72995);
// `compare-size: true`: each image's size against the same package's image in the previous successful run
// (src/github/previous-size.ts), into imageFacts.sizeChange before the report is written and notified. Bounded
// (see PREVIOUS_SIZE_TIMEOUT_MS) and never fails the step: at most one warning for a look-up that a person
// can fix (a token without `actions: read`), plus one per image that grew over `size-warn-percent`.




/**
 * Fills `sizeChange` of every package that has a size now and had one in the previous successful run.
 * `stop` (a cancel) ends the look-up at once: the rest of the finish needs the time.
 */
async function compareSizeStep(report, settings, logs, stop) {
    try {
        const { factsOf } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 80613));
        const sized = report.packages.filter((p) => p.status === 'success' && factsOf(p)?.sizeBytes != null);
        // Nothing was inspected (a failed build, docker missing): nothing to compare, and nothing to say.
        if (sized.length === 0)
            return;
        const { findPreviousSizes } = await __webpack_require__.e(/* import() */ 918).then(__webpack_require__.bind(__webpack_require__, 90918));
        const { readGitHubRun } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 99863));
        const { sizeChange, sizeChangeText, sizeWarningText } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 89678));
        const answer = await findPreviousSizes({
            token: settings.token,
            run: readGitHubRun(),
            packages: sized.map((p) => p.name),
            artifactName: await artifactNameOf(report, logs),
            tempDir: process.env.RUNNER_TEMP || node_os__WEBPACK_IMPORTED_MODULE_1___default().tmpdir(),
            info: (m) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq((0,_runner_secrets_js__WEBPACK_IMPORTED_MODULE_3__/* .scrub */ ._I)(m)),
            stop,
        });
        if (answer.warning !== null)
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e((0,_runner_secrets_js__WEBPACK_IMPORTED_MODULE_3__/* .scrub */ ._I)(answer.warning), { title: 'compare-size' });
        for (const p of sized) {
            const previous = answer.sizes.get(p.name);
            const facts = p.imageFacts;
            if (!previous || !facts || facts.sizeBytes === null)
                continue;
            const change = sizeChange(facts.sizeBytes, previous.sizeBytes, settings.warnPercent, previous.runUrl);
            if (change === null)
                continue;
            facts.sizeChange = change;
            const run = previous.runNumber === null ? `run ${previous.runId}` : `run #${previous.runNumber}`;
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq((0,_runner_secrets_js__WEBPACK_IMPORTED_MODULE_3__/* .scrub */ ._I)(`compare-size: ${p.name} ${sizeChangeText(change)} since ${run}.`));
            if (change.flagged) {
                _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e((0,_runner_secrets_js__WEBPACK_IMPORTED_MODULE_3__/* .scrub */ ._I)(sizeWarningText(p.name, change, previous.runNumber, settings.warnPercent)), {
                    title: 'Image size grew',
                });
            }
        }
    }
    catch (err) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e((0,_runner_secrets_js__WEBPACK_IMPORTED_MODULE_3__/* .scrub */ ._I)(`compare-size: could not compare the image sizes (${(0,_runner_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(err)}).`));
    }
}
/** The name this job's logs artifact gets: the previous run's one of the same job and leg is read first. */
async function artifactNameOf(report, logs) {
    if (logs.artifactName !== null)
        return logs.artifactName;
    const { defaultArtifactName } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 19153));
    return defaultArtifactName({
        job: report.run.job,
        matrix: report.run.matrix,
        runAttempt: report.run.runAttempt,
        step: process.env.GITHUB_ACTION ?? null,
    });
}


/***/ })

};
