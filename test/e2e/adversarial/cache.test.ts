import { createHash, randomUUID } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BlockBlobClient } from '@azure/storage-blob';
import { pack, type Header } from 'tar-stream';
import { expect, it } from 'vitest';
import { baselineName, stagingPath } from '@mlci/core/baseline';
import { pullRequestEvent, pushEvent } from '../../support/events/index.js';
import { useGitHub, useResultsService } from '../../support/loopback.js';
import { runAction } from '../../support/runner.js';
import { workspaceWith } from './support.js';

/**
 * A cache entry is bytes someone else wrote. `baseline: cache` must check every member before it
 * writes anything: an absolute name, a `..` or a link refuses the whole entry, nothing lands
 * outside a fresh folder under RUNNER_TEMP, and nothing is staged in the workspace, so a killed
 * run cannot leave a folder that breaks the next one. The entries are planted through the
 * results service's own Twirp API and azurite, the way a poisoning job would write them.
 */

const REPO = 'octo/ml';
const TOKEN = 'ghs_cache_adversarial_token';
const BASE_SHA = 'b'.repeat(40);
const HEAD_SHA = 'e'.repeat(40);
const NAME = baselineName(['metrics.json']);

const gh = useGitHub({ repo: REPO, token: TOKEN });
const results = useResultsService({ repository: REPO, headSha: BASE_SHA });

async function tarOf(members: Array<Partial<Header> & { name: string; body?: string }>): Promise<Buffer> {
  const p = pack();
  const chunks: Buffer[] = [];
  p.on('data', (c: unknown) => chunks.push(c as Buffer));
  const done = new Promise<void>((resolve) => p.on('end', () => resolve()));
  for (const { body, ...header } of members) p.entry(header, body ?? '');
  p.finalize();
  await done;
  return Buffer.concat(chunks);
}

/** What @actions/cache would store for the baseline's folder: its version hashes the path and the compression. */
async function plant(key: string, tar: Buffer): Promise<void> {
  const version = createHash('sha256')
    .update([stagingPath(NAME), 'gzip', '1.0'].join('|'))
    .digest('hex');
  const env = results.newRun().env;
  const call = async (method: string, body: object) => {
    const res = await fetch(new URL(`/twirp/github.actions.results.api.v1.CacheService/${method}`, env.ACTIONS_RESULTS_URL), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${env.ACTIONS_RUNTIME_TOKEN}` },
      body: JSON.stringify(body),
    });
    expect(res.status, await res.clone().text()).toBe(200);
    return res.json() as Promise<Record<string, string>>;
  };
  const created = await call('CreateCacheEntry', { key, version });
  const archive = gzipSync(tar);
  await new BlockBlobClient(created.signed_upload_url).uploadData(archive);
  await call('FinalizeCacheEntryUpload', { key, version, size_bytes: String(archive.length) });
}

function comparePr(workspace: string) {
  return runAction({
    action: 'compare-metrics',
    workspace,
    github: gh,
    token: TOKEN,
    repository: REPO,
    env: results.newRun().env,
    event: { name: 'pull_request', payload: pullRequestEvent({ owner: 'octo', repo: 'ml', number: 3, headSha: HEAD_SHA, baseRef: 'main', baseSha: BASE_SHA }) },
    inputs: { metrics: 'metrics.json', baseline: 'cache', 'report-dir': '.mlci-report' },
  });
}

it('refuses an entry with a ../ member, an absolute member or a symlink, and writes none of them', async () => {
  const escape = `escape-${randomUUID()}.txt`;
  const dir = stagingPath(NAME);
  const poisons: Array<[string, Array<Partial<Header> & { name: string; body?: string }>, string]> = [
    [
      'dotdot',
      [
        { name: `${dir}/metrics.json`, body: '{"auc": 0.5}' },
        { name: `../../${escape}`, body: 'pwned' },
      ],
      `"../../${escape}", which has a ".." in its path`,
    ],
    [
      'absolute',
      [
        { name: `${dir}/metrics.json`, body: '{"auc": 0.5}' },
        { name: `/tmp/${escape}`, body: 'pwned' },
      ],
      `"/tmp/${escape}", which has an absolute name`,
    ],
    ['symlink', [{ name: `${dir}/metrics.json`, type: 'symlink', linkname: '/proc/self/environ' }], 'which is a symlink, not a file'],
    ['nested-dotdot', [{ name: `${dir}/../../${escape}`, body: 'pwned' }], 'which has a ".." in its path'],
  ];
  for (const [i, [label, members, why]] of poisons.entries()) {
    // Each poison is the newest entry for the base commit's key prefix, so it is the one restored.
    await plant(`mlci-baseline-${NAME}-${BASE_SHA.slice(0, 39)}${i}`, await tarOf(members));
    const ws = await workspaceWith({ 'metrics.json': '{"auc": 0.9}' });
    const r = await comparePr(ws);
    expect(r.code, `${label}: ${r.stdout}`).toBe(1);
    expect(r.annotations.find((a) => a.level === 'error')?.message, label).toContain(why);
    for (const base of [ws, r.runnerTemp, join(r.runnerTemp, 'mlci-baseline-x'), '/tmp']) {
      expect(await stat(join(base, '../..', escape)).catch(() => undefined), `${label}: ${base}`).toBeUndefined();
      expect(await stat(join(base, escape)).catch(() => undefined), `${label}: ${base}`).toBeUndefined();
    }
    expect(
      (await readdir(ws)).filter((f) => f.startsWith('.mlci-baseline')),
      label,
    ).toEqual([]);
  }
});

it('stages outside the workspace: a leftover .mlci-baseline-<name> folder (a killed run) no longer fails the run', async () => {
  const ws = await workspaceWith({ 'metrics.json': '{"auc": 0.91}', [`${stagingPath(NAME)}/metrics.json`]: '{"auc": 0.1}' });
  const saved = await runAction({
    action: 'compare-metrics',
    workspace: ws,
    github: gh,
    token: TOKEN,
    repository: REPO,
    sha: BASE_SHA,
    env: results.newRun().env,
    event: { name: 'push', payload: pushEvent({ owner: 'octo', repo: 'ml', after: BASE_SHA, before: '0'.repeat(40) }) },
    inputs: { metrics: 'metrics.json', baseline: 'none', 'save-baseline': 'true', 'report-dir': '.mlci-report' },
  });
  expect(saved.code, saved.stdout + saved.stderr).toBe(0);
  expect(saved.stdout).toContain(`Baseline stored in the cache as mlci-baseline-${NAME}-${BASE_SHA}.`);

  // The pull request compares with what was stored (0.91), not with the leftover folder (0.1).
  const r = await comparePr(ws);
  expect(r.code, r.stdout + r.stderr).toBe(0);
  expect(r.stdout).toContain('Metrics: no change');
  expect(r.outputs.regressions).toBe('0');
  expect(r.summary.replace(/\\(.)/g, '$1')).toContain(`Compared with cache mlci-baseline-${NAME}-${BASE_SHA}`);
});
