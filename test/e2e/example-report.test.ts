import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ROOT } from '../support/runner.js';

/**
 * The README's main command, as a person meets it: `mlci report` on the bundled example, then the
 * page it wrote opened in headless Chromium. What should show: both sections in stage order with
 * their tables, the folded drift details, the chart image, the author's mermaid pie drawn.
 */
const CHROMIUM = '/usr/bin/chromium';
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium (.ci/run does)`);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});
afterAll(async () => browser?.close());

function mlci(args: string[]): Promise<number | null> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(ROOT, 'packages/cli/lib/main.js'), ...args], { cwd: ROOT, stdio: 'ignore' });
    child.on('error', fail);
    child.on('close', done);
  });
}

it('the example report shows its sections, tables, chart and mermaid pie in Chromium', async () => {
  const out = await mkdtemp(join(tmpdir(), 'mlci-example-'));
  const code = await mlci(['report', '--report-dir', 'examples/report', '--markdown', 'examples/README-report.md', '--title', 'mlci example report', '--out', out]);
  expect(code).toBe(0);
  const page = await browser.newPage({ viewport: { width: 1000, height: 1600 } });
  await page.goto('file://' + join(out, 'report.html'));
  await page.waitForSelector('body[data-mermaid="done"]', { timeout: 30_000 });

  const headings = await page.locator('h3').allInnerTexts();
  expect(headings.map((h) => h.replace(/^\W+/u, '').trim())).toEqual(['Data validation', 'Metrics against main']);
  await expect.poll(() => page.locator('td', { hasText: 'roc_auc.test' }).count()).toBe(1);
  expect(await page.locator('tr', { hasText: 'val.loss' }).innerText()).toContain('improved');
  expect(await page.locator('summary').first().innerText()).toContain('Drift against');
  const img = page.locator('img[alt="Validation loss per epoch"]');
  expect(await img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBeGreaterThan(400);
  expect(await page.locator('pre.mermaid svg, .mermaid svg').count()).toBeGreaterThan(0);
  expect(await page.locator('body').innerText()).toContain('Notes from the author');
  await page.screenshot({ path: resolve(ROOT, '.tmp/example-report.png'), fullPage: true });
  await page.close();
});
