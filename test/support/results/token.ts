export interface BackendIds {
  workflowRunBackendId: string;
  workflowJobRunBackendId: string;
}

const b64url = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

/**
 * An ACTIONS_RUNTIME_TOKEN as the runner hands it out, minus the signature: the toolkit only
 * decodes the claims (jwt-decode) and reads the backend ids from the `Actions.Results:<run>:<job>`
 * entry of the space-separated `scp` claim.
 */
export function runtimeToken(ids: BackendIds): string {
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    scp: `Actions.ExampleScope Actions.Results:${ids.workflowRunBackendId}:${ids.workflowJobRunBackendId}`,
    // The cache scopes the real token carries; the loopback service keeps one scope.
    ac: JSON.stringify([{ Scope: 'refs/heads/main', Permission: 3 }]),
    iss: 'vstoken.actions.githubusercontent.com',
    aud: 'vso:mlci-loopback',
    nbf: now - 60,
    exp: now + 6 * 3600,
  };
  return `${b64url({ typ: 'JWT', alg: 'none' })}.${b64url(claims)}.`;
}

/** The backend ids a bearer token names, or undefined when it is not one of ours. */
export function backendIdsOf(authorization: string | undefined): BackendIds | undefined {
  const m = /^Bearer\s+([^.\s]+)\.([^.\s]+)\.?/i.exec(authorization ?? '');
  if (!m) return undefined;
  let scp: unknown;
  try {
    scp = JSON.parse(Buffer.from(m[2], 'base64url').toString('utf8')).scp;
  } catch {
    return undefined;
  }
  if (typeof scp !== 'string') return undefined;
  for (const scope of scp.split(' ')) {
    const parts = scope.split(':');
    if (parts[0] === 'Actions.Results' && parts.length === 3) {
      return { workflowRunBackendId: parts[1], workflowJobRunBackendId: parts[2] };
    }
  }
  return undefined;
}
