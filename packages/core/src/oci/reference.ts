import { UserError } from '../errors.js';

/** Where a model goes: a registry host (with its port, if any) and a repository in it. */
export interface OciReference {
  registry: string;
  repository: string;
  /** Loopback registries speak plain HTTP, as Docker and ORAS assume for them; every other host HTTPS. */
  plainHttp: boolean;
}

const INPUT = 'destinations';

// The distribution spec's grammar for a repository name: lowercase path components joined by `/`.
const COMPONENT = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*$/;
// A host name or IPv4 address, or a bracketed IPv6 address, then an optional port.
const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])(?::(\d{1,5}))?$/;

/**
 * `oci:ghcr.io/owner/churn-model` → `{ registry: 'ghcr.io', repository: 'owner/churn-model' }`.
 * The tag is never part of it: it is the model's version. The host must be written out (Docker's
 * rule: a first component with a dot or a port, or `localhost`), so that `oci:owner/model` is not
 * silently sent to some default registry.
 */
export function parseOciDestination(spec: string): OciReference {
  const text = spec.trim();
  const bad = (why: string) => new UserError(`destination \`${text}\`: ${why}`, { input: INPUT });
  if (!/^oci:/i.test(text)) throw bad('an OCI destination is written `oci:<host>/<repository>`, e.g. `oci:ghcr.io/owner/model`');
  const rest = text.slice(4).replace(/^\/\//, '');
  if (/\s/.test(rest)) throw bad('it has a space in it');
  const slash = rest.indexOf('/');
  if (slash < 0) throw bad('name the registry host and the repository in it: `oci:<host>/<repository>`, e.g. `oci:ghcr.io/owner/model`');
  const registry = rest.slice(0, slash);
  let repository = rest.slice(slash + 1);
  const host = HOST.exec(registry);
  if (!host || (host[1] !== undefined && (Number(host[1]) < 1 || Number(host[1]) > 65535))) throw bad(`\`${registry}\` is not a registry host`);
  if (!registry.includes('.') && !registry.includes(':') && registry !== 'localhost') {
    throw bad(`\`${registry}\` is not a registry host (write it with its domain or port, e.g. \`ghcr.io/${registry}/...\`)`);
  }
  if (repository.includes('@')) throw bad('a destination names a repository, not a digest');
  const tag = repository.lastIndexOf(':');
  if (tag >= 0) throw bad(`leave the tag (\`${repository.slice(tag)}\`) out: the model is tagged with its version`);
  repository = repository.replace(/\/+$/, '');
  if (!repository) throw bad('name the repository after the host');
  if (repository !== repository.toLowerCase()) throw bad(`repository names are lowercase in OCI registries: write \`${repository.toLowerCase()}\``);
  if (repository.length > 255 || !repository.split('/').every((c) => COMPONENT.test(c))) {
    throw bad(`\`${repository}\` is not a repository name (lowercase letters, digits and . _ - between them, parts joined by /)`);
  }
  return { registry: registry.toLowerCase(), repository, plainHttp: isLoopback(registry) };
}

/** localhost, 127.0.0.0/8 and ::1, with or without a port. */
export function isLoopback(registry: string): boolean {
  const host = registry.startsWith('[') ? registry.slice(0, registry.indexOf(']') + 1) : registry.replace(/:\d+$/, '');
  const h = host.toLowerCase();
  return h === 'localhost' || h === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(h);
}

/** The base URL of a registry's API. Docker Hub's name and its API host differ. */
export function registryUrl(ref: OciReference): string {
  const host = ref.registry === 'docker.io' ? 'registry-1.docker.io' : ref.registry;
  return `${ref.plainHttp ? 'http' : 'https'}://${host}`;
}

// The distribution spec's tag grammar.
const TAG = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;

/**
 * The OCI tag for a version. SemVer build metadata (`1.0.0+abc`) has a `+`, which tags cannot hold:
 * it becomes `_`, as Helm does for charts in OCI registries.
 */
export function tagFor(version: string): string {
  const tag = version.replace(/\+/g, '_');
  if (!TAG.test(tag)) throw new UserError(`\`${version}\` cannot be an OCI tag (letters, digits and . _ -, at most 128)`, { input: 'version' });
  return tag;
}
