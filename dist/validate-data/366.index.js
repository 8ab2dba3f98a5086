export const id = 366;
export const ids = [366];
export const modules = {

/***/ 7366:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   inferSchema: () => (/* binding */ inferSchema),
/* harmony export */   schemaToYaml: () => (/* binding */ schemaToYaml)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7706);
/* harmony import */ var _csv_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1902);
/* harmony import */ var _hash_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3672);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3448);
/* harmony import */ var _source_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7513);
/* harmony import */ var _values_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2818);







/** Names that say "identifier": `id`, `user_id`, `orderId`, `uuid`, `key`. */
const ID_NAMES = [/(^|[_\s.-])(id|uuid|guid|key)$/i, /^id([_\s.-]|$)/i, /[a-z]Id$/];
const isIdName = (name) => ID_NAMES.some((re) => re.test(name));
/** An enum is proposed only for short labels: longer values are text, not categories. */
const MAX_ENUM_VALUE_BYTES = 100;
/**
 * Uniqueness is remembered for this many id-like columns at most (each can hold up to 64 MiB of
 * keys, see KeySet): a header of thousands of `*_id` columns must not cost gigabytes. Columns past
 * the cap get no `unique`, which the data then trivially passes.
 */
const MAX_UNIQUE_COLUMNS = 8;
/**
 * The distinct values of a column while there are at most `limit` of them, in one small arena.
 * Hand-written rather than a ByteDict because inference keeps one per column and a wide file has
 * a hundred thousand columns: a ByteDict starts at ~1.5 KiB in four typed arrays, this at nothing,
 * and a linear scan over at most 21 short keys is as fast as hashing.
 */
class FewDistinct {
    limit;
    arena = null;
    used = 0;
    /** Start and end of key i in the arena: ends[i] and ends[i - 1]. */
    ends = [];
    constructor(limit) {
        this.limit = limit;
    }
    get size() {
        return this.ends.length;
    }
    /** False once the value is new and the set is full (or the value too long to be a label). */
    add(buf, s, e) {
        const n = e - s;
        const arena = this.arena;
        let start = 0;
        for (const end of this.ends) {
            if (end - start === n) {
                let k = 0;
                while (k < n && arena[start + k] === buf[s + k])
                    k++;
                if (k === n)
                    return true;
            }
            start = end;
        }
        if (this.ends.length >= this.limit || n > MAX_ENUM_VALUE_BYTES)
            return false;
        if (arena === null || this.used + n > arena.length) {
            const grown = Buffer.allocUnsafe(Math.max(64, (arena?.length ?? 0) * 2, this.used + n));
            arena?.copy(grown, 0, 0, this.used);
            this.arena = grown;
        }
        this.arena.set(buf.subarray(s, e), this.used);
        this.used += n;
        this.ends.push(this.used);
        return true;
    }
    keys() {
        let start = 0;
        return this.ends.map((end) => {
            const k = this.arena.toString('utf8', start, end);
            start = end;
            return k;
        });
    }
}
/** JSON and Parquet values are typed: which kinds a column held. */
const SAW_STRING = 1;
const SAW_NUMBER = 2;
const SAW_BOOLEAN = 4;
const SAW_DATE = 8;
const SAW_OTHER = 16;
/**
 * What one column looks like, in a few fields whatever the row count: which types every value
 * fits, nulls, range, up to maxEnum + 1 distinct values, and for id-like columns whether all values
 * are distinct so far (by bytes for a string column, by number for an integer one, as the `unique`
 * check compares them).
 */
