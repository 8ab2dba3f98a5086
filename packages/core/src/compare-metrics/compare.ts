import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { UserError, type Problem } from '../errors.js';
import { defaultBoundary, readContained } from '../files/contained.js';
import { resolveFiles } from '../files/globs.js';
import { diffMetrics, jsonSafeDiff, type MetricsDiff } from '../metrics/diff.js';
import type { Files } from '../metrics/flatten.js';
import { NO_RULES, parseGates, unmatchedRules, type GateRules, type GatesVerdict } from '../metrics/gates.js';
import { readMetricsFiles } from '../metrics/load.js';
import { DEFAULT_MIN_SLICE_COUNT, flatSliceKeys, renderSlices, sliceRows, withoutSlices, withSliceGates } from '../metrics/slices.js';
import { readBaselineSamples, readSampleFiles } from '../metrics/samples.js';
import { spreadJson, type SpreadJson } from '../metrics/spread-json.js';
import { metricsStatus, renderMetricsMarkdown, summarizeMetricsDiff } from '../metrics/markdown.js';
import { escapeText } from '../section/escape.js';
import { writeSection, type SectionImage, type Status } from '../section/section.js';
import { baselineName } from '../baseline/cache.js';
import { describeBaseline, headCommitDate } from '../baseline/describe.js';
import { openBaseline, type BaselineServices } from '../baseline/open.js';
import type { ChosenBaseline } from '../baseline/spec.js';
import { readBaselineFiles } from '../baseline/read.js';
import type { PlotsConfig } from '../plots/config.js';
import { staleBaseline } from '../history/age.js';
import type { TrendOptions } from '../history/trend.js';
import type { DvcYaml } from '../dvc/dvc-yaml.js';

export interface CompareOptions {
  workspace: string;
  /** Files or globs, relative to the workspace. */
  metrics: string[];
  params: string[];
  /** Files or globs of repeated measurements (one file per seed or fold, or lists of values), each compared as distributions. */
  samples?: string[];
  /** The gates file, or '' for none. */
  gates: string;
  baseline: ChosenBaseline;
  /** What finding the baseline may use (API, cache, artifacts). */
  services?: BaselineServices;
  precision: number;
  showUnchanged: boolean;
  /** Relative to the workspace, or absolute. */
  reportDir: string;
  /** The baseline's name; baselineName(metrics) by default. Names the section, so two compare steps keep two. */
  name?: string;
  /** The plots file (charts of base against head), plots made without one (dvclive's), or '' for none. */
  plots?: string | PlotsConfig;
  /** Slices with fewer rows than this show "too few rows" and their gates are not evaluated. */
  sliceMinCount?: number;
  /** Confusion records (actual, predicted), or '' for none. */
  confusion?: string;
  /** Predictions with an id column (newly wrong / newly right), or '' for none. */
  predictions?: string;
  /** The predictions' id column; `id` by default. */
  idColumn?: string;
  /** Main's history and the metrics to place in it (the `history` and `trend` inputs); absent: no trend. */
  trend?: Pick<TrendOptions, 'entries' | 'runs' | 'patterns' | 'branch'>;
  /** A baseline older than this (ms, `max-baseline-age`) is said to be stale; `now` is the clock. */
  maxBaselineAge?: number;
  now?: Date;
}

/** The diff JSON (the `diff-json` output): exactly these keys, which other steps rely on. */
export interface DiffJson {
  /** True only when every gate was evaluated and passed (or there are none). */
  passed: boolean;
  verdict: GatesVerdict;
  metrics: Array<
    {
      file: string;
      key: string;
      base: unknown;
      head: unknown;
      delta: number | string | null;
      relative: number | string | null;
      direction: 'higher' | 'lower' | 'none';
      status: string;
    } & Partial<SpreadJson>
  >;
  params: Array<{ file: string; key: string; base: unknown; head: unknown; status: string }>;
  /** `passed` is null for a gate that was not evaluated or was inconclusive (`outcome` says which). */
  gates: Array<{ key: string; rule: string; outcome: string; passed: boolean | null; message: string }>;
}

