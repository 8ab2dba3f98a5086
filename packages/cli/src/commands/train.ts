import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { defaultReportDir, runFromEnv, splitList, UserError } from '@mlci/core';
import { folderCache, parseMinutes, runTraining, trainSectionId } from '@mlci/core/train';
import type { Command, Values } from '../command.js';
import { printProblem, type Out } from '../out.js';

/** `$XDG_CACHE_HOME/mlci/train`, else `~/.cache/mlci/train`: the run-cache of `mlci train` by default. */
export function defaultCacheDir(env: NodeJS.ProcessEnv): string {
  return join(env.XDG_CACHE_HOME || join(env.HOME || homedir(), '.cache'), 'mlci', 'train');
}

/**
 * `mlci train`: the train action on a laptop or any CI, with the run-cache in a local folder
 * (the same exact key as on GitHub). The command's output goes to stdout as it comes; mlci's own
 * lines to stderr. No artifact is uploaded: the outputs are where the command wrote them.
 */
export async function train(v: Values, env: NodeJS.ProcessEnv, out: Out): Promise<number> {
  const cwd = process.cwd();
  const cacheInputs = list(v['cache-inputs']);
  const cache = v.cache === undefined ? undefined : bool(String(v.cache), 'cache');
  const decoder = new StringDecoder('utf8');
  let atLineStart = true;
  const result = await runTraining({
    workspace: cwd,
    run: (v.run as string | undefined) ?? '',
    shell: (v.shell as string | undefined) ?? 'bash',
    workingDirectory: (v['working-directory'] as string | undefined) ?? '',
    cacheInputs,
    cache,
    cacheKeyExtra: (v['cache-key-extra'] as string | undefined) ?? '',
    outputs: list(v.outputs),
    metrics: list(v.metrics),
    params: list(v.params),
    timeoutMinutes: parseMinutes((v['timeout-minutes'] as string | undefined) ?? ''),
    reportDir: resolve(cwd, (v['report-dir'] as string | undefined) ?? defaultReportDir(env)),
    tempDir: env.RUNNER_TEMP ?? env.TMPDIR ?? tmpdir(),
    env,
    origin: { id: runFromEnv(env)?.id ?? 'local' },
    log: {
      group: (title) => out.stderr(`mlci train: ${title}\n`),
      endGroup: () => {
        const rest = decoder.end();
        if (rest) out.stdout(rest);
        if (!atLineStart) out.stdout('\n');
        atLineStart = true;
      },
      output: (chunk) => {
        out.stdout(decoder.write(chunk));
        if (chunk.length > 0) atLineStart = chunk[chunk.length - 1] === 0x0a;
      },
      info: (line) => out.stderr(`mlci train: ${line}\n`),
    },
    runCache: folderCache(resolve(cwd, (v['cache-dir'] as string | undefined) || defaultCacheDir(env))),
  });
  out.stderr(`mlci train: ${result.summary}\n  log: ${result.logPath}\n  section: ${result.sectionPath}\n`);
  if (!result.failure) return 0;
  printProblem({ severity: 'error', message: result.failure.message }, out);
  return 1;
}

const list = (v: unknown): string[] => ((v as string[] | undefined) ?? []).flatMap(splitList);

function bool(v: string, name: string): boolean {
  if (['true', 'yes', '1'].includes(v)) return true;
  if (['false', 'no', '0'].includes(v)) return false;
  throw new UserError(`--${name} must be true or false, not "${v}"`, { input: name });
}

export const trainCommand: Command = {
  name: 'train',
  usage: `train --run COMMAND [--cache-inputs FILE|GLOB]... [--outputs PATH]... [--metrics FILE]...
           [--params FILE]... [--working-directory DIR] [--shell bash|sh|python|TEMPLATE]
           [--cache true|false] [--cache-key-extra TEXT] [--cache-dir DIR]
           [--timeout-minutes N] [--report-dir DIR]
    Run the training command with its output live, measure its time, CPU and peak memory, and keep
    what it made in a local run-cache (default $XDG_CACHE_HOME/mlci/train or ~/.cache/mlci/train):
    with the same inputs and command again, the command is skipped and its outputs, metrics and log
    are restored. Writes the training section into the report directory. Exits 1 when it fails.`,
  options: {
    run: { type: 'string' },
    'working-directory': { type: 'string' },
    shell: { type: 'string' },
    'cache-inputs': { type: 'string', multiple: true },
    cache: { type: 'string' },
    'cache-key-extra': { type: 'string' },
    'cache-dir': { type: 'string' },
    outputs: { type: 'string', multiple: true },
    metrics: { type: 'string', multiple: true },
    params: { type: 'string', multiple: true },
    'timeout-minutes': { type: 'string' },
    'report-dir': { type: 'string' },
  },
  section: (v, env) => ({
    reportDir: (v['report-dir'] as string | undefined) ?? defaultReportDir(env),
    slot: { action: 'train', id: trainSectionId((v['working-directory'] as string | undefined) ?? ''), stage: 'training', title: 'Training' },
  }),
  run: train,
};
