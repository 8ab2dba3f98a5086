// Benchmark: the train action's own overhead and its run-cache restore. Prints figures beside
// their peers; asserts nothing (timings never live in tests).
//
//   npm run build && npx node --experimental-transform-types bench/train.mjs [--runs 10] [--mb 200]
//
// (transform-types: the loopback results service it starts is the tests' TypeScript.)
//
// 1. `run: true` through dist/train/index.js, as the runner starts it (test/support/runner.ts),
//    against `bash -c true` and `node -e 0` spawned the same way: without the run-cache, a cache
//    miss (key, run, save to the loopback results service + azurite), and a hit.
// 2. A 200 MB output (random bytes, so compression gains nothing) restored on a hit: the action
//    (lookup, download, zstd, checked extraction, copy into the workspace) and `mlci train
//    --cache-dir` (a local tar), against plain `tar -xf` / `tar --zstd -xf` of the same files.
import { spawn } from 'node:child_process';
import { registerHooks } from 'node:module';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

registerHooks({
  resolve(specifier, context, next) {
    try {
      return next(specifier, context);
    } catch (e) {
      if (specifier.startsWith('.') && specifier.endsWith('.js')) return next(specifier.slice(0, -3) + '.ts', context);
      throw e;
    }
  },
});
const { runAction, ROOT } = await import('../test/support/runner.ts');
const { startResultsService } = await import('../test/support/results/index.ts');
const { runTraining } = await import('../packages/core/src/train/index.ts');

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const RUNS = arg('--runs', 10);
const MB = arg('--mb', 200);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms) => `${(ms / 1000).toFixed(3)} s`;

function spawnTimed(cmd, args, o = {}) {
  return new Promise((done, fail) => {
    const t = performance.now();
    const child = spawn(cmd, args, { stdio: 'ignore', ...o });
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? done(performance.now() - t) : fail(new Error(`${cmd} ${args.join(' ')}: exit ${code}`))));
  });
}

async function timedAction(o) {
  const t = performance.now();
  const r = await runAction({ action: 'train', ...o });
  const ms = performance.now() - t;
  if (r.code !== 0) throw new Error(`train failed: ${r.stdout}\n${r.stderr}`);
  return { ms, r };
}

