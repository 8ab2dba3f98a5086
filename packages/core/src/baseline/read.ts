import type { Problem } from '../errors.js';
import { isUserError } from '../errors.js';
import type { Files } from '../metrics/flatten.js';
import { readFlat } from '../metrics/load.js';
import type { BaselineSource } from './source.js';

/**
 * The base side's metrics or params: the head's files at their paths, plus what the base has that
 * matches the patterns (files removed since). Undefined when the base has none of them, which the
 * report shows as "no baseline". A base file that cannot be parsed is left out with a warning:
 * it is history, not this change's fault, and must not block the change.
 */
export async function readBaselineFiles(
  source: BaselineSource,
  headPaths: string[],
  patterns: string[],
): Promise<{ files: Files | undefined; problems: Problem[] }> {
  const listed = patterns.length > 0 ? await source.list(patterns) : [];
  const paths = [...new Set([...headPaths, ...listed])];
  const files: Files = new Map();
  const problems: Problem[] = [];
  for (const path of paths) {
    const bytes = await source.read(path);
    if (bytes === undefined) continue;
    try {
      files.set(path, readFlat(bytes.toString('utf8'), path));
    } catch (e) {
      if (!isUserError(e)) throw e;
      problems.push({
        severity: 'warning',
        title: 'Baseline file skipped',
        message: `the baseline's ${path} (${source.label}) cannot be read, compared as missing: ${e.message}${e.line ? ` at line ${e.line}, column ${e.column}` : ''}`,
      });
    }
  }
  return { files: files.size > 0 ? files : undefined, problems };
}
