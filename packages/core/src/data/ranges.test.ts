import { mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cutPoints, DEFAULT_MIN_PARALLEL_BYTES, DEFAULT_RANGE_BYTES, readHeader, registeredRanges, scanInRanges, useDataWorkers } from './ranges.js';
import type { RangeResult } from './range-scan.js';
import { parseSchema } from './schema.js';
import { validateData } from './validate.js';

const SEATTLE = fileURLToPath(new URL('../../../../node_modules/vega-datasets/data/seattle-weather.csv', import.meta.url));

// Every kind of check, with failures: a ragged row, a pattern, a unique column, a date, a range.
const SCHEMA = await parseSchema(`
columns:
  id:    { type: integer, unique: true }
  when:  { type: date }
  code:  { type: string, pattern: "^[A-Z]{3}$" }
  note:  { type: string, nullable: true }
  x:     { type: number, min: 0, max: 10 }
`);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mlci-ranges-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Rows with quoted newlines (LF and CRLF inside quotes), blank lines, a BOM and CRLF endings. */
function quirkyCsv(rows: number, { bom = true, crlf = true, dupEvery = 0 } = {}): string {
  const nl = crlf ? '\r\n' : '\n';
  let text = `${bom ? '\uFEFF' : ''}id,when,code,note,x${nl}`;
  for (let i = 0; i < rows; i++) {
    const id = dupEvery > 0 && i % dupEvery === dupEvery - 1 ? i - 7 : i;
    const code = i % 11 === 3 ? 'ab1' : ['SFO', 'LAX', 'ÉTÉ'][i % 3];
    const note = i % 5 === 0 ? `"line one\nline ""two""\r\nthree, ${i}"` : i % 7 === 0 ? '' : `plain ${i}`;
    const when = i % 13 === 4 ? '2001-02-30' : `2020-01-${String((i % 28) + 1).padStart(2, '0')} 10:00:00`;
    const x = i % 9 === 2 ? '-1' : i % 17 === 0 ? 'NA' : String((i % 10) + 0.5);
    text += i % 23 === 6 ? `${id},${when}${nl}` : `${id},${when},${code},${note},${x}${nl}`;
    if (i % 19 === 8) text += nl;
  }
  return text;
}

async function write(name: string, text: string): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, text);
  return file;
}

/** Each report through tiny ranges in this thread, next to the one-thread one. */
async function bothWays(file: string, bytes: number, maxExamples = 5) {
  const one = await validateData(file, { schema: SCHEMA, maxExamples, ranges: null });
  const split = await validateData(file, { schema: SCHEMA, maxExamples, ranges: { bytes, threads: 2 } });
  return { one, split };
}

