import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { UserError } from '@mlci/core/errors';
import { parseWholeNumber, splitLists } from '@mlci/core/files';
import type { Api, Repo } from '@mlci/core/forge';
import { parseBump } from '@mlci/core/model';
import { publishModel, publishSectionId } from '@mlci/core/publish-model';
import { defaultReportDir, type SectionSlot } from '@mlci/core/section';
import type { Values } from '../command.js';
import type { Out } from '../out.js';

/**
 * The GitHub API for the `release` destination outside Actions: GITHUB_TOKEN for
 * GITHUB_REPOSITORY at GITHUB_API_URL (GitHub Enterprise too). Loaded only when asked for.
 */
async function githubFromEnv(env: NodeJS.ProcessEnv): Promise<{ api?: Api; repo?: Repo }> {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  if (!env.GITHUB_TOKEN || !owner || !repo) return {};
  // The CLI's one octokit: retries, rate-limit waits and a timeout per attempt (MLCI_HTTP_TIMEOUT_MS).
  const { createCliApi } = await import('../octokit.js');
  const api = await createCliApi(env.GITHUB_TOKEN, env.GITHUB_API_URL ?? 'https://api.github.com', env, () => {});
  return { api, repo: { owner, repo } };
}

const str = (v: Values[string]) => (typeof v === 'string' ? v : undefined);

/**
 * `mlci publish`: the publish-model action on a laptop or another CI. Tags are made in the local
 * clone and pushed to its `origin`; registry credentials come from MLCI_REGISTRY_USERNAME and
 * MLCI_REGISTRY_PASSWORD (never a flag: a flag shows in the process list and the shell history).
 */
export async function run(v: Values, env: NodeJS.ProcessEnv, out: Out): Promise<number> {
  const name = str(v.name);
  const path = str(v.path);
  if (!name) throw new UserError("--name is required: the model's name in the registry", { input: 'name' });
  const cwd = process.cwd();
  const destinations = splitLists(v.destination as string[] | undefined);
  const github = destinations.includes('release') ? await githubFromEnv(env) : {};
  const result = await publishModel({
    workspace: cwd,
    reportDir: resolve(cwd, str(v['report-dir']) ?? defaultReportDir(env)),
    tempDir: env.RUNNER_TEMP ?? env.TMPDIR ?? tmpdir(),
    name,
    // Empty only for a stage moved to a registered version; the core refuses it otherwise, naming --path.
    path: path ?? '',
    version: str(v.version) ?? 'auto',
    bump: parseBump(str(v.bump) ?? 'patch'),
    stage: str(v.stage),
    destinations,
    verify: str(v.verify),
    verifyRuns: parseWholeNumber(String(v['verify-runs'] ?? ''), '--verify-runs', 'verify-runs', 1) ?? 1,
    metrics: splitLists(v.metrics as string[] | undefined),
    params: splitLists(v.params as string[] | undefined),
    modelCard: str(v['model-card']),
    registryCredentials: { username: env.MLCI_REGISTRY_USERNAME, password: env.MLCI_REGISTRY_PASSWORD },
    dryRun: v['dry-run'] === true,
    services: { ...github },
  });
  out.stdout(
    `mlci publish: ${result.summary}\n  version ${result.version} (${result.tag}${result.stageTag ? `, ${result.stageTag}` : ''})\n  ${result.manifestPath}\n  ${result.cardPath}\n`,
  );
  if (result.releaseUrl) out.stdout(`  release ${result.releaseUrl}\n`);
  if (result.ociRef) out.stdout(`  oci ${result.ociRef}\n`);
  if (result.failure) {
    out.stderr(`error: ${result.failure}\n`);
    return 1;
  }
  return 0;
}

/** The section `mlci publish` writes, so a failure leaves a failing one in its place. */
export function section(v: Values, env: NodeJS.ProcessEnv): { reportDir: string; slot: SectionSlot } {
  const name = str(v.name) ?? 'model';
  return {
    reportDir: str(v['report-dir']) ?? defaultReportDir(env),
    slot: { action: 'publish-model', id: publishSectionId(name), stage: 'model', title: `Model ${name}` },
  };
}
