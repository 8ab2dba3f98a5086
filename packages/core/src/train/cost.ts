import { UserError } from '../errors.js';

/**
 * What a training run cost at the runner's price per minute (`cost-per-minute`), and what the
 * change costs against the base run. The price is a plain number in whatever currency the user
 * bills in (GitHub lists its runners per minute, e.g. 0.008 USD for Linux 2-core); costs are shown
 * without a currency sign. The cost is wall time × price, unrounded: GitHub rounds each job, not
 * each step, up to the minute.
 */

/** The base run's figures, as a train record stores them (section/train-record.ts). */
export interface BaseRunUsage {
  durationSeconds: number;
  /** Where the figures come from, for the report: `the cached run it reused`, `cache mlci-baseline-…`. */
  label: string;
}

export interface RunCost {
  perMinute: number;
  /** This run: the training, or on a run-cache hit the restore. */
  run: number;
  /** The run the cache hit restored, what its training cost. */
  cachedRun?: number;
  /** The base run's cost and this run's difference to it; absent with `noBase` saying why. */
  base?: { cost: number; durationSeconds: number; label: string; change: number };
  noBase?: string;
}

/** `cost-per-minute`: a non-negative decimal number (`0.008`), empty for none. */
export function parseCostPerMinute(value: string, input = 'cost-per-minute'): number | undefined {
  const v = value.trim();
  if (v === '') return undefined;
  if (!/^\d*\.?\d+$/.test(v))
    throw new UserError(`input "${input}" must be the runner's price per minute as a plain number (e.g. 0.008), not "${v}"`, { input });
  return Number(v);
}

export function costOf(seconds: number, perMinute: number): number {
  return (seconds / 60) * perMinute;
}

/**
 * The run's cost, and the change against the base: `base` when its figures were found, else the
 * run the cache hit restored (this run cost its restore instead of its training).
 */
export function runCost(o: { perMinute: number; durationSeconds: number; hit?: { restoreSeconds: number }; base?: BaseRunUsage; noBase: string }): RunCost {
  const run = o.hit ? costOf(o.hit.restoreSeconds, o.perMinute) : costOf(o.durationSeconds, o.perMinute);
  const cachedRun = o.hit ? costOf(o.durationSeconds, o.perMinute) : undefined;
  const base = o.base ?? (o.hit ? { durationSeconds: o.durationSeconds, label: 'the cached run it reused' } : undefined);
  if (!base) return { perMinute: o.perMinute, run, cachedRun, noBase: o.noBase };
  const cost = costOf(base.durationSeconds, o.perMinute);
  return { perMinute: o.perMinute, run, cachedRun, base: { cost, durationSeconds: base.durationSeconds, label: base.label, change: run - cost } };
}

/**
 * A cost with two significant digits below 1 and cents above (`0.012`, `0.00028`, `3.40`): a run
 * costs fractions of a cent, and more digits would be noise of the timing.
 */
export function formatCost(x: number): string {
  if (x === 0) return '0';
  const abs = Math.abs(x);
  const decimals = abs >= 1 ? 2 : Math.min(10, Math.max(2, 1 - Math.floor(Math.log10(abs))));
  return x.toFixed(decimals);
}

/** `+0.0020 (+19%)`, `-0.012 (-100%)`: signed, with the share of the base when it cost anything. */
export function formatChange(change: number, base: number): string {
  const sign = change > 0 ? '+' : change < 0 ? '−' : '±';
  const share = base > 0 ? ` (${sign}${Math.abs((change / base) * 100).toFixed(Math.abs(change / base) < 0.1 ? 1 : 0)}%)` : '';
  return `${sign}${formatCost(Math.abs(change))}${share}`;
}
