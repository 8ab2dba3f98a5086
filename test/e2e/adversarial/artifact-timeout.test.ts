import { beforeAll, expect, it } from 'vitest';
import { pullRequestEvent } from '../../support/events/index.js';
import { useGitHub, useResultsService } from '../../support/loopback.js';
import { runAction } from '../../support/runner.js';

/**
 * @actions/artifact takes no timeout for its calls to the results service. A service that takes
 * the request and never answers must still end the step, with a message that says what hung,
 * instead of a job that waits for its own timeout (6 hours by default).
 */
const REPO = 'octo/ml';
const HEAD = '7'.repeat(40);
const gh = useGitHub({ repo: REPO, token: 'ghs_fork_read_only', pull: { number: 3, headSha: HEAD, headRef: 'patch-1', baseRef: 'main' } });
const results = useResultsService({ repository: REPO, headSha: HEAD });
beforeAll(() => results.hang('ArtifactService/CreateArtifact'));

it('a results service that never answers fails the upload with a clear error, and the step ends', async () => {
  const run = await runAction({
    action: 'comment-report',
    github: gh,
    token: 'ghs_fork_read_only',
    repository: REPO,
    env: { ...results.env, MLCI_ARTIFACT_TIMEOUT_MS: '1500' },
    event: { name: 'pull_request', payload: pullRequestEvent({ owner: 'octo', repo: 'ml', number: 3, headSha: HEAD, fork: true }) },
    files: { 'report.md': '## Report\n' },
    inputs: { markdown: 'report.md', 'upload-artifact': 'mlci-report' },
  });
  expect(run.code).toBe(1);
  const errors = run.annotations.filter((a) => a.level === 'error').map((a) => a.message);
  expect(errors).toEqual([expect.stringContaining('the artifact service did not finish uploading mlci-report within 1500 ms')]);
  // Nothing was half-made: no artifact exists, and the report still reached the job summary.
  expect(results.artifacts()).toEqual([]);
  expect(run.summary).toContain('Report');
});
