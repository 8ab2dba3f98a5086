import { randomUUID } from 'node:crypto';
import { STATUS_CODES, createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { answerGraphQL } from './graphql-api.js';
import { HttpError, type Req, type Res } from './http.js';
import { checkRequest, checkResponse, documentedPaths, operation, type Operation } from './openapi.js';
import { builtinRoutes, mayWrite, scopesFor, type Handler } from './routes.js';
import type { Urls } from './shapes.js';
import { World, nodeId, type CheckRun, type Comment, type Release, type Scope, type Token } from './state.js';

export type { Req, Res } from './http.js';
export { HttpError } from './http.js';
export type { Asset, CheckRun, Comment, Release, Scope } from './state.js';

/**
 * A loopback GitHub for tests: it keeps state, answers like api.github.com where mlci calls it, and
 * holds every request and answer to GitHub's published OpenAPI description. Whatever does not
 * match (or calls an endpoint it does not know) lands in `violations`, which tests keep empty.
 *
 *   const gh = await startGitHubServer();
 *   gh.addRepo('acme/churn');
 *   gh.addToken('ghs_job', { login: 'github-actions[bot]', installation: true });
 *   gh.addPull('acme/churn', { number: 1, headSha: sha });
 *   await runAction({ action: 'comment-report', github: gh, token: 'ghs_job', ... });
 *   expect(gh.comments('acme/churn', 1)).toHaveLength(1);
 *   expect(gh.violations).toEqual([]);
 *
 * Tokens must be added before use (anything else is answered 401), and so must the repository,
 * pull requests and issues a test touches (404 otherwise, as on GitHub).
 */

export interface StartOptions {
  /** '' (api.github.com) or '/api/v3' (GitHub Enterprise Server). */
  prefix?: string;
  /** The web host that html_url fields point to; https://github.com by default. */
  serverUrl?: string;
}

export interface Fault {
  method?: string;
  /** The request path without the GHES prefix (e.g. `/repos/o/r/check-runs`), its OpenAPI template, or a RegExp on the path. */
  path?: string | RegExp;
  /** The answer's status; without one the fault only delays the real answer. */
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  delayMs?: number;
  /**
   * The request is applied as usual and then answered with `status` instead of its real answer:
   * a write whose answer was lost on the way back (the client sees a 502, the state changed).
   */
  afterApply?: boolean;
  /**
   * Called when a matching request arrives; the request waits for the promise it returns. Lets a
   * test order events between processes without timings (hold a slow run, act, then release).
   */
  hold?: () => Promise<void>;
  /** Never answers (the connection stays open until the client gives up or the server closes). */
  hang?: boolean;
  /** How many matching requests it hits (1 by default). */
  times?: number;
}

export interface RequestRecord {
  method: string;
  /** Without the GHES prefix and the query string. */
  path: string;
  query: string;
  status: number;
  operationId?: string;
  /** The known token the request carried (which job's token made it, in workflow tests). */
  token?: string;
}

export interface GitHubServer {
  /** For GITHUB_API_URL. */
  url: string;
  /** For GITHUB_GRAPHQL_URL: `${origin}/graphql`, or `${origin}/api/graphql` behind the GHES prefix. Both paths are served. */
  graphqlUrl: string;
  /** `http://127.0.0.1:PORT`; raw files of published blobs are served under it (see rawUrl). */
  origin: string;
  /** Where release assets go (the `upload_url` of releases): `${origin}/api/uploads`, as GHES lays it out. */
  uploadsUrl: string;
  /** The web host in html_url fields. */
  serverUrl: string;
  close(): Promise<void>;

  addRepo(fullName: string, opts?: { defaultBranch?: string; private?: boolean }): void;
  /**
   * installation: an app token (GET /user answers 403); write: false makes it read-only (fork PRs);
   * permissions narrows writes per scope, as a workflow's `permissions:` does.
   */
  addToken(
    token: string,
    who: { login: string; type?: 'Bot' | 'User'; installation?: boolean; write?: boolean; permissions?: Partial<Record<Scope, 'read' | 'write' | 'none'>> },
  ): void;
  addPull(
    repo: string,
    pr: {
      number: number;
      headSha: string;
      headRef?: string;
      baseRef?: string;
      baseSha?: string;
      title?: string;
      body?: string;
      user?: string;
      state?: 'open' | 'closed';
    },
  ): void;
  addIssue(repo: string, issue: { number: number; title?: string; body?: string }): void;
  associateCommit(repo: string, sha: string, prNumbers: number[]): void;
  addWorkflowRun(repo: string, run: { id: number; headSha: string; headBranch?: string; event?: string; conclusion?: string; pullRequests?: number[] }): void;
  addComment(repo: string, issueNumber: number, body: string, author: string): Comment;
  addFile(repo: string, ref: string, path: string, content: string | Buffer): void;

  comments(repo: string, issueNumber: number): Comment[];
  commitComments(repo: string, sha: string): Comment[];
  checkRuns(repo: string): CheckRun[];
  refs(repo: string): Record<string, string>;
  gitObject(repo: string, sha: string): unknown;
  /** Releases in creation order, assets with their bytes. */
  releases(repo: string): Release[];
  /**
   * A tag pushed to the repository: annotated (a tag object with its tagger date and message, as
   * `git tag -a` makes) unless `message` is absent (a lightweight tag). `commit` need not be in the
   * loopback's git store: it stands for a commit of the test's own clone.
   */
  addTag(repo: string, t: { tag: string; commit: string; message?: string; date?: string }): void;
  /** Where a file of a commit (or branch) is served raw, as a test fetches an image link. */
  rawUrl(repo: string, ref: string, path: string): string;
  requests: RequestRecord[];
  violations: string[];

  inject(fault: Fault): void;
  /** 403 with GitHub's secondary rate limit message and retry-after: 1. */
  secondaryRateLimit(path?: string | RegExp): void;
  /** 429 with retry-after: 1 and an exhausted primary rate limit. */
  rateLimit429(path?: string | RegExp): void;
  serverError(status?: 500 | 502, path?: string | RegExp): void;
  slow(ms: number, path?: string | RegExp): void;
  /** Applies the next matching write, then answers 502 as if the answer was lost on the way back. */
  lostAnswer(method: string, path?: string | RegExp, times?: number): void;
  /** The next `times` matching requests are never answered. */
  hang(path?: string | RegExp, times?: number): void;
  /** Adds or overrides an endpoint; its requests and answers are validated like the built-in ones. */
  route(method: string, openapiPath: string, handler: (req: Req) => Res | Promise<Res>): void;
}

interface CompiledRoute {
  method: string;
  template: string;
  segments: string[];
  multi: Set<string>;
  op: Operation;
  handler: Handler;
  literals: number;
}

const WRITE_METHODS = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);
const RATE_LIMIT_HEADERS = (): Record<string, string> => ({
  'x-ratelimit-limit': '5000',
  'x-ratelimit-remaining': '4999',
  'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
  'x-ratelimit-used': '1',
  'x-ratelimit-resource': 'core',
});

