import { readdir, stat } from 'node:fs/promises';
import { posix } from 'node:path';
import { UserError, type Place, type Problem } from '../errors.js';
import { containedPath, defaultBoundary, readContained } from '../files/contained.js';
import { parseYamlWithSchema, type SchemaViolation, type YamlPath } from '../files/yaml-schema.js';
import { validate } from './dvc-yaml-schema.validate.js';
import type { PlotDef, PlotsConfig } from '../plots/config.js';
import { DVC_TEMPLATES, dvcFilePlot, dvcNamedPlot, plotId, type DvcPlotProps } from '../plots/dvc.js';

/**
 * A `dvc.yaml` read as DVC reads it (dvc/schema.py, dvc/repo/plots, dvc/repo/metrics and params),
 * so that `metrics: dvc.yaml` and `plots: dvc.yaml` give what `dvc metrics diff`, `dvc params
 * diff` and `dvc plots diff` show:
 *
 * - top-level `metrics:` and `params:` (lists of files or folders), stages' `metrics:` outputs
 *   (`- path` or `- path: {cache: false}`), stages' `params:` (`- key` is a key of the stage's
 *   `params.yaml`, `- file.yaml: [keys]` a key of that file; the whole file is compared), and the
 *   `params.yaml` beside the dvc.yaml, which DVC always reads;
 * - top-level `plots:` in each of DVC's forms: a path (a file, or a folder whose every data file is
 *   a plot), `{path: {x, y, template, title, x_label, y_label}}`, and a named plot whose `y` (and
 *   `x`) name files: `{name: {y: {file: field}}}`; stages' plots outputs with the same settings.
 *
 * Paths are relative to the dvc.yaml's folder (and a stage's `wdir`), and are untrusted: one that
 * leaves the workspace is a UserError at its line. Paths built from `${...}` templating (`vars`,
 * `foreach`, `matrix`) cannot be resolved without DVC and are skipped with a warning.
 */
export interface DvcYaml {
  /** The dvc.yaml, relative to the workspace. */
  file: string;
  /** Metrics files that exist, relative to the workspace, sorted. */
  metrics: string[];
  params: string[];
  plots: PlotsConfig;
  /** What was left out and why (templated paths, listed files that do not exist, images). */
  problems: Problem[];
}

/** Data files a plots folder contributes (DVC also shows images, which a chart here cannot). */
const DATA = /\.(json|csv|tsv)$/i;
const METRICS = /\.(json|ya?ml|toml)$/i;
const IMAGE = /\.(png|jpe?g|gif|svg|webp)$/i;

type Settings = DvcPlotProps | null;

