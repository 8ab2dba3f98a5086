import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startResultsService, type ResultsService } from '../support/results/index.js';
import { runAction } from '../support/runner.js';
import { section, sklearnWorkspace, unzip } from './train-support.js';

/**
 * train through its bundle with a real scikit-learn script (Debian's python3-sklearn): the log
 * streams while the command runs, the metrics reach the section and the job summary, a second
 * job of the same inputs is a run-cache hit that restores everything byte for byte, and the
 * artifact holds what the run made.
 */

let results: ResultsService;
beforeAll(async () => {
  results = await startResultsService({ repository: 'octo/ml' });
});
afterAll(async () => {
  await results?.close();
});

const SHA = 'a'.repeat(40);
// The command also notes that it ran, in a file named by the job's environment (not the key's).
const RUN = 'echo ran >> "$RAN_LOG"\n/usr/bin/python3 train.py';
const INPUTS = {
  run: RUN,
  'cache-inputs': 'train.py\nparams.yaml',
  outputs: 'model/',
  metrics: 'metrics.json',
  params: 'params.yaml',
  'artifact-name': 'model',
};

it('streams the log of a scikit-learn run as it happens, reports its metrics, and a second job restores it from the run-cache byte for byte', async () => {
  const scratch = await mkdtemp(join(tmpdir(), 'mlci-train-scratch-'));
  const ranLog = join(scratch, 'ran.log');
  const go = join(scratch, 'go');

  // Each stage of train.py waits for a file that the test writes only once it has seen that
  // stage's line in the step's stdout: a log held back until the end would never get there.
  const events: string[] = [];
  let seen = '';
  const ws1 = await sklearnWorkspace();
  const first = await runAction({
    action: 'train',
    workspace: ws1,
    sha: SHA,
    env: { ...results.env, RAN_LOG: ranLog, TRAIN_STAGE_PAUSE: go },
    inputs: INPUTS,
    onStdout: (chunk) => {
      seen += chunk;
      for (const m of seen.matchAll(/^stage (\d+):/gm)) {
        const stage = m[1];
        if (events.includes(`line ${stage}`)) continue;
        events.push(`line ${stage}`);
        void writeFile(`${go}.${stage}`, '').then(() => events.push(`go ${stage}`));
      }
    },
  });
  expect(first.code, first.stdout + first.stderr).toBe(0);
  // Line 2 can only come after the go for stage 1: the log reached us while the command ran.
  expect(events.filter((e) => e.startsWith('line'))).toEqual(['line 1', 'line 2', 'line 3']);
  expect(events.indexOf('go 1')).toBeLessThan(events.indexOf('line 2'));
  expect(events.indexOf('go 2')).toBeLessThan(events.indexOf('line 3'));
  // Inside a group of the job log.
  const group = first.stdout.indexOf('::group::');
  expect(group).toBeGreaterThanOrEqual(0);
  expect(first.stdout.indexOf('stage 1:')).toBeGreaterThan(group);
  expect(first.stdout.indexOf('::endgroup::')).toBeGreaterThan(first.stdout.indexOf('stage 3:'));

  expect(first.outputs['cache-hit']).toBe('false');
  expect(first.outputs['exit-code']).toBe('0');
  expect(first.outputs['cache-key']).toMatch(/^mlci-train-v1-[0-9a-f]{64}$/);
  expect(Number(first.outputs['cpu-seconds'])).toBeGreaterThan(0);
  expect(Number(first.outputs['peak-memory-mb'])).toBeGreaterThan(10);
  expect(await readFile(ranLog, 'utf8')).toBe('ran\n');

  const metrics = JSON.parse(await readFile(join(ws1, 'metrics.json'), 'utf8'));
  expect(metrics.accuracy).toBeGreaterThan(0.8);
  const reportDir = join(first.runnerTemp, 'mlci-report');
  const s1 = await section(reportDir);
  expect(s1.status).toBe('pass');
  expect(s1.markdown).toContain('/usr/bin/python3 train.py');
  expect(s1.markdown).toContain(`| \`accuracy\` | ${metrics.accuracy.toPrecision(4)} |`);
  expect(s1.markdown).toMatch(/miss, saved for the next run/);
  expect(first.summary).toContain('accuracy');
  expect(first.summary).toContain('| `f1_macro` |');

  // One cache entry, under exactly the key; the artifact holds the outputs, metrics, params and log.
  expect(results.caches().map((c) => c.key)).toEqual([first.outputs['cache-key']]);
  const artifact = results.artifacts().find((a) => a.name === 'model')!;
  expect(String(artifact.id)).toBe(first.outputs['artifact-id']);
  const zip = join(scratch, 'model.zip');
  await writeFile(zip, await results.downloadArtifactZip(artifact.id));
  const members = (await unzip(['-Z1', zip])).toString('utf8').trim().split('\n').sort();
  expect(members).toEqual(['metrics.json', 'model/model.pkl', 'params.yaml', 'train.log']);
  expect(await unzip(['-p', zip, 'model/model.pkl'])).toEqual(await readFile(join(ws1, 'model/model.pkl')));
  expect((await unzip(['-p', zip, 'train.log'])).toString('utf8')).toContain('stage 3:');
  // The log is kept beside the report, not in it: the report directory travels as the bundle.
  expect(first.outputs['log-path']).toBe(join(first.runnerTemp, 'mlci-train-logs/train/train.log'));
  expect((await readdir(reportDir, { recursive: true })).filter((f) => f.endsWith('.log'))).toEqual([]);
  const log1 = await readFile(first.outputs['log-path']);
  expect(log1.toString('utf8')).toMatch(/loaded digits[\s\S]*stage 3:[\s\S]*done/);

  // A second job, same inputs, a fresh checkout: the command does not run.
  const ws2 = await sklearnWorkspace();
  const run2 = results.newRun();
  const second = await runAction({ action: 'train', workspace: ws2, sha: 'b'.repeat(40), env: { ...run2.env, RAN_LOG: ranLog }, inputs: INPUTS });
  expect(second.code, second.stdout + second.stderr).toBe(0);
  expect(second.outputs['cache-hit']).toBe('true');
  expect(second.outputs['cache-key']).toBe(first.outputs['cache-key']);
  expect(await readFile(ranLog, 'utf8')).toBe('ran\n');
  expect(await readFile(join(ws2, 'model/model.pkl'))).toEqual(await readFile(join(ws1, 'model/model.pkl')));
  expect(await readFile(join(ws2, 'metrics.json'))).toEqual(await readFile(join(ws1, 'metrics.json')));
  expect(await readFile(second.outputs['log-path'])).toEqual(log1);
  // The cached run's log is shown again, and the section says which run it came from.
  expect(second.stdout).toContain('stage 3:');
  const s2 = await section(join(second.runnerTemp, 'mlci-report'));
  expect(s2.markdown).toContain(`hit: from [run ${results.runId}](https://github.com/octo/ml/actions/runs/${results.runId}) at \`${SHA.slice(0, 7)}\``);
  expect(s2.markdown).toContain('accuracy');
  expect(s2.data.durationSeconds).toBe(s1.data.durationSeconds);
  // Nothing saved twice; the hit's artifact is that of its own run.
  expect(results.caches()).toHaveLength(1);
  expect(
    results
      .artifacts()
      .filter((a) => a.name === 'model')
      .map((a) => a.runId),
  ).toEqual([results.runId, run2.runId]);
});
