export * from './age.js';
export * from './entry.js';
export * from './rank.js';
export * from './store.js';
export * from './trend.js';
