import { execFile } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { pullRequestEvent } from '../support/events/index.js';
import { useGitHub } from '../support/loopback.js';
import { runAction } from '../support/runner.js';
import { BASE, compareMetrics, filesOf, git, GET_STARTED, HEAD, METRICS, readJson, repository, shown, workspaceFrom } from './compare-metrics-support.js';

/**
 * Issue 7, the metrics side, through dist/compare-metrics (and dist/validate-data for the
 * reference): a baseline that does not exist is an error naming the input; a baseline that is
 * legitimately absent leaves the gates that need one "not evaluated", never passed; the report
 * names the baseline's commit and its age; a rule that matches nothing warns at its line and
 * checks nothing; informational metrics are shown, never improved or regressed.
 */

const REPO = 'octo/ml';
const TOKEN = 'ghs_honest_metrics_token';
const HEAD_SHA = 'c'.repeat(40);
const exec = promisify(execFile);

const gh = useGitHub({ repo: REPO, token: TOKEN });

const compare = compareMetrics({
  github: gh,
  token: TOKEN,
  repository: REPO,
  sha: HEAD_SHA,
  event: { name: 'pull_request', payload: pullRequestEvent({ owner: 'octo', repo: 'ml', number: 5, headSha: HEAD_SHA, baseRef: 'main' }) },
  inputs: { metrics: METRICS },
});

async function section(workspace: string): Promise<any> {
  const names = (await readdir(join(workspace, '.mlci-report'))).filter((f) => f.endsWith('.section.json'));
  expect(names).toHaveLength(1);
  return readJson(join(workspace, '.mlci-report', names[0]));
}

const REGRESSION_GATES = 'metrics:\n  roc_auc: { min: 0.5, max-regression: 0.01 }\n  "*.test": { max-regression: "5%" }\n';

describe('a baseline that does not exist', () => {
  it('git:mian in a full clone fails the step naming the input and the value', async () => {
    const { workspace } = await repository(BASE, HEAD);
    // Without a token the full clone is answer enough; with one, GitHub is asked too.
    const r = await compare({ workspace, token: '', inputs: { baseline: 'git:mian' } });
    expect(r.code).toBe(1);
    const errors = r.annotations.filter((a) => a.level === 'error');
    expect(errors.map((a) => a.message)).toContainEqual('input "baseline": git:mian is not a branch, tag or commit of this clone');
    expect(r.stdout + r.summary).not.toContain('No baseline');
    const asked = await compare({ workspace, inputs: { baseline: 'git:mian' } });
    expect(asked.code).toBe(1);
    expect(asked.annotations.find((a) => a.level === 'error')?.message).toBe('input "baseline": git:mian is not a branch, tag or commit of octo/ml');
  });

  it('through the API (a shallow checkout): a branch or a sha GitHub does not know fails, asked at the commits endpoint', async () => {
    const workspace = await workspaceFrom(HEAD);
    const before = gh.requests.length;
    const r = await compare({ workspace, inputs: { baseline: 'git:mian' } });
    expect(r.code).toBe(1);
    expect(r.annotations.find((a) => a.level === 'error')?.message).toBe('input "baseline": git:mian is not a branch, tag or commit of octo/ml');
    const asked = gh.requests.slice(before).map((q) => q.operationId);
    expect(asked).toContain('repos/get-commit');
    // The contents endpoint is never asked: its 404 would read as "the file is new".
    expect(asked).not.toContain('repos/get-content');

    const sha = '9'.repeat(40);
    const bySha = await compare({ workspace, inputs: { baseline: `git:${sha}` } });
    expect(bySha.code).toBe(1);
    expect(bySha.annotations.find((a) => a.level === 'error')?.message).toBe(`input "baseline": git:${sha} is not a branch, tag or commit of octo/ml`);
  });

  it("validate-data's reference git:mian is an error naming the input", async () => {
    const { workspace } = await repository(BASE, HEAD);
    await writeFile(join(workspace, 'train.csv'), 'a,b\n1,x\n2,y\n');
    const r = await runAction({ action: 'validate-data', workspace, inputs: { data: 'train.csv', reference: 'git:mian', 'report-dir': '.mlci-report' } });
    expect(r.code).toBe(1);
    expect(r.annotations.find((a) => a.level === 'error')?.message).toBe('input "reference": git:mian is not a branch, tag or commit of this clone');
    const api = await runAction({
      action: 'validate-data',
      github: gh,
      token: TOKEN,
      repository: REPO,
      workspace: await workspaceFrom(HEAD),
      files: { 'train.csv': 'a,b\n1,x\n' },
      inputs: { data: 'train.csv', reference: 'git:mian', 'report-dir': '.mlci-report' },
    });
    expect(api.code).toBe(1);
    expect(api.annotations.find((a) => a.level === 'error')?.message).toBe('input "reference": git:mian is not a branch, tag or commit of octo/ml');
  });
});

