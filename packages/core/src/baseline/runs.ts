import type { Api, Repo } from '../forge/api.js';

/**
 * The latest successful workflow runs on a branch, newest first, as candidates to hold a baseline
 * artifact. Pull-request runs are left out: their head branch may be a fork's branch of the same
 * name. The current run is left out too.
 */
export interface BaselineRun {
  id: number;
  /** The commit the run built, and when it started: what its artifact was saved from, and when. */
  headSha?: string;
  createdAt?: string;
}

export async function successfulRuns(api: Api, repo: Repo, branch: string, o: { exclude?: number; limit?: number } = {}): Promise<BaselineRun[]> {
  const limit = o.limit ?? 10;
  const { data } = await api.request('GET /repos/{owner}/{repo}/actions/runs', {
    ...repo,
    branch,
    status: 'success',
    per_page: Math.min(100, limit * 3),
  });
  const runs = (data.workflow_runs ?? []) as Array<{ id: number; event: string; created_at: string; conclusion: string | null; head_sha?: string }>;
  return runs
    .filter((r) => r.id !== o.exclude && r.conclusion === 'success' && !r.event.startsWith('pull_request'))
    .sort((a, b) => b.created_at.localeCompare(a.created_at) || b.id - a.id)
    .slice(0, limit)
    .map((r) => ({ id: r.id, headSha: r.head_sha, createdAt: r.created_at }));
}
