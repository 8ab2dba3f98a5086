import { beforeAll, describe, expect, it } from 'vitest';
import { useGitHub, useResultsService } from '../support/loopback.js';
import { pullRequestEvent, workflowRunEvent } from '../support/events/index.js';
import { runAction } from '../support/runner.js';
import { commentReportStep, REPORT_FILES } from './comment-report-support.js';

/**
 * `replace-cml: true` through the bundle, against the loopback GitHub: a pull request that an old
 * CML workflow commented on (the body as `cml comment create` 0.20 writes it: the report, a blank
 * line, the watermark image with the commit sha) gets that comment turned into the mlci report,
 * not a second comment; a person's comment carrying the same image is never edited.
 */
const REPO = 'octo/ml';
const TOKEN = 'ghs_installation_token_for_cml';
const HEAD = 'c'.repeat(40);
const BOT = 'github-actions[bot]';
const gh = useGitHub({ repo: REPO, token: TOKEN, write: true });
const results = useResultsService({ repository: REPO, headSha: HEAD, restOn: gh });
beforeAll(() => gh.addToken('ghs_fork_read_only_cml', { login: BOT, type: 'Bot', installation: true, write: false }));

const watermark = (sha: string) => `![](https://cml.dev/watermark.png#${sha} "CML watermark")`;
/** What CML 0.20's `cml comment create --publish report.md` posted: its report with published images, then its watermark. */
const cmlComment = (sha: string) =>
  `## Metrics\n\n| Path | acc | loss |\n|---|---|---|\n| metrics.json | 0.912 | 0.231 |\n\n![](https://asset.cml.dev/0f6b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b?cml=png&cache-bypass=1)\n\n${watermark(sha)}`;

function pr(number: number) {
  return { name: 'pull_request', payload: pullRequestEvent({ owner: 'octo', repo: 'ml', number, headSha: HEAD, apiUrl: gh.url }) };
}
const run = commentReportStep(runAction, () => ({ github: gh, token: TOKEN, repository: REPO, event: pr(41) }));

describe('comment-report with replace-cml', () => {
  it("replaces the bot's CML comment, never a person's with the same image, and updates the same comment on the next run", async () => {
    const n = 41;
    gh.addPull(REPO, { number: n, headSha: HEAD, headRef: 'feature', baseRef: 'main' });
    const older = gh.addComment(REPO, n, cmlComment('1'.repeat(40)), BOT);
    const human = gh.addComment(REPO, n, `Looks like the old report:\n\n${watermark('2'.repeat(40))}`, 'alice');
    const cml = gh.addComment(REPO, n, cmlComment('3'.repeat(40)), BOT);
    const first = await run({ event: pr(n), inputs: { 'replace-cml': 'true' } });
    expect(first.code, first.stderr + first.stdout).toBe(0);
    expect(first.outputs['comment-id'], first.stdout).toBe(String(cml.id));
    let after = gh.comments(REPO, n);
    expect(after).toHaveLength(3);
    const replaced = after.find((c) => c.id === cml.id)!.body ?? '';
    expect(replaced.split('\n')[0]).toBe('<!-- mlci-report id="mlci" -->');
    expect(replaced).toContain('| auc | 0.91 | 0.90 |');
    expect(replaced).not.toContain('cml.dev/watermark.png');
    expect(after.find((c) => c.id === human.id)?.body).toBe(`Looks like the old report:\n\n${watermark('2'.repeat(40))}`);
    // Only the newest CML comment becomes the report; the older one stays as it was, nothing is deleted.
    expect(after.find((c) => c.id === older.id)?.body).toBe(cmlComment('1'.repeat(40)));
    expect(first.stdout).toContain('CML comment replaced');

    const files = { ...REPORT_FILES, 'report.md': '## My own report\n\nSecond push.\n' };
    const second = await run({ event: pr(n), files, inputs: { 'replace-cml': 'true' } });
    expect(second.code, second.stderr).toBe(0);
    expect(second.outputs['comment-id']).toBe(String(cml.id));
    after = gh.comments(REPO, n);
    expect(after).toHaveLength(3);
    expect(after.find((c) => c.id === cml.id)?.body).toContain('Second push.');
    expect(after.find((c) => c.id === older.id)?.body).toBe(cmlComment('1'.repeat(40)));
    expect(gh.requests.some((q) => q.method === 'DELETE')).toBe(false);
  });

  it('without replace-cml, posts beside the CML comment and leaves it', async () => {
    const n = 42;
    gh.addPull(REPO, { number: n, headSha: HEAD });
    const cml = gh.addComment(REPO, n, cmlComment('4'.repeat(40)), BOT);
    const r = await run({ event: pr(n) });
    expect(r.code, r.stderr).toBe(0);
    expect(r.outputs['comment-id']).not.toBe(String(cml.id));
    expect(gh.comments(REPO, n).find((c) => c.id === cml.id)?.body).toBe(cmlComment('4'.repeat(40)));
    expect(gh.comments(REPO, n)).toHaveLength(2);
  });

  it('replaces it from the workflow_run side of the fork-safe pair', async () => {
    const n = 43;
    gh.addPull(REPO, { number: n, headSha: HEAD, headRef: 'patch-1', baseRef: 'main' });
    const cml = gh.addComment(REPO, n, cmlComment('5'.repeat(40)), BOT);
    const fork = await run({
      token: 'ghs_fork_read_only_cml',
      env: results.env,
      event: { name: 'pull_request', payload: pullRequestEvent({ owner: 'octo', repo: 'ml', number: n, headSha: HEAD, fork: true }) },
      inputs: { 'upload-artifact': 'mlci-report' },
    });
    expect(fork.code, fork.stderr + fork.stdout).toBe(0);
    expect(fork.outputs.posted).toBe('false');
    const later = results.newRun();
    const post = await runAction({
      action: 'comment-report',
      github: gh,
      token: TOKEN,
      repository: REPO,
      env: later.env,
      event: {
        name: 'workflow_run',
        payload: workflowRunEvent({ owner: 'octo', repo: 'ml', runId: results.runId, headSha: HEAD, headOwner: 'forker', pullRequests: [] }),
      },
      inputs: { 'from-artifact': 'mlci-report', 'replace-cml': 'true' },
    });
    expect(post.code, post.stderr + post.stdout).toBe(0);
    expect(post.outputs['comment-id']).toBe(String(cml.id));
    const comments = gh.comments(REPO, n);
    expect(comments).toHaveLength(1);
    expect(comments[0].body).toContain('| auc | 0.91 | 0.90 |');
    expect(comments[0].body?.split('\n')[0]).toBe('<!-- mlci-report id="mlci" -->');
  });
});
