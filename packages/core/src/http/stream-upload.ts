import { createReadStream } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { pipeline } from 'node:stream/promises';

export interface StreamedFile {
  path: string;
  size: number;
  contentType: string;
}

/**
 * POSTs a file as the request body, streamed from disk through node:http(s). Written here because
 * Node's fetch (which octokit uses) reads a streamed request body into memory before it sends it:
 * 406 MiB peak for a 1 GiB model (bench/publish-model.mjs). action-kit streams with
 * @actions/http-client, which the CLI may not load (it is @actions/*); this is the CLI's equal.
 * Gives up after `timeoutMs` of silence. Never retried: a stream is sent once, and the caller
 * looks before it uploads again.
 */
export async function streamUpload(
  url: string,
  file: StreamedFile,
  o: { token: string; timeoutMs: number; userAgent?: string },
): Promise<{ status: number; data: any }> {
  const target = new URL(url);
  const send = target.protocol === 'http:' ? httpRequest : httpsRequest;
  const req = send(target, {
    method: 'POST',
    headers: {
      accept: 'application/vnd.github+json',
      authorization: `Bearer ${o.token}`,
      'content-type': file.contentType,
      'content-length': file.size,
      'user-agent': o.userAgent ?? 'mlci',
    },
  });
  const silent = () => req.destroy(new Error(`uploading ${target.origin}${target.pathname} got no answer within ${o.timeoutMs} ms`));
  req.setTimeout(o.timeoutMs, silent);
  const answered = new Promise<{ status: number; body: string }>((done, fail) => {
    req.on('response', (res) => {
      res.setTimeout(o.timeoutMs, silent);
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', fail);
    });
    req.on('error', fail);
  });
  await Promise.all([pipeline(createReadStream(file.path), req), answered]);
  const { status, body } = await answered;
  let data: any = body;
  try {
    data = JSON.parse(body);
  } catch {
    // Not JSON: kept as text for the message.
  }
  if (status >= 400) {
    const message = typeof data === 'object' && data && typeof data.message === 'string' ? data.message : body.slice(0, 200);
    throw Object.assign(new Error(`uploading ${target.origin}${target.pathname} answered ${status}: ${message}`), { status, response: { data } });
  }
  return { status, data };
}
