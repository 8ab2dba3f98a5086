export const id = 197;
export const ids = [197];
export const modules = {

/***/ 43197:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ARTIFACT_TYPE: () => (/* reexport */ ARTIFACT_TYPE),
  CONFIG_MEDIA_TYPE: () => (/* reexport */ CONFIG_MEDIA_TYPE),
  MODELPACK_SPEC_COMMIT: () => (/* reexport */ MODELPACK_SPEC_COMMIT),
  MODELPACK_SPEC_VERSION: () => (/* reexport */ MODELPACK_SPEC_VERSION),
  RAW_MEDIA_TYPES: () => (/* reexport */ RAW_MEDIA_TYPES),
  RegistryError: () => (/* reexport */ RegistryError),
  fileKind: () => (/* reexport */ fileKind),
  parseOciDestination: () => (/* reexport */ parseOciDestination),
  pullModelPack: () => (/* reexport */ pullModelPack),
  pushModelPack: () => (/* reexport */ pushModelPack)
});

// EXTERNAL MODULE: ./packages/core/lib/errors.js
var errors = __webpack_require__(57706);
;// CONCATENATED MODULE: ./packages/core/lib/oci/reference.js

const INPUT = 'destinations';
// The distribution spec's grammar for a repository name: lowercase path components joined by `/`.
const COMPONENT = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*$/;
// A host name or IPv4 address, or a bracketed IPv6 address, then an optional port.
const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])(?::(\d{1,5}))?$/;
/**
 * `oci:ghcr.io/owner/churn-model` → `{ registry: 'ghcr.io', repository: 'owner/churn-model' }`.
 * The tag is never part of it: it is the model's version. The host must be written out (Docker's
 * rule: a first component with a dot or a port, or `localhost`), so that `oci:owner/model` is not
 * silently sent to some default registry.
 */
