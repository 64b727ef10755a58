export const id = 891;
export const ids = [891];
export const modules = {

/***/ 8891:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   renderRunGeneric: () => (/* binding */ renderRunGeneric)
/* harmony export */ });
function renderRunGeneric(run) {
    return { body: run, files: [] };
}


/***/ })

};
