export * from './destinations.js';
export type { ModelPackPush, ModelPackResult, OciClient, OciReference } from './oci.js';
export * from './publish.js';
export * from './section.js';
export * from './verify.js';
