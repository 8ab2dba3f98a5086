import { join } from 'node:path';

/**
 * The environment the Actions runner gives a step (GITHUB_*, RUNNER_*, the file-command files),
 * with this harness's defaults: the repository octo/ml, a push to main, run 4242 attempt 1, the
 * loopback address for the API. Plain JavaScript so that bench/bundles.mjs, which runs without a
 * build, sets up a step the same way test/support/runner.ts does.
 */
export function runnerEnvironment(o) {
  const repository = o.repository ?? 'octo/ml';
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/root',
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_TEMP: o.runnerTemp,
    RUNNER_TOOL_CACHE: join(o.runnerTemp, 'tool-cache'),
    GITHUB_WORKSPACE: o.workspace,
    GITHUB_REPOSITORY: repository,
    GITHUB_REPOSITORY_OWNER: repository.split('/')[0],
    GITHUB_EVENT_NAME: o.eventName ?? 'push',
    GITHUB_EVENT_PATH: o.eventPath,
    GITHUB_SHA: o.sha ?? 'f'.repeat(40),
    GITHUB_REF: 'refs/heads/main',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_NUMBER: '7',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'ml',
    GITHUB_ACTOR: 'octocat',
    GITHUB_WORKFLOW: 'ml',
    GITHUB_SERVER_URL: o.serverUrl ?? 'https://github.com',
    GITHUB_API_URL: o.apiUrl ?? 'http://127.0.0.1:9',
    GITHUB_GRAPHQL_URL: o.graphqlUrl ?? 'http://127.0.0.1:9/graphql',
    GITHUB_OUTPUT: o.commands.output,
    GITHUB_STEP_SUMMARY: o.commands.summary,
    GITHUB_ENV: o.commands.env,
    GITHUB_STATE: o.commands.state,
    GITHUB_PATH: o.commands.path,
  };
}
