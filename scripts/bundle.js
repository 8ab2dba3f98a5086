// Bundles each action (actions/<name>/action.yml) into dist/<name>/index.js with ncc.
// The TypeScript is compiled first by `tsc -b` (actions/lib/...), so ncc only sees plain ESM:
// TypeScript 7 breaks ncc's own loader, and this keeps the bundle independent of it.
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const ncc = require('@vercel/ncc');

const root = new URL('..', import.meta.url).pathname;
const only = process.argv.slice(2);
const names = readdirSync(join(root, 'actions')).filter(
  (n) => existsSync(join(root, 'actions', n, 'action.yml')) && (only.length === 0 || only.includes(n)),
);

for (const name of names) {
  const entry = join(root, 'actions/lib', name, 'src/main.js');
  const out = join(root, 'dist', name);
  const { code, assets } = await ncc(entry, {
    minify: false,
    sourceMap: false,
    license: 'licenses.txt',
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
  // Files read at run time by computed paths (wasm, fonts) are not seen by ncc: an action lists
  // them in actions/<name>/assets/, copied beside the bundle and read relative to it.
  const extra = join(root, 'actions', name, 'assets');
  if (existsSync(extra)) cpSync(extra, out, { recursive: true });
  console.log(`dist/${name}/index.js  ${(code.length / 1024).toFixed(0)} KiB`);
}
