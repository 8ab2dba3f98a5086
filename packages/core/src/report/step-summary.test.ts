import { describe, expect, it } from 'vitest';
import { SECTION_SCHEMA, type Section } from '../section/section.js';
import { stepSummary, SUMMARY_LIMIT_BYTES } from './step-summary.js';

const base: Section = {
  schema: SECTION_SCHEMA,
  action: 't',
  id: 's',
  stage: 'data',
  title: 'Data: a.csv',
  status: 'fail',
  summary: '2 errors',
  markdown: '**Verdict: failed**\n',
  created: 'now',
};

describe('stepSummary', () => {
  it('is markdown under a markdown heading, never inside a raw HTML block', () => {
    const md = stepSummary(base);
    expect(md.startsWith('### ❌ Data\\: a\\.csv\n\n**Verdict: failed**')).toBe(true);
    expect(md).not.toContain('<h3>');
  });

  it("shows a chart's fallback, since local images cannot be shown there", () => {
    const md = stepSummary({
      ...base,
      markdown: '![loss](s/loss.png)\n',
      images: [{ path: 's/loss.png', alt: 'loss', fallback: '```mermaid\nxychart-beta\n```' }],
    });
    expect(md).toContain('xychart-beta');
    expect(md).not.toContain('loss.png');
  });

  it('fits 1 MiB in bytes', () => {
    const rows = Array.from({ length: 30_000 }, (_, i) => `| row ${i} | ${'é'.repeat(30)} |`).join('\n');
    const md = stepSummary({ ...base, markdown: `| a | b |\n|---|---|\n${rows}\n` });
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES);
    expect(Buffer.byteLength(md)).toBeGreaterThan(SUMMARY_LIMIT_BYTES / 2);
    expect(md).toMatch(/Cut to fit/);
  });
});
