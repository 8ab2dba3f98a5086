import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeSection } from '../section/section.js';
import { readLineage } from './lineage.js';

describe('lineage from the report directory', () => {
  it("reads validate-data's result (hashing its data files), compare-metrics' diff JSON and train's train.json", async () => {
    const ws = await mkdtemp(join(tmpdir(), 'mlci-lineage-'));
    const report = join(ws, '.mlci-report');
    await mkdir(join(ws, 'data'), { recursive: true });
    await writeFile(join(ws, 'data', 'train.csv'), 'a,b\n1,2\n');
    const base = { stage: 'data' as const, title: 't', status: 'pass' as const, summary: 's', markdown: 'm', run: { id: '1', source: 'env' as const } };
    await writeSection(report, {
      ...base,
      action: 'validate-data',
      id: 'validate-data-train',
      data: { passed: true, files: [{ file: 'data/train.csv', rows: 1 }] },
    });
    await writeSection(report, { ...base, action: 'compare-metrics', id: 'compare-metrics-metrics', stage: 'metrics' });
    await mkdir(join(report, 'compare-metrics-metrics'));
    const diff = {
      passed: true,
      verdict: 'passed',
      metrics: [{ file: 'metrics.json', key: 'auc', base: 0.8, head: 0.9, delta: 0.1, relative: 0.125, direction: 'higher', status: 'improved' }],
      params: [{ file: 'params.yaml', key: 'lr', base: 0.1, head: 0.01, status: 'changed' }],
      gates: [],
    };
    await writeFile(join(report, 'compare-metrics-metrics', 'diff.json'), JSON.stringify(diff));
    await writeSection(report, { ...base, action: 'train', id: 'train', stage: 'training' });
    await mkdir(join(report, 'train'));
    await writeFile(join(report, 'train', 'train.json'), '{"command": "python train.py", "seconds": 12}');

    const l = await readLineage({ workspace: ws, reportDir: report, metrics: [], params: [], commit: 'c'.repeat(40) });
    expect(l.data).toEqual([{ file: 'data/train.csv', rows: 1, passed: true, size: 8, sha256: createHash('sha256').update('a,b\n1,2\n').digest('hex') }]);
    expect(l.metrics).toEqual({ 'metrics.json': { auc: 0.9 } });
    expect(l.params).toEqual({ 'params.yaml': { lr: 0.01 } });
    expect(l.diff?.verdict).toBe('passed');
    expect(l.training).toEqual({ command: 'python train.py', seconds: 12 });
  });

  it('an empty report directory claims nothing', async () => {
    const ws = await mkdtemp(join(tmpdir(), 'mlci-lineage-'));
    const l = await readLineage({ workspace: ws, reportDir: join(ws, 'none'), metrics: [], params: [] });
    expect(l).toMatchObject({ data: [], metrics: {}, params: {} });
    expect(l.diff).toBeUndefined();
    expect(l.training).toBeUndefined();
  });
});
