import { GitStore } from './git.js';

/** What the loopback GitHub remembers. Handlers change it synchronously, so every change is atomic. */

export interface User {
  login: string;
  id: number;
  node_id: string;
  type: 'Bot' | 'User';
}

export interface Token {
  login: string;
  type: 'Bot' | 'User';
  /** An app installation token (the job's GITHUB_TOKEN): GET /user answers 403. */
  installation: boolean;
  /** false: a read-only token, as a pull_request run from a fork gets. */
  write: boolean;
  /**
   * The job's `permissions:` when they matter, e.g. `{ contents: 'read', 'pull-requests': 'write' }`:
   * a write needs its scope at 'write'. Scopes left out follow `write`.
   */
  permissions?: Partial<Record<Scope, 'read' | 'write' | 'none'>>;
}

export type Scope = 'contents' | 'issues' | 'pull-requests' | 'checks' | 'actions';

export interface Asset {
  id: number;
  node_id: string;
  name: string;
  label: string | null;
  content_type: string;
  content: Buffer;
  uploader: string;
  created_at: string;
  updated_at: string;
}

export interface Release {
  id: number;
  node_id: string;
  tag_name: string;
  target_commitish: string;
  name: string | null;
  body: string | null;
  draft: boolean;
  prerelease: boolean;
  author: string;
  created_at: string;
  published_at: string | null;
  assets: Asset[];
}

export interface Comment {
  kind: 'issue' | 'commit';
  repo: string;
  id: number;
  node_id: string;
  body: string;
  user: { login: string; type: 'Bot' | 'User' };
  created_at: string;
  updated_at: string;
  /** Hidden through GraphQL minimizeComment; REST never shows it, as on GitHub. */
  isMinimized: boolean;
  minimizedReason: string | null;
  /** kind 'issue': the issue or pull request number. */
  issueNumber?: number;
  /** kind 'commit': the commit sha, and the optional place in its diff. */
  commitId?: string;
  path?: string | null;
  line?: number | null;
  position?: number | null;
}

export interface CheckRun {
  repo: string;
  id: number;
  node_id: string;
  name: string;
  head_sha: string;
  status: string;
  conclusion: string | null;
  started_at: string | null;
  completed_at: string | null;
  details_url: string | null;
  external_id: string | null;
  output: { title: string | null; summary: string | null; text: string | null; annotations: unknown[]; images: unknown[] };
  actions: unknown[];
  /** The login of the token that created it (GitHub ties a check run to its app). */
  app: string;
}

export interface Pull {
  number: number;
  id: number;
  node_id: string;
  headSha: string;
  headRef: string;
  baseRef: string;
  baseSha: string;
  title: string;
  body: string | null;
  user: string;
  state: 'open' | 'closed';
  created_at: string;
  updated_at: string;
}

export interface Issue {
  number: number;
  id: number;
  node_id: string;
  title: string;
  body: string | null;
  created_at: string;
}

export interface WorkflowRun {
  id: number;
  node_id: string;
  headSha: string;
  headBranch: string;
  event: string;
  status: string;
  conclusion: string | null;
  pullRequests: number[];
  created_at: string;
}

export interface Repo {
  owner: string;
  name: string;
  fullName: string;
  id: number;
  node_id: string;
  private: boolean;
  defaultBranch: string;
  created_at: string;
  pulls: Map<number, Pull>;
  issues: Map<number, Issue>;
  commitPulls: Map<string, number[]>;
  runs: Map<number, WorkflowRun>;
  /** ref (branch, tag or sha) -> path -> bytes, seeded with addFile. */
  files: Map<string, Map<string, Buffer>>;
  git: GitStore;
  refs: Map<string, string>;
  checkRuns: CheckRun[];
  releases: Release[];
}

/** Well-known accounts keep their real ids so their objects look like GitHub's. */
const KNOWN_IDS: Record<string, number> = { 'github-actions[bot]': 41898282, 'dependabot[bot]': 49699333 };

