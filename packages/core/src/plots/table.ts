import { UserError, type Place } from '../errors.js';
import { readCsv } from '../data/csv.js';
import { bufferSource } from '../data/source.js';
import { parseJsonIn } from '../files/lenient-json.js';
import { cellValue } from '../metrics/table.js';

/**
 * A plot's data file read into records. The readers are the ones the rest of the core uses:
 * data/csv.ts (RFC 4180, with the line of every record) over the text in memory, and the lenient
 * JSON parser that takes Python's NaN/Infinity; a cell means what it means in a metrics CSV
 * (metrics/table.ts's cellValue: numbers, nan/inf, true/false, empty is null).
 */
export interface Table {
  file: string;
  fields: string[];
  rows: Record<string, unknown>[];
  /** Where record i is in the file, for messages about it. */
  placeOf(i: number): Place;
  /** Where the field names are (a CSV header, the first record). */
  headerPlace: Place;
  /** A ready confusion matrix (`{"labels": [...], "matrix": [[...]]}`), rows actual. */
  matrix?: { labels: string[]; counts: number[][] };
}

export type TableFormat = 'json' | 'jsonl' | 'csv' | 'tsv';

export function tableFormat(file: string, text: string): TableFormat {
  const name = file.toLowerCase();
  if (name.endsWith('.csv')) return 'csv';
  if (name.endsWith('.tsv') || name.endsWith('.tab')) return 'tsv';
  if (name.endsWith('.jsonl') || name.endsWith('.ndjson')) return 'jsonl';
  if (name.endsWith('.json')) return 'json';
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('[') || start.startsWith('{')) return 'json';
  return (start.split('\n', 1)[0] ?? '').includes('\t') ? 'tsv' : 'csv';
}

export interface ReadOptions {
  /** Where the records are inside a JSON object: `train.loss`. */
  select?: string;
  /** Accept `{"labels", "matrix"}` (a confusion plot). */
  matrix?: boolean;
}

export async function readTable(text: string, file: string, options: ReadOptions = {}): Promise<Table> {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') throw new UserError('the data file is empty', { file, line: 1, column: 1 });
  const format = tableFormat(file, body);
  if (format === 'csv' || format === 'tsv') return readDelimited(body, file, format === 'tsv' ? '\t' : ',');
  if (format === 'jsonl') return readJsonLines(body, file);
  return readJson(body, file, options);
}

async function readDelimited(text: string, file: string, delimiter: string): Promise<Table> {
  let fields: string[] = [];
  let headerLine = 1;
  const rows: Record<string, unknown>[] = [];
  const lines: number[] = [];
  await readCsv(
    bufferSource(text),
    file,
    {
      header(names, line) {
        fields = names.map((n) => n.trim());
        headerLine = line;
        const seen = new Set<string>();
        for (const [i, name] of fields.entries()) {
          if (seen.has(name)) throw new UserError(`the column "${name}" appears twice in the header`, { file, line, column: 1 + i });
          seen.add(name);
        }
      },
      record(buf, starts, ends, count, line) {
        if (count !== fields.length) {
          throw new UserError(`the row has ${count} cells, the header has ${fields.length}`, { file, line, column: 1 });
        }
        const row: Record<string, unknown> = {};
        for (let i = 0; i < count; i++) define(row, fields[i], cellValue(buf.toString('utf8', starts[i], ends[i])));
        rows.push(row);
        lines.push(line);
      },
    },
    { delimiter },
  );
  return {
    file,
    fields,
    rows,
    placeOf: (i) => ({ file, line: lines[i], column: 1 }),
    headerPlace: { file, line: headerLine, column: 1 },
  };
}

function readJsonLines(text: string, file: string): Table {
  const rows: Record<string, unknown>[] = [];
  const lines: number[] = [];
  text.split('\n').forEach((raw, i) => {
    if (raw.trim() === '') return;
    const value = parseJsonIn(raw, file, { firstLine: i + 1, what: `line ${i + 1}`, end: 'the end of the line' });
    if (!isRecord(value)) throw new UserError(`line ${i + 1} is not a JSON object (a record)`, { file, line: i + 1, column: 1 });
    rows.push(value);
    lines.push(i + 1);
  });
  return { file, fields: fieldsOf(rows), rows, placeOf: (i) => ({ file, line: lines[i], column: 1 }), headerPlace: { file, line: lines[0] ?? 1, column: 1 } };
}

function readJson(text: string, file: string, options: ReadOptions): Table {
  const root = parseJsonIn(text, file);
  const path: string[] = [];
  let value = root;
  if (options.select !== undefined) {
    for (const key of options.select.split('.')) {
      if (!isRecord(value) || !Object.hasOwn(value, key)) {
        const keys = isRecord(value) ? Object.keys(value).join(', ') || 'none' : 'it is not an object';
        throw new UserError(`select: "${options.select}" is not in the file (keys at ${path.join('.') || 'the top level'}: ${keys})`, {
          file,
          line: 1,
          column: 1,
        });
      }
      value = value[key];
      path.push(key);
    }
  }
  // Lines are found only when a message needs one: a second pass over the text.
  let lines: number[] | undefined;
  const placeOf = (i: number): Place => {
    lines ??= elementLines(text, path);
    return { file, line: lines[i] ?? 1, column: 1 };
  };
  const table = (rows: Record<string, unknown>[]): Table => ({
    file,
    fields: fieldsOf(rows),
    rows,
    placeOf,
    // A getter: the scan for lines runs only if a message needs the place.
    get headerPlace() {
      return rows.length > 0 ? placeOf(0) : { file, line: 1, column: 1 };
    },
  });

  if (options.matrix && isRecord(value) && Object.hasOwn(value, 'matrix')) {
    return Object.assign(table([]), { matrix: readMatrix(value, file) });
  }
  if (Array.isArray(value)) return table(recordsOf(value, file, placeOf));
  if (!isRecord(value)) {
    throw new UserError(`expected records (an array of objects, or an object holding one), found ${describe(value)}`, { file, line: 1, column: 1 });
  }
  if (options.select === undefined) {
    const holders = Object.keys(value).filter((k) => Array.isArray(value[k]) && (value[k] as unknown[]).some(isRecord));
    if (holders.length === 1) {
      path.push(holders[0]);
      return table(recordsOf(value[holders[0]] as unknown[], file, placeOf));
    }
    if (holders.length > 1) {
      throw new UserError(`the file holds several lists of records (${holders.join(', ')}): name one with \`select\``, { file, line: 1, column: 1 });
    }
  }
  return table(columnsOf(value, file, path));
}

