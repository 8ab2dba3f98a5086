import { open, stat } from 'node:fs/promises';
import { UserError } from '../errors.js';
import type { ColumnValidator } from './column.js';
import { readCsv, refuseDuplicateColumns } from './csv.js';
import { columnDrift, datasetDrift, type Sketch } from './drift.js';
import { readJsonArray, readJsonLines } from './json.js';
import { DEFAULT_SEED, ReservoirIndex } from './random.js';
import { formatFromName, openData, type DataFormat } from './source.js';
import {
  endWarmDataWorkers,
  inRangesBySize,
  NeedsOneThread,
  type RangeSettings,
  readHeader,
  registeredRanges,
  scanInRanges,
  warmDataWorkers,
} from './ranges.js';
import { checkCsvRecord, DatasetTally, makeValidators } from './tally.js';
import type { CheckResult, ColumnSchema, DataSchema, DriftResult, FileSummary, ValidationResult } from './types.js';

export interface ReadOptions {
  /** Overrides detection by name and content. */
  format?: DataFormat;
  /** CSV delimiter; `\t` for `.tsv` files unless given. */
  delimiter?: string;
  /** Validate at most this many rows, chosen uniformly at random (seeded reservoir sampling). */
  sample?: number;
  seed?: number;
  /** Read only the first N rows of each file (previews, tests). */
  limitRows?: number;
}

/** Thrown from a row handler to stop reading a file early (limitRows). */
class StopReading extends Error {}

export interface ValidateOptions extends ReadOptions {
  schema?: DataSchema;
  /** Examples kept per failed check. Default 5. */
  maxExamples?: number;
  /** Files to compare with for drift. */
  reference?: string[];
  /**
   * How a large CSV file is split over threads (ranges.ts); by default what useDataWorkers set,
   * else one thread. Tests give tiny ranges run in this thread to compare with the one-thread path.
   */
  ranges?: RangeSettings | null;
}

/** A record kept by the sampler: the bytes of a CSV record or a parsed object. */
interface Kept {
  fileIndex: number;
  line: number;
  bytes?: Buffer;
  starts?: Int32Array;
  ends?: Int32Array;
  object?: Record<string, unknown>;
}

/**
 * One pass over a set of files feeding column validators. Shared by validation (checks and, with
 * a reference, sketches) and by the reference pass (sketches only).
 */
class Scan {
  rows = 0;
  rowsValidated = 0;
  readonly files: FileSummary[] = [];
  readonly columnNames: string[] = [];
  private readonly columnSet = new Set<string>();
  private readonly byName: Map<string, ColumnValidator>;
  private readonly sampler: ReservoirIndex | null;
  private readonly kept: Kept[] = [];
  private readonly fileNames: string[] = [];
  /** Per file: validator index -> field index (CSV). */
  private readonly fieldMaps: Int32Array[] = [];
  private readonly fieldCounts: number[] = [];
  private fileStart = 0;
  private readonly limit: number;

  private readonly validators: ColumnValidator[];
  private readonly dataset: DatasetTally;
  private readonly schema: DataSchema;
  private readonly options: ReadOptions;

  private readonly ranges: RangeSettings | null;

  constructor(validators: ColumnValidator[], dataset: DatasetTally, schema: DataSchema, options: ReadOptions, ranges: RangeSettings | null = null) {
    this.validators = validators;
    this.ranges = ranges;
    this.dataset = dataset;
    this.schema = schema;
    this.options = options;
    this.byName = new Map(validators.map((v) => [v.name, v]));
    this.limit = options.limitRows ?? Infinity;
    this.sampler = options.sample !== undefined ? new ReservoirIndex(options.sample, options.seed ?? DEFAULT_SEED) : null;
  }

  private noteColumns(names: string[]): void {
    for (const n of names) {
      if (!this.columnSet.has(n)) {
        this.columnSet.add(n);
        this.columnNames.push(n);
      }
    }
  }

  /** Missing and (with `strict`) extra columns of one file whose columns are known up front. */
  private checkColumns(file: string, names: string[]): void {
    const present = new Set(names);
    for (const v of this.validators) {
      if (present.has(v.name)) v.seen = true;
      else this.dataset.fail('column_present', v.name, v.severity, { value: v.name, file, line: 1 }, 'the column');
    }
    if (this.schema.strict) {
      for (const n of names) {
        if (!this.byName.has(n)) this.dataset.fail('extra_column', n, 'error', { value: n, file, line: 1 }, "only the schema's columns");
      }
    }
  }

