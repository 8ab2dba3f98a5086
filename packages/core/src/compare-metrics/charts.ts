import { UserError } from '../errors.js';
import { defaultBoundary, readContained } from '../files/contained.js';
import { parsePlotsConfig, type PlotsConfig } from '../plots/config.js';
import { renderPlots } from '../plots/run.js';
import { escapeHtml, escapeText } from '../section/escape.js';
import type { SectionImage } from '../section/section.js';

export interface ChartsOptions {
  workspace: string;
  /** The plots file, relative to the workspace, or plots made without one (dvclive's, from train). */
  plots: string | PlotsConfig;
  /** The section's asset directory, and the same relative to the report directory. */
  outDir: string;
  relDir: string;
  /** A data file on the base side (undefined when it is not there). */
  readBase: (path: string) => Promise<Buffer | undefined>;
  /** The baseline's name in legends: `git:main`, `cache`. Undefined without a baseline. */
  baseName?: string;
}

export interface Charts {
  markdown: string;
  images: SectionImage[];
  /** Head data files, relative to the workspace: a stored baseline holds them too. */
  dataFiles: string[];
}

/**
 * The charts of `.mlci/plots.yml`, base against head: PNGs the comment shows (comment-report
 * publishes them, or puts each one's mermaid/table fallback in its place), SVGs and vega-lite specs
 * beside them in the report bundle. A head data file that is missing or broken is the user's error;
 * a base that is missing or unreadable only leaves head alone in the chart.
 */
export async function renderCharts(o: ChartsOptions): Promise<Charts> {
  const config = typeof o.plots === 'string' ? await readPlotsFile(o.plots, o.workspace) : o.plots;
  const readHead = async (path: string) => {
    try {
      return await readContained(path, { input: 'plots', boundary: { ...defaultBoundary(), workspace: o.workspace } }, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
  };
  const rendered = await renderPlots(
    config,
    async (path, side) => (side === 'head' ? readHead(path) : (await o.readBase(path))?.toString('utf8')),
    o.outDir,
    o.relDir,
    o.baseName ? { baseLabel: `base (${o.baseName})` } : {},
  );
  const parts = rendered.map((p) => {
    const notes = p.notes.length > 0 ? `\n\n<sub>${p.notes.map(escapeHtml).join(' ')}</sub>` : '';
    return `**${escapeText(p.title)}**\n\n![${escapeText(p.alt)}](${p.png})${notes}`;
  });
  return {
    markdown: parts.join('\n\n'),
    images: rendered.map((p) => ({ path: p.png, alt: p.alt, fallback: p.fallback })),
    dataFiles: [...new Set(config.plots.flatMap((p) => (p.sources ?? [p]).map((s) => s.data)))],
  };
}

async function readPlotsFile(plots: string, workspace: string): Promise<PlotsConfig> {
  let text: string;
  try {
    text = await readContained(plots, { input: 'plots', boundary: { ...defaultBoundary(), workspace } }, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new UserError(`input "plots": file "${plots}" does not exist`, { input: 'plots' });
    throw e;
  }
  return parsePlotsConfig(text, plots);
}
