import { mkdir, writeFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import type { MetricRow, MetricsDiff } from '../metrics/diff.js';
import { formatNumber } from '../metrics/format.js';
import { keyPattern } from '../metrics/gates.js';
import type { PlotDef } from '../plots/config.js';
import type { XYData } from '../plots/data.js';
import { chartFallback } from '../plots/fallback.js';
import { renderChart } from '../plots/render.js';
import { buildPlotSpec, type VegaLiteSpec } from '../plots/spec.js';
import { escapeText } from '../section/escape.js';
import type { SectionImage } from '../section/section.js';
import type { HistoryEntry } from './entry.js';
import { standingOf, type PastValue, type Standing } from './rank.js';

export interface TrendOptions {
  diff: MetricsDiff;
  /** Main's history, oldest first (readHistory). */
  entries: HistoryEntry[];
  /** How many of main's last runs to compare with (the `history` input). */
  runs: number;
  /** Metrics named by the `trend` input (keys or globs), besides the gated ones. */
  patterns: string[];
  /** The branch the history is of, for the words: `main`. */
  branch: string;
  /** The head's commit: an entry of the same commit (a re-run) is not compared with itself. */
  headSha?: string;
  precision: number;
  /** The section's asset directory, and the same relative to the report directory. */
  outDir: string;
  relDir: string;
}

export interface MetricTrend {
  file: string;
  key: string;
  standing: Standing;
  past: PastValue[];
}

export interface Trend {
  markdown: string;
  images: SectionImage[];
  metrics: MetricTrend[];
}

/** Charts drawn at most; past this the lines alone say where each metric stands. */
export const MAX_TREND_CHARTS = 6;

/**
 * Where the head sits against main's last runs, for every gated metric and every metric the
 * `trend` input names: one line each (rank, best, worst, direction aware) and a small chart of
 * main's runs with the head after them. Without such a metric, or a past for it, one line says why.
 */
export async function renderTrend(o: TrendOptions): Promise<Trend> {
  const recent = o.entries.filter((e) => e.sha !== o.headSha).slice(-o.runs);
  const chosen = chosenRows(o.diff, o.patterns);
  const none = (why: string): Trend => ({ markdown: `<sub>No trend over ${escapeText(o.branch)}: ${why}.</sub>`, images: [], metrics: [] });
  if (chosen.length === 0) return none('no metric is gated or named in `trend`');
  if (recent.length === 0) return none(`the metrics history has no run of ${escapeText(o.branch)} yet (a push to it appends one)`);
  const metrics: MetricTrend[] = [];
  for (const row of chosen) {
    const past = recent.flatMap((e) => {
      const v = e.metrics[row.file]?.[row.key];
      return typeof v === 'number' && Number.isFinite(v) ? [{ sha: e.sha, value: v }] : [];
    });
    const standing = standingOf(row.head as number, past, row.direction);
    if (standing) metrics.push({ file: row.file, key: row.key, standing, past });
  }
  if (metrics.length === 0) return none(`no run in the metrics history has ${chosen.length === 1 ? 'this metric' : 'these metrics'}`);
  const manyFiles = new Set(metrics.map((m) => m.file)).size > 1;
  const nameOf = (m: MetricTrend) => (manyFiles ? `${m.file}: ${m.key}` : m.key);
  const lines = metrics.map((m) => `- ${standingLine(nameOf(m), m.standing, o.precision)}`);
  const most = Math.max(...metrics.map((m) => m.standing.n));
  const heading = `**Trend over ${escapeText(o.branch)}** (this change against the last ${most} run${most === 1 ? '' : 's'} of ${escapeText(o.branch)} in the metrics history)`;

  await mkdir(o.outDir, { recursive: true });
  const images: SectionImage[] = [];
  const charts: string[] = [];
  for (const [i, m] of metrics.slice(0, MAX_TREND_CHARTS).entries()) {
    const { plot, data } = chartOf(nameOf(m), m, o.branch, i);
    const spec = smallChart(buildPlotSpec(plot, data));
    // At 1:1 two charts fit side by side in a comment (about 900 px wide): small, as a trend is.
    const { png, svg } = await renderChart(spec, { zoom: 1 });
    const file = (ext: string) => `${plot.id}.${ext}`;
    await writeFile(join(o.outDir, file('png')), png);
    await writeFile(join(o.outDir, file('svg')), svg);
    await writeFile(join(o.outDir, file('vl.json')), JSON.stringify(spec) + '\n');
    const path = posix.join(o.relDir, file('png'));
    const alt = `${nameOf(m)}: the last ${m.standing.n} runs of ${o.branch} and this change`;
    images.push({ path, alt, fallback: chartFallback(plot, data) });
    charts.push(`![${escapeText(alt)}](${path})`);
  }
  const more = metrics.length > MAX_TREND_CHARTS ? [`<sub>Charts for the first ${MAX_TREND_CHARTS} of ${metrics.length} metrics.</sub>`] : [];
  // Images on one line flow side by side as far as the comment's width allows.
  return { markdown: [heading, lines.join('\n'), charts.join(' '), ...more].filter(Boolean).join('\n\n'), images, metrics };
}

/** The rows a trend is shown for: numeric at head, and gated or named by a pattern. */
function chosenRows(diff: MetricsDiff, patterns: string[]): MetricRow[] {
  const named = keyMatcher(patterns);
  const gated = new Set(diff.gates.filter((g) => g.file !== undefined).map((g) => `${g.file}\0${g.key}`));
  return diff.metrics.filter((r) => typeof r.head === 'number' && Number.isFinite(r.head) && (gated.has(`${r.file}\0${r.key}`) || named(r.key)));
}

/** Keys as the gates name them (metrics/gates.ts): any of the patterns. */
function keyMatcher(patterns: string[]): (key: string) => boolean {
  const matchers = patterns.map(keyPattern);
  return (key) => matchers.some((m) => m(key));
}

const ordinal = (n: number) => {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th');
  return `${n}${s}`;
};

/**
 * `roc_auc` 0.91 (higher is better): 2nd of 13 — best 0.92 (`a1b2c3d`), worst 0.88 (`e4f5a6b`).
 * Shas are hex (the schema allows nothing else); the key is escaped.
 */
export function standingLine(name: string, s: Standing, precision: number): string {
  const f = (x: number) => formatNumber(x, precision);
  const at = (p: { sha: string; value: number }) => `${f(p.value)} (\`${p.sha.slice(0, 7)}\`)`;
  const of = `the last ${s.n} run${s.n === 1 ? '' : 's'}`;
  const head = `**${escapeText(name)}** ${f(s.head)}`;
  if (s.rank === undefined || !s.best || !s.worst) return `${head} (no better direction): ${of} ranged from ${at(s.min)} to ${at(s.max)}`;
  const better = s.direction === 'higher' ? 'higher' : 'lower';
  const where = s.newBest
    ? `best of ${of} and this change (previous best ${at(s.best)})`
    : s.newWorst
      ? `worst of ${of} and this change (previous worst ${at(s.worst)})`
      : `${ordinal(s.rank)} of ${s.n + 1} (${of} and this change); best ${at(s.best)}, worst ${at(s.worst)}`;
  return `${head} (${better} is better): ${where}`;
}

function chartOf(name: string, m: MetricTrend, branch: string, i: number): { plot: PlotDef; data: XYData } {
  const plot: PlotDef = {
    id: `trend-${i + 1}`,
    title: `${name} over ${branch}`,
    template: 'linear',
    data: '',
    y: [name],
    actual: 'actual',
    predicted: 'predicted',
    place: {},
  };
  const revs = [branch, 'this change'];
  const points = [
    ...m.past.map((p) => ({ x: p.sha.slice(0, 7), y: p.value, series: name, rev: branch })),
    { x: 'this change', y: m.standing.head, series: name, rev: 'this change' },
  ];
  return { plot, data: { kind: 'xy', xTitle: `runs of ${branch}, oldest first`, yTitle: name, xType: 'ordinal', series: [name], revs, points, notes: [] } };
}

/** The plots' line chart made small: a short plot, commit labels level, the title and legend smaller. */
function smallChart(spec: VegaLiteSpec): VegaLiteSpec {
  const s = spec as { encoding?: { x?: { axis?: object } }; title?: object; config?: { legend?: object } };
  if (s.encoding?.x) s.encoding.x.axis = { ...s.encoding.x.axis, labelAngle: -90, labelLimit: 100 };
  return { ...spec, width: 300, height: 110, title: { ...s.title, fontSize: 13 } };
}
