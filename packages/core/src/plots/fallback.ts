import { escapeCell, escapeText, table } from '../section/escape.js';
import type { PlotDef } from './config.js';
import type { ConfusionData, PlotData, XYData, XYPoint } from './data.js';
import { BASE_COLOR, HEAD_COLOR, SERIES_COLORS } from './spec.js';

/**
 * What a comment shows in place of a chart when images cannot be published (no write access):
 * curves and bars as a mermaid `xychart-beta` (GitHub draws mermaid itself), scatters and
 * confusion matrices as tables. Sized for a comment: at most 50 points per line, 50 table rows.
 */
export const MAX_POINTS = 50;
const MAX_ROWS = 50;
/** A full matrix up to this many classes; past it, one row per class. */
const MAX_MATRIX = 12;

export function chartFallback(plot: PlotDef, data: PlotData): string {
  if (data.kind === 'confusion') return confusionTable(plot, data);
  if (data.points.length === 0) return `**${escapeText(plot.title)}**: no data points.`;
  switch (plot.template) {
    case 'scatter':
      return scatterTable(plot, data);
    case 'bar':
    case 'bar-horizontal': {
      const categories = new Set(data.points.map((p) => String(p.x)));
      return data.series.length === 1 && categories.size <= MAX_POINTS ? barChart(plot, data, [...categories]) : barTable(plot, data, [...categories]);
    }
    default:
      return lineChart(plot, data);
  }
}

interface Line {
  name: string;
  color: string;
  colorName: string;
  values: number[];
  kind: 'line' | 'bar';
}

const COLOR_NAMES: Record<string, string> = {
  '#1f77b4': 'blue',
  '#d62728': 'red',
  '#2ca02c': 'green',
  '#9467bd': 'purple',
  '#ff7f0e': 'orange',
  '#8c564b': 'brown',
  '#e377c2': 'pink',
  '#17becf': 'cyan',
  '#7f7f7f': 'grey',
  '#bcbd22': 'olive',
};

/** One line per (series, revision), in the PNG's colours: with several series, base is the lighter shade. */
function lineStyle(data: XYData, series: string, rev: string): { name: string; color: string; colorName: string } {
  const twoRevs = data.revs.length > 1;
  const isBase = twoRevs && rev === data.revs[0];
  if (data.series.length === 1) {
    const color = isBase ? BASE_COLOR : HEAD_COLOR;
    return { name: rev, color, colorName: COLOR_NAMES[color] };
  }
  const hue = SERIES_COLORS[data.series.indexOf(series) % SERIES_COLORS.length];
  const name = twoRevs ? `${series} (${rev})` : series;
  return isBase ? { name, color: lighten(hue), colorName: `light ${COLOR_NAMES[hue]}` } : { name, color: hue, colorName: COLOR_NAMES[hue] };
}

function lineChart(plot: PlotDef, data: XYData): string {
  const groups = groupLines(data);
  let axis: string;
  let at: (points: XYPoint[]) => number[];
  if (data.xType === 'quantitative') {
    const xs = [...new Set(data.points.filter((p) => p.y !== null).map((p) => p.x as number))].sort((a, b) => a - b);
    // xychart spreads a line's values evenly over a numeric axis. Evenly spaced x (epochs) and
    // many x (an even grid, interpolated) use one; a few uneven x become one category each, exact.
    const uneven = xs.length <= MAX_POINTS && !evenlySpaced(xs);
    const grid = xs.length <= MAX_POINTS ? xs : evenGrid(xs[0], xs.at(-1)!, MAX_POINTS);
    axis = uneven ? categoriesAxis(data.xTitle, grid.map(plain)) : `x-axis ${quote(data.xTitle)} ${plain(grid[0])} --> ${plain(grid.at(-1)!)}`;
    at = (points) => interpolate(points, grid);
  } else {
    const all = [...new Set(data.points.map((p) => String(p.x)))];
    if (data.xType === 'temporal') all.sort();
    const labels = sample(all, MAX_POINTS);
    axis = categoriesAxis(data.xTitle, labels);
    at = (points) => atLabels(points, labels);
  }
  const lines: Line[] = groups.map(({ series, rev, points }) => ({ ...lineStyle(data, series, rev), values: at(points), kind: 'line' }));
  return mermaidChart(
    plot.title,
    axis,
    data.yTitle,
    lines.filter((l) => l.values.length > 0),
    'Lines',
  );
}

