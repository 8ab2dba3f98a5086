import { describe, expect, it } from 'vitest';
import { isUserError, type UserError } from '../errors.js';
import { readJsonArray, readJsonLines } from './json.js';
import { bufferSource } from './source.js';

async function rows(kind: 'array' | 'lines', text: string, chunkBytes?: number) {
  const out: [number, Record<string, unknown>][] = [];
  const read = kind === 'array' ? readJsonArray : readJsonLines;
  await read(bufferSource(text), 'x.json', { row: (r, line) => out.push([line, r]) }, { chunkBytes });
  return out;
}

async function error(kind: 'array' | 'lines', text: string): Promise<UserError> {
  try {
    await rows(kind, text);
  } catch (e) {
    if (isUserError(e)) return e as UserError;
    throw e;
  }
  throw new Error('expected a UserError');
}

describe('JSON readers', () => {
  it('give each array element the line where it starts, across small reads', async () => {
    const text = '\uFEFF[\n  {"a": 1,\n   "b": "x\\ny, with } and ]"},\n\n  {"a": 2}, {"a": 3}\n]\n';
    for (const chunk of [undefined, 5, 13]) {
      expect(await rows('array', text, chunk)).toEqual([
        [2, { a: 1, b: 'x\ny, with } and ]' }],
        [5, { a: 2 }],
        [5, { a: 3 }],
      ]);
    }
  });

  it('give each JSON line its line, skipping blank ones and CRLF', async () => {
    expect(await rows('lines', '{"a":1}\r\n\r\n{"a":2}', 4)).toEqual([
      [1, { a: 1 }],
      [3, { a: 2 }],
    ]);
  });

  it('accept NaN and Infinity as Python writes them', async () => {
    const [[, r]] = await rows('lines', '{"a": NaN, "b": -Infinity}\n');
    expect(r.a).toBeNaN();
    expect(r.b).toBe(-Infinity);
  });

  it('say where JSON is broken', async () => {
    const bad = await error('lines', '{"a":1}\n{"a":2,}\n');
    expect([bad.line, bad.column]).toEqual([2, 8]);
    const arr = await error('array', '[\n {"a": 1},\n {"a": 2\n  "b": 3}\n]');
    expect([arr.line, arr.column]).toEqual([4, 3]);
    const open = await error('array', '[\n {"a": 1},\n');
    expect(open.message).toMatch(/never closed/);
    const comma = await error('array', '[{"a": 1} {"a": 2}]');
    expect(comma.message).toMatch(/expected ',' or ']'/);
    const notRecords = await error('lines', '[1, 2]\n');
    expect(notRecords.message).toMatch(/not a JSON object/);
  });

  it('name the end of a broken line as the end of that line, not of the file', async () => {
    const e = await error('lines', '{"a": 1}\n{"a": NaN, "b": [1\n{"a": 3}\n');
    expect([e.file, e.line, e.column]).toEqual(['x.json', 2, 19]);
    expect(e.message).toBe("invalid JSON in line 2: expected ',' or ']' after an array element, found the end of the line");
  });

  it('name the end of the file where an array is cut short inside a record', async () => {
    const e = await error('array', '[\n {"a": 1},\n {"a": [2,\n');
    expect([e.line, e.column]).toEqual([4, 1]);
    expect(e.message).toBe('invalid JSON in record 2: expected a value, found the end of the file');
  });
});
