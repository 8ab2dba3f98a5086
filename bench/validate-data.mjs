// Benchmark: the validate-data bundle, run as the Actions runner runs it, against pandas and
// DuckDB doing the same checks, on CSVs made from vega-datasets' flights-3m.parquet. Prints figures
// side by side and asserts that the three contenders count the same failing rows for every check
// (so they did equal work); timings are printed, never asserted in tests.
//
//   npm run build && node bench/validate-data.mjs [--runs 5] [--only 1M] [--bundle dist/validate-data/index.js] [--before old/index.js]
//
// Each contender runs as its own process, the rounds interleaved (wc, mlci, pandas, DuckDB, then
// again) so a busy moment on a shared machine hits all alike; the table shows the median wall time
// and the largest peak RSS (GNU time's %M: `apt-get install -y time` where /usr/bin/time is absent).
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { asyncBufferFromFile, parquetMetadataAsync, parquetRead } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { runnerEnvironment } from '../test/support/runner-env.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
const runs = Number(arg('--runs', 5));
const only = arg('--only', null);
const work = join(tmpdir(), 'mlci-bench-validate-data');
const TIME = '/usr/bin/time';
const NODE = process.execPath;
const PYTHON = '/usr/bin/python3';
const BUNDLE = arg('--bundle', join(root, 'dist', 'validate-data', 'index.js'));
// Another build of the bundle (a copy of an older dist/validate-data/) measured in the same rounds.
const BEFORE = arg('--before', null);
if (!existsSync(TIME)) throw new Error('/usr/bin/time (GNU time) is needed for peak RSS: apt-get install -y time');
if (!existsSync(BUNDLE)) throw new Error('dist/validate-data/index.js is missing: npm run build');

const ENUM = ['ATL', 'ORD', 'DFW', 'LAX', 'DEN', 'PHX', 'IAH', 'LAS', 'DTW', 'SFO', 'MSP', 'EWR', 'SLC', 'MCO', 'CLT', 'BOS'];
const SCHEMAS = {
  a: {
    title: 'date, integer, range, pattern',
    yaml: `columns:
  id:          { type: integer }
  date:        { type: date }
  delay:       { type: integer, min: -20, max: 300 }
  distance:    { type: integer, min: 100 }
  origin:      { type: string, pattern: "^[A-Z]{3}$" }
  destination: { type: string }
`,
  },
  b: {
    title: 'unique, enum, nullable numbers',
    yaml: `columns:
  id:          { type: integer, unique: true }
  date:        { type: string }
  delay:       { type: number, nullable: true, min: -20 }
  distance:    { type: number, nullable: true, max: 2000 }
  origin:      { type: string, enum: [${ENUM.join(', ')}] }
  destination: { type: string }
`,
  },
};

/**
 * The first `rows` flights as CSV: an id column, ISO timestamps, and a few faults injected at fixed
 * rows so that every check of both schemas has failing rows: an origin that breaks the pattern, an
 * empty and a fractional delay, an empty and a fractional distance, February 30th, a repeated id.
 */
async function makeCsv(file, rows) {
  if (existsSync(file)) return;
  const buffer = await asyncBufferFromFile(join(root, 'node_modules/vega-datasets/data/flights-3m.parquet'));
  const metadata = await parquetMetadataAsync(buffer);
  const ws = createWriteStream(`${file}.part`);
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
      const i = id++;
      let date = r[0].toISOString().slice(0, 19).replace('T', ' ');
      let delay = String(r[1]);
      let distance = String(r[2]);
      let origin = r[3];
      let rowId = i;
      if (i % 100_003 === 17) origin = 'Sf0';
      if (i % 100_019 === 29) delay = '';
      if (i % 100_043 === 41) delay = '2.5';
      if (i % 100_057 === 53) date = `${date.slice(0, 4)}-02-30 12:00:00`;
      if (i % 100_069 === 61) rowId = i - 1;
      if (i % 100_103 === 71) distance = '';
      if (i % 100_129 === 83) distance = '12.5';
      text += `${rowId},${date},${delay},${distance},${origin},${r[4]}\n`;
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
  await rename(`${file}.part`, file);
}

