import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { actionsCache } from './cache.js';

// A results service that takes every request and never answers.
let server: Server;
let seen = 0;
let env: NodeJS.ProcessEnv;
beforeAll(async () => {
  server = createServer(() => void seen++);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  env = { ACTIONS_CACHE_SERVICE_V2: 'true', ACTIONS_RESULTS_URL: url, ACTIONS_RUNTIME_TOKEN: 'x', MLCI_HTTP_TIMEOUT_MS: '200' };
  for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v!);
});
afterAll(() => {
  vi.unstubAllEnvs();
  server.closeAllConnections();
  server.close();
});

describe('actionsCache().restore', () => {
  it('reads a cache service that never answers as a miss, with a warning naming the silence', async () => {
    const out: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
    try {
      const cache = actionsCache(env);
      expect(cache).toBeDefined();
      expect(await cache!.restore(['metrics.json'], 'mlci-baseline-x-abc', [])).toBeUndefined();
    } finally {
      write.mockRestore();
    }
    expect(seen).toBeGreaterThan(0);
    expect(out.join('')).toContain('The cache service did not answer POST');
  });
});

describe('actionsCache: which service, decided as @actions/cache does', () => {
  const results = { ACTIONS_CACHE_SERVICE_V2: 'true', ACTIONS_RESULTS_URL: 'http://127.0.0.1:9/', ACTIONS_RUNTIME_TOKEN: 'x' };

  it('is there on github.com with the results service, and on GHES only with the v1 cache URL', () => {
    expect(actionsCache({ ...results, GITHUB_SERVER_URL: 'https://github.com' })).toBeDefined();
    expect(actionsCache({ ...results, GITHUB_SERVER_URL: 'https://octo.ghe.com' })).toBeDefined();
    expect(actionsCache({ ...results, GITHUB_SERVER_URL: 'https://github.example.com' })).toBeUndefined();
    expect(actionsCache({ ...results, GITHUB_SERVER_URL: 'https://github.example.com', ACTIONS_CACHE_URL: 'http://127.0.0.1:9/' })).toBeDefined();
    expect(actionsCache({})).toBeUndefined();
  });

  it('reads nothing when the job may not read the cache (ACTIONS_CACHE_MODE none or write-only)', async () => {
    const before = seen;
    for (const mode of ['none', 'write-only']) {
      const cache = actionsCache({ ...env, ACTIONS_CACHE_MODE: mode });
      expect(await cache!.restore(['metrics.json'], 'k', [])).toBeUndefined();
    }
    expect(seen).toBe(before);
  });
});
