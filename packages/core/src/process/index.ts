export * from './job-env.js';
