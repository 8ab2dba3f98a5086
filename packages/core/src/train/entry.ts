import { copyFile, mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { UserError } from '../errors.js';
import { extractTarChecked, unsafeMemberName } from '../files/archive.js';
import { containedPath, containedTarget, defaultBoundary, type Boundary } from '../files/contained.js';
import { resolveFiles } from '../files/globs.js';

/**
 * One run-cache entry: the files a successful run made (outputs, metrics, params, dvclive's
 * folder), its log, and a manifest saying which run made them. Staged in a temp folder, never in
 * the workspace; restored through files/archive.ts, which refuses an entry with a member that is
 * absolute, has `..` or is a link, before anything is written.
 */

/** The Actions cache (or a local folder) as the run-cache needs it; the same shape as compare-metrics' baseline cache. */
export interface RunCache {
  restore(paths: string[], key: string, restoreKeys: string[]): Promise<{ key: string; tar: Readable } | undefined>;
  save(paths: string[], key: string, root: string): Promise<boolean>;
}

/** The folder inside an entry: the cache's version hashes the paths, so this never changes. */
export const ENTRY_DIR = '.mlci-train';
const MANIFEST_SCHEMA = 'mlci/train-entry@1';

export interface RunOrigin {
  /** The CI's run id (GITHUB_RUN_ID), or `local` for the CLI. */
  id: string;
  attempt?: number;
  repository?: string;
  sha?: string;
  /** ISO time the run finished. */
  time: string;
  url?: string;
}

export interface EntryManifest {
  schema: typeof MANIFEST_SCHEMA;
  key: string;
  run: RunOrigin;
  command: string;
  exitCode: number;
  durationSeconds: number;
  cpuSeconds: number;
  peakRssBytes: number;
  /** False when the run could not measure CPU and memory (no /proc); absent means measured. */
  measured?: boolean;
  /** Every file kept, relative to the workspace. */
  files: string[];
  metrics: string[];
  params: string[];
  dvclive?: string;
}

/**
 * The files under each declared path (a file, a folder taken whole, or a glob), relative to the
 * workspace. A path the command did not write is the user's mistake: it names the input.
 */
export async function declaredFiles(workspace: string, paths: string[], input: string, boundary?: Boundary): Promise<string[]> {
  const b = boundary ?? { ...defaultBoundary(), workspace };
  const out = new Set<string>();
  for (const p of paths) {
    if (/[*?[\]{}]/.test(p)) {
      // A glob: the files it matches after the run (none is the same mistake as a missing path).
      for (const f of await resolveFiles([p], workspace, input, b)) out.add(rel(workspace, f));
      continue;
    }
    const real = await containedPath(p, { input, boundary: b }).catch((e) => {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new UserError(`input "${input}": "${p}" was not written by the command (it does not exist after the run)`, { input });
      }
      throw e;
    });
    const s = await stat(real);
    const base = resolve(workspace, p);
    if (s.isFile()) out.add(rel(workspace, base));
    else if (s.isDirectory()) {
      const found = (await readdir(real, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
      if (found.length === 0) throw new UserError(`input "${input}": the folder "${p}" is empty after the run`, { input });
      for (const e of found) out.add(rel(workspace, join(base, relative(real, join(e.parentPath, e.name)))));
    } else throw new UserError(`input "${input}": "${p}" is neither a file nor a folder`, { input });
  }
  return [...out].sort();
}

const rel = (workspace: string, path: string) => relative(workspace, path).split(sep).join('/');

/** Copies the kept files, the log and the manifest into a fresh folder and saves it under `key`. */
export async function saveEntry(cache: RunCache, o: { workspace: string; manifest: EntryManifest; logFile: string; tempDir?: string }): Promise<boolean> {
  const root = await mkdtemp(join(o.tempDir ?? tmpdir(), 'mlci-train-save-'));
  try {
    const dir = join(root, ENTRY_DIR);
    // A run that declared nothing to keep still has its log and manifest.
    await mkdir(dir, { recursive: true });
    await stageFiles(o.workspace, o.manifest.files, join(dir, 'files'));
    await copyFile(o.logFile, join(dir, 'train.log'));
    await writeFile(join(dir, 'manifest.json'), JSON.stringify(o.manifest, null, 2) + '\n');
    return await cache.save([ENTRY_DIR], o.manifest.key, root);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/** Copies workspace files (relative paths) into `dir`, keeping their layout. */
export async function stageFiles(workspace: string, files: string[], dir: string, boundary?: Boundary): Promise<void> {
  const b = boundary ?? { ...defaultBoundary(), workspace };
  for (const f of files) {
    const to = join(dir, ...f.split('/'));
    await mkdir(dirname(to), { recursive: true });
    await copyFile(await containedPath(f, { input: 'outputs', boundary: b }), to);
  }
}

/**
 * Restores the entry saved under exactly `key` into the workspace (and its log to `logFile`), or
 * undefined on a miss. The cache service answers a prefix match too: anything but the exact key
 * is a miss here, so another run's model is never handed back.
 */
export async function restoreEntry(
  cache: RunCache,
  o: { key: string; workspace: string; logFile: string; tempDir?: string },
): Promise<EntryManifest | undefined> {
  const hit = await cache.restore([ENTRY_DIR], o.key, []);
  if (!hit) return undefined;
  if (hit.key !== o.key) {
    hit.tar.destroy();
    return undefined;
  }
  const dir = await mkdtemp(join(o.tempDir ?? tmpdir(), 'mlci-train-restore-'));
  try {
    try {
      await extractTarChecked(hit.tar, dir, { prefix: ENTRY_DIR, what: `the run-cache entry ${o.key}` });
    } catch (e) {
      hit.tar.destroy();
      throw e;
    }
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as EntryManifest;
    if (manifest.schema !== MANIFEST_SCHEMA || manifest.key !== o.key || !Array.isArray(manifest.files)) {
      throw new UserError(`the run-cache entry ${o.key} holds no valid manifest: refused`);
    }
    const b = { ...defaultBoundary(), workspace: o.workspace };
    for (const f of manifest.files) {
      if (typeof f !== 'string' || unsafeMemberName(f))
        throw new UserError(`the run-cache entry ${o.key} names a file "${String(f)}" that may not be written: refused`);
      const to = containedTarget(f, { input: 'outputs', boundary: b });
      await mkdir(dirname(to), { recursive: true });
      // Removed first: a symlink at the path is replaced, never written through.
      await rm(to, { force: true });
      await moveFile(join(dir, 'files', ...f.split('/')), to);
    }
    await mkdir(dirname(o.logFile), { recursive: true });
    await rm(o.logFile, { force: true });
    await moveFile(join(dir, 'train.log'), o.logFile);
    return manifest;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A rename when the temp folder is on the workspace's file system (the runner's is), else a copy. */
async function moveFile(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
    await copyFile(from, to);
  }
}
