import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { lstat, mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { UserError } from '../errors.js';

/** A file of the package: its path inside the package (`/`-separated), where it is, size, SHA-256. */
export interface PackagedFile {
  path: string;
  absolutePath: string;
  size: number;
  sha256: string;
  mediaType?: string;
}

/**
 * The regular files under `dir`, sorted by path. A link or a device in a model folder is refused:
 * what a link points to is not what the package would hold, and it may point outside the workspace.
 */
export async function modelFiles(dir: string, input = 'path'): Promise<string[]> {
  const top = await stat(dir);
  if (top.isFile()) return [dir];
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    const full = join(e.parentPath, e.name);
    if (e.isDirectory()) continue;
    if (!e.isFile())
      throw new UserError(
        `input "${input}": ${relative(dir, full).split(sep).join('/')} is not a plain file (a link or a device); a model package holds plain files only`,
        { input },
      );
    out.push(full);
  }
  return out.sort();
}

/** Hashes while the bytes pass, so a file is read once however many things it feeds. */
function hashing(): { tap: Transform; digest: () => { sha256: string; size: number } } {
  const h = createHash('sha256');
  let size = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      h.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  return { tap, digest: () => ({ sha256: h.digest('hex'), size }) };
}

/** SHA-256 and size of a file, streamed. */
export async function hashFile(path: string): Promise<{ sha256: string; size: number }> {
  const h = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    h.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: h.digest('hex'), size };
}

/**
 * Copies the model's files into `into` (keeping their paths below `root`) and hashes them in the
 * same pass: streamed, 1 MiB at a time, so memory stays flat whatever the model's size.
 */
export async function copyAndHash(root: string, into: string, input = 'path'): Promise<PackagedFile[]> {
  const isFile = (await lstat(root)).isFile();
  const files = await modelFiles(root, input);
  const out: PackagedFile[] = [];
  for (const src of files) {
    const rel = (isFile ? src.split(sep).at(-1)! : relative(root, src)).split(sep).join('/');
    const dest = join(into, ...rel.split('/'));
    await mkdir(dirname(dest), { recursive: true });
    const { tap, digest } = hashing();
    await pipeline(createReadStream(src, { highWaterMark: 1 << 20 }), tap, createWriteStream(dest));
    out.push({ path: rel, absolutePath: dest, ...digest() });
  }
  return out;
}

/** Writes a file mlci made into the package and describes it. */
export async function addFile(into: string, path: string, content: string, mediaType?: string): Promise<PackagedFile> {
  const absolutePath = join(into, path);
  await writeFile(absolutePath, content);
  const buf = Buffer.from(content);
  return { path, absolutePath, size: buf.length, sha256: createHash('sha256').update(buf).digest('hex'), ...(mediaType ? { mediaType } : {}) };
}

/**
 * A release asset's name for a package path: GitHub asset names are flat, so `/` becomes `--`.
 * Two paths that would share a name are refused rather than one overwriting the other.
 */
export function assetNames(files: Array<{ path: string }>): Map<string, string> {
  const names = new Map<string, string>();
  const seen = new Map<string, string>();
  for (const f of files) {
    const name = f.path.replaceAll('/', '--');
    const other = seen.get(name);
    if (other !== undefined) throw new UserError(`input "path": ${other} and ${f.path} would be the same release asset (${name})`, { input: 'path' });
    seen.set(name, f.path);
    names.set(f.path, name);
  }
  return names;
}
