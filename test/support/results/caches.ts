import type { IncomingMessage, ServerResponse } from 'node:http';
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
  /** Which API stored it: the Twirp CacheService (v2) or GHES's REST API (v1). */
  service: 'v1' | 'v2';
  /** v1 (GHES) only: the chunks PATCHed so far, by their first byte, until the commit. */
  chunks?: Map<number, Buffer>;
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
          service: 'v2',
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

  /**
   * The v1 REST cache API that GHES serves at ACTIONS_CACHE_URL, as @actions/cache 6's
   * cacheHttpClient calls it (it has no published description): `GET cache?keys=&version=` (200
   * with `archiveLocation`, or 204 for a miss), `POST caches` to reserve (409 when the key and
   * version exist), `PATCH caches/{id}` with `Content-Range: bytes a-b/*` per chunk, `POST
   * caches/{id}` with the total `size` to commit. Every request is checked as the real service
   * would: the runtime token, the API version in Accept, chunks that tile the entry exactly.
   * Answers true when the request was one of these.
   */
  async v1(req: IncomingMessage, res: ServerResponse, base: string): Promise<boolean> {
    const url = new URL(req.url ?? '/', base);
    const prefix = '/_apis/artifactcache/';
    if (!url.pathname.startsWith(prefix)) return false;
    const send = (status: number, body?: object) => {
      res.writeHead(status, body ? { 'content-type': 'application/json' } : {});
      res.end(body ? JSON.stringify(body) : undefined);
    };
    const raw: Buffer[] = [];
    for await (const c of req) raw.push(c as Buffer);
    const bytes = Buffer.concat(raw);
    if (!/^Bearer \S+$/.test(req.headers.authorization ?? '')) return (send(401, { message: 'no runtime token' }), true);
    if (!/api-version=6\.0-preview\.1/.test(req.headers.accept ?? ''))
      return (send(400, { message: `Accept names no api-version: ${req.headers.accept}` }), true);
    const resource = url.pathname.slice(prefix.length);
    const json = () => JSON.parse(bytes.toString('utf8') || '{}') as Record<string, any>;
    if (req.method === 'GET' && resource === 'cache') {
      const keys = (url.searchParams.get('keys') ?? '').split(',').filter(Boolean);
      const version = url.searchParams.get('version') ?? '';
      if (keys.length === 0 || !version) return (send(400, { message: 'keys and version are required' }), true);
      const hit = this.match(keys[0], keys.slice(1), version);
      if (!hit) return (send(204), true);
      return (
        send(200, {
          scope: 'refs/heads/main',
          cacheKey: hit.key,
          cacheVersion: hit.version,
          creationTime: hit.createdAt.toISOString(),
          archiveLocation: this.blobs.sasUrl(CACHE_CONTAINER, hit.blob, { permissions: 'r' }),
        }),
        true
      );
    }
    if (req.method === 'POST' && resource === 'caches') {
      const { key, version, cacheSize } = json();
      if (!str(key) || !str(version)) return (send(400, { message: 'key and version are required' }), true);
      if (this.records.some((r) => r.key === key && r.version === version))
        return (send(409, { message: `Cache already exists. Scope: refs/heads/main, Key: ${key}, Version: ${version}` }), true);
      const id = this.nextId++;
      this.records.push({
        id,
        key,
        version,
        size: Number(cacheSize) || 0,
        finalized: false,
        blob: `${id}/cache.tzst`,
        createdAt: new Date(),
        service: 'v1',
        chunks: new Map(),
      });
      return (send(201, { cacheId: id }), true);
    }
    const m = /^caches\/(\d+)$/.exec(resource);
    const record = m ? this.records.find((r) => r.id === Number(m[1]) && !r.finalized && r.chunks) : undefined;
    if (m && !record) return (send(404, { message: `no cache ${m[1]} awaits an upload` }), true);
    if (record && req.method === 'PATCH') {
      const range = /^bytes (\d+)-(\d+)\/\*$/.exec(req.headers['content-range'] ?? '');
      if (!range || req.headers['content-type'] !== 'application/octet-stream')
        return (send(400, { message: 'a chunk needs Content-Range bytes a-b/* and an octet-stream body' }), true);
      const [start, end] = [Number(range[1]), Number(range[2])];
      if (end - start + 1 !== bytes.length) return (send(400, { message: `Content-Range says ${end - start + 1} bytes, the body has ${bytes.length}` }), true);
      record.chunks!.set(start, bytes);
      return (send(204), true);
    }
    if (record && req.method === 'POST') {
      const size = Number(json().size);
      const starts = [...record.chunks!.keys()].sort((a, b) => a - b);
      let at = 0;
      for (const s0 of starts) {
        if (s0 !== at) return (send(400, { message: `the chunks leave a gap or overlap at byte ${at}` }), true);
        at += record.chunks!.get(s0)!.length;
      }
      if (at !== size) return (send(400, { message: `the commit says ${size} bytes, ${at} were uploaded` }), true);
      const data = Buffer.concat(starts.map((s0) => record.chunks!.get(s0)!));
      const container = this.blobs.service.getContainerClient(CACHE_CONTAINER);
      await container.createIfNotExists();
      await container.getBlockBlobClient(record.blob).uploadData(data);
      Object.assign(record, { size, finalized: true, chunks: undefined });
      return (send(204), true);
    }
    return (send(404, { message: `no route ${req.method} ${url.pathname}` }), true);
  }
}
