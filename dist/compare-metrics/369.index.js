export const id = 369;
export const ids = [369];
export const modules = {

/***/ 72369:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  q0: () => (/* binding */ describe),
  xz: () => (/* binding */ readTable),
  Kg: () => (/* binding */ tableFormat)
});

// UNUSED EXPORTS: elementLines, isRecord

// EXTERNAL MODULE: ./packages/core/lib/errors.js
var errors = __webpack_require__(57706);
;// CONCATENATED MODULE: ./packages/core/lib/data/chunks.js

/**
 * Reads a source through one reused buffer: the unconsumed tail slides to the front before each
 * read, and the buffer doubles only when one record fills it, so memory stays at the size of the
 * largest record, not of the file. A UTF-8 BOM is dropped before the first record is seen.
 *
 * `lineAt` is the line where the pending record starts and `tooLongHint` what most often causes
 * an overlong one: both go into the error when a record passes `maxRecordBytes`.
 */
async function readChunks(source, file, options, consume, lineAt, tooLongHint = '') {
    const maxRecord = options.maxRecordBytes ?? 64 * 1024 * 1024;
    let buf = Buffer.allocUnsafe(options.chunkBytes ?? 1 << 20);
    let len = 0;
    let pos = 0;
    let eof = false;
    let first = true;
    while (!eof) {
        if (pos > 0) {
            buf.copyWithin(0, pos, len);
            len -= pos;
            pos = 0;
        }
        if (len === buf.length) {
            if (buf.length >= maxRecord) {
                const line = lineAt();
                throw new errors/* UserError */.y(`a record starting at line ${line} is longer than ${Math.round(maxRecord / 1048576)} MiB${tooLongHint}`, {
                    file,
                    line,
                });
            }
            const bigger = Buffer.allocUnsafe(Math.min(buf.length * 2, maxRecord));
            buf.copy(bigger, 0, 0, len);
            buf = bigger;
        }
        // The buffer is filled before the consumer looks again: it rescans the pending record from its
        // start, so handing it every small read (gunzip yields 16 KiB at a time) made one long record
        // cost its length squared. Filled, a record is rescanned once per doubling: linear.
        while (len < buf.length) {
            const n = await source.read(buf, len, buf.length - len);
            if (n === 0) {
                eof = true;
                break;
            }
            len += n;
        }
        // Nothing is consumed until the first three bytes are in: a BOM may arrive split across reads.
        if (first && (len >= 3 || eof)) {
            first = false;
            if (len >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf)
                pos = 3;
        }
        if (!first)
            pos = consume(buf, pos, len, eof);
    }
}
/** 1-based byte column of `buf[at]`, looking back for a line feed no further than `from`. */
function byteColumn(buf, at, from) {
    let i = at - 1;
    while (i >= from && buf[i] !== 10)
        i--;
    return at - i;
}
//# sourceMappingURL=chunks.js.map
;// CONCATENATED MODULE: ./packages/core/lib/data/csv.js


