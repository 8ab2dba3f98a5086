export { parsePlotsConfig, TEMPLATES, type PlotDef, type PlotsConfig, type Template } from './config.js';
export {
  loadPlotData,
  MAX_CLASSES,
  type ConfusionCell,
  type ConfusionData,
  type PlotData,
  type PlotInput,
  type XYData,
  type XYPoint,
  type XType,
} from './data.js';
export { buildPlotSpec, type VegaLiteSpec } from './spec.js';
export {
  prepareRenderer,
  renderChart,
  renderSvg,
  svgToPng,
  defaultFontPath,
  defaultWasmPath,
  FONT_FILE,
  WASM_FILE,
  type ChartRenderOptions,
  type RenderedChart,
} from './render.js';
export { chartFallback } from './fallback.js';
export { renderPlots, type LoadData, type RenderedPlot, type RenderPlotsOptions, type Side } from './run.js';
export { dvclivePlots } from './dvclive.js';
