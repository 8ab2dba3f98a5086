// train's use case: what the action and `mlci train` call.
export { parseMinutes, runTraining, type TrainLog, type TrainOptions, type TrainResult } from './run.js';
export { trainSectionId } from './section.js';
export { folderCache } from './local-cache.js';
export { KEY_PREFIX, runCacheKey } from './key.js';
export type { RunCache, RunOrigin } from './entry.js';
export { parseCostPerMinute } from './cost.js';
export { parseCostBaseline } from './cost-baseline.js';
