export * from './api.js';
export * from './checks.js';
export * from './comments.js';
export * from './identity.js';
export * from './publish-images.js';
export * from './target.js';
export * from './file-at-ref.js';
