export * from './count.js';
export * from './escape.js';
export * from './failure.js';
export * from './marker.js';
export * from './mentions.js';
export * from './run-identity.js';
export * from './section.js';
export * from './train-record.js';
