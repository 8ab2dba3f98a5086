import { describe, expect, it } from 'vitest';
import { diffMetrics } from './diff.js';
import type { Files } from './flatten.js';
import { flatten } from './flatten.js';
import { parseGates } from './gates.js';
import { flatSliceKeys, parseSliceKey, renderSlices, sliceRows, withoutSlices, withSliceGates } from './slices.js';

const files = (o: Record<string, unknown>): Files => flatSliceKeys(new Map([['metrics.json', flatten(o)]]));

const base = files({
  accuracy: 0.9,
  slice: { 'age.lt.30': { recall: 0.9, count: 100 }, 'age.ge.30': { recall: 0.8, count: 80 }, tiny: { recall: 0.9, count: 5 } },
});
const head = files({
  accuracy: 0.91,
  slice: { 'age.lt.30': { recall: 0.85, count: 100 }, 'age.ge.30': { recall: 0.82, count: 81 }, tiny: { recall: 0.2, count: 5 } },
});

describe('slice keys', () => {
  it('rewrites the nested shape to slice/<name>/<metric>, names found from their count (dots kept)', () => {
    expect(Object.keys(head.get('metrics.json')!)).toEqual([
      'accuracy',
      'slice/age.lt.30/recall',
      'slice/age.lt.30/count',
      'slice/age.ge.30/recall',
      'slice/age.ge.30/count',
      'slice/tiny/recall',
      'slice/tiny/count',
    ]);
    expect(parseSliceKey('slice/age.lt.30/recall')).toEqual({ slice: 'age.lt.30', metric: 'recall' });
    expect(parseSliceKey('slices/a/b/recall')).toEqual({ slice: 'a/b', metric: 'recall' });
    expect(parseSliceKey('sliced/a/recall')).toBeUndefined();
    expect(parseSliceKey('slice/recall')).toBeUndefined();
  });

  it('leaves flat keys and files without slices as they are', () => {
    const flat = new Map([['m.json', { 'slice/x/recall': 0.5, 'slice/x/count': 3, loss: 1 }]]);
    expect(flatSliceKeys(flat).get('m.json')).toEqual(flat.get('m.json'));
  });
});

describe('the slices table', () => {
  const gates = parseGates('metrics:\n  "slice/*/recall": { min: 0.8 }\n', '.mlci/gates.yml');
  const whole = diffMetrics(base, head, { rules: gates });
  const slices = sliceRows(whole, 30);

  it('orders slices worst first, direction aware, with thin slices last and no verdict', () => {
    expect(slices.map((s) => [s.slice, s.tooFew])).toEqual([
      ['age.lt.30', false],
      ['age.ge.30', false],
      ['tiny', true],
    ]);
    const md = renderSlices(slices, { precision: 4, minCount: 30, baseline: true });
    const lines = md.split('\n').filter((l) => l.startsWith('|'));
    expect(lines[2]).toContain('🔴 recall regressed');
    expect(lines[3]).toContain('🟢 improved');
    expect(lines[3]).toContain('80 → 81');
    expect(lines[4]).toContain('⚠️ too few rows');
    expect(lines[4]).not.toMatch(/🔴|🟢/);
  });

  it('a gate on a thin slice is not evaluated, never passed or failed; the rest keep their outcome', () => {
    // The tiny slice's recall (0.2) fails the floor before the rule: it is not evaluated after.
    expect(whole.gates.find((g) => g.key === 'slice/tiny/recall')?.outcome).toBe('failed');
    const diff = withSliceGates(whole, slices, 30);
    expect(diff.gates.map((g) => [g.key, g.outcome])).toEqual([
      ['slice/age.lt.30/recall', 'passed'],
      ['slice/age.ge.30/recall', 'passed'],
      ['slice/tiny/recall', 'not evaluated'],
    ]);
    expect(diff.gates[2].message).toContain('5 rows, fewer than slice-min-count 30');
    expect(diff.verdict).toBe('incomplete');
    expect(diff.passed).toBe(false);
  });

  it('with a minimum of 0 every slice is evaluated', () => {
    const all = sliceRows(whole, 0);
    expect(all.every((s) => !s.tooFew)).toBe(true);
    expect(all[0].slice).toBe('tiny');
    expect(withSliceGates(whole, all, 0).verdict).toBe('failed');
  });

  it('keeps slice rows out of the main table, and thin slices out of the counts', () => {
    expect(withoutSlices(whole).metrics.map((r) => r.key)).toEqual(['accuracy']);
    const counted = withoutSlices(whole, (s) => !s.tooFew, slices);
    expect(counted.metrics.map((r) => r.key)).toEqual(['accuracy', 'slice/age.lt.30/recall', 'slice/age.ge.30/recall']);
  });

  it('escapes slice names', () => {
    const odd = files({ slice: { '<b>@team|x': { recall: 1, count: 40 } } });
    const md = renderSlices(sliceRows(diffMetrics(odd, odd), 30), { precision: 4, minCount: 30, baseline: true });
    expect(md).toContain('&lt;b&gt;@&#8203;team\\|x');
  });
});
