/**
 * Just enough GraphQL for the loopback server: a parser for executable documents (operations,
 * variables, arguments, aliases, fragments) and an executor over plain resolver objects.
 * The `graphql` package is not installed here, and the handful of fields GitHub tests need does
 * not justify a schema language: a field is a property or a function of its arguments.
 */

export type Value = null | boolean | number | string | Value[] | { [k: string]: Value };

type ValueNode =
  | { kind: 'var'; name: string }
  | { kind: 'lit'; value: Value }
  | { kind: 'enum'; value: string }
  | { kind: 'list'; items: ValueNode[] }
  | { kind: 'obj'; fields: Record<string, ValueNode> };

export interface Field {
  kind: 'field';
  alias?: string;
  name: string;
  args: Record<string, ValueNode>;
  selections?: Selection[];
  line: number;
  column: number;
}
type Selection = Field | { kind: 'spread'; name: string } | { kind: 'inline'; on?: string; selections: Selection[] };

export interface OperationDef {
  type: 'query' | 'mutation' | 'subscription';
  name?: string;
  variables: Array<{ name: string; type: string; defaultValue?: ValueNode }>;
  selections: Selection[];
}

export interface Document {
  operations: OperationDef[];
  fragments: Map<string, { on: string; selections: Selection[] }>;
}

export interface GraphQLError {
  message: string;
  type?: string;
  path?: Array<string | number>;
  locations?: Array<{ line: number; column: number }>;
  extensions?: Record<string, unknown>;
}

export class GraphQLFailure extends Error {
  constructor(readonly error: GraphQLError) {
    super(error.message);
  }
}

