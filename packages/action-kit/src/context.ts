import { readFileSync } from 'node:fs';
import type { EventContext } from '@mlci/core/forge';

/**
 * The run's context, read from the runner's environment when called (not at import time, as
 * @actions/github's `context` does, so tests and the CLI can set the environment first).
 */
export function eventContext(env: NodeJS.ProcessEnv = process.env): EventContext & { runId?: number; runUrl?: string; serverUrl: string } {
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
  let payload: unknown = {};
  if (env.GITHUB_EVENT_PATH) {
    try {
      payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8'));
    } catch {
      payload = {};
    }
  }
  const serverUrl = (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/+$/, '');
  const runUrl = env.GITHUB_RUN_ID ? `${serverUrl}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}` : undefined;
  const runId = Number(env.GITHUB_RUN_ID) || undefined;
  return { eventName: env.GITHUB_EVENT_NAME ?? '', payload, sha: env.GITHUB_SHA ?? '', repo: { owner, repo }, runId, runUrl, serverUrl };
}
