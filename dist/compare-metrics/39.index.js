export const id = 39;
export const ids = [39];
export const modules = {

/***/ 93039:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  readDvcYaml: () => (/* binding */ readDvcYaml)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./packages/core/lib/errors.js
var errors = __webpack_require__(57706);
// EXTERNAL MODULE: ./packages/core/lib/files/contained.js
var contained = __webpack_require__(73748);
// EXTERNAL MODULE: ./packages/core/lib/files/yaml-schema.js + 1 modules
var yaml_schema = __webpack_require__(16425);
;// CONCATENATED MODULE: ./packages/core/lib/dvc/dvc-yaml-schema.validate.js
const schema11 = { "type": "object", "properties": { "metrics": { "type": ["array", "null"], "items": { "type": "string" } }, "params": { "type": ["array", "null"], "items": { "type": "string" } }, "plots": { "type": ["array", "null"], "items": { "oneOf": [{ "type": "string" }, { "type": "object", "minProperties": 1, "additionalProperties": { "type": ["object", "null"], "additionalProperties": false, "properties": { "template": { "type": "string" }, "x": { "oneOf": [{ "type": "string" }, { "type": "object", "additionalProperties": { "type": "string" } }] }, "y": { "oneOf": [{ "type": "string" }, { "type": "array", "items": { "type": "string" } }, { "type": "object", "additionalProperties": { "oneOf": [{ "type": "string" }, { "type": "array", "items": { "type": "string" } }] } }] }, "x_label": { "type": "string" }, "y_label": { "type": "string" }, "title": { "type": "string" } } } }] } }, "stages": { "type": ["object", "null"], "additionalProperties": { "type": "object", "properties": { "wdir": { "type": "string" }, "metrics": { "type": ["array", "null"], "items": { "oneOf": [{ "type": "string" }, { "type": "object", "additionalProperties": { "type": ["object", "null"], "properties": { "x": { "type": "string" }, "y": { "oneOf": [{ "type": "string" }, { "type": "array", "items": { "type": "string" } }] }, "template": { "type": "string" }, "title": { "type": "string" }, "x_label": { "type": "string" }, "y_label": { "type": "string" } } } }] } }, "plots": { "type": ["array", "null"], "items": { "oneOf": [{ "type": "string" }, { "type": "object", "additionalProperties": { "oneOf": [{ "type": ["object", "null"], "properties": { "x": { "type": "string" }, "y": { "oneOf": [{ "type": "string" }, { "type": "array", "items": { "type": "string" } }] }, "template": { "type": "string" }, "title": { "type": "string" }, "x_label": { "type": "string" }, "y_label": { "type": "string" } } }, { "type": "array" }] } }] } }, "params": { "type": ["array", "null"], "items": { "oneOf": [{ "type": "string" }, { "type": "object", "additionalProperties": { "type": ["array", "null"] } }] } } } } } } };
function validate10(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
    let vErrors = null;
    let errors = 0;
    if (data && typeof data == "object" && !Array.isArray(data)) {
        if (data.metrics !== undefined) {
            let data0 = data.metrics;
            if ((!(Array.isArray(data0))) && (data0 !== null)) {
                const err0 = { instancePath: instancePath + "/metrics", schemaPath: "#/properties/metrics/type", keyword: "type", params: { type: schema11.properties.metrics.type }, message: "must be array,null" };
                if (vErrors === null) {
                    vErrors = [err0];
                }
                else {
                    vErrors.push(err0);
                }
                errors++;
            }
            if (Array.isArray(data0)) {
                const len0 = data0.length;
                for (let i0 = 0; i0 < len0; i0++) {
                    if (typeof data0[i0] !== "string") {
                        const err1 = { instancePath: instancePath + "/metrics/" + i0, schemaPath: "#/properties/metrics/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                        if (vErrors === null) {
                            vErrors = [err1];
                        }
                        else {
                            vErrors.push(err1);
                        }
                        errors++;
                    }
                }
            }
        }
        if (data.params !== undefined) {
            let data2 = data.params;
            if ((!(Array.isArray(data2))) && (data2 !== null)) {
                const err2 = { instancePath: instancePath + "/params", schemaPath: "#/properties/params/type", keyword: "type", params: { type: schema11.properties.params.type }, message: "must be array,null" };
                if (vErrors === null) {
                    vErrors = [err2];
                }
                else {
                    vErrors.push(err2);
                }
                errors++;
            }
            if (Array.isArray(data2)) {
                const len1 = data2.length;
                for (let i1 = 0; i1 < len1; i1++) {
                    if (typeof data2[i1] !== "string") {
                        const err3 = { instancePath: instancePath + "/params/" + i1, schemaPath: "#/properties/params/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                        if (vErrors === null) {
                            vErrors = [err3];
                        }
                        else {
                            vErrors.push(err3);
                        }
                        errors++;
                    }
                }
            }
        }
        if (data.plots !== undefined) {
            let data4 = data.plots;
            if ((!(Array.isArray(data4))) && (data4 !== null)) {
                const err4 = { instancePath: instancePath + "/plots", schemaPath: "#/properties/plots/type", keyword: "type", params: { type: schema11.properties.plots.type }, message: "must be array,null" };
                if (vErrors === null) {
                    vErrors = [err4];
                }
                else {
                    vErrors.push(err4);
                }
                errors++;
            }
            if (Array.isArray(data4)) {
                const len2 = data4.length;
                for (let i2 = 0; i2 < len2; i2++) {
                    let data5 = data4[i2];
                    const _errs12 = errors;
                    let valid7 = false;
                    let passing0 = null;
                    const _errs13 = errors;
                    if (typeof data5 !== "string") {
                        const err5 = { instancePath: instancePath + "/plots/" + i2, schemaPath: "#/properties/plots/items/oneOf/0/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                        if (vErrors === null) {
                            vErrors = [err5];
                        }
                        else {
                            vErrors.push(err5);
                        }
                        errors++;
                    }
                    var _valid0 = _errs13 === errors;
                    if (_valid0) {
                        valid7 = true;
                        passing0 = 0;
                    }
                    const _errs15 = errors;
                    if (data5 && typeof data5 == "object" && !Array.isArray(data5)) {
                        if (Object.keys(data5).length < 1) {
                            const err6 = { instancePath: instancePath + "/plots/" + i2, schemaPath: "#/properties/plots/items/oneOf/1/minProperties", keyword: "minProperties", params: { limit: 1 }, message: "must NOT have fewer than 1 properties" };
                            if (vErrors === null) {
                                vErrors = [err6];
                            }
                            else {
                                vErrors.push(err6);
                            }
                            errors++;
                        }
                        for (const key0 in data5) {
                            let data6 = data5[key0];
                            if ((!(data6 && typeof data6 == "object" && !Array.isArray(data6))) && (data6 !== null)) {
                                const err7 = { instancePath: instancePath + "/plots/" + i2 + "/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/plots/items/oneOf/1/additionalProperties/type", keyword: "type", params: { type: schema11.properties.plots.items.oneOf[1].additionalProperties.type }, message: "must be object,null" };
                                if (vErrors === null) {
                                    vErrors = [err7];
                                }
                                else {
                                    vErrors.push(err7);
                                }
                                errors++;
                            }
                            if (data6 && typeof data6 == "object" && !Array.isArray(data6)) {
                                for (const key1 in data6) {
                                    if (!((((((key1 === "template") || (key1 === "x")) || (key1 === "y")) || (key1 === "x_label")) || (key1 === "y_label")) || (key1 === "title"))) {
                                        const err8 = { instancePath: instancePath + "/plots/" + i2 + "/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/plots/items/oneOf/1/additionalProperties/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties" };
                                        if (vErrors === null) {
                                            vErrors = [err8];
                                        }
                                        else {
                                            vErrors.push(err8);
                                        }
                                        errors++;
                                    }
                                }
                                if (data6.template !== undefined) {
                                    if (typeof data6.template !== "string") {
                                        const err9 = { instancePath: instancePath + "/plots/" + i2 + "/" + key0.replace(/~/g, "~0").replace(/\//g, "~1") + "/template", schemaPath: "#/properties/plots/items/oneOf/1/additionalProperties/properties/template/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                        if (vErrors === null) {
                                            vErrors = [err9];
                                        }
                                        else {
                                            vErrors.push(err9);
                                        }
                                        errors++;
                                    }
                                }
                                if (data6.x !== undefined) {
                                    let data8 = data6.x;
                                    const _errs24 = errors;
                                    let valid10 = false;
                                    let passing1 = null;
                                    const _errs25 = errors;
                                    if (typeof data8 !== "string") {
                                        const err10 = { instancePath: instancePath + "/plots/" + i2 + "/" + key0.replace(/~/g, "~0").replace(/\//g, "~1") + "/x", schemaPath: "#/properties/plots/items/oneOf/1/additionalProperties/properties/x/oneOf/0/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                        if (vErrors === null) {
                                            vErrors = [err10];
                                        }
                                        else {
                                            vErrors.push(err10);
                                        }
                                        errors++;
                                    }
                                    var _valid1 = _errs25 === errors;
                                    if (_valid1) {
                                        valid10 = true;
                                        passing1 = 0;
                                    }
                                    const _errs27 = errors;
                                    if (data8 && typeof data8 == "object" && !Array.isArray(data8)) {
                                        for (const key2 in data8) {
                                            if (typeof data8[key2] !== "string") {
                                                const err11 = { instancePath: instancePath + "/plots/" + i2 + "/" + key0.replace(/~/g, "~0").replace(/\//g, "~1") + "/x/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/plots/items/oneOf/1/additionalProperties/properties/x/oneOf/1/additionalProperties/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                                if (vErrors === null) {
                                                    vErrors = [err11];
                                                }
                                                else {
                                                    vErrors.push(err11);
                                                }
                                                errors++;
                                            }
                                        }
                                    }
                                    else {
                                        const err12 = { instancePath: instancePath + "/plots/" + i2 + "/" + key0.replace(/~/g, "~0").replace(/\//g, "~1") + "/x", schemaPath: "#/properties/plots/items/oneOf/1/additionalProperties/properties/x/oneOf/1/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                                        if (vErrors === null) {
                                            vErrors = [err12];
                                        }
                                        else {
                                            vErrors.push(err12);
                                        }
                                        errors++;
                                    }
                                    var _valid1 = _errs27 === errors;
                                    if (_valid1 && valid10) {
                                        valid10 = false;
                                        passing1 = [passing1, 1];
                                    }
                                    else {
                                        if (_valid1) {
                                            valid10 = true;
                                            passing1 = 1;
                                        }
                                    }
                                    if (!valid10) {
                                        const err13 = { instancePath: instancePath + "/plots/" + i2 + "/" + key0.replace(/~/g, "~0").replace(/\//g, "~1") + "/x", schemaPath: "#/properties/plots/items/oneOf/1/additionalProperties/properties/x/oneOf", keyword: "oneOf", params: { passingSchemas: passing1 }, message: "must match exactly one schema in oneOf" };
                                        if (vErrors === null) {
                                            vErrors = [err13];
                                        }
                                        else {
                                            vErrors.push(err13);
                                        }
                                        errors++;
                                    }
                                    else {
                                        errors = _errs24;
                                        if (vErrors !== null) {
                                            if (_errs24) {
                                                vErrors.length = _errs24;
                                            }
                                            else {
                                                vErrors = null;
                                            }
                                        }
                                    }
                                }
                                if (data6.y !== undefined) {
                                    let data10 = data6.y;
                                    const _errs33 = errors;
                                    let valid12 = false;
                                    let passing2 = null;
                                    const _errs34 = errors;
                                    if (typeof data10 !== "string") {
                                        const err14 = { instancePath: instancePath + "/plots/" + i2 + "/" + key0.replace(/~/g, "~0").replace(/\//g, "~1") + "/y", schemaPath: "#/properties/plots/items/oneOf/1/additionalProperties/properties/y/oneOf/0/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                        if (vErrors === null) {
                                            vErrors = [err14];
                                        }
                                        else {
                                            vErrors.push(err14);
                                        }
                                        errors++;
                                    }
                                    var _valid2 = _errs34 === errors;
                                    if (_valid2) {
                                        valid12 = true;
                                        passing2 = 0;
                                    }
                                    const _errs36 = errors;
                                    if (Array.isArray(data10)) {
                                        const len3 = data10.length;
                                        for (let i3 = 0; i3 < len3; i3++) {
                                            if (typeof data10[i3] !== "string") {
                                                const err15 = { instancePath: instancePath + "/plots/" + i2 + "/" + key0.replace(/~/g, "~0").replace(/\//g, "~1") + "/y/" + i3, schemaPath: "#/properties/plots/items/oneOf/1/additionalProperties/properties/y/oneOf/1/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                                if (vErrors === null) {
                                                    vErrors = [err15];
                                                }
                                                else {
                                                    vErrors.push(err15);
                                                }
                                                errors++;
                                            }
                                        }
                                    }
                                    else {
                                        const err16 = { instancePath: instancePath + "/plots/" + i2 + "/" + key0.replace(/~/g, "~0").replace(/\//g, "~1") + "/y", schemaPath: "#/properties/plots/items/oneOf/1/additionalProperties/properties/y/oneOf/1/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                                        if (vErrors === null) {
                                            vErrors = [err16];
                                        }
                                        else {
                                            vErrors.push(err16);
                                        }
                                        errors++;
                                    }
                                    var _valid2 = _errs36 === errors;
                                    if (_valid2 && valid12) {
                                        valid12 = false;
                                        passing2 = [passing2, 1];
                                    }
                                    else {
                                        if (_valid2) {
                                            valid12 = true;
                                            passing2 = 1;
                                        }
                                        const _errs40 = errors;
                                        if (data10 && typeof data10 == "object" && !Array.isArray(data10)) {
                                            for (const key3 in data10) {
                                                let data12 = data10[key3];
                                                const _errs44 = errors;
                                                let valid16 = false;
                                                let passing3 = null;
                                                const _errs45 = errors;
                                                if (typeof data12 !== "string") {
                                                    const err17 = { instancePath: instancePath + "/plots/" + i2 + "/" + key0.replace(/~/g, "~0").replace(/\//g, "~1") + "/y/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/plots/items/oneOf/1/additionalProperties/properties/y/oneOf/2/additionalProperties/oneOf/0/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                                    if (vErrors === null) {
                                                        vErrors = [err17];
                                                    }
                                                    else {
                                                        vErrors.push(err17);
                                                    }
                                                    errors++;
                                                }
                                                var _valid3 = _errs45 === errors;
                                                if (_valid3) {
                                                    valid16 = true;
                                                    passing3 = 0;
                                                }
                                                const _errs47 = errors;
                                                if (Array.isArray(data12)) {
                                                    const len4 = data12.length;
                                                    for (let i4 = 0; i4 < len4; i4++) {
                                                        if (typeof data12[i4] !== "string") {
                                                            const err18 = { instancePath: instancePath + "/plots/" + i2 + "/" + key0.replace(/~/g, "~0").replace(/\//g, "~1") + "/y/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/" + i4, schemaPath: "#/properties/plots/items/oneOf/1/additionalProperties/properties/y/oneOf/2/additionalProperties/oneOf/1/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
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
                                                    const err19 = { instancePath: instancePath + "/plots/" + i2 + "/" + key0.replace(/~/g, "~0").replace(/\//g, "~1") + "/y/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/plots/items/oneOf/1/additionalProperties/properties/y/oneOf/2/additionalProperties/oneOf/1/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                                                    if (vErrors === null) {
                                                        vErrors = [err19];
                                                    }
                                                    else {
                                                        vErrors.push(err19);
                                                    }
                                                    errors++;
                                                }
                                                var _valid3 = _errs47 === errors;
                                                if (_valid3 && valid16) {
                                                    valid16 = false;
                                                    passing3 = [passing3, 1];
                                                }
                                                else {
                                                    if (_valid3) {
                                                        valid16 = true;
                                                        passing3 = 1;
                                                    }
                                                }
                                                if (!valid16) {
                                                    const err20 = { instancePath: instancePath + "/plots/" + i2 + "/" + key0.replace(/~/g, "~0").replace(/\//g, "~1") + "/y/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/plots/items/oneOf/1/additionalProperties/properties/y/oneOf/2/additionalProperties/oneOf", keyword: "oneOf", params: { passingSchemas: passing3 }, message: "must match exactly one schema in oneOf" };
                                                    if (vErrors === null) {
                                                        vErrors = [err20];
                                                    }
                                                    else {
                                                        vErrors.push(err20);
                                                    }
                                                    errors++;
                                                }
                                                else {
                                                    errors = _errs44;
                                                    if (vErrors !== null) {
                                                        if (_errs44) {
                                                            vErrors.length = _errs44;
                                                        }
                                                        else {
                                                            vErrors = null;
                                                        }
                                                    }
                                                }
                                            }
                                        }
                                        else {
                                            const err21 = { instancePath: instancePath + "/plots/" + i2 + "/" + key0.replace(/~/g, "~0").replace(/\//g, "~1") + "/y", schemaPath: "#/properties/plots/items/oneOf/1/additionalProperties/properties/y/oneOf/2/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                                            if (vErrors === null) {
                                                vErrors = [err21];
                                            }
                                            else {
                                                vErrors.push(err21);
                                            }
                                            errors++;
                                        }
                                        var _valid2 = _errs40 === errors;
                                        if (_valid2 && valid12) {
                                            valid12 = false;
                                            passing2 = [passing2, 2];
                                        }
                                        else {
                                            if (_valid2) {
                                                valid12 = true;
                                                passing2 = 2;
                                            }
                                        }
                                    }
                                    if (!valid12) {
                                        const err22 = { instancePath: instancePath + "/plots/" + i2 + "/" + key0.replace(/~/g, "~0").replace(/\//g, "~1") + "/y", schemaPath: "#/properties/plots/items/oneOf/1/additionalProperties/properties/y/oneOf", keyword: "oneOf", params: { passingSchemas: passing2 }, message: "must match exactly one schema in oneOf" };
                                        if (vErrors === null) {
                                            vErrors = [err22];
                                        }
                                        else {
                                            vErrors.push(err22);
                                        }
                                        errors++;
                                    }
                                    else {
                                        errors = _errs33;
                                        if (vErrors !== null) {
                                            if (_errs33) {
                                                vErrors.length = _errs33;
                                            }
                                            else {
                                                vErrors = null;
                                            }
                                        }
                                    }
                                }
                                if (data6.x_label !== undefined) {
                                    if (typeof data6.x_label !== "string") {
                                        const err23 = { instancePath: instancePath + "/plots/" + i2 + "/" + key0.replace(/~/g, "~0").replace(/\//g, "~1") + "/x_label", schemaPath: "#/properties/plots/items/oneOf/1/additionalProperties/properties/x_label/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                        if (vErrors === null) {
                                            vErrors = [err23];
                                        }
                                        else {
                                            vErrors.push(err23);
                                        }
                                        errors++;
                                    }
                                }
                                if (data6.y_label !== undefined) {
                                    if (typeof data6.y_label !== "string") {
                                        const err24 = { instancePath: instancePath + "/plots/" + i2 + "/" + key0.replace(/~/g, "~0").replace(/\//g, "~1") + "/y_label", schemaPath: "#/properties/plots/items/oneOf/1/additionalProperties/properties/y_label/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                        if (vErrors === null) {
                                            vErrors = [err24];
                                        }
                                        else {
                                            vErrors.push(err24);
                                        }
                                        errors++;
                                    }
                                }
                                if (data6.title !== undefined) {
                                    if (typeof data6.title !== "string") {
                                        const err25 = { instancePath: instancePath + "/plots/" + i2 + "/" + key0.replace(/~/g, "~0").replace(/\//g, "~1") + "/title", schemaPath: "#/properties/plots/items/oneOf/1/additionalProperties/properties/title/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                        if (vErrors === null) {
                                            vErrors = [err25];
                                        }
                                        else {
                                            vErrors.push(err25);
                                        }
                                        errors++;
                                    }
                                }
                            }
                        }
                    }
                    else {
                        const err26 = { instancePath: instancePath + "/plots/" + i2, schemaPath: "#/properties/plots/items/oneOf/1/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                        if (vErrors === null) {
                            vErrors = [err26];
                        }
                        else {
                            vErrors.push(err26);
                        }
                        errors++;
                    }
                    var _valid0 = _errs15 === errors;
                    if (_valid0 && valid7) {
                        valid7 = false;
                        passing0 = [passing0, 1];
                    }
                    else {
                        if (_valid0) {
                            valid7 = true;
                            passing0 = 1;
                        }
                    }
                    if (!valid7) {
                        const err27 = { instancePath: instancePath + "/plots/" + i2, schemaPath: "#/properties/plots/items/oneOf", keyword: "oneOf", params: { passingSchemas: passing0 }, message: "must match exactly one schema in oneOf" };
                        if (vErrors === null) {
                            vErrors = [err27];
                        }
                        else {
                            vErrors.push(err27);
                        }
                        errors++;
                    }
                    else {
                        errors = _errs12;
                        if (vErrors !== null) {
                            if (_errs12) {
                                vErrors.length = _errs12;
                            }
                            else {
                                vErrors = null;
                            }
                        }
                    }
                }
            }
        }
        if (data.stages !== undefined) {
            let data17 = data.stages;
            if ((!(data17 && typeof data17 == "object" && !Array.isArray(data17))) && (data17 !== null)) {
                const err28 = { instancePath: instancePath + "/stages", schemaPath: "#/properties/stages/type", keyword: "type", params: { type: schema11.properties.stages.type }, message: "must be object,null" };
                if (vErrors === null) {
                    vErrors = [err28];
                }
                else {
                    vErrors.push(err28);
                }
                errors++;
            }
            if (data17 && typeof data17 == "object" && !Array.isArray(data17)) {
                for (const key4 in data17) {
                    let data18 = data17[key4];
                    if (data18 && typeof data18 == "object" && !Array.isArray(data18)) {
                        if (data18.wdir !== undefined) {
                            if (typeof data18.wdir !== "string") {
                                const err29 = { instancePath: instancePath + "/stages/" + key4.replace(/~/g, "~0").replace(/\//g, "~1") + "/wdir", schemaPath: "#/properties/stages/additionalProperties/properties/wdir/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                if (vErrors === null) {
                                    vErrors = [err29];
                                }
                                else {
                                    vErrors.push(err29);
                                }
                                errors++;
                            }
                        }
                        if (data18.metrics !== undefined) {
                            let data20 = data18.metrics;
                            if ((!(Array.isArray(data20))) && (data20 !== null)) {
                                const err30 = { instancePath: instancePath + "/stages/" + key4.replace(/~/g, "~0").replace(/\//g, "~1") + "/metrics", schemaPath: "#/properties/stages/additionalProperties/properties/metrics/type", keyword: "type", params: { type: schema11.properties.stages.additionalProperties.properties.metrics.type }, message: "must be array,null" };
                                if (vErrors === null) {
                                    vErrors = [err30];
                                }
                                else {
                                    vErrors.push(err30);
                                }
                                errors++;
                            }
                            if (Array.isArray(data20)) {
                                const len5 = data20.length;
                                for (let i5 = 0; i5 < len5; i5++) {
                                    let data21 = data20[i5];
                                    const _errs67 = errors;
                                    let valid23 = false;
                                    let passing4 = null;
                                    const _errs68 = errors;
                                    if (typeof data21 !== "string") {
                                        const err31 = { instancePath: instancePath + "/stages/" + key4.replace(/~/g, "~0").replace(/\//g, "~1") + "/metrics/" + i5, schemaPath: "#/properties/stages/additionalProperties/properties/metrics/items/oneOf/0/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                        if (vErrors === null) {
                                            vErrors = [err31];
                                        }
                                        else {
                                            vErrors.push(err31);
                                        }
                                        errors++;
                                    }
                                    var _valid4 = _errs68 === errors;
                                    if (_valid4) {
                                        valid23 = true;
                                        passing4 = 0;
                                    }
                                    const _errs70 = errors;
                                    if (data21 && typeof data21 == "object" && !Array.isArray(data21)) {
                                        for (const key5 in data21) {
                                            let data22 = data21[key5];
                                            if ((!(data22 && typeof data22 == "object" && !Array.isArray(data22))) && (data22 !== null)) {
                                                const err32 = { instancePath: instancePath + "/stages/" + key4.replace(/~/g, "~0").replace(/\//g, "~1") + "/metrics/" + i5 + "/" + key5.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/stages/additionalProperties/properties/metrics/items/oneOf/1/additionalProperties/type", keyword: "type", params: { type: schema11.properties.stages.additionalProperties.properties.metrics.items.oneOf[1].additionalProperties.type }, message: "must be object,null" };
                                                if (vErrors === null) {
                                                    vErrors = [err32];
                                                }
                                                else {
                                                    vErrors.push(err32);
                                                }
                                                errors++;
                                            }
                                            if (data22 && typeof data22 == "object" && !Array.isArray(data22)) {
                                                if (data22.x !== undefined) {
                                                    if (typeof data22.x !== "string") {
                                                        const err33 = { instancePath: instancePath + "/stages/" + key4.replace(/~/g, "~0").replace(/\//g, "~1") + "/metrics/" + i5 + "/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/x", schemaPath: "#/properties/stages/additionalProperties/properties/metrics/items/oneOf/1/additionalProperties/properties/x/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                                        if (vErrors === null) {
                                                            vErrors = [err33];
                                                        }
                                                        else {
                                                            vErrors.push(err33);
                                                        }
                                                        errors++;
                                                    }
                                                }
                                                if (data22.y !== undefined) {
                                                    let data24 = data22.y;
                                                    const _errs78 = errors;
                                                    let valid26 = false;
                                                    let passing5 = null;
                                                    const _errs79 = errors;
                                                    if (typeof data24 !== "string") {
                                                        const err34 = { instancePath: instancePath + "/stages/" + key4.replace(/~/g, "~0").replace(/\//g, "~1") + "/metrics/" + i5 + "/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/y", schemaPath: "#/properties/stages/additionalProperties/properties/metrics/items/oneOf/1/additionalProperties/properties/y/oneOf/0/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                                        if (vErrors === null) {
                                                            vErrors = [err34];
                                                        }
                                                        else {
                                                            vErrors.push(err34);
                                                        }
                                                        errors++;
                                                    }
                                                    var _valid5 = _errs79 === errors;
                                                    if (_valid5) {
                                                        valid26 = true;
                                                        passing5 = 0;
                                                    }
                                                    const _errs81 = errors;
                                                    if (Array.isArray(data24)) {
                                                        const len6 = data24.length;
                                                        for (let i6 = 0; i6 < len6; i6++) {
                                                            if (typeof data24[i6] !== "string") {
                                                                const err35 = { instancePath: instancePath + "/stages/" + key4.replace(/~/g, "~0").replace(/\//g, "~1") + "/metrics/" + i5 + "/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/y/" + i6, schemaPath: "#/properties/stages/additionalProperties/properties/metrics/items/oneOf/1/additionalProperties/properties/y/oneOf/1/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                                                if (vErrors === null) {
                                                                    vErrors = [err35];
                                                                }
                                                                else {
                                                                    vErrors.push(err35);
                                                                }
                                                                errors++;
                                                            }
                                                        }
                                                    }
                                                    else {
                                                        const err36 = { instancePath: instancePath + "/stages/" + key4.replace(/~/g, "~0").replace(/\//g, "~1") + "/metrics/" + i5 + "/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/y", schemaPath: "#/properties/stages/additionalProperties/properties/metrics/items/oneOf/1/additionalProperties/properties/y/oneOf/1/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                                                        if (vErrors === null) {
                                                            vErrors = [err36];
                                                        }
                                                        else {
                                                            vErrors.push(err36);
                                                        }
                                                        errors++;
                                                    }
                                                    var _valid5 = _errs81 === errors;
                                                    if (_valid5 && valid26) {
                                                        valid26 = false;
                                                        passing5 = [passing5, 1];
                                                    }
                                                    else {
                                                        if (_valid5) {
                                                            valid26 = true;
                                                            passing5 = 1;
                                                        }
                                                    }
                                                    if (!valid26) {
                                                        const err37 = { instancePath: instancePath + "/stages/" + key4.replace(/~/g, "~0").replace(/\//g, "~1") + "/metrics/" + i5 + "/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/y", schemaPath: "#/properties/stages/additionalProperties/properties/metrics/items/oneOf/1/additionalProperties/properties/y/oneOf", keyword: "oneOf", params: { passingSchemas: passing5 }, message: "must match exactly one schema in oneOf" };
                                                        if (vErrors === null) {
                                                            vErrors = [err37];
                                                        }
                                                        else {
                                                            vErrors.push(err37);
                                                        }
                                                        errors++;
                                                    }
                                                    else {
                                                        errors = _errs78;
                                                        if (vErrors !== null) {
                                                            if (_errs78) {
                                                                vErrors.length = _errs78;
                                                            }
                                                            else {
                                                                vErrors = null;
                                                            }
                                                        }
                                                    }
                                                }
                                                if (data22.template !== undefined) {
                                                    if (typeof data22.template !== "string") {
                                                        const err38 = { instancePath: instancePath + "/stages/" + key4.replace(/~/g, "~0").replace(/\//g, "~1") + "/metrics/" + i5 + "/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/template", schemaPath: "#/properties/stages/additionalProperties/properties/metrics/items/oneOf/1/additionalProperties/properties/template/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                                        if (vErrors === null) {
                                                            vErrors = [err38];
                                                        }
                                                        else {
                                                            vErrors.push(err38);
                                                        }
                                                        errors++;
                                                    }
                                                }
                                                if (data22.title !== undefined) {
                                                    if (typeof data22.title !== "string") {
                                                        const err39 = { instancePath: instancePath + "/stages/" + key4.replace(/~/g, "~0").replace(/\//g, "~1") + "/metrics/" + i5 + "/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/title", schemaPath: "#/properties/stages/additionalProperties/properties/metrics/items/oneOf/1/additionalProperties/properties/title/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                                        if (vErrors === null) {
                                                            vErrors = [err39];
                                                        }
                                                        else {
                                                            vErrors.push(err39);
                                                        }
                                                        errors++;
                                                    }
                                                }
                                                if (data22.x_label !== undefined) {
                                                    if (typeof data22.x_label !== "string") {
                                                        const err40 = { instancePath: instancePath + "/stages/" + key4.replace(/~/g, "~0").replace(/\//g, "~1") + "/metrics/" + i5 + "/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/x_label", schemaPath: "#/properties/stages/additionalProperties/properties/metrics/items/oneOf/1/additionalProperties/properties/x_label/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                                        if (vErrors === null) {
                                                            vErrors = [err40];
                                                        }
                                                        else {
                                                            vErrors.push(err40);
                                                        }
                                                        errors++;
                                                    }
                                                }
                                                if (data22.y_label !== undefined) {
                                                    if (typeof data22.y_label !== "string") {
                                                        const err41 = { instancePath: instancePath + "/stages/" + key4.replace(/~/g, "~0").replace(/\//g, "~1") + "/metrics/" + i5 + "/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/y_label", schemaPath: "#/properties/stages/additionalProperties/properties/metrics/items/oneOf/1/additionalProperties/properties/y_label/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                                        if (vErrors === null) {
                                                            vErrors = [err41];
                                                        }
                                                        else {
                                                            vErrors.push(err41);
                                                        }
                                                        errors++;
                                                    }
                                                }
                                            }
                                        }
                                    }
                                    else {
                                        const err42 = { instancePath: instancePath + "/stages/" + key4.replace(/~/g, "~0").replace(/\//g, "~1") + "/metrics/" + i5, schemaPath: "#/properties/stages/additionalProperties/properties/metrics/items/oneOf/1/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                                        if (vErrors === null) {
                                            vErrors = [err42];
                                        }
                                        else {
                                            vErrors.push(err42);
                                        }
                                        errors++;
                                    }
                                    var _valid4 = _errs70 === errors;
                                    if (_valid4 && valid23) {
                                        valid23 = false;
                                        passing4 = [passing4, 1];
                                    }
                                    else {
                                        if (_valid4) {
                                            valid23 = true;
                                            passing4 = 1;
                                        }
                                    }
                                    if (!valid23) {
                                        const err43 = { instancePath: instancePath + "/stages/" + key4.replace(/~/g, "~0").replace(/\//g, "~1") + "/metrics/" + i5, schemaPath: "#/properties/stages/additionalProperties/properties/metrics/items/oneOf", keyword: "oneOf", params: { passingSchemas: passing4 }, message: "must match exactly one schema in oneOf" };
                                        if (vErrors === null) {
                                            vErrors = [err43];
                                        }
                                        else {
                                            vErrors.push(err43);
                                        }
                                        errors++;
                                    }
                                    else {
                                        errors = _errs67;
                                        if (vErrors !== null) {
                                            if (_errs67) {
                                                vErrors.length = _errs67;
                                            }
                                            else {
                                                vErrors = null;
                                            }
                                        }
                                    }
                                }
                            }
                        }
                        if (data18.plots !== undefined) {
                            let data30 = data18.plots;
                            if ((!(Array.isArray(data30))) && (data30 !== null)) {
                                const err44 = { instancePath: instancePath + "/stages/" + key4.replace(/~/g, "~0").replace(/\//g, "~1") + "/plots", schemaPath: "#/properties/stages/additionalProperties/properties/plots/type", keyword: "type", params: { type: schema11.properties.stages.additionalProperties.properties.plots.type }, message: "must be array,null" };
                                if (vErrors === null) {
                                    vErrors = [err44];
                                }
                                else {
                                    vErrors.push(err44);
                                }
                                errors++;
                            }
                            if (Array.isArray(data30)) {
                                const len7 = data30.length;
                                for (let i7 = 0; i7 < len7; i7++) {
                                    let data31 = data30[i7];
                                    const _errs96 = errors;
                                    let valid31 = false;
                                    let passing6 = null;
                                    const _errs97 = errors;
                                    if (typeof data31 !== "string") {
                                        const err45 = { instancePath: instancePath + "/stages/" + key4.replace(/~/g, "~0").replace(/\//g, "~1") + "/plots/" + i7, schemaPath: "#/properties/stages/additionalProperties/properties/plots/items/oneOf/0/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                        if (vErrors === null) {
                                            vErrors = [err45];
                                        }
                                        else {
                                            vErrors.push(err45);
                                        }
                                        errors++;
                                    }
                                    var _valid6 = _errs97 === errors;
                                    if (_valid6) {
                                        valid31 = true;
                                        passing6 = 0;
                                    }
                                    const _errs99 = errors;
                                    if (data31 && typeof data31 == "object" && !Array.isArray(data31)) {
                                        for (const key6 in data31) {
                                            let data32 = data31[key6];
                                            const _errs103 = errors;
                                            let valid33 = false;
                                            let passing7 = null;
                                            const _errs104 = errors;
                                            if ((!(data32 && typeof data32 == "object" && !Array.isArray(data32))) && (data32 !== null)) {
                                                const err46 = { instancePath: instancePath + "/stages/" + key4.replace(/~/g, "~0").replace(/\//g, "~1") + "/plots/" + i7 + "/" + key6.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/stages/additionalProperties/properties/plots/items/oneOf/1/additionalProperties/oneOf/0/type", keyword: "type", params: { type: schema11.properties.stages.additionalProperties.properties.plots.items.oneOf[1].additionalProperties.oneOf[0].type }, message: "must be object,null" };
                                                if (vErrors === null) {
                                                    vErrors = [err46];
                                                }
                                                else {
                                                    vErrors.push(err46);
                                                }
                                                errors++;
                                            }
                                            if (data32 && typeof data32 == "object" && !Array.isArray(data32)) {
                                                if (data32.x !== undefined) {
                                                    if (typeof data32.x !== "string") {
                                                        const err47 = { instancePath: instancePath + "/stages/" + key4.replace(/~/g, "~0").replace(/\//g, "~1") + "/plots/" + i7 + "/" + key6.replace(/~/g, "~0").replace(/\//g, "~1") + "/x", schemaPath: "#/properties/stages/additionalProperties/properties/plots/items/oneOf/1/additionalProperties/oneOf/0/properties/x/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                                        if (vErrors === null) {
                                                            vErrors = [err47];
                                                        }
                                                        else {
                                                            vErrors.push(err47);
                                                        }
                                                        errors++;
                                                    }
                                                }
                                                if (data32.y !== undefined) {
                                                    let data34 = data32.y;
                                                    const _errs109 = errors;
                                                    let valid35 = false;
                                                    let passing8 = null;
                                                    const _errs110 = errors;
                                                    if (typeof data34 !== "string") {
                                                        const err48 = { instancePath: instancePath + "/stages/" + key4.replace(/~/g, "~0").replace(/\//g, "~1") + "/plots/" + i7 + "/" + key6.replace(/~/g, "~0").replace(/\//g, "~1") + "/y", schemaPath: "#/properties/stages/additionalProperties/properties/plots/items/oneOf/1/additionalProperties/oneOf/0/properties/y/oneOf/0/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                                        if (vErrors === null) {
                                                            vErrors = [err48];
                                                        }
                                                        else {
                                                            vErrors.push(err48);
                                                        }
                                                        errors++;
                                                    }
                                                    var _valid8 = _errs110 === errors;
                                                    if (_valid8) {
                                                        valid35 = true;
                                                        passing8 = 0;
                                                    }
                                                    const _errs112 = errors;
                                                    if (Array.isArray(data34)) {
                                                        const len8 = data34.length;
                                                        for (let i8 = 0; i8 < len8; i8++) {
                                                            if (typeof data34[i8] !== "string") {
                                                                const err49 = { instancePath: instancePath + "/stages/" + key4.replace(/~/g, "~0").replace(/\//g, "~1") + "/plots/" + i7 + "/" + key6.replace(/~/g, "~0").replace(/\//g, "~1") + "/y/" + i8, schemaPath: "#/properties/stages/additionalProperties/properties/plots/items/oneOf/1/additionalProperties/oneOf/0/properties/y/oneOf/1/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                                                if (vErrors === null) {
                                                                    vErrors = [err49];
                                                                }
                                                                else {
                                                                    vErrors.push(err49);
                                                                }
                                                                errors++;
                                                            }
                                                        }
                                                    }
                                                    else {
                                                        const err50 = { instancePath: instancePath + "/stages/" + key4.replace(/~/g, "~0").replace(/\//g, "~1") + "/plots/" + i7 + "/" + key6.replace(/~/g, "~0").replace(/\//g, "~1") + "/y", schemaPath: "#/properties/stages/additionalProperties/properties/plots/items/oneOf/1/additionalProperties/oneOf/0/properties/y/oneOf/1/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                                                        if (vErrors === null) {
                                                            vErrors = [err50];
                                                        }
                                                        else {
                                                            vErrors.push(err50);
                                                        }
                                                        errors++;
                                                    }
                                                    var _valid8 = _errs112 === errors;
                                                    if (_valid8 && valid35) {
                                                        valid35 = false;
                                                        passing8 = [passing8, 1];
                                                    }
                                                    else {
                                                        if (_valid8) {
                                                            valid35 = true;
                                                            passing8 = 1;
                                                        }
                                                    }
                                                    if (!valid35) {
                                                        const err51 = { instancePath: instancePath + "/stages/" + key4.replace(/~/g, "~0").replace(/\//g, "~1") + "/plots/" + i7 + "/" + key6.replace(/~/g, "~0").replace(/\//g, "~1") + "/y", schemaPath: "#/properties/stages/additionalProperties/properties/plots/items/oneOf/1/additionalProperties/oneOf/0/properties/y/oneOf", keyword: "oneOf", params: { passingSchemas: passing8 }, message: "must match exactly one schema in oneOf" };
                                                        if (vErrors === null) {
                                                            vErrors = [err51];
                                                        }
                                                        else {
                                                            vErrors.push(err51);
                                                        }
                                                        errors++;
                                                    }
                                                    else {
                                                        errors = _errs109;
                                                        if (vErrors !== null) {
                                                            if (_errs109) {
                                                                vErrors.length = _errs109;
                                                            }
                                                            else {
                                                                vErrors = null;
                                                            }
                                                        }
                                                    }
                                                }
                                                if (data32.template !== undefined) {
                                                    if (typeof data32.template !== "string") {
                                                        const err52 = { instancePath: instancePath + "/stages/" + key4.replace(/~/g, "~0").replace(/\//g, "~1") + "/plots/" + i7 + "/" + key6.replace(/~/g, "~0").replace(/\//g, "~1") + "/template", schemaPath: "#/properties/stages/additionalProperties/properties/plots/items/oneOf/1/additionalProperties/oneOf/0/properties/template/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                                        if (vErrors === null) {
                                                            vErrors = [err52];
                                                        }
                                                        else {
                                                            vErrors.push(err52);
                                                        }
                                                        errors++;
                                                    }
                                                }
                                                if (data32.title !== undefined) {
                                                    if (typeof data32.title !== "string") {
                                                        const err53 = { instancePath: instancePath + "/stages/" + key4.replace(/~/g, "~0").replace(/\//g, "~1") + "/plots/" + i7 + "/" + key6.replace(/~/g, "~0").replace(/\//g, "~1") + "/title", schemaPath: "#/properties/stages/additionalProperties/properties/plots/items/oneOf/1/additionalProperties/oneOf/0/properties/title/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                                        if (vErrors === null) {
                                                            vErrors = [err53];
                                                        }
                                                        else {
                                                            vErrors.push(err53);
                                                        }
                                                        errors++;
                                                    }
                                                }
                                                if (data32.x_label !== undefined) {
                                                    if (typeof data32.x_label !== "string") {
                                                        const err54 = { instancePath: instancePath + "/stages/" + key4.replace(/~/g, "~0").replace(/\//g, "~1") + "/plots/" + i7 + "/" + key6.replace(/~/g, "~0").replace(/\//g, "~1") + "/x_label", schemaPath: "#/properties/stages/additionalProperties/properties/plots/items/oneOf/1/additionalProperties/oneOf/0/properties/x_label/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                                        if (vErrors === null) {
                                                            vErrors = [err54];
                                                        }
                                                        else {
                                                            vErrors.push(err54);
                                                        }
                                                        errors++;
                                                    }
                                                }
                                                if (data32.y_label !== undefined) {
                                                    if (typeof data32.y_label !== "string") {
                                                        const err55 = { instancePath: instancePath + "/stages/" + key4.replace(/~/g, "~0").replace(/\//g, "~1") + "/plots/" + i7 + "/" + key6.replace(/~/g, "~0").replace(/\//g, "~1") + "/y_label", schemaPath: "#/properties/stages/additionalProperties/properties/plots/items/oneOf/1/additionalProperties/oneOf/0/properties/y_label/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                                        if (vErrors === null) {
                                                            vErrors = [err55];
                                                        }
                                                        else {
                                                            vErrors.push(err55);
                                                        }
                                                        errors++;
                                                    }
                                                }
                                            }
                                            var _valid7 = _errs104 === errors;
                                            if (_valid7) {
                                                valid33 = true;
                                                passing7 = 0;
                                            }
                                            const _errs124 = errors;
                                            if (!(Array.isArray(data32))) {
                                                const err56 = { instancePath: instancePath + "/stages/" + key4.replace(/~/g, "~0").replace(/\//g, "~1") + "/plots/" + i7 + "/" + key6.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/stages/additionalProperties/properties/plots/items/oneOf/1/additionalProperties/oneOf/1/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                                                if (vErrors === null) {
                                                    vErrors = [err56];
                                                }
                                                else {
                                                    vErrors.push(err56);
                                                }
                                                errors++;
                                            }
                                            var _valid7 = _errs124 === errors;
                                            if (_valid7 && valid33) {
                                                valid33 = false;
                                                passing7 = [passing7, 1];
                                            }
                                            else {
                                                if (_valid7) {
                                                    valid33 = true;
                                                    passing7 = 1;
                                                }
                                            }
                                            if (!valid33) {
                                                const err57 = { instancePath: instancePath + "/stages/" + key4.replace(/~/g, "~0").replace(/\//g, "~1") + "/plots/" + i7 + "/" + key6.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/stages/additionalProperties/properties/plots/items/oneOf/1/additionalProperties/oneOf", keyword: "oneOf", params: { passingSchemas: passing7 }, message: "must match exactly one schema in oneOf" };
                                                if (vErrors === null) {
                                                    vErrors = [err57];
                                                }
                                                else {
                                                    vErrors.push(err57);
                                                }
                                                errors++;
                                            }
                                            else {
                                                errors = _errs103;
                                                if (vErrors !== null) {
                                                    if (_errs103) {
                                                        vErrors.length = _errs103;
                                                    }
                                                    else {
                                                        vErrors = null;
                                                    }
                                                }
                                            }
                                        }
                                    }
                                    else {
                                        const err58 = { instancePath: instancePath + "/stages/" + key4.replace(/~/g, "~0").replace(/\//g, "~1") + "/plots/" + i7, schemaPath: "#/properties/stages/additionalProperties/properties/plots/items/oneOf/1/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                                        if (vErrors === null) {
                                            vErrors = [err58];
                                        }
                                        else {
                                            vErrors.push(err58);
                                        }
                                        errors++;
                                    }
                                    var _valid6 = _errs99 === errors;
                                    if (_valid6 && valid31) {
                                        valid31 = false;
                                        passing6 = [passing6, 1];
                                    }
                                    else {
                                        if (_valid6) {
                                            valid31 = true;
                                            passing6 = 1;
                                        }
                                    }
                                    if (!valid31) {
                                        const err59 = { instancePath: instancePath + "/stages/" + key4.replace(/~/g, "~0").replace(/\//g, "~1") + "/plots/" + i7, schemaPath: "#/properties/stages/additionalProperties/properties/plots/items/oneOf", keyword: "oneOf", params: { passingSchemas: passing6 }, message: "must match exactly one schema in oneOf" };
                                        if (vErrors === null) {
                                            vErrors = [err59];
                                        }
                                        else {
                                            vErrors.push(err59);
                                        }
                                        errors++;
                                    }
                                    else {
                                        errors = _errs96;
                                        if (vErrors !== null) {
                                            if (_errs96) {
                                                vErrors.length = _errs96;
                                            }
                                            else {
                                                vErrors = null;
                                            }
                                        }
                                    }
                                }
                            }
                        }
                        if (data18.params !== undefined) {
                            let data40 = data18.params;
                            if ((!(Array.isArray(data40))) && (data40 !== null)) {
                                const err60 = { instancePath: instancePath + "/stages/" + key4.replace(/~/g, "~0").replace(/\//g, "~1") + "/params", schemaPath: "#/properties/stages/additionalProperties/properties/params/type", keyword: "type", params: { type: schema11.properties.stages.additionalProperties.properties.params.type }, message: "must be array,null" };
                                if (vErrors === null) {
                                    vErrors = [err60];
                                }
                                else {
                                    vErrors.push(err60);
                                }
                                errors++;
                            }
                            if (Array.isArray(data40)) {
                                const len9 = data40.length;
                                for (let i9 = 0; i9 < len9; i9++) {
                                    let data41 = data40[i9];
                                    const _errs129 = errors;
                                    let valid40 = false;
                                    let passing9 = null;
                                    const _errs130 = errors;
                                    if (typeof data41 !== "string") {
                                        const err61 = { instancePath: instancePath + "/stages/" + key4.replace(/~/g, "~0").replace(/\//g, "~1") + "/params/" + i9, schemaPath: "#/properties/stages/additionalProperties/properties/params/items/oneOf/0/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                        if (vErrors === null) {
                                            vErrors = [err61];
                                        }
                                        else {
                                            vErrors.push(err61);
                                        }
                                        errors++;
                                    }
                                    var _valid9 = _errs130 === errors;
                                    if (_valid9) {
                                        valid40 = true;
                                        passing9 = 0;
                                    }
                                    const _errs132 = errors;
                                    if (data41 && typeof data41 == "object" && !Array.isArray(data41)) {
                                        for (const key7 in data41) {
                                            let data42 = data41[key7];
                                            if ((!(Array.isArray(data42))) && (data42 !== null)) {
                                                const err62 = { instancePath: instancePath + "/stages/" + key4.replace(/~/g, "~0").replace(/\//g, "~1") + "/params/" + i9 + "/" + key7.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/stages/additionalProperties/properties/params/items/oneOf/1/additionalProperties/type", keyword: "type", params: { type: schema11.properties.stages.additionalProperties.properties.params.items.oneOf[1].additionalProperties.type }, message: "must be array,null" };
                                                if (vErrors === null) {
                                                    vErrors = [err62];
                                                }
                                                else {
                                                    vErrors.push(err62);
                                                }
                                                errors++;
                                            }
                                        }
                                    }
                                    else {
                                        const err63 = { instancePath: instancePath + "/stages/" + key4.replace(/~/g, "~0").replace(/\//g, "~1") + "/params/" + i9, schemaPath: "#/properties/stages/additionalProperties/properties/params/items/oneOf/1/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                                        if (vErrors === null) {
                                            vErrors = [err63];
                                        }
                                        else {
                                            vErrors.push(err63);
                                        }
                                        errors++;
                                    }
                                    var _valid9 = _errs132 === errors;
                                    if (_valid9 && valid40) {
                                        valid40 = false;
                                        passing9 = [passing9, 1];
                                    }
                                    else {
                                        if (_valid9) {
                                            valid40 = true;
                                            passing9 = 1;
                                        }
                                    }
                                    if (!valid40) {
                                        const err64 = { instancePath: instancePath + "/stages/" + key4.replace(/~/g, "~0").replace(/\//g, "~1") + "/params/" + i9, schemaPath: "#/properties/stages/additionalProperties/properties/params/items/oneOf", keyword: "oneOf", params: { passingSchemas: passing9 }, message: "must match exactly one schema in oneOf" };
                                        if (vErrors === null) {
                                            vErrors = [err64];
                                        }
                                        else {
                                            vErrors.push(err64);
                                        }
                                        errors++;
                                    }
                                    else {
                                        errors = _errs129;
                                        if (vErrors !== null) {
                                            if (_errs129) {
                                                vErrors.length = _errs129;
                                            }
                                            else {
                                                vErrors = null;
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                    else {
                        const err65 = { instancePath: instancePath + "/stages/" + key4.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/stages/additionalProperties/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                        if (vErrors === null) {
                            vErrors = [err65];
                        }
                        else {
                            vErrors.push(err65);
                        }
                        errors++;
                    }
                }
            }
        }
    }
    else {
        const err66 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
            vErrors = [err66];
        }
        else {
            vErrors.push(err66);
        }
        errors++;
    }
    validate10.errors = vErrors;
    return errors === 0;
}
const validate = validate10;
//# sourceMappingURL=dvc-yaml-schema.validate.js.map
// EXTERNAL MODULE: ./packages/core/lib/plots/dvc.js
var dvc = __webpack_require__(67377);
;// CONCATENATED MODULE: ./packages/core/lib/dvc/dvc-yaml.js







/** Data files a plots folder contributes (DVC also shows images, which a chart here cannot). */
const DATA = /\.(json|csv|tsv)$/i;
const METRICS = /\.(json|ya?ml|toml)$/i;
const IMAGE = /\.(png|jpe?g|gif|svg|webp)$/i;
async function readDvcYaml(file, workspace, input) {
    const boundary = { ...(0,contained/* defaultBoundary */.Yx)(), workspace };
    const name = external_node_path_.posix.normalize(file.replace(/\\/g, '/'));
    let text;
    try {
        text = await (0,contained/* readContained */.gu)(name, { input, boundary }, 'utf8');
    }
    catch (e) {
        const code = e.code;
        if (code === 'ENOENT' || code === 'ENOTDIR')
            throw new errors/* UserError */.y(`input "${input}": file "${file}" does not exist`, { input });
        throw e;
    }
    const yaml = (0,yaml_schema/* parseYamlWithSchema */.Ku)(text, name, validate, (v) => `invalid dvc.yaml: ${describe(v)}`, { invalid: 'invalid dvc.yaml' });
    const at = (path, key = false) => yaml.placeOf(path, key);
    const doc = yaml.value;
    const root = external_node_path_.posix.dirname(name) === '.' ? '' : external_node_path_.posix.dirname(name);
    const problems = [];
    const warn = (message, place) => problems.push({ severity: 'warning', title: 'dvc.yaml', message, ...place });
    /** A path as written, relative to `dir`, as a workspace path; undefined (with a warning) when templated. */
    const resolve = (written, dir, place) => {
        if (written.includes('${')) {
            warn(`${written} is built by DVC's templating (\${...}), which mlci does not evaluate: it is left out`, place);
            return undefined;
        }
        const path = external_node_path_.posix.normalize(external_node_path_.posix.join(dir, written.replace(/\\/g, '/')));
        if (external_node_path_.posix.isAbsolute(written) || /^[A-Za-z]:/.test(written) || path === '..' || path.startsWith('../')) {
            throw new errors/* UserError */.y(`invalid dvc.yaml: "${written}" is outside the workspace; paths in dvc.yaml are relative to its folder`, place);
        }
        return path === '.' ? '' : path;
    };
    const kind = async (path) => {
        try {
            const real = await (0,contained/* containedPath */.fX)(path || '.', { input, boundary });
            const s = await (0,promises_.stat)(real);
            return s.isDirectory() ? 'dir' : s.isFile() ? 'file' : undefined;
        }
        catch (e) {
            const code = e.code;
            if (code === 'ENOENT' || code === 'ENOTDIR')
                return undefined;
            throw e;
        }
    };
    /** The files of a path that exist (a folder's, recursively, that match `wanted`), or none with a warning. */
    const filesOf = async (path, wanted, what, place) => {
        const k = await kind(path);
        if (k === 'file')
            return [path];
        if (k === undefined) {
            warn(`${what} ${path} does not exist in the workspace: it is left out`, place);
            return [];
        }
        const real = await (0,contained/* containedPath */.fX)(path, { input, boundary });
        const found = [];
        for (const entry of (await (0,promises_.readdir)(real, { recursive: true })).map((f) => f.split('\\').join('/')).sort()) {
            const full = external_node_path_.posix.join(path, entry);
            if (!wanted.test(entry) || full.split('/').includes('.git') || (await kind(full)) !== 'file')
                continue;
            found.push(full);
        }
        return found;
    };
    const metrics = new Set();
    const params = new Set();
    const plots = [];
    const ids = new Set();
    const specific = new Map();
    const addMetrics = async (written, dir, path) => {
        const p = resolve(written, dir, at(path));
        if (p !== undefined)
            for (const f of await filesOf(p, METRICS, 'the metrics file', at(path)))
                metrics.add(f);
    };
    const addParams = async (written, dir, path) => {
        const p = resolve(written, dir, at(path));
        if (p !== undefined && (await kind(p)) === 'file')
            params.add(p);
    };
    /** A path plot: a file, or each data file of a folder, with the same settings. */
    const addPathPlot = async (written, dir, settings, path) => {
        // `- path` is placed at the item; `- path: {settings}` at the key.
        const place = at(path, typeof path.at(-1) === 'string');
        const p = resolve(written, dir, place);
        if (p === undefined)
            return;
        const props = settings ?? {};
        const placeOf = (key) => (key && key in props ? at([...path, key]) : place);
        const all = await filesOf(p, /./, 'the plot', place);
        const files = all.filter((f) => DATA.test(f));
        const images = all.filter((f) => IMAGE.test(f));
        if (images.length > 0) {
            problems.push({
                severity: 'notice',
                title: 'dvc.yaml',
                message: `${images.length === 1 ? images[0] : `${images.length} images under ${p}`}: DVC shows images as they are; the report charts data files only, so ${images.length === 1 ? 'it is' : 'they are'} left out`,
                ...place,
            });
        }
        const k = await kind(p);
        if (k === 'file' && !DATA.test(p) && !IMAGE.test(p))
            warn(`the plot ${p} is not a JSON, CSV or TSV file: it is left out`, place);
        if (k === 'dir' && files.length === 0 && images.length === 0)
            warn(`the plots folder ${p} holds no JSON, CSV or TSV file to chart`, place);
        for (const f of files) {
            // A file met twice (a folder and the file in it) is drawn once, by its most specific
            // definition (the longest path), as DVC does.
            const already = plots.findIndex((q) => q.data === f && q.sources === undefined);
            if (already >= 0 && (specific.get(f) ?? 0) > p.length)
                continue;
            specific.set(f, p.length);
            const plot = (0,dvc/* dvcFilePlot */.lg)(already >= 0 ? plots[already].id : (0,dvc/* plotId */.z_)(f, ids), f, props, placeOf, f);
            if (already >= 0)
                plots[already] = plot;
            else
                plots.push(plot);
        }
    };
    for (const [i, m] of (doc.metrics ?? []).entries())
        await addMetrics(m, root, ['metrics', i]);
    for (const [i, p] of (doc.params ?? []).entries())
        await addParams(p, root, ['params', i]);
    for (const [i, entry] of (doc.plots ?? []).entries()) {
        if (typeof entry === 'string') {
            await addPathPlot(entry, root, null, ['plots', i]);
            continue;
        }
        for (const [key, settings] of Object.entries(entry)) {
            const path = ['plots', i, key];
            const y = settings?.y;
            if (y === undefined || typeof y !== 'object' || Array.isArray(y)) {
                await addPathPlot(key, root, settings, path);
                continue;
            }
            const props = settings;
            const skipped = [...Object.keys(y), ...(typeof props.x === 'object' ? Object.keys(props.x) : [])].find((f) => f.includes('${'));
            if (skipped) {
                resolve(skipped, root, at([...path, 'y']));
                continue;
            }
            plots.push(...(0,dvc/* dvcNamedPlot */.ev)((n) => (0,dvc/* plotId */.z_)(n, ids), key, props, (k) => (k && k in props ? at([...path, k]) : at(path, true)), (f, axis) => resolve(f, root, at([...path, axis, f], true)) ?? f));
        }
    }
    for (const [stageName, raw] of Object.entries(doc.stages ?? {})) {
        const def = raw.do ?? raw;
        const base = raw.do ? ['stages', stageName, 'do'] : ['stages', stageName];
        if (def.wdir?.includes('${')) {
            warn(`stage ${stageName}'s wdir is built by DVC's templating, which mlci does not evaluate: its outputs are left out`, at([...base, 'wdir']));
            continue;
        }
        const wdir = resolve(def.wdir ?? '.', root, at([...base, 'wdir'])) ?? root;
        for (const [i, out] of (def.metrics ?? []).entries()) {
            for (const written of typeof out === 'string' ? [out] : Object.keys(out))
                await addMetrics(written, wdir, [...base, 'metrics', i]);
        }
        for (const [i, out] of (def.plots ?? []).entries()) {
            if (typeof out === 'string') {
                await addPathPlot(out, wdir, null, [...base, 'plots', i]);
                continue;
            }
            for (const [written, settings] of Object.entries(out)) {
                await addPathPlot(written, wdir, Array.isArray(settings) ? (settings[0] ?? null) : plotSettings(settings), [...base, 'plots', i, written]);
            }
        }
        for (const [i, p] of (def.params ?? []).entries()) {
            // `- lr` is a key of the stage's params.yaml; `- other.yaml: [keys]` keys of that file.
            for (const written of typeof p === 'string' ? ['params.yaml'] : Object.keys(p))
                await addParams(written, wdir, [...base, 'params', i]);
        }
    }
    // DVC reads the params.yaml beside its dvc.yaml whether or not a stage names it.
    await addParams('params.yaml', root, []);
    return { file: name, metrics: [...metrics].sort(), params: [...params].sort(), plots: { file: name, plots }, problems };
}
/** A stage's plot output settings, without DVC's output flags (cache, persist, ...). */
function plotSettings(s) {
    if (!s)
        return null;
    const { template, x, y, title, x_label, y_label } = s;
    return Object.fromEntries(Object.entries({ template, x, y, title, x_label, y_label }).filter(([, v]) => v !== undefined));
}
function describe(v) {
    const name = v.path.length === 0 ? 'the top level' : v.path.map(String).join('.');
    if (v.keyword === 'additionalProperties') {
        return `unknown plot setting "${String(v.path.at(-1))}" in ${v.path.slice(0, -1).map(String).join('.')} (allowed: template, x, y, x_label, y_label, title)`;
    }
    if (v.path[0] === 'plots' && v.path.length === 2)
        return `${name} must be a path or {path or name: {x, y, template, ...}}`;
    if (v.path.at(-1) === 'template')
        return `${name} must be a template name (${Object.keys(dvc/* DVC_TEMPLATES */.m8).join(', ')})`;
    if (v.path.length === 1 && v.keyword === 'type')
        return name === 'stages' ? '`stages` must be a mapping of stage names to stages' : `\`${name}\` must be a list of paths`;
    return `${name} ${v.message}`;
}
//# sourceMappingURL=dvc-yaml.js.map

/***/ })

};
