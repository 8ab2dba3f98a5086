// Benchmark: reading a large JUnit XML file (a suite whose every test captured its output), the
// Tests section's parser against Python's streaming stdlib parser (xml.etree iterparse).
// Prints figures; asserts nothing (timings never live in tests).
//
//   node bench/test-results.mjs [--mb 200]
//
// Runs on the TypeScript sources, no build (see sources.mjs).
import './sources.mjs';
import { execFile } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';

const run = promisify(execFile);
const i = process.argv.indexOf('--mb');
const MB = i === -1 ? 200 : Number(process.argv[i + 1]);

// The parse runs in a process of its own, so that its peak RSS is not the file's generation's.
const parseOnly = process.argv.indexOf('--parse');
if (parseOnly !== -1) {
  const file = process.argv[parseOnly + 1];
  const { readTestResults, countCases } = await import('../packages/core/src/test-results/index.ts');
  const before = process.resourceUsage().maxRSS * 1024;
  const t0 = performance.now();
  const { runs } = await readTestResults([file], join(file, '..'));
  const ms = performance.now() - t0;
  const counts = countCases(runs[0].suites.flatMap((s) => s.cases));
  console.log(JSON.stringify({ ms, before, peak: process.resourceUsage().maxRSS * 1024, counts }));
  process.exit(0);
}

const dir = await mkdtemp(join(tmpdir(), 'mlci-bench-tests-'));
const file = join(dir, 'results.xml');
const out = createWriteStream(file);
const write = (s) => (out.write(s) ? undefined : new Promise((r) => out.once('drain', r)));
const OUTPUT = `${'epoch 3/10 loss=0.4312 acc=0.8871 &lt;batch&gt;\n'.repeat(200)}`;
await write('<?xml version="1.0" encoding="utf-8"?><testsuites name="pytest tests"><testsuite name="pytest">');
let cases = 0;
for (let bytes = 0; bytes < MB * 1024 * 1024; cases++) {
  const failure =
    cases % 20 === 0 ? `<failure message="assert 0.81 &gt; 0.9">tests/test_model_${cases % 50}.py:${(cases % 90) + 1}: AssertionError</failure>` : '';
  const chunk = `<testcase classname="tests.test_model_${cases % 50}" name="test_case_${cases}" time="0.012">${failure}<system-out>${OUTPUT}</system-out></testcase>\n`;
  bytes += chunk.length;
  await write(chunk);
}
await write('</testsuite></testsuites>\n');
await new Promise((r) => out.end(r));
const size = (await stat(file)).size;

const { stdout } = await run(process.execPath, [new URL(import.meta.url).pathname, '--parse', file], { maxBuffer: 1 << 20 });
const { ms: ours, before: rssBefore, peak, counts } = JSON.parse(stdout);

const py = `
import resource, sys, time, xml.etree.ElementTree as ET
t = time.perf_counter(); n = f = 0
for _, el in ET.iterparse(sys.argv[1]):
    if el.tag == 'testcase':
        n += 1; f += el.find('failure') is not None; el.clear()
print(n, f, round((time.perf_counter() - t) * 1000), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024)
`;
const peer = await run('python3', ['-c', py, file]).then(
  (r) => r.stdout.trim().split(' ').map(Number),
  () => undefined,
);

const mib = (b) => `${(b / 1024 / 1024).toFixed(0)} MiB`;
console.log(`JUnit XML of ${mib(size)}, ${cases.toLocaleString('en-US')} test cases (${counts.failed.toLocaleString('en-US')} failing)`);
console.log(`  mlci (saxes, streamed)          ${ours.toFixed(0).padStart(6)} ms   peak RSS ${mib(peak)} (${mib(rssBefore)} with the code loaded)`);
if (peer)
  console.log(`  python3 xml.etree iterparse     ${String(peer[2]).padStart(6)} ms   peak RSS ${mib(peer[3])}   (${peer[0]} cases, ${peer[1]} failing)`);
else console.log('  python3 not found: no peer figure');
if (!process.argv.includes('--keep')) await rm(dir, { recursive: true, force: true });
else console.log(file);
