import { ByteDict, KeySet, UNIQUE_EXACT_LIMIT } from './hash.js';
import type { Pattern } from './types.js';
import { CategorySketch, NumericSketch } from './sketch.js';
import type { CheckName, CheckResult, ColumnSchema, ColumnType, Example, Severity } from './types.js';
import { type NullTokens, parseBooleanBytes, parseDateBytes, parseDateText, parseNumberBytes, utf8Scratch } from './values.js';

// Column kinds as small integers: the hot path switches on them.
export const K_ANY = 0;
export const K_STRING = 1;
export const K_NUMBER = 2;
export const K_INTEGER = 3;
export const K_BOOLEAN = 4;
export const K_DATE = 5;

export function kindOf(type: ColumnType | undefined): number {
  switch (type) {
    case 'string':
      return K_STRING;
    case 'number':
      return K_NUMBER;
    case 'integer':
      return K_INTEGER;
    case 'boolean':
      return K_BOOLEAN;
    case 'date':
      return K_DATE;
    default:
      return K_ANY;
  }
}

// Failure bits, one per check.
const F_TYPE = 1;
const F_NULL = 2;
const F_MIN = 4;
const F_MAX = 8;
const F_ENUM = 16;
const F_PATTERN = 32;
const F_UNIQUE = 64;
const CHECKS: [number, CheckName][] = [
  [F_TYPE, 'type'],
  [F_NULL, 'not_null'],
  [F_MIN, 'min'],
  [F_MAX, 'max'],
  [F_ENUM, 'enum'],
  [F_PATTERN, 'pattern'],
  [F_UNIQUE, 'unique'],
];

class Tally {
  failed = 0;
  examples: Example[] = [];
}

/** What one thread's scan of a range of a file found in a column, to be added to the whole. */
export interface ColumnPartial {
  cells: number;
  nonNull: number;
  failed: number[];
  examples: Example[][];
  unique: KeySet | null;
}

/** Where the current rows come from: examples name the file. */
export interface RowOrigin {
  file: string;
}

/**
 * Every check of one column, fed cell by cell either as bytes (CSV) or as values (JSON, Parquet).
 * Both paths reduce a cell to a typed value first (a number for numbers, integers, dates as epoch
 * milliseconds and booleans as 0/1; bytes for strings) and share the checks from there.
 */
export class ColumnValidator {
  readonly name: string;
  readonly spec: ColumnSchema;
  readonly kind: number;
  readonly severity: Severity;
  origin: RowOrigin = { file: '' };
  /** Cells seen (nulls included) and non-null cells. */
  cells = 0;
  nonNull = 0;
  /** Present in at least one file. */
  seen = false;
  numericSketch: NumericSketch | null = null;
  categorySketch: CategorySketch | null = null;

  private readonly nullable: boolean;
  private readonly nulls: NullTokens;
  private readonly min: number;
  private readonly max: number;
  private readonly enumBytes: ByteDict | null = null;
  private readonly enumNumbers: Set<number> | null = null;
  private readonly pattern: Pattern | null;
  private readonly unique: KeySet | null;
  private readonly maxExamples: number;
  private readonly tallies: Tally[] = CHECKS.map(() => new Tally());
  private readonly wantsChecks: boolean;

  constructor(name: string, spec: ColumnSchema, nulls: NullTokens, maxExamples: number, compilePattern?: (source: string) => Pattern) {
    this.name = name;
    this.spec = spec;
    this.kind = kindOf(spec.type);
    this.severity = spec.severity ?? 'error';
    this.nullable = spec.nullable === true;
    this.nulls = nulls;
    this.maxExamples = maxExamples;
    this.min = bound(spec.min, this.kind);
    this.max = bound(spec.max, this.kind);
    if (spec.enum) {
      if (this.kind === K_STRING || this.kind === K_ANY || this.kind === K_DATE) {
        this.enumBytes = new ByteDict();
        for (const v of spec.enum) this.enumBytes.addText(String(v));
      } else {
        this.enumNumbers = new Set(spec.enum.map((v) => (typeof v === 'boolean' ? (v ? 1 : 0) : Number(v))));
      }
    }
    if (spec.pattern === undefined) this.pattern = null;
    else if (compilePattern) this.pattern = compilePattern(spec.pattern);
    else throw new Error(`column ${name} has a pattern and no pattern compiler was given`);
    this.unique = spec.unique ? new KeySet() : null;
    this.wantsChecks = true;
  }