export async function startGitHubServer(opts: StartOptions = {}): Promise<GitHubServer> {
  const prefix = (opts.prefix ?? '').replace(/\/+$/, '');
  if (prefix && !prefix.startsWith('/')) throw new Error(`prefix must start with "/": ${prefix}`);
  const world = new World();
  const faults: Array<Fault & { left: number }> = [];
  const requests: RequestRecord[] = [];
  const violations: string[] = [];
  const custom: CompiledRoute[] = [];
  const builtin = builtinRoutes(world).map(([m, t, h]) => compile(m, t, h));
  builtin.sort((a, b) => b.literals - a.literals);

  const http = createServer((req, res) => {
    handle(req, res).catch((e) => {
      violations.push(`loopback GitHub crashed on ${req.method} ${req.url}: ${(e as Error)?.stack ?? e}`);
      if (!res.headersSent) send(res, 500, { message: 'Server Error' });
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(0, '127.0.0.1', resolve);
  });
  const origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const serverUrl = (opts.serverUrl ?? 'https://github.com').replace(/\/+$/, '');
  const api = `${origin}${prefix}`;
  const uploads = `${origin}/api/uploads`;
  const urls: Urls = { api, web: serverUrl, uploads };

  function compile(method: string, template: string, handler: Handler): CompiledRoute {
    const op = operation(method, template);
    if (!op) throw new Error(`loopback GitHub: GitHub's description has no ${method} ${template}`);
    const segments = template.split('/').filter(Boolean);
    return {
      method: method.toUpperCase(),
      template,
      segments,
      multi: new Set(op.parameters.filter((p) => p.in === 'path' && p.multiSegment).map((p) => p.name)),
      op,
      handler,
      literals: segments.filter((s) => !s.startsWith('{')).length,
    };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', origin);
    const method = (req.method ?? 'GET').toUpperCase();
    const raw = await readBody(req);
    const query = Object.fromEntries(url.searchParams);

    if (url.pathname === '/graphql' || url.pathname === '/api/graphql') {
      const fault = await takeFault(method, '/graphql', undefined);
      if (fault?.hang) return hangUp(req, { method, path: '/graphql', query: url.search, operationId: 'graphql' });
      if (fault && !fault.afterApply) return answerFault(res, fault, { method, path: '/graphql', query: url.search, operationId: 'graphql' });
      const token = tokenOf(req);
      const out = token
        ? answerGraphQL(world, token, raw, violations)
        : { status: 401, body: { message: 'Bad credentials', documentation_url: 'https://docs.github.com/graphql' } };
      if (fault) return answerFault(res, fault, { method, path: '/graphql', query: url.search, operationId: 'graphql' });
      requests.push({ method, path: '/graphql', query: url.search, status: out.status, operationId: 'graphql' });
      return send(res, out.status, out.body);
    }

    const rawFile = method === 'GET' ? serveRaw(url.pathname) : undefined;
    if (rawFile) {
      requests.push({ method, path: url.pathname, query: url.search, status: rawFile.status });
      return send(res, rawFile.status, rawFile.body, rawFile.headers);
    }

    const viaUploads = url.pathname.startsWith('/api/uploads/');
    if (prefix && !viaUploads && !url.pathname.startsWith(`${prefix}/`)) {
      violations.push(`${method} ${url.pathname}: outside the API prefix ${prefix}`);
      requests.push({ method, path: url.pathname, query: url.search, status: 404 });
      return send(res, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' });
    }
    const path = (viaUploads ? url.pathname.slice('/api/uploads'.length) : url.pathname.slice(prefix.length)) || '/';
    // Records and faults see the decoded path: octokit sends `heads%2Fx` for a ref like `heads/x`.
    const shown = safeDecode(path);
    const carried = tokenOf(req)?.value;
    const record = (status: number, operationId?: string): void => {
      requests.push({ method, path: shown, query: url.search, status, operationId, token: carried });
    };

    const match = matchRoute(method, path);
    if (!match) {
      const documented = documentedOperation(method, path);
      violations.push(
        documented
          ? `${method} ${shown}: ${documented.operationId} is not implemented by the loopback GitHub (add it with route())`
          : `${method} ${shown}: no such endpoint in GitHub's description`,
      );
      record(404);
      return send(res, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' });
    }
    const { route, params } = match;
    const op = route.op;
    const isUpload = op.operationId === 'repos/upload-release-asset';
    if (isUpload !== viaUploads) {
      violations.push(
        isUpload ? `${op.operationId}: sent to the API host; uploads go to the release's upload_url` : `${method} ${url.pathname}: not an upload endpoint`,
      );
      record(404, op.operationId);
      return send(res, 404, { message: 'Not Found', documentation_url: op.documentationUrl, status: '404' });
    }

    let body: unknown;
    const contentType = String(req.headers['content-type'] ?? '');
    const jsonBody = /json/i.test(contentType) || (!contentType && op.requestBody?.schema !== undefined);
    if (raw.length && jsonBody) {
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        violations.push(`${op.operationId}: request body is not JSON`);
        record(400, op.operationId);
        return send(res, 400, { message: 'Problems parsing JSON', documentation_url: op.documentationUrl, status: '400' });
      }
    }
    const problems = checkRequest(op, { pathParams: params, query, body });
    for (const p of problems) violations.push(`${op.operationId} request: ${p}`);

    const fault = await takeFault(method, shown, route.template);
    if (fault?.hang) return hangUp(req, { method, path: shown, query: url.search, operationId: op.operationId });
    if (fault && !fault.afterApply) return answerFault(res, fault, { method, path: shown, query: url.search, operationId: op.operationId });

    const token = tokenOf(req);
    if (!token) {
      record(401, op.operationId);
      return send(res, 401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' });
    }
    if (problems.length) {
      record(422, op.operationId);
      return send(res, 422, { message: `Invalid request.\n\n${problems.join('\n')}`, documentation_url: op.documentationUrl, status: '422' });
    }
    if (WRITE_METHODS.has(method) && !mayWrite(token, scopesFor(op.operationId))) {
      record(403, op.operationId);
      return send(res, 403, { message: 'Resource not accessible by integration', documentation_url: op.documentationUrl, status: '403' });
    }

    const request: Req = {
      method,
      path,
      params,
      query,
      body,
      rawBody: raw,
      headers: req.headers,
      token,
      operationId: op.operationId,
      docs: op.documentationUrl,
      origin,
      apiRoot: `http://${req.headers.host ?? new URL(origin).host}${prefix}`,
      urls,
    };
    let answer: Res;
    let fromHandler = true;
    try {
      answer = await route.handler(request);
    } catch (e) {
      if (!(e instanceof HttpError)) throw e;
      answer = { status: e.status, body: e.body, headers: e.headers };
      fromHandler = false;
    }
    if (answer.body === undefined || isJson(answer.body)) {
      // Error answers GitHub gives on many endpoints (404 for a missing comment) are not always documented.
      const strict = fromHandler && answer.status < 400;
      for (const p of checkResponse(op, answer.status, answer.body, strict)) violations.push(`${op.operationId} response: ${p}`);
    }
    if (fault) return answerFault(res, fault, { method, path: shown, query: url.search, operationId: op.operationId });
    record(answer.status, op.operationId);
    send(res, answer.status, answer.body, answer.headers);
  }

  // Recorded with status 0: the request arrived and was never answered.
  function hangUp(req: IncomingMessage, r: Omit<RequestRecord, 'status'>): void {
    requests.push({ ...r, status: 0 });
    req.socket.setTimeout(0);
  }

  function matchRoute(method: string, path: string): { route: CompiledRoute; params: Record<string, string> } | undefined {
    const parts = path.split('/').filter(Boolean);
    for (const route of [...custom, ...builtin]) {
      if (route.method !== method) continue;
      const params = matchSegments(route.segments, parts, route.multi);
      if (params) return { route, params };
    }
    return undefined;
  }

  // Which documented operation an unimplemented request was meant for, to name it in the violation.
  function documentedOperation(method: string, path: string): Operation | undefined {
    const parts = path.split('/').filter(Boolean);
    let best: { op: Operation; literals: number } | undefined;
    for (const template of documentedPaths()) {
      const segments = template.split('/').filter(Boolean);
      if (segments.length > parts.length) continue;
      const literals = segments.filter((s) => !s.startsWith('{')).length;
      if (best && best.literals >= literals) continue;
      const op = operation(method, template);
      if (!op) continue;
      const multi = new Set(op.parameters.filter((p) => p.in === 'path' && p.multiSegment).map((p) => p.name));
      if (matchSegments(segments, parts, multi)) best = { op, literals };
    }
    return best?.op;
  }

  function tokenOf(req: IncomingMessage): (Token & { value: string }) | undefined {
    const m = /^(?:token|bearer)\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    const t = m && world.tokens.get(m[1]);
    return t ? { ...t, value: m[1] } : undefined;
  }

  async function takeFault(method: string, path: string, template: string | undefined): Promise<(Fault & { left: number }) | undefined> {
    const fault = faults.find(
      (f) =>
        f.left > 0 &&
        (!f.method || f.method.toUpperCase() === method) &&
        (f.path === undefined || (f.path instanceof RegExp ? f.path.test(path) : f.path === path || f.path === template || f.path === `${prefix}${path}`)),
    );
    if (!fault) return undefined;
    fault.left--;
    if (fault.delayMs) await sleep(fault.delayMs);
    if (fault.hold) await fault.hold();
    return fault.status || fault.hang ? fault : undefined;
  }

  function answerFault(res: ServerResponse, f: Fault, r: Omit<RequestRecord, 'status'>): void {
    requests.push({ ...r, status: f.status! });
    const body = f.body ?? { message: STATUS_CODES[f.status!] ?? 'Error', documentation_url: 'https://docs.github.com/rest' };
    send(res, f.status!, body, f.headers);
  }

  // Published files as a browser would fetch an image link: /raw/{owner}/{repo}/{ref}/{path},
  // and the github.com forms /{owner}/{repo}/blob/{ref}/{path}(?raw=true) and /{owner}/{repo}/raw/{ref}/{path}.
  function serveRaw(pathname: string): Res | undefined {
    const parts = pathname.split('/').filter(Boolean).map(safeDecode);
    let owner: string, repo: string, ref: string, rest: string[];
    if (parts[2] === 'releases' && parts[3] === 'download' && parts.length === 6) {
      const rel = world.repo(`${parts[0]}/${parts[1]}`)?.releases.find((x) => x.tag_name === parts[4]);
      const asset = rel?.assets.find((a) => a.name === parts[5]);
      if (!asset) return rel ? { status: 404, body: 'Not Found', headers: { 'content-type': 'text/plain' } } : undefined;
      return { status: 200, body: asset.content, headers: { 'content-type': asset.content_type } };
    }
    if (parts[0] === 'raw' && parts.length >= 5) [, owner, repo, ref, ...rest] = parts;
    else if ((parts[2] === 'blob' || parts[2] === 'raw') && parts.length >= 5) [owner, repo, , ref, ...rest] = parts;
    else return undefined;
    const r = world.repo(`${owner}/${repo}`);
    if (!r) return undefined;
    const file = rest.join('/');
    const sha = r.refs.get(`refs/heads/${ref}`) ?? r.refs.get(`refs/tags/${ref}`) ?? ref;
    const content = r.git.readPath(sha, file)?.content ?? r.files.get(ref)?.get(file);
    if (!content) return { status: 404, body: 'Not Found', headers: { 'content-type': 'text/plain' } };
    return { status: 200, body: content, headers: { 'content-type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream' } };
  }

  const server: GitHubServer = {
    url: api,
    graphqlUrl: prefix ? `${origin}/api/graphql` : `${origin}/graphql`,
    origin,
    serverUrl,
    uploadsUrl: uploads,
    requests,
    violations,
    close: () =>
      new Promise<void>((resolve, reject) => {
        http.close((e) => (e ? reject(e) : resolve()));
        http.closeAllConnections();
      }),

    addRepo: (fullName, o) => void world.addRepo(fullName, o),
    addToken: (token, who) => {
      world.tokens.set(token, {
        login: who.login,
        type: who.type ?? (who.login.endsWith('[bot]') ? 'Bot' : 'User'),
        installation: who.installation ?? false,
        write: who.write ?? true,
        permissions: who.permissions,
      });
      world.user(who.login, who.type);
    },
    addPull: (repo, pr) => {
      const r = world.mustRepo(repo);
      const id = world.nextId();
      const now = world.now();
      r.pulls.set(pr.number, {
        number: pr.number,
        id,
        node_id: nodeId('PR', id),
        headSha: pr.headSha,
        headRef: pr.headRef ?? `feature-${pr.number}`,
        baseRef: pr.baseRef ?? r.defaultBranch,
        baseSha: pr.baseSha ?? r.refs.get(`refs/heads/${r.defaultBranch}`)!,
        title: pr.title ?? `Pull request #${pr.number}`,
        body: pr.body ?? null,
        user: pr.user ?? 'octocat',
        state: pr.state ?? 'open',
        created_at: now,
        updated_at: now,
      });
    },
    addIssue: (repo, issue) => {
      const r = world.mustRepo(repo);
      const id = world.nextId();
      r.issues.set(issue.number, {
        number: issue.number,
        id,
        node_id: nodeId('I', id),
        title: issue.title ?? `Issue #${issue.number}`,
        body: issue.body ?? null,
        created_at: world.now(),
      });
    },
    associateCommit: (repo, sha, prNumbers) => {
      const r = world.mustRepo(repo);
      r.commitPulls.set(sha, [...new Set([...(r.commitPulls.get(sha) ?? []), ...prNumbers])]);
    },
    addWorkflowRun: (repo, run) => {
      const r = world.mustRepo(repo);
      r.runs.set(run.id, {
        id: run.id,
        node_id: nodeId('WFR', run.id),
        headSha: run.headSha,
        headBranch: run.headBranch ?? r.defaultBranch,
        event: run.event ?? 'pull_request',
        status: run.conclusion === undefined || run.conclusion ? 'completed' : 'in_progress',
        conclusion: run.conclusion ?? 'success',
        pullRequests: run.pullRequests ?? [],
        created_at: world.now(),
      });
    },
    addComment: (repo, issueNumber, body, author) => {
      const r = world.mustRepo(repo);
      const u = world.user(author);
      return { ...world.addComment({ kind: 'issue', repo: r.fullName, issueNumber, body, user: { login: u.login, type: u.type } }) };
    },
    addFile: (repo, ref, path, content) => {
      const r = world.mustRepo(repo);
      const files = r.files.get(ref) ?? new Map<string, Buffer>();
      files.set(path.replace(/^\/+/, ''), Buffer.isBuffer(content) ? content : Buffer.from(content));
      r.files.set(ref, files);
    },

    comments: (repo, issueNumber) => {
      const r = world.mustRepo(repo);
      return [...world.issueComments.values()].filter((c) => c.repo === r.fullName && c.issueNumber === issueNumber).map((c) => structuredClone(c));
    },
    commitComments: (repo, sha) => {
      const r = world.mustRepo(repo);
      return [...world.commitComments.values()].filter((c) => c.repo === r.fullName && c.commitId === sha).map((c) => structuredClone(c));
    },
    checkRuns: (repo) => world.mustRepo(repo).checkRuns.map((c) => structuredClone(c)),
    refs: (repo) => Object.fromEntries(world.mustRepo(repo).refs),
    gitObject: (repo, sha) => world.mustRepo(repo).git.get(sha),
    addTag: (repo, t) => {
      const r = world.mustRepo(repo);
      const sha =
        t.message === undefined
          ? t.commit
          : r.git.putTag({
              tag: t.tag,
              object: t.commit,
              message: t.message,
              tagger: { name: 'Data Scientist', email: 'ds@example.com', date: t.date ?? world.now() },
            });
      r.refs.set(`refs/tags/${t.tag}`, sha);
    },
    releases: (repo) => world.mustRepo(repo).releases.map((r) => ({ ...r, assets: r.assets.map((a) => ({ ...a })) })),
    rawUrl: (repo, ref, path) => `${origin}/raw/${repo}/${ref}/${path}`,

    inject: (fault) => void faults.push({ ...fault, left: fault.times ?? 1 }),
    secondaryRateLimit: (path) =>
      server.inject({
        path,
        status: 403,
        headers: { 'retry-after': '1', 'x-ratelimit-remaining': '4990' },
        body: {
          message:
            'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID 0000:0000:0000000:0000000:00000000.',
          documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
          status: '403',
        },
      }),
    rateLimit429: (path) =>
      server.inject({
        path,
        status: 429,
        headers: { 'retry-after': '1', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000)) },
        body: {
          message: 'API rate limit exceeded for installation.',
          documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
          status: '429',
        },
      }),
    serverError: (status = 502, path) =>
      server.inject({ path, status, body: status === 502 ? { message: 'Server Error' } : { message: 'Internal Server Error' } }),
    slow: (ms, path) => server.inject({ path, delayMs: ms }),
    lostAnswer: (method, path, times) => server.inject({ method, path, status: 502, afterApply: true, times, body: { message: 'Server Error' } }),
    hang: (path, times) => server.inject({ path, hang: true, times }),
    route: (method, openapiPath, handler) => {
      custom.unshift(compile(method, openapiPath, handler));
    },
  };
  return server;
}

/** Matches path segments to a template; multi-segment parameters (a ref, a file path) may take several. */
function matchSegments(template: string[], parts: string[], multi: Set<string>): Record<string, string> | undefined {
  const go = (ti: number, pi: number): Record<string, string> | undefined => {
    if (ti === template.length) return pi === parts.length ? {} : undefined;
    if (pi >= parts.length) return undefined;
    const t = template[ti];
    if (!t.startsWith('{')) {
      if (safeDecode(parts[pi]) !== t) return undefined;
      return go(ti + 1, pi + 1);
    }
    const name = t.slice(1, -1);
    const maxTake = multi.has(name) ? parts.length - pi - (template.length - ti - 1) : 1;
    for (let take = maxTake; take >= 1; take--) {
      const rest = go(ti + 1, pi + take);
      if (rest)
        return {
          [name]: parts
            .slice(pi, pi + take)
            .map(safeDecode)
            .join('/'),
          ...rest,
        };
    }
    return undefined;
  };
  return go(0, 0);
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function isJson(body: unknown): boolean {
  return !Buffer.isBuffer(body) && typeof body !== 'string';
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const common = { 'x-github-request-id': randomUUID().toUpperCase(), 'x-github-api-version-selected': '2022-11-28', ...RATE_LIMIT_HEADERS() };
  if (body === undefined || status === 204 || status === 304) {
    res.writeHead(status, { ...common, ...headers });
    res.end();
    return;
  }
  const payload = Buffer.isBuffer(body) ? body : typeof body === 'string' ? Buffer.from(body) : Buffer.from(JSON.stringify(body));
  res.writeHead(status, {
    'content-type': isJson(body) ? 'application/json; charset=utf-8' : 'application/octet-stream',
    'content-length': String(payload.length),
    ...common,
    ...headers,
  });
  res.end(payload);
}

const MIME: Record<string, string> = {
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.json': 'application/json',
};
