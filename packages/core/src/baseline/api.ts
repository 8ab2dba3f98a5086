import { statusOf, type Api, type Repo } from '../forge/api.js';
import type { CommitInfo } from './commit.js';
import type { BaselineSource } from './source.js';

/**
 * The files of a ref through the REST contents endpoint, for a shallow checkout that lacks the
 * ref. `prefix` is where the workspace sits inside the repository (`git rev-parse --show-prefix`).
 * It cannot list directories cheaply, so files removed since the ref are not found this way.
 * Its 404 means a missing file: whether the ref exists is asked first (apiCommit), and `commit` is
 * what that found.
 */
export function apiSource(api: Api, repo: Repo, ref: string, prefix = '', commit?: CommitInfo): BaselineSource {
  return {
    label: `git:${ref} (GitHub API)`,
    ...(commit ? { commit } : {}),
    async read(path) {
      let data: any;
      try {
        ({ data } = await api.request('GET /repos/{owner}/{repo}/contents/{path}', { ...repo, path: prefix + path, ref }));
      } catch (e) {
        if (statusOf(e) === 404) return undefined;
        throw e;
      }
      // A directory answers with a list of entries; a symlink or submodule is no metrics file.
      if (Array.isArray(data) || data?.type !== 'file') return undefined;
      if (data.encoding === 'base64' && typeof data.content === 'string') return Buffer.from(data.content, 'base64');
      // Files over 1 MB come without content: the blob endpoint serves up to 100 MB.
      const blob = await api.request('GET /repos/{owner}/{repo}/git/blobs/{file_sha}', { ...repo, file_sha: data.sha });
      return Buffer.from(blob.data.content, blob.data.encoding === 'base64' ? 'base64' : 'utf8');
    },
    list: async () => [],
  };
}
