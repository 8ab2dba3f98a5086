// Fails when the committed dist/ differs from a fresh build (run `npm run build` first).
// `git status --porcelain` also catches new untracked files, which `git diff` would miss.
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, readdirSync } from 'node:fs';

// A bundle whose action was removed is stale too, even when git is clean (bundle.js removes it on
// a full build, and this says so if the build was skipped).
const orphans = readdirSync('dist').filter((n) => !existsSync(`actions/${n}/action.yml`));
const status =
  execFileSync('git', ['status', '--porcelain', '--', 'dist'], { encoding: 'utf8' }) +
  orphans.map((n) => `dist/${n}: there is no actions/${n}/action.yml\n`).join('');
if (status.trim()) {
  const diff = execFileSync('git', ['diff', '--stat', '--', 'dist'], { encoding: 'utf8' });
  const message = `dist/ is not up to date with the sources. Run \`npm run build\` and commit dist/.\n${status}${diff}`;
  console.error(message);
  if (process.env.GITHUB_STEP_SUMMARY) {
    appendFileSync(process.env.GITHUB_STEP_SUMMARY, '## dist/ is stale\n\n```\n' + message + '\n```\n');
  }
  process.exit(1);
}
console.log('dist/ matches the sources');
