import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Octokit } from '@octokit/core';
import { expect, it } from 'vitest';
import { pullRequestEvent, pushEvent } from '../support/events/index.js';
import { useGitHub } from '../support/loopback.js';
import { runAction, type RunResult } from '../support/runner.js';
import { FIXTURES, readJson } from './compare-metrics-support.js';

/**
 * The trend over main through the bundles: six pushes to main, each a real scikit-learn run
 * (logistic regression on the breast cancer data, a different C and seed each time), append to
 * the history on the mlci-history branch of the loopback GitHub, which keeps the last four. A pull
 * request then shows where its own run stands against those four (ranks, best and worst worked out
 * here from the runs' own metrics files), warns that its baseline (main's last commit, dated 30
 * days ago) is older than max-baseline-age, skips a malformed entry with a warning, and writes no
 * history. comment-report posts it with the trend charts.
 */

const REPO = 'octo/ml';
const TOKEN = 'ghs_trend_token';
const PR = 31;
const KEEP = 4;
const TRAIN = join(FIXTURES, 'trend', 'train.py');
const DAY = 86_400_000;
/** (C, seed) of main's six runs, then the pull request's. */
const MAIN_RUNS: Array<[string, string]> = [
  ['0.001', '1'],
  ['0.01', '2'],
  ['0.05', '3'],
  ['0.3', '4'],
  ['1', '5'],
  ['3', '6'],
];
const PR_RUN: [string, string] = ['0.5', '6'];

const gh = useGitHub({ repo: REPO, token: TOKEN, write: true });
const exec = promisify(execFile);

