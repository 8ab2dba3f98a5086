import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import formatsModule from 'ajv-formats';

/**
 * GitHub's published REST description (@octokit/openapi), turned into validators for the loopback
 * server. The 13 MB file is parsed once per process and each operation's validators are compiled
 * on first use, so a test that touches five endpoints pays for five, not for eight hundred.
 */

export interface Operation {
  method: string;
  /** The path template as the description writes it, e.g. `/repos/{owner}/{repo}/pulls`. */
  path: string;
  operationId: string;
  documentationUrl?: string;
  parameters: Parameter[];
  requestBody?: { required: boolean; schema?: object };
  /** Status (or `default`) -> JSON schema of the body, `null` when the answer has no JSON body. */
  responses: Record<string, object | null>;
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: any;
  multiSegment: boolean;
}

const SCHEMA_ID = 'github';
const require = createRequire(import.meta.url);
const addFormats: (ajv: Ajv) => unknown = (formatsModule as any).default ?? formatsModule;

let description: any;
let ajv: Ajv;
const validators = new Map<string, ValidateFunction>();

function load(): any {
  if (description) return description;
  const file = require.resolve('@octokit/openapi/generated/api.github.com.json');
  const doc = JSON.parse(readFileSync(file, 'utf8'));
  rewrite(doc);
  // Only the components go into ajv as a referenceable document: the operations' inline schemas
  // are compiled one by one and point into it through `github#/components/...`.
  // verbose: errors carry the offending data, to word length errors as GitHub does.
  ajv = new Ajv({ strict: false, allErrors: false, validateSchema: false, allowUnionTypes: true, logger: false, verbose: true });
  addFormats(ajv);
  ajv.addSchema({ components: doc.components }, SCHEMA_ID);
  description = doc;
  return doc;
}

/**
 * Makes the OpenAPI 3.0 dialect mean the same thing to ajv (JSON Schema draft 7):
 * - `nullable: true` becomes a `null` member of `type`/`enum`, or `anyOf [..., null]` where it sits
 *   beside `allOf`/`oneOf`/`$ref` (ajv ignores it there and would refuse real nulls);
 * - `oneOf` becomes `anyOf`: GitHub's alternatives overlap (a private user is also a valid public
 *   user, `null` matches every nullable branch) and are told apart by an OpenAPI `discriminator`
 *   that ajv cannot read with a mapping, so `oneOf` would reject GitHub's own answers;
 * - local `$ref`s point into the document registered under SCHEMA_ID.
 */
export function rewrite(node: any): any {
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) node[i] = rewrite(node[i]);
    return node;
  }
  if (!node || typeof node !== 'object') return node;
  for (const key of Object.keys(node)) node[key] = rewrite(node[key]);
  if (typeof node.$ref === 'string' && node.$ref.startsWith('#/')) node.$ref = `${SCHEMA_ID}${node.$ref}`;
  if (Array.isArray(node.oneOf)) {
    node.anyOf = node.oneOf;
    delete node.oneOf;
    delete node.discriminator;
  }
  if (node.nullable === true) {
    delete node.nullable;
    if (node.type !== undefined) {
      const types = Array.isArray(node.type) ? node.type : [node.type];
      if (!types.includes('null')) node.type = [...types, 'null'];
      if (Array.isArray(node.enum) && !node.enum.includes(null)) node.enum = [...node.enum, null];
    } else if (node.$ref || node.allOf || node.anyOf) {
      const inner: any = {};
      for (const key of Object.keys(node)) {
        if (!DOC_KEYS.has(key)) {
          inner[key] = node[key];
          delete node[key];
        }
      }
      node.anyOf = [inner, { type: 'null' }];
    }
  } else if (node.nullable === false) {
    delete node.nullable;
  }
  return node;
}

const DOC_KEYS = new Set(['description', 'title', 'example', 'examples', 'deprecated', 'readOnly', 'writeOnly', 'externalDocs']);

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** The operation for a method and path template, or undefined if GitHub documents none. */
export function operation(method: string, path: string): Operation | undefined {
  const doc = load();
  const item = doc.paths[path];
  const op = item?.[method.toLowerCase()];
  if (!op || !METHODS.includes(method.toLowerCase())) return undefined;
  const params = [...(item.parameters ?? []), ...(op.parameters ?? [])].map((p: any) => resolve(doc, p));
  const responses: Record<string, object | null> = {};
  for (const [status, r] of Object.entries<any>(op.responses ?? {})) {
    const res = resolve(doc, r);
    responses[status] = res.content?.['application/json']?.schema ?? null;
  }
  const body = op.requestBody ? resolve(doc, op.requestBody) : undefined;
  return {
    method: method.toUpperCase(),
    path,
    operationId: op.operationId,
    documentationUrl: op.externalDocs?.url,
    parameters: params.map((p: any) => ({
      name: p.name,
      in: p.in,
      required: Boolean(p.required),
      schema: p.schema ?? {},
      multiSegment: Boolean(p['x-multi-segment']),
    })),
    requestBody: body ? { required: Boolean(body.required), schema: body.content?.['application/json']?.schema } : undefined,
    responses,
  };
}