describe('validating a CSV file in ranges', () => {
  it('gives the one-thread report to the example and its line, whatever the range size (quoted newlines, CRLF, BOM, blank lines)', async () => {
    const file = await write('quirks.csv', quirkyCsv(400));
    for (const bytes of [7, 16, 33, 64, 100, 257, 1000, 4096]) {
      const { one, split } = await bothWays(file, bytes, 50);
      expect(split, `${bytes}-byte ranges`).toEqual(one);
    }
    const { one } = await bothWays(file, 64);
    // The comparison is of real failures, at lines after quoted newlines.
    const failed = Object.fromEntries(one.checks.filter((c) => !c.passed).map((c) => [`${c.column}.${c.check}`, c.failed_rows]));
    expect(Object.keys(failed).sort()).toEqual(['code.pattern', 'null.field_count', 'when.type', 'x.min', 'x.not_null'].sort());
    expect(one.checks.find((c) => c.check === 'field_count')!.examples[0].line).toBeGreaterThan(7);
  });

  it('cuts where a line feed is inside a quoted field and reads that range again from the real boundary', async () => {
    const file = await write('cuts.csv', quirkyCsv(200, { bom: false, crlf: false }));
    const size = Buffer.byteLength(await readFile(file));
    const fh = await open(file, 'r');
    try {
      const header = (await readHeader(fh, file, ',', size))!;
      expect(header).toMatchObject({ names: ['id', 'when', 'code', 'note', 'x'], line: 1, nextLine: 2 });
      const cuts = await cutPoints(fh, header.end, size, 25);
      const seen: { r: RangeResult; line: number }[] = [];
      const base = { file, size, delimiter: ',', schema: SCHEMA, maxExamples: 5, map: [0, 1, 2, 3, 4], fieldCount: 5, maxRecordBytes: 1 << 20 };
      await scanInRanges(fh, base, header.end, header.nextLine, { bytes: 25, threads: 2 }, (r, line) => seen.push({ r, line }));
      // Ranges tile the data exactly, and some began at a guess that was inside a quoted field.
      expect(seen[0].r.start).toBe(header.end);
      for (let k = 1; k < seen.length; k++) expect(seen[k].r.start).toBe(seen[k - 1].r.stop);
      expect(seen.at(-1)!.r.stop).toBe(size);
      // A range read again begins at the end of the record that ran into it, not at its cut.
      expect(seen.some(({ r }) => cuts[cuts.indexOf(r.end) - 1] !== r.start)).toBe(true);
      expect(seen.length).toBeGreaterThan(50);
      expect(seen.reduce((n, { r }) => n + r.records, 0)).toBe(200);
      // Lines add up to the file's: the last range ends on its last line.
      const last = seen.at(-1)!;
      expect(last.line + last.r.lines).toBe((await readFile(file, 'utf8')).split('\n').length);
    } finally {
      await fh.close();
    }
  });

  it('runs again in one thread when a unique value repeats across ranges while examples are still wanted, with the same result', async () => {
    const file = await write('dups.csv', quirkyCsv(300, { dupEvery: 40 }));
    for (const [bytes, examples] of [
      [50, 5],
      [50, 1],
      [300, 0],
    ]) {
      const { one, split } = await bothWays(file, bytes, examples);
      expect(split).toEqual(one);
      expect(one.checks.find((c) => c.check === 'unique')!.failed_rows).toBe(7);
    }
  });

  it('agrees with one thread on random CSV text split at random sizes', async () => {
    const cell = fc.oneof(
      fc.constantFrom('', 'NA', 'SFO', 'ab1', '7', '-3', '2.5', '2020-02-29', '2021-02-29', 'É'),
      fc.constantFrom('"a\nb"', '"x,""y"""', '"\r\n"', '"SFO"', '" 1 "'),
    );
    const row = fc.array(cell, { minLength: 4, maxLength: 6 }).map((cells) => cells.join(','));
    const text = fc
      .tuple(fc.array(row, { minLength: 1, maxLength: 40 }), fc.constantFrom('\n', '\r\n', '\r\n\r\n'), fc.boolean())
      .map(([rows, nl, bom]) => `${bom ? '\uFEFF' : ''}id,when,code,note,x${nl}${rows.join(nl)}${nl}`);
    let k = 0;
    await fc.assert(
      fc.asyncProperty(text, fc.integer({ min: 3, max: 80 }), async (csv, bytes) => {
        const file = await write(`random-${k++}.csv`, csv);
        const one = await validateData(file, { schema: SCHEMA, ranges: null }).catch((e: Error) => e.message);
        const split = await validateData(file, { schema: SCHEMA, ranges: { bytes, threads: 2 } }).catch((e: Error) => e.message);
        expect(split).toEqual(one);
      }),
      { numRuns: 150 },
    );
  });

  it('reads a gzip-compressed CSV as one stream, and a second file after the first, with the same result', async () => {
    const text = quirkyCsv(300, { dupEvery: 0 });
    const plain = await write('first.csv', text);
    const gz = join(dir, 'second.csv.gz');
    await writeFile(gz, gzipSync(text));
    const one = await validateData([plain, gz], { schema: SCHEMA, ranges: null });
    const split = await validateData([plain, gz], { schema: SCHEMA, ranges: { bytes: 40, threads: 2 } });
    expect(split).toEqual(one);
    expect(one.rows).toBe(600);
    // The second file's ids repeat the first's (its ragged rows' cells are not checked).
    expect(one.checks.find((c) => c.check === 'unique')!.failed_rows).toBe(300 - 13);
  });

  it('gives each of several validations at once its own one-thread result', async () => {
    const files = await Promise.all(
      [0, 1, 2, 3, 4, 5].map((k) => write(`apart-${k}.csv`, quirkyCsv(1500 + 100 * k, { crlf: k % 2 === 0 }).replaceAll('SFO', ['SEA', 'sfo', 'SFO'][k % 3]))),
    );
    const one = [];
    for (const f of files) one.push(await validateData(f, { schema: SCHEMA, ranges: null }));
    const split = await Promise.all(files.map((f) => validateData(f, { schema: SCHEMA, ranges: { bytes: 2048, threads: 2 } })));
    expect(split).toEqual(one);
    expect(new Set(one.map((r) => JSON.stringify(r.checks))).size).toBe(files.length);
  });

  it('leaves a real file alone below two ranges, and agrees on it above', async () => {
    for (const bytes of [1 << 20, 4096]) {
      const one = await validateData(SEATTLE, {
        schema: await parseSchema('columns:\n  date: { type: date, unique: true }\n  wind: { type: number, max: 8 }\n'),
        ranges: null,
      });
      const split = await validateData(SEATTLE, {
        schema: await parseSchema('columns:\n  date: { type: date, unique: true }\n  wind: { type: number, max: 8 }\n'),
        ranges: { bytes, threads: 2 },
      });
      expect(split).toEqual(one);
      expect(one.checks.find((c) => c.check === 'max')!.failed_rows).toBeGreaterThan(0);
    }
  });
});

