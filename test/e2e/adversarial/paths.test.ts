import { readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pullRequestEvent } from '../../support/events/index.js';
import { startGitHubServer, type GitHubServer } from '../../support/github/server.js';
import { mlci } from '../../support/cli.js';
import { runAction, type RunOptions } from '../../support/runner.js';
import { everythingShown, outsideWith, workspaceWith } from './support.js';

/**
 * A pull request controls the checkout, and a symlink in it can point anywhere. Every file an
 * action reads must resolve inside the workspace (or mlci's own temp folders) and never under
 * .git/; what it writes (infer-schema, the comment body) stays where it belongs. Each case runs
 * the dist bundle against the loopback GitHub and looks for the planted credentials everywhere.
 */

const REPO = 'octo/ml';
const TOKEN = 'ghs_paths_job_token_0123456789abcdef';
const PLANTED = 'planted-env-secret-5f0c1e2d';
const HEAD = 'a'.repeat(40);

let gh: GitHubServer;
beforeAll(async () => {
  gh = await startGitHubServer();
});
afterAll(async () => gh?.close());
beforeEach(() => {
  gh.addRepo(REPO);
  gh.addToken(TOKEN, { login: 'github-actions[bot]', type: 'Bot', installation: true, write: true });
  gh.addPull(REPO, { number: 5, headSha: HEAD, headRef: 'feature', baseRef: 'main' });
});
afterEach(() => {
  expect(gh.violations).toEqual([]);
});

const pr = () => ({ name: 'pull_request', payload: pullRequestEvent({ owner: 'octo', repo: 'ml', number: 5, headSha: HEAD, apiUrl: gh.url }) });

function run(action: string, o: Partial<RunOptions> & { inputs?: Record<string, string> }) {
  return runAction({ action, github: gh, token: TOKEN, repository: REPO, event: pr(), ...o, env: { MLCI_PLANTED: PLANTED, ...o.env } });
}

const posted = () => JSON.stringify([gh.comments(REPO, 5), gh.checkRuns(REPO)]);

