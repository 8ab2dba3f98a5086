import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback GitLab (REST v4) for tests: it keeps state (users and their tokens, projects and
 * their members, merge requests, notes with authors, uploads) and answers where mlci calls it as
 * gitlab.com does, paginating as GitLab does.
 *
 * GitLab publishes no OpenAPI description of v4's notes and uploads endpoints that we have, so
 * request shapes are checked by hand against GitLab's REST documentation (Notes API, Project
 * markdown uploads API, REST pagination): required parameters, their types and allowed values.
 * Whatever does not match lands in `violations` (and is answered 400 as GitLab would), which tests
 * keep empty.
 *
 *   const gl = await startGitLabServer();
 *   const alice = gl.addUser('alice', { token: 'glpat-alice' });
 *   const project = gl.addProject('acme/churn', { members: [alice] });
 *   gl.addMergeRequest(project, 7);
 *   await postGitLabReport({ target: { apiUrl: gl.apiUrl, projectId: String(project), mergeRequestIid: 7 }, token: 'glpat-alice', ... });
 *   expect(gl.notes(project, 7)).toHaveLength(1);
 */

export interface User {
  id: number;
  username: string;
}

export interface Note {
  id: number;
  body: string;
  author: User;
  system: boolean;
  created_at: string;
  updated_at: string;
}

export interface Upload {
  id: number;
  secret: string;
  filename: string;
  bytes: Buffer;
  type: string;
  url: string;
}

export interface RequestRecord {
  method: string;
  /** Without the query string. */
  path: string;
  query: string;
  status: number;
  /** The request's headers (names lower-cased), to check where the token travelled. */
  headers: Record<string, string>;
  body: Buffer;
}

export interface Fault {
  method?: string;
  path?: RegExp;
  /** Never answers: the connection stays open until the client gives up or the server closes. */
  hang?: boolean;
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Apply the request, then answer `status` instead (a create whose answer was lost). */
  afterApply?: boolean;
  times?: number;
}

interface Project {
  id: number;
  path: string;
  members: Set<number>;
  mergeRequests: Map<number, Note[]>;
  uploads: Upload[];
}

interface Token {
  user: User;
  scopes: string[];
}

export interface GitLabServer {
  /** For CI_API_V4_URL: `http://127.0.0.1:PORT/api/v4`. */
  apiUrl: string;
  /** The web root that web_url fields point to. */
  webUrl: string;
  /** Request shapes GitLab would refuse, and calls to endpoints the stand-in does not know. */
  violations: string[];
  requests: RequestRecord[];
  addUser(username: string, o?: { token?: string; scopes?: string[] }): User;
  addToken(token: string, user: User, scopes?: string[]): void;
  /** Returns the project's numeric id. */
  addProject(path: string, o?: { members?: User[] }): number;
  addMergeRequest(project: number, iid: number): void;
  /** A note written by `author` (a person, another bot), as if through the web UI. */
  addNote(project: number, iid: number, author: User, body: string, o?: { system?: boolean }): Note;
  notes(project: number, iid: number): Note[];
  uploads(project: number): Upload[];
  fault(f: Fault): void;
  /** Requests held by a `hang` fault whose client has not closed the connection yet. */
  hanging(): number;
  close(): Promise<void>;
}

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(body === undefined ? undefined : JSON.stringify(body));
};

class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(JSON.stringify(body));
  }
}

const NOTE_LIMIT = 1_000_000;

