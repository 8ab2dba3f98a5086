import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { startGitHubServer, type GitHubServer } from '../support/github/server.js';
import { pullRequestEvent, pushEvent, workflowRunEvent } from '../support/events/index.js';
import { runAction } from '../support/runner.js';
import { commentReportStep, REPORT_FILES, section } from './comment-report-support.js';

/**
 * comment-report as the runner runs it: the dist bundle, spawned with INPUT_* and GITHUB_*
 * against the loopback GitHub, which keeps state and checks every request against GitHub's
 * OpenAPI description (`violations` must stay empty). Inputs it refuses are tested in-process
 * (actions/comment-report/src/main.test.ts).
 */

const REPO = 'octo/ml';
const TOKEN = 'ghs_installation_token_for_tests';
const READ_ONLY = 'ghs_read_only_fork_token';
const BOT = 'github-actions[bot]';
const HEAD = 'a'.repeat(40);

let gh: GitHubServer;

function pr(number = 12, extra: Partial<Parameters<typeof pullRequestEvent>[0]> = {}) {
  return { name: 'pull_request', payload: pullRequestEvent({ owner: 'octo', repo: 'ml', number, headSha: HEAD, apiUrl: gh.url, ...extra }) };
}

const run = commentReportStep(runAction, () => ({ github: gh, token: TOKEN, repository: REPO, event: pr() }));

function bodies(n = 12) {
  return gh.comments(REPO, n).map((c) => c.body ?? '');
}

beforeAll(async () => {
  gh = await startGitHubServer();
});
afterAll(async () => gh?.close());

beforeEach(() => {
  gh.addRepo(REPO);
  gh.addToken(TOKEN, { login: BOT, type: 'Bot', installation: true, write: true });
  gh.addToken(READ_ONLY, { login: BOT, type: 'Bot', installation: true, write: false });
  gh.addPull(REPO, { number: 12, headSha: HEAD, headRef: 'feature', baseRef: 'main' });
});

afterEach(() => {
  expect(gh.violations).toEqual([]);
});

