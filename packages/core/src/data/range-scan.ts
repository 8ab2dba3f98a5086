import { open, type FileHandle } from 'node:fs/promises';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { UserError } from '../errors.js';
import type { ColumnPartial } from './column.js';
import { CsvParser } from './csv.js';
import { checkCsvRecord, DatasetTally, makeValidators } from './tally.js';
import type { CheckResult, DataSchema } from './types.js';

/** One byte range of a CSV file for one thread: the header was read already, by the main thread. */
export interface RangeTask {
  file: string;
  /** The file's size: a range that reaches it ends at the end of the data. */
  size: number;
  delimiter: string;
  schema: DataSchema;
  maxExamples: number;
  /** Validator index to field index, and the header's field count. */
  map: number[];
  fieldCount: number;
  /** `[start, end)`: the records that start in it are this range's; the last may run past `end`. */
  start: number;
  end: number;
  maxRecordBytes: number;
}

export interface RangeResult {
  start: number;
  end: number;
  /** Where the first record after this range's starts: `end`, unless a record ran past it. */
  stop: number;
  /** Physical lines in `[start, stop)`; the lines in examples count from 1 at `start`. */
  lines: number;
  records: number;
  columns: ColumnPartial[];
  dataset: CheckResult[];
  /** The bytes could not be read as CSV from `start` (a guessed boundary inside a quoted field, or bad data). */
  error?: string;
}

async function readAt(fh: FileHandle, buf: Buffer, offset: number, length: number, position: number): Promise<number> {
  let got = 0;
  while (got < length) {
    const { bytesRead } = await fh.read(buf, offset + got, length - got, position + got);
    if (bytesRead === 0) break;
    got += bytesRead;
  }
  return got;
}

/**
 * The buffer one thread reads its ranges into, reused range after range (freed buffers would pile
 * up until a GC, so memory would grow with the file). One per executor: never shared by two scans
 * at once.
 */
export interface Scratch {
  buf: Buffer;
}

export function newScratch(): Scratch {
  return { buf: Buffer.allocUnsafe(0) };
}

function bufferOf(scratch: Scratch, size: number): Buffer {
  if (scratch.buf.length < size) scratch.buf = Buffer.allocUnsafe(size);
  return scratch.buf;
}

/**
 * Validates the records that start in one range of a CSV file, with the parser and checks of the
 * single-thread path; lines are counted from the range's start, so that the main thread, which
 * adds the ranges up in order, can turn them into the file's.
 */
export async function scanRange(task: RangeTask, scratch: Scratch): Promise<RangeResult> {
  const { file, delimiter } = task;
  const validators = await makeValidators(task.schema, task.maxExamples);
  for (const v of validators) v.origin = { file };
  const dataset = new DatasetTally(task.maxExamples);
  const map = Int32Array.from(task.map);
  let records = 0;
  const parser = new CsvParser(
    file,
    delimiter.charCodeAt(0),
    {
      header() {
        throw new Error('a range has no header');
      },
      record(buf, starts, ends, n, line, recStart) {
        records++;
        checkCsvRecord(validators, map, task.fieldCount, dataset, file, delimiter, buf, starts, ends, n, line, recStart);
      },
    },
    true,
  );
  const result = (stop: number, error?: string): RangeResult => ({
    start: task.start,
    end: task.end,
    stop,
    lines: parser.line - 1,
    records,
    columns: validators.map((v) => v.partial()),
    dataset: [...dataset.failures.values()].map((f) => f.check),
    ...(error === undefined ? {} : { error }),
  });
  const fh = await open(file, 'r');
  try {
    let len = task.end - task.start;
    let buf = bufferOf(scratch, Math.max(len, 1 << 16));
    len = await readAt(fh, buf, 0, len, task.start);
    let base = task.start;
    let eof = base + len >= task.size;
    let p = parser.parse(buf, 0, len, eof, len);
    if (p === len) return result(base + len);
    // The last record runs past the range's end: read on until it is whole, and no further.
    buf.copyWithin(0, p, len);
    base += p;
    len -= p;
    for (;;) {
      if (len === buf.length) {
        if (buf.length >= task.maxRecordBytes) return result(base, `a record starting at byte ${base} is too long`);
        const bigger = Buffer.allocUnsafe(Math.min(buf.length * 2, task.maxRecordBytes));
        buf.copy(bigger, 0, 0, len);
        buf = bigger;
        scratch.buf = bigger;
      }
      const n = await readAt(fh, buf, len, buf.length - len, base + len);
      len += n;
      eof = n === 0 || base + len >= task.size;
      p = parser.parse(buf, 0, len, eof, 1);
      if (p > 0 || eof) return result(base + p);
    }
  } catch (e) {
    if (e instanceof UserError) return result(task.start, e.message);
    throw e;
  } finally {
    await fh.close();
  }
}

/** True in a thread started by the validator to scan ranges (see ranges.ts). */
export function isDataWorker(): boolean {
  return !isMainThread && (workerData as { mlciDataWorker?: boolean } | null)?.mlciDataWorker === true;
}

/**
 * The ranges of one file, shared by the threads that scan it. `state` is an Int32Array over a
 * SharedArrayBuffer: each thread takes the next range itself (`Atomics.add` on SLOT_NEXT), so no
 * thread waits for another to hand it work; none starts a range at or after SLOT_LIMIT (results wait in
 * the main thread until their turn, and this bounds how many); SLOT_STOP set: take no more.
 */
export interface RangeJob {
  base: Omit<RangeTask, 'start' | 'end'>;
  /** `[from, b1, ..., size]`: range k is `[cuts[k], cuts[k + 1])`. */
  cuts: number[];
  state: SharedArrayBuffer;
}

export const SLOT_NEXT = 0;
export const SLOT_LIMIT = 1;
export const SLOT_STOP = 2;
export const SLOTS = 3;

/** A worker's answers: one per range it scanned, then `done` once no range is left for it. */
export type WorkerMessage = { k: number; result: RangeResult } | { k: number; failure: string } | { done: true };

/** A data worker's loop: for each job, ranges taken in turn until none is left, then `done`. */
export function serveDataWorker(): void {
  const port = parentPort!;
  const scratch = newScratch();
  port.on('message', async (job: RangeJob) => {
    const state = new Int32Array(job.state);
    const count = job.cuts.length - 1;
    for (;;) {
      const k = Atomics.add(state, SLOT_NEXT, 1);
      if (k >= count || Atomics.load(state, SLOT_STOP) !== 0) break;
      // Too far ahead of the ranges added up so far: wait (a worker may block; the main thread never does).
      for (let limit = Atomics.load(state, SLOT_LIMIT); k >= limit && Atomics.load(state, SLOT_STOP) === 0; limit = Atomics.load(state, SLOT_LIMIT)) {
        Atomics.wait(state, SLOT_LIMIT, limit);
      }
      if (Atomics.load(state, SLOT_STOP) !== 0) break;
      try {
        const result = await scanRange({ ...job.base, start: job.cuts[k], end: job.cuts[k + 1] }, scratch);
        port.postMessage({ k, result } satisfies WorkerMessage);
      } catch (e) {
        port.postMessage({ k, failure: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies WorkerMessage);
        break;
      }
    }
    port.postMessage({ done: true } satisfies WorkerMessage);
  });
}
