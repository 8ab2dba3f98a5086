import * as core from '@actions/core';
import { getOctokit } from '@actions/github';
import { defaults } from '@actions/github/lib/utils';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import type { Api } from '@mlci/core';

const MAX_RATE_LIMIT_RETRIES = 3;

/** Per request attempt; MLCI_HTTP_TIMEOUT_MS overrides it (tests use a short one). */
const DEFAULT_TIMEOUT_MS = 60_000;

export function httpTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const v = Number(env.MLCI_HTTP_TIMEOUT_MS);
  return Number.isInteger(v) && v > 0 ? v : DEFAULT_TIMEOUT_MS;
}

type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

/**
 * A fetch that gives up after `ms`, body included (a server can send headers and then stall).
 * The error is a plain one, which @octokit/request turns into a 500 that the retry plugin
 * retries; an AbortError would be thrown past it untouched.
 */
export function fetchWithTimeout(inner: Fetch, ms: number): Fetch {
  return async (url, init = {}) => {
    const timer = AbortSignal.timeout(ms);
    const signal = init.signal ? AbortSignal.any([init.signal, timer]) : timer;
    try {
      const res = await inner(url, { ...init, signal });
      const body = [101, 204, 205, 304].includes(res.status) ? null : await res.arrayBuffer();
      const copy = new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
      Object.defineProperty(copy, 'url', { value: res.url });
      return copy;
    } catch (e) {
      if (!timer.aborted || init.signal?.aborted) throw e;
      throw new Error(`GitHub did not answer ${init.method ?? 'GET'} ${url} within ${ms} ms`);
    }
  };
}

/**
 * An octokit for the job: base URL from GITHUB_API_URL (GitHub Enterprise included, done by
 * getOctokit), retries on 5xx, and waits out primary and secondary rate limits as GitHub asks
 * (retry-after), a bounded number of times. Every attempt has a timeout, so a socket that never
 * answers becomes a retried 500 and, in the end, a clear error instead of a step that hangs.
 */
export function createApi(token: string): Api {
  const octokit = getOctokit(
    token,
    {
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
