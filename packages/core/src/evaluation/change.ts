import type { Examples } from './records.js';

/**
 * What changed between two evaluations of the same data: the confusion matrices' difference, the
 * class pairs that moved most, and (with ids) the examples newly wrong and newly right.
 */
export interface ChangeMatrix {
  /** Classes in natural order (2 before 10), of either side. */
  labels: string[];
  /** Rows actual, columns predicted. */
  base: number[][];
  head: number[][];
  /** head − base, in counts. */
  counts: number[][];
  /**
   * Row-normalised head − row-normalised base (each side's row divided by its own total first,
   * then subtracted): a share of the actual class. null for a class with no rows on a side.
   */
  shares: (number | null)[][];
}

export function confusionMatrix(e: Pick<Examples, 'actual' | 'predicted'>, labels: string[]): number[][] {
  const index = new Map(labels.map((l, i) => [l, i]));
  const m = labels.map(() => labels.map(() => 0));
  for (let i = 0; i < e.actual.length; i++) m[index.get(e.actual[i])!][index.get(e.predicted[i])!]++;
  return m;
}

export function changeMatrix(base: Pick<Examples, 'actual' | 'predicted'>, head: Pick<Examples, 'actual' | 'predicted'>): ChangeMatrix {
  const labels = [...new Set([...base.actual, ...base.predicted, ...head.actual, ...head.predicted])].sort(naturalOrder);
  const b = confusionMatrix(base, labels);
  const h = confusionMatrix(head, labels);
  const sum = (row: number[]) => row.reduce((s, x) => s + x, 0);
  const counts = h.map((row, i) => row.map((x, j) => x - b[i][j]));
  const shares = h.map((row, i) => {
    const [tb, th] = [sum(b[i]), sum(row)];
    return row.map((x, j) => (tb === 0 || th === 0 ? null : x / th - b[i][j] / tb));
  });
  return { labels, base: b, head: h, counts, shares };
}

export interface MovedPair {
  actual: string;
  predicted: string;
  base: number;
  head: number;
  /** The change of the pair's share of its actual class (null when a side has none of the class). */
  share: number | null;
}

/** The off-diagonal cells (mistakes) that moved most, by share of their class, then by count. */
export function movedPairs(m: ChangeMatrix, limit: number): MovedPair[] {
  const pairs: MovedPair[] = [];
  m.labels.forEach((a, i) =>
    m.labels.forEach((p, j) => {
      if (i !== j && m.counts[i][j] !== 0) pairs.push({ actual: a, predicted: p, base: m.base[i][j], head: m.head[i][j], share: m.shares[i][j] });
    }),
  );
  const size = (x: MovedPair) => Math.abs(x.share ?? 0);
  return pairs.sort((x, y) => size(y) - size(x) || Math.abs(y.head - y.base) - Math.abs(x.head - x.base)).slice(0, limit);
}

export interface ExampleChange {
  newlyWrong: string[];
  newlyRight: string[];
  /** Ids on one side only (not compared). */
  onlyBase: number;
  onlyHead: number;
  /** Ids on both sides whose actual class differs (the data changed): compared on each side's own label. */
  relabelled: number;
}

/** Examples joined by id: right in base and wrong in head, and the other way. In head order. */
export function exampleChange(base: Examples, head: Examples): ExampleChange {
  const baseById = new Map<string, number>();
  base.ids!.forEach((id, i) => baseById.set(id, i));
  const out: ExampleChange = { newlyWrong: [], newlyRight: [], onlyBase: 0, onlyHead: 0, relabelled: 0 };
  let matched = 0;
  head.ids!.forEach((id, i) => {
    const j = baseById.get(id);
    if (j === undefined) {
      out.onlyHead++;
      return;
    }
    matched++;
    if (base.actual[j] !== head.actual[i]) out.relabelled++;
    const [wasRight, isRight] = [base.actual[j] === base.predicted[j], head.actual[i] === head.predicted[i]];
    if (wasRight && !isRight) out.newlyWrong.push(id);
    if (!wasRight && isRight) out.newlyRight.push(id);
  });
  out.onlyBase = base.ids!.length - matched;
  return out;
}

export function accuracy(e: Pick<Examples, 'actual' | 'predicted'>): number {
  let right = 0;
  for (let i = 0; i < e.actual.length; i++) if (e.actual[i] === e.predicted[i]) right++;
  return e.actual.length === 0 ? NaN : right / e.actual.length;
}

const collator = new Intl.Collator('en', { numeric: true });

export function naturalOrder(a: string, b: string): number {
  const [na, nb] = [Number(a), Number(b)];
  if (a.trim() !== '' && b.trim() !== '' && Number.isFinite(na) && Number.isFinite(nb)) return na - nb || collator.compare(a, b);
  return collator.compare(a, b);
}
