import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { containedPath, containedTarget, type Boundary } from './contained.js';

let b: Boundary;
let outside: string;
beforeAll(async () => {
  const root = await mkdtemp(join(tmpdir(), 'contained-'));
  b = { workspace: join(root, 'ws'), temp: join(root, 'temp') };
  outside = join(root, 'outside');
  await mkdir(join(b.workspace, '.git'), { recursive: true });
  await mkdir(join(b.temp, 'mlci-report'), { recursive: true });
  await mkdir(join(b.temp, 'other'), { recursive: true });
  await mkdir(outside);
  await writeFile(join(outside, 'secret'), 's');
  await writeFile(join(b.workspace, 'data.csv'), 'a\n');
  await writeFile(join(b.workspace, '.git/config'), '[core]\n');
  await writeFile(join(b.temp, 'mlci-report/x.section.json'), '{}');
  await writeFile(join(b.temp, 'other/x.json'), '{}');
  await symlink(join(outside, 'secret'), join(b.workspace, 'link'));
  await symlink('data.csv', join(b.workspace, 'inside-link.csv'));
  await symlink(outside, join(b.workspace, 'dir-out'));
});

const o = () => ({ input: 'data', boundary: b });

it('follows symlinks and keeps what lands inside the workspace or an mlci-* temp folder', async () => {
  expect(await containedPath('data.csv', o())).toMatch(/ws\/data\.csv$/);
  expect(await containedPath('inside-link.csv', o())).toMatch(/ws\/data\.csv$/);
  expect(await containedPath(join(b.temp, 'mlci-report/x.section.json'), o())).toMatch(/mlci-report/);
});

it('refuses what resolves outside, other temp folders and anything under .git/', async () => {
  await expect(containedPath('link', o())).rejects.toThrow('input "data": "link" resolves outside the workspace');
  await expect(containedPath('dir-out/secret', o())).rejects.toThrow('resolves outside the workspace');
  await expect(containedPath(join(b.temp, 'other/x.json'), o())).rejects.toThrow('resolves outside the workspace');
  await expect(containedPath('.git/config', o())).rejects.toThrow('lies under .git/');
  await expect(containedPath('missing.csv', o())).rejects.toMatchObject({ code: 'ENOENT' });
});

it('checks a path to write through the folders that exist on the way', () => {
  expect(containedTarget('new/dir/schema.yml', o())).toMatch(/ws\/new\/dir\/schema\.yml$/);
  expect(() => containedTarget('../x.yml', o())).toThrow('resolves outside the workspace');
  expect(() => containedTarget('dir-out/new.yml', o())).toThrow('resolves outside the workspace');
  expect(() => containedTarget('.git/HEAD', o())).toThrow('lies under .git/');
});
