import { unmergedPullFields } from '../github/fields.js';
import { hosts, idFor, iso, minimalRepository, repository, shaFor, user, type Hosts } from './objects.js';

/**
 * Webhook payloads for GITHUB_EVENT_PATH, shaped as GitHub describes them in
 * @octokit/openapi-webhooks (validate them with validateEvent). `pull_request_target` carries
 * the same payload as `pull_request`. Each payload is a fresh tree without shared objects, so a
 * test may break one field without touching its twin elsewhere.
 */

const ZERO = '0'.repeat(40);

/** A deep copy that, unlike structuredClone, also severs the objects shared between places. */
const fresh = <T>(payload: T): T => JSON.parse(JSON.stringify(payload));
const AUTHOR = 'octocat';

const commitAuthor = (login: string) => ({
  name: login === AUTHOR ? 'The Octocat' : login,
  email: `${login}@users.noreply.github.com`,
  username: login,
});

export interface PullRequestEventOptions {
  owner: string;
  repo: string;
  number: number;
  headSha: string;
  headRef?: string;
  baseRef?: string;
  baseSha?: string;
  action?: 'opened' | 'synchronize';
  /** The head branch lives in a fork (owned by `author`): the read-only-token case. */
  fork?: boolean;
  title?: string;
  body?: string;
  /** Who opened the pull request; the fork's owner when `fork`. */
  author?: string;
  serverUrl?: string;
  apiUrl?: string;
}

export function pullRequestEvent(o: PullRequestEventOptions) {
  const h = hosts(o.serverUrl, o.apiUrl);
  const action = o.action ?? 'opened';
  const authorLogin = o.author ?? (o.fork ? 'contributor' : AUTHOR);
  const author = user(authorLogin, h);
  const baseRepo = repository(o.owner, o.repo, h);
  const headRepo = o.fork ? repository(authorLogin, o.repo, h, { fork: true }) : baseRepo;
  const headRef = o.headRef ?? `feature/pr-${o.number}`;
  const baseRef = o.baseRef ?? 'main';
  const baseSha = o.baseSha ?? shaFor(`${o.owner}/${o.repo}@${baseRef}`);
  const id = idFor('pull', `${o.owner}/${o.repo}#${o.number}`);
  const api = `${baseRepo.url}/pulls/${o.number}`;
  const issue = `${baseRepo.url}/issues/${o.number}`;
  const html = `${baseRepo.html_url}/pull/${o.number}`;
  const now = new Date();
  const pullRequest = {
    url: api,
    id,
    node_id: `PR_kwDO${Buffer.from(String(id)).toString('base64url')}`,
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: issue,
    number: o.number,
    state: 'open',
    locked: false,
    title: o.title ?? `Train with more data (#${o.number})`,
    user: author,
    body: o.body ?? null,
    created_at: iso(new Date(now.getTime() - 3_600_000)),
    updated_at: iso(now),
    closed_at: null,
    ...unmergedPullFields(),
    labels: [],
    milestone: null,
    draft: false,
    commits_url: `${api}/commits`,
    review_comments_url: `${api}/comments`,
    review_comment_url: `${baseRepo.url}/pulls/comments{/number}`,
    comments_url: `${issue}/comments`,
    statuses_url: `${baseRepo.url}/statuses/${o.headSha}`,
    head: {
      label: `${headRepo.owner.login}:${headRef}`,
      ref: headRef,
      sha: o.headSha,
      user: headRepo.owner,
      repo: headRepo,
    },
    base: {
      label: `${o.owner}:${baseRef}`,
      ref: baseRef,
      sha: baseSha,
      user: baseRepo.owner,
      repo: baseRepo,
    },
    _links: {
      self: { href: api },
      html: { href: html },
      issue: { href: issue },
      comments: { href: `${issue}/comments` },
      review_comments: { href: `${api}/comments` },
      review_comment: { href: `${baseRepo.url}/pulls/comments{/number}` },
      commits: { href: `${api}/commits` },
      statuses: { href: `${baseRepo.url}/statuses/${o.headSha}` },
    },
    author_association: o.fork ? 'CONTRIBUTOR' : 'MEMBER',
    auto_merge: null,
    active_lock_reason: null,
    merged: false,
    mergeable: null,
    rebaseable: null,
    mergeable_state: 'unknown',
    merged_by: null,
    comments: 0,
    review_comments: 0,
    maintainer_can_modify: Boolean(o.fork),
    commits: 1,
    additions: 12,
    deletions: 3,
    changed_files: 2,
  };
  return fresh({
    action,
    number: o.number,
    ...(action === 'synchronize' ? { before: shaFor(`${o.headSha}^`), after: o.headSha } : {}),
    pull_request: pullRequest,
    repository: baseRepo,
    sender: author,
  });
}

export interface PushEventOptions {
  owner: string;
  repo: string;
  ref?: string;
  after: string;
  before?: string;
  serverUrl?: string;
  apiUrl?: string;
}

function pushCommit(sha: string, full: string, h: Hosts, message: string, when: Date) {
  return {
    id: sha,
    tree_id: shaFor(`tree:${sha}`),
    distinct: true,
    message,
    timestamp: when.toISOString().replace(/\.\d{3}Z$/, '+00:00'),
    url: `${h.server}/${full}/commit/${sha}`,
    author: commitAuthor(AUTHOR),
    committer: { name: 'GitHub', email: 'noreply@github.com', username: 'web-flow' },
    added: [] as string[],
    removed: [] as string[],
    modified: ['params.yaml'],
  };
}

