export const id = 404;
export const ids = [404];
export const modules = {

/***/ 34404:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   readDvcYaml: () => (/* binding */ readDvcYaml)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(57706);
/* harmony import */ var _files_contained_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(73748);
/* harmony import */ var _files_yaml_schema_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(16425);
/* harmony import */ var _plots_dvc_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(67377);






const str = { type: 'string' };
const fieldOrFields = { oneOf: [str, { type: 'array', items: str }] };
const plotDefinition = {
    type: ['object', 'null'],
    additionalProperties: false,
    properties: {
        template: str,
        x: { oneOf: [str, { type: 'object', additionalProperties: str }] },
        y: { oneOf: [str, { type: 'array', items: str }, { type: 'object', additionalProperties: fieldOrFields }] },
        x_label: str,
        y_label: str,
        title: str,
    },
};
// A stage's output settings: DVC's own (cache, persist, remote, ...) are DVC's business.
const outSettings = { type: ['object', 'null'], properties: { x: str, y: fieldOrFields, template: str, title: str, x_label: str, y_label: str } };
const outList = { type: ['array', 'null'], items: { oneOf: [str, { type: 'object', additionalProperties: outSettings }] } };
const stage = {
    type: 'object',
    properties: {
        wdir: str,
        metrics: outList,
        plots: { type: ['array', 'null'], items: { oneOf: [str, { type: 'object', additionalProperties: { oneOf: [outSettings, { type: 'array' }] } }] } },
        params: { type: ['array', 'null'], items: { oneOf: [str, { type: 'object', additionalProperties: { type: ['array', 'null'] } }] } },
    },
};
const schema = {
    type: 'object',
    properties: {
        metrics: { type: ['array', 'null'], items: str },
        params: { type: ['array', 'null'], items: str },
        plots: { type: ['array', 'null'], items: { oneOf: [str, { type: 'object', minProperties: 1, additionalProperties: plotDefinition }] } },
        stages: { type: ['object', 'null'], additionalProperties: stage },
    },
};
const validate = (0,_files_yaml_schema_js__WEBPACK_IMPORTED_MODULE_2__/* .compileYamlSchema */ .qh)(schema);
/** Data files a plots folder contributes (DVC also shows images, which a chart here cannot). */
const DATA = /\.(json|csv|tsv)$/i;
const METRICS = /\.(json|ya?ml|toml)$/i;
const IMAGE = /\.(png|jpe?g|gif|svg|webp)$/i;
async function readDvcYaml(file, workspace, input) {
    const boundary = { ...(0,_files_contained_js__WEBPACK_IMPORTED_MODULE_3__/* .defaultBoundary */ .Yx)(), workspace };
    const name = node_path__WEBPACK_IMPORTED_MODULE_1__.posix.normalize(file.replace(/\\/g, '/'));
    let text;
    try {
        text = await (0,_files_contained_js__WEBPACK_IMPORTED_MODULE_3__/* .readContained */ .gu)(name, { input, boundary }, 'utf8');
    }
    catch (e) {
        const code = e.code;
        if (code === 'ENOENT' || code === 'ENOTDIR')
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .y(`input "${input}": file "${file}" does not exist`, { input });
        throw e;
    }
    const yaml = (0,_files_yaml_schema_js__WEBPACK_IMPORTED_MODULE_2__/* .parseYamlWithSchema */ .Ku)(text, name, validate, (v) => `invalid dvc.yaml: ${describe(v)}`, { invalid: 'invalid dvc.yaml' });
    const at = (path, key = false) => yaml.placeOf(path, key);
    const doc = yaml.value;
    const root = node_path__WEBPACK_IMPORTED_MODULE_1__.posix.dirname(name) === '.' ? '' : node_path__WEBPACK_IMPORTED_MODULE_1__.posix.dirname(name);
    const problems = [];
    const warn = (message, place) => problems.push({ severity: 'warning', title: 'dvc.yaml', message, ...place });
    /** A path as written, relative to `dir`, as a workspace path; undefined (with a warning) when templated. */
    const resolve = (written, dir, place) => {
        if (written.includes('${')) {
            warn(`${written} is built by DVC's templating (\${...}), which mlci does not evaluate: it is left out`, place);
            return undefined;
        }
        const path = node_path__WEBPACK_IMPORTED_MODULE_1__.posix.normalize(node_path__WEBPACK_IMPORTED_MODULE_1__.posix.join(dir, written.replace(/\\/g, '/')));
        if (node_path__WEBPACK_IMPORTED_MODULE_1__.posix.isAbsolute(written) || /^[A-Za-z]:/.test(written) || path === '..' || path.startsWith('../')) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .y(`invalid dvc.yaml: "${written}" is outside the workspace; paths in dvc.yaml are relative to its folder`, place);
        }
        return path === '.' ? '' : path;
    };
    const kind = async (path) => {
        try {
            const real = await (0,_files_contained_js__WEBPACK_IMPORTED_MODULE_3__/* .containedPath */ .fX)(path || '.', { input, boundary });
            const s = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(real);
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
        const real = await (0,_files_contained_js__WEBPACK_IMPORTED_MODULE_3__/* .containedPath */ .fX)(path, { input, boundary });
        const found = [];
        for (const entry of (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)(real, { recursive: true })).map((f) => f.split('\\').join('/')).sort()) {
            const full = node_path__WEBPACK_IMPORTED_MODULE_1__.posix.join(path, entry);
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
            const plot = (0,_plots_dvc_js__WEBPACK_IMPORTED_MODULE_5__/* .dvcFilePlot */ .lg)(already >= 0 ? plots[already].id : (0,_plots_dvc_js__WEBPACK_IMPORTED_MODULE_5__/* .plotId */ .z_)(f, ids), f, props, placeOf, f);
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
            plots.push(...(0,_plots_dvc_js__WEBPACK_IMPORTED_MODULE_5__/* .dvcNamedPlot */ .ev)((n) => (0,_plots_dvc_js__WEBPACK_IMPORTED_MODULE_5__/* .plotId */ .z_)(n, ids), key, props, (k) => (k && k in props ? at([...path, k]) : at(path, true)), (f, axis) => resolve(f, root, at([...path, axis, f], true)) ?? f));
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
        return `${name} must be a template name (${Object.keys(_plots_dvc_js__WEBPACK_IMPORTED_MODULE_5__/* .DVC_TEMPLATES */ .m8).join(', ')})`;
    if (v.path.length === 1 && v.keyword === 'type')
        return name === 'stages' ? '`stages` must be a mapping of stage names to stages' : `\`${name}\` must be a list of paths`;
    return `${name} ${v.message}`;
}
//# sourceMappingURL=dvc-yaml.js.map

/***/ })

};
