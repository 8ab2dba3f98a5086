import { stat } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { isUserError, UserError } from '../errors.js';
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
 * line chart per dvclive step metric). Metrics given neither way are the user's mistake. Given the
 * workspace, the plots are those of the dvc.yaml dvclive wrote (in its folder or beside it), when
 * that dvc.yaml charts dvclive's step metrics: it adds dvclive's scikit-learn plots and the
 * user's own settings.
 */
export async function withTrainDefaults(
  reportDir: string,
  given: { metrics: string[]; params: string[]; plots: string; samples?: string[] },
  workspace?: string,
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
    plots: given.plots || (await dvclivePlotsOf(trained, workspace)),
    trained,
  };
}

async function dvclivePlotsOf(trained: TrainRecord | undefined, workspace: string | undefined): Promise<string | PlotsConfig> {
  const live = trained?.dvclive;
  if (!live?.steps.length) return '';
  if (workspace) {
    for (const file of [posix.join(live.dir, 'dvc.yaml'), posix.join(posix.dirname(live.dir), 'dvc.yaml')]) {
      if (
        !(await stat(join(workspace, file)).then(
          (s) => s.isFile(),
          () => false,
        ))
      )
        continue;
      const { readDvcYaml } = await import('../dvc/dvc-yaml.js');
      try {
        const charted = new Set((await readDvcYaml(file, workspace, 'plots')).plots.plots.map((p) => p.data));
        if (live.steps.every((s) => charted.has(s))) return file;
      } catch (e) {
        // A broken dvc.yaml is the user's to hear about, at its line, when compare reads it.
        if (isUserError(e)) return file;
        throw e;
      }
    }
  }
  return dvclivePlots(live.steps);
}
