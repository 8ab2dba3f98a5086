import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flatten } from './flatten.js';
import { parseMetricsFile } from './parse.js';

const read = (p: string) => parseMetricsFile(readFileSync(join(import.meta.dirname, 'fixtures', p), 'utf8'), p);

describe('flatten', () => {
  it('joins DVC-style nesting with dots, in file order', () => {
    const flat = flatten(read('experiments/head/results/train/metrics.json'));
    expect(flat).toEqual({
      'train.loss': 0.028672734275460243,
      'eval.loss': 0.01913931407034397,
      dice_multi: 0.9028248236590616,
      step: 8,
      'evaluate/dice_multi': 0.8792422521273259,
    });
    expect(Object.keys(flat)).toEqual(['train.loss', 'eval.loss', 'dice_multi', 'step', 'evaluate/dice_multi']);
  });

  it('indexes arrays with [i], nested arrays too', () => {
    expect(flatten({ layers: [{ units: 128 }, { units: 64, act: 'relu' }], grid: [[1, 2], [3]], tags: ['a'] })).toEqual({
      'layers[0].units': 128,
      'layers[1].units': 64,
      'layers[1].act': 'relu',
      'grid[0][0]': 1,
      'grid[0][1]': 2,
      'grid[1][0]': 3,
      'tags[0]': 'a',
    });
  });

  it('flattens YAML params with lists and merged anchors', () => {
    const flat = flatten(read('formats/params-lists.yaml'));
    expect(flat['train.layers[1].units']).toBe(64);
    expect(flat['train.augment[1]']).toBe('crop');
    expect(flat['train.optimizer']).toBe('adam');
    expect(flat['train.dropout']).toBeNaN();
  });

  it('keeps dots inside a key literally, so two spellings of a path collide (later wins)', () => {
    expect(flatten({ 'a.b': { c: 1 } })).toEqual({ 'a.b.c': 1 });
    expect(flatten({ 'a.b': { c: 1 }, a: { b: { c: 2 } } })).toEqual({ 'a.b.c': 2 });
  });

  it('keeps every kind of leaf, drops empty containers, turns dates and bigints into strings and numbers', () => {
    const flat = flatten({
      nan: NaN,
      inf: -Infinity,
      s: 'x',
      t: true,
      n: null,
      empty: {},
      none: [],
      when: new Date('2024-05-10T00:00:00Z'),
      seed: 12345678901234567890n,
    });
    expect(Object.keys(flat)).toEqual(['nan', 'inf', 's', 't', 'n', 'when', 'seed']);
    expect(flat.nan).toBeNaN();
    expect(flat.inf).toBe(-Infinity);
    expect(flat.n).toBeNull();
    expect(flat.when).toBe('2024-05-10T00:00:00.000Z');
    expect(flat.seed).toBe(12345678901234567000);
  });

  it('keeps a __proto__ key as data', () => {
    const flat = flatten(JSON.parse('{"__proto__": {"x": 1}}'));
    expect(Object.keys(flat)).toEqual(['__proto__.x']);
    const own = JSON.parse('{"__proto__": 5}');
    const f2 = flatten(own);
    expect(Object.hasOwn(f2, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(f2)).toBe(Object.prototype);
  });
});
