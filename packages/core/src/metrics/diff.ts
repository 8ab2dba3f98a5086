import type { Direction } from './direction.js';
import { inferDirection } from './direction.js';
import type { Files, FlatRecord, Leaf } from './flatten.js';
import { DEFAULT_PRECISION, sameShown } from './format.js';
import type { GateResult, GateRules, GatesVerdict } from './gates.js';
import { directionRule, evaluateGates, gatesVerdict, NO_RULES } from './gates.js';
import { distributionOf, sizeOf } from './samples.js';
import { compareSpread, type Spread } from './spread.js';

/**
 * improved / regressed: a number moved, in the better / worse direction, by more than the shown
 * precision. added / removed: the key (or its whole file) exists on one side only. changed: a value
 * that is not a number (a string, a boolean) differs, or an informational number (direction none)
 * moved: shown with its delta, never counted as better or worse. inconclusive: a metric measured
 * several times (seeds, folds, Bencher's bounds) whose interval for the change holds zero, or
 * cannot be made (see spread.ts).
 */
export type MetricStatus = 'improved' | 'regressed' | 'unchanged' | 'added' | 'removed' | 'changed' | 'inconclusive';
export type ParamStatus = 'changed' | 'unchanged' | 'added' | 'removed';

export interface MetricRow {
  file: string;
  /** The flattened key (see flatten.ts): `roc_auc.test`, `layers[2].units`. */
  key: string;
  /** The exact values; null when the key is missing on that side. */
  base: Leaf;
  head: Leaf;
  /** head − base, when both are finite numbers; else null. */
  delta: number | null;
  /** delta / |base|, when delta exists and base is not 0; else null. */
  relative: number | null;
  direction: Direction;
  /** True when the direction was guessed from the key's name rather than set by a gate rule. */
  inferred: boolean;
  status: MetricStatus;
  /** For a metric with several values on a side (samples.ts): base and head above are their means. */
  spread?: Spread;
}

export interface ParamRow {
  file: string;
  key: string;
  base: Leaf;
  head: Leaf;
  status: ParamStatus;
}

export interface MetricsDiff {
  /** True only when every gate was evaluated and passed, or there are no gates (see GatesVerdict). */
  passed: boolean;
  verdict: GatesVerdict;
  /** False when there was nothing to compare against: every row is then `added`. */
  baseline: boolean;
  metrics: MetricRow[];
  params: ParamRow[];
  gates: GateResult[];
}

export interface DiffOptions {
  /** Significant digits shown; a change that does not show at this precision is "unchanged". */
  precision?: number;
  rules?: GateRules;
  /** Params to compare in the same diff (see diffParams). */
  params?: { base: Files | undefined; head: Files };
}

/**
 * Compares the head's metrics with the base's, file by file and key by key, and evaluates the
 * gates. `base` undefined means no baseline: head values are reported as added and only the gates
 * with absolute bounds can fail. Rows come in head order (files, then keys), then what exists only
 * in the base; key order inside a file never matters for the verdicts.
 */
export function diffMetrics(base: Files | undefined, head: Files, opts: DiffOptions = {}): MetricsDiff {
  const precision = opts.precision ?? DEFAULT_PRECISION;
  const rules = opts.rules ?? NO_RULES;
  const directionOf = directionRule(rules);
  const metrics: MetricRow[] = [];
  forEachPair(base, head, (file, key, b, h) => {
    const set = directionOf(key);
    const direction = set ?? inferDirection(key).direction;
    const c = compareMetric(b, h, direction, precision);
    const spread = compareDistributions(base?.get(file), head.get(file), key, c, direction, precision);
    metrics.push({
      file,
      key,
      base: c.base,
      head: c.head,
      delta: c.delta,
      relative: c.relative,
      direction,
      inferred: set === undefined,
      status: spread?.status ?? c.status,
      ...(spread ? { spread: spread.spread } : {}),
    });
  });
  const params = opts.params ? diffParams(opts.params.base, opts.params.head) : [];
  const gates = evaluateGates(metrics, rules, { baseline: base !== undefined, precision });
  const verdict = gatesVerdict(gates);
  return { passed: verdict === 'passed' || verdict === 'none', verdict, baseline: base !== undefined, metrics, params, gates };
}

/** Params: any leaf type, compared for equality (NaN equals NaN); no direction, no delta. */
export function diffParams(base: Files | undefined, head: Files): ParamRow[] {
  const rows: ParamRow[] = [];
  forEachPair(base, head, (file, key, b, h) => {
    const status: ParamStatus = b === undefined ? 'added' : h === undefined ? 'removed' : Object.is(b, h) || b === h ? 'unchanged' : 'changed';
    rows.push({ file, key, base: b ?? null, head: h ?? null, status });
  });
  return rows;
}

type Pair = Pick<MetricRow, 'base' | 'head' | 'delta' | 'relative' | 'status'>;

/**
 * The verdict for one key. Numbers compare at the shown precision. A null next to a number reads
 * as a missing value, like NaN (JavaScript's JSON.stringify writes NaN as null). NaN ranks below
 * every number in both directions (a metric that became NaN regressed; NaN to NaN is unchanged);
 * infinities compare as numbers. An informational metric (direction none) is only unchanged or changed.
 */
