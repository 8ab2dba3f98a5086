import { parseTag, type ParsedTag } from './tag.js';
import { compareVersions, isVersion } from './versions.js';

/**
 * The registry state as GTO reads it from git tags (iterative/gto: gto/base.py, gto/tag.py), so
 * that what `gto show` prints and what this answers agree:
 *
 * - only annotated tags count (GTO drops lightweight ones), replayed in the order of their tagger
 *   dates; GTO keeps the tag list's order within one second, here the counter (which only grows)
 *   orders tags of the same second, so a stage moved twice within a second reads as it happened;
 * - a version is active while its latest register/deregister event is a registration;
 * - a stage of a version is active while its latest assign/unassign event is an assignment;
 * - the latest version is the highest active registered SemVer;
 * - the current version of a stage is, among active assignments of active versions, the one
 *   assigned most recently (`gto show`, sorted by time: a rollback is a new assignment of an
 *   older version); `bySemver` gives `gto which`'s reading (the highest version in the stage);
 * - an artifact is deprecated when its latest event is a deprecation.
 */

export interface RegistryTag {
  tag: string;
  /** The commit the tag points to (peeled). */
  commit: string;
  /** Tagger date, ms since the epoch. */
  time: number;
  /** Lightweight tags are not GTO's and are ignored. */
  annotated: boolean;
  message?: string;
  tagger?: string;
}

export interface RegistryEvent extends ParsedTag {
  tag: string;
  commit: string;
  time: number;
  message?: string;
  tagger?: string;
  /** For assign/unassign: the version of the commit when the tag was read. */
  ofVersion?: string;
}

interface StageState {
  events: RegistryEvent[];
}

interface VersionState {
  version: string;
  commit: string;
  direct: RegistryEvent[];
  stages: Map<string, StageState>;
}

export interface VersionInfo {
  version: string;
  commit: string;
  registered: boolean;
  active: boolean;
  /** Stages in which this version is active. */
  stages: string[];
  tag?: string;
}

export interface StageInfo {
  stage: string;
  version: string;
  commit: string;
  /** The assignment tag that made it current. */
  tag: string;
  time: number;
}

export interface ArtifactState {
  name: string;
  deprecated: boolean;
  /** The highest active registered version. */
  latest?: VersionInfo;
  versions: VersionInfo[];
  /** The current version of each stage that has one. */
  stages: Record<string, StageInfo>;
  /** Every event of this artifact, oldest first. */
  history: RegistryEvent[];
}

const latestFirst = <T extends { time: number; counter?: number }>(a: T, b: T) => b.time - a.time || (b.counter ?? 0) - (a.counter ?? 0);

function ordered(tags: RegistryTag[]): Array<RegistryTag & { parsed: ParsedTag }> {
  const out: Array<RegistryTag & { parsed: ParsedTag }> = [];
  for (const t of tags) {
    const parsed = t.annotated ? parseTag(t.tag) : undefined;
    if (parsed) out.push({ ...t, parsed });
  }
  // Array.prototype.sort is stable: tags of the same second without counters keep the list's order.
  return out.sort((a, b) => a.time - b.time || (a.parsed.counter ?? 0) - (b.parsed.counter ?? 0));
}

class Artifact {
  readonly versions: VersionState[] = [];
  readonly own: RegistryEvent[] = [];
  readonly history: RegistryEvent[] = [];
  constructor(readonly name: string) {}

  /** GTO's find_version(..., create_new=True), versions known only by a commit included. */
  version(commit: string, name?: string): VersionState {
    const found = this.versions.find((v) => v.commit === commit && (name === undefined || v.version === name));
    if (found) return found;
    const made: VersionState = { version: name ?? commit, commit, direct: [], stages: new Map() };
    this.versions.push(made);
    return made;
  }

  add(e: RegistryEvent): void {
    this.history.push(e);
    if (e.action === 'deprecate' || e.action === 'create') {
      this.own.push(e);
    } else if (e.action === 'register' || e.action === 'deregister') {
      this.version(e.commit, e.version).direct.push(e);
    } else {
      // An assignment belongs to the version registered at its commit (or to the bare commit).
      const v = this.versions.find((x) => x.commit === e.commit && x.direct.length > 0) ?? this.version(e.commit);
      e.ofVersion = v.version;
      let s = v.stages.get(e.stage!);
      if (!s) v.stages.set(e.stage!, (s = { events: [] }));
      s.events.push(e);
    }
  }
}

