import { setTimeout as sleep } from 'node:timers/promises';
import type { RequesterType, ResourceOptions } from '@gitbeaker/requester-utils';

/**
 * A GitLab failure that carries no part of the request: @gitbeaker/rest's own errors hold the
 * Request (with its PRIVATE-TOKEN header) in `cause`, which is why we bring our own requester.
 */
export class GitLabError extends Error {
  readonly status?: number;
  /** `http`: GitLab answered `status`; `timeout`: no answer in time; `network`: no connection. */
  readonly kind: 'http' | 'timeout' | 'network';
  constructor(message: string, o: { status?: number; kind: GitLabError['kind'] }) {
    super(message);
    this.name = 'GitLabError';
    this.status = o.status;
    this.kind = o.kind;
  }
}

export interface RequesterOptions {
  /** Each request (and each of its retries) gets this long, its answer's body included. */
  timeoutMs: number;
  /** The caller's: aborting it aborts the request in flight and any wait before a retry. */
  signal?: AbortSignal;
}

/** 429 was refused before it was applied; 502-504 may have been applied (callers converge on duplicates). */
const RETRIED = new Set([429, 502, 503, 504]);
const ATTEMPTS = 4;
const MAX_WAIT_MS = 60_000;

/**
 * The requester @gitbeaker/rest's resources call, with what its default one lacks: a signal of
 * ours (the default takes only its own timeout), waits that follow GitLab's Retry-After (the
 * default retries 429 ten times within a quarter of a second), and errors without the token.
 * @gitbeaker/requester-utils builds the request options (auth header, JSON or multipart body,
 * query string, rate limits) as for the default; this only sends them.
 */
export async function gitLabRequester(o: RequesterOptions): Promise<(resource: ResourceOptions) => RequesterType> {
  const { createRequesterFn, getMatchingRateLimiter } = await import('@gitbeaker/requester-utils');
  return createRequesterFn(
    async (_resource, request) => request,
    async (endpoint, options = {}) => {
      const { prefixUrl = '', searchParams, method = 'GET', headers, body, rateLimiters } = options as Record<string, any>;
      const url = new URL(endpoint, prefixUrl.endsWith('/') ? prefixUrl : `${prefixUrl}/`);
      url.search = typeof searchParams === 'string' ? searchParams : '';
      const rateLimit = getMatchingRateLimiter(endpoint, rateLimiters, method);
      for (let attempt = 1; ; attempt++) {
        await rateLimit();
        o.signal?.throwIfAborted();
        const timeout = AbortSignal.timeout(o.timeoutMs);
        const signal = o.signal ? AbortSignal.any([o.signal, timeout]) : timeout;
        let response: Response;
        let text: string;
        try {
          response = await fetch(url, { method, headers, body, signal });
          text = response.status === 204 ? '' : await response.text();
        } catch (e) {
          if (o.signal?.aborted) throw o.signal.reason;
          if (timeout.aborted) throw new GitLabError('did not answer in time', { kind: 'timeout' });
          const code = (e as { cause?: { code?: unknown } }).cause?.code;
          throw new GitLabError(`could not be reached (${typeof code === 'string' ? code : 'no connection'})`, { kind: 'network' });
        }
        if (response.ok) return { status: response.status, headers: Object.fromEntries(response.headers), body: parse(response, text) as any };
        if (RETRIED.has(response.status) && attempt < ATTEMPTS) {
          await sleep(waitBefore(response, attempt), undefined, { signal: o.signal });
          continue;
        }
        throw new GitLabError(messageOf(response, text), { status: response.status, kind: 'http' });
      }
    },
  );
}

function parse(response: Response, text: string): unknown {
  const type = (response.headers.get('content-type') ?? '').split(';')[0].trim();
  if (type === 'application/json') return text ? JSON.parse(text) : {};
  return text;
}

/** GitLab's own words: `message` or `error_description`/`error`, as @gitbeaker reads them. */
function messageOf(response: Response, text: string): string {
  try {
    const v = JSON.parse(text) as { message?: unknown; error?: unknown; error_description?: unknown };
    const m = v?.error_description ?? v?.message ?? v?.error;
    if (m !== undefined) return typeof m === 'string' ? m : JSON.stringify(m);
  } catch {
    // not JSON
  }
  return text.trim().slice(0, 300) || response.statusText || `HTTP ${response.status}`;
}

function waitBefore(response: Response, attempt: number): number {
  const after = Number(response.headers.get('retry-after'));
  if (Number.isFinite(after) && after >= 0) return Math.min(after * 1000, MAX_WAIT_MS);
  return 500 * 2 ** (attempt - 1);
}
