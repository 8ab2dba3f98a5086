import { readdir, stat } from 'node:fs/promises';
import { join, posix } from 'node:path';

/**
 * dvclive's layout, so a script that logs with it needs no `metrics`/`params` input:
 * `dvclive/metrics.json`, `dvclive/params.yaml` and per-step scalars in
 * `dvclive/plots/metrics/<name>.tsv` (columns `step` and the metric's name).
 */
export interface DvcliveFiles {
  /** The folder, relative to the workspace. */
  dir: string;
  metrics?: string;
  params?: string;
  /** The per-step TSVs, relative to the workspace. */
  steps: string[];
}

export async function findDvclive(workspace: string, workingDirectory: string): Promise<DvcliveFiles | undefined> {
  const dir = posix.join(workingDirectory, 'dvclive');
  const isFile = (p: string) =>
    stat(join(workspace, p)).then(
      (s) => s.isFile(),
      () => false,
    );
  if (
    !(await stat(join(workspace, dir)).then(
      (s) => s.isDirectory(),
      () => false,
    ))
  )
    return undefined;
  const metrics = posix.join(dir, 'metrics.json');
  const params = posix.join(dir, 'params.yaml');
  const plots = posix.join(dir, 'plots', 'metrics');
  const steps = (await readdir(join(workspace, plots), { recursive: true }).catch(() => [] as string[]))
    .filter((f) => f.endsWith('.tsv'))
    .map((f) => posix.join(plots, f.split('\\').join('/')))
    .sort();
  const found: DvcliveFiles = { dir, steps };
  if (await isFile(metrics)) found.metrics = metrics;
  if (await isFile(params)) found.params = params;
  return found.metrics || found.params || steps.length > 0 ? found : undefined;
}
