import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { createSign, X509Certificate } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { type AddressInfo, createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll } from 'vitest';

/**
 * A real OCI registry on loopback for the tests: Debian's `docker-registry` (CNCF distribution 2.8)
 * with filesystem storage in a temp folder, started by the test and stopped after it. Optionally
 * behind authentication as the big registries do it:
 * - `htpasswd`: Basic auth against a bcrypt password file (distribution's own htpasswd realm);
 * - `token`: distribution's token auth, with a small loopback token service here that checks
 *   Basic credentials and signs ES256 JWTs with a throwaway certificate the registry trusts, so the
 *   client meets the real `WWW-Authenticate: Bearer realm=...,service=...,scope=...` challenge.
 */

export const REGISTRY_BINARY = '/usr/bin/docker-registry';

/** Whether the tests may skip for want of the registry: only outside CI, where .ci/run installs it. */
export function registryMissing(): string | undefined {
  if (existsSync(REGISTRY_BINARY)) return undefined;
  if (process.env.CI) return undefined; // startRegistry fails loudly: CI must have it
  return `${REGISTRY_BINARY} is not installed (apt-get install docker-registry): the OCI registry tests are skipped`;
}

export const TEST_USER = 'ci-bot';
export const TEST_PASSWORD = 'correct-horse-battery';
// bcrypt (cost 4) of TEST_PASSWORD, made once with Python's crypt.crypt(..., METHOD_BLOWFISH):
// distribution reads only bcrypt, and neither Node nor the machine has an htpasswd tool.
const TEST_PASSWORD_BCRYPT = '$2b$04$Cgnt.o66ZfECGI0umHORHu0KNmh03DP30kDuvr8gYSJ6DmGvVXGF.';

export interface RegistryOptions {
  auth?: 'htpasswd' | 'token';
}

export interface RegistryRequest {
  method: string;
  path: string;
  status: number;
}

export interface TokenRequest {
  scopes: string[];
  service: string | null;
  /** Whether the request carried Basic credentials, and whether they were right. */
  authenticated: boolean;
  granted: boolean;
}

export interface Registry {
  /** `127.0.0.1:<port>` */
  host: string;
  url: string;
  /** Where the registry keeps its blobs. */
  storage: string;
  /** Requests the registry served, from its access log, oldest first. */
  requests(): RegistryRequest[];
  /** Requests the token service served (token auth only). */
  tokenRequests: TokenRequest[];
  /** What the registry wrote to its log (for a failing test's message). */
  log(): string;
  close(): Promise<void>;
}

