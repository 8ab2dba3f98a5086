import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inferSchema, schemaToYaml } from './infer.js';
import { parseSchema } from './schema.js';
import { validateData } from './validate.js';

const VEGA = fileURLToPath(new URL('../../../../node_modules/vega-datasets/data/', import.meta.url));

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mlci-infer-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('inferSchema', () => {
  it('infers seattle-weather.csv, and the same file validates against the YAML it wrote', async () => {
    const file = join(VEGA, 'seattle-weather.csv');
    const { schema, yaml, rows } = await inferSchema(file);
    expect(rows).toBe(1461);
    expect(schema.columns).toEqual({
      date: { type: 'date' },
      precipitation: { type: 'number', min: 0, max: 55.9 },
      temp_max: { type: 'number', min: -1.6, max: 35.6 },
      temp_min: { type: 'number', min: -7.1, max: 18.3 },
      wind: { type: 'number', min: 0.4, max: 9.5 },
      weather: { type: 'string', enum: ['drizzle', 'fog', 'rain', 'snow', 'sun'] },
    });
    expect(yaml).toMatch(/^# Inferred by mlci/);
    expect(yaml).toContain('  weather: { type: string, enum: [ drizzle, fog, rain, snow, sun ] }');
    const r = await validateData(file, { schema: await parseSchema(yaml) });
    expect(r.checks.filter((c) => !c.passed)).toEqual([]);
  });

  it('infers penguins.json with its nulls, and round-trips', async () => {
    const file = join(VEGA, 'penguins.json');
    const { schema, yaml } = await inferSchema(file);
    expect(schema.columns!['Species']).toEqual({ type: 'string', enum: ['Adelie', 'Chinstrap', 'Gentoo'] });
    expect(schema.columns!['Body Mass (g)']).toEqual({ type: 'integer', nullable: true, min: 2700, max: 6300 });
    expect(schema.columns!['Beak Length (mm)']).toMatchObject({ type: 'number', nullable: true });
    expect(schema.columns!['Sex']).toEqual({ type: 'string', nullable: true, enum: ['.', 'FEMALE', 'MALE'] });
    const r = await validateData(file, { schema: await parseSchema(yaml) });
    expect(r.passed).toBe(true);
    expect(r.checks.filter((c) => !c.passed)).toEqual([]);
  });

  it('keeps leading-zero codes as strings, NA as null (not a category), ids unique, booleans', async () => {
    const file = join(dir, 'codes.csv');
    const lines = ['user_id,zip,flag,score,when'];
    for (let i = 0; i < 60; i++) {
      lines.push(
        `${1000 + i},${String(i * 7).padStart(5, '0')},${i % 2 ? 'true' : 'False'},${i % 10 === 0 ? 'NA' : i / 4},2024-01-${String((i % 28) + 1).padStart(2, '0')}T10:00:00Z`,
      );
    }
    await writeFile(file, lines.join('\n') + '\n');
    const { schema, yaml } = await inferSchema(file);
    expect(schema.columns).toEqual({
      user_id: { type: 'integer', min: 1000, max: 1059, unique: true },
      zip: { type: 'string' },
      flag: { type: 'boolean' },
      score: { type: 'number', nullable: true, min: 0.25, max: 14.75 },
      when: { type: 'date' },
    });
    expect((await validateData(file, { schema: await parseSchema(yaml) })).passed).toBe(true);
  });

  it('writes custom null tokens into the schema', async () => {
    const file = join(dir, 'dash.csv');
    await writeFile(file, 'a,b\n1,-\n2,x\n3,x\n4,y\n');
    const { schema, yaml } = await inferSchema(file, { nulls: ['-'] });
    expect(schema.nulls).toEqual(['-']);
    expect(schema.columns!.b).toEqual({ type: 'string', nullable: true });
    expect((await validateData(file, { schema: await parseSchema(yaml) })).passed).toBe(true);
  });

  it('found by the round-trip properties: all-null columns, ids equal as numbers, mixed JSON kinds, duplicate names', async () => {
    const csv = join(dir, 'found.csv');
    await writeFile(csv, 'empty,user_id,x,sku_id,zip_id\n,1,Infinity,A1,007\nNA,1.0,2,B2,7\n');
    const { schema, yaml } = await inferSchema(csv);
    // Before: `enum: []` (which the schema parser refuses) and `unique: true` (1 and 1.0 are one integer).
    expect(schema.columns).toEqual({
      empty: { type: 'string', nullable: true },
      user_id: { type: 'integer', min: 1, max: 1 },
      x: { type: 'number', min: 2 },
      // Text ids compare as text: `007` and `7` are two codes (the column is text), not one number.
      sku_id: { type: 'string', unique: true },
      zip_id: { type: 'string', unique: true },
    });
    expect((await validateData(csv, { schema: await parseSchema(yaml) })).errors).toBe(0);

    const jsonl = join(dir, 'mixed.jsonl');
    await writeFile(jsonl, '{"a":true,"b":"x","c":{"k":1}}\n{"a":"no","b":"y","c":{"k":1}}\n');
    const mixed = await inferSchema(jsonl);
    // Before: `a: { type: string }`, which fails the JSON true.
    expect(mixed.schema.columns).toEqual({ a: {}, b: { type: 'string' }, c: {} });
    expect((await validateData(jsonl, { schema: await parseSchema(mixed.yaml) })).errors).toBe(0);

    const dup = join(dir, 'dup.csv');
    await writeFile(dup, 'a,b,a\n1,2,3\n');
    await expect(inferSchema(dup)).rejects.toThrow(/duplicate column name "a"/);
  });
});

it('writes a schema whose column names hold U+2028 or U+2029 as YAML that reads back the same', async () => {
  // Found by the round-trip property test: a JS regex's `^` (m flag) also starts a line after them.
  const schema = { columns: { '\u2028': { type: 'integer' as const }, 'a\u2029b': { type: 'string' as const }, plain: { type: 'number' as const } } };
  expect(await parseSchema(schemaToYaml(schema, 'a comment'), 'schema.yml')).toEqual(schema);
});
