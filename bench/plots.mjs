// Benchmark: compare-metrics' charts. Ten line charts of 1,000 points per curve (two series,
// base and head: four curves, 4,000 points a chart), each to SVG (vega) and PNG (resvg wasm).
// The first chart is cold: resvg's wasm is compiled and the font parsed on it. Prints figures;
// asserts nothing (timings never live in tests).
//
//   node bench/plots.mjs [--charts 10] [--points 1000]
//
// Runs on the TypeScript sources, no build: Node 24 strips types itself, and the hook below lets
// the sources' NodeNext-style `./x.js` imports find `./x.ts`.
import './sources.mjs';
import { performance } from 'node:perf_hooks';

const tImport = performance.now();
const { parsePlotsConfig, loadPlotData, buildPlotSpec, prepareRenderer, renderSvg, svgToPng, chartFallback } = await import(
  '../packages/core/src/plots/index.ts'
);
const importMs = performance.now() - tImport;

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const CHARTS = arg('--charts', 10);
const POINTS = arg('--points', 1000);

// A deterministic generator: noisy decaying loss curves, head converging faster than base.
let seed = 7;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
function tsv(rate) {
  const rows = ['step\tloss\tval_loss'];
  for (let i = 0; i < POINTS; i++) {
    const loss = Math.exp(-i / rate) + 0.05 * random();
    rows.push(`${i}\t${loss.toFixed(6)}\t${(loss * 1.1 + 0.03 * random()).toFixed(6)}`);
  }
  return rows.join('\n') + '\n';
}

const [plot] = parsePlotsConfig('plots:\n  - data: logs/loss.tsv\n    y: [loss, val_loss]\n', '.mlci/plots.yml').plots;
const inputs = Array.from({ length: CHARTS }, (_, i) => ({ head: tsv(150 + i), base: tsv(250 + i), baseLabel: 'base (main)' }));

const rows = [];
const total = performance.now();
// As renderPlots does: the wasm compiles in the background while the first SVG is drawn.
prepareRenderer();
for (const [i, input] of inputs.entries()) {
  const t0 = performance.now();
  const data = await loadPlotData(plot, input);
  const spec = buildPlotSpec(plot, data);
  const t1 = performance.now();
  const svg = await renderSvg(spec);
  const t2 = performance.now();
  const { png, width, height } = await svgToPng(svg);
  const t3 = performance.now();
  chartFallback(plot, data);
  const t4 = performance.now();
  rows.push({ i, data: t1 - t0, svg: t2 - t1, png: t3 - t2, fallback: t4 - t3, all: t4 - t0, svgBytes: svg.length, pngBytes: png.length, width, height });
}
const totalMs = performance.now() - total;

const ms = (v) => `${v.toFixed(0).padStart(6)} ms`;
const sum = (list, k) => list.reduce((a, r) => a + r[k], 0);
console.log(`node ${process.version}, ${CHARTS} charts × ${POINTS.toLocaleString('en')} points × 2 series × base/head\n`);
console.log(`import vega, vega-lite, resvg (once per process)      ${ms(importMs)}`);
const [cold, ...warm] = rows;
console.log(`cold chart (wasm init, font)   data ${ms(cold.data)}  svg ${ms(cold.svg)}  png ${ms(cold.png)}  fallback ${ms(cold.fallback)}  = ${ms(cold.all)}`);
if (warm.length > 0) {
  const n = warm.length;
  console.log(
    `warm chart, mean of ${String(n).padEnd(2)}         data ${ms(sum(warm, 'data') / n)}  svg ${ms(sum(warm, 'svg') / n)}  png ${ms(sum(warm, 'png') / n)}  fallback ${ms(sum(warm, 'fallback') / n)}  = ${ms(sum(warm, 'all') / n)}`,
  );
}
console.log(`\ntotal for ${CHARTS} charts (SVG + PNG + fallback)               ${ms(totalMs)}`);
console.log(`total including the imports                                ${ms(totalMs + importMs)}`);
console.log(`\nper chart: SVG ${(cold.svgBytes / 1024).toFixed(0)} KiB, PNG ${(cold.pngBytes / 1024).toFixed(0)} KiB (${cold.width}×${cold.height})`);
