import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { RegistryClient } from './client.js';

// The client's own rules that a real registry does not exercise: silence limits, and where
// credentials may go.

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((r) => (server ? server.close(r) : r(undefined)));
  server = undefined;
});

async function serve(handler: (req: IncomingMessage, res: import('node:http').ServerResponse) => void): Promise<string> {
  server = createServer(handler);
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return `127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('RegistryClient', () => {
  it('gives up on a registry that stops answering, with an error naming the request', async () => {
    const host = await serve(() => {});
    const client = new RegistryClient({ reference: { registry: host, repository: 'o/m', plainHttp: true }, actions: 'pull', timeoutMs: 200 });
    await expect(client.blobExists(`sha256:${'0'.repeat(64)}`)).rejects.toThrow(
      /did not answer HEAD http:\/\/127\.0\.0\.1:\d+\/v2\/o\/m\/blobs\/sha256:0+ within 200 ms/,
    );
  }, 10_000);

  it('sends credentials only to the registry and its token service, never to an upload location on another host', async () => {
    const seen: { host: string; auth?: string; path: string }[] = [];
    const other = await serve((req, res) => {
      seen.push({ host: 'other', auth: req.headers.authorization, path: req.url! });
      res.writeHead(201).end();
    });
    const otherServer = server!;
    server = createServer((req, res) => {
      seen.push({ host: 'registry', auth: req.headers.authorization, path: req.url! });
      if (!req.headers.authorization) return res.writeHead(401, { 'www-authenticate': 'Basic realm="r"' }).end();
      if (req.method === 'POST') return res.writeHead(202, { location: `http://${other}/upload/1?_state=secret` }).end();
      res.writeHead(500).end();
    });
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
    const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
    const client = new RegistryClient({
      reference: { registry: host, repository: 'o/m', plainHttp: true },
      actions: 'pull,push',
      credentials: { username: 'u', password: 'p' },
    });
    const bytes = new TextEncoder().encode('abc');
    await client.uploadBlob({ digest: `sha256:${'b'.repeat(64)}`, size: 3, open: () => new Blob([bytes]).stream() }, { chunkSize: 1024, monolithicMax: 1024 });
    expect(seen.filter((s) => s.host === 'registry').map((s) => !!s.auth)).toEqual([false, true]);
    expect(seen.filter((s) => s.host === 'other')).toEqual([
      { host: 'other', auth: undefined, path: `/upload/1?_state=secret&digest=sha256%3A${'b'.repeat(64)}` },
    ]);
    otherServer.closeAllConnections();
    await new Promise((r) => otherServer.close(r));
  });

  it('sends a blob in one streamed PUT to a registry that refuses chunks', async () => {
    const seen: string[] = [];
    let stored = 0;
    const host = await serve((req, res) => {
      seen.push(`${req.method} ${req.headers['content-range'] ?? ''}`.trim());
      if (req.method === 'POST') return res.writeHead(202, { location: '/v2/o/m/blobs/uploads/1' }).end();
      if (req.method === 'PATCH') return res.writeHead(416).end();
      req.on('data', (c: Buffer) => (stored += c.length));
      req.on('end', () => res.writeHead(201).end());
    });
    const client = new RegistryClient({ reference: { registry: host, repository: 'o/m', plainHttp: true }, actions: 'pull,push' });
    const bytes = new Uint8Array(3000);
    await client.uploadBlob(
      { digest: `sha256:${'c'.repeat(64)}`, size: 3000, open: (s, e) => new Blob([bytes.subarray(s, e + 1)]).stream() },
      { chunkSize: 1024, monolithicMax: 1024 },
    );
    expect(seen).toEqual(['POST', 'PATCH 0-1023', 'POST', 'PUT']);
    expect(stored).toBe(3000);
  });

  it("stops at once when its signal is aborted, with the signal's reason", async () => {
    const host = await serve(() => {});
    const controller = new AbortController();
    const client = new RegistryClient({ reference: { registry: host, repository: 'o/m', plainHttp: true }, actions: 'pull', signal: controller.signal });
    const pending = client.blobExists(`sha256:${'0'.repeat(64)}`);
    setTimeout(() => controller.abort(new Error('the job was cancelled')), 50);
    await expect(pending).rejects.toThrow('the job was cancelled');
  });

  it('gives up on a blob whose bytes stop coming after the headers', async () => {
    const host = await serve((req, res) => {
      res.writeHead(200, { 'content-length': '1000' });
      res.write(Buffer.alloc(100));
    });
    const client = new RegistryClient({ reference: { registry: host, repository: 'o/m', plainHttp: true }, actions: 'pull', timeoutMs: 200 });
    const res = await client.getBlob(`sha256:${'0'.repeat(64)}`);
    await expect(res.arrayBuffer()).rejects.toThrow(/did not answer GET .* within 200 ms/);
  });
});
