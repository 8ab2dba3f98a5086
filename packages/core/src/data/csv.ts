import { UserError } from '../errors.js';
import { byteColumn, readChunks, type ChunkOptions } from './chunks.js';
import type { ByteSource } from './source.js';

/**
 * A streaming RFC 4180 reader over raw bytes.
 *
 * Why not csv-parse or d3-dsv: both hand every cell to JavaScript as a string (and csv-parse a
 * record array per row), so a million-row file costs millions of short-lived allocations; measured
 * on the 1,000,000-row flights CSV, that alone is slower than pandas' whole read-and-check. Here a
 * record is only a list of byte offsets into one reused buffer, and the checks read cells from
 * those bytes. The parser also keeps what they do not expose: the physical line on which each
 * record starts (quoted fields may hold newlines), which is what a report must point at.
 *
 * Rules: fields are separated by one delimiter byte; records end at LF, CRLF or a lone CR; a field
 * that starts with `"` runs to the next `"` not followed by another `"` (`""` is a quote) and may
 * hold delimiters and newlines; a `"` inside an unquoted field is kept as text (as pandas and
 * Excel do); a UTF-8 BOM is dropped; blank lines are skipped (and counted).
 */
export interface CsvHandler {
  /** `end`: the buffer offset just past the header's terminator; `nextLine`: the line that starts there. */
  header(names: string[], line: number, end: number, nextLine: number): void;
  /**
   * One record: field i is `buf[starts[i], ends[i])`, already unquoted. The offsets and the buffer
   * are only valid during the call. `[recStart, recEnd)` is the record's raw extent.
   */
  record(buf: Buffer, starts: Int32Array, ends: Int32Array, count: number, line: number, recStart: number, recEnd: number): void;
}

export interface CsvOptions extends ChunkOptions {
  /** One byte, `,` by default (`\t` for TSV). */
  delimiter?: string;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;
const INCOMPLETE = -1;

export interface CsvStats {
  /** Data records (the header excluded). */
  records: number;
  /** Physical lines read. */
  lines: number;
  hasHeader: boolean;
}

/** A header that names a column twice cannot be read by name: a UserError at the second one. */
export function refuseDuplicateColumns(names: string[], file: string, line: number): void {
  const seen = new Set<string>();
  for (const [i, n] of names.entries()) {
    if (seen.has(n)) throw new UserError(`duplicate column name ${JSON.stringify(n)} in the header`, { file, line, column: i + 1 });
    seen.add(n);
  }
}

export async function readCsv(source: ByteSource, file: string, handler: CsvHandler, options: CsvOptions = {}): Promise<CsvStats> {
  const delimiter = options.delimiter ?? ',';
  if (Buffer.byteLength(delimiter) !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
    throw new UserError(`the CSV delimiter must be one byte other than a quote or a newline, got ${JSON.stringify(delimiter)}`, {
      file,
      input: 'delimiter',
    });
  }
  const parser = new CsvParser(file, delimiter.charCodeAt(0), handler);
  await readChunks(
    source,
    file,
    options,
    (buf, pos, len, eof) => parser.parse(buf, pos, len, eof),
    () => parser.line,
    ': is a quote left open?',
  );
  return { records: parser.records, lines: parser.lastLine(), hasHeader: parser.headerSeen };
}

export class CsvParser {
  line = 1;
  records = 0;
  headerSeen = false;
  private starts = new Int32Array(64);
  private ends = new Int32Array(64);
  private escaped = new Uint8Array(64);
  private endedWithNewline = true;
  private readonly stop = new Uint8Array(256);

  private readonly file: string;
  private readonly delim: number;
  private readonly handler: CsvHandler;

  /** `headerSeen`: the bytes start after the header (a range of a file split for workers). */
  constructor(file: string, delim: number, handler: CsvHandler, headerSeen = false) {
    this.headerSeen = headerSeen;
    this.file = file;
    this.delim = delim;
    this.handler = handler;
    this.stop[delim] = 1;
    this.stop[LF] = 1;
    this.stop[CR] = 1;
  }

  lastLine(): number {
    return this.endedWithNewline ? this.line - 1 : this.line;
  }

