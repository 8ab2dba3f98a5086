import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { logGamma, studentT, upperTail } from './student-t.js';

// Reference figures from scipy 1.17: python3 -c "from scipy import stats; print(stats.t.ppf(p, df))".
const T_PPF: Array<[number, number, number]> = [
  [0.975, 1, 12.706204736174694],
  [0.975, 2, 4.302652729749462],
  [0.975, 4, 2.7764451051977934],
  [0.975, 7.3, 2.345066736547703],
  [0.995, 2.5, 7.163728138948783],
  [0.95, 30, 1.697260886593957],
  [0.975, 1000, 1.9623390808264083],
  [0.9, 3.7, 1.5575658388615072],
  [0.025, 10, -2.2281388519862753],
  [0.975, 0.5, 164.55767348048818],
  [0.999999, 3, 103.29946777942898],
  [0.9999, 1, 3183.098757118502],
  [0.975, 1e6, 1.959966356814107],
  [0.6, 2.2, 0.2853915458883041],
  [0.5000001, 5, 2.6343055223849135e-7],
  [1e-8, 12, -12.98409809086107],
];

describe("Student's t quantile", () => {
  it.each(T_PPF)('t.ppf(%f, %f) matches scipy to 9 significant digits', (p, df, expected) => {
    expect(Math.abs(studentT(p, df) - expected)).toBeLessThan(Math.abs(expected) * 1e-9);
  });

  it('is the exact t for df 1 (Cauchy) and 2, which have closed forms', () => {
    for (const p of [0.6, 0.9, 0.975, 0.999]) {
      expect(studentT(p, 1)).toBeCloseTo(Math.tan(Math.PI * (p - 0.5)), 9);
      const a = 4 * p * (1 - p);
      expect(studentT(p, 2)).toBeCloseTo((2 * p - 1) * Math.sqrt(2 / a), 10);
    }
  });

  it('is symmetric, increasing in p, and inverts the tail', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.501, max: 0.9999, noNaN: true }), fc.double({ min: 0.2, max: 500, noNaN: true }), (p, df) => {
        const t = studentT(p, df);
        expect(studentT(1 - p, df)).toBeCloseTo(-t, 8);
        expect(studentT(Math.min(p + 1e-4, 0.99995), df)).toBeGreaterThan(t);
        expect(upperTail(t, df)).toBeCloseTo(1 - p, 11);
      }),
    );
  });

  it('has its edges', () => {
    expect(studentT(0.5, 3)).toBe(0);
    expect(studentT(1, 3)).toBe(Infinity);
    expect(studentT(0, 3)).toBe(-Infinity);
    expect(studentT(0.9, 0)).toBeNaN();
  });

  it('takes ln Γ from Lanczos to about 15 digits', () => {
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 13);
    expect(logGamma(10)).toBeCloseTo(Math.log(362880), 12);
  });
});
