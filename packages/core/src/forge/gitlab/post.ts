import { isUserError, UserError } from '../../errors.js';
import { hasMarker, reportMarker } from '../../section/marker.js';
import { fitNote } from './fit.js';
import { droppedText, linkImage, mimeOf, uploadDestination, vetImages, type GitLabImage, type VettedImage } from './images.js';
import { GitLabError, gitLabRequester } from './requester.js';
import type { GitLabTarget } from './target.js';

export interface PostGitLabReportOptions {
  target: GitLabTarget;
  /** A personal, project or group access token with the `api` scope; sent only in the PRIVATE-TOKEN header. */
  token: string;
  /** The report's identity, carried by the hidden marker on the note's first line. */
  id: string;
  body: string;
  /** Local images the body shows; `name` is the reference as the body writes it. */
  images?: GitLabImage[];
  signal?: AbortSignal;
  /** Per request; REQUEST_TIMEOUT_MS by default. */
  timeoutMs?: number;
}

export interface PostedGitLabNote {
  noteId: number;
  url: string;
  created: boolean;
}

/** No GitLab request may hang a pipeline: each one is given this long (an upload too). */
export const REQUEST_TIMEOUT_MS = 60_000;

/** A bound on the notes walked (100 a page): a merge request with more is not ours to scan. */
const MAX_PAGES = 500;

interface Note {
  id: number;
  body: string;
  system?: boolean;
  author?: { id?: number; username?: string } | null;
}

/** What of @gitbeaker/rest we call; typed here so its deep generic types stay out of ours. */
interface Client {
  Users: { showCurrentUser(): Promise<unknown> };
  Projects: { show(id: string): Promise<unknown> };
  MergeRequests: { show(id: string, iid: number): Promise<unknown> };
  MergeRequestNotes: {
    all(id: string, iid: number, o: Record<string, unknown>): Promise<unknown>;
    create(id: string, iid: number, body: string): Promise<unknown>;
    edit(id: string, iid: number, noteId: number, o: { body: string }): Promise<unknown>;
    remove(id: string, iid: number, noteId: number): Promise<unknown>;
  };
  ProjectMarkdownUploads: { create(id: string, file: { content: Blob; filename: string }): Promise<unknown> };
}

/**
 * Posts the report as one merge-request note, updated in place on later runs: the note is found
 * by the hidden marker on its first line AND by its author being the token's user (`GET /user`),
 * so a note someone else wrote that quotes our marker is never edited. Images are uploaded to the
 * project (GitLab-native; readable by whoever can read the project) and linked by the markdown
 * GitLab answers with. The body is fitted into GitLab's note limit.
 *
 * Two runs racing on one MR (or a create retried after its 502 answer, when it had been applied) can
 * leave two of our notes: after creating, we list again and converge on the oldest, as
 * forge/comments.ts does on GitHub, removing only our own duplicates.
 *
 * @gitbeaker/rest is imported here, not at the top: it loads only when a report goes to GitLab.
 */
export async function postGitLabReport(o: PostGitLabReportOptions): Promise<PostedGitLabNote> {
  const { target, token, signal } = o;
  const host = hostOf(target.apiUrl);
  const { Gitlab } = await import('@gitbeaker/rest');
  const requesterFn = await gitLabRequester({ timeoutMs: o.timeoutMs ?? REQUEST_TIMEOUT_MS, signal });
  // queryTimeout null: the requester gives each request its timeout, joined with the caller's signal.
  const api = new Gitlab({ host, token, requesterFn, queryTimeout: null }) as unknown as Client;
  const pid = target.projectId;
  const iid = target.mergeRequestIid;
  const call = <T>(what: string, fn: () => Promise<unknown>) => guarded<T>(what, fn, { target, token, signal });

  const me = await call<{ id?: number; username?: string }>('the token’s user (GET /user)', () => api.Users.showCurrentUser());
  if (typeof me?.id !== 'number') throw new Error('GitLab answered GET /user without a user id');
  const mr = await call<{ web_url?: string }>(`merge request !${iid}`, () => api.MergeRequests.show(pid, iid)).catch(async (e) => {
    throw await explainNotFound(e, () => call('the project', () => api.Projects.show(pid)), target);
  });

  const noteUrl = (id: number) => `${mr?.web_url ?? `${host}/${pid}/-/merge_requests/${iid}`}#note_${id}`;
  const ours = async () => (await allNotes(api, target, call)).filter((n) => !n.system && n.author?.id === me.id && hasMarker(n.body ?? '', o.id));
  const existing = await ours();

  let body = o.images?.length ? await placeImages(o.body, o.images, existing[0]?.body ?? '', (img) => upload(api, pid, img, call), signal) : o.body;
  if (!hasMarker(body, o.id)) body = `${reportMarker(o.id)}\n${body}`;
  body = fitNote(body).body;

  if (existing.length > 0) {
    const [keep, ...extra] = existing;
    await call('the note update', () => api.MergeRequestNotes.edit(pid, iid, keep.id, { body }));
    await removeAll(api, target, extra, call);
    return { noteId: keep.id, url: noteUrl(keep.id), created: false };
  }

  const created = await call<Note>('the new note', () => api.MergeRequestNotes.create(pid, iid, body));
  const mine = await ours();
  const keep = mine[0] ?? created;
  if (keep.id !== created.id) await call('the note update', () => api.MergeRequestNotes.edit(pid, iid, keep.id, { body }));
  await removeAll(
    api,
    target,
    mine.filter((n) => n.id !== keep.id),
    call,
  );
  return { noteId: keep.id, url: noteUrl(keep.id), created: keep.id === created.id };
}

