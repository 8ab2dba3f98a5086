import { UserError } from '../errors.js';

/**
 * JSON as Python writes it: json.dump emits `NaN`, `Infinity` and `-Infinity` for non-finite
 * floats (DVC, dvclive, scikit-learn and pandas files carry them), which JSON.parse refuses.
 * JSON.parse also reports positions only in some of its messages, and differently across Node
 * versions. So: JSON.parse first (fast, and right for every strict text); when it refuses, a small
 * strict parser with the three extra literals runs instead, and either succeeds or names the exact
 * offset of the problem. Metrics files are parsed whole; data files one record at a time.
 */
export class JsonSyntaxError extends Error {
  /** Offset (UTF-16 code units) into the text where the problem is. */
  readonly offset: number;

  constructor(message: string, offset: number) {
    super(message);
    this.name = 'JsonSyntaxError';
    this.offset = offset;
  }
}

export interface LenientJsonOptions {
  /** How the end of the text is named in messages: a record's end is not the file's. */
  end?: string;
}

/**
 * How deep JSON may nest. Metrics, params and data records nest a handful of levels; a text nested
 * thousands deep parses (JSON.parse is iterative) but then overflows the stack of every recursive
 * walk after it — flattening, hashing, JSON.stringify — so it is refused here, at its place.
 */
export const MAX_JSON_DEPTH = 100;

/** Offset of the bracket that opens level `max + 1`, or -1. Brackets inside strings do not count. */
export function tooDeepAt(text: string, max = MAX_JSON_DEPTH): number {
  // Most texts have too few brackets to be that deep at all: two native scans say so.
  let brackets = 0;
  for (const open of ['[', '{']) {
    for (let i = text.indexOf(open); i !== -1 && brackets <= max; i = text.indexOf(open, i + 1)) brackets++;
  }
  if (brackets <= max) return -1;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // Skip the string, escapes included.
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c) i++;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return i;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return -1;
}

/** Parses one JSON value (with NaN and ±Infinity); throws a JsonSyntaxError. */
export function parseLenientJson(text: string, options: LenientJsonOptions = {}): unknown {
  const deep = tooDeepAt(text);
  if (deep >= 0) throw new JsonSyntaxError(`nested deeper than ${MAX_JSON_DEPTH} levels`, deep);
  try {
    return JSON.parse(text);
  } catch {
    return new TolerantJson(text, options.end ?? 'the end of the file').parseDocument();
  }
}

export interface JsonPlace extends LenientJsonOptions {
  /** Line on which the text starts in its file (a record in the middle of one). Default 1. */
  firstLine?: number;
  /** What the text is, for the message: `line 3` gives "invalid JSON in line 3: ...". */
  what?: string;
}

/** parseLenientJson, with a syntax error turned into a UserError at the file, line and column. */
export function parseJsonIn(text: string, file: string, place: JsonPlace = {}): unknown {
  try {
    return parseLenientJson(text, place);
  } catch (e) {
    if (!(e instanceof JsonSyntaxError)) throw e;
    const where = place.what ? ` in ${place.what}` : '';
    const at = lineColumn(text, e.offset, place.firstLine);
    throw new UserError(`invalid JSON${where}: ${e.message}`, { file, line: at.line, column: at.column, cause: e });
  }
}

