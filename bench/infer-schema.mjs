// Benchmark: peak memory and wall time of validate-data's `infer-schema` on ~11 MB CSVs of two
// shapes (wide: 100,000 columns; long: 140,000 rows with an id). Prints figures, asserts nothing.
//
//   node bench/infer-schema.mjs [--bundle path/to/validate-data/index.js]
//
// Give an older bundle (e.g. `git archive <rev> dist/validate-data | tar -x -C /tmp/old`) to get
// the before figure. Peak RSS comes from the process itself (process.resourceUsage().maxRSS,
// written at exit by a preload), so it needs no /usr/bin/time.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const at = process.argv.indexOf('--bundle');
const bundle = at > 0 ? process.argv[at + 1] : join(root, 'dist/validate-data/index.js');
const work = join(tmpdir(), 'mlci-bench-infer-schema');

const SHAPES = {
  wide: () => {
    const columns = 100_000;
    const rows = [Array.from({ length: columns }, (_, j) => `c${j}`).join(',')];
    for (let i = 0; rows.length < 56; i++) rows.push(Array.from({ length: columns }, (_, j) => (i * 7 + j) % 10).join(','));
    return rows.join('\n') + '\n';
  },
  long: () => {
    let s = 'id,name,score,price,city,note,ts\n';
    const cities = ['Paris', 'Oslo', 'Lima'];
    for (let i = 0; s.length < 11.5e6; i++) {
      s += `${i},user${(i * 7919) % 100003},${(i % 1000) / 7},${((i * 13.37) % 9999).toFixed(2)},${cities[i % 3]},"note ${i}, with a comma",2024-01-${String((i % 28) + 1).padStart(2, '0')}\n`;
    }
    return s;
  },
};

function run(shape) {
  return new Promise((done, fail) => {
    const t = process.hrtime.bigint();
    const child = spawn(process.execPath, [bundle], {
      cwd: work,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: {
        PATH: process.env.PATH,
        GITHUB_WORKSPACE: work,
        RUNNER_TEMP: work,
        GITHUB_OUTPUT: join(work, 'output'),
        GITHUB_STEP_SUMMARY: join(work, 'summary'),
        INPUT_DATA: `${shape}.csv`,
        'INPUT_INFER-SCHEMA': `${shape}.schema.yml`,
        'INPUT_REPORT-DIR': join(work, 'report'),
        'INPUT_FAIL-ON': 'error',
        'INPUT_MAX-EXAMPLES': '5',
        NODE_OPTIONS: `--import=${join(work, 'rss.mjs')}`,
      },
    });
    child.on('error', fail);
    child.on('close', async (code) => {
      const seconds = Number(process.hrtime.bigint() - t) / 1e9;
      const kib = existsSync(join(work, 'rss')) ? Number(await readFile(join(work, 'rss'), 'utf8')) : NaN;
      done({ code, seconds, mib: kib / 1024 });
    });
  });
}

await rm(work, { recursive: true, force: true });
await mkdir(work, { recursive: true });
await writeFile(
  join(work, 'rss.mjs'),
  `import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => writeFileSync(${JSON.stringify(join(work, 'rss'))}, String(process.resourceUsage().maxRSS)));\n`,
);
await writeFile(join(work, 'output'), '');
await writeFile(join(work, 'summary'), '');
console.log(`bundle: ${bundle}`);
console.log('shape  size (MB)  exit  peak RSS (MiB)  wall (s)');
for (const [shape, make] of Object.entries(SHAPES)) {
  const text = make();
  await writeFile(join(work, `${shape}.csv`), text);
  await rm(join(work, 'rss'), { force: true });
  const r = await run(shape);
  console.log(
    `${shape.padEnd(5)}  ${(text.length / 1e6).toFixed(1).padStart(9)}  ${String(r.code).padStart(4)}  ${r.mib.toFixed(0).padStart(14)}  ${r.seconds.toFixed(1).padStart(8)}`,
  );
}
