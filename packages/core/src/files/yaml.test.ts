import { describe, expect, it } from 'vitest';
import { parseMetricsFile } from '../metrics/parse.js';
import { MAX_ALIAS_EXPANSION } from './yaml.js';

/** An anchored map of `keys` entries and `aliases` uses of it, one a line after the anchor. */
function aliasBomb(keys: number, aliases: number): string {
  const base = Array.from({ length: keys }, (_, i) => `  k${i}: ${i}`).join('\n');
  const uses = Array.from({ length: aliases }, (_, i) => `s${i}: *base`).join('\n');
  return `base: &base\n${base}\n${uses}\n`;
}

describe('YAML aliases', () => {
  it('keeps a params file that shares a block a few times', () => {
    const text = 'defaults: &d\n  lr: 0.1\n  depth: 3\ntrain:\n  <<: *d\n  lr: 0.2\neval: *d\n';
    expect(parseMetricsFile(text, 'params.yaml')).toEqual({
      defaults: { lr: 0.1, depth: 3 },
      train: { lr: 0.2, depth: 3 },
      eval: { lr: 0.1, depth: 3 },
    });
  });

  it('refuses 999 aliases of one large map at the alias that passes the bound, with file and line', () => {
    const text = aliasBomb(200, 999);
    expect(text.length).toBeLessThan(40_000);
    let error: any;
    try {
      parseMetricsFile(text, 'params.yaml');
    } catch (e) {
      error = e;
    }
    expect(error?.name).toBe('UserError');
    expect(error.file).toBe('params.yaml');
    // 200 keys + values + the map itself: 401 nodes per alias; the bound is passed at alias 250.
    const crossing = Math.floor(MAX_ALIAS_EXPANSION / 401) + 1;
    expect(error.line).toBe(1 + 200 + crossing);
    expect(error.message).toMatch(/aliases expand to more than 100,000 nodes/);
  });

  it('refuses nested aliases (a "billion laughs") without expanding them', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) levels.push(`l${i}: &l${i} [${Array(10).fill(i === 1 ? '*a' : `*l${i - 1}`).join(', ')}]`);
    expect(() => parseMetricsFile(levels.join('\n'), 'bomb.yaml')).toThrow(/aliases expand to more than/);
  });
});
