import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
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

describe('mlci commands that fail write their failing section', () => {
  it('a broken gates file leaves compare-metrics\' section as fail, and mlci report then says fail', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mlci-cli-fail-'));
    await writeFile(join(dir, 'metrics.json'), '{"auc": 0.91}\n');
    await writeFile(join(dir, 'gates.yml'), 'gates:\n  - metric: auc\n    min: [0.9\n');
    const r = await mlci(['compare', '--metrics', 'metrics.json', '--baseline', 'none', '--gates', 'gates.yml', '--report-dir', 'rep'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('gates.yml:');
    const files = (await readdir(join(dir, 'rep'))).filter((f) => f.endsWith('.section.json'));
    expect(files).toHaveLength(1);
    const section = JSON.parse(await readFile(join(dir, 'rep', files[0]), 'utf8'));
    expect(section).toMatchObject({ action: 'compare-metrics', status: 'fail', stage: 'metrics' });
    expect(section.id).toMatch(/^compare-metrics-/);
    // Markdown-escaped in the section, as all data shown in a report is.
    expect(section.markdown).toMatch(/Where:\*\* gates\\?\.yml, line \d+/);

    const report = await mlci(['report', '--report-dir', 'rep', '--out', 'out'], dir);
    expect(report.stdout).toContain('status fail');
    expect(await readFile(join(dir, 'out', 'report.md'), 'utf8')).toMatch(/compare\\?-metrics failed/);
  });

  it('a refused flag leaves validate-data\'s section as fail, naming the flag', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mlci-cli-fail-'));
    await writeFile(join(dir, 'data.csv'), 'a,b\n1,2\n');
    const r = await mlci(['validate', '--data', 'data.csv', '--fail-on', 'sometimes', '--report-dir', 'rep'], dir);
    expect(r.code).toBe(1);
    const files = (await readdir(join(dir, 'rep'))).filter((f) => f.endsWith('.section.json'));
    const section = JSON.parse(await readFile(join(dir, 'rep', files[0]), 'utf8'));
    expect(section).toMatchObject({ action: 'validate-data', status: 'fail', stage: 'data' });
    expect(section.id).toBe('validate-data-data.csv');
    expect(section.markdown).toMatch(/fail\\?-on/);
  });
});