const QUOTE = 34;
const LF = 10;
const CR = 13;
const INCOMPLETE = -1;
/** A header that names a column twice cannot be read by name: a UserError at the second one. */
function refuseDuplicateColumns(names, file, line) {
    const seen = new Set();
    for (const [i, n] of names.entries()) {
        if (seen.has(n))
            throw new UserError(`duplicate column name ${JSON.stringify(n)} in the header`, { file, line, column: i + 1 });
        seen.add(n);
    }
}
async function readCsv(source, file, handler, options = {}) {
    const delimiter = options.delimiter ?? ',';
    if (Buffer.byteLength(delimiter) !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
        throw new errors/* UserError */.y(`the CSV delimiter must be one byte other than a quote or a newline, got ${JSON.stringify(delimiter)}`, {
            file,
            input: 'delimiter',
        });
    }
    const parser = new CsvParser(file, delimiter.charCodeAt(0), handler);
    await readChunks(source, file, options, (buf, pos, len, eof) => parser.parse(buf, pos, len, eof), () => parser.line, ': is a quote left open?');
    return { records: parser.records, lines: parser.lastLine(), hasHeader: parser.headerSeen };
}
class CsvParser {
    line = 1;
    records = 0;
    headerSeen = false;
    starts = new Int32Array(64);
    ends = new Int32Array(64);
    escaped = new Uint8Array(64);
    endedWithNewline = true;
    stop = new Uint8Array(256);
    file;
    delim;
    handler;
    /** `headerSeen`: the bytes start after the header (a range of a file split for workers). */
    constructor(file, delim, handler, headerSeen = false) {
        this.headerSeen = headerSeen;
        this.file = file;
        this.delim = delim;
        this.handler = handler;
        this.stop[delim] = 1;
        this.stop[LF] = 1;
        this.stop[CR] = 1;
    }
    lastLine() {
        return this.endedWithNewline ? this.line - 1 : this.line;
    }
    /**
     * Reads every complete record in `buf[p, end)` that starts before `stopAt`; returns where the
     * first incomplete one (or the first at `stopAt` or after) starts.
     */
    parse(buf, p, end, eof, stopAt = end) {
        const d = this.delim;
        // Byte classes: 1 for the delimiter, LF and CR, so the field scan tests one table entry.
        const stop = this.stop;
        let starts = this.starts;
        let ends = this.ends;
        let escaped = this.escaped;
        let line = this.line;
        while (p < end && p < stopAt) {
            const recStart = p;
            const recLine = line;
            let c = buf[p];
            if (c === LF || c === CR) {
                // A blank line: skipped, but it still counts as a line.
                if (c === CR) {
                    if (p + 1 >= end && !eof)
                        break;
                    p += p + 1 < end && buf[p + 1] === LF ? 2 : 1;
                }
                else
                    p++;
                line++;
                continue;
            }
            let n = 0;
            let anyEscaped = 0;
            let next = 0;
            for (;;) {
                if (n === starts.length) {
                    this.grow();
                    starts = this.starts;
                    ends = this.ends;
                    escaped = this.escaped;
                }
                if (p < end && buf[p] === QUOTE) {
                    const q = p;
                    const qLine = line;
                    p++;
                    let esc = 0;
                    for (;;) {
                        if (p >= end) {
                            if (eof)
                                throw this.unterminated(buf, q, recStart, qLine);
                            next = INCOMPLETE;
                            break;
                        }
                        c = buf[p];
                        if (c === QUOTE) {
                            if (p + 1 >= end && !eof) {
                                next = INCOMPLETE;
                                break;
                            }
                            if (p + 1 < end && buf[p + 1] === QUOTE) {
                                esc = 1;
                                p += 2;
                                continue;
                            }
                            break;
                        }
                        if (c === LF)
                            line++;
                        p++;
                    }
                    if (next === INCOMPLETE)
                        break;
                    starts[n] = q + 1;
                    ends[n] = p;
                    escaped[n] = esc;
                    anyEscaped |= esc;
                    n++;
                    p++;
                    if (p >= end) {
                        if (!eof) {
                            next = INCOMPLETE;
                            break;
                        }
                        break;
                    }
                    c = buf[p];
                    if (c === d) {
                        p++;
                        continue;
                    }
                    if (c === LF || c === CR)
                        break;
                    throw this.afterQuote(buf, q, p, recStart, qLine, line);
                }
                else {
                    const s = p;
                    while (p < end && stop[buf[p]] === 0)
                        p++;
                    if (p >= end && !eof) {
                        next = INCOMPLETE;
                        break;
                    }
                    starts[n] = s;
                    ends[n] = p;
                    escaped[n] = 0;
                    n++;
                    if (p < end && buf[p] === d) {
                        p++;
                        continue;
                    }
                    break;
                }
            }
            if (next === INCOMPLETE) {
                this.line = recLine;
                return recStart;
            }
            // The record's terminator.
            if (p < end) {
                if (buf[p] === CR) {
                    if (p + 1 >= end && !eof) {
                        this.line = recLine;
                        return recStart;
                    }
                    p += p + 1 < end && buf[p + 1] === LF ? 2 : 1;
                }
                else
                    p++;
                line++;
                this.endedWithNewline = true;
            }
            else
                this.endedWithNewline = false;
            if (anyEscaped)
                this.unescape(buf, n);
            if (!this.headerSeen) {
                this.headerSeen = true;
                const names = [];
                for (let i = 0; i < n; i++)
                    names.push(buf.toString('utf8', starts[i], ends[i]));
                this.handler.header(names, recLine, p, line);
            }
            else {
                this.records++;
                this.handler.record(buf, starts, ends, n, recLine, recStart, p);
            }
        }
        this.line = line;
        return p;
    }
    grow() {
        const size = this.starts.length * 2;
        const starts = new Int32Array(size);
        starts.set(this.starts);
        const ends = new Int32Array(size);
        ends.set(this.ends);
        const escaped = new Uint8Array(size);
        escaped.set(this.escaped);
        this.starts = starts;
        this.ends = ends;
        this.escaped = escaped;
    }
    /** `""` to `"` in place: the text only shrinks, so writing behind the read position is safe. */
    unescape(buf, n) {
        for (let f = 0; f < n; f++) {
            if (!this.escaped[f])
                continue;
            let w = this.starts[f];
            const e = this.ends[f];
            for (let r = w; r < e; r++) {
                buf[w++] = buf[r];
                if (buf[r] === QUOTE)
                    r++;
            }
            this.ends[f] = w;
        }
    }
    unterminated(buf, q, recStart, qLine) {
        return new errors/* UserError */.y(`unterminated quoted field: the quote opened at line ${qLine} is never closed`, {
            file: this.file,
            line: qLine,
            column: byteColumn(buf, q, recStart),
        });
    }
    afterQuote(buf, q, at, recStart, qLine, line) {
        const ch = buf.toString('utf8', at, Math.min(at + 1, buf.length));
        const closed = line === qLine ? '' : ` (it closes at line ${line}: is a quote missing at line ${qLine}?)`;
        return new errors/* UserError */.y(`unexpected ${JSON.stringify(ch)} after the closing quote of a field opened at line ${qLine}${closed}; ` +
            'a quote inside a quoted field is written as ""', { file: this.file, line: qLine, column: byteColumn(buf, q, recStart) });
    }
}
/**
 * A record's text as it stands in the file, rebuilt from its fields: the parser unquotes `""` in
 * place, so the raw bytes no longer hold it. A field was quoted when its first byte follows a
 * quote (an unquoted field follows the delimiter or starts the record); quoting it again with
 * `"` doubled gives back the file's bytes. Stops after about `maxChars` characters.
 */
