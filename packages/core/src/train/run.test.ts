import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { RunCache } from './entry.js';
import { runTraining, type TrainOptions } from './run.js';

const quiet = { group() {}, endGroup() {}, output() {}, info() {} };

async function options(o: Partial<TrainOptions> = {}): Promise<TrainOptions> {
  const ws = await mkdtemp(join(tmpdir(), 'run-'));
  await writeFile(join(ws, 'in.txt'), 'x');
  return {
    workspace: ws,
    run: 'echo ran >> ran.txt',
    shell: 'bash',
    workingDirectory: '',
    cacheInputs: ['in.txt'],
    cacheKeyExtra: '',
    outputs: [],
    metrics: [],
    params: [],
    reportDir: join(ws, '.report'),
    env: { PATH: process.env.PATH },
    origin: { id: '1' },
    log: quiet,
    ...o,
  };
}

describe('runTraining', () => {
  it('runs the command when the cache entry cannot be downloaded, and says so', async () => {
    const lines: string[] = [];
    const broken: RunCache = {
      restore: async (_p, key) => ({
        key,
        tar: new Readable({
          read() {
            this.destroy(new Error('connection reset'));
          },
        }),
      }),
      save: async () => true,
    };
    const o = await options({ runCache: broken, log: { ...quiet, info: (l) => lines.push(l) } });
    const r = await runTraining(o);
    expect(r.cacheHit).toBe(false);
    expect(r.failure).toBeUndefined();
    expect(await readFile(join(o.workspace, 'ran.txt'), 'utf8')).toBe('ran\n');
    expect(lines.some((l) => l.includes('could not be restored (connection reset); the command runs'))).toBe(true);
  });

  it('refuses cache: true without cache-inputs', async () => {
    await expect(runTraining(await options({ cache: true, cacheInputs: [] }))).rejects.toThrow('input "cache" is true but "cache-inputs" is empty');
  });
});
