import type { IncomingMessage, ServerResponse } from 'node:http';
import { backendIdsOf, type BackendIds } from './token.js';

/** Twirp's error codes and the HTTP status each travels with (twitchtv/twirp spec v7). */
const STATUS = {
  invalid_argument: 400,
  malformed: 400,
  unauthenticated: 401,
  permission_denied: 403,
  bad_route: 404,
  not_found: 404,
  already_exists: 409,
  failed_precondition: 412,
  resource_exhausted: 429,
  internal: 500,
} as const;

export type TwirpCode = keyof typeof STATUS;

export class TwirpError extends Error {
  constructor(
    readonly code: TwirpCode,
    message: string,
  ) {
    super(message);
  }
  get status(): number {
    return STATUS[this.code];
  }
}

/** One RPC: the caller's backend ids (from its token) and the JSON request body. */
export type TwirpMethod = (caller: BackendIds, body: Record<string, any>) => Promise<object> | object;

/** `<package>.<Service>` -> method name -> implementation. */
export type TwirpServices = Record<string, Record<string, TwirpMethod>>;

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, status: number, body: object): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** An http request listener serving `POST /twirp/<service>/<method>` with JSON bodies. */
export function twirpHandler(services: TwirpServices, onError?: (e: unknown) => void) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      const m = /^\/twirp\/([^/]+)\/([^/?]+)$/.exec(new URL(req.url ?? '/', 'http://x').pathname);
      const method = m ? services[m[1]]?.[m[2]] : undefined;
      if (req.method !== 'POST' || !method) {
        throw new TwirpError('bad_route', `no handler for ${req.method} ${req.url}`);
      }
      // Twirp also speaks protobuf; the toolkit only sends JSON, so only JSON is served.
      if (!/^application\/json\b/.test(req.headers['content-type'] ?? '')) {
        throw new TwirpError('bad_route', `unexpected Content-Type: ${req.headers['content-type']}`);
      }
      const caller = backendIdsOf(req.headers.authorization);
      if (!caller) throw new TwirpError('unauthenticated', 'missing or invalid runtime token');
      let body: unknown;
      try {
        body = JSON.parse(await readBody(req));
      } catch {
        throw new TwirpError('malformed', 'the request body is not JSON');
      }
      if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        throw new TwirpError('malformed', 'the request body is not a JSON object');
      }
      send(res, 200, await method(caller, body as Record<string, any>));
    } catch (e) {
      if (e instanceof TwirpError) {
        send(res, e.status, { code: e.code, msg: e.message });
      } else {
        onError?.(e);
        send(res, 500, { code: 'internal', msg: (e as Error)?.message ?? String(e) });
      }
    }
  };
}
