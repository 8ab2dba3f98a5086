import { describe, expect, it } from 'vitest';
import { trainSection, trainSectionId, type TrainReport } from './section.js';

const report = (o: Partial<TrainReport> = {}): TrainReport => ({
  id: 'train',
  command: 'python train.py',
  workingDirectory: '.',
  exitCode: 0,
  durationSeconds: 12.34,
  cpuSeconds: 20,
  peakRssBytes: 350e6,
  measured: true,
  cache: { kind: 'miss', key: 'mlci-train-v1-abc', saved: 'saved' },
  metrics: new Map([['metrics.json', { accuracy: 0.95123, note: '<b>@alice</b>' }]]),
  ...o,
});

describe('trainSection', () => {
  it('shows the figures, the cache and the metrics, data escaped', () => {
    const s = trainSection(report());
    expect(s.status).toBe('pass');
    expect(s.summary).toBe('trained in 12.3 s, peak memory 350 MB');
    expect(s.markdown).toContain('| CPU time | 20.0 s |');
    expect(s.markdown).toContain('| Run-cache | miss, saved for the next run: `mlci-train-v1-abc` |');
    expect(s.markdown).toContain('| `accuracy` | 0.9512 |');
    expect(s.markdown).toContain('| `note` | &lt;b&gt;@&#8203;alice&lt;/b&gt; |');
  });

  it('says which run a hit came from, linked', () => {
    const s = trainSection(
      report({
        cache: {
          kind: 'hit',
          key: 'k',
          origin: { id: '42', sha: 'c'.repeat(40), time: '2026-01-31T14:05:09.000Z', url: 'https://github.com/o/r/actions/runs/42' },
          restoreSeconds: 0.5,
        },
      }),
    );
    expect(s.markdown).toContain('**Skipped: nothing changed.** Outputs, metrics and log were restored from the run-cache in 0.50 s.');
    expect(s.markdown).toContain('hit: from [run 42](https://github.com/o/r/actions/runs/42) at `ccccccc`, 2026\\-01\\-31 14\\:05 UTC: `k`');
  });

  it('never shows a figure it could not measure', () => {
    const s = trainSection(report({ measured: false, cpuSeconds: 0, peakRssBytes: 0 }));
    expect(s.markdown.match(/not measured \(no \/proc on this system\)/g)).toHaveLength(2);
    expect(s.summary).toBe('trained in 12.3 s');
    expect(s.data).toMatchObject({ cpuSeconds: null, peakMemoryBytes: null });
  });

  it('a failure shows the exit code and the log tail', () => {
    const s = trainSection(report({ exitCode: 2, logTail: 'Traceback\nValueError: bad', cache: { kind: 'miss', key: 'k', saved: 'failed run' } }));
    expect(s.status).toBe('fail');
    expect(s.summary).toBe('failed: exit code 2');
    expect(s.markdown).toContain('```text\nTraceback\nValueError: bad\n```');
    expect(s.markdown).toContain('miss, not saved: the run failed');
  });
});

describe('trainSectionId', () => {
  it('names the working directory however it is spelled', () => {
    for (const wd of ['', '.', './', ' . ']) expect(trainSectionId(wd)).toBe('train');
    for (const wd of ['models/churn', './models/churn/', 'models//churn']) expect(trainSectionId(wd)).toBe('train-models-churn');
    expect(trainSectionId('a b/../c')).toBe('train-c');
  });
});
