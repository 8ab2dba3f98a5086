// Bundles each action (actions/<name>/action.yml) into dist/<name>/index.js with ncc.
// The TypeScript is compiled first by `tsc -b` (actions/lib/...), so ncc only sees plain ESM:
// TypeScript 7 breaks ncc's own loader, and this keeps the bundle independent of it.
import { createRequire } from 'node:module';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { packageRoot, thirdPartyNotices } from './third-party-notices.js';

const require = createRequire(import.meta.url);
const ncc = require('@vercel/ncc');

const root = new URL('..', import.meta.url).pathname;
const only = process.argv.slice(2);
const actions = readdirSync(join(root, 'actions')).filter((n) => existsSync(join(root, 'actions', n, 'action.yml')));
const names = actions.filter((n) => only.length === 0 || only.includes(n));

// Files read at run time by computed paths, which ncc cannot see: when a bundle holds the package
// that reads them, they are copied beside it from node_modules (never committed copies), and the
// code reads them relative to the bundle.
const RUNTIME_FILES = [
  { holds: '@resvg/resvg-wasm', files: ['@resvg/resvg-wasm/index_bg.wasm', 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf'] },
];

// A full build also removes the bundles of actions that no longer exist, so check-dist sees them.
if (only.length === 0 && existsSync(join(root, 'dist'))) {
  for (const stale of readdirSync(join(root, 'dist')).filter((n) => !actions.includes(n))) {
    rmSync(join(root, 'dist', stale), { recursive: true, force: true });
    console.log(`dist/${stale} removed: there is no actions/${stale}/action.yml`);
  }
}

for (const name of names) {
  const entry = ['src/index.js', 'src/main.js'].map((f) => join(root, 'actions/lib', name, f)).find((f) => existsSync(f));
  const out = join(root, 'dist', name);
  const { code, assets, stats } = await ncc(entry, {
    minify: false,
    sourceMap: false,
    quiet: true,
    target: 'es2022',
  });
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'index.js'), code);
  for (const [file, asset] of Object.entries(assets ?? {})) {
    const dest = join(out, file);
    mkdirSync(dirname(dest), { recursive: true });
    writeFileSync(dest, asset.source);
  }
  const modules = [...stats.compilation.modules].map((m) => m.resource).filter(Boolean);
  const extraRoots = [];
  for (const rule of RUNTIME_FILES) {
    if (!modules.some((m) => m.includes(`/node_modules/${rule.holds}/`))) continue;
    for (const spec of rule.files) {
      const from = require.resolve(spec);
      copyFileSync(from, join(out, spec.split('/').pop()));
      extraRoots.push(packageRoot(from));
    }
  }
  writeFileSync(join(out, 'licenses.txt'), thirdPartyNotices(modules, extraRoots));
  console.log(`dist/${name}/index.js  ${(code.length / 1024).toFixed(0)} KiB`);
}
