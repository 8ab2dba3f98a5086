import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffMetrics } from './diff.js';
import type { Files } from './flatten.js';
import { readFlat } from './load.js';
import { renderMetricsMarkdown } from './markdown.js';
import { distributionOf, poolSamples, readBaselineSamples, readBencher, sampleValues } from './samples.js';

/** Markdown as it reads once rendered: backslash escapes removed. */
const unescaped = (md: string) => md.replace(/\\(.)/g, '$1');
const file = (path: string, body: unknown) => ({ path, text: JSON.stringify(body) });

describe('repeated measurements', () => {
  it('read a list of numbers as that many values, a number as one, nested keys as flatten names them', () => {
    const v = sampleValues({ accuracy: [0.91, 0.93], test: { f1: 0.8, name: 'rf' }, per_class: [[1, 2], [3]] });
    expect(Object.fromEntries(v)).toEqual({ accuracy: [0.91, 0.93], 'test.f1': [0.8], 'per_class[0]': [1, 2], 'per_class[1]': [3] });
  });

  it('pool one file per seed into a mean, with the values beside it', () => {
    const rec = poolSamples([file('s1/m.json', { acc: 0.9 }), file('s2/m.json', { acc: 0.92 }), file('s3/m.json', { acc: [0.94] })]);
    expect(rec.acc).toBeCloseTo(0.92, 12);
    expect(distributionOf(rec, 'acc')).toEqual({ kind: 'values', values: [0.9, 0.92, 0.94] });
  });

  it('say where a broken seed file is', () => {
    expect(() => poolSamples([file('s1/m.json', { acc: 0.9 }), { path: 's2/m.json', text: '{\n "acc": ,\n}' }])).toThrow(
      expect.objectContaining({ file: 's2/m.json', line: 2 }),
    );
  });
});

describe("Bencher's metric format", () => {
  const bmf = { 'sort::quick': { latency: { value: 88, lower_value: 87.4, upper_value: 88.6 }, throughput: { value: 5 } } };

  it('is read as one metric per measure, with its bounds beside the value', () => {
    const rec = readFlat(JSON.stringify(bmf), 'bench.json');
    expect(rec).toEqual({ 'sort::quick.latency': 88, 'sort::quick.throughput': 5 });
    expect(distributionOf(rec, 'sort::quick.latency')).toEqual({ kind: 'bounds', value: 88, lower: 87.4, upper: 88.6 });
  });

  it('is not guessed for other shapes', () => {
    expect(readBencher({ loss: { value: 0.3, step: 4 } })).toBeUndefined();
    expect(readBencher({ loss: 0.3 })).toBeUndefined();
    expect(readBencher({ a: { b: { value: 'x' } } })).toBeUndefined();
    expect(readFlat('{"loss": {"value": 0.3, "step": 4}}', 'm.json')).toEqual({ 'loss.value': 0.3, 'loss.step': 4 });
  });
});

