// Benchmark: bounded work on hostile or huge input (issue 8), before and after, with the plain
// peer of each case beside it. Prints figures; asserts nothing (timings never live in tests).
//
//   node bench/bounded.mjs [--before <git ref>] [--timeout <seconds>] [--only <part of a case name>]
//
// The core sources are transpiled twice — as they stand in the work tree ("after") and as they
// stood at the ref ("before", default the commit before the bounded-work changes) — and each case
// runs in its own process against one of them, so a case that hangs or blows up is cut off at the
// timeout and reported as such. Wall time and peak RSS (from /usr/bin/time when present, else the
// child's own report) per case.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, dflt) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : dflt);
const beforeRef = arg('--before', '9c9d209');
const timeoutS = Number(arg('--timeout', '120'));
const out = join(root, 'bench', 'out', 'bounded');
const work = join(tmpdir(), 'mlci-bench-bounded');
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

const git = (...args) => execFileSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });

/** Transpiles packages/core/src (tests left out) from the work tree or a ref into `dest`. */
async function transpile(ref, dest) {
  await rm(dest, { recursive: true, force: true });
  const files = ref
    ? git('ls-tree', '-r', '--name-only', ref, 'packages/core/src').split('\n')
    : git('ls-files', '--cached', '--others', '--exclude-standard', 'packages/core/src').split('\n');
  for (const f of files.filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
    const text = ref ? git('show', `${ref}:${f}`) : await readFile(join(root, f), 'utf8');
    const js = ts.transpileModule(text, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2023 }, fileName: f });
    const to = join(dest, f.replace(/^packages\/core\/src\//, '').replace(/\.ts$/, '.js'));
    await mkdir(dirname(to), { recursive: true });
    await writeFile(to, js.outputText);
  }
}

// ---- inputs ----

async function inputs() {
  await mkdir(work, { recursive: true });
  const f = (name) => join(work, name);
  if (!existsSync(f('line.csv'))) {
    const text = `id,blob\n1,${'y'.repeat(32 * 1024 * 1024)}\n2,z\n`;
    await writeFile(f('line.csv'), text);
    await writeFile(f('line.csv.gz'), gzipSync(text));
    await writeFile(f('nul.csv.gz'), gzipSync(Buffer.alloc(256 * 1024 * 1024)));
  }
  if (!existsSync(f('params.yaml'))) {
    // 999 aliases in three levels: 10 of a 30-key map, 10 of those, 979 of those (24 KB).
    const keys = Array.from({ length: 30 }, (_, i) => `    hyperparameter_${i}: ${'v'.repeat(20)}${i}`).join('\n');
    const level = (name, anchor, alias, n) => `${name}: &${anchor}\n` + Array.from({ length: n }, (_, i) => `  stage_${i}: *${alias}`).join('\n');
    const text = [`base: &base\n  defaults:\n${keys}`, level('group', 'group', 'base', 10), level('suite', 'suite', 'group', 10)];
    text.push(...Array.from({ length: 979 }, (_, i) => `experiment_${i}: *suite`));
    await writeFile(f('params.yaml'), text.join('\n') + '\n');
  }
  if (!existsSync(f('flat.yaml'))) {
    // 999 aliases of one 1,000-key map (24 KB): the library's maxAliasCount lets it through.
    const keys = Array.from({ length: 1000 }, (_, i) => `  p${i}: ${i}`).join('\n');
    await writeFile(f('flat.yaml'), `base: &base\n${keys}\n` + Array.from({ length: 999 }, (_, i) => `s${i}: *base`).join('\n') + '\n');
  }
  if (!existsSync(f('wide.yaml'))) {
    await writeFile(f('wide.yaml'), Array.from({ length: 40_000 }, (_, i) => `m${i}: ${i}`).join('\n') + '\n');
    await writeFile(f('redos.csv'), 'name\n' + Array.from({ length: 4 }, () => 'a'.repeat(28) + 'b').join('\n') + '\n');
    await writeFile(f('plain.csv'), 'name\n' + Array.from({ length: 4 }, () => 'a'.repeat(28)).join('\n') + '\n');
  }
  return f;
}

// ---- cases: each is a small ESM program run against one transpiled core ----

