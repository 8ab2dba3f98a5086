export * from './deliver.js';
