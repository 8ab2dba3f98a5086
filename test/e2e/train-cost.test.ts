import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { useResultsService } from '../support/loopback.js';
import { pullRequestEvent, pushEvent } from '../support/events/index.js';
import { runAction } from '../support/runner.js';
import { section, sklearnWorkspace } from './train-support.js';

/**
 * The cost in the training section, through train's bundle on a real scikit-learn run: a push to
 * main stores its run time in the Actions cache (`cost-baseline: cache`); a pull request that
 * trains more trees shows its own cost, wall time × price, and the change against main's run.
 */
const REPO = 'octo/ml';
const BASE_SHA = 'b'.repeat(40);
const HEAD_SHA = 'e'.repeat(40);
const PRICE = 0.5;
const results = useResultsService({ repository: REPO, headSha: BASE_SHA });

/** The step's `duration-seconds` output has 3 decimals: a cost from it is exact to half a millisecond per figure used. */
function expectCost(actual: number, seconds: number, figures = 1) {
  expect(Math.abs(actual - (seconds / 60) * PRICE)).toBeLessThanOrEqual((figures * 0.0005 * PRICE) / 60 + 1e-12);
}

const INPUTS = { run: '/usr/bin/python3 train.py', metrics: 'metrics.json', params: 'params.yaml', 'cost-per-minute': String(PRICE), 'cost-baseline': 'cache' };

it("shows the run's cost as wall time × price, and the change against the base run stored from main", async () => {
  const main = await sklearnWorkspace();
  const pushed = await runAction({
    action: 'train',
    workspace: main,
    sha: BASE_SHA,
    env: results.env,
    event: { name: 'push', payload: pushEvent({ owner: 'octo', repo: 'ml', after: BASE_SHA, before: '0'.repeat(40) }) },
    inputs: INPUTS,
  });
  expect(pushed.code, pushed.stdout + pushed.stderr).toBe(0);
  const baseSeconds = Number(pushed.outputs['duration-seconds']);
  const first = await section(join(pushed.runnerTemp, 'mlci-report'));
  // The price is per minute; the cost is computed here from the step's own duration output.
  expectCost(first.data.cost.run, baseSeconds);
  expect(first.markdown).toMatch(/\| Cost of the change \| no base run to compare \(no baseline in the cache yet/);
  expect(pushed.stdout).toMatch(/Run time for cost-baseline: Baseline stored in the cache as mlci-baseline-train-[0-9a-f]{12}-b{40}\./);
  expect(results.caches().map((c) => c.key)).toEqual([expect.stringMatching(/^mlci-baseline-train-[0-9a-f]{12}-b{40}$/)]);

  const head = await sklearnWorkspace();
  const params = await readFile(join(head, 'params.yaml'), 'utf8');
  await writeFile(join(head, 'params.yaml'), params.replace(/trees_per_stage: *\d+/, 'trees_per_stage: 40'));
  const pulled = await runAction({
    action: 'train',
    workspace: head,
    sha: HEAD_SHA,
    env: results.newRun().env,
    event: {
      name: 'pull_request',
      payload: pullRequestEvent({ owner: 'octo', repo: 'ml', number: 5, headSha: HEAD_SHA, baseRef: 'main', baseSha: BASE_SHA }),
    },
    inputs: INPUTS,
  });
  expect(pulled.code, pulled.stdout + pulled.stderr).toBe(0);
  const headSeconds = Number(pulled.outputs['duration-seconds']);
  const s = await section(join(pulled.runnerTemp, 'mlci-report'));
  const cost = s.data.cost;
  expect(cost.perMinute).toBe(PRICE);
  expectCost(cost.run, headSeconds);
  expect(Math.abs(cost.base.durationSeconds - baseSeconds)).toBeLessThanOrEqual(0.0005);
  expectCost(cost.base.cost, baseSeconds);
  expectCost(cost.base.change, headSeconds - baseSeconds, 2);
  expect(cost.base.label).toBe('the base run at bbbbbbb');
  expect(s.markdown).toMatch(/\| Cost \| \d+\.\d+ \(\d+\.\d+ s at 0\.5 per minute\) \|/);
  expect(s.markdown).toMatch(/\| Cost of the change \| [+−±][\d.]+ \([+−±][\d.]+%\) against the base run at bbbbbbb: [\d.]+ \(\d+\.\d+ s\) \|/);
  // A pull request never stores a baseline for others.
  expect(results.caches()).toHaveLength(1);
  expect(pulled.stdout).toContain('pull_request runs cannot store a baseline');
});

it('says no cost at all without a price', async () => {
  const ws = await sklearnWorkspace();
  const r = await runAction({ action: 'train', workspace: ws, inputs: { run: '/usr/bin/python3 train.py', metrics: 'metrics.json' } });
  expect(r.code, r.stdout + r.stderr).toBe(0);
  const s = await section(join(r.runnerTemp, 'mlci-report'));
  expect(s.markdown).not.toMatch(/cost/i);
  expect(s.data.cost).toBeNull();
});
