// Tags a release: `node scripts/release.js 1.2.3 [--push] [--remote origin]`.
// Creates the annotated tag v1.2.3 on HEAD and moves the major tag v1 to it, so `uses: …@v1`
// follows the newest 1.x.y (the habit of actions/toolkit's releases). It refuses, changing
// nothing, when the tree is dirty, the tag exists (a published tag is never rewritten), or
// CHANGELOG.md has no section for the version. A hotfix of an older line (1.2.4 after 1.3.0)
// is tagged but does not move v1 backwards.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

function git(...args) {
  return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

function fail(message) {
  console.error(`release: ${message}`);
  process.exit(1);
}

const args = process.argv.slice(2);
const push = args.includes('--push');
const remoteAt = args.indexOf('--remote');
const remote = remoteAt >= 0 ? args[remoteAt + 1] : 'origin';
const positional = args.filter((a, i) => !a.startsWith('--') && !(remoteAt >= 0 && i === remoteAt + 1));
const version = positional[0];
if (!version || !SEMVER.test(version)) fail(`give the version as X.Y.Z (got ${JSON.stringify(version ?? '')})`);
const [major, minor, patch] = version.split('.').map(Number);
const tag = `v${version}`;
const majorTag = `v${major}`;

if (git('status', '--porcelain')) fail('the working tree has uncommitted changes; commit or stash them first');
if (git('tag', '--list', tag)) fail(`${tag} exists already; a published tag is never moved (release ${major}.${minor}.${patch + 1} instead)`);

const changelog = readFileSync('CHANGELOG.md', 'utf8');
const heading = new RegExp(`^## \\[?${version.replace(/\./g, '\\.')}\\]?(\\s|$)`, 'm');
const at = changelog.search(heading);
if (at < 0) fail(`CHANGELOG.md has no "## ${version}" section`);
const rest = changelog.slice(at).split('\n');
const end = rest.findIndex((line, i) => i > 0 && line.startsWith('## '));
const notes = rest
  .slice(1, end < 0 ? undefined : end)
  .join('\n')
  .trim();

const newest = git('tag', '--list', `v${major}.*.*`)
  .split('\n')
  .filter((t) => SEMVER.test(t.slice(1)))
  .map((t) => t.slice(1).split('.').map(Number))
  .reduce((best, v) => (compare(v, best) > 0 ? v : best), [major, -1, -1]);
const moveMajor = compare([major, minor, patch], newest) > 0;

git('tag', '-a', tag, '-m', `${tag}\n\n${notes}`);
if (moveMajor) git('tag', '-fa', majorTag, '-m', `${majorTag} = ${tag}`);
console.log(`tagged ${tag}${moveMajor ? ` and moved ${majorTag} to it` : ` (${majorTag} stays on v${newest.join('.')}, which is newer)`}`);

if (push) {
  git('push', remote, `refs/tags/${tag}`);
  if (moveMajor) git('push', '--force', remote, `refs/tags/${majorTag}`);
  console.log(`pushed to ${remote}`);
}

function compare(a, b) {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}
