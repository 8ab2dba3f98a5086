/** The HTTP vocabulary shared by the server and its route handlers. */

import type { IncomingHttpHeaders } from 'node:http';
import type { Urls } from './shapes.js';
import type { Token } from './state.js';

export interface Req {
  method: string;
  /** The API path without the GHES prefix and without the query, e.g. `/repos/o/r/pulls/1`. */
  path: string;
  /** Path parameters of the matched template, decoded. */
  params: Record<string, string>;
  query: Record<string, string>;
  /** The parsed JSON body, undefined when none was sent. */
  body: any;
  rawBody: Buffer;
  headers: IncomingHttpHeaders;
  /** The caller, from the Authorization header (always set: unknown tokens never reach a handler). */
  token: Token & { value: string };
  operationId?: string;
  /** The operation's page on docs.github.com, for error answers. */
  docs?: string;
  /** `http://host:port` and the API root as the client addressed them, for absolute URLs (Link headers). */
  origin: string;
  apiRoot: string;
  urls: Urls;
}

export interface Res {
  status: number;
  /** JSON-encoded unless it is a Buffer or string (sent as is). */
  body?: unknown;
  headers?: Record<string, string>;
}

/** Thrown by handlers for an error answer; the server sends it as GitHub would. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {
    super(String(body.message));
  }
}

export function notFound(docs?: string): HttpError {
  return new HttpError(404, { message: 'Not Found', documentation_url: docs ?? 'https://docs.github.com/rest', status: '404' });
}

/** GitHub's "Validation Failed" answer with one error. */
export function validationFailed(docs: string | undefined, error: { resource: string; field: string; code?: string; message: string }): HttpError {
  return new HttpError(422, {
    message: 'Validation Failed',
    errors: [{ code: 'custom', ...error }],
    documentation_url: docs ?? 'https://docs.github.com/rest',
    status: '422',
  });
}

/** A 422 with a bare message, as GitHub words ref and git data errors. */
export function unprocessable(docs: string | undefined, message: string): HttpError {
  return new HttpError(422, { message, documentation_url: docs ?? 'https://docs.github.com/rest', status: '422' });
}

/**
 * One page of a list, GitHub style: per_page (default 30, at most 100), page from 1, and a Link
 * header with absolute URLs to the first, previous, next and last pages.
 */
export function paginate<T>(req: Req, items: T[]): { items: T[]; headers: Record<string, string> } {
  const perPage = Math.min(Math.max(Number(req.query.per_page ?? 30) || 30, 1), 100);
  const page = Math.max(Number(req.query.page ?? 1) || 1, 1);
  const last = Math.max(Math.ceil(items.length / perPage), 1);
  const link = (n: number): string => {
    const q = new URLSearchParams({ ...req.query, per_page: String(perPage), page: String(n) });
    return `${req.apiRoot}${req.path}?${q}`;
  };
  const rels: string[] = [];
  if (page > 1) rels.push(`<${link(Math.min(page - 1, last))}>; rel="prev"`);
  if (page < last) rels.push(`<${link(page + 1)}>; rel="next"`, `<${link(last)}>; rel="last"`);
  if (page > 1) rels.push(`<${link(1)}>; rel="first"`);
  return { items: items.slice((page - 1) * perPage, page * perPage), headers: rels.length ? { link: rels.join(', ') } : {} };
}

/** Length as GitHub counts characters: code points, not UTF-16 units. */
export function charLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}
