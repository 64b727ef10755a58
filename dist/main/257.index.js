export const id = 257;
export const ids = [257];
export const modules = {

/***/ 9257:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   hi: () => (/* binding */ hi)
/* harmony export */ });
function hi() { console.log("lazy"); }


/***/ })

};
