import type { ChildProcessByStdio } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';

export interface Spawned {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** What a spawned process printed and its exit code, once it has closed. */
export function collect(child: ChildProcessByStdio<Writable | null, Readable, Readable>): Promise<Spawned> {
  return new Promise((done, fail) => {
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}
