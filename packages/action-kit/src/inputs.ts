import * as core from '@actions/core';
import { UserError } from '@mlci/core/errors';
import { checkedName, parseBoolean, parseWholeNumber, splitLists } from '@mlci/core/files';

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
  return parseBoolean(core.getInput(name), `input "${name}"`, name) ?? fallback;
}

export function oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
  const v = core.getInput(name).trim();
  if (v === '') return fallback;
  if (!(allowed as readonly string[]).includes(v)) {
    throw new UserError(`input "${name}" must be one of ${allowed.join(', ')}, not "${v}"`, { input: name });
  }
  return v as T;
}

/**
 * A list written one per line or comma separated; a comma inside braces (`data/*.{csv,tsv}`) stays
 * in its glob. `required` says what the list is for, in the refusal of an empty one.
 */
export function list(name: string, opts: { required?: string } = {}): string[] {
  const v = splitLists(core.getInput(name));
  if (opts.required && v.length === 0) throw new UserError(`input "${name}" is required: ${opts.required}`, { input: name });
  return v;
}

/** A value that becomes part of a file name (the comment's `id`): refused unless it is a plain name. */
export function name(input: string, fallback: string): string {
  return checkedName(string(input) || fallback, input);
}

export function integer(name: string, fallback: number, min = 0): number {
  return parseWholeNumber(core.getInput(name), `input "${name}"`, name, min) ?? fallback;
}

const secrets = new Set<string>();

/**
 * A secret input: masked in the log before anything else can print it, and remembered so that
 * what is posted or written to the summary is scrubbed of it too (the runner masks only the log).
 */
export function secret(name: string): string {
  const v = core.getInput(name);
  if (v) {
    core.setSecret(v);
    secrets.add(v);
  }
  return v;
}

/** Forgets the secrets of an earlier step run in the same process: each step registers its own. */
export function forgetSecrets(): void {
  secrets.clear();
}

/** Tokens the runner hands every step (the runner masks them in the log, nowhere else). */
const RUNNER_TOKENS = ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN'];

/**
 * Every value this step registered as secret, and the runner's own tokens, as a plain list for
 * the core to scrub from what it posts and writes to the summary.
 */
export function registeredSecrets(env: NodeJS.ProcessEnv = process.env): string[] {
  const fromRunner = RUNNER_TOKENS.map((n) => env[n]).filter((v): v is string => Boolean(v));
  return [...new Set([...secrets, ...fromRunner])];
}
