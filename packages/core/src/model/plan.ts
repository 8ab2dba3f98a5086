import { UserError } from '../errors.js';
import { findVersion, versionAtCommit, type ArtifactState } from './registry.js';
import { formatTag, nextCounter, tagMessage } from './tag.js';
import { bumpVersion, FIRST_VERSION, type Bump } from './versions.js';

/** A tag to make: its name, the commit it points to and GTO's message. */
export interface TagToMake {
  tag: string;
  commit: string;
  message: string;
}

export interface RegistryPlan {
  version: string;
  /** The commit the version is (or will be) registered at. */
  commit: string;
  /** The version's registration tag (existing or to make). */
  versionTag: string;
  /** The stage assignment tag (existing or to make), when a stage was asked for. */
  stageTag?: string;
  /** Tags still to make, in order. Empty on a re-run: everything is registered already. */
  make: TagToMake[];
  /** True when the version was registered before this run (a re-run, or a rollback). */
  existed: boolean;
  /** When it was registered (the tag's date, ms), for a version that existed. */
  registeredAt?: number;
}

export interface PlanRequest {
  name: string;
  /** `auto`, or a `v`-version. */
  version: string;
  bump: Bump;
  stage?: string;
  /** The commit being published (HEAD). */
  commit: string;
  state: ArtifactState;
  /** Every tag name of the repository, for the next counter. */
  tagNames: string[];
}

/**
 * What the registry needs for this publication, as GTO's register and assign decide it:
 * - a commit carries one version of a name: `auto` answers the version it has, an explicit
 *   different one is refused (GTO: "For this REF you can only register ...");
 * - a version registered at another commit is either a rollback (a stage was asked for: the
 *   stage moves to that version with the next counter, nothing is registered) or refused;
 * - `auto` on a fresh commit bumps the latest registered version (v0.0.1 when there is none);
 * - a stage whose current version is already this one gets no new tag (a re-run).
 */
export function planRegistry(r: PlanRequest): RegistryPlan {
  const atCommit = versionAtCommit(r.state, r.commit);
  let version: string;
  let commit = r.commit;
  let existed = false;
  if (r.version === 'auto') {
    version = atCommit?.version ?? (r.state.latest ? bumpVersion(r.state.latest.version, r.bump) : FIRST_VERSION);
    existed = atCommit !== undefined;
  } else {
    version = r.version;
    const known = findVersion(r.state, version);
    if (known && known.commit !== r.commit) {
      if (!r.stage) {
        throw new UserError(
          `input "version": ${r.name} ${version} is registered at commit ${known.commit.slice(0, 12)}, not at ${r.commit.slice(0, 12)}; choose another version, or name a stage to move it there (a rollback)`,
          { input: 'version' },
        );
      }
      if (!known.active) throw new UserError(`input "version": ${r.name} ${version} was deregistered; a stage cannot move to it`, { input: 'version' });
      commit = known.commit;
      existed = true;
    } else if (atCommit && atCommit.version !== version) {
      throw new UserError(
        `input "version": commit ${r.commit.slice(0, 12)} already carries ${r.name} ${atCommit.version}; a commit registers one version of a name`,
        {
          input: 'version',
        },
      );
    } else {
      existed = known !== undefined && known.active;
      if (known && !known.active) throw new UserError(`input "version": ${r.name} ${version} was deregistered; register another version`, { input: 'version' });
    }
  }
  const make: TagToMake[] = [];
  const names = [...r.tagNames];
  const registration = r.state.versions.find((v) => v.version === version && v.registered)?.tag;
  let versionTag = registration ?? formatTag({ name: r.name, action: 'register', version });
  if (!existed) {
    // Registration tags carry no counter, as `gto register` writes them by default.
    versionTag = formatTag({ name: r.name, action: 'register', version });
    make.push({ tag: versionTag, commit, message: tagMessage({ name: r.name, action: 'register', version }) });
    names.push(versionTag);
  }
  let stageTag: string | undefined;
  if (r.stage) {
    const current = r.state.stages[r.stage];
    if (current && current.version === version) stageTag = current.tag;
    else {
      stageTag = formatTag({ name: r.name, action: 'assign', stage: r.stage, counter: nextCounter(names, r.name) });
      make.push({ tag: stageTag, commit, message: tagMessage({ name: r.name, action: 'assign', stage: r.stage, versionOfCommit: version }) });
    }
  }
  const registeredAt = existed ? r.state.history.find((e) => e.action === 'register' && e.tag === versionTag)?.time : undefined;
  return { version, commit, versionTag, stageTag, make, existed, ...(registeredAt ? { registeredAt } : {}) };
}
