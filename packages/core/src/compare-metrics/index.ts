export * from './compare.js';
export * from './run.js';
