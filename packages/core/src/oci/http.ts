// Every request to a registry has a time limit, measured as silence: the clock restarts whenever
// bytes move (request body out, response body in), so a 1 GiB upload on a slow link is fine and a
// socket that stops answering ends in a clear error instead of a step that hangs until the job's
// timeout. The same idea as action-kit's http.ts, which the core may not import.

/** Per request, between any two signs of life; `timeoutMs` on a push or pull overrides it. */
export const DEFAULT_TIMEOUT_MS = 60_000;

export type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

export interface TimedInit extends Omit<RequestInit, 'body'> {
  /** A stream body is watched too; the request is sent half-duplex. */
  body?: ReadableStream<Uint8Array> | Uint8Array | string;
}

/** `fetch` that gives up after `ms` of silence, with an error naming the request but never its query (upload URLs carry state). */
export async function timedFetch(url: string, init: TimedInit, ms: number, inner: Fetch = fetch): Promise<Response> {
  const method = init.method ?? 'GET';
  const silent = new Error(`registry did not answer ${method} ${shownUrl(url)} within ${ms} ms`);
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => controller.abort(silent), ms).unref();
  };
  const disarm = () => clearTimeout(timer);
  const signal = init.signal ? AbortSignal.any([init.signal, controller.signal]) : controller.signal;
  const ours = (e: unknown) => (controller.signal.aborted && !init.signal?.aborted ? silent : e);

  let body: RequestInit['body'] = init.body as RequestInit['body'];
  if (init.body instanceof ReadableStream) body = watched(init.body, arm);
  arm();
  let res: Response;
  try {
    res = await inner(url, { ...init, body, signal, ...(init.body instanceof ReadableStream ? { duplex: 'half' } : {}) } as RequestInit);
  } catch (e) {
    disarm();
    throw ours(e);
  }
  if (!res.body) {
    disarm();
    return res;
  }
  arm();
  const reader = res.body.getReader();
  const out = new ReadableStream<Uint8Array>({
    async pull(c) {
      arm();
      try {
        const { done, value } = await reader.read();
        // The clock stops while the reader is busy (a slow disk is not a silent registry).
        disarm();
        if (done) c.close();
        else c.enqueue(value);
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
  const copy = new Response(out, { status: res.status, statusText: res.statusText, headers: res.headers });
  Object.defineProperty(copy, 'url', { value: res.url });
  return copy;
}

/** A stream that restarts the silence clock on every chunk it hands to the socket. */
function watched(stream: ReadableStream<Uint8Array>, alive: () => void): ReadableStream<Uint8Array> {
  const reader = stream.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(c) {
      alive();
      const { done, value } = await reader.read();
      if (done) c.close();
      else c.enqueue(value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
}

/** A URL as it may be shown in an error: upload locations carry opaque state in their query, signed blob URLs a credential. */
export function shownUrl(url: string): string {
  const q = url.indexOf('?');
  return q < 0 ? url : `${url.slice(0, q)}?…`;
}
