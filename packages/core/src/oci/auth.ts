/** What a registry's `WWW-Authenticate` asks for. */
export interface Challenge {
  scheme: 'bearer' | 'basic';
  realm?: string;
  service?: string;
  scope?: string;
  error?: string;
}

export interface Credentials {
  username?: string;
  password?: string;
}

/**
 * Parses the challenges of a `WWW-Authenticate` header (RFC 7235: comma-separated auth-params,
 * quoted strings with backslash escapes). Only Bearer and Basic are understood; a header offering
 * both gives both, Bearer first.
 */
export function parseChallenges(header: string | null): Challenge[] {
  if (!header) return [];
  const out: Challenge[] = [];
  let current: Challenge | undefined;
  let rest = header;
  const take = (re: RegExp) => {
    const m = re.exec(rest);
    if (m) rest = rest.slice(m[0].length);
    return m;
  };
  for (;;) {
    take(/^[\s,]+/);
    if (!rest) break;
    const param = take(/^([A-Za-z0-9_.-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))/);
    if (param) {
      const key = param[1].toLowerCase();
      const value = param[2] !== undefined ? param[2].replace(/\\(.)/g, '$1') : param[3];
      if (current && (key === 'realm' || key === 'service' || key === 'scope' || key === 'error')) current[key] = value;
      continue;
    }
    const scheme = take(/^([A-Za-z0-9_.-]+)/);
    if (!scheme) break;
    const name = scheme[1].toLowerCase();
    current = name === 'bearer' || name === 'basic' ? { scheme: name } : undefined;
    if (current) out.push(current);
  }
  return out.sort((a, b) => (a.scheme === b.scheme ? 0 : a.scheme === 'bearer' ? -1 : 1));
}

/**
 * The user name sent with a password alone. GHCR takes the job's token as the password with any
 * user name, and a Basic header needs one.
 */
const ANY_USER = 'mlci';

export function basicHeader(c: Credentials): string {
  return `Basic ${Buffer.from(`${c.username || ANY_USER}:${c.password ?? ''}`).toString('base64')}`;
}

export function hasCredentials(c: Credentials | undefined): c is Credentials {
  return !!c && (!!c.password || !!c.username);
}

/** The URL to ask a token service for a token: the challenge's scope and the ones the operation needs, each once. */
export function tokenUrl(challenge: Challenge, scopes: string[]): string {
  const url = new URL(challenge.realm!);
  if (challenge.service) url.searchParams.set('service', challenge.service);
  const all = new Set<string>();
  for (const s of [...(challenge.scope ? challenge.scope.split(' ') : []), ...scopes]) if (s) all.add(s);
  for (const s of all) url.searchParams.append('scope', s);
  return url.toString();
}
