/**
 * A small seeded generator (mulberry32): sampling and reservoirs must give the same rows on every
 * run of the same file, or a CI verdict could flip between reruns.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const DEFAULT_SEED = 20240229;

/**
 * Reservoir sampling (Vitter's algorithm R): after n offers, each item is kept with probability
 * k/n. `offer` answers the slot the item goes into, or -1 to drop it.
 */
export class ReservoirIndex {
  readonly capacity: number;
  seen = 0;
  private readonly random: () => number;

  constructor(capacity: number, seed = DEFAULT_SEED) {
    this.capacity = capacity;
    this.random = seededRandom(seed);
  }

  offer(): number {
    const n = this.seen++;
    if (n < this.capacity) return n;
    const j = Math.floor(this.random() * (n + 1));
    return j < this.capacity ? j : -1;
  }
}
