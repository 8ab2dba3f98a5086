import { execFile, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { open, writeFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import picomatch from 'picomatch';
import { UserError } from '../errors.js';
import { messageOf, statusOf, type Api, type Repo } from './api.js';

/**
 * The files of a commit, from the local clone (`git`) or through GitHub's contents endpoint
 * (`api`): the one way a baseline (compare-metrics) and a reference (validate-data) read a file at
 * a ref. Either source names the commit by its sha once it is opened, so every file comes from
 * the same commit even if the branch moves meanwhile. Paths are relative to the workspace with
 * `/` separators. Only regular files are files: a directory, a symlink or a submodule is no file
 * (a symlink in the clone would hand over its target's name as data; GitHub itself serves a link
 * to a file of the same commit as that file, and refuses the rest).
 */

/** A commit a baseline or a reference was read from: its sha and its committer date (ISO 8601). */
export interface CommitInfo {
  sha: string;
  date?: string;
}

export interface FilesAtRef {
  via: 'git' | 'api';
  commit: CommitInfo;
  /** The file's bytes, or undefined when the commit has no regular file at `path`. */
  read(path: string): Promise<Buffer | undefined>;
  /** Streams the file to `dest` (data files are large); false when the commit has no regular file at `path`. */
  copyTo(path: string, dest: string): Promise<boolean>;
  /** The commit's files matching the patterns, sorted; the API cannot list cheaply and answers []. */
  list(patterns: string[]): Promise<string[]>;
}

export interface AtRefOptions {
  /** The input (or CLI flag) the ref came from, named in errors. */
  input: string;
  /** The largest file read; a larger one is a UserError naming it. */
  maxBytes?: number;
}

/** Metrics and plot data are small, but a baseline or a reference must not die on a large CSV. */
export const MAX_FILE_AT_REF = 512 * 1024 * 1024;

// ---- the local clone ---------------------------------------------------------------------------

/**
 * The files of `ref` in the local clone of `cwd`, or undefined when the clone lacks the ref (a
 * shallow checkout, a ref never fetched) or there is no clone. git runs with argument arrays,
 * never through a shell: a ref comes from an input or an event payload.
 */
export async function openInClone(ref: string, cwd: string, o: AtRefOptions): Promise<FilesAtRef | undefined> {
  const sha = await resolveCommit(ref, cwd);
  if (!sha) return undefined;
  const date = await commitDate(sha, cwd);
  const max = o.maxBytes ?? MAX_FILE_AT_REF;
  const shown = (path: string) => `${path}@${ref}`;
  /** The blob of a regular file at `path`, by its mode in the tree: 100644 or 100755. */
  const blobOf = async (path: string): Promise<string | undefined> => {
    // Without --full-name, ls-tree takes and names paths relative to cwd, the workspace, wherever
    // the repository's root is; literal pathspecs keep `*` in a file name a character.
    const r = await git(['ls-tree', '-l', '-z', sha, '--', `./${path}`], cwd);
    if (r.code !== 0) return undefined;
    const entry = /^(\d{6}) (\w+) ([0-9a-f]{40,64}) +(\d+|-)\t/.exec(r.stdout);
    if (!entry || (entry[1] !== '100644' && entry[1] !== '100755') || entry[2] !== 'blob') return undefined;
    if (Number(entry[4]) > max) throw tooLarge(shown(path), Number(entry[4]), max, o.input);
    return entry[3];
  };
  return {
    via: 'git',
    commit: { sha, ...(date ? { date } : {}) },
    async read(path) {
      const blob = await blobOf(path);
      if (!blob) return undefined;
      // `cat-file blob` gives the committed bytes exactly; `git show` would run textconv filters.
      return new Promise((done, fail) => {
        execFile('git', ['cat-file', 'blob', blob], { cwd, env: gitEnv(), encoding: 'buffer', maxBuffer: max + 1 }, (err, stdout) =>
          err ? fail(err) : done(stdout),
        );
      });
    },
    async copyTo(path, dest) {
      const blob = await blobOf(path);
      if (!blob) return false;
      const fh = await open(dest, 'w');
      try {
        const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((done, fail) => {
          const child = spawn('git', ['cat-file', 'blob', blob], { cwd, env: gitEnv(), stdio: ['ignore', fh.fd, 'pipe'] });
          let err = '';
          child.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d));
          child.on('error', fail);
          child.on('close', (c) => done({ code: c, stderr: err }));
        });
        if (code !== 0) throw new Error(`git cat-file blob ${blob} (${shown(path)}) failed: ${stderr.trim()}`);
      } finally {
        await fh.close();
      }
      return true;
    },
    async list(patterns) {
      const r = await git(['ls-tree', '-r', '-z', '--name-only', sha], cwd, 64 << 20);
      if (r.code !== 0) throw new Error(`git ls-tree ${sha} failed: ${r.stderr.trim()}`);
      const match = picomatch(patterns, { dot: false });
      return r.stdout
        .split('\0')
        .filter((n) => n && match(n))
        .sort();
    },
  };
}

