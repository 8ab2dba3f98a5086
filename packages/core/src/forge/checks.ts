import { randomUUID } from 'node:crypto';
import type { Status } from '../section/section.js';
import { CREATE_ATTEMPTS, NO_RETRY, collect, mayHaveApplied, pages, pause, type Api, type Repo } from './api.js';

export interface CheckRunInput {
  name: string;
  /** The PR's head sha (never the pull_request merge commit), see target.headSha. */
  headSha: string;
  status: Status;
  title: string;
  /** Fitted by the caller to GitHub's 65,535 characters. */
  summary: string;
  detailsUrl?: string;
}

const CONCLUSION: Record<Status, 'success' | 'failure' | 'neutral'> = {
  pass: 'success',
  fail: 'failure',
  warn: 'neutral',
  info: 'neutral',
};

/**
 * Creates a completed check run. Its external_id is ours alone, so when the answer to the create
 * is lost (applied, but we saw a 502 or a timeout) the run is found by name, head sha and
 * external_id instead of being created twice.
 */
export async function createCheckRun(api: Api, repo: Repo, c: CheckRunInput): Promise<{ id: number; url: string }> {
  const externalId = `mlci-${randomUUID()}`;
  for (let attempt = 1; ; attempt++) {
    try {
      const { data } = await api.request('POST /repos/{owner}/{repo}/check-runs', {
        ...repo,
        name: c.name,
        head_sha: c.headSha,
        external_id: externalId,
        status: 'completed',
        conclusion: CONCLUSION[c.status],
        completed_at: new Date().toISOString(),
        ...(c.detailsUrl ? { details_url: c.detailsUrl } : {}),
        output: { title: c.title, summary: c.summary },
        ...NO_RETRY,
      });
      return { id: data.id, url: data.html_url };
    } catch (e) {
      if (!mayHaveApplied(e) || attempt >= CREATE_ATTEMPTS) throw e;
    }
    const runs = await collect(
      pages<{ id: number; html_url: string; external_id: string | null }>(
        api,
        'GET /repos/{owner}/{repo}/commits/{ref}/check-runs',
        { ...repo, ref: c.headSha, check_name: c.name, filter: 'all' },
        'check_runs',
      ),
    );
    const landed = runs.find((r) => r.external_id === externalId);
    if (landed) return { id: landed.id, url: landed.html_url };
    await pause(500 * attempt * attempt);
  }
}
