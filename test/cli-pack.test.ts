import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useGitHub } from './support/loopback.js';
import { installedPackages, packCli, type PackedCli } from './support/packed-cli.js';
import { ROOT } from './support/runner.js';
import { collect } from './support/spawned.js';

/**
 * One install: the CLI bundled into one dependency-free package, packed, installed from the
 * tarball into an empty folder with no network, and run from there as `mlci` on PATH — the
 * repository's node_modules out of reach (the project is a temp folder, HOME too).
 */

const REPO = 'octo/ml';
const TOKEN = 'ghp_packed_cli_token_0123456789';
const HEAD = 'd'.repeat(40);
const gh = useGitHub({ repo: REPO, token: TOKEN, login: 'mlci-bot', write: true, pull: { number: 21, headSha: HEAD, headRef: 'feature', baseRef: 'main' } });

let packed: PackedCli;
beforeAll(async () => {
  packed = await packCli();
}, 180_000);

function mlci(args: string[], cwd: string, env: Record<string, string> = {}) {
  const path = `${packed.binDir}:${process.env.PATH ?? ''}`;
  return collect(spawn('mlci', args, { cwd, env: { PATH: path, HOME: cwd, ...env } }));
}

async function penguins(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'mlci-packed-project-'));
  await cp(join(ROOT, 'examples/penguins'), dir, { recursive: true });
  return dir;
}

describe('the packed mlci', () => {
  it('is one package with no dependencies, for Node 20 and later', async () => {
    const manifest = JSON.parse(await readFile(join(packed.prefix, 'node_modules/mlci/package.json'), 'utf8'));
    expect(manifest).toMatchObject({ name: 'mlci', bin: { mlci: 'lib/main.js' }, engines: { node: '>=20' } });
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(await installedPackages(packed.prefix)).toEqual(['mlci']);
    const files = await readdir(join(packed.prefix, 'node_modules/mlci/lib'));
    expect(files).toEqual(expect.arrayContaining(['main.js', 'index_bg.wasm', 'DejaVuSans.ttf', 'mermaid.min.js']));
    // Budgets: main.js is what every command parses first (the commands and the core are chunks
    // loaded when used); the whole package stays a download one does not think twice about.
    const lib = join(packed.prefix, 'node_modules/mlci/lib');
    expect((await stat(join(lib, 'main.js'))).size).toBeLessThan(64 * 1024);
    const sizes = await Promise.all(files.map(async (f) => (await stat(join(lib, f))).size));
    expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThan(16 * 1024 * 1024);
    expect((await stat(packed.tarball)).size).toBeLessThan(6 * 1024 * 1024);
  });

  it('answers help and --version', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'mlci-packed-'));
    const help = await mlci(['help'], cwd);
    expect(help.code, help.stderr).toBe(0);
    for (const c of ['validate', 'train', 'compare', 'report']) expect(help.stdout).toContain(`mlci ${c} `);
    const version = await mlci(['--version'], cwd);
    const { version: expected } = JSON.parse(await readFile(join(ROOT, 'packages/cli/package.json'), 'utf8'));
    expect(version.stdout).toBe(`mlci ${expected}\n`);
  });

  it('validates, trains, compares with charts and reports a real project', async () => {
    const cwd = await penguins();
    const v = await mlci(['validate', '--data', 'data/penguins.csv', '--schema', 'schema.yml', '--reference', 'base/penguins.csv', '--report-dir', 'rep'], cwd);
    expect(v.code, v.stderr).toBe(0);
    expect(v.stdout).toContain('drifted: "island"');
    const bad = await mlci(['validate', '--data', 'data/penguins.csv', '--fail-on', 'sometimes', '--report-dir', 'rep2'], cwd);
    expect(bad.code).toBe(2);
    // train.mjs needs Node alone; the charts need the wasm and the font the package carries.
    const train = ['train', '--run', 'node train.mjs --data data/penguins.csv --params params.yaml --out eval', '--metrics', 'eval/metrics.json'];
    const t = await mlci([...train, '--params', 'params.yaml', '--cache-dir', 'cache', '--report-dir', 'rep'], cwd);
    expect(t.code, t.stderr).toBe(0);
    const c = await mlci(['compare', '--baseline', 'none', '--plots', 'plots.yml', '--report-dir', 'rep'], cwd);
    expect(c.code, c.stderr).toBe(0);
    const r = await mlci(['report', '--report-dir', 'rep', '--out', 'out'], cwd);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('3 section(s), status warn');
    const html = await readFile(join(cwd, 'out/report.html'), 'utf8');
    expect(html.match(/data:image\/png;base64,/g)?.length).toBe(2);
    expect(await readFile(join(cwd, 'out/report.md'), 'utf8')).toContain('**344 rows**');
  });

  it('report --post from a Jenkins-shaped environment upserts one comment across three runs', async () => {
    const cwd = await penguins();
    for (const n of [1, 2, 3]) {
      const env = {
        JENKINS_URL: 'https://jenkins.example/',
        BUILD_TAG: `jenkins-ml-PR-21-${n}`,
        CHANGE_ID: '21',
        GIT_COMMIT: HEAD,
        GIT_URL: 'git@github.com:octo/ml.git',
        GITHUB_TOKEN: TOKEN,
        GITHUB_API_URL: gh.url,
      };
      // Every step of one Jenkins build is one run (BUILD_TAG): the report shows that build's sections.
      const v = await mlci(['validate', '--data', 'data/penguins.csv', '--schema', 'schema.yml', '--report-dir', 'rep'], cwd, env);
      expect(v.code, v.stderr).toBe(0);
      const r = await mlci(['report', '--report-dir', 'rep', '--out', 'out', '--post'], cwd, env);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain('detected Jenkins: repo octo/ml, pull request #21');
      expect(r.stdout + r.stderr).not.toContain(TOKEN);
    }
    const comments = gh.comments(REPO, 21);
    expect(comments).toHaveLength(1);
    expect(comments[0].body).toContain('**344 rows**');
  });
});
