import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startResultsService, type ResultsService } from '../support/results/index.js';
import { runAction } from '../support/runner.js';
import { section } from './train-support.js';

/**
 * A training command that prints a secret: the runner masks it in the job log, but the log's tail
 * goes into the report (posted on the pull request) and the log file into the run-cache and the
 * artifact. None of them may hold it.
 */

let results: ResultsService;
beforeAll(async () => {
  results = await startResultsService({ repository: 'octo/ml' });
});
afterAll(async () => {
  await results?.close();
});

const HF = 'hf_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789';
const DB = 'correct-horse-battery-staple';
const GHS = `ghs_${'x1Y2z3'.repeat(7)}`;

it('masks the secrets of the environment and token-shaped strings in the log tail and the log file', async () => {
  const r = await runAction({
    action: 'train',
    env: { ...results.newRun().env, HF_TOKEN: HF, DB_PASSWORD: DB, SHORT_TOKEN: 'abc', EPOCHS: 'correct-horse' },
    inputs: {
      run: ['echo "token $HF_TOKEN"', 'echo "db $DB_PASSWORD, short $SHORT_TOKEN"', `echo "pasted ${GHS} in a config"`, 'echo "epochs $EPOCHS"', 'exit 2'].join(
        '\n',
      ),
    },
  });
  expect(r.code).toBe(1);
  const s = await section(join(r.runnerTemp, 'mlci-report'));
  const log = await readFile(r.outputs['log-path'], 'utf8');
  for (const text of [s.markdown, JSON.stringify(s), log, r.summary]) {
    expect(text).not.toContain(HF);
    expect(text).not.toContain(DB);
    expect(text).not.toContain(GHS);
  }
  // What is not a secret stays: a short value, and a value under a name that says nothing secret.
  expect(log).toBe('token ***\ndb ***, short abc\npasted *** in a config\nepochs correct-horse\n');
  expect(r.stdout).toContain('line(s) of the log held a secret or a token');
});

it('keeps a log without secrets byte for byte, invalid UTF-8 included', async () => {
  const r = await runAction({
    action: 'train',
    env: { ...results.newRun().env, API_KEY: 'not-in-the-log-1234' },
    inputs: { run: "printf 'loss 0.1\\n\\377\\376 raw bytes\\nno newline at the end'" },
  });
  expect(r.code).toBe(0);
  const log = await readFile(r.outputs['log-path']);
  expect(log.equals(Buffer.from([...Buffer.from('loss 0.1\n'), 0xff, 0xfe, ...Buffer.from(' raw bytes\nno newline at the end')]))).toBe(true);
});
