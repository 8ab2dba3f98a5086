import { UserError, isUserError } from '../errors.js';
import type { PlotDef } from './config.js';
import { describe, readTable, type Table } from './table.js';

/**
 * A plot's data, base and head, in the one long shape every chart and fallback is drawn from:
 * points `{x, y, series, rev}` for curves, scatters and bars; cells for a confusion matrix.
 * Internal field names keep user field names (which may hold dots or brackets, which vega-lite
 * reads as paths) out of the chart's encodings: they only appear as titles and labels.
 */
export interface XYPoint {
  x: number | string;
  /** null for a gap: an empty cell, null, NaN or ±Infinity. */
  y: number | null;
  series: string;
  rev: string;
}

export type XType = 'quantitative' | 'temporal' | 'ordinal';

export interface XYData {
  kind: 'xy';
  xTitle: string;
  yTitle: string;
  xType: XType;
  /** The y fields: one series each. */
  series: string[];
  /** The revisions shown, base first: `["base (main)", "head"]` or `["head"]`. */
  revs: string[];
  points: XYPoint[];
  /** What the reader should know: a base that could not be read, a series missing on one side. */
  notes: string[];
}

export interface ConfusionCell {
  rev: string;
  actual: string;
  predicted: string;
  count: number;
  /** count / the actual class's total (0 for an empty class). */
  share: number;
}

export interface ConfusionData {
  kind: 'confusion';
  normalized: boolean;
  labels: string[];
  revs: string[];
  /** Every (rev, actual, predicted), zeros included, rows in label order. */
  cells: ConfusionCell[];
  notes: string[];
}

export type PlotData = XYData | ConfusionData;

export interface PlotInput {
  /** The data file's text at head. */
  head: string;
  /** The same file at the baseline; undefined when there is none. */
  base?: string;
  /** Default `head`. */
  headLabel?: string;
  /** Default `base`; the adapter passes e.g. `base (main)`. */
  baseLabel?: string;
}

/** More classes than this make an unreadable matrix (and a huge table in the fallback). */
export const MAX_CLASSES = 60;

/**
 * Reads both sides of a plot's data. A broken head is the user's error (UserError naming the file,
 * line and column); a base that cannot be read or lacks a field only becomes a note, since a
 * missing baseline is never an error: the chart then shows head alone.
 */
export async function loadPlotData(plot: PlotDef, input: PlotInput): Promise<PlotData> {
  const headLabel = input.headLabel ?? 'head';
  let baseLabel = input.baseLabel ?? 'base';
  if (baseLabel === headLabel) baseLabel = `${baseLabel} (base)`;
  const confusion = plot.template === 'confusion' || plot.template === 'confusion-normalized';
  const options = { select: plot.select, matrix: confusion };
  const head = await readTable(input.head, plot.data, options);
  const notes: string[] = [];
  let base: Table | undefined;
  if (input.base !== undefined) {
    try {
      base = await readTable(input.base, plot.data, options);
    } catch (e) {
      if (!isUserError(e)) throw e;
      notes.push(`The base version of ${plot.data} could not be read (${baseMessage(e)}): head alone is shown.`);
    }
  }
  const sides: [string, Table][] = base
    ? [
        [baseLabel, base],
        [headLabel, head],
      ]
    : [[headLabel, head]];
  return confusion ? confusionData(plot, sides, notes) : xyData(plot, sides, notes);
}

function baseMessage(e: UserError): string {
  return e.line === undefined ? e.message : `line ${e.line}: ${e.message}`;
}

function xyData(plot: PlotDef, sides: [string, Table][], notes: string[]): XYData {
  const head = sides.at(-1)![1];
  // Without x: dvclive's `step` column when there is one, else the record's position (always the
  // position for DVC's plots, whose `step` is the index).
  const xField = plot.x ?? (!plot.xIndex && head.fields.includes('step') ? 'step' : undefined);
  if (xField !== undefined) requireField(head, xField, 'x');
  const yFields = plot.y.length > 0 ? plot.y : plot.yLast ? head.fields.slice(-1) : numericFields(head, xField);
  if (yFields.length === 0) {
    throw new UserError(`no numeric field to plot${xField ? ` besides "${xField}"` : ''}: name one with \`y\` (fields: ${listFields(head)})`, head.headerPlace);
  }
  for (const y of yFields) requireField(head, y, 'y');

  const points: XYPoint[] = [];
  const xs: unknown[] = [];
  const revs: string[] = [];
  for (const [rev, table] of sides) {
    const isHead = table === head;
    if (!isHead && xField !== undefined && !table.fields.includes(xField)) {
      notes.push(`The base version of ${plot.data} has no field "${xField}": head alone is shown.`);
      continue;
    }
    let shown = false;
    for (const series of yFields) {
      if (!isHead && !table.fields.includes(series)) {
        notes.push(`The base version of ${plot.data} has no field "${series}".`);
        continue;
      }
      shown = true;
      table.rows.forEach((row, i) => {
        const x = xField === undefined ? i : row[xField];
        if (x === null || x === undefined) return;
        if (typeof x !== 'number' && typeof x !== 'string') {
          throw new UserError(`record ${i + 1}: "${xField}" is ${describe(x)}, not a number or a label`, table.placeOf(i));
        }
        if (typeof x === 'number' && !Number.isFinite(x)) return;
        xs.push(x);
        points.push({ x, y: yValue(row[series], series, table, i), series, rev });
      });
    }
    if (shown) revs.push(rev);
  }
  const xType = typeOf(xs, plot.template === 'bar' || plot.template === 'bar-horizontal');
  if (xType !== 'quantitative') for (const p of points) p.x = String(p.x);
  const capped = xType === 'ordinal' ? capCategories(points, notes) : points;
  const drawn = plot.template === 'bar' || plot.template === 'bar-horizontal' ? capped : thin(capped, notes);
  return {
    kind: 'xy',
    xTitle: plot.xLabel ?? xField ?? 'step',
    yTitle: plot.yLabel ?? (yFields.length === 1 ? yFields[0] : 'value'),
    xType,
    series: yFields,
    revs,
    points: drawn,
    notes,
  };
}

