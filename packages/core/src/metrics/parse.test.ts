import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../errors.js';
import { detectFormat, parseMetricsFile } from './parse.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const fixture = (p: string) => readFileSync(join(FIXTURES, p), 'utf8');

function placeOf(text: string, file: string): { line?: number; column?: number; message: string } {
  try {
    parseMetricsFile(text, file);
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    const u = e as UserError;
    expect(u.file).toBe(file);
    return { line: u.line, column: u.column, message: u.message };
  }
  throw new Error('expected a UserError');
}

describe('JSON', () => {
  it('reads a real DVC metrics file as nested numbers', () => {
    expect(parseMetricsFile(fixture('get-started/head/eval/live/metrics.json'), 'metrics.json')).toEqual({
      avg_prec: { train: 0.9772271756725741, test: 0.9449556493816984 },
      roc_auc: { train: 0.9873675866013153, test: 0.9619097316125981 },
    });
  });

  it("reads Python's NaN, Infinity and -Infinity as numbers, and leaves the words inside strings alone", () => {
    const m = parseMetricsFile(fixture('python/metrics.json'), 'python/metrics.json') as any;
    expect(m.train.loss).toBeNaN();
    expect(m.eval.loss).toBe(Infinity);
    expect(m.eval.calibration.ece).toBe(-Infinity);
    expect(m.per_class[1].f1).toBeNaN();
    expect(m.notes).toBe('NaN loss after step 900; Infinity in eval; -Infinity ECE');
    expect(m.converged).toBe(false);
    expect(m.best_checkpoint).toBeNull();
    expect(m.epoch).toBe(12);
  });

  it('reads escapes, unicode and __proto__ keys like JSON.parse does', () => {
    const text = '{"a\\"b": "x\\u00e9\\n", "__proto__": {"polluted": NaN}, "e": -1.5e-3, "k": [true, null]}';
    const m = parseMetricsFile(text, 'm.json');
    expect(Object.keys(m)).toEqual(['a"b', '__proto__', 'e', 'k']);
    expect(m['a"b']).toBe('x\u00e9\n');
    expect(Object.getPrototypeOf(m)).toBe(Object.prototype);
    expect(({} as any).polluted).toBeUndefined();
    expect(m.e).toBe(-0.0015);
    expect(m.k).toEqual([true, null]);
  });

  it('names the line and column of a trailing comma', () => {
    const text = '{\n  "acc": 0.9,\n  "loss": 0.1,\n}\n';
    expect(placeOf(text, 'm.json')).toMatchObject({ line: 4, column: 1 });
  });

  it('names the spot of a missing comma even when the file also holds NaN', () => {
    const text = '{\n  "loss": NaN,\n  "acc": 0.9\n  "f1": 0.8\n}';
    const p = placeOf(text, 'm.json');
    expect(p).toMatchObject({ line: 4, column: 3 });
    expect(p.message).toMatch(/expected ',' or '}'/);
  });

  it('names the end of a truncated file', () => {
    expect(placeOf('{"a": {"b": 1', 'm.json')).toMatchObject({ line: 1, column: 14 });
  });

  it('refuses a bare word that only looks like NaN', () => {
    const p = placeOf('{"a": 1,\n "b": nan}', 'm.json');
    expect(p).toMatchObject({ line: 2, column: 7 });
    expect(p.message).toContain("'nan'");
  });

  it('refuses malformed numbers and unterminated strings at their position', () => {
    expect(placeOf('{"a": 01}', 'm.json')).toMatchObject({ line: 1, column: 8 });
    expect(placeOf('{"a": "abc}', 'm.json')).toMatchObject({ line: 1, column: 7 });
  });

  it('refuses an empty JSON file and a top level that is not a mapping', () => {
    expect(placeOf('', 'm.json')).toMatchObject({ line: 1, column: 1 });
    expect(placeOf('[1, 2]', 'm.json').message).toMatch(/found a list/);
    expect(placeOf('0.93', 'm.json').message).toMatch(/found a single number/);
  });

  it('skips a byte order mark', () => {
    expect(parseMetricsFile('\uFEFF{"a": 1}', 'm.json')).toEqual({ a: 1 });
  });
});

describe('YAML', () => {
  it('reads params with lists, merge keys and .nan', () => {
    const p = parseMetricsFile(fixture('formats/params-lists.yaml'), 'params.yaml') as any;
    expect(p.train.optimizer).toBe('adam');
    expect(p.train.lr).toBe(0.001);
    expect(p.train.layers).toEqual([
      { units: 128, activation: 'relu' },
      { units: 64, activation: 'relu' },
    ]);
    expect(p.train.augment).toEqual(['flip', 'crop']);
    expect(p.train.dropout).toBeNaN();
  });

  it('reads a real params.yaml', () => {
    expect(parseMetricsFile(fixture('experiments/head/params.yaml'), 'params.yaml')).toMatchObject({
      data_split: { test_regions: ['REGION_1'] },
      train: { arch: 'squeezenet1_1', fine_tune_args: { epochs: 8, base_lr: 0.01 } },
    });
  });

  it('names the line and column of an unclosed flow sequence and of a duplicate key', () => {
    expect(placeOf('a: 1\nb: [1, 2\nc: 3\n', 'params.yaml')).toMatchObject({ line: 3, column: 1 });
    const dup = placeOf('train:\n  lr: 0.1\n  lr: 0.2\n', 'params.yaml');
    expect(dup).toMatchObject({ line: 3, column: 3 });
    expect(dup.message).toMatch(/unique/);
  });

  it('gives no metrics for an empty or comment-only file', () => {
    expect(parseMetricsFile('', 'm.yaml')).toEqual({});
    expect(parseMetricsFile('# nothing yet\n', 'm.yml')).toEqual({});
  });
});

