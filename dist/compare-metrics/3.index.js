export const id = 3;
export const ids = [3];
export const modules = {

/***/ 74003:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  renderCharts: () => (/* binding */ renderCharts)
});

// EXTERNAL MODULE: ./packages/core/lib/errors.js
var errors = __webpack_require__(57706);
// EXTERNAL MODULE: ./packages/core/lib/files/contained.js
var contained = __webpack_require__(73748);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./packages/core/lib/files/yaml-schema.js + 1 modules
var yaml_schema = __webpack_require__(16425);
;// CONCATENATED MODULE: ./packages/core/lib/plots/config.js



/**
 * `.mlci/plots.yml`: which charts of base against head a pull request gets.
 *
 *   plots:
 *     - id: loss                     # optional: the data file's name; letters, digits, . _ -
 *       title: Validation loss       # optional: the id
 *       template: linear             # linear | smooth | scatter | bar | bar-horizontal |
 *                                    # confusion | confusion-normalized (DVC's underscore
 *                                    # spellings are accepted too)
 *       data: logs/loss.json         # JSON, CSV or TSV, relative to the workspace
 *       select: train.loss           # optional: where the records are inside a JSON object
 *       x: epoch                     # linear/smooth: optional (the `step` field, else the
 *                                    # record's position); scatter: required; bar: the category
 *       y: loss                      # a field or a list of fields (one series each); optional:
 *                                    # every numeric field but x
 *       x-label: epoch               # optional axis titles (default: the field names)
 *       y-label: loss
 *     - template: confusion
 *       data: eval/predictions.csv
 *       actual: label                # default "actual"
 *       predicted: prediction        # default "predicted"
 *
 * Data files hold records: a JSON array of objects, a JSON object holding one such array (found
 * alone or named by `select`), a JSON object of equal-length columns (`{"fpr": [...], "tpr":
 * [...]}`, as scikit-learn's arrays are often dumped), or a CSV/TSV table with a header. A
 * confusion plot also takes a ready matrix: `{"labels": ["cat", "dog"], "matrix": [[5, 1], [2,
 * 7]]}`, rows the actual class and columns the predicted one (scikit-learn's confusion_matrix).
 * ROC and precision-recall curves are linear plots over fpr/tpr and recall/precision.
 */
