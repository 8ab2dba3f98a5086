import { describe, expect, it } from 'vitest';
import { seededRandom } from './random.js';
import { hasLeadingZero, NullTokens, parseBooleanBytes, parseDateBytes, parseNumberBytes } from './values.js';

const b = (s: string) => Buffer.from(s, 'utf8');
const num = (s: string) => parseNumberBytes(b(s), 0, b(s).length);
const date = (s: string) => parseDateBytes(b(s), 0, b(s).length);

describe('parseNumberBytes', () => {
  it('gives exactly the double Number() gives, on many random decimals', () => {
    const random = seededRandom(7);
    for (let i = 0; i < 20000; i++) {
      const digits = String(Math.floor(random() * 1e9)) + (random() < 0.5 ? '' : '.' + String(Math.floor(random() * 1e8)).padStart(8, '0'));
      const exp = random() < 0.2 ? `e${Math.floor(random() * 40) - 20}` : '';
      const text = (random() < 0.3 ? '-' : '') + digits + exp;
      expect(num(text)).toBe(Number(text));
    }
  });

  it('accepts the usual spellings and refuses everything else', () => {
    expect(num('+5')).toBe(5);
    expect(num('.5')).toBe(0.5);
    expect(num('5.')).toBe(5);
    expect(num(' 42 ')).toBe(42);
    expect(num('1e3')).toBe(1000);
    expect(num('12345678901234567890')).toBe(12345678901234567000);
    expect(num('inf')).toBe(Infinity);
    expect(num('-Infinity')).toBe(-Infinity);
    for (const bad of ['', '-', '.', 'e5', '1e', '0x10', '1,5', '12a', 'NaN', '1 2']) expect(num(bad)).toBeNaN();
  });

  it('spots leading zeros (codes, not numbers)', () => {
    expect(hasLeadingZero(b('00123'), 0, 5)).toBe(true);
    expect(hasLeadingZero(b('-07'), 0, 3)).toBe(true);
    expect(hasLeadingZero(b('0'), 0, 1)).toBe(false);
    expect(hasLeadingZero(b('0.5'), 0, 3)).toBe(false);
    expect(hasLeadingZero(b('100'), 0, 3)).toBe(false);
  });
});

describe('parseDateBytes', () => {
  it('reads ISO dates and timestamps as Date.parse does', () => {
    for (const s of [
      '2012-01-01',
      '2024-02-29',
      '2012-01-01T10:20:30Z',
      '2012-01-01T10:20:30.123Z',
      '2012-06-30T23:59:00+02:00',
      '1969-12-31T00:00:00-05:30',
    ]) {
      expect(date(s)).toBe(Date.parse(s));
    }
    expect(date('2012-01-01 10:20:30')).toBe(Date.parse('2012-01-01T10:20:30Z'));
  });

  it('refuses impossible or malformed dates', () => {
    for (const s of ['2023-02-29', '2023-13-01', '2023-04-31', '2023-1-01', '20230101', '2023-01-01T25:00', '2023-01-01X', 'yesterday']) {
      expect(date(s)).toBeNaN();
    }
  });
});

describe('booleans and nulls', () => {
  it('reads true/false in any case only', () => {
    expect(parseBooleanBytes(b('TRUE'), 0, 4)).toBe(1);
    expect(parseBooleanBytes(b('False'), 0, 5)).toBe(0);
    expect(parseBooleanBytes(b('yes'), 0, 3)).toBeNaN();
    expect(parseBooleanBytes(b('1'), 0, 1)).toBeNaN();
  });

  it('matches the default null tokens and configured ones exactly', () => {
    const d = new NullTokens();
    for (const s of ['', 'NA', 'null', 'NaN']) expect(d.matchBytes(b(s), 0, b(s).length)).toBe(true);
    for (const s of ['na', 'N/A', 'NULL', 'None', ' ']) expect(d.matchBytes(b(s), 0, b(s).length)).toBe(false);
    const custom = new NullTokens(['-', 'missing']);
    expect(custom.matchBytes(b('missing'), 0, 7)).toBe(true);
    expect(custom.matchBytes(b(''), 0, 0)).toBe(false);
  });
});
