import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { pack } from 'tar-stream';
import { describe, expect, it } from 'vitest';
import { baselineCacheKey, baselineName, restoreCachedBaseline, saveCachedBaseline, type BaselineCache } from './cache.js';
import { localGitSource } from './git.js';
import { readBaselineFiles } from './read.js';
import { directorySource, withBasenameFallback } from './source.js';

const run = promisify(execFile);

async function tree(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'mlci-baseline-test-'));
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, rel)), { recursive: true });
    await writeFile(join(dir, rel), text);
  }
  return dir;
}

const git = (cwd: string, ...args: string[]) =>
  run('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd });

describe('localGitSource', () => {
  it('reads files of a ref relative to the workspace, also from a subfolder of the repository', async () => {
    const repo = await tree({ 'ml/metrics.json': '{"auc": 0.9}', 'ml/eval/a.json': '{"x": 1}', 'other.json': '{}' });
    await git(repo, 'init', '-q', '-b', 'main');
    await git(repo, 'add', '-A');
    await git(repo, 'commit', '-q', '-m', 'base');
    await writeFile(join(repo, 'ml/metrics.json'), '{"auc": 0.95}');
    const source = await localGitSource('main', join(repo, 'ml'));
    expect(source?.label).toBe('git:main (local clone)');
    expect((await source!.read('metrics.json'))?.toString()).toBe('{"auc": 0.9}');
    expect(await source!.read('missing.json')).toBeUndefined();
    // A directory is no file.
    expect(await source!.read('eval')).toBeUndefined();
    expect(await source!.list(['**/*.json'])).toEqual(['eval/a.json', 'metrics.json']);
  });

  it('answers undefined for a ref the clone lacks and outside a repository', async () => {
    const repo = await tree({ 'm.json': '{}' });
    expect(await localGitSource('main', repo)).toBeUndefined();
    await git(repo, 'init', '-q', '-b', 'main');
    expect(await localGitSource('nope', repo)).toBeUndefined();
  });
});

describe('readBaselineFiles', () => {
  it('reads head paths and what else matches the patterns; nothing at all is no baseline', async () => {
    const dir = await tree({ 'eval/a.json': '{"auc": 0.9}', 'eval/gone.json': '{"f1": 0.5}' });
    const { files } = await readBaselineFiles(directorySource(dir, 'dir'), ['eval/a.json', 'eval/new.json'], ['eval/*.json']);
    expect([...files!.keys()].sort()).toEqual(['eval/a.json', 'eval/gone.json']);
    const empty = await readBaselineFiles(directorySource(dir, 'dir'), ['other.json'], ['other.json']);
    expect(empty.files).toBeUndefined();
  });

  it('finds a lone file at an artifact root by its base name when that is unambiguous', async () => {
    const dir = await tree({ 'metrics.json': '{"auc": 0.9}' });
    const one = withBasenameFallback(directorySource(dir, 'a'), ['eval/metrics.json']);
    expect((await one.read('eval/metrics.json'))?.toString()).toBe('{"auc": 0.9}');
    const two = withBasenameFallback(directorySource(dir, 'a'), ['eval/metrics.json', 'train/metrics.json']);
    expect(await two.read('eval/metrics.json')).toBeUndefined();
  });
});

describe('the cached baseline', () => {
  /** A cache kept in memory: what @actions/cache would tar, keyed as it matches, handed back as a tar stream. */
  function memoryCache(): BaselineCache & { entries: Map<string, Map<string, string>> } {
    const entries = new Map<string, Map<string, string>>();
    return {
      entries,
      async save(paths: string[], key: string, root: string) {
        if (entries.has(key)) return false;
        const files = new Map<string, string>();
        const top = join(root, paths[0]);
        for (const e of await readdir(top, { recursive: true, withFileTypes: true })) {
          if (e.isFile()) files.set(join(e.parentPath, e.name).slice(root.length + 1), await readFile(join(e.parentPath, e.name), 'utf8'));
        }
        entries.set(key, files);
        return true;
      },
      async restore(_paths: string[], key: string, restoreKeys: string[]) {
        const hit = entries.has(key) ? key : [...entries.keys()].reverse().find((k) => restoreKeys.some((r) => k.startsWith(r)));
        if (!hit) return undefined;
        const p = pack();
        for (const [name, text] of entries.get(hit)!) p.entry({ name }, text);
        p.finalize();
        return { key: hit, tar: Readable.from(p as unknown as AsyncIterable<Buffer>) };
      },
    };
  }

  it('stores the files under a key per commit and restores the base commit first, else the newest', async () => {
    const ws = await tree({ 'eval/m.json': '{"auc": 0.9}', 'params.yaml': 'lr: 0.1\n' });
    const cache = memoryCache();
    const name = baselineName(['eval/m.json']);
    expect(name).toBe(baselineName(['./eval/m.json', 'eval/m.json']));
    expect(await saveCachedBaseline(cache, { workspace: ws, name, sha: 'a1', files: ['eval/m.json', 'params.yaml'] })).toEqual({
      key: baselineCacheKey(name, 'a1'),
      saved: true,
    });
    await writeFile(join(ws, 'eval/m.json'), '{"auc": 0.95}');
    await saveCachedBaseline(cache, { workspace: ws, name, sha: 'a2', files: ['eval/m.json'] });
    expect(await readdir(ws)).toEqual(['eval', 'params.yaml']);

    const atA1 = await restoreCachedBaseline(cache, { workspace: ws, name, sha: 'a1' });
    expect((await atA1!.read('eval/m.json'))?.toString()).toBe('{"auc": 0.9}');
    const newest = await restoreCachedBaseline(cache, { workspace: ws, name, sha: 'unknown' });
    expect(newest!.label).toBe(`cache ${baselineCacheKey(name, 'a2')}`);
    expect((await newest!.read('eval/m.json'))?.toString()).toBe('{"auc": 0.95}');
    expect(await restoreCachedBaseline(cache, { workspace: ws, name: 'other', sha: 'a1' })).toBeUndefined();
    // Restoring leaves the workspace as it was.
    expect(await readdir(ws)).toEqual(['eval', 'params.yaml']);
  });
});
