import { UserError } from '../errors.js';
import { parseJsonIn } from '../files/lenient-json.js';
import { byteColumn, readChunks, type ChunkOptions } from './chunks.js';
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

export type JsonOptions = ChunkOptions;

const LF = 10;
const CR = 13;

/** One record's text, starting at `line`; `end` names where the text stops, for messages. */
function parseRecord(text: string, file: string, line: number, what: string, end?: string): Record<string, unknown> {
  const value = parseJsonIn(text, file, { firstLine: line, what, end });
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new UserError(`${what} is not a JSON object (a record), it is ${Array.isArray(value) ? 'an array' : JSON.stringify(value)}`, {
      file,
      line,
      column: 1,
    });
  }
  return value as Record<string, unknown>;
}

export async function readJsonLines(source: ByteSource, file: string, handler: JsonHandler, options: JsonOptions = {}): Promise<JsonStats> {
  let line = 1;
  let records = 0;
  let lastLine = 0;
  await readChunks(
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
          handler.row(parseRecord(text, file, line, `line ${line}`, 'the end of the line'), line);
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

export async function readJsonArray(source: ByteSource, file: string, handler: JsonHandler, options: JsonOptions = {}): Promise<JsonStats> {
  let line = 1;
  let state: number = State.Start;
  let records = 0;
  const fail = (message: string, buf: Buffer, at: number, from: number): never => {
    throw new UserError(message, { file, line, column: byteColumn(buf, at, from) });
  };
  await readChunks(
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
