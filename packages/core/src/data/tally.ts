import { bytePattern } from './byte-pattern.js';
import { ColumnValidator } from './column.js';
import { recordText } from './csv.js';
import type { CheckResult, DataSchema, Example, Severity } from './types.js';
import { DEFAULT_NULLS, NullTokens } from './values.js';

/** Dataset-level failures (record shape, missing and extra columns, empty files). */
export class DatasetTally {
  readonly failures = new Map<string, { check: CheckResult }>();
  readonly maxExamples: number;
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

  /** Adds another thread's failures for the range that follows (see ColumnValidator.absorb). */
  absorb(checks: CheckResult[], lineOffset: number): void {
    for (const c of checks) {
      const key = `${c.check}\u0000${c.column ?? ''}`;
      let f = this.failures.get(key);
      if (!f) {
        f = { check: { ...c, failed_rows: 0, examples: [] } };
        this.failures.set(key, f);
      }
      f.check.failed_rows += c.failed_rows;
      for (const ex of c.examples) {
        if (f.check.examples.length >= this.maxExamples) break;
        f.check.examples.push({ ...ex, line: ex.line + lineOffset });
      }
    }
  }
}

export async function makeValidators(schema: DataSchema, maxExamples: number): Promise<ColumnValidator[]> {
  const nulls = new NullTokens(schema.nulls ?? DEFAULT_NULLS);
  const specs = Object.entries(schema.columns ?? {});
  // The linear-time regex engine (a quarter of a megabyte) loads only for a pattern the byte
  // matcher does not take.
  const onBytes = new Map(specs.flatMap(([, spec]) => (spec?.pattern === undefined ? [] : [[spec.pattern, bytePattern(spec.pattern)] as const])));
  const general = [...onBytes.values()].includes(null) ? (await import('./pattern.js')).compilePattern : undefined;
  const compile = (source: string) => onBytes.get(source) ?? general!(source);
  return specs.map(([name, spec]) => new ColumnValidator(name, spec ?? {}, nulls, maxExamples, compile));
}

/**
 * Checks one CSV record: a ragged one fails as a whole (its cells cannot be matched to columns),
 * else each cell goes to its column's validator (`map`: validator index to field index).
 */
export function checkCsvRecord(
  validators: ColumnValidator[],
  map: Int32Array,
  fieldCount: number,
  dataset: DatasetTally,
  file: string,
  delimiter: string,
  buf: Buffer,
  starts: Int32Array,
  ends: Int32Array,
  n: number,
  line: number,
  recStart: number,
): void {
  if (n !== fieldCount) {
    const raw = recordText(buf, starts, ends, n, recStart, delimiter);
    dataset.fail('field_count', null, 'error', { value: raw, file, line }, `${fieldCount} fields`);
    return;
  }
  for (let k = 0; k < validators.length; k++) {
    const f = map[k];
    if (f >= 0) validators[k].acceptBytes(buf, starts[f], ends[f], line);
  }
}
