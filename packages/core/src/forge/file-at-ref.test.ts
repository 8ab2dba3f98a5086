import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { Octokit } from '@octokit/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useGitHub } from '../../../../test/support/loopback.js';
import type { Api } from './api.js';
import { openInClone, openThroughApi, resolveCommit } from './file-at-ref.js';

const run = promisify(execFile);
const git = (cwd: string, ...args: string[]) =>
  run('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd });

/** A repository whose main holds the files, and a working tree changed after the commit. */
async function repository(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'mlci-at-ref-test-'));
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, rel)), { recursive: true });
    await writeFile(join(dir, rel), text);
  }
  await symlink('/etc/hostname', join(dir, 'ml/link.csv'));
  await git(dir, 'init', '-q', '-b', 'main');
  await git(dir, 'add', '-A');
  await git(dir, 'commit', '-q', '-m', 'base');
  await writeFile(join(dir, 'ml/data.csv'), 'changed\n');
  return dir;
}

describe('openInClone', () => {
  it('reads regular files of the commit relative to the workspace, streamed or whole', async () => {
    const repo = await repository({ 'ml/data.csv': 'a,b\n1,2\n', 'ml/a*b.csv': 'star\n', 'ml/sub/x.json': '{}', 'top.csv': 'x' });
    const files = await openInClone('main', join(repo, 'ml'), { input: 'reference' });
    expect(files?.via).toBe('git');
    expect(files?.commit.sha).toBe(await resolveCommit('HEAD', repo));
    expect(files?.commit.date).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect((await files!.read('data.csv'))?.toString()).toBe('a,b\n1,2\n');
    // A name with a glob character is that file, not a pattern.
    expect((await files!.read('a*b.csv'))?.toString()).toBe('star\n');
    const dest = join(await mkdtemp(join(tmpdir(), 'mlci-at-ref-copy-')), 'data.csv');
    expect(await files!.copyTo('data.csv', dest)).toBe(true);
    expect(await readFile(dest, 'utf8')).toBe('a,b\n1,2\n');
    expect(await files!.list(['**/*.csv'])).toEqual(['a*b.csv', 'data.csv', 'link.csv']);
  });

  it('has no file for a missing path, a directory or a symlink', async () => {
    const repo = await repository({ 'ml/data.csv': 'a\n', 'ml/sub/x.json': '{}' });
    const files = (await openInClone('main', join(repo, 'ml'), { input: 'reference' }))!;
    expect(await files.read('missing.csv')).toBeUndefined();
    expect(await files.read('sub')).toBeUndefined();
    expect(await files.read('link.csv')).toBeUndefined();
    expect(await files.copyTo('link.csv', join(repo, 'copy'))).toBe(false);
  });

  it('refuses a file over the bound, naming the input and the file at its ref', async () => {
    const repo = await repository({ 'ml/data.csv': 'x'.repeat(2048) });
    const files = (await openInClone('main', join(repo, 'ml'), { input: 'baseline', maxBytes: 1024 }))!;
    await expect(files.read('data.csv')).rejects.toThrow(
      expect.objectContaining({ name: 'UserError', input: 'baseline', message: expect.stringContaining('data.csv@main') }),
    );
  });

  it('finds a branch as origin/<name>, and nothing for a ref the clone lacks or outside a clone', async () => {
    const repo = await repository({ 'ml/data.csv': 'a\n' });
    await git(repo, 'update-ref', 'refs/remotes/origin/release', 'HEAD');
    expect((await openInClone('release', repo, { input: 'reference' }))?.commit.sha).toBe(await resolveCommit('main', repo));
    expect(await openInClone('nope', repo, { input: 'reference' })).toBeUndefined();
    expect(await openInClone('--output=x', repo, { input: 'reference' })).toBeUndefined();
    expect(await openInClone('main', tmpdir(), { input: 'reference' })).toBeUndefined();
  });
});

describe('openThroughApi', () => {
  const REPO = 'octo/ml';
  const TOKEN = 'ghs_file_at_ref_token';
  const gh = useGitHub({ repo: REPO, token: TOKEN });
  let api: Api;
  beforeAll(() => {
    api = new Octokit({ auth: TOKEN, baseUrl: gh.url }) as unknown as Api;
  });
  const repo = { owner: 'octo', repo: 'ml' };

  it('resolves the ref to its commit once and reads every file at that sha, with the raw media type', async () => {
    gh.addFile(REPO, 'main', 'ml/data.csv', 'a,b\n1,2\n');
    gh.addFile(REPO, 'main', 'ml/sub/x.json', '{}');
    const before = gh.requests.length;
    const files = (await openThroughApi(api, repo, 'main', { input: 'reference', prefix: 'ml/' }))!;
    expect(files.via).toBe('api');
    expect(files.commit.sha).toMatch(/^[0-9a-f]{40}$/);
    expect((await files.read('data.csv'))?.toString()).toBe('a,b\n1,2\n');
    const dest = join(await mkdtemp(join(tmpdir(), 'mlci-at-ref-api-')), 'data.csv');
    expect(await files.copyTo('data.csv', dest)).toBe(true);
    expect(await readFile(dest, 'utf8')).toBe('a,b\n1,2\n');
    // A directory and a missing file are no file.
    expect(await files.read('sub')).toBeUndefined();
    expect(await files.read('missing.csv')).toBeUndefined();
    const asked = gh.requests.slice(before).map((q) => `${q.operationId} ${q.path}${q.query}`);
    expect(asked[0]).toMatch(/^repos\/get-commit \/repos\/octo\/ml\/commits\/main(\?|$)/);
    expect(asked.slice(1)).toEqual([
      `repos/get-content /repos/octo/ml/contents/ml/data.csv?ref=${files.commit.sha}`,
      `repos/get-content /repos/octo/ml/contents/ml/data.csv?ref=${files.commit.sha}`,
      `repos/get-content /repos/octo/ml/contents/ml/sub?ref=${files.commit.sha}`,
      `repos/get-content /repos/octo/ml/contents/ml/missing.csv?ref=${files.commit.sha}`,
    ]);
  });

  it('takes a commit the caller knows without asking, and answers undefined for a ref that names nothing', async () => {
    const sha = 'b'.repeat(40);
    gh.addFile(REPO, sha, 'data.csv', 'base\n');
    const before = gh.requests.length;
    const files = (await openThroughApi(api, repo, sha, { input: 'reference', commit: { sha } }))!;
    expect((await files.read('data.csv'))?.toString()).toBe('base\n');
    expect(gh.requests.slice(before).map((q) => q.operationId)).toEqual(['repos/get-content']);
    expect(await openThroughApi(api, repo, 'mian', { input: 'reference' })).toBeUndefined();
  });

  it('refuses a file over the bound', async () => {
    gh.addFile(REPO, 'big', 'big.csv', 'x'.repeat(4096));
    const files = (await openThroughApi(api, repo, 'big', { input: 'baseline', maxBytes: 1024 }))!;
    await expect(files.read('big.csv')).rejects.toThrow(expect.objectContaining({ input: 'baseline', message: expect.stringContaining('big.csv@big') }));
  });
});
