import { mkdir, mkdtemp, readFile, copyFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { isUserError, UserError } from '../errors.js';
import { containedPath, defaultBoundary } from '../files/contained.js';
import type { Api, Repo } from '../forge/api.js';
import { ensureRelease, uploadAsset } from '../forge/releases.js';
import { tagsViaApi } from '../forge/tags.js';
import { modelCard } from '../model/card.js';
import { headCommit, isShallow, makeTags, pushTags, tagsInClone } from '../model/git.js';
import { readLineage, type Lineage } from '../model/lineage.js';
import { addFile, assetNames, copyAndHash, type PackagedFile } from '../model/package.js';
import { planRegistry, type RegistryPlan } from '../model/plan.js';
import { readArtifact, type ArtifactState, type RegistryTag } from '../model/registry.js';
import { checkName, checkVersion, parseTag } from '../model/tag.js';
import type { Bump } from '../model/versions.js';
import { writeSection } from '../section/section.js';
import { destinationName, parseDestinations, type Destination } from './destinations.js';
import { loadOci, type OciClient, type OciReference } from './oci.js';
import { publishSection, type DestinationOutcome } from './section.js';
import { verifyPackage, type VerifyResult } from './verify.js';

export interface PublishRequest {
  workspace: string;
  reportDir: string;
  /** Where mlci may make its own folders (RUNNER_TEMP): the package is built there. */
  tempDir: string;
  name: string;
  path: string;
  /** `auto` or a `v`-version. */
  version: string;
  bump: Bump;
  stage?: string;
  destinations: string[];
  verify?: string;
  verifyRuns: number;
  metrics: string[];
  params: string[];
  /** The `model-card` template's path, relative to the workspace. */
  modelCard?: string;
  registryCredentials?: { username?: string; password?: string };
  dryRun: boolean;
  services: {
    api?: Api;
    repo?: Repo;
    /** The commit of the run (GITHUB_SHA), used when the workspace is no clone. */
    commit?: string;
    runUrl?: string;
    uploadArtifact?: (name: string, dir: string) => Promise<number | undefined>;
    oci?: () => Promise<OciClient>;
    signal?: AbortSignal;
    env?: NodeJS.ProcessEnv;
  };
}

export interface PublishResult {
  version: string;
  tag: string;
  stageTag?: string;
  releaseUrl?: string;
  ociDigest?: string;
  ociRef?: string;
  manifestPath: string;
  cardPath: string;
  sectionPath: string;
  /** Tags made (or, in a dry run, that would be made). */
  tagsMade: string[];
  outcomes: DestinationOutcome[];
  summary: string;
  /** Set when a destination failed: the step fails with it, after the section says what was published. */
  failure?: string;
}

/** The section's id: one per model name, so a failure replaces its own section. */
export function publishSectionId(name: string): string {
  return `publish-model-${name.replace(/[^A-Za-z0-9._-]/g, '_')}`.slice(0, 100);
}

export const MANIFEST_FILE = 'mlci-manifest.json';
export const MANIFEST_SCHEMA = 'mlci/model-manifest@1';

async function modelPath(r: PublishRequest): Promise<{ real: string; at: string }> {
  const boundary = { ...defaultBoundary(), workspace: r.workspace };
  let real: string;
  try {
    real = await containedPath(r.path, { input: 'path', boundary });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new UserError(`input "path": "${r.path}" does not exist in the workspace`, { input: 'path' });
    throw e;
  }
  const rel = relative(r.workspace, resolve(r.workspace, r.path));
  const at = rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : (real.split(sep).at(-1) ?? 'model');
  return { real, at };
}

async function registryTags(r: PublishRequest, name: string): Promise<{ tags: RegistryTag[]; via: 'clone' | 'api' }> {
  const local = await tagsInClone(r.workspace).catch(() => []);
  const { api, repo } = r.services;
  if (api && repo && (local.length === 0 || (await isShallow(r.workspace)))) {
    // A shallow checkout (fetch-depth: 1) has no tags: GitHub's are the registry then.
    // Only this model's tags are read further (a request per tag object): its versions, stages and
    // counters are all the registry plan needs.
    const remote = await tagsViaApi(api, repo, (t) => parseTag(t)?.name === name);
    const names = new Set(local.map((t) => t.tag));
    return { tags: [...local, ...remote.filter((t) => !names.has(t.tag))], via: 'api' };
  }
  return { tags: local, via: 'clone' };
}

/**
 * publish-model: version, verify, package and publish. In this order, so that nothing is half
 * published: inputs → registry plan (a version clash fails here) → package in a temp folder →
 * `verify` (a failure stops everything) → git tags made and pushed → destinations in order →
 * section. Each destination looks before it writes, so a re-run completes what a failed run left.
 */
export async function publishModel(r: PublishRequest): Promise<PublishResult> {
  // ---- inputs
  const name = checkName(r.name.trim(), 'name');
  const version = r.version.trim() || 'auto';
  if (version !== 'auto') checkVersion(version, 'version');
  const stage = r.stage?.trim() ? checkName(r.stage.trim(), 'stage') : undefined;
  const destinations = parseDestinations(r.destinations);
  if (!Number.isInteger(r.verifyRuns) || r.verifyRuns < 1)
    throw new UserError('input "verify-runs" must be a whole number of at least 1', { input: 'verify-runs' });
  if (destinations.some((d) => d.kind === 'release') && !(r.services.api && r.services.repo)) {
    throw new UserError('input "destinations": a release needs the GitHub API (github-token) and the repository', { input: 'destinations' });
  }
  if (destinations.some((d) => d.kind === 'artifact') && !r.services.uploadArtifact) {
    throw new UserError('input "destinations": an artifact can be uploaded only inside a GitHub Actions run', { input: 'destinations' });
  }
  let oci: OciClient | undefined;
  const ociRefs = new Map<string, OciReference>();
  for (const d of destinations) {
    if (d.kind !== 'oci') continue;
    oci ??= await (r.services.oci ?? loadOci)();
    ociRefs.set(d.spec, oci.parseOciDestination(d.spec));
  }
  // Checked before anything is built; only a rollback (a stage moved back to a registered version) needs none.
  const model = r.path.trim() ? await modelPath(r) : undefined;
  const template = r.modelCard?.trim()
    ? await readFile(
        await containedPath(r.modelCard.trim(), { input: 'model-card', boundary: { ...defaultBoundary(), workspace: r.workspace } }),
        'utf8',
      ).catch((e) => {
        if (isUserError(e)) throw e;
        throw new UserError(`input "model-card": "${r.modelCard}" cannot be read: ${(e as Error).message}`, { input: 'model-card' });
      })
    : undefined;

  // ---- registry: what this publication registers, refused before anything is built
  const commit = (await headCommit(r.workspace)) ?? r.services.commit;
  if (!commit) throw new UserError('publish-model needs the commit being published: run it in a git checkout (actions/checkout with fetch-depth: 0)');
  const { tags } = await registryTags(r, name);
  const state = readArtifact(tags, name);
  const plan = planRegistry({ name, version, bump: r.bump, stage, commit, state, tagNames: tags.map((t) => t.tag) });

  // New tags are dated now in whole seconds, as git keeps them (see createdAt below).
  const now = new Date(Math.floor(Date.now() / 1000) * 1000).toISOString();
  const sectionId = publishSectionId(name);
  // A stage moved to a version registered before and no model given (promote.yml) is a stage
  // assignment only, as is a rollback to a version built from another commit (whose files this
  // checkout does not hold): nothing is packaged, verified or published again, no destination is touched.
  const rollback = plan.commit !== commit;
  if (rollback || (!model && plan.existed && stage)) {
    if (!r.dryRun) {
      await makeTags(r.workspace, plan.make, { date: now });
      await pushTags(
        r.workspace,
        plan.make.map((t) => t.tag),
      );
    }
    const outcomes: DestinationOutcome[] = destinations.map((d) => ({
      destination: destinationName(d),
      status: 'skipped',
      detail: rollback
        ? `a rollback: ${plan.version} was published from commit ${plan.commit.slice(0, 12)} when it was registered`
        : `a stage assignment: ${plan.version} was published when it was registered`,
    }));
    const lineage: Lineage = { commit: plan.commit, data: [], metrics: {}, params: {} };
    return finish(r, {
      name,
      plan,
      stage,
      files: [],
      lineage,
      state,
      dryRun: r.dryRun,
      outcomes,
      tagsMade: plan.make.map((t) => t.tag),
      manifestPath: '',
      cardPath: '',
      sectionId,
    });
  }

  if (!model) {
    throw new UserError('input "path" is required: the model file or folder to publish (only a rollback of a stage to a registered version needs none)', {
      input: 'path',
    });
  }

  // ---- package
  const work = await mkdtemp(join(r.tempDir, 'mlci-publish-'));
  const packageDir = join(work, 'package');
  await mkdir(packageDir, { recursive: true });
  const files = await copyAndHash(model.real, packageDir, 'path');
  if (files.length === 0) throw new UserError(`input "path": "${r.path}" holds no file`, { input: 'path' });

  // ---- verify, against the package alone
  const verified: VerifyResult | undefined = r.verify?.trim()
    ? await verifyPackage({ command: r.verify, runs: r.verifyRuns, packageDir, at: model.at, tempDir: work, env: r.services.env, signal: r.services.signal })
    : undefined;

  // A version made before (a re-run) keeps the time it was registered, so what is rebuilt from the
  // same files is the same bytes: the card, the manifest and the OCI config send nothing new; a
  // new one was registered `now`, the tagger date a re-run reads back.
  const createdAt = plan.registeredAt ? new Date(plan.registeredAt).toISOString() : now;
  const lineage = await readLineage({
    workspace: r.workspace,
    reportDir: r.reportDir,
    metrics: r.metrics,
    params: r.params,
    commit: plan.commit,
    runUrl: r.services.runUrl,
    repository: r.services.repo ? `${r.services.repo.owner}/${r.services.repo.repo}` : undefined,
  });
  const cardName = files.some((f) => f.path === 'README.md') ? 'MODEL_CARD.md' : 'README.md';
  const names = assetNames([...files, { path: MANIFEST_FILE }, { path: cardName }]);
  const manifest = manifestOf({ name, version: plan.version, tag: plan.versionTag, stage, createdAt, files, lineage, verified, assets: names });
  const howToLoad = loadLines(name, plan, destinations, ociRefs, r.services.repo, model.at);
  const outDir = join(r.reportDir, sectionId);
  await mkdir(outDir, { recursive: true });
  const manifestFile = await addFile(work, MANIFEST_FILE, JSON.stringify(manifest, null, 2) + '\n', 'application/json');
  const card = await addFile(
    work,
    cardName,
    modelCard({ name, version: plan.version, tag: plan.versionTag, stage, createdAt, files, lineage, verify: verified, howToLoad, template }),
    'text/markdown',
  );
  const manifestPath = join(outDir, MANIFEST_FILE);
  const cardPath = join(outDir, 'MODEL_CARD.md');
  await copyFile(manifestFile.absolutePath, manifestPath);
  await copyFile(card.absolutePath, cardPath);

  const outcomes: DestinationOutcome[] = [];
  const facts = { name, plan, stage, files, verified, lineage, state, dryRun: r.dryRun, manifest: manifestFile, card };
  if (r.dryRun) {
    for (const d of destinations) outcomes.push({ destination: destinationName(d), status: 'dry-run' });
    return finish(r, { ...facts, outcomes, tagsMade: plan.make.map((t) => t.tag), manifestPath, cardPath, sectionId });
  }

  // ---- the registry: tags made in the checkout and pushed to origin, all or none
  await makeTags(r.workspace, plan.make, { date: now });
  await pushTags(
    r.workspace,
    plan.make.map((t) => t.tag),
  );

  // ---- destinations, in the order given; one failing does not keep the others from trying
  const result: Partial<PublishResult> = {};
  for (const d of destinations) {
    try {
      outcomes.push(await publishTo(d, { r, name, plan, files, manifest: manifestFile, card, names, work: packageDir, oci, ociRefs, createdAt, result }));
    } catch (e) {
      outcomes.push({ destination: destinationName(d), status: 'failed', message: (e as Error).message });
    }
  }
  return finish(r, { ...facts, outcomes, tagsMade: plan.make.map((t) => t.tag), manifestPath, cardPath, sectionId, result });
}

interface PublishContext {
  r: PublishRequest;
  name: string;
  plan: RegistryPlan;
  files: PackagedFile[];
  manifest: PackagedFile;
  card: PackagedFile;
  names: Map<string, string>;
  work: string;
  oci?: OciClient;
  ociRefs: Map<string, OciReference>;
  createdAt: string;
  result: Partial<PublishResult>;
}

async function publishTo(d: Destination, c: PublishContext): Promise<DestinationOutcome> {
  const { api, repo } = c.r.services;
  if (d.kind === 'release') {
    const { release, created } = await ensureRelease(api!, repo!, {
      tag: c.plan.versionTag,
      name: `${c.name} ${c.plan.version}`,
      body: `Model \`${c.name}\` ${c.plan.version}, registered at ${c.plan.commit} by mlci publish-model. The model card (README.md) and ${MANIFEST_FILE} list every file with its SHA-256.`,
      prerelease: c.plan.version.includes('-'),
    });
    let uploaded = 0;
    // The manifest and the card are written anew by each run (their time, the verify latency):
    // a re-run keeps the ones the release was published with.
    const assets = [
      ...c.files.map((f) => ({ f, name: c.names.get(f.path)!, keep: false })),
      { f: c.manifest, name: MANIFEST_FILE, keep: true },
      { f: c.card, name: c.card.path, keep: true },
    ];
    for (const a of assets) {
      const u = await uploadAsset(api!, repo!, release, {
        name: a.name,
        path: a.f.absolutePath,
        size: a.f.size,
        contentType: a.f.mediaType,
        keepExisting: a.keep,
      });
      if (u.uploaded) uploaded++;
    }
    c.result.releaseUrl = release.url;
    return {
      destination: 'release',
      status: 'published',
      url: release.url,
      detail: `${created ? 'new release' : 'release existed'}, ${uploaded} of ${assets.length} assets uploaded`,
    };
  }
  if (d.kind === 'artifact') {
    const artifact = `${c.name.replace(/[^A-Za-z0-9._-]/g, '_')}-${c.plan.version}`;
    const dir = await mkdtemp(join(c.r.tempDir, 'mlci-artifact-'));
    const { cp } = await import('node:fs/promises');
    await cp(c.work, dir, { recursive: true });
    await copyFile(c.manifest.absolutePath, join(dir, MANIFEST_FILE));
    await copyFile(c.card.absolutePath, join(dir, c.card.path));
    const id = await c.r.services.uploadArtifact!(artifact, dir);
    return { destination: 'artifact', status: 'published', detail: `artifact ${artifact}${id !== undefined ? ` (id ${id})` : ''}` };
  }
  const reference = c.ociRefs.get(d.spec)!;
  const pushed = await c.oci!.pushModelPack({
    reference,
    tag: c.plan.version,
    name: c.name,
    version: c.plan.version,
    files: c.files,
    card: c.card,
    manifestFile: c.manifest,
    createdAt: c.createdAt,
    annotations: {
      'org.opencontainers.image.revision': c.plan.commit,
      ...(c.r.services.runUrl ? { 'org.opencontainers.image.source': c.r.services.runUrl } : {}),
    },
    credentials: c.r.registryCredentials,
    signal: c.r.services.signal,
  });
  c.result.ociDigest ??= pushed.digest;
  c.result.ociRef ??= pushed.ref;
  return {
    destination: d.spec,
    status: 'published',
    url: pushed.ref,
    digest: pushed.digest,
    detail: `${pushed.blobsPushed} blobs pushed (${pushed.bytesPushed} bytes), ${pushed.blobsSkipped} already there`,
  };
}

function manifestOf(o: {
  name: string;
  version: string;
  tag: string;
  stage?: string;
  createdAt: string;
  files: PackagedFile[];
  lineage: Lineage;
  verified?: VerifyResult;
  assets: Map<string, string>;
}) {
  return {
    schema: MANIFEST_SCHEMA,
    name: o.name,
    version: o.version,
    tag: o.tag,
    ...(o.stage ? { stage: o.stage } : {}),
    created: o.createdAt,
    files: o.files.map((f) => ({ path: f.path, size: f.size, sha256: f.sha256, asset: o.assets.get(f.path) })),
    lineage: {
      commit: o.lineage.commit ?? null,
      repository: o.lineage.repository ?? null,
      run: o.lineage.runUrl ?? null,
      data: o.lineage.data,
      params: o.lineage.params,
      metrics: o.lineage.metrics,
      diff: o.lineage.diff ?? null,
      training: o.lineage.training ?? null,
    },
    verify: o.verified ? { command: o.verified.command, runs: o.verified.runs, p50_ms: o.verified.p50Ms, p95_ms: o.verified.p95Ms } : null,
  };
}

function loadLines(name: string, plan: RegistryPlan, ds: Destination[], oci: Map<string, OciReference>, repo: Repo | undefined, at: string): string[] {
  const lines: string[] = [];
  for (const d of ds) {
    if (d.kind === 'release' && repo) lines.push(`gh release download ${plan.versionTag} --repo ${repo.owner}/${repo.repo} --dir ${at}`);
    if (d.kind === 'oci') {
      const ref = oci.get(d.spec)!;
      lines.push(`oras pull ${ref.registry}/${ref.repository}:${plan.version}${ref.plainHttp ? ' --plain-http' : ''} -o ${at}`);
    }
    if (d.kind === 'artifact') lines.push(`gh run download --name ${name.replace(/[^A-Za-z0-9._-]/g, '_')}-${plan.version}`);
  }
  lines.push(`git checkout ${plan.versionTag}   # the commit the model was built from (gto show ${name})`);
  return lines;
}

async function finish(
  r: PublishRequest,
  o: {
    name: string;
    plan: RegistryPlan;
    stage?: string;
    files: PackagedFile[];
    verified?: VerifyResult;
    lineage: Lineage;
    state: ArtifactState;
    dryRun: boolean;
    outcomes: DestinationOutcome[];
    tagsMade: string[];
    manifestPath: string;
    cardPath: string;
    sectionId: string;
    manifest?: PackagedFile;
    card?: PackagedFile;
    result?: Partial<PublishResult>;
  },
): Promise<PublishResult> {
  const failed = o.outcomes.filter((x) => x.status === 'failed');
  const section = publishSection({ ...o, version: o.plan.version });
  const sectionPath = await writeSection(r.reportDir, { action: 'publish-model', id: o.sectionId, stage: 'model', title: `Model ${o.name}`, ...section });
  return {
    version: o.plan.version,
    tag: o.plan.versionTag,
    stageTag: o.plan.stageTag,
    releaseUrl: o.result?.releaseUrl,
    ociDigest: o.result?.ociDigest,
    ociRef: o.result?.ociRef,
    manifestPath: o.manifestPath,
    cardPath: o.cardPath,
    sectionPath,
    tagsMade: o.tagsMade,
    outcomes: o.outcomes,
    summary: section.summary,
    failure:
      failed.length > 0
        ? `${failed.map((f) => `${f.destination}: ${f.message}`).join('; ')} (published: ${
            o.outcomes
              .filter((x) => x.status === 'published')
              .map((x) => x.destination)
              .join(', ') || 'nothing but the git tags'
          }; a re-run completes it)`
        : undefined,
  };
}
