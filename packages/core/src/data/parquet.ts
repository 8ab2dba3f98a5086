import { asyncBufferFromFile, parquetMetadataAsync, parquetRead, parquetReadObjects, parquetSchema, type ColumnData } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { UserError } from '../errors.js';

/**
 * Parquet through hyparquet, one row group at a time, so memory is bounded by the largest row
 * group rather than the file. A Parquet file has no lines: the place of a value is its 1-based row
 * number, reported as `line`.
 */
export interface ParquetHandler {
  /** The file's top-level column names; answers which of them to read. */
  columns(names: string[]): string[];
  /** One row group of one column; value i is at row `firstRow + i` (1-based). */
  columnValues(name: string, values: ArrayLike<unknown>, firstRow: number): void;
  /** Row-wise delivery (used when sampling), row numbers 1-based. */
  row?(record: Record<string, unknown>, rowNumber: number): void;
}

export interface ParquetStats {
  records: number;
}

async function open(file: string) {
  const buffer = await asyncBufferFromFile(file);
  try {
    const metadata = await parquetMetadataAsync(buffer);
    return { buffer, metadata };
  } catch (e) {
    throw new UserError(`not a readable Parquet file: ${(e as Error).message}`, { file, cause: e });
  }
}

export async function readParquet(file: string, handler: ParquetHandler, options: { rowWise?: boolean; limitRows?: number } = {}): Promise<ParquetStats> {
  const { buffer, metadata } = await open(file);
  const names = parquetSchema(metadata).children.map((c) => c.element.name);
  const wanted = new Set(handler.columns(names));
  // Every column is decoded, wanted or not: a page is only checked when it is decoded, and a file
  // whose pages are corrupt must fail even when no schema names its columns. Only the wanted
  // columns reach the handler.
  let start = 0;
  const limit = options.limitRows ?? Infinity;
  for (const group of metadata.row_groups) {
    if (start >= limit) break;
    const end = Math.min(start + Number(group.num_rows), limit);
    try {
      if (options.rowWise && handler.row) {
        const rows = await parquetReadObjects({ file: buffer, metadata, compressors, rowStart: start, rowEnd: end });
        for (let i = 0; i < rows.length; i++) handler.row(pick(rows[i], wanted), start + i + 1);
      } else {
        // Chunks arrive as pages are decoded; they may reach outside the group's range.
        const chunks: ColumnData[] = [];
        await parquetRead({
          file: buffer,
          metadata,
          compressors,
          rowStart: start,
          rowEnd: end,
          onChunk: (c) => {
            if (wanted.has(c.columnName)) chunks.push(c);
          },
        });
        for (const c of chunks) {
          const from = Math.max(start, c.rowStart);
          const to = Math.min(end, c.rowEnd);
          if (from >= to) continue;
          const values = from === c.rowStart && to === c.rowEnd ? c.columnData : c.columnData.slice(from - c.rowStart, to - c.rowStart);
          handler.columnValues(c.columnName, values, from + 1);
        }
      }
    } catch (e) {
      if (e instanceof UserError) throw e;
      throw new UserError(`cannot read Parquet rows ${start + 1}–${end}: ${(e as Error).message}`, { file, line: start + 1, cause: e });
    }
    start += Number(group.num_rows);
  }
  return { records: Math.min(start, limit) };
}

function pick(record: Record<string, unknown>, names: Set<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of names) if (name in record) out[name] = record[name];
  return out;
}
