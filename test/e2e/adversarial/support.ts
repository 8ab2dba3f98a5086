import { mkdir, mkdtemp, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { RunResult } from '../../support/runner.js';

/** Shared by the adversarial end-to-end tests: workspaces a pull request could have made. */

/** A fresh workspace with files and symlinks (`link: target`, a target relative to the link or absolute). */
export async function workspaceWith(files: Record<string, string | Buffer>, links: Record<string, string> = {}): Promise<string> {
  const ws = await mkdtemp(join(tmpdir(), 'mlci-adv-ws-'));
  for (const [rel, content] of Object.entries(files)) {
    await mkdir(dirname(join(ws, rel)), { recursive: true });
    await writeFile(join(ws, rel), content);
  }
  for (const [rel, target] of Object.entries(links)) {
    await mkdir(dirname(join(ws, rel)), { recursive: true });
    await symlink(target, join(ws, rel));
  }
  return ws;
}

/** A folder outside any workspace (a runner's HOME, say) holding credentials. */
export async function outsideWith(files: Record<string, string | Buffer>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'home-'));
  for (const [rel, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, rel)), { recursive: true });
    await writeFile(join(dir, rel), content);
  }
  return dir;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  const out: string[] = [];
  for (const e of entries) if (e.isFile()) out.push(await readFile(join(e.parentPath, e.name), 'utf8'));
  return out;
}

/**
 * Everything a run left where people or later steps see it: the log (but the `::add-mask::`
 * lines, which the runner consumes), the summary, the outputs, and every file under the report
 * directory and the runner's temp that mlci wrote.
 */
export async function everythingShown(r: RunResult, reportDirs: string[] = []): Promise<string> {
  const log = (r.stdout + r.stderr)
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');
  const files = [];
  for (const d of [...reportDirs, r.runnerTemp]) files.push(...(await filesUnder(d)));
  return [log, r.summary, JSON.stringify(r.outputs), ...files].join('\n');
}