export function compareMetric(b: Leaf | undefined, h: Leaf | undefined, direction: Direction, precision: number): Pair {
  if (b === undefined) return { base: null, head: h ?? null, delta: null, relative: null, status: 'added' };
  if (h === undefined) return { base: b, head: null, delta: null, relative: null, status: 'removed' };
  const numeric = (typeof b === 'number' || b === null) && (typeof h === 'number' || h === null) && !(b === null && h === null);
  if (!numeric) return { base: b, head: h, delta: null, relative: null, status: b === h ? 'unchanged' : 'changed' };

  const bn = b ?? NaN;
  const hn = h ?? NaN;
  const finite = Number.isFinite(bn) && Number.isFinite(hn);
  const delta = finite ? hn - bn : null;
  const relative = delta !== null && bn !== 0 ? delta / Math.abs(bn) : null;
  let status: MetricStatus;
  if (direction === 'none') {
    const same = Number.isNaN(bn) || Number.isNaN(hn) ? Number.isNaN(bn) && Number.isNaN(hn) : sameShown(bn, hn, precision);
    status = same ? 'unchanged' : 'changed';
  } else if (Number.isNaN(bn) || Number.isNaN(hn)) {
    status = Number.isNaN(bn) && Number.isNaN(hn) ? 'unchanged' : Number.isNaN(hn) ? 'regressed' : 'improved';
  } else if (sameShown(bn, hn, precision)) {
    status = 'unchanged';
  } else {
    status = hn > bn === (direction === 'higher') ? 'improved' : 'regressed';
  }
  return { base: b, head: h, delta, relative, status };
}

/**
 * The verdict of a key with a distribution on either side (repeated values, Bencher's bounds),
 * when both means are finite numbers; otherwise the single-value verdict stands, with the sizes.
 */
function compareDistributions(
  base: FlatRecord | undefined,
  head: FlatRecord | undefined,
  key: string,
  c: Pair,
  direction: Direction,
  precision: number,
): { status: MetricStatus; spread: Spread } | undefined {
  const [bd, hd] = [distributionOf(base, key), distributionOf(head, key)];
  if (!bd && !hd) return undefined;
  const compared = c.status !== 'added' && c.status !== 'removed' && Number.isFinite(c.base) && Number.isFinite(c.head);
  if (compared) return compareSpread(bd, hd, { base: Number(c.base), head: Number(c.head) }, direction, precision);
  return { status: c.status, spread: { ...(bd ? { base: bd } : {}), ...(hd ? { head: hd } : {}), n: { base: sizeOf(bd), head: sizeOf(hd) } } };
}

function forEachPair(base: Files | undefined, head: Files, visit: (file: string, key: string, b: Leaf | undefined, h: Leaf | undefined) => void): void {
  for (const [file, h] of head) {
    const b = base?.get(file);
    for (const key of Object.keys(h)) visit(file, key, b && Object.hasOwn(b, key) ? b[key] : undefined, h[key]);
    if (b) for (const key of Object.keys(b)) if (!Object.hasOwn(h, key)) visit(file, key, b[key], undefined);
  }
  if (base) {
    for (const [file, b] of base) {
      if (head.has(file)) continue;
      for (const key of Object.keys(b)) visit(file, key, b[key], undefined);
    }
  }
}

/**
 * The diff as JSON. NaN and ±Infinity cannot be JSON numbers: they are written as the strings
 * "NaN", "Infinity" and "-Infinity" (a string metric whose text is one of those reads the same —
 * an accepted ambiguity). Everything else is the object as it is. Use this for the section's data
 * too: JSON.stringify alone would turn NaN into null.
 */
export function jsonSafeDiff(diff: MetricsDiff): MetricsDiffJson {
  return { ...diff, metrics: diff.metrics.map(jsonSafeRow), params: diff.params.map(jsonSafeRow) };
}

/** The diff as written to JSON (the action's `diff-json`, the section's data). */
export interface MetricsDiffJson extends Omit<MetricsDiff, 'metrics'> {
  metrics: (Omit<MetricRow, 'delta' | 'relative'> & { delta: number | string | null; relative: number | string | null })[];
}

export function stringifyDiff(diff: MetricsDiff, indent?: number): string {
  // A replacer function would be called for every value; copying only the rows that need it is
  // several times faster on 100,000 rows.
  return JSON.stringify(jsonSafeDiff(diff), null, indent);
}

function jsonSafeRow<T extends Partial<Record<'base' | 'head' | 'delta' | 'relative', unknown>>>(row: T): T {
  if (finiteOrNot(row.base) && finiteOrNot(row.head) && finiteOrNot(row.delta) && finiteOrNot(row.relative)) return row;
  const copy = { ...row };
  for (const k of ['base', 'head', 'delta', 'relative'] as const) {
    const v = copy[k];
    if (typeof v === 'number' && !Number.isFinite(v)) (copy as Record<string, unknown>)[k] = String(v);
  }
  return copy;
}

function finiteOrNot(v: unknown): boolean {
  return typeof v !== 'number' || Number.isFinite(v);
}
