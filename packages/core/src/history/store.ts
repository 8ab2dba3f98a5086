import { branchHead } from '../forge/publish-images.js';
import { messageOf, statusOf, type Api, type Repo } from '../forge/api.js';
import { openThroughApi } from '../forge/file-at-ref.js';
import type { Problem } from '../errors.js';
import { appendEntry, MAX_HISTORY_BYTES, parseHistory, serializeHistory, type HistoryEntry, type ReadEntries } from './entry.js';

/**
 * The history lives on a branch of the repository itself, written through the Git Data API like
 * the report images: readable by whoever can read the repository, kept as long as the repository
 * is, and every append is a commit, so nothing a later write does can lose an earlier state. (The
 * Actions cache was the other candidate: its entries are immutable, so each append would be a new
 * key, and an entry unused for 7 days is evicted: a quiet month would empty the history.)
 */
export const HISTORY_BRANCH = 'mlci-history';

/** One file per compare step (its baseline name, a hex hash), so two steps keep two histories. */
export function historyPath(name: string): string {
  if (!/^[0-9a-zA-Z_-]{1,64}$/.test(name)) throw new Error(`history name "${name}" is not a safe file name`);
  return `history/${name}.json`;
}

export interface HistoryPlace {
  api: Api;
  repo: Repo;
  /** The baseline's name (CompareResult.name). */
  name: string;
  branch?: string;
}

/** The history as the branch holds it now (none yet: no entries, no problem). */
export async function readHistory(p: HistoryPlace): Promise<ReadEntries> {
  const head = await branchHead(p.api, p.repo, p.branch ?? HISTORY_BRANCH);
  if (!head) return { entries: [], problems: [], unreadable: false };
  return readAt(p, head.sha);
}

async function readAt(p: HistoryPlace, sha: string): Promise<ReadEntries> {
  const path = historyPath(p.name);
  // The one way to read a file at a commit through the API (raw media type, a size bound, the
  // base64 description of a server that ignores it); the commit is known, so no lookup first.
  const files = await openThroughApi(p.api, p.repo, sha, { input: 'history', commit: { sha }, maxBytes: MAX_HISTORY_BYTES });
  const bytes = await files?.read(path);
  if (bytes === undefined) return { entries: [], problems: [], unreadable: false };
  return parseHistory(bytes.toString('utf8'), `${p.branch ?? HISTORY_BRANCH}:${path}`);
}

export interface AppendResult {
  written: boolean;
  /** For the log: what was done, or why not. */
  message: string;
  problems: Problem[];
}

const ATTEMPTS = 5;

/**
 * Appends one entry and drops all but the newest `keep`: read the file at the branch's head,
 * commit the new file on top of it, move the branch without force. A push that moved the branch
 * meanwhile makes that a non-fast-forward (422): the file is read again, so its entry is kept, and
 * the commit is made again. Nothing is deleted before the new commit exists, and a file that is
 * not a history is left as it is. Throws the API's error (403 without `contents: write`).
 */
export async function appendHistory(p: HistoryPlace, entry: HistoryEntry, keep: number): Promise<AppendResult> {
  const branch = p.branch ?? HISTORY_BRANCH;
  const path = historyPath(p.name);
  for (let attempt = 1; ; attempt++) {
    const parent = await branchHead(p.api, p.repo, branch);
    const read = parent ? await readAt(p, parent.sha) : { entries: [], problems: [], unreadable: false };
    if (read.unreadable) {
      return {
        written: false,
        message: `Metrics history not appended: ${branch}:${path} is not a history file (see the warning); fix or delete it.`,
        problems: read.problems,
      };
    }
    const next = appendEntry(read.entries, entry, keep);
    const { data: tree } = await p.api.request('POST /repos/{owner}/{repo}/git/trees', {
      ...p.repo,
      tree: [{ path, mode: '100644', type: 'blob', content: serializeHistory(next) }],
      ...(parent ? { base_tree: parent.tree } : {}),
    });
    const { data: commit } = await p.api.request('POST /repos/{owner}/{repo}/git/commits', {
      ...p.repo,
      message: `mlci history: ${entry.sha.slice(0, 7)} (${next.length} of ${keep} kept)`,
      tree: tree.sha,
      parents: parent ? [parent.sha] : [],
    });
    try {
      if (parent) await p.api.request('PATCH /repos/{owner}/{repo}/git/refs/{ref}', { ...p.repo, ref: `heads/${branch}`, sha: commit.sha, force: false });
      else await p.api.request('POST /repos/{owner}/{repo}/git/refs', { ...p.repo, ref: `refs/heads/${branch}`, sha: commit.sha });
    } catch (e) {
      // 422: not a fast-forward, or the branch was created meanwhile: another run appended first.
      if (statusOf(e) === 422 && attempt < ATTEMPTS) continue;
      if (statusOf(e) === 422) {
        return {
          written: false,
          message: `Metrics history not appended after ${ATTEMPTS} attempts: ${branch} kept moving (${messageOf(e)}).`,
          problems: read.problems,
        };
      }
      throw e;
    }
    return {
      written: true,
      message: `Metrics history: ${entry.sha.slice(0, 7)} appended to ${branch}:${path} (${next.length} run${next.length === 1 ? '' : 's'} kept, at most ${keep}).`,
      problems: read.problems,
    };
  }
}
