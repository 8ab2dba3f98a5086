import type { PackagedFile } from '../model/package.js';

/**
 * The OCI client (`../oci/`, @mlci/core/oci) as publish-model calls it. It loads only when an
 * `oci:` destination is named: a registry client has no place in a run that publishes elsewhere.
 */
export interface OciReference {
  registry: string;
  repository: string;
  plainHttp: boolean;
}

export interface ModelPackPush {
  reference: OciReference;
  tag: string;
  name: string;
  version: string;
  files: PackagedFile[];
  card?: PackagedFile;
  manifestFile?: PackagedFile;
  createdAt: string;
  annotations?: Record<string, string>;
  credentials?: { username?: string; password?: string };
  signal?: AbortSignal;
}

export interface ModelPackResult {
  digest: string;
  ref: string;
  tagRef: string;
  blobsPushed: number;
  blobsSkipped: number;
  bytesPushed: number;
}

export interface OciClient {
  parseOciDestination(spec: string): OciReference;
  pushModelPack(o: ModelPackPush): Promise<ModelPackResult>;
}

export async function loadOci(): Promise<OciClient> {
  // The oci capability is written beside this one and may land after it: @ts-expect-error would
  // fail the build the day it lands, so the check is switched off instead (drop both then).
  // biome-ignore lint/suspicious/noTsIgnore: see above
  // @ts-ignore
  return (await import('../oci/index.js')) as OciClient;
}
