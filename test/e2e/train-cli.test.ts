import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { mlci } from '../support/cli.js';
import { FIXTURE } from './train-support.js';

/** `mlci train` with the run-cache in a local folder: the same exact key as on GitHub. */

const RUN = 'echo ran >> ran.log; mkdir -p out; tr a-z A-Z < in.txt > out/upper.txt; echo "{\\"n\\": 1}" > metrics.json';

async function project(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'mlci-train-cli-'));
  await writeFile(join(dir, 'in.txt'), 'hello\n');
  return dir;
}

const args = (cacheDir?: string) => [
  'train',
  '--run',
  RUN,
  '--cache-inputs',
  'in.txt',
  '--outputs',
  'out/',
  '--metrics',
  'metrics.json',
  '--report-dir',
  '.report',
  ...(cacheDir ? ['--cache-dir', cacheDir] : []),
];
const env = (extra: Record<string, string> = {}) => ({ PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root', ...extra });

it('mlci train --cache-dir: a miss runs and stores, the same inputs again restore without running, a changed input misses', async () => {
  const cwd = await project();
  const cacheDir = join(cwd, '..', `${cwd.split('/').pop()}-cache`);
  const first = await mlci(args(cacheDir), { cwd, env: env() });
  expect(first.code, first.stderr).toBe(0);
  expect(first.stdout).toBe('');
  expect(first.stderr).toMatch(/Run-cache miss: mlci-train-v1-[0-9a-f]{64}/);
  const entries = await readdir(cacheDir);
  expect(entries).toEqual([expect.stringMatching(/^mlci-train-v1-[0-9a-f]{64}\.tar$/)]);

  await rm(join(cwd, 'out'), { recursive: true });
  const second = await mlci(args(cacheDir), { cwd, env: env() });
  expect(second.code, second.stderr).toBe(0);
  expect(second.stderr).toContain(`Run-cache hit: ${entries[0].replace(/\.tar$/, '')}`);
  expect(await readFile(join(cwd, 'out/upper.txt'), 'utf8')).toBe('HELLO\n');
  expect(await readFile(join(cwd, 'ran.log'), 'utf8')).toBe('ran\n');
  const section = JSON.parse(await readFile(join(cwd, '.report/train.section.json'), 'utf8'));
  expect(section.markdown).toContain('hit: from run local');

  await writeFile(join(cwd, 'in.txt'), 'changed\n');
  const third = await mlci(args(cacheDir), { cwd, env: env() });
  expect(third.code, third.stderr).toBe(0);
  expect(third.stderr).toContain('Run-cache miss');
  expect(await readFile(join(cwd, 'out/upper.txt'), 'utf8')).toBe('CHANGED\n');
  expect(await readdir(cacheDir)).toHaveLength(2);
});

it('mlci train keeps its run-cache under $XDG_CACHE_HOME/mlci/train by default, and fails with the command', async () => {
  const cwd = await project();
  const xdg = await mkdtemp(join(tmpdir(), 'mlci-xdg-'));
  const r = await mlci(args(), { cwd, env: env({ XDG_CACHE_HOME: xdg }) });
  expect(r.code, r.stderr).toBe(0);
  expect(await readdir(join(xdg, 'mlci/train'))).toHaveLength(1);

  const failing = await mlci(['train', '--run', 'echo oops >&2; exit 4', '--cache-inputs', 'in.txt', '--report-dir', '.report'], {
    cwd,
    env: env({ XDG_CACHE_HOME: xdg }),
  });
  expect(failing.code).toBe(1);
  expect(failing.stderr).toContain('oops');
  expect(failing.stderr).toContain('error: the command failed with exit code 4');
  expect(await readdir(join(xdg, 'mlci/train'))).toHaveLength(1);
  await expect(mlci(['train', '--run', ''], { cwd, env: env() })).resolves.toMatchObject({ code: 1, stderr: expect.stringContaining('--run is required') });
});

it('mlci compare after mlci train takes its metrics, params and dvclive charts with no flags of its own', async () => {
  const cwd = await mkdtemp(join(tmpdir(), 'mlci-train-cli-'));
  await writeFile(join(cwd, 'dvclive_train.py'), await readFile(join(FIXTURE, 'dvclive_train.py')));
  const trained = await mlci(['train', '--run', '/usr/bin/python3 dvclive_train.py', '--report-dir', '.report'], { cwd, env: env() });
  expect(trained.code, trained.stderr).toBe(0);
  expect(trained.stdout).toContain('step 5: loss');
  const compared = await mlci(['compare', '--baseline', 'none', '--report-dir', '.report'], { cwd, env: env() });
  expect(compared.code, compared.stderr).toBe(0);
  expect(compared.stdout).toContain('mlci compare: 3 metrics, no baseline');
  const dir = (await readdir(join(cwd, '.report'))).find((f) => f.startsWith('compare-metrics-') && !f.endsWith('.json'))!;
  expect((await readdir(join(cwd, '.report', dir))).filter((f) => f.endsWith('.png')).sort()).toEqual(['accuracy.png', 'train-loss.png']);
});
