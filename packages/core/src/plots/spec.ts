import type { PlotDef } from './config.js';
import type { ConfusionData, PlotData, XYData } from './data.js';

/**
 * vega-lite specs for each template, base and head overlaid. The specs are self-contained (the data
 * inline) so that the `.vl.json` in the report bundle opens as is in the vega editor.
 *
 * Colours: with one series, base is orange and dashed, head blue and solid (readable in grey too);
 * with several, the colour is the series and the dash (or shape, or shade) the revision.
 */
export type VegaLiteSpec = Record<string, unknown>;

/** The font the PNG is drawn with (resvg gets the TTF); the SVG names fallbacks for other viewers. */
export const FONT = 'DejaVu Sans';
const CSS_FONT = `${FONT}, Verdana, Geneva, sans-serif`;
export const HEAD_COLOR = '#1f77b4';
export const BASE_COLOR = '#ff7f0e';
/** Strong colours only: vega's default palette has a pale yellow and grey that vanish on white. */
export const SERIES_COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b', '#e377c2', '#17becf', '#7f7f7f', '#bcbd22'];

const WIDTH = 560;
const HEIGHT = 280;

export function buildPlotSpec(plot: PlotDef, data: PlotData): VegaLiteSpec {
  const body = data.kind === 'confusion' ? confusionSpec(plot, data) : xySpec(plot, data);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: plot.title, anchor: 'start', fontSize: 15, offset: 12 },
    ...body,
    config: {
      // No per-point aria labels: they double a scatter's SVG; the report's alt text describes the chart.
      aria: false,
      font: CSS_FONT,
      background: 'white',
      padding: 12,
      axis: {
        labelFontSize: 11,
        titleFontSize: 12,
        titleFontWeight: 'normal',
        gridColor: '#e8e8e8',
        domainColor: '#888',
        tickColor: '#888',
        labelColor: '#333',
        titleColor: '#333',
      },
      legend: { labelFontSize: 12, titleFontSize: 12, orient: 'bottom', direction: 'horizontal', symbolStrokeWidth: 2.5, columnPadding: 16 },
      header: { labelFontSize: 13, titleFontSize: 13 },
      view: { stroke: '#ddd' },
    },
  };
}

/** Legend entries of curves are short strokes (long enough to show a dash), not dots. */
const LINE_LEGEND = { title: null, symbolType: 'stroke', symbolSize: 500, symbolStrokeWidth: 2.5 };

function colorOf(series: string[], revs: string[], lines = false) {
  const many = series.length > 1;
  const legend = lines ? LINE_LEGEND : { title: null };
  return many
    ? { field: 'series', type: 'nominal', scale: { domain: series, range: palette(series.length) }, legend }
    : {
        field: 'rev',
        type: 'nominal',
        scale: { domain: revs, range: revs.length > 1 ? [BASE_COLOR, HEAD_COLOR] : [HEAD_COLOR] },
        legend: revs.length > 1 ? legend : null,
      };
}

/** Whether labels side by side on an axis of `width` pixels would collide (≈7 px a character). */
function crowded(labels: string[], width: number): boolean {
  const longest = Math.max(0, ...labels.map((l) => l.length));
  return (longest * 7 + 8) * labels.length > width;
}

function palette(n: number): string[] {
  return Array.from({ length: n }, (_, i) => SERIES_COLORS[i % SERIES_COLORS.length]);
}

