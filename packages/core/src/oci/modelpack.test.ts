import { describe, expect, it } from 'vitest';
import { fileKind, layerDescriptor, modelFormat } from './modelpack.js';

describe('fileKind', () => {
  it.each([
    ['model.safetensors', 'weight'],
    ['sub/model-00001-of-00002.safetensors', 'weight'],
    ['model.onnx', 'weight'],
    ['model.pkl', 'weight'],
    ['xgb.model', 'weight'],
    ['unknown-blob', 'weight'],
    ['config.json', 'weight.config'],
    ['tokenizer.model', 'weight.config'],
    ['merges.txt', 'weight.config'],
    ['params.yaml', 'weight.config'],
    ['MLmodel', 'weight.config'],
    ['predict.py', 'code'],
    ['requirements.txt', 'code'],
    ['Dockerfile', 'code'],
    ['data/test.parquet', 'dataset'],
    ['sample.csv', 'dataset'],
    ['README.md', 'doc'],
    ['LICENSE', 'doc'],
    ['notes.txt', 'doc'],
    ['plots/roc.png', 'doc'],
  ])('%s is %s', (path, kind) => {
    expect(fileKind(path)).toBe(kind);
  });
});

describe('modelFormat', () => {
  it('names the format only when every weights file agrees on one the spec knows', () => {
    expect(modelFormat(['a.safetensors', 'b.safetensors'])).toBe('safetensors');
    expect(modelFormat(['m.pth'])).toBe('pt');
    expect(modelFormat(['a.safetensors', 'b.bin'])).toBeUndefined();
    expect(modelFormat(['model.pkl'])).toBeUndefined();
    expect(modelFormat([])).toBeUndefined();
  });
});

describe('layerDescriptor', () => {
  it('is the same for the same file whatever its owner, time or umask: only the executable bit is kept', () => {
    const f = { path: 'bin/run.sh', digest: `sha256:${'a'.repeat(64)}`, size: 3, mediaType: 'application/vnd.cncf.model.code.v1.raw', guessed: true };
    const a = layerDescriptor({ ...f, mode: 0o100775 }, '2026-01-01T00:00:00Z');
    const b = layerDescriptor({ ...f, mode: 0o100700 }, '2026-01-01T00:00:00Z');
    expect(a).toEqual(b);
    expect(JSON.parse(a.annotations!['org.cncf.model.file.metadata+json'])).toEqual({
      name: 'bin/run.sh',
      mode: 0o755,
      uid: 0,
      gid: 0,
      size: 3,
      mtime: '2026-01-01T00:00:00Z',
      typeflag: 48,
    });
    expect(JSON.parse(layerDescriptor({ ...f, mode: 0o100600 }, '2026-01-01T00:00:00Z').annotations!['org.cncf.model.file.metadata+json']).mode).toBe(0o644);
  });
});
