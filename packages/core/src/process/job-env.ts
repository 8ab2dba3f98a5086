/**
 * What the runner gives an action but not a `run:` step: its inputs (the github-token and
 * registry-password among them), the results and cache services' token and URLs, its saved state.
 * A command mlci runs for the user (train's `run`, publish-model's `verify`) gets the job's
 * environment, as a `run:` step would, never the action's.
 */
const ACTION_ONLY = /^(INPUT_.*|ACTIONS_RUNTIME_TOKEN|ACTIONS_RUNTIME_URL|ACTIONS_RESULTS_URL|ACTIONS_CACHE_URL|ACTIONS_CACHE_SERVICE_V2|STATE_.*)$/;

export function jobEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([k]) => !ACTION_ONLY.test(k)));
}
