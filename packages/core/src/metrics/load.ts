import { defaultBoundary, readContained } from '../files/contained.js';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { Files, FlatRecord } from './flatten.js';
import { flatten } from './flatten.js';
import { parseMetricsFile } from './parse.js';
import { readBencher } from './samples.js';

/** Parses and flattens one file's text; a file in Bencher's metric format keeps its bounds (samples.ts). */
export function readFlat(text: string, file: string): FlatRecord {
  const parsed = parseMetricsFile(text, file);
  return readBencher(parsed) ?? flatten(parsed);
}

/**
 * Reads metrics or params files under `root` (the workspace, or a baseline laid out like it) into
 * flattened records keyed by their path relative to `root`, with forward slashes, so the head and
 * the base name the same file the same way. A file missing under `root` is left out: it shows up
 * as added or removed in the diff. A file that cannot be parsed throws a UserError.
 */
export async function readMetricsFiles(paths: string[], root: string, input = 'metrics'): Promise<Files> {
  const files: Files = new Map();
  for (const p of paths) {
    const full = isAbsolute(p) ? p : resolve(root, p);
    const name = relative(root, full).split(sep).join('/');
    let text: string;
    try {
      text = await readContained(name, { input, boundary: { ...defaultBoundary(), workspace: root } }, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') continue;
      throw e;
    }
    files.set(name, readFlat(text, name));
  }
  return files;
}
