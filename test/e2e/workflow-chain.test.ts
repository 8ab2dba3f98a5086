import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { pullRequestEvent, pushEvent } from '../support/events/index.js';
import { useGitHub, useResultsService } from '../support/loopback.js';
import { ROOT } from '../support/runner.js';
import { type JobResult, runWorkflow, step, type WorkflowRun } from '../support/workflow-runner.js';

/**
 * The whole chain of ml.yml on a real scikit-learn project (examples/iris, trained with Debian's
 * python3-sklearn), run job by job as the runner would against the loopback GitHub, results
 * service and azurite, in a real clone whose `origin` is a bare repository: a push to main trains,
 * saves the baseline and publishes a version; a pull request with no change to what training
 * depends on hits the run-cache and compares with main's run; one that changes the params trains
 * again and shows the change.
 *
 * These run once train (issue #10) and publish-model (issue #11) have landed: until their
 * action.yml exists they are skipped, and the skip names the missing action.
 */

const exec = promisify(execFile);
const HAVE_TRAIN = existsSync(join(ROOT, 'actions/train/action.yml'));
const HAVE_PUBLISH = existsSync(join(ROOT, 'actions/publish-model/action.yml'));
const HAVE_SKLEARN = existsSync('/usr/lib/python3/dist-packages/sklearn');
const REPO = 'octo/iris';
const WHO = {
  GIT_AUTHOR_NAME: 'Data Scientist',
  GIT_AUTHOR_EMAIL: 'ds@example.com',
  GIT_COMMITTER_NAME: 'Data Scientist',
  GIT_COMMITTER_EMAIL: 'ds@example.com',
};

const gh = useGitHub({ repo: REPO });
const results = useResultsService({ repository: REPO, restOn: gh });

async function git(cwd: string, ...args: string[]): Promise<string> {
  return (await exec('git', args, { cwd, env: { ...process.env, ...WHO } })).stdout.trim();
}

/** The iris project committed to main, with a bare repository as GitHub's copy. */
async function irisRepo(): Promise<{ work: string; origin: string; commit(files: Record<string, string>, message: string, branch?: string): Promise<string> }> {
  const work = await mkdtemp(join(tmpdir(), 'mlci-iris-'));
  const origin = await mkdtemp(join(tmpdir(), 'mlci-iris-origin-'));
  await git(origin, 'init', '--bare', '-q', '-b', 'main');
  await cp(join(ROOT, 'examples/iris'), work, { recursive: true });
  await git(work, 'init', '-q', '-b', 'main');
  await git(work, 'remote', 'add', 'origin', origin);
  const repo = {
    work,
    origin,
    async commit(files: Record<string, string>, message: string, branch = 'main') {
      for (const [rel, content] of Object.entries(files)) await writeFile(join(work, rel), content);
      await git(work, 'add', '-A');
      await git(work, 'commit', '-q', '-m', message);
      await git(work, 'push', '-q', 'origin', `HEAD:refs/heads/${branch}`);
      return git(work, 'rev-parse', 'HEAD');
    },
  };
  await repo.commit({}, 'iris');
  return repo;
}

const INPUTS = {
  'python-version': '3',
  data: 'data/iris.csv',
  schema: 'schema.yml',
  reference: '',
  train: 'python train.py',
  'cache-inputs': 'train.py, params.yaml, data/**',
  outputs: 'model/',
  metrics: 'metrics.json',
  params: 'params.yaml',
  gates: 'gates.yml',
  'mlci-ref': 'a'.repeat(40),
};

const logOf = (job: JobResult) => job.steps.map((s) => `--- ${s.name}: ${s.outcome}\n${s.stdout}${s.stderr}`).join('\n');

