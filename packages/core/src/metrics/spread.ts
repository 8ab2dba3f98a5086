import type { Direction } from './direction.js';
import { sameShown } from './format.js';
import { boundsInterval, DEFAULT_CONFIDENCE, differenceInterval, type DifferenceInterval } from './interval.js';
import { sizeOf, type Distribution } from './samples.js';

/** What a row compared as distributions carries besides its means (MetricRow.spread). */
export interface Spread {
  base?: Distribution;
  head?: Distribution;
  /** Values behind each side (1 for Bencher's bounds); null on the side that has none. */
  n: { base: number | null; head: number | null };
  /** The interval for head − base; undefined when it cannot be made (`reason` says why). */
  interval?: DifferenceInterval;
  /** Why there is no interval, or why the verdict is what it is. */
  reason?: string;
}

export type SpreadStatus = 'improved' | 'regressed' | 'unchanged' | 'changed' | 'inconclusive';

/**
 * The verdict for a metric with a distribution on at least one side, direction aware, at the
 * shown precision as single values are:
 *   - unchanged: the whole interval is too small to show (both ends, added to the base mean,
 *     round to the base mean, and taken from the head mean, to the head mean);
 *   - improved / regressed: the interval lies wholly on the better / worse side of zero and the
 *     means differ at the shown precision (a real difference too small to show is unchanged);
 *   - inconclusive: the interval holds zero (the change may be noise), or there is no interval
 *     (a side with a single value says nothing of its noise);
 *   - an informational metric (direction none) is unchanged or changed, by its means.
 * Non-finite values are left to the single-value rules (the caller compares the means).
 */
export function compareSpread(
  base: Distribution | undefined,
  head: Distribution | undefined,
  means: { base: number; head: number },
  direction: Direction,
  precision: number,
  level = DEFAULT_CONFIDENCE,
): { status: SpreadStatus; spread: Spread } {
  const n = { base: sizeOf(base), head: sizeOf(head) };
  const spread: Spread = { ...(base ? { base } : {}), ...(head ? { head } : {}), n };
  const interval = intervalOf(base, head, means, level);
  if (interval) spread.interval = interval;
  else spread.reason = noIntervalReason(base, head);
  if (direction === 'none') return { status: sameShown(means.base, means.head, precision) ? 'unchanged' : 'changed', spread };
  if (!interval) return { status: 'inconclusive', spread };
  // Seen from both sides, so that swapping base and head cannot turn "unchanged" into a verdict.
  const invisible = [interval.low, interval.high].every(
    (end) => sameShown(means.base, means.base + end, precision) && sameShown(means.head, means.head - end, precision),
  );
  if (invisible) return { status: 'unchanged', spread };
  const up = interval.low > 0;
  const down = interval.high < 0;
  if (!up && !down) {
    spread.reason = 'the interval holds zero: the change may be noise';
    return { status: 'inconclusive', spread };
  }
  if (sameShown(means.base, means.head, precision)) return { status: 'unchanged', spread };
  return { status: up === (direction === 'higher') ? 'improved' : 'regressed', spread };
}

/**
 * The interval for head − base: Welch's t or the bootstrap for repeated values (interval.ts picks),
 * Bencher's bounds for bounds; a single plain value on one side against bounds on the other counts
 * as exact. Undefined when one side is repeated values and the other is not, or has one value.
 */
export function intervalOf(
  base: Distribution | undefined,
  head: Distribution | undefined,
  means: { base: number; head: number },
  level = DEFAULT_CONFIDENCE,
): DifferenceInterval | undefined {
  if (base?.kind === 'values' && head?.kind === 'values') {
    if (![...base.values, ...head.values].every(Number.isFinite)) return undefined;
    return differenceInterval(base.values, head.values, level);
  }
  if (base?.kind === 'values' || head?.kind === 'values') return undefined;
  const exact = (value: number) => ({ value, lower: null, upper: null });
  return boundsInterval(base ?? exact(means.base), head ?? exact(means.head));
}

function noIntervalReason(base: Distribution | undefined, head: Distribution | undefined): string {
  const one = (d: Distribution | undefined) => d === undefined || (d.kind === 'values' && d.values.length < 2) || d.kind === 'bounds';
  const values = [base, head].flatMap((d) => (d?.kind === 'values' ? d.values : []));
  if (!values.every(Number.isFinite)) return 'a value is not finite';
  if (one(base) && one(head)) return 'one value on each side';
  return one(base) ? 'a single value on the base side: no spread to compare with' : 'a single value on the head side: no spread to compare with';
}