describe.skipIf(availableParallelism() < 2)('useDataWorkers', () => {
  it('keeps files below 32 MiB in one thread, unless a range size is forced', () => {
    useDataWorkers('/bundle/index.js');
    expect(registeredRanges()).toMatchObject({ script: '/bundle/index.js', bytes: DEFAULT_RANGE_BYTES, minFileBytes: DEFAULT_MIN_PARALLEL_BYTES });
    expect(DEFAULT_MIN_PARALLEL_BYTES).toBe(32 * 1024 * 1024);
    useDataWorkers('/bundle/index.js', 512);
    expect(registeredRanges()).toMatchObject({ bytes: 512, minFileBytes: 1024 });
    // A size that is not one is not given.
    useDataWorkers('/bundle/index.js', Number.NaN);
    expect(registeredRanges()).toMatchObject({ bytes: DEFAULT_RANGE_BYTES, minFileBytes: DEFAULT_MIN_PARALLEL_BYTES });
  });
});

/**
 * Real worker threads, running the transpiled core (lib/, built by `npm test`'s build) through a
 * script that logs which ranges each one scanned, or that fails the way a broken worker would.
 */
describe.skipIf(availableParallelism() < 2)('validating in ranges on worker threads', () => {
  const lib = pathToFileURL(fileURLToPath(new URL('../../lib/data/range-scan.js', import.meta.url))).href;

  async function script(name: string, body: string): Promise<string> {
    return write(
      `${name}.mjs`,
      `import { parentPort } from 'node:worker_threads';\nimport { appendFileSync, writeFileSync } from 'node:fs';\nimport * as scan from ${JSON.stringify(lib)};\n${body}\n`,
    );
  }

  it('gives the one-thread report, with ranges taken by the workers as well as by this thread', async () => {
    const log = join(dir, 'scanned.log');
    const worker = await script(
      'logging-worker',
      `const post = parentPort.postMessage.bind(parentPort);
parentPort.postMessage = (m) => { if (m.result) appendFileSync(${JSON.stringify(log)}, m.k + '\\n'); post(m); };
scan.serveDataWorker();`,
    );
    const file = await write('many-ranges.csv', quirkyCsv(30000));
    const one = await validateData(file, { schema: SCHEMA, ranges: null });
    const split = await validateData(file, { schema: SCHEMA, ranges: { bytes: 2048, threads: 3, script: worker } });
    expect(split).toEqual(one);
    expect(one.rows).toBe(30000);
    // Two workers started cold while this thread scanned: of some 700 ranges, they took some, and
    // this thread the rest (each range once).
    const size = Buffer.byteLength(await readFile(file));
    const fh = await open(file, 'r');
    const ranges = await readHeader(fh, file, ',', size)
      .then((h) => cutPoints(fh, h!.end, size, 2048))
      .finally(() => fh.close());
    const byWorkers = (await readFile(log, 'utf8')).trim().split('\n').map(Number);
    expect(ranges.length - 1).toBeGreaterThan(500);
    expect(byWorkers.length).toBeGreaterThan(0);
    expect(byWorkers.length).toBeLessThan(ranges.length - 1);
    expect(new Set(byWorkers).size).toBe(byWorkers.length);
  });

  it('fails, and does not wait forever, when a worker takes ranges and dies without an answer', async () => {
    // It takes every range left, then exits: only an error can say what became of them.
    const worker = await script(
      'dying-worker',
      `parentPort.on('message', (job) => { Atomics.add(new Int32Array(job.state), scan.SLOT_NEXT, 1 << 30); process.exit(3); });`,
    );
    const file = await write('orphaned.csv', quirkyCsv(30000));
    await expect(validateData(file, { schema: SCHEMA, ranges: { bytes: 2048, threads: 2, script: worker } })).rejects.toThrow(
      /a data worker stopped \(exit code 3\)/,
    );
  });

  it('reports what a worker failed with', async () => {
    const worker = await script('throwing-worker', `parentPort.on('message', () => { throw new Error('no range for me'); });`);
    const file = await write('thrown.csv', quirkyCsv(30000));
    await expect(validateData(file, { schema: SCHEMA, ranges: { bytes: 2048, threads: 2, script: worker } })).rejects.toThrow(/no range for me/);
  });
});
