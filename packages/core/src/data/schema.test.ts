import { describe, expect, it } from 'vitest';
import { isUserError, type UserError } from '../errors.js';
import { parseSchema } from './schema.js';

function schemaError(text: string): UserError {
  try {
    parseSchema(text, 'data/schema.yml');
  } catch (e) {
    if (isUserError(e)) return e as UserError;
    throw e;
  }
  throw new Error('expected a UserError');
}

describe('parseSchema', () => {
  it('reads the documented shape', () => {
    const s = parseSchema(`
columns:
  species:  { type: string, enum: [Adelie, Chinstrap, Gentoo] }
  bill_mm:  { type: number, min: 25, max: 70, nullable: true }
  id:       { type: integer, unique: true }
  email:    { type: string, pattern: "^[^@]+@[^@]+$", severity: warning }
  when:     { type: date, min: 2020-01-01 }
  price:    { type: number, mostly: 0.99, min: 0 }
rows: { min: 100 }
strict: true
nulls: ["", "NA", "-"]
drift: { method: auto, threshold: 0.2, share: 0.3, columns: { price: { method: psi }, id: false } }
`);
    expect(s.columns!.when).toEqual({ type: 'date', min: '2020-01-01' });
    expect(s.drift!.columns!.id).toBe(false);
  });

  it('points at the line and column of an unknown key', () => {
    const e = schemaError('columns:\n  a: { type: string }\n  b: { type: number, maximum: 3 }\n');
    expect(e.message).toMatch(/unknown key `maximum`/);
    expect([e.file, e.line, e.column]).toEqual(['data/schema.yml', 3, 22]);
  });

  it('points at a wrong value', () => {
    const e = schemaError('columns:\n  a:\n    type: text\n');
    expect(e.message).toMatch(/columns\.a\.type must be one of/);
    expect([e.line, e.column]).toEqual([3, 11]);
  });

  it('refuses a regex that does not compile, at its line', () => {
    const e = schemaError('columns:\n  a: { type: string, pattern: "([a-z" }\n');
    expect(e.message).toMatch(/not a valid regular expression/);
    expect(e.line).toBe(2);
  });

  it('refuses bounds that do not fit the type', () => {
    expect(schemaError('columns:\n  d: { type: date, min: 5 }\n').message).toMatch(/ISO date/);
    expect(schemaError('columns:\n  s: { type: string, max: 5 }\n').message).toMatch(/not string/);
    expect(schemaError('columns:\n  n: { type: number, min: 5, max: 1 }\n').message).toMatch(/greater than/);
  });

  it('reports YAML syntax errors with their place', () => {
    const e = schemaError('columns:\n  a: { type: string\n');
    expect(e.message).toMatch(/not valid YAML/);
    expect(e.line).toBeGreaterThanOrEqual(2);
  });
});

describe('patterns run in linear time', () => {
  it('refuses lookaround and backreferences at the pattern line', () => {
    const text = 'columns:\n  id:\n    type: string\n  code:\n    type: string\n    pattern: "(a)\\\\1"\n';
    expect(() => parseSchema(text, 's.yml')).toThrow(
      expect.objectContaining({ file: 's.yml', line: 6, message: expect.stringMatching(/column code: pattern cannot be matched in linear time.*\\1/) }),
    );
  });
});
