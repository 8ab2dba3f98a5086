import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../support/runner.js';

export const FIXTURE = join(ROOT, 'test/fixtures/train');

/** A fresh workspace holding the scikit-learn fixture (train.py, params.yaml). */
export async function sklearnWorkspace(): Promise<string> {
  const ws = await mkdtemp(join(tmpdir(), 'mlci-ws-train-'));
  await cp(FIXTURE, ws, { recursive: true });
  return ws;
}

export async function section(reportDir: string, id = 'train'): Promise<any> {
  return JSON.parse(await readFile(join(reportDir, `${id}.section.json`), 'utf8'));
}

/** A pid is gone when it does not exist or is a zombie nobody reaped yet (it runs no more). */
export async function alive(pid: number): Promise<boolean> {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  return stat !== '' && stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
}

/** The member names of a zip, and one member's bytes (Debian's unzip). */
export function unzip(args: string[]): Promise<Buffer> {
  return new Promise((done, fail) => {
    const child = spawn('unzip', args, { stdio: ['ignore', 'pipe', 'inherit'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c) => chunks.push(c));
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? done(Buffer.concat(chunks)) : fail(new Error(`unzip ${args.join(' ')}: exit ${code}`))));
  });
}
