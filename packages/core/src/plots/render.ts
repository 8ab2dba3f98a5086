import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TopLevelSpec } from 'vega-lite';
import { FONT, type VegaLiteSpec } from './spec.js';

/**
 * vega-lite → vega → SVG (vega's headless view, no canvas) → PNG (resvg compiled to wasm, given
 * a TTF font): no browser and no native module, so it runs on any runner and inside an ncc bundle.
 *
 * ncc cannot see files read by computed paths, so the build copies them beside every bundle that
 * holds resvg (scripts/bundle.js): `index_bg.wasm` (from @resvg/resvg-wasm) and `DejaVuSans.ttf`
 * (from dejavu-fonts-ttf). Elsewhere they come from node_modules.
 *
 * vega, vega-lite and resvg are about 5 MB of code: they load on the first chart, never at start-up,
 * so a step that draws no chart (or an action that never does) does not pay for them.
 */
export const WASM_FILE = 'index_bg.wasm';
export const FONT_FILE = 'DejaVuSans.ttf';

export interface ChartRenderOptions {
  /** resvg's wasm; default: beside this module (a bundle), else from node_modules. */
  wasmPath?: string;
  /** A TTF font for every text; default DejaVu Sans, found like the wasm. */
  fontPath?: string;
  /** Pixels per SVG unit in the PNG (default 2, crisp on high-density screens). */
  zoom?: number;
  /** The PNG is never wider than this (default 1600): a comment shows it at most ~900 wide. */
  maxWidth?: number;
}

export interface RenderedChart {
  svg: string;
  png: Uint8Array;
  width: number;
  height: number;
}

function assetPath(file: string, fromPackage: string): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const beside = join(here, file);
  if (existsSync(beside)) return beside;
  try {
    return createRequire(import.meta.url).resolve(fromPackage);
  } catch (e) {
    throw new Error(`${file} is neither beside ${here} nor in node_modules (${fromPackage}): an action that renders charts ships it in its assets/ folder`, {
      cause: e,
    });
  }
}

export function defaultWasmPath(): string {
  return assetPath(WASM_FILE, `@resvg/resvg-wasm/${WASM_FILE}`);
}

export function defaultFontPath(): string {
  return assetPath(FONT_FILE, `dejavu-fonts-ttf/ttf/${FONT_FILE}`);
}

let libraries: Promise<{ vega: typeof import('vega'); compile: typeof import('vega-lite').compile; resvg: typeof import('@resvg/resvg-wasm') }> | undefined;

function chartLibraries() {
  libraries ??= Promise.all([import('vega'), import('vega-lite'), import('@resvg/resvg-wasm')]).then(([vega, vegaLite, resvg]) => ({
    vega,
    compile: vegaLite.compile,
    resvg,
  }));
  return libraries;
}

// resvg's wasm can be initialised once per process, whatever the path: the first one wins.
let wasmReady: Promise<void> | undefined;
const fonts = new Map<string, Promise<Uint8Array>>();

function ensureWasm(path: string): Promise<void> {
  wasmReady ??= Promise.all([readFile(path), chartLibraries()])
    .then(([bytes, { resvg }]) => resvg.initWasm(bytes))
    .catch((e: unknown) => {
      // Another module of the same process may have initialised it first: that is fine.
      if (e instanceof Error && /already initiali[sz]ed/i.test(e.message)) return;
      wasmReady = undefined;
      throw e;
    });
  return wasmReady;
}

function loadFont(path: string): Promise<Uint8Array> {
  let font = fonts.get(path);
  if (!font) {
    font = readFile(path).then((b) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength));
    font.catch(() => fonts.delete(path));
    fonts.set(path, font);
  }
  return font;
}

/**
 * Starts loading resvg's wasm and the font without waiting: WebAssembly compiles on background
 * threads, so calling this before the first SVG is drawn takes the compile off the critical path.
 */
export function prepareRenderer(options: ChartRenderOptions = {}): Promise<void> {
  const ready = Promise.all([ensureWasm(options.wasmPath ?? defaultWasmPath()), loadFont(options.fontPath ?? defaultFontPath())]).then(() => undefined);
  // A failure surfaces when the first PNG is drawn; nothing is left unhandled meanwhile.
  ready.catch(() => undefined);
  return ready;
}

/** vega-lite → SVG, with the text in DejaVu Sans (the font the PNG is drawn with). */
export async function renderSvg(spec: VegaLiteSpec): Promise<string> {
  const { vega, compile } = await chartLibraries();
  // Silent loggers: the core never prints (vega-lite warns about harmless legend merges).
  const { spec: vgSpec } = compile(spec as unknown as TopLevelSpec, { logger: vega.logger(vega.None) });
  const view = new vega.View(vega.parse(vgSpec), { renderer: 'none', logLevel: vega.None });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

export async function svgToPng(svg: string, options: ChartRenderOptions = {}): Promise<{ png: Uint8Array; width: number; height: number }> {
  const [, font] = await Promise.all([ensureWasm(options.wasmPath ?? defaultWasmPath()), loadFont(options.fontPath ?? defaultFontPath())]);
  const { Resvg } = (await chartLibraries()).resvg;
  const width = Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(svg)?.[1] ?? 0);
  const zoom = Math.max(0.25, Math.min(options.zoom ?? 2, width > 0 ? (options.maxWidth ?? 1600) / width : Infinity));
  const resvg = new Resvg(svg, {
    background: 'white',
    fitTo: { mode: 'zoom', value: zoom },
    font: {
      fontBuffers: [font],
      loadSystemFonts: false,
      defaultFontFamily: FONT,
      sansSerifFamily: FONT,
      serifFamily: FONT,
      monospaceFamily: FONT,
    },
  });
  try {
    const image = resvg.render();
    try {
      return { png: image.asPng(), width: image.width, height: image.height };
    } finally {
      image.free();
    }
  } finally {
    resvg.free();
  }
}

export async function renderChart(spec: VegaLiteSpec, options: ChartRenderOptions = {}): Promise<RenderedChart> {
  const svg = await renderSvg(spec);
  return { svg, ...(await svgToPng(svg, options)) };
}
