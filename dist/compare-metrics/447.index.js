export const id = 447;
export const ids = [447];
export const modules = {

/***/ 99434:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ chartFallback)
/* harmony export */ });
/* unused harmony export MAX_POINTS */
/* harmony import */ var _section_escape_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(41189);
/* harmony import */ var _spec_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(36355);


/**
 * What a comment shows in place of a chart when images cannot be published (no write access):
 * curves and bars as a mermaid `xychart-beta` (GitHub draws mermaid itself), scatters and
 * confusion matrices as tables. Sized for a comment: at most 50 points per line, 50 table rows.
 */
const MAX_POINTS = 50;
const MAX_ROWS = 50;
/** A full matrix up to this many classes; past it, one row per class. */
const MAX_MATRIX = 12;
function chartFallback(plot, data) {
    if (data.kind === 'confusion')
        return confusionTable(plot, data);
    if (data.points.length === 0)
        return `**${(0,_section_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeText */ .X1)(plot.title)}**: no data points.`;
    switch (plot.template) {
        case 'scatter':
            return scatterTable(plot, data);
        case 'bar':
        case 'bar-horizontal': {
            const categories = new Set(data.points.map((p) => String(p.x)));
            return data.series.length === 1 && categories.size <= MAX_POINTS ? barChart(plot, data, [...categories]) : barTable(plot, data, [...categories]);
        }
        default:
            return lineChart(plot, data);
    }
}
const COLOR_NAMES = {
    '#1f77b4': 'blue',
    '#d62728': 'red',
    '#2ca02c': 'green',
    '#9467bd': 'purple',
    '#ff7f0e': 'orange',
    '#8c564b': 'brown',
    '#e377c2': 'pink',
    '#17becf': 'cyan',
    '#7f7f7f': 'grey',
    '#bcbd22': 'olive',
};
/** One line per (series, revision), in the PNG's colours: with several series, base is the lighter shade. */
function lineStyle(data, series, rev) {
    const twoRevs = data.revs.length > 1;
    const isBase = twoRevs && rev === data.revs[0];
    if (data.series.length === 1) {
        const color = isBase ? _spec_js__WEBPACK_IMPORTED_MODULE_1__/* .BASE_COLOR */ .mY : _spec_js__WEBPACK_IMPORTED_MODULE_1__/* .HEAD_COLOR */ .fc;
        return { name: rev, color, colorName: COLOR_NAMES[color] };
    }
    const hue = _spec_js__WEBPACK_IMPORTED_MODULE_1__/* .SERIES_COLORS */ .hg[data.series.indexOf(series) % _spec_js__WEBPACK_IMPORTED_MODULE_1__/* .SERIES_COLORS */ .hg.length];
    const name = twoRevs ? `${series} (${rev})` : series;
    return isBase ? { name, color: lighten(hue), colorName: `light ${COLOR_NAMES[hue]}` } : { name, color: hue, colorName: COLOR_NAMES[hue] };
}
function lineChart(plot, data) {
    const groups = groupLines(data);
    let axis;
    let at;
    if (data.xType === 'quantitative') {
        const xs = [...new Set(data.points.filter((p) => p.y !== null).map((p) => p.x))].sort((a, b) => a - b);
        // xychart spreads a line's values evenly over a numeric axis. Evenly spaced x (epochs) and
        // many x (an even grid, interpolated) use one; a few uneven x become one category each, exact.
        const uneven = xs.length <= MAX_POINTS && !evenlySpaced(xs);
        const grid = xs.length <= MAX_POINTS ? xs : evenGrid(xs[0], xs.at(-1), MAX_POINTS);
        axis = uneven ? categoriesAxis(data.xTitle, grid.map(plain)) : `x-axis ${quote(data.xTitle)} ${plain(grid[0])} --> ${plain(grid.at(-1))}`;
        at = (points) => interpolate(points, grid);
    }
    else {
        const all = [...new Set(data.points.map((p) => String(p.x)))];
        if (data.xType === 'temporal')
            all.sort();
        const labels = sample(all, MAX_POINTS);
        axis = categoriesAxis(data.xTitle, labels);
        at = (points) => atLabels(points, labels);
    }
    const lines = groups.map(({ series, rev, points }) => ({ ...lineStyle(data, series, rev), values: at(points), kind: 'line' }));
    return mermaidChart(plot.title, axis, data.yTitle, lines.filter((l) => l.values.length > 0), 'Lines');
}
function barChart(plot, data, categories) {
    const [base, head] = data.revs.length > 1 ? data.revs : [undefined, data.revs[0]];
    const valueOf = (rev) => {
        const by = new Map(data.points.filter((p) => p.rev === rev).map((p) => [String(p.x), p.y ?? 0]));
        return categories.map((c) => by.get(c) ?? 0);
    };
    // xychart draws bar series on top of each other: head is the bars, base a line across them.
    const lines = [{ name: head, color: _spec_js__WEBPACK_IMPORTED_MODULE_1__/* .HEAD_COLOR */ .fc, colorName: 'blue bars', values: valueOf(head), kind: 'bar' }];
    if (base !== undefined)
        lines.push({ name: base, color: _spec_js__WEBPACK_IMPORTED_MODULE_1__/* .BASE_COLOR */ .mY, colorName: 'orange line', values: valueOf(base), kind: 'line' });
    // Bars are read by their length: the value axis starts at zero (mermaid starts at the minimum).
    const all = lines.flatMap((l) => l.values);
    const range = `${plain(Math.min(0, ...all))} --> ${plain(Math.max(0, ...all))}`;
    return mermaidChart(plot.title, categoriesAxis(data.xTitle, categories), data.yTitle, lines, 'Shown', range);
}
function mermaidChart(title, xAxis, yTitle, lines, legendWord, yRange) {
    const init = {
        themeVariables: { xyChart: { plotColorPalette: lines.map((l) => l.color).join(', ') } },
        xyChart: { showLegend: true },
    };
    const body = [
        `%%{init: ${JSON.stringify(init)}}%%`,
        'xychart-beta',
        `  title ${quote(title)}`,
        `  ${xAxis}`,
        `  y-axis ${quote(yTitle)}${yRange ? ` ${yRange}` : ''}`,
        ...lines.map((l) => `  ${l.kind} ${quote(l.name)} [${l.values.map(plain).join(', ')}]`),
    ];
    // Older mermaid (as on some GitHub Enterprise hosts) draws no legend: the colours in words.
    const legend = lines.map((l) => `${(0,_section_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeText */ .X1)(l.name)}: ${l.colorName}`).join(' · ');
    return ['```mermaid', ...body, '```', `<sub>${legendWord}: ${legend}</sub>`].join('\n');
}
function categoriesAxis(title, labels) {
    return `x-axis ${quote(title)} [${labels.map(quote).join(', ')}]`;
}
/**
 * Text inside a quoted mermaid string: it cannot hold `"` nor span lines, and a backtick could
 * close the fence around the chart; `<`/`>` would reach mermaid's HTML labels.
 */
