import { describe, expect, it } from 'vitest';
import { isUserError, type UserError } from '../errors.js';
import { parsePlotsConfig } from './config.js';

function error(text: string): UserError {
  try {
    parsePlotsConfig(text, '.mlci/plots.yml');
  } catch (e) {
    if (isUserError(e)) return e as UserError;
    throw e;
  }
  throw new Error('expected a UserError');
}

describe('parsePlotsConfig', () => {
  it('reads every template with its defaults', () => {
    const config = parsePlotsConfig(
      `plots:
  - title: Validation loss per epoch
    data: logs/loss.json
    x: epoch
    y: loss
  - template: confusion_normalized      # DVC's spelling
    data: eval\\predictions.csv
    actual: label
    predicted: prediction
  - template: scatter
    data: ./eval/predictions.csv
    x: actual
    y: [predicted, baseline, predicted]
    x-label: true value
  - id: roc-test
    template: linear
    data: eval/roc.json
    select: roc
    x: fpr
    y: tpr
  - data: logs/loss.json
`,
      '.mlci/plots.yml',
    );
    expect(config.file).toBe('.mlci/plots.yml');
    const [loss, confusion, scatter, roc, again] = config.plots;
    expect(loss).toMatchObject({ id: 'loss', title: 'Validation loss per epoch', template: 'linear', data: 'logs/loss.json', x: 'epoch', y: ['loss'] });
    expect(loss.place).toEqual({ file: '.mlci/plots.yml', line: 2, column: 5 });
    expect(confusion).toMatchObject({
      id: 'predictions',
      title: 'predictions',
      template: 'confusion-normalized',
      data: 'eval/predictions.csv',
      actual: 'label',
      predicted: 'prediction',
    });
    expect(scatter).toMatchObject({ id: 'predictions-2', data: 'eval/predictions.csv', y: ['predicted', 'baseline'], xLabel: 'true value' });
    expect(roc).toMatchObject({ id: 'roc-test', select: 'roc' });
    // Ids name files: the same data file twice gets two ids.
    expect(again).toMatchObject({ id: 'loss-2', y: [], actual: 'actual', predicted: 'predicted' });
    expect(again.x).toBeUndefined();
  });

  it('accepts an empty file and an empty list', () => {
    expect(parsePlotsConfig('', 'p.yml').plots).toEqual([]);
    expect(parsePlotsConfig('plots:\n', 'p.yml').plots).toEqual([]);
  });

  it('ids come from file names and are safe as file names', () => {
    const config = parsePlotsConfig('plots:\n  - data: "logs/val loss (final).json"\n  - data: .hidden.csv\n', 'p.yml');
    expect(config.plots.map((p) => p.id)).toEqual(['val_loss_final_', 'hidden']);
  });

  it('points at broken YAML', () => {
    const e = error('plots:\n  - data: a.json\n    y: [loss\n');
    expect(e.message).toMatch(/^invalid YAML/);
    expect(e.file).toBe('.mlci/plots.yml');
    expect(e.line).toBeGreaterThanOrEqual(3);
  });

  it('points at an unknown setting, naming the allowed ones', () => {
    const e = error('plots:\n  - data: a.json\n    colour: red\n');
    expect(e.message).toContain('unknown setting "colour" in plots[0]');
    expect(e.message).toContain('x-label');
    expect([e.line, e.column]).toEqual([3, 5]);
  });

  it('points at an unknown template and lists the templates', () => {
    const e = error('plots:\n  - data: a.json\n  - data: b.json\n    template: histogram\n');
    expect(e.message).toContain('plots[1].template must be one of linear, smooth, scatter, bar, bar-horizontal, confusion, confusion-normalized');
    expect([e.line, e.column]).toEqual([4, 15]);
  });

  it('refuses a plot without data, a bad y, a bad id, a top level that is not a list', () => {
    expect(error('plots:\n  - title: x\n').message).toContain('plots[0] needs `data`');
    const y = error('plots:\n  - data: a.json\n    y: { a: 1 }\n');
    expect(y.message).toContain('plots[0].y must be a field name or a list of field names');
    expect(y.line).toBe(3);
    expect(error('plots:\n  - data: a.json\n    id: ../../etc\n').message).toContain('may hold only letters');
    expect(error('plots:\n  data: a.json\n').message).toContain('must be a list of plots');
    expect(error('charts: []\n').message).toContain('unknown setting "charts"');
  });

  it('needs x for scatter and bar plots, and ids to be unique', () => {
    expect(error('plots:\n  - template: scatter\n    data: a.csv\n    y: b\n')).toMatchObject({
      line: 2,
      message: expect.stringContaining('scatter plot needs `x`'),
    });
    expect(error('plots:\n  - template: bar\n    data: a.csv\n').message).toContain('bar plot needs `x`');
    const dup = error('plots:\n  - id: a\n    data: a.csv\n  - id: a\n    data: b.csv\n');
    expect(dup.message).toContain('two plots have the id "a"');
    expect(dup.line).toBe(4);
  });

  it('keeps data inside the workspace', () => {
    for (const path of ['/etc/passwd', '../outside.json', 'logs/../../outside.json', 'C:/x.json']) {
      expect(error(`plots:\n  - data: ${path}\n`).message).toContain('inside the workspace');
    }
  });
});
