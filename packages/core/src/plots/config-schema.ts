/**
 * The JSON Schema of `.mlci/plots.yml` (config.ts). Its validator is compiled ahead of time into
 * config-schema.validate.ts by scripts/json-schema-validators.js, so no action loads ajv.
 */
export const TEMPLATES = ['linear', 'smooth', 'scatter', 'bar', 'bar-horizontal', 'confusion', 'confusion-normalized'] as const;
export type Template = (typeof TEMPLATES)[number];

/** DVC's spellings of two templates. */
export const ALIASES: Record<string, Template> = { bar_horizontal: 'bar-horizontal', confusion_normalized: 'confusion-normalized' };

const field = { type: 'string', minLength: 1 } as const;

export const PLOT_JSON_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['data'],
  properties: {
    id: { type: 'string', pattern: '^[A-Za-z0-9._-]{1,100}$' },
    title: { type: 'string' },
    template: { enum: [...TEMPLATES, ...Object.keys(ALIASES)] },
    data: field,
    select: field,
    x: field,
    y: { oneOf: [field, { type: 'array', items: field, minItems: 1 }] },
    'x-label': { type: 'string' },
    'y-label': { type: 'string' },
    actual: field,
    predicted: field,
  },
} as const;

export const PLOTS_CONFIG_JSON_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: { plots: { type: ['array', 'null'], items: PLOT_JSON_SCHEMA } },
} as const;
