export const id = 500;
export const ids = [500];
export const modules = {

/***/ 3119:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 3 modules
var lib_core = __webpack_require__(235);
// EXTERNAL MODULE: ./packages/core/lib/errors.js
var lib_errors = __webpack_require__(7706);
// EXTERNAL MODULE: ./packages/core/lib/files/contained.js
var contained = __webpack_require__(3748);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./packages/core/lib/section/run-identity.js



const RUN_FILE = 'run.json';
/** The run named by the environment, or undefined outside any CI that names its runs. */
function runFromEnv(env = process.env) {
    if (env.MLCI_RUN_ID)
        return { id: env.MLCI_RUN_ID, source: 'env' };
    if (env.GITHUB_RUN_ID) {
        const attempt = Number(env.GITHUB_RUN_ATTEMPT);
        return {
            id: env.GITHUB_RUN_ID,
            ...(Number.isInteger(attempt) && attempt > 0 ? { attempt } : {}),
            ...(env.GITHUB_JOB ? { job: env.GITHUB_JOB } : {}),
            source: 'github',
        };
    }
    if (env.GITLAB_CI && env.CI_PIPELINE_ID)
        return { id: env.CI_PIPELINE_ID, ...(env.CI_JOB_NAME ? { job: env.CI_JOB_NAME } : {}), source: 'gitlab' };
    if (env.BUILD_TAG && env.JENKINS_URL)
        return { id: env.BUILD_TAG, source: 'jenkins' };
    return undefined;
}
async function readRunFile(dir) {
    try {
        const parsed = JSON.parse(await (0,promises_.readFile)((0,external_node_path_.join)(dir, RUN_FILE), 'utf8'));
        return typeof parsed?.id === 'string' && parsed.id ? parsed : undefined;
    }
    catch {
        return undefined;
    }
}
async function writeRunFile(dir, run) {
    await (0,promises_.mkdir)(dir, { recursive: true });
    const file = (0,external_node_path_.join)(dir, RUN_FILE);
    const tmp = `${file}.${process.pid}.tmp`;
    await (0,promises_.writeFile)(tmp, JSON.stringify(run, null, 2) + '\n');
    await (0,promises_.rename)(tmp, file);
}
/** The run a section written now into `dir` belongs to; starts a local run when needed. */
async function writerRun(dir, env = process.env) {
    const named = runFromEnv(env);
    if (named)
        return named;
    const file = await readRunFile(dir);
    if (file && !file.reported)
        return { id: file.id, source: 'local' };
    const started = { id: `local-${(0,external_node_crypto_.randomUUID)().slice(0, 8)}`, started: new Date().toISOString() };
    await writeRunFile(dir, started);
    return { id: started.id, source: 'local' };
}
/** The run a report read from `dir` now shows: undefined when nothing names one (show all). */
async function readerRun(dir, env = process.env) {
    const named = runFromEnv(env);
    if (named)
        return named;
    const file = await readRunFile(dir);
    return file ? { id: file.id, source: 'local' } : undefined;
}
/** After a local report: the next section written into `dir` starts a new run. */
async function markRunReported(dir, env = process.env) {
    if (runFromEnv(env))
        return;
    const file = await readRunFile(dir);
    if (file && !file.reported)
        await writeRunFile(dir, { ...file, reported: new Date().toISOString() });
}
/** The job (where the source names one) does not matter: jobs of one run share a report. */
function sameRun(a, b) {
    return a.source === b.source && a.id === b.id && (a.attempt ?? 1) === (b.attempt ?? 1);
}
/** `run 4242 attempt 2`, `run local-1a2b3c4d`: how a report names a run. */
function run_identity_describeRun(r) {
    return `run ${r.id}${r.attempt !== undefined ? ` attempt ${r.attempt}` : ''}`;
}
//# sourceMappingURL=run-identity.js.map
// EXTERNAL MODULE: ./node_modules/ajv/dist/runtime/ucs2length.js
var ucs2length = __webpack_require__(6214);
;// CONCATENATED MODULE: ./packages/core/lib/section/section-schema.validate.js

const func2 = ucs2length["default"] ?? ucs2length;
const schema11 = { "type": "object", "required": ["schema", "action", "id", "stage", "title", "status", "summary", "markdown", "created"], "properties": { "schema": { "const": "mlci/section@1" }, "action": { "type": "string", "minLength": 1 }, "id": { "type": "string", "pattern": "^[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}$" }, "stage": { "enum": ["data", "training", "tests", "metrics", "model", "other"] }, "title": { "type": "string" }, "status": { "enum": ["pass", "warn", "fail", "info"] }, "summary": { "type": "string" }, "markdown": { "type": "string" }, "data": {}, "images": { "type": "array", "items": { "type": "object", "required": ["path", "alt"], "properties": { "path": { "type": "string", "minLength": 1 }, "alt": { "type": "string" }, "fallback": { "type": "string" } } } }, "created": { "type": "string" }, "run": { "type": "object", "required": ["id", "source"], "properties": { "id": { "type": "string", "minLength": 1 }, "attempt": { "type": "integer", "minimum": 1 }, "job": { "type": "string" }, "source": { "enum": ["env", "github", "gitlab", "jenkins", "local"] } } }, "summarized": { "type": "boolean" } } };
const pattern0 = new RegExp("^[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}$", "u");
function validate10(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
    let vErrors = null;
    let errors = 0;
    if (data && typeof data == "object" && !Array.isArray(data)) {
        if (data.schema === undefined) {
            const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "schema" }, message: "must have required property '" + "schema" + "'" };
            if (vErrors === null) {
                vErrors = [err0];
            }
            else {
                vErrors.push(err0);
            }
            errors++;
        }
        if (data.action === undefined) {
            const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "action" }, message: "must have required property '" + "action" + "'" };
            if (vErrors === null) {
                vErrors = [err1];
            }
            else {
                vErrors.push(err1);
            }
            errors++;
        }
        if (data.id === undefined) {
            const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "id" }, message: "must have required property '" + "id" + "'" };
            if (vErrors === null) {
                vErrors = [err2];
            }
            else {
                vErrors.push(err2);
            }
            errors++;
        }
        if (data.stage === undefined) {
            const err3 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "stage" }, message: "must have required property '" + "stage" + "'" };
            if (vErrors === null) {
                vErrors = [err3];
            }
            else {
                vErrors.push(err3);
            }
            errors++;
        }
        if (data.title === undefined) {
            const err4 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "title" }, message: "must have required property '" + "title" + "'" };
            if (vErrors === null) {
                vErrors = [err4];
            }
            else {
                vErrors.push(err4);
            }
            errors++;
        }
        if (data.status === undefined) {
            const err5 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "status" }, message: "must have required property '" + "status" + "'" };
            if (vErrors === null) {
                vErrors = [err5];
            }
            else {
                vErrors.push(err5);
            }
            errors++;
        }
        if (data.summary === undefined) {
            const err6 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "summary" }, message: "must have required property '" + "summary" + "'" };
            if (vErrors === null) {
                vErrors = [err6];
            }
            else {
                vErrors.push(err6);
            }
            errors++;
        }
        if (data.markdown === undefined) {
            const err7 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "markdown" }, message: "must have required property '" + "markdown" + "'" };
            if (vErrors === null) {
                vErrors = [err7];
            }
            else {
                vErrors.push(err7);
            }
            errors++;
        }
        if (data.created === undefined) {
            const err8 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "created" }, message: "must have required property '" + "created" + "'" };
            if (vErrors === null) {
                vErrors = [err8];
            }
            else {
                vErrors.push(err8);
            }
            errors++;
        }
        if (data.schema !== undefined) {
            if ("mlci/section@1" !== data.schema) {
                const err9 = { instancePath: instancePath + "/schema", schemaPath: "#/properties/schema/const", keyword: "const", params: { allowedValue: "mlci/section@1" }, message: "must be equal to constant" };
                if (vErrors === null) {
                    vErrors = [err9];
                }
                else {
                    vErrors.push(err9);
                }
                errors++;
            }
        }
        if (data.action !== undefined) {
            let data1 = data.action;
            if (typeof data1 === "string") {
                if (func2(data1) < 1) {
                    const err10 = { instancePath: instancePath + "/action", schemaPath: "#/properties/action/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
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
                const err11 = { instancePath: instancePath + "/action", schemaPath: "#/properties/action/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                    vErrors = [err11];
                }
                else {
                    vErrors.push(err11);
                }
                errors++;
            }
        }
        if (data.id !== undefined) {
            let data2 = data.id;
            if (typeof data2 === "string") {
                if (!pattern0.test(data2)) {
                    const err12 = { instancePath: instancePath + "/id", schemaPath: "#/properties/id/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}$" }, message: "must match pattern \"" + "^[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}$" + "\"" };
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
                const err13 = { instancePath: instancePath + "/id", schemaPath: "#/properties/id/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                    vErrors = [err13];
                }
                else {
                    vErrors.push(err13);
                }
                errors++;
            }
        }
        if (data.stage !== undefined) {
            let data3 = data.stage;
            if (!((((((data3 === "data") || (data3 === "training")) || (data3 === "tests")) || (data3 === "metrics")) || (data3 === "model")) || (data3 === "other"))) {
                const err14 = { instancePath: instancePath + "/stage", schemaPath: "#/properties/stage/enum", keyword: "enum", params: { allowedValues: schema11.properties.stage.enum }, message: "must be equal to one of the allowed values" };
                if (vErrors === null) {
                    vErrors = [err14];
                }
                else {
                    vErrors.push(err14);
                }
                errors++;
            }
        }
        if (data.title !== undefined) {
            if (typeof data.title !== "string") {
                const err15 = { instancePath: instancePath + "/title", schemaPath: "#/properties/title/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                    vErrors = [err15];
                }
                else {
                    vErrors.push(err15);
                }
                errors++;
            }
        }
        if (data.status !== undefined) {
            let data5 = data.status;
            if (!((((data5 === "pass") || (data5 === "warn")) || (data5 === "fail")) || (data5 === "info"))) {
                const err16 = { instancePath: instancePath + "/status", schemaPath: "#/properties/status/enum", keyword: "enum", params: { allowedValues: schema11.properties.status.enum }, message: "must be equal to one of the allowed values" };
                if (vErrors === null) {
                    vErrors = [err16];
                }
                else {
                    vErrors.push(err16);
                }
                errors++;
            }
        }
        if (data.summary !== undefined) {
            if (typeof data.summary !== "string") {
                const err17 = { instancePath: instancePath + "/summary", schemaPath: "#/properties/summary/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                    vErrors = [err17];
                }
                else {
                    vErrors.push(err17);
                }
                errors++;
            }
        }
        if (data.markdown !== undefined) {
            if (typeof data.markdown !== "string") {
                const err18 = { instancePath: instancePath + "/markdown", schemaPath: "#/properties/markdown/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                    vErrors = [err18];
                }
                else {
                    vErrors.push(err18);
                }
                errors++;
            }
        }
        if (data.images !== undefined) {
            let data8 = data.images;
            if (Array.isArray(data8)) {
                const len0 = data8.length;
                for (let i0 = 0; i0 < len0; i0++) {
                    let data9 = data8[i0];
                    if (data9 && typeof data9 == "object" && !Array.isArray(data9)) {
                        if (data9.path === undefined) {
                            const err19 = { instancePath: instancePath + "/images/" + i0, schemaPath: "#/properties/images/items/required", keyword: "required", params: { missingProperty: "path" }, message: "must have required property '" + "path" + "'" };
                            if (vErrors === null) {
                                vErrors = [err19];
                            }
                            else {
                                vErrors.push(err19);
                            }
                            errors++;
                        }
                        if (data9.alt === undefined) {
                            const err20 = { instancePath: instancePath + "/images/" + i0, schemaPath: "#/properties/images/items/required", keyword: "required", params: { missingProperty: "alt" }, message: "must have required property '" + "alt" + "'" };
                            if (vErrors === null) {
                                vErrors = [err20];
                            }
                            else {
                                vErrors.push(err20);
                            }
                            errors++;
                        }
                        if (data9.path !== undefined) {
                            let data10 = data9.path;
                            if (typeof data10 === "string") {
                                if (func2(data10) < 1) {
                                    const err21 = { instancePath: instancePath + "/images/" + i0 + "/path", schemaPath: "#/properties/images/items/properties/path/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                                    if (vErrors === null) {
                                        vErrors = [err21];
                                    }
                                    else {
                                        vErrors.push(err21);
                                    }
                                    errors++;
                                }
                            }
                            else {
                                const err22 = { instancePath: instancePath + "/images/" + i0 + "/path", schemaPath: "#/properties/images/items/properties/path/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                if (vErrors === null) {
                                    vErrors = [err22];
                                }
                                else {
                                    vErrors.push(err22);
                                }
                                errors++;
                            }
                        }
                        if (data9.alt !== undefined) {
                            if (typeof data9.alt !== "string") {
                                const err23 = { instancePath: instancePath + "/images/" + i0 + "/alt", schemaPath: "#/properties/images/items/properties/alt/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                if (vErrors === null) {
                                    vErrors = [err23];
                                }
                                else {
                                    vErrors.push(err23);
                                }
                                errors++;
                            }
                        }
                        if (data9.fallback !== undefined) {
                            if (typeof data9.fallback !== "string") {
                                const err24 = { instancePath: instancePath + "/images/" + i0 + "/fallback", schemaPath: "#/properties/images/items/properties/fallback/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                if (vErrors === null) {
                                    vErrors = [err24];
                                }
                                else {
                                    vErrors.push(err24);
                                }
                                errors++;
                            }
                        }
                    }
                    else {
                        const err25 = { instancePath: instancePath + "/images/" + i0, schemaPath: "#/properties/images/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
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
            else {
                const err26 = { instancePath: instancePath + "/images", schemaPath: "#/properties/images/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                if (vErrors === null) {
                    vErrors = [err26];
                }
                else {
                    vErrors.push(err26);
                }
                errors++;
            }
        }
        if (data.created !== undefined) {
            if (typeof data.created !== "string") {
                const err27 = { instancePath: instancePath + "/created", schemaPath: "#/properties/created/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                    vErrors = [err27];
                }
                else {
                    vErrors.push(err27);
                }
                errors++;
            }
        }
        if (data.run !== undefined) {
            let data14 = data.run;
            if (data14 && typeof data14 == "object" && !Array.isArray(data14)) {
                if (data14.id === undefined) {
                    const err28 = { instancePath: instancePath + "/run", schemaPath: "#/properties/run/required", keyword: "required", params: { missingProperty: "id" }, message: "must have required property '" + "id" + "'" };
                    if (vErrors === null) {
                        vErrors = [err28];
                    }
                    else {
                        vErrors.push(err28);
                    }
                    errors++;
                }
                if (data14.source === undefined) {
                    const err29 = { instancePath: instancePath + "/run", schemaPath: "#/properties/run/required", keyword: "required", params: { missingProperty: "source" }, message: "must have required property '" + "source" + "'" };
                    if (vErrors === null) {
                        vErrors = [err29];
                    }
                    else {
                        vErrors.push(err29);
                    }
                    errors++;
                }
                if (data14.id !== undefined) {
                    let data15 = data14.id;
                    if (typeof data15 === "string") {
                        if (func2(data15) < 1) {
                            const err30 = { instancePath: instancePath + "/run/id", schemaPath: "#/properties/run/properties/id/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                            if (vErrors === null) {
                                vErrors = [err30];
                            }
                            else {
                                vErrors.push(err30);
                            }
                            errors++;
                        }
                    }
                    else {
                        const err31 = { instancePath: instancePath + "/run/id", schemaPath: "#/properties/run/properties/id/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                        if (vErrors === null) {
                            vErrors = [err31];
                        }
                        else {
                            vErrors.push(err31);
                        }
                        errors++;
                    }
                }
                if (data14.attempt !== undefined) {
                    let data16 = data14.attempt;
                    if (!((typeof data16 == "number") && (!(data16 % 1) && !isNaN(data16)))) {
                        const err32 = { instancePath: instancePath + "/run/attempt", schemaPath: "#/properties/run/properties/attempt/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                        if (vErrors === null) {
                            vErrors = [err32];
                        }
                        else {
                            vErrors.push(err32);
                        }
                        errors++;
                    }
                    if (typeof data16 == "number") {
                        if (data16 < 1 || isNaN(data16)) {
                            const err33 = { instancePath: instancePath + "/run/attempt", schemaPath: "#/properties/run/properties/attempt/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
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
                if (data14.job !== undefined) {
                    if (typeof data14.job !== "string") {
                        const err34 = { instancePath: instancePath + "/run/job", schemaPath: "#/properties/run/properties/job/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                        if (vErrors === null) {
                            vErrors = [err34];
                        }
                        else {
                            vErrors.push(err34);
                        }
                        errors++;
                    }
                }
                if (data14.source !== undefined) {
                    let data18 = data14.source;
                    if (!(((((data18 === "env") || (data18 === "github")) || (data18 === "gitlab")) || (data18 === "jenkins")) || (data18 === "local"))) {
                        const err35 = { instancePath: instancePath + "/run/source", schemaPath: "#/properties/run/properties/source/enum", keyword: "enum", params: { allowedValues: schema11.properties.run.properties.source.enum }, message: "must be equal to one of the allowed values" };
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
                const err36 = { instancePath: instancePath + "/run", schemaPath: "#/properties/run/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                if (vErrors === null) {
                    vErrors = [err36];
                }
                else {
                    vErrors.push(err36);
                }
                errors++;
            }
        }
        if (data.summarized !== undefined) {
            if (typeof data.summarized !== "boolean") {
                const err37 = { instancePath: instancePath + "/summarized", schemaPath: "#/properties/summarized/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
                if (vErrors === null) {
                    vErrors = [err37];
                }
                else {
                    vErrors.push(err37);
                }
                errors++;
            }
        }
    }
    else {
        const err38 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
            vErrors = [err38];
        }
        else {
            vErrors.push(err38);
        }
        errors++;
    }
    validate10.errors = vErrors;
    return errors === 0;
}
const validate = validate10;
//# sourceMappingURL=section-schema.validate.js.map
;// CONCATENATED MODULE: ./packages/core/lib/files/names.js

/**
 * A value that becomes part of a file name (`mlci-comment-<id>.md`, `<section id>.section.json`):
 * letters, digits, `.`, `_` and `-`, not starting with a dot, so it can name neither a folder
 * above (`../x`) nor a hidden file. Refused rather than cleaned up: a changed id would also
 * change which comment the report updates.
 */
const SAFE_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}$/;
function names_checkedName(value, input) {
    if (!SAFE_NAME.test(value)) {
        throw new UserError(`input "${input}" must be 1 to 100 letters, digits, ".", "_" or "-" (not starting with "."), not "${value}": it names files`, {
            input,
        });
    }
    return value;
}
//# sourceMappingURL=names.js.map
;// CONCATENATED MODULE: ./packages/core/lib/section/section-schema.js

/**
 * The JSON Schema of a report section file (section.ts). Its validator is compiled ahead of time
 * into section-schema.validate.ts by scripts/json-schema-validators.js, so no action loads ajv to
 * write its section.
 */
const SECTION_SCHEMA = 'mlci/section@1';
const section_schema_STAGE_ORDER = ['data', 'training', 'tests', 'metrics', 'model', 'other'];
const SECTION_JSON_SCHEMA = {
    type: 'object',
    required: ['schema', 'action', 'id', 'stage', 'title', 'status', 'summary', 'markdown', 'created'],
    properties: {
        schema: { const: SECTION_SCHEMA },
        action: { type: 'string', minLength: 1 },
        id: { type: 'string', pattern: SAFE_NAME.source },
        stage: { enum: section_schema_STAGE_ORDER },
        title: { type: 'string' },
        status: { enum: ['pass', 'warn', 'fail', 'info'] },
        summary: { type: 'string' },
        markdown: { type: 'string' },
        data: {},
        images: {
            type: 'array',
            items: {
                type: 'object',
                required: ['path', 'alt'],
                properties: {
                    path: { type: 'string', minLength: 1 },
                    alt: { type: 'string' },
                    fallback: { type: 'string' },
                },
            },
        },
        created: { type: 'string' },
        run: {
            type: 'object',
            required: ['id', 'source'],
            properties: {
                id: { type: 'string', minLength: 1 },
                attempt: { type: 'integer', minimum: 1 },
                job: { type: 'string' },
                source: { enum: ['env', 'github', 'gitlab', 'jenkins', 'local'] },
            },
        },
        summarized: { type: 'boolean' },
    },
};
//# sourceMappingURL=section-schema.js.map
;// CONCATENATED MODULE: ./packages/core/lib/section/section.js







/**
 * The report bundle is how actions talk to each other: every action writes one section file into
 * the job's report directory and comment-report reads them all. Plain files, so a bundle can travel
 * as an artifact to another job or workflow and the CLI can build the same report on a laptop.
 *
 * Layout of a report directory:
 *   <dir>/<id>.section.json   one per section (this schema)
 *   <dir>/<id>/...            the section's assets (images, specs); paths in the section are
 *                             relative to <dir>
 */

/** Worst first: the order in which statuses win when sections are combined. */
const STATUS_RANK = { fail: 3, warn: 2, pass: 1, info: 0 };
const SUFFIX = '.section.json';
/** Where the section `id` of a report directory lives. */
function sectionFile(dir, id) {
    return (0,external_node_path_.join)(dir, id + SUFFIX);
}
/**
 * Writes a section atomically (temp file + rename) so a reader never sees half a file. The
 * section records the run that wrote it unless it says so itself.
 */
async function writeSection(dir, section, env = process.env) {
    const full = { schema: SECTION_SCHEMA, created: new Date().toISOString(), ...section };
    full.run ??= await writerRun(dir, env);
    if (!validate(full)) {
        throw new Error(`invalid report section ${section.id}: ${JSON.stringify(validate.errors)}`);
    }
    await (0,promises_.mkdir)(dir, { recursive: true });
    const file = sectionFile(dir, full.id);
    const tmp = `${file}.${process.pid}.tmp`;
    await (0,promises_.writeFile)(tmp, JSON.stringify(full, null, 2) + '\n');
    await (0,promises_.rename)(tmp, file);
    return file;
}
/** Reads every section of a report directory. A missing directory is an empty report. */
async function readSections(dir) {
    let names;
    try {
        names = await readdir(dir);
    }
    catch (e) {
        if (e.code === 'ENOENT')
            return [];
        throw e;
    }
    const sections = [];
    for (const name of names.filter((n) => n.endsWith(SUFFIX)).sort())
        sections.push(await readSection(join(dir, name)));
    return sections;
}
/**
 * Reads one section file; one that is not valid JSON or not a section names the file. `own`: the
 * file the calling step itself just wrote (its report directory may lie outside the workspace),
 * so it is read without the workspace boundary.
 */
async function readSection(file, o = {}) {
    let parsed;
    try {
        parsed = JSON.parse(o.own ? await (0,promises_.readFile)(file, 'utf8') : await (0,contained/* readContained */.gu)(file, { input: 'report-dir' }, 'utf8'));
    }
    catch (e) {
        if ((0,lib_errors/* isUserError */.i)(e))
            throw e;
        throw new lib_errors/* UserError */.y(`report section is not valid JSON: ${e.message}`, { file });
    }
    if (!validate(parsed)) {
        const first = validate.errors?.[0];
        throw new lib_errors/* UserError */.y(`report section does not match ${SECTION_SCHEMA}: ${first?.instancePath || '/'} ${first?.message}`, { file });
    }
    return parsed;
}
function section_worstStatus(statuses) {
    let worst = 'info';
    for (const s of statuses)
        if (STATUS_RANK[s] > STATUS_RANK[worst])
            worst = s;
    return worst;
}
/** Orders sections by stage (data, training, tests, metrics, model), keeping write order within a stage. */
function section_orderSections(sections) {
    return sections
        .map((s, i) => ({ s, i }))
        .sort((a, b) => STAGE_ORDER.indexOf(a.s.stage) - STAGE_ORDER.indexOf(b.s.stage) || a.s.created.localeCompare(b.s.created) || a.i - b.i)
        .map(({ s }) => s);
}
/** The report directory every action shares unless told otherwise. */
function defaultReportDir(env = process.env) {
    if (env.MLCI_REPORT_DIR)
        return env.MLCI_REPORT_DIR;
    if (env.RUNNER_TEMP)
        return (0,external_node_path_.join)(env.RUNNER_TEMP, 'mlci-report');
    return (0,external_node_path_.join)('.mlci', 'report');
}
//# sourceMappingURL=section.js.map
// EXTERNAL MODULE: ./node_modules/markdown-table/index.js
var markdown_table = __webpack_require__(735);
;// CONCATENATED MODULE: ./packages/core/lib/section/escape.js

/**
 * Data shown in a report (file names, column names, metric names, values from a user's JSON) must
 * never break the markdown around it, inject HTML, or notify people. Everything here turns
 * untrusted text into markdown/HTML that renders as that exact text.
 */
// GitHub links `@user` / `@org/team` and `#123` after rendering, on the text nodes of the HTML.
// A zero-width space between the sigil and the name survives rendering (as a character in the
// text node) and breaks those patterns; Renovate and Dependabot neutralise mentions the same way.
// The entity form keeps the raw markdown readable and works both in markdown text and raw HTML.
const ZWSP_ENTITY = '&#8203;';
// ASCII punctuation that has a meaning somewhere in CommonMark/GFM inline or at the start of a
// line. CommonMark defines a backslash escape for every ASCII punctuation character, so escaping
// one that happens to be harmless in its position still renders as the bare character.
// `:` too: it stops `:emoji:` shortcodes and URL autolinks, so data shows as written; `=` could
// underline the previous line into a heading.
// One pass, so that the `#` of an entity we emit is never taken for an issue reference.
const TEXT_TOKENS = /(@(?=[A-Za-z0-9]))|(#(?=\d))|([&<>])|([\\`*_{}[\]()#+\-.!|~:=])/g;
const HTML_TOKENS = /(@(?=[A-Za-z0-9]))|(#(?=\d))|([&<>"'])/g;
const HTML_ESCAPES = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&#39;',
};
/** Line breaks and other control characters would end a list item, heading or table row. */
function flattenControls(s) {
    return s.replace(/\r\n?|[\n\u2028\u2029]/g, ' ').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}
/**
 * Plain text for raw HTML contexts (`<summary>`, attributes, `<sub>` lines): markdown is not parsed
 * inside an HTML block on GitHub, so backslash escapes would show; entities are decoded instead.
 */
function escapeHtml(s) {
    return flattenControls(s).replace(HTML_TOKENS, (_m, at, hash, html) => (at ? '@' + ZWSP_ENTITY : hash ? '#' + ZWSP_ENTITY : HTML_ESCAPES[html]));
}
/**
 * Plain text as inline markdown: rendered as exactly this text, on one line, with no HTML, no
 * links, no emphasis and no @mentions. Line breaks become spaces (use escapeCell to keep them).
 */
function escape_escapeText(s) {
    return flattenControls(s).replace(TEXT_TOKENS, (_m, at, hash, html, md) => at ? '@' + ZWSP_ENTITY : hash ? '\\#' + ZWSP_ENTITY : html ? HTML_ESCAPES[html] : '\\' + md);
}
/** Text for one GFM table cell: escapeText, pipes escaped (by escapeText), line breaks as `<br>`. */
function escapeCell(s) {
    return s
        .split(/\r\n?|\n/)
        .map(escape_escapeText)
        .join('<br>');
}
/**
 * An inline code span showing exactly `s`, whatever backticks it holds, in or out of a table.
 *
 * A fence longer than any backtick run inside keeps the span closed. A pipe is the hard case: a
 * GFM table splits cells on `|` even inside code spans, and `\|` is unescaped only inside tables,
 * so no markdown code span is right in both places. Text with a pipe becomes `<code>` with
 * entities instead, which GitHub allows and styles like a code span everywhere.
 */
function codeSpan(s) {
    const text = s.replace(/\r\n?|\n/g, ' ');
    if (text === '')
        return '<code></code>';
    if (text.includes('|')) {
        // Inside inline HTML the text is still markdown, so markdown specials become entities too.
        const body = text.replace(/[&<>"'|\\`*_[\]~!@#:]/g, (c) => `&#${c.charCodeAt(0)};`);
        return `<code>${body}</code>`;
    }
    const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
    const fence = '`'.repeat(longestRun + 1);
    // CommonMark strips one space from each side when both are present; pad so the text survives.
    const pad = /^[` ]|[` ]$/.test(text) && text.trim() !== '' ? ' ' : '';
    return `${fence}${pad}${text}${pad}${fence}`;
}
/**
 * A GFM table. Cells are inserted verbatim: the caller escapes them (escapeCell for data,
 * codeSpan for identifiers) so that a cell may also hold deliberate markdown such as a link.
 * Delimiters are not padded into columns: alignment spaces render the same and only cost
 * characters against GitHub's comment limit.
 */
function table(headers, rows, align) {
    return (0,markdown_table/* markdownTable */.Q)([headers, ...rows], { align, alignDelimiters: false });
}
//# sourceMappingURL=escape.js.map
;// CONCATENATED MODULE: ./packages/core/lib/section/failure.js



/** An error as the one problem to annotate: a UserError with its place, anything else as our bug. */
function errorProblem(error, workspace) {
    if ((0,lib_errors/* isUserError */.i)(error)) {
        return {
            severity: 'error',
            message: error.message,
            file: error.file !== undefined ? shownPath(error.file, workspace) : undefined,
            line: error.line,
            column: error.line !== undefined ? error.column : undefined,
        };
    }
    const message = error instanceof Error ? error.message : String(error);
    return { severity: 'error', message: `mlci failed unexpectedly: ${message}` };
}
/** `file:line:column: message`, the way compilers and annotations say it. */
function describeProblem(p) {
    const where = [p.file, p.line, p.column].filter((x) => x !== undefined).join(':');
    return where ? `${where}: ${p.message}` : p.message;
}
function failureSection(slot, error, o = {}) {
    const problem = errorProblem(error, o.workspace);
    const unexpected = !(0,lib_errors/* isUserError */.i)(error);
    const lines = [`**${escape_escapeText(slot.action)} failed**, so nothing it checks was checked in this run.`, '', `- **Error:** ${escape_escapeText(problem.message)}`];
    if (problem.file !== undefined) {
        const at = [problem.line !== undefined ? `line ${problem.line}` : '', problem.column !== undefined ? `column ${problem.column}` : '']
            .filter(Boolean)
            .join(', ');
        lines.push(`- **Where:** ${escape_escapeText(problem.file)}${at ? `, ${at}` : ''}`);
    }
    const input = (0,lib_errors/* isUserError */.i)(error) ? error.input : undefined;
    if (input)
        lines.push(`- **Input:** ${escape_escapeText(input)}`);
    if (unexpected)
        lines.push('', 'This is a bug in mlci, not in your files: the step log has the details (debug logging shows the stack).');
    return {
        action: slot.action,
        id: slot.id,
        stage: slot.stage,
        title: slot.title,
        status: 'fail',
        summary: oneLine(`failed: ${describeProblem(problem)}`, 200),
        markdown: lines.join('\n') + '\n',
        data: {
            error: {
                message: problem.message,
                ...(problem.file !== undefined ? { file: problem.file } : {}),
                ...(problem.line !== undefined ? { line: problem.line } : {}),
                ...(problem.column !== undefined ? { column: problem.column } : {}),
                ...(input ? { input } : {}),
                unexpected,
            },
        },
    };
}
/** Paths inside the workspace as the user knows them (relative, `/`); others as they are. */
function shownPath(file, workspace) {
    if (!workspace || !(0,external_node_path_.isAbsolute)(file))
        return file;
    const rel = (0,external_node_path_.relative)(workspace, file);
    return rel && !rel.startsWith('..') && !(0,external_node_path_.isAbsolute)(rel) ? rel.split(external_node_path_.sep).join('/') : file;
}
function oneLine(s, max) {
    const flat = s.replace(/\s+/g, ' ').trim();
    return flat.length > max ? flat.slice(0, max - 1) + '…' : flat;
}
/**
 * A step that fails after writing its section (storing a baseline, say) keeps what it wrote:
 * the section turns `fail`, with the error above the body it had.
 */
function amendWithFailure(written, failure) {
    const { schema: _schema, created: _created, summarized: _summarized, ...rest } = written;
    return {
        ...rest,
        status: 'fail',
        summary: failure.summary,
        markdown: `${failure.markdown}\n${written.markdown}`,
        data: { ...(typeof written.data === 'object' && written.data !== null ? written.data : { result: written.data }), ...failure.data },
    };
}
//# sourceMappingURL=failure.js.map
;// CONCATENATED MODULE: ./packages/core/lib/report/compose.js




/**
 * The comment body, built from the report's sections as parts that fit.ts can fold or cut one by
 * one: a header (hidden marker, title, a line per section), the sections, a footer.
 */
const STATUS_ICON = { pass: '✅', warn: '⚠️', fail: '❌', info: 'ℹ️' };
/** What a job's status makes of the report: a failed one fails it, a cancelled one warns. */
function jobStatusOf(jobStatus) {
    const s = (jobStatus ?? '').trim().toLowerCase();
    if (s === '' || s === 'success' || s === 'neutral' || s === 'skipped')
        return undefined;
    return s === 'failure' || s === 'timed_out' ? 'fail' : 'warn';
}
/** Parts are separated by a blank line so that each starts a new block. */
const PART_SEPARATOR = '\n\n';
function composeReport(input) {
    const sections = orderSections(input.sections);
    const job = jobStatusOf(input.jobStatus);
    // A bundle's verdict replaces its sections' statuses; this job's own outcome still counts.
    const status = worstStatus([input.verdict?.status ?? worstStatus(sections.map((s) => s.status)), ...(job ? [job] : [])]);
    const parts = [{ kind: 'header', markdown: header(input, sections, status) }];
    for (const s of sections)
        if (input.showBody?.(s) ?? true)
            parts.push(sectionPart(s));
    const footer = footerMarkdown(input.footer);
    if (footer)
        parts.push({ kind: 'footer', markdown: footer });
    return { id: input.id, title: input.title, status, parts };
}
/** One section as a part that fit.ts can fold or cut: also what a step's own summary shows. */
function sectionPart(s) {
    return {
        kind: 'section',
        id: s.id,
        stage: s.stage,
        status: s.status,
        title: s.title,
        summary: s.summary,
        heading: s.title.trim() ? `### ${STATUS_ICON[s.status]} ${escape_escapeText(s.title.trim())}` : '',
        body: s.markdown.replace(/^\s*\n/, '').trimEnd(),
    };
}
function header(input, sections, status) {
    const lines = [reportMarker(input.id), `## ${STATUS_ICON[status]} ${escapeText(input.title)}`];
    if (input.verdict)
        lines.push('', `_${escapeText(input.verdict.note)}_`);
    const job = jobStatusOf(input.jobStatus);
    if (job) {
        const failed = sections.some((s) => s.status === 'fail');
        const why = job !== 'fail'
            ? 'it did not finish, so later steps may not have run.'
            : failed
                ? 'see the failing sections below.'
                : sections.length === 0
                    ? 'a step failed before any mlci step wrote a section, so nothing below was checked in this run.'
                    : 'a step failed without writing a report section, so this report is not the whole story: see the workflow run.';
        const verb = job === 'fail' ? 'The job failed' : `The job did not succeed`;
        lines.push('', `> ${STATUS_ICON[job]} **${verb}** (job status: ${escapeText(String(input.jobStatus).trim())}): ${why}`);
    }
    if (input.stale && input.stale.length > 0)
        lines.push('', staleNote(input.stale));
    const overview = sections
        .filter((s) => s.title.trim())
        .map((s) => {
        const summary = s.summary.trim() ? ` — ${escapeText(s.summary.trim())}` : '';
        return `- ${STATUS_ICON[s.status]} **${escapeText(s.title.trim())}**${summary}`;
    });
    if (sections.length === 0)
        lines.push('', '_No report sections were written in this run._');
    else if (overview.length)
        lines.push('', ...overview);
    return lines.join('\n');
}
function footerMarkdown(footer) {
    if (!footer)
        return undefined;
    const bits = [];
    if (footer.runUrl)
        bits.push(`[workflow run](${linkDestination(footer.runUrl)})`);
    // A bare short sha is what GitHub links to the commit.
    if (footer.sha)
        bits.push(escapeText(footer.sha.slice(0, 7)));
    if (footer.when)
        bits.push(escapeText(formatWhen(footer.when)));
    if (bits.length === 0)
        return undefined;
    return `<sub>Report by mlci · ${bits.join(' · ')}</sub>`;
}
function linkDestination(url) {
    return /[\s()<>]/.test(url) ? `<${url.replace(/[<>\s]/g, encodeURIComponent)}>` : url;
}
/** `2024-05-01T12:34:56.789Z` → `2024-05-01 12:34 UTC`; anything else as given. */
function formatWhen(when) {
    const t = Date.parse(when);
    if (Number.isNaN(t))
        return when;
    return new Date(t).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}
/** Says which sections were left out and why, so a reused report directory cannot hide a gap. */
function staleNote(stale) {
    const listed = stale
        .slice(0, 10)
        .map((s) => `${escapeText(s.title.trim() || s.id)} (${escapeText(s.run ? describeRun(s.run) : 'an unknown run')}, ${escapeText(formatWhen(s.created))})`);
    const more = stale.length > 10 ? `, and ${stale.length - 10} more` : '';
    const n = stale.length === 1 ? '1 section' : `${stale.length} sections`;
    return `> ℹ️ Left out ${n} that an earlier run left in the report directory, not written by this run: ${listed.join('; ')}${more}.`;
}
/** Delimits the note on a kept report, so the next run that writes nothing replaces it. */
const NOTE_START = '<!-- mlci-note -->';
const NOTE_END = '<!-- /mlci-note -->';
/**
 * A run that wrote no section never replaces a good report with an empty one: the comment keeps
 * the report an earlier run posted, under a note that says this run wrote nothing and why. The
 * earlier report is one untitled part, so fit.ts can cut it if the note pushes it over the limit.
 */
function keepPreviousReport(o) {
    const lines = o.previousBody.split(/\r?\n/);
    let rest = hasMarker(o.previousBody, o.id) ? lines.slice(1) : lines;
    const start = rest.indexOf(NOTE_START);
    const end = rest.indexOf(NOTE_END);
    if (start >= 0 && end > start)
        rest = [...rest.slice(0, start), ...rest.slice(end + 1)];
    const job = jobStatusOf(o.jobStatus);
    const status = job ?? 'info';
    const jobText = o.jobStatus?.trim() ? `job status: ${escapeText(o.jobStatus.trim())}` : 'job status unknown';
    const run = o.runUrl ? `[this run](${linkDestination(o.runUrl)})` : 'this run';
    const why = job === 'fail' ? 'a step failed before any mlci step wrote a section' : 'no mlci step wrote a section';
    const note = [
        NOTE_START,
        `> ${STATUS_ICON[job ?? 'warn']} **No report from ${run}** (${jobText}): ${why}, so nothing was checked in it. The report below is the one an earlier run posted; it is kept, not replaced by an empty one.`,
        NOTE_END,
    ].join('\n');
    return {
        id: o.id,
        title: o.title,
        status,
        parts: [
            { kind: 'header', markdown: `${reportMarker(o.id)}\n${note}` },
            {
                kind: 'section',
                id: 'previous-report',
                stage: 'other',
                status: 'info',
                title: '',
                summary: '',
                heading: '',
                body: rest
                    .join('\n')
                    .replace(/^\s*\n/, '')
                    .trimEnd(),
            },
        ],
    };
}
//# sourceMappingURL=compose.js.map
;// CONCATENATED MODULE: ./packages/core/lib/report/fit.js



const measureUtf16 = (s) => s.length;
const measureUtf8Bytes = (s) => Buffer.byteLength(s, 'utf8');
/**
 * The work is linear in the report and bounded by the limit: each part is measured once per view
 * it takes (the measure must be additive, as both measures above are: the size of a concatenation
 * is the sum of the sizes), never by re-rendering the whole report, and a body is cut by walking
 * its lines only as far as the room left for it. 10,000 sections or one 60 MB section cost what
 * their text costs, not its square.
 */
function fitReport(report, opts) {
    const measure = opts.measure ?? measureUtf16;
    const budget = opts.limit - (opts.margin ?? 64);
    const note = cutNote(opts.fullReportUrl, opts.limitOf ?? 'GitHub');
    const sections = report.parts.filter((p) => p.kind === 'section');
    const views = new Map(sections.map((s) => [s.id, { mode: 'full' }]));
    const render = () => renderReport(report, views, note);
    const sizer = new SectionSizer(measure, note);
    const sizes = new Map();
    // The separators between parts and the final newline.
    let total = measure(PART_SEPARATOR) * Math.max(0, report.parts.length - 1) + measure('\n');
    for (const p of report.parts) {
        if (p.kind !== 'section')
            total += measure(p.markdown);
        else {
            const size = sizer.size(p, { mode: 'full' });
            sizes.set(p.id, size);
            total += size;
        }
    }
    const setView = (s, view) => {
        const size = sizer.size(s, view);
        total += size - sizes.get(s.id);
        sizes.set(s.id, size);
        views.set(s.id, view);
    };
    if (total <= budget)
        return result(render(), views);
    // Least important first: info, pass, warn, fail; among equals the later stage, then the later
    // section. A failure is what the reader must see, so fail sections are never folded.
    const byImportance = sections
        .map((s, i) => ({ s, i }))
        .sort((a, b) => STATUS_RANK[a.s.status] - STATUS_RANK[b.s.status] || section_schema_STAGE_ORDER.indexOf(b.s.stage) - section_schema_STAGE_ORDER.indexOf(a.s.stage) || b.i - a.i)
        .map(({ s }) => s);
    // Folding makes the long report readable but only adds characters: cutting is what fits it.
    for (const s of byImportance)
        if (s.status !== 'fail')
            setView(s, { mode: 'folded' });
    for (const s of byImportance) {
        const folded = views.get(s.id).mode === 'folded';
        setView(s, { mode: 'cut' });
        if (total > budget)
            continue;
        // Cutting the whole body was enough: keep as many of its lines as still fit.
        const room = budget - (total - sizes.get(s.id)) - sizer.partialWrapper(s, folded);
        const lines = fittingLines(s.body, room, measure, true);
        if (lines > 0)
            setView(s, { mode: 'partial', lines, folded });
        if (total > budget)
            setView(s, { mode: 'cut' });
        return result(render(), views);
    }
    // Even with every section cut the header and footer are too long (a tiny limit or thousands of
    // sections): keep the lines that fit, marker first.
    return { ...result(cutLines(render(), budget, measure, note), views), truncated: true };
}
/** Sizes of a section's views, its body measured once (a body may be megabytes). */
class SectionSizer {
    bodies = new Map();
    measure;
    note;
    constructor(measure, note) {
        this.measure = measure;
        this.note = note;
    }
    body(s) {
        let size = this.bodies.get(s.id);
        if (size === undefined)
            this.bodies.set(s.id, (size = this.measure(s.body)));
        return size;
    }
    size(s, view) {
        const m = this.measure;
        switch (view.mode) {
            case 'full':
                return (s.heading ? m(s.heading) + m('\n\n') : 0) + this.body(s);
            case 'folded': {
                const [open, close] = detailsWrap(s);
                return m(open) + this.body(s) + m(close);
            }
            case 'cut':
                return m(renderSection(s, view, this.note));
            case 'partial':
                return m(renderSection(s, view, this.note));
        }
    }
    /** What a partial view adds around the kept lines of its body. */
    partialWrapper(s, folded) {
        const m = this.measure;
        const around = folded ? detailsWrap(s).reduce((a, w) => a + m(w), 0) : s.heading ? m(s.heading) + m('\n\n') : 0;
        return around + m('\n\n') + m(this.note);
    }
}
/**
 * How many lines from the start of `text` fit into `room` once closeOpenBlocks has closed what
 * they leave open. Lines are read one by one and no further than the room: a huge body is never
 * split whole. `keepOneOut`: the whole text never counts as a cut (it is the full view).
 */
function fittingLines(text, room, measure, keepOneOut = false) {
    const blocks = new OpenBlocks();
    const newline = measure('\n');
    let best = 0;
    let prefix = 0;
    let n = 0;
    for (let start = 0; start <= text.length;) {
        const end = text.indexOf('\n', start);
        const line = text.slice(start, end < 0 ? text.length : end);
        prefix += (n > 0 ? newline : 0) + measure(line);
        // The prefix only grows: once it alone is over, no longer prefix fits.
        if (prefix > room)
            break;
        n++;
        blocks.feed(line);
        if (end < 0 && keepOneOut)
            break;
        if (prefix + blocks.tailSize(measure) <= room)
            best = n;
        if (end < 0)
            break;
        start = end + 1;
    }
    return best;
}
function result(body, views) {
    const folded = [];
    const cut = [];
    for (const [id, v] of views) {
        if (v.mode === 'folded' || (v.mode === 'partial' && v.folded))
            folded.push(id);
        if (v.mode === 'cut' || v.mode === 'partial')
            cut.push(id);
    }
    return { body, truncated: cut.length > 0, folded, cut };
}
function cutNote(url, limitOf) {
    const where = url
        ? `the [full report](${/[\s()<>]/.test(url) ? `<${url.replace(/[<>\s]/g, encodeURIComponent)}>` : url})`
        : 'the job summary or the report artifact';
    return `> ✂️ Cut to fit ${limitOf}'s limit — see ${where}.`;
}
function renderReport(report, views, note) {
    const blocks = report.parts.map((p) => (p.kind === 'section' ? renderSection(p, views.get(p.id), note) : p.markdown));
    return blocks.join(PART_SEPARATOR) + '\n';
}
function renderSection(s, view, note) {
    const withHeading = (body) => (s.heading ? `${s.heading}\n\n${body}` : body);
    switch (view.mode) {
        case 'full':
            return withHeading(s.body);
        case 'folded':
            return details(s, s.body);
        case 'cut': {
            const summary = s.summary.trim() ? escape_escapeText(s.summary.trim()) + '\n\n' : '';
            return s.heading ? `${s.heading}\n\n${summary}${note}` : `${summary}${note}`;
        }
        case 'partial': {
            const body = closeOpenBlocks(s.body.split('\n').slice(0, view.lines));
            return (view.folded ? details(s, body) : withHeading(body)) + '\n\n' + note;
        }
    }
}
/**
 * The summary line is raw HTML: GitHub does not parse markdown in it, so it is escaped as HTML.
 * The body needs the blank lines around it to be parsed as markdown.
 */
function details(s, body) {
    const [open, close] = detailsWrap(s);
    return `${open}${body}${close}`;
}
function detailsWrap(s) {
    const label = [s.title.trim() ? `<b>${escapeHtml(s.title.trim())}</b>` : '', escapeHtml(s.summary.trim())].filter(Boolean).join(' — ');
    return [`<details>\n<summary>${STATUS_ICON[s.status]} ${label}</summary>\n\n`, '\n\n</details>'];
}
/** Closes a code fence or `<details>` left open where the body was cut. */
function closeOpenBlocks(lines) {
    const blocks = new OpenBlocks();
    for (const line of lines)
        blocks.feed(line);
    const tail = blocks.tail();
    return (tail.length > 0 ? [...lines, ...tail] : lines).join('\n').trimEnd();
}
/** The code fence and `<details>` open after the lines fed so far, line by line. */
class OpenBlocks {
    fence;
    openDetails = 0;
    feed(line) {
        if (this.fence) {
            const closing = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
            if (closing && closing[1][0] === this.fence.char && closing[1].length >= this.fence.length)
                this.fence = undefined;
            return;
        }
        const opening = /^ {0,3}(`{3,}|~{3,})/.exec(line);
        if (opening && !(opening[1][0] === '`' && line.slice(opening[0].length).includes('`'))) {
            this.fence = { char: opening[1][0], length: opening[1].length };
            return;
        }
        if (line.includes('<')) {
            this.openDetails += (line.match(/<details\b/gi) ?? []).length;
            this.openDetails = Math.max(0, this.openDetails - (line.match(/<\/details\s*>/gi) ?? []).length);
        }
    }
    /** The lines that close what is open. */
    tail() {
        const tail = [];
        if (this.fence)
            tail.push(this.fence.char.repeat(this.fence.length));
        for (let i = 0; i < this.openDetails; i++)
            tail.push('', '</details>');
        return tail;
    }
    /** The size the tail adds after the kept lines (an upper bound: the result is trimmed at its end). */
    tailSize(measure) {
        let size = 0;
        for (const line of this.tail())
            size += measure('\n') + measure(line);
        return size;
    }
}
function cutLines(body, budget, measure, note) {
    const ending = '\n\n' + note + '\n';
    // The marker line stays even if nothing else fits.
    const n = Math.max(1, fittingLines(body, budget - measure(ending), measure));
    let end = -1;
    for (let i = 0; i < n; i++) {
        const next = body.indexOf('\n', end + 1);
        if (next < 0) {
            end = body.length;
            break;
        }
        end = next;
    }
    return closeOpenBlocks(body.slice(0, end).split('\n')) + ending;
}
//# sourceMappingURL=fit.js.map
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./packages/core/lib/report/images.js







// Only image files: a markdown file from a pull request must not be able to send, say,
// /proc/self/environ or a symlink to it through the image publisher.
const IMAGE_EXTENSIONS = new Set(['.png', '.jpg', '.jpeg', '.gif', '.svg', '.webp', '.avif', '.bmp']);
// ![alt](dest "title"): alt may hold escaped brackets; dest is <...> or has no spaces and at most
// one level of balanced parentheses, as CommonMark allows.
const MD_IMAGE = /!\[((?:\\.|[^\\\]])*)\]\(\s*(<(?:\\.|[^\\<>\n])*>|(?:\\.|[^\s()\\]|\((?:\\.|[^\s()\\])*\))+)(\s+(?:"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'|\((?:\\.|[^()\\])*\)))?\s*\)/g;
const HTML_IMG = /<img\b[^>]*>/gi;
const SRC_ATTR = /(\ssrc\s*=\s*)("([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/i;
const ALT_ATTR = /\salt\s*=\s*("([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/i;
/** True for `http:`, `data:`, `mailto:` ... and `//host`: anything that is not a file path. */
function isRemote(ref) {
    return /^[a-z][a-z0-9+.-]*:/i.test(ref) || ref.startsWith('//') || ref.startsWith('#');
}
function unescapeMarkdown(s) {
    return s.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}
function decodeHtmlAttr(s) {
    return s
        .replace(/&quot;/g, '"')
        .replace(/&#39;|&apos;/g, "'")
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&');
}
/** The file path a markdown/HTML destination names: no query or fragment, percent-decoded. */
function refToFilePath(ref) {
    const bare = ref.replace(/[?#].*$/, '');
    if (bare === '')
        return undefined;
    try {
        return decodeURIComponent(bare);
    }
    catch {
        return bare;
    }
}
/**
 * Calls `visit` for every image outside code; its return value (if a string) replaces the image.
 */
function visitImages(markdown, visit) {
    return mapOutsideCode(markdown, (text) => text
        .replace(MD_IMAGE, (whole, alt, dest, title) => {
        const angled = dest.startsWith('<');
        const ref = angled ? dest.slice(1, -1) : dest;
        const found = {
            ref: unescapeMarkdown(ref),
            alt: unescapeMarkdown(alt),
            withUrl: (url) => `![${alt}](${markdownDestination(url)}${title ?? ''})`,
        };
        return visit(found) ?? whole;
    })
        .replace(HTML_IMG, (tag) => {
        const src = SRC_ATTR.exec(tag);
        if (!src)
            return tag;
        const alt = ALT_ATTR.exec(tag);
        const found = {
            ref: decodeHtmlAttr(src[3] ?? src[4] ?? src[5] ?? ''),
            alt: decodeHtmlAttr(alt ? (alt[2] ?? alt[3] ?? alt[4] ?? '') : ''),
            withUrl: (url) => tag.replace(SRC_ATTR, (_m, lead) => `${lead}"${url.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`),
        };
        return visit(found) ?? tag;
    }));
}
function markdownDestination(url) {
    return /[\s()<>]/.test(url) ? `<${url.replace(/[<>\n]/g, encodeURIComponent)}>` : url;
}
/**
 * Local image files the markdown shows, in order, each once per distinct `ref`. Paths resolve
 * against `baseDir`; only existing image files count (by extension, after following symlinks).
 */
function findLocalImages(markdown, baseDir) {
    const found = new Map();
    visitImages(markdown, ({ ref }) => {
        if (found.has(ref) || isRemote(ref))
            return undefined;
        const path = localImagePath(ref, baseDir);
        if (path)
            found.set(ref, { ref, path });
        return undefined;
    });
    return [...found.values()];
}
function localImagePath(ref, baseDir) {
    const file = refToFilePath(ref);
    if (file === undefined || isAbsolute(file))
        return undefined;
    const path = resolve(baseDir, file);
    try {
        const real = realpathSync(path);
        // An image that resolves outside the workspace (or mlci's own folders) is never published.
        if (outsideReason(real))
            return undefined;
        if (!IMAGE_EXTENSIONS.has(extname(real).toLowerCase()) || !statSync(real).isFile())
            return undefined;
    }
    catch {
        return undefined;
    }
    return path;
}
/**
 * Images of an untrusted bundle, checked before the write token commits anything: each must be a
 * file inside `root` once symlinks are followed (a `../../secret.png` or a link out is dropped),
 * a PNG, JPEG, GIF or WebP by its bytes, at most `bytesEach`, and together at most `count`
 * distinct files and `bytesTotal` bytes, in report order. The rest are dropped with a reason.
 */
async function vetUntrustedImages(perSection, root, limits = UNTRUSTED_IMAGE_LIMITS) {
    const realRoot = await realpath(root);
    const accepted = new Map(); // real path -> size
    let total = 0;
    const kept = [];
    const dropped = [];
    for (const images of perSection) {
        const k = [];
        const d = [];
        for (const img of images) {
            const verdict = await vetOne(img, realRoot);
            if ('reason' in verdict) {
                d.push({ ref: img.ref, reason: verdict.reason });
                continue;
            }
            const { real, size } = verdict;
            if (!accepted.has(real)) {
                if (size > limits.bytesEach) {
                    d.push({ ref: img.ref, reason: `larger than ${mib(limits.bytesEach)}` });
                    continue;
                }
                if (accepted.size >= limits.count) {
                    d.push({ ref: img.ref, reason: `more than ${limits.count} images` });
                    continue;
                }
                if (total + size > limits.bytesTotal) {
                    d.push({ ref: img.ref, reason: `more than ${mib(limits.bytesTotal)} of images in all` });
                    continue;
                }
                accepted.set(real, size);
                total += size;
            }
            k.push({ ref: img.ref, path: real });
        }
        kept.push(k);
        dropped.push(d);
    }
    return { kept, dropped };
}
function mib(bytes) {
    return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MB` : `${bytes} bytes`;
}
async function vetOne(img, realRoot) {
    let real;
    try {
        real = await realpath(img.path);
    }
    catch {
        return { reason: 'not found' };
    }
    const rel = relative(realRoot, real);
    if (rel === '' || rel.startsWith('..' + sep) || rel === '..' || isAbsolute(rel))
        return { reason: 'outside the report bundle' };
    const file = await open(real, 'r');
    try {
        const stat = await file.stat();
        if (!stat.isFile())
            return { reason: 'not a file' };
        const head = Buffer.alloc(16);
        const { bytesRead } = await file.read(head, 0, head.length, 0);
        if (!imageKind(head.subarray(0, bytesRead)))
            return { reason: 'not a PNG, JPEG, GIF or WebP image' };
        return { real, size: stat.size };
    }
    finally {
        await file.close();
    }
}
/**
 * Points published images at their URLs (`urls`: ref → URL). Any other local image becomes the
 * `fallback` markdown for it (a mermaid chart or a table, set apart as a block when it spans
 * lines) or, without one, an italic note. Remote and data: images are left as they are.
 */
function rewriteImages(markdown, urls, fallback) {
    return visitImages(markdown, ({ ref, alt, withUrl }) => {
        const url = urls.get(ref);
        if (url !== undefined)
            return withUrl(url);
        if (isRemote(ref))
            return undefined;
        const text = fallback?.(ref, alt);
        if (text !== undefined)
            return text.includes('\n') ? `\n\n${text.trim()}\n\n` : text;
        return `_image not published: ${escape_escapeText(alt || ref)}_`;
    });
}
/**
 * Applies `fn` to the parts of `markdown` that are neither fenced code blocks nor inline code
 * spans, keeping those as they are.
 */
function mapOutsideCode(markdown, fn) {
    const out = [];
    let prose = [];
    let fence;
    const flush = () => {
        if (prose.length)
            out.push(mapOutsideCodeSpans(prose.join(''), fn));
        prose = [];
    };
    for (const line of markdown.split(/(?<=\n)/)) {
        const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line);
        if (fence) {
            out.push(line);
            const closing = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
            if (closing && closing[1][0] === fence.char && closing[1].length >= fence.length)
                fence = undefined;
        }
        else if (marker && !(marker[1][0] === '`' && line.slice(marker[0].length).includes('`'))) {
            flush();
            fence = { char: marker[1][0], length: marker[1].length };
            out.push(line);
        }
        else {
            prose.push(line);
        }
    }
    flush();
    return out.join('');
}
function mapOutsideCodeSpans(text, fn) {
    let result = '';
    let from = 0;
    let i = 0;
    while (i < text.length) {
        if (text[i] === '\\') {
            i += 2;
            continue;
        }
        if (text[i] !== '`') {
            i++;
            continue;
        }
        let n = 0;
        while (text[i + n] === '`')
            n++;
        const close = findBacktickRun(text, i + n, n);
        if (close < 0) {
            i += n;
            continue;
        }
        result += fn(text.slice(from, i)) + text.slice(i, close + n);
        from = i = close + n;
    }
    return result + fn(text.slice(from));
}
function findBacktickRun(text, start, n) {
    let i = start;
    while (i < text.length) {
        if (text[i] !== '`') {
            i++;
            continue;
        }
        let m = 0;
        while (text[i + m] === '`')
            m++;
        if (m === n)
            return i;
        i += m;
    }
    return -1;
}
//# sourceMappingURL=images.js.map
;// CONCATENATED MODULE: ./packages/core/lib/report/step-summary.js



/** A step summary over 1 MiB is dropped whole, so it is fitted in bytes. */
const SUMMARY_LIMIT_BYTES = 1024 * 1024;
/**
 * What an action writes to its own step summary: its section, rendered as the comment renders it
 * (markdown, never markdown inside raw HTML, which GitHub shows literally), fitted to the step
 * summary's 1 MiB. Local images cannot be shown there: their fallback (a mermaid chart or a table)
 * stands in.
 *
 * One rule for the job summary page: each action shows its own section on its own step summary,
 * and comment-report's summary shows the verdict with a line per section plus the bodies no step
 * showed (markdown files, sections from a report bundle): each section appears once.
 */
function stepSummary(section, o = {}) {
    const fallbacks = new Map((section.images ?? []).map((i) => [i.path, i.fallback]));
    const markdown = rewriteImages(section.markdown, new Map(), (ref) => fallbacks.get(ref));
    const part = sectionPart({ ...section, markdown });
    return fitReport({ id: section.id, title: section.title, status: section.status, parts: [part] }, { limit: SUMMARY_LIMIT_BYTES, measure: measureUtf8Bytes, fullReportUrl: o.fullReportUrl }).body;
}
//# sourceMappingURL=step-summary.js.map
;// CONCATENATED MODULE: ./packages/action-kit/lib/context.js

/**
 * The run's context, read from the runner's environment when called (not at import time, as
 * @actions/github's `context` does, so tests and the CLI can set the environment first).
 */
function eventContext(env = process.env) {
    const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
    let payload = {};
    if (env.GITHUB_EVENT_PATH) {
        try {
            payload = JSON.parse((0,external_node_fs_.readFileSync)(env.GITHUB_EVENT_PATH, 'utf8'));
        }
        catch {
            payload = {};
        }
    }
    const serverUrl = (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/+$/, '');
    const runUrl = env.GITHUB_RUN_ID ? `${serverUrl}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}` : undefined;
    const runId = Number(env.GITHUB_RUN_ID) || undefined;
    return { eventName: env.GITHUB_EVENT_NAME ?? '', payload, sha: env.GITHUB_SHA ?? '', repo: { owner, repo }, runId, runUrl, serverUrl };
}
//# sourceMappingURL=context.js.map
;// CONCATENATED MODULE: ./packages/core/lib/files/lists.js
/**
 * A list input as users write it: one item per line, or comma separated. A comma inside braces is
 * part of a glob (`data/*.{csv,tsv}`), not a separator. Blank items and `#` comment lines drop out.
 * Hand-written: a split that counts brace depth is all it takes, and no list-parsing library
 * knows this input's rules.
 */
function splitList(text) {
    const items = [];
    let depth = 0;
    let start = 0;
    for (let i = 0; i <= text.length; i++) {
        const c = text[i];
        if (c === '{')
            depth++;
        else if (c === '}' && depth > 0)
            depth--;
        else if (i === text.length || c === '\n' || (c === ',' && depth === 0)) {
            items.push(text.slice(start, i));
            start = i + 1;
            // A line break ends an item whatever its braces: an unclosed brace never swallows the next line.
            if (c === '\n')
                depth = 0;
        }
    }
    return items.map((s) => s.trim()).filter((s) => s !== '' && !s.startsWith('#'));
}
/**
 * A list given once or repeated, as an action input (one value) or a CLI flag (`--data a.csv
 * --data "b.csv,c.csv"`): each value split as splitList does, in the order given. The one way
 * every list input and list flag is read, so a repeated flag and a comma or newline list agree.
 */
function splitLists(values) {
    if (values === undefined)
        return [];
    return (typeof values === 'string' ? [values] : values).flatMap(splitList);
}
//# sourceMappingURL=lists.js.map
;// CONCATENATED MODULE: ./packages/core/lib/files/flags.js

/**
 * A yes/no or a whole number as an action input or a CLI flag gives it: one reading for both, so
 * `fail-on-regression: no` and `--fail-on-regression no` mean the same. `what` names the value in
 * the message (`input "sample"` or `--sample`); `input` is the name a UserError carries. An empty
 * value is undefined: the caller's default applies.
 */
const TRUE = (/* unused pure expression or super */ null && (['true', 'yes', 'on', '1']));
const FALSE = (/* unused pure expression or super */ null && (['false', 'no', 'off', '0']));
/** The yes/no a word says (`yes`, `off`, ...), or undefined when it is neither: for inputs that take more words. */
function booleanWord(value) {
    const v = value.trim().toLowerCase();
    return TRUE.includes(v) ? true : FALSE.includes(v) ? false : undefined;
}
function flags_parseBoolean(value, what, input) {
    const v = value.trim().toLowerCase();
    if (v === '')
        return undefined;
    const said = booleanWord(v);
    if (said !== undefined)
        return said;
    throw new UserError(`${what} must be true or false, not "${v}"`, { input });
}
function parseWholeNumber(value, what, input, min = 0) {
    const v = value.trim();
    if (v === '')
        return undefined;
    if (!/^-?\d+$/.test(v) || Number(v) < min)
        throw new lib_errors/* UserError */.y(`${what} must be a whole number of at least ${min}, not "${v}"`, { input });
    return Number(v);
}
//# sourceMappingURL=flags.js.map
;// CONCATENATED MODULE: ./packages/action-kit/lib/inputs.js



/**
 * Typed inputs. Every refusal names the input and the value, so the log says what to change.
 * Defaults live in action.yml (the runner fills them in); these read what the runner passed.
 */
function string(name, opts = {}) {
    const v = lib_core/* getInput */.V4(name, { trimWhitespace: true });
    if (opts.required && v === '')
        throw new lib_errors/* UserError */.y(`input "${name}" is required`, { input: name });
    return v;
}
function bool(name, fallback) {
    return parseBoolean(core.getInput(name), `input "${name}"`, name) ?? fallback;
}
function oneOf(name, allowed, fallback) {
    const v = lib_core/* getInput */.V4(name).trim();
    if (v === '')
        return fallback;
    if (!allowed.includes(v)) {
        throw new lib_errors/* UserError */.y(`input "${name}" must be one of ${allowed.join(', ')}, not "${v}"`, { input: name });
    }
    return v;
}
/**
 * A list written one per line or comma separated; a comma inside braces (`data/*.{csv,tsv}`) stays
 * in its glob. `required` says what the list is for, in the refusal of an empty one.
 */
function list(name, opts = {}) {
    const v = splitLists(lib_core/* getInput */.V4(name));
    if (opts.required && v.length === 0)
        throw new lib_errors/* UserError */.y(`input "${name}" is required: ${opts.required}`, { input: name });
    return v;
}
/** A value that becomes part of a file name (the comment's `id`): refused unless it is a plain name. */
function inputs_name(input, fallback) {
    return checkedName(string(input) || fallback, input);
}
function integer(name, fallback, min = 0) {
    return parseWholeNumber(lib_core/* getInput */.V4(name), `input "${name}"`, name, min) ?? fallback;
}
const secrets = new Set();
/**
 * A secret input: masked in the log before anything else can print it, and remembered so that
 * what is posted or written to the summary is scrubbed of it too (the runner masks only the log).
 */
function secret(name) {
    const v = lib_core/* getInput */.V4(name);
    if (v) {
        lib_core/* setSecret */.Pq(v);
        secrets.add(v);
    }
    return v;
}
/** Forgets the secrets of an earlier step run in the same process: each step registers its own. */
function forgetSecrets() {
    secrets.clear();
}
/** Tokens the runner hands every step (the runner masks them in the log, nowhere else). */
const RUNNER_TOKENS = ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN'];
/**
 * Every value this step registered as secret, and the runner's own tokens, as a plain list for
 * the core to scrub from what it posts and writes to the summary.
 */
function registeredSecrets(env = process.env) {
    const fromRunner = RUNNER_TOKENS.map((n) => env[n]).filter((v) => Boolean(v));
    return [...new Set([...secrets, ...fromRunner])];
}
//# sourceMappingURL=inputs.js.map
;// CONCATENATED MODULE: ./packages/core/lib/report/scrub.js
/**
 * What mlci posts (comment, check run, job summary) is scrubbed of the step's secrets: the runner
 * masks them in the log only, and a data value, a metric name or a markdown file can carry the job
 * token as easily as a log line can.
 */
const MASK = '***';
/** `text` with every occurrence of each secret replaced by `***` (longest first, so a secret that contains another goes whole). */
function scrubText(text, secrets) {
    let out = text;
    for (const s of [...new Set(secrets)].filter((s) => s.length > 0).sort((a, b) => b.length - a.length)) {
        if (out.includes(s))
            out = out.split(s).join(MASK);
    }
    return out;
}
/** Every string in a JSON-like value (sections, their data, titles) scrubbed; other values kept. */
function scrubDeep(value, secrets) {
    const live = secrets.filter((s) => s.length > 0);
    if (live.length === 0)
        return value;
    const walk = (v) => {
        if (typeof v === 'string')
            return scrubText(v, live);
        if (Array.isArray(v))
            return v.map(walk);
        if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
            return Object.fromEntries(Object.entries(v).map(([k, x]) => [scrubText(k, live), walk(x)]));
        }
        return v;
    };
    return walk(value);
}
/** The parts of a report that are shown, scrubbed before anything is composed, fitted or posted. */
function withoutSecrets(o) {
    const secrets = o.secrets ?? [];
    return { ...o, title: scrubText(o.title, secrets), sections: scrubDeep(o.sections, secrets) };
}
/**
 * Environment values that are secrets by their name (`HF_TOKEN`, `AWS_SECRET_ACCESS_KEY`,
 * `DB_PASSWORD`...). A step is never told which values the runner masks, but a secret reaches a
 * `run:` step's command through `env:`, under a name that says what it is; values shorter than 6
 * characters are left alone (masking `true` or `1` would garble the text, not protect it).
 */
function secretsInEnv(env) {
    const NAME = /TOKEN|SECRET|PASSWORD|PASSWD|PASSPHRASE|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIAL|AUTH/i;
    return Object.entries(env)
        .filter(([name, value]) => NAME.test(name) && typeof value === 'string' && value.trim().length >= 6)
        .map(([, value]) => value);
}
// Tokens recognisable by their shape, whatever variable (or file) they came from: GitHub's
// (`ghp_`, `ghs_`, fine-grained `github_pat_`), GitLab's personal tokens, Hugging Face's, AWS access
// key ids and Slack's. Each is long and prefixed enough that ordinary log text does not match.
const TOKEN_SHAPES = /\b(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255}|glpat-[A-Za-z0-9_-]{20,}|hf_[A-Za-z0-9]{30,}|AKIA[0-9A-Z]{16}|xox[abprs]-[A-Za-z0-9-]{10,})\b/g;
/** `text` with the given secrets and every token of a known shape replaced by `***`. */
function scrubSecretsAndTokens(text, secrets) {
    return scrubText(text, secrets).replace(TOKEN_SHAPES, MASK);
}
//# sourceMappingURL=scrub.js.map
;// CONCATENATED MODULE: ./packages/action-kit/lib/summary.js




/**
 * Appends markdown to the job summary, scrubbed of the step's secrets first (the runner masks only
 * the log). Written here rather than with @actions/core's `summary`: that one remembers the first
 * GITHUB_STEP_SUMMARY it saw for the life of the process, so a second step run in the same process
 * (an in-process test) would append to the first step's file. The checks and the append are
 * @actions/core's own.
 */
async function writeSummary(markdown) {
    const file = process.env.GITHUB_STEP_SUMMARY;
    if (!file)
        throw new Error('Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.');
    try {
        await (0,promises_.access)(file, promises_.constants.R_OK | promises_.constants.W_OK);
    }
    catch {
        throw new Error(`Unable to access summary file: '${file}'. Check if the file has correct read/write permissions.`);
    }
    await (0,promises_.appendFile)(file, scrubText(markdown, registeredSecrets()) + external_node_os_.EOL, { encoding: 'utf8' });
}
//# sourceMappingURL=summary.js.map
;// CONCATENATED MODULE: ./packages/action-kit/lib/run.js










/** Problems from the core become annotations on the file and line they name. */
function annotate(p) {
    const given = {
        title: p.title,
        file: p.file,
        startLine: p.line,
        startColumn: p.line !== undefined ? p.column : undefined,
    };
    // `::error ::message` with nothing between: keep the plain form for a problem without a place.
    const props = Object.values(given).some((v) => v !== undefined) ? given : undefined;
    if (p.severity === 'error')
        lib_core/* error */.z3(p.message, props);
    else if (p.severity === 'warning')
        lib_core/* warning */.$e(p.message, props);
    else
        lib_core/* notice */.lm(p.message, props);
}
/**
 * Fails the step, annotating each error once: `core.setFailed` annotates too, so it is not used
 * after an annotation. `annotated`: the errors this failure sums up were annotated already (at
 * their lines), so the verdict goes to the log only.
 */
function fail(p, o = {}) {
    const problem = typeof p === 'string' ? { severity: 'error', message: p } : p;
    if (o.annotated)
        lib_core/* info */.pq(problem.message);
    else
        annotate(problem);
    process.exitCode = 1;
}
function workspace() {
    return process.env.GITHUB_WORKSPACE ?? process.cwd();
}
/** Where a step may write what is its own and not the user's (the runner empties it after the job). */
function runnerTemp() {
    return process.env.RUNNER_TEMP ?? (0,external_node_os_.tmpdir)();
}
/** A new folder of the step's own under RUNNER_TEMP, named `<prefix>-XXXXXX`. */
function stepTempDir(prefix) {
    return mkdtemp(join(runnerTemp(), `${prefix}-`));
}
/** Writes a file of the step's own under RUNNER_TEMP (for a later step to read) and returns its path. */
async function writeStepFile(name, content) {
    const file = join(runnerTemp(), name);
    await writeFile(file, content);
    return file;
}
/** The `report-dir` input every mlci action has, resolved against the workspace. */
function reportDir() {
    return (0,external_node_path_.resolve)(workspace(), lib_core/* getInput */.V4('report-dir').trim() || defaultReportDir());
}
/**
 * Runs an action's body. It shows the section the body wrote on the step summary. When the body
 * throws, the step fails with one annotation at the error's place (a UserError) or as our bug
 * (anything else; the stack goes to the debug log), and the action's failing section is written
 * in place of its own, so the report never says pass for what did not run.
 */
let abandoned = false;
/**
 * Says that a request was given up on while still open (a client that takes no timeout, see
 * artifacts.ts): its socket would keep Node alive, so runAction exits once the step has reported.
 */
function abandonPendingWork() {
    abandoned = true;
}
async function runAction(spec, body) {
    // A step starts with nothing of an earlier one run in the same process (an in-process test).
    abandoned = false;
    forgetSecrets();
    const started = new Date().toISOString();
    let written;
    try {
        written = await body();
    }
    catch (e) {
        if (!(0,lib_errors/* isUserError */.i)(e))
            lib_core/* debug */.Yz(e?.stack ?? String(e));
        const problem = errorProblem(e, workspace());
        fail(problem);
        written = await writeFailure(spec, e, started);
    }
    if (written)
        await showOnStepSummary(written);
    // Output, summary and section files are written synchronously or awaited above, and stdout to
    // the runner is a pipe (synchronous on Linux): nothing is lost by exiting here. An in-process
    // test stands in for process.exit (test/support/in-process.ts), so this never ends its worker.
    if (abandoned)
        process.exit();
}
async function writeFailure(spec, error, started) {
    try {
        let slot;
        try {
            slot = spec.section();
        }
        catch {
            slot = { id: spec.action, stage: 'other', title: spec.action };
        }
        const dir = reportDir();
        const failure = failureSection({ action: spec.action, ...slot }, error, { workspace: workspace() });
        const mine = await readSection(sectionFile(dir, slot.id), { own: true }).catch(() => undefined);
        const now = runFromEnv();
        const thisStep = mine !== undefined && mine.created >= started && (!mine.run || !now || sameRun(mine.run, now));
        return await writeSection(dir, thisStep ? amendWithFailure(mine, failure) : failure);
    }
    catch (e) {
        lib_core/* warning */.$e(`mlci could not write the failing section of ${spec.action} into the report directory: ${e?.message ?? String(e)}`);
        return undefined;
    }
}
/** The step summary shows the section; the section then says so, for comment-report's summary. */
async function showOnStepSummary(file) {
    try {
        const section = await readSection(file, { own: true });
        await writeSummary(stepSummary(section, { fullReportUrl: eventContext().runUrl }));
        await writeSection((0,external_node_path_.dirname)(file), { ...section, summarized: true });
    }
    catch (e) {
        lib_core/* warning */.$e(`mlci could not write the step summary: ${e?.message ?? String(e)}`);
    }
}
//# sourceMappingURL=run.js.map
;// CONCATENATED MODULE: ./packages/core/lib/http/index.js
// Timeouts for every HTTP request mlci makes itself (action-kit and the CLI) (GitHub's API, the cache service): a socket
// that never answers must end in a clear error, never a step that hangs until the job times out.
/** Per request attempt; MLCI_HTTP_TIMEOUT_MS overrides it (tests use a short one). */
const DEFAULT_TIMEOUT_MS = 60_000;
function httpTimeoutMs(env = process.env) {
    const v = Number(env.MLCI_HTTP_TIMEOUT_MS);
    return Number.isInteger(v) && v > 0 ? v : DEFAULT_TIMEOUT_MS;
}
/**
 * A fetch that gives up when the service is silent for `ms`: before the headers and between any two
 * chunks of the body (a server can send headers and then stall). The error is a plain one, which
 * @octokit/request turns into a 500 that the retry plugin retries; an AbortError would be thrown
 * past it untouched.
 *
 * A JSON answer is read whole here, because octokit swallows an error while reading a body and
 * hands back an empty one; any other body (a raw file download) stays a stream, with the same
 * silence limit on each chunk, so that memory stays bounded.
 */
function fetchWithTimeout(inner, ms, service = 'GitHub') {
    return async (url, init = {}) => {
        const silent = new Error(`${service} did not answer ${init.method ?? 'GET'} ${withoutQuery(url)} within ${ms} ms`);
        const controller = new AbortController();
        let timer;
        const arm = () => {
            clearTimeout(timer);
            timer = setTimeout(() => controller.abort(silent), ms).unref();
        };
        const disarm = () => clearTimeout(timer);
        const signal = init.signal ? AbortSignal.any([init.signal, controller.signal]) : controller.signal;
        const ours = (e) => (controller.signal.aborted && !init.signal?.aborted ? silent : e);
        arm();
        let res;
        try {
            res = await inner(url, { ...init, signal });
        }
        catch (e) {
            disarm();
            throw ours(e);
        }
        if (!res.body || [101, 204, 205, 304].includes(res.status)) {
            disarm();
            return res;
        }
        const reader = res.body.getReader();
        const body = new ReadableStream({
            async pull(out) {
                arm();
                try {
                    const { done, value } = await reader.read();
                    disarm();
                    if (done)
                        out.close();
                    else
                        out.enqueue(value);
                }
                catch (e) {
                    disarm();
                    throw ours(e);
                }
            },
            cancel(reason) {
                disarm();
                return reader.cancel(reason);
            },
        });
        const head = { status: res.status, statusText: res.statusText, headers: res.headers };
        const copy = /json/i.test(res.headers.get('content-type') ?? '') ? new Response(await new Response(body).arrayBuffer(), head) : new Response(body, head);
        Object.defineProperty(copy, 'url', { value: res.url });
        return copy;
    };
}
/** A URL as it may be shown: signed URLs (the cache's and artifacts' blob SAS) carry their credential in the query. */
function withoutQuery(url) {
    const q = url.indexOf('?');
    return q < 0 ? url : `${url.slice(0, q)}?…`;
}

//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./packages/action-kit/lib/octokit.js



const MAX_RATE_LIMIT_RETRIES = 3;
async function octokitFor(token) {
    // Loaded on the first request: most runs of validate-data never call GitHub, and the client
    // with its plugins is about a quarter of a megabyte that every start-up would parse.
    const [{ getOctokit }, { defaults }, { retry }, { throttling }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(282), __webpack_require__.e(351)]).then(__webpack_require__.bind(__webpack_require__, 1351)),
        Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(282)]).then(__webpack_require__.bind(__webpack_require__, 8282)),
        Promise.all(/* import() */[__webpack_require__.e(251), __webpack_require__.e(735)]).then(__webpack_require__.bind(__webpack_require__, 9735)),
        Promise.all(/* import() */[__webpack_require__.e(251), __webpack_require__.e(475)]).then(__webpack_require__.bind(__webpack_require__, 6856)),
    ]);
    const octokit = getOctokit(token, {
        // @actions/github reads GITHUB_API_URL once, when it is imported; the step's own is read now.
        baseUrl: process.env.GITHUB_API_URL || 'https://api.github.com',
        request: { ...defaults.request, fetch: fetchWithTimeout((defaults.request?.fetch ?? fetch), httpTimeoutMs()) },
        retry: { doNotRetry: [400, 401, 403, 404, 409, 410, 422, 451] },
        throttle: {
            onRateLimit: (after, options, _o, retryCount) => {
                lib_core/* info */.pq(`GitHub rate limit on ${options.method} ${options.url}: retrying in ${after} s`);
                return retryCount < MAX_RATE_LIMIT_RETRIES;
            },
            onSecondaryRateLimit: (after, options, _o, retryCount) => {
                lib_core/* info */.pq(`GitHub secondary rate limit on ${options.method} ${options.url}: retrying in ${after} s`);
                return retryCount < MAX_RATE_LIMIT_RETRIES;
            },
        },
    }, retry, throttling);
    return octokit;
}
/**
 * An octokit for the job: base URL from GITHUB_API_URL (GitHub Enterprise included, done by
 * getOctokit), retries on 5xx, and waits out primary and secondary rate limits as GitHub asks
 * (retry-after), a bounded number of times. Every attempt has a timeout, so a socket that never
 * answers becomes a retried 500 and, in the end, a clear error instead of a step that hangs.
 */
function createApi(token) {
    let client;
    const api = () => (client ??= octokitFor(token));
    return {
        request: async (route, params) => (await api()).request(route, params),
        graphql: async (query, variables) => (await api()).graphql(query, variables),
        uploadFile: (url, file) => uploadFile(token, url, file),
    };
}
/**
 * A file as a request body, streamed through @actions/http-client (node:http underneath, the
 * runner's proxy settings honoured): Node's fetch, which octokit uses, reads a streamed request
 * body into memory first, and a model's weights run to gigabytes. Never retried: a stream is sent
 * once, and the caller looks before it uploads again.
 */
async function uploadFile(token, url, file) {
    const [{ HttpClient }, { BearerCredentialHandler }] = await Promise.all([Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(942)]).then(__webpack_require__.bind(__webpack_require__, 4942)), __webpack_require__.e(/* import() */ 145).then(__webpack_require__.bind(__webpack_require__, 2145))]);
    const client = new HttpClient('mlci', [new BearerCredentialHandler(token)], { socketTimeout: httpTimeoutMs() });
    const res = await client.sendStream('POST', url, (0,external_node_fs_.createReadStream)(file.path), {
        accept: 'application/vnd.github+json',
        'content-type': file.contentType,
        'content-length': file.size,
    });
    const body = await res.readBody();
    const status = res.message.statusCode ?? 0;
    let data = body;
    try {
        data = JSON.parse(body);
    }
    catch {
        // Not JSON: kept as text for the message.
    }
    if (status >= 400) {
        const message = typeof data === 'object' && data && typeof data.message === 'string' ? data.message : String(body).slice(0, 200);
        throw Object.assign(new Error(`uploading ${url.split('?')[0]} answered ${status}: ${message}`), { status, response: { data } });
    }
    return { status, data };
}
//# sourceMappingURL=octokit.js.map
;// CONCATENATED MODULE: ./packages/action-kit/lib/outputs.js

/** The step's outputs, as action.yml names them; a value is written as its string form. */
function setOutputs(values) {
    for (const [name, value] of Object.entries(values))
        lib_core/* setOutput */.uH(name, value);
}
/** A line in the step's log. */
function log(message) {
    lib_core/* info */.pq(message);
}
//# sourceMappingURL=outputs.js.map
// EXTERNAL MODULE: ./node_modules/tinyglobby/dist/index.mjs + 1 modules
var dist = __webpack_require__(3382);
;// CONCATENATED MODULE: ./packages/core/lib/files/globs.js





const MAGIC = /[*?[\]{}]/;
/**
 * Expands an input's files and globs (relative to the workspace) into existing files, sorted and
 * without repeats. A plain path that does not exist, or a glob that matches nothing, is the
 * user's mistake: it names the input and the value. Every file must resolve inside the workspace
 * (files/contained.ts): a glob that reaches through a symlinked folder to the outside is refused,
 * not quietly cut short, and nothing outside is read. (tinyglobby without followSymbolicLinks
 * drops symlinked files too, which a repository may use in good faith.)
 */
async function resolveFiles(patterns, cwd, input, boundary) {
    const b = boundary ?? { ...(0,contained/* defaultBoundary */.Yx)(), workspace: cwd };
    const out = new Set();
    for (const p of patterns) {
        if (!MAGIC.test(p)) {
            const file = (0,external_node_path_.isAbsolute)(p) ? p : (0,external_node_path_.resolve)(cwd, p);
            const s = await (0,promises_.stat)(file).catch(() => undefined);
            if (!s)
                throw new lib_errors/* UserError */.y(`input "${input}": file "${p}" does not exist`, { input });
            if (!s.isFile())
                throw new lib_errors/* UserError */.y(`input "${input}": "${p}" is not a file`, { input });
            await (0,contained/* containedPath */.fX)(p, { input, boundary: b });
            out.add(file);
            continue;
        }
        const before = out.size;
        // tinyglobby rather than fs.glob: the CLI also runs on Node 20 in other CI systems.
        const found = await (0,dist/* glob */.TI)(p, { cwd, absolute: true, onlyFiles: true, dot: false });
        for (const file of found) {
            await (0,contained/* containedPath */.fX)((0,external_node_path_.relative)(cwd, file), { input, boundary: { ...b, workspace: cwd } });
            out.add((0,external_node_path_.resolve)(file));
        }
        if (out.size === before)
            throw new lib_errors/* UserError */.y(`input "${input}": the pattern "${p}" matches no file`, { input });
    }
    return [...out].sort();
}
//# sourceMappingURL=globs.js.map
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(4006);
;// CONCATENATED MODULE: ./packages/core/lib/forge/api.js
/** HTTP status of an octokit RequestError (or of a GraphQL FORBIDDEN error, as 403). */
function statusOf(e) {
    const err = e;
    if (typeof err?.status === 'number')
        return err.status;
    if (err?.errors?.some((x) => x.type === 'FORBIDDEN'))
        return 403;
    return undefined;
}
/** GitHub's message in an error answer, without anything else the error carries (headers, token). */
function messageOf(e) {
    const err = e;
    const m = err?.response?.data?.message ?? err?.message;
    return typeof m === 'string' ? m : String(e);
}
/**
 * A write refused because the token may not write: a fork PR's read-only GITHUB_TOKEN, or a job
 * without the permission. GitHub answers 403 "Resource not accessible by integration".
 */
function isNotPermitted(e) {
    return statusOf(e) === 403 && !/rate limit/i.test(messageOf(e));
}
/**
 * A write whose answer did not arrive (a 5xx, a timeout, a dropped connection) may still have
 * been applied: the caller must look before writing again, or it leaves a duplicate.
 */
function mayHaveApplied(e) {
    const status = statusOf(e);
    return status === undefined || status >= 500;
}
/**
 * Per-request options that turn the retry plugin off, for creates that are not idempotent: the
 * caller retries them itself after checking that the first one did not land.
 */
const NO_RETRY = { request: { retries: 0 } };
/** How many times a create whose answer was lost is tried in all. */
const CREATE_ATTEMPTS = 4;
function pause(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}
/**
 * Walks a list endpoint page by page (100 a page) and yields its items. The loop follows page
 * numbers rather than Link headers: every list endpoint we call numbers its pages the same way.
 */
async function* pages(api, route, params, key) {
    for (let page = 1;; page++) {
        const { data } = await api.request(route, { ...params, per_page: 100, page });
        const items = key ? data[key] : data;
        yield* items;
        if (items.length < 100)
            return;
    }
}
async function collect(it) {
    const out = [];
    for await (const x of it)
        out.push(x);
    return out;
}
//# sourceMappingURL=api.js.map
;// CONCATENATED MODULE: ./packages/core/lib/forge/file-at-ref.js








/** Metrics and plot data are small, but a baseline or a reference must not die on a large CSV. */
const MAX_FILE_AT_REF = 512 * 1024 * 1024;
// ---- the local clone ---------------------------------------------------------------------------
/**
 * The files of `ref` in the local clone of `cwd`, or undefined when the clone lacks the ref (a
 * shallow checkout, a ref never fetched) or there is no clone. git runs with argument arrays,
 * never through a shell: a ref comes from an input or an event payload.
 */
async function openInClone(ref, cwd, o) {
    const sha = await resolveCommit(ref, cwd);
    if (!sha)
        return undefined;
    const date = await commitDate(sha, cwd);
    const max = o.maxBytes ?? MAX_FILE_AT_REF;
    const shown = (path) => `${path}@${ref}`;
    /** The blob of a regular file at `path`, by its mode in the tree: 100644 or 100755. */
    const blobOf = async (path) => {
        // Without --full-name, ls-tree takes and names paths relative to cwd, the workspace, wherever
        // the repository's root is; literal pathspecs keep `*` in a file name a character.
        const r = await git(['ls-tree', '-l', '-z', sha, '--', `./${path}`], cwd);
        if (r.code !== 0)
            return undefined;
        const entry = /^(\d{6}) (\w+) ([0-9a-f]{40,64}) +(\d+|-)\t/.exec(r.stdout);
        if (!entry || (entry[1] !== '100644' && entry[1] !== '100755') || entry[2] !== 'blob')
            return undefined;
        if (Number(entry[4]) > max)
            throw tooLarge(shown(path), Number(entry[4]), max, o.input);
        return entry[3];
    };
    return {
        via: 'git',
        commit: { sha, ...(date ? { date } : {}) },
        async read(path) {
            const blob = await blobOf(path);
            if (!blob)
                return undefined;
            // `cat-file blob` gives the committed bytes exactly; `git show` would run textconv filters.
            return new Promise((done, fail) => {
                (0,external_node_child_process_.execFile)('git', ['cat-file', 'blob', blob], { cwd, env: gitEnv(), encoding: 'buffer', maxBuffer: max + 1 }, (err, stdout) => err ? fail(err) : done(stdout));
            });
        },
        async copyTo(path, dest) {
            const blob = await blobOf(path);
            if (!blob)
                return false;
            const fh = await (0,promises_.open)(dest, 'w');
            try {
                const { code, stderr } = await new Promise((done, fail) => {
                    const child = (0,external_node_child_process_.spawn)('git', ['cat-file', 'blob', blob], { cwd, env: gitEnv(), stdio: ['ignore', fh.fd, 'pipe'] });
                    let err = '';
                    child.stderr.setEncoding('utf8').on('data', (d) => (err += d));
                    child.on('error', fail);
                    child.on('close', (c) => done({ code: c, stderr: err }));
                });
                if (code !== 0)
                    throw new Error(`git cat-file blob ${blob} (${shown(path)}) failed: ${stderr.trim()}`);
            }
            finally {
                await fh.close();
            }
            return true;
        },
        async list(patterns) {
            const r = await git(['ls-tree', '-r', '-z', '--name-only', sha], cwd, 64 << 20);
            if (r.code !== 0)
                throw new Error(`git ls-tree ${sha} failed: ${r.stderr.trim()}`);
            const match = picomatch(patterns, { dot: false });
            return r.stdout
                .split('\0')
                .filter((n) => n && match(n))
                .sort();
        },
    };
}
/**
 * The commit a ref names locally, or undefined. Tried as given, then as `origin/<ref>` (what
 * actions/checkout leaves for other branches).
 */
async function resolveCommit(ref, cwd) {
    const candidates = ref.startsWith('origin/') || /^[0-9a-f]{40}$/i.test(ref) ? [ref] : [ref, `origin/${ref}`];
    for (const candidate of candidates) {
        // `--end-of-options` keeps a ref from being read as an option, whatever it starts with.
        const r = await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${candidate}^{commit}`], cwd);
        const sha = r.stdout.trim();
        if (r.code === 0 && /^[0-9a-f]{40,64}$/.test(sha))
            return sha;
    }
    return undefined;
}
/** The committer date (ISO 8601) of a commit of the local clone. */
async function commitDate(rev, cwd) {
    const r = await git(['show', '-s', '--format=%cI', '--end-of-options', rev], cwd);
    return (r.code === 0 && r.stdout.trim()) || undefined;
}
/**
 * What the workspace is: a full clone (a ref it lacks does not exist), a shallow one
 * (actions/checkout's default: a ref it lacks may still exist), or no clone at all.
 */
async function cloneKind(cwd) {
    const r = await git(['rev-parse', '--is-shallow-repository'], cwd);
    if (r.code !== 0)
        return 'none';
    return r.stdout.trim() === 'false' ? 'full' : 'shallow';
}
/** Where the workspace sits inside its repository (`''` at the root, `ml/` in a subfolder). */
async function repositoryPrefix(cwd) {
    const r = await git(['rev-parse', '--show-prefix'], cwd);
    return r.code === 0 ? r.stdout.trim() : '';
}
/** git with an argument array (never a shell), for short answers. */
function git(args, cwd, maxBuffer = 1 << 20) {
    return new Promise((done) => {
        (0,external_node_child_process_.execFile)('git', args, { cwd, maxBuffer, env: gitEnv() }, (err, stdout, stderr) => {
            const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
            done({ code, stdout: String(stdout), stderr: String(stderr) });
        });
    });
}
// Never ask for credentials on a terminal that is not there (a partial clone may fetch lazily);
// a path is a path, never a pattern.
const gitEnv = () => ({ ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_LITERAL_PATHSPECS: '1' });
// ---- the contents API --------------------------------------------------------------------------
/**
 * The commit a ref names on GitHub (`GET /repos/{owner}/{repo}/commits/{ref}`), or undefined when
 * the repository has no such branch, tag or commit: GitHub answers 422 ("No commit found for SHA")
 * for those. The contents endpoint cannot tell: its 404 means a missing ref and a missing file
 * alike. A 404 here means the repository is not visible to the token: a UserError naming `input`.
 */
async function apiCommit(api, repo, ref, input = 'baseline') {
    try {
        const { data } = await api.request('GET /repos/{owner}/{repo}/commits/{ref}', { ...repo, ref, per_page: 1 });
        const date = data.commit?.committer?.date ?? data.commit?.author?.date ?? undefined;
        return { sha: data.sha, ...(date ? { date } : {}) };
    }
    catch (e) {
        const status = statusOf(e);
        if (status === 422)
            return undefined;
        if (status === 404) {
            throw new lib_errors/* UserError */.y(`input "${input}": GitHub has no repository ${repo.owner}/${repo.repo} that the token can read, so git:${ref} cannot be looked up (the token needs contents: read)`, { input, cause: e });
        }
        throw e;
    }
}
/**
 * The files of `ref` through `GET /repos/{owner}/{repo}/contents/{path}`, for a checkout that
 * lacks the ref. The ref is resolved to its commit first (apiCommit: one request) unless the
 * caller knows the commit, and every file is read at that sha; undefined when the ref names no
 * commit. `prefix` is where the workspace sits inside the repository (repositoryPrefix).
 */
async function openThroughApi(api, repo, ref, o) {
    const commit = o.commit ?? (await apiCommit(api, repo, ref, o.input));
    if (!commit)
        return undefined;
    const max = o.maxBytes ?? MAX_FILE_AT_REF;
    const prefix = o.prefix ?? '';
    const fetch = async (path) => {
        const shown = `${path}@${ref}`;
        let res;
        try {
            // The raw media type: without it GitHub sends no content for files over 1 MB (`encoding:
            // "none"`); with it files up to 100 MB come as their bytes.
            res = await api.request('GET /repos/{owner}/{repo}/contents/{path}', {
                ...repo,
                path: prefix + path,
                ref: commit.sha,
                headers: { accept: 'application/vnd.github.raw+json' },
                request: { parseSuccessResponseBody: false },
            });
        }
        catch (e) {
            const status = statusOf(e);
            if (status === 404)
                return undefined;
            const why = status === 403 || status === 401 ? `GitHub refused to read it (${messageOf(e)}): the token needs contents: read` : messageOf(e);
            throw new lib_errors/* UserError */.y(`input "${o.input}": cannot read ${shown} from GitHub: ${why}`, { input: o.input, cause: e });
        }
        const size = Number(res.headers['content-length']);
        if (size > max)
            throw tooLarge(shown, size, max, o.input);
        const body = bounded(toReadable(res.data), max, shown, o.input);
        if (!/^application\/json/i.test(String(res.headers['content-type'] ?? '')))
            return body;
        // The JSON description: a directory (a list), a submodule, a symlink GitHub did not follow, or
        // a file with base64 content from a server that ignores the raw media type.
        const chunks = [];
        for await (const c of body)
            chunks.push(Buffer.from(c));
        const json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        if (Array.isArray(json) || json.type !== 'file')
            return undefined;
        if (json.encoding !== 'base64' || typeof json.content !== 'string') {
            throw new lib_errors/* UserError */.y(`input "${o.input}": GitHub sent ${shown} without its content (encoding "${json.encoding}": a file over 1 MB) although the raw media type was asked for`, { input: o.input });
        }
        return Buffer.from(json.content, 'base64');
    };
    return {
        via: 'api',
        commit,
        async read(path) {
            const got = await fetch(path);
            if (got === undefined || Buffer.isBuffer(got))
                return got;
            const chunks = [];
            for await (const c of got)
                chunks.push(Buffer.from(c));
            return Buffer.concat(chunks);
        },
        async copyTo(path, dest) {
            const got = await fetch(path);
            if (got === undefined)
                return false;
            if (Buffer.isBuffer(got))
                await (0,promises_.writeFile)(dest, got);
            else
                await (0,external_node_stream_promises_.pipeline)(got, (0,external_node_fs_.createWriteStream)(dest));
            return true;
        },
        list: async () => [],
    };
}
function tooLarge(shown, size, max, input) {
    const mb = (n) => `${(n / 1024 / 1024).toFixed(0)} MB`;
    return new lib_errors/* UserError */.y(`input "${input}": ${shown} is ${mb(size)}, more than the ${mb(max)} read at a ref`, { input });
}
/** Passes the bytes on until there are more than `max`: a server's content-length is not trusted. */
function bounded(body, max, shown, input) {
    return external_node_stream_.Readable.from((async function* () {
        let seen = 0;
        for await (const chunk of body) {
            seen += chunk.length;
            if (seen > max)
                throw tooLarge(shown, seen, max, input);
            yield chunk;
        }
    })());
}
function toReadable(data) {
    if (data instanceof external_node_stream_.Readable)
        return data;
    if (data && typeof data.getReader === 'function') {
        return external_node_stream_.Readable.fromWeb(data);
    }
    // A client that parsed the body anyway (a string, bytes, or the JSON object).
    if (typeof data === 'string' || data instanceof Uint8Array)
        return external_node_stream_.Readable.from([Buffer.from(data)]);
    if (data instanceof ArrayBuffer)
        return external_node_stream_.Readable.from([Buffer.from(data)]);
    return external_node_stream_.Readable.from([Buffer.from(JSON.stringify(data))]);
}
//# sourceMappingURL=file-at-ref.js.map
;// CONCATENATED MODULE: ./packages/core/lib/data/reference.js





// A ref handed to git as one argument: a leading `-` would read as an option, a `:` would split
// `<ref>:<path>`, and whitespace or control characters are never part of a ref.
const SAFE_REF = /^[^-\s:][^\s:\u0000-\u001f\u007f]*$/;
function parseReference(patterns) {
    if (patterns.length === 0)
        return undefined;
    const git = patterns.filter((p) => p.startsWith('git:'));
    if (git.length === 0)
        return { kind: 'files', patterns };
    if (patterns.length > 1) {
        throw new lib_errors/* UserError */.y('input "reference": give either one git:<ref> or files, not both', { input: 'reference' });
    }
    const ref = git[0].slice(4).trim();
    if (ref === 'base')
        return { kind: 'base' };
    if (!SAFE_REF.test(ref)) {
        throw new lib_errors/* UserError */.y(`input "reference": "${git[0]}" is not a git ref (use git:base, git:main, git:<sha>)`, { input: 'reference' });
    }
    return { kind: 'git', ref };
}
/** The base of the pull request an event is about (pull_request, pull_request_target, reviews). */
function pullRequestBase(payload) {
    const base = payload?.pull_request?.base;
    if (!base)
        return undefined;
    const sha = typeof base.sha === 'string' && /^[0-9a-f]{40}$/i.test(base.sha) ? base.sha : undefined;
    const ref = typeof base.ref === 'string' && SAFE_REF.test(base.ref) ? base.ref : undefined;
    return sha || ref ? { sha, ref } : undefined;
}
/** The workspace-relative name of a file, `/`-separated, as GitHub names files in a repository. */
function workspacePath(file, workspace) {
    const rel = (0,external_node_path_.relative)(workspace, file);
    if (rel === '' || rel.startsWith('..') || (0,external_node_path_.isAbsolute)(rel))
        return file;
    return rel.split(external_node_path_.sep).join('/');
}
/**
 * Finds the reference for a set of data files: for a git ref, each data file at that ref (from the
 * local clone, else the contents API); for files, those files.
 */
async function fetchReference(spec, dataFiles, o) {
    const out = { files: [], labels: new Map(), notices: [], sources: new Map(), cleanup: async () => { } };
    if (spec.kind === 'files') {
        try {
            out.files = await resolveFiles(spec.patterns, o.workspace, 'reference');
        }
        catch (e) {
            if (!(e instanceof lib_errors/* UserError */.y))
                throw e;
            out.notices.push({ severity: 'notice', message: `no reference: ${e.message}; drift was not computed` });
            return out;
        }
        for (const f of out.files) {
            out.labels.set(f, workspacePath(f, o.workspace));
            out.sources.set(f, 'files');
        }
        return out;
    }
    let label;
    let files;
    if (spec.kind === 'base') {
        if (!o.base) {
            out.notices.push({
                severity: 'notice',
                message: 'no reference: git:base names the base branch of a pull request, and this run is not for one; drift was not computed',
            });
            return out;
        }
        label = o.base.ref ?? o.base.sha.slice(0, 7);
        // The exact commit when the event gave one; actions/checkout leaves other branches as `origin/<name>`.
        files = o.base.sha ? await openInClone(o.base.sha, o.workspace, { input: 'reference' }) : undefined;
        if (!files && o.base.ref)
            files = await openInClone(`origin/${o.base.ref}`, o.workspace, { input: 'reference' });
    }
    else {
        label = spec.ref;
        files = await openInClone(spec.ref, o.workspace, { input: 'reference' });
    }
    let why = '';
    if (!files && o.api && o.repo) {
        const ref = spec.kind === 'base' ? (o.base.sha ?? o.base.ref) : spec.ref;
        const known = spec.kind === 'base' && o.base.sha ? { sha: o.base.sha } : undefined;
        files = await openThroughApi(o.api, o.repo, ref, { input: 'reference', prefix: await repositoryPrefix(o.workspace), ...(known ? { commit: known } : {}) });
        // A ref the user named that names no commit (`git:mian`) is the user's error, never "no reference".
        if (!files && spec.kind === 'git')
            refuse(spec.ref, `${o.repo.owner}/${o.repo.repo}`);
        why = files ? `GitHub has no such file at ${label}` : `GitHub has no commit ${label}`;
    }
    else if (!files) {
        const clone = await cloneKind(o.workspace);
        // A full clone that lacks the ref is answer enough; a shallow one without a token cannot tell.
        if (spec.kind === 'git' && clone === 'full')
            refuse(spec.ref, 'this clone');
        why =
            clone === 'none'
                ? 'the workspace is not a git clone and there is no token to ask GitHub'
                : `${label} is not in the local clone (a shallow checkout: fetch-depth: 0 brings it) and there is no token to ask GitHub`;
    }
    const dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)(o.tempDir, 'mlci-reference-'));
    out.cleanup = () => (0,promises_.rm)(dir, { recursive: true, force: true });
    for (const [i, file] of dataFiles.entries()) {
        const shown = workspacePath(file, o.workspace);
        if ((0,external_node_path_.isAbsolute)(shown)) {
            out.notices.push({ severity: 'notice', message: `no reference for ${shown}: it is outside the repository` });
            continue;
        }
        // Each copy keeps its name (`train.csv.gz`): the format is detected from it.
        const dest = (0,external_node_path_.join)(dir, String(i), (0,external_node_path_.basename)(file));
        await (0,promises_.mkdir)((0,external_node_path_.join)(dir, String(i)));
        if (!files || !(await files.copyTo(shown, dest))) {
            out.notices.push({ severity: 'notice', message: `no reference for ${shown} at ${label}${why ? `: ${why}` : ''}` });
            continue;
        }
        out.files.push(dest);
        out.labels.set(dest, `${shown}@${label}`);
        out.sources.set(dest, files.via);
    }
    if (out.files.length === 0 && dataFiles.length > 1) {
        out.notices.push({ severity: 'notice', message: `no reference at ${label}: drift was not computed` });
    }
    return out;
}
function refuse(ref, where) {
    throw new lib_errors/* UserError */.y(`input "reference": git:${ref} is not a branch, tag or commit of ${where}`, { input: 'reference' });
}
//# sourceMappingURL=reference.js.map
;// CONCATENATED MODULE: ./packages/core/lib/files/own-file.js




/**
 * The first line of every file mlci writes where a user's file could be (`infer-schema`): mlci
 * replaces a file only when it starts so, so a path given by mistake never costs the user a file.
 */
const WRITTEN_BY_MLCI = '# Written by mlci';
/**
 * Writes `content` (which must start with WRITTEN_BY_MLCI) to a path from an input: inside the
 * workspace, not under `.git/`, none of the files the run reads, and either new or written by mlci
 * before. Returns the real path written. The write goes through a temp file and a rename, so a
 * reader never sees half a file and a symlink at the path is replaced, not followed.
 */
async function writeOwnFile(path, content, o) {
    if (!content.startsWith(WRITTEN_BY_MLCI))
        throw new Error(`writeOwnFile: content must start with "${WRITTEN_BY_MLCI}"`);
    const real = (0,contained/* containedTarget */.xh)(path, { input: o.input, boundary: o.boundary });
    for (const r of o.reads) {
        if ((0,contained/* realpathLenient */.DD)(r.path) === real) {
            throw new lib_errors/* UserError */.y(`input "${o.input}": "${path}" is ${r.what}; mlci never writes over a file it reads`, { input: o.input });
        }
    }
    const existing = await (0,promises_.lstat)(real).catch(() => undefined);
    if (existing) {
        if (!existing.isFile() || !(await startsWith(real, WRITTEN_BY_MLCI))) {
            throw new lib_errors/* UserError */.y(`input "${o.input}": "${path}" exists and mlci did not write it (its first line is not "${WRITTEN_BY_MLCI}…"); remove it or name another file`, { input: o.input });
        }
    }
    await (0,promises_.mkdir)((0,external_node_path_.dirname)(real), { recursive: true });
    const tmp = `${real}.${process.pid}.tmp`;
    await (0,promises_.writeFile)(tmp, content, { flag: 'wx' });
    await (0,promises_.rename)(tmp, real);
    return real;
}
async function startsWith(file, prefix) {
    const fh = await (0,promises_.open)(file, 'r');
    try {
        const buf = Buffer.alloc(Buffer.byteLength(prefix));
        const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
        return buf.subarray(0, bytesRead).toString('utf8') === prefix;
    }
    finally {
        await fh.close();
    }
}
//# sourceMappingURL=own-file.js.map
;// CONCATENATED MODULE: ./packages/core/lib/section/count.js
/**
 * A whole number with thousands separators, as en-US writes it: `1,234,567`, `-1,000`.
 *
 * Not Intl.NumberFormat: its first use loads ICU's locale data, 10–20 ms, and validate-data
 * paid that on every run for the counts in its report (bench/validate-data.mjs). Anything but a
 * safe integer is left to Intl, which then writes it as before.
 */
function formatCount(n) {
    if (!Number.isSafeInteger(n))
        return n.toLocaleString('en-US');
    const digits = String(Math.abs(n));
    let out = '';
    for (let end = digits.length; end > 0; end -= 3)
        out = (end > 3 ? ',' : '') + digits.slice(Math.max(0, end - 3), end) + out;
    return n < 0 || Object.is(n, -0) ? `-${out}` : out;
}
//# sourceMappingURL=count.js.map
;// CONCATENATED MODULE: ./packages/core/lib/data/checks.js
/**
 * What each check is called where a person reads it: the report's table of failed checks, the
 * annotation titles (`bill_mm: not null`) and their headlines. One table, so the log and the
 * report never name a check two ways; a new check cannot be added without its title.
 */
const CHECK_TITLES = {
    type: 'type',
    not_null: 'not null',
    min: 'min',
    max: 'max',
    enum: 'allowed values',
    pattern: 'pattern',
    unique: 'unique',
    column_present: 'column present',
    extra_column: 'no extra columns',
    field_count: 'field count',
    not_empty: 'not empty',
    row_count: 'row count',
    readable: 'readable',
    schema: 'valid schema',
};
function checkTitle(check) {
    return CHECK_TITLES[check] ?? check;
}
//# sourceMappingURL=checks.js.map
;// CONCATENATED MODULE: ./packages/core/lib/data/annotations.js

/**
 * Failed checks as annotations on the data file's lines, the way a compiler points at code. At most
 * `maxExamples` per check (GitHub shows 10 error annotations a step anyway); the first one of a
 * check says how many rows it left out, so the log never pretends the examples are all.
 */
function checkAnnotations(result, maxExamples, driftSeverity = 'warning') {
    const parquet = new Set(result.files.filter((f) => f.format === 'parquet').map((f) => f.file));
    const dataFiles = new Set(result.files.map((f) => f.file));
    const out = [];
    for (const c of result.checks) {
        if (c.passed)
            continue;
        const severity = c.severity;
        const title = `${c.column ?? 'dataset'}: ${checkTitle(c.check)}`;
        // An unreadable file or schema is annotated from its error, which also knows the column.
        if (c.check === 'readable' || c.check === 'schema')
            continue;
        const examples = c.examples.slice(0, Math.max(0, maxExamples));
        const failing = c.check === 'row_count' ? 0 : c.failed_rows;
        const more = failing - examples.length;
        const head = headline(c);
        if (examples.length === 0) {
            out.push({ severity, title, message: head });
            continue;
        }
        examples.forEach((e, i) => {
            const where = parquet.has(e.file) ? ` (row ${e.line})` : '';
            const tail = i === 0 && more > 0 ? ` — ${more} more failing row${more === 1 ? '' : 's'} not annotated` : '';
            out.push({ severity, title, message: `${head}: ${showValue(e.value)}${where}${tail}`, ...placeOf(e, dataFiles, parquet) });
        });
    }
    if (result.dataset_drift) {
        const drifted = result.drift.filter((d) => d.drifted).map((d) => d.column);
        out.push({
            severity: driftSeverity,
            title: 'dataset: drift',
            message: `${drifted.length} of ${result.drift.length} columns drifted from the reference: ${drifted.join(', ')}`,
        });
    }
    return out;
}
function headline(c) {
    const who = c.column === null ? 'The data' : `Column ${JSON.stringify(c.column)}`;
    const expected = c.expected ? ` (expected ${c.expected}${c.mostly !== undefined ? `, mostly ${c.mostly}` : ''})` : '';
    if (c.check === 'row_count')
        return `${who} fails ${checkTitle(c.check)}${expected}`;
    const rows = c.checked_rows !== undefined ? `${c.failed_rows} of ${c.checked_rows} rows` : `${c.failed_rows} row${c.failed_rows === 1 ? '' : 's'}`;
    return `${who} fails ${checkTitle(c.check)} in ${rows}${expected}`;
}
function showValue(v) {
    if (v === null)
        return 'null';
    const text = typeof v === 'string' ? JSON.stringify(v) : String(v);
    return text.length > 120 ? text.slice(0, 117) + '…' : text;
}
/** A line only where the file has lines: not Parquet (row numbers), not the dataset (line 0). */
function placeOf(e, dataFiles, parquet) {
    if (!dataFiles.has(e.file))
        return {};
    if (parquet.has(e.file) || !(e.line > 0))
        return { file: e.file };
    return { file: e.file, line: e.line };
}
//# sourceMappingURL=annotations.js.map
;// CONCATENATED MODULE: ./packages/core/lib/data/markdown.js



const n = formatCount;
function markdown_showValue(v) {
    if (v === null)
        return '_null_';
    const text = typeof v === 'string' ? v : String(v);
    const short = text.length > 80 ? text.slice(0, 77) + '…' : text;
    return codeSpan(short);
}
function examplesCell(c, limit, path) {
    if (c.check === 'row_count')
        return '';
    // The reason a file or the schema could not be read: a message, shown whole.
    if (c.check === 'readable' || c.check === 'schema') {
        return c.examples.map((e) => `${escapeCell(String(e.value))} at ${escapeCell(`${path(e.file)}:${e.line}`)}`).join('<br>');
    }
    return c.examples
        .slice(0, limit)
        .map((e) => `${markdown_showValue(e.value)} at ${escapeCell(`${path(e.file)}:${e.line}`)}`)
        .join('<br>');
}
function formatStatistic(x) {
    if (!Number.isFinite(x))
        return String(x);
    if (x !== 0 && Math.abs(x) < 0.001)
        return x.toExponential(2);
    return x.toFixed(3);
}
function renderValidationMarkdown(result, options = {}) {
    const limit = options.examples ?? 3;
    const path = options.displayPath ?? ((f) => f);
    const lines = [];
    const failed = result.checks.filter((c) => !c.passed);
    const verdict = result.passed
        ? result.warnings > 0
            ? `**Verdict: passed with ${n(result.warnings)} warning${result.warnings === 1 ? '' : 's'}**`
            : '**Verdict: passed**'
        : `**Verdict: failed** — ${n(result.errors)} error${result.errors === 1 ? '' : 's'}${result.warnings ? `, ${n(result.warnings)} warning${result.warnings === 1 ? '' : 's'}` : ''}`;
    lines.push(verdict, '');
    const files = result.files.map((f) => `${escape_escapeText(path(f.file))} (${f.format}${f.gzip ? ', gzip' : ''}, ${n(f.rows)} rows)`);
    const broken = failed.find((c) => c.check === 'readable' || c.check === 'schema');
    const names = result.files.length ? result.files.map((f) => escape_escapeText(path(f.file))).join(', ') : 'the data';
    if (broken?.check === 'schema')
        lines.push(`The schema could not be used, so ${names} ${result.files.length === 1 ? 'was' : 'were'} not checked.`);
    else if (broken)
        lines.push(`Could not read ${names}.`);
    else
        lines.push(`Read **${n(result.rows)} rows** and **${n(result.columns)} columns** from ${files.join(', ')}.`);
    if (result.sampled)
        lines.push(`Checked a seeded random sample of ${n(result.rows_validated)} rows.`);
    for (const note of result.notes)
        if (!note.startsWith('checked a seeded random sample'))
            lines.push(escape_escapeText(note));
    lines.push('');
    if (failed.length === 0) {
        lines.push(`All ${n(result.checks.length)} checks passed.`, '');
    }
    else {
        const rows = failed.map((c) => {
            const failedRows = c.check === 'row_count'
                ? `${n(result.rows)} rows`
                : c.check === 'readable' || c.check === 'schema'
                    ? ''
                    : c.checked_rows !== undefined
                        ? `${n(c.failed_rows)} of ${n(c.checked_rows)}`
                        : n(c.failed_rows);
            const expected = c.expected ? escapeCell(c.expected) + (c.mostly !== undefined ? ` (mostly ${c.mostly})` : '') : '';
            return [
                c.column === null ? '_dataset_' : codeSpan(c.column),
                escapeCell(checkTitle(c.check)),
                c.severity,
                failedRows,
                expected,
                examplesCell(c, limit, path) + (c.note ? `<br>${escapeCell(c.note)}` : ''),
            ];
        });
        lines.push(`#### Failed checks (${n(failed.length)} of ${n(result.checks.length)})`, '');
        lines.push(table(['column', 'check', 'severity', 'failed rows', 'expected', 'examples'], rows, ['l', 'l', 'l', 'r', 'l', 'l']), '');
    }
    if (result.reference) {
        const refFiles = result.reference.files.map((f) => escape_escapeText(path(f))).join(', ');
        lines.push(`#### Drift against ${refFiles} (${n(result.reference.rows)} rows)`, '');
        if (result.drift.length === 0)
            lines.push('No column could be compared.', '');
        else {
            const rows = result.drift.map((d) => [
                codeSpan(d.column),
                escapeCell(d.method),
                formatStatistic(d.statistic),
                (d.kind === 'p-value' ? '< ' : '≥ ') + formatStatistic(d.threshold),
                d.drifted ? '**yes**' : 'no',
            ]);
            lines.push(table(['column', 'method', 'statistic', 'drift when', 'drifted'], rows, ['l', 'l', 'r', 'r', 'l']), '');
            const drifted = result.drift.filter((d) => d.drifted).length;
            const share = Math.round((result.drift_share ?? 0) * 100);
            lines.push(`${n(drifted)} of ${n(result.drift.length)} columns drifted (${share}%): ` +
                (result.dataset_drift ? '**the dataset has drifted**.' : 'no dataset-level drift.'), '');
        }
    }
    return lines.join('\n').trimEnd() + '\n';
}
//# sourceMappingURL=markdown.js.map
// EXTERNAL MODULE: ./packages/core/lib/data/source.js
var source = __webpack_require__(7513);
// EXTERNAL MODULE: ./packages/core/lib/data/csv.js
var csv = __webpack_require__(1902);
// EXTERNAL MODULE: ./packages/core/lib/data/sketch.js
var sketch = __webpack_require__(1424);
;// CONCATENATED MODULE: ./packages/core/lib/data/stats.js
/**
 * The few distribution functions drift tests need. Written here because no maintained npm package
 * offers the two-sample statistics (KS with its p-value, Wasserstein, chi-square on counts) over
 * typed arrays; the special functions are the textbook ones (Lanczos' log-gamma, the series and
 * continued fraction for the incomplete gamma, Kolmogorov's series).
 */
const LANCZOS = [
    676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
    1.5056327351493116e-7,
];
function logGamma(x) {
    if (x < 0.5)
        return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
    x -= 1;
    let a = 0.99999999999980993;
    const t = x + 7.5;
    for (let i = 0; i < LANCZOS.length; i++)
        a += LANCZOS[i] / (x + i + 1);
    return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}
/** Regularised upper incomplete gamma Q(a, x). */
function gammaQ(a, x) {
    if (x <= 0)
        return 1;
    if (!Number.isFinite(x))
        return 0;
    const lead = -x + a * Math.log(x) - logGamma(a);
    if (x < a + 1) {
        // Series for P(a, x).
        let sum = 1 / a;
        let term = sum;
        for (let n = 1; n < 1000; n++) {
            term *= x / (a + n);
            sum += term;
            if (Math.abs(term) < Math.abs(sum) * 1e-15)
                break;
        }
        return Math.max(0, 1 - sum * Math.exp(lead));
    }
    // Continued fraction for Q(a, x) (modified Lentz).
    const tiny = 1e-300;
    let b = x + 1 - a;
    let c = 1 / tiny;
    let d = 1 / b;
    let h = d;
    for (let i = 1; i < 1000; i++) {
        const an = -i * (i - a);
        b += 2;
        d = an * d + b;
        if (Math.abs(d) < tiny)
            d = tiny;
        c = b + an / c;
        if (Math.abs(c) < tiny)
            c = tiny;
        d = 1 / d;
        const delta = d * c;
        h *= delta;
        if (Math.abs(delta - 1) < 1e-15)
            break;
    }
    return Math.min(1, Math.exp(lead) * h);
}
/** P(X >= x) for a chi-square distribution with `df` degrees of freedom. */
function chiSquareSurvival(x, df) {
    if (df <= 0)
        return 1;
    return gammaQ(df / 2, x / 2);
}
/** Complementary error function (Numerical Recipes' Chebyshev fit, relative error < 1.2e-7). */
function erfc(x) {
    const z = Math.abs(x);
    const t = 1 / (1 + 0.5 * z);
    const r = t *
        Math.exp(-z * z -
            1.26551223 +
            t *
                (1.00002368 +
                    t *
                        (0.37409196 +
                            t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
    return x >= 0 ? r : 2 - r;
}
/** Kolmogorov's limiting distribution: P(K > lambda). */
function kolmogorovSurvival(lambda) {
    if (lambda < 0.2)
        return 1;
    let sum = 0;
    for (let j = 1; j <= 100; j++) {
        const term = Math.exp(-2 * j * j * lambda * lambda);
        sum += j % 2 === 1 ? term : -term;
        if (term < 1e-16)
            break;
    }
    return Math.min(1, Math.max(0, 2 * sum));
}
/** Two-sample Kolmogorov–Smirnov on sorted samples: the statistic D and its asymptotic p-value
 *  (with Stephens' small-sample correction). */
function ksTwoSample(a, b) {
    const n = a.length;
    const m = b.length;
    if (n === 0 || m === 0)
        return { statistic: 0, pValue: 1 };
    let i = 0;
    let j = 0;
    let d = 0;
    while (i < n && j < m) {
        const x = a[i] <= b[j] ? a[i] : b[j];
        while (i < n && a[i] === x)
            i++;
        while (j < m && b[j] === x)
            j++;
        const diff = Math.abs(i / n - j / m);
        if (diff > d)
            d = diff;
    }
    const ne = Math.sqrt((n * m) / (n + m));
    return { statistic: d, pValue: kolmogorovSurvival((ne + 0.12 + 0.11 / ne) * d) };
}
/** First Wasserstein distance between two empirical distributions (sorted samples). */
function wasserstein(a, b) {
    const n = a.length;
    const m = b.length;
    if (n === 0 || m === 0)
        return 0;
    // Integrate |F_a - F_b| over the merged support.
    let i = 0;
    let j = 0;
    let prev = Math.min(a[0], b[0]);
    let total = 0;
    while (i < n || j < m) {
        const x = j >= m || (i < n && a[i] <= b[j]) ? a[i] : b[j];
        total += Math.abs(i / n - j / m) * (x - prev);
        prev = x;
        while (i < n && a[i] === x)
            i++;
        while (j < m && b[j] === x)
            j++;
    }
    return total;
}
/** How many of the counted values fall on `keys` (a key never counted counts 0). */
function countOver(keys, counts) {
    let total = 0;
    for (const k of keys)
        total += counts.get(k) ?? 0;
    return total;
}
/** Proportions over a shared key order. */
function proportions(keys, counts) {
    const total = countOver(keys, counts);
    return keys.map((k) => (total > 0 ? (counts.get(k) ?? 0) / total : 0));
}
/** Jensen–Shannon distance with natural logarithms (scipy.spatial.distance.jensenshannon). */
function jensenShannon(p, q) {
    let js = 0;
    for (let i = 0; i < p.length; i++) {
        const m = (p[i] + q[i]) / 2;
        if (p[i] > 0)
            js += 0.5 * p[i] * Math.log(p[i] / m);
        if (q[i] > 0)
            js += 0.5 * q[i] * Math.log(q[i] / m);
    }
    return Math.sqrt(Math.max(0, js));
}
/** Population stability index; empty bins get 0.0001 as Evidently does, so the log stays finite. */
function psi(ref, cur) {
    let total = 0;
    for (let i = 0; i < ref.length; i++) {
        const r = ref[i] === 0 ? 0.0001 : ref[i];
        const c = cur[i] === 0 ? 0.0001 : cur[i];
        total += (r - c) * Math.log(r / c);
    }
    return total;
}
/**
 * Chi-square test of homogeneity on the 2 x k table of reference and current counts (scipy's
 * chi2_contingency without continuity correction). Evidently compares the current counts with the
 * reference proportions instead, which makes one row of a category the reference never had an
 * infinite statistic; the contingency form weighs such a row like any other.
 */
function chiSquareTest(keys, ref, cur) {
    const refTotal = countOver(keys, ref);
    const curTotal = countOver(keys, cur);
    const total = refTotal + curTotal;
    if (refTotal === 0 || curTotal === 0)
        return 1;
    let stat = 0;
    let categories = 0;
    for (const k of keys) {
        const r = ref.get(k) ?? 0;
        const c = cur.get(k) ?? 0;
        if (r + c === 0)
            continue;
        categories++;
        const er = ((r + c) * refTotal) / total;
        const ec = ((r + c) * curTotal) / total;
        stat += ((r - er) * (r - er)) / er + ((c - ec) * (c - ec)) / ec;
    }
    return categories < 2 ? 1 : chiSquareSurvival(stat, categories - 1);
}
/** Two-proportion z-test on the share of the first key (binary columns), two-sided p-value. */
function zTest(keys, ref, cur) {
    const n1 = countOver(keys, ref);
    const n2 = countOver(keys, cur);
    if (n1 === 0 || n2 === 0 || keys.length < 2)
        return 1;
    const k0 = keys[0];
    const p1 = (ref.get(k0) ?? 0) / n1;
    const p2 = (cur.get(k0) ?? 0) / n2;
    const p = ((ref.get(k0) ?? 0) + (cur.get(k0) ?? 0)) / (n1 + n2);
    const se = Math.sqrt(p * (1 - p) * (1 / n1 + 1 / n2));
    if (se === 0)
        return p1 === p2 ? 1 : 0;
    return erfc(Math.abs(p1 - p2) / se / Math.SQRT2);
}
/** Counts of sorted values in equal-width bins over [lo, hi] (numpy's histogram, last bin closed). */
function histogram(sorted, lo, hi, bins) {
    const out = new Array(bins).fill(0);
    const width = (hi - lo) / bins;
    for (const x of sorted) {
        let b = width > 0 ? Math.floor((x - lo) / width) : 0;
        if (b >= bins)
            b = bins - 1;
        if (b < 0)
            b = 0;
        out[b]++;
    }
    return out;
}
//# sourceMappingURL=stats.js.map
;// CONCATENATED MODULE: ./packages/core/lib/data/drift.js


/**
 * Per-column drift, chosen the way Evidently chooses by default:
 *
 * | reference rows | numeric, > 5 distinct | numeric ≤ 5 distinct / categorical |
 * | -------------- | --------------------- | ---------------------------------- |
 * | ≤ 1000         | KS p-value < 0.05     | chi-square p < 0.05 (z-test if ≤ 2 values) |
 * | > 1000         | Wasserstein / std(ref) ≥ 0.1 | Jensen–Shannon distance ≥ 0.1 |
 *
 * On large samples a p-value flags every tiny, harmless shift, so distances take over there.
 * One deliberate difference: chi-square is the contingency-table test (see stats.ts), so a single
 * row of a category new to the current data does not count as drift by itself.
 * Numeric columns are compared through fixed-size seeded reservoirs (see sketch.ts) and exact
 * mean/std, categorical ones through exact counts (up to a cap): memory does not grow with rows.
 */
const DEFAULT_THRESHOLDS = {
    ks: 0.05,
    'chi-square': 0.05,
    z: 0.05,
    wasserstein: 0.1,
    'jensen-shannon': 0.1,
    psi: 0.1,
};
const P_VALUE_METHODS = new Set(['ks', 'chi-square', 'z']);
const SMALL_SAMPLE = 1000;
function countsOf(s) {
    return s instanceof sketch/* NumericSketch */.At ? s.counts() : s.counts();
}
function unionKeys(a, b) {
    const keys = new Set([...a.keys(), ...b.keys()]);
    return [...keys].sort();
}
function chooseMethod(ref, cur) {
    const small = ref.count <= SMALL_SAMPLE;
    const rc = countsOf(ref);
    const cc = countsOf(cur);
    const distinct = rc && cc ? unionKeys(rc, cc).length : Infinity;
    if (ref instanceof sketch/* NumericSketch */.At && distinct > sketch/* FEW_DISTINCT */.Sv)
        return small ? 'ks' : 'wasserstein';
    if (small)
        return distinct > 2 ? 'chi-square' : 'z';
    return 'jensen-shannon';
}
/** Reference and current sample values binned alike (Sturges' rule over the combined range). */
function binned(ref, cur) {
    const rs = ref.sorted();
    const cs = cur.sorted();
    const lo = Math.min(rs[0] ?? 0, cs[0] ?? 0);
    const hi = Math.max(rs[rs.length - 1] ?? 0, cs[cs.length - 1] ?? 0);
    const bins = Math.ceil(Math.log2(rs.length + cs.length)) + 1;
    const total = (h) => h.reduce((a, b) => a + b, 0) || 1;
    const rh = histogram(rs, lo, hi, bins);
    const ch = histogram(cs, lo, hi, bins);
    const rt = total(rh);
    const ct = total(ch);
    return { r: rh.map((x) => x / rt), c: ch.map((x) => x / ct) };
}
function columnDrift(column, ref, cur, settings = {}) {
    if (ref.count === 0 || cur.count === 0)
        return null;
    const method = !settings.method || settings.method === 'auto' ? chooseMethod(ref, cur) : settings.method;
    const threshold = settings.threshold ?? DEFAULT_THRESHOLDS[method];
    const numeric = ref instanceof sketch/* NumericSketch */.At && cur instanceof sketch/* NumericSketch */.At;
    let statistic;
    switch (method) {
        case 'ks':
            if (!numeric)
                throw new Error(`ks needs a numeric column (${column})`);
            statistic = ksTwoSample(ref.sorted(), cur.sorted()).pValue;
            break;
        case 'wasserstein': {
            if (!numeric)
                throw new Error(`wasserstein needs a numeric column (${column})`);
            // Normalised by the reference's spread so one threshold fits every unit (Evidently's
            // wasserstein "normed"); the floor keeps a constant reference column finite.
            statistic = wasserstein(ref.sorted(), cur.sorted()) / Math.max(ref.std(), 0.001);
            break;
        }
        case 'psi':
        case 'jensen-shannon': {
            let p;
            let q;
            const rc = countsOf(ref);
            const cc = countsOf(cur);
            if (rc && cc) {
                const keys = unionKeys(rc, cc);
                p = proportions(keys, rc);
                q = proportions(keys, cc);
            }
            else if (numeric) {
                ({ r: p, c: q } = binned(ref, cur));
            }
            else
                throw new Error(`cannot compare ${column}`);
            statistic = method === 'psi' ? psi(p, q) : jensenShannon(p, q);
            break;
        }
        case 'chi-square':
        case 'z': {
            const rc = countsOf(ref);
            const cc = countsOf(cur);
            if (!rc || !cc)
                throw new Error(`${method} needs a categorical column or few distinct values (${column})`);
            const keys = unionKeys(rc, cc);
            statistic = method === 'z' ? zTest(keys, rc, cc) : chiSquareTest(keys, rc, cc);
            break;
        }
        default:
            throw new Error(`unknown drift method ${String(method)}`);
    }
    const isP = P_VALUE_METHODS.has(method);
    return {
        column,
        method,
        statistic,
        threshold,
        drifted: isP ? statistic < threshold : statistic >= threshold,
        kind: isP ? 'p-value' : 'distance',
        reference_rows: ref.count,
        current_rows: cur.count,
    };
}
/** Dataset-level drift: Evidently's rule, drifted when at least `share` of the columns drifted. */
function datasetDrift(results, share = 0.5) {
    if (results.length === 0)
        return { share: 0, drifted: false };
    const n = results.filter((r) => r.drifted).length;
    const s = n / results.length;
    return { share: s, drifted: s >= share };
}
//# sourceMappingURL=drift.js.map
// EXTERNAL MODULE: ./packages/core/lib/data/json.js + 1 modules
var json = __webpack_require__(3448);
// EXTERNAL MODULE: ./packages/core/lib/data/random.js
var random = __webpack_require__(1995);
// EXTERNAL MODULE: ./packages/core/lib/data/ranges.js
var data_ranges = __webpack_require__(7346);
// EXTERNAL MODULE: ./packages/core/lib/data/tally.js + 1 modules
var tally = __webpack_require__(473);
;// CONCATENATED MODULE: ./packages/core/lib/data/validate.js









/** Thrown from a row handler to stop reading a file early (limitRows). */
class StopReading extends Error {
}
/**
 * One pass over a set of files feeding column validators. Shared by validation (checks and, with
 * a reference, sketches) and by the reference pass (sketches only).
 */
class Scan {
    rows = 0;
    rowsValidated = 0;
    files = [];
    columnNames = [];
    columnSet = new Set();
    byName;
    sampler;
    kept = [];
    fileNames = [];
    /** Per file: validator index -> field index (CSV). */
    fieldMaps = [];
    fieldCounts = [];
    fileStart = 0;
    limit;
    validators;
    dataset;
    schema;
    options;
    ranges;
    constructor(validators, dataset, schema, options, ranges = null) {
        this.validators = validators;
        this.ranges = ranges;
        this.dataset = dataset;
        this.schema = schema;
        this.options = options;
        this.byName = new Map(validators.map((v) => [v.name, v]));
        this.limit = options.limitRows ?? Infinity;
        this.sampler = options.sample !== undefined ? new random/* ReservoirIndex */.WT(options.sample, options.seed ?? random/* DEFAULT_SEED */.KP) : null;
    }
    noteColumns(names) {
        for (const n of names) {
            if (!this.columnSet.has(n)) {
                this.columnSet.add(n);
                this.columnNames.push(n);
            }
        }
    }
    /** Missing and (with `strict`) extra columns of one file whose columns are known up front. */
    checkColumns(file, names) {
        const present = new Set(names);
        for (const v of this.validators) {
            if (present.has(v.name))
                v.seen = true;
            else
                this.dataset.fail('column_present', v.name, v.severity, { value: v.name, file, line: 1 }, 'the column');
        }
        if (this.schema.strict) {
            for (const n of names) {
                if (!this.byName.has(n))
                    this.dataset.fail('extra_column', n, 'error', { value: n, file, line: 1 }, "only the schema's columns");
            }
        }
    }
    async run(files) {
        for (const file of files)
            await this.runFile(file);
        if (this.sampler)
            this.replay();
    }
    setOrigin(file) {
        for (const v of this.validators)
            v.origin = { file };
    }
    async runFile(file) {
        const fileIndex = this.fileNames.length;
        this.fileNames.push(file);
        const opened = await (0,source/* openData */.$H)(file, this.options.format);
        this.setOrigin(file);
        const summary = { file, format: opened.format, gzip: opened.gzip, rows: 0 };
        this.files.push(summary);
        const before = this.rows;
        this.fileStart = before;
        try {
            if (opened.format === 'csv' || opened.format === 'tsv') {
                const stats = await this.runCsv(file, fileIndex, opened.source, opened.format === 'tsv' ? '\t' : ',', opened.gzip);
                if (!stats.hasHeader) {
                    this.dataset.fail('not_empty', null, 'error', { value: 'empty file (no header)', file, line: 1 }, 'a header and rows');
                }
                else if (stats.records === 0) {
                    this.dataset.fail('not_empty', null, 'error', { value: 'header only, no rows', file, line: 1 }, 'at least one row');
                }
            }
            else if (opened.format === 'parquet') {
                await this.runParquet(file, fileIndex);
                if (this.rows === before)
                    this.dataset.fail('not_empty', null, 'error', { value: 'no rows', file, line: 1 }, 'at least one row');
            }
            else {
                await this.runJson(file, fileIndex, opened);
                if (this.rows === before)
                    this.dataset.fail('not_empty', null, 'error', { value: 'no records', file, line: 1 }, 'at least one row');
            }
        }
        finally {
            await opened.source?.close();
        }
        summary.rows = this.rows - before;
    }
    /** The header's bookkeeping, for either path: columns present, missing, extra; the field map. */
    csvHeader(file, fileIndex, names, line) {
        (0,csv/* refuseDuplicateColumns */.Xz)(names, file, line);
        this.noteColumns(names);
        this.checkColumns(file, names);
        const map = new Int32Array(this.validators.map((v) => names.indexOf(v.name)));
        this.fieldMaps[fileIndex] = map;
        this.fieldCounts[fileIndex] = names.length;
        return { map, fieldCount: names.length };
    }
    async runCsv(file, fileIndex, source, delimiter, gzip) {
        const validators = this.validators;
        let map = new Int32Array(0);
        let fieldCount = 0;
        const sampler = this.sampler;
        const dataset = this.dataset;
        const csvDelimiter = this.options.delimiter ?? delimiter;
        // Ranges are byte offsets into the file: a compressed one is read as one stream.
        const inRanges = gzip ? null : await this.runCsvInRanges(file, fileIndex, csvDelimiter);
        if (inRanges)
            return inRanges;
        return (0,csv/* readCsv */.Nb)(source, file, {
            header: (names, line) => {
                ({ map, fieldCount } = this.csvHeader(file, fileIndex, names, line));
            },
            record: (buf, starts, ends, n, line, recStart, recEnd) => {
                if (this.rows - this.fileStart >= this.limit)
                    throw new StopReading();
                this.rows++;
                if (sampler !== null && n === fieldCount) {
                    const slot = sampler.offer();
                    if (slot < 0)
                        return;
                    const bytes = Buffer.from(buf.subarray(recStart, recEnd));
                    const s = new Int32Array(n);
                    const e = new Int32Array(n);
                    for (let i = 0; i < n; i++) {
                        s[i] = starts[i] - recStart;
                        e[i] = ends[i] - recStart;
                    }
                    this.kept[slot] = { fileIndex, line, bytes, starts: s, ends: e };
                    return;
                }
                if (n === fieldCount)
                    this.rowsValidated++;
                (0,tally/* checkCsvRecord */.CE)(validators, map, fieldCount, dataset, file, csvDelimiter, buf, starts, ends, n, line, recStart);
            },
        }, { delimiter: csvDelimiter }).catch((e) => {
            if (e instanceof StopReading)
                return { records: this.rows - this.fileStart, lines: 0, hasHeader: true };
            throw e;
        });
    }
    /**
     * A plain CSV file of `minFileBytes` or more, validated by worker threads (ranges.ts) when nothing
     * needs the records in one sequence: no sample, no row limit, no drift sketches. Null: use the
     * one-thread reader (also when the header is not in the first MiB, or is malformed: it reports).
     */
    async runCsvInRanges(file, fileIndex, delimiter) {
        const settings = this.ranges;
        if (settings === null || this.sampler !== null || this.limit !== Infinity)
            return null;
        if (this.validators.some((v) => v.numericSketch !== null || v.categorySketch !== null))
            return null;
        if (Buffer.byteLength(delimiter) !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r')
            return null;
        const { size } = await (0,promises_.stat)(file);
        if (!(0,data_ranges/* inRangesBySize */.C8)(settings, size))
            return null;
        const fh = await (0,promises_.open)(file, 'r');
        try {
            const header = await (0,data_ranges/* readHeader */.ay)(fh, file, delimiter, size);
            if (header === null)
                return null;
            const { map, fieldCount } = this.csvHeader(file, fileIndex, header.names, header.line);
            let records = 0;
            const base = {
                file,
                size,
                delimiter,
                schema: this.schema,
                maxExamples: this.dataset.maxExamples,
                map: [...map],
                fieldCount,
                maxRecordBytes: 64 * 1024 * 1024,
            };
            await (0,data_ranges/* scanInRanges */.xq)(fh, base, header.end, header.nextLine, settings, (r, firstLine) => {
                for (const [k, v] of this.validators.entries()) {
                    if (!v.absorb(r.columns[k], firstLine - 1))
                        throw new data_ranges/* NeedsOneThread */.kC(`column ${v.name}: a value repeats across ranges`);
                }
                this.dataset.absorb(r.dataset, firstLine - 1);
                const ragged = r.dataset.find((c) => c.check === 'field_count')?.failed_rows ?? 0;
                records += r.records;
                this.rows += r.records;
                this.rowsValidated += r.records - ragged;
            });
            return { records, lines: 0, hasHeader: true };
        }
        finally {
            await fh.close();
        }
    }
    async runJson(file, fileIndex, opened) {
        const keysSeen = new Set();
        const missing = this.validators.map(() => ({ rows: 0, lines: [] }));
        const handler = {
            row: (record, line) => {
                if (this.rows - this.fileStart >= this.limit)
                    throw new StopReading();
                this.rows++;
                for (const k in record)
                    if (!keysSeen.has(k))
                        keysSeen.add(k);
                if (this.sampler !== null) {
                    const slot = this.sampler.offer();
                    if (slot >= 0)
                        this.kept[slot] = { fileIndex, line, object: record };
                    return;
                }
                this.rowsValidated++;
                this.feedObject(record, line, missing);
            },
        };
        try {
            if (opened.format === 'jsonl')
                await (0,json/* readJsonLines */.$)(opened.source, file, handler);
            else
                await (0,json/* readJsonArray */.s)(opened.source, file, handler);
        }
        catch (e) {
            if (!(e instanceof StopReading))
                throw e;
        }
        this.noteColumns([...keysSeen]);
        if (keysSeen.size > 0 || this.rows > 0)
            this.checkJsonColumns(file, keysSeen, missing);
    }
    /** JSON: a key absent from a record is a null there; absent from every record, a missing column. */
    feedObject(record, line, missing) {
        const validators = this.validators;
        for (let k = 0; k < validators.length; k++) {
            const v = validators[k];
            // hasOwn, not `record[name] === undefined`: a column named `toString` or `__proto__` that a
            // record lacks would otherwise read Object.prototype's.
            if (!Object.hasOwn(record, v.name)) {
                const m = missing[k];
                m.rows++;
                if (m.lines.length < 5)
                    m.lines.push(line);
                continue;
            }
            v.acceptValue(record[v.name], line);
        }
    }
    checkJsonColumns(file, keys, missing) {
        for (const [k, v] of this.validators.entries()) {
            const m = missing[k];
            if (!keys.has(v.name)) {
                this.dataset.fail('column_present', v.name, v.severity, { value: v.name, file, line: 1 }, 'the column');
                continue;
            }
            v.seen = true;
            // Records without the key: nulls, at their lines.
            for (let i = 0; i < m.rows; i++)
                v.acceptValue(undefined, m.lines[i] ?? m.lines[m.lines.length - 1]);
        }
        if (this.schema.strict) {
            for (const n of keys) {
                if (!this.byName.has(n))
                    this.dataset.fail('extra_column', n, 'error', { value: n, file, line: 1 }, "only the schema's columns");
            }
        }
    }
    async runParquet(file, fileIndex) {
        // Loaded on demand: hyparquet and its codecs cost tens of milliseconds to load.
        const { readParquet } = await Promise.all(/* import() */[__webpack_require__.e(697), __webpack_require__.e(658)]).then(__webpack_require__.bind(__webpack_require__, 8658));
        await readParquet(file, {
            columns: (names) => {
                this.noteColumns(names);
                this.checkColumns(file, names);
                return this.validators.filter((v) => names.includes(v.name)).map((v) => v.name);
            },
            columnValues: (name, values, firstRow) => {
                this.byName.get(name).acceptValues(values, firstRow);
            },
            row: (record, rowNumber) => {
                this.rows++;
                const slot = this.sampler.offer();
                if (slot >= 0)
                    this.kept[slot] = { fileIndex, line: rowNumber, object: record };
            },
        }, { rowWise: this.sampler !== null, limitRows: this.options.limitRows }).then((stats) => {
            if (this.sampler === null) {
                this.rows += stats.records;
                this.rowsValidated += stats.records;
            }
        });
    }
    /** Validates the sampled records in file and line order. */
    replay() {
        const kept = this.kept.filter(Boolean).sort((a, b) => a.fileIndex - b.fileIndex || a.line - b.line);
        let current = -1;
        const noMissing = this.validators.map(() => ({ rows: 0, lines: [] }));
        for (const r of kept) {
            if (r.fileIndex !== current) {
                current = r.fileIndex;
                this.setOrigin(this.fileNames[current]);
            }
            this.rowsValidated++;
            if (r.bytes) {
                const map = this.fieldMaps[r.fileIndex];
                for (let k = 0; k < this.validators.length; k++) {
                    const f = map[k];
                    if (f >= 0)
                        this.validators[k].acceptBytes(r.bytes, r.starts[f], r.ends[f], r.line);
                }
            }
            else if (r.object) {
                this.feedObject(r.object, r.line, noMissing);
                for (const [k, m] of noMissing.entries()) {
                    if (m.rows > 0 && this.validators[k].seen)
                        this.validators[k].acceptValue(undefined, r.line);
                    m.rows = 0;
                    m.lines.length = 0;
                }
            }
        }
    }
}
function driftSettingsFor(schema, name, spec) {
    const top = schema.drift ?? {};
    const perColumn = top.columns?.[name];
    if (perColumn === false || spec.drift === false)
        return null;
    const explicit = perColumn ?? spec.drift;
    // Ids drift by construction (every new row has a new one): leave unique columns out unless asked.
    if (spec.unique && !explicit)
        return null;
    return { method: explicit?.method ?? top.method, threshold: explicit?.threshold ?? (explicit?.method ? undefined : top.threshold) };
}
async function referenceSketches(files, schema, options, names) {
    const refSchema = {
        nulls: schema.nulls,
        columns: Object.fromEntries(names.map((n) => [n, { type: schema.columns?.[n]?.type, nullable: true }])),
    };
    const validators = await (0,tally/* makeValidators */.sT)(refSchema, 0);
    for (const v of validators)
        v.enableSketch(random/* DEFAULT_SEED */.KP + 1);
    const scan = new Scan(validators, new tally/* DatasetTally */.bw(0), refSchema, options);
    await scan.run(files);
    return { rows: scan.rows, sketches: new Map(validators.filter((v) => v.seen).map((v) => [v.name, sketchOf(v)])) };
}
function sketchOf(v) {
    return (v.numericSketch ?? v.categorySketch);
}
/**
 * Validates data files against a schema, and compares them with a reference for drift.
 * Malformed files (an open quote, broken JSON) throw a UserError with file, line and column;
 * everything else — wrong values, missing columns, ragged rows, empty files — is a failed check.
 */
async function validateData(input, options = {}) {
    const ranges = options.ranges === undefined ? (0,data_ranges/* registeredRanges */.lV)() : options.ranges;
    try {
        return await validateOnce(input, options, ranges);
    }
    catch (e) {
        // The threads' results could not be added up exactly (see ranges.ts): once more, in one thread.
        if (ranges !== null && e instanceof data_ranges/* NeedsOneThread */.kC)
            return validateOnce(input, options, null);
        throw e;
    }
    finally {
        await (0,data_ranges/* endWarmDataWorkers */.md)();
    }
}
/**
 * Starts the worker threads that validateData(files) with the registered settings will use, when
 * one of the files is a CSV file large enough: their start-up then overlaps what the caller does
 * first (loading the schema). Only for options that read in ranges: no sample, no reference.
 */
async function warmUpFor(files) {
    const settings = (0,data_ranges/* registeredRanges */.lV)();
    if (settings?.script === undefined)
        return;
    for (const file of files) {
        const format = (0,source/* formatFromName */.RE)(file);
        if (format !== 'csv' && format !== 'tsv' && format !== undefined)
            continue;
        if (file.toLowerCase().endsWith('.gz'))
            continue;
        const size = await (0,promises_.stat)(file).then((s) => s.size, () => 0);
        if ((0,data_ranges/* inRangesBySize */.C8)(settings, size))
            return (0,data_ranges/* warmDataWorkers */.pr)();
    }
}
async function validateOnce(input, options, ranges) {
    const files = typeof input === 'string' ? [input] : input;
    if (files.length === 0)
        throw new lib_errors/* UserError */.y('no data files given', { input: 'data' });
    if (options.sample !== undefined && !(Number.isInteger(options.sample) && options.sample > 0)) {
        throw new lib_errors/* UserError */.y(`sample must be a positive whole number, got ${options.sample}`, { input: 'sample' });
    }
    const schema = options.schema ?? {};
    const maxExamples = options.maxExamples ?? 5;
    const validators = await (0,tally/* makeValidators */.sT)(schema, maxExamples);
    const withDrift = options.reference !== undefined && options.reference.length > 0;
    const driftColumns = new Map();
    if (withDrift) {
        for (const v of validators) {
            const settings = driftSettingsFor(schema, v.name, v.spec);
            if (settings) {
                driftColumns.set(v.name, settings);
                v.enableSketch(random/* DEFAULT_SEED */.KP + 2);
            }
        }
    }
    const dataset = new tally/* DatasetTally */.bw(maxExamples);
    const scan = new Scan(validators, dataset, schema, options, ranges);
    await scan.run(files);
    const checks = [];
    const notes = [];
    for (const f of dataset.failures.values())
        checks.push(f.check);
    if (scan.rows > 0 || scan.columnNames.length > 0) {
        for (const v of validators)
            if (v.seen)
                checks.push(...v.results());
    }
    const rows = schema.rows;
    if (rows?.min !== undefined || rows?.max !== undefined) {
        const tooFew = rows.min !== undefined && scan.rows < rows.min;
        const tooMany = rows.max !== undefined && scan.rows > rows.max;
        const expected = [rows.min !== undefined ? `>= ${rows.min}` : '', rows.max !== undefined ? `<= ${rows.max}` : ''].filter(Boolean).join(' and ');
        checks.push({
            column: null,
            check: 'row_count',
            severity: 'error',
            passed: !tooFew && !tooMany,
            failed_rows: 0,
            examples: tooFew || tooMany ? [{ value: scan.rows, file: files.join(', '), line: 0 }] : [],
            expected: `${expected} rows`,
        });
    }
    // An explicit `rows: { min: 0 }` allows empty files.
    if (rows?.min === 0) {
        for (let i = checks.length - 1; i >= 0; i--)
            if (checks[i].check === 'not_empty')
                checks.splice(i, 1);
    }
    if (options.sample !== undefined && scan.rows > scan.rowsValidated) {
        notes.push(`checked a seeded random sample of ${scan.rowsValidated} of ${scan.rows} rows; uniqueness was checked within the sample`);
    }
    const drift = [];
    let driftSummary;
    let reference;
    if (withDrift) {
        const names = [...driftColumns.keys()].filter((n) => validators.find((v) => v.name === n)?.seen);
        const ref = await referenceSketches(options.reference, schema, options, names);
        reference = { files: options.reference, rows: ref.rows };
        for (const v of validators) {
            const settings = driftColumns.get(v.name);
            const refSketch = ref.sketches.get(v.name);
            if (!settings || !refSketch || !v.seen)
                continue;
            try {
                const r = columnDrift(v.name, refSketch, sketchOf(v), settings);
                if (r)
                    drift.push(r);
            }
            catch (e) {
                throw new lib_errors/* UserError */.y(`drift for column ${v.name}: ${e.message}`, { input: 'schema' });
            }
        }
        driftSummary = datasetDrift(drift, schema.drift?.share ?? 0.5);
    }
    const driftSeverity = schema.drift?.severity ?? 'warning';
    const failed = checks.filter((c) => !c.passed);
    let errors = failed.filter((c) => c.severity === 'error').length;
    let warnings = failed.filter((c) => c.severity === 'warning').length;
    if (driftSummary?.drifted) {
        if (driftSeverity === 'error')
            errors++;
        else
            warnings++;
    }
    const result = {
        passed: errors === 0,
        rows: scan.rows,
        columns: scan.columnNames.length,
        checks,
        drift,
        column_names: scan.columnNames,
        rows_validated: scan.rowsValidated,
        sampled: options.sample !== undefined && scan.rows > scan.rowsValidated,
        files: scan.files,
        errors,
        warnings,
        notes,
    };
    if (driftSummary) {
        result.drift_share = driftSummary.share;
        result.dataset_drift = driftSummary.drifted;
        result.reference = reference;
    }
    return result;
}
//# sourceMappingURL=validate.js.map
;// CONCATENATED MODULE: ./packages/core/lib/validate-data/run.js














const FAIL_ON = ['error', 'warning', 'never'];
async function runValidation(o) {
    if (o.data.length === 0)
        throw new lib_errors/* UserError */.y('input "data" is required: the files to validate', { input: 'data' });
    const problems = [];
    const notes = [];
    const at = (f) => workspacePath(f, o.workspace);
    let files = [];
    let schemaFile;
    let inferred;
    let reference;
    let result;
    let driftSeverity = 'warning';
    // Mistakes in the inputs themselves fail before anything is read.
    const spec = parseReference(o.reference ?? []);
    if (o.schema)
        schemaFile = (0,external_node_path_.resolve)(o.workspace, o.schema);
    const inferTarget = o.inferSchema ? (0,external_node_path_.resolve)(o.workspace, o.inferSchema) : undefined;
    if (inferTarget && inferTarget === schemaFile) {
        throw new lib_errors/* UserError */.y('input "infer-schema" names the schema being validated against; write the inferred schema elsewhere', {
            input: 'infer-schema',
        });
    }
    try {
        files = await resolveFiles(o.data, o.workspace, 'data');
        // A large CSV file is read by worker threads: started now, they are ready when the schema is.
        if (!spec && o.sample === undefined)
            await warmUpFor(files);
        let schema;
        // The schema reader (yaml, ajv and its compiled schema) and the inferrer load only when asked
        // for: a run that only reads its data never parses them.
        if (schemaFile) {
            const { loadSchema } = await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(866)]).then(__webpack_require__.bind(__webpack_require__, 5866));
            schema = await loadSchema(schemaFile);
            driftSeverity = schema.drift?.severity ?? 'warning';
        }
        let guessed;
        if (inferTarget) {
            const target = inferTarget;
            const { inferSchema, schemaToYaml } = await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(366)]).then(__webpack_require__.bind(__webpack_require__, 7366));
            const got = await inferSchema(files);
            guessed = got.schema;
            const comment = `${WRITTEN_BY_MLCI.slice(2)} (infer-schema), which replaces this file when run again: edit a copy.\n Inferred by mlci from ${files.map(at).join(', ')} (${got.rows} rows). Review the bounds and enums before relying on them.`;
            await writeOwnFile(target, schemaToYaml(got.schema, comment), {
                input: 'infer-schema',
                boundary: { ...(0,contained/* defaultBoundary */.Yx)(), workspace: o.workspace },
                reads: [
                    ...files.map((f) => ({ path: f, what: `the data being validated (${at(f)})` })),
                    ...(schemaFile ? [{ path: schemaFile, what: 'the schema in use' }] : []),
                ],
            });
            inferred = { path: at(target), columns: Object.keys(got.schema.columns ?? {}).length, rows: got.rows };
            problems.push({
                severity: 'notice',
                message: `wrote a schema of ${inferred.columns} columns inferred from ${got.rows} rows to ${inferred.path}`,
                file: inferred.path,
            });
        }
        if (spec) {
            reference = await fetchReference(spec, files, { workspace: o.workspace, tempDir: o.tempDir, base: o.base, api: o.api, repo: o.repo });
            problems.push(...reference.notices);
            notes.push(...reference.notices.map((n) => n.message));
            // Drift needs the columns and their kinds: without a schema, they are inferred from the data.
            if (!schema && reference.files.length > 0) {
                guessed ??= (await (await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(366)]).then(__webpack_require__.bind(__webpack_require__, 7366))).inferSchema(files)).schema;
                schema = driftOnly(guessed);
            }
        }
        result = await validateData(files, {
            schema,
            maxExamples: o.maxExamples,
            sample: o.sample,
            reference: reference && reference.files.length > 0 ? reference.files : undefined,
        });
    }
    catch (e) {
        // A refused infer-schema path fails the step as it is: the data was fine.
        if (!(0,lib_errors/* isUserError */.i)(e) || e.input === 'infer-schema')
            throw e;
        const inSchema = e.file !== undefined && e.file === schemaFile;
        result = unreadable(e, inSchema ? 'schema' : 'readable', files);
        const file = e.file && (reference?.labels.get(e.file) ?? at(e.file));
        problems.push({ severity: 'error', title: inSchema ? 'invalid schema' : 'unreadable data', message: e.message, file, line: e.line, column: e.column });
    }
    finally {
        await reference?.cleanup();
    }
    const label = (f) => reference?.labels.get(f) ?? at(f);
    relabel(result, label);
    result.notes.push(...notes);
    const failedOnWarnings = o.failOn === 'warning' && result.warnings > 0;
    result.passed = result.errors === 0 && !failedOnWarnings;
    // One annotation per example: with a large max-examples that is hundreds of thousands, too many
    // arguments for push(...).
    for (const p of checkAnnotations(result, o.maxExamples, driftSeverity))
        problems.push(p);
    const failed = o.failOn !== 'never' && (result.errors > 0 || failedOnWarnings);
    const reason = !failed
        ? ''
        : result.errors > 0
            ? `validate-data: ${count(result.errors, 'error')}${result.warnings ? `, ${count(result.warnings, 'warning')}` : ''} in ${o.data.join(', ')}`
            : `validate-data: ${count(result.warnings, 'warning')} in ${o.data.join(', ')} (fail-on: warning)`;
    const status = result.errors > 0 || failedOnWarnings ? 'fail' : result.warnings > 0 ? 'warn' : 'pass';
    let markdown = renderValidationMarkdown(result, { examples: o.maxExamples });
    if (failedOnWarnings && result.errors === 0)
        markdown += '\nThis step fails on warnings (`fail-on: warning`).\n';
    if (o.failOn === 'never' && result.errors > 0)
        markdown += '\nThe step did not fail (`fail-on: never`).\n';
    if (inferred)
        markdown += `\nWrote a schema inferred from the data to ${escape_escapeText(inferred.path)}.\n`;
    const section = {
        action: 'validate-data',
        id: sectionId(o.data),
        stage: 'data',
        title: sectionTitle(o.data),
        status,
        summary: summaryLine(result),
        markdown,
        data: result,
    };
    const run = { result, failed, reason, problems, section, inferred };
    return { ...run, resultJson: await saveValidation(o.reportDir, run) };
}
/**
 * The section's title: the same whether the step succeeds or its failing section takes the place
 * (the adapter's and the CLI's section slot use it too).
 */
function sectionTitle(data) {
    return `Data validation: ${shorten(data.join(', '), 60)}`;
}
/** Stable per data input, so a second validate-data step in a job gets its own section. */
function sectionId(data) {
    const slug = data
        .join('-')
        .replace(/[^A-Za-z0-9._-]+/g, '-')
        .replace(/^[-.]+|-+$/g, '')
        .slice(0, 80);
    return slug ? `validate-data-${slug}` : 'validate-data';
}
function summaryLine(r) {
    const unreadable = r.checks.find((c) => !c.passed && (c.check === 'readable' || c.check === 'schema'));
    if (unreadable)
        return `${unreadable.check === 'schema' ? 'invalid schema' : 'unreadable data'}: ${shorten(unreadable.note ?? String(unreadable.examples[0]?.value ?? ''), 120)}`;
    const drift = r.reference ? `; ${r.drift.filter((d) => d.drifted).length} of ${r.drift.length} columns drifted` : '';
    const size = `${formatCount(r.rows)} rows, ${r.columns} columns`;
    if (r.checks.length === 0)
        return `${size}: read without errors (no schema)${drift}`;
    if (r.errors === 0 && r.warnings === 0)
        return `${size}: all ${r.checks.length} checks passed${drift}`;
    return `${[r.errors && count(r.errors, 'error'), r.warnings && count(r.warnings, 'warning')].filter(Boolean).join(', ')} in ${size}${drift}`;
}
const count = (n, what) => `${n} ${what}${n === 1 ? '' : 's'}`;
const shorten = (s, max) => (s.length > max ? s.slice(0, max - 1) + '…' : s);
/** A schema that only names columns and their kinds, for drift when the user gave none. */
function driftOnly(inferred) {
    const columns = {};
    for (const [name, spec] of Object.entries(inferred.columns ?? {})) {
        columns[name] = { type: spec.type, nullable: true, ...(spec.unique ? { drift: false } : {}) };
    }
    return { columns, nulls: inferred.nulls };
}
/** The result of a run that could not read its data or schema: one failed check that says where. */
function unreadable(e, check, files) {
    const c = {
        column: null,
        check,
        severity: 'error',
        passed: false,
        failed_rows: 0,
        examples: e.file && e.line ? [{ value: e.message, file: e.file, line: e.line }] : [],
        expected: check === 'schema' ? 'a valid schema' : 'a well-formed file',
    };
    if (c.examples.length === 0)
        c.note = e.file ? `${e.file}: ${e.message}` : e.message;
    return {
        passed: false,
        rows: 0,
        columns: 0,
        checks: [c],
        drift: [],
        column_names: [],
        rows_validated: 0,
        sampled: false,
        files: files.map((file) => ({ file, format: (0,source/* formatFromName */.RE)(file) ?? 'unknown', gzip: /\.gz$/i.test(file), rows: 0 })),
        errors: 1,
        warnings: 0,
        notes: [],
    };
}
/** Names every file in the result as the user knows it (workspace-relative, `path@ref`). */
function relabel(r, label) {
    for (const f of r.files)
        f.file = label(f.file);
    for (const c of r.checks) {
        for (const e of c.examples)
            e.file = e.file.split(', ').map(label).join(', ');
        if (c.note && (c.check === 'readable' || c.check === 'schema'))
            c.note = c.note.replace(/^[^:]+(?=: )/, (f) => label(f));
    }
    if (r.reference)
        r.reference.files = r.reference.files.map(label);
}
/**
 * Writes the run's section and its result JSON into the report directory; the JSON lives in the
 * section's own folder, so it travels with the report bundle. Returns the JSON's path.
 */
async function saveValidation(reportDir, run) {
    const json = (0,external_node_path_.resolve)(reportDir, run.section.id, 'result.json');
    await (0,promises_.mkdir)((0,external_node_path_.dirname)(json), { recursive: true });
    await (0,promises_.writeFile)(json, JSON.stringify(run.result, null, 2) + '\n');
    await writeSection(reportDir, run.section);
    return json;
}
//# sourceMappingURL=run.js.map
;// CONCATENATED MODULE: ./actions/lib/validate-data/src/main.js




async function run() {
    await runAction({
        action: 'validate-data',
        section: () => ({ id: sectionId(list('data')), stage: 'data', title: sectionTitle(list('data')) }),
    }, async () => {
        const data = list('data');
        const schema = string('schema');
        const inferSchema = string('infer-schema');
        const reference = list('reference');
        const failOn = oneOf('fail-on', FAIL_ON, 'error');
        const maxExamples = integer('max-examples', 5, 0);
        const sample = integer('sample', 0, 1) || undefined;
        const dir = reportDir();
        const token = secret('github-token');
        const ctx = eventContext();
        const run = await runValidation({
            data,
            schema: schema || undefined,
            inferSchema: inferSchema || undefined,
            reference,
            failOn,
            maxExamples,
            sample,
            workspace: workspace(),
            tempDir: runnerTemp(),
            base: pullRequestBase(ctx.payload),
            api: token ? createApi(token) : undefined,
            repo: ctx.repo,
            reportDir: dir,
        });
        run.problems.forEach(annotate);
        setOutputs({
            passed: run.result.passed,
            errors: run.result.errors,
            warnings: run.result.warnings,
            rows: run.result.rows,
            'result-json': run.resultJson,
        });
        log(run.section.summary);
        // The failed checks were annotated at their lines: the verdict that counts them is not another error.
        if (run.failed)
            fail(run.reason, { annotated: run.problems.some((p) => p.severity === 'error') });
        return sectionFile(dir, run.section.id);
    });
}
//# sourceMappingURL=main.js.map

/***/ }),

