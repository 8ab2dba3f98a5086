import { mkdir, writeFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { isUserError, UserError } from '../errors.js';
import type { PlotDef, PlotsConfig } from './config.js';
import { loadPlotData, mergeSources, type PlotData, type XYData } from './data.js';
import { chartFallback } from './fallback.js';
import { prepareRenderer, renderChart, type ChartRenderOptions } from './render.js';
import { buildPlotSpec } from './spec.js';

export type Side = 'head' | 'base';

/**
 * Reads one side of a data file: the workspace for head; the baseline (a git ref, a cache, an
 * artifact) for base. Undefined: the file is not there (normal for base; an error for head).
 */
export type LoadData = (path: string, side: Side) => Promise<string | undefined>;

export interface RenderPlotsOptions extends ChartRenderOptions {
  /** The legend name of the baseline, e.g. `base (main)`. Default `base`. */
  baseLabel?: string;
  /** Default `head`. */
  headLabel?: string;
}

export interface RenderedPlot {
  id: string;
  title: string;
  /** Paths relative to the report directory (`relDir/<id>.png`), with `/` separators. */
  png: string;
  svg: string;
  spec: string;
  /** Markdown for when the PNG cannot be published: a mermaid chart or a table. */
  fallback: string;
  /** Short alt text for the image. */
  alt: string;
  /** Facts for the report (the base could not be read, a series exists on one side only). */
  notes: string[];
  /** True when the chart shows a baseline beside head. */
  hasBase: boolean;
}

/**
 * Draws every plot of a config: writes `<id>.png`, `<id>.svg` and `<id>.vl.json` into `outDir`
 * and returns their paths as `relDir/<file>` (outDir is `<report dir>/<relDir>`), ready for a
 * section's `images`. Plots are drawn one after another: rendering is CPU-bound, and resvg's wasm
 * is single-threaded anyway.
 */
export async function renderPlots(
  config: PlotsConfig,
  loadData: LoadData,
  outDir: string,
  relDir: string,
  options: RenderPlotsOptions = {},
): Promise<RenderedPlot[]> {
  if (config.plots.length === 0) return [];
  void prepareRenderer(options);
  await mkdir(outDir, { recursive: true });
  const out: RenderedPlot[] = [];
  for (const plot of config.plots) {
    const data = await readPlot(plot, loadData, options, config.file);
    const spec = buildPlotSpec(plot, data);
    const { svg, png } = await renderChart(spec, options);
    const files = { png: `${plot.id}.png`, svg: `${plot.id}.svg`, spec: `${plot.id}.vl.json` };
    await writeFile(join(outDir, files.png), png);
    await writeFile(join(outDir, files.svg), svg);
    await writeFile(join(outDir, files.spec), JSON.stringify(spec) + '\n');
    const rel = (f: string) => (relDir ? posix.join(relDir.replace(/\\/g, '/'), f) : f);
    out.push({
      id: plot.id,
      title: plot.title,
      png: rel(files.png),
      svg: rel(files.svg),
      spec: rel(files.spec),
      fallback: chartFallback(plot, data),
      alt: altText(plot, data),
      notes: data.notes,
      hasBase: data.revs.length > 1,
    });
  }
  return out;
}

async function readPlot(plot: PlotDef, loadData: LoadData, options: RenderPlotsOptions, configFile: string): Promise<PlotData> {
  if (!plot.sources || plot.sources.length < 2) return readOne(plot, loadData, options, configFile);
  const parts: Array<{ label: string; data: XYData }> = [];
  for (const s of plot.sources) {
    const one: PlotDef = { ...plot, data: s.data, x: s.x, y: s.y, sources: undefined };
    const data = await readOne(one, loadData, options, configFile);
    if (data.kind !== 'xy') throw new UserError(`plot "${plot.id}": a confusion matrix is drawn from one data file`, { ...plot.place, file: configFile });
    parts.push({ label: s.label, data });
  }
  return mergeSources(plot, parts);
}

async function readOne(plot: PlotDef, loadData: LoadData, options: RenderPlotsOptions, configFile: string): Promise<PlotData> {
  const head = await loadData(plot.data, 'head');
  if (head === undefined) {
    throw new UserError(`plot "${plot.id}": its data file ${plot.data} does not exist`, { ...plot.place, file: configFile });
  }
  let base: string | undefined;
  let baseProblem: string | undefined;
  try {
    base = await loadData(plot.data, 'base');
  } catch (e) {
    // A baseline that cannot be fetched is never an error: the chart shows head alone.
    baseProblem = `The base version of ${plot.data} could not be fetched (${(e as Error).message}): head alone is shown.`;
  }
  let data: PlotData;
  try {
    data = await loadPlotData(plot, { head, base, baseLabel: options.baseLabel, headLabel: options.headLabel });
  } catch (e) {
    // The data file's place stays (it is where the field is missing); the message names the plot
    // and where it is defined, so a field misspelt in the config is found there too.
    if (!isUserError(e) || e.file !== plot.data || plot.place.line === undefined) throw e;
    throw new UserError(`plot "${plot.title}" (${configFile}:${plot.place.line}): ${e.message}`, { file: e.file, line: e.line, column: e.column, cause: e });
  }
  if (baseProblem) data.notes.unshift(baseProblem);
  return data;
}

function altText(plot: PlotDef, data: PlotData): string {
  const kind = plot.template.startsWith('confusion') ? 'confusion matrix' : `${plot.template.replace('-', ' ')} chart`;
  return `${plot.title} (${kind}, ${data.revs.join(' vs ')})`;
}