export async function readDvcYaml(file: string, workspace: string, input: string): Promise<DvcYaml> {
  const boundary = { ...defaultBoundary(), workspace };
  const name = posix.normalize(file.replace(/\\/g, '/'));
  let text: string;
  try {
    text = await readContained(name, { input, boundary }, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new UserError(`input "${input}": file "${file}" does not exist`, { input });
    throw e;
  }
  const yaml = parseYamlWithSchema(text, name, validate, (v) => `invalid dvc.yaml: ${describe(v)}`, { invalid: 'invalid dvc.yaml' });
  const at = (path: YamlPath, key = false): Place => yaml.placeOf(path, key);
  const doc = yaml.value as {
    metrics?: string[] | null;
    params?: string[] | null;
    plots?: Array<string | Record<string, Settings>> | null;
    stages?: Record<string, StageDef> | null;
  };
  const root = posix.dirname(name) === '.' ? '' : posix.dirname(name);
  const problems: Problem[] = [];
  const warn = (message: string, place: Place) => problems.push({ severity: 'warning', title: 'dvc.yaml', message, ...place });

  /** A path as written, relative to `dir`, as a workspace path; undefined (with a warning) when templated. */
  const resolve = (written: string, dir: string, place: Place): string | undefined => {
    if (written.includes('${')) {
      warn(`${written} is built by DVC's templating (\${...}), which mlci does not evaluate: it is left out`, place);
      return undefined;
    }
    const path = posix.normalize(posix.join(dir, written.replace(/\\/g, '/')));
    if (posix.isAbsolute(written) || /^[A-Za-z]:/.test(written) || path === '..' || path.startsWith('../')) {
      throw new UserError(`invalid dvc.yaml: "${written}" is outside the workspace; paths in dvc.yaml are relative to its folder`, place);
    }
    return path === '.' ? '' : path;
  };
  const kind = async (path: string): Promise<'file' | 'dir' | undefined> => {
    try {
      const real = await containedPath(path || '.', { input, boundary });
      const s = await stat(real);
      return s.isDirectory() ? 'dir' : s.isFile() ? 'file' : undefined;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
      throw e;
    }
  };
  /** The files of a path that exist (a folder's, recursively, that match `wanted`), or none with a warning. */
  const filesOf = async (path: string, wanted: RegExp, what: string, place: Place): Promise<string[]> => {
    const k = await kind(path);
    if (k === 'file') return [path];
    if (k === undefined) {
      warn(`${what} ${path} does not exist in the workspace: it is left out`, place);
      return [];
    }
    const real = await containedPath(path, { input, boundary });
    const found: string[] = [];
    for (const entry of (await readdir(real, { recursive: true })).map((f) => f.split('\\').join('/')).sort()) {
      const full = posix.join(path, entry);
      if (!wanted.test(entry) || full.split('/').includes('.git') || (await kind(full)) !== 'file') continue;
      found.push(full);
    }
    return found;
  };

  const metrics = new Set<string>();
  const params = new Set<string>();
  const plots: PlotDef[] = [];
  const ids = new Set<string>();
  const specific = new Map<string, number>();

  const addMetrics = async (written: string, dir: string, path: YamlPath) => {
    const p = resolve(written, dir, at(path));
    if (p !== undefined) for (const f of await filesOf(p, METRICS, 'the metrics file', at(path))) metrics.add(f);
  };
  const addParams = async (written: string, dir: string, path: YamlPath) => {
    const p = resolve(written, dir, at(path));
    if (p !== undefined && (await kind(p)) === 'file') params.add(p);
  };
  /** A path plot: a file, or each data file of a folder, with the same settings. */
  const addPathPlot = async (written: string, dir: string, settings: Settings, path: YamlPath) => {
    // `- path` is placed at the item; `- path: {settings}` at the key.
    const place = at(path, typeof path.at(-1) === 'string');
    const p = resolve(written, dir, place);
    if (p === undefined) return;
    const props = settings ?? {};
    const placeOf = (key?: string) => (key && key in props ? at([...path, key]) : place);
    const all = await filesOf(p, /./, 'the plot', place);
    const files = all.filter((f) => DATA.test(f));
    const images = all.filter((f) => IMAGE.test(f));
    if (images.length > 0) {
      problems.push({
        severity: 'notice',
        title: 'dvc.yaml',
        message: `${images.length === 1 ? images[0] : `${images.length} images under ${p}`}: DVC shows images as they are; the report charts data files only, so ${images.length === 1 ? 'it is' : 'they are'} left out`,
        ...place,
      });
    }
    const k = await kind(p);
    if (k === 'file' && !DATA.test(p) && !IMAGE.test(p)) warn(`the plot ${p} is not a JSON, CSV or TSV file: it is left out`, place);
    if (k === 'dir' && files.length === 0 && images.length === 0) warn(`the plots folder ${p} holds no JSON, CSV or TSV file to chart`, place);
    for (const f of files) {
      // A file met twice (a folder and the file in it) is drawn once, by its most specific
      // definition (the longest path), as DVC does.
      const already = plots.findIndex((q) => q.data === f && q.sources === undefined);
      if (already >= 0 && (specific.get(f) ?? 0) > p.length) continue;
      specific.set(f, p.length);
      const plot = dvcFilePlot(already >= 0 ? plots[already].id : plotId(f, ids), f, props, placeOf, f);
      if (already >= 0) plots[already] = plot;
      else plots.push(plot);
    }
  };

  for (const [i, m] of (doc.metrics ?? []).entries()) await addMetrics(m, root, ['metrics', i]);
  for (const [i, p] of (doc.params ?? []).entries()) await addParams(p, root, ['params', i]);
  for (const [i, entry] of (doc.plots ?? []).entries()) {
    if (typeof entry === 'string') {
      await addPathPlot(entry, root, null, ['plots', i]);
      continue;
    }
    for (const [key, settings] of Object.entries(entry)) {
      const path: YamlPath = ['plots', i, key];
      const y = settings?.y;
      if (y === undefined || typeof y !== 'object' || Array.isArray(y)) {
        await addPathPlot(key, root, settings, path);
        continue;
      }
      const props = settings as DvcPlotProps & { y: Record<string, string | string[]> };
      const skipped = [...Object.keys(y), ...(typeof props.x === 'object' ? Object.keys(props.x) : [])].find((f) => f.includes('${'));
      if (skipped) {
        resolve(skipped, root, at([...path, 'y']));
        continue;
      }
      plots.push(
        ...dvcNamedPlot(
          (n) => plotId(n, ids),
          key,
          props,
          (k) => (k && k in props ? at([...path, k]) : at(path, true)),
          (f, axis) => resolve(f, root, at([...path, axis, f], true)) ?? f,
        ),
      );
    }
  }

  for (const [stageName, raw] of Object.entries(doc.stages ?? {})) {
    const def = raw.do ?? raw;
    const base: YamlPath = raw.do ? ['stages', stageName, 'do'] : ['stages', stageName];
    if (def.wdir?.includes('${')) {
      warn(`stage ${stageName}'s wdir is built by DVC's templating, which mlci does not evaluate: its outputs are left out`, at([...base, 'wdir']));
      continue;
    }
    const wdir = resolve(def.wdir ?? '.', root, at([...base, 'wdir'])) ?? root;
    for (const [i, out] of (def.metrics ?? []).entries()) {
      for (const written of typeof out === 'string' ? [out] : Object.keys(out)) await addMetrics(written, wdir, [...base, 'metrics', i]);
    }
    for (const [i, out] of (def.plots ?? []).entries()) {
      if (typeof out === 'string') {
        await addPathPlot(out, wdir, null, [...base, 'plots', i]);
        continue;
      }
      for (const [written, settings] of Object.entries(out)) {
        await addPathPlot(written, wdir, Array.isArray(settings) ? (settings[0] ?? null) : plotSettings(settings), [...base, 'plots', i, written]);
      }
    }
    for (const [i, p] of (def.params ?? []).entries()) {
      // `- lr` is a key of the stage's params.yaml; `- other.yaml: [keys]` keys of that file.
      for (const written of typeof p === 'string' ? ['params.yaml'] : Object.keys(p)) await addParams(written, wdir, [...base, 'params', i]);
    }
  }
  // DVC reads the params.yaml beside its dvc.yaml whether or not a stage names it.
  await addParams('params.yaml', root, []);

  return { file: name, metrics: [...metrics].sort(), params: [...params].sort(), plots: { file: name, plots }, problems };
}

interface StageDef {
  wdir?: string;
  metrics?: Array<string | Record<string, unknown>> | null;
  plots?: Array<string | Record<string, Settings | Settings[]>> | null;
  params?: Array<string | Record<string, unknown>> | null;
  do?: StageDef;
}

/** A stage's plot output settings, without DVC's output flags (cache, persist, ...). */
function plotSettings(s: Settings): Settings {
  if (!s) return null;
  const { template, x, y, title, x_label, y_label } = s;
  return Object.fromEntries(Object.entries({ template, x, y, title, x_label, y_label }).filter(([, v]) => v !== undefined)) as DvcPlotProps;
}

function describe(v: SchemaViolation): string {
  const name = v.path.length === 0 ? 'the top level' : v.path.map(String).join('.');
  if (v.keyword === 'additionalProperties') {
    return `unknown plot setting "${String(v.path.at(-1))}" in ${v.path.slice(0, -1).map(String).join('.')} (allowed: template, x, y, x_label, y_label, title)`;
  }
  if (v.path[0] === 'plots' && v.path.length === 2) return `${name} must be a path or {path or name: {x, y, template, ...}}`;
  if (v.path.at(-1) === 'template') return `${name} must be a template name (${Object.keys(DVC_TEMPLATES).join(', ')})`;
  if (v.path.length === 1 && v.keyword === 'type')
    return name === 'stages' ? '`stages` must be a mapping of stage names to stages' : `\`${name}\` must be a list of paths`;
  return `${name} ${v.message}`;
}