describe('files that resolve outside the workspace', () => {
  it('refuses a data file symlinked to /proc/self/environ, and neither the token nor an env secret reaches the report or the comment', async () => {
    const ws = await workspaceWith({ 'data/schema.yml': 'columns:\n  a: { type: string }\n' }, { 'data/train.csv': '/proc/self/environ' });
    const v = await run('validate-data', { workspace: ws, inputs: { data: 'data/train.csv', schema: 'data/schema.yml', 'report-dir': '.mlci-report' } });
    expect(v.code).toBe(1);
    const error = v.annotations.find((a) => a.level === 'error');
    expect(error?.message).toContain('input "data": "data/train.csv" resolves outside the workspace');

    const c = await run('comment-report', { workspace: ws, inputs: { 'report-dir': '.mlci-report', 'check-run': 'mlci' } });
    expect(c.code, c.stdout + c.stderr).toBe(0);
    expect(gh.comments(REPO, 5)).toHaveLength(1);
    expect(gh.comments(REPO, 5)[0].body).toContain('resolves outside the workspace');
    for (const shown of [await everythingShown(v, [join(ws, '.mlci-report')]), await everythingShown(c), posted()]) {
      expect(shown).not.toContain(TOKEN);
      expect(shown).not.toContain(PLANTED);
    }
  });

  it('refuses params.yaml symlinked to gh hosts.yml and metrics.json symlinked to ~/.docker/config.json', async () => {
    const home = await outsideWith({
      '.config/gh/hosts.yml': 'github.com:\n  oauth_token: gho_planted_hosts_token\n  user: octocat\n',
      '.docker/config.json': '{"auths": {"ghcr.io": {"auth": "ZG9ja2VyOnBsYW50ZWQtZG9ja2VyLWF1dGg="}}}',
    });
    const ws = await workspaceWith(
      { 'scores.json': '{"auc": 0.9}' },
      {
        'params.yaml': join(home, '.config/gh/hosts.yml'),
        'metrics.json': join(home, '.docker/config.json'),
        '.mlci/gates.yml': join(home, '.config/gh/hosts.yml'),
      },
    );
    for (const [inputs, input, file] of [
      [{ metrics: 'scores.json', params: 'params.yaml' }, 'params', 'params.yaml'],
      [{ metrics: 'metrics.json' }, 'metrics', 'metrics.json'],
      [{ metrics: '*.json' }, 'metrics', 'metrics.json'],
      [{ metrics: 'scores.json', gates: '.mlci/gates.yml' }, 'gates', '.mlci/gates.yml'],
    ] as const) {
      const r = await run('compare-metrics', { workspace: ws, env: { HOME: home }, inputs: { ...inputs, baseline: 'none', 'report-dir': '.mlci-report' } });
      expect(r.code, r.stdout).toBe(1);
      expect(r.annotations.map((a) => a.message)).toContain(`input "${input}": "${file}" resolves outside the workspace; mlci reads only files inside it`);
      const shown = await everythingShown(r, [join(ws, '.mlci-report')]);
      expect(shown).not.toContain('gho_planted_hosts_token');
      expect(shown).not.toContain('ZG9ja2VyOnBsYW50ZWQtZG9ja2VyLWF1dGg=');
    }
  });

  it('refuses a schema symlinked outside the workspace', async () => {
    const home = await outsideWith({ '.config/gh/hosts.yml': 'github.com:\n  oauth_token: gho_planted_schema_token\n' });
    const ws = await workspaceWith({ 'data/x.csv': 'a\n1\n' }, { 'data/schema.yml': join(home, '.config/gh/hosts.yml') });
    const r = await run('validate-data', { workspace: ws, inputs: { data: 'data/x.csv', schema: 'data/schema.yml', 'report-dir': '.mlci-report' } });
    expect(r.code).toBe(1);
    expect(r.annotations.find((a) => a.level === 'error')?.message).toContain('input "schema": "data/schema.yml" resolves outside the workspace');
    expect(await everythingShown(r, [join(ws, '.mlci-report')])).not.toContain('gho_planted_schema_token');
  });

  it('never reads .git/ as an input: report.md symlinked to .git/config, which holds the checkout auth header', async () => {
    const header = 'AUTHORIZATION: basic eC1hY2Nlc3MtdG9rZW46Z2hzX2NoZWNrb3V0';
    const ws = await workspaceWith(
      { '.git/config': `[http "https://github.com/"]\n\textraheader = ${header}\n`, '.git/HEAD': 'ref: refs/heads/main\n' },
      { 'report.md': '.git/config' },
    );
    for (const markdown of ['report.md', '.git/config']) {
      const r = await run('comment-report', { workspace: ws, inputs: { markdown, 'report-dir': '.mlci-report' } });
      expect(r.code).toBe(1);
      expect(r.annotations.find((a) => a.level === 'error')?.message).toContain(`input "markdown": "${markdown}" lies under .git/`);
      expect(await everythingShown(r)).not.toContain(header);
    }
    expect(posted()).not.toContain(header);
  });

  it('publishes no markdown image symlinked outside the workspace, and refuses a glob that reaches out through a symlinked folder', async () => {
    const outside = await outsideWith({ 'secret.png': `\x89PNG\r\n\x1a\nplanted-image-bytes-${PLANTED}`, 'more/extra.md': `# ${PLANTED}\n` });
    const ws = await workspaceWith(
      { 'docs/report.md': '## Charts\n\n![roc](roc.png)\n' },
      { 'docs/roc.png': join(outside, 'secret.png'), 'docs/linked': join(outside, 'more') },
    );
    const globbed = await run('comment-report', { workspace: ws, inputs: { markdown: 'docs/**/*.md', 'report-dir': '.mlci-report' } });
    expect(globbed.code).toBe(1);
    expect(globbed.annotations.find((a) => a.level === 'error')?.message).toContain('input "markdown": "docs/linked/extra.md" resolves outside the workspace');
    expect(await everythingShown(globbed)).not.toContain(PLANTED);

    const r = await run('comment-report', { workspace: ws, inputs: { markdown: 'docs/report.md', 'report-dir': '.mlci-report' } });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const comment = gh.comments(REPO, 5).at(-1)!;
    expect(comment.body).toContain('_image not published: roc_');
    // Nothing was written to the repository for the image: no blob, no tree, no commit.
    expect(gh.requests.filter((q) => q.method === 'POST' && q.path.includes('/git/'))).toEqual([]);
    expect(await everythingShown(r)).not.toContain(PLANTED);
    expect(posted()).not.toContain(PLANTED);
  });
});

describe('values that name files', () => {
  it('refuses an id that would write the comment body outside the runner temp', async () => {
    const ws = await workspaceWith({ 'report.md': '# hello\n' });
    const before = gh.comments(REPO, 5).length;
    const r = await run('comment-report', { workspace: ws, inputs: { markdown: 'report.md', id: '../../../mlci-escaped', 'report-dir': '.mlci-report' } });
    expect(r.code).toBe(1);
    expect(r.annotations.find((a) => a.level === 'error')?.message).toMatch(/^input "id" must be 1 to 100 letters.*not "\.\.\/\.\.\/\.\.\/mlci-escaped"/);
    expect(await stat(join(r.runnerTemp, '../../../mlci-escaped.md')).catch(() => undefined)).toBeUndefined();
    expect(await stat(join(r.runnerTemp, 'mlci-comment-../../../mlci-escaped.md')).catch(() => undefined)).toBeUndefined();
    expect(gh.comments(REPO, 5)).toHaveLength(before);
  });
});