function parseOciDestination(spec) {
    const text = spec.trim();
    const bad = (why) => new errors/* UserError */.y(`destination \`${text}\`: ${why}`, { input: INPUT });
    if (!/^oci:/i.test(text))
        throw bad('an OCI destination is written `oci:<host>/<repository>`, e.g. `oci:ghcr.io/owner/model`');
    const rest = text.slice(4).replace(/^\/\//, '');
    if (/\s/.test(rest))
        throw bad('it has a space in it');
    const slash = rest.indexOf('/');
    if (slash < 0)
        throw bad('name the registry host and the repository in it: `oci:<host>/<repository>`, e.g. `oci:ghcr.io/owner/model`');
    const registry = rest.slice(0, slash);
    let repository = rest.slice(slash + 1);
    const host = HOST.exec(registry);
    if (!host || (host[1] !== undefined && (Number(host[1]) < 1 || Number(host[1]) > 65535)))
        throw bad(`\`${registry}\` is not a registry host`);
    if (!registry.includes('.') && !registry.includes(':') && registry !== 'localhost') {
        throw bad(`\`${registry}\` is not a registry host (write it with its domain or port, e.g. \`ghcr.io/${registry}/...\`)`);
    }
    if (repository.includes('@'))
        throw bad('a destination names a repository, not a digest');
    const tag = repository.lastIndexOf(':');
    if (tag >= 0)
        throw bad(`leave the tag (\`${repository.slice(tag)}\`) out: the model is tagged with its version`);
    repository = repository.replace(/\/+$/, '');
    if (!repository)
        throw bad('name the repository after the host');
    if (repository !== repository.toLowerCase())
        throw bad(`repository names are lowercase in OCI registries: write \`${repository.toLowerCase()}\``);
    if (repository.length > 255 || !repository.split('/').every((c) => COMPONENT.test(c))) {
        throw bad(`\`${repository}\` is not a repository name (lowercase letters, digits and . _ - between them, parts joined by /)`);
    }
    return { registry: registry.toLowerCase(), repository, plainHttp: isLoopback(registry) };
}
/** localhost, 127.0.0.0/8 and ::1, with or without a port. */
function isLoopback(registry) {
    const host = registry.startsWith('[') ? registry.slice(0, registry.indexOf(']') + 1) : registry.replace(/:\d+$/, '');
    const h = host.toLowerCase();
    return h === 'localhost' || h === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(h);
}
/** The base URL of a registry's API. Docker Hub's name and its API host differ. */
function registryUrl(ref) {
    const host = ref.registry === 'docker.io' ? 'registry-1.docker.io' : ref.registry;
    return `${ref.plainHttp ? 'http' : 'https'}://${host}`;
}
// The distribution spec's tag grammar.
const TAG = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
/**
 * The OCI tag for a version. SemVer build metadata (`1.0.0+abc`) has a `+`, which tags cannot hold:
 * it becomes `_`, as Helm does for charts in OCI registries.
 */
function tagFor(version) {
    const tag = version.replace(/\+/g, '_');
    if (!TAG.test(tag))
        throw new errors/* UserError */.y(`\`${version}\` cannot be an OCI tag (letters, digits and . _ -, at most 128)`, { input: 'version' });
    return tag;
}
//# sourceMappingURL=reference.js.map
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
;// CONCATENATED MODULE: ./packages/core/lib/oci/auth.js
/**
 * Parses the challenges of a `WWW-Authenticate` header (RFC 7235: comma-separated auth-params,
 * quoted strings with backslash escapes). Only Bearer and Basic are understood; a header offering
 * both gives both, Bearer first.
 */
function parseChallenges(header) {
    if (!header)
        return [];
    const out = [];
    let current;
    let rest = header;
    const take = (re) => {
        const m = re.exec(rest);
        if (m)
            rest = rest.slice(m[0].length);
        return m;
    };
    for (;;) {
        take(/^[\s,]+/);
        if (!rest)
            break;
        const param = take(/^([A-Za-z0-9_.-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))/);
        if (param) {
            const key = param[1].toLowerCase();
            const value = param[2] !== undefined ? param[2].replace(/\\(.)/g, '$1') : param[3];
            if (current && (key === 'realm' || key === 'service' || key === 'scope' || key === 'error'))
                current[key] = value;
            continue;
        }
        const scheme = take(/^([A-Za-z0-9_.-]+)/);
        if (!scheme)
            break;
        const name = scheme[1].toLowerCase();
        current = name === 'bearer' || name === 'basic' ? { scheme: name } : undefined;
        if (current)
            out.push(current);
    }
    return out.sort((a, b) => (a.scheme === b.scheme ? 0 : a.scheme === 'bearer' ? -1 : 1));
}
/**
 * The user name sent with a password alone. GHCR takes the job's token as the password with any
 * user name, and a Basic header needs one.
 */
const ANY_USER = 'mlci';
function basicHeader(c) {
    return `Basic ${Buffer.from(`${c.username || ANY_USER}:${c.password ?? ''}`).toString('base64')}`;
}
function hasCredentials(c) {
    return !!c && (!!c.password || !!c.username);
}
/** The URL to ask a token service for a token: the challenge's scope and the ones the operation needs, each once. */
function tokenUrl(challenge, scopes) {
    const url = new URL(challenge.realm);
    if (challenge.service)
        url.searchParams.set('service', challenge.service);
    const all = new Set();
    for (const s of [...(challenge.scope ? challenge.scope.split(' ') : []), ...scopes])
        if (s)
            all.add(s);
    for (const s of all)
        url.searchParams.append('scope', s);
    return url.toString();
}
//# sourceMappingURL=auth.js.map
;// CONCATENATED MODULE: ./packages/core/lib/oci/http.js
// Every request to a registry has a time limit, measured as silence: the clock restarts whenever
// bytes move (request body out, response body in), so a 1 GiB upload on a slow link is fine and a
// socket that stops answering ends in a clear error instead of a step that hangs until the job's
// timeout. The same idea as action-kit's http.ts, which the core may not import.
/** Per request, between any two signs of life; `timeoutMs` on a push or pull overrides it. */
const DEFAULT_TIMEOUT_MS = 60_000;
/** `fetch` that gives up after `ms` of silence, with an error naming the request but never its query (upload URLs carry state). */
async function timedFetch(url, init, ms, inner = fetch) {
    const method = init.method ?? 'GET';
    const silent = new Error(`registry did not answer ${method} ${shownUrl(url)} within ${ms} ms`);
    const controller = new AbortController();
    let timer;
    const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(() => controller.abort(silent), ms).unref();
    };
    const disarm = () => clearTimeout(timer);
    const signal = init.signal ? AbortSignal.any([init.signal, controller.signal]) : controller.signal;
    const ours = (e) => (controller.signal.aborted && !init.signal?.aborted ? silent : e);
    let body = init.body;
    if (init.body instanceof ReadableStream)
        body = watched(init.body, arm);
    arm();
    let res;
    try {
        res = await inner(url, { ...init, body, signal, ...(init.body instanceof ReadableStream ? { duplex: 'half' } : {}) });
    }
    catch (e) {
        disarm();
        throw ours(e);
    }
    if (!res.body) {
        disarm();
        return res;
    }
    arm();
    const reader = res.body.getReader();
    const out = new ReadableStream({
        async pull(c) {
            arm();
            try {
                const { done, value } = await reader.read();
                // The clock stops while the reader is busy (a slow disk is not a silent registry).
                disarm();
                if (done)
                    c.close();
                else
                    c.enqueue(value);
            }
            catch (e) {
                disarm();
                throw ours(e);
            }
        },
        cancel(reason) {
            disarm();
            return reader.cancel(reason);
        },
    });
    const copy = new Response(out, { status: res.status, statusText: res.statusText, headers: res.headers });
    Object.defineProperty(copy, 'url', { value: res.url });
    return copy;
}
/** A stream that restarts the silence clock on every chunk it hands to the socket. */
function watched(stream, alive) {
    const reader = stream.getReader();
    return new ReadableStream({
        async pull(c) {
            alive();
            const { done, value } = await reader.read();
            if (done)
                c.close();
            else
                c.enqueue(value);
        },
        cancel: (reason) => reader.cancel(reason),
    });
}
/** A URL as it may be shown in an error: upload locations carry opaque state in their query, signed blob URLs a credential. */
function shownUrl(url) {
    const q = url.indexOf('?');
    return q < 0 ? url : `${url.slice(0, q)}?…`;
}
//# sourceMappingURL=http.js.map
;// CONCATENATED MODULE: ./packages/core/lib/oci/client.js




