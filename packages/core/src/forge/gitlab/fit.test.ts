import { describe, expect, it } from 'vitest';
import { fitNote } from './fit.js';

describe('fitNote', () => {
  it('leaves a body within the limit as it is', () => {
    expect(fitNote('a\nb\n', 10)).toEqual({ body: 'a\nb\n', truncated: false });
  });

  it('keeps whole lines from the top and closes an open <details> and code fence', () => {
    const body = ['<!-- marker -->', '<details>', '', '```', ...Array.from({ length: 100 }, (_, i) => `line ${i}`), '```', '', '</details>'].join('\n');
    const { body: fitted, truncated } = fitNote(body, 400);
    expect(truncated).toBe(true);
    expect(fitted.length).toBeLessThanOrEqual(400);
    expect(fitted.startsWith('<!-- marker -->\n<details>\n\n```\nline 0\n')).toBe(true);
    expect(fitted).toMatch(/line \d+\n```\n\n<\/details>\n\n> ✂️ Cut to fit GitLab's note limit/);
    // Only whole lines: the last kept one is complete.
    const kept = fitted.match(/line (\d+)\n```/)![1];
    expect(body).toContain(`line ${kept}\n`);
  });

  it('keeps the marker line even when nothing else fits', () => {
    const { body } = fitNote(`<!-- m -->\n${'y'.repeat(500)}`, 200);
    expect(body.startsWith('<!-- m -->\n\n> ✂️')).toBe(true);
  });
});
