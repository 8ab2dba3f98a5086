import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { containedPath, defaultBoundary } from '../files/contained.js';
import { directorySource, type BaselineSource } from './source.js';

/**
 * The Actions cache as the baseline needs it (action-kit implements it). Paths are relative to the
 * folder the entry is made from: the cache's version hashes the paths as written, so a relative
 * path matches between the default branch's run and a pull request's run on any runner.
 */
export interface BaselineCache {
  /**
   * The key restored and the entry's archive as a tar stream, or undefined on a miss. Nothing is
   * extracted by the cache: mlci checks every member before anything reaches the disk.
   */
  restore(paths: string[], key: string, restoreKeys: string[]): Promise<{ key: string; tar: Readable } | undefined>;
  /** Stores `paths` (relative to `root`); true when stored, false when the entry exists or the service refused (not an error). */
  save(paths: string[], key: string, root: string): Promise<boolean>;
}

const PREFIX = 'mlci-baseline-';

/**
 * The baseline's name in cache keys: a short hash of the `metrics` input, so two compare steps
 * with different files keep separate baselines and the same step on the default branch and in a
 * pull request finds its own.
 */
export function baselineName(metricsPatterns: string[]): string {
  const canonical = [...new Set(metricsPatterns.map((p) => p.trim().replace(/^\.\//, '')))].sort().join('\n');
  return createHash('sha256').update(canonical).digest('hex').slice(0, 12);
}

/**
 * `mlci-baseline-<name>-<sha>`: one entry per commit of the default branch (entries are immutable).
 * Restoring asks for the base commit's entry first, then the newest of the name (`mlci-baseline-<name>-`).
 */
export function baselineCacheKey(name: string, sha: string): string {
  return `${PREFIX}${name}-${sha}`;
}

export function baselineRestoreKeys(name: string): string[] {
  return [`${PREFIX}${name}-`];
}

/** The folder name inside a cache entry (what the entry's paths hash). */
export function stagingPath(name: string): string {
  return `.mlci-baseline-${name}`;
}

/**
 * Restores the newest stored baseline into a fresh folder under the temp directory, or undefined
 * on a miss. The workspace is never touched, and an entry with a member that is absolute, has
 * `..`, is a link or lies outside the baseline's folder is refused whole (files/archive.ts).
 */
export async function restoreCachedBaseline(
  cache: BaselineCache,
  o: { workspace: string; name: string; sha?: string; tempDir?: string },
): Promise<BaselineSource | undefined> {
  const rel = stagingPath(o.name);
  const primary = o.sha ? baselineCacheKey(o.name, o.sha) : `${PREFIX}${o.name}-`;
  const hit = await cache.restore([rel], primary, baselineRestoreKeys(o.name));
  if (!hit) return undefined;
  const dir = await mkdtemp(join(o.tempDir ?? tmpdir(), 'mlci-baseline-'));
  try {
    // The tar reader loads only when there is an entry to read.
    const { extractTarChecked } = await import('../files/archive.js');
    await extractTarChecked(hit.tar, dir, { prefix: rel, what: `the cache entry ${hit.key}` });
  } catch (e) {
    hit.tar.destroy();
    await rm(dir, { recursive: true, force: true });
    throw e;
  }
  return directorySource(dir, `cache ${hit.key}`);
}

/**
 * Stores the head's files (paths relative to the workspace) as the baseline of commit `sha`. They
 * are staged in a temp folder, never in the workspace, so a killed run leaves nothing behind there.
 * The caller decides whether the run may store (never after a failed gate or an error).
 */
export async function saveCachedBaseline(
  cache: BaselineCache,
  o: { workspace: string; name: string; sha: string; files: string[]; tempDir?: string },
): Promise<{ key: string; saved: boolean }> {
  const rel = stagingPath(o.name);
  const root = await mkdtemp(join(o.tempDir ?? tmpdir(), 'mlci-baseline-save-'));
  const key = baselineCacheKey(o.name, o.sha);
  try {
    await stageFiles(o.workspace, o.files, join(root, rel));
    return { key, saved: await cache.save([rel], key, root) };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/** Copies workspace files (relative paths) into `dir`, keeping their layout; each must resolve inside the workspace. */
export async function stageFiles(workspace: string, files: string[], dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const f of new Set(files)) {
    const to = join(dir, f);
    await mkdir(dirname(to), { recursive: true });
    await cp(await containedPath(f, { input: 'metrics', boundary: { ...defaultBoundary(), workspace } }), to);
  }
}
