import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pullRequestEvent, pushEvent } from '../support/events/index.js';
import { useGitHub } from '../support/loopback.js';
import { BASE, compareMetrics, FIXTURES, filesOf, git, HEAD, METRICS, readJson, repository, shown, workspaceFrom } from './compare-metrics-support.js';

/**
 * compare-metrics as the runner runs it (dist/compare-metrics/index.js), on real DVC metric files
 * (iterative's example-get-started at two commits), with the baseline from the local clone, the
 * loopback GitHub's contents endpoint, or a directory. Inputs and files it refuses are tested
 * in-process (actions/compare-metrics/src/main.test.ts).
 */

const REPO = 'octo/ml';
const TOKEN = 'ghs_compare_metrics_token';
const HEAD_SHA = 'c'.repeat(40);

const gh = useGitHub({ repo: REPO, token: TOKEN });

function pr(extra: Partial<Parameters<typeof pullRequestEvent>[0]> = {}) {
  return { name: 'pull_request', payload: pullRequestEvent({ owner: 'octo', repo: 'ml', number: 5, headSha: HEAD_SHA, baseRef: 'main', ...extra }) };
}

const compare = compareMetrics({ github: gh, token: TOKEN, repository: REPO, event: pr(), inputs: { metrics: METRICS } });

describe('baseline auto on a pull request', () => {
  it('compares with the base branch from the local clone, with params, and writes the diff, markdown and section', async () => {
    const { workspace, baseSha } = await repository(BASE, HEAD);
    const r = await compare({
      workspace,
      inputs: { params: 'params.yaml', gates: '.mlci/gates.yml' },
      files: { '.mlci/gates.yml': await readFile(join(FIXTURES, 'gates/pass.yml')) },
    });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.outputs.passed).toBe('true');
    // scores.json: avg_prec and roc_auc fell; eval/live: both train values fell, both test values rose.
    expect(r.outputs.regressions).toBe('4');
    expect(r.outputs.improvements).toBe('2');

    const diff = await readJson(r.outputs['diff-json']);
    expect(Object.keys(diff)).toEqual(['passed', 'verdict', 'metrics', 'params', 'gates']);
    expect(diff.verdict).toBe('passed');
    expect(diff.passed).toBe(true);
    for (const m of diff.metrics) expect(Object.keys(m)).toEqual(['file', 'key', 'base', 'head', 'delta', 'relative', 'direction', 'status']);
    for (const p of diff.params) expect(Object.keys(p)).toEqual(['file', 'key', 'base', 'head', 'status']);
    for (const g of diff.gates) expect(Object.keys(g)).toEqual(['key', 'rule', 'outcome', 'passed', 'message']);
    const roc = diff.metrics.find((m: any) => m.file === 'scores.json' && m.key === 'roc_auc');
    expect(roc).toEqual({
      file: 'scores.json',
      key: 'roc_auc',
      base: 0.9608017142900953,
      head: 0.9472574041845239,
      delta: 0.9472574041845239 - 0.9608017142900953,
      relative: (0.9472574041845239 - 0.9608017142900953) / 0.9608017142900953,
      direction: 'higher',
      status: 'regressed',
    });
    expect(diff.metrics.find((m: any) => m.key === 'roc_auc.test').status).toBe('improved');
    expect(diff.params.filter((p: any) => p.status !== 'unchanged').map((p: any) => p.key)).toEqual(
      diff.params.filter((p: any) => p.status === 'changed').map((p: any) => p.key),
    );

    const md = await readFile(r.outputs.markdown, 'utf8');
    expect(md).toContain(
      `<sub>Compared with git\\:main \\(local clone\\), commit [\`${baseSha.slice(0, 7)}\`](https://github.com/octo/ml/commit/${baseSha}) (`,
    );
    expect(md).toMatch(/\| `roc_auc` ↑ \| 0\.9608 \| 0\.9473 \| -0\.01354 \(-1\.41%\) \| 🔴 regressed \|/);
    expect(md).toContain('**Gates**: passed');
    expect(r.summary).toMatch(/^### ⚠️ Metrics$/m);
    expect(r.summary).toContain('0.9473');

    const sections = (await readdir(join(workspace, '.mlci-report'))).filter((f) => f.endsWith('.section.json'));
    expect(sections).toHaveLength(1);
    const section = await readJson(join(workspace, '.mlci-report', sections[0]));
    expect(section).toMatchObject({ schema: 'mlci/section@1', action: 'compare-metrics', stage: 'metrics', status: 'warn', markdown: md });
    expect(section.summary).toBe('4 regressed, 2 improved; 3 params changed; gates passed');
    expect(section.data.baseline).toBe(true);
  });

  it('reads the base branch through the API when the checkout is shallow', async () => {
    const workspace = await workspaceFrom(HEAD);
    for (const [path, content] of await filesOf(BASE)) gh.addFile(REPO, 'main', path, content);
    const before = gh.requests.length;
    const r = await compare({ workspace, inputs: { params: 'params.yaml' } });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const md = await shown(r.outputs.markdown);
    expect(md).toContain('Compared with git:main (GitHub API)');
    expect(md).toContain('🔴 regressed');
    // The branch is resolved to its commit once, and every file is read at that sha: a branch
    // that moves meanwhile cannot mix two commits' files.
    const asked = gh.requests.slice(before);
    expect(asked.filter((q) => q.path === '/repos/octo/ml/commits/main')).toHaveLength(1);
    const contents = asked.filter((q) => q.operationId === 'repos/get-content');
    const sha = /\?ref=([0-9a-f]{40})$/.exec(contents[0]?.query ?? '')?.[1];
    expect(sha).toBeDefined();
    expect(md).toContain(`commit [\`${sha!.slice(0, 7)}\`]`);
    expect(contents.map((q) => `${q.path}${q.query}`).sort()).toEqual([
      `/repos/octo/ml/contents/eval/live/metrics.json?ref=${sha}`,
      `/repos/octo/ml/contents/params.yaml?ref=${sha}`,
      `/repos/octo/ml/contents/scores.json?ref=${sha}`,
    ]);
    const diff = await readJson(r.outputs['diff-json']);
    expect(diff.params.find((p: any) => p.key === 'train.n_est')).toBeDefined();
  });
});

