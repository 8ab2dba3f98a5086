import { describe, expect, it, vi } from 'vitest';
import { isUserError, type UserError } from '../errors.js';
import { parseSchema } from './schema.js';

// Counts the loads of the RE2JS wrapper: a schema whose patterns the byte matcher takes never loads it.
const re2 = vi.hoisted(() => ({ loads: 0 }));
vi.mock('./pattern.js', async (original) => {
  re2.loads++;
  return original();
});

async function schemaError(text: string): Promise<UserError> {
  try {
    await parseSchema(text, 'data/schema.yml');
  } catch (e) {
    if (isUserError(e)) return e as UserError;
    throw e;
  }
  throw new Error('expected a UserError');
}

describe('RE2JS', () => {
  // First in this file: no test before it has parsed a pattern.
  it("checks the byte matcher's patterns without loading RE2JS, and the others with it", async () => {
    const schema = await parseSchema('columns:\n  code: { type: string, pattern: "^[A-Z]{3}$" }\n  n: { type: integer, min: 1, max: 5 }\n');
    expect(schema.columns!.code.pattern).toBe('^[A-Z]{3}$');
    expect(re2.loads).toBe(0);
    // Its bounds are still checked after the pattern.
    await expect(parseSchema('columns:\n  code: { type: string, pattern: "^\\\\d+$", min: 1 }\n')).rejects.toThrow(/min applies to number/);
    expect(re2.loads).toBe(0);
    await parseSchema('columns:\n  code: { type: string, pattern: "^(SFO|LAX)$" }\n');
    expect(re2.loads).toBe(1);
  });
});

describe('parseSchema', () => {
  it('reads the documented shape', async () => {
    const s = await parseSchema(`
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

  it('points at the line and column of an unknown key', async () => {
    const e = await schemaError('columns:\n  a: { type: string }\n  b: { type: number, maximum: 3 }\n');
    expect(e.message).toMatch(/unknown key `maximum`/);
    expect([e.file, e.line, e.column]).toEqual(['data/schema.yml', 3, 22]);
  });

  it('points at a wrong value', async () => {
    const e = await schemaError('columns:\n  a:\n    type: text\n');
    expect(e.message).toMatch(/columns\.a\.type must be one of/);
    expect([e.line, e.column]).toEqual([3, 11]);
  });

  it('refuses a regex that does not compile, at its line', async () => {
    const e = await schemaError('columns:\n  a: { type: string, pattern: "([a-z" }\n');
    expect(e.message).toMatch(/not a valid regular expression/);
    expect(e.line).toBe(2);
  });

  it('refuses bounds that do not fit the type', async () => {
    expect((await schemaError('columns:\n  d: { type: date, min: 5 }\n')).message).toMatch(/ISO date/);
    expect((await schemaError('columns:\n  s: { type: string, max: 5 }\n')).message).toMatch(/not string/);
    expect((await schemaError('columns:\n  n: { type: number, min: 5, max: 1 }\n')).message).toMatch(/greater than/);
  });

  it('reports YAML syntax errors with their place', async () => {
    const e = await schemaError('columns:\n  a: { type: string\n');
    expect(e.message).toMatch(/not valid YAML/);
    expect(e.line).toBeGreaterThanOrEqual(2);
  });
});

describe('patterns run in linear time', () => {
  it('refuses lookaround and backreferences at the pattern line', async () => {
    const text = 'columns:\n  id:\n    type: string\n  code:\n    type: string\n    pattern: "(a)\\\\1"\n';
    await expect(parseSchema(text, 's.yml')).rejects.toThrow(
      expect.objectContaining({ file: 's.yml', line: 6, message: expect.stringMatching(/column code: pattern cannot be matched in linear time.*\\1/) }),
    );
  });
});
