import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { git, MODEL_FILES, modelRepo } from '../../../test/e2e/publish-model-support.js';
import { useGitHub } from '../../../test/support/loopback.js';
import { runInProcess } from '../../../test/support/in-process.js';

/**
 * The adapter in-process: inputs read as action.yml names them, one core call, the outputs. The
 * publications themselves run through the bundle in test/e2e/publish-model.test.ts.
 */
const REPO = 'octo/adapter';
const TOKEN = 'ghs_publish_adapter';
const gh = useGitHub({ repo: REPO, token: TOKEN, write: true });

async function step(inputs: Record<string, string>) {
  const repo = await modelRepo(MODEL_FILES);
  const sha = await git(repo.workspace, ['rev-parse', 'HEAD']);
  const r = await runInProcess({
    action: 'publish-model',
    workspace: repo.workspace,
    github: gh,
    token: TOKEN,
    repository: REPO,
    sha,
    inputs: { 'report-dir': '.mlci-report', ...inputs },
  });
  return { r, repo };
}

describe('publish-model adapter', () => {
  it('sets every output action.yml names', async () => {
    const { r, repo } = await step({ name: 'team/churn', path: 'model', bump: 'minor', stage: 'dev', 'dry-run': 'true' });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.outputs).toMatchObject({
      version: 'v0.0.1',
      tag: 'team/churn@v0.0.1',
      'stage-tag': 'team/churn#dev#1',
      'release-url': '',
      'oci-digest': '',
      'oci-ref': '',
    });
    expect(JSON.parse(await readFile(r.outputs['manifest-path'], 'utf8')).name).toBe('team/churn');
    expect(await readFile(r.outputs['card-path'], 'utf8')).toMatch(/^---\n/);
    expect(r.summary).toContain('Dry run');
    expect(await repo.localTags()).toEqual([]);
  });

  it('an input it refuses fails the step with a section naming it', async () => {
    const { r, repo } = await step({ name: 'churn', path: 'model', bump: 'huge' });
    expect(r.code).not.toBe(0);
    expect(r.annotations.filter((a) => a.level === 'error').map((a) => a.message)).toEqual(['input "bump": "huge" is not patch, minor or major']);
    const section = JSON.parse(await readFile(join(repo.workspace, '.mlci-report', 'publish-model-churn.section.json'), 'utf8'));
    expect(section).toMatchObject({ status: 'fail', stage: 'model', data: { error: { input: 'bump' } } });
  });

  it('an empty path is refused for a new version, naming the input, and nothing is tagged', async () => {
    const { r, repo } = await step({ name: 'churn', path: '' });
    expect(r.code).not.toBe(0);
    expect(r.annotations.filter((a) => a.level === 'error').map((a) => a.message)).toEqual([
      'input "path" is required: the model file or folder to publish (only a rollback of a stage to a registered version needs none)',
    ]);
    expect(await repo.localTags()).toEqual([]);
  });
});
