// Runs after every `npm install` / `npm ci` (the root package's postinstall).
//
// @actions/core declares no `sideEffects`, so the bundler must keep every module it imports, and
// core.js imports its OIDC client statically: @actions/http-client, undici, @actions/exec and
// @actions/io (about 1 MB) load and compile in every action before it reads its first input, though
// no mlci action asks for an OIDC token. Its modules have no side effects at import (they define
// functions, classes and one `summary` object), which is what upstream is asked to declare:
// actions/toolkit#1436, #1621, #1697, #1893. Until it does, the flag is set here, in the installed
// copy only; bench/bundles.mjs shows the start-up it saves. Remove this file when upstream ships it.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const SIDE_EFFECT_FREE = ['@actions/core'];
// Every copy npm may have installed: hoisted at the root, or nested under a workspace.
const nodeModules = [join(root, 'node_modules'), ...readdirSync(join(root, 'packages')).map((p) => join(root, 'packages', p, 'node_modules'))];

for (const file of SIDE_EFFECT_FREE.flatMap((name) => nodeModules.map((dir) => join(dir, name, 'package.json'))).filter(existsSync)) {
  const name = file
    .split('/node_modules/')
    .pop()
    .replace(/\/package\.json$/, '');
  const pkg = JSON.parse(readFileSync(file, 'utf8'));
  if (pkg.sideEffects === false) continue;
  pkg.sideEffects = false;
  writeFileSync(file, `${JSON.stringify(pkg, null, 2)}\n`);
  console.log(`${name} ${pkg.version}: marked side-effect free (scripts/patch-dependencies.js)`);
}