describe('TOML', () => {
  it('reads tables, nan, inf and integers beyond 2^53', () => {
    const m = parseMetricsFile(fixture('formats/metrics.toml'), 'metrics.toml') as any;
    expect(m.train).toEqual({ loss: 0.1523, accuracy: 0.9412 });
    expect(m.eval.loss).toBeNaN();
    expect(m.eval.latency_ms).toBe(Infinity);
    expect(m.eval.per_class.f1).toEqual([0.91, 0.88, 0.93]);
    expect(m.seed).toBe(9223372036854775807n);
  });

  it('names the line and column of a bad value', () => {
    const p = placeOf('[train]\nloss = 0.1\nacc = 0.9.1\n', 'metrics.toml');
    // smol-toml points at the second '.', the first character that cannot belong to a number.
    expect(p.line).toBe(3);
    expect(p.column).toBe(10);
    expect(p.message).toMatch(/^invalid TOML: /);
  });
});

describe('CSV and TSV', () => {
  it('reads a one-row table with a quoted comma', () => {
    expect(parseMetricsFile(fixture('formats/one-row.csv'), 'one-row.csv')).toEqual({
      accuracy: 0.9127,
      f1: 0.8844,
      loss: 0.2311,
      model: 'resnet,34',
    });
  });

  it('reads name,value rows with a header, and nan', () => {
    const m = parseMetricsFile(fixture('formats/name-value.csv'), 'name-value.csv');
    expect(Object.keys(m)).toEqual(['accuracy', 'f1', 'loss', 'auc']);
    expect(m.accuracy).toBe(0.9127);
    expect(m.auc).toBeNaN();
  });

  it('reads name,value rows without a header, tab separated', () => {
    expect(parseMetricsFile(fixture('formats/name-value.tsv'), 'name-value.tsv')).toEqual({
      accuracy: 0.9127,
      f1: 0.8844,
      loss: 0.2311,
    });
  });

  it("skips pandas' unnamed index column", () => {
    expect(parseMetricsFile(fixture('formats/pandas.csv'), 'pandas.csv')).toEqual({ accuracy: 0.9127, loss: 0.2311 });
  });

  it('tells a two-column one-row table from a name,value pair', () => {
    expect(parseMetricsFile('accuracy,loss\n0.9,0.1\n', 'm.csv')).toEqual({ accuracy: 0.9, loss: 0.1 });
    expect(parseMetricsFile('accuracy,0.9\nloss,0.1\n', 'm.csv')).toEqual({ accuracy: 0.9, loss: 0.1 });
    expect(parseMetricsFile('accuracy,0.9\n', 'm.csv')).toEqual({ accuracy: 0.9 });
    expect(parseMetricsFile('name,value\nmodel,resnet\n', 'm.csv')).toEqual({ model: 'resnet' });
  });

  it('reads cells as numbers, booleans, null and strings', () => {
    expect(parseMetricsFile('a,b,c,d,e\n1e-3,True,,-inf,x y\n', 'm.csv')).toEqual({
      a: 0.001,
      b: true,
      c: null,
      d: -Infinity,
      e: 'x y',
    });
  });

  it('refuses a series (a real dvclive plots file) at its second data row', () => {
    const p = placeOf(fixture('experiments/dice_multi.tsv'), 'dice_multi.tsv');
    expect(p).toMatchObject({ line: 3, column: 1 });
    expect(p.message).toMatch(/plots file/);
  });

  it('refuses ragged rows and unterminated quotes with their line', () => {
    expect(placeOf('a,b,c\n1,2\n', 'm.csv')).toMatchObject({ line: 2, column: 1 });
    expect(placeOf('a,b\n1,"x\n', 'm.csv')).toMatchObject({ line: 2, column: 3 });
    expect(placeOf('a,b,c\n1,2,3\n4,5,6\n', 'm.csv')).toMatchObject({ line: 3 });
  });
});

describe('detectFormat', () => {
  it('goes by extension, case-insensitively', () => {
    expect(detectFormat('m.JSON', '')).toBe('json');
    expect(detectFormat('p.yml', '')).toBe('yaml');
    expect(detectFormat('x.tsv', 'a,b')).toBe('tsv');
  });

  it('sniffs files without a known extension', () => {
    expect(detectFormat('auc.metric', '{"auc": 0.9}')).toBe('json');
    expect(detectFormat('metrics', '# m\n[train]\nloss = 1\n')).toBe('toml');
    expect(detectFormat('metrics', 'loss = 1\n')).toBe('toml');
    expect(detectFormat('metrics', 'train:\n  loss: 1\n')).toBe('yaml');
    expect(detectFormat('scores.txt', 'acc\t0.9\n')).toBe('tsv');
    expect(detectFormat('scores.txt', 'acc,0.9\n')).toBe('csv');
    expect(detectFormat('scores', '[0.1, 0.2]')).toBe('json');
  });
});