  /** Drift needs the column's distribution: numeric kinds keep a reservoir, others counts. */
  enableSketch(seed?: number): void {
    if (this.kind === K_NUMBER || this.kind === K_INTEGER || this.kind === K_DATE) this.numericSketch = new NumericSketch(undefined, seed);
    else this.categorySketch = new CategorySketch();
  }

  // ---- bytes (CSV) ----

  acceptBytes(buf: Uint8Array, s: number, e: number, line: number): void {
    this.cells++;
    if (this.nulls.matchBytes(buf, s, e)) {
      if (!this.nullable) this.failBytes(F_NULL, buf, s, e, line);
      return;
    }
    this.nonNull++;
    const kind = this.kind;
    if (kind === K_STRING || kind === K_ANY) {
      const f = this.checkBytes(buf, s, e);
      if (f !== 0) this.failBytes(f, buf, s, e, line);
      if (this.categorySketch !== null) this.categorySketch.addBytes(buf, s, e);
      return;
    }
    let x: number;
    if (kind === K_DATE) x = parseDateBytes(buf, s, e);
    else if (kind === K_BOOLEAN) x = parseBooleanBytes(buf, s, e);
    else x = parseNumberBytes(buf, s, e);
    if (Number.isNaN(x) || (kind === K_INTEGER && !Number.isInteger(x))) {
      this.failBytes(F_TYPE, buf, s, e, line);
      return;
    }
    const f = this.checkNumber(x);
    if (f !== 0) this.failBytes(f, buf, s, e, line);
    this.sketchNumber(x);
  }

  // ---- values (JSON, Parquet) ----

