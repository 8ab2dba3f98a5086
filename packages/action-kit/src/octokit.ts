import { createReadStream } from 'node:fs';
import * as core from '@actions/core';
import type { Api } from '@mlci/core/forge';
import { fetchWithTimeout, httpTimeoutMs, type Fetch } from './http.js';

const MAX_RATE_LIMIT_RETRIES = 3;

async function octokitFor(token: string): Promise<Api> {
  // Loaded on the first request: most runs of validate-data never call GitHub, and the client
  // with its plugins is about a quarter of a megabyte that every start-up would parse.
  const [{ getOctokit }, { defaults }, { retry }, { throttling }] = await Promise.all([
    import('@actions/github'),
    import('@actions/github/lib/utils'),
    import('@octokit/plugin-retry'),
    import('@octokit/plugin-throttling'),
  ]);
  const octokit = getOctokit(
    token,
    {
      // @actions/github reads GITHUB_API_URL once, when it is imported; the step's own is read now.
      baseUrl: process.env.GITHUB_API_URL || 'https://api.github.com',
      request: { ...defaults.request, fetch: fetchWithTimeout((defaults.request?.fetch ?? fetch) as Fetch, httpTimeoutMs()) },
      retry: { doNotRetry: [400, 401, 403, 404, 409, 410, 422, 451] },
      throttle: {
        onRateLimit: (after: number, options: { method: string; url: string }, _o: unknown, retryCount: number) => {
          core.info(`GitHub rate limit on ${options.method} ${options.url}: retrying in ${after} s`);
          return retryCount < MAX_RATE_LIMIT_RETRIES;
        },
        onSecondaryRateLimit: (after: number, options: { method: string; url: string }, _o: unknown, retryCount: number) => {
          core.info(`GitHub secondary rate limit on ${options.method} ${options.url}: retrying in ${after} s`);
          return retryCount < MAX_RATE_LIMIT_RETRIES;
        },
      },
    },
    retry,
    throttling,
  );
  return octokit as unknown as Api;
}

/**
 * An octokit for the job: base URL from GITHUB_API_URL (GitHub Enterprise included, done by
 * getOctokit), retries on 5xx, and waits out primary and secondary rate limits as GitHub asks
 * (retry-after), a bounded number of times. Every attempt has a timeout, so a socket that never
 * answers becomes a retried 500 and, in the end, a clear error instead of a step that hangs.
 */
export function createApi(token: string): Api {
  let client: Promise<Api> | undefined;
  const api = () => (client ??= octokitFor(token));
  return {
    request: async (route, params) => (await api()).request(route, params),
    graphql: async (query, variables) => (await api()).graphql(query, variables),
    uploadFile: (url, file) => uploadFile(token, url, file),
  };
}

/**
 * A file as a request body, streamed through @actions/http-client (node:http underneath, the
 * runner's proxy settings honoured): Node's fetch, which octokit uses, reads a streamed request
 * body into memory first, and a model's weights run to gigabytes. Never retried: a stream is sent
 * once, and the caller looks before it uploads again.
 */
async function uploadFile(token: string, url: string, file: { path: string; size: number; contentType: string }): Promise<{ status: number; data: any }> {
  const [{ HttpClient }, { BearerCredentialHandler }] = await Promise.all([import('@actions/http-client'), import('@actions/http-client/lib/auth')]);
  const client = new HttpClient('mlci', [new BearerCredentialHandler(token)], { socketTimeout: httpTimeoutMs() });
  const res = await client.sendStream('POST', url, createReadStream(file.path), {
    accept: 'application/vnd.github+json',
    'content-type': file.contentType,
    'content-length': file.size,
  });
  const body = await res.readBody();
  const status = res.message.statusCode ?? 0;
  let data: any = body;
  try {
    data = JSON.parse(body);
  } catch {
    // Not JSON: kept as text for the message.
  }
  if (status >= 400) {
    const message = typeof data === 'object' && data && typeof data.message === 'string' ? data.message : String(body).slice(0, 200);
    throw Object.assign(new Error(`uploading ${url.split('?')[0]} answered ${status}: ${message}`), { status, response: { data } });
  }
  return { status, data };
}
