export * from './compare.js';
export * from './run.js';
export * from './train-defaults.js';