/** A registry's refusal, with its status and the distribution spec's error codes (`BLOB_UNKNOWN`, `DENIED`, ...). */
class RegistryError extends Error {
    status;
    codes;
    constructor(message, status, codes = []) {
        super(message);
        this.status = status;
        this.codes = codes;
        this.name = 'RegistryError';
    }
}
const MANIFEST_MEDIA_TYPE = 'application/vnd.oci.image.manifest.v1+json';
/** distribution's own cap on a manifest's size; a bigger answer is not a manifest. */
const MANIFEST_MAX_BYTES = 4 * 1024 * 1024;
const RETRY_DELAYS_MS = [500, 2000];
/** A registry's answers to a chunk it does not take: bad request, method not allowed, range not satisfiable, not implemented. */
const REFUSED_CHUNK = [400, 405, 416, 501];
class RegistryClient {
    o;
    base;
    origin;
    timeoutMs;
    fetch;
    authorization;
    authenticating;
    constructor(o) {
        this.o = o;
        this.base = registryUrl(o.reference);
        this.origin = new URL(this.base).origin;
        this.timeoutMs = o.timeoutMs ?? DEFAULT_TIMEOUT_MS;
        this.fetch = o.fetch ?? fetch;
    }
    /** `/v2/<repository>/<rest>` on the registry. */
    url(rest) {
        return `${this.base}/v2/${this.o.reference.repository}/${rest}`;
    }
    get host() {
        return this.o.reference.registry;
    }
    async blobExists(digest) {
        const res = await this.send('HEAD', this.url(`blobs/${digest}`), { ok: [200, 404], retry: true, what: `checking blob ${digest}` });
        await discard(res);
        return res.status === 200;
    }
    /**
     * Uploads a blob: one PUT for a small one, PATCHes of `chunkSize` bytes with Content-Range and a
     * closing PUT for a large one (the registry may ask for bigger chunks with OCI-Chunk-Min-Length).
     * A failure part-way starts the upload again once, from a new session.
     */
    async uploadBlob(blob, o) {
        let sizes = o;
        for (let attempt = 0;; attempt++) {
            try {
                return await this.uploadOnce(blob, sizes);
            }
            catch (e) {
                if (attempt >= 1 || this.o.signal?.aborted)
                    throw e;
                if (client_transient(e))
                    await sleep(RETRY_DELAYS_MS[attempt]);
                // Registries differ most in chunked uploads (the spec's Content-Range PATCH is optional
                // for them to get right): one that refuses a chunk gets the blob in one streamed PUT.
                else if (blob.size > sizes.monolithicMax && e instanceof RegistryError && REFUSED_CHUNK.includes(e.status ?? 0))
                    sizes = { ...sizes, monolithicMax: blob.size };
                else
                    throw e;
            }
        }
    }
    async uploadOnce(blob, o) {
        const what = `uploading blob ${blob.digest}`;
        const start = await this.send('POST', this.url('blobs/uploads/'), { ok: [202], retry: true, what, headers: { 'content-length': '0' } });
        await discard(start);
        let location = this.location(start, what);
        const bytes = (s, e) => (e < s ? () => new Uint8Array(0) : () => blob.open(s, e));
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
        for (let offset = 0; offset < blob.size;) {
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
            if (range && Number(range[1]) !== end)
                throw new RegistryError(`${what}: the registry holds bytes 0-${range[1]} after a chunk that ended at ${end}`);
            offset = end + 1;
        }
        const put = await this.send('PUT', withDigest(location, blob.digest), { ok: [201], what, headers: { 'content-length': '0' } });
        await discard(put);
        return { requests: requests + 1 };
    }
    async putManifest(reference, bytes, mediaType) {
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
    async getManifest(reference) {
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
    async getBlob(digest) {
        return this.send('GET', this.url(`blobs/${digest}`), { ok: [200], retry: true, what: `getting blob ${digest}` });
    }
    location(res, what) {
        const loc = res.headers.get('location');
        if (!loc)
            throw new RegistryError(`${what}: the registry answered ${res.status} without a Location for the upload`);
        return new URL(loc, this.base).toString();
    }
    /** One request, answered: authenticates on 401 (twice at most), retries transient failures of replayable requests. */
    async send(method, url, s) {
        let auths = 0;
        let hops = 0;
        for (let attempt = 0;; attempt++) {
            const ours = new URL(url).origin === this.origin;
            const headers = { 'user-agent': 'mlci', ...s.headers };
            if (ours && this.authorization)
                headers.authorization = this.authorization;
            let res;
            try {
                res = await timedFetch(url, { method, headers, body: s.body?.(), signal: this.o.signal }, this.timeoutMs, this.fetch);
            }
            catch (e) {
                if (this.o.signal?.aborted)
                    throw this.o.signal.reason;
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
                await this.authenticating?.catch(() => { });
                if (this.authorization !== headers.authorization)
                    continue;
                auths++;
                this.authenticating = this.authenticate(parseChallenges(res.headers.get('www-authenticate')), headers.authorization, s.what);
                try {
                    await this.authenticating;
                }
                finally {
                    this.authenticating = undefined;
                }
                continue;
            }
            if (s.ok.includes(res.status))
                return res;
            if (s.retry && (res.status >= 500 || res.status === 429) && attempt < RETRY_DELAYS_MS.length) {
                await discard(res);
                await sleep(RETRY_DELAYS_MS[attempt]);
                continue;
            }
            throw await this.failure(res, method, url, s.what);
        }
    }
    /** Answers a challenge: a token from the registry's token service (with the credentials, if any), or Basic. */
    async authenticate(challenges, sent, what) {
        const c = this.o.credentials;
        const bearer = challenges.find((x) => x.scheme === 'bearer' && x.realm);
        const basic = challenges.find((x) => x.scheme === 'basic');
        if (bearer) {
            this.authorization = `Bearer ${await this.token(bearer, what)}`;
        }
        else if (basic) {
            if (!hasCredentials(c))
                throw this.needsCredentials(what);
            if (sent?.startsWith('Basic '))
                throw this.refused(what);
            this.authorization = basicHeader(c);
        }
        else {
            throw new RegistryError(`${what}: registry ${this.host} answered 401 without a Bearer or Basic challenge`, 401);
        }
    }
    async token(challenge, what) {
        const c = this.o.credentials;
        const url = tokenUrl(challenge, [`repository:${this.o.reference.repository}:${this.o.actions}`]);
        // The realm is the registry's word; credentials go to it only over HTTPS or on loopback.
        const realm = new URL(url);
        const safe = realm.protocol === 'https:' || this.o.reference.plainHttp;
        if (hasCredentials(c) && !safe) {
            throw new errors/* UserError */.y(`${what}: registry ${this.host} sends clients to a token service over plain HTTP (${shownUrl(url)}): mlci does not send credentials there`, {
                input: 'destinations',
            });
        }
        const headers = { 'user-agent': 'mlci', accept: 'application/json' };
        if (hasCredentials(c))
            headers.authorization = basicHeader(c);
        let res;
        try {
            res = await timedFetch(url, { method: 'GET', headers, signal: this.o.signal }, this.timeoutMs, this.fetch);
        }
        catch (e) {
            throw new RegistryError(`${what}: the token service of ${this.host} (${shownUrl(url)}) failed: ${e instanceof Error ? e.message : String(e)}`);
        }
        if (res.status === 401 || res.status === 403) {
            await discard(res);
            throw hasCredentials(c) ? this.refused(what) : this.needsCredentials(what);
        }
        if (res.status !== 200)
            throw await this.failure(res, 'GET', url, `${what}: getting a token`);
        const body = (await readCapped(res, 1024 * 1024, 'the token').then((b) => JSON.parse(b.toString('utf8'))));
        const token = body.token || body.access_token;
        if (!token)
            throw new RegistryError(`${what}: the token service of ${this.host} answered without a token`);
        return token;
    }
    needsCredentials(what) {
        return new errors/* UserError */.y(`${what}: registry ${this.host} wants credentials for ${this.o.reference.repository}: give registry-username and registry-password (for GHCR, the job's token with \`permissions: packages: write\`)`, { input: 'registry-password' });
    }
    refused(what) {
        return new errors/* UserError */.y(`${what}: registry ${this.host} refused the credentials given for ${this.o.reference.repository} (401): check registry-username and registry-password`, {
            input: 'registry-password',
        });
    }
    async failure(res, method, url, what) {
        const text = await readCapped(res, 64 * 1024, 'the error').then((b) => b.toString('utf8'), () => '');
        let codes = [];
        let detail = text.trim().slice(0, 300);
        try {
            const errors = JSON.parse(text).errors ?? [];
            codes = errors.map((e) => e.code ?? '').filter(Boolean);
            if (errors.length)
                detail = errors.map((e) => [e.code, e.message].filter(Boolean).join(' ')).join('; ');
        }
        catch { }
        const said = `${what}: registry ${this.host} answered ${res.status} to ${method} ${shownUrl(url)}${detail ? `: ${detail}` : ''}`;
        if (res.status === 401)
            return this.authorization ? this.refused(what) : this.needsCredentials(what);
        if (res.status === 403 || codes.includes('DENIED')) {
            return new errors/* UserError */.y(`${said} (may these credentials write to ${this.o.reference.repository}? GHCR needs \`permissions: packages: write\`)`, {
                input: 'destinations',
            });
        }
        return new RegistryError(said, res.status, codes);
    }
}
function withDigest(location, digest) {
    const u = new URL(location);
    u.searchParams.set('digest', digest);
    return u.toString();
}
function client_transient(e) {
    return e instanceof RegistryError && (e.status === undefined || e.status >= 500 || e.status === 429);
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function discard(res) {
    await res.body?.cancel().catch(() => { });
}
/** A body read whole, refusing one larger than `max` (a registry is not trusted to be small). */
async function readCapped(res, max, what) {
    if (!res.body)
        return Buffer.alloc(0);
    const parts = [];
    let n = 0;
    for await (const part of res.body) {
        n += part.length;
        if (n > max) {
            await res.body.cancel().catch(() => { });
            throw new RegistryError(`${what} is larger than ${max} bytes`);
        }
        parts.push(part);
    }
    return Buffer.concat(parts);
}
//# sourceMappingURL=client.js.map
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
;// CONCATENATED MODULE: ./packages/core/lib/oci/modelpack.js

/**
 * The CNCF ModelPack model-spec (github.com/modelpack/model-spec) as mlci writes it: the text of its
 * main branch at d78bf32 (2026-06-08), which is release v0.0.7 plus wording fixes and the config
 * schema's `datasetsURL`, `reward` and `languages`; the media types and annotation keys are those
 * of v0.0.7. The spec is pre-1.0 and renamed its prefix once (`cnai` → `cncf`): a change of version
 * is a change here, checked by the tests against the schema vendored from the same commit.
 */
const MODELPACK_SPEC_VERSION = 'v0.0.7';
const MODELPACK_SPEC_COMMIT = 'd78bf3231b4f26196c4a955e1007ccc47e19a77c';
const ARTIFACT_TYPE = 'application/vnd.cncf.model.manifest.v1+json';
const CONFIG_MEDIA_TYPE = 'application/vnd.cncf.model.config.v1+json';
const MODELPACK_MEDIA_TYPE_PREFIX = 'application/vnd.cncf.model.';
const rawMediaType = (kind) => `application/vnd.cncf.model.${kind}.v1.raw`;
const RAW_MEDIA_TYPES = ['weight', 'weight.config', 'code', 'dataset', 'doc'].map(rawMediaType);
const ANNOTATION_FILEPATH = 'org.cncf.model.filepath';
const ANNOTATION_FILE_METADATA = 'org.cncf.model.file.metadata+json';
const ANNOTATION_UNTESTED = 'org.cncf.model.file.mediatype.untested';
/** The file name ORAS writes a layer to on `oras pull`. */
const ANNOTATION_TITLE = 'org.opencontainers.image.title';
const WEIGHT_EXT = new Set('safetensors bin pt pth ckpt onnx gguf ggml ggjt h5 hdf5 keras pb tflite lite pkl pickle joblib npy npz msgpack mlmodel mlpackage params pdparams pdmodel nemo caffemodel ubj xgb cbm lgb engine plan ot llamafile model'.split(' '));
const WEIGHT_CONFIG_NAMES = new Set(['tokenizer.model', 'vocab.txt', 'merges.txt', 'vocab.json', 'spiece.model', 'sentencepiece.bpe.model', 'mlmodel']);
const WEIGHT_CONFIG_EXT = new Set('json yaml yml toml cfg ini conf tiktoken'.split(' '));
const CODE_EXT = new Set('py pyi ipynb sh bash r jl js mjs cjs ts go rs c cc cpp h hpp java scala kt swift rb lua pl sql'.split(' '));
const CODE_NAMES = new Set(['dockerfile', 'makefile', 'requirements.txt', 'pyproject.toml', 'setup.cfg', 'environment.yml', 'conda.yaml']);
const DATASET_EXT = new Set('csv tsv parquet jsonl ndjson arrow feather avro orc tfrecord tfrecords xlsx xls'.split(' '));
const DOC_EXT = new Set('md markdown rst txt pdf html htm adoc png jpg jpeg gif svg webp'.split(' '));
const DOC_NAMES = /^(?:readme|license|licence|notice|copying|authors|changelog|model[-_]?card|citation)(?:\..*)?$/i;
/**
 * The kind of a file in a model folder, read from its name: the spec names the kinds (weights, the
 * weights' configuration such as tokenizer.json, code, datasets, documentation) and leaves telling
 * them apart to the packager. A file none of the rules names is taken for weights: in a model
 * folder, an unknown binary is most likely the model. A kind read this way is marked with the
 * spec's "untested" annotation.
 */
function fileKind(path) {
    const base = external_node_path_.posix.basename(path).toLowerCase();
    const ext = base.includes('.') ? base.slice(base.lastIndexOf('.') + 1) : '';
    if (DOC_NAMES.test(base))
        return 'doc';
    if (CODE_NAMES.has(base))
        return 'code';
    if (WEIGHT_CONFIG_NAMES.has(base))
        return 'weight.config';
    if (WEIGHT_EXT.has(ext))
        return 'weight';
    if (CODE_EXT.has(ext))
        return 'code';
    if (DATASET_EXT.has(ext))
        return 'dataset';
    if (WEIGHT_CONFIG_EXT.has(ext))
        return 'weight.config';
    if (DOC_EXT.has(ext))
        return 'doc';
    return 'weight';
}
/** The model's `config.format`, when every weights file agrees on one the spec names (onnx, safetensors, gguf, pt). */
function modelFormat(weightPaths) {
    const formats = new Set(weightPaths.map((p) => {
        const ext = p.slice(p.lastIndexOf('.') + 1).toLowerCase();
        return ext === 'pth' ? 'pt' : ext;
    }));
    const [only] = formats;
    return formats.size === 1 && ['onnx', 'safetensors', 'gguf', 'pt'].includes(only) ? only : undefined;
}
/**
 * The layer descriptor of one file. The metadata annotation carries constant owner and time (the
 * model's creation time), as the spec's reproducibility guidance asks of tar layers, so the same
 * files make the same manifest on any checkout; the mode keeps only whether the file is executable.
 */
function layerDescriptor(f, createdAt) {
    const metadata = { name: f.path, mode: f.mode & 0o111 ? 0o755 : 0o644, uid: 0, gid: 0, size: f.size, mtime: createdAt, typeflag: 48 };
    return {
        mediaType: f.mediaType,
        digest: f.digest,
        size: f.size,
        annotations: {
            [ANNOTATION_FILEPATH]: f.path,
            [ANNOTATION_FILE_METADATA]: JSON.stringify(metadata),
            [ANNOTATION_UNTESTED]: String(f.guessed),
            [ANNOTATION_TITLE]: f.path,
        },
    };
}
/** The config blob: descriptor, technical config, and `modelfs` with each layer's DiffID (a raw layer's digest is its DiffID: it is not compressed). */
function modelConfig(o) {
    const weights = o.layers.filter((l) => l.mediaType === rawMediaType('weight')).map((l) => l.annotations?.[ANNOTATION_FILEPATH] ?? '');
    const format = modelFormat(weights);
    const revision = o.annotations?.['org.opencontainers.image.revision'];
    const sourceURL = o.annotations?.['org.opencontainers.image.source'];
    return {
        descriptor: { name: o.name, version: o.version, createdAt: o.createdAt, ...(revision ? { revision } : {}), ...(sourceURL ? { sourceURL } : {}) },
        config: format ? { format } : {},
        modelfs: { type: 'layers', diffIds: o.layers.map((l) => l.digest) },
    };
}
function imageManifest(o) {
    return {
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        artifactType: ARTIFACT_TYPE,
        config: o.config,
        layers: o.layers,
        annotations: {
            'org.opencontainers.image.created': o.createdAt,
            'org.opencontainers.image.title': o.name,
            'org.opencontainers.image.version': o.version,
            ...o.annotations,
        },
    };
}
//# sourceMappingURL=modelpack.js.map
;// CONCATENATED MODULE: ./packages/core/lib/oci/push.js







const MiB = 1024 * 1024;
const BLOBS_IN_FLIGHT = 4;
/**
 * Pushes a model as a ModelPack artifact: one uncompressed layer per file (read from disk as the
 * socket takes it, never whole), the config, then the manifest by tag. Blobs the registry holds
 * already are not sent again, so a re-run sends only the manifest, and the same files and times
 * give the same digest.
 */
async function pushModelPack(o) {
    const tag = tagFor(o.tag);
    if (Number.isNaN(Date.parse(o.createdAt)) || !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$/.test(o.createdAt)) {
        throw new Error(`createdAt \`${o.createdAt}\` is not an RFC 3339 date-time`);
    }
    const ordered = [...o.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const entries = ordered.map((file) => ({ file }));
    if (o.card)
        entries.push({ file: o.card, kind: 'doc' });
    if (o.manifestFile)
        entries.push({ file: o.manifestFile, kind: 'doc' });
    if (entries.length === 0)
        throw new Error('a model to push has at least one file');
    const seen = new Set();
    const layers = [];
    for (const { file, kind } of entries) {
        checkPath(file.path);
        if (seen.has(file.path))
            throw new Error(`two files of the package are both \`${file.path}\``);
        seen.add(file.path);
        const hex = file.sha256.replace(/^sha256:/, '').toLowerCase();
        if (!/^[0-9a-f]{64}$/.test(hex))
            throw new Error(`\`${file.path}\`: \`${file.sha256}\` is not a SHA-256`);
        const st = await (0,promises_.stat)(file.absolutePath);
        if (!st.isFile() || st.size !== file.size)
            throw new Error(`\`${file.path}\` changed after it was packaged (${st.size} bytes on disk, ${file.size} in the package)`);
        const given = !kind && file.mediaType?.startsWith(MODELPACK_MEDIA_TYPE_PREFIX) ? file.mediaType : undefined;
        const mediaType = given ?? rawMediaType(kind ?? fileKind(file.path));
        layers.push({ path: file.path, digest: `sha256:${hex}`, size: file.size, mediaType, guessed: !given && !kind, mode: st.mode });
    }
    const layerDescriptors = layers.map((l) => layerDescriptor(l, o.createdAt));
    const configBytes = Buffer.from(JSON.stringify(modelConfig({ name: o.name, version: o.version, createdAt: o.createdAt, layers: layerDescriptors, annotations: o.annotations })));
    const config = { mediaType: CONFIG_MEDIA_TYPE, digest: sha256(configBytes), size: configBytes.length };
    const manifestBytes = Buffer.from(JSON.stringify(imageManifest({ config, layers: layerDescriptors, name: o.name, version: o.version, createdAt: o.createdAt, annotations: o.annotations })));
    const digest = sha256(manifestBytes);
    const client = new RegistryClient({
        reference: o.reference,
        credentials: o.credentials,
        actions: 'pull,push',
        timeoutMs: o.timeoutMs,
        signal: o.signal,
        fetch: o.fetch,
    });
    const sizes = { monolithicMax: o.monolithicMax ?? 16 * MiB, chunkSize: o.chunkSize ?? 16 * MiB };
    const blobs = new Map();
    blobs.set(config.digest, { size: config.size, open: (s, e) => new Blob([configBytes.subarray(s, e + 1)]).stream() });
    for (const [i, l] of layers.entries()) {
        const path = entries[i].file.absolutePath;
        if (!blobs.has(l.digest))
            blobs.set(l.digest, { size: l.size, open: (start, end) => fileStream(path, start, end) });
    }
    const result = { blobsPushed: 0, blobsSkipped: 0, bytesPushed: 0 };
    // A few blobs at a time: a model of many small files is bound by round trips, not bytes; each
    // upload streams, so memory grows by a read buffer per blob in flight, not by its size.
    const queue = [...blobs];
    let failed = false;
    const worker = async () => {
        for (let next = queue.shift(); next && !failed; next = queue.shift()) {
            const [d, blob] = next;
            if (await client.blobExists(d)) {
                result.blobsSkipped++;
                continue;
            }
            await client.uploadBlob({ digest: d, ...blob }, sizes);
            result.blobsPushed++;
            result.bytesPushed += blob.size;
        }
    };
    await Promise.all(Array.from({ length: Math.min(BLOBS_IN_FLIGHT, queue.length) }, () => worker().catch((e) => {
        failed = true;
        throw e;
    })));
    const stored = await client.putManifest(tag, manifestBytes, MANIFEST_MEDIA_TYPE);
    if (stored && stored !== digest)
        throw new RegistryError(`registry ${o.reference.registry} stored the manifest as ${stored}, not as its digest ${digest}`);
    const at = `${o.reference.registry}/${o.reference.repository}`;
    return { digest, ref: `${at}@${digest}`, tagRef: `${at}:${tag}`, ...result };
}
function fileStream(path, start, end) {
    return external_node_stream_.Readable.toWeb((0,external_node_fs_.createReadStream)(path, { start, end, highWaterMark: MiB }));
}
function sha256(bytes) {
    return `sha256:${(0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex')}`;
}
/** A path a puller may write as given: relative, `/`-separated, without `.` or `..` parts. */
function checkPath(path) {
    const parts = path.split('/');
    if (!path || path.startsWith('/') || path.includes('\\') || /^[A-Za-z]:/.test(path) || parts.some((p) => p === '' || p === '.' || p === '..')) {
        throw new Error(`\`${path}\` is not a relative path inside the model`);
    }
}
//# sourceMappingURL=push.js.map
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(46466);
;// CONCATENATED MODULE: ./packages/core/lib/oci/pull.js









/**
 * Pulls a ModelPack model's files: each raw layer written to the path its annotation names, checked
 * against its digest and size as it streams (a registry is not trusted: a wrong byte, a path out of
 * the folder, a layer larger than it says all stop the pull). A file is written beside its place and
 * moved in only once its digest matched.
 */
async function pullModelPack(o) {
    const client = new RegistryClient({
        reference: o.reference,
        credentials: o.credentials,
        actions: 'pull',
        timeoutMs: o.timeoutMs,
        signal: o.signal,
        fetch: o.fetch,
    });
    const { bytes } = await client.getManifest(o.digestOrTag);
    const digest = sha256(bytes);
    if (o.digestOrTag.startsWith('sha256:') && o.digestOrTag !== digest) {
        throw new RegistryError(`the manifest the registry gave for ${o.digestOrTag} has digest ${digest}`);
    }
    const manifest = JSON.parse(bytes.toString('utf8'));
    if (!Array.isArray(manifest.layers))
        throw new RegistryError(`${o.digestOrTag} is not an image manifest (no layers)`);
    const root = (0,external_node_path_.resolve)(o.into);
    await (0,promises_.mkdir)(root, { recursive: true });
    const files = [];
    for (const layer of manifest.layers) {
        const path = layer.annotations?.[ANNOTATION_FILEPATH] ?? layer.annotations?.[ANNOTATION_TITLE];
        if (!path)
            throw new RegistryError(`layer ${layer.digest} names no file path`);
        if (!layer.mediaType.endsWith('.raw'))
            throw new RegistryError(`layer \`${path}\` is ${layer.mediaType}: only uncompressed (.raw) layers are pulled`);
        checkPath(path);
        const target = (0,external_node_path_.join)(root, ...path.split('/'));
        if (!target.startsWith(root + external_node_path_.sep))
            throw new RegistryError(`layer path \`${path}\` leaves the folder`);
        await (0,promises_.mkdir)((0,external_node_path_.dirname)(target), { recursive: true });
        await download(client, layer, target);
        if (executable(layer))
            await (0,promises_.chmod)(target, 0o755);
        files.push(path);
    }
    return { digest, files };
}
async function download(client, layer, target) {
    const res = await client.getBlob(layer.digest);
    const partial = `${target}.mlci-partial`;
    const hash = (0,external_node_crypto_.createHash)('sha256');
    let n = 0;
    try {
        await (0,external_node_stream_promises_.pipeline)(external_node_stream_.Readable.fromWeb(res.body), async function* (source) {
            for await (const chunk of source) {
                n += chunk.length;
                if (n > layer.size)
                    throw new RegistryError(`blob ${layer.digest} is larger than its ${layer.size} bytes`);
                hash.update(chunk);
                yield chunk;
            }
        }, (0,external_node_fs_.createWriteStream)(partial));
        const got = `sha256:${hash.digest('hex')}`;
        if (n !== layer.size || got !== layer.digest)
            throw new RegistryError(`blob ${layer.digest} came back as ${got} (${n} of ${layer.size} bytes)`);
        await (0,promises_.rename)(partial, target);
    }
    catch (e) {
        await (0,promises_.rm)(partial, { force: true });
        throw e;
    }
}
function executable(layer) {
    try {
        const m = JSON.parse(layer.annotations?.[ANNOTATION_FILE_METADATA] ?? '{}');
        return typeof m.mode === 'number' && (m.mode & 0o111) !== 0;
    }
    catch {
        return false;
    }
}
//# sourceMappingURL=pull.js.map
;// CONCATENATED MODULE: ./packages/core/lib/oci/index.js
// The OCI destination of publish-model: a model pushed to any OCI registry as a CNCF ModelPack
// artifact (the spec version it writes is MODELPACK_SPEC_VERSION), and pulled back.





//# sourceMappingURL=index.js.map

/***/ })

};
