import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isUserError } from '@mlci/core/errors';
import { type OciReference, type PackagedFile, parseOciDestination, pullModelPack, pushModelPack, RAW_MEDIA_TYPES } from '@mlci/core/oci';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { registryMissing, TEST_PASSWORD, TEST_USER, useRegistry } from '../support/registry.js';

// The OCI destination of publish-model against a real registry (Debian's docker-registry, CNCF
// distribution 2.8) on loopback: what goes up comes back byte for byte by digest, in the shape the
// ModelPack spec gives, without sending a blob twice, in chunks when large, through the registry's
// own authentication.

const skip = registryMissing();
if (skip) console.warn(skip);

const addFormats: (ajv: Ajv2020) => unknown = (formatsModule as any).default ?? formatsModule;
const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'modelpack');
const MB = 1_000_000;

async function sha256File(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path)) h.update(chunk);
  return h.digest('hex');
}

async function packaged(root: string, path: string): Promise<PackagedFile> {
  const absolutePath = join(root, path);
  return { path, absolutePath, size: (await stat(absolutePath)).size, sha256: await sha256File(absolutePath) };
}

/** A model folder as publish-model packages it: weights, their config, code, a data sample; a card and a lineage manifest beside. */
async function modelFolder(extra: Record<string, Buffer | string> = {}) {
  const root = await mkdtemp(join(tmpdir(), 'mlci-oci-model-'));
  const contents: Record<string, Buffer | string> = {
    'model.onnx': randomBytes(300_000),
    'tokenizer.json': JSON.stringify({ vocab: { a: 1, b: 2 } }),
    'src/predict.py': 'import sys\nprint(sys.argv)\n',
    'data/sample.csv': 'x,y\n1,2\n3,4\n',
    ...extra,
  };
  for (const [p, c] of Object.entries(contents)) {
    await mkdir(dirname(join(root, p)), { recursive: true });
    await writeFile(join(root, p), c);
  }
  const side = await mkdtemp(join(tmpdir(), 'mlci-oci-side-'));
  await writeFile(join(side, 'README.md'), '---\nlicense: mit\n---\n# churn-model\n');
  await writeFile(join(side, 'mlci-manifest.json'), JSON.stringify({ commit: 'abc123', files: Object.keys(contents) }));
  return {
    root,
    files: await Promise.all(Object.keys(contents).map((p) => packaged(root, p))),
    card: await packaged(side, 'README.md'),
    manifestFile: await packaged(side, 'mlci-manifest.json'),
  };
}

const push = (reference: OciReference, m: Awaited<ReturnType<typeof modelFolder>>, more: Partial<Parameters<typeof pushModelPack>[0]> = {}) =>
  pushModelPack({ reference, tag: 'v1.2.0', name: 'churn-model', version: '1.2.0', createdAt: '2026-12-01T10:00:00Z', ...m, ...more });

async function getJson(url: string, accept?: string): Promise<{ bytes: Buffer; json: any }> {
  const res = await fetch(url, { headers: accept ? { accept } : {} });
  expect(res.status, url).toBe(200);
  const bytes = Buffer.from(await res.arrayBuffer());
  return { bytes, json: JSON.parse(bytes.toString('utf8')) };
}

