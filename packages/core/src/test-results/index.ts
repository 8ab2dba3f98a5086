export * from './diff.js';
export * from './junit.js';
export * from './location.js';
export * from './model.js';
export * from './read.js';
export * from './section.js';
export * from './tap.js';
