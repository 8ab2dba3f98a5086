import fc from 'fast-check';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { describe, expect, it } from 'vitest';
import { bootstrapInterval, boundsInterval, chooseMethod, differenceInterval, quantile, skewness, welchInterval } from './interval.js';

/** A seeded normal generator (Box–Muller) for the simulations. */
function normals(seed: number): (mu: number, sd: number, n: number) => number[] {
  const rng = xoroshiro128plus(seed);
  return (mu, sd, n) =>
    Array.from({ length: n }, () => {
      const u = 1 - uniformFloat64(rng);
      const v = uniformFloat64(rng);
      return mu + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    });
}

describe("Welch's t interval", () => {
  const base = [0.912, 0.925, 0.931, 0.918, 0.94];
  const head = [0.935, 0.951, 0.944, 0.962, 0.948, 0.957];

  it("matches scipy's ttest_ind(equal_var=False).confidence_interval at 95% and 90%", () => {
    const i95 = welchInterval(base, head, 0.95);
    expect(i95.low).toBeCloseTo(0.009892567940256895, 12);
    expect(i95.high).toBeCloseTo(0.038707432059743085, 12);
    expect(i95.df).toBeCloseTo(8.092252417628853, 10);
    const i90 = welchInterval(base, head, 0.9);
    expect(i90.low).toBeCloseTo(0.012676053947063008, 12);
    expect(i90.high).toBeCloseTo(0.035923946052936966, 12);
  });

  it('is the exact difference when neither side has any spread', () => {
    expect(welchInterval([1, 1, 1], [3, 3])).toMatchObject({ low: 2, high: 2, df: null });
  });

  it('needs two values per side', () => {
    expect(differenceInterval([1], [1, 2, 3])).toBeUndefined();
    expect(differenceInterval([1, 2], [3])).toBeUndefined();
  });
});

describe('the method rule', () => {
  it("uses Welch's t for few values, even skewed ones, and says why", () => {
    expect(chooseMethod([1, 2, 3, 4, 5], [2, 3, 4, 5, 6])).toEqual({ method: 'welch', why: 'n = 5 and 5, not skewed' });
    expect(chooseMethod([1, 2, 3, 10, 50], [1, 2, 3, 4, 5]).why).toBe('n = 5 and 5, skewed but too few values to bootstrap (fewer than 20)');
  });

  it('bootstraps skewed samples of 20 or more values', () => {
    const skewed = [1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 3, 3, 3, 4, 5, 8, 20, 40];
    expect(skewness(skewed)).toBeGreaterThan(1);
    expect(chooseMethod(skewed, skewed).method).toBe('bootstrap');
    expect(differenceInterval(skewed, skewed)?.method).toBe('bootstrap');
  });

  it("computes skewness as scipy's skew(bias=False)", () => {
    expect(skewness([1, 2, 3, 10, 50])).toBeCloseTo(2.085556134530014, 12);
  });
});

describe('the percentile bootstrap', () => {
  const base = normals(7)(10, 2, 30);
  const head = normals(8)(11, 2, 30);

  it('gives the same interval for the same seed, another for another seed', () => {
    const a = bootstrapInterval(base, head, 0.95, 1);
    expect(bootstrapInterval(base, head, 0.95, 1)).toEqual(a);
    expect(bootstrapInterval(base, head, 0.95, 2)).not.toEqual(a);
  });

  it("lands near Welch's interval on normal data of 30 values a side", () => {
    const b = bootstrapInterval(base, head);
    const w = welchInterval(base, head);
    const width = w.high - w.low;
    expect(Math.abs(b.low - w.low)).toBeLessThan(0.1 * width);
    expect(Math.abs(b.high - w.high)).toBeLessThan(0.1 * width);
  });

  it('interpolates quantiles as numpy does', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4], 0.25)).toBeCloseTo(1.75, 12);
  });
});

describe('coverage, simulated (the reason for the method rule)', () => {
  // 400 simulated pairs of 5 seeds each, true difference 0.5: how often does the 95 % interval hold it?
  const coverage = (make: (b: number[], h: number[]) => { low: number; high: number }) => {
    const draw = normals(42);
    let hit = 0;
    const runs = 400;
    for (let i = 0; i < runs; i++) {
      const { low, high } = make(draw(0, 1, 5), draw(0.5, 2, 5));
      if (low <= 0.5 && 0.5 <= high) hit++;
    }
    return hit / runs;
  };

  it("Welch's t holds the true difference about 95 % of the time at n = 5", () => {
    const c = coverage((b, h) => welchInterval(b, h));
    expect(c).toBeGreaterThan(0.92);
    expect(c).toBeLessThan(0.98);
  });

  it('a percentile bootstrap of 5 values holds it far less often', () => {
    expect(coverage((b, h) => bootstrapInterval(b, h, 0.95, 1, 2000))).toBeLessThan(0.9);
  });
});

describe('properties', () => {
  const sample = fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 2, maxLength: 12 });

  it('swapping base and head flips the interval', () => {
    fc.assert(
      fc.property(sample, sample, (b, h) => {
        const ab = differenceInterval(b, h)!;
        const ba = differenceInterval(h, b)!;
        expect(ba.method).toBe(ab.method);
        if (ab.method === 'welch') {
          expect(ba.low).toBeCloseTo(-ab.high, 6);
          expect(ba.high).toBeCloseTo(-ab.low, 6);
        }
      }),
    );
  });

  it('holds the difference of the sample means, and shifts with the head', () => {
    fc.assert(
      fc.property(sample, sample, fc.double({ min: -100, max: 100, noNaN: true }), (b, h, shift) => {
        const w = welchInterval(b, h);
        const d = h.reduce((s, x) => s + x, 0) / h.length - b.reduce((s, x) => s + x, 0) / b.length;
        const eps = 1e-9 * (1 + Math.abs(d));
        expect(w.low).toBeLessThanOrEqual(d + eps);
        expect(w.high).toBeGreaterThanOrEqual(d - eps);
        const moved = welchInterval(
          b,
          h.map((x) => x + shift),
        );
        expect(moved.low - w.low).toBeCloseTo(shift, 4);
      }),
    );
  });

  it('holds the true difference in about 95 % of simulated cases', () => {
    let hit = 0;
    let runs = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 30 }),
        fc.integer({ min: 2, max: 30 }),
        fc.double({ min: 0.1, max: 5, noNaN: true }),
        fc.integer(),
        (nb, nh, sd, seed) => {
          const draw = normals(seed);
          const i = welchInterval(draw(1, 1, nb), draw(1.2, sd, nh));
          runs++;
          if (i.low <= 0.2 && 0.2 <= i.high) hit++;
        },
      ),
      { numRuns: 1000, seed: 15 },
    );
    expect(hit / runs).toBeGreaterThan(0.93);
  });
});

describe("Bencher's bounds", () => {
  it('give every difference the two ranges allow', () => {
    expect(boundsInterval({ value: 10, lower: 9, upper: 11 }, { value: 14, lower: 13, upper: 16 })).toMatchObject({
      low: 2,
      high: 7,
      method: 'bounds',
      level: null,
    });
    expect(boundsInterval({ value: 10, lower: null, upper: null }, { value: 12, lower: 11, upper: null })).toMatchObject({ low: 1, high: 2 });
  });
});
