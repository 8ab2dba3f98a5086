import { describe, expect, it } from 'vitest';
import { ByteDict, KeySet } from './hash.js';
import { seededRandom } from './random.js';

describe('KeySet', () => {
  it('agrees with a Set on dense ids, sparse numbers, negatives and strings', () => {
    const random = seededRandom(3);
    const streams: (() => number | string)[] = [
      // dense ids with some repeats, growing upwards
      (() => {
        let i = 1000;
        return () => (random() < 0.01 ? i - 5 : i++);
      })(),
      // dense ids growing downwards
      (() => {
        let i = 0;
        return () => (random() < 0.01 ? i + 3 : i--);
      })(),
      // sparse integers: forces the switch from bitmap to table
      () => (random() < 0.01 ? 424242 : Math.floor(random() * 1e12)),
      // floats
      () => Math.round(random() * 1000) / 10,
      // strings
      () => `key-${Math.floor(random() * 50000)}`,
    ];
    for (const next of streams) {
      const keys = new KeySet();
      const reference = new Set<number | string>();
      let disagreements = 0;
      let repeats = 0;
      for (let i = 0; i < 60000; i++) {
        const v = next();
        const expected = reference.has(v);
        reference.add(v);
        const got = typeof v === 'number' ? keys.seenNumber(v) : keys.seenBytes(Buffer.from(v), 0, Buffer.byteLength(v));
        if (got !== expected) disagreements++;
        if (expected) repeats++;
      }
      expect(disagreements).toBe(0);
      expect(repeats).toBeGreaterThan(0);
      expect(keys.size).toBe(reference.size);
    }
  });

  it('treats 0 and -0 as one value', () => {
    const keys = new KeySet();
    expect(keys.seenNumber(0.5)).toBe(false);
    expect(keys.seenNumber(0)).toBe(false);
    expect(keys.seenNumber(-0)).toBe(true);
  });
});

describe('ByteDict', () => {
  it('interns byte strings to dense ids and stops at its limit', () => {
    const d = new ByteDict(3);
    expect(d.addText('a')).toBe(0);
    expect(d.addText('bb')).toBe(1);
    expect(d.addText('a')).toBe(0);
    expect(d.addText('ccc')).toBe(2);
    expect(d.addText('dddd')).toBe(-1);
    expect(d.findText('bb')).toBe(1);
    expect(d.findText('zz')).toBe(-1);
    expect(d.keys()).toEqual(['a', 'bb', 'ccc']);
  });

  it('survives growth with many keys', () => {
    const d = new ByteDict();
    for (let i = 0; i < 5000; i++) expect(d.addText(`v${i}`)).toBe(i);
    for (let i = 0; i < 5000; i++) expect(d.findText(`v${i}`)).toBe(i);
    expect(d.key(4321)).toBe('v4321');
  });
});
