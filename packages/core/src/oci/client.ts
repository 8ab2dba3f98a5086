import { UserError } from '../errors.js';
import { basicHeader, type Challenge, type Credentials, hasCredentials, parseChallenges, tokenUrl } from './auth.js';
import { DEFAULT_TIMEOUT_MS, type Fetch, shownUrl, type TimedInit, timedFetch } from './http.js';
import { type OciReference, registryUrl } from './reference.js';

/**
 * A client of the OCI distribution spec for one repository, on Node's fetch: blobs (exists, upload
 * monolithic or in chunks, download) and manifests (put by tag, get by tag or digest). Anonymous
 * first; a 401 is answered with the registry's own challenge (Bearer token flow or Basic) and the
 * request sent again. Credentials go only to the registry's origin and its token service, and never
 * into an error.
 */

export interface ClientOptions {
  reference: OciReference;
  credentials?: Credentials;
  /** What the token must allow on the repository. */
  actions: 'pull' | 'pull,push';
  timeoutMs?: number;
  signal?: AbortSignal;
  fetch?: Fetch;
}

/** A registry's refusal, with its status and the distribution spec's error codes (`BLOB_UNKNOWN`, `DENIED`, ...). */
export class RegistryError extends Error {
  constructor(
    message: string,
    readonly status?: number,
    readonly codes: string[] = [],
  ) {
    super(message);
    this.name = 'RegistryError';
  }
}

export interface Blob {
  digest: string;
  size: number;
  /** The bytes from `start` to `end` inclusive, read from disk as the socket takes them. */
  open(start: number, end: number): ReadableStream<Uint8Array>;
}

interface Send {
  headers?: Record<string, string>;
  /** A factory, so that a request answered with 401 can be sent again with a fresh body. */
  body?: () => TimedInit['body'];
  /** Statuses that are an answer, not a failure. */
  ok: number[];
  /** Whether a transient failure (network, 5xx, 429) may be retried as is. */
  retry?: boolean;
  what: string;
}

export const MANIFEST_MEDIA_TYPE = 'application/vnd.oci.image.manifest.v1+json';
/** distribution's own cap on a manifest's size; a bigger answer is not a manifest. */
const MANIFEST_MAX_BYTES = 4 * 1024 * 1024;
const RETRY_DELAYS_MS = [500, 2000];
/** A registry's answers to a chunk it does not take: bad request, method not allowed, range not satisfiable, not implemented. */
const REFUSED_CHUNK = [400, 405, 416, 501];

export class RegistryClient {
  readonly base: string;
  private readonly origin: string;
  private readonly timeoutMs: number;
  private readonly fetch: Fetch;
  private authorization: string | undefined;
  private authenticating: Promise<void> | undefined;

  constructor(private readonly o: ClientOptions) {
    this.base = registryUrl(o.reference);
    this.origin = new URL(this.base).origin;
    this.timeoutMs = o.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.fetch = o.fetch ?? fetch;
  }

  /** `/v2/<repository>/<rest>` on the registry. */
  url(rest: string): string {
    return `${this.base}/v2/${this.o.reference.repository}/${rest}`;
  }

  private get host(): string {
    return this.o.reference.registry;
  }

  async blobExists(digest: string): Promise<boolean> {
    const res = await this.send('HEAD', this.url(`blobs/${digest}`), { ok: [200, 404], retry: true, what: `checking blob ${digest}` });
    await discard(res);
    return res.status === 200;
  }