/***/ 3448:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  s: () => (/* binding */ readJsonArray),
  $: () => (/* binding */ readJsonLines)
});

// EXTERNAL MODULE: ./packages/core/lib/errors.js
var errors = __webpack_require__(7706);
;// CONCATENATED MODULE: ./packages/core/lib/files/lenient-json.js

/**
 * JSON as Python writes it: json.dump emits `NaN`, `Infinity` and `-Infinity` for non-finite
 * floats (DVC, dvclive, scikit-learn and pandas files carry them), which JSON.parse refuses.
 * JSON.parse also reports positions only in some of its messages, and differently across Node
 * versions. So: JSON.parse first (fast, and right for every strict text); when it refuses, a small
 * strict parser with the three extra literals runs instead, and either succeeds or names the exact
 * offset of the problem. Metrics files are parsed whole; data files one record at a time.
 */
class JsonSyntaxError extends Error {
    /** Offset (UTF-16 code units) into the text where the problem is. */
    offset;
    constructor(message, offset) {
        super(message);
        this.name = 'JsonSyntaxError';
        this.offset = offset;
    }
}
/**
 * How deep JSON may nest. Metrics, params and data records nest a handful of levels; a text nested
 * thousands deep parses (JSON.parse is iterative) but then overflows the stack of every recursive
 * walk after it — flattening, hashing, JSON.stringify — so it is refused here, at its place.
 */
