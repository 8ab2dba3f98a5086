import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { pullRequestEvent, pushEvent } from '../support/events/index.js';
import { useGitHub, useResultsService } from '../support/loopback.js';
import { runAction } from '../support/runner.js';
import { GET_STARTED, readJson, shown, workspaceFrom } from './compare-metrics-support.js';

/**
 * `baseline: artifact:<name>`: the default branch's run uploads its metrics with
 * `save-baseline: artifact:<name>`; a pull request's run finds the latest successful run on the
 * base branch that has the artifact (REST list of workflow runs) and downloads it through
 * @actions/artifact's findBy, against the loopback GitHub and results service.
 */

const REPO = 'octo/ml';
const TOKEN = 'ghs_artifact_baseline_token';
const BASE_SHA = 'b'.repeat(40);
const HEAD_SHA = 'e'.repeat(40);
const METRICS = 'eval/live/metrics.json\nscores.json';

const gh = useGitHub({ repo: REPO, token: TOKEN });
const results = useResultsService({ repository: REPO, headSha: BASE_SHA, restOn: gh });
const runs: Array<{ id: number; headBranch: string; event: string; conclusion: string }> = [];

beforeAll(() => {
  // The loopback GitHub serves single runs but not the list: answered here from the runs it
  // holds, fetched one by one from it (so their shape is the server's), filtered as GitHub does.
  gh.route('GET', '/repos/{owner}/{repo}/actions/runs', async (req) => {
    const all = [];
    for (const run of [...runs].reverse()) {
      const res = await fetch(`${gh.url}/repos/${REPO}/actions/runs/${run.id}`, { headers: { authorization: `token ${TOKEN}` } });
      all.push(await res.json());
    }
    const q = req.query;
    const shown = all.filter(
      (r: any) =>
        (!q.branch || r.head_branch === q.branch) && (!q.status || r.conclusion === q.status || r.status === q.status) && (!q.event || r.event === q.event),
    );
    return { status: 200, body: { total_count: shown.length, workflow_runs: shown.slice(0, Number(q.per_page ?? 30)) } };
  });
});

function addRun(id: number, o: { headBranch?: string; event?: string; conclusion?: string } = {}) {
  const run = { id, headBranch: o.headBranch ?? 'main', event: o.event ?? 'push', conclusion: o.conclusion ?? 'success' };
  gh.addWorkflowRun(REPO, { id, headSha: BASE_SHA, headBranch: run.headBranch, event: run.event, conclusion: run.conclusion });
  runs.push(run);
}

it('compares a pull request with the artifact of the latest successful run on the base branch', async () => {
  // The default branch's run: passes, uploads its metrics and params as the baseline artifact.
  const upload = await runAction({
    action: 'compare-metrics',
    github: gh,
    token: TOKEN,
    repository: REPO,
    sha: BASE_SHA,
    env: results.env,
    workspace: await workspaceFrom(join(GET_STARTED, 'base')),
    event: { name: 'push', payload: pushEvent({ owner: 'octo', repo: 'ml', after: BASE_SHA, before: '0'.repeat(40) }) },
    inputs: { metrics: METRICS, params: 'params.yaml', 'save-baseline': 'artifact:metrics-baseline', 'report-dir': '.mlci-report' },
  });
  expect(upload.code, upload.stdout + upload.stderr).toBe(0);
  expect(results.artifacts().map((a) => [a.name, a.runId])).toEqual([['metrics-baseline', results.runId]]);
  addRun(results.runId);
  // Later runs on main that cannot serve: one failed, one succeeded without the artifact; and a
  // pull request run from a fork's branch also called main.
  const failed = results.newRun();
  addRun(failed.runId, { conclusion: 'failure' });
  const without = results.newRun();
  addRun(without.runId);
  const forkRun = results.newRun();
  addRun(forkRun.runId, { event: 'pull_request' });

  const pr = results.newRun({ headSha: HEAD_SHA, headBranch: 'feature' });
  const r = await runAction({
    action: 'compare-metrics',
    github: gh,
    token: TOKEN,
    repository: REPO,
    sha: HEAD_SHA,
    env: pr.env,
    workspace: await workspaceFrom(join(GET_STARTED, 'head')),
    event: { name: 'pull_request', payload: pullRequestEvent({ owner: 'octo', repo: 'ml', number: 3, headSha: HEAD_SHA, baseRef: 'main', baseSha: BASE_SHA }) },
    inputs: { metrics: METRICS, params: 'params.yaml', baseline: 'artifact:metrics-baseline', 'report-dir': '.mlci-report' },
  });
  expect(r.code, r.stdout + r.stderr).toBe(0);
  // The run's head commit is what the artifact was saved from; its creation time is when.
  expect(await shown(r.outputs.markdown)).toMatch(
    new RegExp(
      `Compared with artifact:metrics-baseline of run ${results.runId}, saved \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC, commit \\[\`bbbbbbb\`\\]\\(https://github.com/octo/ml/commit/${BASE_SHA}\\)`,
    ),
  );
  expect(r.outputs.regressions).toBe('4');
  const diff = await readJson(r.outputs['diff-json']);
  expect(diff.params.filter((p: any) => p.status === 'changed')).toHaveLength(3);
  // Looked at the runs that succeeded, newest first, and asked each for the artifact by name.
  const asked = gh.requests.filter((q) => q.operationId === 'actions/list-workflow-run-artifacts').map((q) => q.path);
  expect(asked).toEqual([`/repos/${REPO}/actions/runs/${without.runId}/artifacts`, `/repos/${REPO}/actions/runs/${results.runId}/artifacts`]);
});

it('has no baseline when no run on the base branch has the artifact', async () => {
  const r = await runAction({
    action: 'compare-metrics',
    github: gh,
    token: TOKEN,
    repository: REPO,
    env: results.newRun().env,
    workspace: await workspaceFrom(join(GET_STARTED, 'head')),
    event: { name: 'pull_request', payload: pullRequestEvent({ owner: 'octo', repo: 'ml', number: 3, headSha: HEAD_SHA, baseRef: 'main' }) },
    inputs: { metrics: METRICS, baseline: 'artifact:nobody-uploaded-this', 'report-dir': '.mlci-report' },
  });
  expect(r.code, r.stdout + r.stderr).toBe(0);
  expect(await shown(r.outputs.markdown)).toContain('No baseline: no successful run on main has an artifact named nobody-uploaded-this.');
});
