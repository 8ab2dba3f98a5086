/**
 * The JSON Schema of what mlci reads of a `dvc.yaml` (dvc-yaml.ts): looser than DVC's own, which
 * owns the rest of the file. Its validator is compiled ahead of time into
 * dvc-yaml-schema.validate.ts by scripts/json-schema-validators.js, so no action loads ajv.
 */
const str = { type: 'string' } as const;
const fieldOrFields = { oneOf: [str, { type: 'array', items: str }] } as const;
const plotDefinition = {
  type: ['object', 'null'],
  additionalProperties: false,
  properties: {
    template: str,
    x: { oneOf: [str, { type: 'object', additionalProperties: str }] },
    y: { oneOf: [str, { type: 'array', items: str }, { type: 'object', additionalProperties: fieldOrFields }] },
    x_label: str,
    y_label: str,
    title: str,
  },
} as const;
// A stage's output settings: DVC's own (cache, persist, remote, ...) are DVC's business.
const outSettings = { type: ['object', 'null'], properties: { x: str, y: fieldOrFields, template: str, title: str, x_label: str, y_label: str } } as const;
const outList = { type: ['array', 'null'], items: { oneOf: [str, { type: 'object', additionalProperties: outSettings }] } } as const;
const stage = {
  type: 'object',
  properties: {
    wdir: str,
    metrics: outList,
    plots: { type: ['array', 'null'], items: { oneOf: [str, { type: 'object', additionalProperties: { oneOf: [outSettings, { type: 'array' }] } }] } },
    params: { type: ['array', 'null'], items: { oneOf: [str, { type: 'object', additionalProperties: { type: ['array', 'null'] } }] } },
  },
} as const;
export const DVC_YAML_JSON_SCHEMA = {
  type: 'object',
  properties: {
    metrics: { type: ['array', 'null'], items: str },
    params: { type: ['array', 'null'], items: str },
    plots: { type: ['array', 'null'], items: { oneOf: [str, { type: 'object', minProperties: 1, additionalProperties: plotDefinition }] } },
    stages: { type: ['object', 'null'], additionalProperties: stage },
  },
} as const;
