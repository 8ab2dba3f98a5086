import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isUserError } from '../errors.js';
import { parsePlotsConfig } from './config.js';
import { loadPlotData } from './data.js';
import { defaultFontPath, defaultWasmPath, renderChart } from './render.js';
import { renderPlots, type RenderedPlot } from './run.js';
import { BASE_COLOR, buildPlotSpec, HEAD_COLOR } from './spec.js';

/**
 * Every template drawn from real training output (fixtures/make_fixtures.py, scikit-learn), base
 * against head, through the whole pipeline. The PNGs are also copied to .tmp/plots/ so a person
 * can look at them.
 */
const FIXTURES = join(import.meta.dirname, 'fixtures');
const LOOK = resolve('.tmp/plots');

const CONFIG = `plots:
  - id: loss
    title: Training loss per epoch
    data: loss.tsv
    y: loss
  - id: losses
    title: Loss and validation loss
    data: loss.tsv
    y: [loss, val_loss]
  - id: smooth
    template: smooth
    data: loss.tsv
  - id: roc
    title: ROC
    data: roc.json
    x: fpr
    y: tpr
  - id: prc
    title: Precision-recall
    data: prc.json
    x: recall
    y: precision
  - id: scatter
    template: scatter
    title: Predicted against actual
    data: predictions.csv
    x: actual
    y: predicted
  - id: f1
    template: bar
    title: F1 per class
    data: per_class.csv
    x: class
    y: f1
  - id: pr-per-class
    template: bar-horizontal
    title: Precision and recall per class
    data: per_class.csv
    x: class
    y: [precision, recall]
  - id: confusion
    template: confusion
    title: Digits
    data: confusion.json
  - id: confusion-share
    template: confusion-normalized
    title: Digits, share of each class
    data: confusion.json
`;

/** The marks of one type: every element inside `<g class="mark-<type> role-mark ...">` groups. */
function marks(svg: string, type: string): string[] {
  const out: string[] = [];
  for (const m of svg.matchAll(new RegExp(`<g class="mark-${type} role-mark[^"]*"[^>]*>(.*?)</g>`, 'g'))) {
    out.push(...(m[1].match(/<(path|text|line)[^>]*>/g) ?? []));
  }
  return out;
}

