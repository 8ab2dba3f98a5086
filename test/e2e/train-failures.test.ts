import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { marked } from 'marked';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startResultsService, type ResultsService } from '../support/results/index.js';
import { runAction } from '../support/runner.js';
import { alive, section } from './train-support.js';

/**
 * train when things go wrong: a failing command, a timeout, bad inputs. None of them saves to the
 * run-cache or uploads an artifact; each says what happened in the step's error and the section.
 */

let results: ResultsService;
beforeAll(async () => {
  results = await startResultsService({ repository: 'octo/ml' });
});
afterAll(async () => {
  await results?.close();
});

const errors = (r: { annotations: Array<{ level: string; message: string }> }) => r.annotations.filter((a) => a.level === 'error').map((a) => a.message);

it('a failing command fails the step with its exit code, shows the log tail escaped, saves nothing and uploads nothing', async () => {
  const r = await runAction({
    action: 'train',
    env: results.newRun().env,
    files: { 'train.py': 'print(1)\n' },
    inputs: {
      run: ["echo 'epoch 1 loss 0.5'", "echo '<img src=x onerror=alert(1)> @octocat #12 ``` **bold**' >&2", 'exit 3'].join('\n'),
      'cache-inputs': 'train.py',
      'artifact-name': 'model',
    },
  });
  expect(r.code).toBe(1);
  expect(r.outputs['exit-code']).toBe('3');
  expect(errors(r)).toEqual(['the command failed with exit code 3']);
  const s = await section(join(r.runnerTemp, 'mlci-report'));
  expect(s.status).toBe('fail');
  expect(s.summary).toContain('exit code 3');
  // The tail sits in a fence longer than any backtick run in it: shown as text, nothing rendered.
  const tail = /````text\n([\s\S]*?)\n````/.exec(s.markdown);
  expect(tail?.[1]).toBe('epoch 1 loss 0.5\n<img src=x onerror=alert(1)> @octocat #12 ``` **bold**');
  // Rendered as GitHub would, the section holds no element the log wrote (the command shows as code too).
  const html = await marked.parse(s.markdown);
  expect(html).not.toContain('<img');
  expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  expect(results.caches()).toEqual([]);
  expect(results.artifacts()).toEqual([]);
  expect(r.summary).toContain('exit code 3');
});

it('timeout-minutes kills the whole process tree, grandchildren too, and says so', async () => {
  const r = await runAction({
    action: 'train',
    env: results.newRun().env,
    inputs: {
      // A child and a grandchild that would sleep for minutes, and a grandchild that left the
      // process group (setsid) and ignores SIGTERM, with a child of its own; each writes its pid.
      run: [
        'sleep 600 & echo $! > child.pid',
        "bash -c 'sleep 600 & echo $! > grandchild.pid; wait' &",
        'setsid bash -c \'trap "" TERM; echo $$ > escaped.pid; sleep 600 & echo $! > escaped-child.pid; wait\' &',
        'wait',
      ].join('\n'),
      'timeout-minutes': '0.02',
    },
  });
  expect(r.code).toBe(1);
  expect(errors(r)).toEqual([
    expect.stringMatching(/^input "timeout-minutes": the command ran longer than 0\.02 min and was killed, with every process it started/),
  ]);
  for (const f of ['child.pid', 'grandchild.pid', 'escaped.pid', 'escaped-child.pid']) {
    const pid = Number(await readFile(join(r.workspace, f), 'utf8'));
    expect(pid).toBeGreaterThan(1);
    expect(await alive(pid), f).toBe(false);
  }
  const s = await section(join(r.runnerTemp, 'mlci-report'));
  expect(s.status).toBe('fail');
  expect(s.markdown).toContain('**Timed out** after 0.02 min: the command and every process it started were killed.');
  expect(r.outputs['exit-code']).toBe(String(128 + 15));
});

it('peak memory is that of the process tree: a grandchild allocating 300 MB shows at least that', async () => {
  const r = await runAction({
    action: 'train',
    inputs: {
      run: 'bash -c \'/usr/bin/python3 -c "import time; b = b\\"x\\" * (300 * 1000 * 1000); time.sleep(0.5)"\'\necho done',
    },
  });
  expect(r.code, r.stdout + r.stderr).toBe(0);
  expect(Number(r.outputs['peak-memory-mb'])).toBeGreaterThanOrEqual(300);
  // The action's own Node process is not in it.
  expect(Number(r.outputs['peak-memory-mb'])).toBeLessThan(600);
  const s = await section(join(r.runnerTemp, 'mlci-report'));
  expect(s.data.peakMemoryBytes).toBeGreaterThanOrEqual(300e6);
});

it.each([
  ['run', { run: '  ' }, 'input "run" is required: the training command, e.g. "python train.py"'],
  ['working-directory', { run: 'true', 'working-directory': 'no/such/dir' }, 'input "working-directory": "no/such/dir" does not exist'],
  [
    'shell',
    { run: 'true', shell: 'fish -l' },
    'input "shell": "fish -l" is not bash, sh or python, nor a template with {0} where the command goes (e.g. "python3 -u -c {0}")',
  ],
  ['timeout-minutes', { run: 'true', 'timeout-minutes': 'ten' }, 'input "timeout-minutes" must be a positive number of minutes (e.g. 30 or 0.5), not "ten"'],
  ['cache-inputs', { run: 'true', 'cache-inputs': 'data/*.csv' }, 'input "cache-inputs": the pattern "data/*.csv" matches no file'],
] as Array<[string, Record<string, string>, string]>)('bad input %s: a clear error naming the input and the value', async (_name, inputs, message) => {
  const r = await runAction({ action: 'train', env: results.newRun().env, inputs });
  expect(r.code).toBe(1);
  expect(errors(r)).toEqual([message]);
  // The failing section takes the place of the one the step writes on success: per working directory.
  const s = await section(join(r.runnerTemp, 'mlci-report'), 'working-directory' in inputs ? 'train-no-such-dir' : 'train');
  expect(s.status).toBe('fail');
  expect(results.caches()).toEqual([]);
});

it('the command sees the job environment, not the action inputs or the runtime token, and no other input reaches a shell', async () => {
  const r = await runAction({
    action: 'train',
    env: { ...results.newRun().env, JOB_VAR: 'from the job' },
    files: { 'in.txt': 'x' },
    inputs: {
      run: 'env > env.txt',
      'cache-inputs': 'in.txt',
      'cache-key-extra': '"; touch pwned-extra; echo "$(touch pwned-subst)',
      outputs: 'env.txt',
    },
  });
  expect(r.code, r.stdout + r.stderr).toBe(0);
  const env = await readFile(join(r.workspace, 'env.txt'), 'utf8');
  expect(env).toContain('JOB_VAR=from the job');
  expect(env).toContain(`GITHUB_WORKSPACE=${r.workspace}`);
  expect(env).not.toMatch(/^INPUT_/m);
  expect(env).not.toMatch(/^ACTIONS_RUNTIME_TOKEN=/m);
  await expect(readFile(join(r.workspace, 'pwned-extra'))).rejects.toThrow();
  await expect(readFile(join(r.workspace, 'pwned-subst'))).rejects.toThrow();
});