/** Every path template GitHub documents: the server uses them to tell "not implemented" from "no such endpoint". */
export function documentedPaths(): string[] {
  return Object.keys(load().paths);
}

function resolve(doc: any, node: any): any {
  while (node && typeof node.$ref === 'string') {
    const path = node.$ref.replace(/^[^#]*#\//, '').split('/');
    node = path.reduce((o: any, k: string) => o?.[k.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
  }
  return node;
}

function validator(key: string, schema: object): ValidateFunction {
  let v = validators.get(key);
  if (!v) {
    load();
    v = ajv.compile(schema);
    validators.set(key, v);
  }
  return v;
}

function describe(errors: ErrorObject[] | null | undefined, where: string): string {
  return (errors ?? [])
    .slice(0, 3)
    .map((e) => {
      if (e.keyword === 'maxLength' && typeof e.data === 'string') {
        return `${where}${e.instancePath}: Only ${e.params.limit} characters are allowed; ${[...e.data].length} were supplied.`;
      }
      return `${where}${e.instancePath || ''} ${e.message ?? e.keyword}${e.params && Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : ''}`;
    })
    .join('; ');
}

export interface RequestParts {
  pathParams: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
}

/**
 * Problems with a request, as sentences (empty when it matches the description). Path and query
 * values arrive as strings and are read the way GitHub reads them (integers, booleans, lists)
 * before their schemas are applied. Query parameters the operation does not know are reported
 * too: GitHub ignores them silently, which is exactly how a misspelt parameter goes unnoticed.
 */
export function checkRequest(op: Operation, req: RequestParts): string[] {
  const problems: string[] = [];
  for (const where of ['path', 'query'] as const) {
    const given = where === 'path' ? req.pathParams : req.query;
    const declared = op.parameters.filter((p) => p.in === where);
    const properties: Record<string, object> = {};
    const required: string[] = [];
    const values: Record<string, unknown> = {};
    for (const p of declared) {
      properties[p.name] = p.schema;
      if (p.required) required.push(p.name);
      if (given[p.name] !== undefined) values[p.name] = coerce(given[p.name], p.schema);
    }
    for (const name of Object.keys(given)) {
      if (!declared.some((p) => p.name === name)) problems.push(`${where} parameter "${name}" is not a parameter of ${op.operationId}`);
    }
    const v = validator(`${op.method} ${op.path} ${where}`, { type: 'object', properties, required });
    if (!v(values)) problems.push(describe(v.errors, `${where} parameters`));
  }
  const schema = op.requestBody?.schema;
  const hasBody = req.body !== undefined;
  if (schema && hasBody) {
    const v = validator(`${op.method} ${op.path} body`, schema);
    if (!v(req.body)) problems.push(describe(v.errors, 'body'));
  } else if (op.requestBody?.required && !hasBody) {
    problems.push('a request body is required');
  }
  return problems.filter(Boolean);
}

function coerce(value: string, schema: any): unknown {
  const type = Array.isArray(schema?.type) ? schema.type[0] : schema?.type;
  if (type === 'integer' || type === 'number') return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
  if (type === 'boolean') return value === 'true' ? true : value === 'false' ? false : value;
  if (type === 'array') return value.split(',').map((x) => coerce(x, schema.items));
  return value;
}

/**
 * Problems with a JSON answer of the operation. A status the operation does not document is a
 * problem only when `strictStatus` (a handler chose it); generic answers such as 401 for a bad
 * token are GitHub's on every endpoint, documented or not.
 */
export function checkResponse(op: Operation, status: number, body: unknown, strictStatus: boolean): string[] {
  const key = String(status) in op.responses ? String(status) : 'default' in op.responses ? 'default' : undefined;
  if (key === undefined) return strictStatus ? [`status ${status} is not a documented answer of ${op.operationId}`] : [];
  const schema = op.responses[key];
  if (!schema) return body === undefined ? [] : [`status ${status} of ${op.operationId} has no body in the description, but one was sent`];
  const v = validator(`${op.method} ${op.path} ${key} response`, schema);
  return v(body) ? [] : [describe(v.errors, `response ${status}`)];
}
