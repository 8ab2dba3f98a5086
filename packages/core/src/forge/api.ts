/**
 * The slice of an octokit that the forge needs. The core takes it as a parameter so it never
 * imports @actions/*: action-kit passes `getOctokit(...)` (with retries and throttling), the CLI
 * passes a plain @octokit/core instance, tests pass either against the loopback server.
 */
export interface Api {
  request(route: string, params?: Record<string, unknown>): Promise<{ status: number; data: any; headers: Record<string, unknown> }>;
  graphql<T = any>(query: string, variables?: Record<string, unknown>): Promise<T>;
  /**
   * POSTs a file to `url` as the request body, streamed from disk (release assets of a model run
   * to gigabytes, and Node's fetch, under octokit, holds a streamed request body in memory whole).
   * Throws an error with the HTTP `status` on an error answer. Without it, uploads go through
   * `request`.
   */
  uploadFile?(url: string, file: { path: string; size: number; contentType: string }): Promise<{ status: number; data: any }>;
}

export interface Repo {
  owner: string;
  repo: string;
}

/** HTTP status of an octokit RequestError (or of a GraphQL FORBIDDEN error, as 403). */
export function statusOf(e: unknown): number | undefined {
  const err = e as { status?: unknown; errors?: Array<{ type?: string }> };
  if (typeof err?.status === 'number') return err.status;
  if (err?.errors?.some((x) => x.type === 'FORBIDDEN')) return 403;
  return undefined;
}

/** GitHub's message in an error answer, without anything else the error carries (headers, token). */
export function messageOf(e: unknown): string {
  const err = e as { response?: { data?: { message?: unknown } }; message?: unknown };
  const m = err?.response?.data?.message ?? err?.message;
  return typeof m === 'string' ? m : String(e);
}

/**
 * A write refused because the token may not write: a fork PR's read-only GITHUB_TOKEN, or a job
 * without the permission. GitHub answers 403 "Resource not accessible by integration".
 */
export function isNotPermitted(e: unknown): boolean {
  return statusOf(e) === 403 && !/rate limit/i.test(messageOf(e));
}

/**
 * A write whose answer did not arrive (a 5xx, a timeout, a dropped connection) may still have
 * been applied: the caller must look before writing again, or it leaves a duplicate.
 */
export function mayHaveApplied(e: unknown): boolean {
  const status = statusOf(e);
  return status === undefined || status >= 500;
}

/**
 * Per-request options that turn the retry plugin off, for creates that are not idempotent: the
 * caller retries them itself after checking that the first one did not land.
 */
export const NO_RETRY = { request: { retries: 0 } } as const;

/** How many times a create whose answer was lost is tried in all. */
export const CREATE_ATTEMPTS = 4;

export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Walks a list endpoint page by page (100 a page) and yields its items. The loop follows page
 * numbers rather than Link headers: every list endpoint we call numbers its pages the same way.
 */
export async function* pages<T>(api: Api, route: string, params: Record<string, unknown>, key?: string): AsyncGenerator<T> {
  for (let page = 1; ; page++) {
    const { data } = await api.request(route, { ...params, per_page: 100, page });
    const items: T[] = key ? data[key] : data;
    yield* items;
    if (items.length < 100) return;
  }
}

export async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}
