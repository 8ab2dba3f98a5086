import { posix } from 'node:path';

/**
 * The CNCF ModelPack model-spec (github.com/modelpack/model-spec) as mlci writes it: the text of its
 * main branch at d78bf32 (2026-06-08), which is release v0.0.7 plus wording fixes and the config
 * schema's `datasetsURL`, `reward` and `languages`; the media types and annotation keys are those
 * of v0.0.7. The spec is pre-1.0 and renamed its prefix once (`cnai` → `cncf`): a change of version
 * is a change here, checked by the tests against the schema vendored from the same commit.
 */
export const MODELPACK_SPEC_VERSION = 'v0.0.7';
export const MODELPACK_SPEC_COMMIT = 'd78bf3231b4f26196c4a955e1007ccc47e19a77c';

export const ARTIFACT_TYPE = 'application/vnd.cncf.model.manifest.v1+json';
export const CONFIG_MEDIA_TYPE = 'application/vnd.cncf.model.config.v1+json';
export const MODELPACK_MEDIA_TYPE_PREFIX = 'application/vnd.cncf.model.';

/** The kinds of file the spec gives a layer media type; each written `.raw` (a file as it is, uncompressed). */
export type FileKind = 'weight' | 'weight.config' | 'code' | 'dataset' | 'doc';
export const rawMediaType = (kind: FileKind) => `application/vnd.cncf.model.${kind}.v1.raw`;
export const RAW_MEDIA_TYPES: readonly string[] = (['weight', 'weight.config', 'code', 'dataset', 'doc'] as const).map(rawMediaType);

export const ANNOTATION_FILEPATH = 'org.cncf.model.filepath';
export const ANNOTATION_FILE_METADATA = 'org.cncf.model.file.metadata+json';
export const ANNOTATION_UNTESTED = 'org.cncf.model.file.mediatype.untested';
/** The file name ORAS writes a layer to on `oras pull`. */
export const ANNOTATION_TITLE = 'org.opencontainers.image.title';

const WEIGHT_EXT = new Set(
  'safetensors bin pt pth ckpt onnx gguf ggml ggjt h5 hdf5 keras pb tflite lite pkl pickle joblib npy npz msgpack mlmodel mlpackage params pdparams pdmodel nemo caffemodel ubj xgb cbm lgb engine plan ot llamafile model'.split(
    ' ',
  ),
);
const WEIGHT_CONFIG_NAMES = new Set(['tokenizer.model', 'vocab.txt', 'merges.txt', 'vocab.json', 'spiece.model', 'sentencepiece.bpe.model', 'mlmodel']);
const WEIGHT_CONFIG_EXT = new Set('json yaml yml toml cfg ini conf tiktoken'.split(' '));
const CODE_EXT = new Set('py pyi ipynb sh bash r jl js mjs cjs ts go rs c cc cpp h hpp java scala kt swift rb lua pl sql'.split(' '));
const CODE_NAMES = new Set(['dockerfile', 'makefile', 'requirements.txt', 'pyproject.toml', 'setup.cfg', 'environment.yml', 'conda.yaml']);
const DATASET_EXT = new Set('csv tsv parquet jsonl ndjson arrow feather avro orc tfrecord tfrecords xlsx xls'.split(' '));
const DOC_EXT = new Set('md markdown rst txt pdf html htm adoc png jpg jpeg gif svg webp'.split(' '));
const DOC_NAMES = /^(?:readme|license|licence|notice|copying|authors|changelog|model[-_]?card|citation)(?:\..*)?$/i;

/**
 * The kind of a file in a model folder, read from its name: the spec names the kinds (weights, the
 * weights' configuration such as tokenizer.json, code, datasets, documentation) and leaves telling
 * them apart to the packager. A file none of the rules names is taken for weights: in a model
 * folder, an unknown binary is most likely the model. A kind read this way is marked with the
 * spec's "untested" annotation.
 */
