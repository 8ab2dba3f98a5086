import { cp, mkdir, readdir } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { containedPath, readContained } from '../files/contained.js';
import { findLocalImages } from './images.js';

/**
 * A report bundle is a report directory that can travel (an artifact for the fork-safe
 * workflow_run pair): the sections and their assets, plus the user's markdown files and the
 * local images they show, under `markdown/` at their paths relative to the workspace.
 */
const MARKDOWN_DIR = 'markdown';

export async function packBundle(o: { reportDir: string; markdownFiles: string[]; workspace: string; out: string }): Promise<string> {
  await mkdir(o.out, { recursive: true });
  await cp(o.reportDir, o.out, { recursive: true }).catch((e) => {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  });
  for (const file of o.markdownFiles) {
    await copyInto(file, o.workspace, join(o.out, MARKDOWN_DIR));
    const text = await readContained(file, { input: 'markdown' }, 'utf8');
    for (const img of findLocalImages(text, dirname(file))) await copyInto(img.path, o.workspace, join(o.out, MARKDOWN_DIR));
  }
  return o.out;
}

/** The markdown files a bundle carries, in a stable order. */
export async function bundleMarkdownFiles(bundleDir: string): Promise<string[]> {
  const dir = join(bundleDir, MARKDOWN_DIR);
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile() && /\.(md|markdown)$/i.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** Copies a file keeping its path relative to the workspace; files outside it go by name only. */
async function copyInto(file: string, workspace: string, destRoot: string): Promise<void> {
  let rel = relative(resolve(workspace), resolve(file));
  if (rel.startsWith('..') || rel.startsWith(sep))
    rel = join(
      '_outside',
      rel
        .split(sep)
        .filter((p) => p !== '..')
        .join(sep),
    );
  const dest = join(destRoot, rel);
  await mkdir(dirname(dest), { recursive: true });
  // The real file, checked: a bundle never carries what a symlink points at outside the workspace.
  await cp(await containedPath(file, { input: 'markdown' }), dest);
}
