export const id = 658;
export const ids = [658];
export const modules = {

/***/ 8658:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   readParquet: () => (/* binding */ readParquet)
/* harmony export */ });
/* harmony import */ var hyparquet__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1609);
/* harmony import */ var hyparquet__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6367);
/* harmony import */ var hyparquet__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3720);
/* harmony import */ var hyparquet_compressors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(138);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7706);



async function open(file) {
    const buffer = await (0,hyparquet__WEBPACK_IMPORTED_MODULE_1__/* .asyncBufferFromFile */ .Rv)(file);
    try {
        const metadata = await (0,hyparquet__WEBPACK_IMPORTED_MODULE_2__/* .parquetMetadataAsync */ .Ei)(buffer);
        return { buffer, metadata };
    }
    catch (e) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .y(`not a readable Parquet file: ${e.message}`, { file, cause: e });
    }
}
async function readParquet(file, handler, options = {}) {
    const { buffer, metadata } = await open(file);
    const names = (0,hyparquet__WEBPACK_IMPORTED_MODULE_2__/* .parquetSchema */ .YR)(metadata).children.map((c) => c.element.name);
    const wanted = new Set(handler.columns(names));
    // Every column is decoded, wanted or not: a page is only checked when it is decoded, and a file
    // whose pages are corrupt must fail even when no schema names its columns. Only the wanted
    // columns reach the handler.
    let start = 0;
    const limit = options.limitRows ?? Infinity;
    for (const group of metadata.row_groups) {
        if (start >= limit)
            break;
        const end = Math.min(start + Number(group.num_rows), limit);
        try {
            if (options.rowWise && handler.row) {
                const rows = await (0,hyparquet__WEBPACK_IMPORTED_MODULE_4__/* .parquetReadObjects */ .pS)({ file: buffer, metadata, compressors: hyparquet_compressors__WEBPACK_IMPORTED_MODULE_0__/* .compressors */ .Vm, rowStart: start, rowEnd: end });
                for (let i = 0; i < rows.length; i++)
                    handler.row(pick(rows[i], wanted), start + i + 1);
            }
            else {
                // Chunks arrive as pages are decoded; they may reach outside the group's range.
                const chunks = [];
                await (0,hyparquet__WEBPACK_IMPORTED_MODULE_4__/* .parquetRead */ .bA)({
                    file: buffer,
                    metadata,
                    compressors: hyparquet_compressors__WEBPACK_IMPORTED_MODULE_0__/* .compressors */ .Vm,
                    rowStart: start,
                    rowEnd: end,
                    onChunk: (c) => {
                        if (wanted.has(c.columnName))
                            chunks.push(c);
                    },
                });
                for (const c of chunks) {
                    const from = Math.max(start, c.rowStart);
                    const to = Math.min(end, c.rowEnd);
                    if (from >= to)
                        continue;
                    const values = from === c.rowStart && to === c.rowEnd ? c.columnData : c.columnData.slice(from - c.rowStart, to - c.rowStart);
                    handler.columnValues(c.columnName, values, from + 1);
                }
            }
        }
        catch (e) {
            if (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .y)
                throw e;
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .y(`cannot read Parquet rows ${start + 1}–${end}: ${e.message}`, { file, line: start + 1, cause: e });
        }
        start += Number(group.num_rows);
    }
    return { records: Math.min(start, limit) };
}
function pick(record, names) {
    const out = {};
    for (const name of names)
        if (name in record)
            out[name] = record[name];
    return out;
}
//# sourceMappingURL=parquet.js.map

/***/ })

};
