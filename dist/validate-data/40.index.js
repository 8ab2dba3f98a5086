export const id = 40;
export const ids = [40,586];
export const modules = {

/***/ 5586:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  compilePattern: () => (/* binding */ compilePattern)
});

// EXTERNAL MODULE: ./node_modules/re2js/build/index.js
var build = __webpack_require__(2856);
;// CONCATENATED MODULE: ./packages/core/lib/data/byte-pattern.js
/**
 * Byte-level matchers for the patterns schemas mostly hold: a sequence of ASCII character classes
 * with repeats (`^[A-Z]{3}$`, `^\d+$`, `^[a-z0-9_-]+$`, `^\d{4}-\d{2}$`). RE2JS matches a JS
 * string, so every cell would first become one (a UTF-8 decode and an allocation per cell, most
 * of the cost of a pattern check on a million rows). These run on the cell's bytes, as a tiny
 * NFA (a bit per position of the pattern, so linear time like RE2).
 *
 * Only ASCII classes and literals are accepted (no `.`, no negated class, no flags, no
 * alternation or groups): each then stands for exactly one byte below 0x80, so a cell holding any
 * other byte (multi-byte UTF-8, or bytes that are not UTF-8 at all) cannot match, as RE2 says of
 * the decoded text. Anything else returns null and goes to RE2JS. pattern.property.test.ts checks
 * the two agree on random patterns and bytes.
 */
