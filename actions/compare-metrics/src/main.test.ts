import { cp, readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BROKEN, expectFailingSectionAndReport, GET_STARTED, readJson, repository, workspaceFrom } from '../../../test/e2e/compare-metrics-support.js';
import { pullRequestEvent, pushEvent } from '../../../test/support/events/index.js';
import { startGitHubServer, type GitHubServer } from '../../../test/support/github/server.js';
import { runInProcess, type InProcessResult } from '../../../test/support/in-process.js';
import type { RunOptions } from '../../../test/support/runner.js';

/**
 * The adapter in-process (run(), with the runner's environment, against the loopback GitHub):
 * inputs and files it refuses, each failing the step with an annotation at its place and a failing
 * section in place of its own, which comment-report (in-process too) then reports as failed. The
 * comparisons themselves, and one such failure end to end, run through the bundles in
 * test/e2e/compare-metrics.test.ts and test/e2e/honest-failures.test.ts.
 */

const REPO = 'octo/ml';
const TOKEN = 'ghs_compare_metrics_in_process';
const BOT = 'github-actions[bot]';
const HEAD_SHA = 'a'.repeat(40);
const METRICS = 'eval/live/metrics.json\nscores.json';
const REPORT_DIR = '.mlci-report';
const BASE = join(GET_STARTED, 'base');
const HEAD = join(GET_STARTED, 'head');

let gh: GitHubServer;
let nextPr = 300;

beforeAll(async () => {
  gh = await startGitHubServer();
  gh.addRepo(REPO);
  gh.addToken(TOKEN, { login: BOT, type: 'Bot', installation: true, write: true });
});
afterAll(async () => gh?.close());
afterEach(() => {
  expect(gh.violations).toEqual([]);
});

function pr(number: number) {
  gh.addPull(REPO, { number, headSha: HEAD_SHA, headRef: 'feature', baseRef: 'main' });
  return { name: 'pull_request', payload: pullRequestEvent({ owner: 'octo', repo: 'ml', number, headSha: HEAD_SHA, baseRef: 'main', apiUrl: gh.url }) };
}

function step(action: string, o: Partial<RunOptions> & { inputs?: Record<string, string> }): Promise<InProcessResult> {
  return runInProcess({ action, github: gh, token: TOKEN, repository: REPO, event: pr(nextPr++), ...o, inputs: { 'report-dir': REPORT_DIR, ...o.inputs } });
}

const compare = (o: Partial<RunOptions> & { inputs?: Record<string, string> }) => step('compare-metrics', { ...o, inputs: { metrics: METRICS, ...o.inputs } });

async function sectionOf(workspace: string, id: string): Promise<any> {
  return readJson(join(workspace, REPORT_DIR, `${id}.section.json`));
}

describe('compare-metrics fails with a section of its own, and the report is not green', () => {
  let id: string;
  beforeAll(async () => {
    // The section id, as the successful run writes it: the diff JSON sits in the section's own folder.
    const workspace = await workspaceFrom(HEAD);
    const ok = await compare({ workspace, inputs: { baseline: 'none' } });
    expect(ok.code, ok.stderr + ok.stdout).toBe(0);
    id = basename(dirname(ok.outputs['diff-json']));
    expect((await sectionOf(workspace, id)).status).not.toBe('fail');
  });

  // The first case runs through the bundles (honest-failures.test.ts); the others here.
  for (const c of BROKEN.slice(1)) {
    it(`${c.name}: a fail section at ${c.file}:${c.line}, one error annotation, then a failing report and check run`, async () => {
      const number = nextPr++;
      await expectFailingSectionAndReport(c, { step, gh, repo: REPO, headSha: HEAD_SHA, number, event: pr(number), id, reportDir: REPORT_DIR });
    });
  }

  it('an input the action refuses is a fail section too, naming the input', async () => {
    const workspace = await workspaceFrom(HEAD);
    const r = await compare({ workspace, inputs: { baseline: 'none', precision: 'many' } });
    expect(r.code).not.toBe(0);
    expect(r.annotations.filter((a) => a.level === 'error')).toHaveLength(1);
    const section = await sectionOf(workspace, id);
    expect(section.status).toBe('fail');
    expect(section.data.error.input).toBe('precision');
    expect(section.markdown).toContain('precision');
  });
});

