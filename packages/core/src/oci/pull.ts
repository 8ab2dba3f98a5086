import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { chmod, mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Credentials } from './auth.js';
import { RegistryClient, RegistryError } from './client.js';
import type { Fetch } from './http.js';
import { ANNOTATION_FILE_METADATA, ANNOTATION_FILEPATH, ANNOTATION_TITLE, type Descriptor, type ImageManifest } from './modelpack.js';
import type { OciReference } from './reference.js';
import { checkPath, sha256 } from './push.js';

export interface ModelPackPull {
  reference: OciReference;
  /** `sha256:...` (checked against the manifest's bytes) or a tag. */
  digestOrTag: string;
  /** The folder the model's files are written into. */
  into: string;
  credentials?: Credentials;
  signal?: AbortSignal;
  timeoutMs?: number;
  fetch?: Fetch;
}

export interface ModelPackPulled {
  digest: string;
  /** The files written, as paths relative to `into`, in the manifest's order. */
  files: string[];
}

/**
 * Pulls a ModelPack model's files: each raw layer written to the path its annotation names, checked
 * against its digest and size as it streams (a registry is not trusted: a wrong byte, a path out of
 * the folder, a layer larger than it says all stop the pull). A file is written beside its place and
 * moved in only once its digest matched.
 */
export async function pullModelPack(o: ModelPackPull): Promise<ModelPackPulled> {
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
  const manifest = JSON.parse(bytes.toString('utf8')) as ImageManifest;
  if (!Array.isArray(manifest.layers)) throw new RegistryError(`${o.digestOrTag} is not an image manifest (no layers)`);

  const root = resolve(o.into);
  await mkdir(root, { recursive: true });
  const files: string[] = [];
  for (const layer of manifest.layers) {
    const path = layer.annotations?.[ANNOTATION_FILEPATH] ?? layer.annotations?.[ANNOTATION_TITLE];
    if (!path) throw new RegistryError(`layer ${layer.digest} names no file path`);
    if (!layer.mediaType.endsWith('.raw')) throw new RegistryError(`layer \`${path}\` is ${layer.mediaType}: only uncompressed (.raw) layers are pulled`);
    checkPath(path);
    const target = join(root, ...path.split('/'));
    if (!target.startsWith(root + sep)) throw new RegistryError(`layer path \`${path}\` leaves the folder`);
    await mkdir(dirname(target), { recursive: true });
    await download(client, layer, target);
    if (executable(layer)) await chmod(target, 0o755);
    files.push(path);
  }
  return { digest, files };
}

async function download(client: RegistryClient, layer: Descriptor, target: string): Promise<void> {
  const res = await client.getBlob(layer.digest);
  const partial = `${target}.mlci-partial`;
  const hash = createHash('sha256');
  let n = 0;
  try {
    await pipeline(
      Readable.fromWeb(res.body as import('node:stream/web').ReadableStream<Uint8Array>),
      async function* (source: AsyncIterable<Buffer>) {
        for await (const chunk of source) {
          n += chunk.length;
          if (n > layer.size) throw new RegistryError(`blob ${layer.digest} is larger than its ${layer.size} bytes`);
          hash.update(chunk);
          yield chunk;
        }
      },
      createWriteStream(partial),
    );
    const got = `sha256:${hash.digest('hex')}`;
    if (n !== layer.size || got !== layer.digest) throw new RegistryError(`blob ${layer.digest} came back as ${got} (${n} of ${layer.size} bytes)`);
    await rename(partial, target);
  } catch (e) {
    await rm(partial, { force: true });
    throw e;
  }
}

function executable(layer: Descriptor): boolean {
  try {
    const m = JSON.parse(layer.annotations?.[ANNOTATION_FILE_METADATA] ?? '{}') as { mode?: number };
    return typeof m.mode === 'number' && (m.mode & 0o111) !== 0;
  } catch {
    return false;
  }
}
