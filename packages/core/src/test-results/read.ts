import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import { Readable } from 'node:stream';
import { isUserError, UserError } from '../errors.js';
import { containedPath } from '../files/contained.js';
import { parseJunit } from './junit.js';
import { pathsBesideClass, tracebackFrames } from './location.js';
import { isFailing, type TestRun } from './model.js';
import { parseTap } from './tap.js';

export interface ReadResults {
  runs: TestRun[];
  /** Files that could not be read as test results, each at its file and line. */
  errors: UserError[];
}

/**
 * Reads result files (absolute paths inside the workspace): JUnit XML, or TAP for `.tap` files and
 * files that do not start with `<`. A malformed file does not hide the others: it is returned as
 * an error with its place, for the section to show and fail on.
 */
export async function readTestResults(files: string[], workspace: string, input = 'tests'): Promise<ReadResults> {
  const runs: TestRun[] = [];
  const errors: UserError[] = [];
  for (const file of files) {
    const shown = relative(workspace, file).split(sep).join('/');
    try {
      const real = await containedPath(file, { input });
      runs.push(await parseResults(await sniff(real, file), () => createReadStream(real), shown, workspace));
    } catch (e) {
      if (!isUserError(e)) throw e;
      errors.push(e.file ? e : new UserError(e.message, { file: shown }));
    }
  }
  return { runs, errors };
}

/** The base side's copy of a result file (from a baseline source): parsed the same way. */
export function parseResultBytes(bytes: Buffer, file: string, workspace: string): Promise<TestRun> {
  const format = extname(file) === '.tap' || !startsWithTag(bytes) ? 'tap' : 'junit';
  return parseResults(format, () => Readable.from([bytes]), file, workspace);
}

async function parseResults(format: 'junit' | 'tap', stream: () => Readable, file: string, workspace: string): Promise<TestRun> {
  const run = format === 'junit' ? await parseJunit(stream(), file, workspace) : await parseTap(stream(), file, workspace);
  await locateFailures(run, workspace);
  return run;
}

async function firstFile(paths: string[], isFile: (p: string) => Promise<boolean>): Promise<string | undefined> {
  for (const p of paths) if (await isFile(p)) return p;
  return undefined;
}

/**
 * A failing test without file and line attributes (pytest's default xunit2, Vitest, Jest), or
 * with attributes that name only its definition (pytest's xunit1), is placed at the innermost
 * frame of its traceback that is a file of the workspace.
 */
async function locateFailures(run: TestRun, workspace: string): Promise<void> {
  const known = new Map<string, boolean>();
  const isFile = async (path: string) => {
    if (!known.has(path)) {
      const s = await stat(join(workspace, path)).catch(() => undefined);
      known.set(
        path,
        s?.isFile() === true &&
          (await containedPath(join(workspace, path), { input: 'tests' }).then(
            () => true,
            () => false,
          )),
      );
    }
    return known.get(path)!;
  };
  for (const t of run.suites.flatMap((s) => s.cases)) {
    if ((t.file !== undefined && !t.atDefinition) || !isFailing(t) || !(t.details || t.message)) continue;
    for (const frame of tracebackFrames(`${t.details ?? ''}\n${t.message ?? ''}`, workspace).slice(0, 50)) {
      const found = await firstFile(pathsBesideClass(frame.file, t.classname), isFile);
      if (found) {
        Object.assign(t, { file: found, line: frame.line });
        delete t.atDefinition;
        break;
      }
    }
  }
}

async function sniff(real: string, file: string): Promise<'junit' | 'tap'> {
  if (extname(file) === '.tap') return 'tap';
  const handle = await open(real, 'r');
  try {
    const head = Buffer.alloc(512);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return startsWithTag(head.subarray(0, bytesRead)) ? 'junit' : 'tap';
  } finally {
    await handle.close();
  }
}

function startsWithTag(bytes: Buffer): boolean {
  return /^(?:\uFEFF)?\s*</.test(bytes.subarray(0, 512).toString('utf8'));
}
