import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isUserError, type UserError } from '../errors.js';
import { parseSchema } from './schema.js';
import type { CheckResult, ValidationResult } from './types.js';
import { validateData } from './validate.js';

const VEGA = fileURLToPath(new URL('../../../../node_modules/vega-datasets/data/', import.meta.url));
const PENGUINS = join(VEGA, 'penguins.json');
const SEATTLE = join(VEGA, 'seattle-weather.csv');
const FLIGHTS = join(VEGA, 'flights-3m.parquet');

type Penguin = Record<string, string | number | null>;
const FIELDS = ['Species', 'Island', 'Beak Length (mm)', 'Beak Depth (mm)', 'Flipper Length (mm)', 'Body Mass (g)', 'Sex'];

// The penguins' measured columns, as both schemas below check them.
const PENGUIN_COLUMNS = `
  Species:             { type: string, enum: [Adelie, Chinstrap, Gentoo] }
  Island:              { type: string, enum: [Biscoe, Dream, Torgersen] }
  Beak Length (mm):    { type: number, min: 30, max: 60, nullable: true }
  Beak Depth (mm):     { type: number, min: 13, max: 22, nullable: true }
  Flipper Length (mm): { type: integer, min: 170, max: 235, nullable: true }
  Body Mass (g):       { type: integer, min: 2700, max: 6300, nullable: true }`;

const PENGUIN_SCHEMA = `
columns:${PENGUIN_COLUMNS}
  # the real file has one "." among the sexes: allowed by mostly
  Sex:                 { type: string, enum: [MALE, FEMALE], nullable: true, mostly: 0.99 }
rows: { min: 300 }
strict: true
`;

const failedChecks = (r: ValidationResult) => r.checks.filter((c) => !c.passed);
const check = (r: ValidationResult, column: string | null, name: string): CheckResult | undefined =>
  r.checks.find((c) => c.column === column && c.check === name);

let dir: string;
let penguins: Penguin[];
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mlci-validate-'));
  penguins = JSON.parse(await readFile(PENGUINS, 'utf8')) as Penguin[];
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function expectUserError(p: Promise<unknown>): Promise<UserError> {
  try {
    await p;
  } catch (e) {
    if (isUserError(e)) return e as UserError;
    throw e;
  }
  throw new Error('expected a UserError');
}

describe('real data validates', () => {
  it('penguins.json, with its real nulls and its one odd "." sex', async () => {
    const r = await validateData(PENGUINS, { schema: await parseSchema(PENGUIN_SCHEMA) });
    expect(failedChecks(r)).toEqual([]);
    expect(r.passed).toBe(true);
    expect(r.rows).toBe(344);
    expect(r.columns).toBe(7);
    const sex = check(r, 'Sex', 'enum')!;
    expect(sex.failed_rows).toBe(1);
    expect(sex.passed).toBe(true);
    expect(sex.examples[0].value).toBe('.');
    // The real nulls: 2 rows without measurements (their line in the file is where the element starts).
    expect(check(r, 'Beak Length (mm)', 'type')!.checked_rows).toBe(342);
  });

  it('seattle-weather.csv', async () => {
    const schema = await parseSchema(`
columns:
  date:          { type: date, min: 2012-01-01, max: 2015-12-31, unique: true }
  precipitation: { type: number, min: 0 }
  temp_max:      { type: number, min: -10, max: 40 }
  temp_min:      { type: number, min: -10, max: 40 }
  wind:          { type: number, min: 0 }
  weather:       { type: string, enum: [drizzle, rain, sun, snow, fog] }
rows: { min: 1000 }
strict: true
`);
    const r = await validateData(SEATTLE, { schema });
    expect(failedChecks(r)).toEqual([]);
    expect(r.rows).toBe(1461);
    expect(r.files[0]).toMatchObject({ format: 'csv', gzip: false, rows: 1461 });
  });
});