/**
 * The commit a ref names locally, or undefined. Tried as given, then as `origin/<ref>` (what
 * actions/checkout leaves for other branches).
 */
export async function resolveCommit(ref: string, cwd: string): Promise<string | undefined> {
  const candidates = ref.startsWith('origin/') || /^[0-9a-f]{40}$/i.test(ref) ? [ref] : [ref, `origin/${ref}`];
  for (const candidate of candidates) {
    // `--end-of-options` keeps a ref from being read as an option, whatever it starts with.
    const r = await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${candidate}^{commit}`], cwd);
    const sha = r.stdout.trim();
    if (r.code === 0 && /^[0-9a-f]{40,64}$/.test(sha)) return sha;
  }
  return undefined;
}

/** The committer date (ISO 8601) of a commit of the local clone. */
export async function commitDate(rev: string, cwd: string): Promise<string | undefined> {
  const r = await git(['show', '-s', '--format=%cI', '--end-of-options', rev], cwd);
  return (r.code === 0 && r.stdout.trim()) || undefined;
}

/**
 * What the workspace is: a full clone (a ref it lacks does not exist), a shallow one
 * (actions/checkout's default: a ref it lacks may still exist), or no clone at all.
 */
export async function cloneKind(cwd: string): Promise<'full' | 'shallow' | 'none'> {
  const r = await git(['rev-parse', '--is-shallow-repository'], cwd);
  if (r.code !== 0) return 'none';
  return r.stdout.trim() === 'false' ? 'full' : 'shallow';
}

/** Where the workspace sits inside its repository (`''` at the root, `ml/` in a subfolder). */
export async function repositoryPrefix(cwd: string): Promise<string> {
  const r = await git(['rev-parse', '--show-prefix'], cwd);
  return r.code === 0 ? r.stdout.trim() : '';
}

interface GitResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** git with an argument array (never a shell), for short answers. */
function git(args: string[], cwd: string, maxBuffer = 1 << 20): Promise<GitResult> {
  return new Promise((done) => {
    execFile('git', args, { cwd, maxBuffer, env: gitEnv() }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : -1) : 0;
      done({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

// Never ask for credentials on a terminal that is not there (a partial clone may fetch lazily);
// a path is a path, never a pattern.
const gitEnv = () => ({ ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_LITERAL_PATHSPECS: '1' });

// ---- the contents API --------------------------------------------------------------------------

/**
 * The commit a ref names on GitHub (`GET /repos/{owner}/{repo}/commits/{ref}`), or undefined when
 * the repository has no such branch, tag or commit: GitHub answers 422 ("No commit found for SHA")
 * for those. The contents endpoint cannot tell: its 404 means a missing ref and a missing file
 * alike. A 404 here means the repository is not visible to the token: a UserError naming `input`.
 */
export async function apiCommit(api: Api, repo: Repo, ref: string, input = 'baseline'): Promise<CommitInfo | undefined> {
  try {
    const { data } = await api.request('GET /repos/{owner}/{repo}/commits/{ref}', { ...repo, ref, per_page: 1 });
    const date = data.commit?.committer?.date ?? data.commit?.author?.date ?? undefined;
    return { sha: data.sha, ...(date ? { date } : {}) };
  } catch (e) {
    const status = statusOf(e);
    if (status === 422) return undefined;
    if (status === 404) {
      throw new UserError(
        `input "${input}": GitHub has no repository ${repo.owner}/${repo.repo} that the token can read, so git:${ref} cannot be looked up (the token needs contents: read)`,
        { input, cause: e },
      );
    }
    throw e;
  }
}

/**
 * The files of `ref` through `GET /repos/{owner}/{repo}/contents/{path}`, for a checkout that
 * lacks the ref. The ref is resolved to its commit first (apiCommit: one request) unless the
 * caller knows the commit, and every file is read at that sha; undefined when the ref names no
 * commit. `prefix` is where the workspace sits inside the repository (repositoryPrefix).
 */
export async function openThroughApi(
  api: Api,
  repo: Repo,
  ref: string,
  o: AtRefOptions & { prefix?: string; commit?: CommitInfo },
): Promise<FilesAtRef | undefined> {
  const commit = o.commit ?? (await apiCommit(api, repo, ref, o.input));
  if (!commit) return undefined;
  const max = o.maxBytes ?? MAX_FILE_AT_REF;
  const prefix = o.prefix ?? '';
  const fetch = async (path: string): Promise<Readable | Buffer | undefined> => {
    const shown = `${path}@${ref}`;
    let res: Awaited<ReturnType<Api['request']>>;
    try {
      // The raw media type: without it GitHub sends no content for files over 1 MB (`encoding:
      // "none"`); with it files up to 100 MB come as their bytes.
      res = await api.request('GET /repos/{owner}/{repo}/contents/{path}', {
        ...repo,
        path: prefix + path,
        ref: commit.sha,
        headers: { accept: 'application/vnd.github.raw+json' },
        request: { parseSuccessResponseBody: false },
      });
    } catch (e) {
      const status = statusOf(e);
      if (status === 404) return undefined;
      const why = status === 403 || status === 401 ? `GitHub refused to read it (${messageOf(e)}): the token needs contents: read` : messageOf(e);
      throw new UserError(`input "${o.input}": cannot read ${shown} from GitHub: ${why}`, { input: o.input, cause: e });
    }
    const size = Number(res.headers['content-length']);
    if (size > max) throw tooLarge(shown, size, max, o.input);
    const body = bounded(toReadable(res.data), max, shown, o.input);
    if (!/^application\/json/i.test(String(res.headers['content-type'] ?? ''))) return body;
    // The JSON description: a directory (a list), a submodule, a symlink GitHub did not follow, or
    // a file with base64 content from a server that ignores the raw media type.
    const chunks: Buffer[] = [];
    for await (const c of body) chunks.push(Buffer.from(c as Uint8Array));
    const json = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { type?: string; encoding?: string; content?: string } | unknown[];
    if (Array.isArray(json) || json.type !== 'file') return undefined;
    if (json.encoding !== 'base64' || typeof json.content !== 'string') {
      throw new UserError(
        `input "${o.input}": GitHub sent ${shown} without its content (encoding "${json.encoding}": a file over 1 MB) although the raw media type was asked for`,
        { input: o.input },
      );
    }
    return Buffer.from(json.content, 'base64');
  };
  return {
    via: 'api',
    commit,
    async read(path) {
      const got = await fetch(path);
      if (got === undefined || Buffer.isBuffer(got)) return got;
      const chunks: Buffer[] = [];
      for await (const c of got) chunks.push(Buffer.from(c as Uint8Array));
      return Buffer.concat(chunks);
    },
    async copyTo(path, dest) {
      const got = await fetch(path);
      if (got === undefined) return false;
      if (Buffer.isBuffer(got)) await writeFile(dest, got);
      else await pipeline(got, createWriteStream(dest));
      return true;
    },
    list: async () => [],
  };
}

function tooLarge(shown: string, size: number, max: number, input: string): UserError {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
  return new UserError(`input "${input}": ${shown} is ${mb(size)}, more than the ${mb(max)} read at a ref`, { input });
}

/** Passes the bytes on until there are more than `max`: a server's content-length is not trusted. */
function bounded(body: Readable, max: number, shown: string, input: string): Readable {
  return Readable.from(
    (async function* () {
      let seen = 0;
      for await (const chunk of body) {
        seen += (chunk as Uint8Array).length;
        if (seen > max) throw tooLarge(shown, seen, max, input);
        yield chunk as Uint8Array;
      }
    })(),
  );
}

function toReadable(data: unknown): Readable {
  if (data instanceof Readable) return data;
  if (data && typeof (data as ReadableStream).getReader === 'function') {
    return Readable.fromWeb(data as import('node:stream/web').ReadableStream);
  }
  // A client that parsed the body anyway (a string, bytes, or the JSON object).
  if (typeof data === 'string' || data instanceof Uint8Array) return Readable.from([Buffer.from(data)]);
  if (data instanceof ArrayBuffer) return Readable.from([Buffer.from(data)]);
  return Readable.from([Buffer.from(JSON.stringify(data))]);
}