function recordText(buf, starts, ends, count, recStart, delimiter, maxChars = 200) {
    let out = '';
    for (let i = 0; i < count && out.length < maxChars; i++) {
        if (i > 0)
            out += delimiter;
        const text = buf.toString('utf8', starts[i], Math.min(ends[i], starts[i] + maxChars * 4));
        const quoted = starts[i] > recStart && buf[starts[i] - 1] === QUOTE;
        out += quoted ? `"${text.replace(/"/g, '""')}"` : text;
    }
    return out.length > maxChars ? out.slice(0, maxChars) : out;
}
//# sourceMappingURL=csv.js.map
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
;// CONCATENATED MODULE: ./packages/core/lib/data/source.js




const GZIP_MAGIC = (/* unused pure expression or super */ null && ([0x1f, 0x8b]));
const PARQUET_MAGIC = 'PAR1';
/** Reads a plain file into the caller's buffer: no chunk is allocated per read, so memory is flat. */
class FileSource {
    fh;
    constructor(fh) {
        this.fh = fh;
    }
    async read(buf, offset, length) {
        const { bytesRead } = await this.fh.read(buf, offset, length, null);
        return bytesRead;
    }
    close() {
        return this.fh.close();
    }
}
/** node:zlib's gunzip stream, pulled chunk by chunk so decompression never runs ahead of parsing. */
class GzipSource {
    iter;
    pending = null;
    stream;
    file;
    constructor(file) {
        this.file = file;
        const gunzip = createGunzip();
        const raw = createReadStream(file, { highWaterMark: 1 << 20 });
        raw.on('error', (e) => gunzip.destroy(e));
        this.stream = raw.pipe(gunzip);
        this.iter = this.stream[Symbol.asyncIterator]();
    }
    async read(buf, offset, length) {
        if (!this.pending || this.pending.length === 0) {
            let next;
            try {
                next = await this.iter.next();
            }
            catch (e) {
                throw new UserError(`cannot decompress gzip data: ${e.message}`, { file: this.file, cause: e });
            }
            if (next.done)
                return 0;
            this.pending = next.value;
        }
        const n = Math.min(length, this.pending.length);
        this.pending.copy(buf, offset, 0, n);
        this.pending = this.pending.subarray(n);
        return n;
    }
    async close() {
        this.stream.destroy();
    }
}
async function readHead(file, n) {
    let fh;
    try {
        fh = await open(file, 'r');
    }
    catch (e) {
        const code = e.code;
        throw new UserError(code === 'ENOENT' ? 'data file not found' : `cannot open data file: ${e.message}`, {
            file,
            cause: e,
        });
    }
    try {
        const buf = Buffer.alloc(n);
        const { bytesRead } = await fh.read(buf, 0, n, 0);
        return buf.subarray(0, bytesRead);
    }
    finally {
        await fh.close();
    }
}
function isGzip(head) {
    return head.length >= 2 && head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
}
/** Format from the name (a `.gz` suffix is looked through), else from the first bytes. */
function formatFromName(file) {
    const name = file.toLowerCase().replace(/\.gz$/, '');
    if (name.endsWith('.csv'))
        return 'csv';
    if (name.endsWith('.tsv') || name.endsWith('.tab'))
        return 'tsv';
    if (name.endsWith('.jsonl') || name.endsWith('.ndjson'))
        return 'jsonl';
    if (name.endsWith('.json'))
        return 'json';
    if (name.endsWith('.parquet') || name.endsWith('.pq'))
        return 'parquet';
    return undefined;
}
function formatFromBytes(head) {
    if (Buffer.from(head.subarray(0, 4)).toString('latin1') === PARQUET_MAGIC)
        return 'parquet';
    let i = 0;
    if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf)
        i = 3;
    while (i < head.length && (head[i] === 32 || head[i] === 9 || head[i] === 10 || head[i] === 13))
        i++;
    if (head[i] === 0x5b)
        return 'json';
    if (head[i] === 0x7b)
        return 'jsonl';
    return 'csv';
}
/**
 * Opens a data file: detects gzip by its magic bytes (not its name) and the format by its name or,
 * failing that, its first bytes.
 */
