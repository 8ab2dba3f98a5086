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
  /** Placed on the PR's diff; sent 50 per request, as GitHub takes them. */
  annotations?: CheckAnnotation[];
}

export interface CheckAnnotation {
  path: string;
  line: number;
  level: 'failure' | 'warning' | 'notice';
  title?: string;
  message: string;
}

/** GitHub takes 50 annotations per request, as many requests as needed. */
export const ANNOTATIONS_PER_REQUEST = 50;

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
  const batches = annotationBatches(c.annotations ?? []);
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
        output: { title: c.title, summary: c.summary, ...(batches[0] ? { annotations: batches[0] } : {}) },
        ...NO_RETRY,
      });
      await addAnnotations(api, repo, data.id, c, batches.slice(1));
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
    if (landed) {
      await addAnnotations(api, repo, landed.id, c, batches.slice(1));
      return { id: landed.id, url: landed.html_url };
    }
    await pause(500 * attempt * attempt);
  }
}

function annotationBatches(all: CheckAnnotation[]): Array<Array<Record<string, unknown>>> {
  const shaped = all.map((a) => ({
    path: a.path,
    start_line: a.line,
    end_line: a.line,
    annotation_level: a.level,
    // GitHub's bounds: a title of 255 characters, a message of 64 KB.
    ...(a.title ? { title: a.title.slice(0, 255) } : {}),
    message: a.message.slice(0, 60_000),
  }));
  const batches = [];
  for (let i = 0; i < shaped.length; i += ANNOTATIONS_PER_REQUEST) batches.push(shaped.slice(i, i + ANNOTATIONS_PER_REQUEST));
  return batches;
}

/** Each update appends its annotations to the run's; title and summary must come along. */
async function addAnnotations(api: Api, repo: Repo, id: number, c: CheckRunInput, batches: Array<Array<Record<string, unknown>>>): Promise<void> {
  for (const annotations of batches) {
    await api.request('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', {
      ...repo,
      check_run_id: id,
      output: { title: c.title, summary: c.summary, annotations: annotations as never },
    });
  }
}