describe('a baseline that is legitimately absent', () => {
  it('(metrics files new in this change) leaves the regression gates not evaluated: warn, passed=false, the step succeeds', async () => {
    // The base branch exists but has none of the metrics files.
    const { workspace } = await repository(join(GET_STARTED, 'base', 'eval', 'live'), HEAD);
    const files = { '.mlci/gates.yml': REGRESSION_GATES };
    const r = await compare({ workspace, files, inputs: { gates: '.mlci/gates.yml' } });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.outputs.passed).toBe('false');
    expect(r.outputs.gates).toBe('incomplete');
    const diff = await readJson(r.outputs['diff-json']);
    expect(diff.verdict).toBe('incomplete');
    const byRule = diff.gates.map((g: any) => [g.key, g.rule, g.outcome, g.passed]);
    expect(byRule).toEqual([
      ['roc_auc', 'min 0.5', 'passed', true],
      ['roc_auc', 'max-regression 0.01', 'not evaluated', null],
      ['avg_prec.test', 'max-regression 5%', 'not evaluated', null],
      ['roc_auc.test', 'max-regression 5%', 'not evaluated', null],
    ]);
    const md = await shown(r.outputs.markdown);
    expect(md).toContain('No baseline: git:main (local clone) has none of the metrics files.');
    expect(md).toContain('**Gates**: 1 passed, 3 not evaluated');
    expect(md).toContain('⚠️ `roc_auc` in `scores.json` max-regression 0.01: not evaluated: no baseline');
    expect(md).not.toMatch(/Gates\*\*: passed/);
    const s = await section(workspace);
    expect(s.status).toBe('warn');
    expect(s.summary).toBe('6 metrics, no baseline; 1 gate passed, 3 not evaluated');
    // No gate failed: the failure annotation is not there.
    expect(r.annotations.filter((a) => a.level === 'error')).toEqual([]);
  });

  it('(an empty cache) reads the same: nothing passed that was not checked', async () => {
    const workspace = await workspaceFrom(HEAD);
    const r = await compare({ workspace, files: { 'g.yml': 'metrics:\n  "*": { max-regression: 0.01 }\n' }, inputs: { baseline: 'cache', gates: 'g.yml' } });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.outputs.gates).toBe('nothing checked');
    expect(r.outputs.passed).toBe('false');
    expect((await section(workspace)).status).toBe('warn');
    expect(await shown(r.outputs.markdown)).toContain('**Gates**: nothing checked (6 not evaluated)');
  });
});

