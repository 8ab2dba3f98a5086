// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings are GitHub Actions expressions, not JS templates
import { describe, expect, it } from 'vitest';
import { condition, interpolate } from './workflow-runner.js';

const ctx = {
  inputs: { 'runs-on': '["self-hosted", "gpu"]', train: '', metrics: 'm.json', baseline: '' },
  github: { event_name: 'push', ref_name: 'main', event: { repository: { default_branch: 'main' } } },
  steps: { report: { outputs: { status: 'warn' } } },
  needs: { ml: { result: 'failure' } },
  env: { A: 'x' },
};

describe('the test runner evaluates expressions as the runner does', () => {
  it('keeps the type of one whole expression and makes text of mixed ones', () => {
    expect(interpolate('${{ fromJSON(inputs.runs-on) }}', ctx)).toEqual(['self-hosted', 'gpu']);
    expect(interpolate('status: ${{ steps.report.outputs.status }}!', ctx)).toBe('status: warn!');
    expect(interpolate("${{ inputs.baseline || (inputs.train != '' && 'cache' || 'auto') }}", ctx)).toBe('auto');
    expect(interpolate("${{ github.event_name == 'push' && github.ref_name == github.event.repository.default_branch }}", ctx)).toBe(true);
    expect(interpolate("${{ format('issue/{0}', 12) }}", ctx)).toBe('issue/12');
    expect(interpolate("${{ contains(inputs.metrics, 'json') && startsWith(env.A, 'x') }}", ctx)).toBe(true);
    expect(interpolate('no expression', ctx)).toBe('no expression');
  });

  it('adds success() to a condition without a status function', () => {
    expect(condition("inputs.metrics != ''", ctx, { failed: false })).toBe(true);
    expect(condition("inputs.metrics != ''", ctx, { failed: true })).toBe(false);
    expect(condition('${{ always() }}', ctx, { failed: true })).toBe(true);
    expect(condition('failure()', ctx, { failed: true })).toBe(true);
    expect(condition("!(inputs.train != '')", ctx, { failed: false })).toBe(true);
    expect(condition("needs.ml.result == 'success'", ctx, { failed: false })).toBe(false);
    expect(condition(undefined, ctx, { failed: true })).toBe(false);
  });
});
