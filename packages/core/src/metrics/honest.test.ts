import { describe, expect, it } from 'vitest';
import { UserError } from '../errors.js';
import { diffMetrics } from './diff.js';
import type { Files, FlatRecord } from './flatten.js';
import { gatesVerdict, parseGates, unmatchedRules } from './gates.js';
import { metricsStatus, renderMetricsMarkdown, summarizeMetricsDiff } from './markdown.js';

/** What the report may claim about gates: never a pass for what was not checked (issue 7). */

const files = (entries: Record<string, FlatRecord>): Files => new Map(Object.entries(entries));
const GATES = `metrics:
  roc_auc: { min: 0.9, max-regression: 0.01 }
  "*.loss": { max-regression: "2%" }
`;

describe('gates that need a baseline, without one', () => {
  const rules = parseGates(GATES, 'gates.yml');
  const head = files({ m: { roc_auc: 0.95, 'train.loss': 0.3 } });

  it('are not evaluated, and the verdict is incomplete, not passed', () => {
    const diff = diffMetrics(undefined, head, { rules });
    expect(diff.gates.map((g) => [g.key, g.rule, g.outcome])).toEqual([
      ['roc_auc', 'min 0.9', 'passed'],
      ['roc_auc', 'max-regression 0.01', 'not evaluated'],
      ['train.loss', 'max-regression 2%', 'not evaluated'],
    ]);
    expect(diff.verdict).toBe('incomplete');
    expect(diff.passed).toBe(false);
    expect(metricsStatus(diff)).toBe('warn');
    expect(summarizeMetricsDiff(diff)).toBe('2 metrics, no baseline; 1 gate passed, 2 not evaluated');
    const md = renderMetricsMarkdown(diff);
    expect(md).toContain('**Gates**: 1 passed, 2 not evaluated');
    expect(md).toContain('- ⚠️ `train.loss` max\\-regression 2%: not evaluated\\: no baseline');
    expect(md).not.toContain('**Gates**: passed');
  });

  it('with only regression rules, nothing was checked', () => {
    const only = parseGates('metrics:\n  "*": { max-regression: 0.1 }\n', 'gates.yml');
    const diff = diffMetrics(undefined, head, { rules: only });
    expect(diff.verdict).toBe('nothing checked');
    expect(diff.passed).toBe(false);
    expect(metricsStatus(diff)).toBe('warn');
    expect(summarizeMetricsDiff(diff)).toBe('2 metrics, no baseline; gates: nothing checked (2 gates not evaluated)');
  });

  it('pass once the baseline is there', () => {
    const diff = diffMetrics(files({ m: { roc_auc: 0.95, 'train.loss': 0.3 } }), head, { rules });
    expect(diff.verdict).toBe('passed');
    expect(diff.passed).toBe(true);
    expect(metricsStatus(diff)).toBe('pass');
  });

  it('a failure wins over what was not evaluated', () => {
    const diff = diffMetrics(undefined, files({ m: { roc_auc: 0.5 } }), { rules });
    expect(diff.verdict).toBe('failed');
    expect(metricsStatus(diff)).toBe('fail');
    expect(renderMetricsMarkdown(diff)).toContain('**Gates**: 1 of 3 failed, 2 not evaluated');
  });

  it('no gates at all is "none", and no baseline with nothing to check is info, never pass', () => {
    const diff = diffMetrics(undefined, head);
    expect(gatesVerdict(diff.gates)).toBe('none');
    expect(diff.passed).toBe(true);
    expect(metricsStatus(diff)).toBe('info');
  });
});

