/**
 * Hash structures keyed by raw bytes, so category counts, enum lookups and uniqueness never need a
 * JS string per cell.
 */

/** A 32-bit hash of bytes (multiply-xorshift per byte, murmur3's finaliser at the end). */
export function hashBytes(buf: Uint8Array, s: number, e: number, seed: number): number {
  let h = seed ^ (e - s);
  for (let i = s; i < e; i++) {
    h = Math.imul(h ^ buf[i], 0x5bd1e995);
    h ^= h >>> 15;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function mix(hi: number, lo: number): number {
  let h = Math.imul(hi ^ 0x9e3779b9, 0x85ebca6b) ^ lo;
  h ^= h >>> 16;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 13;
  return h >>> 0;
}

/**
 * Distinct byte strings to dense ids, exact, up to `limit` keys (then `add` answers -1 and the
 * caller lumps the rest together). Keys live in one growing arena.
 */
export class ByteDict {
  readonly limit: number;
  size = 0;
  private slots: Int32Array;
  private hashes: Uint32Array;
  private offsets: Uint32Array;
  private arena: Buffer;
  private used = 0;

  constructor(limit = 1 << 20) {
    this.limit = limit;
    this.slots = new Int32Array(64);
    this.hashes = new Uint32Array(32);
    this.offsets = new Uint32Array(33);
    this.arena = Buffer.allocUnsafe(1024);
  }

  private lookup(buf: Uint8Array, s: number, e: number, h: number): number {
    const mask = this.slots.length - 1;
    let i = h & mask;
    for (;;) {
      const id = this.slots[i] - 1;
      if (id < 0) return ~i;
      if (this.hashes[id] === h) {
        const o = this.offsets[id];
        const n = this.offsets[id + 1] - o;
        if (n === e - s) {
          let same = true;
          for (let k = 0; k < n; k++) {
            if (this.arena[o + k] !== buf[s + k]) {
              same = false;
              break;
            }
          }
          if (same) return id;
        }
      }
      i = (i + 1) & mask;
    }
  }

  find(buf: Uint8Array, s: number, e: number): number {
    const r = this.lookup(buf, s, e, hashBytes(buf, s, e, 0x2545f491));
    return r < 0 ? -1 : r;
  }

  findText(text: string): number {
    const b = Buffer.from(text, 'utf8');
    return this.find(b, 0, b.length);
  }

  add(buf: Uint8Array, s: number, e: number): number {
    const h = hashBytes(buf, s, e, 0x2545f491);
    const r = this.lookup(buf, s, e, h);
    if (r >= 0) return r;
    if (this.size >= this.limit) return -1;
    const id = this.size++;
    if (id + 1 >= this.hashes.length) {
      const hashes = new Uint32Array(this.hashes.length * 2);
      hashes.set(this.hashes);
      this.hashes = hashes;
      const offsets = new Uint32Array(this.offsets.length * 2);
      offsets.set(this.offsets);
      this.offsets = offsets;
    }
    const n = e - s;
    if (this.used + n > this.arena.length) {
      const arena = Buffer.allocUnsafe(Math.max(this.arena.length * 2, this.used + n));
      this.arena.copy(arena, 0, 0, this.used);
      this.arena = arena;
    }
    for (let k = 0; k < n; k++) this.arena[this.used + k] = buf[s + k];
    this.used += n;
    this.hashes[id] = h;
    this.offsets[id + 1] = this.used;
    this.slots[~r] = id + 1;
    if (this.size * 2 > this.slots.length) this.rehash();
    return id;
  }

  addText(text: string): number {
    const b = Buffer.from(text, 'utf8');
    return this.add(b, 0, b.length);
  }

  key(id: number): string {
    return this.arena.toString('utf8', this.offsets[id], this.offsets[id + 1]);
  }

  keys(): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.size; i++) out.push(this.key(i));
    return out;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let id = 0; id < this.size; id++) {
      let i = this.hashes[id] & mask;
      while (slots[i] !== 0) i = (i + 1) & mask;
      slots[i] = id + 1;
    }
    this.slots = slots;
  }
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

/** Beyond this many distinct values a uniqueness check stops remembering new ones (see KeySet). */
export const UNIQUE_EXACT_LIMIT = 1 << 22;
/** A dense integer column is tracked as a bitmap while its range stays under this many bits. */
const BITMAP_MAX_BITS = 1 << 27;

/**
 * Seen-before detection for a `unique` check, in bounded memory.
 *
 * - Integers (ids, the usual unique column) go into a bitmap over their range while the range is
 *   not much larger than the count: 1 bit per possible value, so 10 million dense ids cost 1.2 MiB
 *   and the answer is exact.
 * - Anything else goes into an open-addressing table of 64-bit keys (8 bytes a slot, at most half
 *   full): a number's own bits (exact), or a 64-bit hash of a string's bytes (two independent
 *   32-bit hashes; two different strings collide with probability about n²/2⁶⁵, i.e. once in
 *   ~10⁶ files of 4 million distinct strings).
 * - The table stops growing at UNIQUE_EXACT_LIMIT distinct values (64 MiB): after that, new values
 *   are still compared with the ones remembered but no longer added, so a duplicate of a value
 *   first seen after the limit can be missed. `saturated` says when this happened; the result
 *   reports it.
 */
export class KeySet {
  size = 0;
  saturated = false;
  private bitBase = 0;
  private bits: Uint32Array | null = new Uint32Array(0);
  private hi: Uint32Array | null = null;
  private lo: Uint32Array | null = null;
  private hasZeroKey = false;

