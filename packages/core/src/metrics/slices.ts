import { codeSpan, escapeCell, table } from '../section/escape.js';
import type { MetricRow, MetricsDiff } from './diff.js';
import type { Files, FlatRecord } from './flatten.js';
import { formatNumber, formatSigned } from './format.js';
import { gatesVerdict } from './gates.js';

/**
 * Metrics per slice of the evaluation data (per island, per sex, per age band), in either shape:
 *
 *   {"slice": {"Biscoe": {"recall": 0.9, "count": 51}}}       nested (flattens to slice.Biscoe.recall)
 *   {"slice/Biscoe/recall": 0.9, "slice/Biscoe/count": 51}    flat
 *
 * (`slices` works as the top word too). The nested form is rewritten to the flat one before the
 * diff, so the gates see one name per slice metric and `slice/*\/recall: {min: 0.8}` (a fairness
 * floor) matches every slice's recall whichever shape the file has. A slice's name is found from
 * its `count` key (so names may hold dots); without a count, from the last separator.
 */
export const DEFAULT_MIN_SLICE_COUNT = 30;

const WORDS = ['slice', 'slices'];

/** The nested shape's keys as flat `slice/<name>/<metric>` keys; other keys as they are. */
export function flatSliceKeys(files: Files): Files {
  const out: Files = new Map();
  for (const [file, record] of files) out.set(file, flatRecord(record));
  return out;
}

function flatRecord(record: FlatRecord): FlatRecord {
  const keys = Object.keys(record);
  const nested = keys.filter((k) => WORDS.some((w) => k.startsWith(`${w}.`)));
  if (nested.length === 0) return record;
  // Slice names from the count keys, longest first, so `a.b` wins over `a` as a name.
  const names = nested
    .filter((k) => k.endsWith('.count'))
    .map((k) => k.slice(k.indexOf('.') + 1, -'.count'.length))
    .sort((a, b) => b.length - a.length);
  const out: FlatRecord = {};
  for (const key of keys) {
    const dot = key.indexOf('.');
    const word = key.slice(0, dot);
    if (dot < 0 || !WORDS.includes(word)) {
      define(out, key, record[key]);
      continue;
    }
    const rest = key.slice(dot + 1);
    const name = names.find((n) => rest.startsWith(`${n}.`)) ?? (rest.includes('.') ? rest.slice(0, rest.lastIndexOf('.')) : undefined);
    define(out, name === undefined ? key : `${word}/${name}/${rest.slice(name.length + 1)}`, record[key]);
  }
  return out;
}

