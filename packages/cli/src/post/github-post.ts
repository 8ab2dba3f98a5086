import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UserError } from '@mlci/core/errors';
import { messageOf, parseTarget, statusOf, type Api, type Repo, type Target } from '@mlci/core/forge';
import type { Detected } from './ci-env.js';

/** What `--post` was given on the command line; the rest comes from the CI's environment. */
export interface PostFlags {
  tokenFile?: string;
  repo?: string;
  pr?: string;
  sha?: string;
  apiUrl?: string;
  target: string;
}

export interface GitHubPost {
  token: string;
  apiUrl: string;
  serverUrl: string;
  repo: Repo;
  target: Exclude<Target, { kind: 'none' }>;
  sha?: string;
}

/**
 * The token: from `--token-file` or $GITHUB_TOKEN, never from a flag (a flag's value is in the
 * shell history and in `ps` for every user of the machine). Missing or empty is bad input.
 */
export async function readToken(tokenFile: string | undefined, env: NodeJS.ProcessEnv, variable = 'GITHUB_TOKEN'): Promise<string> {
  if (tokenFile) {
    let text: string;
    try {
      text = await readFile(resolve(tokenFile), 'utf8');
    } catch (e) {
      throw new UserError(`--token-file: cannot read "${tokenFile}" (${(e as NodeJS.ErrnoException).code ?? 'error'})`, { input: 'token-file' });
    }
    const token = text.trim();
    if (!token) throw new UserError(`--token-file: "${tokenFile}" is empty`, { input: 'token-file' });
    return token;
  }
  const token = env[variable]?.trim();
  if (!token)
    throw new UserError(`--post needs a token: set ${variable} or give --token-file FILE (never the token itself on the command line)`, { input: 'post' });
  return token;
}

/** The flags first, then what the CI's environment says; an explicit --target wins over both. */
export function githubPost(flags: PostFlags, detected: Detected, env: NodeJS.ProcessEnv, token: string): GitHubPost {
  const full = flags.repo ?? detected.repo;
  const m = full ? /^([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+)$/.exec(full) : null;
  if (!m) {
    throw new UserError(
      full
        ? `--repo must be OWNER/NAME, not "${full}"`
        : `--post needs the repository: give --repo OWNER/NAME (${detected.ci === 'none' ? 'no CI detected' : `${detected.ci} did not say which`})`,
      { input: 'repo' },
    );
  }
  const repo = { owner: m[1], repo: m[2] };
  const pr = flags.pr === undefined ? detected.pr : wholeNumber(flags.pr, 'pr');
  const sha = flags.sha ?? detected.sha;
  if (sha !== undefined && !/^[0-9a-f]{7,40}$/i.test(sha)) throw new UserError(`--sha must be a commit sha, not "${sha}"`, { input: 'sha' });
  const spec = parseTarget(flags.target);
  let target: GitHubPost['target'];
  if (spec.kind === 'pr' || spec.kind === 'issue') target = { kind: 'issue', ...repo, number: spec.number, isPull: spec.kind === 'pr' };
  else if (spec.kind === 'commit') target = { kind: 'commit', ...repo, sha: spec.sha };
  else if (spec.kind === 'none') throw new UserError('--post with --target none posts nothing: leave out --post', { input: 'target' });
  else if (pr !== undefined) target = { kind: 'issue', ...repo, number: pr, isPull: true };
  else if (sha !== undefined) target = { kind: 'commit', ...repo, sha: sha.toLowerCase() };
  else throw new UserError('--post needs a pull request or a commit: give --pr N or --sha SHA (none was detected)', { input: 'pr' });
  const apiUrl = (flags.apiUrl ?? env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/+$/, '');
  return { token, apiUrl, serverUrl: env.GITHUB_SERVER_URL ?? serverOf(apiUrl), repo, target, sha: sha?.toLowerCase() };
}

/** github.com's API lives on its own host; GitHub Enterprise's under /api/v3 of the server. */
function serverOf(apiUrl: string): string {
  if (/^https:\/\/api\.github\.com$/i.test(apiUrl)) return 'https://github.com';
  return apiUrl.replace(/\/api\/v3$/i, '');
}

function wholeNumber(v: string, name: string): number {
  if (!/^[1-9][0-9]*$/.test(v)) throw new UserError(`--${name} must be a number, not "${v}"`, { input: name });
  return Number(v);
}

/**
 * Before anything is written: the repository and the pull request exist and the token may see
 * them. A typo in --repo or --pr is bad input (exit 2), said plainly, and nothing is posted.
 * Returns the pull request's head: the commit its check run belongs on (Jenkins' GIT_COMMIT is
 * the merge with the target branch when the job builds that, a commit GitHub never saw).
 */
export async function checkPostTarget(api: Api, p: GitHubPost): Promise<{ pullHead?: string }> {
  const name = `${p.repo.owner}/${p.repo.repo}`;
  await refused(api.request('GET /repos/{owner}/{repo}', { ...p.repo }), (status) =>
    status === 401
      ? `--post: GitHub refused the token (401 Bad credentials) at ${p.apiUrl}`
      : status === 404
        ? `--post: repository ${name} not found at ${p.apiUrl} (or the token may not see it)`
        : undefined,
  );
  if (p.target.kind !== 'issue') return {};
  const t = p.target;
  const what = t.isPull ? 'pull request' : 'issue';
  const { data } = await refused(
    t.isPull
      ? api.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', { ...p.repo, pull_number: t.number })
      : api.request('GET /repos/{owner}/{repo}/issues/{issue_number}', { ...p.repo, issue_number: t.number }),
    (status) => (status === 404 ? `--post: ${what} #${t.number} does not exist in ${name}` : undefined),
  );
  const head = data?.head?.sha;
  return { pullHead: typeof head === 'string' ? head : undefined };
}

async function refused<T>(request: Promise<T>, explain: (status: number | undefined) => string | undefined): Promise<T> {
  try {
    return await request;
  } catch (e) {
    const message = explain(statusOf(e));
    if (message) throw new UserError(message, { input: 'post' });
    // octokit reports a request that got no answer (a timeout, a refused connection) as a 500 without a response.
    const answered = (e as { response?: unknown }).response !== undefined;
    throw new UserError(answered ? `--post: GitHub answered ${statusOf(e)}: ${messageOf(e)}` : `--post: ${messageOf(e)}`, { input: 'post' });
  }
}
