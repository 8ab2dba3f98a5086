import { GitError, blobSha, type NewEntry, type Signature } from './git.js';
import { HttpError, charLength, notFound, paginate, unprocessable, validationFailed, type Req, type Res } from './http.js';
import * as shape from './shapes.js';
import type { CheckRun, Comment, Release, Repo, Scope, Token, World } from './state.js';
import { nodeId } from './state.js';

/** The REST endpoints the loopback GitHub implements, by method and GitHub's path template. */

export type Handler = (req: Req) => Res | Promise<Res>;
export type Route = [method: string, template: string, handler: Handler];

/** GitHub refuses comment bodies longer than this many characters. */
export const MAX_COMMENT = 65_536;
/** ...and check run summaries and texts longer than this (characters, and bytes). */
export const MAX_CHECK_OUTPUT = 65_535;
const MAX_ANNOTATIONS = 50;

/** The `permissions:` scopes that allow an operation's writes (any one of them suffices). */
export function scopesFor(operationId: string): Scope[] {
  if (operationId.startsWith('issues/')) return ['issues', 'pull-requests'];
  if (operationId.startsWith('pulls/')) return ['pull-requests'];
  if (operationId.startsWith('checks/')) return ['checks'];
  if (operationId.startsWith('actions/')) return ['actions'];
  return ['contents'];
}

/** Whether a token may make a write that any of `scopes` allows. */
export function mayWrite(token: Token, scopes: Scope[]): boolean {
  return token.write && scopes.some((s) => (token.permissions?.[s] ?? 'write') === 'write');
}

