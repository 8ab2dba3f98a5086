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
