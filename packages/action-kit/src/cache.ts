import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { createGunzip, createZstdDecompress } from 'node:zlib';
import * as core from '@actions/core';
import type { BaselineCache } from '@mlci/core/baseline';
import { fetchWithTimeout, httpTimeoutMs, type Fetch } from './http.js';

/**
 * The Actions cache for a stored baseline. Saving goes through @actions/cache. Restoring does
 * not: @actions/cache extracts with `tar -P` into the workspace, so a poisoned entry's
 * `../../escape.txt` or `/home/runner/.bashrc` would be written before anyone could look. Here the
 * entry is looked up and downloaded the same way @actions/cache does it (the results service's
 * Twirp API, or the v1 REST API on GHES), and handed to the core as a tar stream that it checks
 * member by member before writing anything.
 *
 * Saving is best effort, as actions/cache does it: an entry that exists already (entries are
 * immutable), a read-only cache token or a full cache is reported and not an error. Restoring
 * answers a miss, and a fault of the service, with undefined.
 */
/** `what` names the entries in warnings: `baseline` (compare-metrics), `training run` (train). */
export function actionsCache(env: NodeJS.ProcessEnv = process.env, what = 'baseline'): BaselineCache | undefined {
  const service = cacheService(env);
  if (!service) return undefined;
  // The lookup and the download are bounded like every other request: a silent service is a miss.
  const get = fetchWithTimeout(fetch, httpTimeoutMs(env), 'The cache service');
  return {
    async restore(paths, key, restoreKeys) {
      if (!cacheReadable(env)) return undefined;
      for (const c of COMPRESSIONS) {
        let hit: { key: string; url: string } | undefined;
        let res: Response;
        try {
          hit = await lookup(get, env, service, { key, restoreKeys, version: cacheVersion(paths, c.method) });
          if (!hit) continue;
          res = await get(hit.url);
          if (!res.ok || !res.body) throw new Error(`downloading the cache entry ${hit.key} failed: HTTP ${res.status}`);
        } catch (e) {
          // As @actions/cache does: a service fault is reported and read as a miss (the report says "no baseline").
          core.warning(`The cached ${what} could not be restored: ${(e as Error).message}`);
          return undefined;
        }
        const body = Readable.fromWeb(res.body as unknown as WebReadableStream<Uint8Array>);
        const unpacked = c.decompress();
        body.on('error', (e) => unpacked.destroy(e));
        return { key: hit.key, tar: body.pipe(unpacked) };
      }
      return undefined;
    },
    async save(paths, key, root) {
      try {
        // @actions/cache answers -1 when it logged why it could not store (exists, refused).
        // @actions/cache (with the Azure blob client, about 5 MB) loads only when a baseline is saved.
        const cache = await import('@actions/cache');
        return (await inFolder(root, () => cache.saveCache(paths, key))) !== -1;
      } catch (e) {
        core.warning(`The ${what} was not stored in the cache: ${(e as Error).message}`);
        return false;
      }
    },
  };
}

/**
 * @actions/cache names an entry's files relative to GITHUB_WORKSPACE (tar -C) and globs them from
 * the working directory; both point at `root` while it saves, so mlci stages outside the workspace
 * and the entry's paths stay the same relative ones in every run.
 */
async function inFolder<T>(root: string, body: () => Promise<T>): Promise<T> {
  const cwd = process.cwd();
  const workspace = process.env.GITHUB_WORKSPACE;
  process.env.GITHUB_WORKSPACE = root;
  process.chdir(root);
  try {
    return await body();
  } finally {
    process.chdir(cwd);
    if (workspace === undefined) delete process.env.GITHUB_WORKSPACE;
    else process.env.GITHUB_WORKSPACE = workspace;
  }
}

/**
 * Which cache service the runner offers, decided as @actions/cache decides it (isGhes,
 * getCacheServiceVersion, isFeatureAvailable): v2 (the results service) on github.com and GHE.com
 * when ACTIONS_CACHE_SERVICE_V2 is set, else v1; none without its URL. Read here, not through the
 * toolkit, so that it loads only when a baseline is saved.
 */
function cacheService(env: NodeJS.ProcessEnv): 'v1' | 'v2' | undefined {
  let host = 'GITHUB.COM';
  try {
    host = new URL(env.GITHUB_SERVER_URL || 'https://github.com').hostname.toUpperCase();
  } catch {
    // An unparsable server URL is not github.com: v1, as on GHES.
    host = '';
  }
  const ghes = host !== 'GITHUB.COM' && !host.endsWith('.GHE.COM') && !host.endsWith('.LOCALHOST');
  const version = !ghes && env.ACTIONS_CACHE_SERVICE_V2 ? 'v2' : 'v1';
  const url = version === 'v2' ? env.ACTIONS_RESULTS_URL : env.ACTIONS_CACHE_URL;
  return url ? version : undefined;
}

/** ACTIONS_CACHE_MODE `none` or `write-only` means this job may not read the cache. */
function cacheReadable(env: NodeJS.ProcessEnv): boolean {
  const mode = (env.ACTIONS_CACHE_MODE || '').trim().toLowerCase();
  return !['none', 'write-only'].includes(mode);
}

/** @actions/cache's version salt and compression names: the entry's version hashes them with its paths. */
const VERSION_SALT = '1.0';
// It compresses with zstd when the zstd binary is there and with gzip otherwise: an entry is under one of the two.
const COMPRESSIONS = [
  { method: 'zstd-without-long', decompress: () => createZstdDecompress() },
  { method: 'gzip', decompress: () => createGunzip() },
];

export function cacheVersion(paths: string[], method: string): string {
  return createHash('sha256')
    .update([...paths, method, VERSION_SALT].join('|'))
    .digest('hex');
}

async function lookup(
  fetch: Fetch,
  env: NodeJS.ProcessEnv,
  service: 'v1' | 'v2',
  q: { key: string; restoreKeys: string[]; version: string },
): Promise<{ key: string; url: string } | undefined> {
  const auth = { authorization: `Bearer ${env.ACTIONS_RUNTIME_TOKEN ?? ''}` };
  if (service === 'v2') {
    const url = new URL('/twirp/github.actions.results.api.v1.CacheService/GetCacheEntryDownloadURL', env.ACTIONS_RESULTS_URL).href;
    const res = await fetch(url, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ key: q.key, restore_keys: q.restoreKeys, version: q.version }),
    });
    if (!res.ok) throw new Error(`looking up the cache entry ${q.key} failed: HTTP ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { ok?: boolean; signed_download_url?: string; matched_key?: string };
    return body.ok && body.signed_download_url ? { key: body.matched_key ?? q.key, url: body.signed_download_url } : undefined;
  }
  const base = env.ACTIONS_CACHE_URL || env.ACTIONS_RESULTS_URL || '';
  const keys = encodeURIComponent([q.key, ...q.restoreKeys].join(','));
  const res = await fetch(`${base.replace(/\/?$/, '/')}_apis/artifactcache/cache?keys=${keys}&version=${q.version}`, {
    headers: { ...auth, accept: 'application/json;api-version=6.0-preview.1' },
  });
  if (res.status === 204 || res.status === 404) return undefined;
  if (!res.ok) throw new Error(`looking up the cache entry ${q.key} failed: HTTP ${res.status}`);
  const body = (await res.json()) as { cacheKey?: string; archiveLocation?: string };
  return body.archiveLocation ? { key: body.cacheKey ?? q.key, url: body.archiveLocation } : undefined;
}