describe('baselines it refuses', () => {
  it('a ref that reads as an option or a shell command is refused before git sees it', async () => {
    const { workspace } = await repository(BASE, HEAD);
    const evil = await compare({ workspace, inputs: { baseline: 'git:--output=/tmp/x;touch pwned' } });
    expect(evil.code).toBe(1);
    expect(evil.annotations[0].message).toContain('is not a git ref');
  });

  it('a single baseline file for two metrics files', async () => {
    const workspace = await workspaceFrom(HEAD);
    await cp(BASE, join(workspace, 'previous'), { recursive: true });
    const many = await compare({ workspace, inputs: { baseline: 'file:previous/scores.json' } });
    expect(many.code).toBe(1);
    expect(many.annotations[0].message).toContain('is a single file, but 2 metrics files are compared');
  });
});

describe('the trend over main', () => {
  it('refuses a max-baseline-age that is not an age, naming the input', async () => {
    const workspace = await workspaceFrom(HEAD);
    const r = await compare({ workspace, inputs: { baseline: 'none', 'max-baseline-age': '14 days' } });
    expect(r.code).toBe(1);
    expect(r.annotations.filter((a) => a.level === 'error').map((a) => a.message)).toEqual([
      expect.stringContaining('input "max-baseline-age": "14 days" is not an age'),
    ]);
  });

  it('a trend without a history is a warning; a history past 1000 runs is refused, naming the input', async () => {
    const workspace = await workspaceFrom(HEAD);
    const unused = await compare({ workspace, inputs: { baseline: 'none', trend: 'roc_auc' } });
    expect(unused.code, unused.stderr + unused.stdout).toBe(0);
    expect(unused.annotations.filter((a) => a.level === 'warning').map((a) => a.message)).toEqual([
      'input "trend" is set but "history" is 0: no history is kept, so no trend is shown.',
    ]);
    const many = await compare({ workspace, inputs: { baseline: 'none', history: '5000' } });
    expect(many.code).toBe(1);
    expect(many.annotations.filter((a) => a.level === 'error').map((a) => a.message)).toEqual([expect.stringContaining('input "history": at most 1000 runs')]);
  });

  it('a push whose token may not write passes, says the history was not appended, and leaves no branch', async () => {
    const readOnly = 'ghs_compare_metrics_read_only';
    gh.addToken(readOnly, { login: BOT, type: 'Bot', installation: true, write: false });
    const { workspace, headSha } = await repository(BASE, HEAD);
    const event = { name: 'push', payload: pushEvent({ owner: 'octo', repo: 'ml', after: headSha }) };
    const r = await compare({ workspace, token: readOnly, sha: headSha, event, inputs: { history: '10' } });
    expect(r.code, r.stderr + r.stdout).toBe(0);
    const warnings = r.annotations.filter((a) => a.title === 'metrics history');
    expect(warnings.map((w) => w.message)).toEqual([expect.stringMatching(/^Metrics history not appended \(.*\): writing it needs `contents: write`/)]);
    expect(gh.refs(REPO)['refs/heads/mlci-history']).toBeUndefined();
  });
});

describe('gates', () => {
  it('refuses a gates file with an unknown setting at its line', async () => {
    const workspace = await workspaceFrom(HEAD);
    const r = await compare({
      workspace,
      inputs: { baseline: 'none', gates: 'gates.yml' },
      files: { 'gates.yml': 'metrics:\n  roc_auc:\n    minimum: 0.9\n' },
    });
    expect(r.code).toBe(1);
    expect(r.annotations[0]).toMatchObject({ level: 'error', file: 'gates.yml', line: 3, col: 5 });
  });
});

