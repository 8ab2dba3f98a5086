import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectCi, repoOfUrl } from './ci-env.js';

const SHA = 'ab'.repeat(20);

describe('detectCi', () => {
  it('GitHub Actions: the repository, and the pull request and its head from the event', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mlci-event-'));
    const event = join(dir, 'event.json');
    writeFileSync(event, JSON.stringify({ pull_request: { number: 4, head: { sha: SHA } } }));
    expect(detectCi({ GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: 'o/r', GITHUB_EVENT_PATH: event, GITHUB_SHA: 'f'.repeat(40) })).toMatchObject({
      ci: 'GitHub Actions',
      repo: 'o/r',
      pr: 4,
      sha: SHA,
    });
  });

  it('Jenkins with GitHub Branch Source: CHANGE_ID, GIT_COMMIT, GIT_URL; a branch build has no pull request', () => {
    expect(detectCi({ JENKINS_URL: 'https://j/', CHANGE_ID: '12', GIT_COMMIT: SHA, GIT_URL: 'https://github.com/o/r.git' })).toMatchObject({
      ci: 'Jenkins',
      repo: 'o/r',
      pr: 12,
      sha: SHA,
    });
    expect(detectCi({ JENKINS_URL: 'https://j/', GIT_COMMIT: SHA, GIT_URL: 'git@github.com:o/r.git' })).toMatchObject({
      ci: 'Jenkins',
      repo: 'o/r',
      pr: undefined,
    });
    expect(detectCi({ JENKINS_URL: 'https://j/', CHANGE_ID: 'PR-12' }).pr).toBeUndefined();
  });

  it('GitLab CI (an external GitHub pull request), Buildkite, CircleCI, and none', () => {
    expect(
      detectCi({ GITLAB_CI: 'true', CI_EXTERNAL_PULL_REQUEST_IID: '3', CI_EXTERNAL_PULL_REQUEST_TARGET_REPOSITORY: 'o/r', CI_COMMIT_SHA: SHA }),
    ).toMatchObject({ ci: 'GitLab CI', repo: 'o/r', pr: 3, sha: SHA });
    expect(detectCi({ BUILDKITE: 'true', BUILDKITE_REPO: 'git@github.com:o/r.git', BUILDKITE_PULL_REQUEST: 'false', BUILDKITE_COMMIT: SHA })).toMatchObject({
      ci: 'Buildkite',
      repo: 'o/r',
      pr: undefined,
    });
    expect(detectCi({ CIRCLECI: 'true', CIRCLE_REPOSITORY_URL: 'git@github.com:o/r.git', CIRCLE_PULL_REQUEST: 'https://github.com/o/r/pull/9' })).toMatchObject(
      {
        ci: 'CircleCI',
        repo: 'o/r',
        pr: 9,
      },
    );
    expect(detectCi({ PATH: '/bin' })).toEqual({ ci: 'none', from: [] });
  });
});

describe('repoOfUrl', () => {
  it.each([
    ['https://github.com/o/r.git', 'o/r'],
    ['https://ghe.example/o/r', 'o/r'],
    ['git@github.com:o/my.repo.git', 'o/my.repo'],
    ['https://github.com/o/r/pull/12', 'o/r'],
    ['https://github.com/o', undefined],
    ['not a url', undefined],
  ])('%s is %s', (url, repo) => expect(repoOfUrl(url)).toBe(repo));
});
