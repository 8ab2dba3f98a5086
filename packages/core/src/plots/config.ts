import { posix } from 'node:path';
import { UserError, type Place } from '../errors.js';
import { parseYamlWithSchema, type SchemaViolation, type YamlPath } from '../files/yaml-schema.js';
import { ALIASES, PLOT_JSON_SCHEMA, TEMPLATES, type Template } from './config-schema.js';
import { validate as validateConfig } from './config-schema.validate.js';

/**
 * `.mlci/plots.yml`: which charts of base against head a pull request gets.
 *
 *   plots:
 *     - id: loss                     # optional: the data file's name; letters, digits, . _ -
 *       title: Validation loss       # optional: the id
 *       template: linear             # linear | smooth | scatter | bar | bar-horizontal |
 *                                    # confusion | confusion-normalized (DVC's underscore
 *                                    # spellings are accepted too)
 *       data: logs/loss.json         # JSON, CSV or TSV, relative to the workspace
 *       select: train.loss           # optional: where the records are inside a JSON object
 *       x: epoch                     # linear/smooth: optional (the `step` field, else the
 *                                    # record's position); scatter: required; bar: the category
 *       y: loss                      # a field or a list of fields (one series each); optional:
 *                                    # every numeric field but x
 *       x-label: epoch               # optional axis titles (default: the field names)
 *       y-label: loss
 *     - template: confusion
 *       data: eval/predictions.csv
 *       actual: label                # default "actual"
 *       predicted: prediction        # default "predicted"
 *
 * Data files hold records: a JSON array of objects, a JSON object holding one such array (found
 * alone or named by `select`), a JSON object of equal-length columns (`{"fpr": [...], "tpr":
 * [...]}`, as scikit-learn's arrays are often dumped), or a CSV/TSV table with a header. A
 * confusion plot also takes a ready matrix: `{"labels": ["cat", "dog"], "matrix": [[5, 1], [2,
 * 7]]}`, rows the actual class and columns the predicted one (scikit-learn's confusion_matrix).
 * ROC and precision-recall curves are linear plots over fpr/tpr and recall/precision.
 */
export { TEMPLATES, type Template };

export interface PlotDef {
  id: string;
  title: string;
  template: Template;
  /** The data file, relative to the workspace, with `/` separators. */
  data: string;
  select?: string;
  x?: string;
  /** Empty: every numeric field but x. */
  y: string[];
  xLabel?: string;
  yLabel?: string;
  actual: string;
  predicted: string;
  /** Where the plot is defined in the config file, for annotations about it. */
  place: Place;
  /** x is the record's position, even when the data has a `step` field (DVC's `step` index when x is not given). */
  xIndex?: boolean;
  /** y not given: the last field of the first record (DVC's default), not every numeric field. */
  yLast?: boolean;
  /** Bars in order of the head's value, largest first (DVC's `bar_horizontal_sorted`). */
  sorted?: boolean;
  /**
   * More data files drawn in one chart (a DVC plot with `y: {file: field, other: field}`): each
   * file's fields are series of their own, named by file. `data`, `x` and `y` are the first's.
   */
  sources?: PlotSource[];
}

export interface PlotSource {
  data: string;
  x?: string;
  y: string[];
  /** The file as the legend names it (DVC drops the files' common folder). */
  label: string;
}

export interface PlotsConfig {
  file: string;
  plots: PlotDef[];
}

const KEYS = Object.keys(PLOT_JSON_SCHEMA.properties).join(', ');

type RawPlot = {
  id?: string;
  title?: string;
  template?: string;
  data: string;
  select?: string;
  x?: string;
  y?: string | string[];
  'x-label'?: string;
  'y-label'?: string;
  actual?: string;
  predicted?: string;
};

