import { hasMarker } from '../section/marker.js';
import { CREATE_ATTEMPTS, NO_RETRY, collect, mayHaveApplied, messageOf, pages, pause, statusOf, type Api } from './api.js';
import { hasCmlWatermark } from './cml-watermark.js';
import { sameLogin, whoAmI } from './identity.js';
import type { Target } from './target.js';

export type CommentMode = 'upsert' | 'recreate' | 'create';

export interface Comment {
  id: number;
  node_id: string;
  body?: string;
  html_url: string;
  user: { login: string; type?: string } | null;
}

export interface PostCommentOptions {
  /** The report's identity: the hidden marker on the first line of the body carries it. */
  id: string;
  body: string;
  mode: CommentMode;
  /** With `create`, minimise this report's earlier comments as outdated. */
  hidePrevious: boolean;
  /** Our login, when the caller already knows it. */
  author?: string;
  /**
   * When this report has no comment yet, turn the newest comment an old CML workflow left (its
   * watermark, forge/cml-watermark.ts) into it, edited in place, instead of adding a second one.
   */
  replaceCml?: boolean;
}

export interface PostedComment {
  id: number;
  url: string;
  action: 'created' | 'updated' | 'recreated';
  /** Earlier comments of this report that were minimised or removed. */
  superseded: number;
  /** With replaceCml: the CML comment found, and whether it became the report (else why not: it was left as it was). */
  cml?: { id: number; replaced: true } | { id: number; replaced: false; reason: string };
}

type CommentTarget = Extract<Target, { kind: 'issue' } | { kind: 'commit' }>;

