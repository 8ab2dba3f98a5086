import type { ArtifactRecord, ArtifactStore } from './artifacts.js';

export interface RestRequest {
  params: Record<string, string>;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
}

export interface RestResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface RestRoute {
  method: string;
  openapiPath: string;
  handler: (req: RestRequest) => RestResponse | Promise<RestResponse>;
}

export interface RestScope {
  /** `owner/repo` the artifacts belong to; other repositories answer 404. */
  repository: string;
  repositoryId: number;
  /** Base of the `url` fields; when unset, the Host header of the request. */
  apiUrl?: string;
}

const DOCS = 'https://docs.github.com/rest/actions/artifacts';

const notFound = (anchor: string): RestResponse => ({
  status: 404,
  body: { message: 'Not Found', documentation_url: `${DOCS}#${anchor}`, status: '404' },
});

function apiBase(scope: RestScope, headers: Record<string, string>): string {
  if (scope.apiUrl) return scope.apiUrl.replace(/\/$/, '');
  return headers.host ? `http://${headers.host}` : 'https://api.github.com';
}

/** GitHub's node ids are opaque; this one is stable per artifact, which is all a client may rely on. */
const nodeId = (id: number) => Buffer.from(`010:Artifact${id}`).toString('base64').replace(/=+$/, '');

/** The REST `artifact` object (components/schemas/artifact in GitHub's OpenAPI description). */
export function artifactJson(a: ArtifactRecord, scope: RestScope, base: string, now = new Date()) {
  const url = `${base}/repos/${scope.repository}/actions/artifacts/${a.id}`;
  return {
    id: a.id,
    node_id: nodeId(a.id),
    name: a.name,
    size_in_bytes: a.size,
    url,
    archive_download_url: `${url}/zip`,
    expired: a.expiresAt <= now,
    created_at: a.createdAt.toISOString().replace(/\.\d+Z$/, 'Z'),
    expires_at: a.expiresAt.toISOString().replace(/\.\d+Z$/, 'Z'),
    updated_at: a.updatedAt.toISOString().replace(/\.\d+Z$/, 'Z'),
    digest: a.digest ?? null,
    workflow_run: {
      id: a.run.runId,
      repository_id: scope.repositoryId,
      head_repository_id: scope.repositoryId,
      head_branch: a.run.headBranch,
      head_sha: a.run.headSha,
    },
  };
}

function page<T>(items: T[], query: Record<string, string>): T[] {
  const perPage = Math.min(Math.max(Number(query.per_page ?? 30) || 30, 1), 100);
  const n = Math.max(Number(query.page ?? 1) || 1, 1);
  return items.slice((n - 1) * perPage, n * perPage);
}

/**
 * The public artifact endpoints @actions/artifact uses when given `findBy` (another run, or
 * another repository): list a run's artifacts, get, delete, and download (a 302 to the blob).
 */
export function artifactRoutes(store: ArtifactStore, scope: RestScope): RestRoute[] {
  const inRepo = (p: Record<string, string>) => `${p.owner}/${p.repo}`.toLowerCase() === scope.repository.toLowerCase();
  // GitHub keeps expired artifacts listed (expired: true) until they are purged.
  const visible = () => store.all().filter((a) => a.finalized);
  const find = (p: Record<string, string>) => (inRepo(p) ? visible().find((a) => String(a.id) === p.artifact_id) : undefined);

  const list =
    (anchor: string, pick: (req: RestRequest) => ArtifactRecord[]) =>
    (req: RestRequest): RestResponse => {
      if (!inRepo(req.params)) return notFound(anchor);
      let items = pick(req);
      if (req.query.name !== undefined) items = items.filter((a) => a.name === req.query.name);
      items.sort((a, b) => (req.query.direction === 'asc' ? a.id - b.id : b.id - a.id));
      const base = apiBase(scope, req.headers);
      return {
        status: 200,
        body: { total_count: items.length, artifacts: page(items, req.query).map((a) => artifactJson(a, scope, base)) },
      };
    };

  return [
    {
      method: 'GET',
      openapiPath: '/repos/{owner}/{repo}/actions/runs/{run_id}/artifacts',
      handler: list('list-workflow-run-artifacts', (req) => visible().filter((a) => String(a.run.runId) === req.params.run_id)),
    },
    {
      method: 'GET',
      openapiPath: '/repos/{owner}/{repo}/actions/artifacts',
      handler: list('list-artifacts-for-a-repository', () => visible()),
    },
    {
      method: 'GET',
      openapiPath: '/repos/{owner}/{repo}/actions/artifacts/{artifact_id}',
      handler: (req) => {
        const a = find(req.params);
        if (!a) return notFound('get-an-artifact');
        return { status: 200, body: artifactJson(a, scope, apiBase(scope, req.headers)) };
      },
    },
    {
      method: 'DELETE',
      openapiPath: '/repos/{owner}/{repo}/actions/artifacts/{artifact_id}',
      handler: async (req) => {
        const a = find(req.params);
        if (!a) return notFound('delete-an-artifact');
        await store.remove(a);
        return { status: 204 };
      },
    },
    {
      method: 'GET',
      openapiPath: '/repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}',
      handler: (req) => {
        const a = find(req.params);
        if (!a || req.params.archive_format !== 'zip') return notFound('download-an-artifact');
        if (a.expiresAt <= new Date()) {
          return {
            status: 410,
            body: { message: 'Artifact has expired', documentation_url: `${DOCS}#download-an-artifact`, status: '410' },
          };
        }
        return { status: 302, headers: { location: store.signedDownloadUrl(a) } };
      },
    },
  ];
}
