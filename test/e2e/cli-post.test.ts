import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mlci } from '../support/cli.js';
import { pullRequestEvent } from '../support/events/index.js';
import { startGitLabServer } from '../support/gitlab/server.js';
import { useGitHub } from '../support/loopback.js';

/**
 * `mlci report --post` from other CI systems against the loopback GitHub (which checks every
 * request against GitHub's description): the same sticky comment as comment-report, the
 * detection in the log, and the refusals that post nothing.
 */

const REPO = 'octo/ml';
const TOKEN = 'ghp_cli_token_for_tests_0123456789';
const HEAD = 'c'.repeat(40);
const gh = useGitHub({ repo: REPO, token: TOKEN, login: 'mlci-bot', write: true, pull: { number: 7, headSha: HEAD, headRef: 'feature', baseRef: 'main' } });
// GitHub Enterprise Server lays its API out under /api/v3 (GraphQL under /api/graphql).
const ghes = useGitHub({
  prefix: '/api/v3',
  serverUrl: 'https://ghe.example',
  repo: REPO,
  token: TOKEN,
  login: 'mlci-bot',
  write: true,
  pull: { number: 3, headSha: HEAD, headRef: 'feature', baseRef: 'main' },
});

async function project(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'mlci-post-'));
  await writeFile(join(dir, 'notes.md'), '## Notes\n\nThe numbers moved.\n');
  return dir;
}

