import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ARTIFACT_CONTAINER, ArtifactStore, type Run } from './artifacts.js';
import { startAzurite } from './azurite.js';
import { CacheStore } from './caches.js';
import { artifactRoutes, type RestRoute } from './rest.js';
import { runtimeToken } from './token.js';
import { twirpHandler } from './twirp.js';

export type { RestRequest, RestResponse, RestRoute } from './rest.js';

export interface ResultsServiceOptions {
  /** `owner/repo` for the REST routes; the runner helper's default is `octo/ml`. */
  repository?: string;
  repositoryId?: number;
  /** Public id of the first run (GITHUB_RUN_ID); later runs count up from it. */
  runId?: number;
  headSha?: string;
  headBranch?: string;
  /** Base of REST `url` fields; defaults to the Host the request came to. */
  apiUrl?: string;
}

export interface ResultsRun {
  runId: number;
  runBackendId: string;
  jobBackendId: string;
  /** What a job of this run needs: the results URL, its runtime token, GITHUB_RUN_ID, ... */
  env: Record<string, string>;
}

export interface ResultsService {
  /** Everything a spawned action of the first run needs. */
  env: Record<string, string>;
  runId: number;
  /** Another run of the same repository (say the `workflow_run` workflow after a `pull_request` one). */
  newRun(o?: { runId?: number; headSha?: string; headBranch?: string }): ResultsRun;
  artifacts(): Array<{ id: number; name: string; size: number; runBackendId: string; runId: number; finalized: boolean }>;
  caches(): Array<{ key: string; version: string; size: number; finalized: boolean; service: 'v1' | 'v2' }>;
  /** The bytes uploaded for an artifact: a zip, or the raw file when uploaded with skipArchive. */
  downloadArtifactZip(id: number): Promise<Buffer>;
  /** The public REST endpoints for artifacts, to mount on the loopback GitHub server. */
  restRoutes(): RestRoute[];
  /** Fault: requests whose path contains `pathPart` (e.g. `ArtifactService/CreateArtifact`) are taken and never answered. */
  hang(pathPart: string): void;
  close(): Promise<void>;
}

/**
 * A loopback stand-in for the Actions results service (Twirp at ACTIONS_RESULTS_URL) with
 * azurite as the blob store behind real SAS URLs, so the unmodified @actions/artifact and
 * @actions/cache clients run against it.
 */
export async function startResultsService(o: ResultsServiceOptions = {}): Promise<ResultsService> {
  const azurite = await startAzurite();
  const runs = new Map<string, Run>();
  const artifacts = new ArtifactStore(azurite, (id) => runs.get(id));
  const caches = new CacheStore(azurite);
  const twirp = twirpHandler(
    {
      'github.actions.results.api.v1.ArtifactService': artifacts.twirp(),
      'github.actions.results.api.v1.CacheService': caches.twirp(),
    },
    (e) => console.error('results service:', e),
  );
  const hung = new Set<string>();
  const server = createServer((req, res) => {
    if ([...hung].some((p) => req.url?.includes(p))) return;
    // The v1 cache API (GHES) at ACTIONS_CACHE_URL, else the Twirp services.
    void caches.v1(req, res, url).then((handled) => (handled ? undefined : twirp(req, res)));
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
  } catch (e) {
    await azurite.close();
    throw e;
  }
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

  let nextRunId = o.runId ?? 4242;
  const newRun = (r: { runId?: number; headSha?: string; headBranch?: string } = {}): ResultsRun => {
    const run: Run = {
      runId: r.runId ?? nextRunId,
      runBackendId: randomUUID(),
      jobBackendId: randomUUID(),
      headSha: r.headSha ?? o.headSha ?? 'f'.repeat(40),
      headBranch: r.headBranch ?? o.headBranch ?? 'main',
    };
    nextRunId = Math.max(nextRunId, run.runId) + 1;
    runs.set(run.runBackendId, run);
    const token = runtimeToken({ workflowRunBackendId: run.runBackendId, workflowJobRunBackendId: run.jobBackendId });
    return {
      runId: run.runId,
      runBackendId: run.runBackendId,
      jobBackendId: run.jobBackendId,
      env: {
        ACTIONS_RESULTS_URL: url,
        ACTIONS_RUNTIME_TOKEN: token,
        ACTIONS_CACHE_SERVICE_V2: 'true',
        // The runner sets both; v1 clients would read this one, v2 reads ACTIONS_RESULTS_URL.
        ACTIONS_CACHE_URL: url,
        // The toolkit refuses artifacts v2 on GHES and tells GHES by this host.
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_RUN_ID: String(run.runId),
      },
    };
  };
  const first = newRun();
  const scope = {
    repository: o.repository ?? 'octo/ml',
    repositoryId: o.repositoryId ?? 1296269,
    apiUrl: o.apiUrl,
  };

  return {
    env: first.env,
    runId: first.runId,
    newRun,
    artifacts: () =>
      artifacts.all().map((a) => ({
        id: a.id,
        name: a.name,
        size: a.size,
        runBackendId: a.run.runBackendId,
        runId: a.run.runId,
        finalized: a.finalized,
      })),
    caches: () => caches.all().map((c) => ({ key: c.key, version: c.version, size: c.size, finalized: c.finalized, service: c.service })),
    async downloadArtifactZip(id) {
      const a = artifacts.byId(id);
      if (!a) throw new Error(`no artifact with id ${id}`);
      return azurite.service.getContainerClient(ARTIFACT_CONTAINER).getBlobClient(a.blob).downloadToBuffer();
    },
    restRoutes: () => artifactRoutes(artifacts, scope),
    hang: (pathPart) => void hung.add(pathPart),
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await azurite.close();
    },
  };
}
