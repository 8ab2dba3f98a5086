import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Api, Repo } from '../forge/api.js';
import { apiSource } from './api.js';
import { restoreCachedBaseline, type BaselineCache } from './cache.js';
import { localGitSource, repositoryPrefix } from './git.js';
import { successfulRuns } from './runs.js';
import { directorySource, fileSource, withBasenameFallback, type BaselineSource } from './source.js';
import type { ChosenBaseline } from './spec.js';

/** What finding a baseline may use; the action passes all of it, the CLI only local things. */
export interface BaselineServices {
  /** For git refs missing from the local clone, and artifact lookups. */
  api?: Api;
  repo?: Repo;
  /** The base commit, when known: its cached baseline is preferred over the newest. */
  baseSha?: string;
  /** The branch whose runs hold artifacts. */
  baseBranch?: string;
  /** This run's id: its own artifacts are never its baseline. */
  runId?: number;
  cache?: BaselineCache;
  /** Downloads an artifact of a run into dir; throws ArtifactNotFoundError (by name) when it has none. */
  downloadArtifact?: (name: string, runId: number, dir: string) => Promise<void>;
  tempDir?: string;
}

export interface OpenBaselineOptions extends BaselineServices {
  workspace: string;
  /** The head's metrics files, relative to the workspace (a single-file `file:` baseline needs them). */
  headMetrics: string[];
  /** The baseline's name (baselineName of the metrics input), for cache keys. */
  name: string;
}

export interface OpenedBaseline {
  source?: BaselineSource;
  /** What was compared with, or why nothing was: shown in the report. */
  label: string;
}

/**
 * Finds the baseline's files. A baseline that does not exist (a ref nobody pushed, an empty cache,
 * no earlier run) is not an error: the comparison reports "no baseline" and still applies the
 * absolute gates. What the user got wrong (a single file for several metrics files) and faults of
 * the services are errors.
 */
export async function openBaseline(chosen: ChosenBaseline, o: OpenBaselineOptions): Promise<OpenedBaseline> {
  const temp = o.tempDir ?? tmpdir();
  switch (chosen.kind) {
    case 'none':
      return { label: chosen.reason };
    case 'file': {
      const source = await fileSource(chosen.path, o.workspace, o.headMetrics);
      return source ? { source, label: source.label } : { label: `file:${chosen.path} does not exist` };
    }
    case 'git': {
      const local = await localGitSource(chosen.ref, o.workspace);
      if (local) return { source: local, label: local.label };
      if (o.api && o.repo) {
        const source = apiSource(o.api, o.repo, chosen.ref, await repositoryPrefix(o.workspace));
        return { source, label: source.label };
      }
      return { label: `git:${chosen.ref} is not in the local clone (fetch it, e.g. actions/checkout with fetch-depth: 0)` };
    }
    case 'cache': {
      if (!o.cache) return { label: 'the Actions cache is not available here' };
      const source = await restoreCachedBaseline(o.cache, { workspace: o.workspace, name: o.name, sha: o.baseSha, tempDir: temp });
      return source ? { source, label: source.label } : { label: 'no baseline in the cache yet (save-baseline stores one from the default branch)' };
    }
    case 'artifact': {
      if (!o.api || !o.repo || !o.downloadArtifact || !o.baseBranch) {
        return { label: `artifact:${chosen.name} needs the GitHub API and the Actions artifact service` };
      }
      for (const runId of await successfulRuns(o.api, o.repo, o.baseBranch, { exclude: o.runId })) {
        const dir = await mkdtemp(join(temp, 'mlci-artifact-'));
        try {
          await o.downloadArtifact(chosen.name, runId, dir);
        } catch (e) {
          if (isArtifactNotFound(e)) continue;
          throw e;
        }
        const label = `artifact:${chosen.name} of run ${runId}`;
        return { source: withBasenameFallback(directorySource(dir, label), o.headMetrics), label };
      }
      return { label: `no successful run on ${o.baseBranch} has an artifact named ${chosen.name}` };
    }
  }
}

function isArtifactNotFound(e: unknown): boolean {
  const err = e as { name?: unknown; message?: unknown };
  return err?.name === 'ArtifactNotFoundError' || /artifact .*not found/i.test(String(err?.message ?? ''));
}
