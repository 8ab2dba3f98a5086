import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { constants } from 'node:os';
import { UserError } from '../errors.js';
import { canMeasure, TreeSampler } from './usage.js';

/**
 * Runs the training command as a `run:` step would: the `run` text is handed to the shell as its
 * script argument, never pasted into a command line with anything else, in a process group of its
 * own (so a timeout reaches every grandchild), with the job's environment. Its output goes, as it
 * comes, to the caller (the job log) and to a log file.
 */

/** The shells `shell` names, as GitHub's runner starts them; anything else is a template with `{0}`. */
const SHELLS: Record<string, (script: string) => [string, string[]]> = {
  bash: (s) => ['bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', s]],
  sh: (s) => ['sh', ['-e', '-c', s]],
  python: (s) => ['python', ['-c', s]],
};

/** The program and its arguments for `shell`; the script text is one argument, whatever it holds. */
export function shellCommand(shell: string, script: string): [string, string[]] {
  const named = SHELLS[shell.trim() || 'bash'];
  if (named) return named(script);
  // A template such as `bash -x -c {0}` or `python3 -u -c {0}`: split on spaces, `{0}` becomes the script.
  const words = shell.trim().split(/\s+/);
  if (!words.includes('{0}')) {
    throw new UserError(`input "shell": "${shell}" is not bash, sh or python, nor a template with {0} where the command goes (e.g. "python3 -u -c {0}")`, {
      input: 'shell',
    });
  }
  const [program, ...args] = words.map((w) => (w === '{0}' ? script : w));
  return [program, args];
}

export interface CommandOptions {
  run: string;
  shell: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  logFile: string;
  /** Each chunk of output as it arrives (stdout and stderr interleaved as they came). */
  onOutput?: (chunk: Buffer) => void;
  timeoutMs?: number;
  /** Between SIGTERM and SIGKILL when the timeout strikes. */
  graceMs?: number;
  /** Called once the process started, with its pid (tests watch the log against it). */
  onStart?: (pid: number) => void;
}

export interface CommandResult {
  /** The exit code, or 128 + the signal's number when a signal ended it (as a shell reports it). */
  exitCode: number;
  signal?: string;
  timedOut: boolean;
  durationSeconds: number;
  cpuSeconds: number;
  peakRssBytes: number;
  /** False where there is no /proc (macOS): cpuSeconds and peakRssBytes are then 0, not figures. */
  measured: boolean;
}

export async function runCommand(o: CommandOptions): Promise<CommandResult> {
  const [program, args] = shellCommand(o.shell, o.run);
  await mkdir(dirname(o.logFile), { recursive: true });
  const log = createWriteStream(o.logFile);
  const started = process.hrtime.bigint();
  const child = spawn(program, args, { cwd: o.cwd, env: o.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const spawned = await new Promise<Error | undefined>((done) => {
    child.once('spawn', () => done(undefined));
    child.once('error', done);
  });
  if (spawned) {
    log.end();
    throw new UserError(`input "shell": could not start "${program}": ${spawned.message}`, { input: 'shell' });
  }
  const pid = child.pid!;
  const sampler = new TreeSampler(pid);
  o.onStart?.(pid);
  const forward = (chunk: Buffer) => {
    log.write(chunk);
    o.onOutput?.(chunk);
  };
  child.stdout!.on('data', forward);
  child.stderr!.on('data', forward);

  let timedOut = false;
  const kill = (signal: NodeJS.Signals) => {
    // The group first; then any descendant that left it (setsid) but was seen in the tree.
    for (const target of [-pid, ...sampler.stillRunning()]) {
      try {
        process.kill(target, signal);
      } catch {
        // Gone already.
      }
    }
  };
  // The command is detached (its own group), so a cancelled step would leave it running: the
  // runner's SIGINT/SIGTERM to this process is passed on to the whole tree.
  const pass = (signal: NodeJS.Signals) => kill(signal);
  process.on('SIGINT', pass);
  process.on('SIGTERM', pass);
  let termSent = 0;
  let grace: NodeJS.Timeout | undefined;
  const graceMs = o.graceMs ?? 5000;
  const timer =
    o.timeoutMs !== undefined
      ? setTimeout(() => {
          timedOut = true;
          sampler.sample();
          kill('SIGTERM');
          termSent = Date.now();
          grace = setTimeout(() => kill('SIGKILL'), graceMs);
        }, o.timeoutMs)
      : undefined;

  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((done) => child.once('exit', (c, s) => done([c, s])));
  const durationSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  clearTimeout(timer);
  process.off('SIGINT', pass);
  process.off('SIGTERM', pass);
  const usage = sampler.stop();
  // Processes left in the background by a command that exited keep its pipes open: the command is
  // over when its shell is, so what they still print after a moment is not waited for.
  await streamsClosed(child, 1000);
  if (timedOut) {
    // What outlived the shell had the same SIGTERM and its grace to finish; then the whole tree goes.
    while (Date.now() - termSent < graceMs && sampler.stillRunning().length > 0) await sleep(50);
    kill('SIGKILL');
    clearTimeout(grace);
  }
  await new Promise<void>((done) => log.end(done));
  const exitCode = code ?? 128 + (signal ? (constants.signals[signal] ?? 0) : 0);
  return {
    exitCode,
    signal: signal ?? undefined,
    timedOut,
    durationSeconds,
    cpuSeconds: usage.cpuSeconds,
    peakRssBytes: usage.peakRssBytes,
    measured: canMeasure(),
  };
}

function streamsClosed(child: ReturnType<typeof spawn>, ms: number): Promise<void> {
  const open = [child.stdout!, child.stderr!].filter((s) => !s.closed);
  if (open.length === 0) return Promise.resolve();
  return new Promise<void>((done) => {
    const timer = setTimeout(() => {
      for (const s of open) s.destroy();
      done();
    }, ms);
    let left = open.length;
    for (const s of open)
      s.once('close', () => {
        if (--left === 0) {
          clearTimeout(timer);
          done();
        }
      });
  });
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
