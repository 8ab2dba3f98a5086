import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, mlci as run, runNode, type Spawned } from './support/cli.js';
import { ROOT } from './support/runner.js';

const mlci = (args: string[], cwd = ROOT) => run(args, { cwd, env: { PATH: process.env.PATH ?? '' } });

/** The README's `npm run example` after the build: the driver that trains twice and runs the CLI. */
function runExample(out: string, ...more: string[]): Promise<Spawned> {
  return runNode(join(ROOT, 'examples/penguins/run.mjs'), ['--out', out, ...more], { env: { PATH: process.env.PATH ?? '' } });
}

describe("mlci on the bundled example (the README's npm run example)", () => {
  it('trains twice, validates, compares and reports what the runs computed', async () => {
    const out = await mkdtemp(join(tmpdir(), 'mlci-cli-'));
    const r = await runExample(out);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('4 section(s), status warn');
    expect(r.stdout).toContain('5 steps, all passed');
    const head = JSON.parse(await readFile(join(out, 'work/eval/metrics.json'), 'utf8'));
    const base = JSON.parse(await readFile(join(out, 'work/base/eval/metrics.json'), 'utf8'));
    const md = await readFile(join(out, 'report.md'), 'utf8');
    expect(md.split('\n')[0]).toBe('<!-- mlci-report id="mlci" -->');
    expect(md.indexOf('Data validation')).toBeLessThan(md.indexOf('Metrics'));
    expect(md.indexOf('### ✅ Metrics')).toBeLessThan(md.indexOf('Notes from the author'));
    // The metrics row shows the two runs' own numbers, and the data's row count is the CSV's.
    const cells = (key: string) =>
      md
        .slice(md.indexOf('### ✅ Metrics'))
        .split('\n')
        .find((l) => l.startsWith(`| \`${key}\``))
        ?.split('|')
        .map((c) => c.trim());
    expect(cells('test.accuracy')?.slice(2, 4)).toEqual([String(base.test.accuracy), String(head.test.accuracy)]);
    expect(cells('test.accuracy')?.[5]).toBe('🟢 improved');
    expect(cells('data.train_rows')?.slice(2, 4)).toEqual([String(base.data.train_rows), String(head.data.train_rows)]);
    expect(cells('data.train_rows')?.[5]).toBe('🔵 changed');
    expect(head.test.accuracy).toBeGreaterThan(base.test.accuracy);
    const csvRows = (await readFile(join(ROOT, 'examples/penguins/data/penguins.csv'), 'utf8')).trim().split('\n').length - 1;
    expect(md).toContain(`**${csvRows} rows**`);
    expect(head.data.train_rows + head.data.test_rows + head.data.dropped_rows).toBe(csvRows);
    // The schema's warning (a sex of ".") and the drift the new island brings.
    expect(md).toMatch(/`sex` \| allowed values \| warning/);
    expect(md).toMatch(/`island` \| chi\\?-square \| [^|]+ \| [^|]+ \| \*\*yes\*\*/);
    const html = await readFile(join(out, 'report.html'), 'utf8');
    expect(html).toContain('<table');
    expect(html.match(/data:image\/png;base64,/g)?.length).toBe(2);
    expect(html).not.toMatch(/<script[^>]+src=/);
  });

  it('a gate the head misses fails the example, which still writes the report saying so', async () => {
    const out = await mkdtemp(join(tmpdir(), 'mlci-cli-'));
    const gates = join(out, 'strict-gates.yml');
    await writeFile(gates, 'metrics:\n  "test.accuracy": { direction: higher, min: 0.999 }\n');
    const r = await runExample(out, '--gates', gates);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('failed: mlci compare (exit 1)');
    const md = await readFile(join(out, 'report.md'), 'utf8');
    expect(md).toContain('## ❌ mlci example');
    expect(md).toMatch(/❌ `test\.accuracy` min 0\\?\.999/);
  });
});

// Logs every module Node loads (module.registerHooks: Node 22.15+, so this runs on vitest's Node).
const TRACE =
  'data:text/javascript,' +
  encodeURIComponent(
    'import { registerHooks } from "node:module";' +
      'registerHooks({ load(url, context, next) { process.stderr.write("loaded " + url + "\\n"); return next(url, context); } });',
  );

/** `mlci <args>` with the modules it loaded, on this Node. */
function tracedMlci(args: string[]): Promise<Spawned & { loaded: string[] }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', TRACE, CLI, ...args], { cwd: ROOT, env: { PATH: process.env.PATH ?? '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code) => {
      const loaded = stderr
        .split('\n')
        .filter((l) => l.startsWith('loaded '))
        .map((l) => l.slice('loaded '.length));
      done({
        code,
        stdout,
        stderr: stderr
          .split('\n')
          .filter((l) => !l.startsWith('loaded '))
          .join('\n'),
        loaded,
      });
    });
  });
}

