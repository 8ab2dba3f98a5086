import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { basename, isAbsolute, join, relative, sep } from 'node:path';
import { UserError, type Problem } from '../errors.js';
import { resolveFiles } from '../files/globs.js';
import type { Api, Repo } from '../forge/api.js';
import { cloneKind, openInClone, openThroughApi, repositoryPrefix, type FilesAtRef } from '../forge/file-at-ref.js';

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

  let label: string;
  let files: FilesAtRef | undefined;
  if (spec.kind === 'base') {
    if (!o.base) {
      out.notices.push({
        severity: 'notice',
        message: 'no reference: git:base names the base branch of a pull request, and this run is not for one; drift was not computed',
      });
      return out;
    }
    label = o.base.ref ?? o.base.sha!.slice(0, 7);
    // The exact commit when the event gave one; actions/checkout leaves other branches as `origin/<name>`.
    files = o.base.sha ? await openInClone(o.base.sha, o.workspace, { input: 'reference' }) : undefined;
    if (!files && o.base.ref) files = await openInClone(`origin/${o.base.ref}`, o.workspace, { input: 'reference' });
  } else {
    label = spec.ref;
    files = await openInClone(spec.ref, o.workspace, { input: 'reference' });
  }
  let why = '';
  if (!files && o.api && o.repo) {
    const ref = spec.kind === 'base' ? (o.base!.sha ?? o.base!.ref!) : spec.ref;
    const known = spec.kind === 'base' && o.base!.sha ? { sha: o.base!.sha } : undefined;
    files = await openThroughApi(o.api, o.repo, ref, { input: 'reference', prefix: await repositoryPrefix(o.workspace), ...(known ? { commit: known } : {}) });
    // A ref the user named that names no commit (`git:mian`) is the user's error, never "no reference".
    if (!files && spec.kind === 'git') refuse(spec.ref, `${o.repo.owner}/${o.repo.repo}`);
    why = files ? `GitHub has no such file at ${label}` : `GitHub has no commit ${label}`;
  } else if (!files) {
    const clone = await cloneKind(o.workspace);
    // A full clone that lacks the ref is answer enough; a shallow one without a token cannot tell.
    if (spec.kind === 'git' && clone === 'full') refuse(spec.ref, 'this clone');
    why =
      clone === 'none'
        ? 'the workspace is not a git clone and there is no token to ask GitHub'
        : `${label} is not in the local clone (a shallow checkout: fetch-depth: 0 brings it) and there is no token to ask GitHub`;
  }

  const dir = await mkdtemp(join(o.tempDir, 'mlci-reference-'));
  out.cleanup = () => rm(dir, { recursive: true, force: true });
  for (const [i, file] of dataFiles.entries()) {
    const shown = workspacePath(file, o.workspace);
    if (isAbsolute(shown)) {
      out.notices.push({ severity: 'notice', message: `no reference for ${shown}: it is outside the repository` });
      continue;
    }
    // Each copy keeps its name (`train.csv.gz`): the format is detected from it.
    const dest = join(dir, String(i), basename(file));
    await mkdir(join(dir, String(i)));
    if (!files || !(await files.copyTo(shown, dest))) {
      out.notices.push({ severity: 'notice', message: `no reference for ${shown} at ${label}${why ? `: ${why}` : ''}` });
      continue;
    }
    out.files.push(dest);
    out.labels.set(dest, `${shown}@${label}`);
    out.sources.set(dest, files.via);
  }
  if (out.files.length === 0 && dataFiles.length > 1) {
    out.notices.push({ severity: 'notice', message: `no reference at ${label}: drift was not computed` });
  }
  return out;
}

function refuse(ref: string, where: string): never {
  throw new UserError(`input "reference": git:${ref} is not a branch, tag or commit of ${where}`, { input: 'reference' });
}
