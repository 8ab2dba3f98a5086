import { UserError } from '../errors.js';
import type { Status } from '../section/section.js';
import { collect, pages, type Api, type Repo } from './api.js';

/** What the user asked for in the `target` input. */
export type TargetSpec = { kind: 'auto' } | { kind: 'none' } | { kind: 'pr' | 'issue'; number: number } | { kind: 'commit'; sha: string };

/** Where the report goes once the event is known. */
export type Target = (Repo & { kind: 'issue'; number: number; isPull: boolean }) | (Repo & { kind: 'commit'; sha: string }) | { kind: 'none'; reason: string };

/** The parts of the workflow run's context that decide the target (from GITHUB_* and the event). */
export interface EventContext {
  eventName: string;
  payload: any;
  /** GITHUB_SHA: on pull_request this is the merge commit, not the PR's head. */
  sha: string;
  repo: Repo;
}

export function parseTarget(value: string): TargetSpec {
  const v = value.trim();
  if (v === '' || v === 'auto') return { kind: 'auto' };
  if (v === 'none') return { kind: 'none' };
  let m = /^(pr|issue)\/([1-9][0-9]*)$/.exec(v);
  if (m) return { kind: m[1] as 'pr' | 'issue', number: Number(m[2]) };
  m = /^commit\/([0-9a-f]{7,40})$/i.exec(v);
  if (m) return { kind: 'commit', sha: m[1].toLowerCase() };
  throw new UserError(`input "target" has an unknown value "${v}": use auto, pr/<number>, issue/<number>, commit/<sha> or none`, { input: 'target' });
}

const PULL_EVENTS = new Set(['pull_request', 'pull_request_target', 'pull_request_review', 'pull_request_review_comment']);

/**
 * The commit that checks and links belong to. On pull_request GITHUB_SHA is the merge commit;
 * on workflow_run it is the default branch's head, not the run's.
 */
export function headSha(ctx: EventContext): string {
  return ctx.payload?.pull_request?.head?.sha ?? ctx.payload?.workflow_run?.head_sha ?? ctx.sha;
}

/**
 * The commit the event says this run is about, when it says so (pull request events, workflow_run,
 * push); undefined for events such as issue_comment or schedule, which name no commit of the PR.
 */
export function eventHeadSha(ctx: EventContext): string | undefined {
  const p = ctx.payload ?? {};
  if (PULL_EVENTS.has(ctx.eventName)) return p.pull_request?.head?.sha;
  if (ctx.eventName === 'workflow_run') return p.workflow_run?.head_sha;
  if (ctx.eventName === 'push' && p.after && !/^0+$/.test(p.after)) return p.after;
  return undefined;
}

export async function resolveTarget(spec: TargetSpec, ctx: EventContext, api: Api): Promise<Target> {
  const { owner, repo } = ctx.repo;
  switch (spec.kind) {
    case 'none':
      return { kind: 'none', reason: 'target is none' };
    case 'pr':
    case 'issue':
      return { kind: 'issue', owner, repo, number: spec.number, isPull: spec.kind === 'pr' };
    case 'commit':
      return { kind: 'commit', owner, repo, sha: spec.sha };
  }
  const p = ctx.payload ?? {};
  if (PULL_EVENTS.has(ctx.eventName) && p.pull_request?.number) {
    return { kind: 'issue', owner, repo, number: p.pull_request.number, isPull: true };
  }
  if (ctx.eventName === 'issue_comment' && p.issue?.number) {
    return { kind: 'issue', owner, repo, number: p.issue.number, isPull: Boolean(p.issue.pull_request) };
  }
  if (ctx.eventName === 'workflow_run' && p.workflow_run) return workflowRunTarget(p.workflow_run, ctx.repo, api);
  if (ctx.eventName === 'push' || ctx.eventName === 'workflow_dispatch' || ctx.eventName === 'schedule') {
    const sha = p.after && !/^0+$/.test(p.after) ? p.after : ctx.sha;
    const pr = await openPullForCommit(api, ctx.repo, sha);
    if (pr !== undefined) return { kind: 'issue', owner, repo, number: pr, isPull: true };
    return { kind: 'commit', owner, repo, sha };
  }
  return { kind: 'none', reason: `no pull request or commit to comment on for a ${ctx.eventName} event` };
}

async function openPullForCommit(api: Api, r: Repo, sha: string): Promise<number | undefined> {
  const { data } = await api.request('GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls', {
    ...r,
    commit_sha: sha,
    per_page: 100,
  });
  const open = (data as Array<{ number: number; state: string; head: { sha: string } }>).filter((p) => p.state === 'open');
  return (open.find((p) => p.head.sha === sha) ?? open[0])?.number;
}

/**
 * The pull request of the run that triggered a workflow_run. The payload lists it for same-repo
 * PRs only (fork PRs come with an empty list), so otherwise the open PRs are searched by head sha.
 * Either way the PR must still point at the run's head sha: a report must not land on a PR whose
 * head has moved on to a commit the report is not about, nor on a PR the run never built.
 */
async function workflowRunTarget(run: any, r: Repo, api: Api): Promise<Target> {
  const sha: string = run.head_sha;
  const listed: number[] = (run.pull_requests ?? []).filter((p: any) => p?.head?.sha === sha || p?.head?.sha === undefined).map((p: any) => p.number);
  let number = listed[0];
  if (number === undefined) {
    const open = await collect(pages<any>(api, 'GET /repos/{owner}/{repo}/pulls', { ...r, state: 'open' }));
    number = open.find((p) => p.head?.sha === sha)?.number;
  }
  if (number === undefined) {
    if (run.event === 'push') return { kind: 'commit', ...r, sha };
    return { kind: 'none', reason: `no open pull request has head ${sha.slice(0, 7)}, the commit the triggering run built` };
  }
  const { data: pull } = await api.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', { ...r, pull_number: number });
  if (pull.head?.sha !== sha) {
    return {
      kind: 'none',
      reason: `pull request #${number} has moved on to ${String(pull.head?.sha).slice(0, 7)}; this report is about ${sha.slice(0, 7)}, so the newer run will comment`,
    };
  }
  return { kind: 'issue', ...r, number, isPull: true };
}

/**
 * On workflow_run, what GitHub recorded about the triggering run is the only verdict to believe:
 * the report bundle it uploaded is that run's own word (a fork's, perhaps), statuses included.
 * Only `success` passes and `neutral` warns; anything else (failure, cancelled, timed out,
 * skipped, still running) did not show the change is sound, so it fails.
 */
export function triggeringRunVerdict(ctx: EventContext): { status: Status; note: string } | undefined {
  if (ctx.eventName !== 'workflow_run' || !ctx.payload?.workflow_run) return undefined;
  const conclusion = ctx.payload.workflow_run.conclusion;
  const said = typeof conclusion === 'string' && conclusion ? conclusion : 'none (the run has not completed)';
  const status: Status = conclusion === 'success' ? 'pass' : conclusion === 'neutral' ? 'warn' : 'fail';
  return { status, note: `Verdict from the triggering run's conclusion: ${said}; the sections below are that run's own word.` };
}

/**
 * The head sha of a pull request now. A report is about one commit: once the PR has moved on,
 * the newer commit's run owns the comment.
 */
export async function currentPullHead(api: Api, target: Repo & { number: number }): Promise<string | undefined> {
  const { data } = await api.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', {
    owner: target.owner,
    repo: target.repo,
    pull_number: target.number,
  });
  return typeof data?.head?.sha === 'string' ? data.head.sha : undefined;
}
