import { describe, expect, it } from 'vitest';
import { useGitHub } from '../../support/loopback.js';
import { pullRequestEvent } from '../../support/events/index.js';
import { runAction, type RunOptions, type RunResult } from '../../support/runner.js';

/**
 * Races and lost answers, played against the comment-report bundle: runs ordered by holding
 * requests in the loopback GitHub (never by timings), writes the server applied but whose answer
 * the client never saw, and sockets that never answer.
 */

const REPO = 'octo/ml';
const TOKEN = 'ghs_races';
const SHA1 = '1'.repeat(40);
const SHA2 = '2'.repeat(40);
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

const gh = useGitHub({ repo: REPO, token: TOKEN, write: true });

function run(pr: number, headSha: string, o: Partial<RunOptions> = {}): Promise<RunResult> {
  return runAction({
    action: 'comment-report',
    github: gh,
    token: TOKEN,
    repository: REPO,
    event: { name: 'pull_request', payload: pullRequestEvent({ owner: 'octo', repo: 'ml', number: pr, headSha, apiUrl: gh.url }) },
    files: { 'report.md': `## Report for ${headSha.slice(0, 7)}\n` },
    ...o,
    inputs: { 'report-dir': '.mlci-none', markdown: 'report.md', ...o.inputs },
  });
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('an older commit never replaces a newer report', () => {
  it('the PR moves on while the run for commit 1 is still publishing: commit 2 keeps the comment', async () => {
    const pr = 401;
    gh.addPull(REPO, { number: pr, headSha: SHA1 });
    // Commit 1's run has an image to publish: hold its blob write until commit 2's run is done.
    const reached = deferred();
    const release = deferred();
    gh.inject({ method: 'POST', path: '/repos/octo/ml/git/blobs', hold: () => (reached.resolve(), release.promise) });
    const slow = run(pr, SHA1, { files: { 'report.md': `## Report for ${SHA1.slice(0, 7)}\n\n![c](c.png)\n`, 'c.png': PNG } });
    await reached.promise;

    gh.addPull(REPO, { number: pr, headSha: SHA2 });
    const fast = await run(pr, SHA2);
    expect(fast.code, fast.stderr + fast.stdout).toBe(0);
    expect(fast.outputs.posted).toBe('true');
    release.resolve();

    const old = await slow;
    expect(old.code, old.stderr + old.stdout).toBe(0);
    expect(old.outputs.posted).toBe('false');
    const notice = old.annotations.find((a) => a.level === 'notice' && a.title === 'Report not posted');
    expect(notice?.message).toContain(`has moved on to ${SHA2.slice(0, 7)}`);
    const comments = gh.comments(REPO, pr);
    expect(comments).toHaveLength(1);
    expect(comments[0].body).toContain(`Report for ${SHA2.slice(0, 7)}`);
  });

  it('a run for commit 1 that starts after commit 2 was pushed leaves commit 2 alone', async () => {
    const pr = 402;
    gh.addPull(REPO, { number: pr, headSha: SHA2 });
    expect((await run(pr, SHA2)).outputs.posted).toBe('true');
    const old = await run(pr, SHA1);
    expect(old.code, old.stderr).toBe(0);
    expect(old.outputs.posted).toBe('false');
    expect(gh.comments(REPO, pr).map((c) => c.body)).toEqual([expect.stringContaining(`Report for ${SHA2.slice(0, 7)}`)]);
  });
});

describe('racing runs', () => {
  it('10 racing recreate runs end with exactly one comment', async () => {
    const pr = 403;
    gh.addPull(REPO, { number: pr, headSha: SHA1 });
    gh.addComment(REPO, pr, '<!-- mlci-report id="mlci" -->\nolder report', 'github-actions[bot]');
    // Every run lists the comments before any of them creates: the worst interleaving.
    const all = deferred();
    let arrived = 0;
    gh.inject({
      method: 'GET',
      path: `/repos/octo/ml/issues/${pr}/comments`,
      times: 10,
      hold: () => {
        if (++arrived === 10) all.resolve();
        return all.promise;
      },
    });
    const runs = await Promise.all(Array.from({ length: 10 }, () => run(pr, SHA1, { inputs: { mode: 'recreate' } })));
    for (const r of runs) expect(r.code, r.stderr + r.stdout).toBe(0);
    const comments = gh.comments(REPO, pr);
    expect(comments).toHaveLength(1);
    expect(comments[0].body).toContain('Report for');
    expect(runs.map((r) => r.outputs['comment-id'])).toContain(String(comments[0].id));
    // Ten were created: nine removed, and the older report.
    const creates = gh.requests.filter((q) => q.method === 'POST' && q.path === `/repos/octo/ml/issues/${pr}/comments`);
    expect(creates).toHaveLength(10);
  });
});

describe('lost answers', () => {
  it('a create the server applied but answered 502 leaves one comment and one check run', async () => {
    const pr = 404;
    gh.addPull(REPO, { number: pr, headSha: SHA1 });
    gh.lostAnswer('POST', `/repos/octo/ml/issues/${pr}/comments`);
    gh.lostAnswer('POST', '/repos/octo/ml/check-runs');
    const r = await run(pr, SHA1, { inputs: { mode: 'create', 'check-run': 'mlci / lost' } });
    expect(r.code, r.stderr + r.stdout).toBe(0);
    const comments = gh.comments(REPO, pr);
    expect(comments).toHaveLength(1);
    expect(r.outputs['comment-id']).toBe(String(comments[0].id));
    expect(gh.checkRuns(REPO).filter((c) => c.name === 'mlci / lost')).toHaveLength(1);
    // Both writes were answered 502 once: the faults did fire.
    const lost = gh.requests.filter((q) => q.method === 'POST' && q.status === 502);
    expect(lost.map((q) => q.path).sort()).toEqual([`/repos/octo/ml/check-runs`, `/repos/octo/ml/issues/${pr}/comments`]);
  });

  it('a create that fails for real (502, not applied) is sent again and lands once', async () => {
    const pr = 405;
    gh.addPull(REPO, { number: pr, headSha: SHA1 });
    gh.inject({ method: 'POST', path: `/repos/octo/ml/issues/${pr}/comments`, status: 502, body: { message: 'Server Error' } });
    const r = await run(pr, SHA1, { inputs: { mode: 'create' } });
    expect(r.code, r.stderr + r.stdout).toBe(0);
    expect(gh.comments(REPO, pr)).toHaveLength(1);
  });
});

describe('requests that never answer', () => {
  it('time out, are retried, and end the step with an error naming the timeout', async () => {
    const pr = 406;
    gh.addPull(REPO, { number: pr, headSha: SHA1 });
    gh.hang(`/repos/octo/ml/issues/${pr}/comments`, 10);
    const r = await run(pr, SHA1, { env: { MLCI_HTTP_TIMEOUT_MS: '300' } });
    expect(r.code).not.toBe(0);
    const error = r.annotations.find((a) => a.level === 'error');
    expect(error?.message).toContain(`GitHub did not answer GET ${gh.url}/repos/octo/ml/issues/${pr}/comments`);
    expect(error?.message).toContain('within 300 ms');
    // The first attempt and three retries, then it gives up.
    const hung = gh.requests.filter((q) => q.path === `/repos/octo/ml/issues/${pr}/comments` && q.status === 0);
    expect(hung).toHaveLength(4);
    expect(gh.comments(REPO, pr)).toHaveLength(0);
  });
});