  async run(files: string[]): Promise<void> {
    for (const file of files) await this.runFile(file);
    if (this.sampler) this.replay();
  }

  private setOrigin(file: string): void {
    for (const v of this.validators) v.origin = { file };
  }

  private async runFile(file: string): Promise<void> {
    const fileIndex = this.fileNames.length;
    this.fileNames.push(file);
    const opened = await openData(file, this.options.format);
    this.setOrigin(file);
    const summary: FileSummary = { file, format: opened.format, gzip: opened.gzip, rows: 0 };
    this.files.push(summary);
    const before = this.rows;
    this.fileStart = before;
    try {
      if (opened.format === 'csv' || opened.format === 'tsv') {
        const stats = await this.runCsv(file, fileIndex, opened.source!, opened.format === 'tsv' ? '\t' : ',', opened.gzip);
        if (!stats.hasHeader) {
          this.dataset.fail('not_empty', null, 'error', { value: 'empty file (no header)', file, line: 1 }, 'a header and rows');
        } else if (stats.records === 0) {
          this.dataset.fail('not_empty', null, 'error', { value: 'header only, no rows', file, line: 1 }, 'at least one row');
        }
      } else if (opened.format === 'parquet') {
        await this.runParquet(file, fileIndex);
        if (this.rows === before) this.dataset.fail('not_empty', null, 'error', { value: 'no rows', file, line: 1 }, 'at least one row');
      } else {
        await this.runJson(file, fileIndex, opened);
        if (this.rows === before) this.dataset.fail('not_empty', null, 'error', { value: 'no records', file, line: 1 }, 'at least one row');
      }
    } finally {
      await opened.source?.close();
    }
    summary.rows = this.rows - before;
  }

  /** The header's bookkeeping, for either path: columns present, missing, extra; the field map. */
  private csvHeader(file: string, fileIndex: number, names: string[], line: number): { map: Int32Array<ArrayBuffer>; fieldCount: number } {
    refuseDuplicateColumns(names, file, line);
    this.noteColumns(names);
    this.checkColumns(file, names);
    const map = new Int32Array(this.validators.map((v) => names.indexOf(v.name)));
    this.fieldMaps[fileIndex] = map;
    this.fieldCounts[fileIndex] = names.length;
    return { map, fieldCount: names.length };
  }

  private async runCsv(file: string, fileIndex: number, source: NonNullable<Awaited<ReturnType<typeof openData>>['source']>, delimiter: string, gzip: boolean) {
    const validators = this.validators;
    let map = new Int32Array(0);
    let fieldCount = 0;
    const sampler = this.sampler;
    const dataset = this.dataset;
    const csvDelimiter = this.options.delimiter ?? delimiter;
    // Ranges are byte offsets into the file: a compressed one is read as one stream.
    const inRanges = gzip ? null : await this.runCsvInRanges(file, fileIndex, csvDelimiter);
    if (inRanges) return inRanges;
    return readCsv(
      source,
      file,
      {
        header: (names, line) => {
          ({ map, fieldCount } = this.csvHeader(file, fileIndex, names, line));
        },
        record: (buf, starts, ends, n, line, recStart, recEnd) => {
          if (this.rows - this.fileStart >= this.limit) throw new StopReading();
          this.rows++;
          if (sampler !== null && n === fieldCount) {
            const slot = sampler.offer();
            if (slot < 0) return;
            const bytes = Buffer.from(buf.subarray(recStart, recEnd));
            const s = new Int32Array(n);
            const e = new Int32Array(n);
            for (let i = 0; i < n; i++) {
              s[i] = starts[i] - recStart;
              e[i] = ends[i] - recStart;
            }
            this.kept[slot] = { fileIndex, line, bytes, starts: s, ends: e };
            return;
          }
          if (n === fieldCount) this.rowsValidated++;
          checkCsvRecord(validators, map, fieldCount, dataset, file, csvDelimiter, buf, starts, ends, n, line, recStart);
        },
      },
      { delimiter: csvDelimiter },
    ).catch((e: unknown) => {
      if (e instanceof StopReading) return { records: this.rows - this.fileStart, lines: 0, hasHeader: true };
      throw e;
    });
  }