async function openData(file, format) {
    const raw = await readHead(file, 4096);
    const gzip = isGzip(raw);
    let fmt = format ?? formatFromName(file);
    if (fmt === 'parquet' || (!gzip && !fmt && formatFromBytes(raw) === 'parquet')) {
        if (gzip)
            throw new UserError('a gzip-compressed Parquet file is not supported', { file });
        return { file, format: 'parquet', gzip, source: null };
    }
    let source;
    let head;
    if (gzip) {
        const gz = new GzipSource(file);
        const peek = Buffer.allocUnsafe(4096);
        let n = 0;
        for (;;) {
            const got = await gz.read(peek, n, peek.length - n);
            if (got === 0 || (n += got) === peek.length)
                break;
        }
        head = peek.subarray(0, n);
        source = new PrefixedSource(head, gz);
    }
    else {
        head = raw;
        source = new FileSource(await open(file, 'r'));
    }
    fmt ??= formatFromBytes(head);
    // Many `.json` files are really JSON Lines: an object where an array should start says so.
    if (fmt === 'json' && !format && formatFromBytes(head) === 'jsonl')
        fmt = 'jsonl';
    return { file, format: fmt, gzip, source };
}
/** Replays bytes already taken from a source (for sniffing) before the rest of it. */
class PrefixedSource {
    prefix;
    rest;
    constructor(prefix, rest) {
        this.prefix = prefix;
        this.rest = rest;
    }
    async read(buf, offset, length) {
        if (this.prefix.length > 0) {
            const n = Math.min(length, this.prefix.length);
            this.prefix.copy(buf, offset, 0, n);
            this.prefix = this.prefix.subarray(n);
            return n;
        }
        return this.rest.read(buf, offset, length);
    }
    close() {
        return this.rest.close();
    }
}
/** Bytes already in memory as a source (tests, small inputs). */
function bufferSource(data) {
    let rest = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    return {
        async read(buf, offset, length) {
            const n = Math.min(length, rest.length);
            rest.copy(buf, offset, 0, n);
            rest = rest.subarray(n);
            return n;
        },
        async close() { },
    };
}
//# sourceMappingURL=source.js.map
// EXTERNAL MODULE: ./packages/core/lib/files/lenient-json.js
var lenient_json = __webpack_require__(58077);
// EXTERNAL MODULE: ./packages/core/lib/metrics/table.js
var table = __webpack_require__(51935);
;// CONCATENATED MODULE: ./packages/core/lib/plots/table.js





