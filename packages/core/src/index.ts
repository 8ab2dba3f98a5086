export * from './errors.js';
export * from './report/section.js';
