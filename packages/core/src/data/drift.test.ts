import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from './random.js';
import { parseSchema } from './schema.js';
import type { ValidationResult } from './types.js';
import { validateData } from './validate.js';

const VEGA = fileURLToPath(new URL('../../../../node_modules/vega-datasets/data/', import.meta.url));

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mlci-drift-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Splits items into two random halves (seeded). */
function halves<T>(items: T[], seed: number): [T[], T[]] {
  const random = seededRandom(seed);
  const a: T[] = [];
  const b: T[] = [];
  for (const item of items) (random() < 0.5 ? a : b).push(item);
  return [a, b];
}

const drifted = (r: ValidationResult) => r.drift.filter((d) => d.drifted).map((d) => d.column);
const byColumn = (r: ValidationResult, c: string) => r.drift.find((d) => d.column === c)!;

describe('drift on seattle-weather.csv (small samples: KS and chi-square p-values)', () => {
  const schema = parseSchema(`
columns:
  date:          { type: date, unique: true }
  precipitation: { type: number }
  temp_max:      { type: number }
  temp_min:      { type: number }
  wind:          { type: number }
  weather:       { type: string }
`);
  let header: string;
  let a: string[];
  let b: string[];
  beforeAll(async () => {
    const lines = (await readFile(join(VEGA, 'seattle-weather.csv'), 'utf8')).trimEnd().split('\n');
    header = lines[0];
    [a, b] = halves(lines.slice(1), 11);
  });
  const write = async (name: string, rows: string[]) => {
    const file = join(dir, name);
    await writeFile(file, [header, ...rows].join('\n') + '\n');
    return file;
  };

  it('two random halves show no drift', async () => {
    const r = await validateData(await write('a.csv', a), { schema: await schema, reference: [await write('b.csv', b)] });
    // The unique date column is left out: ids and keys drift by construction.
    expect(r.drift.map((d) => d.column)).toEqual(['precipitation', 'temp_max', 'temp_min', 'wind', 'weather']);
    expect(byColumn(r, 'temp_max').method).toBe('ks');
    expect(byColumn(r, 'weather').method).toBe('chi-square');
    expect(drifted(r)).toEqual([]);
    expect(r.dataset_drift).toBe(false);
    expect(r.reference!.rows).toBe(b.length);
    expect(r.passed).toBe(true);
  });

  it('a shifted column drifts, the others do not', async () => {
    const shifted = a.map((line) => {
      const cells = line.split(',');
      cells[2] = (Number(cells[2]) + 3).toFixed(1);
      return cells.join(',');
    });
    const r = await validateData(await write('shifted.csv', shifted), { schema: await schema, reference: [await write('b2.csv', b)] });
    expect(drifted(r)).toEqual(['temp_max']);
    expect(byColumn(r, 'temp_max').statistic).toBeLessThan(0.05);
    expect(r.dataset_drift).toBe(false);
    expect(r.warnings).toBe(0);
  });

  it('a changed category mix drifts (chi-square)', async () => {
    const rainier = a.map((line) => line.replace(/,sun$/, ',rain'));
    const r = await validateData(await write('rain.csv', rainier), { schema: await schema, reference: [await write('b3.csv', b)] });
    expect(drifted(r)).toEqual(['weather']);
  });
});

describe('drift on penguins.json', () => {
  const schema = parseSchema(`
columns:
  Species:             { type: string }
  Island:              { type: string }
  Beak Length (mm):    { type: number, nullable: true }
  Beak Depth (mm):     { type: number, nullable: true }
  Flipper Length (mm): { type: integer, nullable: true }
  Body Mass (g):       { type: integer, nullable: true }
  Sex:                 { type: string, nullable: true }
`);
  let a: Record<string, unknown>[];
  let b: Record<string, unknown>[];
  beforeAll(async () => {
    [a, b] = halves(JSON.parse(await readFile(join(VEGA, 'penguins.json'), 'utf8')) as Record<string, unknown>[], 5);
  });
  const write = async (name: string, rows: unknown[]) => {
    const file = join(dir, name);
    await writeFile(file, JSON.stringify(rows, null, 1));
    return file;
  };

  it('two random halves show no drift', async () => {
    const r = await validateData(await write('pa.json', a), { schema: await schema, reference: [await write('pb.json', b)] });
    expect(r.drift).toHaveLength(7);
    expect(drifted(r)).toEqual([]);
    expect(r.dataset_drift).toBe(false);
  });

  it('heavier penguins drift', async () => {
    const heavier = a.map((p) => ({ ...p, 'Body Mass (g)': p['Body Mass (g)'] === null ? null : Math.round((p['Body Mass (g)'] as number) * 1.15) }));
    const r = await validateData(await write('heavy.json', heavier), { schema: await schema, reference: [await write('pb2.json', b)] });
    expect(drifted(r)).toEqual(['Body Mass (g)']);
    expect(byColumn(r, 'Body Mass (g)').method).toBe('ks');
  });
});

describe('drift on large samples (Wasserstein and Jensen-Shannon distances)', () => {
  const schema = parseSchema(`
columns:
  delay:    { type: integer }
  distance: { type: integer }
  origin:   { type: string }
drift:
  columns:
    distance: { method: psi }
`);
  let header: string;
  let a: string[];
  let b: string[];
  beforeAll(async () => {
    const { asyncBufferFromFile, parquetReadObjects } = await import('hyparquet');
    const { compressors } = await import('hyparquet-compressors');
    const rows = await parquetReadObjects({
      file: await asyncBufferFromFile(join(VEGA, 'flights-3m.parquet')),
      compressors,
      rowStart: 0,
      rowEnd: 20000,
      columns: ['delay', 'distance', 'origin'],
    });
    header = 'delay,distance,origin';
    [a, b] = halves(
      rows.map((r) => `${r.delay},${r.distance},${r.origin}`),
      17,
    );
  });
  const write = async (name: string, rows: string[]) => {
    const file = join(dir, name);
    await writeFile(file, [header, ...rows].join('\n') + '\n');
    return file;
  };

  it('two random halves show no drift', async () => {
    const r = await validateData(await write('fa.csv', a), { schema: await schema, reference: [await write('fb.csv', b)] });
    expect(r.drift.map((d) => [d.column, d.method])).toEqual([
      ['delay', 'wasserstein'],
      ['distance', 'psi'],
      ['origin', 'jensen-shannon'],
    ]);
    expect(drifted(r)).toEqual([]);
    for (const d of r.drift) expect(d.statistic).toBeLessThan(d.threshold);
  });

  it('shifted delays and a different airport mix drift; the dataset drifts', async () => {
    const moved = a.map((line, i) => {
      const [delay, distance, origin] = line.split(',');
      return `${Number(delay) + 30},${distance},${i % 3 === 0 ? 'XXX' : origin}`;
    });
    const r = await validateData(await write('moved.csv', moved), { schema: await schema, reference: [await write('fb2.csv', b)] });
    expect(drifted(r)).toEqual(['delay', 'origin']);
    expect(r.drift_share).toBeCloseTo(2 / 3);
    expect(r.dataset_drift).toBe(true);
    // Dataset drift is a warning unless the schema says otherwise.
    expect(r.warnings).toBe(1);
    expect(r.passed).toBe(true);
  });
});
