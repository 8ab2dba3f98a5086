import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import picomatch from 'picomatch';
import type { BaselineSource } from './source.js';

const run = promisify(execFile);
// Metrics and plot data are small, but a baseline should not die on a large CSV.
const MAX_FILE = 512 * 1024 * 1024;

/**
 * The files of a ref in the local clone, or undefined when the clone does not have it (a shallow
 * checkout, a ref never fetched). Tried as given, then as `origin/<ref>` (what actions/checkout
 * leaves for other branches). git runs with argument arrays, never through a shell: a ref comes
 * from an input or an event payload.
 */
export async function localGitSource(ref: string, cwd: string): Promise<BaselineSource | undefined> {
  const sha = await resolveCommit(ref, cwd);
  if (!sha) return undefined;
  const date = await commitDate(sha, cwd);
  return {
    label: `git:${ref} (local clone)`,
    commit: { sha, ...(date ? { date } : {}) },
    async read(path) {
      try {
        // `<rev>:./<path>` is relative to cwd, the workspace, wherever the repository's root is.
        const { stdout } = await run('git', ['cat-file', 'blob', `${sha}:./${path}`], { cwd, encoding: 'buffer', maxBuffer: MAX_FILE });
        return stdout;
      } catch (e) {
        if (isMissingPath(e)) return undefined;
        throw e;
      }
    },
    async list(patterns) {
      // Without --full-name, ls-tree lists and names paths relative to cwd.
      const { stdout } = await run('git', ['ls-tree', '-r', '-z', '--name-only', sha], { cwd, maxBuffer: MAX_FILE });
      const names = stdout.split('\0').filter(Boolean);
      const match = picomatch(patterns, { dot: false });
      return names.filter((n) => match(n)).sort();
    },
  };
}

/** The commit a ref names locally, or undefined. */
export async function resolveCommit(ref: string, cwd: string): Promise<string | undefined> {
  const candidates = ref.startsWith('origin/') || /^[0-9a-f]{40}$/i.test(ref) ? [ref] : [ref, `origin/${ref}`];
  for (const candidate of candidates) {
    try {
      // `--end-of-options` keeps a ref from being read as an option, whatever it starts with.
      const { stdout } = await run('git', ['rev-parse', '--verify', '--quiet', '--end-of-options', `${candidate}^{commit}`], { cwd });
      const sha = stdout.trim();
      if (/^[0-9a-f]{40,64}$/.test(sha)) return sha;
    } catch {
      // Not a ref here, or not a git repository at all.
    }
  }
  return undefined;
}

/** The committer date (ISO 8601) of a commit of the local clone. */
export async function commitDate(rev: string, cwd: string): Promise<string | undefined> {
  try {
    const { stdout } = await run('git', ['show', '-s', '--format=%cI', '--end-of-options', rev], { cwd });
    return stdout.trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * What the workspace is: a full clone (a ref it lacks does not exist), a shallow one
 * (actions/checkout's default: a ref it lacks may still exist), or no clone at all.
 */
export async function cloneKind(cwd: string): Promise<'full' | 'shallow' | 'none'> {
  try {
    const { stdout } = await run('git', ['rev-parse', '--is-shallow-repository'], { cwd });
    return stdout.trim() === 'false' ? 'full' : 'shallow';
  } catch {
    return 'none';
  }
}

/** Where the workspace sits inside its repository (`''` at the root, `ml/` in a subfolder). */
export async function repositoryPrefix(cwd: string): Promise<string> {
  try {
    const { stdout } = await run('git', ['rev-parse', '--show-prefix'], { cwd });
    return stdout.trim();
  } catch {
    return '';
  }
}

function isMissingPath(e: unknown): boolean {
  const stderr = String((e as { stderr?: unknown }).stderr ?? '');
  return /does not exist|exists on disk, but not in|path .* is not in/i.test(stderr) || (e as { code?: unknown }).code === 128;
}
