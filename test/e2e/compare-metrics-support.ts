import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'vitest';
import type { GitHubServer } from '../support/github/server.js';
import { ROOT, runAction, type RunOptions, type RunResult } from '../support/runner.js';

/** Shared by the compare-metrics end-to-end tests: fixtures laid out as workspaces and repositories. */

export const FIXTURES = join(ROOT, 'test/fixtures/compare-metrics');
export const GET_STARTED = join(FIXTURES, 'get-started');
/** The example's two sides, and its metrics files as the `metrics` input names them. */
export const BASE = join(GET_STARTED, 'base');
export const HEAD = join(GET_STARTED, 'head');
export const METRICS = 'eval/live/metrics.json\nscores.json';

const run = promisify(execFile);

export async function git(cwd: string, ...args: string[]): Promise<string> {
  const { stdout } = await run(
    'git',
    ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args],
    { cwd },
  );
  return stdout.trim();
}

/** A fresh directory with a fixture side (`get-started/base`) copied in. */
export async function workspaceFrom(...dirs: string[]): Promise<string> {
  const ws = await mkdtemp(join(tmpdir(), 'mlci-cm-ws-'));
  for (const d of dirs) await cp(d, ws, { recursive: true });
  return ws;
}

/**
 * A clone as actions/checkout with fetch-depth: 0 leaves it: `main` holds the base side, the
 * checked-out branch `feature` the head side. Returns the workspace and both commits.
 */
export async function repository(base: string | string[], head: string | string[]): Promise<{ workspace: string; baseSha: string; headSha: string }> {
  const workspace = await workspaceFrom(...[base].flat());
  await git(workspace, 'init', '-q');
  await git(workspace, 'add', '-A');
  await git(workspace, 'commit', '-q', '-m', 'base');
  const baseSha = await git(workspace, 'rev-parse', 'HEAD');
  await git(workspace, 'checkout', '-q', '-b', 'feature');
  for (const h of [head].flat()) await cp(h, workspace, { recursive: true });
  await git(workspace, 'add', '-A');
  await git(workspace, 'commit', '-q', '--allow-empty', '-m', 'head');
  return { workspace, baseSha, headSha: await git(workspace, 'rev-parse', 'HEAD') };
}

/** Every file under a fixture side, relative paths and contents, to seed the loopback GitHub. */
export async function filesOf(dir: string): Promise<Array<[string, Buffer]>> {
  const out: Array<[string, Buffer]> = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    const full = join(e.parentPath, e.name);
    out.push([relative(dir, full).split('\\').join('/'), await readFile(full)]);
  }
  return out.sort(([a], [b]) => a.localeCompare(b));
}

export type CompareOptions = Partial<RunOptions> & { inputs?: Record<string, string> };

/**
 * compare-metrics as the runner runs it, with a test file's defaults (its loopback GitHub, token,
 * event, metrics input) under what each call gives; the report goes to `.mlci-report`.
 */
export function compareMetrics(defaults: CompareOptions): (o: CompareOptions) => Promise<RunResult> {
  return (o) => runAction({ action: 'compare-metrics', ...defaults, ...o, inputs: { 'report-dir': '.mlci-report', ...defaults.inputs, ...o.inputs } });
}

export async function readJson(path: string): Promise<any> {
  return JSON.parse(await readFile(path, 'utf8'));
}

/** Markdown as it reads once rendered: backslash escapes removed (`git\:main` shows `git:main`). */
export async function shown(path: string): Promise<string> {
  return (await readFile(path, 'utf8')).replace(/\\(.)/g, '$1');
}

/**
 * Files a user can get wrong, each failing compare-metrics with an error at a place: tested through
 * the bundles in honest-failures.test.ts and in-process in actions/compare-metrics/src.
 */
