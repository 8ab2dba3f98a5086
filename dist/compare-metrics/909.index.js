export const id = 909;
export const ids = [909];
export const modules = {

/***/ 71909:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  renderTrend: () => (/* binding */ renderTrend)
});

// UNUSED EXPORTS: MAX_TREND_CHARTS, standingLine

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./packages/core/lib/metrics/format.js
var format = __webpack_require__(76524);
// EXTERNAL MODULE: ./packages/core/lib/metrics/gates.js + 2 modules
var gates = __webpack_require__(52530);
// EXTERNAL MODULE: ./packages/core/lib/plots/fallback.js
var fallback = __webpack_require__(99434);
// EXTERNAL MODULE: ./packages/core/lib/plots/render.js
var render = __webpack_require__(63924);
// EXTERNAL MODULE: ./packages/core/lib/plots/spec.js
var plots_spec = __webpack_require__(36355);
// EXTERNAL MODULE: ./packages/core/lib/section/escape.js + 1 modules
var section_escape = __webpack_require__(41189);
;// CONCATENATED MODULE: ./packages/core/lib/history/rank.js
/** Undefined when main has no value for the metric. Among equal values, the most recent run is named. */
function standingOf(head, past, direction) {
    if (past.length === 0)
        return undefined;
    // Newest last: reduce keeps the later of two equal values.
    const min = past.reduce((a, b) => (b.value <= a.value ? b : a));
    const max = past.reduce((a, b) => (b.value >= a.value ? b : a));
    const base = { head, n: past.length, direction, min, max, newBest: false, newWorst: false };
    if (direction === 'none')
        return base;
    const better = (a, b) => (direction === 'higher' ? a > b : a < b);
    const best = direction === 'higher' ? max : min;
    const worst = direction === 'higher' ? min : max;
    return {
        ...base,
        rank: 1 + past.filter((p) => better(p.value, head)).length,
        best,
        worst,
        newBest: better(head, best.value),
        newWorst: better(worst.value, head),
    };
}
//# sourceMappingURL=rank.js.map
;// CONCATENATED MODULE: ./packages/core/lib/history/trend.js









/** Charts drawn at most; past this the lines alone say where each metric stands. */
const MAX_TREND_CHARTS = 6;
/**
 * Where the head sits against main's last runs, for every gated metric and every metric the
 * `trend` input names: one line each (rank, best, worst, direction aware) and a small chart of
 * main's runs with the head after them. Without such a metric, or a past for it, one line says why.
 */
