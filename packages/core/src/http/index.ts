// Timeouts for every HTTP request mlci makes itself (action-kit and the CLI) (GitHub's API, the cache service): a socket
// that never answers must end in a clear error, never a step that hangs until the job times out.

/** Per request attempt; MLCI_HTTP_TIMEOUT_MS overrides it (tests use a short one). */
const DEFAULT_TIMEOUT_MS = 60_000;

export function httpTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const v = Number(env.MLCI_HTTP_TIMEOUT_MS);
  return Number.isInteger(v) && v > 0 ? v : DEFAULT_TIMEOUT_MS;
}

export type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

/**
 * A fetch that gives up when the service is silent for `ms`: before the headers and between any two
 * chunks of the body (a server can send headers and then stall). The error is a plain one, which
 * @octokit/request turns into a 500 that the retry plugin retries; an AbortError would be thrown
 * past it untouched.
 *
 * A JSON answer is read whole here, because octokit swallows an error while reading a body and
 * hands back an empty one; any other body (a raw file download) stays a stream, with the same
 * silence limit on each chunk, so that memory stays bounded.
 */
export function fetchWithTimeout(inner: Fetch, ms: number, service = 'GitHub'): Fetch {
  return async (url, init = {}) => {
    const silent = new Error(`${service} did not answer ${init.method ?? 'GET'} ${withoutQuery(url)} within ${ms} ms`);
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
    const copy = /json/i.test(res.headers.get('content-type') ?? '') ? new Response(await new Response(body).arrayBuffer(), head) : new Response(body, head);
    Object.defineProperty(copy, 'url', { value: res.url });
    return copy;
  };
}

/** A URL as it may be shown: signed URLs (the cache's and artifacts' blob SAS) carry their credential in the query. */
function withoutQuery(url: string): string {
  const q = url.indexOf('?');
  return q < 0 ? url : `${url.slice(0, q)}?…`;
}
export * from './stream-upload.js';