const results = await startResultsService({ repository: 'octo/ml' });
try {
  // 1. Overhead around `true`.
  const peers = { 'bash -c true': [], 'node -e 0': [] };
  const action = { 'no run-cache': [], 'run-cache miss (+ save)': [], 'run-cache hit': [] };
  const files = { 'in.txt': 'x' };
  const first = await timedAction({ env: results.newRun().env, files, inputs: { run: 'true', 'cache-inputs': 'in.txt', 'cache-key-extra': 'hit' } });
  if (first.r.outputs['cache-hit'] !== 'false') throw new Error('expected a miss');
  for (let i = 0; i < RUNS; i++) {
    peers['bash -c true'].push(await spawnTimed('bash', ['-c', 'true']));
    peers['node -e 0'].push(await spawnTimed(process.execPath, ['-e', '0']));
    action['no run-cache'].push((await timedAction({ inputs: { run: 'true' } })).ms);
    action['run-cache miss (+ save)'].push(
      (await timedAction({ env: results.newRun().env, files, inputs: { run: 'true', 'cache-inputs': 'in.txt', 'cache-key-extra': `miss ${i}` } })).ms,
    );
    const hit = await timedAction({ env: results.newRun().env, files, inputs: { run: 'true', 'cache-inputs': 'in.txt', 'cache-key-extra': 'hit' } });
    if (hit.r.outputs['cache-hit'] !== 'true') throw new Error('expected a hit');
    action['run-cache hit'].push(hit.ms);
  }
  // The use case alone, in this process: what train adds around the command, without the bundle's start-up.
  const inProcess = [];
  const quiet = { group() {}, endGroup() {}, output() {}, info() {} };
  for (let i = 0; i < RUNS; i++) {
    const ws = await mkdtemp(join(tmpdir(), 'mlci-bench-train-ws-'));
    const t = performance.now();
    await runTraining({
      workspace: ws,
      run: 'true',
      shell: 'bash',
      workingDirectory: '',
      cacheInputs: [],
      cacheKeyExtra: '',
      outputs: [],
      metrics: [],
      params: [],
      reportDir: join(ws, '.report'),
      env: process.env,
      origin: { id: 'bench' },
      log: quiet,
    });
    inProcess.push(performance.now() - t);
    await rm(ws, { recursive: true, force: true });
  }
  action['no run-cache, in process (runTraining alone)'] = inProcess;
  const bash = median(peers['bash -c true']);
  console.log(`\n\`run: true\`, median of ${RUNS} (each spawned as the runner does)\n`);
  console.log('| what | time | overhead vs bash -c true |');
  console.log('|---|---|---|');
  for (const [k, v] of Object.entries(peers)) console.log(`| ${k} | ${fmt(median(v))} | ${fmt(median(v) - bash)} |`);
  for (const [k, v] of Object.entries(action)) console.log(`| train: ${k} | ${fmt(median(v))} | ${fmt(median(v) - bash)} |`);

  // 2. Restoring a large output.
  const ws = await mkdtemp(join(tmpdir(), 'mlci-bench-train-'));
  const parts = 4;
  const make = `mkdir -p model && for i in $(seq 1 ${parts}); do head -c ${Math.round((MB * 1e6) / parts)} /dev/urandom > model/part$i.bin; done`;
  await writeFile(join(ws, 'in.txt'), 'big');
  const big = { run: make, 'cache-inputs': 'in.txt', outputs: 'model/' };
  await timedAction({ workspace: ws, env: results.newRun().env, inputs: big });
  const hits = [];
  for (let i = 0; i < 3; i++) {
    const fresh = await mkdtemp(join(tmpdir(), 'mlci-bench-train-hit-'));
    await writeFile(join(fresh, 'in.txt'), 'big');
    const hit = await timedAction({ workspace: fresh, env: results.newRun().env, inputs: big });
    if (hit.r.outputs['cache-hit'] !== 'true') throw new Error('expected a hit');
    hits.push(hit.ms);
    await rm(fresh, { recursive: true, force: true });
  }
  const cli = join(ROOT, 'packages/cli/lib/main.js');
  const cacheDir = await mkdtemp(join(tmpdir(), 'mlci-bench-cache-'));
  const cliArgs = ['train', '--run', make, '--cache-inputs', 'in.txt', '--outputs', 'model/', '--cache-dir', cacheDir, '--report-dir', '.report'];
  await spawnTimed(process.execPath, [cli, ...cliArgs], { cwd: ws });
  const cliHits = [];
  for (let i = 0; i < 3; i++) {
    const fresh = await mkdtemp(join(tmpdir(), 'mlci-bench-train-cli-'));
    await writeFile(join(fresh, 'in.txt'), 'big');
    cliHits.push(await spawnTimed(process.execPath, [cli, ...cliArgs], { cwd: fresh }));
    await rm(fresh, { recursive: true, force: true });
  }
  const tarFile = join(ws, '..', `${ws.split('/').pop()}.tar`);
  const zstFile = `${tarFile}.zst`;
  await spawnTimed('tar', ['-cf', tarFile, '-C', ws, 'model']);
  await spawnTimed('tar', ['--zstd', '-cf', zstFile, '-C', ws, 'model']);
  const tars = [];
  const zsts = [];
  for (let i = 0; i < 3; i++) {
    const out = await mkdtemp(join(tmpdir(), 'mlci-bench-tar-'));
    tars.push(await spawnTimed('tar', ['-xf', tarFile, '-C', out]));
    await rm(out, { recursive: true, force: true });
    await mkdir(out);
    zsts.push(await spawnTimed('tar', ['--zstd', '-xf', zstFile, '-C', out]));
    await rm(out, { recursive: true, force: true });
  }
  console.log(`\nRestoring a ${MB} MB output (${parts} files of random bytes) on a hit, median of 3\n`);
  console.log('| what | time |');
  console.log('|---|---|');
  console.log(`| train action hit (whole step: lookup, download from azurite, zstd, checked extraction, copy) | ${fmt(median(hits))} |`);
  console.log(`| mlci train --cache-dir hit (whole command: local tar, checked extraction, copy) | ${fmt(median(cliHits))} |`);
  console.log(`| tar -xf of the same files | ${fmt(median(tars))} |`);
  console.log(`| tar --zstd -xf of the same files | ${fmt(median(zsts))} |`);
  await rm(ws, { recursive: true, force: true });
  await rm(cacheDir, { recursive: true, force: true });
  await rm(tarFile, { force: true });
  await rm(zstFile, { force: true });
} finally {
  await results.close();
}
