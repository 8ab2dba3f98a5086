/**
 * Cell parsing straight from bytes. The CSV hot path never builds a JS string for a cell it only
 * has to type-check: a string per cell is an allocation per cell, which is most of what makes
 * general-purpose CSV parsers slow on millions of rows. Strings are only made for cells that are
 * shown (failure examples) or that must meet a regular expression.
 */

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

const NUMBER_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const INFINITY_TEXT = /^([+-]?)(?:inf|infinity)$/i;

/** Parses a decimal number as JavaScript would, or NaN when the text is not one. */
export function parseNumberText(text: string): number {
  const t = text.trim();
  if (NUMBER_TEXT.test(t)) return Number(t);
  const inf = INFINITY_TEXT.exec(t);
  if (inf) return inf[1] === '-' ? -Infinity : Infinity;
  return NaN;
}

function latin1(buf: Uint8Array, s: number, e: number): string {
  return Buffer.from(buf.buffer, buf.byteOffset + s, e - s).toString('latin1');
}

/**
 * Parses `[+-]digits[.digits][e[+-]digits]` from bytes; NaN when it is not a number.
 * With at most 15 significant digits and a power of ten up to 22 both operands are exact doubles,
 * so one multiplication or division rounds correctly (the classic fast path); anything else goes
 * through Number() and gives the same double.
 */
export function parseNumberBytes(buf: Uint8Array, s: number, e: number): number {
  // Surrounding spaces are tolerated for numbers (`1, 2`), as pandas does.
  while (s < e && buf[s] === 32) s++;
  while (e > s && buf[e - 1] === 32) e--;
  let i = s;
  if (i >= e) return NaN;
  let c = buf[i];
  let neg = false;
  if (c === 45) {
    neg = true;
    i++;
  } else if (c === 43) i++;
  let mant = 0;
  let digits = 0;
  let frac = 0;
  while (i < e) {
    c = buf[i];
    if (c < 48 || c > 57) break;
    mant = mant * 10 + (c - 48);
    digits++;
    i++;
  }
  if (i < e && buf[i] === 46) {
    i++;
    while (i < e) {
      c = buf[i];
      if (c < 48 || c > 57) break;
      mant = mant * 10 + (c - 48);
      digits++;
      frac++;
      i++;
    }
  }
  if (digits === 0) return parseNumberText(latin1(buf, s, e));
  let exp = 0;
  if (i < e && (buf[i] | 32) === 101) {
    i++;
    let eneg = false;
    if (i < e && (buf[i] === 45 || buf[i] === 43)) eneg = buf[i++] === 45;
    let ed = 0;
    while (i < e) {
      c = buf[i];
      if (c < 48 || c > 57) break;
      if (exp < 100000) exp = exp * 10 + (c - 48);
      ed++;
      i++;
    }
    if (ed === 0) return NaN;
    if (eneg) exp = -exp;
  }
  if (i !== e) return NaN;
  if (digits > 15) return Number(latin1(buf, s, e));
  const k = exp - frac;
  let v: number;
  if (k === 0) v = mant;
  else if (k > 0 && k <= 22) v = mant * POW10[k];
  else if (k < 0 && k >= -22) v = mant / POW10[-k];
  else return Number(latin1(buf, s, e));
  return neg ? -v : v;
}

/**
 * True when a number's text starts with a zero that is not the only digit before the point
 * (`007`, `-0123`): codes and zip codes, which inference must keep as strings.
 */
export function hasLeadingZero(buf: Uint8Array, s: number, e: number): boolean {
  let i = s;
  if (i < e && (buf[i] === 45 || buf[i] === 43)) i++;
  return e - i >= 2 && buf[i] === 48 && buf[i + 1] >= 48 && buf[i + 1] <= 57;
}

/** 1 for true, 0 for false (any case), NaN otherwise. */
export function parseBooleanBytes(buf: Uint8Array, s: number, e: number): number {
  while (s < e && buf[s] === 32) s++;
  while (e > s && buf[e - 1] === 32) e--;
  const n = e - s;
  if (n === 4) {
    if ((buf[s] | 32) === 116 && (buf[s + 1] | 32) === 114 && (buf[s + 2] | 32) === 117 && (buf[s + 3] | 32) === 101) return 1;
  } else if (n === 5) {
    if ((buf[s] | 32) === 102 && (buf[s + 1] | 32) === 97 && (buf[s + 2] | 32) === 108 && (buf[s + 3] | 32) === 115 && (buf[s + 4] | 32) === 101) return 0;
  }
  return NaN;
}

