export * from './diff.js';
export * from './direction.js';
export * from './flatten.js';
export * from './format.js';
export * from './gates.js';
export * from './load.js';
export * from './markdown.js';
export * from './parse.js';
