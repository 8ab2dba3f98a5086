import { describe, expect, it } from 'vitest';
import { UserError } from '../errors.js';
import { diffMetrics } from './diff.js';
import type { Files, FlatRecord } from './flatten.js';
import { directionRule, parseGates } from './gates.js';

const files = (entries: Record<string, FlatRecord>): Files => new Map(Object.entries(entries));

const ISSUE_EXAMPLE = `metrics:
  "roc_auc.test": { direction: higher, min: 0.90, max-regression: 0.01 }
  "*.loss":       { direction: lower, max-regression: "2%" }   # globs; "%" means relative
`;

function gateError(text: string): UserError {
  try {
    parseGates(text, '.mlci/gates.yml');
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    expect((e as UserError).file).toBe('.mlci/gates.yml');
    return e as UserError;
  }
  throw new Error('expected a UserError');
}

const place = (e: UserError) => [e.line, e.column];

describe('parseGates', () => {
  it("reads the issue's example", () => {
    expect(parseGates(ISSUE_EXAMPLE, '.mlci/gates.yml')).toEqual({
      file: '.mlci/gates.yml',
      metrics: [
        { pattern: 'roc_auc.test', direction: 'higher', min: 0.9, maxRegression: { value: 0.01, relative: false }, line: 2, column: 3 },
        { pattern: '*.loss', direction: 'lower', maxRegression: { value: 0.02, relative: true }, line: 3, column: 3 },
      ],
    });
  });

  it('accepts an empty file and an empty metrics mapping', () => {
    expect(parseGates('', 'g.yml').metrics).toEqual([]);
    expect(parseGates('metrics:\n', 'g.yml').metrics).toEqual([]);
  });

  it('points at a value of the wrong type', () => {
    const e = gateError('metrics:\n  acc:\n    min: high\n');
    expect([e.line, e.column]).toEqual([3, 10]);
    expect(e.message).toMatch(/metrics\."acc"\.min must be number/);
  });

  it('points at an unknown setting (a typo) by its key', () => {
    const e = gateError('metrics:\n  acc: { min: 0.9, max_regression: 0.1 }\n');
    expect([e.line, e.column]).toEqual([2, 20]);
    expect(e.message).toMatch(/unknown setting "max_regression"/);
  });

  it('refuses a bad direction, a bad percentage, a negative regression and min above max', () => {
    expect(place(gateError('metrics:\n  acc: { direction: up }\n'))).toEqual([2, 21]);
    expect(gateError('metrics:\n  acc: { direction: up }\n').message).toMatch(/one of higher, lower/);
    expect(gateError('metrics:\n  acc: { max-regression: "two%" }\n').message).toMatch(/percentage/);
    expect(place(gateError('metrics:\n  acc: { max-regression: -1 }\n'))).toEqual([2, 26]);
    expect(gateError('metrics:\n  acc: { min: 2, max: 1 }\n').message).toMatch(/min 2 above max 1/);
  });

  it('refuses a rule that is not a mapping, and unknown top-level keys', () => {
    expect(place(gateError('metrics:\n  acc: 0.9\n'))).toEqual([2, 8]);
    expect(gateError('metric:\n  acc: {}\n').message).toMatch(/unknown setting "metric"/);
  });

  it('reports broken YAML with its place', () => {
    expect(gateError('metrics:\n  acc: { min: 0.9\n').line).toBe(3);
  });
});