export function builtinRoutes(w: World): Route[] {
  const repoOf = (req: Req): Repo => {
    const r = w.repo(`${req.params.owner}/${req.params.repo}`);
    if (!r) throw notFound(docs(req));
    return r;
  };
  const docs = (req: Req): string | undefined => req.docs;
  const int = (s: string): number => Number(s);

  const issueCommentOf = (req: Req, r: Repo): Comment => {
    const c = w.issueComments.get(int(req.params.comment_id));
    if (!c || c.repo !== r.fullName) throw notFound(docs(req));
    return c;
  };
  const commitCommentOf = (req: Req, r: Repo): Comment => {
    const c = w.commitComments.get(int(req.params.comment_id));
    if (!c || c.repo !== r.fullName) throw notFound(docs(req));
    return c;
  };
  const checkBody = (req: Req, resource: string): void => {
    const n = charLength(String(req.body?.body ?? ''));
    if (n > MAX_COMMENT) {
      throw validationFailed(docs(req), { resource, field: 'body', message: `body is too long (maximum is ${MAX_COMMENT} characters)` });
    }
  };
  const created = (body: Record<string, unknown>): Res => ({ status: 201, body, headers: { location: String(body.url) } });
  const author = (req: Req): Comment['user'] => ({ login: req.token.login, type: req.token.type });

  // The sha of the commit that stands for a ref seeded with addFile (see GET commits/{ref}).
  const standInSha = (ref: string): string => (/^[0-9a-f]{40}$/.test(ref) ? ref : blobSha(Buffer.from(`ref ${ref}`)));
  // The sha GET commits/{ref} answers for a ref: the git store's commit, else the stand-in.
  const commitSha = (r: Repo, ref: string): string => {
    const sha = resolveRef(r, ref);
    return sha && r.git.get(sha)?.type === 'commit' ? sha : standInSha(ref);
  };

  // A ref as the checks and contents endpoints take it: a sha, a branch, `heads/x` or `tags/x`.
  const resolveRef = (r: Repo, ref: string): string | undefined => {
    for (const candidate of [`refs/${ref}`, `refs/heads/${ref}`, `refs/tags/${ref}`, ref]) {
      const sha = r.refs.get(candidate);
      if (sha) return sha;
    }
    return /^[0-9a-f]{7,40}$/i.test(ref) ? ref : undefined;
  };

  const gitErrors = <T>(req: Req, f: () => T): T => {
    try {
      return f();
    } catch (e) {
      if (e instanceof GitError) throw e.status === 404 ? notFound(docs(req)) : unprocessable(docs(req), e.message);
      throw e;
    }
  };

  const signature = (req: Req, given: Partial<Signature> | undefined): Signature => ({
    name: given?.name ?? req.token.login,
    email: given?.email ?? `${req.token.login.replace(/\[bot\]$/, '')}@users.noreply.github.com`,
    date: given?.date ? new Date(given.date).toISOString().replace(/\.\d{3}Z$/, 'Z') : w.now(),
  });

  const checkOutput = (req: Req, output: { summary?: string; text?: string; annotations?: unknown[] } | undefined): void => {
    for (const field of ['summary', 'text'] as const) {
      const value = output?.[field];
      if (typeof value !== 'string') continue;
      const chars = charLength(value);
      if (chars > MAX_CHECK_OUTPUT) {
        throw new HttpError(422, {
          message: `Invalid request.\n\nOnly ${MAX_CHECK_OUTPUT} characters are allowed; ${chars} were supplied.`,
          documentation_url: docs(req),
          status: '422',
        });
      }
      if (Buffer.byteLength(value) > MAX_CHECK_OUTPUT) {
        throw validationFailed(docs(req), { resource: 'CheckRun', field, message: `${field} exceeds a maximum bytesize of ${MAX_CHECK_OUTPUT}` });
      }
    }
    if ((output?.annotations?.length ?? 0) > MAX_ANNOTATIONS) {
      throw unprocessable(docs(req), `Invalid request.\n\nOnly ${MAX_ANNOTATIONS} annotations are allowed per request.`);
    }
  };

  const applyCheck = (c: CheckRun, b: any): void => {
    for (const k of ['name', 'details_url', 'external_id', 'started_at'] as const) if (b[k] !== undefined) (c as any)[k] = b[k];
    if (b.status !== undefined) c.status = b.status;
    if (b.conclusion !== undefined) {
      c.conclusion = b.conclusion;
      c.status = 'completed';
    }
    if (b.completed_at !== undefined) c.completed_at = b.completed_at;
    if (c.status === 'completed' && !c.completed_at) c.completed_at = w.now();
    if (b.output) {
      c.output.title = b.output.title ?? c.output.title;
      c.output.summary = b.output.summary ?? c.output.summary;
      c.output.text = b.output.text ?? c.output.text;
      c.output.annotations.push(...(b.output.annotations ?? []));
      c.output.images.push(...(b.output.images ?? []));
    }
    if (b.actions) c.actions = b.actions;
  };

  const releaseOf = (req: Req, r: Repo): Release => {
    const rel = r.releases.find((x) => x.id === int(req.params.release_id));
    if (!rel) throw notFound(docs(req));
    return rel;
  };
  const assetOf = (req: Req, r: Repo): { rel: Release; asset: Release['assets'][number] } => {
    for (const rel of r.releases) {
      const asset = rel.assets.find((a) => a.id === int(req.params.asset_id));
      if (asset) return { rel, asset };
    }
    throw notFound(docs(req));
  };
  const applyRelease = (r: Repo, rel: Release, b: any): void => {
    for (const k of ['tag_name', 'target_commitish', 'name', 'body', 'prerelease'] as const) if (b[k] !== undefined) (rel as any)[k] = b[k];
    if (b.draft !== undefined) rel.draft = b.draft;
    if (!rel.draft && !rel.published_at) rel.published_at = w.now();
    // Publishing creates the tag at the target, as GitHub does, when the target is known here.
    const tag = `refs/tags/${rel.tag_name}`;
    if (!rel.draft && !r.refs.has(tag)) {
      const sha = resolveRef(r, rel.target_commitish);
      if (sha && r.git.has(sha)) r.refs.set(tag, sha);
    }
  };

  return [
    [
      'GET',
      '/user',
      (req) => {
        if (req.token.installation) {
          throw new HttpError(403, { message: 'Resource not accessible by integration', documentation_url: docs(req), status: '403' });
        }
        return { status: 200, body: shape.privateUser(w.user(req.token.login, req.token.type), req.urls) };
      },
    ],

    ['GET', '/repos/{owner}/{repo}', (req) => ({ status: 200, body: shape.fullRepository(w, repoOf(req), req.urls) })],

    [
      'GET',
      '/repos/{owner}/{repo}/pulls',
      (req) => {
        const r = repoOf(req);
        const state = req.query.state ?? 'open';
        let pulls = [...r.pulls.values()].filter((p) => state === 'all' || p.state === state);
        if (req.query.head) pulls = pulls.filter((p) => `${r.owner}:${p.headRef}` === req.query.head || p.headRef === req.query.head);
        if (req.query.base) pulls = pulls.filter((p) => p.baseRef === req.query.base);
        pulls.sort((a, b) => b.number - a.number);
        if (req.query.direction === 'asc') pulls.reverse();
        const page = paginate(req, pulls);
        return { status: 200, body: page.items.map((p) => shape.pullSimple(w, r, p, req.urls)), headers: page.headers };
      },
    ],

    [
      'GET',
      '/repos/{owner}/{repo}/pulls/{pull_number}',
      (req) => {
        const r = repoOf(req);
        const p = r.pulls.get(int(req.params.pull_number));
        if (!p) throw notFound(docs(req));
        return { status: 200, body: shape.pull(w, r, p, req.urls) };
      },
    ],

    [
      'GET',
      '/repos/{owner}/{repo}/commits/{commit_sha}/pulls',
      (req) => {
        const r = repoOf(req);
        const sha = req.params.commit_sha;
        const numbers = new Set(r.commitPulls.get(sha) ?? []);
        for (const p of r.pulls.values()) if (p.headSha === sha) numbers.add(p.number);
        const pulls = [...numbers].map((n) => r.pulls.get(n)).filter((p) => p !== undefined);
        const page = paginate(req, pulls);
        return { status: 200, body: page.items.map((p) => shape.pullSimple(w, r, p, req.urls)), headers: page.headers };
      },
    ],

    // Issue and pull request comments.
    [
      'GET',
      '/repos/{owner}/{repo}/issues/{issue_number}/comments',
      (req) => {
        const r = repoOf(req);
        const n = int(req.params.issue_number);
        if (!r.pulls.has(n) && !r.issues.has(n)) throw notFound(docs(req));
        const since = req.query.since ? Date.parse(req.query.since) : -Infinity;
        const all = [...w.issueComments.values()].filter((c) => c.repo === r.fullName && c.issueNumber === n && Date.parse(c.updated_at) >= since);
        const page = paginate(req, all);
        return { status: 200, body: page.items.map((c) => shape.issueComment(w, r, c, req.urls)), headers: page.headers };
      },
    ],
    [
      'POST',
      '/repos/{owner}/{repo}/issues/{issue_number}/comments',
      (req) => {
        const r = repoOf(req);
        const n = int(req.params.issue_number);
        if (!r.pulls.has(n) && !r.issues.has(n)) throw notFound(docs(req));
        checkBody(req, 'IssueComment');
        const c = w.addComment({ kind: 'issue', repo: r.fullName, issueNumber: n, body: req.body.body, user: author(req) });
        return created(shape.issueComment(w, r, c, req.urls));
      },
    ],
    [
      'GET',
      '/repos/{owner}/{repo}/issues/comments/{comment_id}',
      (req) => {
        const r = repoOf(req);
        return { status: 200, body: shape.issueComment(w, r, issueCommentOf(req, r), req.urls) };
      },
    ],
    [
      'PATCH',
      '/repos/{owner}/{repo}/issues/comments/{comment_id}',
      (req) => {
        const r = repoOf(req);
        const c = issueCommentOf(req, r);
        checkBody(req, 'IssueComment');
        c.body = req.body.body;
        c.updated_at = w.now();
        return { status: 200, body: shape.issueComment(w, r, c, req.urls) };
      },
    ],
    [
      'DELETE',
      '/repos/{owner}/{repo}/issues/comments/{comment_id}',
      (req) => {
        const r = repoOf(req);
        w.deleteComment(issueCommentOf(req, r));
        return { status: 204 };
      },
    ],

    // Commit comments.
    [
      'GET',
      '/repos/{owner}/{repo}/commits/{commit_sha}/comments',
      (req) => {
        const r = repoOf(req);
        const all = [...w.commitComments.values()].filter((c) => c.repo === r.fullName && c.commitId === req.params.commit_sha);
        const page = paginate(req, all);
        return { status: 200, body: page.items.map((c) => shape.commitComment(w, r, c, req.urls)), headers: page.headers };
      },
    ],
    [
      'POST',
      '/repos/{owner}/{repo}/commits/{commit_sha}/comments',
      (req) => {
        const r = repoOf(req);
        if (!/^[0-9a-f]{7,40}$/i.test(req.params.commit_sha))
          throw validationFailed(docs(req), { resource: 'CommitComment', field: 'commit_id', message: 'No commit found for SHA' });
        checkBody(req, 'CommitComment');
        const b = req.body;
        const c = w.addComment({
          kind: 'commit',
          repo: r.fullName,
          commitId: req.params.commit_sha,
          body: b.body,
          user: author(req),
          path: b.path ?? null,
          line: b.line ?? null,
          position: b.position ?? null,
        });
        return created(shape.commitComment(w, r, c, req.urls));
      },
    ],
    [
      'GET',
      '/repos/{owner}/{repo}/comments/{comment_id}',
      (req) => {
        const r = repoOf(req);
        return { status: 200, body: shape.commitComment(w, r, commitCommentOf(req, r), req.urls) };
      },
    ],
    [
      'PATCH',
      '/repos/{owner}/{repo}/comments/{comment_id}',
      (req) => {
        const r = repoOf(req);
        const c = commitCommentOf(req, r);
        checkBody(req, 'CommitComment');
        c.body = req.body.body;
        c.updated_at = w.now();
        return { status: 200, body: shape.commitComment(w, r, c, req.urls) };
      },
    ],
    [
      'DELETE',
      '/repos/{owner}/{repo}/comments/{comment_id}',
      (req) => {
        const r = repoOf(req);
        w.deleteComment(commitCommentOf(req, r));
        return { status: 204 };
      },
    ],

    // Check runs.
    [
      'POST',
      '/repos/{owner}/{repo}/check-runs',
      (req) => {
        const r = repoOf(req);
        const b = req.body;
        checkOutput(req, b.output);
        if (b.status === 'completed' && !b.conclusion) {
          throw unprocessable(docs(req), 'Invalid request.\n\nNo conclusion was supplied for a completed check run.');
        }
        const id = w.nextId();
        const c: CheckRun = {
          repo: r.fullName,
          id,
          node_id: nodeId('CR', id),
          name: b.name,
          head_sha: b.head_sha,
          status: 'queued',
          conclusion: null,
          started_at: w.now(),
          completed_at: null,
          details_url: null,
          external_id: null,
          output: { title: null, summary: null, text: null, annotations: [], images: [] },
          actions: [],
          app: req.token.login,
        };
        applyCheck(c, b);
        r.checkRuns.push(c);
        return created(shape.checkRun(w, r, c, req.urls));
      },
    ],
    [
      'GET',
      '/repos/{owner}/{repo}/check-runs/{check_run_id}',
      (req) => {
        const r = repoOf(req);
        const c = r.checkRuns.find((x) => x.id === int(req.params.check_run_id));
        if (!c) throw notFound(docs(req));
        return { status: 200, body: shape.checkRun(w, r, c, req.urls) };
      },
    ],
    [
      'PATCH',
      '/repos/{owner}/{repo}/check-runs/{check_run_id}',
      (req) => {
        const r = repoOf(req);
        const c = r.checkRuns.find((x) => x.id === int(req.params.check_run_id));
        if (!c) throw notFound(docs(req));
        checkOutput(req, req.body.output);
        applyCheck(c, req.body);
        return { status: 200, body: shape.checkRun(w, r, c, req.urls) };
      },
    ],
    [
      'GET',
      '/repos/{owner}/{repo}/commits/{ref}/check-runs',
      (req) => {
        const r = repoOf(req);
        const sha = resolveRef(r, req.params.ref);
        if (!sha) throw notFound(docs(req));
        let runs = r.checkRuns.filter((c) => c.head_sha === sha || (sha.length < 40 && c.head_sha.startsWith(sha)));
        if (req.query.check_name) runs = runs.filter((c) => c.name === req.query.check_name);
        if (req.query.status) runs = runs.filter((c) => c.status === req.query.status);
        if ((req.query.filter ?? 'latest') === 'latest') runs = runs.filter((c) => !runs.some((o) => o.name === c.name && o.id > c.id));
        runs = [...runs].reverse();
        const page = paginate(req, runs);
        return { status: 200, body: { total_count: runs.length, check_runs: page.items.map((c) => shape.checkRun(w, r, c, req.urls)) }, headers: page.headers };
      },
    ],

    // Git data.
    [
      'POST',
      '/repos/{owner}/{repo}/git/blobs',
      (req) => {
        const r = repoOf(req);
        const encoding = req.body.encoding ?? 'utf-8';
        if (encoding !== 'utf-8' && encoding !== 'utf8' && encoding !== 'base64') {
          throw validationFailed(docs(req), { resource: 'Blob', field: 'encoding', message: `encoding must be one of utf-8 or base64, not ${encoding}` });
        }
        const sha = r.git.putBlob(Buffer.from(req.body.content, encoding === 'base64' ? 'base64' : 'utf8'));
        return created({ url: `${req.urls.api}/repos/${r.fullName}/git/blobs/${sha}`, sha });
      },
    ],
    [
      'GET',
      '/repos/{owner}/{repo}/git/blobs/{file_sha}',
      (req) => {
        const r = repoOf(req);
        const blob = r.git.get(req.params.file_sha);
        if (blob?.type !== 'blob') throw notFound(docs(req));
        return {
          status: 200,
          body: {
            sha: blob.sha,
            node_id: `B_kwDO${Buffer.from(blob.sha).toString('base64url')}`,
            size: blob.content.length,
            url: `${req.urls.api}/repos/${r.fullName}/git/blobs/${blob.sha}`,
            content: blob.content.toString('base64'),
            encoding: 'base64',
          },
        };
      },
    ],
    [
      'POST',
      '/repos/{owner}/{repo}/git/trees',
      (req) => {
        const r = repoOf(req);
        const entries = req.body.tree as NewEntry[];
        for (const e of entries) {
          if (e.sha !== undefined && e.content !== undefined) {
            throw unprocessable(docs(req), 'Must supply either tree.sha or tree.content, not both');
          }
        }
        const sha = gitErrors(req, () => r.git.createTree(req.body.base_tree, entries));
        return created(shape.gitTree(r, sha, r.git.listTree(sha, false), req.urls));
      },
    ],
    [
      'GET',
      '/repos/{owner}/{repo}/git/trees/{tree_sha}',
      (req) => {
        const r = repoOf(req);
        let sha = resolveRef(r, req.params.tree_sha) ?? req.params.tree_sha;
        const obj = r.git.get(sha);
        if (obj?.type === 'commit') sha = obj.tree;
        const recursive = req.query.recursive !== undefined && req.query.recursive !== '0' && req.query.recursive !== 'false';
        const entries = gitErrors(req, () => r.git.listTree(sha, recursive));
        return { status: 200, body: shape.gitTree(r, sha, entries, req.urls) };
      },
    ],
    [
      'POST',
      '/repos/{owner}/{repo}/git/commits',
      (req) => {
        const r = repoOf(req);
        const b = req.body;
        const authorSig = signature(req, b.author);
        const committerSig = b.committer ? signature(req, b.committer) : authorSig;
        const sha = gitErrors(req, () =>
          r.git.putCommit({ tree: b.tree, parents: b.parents ?? [], message: b.message, author: authorSig, committer: committerSig }),
        );
        const commit = r.git.get(sha) as Extract<ReturnType<typeof r.git.get>, { type: 'commit' }>;
        return created(shape.gitCommit(r, commit, req.urls));
      },
    ],
    [
      'GET',
      '/repos/{owner}/{repo}/git/commits/{commit_sha}',
      (req) => {
        const r = repoOf(req);
        const c = r.git.get(req.params.commit_sha);
        if (c?.type !== 'commit') throw notFound(docs(req));
        return { status: 200, body: shape.gitCommit(r, c, req.urls) };
      },
    ],
    [
      'GET',
      '/repos/{owner}/{repo}/git/ref/{ref}',
      (req) => {
        const r = repoOf(req);
        const ref = `refs/${req.params.ref.replace(/^refs\//, '')}`;
        const sha = r.refs.get(ref);
        if (!sha) throw notFound(docs(req));
        return { status: 200, body: shape.gitRef(r, ref, sha, req.urls) };
      },
    ],
    // The refs whose names start with `ref` (`tags/` lists the tags), sorted as GitHub sorts them.
    [
      'GET',
      '/repos/{owner}/{repo}/git/matching-refs/{ref}',
      (req) => {
        const r = repoOf(req);
        const prefix = `refs/${req.params.ref.replace(/^refs\//, '')}`;
        const refs = [...r.refs].filter(([ref]) => ref.startsWith(prefix)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        return { status: 200, body: refs.map(([ref, sha]) => shape.gitRef(r, ref, sha, req.urls)) };
      },
    ],
    [
      'GET',
      '/repos/{owner}/{repo}/git/tags/{tag_sha}',
      (req) => {
        const r = repoOf(req);
        const t = r.git.get(req.params.tag_sha);
        if (t?.type !== 'tag') throw notFound(docs(req));
        return { status: 200, body: shape.gitTag(r, t, req.urls) };
      },
    ],
    [
      'POST',
      '/repos/{owner}/{repo}/git/refs',
      (req) => {
        const r = repoOf(req);
        const { ref, sha } = req.body as { ref: string; sha: string };
        if (!/^refs\/[^/]+\/.+/.test(ref)) throw unprocessable(docs(req), "Reference name must start with 'refs/' and have at least two slashes.");
        if (!r.git.has(sha)) throw unprocessable(docs(req), 'Object does not exist');
        if (r.refs.has(ref)) throw unprocessable(docs(req), 'Reference already exists');
        r.refs.set(ref, sha);
        return created(shape.gitRef(r, ref, sha, req.urls));
      },
    ],
    [
      'PATCH',
      '/repos/{owner}/{repo}/git/refs/{ref}',
      (req) => {
        const r = repoOf(req);
        const ref = `refs/${req.params.ref.replace(/^refs\//, '')}`;
        const { sha, force } = req.body as { sha: string; force?: boolean };
        const old = r.refs.get(ref);
        if (!old) throw unprocessable(docs(req), 'Reference does not exist');
        if (!r.git.has(sha)) throw unprocessable(docs(req), 'Object does not exist');
        if (!force && !r.git.isAncestor(old, sha)) throw unprocessable(docs(req), 'Update is not a fast forward');
        r.refs.set(ref, sha);
        return { status: 200, body: shape.gitRef(r, ref, sha, req.urls) };
      },
    ],
    [
      'DELETE',
      '/repos/{owner}/{repo}/git/refs/{ref}',
      (req) => {
        const r = repoOf(req);
        const ref = `refs/${req.params.ref.replace(/^refs\//, '')}`;
        if (!r.refs.delete(ref)) throw unprocessable(docs(req), 'Reference does not exist');
        return { status: 204 };
      },
    ],

    // A commit by sha, branch or tag: the git store's, else one standing for a ref seeded with
    // addFile (dated when the repository was made). GitHub answers 422 for a ref that names nothing.
    [
      'GET',
      '/repos/{owner}/{repo}/commits/{ref}',
      (req) => {
        const r = repoOf(req);
        const ref = req.params.ref;
        const sha = resolveRef(r, ref);
        const c = sha ? r.git.get(sha) : undefined;
        if (c?.type === 'commit') return { status: 200, body: shape.commit(r, c, req.urls) };
        if (!r.files.has(ref)) throw unprocessable(docs(req), `No commit found for SHA: ${ref}`);
        const standIn = standInSha(ref);
        const who = { name: 'Test', email: 'test@example.com', date: r.created_at };
        return {
          status: 200,
          body: shape.commit(r, { sha: standIn, tree: blobSha(Buffer.from(`tree ${ref}`)), parents: [], message: ref, author: who, committer: who }, req.urls),
        };
      },
    ],
    [
      'GET',
      '/repos/{owner}/{repo}/contents/{path}',
      (req) => {
        const r = repoOf(req);
        const path = req.params.path.replace(/^\/+|\/+$/g, '');
        const ref = req.query.ref ?? r.defaultBranch;
        // Files seeded for a branch are also found by the sha its commit answers with.
        const files = r.files.get(ref) ?? [...r.files].find(([seededRef]) => commitSha(r, seededRef) === ref)?.[1];
        // As GitHub does: the raw media type answers a file with its bytes, anything else as JSON.
        const raw = /vnd\.github(\.v3)?\.raw/.test(String(req.headers.accept ?? ''));
        const answer = (sha: string, content: Buffer): Res =>
          raw
            ? { status: 200, body: content, headers: { 'content-type': 'application/vnd.github.raw+json; charset=utf-8' } }
            : { status: 200, body: shape.contentFile(r, path, ref, sha, content, req.urls) };
        const seeded = files?.get(path);
        if (seeded) return answer(blobSha(seeded), seeded);
        const children = new Map<string, Record<string, unknown>>();
        for (const [p, content] of files ?? []) {
          if (!p.startsWith(`${path}/`) && path !== '') continue;
          const rest = p.slice(path ? path.length + 1 : 0);
          const [name, ...deeper] = rest.split('/');
          const childPath = path ? `${path}/${name}` : name;
          children.set(
            name,
            deeper.length
              ? shape.contentEntry(r, childPath, ref, 'dir', blobSha(Buffer.from(childPath)), 0, req.urls)
              : shape.contentEntry(r, childPath, ref, 'file', blobSha(content), content.length, req.urls),
          );
        }
        if (children.size) return { status: 200, body: [...children.values()] };
        const sha = resolveRef(r, ref);
        const blob = sha ? r.git.readPath(sha, path) : undefined;
        if (!blob) throw notFound(docs(req));
        return answer(blob.sha, blob.content);
      },
    ],

    // Releases and their assets (uploads arrive through the release's upload_url).
    [
      'GET',
      '/repos/{owner}/{repo}/releases',
      (req) => {
        const r = repoOf(req);
        const page = paginate(req, [...r.releases].reverse());
        return { status: 200, body: page.items.map((rel) => shape.release(w, r, rel, req.urls)), headers: page.headers };
      },
    ],
    [
      'POST',
      '/repos/{owner}/{repo}/releases',
      (req) => {
        const r = repoOf(req);
        if (r.releases.some((x) => x.tag_name === req.body.tag_name)) {
          throw validationFailed(docs(req), { resource: 'Release', code: 'already_exists', field: 'tag_name', message: 'tag_name already exists' });
        }
        const id = w.nextId();
        const rel: Release = {
          id,
          node_id: nodeId('RE', id),
          tag_name: req.body.tag_name,
          target_commitish: req.body.target_commitish ?? r.defaultBranch,
          name: req.body.name ?? null,
          body: req.body.body ?? null,
          draft: false,
          prerelease: false,
          author: req.token.login,
          created_at: w.now(),
          published_at: null,
          assets: [],
        };
        applyRelease(r, rel, req.body);
        r.releases.push(rel);
        return created(shape.release(w, r, rel, req.urls));
      },
    ],
    [
      'GET',
      '/repos/{owner}/{repo}/releases/latest',
      (req) => {
        const r = repoOf(req);
        const rel = [...r.releases].reverse().find((x) => !x.draft && !x.prerelease);
        if (!rel) throw notFound(docs(req));
        return { status: 200, body: shape.release(w, r, rel, req.urls) };
      },
    ],
    [
      'GET',
      '/repos/{owner}/{repo}/releases/tags/{tag}',
      (req) => {
        const r = repoOf(req);
        const rel = r.releases.find((x) => x.tag_name === req.params.tag && !x.draft);
        if (!rel) throw notFound(docs(req));
        return { status: 200, body: shape.release(w, r, rel, req.urls) };
      },
    ],
    [
      'GET',
      '/repos/{owner}/{repo}/releases/{release_id}',
      (req) => {
        const r = repoOf(req);
        return { status: 200, body: shape.release(w, r, releaseOf(req, r), req.urls) };
      },
    ],
    [
      'PATCH',
      '/repos/{owner}/{repo}/releases/{release_id}',
      (req) => {
        const r = repoOf(req);
        const rel = releaseOf(req, r);
        applyRelease(r, rel, req.body ?? {});
        return { status: 200, body: shape.release(w, r, rel, req.urls) };
      },
    ],
    [
      'DELETE',
      '/repos/{owner}/{repo}/releases/{release_id}',
      (req) => {
        const r = repoOf(req);
        const rel = releaseOf(req, r);
        r.releases.splice(r.releases.indexOf(rel), 1);
        return { status: 204 };
      },
    ],
    [
      'GET',
      '/repos/{owner}/{repo}/releases/{release_id}/assets',
      (req) => {
        const r = repoOf(req);
        const rel = releaseOf(req, r);
        const page = paginate(req, rel.assets);
        return { status: 200, body: page.items.map((a) => shape.releaseAsset(w, r, rel, a, req.urls)), headers: page.headers };
      },
    ],
    [
      'POST',
      '/repos/{owner}/{repo}/releases/{release_id}/assets',
      (req) => {
        const r = repoOf(req);
        const rel = releaseOf(req, r);
        const name = req.query.name;
        if (rel.assets.some((a) => a.name === name)) {
          throw validationFailed(docs(req), { resource: 'ReleaseAsset', code: 'already_exists', field: 'name', message: 'name already exists' });
        }
        const id = w.nextId();
        const now = w.now();
        const asset = {
          id,
          node_id: nodeId('RA', id),
          name,
          label: req.query.label ?? null,
          content_type: String(req.headers['content-type'] ?? 'application/octet-stream'),
          content: req.rawBody,
          uploader: req.token.login,
          created_at: now,
          updated_at: now,
        };
        rel.assets.push(asset);
        return created(shape.releaseAsset(w, r, rel, asset, req.urls));
      },
    ],
    [
      'GET',
      '/repos/{owner}/{repo}/releases/assets/{asset_id}',
      (req) => {
        const r = repoOf(req);
        const { rel, asset } = assetOf(req, r);
        // Asking for the bytes: GitHub redirects to a storage host; the bytes are answered directly here.
        if (String(req.headers.accept ?? '').includes('application/octet-stream')) {
          return { status: 200, body: asset.content, headers: { 'content-type': 'application/octet-stream' } };
        }
        return { status: 200, body: shape.releaseAsset(w, r, rel, asset, req.urls) };
      },
    ],
    [
      'DELETE',
      '/repos/{owner}/{repo}/releases/assets/{asset_id}',
      (req) => {
        const r = repoOf(req);
        const { rel, asset } = assetOf(req, r);
        rel.assets.splice(rel.assets.indexOf(asset), 1);
        return { status: 204 };
      },
    ],

    [
      'GET',
      '/repos/{owner}/{repo}/actions/runs/{run_id}',
      (req) => {
        const r = repoOf(req);
        const run = r.runs.get(int(req.params.run_id));
        if (!run) throw notFound(docs(req));
        return { status: 200, body: shape.workflowRun(w, r, run, req.urls) };
      },
    ],
  ];
}