function quote(s) {
    const clean = s
        .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ')
        .replace(/["`]/g, "'")
        .replace(/</g, '‹')
        .replace(/>/g, '›')
        .replace(/[{}]/g, (c) => (c === '{' ? '(' : ')'))
        .trim();
    return `"${clean.length > 80 ? clean.slice(0, 79) + '…' : clean}"`;
}
/** A number as mermaid's grammar takes it: no exponent, five significant digits. */
function plain(v) {
    if (!Number.isFinite(v))
        return '0';
    return v.toLocaleString('en', { useGrouping: false, maximumSignificantDigits: 5 });
}
function groupLines(data) {
    const groups = [];
    for (const series of data.series) {
        for (const rev of data.revs) {
            const points = data.points.filter((p) => p.series === series && p.rev === rev && p.y !== null);
            if (points.length > 0)
                groups.push({ series, rev, points });
        }
    }
    return groups;
}
function evenlySpaced(xs) {
    if (xs.length < 3)
        return xs.length === 2;
    const step = (xs.at(-1) - xs[0]) / (xs.length - 1);
    return xs.every((x, i) => Math.abs(x - (xs[0] + i * step)) <= 1e-6 * Math.max(1, Math.abs(step)));
}
function evenGrid(min, max, n) {
    return Array.from({ length: n }, (_, i) => min + ((max - min) * i) / (n - 1));
}
/**
 * The line's values on the grid. xychart has no gaps: past the line's last x it simply ends (its
 * points sit on the first grid positions, which is right); before its first x it holds its first value.
 */
function interpolate(points, grid) {
    const sorted = points.map((p) => [p.x, p.y]).sort((a, b) => a[0] - b[0]);
    const last = sorted.at(-1)[0];
    const out = [];
    let j = 0;
    for (const g of grid) {
        if (g > last + 1e-9 * Math.max(1, Math.abs(last)))
            break;
        while (j < sorted.length - 1 && sorted[j + 1][0] <= g)
            j++;
        const [x0, y0] = sorted[j];
        if (g <= x0 || j === sorted.length - 1) {
            out.push(y0);
            continue;
        }
        const [x1, y1] = sorted[j + 1];
        out.push(y0 + ((y1 - y0) * (g - x0)) / (x1 - x0));
    }
    return out;
}
function atLabels(points, labels) {
    const by = new Map(points.map((p) => [String(p.x), p.y]));
    let lastIndex = -1;
    labels.forEach((l, i) => {
        if (by.has(l))
            lastIndex = i;
    });
    const out = [];
    let previous = points[0].y;
    for (let i = 0; i <= lastIndex; i++) {
        previous = by.get(labels[i]) ?? previous;
        out.push(previous);
    }
    return out;
}
function sample(items, n) {
    if (items.length <= n)
        return items;
    return Array.from({ length: n }, (_, i) => items[Math.round((i * (items.length - 1)) / (n - 1))]);
}
function lighten(hex) {
    const mix = (i) => Math.round(parseInt(hex.slice(i, i + 2), 16) * 0.5 + 255 * 0.5)
        .toString(16)
        .padStart(2, '0');
    return `#${mix(1)}${mix(3)}${mix(5)}`;
}
function heading(plot) {
    return `**${(0,_section_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeText */ .X1)(plot.title)}**`;
}
function number(v) {
    if (v === null || v === undefined || !Number.isFinite(v))
        return '–';
    return v.toLocaleString('en', { useGrouping: false, maximumSignificantDigits: 4 });
}
function barTable(plot, data, categories) {
    const columns = data.series.flatMap((s) => data.revs.map((r) => ({ s, r })));
    const value = new Map(data.points.map((p) => [`${p.series}\u0000${p.rev}\u0000${String(p.x)}`, p.y]));
    const headers = [(0,_section_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeCell */ .kq)(data.xTitle), ...columns.map(({ s, r }) => (0,_section_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeCell */ .kq)(data.series.length > 1 ? `${s} (${r})` : r))];
    const rows = categories.slice(0, MAX_ROWS).map((c) => [(0,_section_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeCell */ .kq)(c), ...columns.map(({ s, r }) => number(value.get(`${s}\u0000${r}\u0000${c}`)))]);
    const more = categories.length > MAX_ROWS ? `\n\n_${MAX_ROWS} of ${categories.length} ${(0,_section_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeText */ .X1)(data.xTitle)} values shown._` : '';
    return `${heading(plot)}\n\n${(0,_section_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .table */ .tp)(headers, rows, ['l', ...columns.map(() => 'r')])}${more}`;
}
function scatterTable(plot, data) {
    const rows = [];
    for (const { series, rev, points } of groupLines(data)) {
        const ys = points.map((p) => p.y);
        const numericX = data.xType === 'quantitative';
        const xs = points.map((p) => p.x);
        rows.push([
            (0,_section_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeCell */ .kq)(series),
            (0,_section_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeCell */ .kq)(rev),
            String(points.length),
            numericX ? `${number(least(xs))} – ${number(most(xs))}` : `${new Set(points.map((p) => p.x)).size} labels`,
            `${number(least(ys))} – ${number(most(ys))}`,
            number(ys.reduce((a, b) => a + b, 0) / ys.length),
            numericX ? number(pearson(xs, ys)) : '–',
        ]);
    }
    const headers = [
        'series',
        'revision',
        'points',
        `${(0,_section_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeCell */ .kq)(data.xTitle)} range`,
        `${(0,_section_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeCell */ .kq)(data.yTitle)} range`,
        `mean ${(0,_section_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeCell */ .kq)(data.yTitle)}`,
        'correlation r',
    ];
    return `${heading(plot)} (scatter plot, summarised)\n\n${(0,_section_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .table */ .tp)(headers, rows, ['l', 'l', 'r', 'r', 'r', 'r', 'r'])}`;
}
function pearson(xs, ys) {
    const n = xs.length;
    if (n < 2)
        return null;
    const mx = xs.reduce((a, b) => a + b, 0) / n;
    const my = ys.reduce((a, b) => a + b, 0) / n;
    let sxy = 0;
    let sxx = 0;
    let syy = 0;
    for (let i = 0; i < n; i++) {
        sxy += (xs[i] - mx) * (ys[i] - my);
        sxx += (xs[i] - mx) ** 2;
        syy += (ys[i] - my) ** 2;
    }
    return sxx === 0 || syy === 0 ? null : sxy / Math.sqrt(sxx * syy);
}
function confusionTable(plot, data) {
    const [base, head] = data.revs.length > 1 ? data.revs : [undefined, data.revs[0]];
    const cell = new Map(data.cells.map((c) => [`${c.rev}\u0000${c.actual}\u0000${c.predicted}`, c]));
    const get = (rev, a, p) => cell.get(`${rev}\u0000${a}\u0000${p}`);
    const show = (v) => (data.normalized ? v.toFixed(2) : String(v));
    const valueOf = (c) => (data.normalized ? c.share : c.count);
    const change = (h, b) => {
        if (b === undefined)
            return '';
        const d = h - b;
        if (Math.abs(d) < (data.normalized ? 0.005 : 0.5))
            return '';
        return ` (${d > 0 ? '+' : '−'}${show(Math.abs(d))})`;
    };
    const against = base === undefined ? '' : ` Changes against ${(0,_section_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeText */ .X1)(base)} in brackets.`;
    if (data.labels.length <= MAX_MATRIX) {
        const headers = ['actual \\\\ predicted', ...data.labels.map(_section_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeCell */ .kq)];
        const rows = data.labels.map((a) => [
            `**${(0,_section_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeCell */ .kq)(a)}**`,
            ...data.labels.map((p) => {
                const h = valueOf(get(head, a, p));
                const text = show(h) + change(h, base === undefined ? undefined : valueOf(get(base, a, p)));
                return a === p ? `**${text}**` : text;
            }),
        ]);
        const what = data.normalized ? 'share of each actual class' : 'counts';
        return `${heading(plot)} (confusion matrix, ${what}, ${(0,_section_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeText */ .X1)(head)}).${against}\n\n${(0,_section_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .table */ .tp)(headers, rows, ['l', ...data.labels.map(() => 'r')])}`;
    }
    // Too many classes for a readable grid: per class, how many there were and how many were right.
    const perClass = (rev, a) => {
        const row = data.labels.map((p) => get(rev, a, p).count);
        const support = row.reduce((x, y) => x + y, 0);
        const right = get(rev, a, a).count;
        return { support, recall: support === 0 ? 0 : right / support };
    };
    const rows = data.labels.slice(0, MAX_ROWS).map((a) => {
        const h = perClass(head, a);
        const b = base === undefined ? undefined : perClass(base, a);
        return [(0,_section_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeCell */ .kq)(a), String(h.support), number(h.recall) + (b ? ` (${h.recall >= b.recall ? '+' : '−'}${number(Math.abs(h.recall - b.recall))})` : '')];
    });
    const more = data.labels.length > MAX_ROWS ? `\n\n_${MAX_ROWS} of ${data.labels.length} classes shown._` : '';
    return `${heading(plot)} (confusion matrix of ${data.labels.length} classes, per class, ${(0,_section_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeText */ .X1)(head)}).${against}\n\n${(0,_section_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .table */ .tp)(['class', 'support', 'recall'], rows, ['l', 'r', 'r'])}${more}`;
}
// Math.min(...xs) passes every value as an argument: past about 100,000 it overflows the stack.
const least = (xs) => xs.reduce((a, b) => (b < a ? b : a), Infinity);
const most = (xs) => xs.reduce((a, b) => (b > a ? b : a), -Infinity);
//# sourceMappingURL=fallback.js.map

/***/ }),