  /** `undefined` is a missing key in a JSON record: a null. */
  acceptValue(v: unknown, line: number): void {
    this.cells++;
    if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v))) {
      if (!this.nullable) this.failValue(F_NULL, v ?? null, line);
      return;
    }
    if (typeof v === 'string' && this.nulls.matchText(v)) {
      if (!this.nullable) this.failValue(F_NULL, v, line);
      return;
    }
    this.nonNull++;
    const kind = this.kind;
    if (kind === K_STRING || kind === K_ANY) {
      if (typeof v !== 'string' && kind === K_STRING) {
        this.failValue(F_TYPE, v, line);
        return;
      }
      const text = typeof v === 'string' ? v : v instanceof Date ? v.toISOString() : typeof v === 'object' ? JSON.stringify(v) : String(v);
      const { buf, length } = utf8Scratch(text);
      const f = this.checkBytes(buf, 0, length);
      if (f !== 0) this.failValue(f, v, line);
      if (this.categorySketch !== null) this.categorySketch.addBytes(buf, 0, length);
      return;
    }
    let x = NaN;
    if (kind === K_DATE) {
      if (v instanceof Date) x = v.getTime();
      else if (typeof v === 'string') x = parseDateText(v);
    } else if (kind === K_BOOLEAN) {
      if (typeof v === 'boolean') x = v ? 1 : 0;
    } else if (typeof v === 'number') x = v;
    else if (typeof v === 'bigint') x = Number(v);
    if (Number.isNaN(x) || (kind === K_INTEGER && !Number.isInteger(x))) {
      this.failValue(F_TYPE, v, line);
      return;
    }
    const f = this.checkNumber(x);
    if (f !== 0) this.failValue(f, v, line);
    this.sketchNumber(x);
  }

  /** A whole column of values (Parquet): `lines[i]` or `firstLine + i` is value i's line. */
  acceptValues(values: ArrayLike<unknown>, firstLine: number): void {
    for (let i = 0; i < values.length; i++) this.acceptValue(values[i], firstLine + i);
  }

  // ---- shared checks ----

  private checkBytes(buf: Uint8Array, s: number, e: number): number {
    let f = 0;
    if (this.enumBytes !== null && this.enumBytes.find(buf, s, e) < 0) f |= F_ENUM;
    if (this.pattern !== null && !this.pattern.testBytes(buf, s, e)) f |= F_PATTERN;
    if (this.unique !== null && this.unique.seenBytes(buf, s, e)) f |= F_UNIQUE;
    return f;
  }

  private checkNumber(x: number): number {
    let f = 0;
    if (x < this.min) f |= F_MIN;
    if (x > this.max) f |= F_MAX;
    if (this.enumNumbers !== null && !this.enumNumbers.has(x)) f |= F_ENUM;
    if (this.pattern !== null && !this.pattern.test(String(x))) f |= F_PATTERN;
    if (this.unique !== null && this.unique.seenNumber(x)) f |= F_UNIQUE;
    return f;
  }

  private sketchNumber(x: number): void {
    if (this.numericSketch !== null) this.numericSketch.add(x);
    else if (this.categorySketch !== null) this.categorySketch.addText(x === 1 ? 'true' : 'false');
  }

  private failBytes(f: number, buf: Uint8Array, s: number, e: number, line: number): void {
    let value: string | null = null;
    for (let k = 0; k < CHECKS.length; k++) {
      if ((f & CHECKS[k][0]) === 0) continue;
      const t = this.tallies[k];
      t.failed++;
      if (t.examples.length < this.maxExamples) {
        value ??= Buffer.from(buf.buffer, buf.byteOffset + s, e - s).toString('utf8');
        t.examples.push({ value, file: this.origin.file, line });
      }
    }
  }

  private failValue(f: number, v: unknown, line: number): void {
    for (let k = 0; k < CHECKS.length; k++) {
      if ((f & CHECKS[k][0]) === 0) continue;
      const t = this.tallies[k];
      t.failed++;
      if (t.examples.length < this.maxExamples) t.examples.push({ value: showValue(v), file: this.origin.file, line });
    }
  }

  /** This validator's counts and examples, for a thread that validated a range of a file. */
  partial(): ColumnPartial {
    return {
      cells: this.cells,
      nonNull: this.nonNull,
      failed: this.tallies.map((t) => t.failed),
      examples: this.tallies.map((t) => t.examples),
      unique: this.unique,
    };
  }

  /**
   * Adds the partial of the range that follows what this validator has seen (ranges are added in
   * file order, so the first examples stay the first); `lineOffset` turns the range's lines into
   * the file's. False when the result would not be exact: a value of the range repeats one seen
   * before it while examples of that check are still wanted, and where the repeat is is unknown.
   */
  absorb(p: ColumnPartial, lineOffset: number): boolean {
    let across = 0;
    if (this.unique !== null && p.unique !== null) across = this.unique.absorb(KeySet.revive(p.unique));
    const u = CHECKS.findIndex(([bit]) => bit === F_UNIQUE);
    if (across > 0 && this.tallies[u].examples.length < this.maxExamples) return false;
    this.cells += p.cells;
    this.nonNull += p.nonNull;
    for (let k = 0; k < CHECKS.length; k++) {
      const t = this.tallies[k];
      t.failed += p.failed[k] + (k === u ? across : 0);
      for (const ex of p.examples[k]) {
        if (t.examples.length >= this.maxExamples) break;
        t.examples.push({ ...ex, line: ex.line + lineOffset });
      }
    }
    return true;
  }

  /** The checks this column ran, passed or not. `rowsTotal` is the rows validated. */
  results(): CheckResult[] {
    if (!this.wantsChecks) return [];
    const spec = this.spec;
    const mostly = spec.mostly ?? 1;
    const out: CheckResult[] = [];
    const add = (bit: number, expected: string, checked: number, note?: string) => {
      const k = CHECKS.findIndex(([b]) => b === bit);
      const t = this.tallies[k];
      // A tiny tolerance so that mostly: 0.99 over 100 rows allows exactly 1 failure.
      const passed = t.failed === 0 || (mostly < 1 && t.failed <= (1 - mostly) * checked + 1e-9);
      const r: CheckResult = {
        column: this.name,
        check: CHECKS[k][1],
        severity: this.severity,
        passed,
        failed_rows: t.failed,
        examples: t.examples,
        checked_rows: checked,
        expected,
      };
      if (mostly < 1) r.mostly = mostly;
      if (note) r.note = note;
      out.push(r);
    };
    if (spec.type) add(F_TYPE, spec.type, this.nonNull);
    if (!this.nullable) add(F_NULL, 'a value', this.cells);
    if (spec.min !== undefined) add(F_MIN, `>= ${spec.min}`, this.nonNull);
    if (spec.max !== undefined) add(F_MAX, `<= ${spec.max}`, this.nonNull);
    if (spec.enum) add(F_ENUM, spec.enum.map(String).join(', '), this.nonNull);
    if (spec.pattern !== undefined) add(F_PATTERN, spec.pattern, this.nonNull);
    if (spec.unique) {
      const note = this.unique?.saturated
        ? `more than ${UNIQUE_EXACT_LIMIT} distinct values: values first seen after that were not remembered, so some duplicates may be missed`
        : undefined;
      add(F_UNIQUE, 'no duplicates', this.nonNull, note);
    }
    return out;
  }
}

function bound(v: number | string | undefined, kind: number): number {
  if (v === undefined) return NaN;
  if (typeof v === 'number') return v;
  return kind === K_DATE ? parseDateText(v) : Number(v);
}

function showValue(v: unknown): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : String(v);
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof Date) return v.toISOString();
  return JSON.stringify(v);
}
