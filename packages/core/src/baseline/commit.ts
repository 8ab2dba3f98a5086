import type { Api, Repo } from '../forge/api.js';
import { apiCommit, commitDate, resolveCommit, type CommitInfo } from '../forge/file-at-ref.js';

/** The commit a ref names in the local clone, with its committer date; undefined when it has none. */
export async function localCommit(ref: string, cwd: string): Promise<CommitInfo | undefined> {
  const sha = await resolveCommit(ref, cwd);
  if (!sha) return undefined;
  const date = await commitDate(sha, cwd);
  return { sha, ...(date ? { date } : {}) };
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
