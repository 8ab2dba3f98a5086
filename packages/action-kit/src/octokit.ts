import * as core from '@actions/core';
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import type { Api } from '@mlci/core';

const MAX_RATE_LIMIT_RETRIES = 3;

/**
 * An octokit for the job: base URL from GITHUB_API_URL (GitHub Enterprise included, done by
 * getOctokit), retries on 5xx, and waits out primary and secondary rate limits as GitHub asks
 * (retry-after), a bounded number of times.
 */
export function createApi(token: string): Api {
  const octokit = getOctokit(
    token,
    {
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
