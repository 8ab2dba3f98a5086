import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tagsInClone } from '../../packages/core/src/model/git.js';
import { publishSectionId } from '../../packages/core/src/publish-model/publish.js';
import { readArtifact } from '../../packages/core/src/model/registry.js';
import { pushEvent } from '../support/events/index.js';
import { useGitHub, useResultsService } from '../support/loopback.js';
import { runAction, type RunResult } from '../support/runner.js';
import { git, MODEL_FILES, modelRepo, type ModelRepo } from './publish-model-support.js';

/**
 * publish-model through its bundle, in a real clone whose `origin` is a bare repository, against
 * the loopback GitHub (releases, asset uploads through upload_url) and the results service
 * (the artifact destination). The registry is a history written as `gto` writes it.
 */

const REPO = 'octo/ml';
const TOKEN = 'ghs_publish_model_token';
const REPORT = '.mlci-report';
const gh = useGitHub({ repo: REPO, token: TOKEN, write: true });
const results = useResultsService({ repository: REPO, headSha: 'f'.repeat(40), restOn: gh });

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const T0 = 1_700_000_000;

/** The history `gto register/assign/unassign/deprecate` leaves, with GTO's own messages. */
async function gtoHistory(repo: ModelRepo): Promise<{ c1: string; c2: string }> {
  const c1 = await git(repo.workspace, ['rev-parse', 'HEAD']);
  await repo.gtoTag('churn-model@v1.0.0', c1, 'Registering artifact churn-model version v1.0.0', T0);
  await repo.gtoTag('other@v0.1.0', c1, 'Registering artifact other version v0.1.0', T0 + 1);
  await repo.gtoTag('churn-model#staging#1', c1, 'Assigning stage staging to artifact churn-model version v1.0.0', T0 + 10);
  await repo.gtoTag('churn-model#prod#2', c1, 'Assigning stage prod to artifact churn-model version v1.0.0', T0 + 20);
  const c2 = await repo.commit({ 'model/config.json': '{"layers": 3, "threshold": 0.5}\n' }, 'model v2');
  await repo.gtoTag('churn-model@v1.0.1', c2, 'Registering artifact churn-model version v1.0.1', T0 + 30);
  await repo.gtoTag('churn-model#staging#3', c2, 'Assigning stage staging to artifact churn-model version v1.0.1', T0 + 40);
  await repo.gtoTag('churn-model#staging!#4', c2, "Unassigning stage 'staging' to artifact 'churn-model' version 'v1.0.1'", T0 + 50);
  await repo.gtoTag('other@deprecated#1', c1, "Deprecating artifact 'other'", T0 + 60);
  return { c1, c2 };
}

function publish(
  repo: ModelRepo,
  sha: string,
  inputs: Record<string, string>,
  o: { env?: Record<string, string>; repository?: string } = {},
): Promise<RunResult> {
  const repository = o.repository ?? REPO;
  return runAction({
    action: 'publish-model',
    workspace: repo.workspace,
    github: gh,
    token: TOKEN,
    repository,
    sha,
    env: o.env,
    event: { name: 'push', payload: pushEvent({ owner: repository.split('/')[0], repo: repository.split('/')[1], after: sha, before: '0'.repeat(40) }) },
    inputs: { name: 'churn-model', path: 'model/', 'report-dir': REPORT, ...inputs },
  });
}

async function section(repo: ModelRepo): Promise<any> {
  return JSON.parse(await readFile(join(repo.workspace, REPORT, 'publish-model-churn-model.section.json'), 'utf8'));
}

