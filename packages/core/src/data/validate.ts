import { UserError } from '../errors.js';
import { ColumnValidator } from './column.js';
import { readCsv, recordText, refuseDuplicateColumns } from './csv.js';
import { columnDrift, datasetDrift, type Sketch } from './drift.js';
import { readJsonArray, readJsonLines } from './json.js';
import { DEFAULT_SEED, ReservoirIndex } from './random.js';
import { openData, type DataFormat } from './source.js';
import type { CheckResult, ColumnSchema, DataSchema, DriftResult, Example, FileSummary, Severity, ValidationResult } from './types.js';
import { DEFAULT_NULLS, NullTokens } from './values.js';

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

/** Dataset-level failures (record shape, missing and extra columns, empty files). */
class DatasetTally {
  readonly failures = new Map<string, { check: CheckResult }>();
  private readonly maxExamples: number;
  constructor(maxExamples: number) {
    this.maxExamples = maxExamples;
  }

  fail(check: CheckResult['check'], column: string | null, severity: Severity, example: Example | null, expected?: string): void {
    const key = `${check}\u0000${column ?? ''}`;
    let f = this.failures.get(key);
    if (!f) {
      f = { check: { column, check, severity, passed: false, failed_rows: 0, examples: [] } };
      if (expected) f.check.expected = expected;
      this.failures.set(key, f);
    }
    f.check.failed_rows++;
    if (example && f.check.examples.length < this.maxExamples) f.check.examples.push(example);
  }
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

  constructor(validators: ColumnValidator[], dataset: DatasetTally, schema: DataSchema, options: ReadOptions) {
    this.validators = validators;
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
        const stats = await this.runCsv(file, fileIndex, opened.source!, opened.format === 'tsv' ? '\t' : ',');
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

  private async runCsv(file: string, fileIndex: number, source: NonNullable<Awaited<ReturnType<typeof openData>>['source']>, delimiter: string) {
    const validators = this.validators;
    let map = new Int32Array(0);
    let fieldCount = 0;
    const sampler = this.sampler;
    const dataset = this.dataset;
    const csvDelimiter = this.options.delimiter ?? delimiter;
    return readCsv(
      source,
      file,
      {
        header: (names, line) => {
          refuseDuplicateColumns(names, file, line);
          this.noteColumns(names);
          this.checkColumns(file, names);
          fieldCount = names.length;
          map = new Int32Array(validators.map((v) => names.indexOf(v.name)));
          this.fieldMaps[fileIndex] = map;
          this.fieldCounts[fileIndex] = fieldCount;
        },
        record: (buf, starts, ends, n, line, recStart, recEnd) => {
          if (this.rows - this.fileStart >= this.limit) throw new StopReading();
          this.rows++;
          if (n !== fieldCount) {
            // A ragged row: its cells cannot be matched to columns, so it fails as a whole.
            const raw = recordText(buf, starts, ends, n, recStart, csvDelimiter);
            dataset.fail('field_count', null, 'error', { value: raw, file, line }, `${fieldCount} fields`);
            return;
          }
          if (sampler !== null) {
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
          this.rowsValidated++;
          for (let k = 0; k < validators.length; k++) {
            const f = map[k];
            if (f >= 0) validators[k].acceptBytes(buf, starts[f], ends[f], line);
          }
        },
      },
      { delimiter: csvDelimiter },
    ).catch((e: unknown) => {
      if (e instanceof StopReading) return { records: this.rows - this.fileStart, lines: 0, hasHeader: true };
      throw e;
    });
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

async function makeValidators(schema: DataSchema, maxExamples: number): Promise<ColumnValidator[]> {
  const nulls = new NullTokens(schema.nulls ?? DEFAULT_NULLS);
  const specs = Object.entries(schema.columns ?? {});
  // The linear-time regex engine (a quarter of a megabyte) loads only for a schema with a pattern.
  const compile = specs.some(([, spec]) => spec?.pattern !== undefined) ? (await import('./pattern.js')).compilePattern : undefined;
  return specs.map(([name, spec]) => new ColumnValidator(name, spec ?? {}, nulls, maxExamples, compile));
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
  const scan = new Scan(validators, dataset, schema, options);
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