describe('files the user got wrong', () => {
  it('fails on a malformed metrics file with its file, line and column', async () => {
    const workspace = await workspaceFrom(HEAD);
    const r = await compare({ workspace, inputs: { baseline: 'none' }, files: { 'scores.json': '{\n  "roc_auc": 0.95,\n  "avg_prec": .5\n}\n' } });
    expect(r.code).toBe(1);
    const placed = r.annotations.filter((a) => a.file);
    expect(placed).toHaveLength(1);
    expect(placed[0]).toMatchObject({ level: 'error', file: 'scores.json', line: 3, col: 15 });
    expect(placed[0].message).toContain('invalid JSON');
  });

  it('warns about a malformed baseline file and compares it as missing', async () => {
    const workspace = await workspaceFrom(HEAD);
    const r = await compare({
      workspace,
      inputs: { baseline: 'file:previous' },
      files: { 'previous/scores.json': 'roc_auc: [0.9\n', 'previous/eval/live/metrics.json': await readFile(join(BASE, 'eval/live/metrics.json')) },
    });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.annotations.find((a) => a.level === 'warning')?.message).toContain("the baseline's scores.json (file:previous) cannot be read");
    const diff = await readJson(r.outputs['diff-json']);
    expect(diff.metrics.filter((m: any) => m.file === 'scores.json').every((m: any) => m.status === 'added')).toBe(true);
  });

  it('refuses an empty metrics input, saying what it is for', async () => {
    const workspace = await workspaceFrom(HEAD);
    const r = await compare({ workspace, inputs: { metrics: ' \n ' } });
    expect(r.code).toBe(1);
    expect(r.annotations.map((a) => [a.level, a.message])).toEqual([
      ['error', 'input "metrics" is required: the metrics files or globs to compare (no train step before this one recorded any)'],
    ]);
    const section = (await readdir(join(workspace, REPORT_DIR))).filter((f) => f.endsWith('.section.json'));
    expect(section).toHaveLength(1);
    expect((await sectionOf(workspace, section[0].replace('.section.json', ''))).data.error.input).toBe('metrics');
  });

  it('says which input is missing', async () => {
    const workspace = await workspaceFrom(HEAD);
    const r = await compare({ workspace, inputs: { metrics: 'results/*.json' } });
    expect(r.code).toBe(1);
    expect(r.annotations[0].message).toBe('input "metrics": the pattern "results/*.json" matches no file');
  });
});

describe('samples', () => {
  const seeds = (accs: number[], dir = '') =>
    Object.fromEntries(accs.map((accuracy, i) => [`${dir}runs/seed-${i}/metrics.json`, JSON.stringify({ accuracy, loss: 1 - accuracy })]));

  it('alone, compares each key as a distribution against the baseline directory', async () => {
    const workspace = await workspaceFrom(HEAD);
    const files = { ...seeds([0.9, 0.95, 0.85, 0.92]), ...seeds([0.91, 0.96, 0.86, 0.9], 'previous/') };
    const r = await compare({ workspace, inputs: { metrics: '', samples: 'runs/seed-*/metrics.json', baseline: 'file:previous' }, files });
    expect(r.code, r.stderr + r.stdout).toBe(0);
    const diff = await readJson(r.outputs['diff-json']);
    expect(diff.metrics.map((m: any) => [m.file, m.key, m.status, m.n])).toEqual([
      ['runs/seed-*/metrics.json', 'accuracy', 'inconclusive', { base: 4, head: 4 }],
      ['runs/seed-*/metrics.json', 'loss', 'inconclusive', { base: 4, head: 4 }],
    ]);
    expect(r.outputs.regressions).toBe('0');
  });

  it('a glob that matches nothing fails, naming the input', async () => {
    const workspace = await workspaceFrom(HEAD);
    const r = await compare({ workspace, inputs: { samples: 'runs/seed-*/metrics.json', baseline: 'none' } });
    expect(r.code).toBe(1);
    expect(r.annotations[0].message).toContain('input "samples": the pattern "runs/seed-*/metrics.json" matches no file');
  });

  it('a broken seed file fails at its file and line', async () => {
    const workspace = await workspaceFrom(HEAD);
    const files = { ...seeds([0.9, 0.95]), 'runs/seed-2/metrics.json': '{\n  "accuracy": 0.9,\n  "loss": .1\n}\n' };
    const r = await compare({ workspace, inputs: { samples: 'runs/seed-*/metrics.json', baseline: 'none' }, files });
    expect(r.code).toBe(1);
    expect(r.annotations.filter((a) => a.file)[0]).toMatchObject({ level: 'error', file: 'runs/seed-2/metrics.json', line: 3 });
  });
});
