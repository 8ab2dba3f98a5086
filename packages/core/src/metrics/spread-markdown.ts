import { escapeCell } from '../section/escape.js';
import type { MetricRow } from './diff.js';
import { formatNumber, formatSigned } from './format.js';
import { BOOTSTRAP_MIN_N, BOOTSTRAP_RESAMPLES, DEFAULT_CONFIDENCE } from './interval.js';
import type { Distribution } from './samples.js';

/**
 * The cells a metric with a distribution adds to the comparison table: its mean with n (or
 * Bencher's value with its bounds), and the interval for the change with its method. Numbers only
 * reach the cells through formatNumber, and every cell is escaped all the same.
 */
export function sideCell(value: unknown, d: Distribution | undefined, precision: number): string | undefined {
  if (!d || typeof value !== 'number') return undefined;
  if (d.kind === 'values') return escapeCell(`${formatNumber(value, precision)} (n=${d.values.length})`);
  if (d.lower === null && d.upper === null) return undefined;
  const bound = (x: number | null) => (x === null ? '—' : formatNumber(x, precision));
  return escapeCell(`${formatNumber(value, precision)} [${bound(d.lower)}, ${bound(d.upper)}]`);
}

const METHOD = { welch: 'Welch', bootstrap: 'bootstrap', bounds: 'bounds' } as const;

export function intervalCell(row: MetricRow, precision: number): string {
  const i = row.spread?.interval;
  if (!i) return row.spread ? escapeCell(`— (${row.spread.reason ?? 'no interval'})`) : '';
  return escapeCell(`${formatSigned(i.low, precision)} to ${formatSigned(i.high, precision)} (${METHOD[i.method]})`);
}

export const INTERVAL_HEADER = `Interval (${formatNumber(DEFAULT_CONFIDENCE * 100)}%)`;

/** The note under a table with intervals: what n and the interval are, for the methods used. */
export function spreadNote(rows: MetricRow[]): string {
  const used = new Set(rows.map((r) => r.spread?.interval?.method).filter((m) => m !== undefined));
  const parts: string[] = [];
  if (rows.some((r) => r.spread?.base?.kind === 'values' || r.spread?.head?.kind === 'values')) {
    parts.push('n: values per side (seeds, folds), their mean shown');
  }
  const pct = formatNumber(DEFAULT_CONFIDENCE * 100);
  if (used.has('welch')) parts.push(`Welch: ${pct}% confidence interval for head − base by Welch's t (Welch–Satterthwaite degrees of freedom)`);
  if (used.has('bootstrap')) {
    parts.push(
      `bootstrap: a ${pct}% percentile bootstrap (${BOOTSTRAP_RESAMPLES.toLocaleString('en-US')} resamples, seeded), used when both sides have ${BOOTSTRAP_MIN_N}+ values and one is skewed`,
    );
  }
  if (used.has('bounds')) parts.push("bounds: [lower, upper] as Bencher's format gives them; the interval holds every difference the two ranges allow");
  if (rows.some((r) => r.status === 'inconclusive')) parts.push('🟡 inconclusive: the interval holds zero (the change may be noise) or cannot be made');
  return `<sub>${parts.join('; ')}.</sub>`;
}
