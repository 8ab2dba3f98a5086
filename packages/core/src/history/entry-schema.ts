/**
 * The JSON Schema of one entry of the metrics history (entry.ts). Its validator is compiled ahead
 * of time into entry-schema.validate.ts by scripts/json-schema-validators.js, so no action loads
 * ajv.
 */
export const HISTORY_ENTRY_JSON_SCHEMA = {
  type: 'object',
  required: ['sha', 'time', 'metrics'],
  additionalProperties: false,
  properties: {
    sha: { type: 'string', pattern: '^[0-9a-f]{40}([0-9a-f]{24})?$' },
    time: { type: 'string', maxLength: 40, pattern: '^\\d{4}-\\d{2}-\\d{2}T' },
    runId: { type: 'integer', minimum: 1 },
    metrics: {
      type: 'object',
      maxProperties: 100,
      additionalProperties: { type: 'object', maxProperties: 5000, additionalProperties: { type: 'number' } },
    },
  },
} as const;
