import { UserError } from '../errors.js';
import type { ByteSource } from './source.js';

export interface ChunkOptions {
  /** Records longer than this are refused (most often a quote or bracket left open). Default 64 MiB. */
  maxRecordBytes?: number;
  /** Initial buffer size (tests use a tiny one to exercise records split across reads). */
  chunkBytes?: number;
}

/**
 * Handles the complete records in `buf[pos, len)` and returns where the first incomplete one
 * starts; the bytes from there on are kept for the next call. `eof`: no more bytes will come.
 */
export type ChunkConsumer = (buf: Buffer, pos: number, len: number, eof: boolean) => number;

/**
 * Reads a source through one reused buffer: the unconsumed tail slides to the front before each
 * read, and the buffer doubles only when one record fills it, so memory stays at the size of the
 * largest record, not of the file. A UTF-8 BOM is dropped before the first record is seen.
 *
 * `lineAt` is the line where the pending record starts and `tooLongHint` what most often causes
 * an overlong one: both go into the error when a record passes `maxRecordBytes`.
 */
export async function readChunks(
  source: ByteSource,
  file: string,
  options: ChunkOptions,
  consume: ChunkConsumer,
  lineAt: () => number,
  tooLongHint = '',
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
        const line = lineAt();
        throw new UserError(`a record starting at line ${line} is longer than ${Math.round(maxRecord / 1048576)} MiB${tooLongHint}`, {
          file,
          line,
        });
      }
      const bigger = Buffer.allocUnsafe(Math.min(buf.length * 2, maxRecord));
      buf.copy(bigger, 0, 0, len);
      buf = bigger;
    }
    // The buffer is filled before the consumer looks again: it rescans the pending record from its
    // start, so handing it every small read (gunzip yields 16 KiB at a time) made one long record
    // cost its length squared. Filled, a record is rescanned once per doubling: linear.
    while (len < buf.length) {
      const n = await source.read(buf, len, buf.length - len);
      if (n === 0) {
        eof = true;
        break;
      }
      len += n;
    }
    // Nothing is consumed until the first three bytes are in: a BOM may arrive split across reads.
    if (first && (len >= 3 || eof)) {
      first = false;
      if (len >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) pos = 3;
    }
    if (!first) pos = consume(buf, pos, len, eof);
  }
}

/** 1-based byte column of `buf[at]`, looking back for a line feed no further than `from`. */
export function byteColumn(buf: Buffer, at: number, from: number): number {
  let i = at - 1;
  while (i >= from && buf[i] !== 10) i--;
  return at - i;
}