export const BROKEN: Array<{ name: string; inputs: Record<string, string>; files: Record<string, string>; file: string; line: number }> = [
  {
    name: 'a gates file that is not YAML',
    inputs: { gates: '.mlci/gates.yml' },
    files: { '.mlci/gates.yml': 'metrics:\n  roc_auc: { min: 0.9\n  avg_prec: { min: 0.8 }\n' },
    file: '.mlci/gates.yml',
    line: 3,
  },
  {
    name: 'a plots config of the wrong shape',
    inputs: { plots: '.mlci/plots.yml' },
    files: { '.mlci/plots.yml': 'plots:\n  - id: loss\n    template: linear\n    data: ../../etc/passwd\n' },
    file: '.mlci/plots.yml',
    line: 4,
  },
  {
    name: 'malformed params',
    inputs: { params: 'params.yaml' },
    files: { 'params.yaml': 'train:\n  lr: 0.1\n  lr: 0.2\n' },
    file: 'params.yaml',
    line: 3,
  },
  {
    name: 'malformed metrics',
    inputs: {},
    files: { 'scores.json': '{\n  "avg_prec": 0.9,\n  "roc_auc": 0.95,,\n}\n' },
    file: 'scores.json',
    line: 3,
  },
  {
    name: 'a dvc.yaml plot with a template DVC does not have',
    inputs: { plots: 'dvc.yaml' },
    files: { 'curve.tsv': 'step\tloss\n0\t0.5\n', 'dvc.yaml': 'plots:\n  - curve.tsv:\n      template: histogram\n' },
    file: 'dvc.yaml',
    line: 3,
  },
  {
    name: 'a dvc.yaml whose params lie outside the workspace',
    inputs: { params: 'dvc.yaml' },
    files: { 'dvc.yaml': 'stages:\n  train:\n    cmd: python train.py\n    params:\n      - ../../secrets.yaml:\n          - token\n' },
    file: 'dvc.yaml',
    line: 5,
  },
  {
    name: 'a dvc.yaml plot naming a field its data does not have',
    inputs: { plots: 'dvc.yaml' },
    files: { 'curve.tsv': 'step\tloss\n0\t0.5\n', 'dvc.yaml': 'plots:\n  - curve.tsv:\n      x: step\n      y: los\n' },
    file: 'curve.tsv',
    line: 1,
  },
  {
    name: 'predictions with a duplicate id',
    inputs: { predictions: 'eval/predictions.csv' },
    files: { 'eval/predictions.csv': 'id,actual,predicted\nrow-1,cat,cat\nrow-2,dog,cat\nrow-1,dog,dog\n' },
    file: 'eval/predictions.csv',
    line: 4,
  },
  {
    name: 'predictions without the id column named',
    inputs: { predictions: 'eval/predictions.csv', 'id-column': 'uid' },
    files: { 'eval/predictions.csv': 'id,actual,predicted\nrow-1,cat,cat\n' },
    file: 'eval/predictions.csv',
    line: 1,
  },
];

export type Step = (action: string, o: CompareOptions) => Promise<RunResult>;

/**
 * One BROKEN case through the failing-section contract, the same whether the steps run as bundles
 * (honest-failures.test.ts) or in-process (the adapter's tests): compare-metrics fails with one
 * error annotated at its place and a fail section in place of the one a good run writes (`id`);
 * comment-report, next on the same report directory in a failed job, then posts a report that is
 * not green and a check run that fails.
 */
export async function expectFailingSectionAndReport(
  c: (typeof BROKEN)[number],
  o: { step: Step; gh: GitHubServer; repo: string; headSha: string; number: number; event: RunOptions['event']; id: string; reportDir: string },
): Promise<void> {
  const workspace = await workspaceFrom(HEAD);
  const r = await o.step('compare-metrics', { workspace, event: o.event, files: c.files, inputs: { metrics: METRICS, baseline: 'none', ...c.inputs } });
  expect(r.code).not.toBe(0);

  // One error, annotated once, at its place.
  const errors = r.annotations.filter((a) => a.level === 'error');
  expect(errors, r.stdout).toHaveLength(1);
  expect(errors[0].file).toBe(c.file);
  expect(errors[0].line).toBe(c.line);

  // The section the successful run writes (same id) now says fail, with the error and its place.
  const section = await readJson(join(workspace, o.reportDir, `${o.id}.section.json`));
  expect(section.status).toBe('fail');
  expect(section.action).toBe('compare-metrics');
  expect(section.stage).toBe('metrics');
  expect(section.data.error).toMatchObject({ file: c.file, line: c.line, unexpected: false });
  expect(section.summary).toContain(`${c.file}:${c.line}`);
  expect(section.run).toMatchObject({ id: '4242', attempt: 1, source: 'github' });
  // The step's own summary shows it, as markdown (not inside raw HTML).
  expect(r.summary).toMatch(/^### ❌ Metrics/m);
  expect(r.summary).toContain('compare\\-metrics failed');

  // comment-report, next step, same report directory, job failed: not green, check run fails.
  const report = await o.step('comment-report', { workspace, event: o.event, jobStatus: 'failure', inputs: { 'check-run': 'mlci' } });
  expect(report.code, report.stderr + report.stdout).toBe(0);
  expect(report.outputs.status).toBe('fail');
  const body = o.gh.comments(o.repo, o.number)[0]?.body ?? '';
  expect(body.split('\n')[1]).toBe('## ❌ mlci report');
  expect(body).not.toContain('✅');
  expect(body).toContain('compare\\-metrics failed');
  const check = o.gh
    .checkRuns(o.repo)
    .filter((k) => k.name === 'mlci' && k.head_sha === o.headSha)
    .at(-1);
  expect(check?.conclusion).toBe('failure');
}