function texts(svg: string, role: string): string[] {
  return [...svg.matchAll(new RegExp(`<g class="mark-text role-${role}"[^>]*>(.*?)</g>`, 'g'))].flatMap((m) =>
    [...m[1].matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((t) => t[1]),
  );
}

function strokes(elements: string[]): string[] {
  return [...new Set(elements.map((e) => /stroke="([^"]+)"/.exec(e)?.[1]).filter((s): s is string => !!s))].sort();
}

/** Width and height from the IHDR chunk, after checking the PNG signature. */
function pngSize(png: Uint8Array): { width: number; height: number } {
  const b = Buffer.from(png);
  expect([...b.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(b.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

function svgSize(svg: string): { width: number; height: number } {
  const m = /<svg[^>]*\swidth="([\d.]+)" height="([\d.]+)"/.exec(svg)!;
  return { width: Number(m[1]), height: Number(m[2]) };
}

let dir: string;
let plots: Map<string, RenderedPlot>;
const svgs = new Map<string, string>();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mlci-plots-'));
  const config = parsePlotsConfig(CONFIG, '.mlci/plots.yml');
  const loadData = async (path: string, side: 'head' | 'base') => readFile(join(FIXTURES, side, path), 'utf8');
  const rendered = await renderPlots(config, loadData, join(dir, 'compare-metrics'), 'compare-metrics', { baseLabel: 'base (main)' });
  plots = new Map(rendered.map((p) => [p.id, p]));
  await mkdir(LOOK, { recursive: true });
  for (const p of rendered) {
    svgs.set(p.id, await readFile(join(dir, p.svg), 'utf8'));
    await writeFile(join(LOOK, `${p.id}.png`), await readFile(join(dir, p.png)));
  }
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('renderPlots', () => {
  it('writes a PNG, an SVG and a vega-lite spec per plot, with paths relative to the report directory', async () => {
    expect([...plots.keys()]).toEqual(['loss', 'losses', 'smooth', 'roc', 'prc', 'scatter', 'f1', 'pr-per-class', 'confusion', 'confusion-share']);
    for (const p of plots.values()) {
      expect(p.png).toBe(`compare-metrics/${p.id}.png`);
      expect(p.svg).toBe(`compare-metrics/${p.id}.svg`);
      expect(p.spec).toBe(`compare-metrics/${p.id}.vl.json`);
      expect(p.hasBase).toBe(true);
      expect(p.notes).toEqual([]);
      const spec = JSON.parse(await readFile(join(dir, p.spec), 'utf8'));
      expect(spec.$schema).toMatch(/vega-lite\/v6/);
      // PNG at twice the SVG's size (crisp on high-density screens), never wider than 1600.
      const png = pngSize(await readFile(join(dir, p.png)));
      const svg = svgSize(svgs.get(p.id)!);
      const zoom = Math.min(2, 1600 / svg.width);
      expect(png.width).toBe(Math.round(svg.width * zoom));
      expect(Math.abs(png.height - svg.height * zoom)).toBeLessThanOrEqual(1);
      expect(png.width).toBeGreaterThan(600);
      expect(png.height).toBeGreaterThan(300);
      expect(png.width).toBeLessThanOrEqual(1600);
    }
    expect(plots.get('roc')!.alt).toBe('ROC (linear chart, base (main) vs head)');
    expect(plots.get('confusion')!.alt).toBe('Digits (confusion matrix, base (main) vs head)');
  });

  it('linear: base dashed orange and head solid blue, axis titles, one legend naming both', () => {
    const svg = svgs.get('loss')!;
    const lines = marks(svg, 'line');
    expect(lines).toHaveLength(2);
    expect(strokes(lines)).toEqual([HEAD_COLOR, BASE_COLOR].sort());
    expect(lines.find((l) => l.includes(BASE_COLOR))).toContain('stroke-dasharray="6,4"');
    expect(lines.find((l) => l.includes(HEAD_COLOR))).not.toContain('stroke-dasharray="6,4"');
    expect(texts(svg, 'axis-title')).toEqual(['step', 'loss']);
    expect(texts(svg, 'legend-label')).toEqual(['base (main)', 'head']);
    expect(texts(svg, 'title-text')).toEqual(['Training loss per epoch']);
    // 40 epochs: few enough to mark every point.
    expect(marks(svg, 'symbol')).toHaveLength(80);
  });

  it('linear with two series: a colour per series, a dash per revision, four curves', () => {
    const svg = svgs.get('losses')!;
    const lines = marks(svg, 'line');
    expect(lines).toHaveLength(4);
    expect(strokes(lines)).toHaveLength(2);
    expect(lines.filter((l) => l.includes('stroke-dasharray="6,4"'))).toHaveLength(2);
    expect(texts(svg, 'legend-label')).toEqual(['loss', 'val_loss', 'base (main)', 'head']);
    expect(texts(svg, 'axis-title')).toEqual(['step', 'value']);
  });

  it('smooth: a smoothed curve over a faint raw one, for each series and revision', () => {
    const svg = svgs.get('smooth')!;
    const lines = marks(svg, 'line');
    expect(lines).toHaveLength(8);
    expect(lines.filter((l) => /stroke-width="1"/.test(l))).toHaveLength(4);
    expect(texts(svg, 'legend-label')).toEqual(['loss', 'val_loss', 'base (main)', 'head']);
  });

  it('ROC from a DVC plots file: fpr against tpr', () => {
    const svg = svgs.get('roc')!;
    expect(marks(svg, 'line')).toHaveLength(2);
    expect(texts(svg, 'axis-title')).toEqual(['fpr', 'tpr']);
  });

  it('precision-recall from a DVC plots file: recall against precision, hundreds of points', () => {
    const svg = svgs.get('prc')!;
    const lines = marks(svg, 'line');
    expect(lines).toHaveLength(2);
    expect(texts(svg, 'axis-title')).toEqual(['recall', 'precision']);
    // Too many points to mark each one.
    expect(marks(svg, 'symbol')).toHaveLength(0);
  });

  it('scatter: every point, coloured by revision', () => {
    const svg = svgs.get('scatter')!;
    const points = marks(svg, 'symbol');
    expect(points).toHaveLength(2 * 111);
    expect([...new Set(points.map((p) => /fill="([^"]+)"/.exec(p)?.[1]))].sort()).toEqual([HEAD_COLOR, BASE_COLOR].sort());
    expect(texts(svg, 'axis-title')).toEqual(['actual', 'predicted']);
    expect(texts(svg, 'legend-label')).toEqual(['base (main)', 'head']);
  });

  it('bar: base and head side by side for each class', () => {
    const svg = svgs.get('f1')!;
    const bars = marks(svg, 'rect');
    expect(bars).toHaveLength(20);
    expect(bars.filter((b) => b.includes(`fill="${BASE_COLOR}"`))).toHaveLength(10);
    expect(texts(svg, 'axis-label').slice(0, 10)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(texts(svg, 'legend-label')).toEqual(['base (main)', 'head']);
  });

  it('horizontal bars with two series: four bars per class, base lighter', () => {
    const svg = svgs.get('pr-per-class')!;
    const bars = marks(svg, 'rect');
    expect(bars).toHaveLength(40);
    expect(bars.filter((b) => /opacity="0.45"|fill-opacity="0.45"/.test(b))).toHaveLength(20);
    expect(texts(svg, 'legend-label')).toEqual(['precision', 'recall', 'base (main)', 'head']);
    expect(svgSize(svg).height).toBeLessThan(1200);
  });

  it('confusion: base and head matrices side by side, counts in the cells', () => {
    const svg = svgs.get('confusion')!;
    expect(marks(svg, 'rect')).toHaveLength(200);
    const cells = marks(svg, 'text');
    expect(cells).toHaveLength(200);
    expect(svg).toContain('>36</text>');
    // Light text on dark cells (the diagonal), dark text elsewhere.
    expect(cells.filter((t) => t.includes('fill="white"')).length).toBeGreaterThanOrEqual(10);
    expect(texts(svg, 'title-text')).toEqual(['base (main)', 'head', 'Digits']);
    expect(texts(svg, 'axis-title')).toEqual(expect.arrayContaining(['actual', 'predicted']));
  });

  it('normalised confusion: shares of each actual class', () => {
    const svg = svgs.get('confusion-share')!;
    expect(svg).toContain('>1.00</text>');
    expect(svg).toContain('>0.05</text>');
  });
});

describe('renderChart', () => {
  it('draws head alone without a legend when there is no baseline', async () => {
    const [plot] = parsePlotsConfig('plots:\n  - data: loss.tsv\n    y: loss\n', 'p.yml').plots;
    const data = await loadPlotData(plot, { head: await readFile(join(FIXTURES, 'head', 'loss.tsv'), 'utf8') });
    const { svg, png, width, height } = await renderChart(buildPlotSpec(plot, data), { zoom: 1 });
    expect(marks(svg, 'line')).toHaveLength(1);
    expect(texts(svg, 'legend-label')).toEqual([]);
    expect(pngSize(png)).toEqual({ width, height });
    expect(width).toBe(svgSize(svg).width);
  });

  it('draws every template from head alone, and curves over dates and over labels', async () => {
    const cases: [string, string, number][] = [
      ['template: scatter\n    data: p.csv\n    x: actual\n    y: [predicted, baseline]', 'actual,predicted,baseline\n1,1.1,1\n2,1.8,1.5\n', 4],
      ['template: bar\n    data: c.csv\n    x: class', 'class,f1\ncat,0.9\ndog,0.8\n', 2],
      ['template: confusion\n    data: p.csv', 'actual,predicted\ncat,dog\ndog,dog\n', 4],
      ['data: d.csv\n    x: day', 'day,loss\n2024-05-01,3\n2024-05-02,2\n2024-05-04,1\n', 1],
      ['template: smooth\n    data: d.csv\n    x: run', 'run,loss\nsmall,3\nlarge,2\n', 1],
    ];
    for (const [def, head, count] of cases) {
      const [plot] = parsePlotsConfig(`plots:\n  - ${def}\n`, 'p.yml').plots;
      const { svg } = await renderChart(buildPlotSpec(plot, await loadPlotData(plot, { head })), { zoom: 1 });
      const drawn =
        plot.template === 'scatter' ? marks(svg, 'symbol') : plot.template === 'bar' || plot.template === 'confusion' ? marks(svg, 'rect') : marks(svg, 'line');
      expect(drawn, def).toHaveLength(count);
    }
  });

  it('reads the wasm and the font from the paths given, failing clearly when one is missing', async () => {
    expect(defaultWasmPath()).toMatch(/index_bg\.wasm$/);
    expect(defaultFontPath()).toMatch(/DejaVuSans\.ttf$/);
    const spec = { data: { values: [{ a: 1 }] }, mark: 'point', encoding: { x: { field: 'a', type: 'quantitative' } } };
    await expect(renderChart(spec, { fontPath: '/nonexistent/DejaVuSans.ttf' })).rejects.toThrow(/ENOENT/);
    // The failed font is not cached: the next render with a good path works.
    expect(pngSize((await renderChart(spec, { fontPath: defaultFontPath(), wasmPath: defaultWasmPath() })).png).width).toBeGreaterThan(0);
  });
});

describe('renderPlots: data that is missing or broken', () => {
  it('a missing head file is an error at the plot in the config; a missing or unreachable base is not', async () => {
    const config = parsePlotsConfig('plots:\n  - data: a.csv\n  - data: b.csv\n', '.mlci/plots.yml');
    const out = join(dir, 'missing');
    const err = await renderPlots(config, async (p, side) => (p === 'a.csv' || side === 'base' ? 'step,loss\n0,1\n1,0.5\n' : undefined), out, 'x').catch(
      (e: unknown) => e,
    );
    expect(isUserError(err)).toBe(true);
    expect(err).toMatchObject({ file: '.mlci/plots.yml', line: 3, message: 'plot "b": its data file b.csv does not exist' });

    const rendered = await renderPlots(
      config,
      async (_p, side) => {
        if (side === 'base') throw new Error('HTTP 404 from the contents API');
        return 'step,loss\n0,1\n1,0.5\n';
      },
      out,
      '',
    );
    expect(rendered.map((p) => [p.png, p.hasBase])).toEqual([
      ['a.png', false],
      ['b.png', false],
    ]);
    expect(rendered[0].notes).toEqual(['The base version of a.csv could not be fetched (HTTP 404 from the contents API): head alone is shown.']);
  });

  it('a malformed head names the data file and line, and the plot where it is defined', async () => {
    const config = parsePlotsConfig('plots:\n  - data: logs/loss.csv\n    y: loss\n', '.mlci/plots.yml');
    const err = await renderPlots(config, async () => 'step,loss\n0,1\n1,oops\n', join(dir, 'bad'), 'x').catch((e: unknown) => e);
    expect(err).toMatchObject({
      name: 'UserError',
      file: 'logs/loss.csv',
      line: 3,
      message: 'plot "loss" (.mlci/plots.yml:2): record 2: "loss" is "oops", not a number',
    });
  });
});