const MAX_JSON_DEPTH = 100;
/** Offset of the bracket that opens level `max + 1`, or -1. Brackets inside strings do not count. */
function tooDeepAt(text, max = MAX_JSON_DEPTH) {
    // Most texts have too few brackets to be that deep at all: two native scans say so.
    let brackets = 0;
    for (const open of ['[', '{']) {
        for (let i = text.indexOf(open); i !== -1 && brackets <= max; i = text.indexOf(open, i + 1))
            brackets++;
    }
    if (brackets <= max)
        return -1;
    let depth = 0;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x22) {
            // Skip the string, escapes included.
            for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++)
                if (text.charCodeAt(i) === 0x5c)
                    i++;
        }
        else if (c === 0x5b || c === 0x7b) {
            if (++depth > max)
                return i;
        }
        else if (c === 0x5d || c === 0x7d)
            depth--;
    }
    return -1;
}
/** Parses one JSON value (with NaN and ±Infinity); throws a JsonSyntaxError. */
function parseLenientJson(text, options = {}) {
    const deep = tooDeepAt(text);
    if (deep >= 0)
        throw new JsonSyntaxError(`nested deeper than ${MAX_JSON_DEPTH} levels`, deep);
    try {
        return JSON.parse(text);
    }
    catch {
        return new TolerantJson(text, options.end ?? 'the end of the file').parseDocument();
    }
}
/** parseLenientJson, with a syntax error turned into a UserError at the file, line and column. */
function parseJsonIn(text, file, place = {}) {
    try {
        return parseLenientJson(text, place);
    }
    catch (e) {
        if (!(e instanceof JsonSyntaxError))
            throw e;
        const where = place.what ? ` in ${place.what}` : '';
        const at = lineColumn(text, e.offset, place.firstLine);
        throw new errors/* UserError */.y(`invalid JSON${where}: ${e.message}`, { file, line: at.line, column: at.column, cause: e });
    }
}
/** Line and 1-based column of an offset; a column counts UTF-16 code units, as editors' do. */
function lineColumn(text, offset, firstLine = 1) {
    let line = firstLine;
    let lineStart = 0;
    for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
        line++;
        lineStart = i + 1;
    }
    return { line, column: offset - lineStart + 1 };
}
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES = {
    '"': '"',
    '\\': '\\',
    '/': '/',
    b: '\b',
    f: '\f',
    n: '\n',
    r: '\r',
    t: '\t',
};
// No TypeScript-only syntax (parameter properties): bench/ runs these sources with Node's type stripping.
class TolerantJson {
    pos = 0;
    text;
    end;
    constructor(text, end) {
        this.text = text;
        this.end = end;
    }
    parseDocument() {
        this.skipSpace();
        const value = this.parseValue();
        this.skipSpace();
        if (this.pos < this.text.length)
            this.fail(`unexpected ${this.describe()} after the JSON value`);
        return value;
    }
    parseValue() {
        const c = this.text[this.pos];
        switch (c) {
            case '{':
                return this.parseObject();
            case '[':
                return this.parseArray();
            case '"':
                return this.parseString();
            case 't':
                return this.literal('true', true);
            case 'f':
                return this.literal('false', false);
            case 'n':
                return this.literal('null', null);
            case 'N':
                return this.literal('NaN', NaN);
            case 'I':
                return this.literal('Infinity', Infinity);
            case '-':
                if (this.text.startsWith('-Infinity', this.pos))
                    return this.literal('-Infinity', -Infinity);
                return this.parseNumber();
            default:
                if (c !== undefined && c >= '0' && c <= '9')
                    return this.parseNumber();
                return this.fail(`expected a value, found ${this.describe()}`);
        }
    }
    parseObject() {
        const obj = {};
        if (this.openList('}')) {
            do {
                if (this.text[this.pos] !== '"')
                    this.fail(`expected a property name in double quotes, found ${this.describe()}`);
                const key = this.parseString();
                this.skipSpace();
                if (this.text[this.pos] !== ':')
                    this.fail(`expected ':' after a property name, found ${this.describe()}`);
                this.pos++;
                this.skipSpace();
                const value = this.parseValue();
                // An own property, as JSON.parse makes it: assignment would set the prototype instead.
                if (key === '__proto__') {
                    Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
                }
                else {
                    obj[key] = value;
                }
            } while (this.nextItem('}', 'a property value'));
        }
        return obj;
    }
    parseArray() {
        const arr = [];
        if (this.openList(']')) {
            do
                arr.push(this.parseValue());
            while (this.nextItem(']', 'an array element'));
        }
        return arr;
    }
    // Objects and arrays share the punctuation around their items; these two methods (rather than
    // one taking a callback per item) keep the slow path free of a closure per container.
    /** Steps over the opening bracket; false when the list closes at once (`{}`, `[]`). */
    openList(close) {
        this.pos++;
        this.skipSpace();
        if (this.text[this.pos] !== close)
            return true;
        this.pos++;
        return false;
    }
    /** After an item: true at a comma (another item follows), false at `close`, else an error. */
    nextItem(close, itemName) {
        this.skipSpace();
        const c = this.text[this.pos];
        if (c === close) {
            this.pos++;
            return false;
        }
        if (c !== ',')
            this.fail(`expected ',' or '${close}' after ${itemName}, found ${this.describe()}`);
        this.pos++;
        this.skipSpace();
        return true;
    }
    parseString() {
        const start = this.pos;
        this.pos++;
        let out = '';
        let chunk = this.pos;
        for (;;) {
            if (this.pos >= this.text.length)
                this.fail('unterminated string', start);
            const code = this.text.charCodeAt(this.pos);
            if (code === 0x22) {
                out += this.text.slice(chunk, this.pos);
                this.pos++;
                return out;
            }
            if (code < 0x20)
                this.fail('a control character must be escaped inside a string (a newline as \\n)');
            if (code === 0x5c) {
                out += this.text.slice(chunk, this.pos);
                const e = this.text[this.pos + 1];
                if (e === 'u') {
                    const hex = this.text.slice(this.pos + 2, this.pos + 6);
                    if (!/^[0-9a-fA-F]{4}$/.test(hex))
                        this.fail('invalid \\u escape: expected four hex digits');
                    out += String.fromCharCode(parseInt(hex, 16));
                    this.pos += 6;
                }
                else if (e !== undefined && e in ESCAPES) {
                    out += ESCAPES[e];
                    this.pos += 2;
                }
                else {
                    this.fail(`invalid escape ${JSON.stringify('\\' + (e ?? ''))}`);
                }
                chunk = this.pos;
                continue;
            }
            this.pos++;
        }
    }
    parseNumber() {
        NUMBER.lastIndex = this.pos;
        const m = NUMBER.exec(this.text);
        if (!m)
            return this.fail(`invalid number`);
        this.pos += m[0].length;
        const next = this.text[this.pos];
        // `01`, `1.`, `1e` stop the regex early: the leftover digit or letter is the error.
        if (next !== undefined && /[0-9.eE+\-A-Za-z]/.test(next))
            this.fail(`invalid number`, this.pos);
        return Number(m[0]);
    }
    literal(word, value) {
        if (!this.text.startsWith(word, this.pos))
            this.fail(`expected a value, found ${this.describe()}`);
        this.pos += word.length;
        return value;
    }
    skipSpace() {
        for (;;) {
            const c = this.text.charCodeAt(this.pos);
            if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09)
                this.pos++;
            else
                return;
        }
    }
    describe() {
        if (this.pos >= this.text.length)
            return this.end;
        const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.text.slice(this.pos, this.pos + 40))?.[0];
        return word ? `'${word}'` : JSON.stringify(this.text[this.pos]);
    }
    fail(message, offset = this.pos) {
        throw new JsonSyntaxError(message, offset);
    }
}
//# sourceMappingURL=lenient-json.js.map
// EXTERNAL MODULE: ./packages/core/lib/data/chunks.js
var chunks = __webpack_require__(4306);
;// CONCATENATED MODULE: ./packages/core/lib/data/json.js