describe('infer-schema', () => {
  const DATA = 'a,b\n1,x\n2,y\n';
  const validate = (ws: string, inputs: Record<string, string>) =>
    run('validate-data', { workspace: ws, inputs: { data: 'data/x.csv', 'report-dir': '.mlci-report', ...inputs } });

  it('never writes over the data, the schema in use, .git/ or a path outside the workspace, however spelled', async () => {
    const outside = await outsideWith({ 'keep.yml': 'mine: true\n' });
    const ws = await workspaceWith(
      { 'data/x.csv': DATA, 'data/schema.yml': 'columns:\n  a: { type: integer }\n', '.git/HEAD': 'ref: refs/heads/main\n', 'notes.yml': 'mine: true\n' },
      { 'out/link.yml': '../data/x.csv', 'out/schema-link.yml': '../data/schema.yml', 'out/away.yml': join(outside, 'keep.yml') },
    );
    const cases: Array<[Record<string, string>, string]> = [
      [{ 'infer-schema': 'data/x.csv' }, 'is the data being validated (data/x.csv)'],
      [{ 'infer-schema': './data/../data/x.csv' }, 'is the data being validated (data/x.csv)'],
      [{ 'infer-schema': 'out/link.yml' }, 'is the data being validated (data/x.csv)'],
      [{ schema: 'data/schema.yml', 'infer-schema': 'out/schema-link.yml' }, 'is the schema in use'],
      [{ 'infer-schema': '.git/HEAD' }, 'lies under .git/, where mlci never writes'],
      [{ 'infer-schema': '../escaped-schema.yml' }, 'resolves outside the workspace; mlci writes only inside it'],
      [{ 'infer-schema': 'out/away.yml' }, 'resolves outside the workspace; mlci writes only inside it'],
      [{ 'infer-schema': 'notes.yml' }, 'exists and mlci did not write it'],
    ];
    for (const [inputs, why] of cases) {
      const r = await validate(ws, inputs);
      expect(r.code, JSON.stringify(inputs)).toBe(1);
      expect(r.annotations.find((a) => a.level === 'error')?.message).toContain(why);
    }
    expect(await readFile(join(ws, 'data/x.csv'), 'utf8')).toBe(DATA);
    expect(await readFile(join(ws, 'data/schema.yml'), 'utf8')).toBe('columns:\n  a: { type: integer }\n');
    expect(await readFile(join(ws, '.git/HEAD'), 'utf8')).toBe('ref: refs/heads/main\n');
    expect(await readFile(join(ws, 'notes.yml'), 'utf8')).toBe('mine: true\n');
    expect(await readFile(join(outside, 'keep.yml'), 'utf8')).toBe('mine: true\n');
    expect(await stat(join(ws, '../escaped-schema.yml')).catch(() => undefined)).toBeUndefined();
  });

  it('writes a new schema with its header, and replaces only a file that carries it', async () => {
    const ws = await workspaceWith({ 'data/x.csv': DATA });
    const first = await validate(ws, { 'infer-schema': 'data/inferred.yml' });
    expect(first.code, first.stdout + first.stderr).toBe(0);
    const written = await readFile(join(ws, 'data/inferred.yml'), 'utf8');
    expect(written.split('\n')[0]).toMatch(/^# Written by mlci \(infer-schema\)/);
    await readFile(join(ws, 'data/x.csv'), 'utf8').then((t) => expect(t).toBe(DATA));
    const again = await validate(ws, { data: 'data/x.csv', 'infer-schema': 'data/inferred.yml' });
    expect(again.code, again.stdout + again.stderr).toBe(0);
  });
});

describe('brace globs in list inputs', () => {
  it('validates every file of data/*.{csv,tsv} and of a comma list that holds one', async () => {
    const ws = await workspaceWith({ 'data/a.csv': 'n\n1\n2\n', 'data/b.tsv': 'n\n3\n', 'data/c.json': '[{"n": 4}]', 'data/skip.txt': 'n\n9\n' });
    const braces = await run('validate-data', { workspace: ws, inputs: { data: 'data/*.{csv,tsv}', 'report-dir': '.mlci-report' } });
    expect(braces.code, braces.stdout + braces.stderr).toBe(0);
    expect(braces.outputs.rows).toBe('3');
    const listed = await run('validate-data', { workspace: ws, inputs: { data: 'data/a.csv, data/*.{tsv,json}', 'report-dir': '.mlci-report' } });
    expect(listed.code, listed.stdout + listed.stderr).toBe(0);
    expect(listed.outputs.rows).toBe('4');
  });
});

describe('brace globs in the CLI', () => {
  it('mlci validate --data "data/*.{csv,tsv}" reads both files', async () => {
    const ws = await workspaceWith({ 'data/a.csv': 'n\n1\n2\n', 'data/b.tsv': 'n\n3\n', 'data/c.json': '[{"n": 4}]' });
    const r = await mlci(['validate', '--data', 'data/*.{csv,tsv},data/c.json'], { cwd: ws, env: { PATH: process.env.PATH ?? '', HOME: tmpdir() } });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout + r.stderr).toContain('4 rows');
  });
});
