import { availableParallelism } from 'node:os';
import type { FileHandle } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { CsvParser } from './csv.js';
import { newScratch, type RangeResult, type RangeTask, scanRange } from './range-scan.js';

/**
 * A large CSV file is validated by several threads at once, each over a byte range, and the
 * partial results are added up in file order so that the report is the single-thread one, to
 * the examples and their lines:
 *
 * - The main thread reads the header, then cuts the rest at the first line feed after each
 *   `bytes` offset. That guess is a record boundary unless the line feed is inside a quoted
 *   field, which the range before it tells: it reads every record that starts in it, the last one
 *   to its end wherever that is, and says where the next record starts. When that is not where
 *   the next range began, the next range is read again from there (cheap: one range).
 * - A range counts lines from 1 and says how many it read; adding up gives each range's first
 *   line, so every example's line is the file's physical line, quoted newlines included.
 * - Counts add up; examples are the first ones in file order (ranges are added in order); a
 *   `unique` check adds the values of each range to the set of those before it. When a value
 *   repeats across ranges while that check still wants examples, where the repeat is is unknown:
 *   the validation then runs again in one thread (`NeedsOneThread`).
 * - A file below DEFAULT_MIN_PARALLEL_BYTES (or two ranges) is read in one thread: starting a
 *   worker costs more than it saves.
 */
export interface RangeSettings {
  /** Bytes per range; files smaller than two ranges stay in one thread. */
  bytes: number;
  threads: number;
  /** The script a worker runs (one that calls serveDataWorker); absent: ranges run in this thread (tests). */
  script?: string;
  /** Files smaller than this stay in one thread; two ranges when not given. */
  minFileBytes?: number;
}

/** Thrown when ranges cannot give the exact single-thread result; validateData then runs in one thread. */
export class NeedsOneThread extends Error {}

export const DEFAULT_RANGE_BYTES = 4 << 20;

/**
 * Below this a file is read in one thread. A worker costs ~0.1 s of a core to start (Node's
 * internals, then the bundle) and runs cold code for its first ranges, while on two cores this
 * thread and the compilers share the machine. Through the bundle as the runner runs it (medians of
 * 3 to 5, schemas a and b of bench/validate-data.mjs), one thread against two: 40 MiB 0.33–0.43 s
 * against 0.38–0.50 s; 61 MiB 0.42 against 0.47 s and 0.49 against 0.41 s; 81 MiB 0.70 against
 * 0.66 s and 0.65 against 0.57 s; 123 MiB 0.78 against 0.66 s; 368 MiB 2.49 against 1.59 s.
 */
export const DEFAULT_MIN_PARALLEL_BYTES = 64 << 20;
let registered: RangeSettings | null = null;

/**
 * Lets the validator start worker threads running `script` (an entry that calls serveDataWorker
 * when isDataWorker). An action's bundle passes itself. Without it everything runs in one thread.
 */
export function useDataWorkers(script: string, rangeBytes?: number): void {
  const threads = Math.min(availableParallelism(), 8);
  const given = rangeBytes !== undefined && Number.isSafeInteger(rangeBytes) && rangeBytes > 0;
  const bytes = given ? rangeBytes : DEFAULT_RANGE_BYTES;
  // A range size given (tests, the bench) keeps the two-range minimum, so small files still reach the workers.
  const minFileBytes = given ? 2 * bytes : DEFAULT_MIN_PARALLEL_BYTES;
  registered = threads > 1 ? { script, bytes, threads, minFileBytes } : null;
}

export function registeredRanges(): RangeSettings | null {
  return registered;
}

export interface CsvHeader {
  names: string[];
  line: number;
  /** Byte offset just past the header, and the line that starts there. */
  end: number;
  nextLine: number;
}

const STOP = new Error('header read');

/** The header from the file's first MiB, or null (no header there, or one the full reader should report on). */
export async function readHeader(fh: FileHandle, file: string, delimiter: string, size: number): Promise<CsvHeader | null> {
  const buf = Buffer.allocUnsafe(Math.min(size, 1 << 20));
  const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
  const bom = bytesRead >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  let header: CsvHeader | null = null;
  const parser = new CsvParser(file, delimiter.charCodeAt(0), {
    header(names, line, end, nextLine) {
      header = { names, line, end, nextLine };
      throw STOP;
    },
    record() {},
  });
  try {
    parser.parse(buf, bom, bytesRead, bytesRead === size);
  } catch (e) {
    if (e !== STOP) return null;
  }
  return header;
}