export function pushEvent(o: PushEventOptions) {
  const h = hosts(o.serverUrl, o.apiUrl);
  const ref = o.ref ?? 'refs/heads/main';
  const before = o.before ?? shaFor(`${o.after}^`);
  const full = `${o.owner}/${o.repo}`;
  const created = before === ZERO;
  const deleted = o.after === ZERO;
  const now = new Date();
  const head = deleted ? null : pushCommit(o.after, full, h, 'Retrain with the new features', now);
  const base = repository(o.owner, o.repo, h);
  // Push payloads alone write the repository's times as epoch seconds, and the owner with
  // name/email (the legacy "pusher" shape).
  const repo = {
    ...base,
    created_at: Math.floor(new Date(base.created_at as string).getTime() / 1000),
    pushed_at: Math.floor(now.getTime() / 1000),
    owner: { ...base.owner, name: o.owner, email: null },
    stargazers: 0,
    master_branch: base.default_branch,
  };
  const short = (s: string) => s.slice(0, 12);
  return fresh({
    ref,
    before,
    after: o.after,
    repository: repo,
    pusher: { name: AUTHOR, email: commitAuthor(AUTHOR).email },
    sender: user(AUTHOR, h),
    created,
    deleted,
    forced: false,
    base_ref: null,
    compare: created ? `${h.server}/${full}/commit/${short(o.after)}` : `${h.server}/${full}/compare/${short(before)}...${short(o.after)}`,
    commits: head ? [head] : [],
    head_commit: head,
  });
}

export interface WorkflowRunEventOptions {
  owner: string;
  repo: string;
  runId: number;
  headSha: string;
  headBranch?: string;
  /** The event that triggered the run being reported on. */
  event?: 'pull_request' | 'push';
  conclusion?: string;
  /** GitHub lists only same-repository pull requests here: a fork's run has none. */
  pullRequests?: Array<{ number: number; headSha: string; baseRef?: string }>;
  /** The head repository's owner when the run came from a fork. */
  headOwner?: string;
  workflowName?: string;
  serverUrl?: string;
  apiUrl?: string;
}

export function workflowRunEvent(o: WorkflowRunEventOptions) {
  const h = hosts(o.serverUrl, o.apiUrl);
  const repo = minimalRepository(o.owner, o.repo, h);
  const headRepo = o.headOwner ? minimalRepository(o.headOwner, o.repo, h, { fork: true }) : repo;
  const headBranch = o.headBranch ?? 'main';
  const name = o.workflowName ?? 'ml';
  const path = `.github/workflows/${name}.yml`;
  const workflowId = idFor('workflow', `${repo.full_name}/${path}`);
  const checkSuiteId = idFor('check-suite', `${repo.full_name}/${o.runId}`);
  const actor = user(o.headOwner ?? AUTHOR, h);
  const runUrl = `${repo.url}/actions/runs/${o.runId}`;
  const finished = new Date();
  const started = new Date(finished.getTime() - 240_000);
  const repoRef = { id: repo.id, url: repo.url, name: repo.name };
  const workflow = {
    id: workflowId,
    node_id: `W_kwDO${Buffer.from(String(workflowId)).toString('base64url')}`,
    name,
    path,
    state: 'active',
    created_at: iso(new Date('2024-03-14T09:30:00Z')),
    updated_at: iso(new Date('2024-03-14T09:30:00Z')),
    url: `${repo.url}/actions/workflows/${workflowId}`,
    html_url: `${repo.html_url}/blob/main/${path}`,
    badge_url: `${repo.html_url}/workflows/${name}/badge.svg`,
  };
  const workflowRun = {
    id: o.runId,
    name,
    node_id: `WFR_kwLO${Buffer.from(String(o.runId)).toString('base64url')}`,
    head_branch: headBranch,
    head_sha: o.headSha,
    path,
    display_title: 'Train with more data',
    run_number: 7,
    event: o.event ?? 'pull_request',
    status: 'completed',
    conclusion: o.conclusion ?? 'success',
    workflow_id: workflowId,
    check_suite_id: checkSuiteId,
    check_suite_node_id: `CS_kwDO${Buffer.from(String(checkSuiteId)).toString('base64url')}`,
    url: runUrl,
    html_url: `${repo.html_url}/actions/runs/${o.runId}`,
    pull_requests: (o.pullRequests ?? []).map((p) => ({
      url: `${repo.url}/pulls/${p.number}`,
      id: idFor('pull', `${repo.full_name}#${p.number}`),
      number: p.number,
      head: { ref: headBranch, sha: p.headSha, repo: repoRef },
      base: { ref: p.baseRef ?? 'main', sha: shaFor(`${repo.full_name}@${p.baseRef ?? 'main'}`), repo: repoRef },
    })),
    created_at: iso(started),
    updated_at: iso(finished),
    actor,
    triggering_actor: actor,
    run_attempt: 1,
    referenced_workflows: [],
    run_started_at: iso(started),
    jobs_url: `${runUrl}/jobs`,
    logs_url: `${runUrl}/logs`,
    check_suite_url: `${repo.url}/check-suites/${checkSuiteId}`,
    artifacts_url: `${runUrl}/artifacts`,
    cancel_url: `${runUrl}/cancel`,
    rerun_url: `${runUrl}/rerun`,
    previous_attempt_url: null,
    workflow_url: workflow.url,
    head_commit: {
      id: o.headSha,
      tree_id: shaFor(`tree:${o.headSha}`),
      message: 'Train with more data',
      timestamp: iso(started),
      author: { name: 'The Octocat', email: commitAuthor(AUTHOR).email },
      committer: { name: 'GitHub', email: 'noreply@github.com' },
    },
    repository: repo,
    head_repository: headRepo,
  };
  return fresh({
    action: 'completed',
    workflow,
    workflow_run: workflowRun,
    repository: repository(o.owner, o.repo, h),
    sender: actor,
  });
}
