import { createHash } from 'node:crypto';
import { unmergedPullFields, userUrls } from './fields.js';
import type { GitObject, Signature, TreeEntry } from './git.js';
import type { Asset, CheckRun, Comment, Pull, Release, Repo, User, World, WorkflowRun } from './state.js';

/**
 * The REST representations of the stored objects, with every field GitHub's description requires.
 * `api` is the loopback server's API root (so `url` fields lead back to it), `web` the server URL
 * that `html_url`s are built from (https://github.com unless a test says otherwise).
 */
export interface Urls {
  api: string;
  web: string;
  /** Where release assets are uploaded: GitHub's uploads host, here `${origin}/api/uploads` as on GHES. */
  uploads: string;
}

const T0 = '2024-01-01T00:00:00Z';

export function simpleUser(u: User, x: Urls): Record<string, unknown> {
  const api = `${x.api}/users/${encodeURIComponent(u.login)}`;
  return {
    login: u.login,
    id: u.id,
    node_id: u.node_id,
    avatar_url: `https://avatars.githubusercontent.com/u/${u.id}?v=4`,
    gravatar_id: '',
    url: api,
    html_url: u.type === 'Bot' ? `${x.web}/apps/${u.login.replace(/\[bot\]$/, '')}` : `${x.web}/${u.login}`,
    ...userUrls(api),
    type: u.type,
    user_view_type: 'public',
    site_admin: false,
  };
}

/** GET /user for a person's token. */
export function privateUser(u: User, x: Urls): Record<string, unknown> {
  return {
    ...simpleUser(u, x),
    user_view_type: 'private',
    name: u.login,
    company: null,
    blog: '',
    location: null,
    email: null,
    hireable: null,
    bio: null,
    twitter_username: null,
    public_repos: 1,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: T0,
    updated_at: T0,
    private_gists: 0,
    total_private_repos: 0,
    owned_private_repos: 0,
    disk_usage: 0,
    collaborators: 0,
    two_factor_authentication: true,
    plan: { name: 'free', space: 976562499, private_repos: 10000, collaborators: 0 },
  };
}

function repoUrls(r: Repo, x: Urls): Record<string, unknown> {
  const api = `${x.api}/repos/${r.owner}/${r.name}`;
  return {
    url: api,
    archive_url: `${api}/{archive_format}{/ref}`,
    assignees_url: `${api}/assignees{/user}`,
    blobs_url: `${api}/git/blobs{/sha}`,
    branches_url: `${api}/branches{/branch}`,
    collaborators_url: `${api}/collaborators{/collaborator}`,
    comments_url: `${api}/comments{/number}`,
    commits_url: `${api}/commits{/sha}`,
    compare_url: `${api}/compare/{base}...{head}`,
    contents_url: `${api}/contents/{+path}`,
    contributors_url: `${api}/contributors`,
    deployments_url: `${api}/deployments`,
    downloads_url: `${api}/downloads`,
    events_url: `${api}/events`,
    forks_url: `${api}/forks`,
    git_commits_url: `${api}/git/commits{/sha}`,
    git_refs_url: `${api}/git/refs{/sha}`,
    git_tags_url: `${api}/git/tags{/sha}`,
    hooks_url: `${api}/hooks`,
    issue_comment_url: `${api}/issues/comments{/number}`,
    issue_events_url: `${api}/issues/events{/number}`,
    issues_url: `${api}/issues{/number}`,
    keys_url: `${api}/keys{/key_id}`,
    labels_url: `${api}/labels{/name}`,
    languages_url: `${api}/languages`,
    merges_url: `${api}/merges`,
    milestones_url: `${api}/milestones{/number}`,
    notifications_url: `${api}/notifications{?since,all,participating}`,
    pulls_url: `${api}/pulls{/number}`,
    releases_url: `${api}/releases{/id}`,
    stargazers_url: `${api}/stargazers`,
    statuses_url: `${api}/statuses/{sha}`,
    subscribers_url: `${api}/subscribers`,
    subscription_url: `${api}/subscription`,
    tags_url: `${api}/tags`,
    teams_url: `${api}/teams`,
    trees_url: `${api}/git/trees{/sha}`,
  };
}

