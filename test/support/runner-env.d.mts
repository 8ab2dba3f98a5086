export interface RunnerEnvironmentOptions {
  workspace: string;
  runnerTemp: string;
  eventPath: string;
  /** The file-command files: GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_ENV, GITHUB_STATE, GITHUB_PATH. */
  commands: { output: string; summary: string; env: string; state: string; path: string };
  repository?: string;
  eventName?: string;
  sha?: string;
  serverUrl?: string;
  apiUrl?: string;
  graphqlUrl?: string;
}

export function runnerEnvironment(o: RunnerEnvironmentOptions): Record<string, string>;
