import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { useGitHub, useResultsService } from '../support/loopback.js';
import { ROOT } from '../support/runner.js';
import { type JobResult, runWorkflow, type WorkflowRun } from '../support/workflow-runner.js';

/**
 * promote.yml, dispatched, run as the runner would in a real clone whose `origin` is a bare
 * repository holding a registry GTO wrote: a promotion and a rollback leave the tags GTO expects,
 * and the job is bound to the environment named after the stage. Runs once publish-model (issue
 * #11) has landed; skipped until then, naming it.
 */

const exec = promisify(execFile);
const HAVE_PUBLISH = existsSync(join(ROOT, 'actions/publish-model/action.yml'));
const REPO = 'octo/iris';
const WHO = {
  GIT_AUTHOR_NAME: 'Data Scientist',
  GIT_AUTHOR_EMAIL: 'ds@example.com',
  GIT_COMMITTER_NAME: 'Data Scientist',
  GIT_COMMITTER_EMAIL: 'ds@example.com',
};

const gh = useGitHub({ repo: REPO });
const results = useResultsService({ repository: REPO, restOn: gh });

async function git(cwd: string, args: string[], env: Record<string, string> = {}): Promise<string> {
  return (await exec('git', args, { cwd, env: { ...process.env, ...WHO, ...env } })).stdout.trim();
}

const logOf = (job: JobResult) => job.steps.map((s) => `--- ${s.name}: ${s.outcome}\n${s.stdout}${s.stderr}`).join('\n');

describe.skipIf(!HAVE_PUBLISH)(`promote.yml${HAVE_PUBLISH ? '' : ' (waits for actions/publish-model/action.yml, issue #11)'}`, () => {
  it('promotes v0.2.0 to prod with the next counter, then rolls prod back to v0.1.0 without registering anything', async () => {
    const work = await mkdtemp(join(tmpdir(), 'mlci-promote-'));
    const origin = await mkdtemp(join(tmpdir(), 'mlci-promote-origin-'));
    await git(origin, ['init', '--bare', '-q', '-b', 'main']);
    await git(work, ['init', '-q', '-b', 'main']);
    await git(work, ['remote', 'add', 'origin', origin]);
    const commits: string[] = [];
    for (const [i, version] of ['v0.1.0', 'v0.2.0'].entries()) {
      await writeFile(join(work, 'train.py'), `# run ${i}\n`);
      await git(work, ['add', '-A']);
      await git(work, ['commit', '-q', '-m', `train ${version}`]);
      commits.push(await git(work, ['rev-parse', 'HEAD']));
      // As gto writes them: annotated, dated.
      await git(work, ['tag', '-a', `iris-model@${version}`, '-m', `Registering artifact iris-model version ${version}`], {
        GIT_COMMITTER_DATE: `${1_700_000_000 + i * 100} +0000`,
      });
    }
    await git(work, ['tag', '-a', 'iris-model#prod#1', commits[0], '-m', 'Assigning stage prod to artifact iris-model version v0.1.0'], {
      GIT_COMMITTER_DATE: '1700000050 +0000',
    });
    await git(work, ['push', '-q', 'origin', 'main', '--tags']);

    const dispatch = (version: string): WorkflowRun => ({
      workflow: '.github/workflows/promote.yml',
      repo: work,
      origin,
      github: gh,
      repository: REPO,
      sha: commits[1],
      ref: 'refs/heads/main',
      event: { name: 'workflow_dispatch', payload: { inputs: { name: 'iris-model', version, stage: 'prod' } } },
      inputs: { name: 'iris-model', version, stage: 'prod', 'mlci-ref': 'a'.repeat(40) },
      env: results.newRun().env,
    });

    const promote = (await runWorkflow(dispatch('v0.2.0'))).promote;
    expect(promote.result, logOf(promote)).toBe('success');
    expect(promote.environment).toBe('prod');
    expect(promote.outputs['stage-tag']).toBe('iris-model#prod#2');

    const rollback = (await runWorkflow(dispatch('v0.1.0'))).promote;
    expect(rollback.result, logOf(rollback)).toBe('success');
    expect(rollback.environment).toBe('prod');
    expect(rollback.outputs['stage-tag']).toBe('iris-model#prod#3');
    expect(rollback.summary).toContain('prod');

    const tags = (await git(origin, ['tag', '--list'])).split('\n').sort();
    expect(tags).toEqual(['iris-model#prod#1', 'iris-model#prod#2', 'iris-model#prod#3', 'iris-model@v0.1.0', 'iris-model@v0.2.0']);
    expect(await git(origin, ['rev-list', '-n', '1', 'iris-model#prod#3'])).toBe(commits[0]);
  });
});
