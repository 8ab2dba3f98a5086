// Benchmark: validate-data against pandas on CSVs made from vega-datasets' flights-3m.parquet.
// Prints figures side by side; asserts nothing (timings never live in tests).
//
//   node bench/validate-data.mjs [--runs 3]
//
// Each contender runs as its own process, several times; the table shows the median wall time
// and the largest peak RSS. Peak RSS comes from `/usr/bin/time -f %M` when present, else from the
// process's own report (Node's process.resourceUsage().maxRSS, Python's getrusage).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile, stat } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { asyncBufferFromFile, parquetMetadataAsync, parquetRead } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 3;
const work = join(tmpdir(), 'mlci-bench-validate-data');
const coreOut = join(root, 'bench', 'out', 'validate-data', 'core');
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const NODE = process.execPath;
const PYTHON = '/usr/bin/python3';

/** Transpiles the core sources the validator uses to plain JS (what the ncc bundle runs). */
async function transpileCore() {
  const src = join(root, 'packages', 'core', 'src');
  // All of it: the data modules reach into errors/, files/, section/ and more.
  const files = (await readdir(src, { recursive: true })).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  for (const f of files) {
    const out = ts.transpileModule(await readFile(join(src, f), 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2023 },
      fileName: f,
    });
    const dest = join(coreOut, f.replace(/\.ts$/, '.js'));
    await mkdir(dirname(dest), { recursive: true });
    await writeFile(dest, out.outputText);
  }
}

/** The first `rows` flights as CSV with an id column (unique by construction). */
async function makeCsv(file, rows) {
  if (existsSync(file)) return;
  const buffer = await asyncBufferFromFile(join(root, 'node_modules/vega-datasets/data/flights-3m.parquet'));
  const metadata = await parquetMetadataAsync(buffer);
  const ws = createWriteStream(file + '.part');
  ws.write('id,date,delay,distance,origin,destination\n');
  let id = 0;
  let start = 0;
  for (const group of metadata.row_groups) {
    const end = Math.min(start + Number(group.num_rows), rows);
    if (start >= end) break;
    let data = [];
    await parquetRead({ file: buffer, metadata, compressors, rowStart: start, rowEnd: end, onComplete: (r) => (data = r) });
    let text = '';
    for (const r of data) {
      text += `${id++},${r[0].toISOString().slice(0, 19).replace('T', ' ')},${r[1]},${r[2]},${r[3]},${r[4]}\n`;
      if (text.length > 1 << 20) {
        if (!ws.write(text)) await new Promise((res) => ws.once('drain', res));
        text = '';
      }
    }
    ws.write(text);
    start = end;
  }
  ws.end();
  await new Promise((res) => ws.on('finish', res));
  const { rename } = await import('node:fs/promises');
  await rename(file + '.part', file);
}

function run(cmd, args) {
  return new Promise((resolve, reject) => {
    const full = TIME ? [TIME, ['-f', '\n__RSS_KIB=%M', cmd, ...args]] : [cmd, args];
    const t0 = performance.now();
    const child = spawn(full[0], full[1], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - t0) / 1000;
      if (code !== 0) return reject(new Error(`${cmd} ${args.join(' ')} exited ${code}: ${err}`));
      const rss = /__RSS_KIB=(\d+)/.exec(err);
      let report = {};
      const json = out.trim().split('\n').pop();
      try {
        report = JSON.parse(json);
      } catch {
        /* wc -l */
      }
      resolve({ seconds, rssKiB: rss ? Number(rss[1]) : report.max_rss_kib, report, out });
    });
  });
}

function summarise(all) {
  const times = all.map((r) => r.seconds).sort((a, b) => a - b);
  return { seconds: times[Math.floor(times.length / 2)], rssKiB: Math.max(...all.map((r) => r.rssKiB ?? 0)), report: all[0].report };
}

/** Runs the contenders in turn, `runs` rounds, so a busy moment on the machine hits all alike. */
async function measureTogether(commands) {
  const all = commands.map(() => []);
  for (let i = 0; i < runs; i++) {
    for (const [k, c] of commands.entries()) if (c) all[k].push(await run(c[0], c[1]));
  }
  return commands.map((c, k) => (c ? summarise(all[k]) : null));
}

const SCHEMA = `columns:
  id:          { type: integer, unique: true }
  date:        { type: date }
  delay:       { type: integer, min: -1000, max: 2000 }
  distance:    { type: integer, min: 0 }
  origin:      { type: string }
  destination: { type: string }
`;

await mkdir(work, { recursive: true });
const f1 = join(work, 'flights-1m.csv');
const f3 = join(work, 'flights-3m.csv');
console.log(`preparing ${relative(process.cwd(), work) || work} (cached between runs) ...`);
await makeCsv(f1, 1_000_000);
await makeCsv(f3, 3_000_000);
const schemaFile = join(work, 'schema.yml');
await writeFile(schemaFile, SCHEMA);
await transpileCore();
const child = join(root, 'bench', 'validate-data-child.mjs');
const pandas = join(root, 'bench', 'validate-data.py');

const rows = [];
for (const [label, file] of [
  ['1M', f1],
  ['3M', f3],
]) {
  const size = (await stat(file)).size;
  const [wc, ours, py] = await measureTogether([
    ['wc', ['-l', file]],
    [NODE, [child, coreOut, file, schemaFile]],
    existsSync(PYTHON) ? [PYTHON, [pandas, file]] : null,
  ]);
  rows.push({ label, size, wc, ours, py });
}

const mib = (kib) => (kib ? (kib / 1024).toFixed(0) + ' MiB' : 'n/a');
const sec = (s) => s.toFixed(2) + ' s';
console.log(`\nvalidate-data benchmark — median of ${runs} interleaved runs, Node ${process.version}${TIME ? ', peak RSS from /usr/bin/time' : ''}\n`);
console.log('| file | wc -l | validate-data | peak RSS | pandas | peak RSS | time vs pandas | failed checks (ours / pandas) |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of rows) {
  const ratio = r.py ? (r.ours.seconds / r.py.seconds).toFixed(2) + 'x' : 'n/a';
  console.log(
    `| ${r.label} rows, ${(r.size / 1048576).toFixed(0)} MiB | ${sec(r.wc.seconds)} | ${sec(r.ours.seconds)} | ${mib(r.ours.rssKiB)} | ` +
      `${r.py ? sec(r.py.seconds) : 'n/a'} | ${r.py ? mib(r.py.rssKiB) : 'n/a'} | ${ratio} | ` +
      `${JSON.stringify(r.ours.report.failed)} / ${r.py ? JSON.stringify(r.py.report.failed) : 'n/a'} |`,
  );
}
const [one, three] = rows;
console.log(`\npeak RSS 3M / 1M: ${(three.ours.rssKiB / one.ours.rssKiB).toFixed(2)} (target <= 1.2)`);
if (one.py) console.log(`wall time 1M vs pandas: ${(one.ours.seconds / one.py.seconds).toFixed(2)} (target <= 0.5)`);