interface Token {
  kind: 'punct' | 'name' | 'int' | 'float' | 'string' | 'eof';
  value: string;
  line: number;
  column: number;
}

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const at = (): Pick<Token, 'line' | 'column'> => ({ line, column: i - lineStart + 1 });
  while (i < src.length) {
    const c = src[i];
    if (c === '\n') {
      i++;
      line++;
      lineStart = i;
    } else if (c === ' ' || c === '\t' || c === '\r' || c === ',' || c === '\uFEFF') {
      i++;
    } else if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
    } else if (src.startsWith('...', i)) {
      tokens.push({ kind: 'punct', value: '...', ...at() });
      i += 3;
    } else if ('!$():=@[]{}|&'.includes(c)) {
      tokens.push({ kind: 'punct', value: c, ...at() });
      i++;
    } else if (/[_A-Za-z]/.test(c)) {
      const m = /^[_A-Za-z][_0-9A-Za-z]*/.exec(src.slice(i))!;
      tokens.push({ kind: 'name', value: m[0], ...at() });
      i += m[0].length;
    } else if (/[-0-9]/.test(c)) {
      const m = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(src.slice(i));
      if (!m) throw syntax(`Unexpected character "${c}"`, at());
      tokens.push({ kind: m[2] || m[3] ? 'float' : 'int', value: m[0], ...at() });
      i += m[0].length;
    } else if (src.startsWith('"""', i)) {
      const end = src.indexOf('"""', i + 3);
      if (end < 0) throw syntax('Unterminated string', at());
      const raw = src.slice(i + 3, end);
      tokens.push({ kind: 'string', value: raw.replace(/\\"""/g, '"""'), ...at() });
      for (const ch of raw) if (ch === '\n') line++;
      i = end + 3;
    } else if (c === '"') {
      const start = at();
      let j = i + 1;
      let s = '';
      for (; j < src.length && src[j] !== '"'; j++) {
        if (src[j] === '\n') throw syntax('Unterminated string', start);
        if (src[j] === '\\') {
          const e = src[++j];
          if (e === 'u') {
            s += String.fromCharCode(parseInt(src.slice(j + 1, j + 5), 16));
            j += 4;
          } else s += ({ n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' } as Record<string, string>)[e] ?? e;
        } else s += src[j];
      }
      if (j >= src.length) throw syntax('Unterminated string', start);
      tokens.push({ kind: 'string', value: s, ...start });
      i = j + 1;
    } else {
      throw syntax(`Unexpected character "${c}"`, at());
    }
  }
  tokens.push({ kind: 'eof', value: '', ...at() });
  return tokens;
}

function syntax(message: string, where: { line: number; column: number }): GraphQLFailure {
  return new GraphQLFailure({ message: `Parse error: ${message} at [${where.line}, ${where.column}]`, locations: [where] });
}

export function parse(src: string): Document {
  const t = tokenize(src);
  let p = 0;
  const peek = (value?: string): boolean => (value === undefined ? false : t[p].value === value && t[p].kind !== 'string');
  const next = (): Token => t[p++];
  const expect = (value: string): Token => {
    if (!peek(value)) throw syntax(`expected "${value}", found "${t[p].value || 'end of document'}"`, t[p]);
    return next();
  };
  const name = (): string => {
    if (t[p].kind !== 'name') throw syntax(`expected a name, found "${t[p].value || 'end of document'}"`, t[p]);
    return next().value;
  };

  const value = (constant: boolean): ValueNode => {
    const tok = t[p];
    if (peek('$')) {
      if (constant) throw syntax('unexpected variable', tok);
      next();
      return { kind: 'var', name: name() };
    }
    if (peek('[')) {
      next();
      const items: ValueNode[] = [];
      while (!peek(']')) items.push(value(constant));
      next();
      return { kind: 'list', items };
    }
    if (peek('{')) {
      next();
      const fields: Record<string, ValueNode> = {};
      while (!peek('}')) {
        const k = name();
        expect(':');
        fields[k] = value(constant);
      }
      next();
      return { kind: 'obj', fields };
    }
    next();
    switch (tok.kind) {
      case 'int':
      case 'float':
        return { kind: 'lit', value: Number(tok.value) };
      case 'string':
        return { kind: 'lit', value: tok.value };
      case 'name':
        if (tok.value === 'true' || tok.value === 'false') return { kind: 'lit', value: tok.value === 'true' };
        if (tok.value === 'null') return { kind: 'lit', value: null };
        return { kind: 'enum', value: tok.value };
      default:
        throw syntax(`unexpected "${tok.value || 'end of document'}"`, tok);
    }
  };

  const typeRef = (): string => {
    let s: string;
    if (peek('[')) {
      next();
      s = `[${typeRef()}]`;
      expect(']');
    } else s = name();
    if (peek('!')) {
      next();
      s += '!';
    }
    return s;
  };

  const directives = (): void => {
    // Accepted and ignored: GitHub's clients do not send @include/@skip to these fields.
    while (peek('@')) {
      next();
      name();
      if (peek('(')) arguments_();
    }
  };

  const arguments_ = (): Record<string, ValueNode> => {
    const args: Record<string, ValueNode> = {};
    expect('(');
    while (!peek(')')) {
      const k = name();
      expect(':');
      args[k] = value(false);
    }
    next();
    return args;
  };

  const selectionSet = (): Selection[] => {
    expect('{');
    const out: Selection[] = [];
    while (!peek('}')) {
      if (t[p].kind === 'eof') throw syntax('expected "}", found end of document', t[p]);
      if (peek('...')) {
        next();
        if (t[p].kind === 'name' && t[p].value !== 'on') {
          out.push({ kind: 'spread', name: name() });
          directives();
        } else {
          let on: string | undefined;
          if (t[p].value === 'on') {
            next();
            on = name();
          }
          directives();
          out.push({ kind: 'inline', on, selections: selectionSet() });
        }
        continue;
      }
      const start = t[p];
      let fieldName = name();
      let alias: string | undefined;
      if (peek(':')) {
        next();
        alias = fieldName;
        fieldName = name();
      }
      const args = peek('(') ? arguments_() : {};
      directives();
      const selections = peek('{') ? selectionSet() : undefined;
      out.push({ kind: 'field', alias, name: fieldName, args, selections, line: start.line, column: start.column });
    }
    next();
    if (out.length === 0) throw syntax('a selection set cannot be empty', t[p - 1]);
    return out;
  };

  const doc: Document = { operations: [], fragments: new Map() };
  while (t[p].kind !== 'eof') {
    if (peek('{')) {
      doc.operations.push({ type: 'query', variables: [], selections: selectionSet() });
      continue;
    }
    const kw = name();
    if (kw === 'fragment') {
      const fragName = name();
      if (t[p].value !== 'on') throw syntax('expected "on"', t[p]);
      next();
      const on = name();
      directives();
      doc.fragments.set(fragName, { on, selections: selectionSet() });
    } else if (kw === 'query' || kw === 'mutation' || kw === 'subscription') {
      const op: OperationDef = { type: kw, variables: [], selections: [] };
      if (t[p].kind === 'name') op.name = name();
      if (peek('(')) {
        next();
        while (!peek(')')) {
          expect('$');
          const v = name();
          expect(':');
          const type = typeRef();
          let defaultValue: ValueNode | undefined;
          if (peek('=')) {
            next();
            defaultValue = value(true);
          }
          op.variables.push({ name: v, type, defaultValue });
        }
        next();
      }
      directives();
      op.selections = selectionSet();
      doc.operations.push(op);
    } else {
      throw syntax(`unexpected "${kw}"`, t[p - 1]);
    }
  }
  if (doc.operations.length === 0) throw syntax('no operation in the document', t[p]);
  return doc;
}

/** Picks the operation to run as GraphQL does: the named one, or the only one. */
export function pickOperation(doc: Document, operationName?: string): OperationDef {
  if (operationName) {
    const op = doc.operations.find((o) => o.name === operationName);
    if (!op) throw new GraphQLFailure({ message: `No operation named "${operationName}"` });
    return op;
  }
  if (doc.operations.length > 1) throw new GraphQLFailure({ message: 'An operation name is required when the document has several operations' });
  return doc.operations[0];
}

/**
 * A resolved object: each property is a value, a nested object, or a function of the field's
 * arguments. `__typename` names the type in error messages and answers `__typename` selections.
 */
export type Resolved = { __typename?: string; [field: string]: unknown };

export interface Execution {
  data: Record<string, unknown> | null;
  errors: GraphQLError[];
}

/** Runs an operation against root resolvers. A root field that throws is null with its error. */
export function execute(doc: Document, op: OperationDef, root: Resolved, variables: Record<string, unknown> = {}): Execution {
  const vars: Record<string, unknown> = {};
  for (const v of op.variables) {
    if (variables[v.name] !== undefined) vars[v.name] = variables[v.name];
    else if (v.defaultValue) vars[v.name] = evaluate(v.defaultValue, {});
    else if (v.type.endsWith('!')) {
      return {
        data: null,
        errors: [
          {
            message: `Variable $${v.name} of type ${v.type} was provided invalid value`,
            extensions: { value: null, problems: [{ path: [], explanation: 'Expected value to not be null' }] },
          },
        ],
      };
    }
  }
  const errors: GraphQLError[] = [];
  const data: Record<string, unknown> = {};
  for (const field of flatten(doc, op.selections, root.__typename)) {
    const key = field.alias ?? field.name;
    try {
      data[key] = resolveField(doc, root, field, vars, [key]);
    } catch (e) {
      data[key] = null;
      const err = e instanceof GraphQLFailure ? e.error : { message: String((e as Error)?.message ?? e) };
      errors.push({ path: [key], locations: [{ line: field.line, column: field.column }], ...err });
    }
  }
  return { data, errors };
}

function evaluate(node: ValueNode, vars: Record<string, unknown>): unknown {
  switch (node.kind) {
    case 'var':
      return vars[node.name] ?? null;
    case 'lit':
      return node.value;
    case 'enum':
      return node.value;
    case 'list':
      return node.items.map((x) => evaluate(x, vars));
    case 'obj':
      return Object.fromEntries(Object.entries(node.fields).map(([k, v]) => [k, evaluate(v, vars)]));
  }
}

function flatten(doc: Document, selections: Selection[], typename: string | undefined): Field[] {
  const out: Field[] = [];
  for (const s of selections) {
    if (s.kind === 'field') out.push(s);
    else if (s.kind === 'inline') {
      if (!s.on || !typename || s.on === typename) out.push(...flatten(doc, s.selections, typename));
    } else {
      const frag = doc.fragments.get(s.name);
      if (!frag) throw new GraphQLFailure({ message: `Fragment ${s.name} was used, but not defined` });
      if (!typename || frag.on === typename) out.push(...flatten(doc, frag.selections, typename));
    }
  }
  return out;
}

function resolveField(doc: Document, parent: Resolved, field: Field, vars: Record<string, unknown>, path: Array<string | number>): unknown {
  if (field.name === '__typename') return parent.__typename ?? null;
  if (!(field.name in parent)) {
    throw new GraphQLFailure({
      message: `Field '${field.name}' doesn't exist on type '${parent.__typename ?? 'Object'}'`,
      extensions: { code: 'undefinedField', typeName: parent.__typename, fieldName: field.name },
    });
  }
  const args = Object.fromEntries(Object.entries(field.args).map(([k, v]) => [k, evaluate(v, vars)]));
  let value = parent[field.name];
  if (typeof value === 'function') value = value(args);
  return project(doc, value, field, vars, path);
}

function project(doc: Document, value: unknown, field: Field, vars: Record<string, unknown>, path: Array<string | number>): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map((v, i) => project(doc, v, field, vars, [...path, i]));
  if (typeof value === 'object') {
    if (!field.selections) {
      throw new GraphQLFailure({
        message: `Field must have selections (field '${field.name}' returns ${(value as Resolved).__typename ?? 'an object'} but has no selections)`,
      });
    }
    const obj = value as Resolved;
    const out: Record<string, unknown> = {};
    for (const f of flatten(doc, field.selections, obj.__typename)) {
      const key = f.alias ?? f.name;
      out[key] = resolveField(doc, obj, f, vars, [...path, key]);
    }
    return out;
  }
  if (field.selections) throw new GraphQLFailure({ message: `Selections can't be made on scalars (field '${field.name}')` });
  return value;
}