describe.skipIf(!HAVE_TRAIN || !HAVE_SKLEARN)(
  `ml.yml with train${HAVE_TRAIN ? '' : ' (waits for actions/train/action.yml, issue #10)'}${HAVE_SKLEARN ? '' : ' (needs Debian python3-sklearn)'}`,
  () => {
    it('push to main trains and saves the baseline; a pull request hits the run-cache and compares with it; a change of params trains again', async () => {
      const repo = await irisRepo();
      const mainSha = await git(repo.work, 'rev-parse', 'HEAD');
      const base = (o: Partial<WorkflowRun>): WorkflowRun => ({
        workflow: '.github/workflows/ml.yml',
        repo: repo.work,
        origin: repo.origin,
        github: gh,
        repository: REPO,
        jobWorkflowSha: 'a'.repeat(40),
        event: { name: 'push', payload: {} },
        ...o,
        inputs: {
          ...INPUTS,
          ...(HAVE_PUBLISH ? { 'model-name': 'iris-model', 'model-path': 'model/', verify: 'python "$GITHUB_WORKSPACE/smoke_test.py" "$MLCI_MODEL_DIR"' } : {}),
          ...o.inputs,
        },
      });

      // 1. A push to main.
      const push = await runWorkflow(
        base({
          sha: mainSha,
          ref: 'refs/heads/main',
          event: { name: 'push', payload: pushEvent({ owner: 'octo', repo: 'iris', after: mainSha }) },
          env: results.env,
        }),
      );
      expect(push.ml.result, logOf(push.ml)).toBe('success');
      expect(step(push.ml, 'train').outputs['cache-hit']).toBe('false');
      // On a push the report stays in the run's summary: nothing to post on.
      expect(push.comment.result).toBe('skipped');
      expect(push.ml.summary).toContain('Training');

      // 2. A pull request that changes nothing training depends on: main's run comes from the run-cache.
      const prSha = await repo.commit({ 'NOTES.md': 'A note, nothing training reads.\n' }, 'notes', 'notes');
      gh.addPull(REPO, { number: 1, headSha: prSha, headRef: 'notes', baseRef: 'main' });
      const prEvent = (n: number, sha: string, ref: string) => ({
        name: 'pull_request',
        payload: pullRequestEvent({ owner: 'octo', repo: 'iris', number: n, headSha: sha, headRef: ref, baseSha: mainSha, apiUrl: gh.url }),
      });
      const pr = await runWorkflow(base({ sha: prSha, event: prEvent(1, prSha, 'notes'), env: results.newRun({ headSha: prSha }).env }));
      expect(pr.ml.result, logOf(pr.ml)).toBe('success');
      expect(pr.ml.outputs['cache-hit']).toBe('true');
      expect(pr.publish.result).toBe('skipped');
      const [comment, ...more] = gh.comments(REPO, 1);
      expect(more).toHaveLength(0);
      expect(comment.body).toContain('Data validation');
      expect(comment.body).toMatch(/Training/);
      expect(comment.body).toMatch(/cache hit|run-cache/i);
      expect(comment.body).toContain('Metrics');
      expect(comment.body).toContain('cache');

      // 3. A pull request that changes the params: a miss, trained again, compared with main's run.
      const params = 'train:\n  seed: 7\n  test_fraction: 0.3\n  n_estimators: 5\n  max_depth: 1\n';
      await git(repo.work, 'checkout', '-q', mainSha);
      const changedSha = await repo.commit({ 'params.yaml': params }, 'shallower trees', 'shallow');
      gh.addPull(REPO, { number: 2, headSha: changedSha, headRef: 'shallow', baseRef: 'main' });
      const changed = await runWorkflow(
        base({ sha: changedSha, event: prEvent(2, changedSha, 'shallow'), env: results.newRun({ headSha: changedSha }).env, inputs: { gates: '' } }),
      );
      expect(changed.ml.result, logOf(changed.ml)).toBe('success');
      expect(changed.ml.outputs['cache-hit']).toBe('false');
      const [second] = gh.comments(REPO, 2);
      expect(second.body).toMatch(/`train\.max_depth` \| 4 \| 1 \|/);

      if (HAVE_PUBLISH) {
        expect(push.publish.result, logOf(push.publish)).toBe('success');
        expect(push.publish.outputs.version).toBe('v0.0.1');
        expect(logOf(push.publish)).toContain('smoke test passed');
        const tags = (await git(repo.origin, 'tag', '--list')).split('\n').sort();
        expect(tags).toEqual(['iris-model#dev#1', 'iris-model@v0.0.1']);
      }
    });
  },
);
