// Renders a report's markdown as the pull-request comment shows it and saves a PNG of it: the
// README's pictures of what a section looks like come from real output, through this.
//
//   node scripts/screenshot.mjs <comment.md> <out.png> [--base-dir <dir>] [--width 920] [--max-height N]
//
// The markdown goes through core's renderHtml (the same sanitiser and CSS the report's HTML page
// uses, images next to the markdown inlined from --base-dir, by default the markdown's folder),
// then headless Chromium (Debian's, or MLCI_CHROMIUM) takes a full-page screenshot. Needs
// `npx tsc -b` first (it imports the built core).
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { renderHtml } from '@mlci/core/report';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'base-dir': { type: 'string' },
    width: { type: 'string', default: '920' },
    'max-height': { type: 'string' },
    title: { type: 'string', default: 'mlci report' },
  },
});
if (positionals.length !== 2) {
  console.error('usage: node scripts/screenshot.mjs <comment.md> <out.png> [--base-dir <dir>] [--width 920]');
  process.exit(2);
}
const [input, output] = positionals.map((p) => resolve(p));
const width = Number(values.width);
if (!Number.isInteger(width) || width < 200 || width > 4000) {
  console.error(`--width must be a whole number of pixels between 200 and 4000, got ${values.width}`);
  process.exit(2);
}
const maxHeight = values['max-height'] === undefined ? undefined : Number(values['max-height']);
if (maxHeight !== undefined && (!Number.isInteger(maxHeight) || maxHeight < 100)) {
  console.error(`--max-height must be a whole number of pixels, 100 or more, got ${values['max-height']}`);
  process.exit(2);
}
const executablePath = process.env.MLCI_CHROMIUM || '/usr/bin/chromium';
if (!existsSync(executablePath)) {
  console.error(`no Chromium at ${executablePath}: apt-get install chromium, or set MLCI_CHROMIUM`);
  process.exit(1);
}

const markdown = await readFile(input, 'utf8');
const html = await renderHtml(markdown, { title: values.title, baseDir: resolve(values['base-dir'] ?? dirname(input)) });
const dir = await mkdtemp(join(tmpdir(), 'mlci-screenshot-'));
const browser = await chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
try {
  const file = join(dir, 'comment.html');
  await writeFile(file, html);
  const page = await browser.newPage({ viewport: { width, height: 600 }, deviceScaleFactor: 1 });
  await page.goto(`file://${file}`);
  // Mermaid fallbacks draw after load; the page marks when they are done (report/html.ts).
  await page.waitForSelector('body[data-mermaid="done"]', { timeout: 60_000 });
  await mkdir(dirname(output), { recursive: true });
  // The comment box, not the empty page around it; its top part only with --max-height.
  const box = await (await page.$('.comment'))?.boundingBox();
  const clip = box && { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, maxHeight ?? box.height) };
  await page.screenshot({ path: output, fullPage: true, ...(clip ? { clip } : {}) });
  console.log(`${output}: ${width} px wide`);
} finally {
  await browser.close();
  await rm(dir, { recursive: true, force: true });
}