const LF = 10;
const CR = 13;
/** One record's text, starting at `line`; `end` names where the text stops, for messages. */
function parseRecord(text, file, line, what, end) {
    const value = parseJsonIn(text, file, { firstLine: line, what, end });
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        throw new errors/* UserError */.y(`${what} is not a JSON object (a record), it is ${Array.isArray(value) ? 'an array' : JSON.stringify(value)}`, {
            file,
            line,
            column: 1,
        });
    }
    return value;
}
async function readJsonLines(source, file, handler, options = {}) {
    let line = 1;
    let records = 0;
    let lastLine = 0;
    await (0,chunks/* readChunks */.z)(source, file, options, (buf, p, len, eof) => {
        while (p < len) {
            let nl = buf.indexOf(LF, p);
            if (nl >= len)
                nl = -1;
            if (nl < 0 && !eof)
                return p;
            const end = nl < 0 ? len : nl;
            let e = end;
            if (e > p && buf[e - 1] === CR)
                e--;
            let s = p;
            while (s < e && (buf[s] === 32 || buf[s] === 9))
                s++;
            if (s < e) {
                const text = buf.toString('utf8', s, e);
                handler.row(parseRecord(text, file, line, `line ${line}`, 'the end of the line'), line);
                records++;
            }
            lastLine = line;
            line++;
            p = nl < 0 ? len : nl + 1;
        }
        return p;
    }, () => line);
    return { records, lines: lastLine };
}
const State = { Start: 0, Element: 1, AfterElement: 2, Done: 3 };
async function readJsonArray(source, file, handler, options = {}) {
    let line = 1;
    let state = State.Start;
    let records = 0;
    const fail = (message, buf, at, from) => {
        throw new errors/* UserError */.y(message, { file, line, column: (0,chunks/* byteColumn */.b)(buf, at, from) });
    };
    await (0,chunks/* readChunks */.z)(source, file, options, (buf, p, len, eof) => {
        for (;;) {
            // Whitespace between tokens at the array's level.
            while (p < len) {
                const c = buf[p];
                if (c === LF)
                    line++;
                else if (c !== 32 && c !== 9 && c !== CR)
                    break;
                p++;
            }
            if (p >= len) {
                if (!eof)
                    return p;
                if (state !== State.Done) {
                    throw new errors/* UserError */.y(state === State.Start ? 'the file is empty: expected a JSON array of records' : 'the JSON array is never closed (a `]` is missing)', { file, line });
                }
                return p;
            }
            const c = buf[p];
            if (state === State.Done)
                fail(`unexpected ${JSON.stringify(String.fromCharCode(c))} after the end of the JSON array`, buf, p, 0);
            if (state === State.Start) {
                if (c !== 0x5b)
                    fail('expected a JSON array of records (`[{...}, ...]`) or JSON Lines', buf, p, 0);
                state = State.Element;
                p++;
                continue;
            }
            if (state === State.AfterElement) {
                if (c === 0x2c) {
                    state = State.Element;
                    p++;
                    continue;
                }
                if (c === 0x5d) {
                    state = State.Done;
                    p++;
                    continue;
                }
                fail(`expected ',' or ']' between records, found ${JSON.stringify(String.fromCharCode(c))}`, buf, p, 0);
            }
            // State.Element
            if (c === 0x5d && records === 0) {
                state = State.Done;
                p++;
                continue;
            }
            if (c !== 0x7b) {
                fail(`record ${records + 1} of the JSON array is not an object (a record)`, buf, p, 0);
            }
            const start = p;
            const startLine = line;
            let depth = 0;
            let inString = false;
            let q = p;
            let lines = 0;
            let complete = false;
            for (; q < len; q++) {
                const b = buf[q];
                if (inString) {
                    if (b === 0x5c)
                        q++;
                    else if (b === 0x22)
                        inString = false;
                    else if (b === LF)
                        lines++;
                    continue;
                }
                if (b === 0x22)
                    inString = true;
                else if (b === 0x7b || b === 0x5b)
                    depth++;
                else if (b === 0x7d || b === 0x5d) {
                    if (--depth === 0) {
                        complete = true;
                        q++;
                        break;
                    }
                }
                else if (b === LF)
                    lines++;
            }
            if (!complete) {
                if (!eof)
                    return start;
                // Let the parser say what is wrong with the truncated record.
                parseRecord(buf.toString('utf8', start, len), file, startLine, `record ${records + 1}`);
                fail('the JSON array is never closed', buf, len, 0);
            }
            const text = buf.toString('utf8', start, q);
            handler.row(parseRecord(text, file, startLine, `the record at line ${startLine}`), startLine);
            records++;
            line = startLine + lines;
            state = State.AfterElement;
            p = q;
        }
    }, () => line);
    return { records, lines: line };
}
//# sourceMappingURL=json.js.map

