import { formatCount } from '../section/count.js';
import { codeSpan, escapeCell, escapeText, table } from '../section/escape.js';
import { checkTitle } from './checks.js';
import type { CheckResult, Example, ValidationResult } from './types.js';

/**
 * The validate-data section of the report: what was read, every failed check with how many rows
 * failed and where, the drift table, and a verdict. Every value from the data goes through the
 * report's escaping (values as code spans, names and places as escaped text), so a cell holding
 * `@someone`, `<script>` or a pipe renders as that text and nothing else.
 */
export interface MarkdownOptions {
  /** Examples shown per failed check (the result may hold more). Default 3. */
  examples?: number;
  /** Shorten file paths in the text (e.g. relative to the workspace). */
  displayPath?: (file: string) => string;
}

const n = formatCount;

function showValue(v: Example['value']): string {
  if (v === null) return '_null_';
  const text = typeof v === 'string' ? v : String(v);
  const short = text.length > 80 ? text.slice(0, 77) + '…' : text;
  return codeSpan(short);
}

function examplesCell(c: CheckResult, limit: number, path: (f: string) => string): string {
  if (c.check === 'row_count') return '';
  // The reason a file or the schema could not be read: a message, shown whole.
  if (c.check === 'readable' || c.check === 'schema') {
    return c.examples.map((e) => `${escapeCell(String(e.value))} at ${escapeCell(`${path(e.file)}:${e.line}`)}`).join('<br>');
  }
  return c.examples
    .slice(0, limit)
    .map((e) => `${showValue(e.value)} at ${escapeCell(`${path(e.file)}:${e.line}`)}`)
    .join('<br>');
}

function formatStatistic(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x !== 0 && Math.abs(x) < 0.001) return x.toExponential(2);
  return x.toFixed(3);
}

export function renderValidationMarkdown(result: ValidationResult, options: MarkdownOptions = {}): string {
  const limit = options.examples ?? 3;
  const path = options.displayPath ?? ((f: string) => f);
  const lines: string[] = [];
  const failed = result.checks.filter((c) => !c.passed);
  const verdict = result.passed
    ? result.warnings > 0
      ? `**Verdict: passed with ${n(result.warnings)} warning${result.warnings === 1 ? '' : 's'}**`
      : '**Verdict: passed**'
    : `**Verdict: failed** — ${n(result.errors)} error${result.errors === 1 ? '' : 's'}${result.warnings ? `, ${n(result.warnings)} warning${result.warnings === 1 ? '' : 's'}` : ''}`;
  lines.push(verdict, '');

  const files = result.files.map((f) => `${escapeText(path(f.file))} (${f.format}${f.gzip ? ', gzip' : ''}, ${n(f.rows)} rows)`);
  const broken = failed.find((c) => c.check === 'readable' || c.check === 'schema');
  const names = result.files.length ? result.files.map((f) => escapeText(path(f.file))).join(', ') : 'the data';
  if (broken?.check === 'schema') lines.push(`The schema could not be used, so ${names} ${result.files.length === 1 ? 'was' : 'were'} not checked.`);
  else if (broken) lines.push(`Could not read ${names}.`);
  else lines.push(`Read **${n(result.rows)} rows** and **${n(result.columns)} columns** from ${files.join(', ')}.`);
  if (result.sampled) lines.push(`Checked a seeded random sample of ${n(result.rows_validated)} rows.`);
  for (const note of result.notes) if (!note.startsWith('checked a seeded random sample')) lines.push(escapeText(note));
  lines.push('');

  if (failed.length === 0) {
    lines.push(`All ${n(result.checks.length)} checks passed.`, '');
  } else {
    const rows = failed.map((c) => {
      const failedRows =
        c.check === 'row_count'
          ? `${n(result.rows)} rows`
          : c.check === 'readable' || c.check === 'schema'
            ? ''
            : c.checked_rows !== undefined
              ? `${n(c.failed_rows)} of ${n(c.checked_rows)}`
              : n(c.failed_rows);
      const expected = c.expected ? escapeCell(c.expected) + (c.mostly !== undefined ? ` (mostly ${c.mostly})` : '') : '';
      return [
        c.column === null ? '_dataset_' : codeSpan(c.column),
        escapeCell(checkTitle(c.check)),
        c.severity,
        failedRows,
        expected,
        examplesCell(c, limit, path) + (c.note ? `<br>${escapeCell(c.note)}` : ''),
      ];
    });
    lines.push(`#### Failed checks (${n(failed.length)} of ${n(result.checks.length)})`, '');
    lines.push(table(['column', 'check', 'severity', 'failed rows', 'expected', 'examples'], rows, ['l', 'l', 'l', 'r', 'l', 'l']), '');
  }

  if (result.reference) {
    const refFiles = result.reference.files.map((f) => escapeText(path(f))).join(', ');
    lines.push(`#### Drift against ${refFiles} (${n(result.reference.rows)} rows)`, '');
    if (result.drift.length === 0) lines.push('No column could be compared.', '');
    else {
      const rows = result.drift.map((d) => [
        codeSpan(d.column),
        escapeCell(d.method),
        formatStatistic(d.statistic),
        (d.kind === 'p-value' ? '< ' : '≥ ') + formatStatistic(d.threshold),
        d.drifted ? '**yes**' : 'no',
      ]);
      lines.push(table(['column', 'method', 'statistic', 'drift when', 'drifted'], rows, ['l', 'l', 'r', 'r', 'l']), '');
      const drifted = result.drift.filter((d) => d.drifted).length;
      const share = Math.round((result.drift_share ?? 0) * 100);
      lines.push(
        `${n(drifted)} of ${n(result.drift.length)} columns drifted (${share}%): ` +
          (result.dataset_drift ? '**the dataset has drifted**.' : 'no dataset-level drift.'),
        '',
      );
    }
  }
  return lines.join('\n').trimEnd() + '\n';
}
