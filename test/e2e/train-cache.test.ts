import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startResultsService, type ResultsService } from '../support/results/index.js';
import { runAction } from '../support/runner.js';

/**
 * The run-cache key is exact: the same inputs hit; each thing the result depends on, changed,
 * misses (an input's bytes, a new file matched by a glob, the command, cache-key-extra).
 */

let results: ResultsService;
let ranLog: string;
beforeAll(async () => {
  results = await startResultsService({ repository: 'octo/ml' });
  ranLog = join(await mkdtemp(join(tmpdir(), 'mlci-train-scratch-')), 'ran.log');
});
afterAll(async () => {
  await results?.close();
});

const RUN = 'echo ran >> "$RAN_LOG"\nmkdir -p out\ncat data/*.csv params.txt > out/all.txt\necho "{\\"lines\\": $(cat out/all.txt | wc -l)}" > metrics.json';
const FILES = { 'data/a.csv': 'x\n1\n', 'params.txt': 'lr=0.1\n' };
const INPUTS = { run: RUN, 'cache-inputs': 'data/*.csv, params.txt', outputs: 'out/', metrics: 'metrics.json' };

async function train(o: { files?: Record<string, string>; inputs?: Record<string, string> } = {}) {
  const r = await runAction({
    action: 'train',
    env: { ...results.newRun().env, RAN_LOG: ranLog },
    files: { ...FILES, ...o.files },
    inputs: { ...INPUTS, ...o.inputs },
  });
  expect(r.code, r.stdout + r.stderr).toBe(0);
  return r;
}

const runs = async () => (await readFile(ranLog, 'utf8').catch(() => '')).split('\n').filter(Boolean).length;

it('hits on the same inputs and misses on any change to what the result depends on', async () => {
  const first = await train();
  expect(first.outputs['cache-hit']).toBe('false');
  const key = first.outputs['cache-key'];
  expect(results.caches().map((c) => c.key)).toEqual([key]);
  expect(await runs()).toBe(1);

  const same = await train();
  expect(same.outputs['cache-hit']).toBe('true');
  expect(same.outputs['cache-key']).toBe(key);
  expect(await readFile(join(same.workspace, 'out/all.txt'), 'utf8')).toBe('x\n1\nlr=0.1\n');
  expect(await runs()).toBe(1);

  const variants: Array<[string, Parameters<typeof train>[0]]> = [
    ['an input file changed', { files: { 'params.txt': 'lr=0.2\n' } }],
    ['a new file matched by a glob', { files: { 'data/b.csv': 'x\n2\n' } }],
    ['the command changed', { inputs: { run: RUN + '\n# v2' } }],
    ['cache-key-extra changed', { inputs: { 'cache-key-extra': 'python 3.13' } }],
  ];
  const keys = new Set([key]);
  for (const [why, change] of variants) {
    const before = await runs();
    const r = await train(change);
    expect(r.outputs['cache-hit'], why).toBe('false');
    expect(keys.has(r.outputs['cache-key']), why).toBe(false);
    keys.add(r.outputs['cache-key']);
    expect(await runs(), why).toBe(before + 1);
  }
  // Each miss saved its own entry; none was overwritten.
  expect(
    results
      .caches()
      .map((c) => c.key)
      .sort(),
  ).toEqual([...keys].sort());
});

it('a file outside the glob, or a file the inputs do not name, does not change the key', async () => {
  const a = await train({ files: { 'notes.md': 'one' } });
  const b = await train({ files: { 'notes.md': 'two', 'data/readme.txt': 'not a csv' } });
  expect(b.outputs['cache-key']).toBe(a.outputs['cache-key']);
  expect(b.outputs['cache-hit']).toBe('true');
});

it('a declared output the command never wrote fails the step, naming it, and caches nothing', async () => {
  const before = results.caches().length;
  const r = await runAction({
    action: 'train',
    env: { ...results.newRun().env, RAN_LOG: ranLog },
    files: FILES,
    inputs: { ...INPUTS, outputs: 'out/\nmodel.pkl', 'cache-key-extra': 'missing output' },
  });
  expect(r.code).toBe(1);
  const errors = r.annotations.filter((a) => a.level === 'error');
  expect(errors.map((a) => a.message)).toEqual(['input "outputs": "model.pkl" was not written by the command (it does not exist after the run)']);
  expect(results.caches()).toHaveLength(before);
  const s = JSON.parse(await readFile(join(r.runnerTemp, 'mlci-report/train.section.json'), 'utf8'));
  expect(s.status).toBe('fail');
  expect(s.markdown).toContain('model\\.pkl');
  expect(s.markdown).toContain('not saved');
});

it('cache: false runs the command every time and saves nothing', async () => {
  const before = results.caches().length;
  const n = await runs();
  const r = await train({ inputs: { cache: 'false' } });
  expect(r.outputs['cache-hit']).toBe('false');
  expect(r.outputs['cache-key']).toBe('');
  expect(await runs()).toBe(n + 1);
  expect(results.caches()).toHaveLength(before);
  await writeFile(ranLog, '');
});
