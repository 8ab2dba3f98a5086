import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pack, type Header } from 'tar-stream';
import { expect, it } from 'vitest';
import { extractTarChecked } from './archive.js';

function tar(members: Array<Partial<Header> & { name: string; body?: string }>): Readable {
  const p = pack();
  for (const { body, ...h } of members) p.entry(h, body ?? '');
  p.finalize();
  return Readable.from(p as unknown as AsyncIterable<Buffer>);
}

const fresh = () => mkdtemp(join(tmpdir(), 'mlci-archive-'));

it('extracts the members under the prefix, without it', async () => {
  const dir = await fresh();
  const n = await extractTarChecked(
    tar([
      { name: 'base/', type: 'directory' },
      { name: 'base/eval/m.json', body: '{}' },
    ]),
    dir,
    { prefix: 'base', what: 'entry' },
  );
  expect(n).toBe(1);
  expect(await readFile(join(dir, 'eval/m.json'), 'utf8')).toBe('{}');
});

it.each([
  [{ name: 'base/../../x', body: 'x' }, 'has a ".." in its path'],
  [{ name: '/etc/x', body: 'x' }, 'has an absolute name'],
  [{ name: 'base/l', type: 'symlink' as const, linkname: '/proc/self/environ' }, 'is a symlink'],
  [{ name: 'base/h', type: 'link' as const, linkname: 'base/x' }, 'is a link'],
  [{ name: 'other/x', body: 'x' }, 'lies outside base/'],
])('refuses %o and writes nothing of it', async (member, why) => {
  const dir = await fresh();
  await expect(extractTarChecked(tar([member]), dir, { prefix: 'base', what: 'entry' })).rejects.toThrow(why);
  expect(await readdir(dir)).toEqual([]);
});
