import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlotsConfig, type PlotDef } from './config.js';
import { loadPlotData, type PlotInput } from './data.js';
import { chartFallback } from './fallback.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const fixture = (side: 'base' | 'head', name: string) => readFile(join(FIXTURES, side, name), 'utf8');

function plot(yaml: string): PlotDef {
  return parsePlotsConfig(`plots:\n  - ${yaml.trim().replace(/\n/g, '\n    ')}\n`, '.mlci/plots.yml').plots[0];
}

async function fallback(def: string, input: PlotInput): Promise<string> {
  const p = plot(def);
  return chartFallback(p, await loadPlotData(p, input));
}

/** The numbers of each `line`/`bar` statement of a mermaid xychart, by series name. */
function series(md: string): Map<string, { kind: string; values: number[] }> {
  const out = new Map<string, { kind: string; values: number[] }>();
  for (const m of md.matchAll(/^ {2}(line|bar) "([^"]*)" \[([^\]]*)\]$/gm)) {
    out.set(m[2], { kind: m[1], values: m[3].split(', ').map(Number) });
  }
  return out;
}

function curve(n: number, f: (i: number) => number, x = (i: number) => i): string {
  return 'epoch,loss\n' + Array.from({ length: n }, (_, i) => `${x(i)},${f(i)}`).join('\n') + '\n';
}

describe('chartFallback: mermaid charts', () => {
  it('draws base and head curves in the PNG colours, every epoch when there are few', async () => {
    const md = await fallback('title: Training loss\ndata: loss.tsv\ny: loss', {
      head: await fixture('head', 'loss.tsv'),
      base: await fixture('base', 'loss.tsv'),
      baseLabel: 'base (main)',
    });
    const lines = md.split('\n');
    expect(lines[0]).toBe('```mermaid');
    expect(lines[1]).toBe('%%{init: {"themeVariables":{"xyChart":{"plotColorPalette":"#ff7f0e, #1f77b4"}},"xyChart":{"showLegend":true}}}%%');
    expect(lines[2]).toBe('xychart-beta');
    expect(lines[3]).toBe('  title "Training loss"');
    expect(lines[4]).toBe('  x-axis "step" 0 --> 39');
    expect(lines[5]).toBe('  y-axis "loss"');
    const s = series(md);
    expect([...s.keys()]).toEqual(['base (main)', 'head']);
    expect(s.get('head')!.values).toHaveLength(40);
    expect(s.get('head')!.values[0]).toBe(0.77695);
    expect(s.get('base (main)')!.values[39]).toBe(0.38782);
    expect(lines.at(-2)).toBe('```');
    expect(lines.at(-1)).toBe('<sub>Lines: base \\(main\\): orange · head: blue</sub>');
  });

  it('a few uneven x values (ROC thresholds) are categories, so each point sits where it belongs', async () => {
    const md = await fallback('data: roc.json\nx: fpr\ny: tpr', { head: await fixture('head', 'roc.json') });
    expect(md).toContain('  x-axis "fpr" ["0", "0.015873", "0.031746", "0.047619", "0.079365", "1"]\n');
    // Several points at one fpr (a vertical step of the curve): the line takes the last one.
    expect(series(md).get('head')!.values).toEqual([0.75, 0.92593, 0.96296, 0.99074, 1, 1]);
  });

  it('samples long curves to 50 points on the x range, interpolating, and ends a shorter run early', async () => {
    const head = curve(1000, (i) => 1 / (1 + i / 100));
    const base = curve(500, (i) => 2 / (1 + i / 100));
    const md = await fallback('data: loss.csv\nx: epoch', { head, base });
    expect(md).toContain('  x-axis "epoch" 0 --> 999\n');
    const s = series(md);
    const h = s.get('head')!.values;
    expect(h).toHaveLength(50);
    expect(h[0]).toBe(1);
    expect(h[49]).toBeCloseTo(1 / (1 + 9.99), 4);
    // The grid point 999 * 10 / 49 ≈ 203.9 lies between epochs 203 and 204.
    expect(h[10]).toBeCloseTo(1 / (1 + 2.0388), 3);
    // Base stopped at epoch 499: its line covers the grid points up to there.
    expect(s.get('base')!.values).toHaveLength(25);
    // No exponent (mermaid's grammar has none), five significant digits.
    const tiny = await fallback('data: l.csv\nx: epoch', { head: curve(3, (i) => 1.5e-7 * (i + 1)) });
    expect(series(tiny).get('head')!.values).toEqual([1.5e-7, 3e-7, 4.5e-7]);
    expect(tiny).toContain('[0.00000015, 0.0000003, 0.00000045]');
  });

  it('several series: one line each per revision, base in a lighter shade of its colour', async () => {
    const md = await fallback('data: loss.tsv\ny: [loss, val_loss]', { head: await fixture('head', 'loss.tsv'), base: await fixture('base', 'loss.tsv') });
    expect([...series(md).keys()]).toEqual(['loss (base)', 'loss (head)', 'val_loss (base)', 'val_loss (head)']);
    expect(md).toContain('"plotColorPalette":"#8fbbda, #1f77b4, #eb9394, #d62728"');
    expect(md).toContain(
      '<sub>Lines: loss \\(base\\): light blue · loss \\(head\\): blue · val\\_loss \\(base\\): light red · val\\_loss \\(head\\): red</sub>',
    );
  });

  it('bars: head as bars, base as a line across them', async () => {
    const md = await fallback('template: bar\ndata: per_class.csv\nx: class\ny: f1', {
      head: await fixture('head', 'per_class.csv'),
      base: await fixture('base', 'per_class.csv'),
    });
    expect(md).toContain('  x-axis "class" ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]\n  y-axis "f1" 0 --> 1\n');
    const s = series(md);
    expect(s.get('head')).toEqual({ kind: 'bar', values: [1, 0.9143, 0.9863, 1, 0.9508, 0.962, 0.9773, 0.961, 0.9351, 0.9398] });
    expect(s.get('base')!.kind).toBe('line');
    expect(md).toContain('<sub>Shown: head: blue bars · base: orange line</sub>');
  });

  it('keeps user text from breaking the chart or the fence around it', async () => {
    const head = 'step,"say ""hi"" `x` <b>\n</b> {y}"\n0,1\n1,2\n';
    const md = await fallback('title: "```\\n%%{init: {}}%% <script>@octocat"\ndata: l.csv', { head });
    const body = md.split('\n').slice(1, -2);
    expect(body.join('\n')).not.toMatch(/`|<script|<b>/);
    expect(body[2]).toBe("  title \"''' %%(init: ())%% ‹script›@octocat\"");
    expect(body[4]).toBe("  y-axis \"say 'hi' 'x' ‹b› ‹/b› (y)\"");
    expect(md.match(/```/g)).toHaveLength(2);
  });
});

