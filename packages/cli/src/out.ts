import { isUserError, type Problem } from '@mlci/core/errors';

export interface Out {
  stdout(s: string): void;
  stderr(s: string): void;
}

/** Problems as compilers print them: `file:line:col: severity: message`. */
export function printProblem(p: Problem, out: Out): void {
  const where = [p.file, p.line, p.column].filter((x) => x !== undefined).join(':');
  out.stderr(`${where ? where + ': ' : ''}${p.severity}: ${p.message}\n`);
}

/** A user's mistake (bad usage or input) exits 2 with its place; our own bug exits 70 with the stack. */
export function fail(e: unknown, out: Out): number {
  if (isUserError(e)) {
    printProblem({ severity: 'error', message: e.message, file: e.file, line: e.line, column: e.column }, out);
    return 2;
  }
  out.stderr(`mlci failed unexpectedly: ${(e as Error)?.stack ?? String(e)}\n`);
  return 70;
}

/**
 * The core names what went wrong by its action input (`input "metrics": ...`), as the Actions log
 * should; here the user typed flags, so each input this command has as a flag is named as one
 * (`--metrics: ...`). Every line the command prints goes through this, its summary included.
 */
export function withFlagNames(out: Out, flags: Iterable<string>): Out {
  const known = new Set(flags);
  const phrase = (s: string) => s.replace(/\binput "([A-Za-z0-9_-]+)"/g, (m, name: string) => (known.has(name) ? `--${name}` : m));
  return { stdout: (s) => out.stdout(phrase(s)), stderr: (s) => out.stderr(phrase(s)) };
}
