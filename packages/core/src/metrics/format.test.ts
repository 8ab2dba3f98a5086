import { describe, expect, it } from 'vitest';
import { formatChange, formatNumber, formatPercent, formatSigned, sameShown } from './format.js';

describe('formatNumber', () => {
  it.each([
    [0.9619097316125981, 4, '0.9619'],
    [0.1, 4, '0.1'],
    [0.93196, 3, '0.932'],
    [12345.678, 4, '12350'],
    [0.00012346, 4, '0.0001235'],
    [0.000012346, 4, '1.235e-05'],
    [1.2e-7, 4, '1.2e-07'],
    [3.25e9 + 0.5, 4, '3.25e+09'],
    [999999.7, 4, '1e+06'],
    [-0.0123456, 3, '-0.0123'],
    [20170428, 4, '20170428'],
    [8, 4, '8'],
    [-0, 4, '0'],
    [2.99999999, 4, '3'],
    [1e21, 4, '1e+21'],
    [NaN, 4, 'NaN'],
    [Infinity, 4, 'Infinity'],
    [-Infinity, 4, '-Infinity'],
  ])('%s at %i digits is %s', (x, p, expected) => {
    expect(formatNumber(x, p)).toBe(expected);
  });
});

describe('changes', () => {
  it('signs and percentages', () => {
    expect(formatSigned(0.0123)).toBe('+0.0123');
    expect(formatSigned(-2)).toBe('-2');
    expect(formatSigned(0)).toBe('0');
    expect(formatSigned(Infinity)).toBe('+Infinity');
    expect(formatPercent(0.015)).toBe('+1.5%');
    expect(formatPercent(-0.123456)).toBe('-12.3%');
    expect(formatChange(0.0123, 0.015)).toBe('+0.0123 (+1.5%)');
    expect(formatChange(0.5, null)).toBe('+0.5');
  });
});

describe('sameShown', () => {
  it('agrees with comparing formatNumber output, across scales, integers and the notation boundaries', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const values: number[] = [0, -0, 1, 3, 123456, 123457, 0.0001, 0.000099999, 999999.7, 1e6, 2.99999999, -1.5, NaN, Infinity, -Infinity];
    for (let i = 0; i < 3000; i++) {
      const scale = 10 ** Math.floor(random() * 24 - 12);
      const v = (random() - 0.3) * scale;
      values.push(v, v * (1 + (random() - 0.5) * 1e-4), Math.round(v));
    }
    let disagreements = 0;
    let same = 0;
    for (let i = 0; i + 1 < values.length; i++) {
      for (const p of [1, 3, 4, 6]) {
        const [a, b] = [values[i], values[i + 1]];
        const expected = formatNumber(a, p) === formatNumber(b, p);
        if (sameShown(a, b, p) !== expected) disagreements++;
        if (expected) same++;
      }
    }
    expect(disagreements).toBe(0);
    expect(same).toBeGreaterThan(1000);
  });

  it('decides the notation on the rounded value', () => {
    expect(formatNumber(0.000099999, 4)).toBe('0.0001');
    expect(sameShown(0.000099999, 0.0001, 4)).toBe(true);
  });
});
