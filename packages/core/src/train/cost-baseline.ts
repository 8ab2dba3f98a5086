import { UserError, isUserError } from '../errors.js';
import type { BaselineCache } from '../baseline/cache.js';
import { baselineName } from '../baseline/cache.js';
import { openBaseline } from '../baseline/open.js';
import { baseCommit, chooseBaseline, parseBaselineSpec, saveWhereRead, type BaselineSpec } from '../baseline/spec.js';
import { storeBaseline } from '../baseline/store.js';
import type { EventContext } from '../forge/target.js';
import { trainRecordFile, type TrainRecord } from '../section/train-record.js';
import type { BaseRunUsage } from './cost.js';

/**
 * Where the base run's figures come from (`cost-baseline`): the train record that a run on the
 * default branch stored, found and stored as compare-metrics finds and stores its baseline
 * (baseline/open.ts, baseline/store.ts), under a name of its own.
 *
 *   none         no base run: the report says so
 *   cache        the Actions cache: a run on push stores its record; a pull request reads its base commit's
 *   file:<path>  a train record (`<id>.train.json`) an earlier run wrote, or the report folder that holds it
 */
export type CostBaseline = Extract<BaselineSpec, { kind: 'none' } | { kind: 'cache' } | { kind: 'file' }>;

export function parseCostBaseline(value: string, input = 'cost-baseline'): CostBaseline {
  if (value.trim() === '') return { kind: 'none' };
  const spec = parseBaselineSpec(value, input);
  if (spec.kind === 'none' || spec.kind === 'cache' || spec.kind === 'file') return spec;
  throw new UserError(
    `input "${input}" is "${value.trim()}": use cache, file:<path> or none (a base run's time is not in git, and train reads no other run's artifacts)`,
    { input },
  );
}

export interface CostBaselineServices {
  workspace: string;
  /** The report directory the train record is written to (and stored from). */
  reportDir: string;
  event?: Pick<EventContext, 'eventName' | 'payload' | 'sha'>;
  cache?: BaselineCache;
  tempDir?: string;
}

/** The stored record's name in cache keys: one per train step (its section id). */
const nameOf = (sectionId: string) => `train-${baselineName([sectionId])}`;

/** The base run's figures, or why there are none (a sentence for "no base run to compare: …"). */
export async function baseRunUsage(spec: CostBaseline, sectionId: string, o: CostBaselineServices): Promise<BaseRunUsage | { none: string }> {
  if (spec.kind === 'none') return { none: 'cost-baseline is none' };
  const file = trainRecordFile(sectionId);
  const chosen = chooseBaseline(spec, o.event ?? { eventName: '', payload: {} });
  let opened: Awaited<ReturnType<typeof openBaseline>>;
  try {
    opened = await openBaseline(chosen, {
      workspace: o.workspace,
      headMetrics: [file],
      name: nameOf(sectionId),
      cache: o.cache,
      baseSha: o.event ? baseCommit(o.event) : undefined,
      tempDir: o.tempDir,
    });
  } catch (e) {
    if (!isUserError(e)) throw e;
    return { none: e.message };
  }
  if (!opened.source) return { none: opened.label };
  const bytes = await opened.source.read(file);
  if (!bytes) return { none: `${opened.label} holds no ${file}` };
  let record: TrainRecord;
  try {
    record = JSON.parse(bytes.toString('utf8')) as TrainRecord;
  } catch {
    return { none: `${opened.label}: ${file} is not JSON` };
  }
  const d = record?.usage?.durationSeconds;
  if (record?.schema !== 'mlci/train@1' || typeof d !== 'number' || !Number.isFinite(d) || d < 0)
    return { none: `${opened.label}: ${file} records no run time (written by an older mlci?)` };
  const sha = opened.commit?.sha ?? record.usage?.sha;
  return { durationSeconds: d, label: `the base run${sha ? ` at ${sha.slice(0, 7)}` : ''}` };
}

/**
 * Stores this run's record where `cost-baseline` reads it, when the run may (a successful run on
 * push; never a pull request's). Returns the sentence for the log, or undefined when nothing was asked.
 */
export async function storeRunUsage(spec: CostBaseline, sectionId: string, o: CostBaselineServices): Promise<string | undefined> {
  const save = saveWhereRead(spec);
  if (save.kind === 'none' || !o.event) return undefined;
  const stored = await storeBaseline(save, {
    workspace: o.reportDir,
    name: nameOf(sectionId),
    files: [trainRecordFile(sectionId)],
    passed: true,
    eventName: o.event.eventName,
    sha: o.event.sha,
    cache: o.cache,
    tempDir: o.tempDir,
  });
  return `Run time for cost-baseline: ${stored.message}`;
}