/**
 * One chart of several data files (a DVC plot whose `y` names fields in more than one file): each
 * file's series keep their points, renamed by file (`train.json` alone when every file gives the
 * same field, `train.json: loss` otherwise). x must be numbers in all or labels in all.
 */
export function mergeSources(plot: PlotDef, parts: Array<{ label: string; data: XYData }>): XYData {
  const sameFields = new Set(parts.flatMap((p) => p.data.series)).size === 1;
  const name = (label: string, field: string) => (sameFields ? label : `${label}: ${field}`);
  const series = parts.flatMap((p) => p.data.series.map((f) => name(p.label, f)));
  // Head is last in every part's revisions; a base shown for any file comes before it.
  const head = parts[0].data.revs.at(-1);
  const revs = [...new Set(parts.flatMap((p) => p.data.revs))].filter((r) => r !== head);
  if (head !== undefined) revs.push(head);
  const ordinal = parts.some((p) => p.data.xType !== 'quantitative');
  const types = new Set(parts.map((p) => p.data.xType));
  const points = parts.flatMap((p) => p.data.points.map((pt) => ({ ...pt, x: ordinal ? String(pt.x) : pt.x, series: name(p.label, pt.series) })));
  const xFields = new Set(parts.map((p) => p.data.xTitle));
  const fields = new Set(parts.flatMap((p) => p.data.series));
  return {
    kind: 'xy',
    xTitle: plot.xLabel ?? (xFields.size === 1 ? [...xFields][0] : 'x'),
    yTitle: plot.yLabel ?? (fields.size === 1 ? [...fields][0] : 'y'),
    xType: types.size === 1 ? [...types][0] : 'ordinal',
    series,
    revs,
    points,
    notes: parts.flatMap((p) => p.data.notes),
  };
}

/**
 * More categories than this make a chart no one can read, and vega's band layout overflows its
 * stack on a few thousand: the first ones met are drawn, and a note says how many were left out.
 */
export const MAX_CATEGORIES = 200;

function capCategories(points: XYPoint[], notes: string[]): XYPoint[] {
  const kept = new Set<string>();
  let total = 0;
  const seen = new Set<string>();
  for (const p of points) {
    const x = String(p.x);
    if (seen.has(x)) continue;
    seen.add(x);
    total++;
    if (kept.size < MAX_CATEGORIES) kept.add(x);
  }
  if (total <= MAX_CATEGORIES) return points;
  notes.push(`${total.toLocaleString('en')} categories: the first ${MAX_CATEGORIES} are drawn, ${(total - MAX_CATEGORIES).toLocaleString('en')} are left out.`);
  return points.filter((p) => kept.has(String(p.x)));
}

/** More points than this on one curve add nothing a chart can show, only seconds and megabytes. */
export const MAX_CURVE_POINTS = 5000;

