/** Significant digits shown when nobody says otherwise (the action's `precision` input). */
export const DEFAULT_PRECISION = 4;

/**
 * A number as the report shows it, to `precision` significant digits:
 *   0.93196 -> 0.932    (trailing zeros dropped: 0.1 stays 0.1, not 0.1000)
 *   12345.6 -> 12350    (plain notation from 1e-4 up to 1e6)
 *   1.2345e-7 -> 1.234e-07, 3.2e9 -> 3.2e+09   (exponent with two digits, as Python prints it)
 *   integers below 1e15 -> exactly (a count, a seed, a step is not float noise)
 *   NaN, Infinity, -Infinity -> as written
 * The diff calls two values unchanged when they show the same here, so what the table shows and
 * the verdict always agree.
 */
export function formatNumber(x: number, precision = DEFAULT_PRECISION): string {
  if (!Number.isFinite(x)) return String(x);
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return String(x === 0 ? 0 : x);
  const p = digits(precision);
  const rounded = Number(x.toPrecision(p));
  // The notation depends on the rounded value only, so that sameShown can compare roundings.
  if (Math.abs(rounded) >= 1e-4 && Math.abs(rounded) < 1e6) {
    // String() of a number in this range is plain notation with only the digits it needs.
    return String(rounded === 0 ? 0 : rounded);
  }
  const [mantissa, exponent] = x.toExponential(p - 1).split('e');
  const m = mantissa.includes('.') ? mantissa.replace(/\.?0+$/, '') : mantissa;
  const e = Number(exponent);
  return `${m}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
}

/**
 * Whether two numbers show the same in formatNumber, without formatting them: the diff asks this
 * for every key, and formatting is most of its cost. For non-integers the shown text is a function
 * of `toPrecision` alone; exact integers show exactly.
 */
export function sameShown(a: number, b: number, precision = DEFAULT_PRECISION): boolean {
  if (a === b || (Number.isNaN(a) && Number.isNaN(b))) return true;
  const exactA = Number.isInteger(a) && Math.abs(a) < 1e15;
  const exactB = Number.isInteger(b) && Math.abs(b) < 1e15;
  if (exactA && exactB) return false;
  if (!exactA && !exactB) return a.toPrecision(digits(precision)) === b.toPrecision(digits(precision));
  return formatNumber(a, precision) === formatNumber(b, precision);
}

function digits(precision: number): number {
  return Math.min(Math.max(Math.round(precision), 1), 100);
}

/** A signed change, `+0.0123` or `-2`; a zero change has no sign. */
export function formatSigned(x: number, precision = DEFAULT_PRECISION): string {
  const s = formatNumber(x, precision);
  return x > 0 || s === 'Infinity' ? `+${s}` : s;
}

/** A relative change as a signed percentage with at most three significant digits: `+1.5%`. */
export function formatPercent(relative: number, precision = DEFAULT_PRECISION): string {
  const pct = relative * 100;
  if (!Number.isFinite(pct)) return formatSigned(pct, precision) + '%';
  return formatSigned(Number(pct.toPrecision(Math.min(precision, 3))), precision) + '%';
}

/** `+0.0123 (+1.5%)`, or only the absolute change when the relative one is undefined. */
export function formatChange(delta: number, relative: number | null, precision = DEFAULT_PRECISION): string {
  const abs = formatSigned(delta, precision);
  return relative === null ? abs : `${abs} (${formatPercent(relative, precision)})`;
}
