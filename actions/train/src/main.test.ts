import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { parseFileCommands } from '../../../test/support/runner.js';
import { run } from './main.js';

/** train's adapter in-process: what it adds to the use case (the job log's group, the outputs). */

const saved = { ...process.env };
let ws: string;
let temp: string;
let written: string;

beforeEach(async () => {
  ws = await mkdtemp(join(tmpdir(), 'mlci-train-adapter-ws-'));
  temp = await mkdtemp(join(tmpdir(), 'mlci-train-adapter-tmp-'));
  for (const f of ['output', 'summary']) await writeFile(join(temp, f), '');
  Object.assign(process.env, {
    GITHUB_WORKSPACE: ws,
    RUNNER_TEMP: temp,
    GITHUB_OUTPUT: join(temp, 'output'),
    GITHUB_STEP_SUMMARY: join(temp, 'summary'),
    GITHUB_RUN_ID: '99',
  });
  written = '';
  const write = process.stdout.write.bind(process.stdout);
  vi.spyOn(process.stdout, 'write').mockImplementation(((chunk: string | Uint8Array, ...rest: unknown[]) => {
    written += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return write(chunk as string, ...(rest as []));
  }) as typeof process.stdout.write);
});
afterEach(() => {
  vi.restoreAllMocks();
  process.env = { ...saved };
  process.exitCode = undefined;
});

const inputs = (i: Record<string, string>) => {
  for (const [k, v] of Object.entries(i)) process.env[`INPUT_${k.toUpperCase()}`] = v;
};

it('closes the log group on a line of its own after output without a final newline, and sets every output', async () => {
  inputs({ run: 'printf "no newline at the end"', 'working-directory': '', shell: '' });
  await run();
  expect(process.exitCode).toBeUndefined();
  expect(written).toMatch(/::group::Run printf[^\n]*\nno newline at the end\n::endgroup::\n/);
  const outputs = parseFileCommands(await readFile(join(temp, 'output'), 'utf8'));
  expect(Object.keys(outputs).sort()).toEqual([
    'artifact-id',
    'cache-hit',
    'cache-key',
    'cpu-seconds',
    'duration-seconds',
    'exit-code',
    'log-path',
    'peak-memory-mb',
  ]);
  expect(outputs['exit-code']).toBe('0');
  expect(await readFile(outputs['log-path'], 'utf8')).toBe('no newline at the end');
  expect(await readFile(join(temp, 'summary'), 'utf8')).toContain('**Trained.**');
});

it('a working directory that does not exist fails the step and writes the failing section in its place', async () => {
  inputs({ run: 'true', 'working-directory': 'models/churn' });
  await run();
  expect(process.exitCode).toBe(1);
  expect(written).toContain('::error::input "working-directory": "models/churn" does not exist');
  const section = JSON.parse(await readFile(join(temp, 'mlci-report/train-models-churn.section.json'), 'utf8'));
  expect(section.status).toBe('fail');
});

it.each([
  ['cost-per-minute', '$0.008', 'must be the runner\'s price per minute as a plain number (e.g. 0.008), not "$0.008"'],
  ['cost-baseline', 'git:main', 'is "git:main": use cache, file:<path> or none'],
])('a %s of %s fails the step before the command runs, naming the input', async (name, value, message) => {
  const ran = join(temp, 'ran');
  inputs({ run: `touch ${ran}`, [name]: value });
  await run();
  expect(process.exitCode).toBe(1);
  expect(written).toContain(`::error::input "${name}"`);
  expect(written).toContain(message);
  await expect(readFile(ran)).rejects.toThrow(/ENOENT/);
});
