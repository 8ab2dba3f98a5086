export const id = 63;
export const ids = [63];
export const modules = {

/***/ 75063:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   extractTarChecked: () => (/* binding */ extractTarChecked)
/* harmony export */ });
/* unused harmony export unsafeMemberName */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(46466);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var tar_stream__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(56118);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(57706);







/**
 * Why a member name may not be extracted, or undefined when it may: absolute names, `..` and
 * backslashes could land outside the folder, whatever the archive claims to be.
 */
function unsafeMemberName(name) {
    if (name === '' || name.includes('\0'))
        return 'an empty or NUL-bearing name';
    if (name.startsWith('/') || /^[A-Za-z]:/.test(name) || name.includes('\\'))
        return 'an absolute name';
    if (name.split('/').includes('..'))
        return 'a ".." in its path';
    return undefined;
}
/**
 * Extracts a tar stream (the bytes of a restored cache entry) into `dir`, a fresh folder, keeping
 * only the members under `prefix` (with the prefix taken off). The whole entry is refused as soon
 * as one member is absolute, has `..`, or is a link or a device: tar-stream parses, this writes,
 * so no member ever reaches the disk before it is checked. `what` names the entry in the error.
 */
async function extractTarChecked(tar, dir, o) {
    const refuse = (name, why) => new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .UserError */ .y(`${o.what} holds "${name}", ${why}: the entry was refused and nothing of it was used`);
    const prefix = o.prefix.replace(/\/+$/, '') + '/';
    const ex = (0,tar_stream__WEBPACK_IMPORTED_MODULE_4__.extract)();
    tar.on('error', (e) => ex.destroy(e));
    tar.pipe(ex);
    let files = 0;
    for await (const entry of ex) {
        const { name, type } = entry.header;
        const bad = unsafeMemberName(name);
        if (bad)
            throw refuse(name, `which has ${bad}`);
        if (type !== 'file' && type !== 'directory' && type !== 'contiguous-file')
            throw refuse(name, `which is a ${type}, not a file`);
        const clean = node_path__WEBPACK_IMPORTED_MODULE_3__.posix.normalize(name).replace(/^\.\//, '');
        if (clean + '/' !== prefix && !clean.startsWith(prefix))
            throw refuse(name, `which lies outside ${prefix}`);
        const rel = clean.slice(prefix.length).replace(/\/+$/, '');
        const to = rel === '' ? '' : (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, ...rel.split('/'));
        if (rel === '' || type === 'directory') {
            entry.resume();
            if (to)
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(to, { recursive: true });
            continue;
        }
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(to, '..'), { recursive: true });
        // Streamed to the disk, not held in memory: a run-cache entry holds models of hundreds of MB.
        // wx: a member named twice never writes through what an earlier member left.
        await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_2__.pipeline)(entry, (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createWriteStream)(to, { flags: 'wx' }));
        files++;
    }
    return files;
}
//# sourceMappingURL=archive.js.map

/***/ })

};