type Call = <T>(what: string, fn: () => Promise<unknown>) => Promise<T>;

/**
 * Uploads the body's images and links them; an image that may not or could not be uploaded
 * becomes a line saying so. Files are named by content (`roc-<hash>.png`), so an image our note
 * already links is linked again rather than uploaded on every run: GitLab keeps every upload.
 */
async function placeImages(
  body: string,
  images: GitLabImage[],
  previous: string,
  send: (img: VettedImage) => Promise<string>,
  signal: AbortSignal | undefined,
): Promise<string> {
  const { kept, dropped } = await vetImages(images);
  const appended: string[] = [];
  for (const img of kept) {
    const reused = new RegExp(`\\((/uploads/[0-9a-f]{32}/${img.filename.replace(/[.]/g, '\\.')})\\)`).exec(previous)?.[1];
    let markdown: string;
    try {
      markdown = reused ? `![${img.filename.replace(/\.[^.]*$/, '')}](${reused})` : await send(img);
    } catch (e) {
      if (signal?.aborted) throw e;
      // The report still goes out without this image, saying why, as on GitHub without contents: write.
      const status = (e as { status?: number }).status;
      const reason = status ? `GitLab answered ${status} to its upload` : isUserError(e) ? 'GitLab refused its upload' : 'its upload failed';
      dropped.push({ name: img.name, reason });
      continue;
    }
    const url = uploadDestination(markdown);
    if (!url) {
      dropped.push({ name: img.name, reason: 'GitLab answered its upload without a markdown link' });
      continue;
    }
    const r = linkImage(body, img.name, { url });
    body = r.body;
    if (!r.linked) appended.push(markdown);
  }
  for (const d of dropped) {
    const r = linkImage(body, d.name, { text: droppedText(d) });
    body = r.body;
    if (!r.linked) appended.push(droppedText(d));
  }
  return appended.length ? `${body.trimEnd()}\n\n${appended.join('\n\n')}\n` : body;
}

/** POST /projects/:id/uploads (multipart): the markdown GitLab answers with. */
async function upload(api: Client, pid: string, img: VettedImage, call: Call): Promise<string> {
  const content = new Blob([new Uint8Array(img.bytes)], { type: mimeOf(img.kind) });
  const uploaded = await call<{ markdown?: unknown }>(`the upload of ${img.filename}`, () =>
    api.ProjectMarkdownUploads.create(pid, { content, filename: img.filename }),
  );
  return typeof uploaded?.markdown === 'string' ? uploaded.markdown : '';
}

/**
 * Every note of the merge request, oldest first. Pages are walked by GitLab's `x-next-page`
 * header (offset pagination, 100 a page: the most GitLab serves); the notes API has no keyset
 * pagination. `x-total-pages` is not relied on: GitLab leaves it out past 10,000 records.
 */
async function allNotes(api: Client, t: GitLabTarget, call: Call): Promise<Note[]> {
  const out: Note[] = [];
  for (let page = 1, n = 0; n < MAX_PAGES; n++) {
    const r = await call<{ data: Note[]; paginationInfo: { next: number | null } }>('the merge request’s notes', () =>
      api.MergeRequestNotes.all(t.projectId, t.mergeRequestIid, { page, perPage: 100, sort: 'asc', orderBy: 'created_at', showExpanded: true }),
    );
    out.push(...r.data);
    const next = r.paginationInfo?.next;
    if (!next || next <= page) break;
    page = next;
  }
  return out.sort((a, b) => a.id - b.id);
}

