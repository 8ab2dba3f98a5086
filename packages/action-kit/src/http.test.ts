import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchWithTimeout } from './http.js';

// A server for each way of answering: at once, headers then silence, never.
let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/ok') return res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    if (req.url === '/empty') return res.writeHead(204).end();
    if (req.url === '/stall-json') return res.writeHead(200, { 'content-type': 'application/json' }).write('{"ok":');
    if (req.url === '/stall-raw') return res.writeHead(200, { 'content-type': 'application/octet-stream' }).write('abc');
    // /never: no answer at all.
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe('fetchWithTimeout', () => {
  const get = fetchWithTimeout(fetch, 200);

  it('passes answers through, bodies and null bodies', async () => {
    expect(await (await get(`${base}/ok`)).json()).toEqual({ ok: true });
    expect((await get(`${base}/empty`, { method: 'DELETE' })).status).toBe(204);
  });

  it.each(['/never', '/stall-json'])('gives up on %s with an error naming the request and the limit', async (path) => {
    await expect(get(`${base}${path}`)).rejects.toThrow(`GitHub did not answer GET ${base}${path} within 200 ms`);
  });

  it('keeps a raw body a stream, and errors it when the server falls silent', async () => {
    const res = await get(`${base}/stall-raw`);
    expect(res.status).toBe(200);
    await expect(res.text()).rejects.toThrow('within 200 ms');
  });

  it('leaves a caller abort as the caller made it', async () => {
    const e = await get(`${base}/never`, { signal: AbortSignal.abort(new Error('mine')) }).catch((x) => x);
    expect(String(e?.message ?? e)).not.toContain('GitHub did not answer');
  });
});

describe('fetchWithTimeout for other services', () => {
  it("names the service and never shows a signed URL's query", async () => {
    const get = fetchWithTimeout(fetch, 200, 'The cache service');
    const e = await get(`${base}/never?sig=SECRET-SAS&se=2026`).catch((err: Error) => err);
    expect(String((e as Error).message)).toBe(`The cache service did not answer GET ${base}/never?… within 200 ms`);
    expect(String((e as Error).message)).not.toContain('SECRET-SAS');
  });
});
