import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { statusOf, type Api, type Repo } from './api.js';

export interface ImageFile {
  /** The reference as written in the markdown: the key of the returned map. */
  ref: string;
  /** Absolute path on disk. */
  path: string;
}

export interface PublishImagesOptions {
  /** The branch that holds report images; created on first use, never merged anywhere. */
  branch: string;
  /** GITHUB_SERVER_URL: links use it, never a hard-coded host (GitHub Enterprise). */
  serverUrl: string;
  message: string;
}

/**
 * Publishes local images GitHub-natively: one commit on a dedicated branch through the Git Data
 * API, linked by commit sha. Whoever can read the repository can see them; no third-party host.
 * Files are named by content hash, so the same chart is stored once.
 * Throws the API's error (403 without `contents: write`); the caller falls back to text charts.
 */
export async function publishImages(api: Api, repo: Repo, files: ImageFile[], o: PublishImagesOptions): Promise<Map<string, string>> {
  const urls = new Map<string, string>();
  if (files.length === 0) return urls;

  const blobs = new Map<string, string>(); // tree path -> file path
  const treePathOf = new Map<string, string>(); // ref -> tree path
  for (const f of files) {
    const bytes = await readFile(f.path);
    const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 32);
    const treePath = `images/${hash}${extname(f.path).toLowerCase()}`;
    blobs.set(treePath, f.path);
    treePathOf.set(f.ref, treePath);
  }

  const tree: Array<{ path: string; mode: '100644'; type: 'blob'; sha: string }> = [];
  for (const [treePath, file] of blobs) {
    const content = (await readFile(file)).toString('base64');
    const { data } = await api.request('POST /repos/{owner}/{repo}/git/blobs', { ...repo, content, encoding: 'base64' });
    tree.push({ path: treePath, mode: '100644', type: 'blob', sha: data.sha });
  }

  // The branch may move under us (another job publishing at the same time): retry on a lost race.
  for (let attempt = 1; ; attempt++) {
    const parent = await branchHead(api, repo, o.branch);
    const { data: t } = await api.request('POST /repos/{owner}/{repo}/git/trees', {
      ...repo,
      tree,
      ...(parent ? { base_tree: parent.tree } : {}),
    });
    const { data: commit } = await api.request('POST /repos/{owner}/{repo}/git/commits', {
      ...repo,
      message: o.message,
      tree: t.sha,
      parents: parent ? [parent.sha] : [],
    });
    try {
      if (parent) {
        await api.request('PATCH /repos/{owner}/{repo}/git/refs/{ref}', { ...repo, ref: `heads/${o.branch}`, sha: commit.sha, force: false });
      } else {
        await api.request('POST /repos/{owner}/{repo}/git/refs', { ...repo, ref: `refs/heads/${o.branch}`, sha: commit.sha });
      }
    } catch (e) {
      if (statusOf(e) === 422 && attempt < 5) continue;
      throw e;
    }
    const base = o.serverUrl.replace(/\/+$/, '');
    for (const [ref, treePath] of treePathOf) {
      urls.set(ref, `${base}/${repo.owner}/${repo.repo}/blob/${commit.sha}/${treePath}?raw=true`);
    }
    return urls;
  }
}

/** The branch's commit and its tree, or undefined when the branch does not exist. */
export async function branchHead(api: Api, repo: Repo, branch: string): Promise<{ sha: string; tree: string } | undefined> {
  try {
    const { data: ref } = await api.request('GET /repos/{owner}/{repo}/git/ref/{ref}', { ...repo, ref: `heads/${branch}` });
    const { data: commit } = await api.request('GET /repos/{owner}/{repo}/git/commits/{commit_sha}', { ...repo, commit_sha: ref.object.sha });
    return { sha: commit.sha, tree: commit.tree.sha };
  } catch (e) {
    if (statusOf(e) === 404) return undefined;
    throw e;
  }
}
