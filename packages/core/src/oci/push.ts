import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { Credentials } from './auth.js';
import { MANIFEST_MEDIA_TYPE, RegistryClient, RegistryError } from './client.js';
import type { Fetch } from './http.js';
import {
  CONFIG_MEDIA_TYPE,
  type Descriptor,
  fileKind,
  MODELPACK_MEDIA_TYPE_PREFIX,
  imageManifest,
  type LayerFile,
  layerDescriptor,
  modelConfig,
  rawMediaType,
} from './modelpack.js';
import { type OciReference, tagFor } from './reference.js';

/** A file of the package, hashed already (publish-model hashes every file once, for its manifest). */
export interface PackagedFile {
  /** Where the file sits in the model, `/`-separated, relative: what a pull restores it as. */
  path: string;
  absolutePath: string;
  size: number;
  /** Hex SHA-256 of the bytes. */
  sha256: string;
  /**
   * A ModelPack layer media type (`application/vnd.cncf.model.*`), when the packager knows the kind
   * better than the file's name says. Any other (`text/markdown` for a release asset) is no layer
   * type and is not used here; the card and the lineage manifest are always documentation.
   */
  mediaType?: string;
}

export interface ModelPackPush {
  reference: OciReference;
  tag: string;
  name: string;
  version: string;
  files: PackagedFile[];
  /** The model card: a documentation layer. */
  card?: PackagedFile;
  /** mlci's lineage manifest: a documentation layer. */
  manifestFile?: PackagedFile;
  /** RFC 3339: the model's creation time, also the constant time in each file's metadata. */
  createdAt: string;
  /** Annotations of the manifest (`org.opencontainers.image.revision`, `.source`, ...). */
  annotations?: Record<string, string>;
  credentials?: Credentials;
  signal?: AbortSignal;
  /** Silence allowed per request before it is given up (default 60 s). */
  timeoutMs?: number;
  /** Blobs up to this size go in one PUT; larger ones in chunks of `chunkSize`. Both 16 MiB by default. */
  monolithicMax?: number;
  chunkSize?: number;
  fetch?: Fetch;
}

export interface ModelPackResult {
  /** `sha256:...` of the manifest's bytes. */
  digest: string;
  /** `host/repository@sha256:...` */
  ref: string;
  /** `host/repository:tag` */
  tagRef: string;
  /** Blobs (the config and each distinct file) sent, and found on the registry already. */
  blobsPushed: number;
  blobsSkipped: number;
  bytesPushed: number;
}

const MiB = 1024 * 1024;
const BLOBS_IN_FLIGHT = 4;

/**
 * Pushes a model as a ModelPack artifact: one uncompressed layer per file (read from disk as the
 * socket takes it, never whole), the config, then the manifest by tag. Blobs the registry holds
 * already are not sent again, so a re-run sends only the manifest, and the same files and times
 * give the same digest.
 */
export async function pushModelPack(o: ModelPackPush): Promise<ModelPackResult> {
  const tag = tagFor(o.tag);
  if (Number.isNaN(Date.parse(o.createdAt)) || !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$/.test(o.createdAt)) {
    throw new Error(`createdAt \`${o.createdAt}\` is not an RFC 3339 date-time`);
  }
  const ordered = [...o.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const entries: { file: PackagedFile; kind?: 'doc' }[] = ordered.map((file) => ({ file }));
  if (o.card) entries.push({ file: o.card, kind: 'doc' });
  if (o.manifestFile) entries.push({ file: o.manifestFile, kind: 'doc' });
  if (entries.length === 0) throw new Error('a model to push has at least one file');

  const seen = new Set<string>();
  const layers: LayerFile[] = [];
  for (const { file, kind } of entries) {
    checkPath(file.path);
    if (seen.has(file.path)) throw new Error(`two files of the package are both \`${file.path}\``);
    seen.add(file.path);
    const hex = file.sha256.replace(/^sha256:/, '').toLowerCase();
    if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error(`\`${file.path}\`: \`${file.sha256}\` is not a SHA-256`);
    const st = await stat(file.absolutePath);
    if (!st.isFile() || st.size !== file.size)
      throw new Error(`\`${file.path}\` changed after it was packaged (${st.size} bytes on disk, ${file.size} in the package)`);
    const given = !kind && file.mediaType?.startsWith(MODELPACK_MEDIA_TYPE_PREFIX) ? file.mediaType : undefined;
    const mediaType = given ?? rawMediaType(kind ?? fileKind(file.path));
    layers.push({ path: file.path, digest: `sha256:${hex}`, size: file.size, mediaType, guessed: !given && !kind, mode: st.mode });
  }
  const layerDescriptors = layers.map((l) => layerDescriptor(l, o.createdAt));
  const configBytes = Buffer.from(
    JSON.stringify(modelConfig({ name: o.name, version: o.version, createdAt: o.createdAt, layers: layerDescriptors, annotations: o.annotations })),
  );
  const config: Descriptor = { mediaType: CONFIG_MEDIA_TYPE, digest: sha256(configBytes), size: configBytes.length };
  const manifestBytes = Buffer.from(
    JSON.stringify(imageManifest({ config, layers: layerDescriptors, name: o.name, version: o.version, createdAt: o.createdAt, annotations: o.annotations })),
  );
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
  const blobs = new Map<string, { size: number; open: (start: number, end: number) => ReadableStream<Uint8Array> }>();
  blobs.set(config.digest, { size: config.size, open: (s, e) => new Blob([configBytes.subarray(s, e + 1)]).stream() });
  for (const [i, l] of layers.entries()) {
    const path = entries[i].file.absolutePath;
    if (!blobs.has(l.digest)) blobs.set(l.digest, { size: l.size, open: (start, end) => fileStream(path, start, end) });
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
  await Promise.all(
    Array.from({ length: Math.min(BLOBS_IN_FLIGHT, queue.length) }, () =>
      worker().catch((e) => {
        failed = true;
        throw e;
      }),
    ),
  );
  const stored = await client.putManifest(tag, manifestBytes, MANIFEST_MEDIA_TYPE);
  if (stored && stored !== digest) throw new RegistryError(`registry ${o.reference.registry} stored the manifest as ${stored}, not as its digest ${digest}`);
  const at = `${o.reference.registry}/${o.reference.repository}`;
  return { digest, ref: `${at}@${digest}`, tagRef: `${at}:${tag}`, ...result };
}

function fileStream(path: string, start: number, end: number): ReadableStream<Uint8Array> {
  return Readable.toWeb(createReadStream(path, { start, end, highWaterMark: MiB })) as unknown as ReadableStream<Uint8Array>;
}

export function sha256(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/** A path a puller may write as given: relative, `/`-separated, without `.` or `..` parts. */
export function checkPath(path: string): void {
  const parts = path.split('/');
  if (!path || path.startsWith('/') || path.includes('\\') || /^[A-Za-z]:/.test(path) || parts.some((p) => p === '' || p === '.' || p === '..')) {
    throw new Error(`\`${path}\` is not a relative path inside the model`);
  }
}
