#!/usr/bin/env node
// A small but real training job in plain Node, so the example needs no Python: multinomial
// logistic regression (softmax) by full-batch gradient descent on standardized features, with a
// seeded train/test split. Everything it writes is computed here, from the CSV and the params.
//
//   node train.mjs --data data/penguins.csv --params params.yaml --out eval
//
// writes <out>/metrics.json and, dvclive-like, <out>/plots/loss.csv (one row per epoch) and
// <out>/plots/predictions.csv (the test set's actual and predicted species).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({ options: { data: { type: 'string' }, params: { type: 'string' }, out: { type: 'string' } } });
if (!args.data || !args.params || !args.out) {
  console.error('usage: node train.mjs --data FILE.csv --params params.yaml --out DIR');
  process.exit(2);
}
const p = readParams(readFileSync(args.params, 'utf8')).train;

// The params file's flat YAML (`section:`, then `  key: number | word | [a, b]`), read by hand so
// that the example runs with Node alone, no package installed: a YAML library would need one.
function readParams(text) {
  const out = {};
  let section;
  for (const line of text.split('\n')) {
    const l = line.replace(/#.*$/, '').trimEnd();
    if (!l.trim()) continue;
    const m = /^(\s*)([\w-]+):\s*(.*)$/.exec(l);
    if (!m) throw new Error(`${args.params}: cannot read "${line}"`);
    const value = (v) => (v !== '' && !Number.isNaN(Number(v)) ? Number(v) : v);
    if (!m[1]) out[m[2]] = section = {};
    else
      section[m[2]] = m[3].startsWith('[')
        ? m[3]
            .slice(1, -1)
            .split(',')
            .map((v) => value(v.trim()))
        : value(m[3]);
  }
  return out;
}
const started = performance.now();

// The CSV has no quoted fields (it is made from vega-datasets' penguins.json), so a split is enough.
const [header, ...lines] = readFileSync(args.data, 'utf8').trim().split('\n');
const cols = header.split(',');
const records = lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i], v])));
// Rows missing a feature are left out of training, as most pipelines would.
const usable = records.filter((r) => p.features.every((f) => r[f] !== 'NA' && r[f] !== ''));
const classes = [...new Set(usable.map((r) => r.species))].sort();

// mulberry32: a tiny seeded generator, so the split is the same on every machine.
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = random(p.seed);
const order = usable.map((_, i) => i);
for (let i = order.length - 1; i > 0; i--) {
  const j = Math.floor(rand() * (i + 1));
  [order[i], order[j]] = [order[j], order[i]];
}
const nTest = Math.round(order.length * p.test_fraction);
const testIdx = order.slice(0, nTest);
const trainIdx = order.slice(nTest);

const raw = usable.map((r) => p.features.map((f) => Number(r[f])));
const label = usable.map((r) => classes.indexOf(r.species));
// Standardize with the training rows' mean and deviation only (the test set stays unseen).
const mean = p.features.map((_, j) => trainIdx.reduce((s, i) => s + raw[i][j], 0) / trainIdx.length);
const sd = p.features.map((_, j) => Math.sqrt(trainIdx.reduce((s, i) => s + (raw[i][j] - mean[j]) ** 2, 0) / trainIdx.length) || 1);
const X = raw.map((row) => [1, ...row.map((v, j) => (v - mean[j]) / sd[j])]);

const K = classes.length;
const D = X[0].length;
const W = Array.from({ length: K }, () => new Array(D).fill(0));

function probabilities(x) {
  const z = W.map((w) => w.reduce((s, wj, j) => s + wj * x[j], 0));
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}
const loss = (idx) => -idx.reduce((s, i) => s + Math.log(Math.max(probabilities(X[i])[label[i]], 1e-12)), 0) / idx.length;

const lossLog = [];
for (let epoch = 1; epoch <= p.epochs; epoch++) {
  const grad = Array.from({ length: K }, () => new Array(D).fill(0));
  for (const i of trainIdx) {
    const pr = probabilities(X[i]);
    for (let k = 0; k < K; k++) {
      const g = pr[k] - (k === label[i] ? 1 : 0);
      for (let j = 0; j < D; j++) grad[k][j] += g * X[i][j];
    }
  }
  for (let k = 0; k < K; k++) for (let j = 0; j < D; j++) W[k][j] -= (p.learning_rate * grad[k][j]) / trainIdx.length;
  lossLog.push({ epoch, train_loss: loss(trainIdx), test_loss: loss(testIdx) });
}
const seconds = (performance.now() - started) / 1000;

const predicted = testIdx.map((i) => {
  const pr = probabilities(X[i]);
  return pr.indexOf(Math.max(...pr));
});
const round = (x) => Number(x.toFixed(4));
const perClass = {};
for (let k = 0; k < K; k++) {
  const tp = testIdx.filter((i, n) => label[i] === k && predicted[n] === k).length;
  const predictedK = predicted.filter((c) => c === k).length;
  const actualK = testIdx.filter((i) => label[i] === k).length;
  const precision = predictedK ? tp / predictedK : 0;
  const recall = actualK ? tp / actualK : 0;
  perClass[classes[k]] = { precision: round(precision), recall: round(recall), f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}
const correct = testIdx.filter((i, n) => label[i] === predicted[n]).length;
const metrics = {
  test: {
    accuracy: round(correct / testIdx.length),
    f1_macro: round(Object.values(perClass).reduce((s, c) => s + c.f1, 0) / K),
    loss: round(lossLog.at(-1).test_loss),
    ...Object.fromEntries(Object.entries(perClass).map(([c, v]) => [c, { precision: v.precision, recall: v.recall }])),
  },
  data: { train_rows: trainIdx.length, test_rows: testIdx.length, dropped_rows: records.length - usable.length },
  train: { seconds: round(seconds) },
};

mkdirSync(join(args.out, 'plots'), { recursive: true });
writeFileSync(join(args.out, 'metrics.json'), JSON.stringify(metrics, null, 2) + '\n');
writeFileSync(
  join(args.out, 'plots', 'loss.csv'),
  ['epoch,train_loss,test_loss', ...lossLog.map((l) => `${l.epoch},${round(l.train_loss)},${round(l.test_loss)}`)].join('\n') + '\n',
);
writeFileSync(
  join(args.out, 'plots', 'predictions.csv'),
  ['actual,predicted', ...testIdx.map((i, n) => `${classes[label[i]]},${classes[predicted[n]]}`)].join('\n') + '\n',
);
console.log(`train.mjs: ${usable.length} rows, ${p.features.length} features, test accuracy ${metrics.test.accuracy} (${args.out}/metrics.json)`);
