import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEY_PREFIX, runCacheKey, type KeyParts } from './key.js';

// Not `mlci-*`: folders mlci made under the temp directory are inside the boundary by design.
async function workspace(files: Record<string, string>): Promise<string> {
  const ws = await mkdtemp(join(tmpdir(), 'key-'));
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(join(ws, rel, '..'), { recursive: true });
    await writeFile(join(ws, rel), text);
  }
  return ws;
}

const parts = (ws: string, o: Partial<KeyParts> = {}): KeyParts => ({
  workspace: ws,
  inputs: ['data/*.csv', 'train.py'],
  run: 'python train.py',
  shell: 'bash',
  workingDirectory: '.',
  declared: ['outputs:model/'],
  extra: '',
  platform: 'linux',
  arch: 'x64',
  ...o,
});

describe('runCacheKey', () => {
  it('is the versioned prefix and a sha256, the same for the same parts, listing the files it hashed', async () => {
    const ws = await workspace({ 'data/b.csv': '2', 'data/a.csv': '1', 'train.py': 'print()' });
    const a = await runCacheKey(parts(ws));
    expect(a.key).toMatch(new RegExp(`^${KEY_PREFIX}[0-9a-f]{64}$`));
    expect(a.files).toEqual(['data/a.csv', 'data/b.csv', 'train.py']);
    expect((await runCacheKey(parts(ws, { inputs: ['train.py', 'data/*.csv'] }))).key).toBe(a.key);
  });

  it('changes with every part the result depends on', async () => {
    const ws = await workspace({ 'data/a.csv': '1', 'train.py': 'print()' });
    const base = (await runCacheKey(parts(ws))).key;
    const changed: Array<Partial<KeyParts>> = [
      { run: 'python train.py ' },
      { shell: 'sh' },
      { workingDirectory: 'src' },
      { extra: 'py3.13' },
      { platform: 'darwin' },
      { arch: 'arm64' },
      { declared: ['outputs:model.pkl'] },
    ];
    const keys = await Promise.all(changed.map(async (c) => (await runCacheKey(parts(ws, c))).key));
    expect(new Set([base, ...keys]).size).toBe(changed.length + 1);
    await writeFile(join(ws, 'data/a.csv'), '2');
    expect((await runCacheKey(parts(ws))).key).not.toBe(base);
  });

  it('tells a file renamed from one with the same bytes, and never confuses field boundaries', async () => {
    const one = await workspace({ 'data/a.csv': 'x', 'train.py': '' });
    const two = await workspace({ 'data/b.csv': 'x', 'train.py': '' });
    expect((await runCacheKey(parts(one))).key).not.toBe((await runCacheKey(parts(two))).key);
    const ws = await workspace({ 'data/a.csv': '1', 'train.py': '' });
    const k1 = await runCacheKey(parts(ws, { run: 'a', extra: 'bc' }));
    const k2 = await runCacheKey(parts(ws, { run: 'ab', extra: 'c' }));
    expect(k1.key).not.toBe(k2.key);
  });

  it('refuses an input that resolves outside the workspace, naming the input', async () => {
    const ws = await workspace({ 'train.py': '' });
    const outside = await workspace({ 'secret.txt': 'x' });
    await symlink(join(outside, 'secret.txt'), join(ws, 'leak.txt'));
    await expect(runCacheKey(parts(ws, { inputs: ['leak.txt'] }))).rejects.toThrow(/input "cache-inputs": "leak.txt" resolves outside the workspace/);
  });
});