function barChart(plot: PlotDef, data: XYData, categories: string[]): string {
  const [base, head] = data.revs.length > 1 ? data.revs : [undefined, data.revs[0]];
  const valueOf = (rev: string) => {
    const by = new Map(data.points.filter((p) => p.rev === rev).map((p) => [String(p.x), p.y ?? 0]));
    return categories.map((c) => by.get(c) ?? 0);
  };
  // xychart draws bar series on top of each other: head is the bars, base a line across them.
  const lines: Line[] = [{ name: head, color: HEAD_COLOR, colorName: 'blue bars', values: valueOf(head), kind: 'bar' }];
  if (base !== undefined) lines.push({ name: base, color: BASE_COLOR, colorName: 'orange line', values: valueOf(base), kind: 'line' });
  // Bars are read by their length: the value axis starts at zero (mermaid starts at the minimum).
  const all = lines.flatMap((l) => l.values);
  const range = `${plain(Math.min(0, ...all))} --> ${plain(Math.max(0, ...all))}`;
  return mermaidChart(plot.title, categoriesAxis(data.xTitle, categories), data.yTitle, lines, 'Shown', range);
}

function mermaidChart(title: string, xAxis: string, yTitle: string, lines: Line[], legendWord: string, yRange?: string): string {
  const init = {
    themeVariables: { xyChart: { plotColorPalette: lines.map((l) => l.color).join(', ') } },
    xyChart: { showLegend: true },
  };
  const body = [
    `%%{init: ${JSON.stringify(init)}}%%`,
    'xychart-beta',
    `  title ${quote(title)}`,
    `  ${xAxis}`,
    `  y-axis ${quote(yTitle)}${yRange ? ` ${yRange}` : ''}`,
    ...lines.map((l) => `  ${l.kind} ${quote(l.name)} [${l.values.map(plain).join(', ')}]`),
  ];
  // Older mermaid (as on some GitHub Enterprise hosts) draws no legend: the colours in words.
  const legend = lines.map((l) => `${escapeText(l.name)}: ${l.colorName}`).join(' · ');
  return ['```mermaid', ...body, '```', `<sub>${legendWord}: ${legend}</sub>`].join('\n');
}

function categoriesAxis(title: string, labels: string[]): string {
  return `x-axis ${quote(title)} [${labels.map(quote).join(', ')}]`;
}

/**
 * Text inside a quoted mermaid string: it cannot hold `"` nor span lines, and a backtick could
 * close the fence around the chart; `<`/`>` would reach mermaid's HTML labels.
 */
