import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { pullRequestEvent, pushEvent } from '../support/events/index.js';
import { useGitHub, useResultsService } from '../support/loopback.js';
import { compareMetrics, FIXTURES, GET_STARTED, readJson, shown, workspaceFrom } from './compare-metrics-support.js';

/**
 * `save-baseline` on the default branch, then `baseline: cache` in a pull request, through the
 * unmodified @actions/cache against the loopback results service and azurite. A run whose gates
 * fail, or that fails outright, stores nothing.
 */

const REPO = 'octo/ml';
const TOKEN = 'ghs_cache_test_token';
const METRICS = 'eval/live/metrics.json\nscores.json';
const BASE_SHA = 'b'.repeat(40);
const LATER_SHA = 'd'.repeat(40);
const HEAD_SHA = 'e'.repeat(40);

const gh = useGitHub({ repo: REPO, token: TOKEN });
const results = useResultsService({ repository: REPO, headSha: BASE_SHA });

const push = (after: string, before = '0'.repeat(40)) => ({ name: 'push', payload: pushEvent({ owner: 'octo', repo: 'ml', after, before }) });
const pr = () => ({
  name: 'pull_request',
  payload: pullRequestEvent({ owner: 'octo', repo: 'ml', number: 8, headSha: HEAD_SHA, baseRef: 'main', baseSha: BASE_SHA }),
});

const compare = compareMetrics({ github: gh, token: TOKEN, repository: REPO, inputs: { metrics: METRICS, params: 'params.yaml' } });

async function leftovers(workspace: string): Promise<string[]> {
  return (await readdir(workspace)).filter((f) => f.startsWith('.mlci-baseline'));
}

it('stores the baseline on a push to the default branch and compares a pull request with it', async () => {
  const main = await workspaceFrom(join(GET_STARTED, 'base'));
  const saved = await compare({
    workspace: main,
    sha: BASE_SHA,
    env: results.env,
    event: push(BASE_SHA),
    inputs: { 'save-baseline': 'true' },
  });
  expect(saved.code, saved.stdout + saved.stderr).toBe(0);
  const caches = results.caches();
  expect(caches).toHaveLength(1);
  expect(caches[0].key).toMatch(new RegExp(`^mlci-baseline-[0-9a-f]{12}-${BASE_SHA}$`));
  expect(caches[0].finalized).toBe(true);
  expect(saved.stdout).toContain(`Baseline stored in the cache as ${caches[0].key}.`);
  expect(await leftovers(main)).toEqual([]);

  const head = await workspaceFrom(join(GET_STARTED, 'head'));
  const compared = await compare({
    workspace: head,
    sha: HEAD_SHA,
    env: results.newRun().env,
    event: pr(),
    inputs: { baseline: 'cache', 'save-baseline': 'true' },
  });
  expect(compared.code, compared.stdout + compared.stderr).toBe(0);
  const md = await shown(compared.outputs.markdown);
  expect(md).toContain(`Compared with cache ${caches[0].key}`);
  // The entry's key names the commit it was saved from: the report states and links it.
  expect(md).toContain(`commit [\`${BASE_SHA.slice(0, 7)}\`](https://github.com/octo/ml/commit/${BASE_SHA})`);
  expect(compared.outputs.regressions).toBe('4');
  const diff = await readJson(compared.outputs['diff-json']);
  expect(diff.params.filter((p: any) => p.status === 'changed').map((p: any) => p.key)).toEqual(['featurize.max_features', 'train.n_est', 'train.min_split']);
  // A pull request's cache would be scoped to it, never anyone's baseline: it stores nothing.
  expect(compared.stdout).toContain('Baseline not stored: pull_request runs cannot store a baseline');
  expect(results.caches()).toHaveLength(1);
  expect(await leftovers(head)).toEqual([]);
});

