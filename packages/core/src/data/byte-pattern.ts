import type { Pattern } from './types.js';
import { utf8Scratch } from './values.js';

/**
 * Byte-level matchers for the patterns schemas mostly hold: a sequence of ASCII character classes
 * with repeats (`^[A-Z]{3}$`, `^\d+$`, `^[a-z0-9_-]+$`, `^\d{4}-\d{2}$`). RE2JS matches a JS
 * string, so every cell would first become one (a UTF-8 decode and an allocation per cell, most
 * of the cost of a pattern check on a million rows). These run on the cell's bytes, as a tiny
 * NFA (a bit per position of the pattern, so linear time like RE2).
 *
 * Only ASCII classes and literals are accepted (no `.`, no negated class, no flags, no
 * alternation or groups): each then stands for exactly one byte below 0x80, so a cell holding any
 * other byte (multi-byte UTF-8, or bytes that are not UTF-8 at all) cannot match, as RE2 says of
 * the decoded text. Anything else returns null and goes to RE2JS. pattern.property.test.ts checks
 * the two agree on random patterns and bytes.
 */

export interface BytePattern {
  test(buf: Uint8Array, s: number, e: number): boolean;
}

/** At most this many positions (one bit each in a 32-bit state set). */
const MAX_SLOTS = 30;
const META = new Set('\\.^$|?*+()[]{}'.split(''));

interface Atom {
  /** 128 entries: 1 where the class accepts the ASCII byte. */
  cls: Uint8Array;
  min: number;
  max: number;
}

function range(cls: Uint8Array, from: number, to: number): void {
  for (let c = from; c <= to; c++) cls[c] = 1;
}

