import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { REPORT_FILES } from '../../../test/e2e/comment-report-support.js';
import { pullRequestEvent } from '../../../test/support/events/index.js';
import { startGitHubServer, type GitHubServer } from '../../../test/support/github/server.js';
import { runInProcess, type InProcessResult } from '../../../test/support/in-process.js';
import type { RunOptions } from '../../../test/support/runner.js';

/**
 * The adapter in-process (run(), with the runner's environment, against the loopback GitHub):
 * inputs and files it refuses, each with the input and the value, and its failing section. What
 * it posts, and how, is tested through the bundle in test/e2e/comment-report.test.ts.
 */

const REPO = 'octo/ml';
const TOKEN = 'ghs_installation_token_for_tests';
const BOT = 'github-actions[bot]';
const HEAD = 'a'.repeat(40);

let gh: GitHubServer;

function pr(number = 12) {
  return { name: 'pull_request', payload: pullRequestEvent({ owner: 'octo', repo: 'ml', number, headSha: HEAD, apiUrl: gh.url }) };
}

async function run(o: Partial<RunOptions> & { inputs?: Record<string, string> } = {}): Promise<InProcessResult> {
  const r = await runInProcess({
    action: 'comment-report',
    github: gh,
    token: TOKEN,
    repository: REPO,
    event: pr(),
    files: REPORT_FILES,
    ...o,
    inputs: { 'report-dir': '.mlci-report', markdown: 'report.md', ...o.inputs },
  });
  // The token never reaches the log: the runner consumes the `::add-mask::` line itself and
  // masks the value everywhere after it; no other line may carry it.
  const log = (r.stdout + r.stderr).split('\n').filter((l) => !l.startsWith('::add-mask::'));
  expect(log.join('\n')).not.toContain(o.token ?? TOKEN);
  return r;
}

beforeAll(async () => {
  gh = await startGitHubServer();
});
afterAll(async () => gh?.close());

beforeEach(() => {
  gh.addRepo(REPO);
  gh.addToken(TOKEN, { login: BOT, type: 'Bot', installation: true, write: true });
  gh.addPull(REPO, { number: 12, headSha: HEAD, headRef: 'feature', baseRef: 'main' });
});

afterEach(() => {
  expect(gh.violations).toEqual([]);
});

describe('bad input fails with the input and the value', () => {
  it('a markdown file that does not exist', async () => {
    const r = await run({ inputs: { markdown: 'nope/report.md' } });
    expect(r.code).not.toBe(0);
    const error = r.annotations.find((a) => a.level === 'error');
    expect(error?.message).toContain('"markdown"');
    expect(error?.message).toContain('nope/report.md');
  });

  it('a glob that matches nothing', async () => {
    const r = await run({ inputs: { markdown: 'reports/*.md' } });
    expect(r.code).not.toBe(0);
    expect(r.annotations.find((a) => a.level === 'error')?.message).toContain('reports/*.md');
  });

  it('a markdown file that is not text', async () => {
    const r = await run({ files: { ...REPORT_FILES, 'report.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]) } });
    expect(r.code).not.toBe(0);
    const error = r.annotations.find((a) => a.level === 'error');
    expect(error?.message).toMatch(/not a text file/);
    expect(error?.file).toMatch(/report\.md$/);
  });

  it('an unknown target', async () => {
    const r = await run({ inputs: { target: 'pull/12' } });
    expect(r.code).not.toBe(0);
    const error = r.annotations.find((a) => a.level === 'error');
    expect(error?.message).toContain('"target"');
    expect(error?.message).toContain('pull/12');
  });

  it('an unknown tests-fail-on and an unknown tests-baseline', async () => {
    const failOn = await run({ inputs: { tests: 'report.md', 'tests-fail-on': 'error' } });
    expect(failOn.code).not.toBe(0);
    expect(failOn.annotations.find((a) => a.level === 'error')?.message).toMatch(/tests-fail-on.*error/);
    const baseline = await run({ inputs: { tests: 'report.md', 'tests-baseline': 'base' } });
    expect(baseline.code).not.toBe(0);
    expect(baseline.annotations.find((a) => a.level === 'error')?.message).toContain('input "tests-baseline" has an unknown value "base"');
  });

  it('a broken section file names the file', async () => {
    const r = await run({ files: { ...REPORT_FILES, '.mlci-report/bad.section.json': '{"schema": ' } });
    expect(r.code).not.toBe(0);
    expect(r.annotations.find((a) => a.level === 'error')?.file).toMatch(/bad\.section\.json$/);
  });
});

describe('a failing comment-report keeps the failing-section contract', () => {
  it('when it cannot read its markdown, it leaves a fail section for the summary and the bundle', async () => {
    const r = await run({ event: pr(12), files: {}, inputs: { markdown: 'missing/report.md' } });
    expect(r.code).not.toBe(0);
    expect(r.annotations.filter((a) => a.level === 'error')).toHaveLength(1);
    const section = JSON.parse(await readFile(join(r.workspace, '.mlci-report', 'comment-report.section.json'), 'utf8'));
    expect(section.status).toBe('fail');
    expect(section.data.error.input).toBe('markdown');
    expect(r.summary).toMatch(/^### ❌ Report/m);
  });
});
