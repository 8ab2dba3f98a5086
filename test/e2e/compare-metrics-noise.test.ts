import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { mlci } from '../support/cli.js';
import { pullRequestEvent } from '../support/events/index.js';
import { useGitHub } from '../support/loopback.js';
import { compareMetrics, FIXTURES, readJson, repository } from './compare-metrics-support.js';

/**
 * Noise-aware verdicts through the bundle, on real data: scikit-learn cross-validates a logistic
 * regression on its breast cancer data with 5 seeds (5 folds each) for the base (C=0.05) and the
 * head (C=1), one metrics file per seed. compare-metrics reads them through the `samples` glob;
 * the intervals, sizes and verdicts it writes must match an independent computation (numpy and
 * scipy's t quantile, test/fixtures/compare-metrics/noise/welch.py).
 */

const REPO = 'octo/ml';
const TOKEN = 'ghs_noise_token';
const NOISE = join(FIXTURES, 'noise');
const SAMPLES = 'metrics/seed-*/metrics.json';
const python = (...args: string[]) => promisify(execFile)('/usr/bin/python3', args, { maxBuffer: 1 << 24 });

const gh = useGitHub({ repo: REPO, token: TOKEN });
const event = { name: 'pull_request', payload: pullRequestEvent({ owner: 'octo', repo: 'ml', number: 9, headSha: 'e'.repeat(40), baseRef: 'main' }) };
const compare = compareMetrics({ github: gh, token: TOKEN, repository: REPO, event, inputs: { samples: SAMPLES } });

interface Reference {
  base: number;
  head: number;
  n_base: number;
  n_head: number;
  low: number;
  high: number;
  df: number;
  sd_base: number;
  sd_head: number;
}

const DIRECTION: Record<string, 'higher' | 'lower'> = {
  accuracy: 'higher',
  roc_auc: 'higher',
  log_loss: 'lower',
  recall: 'higher',
  precision: 'higher',
  f1: 'higher',
};

/** The verdict the interval calls for, written out plainly: a side of zero, or noise. */
function expectedVerdict(key: string, r: Reference): string {
  if (r.low <= 0 && r.high >= 0) return 'inconclusive';
  return r.low > 0 === (DIRECTION[key] === 'higher') ? 'improved' : 'regressed';
}

let base: string;
let head: string;
let reference: Record<string, Reference>;

beforeAll(async () => {
  const root = await mkdtemp(join(tmpdir(), 'mlci-noise-'));
  [base, head] = [join(root, 'base'), join(root, 'head')];
  await Promise.all([python(join(NOISE, 'cv.py'), 'base', base), python(join(NOISE, 'cv.py'), 'head', head)]);
  reference = JSON.parse((await python(join(NOISE, 'welch.py'), base, head)).stdout);
  // The same runs in Bencher's metric format, as a benchmark harness would report them: the mean
  // over the seeds, with the lowest and highest seed as the bounds.
  for (const side of [base, head]) {
    const runs = await Promise.all([0, 1, 2, 3, 4].map(async (i) => readJson(join(side, 'metrics', `seed-${i}`, 'metrics.json'))));
    const measure = (key: string) => {
      const xs = runs.map((r) => r[key] as number);
      return { value: xs.reduce((a, x) => a + x, 0) / xs.length, lower_value: Math.min(...xs), upper_value: Math.max(...xs) };
    };
    await writeFile(join(side, 'bench.json'), JSON.stringify({ 'logreg::cv5': { accuracy: measure('accuracy'), roc_auc: measure('roc_auc') } }, null, 2));
  }
}, 120_000);

const GATES = [
  'metrics:',
  '  accuracy: { min-improvement: 0.004 }',
  '  roc_auc: { min-improvement: 0.001 }',
  '  recall: { max-regression: 0.005, confidence: 0.95 }',
  '',
].join('\n');

