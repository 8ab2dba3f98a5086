import { describe, expect, it } from 'vitest';
import type { Api } from './api.js';
import { postComment } from './comments.js';
import { reportMarker } from '../section/marker.js';

/** A pull request's comments in memory, with GitHub's routes as forge/comments.ts calls them. */
function fakePull(viewer = 'github-actions') {
  const comments: { id: number; node_id: string; body: string; html_url: string; user: { login: string; type: string } }[] = [];
  let next = 100;
  const calls: string[] = [];
  let failPatch = 0;
  const add = (body: string, login: string, type = login.endsWith('[bot]') ? 'Bot' : 'User') => {
    const c = { id: next++, node_id: `IC_${next}`, body, html_url: `https://github.com/o/r/pull/1#issuecomment-${next}`, user: { login, type } };
    comments.push(c);
    return c;
  };
  const api: Api = {
    async request(route, p = {}) {
      calls.push(route);
      if (route.startsWith('GET ')) return { status: 200, data: Number(p.page) > 1 ? [] : comments.map((c) => ({ ...c })), headers: {} };
      if (route.startsWith('POST ')) return { status: 201, data: add(String(p.body), `${viewer}[bot]`), headers: {} };
      const c = comments.find((x) => x.id === p.comment_id);
      if (!c) throw Object.assign(new Error('Not Found'), { status: 404 });
      if (route.startsWith('PATCH ')) {
        if (failPatch-- > 0) throw Object.assign(new Error('Validation Failed'), { status: 422 });
        c.body = String(p.body);
        return { status: 200, data: { ...c }, headers: {} };
      }
      comments.splice(comments.indexOf(c), 1);
      return { status: 204, data: undefined, headers: {} };
    },
    graphql: async <T>() => ({ viewer: { login: viewer } }) as T,
  };
  return { api, comments, add, calls, failNextPatch: () => (failPatch = 1) };
}

const target = { kind: 'issue', owner: 'o', repo: 'r', number: 1, isPull: true } as const;
const SHA = 'a'.repeat(40);
const cmlBody = (text: string) => `${text}\n\n![](https://cml.dev/watermark.png#${SHA} "CML watermark")`;
const post = (api: Api, body: string, replaceCml = true) =>
  postComment(api, target, { id: 'mlci', body: `${reportMarker('mlci')}\n${body}`, mode: 'upsert', hidePrevious: false, replaceCml });

describe('postComment with replaceCml', () => {
  it('edits the newest CML comment of the bot in place, and the next run updates the same comment', async () => {
    const f = fakePull();
    const older = f.add(cmlBody('first CML report'), 'github-actions[bot]');
    const newest = f.add(cmlBody('second CML report'), 'github-actions[bot]');
    const first = await post(f.api, 'report 1');
    expect(first).toMatchObject({ id: newest.id, action: 'updated', cml: { id: newest.id, replaced: true } });
    expect(f.comments.find((c) => c.id === newest.id)?.body).toBe(`${reportMarker('mlci')}\nreport 1`);
    // Older CML comments stay as they were: nothing is deleted.
    expect(f.comments.find((c) => c.id === older.id)?.body).toBe(cmlBody('first CML report'));
    const second = await post(f.api, 'report 2');
    expect(second).toMatchObject({ id: newest.id, action: 'updated' });
    expect(second.cml).toBeUndefined();
    expect(f.comments).toHaveLength(2);
    expect(f.calls.some((c) => c.startsWith('DELETE'))).toBe(false);
  });

  it("never edits a person's comment with the same image, nor another bot's", async () => {
    const f = fakePull();
    const human = f.add(cmlBody('quoted by a person'), 'alice');
    const other = f.add(cmlBody('another app'), 'someone-else[bot]');
    const r = await post(f.api, 'report');
    expect(r.action).toBe('created');
    expect(r.cml).toBeUndefined();
    expect(f.comments.find((c) => c.id === human.id)?.body).toBe(cmlBody('quoted by a person'));
    expect(f.comments.find((c) => c.id === other.id)?.body).toBe(cmlBody('another app'));
    expect(f.comments).toHaveLength(3);
  });

  it('matches the watermark, not text: a bot comment that only names CML is left alone', async () => {
    const f = fakePull();
    f.add('Posted by CML watermark https://cml.dev/watermark.png', 'github-actions[bot]');
    expect((await post(f.api, 'report')).action).toBe('created');
    expect(f.comments).toHaveLength(2);
  });

  it('leaves the CML comment as it was and posts a new one when the edit fails', async () => {
    const f = fakePull();
    const cml = f.add(cmlBody('CML report'), 'github-actions[bot]');
    f.failNextPatch();
    const r = await post(f.api, 'report');
    expect(r.action).toBe('created');
    expect(r.cml).toEqual({ id: cml.id, replaced: false, reason: 'Validation Failed' });
    expect(f.comments.find((c) => c.id === cml.id)?.body).toBe(cmlBody('CML report'));
    expect(f.comments).toHaveLength(2);
  });

  it('is off unless asked: the CML comment stays and the report is posted beside it', async () => {
    const f = fakePull();
    f.add(cmlBody('CML report'), 'github-actions[bot]');
    expect((await post(f.api, 'report', false)).action).toBe('created');
    expect(f.comments).toHaveLength(2);
  });

  it('prefers the report comment it already has over a CML comment', async () => {
    const f = fakePull();
    const ours = f.add(`${reportMarker('mlci')}\nold`, 'github-actions[bot]');
    const cml = f.add(cmlBody('CML report'), 'github-actions[bot]');
    expect(await post(f.api, 'new')).toMatchObject({ id: ours.id, action: 'updated' });
    expect(f.comments.find((c) => c.id === cml.id)?.body).toBe(cmlBody('CML report'));
  });
});