/***/ }),

/***/ 7513:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $H: () => (/* binding */ openData),
/* harmony export */   RE: () => (/* binding */ formatFromName)
/* harmony export */ });
/* unused harmony exports isGzip, bufferSource */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8522);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7706);




const GZIP_MAGIC = [0x1f, 0x8b];
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
        const gunzip = (0,node_zlib__WEBPACK_IMPORTED_MODULE_2__.createGunzip)();
        const raw = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createReadStream)(file, { highWaterMark: 1 << 20 });
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
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .y(`cannot decompress gzip data: ${e.message}`, { file: this.file, cause: e });
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
        fh = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.open)(file, 'r');
    }
    catch (e) {
        const code = e.code;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .y(code === 'ENOENT' ? 'data file not found' : `cannot open data file: ${e.message}`, {
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
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .y('a gzip-compressed Parquet file is not supported', { file });
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
        source = new FileSource(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.open)(file, 'r'));
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

/***/ }),

/***/ 3748:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DD: () => (/* binding */ realpathLenient),
/* harmony export */   Yx: () => (/* binding */ defaultBoundary),
/* harmony export */   fX: () => (/* binding */ containedPath),
/* harmony export */   gu: () => (/* binding */ readContained),
/* harmony export */   xh: () => (/* binding */ containedTarget)
/* harmony export */ });
/* unused harmony export outsideReason */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8161);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7706);