/** The `minimal-repository` shape (workflow runs). */
export function minimalRepository(w: World, r: Repo, x: Urls): Record<string, unknown> {
  return {
    id: r.id,
    node_id: r.node_id,
    name: r.name,
    full_name: r.fullName,
    owner: simpleUser(w.user(r.owner), x),
    private: r.private,
    html_url: `${x.web}/${r.fullName}`,
    description: null,
    fork: false,
    ...repoUrls(r, x),
  };
}

/** The `repository` shape (a pull request's head and base). */
export function repository(w: World, r: Repo, x: Urls): Record<string, unknown> {
  const host = new URL(x.web).host;
  return {
    ...minimalRepository(w, r, x),
    clone_url: `${x.web}/${r.fullName}.git`,
    git_url: `git://${host}/${r.fullName}.git`,
    ssh_url: `git@${host}:${r.fullName}.git`,
    svn_url: `${x.web}/${r.fullName}`,
    mirror_url: null,
    homepage: null,
    language: 'Python',
    forks: 0,
    forks_count: 0,
    stargazers_count: 0,
    watchers: 0,
    watchers_count: 0,
    size: 1,
    default_branch: r.defaultBranch,
    open_issues: [...r.issues.values()].length + [...r.pulls.values()].filter((p) => p.state === 'open').length,
    open_issues_count: [...r.issues.values()].length + [...r.pulls.values()].filter((p) => p.state === 'open').length,
    is_template: false,
    topics: [],
    has_issues: true,
    has_projects: true,
    has_wiki: true,
    has_pages: false,
    has_downloads: true,
    has_discussions: false,
    archived: false,
    disabled: false,
    visibility: r.private ? 'private' : 'public',
    license: null,
    pushed_at: r.created_at,
    created_at: r.created_at,
    updated_at: r.created_at,
    permissions: { admin: false, maintain: false, push: true, triage: true, pull: true },
    allow_forking: true,
    web_commit_signoff_required: false,
  };
}

/** GET /repos/{owner}/{repo}. */
export function fullRepository(w: World, r: Repo, x: Urls): Record<string, unknown> {
  return { ...repository(w, r, x), network_count: 0, subscribers_count: 0 };
}

function pullLinks(r: Repo, n: number, x: Urls): Record<string, unknown> {
  const api = `${x.api}/repos/${r.fullName}`;
  return {
    self: { href: `${api}/pulls/${n}` },
    html: { href: `${x.web}/${r.fullName}/pull/${n}` },
    issue: { href: `${api}/issues/${n}` },
    comments: { href: `${api}/issues/${n}/comments` },
    review_comments: { href: `${api}/pulls/${n}/comments` },
    review_comment: { href: `${api}/pulls/comments{/number}` },
    commits: { href: `${api}/pulls/${n}/commits` },
    statuses: { href: `${api}/statuses/HEAD_SHA` },
  };
}

/** The `pull-request-simple` shape (lists). */
export function pullSimple(w: World, r: Repo, p: Pull, x: Urls): Record<string, unknown> {
  const api = `${x.api}/repos/${r.fullName}`;
  const links = pullLinks(r, p.number, x) as Record<string, { href: string }>;
  links.statuses = { href: `${api}/statuses/${p.headSha}` };
  const branch = (ref: string, sha: string): Record<string, unknown> => ({
    label: `${r.owner}:${ref}`,
    ref,
    sha,
    user: simpleUser(w.user(r.owner), x),
    repo: repository(w, r, x),
  });
  return {
    url: `${api}/pulls/${p.number}`,
    id: p.id,
    node_id: p.node_id,
    html_url: `${x.web}/${r.fullName}/pull/${p.number}`,
    diff_url: `${x.web}/${r.fullName}/pull/${p.number}.diff`,
    patch_url: `${x.web}/${r.fullName}/pull/${p.number}.patch`,
    issue_url: `${api}/issues/${p.number}`,
    commits_url: `${api}/pulls/${p.number}/commits`,
    review_comments_url: `${api}/pulls/${p.number}/comments`,
    review_comment_url: `${api}/pulls/comments{/number}`,
    comments_url: `${api}/issues/${p.number}/comments`,
    statuses_url: `${api}/statuses/${p.headSha}`,
    number: p.number,
    state: p.state,
    locked: false,
    title: p.title,
    user: simpleUser(w.user(p.user), x),
    body: p.body,
    labels: [],
    milestone: null,
    active_lock_reason: null,
    created_at: p.created_at,
    updated_at: p.updated_at,
    closed_at: p.state === 'closed' ? p.updated_at : null,
    ...unmergedPullFields(),
    head: branch(p.headRef, p.headSha),
    base: branch(p.baseRef, p.baseSha),
    _links: links,
    author_association: p.user === r.owner ? 'OWNER' : 'CONTRIBUTOR',
    auto_merge: null,
    draft: false,
  };
}

