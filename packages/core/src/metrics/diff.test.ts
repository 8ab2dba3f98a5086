import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffMetrics, diffParams, stringifyDiff, jsonSafeDiff } from './diff.js';
import type { Files, FlatRecord } from './flatten.js';
import { parseGates } from './gates.js';
import { readMetricsFiles } from './load.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const files = (entries: Record<string, FlatRecord>): Files => new Map(Object.entries(entries));
const row = (diff: ReturnType<typeof diffMetrics>, key: string) => diff.metrics.find((r) => r.key === key)!;

describe('diffMetrics on real DVC projects', () => {
  it('diffs example-get-started between two commits, with inferred directions', async () => {
    const paths = ['eval/live/metrics.json', 'scores.json'];
    const base = await readMetricsFiles(paths, join(FIXTURES, 'get-started/base'));
    const head = await readMetricsFiles(paths, join(FIXTURES, 'get-started/head'));
    const diff = diffMetrics(base, head);
    expect(diff.baseline).toBe(true);
    expect(diff.passed).toBe(true);
    expect(diff.metrics.map((r) => [r.file, r.key, r.status])).toEqual([
      ['eval/live/metrics.json', 'avg_prec.train', 'regressed'],
      ['eval/live/metrics.json', 'avg_prec.test', 'improved'],
      ['eval/live/metrics.json', 'roc_auc.train', 'regressed'],
      ['eval/live/metrics.json', 'roc_auc.test', 'improved'],
      ['scores.json', 'avg_prec', 'regressed'],
      ['scores.json', 'roc_auc', 'regressed'],
    ]);
    const auc = row(diff, 'roc_auc.test');
    expect(auc).toEqual({
      file: 'eval/live/metrics.json',
      key: 'roc_auc.test',
      base: 0.945093365854111,
      head: 0.9619097316125981,
      delta: 0.9619097316125981 - 0.945093365854111,
      relative: (0.9619097316125981 - 0.945093365854111) / 0.945093365854111,
      direction: 'higher',
      inferred: true,
      status: 'improved',
    });
  });

  it('reports a key added by the head (dvclive evaluate/dice_multi) and lower-is-better losses', async () => {
    const paths = ['results/train/metrics.json'];
    const base = await readMetricsFiles(paths, join(FIXTURES, 'experiments/base'));
    const head = await readMetricsFiles(paths, join(FIXTURES, 'experiments/head'));
    const diff = diffMetrics(base, head);
    expect(diff.metrics.map((r) => [r.key, r.direction, r.status])).toEqual([
      ['train.loss', 'lower', 'regressed'],
      ['eval.loss', 'lower', 'improved'],
      ['dice_multi', 'higher', 'regressed'],
      ['step', 'higher', 'unchanged'],
      ['evaluate/dice_multi', 'higher', 'added'],
    ]);
    expect(row(diff, 'evaluate/dice_multi')).toMatchObject({ base: null, head: 0.8792422521273259, delta: null, relative: null });
  });

  it('diffs real params: one changed string, the rest unchanged, lists indexed', async () => {
    const base = await readMetricsFiles(['params.yaml'], join(FIXTURES, 'experiments/base'));
    const head = await readMetricsFiles(['params.yaml'], join(FIXTURES, 'experiments/head'));
    const params = diffParams(base, head);
    expect(params.filter((p) => p.status !== 'unchanged')).toEqual([
      { file: 'params.yaml', key: 'train.arch', base: 'resnet34', head: 'squeezenet1_1', status: 'changed' },
    ]);
    expect(params.find((p) => p.key === 'data_split.test_regions[0]')).toMatchObject({ status: 'unchanged', head: 'REGION_1' });
  });
});