async function renderTrend(o) {
    const recent = o.entries.filter((e) => e.sha !== o.headSha).slice(-o.runs);
    const chosen = chosenRows(o.diff, o.patterns);
    const none = (why) => ({ markdown: `<sub>No trend over ${(0,section_escape/* escapeText */.X1)(o.branch)}: ${why}.</sub>`, images: [], metrics: [] });
    if (chosen.length === 0)
        return none('no metric is gated or named in `trend`');
    if (recent.length === 0)
        return none(`the metrics history has no run of ${(0,section_escape/* escapeText */.X1)(o.branch)} yet (a push to it appends one)`);
    const metrics = [];
    for (const row of chosen) {
        const past = recent.flatMap((e) => {
            const v = e.metrics[row.file]?.[row.key];
            return typeof v === 'number' && Number.isFinite(v) ? [{ sha: e.sha, value: v }] : [];
        });
        const standing = standingOf(row.head, past, row.direction);
        if (standing)
            metrics.push({ file: row.file, key: row.key, standing, past });
    }
    if (metrics.length === 0)
        return none(`no run in the metrics history has ${chosen.length === 1 ? 'this metric' : 'these metrics'}`);
    const manyFiles = new Set(metrics.map((m) => m.file)).size > 1;
    const nameOf = (m) => (manyFiles ? `${m.file}: ${m.key}` : m.key);
    const lines = metrics.map((m) => `- ${standingLine(nameOf(m), m.standing, o.precision)}`);
    const most = Math.max(...metrics.map((m) => m.standing.n));
    const heading = `**Trend over ${(0,section_escape/* escapeText */.X1)(o.branch)}** (this change against the last ${most} run${most === 1 ? '' : 's'} of ${(0,section_escape/* escapeText */.X1)(o.branch)} in the metrics history)`;
    await (0,promises_.mkdir)(o.outDir, { recursive: true });
    const images = [];
    const charts = [];
    for (const [i, m] of metrics.slice(0, MAX_TREND_CHARTS).entries()) {
        const { plot, data } = chartOf(nameOf(m), m, o.branch, i);
        const spec = smallChart((0,plots_spec/* buildPlotSpec */.Nb)(plot, data));
        // At 1:1 two charts fit side by side in a comment (about 900 px wide): small, as a trend is.
        const { png, svg } = await (0,render/* renderChart */.xt)(spec, { zoom: 1 });
        const file = (ext) => `${plot.id}.${ext}`;
        await (0,promises_.writeFile)((0,external_node_path_.join)(o.outDir, file('png')), png);
        await (0,promises_.writeFile)((0,external_node_path_.join)(o.outDir, file('svg')), svg);
        await (0,promises_.writeFile)((0,external_node_path_.join)(o.outDir, file('vl.json')), JSON.stringify(spec) + '\n');
        const path = external_node_path_.posix.join(o.relDir, file('png'));
        const alt = `${nameOf(m)}: the last ${m.standing.n} runs of ${o.branch} and this change`;
        images.push({ path, alt, fallback: (0,fallback/* chartFallback */.f)(plot, data) });
        charts.push(`![${(0,section_escape/* escapeText */.X1)(alt)}](${path})`);
    }
    const more = metrics.length > MAX_TREND_CHARTS ? [`<sub>Charts for the first ${MAX_TREND_CHARTS} of ${metrics.length} metrics.</sub>`] : [];
    // Images on one line flow side by side as far as the comment's width allows.
    return { markdown: [heading, lines.join('\n'), charts.join(' '), ...more].filter(Boolean).join('\n\n'), images, metrics };
}
/** The rows a trend is shown for: numeric at head, and gated or named by a pattern. */
function chosenRows(diff, patterns) {
    const named = keyMatcher(patterns);
    const gated = new Set(diff.gates.filter((g) => g.file !== undefined).map((g) => `${g.file}\0${g.key}`));
    return diff.metrics.filter((r) => typeof r.head === 'number' && Number.isFinite(r.head) && (gated.has(`${r.file}\0${r.key}`) || named(r.key)));
}
/** Keys as the gates name them (metrics/gates.ts): any of the patterns. */
function keyMatcher(patterns) {
    const matchers = patterns.map(gates/* keyPattern */._H);
    return (key) => matchers.some((m) => m(key));
}
const ordinal = (n) => {
    const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] ?? 'th');
    return `${n}${s}`;
};
/**
 * `roc_auc` 0.91 (higher is better): 2nd of 13 — best 0.92 (`a1b2c3d`), worst 0.88 (`e4f5a6b`).
 * Shas are hex (the schema allows nothing else); the key is escaped.
 */
function standingLine(name, s, precision) {
    const f = (x) => (0,format/* formatNumber */.ZV)(x, precision);
    const at = (p) => `${f(p.value)} (\`${p.sha.slice(0, 7)}\`)`;
    const of = `the last ${s.n} run${s.n === 1 ? '' : 's'}`;
    const head = `**${(0,section_escape/* escapeText */.X1)(name)}** ${f(s.head)}`;
    if (s.rank === undefined || !s.best || !s.worst)
        return `${head} (no better direction): ${of} ranged from ${at(s.min)} to ${at(s.max)}`;
    const better = s.direction === 'higher' ? 'higher' : 'lower';
    const where = s.newBest
        ? `best of ${of} and this change (previous best ${at(s.best)})`
        : s.newWorst
            ? `worst of ${of} and this change (previous worst ${at(s.worst)})`
            : `${ordinal(s.rank)} of ${s.n + 1} (${of} and this change); best ${at(s.best)}, worst ${at(s.worst)}`;
    return `${head} (${better} is better): ${where}`;
}
function chartOf(name, m, branch, i) {
    const plot = {
        id: `trend-${i + 1}`,
        title: `${name} over ${branch}`,
        template: 'linear',
        data: '',
        y: [name],
        actual: 'actual',
        predicted: 'predicted',
        place: {},
    };
    const revs = [branch, 'this change'];
    const points = [
        ...m.past.map((p) => ({ x: p.sha.slice(0, 7), y: p.value, series: name, rev: branch })),
        { x: 'this change', y: m.standing.head, series: name, rev: 'this change' },
    ];
    return { plot, data: { kind: 'xy', xTitle: `runs of ${branch}, oldest first`, yTitle: name, xType: 'ordinal', series: [name], revs, points, notes: [] } };
}
/** The plots' line chart made small: a short plot, commit labels level, the title and legend smaller. */
function smallChart(spec) {
    const s = spec;
    if (s.encoding?.x)
        s.encoding.x.axis = { ...s.encoding.x.axis, labelAngle: -90, labelLimit: 100 };
    return { ...spec, width: 300, height: 110, title: { ...s.title, fontSize: 13 } };
}
//# sourceMappingURL=trend.js.map

/***/ })

};
