import { readFile } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { git, MODEL_FILES, modelRepo } from '../../../../test/e2e/publish-model-support.js';
import { UserError } from '../errors.js';
import type { ModelPackPush, OciClient, OciReference } from './oci.js';
import { publishModel, type PublishRequest } from './publish.js';

/**
 * The `oci:` destination's dispatch, against an in-memory stand-in for the OCI client (the real
 * client and its registry tests live in ../oci/): what publish-model hands it, what it does with
 * the answer, and a push that fails after the tags.
 */
function fakeOci(o: { fail?: string } = {}): OciClient & { pushes: ModelPackPush[] } {
  const pushes: ModelPackPush[] = [];
  return {
    pushes,
    parseOciDestination(spec: string): OciReference {
      const m = /^oci:([^/]+)\/(.+)$/.exec(spec);
      if (!m) throw new UserError(`input "destinations": "${spec}" is not oci:<host>/<repository>`, { input: 'destinations' });
      return { registry: m[1], repository: m[2], plainHttp: m[1].startsWith('127.0.0.1') };
    },
    async pushModelPack(p) {
      pushes.push(p);
      if (o.fail) throw new Error(o.fail);
      return {
        digest: `sha256:${'d'.repeat(64)}`,
        ref: `${p.reference.registry}/${p.reference.repository}@sha256:${'d'.repeat(64)}`,
        tagRef: `${p.reference.registry}/${p.reference.repository}:${p.tag}`,
        blobsPushed: p.files.length + 3,
        blobsSkipped: 0,
        bytesPushed: 1,
      };
    },
  };
}

async function request(oci: OciClient, more: Partial<PublishRequest> = {}): Promise<{ req: PublishRequest; origin: string }> {
  const repo = await modelRepo(MODEL_FILES);
  const req: PublishRequest = {
    workspace: repo.workspace,
    reportDir: join(repo.workspace, '.mlci-report'),
    tempDir: await mkdtemp(join(tmpdir(), 'mlci-temp-')),
    name: 'churn-model',
    path: 'model',
    version: 'auto',
    bump: 'patch',
    destinations: ['oci:127.0.0.1:5000/octo/churn-model'],
    verifyRuns: 1,
    metrics: ['metrics.json'],
    params: [],
    dryRun: false,
    services: { oci: async () => oci },
    ...more,
  };
  return { req, origin: repo.origin };
}

describe('the oci: destination', () => {
  it('pushes the package files, the card and the manifest, tagged with the version, and answers the digest', async () => {
    const oci = fakeOci();
    const { req } = await request(oci);
    const r = await publishModel(req);
    expect(r.failure).toBeUndefined();
    expect(r.ociDigest).toBe(`sha256:${'d'.repeat(64)}`);
    expect(r.ociRef).toContain('127.0.0.1:5000/octo/churn-model@sha256:');
    expect(oci.pushes).toHaveLength(1);
    const p = oci.pushes[0];
    expect(p).toMatchObject({
      reference: { registry: '127.0.0.1:5000', repository: 'octo/churn-model', plainHttp: true },
      tag: 'v0.0.1',
      name: 'churn-model',
      version: 'v0.0.1',
    });
    expect(p.files.map((f) => f.path)).toEqual(['config.json', 'tokenizer/vocab.txt', 'weights.bin']);
    expect(p.card?.path).toBe('README.md');
    expect(await readFile(p.manifestFile!.absolutePath, 'utf8')).toContain('"sha256"');
    expect(p.annotations?.['org.opencontainers.image.revision']).toBe(await git(req.workspace, ['rev-parse', 'HEAD']));
    const card = await readFile(r.cardPath, 'utf8');
    expect(card).toContain('oras pull 127.0.0.1:5000/octo/churn-model:v0.0.1 --plain-http');
  });

  it('a refused destination stops before anything is tagged', async () => {
    const oci = fakeOci();
    const { req } = await request(oci, { destinations: ['oci:nohost'] });
    await expect(publishModel(req)).rejects.toThrow(/input "destinations"/);
    expect(await git(req.workspace, ['tag', '--list'])).toBe('');
    expect(oci.pushes).toEqual([]);
  });

  it('a push failing after the tags: the failure says what was published, the outputs keep the version', async () => {
    const oci = fakeOci({ fail: 'registry answered 500' });
    const { req } = await request(oci);
    const r = await publishModel(req);
    expect(r.failure).toMatch(/oci:127.0.0.1:5000\/octo\/churn-model: registry answered 500/);
    expect(r.failure).toMatch(/published: nothing but the git tags/);
    expect(r.outcomes).toEqual([expect.objectContaining({ status: 'failed' })]);
    expect(await git(req.workspace, ['ls-remote', '--tags', 'origin'])).toContain('churn-model@v0.0.1');
    const section = JSON.parse(await readFile(r.sectionPath, 'utf8'));
    expect(section.status).toBe('fail');
    expect(section.markdown).toContain('Not published: `oci:127.0.0.1:5000/octo/churn-model`');
  });
});
