import { openInClone } from '../forge/file-at-ref.js';
import type { BaselineSource } from './source.js';

/**
 * The files of a ref in the local clone, or undefined when the clone does not have it (a shallow
 * checkout, a ref never fetched): forge/file-at-ref.ts reads them, by the ref's commit.
 */
export async function localGitSource(ref: string, cwd: string): Promise<BaselineSource | undefined> {
  const files = await openInClone(ref, cwd, { input: 'baseline' });
  if (!files) return undefined;
  return { label: `git:${ref} (local clone)`, commit: files.commit, read: files.read, list: files.list };
}
