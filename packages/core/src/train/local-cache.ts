import { createReadStream, createWriteStream } from 'node:fs';
import { access, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { pack } from 'tar-stream';
import type { RunCache } from './entry.js';

/**
 * The run-cache in a local folder (`mlci train --cache-dir`): one tar per key, `<key>.tar`. Looked
 * up by its exact name, never by prefix; written to a temp name and renamed, so a reader never
 * sees half an entry and an entry, once there, is never replaced (as in the Actions cache).
 */
export function folderCache(dir: string): RunCache {
  const file = (key: string) => join(dir, `${key}.tar`);
  return {
    async restore(_paths, key) {
      const f = file(key);
      if (
        !(await access(f).then(
          () => true,
          () => false,
        ))
      )
        return undefined;
      return { key, tar: createReadStream(f) };
    },
    async save(paths, key, root) {
      const f = file(key);
      if (
        await access(f).then(
          () => true,
          () => false,
        )
      )
        return false;
      await mkdir(dir, { recursive: true });
      const tmp = `${f}.${process.pid}.tmp`;
      try {
        const tar = pack();
        const written = pipeline(tar, createWriteStream(tmp));
        for (const p of paths) await addTree(tar, root, join(root, p));
        tar.finalize();
        await written;
        await rename(tmp, f);
        return true;
      } finally {
        await rm(tmp, { force: true });
      }
    },
  };
}

async function addTree(tar: ReturnType<typeof pack>, root: string, dir: string): Promise<void> {
  const name = relative(root, dir).split(sep).join('/');
  tar.entry({ name: `${name}/`, type: 'directory' });
  for (const e of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, e.name);
    if (e.isDirectory()) await addTree(tar, root, path);
    else if (e.isFile()) {
      const { size } = await stat(path);
      const entry = tar.entry({ name: relative(root, path).split(sep).join('/'), size, type: 'file' });
      await pipeline(createReadStream(path), entry);
    }
  }
}
