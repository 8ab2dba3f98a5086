import { expect, it } from 'vitest';
import { pullRequestEvent } from '../../support/events/index.js';
import { useGitHub } from '../../support/loopback.js';
import { runAction, type RunOptions } from '../../support/runner.js';
import { workspaceWith } from './support.js';

/**
 * The runner masks secrets in the log only. A data value or a metric name can carry the job token
 * (or the runner's own runtime token) into a report as easily as a log line: before anything is
 * posted or written to the summary it is scrubbed of every value the step registered as secret.
 */

const REPO = 'octo/ml';
const TOKEN = 'ghs_secret_scrub_job_token_9f8e7d6c5b4a';
const RUNTIME = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJub25lIn0.planted-runtime-token';
const HEAD = 'c'.repeat(40);

const gh = useGitHub({ repo: REPO, token: TOKEN, write: true, pull: { number: 9, headSha: HEAD, headRef: 'feature', baseRef: 'main' } });

function run(action: string, workspace: string, inputs: Record<string, string>, o: Partial<RunOptions> = {}) {
  return runAction({
    action,
    workspace,
    github: gh,
    token: TOKEN,
    repository: REPO,
    event: { name: 'pull_request', payload: pullRequestEvent({ owner: 'octo', repo: 'ml', number: 9, headSha: HEAD, apiUrl: gh.url }) },
    env: { ACTIONS_RUNTIME_TOKEN: RUNTIME },
    ...o,
    inputs: { 'report-dir': '.mlci-report', ...inputs },
  });
}

it('scrubs the job token and the runtime token from data values and metric names in the comment, the check run and every summary', async () => {
  const ws = await workspaceWith({
    'data/users.csv': `name,score\nalice,1\n${TOKEN},2\nbob-${RUNTIME},3\n`,
    'data/schema.yml': 'columns:\n  name: { type: string, enum: [alice, bob] }\n  score: { type: integer }\n',
    'metrics.json': JSON.stringify({ [TOKEN]: 0.5, [`auc_${RUNTIME}`]: 0.7, plain_auc: 0.9 }),
  });
  const validated = await run('validate-data', ws, { data: 'data/users.csv', schema: 'data/schema.yml', 'fail-on': 'never' });
  expect(validated.code, validated.stdout + validated.stderr).toBe(0);
  expect(validated.outputs.errors).toBe('1');
  const compared = await run('compare-metrics', ws, { metrics: 'metrics.json', baseline: 'none' });
  expect(compared.code, compared.stdout + compared.stderr).toBe(0);
  const reported = await run('comment-report', ws, { 'check-run': 'mlci' });
  expect(reported.code, reported.stdout + reported.stderr).toBe(0);

  const [comment] = gh.comments(REPO, 9);
  const [check] = gh.checkRuns(REPO);
  expect(check).toBeDefined();
  const received = JSON.stringify({ comment, check });
  // The values reached the report (as ***), so the scrub had something to do.
  expect(comment.body).toContain('***');
  expect(comment.body).toContain('plain_auc');
  for (const shown of [received, validated.summary, compared.summary, reported.summary]) {
    expect(shown).not.toContain(TOKEN);
    expect(shown).not.toContain(RUNTIME);
  }
  // Nor does any request the loopback GitHub saw carry them, other than as the credential itself.
  expect(JSON.stringify(gh.requests)).not.toContain(RUNTIME);
});
