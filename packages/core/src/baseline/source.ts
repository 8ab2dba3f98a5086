import { readFile, stat } from 'node:fs/promises';
import { basename, isAbsolute, join, resolve } from 'node:path';
import { glob } from 'tinyglobby';
import { UserError } from '../errors.js';
import type { CommitInfo } from '../forge/file-at-ref.js';
import { containedPath } from '../files/contained.js';

/**
 * Where the base side's files come from: a directory (file:, a restored cache, a downloaded
 * artifact), a git ref, or the API. Paths are relative to the workspace with forward slashes, the
 * same names the head files have, so both sides of the diff name a file the same way.
 */
export interface BaselineSource {
  /** For the report: `git:main (local clone)`, `cache mlci-baseline-…`. */
  label: string;
  /** The commit the files are from, when known (a git ref; a cache entry names its commit). */
  commit?: CommitInfo;
  /** The file's bytes on the base side, or undefined when it does not exist there. */
  read(path: string): Promise<Buffer | undefined>;
  /** Files of the base side matching the patterns (to report files removed since), when it can list. */
  list(patterns: string[]): Promise<string[]>;
}

/** A directory laid out like the workspace. */
export function directorySource(root: string, label: string): BaselineSource {
  return {
    label,
    read: (path) => readIfFile(join(root, path)),
    async list(patterns) {
      const relative = patterns.filter((p) => !isAbsolute(p));
      if (relative.length === 0) return [];
      return (await glob(relative, { cwd: root, onlyFiles: true, dot: false })).sort();
    },
  };
}

/**
 * One file standing for one head file (`file:old-metrics.json` against `metrics.json`). Asked for
 * anything else it has nothing, so params and other files read as missing on the base side.
 */
export function singleFileSource(file: string, standsFor: string, label: string): BaselineSource {
  return {
    label,
    read: async (path) => (path === standsFor ? readIfFile(file) : undefined),
    list: async () => [],
  };
}

/**
 * An uploaded artifact or a directory of someone else's making may hold a lone file at its root
 * (actions/upload-artifact roots a single file's artifact at the file): a head file missing at its
 * own path is looked for by its base name, when no other head file shares that name.
 */
export function withBasenameFallback(source: BaselineSource, headPaths: string[]): BaselineSource {
  const counts = new Map<string, number>();
  for (const p of headPaths) counts.set(basename(p), (counts.get(basename(p)) ?? 0) + 1);
  return {
    ...source,
    async read(path) {
      const found = await source.read(path);
      if (found !== undefined || !path.includes('/') || counts.get(basename(path)) !== 1) return found;
      return source.read(basename(path));
    },
  };
}

/** A baseline folder is as untrusted as the checkout: its files, too, must resolve inside. */
async function readIfFile(file: string): Promise<Buffer | undefined> {
  const s = await stat(file).catch(() => undefined);
  if (!s?.isFile()) return undefined;
  return readFile(await containedPath(file, { input: 'baseline' }));
}

/** A `file:` baseline: a directory, or a single file when exactly one metrics file is compared. */
export async function fileSource(path: string, workspace: string, headMetrics: string[]): Promise<BaselineSource | undefined> {
  const full = resolve(workspace, path);
  const s = await stat(full).catch(() => undefined);
  if (!s) return undefined;
  if (s.isDirectory()) return directorySource(full, `file:${path}`);
  if (headMetrics.length !== 1) {
    throw new UserError(
      `input "baseline": file:${path} is a single file, but ${headMetrics.length} metrics files are compared; give a directory laid out like the workspace`,
      { input: 'baseline' },
    );
  }
  return singleFileSource(full, headMetrics[0], `file:${path}`);
}
