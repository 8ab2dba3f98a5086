import { posix } from 'node:path';
import type { PlotsConfig } from './config.js';
import { dvcFilePlot } from './dvc.js';

/**
 * Charts for dvclive's per-step scalars with no plots file: one line chart per
 * `dvclive/plots/metrics/<name>.tsv`, whose columns are `timestamp`, `step` and the metric's last
 * name segment (`train/loss` is `train/loss.tsv` with a `loss` column). They are the plots of the
 * dvc.yaml dvclive writes, `{dvclive/plots/metrics: {x: step}}`, read as DVC reads them (y is the
 * last column).
 */
export function dvclivePlots(steps: string[], metricsDir = 'dvclive/plots/metrics'): PlotsConfig {
  return {
    file: '(dvclive)',
    plots: steps.map((data) => {
      const at = data.indexOf(`${metricsDir}/`);
      const name = (at >= 0 ? data.slice(at + metricsDir.length + 1) : posix.basename(data)).replace(/\.tsv$/, '');
      return dvcFilePlot(name.replace(/[^A-Za-z0-9._-]+/g, '-'), data, { x: 'step' }, () => ({ file: data }), name);
    }),
  };
}