  /**
   * A plain CSV file of `minFileBytes` or more, validated by worker threads (ranges.ts) when nothing
   * needs the records in one sequence: no sample, no row limit, no drift sketches. Null: use the
   * one-thread reader (also when the header is not in the first MiB, or is malformed: it reports).
   */
  private async runCsvInRanges(file: string, fileIndex: number, delimiter: string) {
    const settings = this.ranges;
    if (settings === null || this.sampler !== null || this.limit !== Infinity) return null;
    if (this.validators.some((v) => v.numericSketch !== null || v.categorySketch !== null)) return null;
    if (Buffer.byteLength(delimiter) !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') return null;
    const { size } = await stat(file);
    if (!inRangesBySize(settings, size)) return null;
    const fh = await open(file, 'r');
    try {
      const header = await readHeader(fh, file, delimiter, size);
      if (header === null) return null;
      const { map, fieldCount } = this.csvHeader(file, fileIndex, header.names, header.line);
      let records = 0;
      const base = {
        file,
        size,
        delimiter,
        schema: this.schema,
        maxExamples: this.dataset.maxExamples,
        map: [...map],
        fieldCount,
        maxRecordBytes: 64 * 1024 * 1024,
      };
      await scanInRanges(fh, base, header.end, header.nextLine, settings, (r, firstLine) => {
        for (const [k, v] of this.validators.entries()) {
          if (!v.absorb(r.columns[k], firstLine - 1)) throw new NeedsOneThread(`column ${v.name}: a value repeats across ranges`);
        }
        this.dataset.absorb(r.dataset, firstLine - 1);
        const ragged = r.dataset.find((c) => c.check === 'field_count')?.failed_rows ?? 0;
        records += r.records;
        this.rows += r.records;
        this.rowsValidated += r.records - ragged;
      });
      return { records, lines: 0, hasHeader: true };
    } finally {
      await fh.close();
    }
  }

  private async runJson(file: string, fileIndex: number, opened: Awaited<ReturnType<typeof openData>>): Promise<void> {
    const keysSeen = new Set<string>();
    const missing = this.validators.map(() => ({ rows: 0, lines: [] as number[] }));
    const handler = {
      row: (record: Record<string, unknown>, line: number) => {
        if (this.rows - this.fileStart >= this.limit) throw new StopReading();
        this.rows++;
        for (const k in record) if (!keysSeen.has(k)) keysSeen.add(k);
        if (this.sampler !== null) {
          const slot = this.sampler.offer();
          if (slot >= 0) this.kept[slot] = { fileIndex, line, object: record };
          return;
        }
        this.rowsValidated++;
        this.feedObject(record, line, missing);
      },
    };
    try {
      if (opened.format === 'jsonl') await readJsonLines(opened.source!, file, handler);
      else await readJsonArray(opened.source!, file, handler);
    } catch (e) {
      if (!(e instanceof StopReading)) throw e;
    }
    this.noteColumns([...keysSeen]);
    if (keysSeen.size > 0 || this.rows > 0) this.checkJsonColumns(file, keysSeen, missing);
  }

  /** JSON: a key absent from a record is a null there; absent from every record, a missing column. */
  private feedObject(record: Record<string, unknown>, line: number, missing: { rows: number; lines: number[] }[]): void {
    const validators = this.validators;
    for (let k = 0; k < validators.length; k++) {
      const v = validators[k];
      // hasOwn, not `record[name] === undefined`: a column named `toString` or `__proto__` that a
      // record lacks would otherwise read Object.prototype's.
      if (!Object.hasOwn(record, v.name)) {
        const m = missing[k];
        m.rows++;
        if (m.lines.length < 5) m.lines.push(line);
        continue;
      }
      v.acceptValue(record[v.name], line);
    }
  }

  private checkJsonColumns(file: string, keys: Set<string>, missing: { rows: number; lines: number[] }[]): void {
    for (const [k, v] of this.validators.entries()) {
      const m = missing[k];
      if (!keys.has(v.name)) {
        this.dataset.fail('column_present', v.name, v.severity, { value: v.name, file, line: 1 }, 'the column');
        continue;
      }
      v.seen = true;
      // Records without the key: nulls, at their lines.
      for (let i = 0; i < m.rows; i++) v.acceptValue(undefined, m.lines[i] ?? m.lines[m.lines.length - 1]);
    }
    if (this.schema.strict) {
      for (const n of keys) {
        if (!this.byName.has(n)) this.dataset.fail('extra_column', n, 'error', { value: n, file, line: 1 }, "only the schema's columns");
      }
    }
  }

  private async runParquet(file: string, fileIndex: number): Promise<void> {
    // Loaded on demand: hyparquet and its codecs cost tens of milliseconds to load.
    const { readParquet } = await import('./parquet.js');
    await readParquet(
      file,
      {
        columns: (names) => {
          this.noteColumns(names);
          this.checkColumns(file, names);
          return this.validators.filter((v) => names.includes(v.name)).map((v) => v.name);
        },
        columnValues: (name, values, firstRow) => {
          this.byName.get(name)!.acceptValues(values, firstRow);
        },
        row: (record, rowNumber) => {
          this.rows++;
          const slot = this.sampler!.offer();
          if (slot >= 0) this.kept[slot] = { fileIndex, line: rowNumber, object: record };
        },
      },
      { rowWise: this.sampler !== null, limitRows: this.options.limitRows },
    ).then((stats) => {
      if (this.sampler === null) {
        this.rows += stats.records;
        this.rowsValidated += stats.records;
      }
    });
  }

  /** Validates the sampled records in file and line order. */
  private replay(): void {
    const kept = this.kept.filter(Boolean).sort((a, b) => a.fileIndex - b.fileIndex || a.line - b.line);
    let current = -1;
    const noMissing = this.validators.map(() => ({ rows: 0, lines: [] as number[] }));
    for (const r of kept) {
      if (r.fileIndex !== current) {
        current = r.fileIndex;
        this.setOrigin(this.fileNames[current]);
      }
      this.rowsValidated++;
      if (r.bytes) {
        const map = this.fieldMaps[r.fileIndex];
        for (let k = 0; k < this.validators.length; k++) {
          const f = map[k];
          if (f >= 0) this.validators[k].acceptBytes(r.bytes, r.starts![f], r.ends![f], r.line);
        }
      } else if (r.object) {
        this.feedObject(r.object, r.line, noMissing);
        for (const [k, m] of noMissing.entries()) {
          if (m.rows > 0 && this.validators[k].seen) this.validators[k].acceptValue(undefined, r.line);
          m.rows = 0;
          m.lines.length = 0;
        }
      }
    }
  }
}

function driftSettingsFor(schema: DataSchema, name: string, spec: ColumnSchema) {
  const top = schema.drift ?? {};
  const perColumn = top.columns?.[name];
  if (perColumn === false || spec.drift === false) return null;
  const explicit = perColumn ?? spec.drift;
  // Ids drift by construction (every new row has a new one): leave unique columns out unless asked.
  if (spec.unique && !explicit) return null;
  return { method: explicit?.method ?? top.method, threshold: explicit?.threshold ?? (explicit?.method ? undefined : top.threshold) };
}

async function referenceSketches(files: string[], schema: DataSchema, options: ReadOptions, names: string[]) {
  const refSchema: DataSchema = {
    nulls: schema.nulls,
    columns: Object.fromEntries(names.map((n) => [n, { type: schema.columns?.[n]?.type, nullable: true }])),
  };
  const validators = await makeValidators(refSchema, 0);
  for (const v of validators) v.enableSketch(DEFAULT_SEED + 1);
  const scan = new Scan(validators, new DatasetTally(0), refSchema, options);
  await scan.run(files);
  return { rows: scan.rows, sketches: new Map(validators.filter((v) => v.seen).map((v) => [v.name, sketchOf(v)])) };
}

function sketchOf(v: ColumnValidator): Sketch {
  return (v.numericSketch ?? v.categorySketch)!;
}

/**
 * Validates data files against a schema, and compares them with a reference for drift.
 * Malformed files (an open quote, broken JSON) throw a UserError with file, line and column;
 * everything else — wrong values, missing columns, ragged rows, empty files — is a failed check.
 */
export async function validateData(input: string | string[], options: ValidateOptions = {}): Promise<ValidationResult> {
  const ranges = options.ranges === undefined ? registeredRanges() : options.ranges;
  try {
    return await validateOnce(input, options, ranges);
  } catch (e) {
    // The threads' results could not be added up exactly (see ranges.ts): once more, in one thread.
    if (ranges !== null && e instanceof NeedsOneThread) return validateOnce(input, options, null);
    throw e;
  } finally {
    await endWarmDataWorkers();
  }
}

/**
 * Starts the worker threads that validateData(files) with the registered settings will use, when
 * one of the files is a CSV file large enough: their start-up then overlaps what the caller does
 * first (loading the schema). Only for options that read in ranges: no sample, no reference.
 */
export async function warmUpFor(files: string[]): Promise<void> {
  const settings = registeredRanges();
  if (settings?.script === undefined) return;
  for (const file of files) {
    const format = formatFromName(file);
    if (format !== 'csv' && format !== 'tsv' && format !== undefined) continue;
    if (file.toLowerCase().endsWith('.gz')) continue;
    const size = await stat(file).then(
      (s) => s.size,
      () => 0,
    );
    if (inRangesBySize(settings, size)) return warmDataWorkers();
  }
}

async function validateOnce(input: string | string[], options: ValidateOptions, ranges: RangeSettings | null): Promise<ValidationResult> {
  const files = typeof input === 'string' ? [input] : input;
  if (files.length === 0) throw new UserError('no data files given', { input: 'data' });
  if (options.sample !== undefined && !(Number.isInteger(options.sample) && options.sample > 0)) {
    throw new UserError(`sample must be a positive whole number, got ${options.sample}`, { input: 'sample' });
  }
  const schema = options.schema ?? {};
  const maxExamples = options.maxExamples ?? 5;
  const validators = await makeValidators(schema, maxExamples);
  const withDrift = options.reference !== undefined && options.reference.length > 0;
  const driftColumns = new Map<string, ReturnType<typeof driftSettingsFor>>();
  if (withDrift) {
    for (const v of validators) {
      const settings = driftSettingsFor(schema, v.name, v.spec);
      if (settings) {
        driftColumns.set(v.name, settings);
        v.enableSketch(DEFAULT_SEED + 2);
      }
    }
  }
  const dataset = new DatasetTally(maxExamples);
  const scan = new Scan(validators, dataset, schema, options, ranges);
  await scan.run(files);

  const checks: CheckResult[] = [];
  const notes: string[] = [];
  for (const f of dataset.failures.values()) checks.push(f.check);
  if (scan.rows > 0 || scan.columnNames.length > 0) {
    for (const v of validators) if (v.seen) checks.push(...v.results());
  }
  const rows = schema.rows;
  if (rows?.min !== undefined || rows?.max !== undefined) {
    const tooFew = rows.min !== undefined && scan.rows < rows.min;
    const tooMany = rows.max !== undefined && scan.rows > rows.max;
    const expected = [rows.min !== undefined ? `>= ${rows.min}` : '', rows.max !== undefined ? `<= ${rows.max}` : ''].filter(Boolean).join(' and ');
    checks.push({
      column: null,
      check: 'row_count',
      severity: 'error',
      passed: !tooFew && !tooMany,
      failed_rows: 0,
      examples: tooFew || tooMany ? [{ value: scan.rows, file: files.join(', '), line: 0 }] : [],
      expected: `${expected} rows`,
    });
  }
  // An explicit `rows: { min: 0 }` allows empty files.
  if (rows?.min === 0) {
    for (let i = checks.length - 1; i >= 0; i--) if (checks[i].check === 'not_empty') checks.splice(i, 1);
  }
  if (options.sample !== undefined && scan.rows > scan.rowsValidated) {
    notes.push(`checked a seeded random sample of ${scan.rowsValidated} of ${scan.rows} rows; uniqueness was checked within the sample`);
  }

  const drift: DriftResult[] = [];
  let driftSummary: { share: number; drifted: boolean } | undefined;
  let reference: ValidationResult['reference'];
  if (withDrift) {
    const names = [...driftColumns.keys()].filter((n) => validators.find((v) => v.name === n)?.seen);
    const ref = await referenceSketches(options.reference!, schema, options, names);
    reference = { files: options.reference!, rows: ref.rows };
    for (const v of validators) {
      const settings = driftColumns.get(v.name);
      const refSketch = ref.sketches.get(v.name);
      if (!settings || !refSketch || !v.seen) continue;
      try {
        const r = columnDrift(v.name, refSketch, sketchOf(v), settings);
        if (r) drift.push(r);
      } catch (e) {
        throw new UserError(`drift for column ${v.name}: ${(e as Error).message}`, { input: 'schema' });
      }
    }
    driftSummary = datasetDrift(drift, schema.drift?.share ?? 0.5);
  }

  const driftSeverity = schema.drift?.severity ?? 'warning';
  const failed = checks.filter((c) => !c.passed);
  let errors = failed.filter((c) => c.severity === 'error').length;
  let warnings = failed.filter((c) => c.severity === 'warning').length;
  if (driftSummary?.drifted) {
    if (driftSeverity === 'error') errors++;
    else warnings++;
  }
  const result: ValidationResult = {
    passed: errors === 0,
    rows: scan.rows,
    columns: scan.columnNames.length,
    checks,
    drift,
    column_names: scan.columnNames,
    rows_validated: scan.rowsValidated,
    sampled: options.sample !== undefined && scan.rows > scan.rowsValidated,
    files: scan.files,
    errors,
    warnings,
    notes,
  };
  if (driftSummary) {
    result.drift_share = driftSummary.share;
    result.dataset_drift = driftSummary.drifted;
    result.reference = reference;
  }
  return result;
}