  /**
   * Uploads a blob: one PUT for a small one, PATCHes of `chunkSize` bytes with Content-Range and a
   * closing PUT for a large one (the registry may ask for bigger chunks with OCI-Chunk-Min-Length).
   * A failure part-way starts the upload again once, from a new session.
   */
  async uploadBlob(blob: Blob, o: { chunkSize: number; monolithicMax: number }): Promise<{ requests: number }> {
    let sizes = o;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.uploadOnce(blob, sizes);
      } catch (e) {
        if (attempt >= 1 || this.o.signal?.aborted) throw e;
        if (transient(e)) await sleep(RETRY_DELAYS_MS[attempt]);
        // Registries differ most in chunked uploads (the spec's Content-Range PATCH is optional
        // for them to get right): one that refuses a chunk gets the blob in one streamed PUT.
        else if (blob.size > sizes.monolithicMax && e instanceof RegistryError && REFUSED_CHUNK.includes(e.status ?? 0))
          sizes = { ...sizes, monolithicMax: blob.size };
        else throw e;
      }
    }
  }

  private async uploadOnce(blob: Blob, o: { chunkSize: number; monolithicMax: number }): Promise<{ requests: number }> {
    const what = `uploading blob ${blob.digest}`;
    const start = await this.send('POST', this.url('blobs/uploads/'), { ok: [202], retry: true, what, headers: { 'content-length': '0' } });
    await discard(start);
    let location = this.location(start, what);
    const bytes = (s: number, e: number) => (e < s ? () => new Uint8Array(0) : () => blob.open(s, e));
    const octets = { 'content-type': 'application/octet-stream' };

    if (blob.size <= o.monolithicMax) {
      const put = await this.send('PUT', withDigest(location, blob.digest), {
        ok: [201],
        what,
        headers: { ...octets, 'content-length': String(blob.size) },
        body: bytes(0, blob.size - 1),
      });
      await discard(put);
      return { requests: 2 };
    }

    const min = Number(start.headers.get('oci-chunk-min-length'));
    const chunk = Number.isSafeInteger(min) && min > o.chunkSize ? min : o.chunkSize;
    let requests = 1;
    for (let offset = 0; offset < blob.size; ) {
      const end = Math.min(offset + chunk, blob.size) - 1;
      const patch = await this.send('PATCH', location, {
        ok: [202],
        what,
        headers: { ...octets, 'content-length': String(end - offset + 1), 'content-range': `${offset}-${end}` },
        body: bytes(offset, end),
      });
      await discard(patch);
      requests++;
      location = this.location(patch, what);
      const range = /^(?:bytes=)?0-(\d+)$/.exec(patch.headers.get('range') ?? '');
      if (range && Number(range[1]) !== end) throw new RegistryError(`${what}: the registry holds bytes 0-${range[1]} after a chunk that ended at ${end}`);
      offset = end + 1;
    }
    const put = await this.send('PUT', withDigest(location, blob.digest), { ok: [201], what, headers: { 'content-length': '0' } });
    await discard(put);
    return { requests: requests + 1 };
  }

  async putManifest(reference: string, bytes: Uint8Array, mediaType: string): Promise<string | undefined> {
    const res = await this.send('PUT', this.url(`manifests/${reference}`), {
      ok: [201],
      retry: true,
      what: `putting the manifest as ${reference}`,
      headers: { 'content-type': mediaType, 'content-length': String(bytes.length) },
      body: () => bytes,
    });
    await discard(res);
    return res.headers.get('docker-content-digest') ?? undefined;
  }

  async getManifest(reference: string): Promise<{ bytes: Buffer; mediaType: string }> {
    const res = await this.send('GET', this.url(`manifests/${reference}`), {
      ok: [200],
      retry: true,
      what: `getting manifest ${reference}`,
      headers: { accept: MANIFEST_MEDIA_TYPE },
    });
    const bytes = await readCapped(res, MANIFEST_MAX_BYTES, `the manifest ${reference}`);
    return { bytes, mediaType: (res.headers.get('content-type') ?? '').split(';')[0].trim() };
  }

  /** The blob's bytes as a stream (redirects followed: registries often hand blobs to a storage host). */
  async getBlob(digest: string): Promise<Response> {
    return this.send('GET', this.url(`blobs/${digest}`), { ok: [200], retry: true, what: `getting blob ${digest}` });
  }

  private location(res: Response, what: string): string {
    const loc = res.headers.get('location');
    if (!loc) throw new RegistryError(`${what}: the registry answered ${res.status} without a Location for the upload`);
    return new URL(loc, this.base).toString();
  }

  /** One request, answered: authenticates on 401 (twice at most), retries transient failures of replayable requests. */
  private async send(method: string, url: string, s: Send): Promise<Response> {
    let auths = 0;
    let hops = 0;
    for (let attempt = 0; ; attempt++) {
      const ours = new URL(url).origin === this.origin;
      const headers: Record<string, string> = { 'user-agent': 'mlci', ...s.headers };
      if (ours && this.authorization) headers.authorization = this.authorization;
      let res: Response;
      try {
        res = await timedFetch(url, { method, headers, body: s.body?.(), signal: this.o.signal }, this.timeoutMs, this.fetch);
      } catch (e) {
        if (this.o.signal?.aborted) throw this.o.signal.reason;
        if (s.retry && attempt < RETRY_DELAYS_MS.length) {
          await sleep(RETRY_DELAYS_MS[attempt]);
          continue;
        }
        throw new RegistryError(`${s.what}: ${method} ${shownUrl(url)} failed: ${e instanceof Error ? e.message : String(e)}`);
      }
      if (res.status === 401 && ours && auths < 2 && hops++ < 6) {
        await discard(res);
        attempt--;
        // Blobs go up a few at a time: another request may have answered the challenge meanwhile.
        await this.authenticating?.catch(() => {});
        if (this.authorization !== headers.authorization) continue;
        auths++;
        this.authenticating = this.authenticate(parseChallenges(res.headers.get('www-authenticate')), headers.authorization, s.what);
        try {
          await this.authenticating;
        } finally {
          this.authenticating = undefined;
        }
        continue;
      }
      if (s.ok.includes(res.status)) return res;
      if (s.retry && (res.status >= 500 || res.status === 429) && attempt < RETRY_DELAYS_MS.length) {
        await discard(res);
        await sleep(RETRY_DELAYS_MS[attempt]);
        continue;
      }
      throw await this.failure(res, method, url, s.what);
    }
  }

  /** Answers a challenge: a token from the registry's token service (with the credentials, if any), or Basic. */
  private async authenticate(challenges: Challenge[], sent: string | undefined, what: string): Promise<void> {
    const c = this.o.credentials;
    const bearer = challenges.find((x) => x.scheme === 'bearer' && x.realm);
    const basic = challenges.find((x) => x.scheme === 'basic');
    if (bearer) {
      this.authorization = `Bearer ${await this.token(bearer, what)}`;
    } else if (basic) {
      if (!hasCredentials(c)) throw this.needsCredentials(what);
      if (sent?.startsWith('Basic ')) throw this.refused(what);
      this.authorization = basicHeader(c);
    } else {
      throw new RegistryError(`${what}: registry ${this.host} answered 401 without a Bearer or Basic challenge`, 401);
    }
  }

  private async token(challenge: Challenge, what: string): Promise<string> {
    const c = this.o.credentials;
    const url = tokenUrl(challenge, [`repository:${this.o.reference.repository}:${this.o.actions}`]);
    // The realm is the registry's word; credentials go to it only over HTTPS or on loopback.
    const realm = new URL(url);
    const safe = realm.protocol === 'https:' || this.o.reference.plainHttp;
    if (hasCredentials(c) && !safe) {
      throw new UserError(
        `${what}: registry ${this.host} sends clients to a token service over plain HTTP (${shownUrl(url)}): mlci does not send credentials there`,
        {
          input: 'destinations',
        },
      );
    }
    const headers: Record<string, string> = { 'user-agent': 'mlci', accept: 'application/json' };
    if (hasCredentials(c)) headers.authorization = basicHeader(c);
    let res: Response;
    try {
      res = await timedFetch(url, { method: 'GET', headers, signal: this.o.signal }, this.timeoutMs, this.fetch);
    } catch (e) {
      throw new RegistryError(`${what}: the token service of ${this.host} (${shownUrl(url)}) failed: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (res.status === 401 || res.status === 403) {
      await discard(res);
      throw hasCredentials(c) ? this.refused(what) : this.needsCredentials(what);
    }
    if (res.status !== 200) throw await this.failure(res, 'GET', url, `${what}: getting a token`);
    const body = (await readCapped(res, 1024 * 1024, 'the token').then((b) => JSON.parse(b.toString('utf8')))) as { token?: string; access_token?: string };
    const token = body.token || body.access_token;
    if (!token) throw new RegistryError(`${what}: the token service of ${this.host} answered without a token`);
    return token;
  }

  private needsCredentials(what: string): UserError {
    return new UserError(
      `${what}: registry ${this.host} wants credentials for ${this.o.reference.repository}: give registry-username and registry-password (for GHCR, the job's token with \`permissions: packages: write\`)`,
      { input: 'registry-password' },
    );
  }

  private refused(what: string): UserError {
    return new UserError(
      `${what}: registry ${this.host} refused the credentials given for ${this.o.reference.repository} (401): check registry-username and registry-password`,
      {
        input: 'registry-password',
      },
    );
  }

  private async failure(res: Response, method: string, url: string, what: string): Promise<Error> {
    const text = await readCapped(res, 64 * 1024, 'the error').then(
      (b) => b.toString('utf8'),
      () => '',
    );
    let codes: string[] = [];
    let detail = text.trim().slice(0, 300);
    try {
      const errors = (JSON.parse(text) as { errors?: { code?: string; message?: string }[] }).errors ?? [];
      codes = errors.map((e) => e.code ?? '').filter(Boolean);
      if (errors.length) detail = errors.map((e) => [e.code, e.message].filter(Boolean).join(' ')).join('; ');
    } catch {}
    const said = `${what}: registry ${this.host} answered ${res.status} to ${method} ${shownUrl(url)}${detail ? `: ${detail}` : ''}`;
    if (res.status === 401) return this.authorization ? this.refused(what) : this.needsCredentials(what);
    if (res.status === 403 || codes.includes('DENIED')) {
      return new UserError(`${said} (may these credentials write to ${this.o.reference.repository}? GHCR needs \`permissions: packages: write\`)`, {
        input: 'destinations',
      });
    }
    return new RegistryError(said, res.status, codes);
  }
}

function withDigest(location: string, digest: string): string {
  const u = new URL(location);
  u.searchParams.set('digest', digest);
  return u.toString();
}

function transient(e: unknown): boolean {
  return e instanceof RegistryError && (e.status === undefined || e.status >= 500 || e.status === 429);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function discard(res: Response): Promise<void> {
  await res.body?.cancel().catch(() => {});
}

/** A body read whole, refusing one larger than `max` (a registry is not trusted to be small). */
export async function readCapped(res: Response, max: number, what: string): Promise<Buffer> {
  if (!res.body) return Buffer.alloc(0);
  const parts: Uint8Array[] = [];
  let n = 0;
  for await (const part of res.body as unknown as AsyncIterable<Uint8Array>) {
    n += part.length;
    if (n > max) {
      await res.body.cancel().catch(() => {});
      throw new RegistryError(`${what} is larger than ${max} bytes`);
    }
    parts.push(part);
  }
  return Buffer.concat(parts);
}
