import { describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import { AJV_OPTIONS, parseYamlWithSchema, readYamlFile, schemaViolations } from './yaml-schema.js';

// Compiled at run time here: the config files' validators are compiled ahead of time with the same options.
const compileYamlSchema = (schema: object) => new Ajv(AJV_OPTIONS).compile(schema);

const validate = compileYamlSchema({
  type: 'object',
  additionalProperties: false,
  properties: {
    name: { type: 'string' },
    level: { enum: ['low', 'high'] },
    items: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id'],
        properties: { id: { type: 'integer' }, tags: { type: 'array', items: { type: 'string' } } },
      },
    },
    drift: { anyOf: [{ const: false }, { type: 'object', additionalProperties: false, properties: { method: { enum: ['psi', 'ks'] } } }] },
  },
});

const violations = (text: string) => schemaViolations(readYamlFile(text, 'c.yml'), validate);
const brief = (text: string) => violations(text).map((v) => [v.keyword, v.path, v.place.line, v.place.column]);

describe('schemaViolations', () => {
  it('finds nothing in a file that fits', () => {
    expect(violations('name: a\nlevel: low\nitems:\n  - id: 1\n    tags: [x]\ndrift: false\n')).toEqual([]);
  });

  it('points an unknown key at the key itself, with its path', () => {
    expect(violations('name: a\n  \ncolour: red\n')).toEqual([
      expect.objectContaining({ keyword: 'additionalProperties', path: ['colour'], place: { file: 'c.yml', line: 3, column: 1 } }),
    ]);
  });

  it('points a value outside an enum at the value, with the allowed values', () => {
    const [v] = violations('name: a\nlevel:   medium\n');
    expect(v).toMatchObject({ keyword: 'enum', path: ['level'], params: { allowedValues: ['low', 'high'] }, place: { line: 2, column: 10 } });
  });

  it('names list items by index and places nested mistakes in flow and block style', () => {
    const text = 'items:\n  - id: 1\n  - id: two\n  - { id: 3, tags: [a, 5] }\n';
    expect(brief(text)).toEqual([
      ['type', ['items', 1, 'id'], 3, 9],
      ['type', ['items', 2, 'tags', 1], 4, 24],
    ]);
  });

  it('lists several mistakes in the order they are written, a missing key at its mapping', () => {
    const text = 'level: x\nitems:\n  - tags: []\nname: 3\nextra: 1\n';
    expect(brief(text)).toEqual([
      ['enum', ['level'], 1, 8],
      ['required', ['items', 0], 3, 5],
      ['type', ['name'], 4, 7],
      ['additionalProperties', ['extra'], 5, 1],
    ]);
  });

  it('of an anyOf, keeps the branch that got deepest and drops the summary', () => {
    expect(brief('drift:\n  method: chi\n')).toEqual([['enum', ['drift', 'method'], 2, 11]]);
  });

  it('keeps a mapping key that looks like a number a key, not an index', () => {
    const v = compileYamlSchema({ type: 'object', additionalProperties: { type: 'number' } });
    expect(schemaViolations(readYamlFile('"7": x\n', 'n.yml'), v)).toEqual([
      expect.objectContaining({ path: ['7'], place: { file: 'n.yml', line: 1, column: 6 } }),
    ]);
  });
});

describe('parseYamlWithSchema', () => {
  it("throws the first violation in the caller's words, at its place", () => {
    expect(() => parseYamlWithSchema('name: a\nlevel: x\nextra: 1\n', 'c.yml', validate, (v) => `bad ${v.path.join('.')}`)).toThrow(
      expect.objectContaining({ name: 'UserError', message: 'bad level', file: 'c.yml', line: 2, column: 8 }),
    );
  });

  it('reads an empty file as an empty mapping', () => {
    expect(parseYamlWithSchema('', 'c.yml', validate, () => 'x').value).toEqual({});
  });

  it('says a syntax error with its place, in the words asked for', () => {
    expect(() => parseYamlWithSchema('items: [a\n', 'c.yml', validate, () => 'x', { invalid: 'the file is not valid YAML' })).toThrow(
      expect.objectContaining({ message: expect.stringMatching(/^the file is not valid YAML: /), file: 'c.yml', line: 2 }),
    );
  });
});
