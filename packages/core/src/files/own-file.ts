import { lstat, mkdir, open, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { UserError } from '../errors.js';
import { containedTarget, realpathLenient, type Boundary } from './contained.js';

/**
 * The first line of every file mlci writes where a user's file could be (`infer-schema`): mlci
 * replaces a file only when it starts so, so a path given by mistake never costs the user a file.
 */
export const WRITTEN_BY_MLCI = '# Written by mlci';

export interface OwnFileOptions {
  input: string;
  boundary: Boundary;
  /** Files this run reads (the data, the schema): never written over, however the path is spelled. */
  reads: Array<{ path: string; what: string }>;
}

/**
 * Writes `content` (which must start with WRITTEN_BY_MLCI) to a path from an input: inside the
 * workspace, not under `.git/`, none of the files the run reads, and either new or written by mlci
 * before. Returns the real path written. The write goes through a temp file and a rename, so a
 * reader never sees half a file and a symlink at the path is replaced, not followed.
 */
export async function writeOwnFile(path: string, content: string, o: OwnFileOptions): Promise<string> {
  if (!content.startsWith(WRITTEN_BY_MLCI)) throw new Error(`writeOwnFile: content must start with "${WRITTEN_BY_MLCI}"`);
  const real = containedTarget(path, { input: o.input, boundary: o.boundary });
  for (const r of o.reads) {
    if (realpathLenient(r.path) === real) {
      throw new UserError(`input "${o.input}": "${path}" is ${r.what}; mlci never writes over a file it reads`, { input: o.input });
    }
  }
  const existing = await lstat(real).catch(() => undefined);
  if (existing) {
    if (!existing.isFile() || !(await startsWith(real, WRITTEN_BY_MLCI))) {
      throw new UserError(
        `input "${o.input}": "${path}" exists and mlci did not write it (its first line is not "${WRITTEN_BY_MLCI}…"); remove it or name another file`,
        { input: o.input },
      );
    }
  }
  await mkdir(dirname(real), { recursive: true });
  const tmp = `${real}.${process.pid}.tmp`;
  await writeFile(tmp, content, { flag: 'wx' });
  await rename(tmp, real);
  return real;
}

async function startsWith(file: string, prefix: string): Promise<boolean> {
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(Buffer.byteLength(prefix));
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    return buf.subarray(0, bytesRead).toString('utf8') === prefix;
  } finally {
    await fh.close();
  }
}
