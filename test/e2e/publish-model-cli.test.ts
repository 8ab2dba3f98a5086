import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mlci } from '../support/cli.js';
import { useGitHub } from '../support/loopback.js';
import { git, MODEL_FILES, modelRepo } from './publish-model-support.js';

/**
 * `mlci publish` from a laptop (or Jenkins, GitLab CI): only PATH and HOME in the environment, plus
 * a token for the release. The same tags in the local clone, pushed to its origin, the same release.
 */
const REPO = 'octo/laptop';
const TOKEN = 'ghp_laptop_token';
const gh = useGitHub({ repo: REPO, token: TOKEN, login: 'data-scientist', write: true });

describe('mlci publish', () => {
  it('registers, assigns, verifies and publishes a release from the local clone', async () => {
    const repo = await modelRepo(MODEL_FILES);
    const head = await git(repo.workspace, ['rev-parse', 'HEAD']);
    await git(repo.workspace, ['tag', '-a', 'churn-model@v0.3.0', head, '-m', 'Registering artifact churn-model version v0.3.0']);
    const c2 = await repo.commit({ 'model/weights.bin': Buffer.from('laptop weights') }, 'model v2');
    const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root', GITHUB_TOKEN: TOKEN, GITHUB_REPOSITORY: REPO, GITHUB_API_URL: gh.url };
    const args = [
      'publish',
      '--name',
      'churn-model',
      '--path',
      'model',
      '--bump',
      'minor',
      '--stage',
      'dev',
      '--destination',
      'release',
      '--verify',
      'test -f model/weights.bin',
      '--metrics',
      'metrics.json',
      '--report-dir',
      '.mlci-report',
    ];
    const r = await mlci(args, { cwd: repo.workspace, env });
    expect(r.code, r.stderr + r.stdout).toBe(0);
    expect(r.stdout).toContain('version v0.4.0 (churn-model@v0.4.0, churn-model#dev#1)');
    expect(await repo.originTags()).toEqual(['churn-model#dev#1', 'churn-model@v0.4.0']);
    const release = gh.releases(REPO).find((x) => x.tag_name === 'churn-model@v0.4.0');
    expect(release?.assets.find((a) => a.name === 'weights.bin')?.content.toString()).toBe('laptop weights');
    const card = await readFile(join(repo.workspace, '.mlci-report', 'publish-model-churn-model', 'MODEL_CARD.md'), 'utf8');
    expect(card).toContain(c2);

    // Again: nothing new.
    const again = await mlci(args, { cwd: repo.workspace, env });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('nothing new tagged');
    expect(gh.releases(REPO)).toHaveLength(1);
  });

  it('a name GTO refuses: exit 1, the flag named, nothing tagged', async () => {
    const repo = await modelRepo(MODEL_FILES);
    const r = await mlci(['publish', '--name', 'churn model', '--path', 'model'], { cwd: repo.workspace });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('"churn model" is not a name GTO accepts');
    expect(await repo.localTags()).toEqual([]);
  });
});
