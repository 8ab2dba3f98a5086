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
  };
}
