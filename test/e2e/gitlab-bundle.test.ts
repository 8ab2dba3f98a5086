import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGitLabServer, type GitLabServer } from '../support/gitlab/server.js';
import { ROOT } from '../support/runner.js';
import { collect } from '../support/spawned.js';

/**
 * @mlci/core/forge/gitlab through an ncc bundle, as the CLI will carry it: @gitbeaker/rest must
 * survive bundling (ESM, fetch, FormData) and load only when a report goes to GitLab, so it sits
 * in a chunk of its own that the rest of the bundle never needs.
 */
const require = createRequire(import.meta.url);
const TOKEN = 'glpat-bundle-0123456789';

let gl: GitLabServer;
let out: string;
let project: number;
let chunks: { file: string; size: number; gitbeaker: boolean }[];
let mainSize: number;

beforeAll(async () => {
  gl = await startGitLabServer();
  const bot = gl.addUser('mlci-bot', { token: TOKEN });
  project = gl.addProject('acme/churn', { members: [bot] });
  gl.addMergeRequest(project, 3);

  const ncc = require('@vercel/ncc') as (entry: string, o: object) => Promise<{ code: string; assets: Record<string, { source: string | Buffer }> }>;
  const { code, assets } = await ncc(join(ROOT, 'test/support/gitlab/post-entry.mjs'), { minify: false, sourceMap: false, quiet: true, target: 'es2022' });
  out = await mkdtemp(join(tmpdir(), 'mlci-gitlab-bundle-'));
  await writeFile(join(out, 'index.mjs'), code);
  chunks = [];
  for (const [file, asset] of Object.entries(assets)) {
    await writeFile(join(out, file), asset.source);
    // The client's own class, not a name our code merely mentions.
    chunks.push({ file, size: String(asset.source).length, gitbeaker: /(?:var BaseResource = class|class BaseResource)\b/.test(String(asset.source)) });
  }
  mainSize = code.length;
  expect(/(?:var BaseResource = class|class BaseResource)\b/.test(code)).toBe(false);
}, 120_000);
afterAll(async () => {
  await gl?.close();
  if (out) await rm(out, { recursive: true, force: true });
});

const run = async (env: Record<string, string>) => {
  const child = spawn(process.execPath, [join(out, 'index.mjs')], {
    env: { PATH: process.env.PATH ?? '', GITLAB_TOKEN: TOKEN, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const r = await collect(child);
  return { ...r, json: JSON.parse(r.stdout.trim().split('\n').pop() || '{}') };
};

const mrEnv = () => ({ CI_API_V4_URL: gl.apiUrl, CI_PROJECT_ID: String(project), CI_MERGE_REQUEST_IID: '3' });

describe('forge/gitlab bundled with ncc', () => {
  it('keeps @gitbeaker/rest in a chunk of its own', () => {
    const gitbeaker = chunks.filter((c) => c.gitbeaker);
    expect(gitbeaker).toHaveLength(1);
    // The entry without the client is small next to it.
    expect(mainSize).toBeLessThan(gitbeaker[0].size / 4);
  });

  it('runs without that chunk when there is nothing to post', async () => {
    const chunk = chunks.find((c) => c.gitbeaker)!.file;
    const moved = join(out, `${chunk}.away`);
    await rm(moved, { force: true });
    const { rename } = await import('node:fs/promises');
    await rename(join(out, chunk), moved);
    try {
      const r = await run({ CI_API_V4_URL: gl.apiUrl, CI_PROJECT_ID: String(project) });
      expect(r.code, r.stderr).toBe(0);
      expect(r.json).toEqual({ skipped: 'not a merge-request pipeline' });
    } finally {
      await rename(moved, join(out, chunk));
    }
    expect(await readdir(out)).toContain(chunk);
  });

  it('upserts one note across three runs, and a bad token is a clear error without the token', async () => {
    const ids: number[] = [];
    for (const n of [1, 2, 3]) {
      const r = await run({ ...mrEnv(), REPORT_BODY: `## Report\n\nrun ${n}\n` });
      expect(r.code, r.stderr).toBe(0);
      expect(r.json.posted.created).toBe(n === 1);
      ids.push(r.json.posted.noteId);
    }
    expect(new Set(ids).size).toBe(1);
    expect(gl.notes(project, 3)).toHaveLength(1);
    expect(gl.notes(project, 3)[0].body).toContain('run 3');

    const bad = await run({ ...mrEnv(), GITLAB_TOKEN: 'glpat-not-a-token', REPORT_BODY: 'x' });
    expect(bad.code).toBe(2);
    expect(bad.json.name).toBe('UserError');
    expect(bad.json.error).toMatch(/401.*`api` scope/);
    expect(bad.stdout + bad.stderr).not.toContain('glpat-not-a-token');
    expect(gl.violations).toEqual([]);
  });
});