describe('compare-metrics on 5 seeds of cross-validation', () => {
  it("writes Welch's intervals, sizes and verdicts that match scipy", async () => {
    const { workspace } = await repository(base, head);
    const r = await compare({ workspace, inputs: { gates: '.mlci/gates.yml' }, files: { '.mlci/gates.yml': GATES } });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const diff = await readJson(r.outputs['diff-json']);
    expect(Object.keys(diff)).toEqual(['passed', 'verdict', 'metrics', 'params', 'gates']);
    expect(diff.metrics.map((m: any) => m.key).sort()).toEqual(Object.keys(reference).sort());
    for (const m of diff.metrics) {
      const ref = reference[m.key];
      expect(m.file).toBe(SAMPLES);
      expect(m.base).toBeCloseTo(ref.base, 12);
      expect(m.head).toBeCloseTo(ref.head, 12);
      expect(m.n).toEqual({ base: ref.n_base, head: ref.n_head });
      expect(m.sd.base).toBeCloseTo(ref.sd_base, 12);
      expect(m.ci.method).toBe('welch');
      expect(m.ci.level).toBe(0.95);
      expect(m.ci.low).toBeCloseTo(ref.low, 10);
      expect(m.ci.high).toBeCloseTo(ref.high, 10);
      expect(m.ci.df).toBeCloseTo(ref.df, 8);
      expect(m.status, m.key).toBe(expectedVerdict(m.key, ref));
    }
    // What the data say (and the reference agrees with): the head is better but for roc_auc, whose
    // change is within the noise, and recall, which fell a little but surely.
    const status = Object.fromEntries(diff.metrics.map((m: any) => [m.key, m.status]));
    expect(status).toEqual({ accuracy: 'improved', roc_auc: 'inconclusive', log_loss: 'improved', recall: 'regressed', precision: 'improved', f1: 'improved' });

    // min-improvement passes on the interval's worst case; an inconclusive one is never a pass.
    const gate = Object.fromEntries(diff.gates.map((g: any) => [g.key, g]));
    expect(gate.accuracy).toMatchObject({ rule: 'min-improvement 0.004 at 95%', outcome: reference.accuracy.low >= 0.004 ? 'passed' : 'inconclusive' });
    expect(gate.accuracy.outcome).toBe('passed');
    expect(gate.roc_auc).toMatchObject({ outcome: 'inconclusive', passed: null });
    const worst = -reference.recall.low;
    const best = -reference.recall.high;
    expect(gate.recall.outcome).toBe(best > 0.005 ? 'failed' : worst <= 0.005 ? 'passed' : 'inconclusive');
    expect(diff.verdict).toBe('incomplete');
    expect(diff.passed).toBe(false);
    expect(r.outputs.gates).toBe('incomplete');

    const md = await readFile(r.outputs.markdown, 'utf8');
    const rendered = md.replace(/\\(.)/g, '$1');
    expect(rendered).toContain('| Metric | Base | Head | Change | Interval (95%) | Verdict |');
    const shown4 = (x: number) => String(Number(x.toPrecision(4)));
    expect(rendered).toContain(`| ${shown4(reference.accuracy.base)} (n=5) | ${shown4(reference.accuracy.head)} (n=5) |`);
    expect(rendered).toMatch(/\| `roc_auc` ↑\\?\*? \| .* \(Welch\) \| 🟡 inconclusive \|/);
    expect(rendered).toContain("Welch's t (Welch–Satterthwaite degrees of freedom)");
    expect(rendered).toContain('- 🟡 `roc_auc` min-improvement 0.001 at 95%: inconclusive: may fall short of the required 0.001: better by');

    const sections = (await readdir(join(workspace, '.mlci-report'))).filter((f) => f.endsWith('.section.json'));
    const section = await readJson(join(workspace, '.mlci-report', sections[0]));
    expect(section.summary).toBe('1 regressed, 4 improved, 1 inconclusive; 1 gate passed, 2 inconclusive');
  });

  it('fails the step when the metric regressed by more than the limit with 95% confidence', async () => {
    const { workspace } = await repository(base, head);
    const limit = 0.002;
    const r = await compare({
      workspace,
      inputs: { gates: '.mlci/gates.yml' },
      files: { '.mlci/gates.yml': `metrics:\n  recall: { max-regression: ${limit}, confidence: 0.95 }\n` },
    });
    // Surely worse by more than 0.002: the whole interval is beyond it (the reference says so too).
    expect(-reference.recall.high).toBeGreaterThan(limit);
    expect(r.code).toBe(1);
    const diff = await readJson(r.outputs['diff-json']);
    expect(diff.gates[0]).toMatchObject({ key: 'recall', rule: 'max-regression 0.002 at 95%', outcome: 'failed', passed: false });
    // A workflow command escapes % as %25.
    expect((r.stdout + r.stderr).replaceAll('%25', '%')).toContain('recall max-regression 0.002 at 95%: regressed by more than the allowed 0.002');
  });

  it('mlci compare --samples gives the same verdicts', async () => {
    const { workspace } = await repository(base, head);
    const r = await mlci(['compare', '--samples', SAMPLES, '--baseline', 'git:main', '--report-dir', 'out'], { cwd: workspace });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^roc_auc ↑\* .*\(Welch\) +🟡 inconclusive$/m);
    expect(r.stdout).toContain('mlci compare: 1 regressed, 4 improved, 1 inconclusive');
  });

  it("reads Bencher's metric format: the bounds shown, the interval every difference the ranges allow", async () => {
    const { workspace } = await repository(base, head);
    const r = await compare({ workspace, inputs: { samples: '', metrics: 'bench.json' } });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const diff = await readJson(r.outputs['diff-json']);
    const [b, h] = await Promise.all([readJson(join(base, 'bench.json')), readJson(join(head, 'bench.json'))]);
    for (const m of diff.metrics) {
      const measure = m.key.replace('logreg::cv5.', '');
      const [bm, hm] = [b['logreg::cv5'][measure], h['logreg::cv5'][measure]];
      expect(m).toMatchObject({ base: bm.value, head: hm.value, n: { base: 1, head: 1 } });
      expect(m.bounds).toEqual({ base: { lower: bm.lower_value, upper: bm.upper_value }, head: { lower: hm.lower_value, upper: hm.upper_value } });
      expect(m.ci).toMatchObject({ method: 'bounds', level: null });
      expect(m.ci.low).toBeCloseTo(hm.lower_value - bm.upper_value, 15);
      expect(m.ci.high).toBeCloseTo(hm.upper_value - bm.lower_value, 15);
      const apart = hm.lower_value > bm.upper_value || hm.upper_value < bm.lower_value;
      expect(m.status).toBe(apart ? (hm.value > bm.value ? 'improved' : 'regressed') : 'inconclusive');
    }
    // accuracy's ranges over the seeds are apart; roc_auc's overlap.
    expect(diff.metrics.map((m: any) => [m.key, m.status])).toEqual([
      ['logreg::cv5.accuracy', 'improved'],
      ['logreg::cv5.roc_auc', 'inconclusive'],
    ]);
    const rendered = (await readFile(r.outputs.markdown, 'utf8')).replace(/\\(.)/g, '$1');
    const four = (x: number) => String(Number(x.toPrecision(4)));
    const acc = b['logreg::cv5'].accuracy;
    expect(rendered).toContain(`| ${four(acc.value)} [${four(acc.lower_value)}, ${four(acc.upper_value)}] |`);
    expect(rendered).toContain("bounds: [lower, upper] as Bencher's format gives them");
  });
});
