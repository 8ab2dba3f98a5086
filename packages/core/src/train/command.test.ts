import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCommand, shellCommand } from './command.js';
import { codeBlock, logTail } from './section.js';
import { parseMinutes } from './run.js';

describe('shellCommand', () => {
  it('hands the script to the shell as one argument, whatever it holds', () => {
    const script = 'echo "$(id)"; rm -rf / # not run here';
    expect(shellCommand('bash', script)).toEqual(['bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script]]);
    expect(shellCommand('python3 -u -c {0}', script)).toEqual(['python3', ['-u', '-c', script]]);
    expect(() => shellCommand('zsh', 'true')).toThrow(/input "shell": "zsh" is not bash, sh or python/);
  });
});

describe('runCommand', () => {
  it('runs with pipefail, writes the log, and reports the exit code', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mlci-cmd-'));
    const chunks: string[] = [];
    const r = await runCommand({
      run: 'echo out; echo err >&2; false | true',
      shell: 'bash',
      cwd: dir,
      env: process.env,
      logFile: join(dir, 'log'),
      onOutput: (c) => chunks.push(c.toString()),
    });
    expect(r.exitCode).toBe(1);
    expect(r.timedOut).toBe(false);
    expect((await readFile(join(dir, 'log'), 'utf8')).split('\n').sort()).toEqual(['', 'err', 'out']);
    expect(chunks.join('')).toContain('out');
  });

  it('counts the CPU of a grandchild that exited before the end', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mlci-cmd-'));
    // About 0.3 s of CPU in a grandchild that is gone long before its shell ends.
    const r = await runCommand({
      run: "bash -c 'i=0; while [ $i -lt 200000 ]; do i=$((i+1)); done'; sleep 0.2",
      shell: 'bash',
      cwd: dir,
      env: process.env,
      logFile: join(dir, 'log'),
    });
    expect(r.exitCode).toBe(0);
    expect(r.cpuSeconds).toBeGreaterThan(0.1);
  });
});

describe('the section pieces', () => {
  it('a code block no log line can close', () => {
    expect(codeBlock('a ```` b\n```')).toBe('`````text\na ```` b\n```\n`````');
    expect(codeBlock('\u001b[31mred\u001b[0m')).toBe('```text\nred\n```');
  });
  it('the tail keeps the last lines', () => {
    expect(logTail(Array.from({ length: 100 }, (_, i) => `l${i}`).join('\n') + '\n', 3)).toBe('l97\nl98\nl99');
  });
  it('timeout-minutes takes fractions and refuses the rest', () => {
    expect(parseMinutes('0.5')).toBe(0.5);
    expect(parseMinutes('')).toBeUndefined();
    for (const bad of ['0', '-1', '1e3', 'ten']) expect(() => parseMinutes(bad)).toThrow(/input "timeout-minutes" must be a positive number/);
  });
});
