import { compare, parse } from 'semver';
import { UserError } from '../errors.js';
import { VERSION_RE } from './tag.js';

/** GTO's first version when nothing is registered yet (SemVer.get_minimal). */
export const FIRST_VERSION = 'v0.0.1';

export type Bump = 'patch' | 'minor' | 'major';

/** SemVer 2.0 precedence of two `v`-versions (pre-releases below their release; build ignored). */
export function compareVersions(a: string, b: string): number {
  return compare(a.slice(1), b.slice(1));
}

export function isVersion(v: string): boolean {
  return VERSION_RE.test(v);
}

/**
 * The next version after `v`, as GTO bumps it (python-semver's bump_*: the pre-release and build
 * are dropped and the part is raised, so v1.2.3-rc.1 bumps to v1.2.4). npm's `semver.inc` would
 * answer v1.2.3 there, which GTO would not.
 */
export function bumpVersion(v: string, bump: Bump): string {
  const s = parse(v.slice(1));
  if (!s) throw new UserError(`"${v}" is not a SemVer version`);
  if (bump === 'major') return `v${s.major + 1}.0.0`;
  if (bump === 'minor') return `v${s.major}.${s.minor + 1}.0`;
  return `v${s.major}.${s.minor}.${s.patch + 1}`;
}

export function parseBump(value: string, input = 'bump'): Bump {
  const v = value.trim() || 'patch';
  if (v === 'patch' || v === 'minor' || v === 'major') return v;
  throw new UserError(`input "${input}": "${value}" is not patch, minor or major`, { input });
}
