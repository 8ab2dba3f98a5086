import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCount } from './count.js';

describe('formatCount', () => {
  it('writes what Intl.NumberFormat en-US writes for every safe integer', () => {
    const intl = new Intl.NumberFormat('en-US');
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.integer({ min: -1e7, max: 1e7 })), (n) => {
        expect(formatCount(n)).toBe(intl.format(n));
      }),
      { numRuns: 5000 },
    );
    for (const n of [0, -0, 999, 1000, -1000, 999_999, 1_000_000, Number.MAX_SAFE_INTEGER]) expect(formatCount(n)).toBe(intl.format(n));
  });

  it('leaves fractions and non-finite numbers to Intl', () => {
    expect(formatCount(1234.5678)).toBe('1,234.568');
    expect(formatCount(Number.NaN)).toBe('NaN');
    expect(formatCount(Number.POSITIVE_INFINITY)).toBe('∞');
  });
});