/** The `pull-request` shape (GET one). */
export function pull(w: World, r: Repo, p: Pull, x: Urls): Record<string, unknown> {
  return {
    ...pullSimple(w, r, p, x),
    merged: false,
    mergeable: true,
    rebaseable: true,
    mergeable_state: 'clean',
    merged_by: null,
    comments: [...w.issueComments.values()].filter((c) => c.repo === r.fullName && c.issueNumber === p.number).length,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: 1,
    additions: 1,
    deletions: 0,
    changed_files: 1,
  };
}

export function pullMinimal(r: Repo, p: Pull, x: Urls): Record<string, unknown> {
  const repo = { id: r.id, url: `${x.api}/repos/${r.fullName}`, name: r.name };
  return {
    id: p.id,
    number: p.number,
    url: `${x.api}/repos/${r.fullName}/pulls/${p.number}`,
    head: { ref: p.headRef, sha: p.headSha, repo },
    base: { ref: p.baseRef, sha: p.baseSha, repo },
  };
}

function association(r: Repo, login: string): string {
  return login === r.owner ? 'OWNER' : login.endsWith('[bot]') ? 'NONE' : 'CONTRIBUTOR';
}

export function issueComment(w: World, r: Repo, c: Comment, x: Urls): Record<string, unknown> {
  const api = `${x.api}/repos/${r.fullName}`;
  const kind = r.pulls.has(c.issueNumber!) ? 'pull' : 'issues';
  return {
    id: c.id,
    node_id: c.node_id,
    url: `${api}/issues/comments/${c.id}`,
    html_url: `${x.web}/${r.fullName}/${kind}/${c.issueNumber}#issuecomment-${c.id}`,
    body: c.body,
    user: simpleUser(w.user(c.user.login, c.user.type), x),
    created_at: c.created_at,
    updated_at: c.updated_at,
    issue_url: `${api}/issues/${c.issueNumber}`,
    author_association: association(r, c.user.login),
    performed_via_github_app: null,
    reactions: reactions(`${api}/issues/comments/${c.id}/reactions`),
  };
}

export function commitComment(w: World, r: Repo, c: Comment, x: Urls): Record<string, unknown> {
  const api = `${x.api}/repos/${r.fullName}`;
  return {
    html_url: `${x.web}/${r.fullName}/commit/${c.commitId}#commitcomment-${c.id}`,
    url: `${api}/comments/${c.id}`,
    id: c.id,
    node_id: c.node_id,
    body: c.body,
    path: c.path ?? null,
    position: c.position ?? null,
    line: c.line ?? null,
    commit_id: c.commitId,
    user: simpleUser(w.user(c.user.login, c.user.type), x),
    created_at: c.created_at,
    updated_at: c.updated_at,
    author_association: association(r, c.user.login),
    reactions: reactions(`${api}/comments/${c.id}/reactions`),
  };
}

function reactions(url: string): Record<string, unknown> {
  return { url, total_count: 0, '+1': 0, '-1': 0, laugh: 0, confused: 0, heart: 0, hooray: 0, eyes: 0, rocket: 0 };
}