function quote(s: string): string {
  const clean = s
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ')
    .replace(/["`]/g, "'")
    .replace(/</g, '‹')
    .replace(/>/g, '›')
    .replace(/[{}]/g, (c) => (c === '{' ? '(' : ')'))
    .trim();
  return `"${clean.length > 80 ? clean.slice(0, 79) + '…' : clean}"`;
}

/** A number as mermaid's grammar takes it: no exponent, five significant digits. */
function plain(v: number): string {
  if (!Number.isFinite(v)) return '0';
  return v.toLocaleString('en', { useGrouping: false, maximumSignificantDigits: 5 });
}

function groupLines(data: XYData): { series: string; rev: string; points: XYPoint[] }[] {
  const groups: { series: string; rev: string; points: XYPoint[] }[] = [];
  for (const series of data.series) {
    for (const rev of data.revs) {
      const points = data.points.filter((p) => p.series === series && p.rev === rev && p.y !== null);
      if (points.length > 0) groups.push({ series, rev, points });
    }
  }
  return groups;
}

function evenlySpaced(xs: number[]): boolean {
  if (xs.length < 3) return xs.length === 2;
  const step = (xs.at(-1)! - xs[0]) / (xs.length - 1);
  return xs.every((x, i) => Math.abs(x - (xs[0] + i * step)) <= 1e-6 * Math.max(1, Math.abs(step)));
}

function evenGrid(min: number, max: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => min + ((max - min) * i) / (n - 1));
}

/**
 * The line's values on the grid. xychart has no gaps: past the line's last x it simply ends (its
 * points sit on the first grid positions, which is right); before its first x it holds its first value.
 */
function interpolate(points: XYPoint[], grid: number[]): number[] {
  const sorted = points.map((p) => [p.x as number, p.y as number] as const).sort((a, b) => a[0] - b[0]);
  const last = sorted.at(-1)![0];
  const out: number[] = [];
  let j = 0;
  for (const g of grid) {
    if (g > last + 1e-9 * Math.max(1, Math.abs(last))) break;
    while (j < sorted.length - 1 && sorted[j + 1][0] <= g) j++;
    const [x0, y0] = sorted[j];
    if (g <= x0 || j === sorted.length - 1) {
      out.push(y0);
      continue;
    }
    const [x1, y1] = sorted[j + 1];
    out.push(y0 + ((y1 - y0) * (g - x0)) / (x1 - x0));
  }
  return out;
}

function atLabels(points: XYPoint[], labels: string[]): number[] {
  const by = new Map(points.map((p) => [String(p.x), p.y as number]));
  let lastIndex = -1;
  labels.forEach((l, i) => {
    if (by.has(l)) lastIndex = i;
  });
  const out: number[] = [];
  let previous = points[0].y as number;
  for (let i = 0; i <= lastIndex; i++) {
    previous = by.get(labels[i]) ?? previous;
    out.push(previous);
  }
  return out;
}

function sample<T>(items: T[], n: number): T[] {
  if (items.length <= n) return items;
  return Array.from({ length: n }, (_, i) => items[Math.round((i * (items.length - 1)) / (n - 1))]);
}

function lighten(hex: string): string {
  const mix = (i: number) =>
    Math.round(parseInt(hex.slice(i, i + 2), 16) * 0.5 + 255 * 0.5)
      .toString(16)
      .padStart(2, '0');
  return `#${mix(1)}${mix(3)}${mix(5)}`;
}

function heading(plot: PlotDef): string {
  return `**${escapeText(plot.title)}**`;
}

function number(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  return v.toLocaleString('en', { useGrouping: false, maximumSignificantDigits: 4 });
}

function barTable(plot: PlotDef, data: XYData, categories: string[]): string {
  const columns = data.series.flatMap((s) => data.revs.map((r) => ({ s, r })));
  const value = new Map(data.points.map((p) => [`${p.series}\u0000${p.rev}\u0000${String(p.x)}`, p.y]));
  const headers = [escapeCell(data.xTitle), ...columns.map(({ s, r }) => escapeCell(data.series.length > 1 ? `${s} (${r})` : r))];
  const rows = categories.slice(0, MAX_ROWS).map((c) => [escapeCell(c), ...columns.map(({ s, r }) => number(value.get(`${s}\u0000${r}\u0000${c}`)))]);
  const more = categories.length > MAX_ROWS ? `\n\n_${MAX_ROWS} of ${categories.length} ${escapeText(data.xTitle)} values shown._` : '';
  return `${heading(plot)}\n\n${table(headers, rows, ['l', ...columns.map(() => 'r' as const)])}${more}`;
}

function scatterTable(plot: PlotDef, data: XYData): string {
  const rows: string[][] = [];
  for (const { series, rev, points } of groupLines(data)) {
    const ys = points.map((p) => p.y as number);
    const numericX = data.xType === 'quantitative';
    const xs = points.map((p) => p.x as number);
    rows.push([
      escapeCell(series),
      escapeCell(rev),
      String(points.length),
      numericX ? `${number(least(xs))} – ${number(most(xs))}` : `${new Set(points.map((p) => p.x)).size} labels`,
      `${number(least(ys))} – ${number(most(ys))}`,
      number(ys.reduce((a, b) => a + b, 0) / ys.length),
      numericX ? number(pearson(xs, ys)) : '–',
    ]);
  }
  const headers = [
    'series',
    'revision',
    'points',
    `${escapeCell(data.xTitle)} range`,
    `${escapeCell(data.yTitle)} range`,
    `mean ${escapeCell(data.yTitle)}`,
    'correlation r',
  ];
  return `${heading(plot)} (scatter plot, summarised)\n\n${table(headers, rows, ['l', 'l', 'r', 'r', 'r', 'r', 'r'])}`;
}

function pearson(xs: number[], ys: number[]): number | null {
  const n = xs.length;
  if (n < 2) return null;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
    syy += (ys[i] - my) ** 2;
  }
  return sxx === 0 || syy === 0 ? null : sxy / Math.sqrt(sxx * syy);
}

