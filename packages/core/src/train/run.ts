import { copyFile, mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import { join, relative, resolve, sep } from 'node:path';
import { isUserError, UserError } from '../errors.js';
import { containedPath, defaultBoundary } from '../files/contained.js';
import { readMetricsFiles } from '../metrics/load.js';
import { writeSection } from '../section/section.js';
import { jobEnvironment } from '../process/job-env.js';
import { runCommand, type CommandResult } from './command.js';
import { findDvclive } from './dvclive.js';
import { declaredFiles, restoreEntry, saveEntry, stageFiles, type EntryManifest, type RunCache, type RunOrigin } from './entry.js';
import { runCacheKey } from './key.js';
import { writeTrainRecord, type TrainRecord } from '../section/train-record.js';
import { scrubSecretsAndTokens, secretsInEnv } from '../report/scrub.js';
import { scrubLogFile } from './log.js';
import { logTail, trainSection, trainSectionId, type TrainReport } from './section.js';
import { runCost } from './cost.js';
import { baseRunUsage, storeRunUsage, type CostBaseline, type CostBaselineServices } from './cost-baseline.js';
import { messageOf } from '../forge/api.js';

/**
 * train as the action and `mlci train` run it: skip the command when the run-cache holds a run of
 * the same inputs, else run it, measure it, keep what it made; write the section and the record
 * that compare-metrics and publish-model read after it.
 */

/** How the log reaches the person watching: a group in the job log, the terminal for the CLI. */
export interface TrainLog {
  group(title: string): void;
  endGroup(): void;
  output(chunk: Buffer): void;
  info(line: string): void;
}

export interface TrainOptions {
  workspace: string;
  run: string;
  shell: string;
  /** Relative to the workspace; empty for the workspace. */
  workingDirectory: string;
  /** `cache-inputs`, relative to the workspace. */
  cacheInputs: string[];
  /** `cache`; undefined: on when cache-inputs is set. */
  cache?: boolean;
  cacheKeyExtra: string;
  /** Paths relative to the workspace (files or folders). */
  outputs: string[];
  metrics: string[];
  params: string[];
  timeoutMinutes?: number;
  reportDir: string;
  /**
   * Where the log file goes (`<logDir>/<section id>/train.log`); the report directory by default.
   * The action keeps it under RUNNER_TEMP instead: the report directory travels as the report
   * bundle, and a long log has no business in it (the section carries its tail).
   */
  logDir?: string;
  tempDir?: string;
  /** The environment the action or CLI itself has; the command gets the job's part of it. */
  env: NodeJS.ProcessEnv;
  origin: Omit<RunOrigin, 'time'>;
  log: TrainLog;
  runCache?: RunCache;
  artifact?: { name: string; retentionDays?: number; upload: (name: string, dir: string, retentionDays?: number) => Promise<number | undefined> };
  /** Between SIGTERM and SIGKILL on a timeout. */
  graceMs?: number;
  /** The runner's price per minute (`cost-per-minute`): the section shows what the run cost. */
  costPerMinute?: number;
  /** Where the base run's figures are read, and this run's stored (`cost-baseline`); none by default. */
  costBaseline?: { spec: CostBaseline } & Pick<CostBaselineServices, 'event' | 'cache'>;
}

export interface TrainResult {
  cacheHit: boolean;
  exitCode: number;
  durationSeconds: number;
  cpuSeconds: number;
  peakRssBytes: number;
  /** False where CPU and memory could not be measured (no /proc): the two figures are then 0. */
  measured: boolean;
  logPath: string;
  cacheKey?: string;
  artifactId?: number;
  sectionPath: string;
  /** Set when the step fails: the command failed or timed out, or an output is missing. */
  failure?: UserError;
  summary: string;
}

/** `timeout-minutes`: a positive number of minutes, fractions allowed (`0.5` is 30 s). */
export function parseMinutes(value: string, input = 'timeout-minutes'): number | undefined {
  const v = value.trim();
  if (v === '') return undefined;
  const n = Number(v);
  if (!/^\d*\.?\d+$/.test(v) || !(n > 0)) throw new UserError(`input "${input}" must be a positive number of minutes (e.g. 30 or 0.5), not "${v}"`, { input });
  return n;
}

export async function runTraining(o: TrainOptions): Promise<TrainResult> {
  if (o.run.trim() === '') throw new UserError('input "run" is required: the training command, e.g. "python train.py"', { input: 'run' });
  const boundary = { ...defaultBoundary(), workspace: o.workspace };
  const cwd = await workingDirectory(o.workspace, o.workingDirectory, boundary);
  const wd = relative(o.workspace, cwd).split(sep).join('/') || '.';
  const useCache = o.cache ?? o.cacheInputs.length > 0;
  if (useCache && o.cacheInputs.length === 0) {
    throw new UserError('input "cache" is true but "cache-inputs" is empty: declare the files the result depends on, or set cache: false', { input: 'cache' });
  }
  const id = trainSectionId(wd);
  const logPath = join(o.logDir ?? o.reportDir, id, 'train.log');
  const key = useCache
    ? (
        await runCacheKey({
          workspace: o.workspace,
          inputs: o.cacheInputs,
          run: o.run,
          shell: o.shell,
          workingDirectory: wd,
          declared: [...o.outputs.map((p) => `outputs:${p}`), ...o.metrics.map((p) => `metrics:${p}`), ...o.params.map((p) => `params:${p}`)],
          extra: o.cacheKeyExtra,
          boundary,
        })
      ).key
    : undefined;

  const restoreStarted = performance.now();
  const restored =
    key && o.runCache ? await restoreOrMiss(o.runCache, { key, workspace: o.workspace, logFile: logPath, tempDir: o.tempDir }, o.log) : undefined;
  const restoreSeconds = (performance.now() - restoreStarted) / 1000;
  let ran: CommandResult;
  if (restored) {
    o.log.info(
      `Run-cache hit: ${key} (from run ${restored.run.id}${restored.run.sha ? ` at ${restored.run.sha.slice(0, 7)}` : ''}, ${restored.run.time}); the command was not run.`,
    );
    o.log.group('Log of the cached run');
    o.log.output(await readFile(logPath));
    o.log.endGroup();
    ran = {
      exitCode: restored.exitCode,
      timedOut: false,
      durationSeconds: restored.durationSeconds,
      cpuSeconds: restored.cpuSeconds,
      peakRssBytes: restored.peakRssBytes,
      measured: restored.measured !== false,
    };
  } else {
    if (key) o.log.info(o.runCache ? `Run-cache miss: ${key}` : `Run-cache key ${key} (no cache service here: the command runs)`);
    o.log.group(`Run ${o.run.split('\n')[0]}`);
    try {
      ran = await runCommand({
        run: o.run,
        shell: o.shell,
        cwd,
        env: jobEnvironment(o.env),
        logFile: logPath,
        onOutput: (c) => o.log.output(c),
        timeoutMs: o.timeoutMinutes !== undefined ? o.timeoutMinutes * 60_000 : undefined,
        graceMs: o.graceMs,
      });
    } finally {
      o.log.endGroup();
    }
    // The log's tail is posted and the file cached and uploaded: the secrets the runner masks in
    // the job log must not survive in them.
    const masked = await scrubLogFile(logPath, secretsInEnv(o.env));
    if (masked > 0) o.log.info(`${masked} line(s) of the log held a secret or a token; they are masked in the log file, the section and what is kept.`);
  }

  const report: TrainReport = {
    id,
    // Shown in the report: a token pasted into the command is masked like one in the log.
    command: scrubSecretsAndTokens(o.run, secretsInEnv(o.env)),
    workingDirectory: wd,
    exitCode: ran.exitCode,
    timedOut: ran.timedOut ? { minutes: o.timeoutMinutes! } : undefined,
    durationSeconds: ran.durationSeconds,
    cpuSeconds: ran.cpuSeconds,
    peakRssBytes: ran.peakRssBytes,
    measured: ran.measured,
    cache: !key
      ? { kind: 'off' }
      : restored
        ? { kind: 'hit', key, origin: restored.run, restoreSeconds }
        : { kind: 'miss', key, saved: o.runCache ? 'failed run' : 'no cache service' },
    metrics: new Map(),
  };
  const costServices: CostBaselineServices = { workspace: o.workspace, reportDir: o.reportDir, tempDir: o.tempDir, ...o.costBaseline };
  if (o.costPerMinute !== undefined) {
    const spec = o.costBaseline?.spec ?? { kind: 'none' };
    // The base run's figures are for the report only: a cache that cannot be read never fails the training.
    const base = await baseRunUsage(spec, id, costServices).catch((e: unknown) => ({ none: `it could not be read (${messageOf(e)})` }));
    report.cost = runCost({
      perMinute: o.costPerMinute,
      durationSeconds: ran.durationSeconds,
      hit: restored ? { restoreSeconds } : undefined,
      base: 'none' in base ? undefined : base,
      noBase: 'none' in base ? base.none : '',
    });
  }
  const result = (failure: UserError | undefined, extra: Partial<TrainResult> = {}, sectionPath = ''): TrainResult => ({
    cacheHit: restored !== undefined,
    exitCode: ran.exitCode,
    durationSeconds: ran.durationSeconds,
    cpuSeconds: ran.cpuSeconds,
    peakRssBytes: ran.peakRssBytes,
    measured: ran.measured,
    logPath,
    cacheKey: key,
    sectionPath,
    failure,
    summary: '',
    ...extra,
  });
  const finish = async (failure: UserError | undefined, extra: Partial<TrainResult> = {}) => {
    const section = trainSection(report);
    return result(failure, { ...extra, summary: section.summary }, await writeSection(o.reportDir, section));
  };

  if (ran.exitCode !== 0) {
    // A failed run keeps nothing: no cache entry, no artifact that could pass for a good model.
    report.logTail = logTail(await readFile(logPath, 'utf8'));
    const failure = ran.timedOut
      ? new UserError(
          `input "timeout-minutes": the command ran longer than ${o.timeoutMinutes} min and was killed, with every process it started (exit code ${ran.exitCode})`,
          { input: 'timeout-minutes' },
        )
      : new UserError(`the command failed with exit code ${ran.exitCode}`, { input: 'run' });
    return finish(failure);
  }

  // What the run made. A declared path it did not write fails the step, and nothing is kept.
  const dvclive = await findDvclive(o.workspace, wd);
  const metrics = o.metrics.length > 0 ? o.metrics : dvclive?.metrics ? [dvclive.metrics] : [];
  const params = o.params.length > 0 ? o.params : dvclive?.params ? [dvclive.params] : [];
  let kept: { outputs: string[]; metrics: string[]; params: string[]; dvclive: string[] };
  try {
    kept = {
      outputs: await declaredFiles(o.workspace, o.outputs, 'outputs', boundary),
      metrics: await declaredFiles(o.workspace, metrics, 'metrics', boundary),
      params: await declaredFiles(o.workspace, params, 'params', boundary),
      dvclive: dvclive ? await declaredFiles(o.workspace, [dvclive.dir], 'outputs', boundary) : [],
    };
    report.metrics = await readMetricsFiles(kept.metrics, o.workspace);
  } catch (e) {
    if (!isUserError(e)) throw e;
    report.error = e.message;
    report.logTail = logTail(await readFile(logPath, 'utf8'));
    return finish(e);
  }
  const files = [...new Set([...kept.outputs, ...kept.metrics, ...kept.params, ...kept.dvclive])].sort();

  if (key && o.runCache && !restored) {
    const manifest: EntryManifest = {
      schema: 'mlci/train-entry@1',
      key,
      run: { ...o.origin, time: new Date().toISOString() },
      command: o.run,
      exitCode: ran.exitCode,
      durationSeconds: ran.durationSeconds,
      cpuSeconds: ran.cpuSeconds,
      peakRssBytes: ran.peakRssBytes,
      measured: ran.measured,
      files,
      metrics: kept.metrics,
      params: kept.params,
      dvclive: dvclive?.dir,
    };
    const saved = await saveEntry(o.runCache, { workspace: o.workspace, manifest, logFile: logPath, tempDir: o.tempDir });
    report.cache = { kind: 'miss', key, saved: saved ? 'saved' : 'not saved' };
    o.log.info(saved ? `Run-cache: saved as ${key}` : `Run-cache: ${key} was not saved (it exists, or the cache refused it)`);
  }

  let artifactId: number | undefined;
  if (o.artifact) {
    artifactId = await uploadKept(o.artifact, o.workspace, files, logPath, o.tempDir);
    report.artifact = { name: o.artifact.name, id: artifactId };
  }

  const record: TrainRecord = {
    schema: 'mlci/train@1',
    workingDirectory: wd,
    metrics: kept.metrics,
    params: kept.params,
    outputs: o.outputs,
    files,
    dvclive: dvclive ? { dir: dvclive.dir, steps: dvclive.steps } : undefined,
    cacheKey: key,
    cacheHit: restored !== undefined,
    artifact: o.artifact ? { name: o.artifact.name, id: artifactId } : undefined,
    logPath,
    usage: { durationSeconds: ran.durationSeconds, cpuSeconds: ran.cpuSeconds, peakRssBytes: ran.peakRssBytes, measured: ran.measured, sha: o.origin.sha },
  };
  await writeTrainRecord(o.reportDir, id, record);
  if (o.costBaseline) {
    const stored = await storeRunUsage(o.costBaseline.spec, id, costServices).catch((e: unknown) => `Run time for cost-baseline not stored: ${messageOf(e)}`);
    if (stored) o.log.info(stored);
  }
  return finish(undefined, { artifactId });
}

/**
 * A download that breaks off (the service, the network) is a miss: the entry is extracted into a
 * temp folder first, so nothing of it reached the workspace, and the command runs. An entry that
 * is refused (a member outside its folder, a link) stays an error: someone wrote it on purpose.
 */
async function restoreOrMiss(cache: RunCache, o: Parameters<typeof restoreEntry>[1], log: TrainLog): Promise<EntryManifest | undefined> {
  try {
    return await restoreEntry(cache, o);
  } catch (e) {
    if (isUserError(e)) throw e;
    log.info(`Run-cache: the entry ${o.key} could not be restored (${(e as Error).message}); the command runs.`);
    return undefined;
  }
}

async function workingDirectory(workspace: string, given: string, boundary: ReturnType<typeof defaultBoundary>): Promise<string> {
  if (given.trim() === '') return resolve(workspace);
  const real = await containedPath(given, { input: 'working-directory', boundary }).catch((e) => {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      throw new UserError(`input "working-directory": "${given}" does not exist`, { input: 'working-directory' });
    throw e;
  });
  if (!(await stat(real)).isDirectory()) throw new UserError(`input "working-directory": "${given}" is not a folder`, { input: 'working-directory' });
  return resolve(workspace, given);
}

/** The artifact holds what the run made at its workspace paths, and the log as `train.log`. */
async function uploadKept(
  a: NonNullable<TrainOptions['artifact']>,
  workspace: string,
  files: string[],
  logPath: string,
  tempDir?: string,
): Promise<number | undefined> {
  const dir = await mkdtemp(join(tempDir ?? tmpdir(), 'mlci-train-artifact-'));
  try {
    await stageFiles(workspace, files, dir);
    await mkdir(dir, { recursive: true });
    await copyFile(logPath, join(dir, files.includes('train.log') ? 'train.mlci.log' : 'train.log'));
    return await a.upload(a.name, dir, a.retentionDays);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
