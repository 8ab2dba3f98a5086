import { cp, mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pack } from 'tar-stream';
import { describe, expect, it } from 'vitest';
import type { BaselineCache } from '../baseline/cache.js';
import { buildTestsSection } from './section.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');

async function workspace(results: Record<string, string>): Promise<string> {
  const ws = await mkdtemp(join(tmpdir(), 'mlci-tests-section-'));
  await mkdir(join(ws, 'reports'), { recursive: true });
  for (const [to, fixture] of Object.entries(results)) await cp(join(FIXTURES, fixture), join(ws, to));
  return ws;
}

/** What @actions/cache would keep, in memory, handed back as a tar stream. */
function memoryCache(): BaselineCache & { keys: string[] } {
  const entries = new Map<string, Map<string, string>>();
  return {
    get keys() {
      return [...entries.keys()];
    },
    async save(paths, key, root) {
      if (entries.has(key)) return false;
      const files = new Map<string, string>();
      for (const e of await readdir(join(root, paths[0]), { recursive: true, withFileTypes: true })) {
        if (e.isFile()) files.set(join(e.parentPath, e.name).slice(root.length + 1), await readFile(join(e.parentPath, e.name), 'utf8'));
      }
      entries.set(key, files);
      return true;
    },
    async restore(_paths, key, restoreKeys) {
      const hit = entries.has(key) ? key : [...entries.keys()].reverse().find((k) => restoreKeys.some((r) => k.startsWith(r)));
      if (!hit) return undefined;
      const p = pack();
      for (const [name, text] of entries.get(hit)!) p.entry({ name }, text);
      p.finalize();
      return { key: hit, tar: Readable.from(p as unknown as AsyncIterable<Buffer>) };
    },
  };
}

describe('the Tests section', () => {
  it('marks flaky tests, fails on a failing test, and warns instead with failOn never', async () => {
    const ws = await workspace({ 'reports/serving.xml': 'pytest-rerunfailures.xml' });
    await mkdir(join(ws, 'tests'));
    await writeFile(join(ws, 'tests/test_serving.py'), 'def test_latency_budget():\n'.repeat(20));
    const failing = await buildTestsSection({ patterns: ['reports/*.xml'], workspace: ws, failOn: 'failure' });
    expect(failing.section).toMatchObject({ id: 'tests', stage: 'tests', status: 'fail' });
    expect(failing.section.markdown).toContain('#### Flaky\n\n- ⚠️ **tests\\.test\\_serving\\.test\\_endpoint\\_answers** — failed, then passed on a retry');
    expect(failing.section.summary).toBe('3 tests: 2 passed, 1 failed, 1 flaky');
    const never = await buildTestsSection({ patterns: ['reports/*.xml'], workspace: ws, failOn: 'never' });
    expect(never.section.status).toBe('warn');
    expect(never.annotations.map((a) => [a.severity, a.file, a.line])).toEqual([['warning', 'tests/test_serving.py', 17]]);
    expect(failing.annotations.map((a) => a.severity)).toEqual(['error']);
  });

  it('a pattern that matches no file fails: the test command may have died before writing', async () => {
    const ws = await workspace({});
    const r = await buildTestsSection({ patterns: ['reports/*.xml'], workspace: ws, failOn: 'never' });
    expect(r.section.status).toBe('fail');
    expect(r.section.markdown).toContain('matches no file');
  });

  it('only passing tests pass; a run of no tests warns', async () => {
    const ws = await workspace({});
    await writeFile(join(ws, 'reports/ok.xml'), '<testsuite name="s"><testcase name="a"/></testsuite>');
    await writeFile(join(ws, 'reports/none.xml'), '<testsuites/>');
    expect((await buildTestsSection({ patterns: ['reports/ok.xml'], workspace: ws, failOn: 'failure' })).section.status).toBe('pass');
    expect((await buildTestsSection({ patterns: ['reports/none.xml'], workspace: ws, failOn: 'failure' })).section.status).toBe('warn');
  });

  it('a baseline ref that names nothing is a warning in the section, not a failed report', async () => {
    const ws = await workspace({ 'reports/tests.xml': 'pytest.xml' });
    const r = await buildTestsSection({ patterns: ['reports/*.xml'], workspace: ws, failOn: 'never', baseline: { kind: 'git', ref: 'mian' } });
    expect(r.section.status).toBe('warn');
    expect(r.problems[0]).toMatchObject({ severity: 'warning', title: 'No baseline for the test results' });
    expect(r.problems[0].message).toMatch(/^input "tests-baseline": git:mian/);
    expect(r.section.markdown).toContain('<sub>No baseline: input "tests\\-baseline"\\: git\\:mian');
  });

  it('stores the results in the cache on push, not on a pull request, and a later run diffs against them', async () => {
    const cache = memoryCache();
    const base = await workspace({ 'reports/tests.xml': 'pytest-base.xml' });
    const save = (eventName: string) => ({ as: { kind: 'cache' as const }, eventName, sha: 'b'.repeat(40), cache });
    const pr = await buildTestsSection({ patterns: ['reports/*.xml'], workspace: base, failOn: 'failure', save: save('pull_request') });
    expect(cache.keys).toEqual([]);
    expect(pr.problems[0].message).toContain('Baseline not stored: pull_request runs cannot store');
    await buildTestsSection({ patterns: ['reports/*.xml'], workspace: base, failOn: 'failure', save: save('push') });
    expect(cache.keys).toHaveLength(1);
    expect(cache.keys[0]).toMatch(/^mlci-baseline-tests-[0-9a-f]{12}-b{40}$/);

    const head = await workspace({ 'reports/tests.xml': 'pytest.xml' });
    const r = await buildTestsSection({
      patterns: ['reports/*.xml'],
      workspace: head,
      failOn: 'failure',
      baseline: { kind: 'cache' },
      services: { cache, baseSha: 'b'.repeat(40) },
    });
    expect(r.diff?.newlyFailing.map((t) => t.name)).toEqual(['test_negative_is_low']);
    expect(r.diff?.newlyPassing.map((t) => t.name)).toEqual(['test_columns']);
    expect(r.diff?.stillFailing.map((t) => t.name).sort()).toEqual(['test_rows_are_complete', 'test_uses_dataset']);
    expect(r.section.summary).toContain('1 newly failing');
  });
});
