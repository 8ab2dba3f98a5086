/**
 * The JSON Schema of a data schema file (`columns:`, `rows:`, `drift:` ..., read by schema.ts); also
 * usable by editors. Its validator is compiled ahead of time into data-schema.validate.ts by
 * scripts/json-schema-validators.js, so validate-data never loads ajv.
 */
const DRIFT_METHODS = ['auto', 'psi', 'ks', 'wasserstein', 'jensen-shannon', 'chi-square', 'z'];

const driftSettings = {
  type: 'object',
  additionalProperties: false,
  properties: {
    method: { enum: DRIFT_METHODS },
    threshold: { type: 'number', exclusiveMinimum: 0 },
  },
} as const;

const columnSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    type: { enum: ['string', 'number', 'integer', 'boolean', 'date'] },
    nullable: { type: 'boolean' },
    min: { type: ['number', 'string'] },
    max: { type: ['number', 'string'] },
    enum: { type: 'array', minItems: 1, items: { type: ['string', 'number', 'boolean'] } },
    pattern: { type: 'string' },
    unique: { type: 'boolean' },
    mostly: { type: 'number', exclusiveMinimum: 0, maximum: 1 },
    severity: { enum: ['error', 'warning'] },
    drift: { anyOf: [{ const: false }, driftSettings] },
  },
} as const;

/** The schema file's own JSON Schema (also usable by editors). */
export const DATA_SCHEMA_JSON_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    columns: { type: 'object', additionalProperties: { anyOf: [columnSchema, { type: 'null' }] } },
    rows: {
      type: 'object',
      additionalProperties: false,
      properties: { min: { type: 'integer', minimum: 0 }, max: { type: 'integer', minimum: 0 } },
    },
    strict: { type: 'boolean' },
    nulls: { type: 'array', items: { type: 'string' } },
    drift: {
      type: 'object',
      additionalProperties: false,
      properties: {
        ...driftSettings.properties,
        share: { type: 'number', exclusiveMinimum: 0, maximum: 1 },
        severity: { enum: ['error', 'warning'] },
        columns: { type: 'object', additionalProperties: { anyOf: [{ const: false }, driftSettings] } },
      },
    },
  },
} as const;
