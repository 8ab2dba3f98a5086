import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { saveCachedBaseline, stageFiles, type BaselineCache } from './cache.js';
import { mayStoreBaseline, type SaveBaseline } from './spec.js';

export interface StoreOptions {
  workspace: string;
  /** The baseline's name (CompareResult.name) and the head's files (CompareResult.files). */
  name: string;
  files: string[];
  /** Whether every gate passed: a failed run never stores. */
  passed: boolean;
  eventName: string;
  /** The commit the files belong to (GITHUB_SHA on push). */
  sha: string;
  cache?: BaselineCache;
  /** Uploads a directory as an artifact of this run (action-kit's uploadDirectory). */
  upload?: (name: string, dir: string) => Promise<unknown>;
  tempDir?: string;
}

/**
 * Stores this run's files as the baseline later runs compare with (`save-baseline`), when the run
 * may: never after a failed gate, never from a pull request. Returns what happened, for the log.
 * Errors before this point (a malformed file) end the run before anything is stored.
 */
export async function storeBaseline(save: SaveBaseline, o: StoreOptions): Promise<{ stored: boolean; message: string }> {
  if (save.kind === 'none') return { stored: false, message: 'save-baseline is off' };
  const may = mayStoreBaseline(o.passed, o.eventName);
  if (!may.store) return { stored: false, message: `Baseline not stored: ${may.reason}.` };
  if (save.kind === 'cache') {
    if (!o.cache) return { stored: false, message: 'Baseline not stored: the Actions cache service is not available to this job.' };
    const { key, saved } = await saveCachedBaseline(o.cache, { workspace: o.workspace, name: o.name, sha: o.sha, files: o.files, tempDir: o.tempDir });
    return saved
      ? { stored: true, message: `Baseline stored in the cache as ${key}.` }
      : { stored: false, message: `Baseline not stored as ${key}: the cache refused it (see above; an entry for this commit may exist already).` };
  }
  if (!o.upload) return { stored: false, message: 'Baseline not stored: artifacts are not available here.' };
  const staged = await mkdtemp(join(o.tempDir ?? tmpdir(), 'mlci-baseline-upload-'));
  await stageFiles(o.workspace, o.files, staged);
  await o.upload(save.name, staged);
  return { stored: true, message: `Baseline uploaded as the artifact ${save.name}.` };
}