  /**
   * Reads every complete record in `buf[p, end)` that starts before `stopAt`; returns where the
   * first incomplete one (or the first at `stopAt` or after) starts.
   */
  parse(buf: Buffer, p: number, end: number, eof: boolean, stopAt = end): number {
    const d = this.delim;
    // Byte classes: 1 for the delimiter, LF and CR, so the field scan tests one table entry.
    const stop = this.stop;
    let starts = this.starts;
    let ends = this.ends;
    let escaped = this.escaped;
    let line = this.line;
    while (p < end && p < stopAt) {
      const recStart = p;
      const recLine = line;
      let c = buf[p];
      if (c === LF || c === CR) {
        // A blank line: skipped, but it still counts as a line.
        if (c === CR) {
          if (p + 1 >= end && !eof) break;
          p += p + 1 < end && buf[p + 1] === LF ? 2 : 1;
        } else p++;
        line++;
        continue;
      }
      let n = 0;
      let anyEscaped = 0;
      let next = 0;
      for (;;) {
        if (n === starts.length) {
          this.grow();
          starts = this.starts;
          ends = this.ends;
          escaped = this.escaped;
        }
        if (p < end && buf[p] === QUOTE) {
          const q = p;
          const qLine = line;
          p++;
          let esc = 0;
          for (;;) {
            if (p >= end) {
              if (eof) throw this.unterminated(buf, q, recStart, qLine);
              next = INCOMPLETE;
              break;
            }
            c = buf[p];
            if (c === QUOTE) {
              if (p + 1 >= end && !eof) {
                next = INCOMPLETE;
                break;
              }
              if (p + 1 < end && buf[p + 1] === QUOTE) {
                esc = 1;
                p += 2;
                continue;
              }
              break;
            }
            if (c === LF) line++;
            p++;
          }
          if (next === INCOMPLETE) break;
          starts[n] = q + 1;
          ends[n] = p;
          escaped[n] = esc;
          anyEscaped |= esc;
          n++;
          p++;
          if (p >= end) {
            if (!eof) {
              next = INCOMPLETE;
              break;
            }
            break;
          }
          c = buf[p];
          if (c === d) {
            p++;
            continue;
          }
          if (c === LF || c === CR) break;
          throw this.afterQuote(buf, q, p, recStart, qLine, line);
        } else {
          const s = p;
          while (p < end && stop[buf[p]] === 0) p++;
          if (p >= end && !eof) {
            next = INCOMPLETE;
            break;
          }
          starts[n] = s;
          ends[n] = p;
          escaped[n] = 0;
          n++;
          if (p < end && buf[p] === d) {
            p++;
            continue;
          }
          break;
        }
      }
      if (next === INCOMPLETE) {
        this.line = recLine;
        return recStart;
      }
      // The record's terminator.
      if (p < end) {
        if (buf[p] === CR) {
          if (p + 1 >= end && !eof) {
            this.line = recLine;
            return recStart;
          }
          p += p + 1 < end && buf[p + 1] === LF ? 2 : 1;
        } else p++;
        line++;
        this.endedWithNewline = true;
      } else this.endedWithNewline = false;
      if (anyEscaped) this.unescape(buf, n);
      if (!this.headerSeen) {
        this.headerSeen = true;
        const names: string[] = [];
        for (let i = 0; i < n; i++) names.push(buf.toString('utf8', starts[i], ends[i]));
        this.handler.header(names, recLine, p, line);
      } else {
        this.records++;
        this.handler.record(buf, starts, ends, n, recLine, recStart, p);
      }
    }
    this.line = line;
    return p;
  }

  private grow(): void {
    const size = this.starts.length * 2;
    const starts = new Int32Array(size);
    starts.set(this.starts);
    const ends = new Int32Array(size);
    ends.set(this.ends);
    const escaped = new Uint8Array(size);
    escaped.set(this.escaped);
    this.starts = starts;
    this.ends = ends;
    this.escaped = escaped;
  }

  /** `""` to `"` in place: the text only shrinks, so writing behind the read position is safe. */
  private unescape(buf: Buffer, n: number): void {
    for (let f = 0; f < n; f++) {
      if (!this.escaped[f]) continue;
      let w = this.starts[f];
      const e = this.ends[f];
      for (let r = w; r < e; r++) {
        buf[w++] = buf[r];
        if (buf[r] === QUOTE) r++;
      }
      this.ends[f] = w;
    }
  }

  private unterminated(buf: Buffer, q: number, recStart: number, qLine: number): UserError {
    return new UserError(`unterminated quoted field: the quote opened at line ${qLine} is never closed`, {
      file: this.file,
      line: qLine,
      column: byteColumn(buf, q, recStart),
    });
  }

  private afterQuote(buf: Buffer, q: number, at: number, recStart: number, qLine: number, line: number): UserError {
    const ch = buf.toString('utf8', at, Math.min(at + 1, buf.length));
    const closed = line === qLine ? '' : ` (it closes at line ${line}: is a quote missing at line ${qLine}?)`;
    return new UserError(
      `unexpected ${JSON.stringify(ch)} after the closing quote of a field opened at line ${qLine}${closed}; ` +
        'a quote inside a quoted field is written as ""',
      { file: this.file, line: qLine, column: byteColumn(buf, q, recStart) },
    );
  }
}

/**
 * A record's text as it stands in the file, rebuilt from its fields: the parser unquotes `""` in
 * place, so the raw bytes no longer hold it. A field was quoted when its first byte follows a
 * quote (an unquoted field follows the delimiter or starts the record); quoting it again with
 * `"` doubled gives back the file's bytes. Stops after about `maxChars` characters.
 */
export function recordText(buf: Buffer, starts: Int32Array, ends: Int32Array, count: number, recStart: number, delimiter: string, maxChars = 200): string {
  let out = '';
  for (let i = 0; i < count && out.length < maxChars; i++) {
    if (i > 0) out += delimiter;
    const text = buf.toString('utf8', starts[i], Math.min(ends[i], starts[i] + maxChars * 4));
    const quoted = starts[i] > recStart && buf[starts[i] - 1] === QUOTE;
    out += quoted ? `"${text.replace(/"/g, '""')}"` : text;
  }
  return out.length > maxChars ? out.slice(0, maxChars) : out;
}