/** Folders mlci makes under the temp directory carry this prefix (mkdtemp, the default report dir). */
const OWN_PREFIX = 'mlci-';
function defaultBoundary(env = process.env) {
    return { workspace: env.GITHUB_WORKSPACE || process.cwd(), temp: env.RUNNER_TEMP || (0,node_os__WEBPACK_IMPORTED_MODULE_2__.tmpdir)() };
}
/** Realpath of the longest existing prefix of `path`, with the rest appended (for files yet to be written). */
function realpathLenient(path) {
    const missing = [];
    let at = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.resolve)(path);
    for (;;) {
        try {
            return (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(at), ...missing.reverse());
        }
        catch (e) {
            const code = e.code;
            if (code !== 'ENOENT' && code !== 'ENOTDIR')
                throw e;
            const up = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)(at);
            if (up === at)
                return (0,node_path__WEBPACK_IMPORTED_MODULE_3__.resolve)(path);
            missing.push((0,node_path__WEBPACK_IMPORTED_MODULE_3__.basename)(at));
            at = up;
        }
    }
}
function within(root, real) {
    const rel = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.relative)(root, real);
    if (rel === '')
        return '';
    if (rel === '..' || rel.startsWith('..' + node_path__WEBPACK_IMPORTED_MODULE_3__.sep) || (0,node_path__WEBPACK_IMPORTED_MODULE_3__.isAbsolute)(rel))
        return undefined;
    return rel;
}
/** Why `real` (a resolved path) is outside the boundary, or undefined when it is inside. */
function outsideReason(real, b = defaultBoundary()) {
    const inWorkspace = within(realpathLenient(b.workspace), real);
    if (inWorkspace !== undefined) {
        return inWorkspace.split(node_path__WEBPACK_IMPORTED_MODULE_3__.sep).includes('.git') ? "lies under .git/ (git's own files and the checkout's credentials), which is never an input" : undefined;
    }
    for (const dir of b.also ?? [])
        if (within(realpathLenient(dir), real) !== undefined)
            return undefined;
    const inTemp = within(realpathLenient(b.temp), real);
    if (inTemp && inTemp.split(node_path__WEBPACK_IMPORTED_MODULE_3__.sep)[0].startsWith(OWN_PREFIX))
        return undefined;
    return 'resolves outside the workspace; mlci reads only files inside it';
}
/** The path as the user knows it: relative to the workspace when it lies there as written. */
function shown(path, b) {
    const rel = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.isAbsolute)(path) ? within((0,node_path__WEBPACK_IMPORTED_MODULE_3__.resolve)(b.workspace), (0,node_path__WEBPACK_IMPORTED_MODULE_3__.resolve)(path)) : undefined;
    return rel ? rel.split(node_path__WEBPACK_IMPORTED_MODULE_3__.sep).join('/') : path;
}
function refusal(path, reason, input, b) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .y(`input "${input}": "${shown(path, b)}" ${reason}`, { input });
}
/**
 * The real path of `path` (relative paths against the workspace), checked against the boundary.
 * A missing file keeps its ENOENT error, so callers that read "missing" as "not there" still can.
 * Reading the returned real path (not `path`) means a symlink swapped after the check is not followed.
 */
