import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import formatsModule from 'ajv-formats';

/**
 * Checks payloads against GitHub's webhook descriptions (@octokit/openapi-webhooks). That document
 * is OpenAPI 3.1, whose schemas are JSON Schema 2020-12 with nulls written as type arrays, so ajv's
 * 2020 dialect reads it as it stands: no `nullable` to rewrite.
 */

const DOC_ID = 'webhooks';
const addFormats: (ajv: Ajv2020) => unknown = (formatsModule as any).default ?? formatsModule;

let loaded: { ajv: Ajv2020; webhooks: Record<string, any> } | undefined;
const compiled = new Map<string, ValidateFunction>();

function retarget(node: any): void {
  if (Array.isArray(node)) {
    node.forEach(retarget);
    return;
  }
  if (!node || typeof node !== 'object') return;
  if (typeof node.$ref === 'string' && node.$ref.startsWith('#/')) node.$ref = `${DOC_ID}${node.$ref}`;
  for (const v of Object.values(node)) retarget(v);
}

function load() {
  if (loaded) return loaded;
  const file = createRequire(import.meta.url).resolve('@octokit/openapi-webhooks/generated/api.github.com.json');
  const doc = JSON.parse(readFileSync(file, 'utf8'));
  retarget(doc);
  // `example` and other OpenAPI annotations are not JSON Schema keywords: strict mode would refuse them.
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false, logger: false });
  addFormats(ajv);
  ajv.addSchema({ components: doc.components }, DOC_ID);
  loaded = { ajv, webhooks: doc.webhooks };
  return loaded;
}

/** Names of the described webhooks, e.g. `pull-request-opened`, `push`, `workflow-run-completed`. */
export function webhookNames(): string[] {
  return Object.keys(load().webhooks);
}

/** ajv's complaints about `payload` as the webhook `name` (e.g. 'pull-request-opened'); [] when valid. */
export function validateEvent(name: string, payload: unknown): string[] {
  const { ajv, webhooks } = load();
  let validate = compiled.get(name);
  if (!validate) {
    const schema = webhooks[name]?.post?.requestBody?.content?.['application/json']?.schema;
    if (!schema) throw new Error(`no webhook named ${name} in @octokit/openapi-webhooks`);
    validate = ajv.compile(schema);
    compiled.set(name, validate);
  }
  if (validate(payload)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`);
}
