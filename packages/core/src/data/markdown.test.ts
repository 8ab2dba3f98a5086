import { describe, expect, it } from 'vitest';
import { renderValidationMarkdown } from './markdown.js';
import type { ValidationResult } from './types.js';

const base: ValidationResult = {
  passed: false,
  rows: 1000,
  columns: 3,
  column_names: ['id', 'name', 'price'],
  rows_validated: 1000,
  sampled: false,
  files: [{ file: 'data/train.csv', format: 'csv', gzip: false, rows: 1000 }],
  errors: 1,
  warnings: 0,
  notes: [],
  checks: [
    { column: 'id', check: 'unique', severity: 'error', passed: true, failed_rows: 0, examples: [], checked_rows: 1000, expected: 'no duplicates' },
    {
      column: 'name|x',
      check: 'enum',
      severity: 'error',
      passed: false,
      failed_rows: 2,
      checked_rows: 1000,
      expected: 'a, b',
      examples: [
        { value: '@octocat <script>alert(1)</script>', file: 'data/train.csv', line: 7 },
        { value: 'x|y `z`', file: 'data/train.csv', line: 12 },
      ],
    },
  ],
  drift: [{ column: 'price', method: 'wasserstein', statistic: 0.42, threshold: 0.1, drifted: true, kind: 'distance' }],
  drift_share: 1,
  dataset_drift: true,
  reference: { files: ['ref.csv'], rows: 900 },
};

describe('renderValidationMarkdown', () => {
  it('shows the verdict, what was read, failed checks with places, and the drift table', () => {
    const md = renderValidationMarkdown(base);
    expect(md).toMatch(/^\*\*Verdict: failed\*\* — 1 error/);
    expect(md).toContain('Read **1,000 rows** and **3 columns** from data/train\\.csv (csv, 1,000 rows).');
    expect(md).toContain('#### Failed checks (1 of 2)');
    expect(md).toContain('2 of 1,000');
    expect(md).toContain('at data/train\\.csv\\:7');
    expect(md).toContain('| `price` | wasserstein | 0.420 | ≥ 0.100 | **yes** |');
    expect(md).toContain('**the dataset has drifted**');
  });

  it('escapes values: no mention, no HTML, no broken table', () => {
    const md = renderValidationMarkdown(base);
    // Inside a code span GitHub renders neither HTML nor @mentions.
    expect(md).toContain('`@octocat <script>alert(1)</script>`');
    expect(md.replace(/`[^`]*`/g, '')).not.toMatch(/@octocat|<script>/);
    const row = md.split('\n').find((l) => l.includes('allowed values'))!;
    // Every pipe in the row is a cell border: values and column names with pipes became entities.
    expect(row.split('|').length - 2).toBe(6);
  });

  it('says all checks passed when they did', () => {
    const md = renderValidationMarkdown({ ...base, passed: true, errors: 0, checks: [base.checks[0]], reference: undefined, drift: [] });
    expect(md).toMatch(/^\*\*Verdict: passed\*\*/);
    expect(md).toContain('All 1 checks passed.');
  });
});
