import { UserError } from '../errors.js';
import type { PlotsConfig } from '../plots/config.js';
import { dvclivePlots } from '../plots/dvclive.js';
import { latestTrainRecord, type TrainRecord } from '../section/train-record.js';

export interface CompareFiles {
  metrics: string[];
  params: string[];
  /** The plots file, dvclive's per-step charts built from train's record, or '' for none. */
  plots: string | PlotsConfig;
  /** The train step's record the empty inputs were taken from, if one was. */
  trained?: TrainRecord;
}

/**
 * compare-metrics after train needs no configuration: empty `metrics`, `params` and `plots` take
 * what the last train step recorded in the report directory (its metrics and params files, and a
 * line chart per dvclive step metric). Metrics given neither way are the user's mistake.
 */
export async function withTrainDefaults(
  reportDir: string,
  given: { metrics: string[]; params: string[]; plots: string; samples?: string[] },
): Promise<CompareFiles> {
  const trained = given.metrics.length > 0 && given.params.length > 0 && given.plots ? undefined : await latestTrainRecord(reportDir);
  const metrics = given.metrics.length > 0 ? given.metrics : (trained?.metrics ?? []);
  // Repeated measurements alone are metrics enough.
  if (metrics.length === 0 && !given.samples?.length) {
    throw new UserError('input "metrics" is required: the metrics files or globs to compare (no train step before this one recorded any)', {
      input: 'metrics',
    });
  }
  return {
    metrics,
    params: given.params.length > 0 ? given.params : (trained?.params ?? []),
    plots: given.plots || (trained?.dvclive?.steps.length ? dvclivePlots(trained.dvclive.steps) : ''),
    trained,
  };
}
