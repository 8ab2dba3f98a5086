import { variance } from './interval.js';
import type { Distribution } from './samples.js';
import type { Spread } from './spread.js';

/**
 * What the diff JSON adds to a metric compared as a distribution (its `base` and `head` are the
 * means): the sizes, the standard deviations, Bencher's bounds, and the interval for head − base
 * with its method and why; `ci` is null (and `reason` says why) when none could be made.
 */
export interface SpreadJson {
  n: { base: number | null; head: number | null };
  sd: { base: number | null; head: number | null };
  ci: { level: number | null; low: number; high: number; method: 'welch' | 'bootstrap' | 'bounds'; df: number | null; why: string } | null;
  reason?: string;
  bounds?: { base?: { lower: number | null; upper: number | null }; head?: { lower: number | null; upper: number | null } };
}

export function spreadJson(s: Spread): SpreadJson {
  const sd = (d: Distribution | undefined) => (d?.kind === 'values' && d.values.length > 1 ? finiteOrNull(Math.sqrt(variance(d.values))) : null);
  const bounds = (d: Distribution | undefined) => (d?.kind === 'bounds' ? { lower: d.lower, upper: d.upper } : undefined);
  const [bb, hb] = [bounds(s.base), bounds(s.head)];
  const i = s.interval;
  return {
    n: s.n,
    sd: { base: sd(s.base), head: sd(s.head) },
    ci: i ? { level: i.level, low: i.low, high: i.high, method: i.method, df: i.df, why: i.why } : null,
    ...(s.reason ? { reason: s.reason } : {}),
    ...(bb || hb ? { bounds: { ...(bb ? { base: bb } : {}), ...(hb ? { head: hb } : {}) } } : {}),
  };
}

function finiteOrNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}
