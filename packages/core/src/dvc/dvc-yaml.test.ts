import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isUserError, type UserError } from '../errors.js';
import { readDvcYaml } from './dvc-yaml.js';

/** dvc.yaml as DVC reads it: each form of metrics, params and plots, paths relative to its folder. */
async function workspace(files: Record<string, string>): Promise<string> {
  const ws = await mkdtemp(join(tmpdir(), 'mlci-dvc-'));
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(ws, path)), { recursive: true });
    await writeFile(join(ws, path), text);
  }
  return ws;
}

async function failure(p: Promise<unknown>): Promise<UserError> {
  try {
    await p;
  } catch (e) {
    if (isUserError(e)) return e;
    throw e;
  }
  throw new Error('no UserError');
}

const CURVE = 'step\tloss\n0\t0.5\n1\t0.4\n';

describe('readDvcYaml', () => {
  it('reads top-level metrics and params, stage metrics outputs and stage params (default params.yaml)', async () => {
    const ws = await workspace({
      'dvc.yaml': [
        'metrics:',
        '  - eval/metrics.json',
        'params:',
        '  - config/extra.yaml',
        'stages:',
        '  train:',
        '    cmd: python train.py',
        '    params:',
        '      - train.lr',
        '      - custom.toml:',
        '          - seed',
        '    metrics:',
        '      - dvclive/metrics.json:',
        '          cache: false',
        '      - scores',
      ].join('\n'),
      'eval/metrics.json': '{"auc": 0.9}',
      'dvclive/metrics.json': '{"acc": 0.8}',
      'scores/a.json': '{"a": 1}',
      'scores/b.yaml': 'b: 2',
      'scores/notes.txt': 'not metrics',
      'config/extra.yaml': 'x: 1',
      'params.yaml': 'train: {lr: 0.1}',
      'custom.toml': 'seed = 1',
    });
    const d = await readDvcYaml('dvc.yaml', ws, 'metrics');
    expect(d.metrics).toEqual(['dvclive/metrics.json', 'eval/metrics.json', 'scores/a.json', 'scores/b.yaml']);
    expect(d.params).toEqual(['config/extra.yaml', 'custom.toml', 'params.yaml']);
    expect(d.problems).toEqual([]);
  });

  it("reads paths relative to the dvc.yaml's folder and a stage's wdir", async () => {
    const ws = await workspace({
      'models/dvc.yaml': 'metrics: [m.json]\nstages:\n  s:\n    cmd: x\n    wdir: sub\n    metrics: [n.json]\n    plots: [curve.tsv]\n',
      'models/m.json': '{}',
      'models/sub/n.json': '{}',
      'models/sub/curve.tsv': CURVE,
      'models/params.yaml': 'a: 1',
    });
    const d = await readDvcYaml('models/dvc.yaml', ws, 'metrics');
    expect(d.metrics).toEqual(['models/m.json', 'models/sub/n.json']);
    expect(d.params).toEqual(['models/params.yaml']);
    expect(d.plots.plots.map((p) => p.data)).toEqual(['models/sub/curve.tsv']);
  });

  it('reads every plots form: a file, a folder, {path: settings}, a named plot, and stage plots outputs', async () => {
    const ws = await workspace({
      'dvc.yaml': [
        'plots:',
        '  - logs/loss.tsv',
        '  - dvclive/plots/metrics:',
        '      x: step',
        '  - eval/roc.json:',
        '      template: simple',
        '      x: fpr',
        '      y: tpr',
        '      title: ROC',
        '  - Precision:',
        '      x: recall',
        '      y:',
        '        eval/prc_train.json: precision',
        '        eval/prc_test.json: [precision]',
        'stages:',
        '  evaluate:',
        '    cmd: python eval.py',
        '    plots:',
        '      - eval/cm.json:',
        '          template: confusion',
        '          x: actual',
        '          y: predicted',
        '          cache: false',
      ].join('\n'),
      'logs/loss.tsv': CURVE,
      'dvclive/plots/metrics/acc.tsv': CURVE,
      'dvclive/plots/metrics/train/loss.tsv': CURVE,
      'dvclive/plots/metrics/readme.md': 'not data',
      'eval/roc.json': '[]',
      'eval/prc_train.json': '[]',
      'eval/prc_test.json': '[]',
      'eval/cm.json': '[]',
    });
    const d = await readDvcYaml('dvc.yaml', ws, 'plots');
    const shown = d.plots.plots.map((p) => ({
      id: p.id,
      title: p.title,
      template: p.template,
      data: p.data,
      x: p.x,
      y: p.y,
      xIndex: p.xIndex,
      sources: p.sources?.map((s) => s.data),
      actual: p.actual,
      predicted: p.predicted,
    }));
    expect(shown).toEqual([
      { id: 'logs-loss', title: 'logs/loss.tsv', template: 'linear', data: 'logs/loss.tsv', y: [], xIndex: true, actual: 'actual', predicted: 'predicted' },
      {
        id: 'dvclive-plots-metrics-acc',
        title: 'dvclive/plots/metrics/acc.tsv',
        template: 'linear',
        data: 'dvclive/plots/metrics/acc.tsv',
        x: 'step',
        y: [],
        actual: 'actual',
        predicted: 'predicted',
      },
      {
        id: 'dvclive-plots-metrics-train-loss',
        title: 'dvclive/plots/metrics/train/loss.tsv',
        template: 'linear',
        data: 'dvclive/plots/metrics/train/loss.tsv',
        x: 'step',
        y: [],
        actual: 'actual',
        predicted: 'predicted',
      },
      { id: 'eval-roc', title: 'ROC', template: 'linear', data: 'eval/roc.json', x: 'fpr', y: ['tpr'], actual: 'actual', predicted: 'predicted' },
      {
        id: 'Precision',
        title: 'Precision',
        template: 'linear',
        data: 'eval/prc_train.json',
        x: 'recall',
        y: ['precision'],
        sources: ['eval/prc_train.json', 'eval/prc_test.json'],
        actual: 'actual',
        predicted: 'predicted',
      },
      { id: 'eval-cm', title: 'eval/cm.json', template: 'confusion', data: 'eval/cm.json', y: [], actual: 'actual', predicted: 'predicted' },
    ]);
  });

  it('draws a file met in a folder and under its own path once, by its own settings', async () => {
    const ws = await workspace({
      'dvc.yaml': 'plots:\n  - plots/loss.tsv:\n      template: smooth\n  - plots\n',
      'plots/loss.tsv': CURVE,
      'plots/acc.tsv': CURVE,
    });
    const d = await readDvcYaml('dvc.yaml', ws, 'plots');
    expect(d.plots.plots.map((p) => `${p.data} ${p.template}`)).toEqual(['plots/loss.tsv smooth', 'plots/acc.tsv linear']);
  });

  it('leaves out templated paths and listed files that do not exist, with a warning at their line', async () => {
    const ws = await workspace({
      // biome-ignore lint/suspicious/noTemplateCurlyInString: DVC's templating, as a dvc.yaml holds it
      'dvc.yaml': 'metrics:\n  - ${out}/metrics.json\n  - missing.json\n  - here.json\n',
      'here.json': '{}',
    });
    const d = await readDvcYaml('dvc.yaml', ws, 'metrics');
    expect(d.metrics).toEqual(['here.json']);
    expect(d.problems.map((p) => [p.severity, p.line, p.message])).toEqual([
      // biome-ignore lint/suspicious/noTemplateCurlyInString: DVC's templating, as the message quotes it
      ['warning', 2, "${out}/metrics.json is built by DVC's templating (${...}), which mlci does not evaluate: it is left out"],
      ['warning', 3, 'the metrics file missing.json does not exist in the workspace: it is left out'],
    ]);
  });

  it('leaves images out with a notice (DVC shows them as they are), and a plot file of another kind with a warning', async () => {
    const ws = await workspace({
      'dvc.yaml': 'plots:\n  - eval/importance.png\n  - eval/images\n  - eval/curve.yaml\n  - eval/curve.tsv\n',
      'eval/importance.png': 'png',
      'eval/images/a.png': 'png',
      'eval/images/b.jpg': 'jpg',
      'eval/curve.yaml': '- {step: 0}',
      'eval/curve.tsv': CURVE,
    });
    const d = await readDvcYaml('dvc.yaml', ws, 'plots');
    expect(d.plots.plots.map((p) => p.data)).toEqual(['eval/curve.tsv']);
    expect(d.problems.map((p) => [p.severity, p.line, p.message])).toEqual([
      ['notice', 2, 'eval/importance.png: DVC shows images as they are; the report charts data files only, so it is left out'],
      ['notice', 3, '2 images under eval/images: DVC shows images as they are; the report charts data files only, so they are left out'],
      ['warning', 4, 'the plot eval/curve.yaml is not a JSON, CSV or TSV file: it is left out'],
    ]);
  });

  it('refuses a path that leaves the workspace, at its line and column', async () => {
    const ws = await workspace({ 'sub/dvc.yaml': 'metrics:\n  - ok.json\n  - ../../etc/passwd\n' });
    const e = await failure(readDvcYaml('sub/dvc.yaml', ws, 'metrics'));
    expect(e.message).toContain('"../../etc/passwd" is outside the workspace');
    expect([e.file, e.line, e.column]).toEqual(['sub/dvc.yaml', 3, 5]);
  });

  it('refuses a metrics file that is a symlink out of the workspace', async () => {
    const ws = await workspace({ 'dvc.yaml': 'metrics: [secret.json]\n' });
    await symlink('/etc/hostname', join(ws, 'secret.json'));
    const e = await failure(readDvcYaml('dvc.yaml', ws, 'metrics'));
    expect(e.message).toContain('resolves outside the workspace');
  });

  it('a YAML error is a UserError at its line and column', async () => {
    const ws = await workspace({ 'dvc.yaml': 'metrics:\n  - a.json\nplots:\n  - x: {template: linear\n' });
    const e = await failure(readDvcYaml('dvc.yaml', ws, 'plots'));
    expect(e.message).toMatch(/^invalid dvc.yaml: /);
    expect(e.file).toBe('dvc.yaml');
    expect(e.line).toBeGreaterThanOrEqual(4);
  });

  it('an unknown plot setting is a UserError at the setting', async () => {
    const ws = await workspace({ 'dvc.yaml': 'plots:\n  - loss.tsv:\n      x: step\n      colour: red\n', 'loss.tsv': CURVE });
    const e = await failure(readDvcYaml('dvc.yaml', ws, 'plots'));
    expect(e.message).toBe('invalid dvc.yaml: unknown plot setting "colour" in plots.0.loss.tsv (allowed: template, x, y, x_label, y_label, title)');
    expect([e.line, e.column]).toEqual([4, 7]);
  });

  it('an unknown template is a UserError at the template', async () => {
    const ws = await workspace({ 'dvc.yaml': 'plots:\n  - loss.tsv:\n      template: histogram\n', 'loss.tsv': CURVE });
    const e = await failure(readDvcYaml('dvc.yaml', ws, 'plots'));
    expect(e.message).toContain('template "histogram" is not one of DVC\'s templates');
    expect([e.file, e.line, e.column]).toEqual(['dvc.yaml', 3, 17]);
  });

  it('metrics that are not a list is a UserError at them', async () => {
    const ws = await workspace({ 'dvc.yaml': 'metrics: eval/metrics.json\n' });
    const e = await failure(readDvcYaml('dvc.yaml', ws, 'metrics'));
    expect(e.message).toBe('invalid dvc.yaml: `metrics` must be a list of paths');
    expect(e.line).toBe(1);
  });

  it('a dvc.yaml that does not exist names the input', async () => {
    const ws = await workspace({});
    const e = await failure(readDvcYaml('dvc.yaml', ws, 'plots'));
    expect(e.message).toBe('input "plots": file "dvc.yaml" does not exist');
  });
});