async function git(cwd: string, args: string[], date?: Date): Promise<string> {
  const env = { ...process.env, ...(date ? { GIT_AUTHOR_DATE: date.toISOString(), GIT_COMMITTER_DATE: date.toISOString() } : {}) };
  const { stdout } = await exec('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd, env });
  return stdout.trim();
}

/** Trains with (C, seed) in the workspace and commits metrics.json; returns the commit and the metrics. */
async function trainAndCommit(workspace: string, [c, seed]: [string, string], date: Date): Promise<{ sha: string; metrics: Record<string, number> }> {
  await exec('/usr/bin/python3', [TRAIN, c, seed], { cwd: workspace });
  await git(workspace, ['add', '-A']);
  await git(workspace, ['commit', '-q', '-m', `train C=${c} seed=${seed}`], date);
  return { sha: await git(workspace, ['rev-parse', 'HEAD']), metrics: JSON.parse(await readFile(join(workspace, 'metrics.json'), 'utf8')) };
}

const INPUTS = { metrics: 'metrics.json', gates: '.mlci/gates.yml', history: String(KEEP), trend: 'log_loss', 'report-dir': '.mlci-report' };

/** Where `head` stands among `past` (newest last), worked out plainly: rank, best, worst. */
function expected(head: number, past: Array<{ sha: string; value: number }>, higher: boolean) {
  const better = (a: number, b: number) => (higher ? a > b : a < b);
  const sorted = [...past].sort((a, b) => (higher ? b.value - a.value : a.value - b.value));
  const best = past.filter((p) => p.value === sorted[0].value).at(-1)!;
  const worst = past.filter((p) => p.value === sorted.at(-1)!.value).at(-1)!;
  return { rank: 1 + past.filter((p) => better(p.value, head)).length, best, worst };
}

const ordinal = (n: number) => `${n}${['th', 'st', 'nd', 'rd'][n % 10 > 3 || Math.floor(n / 10) === 1 ? 0 : n % 10]}`;

async function historyFile(api: Octokit): Promise<{ ref: string; entries: any[] }> {
  const ref = gh.refs(REPO)['refs/heads/mlci-history'];
  const files = (await api.request('GET /repos/{owner}/{repo}/git/trees/{tree_sha}', { owner: 'octo', repo: 'ml', tree_sha: ref, recursive: '1' })).data.tree;
  const file = files.find((f: { path: string; sha: string }) => /^history\/[0-9a-f]{12}\.json$/.test(f.path));
  const blob = await api.request('GET /repos/{owner}/{repo}/git/blobs/{file_sha}', { owner: 'octo', repo: 'ml', file_sha: file!.sha });
  return { ref, entries: JSON.parse(Buffer.from(blob.data.content, 'base64').toString('utf8')).entries };
}

it('appends main pushes to the history, and shows a pull request where it stands against the last runs', async () => {
  const api = new Octokit({ auth: TOKEN, baseUrl: gh.url });
  const workspace = await mkdtemp(join(tmpdir(), 'mlci-trend-'));
  await git(workspace, ['init', '-q', '-b', 'main']);
  await git(workspace, ['config', 'core.autocrlf', 'false']);
  const step = (o: { sha: string; event: { name: string; payload: object }; runId: number; inputs?: Record<string, string> }): Promise<RunResult> =>
    runAction({
      action: 'compare-metrics',
      github: gh,
      token: TOKEN,
      repository: REPO,
      workspace,
      sha: o.sha,
      event: o.event,
      env: { GITHUB_RUN_ID: String(o.runId) },
      files: { '.mlci/gates.yml': 'metrics:\n  roc_auc: { min: 0.95 }\n' },
      inputs: { ...INPUTS, ...o.inputs },
    });

  // Six pushes to main, the last one 30 days ago; a history of four is kept.
  const runs: Array<{ sha: string; metrics: Record<string, number> }> = [];
  for (const [i, config] of MAIN_RUNS.entries()) {
    const run = await trainAndCommit(workspace, config, new Date(Date.now() - (40 - i * 2) * DAY));
    runs.push(run);
    const r = await step({ sha: run.sha, event: { name: 'push', payload: pushEvent({ owner: 'octo', repo: 'ml', after: run.sha }) }, runId: 1000 + i });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain(`Metrics history: ${run.sha.slice(0, 7)} appended to mlci-history:history/`);
    expect(r.annotations.filter((a) => a.level !== 'notice')).toEqual([]);
  }
  const history = await historyFile(api);
  expect(history.entries.map((e) => e.sha)).toEqual(runs.slice(-KEEP).map((r) => r.sha));
  expect(history.entries.map((e) => e.runId)).toEqual([1002, 1003, 1004, 1005]);
  expect(history.entries.at(-1).metrics['metrics.json']).toEqual(runs.at(-1)!.metrics);

  // Someone edits the history by hand: an entry of the wrong shape, which the pull request skips.
  const { data: parent } = await api.request('GET /repos/{owner}/{repo}/git/commits/{commit_sha}', { owner: 'octo', repo: 'ml', commit_sha: history.ref });
  const treeFiles = (await api.request('GET /repos/{owner}/{repo}/git/trees/{tree_sha}', { owner: 'octo', repo: 'ml', tree_sha: history.ref, recursive: '1' }))
    .data.tree as Array<{ path: string }>;
  const path = treeFiles.find((f) => f.path.startsWith('history/'))!.path;
  const edited = { schema: 'mlci/history@1', entries: [{ sha: 'HEAD~1', time: 'yesterday', metrics: { 'metrics.json': { roc_auc: 2 } } }, ...history.entries] };
  const { data: tree } = await api.request('POST /repos/{owner}/{repo}/git/trees', {
    owner: 'octo',
    repo: 'ml',
    base_tree: parent.tree.sha,
    tree: [{ path, mode: '100644', type: 'blob', content: JSON.stringify(edited) }],
  });
  const { data: commit } = await api.request('POST /repos/{owner}/{repo}/git/commits', {
    owner: 'octo',
    repo: 'ml',
    message: 'edit',
    tree: tree.sha,
    parents: [history.ref],
  });
  await api.request('PATCH /repos/{owner}/{repo}/git/refs/{ref}', { owner: 'octo', repo: 'ml', ref: 'heads/mlci-history', sha: commit.sha });

  // The pull request: its own run, compared with main's last commit (30 days old) and main's history.
  await git(workspace, ['checkout', '-q', '-b', 'feature']);
  const head = await trainAndCommit(workspace, PR_RUN, new Date());
  gh.addPull(REPO, { number: PR, headSha: head.sha, headRef: 'feature', baseRef: 'main' });
  const event = { name: 'pull_request', payload: pullRequestEvent({ owner: 'octo', repo: 'ml', number: PR, headSha: head.sha, baseRef: 'main' }) };
  const r = await step({ sha: head.sha, event, runId: 2000, inputs: { 'max-baseline-age': '14d' } });
  expect(r.code, r.stdout + r.stderr).toBe(0);

  // It wrote no history.
  expect(gh.refs(REPO)['refs/heads/mlci-history']).toBe(commit.sha);
  expect(r.stdout).toContain('Metrics history not appended: only a push to the default branch appends to it.');

  // The malformed entry and the stale baseline are warnings, annotated.
  const warnings = r.annotations.filter((a) => a.level === 'warning');
  expect(warnings.map((w) => w.title).sort()).toEqual(['metrics history', 'stale baseline']);
  expect(warnings.find((w) => w.title === 'metrics history')!.message).toMatch(/^mlci-history:history\/[0-9a-f]{12}\.json: entry 1 is malformed/);
  expect(warnings.find((w) => w.title === 'stale baseline')!.message).toMatch(
    /^The baseline is stale: git:main \(local clone\) is a commit from 30 days ago, more than max-baseline-age \(14 days\) allows/,
  );

  const sectionFile = join(workspace, '.mlci-report', `compare-metrics-${path.slice('history/'.length, -'.json'.length)}.section.json`);
  const section = await readJson(sectionFile);
  // As it reads once rendered: backslash escapes removed.
  const md: string = section.markdown.replace(/\\(.)/g, '$1');
  expect(section.status).toBe('warn');
  expect(md).toMatch(/^<sub>Compared with git:main.*\n\n> ⚠️ The baseline is stale: git:main/);
  expect(md).toContain('**Trend over main** (this change against the last 4 runs of main in the metrics history)');

  // Each line, against the ranks, best and worst worked out here from the four kept runs.
  const kept = runs.slice(-KEEP);
  for (const [key, higher] of [
    ['roc_auc', true],
    ['log_loss', false],
  ] as const) {
    const want = expected(
      head.metrics[key],
      kept.map((k) => ({ sha: k.sha, value: k.metrics[key] })),
      higher,
    );
    const line = md.split('\n').find((l) => l.startsWith(`- **${key}** `))!;
    expect(line, md).toBeDefined();
    const m =
      /^- \*\*[^*]+\*\* (\S+) \((higher|lower) is better\): (\d+)(?:st|nd|rd|th) of 5 \(the last 4 runs and this change\); best (\S+) \(`([0-9a-f]{7})`\), worst (\S+) \(`([0-9a-f]{7})`\)$/.exec(
        line,
      );
    expect(m, line).not.toBeNull();
    const [, shownHead, direction, rank, best, bestSha, worst, worstSha] = m!;
    expect(direction).toBe(higher ? 'higher' : 'lower');
    expect(`${ordinal(Number(rank))}`).toBe(ordinal(want.rank));
    expect(Number(rank)).toBe(want.rank);
    expect(Number(shownHead)).toBeCloseTo(head.metrics[key], 3);
    expect(Number(best)).toBeCloseTo(want.best.value, 3);
    expect(Number(worst)).toBeCloseTo(want.worst.value, 3);
    expect(bestSha).toBe(want.best.sha.slice(0, 7));
    expect(worstSha).toBe(want.worst.sha.slice(0, 7));
  }
  // accuracy is neither gated nor named: no trend for it.
  expect(md).not.toMatch(/^- \*\*accuracy\*\*/m);

  // Two small charts, main's four runs and this change, drawn by the plots machinery.
  const trendImages = section.images.filter((i: { path: string }) => /\/trend-\d\.png$/.test(i.path));
  expect(trendImages).toHaveLength(2);
  const png = await readFile(join(workspace, '.mlci-report', trendImages[0].path));
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  const spec = await readJson(join(workspace, '.mlci-report', trendImages[0].path.replace(/\.png$/, '.vl.json')));
  expect(spec.data.values.map((v: { x: string }) => v.x)).toEqual([...kept.map((k) => k.sha.slice(0, 7)), 'this change']);
  expect(trendImages[0].fallback).toContain('xychart-beta');

  // comment-report posts it, the charts published to the images branch.
  const posted = await runAction({
    action: 'comment-report',
    github: gh,
    token: TOKEN,
    repository: REPO,
    workspace,
    sha: head.sha,
    event,
    env: { GITHUB_RUN_ID: '2000' },
    inputs: { 'report-dir': '.mlci-report' },
  });
  expect(posted.code, posted.stdout + posted.stderr).toBe(0);
  const body = gh.comments(REPO, PR)[0]?.body ?? '';
  expect(body).toContain('**Trend over main**');
  expect(body).toContain('> ⚠️ The baseline is stale');
  expect(
    body.match(/!\[[^\]]*the last 4 runs of main and this change\]\(https:\/\/github\.com\/octo\/ml\/blob\/[0-9a-f]{40}\/images\/[0-9a-f]+\.png\?raw=true\)/g),
  ).toHaveLength(2);
  expect(gh.refs(REPO)['refs/heads/mlci-history']).toBe(commit.sha);
});

