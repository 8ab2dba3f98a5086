import type { Api } from './api.js';

/**
 * The login the token acts as, so upsert only ever edits our own comments.
 * `GET /user` answers 403 to the job's installation token; the GraphQL `viewer` works for both
 * installation and user tokens, so it goes first. Undefined when neither answers.
 */
export async function whoAmI(api: Api): Promise<string | undefined> {
  try {
    const r = await api.graphql<{ viewer: { login: string } }>('query { viewer { login } }');
    if (r?.viewer?.login) return r.viewer.login;
  } catch {
    // fall through to REST
  }
  try {
    const { data } = await api.request('GET /user');
    if (typeof data?.login === 'string') return data.login;
  } catch {
    // neither works: the caller decides what an unknown author means
  }
  return undefined;
}

/** GraphQL shows an app as `name`, REST as `name[bot]`; compare them as one. */
export function sameLogin(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const norm = (s: string) => s.toLowerCase().replace(/\[bot\]$/, '');
  return norm(a) === norm(b);
}
