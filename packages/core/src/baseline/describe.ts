import type { Api, Repo } from '../forge/api.js';
import { escapeText } from '../section/escape.js';
import { apiCommit, commitDate, type CommitInfo } from '../forge/file-at-ref.js';
import { ageAgainst } from './commit.js';

export interface BaselineFacts {
  /** What was compared with: `git:main (local clone)`. */
  label: string;
  commit?: CommitInfo;
  /** When a stored baseline was saved. */
  savedAt?: string;
  /** The head's committer date, to say how old the baseline is. */
  headDate?: string;
  /** For the commit link: `https://github.com` and the repository. */
  serverUrl?: string;
  repo?: Repo;
}

/**
 * The line the report opens with: what was compared with, its commit (short sha, linked when the
 * host is known) and its age against the head, so a reader sees a stale baseline at once:
 * `Compared with git:main (local clone), commit a1b2c3d, 3 days older than head.`
 */
export function describeBaseline(f: BaselineFacts): string {
  const parts = [`Compared with ${escapeText(f.label)}`];
  if (f.savedAt) parts.push(`saved ${day(f.savedAt)}`);
  if (f.commit) {
    const short = f.commit.sha.slice(0, 7);
    // The sha is hex (git and GitHub give nothing else); owner and name are encoded for the URL.
    const sha = /^[0-9a-f]+$/i.test(f.commit.sha) ? f.commit.sha : undefined;
    const link =
      sha && f.serverUrl && f.repo && /^https?:\/\/[^\s()<>]+$/.test(f.serverUrl)
        ? `[\`${short}\`](${f.serverUrl}/${encodeURIComponent(f.repo.owner)}/${encodeURIComponent(f.repo.repo)}/commit/${sha})`
        : `\`${escapeText(short).replace(/`/g, '')}\``;
    const age = ageAgainst(f.commit.date, f.headDate) ?? (f.commit.date ? `committed ${day(f.commit.date)}` : undefined);
    parts.push(`commit ${link}${age ? ` (${age})` : ''}`);
  }
  return `<sub>${parts.join(', ')}.</sub>`;
}

/** The head's committer date: the local clone's HEAD (a shallow checkout has it), else GitHub's. */
export async function headCommitDate(o: { workspace: string; api?: Api; repo?: Repo; headSha?: string }): Promise<string | undefined> {
  const local = await commitDate('HEAD', o.workspace);
  if (local) return local;
  if (!o.api || !o.repo || !o.headSha) return undefined;
  return (await apiCommit(o.api, o.repo, o.headSha).catch(() => undefined))?.date;
}

/** `2026-11-28 10:00 UTC`: digits of our own making; a date that does not parse is shown escaped. */
function day(iso: string): string {
  const t = Date.parse(iso);
  return Number.isFinite(t) ? new Date(t).toISOString().slice(0, 16).replace('T', ' ') + ' UTC' : escapeText(iso);
}