const TEMPLATES = ['linear', 'smooth', 'scatter', 'bar', 'bar-horizontal', 'confusion', 'confusion-normalized'];
const ALIASES = { bar_horizontal: 'bar-horizontal', confusion_normalized: 'confusion-normalized' };
const field = { type: 'string', minLength: 1 };
const plotSchema = {
    type: 'object',
    additionalProperties: false,
    required: ['data'],
    properties: {
        id: { type: 'string', pattern: '^[A-Za-z0-9._-]{1,100}$' },
        title: { type: 'string' },
        template: { enum: [...TEMPLATES, ...Object.keys(ALIASES)] },
        data: field,
        select: field,
        x: field,
        y: { oneOf: [field, { type: 'array', items: field, minItems: 1 }] },
        'x-label': { type: 'string' },
        'y-label': { type: 'string' },
        actual: field,
        predicted: field,
    },
};
const KEYS = Object.keys(plotSchema.properties).join(', ');
const configSchema = {
    type: 'object',
    additionalProperties: false,
    properties: { plots: { type: ['array', 'null'], items: plotSchema } },
};
const validateConfig = (0,yaml_schema/* compileYamlSchema */.qh)(configSchema);
/** Reads a plots file; anything that does not fit the shape above is a UserError at its line. */
function parsePlotsConfig(text, file) {
    const yaml = (0,yaml_schema/* parseYamlWithSchema */.Ku)(text, file, validateConfig, (v) => `invalid plots config: ${describe(v)}`);
    const at = (path, key = false) => yaml.placeOf(path, key);
    const value = yaml.value;
    const raw = (value.plots ?? []);
    const ids = new Set();
    const plots = raw.map((p, i) => {
        const place = at(['plots', i]);
        const template = ALIASES[p.template ?? ''] ?? (p.template ?? 'linear');
        const id = p.id ?? uniqueId(defaultId(p.data), ids);
        if (ids.has(id))
            throw new errors/* UserError */.y(`invalid plots config: two plots have the id "${id}"`, at(['plots', i, 'id']));
        ids.add(id);
        if (template === 'scatter' && p.x === undefined) {
            throw new errors/* UserError */.y('invalid plots config: a scatter plot needs `x`', place);
        }
        if ((template === 'bar' || template === 'bar-horizontal') && p.x === undefined) {
            throw new errors/* UserError */.y('invalid plots config: a bar plot needs `x` (the field holding the categories)', place);
        }
        const data = external_node_path_.posix.normalize(p.data.replace(/\\/g, '/'));
        if (external_node_path_.posix.isAbsolute(data) || /^[A-Za-z]:/.test(data) || data === '..' || data.startsWith('../')) {
            throw new errors/* UserError */.y('invalid plots config: `data` must be a path inside the workspace', at(['plots', i, 'data']));
        }
        const plot = {
            id,
            title: p.title ?? id,
            template,
            data,
            y: p.y === undefined ? [] : Array.isArray(p.y) ? [...new Set(p.y)] : [p.y],
            actual: p.actual ?? 'actual',
            predicted: p.predicted ?? 'predicted',
            place,
        };
        if (p.select !== undefined)
            plot.select = p.select;
        if (p.x !== undefined)
            plot.x = p.x;
        if (p['x-label'] !== undefined)
            plot.xLabel = p['x-label'];
        if (p['y-label'] !== undefined)
            plot.yLabel = p['y-label'];
        return plot;
    });
    return { file, plots };
}
/** `logs/val loss.json` → `val_loss`: file names make ids that are also safe file names. */
function defaultId(data) {
    const base = external_node_path_.posix.basename(data.replace(/\\/g, '/')).replace(/\.[^.]*$/, '');
    const id = base
        .replace(/[^A-Za-z0-9._-]+/g, '_')
        .replace(/^[._]+/, '')
        .slice(0, 90);
    return id || 'plot';
}
function uniqueId(id, taken) {
    if (!taken.has(id))
        return id;
    for (let n = 2;; n++)
        if (!taken.has(`${id}-${n}`))
            return `${id}-${n}`;
}
function describe(v) {
    const { path, keyword } = v;
    const named = (p) => p.length === 0
        ? 'the top level'
        : p
            .map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`))
            .join('')
            .slice(1);
    const name = named(path);
    const isPlot = path.length === 2;
    if (keyword === 'additionalProperties') {
        const parent = path.slice(0, -1);
        const allowed = parent.length === 2 ? KEYS : 'plots';
        return `unknown setting "${String(path.at(-1))}" in ${named(parent)} (allowed: ${allowed})`;
    }
    if (keyword === 'required')
        return `${name} needs \`${String(v.params.missingProperty)}\` (the data file)`;
    if (keyword === 'enum')
        return `${name} must be one of ${TEMPLATES.join(', ')}`;
    if (path.at(-1) === 'id' && keyword === 'pattern')
        return `${name} may hold only letters, digits, ".", "_" and "-" (it names files)`;
    if (path.at(-1) === 'y' || path.at(-2) === 'y')
        return `${name} must be a field name or a list of field names`;
    if (isPlot && keyword === 'type')
        return `${name} must be a mapping of settings, e.g. { data: logs/loss.json }`;
    if (path.length === 1 && keyword === 'type')
        return '`plots` must be a list of plots (each item starting with "- ")';
    return `${name} ${v.message}`;
}
//# sourceMappingURL=config.js.map
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
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
        throw new errors/* UserError */.y(`expected records (an array of objects, or an object holding one), found ${table_describe(value)}`, { file, line: 1, column: 1 });
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
            throw new errors/* UserError */.y(`record ${i + 1} is not an object (a record), it is ${table_describe(r)}`, placeOf(i));
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
            throw new errors/* UserError */.y(`"matrix" holds ${table_describe(c)}, not a count`, at);
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
function table_describe(v) {
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
;// CONCATENATED MODULE: ./packages/core/lib/plots/data.js


/** More classes than this make an unreadable matrix (and a huge table in the fallback). */
const MAX_CLASSES = 60;
/**
 * Reads both sides of a plot's data. A broken head is the user's error (UserError naming the file,
 * line and column); a base that cannot be read or lacks a field only becomes a note, since a
 * missing baseline is never an error: the chart then shows head alone.
 */
async function loadPlotData(plot, input) {
    const headLabel = input.headLabel ?? 'head';
    let baseLabel = input.baseLabel ?? 'base';
    if (baseLabel === headLabel)
        baseLabel = `${baseLabel} (base)`;
    const confusion = plot.template === 'confusion' || plot.template === 'confusion-normalized';
    const options = { select: plot.select, matrix: confusion };
    const head = await readTable(input.head, plot.data, options);
    const notes = [];
    let base;
    if (input.base !== undefined) {
        try {
            base = await readTable(input.base, plot.data, options);
        }
        catch (e) {
            if (!(0,errors/* isUserError */.i)(e))
                throw e;
            notes.push(`The base version of ${plot.data} could not be read (${baseMessage(e)}): head alone is shown.`);
        }
    }
    const sides = base
        ? [
            [baseLabel, base],
            [headLabel, head],
        ]
        : [[headLabel, head]];
    return confusion ? confusionData(plot, sides, notes) : xyData(plot, sides, notes);
}
function baseMessage(e) {
    return e.line === undefined ? e.message : `line ${e.line}: ${e.message}`;
}
function xyData(plot, sides, notes) {
    const head = sides.at(-1)[1];
    // Without x: dvclive's `step` column when there is one, else the record's position (always the
    // position for DVC's plots, whose `step` is the index).
    const xField = plot.x ?? (!plot.xIndex && head.fields.includes('step') ? 'step' : undefined);
    if (xField !== undefined)
        requireField(head, xField, 'x');
    const yFields = plot.y.length > 0 ? plot.y : plot.yLast ? head.fields.slice(-1) : numericFields(head, xField);
    if (yFields.length === 0) {
        throw new errors/* UserError */.y(`no numeric field to plot${xField ? ` besides "${xField}"` : ''}: name one with \`y\` (fields: ${listFields(head)})`, head.headerPlace);
    }
    for (const y of yFields)
        requireField(head, y, 'y');
    const points = [];
    const xs = [];
    const revs = [];
    for (const [rev, table] of sides) {
        const isHead = table === head;
        if (!isHead && xField !== undefined && !table.fields.includes(xField)) {
            notes.push(`The base version of ${plot.data} has no field "${xField}": head alone is shown.`);
            continue;
        }
        let shown = false;
        for (const series of yFields) {
            if (!isHead && !table.fields.includes(series)) {
                notes.push(`The base version of ${plot.data} has no field "${series}".`);
                continue;
            }
            shown = true;
            table.rows.forEach((row, i) => {
                const x = xField === undefined ? i : row[xField];
                if (x === null || x === undefined)
                    return;
                if (typeof x !== 'number' && typeof x !== 'string') {
                    throw new errors/* UserError */.y(`record ${i + 1}: "${xField}" is ${table_describe(x)}, not a number or a label`, table.placeOf(i));
                }
                if (typeof x === 'number' && !Number.isFinite(x))
                    return;
                xs.push(x);
                points.push({ x, y: yValue(row[series], series, table, i), series, rev });
            });
        }
        if (shown)
            revs.push(rev);
    }
    const xType = typeOf(xs, plot.template === 'bar' || plot.template === 'bar-horizontal');
    if (xType !== 'quantitative')
        for (const p of points)
            p.x = String(p.x);
    const capped = xType === 'ordinal' ? capCategories(points, notes) : points;
    const drawn = plot.template === 'bar' || plot.template === 'bar-horizontal' ? capped : thin(capped, notes);
    return {
        kind: 'xy',
        xTitle: plot.xLabel ?? xField ?? 'step',
        yTitle: plot.yLabel ?? (yFields.length === 1 ? yFields[0] : 'value'),
        xType,
        series: yFields,
        revs,
        points: drawn,
        notes,
    };
}
/**
 * One chart of several data files (a DVC plot whose `y` names fields in more than one file): each
 * file's series keep their points, renamed by file (`train.json` alone when every file gives the
 * same field, `train.json: loss` otherwise). x must be numbers in all or labels in all.
 */
function mergeSources(plot, parts) {
    const sameFields = new Set(parts.flatMap((p) => p.data.series)).size === 1;
    const name = (label, field) => (sameFields ? label : `${label}: ${field}`);
    const series = parts.flatMap((p) => p.data.series.map((f) => name(p.label, f)));
    // Head is last in every part's revisions; a base shown for any file comes before it.
    const head = parts[0].data.revs.at(-1);
    const revs = [...new Set(parts.flatMap((p) => p.data.revs))].filter((r) => r !== head);
    if (head !== undefined)
        revs.push(head);
    const ordinal = parts.some((p) => p.data.xType !== 'quantitative');
    const types = new Set(parts.map((p) => p.data.xType));
    const points = parts.flatMap((p) => p.data.points.map((pt) => ({ ...pt, x: ordinal ? String(pt.x) : pt.x, series: name(p.label, pt.series) })));
    const xFields = new Set(parts.map((p) => p.data.xTitle));
    const fields = new Set(parts.flatMap((p) => p.data.series));
    return {
        kind: 'xy',
        xTitle: plot.xLabel ?? (xFields.size === 1 ? [...xFields][0] : 'x'),
        yTitle: plot.yLabel ?? (fields.size === 1 ? [...fields][0] : 'y'),
        xType: types.size === 1 ? [...types][0] : 'ordinal',
        series,
        revs,
        points,
        notes: parts.flatMap((p) => p.data.notes),
    };
}
/**
 * More categories than this make a chart no one can read, and vega's band layout overflows its
 * stack on a few thousand: the first ones met are drawn, and a note says how many were left out.
 */
const MAX_CATEGORIES = 200;
function capCategories(points, notes) {
    const kept = new Set();
    let total = 0;
    const seen = new Set();
    for (const p of points) {
        const x = String(p.x);
        if (seen.has(x))
            continue;
        seen.add(x);
        total++;
        if (kept.size < MAX_CATEGORIES)
            kept.add(x);
    }
    if (total <= MAX_CATEGORIES)
        return points;
    notes.push(`${total.toLocaleString('en')} categories: the first ${MAX_CATEGORIES} are drawn, ${(total - MAX_CATEGORIES).toLocaleString('en')} are left out.`);
    return points.filter((p) => kept.has(String(p.x)));
}
/** More points than this on one curve add nothing a chart can show, only seconds and megabytes. */
const MAX_CURVE_POINTS = 5000;
/** Keeps every k-th point (and the last) of a curve longer than MAX_CURVE_POINTS, saying so. */
function thin(points, notes) {
    const groups = new Map();
    for (const p of points) {
        const key = `${p.series}\u0000${p.rev}`;
        let g = groups.get(key);
        if (!g)
            groups.set(key, (g = []));
        g.push(p);
    }
    if ([...groups.values()].every((g) => g.length <= MAX_CURVE_POINTS))
        return points;
    const out = [];
    for (const g of groups.values()) {
        if (g.length <= MAX_CURVE_POINTS) {
            for (const p of g)
                out.push(p);
            continue;
        }
        const k = Math.ceil(g.length / MAX_CURVE_POINTS);
        for (let i = 0; i < g.length; i += k)
            out.push(g[i]);
        if ((g.length - 1) % k !== 0)
            out.push(g[g.length - 1]);
        notes.push(`${g[0].series} (${g[0].rev}) has ${g.length.toLocaleString('en')} points: 1 in ${k} is drawn.`);
    }
    return out;
}
function yValue(v, field, table, i) {
    if (v === null || v === undefined)
        return null;
    if (typeof v === 'number')
        return Number.isFinite(v) ? v : null;
    if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)))
        return Number(v);
    throw new errors/* UserError */.y(`record ${i + 1}: "${field}" is ${table_describe(v)}, not a number`, table.placeOf(i));
}
/** Numbers on a linear scale, ISO dates in time, anything else as labels in the order met. */
function typeOf(xs, categorical) {
    if (categorical)
        return 'ordinal';
    if (xs.every((x) => typeof x === 'number'))
        return 'quantitative';
    if (xs.every((x) => typeof x === 'string' && /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(x))) {
        return 'temporal';
    }
    return 'ordinal';
}
function numericFields(table, except) {
    return table.fields.filter((f) => f !== except &&
        table.rows.some((r) => typeof r[f] === 'number') &&
        table.rows.every((r) => r[f] === null || r[f] === undefined || typeof r[f] === 'number'));
}
function requireField(table, field, role) {
    if (table.fields.includes(field))
        return;
    if (table.rows.length === 0)
        throw new errors/* UserError */.y(`there are no records, so no field "${field}" (${role})`, table.headerPlace);
    throw new errors/* UserError */.y(`no field "${field}" (${role}); the fields are: ${listFields(table)}`, table.headerPlace);
}
function listFields(table) {
    const shown = table.fields.slice(0, 20).map((f) => JSON.stringify(f));
    return (shown.join(', ') || 'none') + (table.fields.length > 20 ? ', …' : '');
}
function confusionData(plot, sides, notes) {
    const head = sides.at(-1)[1];
    const counted = [];
    const labels = new Set();
    let ordered;
    for (const [rev, table] of sides) {
        try {
            const counts = countPairs(plot, table);
            for (const [a, row] of counts) {
                labels.add(a);
                for (const p of row.keys())
                    labels.add(p);
            }
            if (table.matrix && table === head)
                ordered = table.matrix.labels;
            counted.push([rev, counts]);
        }
        catch (e) {
            if (table === head || !(0,errors/* isUserError */.i)(e))
                throw e;
            notes.push(`The base version of ${plot.data} could not be read (${baseMessage(e)}): head alone is shown.`);
        }
    }
    // A ready matrix's order is the user's; counted labels sort naturally (2 before 10).
    const order = [...(ordered ?? []), ...[...labels].filter((l) => !ordered?.includes(l)).sort(naturalOrder)];
    if (order.length > MAX_CLASSES) {
        throw new errors/* UserError */.y(`${order.length} classes are too many for a confusion matrix (at most ${MAX_CLASSES})`, head.headerPlace);
    }
    const cells = [];
    for (const [rev, counts] of counted) {
        for (const actual of order) {
            const row = counts.get(actual);
            let total = 0;
            for (const n of row?.values() ?? [])
                total += n;
            for (const predicted of order) {
                const count = row?.get(predicted) ?? 0;
                cells.push({ rev, actual, predicted, count, share: total === 0 ? 0 : count / total });
            }
        }
    }
    return {
        kind: 'confusion',
        normalized: plot.template === 'confusion-normalized',
        labels: order,
        revs: counted.map(([rev]) => rev),
        cells,
        notes,
    };
}
function countPairs(plot, table) {
    const counts = new Map();
    const add = (a, p, n) => {
        let row = counts.get(a);
        if (!row)
            counts.set(a, (row = new Map()));
        row.set(p, (row.get(p) ?? 0) + n);
    };
    if (table.matrix) {
        const { labels, counts: m } = table.matrix;
        labels.forEach((a, i) => labels.forEach((p, j) => add(a, p, m[i][j])));
        return counts;
    }
    requireField(table, plot.actual, 'actual');
    requireField(table, plot.predicted, 'predicted');
    table.rows.forEach((row, i) => {
        const a = label(row[plot.actual], plot.actual, table, i);
        const p = label(row[plot.predicted], plot.predicted, table, i);
        if (a !== undefined && p !== undefined)
            add(a, p, 1);
    });
    return counts;
}
function label(v, field, table, i) {
    if (v === null || v === undefined)
        return undefined;
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
        return String(v);
    throw new errors/* UserError */.y(`record ${i + 1}: "${field}" is ${table_describe(v)}, not a class label`, table.placeOf(i));
}
const collator = new Intl.Collator('en', { numeric: true });
function naturalOrder(a, b) {
    const na = Number(a);
    const nb = Number(b);
    if (a.trim() !== '' && b.trim() !== '' && Number.isFinite(na) && Number.isFinite(nb))
        return na - nb;
    return collator.compare(a, b);
}
//# sourceMappingURL=data.js.map
// EXTERNAL MODULE: ./packages/core/lib/plots/fallback.js
var fallback = __webpack_require__(99434);
// EXTERNAL MODULE: ./packages/core/lib/plots/render.js
var render = __webpack_require__(63924);
// EXTERNAL MODULE: ./packages/core/lib/plots/spec.js
var plots_spec = __webpack_require__(36355);
;// CONCATENATED MODULE: ./packages/core/lib/plots/run.js







