import { describe, expect, it } from 'vitest';
import { checkAnnotations } from './annotations.js';
import { CHECK_TITLES } from './checks.js';
import { renderValidationMarkdown } from './markdown.js';
import type { CheckName, CheckResult, ValidationResult } from './types.js';

/** A result with one failed check of each name, each with one example row. */
function failing(checks: CheckName[]): ValidationResult {
  const results: CheckResult[] = checks.map((check, i) => ({
    column: `c${i}`,
    check,
    severity: 'error',
    passed: false,
    failed_rows: 1,
    checked_rows: 10,
    examples: [{ value: 'v', file: 'data.csv', line: i + 2 }],
  }));
  return {
    passed: false,
    rows: 10,
    columns: checks.length,
    column_names: checks.map((_, i) => `c${i}`),
    rows_validated: 10,
    sampled: false,
    files: [{ file: 'data.csv', format: 'csv', gzip: false, rows: 10 }],
    errors: checks.length,
    warnings: 0,
    notes: [],
    checks: results,
    drift: [],
    drift_share: 0,
    dataset_drift: false,
  };
}

describe('the check titles', () => {
  it('name every check once, as the report and the annotations show them', () => {
    const pinned = Object.entries(CHECK_TITLES).map(([check, title]) => `${check}: ${title}`);
    expect(pinned.join('; ')).toBe(
      'type: type; not_null: not null; min: min; max: max; enum: allowed values; pattern: pattern; unique: unique; ' +
        'column_present: column present; extra_column: no extra columns; field_count: field count; not_empty: not empty; ' +
        'row_count: row count; readable: readable; schema: valid schema',
    );
    expect(new Set(Object.values(CHECK_TITLES)).size).toBe(Object.keys(CHECK_TITLES).length);
  });

  it('are the same words in the report table and in the annotation titles', () => {
    // readable and schema are annotated from their errors, not as a check row.
    const checks = (Object.keys(CHECK_TITLES) as CheckName[]).filter((c) => c !== 'readable' && c !== 'schema');
    const result = failing(checks);
    const titles = checkAnnotations(result, 1).map((a) => a.title);
    const md = renderValidationMarkdown(result);
    checks.forEach((check, i) => {
      expect(titles).toContain(`c${i}: ${CHECK_TITLES[check]}`);
      expect(md).toMatch(new RegExp(`\\| ${CHECK_TITLES[check]} \\|`));
    });
  });
});