/** `\d`, `\w` and escaped punctuation: the class bytes of one escape, or null if unsupported. */
function escape(ch: string, cls: Uint8Array): boolean {
  if (ch === 'd') range(cls, 48, 57);
  else if (ch === 'w') {
    range(cls, 48, 57);
    range(cls, 65, 90);
    range(cls, 97, 122);
    cls[95] = 1;
  } else if (/^[!-/:-@[-`{-~]$/.test(ch)) cls[ch.charCodeAt(0)] = 1;
  else return false;
  return true;
}

/** Parses `[...]` at `i` (after the `[`); returns the index after `]`, or -1. */
function parseClass(src: string, i: number, cls: Uint8Array): number {
  if (src[i] === '^' || src[i] === ']') return -1;
  let prev = -1;
  while (i < src.length && src[i] !== ']') {
    let c: number;
    if (src[i] === '\\') {
      const ch = src[i + 1];
      if (ch === undefined) return -1;
      if (ch === 'd' || ch === 'w') {
        escape(ch, cls);
        prev = -1;
        i += 2;
        continue;
      }
      if (!/^[!-/:-@[-`{-~]$/.test(ch)) return -1;
      c = ch.charCodeAt(0);
      i += 2;
    } else if (src[i] === '-' && prev >= 0 && i + 1 < src.length && src[i + 1] !== ']') {
      let hi: number;
      if (src[i + 1] === '\\') {
        const ch = src[i + 2];
        if (ch === undefined || !/^[!-/:-@[-`{-~]$/.test(ch)) return -1;
        hi = ch.charCodeAt(0);
        i += 3;
      } else {
        hi = src.charCodeAt(i + 1);
        i += 2;
      }
      if (hi > 127 || hi < prev) return -1;
      range(cls, prev, hi);
      prev = -1;
      continue;
    } else {
      c = src.charCodeAt(i);
      if (c > 127 || src[i] === '[') return -1;
      i++;
    }
    cls[c] = 1;
    prev = c;
  }
  return i < src.length ? i + 1 : -1;
}

/** `?`, `*`, `+`, `{n}`, `{n,}`, `{n,m}` at `i`: [min, max, next index]; max -1 is unbounded. */
function parseRepeat(src: string, i: number): [number, number, number] | null {
  const c = src[i];
  if (c === '?') return [0, 1, i + 1];
  if (c === '*') return [0, -1, i + 1];
  if (c === '+') return [1, -1, i + 1];
  if (c !== '{') return [1, 1, i];
  const m = /^\{(\d{1,3})(,(\d{0,3}))?\}/.exec(src.slice(i));
  if (!m) return null;
  const min = Number(m[1]);
  const max = m[2] === undefined ? min : m[3] === '' ? -1 : Number(m[3]);
  if (max !== -1 && max < min) return null;
  return [min, max, i + m[0].length];
}

/** The byte matcher for `source`, or null when it is not a sequence of ASCII classes. */
export function compileBytePattern(source: string): BytePattern | null {
  let i = 0;
  const anchoredStart = source.startsWith('^');
  if (anchoredStart) i++;
  let end = source.length;
  const anchoredEnd = end > i && source[end - 1] === '$' && source[end - 2] !== '\\';
  if (anchoredEnd) end--;
  const src = source.slice(0, end);
  const atoms: Atom[] = [];
  while (i < src.length) {
    const cls = new Uint8Array(128);
    const ch = src[i];
    if (ch === '[') {
      i = parseClass(src, i + 1, cls);
      if (i < 0) return null;
    } else if (ch === '\\') {
      if (i + 1 >= src.length || !escape(src[i + 1], cls)) return null;
      i += 2;
    } else {
      const c = src.charCodeAt(i);
      if (c > 127 || c < 32 || META.has(ch)) return null;
      cls[c] = 1;
      i++;
    }
    const rep = parseRepeat(src, i);
    if (!rep) return null;
    // A lazy or possessive suffix (`+?`, `*+`) is left to RE2.
    if (rep[2] < src.length && (src[rep[2]] === '?' || src[rep[2]] === '+' || src[rep[2]] === '*') && rep[2] !== i) return null;
    atoms.push({ cls, min: rep[0], max: rep[1] });
    i = rep[2];
  }
  return build(atoms, anchoredStart, anchoredEnd);
}

function build(atoms: Atom[], anchoredStart: boolean, anchoredEnd: boolean): BytePattern | null {
  // Positions: an atom {n,m} is n required positions, then m-n optional ones or one looping one.
  const classes: Uint8Array[] = [];
  const optional: boolean[] = [];
  const loops: boolean[] = [];
  for (const a of atoms) {
    for (let k = 0; k < a.min; k++) {
      classes.push(a.cls);
      optional.push(false);
      loops.push(false);
    }
    if (a.max === -1) {
      classes.push(a.cls);
      optional.push(true);
      loops.push(true);
    } else {
      for (let k = a.min; k < a.max; k++) {
        classes.push(a.cls);
        optional.push(true);
        loops.push(false);
      }
    }
    if (classes.length > MAX_SLOTS) return null;
  }
  const n = classes.length;
  const fixed = anchoredStart && anchoredEnd && !optional.includes(true);
  if (fixed) {
    // The common case (`^[A-Z]{3}$`): a length test and one class test per byte.
    return {
      test(buf, s, e) {
        if (e - s !== n) return false;
        for (let k = 0; k < n; k++) {
          const b = buf[s + k];
          if (b > 127 || classes[k][b] === 0) return false;
        }
        return true;
      },
    };
  }
  // The table for each byte: which positions accept it (bit k for position k).
  const accepts = new Uint32Array(256);
  for (let k = 0; k < n; k++) for (let b = 0; b < 128; b++) if (classes[k][b]) accepts[b] |= 1 << k;
  let loopMask = 0;
  for (let k = 0; k < n; k++) if (loops[k]) loopMask |= 1 << k;
  // closure[k]: the positions reachable from k by skipping optional ones (bit n is "matched").
  const closure = new Uint32Array(n + 1);
  for (let k = n; k >= 0; k--) closure[k] = (1 << k) | (k < n && optional[k] ? closure[k + 1] : 0);
  const close = (set: number) => {
    let out = 0;
    for (let k = 0; k <= n; k++) if (set & (1 << k)) out |= closure[k];
    return out;
  };
  const start = closure[0];
  const done = 1 << n;
  return {
    test(buf, s, e) {
      let set = start;
      if (set & done && !anchoredEnd) return true;
      for (let i = s; i < e; i++) {
        const hit = set & accepts[buf[i]];
        // Each accepting position moves one on; a looping one may also stay.
        let next = close((hit << 1) | (hit & loopMask));
        if (!anchoredStart) next |= start;
        if (next & done && !anchoredEnd) return true;
        if (next === 0) return false;
        set = next;
      }
      return (set & done) !== 0;
    },
  };
}

/**
 * A pattern the byte matcher takes, as a schema Pattern (text is matched on its UTF-8 bytes), or
 * null. makeValidators uses it first: a schema whose patterns are all of this kind never loads
 * RE2JS, a quarter of a megabyte of code, in any thread.
 */
export function bytePattern(source: string): Pattern | null {
  const m = compileBytePattern(source);
  if (m === null) return null;
  return {
    test: (text) => {
      const { buf, length } = utf8Scratch(text);
      return m.test(buf, 0, length);
    },
    testBytes: (buf, s, e) => m.test(buf, s, e),
  };
}
