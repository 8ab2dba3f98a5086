export type {
  CheckName,
  CheckResult,
  ColumnSchema,
  ColumnType,
  DataSchema,
  DriftMethod,
  DriftResult,
  DriftSettings,
  Example,
  FileSummary,
  Severity,
  ValidationResult,
} from './types.js';
export { validateData, type ValidateOptions, type ReadOptions } from './validate.js';
export { inferSchema, schemaToYaml, type InferOptions, type InferredSchema } from './infer.js';
export { loadSchema, parseSchema } from './schema.js';
export { DATA_SCHEMA_JSON_SCHEMA } from './data-schema.js';
export { renderValidationMarkdown, type MarkdownOptions } from './markdown.js';
export { DEFAULT_THRESHOLDS } from './drift.js';
export { DEFAULT_NULLS } from './values.js';
export type { DataFormat } from './source.js';
export {
  fetchReference,
  parseReference,
  pullRequestBase,
  workspacePath,
  type GitBase,
  type ReferenceFiles,
  type ReferenceOptions,
  type ReferenceSpec,
} from './reference.js';
export { checkAnnotations } from './annotations.js';
export { useDataWorkers, DEFAULT_RANGE_BYTES, type RangeSettings } from './ranges.js';
export { isDataWorker, serveDataWorker } from './range-scan.js';
