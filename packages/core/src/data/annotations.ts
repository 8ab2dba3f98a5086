import type { Problem } from '../errors.js';
import { checkTitle } from './checks.js';
import type { CheckResult, Example, Severity, ValidationResult } from './types.js';

/**
 * Failed checks as annotations on the data file's lines, the way a compiler points at code. At most
 * `maxExamples` per check (GitHub shows 10 error annotations a step anyway); the first one of a
 * check says how many rows it left out, so the log never pretends the examples are all.
 */
export function checkAnnotations(result: ValidationResult, maxExamples: number, driftSeverity: Severity = 'warning'): Problem[] {
  const parquet = new Set(result.files.filter((f) => f.format === 'parquet').map((f) => f.file));
  const dataFiles = new Set(result.files.map((f) => f.file));
  const out: Problem[] = [];
  for (const c of result.checks) {
    if (c.passed) continue;
    const severity = c.severity;
    const title = `${c.column ?? 'dataset'}: ${checkTitle(c.check)}`;
    // An unreadable file or schema is annotated from its error, which also knows the column.
    if (c.check === 'readable' || c.check === 'schema') continue;
    const examples = c.examples.slice(0, Math.max(0, maxExamples));
    const failing = c.check === 'row_count' ? 0 : c.failed_rows;
    const more = failing - examples.length;
    const head = headline(c);
    if (examples.length === 0) {
      out.push({ severity, title, message: head });
      continue;
    }
    examples.forEach((e, i) => {
      const where = parquet.has(e.file) ? ` (row ${e.line})` : '';
      const tail = i === 0 && more > 0 ? ` — ${more} more failing row${more === 1 ? '' : 's'} not annotated` : '';
      out.push({ severity, title, message: `${head}: ${showValue(e.value)}${where}${tail}`, ...placeOf(e, dataFiles, parquet) });
    });
  }
  if (result.dataset_drift) {
    const drifted = result.drift.filter((d) => d.drifted).map((d) => d.column);
    out.push({
      severity: driftSeverity,
      title: 'dataset: drift',
      message: `${drifted.length} of ${result.drift.length} columns drifted from the reference: ${drifted.join(', ')}`,
    });
  }
  return out;
}

function headline(c: CheckResult): string {
  const who = c.column === null ? 'The data' : `Column ${JSON.stringify(c.column)}`;
  const expected = c.expected ? ` (expected ${c.expected}${c.mostly !== undefined ? `, mostly ${c.mostly}` : ''})` : '';
  if (c.check === 'row_count') return `${who} fails ${checkTitle(c.check)}${expected}`;
  const rows = c.checked_rows !== undefined ? `${c.failed_rows} of ${c.checked_rows} rows` : `${c.failed_rows} row${c.failed_rows === 1 ? '' : 's'}`;
  return `${who} fails ${checkTitle(c.check)} in ${rows}${expected}`;
}

function showValue(v: Example['value']): string {
  if (v === null) return 'null';
  const text = typeof v === 'string' ? JSON.stringify(v) : String(v);
  return text.length > 120 ? text.slice(0, 117) + '…' : text;
}

/** A line only where the file has lines: not Parquet (row numbers), not the dataset (line 0). */
function placeOf(e: Example, dataFiles: Set<string>, parquet: Set<string>): { file?: string; line?: number } {
  if (!dataFiles.has(e.file)) return {};
  if (parquet.has(e.file) || !(e.line > 0)) return { file: e.file };
  return { file: e.file, line: e.line };
}
