import type { Api } from '@mlci/core/forge';
import { fetchWithTimeout, httpTimeoutMs, streamUpload } from '@mlci/core/http';

const MAX_RATE_LIMIT_RETRIES = 3;

/**
 * The CLI's octokit: @octokit/core with the same retries, rate-limit waits and per-attempt
 * timeouts (MLCI_HTTP_TIMEOUT_MS) as action-kit's, against `baseUrl` (GitHub Enterprise
 * included). Loaded only when a report is posted.
 */
export async function createCliApi(token: string, baseUrl: string, env: NodeJS.ProcessEnv, info: (line: string) => void): Promise<Api> {
  const [{ Octokit }, { retry }, { throttling }] = await Promise.all([
    import('@octokit/core'),
    import('@octokit/plugin-retry'),
    import('@octokit/plugin-throttling'),
  ]);
  const Client = Octokit.plugin(retry, throttling);
  const wait = (kind: string) => (after: number, options: { method: string; url: string }, _o: unknown, retryCount: number) => {
    info(`GitHub ${kind} on ${options.method} ${options.url}: retrying in ${after} s`);
    return retryCount < MAX_RATE_LIMIT_RETRIES;
  };
  const octokit = new Client({
    auth: token,
    baseUrl: baseUrl.replace(/\/+$/, ''),
    userAgent: 'mlci-cli',
    request: { fetch: fetchWithTimeout(globalThis.fetch, httpTimeoutMs(env)) },
    retry: { doNotRetry: [400, 401, 403, 404, 409, 410, 422, 451] },
    throttle: { onRateLimit: wait('rate limit'), onSecondaryRateLimit: wait('secondary rate limit') },
  });
  // Release assets (publish-model's weights) stream from disk: octokit's fetch would hold them whole.
  const api = octokit as unknown as Api;
  api.uploadFile = (url, file) => streamUpload(url, file, { token, timeoutMs: httpTimeoutMs(env), userAgent: 'mlci-cli' });
  return api;
}
