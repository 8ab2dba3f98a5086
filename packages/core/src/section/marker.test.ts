import { describe, expect, it } from 'vitest';
import { hasMarker, reportMarker } from './marker.js';

describe('reportMarker / hasMarker', () => {
  it('is a hidden HTML comment naming the report', () => {
    expect(reportMarker('ml-report')).toBe('<!-- mlci-report id="ml-report" -->');
  });

  it('cannot be closed or split by the id', () => {
    for (const id of ['x --> <script>', 'a"b', 'x--!>y', 'two\nlines', 'ünï']) {
      const m = reportMarker(id);
      expect(m.indexOf('-->')).toBe(m.length - 3);
      expect(m).not.toMatch(/--!>|\n|"[^"]*"[^"]*"[^"]*"/);
      expect(m.slice(4, -3)).not.toMatch(/[<>!]/);
    }
    expect(reportMarker('a b')).not.toBe(reportMarker('a_b'));
  });

  it('matches our body only on its first line', () => {
    const body = `${reportMarker('r1')}\n## ✅ Report`;
    expect(hasMarker(body, 'r1')).toBe(true);
    expect(hasMarker(`${reportMarker('r1')}\r\nrest`, 'r1')).toBe(true);
    expect(hasMarker(reportMarker('r1'), 'r1')).toBe(true);
    expect(hasMarker(body, 'r2')).toBe(false);
    expect(hasMarker(body, 'r')).toBe(false);
  });

  it('does not match a comment that quotes our marker', () => {
    const quoted = `Why does the bot write this?\n\n> ${reportMarker('r1')}\n> ## ✅ Report`;
    expect(hasMarker(quoted, 'r1')).toBe(false);
    expect(hasMarker(`> ${reportMarker('r1')}`, 'r1')).toBe(false);
    expect(hasMarker(` ${reportMarker('r1')}`, 'r1')).toBe(false);
    expect(hasMarker(`${reportMarker('r1')} and more`, 'r1')).toBe(false);
  });
});
