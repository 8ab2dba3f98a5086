// Benchmark: the whole compare step (compareWithBaseline: read and parse both sides' files, diff,
// gates, markdown, diff JSON, report section) on generated metrics files with 100,000 keys.
// Prints figures; asserts nothing (timings never live in tests).
//
//   node bench/compare-metrics.mjs [--keys 100000] [--runs 5]
//
// Runs on the TypeScript sources, no build (Node 24 strips types; the hook maps ./x.js to ./x.ts).
import './sources.mjs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const { compareWithBaseline } = await import('../packages/core/src/compare-metrics/index.ts');

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const KEYS = arg('--keys', 100_000);
const RUNS = arg('--runs', 5);

// Nested like real evaluation files: 100 groups × N/100 metrics, a few percent of them moved.
function metrics(seed, moved) {
  const out = {};
  for (let g = 0; g < 100; g++) {
    const group = (out[`class_${g}`] = {});
    for (let k = 0; k < KEYS / 100; k++) {
      const v = ((g * 7919 + k * 104729) % 10007) / 10007;
      group[`${k % 2 ? 'loss' : 'f1'}_${k}`] = (g + k) % 37 === 0 && moved ? v + 0.01 * seed : v;
    }
  }
  return JSON.stringify(out, null, 2);
}

const ws = await mkdtemp(join(tmpdir(), 'mlci-bench-compare-'));
await mkdir(join(ws, 'base'), { recursive: true });
await writeFile(join(ws, 'metrics.json'), metrics(1, true));
await writeFile(join(ws, 'base/metrics.json'), metrics(0, false));
await writeFile(join(ws, 'gates.yml'), 'metrics:\n  "*.f1_*": { direction: higher, max-regression: "5%" }\n  "class_0.loss_1": { max: 1 }\n');

const times = [];
let result;
for (let i = 0; i < RUNS; i++) {
  const t0 = performance.now();
  result = await compareWithBaseline({
    workspace: ws,
    metrics: ['metrics.json'],
    params: [],
    gates: 'gates.yml',
    baseline: { kind: 'file', path: 'base' },
    precision: 4,
    showUnchanged: false,
    reportDir: join(ws, 'report'),
  });
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
console.log(
  `compareWithBaseline, ${KEYS.toLocaleString('en')} keys per side (${result.diff.metrics.length} rows, ${result.diff.gates.length} gate results, ${result.regressions + result.improvements} moved)`,
);
console.log(
  `  best ${Math.round(times[0])} ms, median ${Math.round(times[Math.floor(times.length / 2)])} ms, worst ${Math.round(times.at(-1))} ms over ${RUNS} runs`,
);
console.log(`  markdown ${(result.markdown.length / 1024).toFixed(0)} KiB`);