describe('baseline auto on push', () => {
  it('compares with the commit before the push, through the API', async () => {
    const before = '1'.repeat(40);
    for (const [path, content] of await filesOf(BASE)) gh.addFile(REPO, before, path, content);
    const workspace = await workspaceFrom(HEAD);
    const r = await compare({
      workspace,
      event: { name: 'push', payload: pushEvent({ owner: 'octo', repo: 'ml', after: HEAD_SHA, before }) },
    });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(await shown(r.outputs.markdown)).toContain(`Compared with git:${before} (GitHub API)`);
    expect(r.outputs.regressions).toBe('4');
  });

  it('has no baseline when the push created the branch', async () => {
    const workspace = await workspaceFrom(HEAD);
    const r = await compare({
      workspace,
      event: { name: 'push', payload: pushEvent({ owner: 'octo', repo: 'ml', after: HEAD_SHA, before: '0'.repeat(40) }) },
    });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const md = await shown(r.outputs.markdown);
    expect(md).toContain('No baseline: the push created the branch');
    expect(md).toContain('| Metric | Value |');
  });
});

describe('baseline git:<ref> and file:<path>', () => {
  it('takes any ref of the local clone', async () => {
    const { workspace, baseSha } = await repository(BASE, HEAD);
    await git(workspace, 'tag', 'v1');
    const r = await compare({ workspace, inputs: { baseline: 'git:v1' } });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(await shown(r.outputs.markdown)).toContain('Compared with git:v1 (local clone)');
    const bySha = await compare({ workspace, inputs: { baseline: `git:${baseSha}` } });
    expect(bySha.outputs.regressions).toBe('4');
    // A ref that reads as an option or a shell command: refused in-process (actions/compare-metrics/src/main.test.ts).
  });

  it('takes a directory laid out like the workspace, or a single file for a single metrics file', async () => {
    const workspace = await workspaceFrom(HEAD);
    const { cp } = await import('node:fs/promises');
    await cp(BASE, join(workspace, 'previous'), { recursive: true });
    const dir = await compare({ workspace, inputs: { baseline: 'file:previous', params: 'params.yaml' } });
    expect(dir.code, dir.stdout + dir.stderr).toBe(0);
    expect(await shown(dir.outputs.markdown)).toContain('Compared with file:previous.');
    expect(dir.outputs.regressions).toBe('4');

    const one = await compare({ workspace, inputs: { metrics: 'scores.json', baseline: 'file:previous/scores.json' } });
    expect(one.code, one.stdout + one.stderr).toBe(0);
    const diff = await readJson(one.outputs['diff-json']);
    expect(diff.metrics.map((m: any) => [m.key, m.status])).toEqual([
      ['avg_prec', 'regressed'],
      ['roc_auc', 'regressed'],
    ]);

    // A single file against two metrics files: refused in-process (actions/compare-metrics/src/main.test.ts).
  });

  it('reports files added and removed since the baseline, found by the glob on both sides', async () => {
    const workspace = await workspaceFrom(HEAD);
    const { cp, rm } = await import('node:fs/promises');
    await cp(BASE, join(workspace, 'previous'), { recursive: true });
    await cp(join(BASE, 'scores.json'), join(workspace, 'previous/eval/old.json'));
    await rm(join(workspace, 'previous/eval/live/metrics.json'));
    const r = await compare({ workspace, inputs: { metrics: 'eval/**/*.json', baseline: 'file:previous' } });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const diff = await readJson(r.outputs['diff-json']);
    const statusOf = (file: string) => [...new Set(diff.metrics.filter((m: any) => m.file === file).map((m: any) => m.status))];
    expect(statusOf('eval/live/metrics.json')).toEqual(['added']);
    expect(statusOf('eval/old.json')).toEqual(['removed']);
  });
});

