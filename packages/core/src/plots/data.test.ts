import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isUserError, type UserError } from '../errors.js';
import { parsePlotsConfig, type PlotDef } from './config.js';
import { loadPlotData, type ConfusionData, type PlotInput, type XYData } from './data.js';
import { elementLines } from './table.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const fixture = (side: 'base' | 'head', name: string) => readFile(join(FIXTURES, side, name), 'utf8');

function plot(yaml: string): PlotDef {
  return parsePlotsConfig(`plots:\n  - ${yaml.trim().replace(/\n/g, '\n    ')}\n`, '.mlci/plots.yml').plots[0];
}

async function xy(def: string, input: PlotInput): Promise<XYData> {
  const data = await loadPlotData(plot(def), input);
  if (data.kind !== 'xy') throw new Error('expected xy data');
  return data;
}

async function failure(def: string, input: PlotInput): Promise<UserError> {
  try {
    await loadPlotData(plot(def), input);
  } catch (e) {
    if (isUserError(e)) return e as UserError;
    throw e;
  }
  throw new Error('expected a UserError');
}

describe('loadPlotData: curves', () => {
  it('overlays base and head of a dvclive TSV, x defaulting to its step column', async () => {
    const data = await xy('data: loss.tsv\ny: [loss, val_loss]', {
      head: await fixture('head', 'loss.tsv'),
      base: await fixture('base', 'loss.tsv'),
      baseLabel: 'base (main)',
    });
    expect(data).toMatchObject({
      xTitle: 'step',
      yTitle: 'value',
      xType: 'quantitative',
      series: ['loss', 'val_loss'],
      revs: ['base (main)', 'head'],
      notes: [],
    });
    expect(data.points).toHaveLength(4 * 40);
    expect(data.points[0]).toEqual({ x: 0, y: 0.830006, series: 'loss', rev: 'base (main)' });
    expect(data.points.at(-1)).toEqual({ x: 39, y: 0.150189, series: 'val_loss', rev: 'head' });
  });

  it('without y, plots every numeric field but x', async () => {
    const data = await xy('data: loss.tsv', { head: await fixture('head', 'loss.tsv') });
    expect(data.series).toEqual(['loss', 'val_loss']);
    expect(data.revs).toEqual(['head']);
  });

  it('finds the records inside a DVC plots object (`{"roc": [...]}`)', async () => {
    const data = await xy('data: eval/roc.json\nx: fpr\ny: tpr', { head: await fixture('head', 'roc.json'), base: await fixture('base', 'roc.json') });
    expect(data.xTitle).toBe('fpr');
    expect(data.points.filter((p) => p.rev === 'head')).toHaveLength(12);
    expect(data.points.filter((p) => p.rev === 'base')).toHaveLength(20);
  });

  it('reads columns (`{"fpr": [...], "tpr": [...]}`), a selected path, and the record position as x', async () => {
    const columns = JSON.stringify({ fpr: [0, 0.1, 1], tpr: [0, 0.8, 1], auc: 0.93 });
    expect((await xy('data: roc.json\nx: fpr\ny: tpr', { head: columns })).points.map((p) => [p.x, p.y])).toEqual([
      [0, 0],
      [0.1, 0.8],
      [1, 1],
    ]);
    const nested = '{"train": {"history": [{"loss": 3}, {"loss": 2}]}, "test": {"history": [{"loss": 9}]}}';
    const data = await xy('data: h.json\nselect: train.history', { head: nested });
    expect(data.points.map((p) => [p.x, p.y])).toEqual([
      [0, 3],
      [1, 2],
    ]);
  });

  it('keeps gaps (empty cells, NaN from Python) as null and skips rows without x', async () => {
    const head = 'epoch,acc,loss\n1,0.5,nan\n2,,0.4\n,0.7,0.3\n3,0.8,Infinity\n';
    const data = await xy('data: m.csv\nx: epoch', { head });
    expect(data.points.filter((p) => p.series === 'loss').map((p) => p.y)).toEqual([null, 0.4, null]);
    expect(data.points.filter((p) => p.series === 'acc').map((p) => p.y)).toEqual([0.5, null, 0.8]);
    const json = '[{"step": 0, "loss": NaN}, {"step": 1, "loss": 0.5}]';
    expect((await xy('data: m.json', { head: json })).points.map((p) => p.y)).toEqual([null, 0.5]);
  });

  it('labels on x keep their order; ISO dates are time', async () => {
    const labels = await xy('data: m.csv\nx: model', { head: 'model,score\nsmall,1\nlarge,3\nmedium,2\n' });
    expect(labels.xType).toBe('ordinal');
    expect(labels.points.map((p) => p.x)).toEqual(['small', 'large', 'medium']);
    const dates = await xy('data: m.csv\nx: day', { head: 'day,score\n2024-05-01,1\n2024-05-02T10:00:00Z,3\n' });
    expect(dates.xType).toBe('temporal');
  });

  it('a base that cannot be read, or lacks a series, becomes a note and head is shown alone', async () => {
    const head = 'step,loss,acc\n0,1,0.5\n';
    const broken = await xy('data: m.csv\ny: [loss, acc]', { head, base: 'step,loss,acc\n0,"1\n' });
    expect(broken.revs).toEqual(['head']);
    expect(broken.notes[0]).toMatch(/^The base version of m.csv could not be read \(line 2: unterminated quoted field/);
    const older = await xy('data: m.csv\ny: [loss, acc]', { head, base: 'step,loss\n0,2\n' });
    expect(older.revs).toEqual(['base', 'head']);
    expect(older.notes).toEqual(['The base version of m.csv has no field "acc".']);
  });
});

describe('loadPlotData: confusion matrices', () => {
  it('counts {actual, predicted} records, zeros included, classes in natural order', async () => {
    const data = (await loadPlotData(plot('template: confusion\ndata: c.json'), {
      head: await fixture('head', 'confusion.json'),
      base: await fixture('base', 'confusion.json'),
      baseLabel: 'main',
    })) as ConfusionData;
    expect(data.kind).toBe('confusion');
    expect(data.labels).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(data.revs).toEqual(['main', 'head']);
    expect(data.cells).toHaveLength(2 * 100);
    const head = data.cells.filter((c) => c.rev === 'head');
    expect(head.reduce((n, c) => n + c.count, 0)).toBe(360);
    expect(head.find((c) => c.actual === '2' && c.predicted === '2')).toMatchObject({ count: 36, share: 1 });
    const labels = await loadPlotData(plot('template: confusion\ndata: c.csv\nactual: y\npredicted: p'), {
      head: 'y,p\ncat,dog\ndog,dog\nclass 10,cat\nclass 2,cat\n',
    });
    expect((labels as ConfusionData).labels).toEqual(['cat', 'class 2', 'class 10', 'dog']);
  });

  it('takes a ready matrix in its own label order, normalised by row', async () => {
    const head = JSON.stringify({
      labels: ['neg', 'pos'],
      matrix: [
        [8, 2],
        [0, 0],
      ],
    });
    const data = (await loadPlotData(plot('template: confusion-normalized\ndata: cm.json'), { head })) as ConfusionData;
    expect(data.normalized).toBe(true);
    expect(data.labels).toEqual(['neg', 'pos']);
    expect(data.cells.map((c) => [c.actual, c.predicted, c.count, c.share])).toEqual([
      ['neg', 'neg', 8, 0.8],
      ['neg', 'pos', 2, 0.2],
      ['pos', 'neg', 0, 0],
      ['pos', 'pos', 0, 0],
    ]);
  });

  it('refuses a matrix that is not square and counts that are not counts', async () => {
    expect((await failure('template: confusion\ndata: cm.json', { head: '{"matrix": [[1, 2]]}' })).message).toContain('square');
    expect((await failure('template: confusion\ndata: cm.json', { head: '{"matrix": [[1, -2], [0, 1]]}' })).message).toContain('not a count');
    expect((await failure('template: confusion\ndata: cm.json', { head: '{"labels": ["a"], "matrix": [[1, 2], [0, 1]]}' })).message).toContain('2 class names');
  });
});

describe('loadPlotData: what the user got wrong, with file and line', () => {
  it('malformed JSON: line and column from the parser', async () => {
    const e = await failure('data: logs/loss.json', { head: '[\n  {"step": 0, "loss": 1},\n  {"step": 1 "loss": 2}\n]' });
    expect(e).toMatchObject({ file: 'logs/loss.json', line: 3, column: 14 });
    expect(e.message).toMatch(/^invalid JSON/);
  });

  it('a ragged or broken CSV row: its line', async () => {
    const ragged = await failure('data: m.csv', { head: 'step,loss\n0,1\n1,2,3\n' });
    expect(ragged).toMatchObject({ file: 'm.csv', line: 3, message: 'the row has 3 cells, the header has 2' });
    const quote = await failure('data: m.csv', { head: 'step,loss\n0,"1\n1,2\n' });
    expect(quote).toMatchObject({ file: 'm.csv', line: 2 });
  });

  it('a value that is not a number: the record and its line, in CSV and in JSON', async () => {
    const csv = await failure('data: m.csv\ny: loss', { head: 'step,loss\n0,1\n1,n/a\n' });
    expect(csv).toMatchObject({ file: 'm.csv', line: 3, message: 'record 2: "loss" is "n/a", not a number' });
    const json =
      '{\n  "meta": {"note": "[not the records]"},\n  "history": [\n    {"step": 0, "loss": 1},\n    {\n      "step": 1,\n      "loss": "high"\n    }\n  ]\n}';
    const e = await failure('data: h.json\ny: loss', { head: json });
    expect(e).toMatchObject({ file: 'h.json', line: 5, message: 'record 2: "loss" is "high", not a number' });
  });

  it('a missing field: the fields there are', async () => {
    const e = await failure('data: m.csv\nx: epoch\ny: loss', { head: 'step,loss\n0,1\n' });
    expect(e).toMatchObject({ file: 'm.csv', line: 1, message: 'no field "epoch" (x); the fields are: "step", "loss"' });
    const c = await failure('template: confusion\ndata: p.csv', { head: 'label,prediction\n1,1\n' });
    expect(c.message).toContain('no field "actual" (actual)');
  });

  it('an empty file, a file with no records, several candidate lists', async () => {
    expect(await failure('data: m.json', { head: ' \n' })).toMatchObject({ file: 'm.json', line: 1, message: 'the data file is empty' });
    expect((await failure('data: m.json\ny: loss', { head: '[]' })).message).toContain('there are no records');
    expect((await failure('data: m.json', { head: '{"a": 1}' })).message).toContain('holds no records');
    expect((await failure('data: m.json', { head: '{"train": [{"l": 1}], "test": [{"l": 2}]}' })).message).toContain(
      'several lists of records (train, test): name one with `select`',
    );
    expect((await failure('data: m.json\nselect: valid', { head: '{"train": [{"l": 1}]}' })).message).toContain('keys at the top level: train');
    expect((await failure('data: m.json', { head: '[1, 2]' })).message).toContain('record 1 is not an object');
  });
});

describe('elementLines', () => {
  it('finds where each element of the array at a path starts, past strings holding brackets', () => {
    const text = '{"a": "[{", "b": {"c": [\n1,\n\n{"x": "]"},\n[2]]}}';
    expect(elementLines(text, ['b', 'c'])).toEqual([2, 4, 5]);
    expect(elementLines('[\n{},\n{}]', [])).toEqual([2, 3]);
  });
});

describe('loadPlotData: long curves', () => {
  it('thins a curve past 5,000 points to every k-th point, keeping the last, and says so', async () => {
    const head = 'step,loss\n' + Array.from({ length: 12_001 }, (_, i) => `${i},${1 / (i + 1)}`).join('\n') + '\n';
    const data = await xy('data: loss.csv', { head, base: 'step,loss\n0,1\n1,0.5\n' });
    const curve = data.points.filter((p) => p.rev === 'head');
    expect(curve).toHaveLength(4001);
    expect(curve.slice(0, 2).map((p) => p.x)).toEqual([0, 3]);
    expect(curve.at(-1)!.x).toBe(12_000);
    expect(data.points.filter((p) => p.rev === 'base')).toHaveLength(2);
    expect(data.notes).toEqual(['loss (head) has 12,001 points: 1 in 3 is drawn.']);
  });
});

describe('loadPlotData: wide input', () => {
  it('draws the first 200 of 1,500 bar categories and says how many were left out', async () => {
    const rows = Array.from({ length: 1500 }, (_, i) => `c${i},${i % 7}`).join('\n');
    const data = await xy('data: wide.csv\ntemplate: bar\nx: name\ny: n', { head: `name,n\n${rows}\n` });
    expect(new Set(data.points.map((p) => p.x)).size).toBe(200);
    expect(data.points[199].x).toBe('c199');
    expect(data.notes).toEqual(['1,500 categories: the first 200 are drawn, 1,300 are left out.']);
  });
});
