import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { pullRequestEvent } from '../support/events/index.js';
import { useGitHub } from '../support/loopback.js';
import { ROOT, runAction, type RunResult } from '../support/runner.js';

/**
 * Drift against `git:` references, from a real git repository in the workspace: a base commit
 * with seattle-weather.csv as vega-datasets ships it, and a pull request commit that shifts one
 * column. From the local clone when it has the base, else (a shallow clone) through the contents
 * API of the loopback GitHub.
 */

const REPO = 'octo/ml';
const TOKEN = 'ghs_installation_token_for_drift';
const SEATTLE = readFileSync(join(ROOT, 'node_modules/vega-datasets/data/seattle-weather.csv'), 'utf8');
// The fixture's schema, with room for the warmer days the pull request brings.
const SCHEMA = readFileSync(join(ROOT, 'test/fixtures/validate-data/seattle-weather.schema.yml'), 'utf8').replace(
  'temp_max: { type: number, min: -10, max: 40 }',
  'temp_max: { type: number, min: -10, max: 50 }',
);
const PATH = 'data/seattle-weather.csv';

/** temp_max warmer by 8 °C on every day: the pull request's change. */
function shiftTempMax(csv: string, by: number): string {
  return csv
    .split('\n')
    .map((line, i) => {
      if (i === 0 || line === '') return line;
      const cells = line.split(',');
      cells[2] = (Number(cells[2]) + by).toFixed(1);
      return cells.join(',');
    })
    .join('\n');
}

const exec = promisify(execFile);
const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
  HOME: tmpdir(),
};
async function git(cwd: string, ...args: string[]): Promise<string> {
  const { stdout } = await exec('git', args, { cwd, env: GIT_ENV });
  return stdout.trim();
}

async function put(dir: string, files: Record<string, string>): Promise<void> {
  for (const [rel, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, rel)), { recursive: true });
    await writeFile(join(dir, rel), content);
  }
}

/** A repository: main = the real file; feature = one commit on top with the PR's files. */
async function makeRepo(pr: Record<string, string>): Promise<{ dir: string; base: string; head: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'mlci-drift-repo-'));
  await git(dir, 'init', '--quiet', '--initial-branch=main');
  await put(dir, { [PATH]: SEATTLE, 'data/schema.yml': SCHEMA });
  await git(dir, 'add', '.');
  await git(dir, 'commit', '--quiet', '-m', 'base');
  const base = await git(dir, 'rev-parse', 'HEAD');
  await git(dir, 'checkout', '--quiet', '-b', 'feature');
  await put(dir, pr);
  await git(dir, 'add', '.');
  await git(dir, 'commit', '--quiet', '--allow-empty', '-m', 'pull request');
  return { dir, base, head: await git(dir, 'rev-parse', 'HEAD') };
}

const gh = useGitHub({ repo: REPO, token: TOKEN });

function prEvent(base: string, head: string) {
  return {
    name: 'pull_request',
    payload: pullRequestEvent({ owner: 'octo', repo: 'ml', number: 7, headSha: head, baseSha: base, baseRef: 'main', apiUrl: gh.url }),
  };
}

function run(workspace: string, inputs: Record<string, string>, event?: { name: string; payload: object }): Promise<RunResult> {
  return runAction({
    action: 'validate-data',
    workspace,
    github: gh,
    token: TOKEN,
    repository: REPO,
    event,
    inputs: { 'report-dir': join(workspace, '..', `${workspace.split('/').pop()}-report`), ...inputs },
  });
}

const driftOf = async (r: RunResult) => JSON.parse(await readFile(r.outputs['result-json'], 'utf8')).drift as any[];
const contentsRequests = () => gh.requests.filter((q) => q.operationId === 'repos/get-content');

