import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareWithBaseline } from './compare.js';

/**
 * Slices and predictions through compareWithBaseline with a `file:` baseline directory: the flat
 * slice keys meet the gates, the base predictions come from the baseline, and the files a stored
 * baseline keeps include the predictions.
 */
const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

async function workspace(files: Record<string, string>): Promise<string> {
  const ws = await mkdtemp(join(tmpdir(), 'mlci-eval-'));
  dirs.push(ws);
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(ws, path)), { recursive: true });
    await writeFile(join(ws, path), text);
  }
  return ws;
}

const metrics = (a: number, b: number) => JSON.stringify({ 'slice/a/recall': a, 'slice/a/count': 100, 'slice/b/recall': b, 'slice/b/count': 4 });
const predictions = (rows: string[]) => `uid,y_true,y_pred\n${rows.join('\n')}\n`;

describe('compareWithBaseline with slices and predictions', () => {
  it('gates flat slice keys, leaves a thin slice not evaluated, and keeps the predictions for a stored baseline', async () => {
    const ws = await workspace({
      'metrics.json': metrics(0.7, 0.1),
      'eval/p.csv': predictions(['x,cat,cat', 'y,dog,cat', 'z,dog,dog']),
      'old/metrics.json': metrics(0.9, 0.9),
      'old/eval/p.csv': predictions(['x,cat,dog', 'y,dog,dog', 'z,dog,dog']),
      'gates.yml': 'metrics:\n  "slice/*/recall": { min: 0.8 }\n',
    });
    const r = await compareWithBaseline({
      workspace: ws,
      metrics: ['metrics.json'],
      params: [],
      gates: 'gates.yml',
      baseline: { kind: 'file', path: 'old' },
      precision: 4,
      showUnchanged: false,
      reportDir: 'report',
      predictions: 'eval/p.csv',
      idColumn: 'uid',
    });
    expect(r.diff.gates.map((g) => [g.key, g.outcome])).toEqual([
      ['slice/a/recall', 'failed'],
      ['slice/b/recall', 'not evaluated'],
    ]);
    expect(r.regressions).toBe(1);
    expect(r.files).toEqual(['metrics.json', 'eval/p.csv']);
    expect(r.markdown).toContain('- Newly wrong (1): `y`');
    expect(r.markdown).toContain('- Newly right (1): `x`');
    const section = JSON.parse(await readFile(r.sectionPath, 'utf8'));
    expect(section.data.evaluation.examples).toMatchObject({ newlyWrong: ['y'], newlyRight: ['x'] });
    expect(section.data.slices.map((s: { slice: string; tooFew: boolean }) => [s.slice, s.tooFew])).toEqual([
      ['a', false],
      ['b', true],
    ]);
  });

  it('without a base version of the predictions, shows head alone and says so', async () => {
    const ws = await workspace({ 'metrics.json': metrics(0.9, 0.9), 'p.csv': predictions(['x,cat,cat']), 'old/metrics.json': metrics(0.9, 0.9) });
    const r = await compareWithBaseline({
      workspace: ws,
      metrics: ['metrics.json'],
      params: [],
      gates: '',
      baseline: { kind: 'file', path: 'old' },
      precision: 4,
      showUnchanged: false,
      reportDir: 'report',
      confusion: 'p.csv',
    });
    expect(r.markdown).toContain('Accuracy 100.0% on 1 example.');
    expect(r.markdown).toContain('No base version of p.csv');
    expect(r.markdown).not.toContain('Change in counts');
  });

  it('escapes ids and class names from the file', async () => {
    const rows = (p: string) => `id,actual,predicted\n"@org/team",<b>x</b>,${p}\n"a|b\`c",<b>x</b>,<b>x</b>\n`;
    const ws = await workspace({ 'metrics.json': '{"a": 1}', 'p.csv': rows('<b>x</b>'), 'old/metrics.json': '{"a": 1}', 'old/p.csv': rows('y|z') });
    const r = await compareWithBaseline({
      workspace: ws,
      metrics: ['metrics.json'],
      params: [],
      gates: '',
      baseline: { kind: 'file', path: 'old' },
      precision: 4,
      showUnchanged: false,
      reportDir: 'report',
      predictions: 'p.csv',
    });
    expect(r.markdown).toContain('- Newly right (1): `@org/team`');
    // Outside code spans (where markdown and HTML are literal text), no tag and no mention.
    expect(r.markdown.replace(/`[^`]*`/g, '')).not.toMatch(/<b>|@org/);
    expect(r.markdown).toContain('| **&lt;b&gt;x&lt;/b&gt;** |');
    expect(r.markdown).toContain('predicted as <code>y&#124;z</code>');
  });
});
