import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import type { Api, Repo } from '../forge/api.js';
import { apiSource } from './api.js';
import { restoreCachedBaseline, type BaselineCache } from './cache.js';
import { cloneKind, repositoryPrefix, type CommitInfo } from '../forge/file-at-ref.js';
import { findCommit } from './commit.js';
import { localGitSource } from './git.js';
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
  /** The head commit (GITHUB_SHA) and the web host, to say how old the baseline is and link its commit. */
  headSha?: string;
  serverUrl?: string;
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
  /** The commit the baseline's files are from, when known. */
  commit?: CommitInfo;
  /** When a stored baseline (an artifact) was saved, ISO 8601, when known. */
  savedAt?: string;
}

/**
 * Finds the baseline's files. A baseline that is legitimately absent (an empty cache, no earlier
 * run with the artifact, a push that created its branch) is not an error: the comparison reports
 * "no baseline" and leaves the gates that need one not evaluated. A baseline that cannot exist —
 * a ref that names no branch, tag or commit (`git:mian`) — is the user's error, naming the input;
 * so are other things the user got wrong (a single file for several metrics files) and faults of
 * the services.
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
      if (local) return { source: local, label: local.label, commit: local.commit };
      if (o.api && o.repo) {
        // The contents endpoint's 404 cannot tell a missing file from a missing ref: apiSource asks first.
        const source = await apiSource(o.api, o.repo, chosen.ref, await repositoryPrefix(o.workspace));
        if (!source) return missingRef(chosen, `is not a branch, tag or commit of ${o.repo.owner}/${o.repo.repo}`);
        return { source, label: source.label, commit: source.commit };
      }
      const clone = await cloneKind(o.workspace);
      if (clone === 'full') return missingRef(chosen, 'is not a branch, tag or commit of this clone');
      if (clone === 'none')
        return missingRef(
          chosen,
          'cannot be read: the workspace is not a git clone and there is no token to ask GitHub (a folder of base files is file:<dir>; none compares with nothing)',
        );
      return missingRef(chosen, 'is not in the local clone and there is no token to ask GitHub (fetch it, e.g. actions/checkout with fetch-depth: 0)');
    }
    case 'cache': {
      if (!o.cache) return { label: 'the Actions cache is not available here' };
      const source = await restoreCachedBaseline(o.cache, { workspace: o.workspace, name: o.name, sha: o.baseSha, tempDir: temp });
      if (!source) return { label: 'no baseline in the cache yet (save-baseline stores one from the default branch)' };
      // The key ends with the commit the entry was saved from (baselineCacheKey).
      const sha = /-([0-9a-f]{40}|[0-9a-f]{64})$/.exec(source.label)?.[1];
      return { source, label: source.label, ...(sha ? { commit: await commitOf(sha, o) } : {}) };
    }
    case 'artifact': {
      if (!o.api || !o.repo || !o.downloadArtifact || !o.baseBranch) {
        return { label: `artifact:${chosen.name} needs the GitHub API and the Actions artifact service` };
      }
      for (const run of await successfulRuns(o.api, o.repo, o.baseBranch, { exclude: o.runId })) {
        const runId = run.id;
        const dir = await mkdtemp(join(temp, 'mlci-artifact-'));
        try {
          await o.downloadArtifact(chosen.name, runId, dir);
        } catch (e) {
          if (isArtifactNotFound(e)) continue;
          throw e;
        }
        const label = `artifact:${chosen.name} of run ${runId}`;
        return {
          source: withBasenameFallback(directorySource(dir, label), o.headMetrics),
          label,
          ...(run.headSha ? { commit: await commitOf(run.headSha, o) } : {}),
          ...(run.createdAt ? { savedAt: run.createdAt } : {}),
        };
      }
      return { label: `no successful run on ${o.baseBranch} has an artifact named ${chosen.name}` };
    }
  }
}

/** A ref that names nothing: "no baseline" when it may legitimately be gone, else the user's error. */
function missingRef(chosen: Extract<ChosenBaseline, { kind: 'git' }>, why: string): OpenedBaseline {
  if (chosen.ifMissing) return { label: chosen.ifMissing };
  const what = chosen.chosen ? `input "baseline" is auto, and ${chosen.chosen} git:${chosen.ref}` : `input "baseline": git:${chosen.ref}`;
  throw new UserError(`${what} ${why}`, { input: 'baseline' });
}

/** A stored baseline's commit with its date when the clone or GitHub knows it; the sha alone else. */
async function commitOf(sha: string, o: OpenBaselineOptions): Promise<CommitInfo> {
  // The date is only for the report: a service fault here must not stop the comparison.
  const found = await findCommit(sha, { workspace: o.workspace, api: o.api, repo: o.repo }).catch(() => undefined);
  return found ?? { sha };
}

function isArtifactNotFound(e: unknown): boolean {
  const err = e as { name?: unknown; message?: unknown };
  return err?.name === 'ArtifactNotFoundError' || /artifact .*not found/i.test(String(err?.message ?? ''));
}