/***/ 63924:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   hp: () => (/* binding */ prepareRenderer),
/* harmony export */   xt: () => (/* binding */ renderChart)
/* harmony export */ });
/* unused harmony exports WASM_FILE, FONT_FILE, defaultWasmPath, defaultFontPath, renderSvg, svgToPng */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(98995);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(73136);
/* harmony import */ var _spec_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(36355);






/**
 * vega-lite → vega → SVG (vega's headless view, no canvas) → PNG (resvg compiled to wasm, given
 * a TTF font): no browser and no native module, so it runs on any runner and inside an ncc bundle.
 *
 * ncc cannot see files read by computed paths, so the build copies them beside every bundle that
 * holds resvg (scripts/bundle.js): `index_bg.wasm` (from @resvg/resvg-wasm) and `DejaVuSans.ttf`
 * (from dejavu-fonts-ttf). Elsewhere they come from node_modules.
 *
 * vega, vega-lite and resvg are about 5 MB of code: they load on the first chart, never at start-up,
 * so a step that draws no chart (or an action that never does) does not pay for them.
 */
const WASM_FILE = 'index_bg.wasm';
const FONT_FILE = 'DejaVuSans.ttf';
function assetPath(file, fromPackage) {
    const here = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)((0,node_url__WEBPACK_IMPORTED_MODULE_4__.fileURLToPath)(import.meta.url));
    const beside = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(here, file);
    if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(beside))
        return beside;
    try {
        return (0,node_module__WEBPACK_IMPORTED_MODULE_2__.createRequire)(import.meta.url).resolve(fromPackage);
    }
    catch (e) {
        throw new Error(`${file} is neither beside ${here} nor in node_modules (${fromPackage}): an action that renders charts ships it in its assets/ folder`, {
            cause: e,
        });
    }
}
function defaultWasmPath() {
    return assetPath(WASM_FILE, `@resvg/resvg-wasm/${WASM_FILE}`);
}
function defaultFontPath() {
    return assetPath(FONT_FILE, `dejavu-fonts-ttf/ttf/${FONT_FILE}`);
}
let libraries;
function chartLibraries() {
    libraries ??= Promise.all([__webpack_require__.e(/* import() */ 972).then(__webpack_require__.bind(__webpack_require__, 33972)), Promise.all(/* import() */[__webpack_require__.e(972), __webpack_require__.e(994)]).then(__webpack_require__.bind(__webpack_require__, 10994)), __webpack_require__.e(/* import() */ 26).then(__webpack_require__.bind(__webpack_require__, 43026))]).then(([vega, vegaLite, resvg]) => ({
        vega,
        compile: vegaLite.compile,
        resvg,
    }));
    return libraries;
}
// resvg's wasm can be initialised once per process, whatever the path: the first one wins.
let wasmReady;
const fonts = new Map();
function ensureWasm(path) {
    wasmReady ??= Promise.all([(0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(path), chartLibraries()])
        .then(([bytes, { resvg }]) => resvg.initWasm(bytes))
        .catch((e) => {
        // Another module of the same process may have initialised it first: that is fine.
        if (e instanceof Error && /already initiali[sz]ed/i.test(e.message))
            return;
        wasmReady = undefined;
        throw e;
    });
    return wasmReady;
}
function loadFont(path) {
    let font = fonts.get(path);
    if (!font) {
        font = (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(path).then((b) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength));
        font.catch(() => fonts.delete(path));
        fonts.set(path, font);
    }
    return font;
}
/**
 * Starts loading resvg's wasm and the font without waiting: WebAssembly compiles on background
 * threads, so calling this before the first SVG is drawn takes the compile off the critical path.
 */
function prepareRenderer(options = {}) {
    const ready = Promise.all([ensureWasm(options.wasmPath ?? defaultWasmPath()), loadFont(options.fontPath ?? defaultFontPath())]).then(() => undefined);
    // A failure surfaces when the first PNG is drawn; nothing is left unhandled meanwhile.
    ready.catch(() => undefined);
    return ready;
}
/** vega-lite → SVG, with the text in DejaVu Sans (the font the PNG is drawn with). */
async function renderSvg(spec) {
    const { vega, compile } = await chartLibraries();
    // Silent loggers: the core never prints (vega-lite warns about harmless legend merges).
    const { spec: vgSpec } = compile(spec, { logger: vega.logger(vega.None) });
    const view = new vega.View(vega.parse(vgSpec), { renderer: 'none', logLevel: vega.None });
    try {
        return await view.toSVG();
    }
    finally {
        view.finalize();
    }
}
async function svgToPng(svg, options = {}) {
    const [, font] = await Promise.all([ensureWasm(options.wasmPath ?? defaultWasmPath()), loadFont(options.fontPath ?? defaultFontPath())]);
    const { Resvg } = (await chartLibraries()).resvg;
    const width = Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(svg)?.[1] ?? 0);
    const zoom = Math.max(0.25, Math.min(options.zoom ?? 2, width > 0 ? (options.maxWidth ?? 1600) / width : Infinity));
    const resvg = new Resvg(svg, {
        background: 'white',
        fitTo: { mode: 'zoom', value: zoom },
        font: {
            fontBuffers: [font],
            loadSystemFonts: false,
            defaultFontFamily: _spec_js__WEBPACK_IMPORTED_MODULE_5__/* .FONT */ .mE,
            sansSerifFamily: _spec_js__WEBPACK_IMPORTED_MODULE_5__/* .FONT */ .mE,
            serifFamily: _spec_js__WEBPACK_IMPORTED_MODULE_5__/* .FONT */ .mE,
            monospaceFamily: _spec_js__WEBPACK_IMPORTED_MODULE_5__/* .FONT */ .mE,
        },
    });
    try {
        const image = resvg.render();
        try {
            return { png: image.asPng(), width: image.width, height: image.height };
        }
        finally {
            image.free();
        }
    }
    finally {
        resvg.free();
    }
}
async function renderChart(spec, options = {}) {
    const svg = await renderSvg(spec);
    return { svg, ...(await svgToPng(svg, options)) };
}
//# sourceMappingURL=render.js.map