describe('diffMetrics verdicts', () => {
  it('gives no change for the same keys in another order', () => {
    const base = files({ 'm.json': { a: 0.5, 'b.loss': 0.1, c: 'x' } });
    const head = files({ 'm.json': { c: 'x', 'b.loss': 0.1, a: 0.5 } });
    const diff = diffMetrics(base, head);
    expect(diff.metrics.every((r) => r.status === 'unchanged')).toBe(true);
    expect(diff.metrics).toHaveLength(3);
  });

  it('calls float noise below the shown precision unchanged but keeps the exact values', () => {
    const base = files({ 'm.json': { acc: 0.91234, loss: 0.2, big: 0.91235 } });
    const head = files({ 'm.json': { acc: 0.912341, loss: 0.20000000000000004, big: 0.9125 } });
    const diff = diffMetrics(base, head, { precision: 4 });
    expect(row(diff, 'acc')).toMatchObject({ base: 0.91234, head: 0.912341, status: 'unchanged' });
    expect(row(diff, 'acc').delta).toBeCloseTo(0.000001, 12);
    expect(row(diff, 'loss')).toMatchObject({ head: 0.20000000000000004, status: 'unchanged' });
    expect(row(diff, 'big').status).toBe('improved');
    expect(diffMetrics(base, head, { precision: 6 }).metrics[0].status).toBe('improved');
  });

  it('compares integers exactly: a count is not float noise', () => {
    const diff = diffMetrics(files({ m: { n_errors: 123456 } }), files({ m: { n_errors: 123457 } }));
    expect(diff.metrics[0]).toMatchObject({ status: 'regressed', delta: 1, direction: 'lower' });
  });

  it('uses the direction to call a move improved or regressed', () => {
    const base = files({ m: { loss: 0.3, acc: 0.8 } });
    const head = files({ m: { loss: 0.2, acc: 0.7 } });
    const diff = diffMetrics(base, head);
    expect(row(diff, 'loss')).toMatchObject({ direction: 'lower', status: 'improved' });
    expect(row(diff, 'acc')).toMatchObject({ direction: 'higher', status: 'regressed' });
    expect(row(diff, 'acc').relative).toBeCloseTo(-0.125, 12);
  });

  it('lets a gate rule set the direction, marked as not inferred', () => {
    const rules = parseGates('metrics:\n  "acc": { direction: lower }\n', 'gates.yml');
    const diff = diffMetrics(files({ m: { acc: 0.8 } }), files({ m: { acc: 0.7 } }), { rules });
    expect(diff.metrics[0]).toMatchObject({ direction: 'lower', inferred: false, status: 'improved' });
  });

  it('handles NaN and infinities as values', () => {
    const base = files({ m: { a_loss: NaN, b_loss: 0.5, c_loss: NaN, d_acc: 0.9, e_loss: Infinity, f_loss: Infinity, g_acc: 0.5 } });
    const head = files({ m: { a_loss: NaN, b_loss: NaN, c_loss: 0.4, d_acc: Infinity, e_loss: Infinity, f_loss: 3, g_acc: null } });
    const diff = diffMetrics(base, head);
    expect(row(diff, 'a_loss')).toMatchObject({ status: 'unchanged', delta: null, relative: null });
    expect(row(diff, 'b_loss').status).toBe('regressed');
    expect(row(diff, 'c_loss').status).toBe('improved');
    expect(row(diff, 'd_acc')).toMatchObject({ status: 'improved', delta: null });
    expect(row(diff, 'e_loss').status).toBe('unchanged');
    expect(row(diff, 'f_loss').status).toBe('improved');
    // A null beside a number is a missing value, like NaN.
    expect(row(diff, 'g_acc').status).toBe('regressed');
  });

  it('shows non-numeric values without diffing them', () => {
    const diff = diffMetrics(files({ m: { model: 'a', ok: true, n: null } }), files({ m: { model: 'b', ok: true, n: null } }));
    expect(diff.metrics.map((r) => [r.key, r.status, r.delta])).toEqual([
      ['model', 'changed', null],
      ['ok', 'unchanged', null],
      ['n', 'unchanged', null],
    ]);
  });

  it('gives relative null when the base is 0', () => {
    const diff = diffMetrics(files({ m: { x: 0 } }), files({ m: { x: 0.5 } }));
    expect(diff.metrics[0]).toMatchObject({ delta: 0.5, relative: null });
  });

  it('reports keys and whole files that exist on one side only', () => {
    const base = files({ 'a.json': { kept: 1, gone: 2 }, 'old.json': { x: 1, y: 2 } });
    const head = files({ 'a.json': { kept: 1, fresh: 3 }, 'new.json': { z: 1 } });
    const diff = diffMetrics(base, head);
    expect(diff.metrics.map((r) => [r.file, r.key, r.status])).toEqual([
      ['a.json', 'kept', 'unchanged'],
      ['a.json', 'fresh', 'added'],
      ['a.json', 'gone', 'removed'],
      ['new.json', 'z', 'added'],
      ['old.json', 'x', 'removed'],
      ['old.json', 'y', 'removed'],
    ]);
    expect(diff.metrics.find((r) => r.key === 'gone')).toMatchObject({ base: 2, head: null });
  });

  it('without a baseline, reports head values as added', () => {
    const diff = diffMetrics(undefined, files({ m: { acc: 0.9 } }));
    expect(diff.baseline).toBe(false);
    expect(diff.metrics).toEqual([
      { file: 'm', key: 'acc', base: null, head: 0.9, delta: null, relative: null, direction: 'higher', inferred: true, status: 'added' },
    ]);
  });

  it('carries params and gates in the same diff', () => {
    const rules = parseGates('metrics:\n  acc: { min: 0.95 }\n', 'gates.yml');
    const diff = diffMetrics(files({ m: { acc: 0.9 } }), files({ m: { acc: 0.91 } }), {
      rules,
      params: { base: files({ p: { lr: 0.1 } }), head: files({ p: { lr: 0.01 } }) },
    });
    expect(diff.passed).toBe(false);
    expect(diff.gates).toHaveLength(1);
    expect(diff.params).toEqual([{ file: 'p', key: 'lr', base: 0.1, head: 0.01, status: 'changed' }]);
  });
});

