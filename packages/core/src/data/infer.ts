import { Document, isMap } from 'yaml';
import { UserError } from '../errors.js';
import { readCsv } from './csv.js';
import { ByteDict, KeySet } from './hash.js';
import { readJsonArray, readJsonLines } from './json.js';
import { openData, type DataFormat } from './source.js';
import type { ColumnSchema, ColumnType, DataSchema } from './types.js';
import {
  DEFAULT_NULLS,
  hasLeadingZero,
  NullTokens,
  parseBooleanBytes,
  parseDateBytes,
  parseDateText,
  parseNumberBytes,
  utf8Scratch,
} from './values.js';

export interface InferOptions {
  format?: DataFormat;
  delimiter?: string;
  /** Text that means "no value" (written into the schema when not the default). */
  nulls?: string[];
  /** A string column with at most this many distinct values gets an `enum`. Default 20. */
  maxEnum?: number;
}

export interface InferredSchema {
  schema: DataSchema;
  /** The schema as YAML, one flow mapping per column, ready to commit and edit. */
  yaml: string;
  rows: number;
}

/** Names that say "identifier": `id`, `user_id`, `orderId`, `uuid`, `key`. */
const ID_NAMES = [/(^|[_\s.-])(id|uuid|guid|key)$/i, /^id([_\s.-]|$)/i, /[a-z]Id$/];
const isIdName = (name: string) => ID_NAMES.some((re) => re.test(name));

/**
 * What one column looks like: which types every value fits, nulls, range, a few distinct values
 * and whether all values are distinct so far (forgotten at the first duplicate).
 */
class ColumnProfile {
  readonly name: string;
  cells = 0;
  nulls = 0;
  canBool = true;
  canInt = true;
  canNumber = true;
  canDate = true;
  leadingZero = false;
  /** A value that is not a string in JSON / Parquet (numbers, booleans): strings are never
   *  numbers there, so one JSON string makes the column a string column. */
  sawString = false;
  min = Infinity;
  max = -Infinity;
  distinct: ByteDict | null;
  manyDistinct = false;
  unique: KeySet | null = new KeySet();
  private readonly nullTokens: NullTokens;

  constructor(name: string, nulls: NullTokens, maxEnum: number) {
    this.name = name;
    this.nullTokens = nulls;
    this.distinct = new ByteDict(maxEnum + 1);
  }

  private seenString(buf: Uint8Array, s: number, e: number): void {
    if (this.distinct !== null && this.distinct.add(buf, s, e) < 0) {
      this.manyDistinct = true;
      this.distinct = null;
    }
    if (this.unique !== null && this.unique.seenBytes(buf, s, e)) this.unique = null;
  }

  acceptBytes(buf: Uint8Array, s: number, e: number): void {
    this.cells++;
    if (this.nullTokens.matchBytes(buf, s, e)) {
      this.nulls++;
      return;
    }
    if (this.canBool && parseBooleanBytes(buf, s, e) !== parseBooleanBytes(buf, s, e)) this.canBool = false;
    if (this.canNumber) {
      const x = parseNumberBytes(buf, s, e);
      if (x !== x) {
        this.canNumber = false;
        this.canInt = false;
      } else {
        if (this.canInt && !Number.isInteger(x)) this.canInt = false;
        if (!this.leadingZero && hasLeadingZero(buf, s, e)) this.leadingZero = true;
        if (x < this.min) this.min = x;
        if (x > this.max) this.max = x;
      }
    }
    if (this.canDate && !(parseDateBytes(buf, s, e) === parseDateBytes(buf, s, e))) this.canDate = false;
    this.seenString(buf, s, e);
  }

  acceptValue(v: unknown): void {
    this.cells++;
    if (v === null || v === undefined || (typeof v === 'number' && v !== v) || (typeof v === 'string' && this.nullTokens.matchText(v))) {
      this.nulls++;
      return;
    }
    let text: string;
    if (typeof v === 'number' || typeof v === 'bigint') {
      const x = Number(v);
      this.canBool = false;
      this.canDate = false;
      if (!Number.isInteger(x)) this.canInt = false;
      if (x < this.min) this.min = x;
      if (x > this.max) this.max = x;
      text = String(v);
    } else if (typeof v === 'boolean') {
      this.canInt = this.canNumber = this.canDate = false;
      text = String(v);
    } else if (v instanceof Date) {
      this.canBool = this.canInt = this.canNumber = false;
      text = v.toISOString();
    } else {
      this.sawString = true;
      this.canBool = this.canInt = this.canNumber = false;
      text = typeof v === 'string' ? v : JSON.stringify(v);
      if (this.canDate && Number.isNaN(parseDateText(text))) this.canDate = false;
    }
    const { buf, length } = utf8Scratch(text);
    this.seenString(buf, 0, length);
  }

