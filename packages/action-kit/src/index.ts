// What an action adapter needs, and nothing heavy: artifacts and the cache are subpaths of their
// own (`@mlci/action-kit/artifacts`, `@mlci/action-kit/cache`), so a bundle that never uses them
// does not hold them.
export * as input from './inputs.js';
export { annotate, fail, reportDir, runAction, runnerTemp, stepTempDir, workspace, writeStepFile, type ActionSpec } from './run.js';
export { log, setOutputs } from './outputs.js';
export { createApi } from './octokit.js';
export { eventContext } from './context.js';
export { writeSummary } from './summary.js';
// What train's adapter needs of @actions/core: a live log inside a group, outputs.
export { endGroup, info, setOutput, startGroup } from '@actions/core';