function two(buf: Uint8Array, i: number): number {
  const a = buf[i] - 48;
  const b = buf[i + 1] - 48;
  if (a < 0 || a > 9 || b < 0 || b > 9) return -1;
  return a * 10 + b;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

let lastDayKey = -1;
let lastDayMs = 0;

const DAYS_IN_MONTH = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * ISO 8601 dates and timestamps to epoch milliseconds, NaN when malformed or impossible
 * (2023-02-30). Accepted: `YYYY-MM-DD`, then optionally `T` or a space, `HH:MM`, `:SS`,
 * a fraction, and `Z` or `±HH[:MM]`. A timestamp without an offset is read as UTC: it is compared
 * only with other values of the same column and with the schema's bounds, read the same way.
 */
export function parseDateBytes(buf: Uint8Array, s: number, e: number): number {
  while (s < e && buf[s] === 32) s++;
  while (e > s && buf[e - 1] === 32) e--;
  if (e - s < 10 || buf[s + 4] !== 45 || buf[s + 7] !== 45) return NaN;
  const y1 = two(buf, s);
  const y2 = two(buf, s + 2);
  const mo = two(buf, s + 5);
  const d = two(buf, s + 8);
  if (y1 < 0 || y2 < 0 || mo < 1 || mo > 12 || d < 1 || d > DAYS_IN_MONTH[mo]) return NaN;
  const y = y1 * 100 + y2;
  // Consecutive rows usually share the day: skip the calendar arithmetic then.
  const key = (y * 16 + mo) * 32 + d;
  let ms: number;
  if (key === lastDayKey) ms = lastDayMs;
  else {
    if (mo === 2 && d === 29 && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) return NaN;
    ms = daysFromCivil(y, mo, d) * 86400000;
    lastDayKey = key;
    lastDayMs = ms;
  }
  let i = s + 10;
  if (i === e) return ms;
  const sep = buf[i];
  if (sep !== 84 && sep !== 32 && sep !== 116) return NaN;
  i++;
  if (e - i < 5 || buf[i + 2] !== 58) return NaN;
  const hh = two(buf, i);
  const mi = two(buf, i + 3);
  if (hh < 0 || hh > 24 || mi < 0 || mi > 59) return NaN;
  ms += hh * 3600000 + mi * 60000;
  i += 5;
  if (i < e && buf[i] === 58) {
    const ss = e - i >= 3 ? two(buf, i + 1) : -1;
    if (ss < 0 || ss > 60) return NaN;
    ms += ss * 1000;
    i += 3;
    if (i < e && (buf[i] === 46 || buf[i] === 44)) {
      i++;
      let scale = 100;
      let fd = 0;
      while (i < e && buf[i] >= 48 && buf[i] <= 57) {
        ms += (buf[i] - 48) * scale;
        scale /= 10;
        fd++;
        i++;
      }
      if (fd === 0) return NaN;
    }
  }
  if (i === e) return ms;
  const z = buf[i];
  if ((z === 90 || z === 122) && i + 1 === e) return ms;
  if (z !== 43 && z !== 45) return NaN;
  const oh = e - i >= 3 ? two(buf, i + 1) : -1;
  if (oh < 0 || oh > 23) return NaN;
  i += 3;
  let om = 0;
  if (i < e && buf[i] === 58) i++;
  if (i < e) {
    om = e - i === 2 ? two(buf, i) : -1;
    if (om < 0 || om > 59) return NaN;
  }
  const offset = (oh * 60 + om) * 60000;
  return z === 43 ? ms - offset : ms + offset;
}

const scratch = { buf: Buffer.allocUnsafe(256) };

/** UTF-8 bytes of a string in a shared scratch buffer (valid until the next call). */
export function utf8Scratch(text: string): { buf: Buffer; length: number } {
  if (text.length * 3 > scratch.buf.length) scratch.buf = Buffer.allocUnsafe(text.length * 3 + 64);
  const length = scratch.buf.write(text, 0, 'utf8');
  return { buf: scratch.buf, length };
}

export function parseDateText(text: string): number {
  const { buf, length } = utf8Scratch(text);
  return parseDateBytes(buf, 0, length);
}

/** The text forms that mean "no value" unless a schema says otherwise. */
export const DEFAULT_NULLS = ['', 'NA', 'null', 'NaN'];

/**
 * Matches a cell against the null tokens by its first byte and length first: almost every cell
 * fails one of those tests (a number never starts like `NA`, `null` or `NaN`), so the token
 * comparison runs for few cells.
 */
export class NullTokens {
  readonly tokens: string[];
  private readonly bytes: Buffer[];
  private readonly lengths: Set<number>;
  private readonly lengthMask: number;
  private readonly maxLength: number;
  /** 1 at each byte that starts a token. */
  private readonly firsts = new Uint8Array(256);
  private readonly set: Set<string>;
  readonly hasEmpty: boolean;

  constructor(tokens: string[] = DEFAULT_NULLS) {
    this.tokens = [...tokens];
    this.bytes = tokens.map((t) => Buffer.from(t, 'utf8'));
    this.lengths = new Set(this.bytes.map((b) => b.length));
    this.maxLength = Math.max(0, ...this.bytes.map((b) => b.length));
    this.lengthMask = this.bytes.reduce((m, b) => (b.length < 31 ? m | (1 << b.length) : m), 0);
    for (const b of this.bytes) if (b.length > 0) this.firsts[b[0]] = 1;
    this.set = new Set(tokens);
    this.hasEmpty = this.set.has('');
  }

  matchBytes(buf: Uint8Array, s: number, e: number): boolean {
    const n = e - s;
    if (n === 0) return this.hasEmpty;
    if (n > this.maxLength || this.firsts[buf[s]] === 0) return false;
    if (n < 31 ? (this.lengthMask & (1 << n)) === 0 : !this.lengths.has(n)) return false;
    const bytes = this.bytes;
    outer: for (let k = 0; k < bytes.length; k++) {
      const t = bytes[k];
      if (t.length !== n) continue;
      for (let i = 0; i < n; i++) if (t[i] !== buf[s + i]) continue outer;
      return true;
    }
    return false;
  }

  matchText(text: string): boolean {
    return this.set.has(text);
  }
}
