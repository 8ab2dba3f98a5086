import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGitLabServer, type GitLabServer } from './server.js';

/** The stand-in answers as GitLab does where mlci relies on it: pagination, auth, request shapes. */
let gl: GitLabServer;
let project: number;
const TOKEN = 'glpat-stand-in';

beforeAll(async () => {
  gl = await startGitLabServer();
  const bot = gl.addUser('bot', { token: TOKEN });
  project = gl.addProject('acme/churn', { members: [bot] });
  gl.addMergeRequest(project, 1);
  for (let i = 0; i < 250; i++) gl.addNote(project, 1, bot, `note ${i}`);
});
afterAll(() => gl.close());

const get = (path: string, token = TOKEN) => fetch(`${gl.apiUrl}${path}`, { headers: { 'PRIVATE-TOKEN': token } });

describe('the loopback GitLab', () => {
  it('paginates as GitLab does: 20 by default, at most 100, x-* headers and a Link', async () => {
    const dflt = await get(`/projects/${project}/merge_requests/1/notes`);
    expect(((await dflt.json()) as unknown[]).length).toBe(20);
    const r = await get(`/projects/${project}/merge_requests/1/notes?per_page=500&page=2&sort=asc`);
    const notes = (await r.json()) as { body: string }[];
    expect(notes).toHaveLength(100);
    expect(notes[0].body).toBe('note 100');
    expect(Object.fromEntries(['x-page', 'x-per-page', 'x-next-page', 'x-prev-page', 'x-total', 'x-total-pages'].map((h) => [h, r.headers.get(h)]))).toEqual({
      'x-page': '2',
      'x-per-page': '100',
      'x-next-page': '3',
      'x-prev-page': '1',
      'x-total': '250',
      'x-total-pages': '3',
    });
    expect(r.headers.get('link')).toMatch(/<[^>]*page=3[^>]*>; rel="next"/);
    const last = await get(`/projects/${project}/merge_requests/1/notes?per_page=100&page=3&sort=asc`);
    expect(((await last.json()) as unknown[]).length).toBe(50);
    expect(last.headers.get('x-next-page')).toBe('');
    expect(last.headers.get('link')).not.toContain('rel="next"');
  });

  it('answers 401 to an unknown token and 404 to a project the user cannot see', async () => {
    expect((await get('/user', 'nope')).status).toBe(401);
    expect((await get('/projects/acme%2Fchurn')).status).toBe(200);
    const other = gl.addProject('acme/private');
    const r = await get(`/projects/${other}`);
    expect(r.status).toBe(404);
    expect(await r.json()).toEqual({ message: '404 Project Not Found' });
  });

  it('refuses request shapes GitLab refuses, and records them', async () => {
    const bad = await get(`/projects/${project}/merge_requests/1/notes?sort=sideways`);
    expect(bad.status).toBe(400);
    const noBody = await fetch(`${gl.apiUrl}/projects/${project}/merge_requests/1/notes`, {
      method: 'POST',
      headers: { 'PRIVATE-TOKEN': TOKEN, 'content-type': 'application/json' },
      body: JSON.stringify({ note: 'wrong field' }),
    });
    expect(noBody.status).toBe(400);
    const tooLong = await fetch(`${gl.apiUrl}/projects/${project}/merge_requests/1/notes`, {
      method: 'POST',
      headers: { 'PRIVATE-TOKEN': TOKEN, 'content-type': 'application/json' },
      body: JSON.stringify({ body: 'x'.repeat(1_000_001) }),
    });
    expect(tooLong.status).toBe(400);
    expect(await tooLong.json()).toEqual({ message: { note: ['is too long (maximum is 1000000 characters)'] } });
    expect(gl.violations).toEqual(['sort does not have a valid value', 'body is missing']);
    gl.violations.length = 0;
  });
});
