/**
 * A whole number with thousands separators, as en-US writes it: `1,234,567`, `-1,000`.
 *
 * Not Intl.NumberFormat: its first use loads ICU's locale data, 10–20 ms, and validate-data
 * paid that on every run for the counts in its report (bench/validate-data.mjs). Anything but a
 * safe integer is left to Intl, which then writes it as before.
 */
export function formatCount(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString('en-US');
  const digits = String(Math.abs(n));
  let out = '';
  for (let end = digits.length; end > 0; end -= 3) out = (end > 3 ? ',' : '') + digits.slice(Math.max(0, end - 3), end) + out;
  return n < 0 || Object.is(n, -0) ? `-${out}` : out;
}