/** The app a check run belongs to: GitHub Actions for the job token. */
function app(w: World, login: string, x: Urls): Record<string, unknown> {
  const slug = login.replace(/\[bot\]$/, '');
  const owner = w.user('github');
  return {
    id: 15368,
    slug,
    client_id: 'Iv1.0000000000000000',
    node_id: 'MDM6QXBwMTUzNjg=',
    owner: simpleUser(owner, x),
    name: slug === 'github-actions' ? 'GitHub Actions' : slug,
    description: 'Automate your workflow from idea to production',
    external_url: 'https://help.github.com/en/actions',
    html_url: `${x.web}/apps/${slug}`,
    created_at: '2018-07-30T09:30:17Z',
    updated_at: '2024-04-10T20:33:16Z',
    permissions: { checks: 'write', contents: 'write', issues: 'write', metadata: 'read', pull_requests: 'write' },
    events: ['check_run', 'pull_request', 'push'],
  };
}

export function checkRun(w: World, r: Repo, c: CheckRun, x: Urls): Record<string, unknown> {
  const api = `${x.api}/repos/${r.fullName}`;
  const pulls = [...r.pulls.values()].filter((p) => p.headSha === c.head_sha && p.state === 'open');
  return {
    id: c.id,
    head_sha: c.head_sha,
    node_id: c.node_id,
    external_id: c.external_id ?? '',
    url: `${api}/check-runs/${c.id}`,
    html_url: `${x.web}/${r.fullName}/runs/${c.id}`,
    details_url: c.details_url ?? `${x.web}/${r.fullName}/runs/${c.id}`,
    status: c.status,
    conclusion: c.conclusion,
    started_at: c.started_at,
    completed_at: c.completed_at,
    output: {
      title: c.output.title,
      summary: c.output.summary,
      text: c.output.text,
      annotations_count: c.output.annotations.length,
      annotations_url: `${api}/check-runs/${c.id}/annotations`,
    },
    name: c.name,
    check_suite: { id: c.id + 1 },
    app: app(w, c.app, x),
    pull_requests: pulls.map((p) => pullMinimal(r, p, x)),
  };
}

export function workflowRun(w: World, r: Repo, run: WorkflowRun, x: Urls): Record<string, unknown> {
  const api = `${x.api}/repos/${r.fullName}/actions/runs/${run.id}`;
  const actor = simpleUser(w.user(r.owner), x);
  return {
    id: run.id,
    name: 'CI',
    node_id: run.node_id,
    check_suite_id: run.id + 1,
    check_suite_node_id: `CS_kwDO${run.id}`,
    head_branch: run.headBranch,
    head_sha: run.headSha,
    path: '.github/workflows/ci.yml',
    display_title: 'CI',
    run_number: 1,
    run_attempt: 1,
    event: run.event,
    status: run.status,
    conclusion: run.conclusion,
    workflow_id: 1,
    url: api,
    html_url: `${x.web}/${r.fullName}/actions/runs/${run.id}`,
    pull_requests: run.pullRequests
      .map((n) => r.pulls.get(n))
      .filter((p): p is Pull => Boolean(p))
      .map((p) => pullMinimal(r, p, x)),
    created_at: run.created_at,
    updated_at: run.created_at,
    run_started_at: run.created_at,
    actor,
    triggering_actor: actor,
    jobs_url: `${api}/jobs`,
    logs_url: `${api}/logs`,
    check_suite_url: `${x.api}/repos/${r.fullName}/check-suites/${run.id + 1}`,
    artifacts_url: `${api}/artifacts`,
    cancel_url: `${api}/cancel`,
    rerun_url: `${api}/rerun`,
    workflow_url: `${x.api}/repos/${r.fullName}/actions/workflows/1`,
    head_commit: {
      id: run.headSha,
      tree_id: run.headSha,
      message: 'Commit',
      timestamp: run.created_at,
      author: { name: r.owner, email: `${r.owner}@users.noreply.github.com` },
      committer: { name: 'GitHub', email: 'noreply@github.com' },
    },
    repository: minimalRepository(w, r, x),
    head_repository: minimalRepository(w, r, x),
  };
}

