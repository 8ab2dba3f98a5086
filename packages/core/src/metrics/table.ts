import { UserError } from '../errors.js';

/**
 * CSV/TSV metrics files, in the two shapes people write:
 *
 *   a one-row table           accuracy,loss        (a header, then one row of values)
 *                             0.93,0.21
 *   name,value rows           accuracy,0.93        (two columns; an optional header whose
 *                             loss,0.21             first cell is name/metric/key/...)
 *
 * Two columns are ambiguous (`model,accuracy` / `resnet,0.9` reads both ways). The rule:
 *   1. a recognised name/value header (`name,value`, `metric,score`, ...) means name,value rows;
 *   2. exactly two rows whose first row has no number means a one-row table;
 *   3. otherwise, two columns mean name,value rows; the first row is taken as a header when its
 *      value is not a number while every other row's value is;
 *   4. wider than two columns: a one-row table (header + exactly one row), anything else is an error.
 * Two columns whose names are all numbers (`step,loss` / `0,0.5` / `1,0.4`) are a series, an error.
 * In a one-row table, a column with an empty header (pandas' index) is skipped.
 * Cells: numbers (also `nan`, `inf`, `-inf`, `Infinity` as pandas and numpy write them), `true`/
 * `false` in any case, an empty cell is null (pandas writes NaN that way), everything else a string.
 *
 * The parser is written here rather than taken from d3-dsv (present only as vega's dependency):
 * it must report the line of a broken quote or a ragged row, which d3-dsv does not.
 */
export function parseTable(text: string, delimiter: ',' | '\t', file: string): Record<string, unknown> {
  const rows = splitRows(text, delimiter, file).filter((r) => !(r.cells.length === 1 && r.cells[0].trim() === ''));
  if (rows.length === 0) return {};
  const width = rows[0].cells.length;
  for (const r of rows) {
    if (r.cells.length !== width) {
      throw new UserError(`row has ${r.cells.length} cells, the first row has ${width}`, { file, line: r.line, column: 1 });
    }
  }
  const out: Record<string, unknown> = {};
  const put = (name: string, value: string, line: number) => {
    const key = name.trim();
    if (key === '') throw new UserError('empty metric name', { file, line, column: 1 });
    if (Object.hasOwn(out, key)) throw new UserError(`metric "${key}" appears twice`, { file, line, column: 1 });
    Object.defineProperty(out, key, { value: cellValue(value), enumerable: true, writable: true, configurable: true });
  };

  // pandas' to_csv writes its index as a first column with an empty header: not a metric.
  const oneRow = () => {
    rows[0].cells.forEach((name, i) => {
      if (name.trim() !== '') put(name, rows[1].cells[i], rows[1].line);
    });
    return out;
  };

  if (width === 2) {
    const first = rows[0].cells;
    const namedHeader = NAME_HEADERS.has(first[0].trim().toLowerCase()) && VALUE_HEADERS.has(first[1].trim().toLowerCase());
    if (!namedHeader && rows.length === 2 && !first.some(isNumberCell)) return oneRow();
    const rest = rows.slice(1);
    const header = namedHeader || (rest.length > 0 && !isNumberCell(first[1]) && rest.every((r) => isNumberCell(r.cells[1])));
    const pairs = header ? rest : rows;
    // Numbers for names (`step,loss` / `0,0.5` / `1,0.4`) are a series: a plots file, not metrics.
    if (pairs.length > 1 && pairs.every((r) => isNumberCell(r.cells[0]))) throw shapeError(rows, width);
    for (const r of pairs) put(r.cells[0], r.cells[1], r.line);
    return out;
  }

  if (rows.length !== 2) throw shapeError(rows, width);
  return oneRow();

  function shapeError(rows: Row[], width: number): UserError {
    return new UserError(
      `a CSV/TSV metrics file is either a header and one row of values, or name,value rows; this one has ${width} columns and ${rows.length} rows (a series belongs in a plots file)`,
      { file, line: rows[Math.min(2, rows.length - 1)].line, column: 1 },
    );
  }
}

const NAME_HEADERS = new Set(['name', 'metric', 'metrics', 'key', 'param', 'parameter', 'metric_name']);
const VALUE_HEADERS = new Set(['value', 'values', 'score', 'result', 'metric_value']);

const NUMERIC = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const NON_FINITE: Record<string, number> = {
  nan: NaN,
  '+nan': NaN,
  '-nan': NaN,
  inf: Infinity,
  '+inf': Infinity,
  '-inf': -Infinity,
  infinity: Infinity,
  '+infinity': Infinity,
  '-infinity': -Infinity,
};

function isNumberCell(cell: string): boolean {
  const c = cell.trim();
  return NUMERIC.test(c) || Object.hasOwn(NON_FINITE, c.toLowerCase());
}

export function cellValue(cell: string): unknown {
  const c = cell.trim();
  if (c === '') return null;
  if (NUMERIC.test(c)) return Number(c);
  const lower = c.toLowerCase();
  if (Object.hasOwn(NON_FINITE, lower)) return NON_FINITE[lower];
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  return c;
}

interface Row {
  cells: string[];
  /** 1-based line where the row starts. */
  line: number;
}

/** RFC 4180: quoted cells may hold the delimiter, `""` and line breaks. */
function splitRows(text: string, delimiter: string, file: string): Row[] {
  const rows: Row[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let rowLine = 1;
  let i = 0;
  const n = text.length;
  const endRow = () => {
    cells.push(cell);
    rows.push({ cells, line: rowLine });
    cells = [];
    cell = '';
  };
  while (i < n) {
    const c = text[i];
    if (c === '"' && cell.trim() === '') {
      const openLine = line;
      const openColumn = i - text.lastIndexOf('\n', i - 1);
      cell = '';
      i++;
      for (;;) {
        if (i >= n) throw new UserError('unterminated quoted cell', { file, line: openLine, column: openColumn });
        const q = text[i];
        if (q === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (q === '\n') line++;
        cell += q;
        i++;
      }
      // Only spaces may follow the closing quote before the delimiter or the end of the line.
      while (text[i] === ' ') i++;
      if (i < n && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') {
        const column = i - text.lastIndexOf('\n', i - 1);
        throw new UserError(`unexpected ${JSON.stringify(text[i])} after a quoted cell`, { file, line, column });
      }
      continue;
    }
    if (c === delimiter) {
      cells.push(cell);
      cell = '';
      i++;
    } else if (c === '\n' || c === '\r') {
      endRow();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      rowLine = line;
    } else {
      cell += c;
      i++;
    }
  }
  if (cell !== '' || cells.length > 0) endRow();
  return rows;
}