it('never stores a baseline from a run whose gates fail or that fails', async () => {
  const before = results.caches().length;
  const head = await workspaceFrom(join(GET_STARTED, 'head'));
  const failing = await compare({
    workspace: head,
    sha: LATER_SHA,
    env: results.newRun().env,
    event: push(LATER_SHA, BASE_SHA),
    files: { '.mlci/gates.yml': await readFile(join(FIXTURES, 'gates/fail.yml')) },
    inputs: { baseline: 'cache', gates: '.mlci/gates.yml', 'save-baseline': 'true', 'fail-on-regression': 'false' },
  });
  // Reported only, yet the gate failed: the stored baseline stays the last good one.
  expect(failing.code, failing.stdout + failing.stderr).toBe(0);
  expect(failing.outputs.passed).toBe('false');
  expect(failing.stdout).toContain('Baseline not stored: a gate failed.');
  expect(results.caches()).toHaveLength(before);

  const broken = await compare({
    workspace: head,
    sha: LATER_SHA,
    env: results.newRun().env,
    event: push(LATER_SHA, BASE_SHA),
    files: { 'scores.json': '{"roc_auc": 0.97,}' },
    inputs: { baseline: 'cache', 'save-baseline': 'true' },
  });
  expect(broken.code).toBe(1);
  expect(results.caches()).toHaveLength(before);
  expect(await leftovers(head)).toEqual([]);
});

it('reads "no baseline" from an empty cache and from a job without the cache service', async () => {
  const head = await workspaceFrom(join(GET_STARTED, 'head'));
  const other = await compare({ workspace: head, env: results.newRun().env, event: pr(), inputs: { metrics: 'scores.json', params: '', baseline: 'cache' } });
  expect(other.code, other.stdout + other.stderr).toBe(0);
  expect(await shown(other.outputs.markdown)).toContain('No baseline: no baseline in the cache yet');

  const noService = await compare({ workspace: head, event: pr(), inputs: { baseline: 'cache' } });
  expect(noService.code, noService.stdout + noService.stderr).toBe(0);
  expect(await shown(noService.outputs.markdown)).toContain('No baseline: the Actions cache is not available here');
});

it('on GHES goes through the v1 cache API at ACTIONS_CACHE_URL, saving and restoring the same baseline', async () => {
  const GHES_BASE = '1'.repeat(40);
  // A GHES runner: its own server URL, no cache service v2, and a results URL where nothing
  // answers, so only ACTIONS_CACHE_URL (the v1 API) can serve the save and the restore.
  const ghes = () => ({
    ...results.newRun().env,
    GITHUB_SERVER_URL: 'https://ghes.example.com',
    ACTIONS_CACHE_SERVICE_V2: '',
    ACTIONS_RESULTS_URL: 'http://127.0.0.1:9/',
  });
  const before = results.caches().length;
  const main = await workspaceFrom(join(GET_STARTED, 'base'));
  const saved = await compare({ workspace: main, sha: GHES_BASE, env: ghes(), event: push(GHES_BASE), inputs: { 'save-baseline': 'true' } });
  expect(saved.code, saved.stdout + saved.stderr).toBe(0);
  const entry = results.caches().slice(before);
  expect(entry).toMatchObject([{ key: expect.stringMatching(new RegExp(`^mlci-baseline-[0-9a-f]{12}-${GHES_BASE}$`)), finalized: true, service: 'v1' }]);
  expect(entry[0].size).toBeGreaterThan(0);

  const head = await workspaceFrom(join(GET_STARTED, 'head'));
  const event = {
    name: 'pull_request',
    payload: pullRequestEvent({ owner: 'octo', repo: 'ml', number: 9, headSha: HEAD_SHA, baseRef: 'main', baseSha: GHES_BASE }),
  };
  const compared = await compare({ workspace: head, sha: HEAD_SHA, env: ghes(), event, inputs: { baseline: 'cache' } });
  expect(compared.code, compared.stdout + compared.stderr).toBe(0);
  const md = await shown(compared.outputs.markdown);
  // The entry of the pull request's base commit, saved through v1, linked on the GHES server.
  expect(md).toContain(`Compared with cache ${entry[0].key}`);
  expect(md).toContain(`https://ghes.example.com/octo/ml/commit/${GHES_BASE}`);
  expect(compared.outputs.regressions).toBe('4');
});
