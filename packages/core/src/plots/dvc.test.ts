import { describe, expect, it } from 'vitest';
import { isUserError } from '../errors.js';
import { loadPlotData, mergeSources, type ConfusionData, type XYData } from './data.js';
import { DVC_TEMPLATES, dvcFilePlot, dvcNamedPlot } from './dvc.js';
import { buildPlotSpec } from './spec.js';

/** DVC's templates and its meaning of x and y (dvc/render/converter/vega.py), drawn here. */
const at = (key?: string) => ({ file: 'dvc.yaml', line: key ? 7 : 5, column: 3 });
const records = (rows: object[]) => JSON.stringify(rows);

async function xy(props: Parameters<typeof dvcFilePlot>[2], head: string, base?: string, file = 'data.json'): Promise<XYData> {
  const plot = dvcFilePlot('p', file, props, at);
  return (await loadPlotData(plot, { head, base, baseLabel: 'base (main)' })) as XYData;
}

describe('DVC plot settings', () => {
  it('x left out is the record index `step`, even when the data has a step field of its own', async () => {
    const d = await xy(
      { y: 'loss' },
      records([
        { step: 10, loss: 0.5 },
        { step: 20, loss: 0.4 },
        { step: 30, loss: 0.3 },
      ]),
    );
    expect(d.points.map((p) => p.x)).toEqual([0, 1, 2]);
    expect(d.xTitle).toBe('step');
  });

  it('x given as step reads the field (the dvc.yaml dvclive writes: {x: step})', async () => {
    const d = await xy({ x: 'step' }, 'timestamp\tstep\tloss\n1\t10\t0.5\n2\t20\t0.4\n', undefined, 'loss.tsv');
    expect(d.points.map((p) => p.x)).toEqual([10, 20]);
    expect(d.series).toEqual(['loss']);
  });

  it('y left out is the last field of the first record, not every numeric field', async () => {
    const d = await xy(
      { x: 'epoch' },
      records([
        { epoch: 1, acc: 0.7, loss: 0.5 },
        { epoch: 2, acc: 0.8, loss: 0.4 },
      ]),
    );
    expect(d.series).toEqual(['loss']);
    expect(d.yTitle).toBe('loss');
  });

  it('x_label and y_label title the axes; title names the chart', async () => {
    const plot = dvcFilePlot('roc', 'roc.json', { x: 'fpr', y: 'tpr', title: 'ROC', x_label: 'False Positive Rate', y_label: 'True Positive Rate' }, at);
    const data = await loadPlotData(plot, {
      head: JSON.stringify({
        roc: [
          { fpr: 0, tpr: 0 },
          { fpr: 1, tpr: 1 },
        ],
      }),
    });
    const spec = buildPlotSpec(plot, data) as any;
    expect(spec.title.text).toBe('ROC');
    expect(spec.encoding.x.title).toBe('False Positive Rate');
    expect(spec.encoding.y.title).toBe('True Positive Rate');
  });

  it('maps each of DVC template names onto a chart', () => {
    expect(Object.fromEntries(Object.entries(DVC_TEMPLATES).map(([k, v]) => [k, v.template + (v.sorted ? ' sorted' : '')]))).toEqual({
      linear: 'linear',
      simple: 'linear',
      scatter: 'scatter',
      scatter_jitter: 'scatter',
      smooth: 'smooth',
      confusion: 'confusion',
      confusion_normalized: 'confusion-normalized',
      bar_horizontal: 'bar-horizontal',
      bar_horizontal_sorted: 'bar-horizontal sorted',
    });
  });

  it('a confusion plot counts x as the actual class and y as the predicted one, axes titled by DVC', async () => {
    const plot = dvcFilePlot('cm', 'cm.json', { template: 'confusion', x: 'truth', y: 'guess', x_label: 'True Label', y_label: 'Predicted Label' }, at);
    const rows = records([
      { truth: 'cat', guess: 'dog' },
      { truth: 'cat', guess: 'cat' },
      { truth: 'dog', guess: 'dog' },
    ]);
    const data = (await loadPlotData(plot, { head: rows })) as ConfusionData;
    expect(data.cells.filter((c) => c.count > 0).map((c) => `${c.actual}->${c.predicted}`)).toEqual(['cat->cat', 'cat->dog', 'dog->dog']);
    const spec = buildPlotSpec(plot, data) as any;
    expect(spec.layer[0].encoding.y).toMatchObject({ field: 'actual', title: 'True Label' });
    expect(spec.layer[0].encoding.x).toMatchObject({ field: 'predicted', title: 'Predicted Label' });
  });

  it('confusion_normalized shares each actual class', async () => {
    const plot = dvcFilePlot('cm', 'cm.json', { template: 'confusion_normalized', x: 'actual', y: 'predicted' }, at);
    const rows = records([
      { actual: 'a', predicted: 'a' },
      { actual: 'a', predicted: 'b' },
      { actual: 'a', predicted: 'b' },
      { actual: 'b', predicted: 'b' },
    ]);
    const data = (await loadPlotData(plot, { head: rows })) as ConfusionData;
    expect(data.normalized).toBe(true);
    expect(data.cells.find((c) => c.actual === 'a' && c.predicted === 'b')?.share).toBeCloseTo(2 / 3);
  });

  it('bar_horizontal: y is the category, x the value; bar_horizontal_sorted puts the largest first', async () => {
    const rows = records([
      { feature: 'age', importance: 0.2 },
      { feature: 'income', importance: 0.7 },
      { feature: 'zip', importance: 0.1 },
    ]);
    for (const [template, order] of [
      ['bar_horizontal', ['age', 'income', 'zip']],
      ['bar_horizontal_sorted', ['income', 'age', 'zip']],
    ] as const) {
      const plot = dvcFilePlot('imp', 'imp.json', { template, x: 'importance', y: 'feature', x_label: 'weight' }, at);
      const data = await loadPlotData(plot, { head: rows });
      const spec = buildPlotSpec(plot, data) as any;
      expect(spec.encoding.y).toMatchObject({ field: 'x', type: 'nominal', sort: order, title: 'feature' });
      expect(spec.encoding.x).toMatchObject({ field: 'y', type: 'quantitative', title: 'weight' });
    }
  });

  it('a bar plot without x or y is a UserError at the setting', () => {
    try {
      dvcFilePlot('imp', 'imp.json', { template: 'bar_horizontal', y: 'feature' }, at);
      expect.unreachable();
    } catch (e) {
      expect(isUserError(e) && e.message).toContain('bar_horizontal needs x (the value field)');
      expect((e as { line: number }).line).toBe(7);
    }
  });

  it('an unknown template is a UserError at the template, naming the known ones', () => {
    expect(() => dvcFilePlot('p', 'p.json', { template: 'histogram' }, at)).toThrow(/template "histogram" is not one of DVC's templates \(linear, simple/);
  });

  it('a field missing in the data is a UserError naming the fields there are', async () => {
    await expect(xy({ x: 'epoch', y: 'los' }, records([{ epoch: 1, loss: 0.5 }]))).rejects.toThrow('no field "los" (y); the fields are: "epoch", "loss"');
  });
});

describe('DVC named plots', () => {
  const resolve = (f: string) => `eval/${f}`;
  const id = (n: string) => n;

  it('y: {file: field} draws one series per file, named by file, base and head each', async () => {
    const [plot] = dvcNamedPlot(id, 'ROC', { x: 'fpr', y: { 'train.json': 'tpr', 'test.json': 'tpr' } }, at, resolve);
    expect(plot.sources?.map((s) => [s.data, s.x, s.y, s.label])).toEqual([
      ['eval/train.json', 'fpr', ['tpr'], 'train.json'],
      ['eval/test.json', 'fpr', ['tpr'], 'test.json'],
    ]);
  });

  it('y: {file: [fields]} takes several fields of one file; x: {file: field} each file its own x', () => {
    const [plot] = dvcNamedPlot(
      id,
      'curves',
      { x: { 'prc.json': 'recall', 'roc.json': 'fpr' }, y: { 'prc.json': ['precision'], 'roc.json': ['tpr', 'threshold'] } },
      at,
      resolve,
    );
    expect(plot.sources?.map((s) => [s.data, s.x, s.y])).toEqual([
      ['eval/prc.json', 'recall', ['precision']],
      ['eval/roc.json', 'fpr', ['tpr', 'threshold']],
    ]);
    expect(plot.title).toBe('curves');
  });

  it('a confusion plot over two files is one matrix per file', () => {
    const plots = dvcNamedPlot(id, 'cm', { template: 'confusion', x: 'actual', y: { 'train.json': 'predicted', 'test.json': 'predicted' } }, at, resolve);
    expect(plots.map((p) => [p.id, p.title, p.data, p.actual, p.predicted])).toEqual([
      ['cm-train.json', 'cm: train.json', 'eval/train.json', 'actual', 'predicted'],
      ['cm-test.json', 'cm: test.json', 'eval/test.json', 'actual', 'predicted'],
    ]);
  });

  it('x from a file that y does not name is refused at x', () => {
    expect(() => dvcNamedPlot(id, 'joined', { x: { 'steps.json': 'step' }, y: { 'loss.json': 'loss' } }, at, resolve)).toThrow(/x names no field of loss.json/);
  });

  it('merges the files into one chart: series by file, base before head even when only one file has a base', async () => {
    const [plot] = dvcNamedPlot(id, 'loss', { y: { 'train.json': 'loss', 'test.json': 'loss' } }, at, resolve);
    const rows = (v: number[]) => records(v.map((loss) => ({ loss })));
    const parts = [];
    for (const [i, s] of plot.sources!.entries()) {
      const data = await loadPlotData(
        { ...plot, data: s.data, x: s.x, y: s.y, sources: undefined },
        i === 0 ? { head: rows([3, 2]) } : { head: rows([4, 3]), base: rows([5]) },
      );
      parts.push({ label: s.label, data: data as XYData });
    }
    const merged = mergeSources(plot, parts);
    expect(merged.series).toEqual(['train.json', 'test.json']);
    expect(merged.revs).toEqual(['base', 'head']);
    expect(merged.yTitle).toBe('loss');
    expect(merged.xTitle).toBe('step');
    expect(merged.points.map((p) => `${p.series} ${p.rev} ${p.x} ${p.y}`)).toEqual([
      'train.json head 0 3',
      'train.json head 1 2',
      'test.json base 0 5',
      'test.json head 0 4',
      'test.json head 1 3',
    ]);
  });
});
