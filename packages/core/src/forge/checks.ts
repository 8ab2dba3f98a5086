import type { Status } from '../report/section.js';
import type { Api, Repo } from './api.js';

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

export async function createCheckRun(api: Api, repo: Repo, c: CheckRunInput): Promise<{ id: number; url: string }> {
  const { data } = await api.request('POST /repos/{owner}/{repo}/check-runs', {
    ...repo,
    name: c.name,
    head_sha: c.headSha,
    status: 'completed',
    conclusion: CONCLUSION[c.status],
    completed_at: new Date().toISOString(),
    ...(c.detailsUrl ? { details_url: c.detailsUrl } : {}),
    output: { title: c.title, summary: c.summary },
  });
  return { id: data.id, url: data.html_url };
}
