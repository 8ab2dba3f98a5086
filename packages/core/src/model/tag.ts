import { UserError } from '../errors.js';

/**
 * GTO's git-tag grammar (iterative/gto, gto/constants.py and gto/tag.py), so a registry written
 * by `gto` reads here and one written here reads in `gto`:
 *
 *   name@vX.Y.Z[#N]     registers a version (an annotated tag on the model's commit)
 *   name@vX.Y.Z!#N      deregisters it
 *   name#stage#N        assigns a stage to the version of the tagged commit
 *   name#stage!#N       unassigns it
 *   name@deprecated[#N] deprecates the artifact
 *
 * The counter N is one above the highest counter any tag of that name carries. GTO also reads a
 * `dirname:name` artifact written as `dirname=name` in tags; that form is read, never written.
 */

export type TagAction = 'register' | 'deregister' | 'assign' | 'unassign' | 'deprecate' | 'create';

export interface ParsedTag {
  /** The artifact's name, with GTO's `=` turned back into `:`. */
  name: string;
  action: TagAction;
  /** `v1.2.3` for register/deregister. */
  version?: string;
  stage?: string;
  counter?: number;
}

const NAME = '[a-zA-Z0-9](?:[a-zA-Z0-9\\-/_]*[a-zA-Z0-9])?';
const DIRNAME_IN_TAG = '[a-zA-Z0-9\\-_./]+=';
// SemVer 2.0's own regular expression (semver.org), as GTO embeds it.
const SEMVER =
  '(?:0|[1-9]\\d*)\\.(?:0|[1-9]\\d*)\\.(?:0|[1-9]\\d*)(?:-(?:(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\\+[0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*)?';

export const NAME_RE = new RegExp(`^${NAME}$`);
export const VERSION_RE = new RegExp(`^v${SEMVER}$`);
const TAG_RE = new RegExp(
  `^(?<artifact>(?:${DIRNAME_IN_TAG})?${NAME})(?:(?:#(?<stage>${NAME})|@(?<version>v${SEMVER}))(?<cancel>!?)|@(?:(?<deprecated>deprecated)|(?<created>created)))(?:#(?<counter>[0-9]+))?$`,
);

/** The tag's meaning, or undefined when it is not a GTO tag. */
export function parseTag(tag: string): ParsedTag | undefined {
  const m = TAG_RE.exec(tag);
  if (!m?.groups) return undefined;
  const g = m.groups;
  const name = g.artifact.replace('=', ':');
  const counter = g.counter !== undefined ? Number(g.counter) : undefined;
  const base = { name, ...(counter !== undefined ? { counter } : {}) };
  if (g.deprecated) return { ...base, action: 'deprecate' };
  if (g.created) return { ...base, action: 'create' };
  if (g.version) return { ...base, action: g.cancel ? 'deregister' : 'register', version: g.version };
  return { ...base, action: g.cancel ? 'unassign' : 'assign', stage: g.stage };
}

/** The tag that records an action, as GTO names it. */
export function formatTag(t: ParsedTag): string {
  const counter = t.counter !== undefined ? `#${t.counter}` : '';
  const name = t.name.replace(':', '=');
  switch (t.action) {
    case 'register':
      return `${name}@${t.version}${counter}`;
    case 'deregister':
      return `${name}@${t.version}!${counter}`;
    case 'assign':
      return `${name}#${t.stage}${counter}`;
    case 'unassign':
      return `${name}#${t.stage}!${counter}`;
    case 'deprecate':
      return `${name}@deprecated${counter}`;
    case 'create':
      return `${name}@created${counter}`;
  }
}

/**
 * The counter the next counted tag of `name` takes: one above the highest of any tag of that
 * name, whatever its action (GTO's name_tag).
 */
export function nextCounter(tags: Iterable<string>, name: string): number {
  let highest = 0;
  for (const t of tags) {
    const p = parseTag(t);
    if (p?.name === name && p.counter !== undefined && p.counter > highest) highest = p.counter;
  }
  return highest + 1;
}

/** The message GTO writes into each kind of tag (gto/registry.py), kept so `gto history` reads alike. */
export function tagMessage(t: ParsedTag & { versionOfCommit?: string }): string {
  switch (t.action) {
    case 'register':
      return `Registering artifact ${t.name} version ${t.version}`;
    case 'deregister':
      return `Deregistering artifact ${t.name} version ${t.version}`;
    case 'assign':
      return `Assigning stage ${t.stage} to artifact ${t.name} version ${t.versionOfCommit ?? t.version}`;
    case 'unassign':
      return `Unassigning stage '${t.stage}' to artifact '${t.name}' version '${t.versionOfCommit ?? t.version}'`;
    case 'deprecate':
      return `Deprecating artifact '${t.name}'`;
    case 'create':
      return `Creating artifact ${t.name}`;
  }
}

const NAME_RULE = "letters, digits, '-', '_' and '/', starting and ending with a letter or a digit";

/** A model or stage name as GTO accepts it, else a UserError naming the input. */
export function checkName(value: string, input: string): string {
  if (!NAME_RE.test(value)) throw new UserError(`input "${input}": "${value}" is not a name GTO accepts (${NAME_RULE})`, { input });
  return value;
}

/** `v1.2.3` (a `v` and SemVer 2.0, pre-release and build allowed), else a UserError naming the input. */
export function checkVersion(value: string, input: string): string {
  if (!VERSION_RE.test(value)) {
    throw new UserError(`input "${input}": "${value}" is not a version GTO accepts: a "v" and a SemVer 2.0 version, e.g. v1.2.0 or v2.0.0-rc.1`, { input });
  }
  return value;
}