const last = <T>(xs: T[]): T | undefined => xs[xs.length - 1];
const isRegistered = (v: VersionState) => v.direct.some((e) => e.action === 'register');
const isActive = (v: VersionState) => (v.direct.length > 0 ? last(v.direct)!.action === 'register' : [...v.stages.values()].some((s) => s.events.length > 0));
const activeStages = (v: VersionState) => [...v.stages].filter(([, s]) => last(s.events)?.action === 'assign');

function info(v: VersionState): VersionInfo {
  return {
    version: v.version,
    commit: v.commit,
    registered: isRegistered(v),
    active: isActive(v),
    stages: activeStages(v).map(([stage]) => stage),
    tag: v.direct.find((e) => e.action === 'register')?.tag,
  };
}

/** Every artifact's state from a repository's tags. */
export function readRegistry(tags: RegistryTag[]): Map<string, ArtifactState> {
  const artifacts = new Map<string, Artifact>();
  for (const t of ordered(tags)) {
    let a = artifacts.get(t.parsed.name);
    if (!a) artifacts.set(t.parsed.name, (a = new Artifact(t.parsed.name)));
    a.add({ ...t.parsed, tag: t.tag, commit: t.commit, time: t.time, message: t.message, tagger: t.tagger });
  }
  const out = new Map<string, ArtifactState>();
  for (const [name, a] of artifacts) out.set(name, stateOf(a));
  return out;
}

/** One artifact's state (an empty one when no tag names it). */
export function readArtifact(tags: RegistryTag[], name: string, o: { bySemver?: boolean } = {}): ArtifactState {
  const a = new Artifact(name);
  for (const t of ordered(tags)) {
    if (t.parsed.name === name) a.add({ ...t.parsed, tag: t.tag, commit: t.commit, time: t.time, message: t.message, tagger: t.tagger });
  }
  return stateOf(a, o);
}

function stateOf(a: Artifact, o: { bySemver?: boolean } = {}): ArtifactState {
  // GTO's get_versions(include_non_explicit=True): active, and registered or known only by a commit.
  const active = a.versions.filter((v) => isActive(v) && (isRegistered(v) || v.direct.length === 0));
  const registered = active.filter((v) => isRegistered(v) && isVersion(v.version)).sort((x, y) => compareVersions(y.version, x.version));

  const stages: Record<string, StageInfo> = {};
  const candidates = active.flatMap((v) =>
    activeStages(v).map(([stage, s]) => {
      const lastAssign = s.events.filter((e) => e.action === 'assign').at(-1)!;
      return { stage, version: v.version, commit: v.commit, tag: lastAssign.tag, time: lastAssign.time, counter: lastAssign.counter };
    }),
  );
  if (o.bySemver) {
    const rank = (v: string) => (isVersion(v) ? v : undefined);
    candidates.sort((x, y) => {
      const [vx, vy] = [rank(x.version), rank(y.version)];
      if (vx && vy) return compareVersions(vy, vx) || latestFirst(x, y);
      if (vx || vy) return vx ? -1 : 1;
      return y.version.localeCompare(x.version);
    });
  } else {
    candidates.sort(latestFirst);
  }
  for (const c of candidates) if (!(c.stage in stages)) stages[c.stage] = { stage: c.stage, version: c.version, commit: c.commit, tag: c.tag, time: c.time };

  const events = [...a.history];
  const lastEvent = events.at(-1);
  return {
    name: a.name,
    deprecated: lastEvent?.action === 'deprecate',
    latest: registered[0] && info(registered[0]),
    versions: a.versions.map(info),
    stages,
    history: events,
  };
}

/** The active registered version at `commit`, if any: a commit carries one version of a name. */
export function versionAtCommit(state: ArtifactState, commit: string): VersionInfo | undefined {
  return state.versions.find((v) => v.commit === commit && v.registered && v.active);
}

/** The registered version named `version` (active or not). */
export function findVersion(state: ArtifactState, version: string): VersionInfo | undefined {
  return state.versions.find((v) => v.version === version && v.registered);
}
