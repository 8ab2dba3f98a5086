import type { Azurite } from './azurite.js';
import { TwirpError, type TwirpMethod } from './twirp.js';

export const CACHE_CONTAINER = 'actions-cache';

export interface CacheRecord {
  id: number;
  key: string;
  version: string;
  size: number;
  finalized: boolean;
  blob: string;
  createdAt: Date;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/**
 * CacheService of the Actions results API as @actions/cache 6 calls it (cache service v2).
 * One scope only: the real service also matches by branch (the base branch's caches are
 * readable from a pull request), which a single-run test has no use for.
 */
export class CacheStore {
  private readonly records: CacheRecord[] = [];
  private nextId = 1;

  constructor(private readonly blobs: Azurite) {}

  all(): CacheRecord[] {
    return [...this.records];
  }

  /**
   * GitHub's documented lookup: an exact hit on `key`, then the newest entry whose key starts
   * with `key`, then the same two steps for each restore key in order; the version must match
   * throughout (it encodes the paths and the compression).
   */
  match(key: string, restoreKeys: string[], version: string): CacheRecord | undefined {
    const candidates = this.records
      .filter((r) => r.finalized && r.version === version)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id);
    for (const k of [key, ...restoreKeys]) {
      const hit = candidates.find((r) => r.key === k) ?? candidates.find((r) => r.key.startsWith(k));
      if (hit) return hit;
    }
    return undefined;
  }

  twirp(): Record<string, TwirpMethod> {
    const keyAndVersion = (body: Record<string, any>) => {
      const key = str(body.key);
      const version = str(body.version);
      if (!key) throw new TwirpError('invalid_argument', 'key is required');
      if (!version) throw new TwirpError('invalid_argument', 'version is required');
      return { key, version };
    };
    return {
      CreateCacheEntry: async (_caller, body) => {
        const { key, version } = keyAndVersion(body);
        // Entries are immutable: a second writer of the same key and version is refused,
        // whether the first one has finished or is still uploading.
        if (this.records.some((r) => r.key === key && r.version === version)) {
          throw new TwirpError('already_exists', 'cache entry with the same key, version, and scope already exists');
        }
        const id = this.nextId++;
        const record: CacheRecord = {
          id,
          key,
          version,
          size: 0,
          finalized: false,
          blob: `${id}/cache.tzst`,
          createdAt: new Date(),
        };
        this.records.push(record);
        await this.blobs.service.getContainerClient(CACHE_CONTAINER).createIfNotExists();
        return { ok: true, signed_upload_url: this.blobs.sasUrl(CACHE_CONTAINER, record.blob, { permissions: 'cw' }) };
      },

      FinalizeCacheEntryUpload: async (_caller, body) => {
        const { key, version } = keyAndVersion(body);
        const record = this.records.find((r) => r.key === key && r.version === version && !r.finalized);
        if (!record) throw new TwirpError('not_found', `no cache entry ${key} awaits finalizing`);
        const props = await this.blobs.service
          .getContainerClient(CACHE_CONTAINER)
          .getBlobClient(record.blob)
          .getProperties()
          .catch(() => undefined);
        if (!props) throw new TwirpError('failed_precondition', `nothing was uploaded for cache entry ${key}`);
        record.size = props.contentLength ?? 0;
        record.finalized = true;
        return { ok: true, entry_id: String(record.id) };
      },

      GetCacheEntryDownloadURL: (_caller, body) => {
        const { key, version } = keyAndVersion(body);
        const restoreKeys = Array.isArray(body.restore_keys) ? body.restore_keys.filter(str) : [];
        const hit = this.match(key, restoreKeys, version);
        // A miss is not an error: the client reads `ok: false` as "no cache".
        if (!hit) return { ok: false };
        return {
          ok: true,
          signed_download_url: this.blobs.sasUrl(CACHE_CONTAINER, hit.blob, { permissions: 'r' }),
          matched_key: hit.key,
        };
      },
    };
  }
}