describe.skipIf(!!skip)('the OCI destination against a loopback registry', () => {
  const registry = useRegistry();
  const ref = (repo: string) => parseOciDestination(`oci:${registry.current().host}/${repo}`);

  it('pushes a model and pulls it back by digest byte for byte', async () => {
    const m = await modelFolder();
    const reference = ref('team/churn-model');
    expect(reference.plainHttp).toBe(true);
    const pushed = await push(reference, m, { annotations: { 'org.opencontainers.image.revision': 'abc123' } });
    expect(pushed.ref).toBe(`${registry.current().host}/team/churn-model@${pushed.digest}`);
    expect(pushed.tagRef).toBe(`${registry.current().host}/team/churn-model:v1.2.0`);
    // 6 files and the config
    expect(pushed).toMatchObject({ blobsPushed: 7, blobsSkipped: 0 });

    const manifest = await getJson(`${registry.current().url}/v2/team/churn-model/manifests/${pushed.digest}`, 'application/vnd.oci.image.manifest.v1+json');
    expect(`sha256:${createHash('sha256').update(manifest.bytes).digest('hex')}`).toBe(pushed.digest);
    const byTag = await getJson(`${registry.current().url}/v2/team/churn-model/manifests/v1.2.0`, 'application/vnd.oci.image.manifest.v1+json');
    expect(byTag.bytes.equals(manifest.bytes)).toBe(true);
    expect(pushed.bytesPushed).toBe(manifest.json.config.size + [...m.files, m.card, m.manifestFile].reduce((n, f) => n + f.size, 0));

    const into = await mkdtemp(join(tmpdir(), 'mlci-oci-pulled-'));
    const pulled = await pullModelPack({ reference, digestOrTag: pushed.digest, into });
    expect(pulled.digest).toBe(pushed.digest);
    expect([...pulled.files].sort()).toEqual(['README.md', 'data/sample.csv', 'mlci-manifest.json', 'model.onnx', 'src/predict.py', 'tokenizer.json']);
    for (const f of [...m.files, m.card, m.manifestFile]) {
      expect((await readFile(join(into, f.path))).equals(await readFile(f.absolutePath)), f.path).toBe(true);
    }
  });

  it('writes what the ModelPack spec asks: its artifact and media types, a config valid against its schema, file paths on every layer', async () => {
    const m = await modelFolder({ 'features.bin': randomBytes(64) });
    // the packager's word on a kind is taken when it is a ModelPack type; a release asset's type is not
    m.files.find((f) => f.path === 'features.bin')!.mediaType = 'application/vnd.cncf.model.dataset.v1.raw';
    m.card.mediaType = 'text/markdown';
    const pushed = await push(ref('team/spec-check'), m);
    const base = `${registry.current().url}/v2/team/spec-check`;
    const { json: manifest } = await getJson(`${base}/manifests/${pushed.digest}`, 'application/vnd.oci.image.manifest.v1+json');

    // docs/spec.md: the manifest
    expect(manifest.schemaVersion).toBe(2);
    expect(manifest.mediaType).toBe('application/vnd.oci.image.manifest.v1+json');
    expect(manifest.artifactType).toBe('application/vnd.cncf.model.manifest.v1+json');
    expect(manifest.config.mediaType).toBe('application/vnd.cncf.model.config.v1+json');
    const kinds = Object.fromEntries(manifest.layers.map((l: any) => [l.annotations['org.cncf.model.filepath'], l.mediaType]));
    expect(kinds).toEqual({
      'data/sample.csv': 'application/vnd.cncf.model.dataset.v1.raw',
      'features.bin': 'application/vnd.cncf.model.dataset.v1.raw',
      'model.onnx': 'application/vnd.cncf.model.weight.v1.raw',
      'src/predict.py': 'application/vnd.cncf.model.code.v1.raw',
      'tokenizer.json': 'application/vnd.cncf.model.weight.config.v1.raw',
      'README.md': 'application/vnd.cncf.model.doc.v1.raw',
      'mlci-manifest.json': 'application/vnd.cncf.model.doc.v1.raw',
    });
    const untested = Object.fromEntries(
      manifest.layers.map((l: any) => [l.annotations['org.cncf.model.filepath'], l.annotations['org.cncf.model.file.mediatype.untested']]),
    );
    expect(untested).toMatchObject({ 'model.onnx': 'true', 'features.bin': 'false', 'README.md': 'false', 'mlci-manifest.json': 'false' });
    for (const layer of manifest.layers) {
      expect(RAW_MEDIA_TYPES).toContain(layer.mediaType);
      expect(layer.annotations['org.opencontainers.image.title']).toBe(layer.annotations['org.cncf.model.filepath']);
      const meta = JSON.parse(layer.annotations['org.cncf.model.file.metadata+json']);
      expect(meta).toMatchObject({ name: layer.annotations['org.cncf.model.filepath'], size: layer.size, uid: 0, gid: 0, typeflag: 48 });
      const file = [...m.files, m.card, m.manifestFile].find((f) => f.path === layer.annotations['org.cncf.model.filepath'])!;
      expect(layer.digest).toBe(`sha256:${file.sha256}`);
      expect(layer.size).toBe(file.size);
    }

    // docs/config.md and schema/config-schema.json: the config blob
    const config = await getJson(`${base}/blobs/${manifest.config.digest}`);
    expect(config.bytes.length).toBe(manifest.config.size);
    expect(`sha256:${createHash('sha256').update(config.bytes).digest('hex')}`).toBe(manifest.config.digest);
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(await readFile(join(fixtures, 'config-schema.json'), 'utf8')));
    expect(validate(config.json), JSON.stringify(validate.errors)).toBe(true);
    expect(config.json.descriptor).toMatchObject({ name: 'churn-model', version: '1.2.0', createdAt: '2026-12-01T10:00:00Z' });
    expect(config.json.config.format).toBe('onnx');
    expect(config.json.modelfs).toEqual({ type: 'layers', diffIds: manifest.layers.map((l: any) => l.digest) });
    // the schema is not a rubber stamp: it refuses a config without modelfs
    expect(validate({ descriptor: config.json.descriptor, config: {} })).toBe(false);
  });

  it('sends no blob a second time: a re-run pushes only the manifest and gets the same digest', async () => {
    const m = await modelFolder();
    const reference = ref('team/rerun');
    const first = await push(reference, m);
    const before = registry.current().requests().length;
    const second = await push(reference, m);
    expect(second).toMatchObject({ digest: first.digest, blobsPushed: 0, blobsSkipped: first.blobsPushed, bytesPushed: 0 });
    const since = registry.current().requests().slice(before);
    expect(since.filter((r) => r.path.includes('/blobs/uploads/'))).toEqual([]);
    expect(since.filter((r) => r.method === 'HEAD' && r.status === 200)).toHaveLength(first.blobsPushed);
    expect(since.filter((r) => r.method === 'PUT').map((r) => r.path)).toEqual(['/v2/team/rerun/manifests/v1.2.0']);
  });

  it('uploads a 40 MB file in chunks (POST, PATCHes with Content-Range, PUT with the digest) and a small one in one PUT', async () => {
    const root = await mkdtemp(join(tmpdir(), 'mlci-oci-big-'));
    const big = join(root, 'weights.safetensors');
    const out = createWriteStream(big);
    for (let i = 0; i < 40; i++) if (!out.write(randomBytes(MB))) await new Promise<void>((r) => out.once('drain', () => r()));
    await new Promise<void>((r) => out.end(() => r()));
    await writeFile(join(root, 'config.json'), '{"hidden": 8}');
    const files = [await packaged(root, 'weights.safetensors'), await packaged(root, 'config.json')];
    const before = registry.current().requests().length;
    const pushed = await pushModelPack({ reference: ref('team/big'), tag: 'v2.0.0', name: 'big', version: '2.0.0', createdAt: '2026-12-01T10:00:00Z', files });
    const since = registry.current().requests().slice(before);
    const MiB16 = 16 * 1024 * 1024;
    // three chunks of at most 16 MiB for 40 MB; the two small blobs (config.json, the config) go in one PUT each
    expect(since.filter((r) => r.method === 'PATCH' && r.status === 202)).toHaveLength(Math.ceil((40 * MB) / MiB16));
    expect(since.filter((r) => r.method === 'POST' && r.status === 202)).toHaveLength(3);
    expect(since.filter((r) => r.method === 'PUT' && r.path.includes('/blobs/uploads/') && r.status === 201)).toHaveLength(3);
    expect(pushed.bytesPushed).toBeGreaterThan(40 * MB);

    const into = await mkdtemp(join(tmpdir(), 'mlci-oci-big-pulled-'));
    await pullModelPack({ reference: ref('team/big'), digestOrTag: 'v2.0.0', into });
    expect(await sha256File(join(into, 'weights.safetensors'))).toBe(files[0].sha256);
    expect(await readFile(join(into, 'config.json'), 'utf8')).toBe('{"hidden": 8}');
  });

  it('refuses a pulled file whose bytes do not match its digest, and leaves nothing in its place', async () => {
    const m = await modelFolder();
    const pushed = await push(ref('team/rot'), m);
    // the registry's own copy goes bad on disk (same size, one byte off)
    const onnx = m.files.find((f) => f.path === 'model.onnx')!;
    const data = join(registry.current().storage, 'docker/registry/v2/blobs/sha256', onnx.sha256.slice(0, 2), onnx.sha256, 'data');
    const bytes = await readFile(data);
    bytes[1000] ^= 0xff;
    await writeFile(data, bytes);
    const into = await mkdtemp(join(tmpdir(), 'mlci-oci-rot-'));
    await expect(pullModelPack({ reference: ref('team/rot'), digestOrTag: pushed.digest, into })).rejects.toThrow(
      `blob sha256:${onnx.sha256} came back as sha256:`,
    );
    await expect(stat(join(into, 'model.onnx'))).rejects.toThrow(/ENOENT/);
    await expect(stat(join(into, 'model.onnx.mlci-partial'))).rejects.toThrow(/ENOENT/);
  });

  it('refuses a pull whose layers would leave the folder', async () => {
    const m = await modelFolder();
    const pushed = await push(ref('team/evil'), m);
    const base = `${registry.current().url}/v2/team/evil`;
    const { json: manifest } = await getJson(`${base}/manifests/${pushed.digest}`, 'application/vnd.oci.image.manifest.v1+json');
    manifest.layers[0].annotations['org.cncf.model.filepath'] = '../escaped.csv';
    const put = await fetch(`${base}/manifests/evil`, { method: 'PUT', headers: { 'content-type': manifest.mediaType }, body: JSON.stringify(manifest) });
    expect(put.status).toBe(201);
    const into = join(await mkdtemp(join(tmpdir(), 'mlci-oci-evil-')), 'model');
    await expect(pullModelPack({ reference: ref('team/evil'), digestOrTag: 'evil', into })).rejects.toThrow(/not a relative path inside the model/);
    await expect(stat(join(into, '..', 'escaped.csv'))).rejects.toThrow(/ENOENT/);
  });
});

