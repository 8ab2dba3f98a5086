import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { relative, sep } from 'node:path';
import { defaultBoundary, type Boundary } from '../files/contained.js';
import { resolveFiles } from '../files/globs.js';

/**
 * The run-cache key: a content hash of everything the result depends on, so that an entry is
 * reused exactly when nothing it was made from changed (entries are immutable, and a restore
 * takes this key only, never a prefix match that could hand back another run's model).
 */

/** Bumped whenever what goes into the hash changes, so old entries are never taken for new ones. */
export const KEY_FORMAT = 'v1';
export const KEY_PREFIX = `mlci-train-${KEY_FORMAT}-`;

export interface KeyParts {
  workspace: string;
  /** `cache-inputs`: files and globs relative to the workspace. */
  inputs: string[];
  run: string;
  shell: string;
  /** Relative to the workspace, `/`-separated (`.` for the workspace itself). */
  workingDirectory: string;
  /** What is declared to be kept (`outputs`, `metrics`, `params`): an entry must hold them all. */
  declared: string[];
  extra: string;
  platform?: string;
  arch?: string;
  boundary?: Boundary;
}

export interface RunCacheKey {
  key: string;
  /** The input files hashed, relative to the workspace, sorted. */
  files: string[];
}

export async function runCacheKey(p: KeyParts): Promise<RunCacheKey> {
  const boundary = p.boundary ?? { ...defaultBoundary(), workspace: p.workspace };
  const absolute = await resolveFiles(p.inputs, p.workspace, 'cache-inputs', boundary);
  const files = absolute.map((f) => relative(p.workspace, f).split(sep).join('/')).sort();
  const h = createHash('sha256');
  // Each field is written with its length, so no two different sets of parts hash the same bytes.
  const field = (name: string, value: string | Buffer) => {
    const bytes = typeof value === 'string' ? Buffer.from(value) : value;
    h.update(`${name} ${bytes.length}\n`).update(bytes).update('\n');
  };
  field('format', `mlci-train-key@${KEY_FORMAT}`);
  field('run', p.run);
  field('shell', p.shell);
  field('working-directory', p.workingDirectory);
  field('platform', p.platform ?? process.platform);
  field('arch', p.arch ?? process.arch);
  field('cache-key-extra', p.extra);
  field('declared', JSON.stringify([...p.declared].sort()));
  for (const f of files) {
    field('file', f);
    field('sha256', await fileHash(`${p.workspace}/${f}`));
  }
  return { key: KEY_PREFIX + h.digest('hex'), files };
}

function fileHash(path: string): Promise<string> {
  return new Promise((done, fail) => {
    const h = createHash('sha256');
    createReadStream(path)
      .on('data', (c) => h.update(c))
      .on('error', fail)
      .on('end', () => done(h.digest('hex')));
  });
}