describe('diff of distributions', () => {
  const seeds = (name: string, ...accs: number[]) => poolSamples(accs.map((acc, i) => file(`${name}/seed-${i}/m.json`, { accuracy: acc, loss: 1 - acc })));
  const files = (rec: ReturnType<typeof poolSamples>): Files => new Map([['seed-*/m.json', rec]]);

  it('is improved, regressed or inconclusive by the interval, direction aware', () => {
    const diff = diffMetrics(files(seeds('b', 0.9, 0.91, 0.92, 0.9, 0.91)), files(seeds('h', 0.95, 0.96, 0.95, 0.97, 0.96)));
    const byKey = Object.fromEntries(diff.metrics.map((r) => [r.key, r]));
    expect(byKey.accuracy.status).toBe('improved');
    expect(byKey.loss.status).toBe('improved');
    expect(byKey.accuracy.spread?.n).toEqual({ base: 5, head: 5 });
    expect(byKey.accuracy.spread?.interval?.method).toBe('welch');
    expect(byKey.accuracy.spread?.interval?.low).toBeGreaterThan(0);
    expect(byKey.loss.spread?.interval?.high).toBeLessThan(0);

    const noisy = diffMetrics(files(seeds('b', 0.9, 0.95, 0.85, 0.92)), files(seeds('h', 0.91, 0.96, 0.86, 0.9)));
    expect(noisy.metrics.map((r) => r.status)).toEqual(['inconclusive', 'inconclusive']);
    // The raw means moved: as single values this would be a verdict.
    expect(noisy.metrics[0].delta).not.toBe(0);
  });

  it('shows the mean with n and the interval in the table, escaped, and says which method', () => {
    const md = unescaped(renderMetricsMarkdown(diffMetrics(files(seeds('b', 0.9, 0.91, 0.92)), files(seeds('h', 0.9, 0.915, 0.93)))));
    expect(md).toContain('| Metric | Base | Head | Change | Interval (95%) | Verdict |');
    expect(md).toMatch(/\| 0\.91 \(n=3\) \| 0\.915 \(n=3\) \|/);
    expect(md).toContain('| -0.02566 to +0.03566 (Welch) | 🟡 inconclusive |');
    expect(md).toContain("Welch's t (Welch–Satterthwaite degrees of freedom)");
  });

  it('keeps a table without distributions as it was', () => {
    const md = renderMetricsMarkdown(diffMetrics(new Map([['m.json', { acc: 0.9 }]]), new Map([['m.json', { acc: 0.95 }]])));
    expect(md).toContain('| Metric | Base | Head | Change | Verdict |');
    expect(md).not.toContain('Interval');
  });

  it("compares Bencher's bounds: overlapping ranges are inconclusive, apart ones a verdict", () => {
    const bench = (v: number, lo: number, hi: number) =>
      new Map([['b.json', readFlat(JSON.stringify({ sort: { latency: { value: v, lower_value: lo, upper_value: hi } } }), 'b.json')]]);
    expect(diffMetrics(bench(88, 87, 89), bench(87.5, 86, 88.5)).metrics[0]).toMatchObject({
      status: 'inconclusive',
      spread: { interval: { low: -3, high: 1.5 } },
    });
    expect(diffMetrics(bench(88, 87, 89), bench(80, 79, 81)).metrics[0].status).toBe('improved');
    const md = unescaped(renderMetricsMarkdown(diffMetrics(bench(88, 87, 89), bench(80, 79, 81))));
    expect(md).toContain('| 88 [87, 89] | 80 [79, 81] |');
  });

  it('is inconclusive with one seed on a side, and says why', () => {
    const d = diffMetrics(files(seeds('b', 0.9)), files(seeds('h', 0.95, 0.96, 0.97)));
    expect(d.metrics[0].status).toBe('inconclusive');
    expect(d.metrics[0].spread?.reason).toBe('a single value on the base side: no spread to compare with');
  });

  it('swapping base and head swaps improved and regressed, and keeps inconclusive and unchanged', () => {
    const flip = { improved: 'regressed', regressed: 'improved', inconclusive: 'inconclusive', unchanged: 'unchanged' } as Record<string, string>;
    const accs = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 2, maxLength: 8 });
    fc.assert(
      fc.property(accs, accs, (b, h) => {
        const [sb, sh] = [files(seeds('b', ...b)), files(seeds('h', ...h))];
        const ab = diffMetrics(sb, sh).metrics;
        const ba = diffMetrics(sh, sb).metrics;
        for (let i = 0; i < ab.length; i++) expect(ba[i].status).toBe(flip[ab[i].status]);
      }),
    );
  });
});

describe('the base side of samples', () => {
  const base: Record<string, string> = {
    'seed-0/m.json': '{"acc": 0.9}',
    'seed-1/m.json': '{"acc": 0.92}',
    'seed-2/m.json': '{"acc": 0.94}',
    'seed-3/m.json': '{"acc": 0.96}',
  };
  const source = (canList: boolean) => ({
    label: 'git:main',
    read: async (path: string) => (Object.hasOwn(base, path) ? Buffer.from(base[path]) : undefined),
    list: async () => (canList ? Object.keys(base) : []),
  });
  const head = new Map([['seed-*/m.json', ['seed-0/m.json', 'seed-1/m.json']]]);

  it('takes the seeds the base lists, and the head seeds where a source cannot list', async () => {
    const listed = await readBaselineSamples(source(true), ['seed-*/m.json'], '/ws', head);
    expect(distributionOf(listed.files.get('seed-*/m.json'), 'acc')).toEqual({ kind: 'values', values: [0.9, 0.92, 0.94, 0.96] });
    const unlisted = await readBaselineSamples(source(false), ['seed-*/m.json'], '/ws', head);
    expect(distributionOf(unlisted.files.get('seed-*/m.json'), 'acc')).toEqual({ kind: 'values', values: [0.9, 0.92] });
  });

  it('leaves out a broken base side with a warning', async () => {
    base['seed-1/m.json'] = '{"acc": }';
    const r = await readBaselineSamples(source(true), ['seed-*/m.json'], '/ws', head);
    expect(r.files.size).toBe(0);
    expect(r.problems[0]).toMatchObject({ severity: 'warning', title: 'Baseline samples skipped' });
    expect(r.problems[0].message).toContain('in seed-1/m.json at line 1');
  });
});