export interface CompareResult {
  /** The baseline's name (cache keys, the section's id). */
  name: string;
  diff: MetricsDiff;
  status: Status;
  summary: string;
  /** The section's markdown (what the comment shows). */
  markdown: string;
  diffJsonPath: string;
  markdownPath: string;
  sectionPath: string;
  /** Head files, relative to the workspace, that a stored baseline holds. */
  files: string[];
  problems: Problem[];
  regressions: number;
  improvements: number;
  /** `2 gates failed: roc_auc min 0.9: …`, when any failed: the step's failure message. */
  failure?: string;
}

/**
 * The compare-metrics step, for the action and the CLI alike: reads the head's metrics and params
 * (a malformed file is a UserError at its line), the baseline's, the gates; diffs; writes the diff
 * JSON, the markdown and the report section. The gates' verdict is returned, never thrown: the
 * caller decides whether a failed gate fails the step.
 */
export async function compareWithBaseline(o: CompareOptions): Promise<CompareResult> {
  const problems: Problem[] = [];
  const samples = o.samples ?? [];
  const name = o.name ?? baselineName(o.metrics.length > 0 ? o.metrics : samples);
  // A dvc.yaml named in metrics, params or plots stands for what it lists (its metrics, its params, its plots).
  const dvc = await dvcInputs(o, problems);
  const metricsPaths = dvc.files('metrics', toRelative(await resolveFiles(dvc.rest(o.metrics), o.workspace, 'metrics'), o.workspace));
  const given = dvc.rest(o.params);
  const paramsPaths = dvc.files('params', given.length > 0 ? toRelative(await resolveFiles(given, o.workspace, 'params'), o.workspace) : []);
  if (metricsPaths.length === 0 && samples.length === 0) {
    throw new UserError(`input "metrics": ${o.metrics.join(', ')} lists no metrics file that exists (top-level \`metrics:\` or a stage's \`metrics:\`)`, {
      input: 'metrics',
    });
  }
  const metricsPatterns = dvc.patterns('metrics');
  const paramsPatterns = dvc.patterns('params');
  const rules = o.gates ? await readGates(o.gates, o.workspace) : NO_RULES;

  const head = flatSliceKeys(await readMetricsFiles(metricsPaths, o.workspace));
  const headParams = await readMetricsFiles(paramsPaths, o.workspace, 'params');
  const headSamples = await readSampleFiles(samples, o.workspace);
  for (const [file, record] of headSamples.files) head.set(file, record);
  let base: Files | undefined;
  let baseParams: Files | undefined;
  const opened = await openBaseline(o.baseline, { ...o.services, workspace: o.workspace, headMetrics: metricsPaths, name });
  let label = opened.label;
  const source = opened.source;
  if (source) {
    const m = await readBaselineFiles(source, metricsPaths, metricsPatterns);
    const p = paramsPaths.length > 0 ? await readBaselineFiles(source, paramsPaths, paramsPatterns) : { files: undefined, problems: [] };
    problems.push(...m.problems, ...p.problems);
    base = m.files && flatSliceKeys(m.files);
    baseParams = p.files;
    const s = await readBaselineSamples(source, samples, o.workspace, headSamples.byEntry);
    problems.push(...s.problems);
    if (s.files.size > 0) base = new Map([...(base ?? []), ...s.files]);
    if (!base) label = `${source.label} has none of the metrics files`;
  }

  const minCount = o.sliceMinCount ?? DEFAULT_MIN_SLICE_COUNT;
  const whole = diffMetrics(base, head, { precision: o.precision, rules, params: { base: baseParams, head: headParams } });
  const slices = sliceRows(whole, minCount);
  // A gate on a slice with too few rows is not evaluated; the slices have their own table, and a
  // thin slice's moves are not counted as regressions or improvements.
  const diff = withSliceGates(whole, slices, minCount);
  const counted = withoutSlices(diff, (s) => !s.tooFew, slices);
  const id = compareSectionId(name);
  const reportDir = resolve(o.workspace, o.reportDir);
  const outDir = join(reportDir, id);
  await mkdir(outDir, { recursive: true });

  const facts = base
    ? describeBaseline({
        label,
        commit: opened.commit,
        savedAt: opened.savedAt,
        headDate: opened.commit ? await headCommitDate({ workspace: o.workspace, ...o.services }) : undefined,
        serverUrl: o.services?.serverUrl,
        repo: o.services?.repo,
      })
    : `<sub>No baseline: ${escapeText(label)}.</sub>`;
  problems.push(...unmatchedRules(diff.metrics, rules));
  const stale = base
    ? staleBaseline({ maxAge: o.maxBaselineAge, commitDate: opened.commit?.date, savedAt: opened.savedAt, now: o.now ?? new Date(), label })
    : undefined;
  if (stale) problems.push(stale.problem);
  const main = renderMetricsMarkdown(withoutSlices(diff), {
    precision: o.precision,
    showUnchanged: o.showUnchanged,
    ...(slices.length > 0 ? { noMetrics: '_No metrics besides the slices below._' } : {}),
  }).trimEnd();
  const parts = [facts, ...(stale ? [stale.line] : []), main];
  const sliceTable = renderSlices(slices, { precision: o.precision, minCount, baseline: diff.baseline });
  if (sliceTable) parts.push(sliceTable);
  let evaluationFiles: string[] = [];
  let evaluation: unknown = null;
  if (o.confusion || o.predictions) {
    const { compareEvaluation } = await import('../evaluation/compare.js');
    const e = await compareEvaluation({
      workspace: o.workspace,
      confusion: o.confusion ?? '',
      predictions: o.predictions ?? '',
      idColumn: o.idColumn || 'id',
      readBase: async (path) => source?.read(path),
      baseName: source?.label,
    });
    parts.push(e.markdown);
    evaluationFiles = e.files;
    evaluation = e.data;
  }
  const images: SectionImage[] = [];
  if (o.trend) {
    // Loaded only when a history is kept; vega only when it has a chart to draw.
    const { renderTrend } = await import('../history/trend.js');
    const trend = await renderTrend({ ...o.trend, diff, headSha: o.services?.headSha, precision: o.precision, outDir, relDir: id });
    parts.push(trend.markdown);
    images.push(...trend.images);
  }
  let dataFiles: string[] = [];
  const plots = typeof o.plots === 'string' && isDvcYaml(o.plots) ? (await dvc.read(o.plots, 'plots')).plots : o.plots;
  if (plots) {
    // Charts (the plots config, their data readers, vega when a chart is drawn) load only when asked for.
    const { renderCharts } = await import('./charts.js');
    const charts = await renderCharts({
      workspace: o.workspace,
      plots,
      outDir,
      relDir: id,
      readBase: async (path) => source?.read(path),
      baseName: source ? source.label.split(' ')[0] : undefined,
    });
    if (charts.markdown) parts.push(charts.markdown);
    images.push(...charts.images);
    dataFiles = charts.dataFiles;
  }
  const markdown = parts.join('\n\n') + '\n';
  const status = stale && metricsStatus(counted) === 'pass' ? 'warn' : metricsStatus(counted);
  const summary = summarizeMetricsDiff(counted) + (stale ? ' (stale baseline)' : '');

  const diffJsonPath = join(outDir, 'diff.json');
  const markdownPath = join(outDir, 'report.md');
  await writeFile(diffJsonPath, JSON.stringify(diffJson(diff), null, 2) + '\n');
  await writeFile(markdownPath, markdown);
  const sectionPath = await writeSection(reportDir, {
    action: 'compare-metrics',
    id,
    stage: 'metrics',
    title: 'Metrics',
    status,
    summary,
    markdown,
    // The full diff (with `baseline`, `inferred`, the gates' files) and the baseline's commit, for
    // machines reading the bundle.
    data: {
      ...jsonSafeDiff(diff),
      ...(slices.length > 0 ? { slices: slices.map(sliceData) } : {}),
      ...(evaluation ? { evaluation } : {}),
      from: base ? { label, ...(opened.commit ?? {}), ...(opened.savedAt ? { savedAt: opened.savedAt } : {}) } : null,
    },
    ...(images.length > 0 ? { images } : {}),
  });

  const failed = diff.gates.filter((g) => g.outcome === 'failed');
  const failure =
    failed.length > 0
      ? `${failed.length} gate${failed.length === 1 ? '' : 's'} failed: ${failed.map((g) => `${g.key} ${g.rule}: ${g.message}`).join('; ')}`
      : undefined;
  return {
    name,
    failure,
    diff,
    status,
    summary,
    markdown,
    diffJsonPath,
    markdownPath,
    sectionPath,
    files: [...new Set([...metricsPaths, ...paramsPaths, ...headSamples.paths, ...dataFiles, ...evaluationFiles])],
    problems,
    regressions: counted.metrics.filter((r) => r.status === 'regressed').length,
    improvements: counted.metrics.filter((r) => r.status === 'improved').length,
  };
}