export function fileKind(path: string): FileKind {
  const base = posix.basename(path).toLowerCase();
  const ext = base.includes('.') ? base.slice(base.lastIndexOf('.') + 1) : '';
  if (DOC_NAMES.test(base)) return 'doc';
  if (CODE_NAMES.has(base)) return 'code';
  if (WEIGHT_CONFIG_NAMES.has(base)) return 'weight.config';
  if (WEIGHT_EXT.has(ext)) return 'weight';
  if (CODE_EXT.has(ext)) return 'code';
  if (DATASET_EXT.has(ext)) return 'dataset';
  if (WEIGHT_CONFIG_EXT.has(ext)) return 'weight.config';
  if (DOC_EXT.has(ext)) return 'doc';
  return 'weight';
}

/** The model's `config.format`, when every weights file agrees on one the spec names (onnx, safetensors, gguf, pt). */
export function modelFormat(weightPaths: string[]): string | undefined {
  const formats = new Set(
    weightPaths.map((p) => {
      const ext = p.slice(p.lastIndexOf('.') + 1).toLowerCase();
      return ext === 'pth' ? 'pt' : ext;
    }),
  );
  const [only] = formats;
  return formats.size === 1 && ['onnx', 'safetensors', 'gguf', 'pt'].includes(only) ? only : undefined;
}

export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  annotations?: Record<string, string>;
}

export interface LayerFile {
  path: string;
  digest: string;
  size: number;
  mediaType: string;
  /** Whether the media type came from the name rules rather than from whoever packaged the file. */
  guessed: boolean;
  mode: number;
}

/**
 * The layer descriptor of one file. The metadata annotation carries constant owner and time (the
 * model's creation time), as the spec's reproducibility guidance asks of tar layers, so the same
 * files make the same manifest on any checkout; the mode keeps only whether the file is executable.
 */
export function layerDescriptor(f: LayerFile, createdAt: string): Descriptor {
  const metadata = { name: f.path, mode: f.mode & 0o111 ? 0o755 : 0o644, uid: 0, gid: 0, size: f.size, mtime: createdAt, typeflag: 48 };
  return {
    mediaType: f.mediaType,
    digest: f.digest,
    size: f.size,
    annotations: {
      [ANNOTATION_FILEPATH]: f.path,
      [ANNOTATION_FILE_METADATA]: JSON.stringify(metadata),
      [ANNOTATION_UNTESTED]: String(f.guessed),
      [ANNOTATION_TITLE]: f.path,
    },
  };
}

export interface ModelConfig {
  descriptor: { name: string; version: string; createdAt: string; revision?: string; sourceURL?: string };
  config: { format?: string };
  modelfs: { type: 'layers'; diffIds: string[] };
}

/** The config blob: descriptor, technical config, and `modelfs` with each layer's DiffID (a raw layer's digest is its DiffID: it is not compressed). */
export function modelConfig(o: { name: string; version: string; createdAt: string; layers: Descriptor[]; annotations?: Record<string, string> }): ModelConfig {
  const weights = o.layers.filter((l) => l.mediaType === rawMediaType('weight')).map((l) => l.annotations?.[ANNOTATION_FILEPATH] ?? '');
  const format = modelFormat(weights);
  const revision = o.annotations?.['org.opencontainers.image.revision'];
  const sourceURL = o.annotations?.['org.opencontainers.image.source'];
  return {
    descriptor: { name: o.name, version: o.version, createdAt: o.createdAt, ...(revision ? { revision } : {}), ...(sourceURL ? { sourceURL } : {}) },
    config: format ? { format } : {},
    modelfs: { type: 'layers', diffIds: o.layers.map((l) => l.digest) },
  };
}

export interface ImageManifest {
  schemaVersion: 2;
  mediaType: 'application/vnd.oci.image.manifest.v1+json';
  artifactType: typeof ARTIFACT_TYPE;
  config: Descriptor;
  layers: Descriptor[];
  annotations: Record<string, string>;
}

export function imageManifest(o: {
  config: Descriptor;
  layers: Descriptor[];
  name: string;
  version: string;
  createdAt: string;
  annotations?: Record<string, string>;
}): ImageManifest {
  return {
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    artifactType: ARTIFACT_TYPE,
    config: o.config,
    layers: o.layers,
    annotations: {
      'org.opencontainers.image.created': o.createdAt,
      'org.opencontainers.image.title': o.name,
      'org.opencontainers.image.version': o.version,
      ...o.annotations,
    },
  };
}
