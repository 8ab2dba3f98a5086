import type { Api, Repo } from '../forge/api.js';
import { openThroughApi } from '../forge/file-at-ref.js';
import type { BaselineSource } from './source.js';

/**
 * The files of a ref through the REST contents endpoint, for a shallow checkout that lacks the
 * ref; undefined when GitHub knows no such branch, tag or commit. `prefix` is where the workspace
 * sits inside the repository (repositoryPrefix). It cannot list directories cheaply, so files
 * removed since the ref are not found this way.
 */
export async function apiSource(api: Api, repo: Repo, ref: string, prefix = ''): Promise<BaselineSource | undefined> {
  const files = await openThroughApi(api, repo, ref, { input: 'baseline', prefix });
  if (!files) return undefined;
  return { label: `git:${ref} (GitHub API)`, commit: files.commit, read: files.read, list: files.list };
}
