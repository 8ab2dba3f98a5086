import fc from 'fast-check';
import { RE2JS } from 're2js';
import { describe, expect, it } from 'vitest';
import { compileBytePattern } from './byte-pattern.js';
import { compilePattern } from './pattern.js';

/** Pieces of the patterns the byte matcher takes: classes, escapes and literals, with repeats. */
const atom = fc.constantFrom('[A-Z]', '[a-z0-9_-]', '\\d', '\\w', 'a', 'Z', '-', '\\.', '[-a]', '[x-z\\d]', ' ', '_', '[ab]', '\\$', '@');
const repeat = fc.constantFrom('', '', '?', '*', '+', '{2}', '{0,2}', '{1,}', '{3}', '{1,3}');
const pattern = fc
  .tuple(fc.boolean(), fc.array(fc.tuple(atom, repeat), { minLength: 0, maxLength: 5 }), fc.boolean())
  .map(([start, parts, end]) => `${start ? '^' : ''}${parts.map(([a, r]) => a + r).join('')}${end ? '$' : ''}`);
/** Bytes drawn mostly from what the atoms accept, and some that no ASCII class does (UTF-8 and not). */
const byte = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...Buffer.from('AZaz09_-. @$xyzb')) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 255 }) },
);
const text = fc.oneof(
  fc.uint8Array({ maxLength: 10 }).map((a) => Buffer.from(a.map((b) => [65, 97, 48, 45, 95, 32][b % 6]))),
  fc.array(byte, { maxLength: 10 }).map((a) => Buffer.from(a)),
  fc.string({ unit: 'grapheme', maxLength: 6 }).map((s) => Buffer.from(s, 'utf8')),
);

describe('compileBytePattern', () => {
  it('agrees with RE2JS on the decoded text, for random patterns and bytes (non-ASCII and invalid UTF-8 too)', () => {
    fc.assert(
      fc.property(pattern, fc.array(text, { minLength: 1, maxLength: 8 }), (source, cells) => {
        const bytes = compileBytePattern(source);
        expect(bytes, source).not.toBeNull();
        const re = RE2JS.compile(source);
        for (const cell of cells) {
          // Inside a larger buffer, so the offsets matter.
          const buf = Buffer.concat([Buffer.from('"x'), cell, Buffer.from('y"')]);
          expect([source, [...cell], bytes!.test(buf, 2, 2 + cell.length)]).toEqual([source, [...cell], re.test(cell.toString('utf8'))]);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('takes the patterns schemas mostly hold and leaves the rest to RE2', () => {
    for (const p of ['^[A-Z]{3}$', '^\\d+$', '^[a-z0-9_-]+$', '^\\d{4}-\\d{2}-\\d{2}$', 'abc', '^$']) expect(compileBytePattern(p), p).not.toBeNull();
    for (const p of ['^.+$', '^[^@]+@x$', '(a|b)', '^\\p{L}+$', '(?i)abc', 'é+', '^a+?$', '^\\s$', '^[a-z]{40}$']) expect(compileBytePattern(p), p).toBeNull();
  });

  it('is what compilePattern uses for bytes, with the same answers as for text', () => {
    const p = compilePattern('^[A-Z]{3}$');
    for (const v of ['SFO', 'Sf0', 'SFOX', '', 'ÉTÉ']) expect([v, p.testBytes(Buffer.from(v), 0, Buffer.byteLength(v))]).toEqual([v, p.test(v)]);
    const general = compilePattern('^\\p{Lu}{2}$');
    expect([general.testBytes(Buffer.from('ÉT'), 0, 3), general.testBytes(Buffer.from('ÉTx'), 0, 4)]).toEqual([true, false]);
  });
});
