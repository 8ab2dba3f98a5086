import type { Direction } from '../metrics/direction.js';

/** A value of main's history: which run measured it. */
export interface PastValue {
  sha: string;
  value: number;
}

/**
 * Where the head sits among main's last runs. With a direction: its rank among those runs and
 * itself (1 is the best; a tie shares the better rank), the best and the worst run of main. Without
 * one ("none"), only the range: best and worst mean nothing.
 */
export interface Standing {
  head: number;
  /** How many runs of main are compared with. */
  n: number;
  direction: Direction;
  /** 1-based among the n runs and the head; undefined without a direction. */
  rank?: number;
  best?: PastValue;
  worst?: PastValue;
  min: PastValue;
  max: PastValue;
  /** Better (or worse) than every run of main, strictly. */
  newBest: boolean;
  newWorst: boolean;
}

/** Undefined when main has no value for the metric. Among equal values, the most recent run is named. */
export function standingOf(head: number, past: PastValue[], direction: Direction): Standing | undefined {
  if (past.length === 0) return undefined;
  // Newest last: reduce keeps the later of two equal values.
  const min = past.reduce((a, b) => (b.value <= a.value ? b : a));
  const max = past.reduce((a, b) => (b.value >= a.value ? b : a));
  const base = { head, n: past.length, direction, min, max, newBest: false, newWorst: false };
  if (direction === 'none') return base;
  const better = (a: number, b: number) => (direction === 'higher' ? a > b : a < b);
  const best = direction === 'higher' ? max : min;
  const worst = direction === 'higher' ? min : max;
  return {
    ...base,
    rank: 1 + past.filter((p) => better(p.value, head)).length,
    best,
    worst,
    newBest: better(head, best.value),
    newWorst: better(worst.value, head),
  };
}