/** Reads a plots file; anything that does not fit the shape above is a UserError at its line. */
export function parsePlotsConfig(text: string, file: string): PlotsConfig {
  const yaml = parseYamlWithSchema(text, file, validateConfig, (v) => `invalid plots config: ${describe(v)}`);
  const at = (path: YamlPath, key = false): Place => yaml.placeOf(path, key);
  const value = yaml.value;
  const raw = ((value as { plots?: RawPlot[] | null }).plots ?? []) as RawPlot[];
  const ids = new Set<string>();
  const plots = raw.map((p, i): PlotDef => {
    const place = at(['plots', i]);
    const template = ALIASES[p.template ?? ''] ?? ((p.template ?? 'linear') as Template);
    const id = p.id ?? uniqueId(defaultId(p.data), ids);
    if (ids.has(id)) throw new UserError(`invalid plots config: two plots have the id "${id}"`, at(['plots', i, 'id']));
    ids.add(id);
    if (template === 'scatter' && p.x === undefined) {
      throw new UserError('invalid plots config: a scatter plot needs `x`', place);
    }
    if ((template === 'bar' || template === 'bar-horizontal') && p.x === undefined) {
      throw new UserError('invalid plots config: a bar plot needs `x` (the field holding the categories)', place);
    }
    const data = posix.normalize(p.data.replace(/\\/g, '/'));
    if (posix.isAbsolute(data) || /^[A-Za-z]:/.test(data) || data === '..' || data.startsWith('../')) {
      throw new UserError('invalid plots config: `data` must be a path inside the workspace', at(['plots', i, 'data']));
    }
    const plot: PlotDef = {
      id,
      title: p.title ?? id,
      template,
      data,
      y: p.y === undefined ? [] : Array.isArray(p.y) ? [...new Set(p.y)] : [p.y],
      actual: p.actual ?? 'actual',
      predicted: p.predicted ?? 'predicted',
      place,
    };
    if (p.select !== undefined) plot.select = p.select;
    if (p.x !== undefined) plot.x = p.x;
    if (p['x-label'] !== undefined) plot.xLabel = p['x-label'];
    if (p['y-label'] !== undefined) plot.yLabel = p['y-label'];
    return plot;
  });
  return { file, plots };
}

/** `logs/val loss.json` → `val_loss`: file names make ids that are also safe file names. */
function defaultId(data: string): string {
  const base = posix.basename(data.replace(/\\/g, '/')).replace(/\.[^.]*$/, '');
  const id = base
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._]+/, '')
    .slice(0, 90);
  return id || 'plot';
}

function uniqueId(id: string, taken: Set<string>): string {
  if (!taken.has(id)) return id;
  for (let n = 2; ; n++) if (!taken.has(`${id}-${n}`)) return `${id}-${n}`;
}

function describe(v: SchemaViolation): string {
  const { path, keyword } = v;
  const named = (p: YamlPath) =>
    p.length === 0
      ? 'the top level'
      : p
          .map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`))
          .join('')
          .slice(1);
  const name = named(path);
  const isPlot = path.length === 2;
  if (keyword === 'additionalProperties') {
    const parent = path.slice(0, -1);
    const allowed = parent.length === 2 ? KEYS : 'plots';
    return `unknown setting "${String(path.at(-1))}" in ${named(parent)} (allowed: ${allowed})`;
  }
  if (keyword === 'required') return `${name} needs \`${String(v.params.missingProperty)}\` (the data file)`;
  if (keyword === 'enum') return `${name} must be one of ${TEMPLATES.join(', ')}`;
  if (path.at(-1) === 'id' && keyword === 'pattern') return `${name} may hold only letters, digits, ".", "_" and "-" (it names files)`;
  if (path.at(-1) === 'y' || path.at(-2) === 'y') return `${name} must be a field name or a list of field names`;
  if (isPlot && keyword === 'type') return `${name} must be a mapping of settings, e.g. { data: logs/loss.json }`;
  if (path.length === 1 && keyword === 'type') return '`plots` must be a list of plots (each item starting with "- ")';
  return `${name} ${v.message}`;
}