function recordsOf(list: unknown[], file: string, placeOf: (i: number) => Place): Record<string, unknown>[] {
  list.forEach((r, i) => {
    if (!isRecord(r)) throw new UserError(`record ${i + 1} is not an object (a record), it is ${describe(r)}`, placeOf(i));
  });
  return list as Record<string, unknown>[];
}

/** `{"fpr": [...], "tpr": [...], "auc": 0.93}`: the equal-length arrays are columns, scalars are left out. */
function columnsOf(obj: Record<string, unknown>, file: string, path: string[]): Record<string, unknown>[] {
  const where = path.length > 0 ? `"${path.join('.')}"` : 'the file';
  const columns = Object.keys(obj).filter((k) => Array.isArray(obj[k]));
  if (columns.length === 0) {
    throw new UserError(`${where} holds no records: expected an array of objects, or columns such as {"x": [...], "y": [...]}`, { file, line: 1, column: 1 });
  }
  const length = (obj[columns[0]] as unknown[]).length;
  const rows: Record<string, unknown>[] = Array.from({ length }, () => ({}));
  for (const c of columns) {
    const values = obj[c] as unknown[];
    if (values.length !== length) {
      throw new UserError(`the columns of ${where} differ in length: "${columns[0]}" has ${length} values, "${c}" has ${values.length}`, {
        file,
        line: 1,
        column: 1,
      });
    }
    values.forEach((v, i) => define(rows[i], c, v));
  }
  return rows;
}

function readMatrix(obj: Record<string, unknown>, file: string): { labels: string[]; counts: number[][] } {
  const at = { file, line: 1, column: 1 };
  const matrix = obj.matrix;
  if (!Array.isArray(matrix) || matrix.length === 0 || !matrix.every((r) => Array.isArray(r) && r.length === matrix.length)) {
    throw new UserError('"matrix" must be a square list of rows of counts (rows: actual class, columns: predicted class)', at);
  }
  const counts = (matrix as unknown[][]).map((r) =>
    r.map((c) => {
      if (typeof c !== 'number' || !Number.isFinite(c) || c < 0) throw new UserError(`"matrix" holds ${describe(c)}, not a count`, at);
      return c;
    }),
  );
  const labels = obj.labels === undefined ? counts.map((_, i) => String(i)) : obj.labels;
  if (!Array.isArray(labels) || labels.length !== counts.length || !labels.every((l) => typeof l === 'string' || typeof l === 'number')) {
    throw new UserError(`"labels" must list the ${counts.length} class names, in the order of the matrix rows`, at);
  }
  return { labels: labels.map(String), counts };
}

/**
 * The line on which each element of the array at `path` (object keys from the top) starts: JSON.parse
 * keeps no positions, so the text is scanned once more, following only strings and brackets.
 */
export function elementLines(text: string, path: string[]): number[] {
  const lines: number[] = [];
  const stack: { array: boolean; key?: string; expectKey: boolean; expectValue: boolean }[] = [];
  let line = 1;
  const atTarget = () => stack.length === path.length + 1 && stack.every((f, d) => (d === path.length ? f.array : !f.array && f.key === path[d]));
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      line++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === ',' || c === ':') {
      const top = stack.at(-1);
      if (top && c === ',') top.array ? (top.expectValue = true) : (top.expectKey = true);
      continue;
    }
    const top = stack.at(-1);
    if (top?.array && top.expectValue) {
      top.expectValue = false;
      if (c !== ']' && atTarget()) lines.push(line);
    }
    if (c === '"') {
      const start = i;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      if (top && !top.array && top.expectKey) {
        top.expectKey = false;
        try {
          top.key = JSON.parse(text.slice(start, i + 1)) as string;
        } catch {
          top.key = undefined;
        }
      }
    } else if (c === '{') stack.push({ array: false, expectKey: true, expectValue: false });
    else if (c === '[') stack.push({ array: true, expectKey: false, expectValue: true });
    else if (c === '}' || c === ']') stack.pop();
  }
  return lines;
}

function fieldsOf(rows: Record<string, unknown>[]): string[] {
  const fields = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r)) fields.add(k);
  return [...fields];
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function define(row: Record<string, unknown>, key: string, value: unknown): void {
  // An own property even for `__proto__`, as JSON.parse makes it.
  Object.defineProperty(row, key, { value, enumerable: true, writable: true, configurable: true });
}

export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v);
  return String(v);
}