/**
 * Draws every plot of a config: writes `<id>.png`, `<id>.svg` and `<id>.vl.json` into `outDir`
 * and returns their paths as `relDir/<file>` (outDir is `<report dir>/<relDir>`), ready for a
 * section's `images`. Plots are drawn one after another: rendering is CPU-bound, and resvg's wasm
 * is single-threaded anyway.
 */
async function renderPlots(config, loadData, outDir, relDir, options = {}) {
    if (config.plots.length === 0)
        return [];
    void (0,render/* prepareRenderer */.hp)(options);
    await (0,promises_.mkdir)(outDir, { recursive: true });
    const out = [];
    for (const plot of config.plots) {
        const data = await readPlot(plot, loadData, options, config.file);
        const spec = (0,plots_spec/* buildPlotSpec */.Nb)(plot, data);
        const { svg, png } = await (0,render/* renderChart */.xt)(spec, options);
        const files = { png: `${plot.id}.png`, svg: `${plot.id}.svg`, spec: `${plot.id}.vl.json` };
        await (0,promises_.writeFile)((0,external_node_path_.join)(outDir, files.png), png);
        await (0,promises_.writeFile)((0,external_node_path_.join)(outDir, files.svg), svg);
        await (0,promises_.writeFile)((0,external_node_path_.join)(outDir, files.spec), JSON.stringify(spec) + '\n');
        const rel = (f) => (relDir ? external_node_path_.posix.join(relDir.replace(/\\/g, '/'), f) : f);
        out.push({
            id: plot.id,
            title: plot.title,
            png: rel(files.png),
            svg: rel(files.svg),
            spec: rel(files.spec),
            fallback: (0,fallback/* chartFallback */.f)(plot, data),
            alt: altText(plot, data),
            notes: data.notes,
            hasBase: data.revs.length > 1,
        });
    }
    return out;
}
async function readPlot(plot, loadData, options, configFile) {
    if (!plot.sources || plot.sources.length < 2)
        return readOne(plot, loadData, options, configFile);
    const parts = [];
    for (const s of plot.sources) {
        const one = { ...plot, data: s.data, x: s.x, y: s.y, sources: undefined };
        const data = await readOne(one, loadData, options, configFile);
        if (data.kind !== 'xy')
            throw new errors/* UserError */.y(`plot "${plot.id}": a confusion matrix is drawn from one data file`, { ...plot.place, file: configFile });
        parts.push({ label: s.label, data });
    }
    return mergeSources(plot, parts);
}
async function readOne(plot, loadData, options, configFile) {
    const head = await loadData(plot.data, 'head');
    if (head === undefined) {
        throw new errors/* UserError */.y(`plot "${plot.id}": its data file ${plot.data} does not exist`, { ...plot.place, file: configFile });
    }
    let base;
    let baseProblem;
    try {
        base = await loadData(plot.data, 'base');
    }
    catch (e) {
        // A baseline that cannot be fetched is never an error: the chart shows head alone.
        baseProblem = `The base version of ${plot.data} could not be fetched (${e.message}): head alone is shown.`;
    }
    let data;
    try {
        data = await loadPlotData(plot, { head, base, baseLabel: options.baseLabel, headLabel: options.headLabel });
    }
    catch (e) {
        // The data file's place stays (it is where the field is missing); the message names the plot
        // and where it is defined, so a field misspelt in the config is found there too.
        if (!(0,errors/* isUserError */.i)(e) || e.file !== plot.data || plot.place.line === undefined)
            throw e;
        throw new errors/* UserError */.y(`plot "${plot.title}" (${configFile}:${plot.place.line}): ${e.message}`, { file: e.file, line: e.line, column: e.column, cause: e });
    }
    if (baseProblem)
        data.notes.unshift(baseProblem);
    return data;
}
function altText(plot, data) {
    const kind = plot.template.startsWith('confusion') ? 'confusion matrix' : `${plot.template.replace('-', ' ')} chart`;
    return `${plot.title} (${kind}, ${data.revs.join(' vs ')})`;
}
//# sourceMappingURL=run.js.map
// EXTERNAL MODULE: ./packages/core/lib/section/escape.js + 1 modules
var section_escape = __webpack_require__(41189);
;// CONCATENATED MODULE: ./packages/core/lib/compare-metrics/charts.js