describe('mlci help, --version and COMMAND --help', () => {
  const commandBodies = (loaded: string[]) => loaded.filter((u) => /\/packages\/cli\/lib\/commands\/(?!index\.js)|\/packages\/core\/|node_modules\//.test(u));

  it('mlci help lists every command and loads none of them, nor the core', async () => {
    const r = await tracedMlci(['help']);
    expect(r.code, r.stderr).toBe(0);
    for (const name of ['validate', 'compare', 'report']) expect(r.stdout).toContain(`mlci ${name} `);
    expect(r.loaded.some((u) => u.endsWith('/packages/cli/lib/commands/index.js'))).toBe(true);
    expect(commandBodies(r.loaded)).toEqual([]);
  });

  it("mlci --version prints the CLI package's version and loads no command", async () => {
    const r = await tracedMlci(['--version']);
    const { version } = JSON.parse(await readFile(join(ROOT, 'packages/cli/package.json'), 'utf8'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(`mlci ${version}\n`);
    expect(commandBodies(r.loaded)).toEqual([]);
  });

  it('mlci compare --help prints its usage and exits 0 without loading it', async () => {
    const r = await tracedMlci(['compare', '--help']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Usage: mlci compare --metrics FILE\.\.\./);
    expect(r.stdout).not.toContain('mlci validate');
    expect(commandBodies(r.loaded)).toEqual([]);
  });

  it("a command that runs loads its own module and not the others'", async () => {
    const r = await tracedMlci(['report', '--report-dir', '.tmp/no-sections', '--markdown', 'missing.md', '--out', '.tmp/never']);
    expect(r.code).toBe(2);
    expect(r.loaded.some((u) => u.endsWith('/packages/cli/lib/commands/report.js'))).toBe(true);
    expect(r.loaded.filter((u) => /\/commands\/(validate|compare)\.js$/.test(u))).toEqual([]);
  });
});

describe('mlci report', () => {
  it('fails with the flag and the value for a markdown file that does not exist', async () => {
    const r = await mlci(['report', '--report-dir', '.tmp/no-sections', '--markdown', 'missing.md', '--out', '.tmp/never']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('missing.md');
    expect(r.stderr).toContain('error: --markdown: file "missing.md" does not exist');
    expect(r.stderr).not.toContain('input "markdown"');
  });

  it('refuses an unknown command with the usage', async () => {
    const r = await mlci(['reprot']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown command "reprot": did you mean "report"?');
    expect(r.stderr).toContain('mlci report');
    const far = await mlci(['deploy']);
    expect(far.code).toBe(2);
    expect(far.stderr).toContain('unknown command "deploy"\n');
  });

  it('refuses an unknown flag naming the closest one, and a flag without its value, with exit 2', async () => {
    const typo = await mlci(['compare', '--metric', 'm.json']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('mlci compare: unknown option --metric: did you mean --metrics?');
    const bare = await mlci(['validate', '--data']);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain("--data <value>' argument missing");
  });
});

describe('mlci help prints every flag with its default', () => {
  it('for every command, in mlci help and in COMMAND --help alike', async () => {
    const { COMMANDS } = await import('../packages/cli/src/commands/index.js');
    const all = await mlci(['help']);
    expect(all.stdout).toContain('Exit codes: 0 done, 1 a check failed, 2 bad usage or input.');
    for (const c of COMMANDS) {
      const one = await mlci([c.name, '--help']);
      expect(one.code).toBe(0);
      for (const [flag, f] of Object.entries(c.options)) {
        const line = new RegExp(`^ +--${flag}\\b.*\\(default: ${f.default.replace(/[.*+?^${}()|[\]\\$]/g, '\\$&')}\\)$`, 'm');
        expect(one.stdout).toMatch(line);
        expect(all.stdout).toMatch(line);
      }
    }
    const viaHelp = await mlci(['help', 'train']);
    expect(viaHelp.stdout).toBe((await mlci(['train', '--help'])).stdout);
  });
});

describe('mlci commands that fail write their failing section', () => {
  it("a broken gates file leaves compare-metrics' section as fail, and mlci report then says fail", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mlci-cli-fail-'));
    await writeFile(join(dir, 'metrics.json'), '{"auc": 0.91}\n');
    await writeFile(join(dir, 'gates.yml'), 'gates:\n  - metric: auc\n    min: [0.9\n');
    const r = await mlci(['compare', '--metrics', 'metrics.json', '--baseline', 'none', '--gates', 'gates.yml', '--report-dir', 'rep'], dir);
    expect(r.code).toBe(2);
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

  it("a refused flag leaves validate-data's section as fail, naming the flag", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mlci-cli-fail-'));
    await writeFile(join(dir, 'data.csv'), 'a,b\n1,2\n');
    const r = await mlci(['validate', '--data', 'data.csv', '--fail-on', 'sometimes', '--report-dir', 'rep'], dir);
    expect(r.code).toBe(2);
    const files = (await readdir(join(dir, 'rep'))).filter((f) => f.endsWith('.section.json'));
    const section = JSON.parse(await readFile(join(dir, 'rep', files[0]), 'utf8'));
    expect(section).toMatchObject({ action: 'validate-data', status: 'fail', stage: 'data' });
    expect(section.id).toBe('validate-data-data.csv');
    expect(section.markdown).toMatch(/fail\\?-on/);
  });
});
