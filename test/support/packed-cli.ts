import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './runner.js';
import { collect, type Spawned } from './spawned.js';

export interface PackedCli {
  /** The tarball `npm pack` made. */
  tarball: string;
  /** The folder it was installed into (empty before). */
  prefix: string;
  /** `node_modules/.bin` of that folder: put it first on PATH and `mlci` is the installed one. */
  binDir: string;
}

async function run(cmd: string, args: string[], cwd: string): Promise<Spawned> {
  const r = await collect(spawn(cmd, args, { cwd, env: { ...process.env, npm_config_update_notifier: 'false' } }));
  if (r.code !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.code}:\n${r.stdout}${r.stderr}`);
  return r;
}

/**
 * The CLI as a user gets it: bundled (scripts/bundle-cli.js, from the compiled packages/cli/lib),
 * packed with `npm pack`, installed from the tarball into an empty folder with no network
 * (`--offline`: a package with no dependencies needs none).
 */
export async function packCli(): Promise<PackedCli> {
  const dir = await mkdtemp(join(tmpdir(), 'mlci-packed-'));
  const pkg = join(dir, 'package');
  await run(process.execPath, [join(ROOT, 'scripts/bundle-cli.js'), '--out', pkg], ROOT);
  const packed = await run('npm', ['pack', pkg, '--pack-destination', dir, '--json'], dir);
  const tarball = join(dir, (JSON.parse(packed.stdout) as Array<{ filename: string }>)[0].filename);
  const prefix = join(dir, 'empty');
  await mkdir(prefix);
  await writeFile(join(prefix, 'package.json'), '{ "private": true }\n');
  await run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], prefix);
  return { tarball, prefix, binDir: join(prefix, 'node_modules', '.bin') };
}

/** The packages an install put into node_modules (scoped ones as `@scope/name`). */
export async function installedPackages(prefix: string): Promise<string[]> {
  const names: string[] = [];
  for (const n of await readdir(join(prefix, 'node_modules'))) {
    if (n.startsWith('.')) continue;
    if (n.startsWith('@')) names.push(...(await readdir(join(prefix, 'node_modules', n))).map((m) => `${n}/${m}`));
    else names.push(n);
  }
  return names.sort();
}
