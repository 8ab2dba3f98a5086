import { UserError } from '../errors.js';
import { statusOf, type Api, type Repo } from '../forge/api.js';
import { commitDate, resolveCommit } from './git.js';

/** A commit a baseline or a reference was read from: its sha and its committer date (ISO 8601). */
export interface CommitInfo {
  sha: string;
  date?: string;
}

/** The commit a ref names in the local clone, with its committer date; undefined when it has none. */
export async function localCommit(ref: string, cwd: string): Promise<CommitInfo | undefined> {
  const sha = await resolveCommit(ref, cwd);
  if (!sha) return undefined;
  const date = await commitDate(sha, cwd);
  return { sha, ...(date ? { date } : {}) };
}

/**
 * The commit a ref names on GitHub (`GET /repos/{owner}/{repo}/commits/{ref}`), or undefined when
 * the repository has no such branch, tag or commit: GitHub answers 422 ("No commit found for SHA")
 * for those. The contents endpoint cannot tell: its 404 means a missing ref and a missing file
 * alike. A 404 here means the repository is not visible to the token: a UserError naming `input`.
 */
export async function apiCommit(api: Api, repo: Repo, ref: string, input = 'baseline'): Promise<CommitInfo | undefined> {
  try {
    const { data } = await api.request('GET /repos/{owner}/{repo}/commits/{ref}', { ...repo, ref, per_page: 1 });
    const date = data.commit?.committer?.date ?? data.commit?.author?.date ?? undefined;
    return { sha: data.sha, ...(date ? { date } : {}) };
  } catch (e) {
    const status = statusOf(e);
    if (status === 422) return undefined;
    if (status === 404) {
      throw new UserError(
        `input "${input}": GitHub has no repository ${repo.owner}/${repo.repo} that the token can read, so git:${ref} cannot be looked up (the token needs contents: read)`,
        { input, cause: e },
      );
    }
    throw e;
  }
}

/** The local clone first, else GitHub: undefined when neither knows the ref. */
export async function findCommit(ref: string, o: { workspace: string; api?: Api; repo?: Repo }): Promise<CommitInfo | undefined> {
  return (await localCommit(ref, o.workspace)) ?? (o.api && o.repo ? apiCommit(o.api, o.repo, ref) : undefined);
}

/**
 * How much older a base is than the head, in words: `3 days older than head`, `2 hours newer than
 * head`, `as old as head`. Undefined when a date is missing or unreadable.
 */
export function ageAgainst(base: string | undefined, head: string | undefined): string | undefined {
  if (!base || !head) return undefined;
  const ms = Date.parse(head) - Date.parse(base);
  if (!Number.isFinite(ms)) return undefined;
  const abs = Math.abs(ms);
  const units: Array<[string, number]> = [
    ['day', 86_400_000],
    ['hour', 3_600_000],
    ['minute', 60_000],
  ];
  const found = units.find(([, size]) => abs >= size);
  if (!found) return 'as old as head';
  const n = Math.floor(abs / found[1]);
  return `${n} ${found[0]}${n === 1 ? '' : 's'} ${ms > 0 ? 'older' : 'newer'} than head`;
}
