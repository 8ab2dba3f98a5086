import { createReadStream } from 'node:fs';
import { NO_RETRY, statusOf, type Api, type Repo } from './api.js';

export interface ReleaseInfo {
  id: number;
  url: string;
  uploadUrl: string;
  tag: string;
  assets: Map<string, { id: number; size: number; url: string }>;
}

function info(data: any): ReleaseInfo {
  return { id: data.id, url: data.html_url, uploadUrl: data.upload_url, tag: data.tag_name, assets: new Map() };
}

async function withAssets(api: Api, repo: Repo, r: ReleaseInfo): Promise<ReleaseInfo> {
  for (let page = 1; ; page++) {
    const { data } = await api.request('GET /repos/{owner}/{repo}/releases/{release_id}/assets', { ...repo, release_id: r.id, per_page: 100, page });
    for (const a of data as any[]) r.assets.set(a.name, { id: a.id, size: a.size, url: a.browser_download_url });
    if ((data as any[]).length < 100) return r;
  }
}

/** The release of `tag` with its assets, or undefined when there is none. */
export async function releaseByTag(api: Api, repo: Repo, tag: string): Promise<ReleaseInfo | undefined> {
  try {
    const { data } = await api.request('GET /repos/{owner}/{repo}/releases/tags/{tag}', { ...repo, tag });
    return await withAssets(api, repo, info(data));
  } catch (e) {
    if (statusOf(e) === 404) return undefined;
    throw e;
  }
}

/**
 * The release of `tag`, made when there is none: a re-run finds the one it made. A create that
 * raced another (422 already_exists) reads the winner's.
 */
export async function ensureRelease(
  api: Api,
  repo: Repo,
  o: { tag: string; name: string; body: string; prerelease?: boolean },
): Promise<{ release: ReleaseInfo; created: boolean }> {
  const existing = await releaseByTag(api, repo, o.tag);
  if (existing) return { release: existing, created: false };
  try {
    const { data } = await api.request('POST /repos/{owner}/{repo}/releases', {
      ...repo,
      tag_name: o.tag,
      name: o.name,
      body: o.body,
      prerelease: o.prerelease ?? false,
    });
    return { release: info(data), created: true };
  } catch (e) {
    if (statusOf(e) !== 422) throw e;
    const raced = await releaseByTag(api, repo, o.tag);
    if (!raced) throw e;
    return { release: raced, created: false };
  }
}

/**
 * Uploads a file as an asset through the release's own `upload_url` (GitHub Enterprise and
 * github.com differ in the host: never a hard-coded one), streamed from disk. An asset of that
 * name and size is there already (a re-run): it is kept; one of another size (an upload cut
 * off) is replaced, unless `keepExisting` says any asset of that name stands (a file made anew on
 * each run, whose first upload describes the release).
 */
export async function uploadAsset(
  api: Api,
  repo: Repo,
  release: ReleaseInfo,
  o: { name: string; path: string; size: number; contentType?: string; keepExisting?: boolean },
): Promise<{ uploaded: boolean; url: string }> {
  const have = release.assets.get(o.name);
  if (have && (have.size === o.size || o.keepExisting)) return { uploaded: false, url: have.url };
  if (have) await api.request('DELETE /repos/{owner}/{repo}/releases/assets/{asset_id}', { ...repo, asset_id: have.id });
  const contentType = o.contentType ?? 'application/octet-stream';
  let data: any;
  if (api.uploadFile) {
    // upload_url is a URI template (`.../assets{?name,label}`): its query is filled here.
    const url = `${release.uploadUrl.replace(/\{\?[^}]*\}$/, '')}?name=${encodeURIComponent(o.name)}`;
    ({ data } = await api.uploadFile(url, { path: o.path, size: o.size, contentType }));
  } else {
    // octokit expands the URI template itself.
    ({ data } = await api.request(`POST ${release.uploadUrl}`, {
      name: o.name,
      data: createReadStream(o.path),
      headers: { 'content-type': contentType, 'content-length': o.size },
      // A stream cannot be sent twice: no retry of the upload itself; a re-run completes it.
      ...NO_RETRY,
    }));
  }
  release.assets.set(o.name, { id: data.id, size: data.size, url: data.browser_download_url });
  return { uploaded: true, url: data.browser_download_url };
}
