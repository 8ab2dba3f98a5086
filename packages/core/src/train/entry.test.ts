import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pack } from 'tar-stream';
import { describe, expect, it } from 'vitest';
import { declaredFiles, restoreEntry, saveEntry, type EntryManifest, type RunCache } from './entry.js';
import { folderCache } from './local-cache.js';

const KEY = 'mlci-train-v1-' + 'a'.repeat(64);

async function dir(files: Record<string, string> = {}): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'mlci-entry-'));
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(join(d, rel, '..'), { recursive: true });
    await writeFile(join(d, rel), text);
  }
  return d;
}

const manifest = (files: string[]): EntryManifest => ({
  schema: 'mlci/train-entry@1',
  key: KEY,
  run: { id: '42', sha: 'c'.repeat(40), time: '2026-01-01T00:00:00.000Z' },
  command: 'true',
  exitCode: 0,
  durationSeconds: 1,
  cpuSeconds: 1,
  peakRssBytes: 1,
  files,
  metrics: [],
  params: [],
});

describe('run-cache entries', () => {
  it('save then restore gives back every file and the log byte for byte, in another workspace', async () => {
    const ws = await dir({ 'model/w.bin': '\u0000\u0001binary', 'metrics.json': '{"a":1}', 'train.log': 'line 1\nline 2' });
    const cache = folderCache(await dir());
    const files = await declaredFiles(ws, ['model/', 'metrics.json'], 'outputs');
    expect(files).toEqual(['metrics.json', 'model/w.bin']);
    expect(await saveEntry(cache, { workspace: ws, manifest: manifest(files), logFile: join(ws, 'train.log') })).toBe(true);
    // Entries are immutable: the same key again is not saved.
    expect(await saveEntry(cache, { workspace: ws, manifest: manifest(files), logFile: join(ws, 'train.log') })).toBe(false);

    const other = await dir();
    const restored = await restoreEntry(cache, { key: KEY, workspace: other, logFile: join(other, 'log/train.log') });
    expect(restored?.run.id).toBe('42');
    expect(await readFile(join(other, 'model/w.bin'))).toEqual(await readFile(join(ws, 'model/w.bin')));
    expect(await readFile(join(other, 'metrics.json'), 'utf8')).toBe('{"a":1}');
    expect(await readFile(join(other, 'log/train.log'), 'utf8')).toBe('line 1\nline 2');
  });

  it('keeps the log and manifest of a run that declared no files', async () => {
    const ws = await dir({ 'train.log': '' });
    const cache = folderCache(await dir());
    expect(await saveEntry(cache, { workspace: ws, manifest: manifest([]), logFile: join(ws, 'train.log') })).toBe(true);
    const other = await dir();
    expect((await restoreEntry(cache, { key: KEY, workspace: other, logFile: join(other, 'train.log') }))?.files).toEqual([]);
    expect(await readFile(join(other, 'train.log'), 'utf8')).toBe('');
  });

  it('an entry whose download breaks off leaves the workspace untouched', async () => {
    const broken = new Readable({
      read() {
        this.destroy(new Error('connection reset'));
      },
    });
    const cache: RunCache = { restore: async () => ({ key: KEY, tar: broken }), save: async () => false };
    const ws = await dir();
    await expect(restoreEntry(cache, { key: KEY, workspace: ws, logFile: join(ws, 'train.log') })).rejects.toThrow('connection reset');
    expect(await readdir(ws)).toEqual([]);
  });

  it('takes only the exact key: an entry the service matched by prefix is a miss', async () => {
    let destroyed = false;
    const tar = new Readable({ read() {}, destroy: (_e, cb) => ((destroyed = true), cb(null)) });
    const prefixMatching: RunCache = { restore: async () => ({ key: KEY + '-other-run', tar }), save: async () => false };
    expect(await restoreEntry(prefixMatching, { key: KEY, workspace: await dir(), logFile: join(await dir(), 'l') })).toBeUndefined();
    expect(destroyed).toBe(true);
  });

  it('refuses an entry whose manifest names a file outside the workspace, writing nothing', async () => {
    const p = pack();
    const m = JSON.stringify(manifest(['../escape.txt']));
    p.entry({ name: '.mlci-train/manifest.json' }, m);
    p.entry({ name: '.mlci-train/train.log' }, '');
    p.finalize();
    const cache: RunCache = { restore: async () => ({ key: KEY, tar: p as unknown as Readable }), save: async () => false };
    const ws = await dir();
    await expect(restoreEntry(cache, { key: KEY, workspace: join(ws, 'inner'), logFile: join(ws, 'l') })).rejects.toThrow(/may not be written: refused/);
    await expect(readFile(join(ws, 'escape.txt'))).rejects.toThrow();
  });

  it('a declared glob keeps what it matches after the run', async () => {
    const ws = await dir({ 'model/a.pkl': '1', 'model/b.pkl': '2', 'model/notes.txt': '' });
    expect(await declaredFiles(ws, ['model/*.pkl'], 'outputs')).toEqual(['model/a.pkl', 'model/b.pkl']);
    await expect(declaredFiles(ws, ['ckpt/*.pt'], 'outputs')).rejects.toThrow('input "outputs": the pattern "ckpt/*.pt" matches no file');
  });

  it('a declared path the command did not write names the input and the path', async () => {
    await expect(declaredFiles(await dir(), ['model.pkl'], 'outputs')).rejects.toThrow(
      'input "outputs": "model.pkl" was not written by the command (it does not exist after the run)',
    );
  });
});
