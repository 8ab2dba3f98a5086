// The OCI destination of publish-model: a model pushed to any OCI registry as a CNCF ModelPack
// artifact (the spec version it writes is MODELPACK_SPEC_VERSION), and pulled back.
export { type OciReference, parseOciDestination } from './reference.js';
export { type PackagedFile, type ModelPackPush, type ModelPackResult, pushModelPack } from './push.js';
export { type ModelPackPull, type ModelPackPulled, pullModelPack } from './pull.js';
export { RegistryError } from './client.js';
export { ARTIFACT_TYPE, CONFIG_MEDIA_TYPE, MODELPACK_SPEC_COMMIT, MODELPACK_SPEC_VERSION, RAW_MEDIA_TYPES, fileKind } from './modelpack.js';