describe('patterns', () => {
  const rules = parseGates(
    `metrics:
  "*.loss": { direction: lower }
  "layers[2].units": { direction: lower }
  "blocks[*].dropout": { direction: lower }
  "[ab]_err*": { direction: higher }
  "train/*": { direction: lower }
  "score": { direction: lower }
`,
    'g.yml',
  );
  const dir = directionRule(rules);

  it('lets * cross dots and slashes, but not stand for a missing dot', () => {
    expect(dir('train.loss')).toBe('lower');
    expect(dir('eval.val.loss')).toBe('lower');
    expect(dir('a/b.loss')).toBe('lower');
    expect(dir('val_loss')).toBeUndefined();
    expect(dir('train/x/acc')).toBe('lower');
  });

  it('matches a key with brackets literally', () => {
    expect(dir('layers[2].units')).toBe('lower');
    expect(dir('layers2.units')).toBeUndefined();
    expect(dir('layers[3].units')).toBeUndefined();
  });

  it('reads [*] as any array index, other brackets as character classes', () => {
    expect(dir('blocks[0].dropout')).toBe('lower');
    expect(dir('blocks[12].dropout')).toBe('lower');
    expect(dir('blocks.dropout')).toBeUndefined();
    expect(dir('b_error')).toBe('higher');
    expect(dir('c_error')).toBeUndefined();
  });

  it('matches a plain pattern only as a whole key', () => {
    expect(dir('score')).toBe('lower');
    expect(dir('f1_score')).toBeUndefined();
  });
});

