import { describe, expect, it } from 'vitest';
import { diffMetrics } from './diff.js';
import type { Files } from './flatten.js';
import { parseGates } from './gates.js';
import { renderMetricsMarkdown, summarizeMetricsDiff } from './markdown.js';
import { poolSamples } from './samples.js';

const seeds = (...accs: number[]): Files =>
  new Map([['seed-*/m.json', poolSamples(accs.map((accuracy, i) => ({ path: `seed-${i}/m.json`, text: JSON.stringify({ accuracy }) })))]]);
const gates = (rule: string) => parseGates(`metrics:\n  accuracy: ${rule}\n`, '.mlci/gates.yml');
const BASE = seeds(0.9, 0.91, 0.92, 0.91, 0.9);

describe('max-regression with confidence', () => {
  it('fails only when the metric regressed by more than the limit with that confidence', () => {
    const d = diffMetrics(BASE, seeds(0.85, 0.86, 0.85, 0.86, 0.85), { rules: gates('{ max-regression: 0.01, confidence: 0.95 }') });
    expect(d.gates[0]).toMatchObject({ rule: 'max-regression 0.01 at 95%', outcome: 'failed' });
    expect(d.gates[0].message).toMatch(/^regressed by more than the allowed 0\.01: worse by 0\.04\d* to 0\.06\d* \(95% Welch's t\)$/);
    expect(d.verdict).toBe('failed');
  });

  it('passes when the whole interval is within the limit', () => {
    const d = diffMetrics(BASE, seeds(0.905, 0.91, 0.915, 0.91, 0.905), { rules: gates('{ max-regression: 0.05, confidence: 0.95 }') });
    expect(d.gates[0].outcome).toBe('passed');
    expect(d.verdict).toBe('passed');
  });

  it('is inconclusive, not passed, when the interval reaches past the limit', () => {
    const d = diffMetrics(BASE, seeds(0.86, 0.93, 0.88, 0.91, 0.85), { rules: gates('{ max-regression: 0.01, confidence: 0.95 }') });
    expect(d.gates[0].outcome).toBe('inconclusive');
    expect(d.gates[0].message).toMatch(/^inconclusive: may regress by more than the allowed 0\.01/);
    expect(d.verdict).toBe('nothing checked');
    expect(d.passed).toBe(false);
    expect(summarizeMetricsDiff(d)).toBe('1 inconclusive; gates: nothing decided (1 gate inconclusive)');
    expect(renderMetricsMarkdown(d)).toContain('**Gates**: nothing decided (1 inconclusive)');
  });

  it('a higher confidence widens the interval: a gate that fails at 80% is inconclusive at 99.9%', () => {
    const head = seeds(0.88, 0.895, 0.9, 0.89, 0.885);
    expect(diffMetrics(BASE, head, { rules: gates('{ max-regression: 0.005, confidence: 0.8 }') }).gates[0].outcome).toBe('failed');
    expect(diffMetrics(BASE, head, { rules: gates('{ max-regression: 0.005, confidence: 0.999 }') }).gates[0].outcome).toBe('inconclusive');
  });

  it('on single values with confidence is not evaluated; without, it is the raw check of today', () => {
    const one = (accuracy: number): Files => new Map([['m.json', { accuracy }]]);
    const withConfidence = diffMetrics(one(0.9), one(0.8), { rules: gates('{ max-regression: 0.01, confidence: 0.95 }') });
    expect(withConfidence.gates[0]).toMatchObject({ outcome: 'not evaluated' });
    expect(withConfidence.gates[0].message).toMatch(/^not evaluated: one value per side, no interval/);
    const raw = diffMetrics(one(0.9), one(0.8), { rules: gates('{ max-regression: 0.01 }') });
    expect(raw.gates[0]).toMatchObject({ rule: 'max-regression 0.01', outcome: 'failed' });
  });
});

describe('min-improvement', () => {
  it('passes on an interval wholly better by the limit, never on an inconclusive one', () => {
    const clear = diffMetrics(BASE, seeds(0.95, 0.96, 0.95, 0.96, 0.95), { rules: gates('{ min-improvement: 0.01 }') });
    expect(clear.gates[0]).toMatchObject({ rule: 'min-improvement 0.01 at 95%', outcome: 'passed' });
    const noisy = diffMetrics(BASE, seeds(0.86, 0.99, 0.9, 0.97, 0.92), { rules: gates('{ min-improvement: 0.01 }') });
    expect(noisy.metrics[0].status).toBe('inconclusive');
    expect(noisy.gates[0].outcome).toBe('inconclusive');
    expect(renderMetricsMarkdown(noisy).replace(/\\(.)/g, '$1')).toContain(
      '- 🟡 `accuracy` min-improvement 0.01 at 95%: inconclusive: may fall short of the required 0.01',
    );
    const short = diffMetrics(BASE, seeds(0.9, 0.91, 0.92, 0.91, 0.905), { rules: gates('{ min-improvement: 0.05 }') });
    expect(short.gates[0].outcome).toBe('failed');
  });

  it('on single values compares the raw change, relative limits included', () => {
    const one = (accuracy: number): Files => new Map([['m.json', { accuracy }]]);
    expect(diffMetrics(one(0.8), one(0.9), { rules: gates('{ min-improvement: "10%" }') }).gates[0]).toMatchObject({
      rule: 'min-improvement 10%',
      outcome: 'passed',
    });
    expect(diffMetrics(one(0.8), one(0.85), { rules: gates('{ min-improvement: "10%" }') }).gates[0]).toMatchObject({ outcome: 'failed' });
    expect(diffMetrics(undefined, one(0.85), { rules: gates('{ min-improvement: 0.01 }') }).gates[0]).toMatchObject({ outcome: 'not evaluated' });
  });
});

describe('the gates file', () => {
  it.each([
    ['{ max-regression: 0.01, confidence: 1.5 }', /confidence must be a level between 0 and 1/],
    ['{ max-regression: 0.01, confidence: 0 }', /confidence must be a level between 0 and 1/],
    ['{ min-improvement: -1 }', /min-improvement must be a number ≥ 0/],
    ['{ confidence: 0.9 }', /sets confidence without max-regression or min-improvement/],
    ['{ direction: none, min-improvement: 0.1 }', /informational .* no better direction for min-improvement/],
  ])('refuses %s at its line', (rule, message) => {
    expect(() => gates(rule)).toThrow(expect.objectContaining({ message: expect.stringMatching(message), file: '.mlci/gates.yml', line: 2 }));
  });
});
