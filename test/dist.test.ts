import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/runner.js';

/**
 * A CommonJS/ESM mistake bundles "fine" with ncc and dies at run time, so every dist bundle must
 * be run by a test: each action needs an end-to-end test that spawns it through the runner
 * harness (test/support/runner.ts).
 */
const actions = readdirSync(join(ROOT, 'actions')).filter((n) => existsSync(join(ROOT, 'actions', n, 'action.yml')));
const e2e = readdirSync(join(ROOT, 'test/e2e'))
  .filter((f) => f.endsWith('.test.ts'))
  .map((f) => readFileSync(join(ROOT, 'test/e2e', f), 'utf8'));

describe.each(actions)('dist/%s', (name) => {
  it('is built and is an ES module bundle', () => {
    expect(existsSync(join(ROOT, 'dist', name, 'index.js'))).toBe(true);
    expect(JSON.parse(readFileSync(join(ROOT, 'dist', name, 'package.json'), 'utf8')).type).toBe('module');
  });

  it('is spawned by an end-to-end test', () => {
    expect(e2e.some((src) => src.includes(`action: '${name}'`) && src.includes('runAction'))).toBe(true);
  });
});

/**
 * Notices are generated from what each bundle holds. The packages named here are the ones whose
 * licences (BSD-3, MPL-2.0, the font's) require the notice to travel with the code.
 */
describe('dist/compare-metrics/licenses.txt', () => {
  const notices = () => readFileSync(join(ROOT, 'dist/compare-metrics/licenses.txt'), 'utf8');
  const named = () => new Set([...notices().matchAll(/^(@?[^@\s]+)@\d[^\s]*$/gm)].map((m) => m[1]));

  it('names the packages the bundle holds, each with its licence text', () => {
    for (const pkg of ['vega', 'vega-lite', 'smol-toml', 'ajv', 'marked', 'yaml', '@actions/core', '@octokit/core']) {
      expect(named(), pkg).toContain(pkg);
    }
    const smol = notices()
      .split(/^-{78}$/m)
      .find((n) => n.startsWith('\nsmol-toml@'));
    expect(smol).toMatch(/Redistributions? of source code must retain/i);
  });

  it('covers the runtime files copied beside the bundle, which come from node_modules', () => {
    const dir = join(ROOT, 'dist/compare-metrics');
    expect(readdirSync(dir)).toEqual(expect.arrayContaining(['index_bg.wasm', 'DejaVuSans.ttf']));
    expect(named()).toContain('@resvg/resvg-wasm');
    expect(named()).toContain('dejavu-fonts-ttf');
    expect(readFileSync(join(dir, 'index_bg.wasm'))).toEqual(readFileSync(join(ROOT, 'node_modules/@resvg/resvg-wasm/index_bg.wasm')));
    expect(existsSync(join(ROOT, 'actions/compare-metrics/assets'))).toBe(false);
  });

  it('leaves out our own workspace packages (covered by LICENSE)', () => {
    expect([...named()].filter((n) => n.startsWith('@mlci/'))).toEqual([]);
    expect(readFileSync(join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
  });
});

/**
 * Size budgets of each bundle's index.js, the code every run parses before its first input (heavy
 * parts live in chunks loaded on use). A static import of vega or the artifact client would put
 * megabytes back: this fails first.
 */
const BUDGETS: Record<string, number> = {
  'comment-report': 3_000_000,
  'compare-metrics': 8_000_000,
  'publish-model': 2_500_000,
  train: 3_000_000,
  'validate-data': 2_500_000,
};

describe.each(actions)('dist/%s/index.js size', (name) => {
  it('stays within its budget, with the chart and artifact libraries out of it', () => {
    const code = readFileSync(join(ROOT, 'dist', name, 'index.js'), 'utf8');
    expect(BUDGETS[name], `no budget for ${name}: add one to test/dist.test.ts`).toBeDefined();
    expect(Buffer.byteLength(code)).toBeLessThanOrEqual(BUDGETS[name]);
    // Names only those libraries define: vega's SVG renderer, the Azure blob client, the artifact
    // service's Twirp client. In a chunk they load on use; in the entry every run parses them.
    for (const marker of ['SVGStringRenderer', 'BlobClient', 'ArtifactService']) expect(code, marker).not.toContain(marker);
  });
});