export class World {
  readonly repos = new Map<string, Repo>();
  readonly users = new Map<string, User>();
  readonly tokens = new Map<string, Token>();
  readonly issueComments = new Map<number, Comment>();
  readonly commitComments = new Map<number, Comment>();
  readonly byNodeId = new Map<string, Comment>();
  private lastId = 1_000_000;
  private lastTime = 0;

  /** Ids only grow, across every kind of object, so creation order is id order. */
  nextId(): number {
    return ++this.lastId;
  }

  /** ISO time without milliseconds (GitHub's format), never going backwards. */
  now(): string {
    this.lastTime = Math.max(this.lastTime, Math.floor(Date.now() / 1000));
    return new Date(this.lastTime * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }

  user(login: string, type?: 'Bot' | 'User'): User {
    let u = this.users.get(login);
    if (!u) {
      const kind = type ?? (login.endsWith('[bot]') ? 'Bot' : 'User');
      const id = KNOWN_IDS[login] ?? this.nextId();
      u = { login, id, node_id: nodeId(kind === 'Bot' ? 'BOT' : 'U', id), type: kind };
      this.users.set(login, u);
    }
    return u;
  }

  repo(fullName: string): Repo | undefined {
    return this.repos.get(fullName.toLowerCase());
  }

  mustRepo(fullName: string): Repo {
    const r = this.repo(fullName);
    if (!r) throw new Error(`loopback GitHub: no repository ${fullName}; call addRepo first`);
    return r;
  }

  addRepo(fullName: string, opts: { defaultBranch?: string; private?: boolean } = {}): Repo {
    const [owner, name] = fullName.split('/');
    if (!owner || !name) throw new Error(`loopback GitHub: a repository is "owner/name", not "${fullName}"`);
    const id = this.nextId();
    const repo: Repo = {
      owner,
      name,
      fullName,
      id,
      node_id: nodeId('R', id),
      private: opts.private ?? false,
      defaultBranch: opts.defaultBranch ?? 'main',
      created_at: this.now(),
      pulls: new Map(),
      issues: new Map(),
      commitPulls: new Map(),
      runs: new Map(),
      files: new Map(),
      git: new GitStore(),
      refs: new Map(),
      checkRuns: [],
      releases: [],
    };
    this.user(owner);
    // The default branch starts at a root commit with an empty tree, as a repository created with a README would start at one.
    const sig = { name: owner, email: `${owner}@users.noreply.github.com`, date: repo.created_at };
    const root = repo.git.putCommit({ tree: repo.git.putTree([]), parents: [], message: 'Initial commit', author: sig, committer: sig });
    repo.refs.set(`refs/heads/${repo.defaultBranch}`, root);
    this.repos.set(fullName.toLowerCase(), repo);
    return repo;
  }

  /** Records a new comment under the next id. */
  addComment(c: Omit<Comment, 'id' | 'node_id' | 'created_at' | 'updated_at' | 'isMinimized' | 'minimizedReason'>): Comment {
    const id = this.nextId();
    const now = this.now();
    const comment: Comment = {
      ...c,
      id,
      node_id: nodeId(c.kind === 'issue' ? 'IC' : 'CC', id),
      created_at: now,
      updated_at: now,
      isMinimized: false,
      minimizedReason: null,
    };
    (c.kind === 'issue' ? this.issueComments : this.commitComments).set(id, comment);
    this.byNodeId.set(comment.node_id, comment);
    return comment;
  }

  deleteComment(c: Comment): void {
    (c.kind === 'issue' ? this.issueComments : this.commitComments).delete(c.id);
    this.byNodeId.delete(c.node_id);
  }
}

/** GitHub's newer global ids: a type prefix and an opaque base64 tail. */
export function nodeId(prefix: string, id: number): string {
  return `${prefix}_kwDO${Buffer.from(`0:${id}`).toString('base64url')}`;
}