/**
 * The charts of `.mlci/plots.yml`, base against head: PNGs the comment shows (comment-report
 * publishes them, or puts each one's mermaid/table fallback in its place), SVGs and vega-lite specs
 * beside them in the report bundle. A head data file that is missing or broken is the user's error;
 * a base that is missing or unreadable only leaves head alone in the chart.
 */
async function renderCharts(o) {
    const config = typeof o.plots === 'string' ? await readPlotsFile(o.plots, o.workspace) : o.plots;
    const readHead = async (path) => {
        try {
            return await (0,contained/* readContained */.gu)(path, { input: 'plots', boundary: { ...(0,contained/* defaultBoundary */.Yx)(), workspace: o.workspace } }, 'utf8');
        }
        catch (e) {
            if (e.code === 'ENOENT')
                return undefined;
            throw e;
        }
    };
    const rendered = await renderPlots(config, async (path, side) => (side === 'head' ? readHead(path) : (await o.readBase(path))?.toString('utf8')), o.outDir, o.relDir, o.baseName ? { baseLabel: `base (${o.baseName})` } : {});
    const parts = rendered.map((p) => {
        const notes = p.notes.length > 0 ? `\n\n<sub>${p.notes.map(section_escape/* escapeHtml */.ZD).join(' ')}</sub>` : '';
        return `**${(0,section_escape/* escapeText */.X1)(p.title)}**\n\n![${(0,section_escape/* escapeText */.X1)(p.alt)}](${p.png})${notes}`;
    });
    return {
        markdown: parts.join('\n\n'),
        images: rendered.map((p) => ({ path: p.png, alt: p.alt, fallback: p.fallback })),
        dataFiles: [...new Set(config.plots.flatMap((p) => (p.sources ?? [p]).map((s) => s.data)))],
    };
}
async function readPlotsFile(plots, workspace) {
    let text;
    try {
        text = await (0,contained/* readContained */.gu)(plots, { input: 'plots', boundary: { ...(0,contained/* defaultBoundary */.Yx)(), workspace } }, 'utf8');
    }
    catch (e) {
        if (e.code === 'ENOENT')
            throw new errors/* UserError */.y(`input "plots": file "${plots}" does not exist`, { input: 'plots' });
        throw e;
    }
    return parsePlotsConfig(text, plots);
}
//# sourceMappingURL=charts.js.map

/***/ })

};