export async function startGitLabServer(): Promise<GitLabServer> {
  const users: User[] = [];
  const tokens = new Map<string, Token>();
  const projects: Project[] = [];
  const faults: Fault[] = [];
  const violations: string[] = [];
  const requests: RequestRecord[] = [];
  const hanging = new Set<ServerResponse>();
  let nextNote = 1000;
  let nextUpload = 1;
  let clock = Date.parse('2026-01-01T00:00:00Z');
  const now = () => new Date((clock += 1000)).toISOString();

  const violation = (s: string): never => {
    violations.push(s);
    throw new Refusal(400, { error: s });
  };

  const findProject = (raw: string, user: User): Project => {
    const key = decodeURIComponent(raw);
    const p = projects.find((x) => String(x.id) === key || x.path === key);
    // GitLab answers a private project the token's user cannot see as if it did not exist.
    if (!p || !p.members.has(user.id)) throw new Refusal(404, { message: '404 Project Not Found' });
    return p;
  };
  const findMr = (p: Project, raw: string): Note[] => {
    if (!/^[1-9][0-9]*$/.test(raw)) violation(`merge_request_iid must be a positive integer, got ${JSON.stringify(raw)}`);
    const notes = p.mergeRequests.get(Number(raw));
    if (!notes) throw new Refusal(404, { message: '404 Not found' });
    return notes;
  };
  const webUrlOf = (p: Project, iid: number) => `${origin()}/${p.path}/-/merge_requests/${iid}`;
  let origin = () => '';

  const noteJson = (n: Note, p: Project, iid: number) => ({
    id: n.id,
    type: null,
    body: n.body,
    author: { id: n.author.id, username: n.author.username, name: n.author.username, state: 'active' },
    created_at: n.created_at,
    updated_at: n.updated_at,
    system: n.system,
    noteable_id: p.id * 1000 + iid,
    noteable_type: 'MergeRequest',
    noteable_iid: iid,
    project_id: p.id,
    resolvable: false,
    confidential: false,
    internal: false,
  });

  /** GitLab's offset pagination: `page` and `per_page` (default 20, at most 100), headers and a Link. */
  const paginate = <T>(items: T[], q: URLSearchParams, path: string): { page: T[]; headers: Record<string, string> } => {
    const int = (name: string, dflt: number) => {
      const v = q.get(name);
      if (v === null) return dflt;
      if (!/^[0-9]+$/.test(v)) violation(`${name} is invalid: ${JSON.stringify(v)} is not an integer`);
      return Number(v);
    };
    const page = Math.max(1, int('page', 1));
    const perPage = Math.min(100, Math.max(1, int('per_page', 20)));
    const totalPages = Math.max(1, Math.ceil(items.length / perPage));
    const slice = items.slice((page - 1) * perPage, page * perPage);
    const link = (n: number, rel: string) => {
      const u = new URLSearchParams(q);
      u.set('page', String(n));
      u.set('per_page', String(perPage));
      return `<${origin()}${path}?${u}>; rel="${rel}"`;
    };
    const links = [
      ...(page > 1 ? [link(page - 1, 'prev')] : []),
      ...(page < totalPages ? [link(page + 1, 'next')] : []),
      link(1, 'first'),
      link(totalPages, 'last'),
    ];
    return {
      page: slice,
      headers: {
        'x-page': String(page),
        'x-per-page': String(perPage),
        'x-next-page': page < totalPages ? String(page + 1) : '',
        'x-prev-page': page > 1 ? String(page - 1) : '',
        'x-total': String(items.length),
        'x-total-pages': String(totalPages),
        link: links.join(', '),
      },
    };
  };

  const jsonBody = (req: IncomingMessage, raw: Buffer): Record<string, unknown> => {
    const type = (req.headers['content-type'] ?? '').split(';')[0].trim();
    if (type === 'application/json') {
      try {
        const v = JSON.parse(raw.toString('utf8'));
        if (v && typeof v === 'object' && !Array.isArray(v)) return v;
      } catch {
        // fall through
      }
      return violation('the request body is not a JSON object');
    }
    if (type === 'application/x-www-form-urlencoded') return Object.fromEntries(new URLSearchParams(raw.toString('utf8')));
    return violation(`unexpected content type ${JSON.stringify(type)} for a note`);
  };

  const noteText = (b: Record<string, unknown>): string => {
    if (!('body' in b)) violation('body is missing');
    if (typeof b.body !== 'string') violation('body is invalid: not a string');
    const body = b.body as string;
    if (body.trim() === '') throw new Refusal(400, { message: { note: ["can't be blank"] } });
    // Ruby counts characters (code points).
    if ([...body].length > NOTE_LIMIT) throw new Refusal(400, { message: { note: [`is too long (maximum is ${NOTE_LIMIT} characters)`] } });
    return body;
  };

  async function handle(req: IncomingMessage, res: ServerResponse, raw: Buffer, apply: () => void): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = url.pathname;
    const q = url.searchParams;
    const method = req.method ?? 'GET';
    if (!path.startsWith('/api/v4/')) throw new Refusal(404, { error: '404 Not Found' });
    const route = path.slice('/api/v4'.length);

    // Authentication: PRIVATE-TOKEN, or an OAuth/personal token as a bearer.
    const header = req.headers['private-token'] ?? (req.headers.authorization ?? '').replace(/^Bearer\s+/i, '');
    const tokenValue = Array.isArray(header) ? header[0] : header;
    if (q.has('private_token') || q.has('access_token')) violations.push('the token travelled in the query string');
    const token = tokenValue ? tokens.get(tokenValue) : undefined;
    if (!token) throw new Refusal(401, { message: '401 Unauthorized' });
    const writes = method !== 'GET' && method !== 'HEAD';
    if (!token.scopes.includes('api') && (writes || !token.scopes.includes('read_api'))) {
      throw new Refusal(403, {
        error: 'insufficient_scope',
        error_description: 'The request requires higher privileges than provided by the access token.',
        scope: writes ? 'api' : 'api read_api',
      });
    }
    const me = token.user;
    let m: RegExpExecArray | null;

    if (method === 'GET' && route === '/user') return json(res, 200, { id: me.id, username: me.username, name: me.username, state: 'active' });

    if ((m = /^\/projects\/([^/]+)$/.exec(route)) && method === 'GET') {
      const p = findProject(m[1], me);
      return json(res, 200, { id: p.id, path_with_namespace: p.path, web_url: `${origin()}/${p.path}` });
    }

    if ((m = /^\/projects\/([^/]+)\/merge_requests\/([^/]+)$/.exec(route)) && method === 'GET') {
      const p = findProject(m[1], me);
      findMr(p, m[2]);
      const iid = Number(m[2]);
      return json(res, 200, { id: p.id * 1000 + iid, iid, project_id: p.id, state: 'opened', web_url: webUrlOf(p, iid) });
    }

    if ((m = /^\/projects\/([^/]+)\/merge_requests\/([^/]+)\/notes$/.exec(route))) {
      const p = findProject(m[1], me);
      const notes = findMr(p, m[2]);
      const iid = Number(m[2]);
      if (method === 'GET') {
        const sort = q.get('sort') ?? 'desc';
        const orderBy = q.get('order_by') ?? 'created_at';
        if (!['asc', 'desc'].includes(sort)) violation('sort does not have a valid value');
        if (!['created_at', 'updated_at'].includes(orderBy)) violation('order_by does not have a valid value');
        const key = (n: Note) => `${orderBy === 'created_at' ? n.created_at : n.updated_at}:${String(n.id).padStart(12, '0')}`;
        const sorted = [...notes].sort((a, b) => (key(a) < key(b) ? -1 : 1) * (sort === 'asc' ? 1 : -1));
        const { page, headers } = paginate(sorted, q, path);
        return json(
          res,
          200,
          page.map((n) => noteJson(n, p, iid)),
          headers,
        );
      }
      if (method === 'POST') {
        const body = noteText(jsonBody(req, raw));
        const t = now();
        const note: Note = { id: nextNote++, body, author: me, system: false, created_at: t, updated_at: t };
        notes.push(note);
        apply();
        return json(res, 201, noteJson(note, p, iid));
      }
    }

    if ((m = /^\/projects\/([^/]+)\/merge_requests\/([^/]+)\/notes\/([^/]+)$/.exec(route))) {
      const p = findProject(m[1], me);
      const notes = findMr(p, m[2]);
      const iid = Number(m[2]);
      if (!/^[0-9]+$/.test(m[3])) violation(`note_id must be an integer, got ${JSON.stringify(m[3])}`);
      const note = notes.find((n) => n.id === Number(m![3]));
      if (!note) throw new Refusal(404, { message: '404 Not found' });
      if (method === 'GET') return json(res, 200, noteJson(note, p, iid));
      if (method === 'PUT') {
        const b = jsonBody(req, raw);
        if (note.author.id !== me.id) throw new Refusal(403, { message: '403 Forbidden' });
        note.body = noteText(b);
        note.updated_at = now();
        apply();
        return json(res, 200, noteJson(note, p, iid));
      }
      if (method === 'DELETE') {
        if (note.author.id !== me.id) throw new Refusal(403, { message: '403 Forbidden' });
        notes.splice(notes.indexOf(note), 1);
        apply();
        res.writeHead(204);
        return void res.end();
      }
    }

    if ((m = /^\/projects\/([^/]+)\/uploads$/.exec(route)) && method === 'POST') {
      const p = findProject(m[1], me);
      const type = req.headers['content-type'] ?? '';
      if (!type.startsWith('multipart/form-data')) violation(`uploads take multipart/form-data, got ${JSON.stringify(type)}`);
      // Node's own multipart parser (undici's Request.formData), so the stand-in reads the form as a server would.
      const form = await new Request('http://x/', { method: 'POST', headers: { 'content-type': type }, body: new Uint8Array(raw) }).formData();
      const file = form.get('file');
      if (!(file instanceof File)) return violation('file is missing or is not a file part');
      if (!file.name) violation('the file part has no filename');
      const secret = randomBytes(16).toString('hex');
      const url = `/uploads/${secret}/${file.name}`;
      const upload: Upload = { id: nextUpload++, secret, filename: file.name, bytes: Buffer.from(await file.arrayBuffer()), type: file.type, url };
      p.uploads.push(upload);
      apply();
      const alt = file.name.replace(/\.[^.]*$/, '');
      return json(res, 201, { id: upload.id, alt, url, full_path: `/-/project/${p.id}/uploads/${secret}/${file.name}`, markdown: `![${alt}](${url})` });
    }

    violations.push(`no such endpoint in the stand-in: ${method} ${route}`);
    throw new Refusal(404, { error: '404 Not Found' });
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const url = new URL(req.url ?? '/', 'http://x');
      const record: RequestRecord = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.search,
        status: 0,
        headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)])),
        body: raw,
      };
      requests.push(record);
      const fault = faults.find((f) => (!f.method || f.method === record.method) && (!f.path || f.path.test(record.path)) && (f.times ?? 1) > 0);
      if (fault) fault.times = (fault.times ?? 1) - 1;
      if (fault?.hang) {
        hanging.add(res);
        res.on('close', () => hanging.delete(res));
        return;
      }
      let answered = false;
      const apply = () => {
        if (fault?.afterApply) answered = true;
      };
      const send = (status: number, body: unknown, headers?: Record<string, string>) => {
        record.status = status;
        json(res, status, body, headers);
      };
      if (fault && !fault.afterApply) return send(fault.status ?? 500, fault.body ?? { message: 'fault' }, fault.headers);
      const origWriteHead = res.writeHead.bind(res);
      res.writeHead = ((status: number, ...rest: unknown[]) => {
        record.status = status;
        if (answered) {
          answered = false;
          record.status = fault!.status ?? 502;
          return origWriteHead(record.status, { 'content-type': 'application/json' });
        }
        return origWriteHead(status, ...(rest as [])) as ServerResponse;
      }) as typeof res.writeHead;
      handle(req, res, raw, apply).catch((e: unknown) => {
        if (e instanceof Refusal) return send(e.status, e.body);
        violations.push(`stand-in error: ${String(e)}`);
        send(500, { message: '500 Internal Server Error' });
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = () => `http://127.0.0.1:${port}`;

  const projectById = (id: number) => {
    const p = projects.find((x) => x.id === id);
    if (!p) throw new Error(`no project ${id}`);
    return p;
  };

  return {
    apiUrl: `${origin()}/api/v4`,
    webUrl: origin(),
    violations,
    requests,
    addUser(username, o = {}) {
      const user = { id: users.length + 1, username };
      users.push(user);
      if (o.token) tokens.set(o.token, { user, scopes: o.scopes ?? ['api'] });
      return user;
    },
    addToken(token, user, scopes = ['api']) {
      tokens.set(token, { user, scopes });
    },
    addProject(path, o = {}) {
      const id = 100 + projects.length;
      projects.push({ id, path, members: new Set((o.members ?? []).map((u) => u.id)), mergeRequests: new Map(), uploads: [] });
      return id;
    },
    addMergeRequest(project, iid) {
      projectById(project).mergeRequests.set(iid, []);
    },
    addNote(project, iid, author, body, o = {}) {
      const notes = projectById(project).mergeRequests.get(iid);
      if (!notes) throw new Error(`no merge request !${iid}`);
      const t = now();
      const note = { id: nextNote++, body, author, system: o.system ?? false, created_at: t, updated_at: t };
      notes.push(note);
      return note;
    },
    notes: (project, iid) => [...(projectById(project).mergeRequests.get(iid) ?? [])],
    uploads: (project) => [...projectById(project).uploads],
    fault: (f) => void faults.push(f),
    hanging: () => hanging.size,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