describe('a GTO registry, published as release assets', () => {
  it('auto is the next patch, the stage the next counter; assets with right checksums; the card; read back as GTO reads it; a re-run adds nothing', async () => {
    const repo = await modelRepo(MODEL_FILES);
    const { c1 } = await gtoHistory(repo);
    const before = readArtifact(await tagsInClone(repo.workspace), 'churn-model');
    expect(before.latest?.version).toBe('v1.0.1');
    // v1.0.1 was unassigned from staging: v1.0.0, never unassigned, is staging's again.
    expect(before.stages.staging.version).toBe('v1.0.0');

    const c3 = await repo.commit({ 'model/weights.bin': Buffer.from('new weights') }, 'model v3');
    const first = await publish(repo, c3, {
      stage: 'staging',
      destinations: 'release',
      verify: 'bash "$GITHUB_WORKSPACE/smoke_test.sh" model',
      'verify-runs': '3',
      metrics: 'metrics.json',
      params: 'params.yaml',
    });
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(first.outputs).toMatchObject({ version: 'v1.0.2', tag: 'churn-model@v1.0.2', 'stage-tag': 'churn-model#staging#5' });
    expect(await repo.originTags()).toEqual(expect.arrayContaining(['churn-model@v1.0.2', 'churn-model#staging#5']));

    const after = readArtifact(await tagsInClone(repo.workspace), 'churn-model');
    expect(after.latest?.version).toBe('v1.0.2');
    expect(after.stages.staging).toMatchObject({ version: 'v1.0.2', commit: c3 });
    expect(after.stages.prod).toMatchObject({ version: 'v1.0.0', commit: c1 });

    // The release: each file, the manifest and the card, with the bytes of the files.
    const releases = gh.releases(REPO);
    expect(releases.map((r) => r.tag_name)).toEqual(['churn-model@v1.0.2']);
    expect(first.outputs['release-url']).toContain('churn-model');
    const assets = new Map(releases[0].assets.map((a) => [a.name, a.content as Buffer]));
    expect([...assets.keys()].sort()).toEqual(['README.md', 'config.json', 'mlci-manifest.json', 'tokenizer--vocab.txt', 'weights.bin']);
    expect(assets.get('weights.bin')?.toString()).toBe('new weights');
    const manifest = JSON.parse(assets.get('mlci-manifest.json')!.toString());
    for (const f of manifest.files) {
      expect(sha256(assets.get(f.asset)!), f.path).toBe(f.sha256);
      expect(assets.get(f.asset)!.length).toBe(f.size);
    }
    expect(manifest.lineage).toMatchObject({ commit: c3, metrics: { 'metrics.json': { roc_auc: 0.91 } }, params: { 'params.yaml': { lr: 0.01 } } });
    expect(manifest.lineage.run).toBe('https://github.com/octo/ml/actions/runs/4242');
    expect(manifest.verify.runs).toBe(3);

    const card = assets.get('README.md')!.toString();
    expect(card).toMatch(/^---\n/);
    expect(card).toContain('model-index:');
    expect(card).toMatch(/type: roc_auc\n\s+name: roc_auc\n\s+value: 0\.91/);
    expect(card).toContain(c3);
    for (const f of manifest.files) expect(card).toContain(f.sha256);
    for (const h of ['## Model details', '## Training data', '## Evaluation', '## Limitations', '## How to load']) expect(card).toContain(h);
    expect(card).toMatch(/3 runs: latency p50 \d+ ms, p95 \d+ ms/);
    expect(await readFile(first.outputs['card-path'], 'utf8')).toBe(card);

    const s = await section(repo);
    expect(s).toMatchObject({ action: 'publish-model', stage: 'model', status: 'pass' });
    expect(s.markdown).toContain('churn-model#staging#5');
    expect(s.markdown).toMatch(/p50 \d+ ms, p95 \d+ ms/);
    expect(s.markdown).toContain('unassigned');

    // A re-run of the same commit: the same version, no tag, no release, no asset again.
    const ids = releases[0].assets.map((a) => a.id);
    const again = await publish(repo, c3, { stage: 'staging', destinations: 'release', metrics: 'metrics.json' });
    expect(again.code, again.stdout + again.stderr).toBe(0);
    expect(again.outputs).toMatchObject({ version: 'v1.0.2', tag: 'churn-model@v1.0.2', 'stage-tag': 'churn-model#staging#5' });
    expect(gh.releases(REPO)).toHaveLength(1);
    expect(gh.releases(REPO)[0].assets.map((a) => a.id)).toEqual(ids);
    expect((await repo.localTags()).filter((t) => t.startsWith('churn-model'))).toHaveLength(8);
    expect((await section(repo)).data.tagsMade).toEqual([]);
  });

  it('rollback: version v1.0.0, stage prod moves prod back with the next counter and registers nothing', async () => {
    const repo = await modelRepo(MODEL_FILES);
    const { c1 } = await gtoHistory(repo);
    const repository = 'octo/rollback';
    gh.addRepo(repository);
    const c3 = await repo.commit({ 'model/weights.bin': Buffer.from('v3') }, 'model v3');
    const promote = await publish(repo, c3, { stage: 'prod', destinations: 'release' }, { repository });
    expect(promote.code, promote.stdout + promote.stderr).toBe(0);
    expect(promote.outputs).toMatchObject({ version: 'v1.0.2', 'stage-tag': 'churn-model#prod#5' });

    // The checkout holds v1.0.2's files: none of them goes anywhere under v1.0.0's name.
    const back = await publish(repo, c3, { version: 'v1.0.0', stage: 'prod', destinations: 'release' }, { repository });
    expect(back.code, back.stdout + back.stderr).toBe(0);
    expect(back.outputs).toMatchObject({
      version: 'v1.0.0',
      tag: 'churn-model@v1.0.0',
      'stage-tag': 'churn-model#prod#6',
      'release-url': '',
      'manifest-path': '',
    });
    expect(gh.releases(repository).map((x) => x.tag_name)).toEqual(['churn-model@v1.0.2']);
    const s = await section(repo);
    expect(s.summary).toBe('publish-model: prod moved back to churn-model v1.0.0 (a rollback; nothing re-published)');
    expect(s.data.destinations).toEqual([expect.objectContaining({ destination: 'release', status: 'skipped' })]);
    const tags = await repo.originTags();
    expect(tags.filter((t) => t.startsWith('churn-model@'))).toEqual(['churn-model@v1.0.0', 'churn-model@v1.0.1', 'churn-model@v1.0.2']);
    const state = readArtifact(await tagsInClone(repo.workspace), 'churn-model');
    expect(state.stages.prod).toMatchObject({ version: 'v1.0.0', commit: c1, tag: 'churn-model#prod#6' });
    expect(state.latest?.version).toBe('v1.0.2');
  });
});

