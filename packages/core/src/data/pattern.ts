import { RE2JS } from 're2js';

/**
 * A schema `pattern` runs on every value of a column the pull request controls, so it must run in
 * linear time: JavaScript's backtracking engine takes exponential time on `^(a+)+$` against a
 * row of `a`s followed by a `b`. RE2JS is RE2's automaton in pure JavaScript (no native build,
 * bundles with ncc). It has no lookaround or backreferences — exactly the features that cannot be
 * matched in linear time — so a pattern using them is refused when the schema is read.
 */
export interface Pattern {
  test(text: string): boolean;
}

/** Compiles a pattern; a syntax the linear-time engine does not accept throws with RE2's reason. */
export function compilePattern(source: string): Pattern {
  const re = RE2JS.compile(source);
  return { test: (text) => re.test(text) };
}
