import { resolve } from 'node:path';
import { UserError } from '@mlci/core/errors';
import { parseBoolean, parseWholeNumber, splitLists } from '@mlci/core/files';
import { defaultReportDir, type SectionSlot } from '@mlci/core/section';
import { baselineName, parseBaselineSpec } from '@mlci/core/baseline';
import { compareSectionId, runCompareMetrics, withTrainDefaults } from '@mlci/core/compare-metrics';
import type { Values } from '../command.js';
import type { PlotsConfig } from '@mlci/core/plots';
import { printProblem, type Out } from '../out.js';
import { markdownToText } from '../terminal.js';

export interface CompareArgs {
  metrics: string[];
  params: string[];
  samples?: string[];
  baseline: string;
  gates?: string;
  plots?: string | PlotsConfig;
  precision: number;
  showUnchanged: boolean;
  failOnRegression: boolean;
  /** `14d`: a baseline commit older than this is reported stale. */
  maxBaselineAge?: string;
  reportDir?: string;
  /** Slices and confusion/predictions (see CompareOptions); defaults as the action's. */
  evaluation?: { sliceMinCount?: number; confusion?: string; predictions?: string; idColumn?: string };
}

/**
 * `mlci compare`: the compare-metrics action on a laptop or any CI. The baseline comes from the
 * local clone (`git:<ref>`, by default `git:HEAD`: what the uncommitted change did, as
 * `dvc metrics diff` shows it) or a directory (`file:<path>`); the Actions cache and artifacts
 * exist only in GitHub Actions. Exits 1 when a gate fails.
 */
export async function compare(a: CompareArgs, env: NodeJS.ProcessEnv, out: Out): Promise<number> {
  const cwd = process.cwd();
  const spec = parseBaselineSpec(a.baseline);
  if (spec.kind === 'cache' || spec.kind === 'artifact') {
    throw new UserError(`--baseline ${a.baseline}: the Actions cache and artifacts exist only in GitHub Actions; use git:<ref> or file:<path>`, {
      input: 'baseline',
    });
  }
  // Outside a workflow there is no event to settle `auto`: it means the last commit.
  const result = await runCompareMetrics({
    workspace: cwd,
    metrics: a.metrics,
    params: a.params,
    samples: a.samples ?? [],
    gates: a.gates ?? '',
    plots: a.plots ?? '',
    baseline: spec.kind === 'auto' ? { kind: 'git', ref: 'HEAD' } : spec,
    precision: a.precision,
    showUnchanged: a.showUnchanged,
    evaluation: a.evaluation,
    reportDir: resolve(cwd, a.reportDir ?? defaultReportDir(env)),
    maxBaselineAge: a.maxBaselineAge,
    event: { eventName: '', payload: {}, sha: '' },
  });
  result.problems.forEach((p) => printProblem(p, out));
  out.stdout(markdownToText(result.markdown));
  out.stdout(`\nmlci compare: ${result.summary}\n  ${result.diffJsonPath}\n  ${result.markdownPath}\n`);
  const failed = result.diff.gates.filter((g) => g.outcome === 'failed');
  if (failed.length === 0) return 0;
  for (const g of failed)
    printProblem({ severity: a.failOnRegression ? 'error' : 'warning', file: a.gates, message: `gate ${g.key} ${g.rule}: ${g.message}` }, out);
  return a.failOnRegression ? 1 : 0;
}

/** The section `mlci compare` writes, so a failure leaves a failing one in its place. */
export function section(v: Values, env: NodeJS.ProcessEnv): { reportDir: string; slot: SectionSlot } {
  return {
    reportDir: (v['report-dir'] as string | undefined) ?? defaultReportDir(env),
    slot: { action: 'compare-metrics', id: compareSectionId(baselineName(metricsOrSamples(v))), stage: 'metrics', title: 'Metrics' },
  };
}

export async function run(v: Values, env: NodeJS.ProcessEnv, out: Out): Promise<number> {
  // As in the action: what is not given comes from an `mlci train` run into the same report directory.
  const files = await withTrainDefaults(
    resolve((v['report-dir'] as string | undefined) ?? defaultReportDir(env)),
    {
      metrics: splitLists(v.metrics as string[] | undefined),
      params: splitLists(v.params as string[] | undefined),
      plots: (v.plots as string | undefined) ?? '',
      samples: splitLists(v.samples as string[] | undefined),
    },
    process.cwd(),
  );
  return compare(
    {
      metrics: files.metrics,
      params: files.params,
      samples: splitLists(v.samples as string[] | undefined),
      baseline: (v.baseline as string | undefined) ?? 'git:HEAD',
      gates: v.gates as string | undefined,
      plots: files.plots || undefined,
      precision: parseWholeNumber(String(v.precision ?? ''), '--precision', 'precision', 1) ?? 4,
      showUnchanged: v['show-unchanged'] === true,
      failOnRegression: parseBoolean(String(v['fail-on-regression'] ?? ''), '--fail-on-regression', 'fail-on-regression') ?? true,
      maxBaselineAge: v['max-baseline-age'] as string | undefined,
      reportDir: v['report-dir'] as string | undefined,
      evaluation: {
        sliceMinCount: parseWholeNumber(String(v['slice-min-count'] ?? ''), '--slice-min-count', 'slice-min-count') ?? 30,
        confusion: (v.confusion as string | undefined) ?? '',
        predictions: (v.predictions as string | undefined) ?? '',
        idColumn: (v['id-column'] as string | undefined) ?? 'id',
      },
    },
    env,
    out,
  );
}

/** The files the baseline and the section are named after: the metrics, else the samples alone. */
function metricsOrSamples(v: Values): string[] {
  const metrics = splitLists(v.metrics as string[] | undefined);
  return metrics.length > 0 ? metrics : splitLists(v.samples as string[] | undefined);
}
