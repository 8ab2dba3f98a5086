#!/usr/bin/env node
// The bundled example, end to end, as a user would run mlci on a laptop: `mlci train` the base
// (what main trains) and the head (this change), validate the head's data against the base's,
// compare the two runs' metrics and params with the gates and charts, and build the report.
// Every figure in the report is computed by this run; the run-cache of `mlci train` is a fresh
// temp folder, so nothing is restored from an earlier run.
//
//   node examples/penguins/run.mjs [--out DIR] [--gates FILE]
//
// DIR defaults to mlci-report (which git ignores); FILE to the example's gates.yml (try your own).
//
// Every step runs in DIR/work, a fresh copy of the example laid out like a repository (the base
// run's files under base/, as `--baseline file:base` reads them); the report lands in
// DIR/report.md and DIR/report.html. Exits 1 when a step failed, after writing the report anyway
// so it shows what failed.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');
const CLI = join(ROOT, 'packages/cli/lib/main.js');

const { values: args } = parseArgs({ options: { out: { type: 'string', default: 'mlci-report' }, gates: { type: 'string' } } });
const out = resolve(args.out);
const work = join(out, 'work');
if (!existsSync(CLI)) {
  console.error(`run.mjs: ${CLI} is missing: run \`npm run build\` first (\`npm run example\` does)`);
  process.exit(1);
}

// A fresh workspace, so no section of an earlier run can slip into this report.
rmSync(work, { recursive: true, force: true });
mkdirSync(join(work, 'base', 'data'), { recursive: true });
mkdirSync(join(work, 'data'), { recursive: true });
for (const f of ['params.yaml', 'schema.yml', 'plots.yml', 'train.mjs']) cpSync(join(HERE, f), join(work, f));
cpSync(join(HERE, 'train.mjs'), join(work, 'base', 'train.mjs'));
cpSync(args.gates ? resolve(args.gates) : join(HERE, 'gates.yml'), join(work, 'gates.yml'));
cpSync(join(HERE, 'data', 'penguins.csv'), join(work, 'data', 'penguins.csv'));
cpSync(join(HERE, 'base', 'params.yaml'), join(work, 'base', 'params.yaml'));
cpSync(join(HERE, 'base', 'penguins.csv'), join(work, 'base', 'data', 'penguins.csv'));

// The variables of a CI system would change where sections go and which run they belong to.
const env = { ...process.env };
for (const k of Object.keys(env)) if (k.startsWith('GITHUB_') || k.startsWith('MLCI_') || k === 'RUNNER_TEMP' || k === 'CI') delete env[k];

const steps = [];
function step(name, argv, cwd) {
  console.log(`\n$ ${name}`);
  const r = spawnSync(process.execPath, argv, { cwd, env, stdio: 'inherit' });
  const code = r.status ?? 1;
  steps.push({ name, code });
  return code;
}
const REPORT_DIR = '.mlci/report';
const CACHE_DIR = mkdtempSync(join(tmpdir(), 'mlci-example-cache-'));
// The training script is the repository's own; mlci train runs it, measures it and keeps what it made.
const train = (reportDir) => [
  CLI,
  'train',
  '--run',
  'node train.mjs --data data/penguins.csv --params params.yaml --out eval',
  '--cache-inputs',
  'train.mjs,data/penguins.csv,params.yaml',
  '--outputs',
  'eval/',
  '--metrics',
  'eval/metrics.json',
  '--params',
  'params.yaml',
  '--cache-dir',
  CACHE_DIR,
  '--report-dir',
  reportDir,
];

// The base run writes into its own report directory: it is main's run, not a section of this report.
step('mlci train (base)', train('.mlci/base-report'), join(work, 'base'));
step('mlci train', train(REPORT_DIR), work);
step(
  'mlci validate',
  [CLI, 'validate', '--data', 'data/penguins.csv', '--schema', 'schema.yml', '--reference', 'base/data/penguins.csv', '--report-dir', REPORT_DIR],
  work,
);
step(
  'mlci compare',
  [
    CLI,
    'compare',
    '--metrics',
    'eval/metrics.json',
    '--params',
    'params.yaml',
    '--baseline',
    'file:base',
    '--gates',
    'gates.yml',
    '--plots',
    'plots.yml',
    '--report-dir',
    REPORT_DIR,
  ],
  work,
);

// The author's notes, with a chart of this run's data: rows per island, base and head.
const islands = (file) => {
  const [header, ...rows] = readFileSync(file, 'utf8').trim().split('\n');
  const col = header.split(',').indexOf('island');
  const counts = {};
  for (const r of rows) counts[r.split(',')[col]] = (counts[r.split(',')[col]] ?? 0) + 1;
  return counts;
};
const head = islands(join(work, 'data', 'penguins.csv'));
const base = islands(join(work, 'base', 'data', 'penguins.csv'));
const names = [...new Set([...Object.keys(base), ...Object.keys(head)])].sort();
const notes = readFileSync(join(HERE, 'NOTES.md'), 'utf8').replace(
  '<!-- islands chart -->',
  [
    '```mermaid',
    'xychart-beta',
    '  title "Rows per island (bars: this change, line: base)"',
    `  x-axis [${names.map((n) => JSON.stringify(n)).join(', ')}]`,
    '  y-axis "rows"',
    `  bar [${names.map((n) => head[n] ?? 0).join(', ')}]`,
    `  line [${names.map((n) => base[n] ?? 0).join(', ')}]`,
    '```',
  ].join('\n'),
);
writeFileSync(join(work, 'notes.md'), notes);

step('mlci report', [CLI, 'report', '--report-dir', REPORT_DIR, '--markdown', 'notes.md', '--title', 'mlci example: penguins', '--out', out], work);

const failed = steps.filter((s) => s.code !== 0);
console.log(`\nrun.mjs: ${steps.length} steps, ${failed.length ? 'failed: ' + failed.map((s) => `${s.name} (exit ${s.code})`).join(', ') : 'all passed'}`);
console.log(`  ${join(out, 'report.md')}\n  ${join(out, 'report.html')}`);
rmSync(CACHE_DIR, { recursive: true, force: true });
process.exitCode = failed.length ? 1 : 0;