/** At most this many positions (one bit each in a 32-bit state set). */
const MAX_SLOTS = 30;
const META = new Set('\\.^$|?*+()[]{}'.split(''));
function range(cls, from, to) {
    for (let c = from; c <= to; c++)
        cls[c] = 1;
}
/** `\d`, `\w` and escaped punctuation: the class bytes of one escape, or null if unsupported. */
function byte_pattern_escape(ch, cls) {
    if (ch === 'd')
        range(cls, 48, 57);
    else if (ch === 'w') {
        range(cls, 48, 57);
        range(cls, 65, 90);
        range(cls, 97, 122);
        cls[95] = 1;
    }
    else if (/^[!-/:-@[-`{-~]$/.test(ch))
        cls[ch.charCodeAt(0)] = 1;
    else
        return false;
    return true;
}
/** Parses `[...]` at `i` (after the `[`); returns the index after `]`, or -1. */
function parseClass(src, i, cls) {
    if (src[i] === '^' || src[i] === ']')
        return -1;
    let prev = -1;
    while (i < src.length && src[i] !== ']') {
        let c;
        if (src[i] === '\\') {
            const ch = src[i + 1];
            if (ch === undefined)
                return -1;
            if (ch === 'd' || ch === 'w') {
                byte_pattern_escape(ch, cls);
                prev = -1;
                i += 2;
                continue;
            }
            if (!/^[!-/:-@[-`{-~]$/.test(ch))
                return -1;
            c = ch.charCodeAt(0);
            i += 2;
        }
        else if (src[i] === '-' && prev >= 0 && i + 1 < src.length && src[i + 1] !== ']') {
            let hi;
            if (src[i + 1] === '\\') {
                const ch = src[i + 2];
                if (ch === undefined || !/^[!-/:-@[-`{-~]$/.test(ch))
                    return -1;
                hi = ch.charCodeAt(0);
                i += 3;
            }
            else {
                hi = src.charCodeAt(i + 1);
                i += 2;
            }
            if (hi > 127 || hi < prev)
                return -1;
            range(cls, prev, hi);
            prev = -1;
            continue;
        }
        else {
            c = src.charCodeAt(i);
            if (c > 127 || src[i] === '[')
                return -1;
            i++;
        }
        cls[c] = 1;
        prev = c;
    }
    return i < src.length ? i + 1 : -1;
}
/** `?`, `*`, `+`, `{n}`, `{n,}`, `{n,m}` at `i`: [min, max, next index]; max -1 is unbounded. */
function parseRepeat(src, i) {
    const c = src[i];
    if (c === '?')
        return [0, 1, i + 1];
    if (c === '*')
        return [0, -1, i + 1];
    if (c === '+')
        return [1, -1, i + 1];
    if (c !== '{')
        return [1, 1, i];
    const m = /^\{(\d{1,3})(,(\d{0,3}))?\}/.exec(src.slice(i));
    if (!m)
        return null;
    const min = Number(m[1]);
    const max = m[2] === undefined ? min : m[3] === '' ? -1 : Number(m[3]);
    if (max !== -1 && max < min)
        return null;
    return [min, max, i + m[0].length];
}
/** The byte matcher for `source`, or null when it is not a sequence of ASCII classes. */
function compileBytePattern(source) {
    let i = 0;
    const anchoredStart = source.startsWith('^');
    if (anchoredStart)
        i++;
    let end = source.length;
    const anchoredEnd = end > i && source[end - 1] === '$' && source[end - 2] !== '\\';
    if (anchoredEnd)
        end--;
    const src = source.slice(0, end);
    const atoms = [];
    while (i < src.length) {
        const cls = new Uint8Array(128);
        const ch = src[i];
        if (ch === '[') {
            i = parseClass(src, i + 1, cls);
            if (i < 0)
                return null;
        }
        else if (ch === '\\') {
            if (i + 1 >= src.length || !byte_pattern_escape(src[i + 1], cls))
                return null;
            i += 2;
        }
        else {
            const c = src.charCodeAt(i);
            if (c > 127 || c < 32 || META.has(ch))
                return null;
            cls[c] = 1;
            i++;
        }
        const rep = parseRepeat(src, i);
        if (!rep)
            return null;
        // A lazy or possessive suffix (`+?`, `*+`) is left to RE2.
        if (rep[2] < src.length && (src[rep[2]] === '?' || src[rep[2]] === '+' || src[rep[2]] === '*') && rep[2] !== i)
            return null;
        atoms.push({ cls, min: rep[0], max: rep[1] });
        i = rep[2];
    }
    return byte_pattern_build(atoms, anchoredStart, anchoredEnd);
}
function byte_pattern_build(atoms, anchoredStart, anchoredEnd) {
    // Positions: an atom {n,m} is n required positions, then m-n optional ones or one looping one.
    const classes = [];
    const optional = [];
    const loops = [];
    for (const a of atoms) {
        for (let k = 0; k < a.min; k++) {
            classes.push(a.cls);
            optional.push(false);
            loops.push(false);
        }
        if (a.max === -1) {
            classes.push(a.cls);
            optional.push(true);
            loops.push(true);
        }
        else {
            for (let k = a.min; k < a.max; k++) {
                classes.push(a.cls);
                optional.push(true);
                loops.push(false);
            }
        }
        if (classes.length > MAX_SLOTS)
            return null;
    }
    const n = classes.length;
    const fixed = anchoredStart && anchoredEnd && !optional.includes(true);
    if (fixed) {
        // The common case (`^[A-Z]{3}$`): a length test and one class test per byte.
        return {
            test(buf, s, e) {
                if (e - s !== n)
                    return false;
                for (let k = 0; k < n; k++) {
                    const b = buf[s + k];
                    if (b > 127 || classes[k][b] === 0)
                        return false;
                }
                return true;
            },
        };
    }
    // The table for each byte: which positions accept it (bit k for position k).
    const accepts = new Uint32Array(256);
    for (let k = 0; k < n; k++)
        for (let b = 0; b < 128; b++)
            if (classes[k][b])
                accepts[b] |= 1 << k;
    let loopMask = 0;
    for (let k = 0; k < n; k++)
        if (loops[k])
            loopMask |= 1 << k;
    // closure[k]: the positions reachable from k by skipping optional ones (bit n is "matched").
    const closure = new Uint32Array(n + 1);
    for (let k = n; k >= 0; k--)
        closure[k] = (1 << k) | (k < n && optional[k] ? closure[k + 1] : 0);
    const close = (set) => {
        let out = 0;
        for (let k = 0; k <= n; k++)
            if (set & (1 << k))
                out |= closure[k];
        return out;
    };
    const start = closure[0];
    const done = 1 << n;
    return {
        test(buf, s, e) {
            let set = start;
            if (set & done && !anchoredEnd)
                return true;
            for (let i = s; i < e; i++) {
                const hit = set & accepts[buf[i]];
                // Each accepting position moves one on; a looping one may also stay.
                let next = close((hit << 1) | (hit & loopMask));
                if (!anchoredStart)
                    next |= start;
                if (next & done && !anchoredEnd)
                    return true;
                if (next === 0)
                    return false;
                set = next;
            }
            return (set & done) !== 0;
        },
    };
}
//# sourceMappingURL=byte-pattern.js.map
;// CONCATENATED MODULE: ./packages/core/lib/data/pattern.js


/** Distinct short values whose answer is kept: RE2JS costs some microseconds a value, a lookup far less. */
const CACHE_ENTRIES = 10_000;
const CACHE_TEXT_LENGTH = 256;
/**
 * Compiles a pattern; a syntax the linear-time engine does not accept throws with RE2's reason.
 * The answers for the first distinct short values are kept: columns with a pattern are most often
 * codes and categories that repeat.
 */
function compilePattern(source) {
    const re = build/* RE2JS */.L3.compile(source);
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
    const bytes = compileBytePattern(source);
    return {
        test,
        testBytes: bytes ? (buf, s, e) => bytes.test(buf, s, e) : (buf, s, e) => test(Buffer.from(buf.buffer, buf.byteOffset + s, e - s).toString('utf8')),
    };
}
//# sourceMappingURL=pattern.js.map

/***/ }),

/***/ 5040:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  loadSchema: () => (/* binding */ loadSchema)
});

// UNUSED EXPORTS: DATA_SCHEMA_JSON_SCHEMA, parseSchema

// EXTERNAL MODULE: ./packages/core/lib/errors.js
var errors = __webpack_require__(7706);
// EXTERNAL MODULE: ./packages/core/lib/files/contained.js
var contained = __webpack_require__(3748);
// EXTERNAL MODULE: ./node_modules/ajv/dist/ajv.js
var ajv = __webpack_require__(2463);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./packages/core/lib/files/yaml.js


/**
 * How many nodes aliases may add to a YAML document once expanded. `<<: *defaults` and a few
 * shared blocks add hundreds; a "billion laughs" file adds billions. The `yaml` library's own
 * `maxAliasCount` only weighs aliases that contain aliases, so 999 aliases of one large map pass
 * it and then cost gigabytes in whatever walks the value (flattening, the report).
 */
const MAX_ALIAS_EXPANSION = 100_000;
/** As for JSON (files/lenient-json.ts): deeper than this overflows the recursive walks that follow. */
const MAX_YAML_DEPTH = 100;
/** Alias nesting the library refuses beyond (its `maxAliasCount`); the expansion bound does the rest. */
const MAX_ALIAS_COUNT = 1000;
/**
 * `parseDocument` without the library's duplicate-key check, which compares each key with every
 * key before it: a mapping of 40,000 keys took 40 s. toJsBounded checks duplicates in one pass.
 */
function parseYamlDocument(text, options) {
    return (0,dist/* parseDocument */.Tp)(text, { ...options, uniqueKeys: false });
}
/**
 * `doc.toJS()` with the cost of aliases bounded: a document whose aliases expand to more than
 * `MAX_ALIAS_EXPANSION` nodes is a UserError at the alias that crosses the bound.
 */
function toJsBounded(doc, lineCounter, file, maxExpansion = MAX_ALIAS_EXPANSION) {
    const where = (node) => {
        const { line, col } = lineCounter.linePos(node?.range?.[0] ?? 0);
        return { file, line, column: col };
    };
    const walked = walk(doc, maxExpansion);
    if (walked?.duplicate)
        throw new errors/* UserError */.y('invalid YAML: Map keys must be unique', where(walked.duplicate));
    if (walked?.tooDeep) {
        throw new errors/* UserError */.y(`YAML nested deeper than ${MAX_YAML_DEPTH} levels`, where(walked.tooDeep));
    }
    const over = walked?.alias;
    if (over) {
        throw new errors/* UserError */.y(`YAML aliases expand to more than ${maxExpansion.toLocaleString('en-US')} nodes (the alias *${over.source} passes it); ` +
            'an anchor reused this often is refused as a resource exhaustion attack', where(over));
    }
    try {
        return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    }
    catch (e) {
        if (e instanceof ReferenceError)
            throw new errors/* UserError */.y(`invalid YAML: ${e.message}`, { ...where(undefined), cause: e });
        throw e;
    }
}
/**
 * Walks the document once (iteratively: a deep document must not overflow the stack) and returns
 * the first of: a key repeated in its mapping, a collection nested deeper than MAX_YAML_DEPTH, an
 * alias at which the nodes added by expanding aliases pass `max`. The expanded size of an
 * anchored node is computed once and reused, so nested aliases cost their size as a number, not
 * as a walk.
 */
function walk(doc, max) {
    const anchors = new Map();
    const sizes = new Map();
    let added = 0;
    // Post-order: a node's size is known once its children's are. Anchors are defined before use
    // (the library refuses forward aliases), and a document is walked in source order.
    const stack = [{ node: doc.contents, done: false, depth: 0 }];
    while (stack.length > 0) {
        const top = stack.pop();
        const node = top.node;
        if (node == null)
            continue;
        if ((0,dist/* isPair */.tO)(node)) {
            if (!top.done) {
                const depth = top.depth;
                stack.push({ node, done: true, depth }, { node: node.value, done: false, depth }, { node: node.key, done: false, depth });
            }
            continue;
        }
        const n = node;
        if ((0,dist/* isAlias */.Vj)(n)) {
            const target = anchors.get(n.source);
            const size = target ? (sizes.get(target) ?? 1) : 1;
            sizes.set(n, size);
            added += size;
            if (added > max)
                return { alias: n };
            continue;
        }
        if ((0,dist/* isCollection */.P3)(n) && !top.done) {
            const depth = top.depth + 1;
            if (depth > MAX_YAML_DEPTH)
                return { tooDeep: n };
            if ((0,dist/* isMap */.jh)(n)) {
                const keys = new Set();
                for (const pair of n.items) {
                    // As the library compares keys: scalars by value; `<<` may repeat (merge keys).
                    if (!(0,dist/* isScalar */.jn)(pair.key) || pair.key.value === '<<')
                        continue;
                    if (keys.has(pair.key.value))
                        return { duplicate: pair.key };
                    keys.add(pair.key.value);
                }
            }
            stack.push({ node: n, done: true, depth });
            for (let i = n.items.length - 1; i >= 0; i--)
                stack.push({ node: n.items[i], done: false, depth });
            continue;
        }
        let size = 1;
        if ((0,dist/* isCollection */.P3)(n)) {
            for (const item of n.items) {
                if ((0,dist/* isPair */.tO)(item))
                    size += (item.key ? (sizes.get(item.key) ?? 1) : 0) + (item.value ? (sizes.get(item.value) ?? 1) : 0);
                else
                    size += sizes.get(item) ?? 1;
            }
        }
        sizes.set(n, Math.min(size, Number.MAX_SAFE_INTEGER));
        if (n.anchor)
            anchors.set(n.anchor, n);
    }
    return undefined;
}
//# sourceMappingURL=yaml.js.map
;// CONCATENATED MODULE: ./packages/core/lib/files/yaml-schema.js




// One instance for every schema: compiling is the costly part, and allErrors lets a file's mistakes
// be listed together.
const yaml_schema_ajv = new ajv.Ajv({ allErrors: true, strict: false });
function compileYamlSchema(schema) {
    return yaml_schema_ajv.compile(schema);
}
/**
 * Parses YAML text with the bounds of files/yaml.ts (aliases, depth, duplicate keys). A syntax
 * error is a UserError at its line and column, said as `<invalid>: <the parser's first line>`.
 */
function readYamlFile(text, file, o = {}) {
    const lineCounter = new dist/* LineCounter */.HN();
    const doc = parseYamlDocument(text, { lineCounter, prettyErrors: false, ...(o.merge ? { merge: true } : {}) });
    const syntax = doc.errors[0];
    if (syntax) {
        const { line, col } = lineCounter.linePos(syntax.pos[0]);
        throw new errors/* UserError */.y(`${o.invalid ?? 'invalid YAML'}: ${syntax.message.split('\n')[0]}`, { file, line, column: col, cause: syntax });
    }
    const value = toJsBounded(doc, lineCounter, file);
    const contents = doc.contents;
    return {
        file,
        value,
        placeOf(path, key = false) {
            const offset = locate(contents, path, key);
            if (offset === undefined)
                return { file, line: 1, column: 1 };
            const { line, col } = lineCounter.linePos(offset);
            return { file, line, column: col };
        },
    };
}
/**
 * What the schema refuses in the file, in the order it is written. Of the branches of an
 * `anyOf`/`oneOf` only the ones that got deepest into the value are kept (a `{ drift: {method: x} }`
 * is about `method`, not about `drift` not being `false`), and the summary error is dropped.
 */
function schemaViolations(yaml, validate) {
    if (validate(yaml.value))
        return [];
    const errors = specific(validate.errors ?? []);
    const violations = errors.map((e) => {
        const path = pathOf(yaml.value, e.instancePath);
        const unknown = e.keyword === 'additionalProperties' ? String(e.params.additionalProperty) : undefined;
        const at = unknown === undefined ? path : [...path, unknown];
        const place = yaml.placeOf(at, unknown !== undefined);
        return { path: at, keyword: e.keyword, params: e.params, message: e.message ?? 'is invalid', place, offset: [place.line ?? 0, place.column ?? 0] };
    });
    // Stable: at one place, the schema's order.
    violations.sort((a, b) => a.offset[0] - b.offset[0] || a.offset[1] - b.offset[1]);
    return violations.map(({ offset: _, ...v }) => v);
}
/**
 * Reads a YAML file and checks it: the value (`{}` for an empty file), or a UserError at the first
 * violation (in the order the file is written), in the caller's words (`describe`).
 */
function parseYamlWithSchema(text, file, validate, describe, o = {}) {
    const read = readYamlFile(text, file, o);
    // An empty file is an empty mapping: every setting at its default.
    const yaml = { ...read, value: read.value ?? {} };
    const [first] = schemaViolations(yaml, validate);
    if (first)
        throw new errors/* UserError */.y(describe(first), first.place);
    return yaml;
}
/** The error objects worth showing: no anyOf/oneOf summaries, only the deepest of their branches. */
function specific(errors) {
    const summaries = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
    const dropped = new Set(summaries);
    for (const s of summaries) {
        const branches = errors.filter((e) => e !== s && e.schemaPath.startsWith(`${s.schemaPath}/`) && isWithin(e.instancePath, s.instancePath));
        const deepest = Math.max(...branches.map(depth));
        for (const b of branches)
            if (depth(b) < deepest)
                dropped.add(b);
    }
    const kept = errors.filter((e) => !dropped.has(e));
    return kept.length > 0 ? kept : errors.slice(0, 1);
}
// An unknown key is a mistake one level below the mapping ajv names.
const depth = (e) => (e.instancePath === '' ? 0 : e.instancePath.split('/').length - 1) + (e.keyword === 'additionalProperties' ? 1 : 0);
const isWithin = (path, parent) => path === parent || path.startsWith(`${parent}/`);
/** A JSON pointer as keys and indexes: a segment is an index where the value there is a list. */
function pathOf(value, pointer) {
    if (pointer === '')
        return [];
    const path = [];
    let current = value;
    for (const raw of pointer.slice(1).split('/')) {
        const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
        const index = Array.isArray(current) && /^\d+$/.test(segment) ? Number(segment) : undefined;
        path.push(index ?? segment);
        current = index !== undefined ? current[index] : current?.[segment];
    }
    return path;
}
/** Offset of the node at `path` (of its key when `key`), or of the deepest node found on the way. */
function locate(node, path, key) {
    let current = node;
    let offset = node?.range?.[0];
    for (const [i, segment] of path.entries()) {
        let next;
        let keyNode;
        if ((0,dist/* isMap */.jh)(current)) {
            const pair = current.items.find((p) => String(p.key?.value) === String(segment));
            if (!pair)
                break;
            next = pair.value;
            keyNode = pair.key;
        }
        else if ((0,dist/* isSeq */.oP)(current) && typeof segment === 'number') {
            next = current.items[segment];
        }
        else
            break;
        const last = i === path.length - 1;
        const target = last && key ? keyNode : (next ?? keyNode);
        offset = target?.range?.[0] ?? offset;
        current = next;
    }
    return offset;
}
//# sourceMappingURL=yaml-schema.js.map
// EXTERNAL MODULE: ./packages/core/lib/data/pattern.js + 1 modules
var pattern = __webpack_require__(5586);
// EXTERNAL MODULE: ./packages/core/lib/data/values.js
var values = __webpack_require__(2818);
;// CONCATENATED MODULE: ./packages/core/lib/data/schema.js





const DRIFT_METHODS = ['auto', 'psi', 'ks', 'wasserstein', 'jensen-shannon', 'chi-square', 'z'];
const driftSettings = {
    type: 'object',
    additionalProperties: false,
    properties: {
        method: { enum: DRIFT_METHODS },
        threshold: { type: 'number', exclusiveMinimum: 0 },
    },
};
const columnSchema = {
    type: 'object',
    additionalProperties: false,
    properties: {
        type: { enum: ['string', 'number', 'integer', 'boolean', 'date'] },
        nullable: { type: 'boolean' },
        min: { type: ['number', 'string'] },
        max: { type: ['number', 'string'] },
        enum: { type: 'array', minItems: 1, items: { type: ['string', 'number', 'boolean'] } },
        pattern: { type: 'string' },
        unique: { type: 'boolean' },
        mostly: { type: 'number', exclusiveMinimum: 0, maximum: 1 },
        severity: { enum: ['error', 'warning'] },
        drift: { anyOf: [{ const: false }, driftSettings] },
    },
};
/** The schema file's own JSON Schema (also usable by editors). */
const DATA_SCHEMA_JSON_SCHEMA = {
    type: 'object',
    additionalProperties: false,
    properties: {
        columns: { type: 'object', additionalProperties: { anyOf: [columnSchema, { type: 'null' }] } },
        rows: {
            type: 'object',
            additionalProperties: false,
            properties: { min: { type: 'integer', minimum: 0 }, max: { type: 'integer', minimum: 0 } },
        },
        strict: { type: 'boolean' },
        nulls: { type: 'array', items: { type: 'string' } },
        drift: {
            type: 'object',
            additionalProperties: false,
            properties: {
                ...driftSettings.properties,
                share: { type: 'number', exclusiveMinimum: 0, maximum: 1 },
                severity: { enum: ['error', 'warning'] },
                columns: { type: 'object', additionalProperties: { anyOf: [{ const: false }, driftSettings] } },
            },
        },
    },
};
const validate = compileYamlSchema(DATA_SCHEMA_JSON_SCHEMA);
function describe(v) {
    if (v.keyword === 'additionalProperties') {
        const parent = v.path.slice(0, -1);
        return `unknown key \`${String(v.path.at(-1))}\` in ${parent.length > 0 ? parent.join('.') : 'the schema'}`;
    }
    const at = v.path.length > 0 ? v.path.join('.') : 'the schema';
    if (v.keyword === 'enum')
        return `${at} must be one of ${v.params.allowedValues.join(', ')}`;
    return `${at} ${v.message}`;
}
/**
 * Parses and checks a data schema (YAML or JSON text). Every mistake is a UserError at the line
 * and column of the offending YAML node.
 */
function parseSchema(text, file = 'schema.yml') {
    const yaml = parseYamlWithSchema(text, file, validate, (v) => `invalid data schema: ${describe(v)}`, { invalid: 'the schema is not valid YAML' });
    const data = yaml.value;
    const schema = data;
    // Checks JSON Schema cannot express: regexes compile, bounds fit the column type.
    for (const [name, spec] of Object.entries(schema.columns ?? {})) {
        const col = spec ?? {};
        if (schema.columns)
            schema.columns[name] = col;
        const at = (key) => yaml.placeOf(['columns', name, key]);
        if (col.pattern !== undefined) {
            try {
                new RegExp(col.pattern, 'u');
            }
            catch (e) {
                throw new errors/* UserError */.y(`column ${name}: pattern is not a valid regular expression: ${e.message}`, at('pattern'));
            }
            try {
                (0,pattern.compilePattern)(col.pattern);
            }
            catch (e) {
                const reason = e.message.replace(/^error parsing regexp: /, '');
                throw new errors/* UserError */.y(`column ${name}: pattern cannot be matched in linear time (${reason}); ` +
                    'lookaround and backreferences are not supported, as they let one value take exponential time', at('pattern'));
            }
        }
        for (const key of ['min', 'max']) {
            const v = col[key];
            if (v === undefined)
                continue;
            if (col.type === 'date') {
                if (typeof v !== 'string' || Number.isNaN((0,values/* parseDateText */.hz)(v))) {
                    throw new errors/* UserError */.y(`column ${name}: ${key} must be an ISO date like 2024-01-31 for a date column`, at(key));
                }
            }
            else if (typeof v !== 'number') {
                throw new errors/* UserError */.y(`column ${name}: ${key} must be a number`, at(key));
            }
            else if (col.type === 'string' || col.type === 'boolean') {
                throw new errors/* UserError */.y(`column ${name}: ${key} applies to number, integer and date columns, not ${col.type}`, at(key));
            }
        }
        if (typeof col.min === 'number' && typeof col.max === 'number' && col.min > col.max) {
            throw new errors/* UserError */.y(`column ${name}: min (${col.min}) is greater than max (${col.max})`, at('min'));
        }
    }
    if (schema.rows?.min !== undefined && schema.rows.max !== undefined && schema.rows.min > schema.rows.max) {
        throw new errors/* UserError */.y('rows.min is greater than rows.max', yaml.placeOf(['rows', 'min']));
    }
    return schema;
}
async function loadSchema(file) {
    let text;
    try {
        text = await (0,contained/* readContained */.gu)(file, { input: 'schema' }, 'utf8');
    }
    catch (e) {
        if ((0,errors/* isUserError */.i)(e))
            throw new errors/* UserError */.y(e.message, { file, input: 'schema', cause: e });
        throw new errors/* UserError */.y(`cannot read the schema: ${e.message}`, { file, input: 'schema', cause: e });
    }
    return parseSchema(text, file);
}
//# sourceMappingURL=schema.js.map

/***/ })

};
