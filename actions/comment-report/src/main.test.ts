import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commentReportStep, REPORT_FILES } from '../../../test/e2e/comment-report-support.js';
import { pullRequestEvent } from '../../../test/support/events/index.js';
import { useGitHub } from '../../../test/support/loopback.js';
import { runInProcess } from '../../../test/support/in-process.js';

/**
 * The adapter in-process (run(), with the runner's environment, against the loopback GitHub):
 * inputs and files it refuses, each with the input and the value, and its failing section. What
 * it posts, and how, is tested through the bundle in test/e2e/comment-report.test.ts.
 */

const REPO = 'octo/ml';
const TOKEN = 'ghs_installation_token_for_tests';
const BOT = 'github-actions[bot]';
const HEAD = 'a'.repeat(40);

// Every run here fails before it posts: one repository for the file is enough.
const gh = useGitHub({ repo: REPO, token: TOKEN, login: BOT, write: true, pull: { number: 12, headSha: HEAD, headRef: 'feature', baseRef: 'main' } });

function pr(number = 12) {
  return { name: 'pull_request', payload: pullRequestEvent({ owner: 'octo', repo: 'ml', number, headSha: HEAD, apiUrl: gh.url }) };
}

const run = commentReportStep(runInProcess, () => ({ github: gh, token: TOKEN, repository: REPO, event: pr() }));

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
