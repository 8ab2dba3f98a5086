import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inferSchema, schemaToYaml } from './infer.js';
import { parseSchema } from './schema.js';
import { validateData } from './validate.js';

/**
 * The round trip validate-data promises: a schema inferred from any table, written as YAML and
 * read back by the schema parser, is passed by that same table with no failed check.
 */

let dir: string;
let n = 0;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mlci-infer-prop-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Names people (and spreadsheets) really use, plus the ones that break YAML and CSV writers. */
const ODD_NAMES = [
  '',
  ' ',
  'a b',
  'x"y',
  "it's",
  'a.b',
  'a,b',
  '1st',
  '007',
  '#',
  '# x',
  '🙂',
  'naïve',
  'Ünïcödé',
  '名前',
  'a\nb',
  'a\r\nb',
  'tab\there',
  'NA',
  'null',
  'true',
  'yes',
  '~',
  '-',
  '- x',
  ': y',
  '? z',
  '*',
  '&a',
  '!t',
  '%',
  '@',
  '`',
  '{',
  '[',
  ']',
  '}',
  '|',
  '>',
  "'",
  '"',
  'user_id',
  'id',
  'orderId',
  'uuid',
  'key',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  '<b>',
  '\\',
  'a\\_b',
  '0x1F',
  '1e3',
];
const columnName = fc.oneof(
  fc.constantFrom('id', 'user_id', 'orderId', 'item key', 'row.id'),
  fc.constantFrom(...ODD_NAMES),
  fc.string({ maxLength: 8 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
);

const NULLS = ['', 'NA', 'null', 'NaN'];
const ODD_CELLS = [
  '"',
  '""',
  'a,b',
  'line\nbreak',
  'cr\rlf',
  'crlf\r\n',
  ' lead',
  'trail ',
  "'",
  'true',
  'False',
  'yes',
  '0',
  '-0',
  '+1',
  '007',
  '1e3',
  '1E-7',
  '.5',
  '5.',
  '0x10',
  'Infinity',
  '-Infinity',
  'inf',
  '1,5',
  '#',
  '🙂',
  '名',
  '~',
  '- a',
  ': b',
  '[x]',
  '{y}',
  '&z',
  '*w',
  '!v',
  '%u',
  '@t',
  '2024-01-31',
  '2024-02-30',
  '2024-01-31T10:00:00Z',
  '\\',
  '\\_',
  '&lt;',
  '<b>',
  '|',
  'null ',
  ' NA',
  '9007199254740993',
  '1.7976931348623157e308',
];

/** One column's cells, of one flavour: the shapes inference must tell apart. */
const cellOf = {
  int: fc.integer({ min: -1e9, max: 1e9 }).map(String),
  // Few small whole numbers spelled several ways: `1` and `1.0` are one value to an integer column.
  intSpelled: fc.tuple(fc.integer({ min: 0, max: 30 }), fc.constantFrom('', '.0', '.00', 'e0')).map(([i, tail]) => `${i}${tail}`),
  // Around the enum cap (20 distinct values): enum or not must be decided the same both ways.
  labels: fc.integer({ min: 0, max: 22 }).map((i) => `L${i}`),
  bigint: fc.bigInt({ min: -(10n ** 25n), max: 10n ** 25n }).map(String),
  float: fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
  decimal: fc.tuple(fc.integer({ min: -99999, max: 99999 }), fc.integer({ min: 0, max: 6 })).map(([m, d]) => (m / 10 ** d).toFixed(d)),
  bool: fc.constantFrom('true', 'false', 'True', 'FALSE', '0', '1', 'yes', 'no'),
  date: fc
    .date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
    .chain((d) => fc.constantFrom(d.toISOString(), d.toISOString().slice(0, 10), d.toISOString().slice(0, 19).replace('T', ' '))),
  category: fc.constantFrom('a', 'b', 'B', 'c c', 'ä', '🙂', 'x"y', 'p,q', 'true', '1', 'yes', '- z', 'line\nbreak', '#', ''),
  text: fc.oneof(fc.string({ maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 8 }), fc.constantFrom(...ODD_CELLS)),
  nulls: fc.constantFrom(...NULLS),
};
type Flavour = keyof typeof cellOf;
const FLAVOURS = Object.keys(cellOf) as Flavour[];

/** A column: a flavour (or a mix of them, as a hand-edited file has) and how often a cell is null. */
const columnSpec = fc.record({
  flavours: fc.uniqueArray(fc.constantFrom(...FLAVOURS), { minLength: 1, maxLength: 3 }),
  nullRate: fc.constantFrom(0, 0, 0.1, 0.5, 1),
});

function cell(spec: { flavours: Flavour[]; nullRate: number }): fc.Arbitrary<string> {
  const value = fc.oneof(...spec.flavours.map((f) => cellOf[f]));
  if (spec.nullRate === 0) return value;
  if (spec.nullRate === 1) return cellOf.nulls;
  return fc.oneof({ weight: Math.round(spec.nullRate * 10), arbitrary: cellOf.nulls }, { weight: Math.round((1 - spec.nullRate) * 10), arbitrary: value });
}

interface Table {
  names: string[];
  rows: string[][];
}

function table(maxRows: number): fc.Arbitrary<Table> {
  return fc
    .uniqueArray(columnName, { minLength: 1, maxLength: 6 })
    .chain((names) => fc.tuple(fc.constant(names), fc.array(columnSpec, { minLength: names.length, maxLength: names.length })))
    .chain(([names, specs]) =>
      fc.record({
        names: fc.constant(names),
        rows: fc.array(fc.tuple(...specs.map(cell)), { minLength: 1, maxLength: maxRows }),
      }),
    );
}

/** RFC 4180, quoting only where needed (and sometimes where not, as exporters do). */
function toCsv(t: Table, quoteAll: boolean): string {
  const field = (s: string) => (quoteAll || /[",\r\n]/.test(s) || s === '' ? `"${s.replace(/"/g, '""')}"` : s);
  return [t.names, ...t.rows].map((r) => r.map(field).join(',')).join('\n') + '\n';
}

/** JSON Lines with each cell typed as a JSON writer would: numbers, booleans, null, strings. */
function toJsonl(t: Table): string {
  const typed = (s: string): unknown => {
    if (s === '' || s === 'null') return null;
    if (/^-?(0|[1-9]\d{0,14})(\.\d+)?$/.test(s)) return Number(s);
    if (s === 'true' || s === 'false') return s === 'true';
    return s;
  };
  return t.rows.map((r) => JSON.stringify(Object.fromEntries(t.names.map((name, i) => [name, typed(r[i])])))).join('\n') + '\n';
}

async function roundTrip(text: string, ext: string, names: string[]): Promise<void> {
  const file = join(dir, `t${n++}.${ext}`);
  await writeFile(file, text);
  const { schema, rows } = await inferSchema(file);
  // The YAML validate-data writes for `infer-schema`, and the parser it reads `schema` with.
  const yaml = schemaToYaml(schema, `Inferred by mlci from ${file} (${rows} rows).`);
  const parsed = await parseSchema(yaml, 'schema.yml');
  expect(parsed).toEqual(schema);
  // Every column kept, `__proto__` and the empty name too (object key order puts `1` before `a`).
  expect(Object.keys(parsed.columns ?? {}).sort()).toEqual([...names].sort());
  const r = await validateData(file, { schema: parsed });
  const failed = r.checks.filter((c) => !c.passed);
  expect(failed, `${yaml}\n---\n${text}`).toEqual([]);
  expect(r.errors).toBe(0);
  expect(r.warnings).toBe(0);
}

describe('inferSchema round trip (property)', () => {
  it('CSV: every generated table passes the schema inferred from it', async () => {
    await fc.assert(
      fc.asyncProperty(table(12), fc.boolean(), async (t, quoteAll) => roundTrip(toCsv(t, quoteAll), 'csv', t.names)),
      { numRuns: 300 },
    );
  });

  it('CSV: many rows (enum caps, unique ids, widening late in the file)', async () => {
    await fc.assert(
      fc.asyncProperty(table(400), async (t) => roundTrip(toCsv(t, false), 'csv', t.names)),
      { numRuns: 25 },
    );
  });

  it('JSON Lines: every generated table passes the schema inferred from it', async () => {
    await fc.assert(
      fc.asyncProperty(table(12), async (t) => roundTrip(toJsonl(t), 'jsonl', t.names)),
      { numRuns: 200 },
    );
  });
});
