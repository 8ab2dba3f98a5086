import { UserError } from '../errors.js';
import { JsonSyntaxError, parseJsonLenient, placeOf } from './json-parse.js';
import type { ByteSource } from './source.js';

/**
 * Streaming readers for JSON Lines and for a JSON array of records. A record is cut out of the
 * byte stream first (a line; an array element found by tracking brackets and strings) and only
 * that record is handed to JSON.parse, so a 1 GB array never becomes one string, and every record
 * keeps the line where it starts.
 */
export interface JsonHandler {
  row(record: Record<string, unknown>, line: number): void;
}

export interface JsonStats {
  records: number;
  lines: number;
}

export interface JsonOptions {
  maxRecordBytes?: number;
  chunkBytes?: number;
}

const LF = 10;
const CR = 13;

/** Fills and slides one buffer; `consume` returns how far it got (or -1 when it needs more). */
async function pump(
  source: ByteSource,
  file: string,
  options: JsonOptions,
  consume: (buf: Buffer, pos: number, len: number, eof: boolean) => number,
  lineAt: () => number,
): Promise<void> {
  const maxRecord = options.maxRecordBytes ?? 64 * 1024 * 1024;
  let buf = Buffer.allocUnsafe(options.chunkBytes ?? 1 << 20);
  let len = 0;
  let pos = 0;
  let eof = false;
  let first = true;
  while (!eof) {
    if (pos > 0) {
      buf.copyWithin(0, pos, len);
      len -= pos;
      pos = 0;
    }
    if (len === buf.length) {
      if (buf.length >= maxRecord) {
        throw new UserError(`a record starting at line ${lineAt()} is longer than ${Math.round(maxRecord / 1048576)} MiB`, {
          file,
          line: lineAt(),
        });
      }
      const bigger = Buffer.allocUnsafe(Math.min(buf.length * 2, maxRecord));
      buf.copy(bigger, 0, 0, len);
      buf = bigger;
    }
    const n = await source.read(buf, len, buf.length - len);
    if (n === 0) eof = true;
    len += n;
    if (first && (len >= 3 || eof)) {
      first = false;
      if (len >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) pos = 3;
    }
    if (!first) pos = consume(buf, pos, len, eof);
  }
}

function parseRecord(text: string, file: string, line: number, what: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    try {
      value = parseJsonLenient(text);
    } catch (e) {
      if (!(e instanceof JsonSyntaxError)) throw e;
      const at = placeOf(text, e.offset, line);
      throw new UserError(`invalid JSON in ${what}: ${e.message}`, { file, line: at.line, column: at.column });
    }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new UserError(`${what} is not a JSON object (a record), it is ${Array.isArray(value) ? 'an array' : JSON.stringify(value)}`, {
      file,
      line,
      column: 1,
    });
  }
  return value as Record<string, unknown>;
}

export async function readJsonLines(
  source: ByteSource,
  file: string,
  handler: JsonHandler,
  options: JsonOptions = {},
): Promise<JsonStats> {
  let line = 1;
  let records = 0;
  let lastLine = 0;
  await pump(
    source,
    file,
    options,
    (buf, p, len, eof) => {
      while (p < len) {
        let nl = buf.indexOf(LF, p);
        if (nl >= len) nl = -1;
        if (nl < 0 && !eof) return p;
        const end = nl < 0 ? len : nl;
        let e = end;
        if (e > p && buf[e - 1] === CR) e--;
        let s = p;
        while (s < e && (buf[s] === 32 || buf[s] === 9)) s++;
        if (s < e) {
          const text = buf.toString('utf8', s, e);
          handler.row(parseRecord(text, file, line, `line ${line}`), line);
          records++;
        }
        lastLine = line;
        line++;
        p = nl < 0 ? len : nl + 1;
      }
      return p;
    },
    () => line,
  );
  return { records, lines: lastLine };
}

const State = { Start: 0, Element: 1, AfterElement: 2, Done: 3 } as const;

export async function readJsonArray(
  source: ByteSource,
  file: string,
  handler: JsonHandler,
  options: JsonOptions = {},
): Promise<JsonStats> {
  let line = 1;
  let state: number = State.Start;
  let records = 0;
  const place = (buf: Buffer, at: number, from: number) => {
    let i = at - 1;
    while (i >= from && buf[i] !== LF) i--;
    return at - i;
  };
  const fail = (message: string, buf: Buffer, at: number, from: number): never => {
    throw new UserError(message, { file, line, column: place(buf, at, from) });
  };
  await pump(
    source,
    file,
    options,
    (buf, p, len, eof) => {
      for (;;) {
        // Whitespace between tokens at the array's level.
        while (p < len) {
          const c = buf[p];
          if (c === LF) line++;
          else if (c !== 32 && c !== 9 && c !== CR) break;
          p++;
        }
        if (p >= len) {
          if (!eof) return p;
          if (state !== State.Done) {
            throw new UserError(
              state === State.Start ? 'the file is empty: expected a JSON array of records' : 'the JSON array is never closed (a `]` is missing)',
              { file, line },
            );
          }
          return p;
        }
        const c = buf[p];
        if (state === State.Done) fail(`unexpected ${JSON.stringify(String.fromCharCode(c))} after the end of the JSON array`, buf, p, 0);
        if (state === State.Start) {
          if (c !== 0x5b) fail('expected a JSON array of records (`[{...}, ...]`) or JSON Lines', buf, p, 0);
          state = State.Element;
          p++;
          continue;
        }
        if (state === State.AfterElement) {
          if (c === 0x2c) {
            state = State.Element;
            p++;
            continue;
          }
          if (c === 0x5d) {
            state = State.Done;
            p++;
            continue;
          }
          fail(`expected ',' or ']' between records, found ${JSON.stringify(String.fromCharCode(c))}`, buf, p, 0);
        }
        // State.Element
        if (c === 0x5d && records === 0) {
          state = State.Done;
          p++;
          continue;
        }
        if (c !== 0x7b) {
          fail(`record ${records + 1} of the JSON array is not an object (a record)`, buf, p, 0);
        }
        const start = p;
        const startLine = line;
        let depth = 0;
        let inString = false;
        let q = p;
        let lines = 0;
        let complete = false;
        for (; q < len; q++) {
          const b = buf[q];
          if (inString) {
            if (b === 0x5c) q++;
            else if (b === 0x22) inString = false;
            else if (b === LF) lines++;
            continue;
          }
          if (b === 0x22) inString = true;
          else if (b === 0x7b || b === 0x5b) depth++;
          else if (b === 0x7d || b === 0x5d) {
            if (--depth === 0) {
              complete = true;
              q++;
              break;
            }
          } else if (b === LF) lines++;
        }
        if (!complete) {
          if (!eof) return start;
          // Let the parser say what is wrong with the truncated record.
          parseRecord(buf.toString('utf8', start, len), file, startLine, `record ${records + 1}`);
          fail('the JSON array is never closed', buf, len, 0);
        }
        const text = buf.toString('utf8', start, q);
        handler.row(parseRecord(text, file, startLine, `the record at line ${startLine}`), startLine);
        records++;
        line = startLine + lines;
        state = State.AfterElement;
        p = q;
      }
    },
    () => line,
  );
  return { records, lines: line };
}
