import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import formatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAzurite } from './azurite.js';
import type { RestRoute } from './rest.js';
import { collect } from '../spawned.js';
import { startResultsService, type ResultsService } from './service.js';
import { backendIdsOf, runtimeToken } from './token.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const CLIENT = join(HERE, 'toolkit-client.mjs');

interface StepResult {
  ok: boolean;
  value?: any;
  error?: string;
}

/** Spawns the toolkit clients with a job's environment, cwd = a fresh workspace. */
async function runClient(
  env: Record<string, string>,
  steps: object[],
  files: Record<string, string | Buffer> = {},
): Promise<{ results: StepResult[]; stdout: string; stderr: string; workspace: string }> {
  const workspace = await mkdtemp(join(tmpdir(), 'mlci-results-ws-'));
  const runnerTemp = await mkdtemp(join(tmpdir(), 'mlci-results-tmp-'));
  for (const [rel, content] of Object.entries(files)) {
    await mkdir(dirname(join(workspace, rel)), { recursive: true });
    await writeFile(join(workspace, rel), content);
  }
  const out = join(runnerTemp, 'results.json');
  const resolved = JSON.stringify(steps).replaceAll('$WS', workspace);
  const child = spawn(process.execPath, [CLIENT, resolved, out], {
    cwd: workspace,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/root',
      RUNNER_TEMP: runnerTemp,
      GITHUB_WORKSPACE: workspace,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const { code, stdout, stderr } = await collect(child);
  if (code !== 0) throw new Error(`client exited ${code}\n${stdout.slice(-4000)}\n${stderr}`);
  const results = JSON.parse(await readFile(out, 'utf8')) as StepResult[];
  await rm(runnerTemp, { recursive: true, force: true });
  return { results, stdout, stderr, workspace };
}

/** Mounts REST routes on a bare http server: the part of the loopback GitHub these tests need. */
async function mountRoutes(routes: RestRoute[]): Promise<{ url: string; server: Server }> {
  const compiled = routes.map((r) => ({
    ...r,
    re: new RegExp(`^${r.openapiPath.replace(/\{(\w+)\}/g, '(?<$1>[^/]+)')}$`),
  }));
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    for (const r of compiled) {
      const m = r.re.exec(url.pathname);
      if (!m || r.method !== req.method) continue;
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
      const answer = await r.handler({
        params: Object.fromEntries(Object.entries(m.groups ?? {}).map(([k, v]) => [k, decodeURIComponent(v)])),
        query: Object.fromEntries(url.searchParams),
        headers,
        body: undefined,
      });
      const body = answer.body === undefined ? '' : JSON.stringify(answer.body);
      res.writeHead(answer.status, { ...(body ? { 'content-type': 'application/json' } : {}), ...answer.headers });
      res.end(body);
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ message: 'Not Found' }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/**
 * GitHub's REST `artifact` schema (@octokit/openapi, OpenAPI 3.0) as ajv reads it: the schema has
 * no `$ref`, so turning `nullable` into a `null` type member is the only rewrite it needs.
 */
function artifactValidator() {
  const doc = createRequire(import.meta.url)('@octokit/openapi/generated/api.github.com.json');
  const rewrite = (node: any): any => {
    if (!node || typeof node !== 'object') return node;
    for (const v of Object.values(node)) rewrite(v);
    if (node.nullable === true) {
      delete node.nullable;
      node.type = [node.type, 'null'];
    }
    return node;
  };
  const ajv = new Ajv({ strict: false, allErrors: true, allowUnionTypes: true });
  ((formatsModule as any).default ?? formatsModule)(ajv);
  return ajv.compile(rewrite(structuredClone(doc.components.schemas.artifact)));
}

async function twirp(svc: ResultsService, method: string, body: object, token?: string) {
  const res = await fetch(new URL(`/twirp/github.actions.results.api.v1.ArtifactService/${method}`, svc.env.ACTIONS_RESULTS_URL), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
    },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
}

describe('runtime token', () => {
  it('carries the backend ids in the scp claim, as the toolkit parses it', () => {
    const token = runtimeToken({ workflowRunBackendId: 'run-1', workflowJobRunBackendId: 'job-2' });
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
    expect(claims.scp.split(' ')).toContain('Actions.Results:run-1:job-2');
    expect(backendIdsOf(`Bearer ${token}`)).toEqual({ workflowRunBackendId: 'run-1', workflowJobRunBackendId: 'job-2' });
    expect(backendIdsOf('Bearer not-a-jwt')).toBeUndefined();
    expect(backendIdsOf(undefined)).toBeUndefined();
  });
});

describe('azurite child', () => {
  it('is gone once closed', async () => {
    const azurite = await startAzurite();
    expect(() => process.kill(azurite.pid, 0)).not.toThrow();
    await azurite.close();
    expect(() => process.kill(azurite.pid, 0)).toThrow(/ESRCH/);
  });

  it('exits when its parent dies without cleaning up', async () => {
    // Node 24 strips types, so a plain child can load the helper and then be killed outright.
    const script = `import { startAzurite } from ${JSON.stringify(join(HERE, 'azurite.ts'))};
      const a = await startAzurite(); console.log('PID ' + a.pid);`;
    const parent = spawn(process.execPath, ['--input-type=module', '-e', script], {
      cwd: resolve(HERE, '../../..'),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const pid = await new Promise<number>((done, fail) => {
      let seen = '';
      parent.stdout.setEncoding('utf8').on('data', (d) => {
        seen += d;
        const m = /PID (\d+)/.exec(seen);
        if (m) done(Number(m[1]));
      });
      parent.on('exit', (c) => fail(new Error(`parent exited ${c}: ${seen}`)));
    });
    parent.kill('SIGKILL');
    let alive = true;
    for (let i = 0; i < 200 && alive; i++) {
      await new Promise((r) => setTimeout(r, 50));
      try {
        process.kill(pid, 0);
      } catch {
        alive = false;
      }
    }
    expect(alive).toBe(false);
  });
});

describe('results service with the real toolkit clients', () => {
  let svc: ResultsService;
  let github: { url: string; server: Server };

  beforeAll(async () => {
    svc = await startResultsService({ repository: 'octo/ml', runId: 100 });
    github = await mountRoutes(svc.restRoutes());
  });
  afterAll(async () => {
    github?.server.close();
    github?.server.closeAllConnections();
    await svc?.close();
  });

  const report = JSON.stringify({ action: 'train', metrics: { auc: 0.91 } });
  const png = Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 7919) % 251));

  it('uploads an artifact, lists it, refuses a duplicate name, downloads it back by id', async () => {
    const { results, workspace } = await runClient(
      svc.env,
      [
        { op: 'upload', name: 'mlci-report', files: ['$WS/report/section.json', '$WS/report/plot.png'], root: '$WS/report' },
        { op: 'list', options: { latest: true } },
        { op: 'get', name: 'mlci-report' },
        { op: 'upload', name: 'mlci-report', files: ['$WS/report/section.json'], root: '$WS/report' },
        { op: 'download', id: 1, options: { path: '$WS/out' } },
        { op: 'download', id: 999, options: { path: '$WS/none' } },
      ],
      { 'report/section.json': report, 'report/plot.png': png },
    );
    const [upload, list, get, duplicate, download, missing] = results;
    expect(upload).toMatchObject({ ok: true, value: { id: 1 } });
    expect(list.value.artifacts.map((a: any) => a.name)).toEqual(['mlci-report']);
    expect(get.value.artifact).toMatchObject({ id: 1, name: 'mlci-report', size: upload.value.size });
    expect(duplicate.ok).toBe(false);
    expect(duplicate.error).toMatch(/409.*already exists/);
    expect(download).toMatchObject({ ok: true, value: { digestMismatch: false } });
    expect(await readFile(join(workspace, 'out/section.json'), 'utf8')).toBe(report);
    expect((await readFile(join(workspace, 'out/plot.png'))).equals(png)).toBe(true);
    expect(missing.ok).toBe(false);
    expect(missing.error).toMatch(/No artifacts found for ID: 999/);

    const [stored] = svc.artifacts();
    expect(stored).toMatchObject({ id: 1, name: 'mlci-report', finalized: true, runId: 100 });
    const zip = await svc.downloadArtifactZip(1);
    expect(zip.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
    expect(zip.length).toBe(stored.size);
    expect(stored.size).toBe(upload.value.size);
  });

  it('keeps a raw file raw with skipArchive, under its own name', async () => {
    const { results, workspace } = await runClient(
      svc.env,
      [
        { op: 'upload', name: 'ignored', files: ['$WS/metrics.json'], root: '$WS', options: { skipArchive: true } },
        { op: 'get', name: 'metrics.json' },
      ],
      { 'metrics.json': '{"auc": 0.5}' },
    );
    expect(results[0].ok).toBe(true);
    const id = results[1].value.artifact.id;
    const again = await runClient(svc.env, [{ op: 'download', id, options: { path: '$WS/dl' } }]);
    expect(again.results[0].ok).toBe(true);
    expect(await readFile(join(again.workspace, 'dl/metrics.json'), 'utf8')).toBe('{"auc": 0.5}');
    expect((await svc.downloadArtifactZip(id)).toString()).toBe('{"auc": 0.5}');
    expect(workspace).not.toBe(again.workspace);
  });

  it('downloads from another run through the REST API (findBy), following the 302 to the blob', async () => {
    const later = svc.newRun();
    const findBy = { token: 'ghs_loopback', workflowRunId: 100, repositoryOwner: 'octo', repositoryName: 'ml' };
    const { results, workspace } = await runClient({ ...later.env, GITHUB_API_URL: github.url }, [
      { op: 'get', name: 'mlci-report', options: { findBy } },
      { op: 'download', id: 1, options: { path: '$WS/from-pr', findBy } },
      { op: 'list', options: { findBy } },
      { op: 'list' },
      { op: 'get', name: 'mlci-report', options: { findBy: { ...findBy, repositoryName: 'other' } } },
    ]);
    const [get, download, listPublic, listOwn, otherRepo] = results;
    expect(get.value.artifact).toMatchObject({ id: 1, name: 'mlci-report' });
    expect(download).toMatchObject({ ok: true, value: { digestMismatch: false } });
    expect(await readFile(join(workspace, 'from-pr/section.json'), 'utf8')).toBe(report);
    expect(listPublic.value.artifacts.map((a: any) => a.name).sort()).toEqual(['metrics.json', 'mlci-report']);
    // The later run's own token sees none of the earlier run's artifacts.
    expect(listOwn.value.artifacts).toEqual([]);
    expect(otherRepo.ok).toBe(false);
    expect(otherRepo.error).toMatch(/Not Found|404/);
    expect(later.runId).toBe(101);
  });

  it('answers the REST routes in GitHub shape', async () => {
    const list = (await (await fetch(`${github.url}/repos/octo/ml/actions/runs/100/artifacts?name=mlci-report`)).json()) as any;
    expect(list.total_count).toBe(1);
    const a = list.artifacts[0];
    expect(Object.keys(a).sort()).toEqual(
      [
        'archive_download_url',
        'created_at',
        'digest',
        'expired',
        'expires_at',
        'id',
        'name',
        'node_id',
        'size_in_bytes',
        'updated_at',
        'url',
        'workflow_run',
      ].sort(),
    );
    expect(a.url).toBe(`${github.url}/repos/octo/ml/actions/artifacts/1`);
    expect(a.archive_download_url).toBe(`${a.url}/zip`);
    expect(a.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(a.workflow_run).toMatchObject({ id: 100, head_branch: 'main' });
    const valid = artifactValidator();
    expect(valid(a), JSON.stringify(valid.errors)).toBe(true);
    expect(valid({ ...a, created_at: undefined })).toBe(false);
    const redirect = await fetch(a.archive_download_url, { redirect: 'manual' });
    expect(redirect.status).toBe(302);
    const blob = Buffer.from(await (await fetch(redirect.headers.get('location')!)).arrayBuffer());
    expect(blob.equals(await svc.downloadArtifactZip(1))).toBe(true);
    expect((await fetch(`${github.url}/repos/octo/ml/actions/artifacts/12345`)).status).toBe(404);
    expect((await fetch(`${github.url}/repos/octo/ml/actions/artifacts/1/tar`)).status).toBe(404);
  });

  it('refuses requests the way the real service does, with Twirp errors', async () => {
    const own = svc.env.ACTIONS_RUNTIME_TOKEN;
    const ids = backendIdsOf(`Bearer ${own}`)!;
    const base = { workflow_run_backend_id: ids.workflowRunBackendId, workflow_job_run_backend_id: ids.workflowJobRunBackendId };

    expect(await twirp(svc, 'ListArtifacts', base)).toMatchObject({ status: 401, body: { code: 'unauthenticated' } });
    expect(await twirp(svc, 'NoSuchMethod', base, own)).toMatchObject({ status: 404, body: { code: 'bad_route' } });
    const foreign = runtimeToken({ workflowRunBackendId: 'elsewhere', workflowJobRunBackendId: 'x' });
    expect(await twirp(svc, 'ListArtifacts', base, foreign)).toMatchObject({ status: 403, body: { code: 'permission_denied' } });
    expect(await twirp(svc, 'CreateArtifact', { ...base, version: 7 }, own)).toMatchObject({
      status: 400,
      body: { code: 'invalid_argument' },
    });
    expect(await twirp(svc, 'FinalizeArtifact', { ...base, name: 'never-created', size: '1' }, own)).toMatchObject({
      status: 404,
      body: { code: 'not_found' },
    });
    expect(await twirp(svc, 'GetSignedArtifactURL', { ...base, name: 'nope' }, own)).toMatchObject({ status: 404 });
    const created = await twirp(svc, 'CreateArtifact', { ...base, name: 'empty-handed', version: 7 }, own);
    expect(created.body.ok).toBe(true);
    expect(await twirp(svc, 'FinalizeArtifact', { ...base, name: 'empty-handed', size: '0' }, own)).toMatchObject({
      status: 412,
      body: { code: 'failed_precondition' },
    });
    expect(svc.artifacts().find((a) => a.name === 'empty-handed')?.finalized).toBe(false);
  });

  it('deletes an artifact through the toolkit', async () => {
    const { results } = await runClient(svc.env, [
      { op: 'delete', name: 'metrics.json' },
      { op: 'get', name: 'metrics.json' },
    ]);
    expect(results[0].ok).toBe(true);
    expect(results[1].ok).toBe(false);
    expect(svc.artifacts().map((a) => a.name)).not.toContain('metrics.json');
  });

  it('saves and restores caches: exact hit, restore-key prefix hit, miss, duplicate key', async () => {
    const model = Buffer.from(Array.from({ length: 50_000 }, (_, i) => (i * 31) % 256));
    const save = await runClient(
      svc.env,
      [
        { op: 'saveCache', paths: ['models'], key: 'model-linux-abc123' },
        { op: 'saveCache', paths: ['models'], key: 'model-linux-abc123' },
      ],
      { 'models/model.bin': model, 'models/params.yaml': 'lr: 0.1\n' },
    );
    const [first, second] = save.results;
    expect(first.ok).toBe(true);
    expect(first.value).toBeGreaterThan(0);
    // @actions/cache swallows the conflict (another job may be writing it) and returns -1.
    expect(second).toEqual({ ok: true, value: -1 });
    expect(save.stdout).toMatch(/Failed to save: Unable to reserve cache with key model-linux-abc123/);

    const restore = await runClient(svc.env, [
      { op: 'restoreCache', paths: ['models'], key: 'model-linux-abc123' },
      { op: 'restoreCache', paths: ['models'], key: 'model-linux-def456', restoreKeys: ['model-windows-', 'model-linux-'] },
      { op: 'restoreCache', paths: ['models'], key: 'data-linux-abc123', restoreKeys: ['data-'] },
      // Same key, other paths: another version, so no hit.
      { op: 'restoreCache', paths: ['weights'], key: 'model-linux-abc123' },
    ]);
    expect(restore.results.map((r) => r.value)).toEqual(['model-linux-abc123', 'model-linux-abc123', null, null]);
    expect((await readFile(join(restore.workspace, 'models/model.bin'))).equals(model)).toBe(true);
    expect(await readFile(join(restore.workspace, 'models/params.yaml'), 'utf8')).toBe('lr: 0.1\n');
    expect(await readdir(restore.workspace)).toEqual(['models']);
    expect(restore.stdout).not.toMatch(/::warning::/);

    const caches = svc.caches();
    expect(caches).toHaveLength(1);
    expect(caches[0]).toMatchObject({ key: 'model-linux-abc123', finalized: true });
    expect(caches[0].size).toBeGreaterThan(0);
  });
});
