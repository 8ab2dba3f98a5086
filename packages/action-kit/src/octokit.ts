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
 * A fetch that gives up when GitHub is silent for `ms`: before the headers and between any two
 * chunks of the body (a server can send headers and then stall). The error is a plain one, which
 * @octokit/request turns into a 500 that the retry plugin retries; an AbortError would be thrown
 * past it untouched.
 *
 * A JSON answer is read whole here, because octokit swallows an error while reading a body and
 * hands back an empty one; any other body (a raw file download) stays a stream, with the same
 * silence limit on each chunk, so that memory stays bounded.
 */
export function fetchWithTimeout(inner: Fetch, ms: number): Fetch {
  return async (url, init = {}) => {
    const silent = new Error(`GitHub did not answer ${init.method ?? 'GET'} ${url} within ${ms} ms`);
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => controller.abort(silent), ms).unref();
    };
    const disarm = () => clearTimeout(timer);
    const signal = init.signal ? AbortSignal.any([init.signal, controller.signal]) : controller.signal;
    const ours = (e: unknown) => (controller.signal.aborted && !init.signal?.aborted ? silent : e);

    arm();
    let res: Response;
    try {
      res = await inner(url, { ...init, signal });
    } catch (e) {
      disarm();
      throw ours(e);
    }
    if (!res.body || [101, 204, 205, 304].includes(res.status)) {
      disarm();
      return res;
    }
    const reader = res.body.getReader();
    const body = new ReadableStream<Uint8Array>({
      async pull(out) {
        arm();
        try {
          const { done, value } = await reader.read();
          disarm();
          if (done) out.close();
          else out.enqueue(value);
        } catch (e) {
          disarm();
          throw ours(e);
        }
      },
      cancel(reason) {
        disarm();
        return reader.cancel(reason);
      },
    });
    const head = { status: res.status, statusText: res.statusText, headers: res.headers };
    const copy = /json/i.test(res.headers.get('content-type') ?? '')
      ? new Response(await new Response(body).arrayBuffer(), head)
      : new Response(body, head);
    Object.defineProperty(copy, 'url', { value: res.url });
    return copy;
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
