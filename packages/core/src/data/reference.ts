import { execFile, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { basename, isAbsolute, join, relative, sep } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { UserError, type Problem } from '../errors.js';
import { resolveFiles } from '../files/globs.js';
import { messageOf, statusOf, type Api, type Repo } from '../forge/api.js';
import { apiCommit } from '../baseline/commit.js';
import { cloneKind } from '../baseline/git.js';

/**
 * The data to compare with for drift: the same files at another commit (`git:<ref>`, `git:base`)
 * or other files. A reference that does not exist is said as a notice, never a failure: a new
 * data file has no earlier copy, and a pull request must not fail for that.
 */

/** What the `reference` input asks for. */
export type ReferenceSpec =
  | { kind: 'git'; ref: string }
  /** `git:base`: the pull request's base, known only from the event. */
  | { kind: 'base' }
  | { kind: 'files'; patterns: string[] };

/** The base of a pull request as its event names it. */
export interface GitBase {
  sha?: string;
  ref?: string;
}

// A ref handed to git as one argument: a leading `-` would read as an option, a `:` would split
// `<ref>:<path>`, and whitespace or control characters are never part of a ref.
const SAFE_REF = /^[^-\s:][^\s:\u0000-\u001f\u007f]*$/;

export function parseReference(patterns: string[]): ReferenceSpec | undefined {
  if (patterns.length === 0) return undefined;
  const git = patterns.filter((p) => p.startsWith('git:'));
  if (git.length === 0) return { kind: 'files', patterns };
  if (patterns.length > 1) {
    throw new UserError('input "reference": give either one git:<ref> or files, not both', { input: 'reference' });
  }
  const ref = git[0].slice(4).trim();
  if (ref === 'base') return { kind: 'base' };
  if (!SAFE_REF.test(ref)) {
    throw new UserError(`input "reference": "${git[0]}" is not a git ref (use git:base, git:main, git:<sha>)`, { input: 'reference' });
  }
  return { kind: 'git', ref };
}

/** The base of the pull request an event is about (pull_request, pull_request_target, reviews). */
export function pullRequestBase(payload: unknown): GitBase | undefined {
  const base = (payload as { pull_request?: { base?: { sha?: unknown; ref?: unknown } } })?.pull_request?.base;
  if (!base) return undefined;
  const sha = typeof base.sha === 'string' && /^[0-9a-f]{40}$/i.test(base.sha) ? base.sha : undefined;
  const ref = typeof base.ref === 'string' && SAFE_REF.test(base.ref) ? base.ref : undefined;
  return sha || ref ? { sha, ref } : undefined;
}

export interface ReferenceOptions {
  /** Relative paths and the repository's files are resolved from here (GITHUB_WORKSPACE). */
  workspace: string;
  /** Where copies of files at a ref are written; removed by `cleanup`. */
  tempDir: string;
  /** For `git:base`: the pull request's base (pullRequestBase of the event). */
  base?: GitBase;
  /** For refs missing from a shallow clone: the contents API. */
  api?: Api;
  repo?: Repo;
}

export interface ReferenceFiles {
  /** Local files to compare with (copies, for a git ref). Empty: no drift. */
  files: string[];
  /** How each reference file is named in the report: `data/train.csv@main`. */
  labels: Map<string, string>;
  /** No reference, and why; for the log, never a failure. */
  notices: Problem[];
  /** Where each copy came from, for the log: `git`, `api` or `files`. */
  sources: Map<string, 'git' | 'api' | 'files'>;
  cleanup(): Promise<void>;
}

/** The workspace-relative name of a file, `/`-separated, as GitHub names files in a repository. */
export function workspacePath(file: string, workspace: string): string {
  const rel = relative(workspace, file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return file;
  return rel.split(sep).join('/');
}

/**
 * Finds the reference for a set of data files: for a git ref, each data file at that ref (from the
 * local clone, else the contents API); for files, those files.
 */
export async function fetchReference(spec: ReferenceSpec, dataFiles: string[], o: ReferenceOptions): Promise<ReferenceFiles> {
  const out: ReferenceFiles = { files: [], labels: new Map(), notices: [], sources: new Map(), cleanup: async () => {} };
  if (spec.kind === 'files') {
    try {
      out.files = await resolveFiles(spec.patterns, o.workspace, 'reference');
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      out.notices.push({ severity: 'notice', message: `no reference: ${e.message}; drift was not computed` });
      return out;
    }
    for (const f of out.files) {
      out.labels.set(f, workspacePath(f, o.workspace));
      out.sources.set(f, 'files');
    }
    return out;
  }

  let refs: string[];
  let label: string;
  if (spec.kind === 'base') {
    if (!o.base) {
      out.notices.push({
        severity: 'notice',
        message: 'no reference: git:base names the base branch of a pull request, and this run is not for one; drift was not computed',
      });
      return out;
    }
    refs = [o.base.sha, o.base.ref && `origin/${o.base.ref}`].filter((r): r is string => Boolean(r));
    label = o.base.ref ?? o.base.sha!.slice(0, 7);
  } else {
    // actions/checkout creates only the checked-out branch; other branches are `origin/<name>`.
    refs = [spec.ref, ...(/^[0-9a-f]{7,40}$/i.test(spec.ref) || spec.ref.includes('/') ? [] : [`origin/${spec.ref}`])];
    label = spec.ref;
  }
  // The API takes one name: the exact commit when the event gave one.
  const apiRef = spec.kind === 'base' ? (o.base!.sha ?? o.base!.ref!) : spec.ref;

  const dir = await mkdtemp(join(o.tempDir, 'mlci-reference-'));
  out.cleanup = () => rm(dir, { recursive: true, force: true });
  const clone = await localClone(o.workspace);
  const commit = clone ? await firstCommit(clone.top, refs) : undefined;
  if (spec.kind === 'git' && !commit) await refuseMissingRef(spec.ref, clone, o);
  for (const [i, file] of dataFiles.entries()) {
    const shown = workspacePath(file, o.workspace);
    const repoPath = clone ? workspacePath(file, clone.top) : shown;
    if (isAbsolute(repoPath)) {
      out.notices.push({ severity: 'notice', message: `no reference for ${shown}: it is outside the repository` });
      continue;
    }
    // Each copy keeps its name (`train.csv.gz`): the format is detected from it.
    const dest = join(dir, String(i), basename(file));
    await mkdir(join(dir, String(i)));
    let found: 'git' | 'api' | 'missing';
    let why = '';
    if (clone && commit) {
      found = (await gitBlobToFile(clone.top, commit, repoPath, dest)) ? 'git' : 'missing';
    } else if (o.api && o.repo) {
      const got = await contentsToFile(o.api, o.repo, repoPath, apiRef, dest);
      found = got === true ? 'api' : 'missing';
      if (got !== true) why = got;
    } else {
      found = 'missing';
      why = clone
        ? `${label} is not in the local clone (a shallow checkout: fetch-depth: 0 brings it) and there is no token to ask GitHub`
        : 'the workspace is not a git clone and there is no token to ask GitHub';
    }
    if (found === 'missing') {
      out.notices.push({ severity: 'notice', message: `no reference for ${shown} at ${label}${why ? `: ${why}` : ''}` });
      continue;
    }
    out.files.push(dest);
    out.labels.set(dest, `${shown}@${label}`);
    out.sources.set(dest, found);
  }
  if (out.files.length === 0 && dataFiles.length > 1) {
    out.notices.push({ severity: 'notice', message: `no reference at ${label}: drift was not computed` });
  }
  return out;
}

/**
 * A ref the user named that names no commit (`git:mian`) is the user's error, never "no reference":
 * GitHub is asked when the clone lacks it (the contents endpoint's 404 cannot tell a missing ref
 * from a missing file); a full clone that lacks it is answer enough. A shallow clone without a
 * token cannot tell, and the per-file notices say so.
 */
async function refuseMissingRef(ref: string, clone: { top: string } | undefined, o: ReferenceOptions): Promise<void> {
  let where: string | undefined;
  if (o.api && o.repo) {
    if (!(await apiCommit(o.api, o.repo, ref, 'reference'))) where = `${o.repo.owner}/${o.repo.repo}`;
  } else if (clone && (await cloneKind(clone.top)) === 'full') {
    where = 'this clone';
  }
  if (where) throw new UserError(`input "reference": git:${ref} is not a branch, tag or commit of ${where}`, { input: 'reference' });
}

interface GitResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** git with an argument array (never a shell), for short answers. */
function git(args: string[], cwd: string): Promise<GitResult> {
  return new Promise((done) => {
    execFile('git', args, { cwd, maxBuffer: 1 << 20, env: gitEnv() }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : -1) : 0;
      done({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

// Never ask for credentials on a terminal that is not there (a partial clone may fetch lazily).
const gitEnv = () => ({ ...process.env, GIT_TERMINAL_PROMPT: '0' });

async function localClone(workspace: string): Promise<{ top: string } | undefined> {
  const r = await git(['rev-parse', '--show-toplevel'], workspace);
  return r.code === 0 ? { top: r.stdout.trim() } : undefined;
}

/** The first of the candidate refs that names a commit in the local clone. */
async function firstCommit(top: string, refs: string[]): Promise<string | undefined> {
  for (const ref of refs) {
    const r = await git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], top);
    if (r.code === 0) return r.stdout.trim();
  }
  return undefined;
}

/**
 * Writes the blob at `<commit>:<path>` to a file, streamed (data files are large): git's stdout
 * is the file itself. `cat-file blob` gives the committed bytes exactly; `git show` would run
 * textconv filters. False when the commit has no such file.
 */
async function gitBlobToFile(top: string, commit: string, path: string, dest: string): Promise<boolean> {
  const spec = `${commit}:${path}`;
  const type = await git(['cat-file', '-t', spec], top);
  if (type.code !== 0 || type.stdout.trim() !== 'blob') return false;
  const fh = await open(dest, 'w');
  try {
    const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((done, fail) => {
      const child = spawn('git', ['cat-file', 'blob', spec], { cwd: top, env: gitEnv(), stdio: ['ignore', fh.fd, 'pipe'] });
      let err = '';
      child.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d));
      child.on('error', fail);
      child.on('close', (c) => done({ code: c, stderr: err }));
    });
    if (code !== 0) throw new Error(`git cat-file blob ${spec} failed: ${stderr.trim()}`);
  } finally {
    await fh.close();
  }
  return true;
}

/**
 * A file at a ref through `GET /repos/{owner}/{repo}/contents/{path}?ref=`, streamed to `dest`.
 * The raw media type is asked for: without it GitHub sends no content for files over 1 MB
 * (`encoding: "none"`), and with it files up to 100 MB come as their bytes. A server that
 * answers with the JSON description anyway is read from its base64 `content`.
 * Returns true, or why there is no file.
 */
async function contentsToFile(api: Api, repo: Repo, path: string, ref: string, dest: string): Promise<true | string> {
  let res: Awaited<ReturnType<Api['request']>>;
  try {
    res = await api.request('GET /repos/{owner}/{repo}/contents/{path}', {
      ...repo,
      path,
      ref,
      headers: { accept: 'application/vnd.github.raw+json' },
      request: { parseSuccessResponseBody: false },
    });
  } catch (e) {
    const status = statusOf(e);
    if (status === 404) return `GitHub has no such file at ${ref}`;
    if (status === 403 || status === 401) return `GitHub refused to read it (${messageOf(e)}): the token needs contents: read`;
    throw new UserError(`cannot fetch the reference ${path}@${ref} from GitHub: ${messageOf(e)}`, { input: 'reference', cause: e });
  }
  const body = toReadable(res.data);
  const type = String(res.headers['content-type'] ?? '');
  if (!/^application\/json/i.test(type)) {
    await pipeline(body, createWriteStream(dest));
    return true;
  }
  // The JSON description: a directory (an array), or a file with base64 content.
  const chunks: Buffer[] = [];
  for await (const c of body) chunks.push(Buffer.from(c as Uint8Array));
  const json = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { type?: string; encoding?: string; content?: string } | unknown[];
  if (Array.isArray(json) || json.type !== 'file') return `${path} is not a file at ${ref}`;
  if (json.encoding !== 'base64' || typeof json.content !== 'string') {
    throw new UserError(
      `GitHub sent ${path}@${ref} without its content (encoding "${json.encoding}": a file over 1 MB) although the raw media type was asked for`,
      { input: 'reference' },
    );
  }
  await writeFile(dest, Buffer.from(json.content, 'base64'));
  return true;
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
