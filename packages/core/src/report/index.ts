export * from './bundle.js';
export * from './compose.js';
export * from './fit.js';
export * from './html.js';
export * from './images.js';
export * from './load.js';
export * from './scrub.js';
export * from './step-summary.js';
