export * as input from './inputs.js';
export { annotate, fail, reportDir, runAction, workspace, type ActionSpec } from './run.js';
export { createApi } from './octokit.js';
export { eventContext } from './context.js';
export { uploadDirectory, downloadByName } from './artifacts.js';
export { actionsCache } from './cache.js';
export { writeSummary } from './summary.js';
// What train's adapter needs of @actions/core: a live log inside a group, outputs.
export { endGroup, info, setOutput, startGroup } from '@actions/core';
