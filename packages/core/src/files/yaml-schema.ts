import type { ErrorObject, ValidateFunction } from 'ajv';
import { isMap, isSeq, LineCounter, type Node } from 'yaml';
import { UserError, type Place } from '../errors.js';
import { parseYamlDocument, toJsBounded } from './yaml.js';

/**
 * A YAML file checked against a JSON Schema, each mistake placed at its YAML node: the one way the
 * config files (gates, plots, data schemas) are read. ajv finds what is wrong in the value; the
 * document's nodes say where it was written. The validators are ajv's, compiled ahead of time
 * (scripts/json-schema-validators.js), so reading a config file loads no ajv.
 */

/**
 * ajv's options for the config files' validators: every mistake of a file listed together, and no
 * refusal of keywords ajv does not know (the schemas are ours).
 */
export const AJV_OPTIONS = { allErrors: true, strict: false } as const;

/** Keys of mappings and indexes of sequences, from the top of the document. */
export type YamlPath = Array<string | number>;

export interface YamlFile {
  file: string;
  /** The document as plain values (an empty document is `undefined`). */
  value: unknown;
  /** The place of the node at `path` (of its key when `key`), or of the deepest node found on the way. */
  placeOf(path: YamlPath, key?: boolean): Place;
}

/** One thing the schema refuses, where it is. */
export interface SchemaViolation {
  /** Where in the value; for an unknown key, the path of that key. */
  path: YamlPath;
  /** ajv's keyword (`type`, `enum`, `additionalProperties`, `required`, ...) and its params. */
  keyword: string;
  params: Record<string, unknown>;
  /** ajv's own words, for what a caller does not describe better. */
  message: string;
  /** The offending node; its key for an unknown key; the mapping that lacks a required key. */
  place: Place;
}

/**
 * Parses YAML text with the bounds of files/yaml.ts (aliases, depth, duplicate keys). A syntax
 * error is a UserError at its line and column, said as `<invalid>: <the parser's first line>`.
 */
export function readYamlFile(text: string, file: string, o: { merge?: boolean; invalid?: string } = {}): YamlFile {
  const lineCounter = new LineCounter();
  const doc = parseYamlDocument(text, { lineCounter, prettyErrors: false, ...(o.merge ? { merge: true } : {}) });
  const syntax = doc.errors[0];
  if (syntax) {
    const { line, col } = lineCounter.linePos(syntax.pos[0]);
    throw new UserError(`${o.invalid ?? 'invalid YAML'}: ${syntax.message.split('\n')[0]}`, { file, line, column: col, cause: syntax });
  }
  const value = toJsBounded(doc, lineCounter, file);
  const contents = doc.contents as Node | null;
  return {
    file,
    value,
    placeOf(path, key = false) {
      const offset = locate(contents, path, key);
      if (offset === undefined) return { file, line: 1, column: 1 };
      const { line, col } = lineCounter.linePos(offset);
      return { file, line, column: col };
    },
  };
}

/**
 * What the schema refuses in the file, in the order it is written. Of the branches of an
 * `anyOf`/`oneOf` only the ones that got deepest into the value are kept (a `{ drift: {method: x} }`
 * is about `method`, not about `drift` not being `false`), and the summary error is dropped.
 */
export function schemaViolations(yaml: YamlFile, validate: ValidateFunction): SchemaViolation[] {
  if (validate(yaml.value)) return [];
  const errors = specific(validate.errors ?? []);
  const violations = errors.map((e): SchemaViolation & { offset: number[] } => {
    const path = pathOf(yaml.value, e.instancePath);
    const unknown = e.keyword === 'additionalProperties' ? String(e.params.additionalProperty) : undefined;
    const at = unknown === undefined ? path : [...path, unknown];
    const place = yaml.placeOf(at, unknown !== undefined);
    return { path: at, keyword: e.keyword, params: e.params, message: e.message ?? 'is invalid', place, offset: [place.line ?? 0, place.column ?? 0] };
  });
  // Stable: at one place, the schema's order.
  violations.sort((a, b) => a.offset[0] - b.offset[0] || a.offset[1] - b.offset[1]);
  return violations.map(({ offset: _, ...v }) => v);
}

/**
 * Reads a YAML file and checks it: the value (`{}` for an empty file), or a UserError at the first
 * violation (in the order the file is written), in the caller's words (`describe`).
 */
export function parseYamlWithSchema(
  text: string,
  file: string,
  validate: ValidateFunction,
  describe: (v: SchemaViolation) => string,
  o: { invalid?: string } = {},
): YamlFile {
  const read = readYamlFile(text, file, o);
  // An empty file is an empty mapping: every setting at its default.
  const yaml = { ...read, value: read.value ?? {} };
  const [first] = schemaViolations(yaml, validate);
  if (first) throw new UserError(describe(first), first.place);
  return yaml;
}

/** The error objects worth showing: no anyOf/oneOf summaries, only the deepest of their branches. */
function specific(errors: ErrorObject[]): ErrorObject[] {
  const summaries = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  const dropped = new Set<ErrorObject>(summaries);
  for (const s of summaries) {
    const branches = errors.filter((e) => e !== s && e.schemaPath.startsWith(`${s.schemaPath}/`) && isWithin(e.instancePath, s.instancePath));
    const deepest = Math.max(...branches.map(depth));
    for (const b of branches) if (depth(b) < deepest) dropped.add(b);
  }
  const kept = errors.filter((e) => !dropped.has(e));
  return kept.length > 0 ? kept : errors.slice(0, 1);
}

// An unknown key is a mistake one level below the mapping ajv names.
const depth = (e: ErrorObject) => (e.instancePath === '' ? 0 : e.instancePath.split('/').length - 1) + (e.keyword === 'additionalProperties' ? 1 : 0);
const isWithin = (path: string, parent: string) => path === parent || path.startsWith(`${parent}/`);

/** A JSON pointer as keys and indexes: a segment is an index where the value there is a list. */
function pathOf(value: unknown, pointer: string): YamlPath {
  if (pointer === '') return [];
  const path: YamlPath = [];
  let current = value;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const index = Array.isArray(current) && /^\d+$/.test(segment) ? Number(segment) : undefined;
    path.push(index ?? segment);
    current = index !== undefined ? (current as unknown[])[index] : (current as Record<string, unknown> | undefined)?.[segment];
  }
  return path;
}

/** Offset of the node at `path` (of its key when `key`), or of the deepest node found on the way. */
function locate(node: Node | null, path: YamlPath, key: boolean): number | undefined {
  let current: unknown = node;
  let offset = node?.range?.[0];
  for (const [i, segment] of path.entries()) {
    let next: Node | null | undefined;
    let keyNode: Node | null | undefined;
    if (isMap(current)) {
      const pair = current.items.find((p) => String((p.key as { value?: unknown } | null)?.value) === String(segment));
      if (!pair) break;
      next = pair.value as Node | null;
      keyNode = pair.key as Node | null;
    } else if (isSeq(current) && typeof segment === 'number') {
      next = current.items[segment] as Node | null;
    } else break;
    const last = i === path.length - 1;
    const target = last && key ? keyNode : (next ?? keyNode);
    offset = target?.range?.[0] ?? offset;
    current = next;
  }
  return offset;
}