const CASES = [
  {
    name: 'CSV: one 32 MiB line, gzipped',
    peer: 'the same file, plain',
    code: (core, f, plain) => `
      import { openData } from '${core}/data/source.js';
      import { readCsv } from '${core}/data/csv.js';
      const d = await openData(${JSON.stringify(f(plain ? 'line.csv' : 'line.csv.gz'))});
      const s = await readCsv(d.source, d.file, { header() {}, record() {} });
      console.log(s.records + ' records');`,
  },
  {
    name: 'CSV: 256 MiB of NUL bytes, gzipped',
    peer: '(stops at the 64 MiB record limit)',
    code: (core, f) => `
      import { openData } from '${core}/data/source.js';
      import { readCsv } from '${core}/data/csv.js';
      const d = await openData(${JSON.stringify(f('nul.csv.gz'))});
      try { await readCsv(d.source, d.file, { header() {}, record() {} }); console.log('read'); } catch (e) { console.log(e.message.slice(0, 60)); }`,
  },
  {
    name: 'fit: 10,000 sections into 65,536 characters',
    peer: '20 sections',
    code: (core, f, plain) => `
      import { composeReport } from '${core}/report/compose.js';
      import { fitReport } from '${core}/report/fit.js';
      const n = ${plain ? 20 : 10_000};
      const sections = Array.from({ length: n }, (_, i) => ({ schema: 'mlci/section@1', action: 't', id: 's' + i, stage: 'other', title: 's' + i, status: i === 7 ? 'fail' : 'pass', summary: 'summary', markdown: ('line of s' + i + '\\n').repeat(20), created: '' }));
      const fit = fitReport(composeReport({ id: 'r', title: 'T', sections }), { limit: 65536 });
      console.log(fit.body.length + ' chars, ' + fit.cut.length + ' cut');`,
  },
  {
    name: 'fit: one 60 MB section into 65,536 characters',
    peer: 'one 200 KB section',
    code: (core, f, plain) => `
      import { composeReport } from '${core}/report/compose.js';
      import { fitReport } from '${core}/report/fit.js';
      const line = 'x'.repeat(99) + '\\n';
      const markdown = line.repeat(${plain ? 2_000 : 600_000});
      const fit = fitReport(composeReport({ id: 'r', title: 'T', sections: [{ schema: 'mlci/section@1', action: 't', id: 'h', stage: 'other', title: 'h', status: 'fail', summary: 's', markdown, created: '' }] }), { limit: 65536 });
      console.log(fit.body.length + ' chars');`,
  },
  {
    name: 'params.yaml: 999 aliases in three levels (24 KB), flattened',
    peer: 'the anchored map alone',
    code: (core, f, plain) => `
      import { readFile } from 'node:fs/promises';
      import { readFlat } from '${core}/metrics/load.js';
      let text = await readFile(${JSON.stringify(f('params.yaml'))}, 'utf8');
      ${plain ? "text = text.split('\\n').slice(0, 32).join('\\n');" : ''}
      try { console.log(Object.keys(readFlat(text, 'params.yaml')).length + ' keys'); } catch (e) { console.log(e.name + ': ' + e.message.slice(0, 50)); }`,
  },
  {
    name: 'params.yaml: 999 aliases of one 1,000-key map (24 KB), flattened and shown',
    peer: 'the anchored map alone',
    code: (core, f, plain) => `
      import { readFile } from 'node:fs/promises';
      import { readFlat } from '${core}/metrics/load.js';
      import { diffParams } from '${core}/metrics/diff.js';
      import { renderMetricsMarkdown } from '${core}/metrics/markdown.js';
      let text = await readFile(${JSON.stringify(f('flat.yaml'))}, 'utf8');
      ${plain ? "text = text.split('\\n').slice(0, 1001).join('\\n');" : ''}
      try {
        const flat = readFlat(text, 'params.yaml');
        const params = diffParams(undefined, new Map([['params.yaml', flat]]));
        const md = renderMetricsMarkdown({ passed: true, baseline: false, metrics: [], params, gates: [] }, { showUnchanged: true });
        console.log(Object.keys(flat).length + ' keys, ' + md.length + ' chars of markdown');
      } catch (e) { console.log(e.name + ': ' + e.message.slice(0, 50)); }`,
  },
  {
    name: 'metrics.yaml: one mapping of 40,000 keys',
    peer: 'the same as JSON',
    code: (core, f, plain) => `
      import { readFile } from 'node:fs/promises';
      import { readFlat } from '${core}/metrics/load.js';
      const text = await readFile(${JSON.stringify(f('wide.yaml'))}, 'utf8');
      const json = JSON.stringify(Object.fromEntries(text.trim().split('\\n').map((l) => [l.split(': ')[0], Number(l.split(': ')[1])])));
      console.log(Object.keys(${plain ? "readFlat(json, 'm.json')" : "readFlat(text, 'm.yaml')"}).length + ' keys');`,
  },
  {
    name: 'pattern ^(a+)+$ on 4 rows of 28 a and a b',
    peer: 'rows without the b',
    code: (core, f, plain) => `
      import { validateData } from '${core}/data/validate.js';
      import { parseSchema } from '${core}/data/schema.js';
      const schema = await parseSchema('columns:\\n  name:\\n    type: string\\n    pattern: "^(a+)+$"\\n');
      const r = await validateData(${JSON.stringify(f(plain ? 'plain.csv' : 'redos.csv'))}, { schema });
      console.log(r.errors + ' failed checks');`,
  },
  {
    name: 'Parquet: flights-3m.parquet (3M rows), a schema naming 1 of its 5 columns',
    peer: 'a schema naming all 5 (every page decoded, before and after)',
    code: (core, f, plain) => `
      import { validateData } from '${core}/data/validate.js';
      import { parseSchema } from '${core}/data/schema.js';
      const schema = await parseSchema(${JSON.stringify(
        'columns:\n  delay: { type: integer }\n' +
          (plain ? '  distance: { type: integer }\n  origin: { type: string }\n  destination: { type: string }\n  date: { type: date }\n' : ''),
      )});
      const r = await validateData(${JSON.stringify(join(root, 'node_modules/vega-datasets/data/flights-3m.parquet'))}, { schema });
      console.log(r.rows + ' rows, ' + r.errors + ' failed checks');`,
  },
];