async function removeAll(api: Client, t: GitLabTarget, notes: Note[], call: Call): Promise<void> {
  for (const n of notes) {
    try {
      await call('the duplicate note', () => api.MergeRequestNotes.remove(t.projectId, t.mergeRequestIid, n.id));
    } catch (e) {
      // A racer removed it first.
      if ((e as { status?: number }).status !== 404) throw e;
    }
  }
}

/** `https://gitlab.example.com/api/v4` → `https://gitlab.example.com` (@gitbeaker adds `/api/v4` itself). */
function hostOf(apiUrl: string): string {
  let url: URL;
  try {
    url = new URL(apiUrl);
  } catch {
    throw new UserError(`the GitLab API URL "${apiUrl}" is not a URL (CI_API_V4_URL)`, { input: 'api-url' });
  }
  const path = url.pathname.replace(/\/+$/, '');
  if (!/^https?:$/.test(url.protocol) || !path.endsWith('/api/v4') || url.search || url.hash || url.username || url.password) {
    throw new UserError(`the GitLab API URL "${url.origin}${url.pathname}" must be an http(s) URL ending in /api/v4, as CI_API_V4_URL is`, {
      input: 'api-url',
    });
  }
  return url.origin + path.slice(0, -'/api/v4'.length);
}

interface Context {
  target: GitLabTarget;
  token: string;
  signal?: AbortSignal;
}

/**
 * Runs one client call and turns what it throws into an error that names what failed. The
 * requester's errors carry only GitLab's status and words; the token is masked all the same,
 * should a server echo it.
 */
async function guarded<T>(what: string, fn: () => Promise<unknown>, c: Context): Promise<T> {
  c.signal?.throwIfAborted();
  try {
    return (await fn()) as T;
  } catch (e) {
    if (c.signal?.aborted) throw c.signal.reason;
    throw describe(e, what, c);
  }
}

function describe(e: unknown, what: string, c: Context): Error {
  if (isUserError(e)) return e as Error;
  const mask = (s: string) => (c.token ? s.split(c.token).join('***') : s);
  const where = `GitLab at ${c.target.apiUrl}`;
  if (!(e instanceof GitLabError)) return new GitLabError(mask(`${where} failed ${what}: ${(e as Error)?.message ?? String(e)}`), { kind: 'network' });
  if (e.kind === 'timeout') return new GitLabError(`${where} did not answer ${what} in time`, { kind: 'timeout' });
  if (e.kind === 'network') return new GitLabError(mask(`${where} ${e.message}, for ${what}`), { kind: 'network' });
  const said = e.message ? `: ${mask(e.message).slice(0, 300)}` : '';
  const project = `project ${JSON.stringify(c.target.projectId)}`;
  if (e.status === 401) {
    return new UserError(
      `${where} refused the token (401 Unauthorized)${said}. Set GITLAB_TOKEN to a valid personal, project or group access token with the \`api\` scope`,
      { input: 'token' },
    );
  }
  if (e.status === 403) {
    return new UserError(
      `${where} refused ${what} (403 Forbidden)${said}. The token needs the \`api\` scope and at least Reporter access to ${project} to write merge-request notes`,
      { input: 'token' },
    );
  }
  return new GitLabError(`${where} answered ${e.status} for ${what}${said}`, { status: e.status, kind: 'http' });
}

/** A 404 on the merge request is either the project (wrong id, or hidden from the token) or the MR. */
async function explainNotFound(e: unknown, project: () => Promise<unknown>, t: GitLabTarget): Promise<unknown> {
  if ((e as { status?: number }).status !== 404) return e;
  try {
    await project();
  } catch (p) {
    if ((p as { status?: number }).status === 404) {
      return new UserError(`project ${JSON.stringify(t.projectId)} was not found at ${t.apiUrl}, or the token cannot see it (CI_PROJECT_ID)`, {
        input: 'project',
        cause: p,
      });
    }
    return p;
  }
  return new UserError(`merge request !${t.mergeRequestIid} was not found in project ${JSON.stringify(t.projectId)} (CI_MERGE_REQUEST_IID)`, { input: 'pr' });
}
