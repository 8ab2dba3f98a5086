import type { Problem } from '../errors.js';
import type { PlotsConfig } from '../plots/config.js';
import type { Api } from '../forge/api.js';
import type { EventContext } from '../forge/target.js';
import type { BaselineCache } from '../baseline/cache.js';
import { baseBranch, baseCommit, chooseBaseline, parseBaselineSpec, parseSaveBaseline, type BaselineSpec } from '../baseline/spec.js';
import { storeBaseline } from '../baseline/store.js';
import { compareWithBaseline, type CompareOptions, type CompareResult } from './compare.js';

/**
 * What the platform lends the step, as small functions the caller supplies: the action passes
 * action-kit's (the Actions cache, the artifact service, an octokit); the CLI passes none, and a
 * baseline or a save that needs one says it is not available.
 */
export interface ComparePlatform {
  api?: Api;
  cache?: BaselineCache;
  /** Downloads the artifact `name` of run `runId` into dir (throws ArtifactNotFoundError when it has none). */
  downloadArtifact?: (name: string, runId: number, dir: string) => Promise<void>;
  /** Uploads a directory as an artifact of this run. */
  uploadArtifact?: (name: string, dir: string) => Promise<unknown>;
  /** Where the step may stage files of its own (RUNNER_TEMP). */
  tempDir?: string;
}

/** The run's event, as far as the baseline cares (the action's eventContext(); the CLI has none). */
export type CompareEvent = Pick<EventContext, 'eventName' | 'payload' | 'sha'> & Partial<Pick<EventContext, 'repo'>> & { runId?: number; serverUrl?: string };

export interface CompareMetricsOptions {
  workspace: string;
  metrics: string[];
  params: string[];
  /** Repeated measurements compared as distributions (compare.ts' `samples`). */
  samples?: string[];
  /** The gates file, or '' for none. */
  gates: string;
  /** The plots file, plots built without one (dvclive's, see withTrainDefaults), or '' for none. */
  plots: string | PlotsConfig;
  /** The `baseline` input as written (`auto`, `git:<ref>`, ...), or a spec already parsed. */
  baseline: string | BaselineSpec;
  /** The `save-baseline` input as written; '' stores nothing. */
  saveBaseline?: string;
  precision: number;
  showUnchanged: boolean;
  /** Slices, confusion records and predictions (see CompareOptions). */
  evaluation?: Pick<CompareOptions, 'sliceMinCount' | 'confusion' | 'predictions' | 'idColumn'>;
  /**
   * Whether a failed gate fails the step; when false it is a warning among the problems. Left out,
   * the caller reports the failed gates itself (the CLI prints one line per gate).
   */
  failOnRegression?: boolean;
  reportDir: string;
  event: CompareEvent;
  platform?: ComparePlatform;
}

export interface CompareMetricsRun extends CompareResult {
  /** Whether the step fails: a gate failed and fail-on-regression is not off. */
  failed: boolean;
  /** Why it fails, one line (empty when it does not). */
  reason: string;
  /** What the log says besides the problems: whether a baseline was stored. */
  notes: string[];
}

/**
 * compare-metrics as the action and `mlci compare` run it: the baseline settled from the event,
 * the comparison and its section written, the head stored as the next baseline when the run may.
 * A failed gate is returned (`failed`, `failure`), never thrown; with fail-on-regression off it is
 * a warning among the problems instead.
 */
export async function runCompareMetrics(o: CompareMetricsOptions): Promise<CompareMetricsRun> {
  const spec = typeof o.baseline === 'string' ? parseBaselineSpec(o.baseline) : o.baseline;
  const save = parseSaveBaseline(o.saveBaseline ?? '');
  const p = o.platform ?? {};
  const result = await compareWithBaseline({
    workspace: o.workspace,
    metrics: o.metrics,
    params: o.params,
    samples: o.samples,
    gates: o.gates,
    plots: o.plots,
    ...o.evaluation,
    baseline: chooseBaseline(spec, o.event),
    services: {
      api: p.api,
      repo: o.event.repo,
      baseSha: baseCommit(o.event),
      baseBranch: baseBranch(o.event),
      runId: o.event.runId,
      headSha: o.event.sha || undefined,
      serverUrl: o.event.serverUrl,
      cache: p.cache,
      downloadArtifact: p.downloadArtifact,
      tempDir: p.tempDir,
    },
    precision: o.precision,
    showUnchanged: o.showUnchanged,
    reportDir: o.reportDir,
  });

  const notes: string[] = [];
  const stored = await storeBaseline(save, {
    workspace: o.workspace,
    name: result.name,
    files: result.files,
    // Gates not evaluated (no baseline yet) must not keep the first baseline from being stored.
    passed: result.diff.verdict !== 'failed',
    eventName: o.event.eventName,
    sha: o.event.sha,
    cache: p.cache,
    upload: p.uploadArtifact,
    tempDir: p.tempDir,
  });
  if (save.kind !== 'none') notes.push(stored.message);

  const failed = result.failure !== undefined && o.failOnRegression !== false;
  const problems: Problem[] = [...result.problems];
  if (result.failure && o.failOnRegression === false)
    problems.push({ severity: 'warning', message: `${result.failure} (fail-on-regression is false: reported only)`, file: o.gates || undefined });
  return { ...result, problems, failed, reason: failed ? (result.failure ?? '') : '', notes };
}