function runCase(program) {
  return new Promise((resolve) => {
    const file = join(work, `case-${Math.random().toString(36).slice(2)}.mjs`);
    writeFile(file, program).then(() => {
      const cmd = TIME ? [TIME, ['-f', '__RSS_KIB=%M', process.execPath, file]] : [process.execPath, [file]];
      const t0 = performance.now();
      const child = spawn(cmd[0], cmd[1], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        process.kill(-child.pid, 'SIGKILL');
      }, timeoutS * 1000);
      child.on('close', (code) => {
        clearTimeout(timer);
        const seconds = (performance.now() - t0) / 1000;
        const rss = Number(/__RSS_KIB=(\d+)/.exec(stderr)?.[1] ?? NaN) / 1024;
        const crash = /RangeError[^\n]*|FATAL ERROR[^\n]*|heap out of memory/.exec(stderr)?.[0];
        const what = timedOut
          ? `killed after ${timeoutS} s`
          : code !== 0
            ? `crashed: ${(crash ?? stderr.split('\n')[0]).slice(0, 60)}`
            : stdout.trim().split('\n').at(-1);
        resolve({ seconds, rss, what, timedOut });
      });
    });
  });
}

const fmt = (r) => `${r.timedOut ? `>${timeoutS}` : r.seconds.toFixed(2)} s, ${Number.isNaN(r.rss) ? '?' : Math.round(r.rss)} MB — ${r.what}`;

await transpile(beforeRef, join(out, 'before'));
await transpile(null, join(out, 'after'));
const f = await inputs();
console.log(`before: ${beforeRef}; after: the work tree; timeout ${timeoutS} s\n`);
const only = arg('--only', '');
for (const c of CASES.filter((c) => c.name.includes(only))) {
  const before = await runCase(c.code(join(out, 'before'), f, false));
  const after = await runCase(c.code(join(out, 'after'), f, false));
  const peer = c.peer.startsWith('(') ? undefined : await runCase(c.code(join(out, 'after'), f, true));
  console.log(`${c.name}\n  before: ${fmt(before)}\n  after:  ${fmt(after)}\n  peer:   ${peer ? `${fmt(peer)} (${c.peer})` : c.peer}\n`);
}
