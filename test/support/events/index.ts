export { pullRequestEvent, pushEvent, workflowRunEvent } from './payloads.js';
export type { PullRequestEventOptions, PushEventOptions, WorkflowRunEventOptions } from './payloads.js';
export { validateEvent, webhookNames } from './validate.js';
