import { posix } from 'node:path';
import { UserError, type Place } from '../errors.js';
import type { PlotDef, PlotSource, Template } from './config.js';

/**
 * DVC's plot definitions (dvc.yaml's `plots`, a stage's plots outputs, what dvclive writes) as the
 * charts here draw them, with DVC's meaning of each setting (dvc/render/converter/vega.py and
 * dvc-render's templates):
 *
 * - x not given is `step`, the record's index (0, 1, ...), even when the data has a `step` field;
 *   y not given is the last field of the first record.
 * - `confusion` and `confusion_normalized` count (x, y) pairs: x is the actual class, y the
 *   predicted one (dvclive writes `x: actual, y: predicted`); normalised per actual class.
 * - `bar_horizontal` and `bar_horizontal_sorted`: x is the value, y the category (one bar per
 *   category and revision); sorted puts the largest value first.
 * - `simple` and `linear` are both a line; `scatter_jitter` is a scatter.
 * - axis titles are `x_label`/`y_label`, else the field names (`step` for the index).
 */
export const DVC_TEMPLATES: Readonly<Record<string, { template: Template; sorted?: true }>> = {
  linear: { template: 'linear' },
  simple: { template: 'linear' },
  scatter: { template: 'scatter' },
  scatter_jitter: { template: 'scatter' },
  smooth: { template: 'smooth' },
  confusion: { template: 'confusion' },
  confusion_normalized: { template: 'confusion-normalized' },
  bar_horizontal: { template: 'bar-horizontal' },
  bar_horizontal_sorted: { template: 'bar-horizontal', sorted: true },
};

/** A plot's settings as dvc.yaml writes them. */
export interface DvcPlotProps {
  template?: string;
  x?: string | Record<string, string>;
  y?: string | string[] | Record<string, string | string[]>;
  title?: string;
  x_label?: string;
  y_label?: string;
}

/** Where a setting is written (`at('y')`), or the plot itself (`at()`), for errors about it. */
export type PlacePlot = (key?: 'template' | 'x' | 'y') => Place;

/**
 * The plot of one data file (a path under `plots:`, each file of a plots folder, a stage's plots
 * output): `x` and `y` are fields of that file.
 */
export function dvcFilePlot(id: string, data: string, props: DvcPlotProps, at: PlacePlot, title = data): PlotDef {
  if (typeof props.x === 'object' || (typeof props.y === 'object' && !Array.isArray(props.y))) {
    throw new UserError(`plot "${title}": x and y as {file: field} name their files themselves; give the plot a name instead of a path`, at('x'));
  }
  const y = props.y === undefined ? [] : [props.y].flat();
  return define(id, title, props, at, [{ data, x: props.x, y, label: data }]);
}

/**
 * A named plot (`- name: {y: {file: field}}`): its series come from the files `y` names, and x
 * from `x` (one field for every file, or `{file: field}` per file). `resolve` turns a file as
 * written into a path relative to the workspace (DVC reads them relative to the dvc.yaml). A
 * confusion matrix of several files (DVC draws one row of matrices per file) is one plot per file,
 * titled `name: file`.
 */
export function dvcNamedPlot(
  id: (name: string) => string,
  name: string,
  props: DvcPlotProps & { y: Record<string, string | string[]> },
  at: PlacePlot,
  resolve: (file: string, key: 'x' | 'y') => string,
): PlotDef[] {
  const template = DVC_TEMPLATES[props.template ?? 'linear']?.template;
  const files = Object.keys(props.y);
  if ((template === 'confusion' || template === 'confusion-normalized') && files.length > 1) {
    return files.map((f) => {
      const title = `${props.title ?? name}: ${f}`;
      return namedPlot(id(`${name}-${posix.basename(f)}`), name, { ...props, title, y: { [f]: props.y[f] } }, at, resolve);
    });
  }
  return [namedPlot(id(name), name, props, at, resolve)];
}

