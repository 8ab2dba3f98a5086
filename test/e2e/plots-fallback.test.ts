import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';
import { chartFallback, loadPlotData, parsePlotsConfig, type PlotDef, type PlotInput } from '../../packages/core/src/plots/index.js';
import { renderHtml } from '../../packages/core/src/report/html.js';
import { describeInBrowser, launchChromium } from '../support/browser.js';

/**
 * The charts compare-metrics falls back to when it cannot publish images (mermaid xycharts), as
 * GitHub's mermaid draws them: in headless Chromium, through the report's HTML. The text of each
 * chart is pinned by the unit tests beside plots/fallback.ts; this checks that mermaid accepts it.
 */
const FIXTURES = join(import.meta.dirname, '../../packages/core/src/plots/fixtures');
const fixture = (side: 'base' | 'head', name: string) => readFile(join(FIXTURES, side, name), 'utf8');

async function fallback(def: string, input: PlotInput): Promise<string> {
  const p: PlotDef = parsePlotsConfig(`plots:\n  - ${def.trim().replace(/\n/g, '\n    ')}\n`, '.mlci/plots.yml').plots[0];
  return chartFallback(p, await loadPlotData(p, input));
}

function curve(n: number, f: (i: number) => number): string {
  return 'epoch,loss\n' + Array.from({ length: n }, (_, i) => `${i},${f(i)}`).join('\n') + '\n';
}

describeInBrowser('chartFallback in a browser', () => {
  it('mermaid draws the charts (no syntax error) in the colours asked for', async () => {
    const head = curve(1000, (i) => 1 / (1 + i / 100));
    const base = curve(800, (i) => 1.2 / (1 + i / 100));
    const charts = [
      await fallback('title: Loss "per" epoch\ndata: loss.csv\nx: epoch', { head, base, baseLabel: 'base (main)' }),
      await fallback('template: bar\ntitle: F1 per class\ndata: per_class.csv\nx: class\ny: f1', {
        head: await fixture('head', 'per_class.csv'),
        base: await fixture('base', 'per_class.csv'),
      }),
      await fallback('data: loss.tsv\ny: [loss, val_loss]', { head: await fixture('head', 'loss.tsv'), base: await fixture('base', 'loss.tsv') }),
      await fallback('title: "```\\n%%{init: {}}%% <script>@octocat"\ndata: l.csv', { head: 'step,"say ""hi"" `x` <b>\n</b> {y}"\n0,1\n1,2\n' }),
    ];
    const dir = await mkdtemp(join(tmpdir(), 'mlci-fallback-'));
    const browser = await launchChromium();
    try {
      const file = join(dir, 'report.html');
      await writeFile(file, await renderHtml(charts.join('\n\n'), { title: 'fallbacks' }));
      const page = await browser.newPage({ viewport: { width: 1000, height: 1600 } });
      await page.goto('file://' + file);
      await page.waitForSelector('body[data-mermaid="done"]', { timeout: 60_000 });
      const svgs = await page.$$eval('pre.mermaid svg', (els) =>
        els.map((svg) => ({
          text: svg.textContent ?? '',
          strokes: [...svg.querySelectorAll('path')].map((p) => p.getAttribute('stroke')).filter(Boolean),
          fills: [...svg.querySelectorAll('rect')].map((r) => r.getAttribute('fill')).filter(Boolean),
        })),
      );
      await mkdir(resolve('.tmp/plots'), { recursive: true });
      await page.screenshot({ path: resolve('.tmp/plots/fallback.png'), fullPage: true });
      expect(svgs).toHaveLength(4);
      for (const svg of svgs) expect(svg.text).not.toMatch(/syntax error/i);
      expect(svgs[0].text).toContain("Loss 'per' epoch");
      expect(svgs[0].strokes).toEqual(expect.arrayContaining(['#ff7f0e', '#1f77b4']));
      expect(svgs[1].fills).toContain('#1f77b4');
      expect(svgs[1].strokes).toContain('#ff7f0e');
      expect(svgs[2].strokes).toEqual(expect.arrayContaining(['#8fbbda', '#1f77b4', '#eb9394', '#d62728']));
      expect(svgs[3].text).toContain("''' %%(init: ())%% ‹script›@octocat");
      expect(svgs[3].text).toContain("say 'hi' 'x' ‹b› ‹/b› (y)");
    } finally {
      await browser.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