describe('rules that match no metric', () => {
  const text = 'metrics:\n  roc_auc: { min: 0.9 }\n  "rocauc": { min: 0.9 }\n  "eval.*": { direction: lower }\n';

  it('warn at the line and column of the rule', () => {
    const rules = parseGates(text, '.mlci/gates.yml');
    const diff = diffMetrics(undefined, files({ m: { roc_auc: 0.95, f1: 0.8 } }), { rules });
    expect(unmatchedRules(diff.metrics, rules)).toEqual([
      expect.objectContaining({
        severity: 'warning',
        file: '.mlci/gates.yml',
        line: 3,
        column: 3,
        message: expect.stringContaining('gate rule "rocauc" matches no metric'),
      }),
      expect.objectContaining({ file: '.mlci/gates.yml', line: 4, column: 3, message: expect.stringContaining('"eval.*"') }),
    ]);
    expect(unmatchedRules(diff.metrics, rules)[0].message).toContain('the metrics are named like "roc_auc", "f1"');
  });

  it('when none matches, the verdict is "nothing checked", not "passed"', () => {
    const rules = parseGates('metrics:\n  "val_auc": { min: 0.9 }\n  "*.acc": { max: 1 }\n', 'g.yml');
    const diff = diffMetrics(files({ m: { roc_auc: 0.9 } }), files({ m: { roc_auc: 0.95 } }), { rules });
    expect(diff.gates.every((g) => g.outcome === 'not evaluated')).toBe(true);
    expect(diff.verdict).toBe('nothing checked');
    expect(metricsStatus(diff)).toBe('warn');
    expect(summarizeMetricsDiff(diff)).toBe('1 improved; gates: nothing checked (2 gates not evaluated)');
    expect(renderMetricsMarkdown(diff)).toContain('**Gates**: nothing checked (2 not evaluated)');
    expect(unmatchedRules(diff.metrics, rules).map((p) => p.line)).toEqual([2, 3]);
  });
});

describe('informational metrics (direction none)', () => {
  const rules = parseGates('metrics:\n  n_rows: { direction: none }\n  "*_seconds": { direction: none, max: 100 }\n', 'g.yml');

  it('move with a delta but are never improved or regressed', () => {
    const diff = diffMetrics(
      files({ m: { n_rows: 1000, train_seconds: 50, auc: 0.9, same_seconds: 3 } }),
      files({ m: { n_rows: 1200, train_seconds: 20, auc: 0.8, same_seconds: 3 } }),
      { rules },
    );
    const row = (k: string) => diff.metrics.find((r) => r.key === k)!;
    expect(row('n_rows')).toMatchObject({ direction: 'none', inferred: false, status: 'changed', delta: 200, relative: 0.2 });
    expect(row('train_seconds')).toMatchObject({ direction: 'none', status: 'changed', delta: -30 });
    expect(row('same_seconds').status).toBe('unchanged');
    expect(row('auc').status).toBe('regressed');
    // Absolute bounds still apply to them.
    expect(diff.gates.map((g) => [g.key, g.rule, g.outcome])).toEqual([
      ['train_seconds', 'max 100', 'passed'],
      ['same_seconds', 'max 100', 'passed'],
    ]);
    const md = renderMetricsMarkdown(diff);
    expect(md).toContain('| `n_rows` ○ | 1000 | 1200 | +200 (+20%) | 🔵 changed |');
    expect(summarizeMetricsDiff(diff)).toBe('1 regressed, 2 changed; gates passed');
  });

  it('refuse max-regression, which needs a worse direction, at its line', () => {
    try {
      parseGates('metrics:\n  n_rows:\n    direction: none\n    max-regression: 5\n', 'g.yml');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(UserError);
      expect(e).toMatchObject({ file: 'g.yml', line: 4, column: 5 });
      expect((e as Error).message).toContain('informational (direction: none)');
    }
  });

  it('leave a glob regression rule not evaluated for them', () => {
    const r = parseGates('metrics:\n  n_rows: { direction: none }\n  "*": { max-regression: 1 }\n', 'g.yml');
    const diff = diffMetrics(files({ m: { n_rows: 1 } }), files({ m: { n_rows: 5 } }), { rules: r });
    expect(diff.gates).toEqual([
      { key: 'n_rows', file: 'm', rule: 'max-regression 1', outcome: 'not evaluated', message: 'not evaluated: the metric is informational (direction none)' },
    ]);
  });
});
