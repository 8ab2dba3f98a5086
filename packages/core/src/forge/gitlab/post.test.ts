import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startGitLabServer, type GitLabServer, type User } from '../../../../../test/support/gitlab/server.js';
import { isUserError } from '../../errors.js';
import { escapeText } from '../../section/escape.js';
import { reportMarker } from '../../section/marker.js';
import { GITLAB_NOTE_LIMIT, gitLabTargetFromEnv, postGitLabReport, type GitLabTarget } from './index.js';

const TOKEN = 'glpat-mlci-bot-0123456789';
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

let gl: GitLabServer;
let bot: User;
let alice: User;
let project: number;
let iid = 0;
let dir: string;

beforeAll(async () => {
  gl = await startGitLabServer();
  bot = gl.addUser('mlci-bot', { token: TOKEN });
  alice = gl.addUser('alice', { token: 'glpat-alice' });
  project = gl.addProject('acme/churn', { members: [bot, alice] });
  // Inside the boundary images are read from: a folder mlci made under the temp directory.
  dir = await mkdtemp(join(tmpdir(), 'mlci-gitlab-test-'));
});
afterAll(() => gl.close());
afterEach(() => expect(gl.violations).toEqual([]));

/** A fresh merge request for each test. */
function newMr(): GitLabTarget {
  gl.addMergeRequest(project, ++iid);
  return { apiUrl: gl.apiUrl, projectId: String(project), mergeRequestIid: iid };
}

const post = (target: GitLabTarget, body: string, extra: Partial<Parameters<typeof postGitLabReport>[0]> = {}) =>
  postGitLabReport({ target, token: TOKEN, id: 'pr-report', body, ...extra });

async function failure(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a failure');
}

describe('gitLabTargetFromEnv', () => {
  it('reads a merge-request pipeline and is undefined for a branch pipeline', () => {
    const env = { CI_API_V4_URL: 'https://gitlab.example.com/api/v4', CI_PROJECT_ID: '42', CI_MERGE_REQUEST_IID: '7' };
    expect(gitLabTargetFromEnv(env)).toEqual({ apiUrl: 'https://gitlab.example.com/api/v4', projectId: '42', mergeRequestIid: 7 });
    expect(gitLabTargetFromEnv({ ...env, CI_MERGE_REQUEST_IID: undefined })).toBeUndefined();
    expect(gitLabTargetFromEnv({ ...env, CI_MERGE_REQUEST_IID: 'x' })).toBeUndefined();
    expect(gitLabTargetFromEnv({})).toBeUndefined();
  });
});

