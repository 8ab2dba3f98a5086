import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { prepareStep, ROOT, stepResult, type RunOptions, type RunResult } from './runner.js';

/**
 * Runs an action's adapter (`actions/<name>/src/main.ts`, its `run()`) inside the test's process,
 * with the environment, working directory and files the runner gives a step (the same
 * `prepareStep` as the spawned runs in runner.ts), and answers what a spawned run answers: exit
 * code, log, outputs, summary, annotations. Tests of an adapter's own logic (inputs refused,
 * failing sections, outputs) run here in milliseconds; the spawned bundle tests (test/e2e) prove
 * the chain end to end.
 *
 * The step's log is what it writes to process.stdout (the workflow commands included), captured
 * while it runs. process.env, the working directory, process.exitCode and process.exit are the
 * test's again afterwards. process.exit (runAction calls it when a request was abandoned) ends
 * the step, never the test worker. Steps run one at a time: they share one process.
 */

export interface InProcessResult extends RunResult {
  /** The step called process.exit, as runAction does after abandoning a request. */
  exited: boolean;
}

class StepExited extends Error {
  constructor(readonly exitCode: number | undefined) {
    super(`the step called process.exit(${exitCode ?? ''})`);
  }
}

/** What the test's own process keeps while a step runs: vitest's variables and the run's temp root. */
const KEPT = /^(VITEST|TMPDIR$|NODE_OPTIONS$)/;

let running = false;

export async function runInProcess(o: RunOptions): Promise<InProcessResult> {
  if (running) throw new Error('runInProcess: another step is running in this process; steps share process.env and cwd, run them one after the other');
  running = true;
  try {
    const step = await prepareStep(o);
    const entry = pathToFileURL(join(ROOT, 'actions', o.action, 'src/main.ts')).href;
    const { run } = (await import(entry)) as { run: () => Promise<void> };
    return await inStep(step, run);
  } finally {
    running = false;
  }
}

async function inStep(step: Awaited<ReturnType<typeof prepareStep>>, run: () => Promise<void>): Promise<InProcessResult> {
  const saved = {
    env: { ...process.env },
    cwd: process.cwd(),
    exitCode: process.exitCode,
    exit: process.exit,
    stdout: process.stdout.write,
    stderr: process.stderr.write,
  };
  let stdout = '';
  let stderr = '';
  const capture = (into: (s: string) => void) =>
    ((chunk: string | Uint8Array, encoding?: unknown, cb?: unknown) => {
      into(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      const done = typeof encoding === 'function' ? encoding : cb;
      if (typeof done === 'function') done();
      return true;
    }) as typeof process.stdout.write;

  replaceEnv(Object.fromEntries(Object.entries(saved.env).filter(([k]) => KEPT.test(k))) as Record<string, string>, step.env);
  process.chdir(step.workspace);
  process.exitCode = undefined;
  process.exit = ((code?: number) => {
    throw new StepExited(code);
  }) as typeof process.exit;
  process.stdout.write = capture((s) => (stdout += s));
  process.stderr.write = capture((s) => (stderr += s));

  let code: number;
  let exited = false;
  try {
    await run();
    code = Number(process.exitCode ?? 0);
  } catch (e) {
    if (e instanceof StepExited) {
      exited = true;
      code = Number(e.exitCode ?? process.exitCode ?? 0);
    } else {
      // As Node ends a spawned bundle whose top-level await rejects: the error on stderr, code 1.
      stderr += `${(e as Error)?.stack ?? String(e)}\n`;
      code = 1;
    }
  } finally {
    process.stdout.write = saved.stdout;
    process.stderr.write = saved.stderr;
    process.exit = saved.exit;
    process.exitCode = saved.exitCode;
    process.chdir(saved.cwd);
    replaceEnv(saved.env as Record<string, string>);
  }
  return { ...(await stepResult(step, code, stdout, stderr)), exited };
}

/** Sets process.env to exactly the given variables, in place (code that kept a reference to it sees the change). */
function replaceEnv(...layers: Array<Record<string, string>>): void {
  for (const k of Object.keys(process.env)) delete process.env[k];
  for (const layer of layers) Object.assign(process.env, layer);
}
