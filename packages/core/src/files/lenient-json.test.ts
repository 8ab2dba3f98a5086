import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isUserError, type UserError } from '../errors.js';
import { JsonSyntaxError, lineColumn, parseJsonIn, parseLenientJson, type LenientJsonOptions } from './lenient-json.js';

const metricsFixture = (p: string) => readFileSync(new URL(`../metrics/fixtures/${p}`, import.meta.url), 'utf8');

function syntaxError(text: string, options?: LenientJsonOptions): JsonSyntaxError {
  try {
    parseLenientJson(text, options);
  } catch (e) {
    expect(e).toBeInstanceOf(JsonSyntaxError);
    return e as JsonSyntaxError;
  }
  throw new Error(`expected ${JSON.stringify(text)} to be refused`);
}

function userError(text: string, place: Parameters<typeof parseJsonIn>[2]): UserError {
  try {
    parseJsonIn(text, 'f.json', place);
  } catch (e) {
    if (isUserError(e)) return e as UserError;
    throw e;
  }
  throw new Error(`expected ${JSON.stringify(text)} to be refused`);
}

describe('parseLenientJson', () => {
  it('reads a strict file exactly as JSON.parse does', () => {
    const text = metricsFixture('get-started/head/eval/live/metrics.json');
    expect(parseLenientJson(text)).toEqual(JSON.parse(text));
  });

  it("reads Python's NaN, Infinity and -Infinity at any depth, and leaves the words inside strings alone", () => {
    const m = parseLenientJson(metricsFixture('python/metrics.json')) as any;
    expect(m.train.loss).toBeNaN();
    expect(m.eval.loss).toBe(Infinity);
    expect(m.eval.calibration.ece).toBe(-Infinity);
    expect(m.per_class[1].f1).toBeNaN();
    expect(m.notes).toBe('NaN loss after step 900; Infinity in eval; -Infinity ECE');
    expect(parseLenientJson(' [NaN, -Infinity, [Infinity], -0.5e+2, {}, []] ')).toEqual([NaN, -Infinity, [Infinity], -50, {}, []]);
  });

  it('reads escapes, unicode and __proto__ keys like JSON.parse does, even on the slow path', () => {
    const text = '{"a\\"b": "x\\u00e9\\n\\t\\/", "__proto__": {"polluted": NaN}, "k": [true, false, null]}';
    const m = parseLenientJson(text) as Record<string, unknown>;
    expect(Object.keys(m)).toEqual(['a"b', '__proto__', 'k']);
    expect(m['a"b']).toBe('x\u00e9\n\t/');
    expect(Object.getPrototypeOf(m)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(m, '__proto__')?.enumerable).toBe(true);
    expect(({} as any).polluted).toBeUndefined();
    expect(m.k).toEqual([true, false, null]);
  });

  it.each([
    ['{"a": 1,}', 8, `expected a property name in double quotes, found "}"`],
    ['{"a": 1 "b": 2}', 8, `expected ',' or '}' after a property value`],
    ['{"a" 1}', 5, `expected ':' after a property name`],
    ['[1 2]', 3, `expected ',' or ']' after an array element`],
    ['{"a": nan}', 6, `expected a value, found 'nan'`],
    ['{"a": Nope}', 6, `expected a value, found 'Nope'`],
    ['{"a": 01}', 7, 'invalid number'],
    ['1.', 1, 'invalid number'],
    ['1e', 1, 'invalid number'],
    ['-x', 0, 'invalid number'],
    ['{"a": "abc}', 6, 'unterminated string'],
    ['"a\nb"', 2, 'a control character must be escaped inside a string'],
    ['"\\x"', 1, 'invalid escape "\\\\x"'],
    ['"\\u12g4"', 1, 'invalid \\u escape'],
    ['{} x', 3, `unexpected 'x' after the JSON value`],
    ['', 0, 'expected a value, found the end of the file'],
  ])('refuses %j at offset %i: %s', (text, offset, message) => {
    const e = syntaxError(text);
    expect(e.offset).toBe(offset);
    expect(e.message).toContain(message);
  });

  it('names the end of the text as the caller says (a record ends before its file)', () => {
    expect(syntaxError('{"a": [1, NaN').message).toBe(`expected ',' or ']' after an array element, found the end of the file`);
    expect(syntaxError('{"a": [1, NaN', { end: 'the end of the line' }).message).toMatch(/found the end of the line$/);
  });
});

describe('lineColumn', () => {
  it('counts lines from the first line given and columns from 1', () => {
    const text = 'ab\ncd\n\nef';
    expect(lineColumn(text, 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn(text, 2)).toEqual({ line: 1, column: 3 });
    expect(lineColumn(text, 3)).toEqual({ line: 2, column: 1 });
    expect(lineColumn(text, 6)).toEqual({ line: 3, column: 1 });
    expect(lineColumn(text, 8)).toEqual({ line: 4, column: 2 });
    expect(lineColumn(text, 8, 40)).toEqual({ line: 43, column: 2 });
    expect(lineColumn(text, text.length)).toEqual({ line: 4, column: 3 });
  });
});

describe('parseJsonIn', () => {
  it('returns the value, non-finite numbers included', () => {
    expect(parseJsonIn('{"loss": NaN}', 'f.json')).toEqual({ loss: NaN });
  });

  it('turns a syntax error into a UserError at the file, line and column', () => {
    const e = userError('{\n  "acc": 0.9,\n  "loss": 0.1,\n}\n', {});
    expect([e.file, e.line, e.column]).toEqual(['f.json', 4, 1]);
    expect(e.message).toMatch(/^invalid JSON: expected a property name/);
    expect(e.cause).toBeInstanceOf(JsonSyntaxError);
  });

  it('places an error inside a record by the line the record starts on, and says which record', () => {
    const e = userError('{"a": 2\n  "b": 3}', { firstLine: 3, what: 'the record at line 3' });
    expect([e.line, e.column]).toEqual([4, 3]);
    expect(e.message).toMatch(/^invalid JSON in the record at line 3: expected ',' or '}'/);
  });
});
