import { describe, expect, it } from 'vitest';
import { compilePattern } from './pattern.js';

describe('compilePattern', () => {
  it('matches as a JavaScript RegExp would for the usual syntax, a repeated value alike', () => {
    const cases: Array<[string, string[]]> = [
      ['^[^@]+@[^@]+$', ['a@b', 'ab', 'a@b@c', '']],
      ['^\\d{3}-\\p{L}+$', ['123-héllo', '12-x', '123-', '123-abc\n']],
      ['colou?r', ['color', 'the colour', 'colr']],
      ['^(a+)+$', ['aaaa', 'aaab']],
    ];
    for (const [source, values] of cases) {
      const p = compilePattern(source);
      const js = new RegExp(source, 'u');
      for (const v of [...values, ...values]) expect([source, v, p.test(v)]).toEqual([source, v, js.test(v)]);
    }
  });

  it('answers ^(a+)+$ on 100,000 a and a b', () => {
    expect(compilePattern('^(a+)+$').test('a'.repeat(100_000) + 'b')).toBe(false);
  });

  it('refuses lookaround and backreferences', () => {
    expect(() => compilePattern('(?=a)')).toThrow(/\(\?=/);
    expect(() => compilePattern('(a)\\1')).toThrow(/\\1/);
  });
});
