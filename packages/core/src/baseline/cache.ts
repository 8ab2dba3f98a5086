import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { UserError } from '../errors.js';
import { directorySource, type BaselineSource } from './source.js';

/**
 * The Actions cache as the baseline needs it (action-kit implements it with @actions/cache).
 * Paths are relative to the workspace: the cache's version hashes the paths as written, so a
 * relative path matches between the default branch's run and a pull request's run on any runner.
 */
export interface BaselineCache {
  /** The key restored, or undefined on a miss. */
  restore(paths: string[], key: string, restoreKeys: string[]): Promise<string | undefined>;
  /** True when stored; false when the entry already exists or the service refused (not an error). */
  save(paths: string[], key: string): Promise<boolean>;
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

/** Where the baseline is staged inside the workspace (removed again right away). */
export function stagingPath(name: string): string {
  return `.mlci-baseline-${name}`;
}

/**
 * Restores the newest stored baseline into a temporary directory outside the workspace, or
 * undefined on a miss. The workspace is left as it was.
 */
export async function restoreCachedBaseline(
  cache: BaselineCache,
  o: { workspace: string; name: string; sha?: string; tempDir?: string },
): Promise<BaselineSource | undefined> {
  const rel = stagingPath(o.name);
  const staged = resolve(o.workspace, rel);
  await refuseExisting(staged);
  try {
    const primary = o.sha ? baselineCacheKey(o.name, o.sha) : `${PREFIX}${o.name}-`;
    const key = await cache.restore([rel], primary, baselineRestoreKeys(o.name));
    if (!key) return undefined;
    const dir = await mkdtemp(join(o.tempDir ?? tmpdir(), 'mlci-baseline-'));
    await cp(staged, dir, { recursive: true });
    return directorySource(dir, `cache ${key}`);
  } finally {
    await rm(staged, { recursive: true, force: true });
  }
}

/**
 * Stores the head's files (paths relative to the workspace) as the baseline of commit `sha`.
 * The caller decides whether the run may store (never after a failed gate or an error).
 */
export async function saveCachedBaseline(
  cache: BaselineCache,
  o: { workspace: string; name: string; sha: string; files: string[] },
): Promise<{ key: string; saved: boolean }> {
  const rel = stagingPath(o.name);
  const staged = resolve(o.workspace, rel);
  await refuseExisting(staged);
  const key = baselineCacheKey(o.name, o.sha);
  try {
    await stageFiles(o.workspace, o.files, staged);
    return { key, saved: await cache.save([rel], key) };
  } finally {
    await rm(staged, { recursive: true, force: true });
  }
}

/** Copies workspace files (relative paths) into `dir`, keeping their layout. */
export async function stageFiles(workspace: string, files: string[], dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const f of new Set(files)) {
    const to = join(dir, f);
    await mkdir(dirname(to), { recursive: true });
    await cp(resolve(workspace, f), to);
  }
}

async function refuseExisting(path: string): Promise<void> {
  if (await stat(path).catch(() => undefined)) {
    // Never ours to remove: a previous step's leftover or the user's own folder.
    throw new UserError(`${path} exists; mlci stages the cached baseline there: remove or rename it`);
  }
}
