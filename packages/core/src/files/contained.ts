import { realpathSync } from 'node:fs';
import { readFile, realpath } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { UserError } from '../errors.js';

/**
 * The trust boundary for every file an action reads. A pull request controls the checkout, and a
 * symlink in it can point anywhere (`/proc/self/environ`, `~/.docker/config.json`): each path is
 * resolved with symlinks followed and must land inside the workspace, or inside a folder mlci
 * itself made under the runner's temp (the report directory, downloaded bundles, restored
 * baselines: all named `mlci-*`). Nothing under `.git/` is an input either: it holds the
 * checkout's auth header and is git's, not the user's.
 */
export interface Boundary {
  /** GITHUB_WORKSPACE (the CLI: its working directory). */
  workspace: string;
  /** RUNNER_TEMP (the CLI: the system temp): only its `mlci-*` folders are inside. */
  temp: string;
  /** More folders mlci wrote itself (a report directory given as an input). */
  also?: string[];
}

/** Folders mlci makes under the temp directory carry this prefix (mkdtemp, the default report dir). */
const OWN_PREFIX = 'mlci-';

export function defaultBoundary(env: NodeJS.ProcessEnv = process.env): Boundary {
  return { workspace: env.GITHUB_WORKSPACE || process.cwd(), temp: env.RUNNER_TEMP || tmpdir() };
}

/** Realpath of the longest existing prefix of `path`, with the rest appended (for files yet to be written). */
export function realpathLenient(path: string): string {
  const missing: string[] = [];
  let at = resolve(path);
  for (;;) {
    try {
      return join(realpathSync(at), ...missing.reverse());
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw e;
      const up = dirname(at);
      if (up === at) return resolve(path);
      missing.push(basename(at));
      at = up;
    }
  }
}

function within(root: string, real: string): string | undefined {
  const rel = relative(root, real);
  if (rel === '') return '';
  if (rel === '..' || rel.startsWith('..' + sep) || isAbsolute(rel)) return undefined;
  return rel;
}

/** Why `real` (a resolved path) is outside the boundary, or undefined when it is inside. */
export function outsideReason(real: string, b: Boundary = defaultBoundary()): string | undefined {
  const inWorkspace = within(realpathLenient(b.workspace), real);
  if (inWorkspace !== undefined) {
    return inWorkspace.split(sep).includes('.git') ? "lies under .git/ (git's own files and the checkout's credentials), which is never an input" : undefined;
  }
  for (const dir of b.also ?? []) if (within(realpathLenient(dir), real) !== undefined) return undefined;
  const inTemp = within(realpathLenient(b.temp), real);
  if (inTemp && inTemp.split(sep)[0].startsWith(OWN_PREFIX)) return undefined;
  return 'resolves outside the workspace; mlci reads only files inside it';
}

export interface ContainedOptions {
  /** The input (or CLI flag) the path came from, for the message. */
  input: string;
  boundary?: Boundary;
}

/** The path as the user knows it: relative to the workspace when it lies there as written. */
function shown(path: string, b: Boundary): string {
  const rel = isAbsolute(path) ? within(resolve(b.workspace), resolve(path)) : undefined;
  return rel ? rel.split(sep).join('/') : path;
}

function refusal(path: string, reason: string, input: string, b: Boundary): UserError {
  return new UserError(`input "${input}": "${shown(path, b)}" ${reason}`, { input });
}

/**
 * The real path of `path` (relative paths against the workspace), checked against the boundary.
 * A missing file keeps its ENOENT error, so callers that read "missing" as "not there" still can.
 * Reading the returned real path (not `path`) means a symlink swapped after the check is not followed.
 */
export async function containedPath(path: string, o: ContainedOptions): Promise<string> {
  const b = o.boundary ?? defaultBoundary();
  const real = await realpath(resolve(b.workspace, path));
  const why = outsideReason(real, b);
  if (why) throw refusal(path, why, o.input, b);
  return real;
}

export function readContained(path: string, o: ContainedOptions): Promise<Buffer>;
export function readContained(path: string, o: ContainedOptions, encoding: 'utf8'): Promise<string>;
export async function readContained(path: string, o: ContainedOptions, encoding?: 'utf8'): Promise<Buffer | string> {
  const real = await containedPath(path, o);
  return encoding ? readFile(real, encoding) : readFile(real);
}

/**
 * Where mlci may write a file a user named (`infer-schema`): inside the workspace, not under
 * `.git/`, after following symlinks of the path and of every existing folder on the way.
 * Returns the real path to write to.
 */
export function containedTarget(path: string, o: ContainedOptions): string {
  const b = o.boundary ?? defaultBoundary();
  const real = realpathLenient(resolve(b.workspace, path));
  const inWorkspace = within(realpathLenient(b.workspace), real);
  if (inWorkspace === undefined) throw refusal(path, 'resolves outside the workspace; mlci writes only inside it', o.input, b);
  if (inWorkspace.split(sep).includes('.git')) throw refusal(path, 'lies under .git/, where mlci never writes', o.input, b);
  return real;
}
