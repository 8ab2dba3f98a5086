import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { posix } from 'node:path';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { extract } from 'tar-stream';
import { UserError } from '../errors.js';

/**
 * Why a member name may not be extracted, or undefined when it may: absolute names, `..` and
 * backslashes could land outside the folder, whatever the archive claims to be.
 */
export function unsafeMemberName(name: string): string | undefined {
  if (name === '' || name.includes('\0')) return 'an empty or NUL-bearing name';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name) || name.includes('\\')) return 'an absolute name';
  if (name.split('/').includes('..')) return 'a ".." in its path';
  return undefined;
}

/**
 * Extracts a tar stream (the bytes of a restored cache entry) into `dir`, a fresh folder, keeping
 * only the members under `prefix` (with the prefix taken off). The whole entry is refused as soon
 * as one member is absolute, has `..`, or is a link or a device: tar-stream parses, this writes,
 * so no member ever reaches the disk before it is checked. `what` names the entry in the error.
 */
export async function extractTarChecked(tar: Readable, dir: string, o: { prefix: string; what: string }): Promise<number> {
  const refuse = (name: string, why: string) => new UserError(`${o.what} holds "${name}", ${why}: the entry was refused and nothing of it was used`);
  const prefix = o.prefix.replace(/\/+$/, '') + '/';
  const ex = extract();
  tar.on('error', (e) => ex.destroy(e));
  tar.pipe(ex);
  let files = 0;
  for await (const entry of ex) {
    const { name, type } = entry.header;
    const bad = unsafeMemberName(name);
    if (bad) throw refuse(name, `which has ${bad}`);
    if (type !== 'file' && type !== 'directory' && type !== 'contiguous-file') throw refuse(name, `which is a ${type}, not a file`);
    const clean = posix.normalize(name).replace(/^\.\//, '');
    if (clean + '/' !== prefix && !clean.startsWith(prefix)) throw refuse(name, `which lies outside ${prefix}`);
    const rel = clean.slice(prefix.length).replace(/\/+$/, '');
    const to = rel === '' ? '' : join(dir, ...rel.split('/'));
    if (rel === '' || type === 'directory') {
      entry.resume();
      if (to) await mkdir(to, { recursive: true });
      continue;
    }
    await mkdir(join(to, '..'), { recursive: true });
    // Streamed to the disk, not held in memory: a run-cache entry holds models of hundreds of MB.
    // wx: a member named twice never writes through what an earlier member left.
    await pipeline(entry, createWriteStream(to, { flags: 'wx' }));
    files++;
  }
  return files;
}
