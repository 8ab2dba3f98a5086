import { spawn } from 'node:child_process';
import { cp, mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import { jobEnvironment } from '../process/job-env.js';

export interface VerifyResult {
  command: string;
  runs: number;
  /** Wall time of each run, ms. */
  timesMs: number[];
  p50Ms: number;
  p95Ms: number;
}

/** The q-quantile of sorted times, nearest rank (p95 of 20 runs is the 19th). */
export function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

function once(command: string, cwd: string, env: NodeJS.ProcessEnv, signal?: AbortSignal): Promise<{ code: number | null; ms: number; signal: string | null }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    // The input is bash's script as a whole, never pasted into one: nothing of it is interpolated.
    const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', command], { cwd, env, stdio: ['ignore', 'inherit', 'inherit'], signal });
    child.on('error', reject);
    child.on('close', (code, sig) => resolve({ code, ms: performance.now() - started, signal: sig }));
  });
}

/**
 * Runs `verify` against the package in a clean folder holding only the package's files, at the
 * path the user named (`model/...`), so a test of the package cannot lean on the rest of the
 * checkout; $MLCI_MODEL_DIR names that folder and $GITHUB_WORKSPACE (inherited) the checkout,
 * where the test script itself lives. A non-zero exit is a UserError naming `verify`: nothing is
 * tagged or published after it. Each run gets a fresh copy, so one run cannot feed the next.
 */
export async function verifyPackage(o: {
  command: string;
  runs: number;
  packageDir: string;
  /** Where the package sits in the clean folder (the `path` input, relative, `/`-separated). */
  at: string;
  tempDir: string;
  env?: NodeJS.ProcessEnv;
  signal?: AbortSignal;
}): Promise<VerifyResult> {
  const timesMs: number[] = [];
  for (let i = 0; i < o.runs; i++) {
    const clean = await mkdtemp(join(o.tempDir, 'verify-'));
    const modelDir = join(clean, ...o.at.split('/'));
    await cp(o.packageDir, modelDir, { recursive: true });
    const r = await once(o.command, clean, { ...jobEnvironment({ ...process.env, ...o.env }), MLCI_MODEL_DIR: modelDir }, o.signal);
    if (r.code !== 0) {
      const how = r.code === null ? `was killed by ${r.signal}` : `exited with code ${r.code}`;
      throw new UserError(`input "verify": the command ${how} on run ${i + 1} of ${o.runs} (its output is in the log above); nothing was tagged or published`, {
        input: 'verify',
      });
    }
    timesMs.push(r.ms);
  }
  const sorted = [...timesMs].sort((a, b) => a - b);
  return { command: o.command, runs: o.runs, timesMs, p50Ms: quantile(sorted, 0.5), p95Ms: quantile(sorted, 0.95) };
}
