export const id = 290;
export const ids = [290];
export const modules = {

/***/ 95290:
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
;// CONCATENATED MODULE: ./packages/core/lib/plots/config-schema.js
/**
 * The JSON Schema of `.mlci/plots.yml` (config.ts). Its validator is compiled ahead of time into
 * config-schema.validate.ts by scripts/json-schema-validators.js, so no action loads ajv.
 */
const TEMPLATES = ['linear', 'smooth', 'scatter', 'bar', 'bar-horizontal', 'confusion', 'confusion-normalized'];
/** DVC's spellings of two templates. */
const ALIASES = { bar_horizontal: 'bar-horizontal', confusion_normalized: 'confusion-normalized' };
const field = { type: 'string', minLength: 1 };
const PLOT_JSON_SCHEMA = {
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
const PLOTS_CONFIG_JSON_SCHEMA = {
    type: 'object',
    additionalProperties: false,
    properties: { plots: { type: ['array', 'null'], items: PLOT_JSON_SCHEMA } },
};
//# sourceMappingURL=config-schema.js.map
// EXTERNAL MODULE: ./node_modules/ajv/dist/runtime/ucs2length.js
var ucs2length = __webpack_require__(36214);
;// CONCATENATED MODULE: ./packages/core/lib/plots/config-schema.validate.js

const func3 = ucs2length["default"] ?? ucs2length;
const schema11 = { "type": "object", "additionalProperties": false, "properties": { "plots": { "type": ["array", "null"], "items": { "type": "object", "additionalProperties": false, "required": ["data"], "properties": { "id": { "type": "string", "pattern": "^[A-Za-z0-9._-]{1,100}$" }, "title": { "type": "string" }, "template": { "enum": ["linear", "smooth", "scatter", "bar", "bar-horizontal", "confusion", "confusion-normalized", "bar_horizontal", "confusion_normalized"] }, "data": { "type": "string", "minLength": 1 }, "select": { "type": "string", "minLength": 1 }, "x": { "type": "string", "minLength": 1 }, "y": { "oneOf": [{ "type": "string", "minLength": 1 }, { "type": "array", "items": { "type": "string", "minLength": 1 }, "minItems": 1 }] }, "x-label": { "type": "string" }, "y-label": { "type": "string" }, "actual": { "type": "string", "minLength": 1 }, "predicted": { "type": "string", "minLength": 1 } } } } } };
const func2 = Object.prototype.hasOwnProperty;
const pattern0 = new RegExp("^[A-Za-z0-9._-]{1,100}$", "u");
function validate10(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
    let vErrors = null;
    let errors = 0;
    if (data && typeof data == "object" && !Array.isArray(data)) {
        for (const key0 in data) {
            if (!(key0 === "plots")) {
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
        if (data.plots !== undefined) {
            let data0 = data.plots;
            if ((!(Array.isArray(data0))) && (data0 !== null)) {
                const err1 = { instancePath: instancePath + "/plots", schemaPath: "#/properties/plots/type", keyword: "type", params: { type: schema11.properties.plots.type }, message: "must be array,null" };
                if (vErrors === null) {
                    vErrors = [err1];
                }
                else {
                    vErrors.push(err1);
                }
                errors++;
            }
            if (Array.isArray(data0)) {
                const len0 = data0.length;
                for (let i0 = 0; i0 < len0; i0++) {
                    let data1 = data0[i0];
                    if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
                        if (data1.data === undefined) {
                            const err2 = { instancePath: instancePath + "/plots/" + i0, schemaPath: "#/properties/plots/items/required", keyword: "required", params: { missingProperty: "data" }, message: "must have required property '" + "data" + "'" };
                            if (vErrors === null) {
                                vErrors = [err2];
                            }
                            else {
                                vErrors.push(err2);
                            }
                            errors++;
                        }
                        for (const key1 in data1) {
                            if (!(func2.call(schema11.properties.plots.items.properties, key1))) {
                                const err3 = { instancePath: instancePath + "/plots/" + i0, schemaPath: "#/properties/plots/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties" };
                                if (vErrors === null) {
                                    vErrors = [err3];
                                }
                                else {
                                    vErrors.push(err3);
                                }
                                errors++;
                            }
                        }
                        if (data1.id !== undefined) {
                            let data2 = data1.id;
                            if (typeof data2 === "string") {
                                if (!pattern0.test(data2)) {
                                    const err4 = { instancePath: instancePath + "/plots/" + i0 + "/id", schemaPath: "#/properties/plots/items/properties/id/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9._-]{1,100}$" }, message: "must match pattern \"" + "^[A-Za-z0-9._-]{1,100}$" + "\"" };
                                    if (vErrors === null) {
                                        vErrors = [err4];
                                    }
                                    else {
                                        vErrors.push(err4);
                                    }
                                    errors++;
                                }
                            }
                            else {
                                const err5 = { instancePath: instancePath + "/plots/" + i0 + "/id", schemaPath: "#/properties/plots/items/properties/id/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                if (vErrors === null) {
                                    vErrors = [err5];
                                }
                                else {
                                    vErrors.push(err5);
                                }
                                errors++;
                            }
                        }
                        if (data1.title !== undefined) {
                            if (typeof data1.title !== "string") {
                                const err6 = { instancePath: instancePath + "/plots/" + i0 + "/title", schemaPath: "#/properties/plots/items/properties/title/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                if (vErrors === null) {
                                    vErrors = [err6];
                                }
                                else {
                                    vErrors.push(err6);
                                }
                                errors++;
                            }
                        }
                        if (data1.template !== undefined) {
                            let data4 = data1.template;
                            if (!(((((((((data4 === "linear") || (data4 === "smooth")) || (data4 === "scatter")) || (data4 === "bar")) || (data4 === "bar-horizontal")) || (data4 === "confusion")) || (data4 === "confusion-normalized")) || (data4 === "bar_horizontal")) || (data4 === "confusion_normalized"))) {
                                const err7 = { instancePath: instancePath + "/plots/" + i0 + "/template", schemaPath: "#/properties/plots/items/properties/template/enum", keyword: "enum", params: { allowedValues: schema11.properties.plots.items.properties.template.enum }, message: "must be equal to one of the allowed values" };
                                if (vErrors === null) {
                                    vErrors = [err7];
                                }
                                else {
                                    vErrors.push(err7);
                                }
                                errors++;
                            }
                        }
                        if (data1.data !== undefined) {
                            let data5 = data1.data;
                            if (typeof data5 === "string") {
                                if (func3(data5) < 1) {
                                    const err8 = { instancePath: instancePath + "/plots/" + i0 + "/data", schemaPath: "#/properties/plots/items/properties/data/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                                    if (vErrors === null) {
                                        vErrors = [err8];
                                    }
                                    else {
                                        vErrors.push(err8);
                                    }
                                    errors++;
                                }
                            }
                            else {
                                const err9 = { instancePath: instancePath + "/plots/" + i0 + "/data", schemaPath: "#/properties/plots/items/properties/data/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                if (vErrors === null) {
                                    vErrors = [err9];
                                }
                                else {
                                    vErrors.push(err9);
                                }
                                errors++;
                            }
                        }
                        if (data1.select !== undefined) {
                            let data6 = data1.select;
                            if (typeof data6 === "string") {
                                if (func3(data6) < 1) {
                                    const err10 = { instancePath: instancePath + "/plots/" + i0 + "/select", schemaPath: "#/properties/plots/items/properties/select/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                                    if (vErrors === null) {
                                        vErrors = [err10];
                                    }
                                    else {
                                        vErrors.push(err10);
                                    }
                                    errors++;
                                }
                            }
                            else {
                                const err11 = { instancePath: instancePath + "/plots/" + i0 + "/select", schemaPath: "#/properties/plots/items/properties/select/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                if (vErrors === null) {
                                    vErrors = [err11];
                                }
                                else {
                                    vErrors.push(err11);
                                }
                                errors++;
                            }
                        }
                        if (data1.x !== undefined) {
                            let data7 = data1.x;
                            if (typeof data7 === "string") {
                                if (func3(data7) < 1) {
                                    const err12 = { instancePath: instancePath + "/plots/" + i0 + "/x", schemaPath: "#/properties/plots/items/properties/x/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
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
                                const err13 = { instancePath: instancePath + "/plots/" + i0 + "/x", schemaPath: "#/properties/plots/items/properties/x/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                if (vErrors === null) {
                                    vErrors = [err13];
                                }
                                else {
                                    vErrors.push(err13);
                                }
                                errors++;
                            }
                        }
                        if (data1.y !== undefined) {
                            let data8 = data1.y;
                            const _errs19 = errors;
                            let valid4 = false;
                            let passing0 = null;
                            const _errs20 = errors;
                            if (typeof data8 === "string") {
                                if (func3(data8) < 1) {
                                    const err14 = { instancePath: instancePath + "/plots/" + i0 + "/y", schemaPath: "#/properties/plots/items/properties/y/oneOf/0/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                                    if (vErrors === null) {
                                        vErrors = [err14];
                                    }
                                    else {
                                        vErrors.push(err14);
                                    }
                                    errors++;
                                }
                            }
                            else {
                                const err15 = { instancePath: instancePath + "/plots/" + i0 + "/y", schemaPath: "#/properties/plots/items/properties/y/oneOf/0/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                if (vErrors === null) {
                                    vErrors = [err15];
                                }
                                else {
                                    vErrors.push(err15);
                                }
                                errors++;
                            }
                            var _valid0 = _errs20 === errors;
                            if (_valid0) {
                                valid4 = true;
                                passing0 = 0;
                            }
                            const _errs22 = errors;
                            if (Array.isArray(data8)) {
                                if (data8.length < 1) {
                                    const err16 = { instancePath: instancePath + "/plots/" + i0 + "/y", schemaPath: "#/properties/plots/items/properties/y/oneOf/1/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
                                    if (vErrors === null) {
                                        vErrors = [err16];
                                    }
                                    else {
                                        vErrors.push(err16);
                                    }
                                    errors++;
                                }
                                const len1 = data8.length;
                                for (let i1 = 0; i1 < len1; i1++) {
                                    let data9 = data8[i1];
                                    if (typeof data9 === "string") {
                                        if (func3(data9) < 1) {
                                            const err17 = { instancePath: instancePath + "/plots/" + i0 + "/y/" + i1, schemaPath: "#/properties/plots/items/properties/y/oneOf/1/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                                            if (vErrors === null) {
                                                vErrors = [err17];
                                            }
                                            else {
                                                vErrors.push(err17);
                                            }
                                            errors++;
                                        }
                                    }
                                    else {
                                        const err18 = { instancePath: instancePath + "/plots/" + i0 + "/y/" + i1, schemaPath: "#/properties/plots/items/properties/y/oneOf/1/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                        if (vErrors === null) {
                                            vErrors = [err18];
                                        }
                                        else {
                                            vErrors.push(err18);
                                        }
                                        errors++;
                                    }
                                }
                            }
                            else {
                                const err19 = { instancePath: instancePath + "/plots/" + i0 + "/y", schemaPath: "#/properties/plots/items/properties/y/oneOf/1/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                                if (vErrors === null) {
                                    vErrors = [err19];
                                }
                                else {
                                    vErrors.push(err19);
                                }
                                errors++;
                            }
                            var _valid0 = _errs22 === errors;
                            if (_valid0 && valid4) {
                                valid4 = false;
                                passing0 = [passing0, 1];
                            }
                            else {
                                if (_valid0) {
                                    valid4 = true;
                                    passing0 = 1;
                                }
                            }
                            if (!valid4) {
                                const err20 = { instancePath: instancePath + "/plots/" + i0 + "/y", schemaPath: "#/properties/plots/items/properties/y/oneOf", keyword: "oneOf", params: { passingSchemas: passing0 }, message: "must match exactly one schema in oneOf" };
                                if (vErrors === null) {
                                    vErrors = [err20];
                                }
                                else {
                                    vErrors.push(err20);
                                }
                                errors++;
                            }
                            else {
                                errors = _errs19;
                                if (vErrors !== null) {
                                    if (_errs19) {
                                        vErrors.length = _errs19;
                                    }
                                    else {
                                        vErrors = null;
                                    }
                                }
                            }
                        }
                        if (data1["x-label"] !== undefined) {
                            if (typeof data1["x-label"] !== "string") {
                                const err21 = { instancePath: instancePath + "/plots/" + i0 + "/x-label", schemaPath: "#/properties/plots/items/properties/x-label/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                if (vErrors === null) {
                                    vErrors = [err21];
                                }
                                else {
                                    vErrors.push(err21);
                                }
                                errors++;
                            }
                        }
                        if (data1["y-label"] !== undefined) {
                            if (typeof data1["y-label"] !== "string") {
                                const err22 = { instancePath: instancePath + "/plots/" + i0 + "/y-label", schemaPath: "#/properties/plots/items/properties/y-label/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                if (vErrors === null) {
                                    vErrors = [err22];
                                }
                                else {
                                    vErrors.push(err22);
                                }
                                errors++;
                            }
                        }
                        if (data1.actual !== undefined) {
                            let data12 = data1.actual;
                            if (typeof data12 === "string") {
                                if (func3(data12) < 1) {
                                    const err23 = { instancePath: instancePath + "/plots/" + i0 + "/actual", schemaPath: "#/properties/plots/items/properties/actual/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                                    if (vErrors === null) {
                                        vErrors = [err23];
                                    }
                                    else {
                                        vErrors.push(err23);
                                    }
                                    errors++;
                                }
                            }
                            else {
                                const err24 = { instancePath: instancePath + "/plots/" + i0 + "/actual", schemaPath: "#/properties/plots/items/properties/actual/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                if (vErrors === null) {
                                    vErrors = [err24];
                                }
                                else {
                                    vErrors.push(err24);
                                }
                                errors++;
                            }
                        }
                        if (data1.predicted !== undefined) {
                            let data13 = data1.predicted;
                            if (typeof data13 === "string") {
                                if (func3(data13) < 1) {
                                    const err25 = { instancePath: instancePath + "/plots/" + i0 + "/predicted", schemaPath: "#/properties/plots/items/properties/predicted/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                                    if (vErrors === null) {
                                        vErrors = [err25];
                                    }
                                    else {
                                        vErrors.push(err25);
                                    }
                                    errors++;
                                }
                            }
                            else {
                                const err26 = { instancePath: instancePath + "/plots/" + i0 + "/predicted", schemaPath: "#/properties/plots/items/properties/predicted/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                if (vErrors === null) {
                                    vErrors = [err26];
                                }
                                else {
                                    vErrors.push(err26);
                                }
                                errors++;
                            }
                        }
                    }
                    else {
                        const err27 = { instancePath: instancePath + "/plots/" + i0, schemaPath: "#/properties/plots/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                        if (vErrors === null) {
                            vErrors = [err27];
                        }
                        else {
                            vErrors.push(err27);
                        }
                        errors++;
                    }
                }
            }
        }
    }
    else {
        const err28 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
            vErrors = [err28];
        }
        else {
            vErrors.push(err28);
        }
        errors++;
    }
    validate10.errors = vErrors;
    return errors === 0;
}
const validate = validate10;
//# sourceMappingURL=config-schema.validate.js.map
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

const KEYS = Object.keys(PLOT_JSON_SCHEMA.properties).join(', ');
/** Reads a plots file; anything that does not fit the shape above is a UserError at its line. */
function parsePlotsConfig(text, file) {
    const yaml = (0,yaml_schema/* parseYamlWithSchema */.Ku)(text, file, validate, (v) => `invalid plots config: ${describe(v)}`);
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
// EXTERNAL MODULE: ./packages/core/lib/plots/table.js + 3 modules
var plots_table = __webpack_require__(72369);
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
    const head = await (0,plots_table/* readTable */.xz)(input.head, plot.data, options);
    const notes = [];
    let base;
    if (input.base !== undefined) {
        try {
            base = await (0,plots_table/* readTable */.xz)(input.base, plot.data, options);
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
                    throw new errors/* UserError */.y(`record ${i + 1}: "${xField}" is ${(0,plots_table/* describe */.q0)(x)}, not a number or a label`, table.placeOf(i));
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
    throw new errors/* UserError */.y(`record ${i + 1}: "${field}" is ${(0,plots_table/* describe */.q0)(v)}, not a number`, table.placeOf(i));
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
    throw new errors/* UserError */.y(`record ${i + 1}: "${field}" is ${(0,plots_table/* describe */.q0)(v)}, not a class label`, table.placeOf(i));
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
