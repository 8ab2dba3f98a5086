import type { ModelPackPush, ModelPackResult, OciReference } from '../oci/index.js';

export type { ModelPackPush, ModelPackResult, OciReference };

/**
 * The OCI client (@mlci/core/oci) as publish-model calls it: an interface, so a unit test of the
 * dispatch can stand in for it. The client loads only when an `oci:` destination is named: a
 * registry client has no place in a run that publishes elsewhere.
 */
export interface OciClient {
  parseOciDestination(spec: string): OciReference;
  pushModelPack(o: ModelPackPush): Promise<ModelPackResult>;
}

export async function loadOci(): Promise<OciClient> {
  return import('../oci/index.js');
}