describe('a checkout without the tags', () => {
  it('reads the registry through the API (matching-refs, annotated tag objects) and pushes the next version', async () => {
    const repository = 'octo/tagless';
    gh.addRepo(repository);
    const repo = await modelRepo(MODEL_FILES);
    const c1 = await git(repo.workspace, ['rev-parse', 'HEAD']);
    // GitHub holds GTO's tags; the checkout (fetch-depth: 1) has none of them.
    gh.addTag(repository, { tag: 'churn-model@v2.3.0', commit: c1, message: 'Registering artifact churn-model version v2.3.0', date: '2023-09-04T07:51:53Z' });
    gh.addTag(repository, {
      tag: 'churn-model#prod#1',
      commit: c1,
      message: 'Assigning stage prod to artifact churn-model version v2.3.0',
      date: '2023-09-04T07:52:53Z',
    });
    gh.addTag(repository, { tag: 'churn-model@v9.0.0', commit: c1 });
    const c2 = await repo.commit({ 'model/weights.bin': Buffer.from('v2') }, 'model v2');
    const r = await publish(repo, c2, { stage: 'prod' }, { repository });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    // v9.0.0 is a lightweight tag, which GTO ignores: the next patch of v2.3.0, prod's next counter.
    expect(r.outputs).toMatchObject({ version: 'v2.3.1', tag: 'churn-model@v2.3.1', 'stage-tag': 'churn-model#prod#2' });
    expect(await repo.originTags()).toEqual(['churn-model#prod#2', 'churn-model@v2.3.1']);
  });
});

