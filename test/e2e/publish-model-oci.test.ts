import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseOciDestination, pullModelPack } from '@mlci/core/oci';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { pushEvent } from '../support/events/index.js';
import { useGitHub } from '../support/loopback.js';
import { registryMissing, useRegistry } from '../support/registry.js';
import { runAction } from '../support/runner.js';
import { git, MODEL_FILES, modelRepo } from './publish-model-support.js';

/**
 * publish-model's `oci:` destination through the bundle, to a real registry on loopback (Debian's
 * docker-registry): the package comes back by the digest the step answered, byte for byte, as a
 * ModelPack artifact whose config the spec's schema accepts; a re-run sends no blob again. The
 * release goes first: when the registry is gone, the section says the release was published and
 * the OCI push was not, and a re-run completes it.
 */
const skip = registryMissing();
if (skip) console.warn(skip);
const addFormats: (ajv: Ajv2020) => unknown = (formatsModule as any).default ?? formatsModule;
const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'modelpack');

const REPO = 'octo/oci';
const TOKEN = 'ghs_publish_oci';
const gh = useGitHub({ repo: REPO, token: TOKEN, write: true });
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe.skipIf(!!skip)('publish-model to an OCI registry', () => {
  const registry = useRegistry();

  it('pushed with the version as tag, pulled back by digest byte for byte, the config valid ModelPack; a re-run sends nothing again', async () => {
    const repo = await modelRepo(MODEL_FILES);
    const sha = await git(repo.workspace, ['rev-parse', 'HEAD']);
    const destination = `oci:${registry.current().host}/octo/churn-model`;
    const publish = () =>
      runAction({
        action: 'publish-model',
        workspace: repo.workspace,
        github: gh,
        token: TOKEN,
        repository: REPO,
        sha,
        event: { name: 'push', payload: pushEvent({ owner: 'octo', repo: 'oci', after: sha, before: '0'.repeat(40) }) },
        inputs: { name: 'churn-model', path: 'model', destinations: `release, ${destination}`, metrics: 'metrics.json', 'report-dir': '.mlci-report' },
      });
    const r = await publish();
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.outputs['oci-digest']).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(r.outputs['oci-ref']).toBe(`${registry.current().host}/octo/churn-model@${r.outputs['oci-digest']}`);

    // By digest: every file of the package, the same bytes.
    const into = await mkdtemp(join(tmpdir(), 'mlci-oci-pulled-'));
    const reference = parseOciDestination(destination);
    await pullModelPack({ reference, digestOrTag: r.outputs['oci-digest'], into });
    for (const [rel, content] of Object.entries(MODEL_FILES).filter(([p]) => p.startsWith('model/'))) {
      expect(sha256(await readFile(join(into, rel.slice('model/'.length)))), rel).toBe(sha256(Buffer.from(content)));
    }
    expect((await readdir(into)).sort()).toEqual(expect.arrayContaining(['config.json', 'tokenizer', 'weights.bin']));

    // By tag, the manifest the registry holds: ModelPack's artifact type and a config its schema accepts.
    const url = `http://${registry.current().host}/v2/octo/churn-model`;
    const res = await fetch(`${url}/manifests/v0.0.1`, { headers: { accept: 'application/vnd.oci.image.manifest.v1+json' } });
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(`sha256:${sha256(bytes)}`).toBe(r.outputs['oci-digest']);
    const manifest = JSON.parse(bytes.toString());
    expect(manifest.artifactType).toBe('application/vnd.cncf.model.manifest.v1+json');
    const config = JSON.parse(Buffer.from(await (await fetch(`${url}/blobs/${manifest.config.digest}`)).arrayBuffer()).toString());
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(await readFile(join(fixtures, 'config-schema.json'), 'utf8')));
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);

    const section = JSON.parse(await readFile(join(repo.workspace, '.mlci-report', 'publish-model-churn-model.section.json'), 'utf8'));
    expect(section.markdown).toContain(r.outputs['oci-digest']);

    const again = await publish();
    expect(again.code, again.stdout + again.stderr).toBe(0);
    expect(again.outputs['oci-digest']).toBe(r.outputs['oci-digest']);
    const rerun = JSON.parse(await readFile(join(repo.workspace, '.mlci-report', 'publish-model-churn-model.section.json'), 'utf8'));
    const oci = rerun.data.destinations.find((d: any) => d.destination === destination);
    expect(oci.detail).toMatch(/^0 blobs pushed \(0 bytes\)/);
    expect(gh.releases(REPO)).toHaveLength(1);
  });
});
