// Benchmark: publish-model publishing a 1 GiB model folder as release assets to the loopback
// GitHub (test/support/github), through the built bundle, against `cp -r` of the same files.
// Prints wall time and peak RSS side by side; asserts nothing (timings never live in tests).
// The OCI half (the loopback registry) is the oci client's own benchmark.
//
//   node bench/publish-model.mjs [--mib 1024] [--files 4] [--runs 1]
//
// Peak RSS is `/usr/bin/time -f %M` of the publishing process alone (the loopback server, which
// keeps every asset in memory, runs in this process and is not counted). Needs `npm run build`
// (or `npx tsc -b && node scripts/bundle.js publish-model`).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : fallback);
const MIB = arg('--mib', 1024);
const FILES = arg('--files', 4);
const RUNS = arg('--runs', 1);
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const bundle = join(root, 'dist', 'publish-model', 'index.js');
if (!existsSync(bundle)) throw new Error('build first: npx tsc -b && node scripts/bundle.js publish-model');

/** The loopback GitHub's sources, transpiled (they use TypeScript that Node cannot strip). */
async function loopbackGitHub() {
  const src = join(root, 'test', 'support', 'github');
  const out = join(root, 'bench', 'out', 'publish-model', 'github');
  for (const f of (await readdir(src)).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
    const js = ts.transpileModule(await readFile(join(src, f), 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2023 },
      fileName: f,
    });
    await mkdir(out, { recursive: true });
    await writeFile(join(out, f.replace(/\.ts$/, '.js')), js.outputText);
  }
  return import(join(out, 'server.js'));
}
const { startGitHubServer } = await loopbackGitHub();

function run(cmd, args, o = {}) {
  return new Promise((resolve, reject) => {
    const argv = TIME ? ['-f', '%M', cmd, ...args] : args;
    const started = performance.now();
    const child = spawn(TIME ?? cmd, argv, { ...o, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      const lines = err.trim().split('\n');
      const rss = TIME ? Number(lines.at(-1)) * 1024 : NaN;
      if (code !== 0) reject(new Error(`${cmd} exited ${code}: ${out.slice(-2000)} ${err.slice(-2000)}`));
      else resolve({ ms, rss });
    });
  });
}

async function git(cwd, args) {
  await run('git', args, { cwd, env: { ...process.env, GIT_AUTHOR_NAME: 'b', GIT_AUTHOR_EMAIL: 'b@e', GIT_COMMITTER_NAME: 'b', GIT_COMMITTER_EMAIL: 'b@e' } });
}

async function makeModel(dir) {
  await mkdir(join(dir, 'model'), { recursive: true });
  const per = Math.floor((MIB * 1024 * 1024) / FILES);
  const chunk = randomBytes(1 << 20);
  for (let i = 0; i < FILES; i++) {
    const ws = createWriteStream(join(dir, 'model', `shard-${i}.bin`));
    for (let left = per; left > 0; left -= chunk.length)
      if (!ws.write(left >= chunk.length ? chunk : chunk.subarray(0, left))) await new Promise((r) => ws.once('drain', r));
    await new Promise((r) => ws.end(r));
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (r) =>
  `${(median(r.map((x) => x.ms)) / 1000).toFixed(2)} s`.padStart(10) +
  `${Math.max(...r.map((x) => x.rss)) / 2 ** 20 > 0 ? (Math.max(...r.map((x) => x.rss)) / 2 ** 20).toFixed(0) + ' MiB' : 'n/a'}`.padStart(12);

const work = await mkdtemp(join(tmpdir(), 'mlci-bench-publish-'));
try {
  await makeModel(work);
  await git(work, ['init', '-q', '-b', 'main']);
  await writeFile(join(work, '.gitignore'), 'model/\n');
  await git(work, ['add', '.gitignore']);
  await git(work, ['commit', '-q', '-m', 'bench']);
  const origin = join(work, 'origin.git');
  await git(work, ['init', '-q', '--bare', origin]);
  await git(work, ['remote', 'add', 'origin', origin]);

  const cp = [];
  const publish = [];
  for (let i = 0; i < RUNS; i++) {
    await rm(join(work, 'copy'), { recursive: true, force: true });
    cp.push(await run('cp', ['-r', join(work, 'model'), join(work, 'copy')]));

    const gh = await startGitHubServer();
    gh.addRepo('bench/model');
    gh.addToken('ghs_bench', { login: 'github-actions[bot]', type: 'Bot', installation: true, write: true });
    const temp = await mkdtemp(join(tmpdir(), 'mlci-bench-runner-'));
    const env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: work,
      RUNNER_TEMP: temp,
      GITHUB_REPOSITORY: 'bench/model',
      GITHUB_API_URL: gh.url,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_RUN_ID: '1',
      GITHUB_SHA: 'f'.repeat(40),
      GITHUB_OUTPUT: join(temp, 'out'),
      GITHUB_STEP_SUMMARY: join(temp, 'summary'),
      INPUT_NAME: 'bench-model',
      INPUT_PATH: 'model',
      INPUT_DESTINATIONS: process.env.BENCH_DESTINATIONS ?? 'release',
      'INPUT_GITHUB-TOKEN': 'ghs_bench',
      'INPUT_REPORT-DIR': join(temp, 'mlci-report'),
      INPUT_VERSION: `v1.0.${i}`,
    };
    await writeFile(env.GITHUB_OUTPUT, '');
    await writeFile(env.GITHUB_STEP_SUMMARY, '');
    // A fresh commit each run: one commit carries one version.
    await git(work, ['commit', '-q', '--allow-empty', '-m', `run ${i}`]);
    publish.push(await run(process.execPath, [bundle], { cwd: work, env }));
    const assets = gh.releases('bench/model')[0]?.assets ?? [];
    const bytes = assets.reduce((n, a) => n + a.content.length, 0);
    if (env.INPUT_DESTINATIONS === 'release' && (assets.length !== FILES + 2 || bytes < MIB * 2 ** 20))
      throw new Error(`the release holds ${assets.length} assets, ${bytes} bytes`);
    await gh.close();
    await rm(temp, { recursive: true, force: true });
  }
  console.log(`publish-model: ${MIB} MiB in ${FILES} files as release assets (loopback GitHub), ${RUNS} run${RUNS === 1 ? '' : 's'}`);
  console.log(`${''.padEnd(34)}${'wall'.padStart(10)}${'peak RSS'.padStart(12)}`);
  console.log(`${'cp -r'.padEnd(34)}${fmt(cp)}`);
  console.log(`${'publish-model (copy+hash+upload)'.padEnd(34)}${fmt(publish)}`);
} finally {
  await rm(work, { recursive: true, force: true });
}
