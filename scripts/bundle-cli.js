// Bundles the mlci CLI (packages/cli) into one self-contained npm package in packages/cli/dist/:
// lib/main.js (ncc's bundle, with the lazily loaded chunks beside it), the runtime files read by
// computed paths, a package.json with no dependencies, README, LICENSE and third-party notices.
// `npm pack packages/cli/dist` makes the tarball that `npm i -g mlci` installs. Like bundle.js,
// it bundles what `tsc -b` compiled (packages/cli/lib), never the TypeScript.
//
// Not committed (git ignores packages/cli/dist): the package is published, not run from the repo.
import { createRequire } from 'node:module';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { packageRoot, thirdPartyNotices } from './third-party-notices.js';

const require = createRequire(import.meta.url);
const ncc = require('@vercel/ncc');

const root = new URL('..', import.meta.url).pathname;
const cli = join(root, 'packages/cli');
// `--out DIR` builds elsewhere (tests build their own copy, so two of them never race).
const at = process.argv.indexOf('--out');
const out = at > 0 ? resolve(process.argv[at + 1]) : join(cli, 'dist');
const source = JSON.parse(readFileSync(join(cli, 'package.json'), 'utf8'));

// A module the bundle imports lazily that is missing (the GitLab forge, before packages/core
// exports it) becomes a chunk that throws when loaded: the CLI turns that into a clear error.
const { code, assets, stats } = await ncc(join(cli, 'lib/main.js'), { minify: false, sourceMap: false, quiet: true, target: 'es2022' });
rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'lib'), { recursive: true });
writeFileSync(join(out, 'lib/main.js'), code);
for (const [file, asset] of Object.entries(assets ?? {})) {
  const dest = join(out, 'lib', file);
  mkdirSync(dirname(dest), { recursive: true });
  writeFileSync(dest, asset.source);
}
// Read beside the module that needs them: resvg's wasm and the font for charts (plots/render.ts),
// mermaid's browser build that report.html embeds (report/html.ts).
const runtime = ['@resvg/resvg-wasm/index_bg.wasm', 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf', 'mermaid/dist/mermaid.min.js'].map((spec) => require.resolve(spec));
for (const from of runtime) copyFileSync(from, join(out, 'lib', from.split('/').pop()));

// ncc relocates the package.json that cli.ts reads its version from: only the version travels.
writeFileSync(join(out, 'lib/package.json'), JSON.stringify({ type: 'module', version: source.version }) + '\n');

const modules = [...stats.compilation.modules].map((m) => m.resource).filter(Boolean);
writeFileSync(join(out, 'licenses.txt'), thirdPartyNotices(modules, runtime.map(packageRoot)));
copyFileSync(join(root, 'LICENSE'), join(out, 'LICENSE'));
copyFileSync(join(cli, 'README.md'), join(out, 'README.md'));
const manifest = {
  name: 'mlci',
  version: source.version,
  description: 'CI/CD steps for machine-learning repositories: validate data, train, compare metrics, report — from any CI or a laptop',
  license: 'MIT',
  type: 'module',
  bin: { mlci: 'lib/main.js' },
  files: ['lib/', 'licenses.txt'],
  engines: { node: '>=20' },
};
writeFileSync(join(out, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
console.log(`${relative(root, out) || '.'}/lib/main.js  ${(code.length / 1024).toFixed(0)} KiB, ${Object.keys(assets ?? {}).length} chunk(s) and assets`);
if (!existsSync(join(out, 'lib/main.js'))) process.exit(1);
