import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ageAgainst, localCommit } from './commit.js';
import { describeBaseline } from './describe.js';
import { openBaseline } from './open.js';

const run = promisify(execFile);

/** A clone with one commit on main dated `date`. */
async function repoAt(date: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'mlci-commit-test-'));
  await writeFile(join(dir, 'm.json'), '{"auc": 0.9}');
  const env = { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_CONFIG_NOSYSTEM: '1' };
  const git = (...args: string[]) =>
    run('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, env });
  await git('init', '-q', '-b', 'main');
  await git('add', '-A');
  await git('commit', '-q', '-m', 'base');
  return dir;
}

describe('ageAgainst', () => {
  it('says how much older or newer the base is, in the largest whole unit', () => {
    expect(ageAgainst('2026-11-28T10:00:00Z', '2026-12-01T12:00:00Z')).toBe('3 days older than head');
    expect(ageAgainst('2026-12-01T11:00:00Z', '2026-12-01T12:00:00Z')).toBe('1 hour older than head');
    expect(ageAgainst('2026-12-01T12:05:00Z', '2026-12-01T12:00:00Z')).toBe('5 minutes newer than head');
    expect(ageAgainst('2026-12-01T12:00:10Z', '2026-12-01T12:00:00Z')).toBe('as old as head');
    expect(ageAgainst(undefined, '2026-12-01T12:00:00Z')).toBeUndefined();
    expect(ageAgainst('garbage', '2026-12-01T12:00:00Z')).toBeUndefined();
  });
});

describe('describeBaseline', () => {
  const commit = { sha: 'abcdef0123456789abcdef0123456789abcdef01', date: '2026-11-28T10:00:00Z' };

  it('links the short sha when the host is known and says the age', () => {
    const line = describeBaseline({
      label: 'git:main (local clone)',
      commit,
      headDate: '2026-12-01T12:00:00Z',
      serverUrl: 'https://github.com',
      repo: { owner: 'octo', repo: 'ml' },
    });
    expect(line).toBe(
      '<sub>Compared with git\\:main \\(local clone\\), commit [`abcdef0`](https://github.com/octo/ml/commit/abcdef0123456789abcdef0123456789abcdef01) (3 days older than head).</sub>',
    );
  });

  it('without a host or a head date: the sha as code and the commit date', () => {
    expect(describeBaseline({ label: 'cache k', commit })).toBe('<sub>Compared with cache k, commit `abcdef0` (committed 2026-11-28 10:00 UTC).</sub>');
    expect(describeBaseline({ label: 'file:previous' })).toBe('<sub>Compared with file\\:previous.</sub>');
  });

  it('says when a stored baseline was saved', () => {
    expect(describeBaseline({ label: 'artifact:b of run 7', savedAt: '2026-11-30T08:00:00Z', commit: { sha: commit.sha } })).toContain(
      'saved 2026-11-30 08:00 UTC, commit `abcdef0`',
    );
  });
});

describe('a git baseline that does not exist', () => {
  const opts = (workspace: string) => ({ workspace, headMetrics: ['m.json'], name: 'n' });

  it('is the user error naming the input and the value, in a full clone', async () => {
    const dir = await repoAt('2026-11-28T10:00:00Z');
    await expect(openBaseline({ kind: 'git', ref: 'mian' }, opts(dir))).rejects.toThrow(
      expect.objectContaining({ name: 'UserError', input: 'baseline', message: 'input "baseline": git:mian is not a branch, tag or commit of this clone' }),
    );
    await expect(openBaseline({ kind: 'git', ref: 'main', chosen: "the pull request's base branch" }, opts(dir))).resolves.toMatchObject({
      commit: { date: '2026-11-28T10:00:00+00:00' },
    });
    await expect(openBaseline({ kind: 'git', ref: 'develop', chosen: "the pull request's base branch" }, opts(dir))).rejects.toThrow(
      /input "baseline" is auto, and the pull request's base branch git:develop is not a branch, tag or commit/,
    );
  });

  it('is "no baseline" when it may legitimately be gone (the commit before a force push)', async () => {
    const dir = await repoAt('2026-11-28T10:00:00Z');
    const gone = 'f'.repeat(40);
    const opened = await openBaseline({ kind: 'git', ref: gone, ifMissing: 'the commit before the push (fffffff) no longer exists' }, opts(dir));
    expect(opened).toEqual({ label: 'the commit before the push (fffffff) no longer exists' });
  });

  it('knows the commit and its date when it exists', async () => {
    const dir = await repoAt('2026-11-28T10:00:00+02:00');
    const c = await localCommit('main', dir);
    expect(c?.sha).toMatch(/^[0-9a-f]{40}$/);
    expect(c?.date).toBe('2026-11-28T10:00:00+02:00');
  });
});