describe('evaluating gates', () => {
  const rules = parseGates(ISSUE_EXAMPLE, 'gates.yml');

  it('passes when every rule holds, and lists each check', () => {
    const diff = diffMetrics(files({ m: { 'roc_auc.test': 0.92, 'train.loss': 0.5 } }), files({ m: { 'roc_auc.test': 0.91, 'train.loss': 0.505 } }), { rules });
    expect(diff.passed).toBe(true);
    expect(diff.gates).toEqual([
      { key: 'roc_auc.test', file: 'm', rule: 'min 0.9', outcome: 'passed', message: '0.91 ≥ 0.9' },
      // 0.92 − 0.91 is 0.010000000000000009: float noise must not fail a 0.01 limit.
      { key: 'roc_auc.test', file: 'm', rule: 'max-regression 0.01', outcome: 'passed', message: 'regressed by 0.01 (1.09%), within the allowed 0.01' },
      { key: 'train.loss', file: 'm', rule: 'max-regression 2%', outcome: 'passed', message: 'regressed by 0.005 (1%), within the allowed 2% = 0.01' },
    ]);
  });

  it('fails a min bound and a relative regression', () => {
    const diff = diffMetrics(
      files({ m: { 'roc_auc.test': 0.95, 'train.loss': 0.5, 'eval.loss': 0.4 } }),
      files({ m: { 'roc_auc.test': 0.89, 'train.loss': 0.52, 'eval.loss': 0.3 } }),
      { rules },
    );
    expect(diff.passed).toBe(false);
    expect(diff.gates.map((g) => [g.key, g.rule, g.outcome, g.message])).toEqual([
      ['roc_auc.test', 'min 0.9', 'failed', '0.89 is below the minimum 0.9'],
      ['roc_auc.test', 'max-regression 0.01', 'failed', 'regressed by 0.06 (6.32%), more than the allowed 0.01'],
      ['train.loss', 'max-regression 2%', 'failed', 'regressed by 0.02 (4%), more than the allowed 2% = 0.01'],
      ['eval.loss', 'max-regression 2%', 'passed', 'improved by 0.1 (25%)'],
    ]);
  });

  it('checks max, and shows more digits when the shown ones would look equal', () => {
    const r = parseGates('metrics:\n  latency_ms: { max: 50 }\n', 'g.yml');
    const diff = diffMetrics(undefined, files({ m: { latency_ms: 50.00004 } }), { rules: r });
    expect(diff.gates).toEqual([{ key: 'latency_ms', file: 'm', rule: 'max 50', outcome: 'failed', message: '50.00004 is above the maximum 50' }]);
  });

  it('shows a bound as written, whatever the precision', () => {
    const r = parseGates('metrics:\n  acc: { min: 0.91234, required: true }\n  f1: { min: 0.5, required: true }\n', 'g.yml');
    const diff = diffMetrics(undefined, files({ m: { acc: 0.9123 } }), { rules: r, precision: 3 });
    expect(diff.gates.map((g) => [g.key, g.rule, g.outcome, g.message])).toEqual([
      ['acc', 'required', 'passed', 'present'],
      ['acc', 'min 0.91234', 'failed', '0.912 is below the minimum 0.91234'],
      // Nothing matched: the required check says so once, no extra "skipped" line.
      ['f1', 'required', 'failed', 'no metric matches "f1"'],
    ]);
  });

  it('without a baseline, applies absolute bounds and skips regression rules', () => {
    const diff = diffMetrics(undefined, files({ m: { 'roc_auc.test': 0.85 } }), { rules });
    expect(diff.gates).toEqual([
      { key: 'roc_auc.test', file: 'm', rule: 'min 0.9', outcome: 'failed', message: '0.85 is below the minimum 0.9' },
      { key: 'roc_auc.test', file: 'm', rule: 'max-regression 0.01', outcome: 'not evaluated', message: 'not evaluated: no baseline' },
      { key: '*.loss', rule: 'max-regression 2%', outcome: 'not evaluated', message: 'not evaluated: no metric matches "*.loss"' },
    ]);
    expect(diff.passed).toBe(false);
  });

  it('fails bounds on a metric that disappeared, became NaN or is not a number', () => {
    const r = parseGates('metrics:\n  "*": { min: 0, max-regression: 1 }\n', 'g.yml');
    const diff = diffMetrics(files({ m: { gone: 1, nan_acc: 0.5, s: 'x' } }), files({ m: { nan_acc: NaN, s: 'y' } }), { rules: r });
    expect(diff.gates.map((g) => [g.key, g.rule, g.outcome, g.message])).toEqual([
      ['nan_acc', 'min 0', 'failed', 'head is NaN'],
      ['nan_acc', 'max-regression 1', 'failed', 'head is NaN'],
      ['s', 'min 0', 'failed', 'head is not a number ("y")'],
      ['s', 'max-regression 1', 'failed', 'head is not a number ("y")'],
      ['gone', 'min 0', 'failed', 'missing from head'],
      ['gone', 'max-regression 1', 'failed', 'missing from head'],
    ]);
  });

  it('skips a regression rule for a new metric and for a NaN base', () => {
    const r = parseGates('metrics:\n  "*": { max-regression: "1%" }\n', 'g.yml');
    const diff = diffMetrics(files({ m: { a: NaN } }), files({ m: { a: 0.5, b: 0.5 } }), { rules: r });
    expect(diff.gates.map((g) => [g.key, g.outcome, g.message])).toEqual([
      ['a', 'not evaluated', 'not evaluated: base is NaN'],
      ['b', 'not evaluated', 'not evaluated: new metric, no base value'],
    ]);
  });

  it('uses a relative limit of 0 against a base of 0', () => {
    const r = parseGates('metrics:\n  err: { max-regression: "5%" }\n', 'g.yml');
    const diff = diffMetrics(files({ m: { err: 0 } }), files({ m: { err: 0.001 } }), { rules: r });
    expect(diff.gates[0]).toMatchObject({ outcome: 'failed', message: 'regressed by 0.001, more than the allowed 5% = 0' });
  });

  it('required: fails when nothing matches or a matching key disappeared', () => {
    const r = parseGates('metrics:\n  f1: { required: true }\n  "eval.*": { required: true }\n', 'g.yml');
    const ok = diffMetrics(files({ m: { f1: 1, 'eval.a': 1 } }), files({ m: { f1: 1, 'eval.a': 1 } }), { rules: r });
    expect(ok.gates.map((g) => [g.key, g.outcome, g.message])).toEqual([
      ['f1', 'passed', 'present'],
      ['eval.a', 'passed', 'present'],
    ]);
    const bad = diffMetrics(files({ m: { 'eval.a': 1, 'eval.b': 2 } }), files({ m: { 'eval.a': 1 } }), { rules: r });
    expect(bad.passed).toBe(false);
    expect(bad.gates.map((g) => [g.key, g.outcome, g.message])).toEqual([
      ['f1', 'failed', 'no metric matches "f1"'],
      ['eval.*', 'failed', 'missing from head: eval.b'],
    ]);
  });
});
