/**
 * The JSON Schema of `.mlci/gates.yml` (gates.ts). Its validator is compiled ahead of time into
 * gates-schema.validate.ts by scripts/json-schema-validators.js, so no action loads ajv.
 */
const ruleSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    direction: { enum: ['higher', 'lower', 'none'] },
    min: { type: 'number' },
    max: { type: 'number' },
    'max-regression': { $ref: '#/$defs/limit' },
    'min-improvement': { $ref: '#/$defs/limit' },
    confidence: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 },
    required: { type: 'boolean' },
  },
} as const;

export const GATES_JSON_SCHEMA = {
  $defs: {
    limit: {
      oneOf: [
        { type: 'number', minimum: 0 },
        { type: 'string', pattern: '^\\s*[0-9]+(\\.[0-9]+)?\\s*%\\s*$' },
      ],
    },
  },
  type: 'object',
  additionalProperties: false,
  properties: {
    metrics: { type: ['object', 'null'], additionalProperties: ruleSchema },
  },
} as const;
