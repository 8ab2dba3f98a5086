export const id = 866;
export const ids = [866];
export const modules = {

/***/ 5866:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  loadSchema: () => (/* binding */ loadSchema)
});

// UNUSED EXPORTS: parseSchema

// EXTERNAL MODULE: ./packages/core/lib/errors.js
var errors = __webpack_require__(7706);
// EXTERNAL MODULE: ./packages/core/lib/files/contained.js
var contained = __webpack_require__(3748);
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



/**
 * A YAML file checked against a JSON Schema, each mistake placed at its YAML node: the one way the
 * config files (gates, plots, data schemas) are read. ajv finds what is wrong in the value; the
 * document's nodes say where it was written. The validators are ajv's, compiled ahead of time
 * (scripts/json-schema-validators.js), so reading a config file loads no ajv.
 */
/**
 * ajv's options for the config files' validators: every mistake of a file listed together, and no
 * refusal of keywords ajv does not know (the schemas are ours).
 */
const AJV_OPTIONS = { allErrors: true, strict: false };
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
;// CONCATENATED MODULE: ./packages/core/lib/data/data-schema.validate.js
const schema11 = { "type": "object", "additionalProperties": false, "properties": { "columns": { "type": "object", "additionalProperties": { "anyOf": [{ "type": "object", "additionalProperties": false, "properties": { "type": { "enum": ["string", "number", "integer", "boolean", "date"] }, "nullable": { "type": "boolean" }, "min": { "type": ["number", "string"] }, "max": { "type": ["number", "string"] }, "enum": { "type": "array", "minItems": 1, "items": { "type": ["string", "number", "boolean"] } }, "pattern": { "type": "string" }, "unique": { "type": "boolean" }, "mostly": { "type": "number", "exclusiveMinimum": 0, "maximum": 1 }, "severity": { "enum": ["error", "warning"] }, "drift": { "anyOf": [{ "const": false }, { "type": "object", "additionalProperties": false, "properties": { "method": { "enum": ["auto", "psi", "ks", "wasserstein", "jensen-shannon", "chi-square", "z"] }, "threshold": { "type": "number", "exclusiveMinimum": 0 } } }] } } }, { "type": "null" }] } }, "rows": { "type": "object", "additionalProperties": false, "properties": { "min": { "type": "integer", "minimum": 0 }, "max": { "type": "integer", "minimum": 0 } } }, "strict": { "type": "boolean" }, "nulls": { "type": "array", "items": { "type": "string" } }, "drift": { "type": "object", "additionalProperties": false, "properties": { "method": { "enum": ["auto", "psi", "ks", "wasserstein", "jensen-shannon", "chi-square", "z"] }, "threshold": { "type": "number", "exclusiveMinimum": 0 }, "share": { "type": "number", "exclusiveMinimum": 0, "maximum": 1 }, "severity": { "enum": ["error", "warning"] }, "columns": { "type": "object", "additionalProperties": { "anyOf": [{ "const": false }, { "type": "object", "additionalProperties": false, "properties": { "method": { "enum": ["auto", "psi", "ks", "wasserstein", "jensen-shannon", "chi-square", "z"] }, "threshold": { "type": "number", "exclusiveMinimum": 0 } } }] } } } } } };
const func2 = Object.prototype.hasOwnProperty;
function validate10(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
    let vErrors = null;
    let errors = 0;
    if (data && typeof data == "object" && !Array.isArray(data)) {
        for (const key0 in data) {
            if (!(((((key0 === "columns") || (key0 === "rows")) || (key0 === "strict")) || (key0 === "nulls")) || (key0 === "drift"))) {
                const err0 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
                if (vErrors === null) {
                    vErrors = [err0];
                }
                else {
                    vErrors.push(err0);
                }
                errors++;
            }
        }
        if (data.columns !== undefined) {
            let data0 = data.columns;
            if (data0 && typeof data0 == "object" && !Array.isArray(data0)) {
                for (const key1 in data0) {
                    let data1 = data0[key1];
                    const _errs6 = errors;
                    let valid2 = false;
                    const _errs7 = errors;
                    if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
                        for (const key2 in data1) {
                            if (!(func2.call(schema11.properties.columns.additionalProperties.anyOf[0].properties, key2))) {
                                const err1 = { instancePath: instancePath + "/columns/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/columns/additionalProperties/anyOf/0/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties" };
                                if (vErrors === null) {
                                    vErrors = [err1];
                                }
                                else {
                                    vErrors.push(err1);
                                }
                                errors++;
                            }
                        }
                        if (data1.type !== undefined) {
                            let data2 = data1.type;
                            if (!(((((data2 === "string") || (data2 === "number")) || (data2 === "integer")) || (data2 === "boolean")) || (data2 === "date"))) {
                                const err2 = { instancePath: instancePath + "/columns/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/type", schemaPath: "#/properties/columns/additionalProperties/anyOf/0/properties/type/enum", keyword: "enum", params: { allowedValues: schema11.properties.columns.additionalProperties.anyOf[0].properties.type.enum }, message: "must be equal to one of the allowed values" };
                                if (vErrors === null) {
                                    vErrors = [err2];
                                }
                                else {
                                    vErrors.push(err2);
                                }
                                errors++;
                            }
                        }
                        if (data1.nullable !== undefined) {
                            if (typeof data1.nullable !== "boolean") {
                                const err3 = { instancePath: instancePath + "/columns/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/nullable", schemaPath: "#/properties/columns/additionalProperties/anyOf/0/properties/nullable/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
                                if (vErrors === null) {
                                    vErrors = [err3];
                                }
                                else {
                                    vErrors.push(err3);
                                }
                                errors++;
                            }
                        }
                        if (data1.min !== undefined) {
                            let data4 = data1.min;
                            if ((!(typeof data4 == "number")) && (typeof data4 !== "string")) {
                                const err4 = { instancePath: instancePath + "/columns/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/min", schemaPath: "#/properties/columns/additionalProperties/anyOf/0/properties/min/type", keyword: "type", params: { type: schema11.properties.columns.additionalProperties.anyOf[0].properties.min.type }, message: "must be number,string" };
                                if (vErrors === null) {
                                    vErrors = [err4];
                                }
                                else {
                                    vErrors.push(err4);
                                }
                                errors++;
                            }
                        }
                        if (data1.max !== undefined) {
                            let data5 = data1.max;
                            if ((!(typeof data5 == "number")) && (typeof data5 !== "string")) {
                                const err5 = { instancePath: instancePath + "/columns/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/max", schemaPath: "#/properties/columns/additionalProperties/anyOf/0/properties/max/type", keyword: "type", params: { type: schema11.properties.columns.additionalProperties.anyOf[0].properties.max.type }, message: "must be number,string" };
                                if (vErrors === null) {
                                    vErrors = [err5];
                                }
                                else {
                                    vErrors.push(err5);
                                }
                                errors++;
                            }
                        }
                        if (data1.enum !== undefined) {
                            let data6 = data1.enum;
                            if (Array.isArray(data6)) {
                                if (data6.length < 1) {
                                    const err6 = { instancePath: instancePath + "/columns/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/enum", schemaPath: "#/properties/columns/additionalProperties/anyOf/0/properties/enum/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
                                    if (vErrors === null) {
                                        vErrors = [err6];
                                    }
                                    else {
                                        vErrors.push(err6);
                                    }
                                    errors++;
                                }
                                const len0 = data6.length;
                                for (let i0 = 0; i0 < len0; i0++) {
                                    let data7 = data6[i0];
                                    if (((typeof data7 !== "string") && (!(typeof data7 == "number"))) && (typeof data7 !== "boolean")) {
                                        const err7 = { instancePath: instancePath + "/columns/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/enum/" + i0, schemaPath: "#/properties/columns/additionalProperties/anyOf/0/properties/enum/items/type", keyword: "type", params: { type: schema11.properties.columns.additionalProperties.anyOf[0].properties.enum.items.type }, message: "must be string,number,boolean" };
                                        if (vErrors === null) {
                                            vErrors = [err7];
                                        }
                                        else {
                                            vErrors.push(err7);
                                        }
                                        errors++;
                                    }
                                }
                            }
                            else {
                                const err8 = { instancePath: instancePath + "/columns/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/enum", schemaPath: "#/properties/columns/additionalProperties/anyOf/0/properties/enum/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                                if (vErrors === null) {
                                    vErrors = [err8];
                                }
                                else {
                                    vErrors.push(err8);
                                }
                                errors++;
                            }
                        }
                        if (data1.pattern !== undefined) {
                            if (typeof data1.pattern !== "string") {
                                const err9 = { instancePath: instancePath + "/columns/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/pattern", schemaPath: "#/properties/columns/additionalProperties/anyOf/0/properties/pattern/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                if (vErrors === null) {
                                    vErrors = [err9];
                                }
                                else {
                                    vErrors.push(err9);
                                }
                                errors++;
                            }
                        }
                        if (data1.unique !== undefined) {
                            if (typeof data1.unique !== "boolean") {
                                const err10 = { instancePath: instancePath + "/columns/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/unique", schemaPath: "#/properties/columns/additionalProperties/anyOf/0/properties/unique/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
                                if (vErrors === null) {
                                    vErrors = [err10];
                                }
                                else {
                                    vErrors.push(err10);
                                }
                                errors++;
                            }
                        }
                        if (data1.mostly !== undefined) {
                            let data10 = data1.mostly;
                            if (typeof data10 == "number") {
                                if (data10 > 1 || isNaN(data10)) {
                                    const err11 = { instancePath: instancePath + "/columns/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/mostly", schemaPath: "#/properties/columns/additionalProperties/anyOf/0/properties/mostly/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1 }, message: "must be <= 1" };
                                    if (vErrors === null) {
                                        vErrors = [err11];
                                    }
                                    else {
                                        vErrors.push(err11);
                                    }
                                    errors++;
                                }
                                if (data10 <= 0 || isNaN(data10)) {
                                    const err12 = { instancePath: instancePath + "/columns/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/mostly", schemaPath: "#/properties/columns/additionalProperties/anyOf/0/properties/mostly/exclusiveMinimum", keyword: "exclusiveMinimum", params: { comparison: ">", limit: 0 }, message: "must be > 0" };
                                    if (vErrors === null) {
                                        vErrors = [err12];
                                    }
                                    else {
                                        vErrors.push(err12);
                                    }
                                    errors++;
                                }
                            }
                            else {
                                const err13 = { instancePath: instancePath + "/columns/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/mostly", schemaPath: "#/properties/columns/additionalProperties/anyOf/0/properties/mostly/type", keyword: "type", params: { type: "number" }, message: "must be number" };
                                if (vErrors === null) {
                                    vErrors = [err13];
                                }
                                else {
                                    vErrors.push(err13);
                                }
                                errors++;
                            }
                        }
                        if (data1.severity !== undefined) {
                            let data11 = data1.severity;
                            if (!((data11 === "error") || (data11 === "warning"))) {
                                const err14 = { instancePath: instancePath + "/columns/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/severity", schemaPath: "#/properties/columns/additionalProperties/anyOf/0/properties/severity/enum", keyword: "enum", params: { allowedValues: schema11.properties.columns.additionalProperties.anyOf[0].properties.severity.enum }, message: "must be equal to one of the allowed values" };
                                if (vErrors === null) {
                                    vErrors = [err14];
                                }
                                else {
                                    vErrors.push(err14);
                                }
                                errors++;
                            }
                        }
                        if (data1.drift !== undefined) {
                            let data12 = data1.drift;
                            const _errs29 = errors;
                            let valid6 = false;
                            const _errs30 = errors;
                            if (false !== data12) {
                                const err15 = { instancePath: instancePath + "/columns/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/drift", schemaPath: "#/properties/columns/additionalProperties/anyOf/0/properties/drift/anyOf/0/const", keyword: "const", params: { allowedValue: false }, message: "must be equal to constant" };
                                if (vErrors === null) {
                                    vErrors = [err15];
                                }
                                else {
                                    vErrors.push(err15);
                                }
                                errors++;
                            }
                            var _valid1 = _errs30 === errors;
                            valid6 = valid6 || _valid1;
                            if (!valid6) {
                                const _errs31 = errors;
                                if (data12 && typeof data12 == "object" && !Array.isArray(data12)) {
                                    for (const key3 in data12) {
                                        if (!((key3 === "method") || (key3 === "threshold"))) {
                                            const err16 = { instancePath: instancePath + "/columns/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/drift", schemaPath: "#/properties/columns/additionalProperties/anyOf/0/properties/drift/anyOf/1/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties" };
                                            if (vErrors === null) {
                                                vErrors = [err16];
                                            }
                                            else {
                                                vErrors.push(err16);
                                            }
                                            errors++;
                                        }
                                    }
                                    if (data12.method !== undefined) {
                                        let data13 = data12.method;
                                        if (!(((((((data13 === "auto") || (data13 === "psi")) || (data13 === "ks")) || (data13 === "wasserstein")) || (data13 === "jensen-shannon")) || (data13 === "chi-square")) || (data13 === "z"))) {
                                            const err17 = { instancePath: instancePath + "/columns/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/drift/method", schemaPath: "#/properties/columns/additionalProperties/anyOf/0/properties/drift/anyOf/1/properties/method/enum", keyword: "enum", params: { allowedValues: schema11.properties.columns.additionalProperties.anyOf[0].properties.drift.anyOf[1].properties.method.enum }, message: "must be equal to one of the allowed values" };
                                            if (vErrors === null) {
                                                vErrors = [err17];
                                            }
                                            else {
                                                vErrors.push(err17);
                                            }
                                            errors++;
                                        }
                                    }
                                    if (data12.threshold !== undefined) {
                                        let data14 = data12.threshold;
                                        if (typeof data14 == "number") {
                                            if (data14 <= 0 || isNaN(data14)) {
                                                const err18 = { instancePath: instancePath + "/columns/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/drift/threshold", schemaPath: "#/properties/columns/additionalProperties/anyOf/0/properties/drift/anyOf/1/properties/threshold/exclusiveMinimum", keyword: "exclusiveMinimum", params: { comparison: ">", limit: 0 }, message: "must be > 0" };
                                                if (vErrors === null) {
                                                    vErrors = [err18];
                                                }
                                                else {
                                                    vErrors.push(err18);
                                                }
                                                errors++;
                                            }
                                        }
                                        else {
                                            const err19 = { instancePath: instancePath + "/columns/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/drift/threshold", schemaPath: "#/properties/columns/additionalProperties/anyOf/0/properties/drift/anyOf/1/properties/threshold/type", keyword: "type", params: { type: "number" }, message: "must be number" };
                                            if (vErrors === null) {
                                                vErrors = [err19];
                                            }
                                            else {
                                                vErrors.push(err19);
                                            }
                                            errors++;
                                        }
                                    }
                                }
                                else {
                                    const err20 = { instancePath: instancePath + "/columns/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/drift", schemaPath: "#/properties/columns/additionalProperties/anyOf/0/properties/drift/anyOf/1/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                                    if (vErrors === null) {
                                        vErrors = [err20];
                                    }
                                    else {
                                        vErrors.push(err20);
                                    }
                                    errors++;
                                }
                                var _valid1 = _errs31 === errors;
                                valid6 = valid6 || _valid1;
                            }
                            if (!valid6) {
                                const err21 = { instancePath: instancePath + "/columns/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/drift", schemaPath: "#/properties/columns/additionalProperties/anyOf/0/properties/drift/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf" };
                                if (vErrors === null) {
                                    vErrors = [err21];
                                }
                                else {
                                    vErrors.push(err21);
                                }
                                errors++;
                            }
                            else {
                                errors = _errs29;
                                if (vErrors !== null) {
                                    if (_errs29) {
                                        vErrors.length = _errs29;
                                    }
                                    else {
                                        vErrors = null;
                                    }
                                }
                            }
                        }
                    }
                    else {
                        const err22 = { instancePath: instancePath + "/columns/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/columns/additionalProperties/anyOf/0/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                        if (vErrors === null) {
                            vErrors = [err22];
                        }
                        else {
                            vErrors.push(err22);
                        }
                        errors++;
                    }
                    var _valid0 = _errs7 === errors;
                    valid2 = valid2 || _valid0;
                    if (!valid2) {
                        const _errs37 = errors;
                        if (data1 !== null) {
                            const err23 = { instancePath: instancePath + "/columns/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/columns/additionalProperties/anyOf/1/type", keyword: "type", params: { type: "null" }, message: "must be null" };
                            if (vErrors === null) {
                                vErrors = [err23];
                            }
                            else {
                                vErrors.push(err23);
                            }
                            errors++;
                        }
                        var _valid0 = _errs37 === errors;
                        valid2 = valid2 || _valid0;
                    }
                    if (!valid2) {
                        const err24 = { instancePath: instancePath + "/columns/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/columns/additionalProperties/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf" };
                        if (vErrors === null) {
                            vErrors = [err24];
                        }
                        else {
                            vErrors.push(err24);
                        }
                        errors++;
                    }
                    else {
                        errors = _errs6;
                        if (vErrors !== null) {
                            if (_errs6) {
                                vErrors.length = _errs6;
                            }
                            else {
                                vErrors = null;
                            }
                        }
                    }
                }
            }
            else {
                const err25 = { instancePath: instancePath + "/columns", schemaPath: "#/properties/columns/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                if (vErrors === null) {
                    vErrors = [err25];
                }
                else {
                    vErrors.push(err25);
                }
                errors++;
            }
        }
        if (data.rows !== undefined) {
            let data15 = data.rows;
            if (data15 && typeof data15 == "object" && !Array.isArray(data15)) {
                for (const key4 in data15) {
                    if (!((key4 === "min") || (key4 === "max"))) {
                        const err26 = { instancePath: instancePath + "/rows", schemaPath: "#/properties/rows/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key4 }, message: "must NOT have additional properties" };
                        if (vErrors === null) {
                            vErrors = [err26];
                        }
                        else {
                            vErrors.push(err26);
                        }
                        errors++;
                    }
                }
                if (data15.min !== undefined) {
                    let data16 = data15.min;
                    if (!((typeof data16 == "number") && (!(data16 % 1) && !isNaN(data16)))) {
                        const err27 = { instancePath: instancePath + "/rows/min", schemaPath: "#/properties/rows/properties/min/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                        if (vErrors === null) {
                            vErrors = [err27];
                        }
                        else {
                            vErrors.push(err27);
                        }
                        errors++;
                    }
                    if (typeof data16 == "number") {
                        if (data16 < 0 || isNaN(data16)) {
                            const err28 = { instancePath: instancePath + "/rows/min", schemaPath: "#/properties/rows/properties/min/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                            if (vErrors === null) {
                                vErrors = [err28];
                            }
                            else {
                                vErrors.push(err28);
                            }
                            errors++;
                        }
                    }
                }
                if (data15.max !== undefined) {
                    let data17 = data15.max;
                    if (!((typeof data17 == "number") && (!(data17 % 1) && !isNaN(data17)))) {
                        const err29 = { instancePath: instancePath + "/rows/max", schemaPath: "#/properties/rows/properties/max/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                        if (vErrors === null) {
                            vErrors = [err29];
                        }
                        else {
                            vErrors.push(err29);
                        }
                        errors++;
                    }
                    if (typeof data17 == "number") {
                        if (data17 < 0 || isNaN(data17)) {
                            const err30 = { instancePath: instancePath + "/rows/max", schemaPath: "#/properties/rows/properties/max/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                            if (vErrors === null) {
                                vErrors = [err30];
                            }
                            else {
                                vErrors.push(err30);
                            }
                            errors++;
                        }
                    }
                }
            }
            else {
                const err31 = { instancePath: instancePath + "/rows", schemaPath: "#/properties/rows/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                if (vErrors === null) {
                    vErrors = [err31];
                }
                else {
                    vErrors.push(err31);
                }
                errors++;
            }
        }
        if (data.strict !== undefined) {
            if (typeof data.strict !== "boolean") {
                const err32 = { instancePath: instancePath + "/strict", schemaPath: "#/properties/strict/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
                if (vErrors === null) {
                    vErrors = [err32];
                }
                else {
                    vErrors.push(err32);
                }
                errors++;
            }
        }
        if (data.nulls !== undefined) {
            let data19 = data.nulls;
            if (Array.isArray(data19)) {
                const len1 = data19.length;
                for (let i1 = 0; i1 < len1; i1++) {
                    if (typeof data19[i1] !== "string") {
                        const err33 = { instancePath: instancePath + "/nulls/" + i1, schemaPath: "#/properties/nulls/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                        if (vErrors === null) {
                            vErrors = [err33];
                        }
                        else {
                            vErrors.push(err33);
                        }
                        errors++;
                    }
                }
            }
            else {
                const err34 = { instancePath: instancePath + "/nulls", schemaPath: "#/properties/nulls/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                if (vErrors === null) {
                    vErrors = [err34];
                }
                else {
                    vErrors.push(err34);
                }
                errors++;
            }
        }
        if (data.drift !== undefined) {
            let data21 = data.drift;
            if (data21 && typeof data21 == "object" && !Array.isArray(data21)) {
                for (const key5 in data21) {
                    if (!(((((key5 === "method") || (key5 === "threshold")) || (key5 === "share")) || (key5 === "severity")) || (key5 === "columns"))) {
                        const err35 = { instancePath: instancePath + "/drift", schemaPath: "#/properties/drift/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key5 }, message: "must NOT have additional properties" };
                        if (vErrors === null) {
                            vErrors = [err35];
                        }
                        else {
                            vErrors.push(err35);
                        }
                        errors++;
                    }
                }
                if (data21.method !== undefined) {
                    let data22 = data21.method;
                    if (!(((((((data22 === "auto") || (data22 === "psi")) || (data22 === "ks")) || (data22 === "wasserstein")) || (data22 === "jensen-shannon")) || (data22 === "chi-square")) || (data22 === "z"))) {
                        const err36 = { instancePath: instancePath + "/drift/method", schemaPath: "#/properties/drift/properties/method/enum", keyword: "enum", params: { allowedValues: schema11.properties.drift.properties.method.enum }, message: "must be equal to one of the allowed values" };
                        if (vErrors === null) {
                            vErrors = [err36];
                        }
                        else {
                            vErrors.push(err36);
                        }
                        errors++;
                    }
                }
                if (data21.threshold !== undefined) {
                    let data23 = data21.threshold;
                    if (typeof data23 == "number") {
                        if (data23 <= 0 || isNaN(data23)) {
                            const err37 = { instancePath: instancePath + "/drift/threshold", schemaPath: "#/properties/drift/properties/threshold/exclusiveMinimum", keyword: "exclusiveMinimum", params: { comparison: ">", limit: 0 }, message: "must be > 0" };
                            if (vErrors === null) {
                                vErrors = [err37];
                            }
                            else {
                                vErrors.push(err37);
                            }
                            errors++;
                        }
                    }
                    else {
                        const err38 = { instancePath: instancePath + "/drift/threshold", schemaPath: "#/properties/drift/properties/threshold/type", keyword: "type", params: { type: "number" }, message: "must be number" };
                        if (vErrors === null) {
                            vErrors = [err38];
                        }
                        else {
                            vErrors.push(err38);
                        }
                        errors++;
                    }
                }
                if (data21.share !== undefined) {
                    let data24 = data21.share;
                    if (typeof data24 == "number") {
                        if (data24 > 1 || isNaN(data24)) {
                            const err39 = { instancePath: instancePath + "/drift/share", schemaPath: "#/properties/drift/properties/share/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1 }, message: "must be <= 1" };
                            if (vErrors === null) {
                                vErrors = [err39];
                            }
                            else {
                                vErrors.push(err39);
                            }
                            errors++;
                        }
                        if (data24 <= 0 || isNaN(data24)) {
                            const err40 = { instancePath: instancePath + "/drift/share", schemaPath: "#/properties/drift/properties/share/exclusiveMinimum", keyword: "exclusiveMinimum", params: { comparison: ">", limit: 0 }, message: "must be > 0" };
                            if (vErrors === null) {
                                vErrors = [err40];
                            }
                            else {
                                vErrors.push(err40);
                            }
                            errors++;
                        }
                    }
                    else {
                        const err41 = { instancePath: instancePath + "/drift/share", schemaPath: "#/properties/drift/properties/share/type", keyword: "type", params: { type: "number" }, message: "must be number" };
                        if (vErrors === null) {
                            vErrors = [err41];
                        }
                        else {
                            vErrors.push(err41);
                        }
                        errors++;
                    }
                }
                if (data21.severity !== undefined) {
                    let data25 = data21.severity;
                    if (!((data25 === "error") || (data25 === "warning"))) {
                        const err42 = { instancePath: instancePath + "/drift/severity", schemaPath: "#/properties/drift/properties/severity/enum", keyword: "enum", params: { allowedValues: schema11.properties.drift.properties.severity.enum }, message: "must be equal to one of the allowed values" };
                        if (vErrors === null) {
                            vErrors = [err42];
                        }
                        else {
                            vErrors.push(err42);
                        }
                        errors++;
                    }
                }
                if (data21.columns !== undefined) {
                    let data26 = data21.columns;
                    if (data26 && typeof data26 == "object" && !Array.isArray(data26)) {
                        for (const key6 in data26) {
                            let data27 = data26[key6];
                            const _errs65 = errors;
                            let valid13 = false;
                            const _errs66 = errors;
                            if (false !== data27) {
                                const err43 = { instancePath: instancePath + "/drift/columns/" + key6.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/drift/properties/columns/additionalProperties/anyOf/0/const", keyword: "const", params: { allowedValue: false }, message: "must be equal to constant" };
                                if (vErrors === null) {
                                    vErrors = [err43];
                                }
                                else {
                                    vErrors.push(err43);
                                }
                                errors++;
                            }
                            var _valid2 = _errs66 === errors;
                            valid13 = valid13 || _valid2;
                            if (!valid13) {
                                const _errs67 = errors;
                                if (data27 && typeof data27 == "object" && !Array.isArray(data27)) {
                                    for (const key7 in data27) {
                                        if (!((key7 === "method") || (key7 === "threshold"))) {
                                            const err44 = { instancePath: instancePath + "/drift/columns/" + key6.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/drift/properties/columns/additionalProperties/anyOf/1/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key7 }, message: "must NOT have additional properties" };
                                            if (vErrors === null) {
                                                vErrors = [err44];
                                            }
                                            else {
                                                vErrors.push(err44);
                                            }
                                            errors++;
                                        }
                                    }
                                    if (data27.method !== undefined) {
                                        let data28 = data27.method;
                                        if (!(((((((data28 === "auto") || (data28 === "psi")) || (data28 === "ks")) || (data28 === "wasserstein")) || (data28 === "jensen-shannon")) || (data28 === "chi-square")) || (data28 === "z"))) {
                                            const err45 = { instancePath: instancePath + "/drift/columns/" + key6.replace(/~/g, "~0").replace(/\//g, "~1") + "/method", schemaPath: "#/properties/drift/properties/columns/additionalProperties/anyOf/1/properties/method/enum", keyword: "enum", params: { allowedValues: schema11.properties.drift.properties.columns.additionalProperties.anyOf[1].properties.method.enum }, message: "must be equal to one of the allowed values" };
                                            if (vErrors === null) {
                                                vErrors = [err45];
                                            }
                                            else {
                                                vErrors.push(err45);
                                            }
                                            errors++;
                                        }
                                    }
                                    if (data27.threshold !== undefined) {
                                        let data29 = data27.threshold;
                                        if (typeof data29 == "number") {
                                            if (data29 <= 0 || isNaN(data29)) {
                                                const err46 = { instancePath: instancePath + "/drift/columns/" + key6.replace(/~/g, "~0").replace(/\//g, "~1") + "/threshold", schemaPath: "#/properties/drift/properties/columns/additionalProperties/anyOf/1/properties/threshold/exclusiveMinimum", keyword: "exclusiveMinimum", params: { comparison: ">", limit: 0 }, message: "must be > 0" };
                                                if (vErrors === null) {
                                                    vErrors = [err46];
                                                }
                                                else {
                                                    vErrors.push(err46);
                                                }
                                                errors++;
                                            }
                                        }
                                        else {
                                            const err47 = { instancePath: instancePath + "/drift/columns/" + key6.replace(/~/g, "~0").replace(/\//g, "~1") + "/threshold", schemaPath: "#/properties/drift/properties/columns/additionalProperties/anyOf/1/properties/threshold/type", keyword: "type", params: { type: "number" }, message: "must be number" };
                                            if (vErrors === null) {
                                                vErrors = [err47];
                                            }
                                            else {
                                                vErrors.push(err47);
                                            }
                                            errors++;
                                        }
                                    }
                                }
                                else {
                                    const err48 = { instancePath: instancePath + "/drift/columns/" + key6.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/drift/properties/columns/additionalProperties/anyOf/1/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                                    if (vErrors === null) {
                                        vErrors = [err48];
                                    }
                                    else {
                                        vErrors.push(err48);
                                    }
                                    errors++;
                                }
                                var _valid2 = _errs67 === errors;
                                valid13 = valid13 || _valid2;
                            }
                            if (!valid13) {
                                const err49 = { instancePath: instancePath + "/drift/columns/" + key6.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/drift/properties/columns/additionalProperties/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf" };
                                if (vErrors === null) {
                                    vErrors = [err49];
                                }
                                else {
                                    vErrors.push(err49);
                                }
                                errors++;
                            }
                            else {
                                errors = _errs65;
                                if (vErrors !== null) {
                                    if (_errs65) {
                                        vErrors.length = _errs65;
                                    }
                                    else {
                                        vErrors = null;
                                    }
                                }
                            }
                        }
                    }
                    else {
                        const err50 = { instancePath: instancePath + "/drift/columns", schemaPath: "#/properties/drift/properties/columns/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                        if (vErrors === null) {
                            vErrors = [err50];
                        }
                        else {
                            vErrors.push(err50);
                        }
                        errors++;
                    }
                }
            }
            else {
                const err51 = { instancePath: instancePath + "/drift", schemaPath: "#/properties/drift/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                if (vErrors === null) {
                    vErrors = [err51];
                }
                else {
                    vErrors.push(err51);
                }
                errors++;
            }
        }
    }
    else {
        const err52 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
            vErrors = [err52];
        }
        else {
            vErrors.push(err52);
        }
        errors++;
    }
    validate10.errors = vErrors;
    return errors === 0;
}
const validate = validate10;
//# sourceMappingURL=data-schema.validate.js.map
// EXTERNAL MODULE: ./packages/core/lib/data/byte-pattern.js
var byte_pattern = __webpack_require__(4793);
// EXTERNAL MODULE: ./packages/core/lib/data/values.js
var values = __webpack_require__(2818);
;// CONCATENATED MODULE: ./packages/core/lib/data/schema.js






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
async function refuseNonLinear(pattern, column, place) {
    const { compilePattern } = await Promise.all(/* import() */[__webpack_require__.e(856), __webpack_require__.e(704)]).then(__webpack_require__.bind(__webpack_require__, 5704));
    try {
        compilePattern(pattern);
    }
    catch (e) {
        const reason = e.message.replace(/^error parsing regexp: /, '');
        throw new errors/* UserError */.y(`column ${column}: pattern cannot be matched in linear time (${reason}); ` +
            'lookaround and backreferences are not supported, as they let one value take exponential time', place);
    }
}
/**
 * Parses and checks a data schema (YAML or JSON text). Every mistake is a UserError at the line
 * and column of the offending YAML node. Async: a pattern the byte matcher does not take is
 * checked with RE2JS, which loads only then (a quarter of a megabyte to compile at start-up).
 */
async function parseSchema(text, file = 'schema.yml') {
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
            // The byte matcher's patterns are classes and repeats: linear, and RE2 syntax.
            if ((0,byte_pattern/* bytePattern */.j)(col.pattern) === null)
                await refuseNonLinear(col.pattern, name, at('pattern'));
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
