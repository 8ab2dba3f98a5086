export const id = 704;
export const ids = [704];
export const modules = {

/***/ 5704:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   compilePattern: () => (/* binding */ compilePattern)
/* harmony export */ });
/* harmony import */ var re2js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2856);
/* harmony import */ var _byte_pattern_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4793);


/** Distinct short values whose answer is kept: RE2JS costs some microseconds a value, a lookup far less. */
const CACHE_ENTRIES = 10_000;
const CACHE_TEXT_LENGTH = 256;
/**
 * Compiles a pattern; a syntax the linear-time engine does not accept throws with RE2's reason.
 * The answers for the first distinct short values are kept: columns with a pattern are most often
 * codes and categories that repeat.
 */
function compilePattern(source) {
    const re = re2js__WEBPACK_IMPORTED_MODULE_0__/* .RE2JS */ .L3.compile(source);
    const cache = new Map();
    const test = (text) => {
        const known = cache.get(text);
        if (known !== undefined)
            return known;
        const answer = re.test(text);
        if (cache.size < CACHE_ENTRIES && text.length <= CACHE_TEXT_LENGTH)
            cache.set(text, answer);
        return answer;
    };
    const bytes = (0,_byte_pattern_js__WEBPACK_IMPORTED_MODULE_1__/* .compileBytePattern */ .o)(source);
    return {
        test,
        testBytes: bytes ? (buf, s, e) => bytes.test(buf, s, e) : (buf, s, e) => test(Buffer.from(buf.buffer, buf.byteOffset + s, e - s).toString('utf8')),
    };
}
//# sourceMappingURL=pattern.js.map

/***/ })

};