/** The runner's environment for one validate-data step over `data` in `workspace`. */
async function stepEnv(workspace, data, schema) {
  const temp = join(work, 'runner-temp');
  const folder = join(temp, '_runner_file_commands');
  await mkdir(folder, { recursive: true });
  const commands = {};
  for (const name of ['output', 'summary', 'env', 'state', 'path']) {
    commands[name] = join(folder, `set_${name}`);
    await writeFile(commands[name], '');
  }
  const eventPath = join(temp, 'event.json');
  await writeFile(eventPath, '{}');
  const env = runnerEnvironment({ workspace, runnerTemp: temp, eventPath, commands });
  Object.assign(env, {
    INPUT_DATA: data,
    INPUT_SCHEMA: schema,
    'INPUT_INFER-SCHEMA': '',
    INPUT_REFERENCE: '',
    'INPUT_FAIL-ON': 'never',
    'INPUT_MAX-EXAMPLES': '5',
    INPUT_SAMPLE: '',
    'INPUT_REPORT-DIR': '',
    'INPUT_GITHUB-TOKEN': '',
  });
  return { env, output: commands.output };
}

/** Failing rows per `column.check` from the step's result-json output. */
async function mlciCounts(outputFile) {
  const text = await readFile(outputFile, 'utf8');
  // Emptied for the next step, as the runner gives each step a file of its own.
  await writeFile(outputFile, '');
  const m = /result-json<<(\S+)\n([^\n]*)\n/.exec(text);
  if (!m) throw new Error(`no result-json output in ${outputFile}:\n${text}`);
  const result = JSON.parse(await readFile(m[2], 'utf8'));
  return { rows: result.rows, failed: Object.fromEntries(result.checks.map((c) => [`${c.column}.${c.check}`, c.failed_rows])) };
}

function run(c) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(TIME, ['-f', '\n__RSS_KIB=%M', c.cmd, ...c.args], { cwd: c.cwd, env: c.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', async (code) => {
      const seconds = (performance.now() - t0) / 1000;
      if (code !== 0) return reject(new Error(`${c.cmd} ${c.args.join(' ')} exited ${code}:\n${out}\n${err}`));
      try {
        const report = c.counts ? await c.counts(out) : null;
        resolve({ seconds, rssKiB: Number(/__RSS_KIB=(\d+)/.exec(err)[1]), report });
      } catch (e) {
        reject(e);
      }
    });
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** `runs` rounds of every contender in turn; median time, largest peak RSS, the first run's counts. */
async function measureTogether(contenders) {
  const all = contenders.map(() => []);
  for (let i = 0; i < runs; i++) for (const [k, c] of contenders.entries()) all[k].push(await run(c));
  return contenders.map((c, k) => ({
    label: c.label,
    seconds: median(all[k].map((r) => r.seconds)),
    rssKiB: Math.max(...all[k].map((r) => r.rssKiB)),
    report: all[k][0].report,
  }));
}

/** The three must agree on every check the schema's faults break, and each must have failures. */
function assertSameWork(label, results) {
  const [mlci, ...others] = results;
  for (const o of others) {
    if (o.report.rows !== mlci.report.rows) throw new Error(`${label}: ${o.label} read ${o.report.rows} rows, mlci ${mlci.report.rows}`);
    for (const [key, n] of Object.entries(o.report.failed)) {
      const ours = mlci.report.failed[key] ?? 0;
      if (ours !== n) throw new Error(`${label}: ${key} failed ${ours} rows in mlci, ${n} in ${o.label}`);
      if (n === 0) throw new Error(`${label}: ${key} has no failing rows: the bench data must break every check it compares`);
    }
  }
  const compared = new Set(others.flatMap((o) => Object.keys(o.report.failed)));
  for (const [key, n] of Object.entries(mlci.report.failed)) {
    if (n > 0 && !compared.has(key)) throw new Error(`${label}: mlci failed ${key} (${n} rows), which the others do not check`);
  }
  return [...compared].sort().map((k) => `${k} ${mlci.report.failed[k]}`);
}

await mkdir(work, { recursive: true });
const sizes = [
  ['1M', 1_000_000],
  ['3M', 3_000_000],
].filter(([label]) => !only || only === label);
console.log(`preparing ${work} (cached between runs) ...`);
for (const [label, n] of sizes) await makeCsv(join(work, `flights-${label.toLowerCase()}-faults.csv`), n);
for (const [key, s] of Object.entries(SCHEMAS)) await writeFile(join(work, `schema-${key}.yml`), s.yaml);

