import { UserError } from '../errors.js';

/**
 * A value that becomes part of a file name (`mlci-comment-<id>.md`, `<section id>.section.json`):
 * letters, digits, `.`, `_` and `-`, not starting with a dot, so it can name neither a folder
 * above (`../x`) nor a hidden file. Refused rather than cleaned up: a changed id would also
 * change which comment the report updates.
 */
export const SAFE_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}$/;

export function checkedName(value: string, input: string): string {
  if (!SAFE_NAME.test(value)) {
    throw new UserError(`input "${input}" must be 1 to 100 letters, digits, ".", "_" or "-" (not starting with "."), not "${value}": it names files`, {
      input,
    });
  }
  return value;
}
