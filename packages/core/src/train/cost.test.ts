import { describe, expect, it } from 'vitest';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatChange, formatCost, parseCostPerMinute, runCost } from './cost.js';
import { baseRunUsage, parseCostBaseline } from './cost-baseline.js';
import { trainSection, type TrainReport } from './section.js';

describe('parseCostPerMinute', () => {
  it('takes a plain non-negative number, empty for none', () => {
    expect(parseCostPerMinute('0.008')).toBe(0.008);
    expect(parseCostPerMinute(' 1 ')).toBe(1);
    expect(parseCostPerMinute('')).toBeUndefined();
  });
  it.each(['$0.008', '0.008/min', '-1', '1e-3', 'abc'])('refuses %s naming the input', (v) => {
    expect(() => parseCostPerMinute(v)).toThrow(/"cost-per-minute".*per minute/);
  });
});

describe('formatCost and formatChange', () => {
  it.each([
    [0, '0'],
    [0.0123456, '0.012'],
    [0.00028123, '0.00028'],
    [0.5, '0.50'],
    [3.4, '3.40'],
    [123.456, '123.46'],
  ])('%s is %s', (x, shown) => expect(formatCost(x)).toBe(shown));
  it('signs the change and gives its share of the base', () => {
    expect(formatChange(0.002, 0.01)).toBe('+0.0020 (+20%)');
    expect(formatChange(-0.01, 0.01)).toBe('−0.010 (−100%)');
    expect(formatChange(0, 0.01)).toBe('±0 (±0.0%)');
  });
});

describe('runCost', () => {
  it('is wall time × price, and the change against the base run', () => {
    const c = runCost({ perMinute: 0.008, durationSeconds: 90, base: { durationSeconds: 60, label: 'the base run at abc1234' }, noBase: '' });
    expect(c.run).toBeCloseTo(0.012, 12);
    expect(c.base).toMatchObject({ cost: 0.008, label: 'the base run at abc1234' });
    expect(c.base!.change).toBeCloseTo(0.004, 12);
  });
  it('on a run-cache hit, costs the restore and compares with the cached run when there is no base', () => {
    const c = runCost({ perMinute: 0.6, durationSeconds: 120, hit: { restoreSeconds: 3 }, noBase: 'cost-baseline is none' });
    expect(c.run).toBeCloseTo(0.03, 12);
    expect(c.cachedRun).toBeCloseTo(1.2, 12);
    expect(c.base).toMatchObject({ label: 'the cached run it reused', durationSeconds: 120 });
    expect(c.base!.change).toBeCloseTo(-1.17, 12);
  });
  it('without a base says why, and never invents one', () => {
    const c = runCost({ perMinute: 0.008, durationSeconds: 30, noBase: 'cost-baseline is none' });
    expect(c.base).toBeUndefined();
    expect(c.noBase).toBe('cost-baseline is none');
  });
});

const report = (o: Partial<TrainReport> = {}): TrainReport => ({
  id: 'train',
  command: 'python train.py',
  workingDirectory: '.',
  exitCode: 0,
  durationSeconds: 90,
  cpuSeconds: 80,
  peakRssBytes: 350e6,
  measured: true,
  cache: { kind: 'off' },
  metrics: new Map(),
  ...o,
});

describe('the training section with a price', () => {
  it('shows the cost of the run and of the change', () => {
    const cost = runCost({ perMinute: 0.008, durationSeconds: 90, base: { durationSeconds: 60, label: 'the base run at abc1234' }, noBase: '' });
    const s = trainSection(report({ cost }));
    expect(s.markdown).toContain('| Cost | 0.012 (90.0 s at 0.008 per minute) |');
    expect(s.markdown).toContain('| Cost of the change | +0.0040 (+50%) against the base run at abc1234: 0.0080 (60.0 s) |');
    expect(s.data).toMatchObject({ cost: { perMinute: 0.008 } });
  });
  it('on a run-cache hit, costs the restore and compares with the cached run', () => {
    const cache = { kind: 'hit' as const, key: 'k', origin: { id: '42', time: '2026-01-31T14:05:09.000Z' }, restoreSeconds: 3 };
    const cost = runCost({ perMinute: 0.6, durationSeconds: 120, hit: { restoreSeconds: 3 }, noBase: 'cost-baseline is none' });
    const s = trainSection(report({ durationSeconds: 120, cache, cost }));
    expect(s.markdown).toContain("| Cost | 0.030 (the restore, 3.00 s at 0.6 per minute); the cached run's training cost 1.20 |");
    expect(s.markdown).toContain('| Cost of the change | −1.17 (−98%) against the cached run it reused: 1.20 (120.0 s) |');
  });
  it('says there is no base run to compare, and why', () => {
    const s = trainSection(report({ cost: runCost({ perMinute: 0.008, durationSeconds: 90, noBase: 'no baseline in the cache yet' }) }));
    expect(s.markdown).toContain('| Cost of the change | no base run to compare (no baseline in the cache yet) |');
  });
  it('says no cost at all without a price', () => {
    const s = trainSection(report());
    expect(s.markdown).not.toMatch(/cost/i);
    expect(s.data).toMatchObject({ cost: null });
  });
});

describe('cost-baseline', () => {
  it('takes cache, file:<path> and none; refuses what train cannot read', () => {
    expect(parseCostBaseline('')).toEqual({ kind: 'none' });
    expect(parseCostBaseline('cache')).toEqual({ kind: 'cache' });
    expect(parseCostBaseline('file:base/train.train.json')).toEqual({ kind: 'file', path: 'base/train.train.json' });
    expect(() => parseCostBaseline('git:main')).toThrow(/"cost-baseline".*cache, file:<path> or none/);
    expect(() => parseCostBaseline('artifact:x')).toThrow(/"cost-baseline"/);
  });

  it("reads the base run's time from a train record, and says why when it cannot", async () => {
    const ws = await mkdtemp(join(tmpdir(), 'mlci-cost-'));
    const record = {
      schema: 'mlci/train@1',
      metrics: [],
      params: [],
      usage: { durationSeconds: 75.5, cpuSeconds: 1, peakRssBytes: 1, measured: true, sha: 'b'.repeat(40) },
    };
    await writeFile(join(ws, 'base.json'), JSON.stringify(record));
    await writeFile(join(ws, 'old.json'), JSON.stringify({ ...record, usage: undefined }));
    const o = { workspace: ws, reportDir: ws };
    expect(await baseRunUsage({ kind: 'file', path: 'base.json' }, 'train', o)).toEqual({ durationSeconds: 75.5, label: 'the base run at bbbbbbb' });
    expect(await baseRunUsage({ kind: 'file', path: 'old.json' }, 'train', o)).toMatchObject({ none: expect.stringMatching(/records no run time/) });
    expect(await baseRunUsage({ kind: 'file', path: 'missing.json' }, 'train', o)).toMatchObject({ none: expect.stringMatching(/does not exist/) });
    expect(await baseRunUsage({ kind: 'cache' }, 'train', o)).toEqual({ none: 'the Actions cache is not available here' });
    expect(await baseRunUsage({ kind: 'none' }, 'train', o)).toEqual({ none: 'cost-baseline is none' });
  });
});
