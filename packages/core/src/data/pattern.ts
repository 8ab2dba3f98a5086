import { RE2JS } from 're2js';
import { compileBytePattern } from './byte-pattern.js';
import type { Pattern } from './types.js';

/**
 * A schema `pattern` runs on every value of a column the pull request controls, so it must run in
 * linear time: JavaScript's backtracking engine takes exponential time on `^(a+)+$` against a
 * row of `a`s followed by a `b`. RE2JS is RE2's automaton in pure JavaScript (no native build,
 * bundles with ncc). It has no lookaround or backreferences — exactly the features that cannot be
 * matched in linear time — so a pattern using them is refused when the schema is read.
 */
export type { Pattern };

/** Distinct short values whose answer is kept: RE2JS costs some microseconds a value, a lookup far less. */
const CACHE_ENTRIES = 10_000;
const CACHE_TEXT_LENGTH = 256;

/**
 * Compiles a pattern; a syntax the linear-time engine does not accept throws with RE2's reason.
 * The answers for the first distinct short values are kept: columns with a pattern are most often
 * codes and categories that repeat.
 */
export function compilePattern(source: string): Pattern {
  const re = RE2JS.compile(source);
  const cache = new Map<string, boolean>();
  const test = (text: string) => {
    const known = cache.get(text);
    if (known !== undefined) return known;
    const answer = re.test(text);
    if (cache.size < CACHE_ENTRIES && text.length <= CACHE_TEXT_LENGTH) cache.set(text, answer);
    return answer;
  };
  const bytes = compileBytePattern(source);
  return {
    test,
    testBytes: bytes ? (buf, s, e) => bytes.test(buf, s, e) : (buf, s, e) => test(Buffer.from(buf.buffer, buf.byteOffset + s, e - s).toString('utf8')),
  };
}
