import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeTrainRecord, type TrainRecord } from '../section/train-record.js';
import { withTrainDefaults } from './train-defaults.js';

/** After a train step that found dvclive's folder: which plots compare-metrics draws with none given. */
const STEPS = ['dvclive/plots/metrics/acc.tsv', 'dvclive/plots/metrics/train/loss.tsv'];
const CURVE = 'timestamp\tstep\tacc\n1\t0\t0.5\n';

async function trainedWorkspace(files: Record<string, string>): Promise<{ ws: string; reportDir: string }> {
  const ws = await mkdtemp(join(tmpdir(), 'mlci-defaults-'));
  for (const [path, text] of Object.entries({ 'dvclive/metrics.json': '{"acc": 0.5}', ...Object.fromEntries(STEPS.map((s) => [s, CURVE])), ...files })) {
    await mkdir(dirname(join(ws, path)), { recursive: true });
    await writeFile(join(ws, path), text);
  }
  const reportDir = join(ws, '.mlci-report');
  const record: TrainRecord = {
    schema: 'mlci/train@1',
    workingDirectory: '.',
    metrics: ['dvclive/metrics.json'],
    params: [],
    outputs: [],
    files: [],
    dvclive: { dir: 'dvclive', steps: STEPS },
    cacheHit: false,
    logPath: 'train.log',
  };
  await writeTrainRecord(reportDir, 'train', record);
  return { ws, reportDir };
}

const none = { metrics: [], params: [], plots: '' };

describe('withTrainDefaults and dvclive', () => {
  it("takes the dvc.yaml dvclive wrote beside its folder when it charts dvclive's steps", async () => {
    const { ws, reportDir } = await trainedWorkspace({
      'dvc.yaml':
        'metrics: [dvclive/metrics.json]\nplots:\n  - dvclive/plots/metrics:\n      x: step\n  - dvclive/plots/sklearn/cm.json:\n      template: confusion\n',
    });
    const files = await withTrainDefaults(reportDir, none, ws);
    expect(files.plots).toBe('dvc.yaml');
    expect(files.metrics).toEqual(['dvclive/metrics.json']);
  });

  it('takes a dvc.yaml inside the dvclive folder too', async () => {
    const { ws, reportDir } = await trainedWorkspace({ 'dvclive/dvc.yaml': 'plots:\n  - plots/metrics:\n      x: step\n' });
    expect((await withTrainDefaults(reportDir, none, ws)).plots).toBe('dvclive/dvc.yaml');
  });

  it("keeps the step curves when the workspace's dvc.yaml does not chart them", async () => {
    const { ws, reportDir } = await trainedWorkspace({ 'dvc.yaml': 'plots:\n  - other.tsv\n', 'other.tsv': CURVE });
    const files = await withTrainDefaults(reportDir, none, ws);
    expect(typeof files.plots === 'object' && files.plots.plots.map((p) => p.data)).toEqual(STEPS);
  });

  it('gives a broken dvc.yaml to compare, which reports it at its line', async () => {
    const { ws, reportDir } = await trainedWorkspace({ 'dvc.yaml': 'plots:\n  - dvclive/plots/metrics: {x: step\n' });
    expect((await withTrainDefaults(reportDir, none, ws)).plots).toBe('dvc.yaml');
  });

  it('never replaces plots the user gave', async () => {
    const { ws, reportDir } = await trainedWorkspace({ 'dvc.yaml': 'plots:\n  - dvclive/plots/metrics\n' });
    expect((await withTrainDefaults(reportDir, { ...none, plots: '.mlci/plots.yml' }, ws)).plots).toBe('.mlci/plots.yml');
  });
});
