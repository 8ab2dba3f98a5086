import { join } from 'node:path';
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { diffMetrics } from './diff.js';
import type { Files, FlatRecord } from './flatten.js';
import { parseGates } from './gates.js';
import { readMetricsFiles } from './load.js';
import { metricsStatus, renderMetricsMarkdown, summarizeMetricsDiff } from './markdown.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const files = (entries: Record<string, FlatRecord>): Files => new Map(Object.entries(entries));

/** Cells of the rendered tables, as text, the way a reader sees them. */
function tableCells(md: string): string[][] {
  const rows: string[][] = [];
  for (const token of marked.lexer(md)) {
    if (token.type !== 'table') continue;
    const t = token as unknown as { header: { text: string }[]; rows: { text: string }[][] };
    rows.push(t.header.map((c) => c.text));
    for (const r of t.rows) rows.push(r.map((c) => c.text));
  }
  return rows;
}

describe('renderMetricsMarkdown', () => {
  it('renders one table per metrics file with base, head, change and verdict', async () => {
    const paths = ['eval/live/metrics.json', 'scores.json'];
    const base = await readMetricsFiles(paths, join(FIXTURES, 'get-started/base'));
    const head = await readMetricsFiles(paths, join(FIXTURES, 'get-started/head'));
    const md = renderMetricsMarkdown(diffMetrics(base, head));
    expect(md).toContain('**`eval/live/metrics.json`**');
    expect(md).toContain('**`scores.json`**');
    const cells = tableCells(md);
    expect(cells[0]).toEqual(['Metric', 'Base', 'Head', 'Change', 'Verdict']);
    expect(cells[1]).toEqual(['`avg_prec.train` ↑\\*', '0.9993', '0.9772', '-0.02209 (-2.21%)', '🔴 regressed']);
    expect(cells[2]).toEqual(['`avg_prec.test` ↑\\*', '0.9269', '0.945', '+0.01808 (+1.95%)', '🟢 improved']);
    expect(md).toContain('guessed from the name');
  });

  it('hides unchanged rows unless asked, and says how many', () => {
    const diff = diffMetrics(files({ m: { a: 1, b: 2, c_loss: 0.5 } }), files({ m: { a: 1, b: 2, c_loss: 0.4 } }));
    const md = renderMetricsMarkdown(diff);
    expect(tableCells(md)).toHaveLength(2);
    expect(md).toContain('2 unchanged metrics not shown');
    expect(tableCells(renderMetricsMarkdown(diff, { showUnchanged: true }))).toHaveLength(4);
    const none = renderMetricsMarkdown(diffMetrics(files({ m: { a: 1 } }), files({ m: { a: 1 } })));
    expect(none).toContain('all 1 metric unchanged');
  });

  it('without a baseline, says so and shows head values only', () => {
    const md = renderMetricsMarkdown(diffMetrics(undefined, files({ 'm.json': { acc: 0.91234 } })));
    expect(md).toMatch(/^_No baseline/);
    expect(tableCells(md)).toEqual([
      ['Metric', 'Value'],
      ['`acc` ↑\\*', '0.9123'],
    ]);
  });

  it('lists params, changed first, then added and removed', () => {
    const diff = diffMetrics(files({ m: { acc: 1 } }), files({ m: { acc: 1 } }), {
      params: {
        base: files({ 'params.yaml': { lr: 0.0001, seed: 1, gone: 'x' } }),
        head: files({ 'params.yaml': { seed: 1, fresh: true, lr: 0.00012 } }),
      },
    });
    const cells = tableCells(renderMetricsMarkdown(diff));
    expect(cells).toEqual([
      ['Param', 'Base', 'Head', ''],
      ['`lr`', '0.0001', '0.00012', 'changed'],
      ['`fresh`', '—', 'true', '🆕 added'],
      ['`gone`', 'x', '—', '➖ removed'],
    ]);
  });

  it('lists failed gates first', () => {
    const rules = parseGates('metrics:\n  acc: { min: 0.5 }\n  "*loss": { max: 1 }\n', 'g.yml');
    const diff = diffMetrics(files({ m: { acc: 0.9, loss: 2 } }), files({ m: { acc: 0.9, loss: 3 } }), { rules });
    const md = renderMetricsMarkdown(diff);
    expect(md).toContain('**Gates**: 1 of 2 failed\n\n- ❌ `loss` max 1: 3 is above the maximum 1\n- ✅ `acc` min 0\\.5: 0\\.9 ≥ 0\\.5');
    expect(metricsStatus(diff)).toBe('fail');
    expect(summarizeMetricsDiff(diff)).toBe('1 regressed; 1 gate failed');
  });

  it('escapes a hostile metric name and value so the table keeps its shape and pings nobody', () => {
    const evil = 'a|b`c <img src=x onerror=alert(1)> @octocat #1\nnext';
    const diff = diffMetrics(files({ 'm.json': { [evil]: 0.5, note: 'x' } }), files({ 'm.json': { [evil]: 0.6, note: '| @team <b>bold</b>' } }));
    const md = renderMetricsMarkdown(diff);
    const cells = tableCells(md);
    expect(cells.every((r) => r.length === 5)).toBe(true);
    expect(cells).toHaveLength(3);
    const html = marked.parse(md) as string;
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).not.toMatch(/@octocat|@team/);
    expect(html).not.toMatch(/#1\b/);
  });
});

describe('summary and status', () => {
  it('counts moves, changed params and gates', () => {
    const diff = diffMetrics(files({ m: { acc: 0.8, loss: 0.5 } }), files({ m: { acc: 0.9, loss: 0.5, f1: 1 } }), {
      params: { base: files({ p: { lr: 1 } }), head: files({ p: { lr: 2 } }) },
    });
    expect(summarizeMetricsDiff(diff)).toBe('1 improved, 1 added; 1 param changed');
    expect(metricsStatus(diff)).toBe('pass');
    const worse = diffMetrics(files({ m: { acc: 0.9 } }), files({ m: { acc: 0.8 } }));
    expect(metricsStatus(worse)).toBe('warn');
    expect(summarizeMetricsDiff(diffMetrics(undefined, files({ m: { a: 1, b: 2 } })))).toBe('2 metrics, no baseline');
  });
});
