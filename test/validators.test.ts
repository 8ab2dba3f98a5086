import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { DATA_SCHEMA_JSON_SCHEMA } from '../packages/core/src/data/data-schema.js';
import { validate as validateData } from '../packages/core/src/data/data-schema.validate.js';
import { HISTORY_ENTRY_JSON_SCHEMA } from '../packages/core/src/history/entry-schema.js';
import { validate as validateEntry } from '../packages/core/src/history/entry-schema.validate.js';
import { GATES_JSON_SCHEMA } from '../packages/core/src/metrics/gates-schema.js';
import { validate as validateGates } from '../packages/core/src/metrics/gates-schema.validate.js';
import { PLOTS_CONFIG_JSON_SCHEMA } from '../packages/core/src/plots/config-schema.js';
import { validate as validatePlots } from '../packages/core/src/plots/config-schema.validate.js';
import { SECTION_JSON_SCHEMA } from '../packages/core/src/section/section-schema.js';
import { validate as validateSection } from '../packages/core/src/section/section-schema.validate.js';
import { ROOT } from './support/runner.js';
// @ts-expect-error plain JS script
import { generate, VALIDATORS } from '../scripts/json-schema-validators.js';

/**
 * The JSON Schemas' validators are ajv standalone code, generated and committed
 * (scripts/json-schema-validators.js): a schema changed without `npm run validators` would be
 * checked by its old validator.
 */
describe('the generated JSON Schema validators', () => {
  it('are what the generator writes from the schemas as they are now', async () => {
    const generated: Array<{ file: string; text: string }> = await generate();
    expect(generated.map((g) => g.file)).toHaveLength(VALIDATORS.length);
    for (const g of generated) expect(readFileSync(join(ROOT, g.file), 'utf8'), `${g.file} is stale: run npm run validators`).toBe(g.text);
  });

  it('are every *.validate.ts of the core', () => {
    const found = (dir: string): string[] =>
      readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? found(join(dir, e.name)) : e.name.endsWith('.validate.ts') ? [join(dir, e.name)] : [],
      );
    const listed = VALIDATORS.map((v: { module: string }) => join('packages/core/src', v.module.replace(/\.ts$/, '.validate.ts')));
    expect(found('packages/core/src').sort()).toEqual(listed.sort());
  });

  // The generated code runs without ajv's compiler; it must answer as a run-time compile does.
  it.each([
    ['section', SECTION_JSON_SCHEMA, validateSection, { schema: 'mlci/section@1', action: 'x', id: '../up', stage: 'data' }],
    [
      'data schema',
      DATA_SCHEMA_JSON_SCHEMA,
      validateData,
      { columns: { a: { type: 'text', min: 'x', drift: { method: 'psi', threshold: 0 } } }, rows: { min: -1 } },
    ],
    ['gates', GATES_JSON_SCHEMA, validateGates, { metrics: { 'a.json:acc': { 'max-regression': '5 percent', confidence: 1 } } }],
    ['plots', PLOTS_CONFIG_JSON_SCHEMA, validatePlots, { plots: [{ data: '', template: 'pie', y: [] }] }],
    ['history entry', HISTORY_ENTRY_JSON_SCHEMA, validateEntry, { sha: 'abc', time: 'yesterday', metrics: { a: { b: 'c' } } }],
  ] as const)('the %s validator gives the errors of ajv compiling the schema at run time', (what, schema, validate, bad) => {
    const history = what === 'history entry';
    const compiled = new Ajv({ allErrors: !history, strict: false }).compile(schema);
    expect(validate(bad)).toBe(false);
    expect(compiled(bad)).toBe(false);
    expect(validate.errors).toEqual(compiled.errors);
    expect(validate.errors?.length).toBeGreaterThan(history ? 0 : 1);
  });
});
