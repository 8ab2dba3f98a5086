import { createHash } from 'node:crypto';
import { userUrls } from '../github/fields.js';

/**
 * The GitHub objects webhook payloads are made of (users, repositories), with every URL field a
 * real payload carries, so code that follows a payload's links lands on the loopback server.
 */

export interface Hosts {
  /** https://github.com, or a GHES host. */
  server: string;
  /** https://api.github.com, or <server>/api/v3 on GHES. */
  api: string;
}

export function hosts(serverUrl?: string, apiUrl?: string): Hosts {
  const server = (serverUrl ?? 'https://github.com').replace(/\/$/, '');
  const api = (apiUrl ?? (server === 'https://github.com' ? 'https://api.github.com' : `${server}/api/v3`)).replace(/\/$/, '');
  return { server, api };
}

/** A stable positive id for a name, so a payload names the same repository the same way twice. */
export function idFor(kind: string, name: string, max = 2 ** 31 - 1): number {
  return (createHash('sha256').update(`${kind}:${name}`).digest().readUInt32BE(0) % (max - 1)) + 1;
}

/** A plausible 40-hex commit sha derived from a seed. */
export function shaFor(seed: string): string {
  return createHash('sha1').update(seed).digest('hex');
}

const nodeId = (prefix: string, id: number) => `${prefix}_kgDO${Buffer.from(String(id)).toString('base64url')}`;

/** Seconds precision, as GitHub writes timestamps. */
export const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

export function user(login: string, h: Hosts, type: 'User' | 'Organization' | 'Bot' = 'User') {
  const id = idFor('user', login.toLowerCase());
  const url = `${h.api}/users/${login}`;
  return {
    login,
    id,
    node_id: nodeId(type === 'Organization' ? 'O' : 'U', id),
    avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
    gravatar_id: '',
    url,
    html_url: `${h.server}/${login}`,
    ...userUrls(url),
    type,
    user_view_type: 'public',
    site_admin: false,
  };
}

/** The URL-bearing core every repository object has, minimal ones included (workflow_run). */
export function minimalRepository(owner: string, name: string, h: Hosts, o: { fork?: boolean } = {}) {
  const full = `${owner}/${name}`;
  const id = idFor('repo', full.toLowerCase());
  const url = `${h.api}/repos/${full}`;
  return {
    id,
    node_id: nodeId('R', id),
    name,
    full_name: full,
    private: false,
    owner: user(owner, h),
    html_url: `${h.server}/${full}`,
    description: null as string | null,
    fork: o.fork ?? false,
    url,
    forks_url: `${url}/forks`,
    keys_url: `${url}/keys{/key_id}`,
    collaborators_url: `${url}/collaborators{/collaborator}`,
    teams_url: `${url}/teams`,
    hooks_url: `${url}/hooks`,
    issue_events_url: `${url}/issues/events{/number}`,
    events_url: `${url}/events`,
    assignees_url: `${url}/assignees{/user}`,
    branches_url: `${url}/branches{/branch}`,
    tags_url: `${url}/tags`,
    blobs_url: `${url}/git/blobs{/sha}`,
    git_tags_url: `${url}/git/tags{/sha}`,
    git_refs_url: `${url}/git/refs{/sha}`,
    trees_url: `${url}/git/trees{/sha}`,
    statuses_url: `${url}/statuses/{sha}`,
    languages_url: `${url}/languages`,
    stargazers_url: `${url}/stargazers`,
    contributors_url: `${url}/contributors`,
    subscribers_url: `${url}/subscribers`,
    subscription_url: `${url}/subscription`,
    commits_url: `${url}/commits{/sha}`,
    git_commits_url: `${url}/git/commits{/sha}`,
    comments_url: `${url}/comments{/number}`,
    issue_comment_url: `${url}/issues/comments{/number}`,
    contents_url: `${url}/contents/{+path}`,
    compare_url: `${url}/compare/{base}...{head}`,
    merges_url: `${url}/merges`,
    archive_url: `${url}/{archive_format}{/ref}`,
    downloads_url: `${url}/downloads`,
    issues_url: `${url}/issues{/number}`,
    pulls_url: `${url}/pulls{/number}`,
    milestones_url: `${url}/milestones{/number}`,
    notifications_url: `${url}/notifications{?since,all,participating}`,
    labels_url: `${url}/labels{/name}`,
    releases_url: `${url}/releases{/id}`,
    deployments_url: `${url}/deployments`,
  };
}

const CREATED = new Date('2024-03-14T09:26:53Z');

/** A full repository object, as in `repository`, `pull_request.base.repo` and `.head.repo`. */
export function repository(owner: string, name: string, h: Hosts, o: { fork?: boolean; defaultBranch?: string } = {}) {
  const min = minimalRepository(owner, name, h, o);
  const host = new URL(h.server).host;
  return {
    ...min,
    created_at: iso(CREATED) as string | number,
    updated_at: iso(new Date()),
    pushed_at: iso(new Date()) as string | number,
    git_url: `git://${host}/${min.full_name}.git`,
    ssh_url: `git@${host}:${min.full_name}.git`,
    clone_url: `${h.server}/${min.full_name}.git`,
    svn_url: `${h.server}/${min.full_name}`,
    homepage: null,
    size: 1024,
    stargazers_count: 0,
    watchers_count: 0,
    language: 'Python',
    has_issues: true,
    has_projects: true,
    has_downloads: true,
    has_wiki: true,
    has_pages: false,
    has_discussions: false,
    forks_count: 0,
    mirror_url: null,
    archived: false,
    disabled: false,
    open_issues_count: 1,
    license: {
      key: 'mit',
      name: 'MIT License',
      spdx_id: 'MIT',
      url: `${h.api}/licenses/mit`,
      node_id: 'MDc6TGljZW5zZTEz',
    },
    allow_forking: true,
    is_template: false,
    web_commit_signoff_required: false,
    topics: ['machine-learning'],
    visibility: 'public',
    forks: 0,
    open_issues: 1,
    watchers: 0,
    default_branch: o.defaultBranch ?? 'main',
  };
}
