import { cp, mkdtemp, readdir, readFile, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { baselineName } from '@mlci/core/baseline';
import { describe, expect, it } from 'vitest';
import { pullRequestEvent, pushEvent, workflowRunEvent } from '../support/events/index.js';
import type { GitObject } from '../support/github/git.js';
import { useGitHub, useResultsService } from '../support/loopback.js';
import { ROOT } from '../support/runner.js';
import { runWorkflow, step, type WorkflowRun } from '../support/workflow-runner.js';

/**
 * ml.yml and ml-comment.yml run job by job, step by step, as the runner would
 * (test/support/workflow-runner.ts), on the penguins project against the loopback GitHub and
 * results service: the dist bundles of mlci's actions, checked out as the workflow checks itself
 * out, each job with its own workspace and a token made from its `permissions:` block.
 *
 * Here the penguins trainer runs as the project's `setup` command (the base run beside this
 * change's, as main's run would have left it) and train's and publish-model's steps are skipped by
 * their empty inputs; test/e2e/workflow-chain.test.ts runs the chain with them.
 */

const REPO = 'octo/ml';
const HEAD = '3'.repeat(40);
const ML = '.github/workflows/ml.yml';
const gh = useGitHub({ repo: REPO, pull: { number: 7, headSha: HEAD, headRef: 'more-features', baseRef: 'main' } });
const results = useResultsService({ repository: REPO, headSha: HEAD, restOn: gh });

/** The penguins project as a repository: data, schema, params, gates and its trainer. */
async function penguinsRepo(): Promise<string> {
  const repo = await mkdtemp(join(tmpdir(), 'mlci-penguins-'));
  const ex = join(ROOT, 'examples/penguins');
  for (const f of ['data', 'base', 'schema.yml', 'params.yaml', 'gates.yml', 'train.mjs']) await cp(join(ex, f), join(repo, f), { recursive: true });
  // The trainer imports `yaml`; a project would have installed it in its setup.
  await symlink(join(ROOT, 'node_modules'), join(repo, 'node_modules'));
  return repo;
}

const SETUP = [
  'node train.mjs --data base/penguins.csv --params base/params.yaml --out base-run/eval',
  'cp base/params.yaml base-run/params.yaml',
  'node train.mjs --data data/penguins.csv --params params.yaml --out eval',
].join(' && ');

const INPUTS = {
  setup: SETUP,
  data: 'data/penguins.csv',
  schema: 'schema.yml',
  reference: 'base/penguins.csv',
  metrics: 'eval/metrics.json',
  params: 'params.yaml',
  baseline: 'file:base-run',
  gates: 'gates.yml',
  // This checkout stands for mlci at the workflow's commit.
  'mlci-ref': 'a'.repeat(40),
};

function prRun(o: {
  repo: string;
  number: number;
  headSha: string;
  fork?: boolean;
  inputs?: Record<string, string>;
  env?: Record<string, string>;
}): WorkflowRun {
  return {
    workflow: ML,
    repo: o.repo,
    github: gh,
    repository: REPO,
    sha: 'b'.repeat(40),
    event: {
      name: 'pull_request',
      payload: pullRequestEvent({ owner: 'octo', repo: 'ml', number: o.number, headSha: o.headSha, fork: o.fork, apiUrl: gh.url }),
    },
    inputs: { ...INPUTS, ...o.inputs },
    env: o.env ?? results.env,
    readOnlyToken: o.fork,
    jobWorkflowSha: 'a'.repeat(40),
  };
}

describe('ml.yml on a pull request', () => {
  it('validates the data, compares the metrics with the gates and leaves one comment with both sections', async () => {
    const jobs = await runWorkflow(prRun({ repo: await penguinsRepo(), number: 7, headSha: HEAD }));
    const ml = jobs.ml;
    const log = ml.steps.map((s) => `${s.name}: ${s.outcome}\n${s.stdout}${s.stderr}`).join('\n');
    expect(ml.result, log).toBe('success');
    expect(ml.runsOn).toBe('ubuntu-latest');
    expect(ml.steps.map((s) => [s.id ?? s.name, s.outcome])).toEqual([
      ['actions/checkout@v5', 'success'],
      ["mlci's actions at this workflow's commit", 'success'],
      ['actions/setup-python@v6', 'skipped'],
      ['Setup', 'success'],
      ['./.mlci/actions/validate-data', 'success'],
      ['train', 'skipped'],
      ['Test', 'skipped'],
      ['compare', 'success'],
      ['history-metrics', 'skipped'],
      ['actions/upload-artifact@v5', 'skipped'],
      ['report', 'success'],
    ]);
    // The job that ran the project's code had no write token: it posted nothing itself.
    expect(step(ml, 'report').outputs.posted).toBe('false');
    expect(results.artifacts().map((a) => a.name)).toContain('mlci-report');
    expect(jobs.publish.result).toBe('skipped');
    expect(jobs.history.result).toBe('skipped');

    expect(jobs.comment.result, jobs.comment.steps.map((s) => s.stdout + s.stderr).join('\n')).toBe('success');
    // The posting job holds a write token and never had the repository in its workspace.
    expect(await readdir(jobs.comment.workspace!)).toEqual(['.mlci']);
    const comments = gh.comments(REPO, 7);
    expect(comments).toHaveLength(1);
    const body = comments[0].body ?? '';
    expect(body).toContain('Data validation');
    expect(body).toContain('data/penguins');
    expect(body).toContain('Metrics');
    expect(body).toMatch(/\| `test\.accuracy` ↑ \| 0\.\d+ \| 0\.\d+ \|/);
    expect(body).toContain('**Gates**: passed');
    expect(ml.outputs['report-status']).toMatch(/^(pass|warn)$/);
  });

  it('a failing gate fails the run, and the comment says so', async () => {
    const repo = await penguinsRepo();
    const run = results.newRun({ headSha: '4'.repeat(40) });
    gh.addPull(REPO, { number: 8, headSha: '4'.repeat(40) });
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(repo, 'gates.yml'), 'metrics:\n  "test.accuracy": { direction: higher, min: 1.5 }\n');
    const jobs = await runWorkflow(prRun({ repo, number: 8, headSha: '4'.repeat(40), env: run.env }));
    expect(jobs.ml.result).toBe('failure');
    expect(step(jobs.ml, 'report').outcome).toBe('success');
    expect(jobs.comment.result).toBe('success');
    const [comment] = gh.comments(REPO, 8);
    expect(comment.body).toContain('❌');
  });
});