  /** True when x was already seen. */
  seenNumber(x: number): boolean {
    if (x === 0) x = 0; // -0 and 0 are one value
    if (this.bits !== null) {
      if (Number.isInteger(x)) {
        const idx = x - this.bitBase;
        if (idx >= 0 && idx < this.bits.length * 32) {
          const w = idx >>> 5;
          const m = 1 << (idx & 31);
          if (this.bits[w] & m) return true;
          this.bits[w] |= m;
          this.size++;
          return false;
        }
        if (this.growBits(x)) return this.seenNumber(x);
      }
      this.toTable();
    }
    f64[0] = x;
    return this.seenKey(u32[1], u32[0]);
  }

  seenBytes(buf: Uint8Array, s: number, e: number): boolean {
    if (this.bits !== null) this.toTable();
    return this.seenKey(hashBytes(buf, s, e, 0x3c6ef372) | 0x80000000, hashBytes(buf, s, e, 0x6a09e667));
  }

  private growBits(x: number): boolean {
    const bits = this.bits!;
    const empty = this.size === 0;
    const curLo = this.bitBase;
    const curHi = this.bitBase + bits.length * 32;
    const lo = empty ? Math.floor(x / 32) * 32 : Math.min(curLo, Math.floor(x / 32) * 32);
    const hi = empty ? lo + 32 : Math.max(curHi, x + 1);
    const need = hi - lo;
    // Sparse integers (or a range too wide) would waste the bitmap: use the table instead.
    if (need > BITMAP_MAX_BITS || need > 64 * (this.size + 1) + (1 << 16)) return false;
    const words = Math.min(Math.max(bits.length * 2, Math.ceil(need / 32), 32), BITMAP_MAX_BITS / 32);
    // Leave the spare room on the side the column is growing towards.
    const base = !empty && x < curLo ? curHi - words * 32 : lo;
    const grown = new Uint32Array(words);
    if (!empty) grown.set(bits, (curLo - base) / 32);
    this.bits = grown;
    this.bitBase = base;
    return true;
  }

  private toTable(): void {
    const bits = this.bits!;
    this.bits = null;
    let cap = 1024;
    while (cap < this.size * 2 + 2) cap *= 2;
    this.hi = new Uint32Array(cap);
    this.lo = new Uint32Array(cap);
    const n = this.size;
    this.size = 0;
    for (let w = 0; w < bits.length; w++) {
      const word = bits[w];
      if (word === 0) continue;
      for (let b = 0; b < 32; b++) {
        if (word & (1 << b)) {
          f64[0] = this.bitBase + w * 32 + b;
          if (f64[0] === 0) f64[0] = 0;
          this.seenKey(u32[1], u32[0]);
        }
      }
    }
    if (this.size !== n) throw new Error(`KeySet: ${this.size} keys after conversion, expected ${n}`);
  }

  /**
   * Adds the keys of a set built elsewhere (another thread's range of the file); returns how many
   * of them this set held already, i.e. the duplicates that only the two together show.
   */
  absorb(other: KeySet): number {
    let dup = 0;
    if (other.bits !== null) {
      const bits = other.bits;
      for (let w = 0; w < bits.length; w++) {
        const word = bits[w];
        if (word === 0) continue;
        for (let b = 0; b < 32; b++) if (word & (1 << b) && this.seenNumber(other.bitBase + w * 32 + b)) dup++;
      }
    } else {
      if (this.bits !== null) this.toTable();
      if (other.hasZeroKey && this.seenKey(0, 0)) dup++;
      const hi = other.hi!;
      const lo = other.lo!;
      for (let k = 0; k < hi.length; k++) if ((hi[k] !== 0 || lo[k] !== 0) && this.seenKey(hi[k], lo[k])) dup++;
    }
    if (other.saturated) this.saturated = true;
    return dup;
  }

  /** A set that came through postMessage (a plain object with the fields) as a KeySet again. */
  static revive(state: KeySet): KeySet {
    return Object.assign(Object.create(KeySet.prototype) as KeySet, state);
  }

  private seenKey(h: number, l: number): boolean {
    h >>>= 0;
    l >>>= 0;
    if (h === 0 && l === 0) {
      if (this.hasZeroKey) return true;
      this.hasZeroKey = true;
      this.size++;
      return false;
    }
    let hi = this.hi!;
    let lo = this.lo!;
    let mask = hi.length - 1;
    let i = mix(h, l) & mask;
    for (;;) {
      const a = hi[i];
      const b = lo[i];
      if (a === 0 && b === 0) break;
      if (a === h && b === l) return true;
      i = (i + 1) & mask;
    }
    if (this.size >= UNIQUE_EXACT_LIMIT) {
      this.saturated = true;
      return false;
    }
    hi[i] = h;
    lo[i] = l;
    this.size++;
    if (this.size * 2 > hi.length) {
      const nhi = new Uint32Array(hi.length * 2);
      const nlo = new Uint32Array(hi.length * 2);
      mask = nhi.length - 1;
      for (let k = 0; k < hi.length; k++) {
        const a = hi[k];
        const b = lo[k];
        if (a === 0 && b === 0) continue;
        let j = mix(a, b) & mask;
        while (nhi[j] !== 0 || nlo[j] !== 0) j = (j + 1) & mask;
        nhi[j] = a;
        nlo[j] = b;
      }
      this.hi = hi = nhi;
      this.lo = lo = nlo;
    }
    return false;
  }
}
