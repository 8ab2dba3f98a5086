import { UserError } from '../errors.js';

export type Destination = { kind: 'release' } | { kind: 'artifact' } | { kind: 'oci'; spec: string };

/**
 * The `destinations` input: `release`, `artifact`, `oci:<host>/<repo>`, in the order given;
 * `git-tag` is accepted and always happens (it is the registry). A destination twice is once.
 */
export function parseDestinations(items: string[]): Destination[] {
  const out: Destination[] = [];
  const seen = new Set<string>();
  for (const raw of items) {
    const item = raw.trim();
    if (!item || item === 'git-tag' || seen.has(item)) continue;
    seen.add(item);
    if (item === 'release' || item === 'artifact') out.push({ kind: item });
    else if (item.startsWith('oci:')) out.push({ kind: 'oci', spec: item });
    else throw new UserError(`input "destinations": "${item}" is not git-tag, release, artifact or oci:<host>/<repository>`, { input: 'destinations' });
  }
  return out;
}

export function destinationName(d: Destination): string {
  return d.kind === 'oci' ? d.spec : d.kind;
}