/**
 * Penguins with an id column, a multi-line comment on record 5 (so CSV physical lines and record
 * numbers part ways) and one fault per check at known records. Returns the files and, per record
 * index, its line in each format.
 */
interface Faulty {
  csv: string;
  jsonl: string;
  json: string;
  lines: { csv: number[]; jsonl: number[]; json: number[] };
}

const FAULTS = { type: 10, null: 20, range: 30, duplicate: 40, enum: 50 };

function faultyRecords(): Penguin[] {
  const rows = penguins.map((p, i) => ({ id: i + 1, ...p, comment: i === 5 ? 'first line\nsecond line' : 'ok' }) as Penguin);
  rows[FAULTS.type]['Body Mass (g)'] = 'heavy';
  rows[FAULTS.null].Species = null;
  rows[FAULTS.range]['Beak Length (mm)'] = 99.9;
  rows[FAULTS.duplicate].id = rows[FAULTS.duplicate - 1].id;
  rows[FAULTS.enum].Island = 'Atlantis';
  return rows;
}

function csvCell(v: string | number | null): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

async function writeFaulty(name: string, rows: Penguin[], brokenAt?: number): Promise<Faulty> {
  const columns = ['id', ...FIELDS, 'comment'];
  // CSV
  let csv = columns.map(csvCell).join(',') + '\n';
  let line = 2;
  const csvLines: number[] = [];
  for (const [i, r] of rows.entries()) {
    csvLines.push(line);
    let text = columns.map((c) => csvCell(r[c] ?? null)).join(',');
    if (i === brokenAt) text = text.replace(r.Species as string, `"${r.Species as string}`);
    csv += text + '\n';
    line += text.split('\n').length;
  }
  // JSON Lines
  const jsonl = rows.map((r, i) => (i === brokenAt ? JSON.stringify(r).replace(/"Species":"/, '"Species":') : JSON.stringify(r))).join('\n') + '\n';
  // A pretty-printed JSON array, recording where each element starts.
  let json = '[\n';
  const jsonLines: number[] = [];
  line = 2;
  for (const [i, r] of rows.entries()) {
    jsonLines.push(line);
    let text = JSON.stringify(r, null, 2).replace(/^/gm, '  ');
    if (i === brokenAt) text = text.replace(`"Species": "${r.Species as string}"`, `"Species": "${r.Species as string}`);
    json += text + (i < rows.length - 1 ? ',\n' : '\n');
    line += text.split('\n').length;
  }
  json += ']\n';
  const files = { csv: join(dir, `${name}.csv`), jsonl: join(dir, `${name}.jsonl`), json: join(dir, `${name}.json`) };
  await writeFile(files.csv, csv);
  await writeFile(files.jsonl, jsonl);
  await writeFile(files.json, json);
  return { ...files, lines: { csv: csvLines, jsonl: rows.map((_, i) => i + 1), json: jsonLines } };
}

const FAULT_SCHEMA = `
columns:
  id:                  { type: integer, unique: true }${PENGUIN_COLUMNS}
  Sex:                 { type: string, nullable: true }
  comment:             { type: string }
strict: true
`;

describe('each injected fault is found at its exact line', () => {
  let faulty: Faulty;
  beforeAll(async () => {
    faulty = await writeFaulty('faulty', faultyRecords());
  });

  for (const format of ['csv', 'jsonl', 'json'] as const) {
    it(`in ${format}`, async () => {
      const file = faulty[format];
      const r = await validateData(file, { schema: await parseSchema(FAULT_SCHEMA) });
      const lineOf = (i: number) => faulty.lines[format][i];
      const expected: [string, string, number, unknown][] = [
        ['Body Mass (g)', 'type', FAULTS.type, 'heavy'],
        ['Species', 'not_null', FAULTS.null, format === 'csv' ? '' : null],
        ['Beak Length (mm)', 'max', FAULTS.range, format === 'csv' ? '99.9' : 99.9],
        ['id', 'unique', FAULTS.duplicate, format === 'csv' ? String(FAULTS.duplicate) : FAULTS.duplicate],
        ['Island', 'enum', FAULTS.enum, 'Atlantis'],
      ];
      const failed = failedChecks(r)
        .map((c) => `${c.column}.${c.check}`)
        .sort();
      expect(failed).toEqual(expected.map(([c, k]) => `${c}.${k}`).sort());
      for (const [column, name, index, value] of expected) {
        const c = check(r, column, name)!;
        expect(c.failed_rows, `${column}.${name}`).toBe(1);
        expect(c.examples, `${column}.${name}`).toEqual([{ value, file, line: lineOf(index) }]);
      }
      expect(r.passed).toBe(false);
      expect(r.errors).toBe(5);
      expect(r.rows).toBe(344);
      if (format === 'csv') {
        // The multi-line comment of record 5 moved every later record down one physical line.
        expect(lineOf(FAULTS.type)).toBe(FAULTS.type + 3);
      }
    });
  }

  it('a broken quote fails with the file and the line it is on (CSV, JSON Lines, JSON array)', async () => {
    const at = 60;
    const broken = await writeFaulty('broken', faultyRecords(), at);
    const schema = await parseSchema(FAULT_SCHEMA);
    const csv = await expectUserError(validateData(broken.csv, { schema }));
    expect([csv.file, csv.line]).toEqual([broken.csv, broken.lines.csv[at]]);
    const jsonl = await expectUserError(validateData(broken.jsonl, { schema }));
    expect([jsonl.file, jsonl.line]).toEqual([broken.jsonl, broken.lines.jsonl[at]]);
    const json = await expectUserError(validateData(broken.json, { schema }));
    // The element starts with `{`; the Species line below it holds the open string.
    expect([json.file, json.line]).toEqual([broken.json, broken.lines.json[at] + 2]);
    expect(json.column).toBeGreaterThan(1);
  });

  it('a ragged row is a failed check at its line, the rest still checked', async () => {
    const file = join(dir, 'ragged.csv');
    await writeFile(file, 'id,name\n1,a\n2,b,extra\n3\n4,d\n');
    const r = await validateData(file, { schema: await parseSchema('columns: { id: { type: integer }, name: { type: string } }') });
    const c = check(r, null, 'field_count')!;
    expect(c.failed_rows).toBe(2);
    expect(c.examples.map((e) => [e.line, e.value])).toEqual([
      [3, '2,b,extra'],
      [4, '3'],
    ]);
    expect(check(r, 'id', 'type')!.checked_rows).toBe(2);
  });

  it('a ragged row is quoted back exactly as it stands in the file, doubled quotes and all', async () => {
    const file = join(dir, 'ragged-quoted.csv');
    const rows = ['"x""y",3,4', '"a,b",""', 'q"r,"s""""t",', '""""'];
    await writeFile(file, `id,name\n${rows.join('\n')}\n`);
    const r = await validateData(file, { schema: await parseSchema('columns: { id: { type: string }, name: { type: string } }') });
    const c = check(r, null, 'field_count')!;
    expect(c.examples.map((e) => [e.line, e.value])).toEqual([
      [2, rows[0]],
      [4, rows[2]],
      [5, rows[3]],
    ]);
  });
});

describe('structure problems are reported, not crashes', () => {
  const schema = parseSchema('columns: { a: { type: integer }, b: { type: string }, c: { type: number, severity: warning } }');

  it('a missing column, and extra columns under strict', async () => {
    const file = join(dir, 'missing.csv');
    await writeFile(file, 'a,b,zz\n1,x,9\n');
    const r = await validateData(file, {
      schema: await parseSchema('columns: { a: { type: integer }, b: { type: string }, c: { type: number } }\nstrict: true'),
    });
    expect(check(r, 'c', 'column_present')).toMatchObject({ passed: false, examples: [{ value: 'c', file, line: 1 }] });
    expect(check(r, 'zz', 'extra_column')).toMatchObject({ passed: false });
    expect(check(r, 'a', 'type')).toMatchObject({ passed: true });
    expect(r.passed).toBe(false);
  });

  it('a JSON record lacking a column named like an Object.prototype member counts it as null, at its line', async () => {
    const file = join(dir, 'proto.jsonl');
    await writeFile(file, '{"toString": "a", "constructor": 1}\n{"constructor": 2}\n');
    const r = await validateData(file, { schema: await parseSchema('columns: { toString: { type: string }, constructor: { type: integer } }') });
    expect(check(r, 'toString', 'not_null')).toMatchObject({ passed: false, failed_rows: 1, examples: [{ file, line: 2 }] });
    expect(check(r, 'toString', 'type')?.passed).not.toBe(false);
    expect(check(r, 'constructor', 'type')).toMatchObject({ passed: true });
  });

  it('a missing column keeps its severity (a warning does not fail)', async () => {
    const file = join(dir, 'missing-warn.csv');
    await writeFile(file, 'a,b\n1,x\n');
    const r = await validateData(file, { schema: await schema });
    expect(check(r, 'c', 'column_present')!.severity).toBe('warning');
    expect(r.passed).toBe(true);
    expect(r.warnings).toBe(1);
  });

  it('a header-only file, an empty file, an empty JSON array', async () => {
    const headerOnly = join(dir, 'header.csv');
    const empty = join(dir, 'empty.csv');
    const emptyJson = join(dir, 'empty.json');
    await writeFile(headerOnly, 'a,b,c\r\n');
    await writeFile(empty, '');
    await writeFile(emptyJson, '[ ]');
    const h = await validateData(headerOnly, { schema: await schema });
    expect(h.rows).toBe(0);
    expect(check(h, null, 'not_empty')).toMatchObject({ passed: false, examples: [{ value: 'header only, no rows', line: 1 }] });
    expect(h.passed).toBe(false);
    const e = await validateData(empty, { schema: await schema });
    expect(check(e, null, 'not_empty')!.examples[0].value).toMatch(/empty file/);
    const j = await validateData(emptyJson, { schema: await schema });
    expect(check(j, null, 'not_empty')!.passed).toBe(false);
    // An explicit `rows: { min: 0 }` allows it.
    const allowed = await validateData(headerOnly, { schema: await parseSchema('columns: { a: { type: integer } }\nrows: { min: 0 }') });
    expect(allowed.passed).toBe(true);
  });

  it('row count bounds', async () => {
    const r = await validateData(SEATTLE, { schema: await parseSchema('rows: { min: 2000 }') });
    expect(check(r, null, 'row_count')).toMatchObject({ passed: false, expected: '>= 2000 rows' });
  });

  it('a JSON file that is not records fails with its line', async () => {
    const file = join(dir, 'scalars.json');
    await writeFile(file, '[\n  {"a": 1},\n  2\n]\n');
    const e = await expectUserError(validateData(file, { schema: await schema }));
    expect([e.line, e.column]).toEqual([3, 3]);
  });
});

describe('formats', () => {
  it('gzip, detected by its magic bytes, reads the same as the plain file', async () => {
    const plain = await readFile(SEATTLE);
    const gz = join(dir, 'weather.data');
    await writeFile(gz, gzipSync(plain));
    const schema = await parseSchema('columns: { date: { type: date }, temp_max: { type: number, max: 30 } }');
    const a = await validateData(SEATTLE, { schema });
    const b = await validateData(gz, { schema, format: 'csv' });
    expect(b.files[0]).toMatchObject({ gzip: true, rows: 1461 });
    expect(check(b, 'temp_max', 'max')).toEqual({
      ...check(a, 'temp_max', 'max')!,
      examples: check(a, 'temp_max', 'max')!.examples.map((e) => ({ ...e, file: gz })),
    });
    const named = join(dir, 'weather.csv.gz');
    await writeFile(named, gzipSync(plain));
    expect((await validateData(named, { schema })).rows).toBe(1461);
  });

  it('TSV with nulls and a custom null token', async () => {
    const file = join(dir, 'data.tsv');
    await writeFile(file, 'a\tb\n1\t-\n2\tNA\n');
    const r = await validateData(file, { schema: await parseSchema('columns: { a: { type: integer }, b: { type: string } }\nnulls: ["-"]') });
    // With "-" as the only null token, "NA" is a value and "-" is a null in a non-nullable column.
    expect(check(r, 'b', 'not_null')).toMatchObject({ failed_rows: 1, examples: [{ value: '-', line: 2 }] });
  });

  it('JSON Lines with NaN (as Python writes it) as a null, and a missing key', async () => {
    const file = join(dir, 'py.jsonl');
    await writeFile(file, '{"x": 1.5, "y": "a"}\n\n{"x": NaN, "y": "b"}\n{"y": "c"}\n');
    const r = await validateData(file, { schema: await parseSchema('columns: { x: { type: number }, y: { type: string } }') });
    expect(check(r, 'x', 'not_null')!.examples.map((e) => e.line)).toEqual([3, 4]);
    expect(r.rows).toBe(3);
  });

  it('Parquet: a slice of flights-3m.parquet, with row numbers as lines', async () => {
    const { asyncBufferFromFile, parquetReadObjects } = await import('hyparquet');
    const { compressors } = await import('hyparquet-compressors');
    const rows = await parquetReadObjects({ file: await asyncBufferFromFile(FLIGHTS), compressors, rowStart: 0, rowEnd: 3000 });
    const late = rows.map((r, i) => [Number(r.delay), i + 1]).filter(([d]) => d > 300);
    const schema = await parseSchema(`
columns:
  date:        { type: date, min: 2001-01-01, max: 2001-12-31 }
  delay:       { type: integer, max: 300 }
  distance:    { type: integer, min: 0 }
  origin:      { type: string, pattern: "^[A-Z]{3}$" }
  destination: { type: string, pattern: "^[A-Z]{3}$" }
`);
    const r = await validateData(FLIGHTS, { schema, limitRows: 3000, maxExamples: 100 });
    expect(r.rows).toBe(3000);
    expect(r.files[0].format).toBe('parquet');
    expect(failedChecks(r).map((c) => `${c.column}.${c.check}`)).toEqual(['delay.max']);
    expect(late.length).toBeGreaterThan(0);
    expect(check(r, 'delay', 'max')!.examples.map((e) => [e.value, e.line])).toEqual(late.map(([d, line]) => [String(d), line]));
  });
});

describe('sample', () => {
  it('validates at most N rows, the same ones on every run, spread over the file', async () => {
    const schema = await parseSchema('columns: { date: { type: date }, temp_max: { type: number, max: 20 } }');
    const a = await validateData(SEATTLE, { schema, sample: 200, maxExamples: 1000 });
    const b = await validateData(SEATTLE, { schema, sample: 200, maxExamples: 1000 });
    expect(a.rows).toBe(1461);
    expect(a.rows_validated).toBe(200);
    expect(a.sampled).toBe(true);
    expect(check(a, 'date', 'type')!.checked_rows).toBe(200);
    const lines = check(a, 'temp_max', 'max')!.examples.map((e) => e.line);
    expect(check(b, 'temp_max', 'max')!.examples.map((e) => e.line)).toEqual(lines);
    // Fair: the failures come from all over the year, not from the first 200 rows.
    expect(Math.max(...lines)).toBeGreaterThan(1000);
    const other = await validateData(SEATTLE, { schema, sample: 200, seed: 99, maxExamples: 1000 });
    expect(check(other, 'temp_max', 'max')!.examples.map((e) => e.line)).not.toEqual(lines);
  });

  it('samples JSON records too', async () => {
    const r = await validateData(PENGUINS, { schema: await parseSchema(PENGUIN_SCHEMA), sample: 50 });
    expect(r.rows_validated).toBe(50);
    expect(check(r, 'Species', 'enum')!.checked_rows).toBe(50);
  });
});
