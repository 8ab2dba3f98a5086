import { type CategorySketch, FEW_DISTINCT, NumericSketch } from './sketch.js';
import { chiSquareTest, histogram, jensenShannon, ksTwoSample, proportions, psi, wasserstein, zTest } from './stats.js';
import type { DriftMethod, DriftResult, DriftSettings } from './types.js';

/**
 * Per-column drift, chosen the way Evidently chooses by default:
 *
 * | reference rows | numeric, > 5 distinct | numeric ≤ 5 distinct / categorical |
 * | -------------- | --------------------- | ---------------------------------- |
 * | ≤ 1000         | KS p-value < 0.05     | chi-square p < 0.05 (z-test if ≤ 2 values) |
 * | > 1000         | Wasserstein / std(ref) ≥ 0.1 | Jensen–Shannon distance ≥ 0.1 |
 *
 * On large samples a p-value flags every tiny, harmless shift, so distances take over there.
 * One deliberate difference: chi-square is the contingency-table test (see stats.ts), so a single
 * row of a category new to the current data does not count as drift by itself.
 * Numeric columns are compared through fixed-size seeded reservoirs (see sketch.ts) and exact
 * mean/std, categorical ones through exact counts (up to a cap): memory does not grow with rows.
 */
export const DEFAULT_THRESHOLDS: Record<Exclude<DriftMethod, 'auto'>, number> = {
  ks: 0.05,
  'chi-square': 0.05,
  z: 0.05,
  wasserstein: 0.1,
  'jensen-shannon': 0.1,
  psi: 0.1,
};

const P_VALUE_METHODS = new Set(['ks', 'chi-square', 'z']);
export const SMALL_SAMPLE = 1000;

export type Sketch = NumericSketch | CategorySketch;

function countsOf(s: Sketch): Map<string, number> | null {
  return s instanceof NumericSketch ? s.counts() : s.counts();
}

function unionKeys(a: Map<string, number>, b: Map<string, number>): string[] {
  const keys = new Set([...a.keys(), ...b.keys()]);
  return [...keys].sort();
}

export function chooseMethod(ref: Sketch, cur: Sketch): Exclude<DriftMethod, 'auto'> {
  const small = ref.count <= SMALL_SAMPLE;
  const rc = countsOf(ref);
  const cc = countsOf(cur);
  const distinct = rc && cc ? unionKeys(rc, cc).length : Infinity;
  if (ref instanceof NumericSketch && distinct > FEW_DISTINCT) return small ? 'ks' : 'wasserstein';
  if (small) return distinct > 2 ? 'chi-square' : 'z';
  return 'jensen-shannon';
}

/** Reference and current sample values binned alike (Sturges' rule over the combined range). */
function binned(ref: NumericSketch, cur: NumericSketch): { r: number[]; c: number[] } {
  const rs = ref.sorted();
  const cs = cur.sorted();
  const lo = Math.min(rs[0] ?? 0, cs[0] ?? 0);
  const hi = Math.max(rs[rs.length - 1] ?? 0, cs[cs.length - 1] ?? 0);
  const bins = Math.ceil(Math.log2(rs.length + cs.length)) + 1;
  const total = (h: number[]) => h.reduce((a, b) => a + b, 0) || 1;
  const rh = histogram(rs, lo, hi, bins);
  const ch = histogram(cs, lo, hi, bins);
  const rt = total(rh);
  const ct = total(ch);
  return { r: rh.map((x) => x / rt), c: ch.map((x) => x / ct) };
}

export function columnDrift(column: string, ref: Sketch, cur: Sketch, settings: DriftSettings = {}): DriftResult | null {
  if (ref.count === 0 || cur.count === 0) return null;
  const method = !settings.method || settings.method === 'auto' ? chooseMethod(ref, cur) : settings.method;
  const threshold = settings.threshold ?? DEFAULT_THRESHOLDS[method];
  const numeric = ref instanceof NumericSketch && cur instanceof NumericSketch;
  let statistic: number;
  switch (method) {
    case 'ks':
      if (!numeric) throw new Error(`ks needs a numeric column (${column})`);
      statistic = ksTwoSample(ref.sorted(), cur.sorted()).pValue;
      break;
    case 'wasserstein': {
      if (!numeric) throw new Error(`wasserstein needs a numeric column (${column})`);
      // Normalised by the reference's spread so one threshold fits every unit (Evidently's
      // wasserstein "normed"); the floor keeps a constant reference column finite.
      statistic = wasserstein(ref.sorted(), cur.sorted()) / Math.max(ref.std(), 0.001);
      break;
    }
    case 'psi':
    case 'jensen-shannon': {
      let p: number[];
      let q: number[];
      const rc = countsOf(ref);
      const cc = countsOf(cur);
      if (rc && cc) {
        const keys = unionKeys(rc, cc);
        p = proportions(keys, rc);
        q = proportions(keys, cc);
      } else if (numeric) {
        ({ r: p, c: q } = binned(ref, cur));
      } else throw new Error(`cannot compare ${column}`);
      statistic = method === 'psi' ? psi(p, q) : jensenShannon(p, q);
      break;
    }
    case 'chi-square':
    case 'z': {
      const rc = countsOf(ref);
      const cc = countsOf(cur);
      if (!rc || !cc) throw new Error(`${method} needs a categorical column or few distinct values (${column})`);
      const keys = unionKeys(rc, cc);
      statistic = method === 'z' ? zTest(keys, rc, cc) : chiSquareTest(keys, rc, cc);
      break;
    }
    default:
      throw new Error(`unknown drift method ${String(method)}`);
  }
  const isP = P_VALUE_METHODS.has(method);
  return {
    column,
    method,
    statistic,
    threshold,
    drifted: isP ? statistic < threshold : statistic >= threshold,
    kind: isP ? 'p-value' : 'distance',
    reference_rows: ref.count,
    current_rows: cur.count,
  };
}

/** Dataset-level drift: Evidently's rule, drifted when at least `share` of the columns drifted. */
export function datasetDrift(results: DriftResult[], share = 0.5): { share: number; drifted: boolean } {
  if (results.length === 0) return { share: 0, drifted: false };
  const n = results.filter((r) => r.drifted).length;
  const s = n / results.length;
  return { share: s, drifted: s >= share };
}
