import { spawn } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser, launchChromium } from '../support/browser.js';
import { ROOT } from '../support/runner.js';

function runExample(out: string): Promise<number | null> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(ROOT, 'examples/penguins/run.mjs'), '--out', out], { cwd: ROOT, stdio: 'ignore' });
    child.on('error', fail);
    child.on('close', done);
  });
}

/**
 * The README's main command, as a person meets it: the bundled example's chain (train twice,
 * `mlci validate`, `mlci compare`, `mlci report`), then the page it wrote opened in headless
 * Chromium. What should show: both sections in stage order with their tables holding the runs'
 * own numbers, the drift table, both charts drawn, the author's mermaid chart drawn.
 */
describeInBrowser('the example report in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it('the example report shows its sections, tables, charts and mermaid chart in Chromium', async () => {
    const out = await mkdtemp(join(tmpdir(), 'mlci-example-'));
    expect(await runExample(out)).toBe(0);
    const head = JSON.parse(await readFile(join(out, 'work/eval/metrics.json'), 'utf8'));
    const base = JSON.parse(await readFile(join(out, 'work/base/eval/metrics.json'), 'utf8'));
    const page = await browser.newPage({ viewport: { width: 1000, height: 1600 } });
    await page.goto('file://' + join(out, 'report.html'));
    await page.waitForSelector('body[data-mermaid="done"]', { timeout: 30_000 });

    const headings = await page.locator('h3').allInnerTexts();
    expect(headings.map((h) => h.replace(/^\W+/u, '').trim())).toEqual(['Data validation: data/penguins.csv', 'Training', 'Metrics']);
    const rows = (await page.locator('tr', { hasText: 'test.accuracy' }).allInnerTexts()).map((t) => t.split('\t').map((c) => c.trim()));
    // The training section lists what this run wrote (name, value); the metrics table compares it with the base.
    expect(rows.filter((r) => r.length === 2)).toEqual([['test.accuracy', String(head.test.accuracy)]]);
    const accuracy = rows.filter((r) => r.length > 2);
    expect(accuracy).toHaveLength(1);
    expect(accuracy[0].slice(1, 3)).toEqual([String(base.test.accuracy), String(head.test.accuracy)]);
    expect(accuracy[0].at(-1)).toContain('improved');
    // The metrics table's row (the training section's own row lists the value alone).
    expect(await page.locator('tr', { hasText: 'train.seconds' }).last().innerText()).toContain('changed');
    expect(await page.locator('tr', { hasText: 'island' }).first().innerText()).toContain('yes');
    for (const alt of ['Cross-entropy per epoch', 'Test set confusion matrix']) {
      const img = page.locator(`img[alt^="${alt}"]`);
      expect(await img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBeGreaterThan(400);
    }
    expect(await page.locator('pre.mermaid svg, .mermaid svg').count()).toBeGreaterThan(0);
    expect(await page.locator('body').innerText()).toContain('Notes from the author');
    await page.screenshot({ path: resolve(ROOT, '.tmp/example-report.png'), fullPage: true });
    await page.close();
  });
});
