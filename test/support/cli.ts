import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './runner.js';
import { collect, type Spawned } from './spawned.js';

/** The built CLI, as a user runs it after `npm run build`. */
export const CLI = join(ROOT, 'packages/cli/lib/main.js');

/**
 * The Node that runs the CLI (and the example driver): this one, or MLCI_CLI_NODE — the CLI
 * promises Node 20 in its `engines`, so CI can run these tests again with `MLCI_CLI_NODE=/usr/bin/node`
 * while vitest itself needs Node 22+.
 */
export const CLI_NODE = process.env.MLCI_CLI_NODE || process.execPath;

export type { Spawned } from './spawned.js';

/** Runs a Node script (async spawn, never spawnSync) with only the environment given: PATH and HOME by default. */
export function runNode(script: string, args: string[], o: { cwd?: string; env?: Record<string, string> } = {}): Promise<Spawned> {
  const env = o.env ?? { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root' };
  return collect(spawn(CLI_NODE, [script, ...args], { cwd: o.cwd ?? ROOT, env }));
}

/** `mlci <args>` in `cwd`. */
export function mlci(args: string[], o: { cwd?: string; env?: Record<string, string> } = {}): Promise<Spawned> {
  return runNode(CLI, args, o);
}