function xySpec(plot: PlotDef, data: XYData): VegaLiteSpec {
  const values = data.points.map((p, i) => ({ ...p, i }));
  const many = data.series.length > 1;
  const twoRevs = data.revs.length > 1;
  const ordinalX = data.xType === 'ordinal';
  // Labels keep the order they have in the file (epochs named "e1", "e2", ..., classes as listed).
  const xDomain = ordinalX ? [...new Set(data.points.map((p) => String(p.x)))] : undefined;
  const x = {
    field: 'x',
    type: data.xType,
    title: data.xTitle,
    ...(xDomain ? { sort: xDomain, axis: { labelLimit: 120, labelOverlap: true } } : { scale: { zero: false, nice: false } }),
  };
  const y = { field: 'y', type: 'quantitative', title: data.yTitle, scale: { zero: false } };
  const color = colorOf(data.series, data.revs, plot.template !== 'scatter');
  // With one series, colour and dash both follow the revision and vega-lite merges the two legends.
  const revDash = {
    field: 'rev',
    type: 'nominal',
    scale: {
      domain: data.revs,
      range: twoRevs
        ? [
            [6, 4],
            [1, 0],
          ]
        : [[1, 0]],
    },
    legend: twoRevs ? (many ? { ...LINE_LEGEND, encode: { symbols: { update: { stroke: { value: '#444' } } } } } : LINE_LEGEND) : null,
  };
  const size = { width: WIDTH, height: HEIGHT, data: { values } };

  // Smoothing needs numbers on x: anything else is drawn as a plain curve.
  if (plot.template === 'smooth' && data.xType === 'quantitative') {
    const line = { x, y, color, strokeDash: revDash, order: { field: 'i' } };
    return {
      ...size,
      layer: [
        // The same legends in both layers (vega-lite drops a legend one layer hides); the legend
        // draws its symbols like the first layer, so the smoothed curve comes first.
        {
          transform: [{ loess: 'y', on: 'x', groupby: ['series', 'rev'], bandwidth: 0.3 }],
          mark: { type: 'line', strokeWidth: 2.5 },
          encoding: { x, y, color, strokeDash: revDash },
        },
        { mark: { type: 'line', strokeWidth: 1, opacity: 0.3 }, encoding: line },
      ],
    };
  }

  switch (plot.template) {
    case 'scatter':
      return {
        ...size,
        mark: { type: 'point', filled: true, size: 36, opacity: 0.7 },
        encoding: {
          x,
          y,
          color,
          ...(many && twoRevs
            ? { shape: { field: 'rev', type: 'nominal', scale: { domain: data.revs, range: ['triangle-up', 'circle'] }, legend: { title: null } } }
            : {}),
        },
      };
    case 'bar':
    case 'bar-horizontal':
      return barSpec(plot, data, values);
    default: {
      const fewPoints = values.length / Math.max(1, data.series.length * data.revs.length) <= 40;
      return {
        ...size,
        mark: { type: 'line', strokeWidth: 2, point: fewPoints ? { filled: true, size: 30 } : false },
        encoding: { x, y, color, strokeDash: revDash, order: { field: 'i' } },
      };
    }
  }
}