describe("the baseline's commit and age", () => {
  it('from the local clone: the short sha linked to the commit, and how much older than head it is', async () => {
    const workspace = await workspaceFrom(BASE);
    const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1' };
    const at = (date: string) => ({ ...env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date });
    const g = (e: NodeJS.ProcessEnv, ...args: string[]) =>
      exec('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: workspace, env: e });
    await g(env, 'init', '-q', '-b', 'main');
    await g(env, 'add', '-A');
    await g(at('2026-11-27T09:00:00Z'), 'commit', '-q', '-m', 'base');
    const baseSha = await git(workspace, 'rev-parse', 'HEAD');
    await g(env, 'checkout', '-q', '-b', 'feature');
    for (const [path, content] of await filesOf(HEAD)) await writeFile(join(workspace, path), content);
    await g(env, 'add', '-A');
    await g(at('2026-11-30T15:30:00Z'), 'commit', '-q', '-m', 'head');

    const r = await compare({ workspace, serverUrl: 'https://ghe.example.com' });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const md = await readFile(r.outputs.markdown, 'utf8');
    expect(md).toContain(
      `<sub>Compared with git\\:main \\(local clone\\), commit [\`${baseSha.slice(0, 7)}\`](https://ghe.example.com/octo/ml/commit/${baseSha}) (3 days older than head).</sub>`,
    );
    const s = await section(workspace);
    expect(s.data.from).toEqual({ label: 'git:main (local clone)', sha: baseSha, date: '2026-11-27T09:00:00+00:00' });
  });

  it('through the API: the commit GitHub names for the ref', async () => {
    const workspace = await workspaceFrom(HEAD);
    for (const [path, content] of await filesOf(BASE)) gh.addFile(REPO, 'release', path, content);
    const r = await compare({ workspace, inputs: { baseline: 'git:release' } });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const s = await section(workspace);
    expect(s.data.from.sha).toMatch(/^[0-9a-f]{40}$/);
    expect(s.data.from.date).toMatch(/^\d{4}-\d\d-\d\dT/);
    const md = await shown(r.outputs.markdown);
    // The head (not a clone here, and unknown to GitHub) has no date: the base's own is shown.
    expect(md).toContain(
      `Compared with git:release (GitHub API), commit [\`${s.data.from.sha.slice(0, 7)}\`](https://github.com/octo/ml/commit/${s.data.from.sha}) (committed `,
    );
  });
});

describe('a gates file whose rules match no metric', () => {
  it('warns at the rule and says nothing was checked', async () => {
    const { workspace } = await repository(BASE, HEAD);
    const gates = 'metrics:\n  # typos: the metrics are roc_auc and avg_prec\n  rocauc: { min: 0.9 }\n  "avg_precision": { max-regression: 0.01 }\n';
    const r = await compare({ workspace, files: { '.mlci/gates.yml': gates }, inputs: { gates: '.mlci/gates.yml' } });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const warnings = r.annotations.filter((a) => a.level === 'warning' && a.file === '.mlci/gates.yml');
    expect(warnings.map((a) => [a.line, a.col])).toEqual([
      [3, 3],
      [4, 3],
    ]);
    expect(warnings[0].message).toContain('gate rule "rocauc" matches no metric');
    expect(r.outputs.gates).toBe('nothing checked');
    expect(r.outputs.passed).toBe('false');
    const s = await section(workspace);
    expect(s.status).toBe('warn');
    expect(s.summary).toMatch(/; gates: nothing checked \(2 gates not evaluated\)$/);
    expect(await shown(r.outputs.markdown)).toContain('**Gates**: nothing checked (2 not evaluated)');
  });
});

describe('informational metrics (direction none)', () => {
  it('are shown with their change but never counted as improved or regressed', async () => {
    const workspace = await workspaceFrom();
    const r = await compare({
      workspace,
      files: {
        'm.json': JSON.stringify({ auc: 0.9, n_rows: 1200, train_seconds: 40 }),
        'base/m.json': JSON.stringify({ auc: 0.8, n_rows: 1000, train_seconds: 90 }),
        'g.yml': 'metrics:\n  n_rows: { direction: none }\n  "*_seconds": { direction: none }\n',
      },
      inputs: { metrics: 'm.json', baseline: 'file:base', gates: 'g.yml' },
    });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.outputs.improvements).toBe('1');
    expect(r.outputs.regressions).toBe('0');
    const diff = await readJson(r.outputs['diff-json']);
    expect(diff.metrics.map((m: any) => [m.key, m.direction, m.status, m.delta])).toEqual([
      ['auc', 'higher', 'improved', 0.9 - 0.8],
      ['n_rows', 'none', 'changed', 200],
      ['train_seconds', 'none', 'changed', -50],
    ]);
    const md = await shown(r.outputs.markdown);
    expect(md).toContain('| `n_rows` ○ | 1000 | 1200 | +200 (+20%) | 🔵 changed |');
    expect(md).toContain('| `train_seconds` ○ | 90 | 40 | -50 (-55.6%) | 🔵 changed |');
    expect(md).toContain('○ informational');
    expect((await section(workspace)).summary).toBe('1 improved, 2 changed');
  });
});