describe('refused before anything is published', () => {
  const cases: Array<{ name: string; inputs: Record<string, string>; input: string; message: RegExp }> = [
    { name: 'a failing verify', inputs: { verify: 'echo checking; exit 3' }, input: 'verify', message: /exited with code 3/ },
    { name: 'a missing path', inputs: { path: 'models/none' }, input: 'path', message: /"models\/none" does not exist/ },
    { name: 'a name GTO refuses', inputs: { name: 'churn model!' }, input: 'name', message: /not a name GTO accepts/ },
    { name: 'a version on another commit', inputs: { version: 'v1.0.0', stage: '' }, input: 'version', message: /registered at commit/ },
  ];
  for (const c of cases) {
    it(`${c.name}: an error naming "${c.input}", no tag, no release`, async () => {
      const repo = await modelRepo(MODEL_FILES);
      await gtoHistory(repo);
      const c3 = await repo.commit({ 'model/weights.bin': Buffer.from('v3') }, 'model v3');
      const tagsBefore = await repo.originTags();
      const releasesBefore = gh.releases(REPO).length;
      const r = await publish(repo, c3, { destinations: 'release', stage: 'staging', ...c.inputs });
      expect(r.code).toBe(1);
      const errors = r.annotations.filter((a) => a.level === 'error');
      expect(errors).toHaveLength(1);
      expect(errors[0].message).toContain(`input "${c.input}"`);
      expect(errors[0].message).toMatch(c.message);
      expect(await repo.originTags()).toEqual(tagsBefore);
      expect(await repo.localTags()).toEqual(tagsBefore);
      expect(gh.releases(REPO)).toHaveLength(releasesBefore);
      const s = JSON.parse(await readFile(join(repo.workspace, REPORT, `${publishSectionId(c.inputs.name ?? 'churn-model')}.section.json`), 'utf8'));
      expect(s.status).toBe('fail');
    });
  }
});

describe('a destination failing after another was published', () => {
  it('the section says what was published and what was not; a re-run completes it', async () => {
    const repo = await modelRepo(MODEL_FILES);
    const c1 = await git(repo.workspace, ['rev-parse', 'HEAD']);
    // No results service in the environment: the artifact upload fails, after the release.
    const first = await publish(repo, c1, { destinations: 'release, artifact' }, { env: { ACTIONS_RUNTIME_TOKEN: '', ACTIONS_RESULTS_URL: '' } });
    expect(first.code).toBe(1);
    expect(first.outputs.version).toBe('v0.0.1');
    const s = await section(repo);
    expect(s.status).toBe('fail');
    expect(s.data.destinations.map((d: any) => [d.destination, d.status])).toEqual([
      ['release', 'published'],
      ['artifact', 'failed'],
    ]);
    expect(s.markdown).toMatch(/Not published: `artifact`/);
    expect(first.annotations.find((a) => a.level === 'error')?.message).toMatch(/artifact: .*published: release/);
    const assets = gh
      .releases(REPO)
      .find((r) => r.tag_name === 'churn-model@v0.0.1')!
      .assets.map((a) => a.id);

    const rerun = await publish(repo, c1, { destinations: 'release, artifact' }, { env: results.env });
    expect(rerun.code, rerun.stdout + rerun.stderr).toBe(0);
    expect((await section(repo)).data.destinations.map((d: any) => d.status)).toEqual(['published', 'published']);
    expect(
      gh
        .releases(REPO)
        .find((r) => r.tag_name === 'churn-model@v0.0.1')!
        .assets.map((a) => a.id),
    ).toEqual(assets);
    expect(results.artifacts().map((a) => a.name)).toContain('churn-model-v0.0.1');
  });

  it('dry-run: builds and verifies, tags and publishes nothing, and says so', async () => {
    const repo = await modelRepo(MODEL_FILES);
    const sha = await git(repo.workspace, ['rev-parse', 'HEAD']);
    const repository = 'octo/dry';
    gh.addRepo(repository);
    const r = await publish(repo, sha, { destinations: 'release', stage: 'staging', 'dry-run': 'true', verify: 'test -f model/config.json' }, { repository });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.outputs).toMatchObject({ version: 'v0.0.1', 'stage-tag': 'churn-model#staging#1' });
    expect(await repo.originTags()).toEqual([]);
    expect(await repo.localTags()).toEqual([]);
    expect(gh.releases(repository)).toEqual([]);
    const s = await section(repo);
    expect(s.status).toBe('info');
    expect(s.markdown).toContain('Dry run');
  });
});
