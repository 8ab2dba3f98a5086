// Third-party notices for one bundle, made from what the bundle actually holds: every module ncc
// put into it (its webpack stats) and every runtime file copied beside it. ncc's own `license`
// option misses packages that are ESM or whose license file has an unusual name (it listed 6 of
// the ~60 packages a bundle held), and BSD-3 (smol-toml), MPL-2.0 (resvg's wasm) and the DejaVu
// font licence require their notices to travel with the code.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';

const LICENSE_FILE = /^(licen[cs]e|copying|notice)(\.|-|$)/i;

/** The folder of the npm package a file belongs to (the nearest package.json with a name). */
export function packageRoot(file) {
  let dir = dirname(file);
  while (dir.includes(`${sep}node_modules${sep}`)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const { name } = JSON.parse(readFileSync(manifest, 'utf8'));
      if (name && dir.endsWith(name.split('/').join(sep))) return dir;
    }
    dir = dirname(dir);
  }
  return undefined;
}

/** One notice per package: name, version, declared licence, and the texts of its licence files. */
function notice(root) {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const license = typeof pkg.license === 'string' ? pkg.license : (pkg.license?.type ?? pkg.licenses?.map((l) => l.type).join(' OR ') ?? 'UNKNOWN');
  const files = readdirSync(root)
    .filter((f) => LICENSE_FILE.test(f))
    .sort();
  const texts = files.map((f) => readFileSync(join(root, f), 'utf8').trim());
  const repo = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  const body = texts.length > 0 ? texts.join('\n\n') : `(no licence file in the package${repo ? `; see ${repo}` : ''})`;
  return { name: pkg.name, version: pkg.version, license, text: body };
}

/**
 * The notices file for a bundle. `modules` are the absolute paths of the bundled modules, `extra`
 * the package roots of runtime files copied beside the bundle. Our own workspace packages are
 * covered by the repository's LICENSE and are left out.
 */
export function thirdPartyNotices(modules, extra = []) {
  const roots = new Set(extra);
  for (const m of modules) {
    const root = packageRoot(m);
    if (root) roots.add(root);
  }
  const notices = [...roots].map(notice).filter((n) => !n.name.startsWith('@mlci/'));
  const unique = new Map(notices.map((n) => [`${n.name}@${n.version}`, n]));
  const sorted = [...unique.values()].sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
  const head = `Third-party software in this bundle (${sorted.length} packages), with their licences.\n`;
  return [head, ...sorted.map((n) => `${'-'.repeat(78)}\n${n.name}@${n.version}\nLicense: ${n.license}\n\n${n.text}\n`)].join('\n');
}
