import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { isUserError, type UserError } from '../errors.js';
import { readCsv, type CsvOptions } from './csv.js';
import { bufferSource } from './source.js';

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url);

interface Row {
  line: number;
  fields: string[];
}

async function parse(text: string | Buffer, options: CsvOptions = {}): Promise<{ header: string[]; rows: Row[]; records: number; lines: number }> {
  let header: string[] = [];
  const rows: Row[] = [];
  const stats = await readCsv(
    bufferSource(text),
    'test.csv',
    {
      header: (names) => (header = names),
      record: (buf, starts, ends, n, line) => {
        const fields: string[] = [];
        for (let i = 0; i < n; i++) fields.push(buf.toString('utf8', starts[i], ends[i]));
        rows.push({ line, fields });
      },
    },
    options,
  );
  return { header, rows, records: stats.records, lines: stats.lines };
}

async function parseError(text: string, options: CsvOptions = {}): Promise<UserError> {
  try {
    await parse(text, options);
  } catch (e) {
    if (isUserError(e)) return e as UserError;
    throw e;
  }
  throw new Error('expected a UserError');
}

describe('readCsv', () => {
  it('reads quotes, escaped quotes, embedded newlines, CRLF and a BOM with physical line numbers', async () => {
    const data = await readFile(fixture('quirks.csv'));
    expect(data.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(data.includes('\r\n')).toBe(true);
    for (const chunkBytes of [undefined, 7, 16, 64]) {
      const { header, rows } = await parse(data, { chunkBytes });
      expect(header).toEqual(['id', 'name', 'note', 'value']);
      expect(rows).toEqual([
        { line: 2, fields: ['1', 'plain', 'simple', '10'] },
        { line: 3, fields: ['2', 'quoted, with comma', 'say "hi"', '20'] },
        { line: 4, fields: ['3', 'multi', 'first line\r\nsecond line\r\nthird line', '30'] },
        { line: 7, fields: ['4', '', '', '40'] },
        { line: 9, fields: ['5', 'after a blank line', '"', '50'] },
      ]);
    }
  });

  it('keeps LF-only and CRLF files on the same lines', async () => {
    const lf = 'a,b\n1,"x\ny"\n2,z\n';
    const crlf = lf.replace(/\n/g, '\r\n');
    const a = await parse(lf);
    const b = await parse(crlf);
    expect(a.rows.map((r) => r.line)).toEqual([2, 4]);
    expect(b.rows.map((r) => r.line)).toEqual([2, 4]);
    expect(b.rows[0].fields[1]).toBe('x\r\ny');
  });

  it('reads a last record without a final newline, and empty trailing fields', async () => {
    const { rows, lines } = await parse('a,b,c\n1,,\n2,3,4');
    expect(rows).toEqual([
      { line: 2, fields: ['1', '', ''] },
      { line: 3, fields: ['2', '3', '4'] },
    ]);
    expect(lines).toBe(3);
  });

  it('takes a custom delimiter (semicolon, tab)', async () => {
    const semi = await parse('a;b\n"1;2";3\n', { delimiter: ';' });
    expect(semi.rows[0].fields).toEqual(['1;2', '3']);
    const tab = await parse('a\tb\nx y\tz\n', { delimiter: '\t' });
    expect(tab.rows[0].fields).toEqual(['x y', 'z']);
  });

  it('refuses a delimiter that cannot work', async () => {
    const e = await parseError('a,b\n', { delimiter: '"' });
    expect(e.message).toMatch(/delimiter/);
  });

  it('reports an unterminated quote at the line and column where it opens', async () => {
    const text = 'id,name,value\n1,ok,1\n2,"broken,2\n3,fine,3\n4,fine,4\n';
    for (const chunkBytes of [undefined, 8]) {
      const e = await parseError(text, { chunkBytes });
      expect(e.line).toBe(3);
      expect(e.column).toBe(3);
      expect(e.file).toBe('test.csv');
      expect(e.message).toMatch(/unterminated quoted field/);
    }
  });

  it('reports a quote closed in the wrong place at the line where it opened', async () => {
    // The stray quote on line 3 is closed by the quote on line 4, followed by text.
    const text = 'id,name,value\n1,ok,1\n2,"broken,2\n3,"fine",3\n';
    const e = await parseError(text);
    expect(e.line).toBe(3);
    expect(e.column).toBe(3);
    expect(e.message).toMatch(/closes at line 4/);
  });

  it('treats a quote inside an unquoted field as text', async () => {
    const { rows } = await parse('a,b\n5 1/2",x\n');
    expect(rows[0].fields).toEqual(['5 1/2"', 'x']);
  });

  it('gives up on a record longer than the limit, naming its line', async () => {
    const text = 'a\n1\n"' + 'x'.repeat(5000);
    const e = await parseError(text, { chunkBytes: 256, maxRecordBytes: 1024 });
    expect(e.line).toBe(3);
    expect(e.message).toMatch(/quote left open/);
  });

  it('reads an empty input and a header-only input', async () => {
    const empty = await parse('');
    expect(empty.header).toEqual([]);
    expect(empty.records).toBe(0);
    const headerOnly = await parse('a,b\r\n');
    expect(headerOnly.header).toEqual(['a', 'b']);
    expect(headerOnly.records).toBe(0);
  });
});
