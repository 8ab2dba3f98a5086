// Benchmark: what every action run pays before it reads its first input, and `mlci help`.
// Prints, for each dist/<name>/index.js, its size and its start-up, with `node -e 0` beside it;
// asserts nothing (timings never live in tests; the size budgets are held by test/dist.test.ts).
//
//   node bench/bundles.mjs [--no-build] [--runs 20]
//
// Builds first (`npm run build`: tsc -b, then every bundle); --no-build measures what is built.
//
// Start-up: the bundle runs with the runner's environment (as test/support/runner.ts sets it:
// CI, GITHUB_*, RUNNER_TEMP, the file-command files, an event payload, cwd = GITHUB_WORKSPACE)
// and no inputs, so it stops at its first input error (input "data" / "metrics" is required);
// comment-report needs no input, so it gets one bad value (mode: bogus) and stops there. Both
// land in the adapter's input block, after every module of the entry has loaded and run.
//
// What is measured, per run: CPU = user + system time of the child process itself, read by a
// preload (bench/cpu-at-exit.cjs) from process.resourceUsage() at its exit (all threads, from
// exec on; the few microseconds of process teardown after the exit event are not counted);
// wall = spawn to close as this parent sees it; peak RSS from the same resourceUsage. Every
// contender gets the same preload, `node -e 0` included. Runs are interleaved (one of each, N
// times) so a noisy moment hits all alike; the table shows medians.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerEnvironment } from '../test/support/runner-env.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const RUNS = arg('--runs', 20);
const BUILD = !process.argv.includes('--no-build');
const NODE = process.execPath;
const PRELOAD = join(root, 'bench', 'cpu-at-exit.cjs');
// Issue #9's targets: index.js sizes in MB (10^6 bytes, as test/dist.test.ts counts them).
const SIZE_TARGET = { 'comment-report': 3, 'validate-data': 2.5, 'compare-metrics': 8 };
const CPU_TARGET_MS = 150;
// Inputs that make an action stop in its input block when it has no required input.
const BAD_INPUT = { 'comment-report': { INPUT_MODE: 'bogus' } };

function spawnMeasured(args, { cwd = root, env }) {
  return new Promise((done, fail) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(NODE, ['-r', PRELOAD, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe', 'pipe'] });
    let out = '';
    let usage = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (out += d));
    child.stdio[3].setEncoding('utf8').on('data', (d) => (usage += d));
    child.on('error', fail);
    child.on('close', (code) => {
      const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
      if (!usage) return fail(new Error(`${args.join(' ')}: no resource usage (exit ${code}):\n${out}`));
      const u = JSON.parse(usage);
      done({ code, out, wallMs, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000, rssMB: u.maxRSS / 1024 });
    });
  });
}

/** The runner's environment for one step of an action, without inputs (see runner.ts). */
async function runnerEnv(base) {
  const workspace = join(base, 'workspace');
  const runnerTemp = join(base, 'runner-temp');
  await mkdir(workspace, { recursive: true });
  const folder = join(runnerTemp, '_runner_file_commands');
  await mkdir(folder, { recursive: true });
  const file = async (name) => {
    const f = join(folder, name);
    await writeFile(f, '');
    return f;
  };
  const eventPath = join(runnerTemp, 'event.json');
  await writeFile(eventPath, '{}');
  const commands = {
    output: await file('set_output'),
    summary: await file('step_summary'),
    env: await file('set_env'),
    state: await file('save_state'),
    path: await file('add_path'),
  };
  return { workspace, env: runnerEnvironment({ workspace, runnerTemp, eventPath, commands }) };
}

function run(cmd, args) {
  return new Promise((done, fail) => {
    const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? done() : fail(new Error(`${cmd} ${args.join(' ')} exited ${code}`))));
  });
}

if (BUILD) {
  console.log('npm run build ...');
  await run('npm', ['run', 'build', '--silent']);
}

const names = readdirSync(join(root, 'dist'))
  .filter((n) => existsSync(join(root, 'dist', n, 'index.js')))
  .sort();
const cli = join(root, 'packages', 'cli', 'lib', 'main.js');
if (!existsSync(cli)) throw new Error('packages/cli/lib/main.js is not built: run without --no-build (or npx tsc -b)');

const work = await mkdtemp(join(tmpdir(), 'mlci-bench-bundles-'));
const contenders = [{ label: '`node -e 0`', args: ['-e', '0'], env: { PATH: process.env.PATH ?? '' } }];
for (const name of names) {
  const { workspace, env } = await runnerEnv(join(work, name));
  contenders.push({ label: name, name, args: [join(root, 'dist', name, 'index.js')], cwd: workspace, env: { ...env, ...BAD_INPUT[name] } });
}
contenders.push({ label: '`mlci help`', args: [cli, 'help'], env: { PATH: process.env.PATH ?? '' } });

const samples = new Map(contenders.map((c) => [c, []]));
try {
  // One unmeasured run each: the first spawn of a file pays for the page cache, not for the code.
  for (const c of contenders) await spawnMeasured(c.args, c);
  for (let i = 0; i < RUNS; i++) {
    for (const c of contenders) {
      const r = await spawnMeasured(c.args, c);
      if (c.name && !/::error::input "[^"]+"/.test(r.out)) {
        throw new Error(`dist/${c.name}/index.js did not stop at an input error (exit ${r.code}):\n${r.out}`);
      }
      samples.get(c).push(r);
    }
  }
} finally {
  await rm(work, { recursive: true, force: true });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (x) => `${Math.round(x)} ms`;
const rows = contenders.map((c) => {
  const rs = samples.get(c);
  const size = c.name ? statSync(join(root, 'dist', c.name, 'index.js')).size / 1e6 : undefined;
  const sizeTarget = c.name ? SIZE_TARGET[c.name] : undefined;
  const cpu = median(rs.map((r) => r.cpuMs));
  const cpuTarget = c.label === '`node -e 0`' ? '' : ` (≤ ${CPU_TARGET_MS} ms: ${cpu <= CPU_TARGET_MS ? 'ok' : 'over'})`;
  return [
    c.name ? `dist/${c.name}/index.js` : c.label,
    size === undefined ? '' : `${size.toFixed(2)} MB` + (sizeTarget ? ` (≤ ${sizeTarget} MB: ${size <= sizeTarget ? 'ok' : 'over'})` : ''),
    ms(cpu) + cpuTarget,
    ms(median(rs.map((r) => r.wallMs))),
    `${Math.round(median(rs.map((r) => r.rssMB)))} MB`,
  ];
});

console.log(`\nNode ${process.version}, median of ${RUNS} runs each (CPU = user + sys of the process)\n`);
const header = ['', 'index.js size', 'start-up CPU', 'wall', 'peak RSS'];
console.log(`| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|`);
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
