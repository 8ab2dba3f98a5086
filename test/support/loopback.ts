import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { startGitHubServer, type GitHubServer, type StartOptions } from './github/server.js';
import { startResultsService, type ResultsService, type ResultsServiceOptions } from './results/index.js';

/**
 * The loopback services a test file runs against, set up once per file: started before its
 * tests, closed after them. What each file used to write out by hand in its own
 * beforeAll/afterAll. The value returned stands for the service once it has started (it is
 * started in beforeAll, so it is used inside tests and hooks, never at the top of the file).
 */

export interface GitHubSetup extends StartOptions {
  /** A repository to make, `owner/name`, with the job's token for it. */
  repo?: string;
  token?: string;
  /** The token's identity: the Actions bot by default. */
  login?: string;
  /** Whether the token may write (a fork's pull request gets a read-only one). Default false. */
  write?: boolean;
  /** A pull request to open on the repository. */
  pull?: Parameters<GitHubServer['addPull']>[1];
  /** Fail each test that sent a request GitHub's description refuses. Default true. */
  checkRequests?: boolean;
}

/** A loopback GitHub (test/support/github) for the tests of this file. */
export function useGitHub(o: GitHubSetup = {}): GitHubServer {
  const { repo, token, login = 'github-actions[bot]', write = false, pull, checkRequests = true, ...start } = o;
  const started = startedLater<GitHubServer>('the loopback GitHub');
  beforeAll(async () => {
    const gh = await startGitHubServer(start);
    started.set(gh);
    if (repo) gh.addRepo(repo);
    if (repo && token) gh.addToken(token, { login, type: 'Bot', installation: true, write });
    if (repo && pull) gh.addPull(repo, pull);
  });
  afterAll(async () => started.current()?.close());
  if (checkRequests) afterEach(() => expect(started.current()?.violations).toEqual([]));
  return started.value;
}

/**
 * The loopback Actions results service and azurite (test/support/results) for the tests of this
 * file. With `restOn`, the loopback GitHub also serves its REST routes (the artifact listing and
 * download endpoints @actions/artifact's findBy calls); call useGitHub first.
 */
export function useResultsService(o: ResultsServiceOptions & { restOn?: GitHubServer } = {}): ResultsService {
  const { restOn, ...options } = o;
  const started = startedLater<ResultsService>('the results service');
  beforeAll(async () => {
    const results = await startResultsService(options);
    started.set(results);
    // The artifact routes take headers as plain strings; node's carry string[] for repeated ones.
    for (const r of restOn ? results.restRoutes() : []) {
      restOn!.route(r.method, r.openapiPath, (req) =>
        r.handler({ ...req, headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v ?? '')])) }),
      );
    }
  });
  afterAll(async () => started.current()?.close());
  return started.value;
}

/** An object that forwards to the service once beforeAll has started it. */
function startedLater<T extends object>(what: string): { value: T; set(service: T): void; current(): T | undefined } {
  let service: T | undefined;
  const value = new Proxy({} as T, {
    get(_, key) {
      if (!service) throw new Error(`${what} starts in beforeAll: use it inside tests and hooks`);
      const v = Reflect.get(service, key, service);
      return typeof v === 'function' ? v.bind(service) : v;
    },
    has: (_, key) => service !== undefined && key in service,
  });
  return { value, set: (s) => (service = s), current: () => service };
}