describe('postGitLabReport', () => {
  it('creates the note, then updates it in place across three runs: one note', async () => {
    const target = newMr();
    const first = await post(target, '## Report\n\nrun 1\n');
    const second = await post(target, '## Report\n\nrun 2\n');
    const third = await post(target, '## Report\n\nrun 3\n');
    expect([first.created, second.created, third.created]).toEqual([true, false, false]);
    expect(new Set([first.noteId, second.noteId, third.noteId]).size).toBe(1);
    const notes = gl.notes(project, iid);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ id: first.noteId, author: { username: 'mlci-bot' } });
    expect(notes[0].body).toBe(`${reportMarker('pr-report')}\n## Report\n\nrun 3\n`);
    expect(third.url).toBe(`${gl.webUrl}/acme/churn/-/merge_requests/${iid}#note_${first.noteId}`);
    // The token went in the PRIVATE-TOKEN header only.
    const mine = gl.requests.filter((r) => r.headers['private-token'] === TOKEN);
    expect(mine.length).toBeGreaterThan(0);
    expect(gl.requests.some((r) => r.query.includes(TOKEN) || r.body.toString('utf8').includes(TOKEN))).toBe(false);
  });

  it('keeps a body that already starts with the marker as it is', async () => {
    const target = newMr();
    const body = `${reportMarker('pr-report')}\n# Report\n`;
    await post(target, body);
    expect(gl.notes(project, iid)[0].body).toBe(body);
  });

  it("leaves another user's note that carries the marker alone and makes its own", async () => {
    const target = newMr();
    const quoted = gl.addNote(project, iid, alice, `${reportMarker('pr-report')}\nI copied the bot's note`);
    const sys = gl.addNote(project, iid, bot, `${reportMarker('pr-report')}\nsystem`, { system: true });
    const posted = await post(target, 'the real report\n');
    expect(posted.created).toBe(true);
    const notes = gl.notes(project, iid);
    expect(notes).toHaveLength(3);
    expect(notes.find((n) => n.id === quoted.id)?.body).toBe(`${reportMarker('pr-report')}\nI copied the bot's note`);
    expect(notes.find((n) => n.id === sys.id)?.body).toBe(`${reportMarker('pr-report')}\nsystem`);
    expect(notes.find((n) => n.id === posted.noteId)?.author.id).toBe(bot.id);
  });

  it('finds its note on page 3 of a long discussion', async () => {
    const target = newMr();
    for (let i = 0; i < 230; i++) gl.addNote(project, iid, i % 2 ? alice : bot, `comment ${i} ${reportMarker('other-report')}`);
    const ours = gl.addNote(project, iid, bot, `${reportMarker('pr-report')}\nold report`);
    for (let i = 0; i < 40; i++) gl.addNote(project, iid, alice, `later comment ${i}`);
    const before = gl.requests.length;
    const posted = await post(target, 'new report\n');
    expect(posted).toMatchObject({ noteId: ours.id, created: false });
    expect(gl.notes(project, iid)).toHaveLength(271);
    expect(gl.notes(project, iid).find((n) => n.id === ours.id)?.body).toBe(`${reportMarker('pr-report')}\nnew report\n`);
    const listed = gl.requests.slice(before).filter((r) => r.method === 'GET' && r.path.endsWith('/notes'));
    expect(listed.map((r) => new URLSearchParams(r.query).get('page'))).toEqual(['1', '2', '3']);
    expect(listed.every((r) => new URLSearchParams(r.query).get('per_page') === '100')).toBe(true);
  });

  it('waits as a 429 answer says and tries again', async () => {
    const target = newMr();
    gl.fault({ method: 'GET', path: /\/notes$/, status: 429, headers: { 'retry-after': '1' }, body: { message: 'Retry later' } });
    const before = gl.requests.length;
    const posted = await post(target, 'report\n');
    expect(posted.created).toBe(true);
    const listed = gl.requests.slice(before).filter((r) => r.method === 'GET' && r.path.endsWith('/notes'));
    expect(listed.map((r) => r.status).slice(0, 2)).toEqual([429, 200]);
  });

  it('converges on one note when a create was applied but its answer was lost', async () => {
    const target = newMr();
    // GitLab created the note and the client saw a 502; the requester sends the create again.
    gl.fault({ method: 'POST', path: /\/notes$/, status: 502, afterApply: true });
    const before = gl.requests.length;
    const posted = await post(target, 'report\n');
    const sent = gl.requests.slice(before);
    expect(sent.filter((r) => r.method === 'POST').map((r) => r.status)).toEqual([502, 201]);
    expect(sent.filter((r) => r.method === 'DELETE').map((r) => r.status)).toEqual([204]);
    const notes = gl.notes(project, iid);
    expect(notes).toHaveLength(1);
    expect(notes[0].id).toBe(posted.noteId);
  });

  it('uploads images to the project and links them by the markdown GitLab returns', async () => {
    const target = newMr();
    await writeFile(join(dir, 'roc.png'), PNG);
    await writeFile(join(dir, 'loss.png'), PNG);
    await writeFile(join(dir, 'evil.png'), '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const body = '## Metrics\n\n![ROC curve](plots/roc.png)\n\n<img src="plots/evil.png" alt="x">\n';
    await post(target, body, {
      images: [
        { path: join(dir, 'roc.png'), name: 'plots/roc.png' },
        { path: join(dir, 'evil.png'), name: 'plots/evil.png' },
        { path: join(dir, 'loss.png'), name: 'plots/loss.png' },
        { path: '/etc/hostname', name: 'hostname.png' },
      ],
    });
    const uploads = gl.uploads(project);
    expect(uploads.map((u) => u.filename.replace(/-[0-9a-f]{12}\./, '.')).sort()).toEqual(['loss.png', 'roc.png']);
    expect(uploads.every((u) => u.bytes.equals(PNG) && u.type === 'image/png')).toBe(true);
    const roc = uploads.find((u) => u.filename.startsWith('roc-'))!;
    const loss = uploads.find((u) => u.filename.startsWith('loss-'))!;
    const note = gl.notes(project, iid)[0].body;
    expect(note).toContain(`![ROC curve](${roc.url})`);
    // Not referenced by the body: appended as GitLab wrote it.
    expect(note).toContain(`![${loss.filename.replace(/\.png$/, '')}](${loss.url})`);
    expect(note).toContain(`_image not published: ${escapeText('plots/evil.png')} (not a PNG, JPEG, GIF or WebP image)_`);
    expect(note).toContain(`_image not published: ${escapeText('hostname.png')} (outside the workspace)_`);
    expect(note).not.toContain('<img');
    expect(note).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)/);
  });

  it('links an image its note already shows again instead of uploading it on every run', async () => {
    const target = newMr();
    await writeFile(join(dir, 'cm.png'), PNG);
    const images = [{ path: join(dir, 'cm.png'), name: 'cm.png' }];
    const before = gl.uploads(project).length;
    await post(target, '![confusion](cm.png)\n', { images });
    await post(target, '![confusion](cm.png)\nrun 2\n', { images });
    expect(gl.uploads(project).length - before).toBe(1);
    const url = gl.uploads(project).at(-1)!.url;
    expect(gl.notes(project, iid)[0].body).toBe(`${reportMarker('pr-report')}\n![confusion](${url})\nrun 2\n`);
    // Other bytes under the same name are a new upload.
    await writeFile(join(dir, 'cm.png'), Buffer.concat([PNG, Buffer.from('changed')]));
    await post(target, '![confusion](cm.png)\nrun 3\n', { images });
    expect(gl.uploads(project).length - before).toBe(2);
    expect(gl.notes(project, iid)[0].body).toContain(gl.uploads(project).at(-1)!.url);
  });

  it('still posts the report when GitLab refuses an upload, saying which image is missing', async () => {
    const target = newMr();
    await writeFile(join(dir, 'big.png'), PNG);
    gl.fault({ method: 'POST', path: /\/uploads$/, status: 413, body: { message: '413 Request Entity Too Large' } });
    const posted = await post(target, '![big](big.png)\n', { images: [{ path: join(dir, 'big.png'), name: 'big.png' }] });
    expect(posted.created).toBe(true);
    expect(gl.notes(project, iid)[0].body).toContain(`_image not published: ${escapeText('big.png')} (GitLab answered 413 to its upload)_`);
  });

  it('caps the images uploaded as for an untrusted bundle', async () => {
    const target = newMr();
    const images = [];
    for (let i = 0; i < 22; i++) {
      await writeFile(join(dir, `p${i}.png`), Buffer.concat([PNG, Buffer.from([i])]));
      images.push({ path: join(dir, `p${i}.png`), name: `p${i}.png` });
    }
    const before = gl.uploads(project).length;
    await post(target, images.map((i) => `![](${i.name})`).join('\n'), { images });
    expect(gl.uploads(project).length - before).toBe(20);
    expect(gl.notes(project, iid)[0].body).toContain(`_image not published: ${escapeText('p21.png')} (more than 20 images)_`);
  });

  it('fits a body over the note limit, marker first and code fences closed', async () => {
    const target = newMr();
    const line = 'x'.repeat(999);
    const body = `# Report\n\n\`\`\`\n${Array.from({ length: 1200 }, () => line).join('\n')}\n\`\`\`\n`;
    expect(body.length).toBeGreaterThan(GITLAB_NOTE_LIMIT);
    await post(target, body);
    const note = gl.notes(project, iid)[0].body;
    expect(note.length).toBeLessThanOrEqual(GITLAB_NOTE_LIMIT);
    expect(note.length).toBeGreaterThan(GITLAB_NOTE_LIMIT - 2000);
    expect(note.startsWith(`${reportMarker('pr-report')}\n# Report\n`)).toBe(true);
    expect(note).toMatch(/```\n\n> ✂️ Cut to fit GitLab's note limit[^\n]*\n$/);
    expect((note.match(/^```$/gm) ?? []).length % 2).toBe(0);
  });

  describe('refusals are clear, post nothing and never show the token', () => {
    const expectClean = (e: Error) => {
      const all = [e.message, e.stack ?? '', String(e.cause ?? ''), JSON.stringify(e), JSON.stringify((e as { cause?: unknown }).cause ?? null)].join('\n');
      expect(all).not.toContain(TOKEN);
      expect(all).not.toContain('glpat-');
    };

    it('a bad token', async () => {
      const target = newMr();
      const e = await failure(postGitLabReport({ target, token: 'glpat-wrong-token', id: 'r', body: 'x' }));
      expect(isUserError(e)).toBe(true);
      expect(e.message).toMatch(/401/);
      expect(e.message).toMatch(/GITLAB_TOKEN.*`api` scope/);
      expectClean(e);
      expect(gl.notes(project, iid)).toEqual([]);
    });

    it('a token without the api scope', async () => {
      const target = newMr();
      gl.addToken('glpat-read-only', bot, ['read_api']);
      const e = await failure(postGitLabReport({ target, token: 'glpat-read-only', id: 'r', body: 'x' }));
      expect(isUserError(e)).toBe(true);
      expect(e.message).toMatch(/403/);
      expect(e.message).toMatch(/`api` scope/);
      expect(e.message).toMatch(/project "\d+"/);
      expectClean(e);
      expect(gl.notes(project, iid)).toEqual([]);
    });

    it('an unknown project, and one the token cannot see', async () => {
      newMr();
      const hidden = gl.addProject('acme/secret', { members: [alice] });
      gl.addMergeRequest(hidden, 1);
      for (const projectId of ['99999', String(hidden), 'acme/nope']) {
        const e = await failure(post({ apiUrl: gl.apiUrl, projectId, mergeRequestIid: 1 }, 'x'));
        expect(isUserError(e)).toBe(true);
        expect(e.message).toContain(`project "${projectId}" was not found`);
        expect(e.message).toContain('CI_PROJECT_ID');
        expectClean(e);
      }
      expect(gl.notes(hidden, 1)).toEqual([]);
    });

    it('a merge request that does not exist', async () => {
      const e = await failure(post({ apiUrl: gl.apiUrl, projectId: 'acme/churn', mergeRequestIid: 4242 }, 'x'));
      expect(isUserError(e)).toBe(true);
      expect(e.message).toContain('merge request !4242 was not found in project "acme/churn"');
      expect(e.message).toContain('CI_MERGE_REQUEST_IID');
      expectClean(e);
    });

    it('a GitLab that cannot be reached', async () => {
      const closed = await startGitLabServer();
      const apiUrl = closed.apiUrl;
      await closed.close();
      const e = await failure(post({ apiUrl, projectId: '1', mergeRequestIid: 1 }, 'x'));
      expect(e.message).toContain(`GitLab at ${apiUrl} could not be reached (ECONNREFUSED)`);
      expectClean(e);
    });

    it('an API URL that is not one', async () => {
      const e = await failure(post({ apiUrl: gl.webUrl, projectId: String(project), mergeRequestIid: 1 }, 'x'));
      expect(isUserError(e)).toBe(true);
      expect(e.message).toContain('/api/v4');
    });
  });

  it('gives up on a request that does not answer, by its timeout or the caller’s signal', async () => {
    const target = newMr();
    gl.fault({ method: 'GET', path: /\/notes$/, hang: true, times: 2 });
    const timedOut = await failure(post(target, 'x', { timeoutMs: 500 }));
    expect(timedOut.message).toMatch(/did not answer the merge request’s notes in time/);
    expect(timedOut.message).not.toContain(TOKEN);
    const controller = new AbortController();
    const aborted = post(target, 'x', { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('stopped by the caller')), 200);
    await expect(aborted).rejects.toThrow('stopped by the caller');
    // Both requests were given up on the wire, not just no longer awaited.
    await expect.poll(() => gl.hanging()).toBe(0);
    expect(gl.notes(project, iid)).toEqual([]);
  });
});