function tableFormat(file, text) {
    const name = file.toLowerCase();
    if (name.endsWith('.csv'))
        return 'csv';
    if (name.endsWith('.tsv') || name.endsWith('.tab'))
        return 'tsv';
    if (name.endsWith('.jsonl') || name.endsWith('.ndjson'))
        return 'jsonl';
    if (name.endsWith('.json'))
        return 'json';
    const start = text.replace(/^\uFEFF/, '').trimStart();
    if (start.startsWith('[') || start.startsWith('{'))
        return 'json';
    return (start.split('\n', 1)[0] ?? '').includes('\t') ? 'tsv' : 'csv';
}
async function readTable(text, file, options = {}) {
    const body = text.replace(/^\uFEFF/, '');
    if (body.trim() === '')
        throw new errors/* UserError */.y('the data file is empty', { file, line: 1, column: 1 });
    const format = tableFormat(file, body);
    if (format === 'csv' || format === 'tsv')
        return readDelimited(body, file, format === 'tsv' ? '\t' : ',');
    if (format === 'jsonl')
        return readJsonLines(body, file);
    return readJson(body, file, options);
}
async function readDelimited(text, file, delimiter) {
    let fields = [];
    let headerLine = 1;
    const rows = [];
    const lines = [];
    await readCsv(bufferSource(text), file, {
        header(names, line) {
            fields = names.map((n) => n.trim());
            headerLine = line;
            const seen = new Set();
            for (const [i, name] of fields.entries()) {
                if (seen.has(name))
                    throw new errors/* UserError */.y(`the column "${name}" appears twice in the header`, { file, line, column: 1 + i });
                seen.add(name);
            }
        },
        record(buf, starts, ends, count, line) {
            if (count !== fields.length) {
                throw new errors/* UserError */.y(`the row has ${count} cells, the header has ${fields.length}`, { file, line, column: 1 });
            }
            const row = {};
            for (let i = 0; i < count; i++)
                table_define(row, fields[i], (0,table/* cellValue */.O)(buf.toString('utf8', starts[i], ends[i])));
            rows.push(row);
            lines.push(line);
        },
    }, { delimiter });
    return {
        file,
        fields,
        rows,
        placeOf: (i) => ({ file, line: lines[i], column: 1 }),
        headerPlace: { file, line: headerLine, column: 1 },
    };
}
function readJsonLines(text, file) {
    const rows = [];
    const lines = [];
    text.split('\n').forEach((raw, i) => {
        if (raw.trim() === '')
            return;
        const value = (0,lenient_json/* parseJsonIn */.t)(raw, file, { firstLine: i + 1, what: `line ${i + 1}`, end: 'the end of the line' });
        if (!isRecord(value))
            throw new errors/* UserError */.y(`line ${i + 1} is not a JSON object (a record)`, { file, line: i + 1, column: 1 });
        rows.push(value);
        lines.push(i + 1);
    });
    return { file, fields: fieldsOf(rows), rows, placeOf: (i) => ({ file, line: lines[i], column: 1 }), headerPlace: { file, line: lines[0] ?? 1, column: 1 } };
}
function readJson(text, file, options) {
    const root = (0,lenient_json/* parseJsonIn */.t)(text, file);
    const path = [];
    let value = root;
    if (options.select !== undefined) {
        for (const key of options.select.split('.')) {
            if (!isRecord(value) || !Object.hasOwn(value, key)) {
                const keys = isRecord(value) ? Object.keys(value).join(', ') || 'none' : 'it is not an object';
                throw new errors/* UserError */.y(`select: "${options.select}" is not in the file (keys at ${path.join('.') || 'the top level'}: ${keys})`, {
                    file,
                    line: 1,
                    column: 1,
                });
            }
            value = value[key];
            path.push(key);
        }
    }
    // Lines are found only when a message needs one: a second pass over the text.
    let lines;
    const placeOf = (i) => {
        lines ??= elementLines(text, path);
        return { file, line: lines[i] ?? 1, column: 1 };
    };
    const table = (rows) => ({
        file,
        fields: fieldsOf(rows),
        rows,
        placeOf,
        // A getter: the scan for lines runs only if a message needs the place.
        get headerPlace() {
            return rows.length > 0 ? placeOf(0) : { file, line: 1, column: 1 };
        },
    });
    if (options.matrix && isRecord(value) && Object.hasOwn(value, 'matrix')) {
        return Object.assign(table([]), { matrix: readMatrix(value, file) });
    }
    if (Array.isArray(value))
        return table(recordsOf(value, file, placeOf));
    if (!isRecord(value)) {
        throw new errors/* UserError */.y(`expected records (an array of objects, or an object holding one), found ${describe(value)}`, { file, line: 1, column: 1 });
    }
    if (options.select === undefined) {
        const holders = Object.keys(value).filter((k) => Array.isArray(value[k]) && value[k].some(isRecord));
        if (holders.length === 1) {
            path.push(holders[0]);
            return table(recordsOf(value[holders[0]], file, placeOf));
        }
        if (holders.length > 1) {
            throw new errors/* UserError */.y(`the file holds several lists of records (${holders.join(', ')}): name one with \`select\``, { file, line: 1, column: 1 });
        }
    }
    return table(columnsOf(value, file, path));
}
function recordsOf(list, file, placeOf) {
    list.forEach((r, i) => {
        if (!isRecord(r))
            throw new errors/* UserError */.y(`record ${i + 1} is not an object (a record), it is ${describe(r)}`, placeOf(i));
    });
    return list;
}
/** `{"fpr": [...], "tpr": [...], "auc": 0.93}`: the equal-length arrays are columns, scalars are left out. */
function columnsOf(obj, file, path) {
    const where = path.length > 0 ? `"${path.join('.')}"` : 'the file';
    const columns = Object.keys(obj).filter((k) => Array.isArray(obj[k]));
    if (columns.length === 0) {
        throw new errors/* UserError */.y(`${where} holds no records: expected an array of objects, or columns such as {"x": [...], "y": [...]}`, { file, line: 1, column: 1 });
    }
    const length = obj[columns[0]].length;
    const rows = Array.from({ length }, () => ({}));
    for (const c of columns) {
        const values = obj[c];
        if (values.length !== length) {
            throw new errors/* UserError */.y(`the columns of ${where} differ in length: "${columns[0]}" has ${length} values, "${c}" has ${values.length}`, {
                file,
                line: 1,
                column: 1,
            });
        }
        values.forEach((v, i) => table_define(rows[i], c, v));
    }
    return rows;
}
function readMatrix(obj, file) {
    const at = { file, line: 1, column: 1 };
    const matrix = obj.matrix;
    if (!Array.isArray(matrix) || matrix.length === 0 || !matrix.every((r) => Array.isArray(r) && r.length === matrix.length)) {
        throw new errors/* UserError */.y('"matrix" must be a square list of rows of counts (rows: actual class, columns: predicted class)', at);
    }
    const counts = matrix.map((r) => r.map((c) => {
        if (typeof c !== 'number' || !Number.isFinite(c) || c < 0)
            throw new errors/* UserError */.y(`"matrix" holds ${describe(c)}, not a count`, at);
        return c;
    }));
    const labels = obj.labels === undefined ? counts.map((_, i) => String(i)) : obj.labels;
    if (!Array.isArray(labels) || labels.length !== counts.length || !labels.every((l) => typeof l === 'string' || typeof l === 'number')) {
        throw new errors/* UserError */.y(`"labels" must list the ${counts.length} class names, in the order of the matrix rows`, at);
    }
    return { labels: labels.map(String), counts };
}
/**
 * The line on which each element of the array at `path` (object keys from the top) starts: JSON.parse
 * keeps no positions, so the text is scanned once more, following only strings and brackets.
 */
