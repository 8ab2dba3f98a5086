/**
 * JSON as Python writes it: json.dump emits `NaN`, `Infinity` and `-Infinity` for non-finite
 * floats (DVC, dvclive and scikit-learn files carry them), which JSON.parse refuses. JSON.parse also
 * reports positions only in some of its messages. So: JSON.parse first (fast, and right for every
 * strict file); when it refuses, this small strict parser with the three extra literals runs
 * instead, and either succeeds or names the exact offset of the problem.
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

export function parseJsonWithNonFinite(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return new TolerantJson(text).parseDocument();
  }
}

/** 1-based line and column of an offset; a column counts UTF-16 code units, as editors' do. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
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

  constructor(text: string) {
    this.text = text;
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
    this.pos++;
    this.skipSpace();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return obj;
    }
    for (;;) {
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
      this.skipSpace();
      const c = this.text[this.pos];
      if (c === '}') {
        this.pos++;
        return obj;
      }
      if (c !== ',') this.fail(`expected ',' or '}' after a property value, found ${this.describe()}`);
      this.pos++;
      this.skipSpace();
    }
  }

  private parseArray(): unknown[] {
    const arr: unknown[] = [];
    this.pos++;
    this.skipSpace();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return arr;
    }
    for (;;) {
      arr.push(this.parseValue());
      this.skipSpace();
      const c = this.text[this.pos];
      if (c === ']') {
        this.pos++;
        return arr;
      }
      if (c !== ',') this.fail(`expected ',' or ']' after an array element, found ${this.describe()}`);
      this.pos++;
      this.skipSpace();
    }
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
      if (code < 0x20) this.fail('a control character must be escaped inside a string');
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
    if (this.pos >= this.text.length) return 'the end of the file';
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.text.slice(this.pos, this.pos + 40))?.[0];
    return word ? `'${word}'` : JSON.stringify(this.text[this.pos]);
  }

  private fail(message: string, offset = this.pos): never {
    throw new JsonSyntaxError(message, offset);
  }
}
