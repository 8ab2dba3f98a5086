import { beforeAll, expect, it } from 'vitest';
import { useGitHub, useResultsService } from '../support/loopback.js';
import { pullRequestEvent, workflowRunEvent } from '../support/events/index.js';
import { runAction } from '../support/runner.js';

/**
 * The fork-safe pair end to end: a pull_request run from a fork (read-only token) cannot post,
 * so it writes the summary and uploads the report bundle; a workflow_run run with a write token
 * downloads that artifact from the triggering run (through the REST API, as @actions/artifact's
 * findBy does) and posts it on the pull request.
 */
const REPO = 'octo/ml';
const HEAD = '9'.repeat(40);
const gh = useGitHub({ repo: REPO, token: 'ghs_fork_read_only', pull: { number: 31, headSha: HEAD, headRef: 'patch-1', baseRef: 'main' } });
const results = useResultsService({ repository: REPO, headSha: HEAD, restOn: gh });
beforeAll(() => gh.addToken('ghs_base_write', { login: 'github-actions[bot]', type: 'Bot', installation: true, write: true }));

it('uploads the bundle from the fork run and posts it from the workflow_run run', async () => {
  const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
  const fork = await runAction({
    action: 'comment-report',
    github: gh,
    token: 'ghs_fork_read_only',
    repository: REPO,
    env: results.env,
    event: { name: 'pull_request', payload: pullRequestEvent({ owner: 'octo', repo: 'ml', number: 31, headSha: HEAD, fork: true }) },
    files: {
      'out/report.md': '## From the fork\n\ncc @octocat\n\n![curve](img/curve.png)\n',
      'out/img/curve.png': PNG,
      '.mlci-report/m.section.json': JSON.stringify({
        schema: 'mlci/section@1',
        action: 'compare-metrics',
        id: 'm',
        stage: 'metrics',
        title: 'Metrics',
        status: 'pass',
        summary: 'ok',
        markdown: '| auc | 0.93 |\n|---|---|',
        created: '2026-11-22T08:00:00Z',
      }),
    },
    inputs: { 'report-dir': '.mlci-report', markdown: 'out/report.md', 'upload-artifact': 'mlci-report' },
  });
  expect(fork.code, fork.stderr + fork.stdout).toBe(0);
  expect(fork.outputs.posted).toBe('false');
  expect(fork.summary).toContain('From the fork');
  expect(results.artifacts().map((a) => a.name)).toEqual(['mlci-report']);
  expect(gh.comments(REPO, 31)).toHaveLength(0);

  const later = results.newRun();
  const post = await runAction({
    action: 'comment-report',
    github: gh,
    token: 'ghs_base_write',
    repository: REPO,
    env: later.env,
    event: {
      name: 'workflow_run',
      payload: workflowRunEvent({ owner: 'octo', repo: 'ml', runId: results.runId, headSha: HEAD, headOwner: 'forker', pullRequests: [] }),
    },
    inputs: { 'from-artifact': 'mlci-report' },
  });
  expect(post.code, post.stderr + post.stdout).toBe(0);
  expect(post.outputs.posted).toBe('true');
  const comments = gh.comments(REPO, 31);
  expect(comments).toHaveLength(1);
  expect(comments[0].body).toContain('From the fork');
  expect(comments[0].body).toContain('| auc | 0.93 |');
  // A fork's markdown may not ping anyone through the bot.
  expect(comments[0].body).toContain('cc @&#8203;octocat');
  // The fork's image travelled in the bundle and was published by the write-token run.
  expect(comments[0].body).toMatch(/!\[curve\]\(https:\/\/github\.com\/octo\/ml\/blob\/[0-9a-f]{40}\/images\/[0-9a-f]+\.png\?raw=true\)/);
  expect(gh.violations).toEqual([]);
});