function define(o: FlatRecord, key: string, value: FlatRecord[string]): void {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

export interface SliceKey {
  slice: string;
  metric: string;
}

/** `slice/<name>/<metric>` read back; undefined for any other key. */
export function parseSliceKey(key: string): SliceKey | undefined {
  const slash = key.indexOf('/');
  if (slash < 0 || !WORDS.includes(key.slice(0, slash))) return undefined;
  const last = key.lastIndexOf('/');
  if (last <= slash + 1 || last === key.length - 1) return undefined;
  return { slice: key.slice(slash + 1, last), metric: key.slice(last + 1) };
}

export interface SliceRow {
  file: string;
  slice: string;
  /** Rows in the slice, base and head (undefined when the file gives no count). */
  count: { base?: number; head?: number };
  /** True when the head's count is below the minimum (or missing): no verdict, gates not evaluated. */
  tooFew: boolean;
  metrics: MetricRow[];
  /** The worst move, direction aware: the most negative of ±relative (or ±delta); 0 when nothing moved. */
  worst: number;
}

/** The slices of a diff, worst first; slices with too few rows last. */
export function sliceRows(diff: MetricsDiff, minCount: number): SliceRow[] {
  const bySlice = new Map<string, SliceRow>();
  for (const row of diff.metrics) {
    const k = parseSliceKey(row.key);
    if (!k) continue;
    const id = `${row.file}\u0000${k.slice}`;
    let s = bySlice.get(id);
    if (!s) bySlice.set(id, (s = { file: row.file, slice: k.slice, count: {}, tooFew: false, metrics: [], worst: 0 }));
    if (k.metric === 'count') s.count = { base: finite(row.base), head: finite(row.head) };
    else s.metrics.push(row);
  }
  const rows = [...bySlice.values()];
  for (const s of rows) {
    s.tooFew = minCount > 0 && (s.count.head === undefined || s.count.head < minCount);
    s.worst = Math.min(0, ...s.metrics.map(goodness));
  }
  return rows.sort((a, b) => Number(a.tooFew) - Number(b.tooFew) || a.worst - b.worst || a.slice.localeCompare(b.slice));
}

/** How much better a row got (negative: worse), relative when it can be. */
function goodness(r: MetricRow): number {
  if (r.delta === null || r.direction === 'none') return 0;
  const move = r.relative ?? r.delta;
  return r.direction === 'higher' ? move : -move;
}

function finite(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/**
 * The gates on metrics of a slice with too few rows become "not evaluated": a floor checked on a
 * handful of rows proves nothing either way, so it is never a pass (nor a failure). Gates on the
 * count itself stay as they are.
 */
export function withSliceGates(diff: MetricsDiff, slices: SliceRow[], minCount: number): MetricsDiff {
  const thin = new Map(slices.filter((s) => s.tooFew).map((s) => [`${s.file}\u0000${s.slice}`, s]));
  if (thin.size === 0) return diff;
  const gates = diff.gates.map((g) => {
    const k = parseSliceKey(g.key);
    const s = k && k.metric !== 'count' && g.file !== undefined ? thin.get(`${g.file}\u0000${k.slice}`) : undefined;
    if (!s || g.outcome === 'not evaluated' || g.rule === 'required') return g;
    const rows = s.count.head === undefined ? 'no count' : `${s.count.head} rows`;
    return { ...g, outcome: 'not evaluated' as const, message: `not evaluated: slice "${s.slice}" has ${rows}, fewer than slice-min-count ${minCount}` };
  });
  const verdict = gatesVerdict(gates);
  return { ...diff, gates, verdict, passed: verdict === 'passed' || verdict === 'none' };
}

/** The diff without slice rows (they have their own table), and without the rows of thin slices for counting. */
export function withoutSlices(diff: MetricsDiff, keep: (s: SliceRow) => boolean = () => false, slices: SliceRow[] = []): MetricsDiff {
  const kept = new Set(slices.filter(keep).flatMap((s) => s.metrics));
  return { ...diff, metrics: diff.metrics.filter((r) => !parseSliceKey(r.key) || kept.has(r)) };
}

const ICON = { improved: '🟢', regressed: '🔴' } as const;

/**
 * The slices table: a row per slice, worst first, a column per metric (head value and change),
 * the rows counted, and a verdict naming the worst move; "too few rows" instead of a verdict for a
 * slice under the minimum count.
 */
export function renderSlices(slices: SliceRow[], o: { precision: number; minCount: number; baseline: boolean }): string {
  if (slices.length === 0) return '';
  const files = new Set(slices.map((s) => s.file));
  const metrics = [...new Set(slices.flatMap((s) => s.metrics.map((m) => parseSliceKey(m.key)!.metric)))];
  const fmt = (x: number) => formatNumber(x, o.precision);
  const body = slices.map((s) => {
    const byMetric = new Map(s.metrics.map((m) => [parseSliceKey(m.key)!.metric, m]));
    const cells = metrics.map((name) => {
      const m = byMetric.get(name);
      if (!m || typeof m.head !== 'number') return '—';
      const change = m.delta === null || !o.baseline ? '' : ` (${formatSigned(m.delta, o.precision)})`;
      const icon = s.tooFew || !(m.status === 'improved' || m.status === 'regressed') ? '' : `${ICON[m.status]} `;
      return `${icon}${fmt(m.head)}${change}`;
    });
    const count =
      s.count.head === undefined ? '—' : s.count.base !== undefined && s.count.base !== s.count.head ? `${s.count.base} → ${s.count.head}` : `${s.count.head}`;
    return [...(files.size > 1 ? [codeSpan(s.file)] : []), escapeCell(s.slice), count, ...cells, verdict(s, o)];
  });
  const headers = [...(files.size > 1 ? ['File'] : []), 'Slice', 'Rows', ...metrics.map(escapeCell), 'Verdict'];
  const align = [...(files.size > 1 ? ['l' as const] : []), 'l' as const, 'r' as const, ...metrics.map(() => 'r' as const), 'l' as const];
  const thin = slices.filter((s) => s.tooFew).length;
  const note = `<sub>Worst first (direction aware); a slice with fewer than ${o.minCount} rows (\`slice-min-count\`) shows "too few rows" and its gates are not evaluated${thin > 0 ? ` (${thin} such)` : ''}.</sub>`;
  return `**Slices**\n\n${table(headers, body, align)}\n\n${note}`;
}

function verdict(s: SliceRow, o: { precision: number; baseline: boolean }): string {
  if (s.tooFew) return s.count.head === undefined ? '⚠️ too few rows (no count)' : '⚠️ too few rows';
  if (!o.baseline) return '—';
  const regressed = s.metrics.filter((m) => m.status === 'regressed');
  const improved = s.metrics.filter((m) => m.status === 'improved');
  const worst = [...s.metrics].sort((a, b) => goodness(a) - goodness(b))[0];
  const name = (m: MetricRow) => escapeCell(parseSliceKey(m.key)!.metric);
  if (regressed.length > 0) return `🔴 ${name(worst)} regressed${regressed.length > 1 ? ` (+${regressed.length - 1} more)` : ''}`;
  if (improved.length > 0) return `🟢 improved`;
  return '⚪ unchanged';
}