const table = [];
for (const [key, schema] of Object.entries(SCHEMAS)) {
  for (const [label] of sizes) {
    const name = `flights-${label.toLowerCase()}-faults.csv`;
    const file = join(work, name);
    const step = await stepEnv(work, name, `schema-${key}.yml`);
    const json = (out) => JSON.parse(out.trim().split('\n').pop());
    // The same bundle kept to one thread: ranges larger than any file (see core's data/ranges.ts).
    const oneThread = { ...step.env, MLCI_DATA_RANGE_BYTES: String(2 ** 50) };
    // And made to use its workers at both sizes: a range size given lowers the size that starts them to two ranges.
    const twoThreads = { ...step.env, MLCI_DATA_RANGE_BYTES: String(4 << 20) };
    const [wc, mlci, mlci1, mlci2, pandas, duckdb, before] = await measureTogether([
      { label: 'wc -l', cmd: 'wc', args: ['-l', file] },
      { label: 'mlci', cmd: NODE, args: [BUNDLE], cwd: work, env: step.env, counts: () => mlciCounts(step.output) },
      { label: 'mlci, one thread', cmd: NODE, args: [BUNDLE], cwd: work, env: oneThread, counts: () => mlciCounts(step.output) },
      { label: 'mlci, two threads', cmd: NODE, args: [BUNDLE], cwd: work, env: twoThreads, counts: () => mlciCounts(step.output) },
      { label: 'pandas', cmd: PYTHON, args: [join(root, 'bench', 'validate-data.py'), file, key, ENUM.join(',')], counts: json },
      { label: 'DuckDB', cmd: NODE, args: [join(root, 'bench', 'validate-data-duckdb.mjs'), file, key, ENUM.join(',')], counts: json },
      ...(BEFORE ? [{ label: 'mlci before', cmd: NODE, args: [BEFORE], cwd: work, env: step.env, counts: () => mlciCounts(step.output) }] : []),
    ]);
    if (before && JSON.stringify(before.report) !== JSON.stringify(mlci.report))
      throw new Error(`${label} schema ${key}: the --before bundle counted otherwise`);
    const agreed = assertSameWork(`${label} schema ${key}`, [mlci, pandas, duckdb]);
    if (JSON.stringify(mlci1.report) !== JSON.stringify(mlci.report)) throw new Error(`${label} schema ${key}: one thread counted otherwise`);
    if (JSON.stringify(mlci2.report) !== JSON.stringify(mlci.report)) throw new Error(`${label} schema ${key}: two threads counted otherwise`);
    table.push({ key, title: schema.title, label, size: (await stat(file)).size, wc, mlci, mlci1, mlci2, pandas, duckdb, before, agreed });
    console.log(`${label}, schema ${key}: same failing rows in all three: ${agreed.join(', ')}`);
  }
}

const mib = (kib) => `${(kib / 1024).toFixed(0)} MiB`;
const sec = (s) => `${s.toFixed(2)} s`;
const x = (a, b) => `${(a / b).toFixed(2)}×`;
console.log(`\nvalidate-data — median of ${runs} interleaved runs, ${NODE === process.execPath ? `Node ${process.version}` : NODE}, peak RSS from GNU time\n`);
const beforeHead = BEFORE ? ' mlci before |' : '';
console.log(
  `| schema | rows | wc -l |${beforeHead} mlci (bundle) | mlci, one thread | mlci, two threads | pandas | DuckDB (2 threads) | mlci / pandas | mlci / DuckDB |`,
);
console.log(`| --- | --- | --- |${BEFORE ? ' --- |' : ''} --- | --- | --- | --- | --- | --- | --- |`);
for (const r of table) {
  const cell = (c) => `${sec(c.seconds)}, ${mib(c.rssKiB)}`;
  console.log(
    `| ${r.title} | ${r.label} (${(r.size / 1048576).toFixed(0)} MiB) | ${sec(r.wc.seconds)} |${r.before ? ` ${cell(r.before)} |` : ''} ${cell(r.mlci)} | ${cell(r.mlci1)} | ${cell(r.mlci2)} | ${cell(r.pandas)} | ${cell(r.duckdb)} | ` +
      `${x(r.mlci.seconds, r.pandas.seconds)} | ${x(r.mlci.seconds, r.duckdb.seconds)} |`,
  );
}
console.log('');
for (const key of Object.keys(SCHEMAS)) {
  const one = table.find((r) => r.key === key && r.label === '1M');
  const three = table.find((r) => r.key === key && r.label === '3M');
  if (one) {
    console.log(
      `schema ${key}, 1M: time vs pandas ${x(one.mlci.seconds, one.pandas.seconds)} (target ≤ 0.50×), vs DuckDB ${x(one.mlci.seconds, one.duckdb.seconds)} (target ≤ 1.00×); ` +
        `peak ${mib(one.mlci.rssKiB)} vs pandas ${mib(one.pandas.rssKiB)}, DuckDB ${mib(one.duckdb.rssKiB)}`,
    );
  }
  if (one && three) {
    console.log(
      `schema ${key}: mlci peak RSS 3M / 1M ${x(three.mlci.rssKiB, one.mlci.rssKiB)} (target ≤ 1.20×); ` +
        `at one thread count: one thread ${x(three.mlci1.rssKiB, one.mlci1.rssKiB)}, two threads ${x(three.mlci2.rssKiB, one.mlci2.rssKiB)}`,
    );
  }
}
