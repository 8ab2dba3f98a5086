export * from './plan.js';
export * from './registry.js';
export * from './tag.js';
export * from './versions.js';