describe('validate-data drift against git:base', () => {
  it('shows drift for the shifted column only, reading the base from the local clone', async () => {
    const repo = await makeRepo({ [PATH]: shiftTempMax(SEATTLE, 8) });
    const before = contentsRequests().length;
    const r = await run(repo.dir, { data: PATH, schema: 'data/schema.yml', reference: 'git:base' }, prEvent(repo.base, repo.head));
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const drift = await driftOf(r);
    expect(drift.map((d) => d.column).sort()).toEqual(['precipitation', 'temp_max', 'temp_min', 'weather', 'wind']);
    expect(drift.filter((d) => d.drifted).map((d) => d.column)).toEqual(['temp_max']);
    for (const d of drift) expect(Object.keys(d)).toEqual(expect.arrayContaining(['column', 'method', 'statistic', 'threshold', 'drifted']));
    const result = JSON.parse(await readFile(r.outputs['result-json'], 'utf8'));
    expect(result.reference.files).toEqual([`${PATH}@main`]);
    expect(result.reference.rows).toBe(1461);
    expect(contentsRequests().length).toBe(before);
    expect(r.summary).toContain('Drift against data/seattle\\-weather\\.csv@&#8203;main (1,461 rows)');
  });

  it('shows no drift when the pull request leaves the data alone (another column edited in one row)', async () => {
    const lines = SEATTLE.split('\n');
    lines[10] = lines[10].replace(/,[a-z]+$/, ',sun');
    const repo = await makeRepo({ [PATH]: lines.join('\n') });
    const r = await run(repo.dir, { data: PATH, schema: 'data/schema.yml', reference: 'git:main' });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const drift = await driftOf(r);
    expect(drift.length).toBe(5);
    expect(drift.filter((d) => d.drifted)).toEqual([]);
  });

  it('without a schema, infers the columns to compare and still finds the shifted one', async () => {
    const repo = await makeRepo({ [PATH]: shiftTempMax(SEATTLE, 8) });
    const r = await run(repo.dir, { data: PATH, reference: `git:${repo.base}` });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect((await driftOf(r)).filter((d) => d.drifted).map((d) => d.column)).toEqual(['temp_max']);
  });

  it('in a shallow clone without the base, reads the base copy through the contents API', async () => {
    const repo = await makeRepo({ [PATH]: shiftTempMax(SEATTLE, 8) });
    const ws = await mkdtemp(join(tmpdir(), 'mlci-shallow-'));
    await git(tmpdir(), 'clone', '--quiet', '--depth', '1', '--branch', 'feature', `file://${repo.dir}`, ws);
    await expect(git(ws, 'cat-file', '-e', `${repo.base}^{commit}`)).rejects.toThrow();
    gh.addFile(REPO, repo.base, PATH, SEATTLE);
    const before = contentsRequests().length;
    const r = await run(ws, { data: PATH, schema: 'data/schema.yml', reference: 'git:base' }, prEvent(repo.base, repo.head));
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const asked = contentsRequests().slice(before);
    expect(asked).toHaveLength(1);
    expect(asked[0].query).toBe(`?ref=${repo.base}`);
    expect((await driftOf(r)).filter((d) => d.drifted).map((d) => d.column)).toEqual(['temp_max']);
  });

  it('a data file the base does not have gets a notice "no reference", not a failure', async () => {
    const repo = await makeRepo({ 'data/new.csv': SEATTLE });
    const r = await run(repo.dir, { data: 'data/new.csv', schema: 'data/schema.yml', reference: 'git:base' }, prEvent(repo.base, repo.head));
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.annotations).toContainEqual(expect.objectContaining({ level: 'notice', message: 'no reference for data/new.csv at main' }));
    expect(await driftOf(r)).toEqual([]);
    expect(r.summary).toContain('no reference for data/new\\.csv at main');
  });

  it('git:base on a push says there is no pull request base, and passes', async () => {
    const repo = await makeRepo({ [PATH]: shiftTempMax(SEATTLE, 8) });
    const r = await run(repo.dir, { data: PATH, schema: 'data/schema.yml', reference: 'git:base' }, { name: 'push', payload: {} });
    expect(r.code).toBe(0);
    expect(r.annotations.find((a) => a.level === 'notice')?.message).toContain('no reference: git:base names the base branch of a pull request');
  });

  it('refuses a ref that git would take for an option', async () => {
    const repo = await makeRepo({});
    const r = await run(repo.dir, { data: PATH, reference: 'git:--output=/tmp/x' });
    expect(r.code).toBe(1);
    expect(r.annotations[0].message).toContain('is not a git ref');
  });
});

describe('the contents API for files over 1 MB', () => {
  const raw = useGitHub({ repo: REPO, token: TOKEN });

  it('asks for the raw media type, since GitHub sends no inline content over 1 MB', async () => {
    // As GitHub answers: the bytes for the raw media type; over 1 MB, JSON without content otherwise.
    const big = SEATTLE + SEATTLE.split('\n').slice(1).join('\n').repeat(24);
    expect(big.length).toBeGreaterThan(1 << 20);
    const accepts: string[] = [];
    raw.route('GET', '/repos/{owner}/{repo}/contents/{path}', (req) => {
      const accept = String(req.headers.accept ?? '');
      accepts.push(accept);
      if (req.params.path !== PATH) return { status: 404, body: { message: 'Not Found', documentation_url: req.docs, status: '404' } };
      if (/vnd\.github(\.v3)?\.raw/.test(accept)) {
        return { status: 200, body: Buffer.from(big), headers: { 'content-type': 'application/vnd.github.raw+json; charset=utf-8' } };
      }
      return {
        status: 200,
        body: { type: 'file', encoding: 'none', size: big.length, name: 'seattle-weather.csv', path: PATH, content: '', sha: 'f'.repeat(40) },
      };
    });
    // 25 copies of each day: dates repeat, so `unique` goes.
    const repo = await makeRepo({ [PATH]: shiftTempMax(big, 8), 'data/schema.yml': SCHEMA.replace('unique: true, ', '') });
    const ws = await mkdtemp(join(tmpdir(), 'mlci-shallow-big-'));
    await git(tmpdir(), 'clone', '--quiet', '--depth', '1', '--branch', 'feature', `file://${repo.dir}`, ws);
    const r = await runAction({
      action: 'validate-data',
      workspace: ws,
      github: raw,
      token: TOKEN,
      repository: REPO,
      event: {
        name: 'pull_request',
        payload: pullRequestEvent({ owner: 'octo', repo: 'ml', number: 8, headSha: repo.head, baseSha: repo.base, apiUrl: raw.url }),
      },
      inputs: { data: PATH, schema: 'data/schema.yml', reference: 'git:base', 'report-dir': '.mlci-report' },
    });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(accepts).toEqual(['application/vnd.github.raw+json']);
    const result = JSON.parse(await readFile(r.outputs['result-json'], 'utf8'));
    expect(result.reference.rows).toBe(1461 * 25);
    expect(result.drift.filter((d: any) => d.drifted).map((d: any) => d.column)).toEqual(['temp_max']);
  });
});