describe.skipIf(!!skip)('the OCI destination through a registry token service (Bearer challenge)', () => {
  const registry = useRegistry({ auth: 'token' });
  const ref = (repo: string) => parseOciDestination(`oci:${registry.current().host}/${repo}`);

  it('gets a token with the push scope from the realm the registry names, with Basic credentials, and pushes', async () => {
    const m = await modelFolder();
    const pushed = await push(ref('org/secured'), m, { credentials: { username: TEST_USER, password: TEST_PASSWORD } });
    expect(pushed.blobsPushed).toBe(7);
    const asked = registry.current().tokenRequests.filter((t) => t.granted);
    expect(asked.length).toBeGreaterThan(0);
    expect(asked[0].service).toBe('mlci-test-registry');
    expect(asked[0].scopes).toContain('repository:org/secured:pull,push');
    // anonymous first: the registry's challenge came before any credentials were sent
    const first = registry
      .current()
      .requests()
      .find((r) => r.path.startsWith('/v2/org/secured/'));
    expect(first).toMatchObject({ method: 'HEAD', status: 401 });
    expect(asked.every((t) => t.authenticated)).toBe(true);

    const into = await mkdtemp(join(tmpdir(), 'mlci-oci-secured-'));
    const pulled = await pullModelPack({
      reference: ref('org/secured'),
      digestOrTag: pushed.digest,
      into,
      credentials: { username: TEST_USER, password: TEST_PASSWORD },
    });
    expect(pulled.files).toHaveLength(6);
  });

  it('says the credentials were refused, naming the input and never the password', async () => {
    const m = await modelFolder();
    const wrong = 'not-the-password-XYZZY';
    const err = await push(ref('org/secured'), m, { credentials: { username: TEST_USER, password: wrong } }).catch((e) => e);
    expect(isUserError(err)).toBe(true);
    expect(err.input).toBe('registry-password');
    expect(err.message).toMatch(/refused the credentials/);
    expect(JSON.stringify({ message: err.message, stack: err.stack, cause: String(err.cause) })).not.toContain(wrong);
    expect(err.message).not.toContain(Buffer.from(`${TEST_USER}:${wrong}`).toString('base64'));
  });

  it('says credentials are wanted when none were given', async () => {
    const err = await push(ref('org/secured'), await modelFolder()).catch((e) => e);
    expect(isUserError(err)).toBe(true);
    expect(err.message).toMatch(/wants credentials .*registry-username and registry-password/);
  });
});

describe.skipIf(!!skip)('the OCI destination through Basic auth (htpasswd)', () => {
  const registry = useRegistry({ auth: 'htpasswd' });
  const ref = (repo: string) => parseOciDestination(`oci:${registry.current().host}/${repo}`);

  it('answers the Basic challenge and pushes; a wrong password is a clear error without the password', async () => {
    const m = await modelFolder();
    const pushed = await push(ref('org/basic'), m, { credentials: { username: TEST_USER, password: TEST_PASSWORD } });
    expect(pushed.blobsPushed).toBe(7);
    const wrong = 'hunter2-wrong';
    const err = await push(ref('org/basic'), m, { credentials: { username: TEST_USER, password: wrong } }).catch((e) => e);
    expect(isUserError(err)).toBe(true);
    expect(err.input).toBe('registry-password');
    expect(`${err.message}\n${err.stack}`).not.toContain(wrong);
  });
});
