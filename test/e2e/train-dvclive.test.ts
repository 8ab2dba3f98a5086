import { access, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runAction } from '../support/runner.js';
import { section, sklearnWorkspace } from './train-support.js';

/**
 * A script that logs with dvclive needs no metrics/params input: train finds dvclive's files, and
 * compare-metrics after it, with no metrics, params or plots of its own, compares them and charts
 * the per-step curves.
 */
it('train finds dvclive metrics and params, and compare-metrics after it compares and charts them with no configuration', async () => {
  const ws = await sklearnWorkspace();
  const reportDir = '.mlci-report';
  const trained = await runAction({ action: 'train', workspace: ws, inputs: { run: '/usr/bin/python3 dvclive_train.py', 'report-dir': reportDir } });
  expect(trained.code, trained.stdout + trained.stderr).toBe(0);
  const s = await section(join(ws, reportDir));
  expect(s.status).toBe('pass');
  expect(s.markdown).toContain('| `train.loss` |');
  expect(s.markdown).toContain('| `accuracy` | 0.9333 |');
  const record = JSON.parse(await readFile(join(ws, reportDir, 'train.train.json'), 'utf8'));
  expect(record.metrics).toEqual(['dvclive/metrics.json']);
  expect(record.params).toEqual(['dvclive/params.yaml']);
  expect(record.dvclive.steps).toEqual(['dvclive/plots/metrics/accuracy.tsv', 'dvclive/plots/metrics/train/loss.tsv']);

  const compared = await runAction({ action: 'compare-metrics', workspace: ws, inputs: { baseline: 'none', 'report-dir': reportDir } });
  expect(compared.code, compared.stdout + compared.stderr).toBe(0);
  const diff = JSON.parse(await readFile(compared.outputs['diff-json'], 'utf8'));
  expect(diff.metrics.map((m: any) => `${m.file} ${m.key}`).sort()).toEqual([
    'dvclive/metrics.json accuracy',
    'dvclive/metrics.json step',
    'dvclive/metrics.json train.loss',
  ]);
  expect(diff.params.map((p: any) => p.key).sort()).toEqual(['C', 'max_iter_per_step']);
  const md = await readFile(compared.outputs.markdown, 'utf8');
  expect(md).toContain('**train/loss**');
  expect(md).toContain('**accuracy**');
  const sections = (await readdir(join(ws, reportDir))).filter((f) => f.startsWith('compare-') && f.endsWith('.section.json'));
  expect(sections).toHaveLength(1);
  const images = JSON.parse(await readFile(join(ws, reportDir, sections[0]), 'utf8')).images;
  expect(images).toHaveLength(2);
  for (const i of images) await access(join(ws, reportDir, i.path));
});