describe('comment-report on a pull request', () => {
  it('posts one comment with the sections in stage order and the user markdown, and sets every output', async () => {
    const n = 101;
    gh.addPull(REPO, { number: n, headSha: HEAD });
    const r = await run({ event: pr(n) });
    expect(r.code, r.stderr + r.stdout).toBe(0);
    const comments = gh.comments(REPO, n);
    expect(comments).toHaveLength(1);
    const body = comments[0].body ?? '';
    expect(body.split('\n')[0]).toBe('<!-- mlci-report id="mlci" -->');
    expect(body.indexOf('Data')).toBeLessThan(body.indexOf('Metrics'));
    expect(body.indexOf('Metrics')).toBeLessThan(body.indexOf('My own report'));
    expect(body).toContain('| auc | 0.91 | 0.90 |');
    expect(r.outputs.posted).toBe('true');
    expect(r.outputs['comment-id']).toBe(String(comments[0].id));
    expect(r.outputs['comment-url']).toBe(`https://github.com/octo/ml/pull/${n}#issuecomment-${comments[0].id}`);
    expect(r.outputs.status).toBe('warn');
    expect(r.outputs.truncated).toBe('false');
    expect(await readFile(r.outputs['body-path'], 'utf8')).toBe(body);
    expect(r.summary).toContain('| auc | 0.91 | 0.90 |');
    expect(r.commands.some((c) => c.command === 'add-mask')).toBe(true);
  });

  it('updates its comment in place on the next push instead of adding one', async () => {
    const n = 102;
    gh.addPull(REPO, { number: n, headSha: HEAD });
    const first = await run({ event: pr(n) });
    const files = { ...REPORT_FILES, 'report.md': '## My own report\n\nSecond push.\n' };
    const second = await run({ event: pr(n, { action: 'synchronize' }), files });
    expect(second.code, second.stderr).toBe(0);
    expect(gh.comments(REPO, n)).toHaveLength(1);
    expect(second.outputs['comment-id']).toBe(first.outputs['comment-id']);
    expect(bodies(n)[0]).toContain('Second push.');
  });

  it('finds its comment on page 3 of 250 and never edits a comment that only quotes its marker', async () => {
    const n = 103;
    gh.addPull(REPO, { number: n, headSha: HEAD });
    const marker = '<!-- mlci-report id="mlci" -->';
    // Someone else's comments, one of them starting with our marker to impersonate us.
    const impostor = gh.addComment(REPO, n, `${marker}\nI am not the bot`, 'mallory');
    for (let i = 0; i < 200; i++) gh.addComment(REPO, n, `comment ${i}`, 'alice');
    const ours = gh.addComment(REPO, n, `${marker}\nold report`, BOT);
    for (let i = 0; i < 48; i++) gh.addComment(REPO, n, `later ${i}`, 'bob');
    const r = await run({ event: pr(n) });
    expect(r.code, r.stderr).toBe(0);
    const after = gh.comments(REPO, n);
    expect(after).toHaveLength(250);
    expect(after.find((c) => c.id === impostor.id)?.body).toBe(`${marker}\nI am not the bot`);
    expect(after.find((c) => c.id === ours.id)?.body).toContain('My own report');
    expect(r.outputs['comment-id']).toBe(String(ours.id));
  });

  it('learns its own login without GET /user, which the job token may not call', async () => {
    const n = 104;
    gh.addPull(REPO, { number: n, headSha: HEAD });
    gh.addComment(REPO, n, '<!-- mlci-report id="mlci" -->\nold', BOT);
    const r = await run({ event: pr(n) });
    expect(r.code, r.stderr).toBe(0);
    expect(gh.comments(REPO, n)).toHaveLength(1);
    const userCalls = gh.requests.filter((q) => q.path.endsWith('/user'));
    expect(userCalls.every((q) => q.status === 403)).toBe(true);
  });

  it('leaves one comment when two runs race on the same pull request', async () => {
    const n = 105;
    gh.addPull(REPO, { number: n, headSha: HEAD });
    gh.slow(300, `/repos/octo/ml/issues/${n}/comments`);
    const [a, b] = await Promise.all([run({ event: pr(n) }), run({ event: pr(n) })]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    const comments = gh.comments(REPO, n);
    expect(comments).toHaveLength(1);
    expect(a.outputs['comment-id']).toBe(String(comments[0].id));
    expect(b.outputs['comment-id']).toBe(String(comments[0].id));
  });

  it('keeps separate reports apart by id', async () => {
    const n = 106;
    gh.addPull(REPO, { number: n, headSha: HEAD });
    await run({ event: pr(n), inputs: { id: 'train' } });
    await run({ event: pr(n), inputs: { id: 'eval' } });
    await run({ event: pr(n), inputs: { id: 'train' } });
    expect(gh.comments(REPO, n).map((c) => c.body?.split('\n')[0])).toEqual(['<!-- mlci-report id="train" -->', '<!-- mlci-report id="eval" -->']);
  });

  it('with mode create and hide-previous, posts anew and minimises the earlier comment', async () => {
    const n = 107;
    gh.addPull(REPO, { number: n, headSha: HEAD });
    await run({ event: pr(n) });
    const r = await run({ event: pr(n), inputs: { mode: 'create', 'hide-previous': 'true' } });
    expect(r.code, r.stderr).toBe(0);
    const comments = gh.comments(REPO, n);
    expect(comments).toHaveLength(2);
    expect(comments[0].isMinimized).toBe(true);
    expect(comments[1].isMinimized).toBeFalsy();
  });

  it('with mode recreate, posts a new comment and then removes the old one', async () => {
    const n = 108;
    gh.addPull(REPO, { number: n, headSha: HEAD });
    const first = await run({ event: pr(n) });
    const r = await run({ event: pr(n), inputs: { mode: 'recreate' } });
    const comments = gh.comments(REPO, n);
    expect(comments).toHaveLength(1);
    expect(String(comments[0].id)).toBe(r.outputs['comment-id']);
    expect(r.outputs['comment-id']).not.toBe(first.outputs['comment-id']);
  });

  it('creates a check run on the PR head (not the merge commit) with the verdict', async () => {
    const r = await run({ inputs: { 'check-run': 'mlci / report' }, sha: 'b'.repeat(40) });
    expect(r.code, r.stderr).toBe(0);
    const runs = gh.checkRuns(REPO).filter((c) => c.name === 'mlci / report');
    expect(runs).toHaveLength(1);
    expect(runs[0].head_sha).toBe(HEAD);
    expect(runs[0].conclusion).toBe('neutral');
    expect(runs[0].output?.summary).toContain('| auc | 0.91 | 0.90 |');
  });

  it('on pull_request_target, comments on the pull request', async () => {
    const n = 109;
    gh.addPull(REPO, { number: n, headSha: HEAD });
    const event = { name: 'pull_request_target', payload: pullRequestEvent({ owner: 'octo', repo: 'ml', number: n, headSha: HEAD }) };
    const r = await run({ event });
    expect(r.code, r.stderr).toBe(0);
    expect(gh.comments(REPO, n)).toHaveLength(1);
  });
});

describe('GitHub limits', () => {
  it('fits a huge report into 65,536 characters with a visible note and a link to the full report', async () => {
    const n = 110;
    gh.addPull(REPO, { number: n, headSha: HEAD });
    const big = Array.from({ length: 3000 }, (_, i) => `| row ${i} | ${'x'.repeat(20)} |`).join('\n');
    const files: Record<string, string> = { 'report.md': '# mine\n' };
    for (let i = 0; i < 8; i++)
      files[`.mlci-report/s${i}.section.json`] = section(`s${i}`, 'metrics', i === 3 ? 'fail' : 'pass', `| a | b |\n|---|---|\n${big}`);
    const r = await run({ event: pr(n), files });
    expect(r.code, r.stderr).toBe(0);
    const body = bodies(n)[0];
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(body.split('\n')[0]).toBe('<!-- mlci-report id="mlci" -->');
    expect(body).toMatch(/[Cc]ut to fit/);
    expect(body).toContain('https://github.com/octo/ml/actions/runs/4242');
    expect(r.outputs.truncated).toBe('true');
  });

  it('fits the job summary into 1 MiB', async () => {
    const big = Array.from({ length: 12000 }, (_, i) => `| row ${i} | ${'é'.repeat(40)} |`).join('\n');
    const files: Record<string, string> = {};
    for (let i = 0; i < 3; i++) files[`.mlci-report/s${i}.section.json`] = section(`s${i}`, 'data', 'pass', `| a | b |\n|---|---|\n${big}`);
    const r = await run({ files, inputs: { markdown: '', 'dry-run': 'true' } });
    expect(r.code, r.stderr).toBe(0);
    expect(Buffer.byteLength(r.summary, 'utf8')).toBeLessThanOrEqual(1024 * 1024);
    expect(Buffer.byteLength(r.summary, 'utf8')).toBeGreaterThan(500 * 1024);
    expect(r.outputs.truncated).toBe('true');
  });
});

describe('tokens that may not write and transient faults', () => {
  it('on a fork PR with a read-only token: writes the summary, warns with the fix, posted=false, job passes', async () => {
    const n = 111;
    gh.addPull(REPO, { number: n, headSha: HEAD });
    const r = await run({ event: pr(n, { fork: true }), token: READ_ONLY });
    expect(r.code, r.stderr).toBe(0);
    expect(r.outputs.posted).toBe('false');
    expect(r.summary).toContain('My own report');
    expect(gh.comments(REPO, n)).toHaveLength(0);
    const warning = r.annotations.find((a) => a.level === 'warning');
    expect(warning?.message).toMatch(/pull-requests: write/);
    expect(warning?.message).toMatch(/workflow_run/);
    expect(r.annotations.some((a) => a.level === 'error')).toBe(false);
  });

  it('retries 502s and a secondary rate limit and still ends with exactly one comment', async () => {
    const n = 112;
    gh.addPull(REPO, { number: n, headSha: HEAD });
    gh.serverError(502, `/repos/octo/ml/issues/${n}/comments`);
    gh.secondaryRateLimit(`/repos/octo/ml/issues/${n}/comments`);
    const r = await run({ event: pr(n) });
    expect(r.code, r.stderr + r.stdout).toBe(0);
    expect(gh.comments(REPO, n)).toHaveLength(1);
    const hits = gh.requests.filter((q) => q.path.includes(`/issues/${n}/comments`));
    expect(hits.some((q) => q.status === 502)).toBe(true);
    expect(hits.some((q) => q.status === 403)).toBe(true);
  });

  it('retries a 429 on the update', async () => {
    const n = 113;
    gh.addPull(REPO, { number: n, headSha: HEAD });
    await run({ event: pr(n) });
    gh.inject({
      method: 'PATCH',
      path: '/repos/{owner}/{repo}/issues/comments/{comment_id}',
      status: 429,
      headers: { 'retry-after': '1', 'x-ratelimit-remaining': '0' },
      body: { message: 'API rate limit exceeded' },
    });
    const r = await run({ event: pr(n) });
    expect(r.code, r.stderr).toBe(0);
    expect(gh.comments(REPO, n)).toHaveLength(1);
    expect(gh.requests.some((q) => q.status === 429)).toBe(true);
  });
});

describe('target: auto on other events, and explicit targets', () => {
  it('on push, comments on the open PR of the pushed commit', async () => {
    const sha = 'c'.repeat(40);
    gh.addPull(REPO, { number: 120, headSha: sha });
    gh.associateCommit(REPO, sha, [120]);
    const r = await run({ event: { name: 'push', payload: pushEvent({ owner: 'octo', repo: 'ml', after: sha }) }, sha });
    expect(r.code, r.stderr).toBe(0);
    expect(gh.comments(REPO, 120)).toHaveLength(1);
  });

  it('on push without a PR, comments on the commit, and updates that comment next time', async () => {
    const sha = 'd'.repeat(40);
    const event = { name: 'push', payload: pushEvent({ owner: 'octo', repo: 'ml', after: sha }) };
    await run({ event, sha });
    const r = await run({ event, sha });
    expect(r.code, r.stderr).toBe(0);
    expect(gh.commitComments(REPO, sha)).toHaveLength(1);
    expect(r.outputs['comment-url']).toContain('commit');
  });

  it('on workflow_run, comments on the PR of the triggering run when its head is that run', async () => {
    const sha = 'e'.repeat(40);
    gh.addPull(REPO, { number: 121, headSha: sha });
    const event = { name: 'workflow_run', payload: workflowRunEvent({ owner: 'octo', repo: 'ml', runId: 77, headSha: sha, pullRequests: [] }) };
    const r = await run({ event });
    expect(r.code, r.stderr).toBe(0);
    expect(gh.comments(REPO, 121)).toHaveLength(1);
  });

  it('on workflow_run, does not comment when the PR has moved on to another commit', async () => {
    gh.addPull(REPO, { number: 122, headSha: '1'.repeat(40) });
    const event = {
      name: 'workflow_run',
      payload: workflowRunEvent({ owner: 'octo', repo: 'ml', runId: 78, headSha: '2'.repeat(40), pullRequests: [{ number: 122, headSha: '2'.repeat(40) }] }),
    };
    const r = await run({ event });
    expect(r.code, r.stderr).toBe(0);
    expect(r.outputs.posted).toBe('false');
    expect(gh.comments(REPO, 122)).toHaveLength(0);
  });

  it('issue/<n> and pr/<n> post where they say; none posts nothing but writes the summary', async () => {
    gh.addIssue(REPO, { number: 130 });
    expect((await run({ inputs: { target: 'issue/130' } })).outputs.posted).toBe('true');
    expect(gh.comments(REPO, 130)).toHaveLength(1);
    const none = await run({ inputs: { target: 'none' } });
    expect(none.outputs.posted).toBe('false');
    expect(none.summary).toContain('My own report');
  });

  it('dry-run builds the body and the summary and posts nothing', async () => {
    const n = 131;
    gh.addPull(REPO, { number: n, headSha: HEAD });
    const r = await run({ event: pr(n), inputs: { 'dry-run': 'true' } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.outputs.posted).toBe('false');
    expect(gh.comments(REPO, n)).toHaveLength(0);
    expect(await readFile(r.outputs['body-path'], 'utf8')).toContain('My own report');
  });
});

describe('images', () => {
  const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

  it('publishes local images on the images branch and links them by commit sha', async () => {
    const n = 140;
    gh.addPull(REPO, { number: n, headSha: HEAD });
    const files = { ...REPORT_FILES, 'report.md': '## Curves\n\n![ROC curve](plots/roc.png)\n', 'plots/roc.png': PNG };
    const r = await run({ event: pr(n), files });
    expect(r.code, r.stderr).toBe(0);
    const head = gh.refs(REPO)['refs/heads/mlci-assets'];
    expect(head).toMatch(/^[0-9a-f]{40}$/);
    const body = bodies(n)[0];
    const link = new RegExp(`!\\[ROC curve\\]\\(https://github\\.com/octo/ml/blob/${head}/(images/[0-9a-f]+\\.png)\\?raw=true\\)`);
    expect(body).toMatch(link);
    expect(body).not.toContain('plots/roc.png');
  });

  it('without contents: write, shows the fallback and warns instead of failing', async () => {
    const n = 141;
    gh.addPull(REPO, { number: n, headSha: HEAD });
    gh.inject({ method: 'POST', path: '/repos/octo/ml/git/blobs', status: 403, body: { message: 'Resource not accessible by integration' }, times: 5 });
    const files = {
      ...REPORT_FILES,
      '.mlci-report/plot.section.json': JSON.stringify({
        ...JSON.parse(section('plot', 'metrics', 'pass', '![loss](plot/loss.png)')),
        images: [{ path: 'plot/loss.png', alt: 'loss', fallback: '```mermaid\nxychart-beta\n  line [3, 2, 1]\n```' }],
      }),
      '.mlci-report/plot/loss.png': PNG,
    };
    const r = await run({ event: pr(n), files });
    expect(r.code, r.stderr).toBe(0);
    const body = bodies(n)[0];
    expect(body).toContain('```mermaid');
    expect(body).not.toContain('plot/loss.png');
    expect(r.annotations.find((a) => a.level === 'warning')?.message).toMatch(/contents: write/);
  });
});

describe('GitHub Enterprise', () => {
  let ghes: GitHubServer;
  beforeAll(async () => {
    ghes = await startGitHubServer({ prefix: '/api/v3' });
  });
  afterAll(async () => ghes?.close());

  it('works with the API under /api/v3 and links on the enterprise host', async () => {
    ghes.addRepo(REPO);
    ghes.addToken(TOKEN, { login: BOT, type: 'Bot', installation: true, write: true });
    ghes.addPull(REPO, { number: 5, headSha: HEAD });
    const r = await runAction({
      action: 'comment-report',
      github: ghes,
      token: TOKEN,
      repository: REPO,
      serverUrl: 'https://ghe.example.com',
      event: { name: 'pull_request', payload: pullRequestEvent({ owner: 'octo', repo: 'ml', number: 5, headSha: HEAD, serverUrl: 'https://ghe.example.com' }) },
      files: REPORT_FILES,
      inputs: { 'report-dir': '.mlci-report', markdown: 'report.md' },
    });
    expect(r.code, r.stderr).toBe(0);
    expect(ghes.comments(REPO, 5)).toHaveLength(1);
    // A request outside /api/v3 would be a violation (checked below).
    expect(ghes.requests.length).toBeGreaterThan(2);
    expect(ghes.comments(REPO, 5)[0].body).toContain('https://ghe.example.com/octo/ml/actions/runs/4242');
    expect(ghes.violations).toEqual([]);
  });
});
