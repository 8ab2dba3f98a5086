import { randomUUID } from 'node:crypto';
import { readFile, writeFile, mkdir, rename } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Which run wrote a section. A report directory outlives a run where nothing cleans it (a laptop,
 * a Jenkins workspace, a self-hosted runner with `report-dir` in the workspace), so a report must
 * tell this run's sections from ones left over, or it shows what this run never checked.
 *
 * Where the identity comes from, first that applies:
 *   - `MLCI_RUN_ID`: set it in any CI or script to name a run;
 *   - GitHub Actions: `GITHUB_RUN_ID` and `GITHUB_RUN_ATTEMPT` (a re-run is a new attempt), with
 *     `GITHUB_JOB`, the job whose summary page the step writes to;
 *   - GitLab CI: `CI_PIPELINE_ID` (jobs of one pipeline pass a report on as artifacts);
 *   - Jenkins: `BUILD_TAG`;
 *   - none of these (a laptop): the report directory's run file, `run.json`. The first section
 *     written starts a run; `mlci report` marks it reported, and the next section written after
 *     that starts a new one. So a run is "the steps since the last report".
 */
export interface SectionRun {
  id: string;
  attempt?: number;
  job?: string;
  /** `env` (MLCI_RUN_ID), `github`, `gitlab`, `jenkins` or `local` (the run file). */
  source: 'env' | 'github' | 'gitlab' | 'jenkins' | 'local';
}

export const RUN_FILE = 'run.json';

interface RunFile {
  id: string;
  started: string;
  /** Set by `mlci report`: the next section written starts a new run. */
  reported?: string;
}

/** The run named by the environment, or undefined outside any CI that names its runs. */
export function runFromEnv(env: NodeJS.ProcessEnv = process.env): SectionRun | undefined {
  if (env.MLCI_RUN_ID) return { id: env.MLCI_RUN_ID, source: 'env' };
  if (env.GITHUB_RUN_ID) {
    const attempt = Number(env.GITHUB_RUN_ATTEMPT);
    return {
      id: env.GITHUB_RUN_ID,
      ...(Number.isInteger(attempt) && attempt > 0 ? { attempt } : {}),
      ...(env.GITHUB_JOB ? { job: env.GITHUB_JOB } : {}),
      source: 'github',
    };
  }
  if (env.GITLAB_CI && env.CI_PIPELINE_ID) return { id: env.CI_PIPELINE_ID, ...(env.CI_JOB_NAME ? { job: env.CI_JOB_NAME } : {}), source: 'gitlab' };
  if (env.BUILD_TAG && env.JENKINS_URL) return { id: env.BUILD_TAG, source: 'jenkins' };
  return undefined;
}

async function readRunFile(dir: string): Promise<RunFile | undefined> {
  try {
    const parsed = JSON.parse(await readFile(join(dir, RUN_FILE), 'utf8')) as RunFile;
    return typeof parsed?.id === 'string' && parsed.id ? parsed : undefined;
  } catch {
    return undefined;
  }
}

async function writeRunFile(dir: string, run: RunFile): Promise<void> {
  await mkdir(dir, { recursive: true });
  const file = join(dir, RUN_FILE);
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify(run, null, 2) + '\n');
  await rename(tmp, file);
}

/** The run a section written now into `dir` belongs to; starts a local run when needed. */
export async function writerRun(dir: string, env: NodeJS.ProcessEnv = process.env): Promise<SectionRun> {
  const named = runFromEnv(env);
  if (named) return named;
  const file = await readRunFile(dir);
  if (file && !file.reported) return { id: file.id, source: 'local' };
  const started: RunFile = { id: `local-${randomUUID().slice(0, 8)}`, started: new Date().toISOString() };
  await writeRunFile(dir, started);
  return { id: started.id, source: 'local' };
}

/** The run a report read from `dir` now shows: undefined when nothing names one (show all). */
export async function readerRun(dir: string, env: NodeJS.ProcessEnv = process.env): Promise<SectionRun | undefined> {
  const named = runFromEnv(env);
  if (named) return named;
  const file = await readRunFile(dir);
  return file ? { id: file.id, source: 'local' } : undefined;
}

/** After a local report: the next section written into `dir` starts a new run. */
export async function markRunReported(dir: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  if (runFromEnv(env)) return;
  const file = await readRunFile(dir);
  if (file && !file.reported) await writeRunFile(dir, { ...file, reported: new Date().toISOString() });
}

/** The job (where the source names one) does not matter: jobs of one run share a report. */
export function sameRun(a: SectionRun, b: SectionRun): boolean {
  return a.source === b.source && a.id === b.id && (a.attempt ?? 1) === (b.attempt ?? 1);
}

/** `run 4242 attempt 2`, `run local-1a2b3c4d`: how a report names a run. */
export function describeRun(r: SectionRun): string {
  return `run ${r.id}${r.attempt !== undefined ? ` attempt ${r.attempt}` : ''}`;
}