/** `[from, b1, ..., size]`: a cut after the first line feed at or after each `bytes` offset. */
export async function cutPoints(fh: FileHandle, from: number, size: number, bytes: number): Promise<number[]> {
  if (!(Number.isSafeInteger(bytes) && bytes > 0)) throw new Error(`range size must be a positive whole number of bytes, got ${bytes}`);
  const out = [from];
  const probe = Buffer.allocUnsafe(1 << 16);
  for (let at = from + bytes; at < size; at += bytes) {
    if (at <= out[out.length - 1]) continue;
    const { bytesRead } = await fh.read(probe, 0, probe.length, at - 1);
    const i = probe.subarray(0, bytesRead).indexOf(10);
    // No line feed near: a very long line; the next cut will do.
    if (i < 0) continue;
    const cut = at + i;
    if (cut < size && cut > out[out.length - 1]) out.push(cut);
  }
  out.push(size);
  return out;
}

/**
 * Worker threads and this thread taking tasks in turn: this one would otherwise wait, and a
 * worker costs tens of milliseconds to start and its code must warm up again.
 */
class Pool {
  private readonly idle: Worker[] = [];
  private readonly all: Worker[] = [];
  private readonly queue: { task: RangeTask; done: (r: RangeResult) => void; fail: (e: Error) => void }[] = [];
  private localIdle = true;
  private readonly scratch = newScratch();

  /** `threads` counts this one: a pool of one (no script) runs the ranges here, one at a time. */
  constructor(script: string | undefined, threads: number) {
    for (let i = 1; i < threads && script !== undefined; i++) {
      const w = new Worker(script, { workerData: { mlciDataWorker: true } });
      w.unref();
      this.all.push(w);
      this.idle.push(w);
    }
  }

  run(task: RangeTask): Promise<RangeResult> {
    return new Promise((done, fail) => {
      this.queue.push({ task, done, fail });
      this.next();
    });
  }

  private next(): void {
    if (this.localIdle && this.queue.length > 0) {
      const job = this.queue.shift()!;
      this.localIdle = false;
      scanRange(job.task, this.scratch).then(
        (r) => {
          this.localIdle = true;
          job.done(r);
          this.next();
        },
        (e: Error) => {
          this.localIdle = true;
          job.fail(e);
          this.next();
        },
      );
    }
    while (this.idle.length > 0 && this.queue.length > 0) {
      const w = this.idle.pop()!;
      const job = this.queue.shift()!;
      const onError = (e: Error) => job.fail(e);
      w.once('error', onError);
      w.once('message', (m: { result?: RangeResult; failure?: string }) => {
        w.off('error', onError);
        this.idle.push(w);
        if (m.result) job.done(m.result);
        else job.fail(new Error(`a data worker failed: ${m.failure}`));
        this.next();
      });
      w.postMessage(job.task);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.all.map((w) => w.terminate()));
  }
}

/**
 * Validates `[from, size)` of a CSV file in ranges; `absorb` gets each range's result in file
 * order with the line its first record starts on.
 */
export async function scanInRanges(
  fh: FileHandle,
  base: Omit<RangeTask, 'start' | 'end'>,
  from: number,
  firstLine: number,
  settings: RangeSettings,
  absorb: (r: RangeResult, firstLine: number) => void,
): Promise<void> {
  const cuts = await cutPoints(fh, from, base.size, settings.bytes);
  const pool = new Pool(settings.script, Math.min(settings.threads, cuts.length - 1));
  const run = (start: number, end: number) => pool.run({ ...base, start, end });
  // Ranges run a few ahead of the one being added up (a cold worker is slow on its first), not
  // all at once: results wait in memory until their turn.
  const pending: Promise<RangeResult>[] = [];
  const ahead = (upTo: number) => {
    while (pending.length < Math.min(cuts.length - 1, upTo)) {
      const k = pending.length;
      const p = run(cuts[k], cuts[k + 1]);
      // Unhandled rejections would outlive a NeedsOneThread thrown below: mark them handled.
      p.catch(() => {});
      pending.push(p);
    }
  };
  try {
    let at = from;
    let line = firstLine;
    for (let k = 0; k < cuts.length - 1; k++) {
      ahead(k + 4 * settings.threads);
      let r = await pending[k];
      if (r.start !== at) {
        // The range before ran past this one's guessed start: read it again from where that ended.
        if (at >= r.end) continue;
        r = await run(at, r.end);
      }
      if (r.error !== undefined) throw new NeedsOneThread(`range ${k}: ${r.error}`);
      absorb(r, line);
      at = r.stop;
      line += r.lines;
    }
  } finally {
    await pool.close();
  }
}
