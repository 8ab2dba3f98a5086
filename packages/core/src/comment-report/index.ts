export * from './deliver.js';
export * from './run.js';
