import * as core from '@actions/core';
import { UserError } from '@mlci/core';

/**
 * Typed inputs. Every refusal names the input and the value, so the log says what to change.
 * Defaults live in action.yml (the runner fills them in); these read what the runner passed.
 */
export function string(name: string, opts: { required?: boolean } = {}): string {
  const v = core.getInput(name, { trimWhitespace: true });
  if (opts.required && v === '') throw new UserError(`input "${name}" is required`, { input: name });
  return v;
}

export function bool(name: string, fallback: boolean): boolean {
  const v = core.getInput(name).trim().toLowerCase();
  if (v === '') return fallback;
  if (['true', 'yes', 'on', '1'].includes(v)) return true;
  if (['false', 'no', 'off', '0'].includes(v)) return false;
  throw new UserError(`input "${name}" must be true or false, not "${v}"`, { input: name });
}

export function oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
  const v = core.getInput(name).trim();
  if (v === '') return fallback;
  if (!(allowed as readonly string[]).includes(v)) {
    throw new UserError(`input "${name}" must be one of ${allowed.join(', ')}, not "${v}"`, { input: name });
  }
  return v as T;
}

/** A list written one per line or comma separated (globs never contain commas here). */
export function list(name: string): string[] {
  return core
    .getInput(name)
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter((s) => s !== '' && !s.startsWith('#'));
}

export function integer(name: string, fallback: number, min = 0): number {
  const v = core.getInput(name).trim();
  if (v === '') return fallback;
  if (!/^-?\d+$/.test(v) || Number(v) < min) {
    throw new UserError(`input "${name}" must be a whole number of at least ${min}, not "${v}"`, { input: name });
  }
  return Number(v);
}

/** A secret input: masked in the log before anything else can print it. */
export function secret(name: string): string {
  const v = core.getInput(name);
  if (v) core.setSecret(v);
  return v;
}
