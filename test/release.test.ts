import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from './support/runner.js';

/** scripts/release.js in a throwaway repository with a bare remote, as a maintainer runs it. */
const SCRIPT = join(ROOT, 'scripts/release.js');
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

function run(cmd: string, args: string[], cwd: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const env = {
      PATH: process.env.PATH ?? '',
      HOME: cwd,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@example.com',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@example.com',
    };
    const child = spawn(cmd, args, { cwd, env });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => resolve({ code, out }));
  });
}

async function repo(changelog: string) {
  const dir = await mkdtemp(join(tmpdir(), 'mlci-release-'));
  dirs.push(dir);
  const work = join(dir, 'work');
  await run('git', ['init', '-q', '--bare', join(dir, 'remote.git')], dir);
  await run('git', ['init', '-q', '-b', 'main', work], dir);
  await writeFile(join(work, 'CHANGELOG.md'), changelog);
  await run('git', ['add', '-A'], work);
  await run('git', ['commit', '-qm', 'first'], work);
  await run('git', ['remote', 'add', 'origin', join(dir, 'remote.git')], work);
  const git = async (...args: string[]) => (await run('git', args, work)).out.trim();
  const release = (...args: string[]) => run(process.execPath, [SCRIPT, ...args], work);
  return { work, git, release, remoteGit: (...args: string[]) => run('git', ['--git-dir', join(dir, 'remote.git'), ...args], dir) };
}

const CHANGELOG = '# Changelog\n\n## 1.3.0\n\n- charts\n\n## 1.2.4\n\n- a fix\n\n## 1.2.3\n\n- first\n';

describe('scripts/release.js', () => {
  it('tags vX.Y.Z with the changelog section and moves the major tag, then pushes both', async () => {
    const r = await repo(CHANGELOG);
    const res = await r.release('1.2.3', '--push');
    expect(res.code, res.out).toBe(0);
    const head = await r.git('rev-parse', 'HEAD');
    expect(await r.git('rev-parse', 'v1.2.3^{commit}')).toBe(head);
    expect(await r.git('rev-parse', 'v1^{commit}')).toBe(head);
    expect(await r.git('cat-file', '-t', 'v1.2.3')).toBe('tag');
    expect(await r.git('tag', '-l', '--format=%(contents)', 'v1.2.3')).toContain('- first');
    const remoteTags = (await r.remoteGit('tag', '-l')).out.split('\n').filter(Boolean);
    expect(remoteTags.sort()).toEqual(['v1', 'v1.2.3']);
  });

  it('moves v1 forward on a newer release but not back for a hotfix of an older line', async () => {
    const r = await repo(CHANGELOG);
    expect((await r.release('1.2.3')).code).toBe(0);
    await r.git('commit', '--allow-empty', '-qm', 'second');
    expect((await r.release('1.3.0')).code).toBe(0);
    const v130 = await r.git('rev-parse', 'HEAD');
    await r.git('commit', '--allow-empty', '-qm', 'hotfix');
    const hotfix = await r.release('1.2.4');
    expect(hotfix.code, hotfix.out).toBe(0);
    expect(hotfix.out).toContain('v1 stays on v1.3.0');
    expect(await r.git('rev-parse', 'v1^{commit}')).toBe(v130);
  });

  it('refuses, changing nothing, an existing tag, a dirty tree, a missing changelog section or a bad version', async () => {
    const r = await repo(CHANGELOG);
    expect((await r.release('1.2.3')).code).toBe(0);
    const again = await r.release('1.2.3');
    expect(again.code).toBe(1);
    expect(again.out).toContain('v1.2.3 exists already');

    const missing = await r.release('2.0.0');
    expect(missing.code).toBe(1);
    expect(missing.out).toContain('no "## 2.0.0" section');

    const bad = await r.release('v1.4');
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('X.Y.Z');

    await writeFile(join(r.work, 'CHANGELOG.md'), CHANGELOG + '\n## 1.4.0\n');
    const dirty = await r.release('1.4.0');
    expect(dirty.code).toBe(1);
    expect(dirty.out).toContain('uncommitted changes');
    expect((await r.git('tag', '-l')).split('\n').sort()).toEqual(['v1', 'v1.2.3']);
  });
});