/** Keeps every k-th point (and the last) of a curve longer than MAX_CURVE_POINTS, saying so. */
function thin(points: XYPoint[], notes: string[]): XYPoint[] {
  const groups = new Map<string, XYPoint[]>();
  for (const p of points) {
    const key = `${p.series}\u0000${p.rev}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(p);
  }
  if ([...groups.values()].every((g) => g.length <= MAX_CURVE_POINTS)) return points;
  const out: XYPoint[] = [];
  for (const g of groups.values()) {
    if (g.length <= MAX_CURVE_POINTS) {
      for (const p of g) out.push(p);
      continue;
    }
    const k = Math.ceil(g.length / MAX_CURVE_POINTS);
    for (let i = 0; i < g.length; i += k) out.push(g[i]);
    if ((g.length - 1) % k !== 0) out.push(g[g.length - 1]);
    notes.push(`${g[0].series} (${g[0].rev}) has ${g.length.toLocaleString('en')} points: 1 in ${k} is drawn.`);
  }
  return out;
}

function yValue(v: unknown, field: string, table: Table, i: number): number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  throw new UserError(`record ${i + 1}: "${field}" is ${describe(v)}, not a number`, table.placeOf(i));
}

/** Numbers on a linear scale, ISO dates in time, anything else as labels in the order met. */
function typeOf(xs: unknown[], categorical: boolean): XType {
  if (categorical) return 'ordinal';
  if (xs.every((x) => typeof x === 'number')) return 'quantitative';
  if (xs.every((x) => typeof x === 'string' && /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(x))) {
    return 'temporal';
  }
  return 'ordinal';
}

function numericFields(table: Table, except: string | undefined): string[] {
  return table.fields.filter(
    (f) =>
      f !== except &&
      table.rows.some((r) => typeof r[f] === 'number') &&
      table.rows.every((r) => r[f] === null || r[f] === undefined || typeof r[f] === 'number'),
  );
}

function requireField(table: Table, field: string, role: string): void {
  if (table.fields.includes(field)) return;
  if (table.rows.length === 0) throw new UserError(`there are no records, so no field "${field}" (${role})`, table.headerPlace);
  throw new UserError(`no field "${field}" (${role}); the fields are: ${listFields(table)}`, table.headerPlace);
}

function listFields(table: Table): string {
  const shown = table.fields.slice(0, 20).map((f) => JSON.stringify(f));
  return (shown.join(', ') || 'none') + (table.fields.length > 20 ? ', …' : '');
}

function confusionData(plot: PlotDef, sides: [string, Table][], notes: string[]): ConfusionData {
  const head = sides.at(-1)![1];
  const counted: [string, Map<string, Map<string, number>>][] = [];
  const labels = new Set<string>();
  let ordered: string[] | undefined;
  for (const [rev, table] of sides) {
    try {
      const counts = countPairs(plot, table);
      for (const [a, row] of counts) {
        labels.add(a);
        for (const p of row.keys()) labels.add(p);
      }
      if (table.matrix && table === head) ordered = table.matrix.labels;
      counted.push([rev, counts]);
    } catch (e) {
      if (table === head || !isUserError(e)) throw e;
      notes.push(`The base version of ${plot.data} could not be read (${baseMessage(e)}): head alone is shown.`);
    }
  }
  // A ready matrix's order is the user's; counted labels sort naturally (2 before 10).
  const order = [...(ordered ?? []), ...[...labels].filter((l) => !ordered?.includes(l)).sort(naturalOrder)];
  if (order.length > MAX_CLASSES) {
    throw new UserError(`${order.length} classes are too many for a confusion matrix (at most ${MAX_CLASSES})`, head.headerPlace);
  }
  const cells: ConfusionCell[] = [];
  for (const [rev, counts] of counted) {
    for (const actual of order) {
      const row = counts.get(actual);
      let total = 0;
      for (const n of row?.values() ?? []) total += n;
      for (const predicted of order) {
        const count = row?.get(predicted) ?? 0;
        cells.push({ rev, actual, predicted, count, share: total === 0 ? 0 : count / total });
      }
    }
  }
  return {
    kind: 'confusion',
    normalized: plot.template === 'confusion-normalized',
    labels: order,
    revs: counted.map(([rev]) => rev),
    cells,
    notes,
  };
}

function countPairs(plot: PlotDef, table: Table): Map<string, Map<string, number>> {
  const counts = new Map<string, Map<string, number>>();
  const add = (a: string, p: string, n: number) => {
    let row = counts.get(a);
    if (!row) counts.set(a, (row = new Map()));
    row.set(p, (row.get(p) ?? 0) + n);
  };
  if (table.matrix) {
    const { labels, counts: m } = table.matrix;
    labels.forEach((a, i) => labels.forEach((p, j) => add(a, p, m[i][j])));
    return counts;
  }
  requireField(table, plot.actual, 'actual');
  requireField(table, plot.predicted, 'predicted');
  table.rows.forEach((row, i) => {
    const a = label(row[plot.actual], plot.actual, table, i);
    const p = label(row[plot.predicted], plot.predicted, table, i);
    if (a !== undefined && p !== undefined) add(a, p, 1);
  });
  return counts;
}

function label(v: unknown, field: string, table: Table, i: number): string | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw new UserError(`record ${i + 1}: "${field}" is ${describe(v)}, not a class label`, table.placeOf(i));
}

const collator = new Intl.Collator('en', { numeric: true });

function naturalOrder(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  if (a.trim() !== '' && b.trim() !== '' && Number.isFinite(na) && Number.isFinite(nb)) return na - nb;
  return collator.compare(a, b);
}
