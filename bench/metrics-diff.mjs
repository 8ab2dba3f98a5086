// Benchmark: the compare-metrics core on 100,000 generated metric keys.
// Prints figures; asserts nothing (timings never live in tests).
//
//   node bench/metrics-diff.mjs [--keys 100000] [--runs 5]
//
// Runs on the TypeScript sources, no build: Node 24 strips types itself, and the hook below lets
// the sources' NodeNext-style `./x.js` imports find `./x.ts`.
import './sources.mjs';
import { performance } from 'node:perf_hooks';

const { diffMetrics, flatten, parseGates, parseMetricsFile, renderMetricsMarkdown, stringifyDiff } = await import('../packages/core/src/metrics/index.ts');

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const KEYS = arg('--keys', 100_000);
const RUNS = arg('--runs', 5);
const FILES = 10;

// A deterministic generator, so every run diffs the same numbers.
let seed = 42;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const NAMES = ['loss', 'accuracy', 'roc_auc', 'f1', 'rmse', 'latency_ms', 'precision', 'recall', 'mae', 'ndcg'];
const SPLITS = ['train', 'val', 'test'];

/** Nested metrics objects (DVC-style) for both sides: ~half the values move, some by float noise only. */
function generate() {
  const base = [];
  const head = [];
  for (let f = 0; f < FILES; f++) {
    const b = {};
    const h = {};
    for (let i = 0; i < KEYS / FILES; i++) {
      const group = `layer${i % 97}`;
      const key = `${NAMES[i % NAMES.length]}_${i}`;
      const split = SPLITS[i % SPLITS.length];
      const v = random();
      const r = random();
      const w = r < 0.3 ? v : r < 0.5 ? v + 1e-9 : r < 0.98 ? v * (0.9 + 0.2 * random()) : r < 0.99 ? NaN : Infinity;
      ((b[group] ??= {})[key] ??= {})[split] = v;
      if (r < 0.995) ((h[group] ??= {})[key] ??= {})[split] = w;
    }
    base.push([`metrics/${f}.json`, b]);
    head.push([`metrics/${f}.json`, h]);
  }
  return { base, head };
}

const { base, head } = generate();
const text = JSON.stringify(head[0][1], null, 2);
const textNaN = text.replace(/: (0\.\d)(\d*)\n/g, (m, a, b) => (b.endsWith('7') ? ': NaN\n' : m));
const rules = parseGates(
  `metrics:
  "*.loss_*.test": { direction: lower, max-regression: "2%" }
  "*accuracy*": { min: 0.01 }
  "layer1.roc_auc_*.val": { max-regression: 0.05 }
`,
  'gates.yml',
);

function time(label, fn) {
  const times = [];
  let result;
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    result = fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  console.log(`${label.padEnd(52)} median ${median.toFixed(1).padStart(8)} ms   (min ${times[0].toFixed(1)})`);
  return result;
}

console.log(`node ${process.version}, ${KEYS.toLocaleString('en')} keys in ${FILES} files, ${RUNS} runs each\n`);
const flatBase = time('flatten (both sides)', () => new Map(base.map(([f, o]) => [f, flatten(o)])));
const flatHead = new Map(head.map(([f, o]) => [f, flatten(o)]));
time(`parse one ${(text.length / 1e6).toFixed(1)} MB JSON file (JSON.parse path)`, () => parseMetricsFile(text, 'm.json'));
time(`parse the same file holding NaN (tolerant parser)`, () => parseMetricsFile(textNaN, 'm.json'));
const diff = time('diffMetrics, 3 gate rules', () => diffMetrics(flatBase, flatHead, { rules }));
time('diffMetrics, no rules', () => diffMetrics(flatBase, flatHead));
time('stringify the diff JSON', () => stringifyDiff(diff));
const md = time('render markdown (unchanged hidden)', () => renderMetricsMarkdown(diff));

const count = (s) => diff.metrics.filter((r) => r.status === s).length;
console.log(
  `\n${diff.metrics.length.toLocaleString('en')} rows: ${count('improved')} improved, ${count('regressed')} regressed, ` +
    `${count('unchanged')} unchanged, ${count('removed')} removed; ${diff.gates.length.toLocaleString('en')} gate checks; ` +
    `markdown ${(md.length / 1e6).toFixed(1)} MB`,
);
