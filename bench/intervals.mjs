// Benchmark: the intervals of noise-aware verdicts (metrics/interval.ts): Welch's t, and the
// seeded percentile bootstrap (10,000 resamples) at the sizes where the rule picks it, beside
// scipy's t quantile as a peer for the quantile itself. Prints figures; asserts nothing.
//
//   node bench/intervals.mjs [--runs 5]
//
// Runs on the TypeScript sources, no build (see sources.mjs).
import './sources.mjs';
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';

const { bootstrapInterval, welchInterval } = await import('../packages/core/src/metrics/interval.ts');
const { studentT } = await import('../packages/core/src/metrics/student-t.ts');

const i = process.argv.indexOf('--runs');
const RUNS = i === -1 ? 5 : Number(process.argv[i + 1]);
let seed = 7;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const sample = (n) => Array.from({ length: n }, () => -Math.log(1 - random()));

const median = (f) => {
  const times = [];
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    f();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)];
};

const quantiles = 10_000;
const tq = median(() => {
  for (let k = 0; k < quantiles; k++) studentT(0.975, 2 + (k % 50) * 0.37);
});
console.log(`t quantile: ${quantiles} calls in ${tq.toFixed(1)} ms (${((tq * 1000) / quantiles).toFixed(1)} µs each)`);
try {
  const py = execFileSync(
    '/usr/bin/python3',
    [
      '-c',
      `import time\nfrom scipy import stats\nt=time.perf_counter()\nfor k in range(${quantiles}): stats.t.ppf(0.975, 2 + (k % 50) * 0.37)\nprint((time.perf_counter()-t)*1000)`,
    ],
    { encoding: 'utf8' },
  );
  console.log(`  scipy.stats.t.ppf, the same calls: ${Number(py).toFixed(1)} ms`);
} catch {
  console.log('  (scipy not installed: no peer figure)');
}
for (const n of [5, 20, 100, 1000, 5000]) {
  const [b, h] = [sample(n), sample(n)];
  const w = median(() => welchInterval(b, h));
  const boot = n >= 20 ? median(() => bootstrapInterval(b, h)) : NaN;
  console.log(`n = ${n} a side: Welch ${w.toFixed(3)} ms${n >= 20 ? `, bootstrap ${boot.toFixed(0)} ms` : ''}`);
}