function elementLines(text, path) {
    const lines = [];
    const stack = [];
    let line = 1;
    const atTarget = () => stack.length === path.length + 1 && stack.every((f, d) => (d === path.length ? f.array : !f.array && f.key === path[d]));
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (c === '\n') {
            line++;
            continue;
        }
        if (c === ' ' || c === '\t' || c === '\r' || c === ',' || c === ':') {
            const top = stack.at(-1);
            if (top && c === ',')
                top.array ? (top.expectValue = true) : (top.expectKey = true);
            continue;
        }
        const top = stack.at(-1);
        if (top?.array && top.expectValue) {
            top.expectValue = false;
            if (c !== ']' && atTarget())
                lines.push(line);
        }
        if (c === '"') {
            const start = i;
            for (i++; i < text.length && text[i] !== '"'; i++)
                if (text[i] === '\\')
                    i++;
            if (top && !top.array && top.expectKey) {
                top.expectKey = false;
                try {
                    top.key = JSON.parse(text.slice(start, i + 1));
                }
                catch {
                    top.key = undefined;
                }
            }
        }
        else if (c === '{')
            stack.push({ array: false, expectKey: true, expectValue: false });
        else if (c === '[')
            stack.push({ array: true, expectKey: false, expectValue: true });
        else if (c === '}' || c === ']')
            stack.pop();
    }
    return lines;
}
function fieldsOf(rows) {
    const fields = new Set();
    for (const r of rows)
        for (const k of Object.keys(r))
            fields.add(k);
    return [...fields];
}
function isRecord(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function table_define(row, key, value) {
    // An own property even for `__proto__`, as JSON.parse makes it.
    Object.defineProperty(row, key, { value, enumerable: true, writable: true, configurable: true });
}
function describe(v) {
    if (v === null)
        return 'null';
    if (Array.isArray(v))
        return 'an array';
    if (typeof v === 'object')
        return 'an object';
    if (typeof v === 'string')
        return JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v);
    return String(v);
}
//# sourceMappingURL=table.js.map

/***/ })

};