  type(): ColumnType {
    const values = this.cells - this.nulls;
    if (values === 0) return 'string';
    if (this.canBool) return 'boolean';
    if (this.canInt && !this.leadingZero) return 'integer';
    if (this.canNumber && !this.leadingZero) return 'number';
    if (this.canDate) return 'date';
    return 'string';
  }

  toSchema(): ColumnSchema {
    const type = this.type();
    const out: ColumnSchema = { type };
    if (this.nulls > 0) out.nullable = true;
    const values = this.cells - this.nulls;
    if ((type === 'integer' || type === 'number') && values > 0) {
      out.min = this.min;
      out.max = this.max;
    }
    const distinct = this.distinct;
    const allDistinct = this.unique !== null && !this.unique.saturated && values >= 2;
    if (type === 'string' && distinct && !this.manyDistinct && distinct.size <= values / 2) {
      out.enum = distinct.keys().sort();
    }
    if (allDistinct && this.nulls === 0 && (type === 'integer' || type === 'string') && isIdName(this.name)) {
      out.unique = true;
    }
    return out;
  }
}

/**
 * Reads data files and writes a starting schema: types (leading-zero codes stay strings; null
 * tokens are nulls, not categories), nullable where nulls occur, observed min/max for numbers, an
 * enum for strings with few distinct values, unique for id-like columns whose values are all
 * distinct. Validating the same files against it passes.
 */
export async function inferSchema(input: string | string[], options: InferOptions = {}): Promise<InferredSchema> {
  const files = typeof input === 'string' ? [input] : input;
  if (files.length === 0) throw new UserError('no data files given', { input: 'data' });
  const nullList = options.nulls ?? DEFAULT_NULLS;
  const nulls = new NullTokens(nullList);
  const maxEnum = options.maxEnum ?? 20;
  const profiles = new Map<string, ColumnProfile>();
  const profile = (name: string) => {
    let p = profiles.get(name);
    if (!p) {
      p = new ColumnProfile(name, nulls, maxEnum);
      profiles.set(name, p);
    }
    return p;
  };
  let rows = 0;
  for (const file of files) {
    const opened = await openData(file, options.format);
    try {
      if (opened.format === 'csv' || opened.format === 'tsv') {
        let cols: ColumnProfile[] = [];
        await readCsv(
          opened.source!,
          file,
          {
            header: (names) => {
              cols = names.map(profile);
            },
            record: (buf, starts, ends, n) => {
              rows++;
              if (n !== cols.length) return;
              for (let i = 0; i < n; i++) cols[i].acceptBytes(buf, starts[i], ends[i]);
            },
          },
          { delimiter: options.delimiter ?? (opened.format === 'tsv' ? '\t' : ',') },
        );
      } else if (opened.format === 'parquet') {
        const { readParquet } = await import('./parquet.js');
        const stats = await readParquet(file, {
          columns: (names) => {
            names.forEach(profile);
            return names;
          },
          columnValues: (name, values) => {
            const p = profile(name);
            for (let i = 0; i < values.length; i++) p.acceptValue(values[i]);
          },
        });
        rows += stats.records;
      } else {
        const handler = {
          row: (record: Record<string, unknown>) => {
            rows++;
            for (const k in record) profile(k).acceptValue(record[k]);
          },
        };
        if (opened.format === 'jsonl') await readJsonLines(opened.source!, file, handler);
        else await readJsonArray(opened.source!, file, handler);
        // A key absent from a record is a null there.
        for (const p of profiles.values()) {
          const missing = rows - p.cells;
          for (let i = 0; i < missing; i++) p.acceptValue(undefined);
        }
      }
    } finally {
      await opened.source?.close();
    }
  }
  const schema: DataSchema = { columns: {} };
  for (const p of profiles.values()) schema.columns![p.name] = p.toSchema();
  if (options.nulls) schema.nulls = nullList;
  return { schema, yaml: schemaToYaml(schema, `Inferred by mlci from ${files.join(', ')} (${rows} rows). Review the bounds and enums before relying on them.`), rows };
}

/** YAML with one line per column (flow mappings), the way people write these schemas by hand. */
export function schemaToYaml(schema: DataSchema, comment?: string): string {
  const doc = new Document(schema);
  const columns = doc.get('columns', true);
  if (isMap(columns)) {
    for (const pair of columns.items) if (isMap(pair.value)) pair.value.flow = true;
  }
  if (comment) doc.commentBefore = ' ' + comment;
  return doc.toString({ lineWidth: 0 });
}
