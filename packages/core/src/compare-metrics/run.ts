import type { PlotsConfig } from '../plots/config.js';
import type { Api } from '../forge/api.js';
import type { EventContext } from '../forge/target.js';
import type { BaselineCache } from '../baseline/cache.js';
import { baseBranch, baseCommit, chooseBaseline, parseBaselineSpec, parseSaveBaseline, type BaselineSpec } from '../baseline/spec.js';
import { storeBaseline } from '../baseline/store.js';
import { baselineName } from '../baseline/cache.js';
import { parseMaxAge } from '../history/age.js';
import { entryOf, MAX_HISTORY_ENTRIES } from '../history/entry.js';
import { UserError, type Problem } from '../errors.js';
import { appendHistory, readHistory } from '../history/store.js';
import { messageOf } from '../forge/api.js';
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
  /** How many of the default branch's runs the history keeps and the trend shows (`history`); 0 or absent: none. */
  history?: number;
  /** Metrics (keys or globs) shown in the trend besides the gated ones (`trend`). */
  trend?: string[];
  /** `max-baseline-age` as written (`14d`), '' for no bound. */
  maxBaselineAge?: string;
  /** The clock (tests); default now. */
  now?: Date;
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
  const maxBaselineAge = parseMaxAge(o.maxBaselineAge ?? '');
  // The history's file is named like the baseline: the one name compare would settle on.
  const name = baselineName(o.metrics.length > 0 ? o.metrics : (o.samples ?? []));
  const history = await mainHistory(o, name);
  const result = await compareWithBaseline({
    workspace: o.workspace,
    metrics: o.metrics,
    params: o.params,
    samples: o.samples,
    name,
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
    trend: history.trend,
    maxBaselineAge,
    now: o.now,
  });

  const notes: string[] = [...history.notes];
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
  const appended = await appendToHistory(o, result);
  if (appended?.note) notes.push(appended.note);

  const failed = result.failure !== undefined && o.failOnRegression !== false;
  const problems: Problem[] = [...history.problems, ...result.problems, ...(appended?.problems ?? [])];
  if (result.failure && o.failOnRegression === false)
    problems.push({ severity: 'warning', message: `${result.failure} (fail-on-regression is false: reported only)`, file: o.gates || undefined });
  return { ...result, problems, failed, reason: failed ? (result.failure ?? '') : '', notes };
}

/** The default branch's history, read for the trend; a history that cannot be read is a warning, never a failure. */
async function mainHistory(o: CompareMetricsOptions, name: string): Promise<{ trend?: CompareOptionsTrend; problems: Problem[]; notes: string[] }> {
  if (!o.history) {
    const unused: Problem = {
      severity: 'warning',
      title: 'metrics history',
      message: 'input "trend" is set but "history" is 0: no history is kept, so no trend is shown.',
    };
    return { problems: o.trend?.length ? [unused] : [], notes: [] };
  }
  if (o.history > MAX_HISTORY_ENTRIES)
    throw new UserError(`input "history": at most ${MAX_HISTORY_ENTRIES} runs are kept, not ${o.history}`, { input: 'history' });
  const api = o.platform?.api;
  if (!api || !o.event.repo) return { problems: [], notes: ['Metrics history not read: no GitHub API (github-token) here.'] };
  try {
    const read = await readHistory({ api, repo: o.event.repo, name });
    const branch = String(o.event.payload.repository?.default_branch ?? 'main');
    return { trend: { entries: read.entries, runs: o.history, patterns: o.trend ?? [], branch }, problems: read.problems, notes: [] };
  } catch (e) {
    return {
      problems: [{ severity: 'warning', title: 'metrics history', message: `The metrics history could not be read (${messageOf(e)}): no trend shown.` }],
      notes: [],
    };
  }
}

type CompareOptionsTrend = NonNullable<Parameters<typeof compareWithBaseline>[0]['trend']>;

/**
 * Appends the head to the history on a push to the default branch, and only there: never from a
 * pull request (its metrics are not main's), never from another branch. A write that fails leaves
 * the history as it was and is a line in the log.
 */
async function appendToHistory(o: CompareMetricsOptions, result: CompareResult): Promise<{ note?: string; problems?: Problem[] } | undefined> {
  if (!o.history) return undefined;
  const repository = o.event.payload.repository as { default_branch?: string } | undefined;
  const onDefault = o.event.eventName === 'push' && !!repository?.default_branch && o.event.payload.ref === `refs/heads/${repository.default_branch}`;
  if (!onDefault) return { note: 'Metrics history not appended: only a push to the default branch appends to it.' };
  const api = o.platform?.api;
  if (!api || !o.event.repo || !/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(o.event.sha))
    return { note: 'Metrics history not appended: no GitHub API (github-token) or commit here.' };
  const entry = entryOf(result.diff.metrics, { sha: o.event.sha, time: (o.now ?? new Date()).toISOString(), runId: o.event.runId });
  try {
    const r = await appendHistory({ api, repo: o.event.repo, name: result.name }, entry, o.history);
    // The file's own warnings were said when it was read for the trend.
    return r.written ? { note: r.message } : { problems: [{ severity: 'warning', title: 'metrics history', message: r.message }] };
  } catch (e) {
    const message = `Metrics history not appended (${messageOf(e)}): writing it needs \`contents: write\` on pushes to the default branch; the history is unchanged.`;
    return { problems: [{ severity: 'warning', title: 'metrics history', message }] };
  }
}