function barSpec(plot: PlotDef, data: XYData, values: Record<string, unknown>[]): VegaLiteSpec {
  const horizontal = plot.template === 'bar-horizontal';
  const many = data.series.length > 1;
  const twoRevs = data.revs.length > 1;
  const categories = [...new Set(data.points.map((p) => String(p.x)))];
  if (plot.sorted) {
    // Largest first, by the head's value (DVC's bar_horizontal_sorted sorts by x, its value axis).
    const head = data.revs.at(-1);
    const value = new Map<string, number>();
    for (const p of data.points) if (p.rev === head && p.y !== null) value.set(String(p.x), Math.max(value.get(String(p.x)) ?? p.y, p.y));
    const of = (c: string) => value.get(c) ?? -Number.MAX_VALUE;
    categories.sort((a, b) => of(b) - of(a));
  }
  // Bars of one category stand side by side: one per revision, or per (series, revision).
  const groups = many ? data.series.flatMap((s) => data.revs.map((r) => `${s} · ${r}`)) : data.revs;
  const rows = values.map((v) => ({ ...v, group: many ? `${String(v.series)} · ${String(v.rev)}` : v.rev }));
  const band = {
    field: 'x',
    type: 'nominal',
    sort: categories,
    title: data.xTitle,
    axis: { labelLimit: 160, ...(horizontal ? {} : { labelAngle: crowded(categories, WIDTH) ? -40 : 0 }) },
  };
  const value = { field: 'y', type: 'quantitative', title: data.yTitle };
  const offset = { field: 'group', type: 'nominal', sort: groups, scale: { domain: groups, paddingInner: 0.05 } };
  // With an offset channel, vega-lite's `step` is the width of one bar, not of a category.
  const bars = categories.length * groups.length;
  const step = { step: Math.max(8, Math.min(24, Math.floor(360 / Math.max(1, bars)))) };
  return {
    ...(horizontal ? { width: WIDTH - 100, height: step } : { width: bars > 40 ? step : WIDTH, height: HEIGHT }),
    data: { values: rows },
    mark: { type: 'bar' },
    encoding: {
      [horizontal ? 'y' : 'x']: band,
      [horizontal ? 'x' : 'y']: value,
      [horizontal ? 'yOffset' : 'xOffset']: offset,
      color: colorOf(data.series, data.revs),
      ...(many && twoRevs
        ? { opacity: { field: 'rev', type: 'nominal', sort: data.revs, scale: { domain: data.revs, range: [0.45, 1] }, legend: { title: null } } }
        : {}),
      tooltip: [{ field: 'x', title: data.xTitle }, { field: 'series' }, { field: 'rev' }, { field: 'y', title: data.yTitle }],
    },
  };
}

function confusionSpec(plot: PlotDef, data: ConfusionData): VegaLiteSpec {
  const n = data.labels.length;
  const cell = Math.max(14, Math.min(48, Math.floor(420 / n)));
  const field = data.normalized ? 'share' : 'count';
  const max = Math.max(0, ...data.cells.map((c) => (data.normalized ? c.share : c.count)));
  const values = data.cells.map((c) => {
    const v = data.normalized ? c.share : c.count;
    return { ...c, text: data.normalized ? v.toFixed(2) : String(v), dark: max > 0 && v > max * 0.55 };
  });
  const axis = { labelLimit: 120 };
  const xy = {
    x: {
      field: 'predicted',
      type: 'ordinal',
      sort: data.labels,
      title: plot.xLabel ?? 'predicted',
      axis: { ...axis, labelAngle: crowded(data.labels, cell * n) ? -45 : 0 },
    },
    y: { field: 'actual', type: 'ordinal', sort: data.labels, title: plot.yLabel ?? 'actual', axis },
  };
  const layer = [
    {
      mark: { type: 'rect', stroke: '#fff', strokeWidth: 1 },
      encoding: {
        ...xy,
        color: {
          field,
          type: 'quantitative',
          // From white: an empty cell should look empty.
          scale: { range: ['#f7fbff', '#08519c'], interpolate: 'hcl', domain: [0, data.normalized ? 1 : Math.max(1, max)] },
          legend: { title: data.normalized ? 'share' : 'count', orient: 'right', direction: 'vertical', gradientLength: Math.min(200, cell * n) },
        },
      },
    },
    // Numbers stop fitting in cells of fewer than ~20 pixels: the colour has to speak then.
    ...(cell >= 22
      ? [
          {
            mark: { type: 'text', fontSize: Math.min(13, Math.floor(cell / 2.6)) },
            encoding: {
              ...xy,
              text: { field: 'text' },
              color: { condition: { test: 'datum.dark', value: 'white' }, value: '#222' },
            },
          },
        ]
      : []),
  ];
  const inner = { width: cell * n, height: cell * n, layer };
  if (data.revs.length < 2) return { data: { values }, ...inner };
  return {
    data: { values },
    facet: { column: { field: 'rev', type: 'nominal', sort: data.revs, title: null, header: { labelFontSize: 13, labelFontWeight: 'bold' } } },
    spec: inner,
    resolve: { scale: { color: 'shared' } },
  };
}
