// Benchmark: each dist bundle's size and its start-up up to the first input read (issue 9), with
// `node` doing nothing beside it. Prints figures; asserts nothing (timings never live in tests).
//
//   npm run build && node bench/startup.mjs [--runs 20] [action ...]
//
// A preload module swaps process.env for a proxy that, on the first read of an INPUT_* variable
// (what @actions/core's getInput does), records the process's CPU time (user + system, boot
// included), its wall time since start and its RSS, then exits: what is measured is exactly what
// every run pays before it looks at its inputs. Medians of --runs runs; Node 24 from
// node_modules/.bin when present (the runtime the actions target).
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 20;
const names = args.length ? args : readdirSync(join(root, 'dist')).filter((n) => existsSync(join(root, 'dist', n, 'index.js')));
const localNode = join(root, 'node_modules/.bin/node');
const node = existsSync(localNode) ? localNode : process.execPath;

const work = mkdtempSync(join(tmpdir(), 'mlci-startup-'));
const hook = join(work, 'first-input.mjs');
writeFileSync(
  hook,
  `const real = process.env;
process.env = new Proxy(real, {
  get(t, k) {
    if (typeof k === 'string' && k.startsWith('INPUT_')) {
      const c = process.cpuUsage();
      process.stdout.write(JSON.stringify({ cpu: (c.user + c.system) / 1e6, wall: performance.now() / 1e3, rss: process.memoryUsage.rss() }) + '\\n');
      process.exit(0);
    }
    return Reflect.get(t, k);
  },
});
`,
);

const env = {
  PATH: process.env.PATH,
  HOME: work,
  RUNNER_TEMP: work,
  GITHUB_WORKSPACE: work,
  GITHUB_OUTPUT: join(work, 'output'),
  GITHUB_STEP_SUMMARY: join(work, 'summary'),
  GITHUB_REPOSITORY: 'o/r',
  GITHUB_API_URL: 'http://127.0.0.1:9',
};

async function measure(script) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const { stdout } = await run(node, ['--import', hook, ...script], { cwd: work, env });
    const line = stdout.trim().split('\n').pop();
    if (!line?.startsWith('{')) throw new Error(`${script.join(' ')} exited without reading an input`);
    samples.push(JSON.parse(line));
  }
  const median = (k) => samples.map((s) => s[k]).sort((a, b) => a - b)[Math.floor(samples.length / 2)];
  return { cpu: median('cpu'), wall: median('wall'), rss: median('rss') };
}

const rows = [['bundle', 'index.js', 'chunks', 'CPU s', 'wall s', 'RSS MB']];
const fmt = (m) => [m.cpu.toFixed(3), m.wall.toFixed(3), (m.rss / 1e6).toFixed(0)];
rows.push(['node -e (peer)', '', '', ...fmt(await measure(['-e', 'process.env.INPUT_X']))]);
for (const name of names) {
  const dir = join(root, 'dist', name);
  const chunks = readdirSync(dir).filter((f) => f.endsWith('.js') && f !== 'index.js');
  const chunkBytes = chunks.reduce((n, f) => n + statSync(join(dir, f)).size, 0);
  const size = statSync(join(dir, 'index.js')).size;
  rows.push([name, `${(size / 1e6).toFixed(2)} MB`, `${chunks.length} / ${(chunkBytes / 1e6).toFixed(1)} MB`, ...fmt(await measure([join(dir, 'index.js')]))]);
}
rmSync(work, { recursive: true, force: true });

const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
console.log(`start-up to the first input read, median of ${runs} (${node})`);
for (const r of rows) console.log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  '));
