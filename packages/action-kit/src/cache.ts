import * as cache from '@actions/cache';
import * as core from '@actions/core';
import type { BaselineCache } from '@mlci/core';

/**
 * The Actions cache for a stored baseline (@actions/cache against the results service). Paths are
 * relative to the workspace (the action's cwd) so that the cache's version, a hash of the paths as
 * written, is the same in every run.
 *
 * Saving is best effort, as actions/cache does it: an entry that exists already (entries are
 * immutable), a read-only cache token or a full cache is reported and not an error. Restoring
 * answers a miss with undefined; a service fault is logged by @actions/cache and read as a miss.
 */
export function actionsCache(): BaselineCache | undefined {
  if (!cache.isFeatureAvailable()) return undefined;
  return {
    restore: (paths, key, restoreKeys) => cache.restoreCache(paths, key, restoreKeys),
    async save(paths, key) {
      try {
        // @actions/cache answers -1 when it logged why it could not store (exists, refused).
        return (await cache.saveCache(paths, key)) !== -1;
      } catch (e) {
        core.warning(`The baseline was not stored in the cache: ${(e as Error).message}`);
        return false;
      }
    },
  };
}