describe('chartFallback: tables', () => {
  it('confusion: head counts with the change against base, diagonal in bold, labels escaped', async () => {
    const base = 'actual,predicted\n@team,@team\n@team,a|b\na|b,a|b\n';
    const head = 'actual,predicted\n@team,@team\n@team,@team\na|b,a|b\na|b,@team\n';
    const md = await fallback('template: confusion\ntitle: Pipes | and <b>\ndata: p.csv', { head, base, baseLabel: 'main' });
    expect(md).toBe(
      [
        '**Pipes \\| and &lt;b&gt;** (confusion matrix, counts, head). Changes against main in brackets.',
        '',
        '| actual \\\\ predicted | @&#8203;team | a\\|b |',
        '| :- | -: | -: |',
        '| **@&#8203;team** | **2 (+1)** | 0 (−1) |',
        '| **a\\|b** | 1 (+1) | **1** |',
      ].join('\n'),
    );
  });

  it('normalised confusion: shares; many classes: one row per class', async () => {
    const head = JSON.stringify({
      labels: ['neg', 'pos'],
      matrix: [
        [8, 2],
        [1, 9],
      ],
    });
    const md = await fallback('template: confusion-normalized\ndata: cm.json', { head });
    expect(md).toContain('| **neg** | **0.80** | 0.20 |');
    const many = Array.from({ length: 15 }, (_, i) => `c${i},c${i % 3 === 0 ? 0 : i}`).join('\n');
    const wide = await fallback('template: confusion\ndata: p.csv', { head: 'actual,predicted\n' + many + '\n' });
    expect(wide).toContain('| class | support | recall |');
    expect(wide).toContain('| c3 | 1 | 0 |');
    expect(wide).toContain('| c4 | 1 | 1 |');
  });

  it('scatter: a summary per revision, with the correlation', async () => {
    const md = await fallback('template: scatter\ndata: predictions.csv\nx: actual\ny: predicted', {
      head: await fixture('head', 'predictions.csv'),
      base: await fixture('base', 'predictions.csv'),
    });
    const rows = md.split('\n').filter((l) => l.startsWith('| predicted'));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/^\| predicted \| base \| 111 \| 47 – 321 \| [\d.]+ – [\d.]+ \| [\d.]+ \| 0\.\d+ \|$/);
  });

  it('bars of several series: a table, one column per series and revision', async () => {
    const md = await fallback('template: bar-horizontal\ndata: per_class.csv\nx: class\ny: [precision, recall]', {
      head: await fixture('head', 'per_class.csv'),
      base: await fixture('base', 'per_class.csv'),
    });
    expect(md).toContain('| class | precision \\(base\\) | precision \\(head\\) | recall \\(base\\) | recall \\(head\\) |');
    expect(md).toContain('| 0 | 0.9643 | 1 | 1 | 1 |');
  });
});
