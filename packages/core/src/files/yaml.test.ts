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
    for (let i = 1; i < 9; i++)
      levels.push(
        `l${i}: &l${i} [${Array(10)
          .fill(i === 1 ? '*a' : `*l${i - 1}`)
          .join(', ')}]`,
      );
    expect(() => parseMetricsFile(levels.join('\n'), 'bomb.yaml')).toThrow(/aliases expand to more than/);
  });
});

describe('deep metrics', () => {
  const deepJson = (n: number) => '{"m":\n' + '{"a":'.repeat(n) + '1' + '}'.repeat(n) + '}';

  it('refuses JSON nested 5,000 levels deep at the bracket that passes 100 levels', () => {
    expect(() => parseMetricsFile(deepJson(5000), 'metrics.json')).toThrow(
      expect.objectContaining({ name: 'UserError', file: 'metrics.json', line: 2, column: 1 + 99 * 5, message: 'invalid JSON: nested deeper than 100 levels' }),
    );
  });

  it('keeps brackets inside strings out of the count, and 100 levels in', () => {
    expect(parseMetricsFile(`{"s": "${'['.repeat(500)}"}`, 'm.json')).toEqual({ s: '['.repeat(500) });
    expect(() => parseMetricsFile(deepJson(99), 'm.json')).not.toThrow();
  });

  it('refuses YAML and TOML nested 5,000 levels deep with the file', () => {
    expect(() => parseMetricsFile('a: ' + '['.repeat(5000) + ']'.repeat(5000), 'm.yaml')).toThrow(expect.objectContaining({ file: 'm.yaml', line: 1 }));
    expect(() => parseMetricsFile('a: ' + '['.repeat(150) + ']'.repeat(150), 'm.yaml')).toThrow(/YAML nested deeper than 100 levels/);
    expect(() => parseMetricsFile('a = ' + '['.repeat(5000) + ']'.repeat(5000), 'm.toml')).toThrow(
      expect.objectContaining({ name: 'UserError', file: 'm.toml' }),
    );
  });
});

describe('YAML mappings', () => {
  it('a repeated key is an error at its second occurrence', () => {
    expect(() => parseMetricsFile('a: 1\nb: 2\na: 3\n', 'm.yaml')).toThrow(
      expect.objectContaining({ file: 'm.yaml', line: 3, column: 1, message: 'invalid YAML: Map keys must be unique' }),
    );
  });

  it('reads 100,000 keys in one mapping', () => {
    const text = Array.from({ length: 100_000 }, (_, i) => `m${i}: ${i}`).join('\n');
    const value = parseMetricsFile(text, 'm.yaml');
    expect(Object.keys(value)).toHaveLength(100_000);
    expect(value.m99999).toBe(99_999);
  });
});