describe('diffParams', () => {
  it('compares every leaf type; NaN equals NaN; 1 and "1" differ', () => {
    const base = files({ p: { a: NaN, b: 1, c: true, d: null, e: 'x', gone: 1 } });
    const head = files({ p: { a: NaN, b: '1', c: true, d: null, e: 'x', fresh: 2 } });
    expect(diffParams(base, head).map((r) => [r.key, r.status])).toEqual([
      ['a', 'unchanged'],
      ['b', 'changed'],
      ['c', 'unchanged'],
      ['d', 'unchanged'],
      ['e', 'unchanged'],
      ['fresh', 'added'],
      ['gone', 'removed'],
    ]);
  });

  it('without a baseline, every param is added', () => {
    expect(diffParams(undefined, files({ p: { lr: 0.1 } }))).toEqual([{ file: 'p', key: 'lr', base: null, head: 0.1, status: 'added' }]);
  });
});

describe('the diff as JSON', () => {
  it('writes non-finite numbers as strings and keeps every issue key', async () => {
    const base = await readMetricsFiles(['metrics.json'], join(FIXTURES, 'python'));
    const head = new Map([...base].map(([f, r]) => [f, { ...r, 'train.loss': 0.25, 'eval.loss': NaN }]));
    const diff = diffMetrics(base, head);
    const json = JSON.parse(stringifyDiff(diff));
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['passed', 'metrics', 'params', 'gates']));
    const loss = json.metrics.find((r: { key: string }) => r.key === 'train.loss');
    expect(loss).toEqual({
      file: 'metrics.json',
      key: 'train.loss',
      base: 'NaN',
      head: 0.25,
      delta: null,
      relative: null,
      direction: 'lower',
      inferred: true,
      status: 'improved',
    });
    expect(json.metrics.find((r: { key: string }) => r.key === 'eval.loss')).toMatchObject({ base: 'Infinity', head: 'NaN', status: 'regressed' });
    expect(json.metrics.find((r: { key: string }) => r.key === 'eval.calibration.ece')).toMatchObject({ base: '-Infinity', head: '-Infinity' });
    expect(jsonSafeDiff(diff)).toEqual(json);
  });
});