describe('gates', () => {
  it('fails the step when a gate fails, and only reports with fail-on-regression false', async () => {
    const { workspace } = await repository(BASE, HEAD);
    const files = { '.mlci/gates.yml': await readFile(join(FIXTURES, 'gates/fail.yml')) };
    const r = await compare({ workspace, files, inputs: { gates: '.mlci/gates.yml' } });
    expect(r.code).toBe(1);
    expect(r.outputs.passed).toBe('false');
    const error = r.annotations.find((a) => a.level === 'error');
    expect(error?.message).toMatch(/^1 gate failed: roc_auc max-regression 1%: regressed by 0\.01354 \(1\.41%\), more than the allowed 1% = 0\.009608/);
    const diff = await readJson(r.outputs['diff-json']);
    expect(diff.passed).toBe(false);
    expect(diff.gates.filter((g: any) => g.outcome !== 'passed')).toEqual([
      { key: 'roc_auc', rule: 'max-regression 1%', outcome: 'failed', passed: false, message: expect.stringContaining('more than the allowed') },
    ]);
    expect(await shown(r.outputs.markdown)).toContain('**Gates**: 1 of 3 failed');

    const soft = await compare({ workspace, files, inputs: { gates: '.mlci/gates.yml', 'fail-on-regression': 'false' } });
    expect(soft.code, soft.stdout + soft.stderr).toBe(0);
    expect(soft.outputs.passed).toBe('false');
    expect(soft.annotations.find((a) => a.level === 'warning')?.message).toContain('fail-on-regression is false');
  });

  it('applies absolute bounds without a baseline and skips the regression rules', async () => {
    const workspace = await workspaceFrom(HEAD);
    const r = await compare({
      workspace,
      inputs: { baseline: 'file:nowhere', gates: 'gates.yml' },
      files: { 'gates.yml': await readFile(join(FIXTURES, 'gates/absolute.yml')) },
    });
    expect(r.code).toBe(1);
    const md = await shown(r.outputs.markdown);
    expect(md).toContain('No baseline: file:nowhere does not exist');
    expect(md).toContain('_No baseline to compare with: showing head values only._');
    const diff = await readJson(r.outputs['diff-json']);
    expect(diff.gates.filter((g: any) => g.passed === false).map((g: any) => [g.key, g.rule])).toEqual([['roc_auc', 'min 0.95']]);
    const unevaluated = diff.gates.filter((g: any) => g.outcome === 'not evaluated');
    expect(unevaluated.length).toBeGreaterThan(0);
    for (const g of unevaluated) expect(g).toMatchObject({ passed: null, message: 'not evaluated: no baseline' });
    expect(diff.metrics.every((m: any) => m.status === 'added' && m.base === null)).toBe(true);
  });
});

describe('what the report shows', () => {
  it('escapes names and values so that they cannot break the table or ping anyone', async () => {
    const workspace = await workspaceFrom();
    const r = await compare({
      workspace,
      inputs: { metrics: 'm.json', baseline: 'file:base' },
      files: {
        'm.json': JSON.stringify({ 'a|b @alice <b>': 0.5, note: '`x` | @team <img src=x>' }),
        'base/m.json': JSON.stringify({ 'a|b @alice <b>': 0.4, note: 'old' }),
      },
    });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const md = await readFile(r.outputs.markdown, 'utf8');
    const rows = md.split('\n').filter((l) => l.startsWith('|'));
    // Header, delimiter, two rows: every row has exactly the table's five cells.
    expect(rows).toHaveLength(4);
    for (const row of rows)
      expect(
        row
          .replace(/\\\|/g, '')
          .replace(/&#124;/g, '')
          .split('|'),
      ).toHaveLength(7);
    expect(md).not.toMatch(/@alice|@team/);
    expect(md).not.toMatch(/<b>|<img/);
    expect(md).toContain('<code>a&#124;b &#64;alice &#60;b&#62;</code>');
  });

  it('keeps NaN and Infinity from a Python-written file in the JSON', async () => {
    const workspace = await workspaceFrom();
    const r = await compare({
      workspace,
      inputs: { metrics: 'metrics.json', baseline: 'none' },
      files: { 'metrics.json': await readFile(join(FIXTURES, 'python-metrics.json')) },
    });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const text = await readFile(r.outputs['diff-json'], 'utf8');
    expect(text).toContain('"head": "NaN"');
    expect(text).toContain('"head": "Infinity"');
  });
});