class ColumnProfile {
    name;
    cells = 0;
    nulls = 0;
    canBool = true;
    canInt = true;
    canNumber = true;
    canDate = true;
    leadingZero = false;
    /** Typed values (JSON, Parquet): the kinds seen, SAW_*; 0 for text (CSV). */
    saw = 0;
    min = Infinity;
    max = -Infinity;
    distinct;
    /**
     * Values seen so far, for `unique`: by number or by bytes, chosen at the first value (a column
     * whose first value is a number can only end up integer or lose its `unique`; a `007` is text).
     */
    uniqueBytes = null;
    uniqueNumbers = null;
    /** Whether uniqueness is tracked at all (an id-like name, within MAX_UNIQUE_COLUMNS). */
    tracksUnique;
    uniqueUndecided;
    nullTokens;
    constructor(name, nulls, maxEnum, tracksUnique) {
        this.name = name;
        this.nullTokens = nulls;
        this.distinct = new FewDistinct(maxEnum + 1);
        this.tracksUnique = tracksUnique;
        this.uniqueUndecided = tracksUnique;
    }
    decideUnique(byNumber) {
        this.uniqueUndecided = false;
        if (byNumber)
            this.uniqueNumbers = new _hash_js__WEBPACK_IMPORTED_MODULE_1__/* .KeySet */ .wj();
        else
            this.uniqueBytes = new _hash_js__WEBPACK_IMPORTED_MODULE_1__/* .KeySet */ .wj();
    }
    seenString(buf, s, e) {
        if (this.distinct !== null && !this.distinct.add(buf, s, e))
            this.distinct = null;
        if (this.uniqueBytes !== null && this.uniqueBytes.seenBytes(buf, s, e))
            this.uniqueBytes = null;
    }
    seenNumber(x) {
        if (x < this.min)
            this.min = x;
        if (x > this.max)
            this.max = x;
        if (this.uniqueNumbers !== null && this.uniqueNumbers.seenNumber(x))
            this.uniqueNumbers = null;
    }
    acceptBytes(buf, s, e) {
        this.cells++;
        if (this.nullTokens.matchBytes(buf, s, e)) {
            this.nulls++;
            return;
        }
        if (this.canBool && Number.isNaN((0,_values_js__WEBPACK_IMPORTED_MODULE_2__/* .parseBooleanBytes */ .R9)(buf, s, e)))
            this.canBool = false;
        if (this.uniqueUndecided)
            this.decideUnique(!Number.isNaN((0,_values_js__WEBPACK_IMPORTED_MODULE_2__/* .parseNumberBytes */ .oX)(buf, s, e)) && !(0,_values_js__WEBPACK_IMPORTED_MODULE_2__/* .hasLeadingZero */ .vV)(buf, s, e));
        if (this.canNumber) {
            const x = (0,_values_js__WEBPACK_IMPORTED_MODULE_2__/* .parseNumberBytes */ .oX)(buf, s, e);
            if (Number.isNaN(x)) {
                this.canNumber = false;
                this.canInt = false;
                this.uniqueNumbers = null;
            }
            else {
                if (this.canInt && !Number.isInteger(x))
                    this.canInt = false;
                if (!this.leadingZero && (0,_values_js__WEBPACK_IMPORTED_MODULE_2__/* .hasLeadingZero */ .vV)(buf, s, e)) {
                    this.leadingZero = true;
                    this.uniqueNumbers = null;
                }
                this.seenNumber(x);
            }
        }
        if (this.canDate && Number.isNaN((0,_values_js__WEBPACK_IMPORTED_MODULE_2__/* .parseDateBytes */ .X8)(buf, s, e)))
            this.canDate = false;
        this.seenString(buf, s, e);
    }
    acceptValue(v) {
        this.cells++;
        if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v)) || (typeof v === 'string' && this.nullTokens.matchText(v))) {
            this.nulls++;
            return;
        }
        // The text the validator checks an untyped column's enum against (column.ts).
        let text;
        if (this.uniqueUndecided)
            this.decideUnique(typeof v === 'number' || typeof v === 'bigint');
        if (typeof v === 'number' || typeof v === 'bigint') {
            this.saw |= SAW_NUMBER;
            const x = Number(v);
            if (!Number.isInteger(x))
                this.canInt = false;
            this.seenNumber(x);
            text = String(v);
        }
        else if (typeof v === 'boolean') {
            this.saw |= SAW_BOOLEAN;
            text = String(v);
        }
        else if (v instanceof Date) {
            this.saw |= SAW_DATE;
            text = v.toISOString();
        }
        else if (typeof v === 'string') {
            this.saw |= SAW_STRING;
            text = v;
            if (this.canDate && Number.isNaN((0,_values_js__WEBPACK_IMPORTED_MODULE_2__/* .parseDateText */ .hz)(text)))
                this.canDate = false;
        }
        else {
            this.saw |= SAW_OTHER;
            text = JSON.stringify(v);
        }
        const { buf, length } = (0,_values_js__WEBPACK_IMPORTED_MODULE_2__/* .utf8Scratch */ .s5)(text);
        this.seenString(buf, 0, length);
    }
    /** Undefined when the values are of several JSON kinds: only an untyped column takes them all. */
    type() {
        const values = this.cells - this.nulls;
        if (values === 0)
            return 'string';
        if (this.saw !== 0) {
            switch (this.saw) {
                case SAW_BOOLEAN:
                    return 'boolean';
                case SAW_NUMBER:
                    return this.canInt ? 'integer' : 'number';
                case SAW_STRING:
                    return this.canDate ? 'date' : 'string';
                case SAW_DATE:
                case SAW_DATE | SAW_STRING:
                    return this.canDate ? 'date' : undefined;
                default:
                    return undefined;
            }
        }
        if (this.canBool)
            return 'boolean';
        if (this.canInt && !this.leadingZero)
            return 'integer';
        if (this.canNumber && !this.leadingZero)
            return 'number';
        if (this.canDate)
            return 'date';
        return 'string';
    }
    toSchema() {
        const type = this.type();
        const out = type === undefined ? {} : { type };
        if (this.nulls > 0)
            out.nullable = true;
        const values = this.cells - this.nulls;
        // An infinite bound says nothing and is no valid schema number: leave that side open.
        if ((type === 'integer' || type === 'number') && values > 0) {
            if (Number.isFinite(this.min))
                out.min = this.min;
            if (Number.isFinite(this.max))
                out.max = this.max;
        }
        const distinct = this.distinct;
        if (type === 'string' && distinct && values > 0 && distinct.size <= values / 2) {
            out.enum = distinct.keys().sort();
        }
        if (this.tracksUnique && values >= 2 && this.nulls === 0) {
            const seen = type === 'integer' ? this.uniqueNumbers : type === 'string' ? this.uniqueBytes : null;
            if (seen !== null && !seen.saturated)
                out.unique = true;
        }
        return out;
    }
}
/**
 * Reads data files and writes a starting schema: types (leading-zero codes stay strings; null
 * tokens are nulls, not categories), nullable where nulls occur, observed min/max for numbers, an
 * enum for strings with few distinct values, unique for id-like columns whose values are all
 * distinct. Validating the same files against it passes.
 */
