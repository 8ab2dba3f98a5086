import { createHash } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { streamUpload } from './stream-upload.js';

let close: (() => void) | undefined;
afterEach(() => close?.());

async function serve(handle: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  const server = createServer(handle);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  close = () => server.close();
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function file(bytes: Buffer): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'mlci-upload-')), 'model.bin');
  await writeFile(path, bytes);
  return path;
}

it('sends the file whole as the body, with its length, type and the token, and returns the JSON answer', async () => {
  const bytes = Buffer.alloc(3 * 1024 * 1024 + 17, 7);
  let seen: { sha: string; length?: string; type?: string; auth?: string } | undefined;
  const url = await serve((req, res) => {
    const hash = createHash('sha256');
    req.on('data', (c) => hash.update(c));
    req.on('end', () => {
      seen = { sha: hash.digest('hex'), length: req.headers['content-length'], type: req.headers['content-type'], auth: req.headers.authorization };
      res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ id: 5, name: 'model.bin' }));
    });
  });
  const r = await streamUpload(
    `${url}/repos/o/r/releases/1/assets?name=model.bin`,
    { path: await file(bytes), size: bytes.length, contentType: 'application/octet-stream' },
    { token: 't0k', timeoutMs: 5000 },
  );
  expect(r).toEqual({ status: 201, data: { id: 5, name: 'model.bin' } });
  expect(seen).toEqual({
    sha: createHash('sha256').update(bytes).digest('hex'),
    length: String(bytes.length),
    type: 'application/octet-stream',
    auth: 'Bearer t0k',
  });
});

it('an error answer throws with its status and message, never the token or the query', async () => {
  const url = await serve((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(422, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'already_exists' })));
  });
  const e = await streamUpload(
    `${url}/up?name=x`,
    { path: await file(Buffer.from('abc')), size: 3, contentType: 'text/plain' },
    { token: 'secret-tok', timeoutMs: 5000 },
  ).catch((x) => x);
  expect(e.status).toBe(422);
  expect(e.message).toBe(`uploading ${url}/up answered 422: already_exists`);
  expect(e.message).not.toContain('secret-tok');
});

it('gives up on a server that never answers', async () => {
  const url = await serve((req) => req.resume());
  const e = await streamUpload(`${url}/up`, { path: await file(Buffer.from('abc')), size: 3, contentType: 'text/plain' }, { token: 't', timeoutMs: 300 }).catch(
    (x) => x,
  );
  expect(String(e.message)).toContain('got no answer within 300 ms');
});
