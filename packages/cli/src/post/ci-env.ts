import { readFileSync } from 'node:fs';

/** What the CI's environment says about where a report belongs. */
export interface Detected {
  /** The CI system, as the log names it; `none` on a laptop. */
  ci: 'GitHub Actions' | 'Jenkins' | 'GitLab CI' | 'Buildkite' | 'CircleCI' | 'none';
  /** `owner/name` on GitHub. */
  repo?: string;
  pr?: number;
  sha?: string;
  /** Which variables said so, for the log. */
  from: string[];
}

/**
 * The GitHub repository, pull request and commit from the variables each CI system sets. Each
 * CI names them its own way; none of their values is a secret, so the log shows where each came
 * from. A variable that is set but unreadable (`CHANGE_ID=abc`) is left out, never guessed.
 */
export function detectCi(env: NodeJS.ProcessEnv): Detected {
  if (env.GITHUB_ACTIONS === 'true') {
    const event = readEvent(env.GITHUB_EVENT_PATH);
    const pull = event?.pull_request ?? (event?.issue?.pull_request ? event.issue : undefined);
    return {
      ci: 'GitHub Actions',
      repo: env.GITHUB_REPOSITORY,
      pr: number(pull?.number),
      sha: event?.pull_request?.head?.sha ?? env.GITHUB_SHA,
      from: ['GITHUB_REPOSITORY', ...(pull ? ['GITHUB_EVENT_PATH'] : []), 'GITHUB_SHA'],
    };
  }
  if (env.JENKINS_URL || env.JENKINS_HOME || (env.BUILD_URL && env.CHANGE_ID !== undefined)) {
    // GitHub Branch Source: CHANGE_ID is the pull request's number on a PR build; GIT_URL the clone URL.
    return {
      ci: 'Jenkins',
      repo: repoOfUrl(env.CHANGE_URL) ?? repoOfUrl(env.GIT_URL),
      pr: number(env.CHANGE_ID),
      sha: env.GIT_COMMIT,
      from: ['GIT_URL', 'CHANGE_ID', 'GIT_COMMIT'],
    };
  }
  if (env.GITLAB_CI === 'true') {
    // A GitHub repository built by GitLab CI ("CI/CD for external repositories").
    return {
      ci: 'GitLab CI',
      repo: env.CI_EXTERNAL_PULL_REQUEST_TARGET_REPOSITORY,
      pr: number(env.CI_EXTERNAL_PULL_REQUEST_IID),
      sha: env.CI_EXTERNAL_PULL_REQUEST_SOURCE_BRANCH_SHA ?? env.CI_COMMIT_SHA,
      from: ['CI_EXTERNAL_PULL_REQUEST_TARGET_REPOSITORY', 'CI_EXTERNAL_PULL_REQUEST_IID', 'CI_COMMIT_SHA'],
    };
  }
  if (env.BUILDKITE === 'true') {
    return {
      ci: 'Buildkite',
      repo: repoOfUrl(env.BUILDKITE_REPO),
      pr: number(env.BUILDKITE_PULL_REQUEST),
      sha: env.BUILDKITE_COMMIT,
      from: ['BUILDKITE_REPO', 'BUILDKITE_PULL_REQUEST', 'BUILDKITE_COMMIT'],
    };
  }
  if (env.CIRCLECI === 'true') {
    const user = env.CIRCLE_PROJECT_USERNAME;
    const name = env.CIRCLE_PROJECT_REPONAME;
    return {
      ci: 'CircleCI',
      repo: user && name ? `${user}/${name}` : repoOfUrl(env.CIRCLE_REPOSITORY_URL),
      pr: number(env.CIRCLE_PR_NUMBER) ?? number(/\/pull\/(\d+)$/.exec(env.CIRCLE_PULL_REQUEST ?? '')?.[1]),
      sha: env.CIRCLE_SHA1,
      from: ['CIRCLE_PROJECT_USERNAME', 'CIRCLE_PROJECT_REPONAME', 'CIRCLE_PULL_REQUEST', 'CIRCLE_SHA1'],
    };
  }
  return { ci: 'none', from: [] };
}

/** `owner/name` of a GitHub clone or web URL: `https://HOST/o/r.git`, `git@HOST:o/r.git`, `.../o/r/pull/12`. */
export function repoOfUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const path = /^[\w.-]+@[\w.-]+:(.+)$/.exec(url)?.[1] ?? safePath(url);
  const m = /^\/?([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+?)(?:\.git)?(?:\/pull\/\d+)?\/?$/.exec(path ?? '');
  return m ? `${m[1]}/${m[2]}` : undefined;
}

function safePath(url: string): string | undefined {
  try {
    return new URL(url).pathname;
  } catch {
    return undefined;
  }
}

function number(v: unknown): number | undefined {
  const s = String(v ?? '');
  return /^[1-9][0-9]*$/.test(s) ? Number(s) : undefined;
}

function readEvent(path: string | undefined): any {
  if (!path) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}
