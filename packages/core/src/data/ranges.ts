import { availableParallelism } from 'node:os';
import type { FileHandle } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { CsvParser } from './csv.js';
import {
  newScratch,
  type RangeJob,
  type RangeResult,
  type RangeTask,
  SLOT_LIMIT,
  SLOT_NEXT,
  SLOT_STOP,
  SLOTS,
  scanRange,
  type WorkerMessage,
} from './range-scan.js';

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
 * - Every thread, this one included, takes the next range from one shared counter (range-scan.ts,
 *   RangeJob): a worker never waits for this thread, busy with a range of its own, to hand it the
 *   next. Handing ranges out by message left a worker idle for most of a range each time.
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
 * Below this a file is read in one thread: a worker costs about 0.1 s of a core to start, then
 * runs cold code for its first range, while on two cores this thread and the compilers share the
 * machine. Measured through the bundle as the runner runs it (medians of 7, interleaved, schemas a
 * and b of bench/validate-data.mjs, workers started while the schema loads), two threads against
 * one: 17 MiB 1.31 and 0.94 of the time, 25 MiB 0.96 and 0.98, 40 MiB 0.91 and 0.81.
 */
export const DEFAULT_MIN_PARALLEL_BYTES = 32 << 20;
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

/** Whether a file of `size` bytes is read in ranges with these settings (else in one thread). */
export function inRangesBySize(settings: RangeSettings, size: number): boolean {
  return size >= (settings.minFileBytes ?? 2 * settings.bytes);
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

function startWorker(script: string): Worker {
  const w = new Worker(script, { workerData: { mlciDataWorker: true } });
  w.unref();
  return w;
}

/** Workers started ahead of the file that needs them (warmDataWorkers), not yet taken, and their script. */
let warm: Worker[] = [];
let warmScript: string | undefined;

/**
 * Starts the workers of the registered settings now, for a file that will be read in ranges soon:
 * a worker takes about 0.1 s to start, which then overlaps what comes before (loading the schema).
 * The next scanInRanges takes them; endWarmDataWorkers ends them if none did.
 */
export function warmDataWorkers(): void {
  const settings = registered;
  if (settings?.script === undefined || warm.length > 0) return;
  warmScript = settings.script;
  for (let i = 1; i < settings.threads; i++) {
    const w = startWorker(settings.script);
    // One that fails before it is taken is never given ranges: this thread scans them.
    w.on('error', () => {});
    warm.push(w);
  }
}

export async function endWarmDataWorkers(): Promise<void> {
  const left = warm;
  warm = [];
  await Promise.all(left.map((w) => w.terminate()));
}

/** The workers of one scanInRanges: warm ones first, the rest started now, before the cuts are read. */
class Workers {
  private readonly all: Worker[] = [];
  private running = 0;
  private failure: Error | null = null;
  private wake: (() => void) | null = null;

  constructor(script: string | undefined, count: number, onResult: (k: number, r: RangeResult) => void) {
    for (let i = 0; i < count && script !== undefined; i++) {
      const w = (script === warmScript ? warm.pop() : undefined) ?? startWorker(script);
      w.on('message', (m: WorkerMessage) => {
        if ('result' in m) onResult(m.k, m.result);
        else if ('failure' in m) this.fail(new Error(`a data worker failed on range ${m.k}: ${m.failure}`));
        else this.running--;
        this.notify();
      });
      w.on('error', (e: Error) => this.fail(e));
      w.on('exit', (code) => this.fail(new Error(`a data worker stopped (exit code ${code})`)));
      this.all.push(w);
    }
  }

  job(job: RangeJob): void {
    this.running = this.all.length;
    for (const w of this.all) w.postMessage(job);
  }

  /** Resolves at the next message from a worker; throws what a worker failed with. */
  async message(): Promise<void> {
    this.check();
    if (this.running === 0) throw new Error('the data workers ended with ranges left');
    await new Promise<void>((resolve) => {
      this.wake = resolve;
    });
    this.check();
  }

  check(): void {
    if (this.failure) throw this.failure;
  }

  async close(): Promise<void> {
    this.failure ??= new Error('closed');
    await Promise.all(this.all.map((w) => w.terminate()));
  }

  private fail(e: Error): void {
    this.failure ??= e;
    this.notify();
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}

/**
 * Validates `[from, size)` of a CSV file in ranges; `absorb` gets each range's result in file
 * order with the line its first record starts on. This thread scans ranges too, taking them from
 * the same counter as the workers, and adds up what is done between its own.
 */
export async function scanInRanges(
  fh: FileHandle,
  base: Omit<RangeTask, 'start' | 'end'>,
  from: number,
  firstLine: number,
  settings: RangeSettings,
  absorb: (r: RangeResult, firstLine: number) => void,
): Promise<void> {
  const done = new Map<number, RangeResult>();
  const workers = new Workers(settings.script, settings.threads - 1, (k, r) => done.set(k, r));
  const scratch = newScratch();
  const state = new Int32Array(new SharedArrayBuffer(SLOTS * 4));
  try {
    const cuts = await cutPoints(fh, from, base.size, settings.bytes);
    const count = cuts.length - 1;
    // Ranges run a few ahead of the one being added up (a cold worker is slow on its first), not
    // all at once: results wait in memory until their turn.
    const window = 4 * settings.threads;
    state[SLOT_LIMIT] = window;
    workers.job({ base, cuts, state: state.buffer as SharedArrayBuffer });
    let next = 0;
    let at = from;
    let line = firstLine;
    // Adds up the finished ranges that are next in file order.
    const addUp = async () => {
      for (let r = done.get(next); r !== undefined; r = done.get(next)) {
        done.delete(next);
        next++;
        if (r.start !== at) {
          // The range before ran past this one's guessed start: read it again from where that ended.
          if (at >= r.end) continue;
          r = await scanRange({ ...base, start: at, end: r.end }, scratch);
        }
        if (r.error !== undefined) throw new NeedsOneThread(`range ${next - 1}: ${r.error}`);
        absorb(r, line);
        at = r.stop;
        line += r.lines;
      }
      Atomics.store(state, SLOT_LIMIT, next + window);
      Atomics.notify(state, SLOT_LIMIT);
    };
    while (next < count) {
      workers.check();
      const k = Atomics.add(state, SLOT_NEXT, 1);
      if (k < count) {
        while (k >= next + window) {
          await workers.message();
          await addUp();
        }
        done.set(k, await scanRange({ ...base, start: cuts[k], end: cuts[k + 1] }, scratch));
      } else if (!done.has(next)) await workers.message();
      await addUp();
    }
  } finally {
    // Workers waiting on the limit wake and see the stop (terminate would end them all the same).
    Atomics.store(state, SLOT_STOP, 1);
    Atomics.notify(state, SLOT_LIMIT);
    await workers.close();
  }
}
