import type { MetricRow } from './diff.js';
import { formatNumber, formatPercent } from './format.js';
import { DEFAULT_CONFIDENCE } from './interval.js';
import { intervalOf } from './spread.js';

/** A limit as gates.yml writes it: a number is absolute, "2%" relative to |base|. */
export interface Limit {
  value: number;
  relative: boolean;
}

export type IntervalGate = 'max-regression' | 'min-improvement';

/** What a check against an interval gives: the shape of gates.ts' GateResult without its place. */
export interface IntervalCheck {
  rule: string;
  outcome: 'passed' | 'failed' | 'inconclusive' | 'not evaluated';
  message: string;
}

/**
 * `max-regression` and `min-improvement` against the interval for the change, for a metric with
 * several values per side (seeds, folds, Bencher's bounds), at the rule's `confidence` (0.95 when
 * not set). With the change's interval turned into "how much worse" (or "how much better"):
 *
 *   max-regression X   failed when even the interval's best case is worse by more than X (regressed
 *                      by more than X with that confidence); passed when its worst case is within X;
 *                      else inconclusive: the regression may or may not exceed X.
 *   min-improvement X  passed when even the interval's worst case is better by X or more; failed when
 *                      its best case is short of X; else inconclusive, never a pass.
 *
 * Undefined when the rule is for single values (no distribution, no `confidence`): gates.ts checks
 * the raw change then. A rule with `confidence` on single values is not evaluated: one value per
 * side says nothing of the noise.
 */
export function checkInterval(row: MetricRow, gate: IntervalGate, limit: Limit, confidence: number | undefined): IntervalCheck | undefined {
  const spread = row.spread;
  if (!spread && confidence === undefined) return undefined;
  // A new metric and an informational one: gates.ts says why they are not evaluated.
  if (row.status === 'added' || row.direction === 'none') return undefined;
  const level = confidence ?? DEFAULT_CONFIDENCE;
  const rule = `${gate} ${limitName(limit)} at ${formatNumber(level * 100, 15)}%`;
  const skip = (why: string): IntervalCheck => ({ rule, outcome: 'not evaluated', message: `not evaluated: ${why}` });
  if (!spread) return skip('one value per side, no interval (give the values of every seed or fold: the `samples` input)');
  const [base, head] = [row.base, row.head];
  if (typeof base !== 'number' || typeof head !== 'number' || !Number.isFinite(base) || !Number.isFinite(head)) {
    return skip('no finite mean on both sides');
  }
  const interval = intervalOf(spread.base, spread.head, { base, head }, level);
  if (!interval) return skip(spread.reason ?? 'no interval');
  // "worse by" over the interval: head − base for lower-is-better, base − head for higher.
  const [lo, hi] = row.direction === 'lower' ? [interval.low, interval.high] : [-interval.high, -interval.low];
  const allowed = limit.relative ? limit.value * Math.abs(base) : limit.value;
  const fmt = (x: number) => formatNumber(x, 4);
  const how =
    interval.method === 'bounds' ? "Bencher's bounds" : `${formatNumber(level * 100, 15)}% ${interval.method === 'welch' ? "Welch's t" : 'bootstrap'}`;
  const limitText = limit.relative ? `${formatNumber(limit.value * 100, 15)}% = ${fmt(allowed)}` : formatNumber(allowed, 15);
  const tol = Math.max(Math.abs(allowed), Math.abs(lo), Math.abs(hi), Number.MIN_VALUE) * 1e-12;
  if (gate === 'max-regression') {
    const range = `worse by ${fmt(lo)} to ${fmt(hi)} (${how})`;
    if (lo > allowed + tol) return { rule, outcome: 'failed', message: `regressed by more than the allowed ${limitText}: ${range}` };
    if (hi <= allowed + tol) return { rule, outcome: 'passed', message: `within the allowed ${limitText}: ${range}` };
    return { rule, outcome: 'inconclusive', message: `inconclusive: may regress by more than the allowed ${limitText}: ${range}` };
  }
  const [least, most] = [-hi, -lo];
  const range = `better by ${fmt(least)} to ${fmt(most)} (${how})`;
  if (least >= allowed - tol) return { rule, outcome: 'passed', message: `improved by at least ${limitText}: ${range}` };
  if (most < allowed - tol) return { rule, outcome: 'failed', message: `not improved by the required ${limitText}: ${range}` };
  return { rule, outcome: 'inconclusive', message: `inconclusive: may fall short of the required ${limitText}: ${range}` };
}

/** min-improvement on single values: the raw change in the better direction against the limit. */
export function checkImprovement(row: MetricRow, limit: Limit, baseline: boolean, headProblem: string | undefined): IntervalCheck {
  const rule = `min-improvement ${limitName(limit)}`;
  const skip = (why: string): IntervalCheck => ({ rule, outcome: 'not evaluated', message: `not evaluated: ${why}` });
  if (!baseline) return skip('no baseline');
  if (row.direction === 'none') return skip('the metric is informational (direction none)');
  if (row.status === 'added') return skip('new metric, no base value');
  if (headProblem) return { rule, outcome: 'failed', message: headProblem };
  if (typeof row.base !== 'number' || Number.isNaN(row.base)) return skip('base is not a number');
  const [base, head] = [row.base, row.head as number];
  const better = row.direction === 'higher' ? head - base : base - head;
  const required = limit.relative ? limit.value * Math.abs(base) : limit.value;
  const tol = Math.max(Math.abs(base), Math.abs(head)) * 1e-12;
  const fmt = (x: number) => formatNumber(x, 4);
  const moved = base !== 0 && Number.isFinite(better) ? ` (${formatPercent(better / Math.abs(base), 4)})` : '';
  const limitText = limit.relative ? `${formatNumber(limit.value * 100, 15)}% = ${fmt(required)}` : formatNumber(required, 15);
  return better >= required - tol
    ? { rule, outcome: 'passed', message: `improved by ${fmt(better)}${moved}, at least the required ${limitText}` }
    : {
        rule,
        outcome: 'failed',
        message: `${better < 0 ? 'worse' : 'improved only'} by ${fmt(Math.abs(better))}${moved}, less than the required ${limitText}`,
      };
}

export function limitName(limit: Limit): string {
  return limit.relative ? `${formatNumber(limit.value * 100, 15)}%` : formatNumber(limit.value, 15);
}
