import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { composeReport, fitReport, renderHtml } from '@mlci/core/report';
import { codeSpan, escapeCell, table } from '@mlci/core/section';
import { describeInBrowser, launchChromium } from '../support/browser.js';
import { testSection as section } from '../support/sections.js';

/**
 * The report as a person sees it: the comment markdown rendered to HTML and opened in headless
 * Chromium (test/support/browser.ts: skipped only outside CI where there is none).
 */
const SCREENSHOT = resolve('.tmp/report-html.png');
const HOSTILE_IMG = '<img src=x onerror="window.__pwned=1">';
const HOSTILE_SCRIPT = '<script>window.__pwned=2</script>';

/** A real PNG: a 240×120 bar chart of four bars, drawn pixel by pixel. */
function barChartPng(): Buffer {
  const w = 240;
  const h = 120;
  const bars = [0.55, 0.8, 0.65, 0.91];
  const raw = Buffer.alloc((w * 3 + 1) * h, 255);
  for (let y = 0; y < h; y++) {
    raw[y * (w * 3 + 1)] = 0;
    for (let x = 0; x < w; x++) {
      const bar = Math.floor(x / 60);
      const inBar = x % 60 >= 10 && x % 60 < 50 && y >= h - bars[bar] * h;
      const axis = y === h - 1;
      const [r, g, b] = axis ? [80, 80, 80] : inBar ? [31, 119, 180] : [255, 255, 255];
      const o = y * (w * 3 + 1) + 1 + x * 3;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function reportMarkdown(): string {
  const metrics = table(
    ['Metric', 'main', 'this PR', 'Δ'],
    [
      [codeSpan('accuracy'), '0.905', '0.912', '+0.007 ✅'],
      [codeSpan('f1|macro'), '0.871', '0.864', '−0.007 ⚠️'],
      [escapeCell(HOSTILE_IMG), '1', '2', escapeCell(HOSTILE_SCRIPT)],
      [escapeCell('@octocat and @my-org/ml-team'), '3', '4', escapeCell('#12')],
    ],
    ['l', 'r', 'r', 'r'],
  );
  const sections = [
    section({
      id: 'data',
      stage: 'data',
      title: 'Data',
      status: 'pass',
      summary: '3 files, 1.2M rows valid',
      markdown: [
        table(
          ['File', 'Rows', 'Status'],
          [
            [codeSpan('data/train.csv'), '1,000,000', '✅'],
            [codeSpan('data/test.csv'), '200,000', '✅'],
          ],
          ['l', 'r', 'c'],
        ),
        '',
        '<details><summary>Schema checks (12)</summary>',
        '',
        '- [x] `age` is an integer in [0, 120]',
        '- [x] `churn` is 0 or 1',
        '',
        '</details>',
      ].join('\n'),
    }),
    section({
      id: 'metrics',
      stage: 'metrics',
      title: 'Metrics',
      status: 'warn',
      summary: 'accuracy +0.007, f1 −0.007',
      markdown: [
        metrics,
        '',
        '```mermaid',
        // How a chart fallback picks a colour that reads on GitHub's light theme too.
        '---',
        'config:',
        '  themeVariables:',
        '    xyChart:',
        '      plotColorPalette: "#0969da"',
        '---',
        'xychart-beta',
        '  title "Accuracy by epoch"',
        '  x-axis [1, 2, 3, 4, 5]',
        '  y-axis "accuracy" 0.5 --> 1',
        '  line [0.61, 0.74, 0.83, 0.89, 0.912]',
        '```',
        '',
        '![ROC curve](compare/roc.png)',
      ].join('\n'),
    }),
    // A user's own markdown file: raw HTML passes through to the sanitiser, as on GitHub.
    section({ id: 'markdown-1', action: 'markdown', title: '', status: 'info', markdown: `Notes from the author. ${HOSTILE_IMG}\n\n${HOSTILE_SCRIPT}\n` }),
  ];
  const report = composeReport({
    id: 'e2e',
    title: 'ML report',
    sections,
    footer: { runUrl: 'https://github.com/o/r/actions/runs/42', sha: '0123456789abcdef', when: '2024-05-01T12:00:00Z' },
  });
  return fitReport(report, { limit: 65_536 }).body;
}

describeInBrowser('the report in a browser', () => {
  let dir: string;
  let browser: Browser | undefined;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mlci-report-html-'));
    await mkdir(join(dir, 'compare'));
    await writeFile(join(dir, 'compare', 'roc.png'), barChartPng());
    const html = await renderHtml(reportMarkdown(), { title: 'ML report', baseDir: dir });
    const file = join(dir, 'report.html');
    await writeFile(file, html);

    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    await page.goto('file://' + file);
    await page.waitForSelector('body[data-mermaid="done"]', { timeout: 60_000 });
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('shows the tables with their cells as written', async () => {
    const rows = await page.$$eval('table', (tables) =>
      tables.map((t) => [...t.querySelectorAll('tr')].map((tr) => [...tr.children].map((c) => (c.textContent ?? '').replaceAll('\u200b', '')))),
    );
    expect(rows).toHaveLength(2);
    expect(rows[0][1]).toEqual(['data/train.csv', '1,000,000', '✅']);
    expect(rows[1][0]).toEqual(['Metric', 'main', 'this PR', 'Δ']);
    expect(rows[1][1]).toEqual(['accuracy', '0.905', '0.912', '+0.007 ✅']);
    expect(rows[1][2]).toEqual(['f1|macro', '0.871', '0.864', '−0.007 ⚠️']);
    expect(rows[1][3]).toEqual([HOSTILE_IMG, '1', '2', HOSTILE_SCRIPT]);
    expect(rows[1][4]).toEqual(['@octocat and @my-org/ml-team', '3', '4', '#12']);
  });

  it('shows the header, the overview and the folded details', async () => {
    expect(await page.textContent('h2')).toBe('⚠️ ML report');
    const overview = await page.$$eval('article > ul:first-of-type > li', (lis) => lis.map((li) => li.textContent));
    expect(overview).toEqual(['✅ Data — 3 files, 1.2M rows valid', '⚠️ Metrics — accuracy +0.007, f1 −0.007']);
    expect(await page.textContent('details > summary')).toBe('Schema checks (12)');
    expect(await page.isVisible('details li')).toBe(false);
    await page.click('details > summary');
    expect(await page.isVisible('details li')).toBe(true);
    expect(await page.textContent('sub')).toContain('0123456');
  });

  it('draws the mermaid chart as an SVG', async () => {
    const svg = await page.$('pre.mermaid svg');
    expect(svg).not.toBeNull();
    const box = await svg!.boundingBox();
    expect(box!.width).toBeGreaterThan(100);
    expect(await page.textContent('pre.mermaid svg')).toContain('Accuracy by epoch');
    // The chart's own config block was honoured: the line has the colour it asked for.
    const strokes = await page.$$eval('pre.mermaid svg path', (ps) =>
      ps.map((p) => (globalThis as unknown as { getComputedStyle(e: unknown): { stroke: string } }).getComputedStyle(p).stroke),
    );
    expect(strokes).toContain('rgb(9, 105, 218)');
  });

  it('shows the local image, inlined', async () => {
    const img = await page.$eval('img[alt="ROC curve"]', (el) => {
      const i = el as unknown as { complete: boolean; naturalWidth: number; src: string };
      return { complete: i.complete, width: i.naturalWidth, src: i.src.slice(0, 22) };
    });
    expect(img).toEqual({ complete: true, width: 240, src: 'data:image/png;base64,' });
  });

  it('runs no script from the data and breaks no rule of the page', async () => {
    expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.$$eval('script', (s) => s.length)).toBe(2);
    expect(await page.$$eval('[onerror], [onload]', (s) => s.length)).toBe(0);
    expect(await page.textContent('article')).toContain(HOSTILE_SCRIPT);
    expect(consoleErrors).toEqual([]);
  });

  it('saves a screenshot for a person to look at', async () => {
    await mkdir(resolve('.tmp'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(existsSync(SCREENSHOT)).toBe(true);
  });
});
