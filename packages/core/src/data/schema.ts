import { isUserError, type Place, UserError } from '../errors.js';
import { readContained } from '../files/contained.js';
import { parseYamlWithSchema, type SchemaViolation } from '../files/yaml-schema.js';
import { validate } from './data-schema.validate.js';
import type { ColumnSchema, DataSchema } from './types.js';
import { bytePattern } from './byte-pattern.js';
import { parseDateText } from './values.js';

function describe(v: SchemaViolation): string {
  if (v.keyword === 'additionalProperties') {
    const parent = v.path.slice(0, -1);
    return `unknown key \`${String(v.path.at(-1))}\` in ${parent.length > 0 ? parent.join('.') : 'the schema'}`;
  }
  const at = v.path.length > 0 ? v.path.join('.') : 'the schema';
  if (v.keyword === 'enum') return `${at} must be one of ${(v.params.allowedValues as unknown[]).join(', ')}`;
  return `${at} ${v.message}`;
}

async function refuseNonLinear(pattern: string, column: string, place: Place): Promise<void> {
  const { compilePattern } = await import('./pattern.js');
  try {
    compilePattern(pattern);
  } catch (e) {
    const reason = (e as Error).message.replace(/^error parsing regexp: /, '');
    throw new UserError(
      `column ${column}: pattern cannot be matched in linear time (${reason}); ` +
        'lookaround and backreferences are not supported, as they let one value take exponential time',
      place,
    );
  }
}

/**
 * Parses and checks a data schema (YAML or JSON text). Every mistake is a UserError at the line
 * and column of the offending YAML node. Async: a pattern the byte matcher does not take is
 * checked with RE2JS, which loads only then (a quarter of a megabyte to compile at start-up).
 */
export async function parseSchema(text: string, file = 'schema.yml'): Promise<DataSchema> {
  const yaml = parseYamlWithSchema(text, file, validate, (v) => `invalid data schema: ${describe(v)}`, { invalid: 'the schema is not valid YAML' });
  const data = yaml.value;
  const schema = data as DataSchema;
  // Checks JSON Schema cannot express: regexes compile, bounds fit the column type.
  for (const [name, spec] of Object.entries(schema.columns ?? {})) {
    const col: ColumnSchema = spec ?? {};
    if (schema.columns) schema.columns[name] = col;
    const at = (key: string) => yaml.placeOf(['columns', name, key]);
    if (col.pattern !== undefined) {
      try {
        new RegExp(col.pattern, 'u');
      } catch (e) {
        throw new UserError(`column ${name}: pattern is not a valid regular expression: ${(e as Error).message}`, at('pattern'));
      }
      // The byte matcher's patterns are classes and repeats: linear, and RE2 syntax.
      if (bytePattern(col.pattern) === null) await refuseNonLinear(col.pattern, name, at('pattern'));
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
    throw new UserError('rows.min is greater than rows.max', yaml.placeOf(['rows', 'min']));
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
