import { spawn } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/runner.js';

const CLI = join(ROOT, 'packages/cli/lib/main.js');

function mlci(args: string[], cwd = ROOT): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { PATH: process.env.PATH ?? '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

describe('mlci report (the README example)', () => {
  it('builds report.md and a self-contained report.html from the bundled example', async () => {
    const out = await mkdtemp(join(tmpdir(), 'mlci-cli-'));
    const r = await mlci(['report', '--report-dir', 'examples/report', '--markdown', 'examples/README-report.md', '--title', 'Example', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('3 section(s), status warn');
    const md = await readFile(join(out, 'report.md'), 'utf8');
    expect(md.split('\n')[0]).toBe('<!-- mlci-report id="mlci" -->');
    expect(md.indexOf('Data validation')).toBeLessThan(md.indexOf('Metrics against main'));
    expect(md.indexOf('Metrics against main')).toBeLessThan(md.indexOf('Notes from the author'));
    const html = await readFile(join(out, 'report.html'), 'utf8');
    expect(html).toContain('<table');
    expect(html).toMatch(/data:image\/png;base64,/);
    expect(html).not.toMatch(/<script[^>]+src=/);
  });

  it('fails with the flag and the value for a markdown file that does not exist', async () => {
    const r = await mlci(['report', '--report-dir', 'examples/report', '--markdown', 'missing.md', '--out', '.tmp/never']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('missing.md');
    expect(r.stderr).toContain('error: --markdown: file "missing.md" does not exist');
    expect(r.stderr).not.toContain('input "markdown"');
  });

  it('refuses an unknown command with the usage', async () => {
    const r = await mlci(['reprot']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown command "reprot"');
    expect(r.stderr).toContain('mlci report');
  });
});