async function containedPath(path, o) {
    const b = o.boundary ?? defaultBoundary();
    const real = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.realpath)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.resolve)(b.workspace, path));
    const why = outsideReason(real, b);
    if (why)
        throw refusal(path, why, o.input, b);
    return real;
}
async function readContained(path, o, encoding) {
    const real = await containedPath(path, o);
    return encoding ? (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(real, encoding) : (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(real);
}
/**
 * Where mlci may write a file a user named (`infer-schema`): inside the workspace, not under
 * `.git/`, after following symlinks of the path and of every existing folder on the way.
 * Returns the real path to write to.
 */
function containedTarget(path, o) {
    const b = o.boundary ?? defaultBoundary();
    const real = realpathLenient((0,node_path__WEBPACK_IMPORTED_MODULE_3__.resolve)(b.workspace, path));
    const inWorkspace = within(realpathLenient(b.workspace), real);
    if (inWorkspace === undefined)
        throw refusal(path, 'resolves outside the workspace; mlci writes only inside it', o.input, b);
    if (inWorkspace.split(node_path__WEBPACK_IMPORTED_MODULE_3__.sep).includes('.git'))
        throw refusal(path, 'lies under .git/, where mlci never writes', o.input, b);
    return real;
}
//# sourceMappingURL=contained.js.map

/***/ })

};