/***/ }),

/***/ 36355:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Nb: () => (/* binding */ buildPlotSpec),
/* harmony export */   fc: () => (/* binding */ HEAD_COLOR),
/* harmony export */   hg: () => (/* binding */ SERIES_COLORS),
/* harmony export */   mE: () => (/* binding */ FONT),
/* harmony export */   mY: () => (/* binding */ BASE_COLOR)
/* harmony export */ });
/** The font the PNG is drawn with (resvg gets the TTF); the SVG names fallbacks for other viewers. */
const FONT = 'DejaVu Sans';
const CSS_FONT = `${FONT}, Verdana, Geneva, sans-serif`;
const HEAD_COLOR = '#1f77b4';
const BASE_COLOR = '#ff7f0e';
/** Strong colours only: vega's default palette has a pale yellow and grey that vanish on white. */
const SERIES_COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b', '#e377c2', '#17becf', '#7f7f7f', '#bcbd22'];
const WIDTH = 560;
const HEIGHT = 280;
function buildPlotSpec(plot, data) {
    const body = data.kind === 'confusion' ? confusionSpec(plot, data) : xySpec(plot, data);
    return {
        $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
        title: { text: plot.title, anchor: 'start', fontSize: 15, offset: 12 },
        ...body,
        config: {
            // No per-point aria labels: they double a scatter's SVG; the report's alt text describes the chart.
            aria: false,
            font: CSS_FONT,
            background: 'white',
            padding: 12,
            axis: {
                labelFontSize: 11,
                titleFontSize: 12,
                titleFontWeight: 'normal',
                gridColor: '#e8e8e8',
                domainColor: '#888',
                tickColor: '#888',
                labelColor: '#333',
                titleColor: '#333',
            },
            legend: { labelFontSize: 12, titleFontSize: 12, orient: 'bottom', direction: 'horizontal', symbolStrokeWidth: 2.5, columnPadding: 16 },
            header: { labelFontSize: 13, titleFontSize: 13 },
            view: { stroke: '#ddd' },
        },
    };
}
/** Legend entries of curves are short strokes (long enough to show a dash), not dots. */
const LINE_LEGEND = { title: null, symbolType: 'stroke', symbolSize: 500, symbolStrokeWidth: 2.5 };
function colorOf(series, revs, lines = false) {
    const many = series.length > 1;
    const legend = lines ? LINE_LEGEND : { title: null };
    return many
        ? { field: 'series', type: 'nominal', scale: { domain: series, range: palette(series.length) }, legend }
        : {
            field: 'rev',
            type: 'nominal',
            scale: { domain: revs, range: revs.length > 1 ? [BASE_COLOR, HEAD_COLOR] : [HEAD_COLOR] },
            legend: revs.length > 1 ? legend : null,
        };
}
/** Whether labels side by side on an axis of `width` pixels would collide (≈7 px a character). */
function crowded(labels, width) {
    const longest = Math.max(0, ...labels.map((l) => l.length));
    return (longest * 7 + 8) * labels.length > width;
}
function palette(n) {
    return Array.from({ length: n }, (_, i) => SERIES_COLORS[i % SERIES_COLORS.length]);
}
function xySpec(plot, data) {
    const values = data.points.map((p, i) => ({ ...p, i }));
    const many = data.series.length > 1;
    const twoRevs = data.revs.length > 1;
    const ordinalX = data.xType === 'ordinal';
    // Labels keep the order they have in the file (epochs named "e1", "e2", ..., classes as listed).
    const xDomain = ordinalX ? [...new Set(data.points.map((p) => String(p.x)))] : undefined;
    const x = {
        field: 'x',
        type: data.xType,
        title: data.xTitle,
        ...(xDomain ? { sort: xDomain, axis: { labelLimit: 120, labelOverlap: true } } : { scale: { zero: false, nice: false } }),
    };
    const y = { field: 'y', type: 'quantitative', title: data.yTitle, scale: { zero: false } };
    const color = colorOf(data.series, data.revs, plot.template !== 'scatter');
    // With one series, colour and dash both follow the revision and vega-lite merges the two legends.
    const revDash = {
        field: 'rev',
        type: 'nominal',
        scale: {
            domain: data.revs,
            range: twoRevs
                ? [
                    [6, 4],
                    [1, 0],
                ]
                : [[1, 0]],
        },
        legend: twoRevs ? (many ? { ...LINE_LEGEND, encode: { symbols: { update: { stroke: { value: '#444' } } } } } : LINE_LEGEND) : null,
    };
    const size = { width: WIDTH, height: HEIGHT, data: { values } };
    // Smoothing needs numbers on x: anything else is drawn as a plain curve.
    if (plot.template === 'smooth' && data.xType === 'quantitative') {
        const line = { x, y, color, strokeDash: revDash, order: { field: 'i' } };
        return {
            ...size,
            layer: [
                // The same legends in both layers (vega-lite drops a legend one layer hides); the legend
                // draws its symbols like the first layer, so the smoothed curve comes first.
                {
                    transform: [{ loess: 'y', on: 'x', groupby: ['series', 'rev'], bandwidth: 0.3 }],
                    mark: { type: 'line', strokeWidth: 2.5 },
                    encoding: { x, y, color, strokeDash: revDash },
                },
                { mark: { type: 'line', strokeWidth: 1, opacity: 0.3 }, encoding: line },
            ],
        };
    }
    switch (plot.template) {
        case 'scatter':
            return {
                ...size,
                mark: { type: 'point', filled: true, size: 36, opacity: 0.7 },
                encoding: {
                    x,
                    y,
                    color,
                    ...(many && twoRevs
                        ? { shape: { field: 'rev', type: 'nominal', scale: { domain: data.revs, range: ['triangle-up', 'circle'] }, legend: { title: null } } }
                        : {}),
                },
            };
        case 'bar':
        case 'bar-horizontal':
            return barSpec(plot, data, values);
        default: {
            const fewPoints = values.length / Math.max(1, data.series.length * data.revs.length) <= 40;
            return {
                ...size,
                mark: { type: 'line', strokeWidth: 2, point: fewPoints ? { filled: true, size: 30 } : false },
                encoding: { x, y, color, strokeDash: revDash, order: { field: 'i' } },
            };
        }
    }
}
function barSpec(plot, data, values) {
    const horizontal = plot.template === 'bar-horizontal';
    const many = data.series.length > 1;
    const twoRevs = data.revs.length > 1;
    const categories = [...new Set(data.points.map((p) => String(p.x)))];
    if (plot.sorted) {
        // Largest first, by the head's value (DVC's bar_horizontal_sorted sorts by x, its value axis).
        const head = data.revs.at(-1);
        const value = new Map();
        for (const p of data.points)
            if (p.rev === head && p.y !== null)
                value.set(String(p.x), Math.max(value.get(String(p.x)) ?? p.y, p.y));
        const of = (c) => value.get(c) ?? -Number.MAX_VALUE;
        categories.sort((a, b) => of(b) - of(a));
    }
    // Bars of one category stand side by side: one per revision, or per (series, revision).
    const groups = many ? data.series.flatMap((s) => data.revs.map((r) => `${s} · ${r}`)) : data.revs;
    const rows = values.map((v) => ({ ...v, group: many ? `${String(v.series)} · ${String(v.rev)}` : v.rev }));
    const band = {
        field: 'x',
        type: 'nominal',
        sort: categories,
        title: data.xTitle,
        axis: { labelLimit: 160, ...(horizontal ? {} : { labelAngle: crowded(categories, WIDTH) ? -40 : 0 }) },
    };
    const value = { field: 'y', type: 'quantitative', title: data.yTitle };
    const offset = { field: 'group', type: 'nominal', sort: groups, scale: { domain: groups, paddingInner: 0.05 } };
    // With an offset channel, vega-lite's `step` is the width of one bar, not of a category.
    const bars = categories.length * groups.length;
    const step = { step: Math.max(8, Math.min(24, Math.floor(360 / Math.max(1, bars)))) };
    return {
        ...(horizontal ? { width: WIDTH - 100, height: step } : { width: bars > 40 ? step : WIDTH, height: HEIGHT }),
        data: { values: rows },
        mark: { type: 'bar' },
        encoding: {
            [horizontal ? 'y' : 'x']: band,
            [horizontal ? 'x' : 'y']: value,
            [horizontal ? 'yOffset' : 'xOffset']: offset,
            color: colorOf(data.series, data.revs),
            ...(many && twoRevs
                ? { opacity: { field: 'rev', type: 'nominal', sort: data.revs, scale: { domain: data.revs, range: [0.45, 1] }, legend: { title: null } } }
                : {}),
            tooltip: [{ field: 'x', title: data.xTitle }, { field: 'series' }, { field: 'rev' }, { field: 'y', title: data.yTitle }],
        },
    };
}
function confusionSpec(plot, data) {
    const n = data.labels.length;
    const cell = Math.max(14, Math.min(48, Math.floor(420 / n)));
    const field = data.normalized ? 'share' : 'count';
    const max = Math.max(0, ...data.cells.map((c) => (data.normalized ? c.share : c.count)));
    const values = data.cells.map((c) => {
        const v = data.normalized ? c.share : c.count;
        return { ...c, text: data.normalized ? v.toFixed(2) : String(v), dark: max > 0 && v > max * 0.55 };
    });
    const axis = { labelLimit: 120 };
    const xy = {
        x: {
            field: 'predicted',
            type: 'ordinal',
            sort: data.labels,
            title: plot.xLabel ?? 'predicted',
            axis: { ...axis, labelAngle: crowded(data.labels, cell * n) ? -45 : 0 },
        },
        y: { field: 'actual', type: 'ordinal', sort: data.labels, title: plot.yLabel ?? 'actual', axis },
    };
    const layer = [
        {
            mark: { type: 'rect', stroke: '#fff', strokeWidth: 1 },
            encoding: {
                ...xy,
                color: {
                    field,
                    type: 'quantitative',
                    // From white: an empty cell should look empty.
                    scale: { range: ['#f7fbff', '#08519c'], interpolate: 'hcl', domain: [0, data.normalized ? 1 : Math.max(1, max)] },
                    legend: { title: data.normalized ? 'share' : 'count', orient: 'right', direction: 'vertical', gradientLength: Math.min(200, cell * n) },
                },
            },
        },
        // Numbers stop fitting in cells of fewer than ~20 pixels: the colour has to speak then.
        ...(cell >= 22
            ? [
                {
                    mark: { type: 'text', fontSize: Math.min(13, Math.floor(cell / 2.6)) },
                    encoding: {
                        ...xy,
                        text: { field: 'text' },
                        color: { condition: { test: 'datum.dark', value: 'white' }, value: '#222' },
                    },
                },
            ]
            : []),
    ];
    const inner = { width: cell * n, height: cell * n, layer };
    if (data.revs.length < 2)
        return { data: { values }, ...inner };
    return {
        data: { values },
        facet: { column: { field: 'rev', type: 'nominal', sort: data.revs, title: null, header: { labelFontSize: 13, labelFontWeight: 'bold' } } },
        spec: inner,
        resolve: { scale: { color: 'shared' } },
    };
}
//# sourceMappingURL=spec.js.map

/***/ })

};
