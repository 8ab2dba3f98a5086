import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { UserError } from '@mlci/core/errors';
import { splitLists } from '@mlci/core/files';
import { defaultReportDir, runFromEnv } from '@mlci/core/section';
import { folderCache, parseCostBaseline, parseCostPerMinute, parseMinutes, runTraining, trainSectionId } from '@mlci/core/train';
import type { SectionSlot } from '@mlci/core/section';
import type { Values } from '../command.js';
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
export async function run(v: Values, env: NodeJS.ProcessEnv, out: Out): Promise<number> {
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
    costPerMinute: parseCostPerMinute((v['cost-per-minute'] as string | undefined) ?? '', 'cost-per-minute'),
    costBaseline: { spec: costBaseline(v['cost-baseline'] as string | undefined) },
    runCache: folderCache(resolve(cwd, (v['cache-dir'] as string | undefined) || defaultCacheDir(env))),
  });
  out.stderr(`mlci train: ${result.summary}\n  log: ${result.logPath}\n  section: ${result.sectionPath}\n`);
  if (!result.failure) return 0;
  printProblem({ severity: 'error', message: result.failure.message }, out);
  return 1;
}

/** The Actions cache exists only in GitHub Actions: a laptop's base run is a record on disk. */
function costBaseline(v: string | undefined) {
  const spec = parseCostBaseline(v ?? '', 'cost-baseline');
  if (spec.kind === 'cache')
    throw new UserError('--cost-baseline cache: use file:<path> or none (the Actions cache exists only in GitHub Actions)', { input: 'cost-baseline' });
  return spec;
}

const list = (v: unknown): string[] => splitLists(v as string[] | undefined);

function bool(v: string, name: string): boolean {
  if (['true', 'yes', '1'].includes(v)) return true;
  if (['false', 'no', '0'].includes(v)) return false;
  throw new UserError(`--${name} must be true or false, not "${v}"`, { input: name });
}

/** The section `mlci train` writes, so a failure leaves a failing one in its place. */
export function section(v: Values, env: NodeJS.ProcessEnv): { reportDir: string; slot: SectionSlot } {
  return {
    reportDir: (v['report-dir'] as string | undefined) ?? defaultReportDir(env),
    slot: { action: 'train', id: trainSectionId((v['working-directory'] as string | undefined) ?? ''), stage: 'training', title: 'Training' },
  };
}
