import { describe, expect, it } from 'vitest';
import { chiSquareSurvival, chiSquareTest, jensenShannon, ksTwoSample, wasserstein } from './stats.js';

// Reference values computed with scipy 1.10 (scipy.stats / scipy.spatial.distance).
const a = [
  0.61, 0.29, 0.06, 0.59, -1.73, -0.74, 0.51, -0.56, 0.39, 1.64, 0.05, -0.06, 0.64, -0.82, 0.37, 1.77, 1.09, -1.28, 2.36, 1.31, 1.05, -0.32, -0.4, 1.06, -2.47,
];
const b = [2.2, 1.66, 1.38, 0.2, 0.36, 0.0, 0.96, 1.56, 0.44, 1.5, -0.3, 0.66, 2.31, 3.29, -0.27, -0.56, 0.87, 0.59, 1.11, 1.05, 1.73, 0.41, 1.61, 1.08];
const sorted = (x: number[]) => Float64Array.from(x).sort();

describe('drift statistics', () => {
  it('KS statistic equals scipy ks_2samp; its p-value is close to the exact one', () => {
    const r = ksTwoSample(sorted(a), sorted(b));
    expect(r.statistic).toBeCloseTo(0.345, 10);
    expect(Math.abs(r.pValue - 0.08504)).toBeLessThan(0.01);
  });

  it('Wasserstein distance equals scipy wasserstein_distance', () => {
    expect(wasserstein(sorted(a), sorted(b))).toBeCloseTo(0.7769333333333334, 10);
    expect(wasserstein(sorted(a), sorted(a))).toBe(0);
  });

  it('chi-square survival equals scipy chi2.sf', () => {
    expect(chiSquareSurvival(3.7, 2)).toBeCloseTo(0.1572371663136276, 8);
    expect(chiSquareSurvival(25, 10)).toBeCloseTo(0.005345505487134069, 8);
    expect(chiSquareSurvival(0.5, 1)).toBeCloseTo(0.47950012218695337, 8);
  });

  it('chi-square test equals scipy chi2_contingency (no correction) on counts', () => {
    const ref = new Map([
      ['x', 40],
      ['y', 40],
      ['z', 20],
    ]);
    const cur = new Map([
      ['x', 30],
      ['y', 50],
      ['z', 20],
    ]);
    expect(chiSquareTest(['x', 'y', 'z'], ref, cur)).toBeCloseTo(0.28087620176428163, 8);
    // One row of a category the reference never had is weighed like any other row.
    expect(chiSquareTest(['x', 'y', 'z', 'new'], ref, new Map([...cur, ['new', 1]]))).toBeCloseTo(0.3162772984097385, 8);
  });

  it('Jensen-Shannon distance equals scipy jensenshannon (natural log)', () => {
    expect(jensenShannon([0.5, 0.3, 0.2], [0.2, 0.3, 0.5])).toBeCloseTo(0.257709748326061, 10);
    expect(jensenShannon([1, 0], [1, 0])).toBe(0);
  });
});
