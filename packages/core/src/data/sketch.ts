import { ByteDict } from './hash.js';
import { ReservoirIndex } from './random.js';

/** Values kept per numeric column for KS / Wasserstein / PSI: 80 KiB, whatever the file size. */
export const NUMERIC_RESERVOIR = 10_000;
/** Distinct categories counted exactly per column; the rest are lumped into one bucket. */
export const CATEGORY_LIMIT = 10_000;
/** Evidently treats a numeric column with at most this many distinct values as categorical. */
export const FEW_DISTINCT = 5;

/**
 * A numeric column's distribution in constant memory: exact count, mean and variance (Welford),
 * a seeded uniform reservoir of values, and exact counts while there are few distinct values.
 */
export class NumericSketch {
  count = 0;
  mean = 0;
  m2 = 0;
  min = Infinity;
  max = -Infinity;
  readonly sample: Float64Array;
  private readonly reservoir: ReservoirIndex;
  /** Distinct values while there are at most FEW_DISTINCT + 1 of them. */
  few: number[] = [];
  fewCounts: number[] = [];
  manyDistinct = false;

  constructor(capacity = NUMERIC_RESERVOIR, seed?: number) {
    this.sample = new Float64Array(capacity);
    this.reservoir = new ReservoirIndex(capacity, seed);
  }

  add(x: number): void {
    this.count++;
    const d = x - this.mean;
    this.mean += d / this.count;
    this.m2 += d * (x - this.mean);
    if (x < this.min) this.min = x;
    if (x > this.max) this.max = x;
    const slot = this.reservoir.offer();
    if (slot >= 0) this.sample[slot] = x;
    if (!this.manyDistinct) {
      const i = this.few.indexOf(x);
      if (i >= 0) this.fewCounts[i]++;
      else if (this.few.length > FEW_DISTINCT) this.manyDistinct = true;
      else {
        this.few.push(x);
        this.fewCounts.push(1);
      }
    }
  }

  /** Population standard deviation, as numpy's default. */
  std(): number {
    return this.count > 0 ? Math.sqrt(this.m2 / this.count) : 0;
  }

  /** The kept values, sorted. */
  sorted(): Float64Array {
    return this.sample.slice(0, Math.min(this.count, this.sample.length)).sort();
  }

  /** Exact value counts when the column has few distinct values, else null. */
  counts(): Map<string, number> | null {
    if (this.manyDistinct) return null;
    return new Map(this.few.map((v, i) => [String(v), this.fewCounts[i]]));
  }
}

/** Exact category counts up to CATEGORY_LIMIT distinct values; later new ones share one bucket. */
export class CategorySketch {
  count = 0;
  overflow = 0;
  readonly dict: ByteDict;
  private tally = new Float64Array(64);

  constructor(limit = CATEGORY_LIMIT) {
    this.dict = new ByteDict(limit);
  }

  addBytes(buf: Uint8Array, s: number, e: number): void {
    this.count++;
    const id = this.dict.add(buf, s, e);
    if (id < 0) {
      this.overflow++;
      return;
    }
    if (id >= this.tally.length) {
      const t = new Float64Array(this.tally.length * 2);
      t.set(this.tally);
      this.tally = t;
    }
    this.tally[id]++;
  }

  addText(text: string): void {
    const b = Buffer.from(text, 'utf8');
    this.addBytes(b, 0, b.length);
  }

  counts(): Map<string, number> {
    const m = new Map<string, number>();
    for (let i = 0; i < this.dict.size; i++) m.set(this.dict.key(i), this.tally[i]);
    if (this.overflow > 0) m.set('\u0000other', this.overflow);
    return m;
  }
}
