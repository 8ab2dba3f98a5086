import { UserError } from '../errors.js';

/**
 * A yes/no or a whole number as an action input or a CLI flag gives it: one reading for both, so
 * `fail-on-regression: no` and `--fail-on-regression no` mean the same. `what` names the value in
 * the message (`input "sample"` or `--sample`); `input` is the name a UserError carries. An empty
 * value is undefined: the caller's default applies.
 */

const TRUE = ['true', 'yes', 'on', '1'];
const FALSE = ['false', 'no', 'off', '0'];

/** The yes/no a word says (`yes`, `off`, ...), or undefined when it is neither: for inputs that take more words. */
export function booleanWord(value: string): boolean | undefined {
  const v = value.trim().toLowerCase();
  return TRUE.includes(v) ? true : FALSE.includes(v) ? false : undefined;
}

export function parseBoolean(value: string, what: string, input: string): boolean | undefined {
  const v = value.trim().toLowerCase();
  if (v === '') return undefined;
  const said = booleanWord(v);
  if (said !== undefined) return said;
  throw new UserError(`${what} must be true or false, not "${v}"`, { input });
}

export function parseWholeNumber(value: string, what: string, input: string, min = 0): number | undefined {
  const v = value.trim();
  if (v === '') return undefined;
  if (!/^-?\d+$/.test(v) || Number(v) < min) throw new UserError(`${what} must be a whole number of at least ${min}, not "${v}"`, { input });
  return Number(v);
}