function confusionTable(plot: PlotDef, data: ConfusionData): string {
  const [base, head] = data.revs.length > 1 ? data.revs : [undefined, data.revs[0]];
  const cell = new Map(data.cells.map((c) => [`${c.rev}\u0000${c.actual}\u0000${c.predicted}`, c]));
  const get = (rev: string, a: string, p: string) => cell.get(`${rev}\u0000${a}\u0000${p}`)!;
  const show = (v: number) => (data.normalized ? v.toFixed(2) : String(v));
  const valueOf = (c: { count: number; share: number }) => (data.normalized ? c.share : c.count);
  const change = (h: number, b: number | undefined) => {
    if (b === undefined) return '';
    const d = h - b;
    if (Math.abs(d) < (data.normalized ? 0.005 : 0.5)) return '';
    return ` (${d > 0 ? '+' : '−'}${show(Math.abs(d))})`;
  };
  const against = base === undefined ? '' : ` Changes against ${escapeText(base)} in brackets.`;
  if (data.labels.length <= MAX_MATRIX) {
    const headers = ['actual \\\\ predicted', ...data.labels.map(escapeCell)];
    const rows = data.labels.map((a) => [
      `**${escapeCell(a)}**`,
      ...data.labels.map((p) => {
        const h = valueOf(get(head, a, p));
        const text = show(h) + change(h, base === undefined ? undefined : valueOf(get(base, a, p)));
        return a === p ? `**${text}**` : text;
      }),
    ]);
    const what = data.normalized ? 'share of each actual class' : 'counts';
    return `${heading(plot)} (confusion matrix, ${what}, ${escapeText(head)}).${against}\n\n${table(headers, rows, ['l', ...data.labels.map(() => 'r' as const)])}`;
  }
  // Too many classes for a readable grid: per class, how many there were and how many were right.
  const perClass = (rev: string, a: string) => {
    const row = data.labels.map((p) => get(rev, a, p).count);
    const support = row.reduce((x, y) => x + y, 0);
    const right = get(rev, a, a).count;
    return { support, recall: support === 0 ? 0 : right / support };
  };
  const rows = data.labels.slice(0, MAX_ROWS).map((a) => {
    const h = perClass(head, a);
    const b = base === undefined ? undefined : perClass(base, a);
    return [escapeCell(a), String(h.support), number(h.recall) + (b ? ` (${h.recall >= b.recall ? '+' : '−'}${number(Math.abs(h.recall - b.recall))})` : '')];
  });
  const more = data.labels.length > MAX_ROWS ? `\n\n_${MAX_ROWS} of ${data.labels.length} classes shown._` : '';
  return `${heading(plot)} (confusion matrix of ${data.labels.length} classes, per class, ${escapeText(head)}).${against}\n\n${table(['class', 'support', 'recall'], rows, ['l', 'r', 'r'])}${more}`;
}

// Math.min(...xs) passes every value as an argument: past about 100,000 it overflows the stack.
const least = (xs: number[]) => xs.reduce((a, b) => (b < a ? b : a), Infinity);
const most = (xs: number[]) => xs.reduce((a, b) => (b > a ? b : a), -Infinity);