export function gitRef(r: Repo, ref: string, sha: string, x: Urls): Record<string, unknown> {
  const obj = r.git.get(sha);
  return {
    ref,
    node_id: `REF_kwDO${Buffer.from(`${r.id}:${ref}`).toString('base64url')}`,
    // GitHub escapes what a URL cannot hold as is (GTO's `#` in `name#stage#N`).
    url: `${x.api}/repos/${r.fullName}/git/${ref.split('/').map(encodeURIComponent).join('/')}`,
    object: { sha, type: obj?.type ?? 'commit', url: `${x.api}/repos/${r.fullName}/git/${obj?.type ?? 'commit'}s/${sha}` },
  };
}

export function gitTag(r: Repo, t: Extract<GitObject, { type: 'tag' }>, x: Urls): Record<string, unknown> {
  const api = `${x.api}/repos/${r.fullName}`;
  return {
    node_id: `TAG_kwDO${Buffer.from(`${r.id}:${t.sha}`).toString('base64url')}`,
    tag: t.tag,
    sha: t.sha,
    url: `${api}/git/tags/${t.sha}`,
    message: t.message,
    tagger: t.tagger,
    object: { type: t.objectType, sha: t.object, url: `${api}/git/commits/${t.object}` },
    verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
  };
}

export function gitCommit(r: Repo, c: Extract<GitObject, { type: 'commit' }>, x: Urls): Record<string, unknown> {
  const api = `${x.api}/repos/${r.fullName}`;
  return {
    sha: c.sha,
    node_id: `C_kwDO${Buffer.from(`${r.id}:${c.sha}`).toString('base64url')}`,
    url: `${api}/git/commits/${c.sha}`,
    html_url: `${x.web}/${r.fullName}/commit/${c.sha}`,
    author: c.author,
    committer: c.committer,
    message: c.message,
    tree: { sha: c.tree, url: `${api}/git/trees/${c.tree}` },
    parents: c.parents.map((p) => ({ sha: p, url: `${api}/git/commits/${p}`, html_url: `${x.web}/${r.fullName}/commit/${p}` })),
    verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
  };
}

/** `GET /repos/{owner}/{repo}/commits/{ref}`: the commit with its git data; no files listed. */
export function commit(
  r: Repo,
  c: { sha: string; tree: string; parents: string[]; message: string; author: Signature; committer: Signature },
  x: Urls,
): Record<string, unknown> {
  const api = `${x.api}/repos/${r.fullName}`;
  return {
    sha: c.sha,
    node_id: `C_kwDO${Buffer.from(`${r.id}:${c.sha}`).toString('base64url')}`,
    url: `${api}/commits/${c.sha}`,
    html_url: `${x.web}/${r.fullName}/commit/${c.sha}`,
    comments_url: `${api}/commits/${c.sha}/comments`,
    commit: {
      url: `${api}/git/commits/${c.sha}`,
      author: c.author,
      committer: c.committer,
      message: c.message,
      comment_count: 0,
      tree: { sha: c.tree, url: `${api}/git/trees/${c.tree}` },
      verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
    },
    author: null,
    committer: null,
    parents: c.parents.map((p) => ({ sha: p, url: `${api}/commits/${p}`, html_url: `${x.web}/${r.fullName}/commit/${p}` })),
    stats: { additions: 0, deletions: 0, total: 0 },
    files: [],
  };
}

export function gitTree(r: Repo, sha: string, entries: TreeEntry[], x: Urls): Record<string, unknown> {
  const api = `${x.api}/repos/${r.fullName}`;
  return {
    sha,
    url: `${api}/git/trees/${sha}`,
    truncated: false,
    tree: entries.map((e) => {
      const obj = r.git.get(e.sha);
      return {
        path: e.path,
        mode: e.mode,
        type: e.type,
        sha: e.sha,
        ...(obj?.type === 'blob' ? { size: obj.content.length } : {}),
        url: `${api}/git/${e.type}s/${e.sha}`,
      };
    }),
  };
}