/**
 * The id of compare-metrics' section, named after the baseline's name (baselineName of the metrics
 * input by default), so two compare steps keep two sections and a failure replaces its own.
 */
export function compareSectionId(name: string): string {
  return `compare-metrics-${name}`;
}

/** The diff as the `diff-json` file holds it: the issue's keys and nothing else; NaN as "NaN". */
export function diffJson(diff: MetricsDiff): DiffJson {
  const safe = jsonSafeDiff(diff);
  return {
    passed: safe.passed,
    verdict: safe.verdict,
    metrics: safe.metrics.map((r) => ({
      file: r.file,
      key: r.key,
      base: r.base,
      head: r.head,
      delta: r.delta,
      relative: r.relative,
      direction: r.direction,
      status: r.status,
      ...(r.spread ? spreadJson(r.spread) : {}),
    })),
    params: safe.params.map((r) => ({ file: r.file, key: r.key, base: r.base, head: r.head, status: r.status })),
    gates: safe.gates.map((g) => ({
      key: g.key,
      rule: g.rule,
      outcome: g.outcome,
      passed: g.outcome === 'passed' ? true : g.outcome === 'failed' ? false : null,
      message: g.message,
    })),
  };
}

async function readGates(path: string, workspace: string): Promise<GateRules> {
  let text: string;
  try {
    text = await readContained(path, { input: 'gates', boundary: { ...defaultBoundary(), workspace } }, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new UserError(`input "gates": file "${path}" does not exist`, { input: 'gates' });
    }
    throw e;
  }
  return parseGates(text, path);
}

