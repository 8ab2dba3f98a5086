import { SAFE_NAME } from '../files/names.js';

/**
 * The JSON Schema of a report section file (section.ts). Its validator is compiled ahead of time
 * into section-schema.validate.ts by scripts/json-schema-validators.js, so no action loads ajv to
 * write its section.
 */
export const SECTION_SCHEMA = 'mlci/section@1';

export type Stage = 'data' | 'training' | 'tests' | 'metrics' | 'model' | 'other';

export const STAGE_ORDER: Stage[] = ['data', 'training', 'tests', 'metrics', 'model', 'other'];

export const SECTION_JSON_SCHEMA = {
  type: 'object',
  required: ['schema', 'action', 'id', 'stage', 'title', 'status', 'summary', 'markdown', 'created'],
  properties: {
    schema: { const: SECTION_SCHEMA },
    action: { type: 'string', minLength: 1 },
    id: { type: 'string', pattern: SAFE_NAME.source },
    stage: { enum: STAGE_ORDER },
    title: { type: 'string' },
    status: { enum: ['pass', 'warn', 'fail', 'info'] },
    summary: { type: 'string' },
    markdown: { type: 'string' },
    data: {},
    images: {
      type: 'array',
      items: {
        type: 'object',
        required: ['path', 'alt'],
        properties: {
          path: { type: 'string', minLength: 1 },
          alt: { type: 'string' },
          fallback: { type: 'string' },
        },
      },
    },
    created: { type: 'string' },
    run: {
      type: 'object',
      required: ['id', 'source'],
      properties: {
        id: { type: 'string', minLength: 1 },
        attempt: { type: 'integer', minimum: 1 },
        job: { type: 'string' },
        source: { enum: ['env', 'github', 'gitlab', 'jenkins', 'local'] },
      },
    },
    summarized: { type: 'boolean' },
  },
} as const;
