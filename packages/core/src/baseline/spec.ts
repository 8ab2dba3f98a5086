import { UserError } from '../errors.js';
import { booleanWord } from '../files/flags.js';
import type { EventContext } from '../forge/target.js';

/**
 * What the `baseline` input asks for:
 *
 *   auto             on a pull request, the base branch (git); on push, the commit before the push
 *   git:<ref>        the same files at that ref: the local clone, else the API's contents endpoint
 *   file:<path>      a directory laid out like the workspace, or one file for one metrics file
 *   cache            what `save-baseline` stored from the default branch (@actions/cache)
 *   artifact:<name>  the artifact of that name from the latest successful run on the base branch
 *   none             compare with nothing: head values and absolute gates only
 */
export type BaselineSpec =
  | { kind: 'auto' }
  | { kind: 'none' }
  | { kind: 'git'; ref: string }
  | { kind: 'file'; path: string }
  | { kind: 'cache' }
  | { kind: 'artifact'; name: string };

/**
 * A baseline once `auto` is settled; `none` carries why there is nothing to compare with. A git
 * ref chosen by `auto` says what it is (`chosen`, for messages); `ifMissing` is set when the ref may
 * legitimately be gone (the commit before a force push): then its absence is "no baseline", never
 * an error. A ref the user named that does not exist is an error.
 */
export type ChosenBaseline =
  | Exclude<BaselineSpec, { kind: 'auto' } | { kind: 'none' } | { kind: 'git' }>
  | { kind: 'git'; ref: string; chosen?: string; ifMissing?: string }
  | { kind: 'none'; reason: string };

// A ref as git accepts it (git check-ref-format, loosely) and nothing a command line could misread.
const REF = /^(?!-)(?!.*\.\.)(?!.*@\{)[A-Za-z0-9._/~^-]+$/;

export function parseBaselineSpec(value: string, input = 'baseline'): BaselineSpec {
  const v = value.trim();
  if (v === '' || v === 'auto') return { kind: 'auto' };
  if (v === 'none') return { kind: 'none' };
  if (v === 'cache') return { kind: 'cache' };
  const at = v.indexOf(':');
  const [scheme, rest] = at < 0 ? [v, ''] : [v.slice(0, at), v.slice(at + 1).trim()];
  if (scheme === 'git' && REF.test(rest)) return { kind: 'git', ref: rest };
  if (scheme === 'git') {
    throw new UserError(`input "${input}": "${rest}" is not a git ref (use git:main, git:v1.2 or git:<sha>)`, { input });
  }
  if (scheme === 'file' && rest !== '') return { kind: 'file', path: rest };
  if (scheme === 'artifact' && /^[^\s"':<>|*?\\/]+$/.test(rest)) return { kind: 'artifact', name: rest };
  throw new UserError(`input "${input}" has an unknown value "${v}": use auto, git:<ref>, file:<path>, cache, artifact:<name> or none`, { input });
}

const PULL_EVENTS = new Set(['pull_request', 'pull_request_target']);
const ZERO_SHA = /^0+$/;

/**
 * Settles `auto` from the event: a pull request compares with its base branch, a push with the
 * commit before it. Other events (schedule, workflow_dispatch) have no natural baseline.
 */
export function chooseBaseline(spec: BaselineSpec, ctx: Pick<EventContext, 'eventName' | 'payload'>): ChosenBaseline {
  if (spec.kind === 'none') return { kind: 'none', reason: 'baseline is none' };
  if (spec.kind !== 'auto') return spec;
  if (PULL_EVENTS.has(ctx.eventName)) {
    const ref = ctx.payload?.pull_request?.base?.ref;
    if (typeof ref === 'string' && ref !== '') return { kind: 'git', ref, chosen: "the pull request's base branch" };
    return { kind: 'none', reason: 'the pull request event names no base branch' };
  }
  if (ctx.eventName === 'push') {
    const before = ctx.payload?.before;
    if (typeof before === 'string' && before !== '' && !ZERO_SHA.test(before)) {
      return {
        kind: 'git',
        ref: before,
        chosen: 'the commit before the push',
        ifMissing: `the commit before the push (${before.slice(0, 7)}) no longer exists (a force push?)`,
      };
    }
    return { kind: 'none', reason: 'the push created the branch: there is no previous commit' };
  }
  return { kind: 'none', reason: `no automatic baseline for ${ctx.eventName || 'this'} event (set the baseline input)` };
}

/** True on the events whose caches and artifacts are scoped to a pull request, never a baseline. */
export function isPullRequestEvent(eventName: string): boolean {
  return PULL_EVENTS.has(eventName);
}

/** The base branch a baseline is looked for on: the PR's base, else the pushed branch. */
export function baseBranch(ctx: Pick<EventContext, 'eventName' | 'payload'>, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const base = ctx.payload?.pull_request?.base?.ref;
  if (typeof base === 'string' && base) return base;
  const ref = typeof ctx.payload?.ref === 'string' ? ctx.payload.ref : env.GITHUB_REF;
  if (ref?.startsWith('refs/heads/')) return ref.slice('refs/heads/'.length);
  return ctx.payload?.repository?.default_branch ?? undefined;
}

/** Where `save-baseline` stores the head's files: nowhere, the Actions cache, or an artifact. */
export type SaveBaseline = { kind: 'none' } | { kind: 'cache' } | { kind: 'artifact'; name: string };

/** `save-baseline`: true (or `cache`), false, or `artifact:<name>` for `baseline: artifact:<name>`. */
export function parseSaveBaseline(value: string, input = 'save-baseline'): SaveBaseline {
  const v = value.trim();
  if (v === '') return { kind: 'none' };
  if (v.toLowerCase() === 'cache') return { kind: 'cache' };
  const said = booleanWord(v);
  if (said !== undefined) return said ? { kind: 'cache' } : { kind: 'none' };
  const m = /^artifact:([^\s"':<>|*?\\/]+)$/.exec(v);
  if (m) return { kind: 'artifact', name: m[1] };
  throw new UserError(`input "${input}" must be true, false, cache or artifact:<name>, not "${v}"`, { input });
}

/**
 * Stores a baseline where the same input reads it (`cache`, `artifact:<name>`), for inputs that
 * both read and store, as comment-report's `tests-baseline` does; anything else is not stored.
 */
export function saveWhereRead(spec: BaselineSpec): SaveBaseline {
  if (spec.kind === 'cache') return { kind: 'cache' };
  if (spec.kind === 'artifact') return { kind: 'artifact', name: spec.name };
  return { kind: 'none' };
}

/**
 * Whether this run may store its files as the baseline. A failed run never does (nothing the user
 * had is lost to a bad run). A pull request's caches and artifacts are scoped to it and would
 * never be anyone's baseline, so it does not try.
 */
export function mayStoreBaseline(passed: boolean, eventName: string): { store: boolean; reason?: string } {
  if (!passed) return { store: false, reason: 'a gate failed' };
  if (isPullRequestEvent(eventName))
    return { store: false, reason: `${eventName} runs cannot store a baseline for others (run on push to the default branch)` };
  return { store: true };
}

/** The commit a stored baseline is looked up by: the PR's base commit, or the commit before a push. */
export function baseCommit(ctx: Pick<EventContext, 'eventName' | 'payload'>): string | undefined {
  const sha = ctx.payload?.pull_request?.base?.sha ?? (ctx.eventName === 'push' ? ctx.payload?.before : undefined);
  return typeof sha === 'string' && sha !== '' && !ZERO_SHA.test(sha) ? sha : undefined;
}
