import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { UserError } from '../errors.js';
import type { RegistryTag } from './registry.js';
import type { TagToMake } from './plan.js';

const run = promisify(execFile);

/** git with an argument list, never a shell: tag names and messages come from inputs. */
async function git(cwd: string, args: string[], env?: NodeJS.ProcessEnv): Promise<string> {
  const { stdout } = await run('git', args, { cwd, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

export async function headCommit(cwd: string): Promise<string | undefined> {
  return (await git(cwd, ['rev-parse', '--verify', 'HEAD^{commit}']).catch(() => ''))?.trim() || undefined;
}

export async function isShallow(cwd: string): Promise<boolean> {
  return (await git(cwd, ['rev-parse', '--is-shallow-repository']).catch(() => 'false')).trim() === 'true';
}

/** Every tag of the clone with what GTO reads of it: the peeled commit, the tagger date, annotated or not. */
export async function tagsInClone(cwd: string): Promise<RegistryTag[]> {
  const sep = '\x1f';
  const out = await git(cwd, [
    'for-each-ref',
    'refs/tags',
    `--format=%(refname:strip=2)${sep}%(objecttype)${sep}%(objectname)${sep}%(*objectname)${sep}%(taggerdate:unix)${sep}%(taggername)${sep}%(contents:subject)`,
  ]);
  const tags: RegistryTag[] = [];
  for (const line of out.split('\n')) {
    if (!line) continue;
    const [tag, type, object, peeled, date, tagger, message] = line.split(sep);
    const annotated = type === 'tag';
    tags.push({
      tag,
      commit: annotated ? peeled : object,
      time: Number(date || 0) * 1000,
      annotated,
      tagger: tagger || undefined,
      message: message || undefined,
    });
  }
  return tags;
}

/** The identity a tag is made with when the clone has none configured (a fresh runner). */
const BOT = { GIT_COMMITTER_NAME: 'github-actions[bot]', GIT_COMMITTER_EMAIL: '41898282+github-actions[bot]@users.noreply.github.com' };

async function identity(cwd: string): Promise<NodeJS.ProcessEnv> {
  const name = (await git(cwd, ['config', 'user.name']).catch(() => '')).trim();
  const email = (await git(cwd, ['config', 'user.email']).catch(() => '')).trim();
  return name && email ? {} : BOT;
}

/**
 * Makes annotated tags in the clone, as `gto` does (`git tag -a <tag> <commit> -m <message>`),
 * dated `date` (ISO) when given: the registry's time of the version is the tagger date.
 */
export async function makeTags(cwd: string, tags: TagToMake[], o: { date?: string } = {}): Promise<void> {
  const env = { ...(await identity(cwd)), ...(o.date ? { GIT_COMMITTER_DATE: `${Math.floor(Date.parse(o.date) / 1000)} +0000` } : {}) };
  const made: string[] = [];
  try {
    for (const t of tags) {
      await git(cwd, ['tag', '-a', t.tag, t.commit, '-m', t.message], env);
      made.push(t.tag);
    }
  } catch (e) {
    // A tag made but never pushed would be read as registered by the next run: take them back.
    if (made.length > 0) await git(cwd, ['tag', '-d', ...made]).catch(() => undefined);
    const said = ((e as { stderr?: string }).stderr ?? (e as Error).message).trim().split('\n').slice(-2).join(' ');
    throw new UserError(`git tag ${tags[made.length].tag} failed (a checkout with every commit and tag needs actions/checkout's fetch-depth: 0): ${said}`);
  }
}

/**
 * Pushes the tags to origin in one atomic push: either the registry on origin gets all of them or
 * none. A failed push takes the local tags back too.
 */
export async function pushTags(cwd: string, tags: string[], remote = 'origin'): Promise<void> {
  if (tags.length === 0) return;
  try {
    await git(cwd, ['push', '--atomic', remote, ...tags.map((t) => `refs/tags/${t}:refs/tags/${t}`)]);
  } catch (e) {
    await git(cwd, ['tag', '-d', ...tags]).catch(() => undefined);
    const message = ((e as { stderr?: string }).stderr ?? (e as Error).message)
      .trim()
      .split('\n')
      .slice(-3)
      .join(' ')
      .replace(/\/\/[^/@\s]+@/g, '//***@');
    throw new UserError(`git push ${remote} of ${tags.join(', ')} failed (the workflow needs \`permissions: contents: write\`): ${message}`);
  }
}
