import { stat } from 'node:fs/promises';
import { glob } from 'tinyglobby';
import { isAbsolute, relative, resolve } from 'node:path';
import { UserError } from '../errors.js';
import { containedPath, defaultBoundary, type Boundary } from './contained.js';

const MAGIC = /[*?[\]{}]/;

/**
 * Expands an input's files and globs (relative to the workspace) into existing files, sorted and
 * without repeats. A plain path that does not exist, or a glob that matches nothing, is the
 * user's mistake: it names the input and the value. Every file must resolve inside the workspace
 * (files/contained.ts): a glob that reaches through a symlinked folder to the outside is refused,
 * not quietly cut short, and nothing outside is read. (tinyglobby without followSymbolicLinks
 * drops symlinked files too, which a repository may use in good faith.)
 */
export async function resolveFiles(patterns: string[], cwd: string, input: string, boundary?: Boundary): Promise<string[]> {
  const b = boundary ?? { ...defaultBoundary(), workspace: cwd };
  const out = new Set<string>();
  for (const p of patterns) {
    if (!MAGIC.test(p)) {
      const file = isAbsolute(p) ? p : resolve(cwd, p);
      const s = await stat(file).catch(() => undefined);
      if (!s) throw new UserError(`input "${input}": file "${p}" does not exist`, { input });
      if (!s.isFile()) throw new UserError(`input "${input}": "${p}" is not a file`, { input });
      await containedPath(p, { input, boundary: b });
      out.add(file);
      continue;
    }
    const before = out.size;
    // tinyglobby rather than fs.glob: the CLI also runs on Node 20 in other CI systems.
    const found = await glob(p, { cwd, absolute: true, onlyFiles: true, dot: false });
    for (const file of found) {
      await containedPath(relative(cwd, file), { input, boundary: { ...b, workspace: cwd } });
      out.add(resolve(file));
    }
    if (out.size === before) throw new UserError(`input "${input}": the pattern "${p}" matches no file`, { input });
  }
  return [...out].sort();
}