/** Line and 1-based column of an offset; a column counts UTF-16 code units, as editors' do. */
export function lineColumn(text: string, offset: number, firstLine = 1): { line: number; column: number } {
  let line = firstLine;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

// No TypeScript-only syntax (parameter properties): bench/ runs these sources with Node's type stripping.
class TolerantJson {
  private pos = 0;
  private readonly text: string;
  private readonly end: string;

  constructor(text: string, end: string) {
    this.text = text;
    this.end = end;
  }

  parseDocument(): unknown {
    this.skipSpace();
    const value = this.parseValue();
    this.skipSpace();
    if (this.pos < this.text.length) this.fail(`unexpected ${this.describe()} after the JSON value`);
    return value;
  }

  private parseValue(): unknown {
    const c = this.text[this.pos];
    switch (c) {
      case '{':
        return this.parseObject();
      case '[':
        return this.parseArray();
      case '"':
        return this.parseString();
      case 't':
        return this.literal('true', true);
      case 'f':
        return this.literal('false', false);
      case 'n':
        return this.literal('null', null);
      case 'N':
        return this.literal('NaN', NaN);
      case 'I':
        return this.literal('Infinity', Infinity);
      case '-':
        if (this.text.startsWith('-Infinity', this.pos)) return this.literal('-Infinity', -Infinity);
        return this.parseNumber();
      default:
        if (c !== undefined && c >= '0' && c <= '9') return this.parseNumber();
        return this.fail(`expected a value, found ${this.describe()}`);
    }
  }

  private parseObject(): Record<string, unknown> {
    const obj: Record<string, unknown> = {};
    if (this.openList('}')) {
      do {
        if (this.text[this.pos] !== '"') this.fail(`expected a property name in double quotes, found ${this.describe()}`);
        const key = this.parseString();
        this.skipSpace();
        if (this.text[this.pos] !== ':') this.fail(`expected ':' after a property name, found ${this.describe()}`);
        this.pos++;
        this.skipSpace();
        const value = this.parseValue();
        // An own property, as JSON.parse makes it: assignment would set the prototype instead.
        if (key === '__proto__') {
          Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
        } else {
          obj[key] = value;
        }
      } while (this.nextItem('}', 'a property value'));
    }
    return obj;
  }

  private parseArray(): unknown[] {
    const arr: unknown[] = [];
    if (this.openList(']')) {
      do arr.push(this.parseValue());
      while (this.nextItem(']', 'an array element'));
    }
    return arr;
  }

  // Objects and arrays share the punctuation around their items; these two methods (rather than
  // one taking a callback per item) keep the slow path free of a closure per container.

  /** Steps over the opening bracket; false when the list closes at once (`{}`, `[]`). */
  private openList(close: string): boolean {
    this.pos++;
    this.skipSpace();
    if (this.text[this.pos] !== close) return true;
    this.pos++;
    return false;
  }

  /** After an item: true at a comma (another item follows), false at `close`, else an error. */
  private nextItem(close: string, itemName: string): boolean {
    this.skipSpace();
    const c = this.text[this.pos];
    if (c === close) {
      this.pos++;
      return false;
    }
    if (c !== ',') this.fail(`expected ',' or '${close}' after ${itemName}, found ${this.describe()}`);
    this.pos++;
    this.skipSpace();
    return true;
  }

  private parseString(): string {
    const start = this.pos;
    this.pos++;
    let out = '';
    let chunk = this.pos;
    for (;;) {
      if (this.pos >= this.text.length) this.fail('unterminated string', start);
      const code = this.text.charCodeAt(this.pos);
      if (code === 0x22) {
        out += this.text.slice(chunk, this.pos);
        this.pos++;
        return out;
      }
      if (code < 0x20) this.fail('a control character must be escaped inside a string (a newline as \\n)');
      if (code === 0x5c) {
        out += this.text.slice(chunk, this.pos);
        const e = this.text[this.pos + 1];
        if (e === 'u') {
          const hex = this.text.slice(this.pos + 2, this.pos + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('invalid \\u escape: expected four hex digits');
          out += String.fromCharCode(parseInt(hex, 16));
          this.pos += 6;
        } else if (e !== undefined && e in ESCAPES) {
          out += ESCAPES[e];
          this.pos += 2;
        } else {
          this.fail(`invalid escape ${JSON.stringify('\\' + (e ?? ''))}`);
        }
        chunk = this.pos;
        continue;
      }
      this.pos++;
    }
  }

  private parseNumber(): number {
    NUMBER.lastIndex = this.pos;
    const m = NUMBER.exec(this.text);
    if (!m) return this.fail(`invalid number`);
    this.pos += m[0].length;
    const next = this.text[this.pos];
    // `01`, `1.`, `1e` stop the regex early: the leftover digit or letter is the error.
    if (next !== undefined && /[0-9.eE+\-A-Za-z]/.test(next)) this.fail(`invalid number`, this.pos);
    return Number(m[0]);
  }

  private literal<T>(word: string, value: T): T {
    if (!this.text.startsWith(word, this.pos)) this.fail(`expected a value, found ${this.describe()}`);
    this.pos += word.length;
    return value;
  }

  private skipSpace(): void {
    for (;;) {
      const c = this.text.charCodeAt(this.pos);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) this.pos++;
      else return;
    }
  }

  private describe(): string {
    if (this.pos >= this.text.length) return this.end;
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.text.slice(this.pos, this.pos + 40))?.[0];
    return word ? `'${word}'` : JSON.stringify(this.text[this.pos]);
  }

  private fail(message: string, offset = this.pos): never {
    throw new JsonSyntaxError(message, offset);
  }
}