export async function startRegistry(o: RegistryOptions = {}): Promise<Registry> {
  if (!existsSync(REGISTRY_BINARY)) throw new Error(`${REGISTRY_BINARY} is not installed: apt-get install docker-registry`);
  const dir = await mkdtemp(join(tmpdir(), 'mlci-registry-'));
  const tokenRequests: TokenRequest[] = [];
  let tokens: Server | undefined;
  const auth: Record<string, unknown> = {};
  if (o.auth === 'htpasswd') {
    await writeFile(join(dir, 'htpasswd'), `${TEST_USER}:${TEST_PASSWORD_BCRYPT}\n`);
    auth.htpasswd = { realm: 'mlci-test', path: join(dir, 'htpasswd') };
  } else if (o.auth === 'token') {
    const service = await startTokenService(dir, tokenRequests);
    tokens = service.server;
    auth.token = { realm: service.realm, service: 'mlci-test-registry', issuer: 'mlci-test-tokens', rootcertbundle: service.certFile };
  }

  for (let attempt = 0; ; attempt++) {
    const port = await freePort();
    const host = `127.0.0.1:${port}`;
    const config = {
      version: 0.1,
      log: { level: 'info', accesslog: { disabled: false } },
      storage: { filesystem: { rootdirectory: join(dir, 'storage') }, delete: { enabled: true } },
      http: { addr: host, secret: 'mlci-test-secret' },
      ...(o.auth ? { auth } : {}),
    };
    // YAML is a superset of JSON: the config needs no YAML writer.
    await writeFile(join(dir, 'config.yml'), JSON.stringify(config, null, 2));
    const child = spawn(REGISTRY_BINARY, ['serve', join(dir, 'config.yml')], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    const keep = (b: Buffer) => {
      log += b.toString('utf8');
      if (log.length > 8 * 1024 * 1024) log = log.slice(-4 * 1024 * 1024);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    const up = await waitUp(child, `http://${host}/v2/`);
    if (!up) {
      child.kill('SIGKILL');
      if (attempt < 3) continue;
      await rm(dir, { recursive: true, force: true });
      throw new Error(`docker-registry did not start on ${host}:\n${log.slice(-2000)}`);
    }
    return {
      host,
      url: `http://${host}`,
      storage: join(dir, 'storage'),
      tokenRequests,
      log: () => log,
      requests: () =>
        [...log.matchAll(/"([A-Z]+) (\S+) HTTP\/[\d.]+" (\d{3}) /g)].map((m) => ({ method: m[1], path: m[2].replace(/\?.*$/, ''), status: Number(m[3]) })),
      async close() {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
        await new Promise<void>((r) => (tokens ? tokens.close(() => r()) : r()));
        await rm(dir, { recursive: true, force: true });
      },
    };
  }
}

/** A registry for the tests of this file: started in beforeAll, stopped in afterAll. */
export function useRegistry(o: RegistryOptions = {}): { current: () => Registry } {
  let registry: Registry | undefined;
  beforeAll(async () => {
    registry = await startRegistry(o);
  });
  afterAll(async () => registry?.close());
  return {
    current: () => {
      if (!registry) throw new Error('the registry starts in beforeAll: use it inside tests and hooks');
      return registry;
    },
  };
}

async function freePort(): Promise<number> {
  const s = createNetServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}

/** Polls `/v2/` until the registry answers (200, or 401 behind auth); false when it exited or took over 10 s. */
async function waitUp(child: ChildProcess, url: string): Promise<boolean> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
      await res.body?.cancel();
      if (res.status === 200 || res.status === 401) return true;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

/**
 * The token service distribution's token auth sends clients to: GET `realm?service=&scope=` with
 * Basic credentials answers a JWT granting the scopes asked for (every action, to the test user
 * only), signed ES256 with a key whose self-signed certificate is the registry's root bundle.
 */
async function startTokenService(dir: string, seen: TokenRequest[]): Promise<{ server: Server; realm: string; certFile: string }> {
  const keyFile = join(dir, 'token.key');
  const certFile = join(dir, 'token.crt');
  await promisify(execFile)('openssl', [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-keyout',
    keyFile,
    '-out',
    certFile,
    '-days',
    '2',
    '-subj',
    '/CN=mlci-test-tokens',
  ]);
  const key = await readFile(keyFile, 'utf8');
  const der = new X509Certificate(await readFile(certFile)).raw.toString('base64');
  const b64url = (v: object | Buffer) => (Buffer.isBuffer(v) ? v : Buffer.from(JSON.stringify(v))).toString('base64url');

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const scopes = url.searchParams.getAll('scope');
    const basic = /^Basic (.+)$/i.exec(req.headers.authorization ?? '');
    const [user, ...rest] = basic ? Buffer.from(basic[1], 'base64').toString('utf8').split(':') : [];
    const granted = user === TEST_USER && rest.join(':') === TEST_PASSWORD;
    seen.push({ scopes, service: url.searchParams.get('service'), authenticated: !!basic, granted });
    if (url.pathname !== '/token' || !granted) {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ code: 'UNAUTHORIZED', message: 'authentication required' }] }));
      return;
    }
    const now = Math.floor(Date.now() / 1000);
    const access = scopes.map((s) => {
      const [type, ...middle] = s.split(':');
      const actions = middle.pop() ?? '';
      return { type, name: middle.join(':'), actions: actions.split(',').filter(Boolean) };
    });
    const claims = {
      iss: 'mlci-test-tokens',
      sub: user,
      aud: url.searchParams.get('service'),
      exp: now + 300,
      nbf: now - 10,
      iat: now,
      jti: `${now}-${seen.length}`,
      access,
    };
    const head = `${b64url({ typ: 'JWT', alg: 'ES256', x5c: [der] })}.${b64url(claims)}`;
    const signature = createSign('SHA256').update(head).sign({ key, dsaEncoding: 'ieee-p1363' });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ token: `${head}.${b64url(signature)}`, expires_in: 300, issued_at: new Date().toISOString() }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { server, realm: `http://127.0.0.1:${port}/token`, certFile };
}