function namedPlot(
  id: string,
  name: string,
  props: DvcPlotProps & { y: Record<string, string | string[]> },
  at: PlacePlot,
  resolve: (file: string, key: 'x' | 'y') => string,
): PlotDef {
  const xs = typeof props.x === 'object' ? Object.entries(props.x).map(([f, field]) => [resolve(f, 'x'), field] as const) : [];
  const ys = Object.entries(props.y).map(([f, fields]) => ({ data: resolve(f, 'y'), written: f, y: [fields].flat() }));
  if (ys.length === 0) throw new UserError(`plot "${name}": \`y\` names no file`, at('y'));
  const sources = ys.map(({ data, written, y }): PlotSource => {
    let x = typeof props.x === 'string' ? props.x : undefined;
    if (xs.length > 0) {
      const own = xs.find(([f]) => f === data);
      // DVC joins x from another file by record index; with one x for all, or one per file, each file's own.
      if (!own) {
        throw new UserError(
          `plot "${name}": x names no field of ${written}; give x as {${written}: field} (x read from another file than y's is not supported)`,
          at('x'),
        );
      }
      x = own[1];
    }
    return { data, x, y, label: data };
  });
  // The legend names files without their common folder, as DVC does.
  const common = commonFolder(sources.map((s) => s.data));
  for (const s of sources) s.label = s.data.slice(common.length).replace(/^\/+/, '') || s.data;
  return define(id, name, props, at, sources);
}

function define(id: string, title: string, props: DvcPlotProps, at: PlacePlot, given: PlotSource[]): PlotDef {
  const name = props.template ?? 'linear';
  const known = DVC_TEMPLATES[name];
  if (!known) {
    throw new UserError(
      `plot "${title}": template "${name}" is not one of DVC's templates (${Object.keys(DVC_TEMPLATES).join(', ')}); custom template files are not read`,
      at('template'),
    );
  }
  const { template } = known;
  const confusion = template === 'confusion' || template === 'confusion-normalized';
  if (confusion && given.length > 1) throw new UserError(`plot "${title}": a confusion matrix is drawn from one data file`, at('y'));
  const sources = given.map((s) => axes(template, s, title, at));
  const first = sources[0];
  const plot: PlotDef = {
    id,
    title: props.title ?? title,
    template,
    data: first.data,
    y: first.y,
    actual: 'actual',
    predicted: 'predicted',
    place: at(),
  };
  if (first.x !== undefined) plot.x = first.x;
  if (sources.length > 1) plot.sources = sources;
  if (known.sorted) plot.sorted = true;
  if (confusion) {
    // Here the matrix has the actual class in rows and the predicted one in columns; each axis
    // keeps the title DVC gives it.
    const s = given[0];
    const ys = s.y;
    if (ys.length > 1) throw new UserError(`plot "${title}": a confusion matrix takes one y field (the predicted class)`, at('y'));
    plot.actual = s.x ?? 'actual';
    plot.predicted = ys[0] ?? 'predicted';
    plot.yLabel = props.x_label ?? plot.actual;
    plot.xLabel = props.y_label ?? plot.predicted;
    plot.y = [];
    delete plot.x;
    return plot;
  }
  if (template === 'bar-horizontal') {
    // Bars: the category axis is DVC's y, the value DVC's x.
    if (props.y_label !== undefined) plot.xLabel = props.y_label;
    if (props.x_label !== undefined) plot.yLabel = props.x_label;
    return plot;
  }
  if (first.x === undefined) plot.xIndex = true;
  if (first.y.length === 0) plot.yLast = true;
  if (props.x_label !== undefined) plot.xLabel = props.x_label;
  if (props.y_label !== undefined) plot.yLabel = props.y_label;
  return plot;
}

/** One file's x and y in the roles the chart gives them. */
function axes(template: Template, s: PlotSource, title: string, at: PlacePlot): PlotSource {
  if (template !== 'bar-horizontal') return s;
  if (s.x === undefined || s.y.length !== 1) {
    throw new UserError(
      `plot "${title}": ${template.replace('-', '_')} needs x (the value field) and one y (the category field)`,
      at(s.x === undefined ? 'x' : 'y'),
    );
  }
  return { ...s, x: s.y[0], y: [s.x] };
}

function commonFolder(paths: string[]): string {
  if (paths.length < 2) return '';
  const split = paths.map((p) => posix.dirname(p).split('/'));
  const out: string[] = [];
  for (let i = 0; split.every((s) => i < s.length && s[i] === split[0][i]); i++) out.push(split[0][i]);
  return out.join('/').replace(/^\.$/, '');
}

/** `dvclive/plots/metrics/train/loss.tsv` → `dvclive-plots-metrics-train-loss`: an id that is also a file name. */
export function plotId(path: string, taken: Set<string>): string {
  const base =
    path
      .replace(/\.[^./]*$/, '')
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^[.-]+/, '')
      .slice(0, 90) || 'plot';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}
