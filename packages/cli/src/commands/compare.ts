import { resolve } from 'node:path';
import { baselineName, chooseBaseline, compareSectionId, compareWithBaseline, defaultReportDir, dvclivePlots, parseBaselineSpec, splitList, UserError, type PlotsConfig } from '@mlci/core';
import { latestTrainRecord } from '@mlci/core/train';
import type { Command } from '../command.js';
import { printProblem, type Out } from '../out.js';
import { markdownToText } from '../terminal.js';

export interface CompareArgs {
  metrics: string[];
  params: string[];
  baseline: string;
  gates?: string;
  plots?: string | PlotsConfig;
  precision: number;
  showUnchanged: boolean;
  failOnRegression: boolean;
  reportDir?: string;
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
  const result = await compareWithBaseline({
    workspace: cwd,
    metrics: a.metrics,
    params: a.params,
    gates: a.gates ?? '',
    plots: a.plots ?? '',
    // Outside a workflow there is no event to settle `auto`: it means the last commit.
    baseline: chooseBaseline(spec.kind === 'auto' ? { kind: 'git', ref: 'HEAD' } : spec, { eventName: '', payload: {} }),
    precision: a.precision,
    showUnchanged: a.showUnchanged,
    reportDir: resolve(cwd, a.reportDir ?? defaultReportDir(env)),
  });
  result.problems.forEach((p) => printProblem(p, out));
  out.stdout(markdownToText(result.markdown));
  out.stdout(`\nmlci compare: ${result.summary}\n  ${result.diffJsonPath}\n  ${result.markdownPath}\n`);
  const failed = result.diff.gates.filter((g) => g.outcome === 'failed');
  if (failed.length === 0) return 0;
  for (const g of failed) printProblem({ severity: a.failOnRegression ? 'error' : 'warning', file: a.gates, message: `gate ${g.key} ${g.rule}: ${g.message}` }, out);
  return a.failOnRegression ? 1 : 0;
}

function flagList(v: unknown): string[] {
  return ((v as string[] | undefined) ?? []).flatMap(splitList);
}

function flagBool(v: unknown, name: string, fallback: boolean): boolean {
  if (v === undefined) return fallback;
  if (v === true || v === 'true') return true;
  if (v === 'false') return false;
  throw new UserError(`--${name} must be true or false, not "${String(v)}"`, { input: name });
}

function flagInt(v: unknown, name: string, fallback: number): number {
  if (v === undefined) return fallback;
  if (!/^\d+$/.test(String(v)) || Number(v) < 1) throw new UserError(`--${name} must be a whole number of at least 1, not "${String(v)}"`, { input: name });
  return Number(v);
}

export const compareCommand: Command = {
  name: 'compare',
  usage: `compare --metrics FILE... [--params FILE]... [--baseline git:REF|file:PATH|none] [--gates FILE]
        [--plots FILE] [--precision N] [--show-unchanged] [--fail-on-regression false] [--report-dir DIR]
    Compare metrics and params with a baseline (default git:HEAD, the last commit) and check the
    gates, as the compare-metrics action does; files and globs relative to the current directory.
    Prints the tables, writes the diff JSON, the charts and the report section. Exits 1 when a gate fails.`,
  options: {
    metrics: { type: 'string', multiple: true },
    params: { type: 'string', multiple: true },
    baseline: { type: 'string' },
    gates: { type: 'string' },
    plots: { type: 'string' },
    precision: { type: 'string' },
    'show-unchanged': { type: 'boolean' },
    'fail-on-regression': { type: 'string' },
    'report-dir': { type: 'string' },
  },
  section: (v, env) => ({
    reportDir: (v['report-dir'] as string | undefined) ?? defaultReportDir(env),
    slot: { action: 'compare-metrics', id: compareSectionId(baselineName(flagList(v.metrics))), stage: 'metrics', title: 'Metrics' },
  }),
  run: async (v, env, out) => {
    // As in the action: what is not given comes from an `mlci train` run into the same report directory.
    const trained = await latestTrainRecord(resolve((v['report-dir'] as string | undefined) ?? defaultReportDir(env)));
    const metrics = flagList(v.metrics).length > 0 ? flagList(v.metrics) : (trained?.metrics ?? []);
    if (metrics.length === 0) throw new UserError('--metrics is required: the metrics files or globs to compare (no mlci train before this recorded any)', { input: 'metrics' });
    return compare(
      {
        metrics,
        params: flagList(v.params).length > 0 ? flagList(v.params) : (trained?.params ?? []),
        baseline: (v.baseline as string | undefined) ?? 'git:HEAD',
        gates: v.gates as string | undefined,
        plots: (v.plots as string | undefined) || (trained?.dvclive?.steps.length ? dvclivePlots(trained.dvclive.steps) : undefined),
        precision: flagInt(v.precision, 'precision', 4),
        showUnchanged: v['show-unchanged'] === true,
        failOnRegression: flagBool(v['fail-on-regression'], 'fail-on-regression', true),
        reportDir: v['report-dir'] as string | undefined,
      },
      env,
      out,
    );
  },
};