/** Issue (and PR) comments and commit comments differ only in their routes. */
function routes(t: CommentTarget) {
  const r = { owner: t.owner, repo: t.repo };
  return t.kind === 'issue'
    ? {
        list: ['GET /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...r, issue_number: t.number }] as const,
        create: ['POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...r, issue_number: t.number }] as const,
        update: (id: number) => ['PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', { ...r, comment_id: id }] as const,
        remove: (id: number) => ['DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}', { ...r, comment_id: id }] as const,
      }
    : {
        list: ['GET /repos/{owner}/{repo}/commits/{commit_sha}/comments', { ...r, commit_sha: t.sha }] as const,
        create: ['POST /repos/{owner}/{repo}/commits/{commit_sha}/comments', { ...r, commit_sha: t.sha }] as const,
        update: (id: number) => ['PATCH /repos/{owner}/{repo}/comments/{comment_id}', { ...r, comment_id: id }] as const,
        remove: (id: number) => ['DELETE /repos/{owner}/{repo}/comments/{comment_id}', { ...r, comment_id: id }] as const,
      };
}

/**
 * This report's comments: the marker on the first line AND written by us. The author check is
 * what keeps us from editing a comment someone else wrote, even one that quotes our marker.
 * Oldest first.
 */
export async function findReportComments(api: Api, target: CommentTarget, id: string, author: string): Promise<Comment[]> {
  const [route, params] = routes(target).list;
  const all = await collect(pages<Comment>(api, route, params));
  return all.filter((c) => hasMarker(c.body ?? '', id) && sameLogin(c.user?.login, author)).sort((a, b) => a.id - b.id);
}

/**
 * Posts the report as one comment, updated in place. Nothing the user had is lost on failure:
 * a comment is only removed after its replacement has been written, and only when it is ours.
 *
 * Two runs racing on one PR can both find nothing and both create. After creating, we list
 * again and converge: upsert on the oldest of our comments (update it, remove the newer
 * duplicates), recreate on the newest (remove every older one). Every racer does the same, so
 * they end with the same single comment: the newest comment's creator lists after every other
 * create and removes them all, and no one removes the newest.
 *
 * A create whose answer was lost (the server applied it, we saw a 502 or a timeout) is not simply
 * sent again: we list first and take the comment if it landed.
 */
export async function postComment(api: Api, target: CommentTarget, o: PostCommentOptions): Promise<PostedComment> {
  const r = routes(target);
  let author = o.author ?? (await whoAmI(api));
  const existing = author ? await findReportComments(api, target, o.id, author) : [];

  const cml = o.replaceCml && existing.length === 0 && author ? await findCmlComment(api, target, author) : undefined;
  if (cml) {
    let replaced: Comment | undefined;
    let reason = '';
    try {
      replaced = await update(api, r.update(cml.id), o.body);
    } catch (e) {
      // A PATCH that failed changed nothing: the CML comment stays as it was and the report is posted anew.
      reason = messageOf(e);
    }
    if (replaced) {
      // It is ours now, and the oldest of our comments: every racer converges on it, whatever the mode.
      const mine = await findReportComments(api, target, o.id, author!);
      await removeAll(
        api,
        r,
        mine.filter((c) => c.id !== replaced.id),
      );
      return { id: replaced.id, url: replaced.html_url, action: 'updated', superseded: 0, cml: { id: cml.id, replaced: true } };
    }
    const posted = await postComment(api, target, { ...o, author, replaceCml: false });
    return { ...posted, cml: { id: cml.id, replaced: false, reason } };
  }

  if (o.mode === 'upsert' && existing.length > 0) {
    const [keep, ...extra] = existing;
    const updated = await update(api, r.update(keep.id), o.body);
    const removed = await removeAll(api, r, extra);
    return { id: updated.id, url: updated.html_url, action: 'updated', superseded: removed };
  }

  const created = await create(api, target, o, author, new Set(existing.map((c) => c.id)));
  author ??= created.user?.login;

  if (o.mode === 'create') {
    const hidden = o.hidePrevious ? await minimizeAll(api, existing) : 0;
    return { id: created.id, url: created.html_url, action: 'created', superseded: hidden };
  }
  if (o.mode === 'recreate') {
    const mine = author ? await findReportComments(api, target, o.id, author) : [created, ...existing];
    const keep = mine.reduce((a, b) => (b.id > a.id ? b : a), created);
    const removed = await removeAll(
      api,
      r,
      mine.filter((c) => c.id !== keep.id),
    );
    return { id: keep.id, url: keep.html_url, action: existing.length ? 'recreated' : 'created', superseded: removed };
  }

  // upsert that created: converge with any racer (or with comments we could not attribute before).
  const mine = author ? await findReportComments(api, target, o.id, author) : [created];
  const keep = mine[0] ?? created;
  let result: Comment = created;
  if (keep.id !== created.id) result = await update(api, r.update(keep.id), o.body);
  await removeAll(
    api,
    r,
    mine.filter((c) => c.id !== keep.id),
  );
  return { id: result.id, url: result.html_url, action: 'created', superseded: 0 };
}

/**
 * The newest comment CML left, that we may make ours: its watermark in the body, written by the
 * token's user (the job's github-actions[bot] when CML posted with the GITHUB_TOKEN, as its docs
 * set it up) and by a bot, never a person. A comment by another account is left alone: once edited
 * it would still be that account's, so no later run could find it as ours. A person's comment with
 * the same image (a personal token's CML comment, a quote) is never edited.
 */
export async function findCmlComment(api: Api, target: CommentTarget, author: string): Promise<Comment | undefined> {
  const [route, params] = routes(target).list;
  const all = await collect(pages<Comment>(api, route, params));
  return all
    .filter((c) => c.user?.type === 'Bot' && sameLogin(c.user.login, author) && hasCmlWatermark(c.body ?? ''))
    .reduce<Comment | undefined>((a, b) => (!a || b.id > a.id ? b : a), undefined);
}

async function create(api: Api, target: CommentTarget, o: PostCommentOptions, author: string | undefined, known: Set<number>): Promise<Comment> {
  const [route, params] = routes(target).create;
  const same = (a: string | undefined) => (a ?? '').replace(/\r\n/g, '\n').trimEnd() === o.body.replace(/\r\n/g, '\n').trimEnd();
  for (let attempt = 1; ; attempt++) {
    try {
      return (await api.request(route, { ...params, body: o.body, ...NO_RETRY })).data as Comment;
    } catch (e) {
      if (!mayHaveApplied(e) || attempt >= CREATE_ATTEMPTS) throw e;
    }
    const [listRoute, listParams] = routes(target).list;
    const all = await collect(pages<Comment>(api, listRoute, listParams));
    const landed = all.find((c) => !known.has(c.id) && hasMarker(c.body ?? '', o.id) && same(c.body) && (!author || sameLogin(c.user?.login, author)));
    if (landed) return landed;
    await pause(500 * attempt * attempt);
  }
}

async function update(api: Api, [route, params]: readonly [string, object], body: string): Promise<Comment> {
  return (await api.request(route, { ...params, body })).data as Comment;
}

async function removeAll(api: Api, r: ReturnType<typeof routes>, comments: Comment[]): Promise<number> {
  let n = 0;
  for (const c of comments) {
    const [route, params] = r.remove(c.id);
    try {
      await api.request(route, params);
      n++;
    } catch (e) {
      // A racer removed it first.
      if (statusOf(e) !== 404) throw e;
    }
  }
  return n;
}

const MINIMIZE = `mutation($id: ID!) {
  minimizeComment(input: { subjectId: $id, classifier: OUTDATED }) { minimizedComment { isMinimized } }
}`;

async function minimizeAll(api: Api, comments: Comment[]): Promise<number> {
  for (const c of comments) await api.graphql(MINIMIZE, { id: c.node_id });
  return comments.length;
}