const base = (extra: Record<string, string> = {}) => ({ PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root', GITHUB_API_URL: gh.url, ...extra });
const jenkins = (extra: Record<string, string> = {}) =>
  base({
    JENKINS_URL: 'https://jenkins.example/',
    BUILD_TAG: 'jenkins-ml-PR-7-1',
    CHANGE_ID: '7',
    GIT_COMMIT: HEAD,
    GIT_URL: 'https://github.com/octo/ml.git',
    GITHUB_TOKEN: TOKEN,
    ...extra,
  });

async function report(cwd: string, env: Record<string, string>, more: string[] = []) {
  const r = await mlci(['report', '--report-dir', 'rep', '--markdown', 'notes.md', '--out', 'out', '--post', ...more], { cwd, env });
  expect(r.stdout + r.stderr).not.toContain(TOKEN);
  return r;
}

describe('mlci report --post', () => {
  it('from a Jenkins-shaped environment: detected, posted once, then updated in place with a check run', async () => {
    const cwd = await project();
    const first = await report(cwd, jenkins({ BUILD_TAG: 'jenkins-ml-PR-7-1' }));
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toContain(`detected Jenkins: repo ${REPO}, pull request #7, commit ${HEAD.slice(0, 12)}`);
    for (const n of [2, 3]) {
      // The third build merged the PR with main first: GIT_COMMIT is that merge, which GitHub never saw.
      const merged: Record<string, string> = n === 3 ? { GIT_COMMIT: 'b'.repeat(40) } : {};
      const again = await report(cwd, jenkins({ BUILD_TAG: `jenkins-ml-PR-7-${n}`, ...merged }), n === 3 ? ['--check-run', 'mlci'] : []);
      expect(again.code, again.stderr).toBe(0);
      if (n === 3) expect(again.stderr).toContain(`the pull request's head is ${HEAD.slice(0, 12)}, not bbbbbbbbbbbb: the check run goes on its head`);
    }
    const comments = gh.comments(REPO, 7);
    expect(comments).toHaveLength(1);
    expect(comments[0].body).toContain('<!-- mlci-report id="mlci" -->');
    expect(comments[0].body).toContain('The numbers moved.');
    expect(gh.checkRuns(REPO).map((c) => [c.name, c.head_sha])).toEqual([['mlci', HEAD]]);
  });

  it('--repo, --pr and a --token-file on a laptop; a comment by someone else is left alone', async () => {
    const cwd = await project();
    gh.addPull(REPO, { number: 8, headSha: HEAD, headRef: 'other', baseRef: 'main' });
    gh.addComment(REPO, 8, '<!-- mlci-report id="mlci" -->\nnot ours', 'someone');
    await writeFile(join(cwd, 'token'), `${TOKEN}\n`);
    const r = await report(cwd, base(), ['--repo', REPO, '--pr', '8', '--token-file', 'token']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('no CI detected');
    const bodies = gh.comments(REPO, 8).map((c) => c.body);
    expect(bodies).toHaveLength(2);
    expect(bodies[0]).toContain('not ours');
  });

  it('--replace-cml true turns the comment CML posted as the bot into the report, and the next run updates it', async () => {
    const cwd = await project();
    gh.addPull(REPO, { number: 9, headSha: HEAD, headRef: 'cml', baseRef: 'main' });
    const cmlBody = `## Metrics\n\n| acc | 0.91 |\n\n![](https://cml.dev/watermark.png#${HEAD} "CML watermark")`;
    const cml = gh.addComment(REPO, 9, cmlBody, 'mlci-bot');
    await writeFile(join(cwd, 'token'), `${TOKEN}\n`);
    const flags = ['--repo', REPO, '--pr', '9', '--token-file', 'token', '--replace-cml', 'true'];
    for (const run of [1, 2]) {
      const r = await report(cwd, base(), flags);
      expect(r.code, `run ${run}: ${r.stderr}`).toBe(0);
      const comments = gh.comments(REPO, 9);
      expect(comments.map((c) => c.id)).toEqual([cml.id]);
      expect(comments[0].body?.split('\n')[0]).toBe('<!-- mlci-report id="mlci" -->');
      expect(comments[0].body).toContain('The numbers moved.');
    }
  });

  it('GitHub Enterprise through --api-url, the PR from Buildkite', async () => {
    const cwd = await project();
    const env = base({
      BUILDKITE: 'true',
      BUILDKITE_REPO: 'git@ghe.example:octo/ml.git',
      BUILDKITE_PULL_REQUEST: '3',
      BUILDKITE_COMMIT: HEAD,
      GITHUB_TOKEN: TOKEN,
    });
    delete (env as Record<string, string>).GITHUB_API_URL;
    expect(ghes.url).toMatch(/\/api\/v3$/);
    const r = await report(cwd, env, ['--api-url', ghes.url]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('detected Buildkite: repo octo/ml, pull request #3');
    expect(ghes.comments(REPO, 3)).toHaveLength(1);
    expect(r.stdout).toContain('posted https://ghe.example/octo/ml/pull/3#issuecomment-');
    expect(gh.comments(REPO, 3)).toHaveLength(0);
  });

  it('CircleCI: the PR from CIRCLE_PULL_REQUEST', async () => {
    const cwd = await project();
    gh.addPull(REPO, { number: 10, headSha: HEAD, headRef: 'cc', baseRef: 'main' });
    const env = base({
      CIRCLECI: 'true',
      CIRCLE_PROJECT_USERNAME: 'octo',
      CIRCLE_PROJECT_REPONAME: 'ml',
      CIRCLE_PULL_REQUEST: 'https://github.com/octo/ml/pull/10',
      CIRCLE_SHA1: HEAD,
      GITHUB_TOKEN: TOKEN,
    });
    const r = await report(cwd, env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('detected CircleCI: repo octo/ml, pull request #10');
    expect(gh.comments(REPO, 10)).toHaveLength(1);
  });

  it('a missing token, an unknown repo, a pull request that does not exist: exit 2, a clear error, nothing posted', async () => {
    const cwd = await project();
    const before = gh.requests.filter((r) => r.method !== 'GET').length;
    const noToken = await report(cwd, jenkins({ GITHUB_TOKEN: '' }));
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toContain('--post needs a token: set GITHUB_TOKEN or give --token-file FILE');
    const unknownRepo = await report(cwd, jenkins({ GIT_URL: 'https://github.com/octo/nope.git' }));
    expect(unknownRepo.code).toBe(2);
    expect(unknownRepo.stderr).toContain('repository octo/nope not found');
    const noPull = await report(cwd, jenkins({ CHANGE_ID: '404' }));
    expect(noPull.code).toBe(2);
    expect(noPull.stderr).toContain('pull request #404 does not exist in octo/ml');
    const wrongToken = await report(cwd, jenkins({ GITHUB_TOKEN: 'ghp_wrong_token_0123456789' }));
    expect(wrongToken.code).toBe(2);
    expect(wrongToken.stdout + wrongToken.stderr).not.toContain('ghp_wrong_token_0123456789');
    expect(gh.requests.filter((r) => r.method !== 'GET').length).toBe(before);
  });

  it('GitHub Actions: the pull request from the event (a step that runs the CLI instead of the action)', async () => {
    const cwd = await project();
    gh.addPull(REPO, { number: 11, headSha: HEAD, headRef: 'gha', baseRef: 'main' });
    const event = join(cwd, 'event.json');
    await writeFile(event, JSON.stringify(pullRequestEvent({ owner: 'octo', repo: 'ml', number: 11, headSha: HEAD, apiUrl: gh.url })));
    const env = base({ GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: REPO, GITHUB_EVENT_PATH: event, GITHUB_SHA: 'e'.repeat(40), GITHUB_TOKEN: TOKEN });
    const r = await report(cwd, env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`detected GitHub Actions: repo ${REPO}, pull request #11, commit ${HEAD.slice(0, 12)}`);
    expect(gh.comments(REPO, 11)).toHaveLength(1);
  });

  it("a GitLab merge request note is fitted to GitLab's limit (1,000,000 characters), not GitHub's, and a cut names GitLab", async () => {
    const gl = await startGitLabServer();
    try {
      const glToken = 'glpat-limit-0123456789';
      const bot = gl.addUser('mlci-bot', { token: glToken });
      const pid = gl.addProject('acme/churn', { members: [bot] });
      gl.addMergeRequest(pid, 5);
      const env = base({ GITLAB_CI: 'true', CI_MERGE_REQUEST_IID: '5', CI_PROJECT_ID: String(pid), CI_API_V4_URL: gl.apiUrl, GITLAB_TOKEN: glToken });
      const cwd = await project();
      // 200,000 characters: three times GitHub's limit, a fifth of GitLab's.
      const line = (i: number) => `- row ${String(i).padStart(6, '0')} ${'x'.repeat(40)}`;
      await writeFile(join(cwd, 'notes.md'), `## Notes\n\n${Array.from({ length: 4000 }, (_, i) => line(i)).join('\n')}\n`);
      const r = await report(cwd, env);
      expect(r.code, r.stderr).toBe(0);
      const [note] = gl.notes(pid, 5);
      expect(note.body.length).toBeGreaterThan(200_000);
      expect(note.body).toContain(line(3999));
      expect(note.body).not.toContain('Cut to fit');
      // 1,200,000 characters: cut, and the note says whose limit it was.
      await writeFile(join(cwd, 'notes.md'), `## Notes\n\n${Array.from({ length: 24_000 }, (_, i) => line(i)).join('\n')}\n`);
      const cut = await report(cwd, env);
      expect(cut.code, cut.stderr).toBe(0);
      expect(cut.stdout).toContain('cut to fit GitLab limits');
      const notes = gl.notes(pid, 5);
      expect(notes).toHaveLength(1);
      expect(notes[0].body.length).toBeLessThanOrEqual(1_000_000);
      expect(notes[0].body.length).toBeGreaterThan(900_000);
      expect(notes[0].body).toContain("Cut to fit GitLab's limit");
      expect(notes[0].body).not.toContain("GitHub's limit");
      expect(gl.violations).toEqual([]);
    } finally {
      await gl.close();
    }
  });

  it('--sha without a pull request comments on the commit; --dry-run true posts nothing and needs no token', async () => {
    const cwd = await project();
    const sha = 'f0'.repeat(20);
    const r = await report(cwd, base({ GITHUB_TOKEN: TOKEN }), ['--repo', REPO, '--sha', sha]);
    expect(r.code, r.stderr).toBe(0);
    expect(gh.commitComments(REPO, sha).map((c) => c.body?.split('\n')[0])).toEqual(['<!-- mlci-report id="mlci" -->']);
    const writes = gh.requests.filter((x) => x.method !== 'GET').length;
    const dry = await report(cwd, base(), ['--repo', REPO, '--pr', '7', '--dry-run', 'true']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stderr).toContain('dry run: nothing posted');
    expect(gh.requests.filter((x) => x.method !== 'GET').length).toBe(writes);
  });

  it('a GitHub that never answers: each attempt times out (MLCI_HTTP_TIMEOUT_MS), is retried, then a clear error', async () => {
    const cwd = await project();
    gh.hang('/repos/octo/ml', 1);
    const once = await report(cwd, jenkins({ MLCI_HTTP_TIMEOUT_MS: '300' }));
    expect(once.code, once.stderr).toBe(0);
    gh.hang('/repos/octo/ml', 10);
    const r = await report(cwd, jenkins({ MLCI_HTTP_TIMEOUT_MS: '300' }));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: --post: GitHub did not answer GET http:\/\/127\.0\.0\.1:\d+\/repos\/octo\/ml within 300 ms$/m);
  });

  it('a token on the command line is refused as an unknown flag', async () => {
    const cwd = await project();
    const r = await mlci(['report', '--post', '--token', TOKEN], { cwd, env: base() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown option --token/);
  });
});