function sliceData(s: ReturnType<typeof sliceRows>[number]) {
  return { file: s.file, slice: s.slice, count: s.count, tooFew: s.tooFew, metrics: s.metrics.map((m) => m.key) };
}

/** `dvc.yaml`, `models/dvc.yaml`: DVC's pipeline file, read for what it lists rather than as metrics. */
function isDvcYaml(path: string): boolean {
  return /(^|[\\/])dvc\.yaml$/.test(path.trim());
}

/**
 * The dvc.yaml files among the inputs, each read once (dvc/dvc-yaml.ts): `rest` is an input
 * without them, `files` adds what they list to the files the rest found, `patterns` is the input
 * with each dvc.yaml replaced by its files (for the baseline's files removed since). A dvc.yaml's
 * warnings (templated paths, listed files missing) go to the problems once.
 */
async function dvcInputs(o: CompareOptions, problems: Problem[]) {
  const read = new Map<string, Promise<DvcYaml>>();
  const named = [...o.metrics, ...o.params, ...(typeof o.plots === 'string' ? [o.plots] : [])].filter(isDvcYaml);
  const readOne = (file: string, input: string) => {
    let r = read.get(file);
    if (!r) {
      // Loaded only when a dvc.yaml is named.
      r = import('../dvc/dvc-yaml.js').then(async ({ readDvcYaml }) => {
        const d = await readDvcYaml(file, o.workspace, input);
        problems.push(...d.problems);
        return d;
      });
      read.set(file, r);
    }
    return r;
  };
  const listed = new Map<string, DvcYaml>();
  for (const file of named) listed.set(file, await readOne(file, o.metrics.includes(file) ? 'metrics' : o.params.includes(file) ? 'params' : 'plots'));
  const input = (kind: 'metrics' | 'params') => (kind === 'metrics' ? o.metrics : o.params);
  const of = (kind: 'metrics' | 'params') =>
    input(kind)
      .filter(isDvcYaml)
      .flatMap((f) => listed.get(f)![kind]);
  return {
    read: readOne,
    rest: (list: string[]) => list.filter((f) => !isDvcYaml(f)),
    files: (kind: 'metrics' | 'params', found: string[]) => [...new Set([...found, ...of(kind)])].sort(),
    patterns: (kind: 'metrics' | 'params') => [...input(kind).filter((f) => !isDvcYaml(f)), ...of(kind)],
  };
}

function toRelative(files: string[], workspace: string): string[] {
  return files.map((f) => relative(workspace, f).split(sep).join('/'));
}