it('loses no entry when two pushes append at once: the one refused as a non-fast-forward reads again and appends', async () => {
  const race = 'octo/race';
  gh.addRepo(race);
  const api = new Octokit({ auth: TOKEN, baseUrl: gh.url });
  const push = async (config: [string, string], sha: string, runId: number): Promise<RunResult> => {
    const workspace = await mkdtemp(join(tmpdir(), 'mlci-trend-race-'));
    await exec('/usr/bin/python3', [TRAIN, ...config], { cwd: workspace });
    return runAction({
      action: 'compare-metrics',
      github: gh,
      token: TOKEN,
      repository: race,
      workspace,
      sha,
      event: { name: 'push', payload: pushEvent({ owner: 'octo', repo: 'race', after: sha }) },
      env: { GITHUB_RUN_ID: String(runId) },
      inputs: { metrics: 'metrics.json', baseline: 'none', history: '10', trend: 'roc_auc', 'report-dir': '.mlci-report' },
    });
  };
  const first = await push(MAIN_RUNS[0], 'a'.repeat(40), 1);
  expect(first.code, first.stdout + first.stderr).toBe(0);

  // Both runs have read the branch and made their commit before either moves it: the branch
  // update of each waits until the other's has arrived.
  let arrived = 0;
  let release!: () => void;
  const bothThere = new Promise<void>((r) => (release = r));
  const ref = '/repos/octo/race/git/refs/heads/mlci-history';
  gh.inject({
    method: 'PATCH',
    path: ref,
    times: 2,
    hold: () => {
      if (++arrived === 2) release();
      return bothThere;
    },
  });
  const [b, c] = await Promise.all([push(MAIN_RUNS[1], 'b'.repeat(40), 2), push(MAIN_RUNS[2], 'c'.repeat(40), 3)]);
  expect(b.code, b.stdout + b.stderr).toBe(0);
  expect(c.code, c.stdout + c.stderr).toBe(0);
  expect(gh.requests.filter((r) => r.method === 'PATCH' && r.path === ref).map((r) => r.status)).toEqual(expect.arrayContaining([200, 422, 200]));

  const sha = gh.refs(race)['refs/heads/mlci-history'];
  const tree = (await api.request('GET /repos/{owner}/{repo}/git/trees/{tree_sha}', { owner: 'octo', repo: 'race', tree_sha: sha, recursive: '1' })).data
    .tree as Array<{
    path: string;
    sha: string;
  }>;
  const file = tree.find((f) => f.path.startsWith('history/'))!;
  const blob = await api.request('GET /repos/{owner}/{repo}/git/blobs/{file_sha}', { owner: 'octo', repo: 'race', file_sha: file.sha });
  const entries = JSON.parse(Buffer.from(blob.data.content, 'base64').toString('utf8')).entries as Array<{ sha: string; runId: number }>;
  expect(entries[0]).toMatchObject({ sha: 'a'.repeat(40), runId: 1 });
  expect(entries.map((e) => e.sha).sort()).toEqual(['a', 'b', 'c'].map((x) => x.repeat(40)));
});
