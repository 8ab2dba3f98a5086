import { open, type FileHandle } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { UserError } from '../errors.js';

export type DataFormat = 'csv' | 'tsv' | 'jsonl' | 'json' | 'parquet';

/** A pull source of bytes: the readers own one buffer and ask the source to fill it. */
export interface ByteSource {
  /** Reads up to `length` bytes into `buf` at `offset`; 0 means the end. */
  read(buf: Buffer, offset: number, length: number): Promise<number>;
  close(): Promise<void>;
}

const GZIP_MAGIC = [0x1f, 0x8b];
const PARQUET_MAGIC = 'PAR1';

/** Reads a plain file into the caller's buffer: no chunk is allocated per read, so memory is flat. */
class FileSource implements ByteSource {
  private readonly fh: FileHandle;
  constructor(fh: FileHandle) {
    this.fh = fh;
  }
  async read(buf: Buffer, offset: number, length: number): Promise<number> {
    const { bytesRead } = await this.fh.read(buf, offset, length, null);
    return bytesRead;
  }
  close(): Promise<void> {
    return this.fh.close();
  }
}

/** node:zlib's gunzip stream, pulled chunk by chunk so decompression never runs ahead of parsing. */
class GzipSource implements ByteSource {
  private readonly iter: AsyncIterator<Buffer>;
  private pending: Buffer | null = null;
  private readonly stream: NodeJS.ReadableStream & { destroy(): void };
  private readonly file: string;

  constructor(file: string) {
    this.file = file;
    const gunzip = createGunzip();
    const raw = createReadStream(file, { highWaterMark: 1 << 20 });
    raw.on('error', (e) => gunzip.destroy(e));
    this.stream = raw.pipe(gunzip);
    this.iter = this.stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  }

  async read(buf: Buffer, offset: number, length: number): Promise<number> {
    if (!this.pending || this.pending.length === 0) {
      let next: IteratorResult<Buffer>;
      try {
        next = await this.iter.next();
      } catch (e) {
        throw new UserError(`cannot decompress gzip data: ${(e as Error).message}`, { file: this.file, cause: e });
      }
      if (next.done) return 0;
      this.pending = next.value;
    }
    const n = Math.min(length, this.pending.length);
    this.pending.copy(buf, offset, 0, n);
    this.pending = this.pending.subarray(n);
    return n;
  }

  async close(): Promise<void> {
    this.stream.destroy();
  }
}

async function readHead(file: string, n: number): Promise<Buffer> {
  let fh: FileHandle;
  try {
    fh = await open(file, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(code === 'ENOENT' ? 'data file not found' : `cannot open data file: ${(e as Error).message}`, {
      file,
      cause: e,
    });
  }
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await fh.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

export function isGzip(head: Uint8Array): boolean {
  return head.length >= 2 && head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
}

/** Format from the name (a `.gz` suffix is looked through), else from the first bytes. */
export function formatFromName(file: string): DataFormat | undefined {
  const name = file.toLowerCase().replace(/\.gz$/, '');
  if (name.endsWith('.csv')) return 'csv';
  if (name.endsWith('.tsv') || name.endsWith('.tab')) return 'tsv';
  if (name.endsWith('.jsonl') || name.endsWith('.ndjson')) return 'jsonl';
  if (name.endsWith('.json')) return 'json';
  if (name.endsWith('.parquet') || name.endsWith('.pq')) return 'parquet';
  return undefined;
}

function formatFromBytes(head: Uint8Array): DataFormat {
  if (Buffer.from(head.subarray(0, 4)).toString('latin1') === PARQUET_MAGIC) return 'parquet';
  let i = 0;
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) i = 3;
  while (i < head.length && (head[i] === 32 || head[i] === 9 || head[i] === 10 || head[i] === 13)) i++;
  if (head[i] === 0x5b) return 'json';
  if (head[i] === 0x7b) return 'jsonl';
  return 'csv';
}

export interface OpenedData {
  file: string;
  format: DataFormat;
  gzip: boolean;
  /** Null for Parquet, which is read by offset rather than as a stream. */
  source: ByteSource | null;
}

/**
 * Opens a data file: detects gzip by its magic bytes (not its name) and the format by its name or,
 * failing that, its first bytes.
 */
export async function openData(file: string, format?: DataFormat): Promise<OpenedData> {
  const raw = await readHead(file, 4096);
  const gzip = isGzip(raw);
  let fmt = format ?? formatFromName(file);
  if (fmt === 'parquet' || (!gzip && !fmt && formatFromBytes(raw) === 'parquet')) {
    if (gzip) throw new UserError('a gzip-compressed Parquet file is not supported', { file });
    return { file, format: 'parquet', gzip, source: null };
  }
  let source: ByteSource;
  let head: Buffer;
  if (gzip) {
    const gz = new GzipSource(file);
    const peek = Buffer.allocUnsafe(4096);
    let n = 0;
    for (;;) {
      const got = await gz.read(peek, n, peek.length - n);
      if (got === 0 || (n += got) === peek.length) break;
    }
    head = peek.subarray(0, n);
    source = new PrefixedSource(head, gz);
  } else {
    head = raw;
    source = new FileSource(await open(file, 'r'));
  }
  fmt ??= formatFromBytes(head);
  // Many `.json` files are really JSON Lines: an object where an array should start says so.
  if (fmt === 'json' && !format && formatFromBytes(head) === 'jsonl') fmt = 'jsonl';
  return { file, format: fmt, gzip, source };
}

/** Replays bytes already taken from a source (for sniffing) before the rest of it. */
class PrefixedSource implements ByteSource {
  private prefix: Buffer;
  private readonly rest: ByteSource;
  constructor(prefix: Buffer, rest: ByteSource) {
    this.prefix = prefix;
    this.rest = rest;
  }
  async read(buf: Buffer, offset: number, length: number): Promise<number> {
    if (this.prefix.length > 0) {
      const n = Math.min(length, this.prefix.length);
      this.prefix.copy(buf, offset, 0, n);
      this.prefix = this.prefix.subarray(n);
      return n;
    }
    return this.rest.read(buf, offset, length);
  }
  close(): Promise<void> {
    return this.rest.close();
  }
}

/** Bytes already in memory as a source (tests, small inputs). */
export function bufferSource(data: Buffer | string): ByteSource {
  let rest = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  return {
    async read(buf, offset, length) {
      const n = Math.min(length, rest.length);
      rest.copy(buf, offset, 0, n);
      rest = rest.subarray(n);
      return n;
    },
    async close() {},
  };
}