async function inferSchema(input, options = {}) {
    const files = typeof input === 'string' ? [input] : input;
    if (files.length === 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .y('no data files given', { input: 'data' });
    const nullList = options.nulls ?? _values_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_NULLS */ .$0;
    const nulls = new _values_js__WEBPACK_IMPORTED_MODULE_2__/* .NullTokens */ .Sj(nullList);
    const maxEnum = options.maxEnum ?? 20;
    const profiles = new Map();
    let uniqueColumns = 0;
    const profile = (name) => {
        let p = profiles.get(name);
        if (!p) {
            const tracksUnique = isIdName(name) && uniqueColumns < MAX_UNIQUE_COLUMNS;
            if (tracksUnique)
                uniqueColumns++;
            p = new ColumnProfile(name, nulls, maxEnum, tracksUnique);
            profiles.set(name, p);
        }
        return p;
    };
    let rows = 0;
    for (const file of files) {
        const opened = await (0,_source_js__WEBPACK_IMPORTED_MODULE_4__/* .openData */ .$H)(file, options.format);
        try {
            if (opened.format === 'csv' || opened.format === 'tsv') {
                let cols = [];
                await (0,_csv_js__WEBPACK_IMPORTED_MODULE_5__/* .readCsv */ .Nb)(opened.source, file, {
                    header: (names, line) => {
                        // As validation refuses it: a schema for a header it cannot read would be a lie.
                        (0,_csv_js__WEBPACK_IMPORTED_MODULE_5__/* .refuseDuplicateColumns */ .Xz)(names, file, line);
                        cols = names.map(profile);
                    },
                    record: (buf, starts, ends, n) => {
                        rows++;
                        if (n !== cols.length)
                            return;
                        for (let i = 0; i < n; i++)
                            cols[i].acceptBytes(buf, starts[i], ends[i]);
                    },
                }, { delimiter: options.delimiter ?? (opened.format === 'tsv' ? '\t' : ',') });
            }
            else if (opened.format === 'parquet') {
                const { readParquet } = await Promise.all(/* import() */[__webpack_require__.e(697), __webpack_require__.e(658)]).then(__webpack_require__.bind(__webpack_require__, 8658));
                const stats = await readParquet(file, {
                    columns: (names) => {
                        names.forEach(profile);
                        return names;
                    },
                    columnValues: (name, values) => {
                        const p = profile(name);
                        for (let i = 0; i < values.length; i++)
                            p.acceptValue(values[i]);
                    },
                });
                rows += stats.records;
            }
            else {
                const handler = {
                    row: (record) => {
                        rows++;
                        for (const k in record)
                            profile(k).acceptValue(record[k]);
                    },
                };
                if (opened.format === 'jsonl')
                    await (0,_json_js__WEBPACK_IMPORTED_MODULE_6__/* .readJsonLines */ .$)(opened.source, file, handler);
                else
                    await (0,_json_js__WEBPACK_IMPORTED_MODULE_6__/* .readJsonArray */ .s)(opened.source, file, handler);
                // A key absent from a record is a null there.
                for (const p of profiles.values()) {
                    const missing = rows - p.cells;
                    for (let i = 0; i < missing; i++)
                        p.acceptValue(undefined);
                }
            }
        }
        finally {
            await opened.source?.close();
        }
    }
    const columns = {};
    // defineProperty: a column named `__proto__` is a column, not the object's prototype.
    for (const p of profiles.values())
        Object.defineProperty(columns, p.name, { value: p.toSchema(), enumerable: true, writable: true, configurable: true });
    const schema = { columns };
    if (options.nulls)
        schema.nulls = nullList;
    const comment = `Inferred by mlci from ${files.join(', ')} (${rows} rows). Review the bounds and enums before relying on them.`;
    return {
        schema,
        rows,
        // Written on demand: validate-data writes its own (with workspace-relative names).
        get yaml() {
            return schemaToYaml(schema, comment);
        },
    };
}
/**
 * Columns per YAML Document: one Document for a schema of 100,000 columns holds every node at once
 * (as much memory again as the rest of inference); measured on bench/infer-schema.mjs, a hundred
 * columns a Document peak lowest.
 */
const YAML_CHUNK = 100;
/** YAML with one line per column (flow mappings), the way people write these schemas by hand. */
function schemaToYaml(schema, comment) {
    const { columns, ...rest } = schema;
    const parts = [];
    // Every line of the comment commented: a file name may hold a line break.
    if (comment)
        parts.push(comment
            .split(/\r\n|\r|\n/)
            .map((l) => `# ${l}`.trimEnd() + '\n')
            .join('') + '\n');
    if (columns) {
        const names = Object.keys(columns);
        parts.push(names.length === 0 ? 'columns: {}\n' : 'columns:\n');
        for (let i = 0; i < names.length; i += YAML_CHUNK) {
            const chunk = {};
            // defineProperty, so that a column named `__proto__` is a key, not a prototype.
            for (const name of names.slice(i, i + YAML_CHUNK))
                Object.defineProperty(chunk, name, { value: columns[name], enumerable: true });
            const doc = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .Document */ .yo(chunk);
            if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(doc.contents))
                for (const pair of doc.contents.items)
                    if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(pair.value))
                        pair.value.flow = true;
            // Indented line by line at \n only: a JS `^` with the m flag also matches after U+2028 and
            // U+2029, which YAML writes as they are inside a column name.
            parts.push(doc.toString({ lineWidth: 0 }).replace(/(^|\n)(?=[^\n])/g, '$1  '));
        }
    }
    if (Object.keys(rest).length > 0)
        parts.push(new yaml__WEBPACK_IMPORTED_MODULE_0__/* .Document */ .yo(rest).toString({ lineWidth: 0 }));
    return parts.join('');
}
//# sourceMappingURL=infer.js.map

/***/ })

};
