// Benchmark: publish-model's OCI destination (issue 11). Pushes a 1 GiB model folder to a loopback
// registry (Debian's docker-registry, started here) and pulls it back, beside `cp -r` of the same
// files: wall time and peak RSS of each, so memory can be seen to stay flat (files are streamed,
// never read whole). Prints figures; asserts nothing (timings never live in tests).
//
//   npx tsc -b && node bench/oci-push.mjs [--gib <size>] [--keep]
//
// The model folder is made once under the temp directory (random bytes: weights do not compress)
// and reused; files are hashed before the timed runs, as publish-model hashes them for its manifest.
import { execFileSync, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, dflt) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : dflt);
const GiB = 1024 ** 3;
const total = Math.round(Number(arg('--gib', '1')) * GiB);
const work = join(tmpdir(), 'mlci-bench-oci');
const model = join(work, `model-${total}`);
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const REGISTRY = '/usr/bin/docker-registry';
const lib = join(root, 'packages', 'core', 'lib', 'oci', 'index.js');

if (!existsSync(REGISTRY)) throw new Error(`${REGISTRY} is missing: apt-get install docker-registry`);
if (!existsSync(lib)) throw new Error('packages/core/lib is not built: run `npx tsc -b` first');

/** A model folder: one big weights file, two shards, small configs (3/4, 1/8, 1/8 of the size). */
async function makeModel() {
  const files = { 'model.safetensors': Math.floor(total * 0.75), 'shards/extra-1.bin': Math.floor(total / 8) };
  files['shards/extra-2.bin'] = total - files['model.safetensors'] - files['shards/extra-1.bin'];
  if (!existsSync(join(model, '.done'))) {
    await rm(model, { recursive: true, force: true });
    for (const [p, size] of Object.entries(files)) {
      await mkdir(dirname(join(model, p)), { recursive: true });
      const out = createWriteStream(join(model, p));
      const block = randomBytes(4 * 1024 * 1024);
      for (let n = 0; n < size; n += block.length) {
        block.writeUInt32LE(n >>> 0, 0); // no two blocks alike
        if (!out.write(n + block.length <= size ? Buffer.from(block) : block.subarray(0, size - n))) await new Promise((r) => out.once('drain', r));
      }
      await new Promise((r) => out.end(r));
    }
    await writeFile(join(model, 'config.json'), JSON.stringify({ hidden: 768, layers: 12 }));
    await writeFile(join(model, 'tokenizer.json'), JSON.stringify({ vocab: { a: 1 } }));
    await writeFile(join(model, '.done'), '');
  }
  const out = [];
  for (const p of [...Object.keys(files), 'config.json', 'tokenizer.json']) {
    const absolutePath = join(model, p);
    const h = createHash('sha256');
    for await (const c of createReadStream(absolutePath)) h.update(c);
    out.push({ path: p, absolutePath, size: (await stat(absolutePath)).size, sha256: h.digest('hex') });
  }
  return out;
}

async function freePort() {
  const s = createServer();
  await new Promise((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address();
  await new Promise((r) => s.close(r));
  return port;
}

async function startRegistry() {
  const dir = join(work, 'registry');
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const host = `127.0.0.1:${await freePort()}`;
  const config = {
    version: 0.1,
    log: { level: 'error', accesslog: { disabled: true } },
    storage: { filesystem: { rootdirectory: join(dir, 'storage') } },
    http: { addr: host },
  };
  await writeFile(join(dir, 'config.yml'), JSON.stringify(config));
  const child = spawn(REGISTRY, ['serve', join(dir, 'config.yml')], { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://${host}/v2/`)).ok) return { host, close: () => child.kill('SIGTERM') };
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error('docker-registry did not start');
}

/** Runs a command under /usr/bin/time: wall seconds and peak RSS (MiB) of it and its children. */
function measure(cmd, args) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const [c, a] = TIME ? [TIME, ['-f', '__RSS_KIB=%M', cmd, ...args]] : [cmd, args];
    const child = spawn(c, a, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => {
      const wall = (performance.now() - t0) / 1000;
      if (code !== 0) return reject(new Error(`${cmd} ${args.join(' ')} exited ${code}:\n${err}`));
      const rss = /__RSS_KIB=(\d+)/.exec(err)?.[1];
      resolve({ wall, rssMiB: rss ? Number(rss) / 1024 : Number.NaN, out });
    });
  });
}

const files = await makeModel();
const bytes = files.reduce((n, f) => n + f.size, 0);
const registry = await startRegistry();
const reference = { registry: registry.host, repository: 'bench/model', plainHttp: true };
const job = join(work, 'job.json');
const program = join(work, 'run.mjs');
await writeFile(
  program,
  `import { readFileSync } from 'node:fs';
import { pushModelPack, pullModelPack } from ${JSON.stringify(pathToFileURL(lib).href)};
const job = JSON.parse(readFileSync(${JSON.stringify(job)}, 'utf8'));
const r = job.pull ? await pullModelPack(job.pull) : await pushModelPack(job.push);
console.log(JSON.stringify(job.pull ? { files: r.files.length } : r));
`,
);
const push = { reference, tag: 'v1.0.0', name: 'bench-model', version: '1.0.0', createdAt: '2026-12-01T00:00:00Z', files };
const rows = [];
try {
  const copy = join(work, 'copy');
  await rm(copy, { recursive: true, force: true });
  rows.push(['cp -r (peer)', await measure('cp', ['-r', model, copy])]);

  await writeFile(job, JSON.stringify({ push }));
  const cold = await measure(process.execPath, [program]);
  rows.push(['mlci push, empty registry', cold]);
  const warm = await measure(process.execPath, [program]);
  rows.push(['mlci push again (all blobs there)', warm]);

  const into = join(work, 'pulled');
  await rm(into, { recursive: true, force: true });
  await writeFile(job, JSON.stringify({ pull: { reference, digestOrTag: JSON.parse(cold.out).digest, into } }));
  rows.push(['mlci pull by digest', await measure(process.execPath, [program])]);
  const res = JSON.parse(cold.out);
  const again = JSON.parse(warm.out);
  console.log(
    `${(bytes / GiB).toFixed(2)} GiB in ${files.length} files; pushed ${res.blobsPushed} blobs (${(res.bytesPushed / GiB).toFixed(2)} GiB), then ${again.blobsSkipped} skipped and ${again.blobsPushed} pushed`,
  );
  console.log(
    `node ${execFileSync(process.execPath, ['--version'], { encoding: 'utf8' }).trim()}, docker-registry 2.8 on loopback, filesystem storage in ${tmpdir()}\n`,
  );
  console.log('| case | wall | peak RSS |');
  console.log('|---|---:|---:|');
  for (const [name, r] of rows) console.log(`| ${name} | ${r.wall.toFixed(2)} s | ${r.rssMiB.toFixed(0)} MiB |`);
  if (!process.argv.includes('--keep')) await rm(copy, { recursive: true, force: true });
  await rm(into, { recursive: true, force: true });
  console.log(`\n${(await readdir(work)).length} entries left in ${work} (the model folder is reused next time)`);
} finally {
  registry.close();
}