export function contentFile(r: Repo, path: string, ref: string, sha: string, content: Buffer, x: Urls): Record<string, unknown> {
  const api = `${x.api}/repos/${r.fullName}`;
  const self = `${api}/contents/${path}?ref=${encodeURIComponent(ref)}`;
  const html = `${x.web}/${r.fullName}/blob/${ref}/${path}`;
  const git = `${api}/git/blobs/${sha}`;
  return {
    type: 'file',
    encoding: 'base64',
    size: content.length,
    name: path.split('/').pop(),
    path,
    // GitHub wraps base64 content at 60 characters.
    content: (content.toString('base64').match(/.{1,60}/g) ?? ['']).join('\n'),
    sha,
    url: self,
    git_url: git,
    html_url: html,
    download_url: `${x.web}/${r.fullName}/raw/${ref}/${path}`,
    _links: { self, git, html },
  };
}

export function contentEntry(r: Repo, path: string, ref: string, type: 'file' | 'dir', sha: string, size: number, x: Urls): Record<string, unknown> {
  const api = `${x.api}/repos/${r.fullName}`;
  const self = `${api}/contents/${path}?ref=${encodeURIComponent(ref)}`;
  const html = `${x.web}/${r.fullName}/${type === 'dir' ? 'tree' : 'blob'}/${ref}/${path}`;
  const git = `${api}/git/${type === 'dir' ? 'trees' : 'blobs'}/${sha}`;
  return {
    type,
    size,
    name: path.split('/').pop(),
    path,
    sha,
    url: self,
    git_url: git,
    html_url: html,
    download_url: type === 'file' ? `${x.web}/${r.fullName}/raw/${ref}/${path}` : null,
    _links: { self, git, html },
  };
}

export function releaseAsset(w: World, r: Repo, rel: Release, a: Asset, x: Urls): Record<string, unknown> {
  return {
    url: `${x.api}/repos/${r.fullName}/releases/assets/${a.id}`,
    browser_download_url: `${x.web}/${r.fullName}/releases/download/${encodeURIComponent(rel.tag_name)}/${encodeURIComponent(a.name)}`,
    id: a.id,
    node_id: a.node_id,
    name: a.name,
    label: a.label,
    state: 'uploaded',
    content_type: a.content_type,
    size: a.content.length,
    digest: `sha256:${createHash('sha256').update(a.content).digest('hex')}`,
    download_count: 0,
    created_at: a.created_at,
    updated_at: a.updated_at,
    uploader: simpleUser(w.user(a.uploader), x),
  };
}

export function release(w: World, r: Repo, rel: Release, x: Urls): Record<string, unknown> {
  const api = `${x.api}/repos/${r.fullName}/releases/${rel.id}`;
  const tag = encodeURIComponent(rel.tag_name);
  return {
    url: api,
    html_url: rel.draft ? `${x.web}/${r.fullName}/releases/tag/untagged-${rel.id}` : `${x.web}/${r.fullName}/releases/tag/${tag}`,
    assets_url: `${api}/assets`,
    upload_url: `${x.uploads}/repos/${r.fullName}/releases/${rel.id}/assets{?name,label}`,
    tarball_url: rel.draft ? null : `${x.api}/repos/${r.fullName}/tarball/${tag}`,
    zipball_url: rel.draft ? null : `${x.api}/repos/${r.fullName}/zipball/${tag}`,
    id: rel.id,
    node_id: rel.node_id,
    tag_name: rel.tag_name,
    target_commitish: rel.target_commitish,
    name: rel.name,
    body: rel.body,
    draft: rel.draft,
    prerelease: rel.prerelease,
    immutable: false,
    created_at: rel.created_at,
    updated_at: rel.published_at ?? rel.created_at,
    published_at: rel.published_at,
    author: simpleUser(w.user(rel.author), x),
    assets: rel.assets.map((a) => releaseAsset(w, r, rel, a, x)),
  };
}