describe('ml.yml with a test command', () => {
  it("the command's failing JUnit results reach the comment as a failing Tests section; the run goes on to the metrics", async () => {
    const repo = await penguinsRepo();
    const head = 'e'.repeat(40);
    const run = results.newRun({ headSha: head });
    gh.addPull(REPO, { number: 41, headSha: head });
    await cp(join(ROOT, 'packages/core/src/test-results/fixtures/pytest.xml'), join(repo, 'fixture-results.xml'));
    // A test command as pytest behaves: it writes its results and exits 1 when a test fails.
    const jobs = await runWorkflow(
      prRun({ repo, number: 41, headSha: head, env: run.env, inputs: { test: 'cp fixture-results.xml test-results.xml && exit 1' } }),
    );
    const ml = jobs.ml;
    expect(step(ml, 'Test').outcome).toBe('failure');
    expect(step(ml, './.mlci/actions/compare-metrics').outcome).toBe('success');
    expect(ml.outputs['report-status']).toBe('fail');
    const [comment] = gh.comments(REPO, 41);
    expect(comment.body).toContain('### ❌ Tests');
    expect(comment.body).toContain('**6 tests**: 2 passed, 2 failed, 1 error, 1 skipped');
    // The tests stage comes before the metrics.
    expect(comment.body!.indexOf('### ❌ Tests')).toBeLessThan(comment.body!.search(/### \S+ Metrics/));
  });
});

describe('the fork-safe pair: ml.yml on a fork, ml-comment.yml on workflow_run', () => {
  const FORK_HEAD = '5'.repeat(40);
  const OTHER_HEAD = '6'.repeat(40);

  function commentRun(runId: number, headSha: string, env: Record<string, string>): WorkflowRun {
    return {
      workflow: '.github/workflows/ml-comment.yml',
      repo: '/nonexistent',
      github: gh,
      repository: REPO,
      event: {
        name: 'workflow_run',
        payload: workflowRunEvent({ owner: 'octo', repo: 'ml', runId, headSha, headOwner: 'contributor', headBranch: 'patch-1', pullRequests: [] }),
      },
      inputs: { 'mlci-ref': 'a'.repeat(40) },
      env,
      jobWorkflowSha: 'a'.repeat(40),
    };
  }

  it('the fork run posts nothing; the workflow_run side posts once on the right pull request, refuses a moved head, and no bundle redirects it', async () => {
    gh.addPull(REPO, { number: 31, headSha: FORK_HEAD, headRef: 'patch-1', user: 'contributor' });
    gh.addPull(REPO, { number: 32, headSha: OTHER_HEAD, headRef: 'other' });
    const forkRun = results.newRun({ headSha: FORK_HEAD, headBranch: 'patch-1' });
    // The fork's own code (its setup) writes a section that claims to be the report of #32.
    const forged = JSON.stringify({
      schema: 'mlci/section@1',
      action: 'compare-metrics',
      id: 'forged',
      stage: 'metrics',
      title: 'Report for #32',
      status: 'pass',
      summary: 'post me on #32',
      markdown: 'This bundle belongs to pull request #32 (target: pr/32).',
      created: new Date().toISOString(),
    });
    const setup = `${SETUP} && mkdir -p "$RUNNER_TEMP/forged" && printf '%s' '${forged}' > "$RUNNER_TEMP/forged/x.section.json"`;
    const fork = await runWorkflow(prRun({ repo: await penguinsRepo(), number: 31, headSha: FORK_HEAD, fork: true, env: forkRun.env, inputs: { setup } }));
    expect(fork.ml.result, fork.ml.steps.map((s) => s.stdout + s.stderr).join('\n')).toBe('success');
    expect(fork.comment.result).toBe('skipped');
    expect(gh.comments(REPO, 31)).toHaveLength(0);
    expect(
      results
        .artifacts()
        .filter((a) => a.runId === forkRun.runId)
        .map((a) => a.name),
    ).toEqual(['mlci-report']);

    const post = await runWorkflow(commentRun(forkRun.runId, FORK_HEAD, results.newRun().env));
    expect(post.comment.result, post.comment.steps.map((s) => s.stdout + s.stderr).join('\n')).toBe('success');
    expect(await readdir(post.comment.workspace!)).toEqual(['.mlci']);
    const comments = gh.comments(REPO, 31);
    expect(comments).toHaveLength(1);
    expect(comments[0].body).toContain('Data validation');
    expect(gh.comments(REPO, 32)).toHaveLength(0);
    expect(post.comment.outputs['comment-url']).toContain('/pull/31');

    // The fork pushed again: the old run's report no longer belongs on the pull request.
    gh.addPull(REPO, { number: 31, headSha: '7'.repeat(40), headRef: 'patch-1', user: 'contributor' });
    const stale = await runWorkflow(commentRun(forkRun.runId, FORK_HEAD, results.newRun().env));
    expect(stale.comment.result).toBe('success');
    expect(stale.comment.outputs['comment-url']).toBe('');
    expect(gh.comments(REPO, 31)).toEqual(comments);
    expect(gh.comments(REPO, 32)).toHaveLength(0);
  });

  it('ml-comment.yml does nothing on an event other than workflow_run', async () => {
    const jobs = await runWorkflow({ ...commentRun(1, FORK_HEAD, results.env), event: { name: 'push', payload: {} } });
    expect(jobs.comment.result).toBe('skipped');
  });
});

describe('ml.yml with a metrics history', () => {
  /** The entries of history/<name>.json at the mlci-history branch's head, read from the loopback's git store. */
  function historyEntries(): { path: string; entries: any[] } {
    const object = (sha: string) => gh.gitObject(REPO, sha) as GitObject;
    const commit = object(gh.refs(REPO)['refs/heads/mlci-history']);
    if (commit.type !== 'commit') throw new Error('mlci-history is not a commit');
    const root = object(commit.tree);
    const dir = root.type === 'tree' ? root.entries.find((e) => e.path === 'history') : undefined;
    const files = dir && object(dir.sha);
    const [file] = files?.type === 'tree' ? files.entries : [];
    const blob = object(file.sha);
    if (blob.type !== 'blob') throw new Error(`history/${file.path} is not a blob`);
    return { path: `history/${file.path}`, entries: JSON.parse(blob.content.toString('utf8')).entries };
  }

  it("a push to main appends with the history job's write token alone; a pull request shows the trend against it", async () => {
    const mainSha = '8'.repeat(40);
    const pushRun = results.newRun({ headSha: mainSha, headBranch: 'main' });
    const repo = await penguinsRepo();
    const before = gh.requests.length;
    const push = await runWorkflow({
      workflow: ML,
      repo,
      github: gh,
      repository: REPO,
      sha: mainSha,
      ref: 'refs/heads/main',
      event: { name: 'push', payload: pushEvent({ owner: 'octo', repo: 'ml', after: mainSha, apiUrl: gh.url }) },
      inputs: { ...INPUTS, history: '5', trend: 'test.loss' },
      env: pushRun.env,
      jobWorkflowSha: 'a'.repeat(40),
    });
    const logOf = (j: (typeof push)[string]) => j.steps.map((s) => `${s.name}: ${s.outcome}\n${s.stdout}${s.stderr}`).join('\n');
    expect(push.ml.result, logOf(push.ml)).toBe('success');
    // The job that ran the project's code read nothing of the history and tried no write.
    expect(step(push.ml, 'compare').stdout).not.toContain('Metrics history');
    expect(step(push.ml, 'history-metrics').outcome).toBe('success');
    expect(push.history.result, logOf(push.history)).toBe('success');
    expect(step(push.history, './.mlci/actions/compare-metrics').stdout).toContain(`Metrics history: ${mainSha.slice(0, 7)} appended to mlci-history:history/`);

    // One entry, named as the ml job's compare step names its baseline, with the metrics it trained.
    const trained = JSON.parse(await readFile(join(push.ml.workspace!, 'eval/metrics.json'), 'utf8'));
    const history = historyEntries();
    expect(history.path).toBe(`history/${baselineName([INPUTS.metrics])}.json`);
    expect(history.entries).toHaveLength(1);
    expect(history.entries[0].sha).toBe(mainSha);
    expect(history.entries[0].runId).toBe(pushRun.runId);
    expect(history.entries[0].metrics['eval/metrics.json']['test.accuracy']).toBe(trained.test.accuracy);
    expect(history.entries[0].metrics['eval/metrics.json']['test.loss']).toBe(trained.test.loss);

    // Every write to the repository was the history job's token; the ml job's token only ever read.
    const made = gh.requests.slice(before).filter((r) => r.method !== 'GET' && r.path.startsWith(`/repos/${REPO}/git/`));
    expect(made.map((r) => r.operationId)).toEqual(['git/create-tree', 'git/create-commit', 'git/create-ref']);
    expect(new Set(made.map((r) => r.token))).toEqual(new Set([push.history.token]));
    const byMl = gh.requests.slice(before).filter((r) => r.token === push.ml.token);
    expect(byMl.filter((r) => r.method !== 'GET')).toEqual([]);

    // A pull request against main: its comment places this change among main's runs.
    const head = '9'.repeat(40);
    const prResults = results.newRun({ headSha: head });
    gh.addPull(REPO, { number: 52, headSha: head, headRef: 'feature', baseRef: 'main' });
    const pr = await runWorkflow(
      prRun({ repo: await penguinsRepo(), number: 52, headSha: head, env: prResults.env, inputs: { history: '5', trend: 'test.loss' } }),
    );
    expect(pr.ml.result, logOf(pr.ml)).toBe('success');
    expect(pr.history.result).toBe('skipped');
    expect(step(pr.ml, 'compare').stdout).toContain('Metrics history not appended: only a push to the default branch appends to it.');
    expect(gh.refs(REPO)['refs/heads/mlci-history']).toBeDefined();
    expect(historyEntries().entries).toHaveLength(1);
    const [comment] = gh.comments(REPO, 52);
    expect(comment.body).toContain('**Trend over main** (this change against the last 1 run of main in the metrics history)');
    expect(comment.body).toContain('`test.loss`');
    expect(comment.body).toContain(mainSha.slice(0, 7));
  });

  it('a push whose gate fails appends nothing: the history job does not run', async () => {
    const sha = 'c'.repeat(40);
    const repo = await penguinsRepo();
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(repo, 'gates.yml'), 'metrics:\n  "test.accuracy": { direction: higher, min: 1.5 }\n');
    const ref = gh.refs(REPO)['refs/heads/mlci-history'];
    const push = await runWorkflow({
      workflow: ML,
      repo,
      github: gh,
      repository: REPO,
      sha,
      ref: 'refs/heads/main',
      event: { name: 'push', payload: pushEvent({ owner: 'octo', repo: 'ml', after: sha, apiUrl: gh.url }) },
      inputs: { ...INPUTS, history: '5' },
      env: results.newRun({ headSha: sha, headBranch: 'main' }).env,
      jobWorkflowSha: 'a'.repeat(40),
    });
    expect(push.ml.result).toBe('failure');
    expect(step(push.ml, 'history-metrics').outcome).toBe('skipped');
    expect(push.history.result).toBe('skipped');
    expect(gh.refs(REPO)['refs/heads/mlci-history']).toBe(ref);
  });
});
