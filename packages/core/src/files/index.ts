export * from './archive.js';
export * from './contained.js';
export * from './globs.js';
export * from './lenient-json.js';
export * from './lists.js';
export * from './names.js';
export * from './own-file.js';
export * from './yaml.js';
