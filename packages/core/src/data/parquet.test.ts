import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { asyncBufferFromFile, parquetMetadataAsync } from 'hyparquet';
import { readParquet } from './parquet.js';

const FLIGHTS = join(import.meta.dirname, '../../../../node_modules/vega-datasets/data/flights-3m.parquet');

/** flights-3m.parquet with 2 KB of the first row group's `delay` pages overwritten. */
async function corruptFlights(dest: string): Promise<void> {
  const metadata = await parquetMetadataAsync(await asyncBufferFromFile(FLIGHTS));
  const delay = metadata.row_groups[0].columns.find((c) => c.meta_data?.path_in_schema[0] === 'delay')!;
  const at = Number(delay.meta_data!.data_page_offset) + 64;
  const bytes = await readFile(FLIGHTS);
  bytes.fill(0xa5, at, at + 2048);
  await writeFile(dest, bytes);
}

describe('readParquet', () => {
  it('fails on corrupt pages of a column nobody asked for, at the row group that holds them', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'mlci-pq-')), 'corrupt.parquet');
    await corruptFlights(file);
    const delivered: string[] = [];
    const read = readParquet(file, { columns: () => [], columnValues: (name) => delivered.push(name) });
    await expect(read).rejects.toMatchObject({ name: 'UserError', file, line: 1, message: expect.stringMatching(/^cannot read Parquet rows 1–/) });
    expect(delivered).toEqual([]);
  });

  it('delivers only the wanted columns of a sound file', async () => {
    const names = new Set<string>();
    const stats = await readParquet(FLIGHTS, { columns: () => ['origin'], columnValues: (name) => names.add(name) }, { limitRows: 1000 });
    expect([...names]).toEqual(['origin']);
    expect(stats.records).toBe(1000);
  });
});
