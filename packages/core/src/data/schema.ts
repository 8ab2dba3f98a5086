import { Ajv, type ErrorObject } from 'ajv';
import { isMap, isScalar, LineCounter, type Document, type Node as YamlNode } from 'yaml';
import { isUserError, UserError } from '../errors.js';
import { readContained } from '../files/contained.js';
import { parseYamlDocument, toJsBounded } from '../files/yaml.js';
import type { ColumnSchema, DataSchema } from './types.js';
import { compilePattern } from './pattern.js';
import { parseDateText } from './values.js';

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

const validate = new Ajv({ allErrors: true, strict: false }).compile(DATA_SCHEMA_JSON_SCHEMA);

function pointerPath(instancePath: string): string[] {
  if (!instancePath) return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The YAML node at a path; for a key that should not be there, the key itself. */
function nodeAt(doc: Document, path: string[], key?: string): YamlNode | undefined {
  const parent = doc.getIn(path, true) as YamlNode | undefined;
  if (key !== undefined && parent && isMap(parent)) {
    const pair = parent.items.find((it) => isScalar(it.key) && String(it.key.value) === key);
    if (pair && isScalar(pair.key)) return pair.key;
  }
  return parent ?? (doc.contents as YamlNode | undefined) ?? undefined;
}

function describe(e: ErrorObject): string {
  const at = e.instancePath ? pointerPath(e.instancePath).join('.') : 'the schema';
  switch (e.keyword) {
    case 'additionalProperties':
      return `unknown key \`${(e.params as { additionalProperty: string }).additionalProperty}\` in ${at}`;
    case 'enum':
      return `${at} must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
    case 'anyOf':
      return `${at} is not valid here`;
    default:
      return `${at} ${e.message ?? 'is invalid'}`;
  }
}

/** The most useful of ajv's errors: the deepest one, and not the summary of an anyOf. */
function pickError(errors: ErrorObject[]): ErrorObject {
  const concrete = errors.filter((e) => e.keyword !== 'anyOf' && !(e.keyword === 'type' && e.params && (e.params as { type?: string }).type === 'null'));
  const pool = concrete.length > 0 ? concrete : errors;
  return pool.reduce((a, b) => (b.instancePath.length > a.instancePath.length ? b : a));
}

/**
 * Parses and checks a data schema (YAML or JSON text). Every mistake is a UserError at the line
 * and column of the offending YAML node.
 */
export function parseSchema(text: string, file = 'schema.yml'): DataSchema {
  const lineCounter = new LineCounter();
  const doc = parseYamlDocument(text, { lineCounter, prettyErrors: false });
  const place = (node: YamlNode | undefined) => {
    const offset = node?.range?.[0] ?? 0;
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const { line, col } = lineCounter.linePos(e.pos[0]);
    throw new UserError(`the schema is not valid YAML: ${e.message.split('\n')[0]}`, { file, line, column: col });
  }
  const data = (toJsBounded(doc, lineCounter, file) ?? {}) as unknown;
  if (!validate(data)) {
    const e = pickError(validate.errors ?? []);
    const key = e.keyword === 'additionalProperties' ? (e.params as { additionalProperty: string }).additionalProperty : undefined;
    throw new UserError(`invalid data schema: ${describe(e)}`, place(nodeAt(doc, pointerPath(e.instancePath), key)));
  }
  const schema = data as DataSchema;
  // Checks JSON Schema cannot express: regexes compile, bounds fit the column type.
  for (const [name, spec] of Object.entries(schema.columns ?? {})) {
    const col: ColumnSchema = spec ?? {};
    if (schema.columns) schema.columns[name] = col;
    const at = (key: string) => place(nodeAt(doc, ['columns', name, key]));
    if (col.pattern !== undefined) {
      try {
        new RegExp(col.pattern, 'u');
      } catch (e) {
        throw new UserError(`column ${name}: pattern is not a valid regular expression: ${(e as Error).message}`, at('pattern'));
      }
      try {
        compilePattern(col.pattern);
      } catch (e) {
        const reason = (e as Error).message.replace(/^error parsing regexp: /, '');
        throw new UserError(
          `column ${name}: pattern cannot be matched in linear time (${reason}); ` +
            'lookaround and backreferences are not supported, as they let one value take exponential time',
          at('pattern'),
        );
      }
    }
    for (const key of ['min', 'max'] as const) {
      const v = col[key];
      if (v === undefined) continue;
      if (col.type === 'date') {
        if (typeof v !== 'string' || Number.isNaN(parseDateText(v))) {
          throw new UserError(`column ${name}: ${key} must be an ISO date like 2024-01-31 for a date column`, at(key));
        }
      } else if (typeof v !== 'number') {
        throw new UserError(`column ${name}: ${key} must be a number`, at(key));
      } else if (col.type === 'string' || col.type === 'boolean') {
        throw new UserError(`column ${name}: ${key} applies to number, integer and date columns, not ${col.type}`, at(key));
      }
    }
    if (typeof col.min === 'number' && typeof col.max === 'number' && col.min > col.max) {
      throw new UserError(`column ${name}: min (${col.min}) is greater than max (${col.max})`, at('min'));
    }
  }
  if (schema.rows?.min !== undefined && schema.rows.max !== undefined && schema.rows.min > schema.rows.max) {
    throw new UserError('rows.min is greater than rows.max', place(nodeAt(doc, ['rows', 'min'])));
  }
  return schema;
}

export async function loadSchema(file: string): Promise<DataSchema> {
  let text: string;
  try {
    text = await readContained(file, { input: 'schema' }, 'utf8');
  } catch (e) {
    if (isUserError(e)) throw new UserError(e.message, { file, input: 'schema', cause: e });
    throw new UserError(`cannot read the schema: ${(e as Error).message}`, { file, input: 'schema', cause: e });
  }
  return parseSchema(text, file);
}
