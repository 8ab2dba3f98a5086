export * from './change.js';
export * from './compare.js';
export * from './records.js';
