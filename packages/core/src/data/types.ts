export type ColumnType = 'string' | 'number' | 'integer' | 'boolean' | 'date';
export type Severity = 'error' | 'warning';
export type DriftMethod = 'auto' | 'psi' | 'ks' | 'wasserstein' | 'jensen-shannon' | 'chi-square' | 'z';

export interface DriftSettings {
  method?: DriftMethod;
  threshold?: number;
}

export interface ColumnSchema {
  /** Omitted: any type (only nulls and the other checks apply). */
  type?: ColumnType;
  /** Nulls are failures unless this is true. */
  nullable?: boolean;
  /** Inclusive bounds: numbers, or ISO dates for `date` columns. */
  min?: number | string;
  max?: number | string;
  enum?: (string | number | boolean)[];
  pattern?: string;
  unique?: boolean;
  /** Fraction of rows (0–1] that must pass each check of this column. Default 1. */
  mostly?: number;
  severity?: Severity;
  /** Per-column drift settings, or false to leave the column out of drift. */
  drift?: DriftSettings | false;
}

export interface DataSchema {
  columns?: Record<string, ColumnSchema>;
  rows?: { min?: number; max?: number };
  /** Columns not in the schema are errors. */
  strict?: boolean;
  /** Text that means "no value". Default: empty, NA, null, NaN. */
  nulls?: string[];
  drift?: DriftSettings & {
    /** Share of drifted columns at which the dataset counts as drifted. Default 0.5. */
    share?: number;
    /** How a dataset-level drift counts in the verdict. Default warning. */
    severity?: Severity;
    columns?: Record<string, DriftSettings | false>;
  };
}

export interface Example {
  value: string | number | boolean | null;
  file: string;
  /** CSV: the physical line where the record starts (header = 1); JSON Lines: the line; JSON
   *  array: the line where the element starts; Parquet: the 1-based row number. */
  line: number;
}

export type CheckName =
  | 'type'
  | 'not_null'
  | 'min'
  | 'max'
  | 'enum'
  | 'pattern'
  | 'unique'
  | 'column_present'
  | 'extra_column'
  | 'field_count'
  | 'not_empty'
  | 'row_count'
  /** The data could not be read at all (a broken quote, invalid JSON): the example says where. */
  | 'readable'
  /** The schema file is not valid: the example says where. */
  | 'schema';

export interface CheckResult {
  /** Null for checks about the whole dataset (row count, record shape). */
  column: string | null;
  check: CheckName;
  severity: Severity;
  passed: boolean;
  failed_rows: number;
  examples: Example[];
  /** Rows the check looked at (the denominator of `mostly`). */
  checked_rows?: number;
  /** What was required, for the report (`>= 25`, `Adelie, Chinstrap, Gentoo`). */
  expected?: string;
  mostly?: number;
  note?: string;
}

export interface DriftResult {
  column: string;
  method: Exclude<DriftMethod, 'auto'>;
  /** A p-value for ks / chi-square / z (drift when below the threshold), else a distance (drift
   *  when at or above it). */
  statistic: number;
  threshold: number;
  drifted: boolean;
  kind?: 'p-value' | 'distance';
  reference_rows?: number;
  current_rows?: number;
}

export interface FileSummary {
  file: string;
  format: string;
  gzip: boolean;
  rows: number;
}

export interface ValidationResult {
  passed: boolean;
  rows: number;
  columns: number;
  checks: CheckResult[];
  drift: DriftResult[];
  column_names: string[];
  /** Rows the checks ran on (less than `rows` when sampling). */
  rows_validated: number;
  sampled: boolean;
  files: FileSummary[];
  errors: number;
  warnings: number;
  /** Present when a reference was compared. */
  drift_share?: number;
  dataset_drift?: boolean;
  reference?: { files: string[]; rows: number };
  notes: string[];
}

/** A compiled schema `pattern` (pattern.ts, byte-pattern.ts). */
export interface Pattern {
  /** True when `text` holds a match. */
  test(text: string): boolean;
  /** The same answer for the UTF-8 text in `buf[s, e)`, without a string when the pattern allows. */
  testBytes(buf: Uint8Array, s: number, e: number): boolean;
}
